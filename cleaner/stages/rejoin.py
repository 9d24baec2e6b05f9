"""Stage 4, rejoin: put hard-wrapped lines back together into paragraphs.

A newspaper column is justified: every line of a paragraph fills the column except the last,
which ends in 。！？…” and is usually short. The first line was indented by two ems, and
extraction drops the indent, so it comes out about two ems shorter than the column.
Closing punctuation is never set at the start of a line (kinsoku): a line that starts with
，。）” continues the line before. Datelines (科技日报讯, 本报讯, 新华社…电) and list openers
(一是, （一）) start paragraphs.

A page mixes columns of very different widths, so the column a line belongs to is taken from
the widths that recur on the page (the peaks of the width histogram, half-width characters
counting 1/2). Each break between two lines gets a score from all these cues; a positive
score breaks. The decision is structure, not an edit: a joined paragraph is a block whose
lines are listed with the joiner put between them ("" in Chinese text, " " between Latin
words). A word split by a line-end hyphen (``inter-`` + ``national``) loses the hyphen, which
*is* an edit, recorded as one.
"""

from __future__ import annotations

import re
from collections import Counter

from ..chars import CLOSERS, NO_LINE_START, ends_sentence, quote_balance
from ..model import Block, Change, Page
from ..rules import Rule, search
from ._common import line_replacements

STAGE = "rejoin"

CHECKS = {
    "score_break": {
        "full_tolerance": float, "indent_min": float, "indent_max": float,
        "short_deficit": float, "wider_column": float, "peak_min_lines": int,
        "paragraph_openers": list, "no_break_endings": str,
    },
    "hyphen_join": {},
}

_LATIN_END = re.compile(r"[A-Za-z0-9][.,;:!?%)'\"]?$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\"']")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_LOWER_START = re.compile(r"^[a-z]")
_MAXW = 400


def column_peaks(widths: list[float], min_lines: int) -> list[float]:
    """Column widths used on the page: widths that many non-final lines share (±1 em)."""
    hist = Counter(round(w) for w in widths if w >= 4)
    if not hist:
        return []
    smooth = {w: hist[w - 1] + hist[w] + hist[w + 1] for w in range(0, min(max(hist) + 2, _MAXW))}
    peaks = []
    for w, n in smooth.items():
        if n < min_lines:
            continue
        if n >= smooth.get(w - 1, 0) and n > smooth.get(w + 1, 0):
            # the centre of mass around the peak: widths on a real page scatter by an em
            tot = hist[w - 1] + hist[w] + hist[w + 1]
            centre = ((w - 1) * hist[w - 1] + w * hist[w] + (w + 1) * hist[w + 1]) / tot
            peaks.append(centre)
    return sorted(peaks)


def column_of(w: float, peaks: list[float], tol: float) -> float | None:
    """The column a line of width ``w`` was set in: the narrowest peak it does not overflow."""
    for p in peaks:
        if w <= p + tol:
            return p
    return None


def hyphen_join(page: Page, rule: Rule, k: int):
    """``inter-`` + ``national`` → ``international``: the line-end hyphen of a split word."""
    ln = page.lines[k]
    return line_replacements(page, STAGE, rule, k, [(len(ln.text) - 1, len(ln.text), "")],
                             rule.describe(line=k + 1, word=ln.text.rsplit(" ", 1)[-1]))


def break_score(page: Page, rule: Rule, i: int, cols: list, opener_res: list) -> tuple[float, str]:
    """Score for a paragraph break between line i and line i+1 (> 0: break), with the cue."""
    p = rule.params
    a, b = page.lines[i], page.lines[i + 1]
    ta, tb = a.text, b.text
    if tb[0] in NO_LINE_START or tb[0] in CLOSERS:
        return -5.0, f"line {i + 2} starts with '{tb[0]}', which never starts a line"
    ca, cb = cols[i], cols[i + 1]
    score = 0.0
    cues = []
    end = ends_sentence(ta)
    col = ca or cb
    if col is not None:
        deficit = col - a.width
        full_a = deficit <= p["full_tolerance"]
    else:  # no column: a line of its own (clean pages: a paragraph per line)
        deficit = 0.0
        full_a = False
    if end:
        score += 1.0
        cues.append("ends a sentence")
        if not full_a:
            score += 2.0
            cues.append(f"short by {deficit:.1f} em" if col else "no column")
    else:
        if ta[-1] in p["no_break_endings"]:
            score -= 2.5
            cues.append(f"ends with '{ta[-1]}'")
        if col is not None and deficit > p["short_deficit"]:
            score += 2.0 + min(deficit / col, 0.5) * 4
            cues.append(f"short by {deficit:.1f} em without closing a sentence")
        elif col is None:
            score += 0.5
    if cb is not None and col is not None:
        if b.width > col + p["wider_column"]:
            score += 3.0
            cues.append(f"line {i + 2} is wider than the column ({b.width:.1f} > {col:.1f})")
        elif end and p["indent_min"] <= col - b.width <= p["indent_max"]:
            score += 1.5
            cues.append(f"line {i + 2} is indented by {col - b.width:.1f} em")
        elif end and col - b.width < p["indent_min"] and not ends_sentence(tb):
            score -= 1.0
    if a.width > b.width + 4 and not ends_sentence(tb) and i + 2 < len(page.lines) \
            and cols[i + 2] is not None and abs(page.lines[i + 2].width - b.width) <= 1.5:
        score += 2.5
        cues.append(f"a narrower column starts at line {i + 2}")
    for rx in opener_res:
        if search(rx, tb):
            score += 2.0
            cues.append(f"line {i + 2} opens a paragraph ('{tb[:6]}')")
            break
    if end and quote_balance(ta) > 0 and not full_a:
        score += 0.0  # a quotation can run over several paragraphs: no penalty
    gaps_informative = page.meta.get("gaps_informative", False)
    if gaps_informative and b.gap_before:
        score += 2.0
        cues.append("blank line between")
    if b.gap_before == 0 and page.meta.get("gaps_everywhere", False):
        score += 1.5
        cues.append("no blank line where the page has one after every line")
    if a.gap_before == 0 and page.meta.get("gaps_everywhere", False) and i > 0:
        score += 0.5
    return score, "; ".join(cues)


