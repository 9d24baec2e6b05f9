"""Attaching: headings given to their article in print order, subheads put before their
sections, pull quotes and captions given to their articles, drafts finished into articles."""

from __future__ import annotations

import bisect
import math
from functools import cached_property

from ...chars import ends_sentence, han_count, nows
from ...model import Article, Block, replace
from ...rules import search
from .._common import rebuild
from ..interleave import PAGE_END
from .text import _DASH, affinity
from .draft import Draft
from .headline_pair import (bold_goes_on, dash_goes_on, joiner, kicker_over, kicker_set_apart, one_headline,
                            too_short_for_subtitle)
from .confidence import article_evidence, confidence


#: extractors whose text keeps a page's vertical room as blank rows (A003 kicker_gap_rows)
ROW_EXTRACTORS = ("layout", "pdftotext", "pdfminer")

class Attaching:
    """The attaching steps of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    def fill(self, d: Draft, items: list[Block], before: bool, why: str | None = None):
        """Give the article its headings in print order: title, subtitle, byline.

        A kicker (引题) is set above the title in lighter type: a heading above a bold
        (doubled) one that is not bold itself is the kicker, and of three stacked headings the
        first is the kicker, the second the title, the third the subtitle. Of two plain ones the
        lower is the subtitle, unless the cut shows one title broken over two lines, or the
        rows they are set in show a kicker over its title (:mod:`.headline_pair`)."""
        where = "before" if before else "after"
        # the headings given in this call, by identity (a heading rebuilt by a join is a new
        # block, given by no call: a title joined once is not joined again)
        here: set[int] = set()
        broken = None  # the title this call joined from two plain lines (one headline broken)
        for n, b in enumerate(items):
            last = items[n - 1] if n else None  # (the title right above, no byline between)
            if b.kind == "byline":
                if d.byline is None:
                    d.byline = b
                    self.record("A003", "attach", b, why or f"byline of the article {where} it")
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
            elif d.subtitle is None and d.kicker is None and id(d.title) in here \
                    and self.column_tag(d.title) and not self.column_tag(b) and not _DASH.match(b.text):
                d.kicker, d.title = d.title, b
                self.record("A003", "attach", b, f"title of the article {where} it; the column tag "
                            f"above it is its kicker")
            elif d.subtitle is None and d.kicker is None and (id(d.title) in here or d.title is broken) \
                    and self.doubled(b) and not self.doubled(d.title) and not _DASH.match(b.text):
                # (also a plain heading this call joined from two lines: a kicker broken over
                # them, 抢抓晴好天气 / 确保颗粒归仓 over the bold 全县98万亩小麦机收过半)
                d.kicker, d.title = d.title, b
                self.record("A003", "attach", b, f"title of the article {where} it; the plain heading "
                            f"above this bold one is its kicker")
            elif d.subtitle is None and d.kicker is None and id(d.title) in here and last is d.title \
                    and not self.doubled(d.title) and not _DASH.match(b.text) and self.byline_beside(b):
                d.kicker, d.title = d.title, b
                self.record("A003", "attach", b, f"title of the article {where} it; its byline is set on its line, "
                            f"the heading above it is its kicker")
            elif d.subtitle is None and not self.doubled(b) and d.kicker is None and id(d.title) in here \
                    and (last is d.title or self.beside_title(d, last)) and not self.doubled(d.title) \
                    and not _DASH.match(b.text) \
                    and not self.column_tag(b):
                # two plain headings, one over the other: a short piece over a much wider line
                # is its kicker (unless its byline is set on its line: a byline stands beside
                # its title, 以案释法 邵轩霞/上观新闻 / 守护“舌尖上的安全”); a title broken over
                # two lines shows it at the cut; else the lower one is the subtitle
                if last is d.title and kicker_over(d.title.text, b.text, self.rules["A003"].params):
                    d.kicker, d.title = d.title, b
                    self.record("A003", "attach", b, f"title of the article {where} it; the short heading "
                                f"above this much wider one is its kicker")
                    continue
                if last is d.title and kicker_set_apart(self.rows_between(d.title, b), self.set_by_rows(b),
                                                        d.title.text, self.rules["A003"].params):
                    d.kicker, d.title = d.title, b
                    self.record("A003", "attach", b, f"title of the article {where} it; the plain heading "
                                f"set apart above it on a page without bold is its kicker")
                    continue
                joined, p = one_headline(d.title.text, b.text, self.rules["A003"].params,
                                         self.measure_around(b))
                if joined and self.page.layout.columned:  # (a page already clean sets a heading on one line)
                    j = joiner(d.title.text)
                    d.title = broken = rebuild(self.page, replace(d.title, lines=d.title.lines + b.lines,
                                                                  joiners=d.title.joiners + (j,) + b.joiners))
                    self.record("A003", "join", b, f"the title goes on on this line (p = {p:.2f})",
                                before="\n", after=j)
                elif last is d.title and too_short_for_subtitle(d.title.text, b.text, self.rules["A003"].params) \
                        and not (n + 1 < len(items) and items[n + 1].kind != "byline" and self.doubled(items[n + 1])):
                    # (not over a bold heading: the two plain lines are its kicker, broken, below)
                    d.kicker, d.title = d.title, b
                    self.record("A003", "attach", b, f"title of the article {where} it; too short for a "
                                f"subtitle, the heading above it is its kicker (p = {p:.2f} that it goes "
                                f"on the title)")
                else:
                    d.subtitle = b
                    self.record("A003", "attach", b, f"subtitle of the article {where} it (p = {p:.2f} "
                                f"that it goes on the title)")
            elif d.subtitle is None and not self.doubled(b):
                d.subtitle = b
                self.record("A003", "attach", b, f"subtitle of the article {where} it")
            elif d.subtitle is None and id(d.title) in here and self.doubled(d.title) \
                    and (b.first == d.title.last + 1 or self.beside_title(d, last) and b.first == last.last + 1) \
                    and not _DASH.match(b.text) and self.same_block(d.title, b) \
                    and bold_goes_on(d.title.text, b.text, self.measure_around(b), self.rules["A003"].params):
                # two bold lines, one under the other: a title broken over two lines (the
                # subtitle is set lighter), joined with a blank where it broke between phrases
                # (:func:`joiner`: none inside a phrase or after a full-width mark)
                j = joiner(d.title.text)
                d.title = rebuild(self.page, replace(d.title, lines=d.title.lines + b.lines,
                                                     joiners=d.title.joiners + (j,) + b.joiners))
                self.record("A003", "join", b, "a bold title goes on on this bold line", before="\n", after=j)
            elif d.subtitle is None:
                d.subtitle = b
                d.flags.append("doubled subtitle")
                self.record("A003", "attach", b, f"subtitle of the article {where} it (doubled: check)",
                            safety="review")
            elif d.subtitle is not None and _DASH.match(d.subtitle.text) and id(d.subtitle) in here \
                    and b.first == d.subtitle.last + 1 and not self.doubled(b) and self.same_block(d.subtitle, b) \
                    and dash_goes_on(d.subtitle.text, self.rules["A003"].params):
                # a dash subtitle broken over two lines: the line under it goes on with it (on a
                # PDF page, only a line of the same block of type)
                d.subtitle = rebuild(self.page, replace(d.subtitle, lines=d.subtitle.lines + b.lines,
                                                        joiners=d.subtitle.joiners + ("",) + b.joiners))
                self.record("A003", "join", b, "the dash subtitle goes on on this line", before="\n", after="")
            elif d.kicker is None and id(d.title) in here and id(d.subtitle) in here and self.doubled(b) \
                    and not self.doubled(d.title) and not self.doubled(d.subtitle) and not _DASH.match(d.subtitle.text) \
                    and d.subtitle.first == d.title.last + 1 and last is d.subtitle:
                # two plain lines over a bold one: a kicker broken over two lines, over its title
                # (subtitles are set under their title, and lighter)
                j = joiner(d.title.text)
                self.record("A003", "join", d.subtitle, "the kicker goes on on this line", before="\n", after=j)
                d.kicker = rebuild(self.page, replace(d.title, lines=d.title.lines + d.subtitle.lines,
                                                      joiners=d.title.joiners + (j,) + d.subtitle.joiners))
                d.title, d.subtitle = b, None
                self.record("A003", "attach", b, f"title of the article {where} it; the two plain lines "
                            f"above this bold one are its kicker, broken over two lines")
            elif d.kicker is None and (id(d.title) in here or d.title is broken) and id(d.subtitle) in here \
                    and not _DASH.match(d.subtitle.text):
                # (the first a plain heading this call joined from two lines counts too: a kicker
                # broken over them, 冒充客服实施“退 / 款”诈骗 over its title and subtitle)
                d.kicker, d.title, d.subtitle = d.title, d.subtitle, b
                self.record("A003", "attach", b, f"subtitle of the article {where} it; of three stacked "
                            f"headings the first is the kicker")
            else:
                if before:
                    d.body.insert(0, replace(b, kind="subhead"))
                else:
                    d.body.append(replace(b, kind="subhead"))
                    # (maybe the title of a second story read into this text: split_extra_titles)
                    self.__dict__.setdefault("_extra_after", set()).add(b.first)
                d.flags.append("extra heading")
                self.record("A003", "flag", b, "a third headline for one article: kept as a subhead",
                            safety="review")


    def block_index(self) -> tuple[list[Block], list[int]]:
        """The page's blocks and their first lines, in page order (made once per page: the
        headings of every article look their neighbours up in it)."""
        at = getattr(self, "_block_index", None)
        if at is None or at[0] is not self.page:
            blocks = list(self.page.blocks)
            at = self._block_index = (self.page, blocks, [x.first for x in blocks])
        return at[1], at[2]

    def under_moved_text(self, by: Block, head: Block) -> bool:
        """Whether byline ``by`` is set right under the paragraph right under ``head`` (a
        heading of the same run), and so is parted from it by that paragraph alone. A paragraph
        between a heading and a byline of one run stands in no heading run: it is the rest of
        the sentence the headline group cut, which :meth:`heal` moved up to the text before
        the group (聚焦… / 县域经济如何… / 展三年行动… / 新京报记者…), and the byline closes
        it, its article's text, lines from the group's last heading as a byline under it is.
        Not where more paragraphs stand between: the byline is then as far from that heading as
        any article's end is, and opens the next article as often (with any paragraph between
        counted, v0036 and f0013 lost their bylines to the article above, valid bylines 90.6 ->
        89.9, fresh 86.1 -> 85.9). One bisect in the page's blocks."""
        blocks, firsts = self.block_index()
        i = bisect.bisect_right(firsts, by.first - 1) - 1
        if i < 0:
            return False
        x = blocks[i]
        return x.kind == "paragraph" and x.last == by.first - 1 and x.first == head.last + 1

    def measure_around(self, b: Block) -> float:
        """The measure (column width, in ems) of the text around heading ``b``: the narrower of
        the nearest paragraphs before and after it in the page (its article's is one of them),
        0 where there is none. A headline is set in its article's measure, so two heading lines
        that would fit one line of the narrower one fit its article's too."""
        blocks, firsts = self.block_index()
        i = bisect.bisect_left(firsts, b.first)
        before = next((x.width for x in reversed(blocks[:i]) if x.kind == "paragraph"), 0.0)
        after = next((x.width for x in blocks[i:] if x.kind == "paragraph"), 0.0)
        widths = [w for w in (before, after) if w > 0]
        return min(widths) if widths else 0.0

    def beside_title(self, d: Draft, b: Block | None) -> bool:
        """Whether ``b`` is the article's byline set on its title's own line, after it (split off
        by T001): it stands beside the title, not under it, so the line under the title goes on
        the title as if nothing were between them."""
        return b is not None and b is d.byline and d.title is not None and b.first == d.title.last + 1 \
            and self.page.line_no(b.first) == self.page.line_no(d.title.last)

    def byline_beside(self, b: Block) -> bool:
        """Whether the block right after heading ``b`` is a byline set on ``b``'s own line (split
        off by T001: 全县98万亩小麦机收过半文/羊城晚报全媒体记者 王辉鸣). A byline is set beside
        its title, so of two plain stacked headings the lower one with the byline on its line is
        the title and the upper its kicker, not a title over its subtitle."""
        blocks, firsts = self.block_index()
        i = bisect.bisect_right(firsts, b.last)
        return i < len(blocks) and blocks[i].kind == "byline" and blocks[i].first == b.last + 1 \
            and self.page.line_no(blocks[i].first) == self.page.line_no(b.last)

    def rows_between(self, upper: Block, lower: Block) -> int:
        """Source rows from heading ``upper``'s last line to ``lower``'s first (1: the next row);
        0 where a printed line stands between them (a quote or a paragraph another step took out:
        the rows then hold text, not room for larger type)."""
        if lower.first != upper.last + 1:
            return 0
        return self.page.line_no(lower.first) - self.page.line_no(upper.last)

    def set_by_rows(self, b: Block) -> bool:
        """Whether the page tells heading ``b``'s type by the rows it is set in, not by its
        weight: a PDF extractor's page whose blank rows stand for room on the page (poppler's or
        pdfminer's text, which ends its pages with a form feed, or said so with ``--extractor``:
        elsewhere a blank line is only a separator, and a title stands a blank over its subtitle),
        no line of the page was drawn twice (fake bold), the page is set in columns (text already
        clean sets its own blank lines), and the text around ``b`` does not set a blank line after
        every line (there a blank row says nothing)."""
        ge = self.gaps_everywhere
        return not self.dedoubled and self.page.layout.columned and not (b.first < len(ge) and ge[b.first]) \
            and self.rows_are_room

    @cached_property
    def rows_are_room(self) -> bool:
        """Whether the page's blank rows stand for room on the page (asked once a page: the
        source is scanned for a form feed)."""
        return PAGE_END in self.page.source or self.page.rules.option("extractor", "auto") in ROW_EXTRACTORS

    def column_tag(self, b: Block) -> bool:
        """A column or series tag (【冰点】, 〔法治时评〕): a kicker over its title."""
        return any(search(pat, b.text) for pat in self.rules["A003"].params["column_tags"])

    # -------------------------------------------------------------- subheads
    def place_subheads(self, d: Draft) -> None:
        """Subheads set after their sections move to the start of the section.

        A body ending with a subhead shows that layout, unless the subheads lean forward (echo
        what follows them, :meth:`echo_lean`, A004 ``after_echo_margin``): then the heading at
        the end is a stray one (another article's kicker or headline) and they stay. A body
        ending with a paragraph whose subheads lean back (A004 ``lost_last_echo``) is that
        layout with its last subhead lost (read as the next article's headline)."""
        body = d.body
        rule = self.rules["A004"]
        if not body:
            return
        if body[-1].kind != "subhead" and (rule.params["lost_last_echo"] < 0
                                           or sum(b.kind == "subhead" for b in body) < 2):
            # a body ending in text with fewer than two subheads to lean: set the usual way
            # (a leading subhead before any paragraph is fine; nothing to do in before-mode)
            return
        # sections: paragraphs between subheads; each subhead closes the section before it
        sections, cur = [], []
        for b in body:
            if b.kind == "subhead":
                sections.append((cur, b))
                cur = []
            else:
                cur.append(b)
        tail = cur  # paragraphs after the last subhead (none when it ends the body)
        lean, forward = self.echo_lean(sections, tail)
        if tail and (forward or -lean <= rule.params["lost_last_echo"]):
            return  # (ending in text: moved only where the subheads lean back, none forward)
        if not tail and rule.params["after_echo_margin"] >= 0 and lean > rule.params["after_echo_margin"]:
            return
        lengths = [len(s) for s, _ in sections[1:]]
        first_paras, first_head = sections[0]
        if lengths:
            want = math.ceil(sorted(lengths)[len(lengths) // 2] if len(lengths) % 2 else
                             (sorted(lengths)[len(lengths) // 2 - 1] + sorted(lengths)[len(lengths) // 2]) / 2)
        else:
            want = rule.params["default_section"]
        lead = max(1, len(first_paras) - want) if len(first_paras) > 1 else 0
        # a section's first paragraph often echoes its subhead (民生为先 情满天山 → 民生为先，
        # 情满天山。…): the paragraph that echoes it most, less echo_distance_cost per paragraph away from
        # where the section lengths put the start, starts the first section (the nearest of equals)
        if len(first_paras) > 1:
            prior, per = lead, rule.params["echo_distance_cost"]  # (prior is one of 1 .. n - 1)
            lead = max(sorted(range(1, len(first_paras)), key=lambda k: abs(k - prior)),
                       key=lambda k: affinity(first_head.text, first_paras[k].text) - per * abs(k - prior))
        new = list(first_paras[:lead]) + [first_head] + list(first_paras[lead:])
        for paras, head in sections[1:]:
            new += [head] + list(paras)
        new += tail
        for _, head in sections:
            self.record("A004", "move", head, rule.describe(text=head.text))
        d.body = new


    @staticmethod
    def echo_lean(sections: list, tail: list) -> tuple[float, bool]:
        """How much more the subheads after the first echo the paragraph right after them than
        the first one of the run before them (summed over them; < 0: they lean back). A subhead
        repeats words of its own section's first paragraph (民生为先 情满天山 → 民生为先，…):
        subheads set after their sections lean back, subheads set before them lean forward.
        Also whether any one of them leans forward (a body whose subheads disagree is read as
        set the usual way, before its sections)."""
        before = after = 0.0
        forward = False
        for n in range(1, len(sections)):
            paras, head = sections[n]
            nxt = sections[n + 1][0] if n + 1 < len(sections) else tail
            back = affinity(head.text, paras[0].text) if paras else 0.0
            ahead = affinity(head.text, nxt[0].text) if nxt else 0.0
            before, after, forward = before + back, after + ahead, forward or ahead > back
        return after - before, forward

    def adopt_orphans(self, drafts: list[Draft]) -> None:
        """A lone heading left with no text under it that the page sets right after an article's
        last paragraph, where that article has subheads after an intro (and the heading is set
        plain, or drawn bold as those subheads are, and they are still where the page sets them),
        is its last subhead,
        set after its section (the decoder can only give it to the article before it in
        reading order, and an article whose end was read after the next one's text gets that
        end back later, in :meth:`reclaim_tails`). Its body then ends with a subhead: the
        subheads are set after their sections, and A004 moves them before. A lone heading
        right under an article's dash-led subtitle, with no text of its own, is the rest of
        that subtitle, broken over two lines (——走访 / 湖滨职业技术学院)."""
        if self.page.layout.ocr and self.rules["A003"].params["byline_debris_max"]:
            self.trim_byline_debris(drafts)
        if self.rules["A003"].params["extra_title_echo"] > 0:
            self.split_extra_titles(drafts)
        if self.rules["A003"].params["dash_piece_max"]:
            self.mend_dash_subtitles(drafts)
        if self.rules["A003"].params["commentary_byline"]:
            self.undate_commentary(drafts)
        if self.orphans and self.rules["A003"].params["adopt_bylines"]:
            self.adopt_bylines(drafts)
        if not self.orphans or not self.rules["A004"].params["adopt_orphans"]:
            return
        units = [b for b in self.page.blocks if b.kind in ("heading", "byline", "paragraph")]
        at = {b.first: n for n, b in enumerate(units)}
        last_para = {d.body[-1].last: d for d in drafts if d.body and d.body[-1].kind == "paragraph"}
        subtitle_end = {d.subtitle.last: d for d in drafts if d.subtitle is not None}
        keep = []
        for h in self.orphans:
            n = at.get(h.first)
            prev = units[n - 1] if n else None
            d = None if prev is None or h.kind != "heading" else last_para.get(prev.last)
            if d is not None and any(b.kind == "subhead" for b in d.body) and self.intro_before_subheads(d.body) \
                    and all(a.first < b.first for a, b in zip(d.body, d.body[1:])) \
                    and (not self.doubled(h) or self.bold_subheads(d.body)):  # (set as its subheads are)
                d.body.append(replace(h, kind="subhead"))
                d.flags.append("last subhead after the text")
                self.record("A004", "label", h, "subhead: a lone heading with no text under it, right after "
                            "the article's last paragraph, is its last section's subhead", safety="review")
                self.place_subheads(d)
                continue
            d = None if prev is None or h.kind != "heading" else subtitle_end.get(prev.last)
            if d is not None and _DASH.match(d.subtitle.text) and not _DASH.match(h.text) \
                    and dash_goes_on(d.subtitle.text, self.rules["A003"].params):
                joined = rebuild(self.page, replace(d.subtitle, lines=d.subtitle.lines + h.lines,
                                                    joiners=d.subtitle.joiners + ("",) + h.joiners))
                self.record("A004", "join", h, f"subtitle '{d.subtitle.text}' goes on in '{h.text}': a lone "
                            "heading right under a dash-led subtitle, with no text of its own", safety="review")
                d.subtitle = joined
                continue
            keep.append(h)
        self.orphans = keep

    def trim_byline_debris(self, drafts: list[Draft]) -> None:
        """A byline whose last line is a few Han characters alone (A003 ``byline_debris_max``
        or fewer), set off from the credit above it by a blank line, loses that line (kept in
        dropped): OCR output only. An engine reads a picture, or the first characters of a
        headline set beside the byline (房车 of 房车开进大草原), as a block of its own under it,
        and the rejoin stage takes a short line after a byline for the rest of its names; an
        engine sets a byline's own lines in one block, with no blank line inside it. Only
        where the credit above holds a reporter's title (A003 ``reporter_credit``) or an
        outlet's slash: a byline whole without the line."""
        w = self.rules["A003"].params
        most = w["byline_debris_max"]
        for d in drafts:
            b = d.byline
            if b is None or len(b.lines) < 2:
                continue
            last = self.page.lines[b.lines[-1]]
            tail = nows(last.text)
            if last.gap_before <= 0 or not 0 < len(tail) <= most or han_count(tail) != len(tail):
                continue
            head = rebuild(self.page, replace(b, lines=b.lines[:-1], joiners=b.joiners[:len(b.lines) - 2]))
            if not (search(w["reporter_credit"], head.text) or "/" in head.text):
                continue
            d.byline = head
            junk = rebuild(self.page, replace(b, kind="furniture", lines=b.lines[-1:], joiners=()))
            self.orphans.append(junk)
            self.record("A003", "drop", junk, f"'{tail}' under the byline, set off by a blank line, is no part "
                        "of it (a picture's or a headline's characters read as a block of their own)",
                        safety="review")

    def split_extra_titles(self, drafts: list[Draft]) -> None:
        """A heading :meth:`fill` kept as a subhead at an article's end because the group set
        after its text held more headings than one headline has (a title, subtitle and kicker
        already given) is the title of a second story, whose text the decoder read into this
        article: two texts set one after the other, then their two headlines (职业教育点亮出彩人生
        / ——走访湖滨职业技术学院 / 全国游泳冠军赛落幕 after a report on the swimming meet).
        Where a paragraph of the article, not its first, echoes that heading (shares more than
        A003 ``extra_title_echo`` of its word pairs) more than the article's own title does, the
        story under the heading starts at the paragraph that echoes it most: it splits off there,
        as an article of its own under that heading, with the byline set right under it."""
        extra = self.__dict__.get("_extra_after")
        if not extra:
            return
        for d in list(drafts):
            h = d.body[-1] if d.body else None
            if h is None or h.kind != "subhead" or h.first not in extra:
                continue
            at, echo = self.story_start(d, h, len(d.body) - 1)
            if at is None:
                continue
            byline = d.byline if d.byline is not None and d.byline.first == h.last + 1 else None
            self.split_story(drafts, d, h, at, len(d.body) - 1, byline,
                             f"it echoes the extra heading '{h.text}' ({echo:.0%} of word pairs) more than its "
                             "article's title")

    def story_start(self, d: Draft, h: Block, end: int) -> tuple[int | None, float]:
        """Where in ``d.body[:end]`` the story headed by ``h`` starts, read into ``d`` after
        its own text, and how much that paragraph echoes ``h``: the paragraph after the lead
        that echoes ``h`` most, more than A003 ``extra_title_echo`` of its word pairs and more
        than ``d``'s title, where the lead echoes ``h`` no more than ``d``'s title (else the
        story set first is ``h``'s: not this reading). None where there is none, or ``h`` is
        led in by a dash (a subtitle, never a title)."""
        floor = self.rules["A003"].params["extra_title_echo"]
        if floor <= 0 or d.title is None or _DASH.match(h.text):
            return None, 0.0
        lead = next((b for b in d.body if b.kind == "paragraph"), None)
        if lead is None or affinity(h.text, lead.text) > affinity(d.title.text, lead.text):
            return None, 0.0
        best, at = floor, None
        for k in range(1, end):
            b = d.body[k]
            if b.kind != "paragraph":
                continue
            e = affinity(h.text, b.text)
            if e > best and e > affinity(d.title.text, b.text):
                best, at = e, k
        return at, best

    def split_story(self, drafts: list[Draft], d: Draft, h: Block, at: int, end: int,
                    byline: Block | None, why: str) -> None:
        """Split ``d.body[at:end]`` off ``d`` as an article of its own under title ``h`` (with
        ``byline``, taken from ``d`` if it held it), appended to ``drafts``; recorded (A003)."""
        new = Draft(body=d.body[at:end], title=replace(h, kind="heading"), byline=byline,
                    flags=["title split off its story's text"], width=d.width, margin=d.margin)
        self.record("A003", "split", d.body[at], f"new article at line {self.page.line_no(d.body[at].first)}: "
                    + why, safety="review")
        self.record("A003", "attach", h, "title of the article before it: the story it heads was read "
                    "into the article before", safety="review")
        d.body = d.body[:at]
        if byline is not None and d.byline is byline:
            d.byline = None
        drafts.append(new)

    def mend_dash_subtitles(self, drafts: list[Draft]) -> None:
        """A dash subtitle too short to be a whole one (at most A003 ``dash_piece_max``
        characters, the dash counted: ——陕西, ——为基层减负) goes on on the heading set on the
        next line in the same type (plain, or bold as it is) and block, wherever the decoder put that heading (the
        title or kicker of the next article, a subhead): a subtitle names the place and the
        subject in a phrase (——陕西西安国际港站见闻), and a piece that short is that phrase
        broken where the headline's measure ran out. (A dash subtitle of one article is at least
        11 characters on the synthesised and shared pages; :meth:`fill` joins such a line within
        one headline part, A003 ``dash_line_max``.)"""
        limit = self.rules["A003"].params["dash_piece_max"]
        holders = {}  # a heading's first line -> (the draft holding it, where)
        for d in drafts:
            for role in ("kicker", "title", "subtitle"):
                b = getattr(d, role)
                if b is not None:
                    holders[b.first] = (d, role, b)
            for b in d.body:
                if b.kind == "subhead":
                    holders[b.first] = (d, "body", b)
        for d in drafts:
            sub = d.subtitle
            if sub is None or not _DASH.match(sub.text) or len(nows(sub.text)) > limit:
                continue
            got = holders.get(sub.last + 1)
            if got is None:
                continue
            owner, role, h = got
            if h is sub or _DASH.match(h.text) or self.doubled(h) != self.doubled(sub) or not self.same_block(sub, h):
                continue
            if role == "body":
                owner.body = [b for b in owner.body if b is not h]
            else:
                setattr(owner, role, None)
            d.subtitle = rebuild(self.page, replace(sub, lines=sub.lines + h.lines,
                                                    joiners=sub.joiners + ("",) + h.joiners))
            del holders[h.first]
            self.record("A003", "join", h, f"the dash subtitle '{sub.text}', too short to be whole, goes on "
                        "on this line", before="\n", after="", safety="review")

    def undate_commentary(self, drafts: list[Draft]) -> None:
        """A commentator's byline (A003 ``commentary_byline``: 本报评论员, 特约评论员) given to an
        article that opens with a dateline goes to the article set right before it on the page,
        or else right after it, where that one opens with none and has no commentator's byline
        (the two swap bylines where it has another): a commentary is no report, and carries no
        dateline. (The decoder weighs a byline against the next article's dateline only.)"""
        pat = self.rules["A003"].params["commentary_byline"]
        comment = [d for d in drafts if d.byline is not None and search(pat, d.byline.text) and self.dated(d)]
        if not comment:
            return
        _, beside = self._beside(drafts)
        for d in comment:
            h = d.byline
            o = next((x for x in beside(h) if x is not None and x is not d and not self.dated(x) and x.paragraphs
                      and (x.byline is None or not search(pat, x.byline.text))), None)
            if o is None:
                continue
            d.byline, o.byline = o.byline, h
            self.record("A003", "attach", h, "byline of the undated article set next to it: a commentator's "
                        "byline heads no dated report", safety="review")

    def _beside(self, drafts: list[Draft]):
        """Who stands next to whom: the article holding each block (by its first line), and a
        function giving the articles that hold the heading, byline or paragraph printed right
        before and right after a block (None for a block no article holds, none for one that
        is none of those kinds)."""
        units = [b for b in self.page.blocks if b.kind in ("heading", "byline", "paragraph")]
        at = {b.first: n for n, b in enumerate(units)}
        owner: dict[int, Draft] = {}
        for d in drafts:
            for b in d.body + [x for x in (d.kicker, d.title, d.subtitle, d.byline) if x is not None]:
                owner[b.first] = d

        def beside(h: Block) -> list:
            n = at.get(h.first)
            if n is None:
                return []
            return [owner.get(units[k].first) for k in (n - 1, n + 1) if 0 <= k < len(units)]

        return owner, beside

    def dated(self, d: Draft) -> bool:
        """Whether the article's first paragraph opens with a dateline."""
        first = next((b for b in d.body if b.kind == "paragraph"), None)
        return first is not None and self.has_dateline(first)

    def adopt_bylines(self, drafts: list[Draft]) -> None:
        """A byline left over (a second one for the article the decoder gave it to, or one of
        a headline part with no text under it) goes to the article set right before it on the
        page, or else right after it, where that one has no byline: a byline is printed next to
        its own article, at its text's end or by its headline (A003 ``adopt_bylines``). (The
        decoder weighs a byline against the next article's dateline, not against the bylines
        that article holds further on, so a byline the text before it left untaken may go
        where one is already.)"""
        owner, beside = self._beside(drafts)
        keep = []
        for h in self.orphans:
            if h.kind != "byline":
                keep.append(h)
                continue
            d = next((x for x in beside(h) if x is not None and x.byline is None), None)
            if d is None:
                keep.append(h)
                continue
            d.byline = h
            owner[h.first] = d
            self.record("A003", "attach", h, "byline of the article set next to it, which has none "
                        "(left over by the decoder)", safety="review")
        self.orphans = keep

    def owner_of_quote(self, q: Block, drafts: list[Draft], line_owner: dict | None = None) -> int | None:
        from rapidfuzz import fuzz

        src = self.page.layout.pullquote_sources.get(q.first)
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
            else:  # (the form read at labelling, which a later blank's removal hid from the
                # patterns: 中新网9月15日电 站在 -> 电站在, read as 电站)
                dateline = nows(self.datelines[first_para.first])
        if d.title is None and body:
            self.record("A002", "flag", body[0], "article without a title", safety="review")
        lead = d.paragraphs[0].text if d.paragraphs else ""
        echo = max((affinity(h.text, lead) for h in (d.title, d.subtitle) if h is not None), default=0.0)
        evidence = article_evidence(d.margin, self.rules["A002"].params["confidence_margin_cap"],
                                    d.title is None, len(d.flags), echo, len(d.paragraphs),
                                    d.title is not None and self.bold_page and not self.doubled(d.title),
                                    bool(d.paragraphs) and not ends_sentence(d.paragraphs[-1].text),
                                    self.bold_subheads(body),
                                    any(b.first in self.datelines for b in d.paragraphs[1:]))
        return Article(title=d.title, subtitle=d.subtitle, kicker=d.kicker, byline=d.byline, dateline=dateline, body=body,
                       pullquotes=tuple(pqs), captions=tuple(caps),
                       confidence=confidence(evidence, self.rules["A002"].params), evidence=evidence)
