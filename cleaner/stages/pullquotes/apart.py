"""How a quote is set apart from the text around it on a PDF page: one frame, a type of
its own, standing under a larger headline, or set further from its neighbours than they are
from each other.
"""

from __future__ import annotations

from ...model import Block, Page
from ..block_kinds import _same_size, bold_lines


def _one_frame(geo: list | None, b: Block) -> bool:
    """On a PDF page: every line of ``b`` stands in one frame (one block of type, framed)."""
    if geo is None:
        return False
    gs = [geo[k] for k in b.lines]
    return all(g is not None and g.framed for g in gs) and len({g.block for g in gs}) == 1


def _set_apart(page: Page, geo: list | None, b: Block) -> bool:
    """On a PDF page: every line of ``b`` in a frame, or in a type of its own, bold or larger
    than the body's (a pull quote on a tint, between rules or plain, in a bold face)."""
    if geo is None:
        return False
    same = _same_size(page)
    return all(g is not None and (g.framed or g.bold or g.ratio > 1.0 + same) for g in map(geo.__getitem__, b.lines))


def _apart_as_framed(page: Page, geo: list | None, b: Block) -> bool:
    """On a PDF page: ``b`` is set apart as a frame sets a quote apart, so that it need not be
    set narrower than the text it quotes: in a frame, or in a type of its own short of display
    type (a display headline, D005's, is set apart too, and as wide as the text it sums up)."""
    if geo is None:
        return False
    if all(geo[k] is not None and geo[k].framed for k in b.lines):
        return True
    bold = bold_lines(page)
    return _set_apart(page, geo, b) and not any(k in bold for k in b.lines)


def _under_larger_headline(page: Page, geo: list | None, blocks: list[Block], i: int, reach: int) -> bool:
    """Whether block ``i``, if set in display type (D005's) on a PDF page, stands under a
    headline in display type larger than its own (within ``reach`` blocks of it in reading order, which may
    have read the block as a headline of its own and put it first, printed above it and across
    it): the headline of the article it is in, so that it is no headline itself (a pull quote is
    set smaller than its article's headline; a title quoting its speaker may stand under a
    kicker in its own size: “博物馆要成为城市客厅”). A block in no display type, or in a frame,
    passes."""
    bold = bold_lines(page)
    b = blocks[i]
    if geo is None or not any(k in bold for k in b.lines) or all(geo[k] is not None and geo[k].framed for k in b.lines):
        return True  # (nor does a frame hold a headline over the text outside it)
    g = geo[b.first]
    if g is None:
        return False
    for j in range(max(0, i - reach), min(len(blocks), i + reach + 1)):
        h = blocks[j]
        gh = geo[h.first]
        if h.kind == "heading" and gh is not None and h.first in bold and gh.size > g.size \
                and gh.top > g.top and min(gh.x1, g.x1) > max(gh.x0, g.x0):
            return True
    return False


def _among_text(page: Page, blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` stands in an article's body among its text: right under a paragraph or
    a headline, on the line after its last with no blank line between. A quote is set apart from
    the text around it (at the page top, after a blank line before its article's headline, between
    blank-separated pieces of the paragraph it cuts, after a caption or a furniture line); of two
    identical paragraphs set alike (a clean page, where each is one line: two reports sharing a
    boilerplate sentence), one that stands among its text is no quote of the other, whichever
    comes first (else cleaning clean output again would take a paragraph from an article). The
    caller asks it of one-line copies only: an extractor that prints no blank line (PyMuPDF)
    sets a quote's box of several lines right among the text."""
    if i == 0:
        return False
    a, b = blocks[i - 1], blocks[i]
    return a.kind in ("paragraph", "heading") and a.last + 1 == b.first and page.lines[b.first].gap_before == 0


def _set_further(page: Page, geo: list, a: Block, b: Block) -> bool:
    """On a PDF page: ``b``'s first line stands further under ``a``'s last line than the
    reader sets two lines of one block of type (P001 ``max_pitch`` ems of ``b``'s type), or
    starts a block set wholly left of it and higher up: the pieces of one quote stand a line
    pitch apart, one under the other; a subtitle over a quote set plain in a type near its own
    has space set between (——今年全市开工改造小区683个 / 目前已有512个小区…), and one read
    before the stack set left of its headline stands right of the quote at that stack's top
    (年轻选手表现抢眼 / 国乒教练组负责人表示…)."""
    ga, gb = geo[a.last], geo[b.first]
    if ga is None or gb is None or "P001" not in page.rules:
        return False
    if gb.block != ga.block and gb.x1 <= ga.x0 and gb.top > ga.top:
        return True
    return ga.top - gb.top > page.rules["P001"].params["max_pitch"] * gb.size
