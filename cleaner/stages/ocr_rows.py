"""The OCR row step of the lines stage: rows an OCR engine read across columns, cut at the gutters.

Tesseract in page segmentation mode 4 (``--psm 4``, "a single column of text of variable
sizes") reads a whole row of a newspaper page as one line: the lines of the neighbouring
columns side by side, parted by one blank, by several, or by a mark the engine read from the
gutter (``“ ” 。 ，``) or by nothing at all::

    影响，哈尔滨近日气温又降至   在道里区一户居民家中，   记者从湖北省文物“铜镜、墓志等各类文物“的成员

Unlike ``pdftotext -layout`` (rule C001) the pieces stand at no consistent character position
(the engine drops and inserts characters, and a gutter is often one blank or none), but a
column is justified: each of its lines holds an almost fixed number of ems, the column's
measure (a paragraph's last line fewer, its first line two fewer, after a blank run). So the
page is read in bands (rows between headline rows: a short group of narrow rows the engine set
apart by blank lines), and in each band the lanes (columns) are found one after the other from
the widths counted from each row's previous cut to its next gutter: the width most rows share is
the lane's measure. Each row is then cut by a dynamic programme that gives its pieces to the
lanes left to right (a lane may be empty: an article ended), weighing how far each piece is
from its lane's measure and what each cut is made at (several blanks, one, a gutter mark, a
punctuation mark, between two characters). The whole band is read lane by lane, top to bottom.

A mark the engine read from the gutter is deleted (a recorded change: an opening mark that
would end a line, a closing one that would start the next, which Chinese typesetting never
sets). A row that fits no lane well is left whole and flagged for review. Each band read so is
one recorded move (rule C003) with the lanes' measures as evidence.

Three of C003's params (issue #18; off as shipped, the figures in its commits) make the cut
surer on Tesseract's psm 4 pages: ``tail_lane`` (a band's last column, seen in too few rows to
vote, is a lane of the last measure), ``span_wide`` (no piece runs across a run of blanks: a
justified line holds none) and ``wide_about_mark`` (a mark with a blank either side of it is
a gutter as sure as a run of blanks); with them, ``open_cuts`` takes ``blank`` too.

Only text an OCR engine made (the ocr stage says so: ``page.layout.ocr``, detected or given
by ``--extractor ocr``) is read so, and only where ``min_page_share`` of the rows were cut:
text read one column at a time (psm 3) has no such rows and is left as it is.
"""

from __future__ import annotations

import bisect
import heapq
from itertools import accumulate

from ..chars import NO_LINE_START, OPENERS, TERMINAL, width
from ..model import Change, Edit, Line, Page, new_line
from ..rules import Rule

STAGE = "columns"

_BLANK = " \u3000\u00a0\t"
#: kinds of cut, from the surest
WIDE, BLANK, MARK, PUNCT, PLAIN = "wide", "blank", "mark", "punct", "plain"


class Row:
    """A line as characters, their widths summed, and the places it may be cut."""

    __slots__ = ("line", "chars", "cw", "cuts", "n", "wides")

    def __init__(self, page: Page, line: Line, marks: str, starts: list[int] | None = None,
                 wide_about_mark: bool = False):
        src = page.source
        self.line = line
        self.chars = src[line.start:line.end]
        self.n = len(self.chars)
        self.cw = [0.0, *accumulate(0.0 if c in _BLANK else width(c) for c in self.chars)]
        self.cuts = _cuts(self.chars, marks, _edited(page, line, starts), wide_about_mark)
        #: how many wide gutters (two blanks or more) lie among cuts[:i]
        self.wides = [0, *accumulate(1 if c[2] == WIDE else 0 for c in self.cuts)]

    def w(self, a: int, b: int) -> float:
        return self.cw[b] - self.cw[a]


