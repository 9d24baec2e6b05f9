"""Nothing lost, nothing invented: the conservation check.

A cleaned page is trustworthy only if every character a reader of the printed page saw is
still somewhere a reader of the output can find it, and every character in the output came
from the page or from a change the log records. :func:`check` verifies that from the page
model alone, without trusting any stage's account of what it did:

a. **Nothing lost.** Every non-whitespace character of ``page.source`` lies in the span of
   a line that belongs to an output block (an article's kicker, title, subtitle, byline,
   body, pull quotes or captions, or ``page.dropped``), or in the span of an overlay edit
   that deletes it (an edit whose replacement is blank). A replacement that sits in no
   output line is lost text as well: its characters were replaced by something nobody sees.
b. **Nothing invented.** Every line's text is its source span with the overlay applied (no
   edit straddles a line's bounds), and every output block's text is its lines' texts
   joined with its joiners, each "" or " ".
c. **The log is the whole story.** Replaying the edits of ``page.changes``, change by change
   in log order (merging overlaps as :meth:`Overlay.apply` does), gives exactly
   ``page.overlay.edits``; only replace/delete/insert changes carry edits.
d. **Nothing doubled.** No line belongs to two output blocks. (A pull quote repeats a
   sentence of the body, but with lines of its own.)
e. **Datelines are read, not written.** An article's dateline is a prefix of its first
   paragraph (ignoring whitespace).

The check is linear in the size of the page (plus sorting its lines and edits). Problems
name the source line (1-based, as an editor counts) and a snippet of the text.

>>> import cleaner
>>> page = cleaner.clean("科技日报讯（记者华凌）近日，北京启动建设。\\n\\n北京启动高品质科技园区建设\\n")
>>> check(page)
[]
>>> from cleaner.model import replace
>>> a = page.articles[0]
>>> check(replace(page, articles=(replace(a, title=None),)))
["line 3: '北京启动高品质科技园区建设' is in no article, not dropped and not deleted by a recorded change (a heading block)"]
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from .model import Block, Edit, Page

#: at most this many problems of one kind are listed; the rest are counted
MAX_PER_KIND = 20

_NONSPACE = re.compile(r"\S")
_WS = re.compile(r"\s+")
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")
_EDIT_ACTIONS = ("replace", "delete", "insert")
JOINERS = ("", " ")


def assert_conserved(page: Page) -> None:
    """Raise AssertionError listing every problem :func:`check` finds."""
    problems = check(page)
    if problems:
        raise AssertionError(f"{page.name}: {len(problems)} conservation problem(s):\n" + "\n".join(problems))


def check(page: Page) -> list[str]:
    """Problems found (empty when every character is accounted for); see the module docstring."""
    report = _Report(page.source)
    owners = _owners(page, report)
    _check_lines(page, report)
    _check_blocks(page, report)
    _check_coverage(page, owners, report)
    _check_replay(page, report)
    _check_datelines(page, report)
    return report.problems()


class _Report:
    """Problems by kind, with source line numbers computed only when there is a problem."""

    def __init__(self, source: str):
        self.source = source
        self._starts: list[int] | None = None
        self._kinds: dict[str, list[str]] = {}
        self._more: dict[str, int] = {}

    def line_no(self, offset: int) -> int:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _BREAK.finditer(self.source)]
        return bisect.bisect_right(self._starts, offset)

    def full(self, kind: str) -> bool:
        """True when ``kind`` has all the messages it may list (the rest are only counted)."""
        return len(self._kinds.get(kind, ())) >= MAX_PER_KIND

    def add(self, kind: str, offset: int | None, message: str) -> None:
        got = self._kinds.setdefault(kind, [])
        if len(got) >= MAX_PER_KIND:
            self._more[kind] = self._more.get(kind, 0) + 1
            return
        got.append(message if offset is None else f"line {self.line_no(offset)}: {message}")

    def problems(self) -> list[str]:
        out = []
        for kind, msgs in self._kinds.items():
            out += msgs
            if kind in self._more:
                out.append(f"... and {self._more[kind]} more {kind} problem(s)")
        return out


def snippet(text: str, limit: int = 30) -> str:
    """``text`` on one line, cut to ``limit`` characters: for messages."""
    text = _WS.sub(" ", text).strip()
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


def output_blocks(page: Page) -> Iterator[tuple[str, Block]]:
    """(where, block) for every block a reader of the output sees, in page order."""
    for n, a in enumerate(page.articles, 1):
        for field in ("kicker", "title", "subtitle", "byline"):
            b = getattr(a, field)
            if b is not None:
                yield f"article {n} {field}", b
        for group in ("body", "pullquotes", "captions"):
            for m, b in enumerate(getattr(a, group), 1):
                yield f"article {n} {group} block {m}", b
    for m, b in enumerate(page.dropped, 1):
        yield f"dropped block {m}", b


# ------------------------------------------------------------------- (d) line owners
def _owners(page: Page, report: _Report) -> list[str | None]:
    """For each line, the output block that holds it (None: no block)."""
    lines = page.lines
    owners: list[str | None] = [None] * len(lines)
    for where, b in output_blocks(page):
        for k in b.lines:
            if not 0 <= k < len(lines):
                report.add("structure", None, f"{where} lists line index {k}, which does not exist")
                continue
            if owners[k] is not None:
                ln = lines[k]
                report.add("doubled", ln.start, f"{snippet(ln.text)} is in both {owners[k]} and {where}")
                continue
            owners[k] = where
    return owners


# ------------------------------------------------------------------- (b) lines and blocks
def _check_lines(page: Page, report: _Report) -> None:
    """Each line's text is its span with the overlay applied; no edit straddles its bounds."""
    src = page.source
    edits = page.overlay.edits
    n_edits = len(edits)
    order = sorted(range(len(page.lines)), key=lambda k: page.lines[k].start)
    i = 0
    prev_end = -1
    for k in order:
        ln = page.lines[k]
        s, e = ln.start, ln.end
        if ln.index != k:
            report.add("structure", s, f"line {k} says its index is {ln.index}")
        if not 0 <= s <= e <= len(src):
            report.add("structure", None, f"line index {k} has span [{s}, {e}) outside the source")
            continue
        if s < prev_end:
            report.add("structure", s, f"{snippet(ln.text)} overlaps the line before it")
        prev_end = max(prev_end, e)
        # edits that end before the line starts belong to earlier lines or to no line
        while i < n_edits and (edits[i].end < s or (edits[i].end == s and edits[i].start < s)):
            i += 1
        parts, pos, j, straddled = [], s, i, False
        while j < n_edits and edits[j].start <= e:
            ed = edits[j]
            if ed.start == e and ed.end > e:
                break  # starts where the line ends: the next line's
            if ed.start < s or ed.end > e:
                report.add("straddle", ed.start,
                           f"edit [{ed.start}, {ed.end}) {snippet(src[ed.start:ed.end])} -> {snippet(ed.text)} "
                           f"straddles the bounds of line {snippet(ln.text)} [{s}, {e})")
                straddled = True
                break
            parts.append(src[pos:ed.start])
            parts.append(ed.text)
            pos = ed.end
            j += 1
        parts.append(src[pos:e])
        rendered = "".join(parts)
        if rendered != ln.text and not straddled:
            report.add("invented", s, f"line text {snippet(ln.text)} is not its source with the recorded "
                                      f"edits applied ({snippet(rendered)})")


