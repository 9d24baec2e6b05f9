"""A PDF page as a small greyscale PNG, for the review report's picture of the page.

PDFium renders the page; the PNG is written here with zlib (no imaging library needed):
greyscale at ``scale`` (0.75: a 842 pt wide page becomes 632 pixels, ~100-200 KB).
"""

from __future__ import annotations

import struct
import zlib

from . import glyphs


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_grey(width: int, height: int, stride: int, pixels: bytes) -> bytes:
    """A PNG of 8-bit grey ``pixels`` (rows of ``stride`` bytes, ``width`` used)."""
    rows = b"".join(b"\x00" + pixels[y * stride: y * stride + width] for y in range(height))
    head = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", head) + _chunk(b"IDAT", zlib.compress(rows, 6)) \
        + _chunk(b"IEND", b"")


def page_png(path: str, number: int, scale: float = 0.75) -> bytes | None:
    """Page ``number`` (1-based) of the PDF as a greyscale PNG; None where it cannot be drawn."""
    if glyphs.pdfium is None:
        return None
    try:
        doc = glyphs.pdfium.PdfDocument(path)
    except (glyphs.pdfium.PdfiumError, OSError):
        return None
    try:
        page = doc[number - 1]
        try:
            bitmap = page.render(scale=scale, grayscale=True)
            raw = bytes(bitmap.buffer)
            return png_grey(bitmap.width, bitmap.height, bitmap.stride, raw)
        finally:
            page.close()
    except Exception:  # noqa: BLE001 - a picture is a nicety: no picture, not a failed page
        return None
    finally:
        doc.close()
