"""The page model: an immutable source text, structure that points into it, one change log.

Character repairs never rewrite the source. They are :class:`Edit` records (replace
``source[start:end]`` by ``text``) kept in an :class:`Overlay`; the text of any span is the
source with the overlay applied. Layout decisions (which lines form a paragraph, which block
is a title, which article a block belongs to) are structure: lines, blocks and articles hold
character spans into the source and never carry text of their own that did not come from it.
Every decision that changes what the reader sees is one :class:`Change` in ``Page.changes``;
reports, the explain listing and the conservation check are all derived from that log.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .rules import RuleSet

SAFE, REVIEW = "safe", "review"


def replace(obj, **changes):
    """A copy of a model object with some fields changed (named tuples and dataclasses alike).

    Named tuples are copied in C from a list of their values (their own ``_replace`` pops
    every field name from the keywords in turn: twice the time, on a path that runs for
    every block of every stage)."""
    if isinstance(obj, tuple):
        cls = type(obj)
        index = _FIELD_INDEX.get(cls)
        if index is None:
            index = _FIELD_INDEX[cls] = {name: i for i, name in enumerate(cls._fields)}
        values = list(obj)
        for name, value in changes.items():
            i = index.get(name)
            if i is None:
                raise ValueError(f"{cls.__name__} has no field {name!r}")
            values[i] = value
        return tuple.__new__(cls, values)
    return dataclasses.replace(obj, **changes)


#: Named tuple class -> {field name: position} (see :func:`replace`).
_FIELD_INDEX: dict[type, dict[str, int]] = {}


def _maker(cls):
    """``cls`` from one tuple of all its fields, built in C.

    A named tuple's own ``__new__`` is Python code (it binds arguments and fills defaults):
    on the paths that make one per line or per change it took twice the time of the tuple
    itself, 2% of a page. Every field must be given, defaults included.
    """
    return functools.partial(tuple.__new__, cls)


#: An edit's (start, end), in C: the sort key of every overlay merge.
_SPAN = operator.itemgetter(0, 1)
_NEWLINE = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")


class Edit(NamedTuple):
    """Replace ``source[start:end]`` by ``text`` (an insertion when start == end).

    A named tuple, not a frozen dataclass: a page makes thousands, and a tuple is built
    three times faster; it is just as immutable.
    """

    start: int
    end: int
    text: str


class Deferred:
    """A reason written only when someone reads it.

    A page makes hundreds of joins and most reasons are never shown: formatting them all
    eagerly was a tenth of the run time. ``str()`` formats once and keeps the text; a
    deferred reason compares, hashes and pickles as that text.
    """

    __slots__ = ("_fn", "_args", "_kwargs", "_text")

    def __init__(self, fn, *args, **kwargs):
        self._fn, self._args, self._kwargs, self._text = fn, args, kwargs, None

    def __str__(self) -> str:
        if self._text is None:
            self._text = self._fn(*self._args, **self._kwargs)
            self._fn = self._args = self._kwargs = None
        return self._text

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __reduce__(self):
        return (str, (str(self),))

    def __repr__(self) -> str:
        return repr(str(self))


class Change(NamedTuple):
    """One thing the cleaner did, with the rule that did it and the evidence why.

    Immutable (a named tuple, for the same reason as :class:`Edit`).

    ``action`` is one of: replace, delete, insert (character edits, listed in ``edits``);
    join (two lines became one paragraph), split, label (a block was given a kind), move (a
    block was taken out of reading order), heal (an interrupted paragraph, or an article read
    as two, was rejoined), attach (a block was attached to an article), drop (a block went to ``dropped``),
    flag (a decision the cleaner could not make with confidence: a person should look).
    """

    rule: str
    stage: str
    action: str
    span: tuple[int, int]
    before: str
    after: str
    reason_: "str | Deferred"
    safety: str = SAFE
    edits: tuple[Edit, ...] = ()

    @property
    def reason(self) -> str:
        """Why, in words: the rule's message with its evidence (formatted on first read)."""
        r = self.reason_
        return r if type(r) is str else str(r)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "stage": self.stage,
            "action": self.action,
            "span": list(self.span),
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "safety": self.safety,
            "edits": [[e.start, e.end, e.text] for e in self.edits],
        }


