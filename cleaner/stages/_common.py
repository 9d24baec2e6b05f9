"""Helpers every stage uses to turn a decision into edits and change records."""

from __future__ import annotations

import bisect
from itertools import repeat


from ..chars import half_count, nows, width
from ..model import Block, Change, Edit, Page, new_change, new_line, rendered_edit, replace
from ..rules import Rule, search_any


def line_replacements(page: Page, stage: str, rule: Rule, k: int,
                      repl: list[tuple], reason: str = "") -> tuple[list[Edit], list[Change]]:
    """Edits and changes for replacing rendered[i:j] of line ``k`` (``repl``: (i, j, text) or
    (i, j, text, reason)).

    The ranges are in the line's current text and must not overlap; they are applied right
    to left so that earlier ranges keep their offsets.
    """
    ln = page.lines[k]
    edits, changes = [], []
    overlay = page.overlay
    rendered = ln.text
    segs = overlay.segments(ln.start, ln.end)
    outs = [sg[2] for sg in segs]
    limit = len(rendered) + 1  # rendered positions at or right of this one were changed already
    progressive = False
    for item in sorted(repl, reverse=True):
        i, j, text = item[:3]
        why = item[3] if len(item) > 3 else reason  # a reason per range, or one for all
        before = rendered[i:j]
        if before == text:
            continue
        e = None
        if not progressive:
            a = max(0, bisect.bisect_right(outs, i) - 1)
            b = max(0, bisect.bisect_right(outs, max(i, j - 1)) - 1)
            s0, _, o0, _, ed0 = segs[a]
            ii, src_i = (o0, s0) if ed0 else (i, s0 + i - o0)
            s1, t1, p1, q1, ed1 = segs[b]
            jj, src_j = (q1, t1) if ed1 else (j, s1 + j - p1)
            if j <= i:
                jj, src_j = ii, src_i
            if jj < limit:
                # a range inside older edits widens to cover them whole, so edits never overlap
                e = Edit(src_i, max(src_i, src_j), rendered[ii:i] + text + rendered[j:jj])
                limit = ii
        if e is None:  # rare: two ranges widen into the same older edit; go one at a time
            if not progressive:
                overlay = overlay.apply(edits)
                progressive = True
            e = rendered_edit(overlay, ln.start, ln.end, i, j, text)
            overlay = overlay.apply([e])
        edits.append(e)
        action = "delete" if not text else "insert" if i == j else "replace"
        changes.append(new_change((rule.id, stage, action, (e.start, e.end), before, text,
                                   why, rule.safety, (e,))))
    # changes stay in the order their edits were made (right to left): replaying them in log
    # order reproduces the overlay
    return edits, changes


def source_replacements(page: Page, stage: str, rule: Rule, repl: list[tuple[int, int, str]],
                        reason_of) -> tuple[list[Edit], list[Change]]:
    """Edits over the raw source (before lines exist): one change per replaced range."""
    edits, changes = [], []
    for i, j, text in repl:
        before = page.source[i:j]
        if before == text:
            continue
        e = Edit(i, j, text)
        edits.append(e)
        action = "delete" if not text else "replace"
        changes.append(Change(rule.id, stage, action, (i, j), before, text,
                              reason_of(before, text), rule.safety, (e,)))
    return edits, changes


def flag_matches(stage: str, rule: Rule, matches, describe) -> list[Change]:
    """One ``flag`` change per match (the text left as it is): a place a person should look at
    that the cleaner must not guess. ``describe(match)`` gives the rule's reason's fields."""
    return [Change(rule.id, stage, "flag", (m.start(), m.end()), m.group(), m.group(),
                   rule.describe(**describe(m)), rule.safety) for m in matches]


def apply_line_edits(page: Page, edits: list[Edit], touched, blocks) -> tuple[Page, list[Block]]:
    """Apply ``edits`` (all inside the lines ``touched``) and refresh what they changed.

    Only the touched lines are measured again and only the blocks holding them are rebuilt:
    a page with one edit costs one line, not the whole page.
    """
    overlay = page.overlay.apply(edits)
    lines = list(page.lines)
    touched = set(touched)
    for k in touched:
        ln = lines[k]
        t = overlay.render(ln.start, ln.end)
        lines[k] = new_line((ln.index, ln.start, ln.end, t, width(t), ln.gap_before))
    page = page.evolve(overlay=overlay, lines=tuple(lines))
    blocks = [b if touched.isdisjoint(b.lines) else rebuild(page, b) for b in blocks]
    return page, blocks


def rebuild(page: Page, b: Block, **kw) -> Block:
    """A block's text from its lines' current text and its joiners (line n, then joiner n)."""
    lines, joiners = page.lines, b.joiners
    texts = [lines[k].text for k in b.lines]
    if any(joiners):  # (most blocks join their lines with nothing: one join of the lines)
        texts = [t + j for t, j in zip(texts, joiners)] + texts[len(joiners):]
    return replace(b, text="".join(texts), **kw)


#: (the page's lines last asked about, their texts without blanks): one tuple, swapped whole,
#: so a reader never sees one page's lines with another's texts
_PLAIN: tuple = ((), [])


def plain_lines(lines: tuple) -> list[str]:
    """Each of ``lines``' texts without blanks (:func:`~cleaner.chars.nows`), made once for a
    page's tuple of lines however many stages ask (the label stage's caption runs and pull-quote
    cuts each read most of a page's lines so). Lines are immutable and a page's tuple of them is
    new whenever one changes, so the tuple itself, held here, tells whether the texts are its."""
    global _PLAIN
    got = _PLAIN
    if got[0] is not lines:
        got = _PLAIN = (lines, [nows(ln.text) for ln in lines])
    return got[1]


def dateline_at(rules, text: str):
    """The dateline (a form of the label stage's rule L005) that opens ``text``, or None: one
    lookup for every stage that asks whether a text starts an article's dated first paragraph."""
    if not rules.enabled("L005"):
        return None
    m = search_any(rules["L005"].params["patterns"], text)
    return m if m and m.start() == 0 else None


def one_indent_short(short: float, text: str, j: dict, tolerance: float = 0.0) -> bool:
    """Whether a line ``short`` ems narrower than its column is a paragraph's first line that
    lost its indent: J001's ``indent_min`` to ``indent_max``, give or take the room the widths
    it guesses at take (digits, Latin letters, squeezed quotes: ``half_width_slack`` each) and
    ``tolerance``."""
    slack = j["half_width_slack"] * half_count(text) + tolerance
    return j["indent_min"] - slack <= short <= j["indent_max"] + slack


def median_without(ordered: list[float], removed: list[float]) -> float:
    """The median of the sorted list ``ordered`` with the values ``removed`` (some of its
    elements) taken out, without copying it: O(len(removed) log n); 0 when nothing is left.
    (A measure's median around a run of lines or blocks, asked for every run: the pull-quote
    cuts' column around a quote, the sections' column around a run.)

    >>> median_without([1, 2, 3, 9, 10], [9, 10])
    2
    """
    if len(removed) >= len(ordered):
        return 0.0
    # Each removed value takes the first place of its value not taken yet. With the values in
    # order, their places come in order too: the places taken so far are a run up to ``last``
    # wherever a value's own place falls inside them, so the next free one is ``last + 1``
    # (no search of the places taken), and the median's index moves past each place as it
    # comes (no second sort).
    idx = (len(ordered) - len(removed)) // 2
    last = -1
    for i in map(bisect.bisect_left, repeat(ordered), sorted(removed)):
        if i <= last:
            i = last + 1
        last = i
        if i <= idx:
            idx += 1
    return ordered[idx]
