"""Jumped sections: a run of an article's paragraphs read inside another article's text (a
jump: the column was cut, and its rest set elsewhere on the page) goes back to its own."""

from __future__ import annotations

from bisect import insort

from ...chars import ends_sentence
from .._common import median_without
from .heal import _wrapped
from .reunite import names_of
from .text import joined_bigrams, shared_pairs


class Sectioning:
    """The jumped-section step of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    def reclaim_sections(self, drafts: list) -> list:
        """An article takes back a section of its text that the decoder read inside a later
        article's text.

        A headline block drawn across the columns, or a story continued in another column
        (the synthesiser's and a paper's jump), makes extraction read a stretch of one
        article's text between two stretches of the next one's: the decoder, which reads the
        page as one sequence of articles, cannot go back to an article it closed, so the
        stretch goes to the article it stands in. :meth:`reclaim_closed_tails` takes back
        such a stretch where it ends its host's text; this step also where the host's own text
        goes on after it. A reader sees it by what the text talks about: the stretch names
        the first article's places, people and bodies, not its host's. So, for each draft E
        and each run of its body blocks from Z (not E's first: its lead stays) to the end of
        a paragraph closing its sentence (or to E's end), where the block before Z closes its
        sentence (or is a subhead) and Z opens with no dateline, the share of word pairs the
        run shares with each of the A002 ``section_reach`` drafts before E (X) less the share
        it shares with the rest of E is weighed; the best run above ``section_margin`` that
        names at least ``section_names`` more things (runs of three Han characters) with X
        than with the rest of E and its headline, and at most ``section_against`` with these,
        goes to the end of X. The run must be set in X's column (the median widths of its
        paragraphs and X's within A002 ``column_change``) and not in E's: two stories of one
        topic share their words, and without the column more runs moved wrongly than rightly.
        With ``section_lead``, the draft after E may be X too, for a run at E's end: that
        draft's lead, read before the block of the article before it ended, goes to its head
        (not before a dateline, which opens its article). With ``section_untitled``, E may have
        no title. Only on a page set in columns, the run holding a paragraph printed over
        several lines (text in reading order was cut by no column). Runs of at most
        ``section_max_run`` blocks in drafts of at most ``section_max_body`` keep the step's
        cost linear in the page (each run is weighed against the rest of its draft)."""
        p = self.rules["A002"].params
        reach = p["section_reach"]
        if reach <= 0 or len(drafts) < 2 or not self.page.layout.columned:
            return drafts
        cands: dict[int, tuple | None] = {}  # a draft's best section to give back, by index
        for _ in range(len(drafts)):  # (one section a round: each move changes the texts weighed)
            best = None
            for ie in range(len(drafts)):
                if ie not in cands:
                    cands[ie] = self._best_section(drafts, ie, p)
                c = cands[ie]
                if c is not None and (best is None or c[0] > best[0]):
                    best = c
            if best is None:
                break
            gain, ie, m, n, ix = best
            e, x = drafts[ie], drafts[ix]
            run = e.body[m:n]
            where = "the end of its text" if n == len(e.body) else "inside its text"
            self.record("A002", "move", run[0], f"text from line {self.page.line_no(run[0].first)} on "
                        f"({len(run)} block(s)), read {where} of the article at line "
                        f"{self.page.line_no(e.body[0].first)}, is a section of the article at line "
                        f"{self.page.line_no(x.body[0].first)}: it shares that one's words (score {gain:.2f}) "
                        f"more than the rest of its host's text", safety="review")
            if ix > ie:
                x.body[:0] = run
            else:
                x.body.extend(run)
            del e.body[m:n]
            for j in range(min(ie, ix) - 1, max(ie, ix) + reach + 1):  # (those that weighed E or X)
                cands.pop(j, None)
        return drafts

    def _best_section(self, drafts: list, ie: int, p) -> tuple | None:
        """The best run of draft ``ie``'s body to give back, as (gain, ie, m, n, ix), or None:
        what :meth:`reclaim_sections` weighs for one draft (it reads drafts ``ie - reach`` to
        ``ie + 1``, so a move redoes only the drafts around it)."""
        e = drafts[ie]
        reach, margin = p["section_reach"], p["section_margin"]
        para_text = self._para_texts
        change = p["column_change"]
        lead_back = p["section_lead"]
        max_run, max_body = p["section_max_run"], p["section_max_body"]
        best = None
        if not 2 <= len(e.body) <= max_body or (e.title is None and not p["section_untitled"]):
            return None
        body = e.body
        xs = [(ix, drafts[ix]) for ix in range(max(0, ie - reach), ie + (2 if lead_back else 1))
              if ix != ie and ix < len(drafts) and drafts[ix].paragraphs and _wrapped(drafts[ix].paragraphs)]
        if not xs:
            return None
        own = [(ix, x, joined_bigrams(para_text(x.body)), self._column(x.body)) for ix, x in xs]
        # the widths :meth:`_column` takes the median of, sorted: of the whole body (the rest of
        # it around a run is these less the run's), and of the run from m, grown a block at a
        # time (a sort of the run and of the rest for every run was most of the step's time)
        ordered = sorted(_widths(body))
        for m in range(1, len(body)):
            y, z = body[m - 1], body[m]
            if not (y.kind == "subhead" or (y.kind == "paragraph" and ends_sentence(y.text))):
                continue
            if z.kind == "paragraph" and self.has_dateline(z):
                continue
            run_widths: list[float] = []  # (those of body[m:n], sorted)
            wrapped = False  # (_wrapped(body[m:n]))
            for n in range(m + 1, min(len(body), m + max_run) + 1):
                last = body[n - 1]
                if last.kind == "paragraph":
                    if last.width:
                        insort(run_widths, last.width)
                    wrapped = wrapped or len(last.lines) > 1
                if n < len(body) and not (last.kind == "paragraph" and ends_sentence(last.text)):
                    continue
                run = body[m:n]
                if not wrapped:
                    continue
                col = run_widths[len(run_widths) // 2] if run_widths else 0.0  # (self._column(run))
                if not col:
                    continue
                homes = [(ix, x, xb) for ix, x, xb, xcol in own
                         if xcol and abs(xcol - col) <= change and not (ix > ie and (
                             n < len(body) or (x.body[0].kind == "paragraph" and self.has_dateline(x.body[0]))))]
                # (the next article's lead: only at the end of its host, and not before a
                # dateline, which opens its article)
                if not homes:
                    continue
                rest = body[:m] + body[n:]
                home = median_without(ordered, run_widths)  # (self._column(rest))
                if not home or abs(col - home) <= change:
                    continue  # (set in its host's column, or no column shown: nothing tells it apart)
                sec = joined_bigrams(para_text(run))
                theirs = joined_bigrams(para_text(rest))
                against = shared_pairs(sec, theirs)
                for ix, x, xb in homes:
                    gain = shared_pairs(sec, xb) - against
                    if gain <= margin or (best is not None and gain <= best[0]):
                        continue
                    names = names_of(para_text(run))
                    ours = names_of(para_text(x.body))
                    other = names_of(para_text(rest) + tuple(
                        h.text for h in (e.title, e.subtitle) if h is not None))
                    n_ours, n_against = len((names & ours) - other), len((names & other) - ours)
                    if n_ours - n_against >= p["section_names"] and n_against <= p["section_against"]:
                        best = (gain, ie, m, n, ix)
        return best

    def _column(self, blocks) -> float:
        """The column the paragraphs among ``blocks`` are set in: the median of the widths of
        those that show one (0 when none does)."""
        widths = sorted(_widths(blocks))
        return widths[len(widths) // 2] if widths else 0.0

    @staticmethod
    def _para_texts(blocks) -> tuple[str, ...]:
        """The texts of the paragraphs among ``blocks``."""
        return tuple(b.text for b in blocks if b.kind == "paragraph")


def _widths(blocks) -> list[float]:
    """The widths of the paragraphs among ``blocks`` that show one (what :meth:`Sectioning._column`
    takes the median of)."""
    return [b.width for b in blocks if b.kind == "paragraph" and b.width]
