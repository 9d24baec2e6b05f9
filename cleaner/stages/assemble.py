"""Stage 7, assemble: turn labelled blocks in extraction order into articles in reading order.

Extraction reads a page in the order its text objects were drawn, not as a reader reads it:

* headlines usually come *after* their article's body (sometimes before it, sometimes in
  the middle of one of its paragraphs, which they cut in two);
* an article's text can be read out of column order: ``X Y [byline] title Z`` where X ends
  mid-sentence and Z, right under the title, continues it (``…全方位改造`` … ``升级。``);
* subheads sit either before or after the section they head, the same way throughout one
  article (an article whose body ends with a subhead puts them after);
* a run of short lines can hold the trailing headline of one article and the leading
  headline and subtitle of the next;
* pull quotes and captions sit anywhere near (or far from) their article.

This stage heals cut paragraphs, segments the page into articles at datelines, headlines
and column-width changes, gives each article one title (a headline attaches to the article
before it unless that one already has a title), puts subheads before their sections, and
attaches pull quotes (by the paragraph they repeat) and captions (by their neighbours and
shared words). Every move, heal, attachment and uncertain decision is a change record.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field

from ..chars import CLOSERS, HAN_RE, NO_LINE_START, ends_sentence, half_count, nows
from ..model import Article, Block, Change, Page, replace
from ..rules import search
from ._common import rebuild

STAGE = "assemble"


#: a subtitle led in by a dash (——访…, ——记…): never a title, a kicker or a subhead
_DASH = re.compile(r"^\s*(?:—|－－|--|―)")
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def page_gap(page: Page, b: Block) -> bool:
    """A blank line before ``b`` on a page that uses blank lines only between articles."""
    gi = page.meta.get("gaps_informative", ())
    return page.lines[b.first].gap_before > 0 and b.first < len(gi) and gi[b.first]


#: Up to this many words, :func:`count_words` scans the text once per word (``str.count``
#: runs at ~2 GB/s here, a Python pass at ~6 MB/s: the crossover is a few hundred words).
COUNT_SCANS = 256


def count_words(text: str, words: set[str]) -> dict[str, int]:
    """``{w: text.count(w)}`` for words of one length, linear in ``len(text)`` however many.

    A few words are counted by ``str.count`` (a fast C scan each); many are counted in one
    pass over the text, with ``str.count``'s rule: occurrences of a word do not overlap.
    """
    if len(words) <= COUNT_SCANS or len({len(w) for w in words}) != 1:
        return {w: text.count(w) for w in words}
    n = len(next(iter(words)))
    counts = dict.fromkeys(words, 0)
    free = dict.fromkeys(words, 0)  # where a word's next occurrence may start
    for i in range(len(text) - n + 1):
        w = text[i:i + n]
        if w in free and i >= free[w]:
            counts[w] += 1
            free[w] = i + n
    return counts


@functools.lru_cache(maxsize=4096)
def bigrams(t: str) -> frozenset[str]:
    t = nows(t)
    return frozenset(t[i:i + 2] for i in range(len(t) - 1))


def _word_pair(pair: str) -> bool:
    """Two characters that can be one word: both Han, or both ASCII letters or digits."""
    return len(pair) == 2 and (bool(HAN_RE.fullmatch(pair[0]) and HAN_RE.fullmatch(pair[1]))
                               or (pair.isascii() and pair.isalnum()))


def affinity(a: str, b: str) -> float:
    """Share of the rarer side's character bigrams the two texts have in common."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


@dataclass
class Draft:
    """An article being put together."""

    body: list = field(default_factory=list)       # paragraph and subhead blocks
    title: Block | None = None
    subtitle: Block | None = None
    kicker: Block | None = None
    byline: Block | None = None
    title_before: bool = False
    flags: list = field(default_factory=list)
    width: float = 0.0
    margin: float = float("inf")  # the decoder's closest call among the decisions that made it

    @property
    def paragraphs(self):
        return [b for b in self.body if b.kind == "paragraph"]


