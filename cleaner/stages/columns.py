"""The column step of the lines stage: columns an extractor set side by side, read one by one.

``pdftotext -layout`` and other layout-preserving extractors print a row of the page as one
line, the columns of that row side by side and separated by runs of blanks::

    公平是社会公平的重要基础。近年来，从推     地区，学校硬件条件虽已明显改善，但优秀
    进义务教育优质均衡发展，到推广“双师课     教师“招不来、留不住”的问题仍较突出；

The page is read here as bands (stretches of rows between blank gaps wider than the page's
usual gap between rows) and, in each band, lanes: the columns, found where many rows start a
piece of text at the same position. Positions are counted in characters, whatever their
width: poppler places a piece at a character position, not at a display width, and only
roughly (a piece's position depends on the pieces left of it on any row), so starts are
pooled within a tolerance, and a piece goes to the nearest lane, keeping the row's order; a
piece after a single blank continues its lane (the blanks inside a byline) unless it starts
where a lane does, or the lane's cell before it on the row is full (as long as most of the
lane's cells: a justified column's lines fill its measure) and holds a clause mark (a headline
or a byline holds none): poppler leaves a single blank between two narrow columns. Each band
is then read lane by lane, top to bottom: a headline over some lanes is read where it starts,
before the text under it; a lane's lines keep no blank line between them (the blank rows the
extractor prints inside a band are the other lanes' rows). A line is cut only at blanks and
only where no character repair straddles the cut, so the pieces are spans of the source like
any line, and the move is one recorded change per band (rule C001) with the lanes as evidence.

Columns of different leading may share no row: the extractor then prints each column's rows
apart, a row of the right column alone on its line, set in by the blanks before it; such a
deep row counts as a row of columns as a row with a wide blank run inside does.

Text that is not set side by side (one column per line, the dev pages, the sample) has no
band with two lanes that enough rows share, and is left exactly as it is.
"""

from __future__ import annotations

import re
import bisect
from functools import lru_cache
from dataclasses import dataclass

from ..model import Change, Line, Page, new_line
from ..chars import quote_balance, width
from ..rules import Rule, search_any

STAGE = "columns"

#: a run of blanks inside a row (ASCII, ideographic and no-break spaces)
_BLANKS = re.compile(r"[ \u3000\u00a0]+")
#: a clause mark: a cell holding none is a headline, a byline or a piece of one
_CLAUSE = re.compile(r"[，。、；：？！]")
#: two blanks or more (or an ideographic one) between text and text: the run, at most one match
#: per row that has a wide blank run.
#: (The run is taken whole, possessively, its start checked by a lookbehind: written as
#: ``(?:[ ]{2,}|\u3000)[ \u3000]*`` it backtracked through every split of a run not followed by
#: text, quadratic in the run: 1.8 s for a line of 20,000 blanks. It opens with the blank, not
#: with the text before it: ``re`` then skips straight to the blanks of the page instead of
#: trying every character, six times as fast on the sample page; a start inside a run fails
#: at once, on the lookbehind.)
_WIDE_RUN = re.compile(r"[ \u3000\u00a0](?:(?<=\S\u3000)|(?<=\S[ \u00a0])(?=[ \u00a0]))[ \u3000\u00a0]*+(?=\S)")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text in a row: its source span and where it starts and ends in its row,
    counted in characters (see the module)."""

    start: int
    end: int
    x0: int
    x1: int
    gap: int  # blanks before it on its row


def pieces_of(src: str, line: Line, row_start: int) -> list[Piece]:
    """The line cut at every run of blanks (``row_start``: where its source row starts, so a
    piece's position counts the row's indent too). Linear in the line's length."""
    base = line.start - row_start
    text = src[line.start:line.end]
    pieces = []
    pos, gap = 0, base
    for m in _BLANKS.finditer(text):
        pieces.append(Piece(line.start + pos, line.start + m.start(), base + pos, base + m.start(), gap))
        pos, gap = m.end(), m.end() - m.start()
    pieces.append(Piece(line.start + pos, line.end, base + pos, base + len(text), gap))
    return pieces


