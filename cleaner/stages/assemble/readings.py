"""Readings: what a heading group or a paragraph may be (subhead, headline before or after
its text, inside it, the start of an article), each with its cost and the cues behind it."""

from __future__ import annotations


from ...chars import ends_sentence, nows
from ...model import Block
from .headline_pair import dash_goes_on, echo_apart
from .heading_role import fitted_role, text_cues
from .text import _DASH, affinity, joined_bigrams, page_gap, shared_pairs


#: readings in which a headline closes the text before it
_CLOSING = ("close", "split", "inside", "bysplit", "subclose", "subsplit", "backsplit", "crosssplit",
            "backclose")
#: readings in which bylines close the text before them
_BYLINE_CLOSING = ("byclose", "bysplit")


class Readings:
    """The readings and their costs, for :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

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
        return self.column_changes(prev[-1], nxt) is not None


    def subhead_score(self, h: Block, prev: list[Block], nxt: Block | None) -> tuple[float, str]:
        """How much a lone heading between paragraphs reads as a subhead (> 0) than a title:
        the A003 weights times the cues of :meth:`subhead_cues`, where it may be one."""
        if nxt is None or not prev:
            return -9.0, "not between two paragraphs"
        if self.has_dateline(nxt):
            return -9.0, "a dateline follows"
        change = self.column_changes(prev[-1], nxt)
        if change is not None:
            return -9.0, f"column changes from {change[0]:.1f} to {change[1]:.1f} em"
        if page_gap(self.page, h):
            return -9.0, "a blank line sets it apart where the page has none between paragraphs"
        w = self.rules["A003"].params
        role = w["heading_role"] if w["heading_role_scale"] else {}  # (the fitted cues; none when off)
        cues, why = self.subhead_cues(h, prev, nxt, [k for k in role if k != "bias"])
        score = cues["affinity"] * w["affinity_slope"] + cues["geo"] * w["geo_subhead"] \
            + cues["phrase_pair"] * w["phrase_pair_bonus"] - cues["bold"] * w["bold_penalty"] \
            - cues["uncolumned_long"] * w["uncolumned_long_penalty"] \
            + cues["short"] * w["short_heading_bonus"] - cues["long"] * w["long_heading_penalty"] \
            - cues["mid"] * w["long_heading_penalty"] * w["mid_heading_share"]
        if role:
            # (the cues fitted beside the hand sum, in its units: benchmarks/fit_heading_role.py)
            fitted = fitted_role(cues, role)
            score += w["heading_role_scale"] * fitted
            if fitted:
                why += f"; its form weighs {fitted:+.2f} (" + ", ".join(
                    k for k in role if k != "bias" and cues[k]) + ")"
        return score, why

    def subhead_cues(self, h: Block, prev: list[Block], nxt: Block, names=None) -> tuple[dict, str]:
        """The cues of a lone heading between paragraphs ``prev`` and ``nxt`` that
        :meth:`subhead_score` weighs (where it may be a subhead), and the reasons they give.
        ``names``: the text cues of :mod:`.heading_role` measured too (default: all; the
        decoder asks for those A003 ``heading_role`` weighs)."""
        p = self.rules["A002"].params
        aff = self.across(prev, nxt)
        w = self.rules["A003"].params
        cues = dict.fromkeys(("geo", "phrase_pair", "bold", "uncolumned_long", "short", "long", "mid"), 0.0)
        cues["affinity"] = aff - p["min_affinity"]
        why = [f"text around it shares {aff:.0%} of word pairs"]
        if self.under_one_headline(prev[-1], h, nxt):
            cues["geo"] = 1.0
            why.append("set in text type between two stretches of text under one headline")
        elif self.geo is not None and self.geo[h.lines[0]] is not None \
                and self.geo[h.lines[0]].ratio >= self.rules["D005"].params["bold_ratio"]:
            cues["geo"] = -1.0
            why.append("set in type larger than the text's (a subhead is set in the text's size)")
        n = len(nows(h.text))
        if " " in h.text.strip() and n <= w["short_heading"]:
            # (two phrases in a heading longer than a subhead is set are a title's form: its
            # statement and its gloss, 巴拿马运河水位回升 通航限制逐步放宽)
            cues["phrase_pair"] = 1.0
            why.append("two phrases, as subheads are set")
        if self.doubled(h):
            cues["bold"] = 1.0
            why.append("set in bold display type")
        if n > w["short_heading"] and not self.page.layout.columned:
            # a page set one paragraph a line shows no column to tell a title from a subhead
            # by; the length still does: no subhead of the synthesised pages so set runs over
            # short_heading characters, many titles do (联合早报's headlines of 20-30)
            cues["uncolumned_long"] = 1.0
            why.append("longer than subheads are set, on a page without columns")
        if n <= w["short_heading"]:
            cues["short"] = 1.0
            why.append("short, as subheads are")
        elif n >= w["long_heading"]:
            cues["long"] = 1.0
            why.append("long for a subhead")
        else:
            cues["mid"] = 1.0
        cues.update(text_cues(h.text, prev[-1].text, nxt.text, w, names))
        return cues, "; ".join(why)


    def boundary_cost(self, prev: Block, u: Block, column: float | None = None,
                      cohesion=None) -> tuple[float, str]:
        """Cost of starting a new article at paragraph ``u`` right after paragraph ``prev``.

        ``column``: the width of the column the text before ``u`` is set in, when ``prev``
        is too short to show it (see :meth:`column_before`); ``cohesion``: a function without
        arguments that tells how much the text around ``u`` goes on (:meth:`cohesion`), by
        default ``prev`` against ``u``. A function, called only when the cost depends on it:
        a dateline, a pull quote ahead, a blank line or a change of column decide alone, and
        the word pairs of five paragraphs were compared for nothing."""
        p = self.rules["A002"].params
        cost, why = self._boundary_cost(prev, u, column, p, cohesion)
        if self.same_headline(prev, u):  # a PDF page: both are set under one headline
            return cost + p["geo_boundary"], why + "; but both are set under one headline"
        return cost, why

    def dated_goes_on(self, seq: list, t: int) -> tuple[float, str]:
        """Extra cost of a new article at paragraph ``seq[t]``, which opens with a dateline right
        after another paragraph (no headline between), when the text goes on across it: A002
        ``roundup_cohesion`` times the word pairs the paragraphs around it share
        (:meth:`cohesion`) above ``min_affinity``.

        A dateline right after text opens the next article, or the next report of a round-up
        under one headline, or it is the form an article quotes a source in (据新华社…电) at the
        head of one of its sections; the text of such a section goes on with the story (on the
        training pages' 146 datelines right after text, the 27 inside an article had a cohesion
        of 0.039 to 0.217, the 119 opening another article below 0.05 but for 18). Only after
        text that closes its sentence: a section ends on a full stop; text cut mid-sentence
        before a dateline is columns read across (real extractions of typeset pages), where the
        text around the next article's dateline may share its subject."""
        p = self.rules["A002"].params
        w = p["roundup_cohesion"]
        if not w or t == 0 or isinstance(seq[t - 1], list) or not self.has_dateline(seq[t]) \
                or not ends_sentence(seq[t - 1].text.rstrip()):
            return 0.0, ""  # (text that stops mid-sentence before it was cut: columns read across)
        coh = self.cohesion(seq, t)
        if coh <= p["min_affinity"]:
            return 0.0, ""
        return w * (coh - p["min_affinity"]), f"; but the text goes on across it (shares {coh:.0%} of word pairs)"

    def cohesion(self, seq: list, t: int) -> float:
        """How much the text goes on at paragraph ``seq[t]``: the word pairs the paragraphs from
        it on (A002 ``cohesion_after`` of them) share with those before it (``cohesion_before``),
        heading groups between them passed over.

        One paragraph against the one before says little: a section's paragraphs go from one
        point to the next and share few words two by two, while the text of a few paragraphs
        names the story's places, people and bodies again and again. Measured on the training
        pages' paragraph pairs without a dateline or a change of column (4,292, 91 of them an
        article's first), three before against two after tells a new article from the same one
        better than one against one (AUC 0.84 against 0.77)."""
        p = self.rules["A002"].params
        at = self._para_at[t]
        paras = self._paras
        before = paras[max(0, at - p["cohesion_before"]):at]
        after = paras[at:at + p["cohesion_after"]]
        if not before or not after:
            return 0.0
        # (the affinity of the two runs' joined texts, from each paragraph's bigrams)
        return shared_pairs(joined_bigrams(tuple(seq[k].text for k in before)),
                            joined_bigrams(tuple(seq[k].text for k in after)))

    def _boundary_cost(self, prev: Block, u: Block, column: float | None, p: dict,
                       cohesion=None) -> tuple[float, str]:
        if self.has_dateline(u):
            return 0.0, "a dateline opens it"
        if u.first in self.quoted_ahead:
            return p["boundary_quoted"], "a pull quote set right before it repeats it: its article's head"
        if page_gap(self.page, u):
            return p["boundary_gap"], "a blank line sets it apart where the page has none between paragraphs"
        col = column if column is not None else prev.width
        here = self.column_of(u)
        if col and here and abs(col - here) > p["column_change"]:
            return p["boundary_column"], f"the column changes from {col:.1f} to {here:.1f} em"
        aff = affinity(prev.text, u.text) if cohesion is None else cohesion()
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


    def column_span(self, b: Block) -> tuple[float, float]:
        """The widths the column of paragraph ``b`` may have, ``(low, high)``: its own width
        where it shows one (a middle line of three fills the column); for a paragraph of two
        lines (or one healed from parts of one or two), from the width of its widest line but
        the last (a first line that had no indent, as a paragraph's part after a column break
        has none, or that hangs a mark) to that and the widest indent; ``(0, 0)`` for one line,
        which tells nothing. A guess of one width in that range took one line's lost indent
        for a column change next to a subhead."""
        if b.width or len(b.lines) < 2:
            return b.width, b.width
        first = max(self.page.lines[k].width for k in b.lines[:-1])
        return first, first + self.rules["J001"].params["indent_max"]

    def columns_of_runs(self, seq: list) -> None:
        """For every paragraph of ``seq``, the column of its run of paragraphs (those between two
        heading groups) nearest to it: its own width where it shows one (three lines or more),
        else that of the nearest paragraph before it (``before``) or after it that does, else the
        widths its lines allow (:meth:`column_span`). A paragraph of one or two lines shows no
        column, or only a range of them; the text around a heading is still set in one, but not
        across a paragraph that opens with a dateline, nor into one whose own lines rule it out
        (of 1,221 places on the training pages where a heading stands between two paragraphs of
        one article, a column change was measured at 12 before, at 4 since)."""
        change = self.rules["A002"].params["column_change"]
        before, after = {}, {}
        for out, order in ((before, seq), (after, reversed(seq))):
            col = 0.0
            for u in order:
                if isinstance(u, list):
                    col = 0.0
                    continue
                # a dateline opens an article: the text before it, another's, tells not its column
                dated = self.has_dateline(u)
                if dated and out is before:
                    col = 0.0
                col = u.width or col
                lo, hi = self.column_span(u)
                if hi and col and max(lo - col, col - hi) > change:
                    col = 0.0  # its own lines tell another column: the run's is another article's
                elif hi and col:
                    col = min(max(col, lo), hi)  # (the run's column, within what its own lines allow)
                out[u.first] = (col, col) if col else (lo, hi)
                if dated and out is after:
                    col = 0.0
        self._run_columns = (before, after)
        # the paragraphs of seq in order, and each item's place among them (for :meth:`cohesion`)
        self._paras = [t for t, u in enumerate(seq) if not isinstance(u, list)]
        self._para_at = {t: n for n, t in enumerate(self._paras)}

    def column_changes(self, last: Block, nxt: Block) -> tuple[float, float] | None:
        """The columns of the text runs either side of a heading, from paragraph ``last`` to
        paragraph ``nxt``, when they differ by more than A002's ``column_change`` whatever
        widths in their ranges they have (else None)."""
        (a0, a1), (b0, b1) = self.column_around(last, before=True), self.column_around(nxt, before=False)
        if a1 and b1 and max(a0 - b1, b0 - a1) > self.rules["A002"].params["column_change"]:
            return (a1, b0) if a1 < b0 else (a0, b1)  # (the two widths nearest each other)
        return None

    def column_around(self, b: Block, before: bool) -> tuple[float, float]:
        """The range of widths of the column of paragraph ``b`` as :meth:`columns_of_runs`
        found it (its own where it was not asked)."""
        return self._run_columns[0 if before else 1].get(b.first) or self.column_span(b)

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
            if self.has_dateline(u):
                return 0.0  # (a dateline opens an article: the text before it is another's)
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
        for a, b in zip(heads, heads[1:]):
            if _DASH.match(a.text) and b.first == a.last + 1 and not _DASH.match(b.text) \
                    and not dash_goes_on(a.text, w):
                # a heading under a whole dash subtitle: not its rest, another article's title
                cost += w["dash_whole_apart"]
        if sum(1 for b in part if b.kind == "byline") > 1:
            cost += w["second_byline_penalty"]
        if len(heads) >= 2 and self.geo is not None and self.doubled(heads[0]) and self.doubled(heads[1]) \
                and not self.same_block(heads[0], heads[1]):
            cost += w["geo_two_titles"]  # two display headlines set apart on a PDF page: two titles
        return cost


    def tag_apart(self, closing: list[Block], opening: list[Block]) -> float:
        """Cost of a split that parts a column tag (【科技前沿】, 〔法治时评〕) from the
        heading right under it: a tag heads the headline it is set over (its kicker); it
        closes no article, as its title or its last subhead."""
        if closing and opening and closing[-1].kind == "heading" and opening[0].kind == "heading" \
                and self.column_tag(closing[-1]):
            return self.rules["A003"].params["tag_apart"]
        return 0.0

    def cut_lean(self, closing: list[Block], opening: list[Block], prev: list[Block], nxt: Block | None) -> float:
        """What a cut between two articles' headline parts is worth (a discount) when the last
        heading above it sums up the text before the group and the first under it the text
        after (:func:`~.headline_pair.echo_apart` over the two paragraphs before and the one
        after, times A003 ``split_echo``; 0: off): one headline's headings lean one way, two
        articles' each their own. Weighed at every cut between a closing and an opening part
        (split, subsplit, and the cut before the next article's part of a backsplit), so that
        no reading gains it over another that cuts in the same place. Not where the text goes on
        across the group (its word pairs past A002 ``min_affinity``): there one article's text
        stands either side of its headline (a lead-in read before it, 初冬时节…“深蓝”号科考 under
        the kicker “深蓝”号南海冷泉科考纪实, the rest after it under the title 探秘深海), and
        its kicker and title each echo a side of it."""
        weight = self.rules["A003"].params["split_echo"]
        if not weight or not prev or nxt is None or self.across(prev, nxt) >= self.rules["A002"].params["min_affinity"]:
            return 0.0
        up = next((b for b in reversed(closing) if b.kind == "heading"), None)
        down = next((b for b in opening if b.kind == "heading"), None)
        if up is None or down is None:
            return 0.0
        lean = echo_apart(up.text, down.text, " ".join(b.text for b in prev[-2:]), nxt.text)
        return weight * lean if lean > 0 else 0.0

    def byline_apart(self, closing: list[Block], opening: list[Block]) -> float:
        """Cost of a split that parts a byline from the headline it was printed next to.

        A byline is set right above or below its own headline; extraction may bring another
        article's headline (or paragraphs moved away) into the same run, but on the page the
        byline still touches its own: on the next line, where the other is lines away.
        """
        w = self.rules["A003"].params
        last, first = closing[-1], opening[0]
        if (last.kind == "byline") != (first.kind == "byline") \
                and self.page.line_no(first.first) == self.page.line_no(last.last):
            # a byline printed on the headline's own line (the lines stage split it off), parted
            # from it
            return w["byline_line_apart"]
        touching = first.first == last.last + 1
        # (a byline right under the rest of the text a closing headline group cut, which the
        # heal moved up before the group, touches the closing part through that text: it
        # closes its article there, as it would right under the headline)
        if last.kind == "byline" and len(closing) >= 2 and touching and closing[-2].last + 1 != last.first \
                and not self.under_moved_text(last, closing[-2]):
            return w["byline_apart_penalty"]
        moved = first.kind == "byline" and not touching and self.under_moved_text(first, last)
        if first.kind == "byline" and len(opening) >= 2 and (touching or moved) and first.last + 1 != opening[1].first:
            return w["byline_apart_penalty"]
        if first.kind == "byline" and last.kind == "heading" and (touching or moved) and len(opening) >= 2 \
                and opening[1].kind == "heading" and opening[1].first == first.last + 1:
            # a byline between the heading (or its text) right above it and the heading right
            # under it: a byline is set under its own title more often than over it, so the tie
            # goes to the part above (A003 byline_under_title, a small cost, no more than a
            # tie-break)
            return w["byline_under_title"]
        return 0.0


    @staticmethod
    def form(h: Block) -> tuple:
        """The form of a heading that parallel subheads share: a label before a colon
        (上海：… / 河北：…), phrases set apart by a blank."""
        t = h.text.strip()
        colon = t.find("：")
        return (colon if 0 < colon <= 4 else -1), " " in t


    def parallel(self, seq: list, t: int) -> tuple[bool, bool, bool, bool, bool, bool]:
        """Whether the first heading of group ``t`` is set as the lone heading before it (within
        a few items) is: an article's subheads are set as a matched set, which a title and a
        subhead seldom are. Three answers: in its form (a label and its colon: 上海：当好… and
        河北：奋发进取…); in its length (as many characters, at least ``parallel_length``:
        多省份防汛持续加力 / 物资和力量加紧调度); in bold type, both drawn twice (an article
        that sets its subheads bold). Length and type count only with the text between the two
        in one column. The form tells a lone heading between paragraphs; the length, common
        among headlines by chance, and the type only whether a heading closing an article is
        its last subhead, and the length whether a lone heading between paragraphs of an
        article that has read a subhead already is its next (``set_length_bonus``).

        A fourth, from the lone headings on both sides (:meth:`odd_bold`): whether it alone is
        drawn bold among them (a title's display type among an article's plain subheads); a
        fifth (:meth:`longer_than_set`): whether it runs well longer than the one before it; a
        sixth (:meth:`bold_pair`): whether it is drawn bold as the lone heading before or after it."""
        h = seq[t][0]
        f = self.form(h)
        n = len(nows(h.text))
        by_length = self.rules["A003"].params["parallel_length"]
        bold = self.doubled(h)
        before, one_column = self.lone_neighbour(seq, t, -1)
        odd = self.odd_bold(seq, t, before)
        longer = self.longer_than_set(h, before)
        pair = self.bold_pair(seq, t, before, one_column)
        if before is None or f[0] < 0 and not (by_length and n >= by_length) and not bold:
            return False, False, False, odd, longer, pair
        return (f[0] >= 0 and self.form(before) == f,
                bool(by_length and n >= by_length and one_column and len(nows(before.text)) == n),
                bold and one_column and self.doubled(before), odd, longer, pair)

    def bold_pair(self, seq: list, t: int, before: Block | None, one_column: bool) -> bool:
        """Whether lone heading ``seq[t]`` is drawn bold (doubled) as the nearest lone heading
        before or after it is, the text between in one column (:meth:`lone_neighbour`): a page
        that sets an article's subheads bold sets them all so, and bold there is no title's
        display type (the converse of :meth:`odd_bold`). Unlike the bold set of
        :meth:`parallel`, it looks after the heading too, so the first subhead of a bold set
        is told as well, and whether the article has read a subhead yet does not matter.
        Only with a neighbour of its length, within A003 ``bold_pair_gap`` characters: a set's
        subheads are of one length or near it (车间里的“新同事” / 数据里的“金钥匙”), while a run
        of briefs, each a bold title set after its text, pairs titles of any lengths (暑期托管开班
        “小候鸟”有了好去处 / 秋粮收获进度过七成). Measured only where A003 ``bold_pair_bonus``
        weighs it."""
        w = self.rules["A003"].params
        h = seq[t][0]
        if not w["bold_pair_bonus"] or len(seq[t]) != 1 or h.kind != "heading" or not self.doubled(h):
            return False
        n = len(nows(h.text))

        def matches(b: Block | None, column: bool) -> bool:
            return b is not None and column and self.doubled(b) and abs(len(nows(b.text)) - n) <= w["bold_pair_gap"]

        return matches(before, one_column) or matches(*self.lone_neighbour(seq, t, 1))

    def longer_than_set(self, h: Block, before: Block | None) -> bool:
        """Whether lone heading ``h``, on a page without columns (one paragraph a line), runs
        A003 ``set_longer_gap`` characters or more over the lone heading before it
        (:meth:`lone_neighbour`). An article sets its subheads as a matched set, of one length
        or near it (on the clean synthesised pages of train and hunt, a subhead is never more
        than one character longer than the one before it); the title of the next article,
        a statement, runs longer (4 to 15 more, mostly). A columned page tells a title by its
        column; a page without columns only by such cues."""
        gap = self.rules["A003"].params["set_longer_gap"]
        return bool(gap) and before is not None and not self.page.layout.columned \
            and len(nows(h.text)) - len(nows(before.text)) >= gap

    def lone_neighbour(self, seq: list, t: int, step: int) -> tuple[Block | None, bool]:
        """The nearest lone heading before (``step`` -1) or after (+1) group ``t``, within a few
        items with only paragraphs between (None at another heading group or none near), and
        whether the text between is set in one column."""
        reach = 8  # (items looked over: an article's sections are a few paragraphs each)
        cols = []  # the columns of the text between the two: one article's, if one set
        for k in range(t + step, max(-1, t - reach - 1) if step < 0 else min(len(seq), t + reach + 1), step):
            u = seq[k]
            if isinstance(u, list):
                if len(u) != 1 or u[0].kind != "heading":
                    return None, False
                return u[0], not cols or max(cols) - min(cols) <= self.rules["A002"].params["column_change"]
            col = self.column_of(u)
            if col:
                cols.append(col)
        return None, False

    def odd_bold(self, seq: list, t: int, before: Block | None) -> bool:
        """Whether lone heading ``seq[t]`` is drawn bold (doubled) while the lone headings next
        to it (``before``, the nearest before it, and the nearest after it, only paragraphs
        between; one at least) are plain: an article's subheads are set as a matched set, in
        one type, so a bold heading among plain ones is a title in display type, not one of
        them. (Of the lone headings between paragraphs so drawn on the training pages and 1,000
        hunt pages, 50 were titles and 12 subheads; bold alone, A003 bold_penalty, is weighed
        whatever the neighbours. Tried and not kept: a bold heading as long as one of them left
        to their set: hunt seg 90.6 -> 90.5, subheads 81.6 -> 81.5.)"""
        if len(seq[t]) != 1 or seq[t][0].kind != "heading" or not self.doubled(seq[t][0]):
            return False
        near = [b for b in (before, self.lone_neighbour(seq, t, 1)[0]) if b is not None]
        return bool(near) and not any(self.doubled(b) for b in near)


    def back_splits(self, g: list[Block], together: float, prev: list[Block] = (), nxt: Block | None = None) -> list[tuple]:
        """Readings of a group that holds three articles' headlines: the open article's, that
        of the article before it (which closed at a paragraph, with no title: a headline set
        after the text of the next article, as extraction reads a headline block drawn over two
        articles' columns) and the next one's. ``backsplit``: the article before's part first
        (夜经济“点亮”小城烟火气 / 守护好群众“舌尖上的安全” / 低空经济“飞”入寻常百姓家),
        ``crosssplit``: the open article's first. k is the pair of cuts. And, where A003's
        ``back_close_cost`` is not negative, of a group that holds two articles' headlines and
        none after: the article before's, then the open one's (``backclose``, k = (cut, len(g))):
        both texts read before the block drawn over their columns (职业教育点亮出彩人生 /
        ——走访湖滨职业技术学院 / 【今日关注】 / 全国游泳冠军赛落幕 / byline, after the texts of both).
        And, where A003's ``back_inside_cost`` is not negative, of such a group with the open
        article's text going on after it (``backinside``, k = (cut, len(g))): the open one's part
        set inside its own text, as an ``inside`` headline is."""
        m = len(g)
        w = self.rules["A003"].params
        cap = w["max_part"]
        has_head = [b.kind == "heading" for b in g]
        out = []
        for k1 in range(1, min(cap, m - 2) + 1):
            if not any(has_head[:k1]):
                continue
            for k2 in range(k1 + 1, min(k1 + cap, m - 1) + 1):
                if m - k2 > cap:
                    continue
                first, second, opening = g[:k1], g[k1:k2], g[k2:]
                if not any(has_head[k1:k2]) or not any(has_head[k2:]):
                    continue
                c = w["back_split_cost"] + 2 * w["split_cost"] + together \
                    + self.part_cost(first) + self.part_cost(second) + self.part_cost(opening) \
                    + self.byline_apart(first, second) + self.tag_apart(first, second) \
                    + self.byline_apart(second, opening) + self.tag_apart(second, opening) \
                    - self.cut_lean(second, opening, prev, nxt)
                if not (opening[0].kind == "heading" and self.doubled(opening[0])):
                    c += w["split_plain_extra"]
                if page_gap(self.page, g[0]):
                    c += w["gap_opens"]
                out.append(("backsplit", (k1, k2), c, "headlines of the article before last, of the "
                            "article before and of the one after"))
                out.append(("crosssplit", (k1, k2), c, "headlines of the article before, of the one "
                            "before it and of the one after"))
        if w["back_close_cost"] >= 0:
            # two articles' headlines and none after: the article before's (closed untitled at a
            # paragraph) and the open one's, both texts read before the block drawn over them
            for k1, c in self._two_headlines(g, has_head, w["back_close_cost"], together):
                if sum(has_head[k1:]) == 1:
                    # the open article's part a lone title (with its byline, perhaps): as often
                    # the head of the text read after the run (that article's rest) as a closing one
                    c += w["back_close_lone"]
                out.append(("backclose", (k1, m), c, "headlines of the article before and of the open one, "
                            "both after their texts"))
        if w["back_inside_cost"] >= 0 and prev and nxt is not None and not self.has_dateline(nxt) \
                and not page_gap(self.page, g[0]) and not page_gap(self.page, nxt):
            # two articles' headlines, the open article's text going on after them: the article
            # before's (closed untitled at a paragraph, its headline set after its text) and the
            # open one's, drawn across its own columns, so extraction read it inside its text
            # (激活数据要素潜能 / 特约评论员 / 守护好群众“舌尖上的安全” / byline, between two
            # stretches of the food-safety comment). ``backinside``, k = (cut, len(g)): the cut
            # between the two parts costs a split's split_cost (without it the reading cut an
            # article at any paragraph for the refund of its no_title), the rest inside's terms
            inside = self.inside_terms(prev, nxt)
            for k1, c in self._two_headlines(g, has_head, w["back_inside_cost"], inside):
                out.append(("backinside", (k1, m), c, "headline of the article before, then the open one's, "
                            "set inside its text"))
        return out

    def _two_headlines(self, g: list[Block], has_head: list[bool], cost: float, extra: float):
        """(cut, cost) of each cut of group ``g`` into two parts that each hold a heading, the
        article before's headline and the open one's (``backclose``, ``backinside``): ``cost``,
        a split's split_cost, ``extra`` and the two parts' own terms."""
        w = self.rules["A003"].params
        m, cap = len(g), w["max_part"]
        for k1 in range(max(1, m - cap), min(cap, m - 1) + 1):
            first, second = g[:k1], g[k1:]
            if any(has_head[:k1]) and any(has_head[k1:]):
                yield k1, cost + w["split_cost"] + extra + self.part_cost(first) + self.part_cost(second) \
                    + self.byline_apart(first, second) + self.tag_apart(first, second)

    def inside_terms(self, prev: list[Block], nxt: Block) -> float:
        """What reading a headline group as set inside the open article's text costs before its
        parts' own terms (``inside``, ``backinside``): A003 ``inside_cost``, more where the
        column changes across it (``inside_column_change``) and where the text does not go on
        across it (``inside_apart``: no article around it)."""
        w = self.rules["A003"].params
        c = w["inside_cost"]
        if self.column_changes(prev[-1], nxt) is not None:
            c += w["inside_column_change"]
        if self.across(prev, nxt) < self.rules["A002"].params["min_affinity"]:
            c += w["inside_apart"]
        return c

    def group_options(self, g: list[Block], prev: list[Block], nxt: Block | None,
                      parallel: tuple[bool, ...] = (False, False, False, False, False, False), text_after: bool = True,
                      back: bool = False, story: float = 0.0) -> dict[bool, list]:
        """Readings of a heading group, (kind, k, cost, why), for an open article without and
        with a subhead so far (``{has_sub: readings}``). k splits closing/opening parts.
        ``text_after``: whether any paragraph follows the group on the page (bylines with
        none after them head nothing); ``back``: with the readings of :meth:`back_splits`;
        ``story``: what the names the text either side shares add to a boundary's cost (A003
        story_names, weighed where the word pairs are: past text, before text with no
        dateline)."""
        m = len(g)
        heads = [b for b in g if b.kind == "heading"]
        opts = []
        # (the form tells a lone heading; form or length, the last subhead closing an article)
        # (odd: bold among plain lone headings; longer: longer than the subhead before it)
        # (pair: bold as the lone heading before or after it, :meth:`bold_pair`)
        parallel, length_set, bold_set, odd, longer, pair = parallel
        matched = parallel or length_set
        w = self.rules["A003"].params
        # text that goes on across the group argues against an article boundary there
        pa = self.rules["A002"].params
        together = goes_on = 0.0
        if prev and nxt is not None and not self.has_dateline(nxt):  # (inside needs the same)
            goes_on = self.across(prev, nxt)
            together = min(pa["continuity_max"], max(0.0, (goes_on - pa["min_affinity"]) * pa["continuity_weight"]))
            together += story
        dash = w["dash_title_penalty"] if _DASH.match(g[0].text) else 0.0  # no dash subhead either
        if m == 1 and heads:
            sc, why = self.subhead_score(g[0], prev, nxt)
            if odd:  # (a title's display type among the plain subheads of an article)
                sc -= w["odd_bold_penalty"]
                why += "; drawn bold where the lone headings next to it are plain"
            if pair:  # (an article's subheads drawn bold: bold weighs less against a subhead)
                sc += w["bold_pair_bonus"]
                why += "; drawn bold as the lone heading next to it"
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
            if self.page.layout.ocr and prev and nxt is not None and not self.has_dateline(nxt):
                # an OCR engine reads the byline's block where its layout analysis puts it:
                # often between two stretches of its article's text, which goes on after it
                c = w["byline_inside_cost"] + self.part_cost(g)
                if goes_on < pa["min_affinity"]:
                    c += w["inside_apart"]  # the text does not go on across it
                opts.append(("byinside", m, c, "byline read inside its article's text"))
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
                if all(b.kind == "byline" for b in closing) and any(b.kind == "heading" for b in opening):
                    # bylines under the article before (at its text's end), then the next
                    # article's headline
                    c = w["byline_close_cost"] + w["split_cost"] + self.part_cost(closing) + self.part_cost(opening) \
                        + self.byline_apart(closing, opening)
                    opts.append(("bysplit", k, c + together, "byline under its article's text, then the next one's headline"))
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
                c -= self.cut_lean(closing, opening, prev, nxt)
            c += self.byline_apart(closing, opening) + self.tag_apart(closing, opening)
            opts.append(("split", k, c + together, "headlines of the article before and of the one after"))
        if back:  # (weighed only when an article closed untitled at a paragraph may take one)
            opts += self.back_splits(g, together, prev, nxt)
        if heads and prev and nxt is not None and not self.has_dateline(nxt) \
                and not page_gap(self.page, g[0]) and not page_gap(self.page, nxt):
            # the headline block drawn across the columns of its own article: extraction read
            # it between two stretches of the body, which goes on after it (with, under it, a
            # subhead of the part that follows). Not across a blank line where the page sets
            # blank lines only between articles.
            c = self.inside_terms(prev, nxt)
            opts.append(("inside", m, c + self.part_cost(g), "headline set inside its article's text"))
            # (not a line led in by a dash: a dash leads in a subtitle, never a subhead)
            if m >= 2 and g[-1].kind == "heading" and any(b.kind == "heading" for b in g[:-1]) \
                    and not _DASH.match(g[-1].text):
                sc, _ = self.subhead_score(g[-1], prev, nxt)
                # a plain heading right under a bold title is its subtitle, not a subhead
                under = w["subtitle_under_bold"] if g[-2].kind == "heading" and self.doubled(g[-2]) \
                    and not self.doubled(g[-1]) and g[-1].first == g[-2].last + 1 else 0.0
                opts.append(("inside", m - 1, c + self.part_cost(g[:-1]) + w["subhead_cost"] - sc + under,
                             "headline set inside its article's text, a subhead under it"))
        if heads and prev and (self.text_above(prev[-1], heads[0]) or self.headed_apart(prev[-1], heads[0])):
            # a PDF page's geometry: the text before the group starts above its headline, or
            # is set under another headline, so the headline does not close it
            cost = w["geo_text_above"]
            # (a byline closing that text, the headline opening the next article, is no headline
            # closing it: when the byline is set under the text's own headline it stays free)
            by_own = g[0].kind == "byline" and not self.headed_apart(prev[-1], g[0]) \
                and not self.text_above(prev[-1], g[0])
            opts = [(kind, k, c + cost, why + "; but the text before starts above it")
                    if kind in _CLOSING and not (kind == "bysplit" and by_own)
                    else (kind, k, c, why) for kind, k, c, why in opts]
        if not heads and prev and g[0].kind == "byline" and self.headed_apart(prev[-1], g[0]):
            # a PDF page: the byline is set under another headline than the text before it
            cost = w["geo_text_above"]
            opts = [(kind, k, c + cost, why + "; but it is set under another headline") if kind in _BYLINE_CLOSING
                    else (kind, k, c, why) for kind, k, c, why in opts]
        by_sub = {False: opts, True: list(opts)}
        if m == 1 and heads and length_set:
            # an article that has set a subhead already: a lone heading as long as the one
            # before it is the set's next (an article's subheads are set as a matched set; by
            # chance, a title matches the last subhead of the article before it seldom)
            by_sub[True] = [(kind, k, c - w["set_length_bonus"], why + "; as long as the subhead before it")
                            if kind == "sub" else (kind, k, c, why) for kind, k, c, why in opts]
        if m == 1 and heads and longer:
            # an article that has set a subhead already: a lone heading well longer than the one
            # before it is no next of that set (a page without columns: :meth:`longer_than_set`)
            by_sub[True] = [(kind, k, c + w["set_longer_penalty"], why + "; longer than the subhead before it")
                            if kind == "sub" else (kind, k, c, why) for kind, k, c, why in by_sub[True]]
        if m == 1 and heads and bold_set and pa["set_bold_bonus"]:
            # an article that has set a subhead already: a lone heading drawn bold (doubled) as
            # the lone heading before it is, the text between in one column, is the set's next
            # (A002 set_bold_bonus): bold is a title's type where subheads are plain, but a
            # paper that sets its subheads bold sets them all so
            by_sub[True] = [(kind, k, c - pa["set_bold_bonus"], why + "; drawn bold as the subhead before it")
                            if kind == "sub" else (kind, k, c, why) for kind, k, c, why in by_sub[True]]
        if m == 1 and heads and prev and nxt is not None and self.text_stops(prev, nxt):
            # the last subhead of an article that sets its subheads after their sections: the
            # article ends under it (the text after it is another article's: another column or
            # a dateline; at the page's end a heading is the article's headline), so it costs
            # what a last subhead before a headline does,
            # and more when it is not shaped like a subhead (bold display type, long)
            # (bold is no subhead's shape, unless the article set its subhead before it so)
            shape = (w["bold_penalty"] if self.doubled(g[0]) and not bold_set else 0.0) \
                + (w["long_heading_penalty"] if len(nows(g[0].text)) > w["short_heading"] else 0.0)
            for has_sub in (False, True):
                c = (w["subclose_cost"] if has_sub else w["subclose_first_cost"]) + shape \
                    - (w["parallel_bonus"] if matched else 0.0) + dash
                by_sub[has_sub].append(("sub", 0, c, "last subhead of an article that sets them after their sections"))
        if m == 1 and heads and prev and not text_after and matched and pa["end_set_close"]:
            # a lone heading after the page's last text, set as the lone heading before it is (its
            # form, or its length with one column between): the last subhead of an article that
            # sets its subheads after their sections, not its title (A002 end_set_close: closing
            # the article under it as its title costs this much more)
            by_sub = {has_sub: [(kind, k, c + pa["end_set_close"], why + "; set as the subhead before it")
                                if kind == "close" else (kind, k, c, why) for kind, k, c, why in opts_]
                      for has_sub, opts_ in by_sub.items()}
            for has_sub in (False, True):
                c = (w["subclose_cost"] if has_sub else w["subclose_first_cost"]) \
                    - w["parallel_bonus"] + dash
                by_sub[has_sub].append(("sub", 0, c, "last subhead of an article that sets them after their "
                                        "sections, at the page's end"))
        if m >= 2 and g[0].kind == "heading" and any(b.kind == "heading" for b in g[1:]):
            # (the heading read as a last subhead parted from a byline or the tag on its line)
            parted = self.byline_apart(g[:1], g[1:]) + self.tag_apart(g[:1], g[1:])
            rest = self.part_cost(g[1:]) + parted
            for has_sub in (False, True):
                c = (w["subclose_cost"] if has_sub else w["subclose_first_cost"]) + rest + together \
                    - (w["parallel_bonus"] if matched else 0.0) + dash
                by_sub[has_sub].append(("subclose", 1, c,
                                        "last subhead of an article that sets them after their sections"))
            # the last subhead, the article's own headline, then the next article's
            bonus = w["parallel_bonus"] if matched else 0.0
            for k in (range(2, m) if m <= 2 * cap else [*range(2, cap + 2), *range(m - cap, m)]):
                closing, opening = g[1:k], g[k:]
                if not any(b.kind == "heading" for b in closing) or not any(b.kind == "heading" for b in opening):
                    continue
                c = w["split_cost"] + self.part_cost(closing) + self.part_cost(opening) + together + dash - bonus \
                    + parted + self.byline_apart(closing, opening) + self.tag_apart(closing, opening) \
                    - self.cut_lean(closing, opening, prev, nxt)
                if not (opening[0].kind == "heading" and self.doubled(opening[0])):
                    c += w["split_plain_extra"]
                for has_sub in (False, True):
                    by_sub[has_sub].append(("subsplit", k, c + (w["subclose_cost"] if has_sub else w["subclose_first_cost"]),
                                            "last subhead and headline of an article, then the next one's headline"))
        return by_sub
