"""The interleave step of the lines stage: columns an extractor read line by line, across.

With loose leading, pdfminer.six (``extract_text``, default parameters) and poppler's
``pdftotext`` (default mode) print every line of a page as its own box, and the boxes come
sorted by height on the page: the first line of every column side by side, then the second of
every column, each line on its own between blank lines::

    中国青年报客户          (column 1, row 1)
    到386万吨，同比增长     (column 2, row 1)
    本报讯（YMG全媒体记者 张林海 通讯员 汤波）1月28   (a wider column, set a little lower)
    端讯（中青报·中青网     (column 1, row 2)
    16.8%，出入境车辆       (column 2, row 2)

Read so, no paragraph goes on from one line to the next. The step reads the run of boxes
(lines with no blank between them stay together) as the streams that go on, one per column:
each box either opens a stream or continues one of the streams still open, and since a page
is read row by row, a box that continues a stream ends every stream opened before it that is
still open (a column's next line comes before the next line of any column to its right). What
continues a stream is weighed on the join, by cues measured on the two lines (:data:`CUES`):
a column's lines fill one measure (display width, half-width characters counted as half; a
paragraph's last line is shorter and closes its sentence), a word the line break cut in two
(a word of jieba's dictionary when jieba is installed, and the page's own character pairs),
and how well the text reads on across the break: the log-likelihood ratio, under a character
trigram model of the dictionary (:class:`cleaner.lexicon.CharModel`), of the head's first two
characters after the tail's last two against the same characters not joined. Most true joins
cut no dictionary word (the break falls between words); the model still tells ``江南省高级 |
人民法院`` (+1.0) from ``约定主播提前解约需支 | 人民法院`` (-1.0). (Its weight is 0 in the
shipped rules, and the model is then not built: the README, *Which extractor*, says why.)
Their weights are fitted (``benchmarks/fit_interleave.py``) and live in ``rules/columns.toml``.
The streams are decoded over the whole run at once (a Viterbi search over which of the last
``window`` boxes are open), not line by line, and read out one after the other, in the order
they open: a headline, then each column of the article under it. They are read out stretch by
stretch (:func:`emit`): a stretch is the run of boxes that joins across two boxes or more span,
and what stands past it stays past it; read out whole, a stream that ran on in order past the
columns (a column's last box, then the next article, each box continuing the one before) took
the rest of the page ahead of the other columns of its stretch.

Text that is not interleaved stays exactly as it is. Only the text of these two extractors is
decoded: both end every page with a form feed (``\f``), which PyMuPDF, OCR engines and text
layers do not (``--extractor pdfminer|pdftotext`` says so for text whose form feeds were
stripped; ``plain``, ``pymupdf`` and ``layout`` rule it out), and no cheaper sign was found
(widths breaking from line to line show as often on ordinary pages, whose extractors leave a
blank line after every line too); a decoding costs tens of milliseconds, as much as cleaning
an ordinary page. And the decoded streams must hold the pattern steady (``min_steady`` boxes
in a row each continuing the box the same number of boxes back, two or more: ordinary pages
show 8 at most, columns read across 10 to 70). The move is one
recorded change per stretch of reordered boxes (rule C002), with the streams as evidence.

With ``across`` (off in the shipped rules: ``rules/columns.toml`` says why) a page the
decoding finds read across is decoded a second time, under weights fitted on the joins of such
pages alone (:func:`across_score`); whether a page is read across stays the first decoding's
call.

With ``open_streams`` (off in the shipped rules: ``rules/columns.toml`` has the figures) that
second decoding is :func:`decode_open`'s, under ``open_weights``: a state model where a box
may continue a stream while the streams opened before it stay open (pdfminer.six orders a
page's boxes as a tree of groups, and one article's rows run on alone while the columns of
the article beside it wait). Told the true joins it reads the typeset fitting pages at CER
11.5 where :func:`decode` reads them at 32.6; with the weights found so far it reads more
joins right but not better pages.

On a page of these extractors that is not read across, the blank lines they print after
each of their text boxes are dropped (rule C004, :func:`box_blanks`): a box is a run of a
column's lines as the extractor's layout analysis cut it, no paragraph.

poppler also prints two columns' lines that stand at one height as one line, a single blank
between them (``……村民和游客。 进出境货物``): with ``cut_merged`` (off in the shipped rules)
such a line is cut where a piece fills a measure of the page (:func:`cuts`), each piece a box.
With ``merged_runs`` (on in the shipped rules) the cut is kept to poppler's blocks read across:
a run of lines with no blank between them holding ``merged_run_cuts`` such lines or more is
rows of neighbouring columns (those at one height printed as one line, the others each on its
own), and is decoded as a page of its own (:func:`run_pieces`, :func:`local_order`): every
piece a box, two pieces of one line never one stream, the streams read out whole from left to
right. The page's decoding is left as it was without the cut: each run stays one box there.
On the typeset fitting / choosing / fresh pages (``benchmarks/ext_fit``) pdftotext CER 69.8 /
59.9 / 73.7 -> 62.3 / 55.7 / 67.8; pdfminer, PyMuPDF and ``-layout`` unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..chars import ends_sentence, width
from ..lexicon import CharModel, default_char_model, dictionary_counts
from ..model import Change, Line, Page, new_line
from ..rules import Rule

STAGE = "columns"

#: the cues measured on a join of line ``t`` (a box's last) to line ``h`` (the next box's
#: first), in the order of the weights' names in the rule file
CUES = ("bias", "same_width", "open_same", "open_step", "open_mismatch", "closed",
        "page_pair", "lexicon", "adjacent", "wider_h", "adjacent_lone", "bare_far", "char_model")

#: what pdfminer.six and pdftotext end each page with (and PyMuPDF, OCR engines, text
#: layers do not): the mark that lets a page be decoded without being told its extractor
PAGE_END = "\f"
_BLANK = re.compile(r"[ \u3000\u00a0]+")
#: a clause mark: a line without one is a headline, a byline or a piece of one
_CLAUSE = re.compile(r"[，。、；：？！]")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: a single blank between two printed characters
_SINGLE = re.compile(r"(?<=\S) (?=\S)")


class LineInfo:
    """What the cues read of one line: its text without blanks, display width, whether it
    closes a sentence."""

    __slots__ = ("bare", "width", "closed", "marked")

    def __init__(self, text: str):
        self.bare = _BLANK.sub("", text)
        self.width = width(self.bare)
        self.closed = ends_sentence(self.bare)
        self.marked = _CLAUSE.search(self.bare) is not None


@lru_cache(maxsize=1)
def lexicon() -> frozenset:
    """Words of two to four characters of jieba's dictionary (empty when jieba is not
    installed): built once per process, only on a page that is read as interleaved."""
    counts = dictionary_counts()
    return frozenset(w for w in counts if 2 <= len(w) <= 4)


class JoinContext:
    """What the cues of a page's joins share: the page's own character pairs, the words of
    the dictionary, the character model (None: not used), the width tolerance and the bound
    on the model's log-likelihood ratio (a pair the dictionary knows only once or twice must
    not outweigh every other cue)."""

    __slots__ = ("pairs", "words", "lm", "tol", "clip")

    def __init__(self, pairs: set, words: frozenset, lm: CharModel | None, tol: float, clip: float):
        self.pairs, self.words, self.lm, self.tol, self.clip = pairs, words, lm, tol, clip

    def char_model(self, tb: str, hb: str) -> float:
        """How much likelier the first characters of ``hb`` are after the last of ``tb``
        than on their own (the log-likelihood ratio of :class:`CharModel`, bounded by
        ``clip``): the text read across the join against the same characters not joined."""
        if self.lm is None:
            return 0.0
        v = self.lm.llr(tb, hb)
        return max(-self.clip, min(self.clip, v))


def context(infos: list[LineInfo], params: dict) -> JoinContext:
    """The :class:`JoinContext` of a page's lines under the rule's parameters."""
    lm = default_char_model(params["lm_prior"]) if params["use_lexicon"] and params["weights"].get("char_model") else None
    return JoinContext(page_pairs(infos), lexicon() if params["use_lexicon"] else frozenset(), lm,
                       params["width_tolerance"], params["lm_clip"])


def page_pairs(infos: list[LineInfo]) -> set:
    """The pairs of Han characters that stand side by side inside a line of the page."""
    pairs = set()
    for info in infos:
        b = info.bare
        pairs.update(map("".join, zip(b, b[1:])))
    return pairs


def split_word(t: str, h: str, words: frozenset) -> bool:
    """Whether a word of ``words`` runs across the end of ``t`` into the start of ``h``."""
    if not words or not t or not h:
        return False
    joined = t[-3:] + h[:3]
    cut = len(t[-3:])
    for a in range(max(0, cut - 3), cut):
        for b in range(cut + 1, min(len(joined), a + 4) + 1):
            if joined[a:b] in words:
                return True
    return False


def cues(t: LineInfo, h: LineInfo, distance: int, ctx: JoinContext, lone: bool = False) -> tuple:
    """The cues of the join ``t`` -> ``h`` (see :data:`CUES`), ``distance`` boxes apart
    (``lone``: both boxes are a single line, as every line is where columns come across)."""
    tol, pairs = ctx.tol, ctx.pairs
    same = abs(t.width - h.width) <= tol
    open_ = not t.closed
    step = open_ and not same and h.width < t.width and h.closed
    tb, hb = t.bare, h.bare
    pair = bool(tb and hb and _HAN.match(tb[-1]) and _HAN.match(hb[0]) and tb[-1] + hb[0] in pairs)
    return (1.0, float(same), float(open_ and same), float(step), float(open_ and not same and not step),
            float(t.closed), float(pair), float(split_word(tb, hb, ctx.words)), float(distance == 1),
            float(open_ and h.width > t.width + tol), float(distance == 1 and lone),
            float(distance > 1 and not t.marked), ctx.char_model(tb, hb))


def boxes(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) line index of each box: lines with no blank line between them."""
    out = []
    for k, ln in enumerate(lines):
        if k and ln.gap_before == 0:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def decode(n: int, score, window: int, start_cost: float, beam: int, same_step: float = 0.0,
           closed_step: float = 0.0, closed=None) -> list[int]:
    """Each box's predecessor in its stream (-1: it opens one), the best reading of all ``n``
    boxes at once. ``score(j, i)``: how well box ``i`` continues box ``j``. A state is the set
    of the last ``window`` boxes still open (bit k: box i-1-k) and how many boxes back the last
    box went on (a continuation as many back as the one before gains ``same_step``: columns
    read across repeat their period; ``closed_step`` more where box j, ``closed[j]``, ends a
    paragraph: nothing across that join tells which line opens the next paragraph of its
    column but the period); continuing box j closes every box opened before it and still open
    (rows are read left to right)."""
    mask = (1 << window) - 1
    states = {(0, 0): 0.0}
    back: list[dict] = []
    inf = float("inf")
    for i in range(n):
        new: dict = {}
        ptr: dict = {}
        scores = {}
        for (state, step), cost in states.items():
            ns = (((state << 1) | 1) & mask, 0)
            c = cost + start_cost
            if c < new.get(ns, inf):
                new[ns], ptr[ns] = c, ((state, step), -1)
            k = 0
            s = state
            while s:
                if s & 1:
                    j = i - 1 - k
                    sc = scores.get(j)
                    if sc is None:
                        sc = scores[j] = score(j, i)
                    c = cost - sc - ((same_step + (closed_step if closed and closed[j] else 0.0))
                                     if step == k + 1 > 1 else 0.0)
                    ns = ((((state & ((1 << k) - 1)) << 1) | 1) & mask, k + 1)
                    if c < new.get(ns, inf):
                        new[ns], ptr[ns] = c, ((state, step), j)
                s >>= 1
                k += 1
        states = _pruned(new, beam)
        back.append(ptr)
    return _traced(states, back, n)


