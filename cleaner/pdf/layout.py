"""From characters with positions to printed lines in reading order, with their geometry.

A newspaper page is a grid of column blocks. Flattened to text (the extractor issue), it
loses what makes its order plain; read from the text layer, order is geometry:

1. **Rows**: characters on one baseline (within a third of their size) form a row.
2. **Pieces**: a row is cut where the gap between two characters is wider than
   ``gutter_ems`` of their size (a column gutter, never the spacing of justified type);
   a character drawn again on itself (fake bold drawn glyph by glyph) is left out.
3. **Column blocks**: a piece goes on the block above it when it is set in the same type,
   one line pitch below, over the same measure, and inside the same frame.
4. **Reading order** (Breuel's rules for Manhattan layouts): a block above another one it
   overlaps across comes first; a block wholly left of another comes first unless something
   set across both lies between them; the blocks are then read in that partial order,
   topmost first where it leaves a choice.

Each line is handed on with what its type and place say (:class:`LineGeometry`): its size
against the body type, whether it is bold or drawn twice, indented from its column's left
edge, short of its right edge, framed. The text stages weigh those as cues.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from typing import NamedTuple

from .glyphs import Box, Glyph, PageGlyphs, Twice


class LineGeometry(NamedTuple):
    """What the page says about one printed line, beyond its text."""

    size: float  # type size, in points
    body: float  # the page's body type size (the most common), in points
    bold: bool  # set in a bold face, or drawn twice (fake bold)
    indent: bool | None  # starts one indent or more right of its column's left edge (None: unknown)
    short: bool | None  # ends short of its column's right edge (None: unknown)
    framed: bool  # inside a frame (a boxed pull quote, a sidebar)
    block: int  # its column block, in reading order
    first: bool  # the first line of its block
    by_picture: bool  # its block sits right under or over a picture (a box with no text in it)
    headline: int | None  # the block of the display headline whose text it is set under (None: none)
    x0: float
    x1: float
    top: float

    @property
    def ratio(self) -> float:
        return self.size / self.body if self.body else 1.0


class Piece(NamedTuple):
    glyphs: tuple
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    bold: bool
    text: str


class PdfText(NamedTuple):
    """One page read into text: lines in reading order, their geometry, what was left out."""

    number: int
    text: str
    geometry: tuple  # one LineGeometry per line of ``text``
    copies: tuple  # (line index, text, reason): copies drawn twice and left out (fake bold)
    chars: int
    size: tuple = (0.0, 0.0)  # the page's width and height, in points


def defaults() -> dict:
    """The reader's parameters when no rule set gives them: rule P001's in the shipped
    ``rules/pdf.toml``, which says what each is (one place for every number the reader uses)."""
    from ..rules import default_rules

    return dict(default_rules()["P001"].params)


#: marks a typesetter may hang past the right edge of the measure
HANGING = "，。、；：？！”’）》」』】〕…—.,;:!?)"
#: marks whose ink sits in the left half of their em (in the type of mainland papers)
LEFT_INK = "，。、；：”’）》」』】〕"
#: opening marks (the blank before one is its own width, not a space; their ink sits right)
OPENING = "“‘（《「『【〔("


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def rows(glyphs: list[Glyph], p: dict) -> list[list[Glyph]]:
    """Characters grouped by baseline, top of the page first."""
    order = sorted(glyphs, key=lambda g: -g.baseline)
    out: list[list[Glyph]] = []
    cur: list[Glyph] = []
    base = None
    for g in order:
        if cur and abs(g.baseline - base) <= p["row_tolerance"] * min(g.size, cur[0].size):
            cur.append(g)
            continue
        if cur:
            out.append(cur)
        cur, base = [g], g.baseline
    if cur:
        out.append(cur)
    return out


def _baselines(row: list[Glyph], p: dict) -> list[list[Glyph]]:
    """A row's characters by baseline: a line's characters share one baseline exactly, two
    columns set on grids of their own differ by a point or so (``baseline_step`` of their
    size), and a mark hanging from one may stand among the other's characters."""
    order = sorted(row, key=lambda g: g.baseline)
    out = [[order[0]]] if order else []
    for g in order[1:]:
        last = out[-1][-1]
        if g.baseline - last.baseline > p["baseline_step"] * min(g.size, last.size):
            out.append([g])
        else:
            out[-1].append(g)
    return out