def lanes_of(rows: list[list[Piece]], rule: Rule) -> list[int]:
    """Where the band's lanes start (characters into the row). Extractors place text only roughly (a column's
    rows start a few characters apart), so starts are counted in a window of ``tolerance``
    either side, and the best-supported positions are taken one by one, each at least
    ``separation`` from those taken before (no column is narrower), while ``min_rows``
    rows, and ``min_share`` of the band's rows, start a piece there, and no more than
    ``max_cross`` times as many pieces run across the position as start there. With
    ``local_cross`` the crossings of a position may be counted on its own rows only (where it
    opens ``min_rows`` rows and its left neighbour opens one: a column beside another article's,
    see below). More than ``max_lanes`` such positions are no columns (a line of letter-spaced
    text): none is returned."""
    p = rule.params
    tol, sep = p["tolerance"], p["separation"]
    order = sorted((pc.x0, r, i == 0) for r, row in enumerate(rows) for i, pc in enumerate(row))
    if not order:
        return []
    starts = [x for x, _, _ in order]
    need = max(p["min_rows"], p["min_share"] * len(rows))

    def pooled(x: int) -> tuple[int, int]:  # (first, end) index of the starts within tol of x
        return bisect.bisect_left(starts, x - tol), bisect.bisect_right(starts, x + tol)

    def crossed(x: int, top: int, bottom: int) -> int:  # pieces on rows top..bottom running across x
        return sum(1 for r in rows[top:bottom] for pc in r if pc.x0 < x - tol and pc.x1 > x)

    support = {}
    for x in set(starts):
        lo, hi = pooled(x)
        if hi - lo >= need:
            support[x] = hi - lo
    # a column's start is a gutter: few pieces run across it (a headline, a caption over the
    # columns), where a start inside a column (a name after the blank of a byline, the pieces
    # of a letter-spaced line) has the column's lines running across it
    # (with ``local_cross`` a position the band's crossings rule out still stands where few
    # pieces cross it on its own rows, from the first to the last that start a piece there:
    # a column of an article set beside another one's, over or under whose rows it runs, where
    # the other article's lines run across its start above or below it. Only where nothing is
    # left of its pieces, on ``need`` rows, and of the lane left of it, on one of its rows: a
    # piece after another on its row stands where that one ends, a blank or a few on, short of
    # its column's start (poppler), and a column placed so on some rows is no column of its
    # own; nor is one beside a lane whose column does not stand on its rows: that lane's column
    # placed elsewhere.)
    local: dict[int, tuple[int, int]] = {}
    for x in list(support):
        if crossed(x, 0, len(rows)) <= p["max_cross"] * support[x]:
            continue
        if p["local_cross"]:
            lo, hi = pooled(x)
            within = [r for _, r, _ in order[lo:hi]]
            top, bottom = min(within), max(within) + 1
            if (len({r for _, r, first in order[lo:hi] if first}) >= need
                    and crossed(x, top, bottom) <= p["max_cross"] * support[x]):
                local[x] = (top, bottom)
                continue
        del support[x]
    while True:  # (a position dropped so may have kept a neighbour out: taken again without it)
        taken: list[int] = []
        for x in sorted(support, key=lambda x: (-support[x], x)):
            if all(abs(x - t) >= sep for t in taken):
                taken.append(x)
        taken.sort()
        alone = [x for i, x in enumerate(taken) if x in local and i
                 and not _starts_within(order, pooled(taken[i - 1]), *local[x])]
        if not alone:
            break
        for x in alone:
            del support[x], local[x]
    if len(taken) > p["max_lanes"]:
        return []
    # each lane at the median start of the pieces it pooled
    lanes = []
    for x in sorted(taken):
        lo, hi = pooled(x)
        lanes.append(starts[(lo + hi) // 2])
    return lanes


def _starts_within(order: list[tuple[int, int, bool]], pooled: tuple[int, int], top: int, bottom: int) -> bool:
    """Whether any of the starts ``order[lo:hi]`` (``pooled``; each a position, its row and
    whether it opens its row) opens a row from ``top`` to before ``bottom``. Only a piece with
    nothing left of it stands where its column does: poppler sets a piece after another on its
    row where that one ends, a blank or a few on, short of its column's start."""
    lo, hi = pooled
    return any(first and top <= r < bottom for _, r, first in order[lo:hi])


def assign(row: list[Piece], lanes: list[int], rule: Rule, full: list[int] | None = None,
           src: str = "", tops: list[int] | None = None, byline: Rule | None = None,
           above: dict[int, tuple[int, bool]] | None = None) -> list[int]:
    """The lane of each piece of a row, never left of the piece before it (a row reads left to
    right). A piece opens a new lane where it starts within ``tolerance`` of that
    lane's start, or, set apart by ``min_gap`` blanks or more, nearer to it than to the
    lane it would otherwise continue, but (with ``flush_right``) not always a lane it ends
    ``tolerance`` or more short of (:func:`_flush_right`: a byline set flush right); a piece
    after a single blank continues its lane (the blanks inside a byline or a dateline), and always between single characters (the blanks
    of a letter-spaced line), but for a piece after a full cell (``full``: each lane's full
    line, :func:`full_widths`; a cell that reaches within ``full_slack`` of it and holds a
    clause mark in ``src``): that opens the next lane. On the band's first row (``tops``: the
    row of the band where each lane first holds a piece), a headline after a single blank may
    stand beside the one before it (:func:`_headline_beside`). With ``byline`` (the label stage's
    byline rule, ``keep_bylines``), a piece after a single blank goes on in its lane where the
    cell and the pieces after it up to the next wide gap read as one byline (:func:`_in_byline`).
    ``above``: each lane's cell on the row above, as where it starts and whether it holds no
    clause mark (:func:`_under_heading_line`)."""
    tol, min_gap, flush = rule.params["tolerance"], rule.params["min_gap"], rule.params["flush_right"]
    out = []
    prev = -1
    before = None
    span0 = cell0 = 0  # where the piece's lane starts on this row (its position, its offset)
    for at, pc in enumerate(row):
        k = max(prev, _nearest(lanes, pc.x0))
        while flush and not _under_heading_line(pc, k, above, rule) \
                and _flush_right(pc, k, prev, lanes, full, src, span0, rule):
            k -= 1  # (it ends before lane k starts: set flush right in the lane left of it)
        letter_spaced = (pc.gap < min_gap and before is not None and before.x1 - before.x0 == 1
                         and pc.x1 - pc.x0 <= 2)
        byl = byline is not None and prev >= 0 and k > prev and pc.gap < min_gap \
            and _in_byline(row, at, cell0, src, min_gap, byline)
        if byl or prev >= 0 and k > prev and (
                (abs(lanes[k] - pc.x0) > tol and (
                    pc.gap < min_gap or abs(lanes[prev] - pc.x0) <= abs(lanes[k] - pc.x0)))
                or letter_spaced or _goes_on(pc, before, full, prev, k, span0, cell0, src, rule)
                or (tops is not None and _headline_halves(before, pc, cell0, src, rule, byline))):
            # (a single blank after a single character: a letter-spaced line, 住 房 和 城 乡,
            # whose blanks the extractor put in for the justification)
            k = prev
        if (full is not None and k == prev and prev + 1 < len(lanes) and not letter_spaced
                and full[prev] and before.x1 - span0 >= full[prev] - rule.params["full_slack"]
                and _CLAUSE.search(src, cell0, before.end)):
            k = prev + 1  # the lane's line is full: what follows is the next column's
        elif (full is not None and k == prev and prev + 1 < len(lanes) and not letter_spaced and not byl
                and _overflows(pc, full, prev, cell0, before, src, rule)):
            k = prev + 1  # no column's line runs so far past its measure: the next column's
        elif (tops is not None and full is not None and k == prev and pc.gap == 1 and not letter_spaced and not byl
                and (nxt := _headline_beside(lanes, tops, prev, before, pc, row[at + 1:], cell0, src,
                                             rule)) is not None):
            k = nxt  # a headline of its own beside the one before it (titles side by side)
        if k != prev:
            span0, cell0 = pc.x0, pc.start
        before = pc
        out.append(k)
        prev = k
    return out


def _overflows(pc: Piece, full: list[int], prev: int, cell0: int, before: Piece, src: str, rule: Rule) -> bool:
    """Whether a piece after a single blank is a line of the lane right of lane ``prev``: with it,
    the lane's cell (from ``cell0``) would run more than ``overflow`` ems past the lane's full
    line (``full``: each lane's, :func:`full_widths`), where the cell up to the piece before it
    stays within that, and the piece alone fills the next lane's full line (within
    ``full_slack`` short of it, ``overflow`` past it) and holds a clause mark: a column's line.
    poppler sets a column's line a single blank after the cell left of it wherever that cell
    reaches near the column's start, short of its measure too (a paragraph's last line, 龙头企
    业带动，上下 | 粒源源不断地卸入运粮车。), which the full-line test (a full cell before it)
    misses. (Not a caption set wider than its column, 图片来源：, nor a wide article's line in a
    band of narrower columns, 本报南昌 5 月 16 | 日讯9月开学季，…: neither fits the next lane.)
    The cell is counted in ems without its blanks: a letter-spaced line (种 粮 大 户) fills its
    measure with half its positions blank, and digits and Latin letters are narrow."""
    over, slack = rule.params["overflow"], rule.params["full_slack"]
    if over < 0 or not full[prev] or not full[prev + 1] or pc.gap >= rule.params["min_gap"]:
        return False
    if not full[prev + 1] - slack <= pc.x1 - pc.x0 <= full[prev + 1] + over:
        return False
    limit = full[prev] + over
    if _ems(src[cell0:before.end]) > limit or _ems(src[cell0:pc.end]) <= limit:
        return False
    return _CLAUSE.search(src, pc.start, pc.end) is not None


def _ems(text: str) -> float:
    """The width of ``text`` in ems, its blanks left out."""
    return width(_BLANKS.sub("", text))


def _under_heading_line(pc: Piece, k: int, above: dict[int, tuple[int, bool]] | None, rule: Rule) -> bool:
    """Whether a piece stands right under the start of lane ``k``'s cell on the row above, a
    cell holding no clause mark: the rest of a headline broken over two lines (市政府召开常务会议
    研究部署防汛备 / 汛工作), beside the byline of the article left of it. Not set flush right in
    the lane left of it (:func:`_flush_right`), as the spread-out pieces of a dateline are: those
    stand under nothing that starts where they do."""
    if not above or k not in above:
        return False
    x0, clause_free = above[k]
    return clause_free and abs(pc.x0 - x0) <= rule.params["tolerance"]


def _headline_halves(before: Piece, pc: Piece, cell0: int, src: str, rule: Rule, byline: Rule | None) -> bool:
    """Whether a piece after a single blank on a band's first row is the second half of one
    headline set with a blank inside (打造一流营商环境 让企业安心发展): it and the cell before it
    run shorter than ``headline_beside`` characters (two headlines side by side run longer,
    :func:`_headline_beside`), the cell is one piece, neither holds a clause mark nor leaves a
    quotation or a bracket open, and the cell names no reporter's role (``byline``'s
    ``role_pattern``: □新京报全媒体记者 then a column's line). Over narrow columns the first half fills a column's measure and its second
    half stands where the next column starts."""
    need = rule.params["headline_beside"]
    if need < 0 or pc.gap != 1 or before.start != cell0 or before.x1 - before.x0 >= need or pc.x1 - pc.x0 >= need:
        return False
    return not (_CLAUSE.search(src, cell0, pc.end) or quote_balance(src[cell0:before.end])
                or quote_balance(src[pc.start:pc.end])
                or (byline is not None and _role(byline.params["role_pattern"]).search(src, cell0, before.end)))


def _in_byline(row: list[Piece], at: int, cell0: int, src: str, min_gap: int, byline: Rule) -> bool:
    """Whether the piece ``row[at]``, after a single blank, is a name or a role inside a byline:
    the cell it would leave (from ``cell0``) with it and the pieces after it up to the row's next
    wide gap read as one byline (the label stage's patterns, within its ``max_length``), holding no
    clause mark. poppler sets a byline over several narrow columns with single blanks between its
    parts, a name standing where a column starts (成都商报-红星新闻记者 冯辉艳, 光明日报记者 X Y
    光明日报通讯员 Z): cut there, the byline loses its names to another column."""
    end = row[at].end
    for pc in row[at + 1:]:
        if pc.gap >= min_gap:
            break
        end = pc.end
    text = src[cell0:end]
    if len(text) > byline.params["max_length"] or _CLAUSE.search(text):
        return False
    return search_any(byline.params["patterns"], text) is not None


def _flush_right(pc: Piece, k: int, prev: int, lanes: list[int], full: list[int] | None, src: str, span0: int,
                 rule: Rule) -> bool:
    """Whether a piece nearest lane ``k``'s start belongs to the lane left of it all the same:
    it ends ``tol`` or more short of lane ``k``'s start (a column's text runs on past its start)
    and, on the second pass (``full``: each lane's full line, :func:`full_widths`), either

    - opens that lane's cell on its row, starting inside the lane's full line: a byline or a
      dateline set flush right under its column's headline (◎中青报·中青网记者 邵光博, from
      character 22 to 36 of its row, the next column starting at 39), which starts past the
      middle of its column, nearer the next one's start (a piece further right stands in a
      column the band's lanes missed: left where it is); or
    - goes on the cell before it on its row (which starts at ``span0``), holds no clause mark,
      and ends within ``full_slack`` of that lane's full line or runs shorter than
      ``piece_share`` of lane ``k``'s: the pieces of a dateline a justified line spread apart
      (工人日报长沙     4 月 7 日电, 石家庄11月27日讯   1月28), where a column's line after a
      wide gap holds one or runs on past the line, as long as a column's (a column the band's
      lanes missed: 街道还组织党员志愿者组     企业生存发展的土)."""
    tol, slack = rule.params["tolerance"], rule.params["full_slack"]
    if full is None or k <= max(prev, 0) or pc.x1 > lanes[k] - tol:
        return False
    if k - 1 == prev:
        return not _CLAUSE.search(src, pc.start, pc.end) and (
            pc.x1 - span0 <= full[prev] + slack or pc.x1 - pc.x0 < rule.params["piece_share"] * full[prev])
    return bool(full[k - 1]) and pc.x0 < lanes[k - 1] + full[k - 1]


def _goes_on(pc: Piece, before: Piece, full: list[int] | None, prev: int, k: int, span0: int, cell0: int, src: str,
             rule: Rule) -> bool:
    """Whether a piece after a single blank that starts where lane ``k`` does goes on in its own
    lane all the same: the cell before it falls short of its lane's full line, neither holds a
    clause mark, and the piece runs shorter than ``piece_share`` of lane ``k``'s full line (or
    that lane has none): a name after the blank inside a byline or a dateline (□新京报记者 黎雪洋,
    本报海口 6 月 19 日电) that happens to stand where a column starts, not that column's line."""
    share = rule.params["piece_share"]
    if full is None or share < 0 or pc.gap >= rule.params["min_gap"] or not full[prev]:
        return False
    if before.x1 - span0 >= full[prev] - rule.params["full_slack"]:
        return False
    if full[k] and pc.x1 - pc.x0 >= share * full[k]:
        return False
    return not _CLAUSE.search(src, cell0, pc.end)


def _headline_beside(lanes: list[int], tops: list[int], prev: int, before: Piece, pc: Piece, after: list[Piece],
                     cell0: int, src: str, rule: Rule) -> int | None:
    """The lane a piece after a single blank opens when it is a headline of its own beside the
    one before it, or None. poppler sets display type tighter than its true measure, so two
    headlines side by side over two articles come out a single blank apart (让剪纸“活”在课堂里
    文化消费要“接地气”), the second starting left of the column it heads: a lane starting right
    of it (and left of the row's next piece, ``after``). Of those, the one whose text starts
    highest under the row (``tops``): the column under the headline, which opens there with its
    subtitle, byline or dateline, where the other columns right of the piece go on from a column
    left of them. Each of the two pieces holds ``headline_beside`` characters or more (the halves of one
    headline set with a blank inside, 古镇焕新 游客“留下来”, 打造一流营商环境 让企业安心发展, run
    shorter), and neither holds a clause mark nor leaves a quotation or
    a bracket open (a headline does neither).
    Asked on a band's first row only: headlines side by side open a band, where the bylines and
    datelines under them (no clause mark either, 华西都市报-封面新闻记者 方飞力) stand lower."""
    need = rule.params["headline_beside"]
    tol = rule.params["tolerance"]
    if need < 0 or before.x1 - before.x0 < need or pc.x1 - pc.x0 < need:
        return None
    limit = after[0].x0 - tol if after else None
    cands = [i for i in range(prev + 1, len(lanes)) if lanes[i] > pc.x0 + tol and (limit is None or lanes[i] < limit)]
    if not cands:
        return None
    nxt = min(cands, key=lambda i: (tops[i], i))
    if _CLAUSE.search(src, cell0, before.end) or _CLAUSE.search(src, pc.start, pc.end) \
            or quote_balance(src[before.start:before.end]) or quote_balance(src[pc.start:pc.end]):
        return None  # (a headline leaves no quotation or bracket open: a dateline's （记者 does)
    return nxt


def full_widths(rows: list[list[Piece]], got: list[list[int]], n: int, rule: Rule) -> list[int]:
    """Each lane's full line, in characters: the length its cells on the rows of the band
    reach at ``full_rank`` of them by length (a justified column's lines all fill its measure
    but a paragraph's last; 0: fewer than ``min_rows`` cells). ``got``: each row's lanes."""
    spans: list[list[int]] = [[] for _ in range(n)]
    for row, lanes in zip(rows, got):
        cell: dict = {}
        for pc, lane in zip(row, lanes):
            x0 = cell.get(lane, (pc.x0, 0))[0]
            cell[lane] = (x0, pc.x1)
        for lane, (x0, x1) in cell.items():
            spans[lane].append(x1 - x0)
    out = []
    for sp in spans:
        sp.sort()
        out.append(sp[int(len(sp) * rule.params["full_rank"])] if len(sp) >= rule.params["min_rows"] else 0)
    return out


def _nearest(lanes: list[int], x: int) -> int:
    """The index of the lane start nearest ``x`` (the left one of two as near)."""
    i = bisect.bisect_left(lanes, x)
    if i == len(lanes) or (i and x - lanes[i - 1] <= lanes[i] - x):
        return max(0, i - 1)
    return i


def split(page: Page, lines: list[Line], forced: bool = False) -> tuple[list[Line], list[Change]]:
    """Lines in reading order and one change per band read lane by lane (see the module).
    Unless ``forced`` (the user said the text is ``pdftotext -layout``'s), only a page where
    ``min_page_share`` of the lines hold a wide blank run is read so."""
    rule = page.rules["C001"]
    p = rule.params
    src = page.source
    need = max(p["min_rows"], p["min_page_share"] * len(lines))
    if not forced and len(_WIDE_RUN.findall(src)) + len(_deep_rows(p["separation"]).findall(src)) < need:
        return lines, []  # (one C pass each: fewer wide blank runs and deep rows than rows needed)
    row_starts = page.layout.line_starts  # (set by the lines stage before this step)
    rows = [pieces_of(src, ln, row_starts[bisect.bisect_right(row_starts, ln.start) - 1]) for ln in lines]
    if not forced and sum(1 for r in rows if any(pc.gap >= p["min_gap"] for pc in r[1:])
                          or r[0].gap >= p["separation"]) < need:
        return lines, []  # not a page of columns set side by side
    edits = page.overlay.edits
    starts = [ed.start for ed in edits]
    out: list[Line] = []
    changes: list[Change] = []
    one_lane: list[range] = []  # each band of one lane, as where its lines stand in ``out``
    usual = usual_gap(lines)
    byline = page.rules["L004"] if p["keep_bylines"] and page.rules.enabled("L004") else None
    for band in (sub for b in bands(lines, p, usual) for sub in parted(b, lines, rows, usual, rule)):
        band_rows = [rows[k] for k in band]
        lanes = lanes_of(band_rows, rule)
        if len(lanes) < 2:
            one_lane.append(range(len(out), len(out) + len(band)))
            out.extend(lines[k] for k in band)
            continue
        lane_lines: list[list[Line]] = [[] for _ in lanes]
        first_got = [assign(rows[k], lanes, rule, byline=byline) for k in band]
        tail: list[int] = []
        if p["tail_heads"] and (t := heads_below(band, first_got, lines, [rows[k] for k in band], src, usual)) < len(band):
            band, tail, first_got, band_rows = band[:t], band[t:], first_got[:t], band_rows[:t]
        full = full_widths(band_rows, first_got, len(lanes), rule) if p["full_slack"] >= 0 else None
        tops = [next((r for r, got in enumerate(first_got) if lane in got), len(band)) for lane in range(len(lanes))]
        heads: dict[int, tuple[int, int]] | None = {} if p["under_heading"] else None
        above: dict[int, tuple[int, bool]] = {}
        for r, k in enumerate(band):
            ln = lines[k]
            got = assign(rows[k], lanes, rule, full, src, tops if k == band[0] else None, byline,
                         above if p["under_heading_line"] else None)
            spans, xs = {}, {}
            for pc, lane in zip(rows[k], got):
                s0 = spans.get(lane, (pc.start, pc.end))[0]
                spans[lane], xs[lane] = (s0, pc.end), (xs.get(lane, (pc.x0, 0))[0], pc.x1)
            above = {lane: (x0, not _CLAUSE.search(src, spans[lane][0], spans[lane][1]))
                     for lane, (x0, _) in xs.items()}
            if any(_straddled(edits, starts, s, e) for s, e in spans.values()):
                spans = {got[0]: (ln.start, ln.end)}  # a repair crosses a cut: keep the row whole
                xs = {got[0]: (rows[k][0].x0, rows[k][-1].x1)}
            for lane, (s, e) in list(spans.items()):
                text = page.overlay.render(s, e)
                if not text.strip():  # a cell whose characters a repair deleted: an empty cell
                    del spans[lane]
                    continue
                to = lane
                if heads is not None:  # (a full line: what it lacks of the lane's full line, from the lane's start)
                    x0, x1 = xs[lane]
                    short = full is not None and x1 - x0 < full[lane] - p["full_slack"]
                    line = full is not None and abs(x1 - min(x0, lanes[lane]) - full[lane]) <= p["full_slack"]
                    to = under_heading(heads, lane, r, lanes, bool(lane_lines[lane]) or not short, text)
                    _stack(heads, to, r, x1, len(lane_lines[to]) == 0, text, line)
                # (no blank line inside a lane: see below)
                lane_lines[to].append(new_line((0, s, e, text, width(text), 0)))
        first = len(out)
        for lane, lls in enumerate(lane_lines):
            for i, ln in enumerate(lls):
                # no blank line inside a band but before it: the blank rows the extractor
                # prints inside a band are rows of the other lanes (columns of another leading,
                # a headline, a picture), not space in this one, and a column break is no
                # paragraph break (rejoin decides by the lines themselves). Counting them as
                # the lane's own gaps: ext_fit/fit (36 pages) CER 21.3 -> 27.1, para F1
                # 73.6 -> 60.3, seg F1 71.6 -> 63.7, titles 59.9 -> 54.7 (the README, issue #16).
                # But a lane that starts on the band's first row starts after one blank line:
                # what stands there opens something (a headline beside another article's, a
                # column under no headline of this band), not a column going on from the lane
                # left of it under a headline over both (ext_fit fit / choose, CER / para F1 /
                # seg F1 / titles: 14.5 / 82.1 / 84.6 / 61.3 -> 12.6 / 82.6 / 84.8 / 63.7,
                # 12.2 / 85.2 / 84.6 / 60.3 -> 10.3 / 85.0 / 85.3 / 60.3; a blank before every
                # lane's first line: fit CER 18.3, para F1 66.1 before max_cross; before a
                # first line with no clause mark after a line that ends a sentence: 11.0 / 82.6
                # / 85.4 / 65.4, 11.0 / 84.7 / 83.4 / 60.8)
                if i == 0:
                    gap = lines[band[0]].gap_before if lane == 0 else int(ln.start <= lines[band[0]].end)
                else:
                    gap = 0
                out.append(new_line((len(out), ln.start, ln.end, ln.text, ln.width, gap)))
        s, e = lines[band[0]].start, lines[band[-1]].end
        changes.append(Change(
            rule.id, STAGE, "move", (s, e), src[s:e], "\n".join(ln.text for ln in out[first:]),
            rule.message.format(rows=len(band), lanes=len(lanes),
                                at=", ".join(str(int(x)) for x in lanes))))
        out.extend(lines[k] for k in tail)  # (read after the band's columns, as a band of its own)
    if changes and p["one_lane_tight"]:
        changes += [ch for band in one_lane if (ch := _tight(out, band, src, rule)) is not None]
    return [ln if ln.index == i else new_line((i, ln.start, ln.end, ln.text, ln.width, ln.gap_before))
            for i, ln in enumerate(out)], changes


def _tight(out: list[Line], band: range, src: str, rule: Rule) -> Change | None:
    """Drop the blank lines inside a band of one lane (``band``: where its lines stand in
    ``out``, changed in place) on a page read side by side, and the change that says so (None:
    the band had none). As inside a band read lane by lane (see :func:`split`), the blank lines
    the extractor prints inside a band are no paragraph breaks nor article breaks but space it
    set between the rows, above a subhead (从“卖茶青”到“卖品牌”) or around a picture. Read as
    breaks, a subhead opened an article of its own, titled by it, and a paragraph was cut where
    the page's picture stood beside it."""
    loose = [i for i in band[1:] if out[i].gap_before]
    if not loose:
        return None
    for i in loose:
        ln = out[i]
        out[i] = new_line((ln.index, ln.start, ln.end, ln.text, ln.width, 0))
    s, e = out[band[0]].start, out[band[-1]].end
    return Change(rule.id, STAGE, "join", (s, e), src[s:e], "\n".join(out[i].text for i in band),
                  f"read {len(band)} rows of one column on a page of columns side by side with no blank line "
                  f"between them ({len(loose)} dropped), as the columns' rows are read", rule.safety)


def under_heading(heads: dict[int, tuple[int, int]], lane: int, r: int, lanes: list[int], started: bool,
                  text: str) -> int:
    """The lane a cell of ``lane`` on the band's row ``r`` is read in: the lane left of it whose
    heading stack (``heads``: each lane's run of clause-free cells from its first, as the row
    of its last cell and the furthest it reaches) ended on the row above and reaches past this
    lane's start, where this is the lane's first cell, short of the lane's full line (else
    ``started``: the lane has had a cell, or this one fills the lane's measure, a column's
    line) and holds no clause mark: a byline or a subtitle set under a headline over several columns, flush
    right (□郭晓娜 under 巴拿马运河水位回升 通航限制逐步放宽, standing where the article's
    last column starts), which would else be read after the columns left of it."""
    if started or _CLAUSE.search(text):
        return lane
    return next((j for j in range(lane) if j in heads and heads[j][0] == r - 1 and heads[j][1] > lanes[lane]),
                lane)


def _stack(heads: dict[int, tuple[int, int]], lane: int, r: int, end: int, first: bool, text: str,
           line: bool) -> None:
    """Update ``lane``'s heading stack (:func:`under_heading`) with its cell on row ``r``
    reaching to ``end``: a lane's first cell opens it, a clause-free cell on the next row goes
    on with it, anything else ends it, and so does a cell that fills the lane's measure and no
    more (``line``: a column's line, 新华社厦门11月, not a headline)."""
    if line or _CLAUSE.search(text) or not (first or (lane in heads and heads[lane][0] == r - 1)):
        heads.pop(lane, None)
    else:
        heads[lane] = (r, max(end, heads[lane][1] if lane in heads else end))


def heads_below(band: list[int], got: list[list[int]], lines: list[Line], rows: list[list[Piece]], src: str,
                usual: int) -> int:
    """Where the headings under a band's columns start (``len(band)``: none): the band's last
    rows, all in its first lane and none holding a clause mark (a kicker, a title, a subtitle,
    a byline), after a wider gap than the row before them has (a blank line beyond the page's
    ``usual`` gap), where the lane beside the first opens with a cell holding none either (its
    own headline: another article's column, not the first one's going on). They head what
    follows the band: read in the first lane they would come before the columns beside it,
    the next article's headline before the end of the article beside the first (poppler sets
    them a single blank line under the columns, short of a band's gap). (Where the lane beside
    opens with text, a subhead or a paragraph's first line at the foot of the first column goes
    on at its head.) ``rows``: the band's pieces, ``got``: their lanes."""
    t = len(band)
    while t > 0 and all(lane == 0 for lane in got[t - 1]) and not _CLAUSE.search(lines[band[t - 1]].text):
        t -= 1
    if t == 0 or t == len(band) or lines[band[t]].gap_before <= max(usual, lines[band[t - 1]].gap_before):
        return len(band)  # (no wider gap than the row's before it: a stretch set loose, one column's)
    beside = next(([pc for pc, lane in zip(row, lanes) if lane == 1] for row, lanes in zip(rows, got) if 1 in lanes), [])
    if not beside or _CLAUSE.search(src, beside[0].start, beside[-1].end):
        return len(band)
    return t


@lru_cache(maxsize=None)
def _role(pattern: str) -> re.Pattern:
    return re.compile(pattern)


@lru_cache(maxsize=None)
def _deep_rows(separation: int) -> re.Pattern:
    """A row set in by ``separation`` blanks or more: a column's row printed alone, where
    the columns beside it stand at other heights (rows of another leading). The text pages, the
    OCR pages and the other extractors' pages show none (0 of their lines, 640 pages and the
    fitting pages); pdftotext -layout's pages show 26 % to 72 % of their lines so."""
    return re.compile(r"(?m)^[ \u3000\u00a0]{%d,}(?=\S)" % separation)


def bands(lines: list[Line], p: dict, usual: int) -> list[list[int]]:
    """The page's rows in bands: a new band where the blank lines before a row exceed the
    page's ``usual`` blank lines between rows (none on a tight page, one where the extractor
    leaves a blank line after every row) by ``band_gap`` or more."""
    out: list[list[int]] = [[]]
    for k, ln in enumerate(lines):
        if out[-1] and ln.gap_before - usual >= p["band_gap"]:
            out.append([])
        out[-1].append(k)
    return out


def parted(band: list[int], lines: list[Line], rows: list[list[Piece]], usual: int, rule: Rule) -> list[list[int]]:
    """A band cut where its columns change: at a row after ``part_gap`` blank lines or more
    beyond the page's usual gap (fewer than a band's ``band_gap``), where the lanes of the
    rows above (back to the cut before) and below (to the next such row) differ: each has a lane
    standing ``separation`` or more (a column's narrowest width) from every lane of the other.
    (A stretch whose lanes are some of the other's is the same columns, a column ended or not
    begun; a lane nearer is the same column placed elsewhere: poppler places a piece after the
    pieces left of it on its row, so a column's start drifts where the columns left of it
    change.) Articles set one under the other a single blank line apart, in columns of other
    measures, would else be read as one band, the upper article's first column running on into
    the lower one's. A stretch with fewer than two lanes (a headline, a column's subhead) joins
    the stretch above it; a gap no wider than the rows' on either side of it is no cut (a
    stretch the extractor printed with a blank line after every row). With ``part_straddled``
    the band is cut there too where two lanes of one stretch stand within ``separation`` of one
    lane of the other (:func:`_straddles`): narrow columns under a wider one, whose lanes read
    together fall between them (a column of 9 characters under one of 30)."""
    p = rule.params
    if p["part_gap"] < 0:
        return [band]
    pieces: list[list[int]] = [[]]
    for i, k in enumerate(band):
        gap = lines[k].gap_before
        if pieces[-1] and gap - usual >= p["part_gap"] and lines[band[i - 1]].gap_before < gap \
                and (i + 1 == len(band) or lines[band[i + 1]].gap_before < gap):
            pieces.append([])  # (a gap wider than the rows' on either side: not a stretch set loose)
        pieces[-1].append(k)
    if len(pieces) == 1:
        return [band]
    sep = p["separation"]
    out = [pieces[0]]
    above = lanes_of([rows[k] for k in pieces[0]], rule)
    for piece in pieces[1:]:
        below = lanes_of([rows[k] for k in piece], rule)
        apart = len(above) >= 2 and len(below) >= 2 and (
            (any(min(abs(a - b) for b in below) >= sep for a in above)
             and any(min(abs(a - b) for a in above) >= sep for b in below))
            or (p["part_straddled"] and (_straddles(above, below, sep) or _straddles(below, above, sep))))
        if apart:
            out.append(list(piece))
            above = below
        else:
            out[-1].extend(piece)
            above = lanes_of([rows[k] for k in out[-1]], rule)
    return out


def _straddles(lanes: list[int], other: list[int], sep: int) -> bool:
    """Whether two of ``lanes`` stand less than ``sep`` from one lane of ``other``: a column
    of one stretch spanning two of the other's, columns of other measures (not a column's start
    placed elsewhere, which has one lane near it)."""
    near = [min(other, key=lambda b: abs(a - b)) for a in lanes]
    hits = [b for a, b in zip(lanes, near) if abs(a - b) < sep]
    return len(set(hits)) < len(hits)


def usual_gap(lines: list[Line]) -> int:
    """The blank lines an extractor most often leaves between two rows (the median)."""
    gaps = sorted(ln.gap_before for ln in lines[1:]) or [0]
    return gaps[len(gaps) // 2]


def _straddled(edits, starts: list[int], s: int, e: int) -> bool:
    """Whether a character repair crosses a cut at ``s`` or ``e`` (``starts``: the sorted
    starts of ``edits``; an edit is never longer than its source line)."""
    for cut in (s, e):
        i = bisect.bisect_left(starts, cut)
        if i and edits[i - 1].end > cut:
            return True
    return False
