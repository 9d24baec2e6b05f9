"""Leads given to the article before: the last paragraphs of an article that open the next
one, whose title sums them up better than the text the decoder gave it, go to its head."""

from __future__ import annotations

from ...chars import ends_sentence
from .text import affinity, joined_bigrams, shared_pairs


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
        clean page sets every headline: a move there would be made again on a second
        cleaning.) The figures that chose the gates are in rules/assemble.toml (A002)."""
        p = self.rules["A002"].params
        reach = p["lead_reach"]
        if reach <= 0 or len(drafts) < 2:
            return drafts
        for i in range(1, len(drafts)):
            x, y = drafts[i - 1], drafts[i]
            best = self._best_lead(x, y, p)
            if best is None:
                continue
            gain, k = best
            run = x.body[-k:]
            self.record("A002", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                        f"({k} block(s)), read at the end of the article at line "
                        f"{self.page.line_no(x.body[0].first)}, is the lead of the next article "
                        f"('{y.title.text}'): its title repeats it more than that article's first "
                        f"paragraph, and it shares that article's words (score {gain:.2f}) more than "
                        f"the rest of its host's text", safety="review")
            y.body[:0] = run
            del x.body[-k:]
        return drafts

    def _best_lead(self, x, y, p) -> tuple[float, int] | None:
        """The run of ``x``'s last blocks that is ``y``'s lead, as (share gained, its length
        in blocks), or None (what :meth:`reclaim_leads` weighs for one pair)."""
        if y.title is None or not y.body or not x.body or x.body[-1].last >= y.body[0].first:
            return None
        end, start = x.body[-1].last, y.body[0].first
        if any(h is not None and end < h.first < start for h in (x.title, y.title)):
            # (X's own headline set between: the run closes X; Y's: Y's headline was read over
            # the text after it, as a clean page sets every one: the run before it stays, or a
            # second cleaning would move what the first left)
            return None
        first = y.body[0]
        if first.kind != "paragraph" or self.has_dateline(first):
            return None
        heads = [h.text for h in (y.title, y.subtitle) if h is not None]
        e_y = max(affinity(h, first.text) for h in heads)
        ybig = None  # (Y's word pairs: joined once a run passes the echo gates)
        best = None
        for k in range(1, min(p["lead_reach"], len(x.body) - 1) + 1):
            run = x.body[-k:]
            if run[0].kind != "paragraph":
                break  # (a subhead heads what follows it: not a lead)
            prev = x.body[-k - 1]
            if not (prev.kind == "subhead" or (prev.kind == "paragraph" and ends_sentence(prev.text))):
                continue
            rest = tuple(b.text for b in x.body[:-k] if b.kind == "paragraph")
            if not rest:
                break
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