def pieces(row: list[Glyph], p: dict, body: float = 1e9) -> tuple[list[Piece], list[tuple[str, float, float]]]:
    """A row cut at gutters into pieces; glyphs drawn twice on themselves left out."""
    row = sorted(row, key=lambda g: g.x0)
    # the row's own spacing (a display line may be letter-spaced across its measure)
    gaps = sorted(b.x0 - a.x1 for a, b in zip(row, row[1:]) if abs(a.size - b.size) <= p["size_step"] * max(a.size, b.size))
    # (the lower median: of a short row's two gaps, 举行 | 次, the wide one is no spacing; a
    # single gap tells none: 个 | 次, two headlines' wrapped ends side by side)
    usual = max(0.0, gaps[(len(gaps) - 1) // 2]) if len(gaps) >= 2 else 0.0
    out, copies, cur = [], [], []
    for g in row:
        if cur:
            prev = cur[-1]
            if g.char == prev.char and abs(g.x0 - prev.x0) < p["copy_ems"] * g.size and not g.char.isspace():
                copies.append((g.char, g.x0, g.baseline))
                # (a character drawn again on itself is fake bold, whichever copy comes first:
                # Chromium outlines type by drawing it again in a Type 3 font of no name, its
                # box as wide as the stroke: the narrower copy is the type's own box)
                keep = g if g.x1 - g.x0 < prev.x1 - prev.x0 else prev
                cur[-1] = keep._replace(bold=True)
                continue
            size = max(g.size, prev.size)
            # a gutter is as wide beside display type as beside the body (what it parts)
            spaced = usual if size > body * (1 + p["same_size"]) else 0.0  # (display type)
            # (a mark's ink fills the left half of its em: a mark hanging past a column's measure
            # leaves the gutter's width after its ink, though its box nearly reaches the next column)
            ink_end = 0.5 * (prev.x0 + prev.x1) if prev.char in LEFT_INK and _is_wide(prev.char) \
                and not spaced and prev.size <= body * (1 + p["same_size"]) else prev.x1
            # (a blank in display type narrower than ``display_space_ems`` of its size is a word
            # space of the headline, however wide against the body: two headlines set close
            # over a gutter are parted by :func:`cut_display_at_gutters`)
            word = p["display_space_ems"] * size if size > body * (1 + p["same_size"]) else 0.0
            if g.x0 - ink_end > max(p["gutter_ems"] * min(size, body), word) + spaced \
                    or abs(g.size - prev.size) > p["size_step"] * size:
                out.append(_piece(cur, p))
                cur = []
        cur.append(g)
    if cur:
        out.append(_piece(cur, p))
    return [pc for pc in out if pc.text.strip()], copies


Lane = tuple  # (x, lowest baseline, highest baseline, the baselines of its pieces in order)


def lanes(xs_at: list[tuple[float, float]], p: dict) -> list[Lane]:
    """x positions shared by at least ``lane_min`` pieces (their starts, or their ends), with
    the baselines they span: the edges of the page's columns."""
    at: dict[int, list[float]] = {}
    for x, y in xs_at:
        at.setdefault(round(x), []).append(y)
    out = []
    for x, ys in at.items():
        near = sorted(ys + at.get(x - 1, []) + at.get(x + 1, []))
        if len(near) >= p["lane_min"]:
            out.append((float(x), near[0], near[-1], tuple(near)))
    return sorted(out)


def _spans_lane(lns: list[Lane], xs: list[float], x0: float, x1: float, y: float, reach: float,
                near: float | None = None) -> bool:
    """Whether a lane lies between ``x0`` and ``x1`` (within a point) at rows within
    ``reach`` of baseline ``y`` (and, given ``near``, with a piece on it within ``near`` of
    ``y``: the same x further down the page may be another article's column edge)."""
    i = bisect.bisect_left(xs, x0 - 1.0)
    while i < len(lns) and lns[i][0] <= x1 + 1.0:
        if lns[i][1] - reach <= y <= lns[i][2] + reach:
            if near is None:
                return True
            ys = lns[i][3]
            k = bisect.bisect_left(ys, y - near)
            while k < len(ys) and ys[k] <= y + near:
                if abs(ys[k] - y) >= 1.0:  # (a piece of another row: the row asked about is no support)
                    return True
                k += 1
        i += 1
    return False


def cut_at_lanes(pc: Piece, starts: list[Lane], ends: list[Lane], p: dict, body: float = 1e9,
                 ink: Ink | None = None) -> list[Piece]:
    """A piece cut where a mark hangs past the right edge of one column and the next character
    starts the column beside it: 、。，” may hang outside the measure, into the gutter, and
    then the two columns' rows read as one. The marks must stand across an edge where the
    rows around end (or start within ``hang_ems`` after it: a line justified round a number
    runs a little past its measure), the next character must start at an edge where they
    start or (a column of three lines gives no such edge) have the rows right above and
    below white before it,
    and those rows must not run across from where the marks start to the next character (in
    a narrow column, lines of two characters, 业。, end where indented first lines start:
    after 馆， the rest of its line is no next column)."""
    gs = pc.glyphs
    if len(gs) < 4 or not starts or not ends or pc.size > body * (1 + p["same_size"]):
        return [pc]  # (display type does not hang its marks into a gutter)
    sx, ex = [a[0] for a in starts], [a[0] for a in ends]
    reach = p["lane_reach"] * pc.size
    cuts = []
    for k in range(2, len(gs) - 1):
        prev = gs[k - 1]
        if prev.char not in HANGING or gs[k].char in HANGING:
            continue  # (marks hang together, 。” or ……: no column's line starts with one)
        # the mark stands across the edge where the column's full lines end
        first = k - 1  # the run of marks that hang (。” may hang together)
        while first > 1 and gs[first - 1].char in HANGING:
            first -= 1
        if not _spans_lane(ends, ex, gs[first].x0 - p["hang_ems"] * pc.size, prev.x1, pc.baseline, reach,
                           p["lane_near"] * reach):
            continue
        r = ink.row_of(gs[first]) if ink is not None else None
        if r is not None and ink.crossed(r, gs[first].x0, gs[k].x0, pc.size):
            continue
        # the next character starts where the next column's lines start, or the rows right
        # above and below are white between the marks and it
        if _spans_lane(starts, sx, gs[k].x0, gs[k].x0, pc.baseline, reach, p["lane_near"] * reach) \
                or (r is not None and ink.white(r, gs[first].x0, gs[k].x0, pc.size)):
            cuts.append(k)
    return _cut(pc, cuts, p)


def _cut(pc: Piece, cuts: list[int], p: dict) -> list[Piece]:
    """Piece ``pc`` cut before each of its glyphs at ``cuts`` (in order); blank parts left out."""
    if not cuts:
        return [pc]
    gs, out, last = pc.glyphs, [], 0
    for k in cuts + [len(gs)]:
        out.append(_piece(list(gs[last:k]), p))
        last = k
    return [q for q in out if q.text.strip()]


def cut_display_at_gutters(pc: Piece, starts: list[Lane], ends: list[Lane], p: dict, body: float,
                           boxes: list[Box] = ()) -> list[Piece]:
    """A line of display type cut at a blank that lies over a gutter of the columns under it:
    two articles' headlines side by side on one row, set close (让基础研究…“跑得远” 我国科学家…),
    where the first ends at its article's last column's edge and the next starts at its own
    article's first column's edge. Both edges must be ones the body lines under the row use
    (within ``band_reach_ems`` body ems under it), or, for the first, the right side of a
    picture (or frame) under the row there (a picture under the first headline, its text
    further down: 夜经济“点亮”小城烟火 以消费升级…); a blank inside a headline does not line up
    with both."""
    gs = pc.glyphs
    if len(gs) < 4 or not starts or not ends or pc.size <= body * (1 + p["same_size"]):
        return [pc]
    sx, ex = [a[0] for a in starts], [a[0] for a in ends]
    reach = p["band_reach_ems"] * body

    def under(lns: list[Lane], xs: list[float], lo: float, hi: float) -> bool:
        # a lane from lo to hi with lines on it under the row, within reach
        return any(_near_any(ln[3], pc.baseline - reach, pc.baseline - pc.size, 0.0)
                   for ln in _lanes_between(lns, xs, lo, hi))

    def box_side(lo: float, hi: float) -> bool:
        # a picture's right side from lo to hi, its top under the row, within reach
        return any(lo <= b.x1 <= hi and pc.baseline - reach <= b.top <= pc.baseline - pc.size for b in boxes)

    # (a blank the setter typed there is the headline's word space, though drawn as a text
    # object of its own, of no width)
    cuts = [k for k in range(1, len(gs)) if gs[k].x0 - gs[k - 1].x1 > p["space_ems"] * body
            and not gs[k - 1].char.isspace()
            and (under(ends, ex, gs[k - 1].x1 - p["hang_ems"] * pc.size, gs[k].x0)
                 or box_side(gs[k - 1].x1 - p["hang_ems"] * pc.size, gs[k].x0))
            and under(starts, sx, gs[k - 1].x1, gs[k].x0 + 1.0)]
    return _cut(pc, cuts, p)


class Ink:
    """Where the page's rows put ink, to ask whether a gap in one row lies inside a column.

    A gutter is white from top to bottom of its columns; a gap inside a column's line has
    the lines of that column right above or right below running across it, character after
    character. The rows asked are the nearest ones above and below (within ``max_pitch``
    sizes) with ink on both sides of the gap (a short line ending in it says nothing); a
    mark hanging into a gutter does not bridge it (:func:`_inked`)."""

    def __init__(self, rows: list[list[Glyph]], p: dict):
        self.base = [r[0].baseline for r in rows]
        self.spans = [_inked(sorted((g for g in r if not g.char.isspace()), key=lambda g: g.x0), p) for r in rows]
        self.x0s = [[a for a, _ in sp] for sp in self.spans]
        self.p = p
        self._rows, self._row_of = rows, None

    def _verdict(self, j: int, a: float, b: float, size: float) -> bool | None:
        """True when row ``j`` runs from ``a`` to ``b`` with no blank wider than a word space,
        False when it has ink near both sides of the gap and a blank between, None when it
        has not ink on both sides."""
        sp, xs, tol = self.spans[j], self.x0s[j], self.p["space_ems"] * size
        k = bisect.bisect_right(xs, a + tol) - 1
        if k < 0 or sp[k][1] < a - 2 * size:
            return None
        right = bisect.bisect_left(xs, b - tol)
        if right >= len(sp) or sp[right][0] > b + 2 * size:
            return None
        reach = sp[k][1]
        for m in range(k + 1, len(sp)):
            if reach >= b - tol or sp[m][0] - reach > tol:
                break
            reach = max(reach, sp[m][1])
        return reach >= b - tol

    def row_of(self, g: Glyph) -> int | None:
        """The row glyph ``g`` was read in (two columns' baselines a little apart share a row,
        so its baseline alone does not tell)."""
        if self._row_of is None:
            self._row_of = {id(h): r for r, row in enumerate(self._rows) for h in row}
        return self._row_of.get(id(g))

    def _votes(self, r: int, a: float, b: float, size: float) -> list[bool]:
        """The verdicts of the nearest rows above and below row ``r`` that show both sides of
        its gap from ``a`` to ``b`` (:meth:`_verdict`)."""
        reach = self.p["max_pitch"] * size
        votes = []
        for step in (-1, 1):
            j = r + step
            while 0 <= j < len(self.base) and abs(self.base[j] - self.base[r]) <= reach:
                v = self._verdict(j, a, b, size)
                if v is not None:
                    votes.append(v)
                    break
                j += step
        return votes

    def crossed(self, r: int, a: float, b: float, size: float) -> bool:
        """Whether the nearest rows above and below row ``r`` that show both sides of its gap
        from ``a`` to ``b`` run across it (at least one does, none shows a blank there)."""
        votes = self._votes(r, a, b, size)
        return bool(votes) and all(votes)

    def white(self, r: int, a: float, b: float, size: float) -> bool:
        """Whether the rows right above and right below row ``r`` show a blank from ``a`` to
        ``b`` with ink on both sides (one of them may show nothing there: the last line of
        a column): a gutter, white from top to bottom of its columns."""
        votes = self._votes(r, a, b, size)
        return bool(votes) and not any(votes)


def _inked(row: list[Glyph], p: dict) -> list[tuple[float, float]]:
    """Where a row's characters (left to right) put ink: a character's box, but a mark's ink
    fills only its half of the em (，。” on the left, “（ on the right) where the mark ends
    or starts a run of characters (a mark hanging past a column's measure, into the gutter);
    inside a run (怡）在) its box is part of the run."""
    out = []
    for k, g in enumerate(row):
        if _is_wide(g.char) and (g.char in LEFT_INK or g.char in OPENING):
            tol = p["run_gap_ems"] * g.size
            if g.char in LEFT_INK:
                nxt = row[k + 1] if k + 1 < len(row) else None
                if nxt is None or not -0.5 <= nxt.x0 - g.x1 <= tol:
                    out.append((g.x0, 0.5 * (g.x0 + g.x1)))
                    continue
            else:
                prv = row[k - 1] if k else None
                if prv is None or not -0.5 <= g.x0 - prv.x1 <= tol:
                    out.append((0.5 * (g.x0 + g.x1), g.x1))
                    continue
        out.append((g.x0, g.x1))
    return sorted(out)


def cut_at_frames(pc: Piece, frames: list[Box], p: dict) -> list[Piece]:
    """A piece cut where it crosses the side of a frame it stands in: the frame's text and
    the column beside it (a mark closing the frame's last sentence may hang past its side:
    it stays with the frame's text)."""
    gs = pc.glyphs
    for f in frames:
        if not (f.bottom - 1 <= pc.baseline <= f.top + 1):
            continue
        for edge in (f.x0, f.x1):
            if not (gs[0].x0 < edge < gs[-1].x1):
                continue
            k = next((i for i, g in enumerate(gs) if 0.5 * (g.x0 + g.x1) > edge and g.char not in HANGING), None)
            if k is not None and 0 < k:
                left, right = list(gs[:k]), list(gs[k:])
                return [q for part in (left, right) if any(not g.char.isspace() for g in part)
                        for q in cut_at_frames(_piece(part, p), frames, p)]
    return [pc]


def join_inside(row: list[Piece], at: int, ink: Ink, starts: list[Lane], ends: list[Lane], p: dict,
                body: float) -> list[Piece]:
    """The pieces of body type of row ``at`` joined again across a wide gap that lies inside a
    column: no column edge in it, and the lines above or below running across it.

    A gutter lies between where one column's lines end and where the next column's lines
    start, edges the rows around use too (an indented first line starts to the right of
    one, a hanging mark ends to the right of one), and it is white above and below. A gap
    inside a line is neither: a short line justified across its measure (本　　报　　讯), a
    character the text layer lacks, a blank stretched in a dateline. (A column of two or
    three lines has no edge the lanes know: the ink above and below still tells.)"""
    if len(row) < 2:
        return row
    sx, ex = [a[0] for a in starts], [a[0] for a in ends]
    out = [row[0]]
    for pc in row[1:]:
        prev = out[-1]
        size = max(pc.size, prev.size)
        reach = p["lane_reach"] * size
        # where the line before the gap ends, marks hanging past its measure left out
        end = _ink_x1(prev)
        # (a lane of starts right where the line before the gap ends, past _spans_lane's point of
        # slack, or a first line's indent from where that line starts, is its column's indent, 日电
        # ending where first lines start, 电　记者 over them: no next column's edge)
        lo = max(end + 2.0, prev.x0 + p["first_line_slack"] * size)
        if size <= body * (1 + p["same_size"]) and abs(pc.size - prev.size) <= p["same_size"] * size \
                and not _spans_lane(starts, sx, lo, pc.x0, pc.baseline, reach, p["lane_near"] * reach) \
                and not _spans_lane(ends, ex, end - p["hang_ems"] * size, pc.x0, prev.baseline, reach,
                                    p["lane_near"] * reach) \
                and ink.crossed(at, prev.x1, pc.x0, size):
            out[-1] = _piece(list(prev.glyphs) + list(pc.glyphs), p)
        else:
            out.append(pc)
    return out


def vertical_runs(all_pieces: list[Piece], p: dict) -> list[Piece]:
    """Pieces of one Han character stacked one under the other, a character's height apart,
    joined into one vertical line (a headline set top to bottom, 竖排), read top down.

    Rows are horizontal, so each character of a vertical line is a row of its own: three or
    more single characters of one size at one x, each ``vertical_step`` sizes under the one
    before (at most), are one line."""
    singles: dict[int, list[Piece]] = {}
    for pc in all_pieces:
        if len(pc.glyphs) == 1 and _is_wide(pc.text):
            singles.setdefault(round(pc.x0), []).append(pc)
    taken: set[int] = set()
    runs: list[Piece] = []
    for x in sorted(singles):
        column = sorted(singles[x] + singles.get(x + 1, []) + singles.get(x - 1, []), key=lambda q: -q.baseline)
        column = [q for q in column if id(q) not in taken]
        run: list[Piece] = []
        for q in column:
            if run and (abs(q.size - run[-1].size) > p["same_size"] * q.size
                        or not p["vertical_min"] * q.size <= run[-1].baseline - q.baseline <= p["vertical_step"] * q.size):
                if len(run) >= 3:
                    runs.append(_vertical(run))
                    taken.update(id(r) for r in run)
                run = []
            run.append(q)
        if len(run) >= 3:
            runs.append(_vertical(run))
            taken.update(id(r) for r in run)
    if not runs:
        return all_pieces
    return [pc for pc in all_pieces if id(pc) not in taken] + runs


def _vertical(run: list[Piece]) -> Piece:
    gs = tuple(q.glyphs[0] for q in run)
    return Piece(gs, min(g.x0 for g in gs), max(g.x1 for g in gs), min(g.bottom for g in gs),
                 max(g.top for g in gs), gs[0].baseline, run[0].size, sum(q.bold for q in run) * 2 > len(run),
                 "".join(q.text for q in run))


def _piece(gs: list[Glyph], p: dict) -> Piece:
    parts = []
    prev = None
    gaps = sorted(gs[k].x0 - gs[k - 1].x1 for k in range(1, len(gs)))
    usual = gaps[len(gaps) // 2] if gaps else 0.0  # the line's own spacing (justified type)
    for g in gs:
        if prev is not None and not g.char.isspace() and not prev.char.isspace():
            gap = g.x0 - prev.x1
            wide = _is_wide(g.char) or _is_wide(prev.char)
            if gap > p["space_ems"] * max(g.size, prev.size) + (usual if wide else 0.0) \
                    and not (wide and (g.char in HANGING or prev.char in HANGING or g.char in OPENING)):
                # Latin words keep their spaces; between Han a blank wider than the line's own
                # spacing is a space the setter typed (between names in a byline), not the
                # gap beside a mark or between Han and Latin
                if not (wide and not (_is_wide(g.char) and _is_wide(prev.char))):
                    parts.append(" ")
        parts.append(g.char)
        prev = g
    text = "".join(parts).strip()
    sizes = Counter(round(g.size, 1) for g in gs if not g.char.isspace())
    size = sizes.most_common(1)[0][0] if sizes else gs[0].size
    bold = sum(g.bold for g in gs) * 2 > len(gs)
    ink = [g for g in gs if not g.char.isspace()] or gs
    return Piece(tuple(gs), ink[0].x0, ink[-1].x1, min(g.bottom for g in gs), max(g.top for g in gs),
                 gs[0].baseline, size, bold, text)


class _Block:
    __slots__ = ("pieces", "x0", "x1", "pitch", "frame", "floor")

    def __init__(self, pc: Piece, frame, floor: float | None = None):
        self.pieces, self.x0, self.x1, self.pitch, self.frame = [pc], pc.x0, pc.x1, None, frame
        self.floor = floor  # the bottom of the frame it stands in (its own padding under the text)

    @property
    def top(self) -> float:
        return self.pieces[0].top

    @property
    def bottom(self) -> float:
        return self.pieces[-1].bottom


def _frame_of(pc: Piece, frames: list[Box]):
    """The frame a piece stands in (a mark closing its last sentence may hang past its side)."""
    x1 = _ink_x1(pc)
    for i, f in enumerate(frames):
        if f.x0 - 1 <= pc.x0 and x1 <= f.x1 + 1 and f.bottom - 1 <= pc.bottom and pc.top <= f.top + 1:
            return i
    return None


def _ink_x1(pc: Piece) -> float:
    """Where a piece's characters end, marks hanging past its measure (、。，”) left out."""
    return next((g.x1 for g in reversed(pc.glyphs) if g.char not in HANGING and not g.char.isspace()), pc.x1)


def blocks(all_pieces: list[Piece], frames: list[Box], p: dict) -> list[_Block]:
    """Pieces gathered into column blocks (same type, one pitch apart, one measure, one frame)."""
    out: list[_Block] = []
    for pc in sorted(all_pieces, key=lambda q: (-q.baseline, q.x0)):
        frame = _frame_of(pc, frames)
        best, best_d = None, None
        for b in out:
            last = b.pieces[-1]
            if b.frame != frame or last.bold != pc.bold or abs(last.size - pc.size) > p["same_size"] * last.size:
                continue
            d = last.baseline - pc.baseline
            if d <= 0.5 * pc.size or d > p["max_pitch"] * pc.size:
                continue
            if b.pitch is not None and abs(d - b.pitch) > p["pitch_slack"] * pc.size:
                continue
            one = len(b.pieces) == 1
            slack = (p["first_line_slack"] if one else p["line_slack"]) * pc.size
            # (punctuation may hang up to an em past the measure)
            if pc.x0 < b.x0 - slack or (not one and pc.x1 > b.x1 + slack + p["hang_ems"] * pc.size):
                continue
            overlap = min(pc.x1, b.x1) - max(pc.x0, b.x0)
            # (a paragraph's last line of a character or two over the next one's indented
            # first line, at a column's top: 求。 then 推动…, one column)
            if overlap < 0.5 * min(pc.x1 - pc.x0, b.x1 - b.x0) and not (one and b.x0 <= pc.x0 <= b.x0 + slack):
                continue
            if one and pc.x1 - pc.x0 < 0.5 * (b.x1 - b.x0) and pc.x0 > b.x0 + slack:
                continue
            if best is None or d < best_d:
                best, best_d = b, d
        if best is None:
            out.append(_Block(pc, frame, None if frame is None else frames[frame].bottom))
            continue
        best.pitch = best_d if best.pitch is None else best.pitch
        best.pieces.append(pc)
        best.x0, best.x1 = min(best.x0, pc.x0), max(best.x1, pc.x1)
    _regroup_second_lines(out, p)
    return out


def _regroup_second_lines(bs: list[_Block], p: dict) -> None:
    """A block of two lines whose second line goes on the block right under it, at that
    block's pitch and not at its own: the second line is that block's first (a byline set
    over a column's top, a line apart, then the column: the byline stands alone)."""
    for b in bs:
        if len(b.pieces) != 2:
            continue
        first, second = b.pieces
        for c in bs:
            if c is b or c.frame != b.frame or len(c.pieces) < 2 or c.pitch is None:
                continue
            top = c.pieces[0]
            slack = p["pitch_slack"] * top.size
            if top.bold != second.bold or abs(top.size - second.size) > p["same_size"] * top.size \
                    or abs(second.baseline - top.baseline - c.pitch) > slack or abs(b.pitch - c.pitch) <= slack \
                    or abs(second.x0 - c.x0) > p["first_line_slack"] * top.size or second.x1 > c.x1 + slack + p["hang_ems"] * top.size:
                continue
            c.pieces.insert(0, second)
            c.x0, c.x1 = min(c.x0, second.x0), max(c.x1, second.x1)
            b.pieces, b.pitch, b.x0, b.x1 = [first], None, first.x0, first.x1
            break


def bands(bs: list[_Block], p: dict, body: float, pictures: list[Box] = ()) -> list[list[_Block]]:
    """Blocks cut into horizontal bands, read top first: at a gap of ``band_gap_ems`` body ems
    that no block crosses, where what starts under it runs across most of the page
    (``band_cover``: a row of headlines or of columns) and text ends over it. A gap in one
    column alone (the space above a subhead, where the columns beside it have ended) is no
    band's edge, nor the space under a row of headlines, nor a gap a picture runs across
    (from above it to below it: the picture of an article beside, its text going on under)."""
    if not bs:
        return []
    order = sorted(bs, key=lambda b: -b.top)
    left, right = min(b.x0 for b in bs), max(b.x1 for b in bs)
    width = max(right - left, 1.0)
    out, cur, low = [], [], None
    for k, b in enumerate(order):
        if cur and b.top < low - p["band_gap_ems"] * body \
                and not any(pic.top > low and pic.bottom < b.top for pic in pictures):
            under = [o for o in order[k:] if o.top >= b.top - p["band_reach_ems"] * body]
            over = [o for o in cur if o.bottom <= low + p["band_reach_ems"] * body]
            # (headlines over the gap head what is under it: a band ends under text)
            text_over = any(len(o.pieces) >= 2 and abs(o.pieces[-1].size - body) <= p["same_size"] * body
                            for o in over)
            # (a picture set under the gap is part of the row it starts)
            spans = [(o.x0, o.x1) for o in under] + [(pic.x0, pic.x1) for pic in pictures
                                                      if b.top - p["band_reach_ems"] * body <= pic.top <= low]
            # (and a headline starts the row: a column going on under the space over its
            # subhead, across most of the page's width, is no new row)
            headed = any(_display(o, body, p) for o in under if o.top >= b.top - p["goes_on_ems"] * body)
            if text_over and headed and _cover(spans) >= p["band_cover"] * width:
                out.append(cur)
                cur, low = [], None
        cur.append(b)
        low = b.bottom if low is None else min(low, b.bottom)
    if cur:
        out.append(cur)
    return out


def _cover(spans: list[tuple[float, float]]) -> float:
    """How much of the page's width the spans (x0, x1) cover together."""
    total, end = 0.0, None
    for x0, x1 in sorted(spans):
        if end is None or x0 > end:
            total += x1 - x0
            end = x1
        elif x1 > end:
            total += x1 - end
            end = x1
    return total


def _display(b: _Block, body: float, p: dict) -> bool:
    """Whether block ``b`` is set in display type: ``display_ratio`` times the body type, or a
    bold face ``bold_ratio`` times it (a small article's headline: 15 points over 10.5)."""
    size = b.pieces[0].size
    if len(b.pieces) > p["display_lines"] or len(b.pieces) >= 2 and _closes_sentence(b.pieces[-1].text):
        # (a quote or a passage set large in a column of its own: more lines than a headline
        # takes, or closing a sentence as no headline does; it heads no columns)
        return False
    return size >= p["display_ratio"] * body or (b.pieces[0].bold and size >= p["bold_ratio"] * body)


#: a sentence's end: a full stop, then any closing quotation marks or brackets
_SENTENCE_END = ("。", "。”", "。’", "。」", "。』", "。）", "。”）")


def _closes_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def reading_order(bs: list[_Block], body: float, p: dict) -> list[_Block]:
    """Column blocks in reading order: a partial order after Breuel (a block above another it
    overlaps across comes first; of two blocks side by side that share rows, the left one),
    read by going on down the column just read where a block follows right under it, else
    from the topmost block left (leftmost of those level with it)."""
    n = len(bs)
    eps = 1.0
    box = [(b.x0, b.x1, b.bottom, b.top) for b in bs]
    # (the last block in a frame reaches down to the frame's foot: the column goes on under the
    # frame, past its padding)
    last_in = {b.frame: k for k, b in sorted(enumerate(bs), key=lambda kb: -kb[1].bottom) if b.frame is not None}
    framed_box = [(b.x0, b.x1, min(b.bottom, b.floor), b.top) if last_in.get(b.frame) == k else None
                  for k, b in enumerate(bs)]
    display = [_display(b, body, p) for b in bs]
    # a column of text (two lines or more of body type) starting level with a headline right of
    # it (the nearest one): the headline heads that column too
    column = [len(b.pieces) >= 2 and abs(b.pieces[0].size - body) <= p["same_size"] * body for b in bs]
    heads = [k for k in range(n) if display[k]]
    owner = [_headline_above(bs, heads, k, body, p) for k in range(n)]
    _byline_beyond(bs, box, heads, owner, body, p)
    # (a block under no headline's width, only within a headline's extent to its right, may
    # still go on a stack that the next headline of the row heads: see below)
    extent_only = [owner[k] is None for k in range(n)]
    _under_extent(box, heads, owner, body)
    extent_only = [extent_only[k] and owner[k] is not None for k in range(n)]
    # one-line blocks that are no line of a column (they start off the left edge of the column
    # right under them): what may be a byline set flush right at a headline's foot
    apart = {k for k in range(n) if len(bs[k].pieces) == 1 and not _heads_column(bs, box, k, body, p)}
    # the top of each headline with its kicker over it
    unit_top = {h: box[h][3] for h in heads}
    for k in range(n):
        if owner[k] is not None and not display[k] and box[k][3] > box[owner[k]][3]:
            unit_top[owner[k]] = max(unit_top[owner[k]], box[k][3])

    def level_head(k: int) -> int | None:
        """The headline nearest right of block ``k`` (its top within ``goes_on_ems`` of
        ``k``'s), if it starts level with ``k`` (within an em; a block under no headline may
        start up to ``goes_on_ems`` higher)."""
        near = [h for h in heads if box[h][0] >= box[k][1] - body
                and abs(unit_top[h] - box[k][3]) <= p["goes_on_ems"] * body]
        if not near:
            return None
        h = min(near, key=lambda h: box[h][0])
        # (a block under no headline may start higher, within goes_on_ems: a byline over the
        # column's first line, level with the headline's ink rather than its em box)
        above = p["goes_on_ems"] * body if owner[k] is None else body
        return h if -body <= box[k][3] - unit_top[h] <= above else None

    heads_beside: list[int | None] = [None] * n
    for k in range(n):
        if column[k]:
            heads_beside[k] = level_head(k)
    # so does a stack of blocks short of display type that no headline is over, set left of
    # a headline from level with its top down (a framed quote, or one set plain in a larger
    # face, the byline under it, the first line of the text)
    plain = [not display[k] for k in range(n)]
    for k in sorted(range(n), key=lambda k: -box[k][3]):
        if heads_beside[k] is not None or not plain[k] or owner[k] is not None and not extent_only[k]:
            continue
        over = [j for j in range(n) if heads_beside[j] is not None and plain[j]
                and _goes_on(box[j], box[k], body, p)]
        if owner[k] is not None:
            # a column in the extent of the headline to its left, going on under a stack that
            # the next headline of the row heads (a quote at the column's top, level with that
            # headline): that headline's first column
            if over:
                heads_beside[k] = heads_beside[max(over, key=lambda j: box[j][2])]
                owner[k] = None
            continue
        heads_beside[k] = level_head(k)
        if heads_beside[k] is None and over:
            heads_beside[k] = heads_beside[max(over, key=lambda j: box[j][2])]
    # the lines set right under a headline (subtitle, byline): read with it, before the
    # column beside it (a subhead further down that headline's text is not)
    # (set at the headline's left edge, or flush right at its end in plain type: a line at the
    # top of a column further in, a bold subhead or the end of a paragraph from the column
    # before, is no headline material)
    # (nor, under a headline set beside its first column, a bold line of the text's type at
    # its left edge: the next column's subhead, at its top)
    set_beside = {h for h in heads_beside if h is not None}
    # (nor a line that closes a sentence, as no subtitle or byline does: the end of a paragraph
    # from the column before, at the top of the column under the headline)
    closing = [_closes_sentence(b.pieces[-1].text) for b in bs]
    under_head = [owner[k] is not None and not column[k] and not display[k]
                  and box[k][3] >= box[owner[k]][2] - p["goes_on_ems"] * body
                  and (box[k][0] <= box[owner[k]][0] + body
                       or box[k][1] >= box[owner[k]][1] - body and not bs[k].pieces[0].bold)
                  and not (owner[k] in set_beside and bs[k].pieces[0].bold
                           and abs(bs[k].pieces[0].size - body) <= p["same_size"] * body)
                  and not closing[k]
                  for k in range(n)]
    after: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    # (where each block's ink ends: a mark hanging past a display line's measure is as wide as
    # its type, and what it overlaps is the blank right half of its em)
    ink = [max(map(_ink_x1, b.pieces)) for b in bs]
    for i in range(n):
        ax0, ax1, ab, at = box[i]
        for j in range(n):
            if i == j:
                continue
            bx0, bx1, bb, bt = box[j]
            if min(ink[i], ink[j]) - max(ax0, bx0) > body:  # one above the other (more than a hanging mark)
                before = ab >= bt - eps or (at > bt and (at + ab) / 2 > (bt + bb) / 2)
            elif min(at, bt) - max(ab, bb) > eps:  # side by side, sharing rows: the left one first,
                # but a headline set beside the first column of its text, level with its top,
                # heads that column too
                # (and so do the lines set under that headline: subtitle, byline)
                if ax0 < bx0:
                    h = heads_beside[i]
                    before = h is None or (j != h and not (owner[j] == h and under_head[j]))
                else:
                    h = heads_beside[j]
                    before = h is not None and (i == h or (owner[i] == h and under_head[i]))
            else:
                before = False
            if before:
                after[i].append(j)
                indeg[j] += 1
    # a block read before a stack that a headline on its right heads (the end of the article
    # on its left) is read before that headline too: the headline opens its article only
    # once the text beside its stack is done
    for j in range(n):
        h = heads_beside[j]
        if h is None or box[j][1] > box[h][0] + body:
            continue
        for i in range(n):
            if i != h and j in after[i] and h not in after[i] and box[i][0] < box[j][0] \
                    and owner[i] != h and heads_beside[i] != h:
                after[i].append(h)
                indeg[h] += 1
    # what opens an article: a headline, or a kicker over one (its headline is below it)
    opens = [display[k] or (owner[k] is not None and box[owner[k]][3] < box[k][3]) for k in range(n)]
    ready = [i for i in range(n) if indeg[i] == 0]
    order, done, last = [], [False] * n, None
    chain_top = None  # the top of the body text of the column being read
    while len(order) < n:
        if not ready:  # a cycle (overlapping blocks): take the topmost of those left
            ready = [max((k for k in range(n) if not done[k]), key=lambda k: (box[k][3], -box[k][0]))]
        i = _next(ready, box, last, chain_top, body, p, owner, opens, heads_beside, [len(b.pieces) for b in bs],
                  apart, column, closing, framed_box)
        if last is None or not _goes_on(box[last], box[i], body, p) or display[i]:
            chain_top = None  # (the text of a column starts under its headline)
        if chain_top is None and not display[i]:
            chain_top = box[i][3]
        ready.remove(i)
        done[i] = True
        order.append(bs[i])
        last = i
        for j in after[i]:
            indeg[j] -= 1
            if indeg[j] == 0 and not done[j]:
                ready.append(j)
    return order


def _under_extent(box: list[tuple], heads: list[int], owner: list, body: float) -> None:
    """A block that no headline is over, under a headline and right of its start, short of
    where the next headline of that row starts: that headline's. A headline heads the columns
    under it and those to its right up to the next article's (a short headline over a wide
    article leaves its right-hand columns under no headline's width)."""
    # where each headline's extent ends: the next headline to its right that shares its rows
    extent = {h: min((box[g][0] for g in heads if g != h and box[g][0] > box[h][0]
                      and min(box[g][3], box[h][3]) > max(box[g][2], box[h][2])), default=None) for h in heads}
    for k in range(len(box)):
        if owner[k] is not None:
            continue
        near = [h for h in heads if box[h][0] - body <= box[k][0] and box[k][3] <= box[h][2] + body
                and (extent[h] is None or box[k][1] <= extent[h] + body)]
        if near:
            owner[k] = max(near, key=lambda h: (box[h][2], box[h][0]))  # (the nearest above)


def _heads_column(bs: list[_Block], box: list[tuple], k: int, body: float, p: dict) -> bool:
    """Whether block ``k`` starts at the left edge of a column block right under it, or under
    one-line blocks (subheads) that go on under it at that edge: a line of that column (its
    subhead, or the end of a paragraph from the column before)."""
    last = k
    while True:
        under = [j for j in range(len(bs)) if j != last and abs(box[j][0] - box[k][0]) <= body
                 and _goes_on(box[last], box[j], body, p) and box[j][3] < box[last][3]]
        if not under:
            return False
        j = max(under, key=lambda j: box[j][3])
        if len(bs[j].pieces) >= 2:
            # (in the column's own type: a byline set over it in a type of its own, a point
            # smaller, is no line of it)
            return bs[k].pieces[0].bold or round(bs[k].pieces[0].size, 1) == round(bs[j].pieces[0].size, 1)
        last = j


def _byline_beyond(bs: list[_Block], box: list[tuple], heads: list[int], owner: list, body: float,
                   p: dict) -> None:
    """A line of body type that no headline is over, set right under a headline's lines (its
    title and subtitle) but out to the right of them, towards the right edge of the article
    (a byline set flush right): that headline's. The headline is the nearest to its left; a
    byline is not set left of its own headline."""
    foot = {}
    for h in heads:  # the bottom of the headline's lines: title, then the lines right under it
        bottom, last = box[h][2], h
        for k in sorted((k for k in range(len(bs)) if owner[k] == h and k != h and len(bs[k].pieces) == 1),
                        key=lambda k: -box[k][3]):
            if _goes_on(box[last], box[k], body, p):
                bottom, last = box[k][2], k
        foot[h] = bottom
    for k, b in enumerate(bs):
        if owner[k] is not None or len(b.pieces) != 1 or b.pieces[0].size > body * (1 + p["same_size"]):
            continue
        if _heads_column(bs, box, k, body, p):  # (a line of a column, not set apart)
            continue
        left = [h for h in heads if box[h][1] <= box[k][0] + body
                and foot[h] - p["goes_on_ems"] * body <= box[k][3] <= foot[h] + body]
        if left:
            owner[k] = max(left, key=lambda h: box[h][1])


def _lanes_between(lns: list[Lane], xs: list[float], lo: float, hi: float) -> list[Lane]:
    """The lanes (sorted by x, ``xs`` their x) from ``lo`` to ``hi``."""
    return lns[bisect.bisect_left(xs, lo):bisect.bisect_right(xs, hi)]


def _near_any(ys: tuple, lo: float, hi: float, reach: float) -> bool:
    """Whether a baseline of ``ys`` (in order) lies between ``lo - reach`` and ``hi + reach``."""
    k = bisect.bisect_left(ys, lo - reach)
    return k < len(ys) and ys[k] <= hi + reach


def _leftmost_column(ks: list[int], box: list[tuple], body: float, p: dict) -> int:
    """Of blocks ``ks``, the topmost of the leftmost column's (its lines start at most a
    first-line indent right of the leftmost start)."""
    x = min(box[k][0] for k in ks)
    return max((k for k in ks if box[k][0] <= x + p["first_line_slack"] * body), key=lambda k: box[k][3])


def _headline_above(bs: list[_Block], heads: list[int], k: int, body: float, p: dict) -> int | None:
    """The display headline nearest above block ``k`` across some of its width (itself, for
    a headline), or None."""
    if k in heads:
        return k
    b = bs[k]
    if len(b.pieces) <= 2 and b.pieces[0].size > body * (1 + p["same_size"]):
        # a kicker: a line or two of heading type right over a headline is that headline's
        over = [h for h in heads if b.bottom - p["kicker_reach"] * body <= bs[h].top <= b.bottom + body
                and min(bs[h].x1, b.x1) - max(bs[h].x0, b.x0) > body]
        if over:
            return min(over, key=lambda h: b.bottom - bs[h].top)
    above = [h for h in heads if bs[h].bottom >= b.top - body and min(bs[h].x1, b.x1) - max(bs[h].x0, b.x0) > body]
    if above:
        return min(above, key=lambda h: bs[h].bottom - b.top)
    if len(b.pieces) == 1:
        # a byline or tag set level with a headline's last line, out to its right (unless
        # another headline stands between them, a subtitle under it reaching the line: that
        # headline's byline set flush right, which :func:`_byline_beyond` gives it)
        level = [h for h in heads if bs[h].x1 <= b.x0 + body
                 and bs[h].bottom - p["kicker_reach"] * body <= b.top <= bs[h].top]
        near = [h for h in heads if bs[h].x1 <= b.x0 + body
                and bs[h].bottom - p["goes_on_ems"] * body <= b.top <= bs[h].top]
        if level and max(near, key=lambda h: bs[h].x1) in level:
            return max(level, key=lambda h: bs[h].x1)
    return None


def _next(ready: list[int], box: list[tuple], last: int | None, chain_top: float | None, body: float,
          p: dict, owner: list | None = None, display: list | None = None, beside: list | None = None,
          lines: list | None = None, apart: set | None = None, column: list | None = None,
          closing: list | None = None, framed_box: list | None = None) -> int:
    """The block read next: after a kicker, its headline; the one right under the block just
    read, in its column; else the next column of the same text, to the right, starting level
    with the column just read; else the leftmost (then topmost) block left under the headline
    being read, or else the topmost anywhere (the leftmost of those within an em of its top)."""
    if last is not None and owner is not None and owner[last] in ready:
        return owner[last]  # a kicker: its headline next
    if last is not None and owner is not None and beside is not None and owner[last] is not None \
            and (display[last] or lines[last] == 1):
        # the headline material (headline, a subtitle or byline line under it) read, the column
        # set beside it that it heads comes next, before anything else under it
        h = owner[last]
        more = [k for k in ready if owner[k] == h and lines[k] == 1 and not display[k]
                and not (closing and closing[k])
                and (_goes_on(box[last], box[k], body, p)  # (or a byline set flush right, at its foot)
                     and (k in (apart or ()) or box[k][0] <= box[h][0] + body)
                     or k in (apart or ()) and (box[k][0] >= box[last][1] - body or box[k][1] > box[last][1] + body)
                     and abs(box[k][3] - box[last][2]) <= body)]
        # (a byline at the headline's foot set flush right: out to its right, or ending right of
        # it and starting under its end)
        # (a line that starts a column further right under the headline is that column's first
        # line, the end of a paragraph from the column before: not the headline's material)
        if more:
            return max(more, key=lambda k: box[k][3])
        cols = [k for k in ready if beside[k] == h]
        if cols:
            return min(cols, key=lambda k: box[k][0])
    if last is not None and display is not None and display[last] and owner is not None:
        # a byline set level with the headline just read, to its right: read with it
        # (near the headline's foot, and no column of text: a column beyond the headline's width
        # may be set higher than the columns under a picture under the headline)
        beside_head = [k for k in ready if owner[k] == last and box[k][0] >= box[last][1] - body
                       and not (column and column[k]) and box[k][3] >= box[last][2] - p["goes_on_ems"] * body]
        if beside_head:
            return min(beside_head, key=lambda k: box[k][0])
    if last is not None and apart and last in apart and owner is not None and owner[last] is not None \
            and box[last][3] >= box[owner[last]][2] - 2 * p["goes_on_ems"] * body:
        # a byline set apart (flush right) at the headline's foot: the text under the headline
        # starts in its leftmost column, not in the column under the byline
        mine = [k for k in ready if owner[k] == owner[last] and k != owner[last]]
        if mine:
            return _leftmost_column(mine, box, body, p)
    if last is not None and display is not None and display[last] and owner is not None:
        # a headline across several columns: its text starts in the leftmost of them, though
        # a picture at the top of that column puts the column right under the headline further
        # right
        cols = [k for k in range(len(box)) if owner[k] == last and lines[k] >= 2 and not display[k]]
        first = [k for k in ready if _goes_on(box[last], box[k], body, p)]
        if cols and first:
            x = min(box[k][0] for k in cols)
            there = [k for k in ready if owner[k] == last and abs(box[k][0] - x) <= body]
            if there and x < min(box[k][0] for k in first) - body:
                return max(there, key=lambda k: box[k][3])
    if last is not None:
        above = box[last]
        if framed_box is not None and framed_box[last] is not None and not (
                owner is not None and owner[last] is not None
                and any(owner[k] == owner[last] and box[k][1] <= box[last][0] for k in ready)):
            # a frame at a column's top: the column goes on under the frame's foot (its padding
            # under the text), unless its article's text starts in a column left of it, unread
            above = framed_box[last]
        under = [k for k in ready if _goes_on(above, box[k], body, p)]
        # a headline (or its kicker) under a column starts another article: the next column
        # of this text first
        heads_under = [k for k in under if display is not None and display[k]]
        under = [k for k in under if k not in heads_under]
        if under:
            return max(under, key=lambda k: box[k][3])
        if chain_top is not None:
            # the next column of the text: to the right, starting within the height the column
            # just read spans (from the top of its text down to where it ended)
            # (not a column another headline heads: that article's text waits for its headline)
            beside = [k for k in ready if box[k][0] >= box[last][1] - body  # (marks hang past it)
                      and box[last][2] - body <= box[k][3] <= chain_top + body
                      and (owner is None or owner[k] is None or owner[last] is None or owner[k] == owner[last])]
            if beside:
                return min(beside, key=lambda k: (round(box[k][0] / body), -box[k][3]))
        if heads_under:
            return max(heads_under, key=lambda k: box[k][3])
    pool = ready
    if owner is not None and last is not None and owner[last] is not None:
        # the rest of the text under the headline being read comes before another article
        mine = [k for k in ready if owner[k] == owner[last] and k != owner[last]]
        if mine:  # (column by column, left to right: a picture may stand at a left column's top)
            return _leftmost_column(mine, box, body, p)
    top = max(box[k][3] for k in pool)
    level = [k for k in pool if box[k][3] >= top - body]  # (headlines of a row start level)
    return min(level, key=lambda k: (box[k][0], -box[k][3]))


def headed_by(bs: list[_Block], body: float, p: dict, base: int = 0) -> list[int | None]:
    """For each block of a band (in reading order), the display headline it is set under: the
    nearest one above it across its columns (a kicker: the one right under it); a block under
    none goes on the text read before it (a column beyond its headline's width). Headlines
    head themselves. Indices are in reading order, from ``base``."""
    heads = [k for k, b in enumerate(bs) if _display(b, body, p)]
    out: list[int | None] = []
    for k in range(len(bs)):
        h = _headline_above(bs, heads, k, body, p)
        out.append(base + h if h is not None else (out[-1] if out else None))
    return out


def _goes_on(a: tuple, b: tuple, body: float, p: dict) -> bool:
    """Whether box ``b`` follows right under box ``a`` in the same column."""
    ax0, ax1, ab, _ = a
    bx0, bx1, _, bt = b
    overlap = min(ax1, bx1) - max(ax0, bx0)
    return overlap >= p["column_overlap"] * min(ax1 - ax0, bx1 - bx0) and ab - p["goes_on_ems"] * body <= bt <= ab + body


def read(page: PageGlyphs, params: dict | None = None) -> PdfText:
    """The page's printed lines in reading order, with their geometry."""
    p = {**defaults(), **(params or {})}
    frames = [b for b in page.boxes if b.kind == "frame"]
    all_pieces, copies = [], []
    sizes = Counter(round(g.size, 1) for g in page.glyphs if not g.char.isspace())
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    by_row = []
    all_rows = rows(_bold_under_copies(page.glyphs, page.twice), p)
    for row in all_rows:
        got = []
        for line_ in _baselines(row, p):  # (two columns' lines on grids of their own share a row)
            more, dup = pieces(line_, p, body)
            got += more
            copies += dup
        by_row.append(sorted(got, key=lambda pc: pc.x0))
    flat = [pc for got in by_row for pc in got]
    starts = lanes([(pc.x0, pc.baseline) for pc in flat], p)
    ends = lanes([(pc.x1, pc.baseline) for pc in flat], p)
    ink = Ink(all_rows, p)
    # rows cut where marks hang into a gutter before the edges are taken again: a row of two
    # columns read as one hides the next column's edge from the rows around it
    by_row = [[q for pc in got for q in cut_at_lanes(pc, starts, ends, p, body, ink)] for got in by_row]
    flat = [pc for got in by_row for pc in got]
    starts = lanes([(pc.x0, pc.baseline) for pc in flat], p)
    ends = lanes([(pc.x1, pc.baseline) for pc in flat], p)
    all_pieces = [q for r, got in enumerate(by_row) for q in join_inside(got, r, ink, starts, ends, p, body)]
    all_pieces = [q for pc in all_pieces for q in cut_at_frames(pc, frames, p)]
    all_pieces = vertical_runs(all_pieces, p)
    starts = lanes([(pc.x0, pc.baseline) for pc in all_pieces], p)
    ends = lanes([(pc.x1, pc.baseline) for pc in all_pieces], p)
    all_pieces = [q for pc in all_pieces for q in cut_at_lanes(pc, starts, ends, p, body, ink)
                  for q in cut_display_at_gutters(q, starts, ends, p, body, page.boxes)]
    found = blocks(all_pieces, frames, p)
    framed = {b.frame for b in found if b.frame is not None}
    pictures = [f for i, f in enumerate(frames) if i not in framed] + [b for b in page.boxes if b.kind == "image"]
    ordered, owners = [], []
    for band in bands(found, p, body, pictures):
        got = reading_order(band, body, p)
        owners += headed_by(got, body, p, len(ordered))
        ordered += got
    lines, geos = [], []
    sx, ex = [ln[0] for ln in starts], [ln[0] for ln in ends]
    for bi, b in enumerate(ordered):
        measured = len(b.pieces) >= 2
        # the column's edges: where most of its lines start, and the right edge of the widest
        lefts = Counter(round(pc.x0) for pc in b.pieces)
        left = min(x for x, c in lefts.items() if c == max(lefts.values())) if measured else b.x0
        left = min(left, b.x0 + p["hang_ems"] * b.pieces[0].size) if measured else left
        if measured and len(lefts) == 1:
            # every line starts at one x: paragraphs of one line each, all indented, where the
            # column's edge (a lane the lines around it use) lies an indent to the left
            size = b.pieces[0].size
            near = [ln[0] for ln in _lanes_between(starts, sx, left - p["first_line_slack"] * size,
                                                    left - p["indent_ems"] * size)
                    if _near_any(ln[3], b.bottom, b.top, p["lane_reach"] * size)]
            if near:
                left = max(near)
        rights = Counter(round(pc.x1) for pc in b.pieces)
        top_count = max(rights.values())
        right = max(x for x, c in rights.items() if c == top_count) if top_count >= 2 else b.x1
        edges, left_only = measured, False
        if not measured and abs(b.pieces[0].size - body) <= p["same_size"] * body:
            # a line of its own (a paragraph's first line at a column's foot, its last at a
            # column's top): its column's edges are the lanes the lines around it use
            size = b.pieces[0].size
            reach = p["lane_reach"] * size
            # (its own column's edges: the farthest lane at or left of its start within an indent,
            # the column's edge and not the indent lane its first lines start on, and the nearest
            # at or right of its end)
            ls = [ln[0] for ln in _lanes_between(starts, sx, b.x0 - p["first_line_slack"] * size, b.x0 + 1.0)
                  if _near_any(ln[3], b.bottom, b.top, reach)]
            # (where its characters end, marks hanging past its measure left out: 更高。” fills
            # its column, the two marks past the edge)
            rs = [ln[0] for ln in _lanes_between(ends, ex, _ink_x1(b.pieces[0]) - p["hang_ems"] * size, float("inf"))
                  if _near_any(ln[3], b.bottom, b.top, reach)]
            if ls and rs:
                left, right, edges = min(ls), min(rs), True
            elif ls:  # (a paragraph's last line, alone at a column's top: its left edge tells)
                left, left_only = min(ls), True
        by_picture = any(_next_to(b, pic, b.pieces[0].size, p["caption_reach"]) for pic in pictures)
        for k, pc in enumerate(b.pieces):
            lines.append(pc.text)
            # (a line short only by a number or word the next line starts with, too wide for the
            # room left, is full: 加权平均利率为 / 3.95%，处于…)
            room = right - pc.x1
            short = room >= p["short_ems"] * pc.size \
                and not (k + 1 < len(b.pieces) and _unbroken_run(b.pieces[k + 1]) > room)
            geos.append(LineGeometry(
                pc.size, body, pc.bold, (pc.x0 - left >= p["indent_ems"] * pc.size) if edges or left_only else None,
                short if edges else None,
                b.frame is not None, bi, k == 0, by_picture, owners[bi], round(pc.x0, 1), round(pc.x1, 1),
                round(pc.top, 1)))
    twice = _mark_twice(page.twice, geos)
    geos = [g._replace(bold=True) if i in twice else g for i, g in enumerate(geos)]
    kept = [(i, t.text, f"drawn twice {abs(t.dx) + abs(t.dy):.2f} pt apart (fake bold): one copy kept")
            for i, t in twice.items()]
    for ch, x, y in copies:
        i = _line_at(geos, x, y)
        kept.append((i, ch, "a character drawn again on itself (fake bold): one copy kept"))
    return PdfText(page.number, "\n".join(lines) + ("\n" if lines else ""), tuple(geos), tuple(kept),
                   sum(len(pc.glyphs) for pc in all_pieces), (page.width, page.height))


#: what a typesetter never breaks across lines, besides a number's or a word's characters
_RUN_MARKS = ".,%/:+-"


def _unbroken_run(pc: Piece) -> float:
    """How wide the run a line starts with that is never broken across lines is, in points: a
    number or a Latin word (3.95%), with a closing mark after it that no line may start with
    (0 where the line starts with a Han character: one always fits)."""
    gs = pc.glyphs
    k = 0
    while k < len(gs) and gs[k].char.isascii() and (gs[k].char.isalnum() or gs[k].char in _RUN_MARKS):
        k += 1
    if k == 0:
        return 0.0
    if k < len(gs) and gs[k].char in LEFT_INK:
        k += 1
    return gs[k - 1].x1 - gs[0].x0


def _next_to(b: _Block, pic: Box, size: float, reach: float) -> bool:
    """Whether block ``b`` sits right under or right over picture ``pic``, across most of it."""
    overlap = min(b.x1, pic.x1) - max(b.x0, pic.x0)
    if overlap < 0.5 * (b.x1 - b.x0):
        return False
    under = pic.bottom - reach * size <= b.top <= pic.bottom + 0.5 * size
    over = pic.top - 0.5 * size <= b.bottom <= pic.top + reach * size
    return under or over


def _bold_under_copies(gs: list[Glyph], twice: list[Twice]) -> list[Glyph]:
    """The characters with a copy drawn over them (fake bold) marked bold before lines are
    built, so that a headline's lines are one type: a copy that reads as no text (Chromium's
    outline of 七, in a Type 3 font, maps to no character) leaves its character alone in the
    text layer, and ``七成``, one copy of two, read half bold, apart from ``秋粮收获进度过``."""
    if not twice or not gs:
        return gs
    lo, hi = int(min(g.bottom for g in gs)), int(max(g.top for g in gs))
    by_point: dict[int, list[Twice]] = {}  # each copy under every whole point of the text it spans
    for t in twice:
        for y in range(max(lo, int(t.bottom)), min(hi, int(t.top)) + 1):
            by_point.setdefault(y, []).append(t)
    out = []
    for g in gs:
        if not g.bold and not g.char.isspace():
            # (the copy's bounds are its ink: a closing mark's ink fills only part of its box,
            # so a box reaching into them is under it: 值” drawn twice)
            y = 0.5 * (g.bottom + g.top)
            if any(t.x0 < g.x1 and g.x0 < t.x1 and t.bottom <= y <= t.top for t in by_point.get(int(y), ())):
                g = g._replace(bold=True)
        out.append(g)
    return out


def _mark_twice(twice: list[Twice], geos: list[LineGeometry]) -> dict[int, Twice]:
    out = {}
    for t in twice:
        for i, g in enumerate(geos):
            mid = g.top - 0.5 * g.size
            if t.bottom - 1 <= mid <= t.top + 1 and min(g.x1, t.x1) - max(g.x0, t.x0) > 0.5 * (t.x1 - t.x0):
                out.setdefault(i, t)
    return out


def _line_at(geos: list[LineGeometry], x: float, y: float) -> int:
    """The line a character at (``x``, baseline ``y``) was set in: of the lines across ``x``
    whose top is above that baseline, the one whose top is nearest it."""
    best, best_d = 0, None
    for i, g in enumerate(geos):
        if g.x0 - 1 <= x <= g.x1 + 1 and g.top >= y:
            d = g.top - y
            if best_d is None or d < best_d:
                best, best_d = i, d
    return best
