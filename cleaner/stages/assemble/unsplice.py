"""Unsplicing: a pull quote that copies the body sentence its frame cuts, read into the body.

A narrow pull quote boxed inside its own article's column often stands exactly where a body
paragraph breaks mid-word: ``…海关有关负责人表`` / [quote: ``海关有关负责人表示，将持续…``] /
``示，将持续…``. Extraction reads the quote's lines between the two halves; rejoin or the
heal can then run the quote into the body (``…时间考古领队张永平介绍，…时间跨度约150年。``), and
the body is printed twice. The evidence is the seam itself: the quote's text is the end of
the text before it followed by the start of the text after it (X + Y where the text before
ends with X and the text after starts with Y). Text read in its right order never repeats
itself that way, so the lines are a copy: they become a pull quote, and the two halves of the
body they cut are one paragraph again (rule A010, one recorded change for each).
"""

from __future__ import annotations

from ...chars import nows
from ...model import Block, Page
from .._common import rebuild
from .text import _LATIN_END, _LATIN_START


#: the block kinds a copy and the body around it are read as (the body: paragraphs; the copy
#: also a pull quote, or a heading: its first line, cut off short by the frame, can read as one)
_TEXT_KINDS = ("paragraph", "pullquote", "heading")


def seam_split(before: str, copy: str, after: str, min_side: int) -> int | None:
    """Where ``copy`` reads as the end of ``before`` followed by the start of ``after``: the
    length of the part from ``before`` (the longest), or None. Both parts are ``min_side``
    characters or more.

    >>> copy = "海关有关负责人表示，"
    >>> copy[:seam_split("…海关有关负责人表", copy, "示，将持续推进", 1)]
    '海关有关负责人表'
    >>> seam_split("今天天气很好。", "明天也很好。", "后天下雨。", 1) is None
    True
    """
    n = len(copy)
    if n < 2 * min_side or not before or not after:
        return None
    first = after[0]
    last = before[-1]
    for s in range(n - min_side, min_side - 1, -1):
        if copy[s] == first and copy[s - 1] == last and before.endswith(copy[:s]) and after.startswith(copy[s:]):
            return s
    return None


