"""Helpers every stage uses to turn a decision into edits and change records."""

from __future__ import annotations

import bisect

from ..model import Change, Edit, Page, rendered_edit
from ..rules import Rule


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
    segs = overlay.segments(ln.start, ln.end)
    outs = [sg[2] for sg in segs]
    touched = False  # once a range widens into an older edit, the overlay is updated as we go
    for item in sorted(repl, reverse=True):
        i, j, text = item[:3]
        why = item[3] if len(item) > 3 else reason  # a reason per range, or one for all
        before = ln.text[i:j]
        if before == text:
            continue
        e = None
        if not touched:
            a = bisect.bisect_right(outs, i) - 1
            b = bisect.bisect_right(outs, max(i, j - 1)) - 1
            if a >= 0 and a == b and not segs[a][4] and j <= segs[a][3]:
                s0, _, o0, _, _ = segs[a]  # inside one unedited stretch: offsets map directly
                e = Edit(s0 + i - o0, s0 + j - o0, text)
        if e is None:
            # right to left: what is left of this range keeps its offsets, and a range that
            # widens into an earlier edit sees the changes already made to its right
            if not touched:
                overlay = overlay.apply(edits)
                touched = True
            e = rendered_edit(overlay, ln.start, ln.end, i, j, text)
            overlay = overlay.apply([e])
        edits.append(e)
        action = "delete" if not text else "insert" if i == j else "replace"
        changes.append(Change(rule.id, stage, action, (e.start, e.end), before, text,
                              why, rule.safety, (e,)))
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