#: ``new_change((rule, stage, action, span, before, after, reason_, safety, edits))``: a
#: :class:`Change`, fast.
new_change = _maker(Change)


class Overlay:
    """Non-overlapping edits over an immutable source, sorted by position.

    Immutable: :meth:`apply` returns a new overlay, so a page handed to a stage is never
    changed behind the caller's back.
    """

    __slots__ = ("source", "edits", "_starts")

    def __init__(self, source: str, edits: tuple[Edit, ...] = ()):
        self.source = source
        self.edits = edits
        self._starts = [e.start for e in edits]

    def _overlapping(self, start: int, end: int) -> range:
        """Indices of edits that touch [start, end) (zero-width edits at the borders count)."""
        lo = bisect.bisect_left(self._starts, start)
        while lo > 0 and self.edits[lo - 1].end >= start:
            lo -= 1
        hi = lo
        n = len(self.edits)
        while hi < n and self.edits[hi].start <= end:
            e = self.edits[hi]
            if e.start == end and e.end > end and start != end:
                break
            hi += 1
        # drop edits on the left that only touch start from the outside with width
        while lo < hi and self.edits[lo].end == start and self.edits[lo].start < start and start != end:
            lo += 1
        return range(lo, hi)

    def render(self, start: int, end: int) -> str:
        """The current text of ``source[start:end]``; edits must not straddle the bounds."""
        if not self.edits:
            return self.source[start:end]
        edits = self.edits
        lo = bisect.bisect_left(self._starts, start)
        if lo == len(edits) or edits[lo].start > end:
            return self.source[start:end]  # no edit in the span
        parts = []
        pos = start
        for k in range(lo, len(edits)):  # indexing, not edits[lo:]: a copy per call is quadratic
            e = edits[k]
            if e.start > end or (e.start == end and e.end > end):
                break
            if e.end > end:
                break
            parts.append(self.source[pos:e.start])
            parts.append(e.text)
            pos = e.end
        parts.append(self.source[pos:end])
        return "".join(parts)

    def segments(self, start: int, end: int) -> list[tuple[int, int, int, int, bool]]:
        """(src_start, src_end, out_start, out_end, is_edit) pieces of the rendering of a span."""
        segs = []
        pos, out = start, 0
        lo = bisect.bisect_left(self._starts, start)
        edits = self.edits
        for k in range(lo, len(edits)):
            e = edits[k]
            if e.start > end or (e.start == end and e.end > end) or e.end > end:
                break
            if e.start > pos:
                segs.append((pos, e.start, out, out + e.start - pos, False))
                out += e.start - pos
            segs.append((e.start, e.end, out, out + len(e.text), True))
            out += len(e.text)
            pos = e.end
        if pos < end or not segs:
            segs.append((pos, end, out, out + end - pos, False))
        return segs

    def apply(self, new: Iterable[Edit]) -> "Overlay":
        """Overlay with ``new`` edits merged in; an edit overlapping older ones absorbs them.

        The common case (no new edit touches an old one or another new one) is one sorted
        merge; overlaps are resolved one edit at a time.
        """
        given = list(new)  # overlapping edits are applied in the order given: later ones win
        new = sorted(given, key=_SPAN)
        if not new:
            return self
        if self._disjoint(new):
            merged = sorted(self.edits + tuple(e for e in new if e.text != self.source[e.start:e.end]),
                            key=_SPAN)
            return Overlay(self.source, tuple(merged))
        edits = list(self.edits)
        starts = list(self._starts)
        for e in given:
            lo = bisect.bisect_left(starts, e.start)
            while lo > 0 and edits[lo - 1].end > e.start or (lo > 0 and edits[lo - 1].end == e.start
                                                             and (edits[lo - 1].start == edits[lo - 1].end
                                                                  or e.start == e.end)):
                lo -= 1
            hi = lo
            while hi < len(edits) and (edits[hi].start < e.end or (edits[hi].start == e.end and (
                    e.start == e.end or edits[hi].start == edits[hi].end))):
                hi += 1
            if hi > lo:
                s0 = min(edits[lo].start, e.start)
                t0 = max(edits[hi - 1].end, e.end)
                part = Overlay(self.source, tuple(edits[lo:hi]))
                text = (part.render(s0, e.start) if s0 < e.start else "") + e.text \
                    + (part.render(e.end, t0) if t0 > e.end else "")
                del edits[lo:hi]
                del starts[lo:hi]
                e = Edit(s0, t0, text)
            if e.text == self.source[e.start:e.end]:
                continue  # the merge undid itself: nothing to record
            i = bisect.bisect_left(starts, e.start)
            while i < len(edits) and edits[i].start == e.start and edits[i].end <= e.start:
                i += 1
            edits.insert(i, e)
            starts.insert(i, e.start)
        return Overlay(self.source, tuple(edits))

    def _disjoint(self, new: list[Edit]) -> bool:
        """No new edit overlaps an old edit or another new one. Edges may meet, except where
        a zero-width edit (an insertion, or a deletion already merged away) is involved."""
        def apart(a: Edit, b: Edit) -> bool:  # a before b
            return a.end < b.start or (a.end == b.start and a.start < a.end and b.start < b.end)

        prev = None
        for e in new:
            if prev is not None and not apart(prev, e):
                return False
            prev = e
            i = bisect.bisect_left(self._starts, e.start)
            if i < len(self.edits) and not apart(e, self.edits[i]):
                return False
            if i > 0 and not apart(self.edits[i - 1], e):
                return False
        return True