class Unsplicing:
    """The unsplicing step of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    def unsplice_copies(self, page: Page) -> Page:
        """``page`` with each copy of a cut body sentence, read into the body, taken out as a
        pull quote and the body it cut joined again (see the module's docstring)."""
        rule = self.rules["A010"] if "A010" in self.rules else None
        if rule is None or not rule.enabled:
            return page
        p = rule.params
        blocks = list(page.blocks)
        texts = {}  # line -> its text without blanks

        def line_text(k: int) -> str:
            t = texts.get(k)
            if t is None:
                t = texts[k] = nows(page.lines[k].text)
            return t

        changed = False
        n = 0
        while n < len(blocks):
            if blocks[n].kind not in _TEXT_KINDS:
                n += 1
                continue
            m = n
            while m < len(blocks) and blocks[m].kind in _TEXT_KINDS:
                m += 1
            run = blocks[n:m]  # consecutive text blocks: one stretch of the page's text
            got = self._find_copy(run, line_text, p)
            if got is None:
                n = m
                continue
            new_run = self._unsplice(page, run, *got, rule)
            blocks[n:m] = new_run
            changed = True
            # (the same stretch is looked at again: it may hold another copy)
        if not changed:
            return page
        return page.evolve(blocks=tuple(blocks))

    def _find_copy(self, run: list[Block], line_text, p: dict):
        """The first copy in a stretch of text blocks: (lines, i, e, s), the copy being
        lines[i:e] and its first s characters the end of the text before it.

        Linear in the stretch: for each line i the cuts ``s`` where the text before ends with
        the first ``s`` characters of the text from line i on are found once (the places the
        text before holds that text's first character, each checked in one comparison); a line
        with none, nearly every line, is passed over. For the cuts found, the copies ending at
        each following line are checked against the text after them (what :func:`seam_split`
        does, the longest cut first)."""
        lines = [k for b in run for k in b.lines]
        owner = [n for n, b in enumerate(run) for _ in b.lines]
        min_chars, max_lines, min_side, max_chars = p["min_chars"], p["max_lines"], p["min_side"], p["max_chars"]
        start = [0]  # where each line's text starts in the stretch's text, blanks left out
        for k in lines:
            start.append(start[-1] + len(line_text(k)))
        text = "".join(line_text(k) for k in lines)
        for i in range(1, len(lines) - 1):
            if run[owner[i - 1]].kind != "paragraph":
                continue
            at = start[i]
            full = text[at:start[min(len(lines), i + max_lines)]]  # as far as any copy tried reaches
            if len(full) < min_chars:
                continue
            lo = max(0, at - max_chars)  # the text before: as much as any copy tried needs
            cuts = []  # s, longest first: the text before ends with full[:s]
            j = text.find(full[0], lo, at)
            while j != -1:
                s = at - j
                if s >= min_side and text.startswith(full[:s], j):
                    cuts.append(s)
                j = text.find(full[0], j + 1, at)
            if not cuts:
                continue
            for e in range(i + 1, min(len(lines), i + max_lines + 1)):
                n = start[e] - at
                if n > max_chars:
                    break
                if n < min_chars or e >= len(lines) or run[owner[e]].kind != "paragraph" or n < 2 * min_side:
                    continue
                copy = text[at:start[e]]
                got = next((s for s in cuts if s <= n - min_side and text.startswith(copy[s:], start[e])), None)
                if got is not None and any(run[owner[k]].kind != "heading" for k in range(i, e)):
                    # (headings alone are a headline set across the cut, which may repeat the
                    # text it cuts as a title does: no copy)
                    return lines, owner, i, e, got
        return None

    def _unsplice(self, page: Page, run: list[Block], lines, owner, i: int, e: int, s: int, rule) -> list[Block]:
        """The stretch with lines[i:e] as a pull quote and the paragraphs holding the lines
        right before and after them joined into one."""
        copy_lines = tuple(lines[i:e])
        joiner_of = {}  # (line, next line) -> the joiner its block put between them
        for b in run:
            for a, c, j in zip(b.lines, b.lines[1:], b.joiners):
                joiner_of[(a, c)] = j
        quote = rebuild(page, Block("pullquote", copy_lines, tuple(joiner_of.get((a, c), "") for a, c in
                                                                     zip(copy_lines, copy_lines[1:])), ""))
        x, z = owner[i - 1], owner[e]  # the paragraphs holding the body's cut end and its continuation
        kept = [k for k in run[x].lines if k not in copy_lines]
        if x != z:  # (the blocks between them lie inside the copy)
            kept += [k for k in run[z].lines if k not in copy_lines]
        joiners = []
        for a, c in zip(kept, kept[1:]):
            if (a, c) in joiner_of:
                joiners.append(joiner_of[(a, c)])
            else:
                ta, tc = page.lines[a].text, page.lines[c].text
                joiners.append(" " if _LATIN_END.search(ta) and _LATIN_START.match(tc) else "")
        body = rebuild(page, replace_block(run[x], tuple(kept), tuple(joiners)))
        copy_text = quote.text
        self.record("A010", "split", quote, rule.describe(first=page.line_no(copy_lines[0]), last=page.line_no(copy_lines[-1]),
                                                          tail=copy_text[:s][-8:], head=copy_text[s:][:8]),
                    before="", after="")
        self.record("A010", "heal", body, f"line {page.line_no(lines[i - 1])} continues at line {page.line_no(lines[e])} "
                    f"(the copy read between them cut it)", before="\n", after="")
        out = []
        for n, b in enumerate(run):
            if n == x:
                out.append(body)
                out.append(quote)
            elif n == z:
                continue
            else:
                rest = tuple(k for k in b.lines if k not in copy_lines)
                if not rest:
                    continue
                if len(rest) != len(b.lines):
                    js = tuple(joiner_of.get((a, c), "") for a, c in zip(rest, rest[1:]))
                    b = rebuild(page, replace_block(b, rest, js))
                out.append(b)
        return out


def replace_block(b: Block, lines: tuple[int, ...], joiners: tuple[str, ...]) -> Block:
    return b._replace(lines=lines, joiners=joiners)