def decode_open(n: int, score, max_open: int, max_back: int, start_cost: float, keep_cost: float, beam: int,
                same_step: float = 0.0, closed_step: float = 0.0, closed=None) -> list[int]:
    """Each box's predecessor in its stream (-1: it opens one), as :func:`decode`, under a
    state model where a continuation need not close the streams opened before it.

    pdfminer.six orders a page's boxes as a tree of groups: where one article's rows run on
    alone, the columns of the article beside it wait, open, and go on later (``肌`` … seven
    boxes of the next article … ``肉酸痛``). :func:`decode`'s rule (continuing a box closes
    every box opened before it) closes them while they wait, and its window of the last boxes
    loses them when the wait is long: told the true joins, it reads the typeset fitting pages
    at CER 32.6 against 12.7. Here a state is the open streams themselves, each by its last
    box (at most ``max_open`` of them, the oldest dropped; a stream whose last box stands
    more than ``max_back`` boxes back is closed), and how far back the last box went on. A
    box opens a stream (``start_cost``), continues one closing those opened before it (the
    row read left to right, free), or continues one keeping them open (``keep_cost``: the
    columns of another article wait)."""
    states = {((), 0): 0.0}
    back: list[dict] = []
    inf = float("inf")
    for i in range(n):
        new: dict = {}
        ptr: dict = {}
        scores = {}
        for key, cost in states.items():
            tails, step = key
            if tails and i - tails[0] > max_back:
                tails = tuple(t for t in tails if i - t <= max_back)
            opened = (tails + (i,))[-max_open:]
            ns = (opened, 0)
            c = cost + start_cost
            if c < new.get(ns, inf):
                new[ns], ptr[ns] = c, (key, -1)
            for m, j in enumerate(tails):
                sc = scores.get(j)
                if sc is None:
                    sc = scores[j] = score(j, i)
                d = i - j
                c = cost - sc - ((same_step + (closed_step if closed and closed[j] else 0.0))
                                 if step == d > 1 else 0.0)
                ns = (tails[m + 1:] + (i,), d)
                if c < new.get(ns, inf):
                    new[ns], ptr[ns] = c, (key, j)
                if m:
                    ck = c + keep_cost
                    ns = (tails[:m] + tails[m + 1:] + (i,), d)
                    if ck < new.get(ns, inf):
                        new[ns], ptr[ns] = ck, (key, j)
        states = _pruned(new, beam)
        back.append(ptr)
    return _traced(states, back, n)


