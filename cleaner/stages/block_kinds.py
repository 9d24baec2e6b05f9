"""What the label stage's parts share: labelling a block (a recorded change), joining two
blocks, and telling a heading by its shape and type.

The label stage (:mod:`.label`: furniture, captions, bylines, headings, datelines) and its
pull-quote finder (:mod:`.pullquotes`) both label and join blocks and both ask whether a block
is headline material; they ask it here, so that neither imports the other's internals.
"""

from __future__ import annotations

from ..chars import ends_sentence, nows
from ..model import Block, Change, Deferred, Page, replace
from ..rules import Rule, search_any
from ._common import rebuild

STAGE = "label"  # (these changes are the label stage's)


def _matches(patterns, text: str):
    return search_any(patterns, text)


def _label(page: Page, b: Block, kind: str, rule: Rule, evidence: str, changes: list) -> Block:
    s, e = page.block_span(b)
    changes.append(Change(rule.id, STAGE, "label", (s, e), "", kind,
                          Deferred(rule.describe, kind=kind, text=b.text[:30], evidence=evidence), rule.safety))
    return replace(b, kind=kind, confidence=1.0 if rule.safety == "safe" else 0.6)


def _merge(page: Page, blocks: list[Block], i: int, joiner: str) -> Block:
    a, b = blocks[i], blocks[i + 1]
    m = replace(a, lines=a.lines + b.lines, joiners=a.joiners + (joiner,) + b.joiners)
    return rebuild(page, m)


def _join_caption(page: Page, caption: Block, nxt: Block, cap: Rule, changes: list) -> Block:
    """``caption`` with the block after it (its photo credit, its rest) joined on, recorded.
    No blank where the caption stops mid-sentence or the credit comes in brackets."""
    joiner = "" if nxt.text.startswith(("（", "(")) or not ends_sentence(caption.text) else " "
    joined = _merge(page, [caption, nxt], 0, joiner)
    changes.append(Change(cap.id, STAGE, "join", page.block_span(joined), "\n", joiner,
                          cap.describe(kind="caption", text=joined.text[:30],
                                       evidence="photo credit continues the caption"), cap.safety))
    return joined


_BOLD: dict[int, tuple] = {}  # id(page.layout) -> (page.layout, its bold lines): one page at a time


def bold_lines(page: Page) -> set[int]:
    """The lines set in bold display type (drawn twice), worked out once per page without
    writing into the page: a stage never changes its input."""
    got = _BOLD.get(id(page.layout))
    if got is None or got[0] is not page.layout:
        _BOLD.clear()  # (the page before is done with)
        bold = set(page.layout.dedoubled) | {k for g in page.layout.heading_groups for k in g}
        got = _BOLD[id(page.layout)] = (page.layout, bold)
    return got[1]


def is_heading(page: Page, b: Block, rule: Rule) -> bool:
    """Short, in few lines, and closing no sentence: a title, subtitle or subhead."""
    p = rule.params
    t = b.text
    turns = p.get("interview_turns")
    if turns and search_any(turns, t):
        return False  # (a turn of a Q&A interview, 问：…？: its text, bold or not)
    size = len(nows(t))
    bold = bold_lines(page)
    if size <= p["max_length"] and t[-1] not in "。；" and any(k in bold for k in b.lines):
        return True  # set in bold display type: a headline, whatever its punctuation
    if len(b.lines) > p["max_lines"] or size > p["max_length"] or size < 2:
        return False
    if _first_line_in_text_type(page, b) or _sentence_end_in_text_type(page, b):
        return False
    if t[-1] not in "。；" and search_any(p["subtitle_openers"], t):
        return True  # a subtitle led in by a dash, commas and all (——优化布局，促进协调发展)
    if t[-1] in p["end_marks"]:
        return False
    if any(c in t for c in "。；") or ("，" in t and size > p["comma_max_length"]):
        return False  # a plain headline with a comma is short (稳字当头，进中求好)
    return True


def _first_line_in_text_type(page: Page, b: Block) -> bool:
    """On a PDF page, a block whose first line is in the text's plain type and runs to its
    column's edge: a paragraph's first line (indented, at a column's foot, the paragraph going
    on in the next column) or its end at a column's top (not indented: 大气环境带来哪些影响？
    有关方面应如 / 何应对？), not a heading, which the page sets apart."""
    if page.layout.geometry is None:
        return False
    g = page.geometry_of(b.first)
    same = page.rules["P001"].params["same_size"] if "P001" in page.rules else 0.0
    return g is not None and not g.bold and g.indent is not None and g.short is False and abs(g.ratio - 1.0) <= same \
        and not _over_indented_line(page, b)


def _over_indented_line(page: Page, b: Block) -> bool:
    """On a PDF page, a line of its own, not indented and closing no sentence, set right over
    an indented first line in its block of type: a subhead in the text's type filling a narrow
    column (一条线索牵出大案 over an 8-em measure), the next paragraph starting under it. A
    paragraph's first line is indented; a paragraph's end closing at its column's edge
    closes its sentence; and neither has a first line of its own column block under it."""
    if len(b.lines) != 1 or ends_sentence(b.text) or b.last + 1 >= len(page.lines) \
            or page.line_no(b.last + 1) == page.line_no(b.last):
        return False
    g, nxt = page.geometry_of(b.last), page.geometry_of(b.last + 1)
    return g is not None and nxt is not None and g.first and g.indent is False and not nxt.first \
        and nxt.block == g.block and nxt.indent is True


def _sentence_end_in_text_type(page: Page, b: Block) -> bool:
    """On a PDF page, a line of its own in the text's plain type, flush with its column's
    edge, closing a sentence (真性？ at a column's top): the end of a paragraph the column
    before broke off, not a heading, which the page sets apart (bold, or in a type of its own)."""
    if page.layout.geometry is None or len(b.lines) != 1 or not ends_sentence(b.text):
        return False
    g = page.geometry_of(b.first)
    same = page.rules["P001"].params["same_size"] if "P001" in page.rules else 0.0
    return g is not None and not g.bold and g.indent is False and abs(g.ratio - 1.0) <= same


def _same_size(page: Page) -> float:
    return page.rules["P001"].params["same_size"] if "P001" in page.rules else 0.0


def _one_type(page: Page, geo: list, a: Block, b: Block) -> bool:
    """On a PDF page: ``b``'s first line is set in the type of ``a``'s (its size, weight and
    frame), so the two may be one text the text stages broke."""
    ga, gb = geo[a.first], geo[b.first]
    return ga is not None and gb is not None and ga.bold == gb.bold and ga.framed == gb.framed \
        and abs(ga.size - gb.size) <= _same_size(page) * ga.size
