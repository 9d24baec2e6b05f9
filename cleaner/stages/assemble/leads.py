"""Leads given to the article before: the last paragraphs of an article that open the next
one, whose title sums them up better than the text the decoder gave it, go to its head."""

from __future__ import annotations

import math

from ...chars import ends_sentence
from ...rules import search_any
from .confidence import odds
from .reunite import names_of
from .text import affinity, joined_bigrams, shared_pairs

#: the cues :meth:`LeadReclaiming.lead_cues` measures, in the order the fit reads them
LEAD_CUES = ("gain", "echo", "echo_over", "dated", "y_dated", "x_between", "ours",
             "against", "column", "column_x", "size", "x_titled", "after_subhead", "x_echo", "run_echo", "near")

#: the cues :meth:`LeadReclaiming.head_tail_cues` measures, in the order the fit reads them
HEAD_TAIL_CUES = ("gain", "near", "ours", "against", "echo", "echo_over", "x_echo", "rest_dated",
                  "open", "column", "column_y", "size", "title_between")


class LeadReclaiming:
    """The lead-reclaim step of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    def reclaim_leads(self, drafts: list) -> list:
        """An article takes back its lead from the end of the article read before it.

        A headline block drawn across the columns, or set after its text, leaves nothing
        between one article's last paragraph and the next one's first but a change of
        subject: the decoder, weighing the title's echo of one paragraph only, may open the
        next article at a later paragraph that its title repeats, and the lead set before
        goes to the article before (issue #14). A title sums up its lead:
        so for each pair of drafts X, Y read one after the other (Y titled, neither headline
        set between them, Y's text not opening with a dateline, which opens its article), a
        run of X's last paragraphs (at most A002 ``lead_reach``; the block before it closing
        its sentence or a subhead, X keeping text) goes to Y's head when Y's title (or
        subtitle) repeats more of the run's first paragraph's word pairs than of Y's first
        paragraph's, by more than ``lead_echo_margin``, and at least ``lead_min_echo`` of
        them, and the run shares more than ``lead_margin`` more of its word pairs with Y's
        text than with the rest of X's. The best run of a pair (the largest share) moves;
        0: off. (A headline of Y's between the two was read over the text after it, as a
        clean page sets every headline: a move there is made only with A002
        ``lead_across_title``, and only where X keeps ``lead_across_keep`` paragraphs: a lead
        set before its own headline is still that headline's, but a second cleaning reads a
        headline under an article of one paragraph as its subhead.) The figures that chose
        the gates are in rules/assemble.toml (A002).

        With A003's ``lead_weights``, on a page set in columns, a pair whose run those gates do
        not move is weighed again: each run :meth:`lead_candidates` yields gets the log-odds of
        a logistic model over the cues :meth:`lead_cues` measures, and the best past
        ``lead_threshold`` moves (the echo alone, or the share of words alone, tells a lead
        from the end of the article before too seldom; with the names, the column and the
        echo of each headline, more often).

        With A002 ``lead_jump``, a pair that moves nothing is weighed again across the draft
        before ``y`` where that draft's text opens between (a story read across another, its
        lead left at the end of the article before that one): the run at the
        end of the draft two before goes to ``y``'s head by the same gates and weights, a
        weighed run only where it weighs more as ``y``'s lead than as the middle draft's."""
        p = self.rules["A002"].params
        reach = p["lead_reach"]
        if reach <= 0 or len(drafts) < 2:
            return drafts
        # (the weighed reclaim only on a page set in columns: text in reading order, a paragraph a
        # line, as cleaned text is, was cut by no column, and its headlines stand where they head)
        weighted = self.rules["A003"].params["lead_weights"] and self.page.layout.columned
        for i in range(1, len(drafts)):
            x, y, across = drafts[i - 1], drafts[i], None
            best, by_weights = self._best_lead(x, y, p), False
            if best is None and weighted:
                best, by_weights = self._best_weighted_lead(x, y), True
            if best is None and p["lead_jump"] and i >= 2 and self._read_between(drafts[i - 2], x, y):
                across, x = x, drafts[i - 2]
                best, by_weights = self._best_lead(x, y, p), False
                if best is None and weighted:
                    best, by_weights = self._best_weighted_lead(x, y, across), True
            if best is None:
                continue
            gain, k = best
            run = x.body[-k:]
            if by_weights:
                self.record("A003", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                            f"({k} block(s)), read at the end of the article at line "
                            f"{self.page.line_no(x.body[0].first)}, is the lead of the "
                            f"{'article after the one read between' if across else 'next article'} "
                            f"('{y.title.text}'): its words, names, column and its title's echo are that "
                            f"article's (log-odds {gain:.2f})", safety="review")
            else:
                self.record("A002", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                            f"({k} block(s)), read at the end of the article at line "
                            f"{self.page.line_no(x.body[0].first)}, is the lead of the "
                            f"{'article after the one read between' if across else 'next article'} "
                            f"('{y.title.text}'): its title repeats it more than that article's first "
                            f"paragraph, and it shares that article's words (score {gain:.2f}) more than "
                            f"the rest of its host's text", safety="review")
            y.body[:0] = run
            del x.body[-k:]
        return drafts

    @staticmethod
    def _read_between(x, z, y) -> bool:
        """Whether ``z``'s text opens between ``x``'s and ``y``'s (A002 ``lead_jump``: a story
        read across another, its lead left at the end of the article before that one, as a
        page sets a story jumping over another; ``z`` may go on after ``y``'s text opens, two
        stories read across each other)."""
        return bool(x.body and z.body and y.body) and x.body[-1].last < z.body[0].first < y.body[0].first

    def _best_lead(self, x, y, p) -> tuple[float, int] | None:
        """The run of ``x``'s last blocks that is ``y``'s lead, as (share gained, its length
        in blocks), or None (what :meth:`reclaim_leads` weighs for one pair)."""
        if y.title is None or not y.body or not x.body or x.body[-1].last >= y.body[0].first:
            return None
        end, start = x.body[-1].last, y.body[0].first
        across = y.title is not None and end < y.title.first < start
        if (x.title is not None and end < x.title.first < start) or (across and not p["lead_across_title"]):
            # (X's own headline set between: the run closes X; Y's: Y's headline was read over
            # the text after it, as a clean page sets every one: the run before it stays unless
            # lead_across_title, and then X keeps lead_across_keep paragraphs, or a second
            # cleaning reads Y's headline as the short X's subhead)
            return None
        first = y.body[0]
        if first.kind != "paragraph" or self.has_dateline(first):
            return None
        heads = [h.text for h in (y.title, y.subtitle) if h is not None]
        e_y = max(affinity(h, first.text) for h in heads)
        ybig = None  # (Y's word pairs: joined once a run passes the echo gates)
        best = None
        for k in self._lead_runs(x, p["lead_reach"], p["lead_across_keep"] if across else 0):
            run = x.body[-k:]
            rest = tuple(b.text for b in x.body[:-k] if b.kind == "paragraph")
            e = max(affinity(h, run[0].text) for h in heads)
            if e < p["lead_min_echo"] or e - e_y <= p["lead_echo_margin"]:
                continue
            if ybig is None:
                ybig = joined_bigrams(tuple(b.text for b in y.body if b.kind == "paragraph"))
            rb = joined_bigrams(tuple(b.text for b in run))
            gain = shared_pairs(rb, ybig) - shared_pairs(rb, joined_bigrams(rest))
            if gain > p["lead_margin"] and (best is None or gain > best[0]):
                best = (gain, k)
        return best

    def opens_as_lead(self, b) -> bool:
        """Whether paragraph ``b`` opens as a news report's lead does (A002 ``lead_openers``:
        记者从…获悉, 从…了解到). A report says where its news comes from in its first sentence,
        and a later paragraph of it never opens so (rules/assemble.toml, A002: of the gold
        train and hunt pages' later paragraphs, none): such a paragraph opens its own article,
        and is no tail of the article before."""
        return b.kind == "paragraph" and search_any(self.rules["A002"].params["lead_openers"], b.text) is not None

    # ------------------------------------------------------------ the weighed reclaim (A003)
    def lead_candidates(self, x, y):
        """The runs of ``x``'s last blocks :meth:`lead_cues` weighs as ``y``'s lead, by their
        length ``k``: ``y`` titled and holding text, ``x``'s text read before ``y``'s and ``y``'s
        headline not between them (read over the text after it, as a clean page sets every
        headline; with A002 ``lead_across_weighted`` it may be, where ``x`` keeps
        ``lead_across_keep`` paragraphs, as for :meth:`_best_lead`), the run opening with a paragraph after a paragraph closing its
        sentence or a subhead, at most A002 ``lead_reach`` blocks, ``x`` keeping a paragraph
        before it. (The other gates of :meth:`_best_lead`, the title's echo and a dateline,
        are cues here, weighed together.)"""
        p = self.rules["A002"].params
        if y.title is None or not y.body or not x.body or x.body[-1].last >= y.body[0].first:
            return  # (read back)
        across = x.body[-1].last < y.title.first < y.body[0].first
        if across and not p["lead_across_weighted"]:
            return  # (under y's headline: as for _best_lead, a clean page's order)
        yield from self._lead_runs(x, p["lead_reach"], p["lead_across_keep"] if across else 0)

    @staticmethod
    def _lead_runs(x, reach: int, keep: int):
        """The lengths ``k`` of the runs of ``x``'s last blocks that may be the next article's
        lead: at most ``reach`` blocks, opening with a paragraph after a paragraph closing its
        sentence or a subhead (a subhead heads what follows it: no run reaches past one), ``x``
        keeping a paragraph before it, and ``keep`` or more where asked."""
        for k in range(1, min(reach, len(x.body) - 1) + 1):
            if x.body[-k].kind != "paragraph":
                break
            prev = x.body[-k - 1]
            if not (prev.kind == "subhead" or (prev.kind == "paragraph" and ends_sentence(prev.text))):
                continue
            kept = sum(b.kind == "paragraph" for b in x.body[:-k])
            if not kept or kept < keep:
                break
            yield k

    def lead_side(self, y) -> tuple:
        """What :meth:`lead_cues` measures of ``y`` alone, whichever run of the article before
        it weighs: its headlines' texts, its paragraphs' texts and their word pairs, its names
        and its headlines', its title's echo of its first paragraph, its column (made once per
        pair of drafts, not once per run)."""
        first = y.body[0]
        heads = [h.text for h in (y.title, y.subtitle) if h is not None]
        y_texts = tuple(b.text for b in y.body if b.kind == "paragraph")
        echo_y = max(affinity(h, first.text) for h in heads) if first.kind == "paragraph" else 0.0
        return heads, y_texts, joined_bigrams(y_texts), names_of(y_texts) | names_of(heads), echo_y, \
            self._column(y.body)

    def lead_cues(self, x, y, k: int, side: tuple | None = None) -> dict[str, float]:
        """What tells the run of ``x``'s last ``k`` blocks to be the lead of ``y``, each a cue of
        A003's ``lead_weights``: the share of word pairs the run shares with ``y``'s text less
        the share it shares with the rest of ``x``'s (``gain``, within ``lead_clip``); how much
        of ``y``'s title's (or subtitle's) word pairs its first paragraph repeats (``echo``)
        and by how much more than ``y``'s own first paragraph (``echo_over``); the run opening
        with a dateline (``dated``), ``y``'s text doing so (``y_dated``); ``x``'s headline read
        between the two texts (``x_between``); the names (runs of three Han characters) the run
        shares with ``y`` and not with the rest of ``x`` (``ours``) and the reverse
        (``against``), as log(1 + n); the run set in ``y``'s column (``column``) or in the rest
        of ``x``'s (``column_x``), within A001's ``column_tolerance``; its length in blocks
        (``size``); ``x`` titled (``x_titled``); a subhead right before it (``after_subhead``);
        how much of ``x``'s headline the run repeats (``x_echo``), of ``y``'s the whole run
        (``run_echo``); the share of word pairs it shares with as many of ``y``'s first
        paragraphs as it has less that with as many of ``x``'s last before it (``near``, within
        ``lead_clip``). ``side``: :meth:`lead_side` of ``y``, if already made."""
        heads, y_texts, y_pairs, ys, echo_y, ycol = side if side is not None else self.lead_side(y)
        run, rest = x.body[-k:], x.body[:-k]
        first = y.body[0]
        end, start = x.body[-1].last, first.first
        lo, hi = self.rules["A003"].params["lead_clip"]
        run_texts = tuple(b.text for b in run if b.kind == "paragraph")
        rest_texts = tuple(b.text for b in rest if b.kind == "paragraph")
        rb = joined_bigrams(run_texts)
        gain = shared_pairs(rb, y_pairs) - shared_pairs(rb, joined_bigrams(rest_texts))
        echo = max(affinity(h, run[0].text) for h in heads)
        names, xs = names_of(run_texts), names_of(rest_texts)
        tol = self.rules["A001"].params["column_tolerance"]
        rcol, xcol = self._column(run), self._column(rest)
        x_heads = [h.text for h in (x.title, x.subtitle) if h is not None]
        joined = "".join(run_texts)
        near_x = joined_bigrams(tuple(b.text for b in rest[-k:] if b.kind == "paragraph"))
        near_y = joined_bigrams(y_texts[:k])
        return {
            "gain": max(lo, min(hi, gain)),
            "x_echo": max((affinity(h, joined) for h in x_heads), default=0.0),
            "run_echo": max(affinity(h, joined) for h in heads),
            "near": max(lo, min(hi, shared_pairs(rb, near_y) - shared_pairs(rb, near_x))),
            "echo": echo,
            "echo_over": echo - echo_y,
            "dated": 1.0 if self.has_dateline(run[0]) else 0.0,
            "y_dated": 1.0 if self.has_dateline(first) else 0.0,
            "x_between": 1.0 if x.title is not None and end < x.title.first < start else 0.0,
            "ours": math.log1p(len((names & ys) - xs)),
            "against": math.log1p(len((names & xs) - ys)),
            "column": 1.0 if rcol and ycol and abs(rcol - ycol) <= tol else 0.0,
            "column_x": 1.0 if rcol and xcol and abs(rcol - xcol) <= tol else 0.0,
            "size": float(k),
            "x_titled": 1.0 if x.title is not None else 0.0,
            "after_subhead": 1.0 if x.body[-k - 1].kind == "subhead" else 0.0,
        }

    def _best_weighted_lead(self, x, y, between=None) -> tuple[float, int] | None:
        """The run of ``x``'s last blocks whose log-odds by A003's ``lead_weights`` is the
        highest past ``lead_threshold``, as (log-odds, its length in blocks), or None. With
        ``between`` (a titled draft read between ``x`` and ``y``), only a run weighed more as
        ``y``'s lead than as ``between``'s (a lead left before the story read between is its
        nearer neighbour's first). With A003 ``lead_longest`` (a margin of log-odds; 0: off),
        the longest run past the threshold weighed within that margin of the highest goes
        instead (a run judged a lead is its article's whole, and a shorter one inside it the
        same lead cut short: the model weighs a lead's first paragraph alone, often its most
        telling, a little above the whole; a longer run weighed far lower adds paragraphs the
        model does not take for the lead's)."""
        p = self.rules["A003"].params
        passed, side = [], None
        for k in self.lead_candidates(x, y):  # (shortest first)
            side = side or self.lead_side(y)
            score = odds(p["lead_weights"], self.lead_cues(x, y, k, side))
            if score <= p["lead_threshold"]:
                continue
            if between is not None and between.title is not None and between.body and \
                    odds(p["lead_weights"], self.lead_cues(x, between, k)) >= score:
                continue
            passed.append((score, k))
        if not passed:
            return None
        best = max(passed, key=lambda r: r[0])  # (the first of the highest: the shortest)
        if p["lead_longest"] > 0:
            best = max((r for r in passed if r[0] >= best[0] - p["lead_longest"]), key=lambda r: r[1])
        return best

    # ------------------------------------------------------------ tails at the head (A001)
    def reclaim_head_tails(self, drafts: list) -> list:
        """An article takes back its end, read as the first paragraphs of the next one.

        A column can end an article on a full paragraph, and its rest, read after the next
        article's headline but before that article's own lead, then opens the next article's
        text: :meth:`reclaim_tails` and :meth:`reclaim_closed_tails` weigh only text after
        a closed sentence inside the next draft, and ``_prefix_tail`` only a rest that reads on
        from a sentence left open (issue #14, a closed tail at the head of the next article).
        Nothing at the seam tells it; what tells it is the text: the run talks about the
        article before (its word pairs and names), the next article's title sums up the text
        after the run rather than the run, and what follows the run often opens with a
        dateline, which opens an article. So, with A001's ``head_tail_weights``, on a page set
        in columns, each run of the next draft's first blocks :meth:`head_tail_candidates`
        yields gets the log-odds of a logistic model over the cues :meth:`head_tail_cues`
        measures, and the best past ``head_tail_threshold`` goes to the end of the draft
        before ({}: off)."""
        p = self.rules["A001"].params
        weights = p["head_tail_weights"]
        if not weights or not self.rules["A001"].enabled or len(drafts) < 2 or not self.page.layout.columned:
            return drafts
        for i in range(1, len(drafts)):
            x, y = drafts[i - 1], drafts[i]
            best = None
            for k in self.head_tail_candidates(x, y):
                score = odds(weights, self.head_tail_cues(x, y, k))
                if score > p["head_tail_threshold"] and (best is None or score > best[0]):
                    best = (score, k)
            if best is None:
                continue
            score, k = best
            run = y.body[:k]
            self.record("A001", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                        f"({k} block(s)), read at the head of the article at line "
                        f"{self.page.line_no(y.body[k].first)}, is the end of the article at line "
                        f"{self.page.line_no(x.body[0].first)}: its words, names and column are that "
                        f"one's, and its title's echo is the text after it (log-odds {score:.2f})",
                        safety="review")
            x.body.extend(run)
            del y.body[:k]
        return drafts

    def head_tail_candidates(self, x, y):
        """The runs of ``y``'s first blocks :meth:`head_tail_cues` weighs as the end of ``x``,
        by their length ``k``: both drafts titled, ``x`` ending on a paragraph read before
        ``y``'s text, the run paragraphs only, at most A001 ``head_tail_reach`` of them, opening
        with no dateline (a dateline opens its article) and, with ``head_tail_not_led``, not as a
        news report's lead (:meth:`opens_as_lead`: 记者从…获悉 opens an article as a dateline
        does), closing its sentence, ``y`` keeping a paragraph after it."""
        p = self.rules["A001"].params
        if x.title is None or y.title is None or not x.body or not y.body \
                or x.body[-1].kind != "paragraph" or x.body[-1].last >= y.body[0].first \
                or y.body[0].kind != "paragraph" or self.has_dateline(y.body[0]):
            return
        if p["head_tail_not_led"] and self.opens_as_lead(y.body[0]):
            return  # (a run opening as a news report's lead does is its own article's lead)
        for k in range(1, min(p["head_tail_reach"], len(y.body) - 1) + 1):
            if y.body[k - 1].kind != "paragraph":
                break
            if not ends_sentence(y.body[k - 1].text) or y.body[k].kind != "paragraph":
                continue
            yield k

    def head_tail_cues(self, x, y, k: int) -> dict[str, float]:
        """What tells the run of ``y``'s first ``k`` blocks to be the end of ``x``, each a cue of
        A001's ``head_tail_weights``: the share of word pairs the run shares with ``x``'s text
        less the share it shares with the rest of ``y``'s (``gain``, within
        ``tail_closed_clip``), the same with as many of ``x``'s last and ``y``'s next paragraphs
        as it has (``near``); the names (runs of three Han characters) it shares with ``x``
        and not with the rest of ``y`` and its headline (``ours``) and the reverse
        (``against``), as log(1 + n); how much of ``y``'s title (or subtitle) its first
        paragraph repeats (``echo``) and how much more the paragraph after it does
        (``echo_over``); how much of ``x``'s headline the run repeats (``x_echo``); the
        paragraph after it opening with a dateline (``rest_dated``); ``x`` cut mid-sentence
        (``open``); the run set in ``x``'s column (``column``) or in the rest of ``y``'s
        (``column_y``), within ``column_tolerance``; its length in blocks (``size``); ``y``'s
        title read between ``x``'s text and the run (``title_between``)."""
        p = self.rules["A001"].params
        lo, hi = p["tail_closed_clip"]
        tol = p["column_tolerance"]
        run, rest = y.body[:k], y.body[k:]
        after = rest[0]
        run_texts = tuple(b.text for b in run)
        rest_texts = tuple(b.text for b in rest if b.kind == "paragraph")
        x_texts = tuple(b.text for b in x.body if b.kind == "paragraph")
        heads = [h.text for h in (y.title, y.subtitle) if h is not None]
        x_heads = [h.text for h in (x.title, x.subtitle) if h is not None]
        rb = joined_bigrams(run_texts)
        gain = shared_pairs(rb, joined_bigrams(x_texts)) - shared_pairs(rb, joined_bigrams(rest_texts))
        near = shared_pairs(rb, joined_bigrams(x_texts[-k:])) - shared_pairs(rb, joined_bigrams(rest_texts[:k]))
        names, xs = names_of(run_texts), names_of(x_texts)
        ys = names_of(rest_texts) | names_of(heads)
        echo = max(affinity(h, run[0].text) for h in heads)
        echo_rest = max(affinity(h, after.text) for h in heads)
        rcol, xcol, ycol = self._column(run), self._column(x.body), self._column(rest)
        return {
            "gain": max(lo, min(hi, gain)),
            "near": max(lo, min(hi, near)),
            "ours": math.log1p(len((names & xs) - ys)),
            "against": math.log1p(len((names & ys) - xs)),
            "echo": echo,
            "echo_over": echo_rest - echo,
            "x_echo": max((affinity(h, "".join(run_texts)) for h in x_heads), default=0.0),
            "rest_dated": 1.0 if self.has_dateline(after) else 0.0,
            "open": 1.0 if self.ends_cut(x) else 0.0,
            "column": 1.0 if rcol and xcol and abs(rcol - xcol) <= tol else 0.0,
            "column_y": 1.0 if rcol and ycol and abs(rcol - ycol) <= tol else 0.0,
            "size": float(k),
            "title_between": 1.0 if x.body[-1].last < y.title.first < run[0].first else 0.0,
        }