def _pruned(new: dict, beam: int) -> dict:
    """The ``beam`` cheapest states of a step (all of them where there are no more)."""
    if len(new) > beam:
        keep = sorted(new, key=new.get)[:beam]
        new = {s: new[s] for s in keep}
    return new


def _traced(states: dict, back: list[dict], n: int) -> list[int]:
    """Each box's predecessor on the cheapest path, read back from the last step's states."""
    state = min(states, key=states.get)
    preds = [-1] * n
    for i in range(n - 1, -1, -1):
        state, preds[i] = back[i][state]
    return preds


def order(preds: list[int]) -> list[list[int]]:
    """The streams, each a list of boxes, in the order they open."""
    streams: list[list[int]] = []
    of = {}
    for i, j in enumerate(preds):
        if j < 0:
            of[i] = len(streams)
            streams.append([i])
        else:
            of[i] = of[j]
            streams[of[j]].append(i)
    return streams


def stretches(preds: list[int]) -> list[tuple[int, int]]:
    """The stretches of boxes read across, ``(first, last)``: each join of a box to one two
    boxes back or more spans the boxes from the one continued to the one continuing it, and
    joins whose spans overlap make one stretch. (Linear: the spans are met in the order their
    ends come.)"""
    out: list[list[int]] = []
    for i, j in enumerate(preds):
        if j >= 0 and i - j >= 2:
            lo = j
            while out and out[-1][1] >= lo:
                lo = min(lo, out.pop()[0])
            out.append([lo, i])
    return [(a, b) for a, b in out]


