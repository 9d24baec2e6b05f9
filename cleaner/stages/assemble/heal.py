"""Healing: a paragraph cut by a headline, a caption or another block is joined with its
continuation, and a headline broken over two lines is made one."""

from __future__ import annotations

import bisect
import math
import re

from ...chars import CLOSERS, NO_LINE_START, ends_sentence, half_count, nows
from ...lexicon import default_char_model
from ...model import Block, replace
from .._common import one_indent_short, rebuild
from .confidence import odds
from .reunite import names_of
from .tail_sweep import DraftTails, closed_tail_cues_swept
from .text import _LATIN_END, _LATIN_START, affinity, bigrams, count_words, joined_bigrams, shared_pairs, _word_pair

#: a comma, an enumeration comma or a semicolon: a heading holds none, a paragraph's first
#: line mostly does (rejoin's clause marks leave out the enumeration comma a headline may hold)
_COMMA_MARK = re.compile("[，、；,;]")


def _pushed_down(line: str) -> bool:
    """Whether ``line`` opens with a character and then a mark no line may open with (``阅，…``):
    the character was pushed down from the line above, which ends short of its column."""
    t = line.lstrip()
    return len(t) > 1 and t[1] in NO_LINE_START


def _echo(d, pairs: frozenset) -> float:
    """How much of draft ``d``'s title's (or subtitle's) word pairs the text whose pairs are
    ``pairs`` repeats, the better of the two (0 with no headline)."""
    return max((shared_pairs(head_pairs(h.text), pairs) for h in (d.title, d.subtitle) if h is not None),
               default=0.0)


def head_pairs(text: str) -> frozenset:
    """A headline's word pairs: its character pairs that can be one word (a quote mark or a
    blank beside a character, “微 / 笑”, is in no body: it would only thin the share)."""
    return frozenset(filter(_word_pair, bigrams(text)))


def _wrapped(blocks) -> bool:
    """Whether one of ``blocks`` is a paragraph printed over several lines (text set in a column)."""
    return any(b.kind == "paragraph" and len(b.lines) > 1 for b in blocks)