class Assembler:
    def __init__(self, page: Page):
        self.page = page
        self.rules = page.rules
        self.changes: list[Change] = []
        self.datelines: dict = page.meta.get("datelines", {})
        self.dedoubled = set(page.meta.get("dedoubled", ()))
        self.gaps_everywhere = page.meta.get("gaps_everywhere", ())
        self._bodies: list[str] | None = None
        self._owner_lines: list[int] = []  # the lines some article owns, sorted (set by run)
        self._across: dict[tuple[str, ...], float] = {}
        self.orphans: list[Block] = []  # blocks no article could take: they go to dropped
        self.trace: list | None = None  # set to [] to collect the chosen reading (debugging)
        # while build() replays the decoder's choices: the margin of the decision at hand and
        # the article it shapes (a decision is 'review' only when it was a close call)
        self.margin_now: float | None = None
        self.draft_now: Draft | None = None

    # -------------------------------------------------------------- helpers
    def span(self, b: Block) -> tuple[int, int]:
        return self.page.block_span(b)

    def record(self, rule_id: str, action: str, b: Block, reason: str, before: str = "", after: str = "",
               safety: str | None = None):
        r = self.rules[rule_id]
        if safety is None and r.safety == "review" and self.margin_now is not None:
            if self.margin_now < self.rules["A002"].params["review_margin"]:
                safety = "review"
                reason = f"{reason} (a close call, margin {self.margin_now:.2f}, {self.article_name()})"
            else:
                safety = "safe"
        self.changes.append(Change(rule_id, STAGE, action, self.span(b), before, after, reason,
                                   safety or r.safety))

    def article_name(self) -> str:
        """The article a decision shapes, as a reviewer finds it: its title, or where its text starts."""
        d = self.draft_now
        if d is not None and d.title is not None:
            return f"article '{d.title.text[:16]}'"
        if d is not None and d.body:
            b = d.body[0]
            return f"article at line {self.page.line_no(b.first)} ('{b.text[:10]}…')"
        return "a new article"

    def has_dateline(self, b: Block) -> bool:
        return b.kind == "paragraph" and b.first in self.datelines

    def doubled(self, b: Block) -> bool:
        return any(k in self.dedoubled for k in b.lines)

    def credits_reporter(self, b: Block | None) -> bool:
        """``b`` opens with a dateline that names its reporter (``本报讯（记者X）``): an article
        credits its reporter once, so such an article takes no byline."""
        if b is None or not self.has_dateline(b):
            return False
        return search(self.rules["A003"].params["reporter_credit"], self.datelines[b.first]) is not None

    def byline_cost(self, part: list[Block], credited: bool) -> float:
        """Cost of giving the bylines in ``part`` to an article whose dateline credits its reporter."""
        if not credited or not any(b.kind == "byline" for b in part):
            return 0.0
        return self.rules["A003"].params["byline_with_credit"]

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
        for z in units:
            x = out[-1] if out else None
            if x is not None and z.kind == "paragraph" and self.is_open(x) and not self.has_dateline(z) \
                    and z.text[:1] not in CLOSERS and self._between(starts, x.last, z.first) \
                    and not (z.width and x.width and abs(z.width - x.width) > p["column_tolerance"]):
                joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(z.text) else ""
                out[-1] = rebuild(self.page, replace(x, lines=x.lines + z.lines, joiners=x.joiners + (joiner,) + z.joiners))
                self.record("A001", "heal", z, rule.describe(line=self.page.line_no(x.last), cont=self.page.line_no(z.first),
                                                             tail=x.text[-8:], head=z.text[:8])
                            + " (a caption or credit set inside the column cut it)", before="\n", after=joiner)
                continue
            out.append(z)
        return out

    @staticmethod
    def _between(starts: list[int], a: int, b: int) -> bool:
        """Whether a block of ``starts`` (sorted first lines) begins between lines a and b."""
        k = bisect.bisect_right(starts, a)
        return k < len(starts) and starts[k] < b

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
            need = p["min_score"] if self.page.meta.get("columned", True) else p["min_score"] + p["uncolumned_extra"]
            need += p["distance_cost"] * sum(1 for u in units[i + 1:j] if u.kind == "paragraph")
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

    # -------------------------------------------------------------- segmentation
    def groups(self, units: list[Block]):
        """Split units into paragraphs and heading groups (consecutive headings/bylines)."""
        out = []
        for u in units:
            if u.kind in ("heading", "byline"):
                if out and isinstance(out[-1], list):
                    out[-1].append(u)
                else:
                    out.append([u])
            else:
                out.append(u)
        return out

    @staticmethod
    def next_paragraph(seq, k):
        """The paragraph right after item ``k``, None if a heading group or nothing follows.
        (Indexed, not sliced: a copy of the rest of ``seq`` per call was quadratic.)"""
        if k + 1 < len(seq) and not isinstance(seq[k + 1], list):
            return seq[k + 1]
        return None

    # -------------------------------------------------------------- segmentation (DP)
    def across(self, prev: list[Block], nxt: Block) -> float:
        """How much the text goes on across a headline group: the word pairs the paragraph
        after it shares with the (up to two) paragraphs before it. (Asked for each reading of
        the group: worked out once, by the texts, whose hashes Python keeps.)"""
        key = (*[b.text for b in prev[-2:]], nxt.text)
        got = self._across.get(key)
        if got is None:
            got = self._across[key] = affinity(" ".join(key[:-1]), nxt.text)
        return got

    def text_stops(self, prev: list[Block], nxt: Block | None) -> bool:
        """Whether the text after a heading cannot go on the text before it: nothing follows,
        a dateline opens it, or its column is another."""
        if nxt is None or self.has_dateline(nxt):
            return True
        last = prev[-1]
        col_change = self.rules["A002"].params["column_change"]
        return bool(last.width and nxt.width and abs(last.width - nxt.width) > col_change)

    def subhead_score(self, h: Block, prev: list[Block], nxt: Block | None) -> tuple[float, str]:
        """How much a lone heading between paragraphs reads as a subhead (> 0) than a title."""
        p = self.rules["A002"].params
        if nxt is None or not prev:
            return -9.0, "not between two paragraphs"
        if self.has_dateline(nxt):
            return -9.0, "a dateline follows"
        last = prev[-1]
        if last.width and nxt.width and abs(last.width - nxt.width) > p["column_change"]:
            return -9.0, f"column changes from {last.width:.1f} to {nxt.width:.1f} em"
        if page_gap(self.page, h):
            return -9.0, "a blank line sets it apart where the page has none between paragraphs"
        aff = self.across(prev, nxt)
        w = self.rules["A003"].params
        score = (aff - p["min_affinity"]) * w["affinity_slope"]
        cues = [f"text around it shares {aff:.0%} of word pairs"]
        if " " in h.text.strip():
            score += w["phrase_pair_bonus"]
            cues.append("two phrases, as subheads are set")
        if self.doubled(h):
            score -= w["bold_penalty"]
            cues.append("set in bold display type")
        n = len(nows(h.text))
        if n <= w["short_heading"]:
            score += w["short_heading_bonus"]
            cues.append("short, as subheads are")
        elif n >= w["long_heading"]:
            score -= w["long_heading_penalty"]
            cues.append("long for a subhead")
        else:
            score -= w["long_heading_penalty"] * w["mid_heading_share"]
        return score, "; ".join(cues)

    def boundary_cost(self, prev: Block, u: Block, column: float | None = None) -> tuple[float, str]:
        """Cost of starting a new article at paragraph ``u`` right after paragraph ``prev``.

        ``column``: the width of the column the text before ``u`` is set in, when ``prev``
        is too short to show it (see :meth:`column_before`)."""
        p = self.rules["A002"].params
        if self.has_dateline(u):
            return 0.0, "a dateline opens it"
        if page_gap(self.page, u):
            return p["boundary_gap"], "a blank line sets it apart where the page has none between paragraphs"
        col = column if column is not None else prev.width
        here = self.column_of(u)
        if col and here and abs(col - here) > p["column_change"]:
            return p["boundary_column"], f"the column changes from {col:.1f} to {here:.1f} em"
        aff = affinity(prev.text, u.text)
        cost = p["boundary_base"] + p["boundary_slope"] * (aff - p["min_affinity"])
        return min(p["boundary_max"], max(p["boundary_min"], cost)), \
            f"the text changes subject (shares {aff:.0%} of word pairs)"

    def column_of(self, b: Block) -> float:
        """The column a paragraph is set in: its width, or for a paragraph of two lines its
        first line plus the indent that line lost (as the rejoin stage reckons); 0 when a
        paragraph of one line cannot tell."""
        if b.width or len(b.lines) != 2:
            return b.width
        j = self.rules["J001"].params
        return self.page.lines[b.lines[0]].width + (j["indent_min"] + j["indent_max"]) / 2

    @staticmethod
    def paragraph_before(seq: list, t: int) -> tuple[Block | None, int]:
        """The paragraph a new article at item ``t`` would follow, and the index just after it:
        the item before, or the one before a lone heading read as the last subhead of the
        article before (set after its section, so the article ends under it)."""
        if t > 0 and not isinstance(seq[t - 1], list):
            return seq[t - 1], t
        if t > 1 and len(seq[t - 1]) == 1 and seq[t - 1][0].kind == "heading" and not isinstance(seq[t - 2], list):
            return seq[t - 2], t - 1
        return None, t

    def column_before(self, seq: list, t: int) -> float:
        """The column of the paragraphs right before item ``t``: that of the nearest one that
        shows it (:meth:`column_of`), 0 if none does."""
        for u in reversed(seq[:t]) if t < 8 else reversed(seq[t - 8:t]):
            if isinstance(u, list):
                return 0.0
            col = self.column_of(u)
            if col:
                return col
        return 0.0

    def part_cost(self, part: list[Block]) -> float:
        """Cost of reading ``part`` as one article's headline material (title, subtitle, bylines)."""
        heads = [b for b in part if b.kind == "heading"]
        cost = 0.0
        w = self.rules["A003"].params
        if len(heads) > 2:
            cost += w["extra_heading_penalty"] * (len(heads) - 2)
        if heads and _DASH.match(heads[0].text):
            cost += w["dash_title_penalty"]  # a dash leads in a subtitle, not a title
        if len(heads) >= 2 and self.doubled(heads[1]):
            cost += w["bold_subtitle_penalty"]  # subtitles are not set in bold
        if len(heads) >= 2 and len(nows(heads[1].text)) > w["subtitle_max_length"]:
            cost += w["long_subtitle_penalty"]  # a subtitle is a short line under its title
        if len(heads) >= 2 and any(b.kind == "byline" for b in part[part.index(heads[0]):part.index(heads[1])]):
            cost += w["byline_between_penalty"]  # ... right under it: not across a byline
        if sum(1 for b in part if b.kind == "byline") > 1:
            cost += w["second_byline_penalty"]
        return cost

    def byline_apart(self, closing: list[Block], opening: list[Block]) -> float:
        """Cost of a split that parts a byline from the headline it was printed next to.

        A byline is set right above or below its own headline; extraction may bring another
        article's headline (or paragraphs moved away) into the same run, but on the page the
        byline still touches its own: on the next line, where the other is lines away.
        """
        w = self.rules["A003"].params
        last, first = closing[-1], opening[0]
        touching = first.first == last.last + 1
        if last.kind == "byline" and len(closing) >= 2 and touching and closing[-2].last + 1 != last.first:
            return w["byline_apart_penalty"]
        if first.kind == "byline" and len(opening) >= 2 and touching and first.last + 1 != opening[1].first:
            return w["byline_apart_penalty"]
        return 0.0

    @staticmethod
    def form(h: Block) -> tuple:
        """The form of a heading that parallel subheads share: a label before a colon
        (上海：… / 河北：…), phrases set apart by a blank."""
        t = h.text.strip()
        colon = t.find("：")
        return (colon if 0 < colon <= 4 else -1), " " in t

    def parallel(self, seq: list, t: int) -> bool:
        """Whether the first heading of group ``t`` has the form of the lone heading before it
        (within a few items): an article's subheads are set in one form (上海：当好… and
        河北：奋发进取…), which a title and a subhead seldom share. Only a telling form counts
        (a label and its colon)."""
        f = self.form(seq[t][0])
        if f[0] < 0:
            return False
        for u in reversed(seq[max(0, t - 8):t]):
            if isinstance(u, list):
                return len(u) == 1 and u[0].kind == "heading" and self.form(u[0]) == f
        return False

    def group_options(self, g: list[Block], prev: list[Block], nxt: Block | None,
                      parallel: bool = False, text_after: bool = True) -> dict[bool, list]:
        """Readings of a heading group, (kind, k, cost, why), for an open article without and
        with a subhead so far (``{has_sub: readings}``). k splits closing/opening parts.
        ``text_after``: whether any paragraph follows the group on the page (bylines with
        none after them head nothing)."""
        m = len(g)
        heads = [b for b in g if b.kind == "heading"]
        opts = []
        w = self.rules["A003"].params
        # text that goes on across the group argues against an article boundary there
        pa = self.rules["A002"].params
        together = goes_on = 0.0
        if prev and nxt is not None and not self.has_dateline(nxt):  # (inside needs the same)
            goes_on = self.across(prev, nxt)
            together = min(pa["continuity_max"], max(0.0, (goes_on - pa["min_affinity"]) * pa["continuity_weight"]))
        dash = w["dash_title_penalty"] if _DASH.match(g[0].text) else 0.0  # no dash subhead either
        if m == 1 and heads:
            sc, why = self.subhead_score(g[0], prev, nxt)
            opts.append(("sub", 0, w["subhead_cost"] - sc - (w["parallel_bonus"] if parallel else 0.0) + dash, why))
        if heads:
            # on a page whose blank lines separate articles, a headline after one opens the next
            apart = w["gap_opens"] if page_gap(self.page, g[0]) else 0.0
            opts.append(("close", m, self.part_cost(g) + apart + together, "headline after its article's text"))
        if not heads:
            # bylines alone under an article's text: the byline some papers print at an
            # article's end (a commentary's author, a report's reporters)
            opts.append(("byclose", m, w["byline_close_cost"] + self.part_cost(g) + together,
                         "byline under its article's text"))
        # (bylines with no text after them head nothing: reading them so costs what an article
        # without a title does)
        heads_nothing = 0.0 if heads or text_after else pa["no_title"]
        opts.append(("open", 0, (w["open_cost"] + self.part_cost(g) if heads else w["byline_open_cost"]) + together
                     + heads_nothing, "headline before its article's text" if heads else "byline above its article"))
        # where a group may split: a headline part is a handful of lines, so in a long run of
        # short lines (a list, a table, noise) only splits near its ends are worth weighing;
        # weighing every one made a page of 20,000 short lines quadratic
        cap = w["max_part"]
        splits = range(1, m) if m <= 2 * cap else [*range(1, cap + 1), *range(m - cap, m)]
        for k in splits:
            closing, opening = g[:k], g[k:]
            if not any(b.kind == "heading" for b in closing):
                continue
            if all(b.kind == "byline" for b in opening):
                c = w["next_byline_cost"] + self.part_cost(closing) + self.part_cost(opening)  # the next article's byline
            elif not any(b.kind == "heading" for b in opening):
                continue
            else:
                c = w["split_cost"] + self.part_cost(closing) + self.part_cost(opening)
                if not (opening[0].kind == "heading" and self.doubled(opening[0])):
                    c += w["split_plain_extra"]
                if page_gap(self.page, g[0]):
                    c += w["gap_opens"]  # a blank line before the group: it opens what follows, whole
            c += self.byline_apart(closing, opening)
            opts.append(("split", k, c + together, "headlines of the article before and of the one after"))
        if heads and prev and nxt is not None and not self.has_dateline(nxt) \
                and not page_gap(self.page, g[0]) and not page_gap(self.page, nxt):
            # the headline block drawn across the columns of its own article: extraction read
            # it between two stretches of the body, which goes on after it (with, under it, a
            # subhead of the part that follows). Not across a blank line where the page sets
            # blank lines only between articles.
            c = w["inside_cost"]
            if prev[-1].width and nxt.width and abs(prev[-1].width - nxt.width) > pa["column_change"]:
                c += w["inside_column_change"]
            if goes_on < pa["min_affinity"]:
                c += w["inside_apart"]  # the text does not go on across it: no article around it
            opts.append(("inside", m, c + self.part_cost(g), "headline set inside its article's text"))
            if m >= 2 and g[-1].kind == "heading" and any(b.kind == "heading" for b in g[:-1]):
                sc, _ = self.subhead_score(g[-1], prev, nxt)
                # a plain heading right under a bold title is its subtitle, not a subhead
                under = w["subtitle_under_bold"] if g[-2].kind == "heading" and self.doubled(g[-2]) \
                    and not self.doubled(g[-1]) and g[-1].first == g[-2].last + 1 else 0.0
                opts.append(("inside", m - 1, c + self.part_cost(g[:-1]) + w["subhead_cost"] - sc + under,
                             "headline set inside its article's text, a subhead under it"))
        by_sub = {False: opts, True: list(opts)}
        if m == 1 and heads and prev and self.text_stops(prev, nxt):
            # the last subhead of an article that sets its subheads after their sections: the
            # article ends under it (the text after it is another article's: another column,
            # a dateline, or none), so it costs what a last subhead before a headline does,
            # and more when it is not shaped like a subhead (bold display type, long)
            shape = (w["bold_penalty"] if self.doubled(g[0]) else 0.0) \
                + (w["long_heading_penalty"] if len(nows(g[0].text)) > w["short_heading"] else 0.0)
            for has_sub in (False, True):
                c = (w["subclose_cost"] if has_sub else w["subclose_first_cost"]) + shape \
                    - (w["parallel_bonus"] if parallel else 0.0) + dash
                by_sub[has_sub].append(("sub", 0, c, "last subhead of an article that sets them after their sections"))
        if m >= 2 and g[0].kind == "heading" and any(b.kind == "heading" for b in g[1:]):
            rest = self.part_cost(g[1:])
            for has_sub in (False, True):
                c = (w["subclose_cost"] if has_sub else w["subclose_first_cost"]) + rest + together \
                    - (w["parallel_bonus"] if parallel else 0.0) + dash
                by_sub[has_sub].append(("subclose", 1, c,
                                        "last subhead of an article that sets them after their sections"))
            # the last subhead, the article's own headline, then the next article's
            for k in (range(2, m) if m <= 2 * cap else [*range(2, cap + 2), *range(m - cap, m)]):
                closing, opening = g[1:k], g[k:]
                if not any(b.kind == "heading" for b in closing) or not any(b.kind == "heading" for b in opening):
                    continue
                c = w["split_cost"] + self.part_cost(closing) + self.part_cost(opening) + together + dash
                if not (opening[0].kind == "heading" and self.doubled(opening[0])):
                    c += w["split_plain_extra"]
                for has_sub in (False, True):
                    by_sub[has_sub].append(("subsplit", k, c + (w["subclose_cost"] if has_sub else w["subclose_first_cost"]),
                                            "last subhead and headline of an article, then the next one's headline"))
        return by_sub

    def plan(self, item: list[Block], kind: str, k: int, c: float, nxt_credits: bool, te: float,
             echo, nxt_at, title_heads) -> tuple:
        """What a reading of heading group ``item`` needs in the DP, worked out once for all
        states: (kind, k, cost, the heading its title echo is measured with against the open
        article's lead, whether the part the open article takes holds a byline, and the terms
        that do not depend on the state: for open the byline and echo terms, for split and
        subsplit (the next article's byline cost, its title's echo, whether it opens a title)).
        """
        if kind == "sub":
            return kind, k, c, None, False, None
        if kind == "byclose":
            return kind, k, c, None, True, None
        if kind in ("close", "subclose"):
            part = item[k:] if kind == "subclose" else item
            return kind, k, c, title_heads(part), any(b.kind == "byline" for b in part), None
        if kind == "open":
            return kind, k, c, None, False, \
                self.byline_cost(item, nxt_credits) - te * echo(title_heads(item), nxt_at)
        mine = item[1:k] if kind == "subsplit" else item[:k]
        by_here = any(b.kind == "byline" for b in mine)
        if kind == "inside":
            return kind, k, c, title_heads(mine), by_here, None
        return kind, k, c, title_heads(mine), by_here, (
            self.byline_cost(item[k:], nxt_credits), echo(title_heads(item[k:]), nxt_at),
            any(b.kind == "heading" for b in item[k:]))

    def segment(self, units: list[Block]) -> list[Draft]:
        """Articles from paragraphs and heading groups, by dynamic programming over readings.

        Every article wants exactly one title; a headline may close the article before it
        (the usual extraction order) or open the one after it; a lone heading may be a
        subhead; a paragraph may start a new article (a dateline, a column change, a change
        of subject). The reading with the lowest total cost wins.
        """
        seq = self.groups(units)
        p = self.rules["A002"].params
        no_title = p["no_title"]
        dated_stay = p["dateline_stay"]  # an article going on across a paragraph that opens with a dateline

        # an article of one or two paragraphs is possible but rare: the cost by paragraphs (0-3)
        shorts = [p["short_article"][n - 1] if 0 < n <= len(p["short_article"]) else 0.0 for n in range(4)]
        short = shorts.__getitem__

        INF = float("inf")
        NO_PATH = (INF, None)
        w = self.rules["A003"].params
        # state: (has_title, paragraphs so far (capped at 3), has_sub, its dateline credits the
        # reporter, lead: the open article's first paragraph, as an index into seq) -> (cost,
        # backpointer). The lead is part of the state: a headline read later is scored against
        # it (title_echo, subhead_echo), so two paths that differ only in their lead are not
        # interchangeable. Of those that agree on the rest, a path more than one title's echo
        # bonus (title_echo) behind the best cannot catch up through its lead's title: only
        # paths within that margin are kept (what subheads' echoes might add is not counted).
        margin = w["title_echo"]
        states = {(False, 0, False, False, None): (0.0, None)}
        history = []
        paras_before: list[Block] = []
        echo_cache: dict = {}

        def echo_one(h: Block, lead: int) -> float:
            key = (h.first, lead)
            if key not in echo_cache:
                echo_cache[key] = affinity(h.text, seq[lead].text)
            return echo_cache[key]

        def echo(h, lead: int | None) -> float:
            """How much headline ``h`` repeats the lead paragraph: titles do, subheads don't.
            (``h`` may be a headline part's headings: the best of them.)"""
            if h is None or lead is None:
                return 0.0
            if type(h) is tuple:  # (not by calling echo: a closure that calls itself is a cycle)
                if not h:
                    return 0.0
                e = echo_one(h[0], lead)
                return e if len(h) == 1 else max(e, echo_one(h[1], lead))
            return echo_one(h, lead)

        def title_heads(blocks) -> tuple[Block, ...]:
            """The title and subtitle of a headline part: both sum up the lead (a subtitle often
            more closely), so the part's echo is the best of theirs. The subtitle is the heading
            right under the title (not one across a byline)."""
            for n, b in enumerate(blocks):
                if b.kind == "heading":
                    if n + 1 < len(blocks) and blocks[n + 1].kind == "heading":
                        return b, blocks[n + 1]
                    return (b,)
            return ()

        last_text = max((t for t, u in enumerate(seq) if not isinstance(u, list)), default=-1)
        for t, item in enumerate(seq):
            new: dict = {}

            def offer(st, cost, back, lead):
                st += (lead,)
                if cost < new.get(st, NO_PATH)[0]:
                    new[st] = (cost, back)

            if not isinstance(item, list):
                prev_p, at = self.paragraph_before(seq, t)
                dated = self.has_dateline(item)
                credits = self.credits_reporter(item)
                col = self.column_before(seq, at) if prev_p is not None else 0.0
                bc = self.boundary_cost(prev_p, item, col)[0] if prev_p is not None else None  # same in every state
                # an article keeps its column: going on across a change of width costs
                here = self.column_of(item)
                across = p["column_stay"] if col and here and abs(col - here) > p["column_change"] else 0.0
                fresh = (False, 1, False, credits, t)  # a new article opens here
                for st, (cost, _) in states.items():
                    ht, hb, hs, hc, lead = st
                    stay = cost + (dated_stay if hb and dated else 0.0) + (across if hb else 0.0)
                    key = (ht, min(3, hb + 1), hs, hc or (hb == 0 and credits), lead if hb else t)
                    if stay < new.get(key, NO_PATH)[0]:  # offer(), inline: the hottest path
                        new[key] = (stay, (st, "cont", 0))
                    if hb and bc is not None:
                        opened = cost + bc + (0 if ht else no_title) + shorts[hb]
                        if opened < new.get(fresh, NO_PATH)[0]:
                            new[fresh] = (opened, (st, "new", 0))
                paras_before.append(item)
            else:
                nxt = self.next_paragraph(seq, t)
                nxt_at = t + 1 if nxt is not None else None  # the next article's lead, if one opens
                nxt_credits = self.credits_reporter(nxt)
                options = self.group_options(item, paras_before[-2:], nxt, self.parallel(seq, t),
                                             t < last_text)  # by has_sub
                has_h = any(b.kind == "heading" for b in item)
                te, se = w["title_echo"], w["subhead_echo"]
                bw = w["byline_with_credit"]
                planned: dict = {}  # the two lists share most readings: plan each once
                plans = {hs: [planned[o] if o in planned else planned.setdefault(
                    o, self.plan(item, o[0], o[1], o[2], nxt_credits, te, echo, nxt_at, title_heads))
                    for o in opts] for hs, opts in options.items()}
                for st, (cost, _) in states.items():
                    ht, hb, hs, hc, lead = st
                    if not hb:
                        lead = None
                    for kind, k, c, head, by_here, after in plans[hs]:
                        # (terms added in the order of the reading's definition: same sums)
                        if kind == "sub":
                            if hb:
                                e = echo(item[0], lead)
                                c += se * e + (w["lead_repeat_penalty"] if e >= w["lead_repeat"] else 0.0)
                                offer((ht, hb, True, hc), cost + c, (st, kind, k), lead)
                        elif kind == "byclose":
                            if hb:  # (its title, if any, came before its text)
                                c += bw if hc else 0.0
                                offer((False, 0, False, False), cost + c + (0 if ht else no_title) + short(hb),
                                      (st, kind, k), None)
                        elif kind in ("close", "subclose"):
                            if hb and not ht:
                                c += bw if hc and by_here else 0.0
                                c -= te * echo(head, lead)
                                if kind == "subclose":
                                    c += se * echo(item[0], lead)
                                offer((False, 0, False, False), cost + c + short(hb), (st, kind, k), None)
                        elif kind == "open":
                            c += after
                            if hb:
                                offer((has_h, 0, False, False), cost + c + (0 if ht else no_title) + short(hb),
                                      (st, kind, k), None)
                            elif not (ht and has_h):
                                offer((ht or has_h, 0, hs, hc), cost + c, (st, kind, k), None)
                        elif kind == "inside":
                            if hb and not ht:
                                c += (bw if hc and by_here else 0.0) - te * echo(head, lead)
                                c += se * sum(echo(b, lead) for b in item[k:])
                                offer((True, hb, hs or k < len(item), hc), cost + c, (st, kind, k), lead)
                        elif kind == "subsplit":
                            if hb and not ht:
                                c += se * echo(item[0], lead)
                                c += (bw if hc and by_here else 0.0) + after[0]
                                c -= te * (echo(head, lead) + after[1])
                                offer((True, 0, False, False), cost + c + short(hb), (st, kind, k), None)
                        elif kind == "split":
                            if hb and not ht:
                                c += (bw if hc and by_here else 0.0) + after[0]
                                c -= te * (echo(head, lead) + after[1])
                                offer((after[2], 0, False, False), cost + c + short(hb), (st, kind, k), None)
            best: dict = {}
            for st, (cost, _) in new.items():
                if cost < best.get(st[:4], INF):
                    best[st[:4]] = cost
            if len(best) < len(new):  # several leads for one state: drop those that cannot win
                new = {st: v for st, v in new.items() if v[0] <= best[st[:4]] + margin}
            history.append(new)
            states = new
        # close the last article
        best_st, best_cost = None, INF
        for st, (cost, _) in states.items():
            ht, hb, hs, hc, _ = st
            total = cost + (no_title if hb and not ht else 0.0) + (no_title if ht and not hb else 0.0) + short(hb)
            if total < best_cost:
                best_st, best_cost = st, total
        decisions = [None] * len(seq)
        margins = [0.0] * len(seq)
        st = best_st
        for t in range(len(seq) - 1, -1, -1):
            cost_here, back = history[t][st]
            prev_st, kind, k = back
            decisions[t] = (kind, k)
            # how close the decoder came to another reading here: the cheapest state after this
            # item that reads the page differently (not only another lead), against the chosen
            # one. (Prefix costs: a rival cheaper so far lost on what came after: margin 0.)
            rival = min((c for s2, (c, _) in history[t].items() if s2[:4] != st[:4]), default=INF)
            margins[t] = max(0.0, rival - cost_here)
            if self.trace is not None:
                before = history[t - 1][prev_st][0] if t else 0.0
                self.trace.append((t, seq[t], kind, k, round(cost_here - before, 2), st))
            st = prev_st
        return self.build(seq, decisions, margins)

    def build(self, seq, decisions, margins=None) -> list[Draft]:
        """Drafts from the chosen reading of each item, with a change record for each decision."""
        drafts: list[Draft] = []
        cur = Draft()

        def close():
            nonlocal cur
            if cur.body:
                if cur.title is None:
                    cur.flags.append("no title found")
                drafts.append(cur)
            else:  # headlines with no text to head: kept, in dropped, for a person to look at
                for b in (cur.kicker, cur.title, cur.subtitle, cur.byline):
                    if b is not None:
                        self.orphans.append(b)
                        self.record("A003", "flag", b, "a headline with no article text: kept in dropped",
                                    safety="review")
            cur = Draft(margin=m_t)  # the decision that opened it is one of its own

        paras_before: list[Block] = []
        m_t = float("inf")
        for t, (item, (kind, k)) in enumerate(zip(seq, decisions)):
            if margins is not None:  # every decision taken while the article is open is its
                m_t = margins[t]
                cur.margin = min(cur.margin, m_t)
                self.margin_now = m_t
            self.draft_now = cur
            if not isinstance(item, list):
                if kind == "new":
                    prev_p, at = self.paragraph_before(seq, t)
                    _, why = self.boundary_cost(prev_p, item, self.column_before(seq, at))
                    self.record("A002", "split", item, f"new article at line {self.page.line_no(item.first)}: {why}")
                    close()
                cur.body.append(item)
                paras_before.append(item)
                continue
            nxt = self.next_paragraph(seq, t)
            if kind == "sub":
                _, why = self.subhead_score(item[0], paras_before[-2:], nxt)
                cur.body.append(replace(item[0], kind="subhead"))
                self.record("A003", "label", item[0], f"subhead: {why}")
            elif kind in ("close", "byclose"):
                self.fill(cur, item, before=False)
                close()
            elif kind == "open":
                if cur.body:
                    close()
                self.fill(cur, item, before=True)
            elif kind == "split":
                self.fill(cur, item[:k], before=False)
                close()
                self.fill(cur, item[k:], before=True)
            elif kind == "inside":
                self.fill(cur, item[:k], before=False)
                for b in item[k:]:
                    cur.body.append(replace(b, kind="subhead"))
                    self.record("A003", "label", b, "subhead under a headline set inside its article's text")
            elif kind in ("subclose", "subsplit"):
                cur.body.append(replace(item[0], kind="subhead"))
                self.record("A003", "label", item[0], "subhead closing an article that sets subheads "
                                                      "after their sections")
                self.fill(cur, item[1:k] if kind == "subsplit" else item[1:], before=False)
                close()
                if kind == "subsplit":
                    self.fill(cur, item[k:], before=True)
        close()
        self.margin_now = self.draft_now = None
        return drafts

    def fill(self, d: Draft, items: list[Block], before: bool):
        """Give the article its headings in print order: title, subtitle, byline.

        A kicker (引题) is set above the title in lighter type: a heading above a bold
        (doubled) one that is not bold itself is the kicker, and of three stacked headings the
        first is the kicker, the second the title, the third the subtitle."""
        where = "before" if before else "after"
        # the headings given in this call, by identity (a heading rebuilt by a join is a new
        # block, given by no call: a title joined once is not joined again)
        here: set[int] = set()
        for b in items:
            if b.kind == "byline":
                if d.byline is None:
                    d.byline = b
                    self.record("A003", "attach", b, f"byline of the article {where} it")
                else:
                    d.flags.append("second byline")
                    self.orphans.append(b)
                    self.record("A003", "flag", b, "a second byline for one article: kept in dropped",
                                safety="review")
                continue
            here.add(id(b))
            if d.title is None and d.subtitle is None and _DASH.match(b.text):
                d.subtitle = b  # a dash leads in a subtitle: the title is another heading
                self.record("A003", "attach", b, f"subtitle of the article {where} it (led in by a dash)")
            elif d.title is None:
                d.title = b
                d.title_before = before
                self.record("A003", "attach", b, f"title of the article {where} it")
            elif d.subtitle is None and d.kicker is None and id(d.title) in here and self.doubled(b) \
                    and not self.doubled(d.title) and not _DASH.match(b.text):
                d.kicker, d.title = d.title, b
                self.record("A003", "attach", b, f"title of the article {where} it; the plain heading "
                            f"above this bold one is its kicker")
            elif d.subtitle is None and not self.doubled(b):
                d.subtitle = b
                self.record("A003", "attach", b, f"subtitle of the article {where} it")
            elif d.subtitle is None and id(d.title) in here and self.doubled(d.title) \
                    and b.first == d.title.last + 1 and not _DASH.match(b.text):
                # two bold lines, one under the other: a title broken over two lines (the
                # subtitle is set lighter), joined with a blank where it broke between phrases
                d.title = rebuild(self.page, replace(d.title, lines=d.title.lines + b.lines,
                                                     joiners=d.title.joiners + (" ",) + b.joiners))
                self.record("A003", "join", b, "a bold title goes on on this bold line", before="\n", after=" ")
            elif d.subtitle is None:
                d.subtitle = b
                d.flags.append("doubled subtitle")
                self.record("A003", "attach", b, f"subtitle of the article {where} it (doubled: check)",
                            safety="review")
            elif d.subtitle is not None and _DASH.match(d.subtitle.text) and id(d.subtitle) in here \
                    and b.first == d.subtitle.last + 1 and not self.doubled(b):
                # a dash subtitle broken over two lines: the line under it goes on with it
                d.subtitle = rebuild(self.page, replace(d.subtitle, lines=d.subtitle.lines + b.lines,
                                                        joiners=d.subtitle.joiners + ("",) + b.joiners))
                self.record("A003", "join", b, "the dash subtitle goes on on this line", before="\n", after="")
            elif d.kicker is None and id(d.title) in here and id(d.subtitle) in here and not _DASH.match(d.subtitle.text):
                d.kicker, d.title, d.subtitle = d.title, d.subtitle, b
                self.record("A003", "attach", b, f"subtitle of the article {where} it; of three stacked "
                            f"headings the first is the kicker")
            else:
                if before:
                    d.body.insert(0, replace(b, kind="subhead"))
                else:
                    d.body.append(replace(b, kind="subhead"))
                d.flags.append("extra heading")
                self.record("A003", "flag", b, "a third headline for one article: kept as a subhead",
                            safety="review")

    # -------------------------------------------------------------- subheads
    def place_subheads(self, d: Draft) -> None:
        """Subheads set after their sections move to the start of the section."""
        body = d.body
        if not body or body[-1].kind != "subhead":
            # a leading subhead before any paragraph is fine; nothing to do in before-mode
            return
        rule = self.rules["A004"]
        # sections: paragraphs between subheads; each subhead closes the section before it
        sections, cur = [], []
        for b in body:
            if b.kind == "subhead":
                sections.append((cur, b))
                cur = []
            else:
                cur.append(b)
        tail = cur  # paragraphs after the last subhead (none when it ends the body)
        lengths = [len(s) for s, _ in sections[1:]]
        first_paras, first_head = sections[0]
        if lengths:
            want = math.ceil(sorted(lengths)[len(lengths) // 2] if len(lengths) % 2 else
                             (sorted(lengths)[len(lengths) // 2 - 1] + sorted(lengths)[len(lengths) // 2]) / 2)
        else:
            want = rule.params["default_section"]
        lead = max(1, len(first_paras) - want) if len(first_paras) > 1 else 0
        # a section's first paragraph often echoes its subhead (民生为先 情满天山 → 民生为先，
        # 情满天山。…): a strong echo decides where the first section starts
        if len(first_paras) > 1:
            echoes = [(affinity(first_head.text, first_paras[k].text[:40]), -abs(k - lead), k)
                      for k in range(1, len(first_paras))]
            best = max(echoes)
            if best[0] >= rule.params["min_echo"]:
                lead = best[2]
        new = list(first_paras[:lead]) + [first_head] + list(first_paras[lead:])
        for paras, head in sections[1:]:
            new += [head] + list(paras)
        new += tail
        for _, head in sections:
            self.record("A004", "move", head, rule.describe(text=head.text))
        d.body = new

    # -------------------------------------------------------------- attachments
    def run(self) -> Page:
        page = self.page
        blocks = list(page.blocks)
        dropped = [b for b in blocks if b.kind in ("furniture", "credit")]
        for b in dropped:
            self.record("A007", "drop", b, f"{b.kind} '{b.text[:20]}' belongs to no article")
        pullquotes = [b for b in blocks if b.kind == "pullquote"]
        captions = [b for b in blocks if b.kind == "caption"]
        units = [b for b in blocks if b.kind in ("heading", "byline", "paragraph")]
        units = self.heal_across(units, [b for b in blocks if b.kind not in ("heading", "byline", "paragraph")])
        units = self.join_split_headlines(units)
        units = self.heal(units)
        drafts = self.segment(units)
        for d in drafts:
            self.place_subheads(d)
        line_owner = {}
        for n, d in enumerate(drafts):
            for b in d.body + [x for x in (d.kicker, d.title, d.subtitle, d.byline) if x]:
                for k in b.lines:
                    line_owner[k] = n
        self._owner_lines = sorted(line_owner)
        pq_of = {n: [] for n in range(len(drafts))}
        cap_of = {n: [] for n in range(len(drafts))}
        for q in pullquotes:
            n = self.owner_of_quote(q, drafts, line_owner)
            if n is None:
                # no article repeats it after all: keep the text, as a paragraph of the nearest article
                n = self.nearest(q, line_owner)
                self.record("A005", "flag", q, "pull quote whose source paragraph was not found", safety="review")
            if n is not None:
                pq_of[n].append(q)
                self.record("A005", "attach", q, f"pull quote of article {n + 1}")
        for c in captions:
            n = self.owner_of_caption(c, drafts, line_owner)
            if n is not None:
                cap_of[n].append(c)
                self.record("A006", "attach", c, f"caption of article {n + 1}")
            else:
                dropped.append(c)
        order = sorted(range(len(drafts)), key=lambda n: min((b.first for b in drafts[n].body), default=10**9))
        articles = []
        for n in order:
            articles.append(self.finish(drafts[n], pq_of[n], cap_of[n]))
        dropped += self.orphans
        return page.evolve(articles=tuple(articles), dropped=tuple(sorted(dropped, key=lambda b: b.first)),
                           changes=page.changes + tuple(self.changes))

    def owner_of_quote(self, q: Block, drafts: list[Draft], line_owner: dict | None = None) -> int | None:
        from rapidfuzz import fuzz

        src = self.page.meta.get("pullquote_sources", {}).get(q.first)
        if line_owner is not None and src in line_owner:
            return line_owner[src]  # the paragraph the label stage found it repeats
        t = nows(q.text)
        if self._bodies is None:
            self._bodies = [nows("".join(b.text for b in d.body)) for d in drafts]
        best, best_score = None, 0.0
        # a pull quote sits at the top of its page or near its article: on a long page (many
        # pages run together) only the articles nearest to it are compared, or the cost grows
        # with the square of the page
        limit = self.rules["A005"].params["max_candidates"]
        cutoff = self.rules["A005"].params["min_partial_ratio"]
        cands = range(len(drafts)) if len(drafts) <= limit or line_owner is None \
            else self.nearest_drafts(q, line_owner, limit)
        for n in cands:
            body = self._bodies[n]
            if t in body:
                return n
            if len(body) > 0:
                s = fuzz.partial_ratio(t, body, score_cutoff=cutoff) if len(t) <= len(body) else 0
                if s > best_score:
                    best, best_score = n, s
        return best if best_score >= cutoff else None

    def nearest(self, b: Block, line_owner: dict) -> int | None:
        if not line_owner:
            return None
        keys = self._owner_lines
        i = bisect.bisect_left(keys, b.first)
        near = [keys[j] for j in (i - 1, i) if 0 <= j < len(keys)]
        k = min(near, key=lambda x: (abs(x - b.first), x))
        return line_owner[k]

    def nearest_drafts(self, b: Block, line_owner: dict, limit: int) -> list[int]:
        """The ``limit`` articles whose lines are nearest to ``b``, nearest first (found by
        walking out from ``b``'s place in the sorted owned lines)."""
        keys = self._owner_lines
        lo = bisect.bisect_left(keys, b.first) - 1
        hi = lo + 1
        out: list[int] = []
        while len(out) < limit and (lo >= 0 or hi < len(keys)):
            if hi >= len(keys) or (lo >= 0 and b.first - keys[lo] <= keys[hi] - b.first):
                n, lo = line_owner[keys[lo]], lo - 1
            else:
                n, hi = line_owner[keys[hi]], hi + 1
            if n not in out:
                out.append(n)
        return sorted(out)

    def owner_of_caption(self, c: Block, drafts, line_owner) -> int | None:
        if not line_owner:
            return None
        keys = self._owner_lines
        i = bisect.bisect_left(keys, c.first)
        j = bisect.bisect_right(keys, c.last)
        cands = []
        if i > 0:
            cands.append(line_owner[keys[i - 1]])
        if j < len(keys):
            cands.append(line_owner[keys[j]])
        if len(set(cands)) <= 1:
            return cands[0] if cands else None
        scores = [affinity(c.text, " ".join(b.text for b in drafts[n].body)) for n in cands]
        return cands[0] if scores[0] >= scores[1] else cands[1]

    def finish(self, d: Draft, pqs, caps) -> Article:
        body = tuple(d.body)
        dateline = None
        first_para = next((b for b in body if b.kind == "paragraph"), None)
        if first_para is not None and first_para.first in self.datelines:
            # the longest form that opens the paragraph (本报讯 记者X报道： over 本报讯)
            found = [m.group() for m in (search(pat, first_para.text) for pat in self.rules["L005"].params["patterns"])
                     if m and m.start() == 0]
            if found:
                dateline = nows(max(found, key=len))
        if d.title is None and body:
            self.record("A002", "flag", body[0], "article without a title", safety="review")
        lead = d.paragraphs[0].text if d.paragraphs else ""
        echo = max((affinity(h.text, lead) for h in (d.title, d.subtitle) if h is not None), default=0.0)
        evidence = article_evidence(d.margin, self.rules["A002"].params["confidence_margin_cap"],
                                    d.title is None, len(d.flags), echo, len(d.paragraphs))
        return Article(title=d.title, subtitle=d.subtitle, kicker=d.kicker, byline=d.byline, dateline=dateline, body=body,
                       pullquotes=tuple(pqs), captions=tuple(caps),
                       confidence=confidence(evidence, self.rules["A002"].params), evidence=evidence)


#: the evidence an article's confidence is computed from, in this order
EVIDENCE = ("margin", "no_title", "flags", "echo", "short")


def article_evidence(margin: float, cap: float, no_title: bool, flags: int, echo: float = 0.0,
                     paragraphs: int = 3) -> tuple:
    """``(name, value)`` pairs: the decoder's closest call among the decisions that made the
    article (capped: beyond ``cap`` a margin is as good as sure), whether it has no title, how
    many flags it raised, how much of its title's (or subtitle's) word pairs its lead repeats
    (a title sums up its own lead), whether it is one or two paragraphs long (a fragment)."""
    return (("margin", min(margin, cap)), ("no_title", 1.0 if no_title else 0.0), ("flags", float(flags)),
            ("echo", echo), ("short", 1.0 if paragraphs <= 2 else 0.0))


def confidence(evidence: tuple, p: dict) -> float:
    """The probability that the article is right (its text is one article, its title its own):
    a logistic function of its evidence, with coefficients ``confidence_<name>`` and
    ``confidence_bias`` that ``cleaner train`` calibrates on validation pages."""
    z = p["confidence_bias"] + sum(p["confidence_" + name] * value for name, value in evidence)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def run(page: Page) -> Page:
    return Assembler(page).run()