def emit(preds: list[int]) -> list[int]:
    """The boxes in reading order: inside each stretch read across (:func:`stretches`) the
    streams one after the other, in the order they open there; every box outside a stretch
    where it stands. A stream that goes on past its stretch (a column's last line, then the
    article under it, read in order) does not carry what follows along with it, ahead of
    the other columns of the stretch."""
    out: list[int] = []
    pos = 0
    for a, b in stretches(preds):
        out.extend(range(pos, a))
        inside = preds[a:b + 1]
        local = [j - a if j >= a else -1 for j in inside]
        out.extend(a + u for s in order(local) for u in s)
        pos = b + 1
    out.extend(range(pos, len(preds)))
    return out


def steady(preds: list[int], min_steady: int) -> bool:
    """Whether ``min_steady`` boxes in a row each continue the box the same number of boxes
    back, two or more: the mark of columns read across."""
    run, last = 0, 0
    for i, j in enumerate(preds):
        d = i - j if j >= 0 else 0
        run = run + 1 if d >= 2 and d == last else (1 if d >= 2 else 0)
        last = d
        if run >= min_steady:
            return True
    return False


def measures(texts: list[str], params: dict) -> list[float]:
    """The measures of the page (display widths, in ems): widths that at least
    ``merged_min_lines`` lines without a blank inside fill, ``merged_min_width`` ems or more."""
    count: dict = {}
    for t in texts:
        if " " not in t:
            w = round(width(t))
            count[w] = count.get(w, 0) + 1
    return sorted(w for w, c in count.items() if c >= params["merged_min_lines"] and w >= params["merged_min_width"])


