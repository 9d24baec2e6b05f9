"""Reading pages: bytes to text with a documented encoding order, and atomic writes.

``--encoding auto`` (the default) tries strict decodes in this order and uses the first that
succeeds: UTF-8 (a BOM is dropped), UTF-16 when the file starts with a UTF-16 BOM,
GB18030 (a superset of GBK and GB2312), Big5. Undecodable bytes are never replaced
silently: that takes ``--errors replace``.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from .errors import InputError

AUTO_ORDER = ("utf-8", "utf-16", "gb18030", "big5")


def _looks_binary(data: bytes) -> str | None:
    if data.startswith(b"%PDF"):
        return "a PDF file"
    for magic, what in ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                        (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive")):
        if data.startswith(magic):
            return what
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, where: str, encoding: str = "auto", errors: str = "strict") -> tuple[str, str]:
    """(text, encoding used). Raises :class:`InputError` naming ``where`` when nothing fits."""
    if encoding != "auto":
        try:
            text = data.decode(encoding, errors=errors)
        except LookupError:
            raise InputError(f"{where}: unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not text in {encoding} (first bad byte at offset {exc.start})") from None
        return text.removeprefix("\ufeff"), encoding
    what = _looks_binary(data)
    if what:
        raise InputError(f"{where}: not a text file: {what}")
    first_bad = None
    for enc in AUTO_ORDER:
        if enc == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            if first_bad is None:
                first_bad = exc.start
            continue
        return text.removeprefix("\ufeff"), enc
    if errors == "replace":
        return data.decode("utf-8", errors="replace").removeprefix("\ufeff"), "utf-8+replace"
    raise InputError(f"{where}: not text in UTF-8/UTF-16/GB18030/Big5 (first bad byte at offset {first_bad})")


def read_page(path: str, encoding: str = "auto", errors: str = "strict") -> tuple[str, str]:
    """Text of the page at ``path`` ('-' for standard input) and the encoding used."""
    import sys

    where = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{where}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{where}: no such file") from None
    except PermissionError:
        raise InputError(f"{where}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{where}: cannot read: {exc.strerror}") from None
    return decode(data, where, encoding, errors)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
