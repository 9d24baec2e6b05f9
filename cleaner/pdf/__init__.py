"""PDF in: a newspaper page's text layer read with its geometry, then cleaned like text.

    >>> from cleaner.pdf import parse_pages
    >>> parse_pages("1-3,5", 9)
    [1, 2, 3, 5]

:func:`read_pdf` yields one :class:`~cleaner.pdf.layout.PdfText` per page (its printed lines
in reading order, and what the type and places say of each); :func:`clean_pdf` runs the
text stages on each with that evidence. A page without a text layer (a scan) is an
:class:`~cleaner.errors.InputError` that says to run OCR first.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import InputError
from . import glyphs, layout
from .layout import LineGeometry, PdfText

__all__ = ["read_pdf", "clean_pdf", "parse_pages", "is_pdf", "LineGeometry", "PdfText"]

#: a page with fewer characters than this in its text layer, and a picture, is a scan
MIN_TEXT = 20
#: the document is opened anew after this many pages: PDFium caches the fonts and resources of
#: every page it has loaded until the document is closed (memory grew by 1 MB a page over a
#: 500-page PDF; reopening keeps it flat, for a few milliseconds per reopening)
REOPEN = 32


def is_pdf(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a PDF (its header may follow some junk)."""
    return b"%PDF-" in head[:1024]


def parse_pages(spec: str | None, count: int) -> list[int]:
    """Page numbers (1-based) from ``1-3,5`` (None: every page); out of range is an error."""
    if not spec:
        return list(range(1, count + 1))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        lo, sep, hi = part.partition("-")
        try:
            a = int(lo) if lo else 1
            b = (int(hi) if hi else count) if sep else a
        except ValueError:
            raise InputError(f"--pages {spec!r}: say pages as 1-3,5 (numbers from 1)") from None
        if a < 1 or b > count or a > b:
            raise InputError(f"--pages {spec!r}: the PDF has {count} page(s)")
        out += [k for k in range(a, b + 1) if k not in out]
    return out


def read_pdf(path: str, pages: str | None = None, rules=None) -> Iterator[PdfText]:
    """Each chosen page of the PDF at ``path`` read into lines in reading order (with the
    parameters of rule P001 of ``rules``, the shipped ones by default)."""
    from ..rules import default_rules

    rules = rules or default_rules()
    params = rules["P001"].params if "P001" in rules else None
    doc = glyphs.open_document(path)
    try:
        for k, number in enumerate(parse_pages(pages, len(doc))):
            if k and k % REOPEN == 0:  # PDFium keeps every page's fonts until the document closes
                doc.close()
                doc = glyphs.open_document(path)
            page = glyphs.read_page(doc, number - 1, {**layout.defaults(), **(params or {})})
            if len(page.glyphs) < MIN_TEXT:
                what = "is a picture with no text layer (a scan)" if page.boxes else "has no text layer"
                raise InputError(f"{path}: page {number} {what}: run OCR first (e.g. ocrmypdf -l chi_sim "
                                 f"IN.pdf OUT.pdf), then clean the result")
            yield layout.read(page, params)
    finally:
        doc.close()


def clean_pdf(path: str, rules=None, pages: str | None = None, name: str | None = None, **options):
    """Clean each chosen page of a PDF: yields (page number, cleaned Page)."""
    from pathlib import Path

    from ..pipeline import clean

    stem = name or Path(path).stem
    for got in read_pdf(path, pages, rules):
        yield got.number, clean(got.text, name=f"{stem}-p{got.number:03d}", rules=rules, geometry=got.geometry,
                                copies=got.copies, page_size=got.size, **options)