def cuts(text: str, page_measures: list[float], tol: float, max_blanks: int, fill: bool = True) -> list[int]:
    """Where poppler printed two columns' lines as one: the single blanks of ``text`` (not a
    letter-spaced run, ``住 房 和``) where the piece before or the rest after fills a measure.
    A line with more than ``max_blanks`` blanks is not cut: pdfminer spaces a justified line
    out with blanks here and there (``洛 阳 博 物 馆的夜 场是``), poppler prints a blank only
    between the columns (and in a byline). Nor is a line without a clause mark: a headline
    of two parts (``打造一流营商环境 让企业安心发展``), a byline, a folio."""
    if not page_measures or " " not in text or text.count(" ") > max_blanks or not _CLAUSE.search(text):
        return []
    out, last = [], 0
    for m in _SINGLE.finditer(text):
        b = m.start()
        if text[b - 2:b - 1] == " " or text[b + 2:][:1] == " ":
            continue  # letter-spacing
        if text.count("（", 0, b) > text.count("）", 0, b):
            continue  # inside brackets: a dateline's ``（记者 张林海）``
        before, after = width(_BLANK.sub("", text[last:b])), width(_BLANK.sub("", text[b + 1:]))
        if not fill or any(abs(before - w) <= tol or abs(after - w) <= tol for w in page_measures):
            out.append(b)
            last = b + 1
    return out


def _cuts_of(texts: list[str], params: dict) -> list[list[int]]:
    """Each line's cuts (:func:`cuts`), none on a page with fewer than ``merged_min_cuts``
    lines cut (a line or two: not poppler's habit but a chance fit)."""
    page_measures = measures(texts, params) if params["cut_merged"] or params["merged_runs"] else []
    every = [cuts(t, page_measures, params["width_tolerance"], params["merged_max_blanks"], params["merged_fill"])
             for t in texts]
    if sum(map(bool, every)) < params["merged_min_cuts"]:
        every = [[] for _ in texts]
    return every


def pieces(texts: list[str], gaps: list[int], params: dict) -> tuple[list[tuple[int, int, int]], list[int]]:
    """The pieces of the lines, ``(line, start, end)``, and the blanks before each: a line
    cut in two (:func:`cuts`) gives a piece per column, each a box of its own, and the line
    after it opens a box too; only on a page with ``merged_min_cuts`` such lines or more."""
    every = _cuts_of(texts, params)
    out, out_gaps, cut_before = [], [], False
    for k, (t, g) in enumerate(zip(texts, gaps)):
        at = every[k]
        starts = [0] + [b + 1 for b in at]
        ends = at + [len(t)]
        for n, (a, b) in enumerate(zip(starts, ends)):
            out.append((k, a, b))
            out_gaps.append(max(g, 1) if (at or cut_before) and n == 0 else (1 if n else g))
        cut_before = bool(at)
    return out, out_gaps