def _check_blocks(page: Page, report: _Report) -> None:
    """Each output block's text is its lines' texts joined with its joiners."""
    lines = page.lines
    for where, b in output_blocks(page):
        if not b.lines:
            if b.text.strip():
                report.add("invented", None, f"{where} has no lines but text {snippet(b.text)}")
            continue
        if any(not 0 <= k < len(lines) for k in b.lines):
            continue  # reported by _owners
        at = lines[b.lines[0]].start
        if len(b.joiners) != len(b.lines) - 1:
            report.add("structure", at, f"{where} has {len(b.lines)} lines but {len(b.joiners)} joiners")
            continue
        bad = [j for j in b.joiners if j not in JOINERS]
        if bad:
            report.add("invented", at, f"{where} joins lines with {bad[0]!r}, which no line holds")
        parts = [lines[b.lines[0]].text]
        for joiner, k in zip(b.joiners, b.lines[1:]):
            parts.append(joiner)
            parts.append(lines[k].text)
        text = "".join(parts)
        if text != b.text:
            report.add("invented", at, f"{where} reads {snippet(b.text)} but its lines give {snippet(text)}")


# ------------------------------------------------------------------- (a) coverage
def _check_coverage(page: Page, owners: list[str | None], report: _Report) -> None:
    """Every non-whitespace source character is in an output line or deleted by an edit."""
    src = page.source
    spans = [(ln.start, ln.end) for k, ln in enumerate(page.lines) if owners[k] is not None]
    spans += [(e.start, e.end) for e in page.overlay.edits if e.end > e.start and not e.text.strip()]
    spans.sort()
    block_kind = {}
    for b in page.blocks:
        for k in b.lines:
            block_kind[k] = b.kind
    line_starts = [ln.start for ln in page.lines]
    by_start = sorted(range(len(page.lines)), key=lambda k: line_starts[k])
    sorted_starts = [line_starts[k] for k in by_start]
    pos = 0
    for s, e in spans + [(len(src), len(src))]:
        if s > pos:
            m = _NONSPACE.search(src, pos, s)
            while m:
                lost_at = m.start()
                # the lost run ends at the end of its source line or of the gap
                brk = _BREAK.search(src, lost_at, s)
                stop = brk.start() if brk else s
                msg = "" if report.full("lost") else \
                    _lost_message(page, lost_at, stop, block_kind, by_start, sorted_starts)
                report.add("lost", lost_at, msg)
                m = _NONSPACE.search(src, stop, s)
        pos = max(pos, e)