def _edited(page: Page, line: Line, starts: list[int] | None = None) -> set[int]:
    """Positions of the line (offsets into it) an earlier edit covers: no cut there
    (``starts``: the sorted starts of the page's edits, made once per page)."""
    out = set()
    edits = page.overlay.edits
    if starts is None:
        starts = [e.start for e in edits]
    i = bisect.bisect_left(starts, line.start)
    while i > 0 and edits[i - 1].end > line.start:
        i -= 1
    for k in range(i, len(edits)):  # (indexing, not a slice: a copy per row is quadratic)
        e = edits[k]
        if e.start >= line.end:
            break
        out.update(range(max(e.start, line.start) - line.start, min(max(e.end, e.start + 1), line.end) - line.start))
    return out


def _cuts(chars: str, marks: str, edited: set[int],
          wide_about_mark: bool = False) -> list[tuple[int, int, str, tuple[int, ...]]]:
    """Where a row may be cut: (end of the text before, start of the text after, kind, offsets
    of gutter marks to delete), sorted. A gutter is a run of blanks and marks between text:
    of its marks, a closing one right after the text before stays with it (the column's line
    ended on it), an opening one right before the text after and after a blank stays with that
    (a line may start with “), the rest is what the engine read from the gutter. Every place
    between two characters of text is a cut too (``plain``; ``punct`` after a mark)."""
    n = len(chars)
    out = []
    k = 0
    while k < n:
        c = chars[k]
        if c in _BLANK or c in marks:
            a = k
            while k < n and (chars[k] in _BLANK or chars[k] in marks):
                k += 1
            b = k
            if a == 0 or b == n:
                continue
            if any(p in edited for p in range(a, b)):
                continue
            left, right = a, b
            if chars[a] in marks and chars[a] in NO_LINE_START:
                left = a + 1  # the line before ended on it
            if chars[b - 1] in marks and chars[b - 1] in OPENERS and b - 2 >= left and chars[b - 2] in _BLANK:
                right = b - 1  # the line after opens with it
            junk = tuple(p for p in range(left, right) if chars[p] not in _BLANK)
            blanks = [p for p in range(a, b) if chars[p] in _BLANK]
            if blanks:
                run = max(sum(1 for _ in g) for _, g in _groups(chars, a, b))
                # (a mark read from the gutter with a blank either side of it is as sure a
                # gutter as a run of blanks, with ``wide_about_mark``)
                kind = WIDE if run >= 2 or (wide_about_mark and len(blanks) >= 2) else BLANK
            else:
                kind = MARK if junk else PUNCT
            out.append((left, right, kind, junk))
            continue
        if 0 < k and chars[k - 1] not in _BLANK and chars[k - 1] not in marks and k - 1 not in edited \
                and k not in edited:
            out.append((k, k, PLAIN, ()))
        k += 1
    out.sort()
    return out


def _groups(chars: str, a: int, b: int):
    """Runs of blanks in chars[a:b]: (True, run) pairs."""
    k = a
    while k < b:
        if chars[k] in _BLANK:
            s = k
            while k < b and chars[k] in _BLANK:
                k += 1
            yield True, range(s, k)
        else:
            k += 1


def _seg_cost(w: float, m: float, open_end: bool, p: dict) -> float:
    """What a piece ``w`` ems wide costs in a lane of measure ``m``: little near the measure
    (``within`` per em), more the further it runs over, and a fixed cost for a short line where a blank run or the
    row's end leaves room for it (a paragraph's last line, or its first after an indent)."""
    d = w - m
    tol = p["tolerance"]
    if d > tol:
        return p["over"] * (d - tol)
    if d < -tol:
        return p["short_open"] if open_end else p["short"] * (-d - tol)
    return p["within"] * abs(d)