def run_pieces(texts: list[str], gaps: list[int], params: dict):
    """With ``merged_runs``: the pieces of the lines (``(line, start, end)``), the blanks
    before each, the order they are read in and each piece's predecessor in its run's decoding
    (-1: none, or not in a run read across). poppler sets the lines of neighbouring
    columns that stand at one height as one line, a single blank between them, and the lines
    that do not (a column a little lower) each on its own, all in one block with no blank
    line: a run of lines with ``merged_run_cuts`` lines cut or more (:func:`cuts`) is rows
    read across, and is read as its own small page (:func:`local_order`), each piece a box.
    Elsewhere nothing is cut and the order is kept; the blanks stay as they were (a run stays
    one box to the decoding of the whole page)."""
    every = _cuts_of(texts, params)
    parts: list[tuple[int, int, int]] = []
    part_gaps: list[int] = []
    perm: list[int] = []
    local_preds: list[int] = []  # each piece's predecessor in its run's decoding (-1: none)
    k = 0
    while k < len(texts):
        end = k + 1
        while end < len(texts) and gaps[end] == 0:
            end += 1
        run_cut = sum(1 for i in range(k, end) if every[i]) >= params["merged_run_cuts"]
        first = len(parts)
        for i in range(k, end):
            at = every[i] if run_cut else []
            starts = [0] + [b + 1 for b in at]
            ends = at + [len(texts[i])]
            for n, (a, b) in enumerate(zip(starts, ends)):
                parts.append((i, a, b))
                part_gaps.append(gaps[i] if n == 0 else 0)
        if run_cut and len(parts) - first > 1:
            local, preds = local_order([texts[i][a:b] for i, a, b in parts[first:]], params,
                                       [i for i, _, _ in parts[first:]],
                                       [every[i].index(a - 1) + 1 if a else (0 if every[i] else -1)
                                        for i, a, _ in parts[first:]])
            perm.extend(first + u for u in local)
            local_preds.extend(first + j if j >= 0 else -1 for j in preds)
        else:
            perm.extend(range(first, len(parts)))
            local_preds.extend([-1] * (len(parts) - first))
        k = end
    return parts, part_gaps, perm, local_preds


def local_order(texts: list[str], p: dict, line_of: list[int], column: list[int]) -> tuple[list[int], list[int]]:
    """The pieces of one run read across (:func:`run_pieces`), in reading order, and each
    piece's predecessor: decoded as C002 decodes a page (:func:`decode`), every piece a box of
    its own, without the page's test of a steady period (the cut lines are the evidence). Two
    pieces of one line (``line_of``) never join: they are two columns' text. The streams are
    read out whole, left to right: by the first place (``column``: 0 for a line's first piece,
    1 for its second, -1 for a line not cut) any of their pieces takes in a cut line (a stream
    with none first: a headline over the run), then in the order they open. The stream that
    opens first is not always the leftmost: a right column's lines stand alone at the run's
    top where the left column's lines above them ended a block of their own."""
    infos = [LineInfo(t) for t in texts]
    ctx = context(infos, p)
    w = [p["weights"].get(name, 0.0) for name in CUES]

    def score(j: int, i: int) -> float:
        if line_of[j] == line_of[i]:
            return -float("inf")
        return sum(a * b for a, b in zip(w, cues(infos[j], infos[i], i - j, ctx, True)))

    preds = decode(len(texts), score, p["window"], p["start_cost"], p["beam"], p["same_step"],
                   p["closed_step"], [x.closed for x in infos])
    streams = order(preds)
    key = [min([column[u] for u in st if column[u] >= 0], default=-1) for st in streams]
    return [u for n in sorted(range(len(streams)), key=key.__getitem__) for u in streams[n]], preds


def reading(texts: list[str], gaps: list[int], rule: Rule):
    """The decoding on line texts and blank counts: (new order of the pieces, preds of the
    boxes, boxes, the pieces as ``(line, start, end)`` of :func:`pieces`, each piece's place
    in the lines the boxes were decoded on), or None when the lines are neither read as
    interleaved nor hold a run read across (:func:`run_pieces`). Where only runs are read
    across, the boxes are the pieces and the preds those of the runs' decodings."""
    p = rule.params
    if not p["merged_runs"]:
        parts, part_gaps = pieces(texts, gaps, p)
        got = _read([texts[k][a:b] for k, a, b in parts], part_gaps, p)
        return None if got is None else (*got, parts, list(range(len(parts))))
    parts, _, perm, local_preds = run_pieces(texts, gaps, p)
    got = _read(texts, gaps, p)  # the page's boxes decoded whole, as without the runs
    if got is None:
        if perm == list(range(len(parts))):
            return None
        return perm, local_preds, [(u, u) for u in range(len(parts))], parts, list(range(len(parts)))
    out, preds, units = got
    starts = list(range(len(texts)))  # each line's run's first line
    for k in range(1, len(texts)):
        if gaps[k] == 0:
            starts[k] = starts[k - 1]
    run_of: dict = {}  # a run's first line -> its pieces in their order
    for u in perm:
        run_of.setdefault(starts[parts[u][0]], []).append(u)
    # (the decoding moves boxes whole, each a run: each run's pieces where its first line went)
    return [u for k in out if k in run_of for u in run_of[k]], preds, units, parts, [k for k, _, _ in parts]


