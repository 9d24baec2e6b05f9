"""Reading pages: bytes to text in a documented order, and atomic writes.

Newspaper text reaches a corpus in whatever encoding the extractor or the archive used:
UTF-8 mostly, UTF-16 from Windows tools, GBK/GB18030 from mainland archives, Big5 from
Taiwan and Hong Kong. ``--encoding auto`` (the default) decides as follows:

1. A byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-32 LE/BE, UTF-16 LE/BE. The BOM
   is not part of the text.
2. Without a UTF-16/32 mark, a file that starts like a known binary format (PDF, PNG, JPEG,
   GIF, ZIP/Office, gzip, bzip2, xz, 7z, ELF, OLE2 .doc, TIFF) or has NUL bytes (over 1%)
   or other control bytes (over 10%) in its first 8 KiB is not a page: :class:`InputError`.
   A stray NUL or two in a file that decodes is left to the normalise stage, which removes
   control characters as a recorded change; in a file that does not decode they mark it as
   binary.
3. Otherwise strict UTF-8 (plain ASCII is UTF-8).
4. Otherwise GB18030 (a superset of GBK and GB2312) and Big5, each strictly. GB18030 decodes
   nearly every Big5 file too, into nonsense: two-byte codes overlap. When both succeed, the
   one whose characters are common wins: the share of non-ASCII characters that are
   punctuation or Han in GB2312 or in Big5 level 1 (the 5401 frequent characters). A real
   Big5 page scores near 100% read as Big5 and far lower read as GB18030, where half its
   codes land on rare characters and private-use points; a GBK page the other way round.
   On a tie GB18030 wins.

A file that none of these reads raises ``PATH: not text in UTF-8/UTF-16/GB18030/Big5 (first
bad byte at offset N)``, N being the first byte the most plausible encoding (the one with
the fewest undecodable bytes) could not read. Undecodable bytes are replaced by U+FFFD only
when the caller asks (``errors="replace"``), with that same most plausible encoding.

>>> decode("科技日报讯".encode("gb18030"), "page.txt")
('科技日报讯', 'gb18030')
>>> decode("科技日報訊".encode("big5"), "page.txt")
('科技日報訊', 'big5')
>>> decode(b"\\xef\\xbb\\xbfok", "page.txt")
('ok', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
import functools
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from .errors import InputError

#: what ``auto`` tries after the byte-order marks, in order
AUTO_ORDER = ("utf-8", "gb18030", "big5")

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),  # only with the block magic after it, see _looks_binary
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (.doc/.xls)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)

_SNIFF = 8192
#: control bytes a text file may hold: tab, line feed, vertical tab, form feed, carriage
#: return, and ESC / SUB which old DOS tools leave
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1a\x1b")


def _looks_binary(data: bytes) -> str | None:
    """What the data is when it is not text (checked before any decoding), else None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if what is None:  # bzip2: "BZh" + block size digit + block magic
                if data[3:4].isdigit() and data[4:10] == b"1AY&SY":
                    return "a bzip2 archive"
                continue
            return what
    head = data[:_SNIFF]
    if not head:
        return None
    nul = head.count(0)
    if nul * 100 > len(head):
        return _nul_bytes(head, nul)
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls * 10 > len(head):
        return "binary data (control bytes)"
    return None


def _nul_bytes(head: bytes, nul: int) -> str:
    """'binary data (NUL bytes)', with a hint when they sit where UTF-16 puts them."""
    odd = head[1::2].count(0)
    if nul >= 8 and odd * 10 >= nul * 9:
        return "binary data (NUL bytes); it looks like UTF-16-LE without a byte-order mark: use --encoding utf-16-le"
    if nul >= 8 and odd * 10 <= nul:
        return "binary data (NUL bytes); it looks like UTF-16-BE without a byte-order mark: use --encoding utf-16-be"
    return "binary data (NUL bytes)"