def run(page: Page) -> Page:
    rules = page.rules
    rule = rules["J001"]
    lines = page.lines
    n = len(lines)
    if n == 0:
        return page
    p = rule.params
    gaps = [ln.gap_before for ln in lines[1:]]
    with_gap = sum(1 for g in gaps if g > 0)
    meta = dict(page.meta)
    meta["gaps_everywhere"] = bool(gaps) and with_gap >= 0.8 * len(gaps)
    meta["gaps_informative"] = bool(gaps) and 0 < with_gap <= 0.5 * len(gaps)
    page = page.evolve(meta=meta)
    peaks = column_peaks([ln.width for ln in lines if not ends_sentence(ln.text)], p["peak_min_lines"])
    cols = [column_of(ln.width, peaks, p["full_tolerance"]) for ln in lines]
    meta["column_peaks"] = tuple(round(x, 1) for x in peaks)
    opener_res = list(p["paragraph_openers"])
    heading_groups = {g[0]: g for g in page.meta.get("heading_groups", ())}

    edits, changes = [], []
    blocks: list[Block] = []
    cur: list[int] = [0]
    joiners: list[str] = []
    hyph = rules["J002"] if rules.enabled("J002") else None

    def close():
        text = "".join(x for pair in zip([lines[k].text for k in cur], joiners + [""]) for x in pair)
        widths = [lines[k].width for k in cur]
        col = cols[cur[1]] if len(cur) > 2 else (max(widths) if len(cur) > 1 else cols[cur[0]] or widths[0])
        blocks.append(Block("text", tuple(cur), tuple(joiners), text, col or max(widths)))

    i = 0
    while i < n - 1:
        grp = heading_groups.get(i)
        if grp and cur == [i]:
            for k in grp[1:]:
                cur.append(k)
                joiners.append("")
            close()
            i = grp[-1] + 1
            if i >= n:
                break
            cur, joiners = [i], []
            continue
        score, why = break_score(page, rule, i, cols, opener_res)
        if score > 0 or (i + 1) in heading_groups:
            close()
            cur, joiners = [i + 1], []
        else:
            ta, tb = lines[i].text, lines[i + 1].text
            joiner = ""
            if hyph and _HYPHEN_END.search(ta) and _LOWER_START.match(tb):
                e, c = hyphen_join(page, hyph, i)
                edits += e
                changes += c
            elif _LATIN_END.search(ta) and _LATIN_START.match(tb):
                joiner = " "
            a = lines[i]
            changes.append(Change(rule.id, STAGE, "join", (a.end, lines[i + 1].start), "\n", joiner,
                                  rule.describe(line=i + 1, next=i + 2, score=f"{score:.1f}",
                                                cues=why or "fills its column"), rule.safety))
            cur.append(i + 1)
            joiners.append(joiner)
        i += 1
    if cur and cur[0] < n:
        close()
    if edits:
        overlay = page.overlay.apply(edits)
        from .lines import Line  # noqa: F401  (re-render the lines the edits touched)
        touched = {k for k in range(n) if any(lines[k].start <= e.start < lines[k].end + 1 for e in edits)}
        new_lines = list(lines)
        from ..chars import width
        from ..model import Line as L
        for k in touched:
            ln = lines[k]
            t = overlay.render(ln.start, ln.end)
            new_lines[k] = L(ln.index, ln.start, ln.end, t, width(t), ln.gap_before)
        page = page.evolve(overlay=overlay, lines=tuple(new_lines))
        blocks = [rebuild(page, b) for b in blocks]
    return page.evolve(blocks=tuple(blocks), changes=page.changes + tuple(changes), meta=meta)


def rebuild(page: Page, b: Block, **kw) -> Block:
    """A block's text from its lines' current text and its joiners."""
    parts = []
    for n, k in enumerate(b.lines):
        parts.append(page.lines[k].text)
        if n < len(b.joiners):
            parts.append(b.joiners[n])
    from dataclasses import replace
    return replace(b, text="".join(parts), **kw)