def _read(texts: list[str], gaps: list[int], p: dict):
    lines = [new_line((k, 0, 0, t, 0.0, g)) for k, (t, g) in enumerate(zip(texts, gaps))]
    infos = [LineInfo(t) for t in texts]
    units = boxes(lines)
    if len(units) < p["min_steady"]:
        return None
    ctx = context(infos, p)
    w = [p["weights"].get(name, 0.0) for name in CUES]

    def score(j: int, i: int) -> float:
        c = cues(infos[units[j][1]], infos[units[i][0]], i - j, ctx,
                 units[j][0] == units[j][1] and units[i][0] == units[i][1])
        return sum(a * b for a, b in zip(w, c))

    closed = [infos[u[1]].closed for u in units]
    preds = decode(len(units), score, p["window"], p["start_cost"], p["beam"], p["same_step"], p["closed_step"], closed)
    if not steady(preds, p["min_steady"]):
        return None
    if p["open_streams"]:
        preds = decode_open(len(units), weighed(infos, units, p, p["open_weights"]), p["max_open"], p["max_back"],
                            p["open_start"], p["keep_cost"], p["beam"], p["open_same_step"], p["closed_step"], closed)
    elif p["across"]:
        preds = decode(len(units), across_score(infos, units, p), p["window"], p["start_cost"], p["beam"],
                       p["same_step"], p["closed_step"], closed)
    out = [k for u in emit(preds) for k in range(units[u][0], units[u][1] + 1)]
    return out, preds, units


def across_score(infos: list[LineInfo], units: list[tuple[int, int]], p: dict):
    """The join score of the second decoding, on a page the first found read across
    (``across``): the cues weighed by ``across_weights``, fitted on the joins of the pages
    read across alone. The first decoding's weights are fitted on every page of these
    extractors, most not read across, where a box's next box is nearly always its true
    successor: adjacency weighs so much there that on a page read across a run of rows is
    read along the row (a column's line, then the line beside it) wherever the period
    changes (a column opens or ends). Those weights stay to tell a page read across from
    one that is not (the test of a steady period); the second set reads it. Its
    ``char_model`` cue builds the character model on the first such page only."""
    return weighed(infos, units, p, p["across_weights"])


def weighed(infos: list[LineInfo], units: list[tuple[int, int]], p: dict, weights: dict):
    """The join score of box ``j`` to box ``i`` under ``weights`` (a second decoding's own:
    ``across_weights``, ``open_weights``); the character model built only where its weight
    is not 0."""
    w = [weights.get(name, 0.0) for name in CUES]
    lm = default_char_model(p["lm_prior"]) if p["use_lexicon"] and weights.get("char_model") else None
    ctx = JoinContext(page_pairs(infos), lexicon() if p["use_lexicon"] else frozenset(), lm,
                      p["width_tolerance"], p["lm_clip"])

    def score(j: int, i: int) -> float:
        c = cues(infos[units[j][1]], infos[units[i][0]], i - j, ctx,
                 units[j][0] == units[j][1] and units[i][0] == units[i][1])
        return sum(a * b for a, b in zip(w, c))

    return score


def _lead(t: str) -> int:
    return len(t) - len(t.lstrip())


def _trail(t: str) -> int:
    return len(t) - len(t.rstrip())


def _box_of(units: list[tuple[int, int]], k: int) -> int:
    """The box that holds line ``k``."""
    lo, hi = 0, len(units) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if units[mid][0] <= k:
            lo = mid
        else:
            hi = mid - 1
    return lo