def decode(data: bytes, where: str, encoding: str = "auto", errors: str = "strict") -> tuple[str, str]:
    """(text, encoding used), following the order in the module docstring.

    ``encoding`` forces a codec (no sniffing: the caller knows better); ``errors`` is
    "strict" or "replace". The encoding returned is a Python codec name (``utf-8``,
    ``utf-8-sig``, ``utf-16-le``, ``gb18030``, ``big5``, …), with ``+replace`` appended when
    bytes were actually replaced. Raises :class:`InputError` naming ``where``.

    >>> decode(b"\\x00\\x01\\x02", "x.bin")
    Traceback (most recent call last):
      ...
    cleaner.errors.InputError: x.bin: not a text file: binary data (NUL bytes)
    >>> decode(b"ok \\xff", "bad.txt")
    Traceback (most recent call last):
      ...
    cleaner.errors.InputError: bad.txt: not text in UTF-8/UTF-16/GB18030/Big5 (first bad byte at offset 3)
    >>> decode(b"ok \\xff", "bad.txt", errors="replace")
    ('ok \\ufffd', 'utf-8+replace')
    """
    if errors not in ("strict", "replace"):
        raise InputError(f"{where}: unknown error handling '{errors}' (use strict or replace)")
    if encoding.lower() != "auto":
        return _forced(data, where, encoding, errors)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            candidates = [(enc, len(bom))]
            break
    else:
        candidates = [(enc, 0) for enc in AUTO_ORDER]
    wide = candidates[0][0].startswith(("utf-16", "utf-32"))  # NUL bytes are its ASCII
    what = None if wide else _looks_binary(data)
    if what:
        raise InputError(f"{where}: not a text file: {what}")
    decoded = []
    for enc, skip in candidates:
        text = _strict(data, enc, skip)
        if text is not None:
            decoded.append((text, enc))
            if enc != "gb18030":  # only GB18030 needs a second opinion (Big5)
                break
    if decoded:
        if len(decoded) == 2 and _common_share(decoded[1][0]) > _common_share(decoded[0][0]):
            return decoded[1]
        return decoded[0]
    # nothing fits: NUL bytes say binary; else the most plausible encoding is the one with
    # the fewest bad bytes
    nul = data[:_SNIFF].count(0)
    if nul and not wide and errors == "strict":
        raise InputError(f"{where}: not a text file: {_nul_bytes(data[:_SNIFF], nul)}")
    best = min(candidates, key=lambda c: _bad_bytes(data, *c))
    enc, skip = best
    if errors == "replace":
        return _codec_text(data[skip:], enc, "replace"), f"{enc}+replace"
    offset = _first_bad(data, enc, skip)
    raise InputError(f"{where}: not text in UTF-8/UTF-16/GB18030/Big5 (first bad byte at offset {offset})")


def _codec_text(data: bytes, enc: str, errors: str) -> str:
    codec = "utf-8" if enc == "utf-8-sig" else enc
    return data.decode(codec, errors)


def _strict(data: bytes, enc: str, skip: int) -> str | None:
    try:
        return _codec_text(data[skip:], enc, "strict")
    except UnicodeDecodeError:
        return None


def _first_bad(data: bytes, enc: str, skip: int) -> int:
    try:
        _codec_text(data[skip:], enc, "strict")
    except UnicodeDecodeError as exc:
        return skip + exc.start
    return len(data)  # pragma: no cover (only called after a failure)


def _bad_bytes(data: bytes, enc: str, skip: int) -> int:
    return _codec_text(data[skip:], enc, "replace").count("\ufffd")


def _forced(data: bytes, where: str, encoding: str, errors: str) -> tuple[str, str]:
    try:
        name = codecs.lookup(encoding).name
        text = data.decode(encoding, errors=errors)
    except LookupError:
        raise InputError(f"{where}: unknown encoding '{encoding}'") from None
    except UnicodeDecodeError as exc:
        skip = len(codecs.BOM_UTF8) if name == "utf-8-sig" and data.startswith(codecs.BOM_UTF8) else 0
        raise InputError(f"{where}: not text in {encoding} (first bad byte at offset {skip + exc.start})") from None
    return text.removeprefix("\ufeff"), name


@functools.lru_cache(maxsize=65536)
def _is_common(c: str) -> bool:
    """Punctuation, or Han in GB2312 or in Big5 level 1: what real Chinese text is made of."""
    o = ord(c)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or 0x2010 <= o <= 0x2027 or o in (0x00B7, 0x00D7):
        return True
    if not (0x4E00 <= o <= 0x9FFF):
        return False
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        code = int.from_bytes(c.encode("big5"), "big")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= code <= 0xC67E


def _common_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are common (see :func:`_is_common`)."""
    counts = Counter(text)
    common = rare = 0
    for c, n in counts.items():
        if c < "\x80" or c.isspace():
            continue
        if _is_common(c):
            common += n
        else:
            rare += n
    return common / (common + rare) if common + rare else 0.0


def read_page(path: str, encoding: str = "auto", errors: str = "strict") -> tuple[str, str]:
    """Text of the page at ``path`` ('-' for standard input) and the encoding used."""
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


def _file_mode() -> int:
    """The mode ``open()`` gives a new file: 0666 less the process's umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; give what open() would
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
