"""What a PDF page's text layer holds: each character with where it stands and in what type.

Read with PDFium (through pypdfium2): its text page gives every character's Unicode value,
box, baseline origin, font size and font name in C, at about 200,000 characters a second on
one core: an A3 newspaper page in a twentieth of a second. (pdfminer.six, the pure-Python
reader, manages 38,000: a quarter of a second before any layout work.)

Fake bold: display headlines are often "bolded" by drawing the same text twice a fraction of
a point apart. PDFium's text page keeps one copy of a text object drawn again at almost the
same place; the page's text objects tell which were drawn twice (:func:`drawn_twice`), so the
layout marks those lines bold and the log says a copy was left out. A copy drawn character by
character (which PDFium does not merge) is dropped when the lines are built. Text drawn filled
and outlined (text render mode 2: how 方正 typesetting bolds a face) is bold too.

Blanks drawn on their own: a typesetter that draws each character as a text object of its own
draws a byline's blank (本报记者 范瑞海 吴雪秀) as one too. PDFium's text page leaves that
space out (and makes one up where the gap looks wide enough to it, which it also does inside a
justified line); the page's objects show it: a text object reading as no text, with no ink
(its bounds a point), is a blank typed there (:func:`_objects`), and is read as a space.
"""

from __future__ import annotations

import ctypes
import math
from typing import NamedTuple

from ..errors import InputError

try:  # an optional dependency: only PDF input needs it
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
except ImportError:  # pragma: no cover - exercised where pypdfium2 is not installed
    pdfium = raw = None

#: a PDF page object's type (fpdf_edit.h)
_TEXT_OBJECT, _PATH_OBJECT, _IMAGE_OBJECT = 1, 2, 3
_RECENT = 64  # text objects looked back over for the one a copy repeats
_SAME = 1e-3  # points: two baselines this close are one (float noise)
_BOLD_NAMES = ("bold", "heavy", "black", "demi", "semibold", "medium", "hei")


class Glyph(NamedTuple):
    """One character of the text layer, in PDF points (origin bottom left, y up)."""

    char: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float  # the y of its origin
    size: float
    bold: bool


class Box(NamedTuple):
    """A rectangle drawn on the page (a frame round a pull quote, a picture's area)."""

    x0: float
    bottom: float
    x1: float
    top: float
    kind: str  # "frame" (a stroked or filled path) or "image"


class Twice(NamedTuple):
    """A text object drawn a second time a fraction of a point from the first: fake bold."""

    text: str
    x0: float
    bottom: float
    x1: float
    top: float
    dx: float
    dy: float


class PageGlyphs(NamedTuple):
    number: int  # 1-based
    width: float
    height: float
    glyphs: list
    boxes: list
    twice: list


def require() -> None:
    if pdfium is None:
        raise InputError("reading PDF needs pypdfium2: pip install 'cleaner[pdf]' (or pip install pypdfium2)")


def open_document(path: str):
    """The PDF at ``path``, or an :class:`InputError` that says what is wrong with it."""
    require()
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise InputError(f"{path}: the PDF is encrypted (a password is needed): decrypt it first, "
                             f"e.g. qpdf --decrypt --password=… IN.pdf OUT.pdf") from None
        raise InputError(f"{path}: not a readable PDF ({e}); if it is damaged, try repairing it "
                         f"(e.g. qpdf IN.pdf OUT.pdf or mutool clean IN.pdf OUT.pdf)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None


def read_page(doc, index: int, p: dict | None = None) -> PageGlyphs:
    """Every character of page ``index`` (0-based) with its geometry, the frames and pictures
    drawn on it, and the text drawn twice; ``p``: rule P001's parameters (``bold_weight``,
    ``blank_ems``, ``redraw_ems``), the shipped rule's where None."""
    if p is None:
        from ..rules import default_rules

        p = default_rules()["P001"].params
    page = doc[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage, p["bold_weight"])
            boxes, twice, blanks = _objects(page, textpage, p["blank_ems"], p["redraw_ems"])
            glyphs += blanks
        finally:
            textpage.close()
    finally:
        page.close()
    return PageGlyphs(index + 1, width, height, glyphs, boxes, twice)


def _glyphs(textpage, bold_weight: float) -> list[Glyph]:
    """The characters of the text layer. A character's size is its font size as the page
    draws it: the size its text sets, scaled by the text's matrix (a browser's PDF sets 10 pt
    type as 13.33 px under a 0.75 scale: the size alone would read it a third too large).

    Bold is a bold font's name, its ForceBold flag, its weight (PDFium estimates it from the
    font's stem width, StemV, which producers write as they please: Chromium gives Noto Serif
    Regular 625) of ``bold_weight`` or more, or text outlined as well as filled."""
    tp = textpage.raw
    matrix = raw.FS_MATRIX()
    get_matrix = raw.FPDFText_GetMatrix
    n = raw.FPDFText_CountChars(tp)
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, bool] = {}
    out = []
    get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    get_box, get_origin, get_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin, raw.FPDFText_GetFontSize
    get_font, get_weight = raw.FPDFText_GetFontInfo, raw.FPDFText_GetFontWeight
    get_object = getattr(raw, "FPDFText_GetTextObject", None)
    strokes: dict = {}  # text object -> whether it is drawn outlined too (fake bold)
    for i in range(n):
        code = get_unicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or is_generated(tp, i) == 1:
            continue  # the breaks and spaces PDFium makes up; the layout finds its own
        ch = chr(code)
        if ch in "\r\n":
            continue
        get_box(tp, i, rect)  # the advance box: the ink of ，。 fills only part of it
        get_origin(tp, i, ox, oy)
        size = get_size(tp, i)
        if get_matrix(tp, i, matrix):
            size *= (matrix.c ** 2 + matrix.d ** 2) ** 0.5 or 1.0
        get_font(tp, i, name, 128, flags)
        key = name.value
        bold = fonts.get(key)
        if bold is None:
            low = key.decode("latin-1").lower()
            bold = fonts[key] = any(b in low for b in _BOLD_NAMES) or (flags.value & (1 << 18)) != 0
        if not bold and get_weight(tp, i) >= bold_weight:
            bold = True
        if not bold and get_object is not None:  # (outlined as well as filled: fake bold)
            obj = get_object(tp, i)
            key_obj = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
            stroked = strokes.get(key_obj)
            if stroked is None:
                stroked = strokes[key_obj] = bool(obj) and _outlined(obj)
            bold = stroked
        out.append(Glyph(ch, rect.left, rect.right, rect.bottom, rect.top, oy.value, size, bold))
    return out