def _lost_message(page: Page, start: int, stop: int, block_kind: dict, by_start: list, sorted_starts: list) -> str:
    text = page.source[start:stop]
    where = ""
    i = bisect.bisect_right(sorted_starts, start) - 1
    if i >= 0:
        k = by_start[i]
        ln = page.lines[k]
        if ln.start <= start < max(ln.end, ln.start + 1):
            kind = block_kind.get(k)
            where = f" (a {kind} block)" if kind else " (a line in no block)"
            edited = page.overlay.render(ln.start, ln.end) != page.source[ln.start:ln.end]
            if edited and not where.endswith("no block)"):
                where = where[:-1] + f", edited to {snippet(ln.text)})"
    return f"{snippet(text)} is in no article, not dropped and not deleted by a recorded change{where}"


# ------------------------------------------------------------------- (c) replay
class _Replay:
    """The overlay rebuilt from the change log: :meth:`Overlay.apply` on mutable lists.

    It merges an edit with the edits it overlaps exactly as :meth:`Overlay.apply` does, but
    keeps one list instead of building a new overlay per edit, so a replay of E edits costs
    O(E log E) comparisons (and list moves in C) rather than O(E²).
    """

    def __init__(self, source: str):
        self.source = source
        self.edits: list[Edit] = []
        self.starts: list[int] = []

    def _overlapping(self, start: int, end: int) -> tuple[int, int]:
        edits, n = self.edits, len(self.edits)
        lo = bisect.bisect_left(self.starts, start)
        while lo > 0 and edits[lo - 1].end >= start:
            lo -= 1
        hi = lo
        while hi < n and edits[hi].start <= end:
            e = edits[hi]
            if e.start == end and e.end > end and start != end:
                break
            hi += 1
        while lo < hi and edits[lo].end == start and edits[lo].start < start and start != end:
            lo += 1
        return lo, hi

    def _render(self, start: int, end: int) -> str:
        edits, src = self.edits, self.source
        parts, pos = [], start
        i = bisect.bisect_left(self.starts, start)
        while i < len(edits):
            e = edits[i]
            if e.start > end or (e.start == end and e.end > end) or e.end > end:
                break
            parts.append(src[pos:e.start])
            parts.append(e.text)
            pos = e.end
            i += 1
        parts.append(src[pos:end])
        return "".join(parts)

    def apply(self, new) -> None:
        edits, starts = self.edits, self.starts
        for e in sorted(new, key=lambda x: (x.start, x.end)):
            lo, hi = self._overlapping(e.start, e.end)
            if hi > lo:
                first, last = edits[lo], edits[hi - 1]
                s = min(first.start, e.start)
                t = max(last.end, e.end)
                text = self._render(s, e.start) if s < e.start else ""
                text += e.text
                if t > e.end:
                    text += self._render(e.end, t)
                e = Edit(s, t, text)
                del edits[lo:hi]
                del starts[lo:hi]
            if e.text == self.source[e.start:e.end]:
                continue
            i = bisect.bisect_left(starts, e.start)
            while i < len(edits) and edits[i].start == e.start and edits[i].end <= e.start:
                i += 1
            edits.insert(i, e)
            starts.insert(i, e.start)