def rendered_edit(overlay: Overlay, start: int, end: int, i: int, j: int, text: str) -> Edit:
    """Source edit for "replace rendered[i:j] of span [start, end) by ``text``".

    When the range cuts into an earlier edit, it widens to cover all of it so that edits
    never overlap; the replacement text is widened with the rendered text accordingly.
    """
    segs = overlay.segments(start, end)
    rendered = overlay.render(start, end)
    src_i, ii = end, len(rendered)
    for s0, s1, o0, o1, is_edit in segs:
        if o0 <= i < o1:
            src_i, ii = (s0, o0) if is_edit else (s0 + i - o0, i)
            break
    src_j, jj = src_i, ii
    if j > i:
        for s0, s1, o0, o1, is_edit in segs:
            if o0 < j <= o1:
                src_j, jj = (s1, o1) if is_edit else (s0 + j - o0, j)
                break
    return Edit(src_i, src_j, rendered[ii:i] + text + rendered[j:jj])


def source_offset(overlay: Overlay, start: int, end: int, i: int) -> int:
    """The source offset of the boundary before rendered character ``i`` of span [start, end)."""
    for s0, s1, o0, o1, is_edit in overlay.segments(start, end):
        if o0 <= i < o1:
            return s0 if is_edit else s0 + (i - o0)
    return end


class Line(NamedTuple):
    """One printed line: its span in the source (surrounding blanks excluded) and its text.

    Lines, blocks, edits and changes are named tuples: immutable like frozen dataclasses,
    and built three times faster (a page makes thousands). Use :func:`replace` on any of them.
    """

    index: int
    start: int
    end: int
    text: str
    width: float
    gap_before: int = 0  # blank lines between this line and the previous one


#: ``new_line((index, start, end, text, width, gap_before))``: a :class:`Line`, fast.
new_line = _maker(Line)


class Block(NamedTuple):
    """A run of lines read as one unit: a paragraph, a title, a byline, a piece of furniture.

    ``joiners[k]`` is the string put between line ``lines[k]`` and ``lines[k + 1]``:
    "" between CJK text, " " between Latin words.
    """

    kind: str
    lines: tuple[int, ...]
    joiners: tuple[str, ...]
    text: str
    width: float = 0.0  # the column width the block was set in, in ems
    confidence: float = 1.0

    @property
    def first(self) -> int:
        return self.lines[0]

    @property
    def last(self) -> int:
        return self.lines[-1]


@dataclass(frozen=True, slots=True)
class Article:
    title: Block | None = None
    subtitle: Block | None = None
    kicker: Block | None = None
    byline: Block | None = None
    dateline: str | None = None
    body: tuple[Block, ...] = ()
    pullquotes: tuple[Block, ...] = ()
    captions: tuple[Block, ...] = ()
    confidence: float = 1.0
    #: what the confidence was computed from, ``(name, value)`` pairs (the decoder's margin,
    #: no title, flags): ``cleaner train`` calibrates the confidence on them
    evidence: tuple = ()

    @property
    def text(self) -> str:
        """The body (paragraphs and subheads) joined by blank lines, as in the article files
        and the JSON Lines ``text`` (the dateline stays at the start of the first paragraph)."""
        return "\n\n".join(b.text for b in self.body)