def split(page: Page, lines: list[Line], forced: bool = False) -> tuple[list[Line], list[Change]]:
    """Lines in reading order and one change per stretch of boxes read as interleaved
    streams (see the module)."""
    rule = page.rules["C002"]
    if not forced and PAGE_END not in page.source:
        return lines, []  # (not the text of an extractor that reads across: see the module)
    got = reading([ln.text for ln in lines], [ln.gap_before for ln in lines], rule)
    if got is None:
        return box_blanks(page, lines)
    new_order, preds, units, parts, place = got  # place: where each piece stood when its box was decoded
    if len(parts) > len(lines):  # lines cut in two: a line per piece (the line's span, cut)
        lines = [new_line((n, lines[k].start + a + _lead(lines[k].text[a:b]),
                           lines[k].start + b - _trail(lines[k].text[a:b]), lines[k].text[a:b].strip(),
                           width(lines[k].text[a:b].strip()), lines[k].gap_before if a == 0 else 0))
                 for n, (k, a, b) in enumerate(parts)]
    last_piece = {k: n for n, (k, _, _) in enumerate(parts)}
    piece_end = [last_piece[k] for k, _, _ in parts]  # a line cut in two moves whole or not at all
    streams = order(preds)
    stream_of = {u: k for k, st in enumerate(streams) for u in st}
    src = page.source
    changes = []
    out = [lines[k] for k in new_order]
    # one change per stretch: the shortest runs of lines the new order only permutes
    hi = -1
    first = 0
    for pos, k in enumerate(new_order):
        hi = max(hi, k, piece_end[k])
        if hi == pos:
            if pos > first or new_order[first] != first:
                s, e = lines[first].start, lines[pos].end
                moved = out[first:pos + 1]
                boxes_in = sorted({_box_of(units, place[k]) for k in new_order[first:pos + 1]})
                n_streams = len({stream_of[u] for u in boxes_in})
                dists = sorted({u - preds[u] for u in boxes_in if preds[u] >= 0})
                changes.append(Change(
                    rule.id, STAGE, "move", (s, e), src[s:e], "\n".join(ln.text for ln in moved),
                    rule.message.format(lines=pos - first + 1, streams=n_streams,
                                        steps=", ".join(map(str, dists[:6]))), rule.safety))
            first = pos + 1
    return [ln if ln.index == i else new_line((i, ln.start, ln.end, ln.text, ln.width, ln.gap_before))
            for i, ln in enumerate(out)], changes


def box_blanks(page: Page, lines: list[Line]) -> tuple[list[Line], list[Change]]:
    """The lines of a page of these extractors that is not read across, with no blank line
    between them (rule C004), and one change that says so.

    pdfminer.six prints a blank line after every text box it makes: with tight leading a box
    is a column's run of a few lines, cut wherever its layout analysis cut it (mid-sentence as
    often as not), a headline pair, a byline; it is no paragraph. Read as paragraph breaks,
    those blank lines end paragraphs mid-sentence and part a subhead or a headline from what it
    heads; the stages after this one read the same text better without them, as PyMuPDF prints
    it (no blank lines): on the typeset fitting pages pdfminer CER 58.3 -> 46.1, seg F1 36.7 ->
    48.7 (the figures in ``rules/columns.toml``). poppler's blocks run longer and a blank line
    between them often parts two articles: a page whose boxes run longer than
    ``max_box_lines`` on average keeps its blank lines. A page read across (C002) keeps them
    too: there they part the extractor's boxes of one line each, and dropping them was measured
    no better."""
    if not page.rules.enabled("C004"):
        return lines, []
    blanks = [ln for ln in lines[1:] if ln.gap_before]
    rule = page.rules["C004"]
    if not blanks or len(lines) > rule.params["max_box_lines"] * (len(blanks) + 1):
        return lines, []
    s, e = lines[0].start, lines[-1].end
    out = [ln if k == 0 or not ln.gap_before else new_line((ln.index, ln.start, ln.end, ln.text, ln.width, 0))
           for k, ln in enumerate(lines)]
    change = Change(rule.id, STAGE, "join", (s, e), page.source[s:e], "\n".join(ln.text for ln in out),
                    rule.message.format(lines=len(lines), boxes=len(blanks) + 1), rule.safety)
    return out, [change]