def replay(page: Page) -> tuple[Edit, ...]:
    """The overlay edits that replaying ``page.changes`` in order gives."""
    r = _Replay(page.source)
    for c in page.changes:
        if c.edits:
            r.apply(c.edits)
    return tuple(r.edits)


def _check_replay(page: Page, report: _Report) -> None:
    src = page.source
    if page.overlay.source is not src and page.overlay.source != src:
        report.add("replay", None, "the overlay is over another text than the page source")
        return
    for n, c in enumerate(page.changes, 1):
        if c.edits and c.action not in _EDIT_ACTIONS:
            report.add("replay", c.edits[0].start,
                       f"change {n} ({c.rule} {c.action}) is structural but carries edits")
        for e in c.edits:
            if not 0 <= e.start <= e.end <= len(src):
                report.add("replay", None, f"change {n} ({c.rule}) has an edit [{e.start}, {e.end}) outside the source")
                return
    got = replay(page)
    want = page.overlay.edits
    if got == want:
        return
    got_set, want_set = set(got), set(want)
    extra = next((w for w in want if w not in got_set), None)
    missing = next((g for g in got if g not in want_set), None)
    counts = f"({len(got)} replayed edits, {len(want)} in the overlay)"
    if extra is not None:
        report.add("replay", extra.start, f"the overlay edit [{extra.start}, {extra.end}) "
                                          f"{snippet(src[extra.start:extra.end])} -> {snippet(extra.text)} is not "
                                          f"what replaying the change log gives {counts}")
    if missing is not None:
        report.add("replay", missing.start, f"the change log's edit [{missing.start}, {missing.end}) "
                                            f"{snippet(src[missing.start:missing.end])} -> {snippet(missing.text)} "
                                            f"is missing from the overlay {counts}")
    if extra is None and missing is None:
        report.add("replay", None, f"the overlay holds the replayed edits in another order {counts}")


# ------------------------------------------------------------------- (e) datelines
def _check_datelines(page: Page, report: _Report) -> None:
    for n, a in enumerate(page.articles, 1):
        if not a.dateline:
            continue
        first = next((b for b in a.body if b.kind == "paragraph"), None)
        if first is None:
            report.add("dateline", None, f"article {n} has the dateline {snippet(a.dateline)} but no paragraph")
            continue
        if not _WS.sub("", first.text).startswith(_WS.sub("", a.dateline)):
            at = page.lines[first.first].start if 0 <= first.first < len(page.lines) else None
            report.add("dateline", at, f"article {n}'s dateline {snippet(a.dateline)} does not open its first "
                                       f"paragraph {snippet(first.text)}")
