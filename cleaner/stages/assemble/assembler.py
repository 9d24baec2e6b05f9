"""The assemble stage's worker: one page, its change records, and the steps of its
mixins (heal, readings, decode, attach) in order (:meth:`Assembler.run`)."""

from __future__ import annotations

import bisect

from ...chars import ends_sentence
from ...model import Block, Change, Page
from ...rules import search
from .draft import Draft
from .attach import Attaching
from .decode import Decoding
from .heal import Healing
from .leads import LeadReclaiming
from .readings import Readings
from .mend_open import mend_open_paragraphs
from .rescue import rescue_orphans
from .reunite import Reuniting
from .sections import Sectioning
from .unsplice import Unsplicing


STAGE = "assemble"


class Assembler(Unsplicing, Healing, Readings, Decoding, Reuniting, Sectioning, LeadReclaiming, Attaching):
    def __init__(self, page: Page):
        self.page = page
        self.rules = page.rules
        self.changes: list[Change] = []
        self.margin_now: float | None = None
        # a pull quote read into the body sentence it copies comes out first (A010): every
        # step after reads the page's blocks with the quote apart and the body whole
        self.page = page = self.unsplice_copies(page)
        self.datelines: dict = page.layout.datelines
        self.dedoubled = set(page.layout.dedoubled)
        self.gaps_everywhere = page.layout.gaps_everywhere
        self.geo = page.geometry() if page.layout.geometry is not None else None
        # the page draws its headlines bold (twice): a title set plain there is less sure
        self.bold_page = any(b.kind == "heading" and self.doubled(b) for b in page.blocks)
        self._bodies: list[str] | None = None
        self._owner_lines: list[int] = []  # the lines some article owns, sorted (set by run)
        self._across: dict[tuple[str, ...], float] = {}
        self._credits: dict[int, bool] = {}  # a dateline's first line -> it credits the reporter
        self._after_memo: dict[int, Block | None] = {}  # a block's last line -> the paragraph after it
        self.orphans: list[Block] = []  # blocks no article could take: they go to dropped
        self.trace: list | None = None  # set to [] to collect the chosen reading (debugging)
        # while build() replays the decoder's choices: the margin of the decision at hand and
        # the article it shapes (a decision is 'review' only when it was a close call)
        self.margin_now: float | None = None
        self.draft_now: Draft | None = None
        self.quoted_ahead = self._quoted_ahead()
        # each paragraph's column as its run shows it, before and after (set per segmentation)
        self._run_columns: tuple[dict, dict] = ({}, {})
        self._paras: list[int] = []
        self._para_at: dict[int, int] = {}


    def _quoted_ahead(self) -> frozenset[int]:
        """The paragraphs (their first lines) right after a pull quote that repeats them or one
        of the paragraphs after them (A002 ``quoted_reach`` in all), the text before the quote
        closing its sentence: a quote set at the head of its article, so the article starts there (a quote boxed inside its own
        article's column repeats text around it, but mostly cuts a sentence, or repeats text
        further off). On the synthesised training and validation pages 20 of 24 such
        paragraphs open an article."""
        src = self.page.layout.pullquote_sources
        if not src:
            return frozenset()
        reach = self.rules["A002"].params["quoted_reach"]
        units = [b for b in self.page.blocks if b.kind in ("heading", "byline", "paragraph", "pullquote")]
        out = set()
        for n, q in enumerate(units):
            if q.kind != "pullquote" or q.first not in src or n == 0:
                continue
            k = n - 1
            while k >= 0 and units[k].kind == "pullquote":
                k -= 1
            if k < 0 or units[k].kind != "paragraph" or not ends_sentence(units[k].text.rstrip()):
                continue
            after = []  # the paragraphs right after the quote, up to reach of them
            for b in units[n + 1:]:
                if b.kind != "pullquote":
                    if b.kind != "paragraph" or len(after) == reach:
                        break
                    after.append(b.first)
            if after and src[q.first] in after:
                out.add(after[0])
        return frozenset(out)


    # -------------------------------------------------------------- helpers
    def same_block(self, a: Block, b: Block) -> bool:
        """On a PDF page: whether two blocks' first lines are in one column block of the
        page (set together); True on a page that came as text (nothing says otherwise)."""
        if self.geo is None:
            return True
        ga, gb = self.geo[a.lines[0]], self.geo[b.lines[0]]
        return ga is None or gb is None or ga.block == gb.block

    def _headline_of(self, b: Block):
        g = self.geo[b.lines[0]] if self.geo is not None else None
        return None if g is None else g.headline

    def same_headline(self, a: Block, b: Block) -> bool:
        """On a PDF page: whether two blocks are set under the same display headline."""
        ha = self._headline_of(a)
        return ha is not None and ha == self._headline_of(b)

    def under_one_headline(self, before: Block, heading: Block, after: Block) -> bool:
        """On a PDF page: whether a heading not set in display type stands between two
        paragraphs set under the same headline (as a subhead does)."""
        g = self.geo[heading.lines[0]] if self.geo is not None else None
        return g is not None and heading.first not in self.dedoubled and self.same_headline(before, after)

    def headed_apart(self, text: Block, heading: Block) -> bool:
        """On a PDF page: whether a paragraph is set under a display headline other than
        ``heading`` (and so is not the text ``heading`` closes)."""
        ht, hh = self._headline_of(text), self._headline_of(heading)
        return ht is not None and hh is not None and ht != hh

    def text_above(self, text: Block, heading: Block) -> bool:
        """On a PDF page: whether a paragraph starts more than an em above a heading. A
        headline heads its article from the top: text that starts above it is not the text
        it closes (read in geometric order, only a first column set beside the headline comes
        before it, and that starts level with it)."""
        if self.geo is None:
            return False
        a, h = self.geo[text.lines[0]], self.geo[heading.lines[0]]
        return a is not None and h is not None and a.top > h.top + a.body

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
        # (asked for every paragraph in every state of the decoder: the dateline is the
        # page's, looked up by its first line, so its answer is worked out once)
        got = self._credits.get(b.first)
        if got is None:
            got = self._credits[b.first] = search(self.rules["A003"].params["reporter_credit"],
                                                  self.datelines[b.first]) is not None
        return got


    def byline_cost(self, part: list[Block], credited: bool) -> float:
        """Cost of giving the bylines in ``part`` to the article whose text follows it: A003
        ``byline_with_credit`` where its dateline credits its reporter, ``byline_with_dateline``
        where it opens with a dateline that names no one. An article with a dateline prints a
        byline less often than one without (the dateline says who sent it), so a byline set
        between one article's last paragraph and the next one's dated headline more often
        closes the first (at its text's end) than heads the second."""
        if not part or not any(b.kind == "byline" for b in part):
            return 0.0
        p = self.rules["A003"].params
        if credited:
            return p["byline_with_credit"]
        if p["byline_with_dateline"] and part[0].kind == "byline":
            # (only a byline over the part's headline: one under its title heads that title's
            # article, whatever its dateline)
            nxt = self.paragraph_after(part[-1])
            if nxt is not None and self.has_dateline(nxt):
                return p["byline_with_dateline"]
        return 0.0

    def paragraph_after(self, b: Block) -> Block | None:
        """The block right after ``b`` among the page's headings, bylines and paragraphs, where
        it is a paragraph (the text a headline part heads); None where a heading or nothing
        follows. (Looked up by ``b``'s last line in the page's block index, once per block.)"""
        memo = self._after_memo
        if b.last not in memo:
            blocks, firsts = self.block_index()
            i = bisect.bisect_right(firsts, b.last)
            nxt = next((x for x in blocks[i:] if x.kind in ("heading", "byline", "paragraph")), None)
            memo[b.last] = nxt if nxt is not None and nxt.kind == "paragraph" else None
        return memo[b.last]


    # -------------------------------------------------------------- attachments
    def drafts(self) -> list[Draft]:
        """The page's articles as drafts, in reading order: paragraphs healed, segmented,
        headlines attached, subheads in place (everything but pull quotes and captions)."""
        blocks = list(self.page.blocks)
        units = [b for b in blocks if b.kind in ("heading", "byline", "paragraph")]
        units = self.heal_across(units, [b for b in blocks if b.kind not in ("heading", "byline", "paragraph")])
        units = self.join_split_headlines(units)
        units = self.heal(units)
        drafts = self.segment(units)
        for d in drafts:
            self.place_subheads(d)
        return sorted(drafts, key=lambda d: min((b.first for b in d.body), default=10**9))

    def run(self) -> Page:
        page = self.page
        blocks = list(page.blocks)
        dropped = [b for b in blocks if b.kind in ("furniture", "credit")]
        for b in dropped:
            self.record("A007", "drop", b, f"{b.kind} '{b.text[:20]}' belongs to no article")
        pullquotes = [b for b in blocks if b.kind == "pullquote"]
        captions = [b for b in blocks if b.kind == "caption"]
        drafts = self.reclaim_leads(
            self.reclaim_sections(self.reclaim_head_tails(
                self.reclaim_closed_tails(self.reclaim_tails(self.reunite(self.drafts()))))))
        self.adopt_orphans(drafts)  # (after the tails: an article's last paragraph may be one)
        rescue_orphans(self, drafts)  # (the headings left: kept in the article whose text encloses or precedes them)
        mend_open_paragraphs(self, drafts)  # (the halves of a paragraph the steps above left side by side)
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