def cut_row(row: Row, lanes: list[float], p: dict) -> tuple[float, list[tuple[int, int, int]], tuple[int, ...]]:
    """The row cut into pieces, each given a lane left to right: (cost, [(lane, start, end)],
    gutter marks deleted). A dynamic programme over (where the next piece starts, the first
    lane it may take); linear in the row's length for a given number of lanes."""
    k = len(lanes)
    cuts = row.cuts
    ends = [c[0] for c in cuts]
    n = row.n
    cost_of = p["cut_cost"]
    span = p["span_wide"]
    best: dict[tuple[int, int], tuple[float, tuple | None]] = {(0, 0): (0.0, None)}
    todo = [(0, 0)]
    final: tuple[float, tuple | None] | None = None
    seen = set()
    while todo:
        pos, nxt = heapq.heappop(todo)  # (the state nearest the row's start first)
        if (pos, nxt) in seen:
            continue
        seen.add((pos, nxt))
        base, back = best[(pos, nxt)]
        for lane in range(nxt, k):
            m = lanes[lane]
            skip = p["skip"] * (lane - nxt)
            limit = m + p["tolerance"] + p["max_over"]
            i = bisect.bisect_right(ends, pos)
            # the row's end
            w = row.w(pos, n)
            if w <= limit or lane == k - 1:
                c = base + skip + _seg_cost(w, m, True, p) + span * (row.wides[-1] - row.wides[i])
                if final is None or c < final[0]:
                    final = (c, ((lane, pos, n, ()), back))
            spanned = 0  # wide gutters the piece runs across
            while i < len(cuts):
                left, right, kind, junk = cuts[i]
                i += 1
                w = row.w(pos, left)
                if w > limit:
                    break
                if left <= pos:
                    continue
                if i >= 2 and cuts[i - 2][2] == WIDE and cuts[i - 2][0] > pos:
                    spanned += 1
                if kind in (PLAIN, PUNCT) and abs(w - m) > p["plain_reach"]:
                    continue
                open_end = kind in p["open_cuts"] or row.chars[left - 1] in TERMINAL or (
                    left >= 2 and row.chars[left - 1] in "”’" and row.chars[left - 2] in TERMINAL)
                c = base + skip + _seg_cost(w, m, open_end, p) + cost_of[kind] + span * spanned
                key = (right, lane + 1)
                if key not in best or c < best[key][0]:
                    best[key] = (c, ((lane, pos, left, junk), back))
                    heapq.heappush(todo, key)
    if final is None:
        return float("inf"), [], ()
    segs, junk = [], []
    node = final[1]
    while node is not None:
        (lane, s, e, j), node = node
        segs.append((lane, s, e))
        junk.extend(j)
    segs.reverse()
    return final[0], segs, tuple(sorted(junk))