#: text render modes that stroke the glyphs' outlines as well as fill them (ISO 32000 9.3.6)
_FILL_STROKE = (2, 6)


def _outlined(obj) -> bool:
    """Whether a text object is drawn filled and outlined with a line of some width: bold made
    by stroking the glyphs (text render mode 2, how 方正 typesetting usually bolds a face that
    has no bold), which the font's name and weight do not tell."""
    if raw.FPDFTextObj_GetTextRenderMode(obj) not in _FILL_STROKE:
        return False
    width = ctypes.c_float()
    return bool(raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))) and width.value > 0


def _objects(page, textpage, blank_ems: float, redraw_ems: float) -> tuple[list[Box], list[Twice], list[Glyph]]:
    """Frames and pictures on the page, text objects drawn twice (fake bold), and blanks drawn
    as text objects of their own (each a space :class:`Glyph` from its origin to where the next
    character drawn starts, :func:`_blank_width`; of no width where that says nothing)."""
    boxes, twice, blanks = [], [], []
    waiting = None  # the blank (its index) the next text object drawn may give a width
    drawn: set[tuple[float, float]] = set()  # where blanks stand
    matrix, fsize = raw.FS_MATRIX(), ctypes.c_float()
    recent: list[tuple] = []  # the last text objects drawn: a copy follows its original closely
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    buf_len = 512
    buf = (ctypes.c_ushort * buf_len)()
    pg, tp = page.raw, textpage.raw
    for i in range(raw.FPDFPage_CountObjects(pg)):
        obj = raw.FPDFPage_GetObject(pg, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (_TEXT_OBJECT, _PATH_OBJECT, _IMAGE_OBJECT):
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        if kind == _IMAGE_OBJECT:
            boxes.append(Box(x0, y0, x1, y1, "image"))
        elif kind == _PATH_OBJECT:
            if x1 - x0 > 20 and y1 - y0 > 10:  # rules and hairlines are not frames
                boxes.append(Box(x0, y0, x1, y1, "frame"))
        else:
            got = raw.FPDFTextObj_GetText(obj, tp, buf, buf_len * 2)  # bytes, with the terminator
            text = bytes(buf)[: got - 2].decode("utf-16-le", "replace").strip() if got > 2 else ""
            blank = not text and x1 == x0 and y1 == y0  # no text and no ink: a blank drawn on its own
            if blank and (x0, y0) in drawn:
                continue  # (the same blank drawn again: its outline)
            if waiting is not None:  # the character drawn after a blank tells how wide it is
                _blank_width(blanks, waiting, obj, matrix, blank_ems)
                waiting = None
            if blank:
                if raw.FPDFPageObj_GetMatrix(obj, matrix) and raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(fsize)):
                    scale = (matrix.c ** 2 + matrix.d ** 2) ** 0.5 or 1.0
                    if fsize.value > 0:
                        drawn.add((x0, y0))
                        blanks.append(Glyph(" ", x0, x0, y0, y0, y0, fsize.value * scale, False))
                        waiting = len(blanks) - 1
                continue
            size = max(y1 - y0, 1.0)
            # PDFium's text page keeps one copy of an object drawn again where it was: the copy
            # reads as no text; the same text object's bounds a fraction of a point away tell
            for (a0, b0, a1, b1, first) in reversed(recent):
                dx, dy = x0 - a0, y0 - b0
                if first and (not text or text == first) and 0 < abs(dx) + abs(dy) <= redraw_ems * size \
                        and abs((x1 - x0) - (a1 - a0)) <= redraw_ems * size:
                    twice.append(Twice(first, x0, y0, x1, y1, dx, dy))
                    break
            else:
                recent.append((x0, y0, x1, y1, text))
                del recent[:-_RECENT]
    return boxes, twice, blanks


def _blank_width(blanks: list[Glyph], k: int, obj, matrix, blank_ems: float) -> None:
    """Blank ``k`` is as wide as up to where the next text object drawn starts, on its
    baseline, within ``blank_ems`` of its size (the widest blank, U+3000, is one em, and a
    justified line spaces its characters further): its box ends there. A typesetter drawing
    each character so (Chromium among them) sets the blank's advance; a dateline's ideographic
    blank (新华社烟台 3 月 6 日电　记者…) had left a gutter's gap in its line."""
    b = blanks[k]
    if raw.FPDFPageObj_GetMatrix(obj, matrix) and math.isclose(matrix.f, b.baseline, abs_tol=_SAME) \
            and 0 < matrix.e - b.x0 <= blank_ems * b.size:
        blanks[k] = b._replace(x1=matrix.e)


def page_count(doc) -> int:
    return len(doc)