def line_starts(source: str) -> tuple[int, ...]:
    """The offset where each line of ``source`` starts (line breaks as :data:`_NEWLINE`)."""
    # the line ends of str.splitlines are those of _NEWLINE; summing lengths runs in C
    starts = [0, *itertools.accumulate(map(len, source.splitlines(True)))]
    if len(starts) > 1 and not _NEWLINE.match(source[-1]):
        starts.pop()  # the last line has no line break after it
    return tuple(starts)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the stages learn about a page's layout and hand on to the later ones; each field is
    set once, by the stage named, and read by those after it (a new Layout each time: the
    record of the page before stays as it was)."""

    #: lines: the source offset where each source line starts (for line numbers)
    line_starts: tuple[int, ...] | None = None
    #: the PDF reader (before any stage): per source line, what the page's geometry says of
    #: it (a :class:`cleaner.pdf.layout.LineGeometry`); None when the page came as text
    geometry: tuple | None = None
    #: the PDF reader: (source line, text, reason) of each copy drawn twice and left out
    copies: tuple = ()
    #: the PDF reader: the page's width and height in points (the geometry's frame)
    page_size: tuple | None = None
    #: dedouble: groups of lines drawn twice as one headline; lines that were drawn twice
    heading_groups: tuple[tuple[int, ...], ...] = ()
    dedoubled: tuple[int, ...] = ()
    #: ocr: whether the page was read as OCR output (detected or said), so OCR repairs ran
    ocr: bool = False
    #: rejoin: per line, whether the text around it sets a blank line after every line, or
    #: only between paragraphs; whether the page is set in columns; lines that stand alone
    gaps_everywhere: tuple[bool, ...] = ()
    gaps_informative: tuple[bool, ...] = ()
    columned: bool = True
    stops: frozenset[int] = frozenset()
    #: label: a paragraph's first line -> its dateline; a pull quote's first line -> the
    #: first line of the block it repeats (dicts: not changed after the label stage)
    datelines: dict = field(default_factory=dict)
    pullquote_sources: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Page:
    """Everything known about one page; stages return a new Page, never mutate one."""

    name: str
    source: str
    rules: "RuleSet"
    overlay: Overlay
    lines: tuple[Line, ...] = ()
    blocks: tuple[Block, ...] = ()
    articles: tuple[Article, ...] = ()
    dropped: tuple[Block, ...] = ()
    changes: tuple[Change, ...] = ()
    layout: Layout = field(default_factory=Layout)

    def __repr__(self) -> str:  # the full dataclass repr of a page runs to megabytes
        return (f"Page({self.name!r}, {len(self.source)} chars, {len(self.lines)} lines, "
                f"{len(self.articles)} articles, {len(self.changes)} changes)")

    def line_span(self, k: int) -> tuple[int, int]:
        ln = self.lines[k]
        return ln.start, ln.end

    def block_span(self, b: Block) -> tuple[int, int]:
        return self.lines[b.first].start, self.lines[b.last].end

    def line_no(self, k: int) -> int:
        """1-based source line number of printed line ``k`` (as editors and reports count)."""
        starts = self.layout.line_starts
        if starts is None:  # (a page made without the lines stage)
            starts = line_starts(self.source)
        return bisect.bisect_right(starts, self.lines[k].start)

    def geometry(self) -> list:
        """Per printed line, what the PDF's geometry says of it (a LineGeometry), or None for
        every line of a page that came as text."""
        geo = self.layout.geometry
        if geo is None:
            return [None] * len(self.lines)
        return [geo[self.line_no(k) - 1] for k in range(len(self.lines))]

    def geometry_of(self, k: int):
        """What the PDF's geometry says of printed line ``k`` alone (None on a text page):
        one lookup, where :meth:`geometry` builds the whole list."""
        geo = self.layout.geometry
        return None if geo is None else geo[self.line_no(k) - 1]

    def evolve(self, **kw) -> "Page":
        return replace(self, **kw)