def lanes_of(rows: list[Row], p: dict) -> list[float]:
    """The band's lane measures, left to right: for each lane, the width (in half ems) from
    each row's last cut to one of its gutters that most rows share, at least ``min_rows`` rows
    and ``min_share`` of the rows that still have text; every row then moves on to its gutter
    nearest that width (or its first one before it after a blank run: a short line)."""
    pos = [0] * len(rows)
    lanes: list[float] = []
    while len(lanes) < p["max_lanes"]:
        active = [r for r, row in enumerate(rows) if row.w(pos[r], row.n) >= p["min_measure"]]
        need = max(p["min_rows"], p["min_share"] * len(active))
        if len(active) < need:
            if p["tail_lane"] and active and lanes and len(lanes) < p["max_lanes"]:
                # text left beyond the last lane in too few rows to vote (the band's last
                # column, where the engine read the rest of its rows into another band): a
                # lane of the last measure, or the last lane would take two columns' lines
                lanes.append(lanes[-1])
            break
        votes: dict[int, list[float]] = {}  # half ems -> the widths of the rows' gutters near it
        reach = int(2 * p["tolerance"])
        for r in active:
            row = rows[r]
            got: dict[int, float] = {}
            ends = [left for left, _, kind, _ in row.cuts if left > pos[r] and kind != PLAIN
                    and (kind != PUNCT or row.chars[left - 1] in p["vote_marks"])]
            for left in ends + [row.n]:  # (a row's end is a gutter too)
                w = row.w(pos[r], left)
                if w > p["max_measure"]:
                    break
                if w >= p["min_measure"]:
                    for d in range(-reach, reach + 1):
                        h = round(2 * w) + d
                        if h not in got or abs(got[h] - h / 2) > abs(w - h / 2):
                            got[h] = w
            for h, w in got.items():
                votes.setdefault(h, []).append(w)
        if not votes:
            break
        top = max(len(v) for v in votes.values())
        if top < need:
            break
        # the narrowest width nearly as many rows reach as the best supported one (``vote_share``
        # of it): a row whose gutter between two lanes the engine read as nothing (or whose
        # line is short) still has the gutter after the next lane, and two lanes must not read
        # as one; of the widths about it, the one best supported and nearest the rows' widths;
        # the lane at their median width
        near = min(h for h, v in votes.items() if len(v) >= max(need, p["vote_share"] * top))
        best = max(len(votes[x]) for x in range(near, near + 2 * reach + 1) if x in votes)
        h = min((x for x in range(near, near + 2 * reach + 1) if len(votes.get(x, ())) == best),
                key=lambda h: (sum(abs(w - h / 2) for w in votes[h]), h))
        ws = sorted(votes[h])
        m = round(2 * ws[len(ws) // 2]) / 2
        lanes.append(m)
        for r in active:
            row = rows[r]
            pos[r] = cut_row_prefix(row, pos[r], m, p)[1]
    return lanes


def cut_row_prefix(row: Row, pos: int, m: float, p: dict):
    """Where a row's piece from ``pos`` in a lane of measure ``m`` ends: the cut that costs
    least (as :func:`cut_row` weighs one piece); returns (cost, start of the next piece, None)."""
    best = (float("inf"), row.n, None)
    w = row.w(pos, row.n)
    if w <= m + p["tolerance"] + p["max_over"]:
        spans = row.wides[-1] - row.wides[bisect.bisect_right([c[0] for c in row.cuts], pos)]
        best = (_seg_cost(w, m, True, p) + p["span_wide"] * spans, row.n, None)
    spanned = 0
    for left, right, kind, junk in row.cuts:
        if left <= pos:
            continue
        w = row.w(pos, left)
        if w > m + p["tolerance"] + p["max_over"]:
            break
        c = _seg_cost(w, m, kind in p["open_cuts"] or row.chars[left - 1] in TERMINAL, p) + p["cut_cost"][kind] \
            + p["span_wide"] * spanned
        if kind == WIDE:
            spanned += 1
        if kind in (PLAIN, PUNCT) and abs(w - m) > p["plain_reach"]:
            continue
        if c < best[0]:
            best = (c, right, None)
    return best


def _heading_rows(lines: list[Line], full: float, p: dict) -> set[int]:
    """Rows of short groups (``head_rows`` rows or fewer between blank lines) whose rows are all
    narrower than ``head_fill`` of the page's full row: headlines, set apart by the engine."""
    out: set[int] = set()
    group: list[int] = []
    for k in range(len(lines) + 1):
        if k == len(lines) or (group and lines[k].gap_before > 0):
            if group and len(group) <= p["head_rows"] and all(lines[i].width < p["head_fill"] * full for i in group):
                out.update(group)
            group = []
        if k < len(lines):
            group.append(k)
    return out


def split(page: Page, lines: list[Line]) -> tuple[list[Line], list[Change], list[Edit]]:
    """Lines in reading order, the changes (one move per band, one delete per gutter mark, a
    flag per row left whole) and the deletions (see the module)."""
    rule = page.rules["C003"]
    p = rule.params
    if not lines:
        return lines, [], []
    starts = [e.start for e in page.overlay.edits]
    rows = [Row(page, ln, p["marks"], starts, p["wide_about_mark"]) for ln in lines]
    widths = sorted(r.w(0, r.n) for r in rows)
    full = widths[min(len(widths) - 1, int(p["full_rank"] * len(widths)))]
    if full < p["min_full"]:
        return lines, [], []
    heads = _heading_rows(lines, full, p)
    # bands: runs of rows between headline rows
    bands: list[list[int]] = []
    for k in range(len(lines)):
        if k in heads:
            bands.append([k])
        elif not bands or bands[-1][0] in heads:
            bands.append([k])
        else:
            bands[-1].append(k)
    out: list[Line] = []
    changes: list[Change] = []
    edits: list[Edit] = []
    src = page.source
    cut_rows = 0
    for band in bands:
        if band[0] in heads:
            row = rows[band[0]]
            pieces, junk = _pieces_of_heading(page, row, p)
            if len(pieces) > 1:
                _delete(page, rule, row, junk, edits, changes)
                changes.append(Change(rule.id, STAGE, "split", (row.line.start, row.line.end), row.line.text,
                                      "\n".join(ln.text for ln in pieces),
                                      f"headline row cut at its gutters into {len(pieces)} headlines side by side",
                                      rule.safety))
            out.extend(pieces)
            continue
        lanes = lanes_of([rows[k] for k in band], p)
        if len(lanes) < 2:
            out.extend(lines[k] for k in band)
            continue
        lane_lines: list[list[Line]] = [[] for _ in lanes]
        first = len(out)
        for k in band:
            row = rows[k]
            cost, segs, junk = cut_row(row, lanes, p)
            if cost > p["misfit"] * max(1, len(segs)):
                changes.append(Change(rule.id, STAGE, "flag", (row.line.start, row.line.end), row.line.text, row.line.text,
                                      f"row read across columns left whole: it fits no cut into the band's "
                                      f"lanes ({', '.join(f'{m:g}' for m in lanes)} ems; cost {cost:.1f})", "review"))
                lane_lines[segs[0][0] if segs else 0].append(row.line)
                continue
            if len(segs) > 1:
                cut_rows += 1
            _delete(page, rule, row, junk, edits, changes)
            for lane, s, e in segs:
                s0, e0 = _trim(row.chars, s, e)
                if s0 >= e0:
                    continue
                a, b = row.line.start + s0, row.line.start + e0
                text = page.overlay.render(a, b)
                lane_lines[lane].append(new_line((0, a, b, text, width(text), 0)))
        for lane, lls in enumerate(lane_lines):
            for i, ln in enumerate(lls):
                gap = lines[band[0]].gap_before if (lane == 0 and i == 0) else ln.gap_before if i else 0
                out.append(new_line((len(out), ln.start, ln.end, ln.text, ln.width, gap)))
        s, e = lines[band[0]].start, lines[band[-1]].end
        changes.append(Change(
            rule.id, STAGE, "move", (s, e), src[s:e], "\n".join(ln.text for ln in out[first:]),
            rule.describe(rows=len(band), lanes=len(lanes), measures=", ".join(f"{m:g}" for m in lanes)),
            rule.safety))
    if cut_rows < p["min_page_share"] * len(lines):
        return lines, [], []
    out = [ln if ln.index == i else new_line((i, ln.start, ln.end, ln.text, ln.width, ln.gap_before))
           for i, ln in enumerate(out)]
    return out, changes, edits


def _delete(page: Page, rule: Rule, row: Row, junk, edits: list[Edit], changes: list[Change]) -> None:
    """Delete the gutter marks ``junk`` (offsets into ``row``): one recorded change each."""
    for j in junk:
        at = row.line.start + j
        edits.append(Edit(at, at + 1, ""))
        changes.append(Change(rule.id, STAGE, "delete", (at, at + 1), page.source[at], "",
                              f"gutter mark {page.source[at]!r} deleted: the engine read it from the gutter "
                              f"between two columns (no line starts with a closing mark nor ends with an opening one)",
                              rule.safety, (edits[-1],)))


def _trim(chars: str, s: int, e: int) -> tuple[int, int]:
    while s < e and chars[s] in _BLANK:
        s += 1
    while e > s and chars[e - 1] in _BLANK:
        e -= 1
    return s, e


def _pieces_of_heading(page: Page, row: Row, p: dict) -> tuple[list[Line], tuple[int, ...]]:
    """A headline row: cut at its gutters of the kinds ``head_cuts`` only (two headlines side by
    side), its pieces read left to right; returns the lines and the gutter marks deleted."""
    spans, junk = [], []
    s = 0
    for left, right, kind, marks in row.cuts:
        if kind in p["head_cuts"]:
            a, b = _trim(row.chars, s, left)
            if a < b:
                spans.append((a, b))
                junk.extend(marks)
            s = right
    a, b = _trim(row.chars, s, row.n)
    if a < b:
        spans.append((a, b))
    if len(spans) < 2:
        return [row.line], ()
    lines = []
    for i, (a, b) in enumerate(spans):
        a, b = row.line.start + a, row.line.start + b
        text = page.overlay.render(a, b)
        lines.append(new_line((0, a, b, text, width(text), row.line.gap_before if i == 0 else 0)))
    return lines, tuple(junk)