class Healing:
    """The healing steps of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    # -------------------------------------------------------------- healing
    def open_start(self, z: Block, x: Block) -> tuple[float, str]:
        """How strongly ``z`` reads as the continuation of the cut paragraph ``x``: (score, cues).

        The cues' weights and thresholds are A001's ``open_cues`` (rules/assemble.toml)."""
        p = self.rules["A001"].params
        w = p["open_cues"]
        first = self.page.lines[z.first]
        t = first.text
        score, cues = 0.0, []
        if t[0] in NO_LINE_START or t[0] in CLOSERS:
            score += w["starts_with_closer"]
            cues.append(f"starts with '{t[0]}'")
        if self.has_dateline(z):
            return -9.0, "opens with a dateline"
        if first.gap_before == 0 and first.index < len(self.gaps_everywhere) and self.gaps_everywhere[first.index]:
            score += w["no_blank_under_headline"]
            cues.append("set right under the headline, without the page's blank line")
        if len(z.lines) > 1:
            nxt = self.page.lines[z.lines[1]]
            # (digits and Latin letters: their widths are guessed, as in rejoin)
            slack = self.rules["J001"].params["half_width_slack"] * half_count(t)
            if first.width + slack >= nxt.width - p["full_line_slack"] and not ends_sentence(t):
                score += w["full_first_line"]
                cues.append("its first line is full: no paragraph start")
            elif nxt.width - first.width >= p["indent_gap"]:
                score += w["indented_first_line"]
        elif ends_sentence(t):
            score += w["short_one_line_tail"] if first.width <= p["short_tail_width"] else w["one_line_tail"]
            cues.append("a one-line tail that closes the sentence")
        if z.width and x.width:
            score += w["same_column"] if abs(z.width - x.width) <= p["same_column_tolerance"] else w["other_column"]
        if x.text[-1] in "，、":
            score += w["stops_at_comma"]
            cues.append(f"the cut paragraph stops at '{x.text[-1]}': its sentence goes on")
        return score, "; ".join(cues)


    def join_split_headlines(self, units: list[Block]) -> list[Block]:
        """A headline broken over two lines (``多举措推动全国矿山安`` / ``全生产工作高质量发展``) is one.

        A title and its subtitle also stand on two adjacent short lines; what tells them apart
        is the break: a broken headline splits a word, so the two characters around the break
        are a pair the page's own text uses (安全), while a title and subtitle meet at a phrase
        boundary. A bold (doubled) line and a plain one are a title and its subtitle, never one
        headline; two bold lines are judged like two plain ones (a bold title broken over two
        lines is drawn twice line by line).
        """
        rule = self.rules["A008"]
        if not rule.enabled:
            return units
        p = rule.params
        # the words are counted in the text around the break, the paragraphs of the
        # `reach`-block stretch it falls in and of the stretches either side: the whole of a
        # usual page; on many pages run together, their own (one count over all of them cost
        # more per character than the pages' counts)
        reach = p["reach"]
        texts: dict[int, list[str]] = {}
        for n, u in enumerate(units):
            if u.kind == "paragraph":
                texts.setdefault(n // reach, []).append(nows(u.text))
        pairs_in: dict[int, set[str]] = {}
        for n in range(1, len(units)):
            a, b = units[n - 1], units[n]
            if a.kind == b.kind == "heading" and b.first == a.last + 1:
                pairs_in.setdefault(n // reach, set()).add(nows(a.text)[-2:] + nows(b.text)[:2])
        bodies: dict[int, str] = {}
        uses_in: dict[int, dict[str, int]] = {}

        def stretch(c: int) -> tuple[str, dict[str, int]]:
            """The text around stretch ``c`` and its counts of the pairs met there, counted in
            one go (and the split word with context on one side only, 3 characters)."""
            if c not in bodies:
                bodies[c] = body = "".join(t for d in (c - 1, c, c + 1) for t in texts.get(d, ()))
                pairs = pairs_in.get(c, set())
                uses_in[c] = count_words(body, pairs)
                uses_in[c].update(count_words(body, {w for pair in pairs if len(pair) == 4
                                                     for w in (pair[:3], pair[1:])}))
            return bodies[c], uses_in[c]

        def count(w: str, at: int) -> int:
            body, uses_of = stretch(at // reach)
            if w not in uses_of:  # (a merge changes a pair only after a one-character line)
                uses_of[w] = body.count(w)
            return uses_of[w]

        out: list[Block] = []
        for n, u in enumerate(units):
            prev = out[-1] if out else None
            if prev is not None and prev.kind == u.kind == "heading" and u.first == prev.last + 1 \
                    and self.doubled(prev) == self.doubled(u) \
                    and len(nows(prev.text + u.text)) <= p["max_length"]:
                a, b = nows(prev.text), nows(u.text)
                pair = a[-2:] + b[:2]  # the word the break splits, with a character of context
                uses = 0
                if len(pair) == 4 and pair.isalnum():
                    uses = count(pair, n)
                    if uses < p["min_uses"]:  # the split word with context on one side only
                        uses, pair = max((count(pair[:3], n), pair[:3]), (count(pair[1:], n), pair[1:]))
                if uses >= p["min_uses"]:
                    merged = rebuild(self.page, replace(prev, lines=prev.lines + u.lines,
                                                        joiners=prev.joiners + ("",) + u.joiners))
                    self.record("A008", "join", u, rule.describe(first=prev.text, second=u.text, pair=pair,
                                                                  uses=uses), before="\n", after="")
                    out[-1] = merged
                    continue
            out.append(u)
        return out


    def is_open(self, x: Block) -> bool:
        """A paragraph that stops mid-sentence: the start of a paragraph something cut in two."""
        return x.kind == "paragraph" and not ends_sentence(x.text) and x.text[-1] not in "：:"


    def ends_cut(self, a) -> bool:
        """Whether draft ``a``'s text was cut by a column at its end: its last paragraph stops
        mid-sentence, or stopped so until :meth:`_reclaim_glued_tail` joined it to the line of
        its rest glued to another paragraph (the rest may go on in the paragraphs after that
        line: :meth:`reclaim_closed_tails` weighs them as the tails of an open article)."""
        return bool(a.body) and (self.is_open(a.body[-1]) or a.body[-1].lines in getattr(self, "_glued_ends", ()))

    def tail_may_follow(self, y: Block) -> bool:
        """Whether a jumped tail may start right after paragraph ``y``: it closes its sentence,
        or it is what :meth:`_reclaim_glued_tail` left of a paragraph it took a glued rest from
        (cut mid-sentence by its own column; what followed it there was the rest's)."""
        return ends_sentence(y.text) or y.lines in getattr(self, "_glued_heads", ())

    def heal_across(self, units: list[Block], others: list[Block]) -> list[Block]:
        """Join a paragraph cut by a caption, credit, pull quote or furniture line with its
        continuation right after it.

        A photo and its caption sit inside a column; extraction reads the caption between two
        lines of the paragraph it interrupts. Once the caption is taken out, the two halves
        are neighbours: the first stops mid-sentence, the second goes on in the same column.
        """
        rule = self.rules["A001"]
        if not rule.enabled or not others:
            return units
        p = rule.params
        starts = sorted(b.first for b in others)
        out: list[Block] = []
        for k, z in enumerate(units):
            x = out[-1] if out else None
            if x is not None and z.kind == "paragraph" and (self.is_open(x) or self.runs_on(x, z)) \
                    and not self.has_dateline(z) \
                    and z.text[:1] not in CLOSERS and self._between(starts, x.last, z.first) \
                    and not self.other_measure(x, z, p["column_tolerance"]) \
                    and not self.opens_apart(x, z, units[k + 1:k + 1 + p["max_distance"]]):
                joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(z.text) else ""
                out[-1] = rebuild(self.page, replace(x, lines=x.lines + z.lines, joiners=x.joiners + (joiner,) + z.joiners))
                self.record("A001", "heal", z, rule.describe(line=self.page.line_no(x.last), cont=self.page.line_no(z.first),
                                                             tail=x.text[-8:], head=z.text[:8])
                            + " (a caption or credit set inside the column cut it)", before="\n", after=joiner)
                continue
            out.append(z)
        return out


    def opens_apart(self, x: Block, z: Block, later: list[Block]) -> bool:
        """Whether paragraph ``z``, read right after a caption that stands after the open
        paragraph ``x``, is a paragraph of its own rather than ``x``'s continuation: its first
        line is indented (:meth:`indented`), as a continuation's never is, and its first
        characters read on from ``x``'s last ones worse than A001's ``across_reads_below``
        (the character model's log-likelihood ratio; nothing without jieba). Asked only with
        A001's ``across_opens_apart``.

        A photo set between two articles' columns is read between the end of one column
        (``…去年宁德市牡``, cut) and the next article's first paragraph (``初冬时节，在湖南岳阳…``,
        indented, log-ratio -0.6), the cut paragraph's continuation read elsewhere; a caption
        inside a column cuts a paragraph whose two halves read on (``…非物质文化遗`` /
        ``产名录。…``). Either cue alone is weak (an indent is guessed from widths, a cut may
        fall between two words); together they part what the caption did not cut."""
        p = self.rules["A001"].params
        if not p["across_opens_apart"] or not self.indented(z, z.width):
            return False
        lm = default_char_model(p["lm_prior"])  # (built once per process: asked only at an indent)
        if lm is None:
            return False
        tail = nows(x.text)
        if lm.llr(tail, nows(z.text)) >= p["across_reads_below"]:
            return False
        # and a paragraph read later, opening without an indent or dateline, reads on from the
        # cut as one word: the continuation is there, not here
        return any(u.kind == "paragraph" and not self.has_dateline(u) and not self.indented(u, u.width)
                   and lm.llr(tail, nows(u.text)) >= p["across_elsewhere"] for u in later)

    def other_measure(self, x: Block, z: Block, tolerance: float) -> bool:
        """Whether paragraphs ``x`` and ``z`` are set to measures more than ``tolerance`` ems
        apart: as their widths guess (quotes and digits guessed), and on a PDF page also as the
        page sets them (left edge to right edge of each one's lines, in its type's ems: full-width
        quotes make a guess short)."""
        if not (z.width and x.width and abs(z.width - x.width) > tolerance):
            return False
        if self.geo is not None:
            ms = []
            for b in (x, z):
                gs = [self.geo[k] for k in b.lines]
                if len(gs) < 2 or any(g is None for g in gs):
                    break
                ms.append((max(g.x1 for g in gs) - min(g.x0 for g in gs)) / gs[0].size)
            if len(ms) == 2:
                return abs(ms[0] - ms[1]) > tolerance
        return bool(z.width and x.width and abs(z.width - x.width) > tolerance)

    def runs_on(self, x: Block, z: Block) -> bool:
        """On a PDF page, paragraph ``x`` ends with a line that fills its column and ``z`` starts
        with one that is not indented: the paragraph goes on in ``z``, though ``x`` ends a
        sentence at its column's foot (…凉了半截。” / 马永福说，…)."""
        if self.page.layout.geometry is None:
            return False
        geo = self.page.geometry()
        a, b = geo[x.last], geo[z.first]
        return x.kind == "paragraph" and a is not None and b is not None \
            and a.short is False and b.indent is False

    @staticmethod
    def _between(starts: list[int], a: int, b: int) -> bool:
        """Whether a block of ``starts`` (sorted first lines) begins between lines a and b."""
        k = bisect.bisect_right(starts, a)
        return k < len(starts) and starts[k] < b


    def heal_first_lines(self, units: list[Block]) -> list[Block]:
        """A paragraph whose first line the headline block cut off: the line stands alone
        before the headline (labelled a heading with it) and the paragraph goes on under it
        (四川进一步加强县、乡、村三级诊 / 重点人群“关口前移” / … / 疗联动，实现…). A line in plain
        type that holds a clause mark (，、；), closes no sentence and is one indent short of the
        column of the paragraph under the group (:meth:`first_line_of`), first of a group of
        headings after text that closes its sentence, is joined with that paragraph when it reads
        as a continuation (A001's open cues); the paragraph takes the line's place, before the
        headline."""
        p = self.rules["A001"].params
        need = p["min_score"] if self.page.layout.columned else p["min_score"] + p["uncolumned_extra"]
        out: list[Block] = []
        n, k = len(units), 0
        while k < n:
            u = units[k]
            end = k
            while end < n and units[end].kind in ("heading", "byline"):
                end += 1
            if end - k >= 2 and end < n and u.kind == "heading" and units[k + 1].kind == "heading" \
                    and units[end].kind == "paragraph" and not self.doubled(u) \
                    and _COMMA_MARK.search(u.text) and not ends_sentence(u.text) \
                    and (not out or out[-1].kind != "paragraph" or ends_sentence(out[-1].text)):
                z = units[end]
                x = replace(u, kind="paragraph")
                score, why = self.open_start(z, x)
                if score > need and self.first_line_of(u, z) and self.same_block(u, z):
                    merged = rebuild(self.page, replace(x, lines=x.lines + z.lines, joiners=x.joiners + ("",) + z.joiners))
                    self.record("A001", "heal", z, f"line {self.page.line_no(u.first)} ('{u.text[:10]}…'), set "
                                f"before the headline, is the first line of the paragraph under it at line "
                                f"{self.page.line_no(z.first)} ({why})", before="\n", after="")
                    out.append(merged)
                    out.extend(units[k + 1:end])
                    k = end + 1
                    continue
            if end > k:
                out.extend(units[k:end])
                k = end
            else:
                out.append(u)
                k += 1
        return out


    def first_line_of(self, line: Block, z: Block) -> bool:
        """Whether one-line block ``line`` is as wide as the first line of a paragraph in the
        column ``z`` shows (its middle lines): one indent short of it (the indent was lost),
        give or take the widths its digits and quotes are guessed at."""
        col = z.width  # (shown by a middle line: a two-line paragraph's is only a guess)
        if not col or len(line.lines) != 1:
            return False
        j = self.rules["J001"].params
        return one_indent_short(col - self.page.lines[line.first].width, line.text, j, j["full_tolerance"])


    def heal(self, units: list[Block]) -> list[Block]:
        """Join each cut paragraph with its continuation and restore the reading order.

        The continuation Z sits right under the headline group that interrupted the paragraph;
        it continues the nearest paragraph before it that stops mid-sentence (X). Z and the
        paragraphs that follow it in its column move up behind X; the headline group (and
        whatever else stood between) follows them.
        """
        rule = self.rules["A001"]
        if not rule.enabled:
            return units
        p = rule.params
        units = self.heal_first_lines(units)
        lead_repeat = self.rules["A003"].params["lead_repeat"]  # a title the paragraph under it repeats
        j = 1
        while j < len(units):
            z = units[j]
            if z.kind != "paragraph" or units[j - 1].kind not in ("heading", "byline"):
                j += 1
                continue
            i = next((k for k in range(j - 2, max(-1, j - 2 - p["max_distance"]), -1)
                      if self.is_open(units[k])), None)
            if i is None:
                j += 1
                continue
            x = units[i]
            score, why = self.open_start(z, x)
            # a page of long lines (a paragraph per line) has no columns: a cut needs more evidence
            need = p["min_score"] if self.page.layout.columned else p["min_score"] + p["uncolumned_extra"]
            need += p["distance_cost"] * sum(1 for u in units[i + 1:j] if u.kind == "paragraph")
            if score <= need < score + p["reads_on"] * p["reads_on_clip"]:  # (asked only where it may decide)
                gain, said = self.reads_on(x, z)
                score += gain
                why = "; ".join(filter(None, (why, said)))
            if score <= need < score + p["split_word"]:  # (counted only where it decides)
                # in the text around the cut (the whole of a usual page): counting in the
                # whole text of a page of many pages run together, once per cut, was quadratic
                lo, hi = max(0, i - p["split_word_reach"]), j + p["split_word_reach"]
                body = "\n".join(nows(u.text) for u in units[lo:hi] if u.kind == "paragraph")
                pair = nows(x.text)[-1:] + z.text[:1]
                if _word_pair(pair) and body.count(pair) >= p["split_word_min_uses"]:
                    score += p["split_word"]
                    why = "; ".join(filter(None, (why, f"the cut splits '{pair}', a word the page uses")))
            if score <= need or (z.width and x.width and abs(z.width - x.width) > p["column_tolerance"]):
                j += 1
                continue
            joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(z.text) else ""
            merged = rebuild(self.page, replace(x, lines=x.lines + z.lines, joiners=x.joiners + (joiner,) + z.joiners))
            self.record("A001", "heal", z, rule.describe(line=self.page.line_no(x.last), cont=self.page.line_no(z.first), tail=x.text[-8:],
                                                         head=z.text[:8]) + f" ({why})",
                        before="\n", after=joiner)
            # the paragraphs that follow Z in its column come along (a column is known by its
            # width), and so do the sections after them in that column: a subhead (a lone
            # heading the paragraph under it does not repeat, as it would its title) and its
            # paragraphs
            moved = any(u.kind == "paragraph" for u in units[i + 1:j])
            col = z.width or x.width
            if not col and moved:  # two-line blocks show no middle line: the continuation's
                # first line, or the cut paragraph's last, is a full line of the column
                col = self.page.lines[z.first].width if len(z.lines) > 1 \
                    else self.page.lines[x.last].width if len(x.lines) > 1 else 0.0

            def same_column(u: Block) -> bool:
                if u.kind != "paragraph" or self.has_dateline(u):
                    return False
                w = self.column_of(u)  # a two-line paragraph shows it through its first line
                return not w or abs(w - col) <= p["column_tolerance"]

            end = j + 1
            while col and end < len(units):
                if same_column(units[end]):
                    end += 1
                elif units[end].kind == "heading" and end + 1 < len(units) and same_column(units[end + 1]) \
                        and units[end + 1].width and units[end - 1].kind == "paragraph" \
                        and affinity(units[end].text, units[end + 1].text) < lead_repeat:
                    end += 2
                elif moved and units[end].kind == "heading" and units[end - 1].kind == "paragraph" \
                        and (end + 1 == len(units) or units[end + 1].kind != "paragraph"):
                    end += 1  # a lone heading closing the last section: a subhead set after its section
                    break
                else:
                    break
            run = units[j + 1:end]
            self.record("A001", "move", z, f"text from line {self.page.line_no(z.first)} on continues line {self.page.line_no(x.last)}: "
                        f"it and {len(run)} following paragraph(s) move before the "
                        + ("blocks" if moved else "headline") + " that interrupted it")
            # the interrupting headline is the article's own: it now follows the article's text
            units[i:end] = [merged, *run, *units[i + 1:j]]  # (in place: a new list per heal was quadratic)
            j = i + 1 + len(run) + (j - i)
        for x in units:
            if self.is_open(x):
                self.record("A001", "flag", x, f"paragraph at line {self.page.line_no(x.first)} ends mid-sentence and no "
                            "continuation was found", safety="review")
        return units

    def reads_on(self, x: Block, z: Block) -> tuple[float, str]:
        """How strongly the first characters of ``z`` read on from the last ones of the cut
        paragraph ``x`` as one word, and why: A001's ``reads_on`` times the log-likelihood ratio
        of the dictionary's character model (``lm_prior`` counts of smoothing, as for the cut
        tails), within 0 and ``reads_on_clip`` (nothing without jieba).

        A column cut falls where a line ends, as often inside a word as between two: the two
        halves of ``…是一个长`` / ``期过程，…`` join into a word (长期), while the next article's
        opening (``凌晨4点，…``) does not read on from it. Only the evidence for a join counts: a
        cut between two words reads on no better than a paragraph start does."""
        p = self.rules["A001"].params
        lm = default_char_model(p["lm_prior"])  # (built once per process)
        if lm is None:
            return 0.0, ""
        a, b = nows(x.text), nows(z.text)
        v = max(0.0, min(p["reads_on_clip"], lm.llr(a, b)))
        if not v:
            return 0.0, ""
        return p["reads_on"] * v, f"'{a[-2:]}' reads on into '{b[:2]}' as a word (log-ratio {v:.1f})"

    def column_stops(self, x: Block, z: Block, col: float) -> bool:
        """Whether paragraph ``z`` is set in another column than the cut paragraph ``x``'s
        (``col``; more than A001's ``column_tolerance`` apart) and so is not its rest, unless
        the two read on as one word: the character model's log-likelihood ratio of ``x``'s last
        characters and ``z``'s first at least A001's ``column_reads_on`` (0: never). A page can
        carry an article's rest on in a column of another width (…滚 / 装船…)."""
        p = self.rules["A001"].params
        if not (z.width and col and abs(z.width - col) > p["column_tolerance"]):
            return False
        return not self._reads_as_word(x, z, p["column_reads_on"])

    def _reads_as_word(self, x: Block, z: Block, bar: float) -> bool:
        """Whether the last characters of ``x`` and the first of ``z`` read on as one word, by
        the dictionary's character model (its log-likelihood ratio at least ``bar``; never
        where ``bar`` is 0 or there is no model)."""
        if bar <= 0:
            return False
        lm = default_char_model(self.rules["A001"].params["lm_prior"])
        return lm is not None and lm.llr(nows(x.text), nows(z.text)) >= bar

    def indent_stops(self, x: Block, z: Block, col: float) -> bool:
        """Whether paragraph ``z`` opens indented (:meth:`indented`, with A001's ``indent_whole``)
        and so is no continuation of the cut paragraph ``x`` (its column ``col``), unless the
        two read on as one word: the dictionary's character model's log-likelihood ratio of
        ``x``'s last characters and ``z``'s first at least A001's ``indent_reads_on`` (0: never).
        A line's width is a guess where it holds digits or Latin letters (``…中`` / ``心等场所安
        装AED3…``), and a typesetter may end a line early; a word cut in two (中心, 各项, 工作)
        is seen in the text itself."""
        p = self.rules["A001"].params
        if not self.indented(z, z.width or col, p["indent_whole"]):
            return False
        return not self._reads_as_word(x, z, p["indent_reads_on"])

    def indented(self, z: Block, col: float, whole: bool = False) -> bool:
        """Whether paragraph ``z`` opens with an indented first line in a column ``col`` ems
        wide (0: unknown): more than A001's ``full_line_slack`` ems short of the column (of its
        second line where the column is unknown), the widths guessed for digits and Latin
        letters allowed for, as in :meth:`open_start`. A one-line block is indented when it is
        one indent short of the column (a short last line of text shows nothing)."""
        first = self.page.lines[z.first]
        if len(z.lines) == 1:
            j = self.rules["J001"].params
            return bool(col) and one_indent_short(col - first.width, first.text, j, j["full_tolerance"])
        col = col or self.page.lines[z.lines[1]].width
        j = self.rules["J001"].params
        slack = j["half_width_slack"] * half_count(first.text)
        if whole and col - first.width + slack < j["indent_min"] and _pushed_down(self.page.lines[z.lines[1]].text):
            # (short by less than an indent, the next line opening with a character and a mark
            # no line opens with: the typesetter ended the line a character early so that the
            # mark does not open the next one; not an indent)
            return False
        return first.width + slack < col - self.rules["A001"].params["full_line_slack"]

    def reclaim_tails(self, drafts: list) -> list:
        """An article that stops mid-sentence takes back its end, read as the tail of the next one.

        Extraction can read an article's first column, then the whole block of the next article
        (headline and text), and only then the rest of the first (``…全方位改造`` / [the next
        article] / ``升级。…``). Under no headline of its own, that rest goes on the next article,
        after its last paragraph; the first article is left ending mid-sentence. A reader sees
        the cut: one article stops without closing its sentence, and in the next one, after a
        paragraph that closes its sentence, a paragraph starts without an indent and talks about
        the first article's things rather than the second's. So, for a draft whose last
        paragraph is open (X), each paragraph Z of the ``tail_reach`` drafts after it that
        follows a paragraph closing its sentence or a subhead (one set after its section closes
        that section), opens with no indent and no dateline and is
        set in X's column (within ``column_tolerance``) is weighed: the share of word pairs the
        text from Z on shares with X's article less the share it shares with the text before Z
        in its own, plus ``tail_join`` times how well Z's first characters read on from X's
        last ones (the log-likelihood ratio of the dictionary's character model, within
        ``tail_join_clip``: ``…社区党`` / ``委书记…`` reads as one word, ``…球队在落`` / ``此后两局…``
        as none; nothing without jieba). The best Z above ``tail_margin`` goes, with what
        follows it in its draft, to the end of X's article, Z joined to X as one paragraph."""
        rule = self.rules["A001"]
        if not rule.enabled or len(drafts) < 2:
            return drafts
        p = rule.params
        clip = p["tail_join_clip"]
        lm = None  # (built on first use, once per process: about 2 s)
        for i, a in enumerate(drafts):
            if not a.body or not self.is_open(a.body[-1]):
                continue
            x = a.body[-1]
            # the cut paragraph's column, as it or the nearest paragraph of its article shows it
            col = next((b.width for b in reversed(a.paragraphs) if b.width), 0.0)
            own = joined_bigrams(tuple(b.text for b in a.paragraphs))
            best = None
            for e in drafts[i + 1:i + 1 + p["tail_reach"]]:
                for m in range(1, len(e.body)):
                    y, z = e.body[m - 1], e.body[m]
                    # (a subhead closes a section as a full stop closes a sentence: set after
                    # its section, it can stand right before the tail)
                    if z.kind != "paragraph" or not (y.kind == "subhead" or
                                                     (y.kind == "paragraph" and ends_sentence(y.text))) \
                            or self.has_dateline(z) or self.indent_stops(x, z, col) \
                            or self.column_stops(x, z, col):
                        continue
                    tail = joined_bigrams(tuple(b.text for b in e.body[m:] if b.kind == "paragraph"))
                    head = joined_bigrams(tuple(b.text for b in e.body[:m] if b.kind == "paragraph"))
                    gain = shared_pairs(tail, own) - shared_pairs(tail, head)
                    if p["tail_join"] and (gain > p["tail_margin"] or 2 * m >= len(e.body)):
                        # (where the join decides, the tail must follow the next article's text,
                        # not lead it: text read right under that article's headline and before
                        # most of its own is heal's to place)
                        lm = lm or default_char_model(p["lm_prior"])
                        if lm is not None:
                            gain += p["tail_join"] * max(-clip, min(clip, lm.llr(nows(x.text), nows(z.text))))
                    if gain > p["tail_margin"]:
                        if best is None or gain > best[0]:
                            best = (gain, e, m, None)
                    elif p["tail_run_reads_on"] > 0:
                        got = self._cut_run(x, e, m, own, p)
                        if got is not None and (best is None or got[0] > best[0]):
                            best = (got[0], e, m, got[1])
            if best is None and p["tail_prefix"] > 0:
                lm = lm or default_char_model(p["lm_prior"])
                got = [t for t in (self._prefix_tail(x, col, own, e, lm, p)
                                   for e in drafts[i + 1:i + 1 + p["tail_closed_reach"]]) if t is not None]
                best = (*max(got, key=lambda t: t[0]), None) if got else None
            if best is None:
                if p["glued_seam"] > 0:
                    self._reclaim_glued_tail(a, drafts[i + 1:i + 1 + p["tail_reach"]], p)
                continue
            gain, e, m, end = best
            z = e.body[m]
            run = e.body[m + 1:end] if end is not None else (e.body[m + 1:] if m else self._prefix_run(own, e, p))
            joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(z.text) else ""
            merged = rebuild(self.page, replace(x, lines=x.lines + z.lines, joiners=x.joiners + (joiner,) + z.joiners))
            span = self.span(x)
            self.changes = [c for c in self.changes
                            if not (c.rule == "A001" and c.action == "flag" and c.span == span)]
            self.record("A001", "heal", z, rule.describe(line=self.page.line_no(x.last), cont=self.page.line_no(z.first),
                                                         tail=x.text[-8:], head=z.text[:8])
                        + f" (the article stops mid-sentence; the text from line {self.page.line_no(z.first)} "
                        f"on, read after the next article's block, reads on from it and shares its words "
                        f"(score {gain:.2f}) more than the text before it there)", before="\n", after=joiner)
            if run:
                upto = "" if end is None else (f", up to the {e.body[end].kind} at line "
                                               f"{self.page.line_no(e.body[end].first)} (that text shares its words)")
                self.record("A001", "move", z, f"text from line {self.page.line_no(z.first)} on and {len(run)} "
                            f"following block(s) move from the article after to the end of the article at line "
                            f"{self.page.line_no(a.body[0].first)}{upto}")
            a.body[-1:] = [merged, *run]
            del e.body[m:m + 1 + len(run)]
        return drafts

    def _cut_run(self, x: Block, e, m: int, own: frozenset, p: dict) -> tuple[float, int] | None:
        """Where the rest of the cut paragraph ``x`` that opens at block ``m`` of draft ``e``
        (its article's word pairs ``own``) ends, when the text from there to ``e``'s end is not
        all of it: ``(score, n)``, the rest being ``e.body[m:n]``, or None.

        :meth:`reclaim_tails` weighs the text from a candidate rest to the end of its draft: right
        where the cut article's rest was read last in its column, wrong where the next article's
        own text goes on after it (its lead read before its headline, the headline then taken
        for a subhead: ``…政务服务中`` / ``心等场所安装AED…`` … ``一所县中的“突围”`` …), and the
        share of words of the whole run is then the next article's. A reader sees the cut word
        (中心) and where the borrowed text stops: a subhead, or a paragraph opening with a
        dateline, heads what follows. So where ``x``'s last characters and the candidate's
        first read on as one word (the dictionary's character model's log-likelihood ratio at
        least A001's ``tail_run_reads_on``; 0: off), each run from the candidate to a block
        before such a heading is weighed by the share of word pairs it shares with ``x``'s
        article less the share it shares with the rest of ``e`` (before and after it); the
        best above ``tail_margin`` is the rest. (Only asked where the whole run failed: rare.)"""
        lm = default_char_model(p["lm_prior"])
        body = e.body
        if lm is None or lm.llr(nows(x.text), nows(body[m].text)) < p["tail_run_reads_on"]:
            return None
        best = None
        for n in range(m + 1, len(body)):
            if not (body[n].kind == "subhead" or self.has_dateline(body[n])):
                continue
            run = joined_bigrams(tuple(b.text for b in body[m:n] if b.kind == "paragraph"))
            rest = joined_bigrams(tuple(b.text for b in body[:m] + body[n:] if b.kind == "paragraph"))
            score = shared_pairs(run, own) - shared_pairs(run, rest)
            if score > p["tail_margin"] and (best is None or score > best[0]):
                best = (score, n)
        return best

    def _prefix_tail(self, x: Block, col: float, own: frozenset, e, lm, p: dict):
        """The first paragraph of draft ``e`` (one of the A001 ``tail_closed_reach`` drafts after
        the article whose last paragraph is the open ``x``; that article's word pairs ``own``,
        its column ``col``) as the rest of ``x``: ``(score, e, 0)``, or None.

        A segment can open at the rest of another article's cut paragraph: the rest read after
        a whole article's block, before the text of an article whose headline is set after it
        (…攀岩 / [another article] / ``内青少年…`` … [its headline]), comes first in that
        article's text, where :meth:`reclaim_tails`, which weighs only text after a closed
        sentence of an article, does not look. A reader sees the cut word: ``x``'s last
        characters and the paragraph's first read on as one (``…相关负责人表示，国`` /
        ``内青少年…``). So the paragraph goes back when it opens with no indent and no dateline,
        in ``x``'s column, ``e`` keeps another paragraph, and how well the dictionary's
        character model reads it on from ``x`` (its log-likelihood ratio, within
        ``tail_join_clip``) plus its share of word pairs with ``x``'s article less its share
        with the rest of ``e`` passes A001's ``tail_prefix`` (0: off). Only where no later tail
        was found (the rest heads ``e`` only when nothing after a closed sentence there reads
        on from ``x``)."""
        if lm is None or len(e.paragraphs) < 2:
            return None
        z = e.body[0]
        if z.kind != "paragraph" or self.has_dateline(z) or self.indent_stops(x, z, col) \
                or self.column_stops(x, z, col):
            return None
        clip = p["tail_join_clip"]
        reads = max(-clip, min(clip, lm.llr(nows(x.text), nows(z.text))))
        rest = joined_bigrams(tuple(b.text for b in e.body[1:] if b.kind == "paragraph"))
        zb = joined_bigrams((z.text,))
        score = reads + shared_pairs(zb, own) - shared_pairs(zb, rest)
        return (score, e, 0) if score > p["tail_prefix"] else None

    def _prefix_run(self, own: frozenset, e, p: dict) -> list:
        """The paragraphs after the rest :meth:`_prefix_tail` found at the head of draft ``e``
        that go back with it (the article whose word pairs are ``own``): the run of them, each
        with no dateline, whose share of word pairs with that article (the rest and the run
        before it counted in) less its share with the text of ``e`` after it passes A001's
        ``tail_prefix_run`` (1.0: none), ``e`` keeping a paragraph. The cut column's rest goes
        on past its first paragraph as often as not (a rest under the next article's headline
        is a column's foot, not a line); the seam vouches for the first, the words for the
        others."""
        margin = p["tail_prefix_run"]
        if margin >= 1.0:
            return []
        body = e.body
        taken = own | joined_bigrams((body[0].text,))
        run = []
        for j in range(1, len(body) - 1):
            b = body[j]
            if b.kind != "paragraph" or self.has_dateline(b) or not any(c.kind == "paragraph" for c in body[j + 1:]):
                break
            mine = joined_bigrams((b.text,))
            rest = joined_bigrams(tuple(c.text for c in body[j + 1:] if c.kind == "paragraph"))
            if shared_pairs(mine, taken) - shared_pairs(mine, rest) <= margin:
                break
            run.append(b)
            taken = taken | mine
        return run

    def _reclaim_glued_tail(self, a, later: list, p: dict) -> bool:
        """The end of article ``a`` (its last paragraph X stops mid-sentence), read after the
        next article's block and glued to a paragraph of it: take it back from where it starts.

        A column cut mid-sentence can be followed, in the extraction's reading order, by the
        next article's column cut mid-sentence too, and then by the first article's rest: the
        two cut sentences' halves look like one paragraph's lines, and the line-joining stage
        glues the rest (``票”；还有的地方…``) to the other article's cut paragraph (``…观众``),
        where :meth:`reclaim_tails`, which weighs whole paragraphs, cannot reach it. A reader
        sees the seam by the words cut in two: X's last characters and that line's first make a
        word (``空头支`` / ``票``), the line before it and that line do not (``观众`` / ``票``).
        So, in the paragraphs of the drafts in ``later``, the line whose first characters the
        dictionary's character model reads on from X's last ones better than from the line
        before it by more than A001's ``glued_seam`` (a log-likelihood ratio; and read on from X
        by that much at least) starts X's rest: it and the paragraph's lines after it are
        joined to X. Nothing without jieba (the model), and nothing on a page not set in
        columns (text a paragraph a line is cut by no column). Returns whether a rest moved."""
        if not self.page.layout.columned:
            return False
        lm = default_char_model(p["lm_prior"])
        if lm is None:
            return False
        x = a.body[-1]
        seam, lines = p["glued_seam"], self.page.lines
        end = nows(x.text)
        best = None
        for e in later:
            for m, z in enumerate(e.body):
                if z.kind != "paragraph" or len(z.lines) < 2:
                    continue
                heads = [nows(lines[k].text) for k in z.lines]
                for t in range(1, len(heads)):
                    on = lm.llr(end, heads[t])
                    if on <= seam:
                        continue
                    score = on - lm.llr(heads[t - 1], heads[t])
                    if score > seam and (best is None or score > best[0]):
                        best = (score, e, m, t)
        if best is None:
            return False
        score, e, m, t = best
        z = e.body[m]
        rest = replace(z, lines=z.lines[t:], joiners=z.joiners[t:])
        joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(self.page.lines[rest.first].text) else ""
        merged = rebuild(self.page, replace(x, lines=x.lines + rest.lines, joiners=x.joiners + (joiner,) + rest.joiners))
        span = self.span(x)
        self.changes = [c for c in self.changes
                        if not (c.rule == "A001" and c.action == "flag" and c.span == span)]
        self.record("A001", "heal", rest, self.rules["A001"].describe(
            line=self.page.line_no(x.last), cont=self.page.line_no(rest.first), tail=self.page.lines[x.last].text,
            head=self.page.lines[rest.first].text)
            + f" (the article stops mid-sentence; its rest was read after the next article's block and "
            f"glued to the paragraph at line {self.page.line_no(z.first)}: the cut word reads on across the "
            f"seam, log-ratio {score:.2f} over the line before it)", before=z.joiners[t - 1], after=joiner)
        a.body[-1] = merged
        head = rebuild(self.page, replace(z, lines=z.lines[:t], joiners=z.joiners[:t - 1]))
        if not hasattr(self, "_glued_ends"):  # (what this page's assembler healed so: most pages none)
            self._glued_ends, self._glued_heads = set(), set()
        self._glued_ends.add(merged.lines)
        self._glued_heads.add(head.lines)
        e.body[m] = head
        return True

    def reclaim_closed_tails(self, drafts: list) -> list:
        """An article whose text was cut between two paragraphs takes back its end, read as the
        last paragraphs of the next one.

        :meth:`reclaim_tails` sees a cut where the first article stops mid-sentence; a column
        can as well end on a full paragraph, and the rest of the article, read after the next
        article's block, then opens a paragraph of its own: nothing at the seam tells it, only
        what the text talks about. So, for a draft whose last paragraph closes its sentence
        (X's article), each paragraph Z of the ``tail_reach`` drafts after it that follows a
        paragraph closing its sentence (or a subhead), in the draft's second half, opens with
        no dateline and is set in X's column is weighed by the share of word pairs the text
        from Z on shares with X's article less the share it shares with the text before Z in
        its own; the best Z above ``tail_closed_margin`` goes, with what follows it, to the
        end of X's article (a higher bar than ``tail_margin``: no cut sentence vouches for it).
        With ``tail_closed_open``, so does an article that stops mid-sentence and whose end
        :meth:`reclaim_tails` did not find (its continuation opened as a paragraph would, or
        was joined to the next article's text before it), the tail moved as it stands.
        Only on a page set in columns, and where both X's article and the tail hold a paragraph
        printed over several lines: text already in reading order, a paragraph a line (as
        cleaned text is), was cut by no column (A009's reuniting asks the same).

        With ``tail_closed_weights`` (issue #14), the gates after the seam's (a closed sentence
        or a subhead before Z, no dateline, a paragraph over several lines in the tail) are
        weighed together instead, as the log-odds of a logistic model over the cues
        :meth:`closed_tail_cues` measures, and the best tail of the ``tail_closed_reach``
        drafts after X whose log-odds pass ``tail_closed_threshold`` goes: the share of words
        alone, the names alone or the column alone each tell a jumped tail from the next
        article's own text too seldom, together often (a tail may start anywhere in the draft,
        under a subhead, in an untitled draft, or two drafts on)."""
        rule = self.rules["A001"]
        p = rule.params
        if not rule.enabled or len(drafts) < 2 or p["tail_closed_margin"] >= 1.0 \
                or not self.page.layout.columned:
            return drafts
        weights = p["tail_closed_weights"]
        measured: dict = {}  # a draft's tails as DraftTails measures them, by its blocks
        for i, a in enumerate(drafts):
            if not a.body or a.body[-1].kind != "paragraph" \
                    or (self.ends_cut(a) and not p["tail_closed_open"]) \
                    or (p["tail_closed_titled"] and a.title is None) or not _wrapped(a.paragraphs):
                continue
            col = next((b.width for b in reversed(a.paragraphs) if b.width), 0.0)
            own = joined_bigrams(tuple(b.text for b in a.paragraphs))
            own_names = None  # (made when a tail first shares enough words: most drafts have none)
            best = None
            if weights:
                names: list = []  # (X's names, made at its first tail: most drafts have none)

                def own_names_once() -> set:
                    if not names:
                        names.append(names_of(b.text for b in a.paragraphs))
                    return names[0]
                # (all of a draft's tails in one pass: closed_tail_cues per tail costs the square
                # of the draft's length; the same cues, tests/test_stage_assemble_tail_sweep.py)
                for d, e in enumerate(drafts[i + 1:i + 1 + p["tail_closed_reach"]], 1):
                    key = (id(e), tuple(map(id, e.body)), id(e.title), id(e.subtitle))
                    if key not in measured:  # (a draft is weighed by each of the articles before it)
                        measured[key] = DraftTails(self, e)
                        if len(measured) > p["tail_closed_reach"]:  # (drafts come in order)
                            del measured[next(iter(measured))]
                    for m, cues in closed_tail_cues_swept(self, a, e, d, col, own, own_names_once, measured[key]):
                        score = odds(weights, cues)
                        if score > p["tail_closed_threshold"] and (best is None or score > best[0]):
                            best = (score, e, m)
            for e in drafts[i + 1:i + 1 + p["tail_reach"]] if not weights else ():
                if e.title is None:  # (a headless part is reunite's to join, A009)
                    continue
                for m in range(max(1, (len(e.body) + 1) // 2), len(e.body)):
                    y, z = e.body[m - 1], e.body[m]
                    if z.kind != "paragraph" or not (y.kind == "subhead" or
                                                     (y.kind == "paragraph" and ends_sentence(y.text))) \
                            or self.has_dateline(z) or not _wrapped(e.body[m:]) \
                            or (z.width and col and abs(z.width - col) > p["column_tolerance"]):
                        continue
                    tail = joined_bigrams(tuple(b.text for b in e.body[m:] if b.kind == "paragraph"))
                    head = joined_bigrams(tuple(b.text for b in e.body[:m] if b.kind == "paragraph"))
                    gain = shared_pairs(tail, own) - shared_pairs(tail, head)
                    if gain <= p["tail_closed_margin"] or (best is not None and gain <= best[0]):
                        continue
                    # the names (runs of three Han characters) the tail shares with X's article
                    # and not with the text and headline before it in its own, and the reverse
                    if own_names is None:
                        own_names = names_of([b.text for b in a.paragraphs])
                    names = names_of([b.text for b in e.body[m:] if b.kind == "paragraph"])
                    theirs = names_of([b.text for b in e.body[:m] if b.kind == "paragraph"]
                                    + [h.text for h in (e.title, e.subtitle) if h is not None])
                    ours, against = len((names & own_names) - theirs), len((names & theirs) - own_names)
                    if ours - against >= p["tail_closed_names"] and against <= p["tail_closed_against"]:
                        best = (gain, e, m)
            if best is None:
                continue
            gain, e, m = best
            run = e.body[m:]
            self.record("A001", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                        f"({len(run)} block(s)), read after the article at line "
                        f"{self.page.line_no(e.body[0].first)}, is the end of the article at line "
                        f"{self.page.line_no(a.body[0].first)}: "
                        + (f"its words, names and column are that one's (log-odds {gain:.2f})" if weights else
                           f"it shares that one's words (score {gain:.2f}) more than the text before it"))
            a.body.extend(run)
            del e.body[m:]
        return drafts

    def closed_tail_candidates(self, drafts: list, i: int):
        """The tails :meth:`reclaim_closed_tails` weighs for draft ``i`` with its weights, as
        ``(d, e, m)``: draft ``e``, ``d`` drafts after it (at most A001's ``tail_closed_reach``),
        from its block ``m`` on, where block ``m - 1`` is a paragraph closing its sentence (or left
        cut by a glued rest: :meth:`tail_may_follow`), block
        ``m`` is a paragraph with no dateline or a subhead, and the tail holds a paragraph printed
        over several lines. (Subheads stand before their sections by now: one right before a
        tail heads it, and goes with it, or stays behind as the last block of its host.)"""
        reach = self.rules["A001"].params["tail_closed_reach"]
        for d, e in enumerate(drafts[i + 1:i + 1 + reach], 1):
            for m in range(1, len(e.body)):
                y, z = e.body[m - 1], e.body[m]
                if y.kind == "paragraph" and self.tail_may_follow(y) \
                        and (z.kind == "subhead" or (z.kind == "paragraph" and not self.has_dateline(z))) \
                        and _wrapped(e.body[m:]):
                    yield d, e, m

    def closed_tail_cues(self, a, e, m: int, d: int, col: float, own: frozenset, own_names: set) -> dict[str, float]:
        """What tells the text of draft ``e`` from its block ``m`` on (the tail) to be the end of
        the article ``a`` (``d`` drafts before it, its text's word pairs ``own`` and names
        ``own_names``, its column ``col``), each a cue of A001's ``tail_closed_weights``:
        the share of word pairs the tail shares with ``a`` less the share it shares with the
        text before it in ``e`` (``gain``, within ``tail_closed_clip``); how many names (runs of
        three Han characters) it shares with ``a`` and not with that text and ``e``'s headline
        (``ours``), and the reverse (``against``), each as log(1 + n); its paragraphs set in
        ``a``'s column (within ``column_tolerance``: ``column``) and apart from the text before
        it (more than A002's ``column_change``: ``column_apart``); where it starts (in ``e``'s
        second half: ``half``; at what share of ``e``'s blocks: ``position``); ``e`` the second
        draft after ``a`` (``second``); ``a`` stopping mid-sentence, or healed from a glued
        line (:meth:`ends_cut`: ``open``); the tail opening
        with a subhead (``subhead``); ``e`` with no title (``untitled``); how much more of
        ``a``'s headline than of ``e``'s the tail repeats (``echo_over``: the share of the
        title's, or subtitle's, word pairs found in the tail, the better of the two, ``a``'s less
        ``e``'s). A title sums up its whole article, not only its lead: its words come back in
        the jumped tail (…AED… under 城区公共场所配齐AED) and not in the next article's own text."""
        p = self.rules["A001"].params
        lo, hi = p["tail_closed_clip"]
        tail_blocks, head_blocks = e.body[m:], e.body[:m]
        tail = joined_bigrams(tuple(b.text for b in tail_blocks if b.kind == "paragraph"))
        head = joined_bigrams(tuple(b.text for b in head_blocks if b.kind == "paragraph"))
        gain = shared_pairs(tail, own) - shared_pairs(tail, head)
        names = names_of([b.text for b in tail_blocks if b.kind == "paragraph"])
        theirs = names_of([b.text for b in head_blocks if b.kind == "paragraph"]
                        + [h.text for h in (e.title, e.subtitle) if h is not None])
        tcol, hcol = self._column(tail_blocks), self._column(head_blocks)
        n = len(e.body)
        return {
            "gain": max(lo, min(hi, gain)),
            "ours": math.log1p(len((names & own_names) - theirs)),
            "against": math.log1p(len((names & theirs) - own_names)),
            "column": 1.0 if tcol and col and abs(tcol - col) <= p["column_tolerance"] else 0.0,
            "column_apart": 1.0 if tcol and hcol and abs(tcol - hcol) > self.rules["A002"].params["column_change"] else 0.0,
            "half": 1.0 if m >= (n + 1) // 2 else 0.0,
            "second": 1.0 if d == 2 else 0.0,
            "open": 1.0 if self.ends_cut(a) else 0.0,
            "subhead": 1.0 if e.body[m].kind == "subhead" else 0.0,
            "position": m / n,
            "untitled": 1.0 if e.title is None else 0.0,
            "echo_over": _echo(a, tail) - _echo(e, tail),
        }
