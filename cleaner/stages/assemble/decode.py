"""Decoding: the cheapest reading of the whole page, by dynamic programming over the
readings of its items, and the articles it makes."""

from __future__ import annotations

import heapq
from functools import partial
from operator import itemgetter

from ...model import Block, replace
from ...rules import search_any
from .text import affinity, bigrams, joined_bigrams, shared_pairs
from .draft import Draft
from .story_echo import echo_above, subhead_lead_echo
from .story_names import shared_names, story_names_cue


#: A decoder state: (the open article has a title, its paragraphs so far (capped at 3), its
#: subheads so far (capped at 2; at 1 where A002 single_subhead is 0), it has credited its
#: reporter (its dateline names them, or its headline part held a byline), the article before it closed at the paragraph this one opened at, with no title
#: (a headline group may still give it one: a backsplit or backclose): that article's lead + 1,
#: 0 when not (its title's echo of its lead is weighed when the group gives it one), its lead:
#: its first paragraph's index in the sequence or None). A plain tuple: the decoder makes
#: millions on a long page.
#:
#: The fifth field (ub) also says, below zero, that an article was *suspended* when the open one
#: opened inside its text (a headline or a jump set another article within it): ``-1 - n``, n
#: the suspended article's place in the decoding's table of them (its own state fields and what
#: closing it cost, refunded if it resumes: :meth:`Decoding.segment`). A suspended article and an
#: untitled one waiting for its title (ub > 0) are two ways the article before is not done with.
State = tuple[bool, int, int, bool, int, "int | None"]


def _without_untitled_lead(st: State) -> tuple:
    """A state with the untitled article's lead said only as whether there is one."""
    ht, hb, hs, hc, ub, lead = st
    return ht, hb, hs, hc, ub > 0, lead


def _reading(st: State) -> tuple:
    """What a state says of the page read so far: all but the open article's lead, with its
    subheads said only as whether it has one (two states apart only in their count read the
    page alike)."""
    ht, hb, hs, hc, ub, _ = st
    return ht, hb, hs > 0, hc, ub


#: the readings of a heading group that an article which has its title and text may take
#: (the others close or give a title to an untitled one)
_TITLED_READINGS = frozenset(("sub", "byclose", "bysplit", "open", "byinside"))


#: a State's fields by name, and where the decoder's pruning cuts it (:meth:`Decoding._prune`):
#: all before the open article's lead; the untitled article's lead; all but that
_FIELDS = ("ht", "hb", "hs", "hc", "ub", "lead")
_UB, _LEAD = _FIELDS.index("ub"), _FIELDS.index("lead")
_BUT_UNTITLED = itemgetter(*range(_UB), _LEAD)


#: a (state, (cost, backpointer)) pair's cost
_COST = lambda kv: kv[1][0]  # noqa: E731


#: the decoder's state after an article closes at a heading group (no article open)
CLOSED = (False, 0, False, False, 0, None)


class Decoding:
    """The decoder of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

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
        if kind in ("byclose", "byinside"):
            return kind, k, c, None, True, None
        if kind == "bysplit":
            return kind, k, c, None, True, (self.byline_cost(item[k:], nxt_credits), echo(title_heads(item[k:]), nxt_at),
                                            True)
        if kind in ("backclose", "backinside"):
            mine = item[k[0]:]
            return kind, k, c, title_heads(mine), any(b.kind == "byline" for b in mine), title_heads(item[:k[0]])
        if kind in ("backsplit", "crosssplit"):
            k1, k2 = k
            mine = item[k1:k2] if kind == "backsplit" else item[:k1]
            return kind, k, c, title_heads(mine), any(b.kind == "byline" for b in mine), (
                self.byline_cost(item[k2:], nxt_credits), echo(title_heads(item[k2:]), nxt_at), True)
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
        self.columns_of_runs(seq)
        p = self.rules["A002"].params
        no_title = p["no_title"]
        # an article going on across a paragraph that opens with a dateline: right after a
        # headline (a new article's), or after text (a round-up's next report)
        dated_after_head, dated_after_text = p["dateline_stay"], p["roundup_stay"]
        dated_sub = p["subhead_dated_stay"]
        # an article going on across a paragraph that opens as a report's lead does (A002
        # lead_openers: 记者从…获悉, 从…了解到): a report says where its news comes from in its first
        # sentence, and no later paragraph of a story opens so (lead_stay; 0: off). Saying when
        # (lead_openers_after_text: 近日，, 日前，) counts only right after text: a feature's
        # section under its subhead may open on another event so (近日，在厦门华电开关有限公司…).
        # Only the source's 从 form: 记者在当地采访时了解到 goes on with a story (tests/test_idempotence.py)
        lead_stay, openers, when = p["lead_stay"], p["lead_openers"], p["lead_openers_after_text"]

        # an article of one or two paragraphs is possible but rare: the cost by paragraphs (0-3)
        shorts = [p["short_article"][n - 1] if 0 < n <= len(p["short_article"]) else 0.0 for n in range(4)]
        most = 3  # (paragraphs are counted up to 3: the short_article table's length)
        short = shorts.__getitem__
        # an article's subheads so far are counted up to 2 (the state's hs): subheads part an
        # article into sections, two at least, so an article that has its title and closes at a
        # headline (the next article's, or its own byline) or at the page's end with exactly one
        # costs single_subhead: that one was most often the next article's title (see A002
        # single_subhead for where it is not weighed). At 0 the count stops at 1 (whether it has
        # one): the states, and so the readings, are those without the cue.
        cap = 2 if p["single_subhead"] else 1
        lone_sub = (0.0, p["single_subhead"], 0.0)
        more_sub = (1, cap, cap)  # (the count after one more subhead)

        INF = float("inf")
        NO_PATH = (INF, None)
        # an article that another cuts into (its headline or text set inside this one's) may be
        # suspended there and resumed after it: suspend_cost to keep it, resume_cost less
        # resume_affinity times the word pairs the resumed paragraph shares with its lead (against
        # those it shares with the lead of the article it leaves), plus resume_same times those
        # the two leads share, to take it up again; below zero suspend_cost turns it off
        suspend, resume_base, resume_aff = p["suspend_cost"], p["resume_cost"], p["resume_affinity"]
        resume_same = p["resume_same"]
        # resume_last: a paragraph goes on with an article as much as it goes on with that
        # article's lead *or its last paragraph* (the story has moved on by its cut: the part
        # read apart takes up where it was cut, not where it began); for the open article, the
        # paragraph right before this one
        resume_last = p["resume_last"]
        resume_evidence = p["resume_evidence"]
        # (an article of fewer paragraphs is not suspended: resuming it would refund its
        # short_article cost, a bonus for taking any paragraph back whatever it says)
        suspend_min = p["suspend_min_paragraphs"]
        suspending = suspend >= 0
        suspend_beam = p["suspend_beam"]  # (a bound on the states that hold one: see A002)
        suspended: list = []  # (ht, hb, hs, hc, lead, what closing it cost, its last paragraph) of each suspended article
        suspended_at: dict = {}  # such a tuple -> its place in suspended

        def suspend_id(info: tuple) -> int:
            """The ub that says the article ``info`` tells is suspended (below zero)."""
            n = suspended_at.get(info)
            if n is None:
                n = suspended_at[info] = len(suspended)
                suspended.append(info)
            return -1 - n

        resume_cache: dict = {}

        def goes_on(lead: int, t: int) -> float:
            """The word pairs paragraph ``seq[t]`` shares with the lead ``seq[lead]`` of an
            article it may go on with. (Weighed against the article it would leave: a share of
            the rarer side's pairs, high for any line of a few characters.)"""
            key = (lead, t)
            got = resume_cache.get(key)
            if got is None:
                got = resume_cache[key] = affinity(seq[lead].text, seq[t].text)
            return got

        # resume_run: a paragraph goes on with an article as much as it shares word pairs with
        # the article's last few paragraphs read together (up to resume_run of them, from its
        # lead to ``last``), as :meth:`cohesion` weighs a run against the next: one paragraph
        # against one says little (a section's paragraphs share few words two by two), a few
        # name the story's places, people and bodies again and again. 0: the lead's and the
        # last paragraph's likeness alone.
        resume_run = p["resume_run"]
        paras_at = self._para_at
        paras = self._paras

        def goes_on_run(lead: int, last: int, t: int) -> float:
            """The word pairs paragraph ``seq[t]`` shares with the run of the article's last
            ``resume_run`` paragraphs (its lead the first of them at most) that ends at
            ``seq[last]``."""
            key = (lead, last, t, None)
            got = resume_cache.get(key)
            if got is None:
                hi = paras_at.get(last)
                if hi is None:
                    got = goes_on(lead, t)
                else:
                    lo = max(paras_at.get(lead, hi), hi - resume_run + 1)
                    run = tuple(seq[k].text for k in paras[lo:hi + 1])
                    got = shared_pairs(joined_bigrams(run), bigrams(seq[t].text))
                resume_cache[key] = got
            return got

        def goes_on_with(lead: int, last: int, t: int) -> float:
            """:func:`goes_on`, or with resume_last the better of the lead's and ``last``'s
            (with resume_run, the better of the lead's and the last few paragraphs')."""
            got = goes_on(lead, t)
            if resume_last and last != lead:
                other = goes_on_run(lead, last, t) if resume_run else goes_on(last, t)
                if other > got:
                    return other
            return got
        last_para = -1  # the index of the last paragraph item seen (an open article's last, at a headline)
        w = self.rules["A003"].params
        # state: (has_title, paragraphs so far (capped at 3), has_sub, its dateline credits the
        # reporter, lead: the open article's first paragraph, as an index into seq) -> (cost,
        # backpointer). The lead is part of the state: a headline read later is scored against
        # it (title_echo, subhead_echo), so two paths that differ only in their lead are not
        # interchangeable. Of those that agree on the rest, a path more than one title's echo
        # bonus (title_echo) behind the best cannot catch up through its lead's title: only
        # paths within that margin are kept (what subheads' echoes might add is not counted).
        margin = w["title_echo"]
        beam = p["decoder_beam"]
        states: dict[State, tuple] = {(False, 0, False, False, 0, None): (0.0, None)}
        history = []
        paras_before: list[Block] = []
        echo_cache: dict = {}

        def echo(h, lead: int | None, back: bool = False) -> float:
            """How much headline ``h`` repeats the lead paragraph: titles do, subheads don't.
            (``h`` may be a headline part's headings, a title and its subtitle: the better of
            them.) Each heading's echo of each lead is measured once; the lookups are made
            here, not by a call per heading (asked for every reading in every state)."""
            if h is None or lead is None:
                return 0.0
            two = None
            if type(h) is tuple:
                if not h:
                    return 0.0
                if len(h) > 1:
                    two = h[1]
                h = h[0]
            key = (h.lines[0], lead, back)  # (h.first: a property, a call)
            e = echo_cache.get(key)
            if e is None:
                e = echo_cache[key] = lead_echo(h, lead, back)
            if two is None:
                return e
            key = (two.lines[0], lead, back)
            e2 = echo_cache.get(key)
            if e2 is None:
                e2 = echo_cache[key] = lead_echo(two, lead, back)
            return e2 if e2 > e else e  # (max(e, e2), without a call)

        # echo_second: a lead may set a scene its title does not name (初冬时节，在湖南岳阳…),
        # the paragraph after it saying what the title says (长江江豚是…). Where the headline
        # comes after the text it heads (``back``: it closes the open article, or stands inside
        # its text), the title's echo of the article's lead is the better of its echo of the
        # lead and echo_second times its echo of the paragraph right after it (0: the lead's
        # alone), when the lead follows a paragraph (not a headline) and shares more word pairs
        # with the paragraph after it than with that one: else the decoder, weighing the echo,
        # opens such an article a paragraph late and its lead goes to the article before (issue
        # #14). (The going-on test keeps the article before's closing scene, 夕阳西下，潜水器…,
        # from being taken as the next one's lead; a headline over the text after it, or right
        # before the lead, still weighs the lead alone: there the reading order shows where the
        # article opens.)
        second = p["echo_second"]

        leads_on: dict = {}  # (lead -> whether it shares more word pairs with the next paragraph than the one before)

        def lead_goes_on(lead: int) -> bool:
            got = leads_on.get(lead)
            if got is None:
                got = leads_on[lead] = lead + 1 < len(seq) and type(seq[lead + 1]) is not list \
                    and lead and type(seq[lead - 1]) is not list \
                    and affinity(seq[lead].text, seq[lead + 1].text) > affinity(seq[lead].text, seq[lead - 1].text)
            return got

        def lead_echo(h, lead: int, back: bool) -> float:
            e = affinity(h.text, seq[lead].text)
            if back and second and lead_goes_on(lead):
                e2 = second * affinity(h.text, seq[lead + 1].text)
                if e2 > e:
                    return e2
            return e

        topic_cache: dict = {}

        def topic(t: int, lead: int) -> float:
            """How much the paragraph under lone heading ``seq[t]`` goes on with the story the
            open article's lead (``seq[lead]``) tells: the word pairs it shares with the lead,
            above A002's min_affinity. A subhead heads a later section of the same story, whose
            places, people and bodies its lead names; a title starts another. (The heading's own
            words are left out: a title repeats its lead's, which title_echo weighs.)"""
            key = (t, lead)
            got = topic_cache.get(key)
            if got is None:
                nxt = self.next_paragraph(seq, t)
                got = topic_cache[key] = 0.0 if nxt is None else \
                    affinity(seq[lead].text, nxt.text) - p["min_affinity"]
            return got

        # story_names: the text goes on across a heading group as much as the names (runs of
        # three Han characters) the paragraphs before it (up to story_names_reach[0], heading
        # groups passed over, as :meth:`cohesion` reads them, back to one that opens with a
        # dateline: the text before that is another article's) share with those after it (up to
        # story_names_reach[1], to the next heading group or dated paragraph), past
        # story_names_even of them: this weight times :func:`story_names_cue` is added to what
        # reading the group as a boundary costs (as continuity_weight's share of word pairs is;
        # 0: off). (:mod:`cleaner.stages.assemble.story_names` says why.)
        names_w, names_even = w["story_names"], w["story_names_even"]
        names_back, names_on = w["story_names_reach"]

        def story(t: int) -> float:
            """The story-names term of heading group ``seq[t]`` (0 where no paragraph follows it,
            or none comes before it)."""
            at = paras_at.get(t + 1)
            if not names_w or not at:
                return 0.0
            on = []
            for k in range(t + 1, min(len(seq), t + 1 + names_on)):
                if type(seq[k]) is list or (on and self.has_dateline(seq[k])):
                    break
                on.append(seq[k].text)
            back = []
            for k in reversed(paras[max(0, at - names_back):at]):
                back.append(seq[k].text)
                if self.has_dateline(seq[k]):
                    break
            return names_w * story_names_cue(shared_names(back, on), names_even)

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
        # whether the next heading group after item t, past lone headings (subheads, perhaps),
        # holds three headings (two, where a backclose is weighed): only such a group may give an
        # article closed untitled at a paragraph its title (a backsplit, a backclose); elsewhere
        # the decoder state does not carry the bit
        back_close = w["back_close_cost"] >= 0  # (two headings then suffice: see back_splits)
        three_ahead = [False] * (len(seq) + 1)
        for t in range(len(seq) - 1, -1, -1):
            u = seq[t]
            if isinstance(u, list) and len(u) > 1:
                three_ahead[t] = sum(b.kind == "heading" for b in u) > (1 if back_close else 2)
            else:
                three_ahead[t] = three_ahead[t + 1]
        for t, item in enumerate(seq):
            new: dict = {}

            if not isinstance(item, list):
                prev_p, at = self.paragraph_before(seq, t)
                dated = self.has_dateline(item)
                dated_stay = dated_after_head if t and isinstance(seq[t - 1], list) else dated_after_text
                if dated and t and self.roundup_section(seq, t):
                    dated_stay = dated_sub
                # (what going on into this paragraph costs: the same in every state)
                enter = dated_stay if dated else lead_stay if lead_stay and (
                    openers and search_any(openers, item.text) is not None
                    or when and t and not isinstance(seq[t - 1], list)
                    and search_any(when, item.text) is not None) else 0.0
                credits = self.credits_reporter(item)
                back_later = three_ahead[t]
                col = self.column_before(seq, at) if prev_p is not None else 0.0
                bc = self.boundary_cost(prev_p, item, col, partial(self.cohesion, seq, t))[0] \
                    + self.dated_goes_on(seq, t)[0] if prev_p is not None else None  # same in every state
                # an article keeps its column: going on across a change of width costs
                here = self.column_of(item)
                across = self.column_stay_cost(col, here)
                # (a new article's state where the one before keeps no lead: the same for all)
                fresh0 = (False, 1, False, credits, 0, t)
                to_suspend: list = []  # (cost, the state whose article is suspended here)
                resume_here: dict = {}
                for st, (cost, _) in states.items():
                    ht, hb, hs, hc, ub, lead = st
                    # the article goes on: its paragraphs counted up to 3 (at 3, the state is
                    # its own key: no tuple made), its lead set by its first
                    if hb:
                        stay = cost + enter + across
                        key = st if hb == most else (ht, hb + 1, hs, hc, ub, lead)
                    else:  # (its first paragraph: after a close, a new article, and one suspended is done with)
                        stay = cost + 0.0 + 0.0
                        key = (ht, 1, hs, hc or credits, ub if ub >= 0 or ht else 0, t)
                    if stay < new.get(key, NO_PATH)[0]:  # offer(), inline: the hottest path
                        new[key] = (stay, (st, "cont", 0))
                    if hb and bc is not None:
                        opened = cost + bc + (0 if ht else no_title) + shorts[hb]
                        # a new article opens here; the one before, closed untitled where a run of
                        # headlines follows that may hold its title, keeps its lead (+1: 0 is none)
                        fresh = (False, 1, False, credits, lead + 1, t) if back_later and not ht else fresh0
                        if opened < new.get(fresh, NO_PATH)[0]:
                            new[fresh] = (opened, (st, "new", 0))
                        if suspending and hb >= suspend_min:  # or the one before is only cut into here, to resume later
                            to_suspend.append((opened + suspend, st))
                    resumable = False
                    if ub < 0 and (hb or not ht) and bc is not None:
                        sht, shb, shs, shc, slead, refund, slast = suspended[-1 - ub]
                        # (with resume_evidence, only where the paragraph goes on with it more
                        # than with the open one: else the refund of a short article's cost
                        # alone would take a neighbour's paragraph)
                        resumable = not resume_evidence or lead is None \
                            or goes_on_with(slead, slast, t) > goes_on_with(lead, at - 1, t)
                    if resumable:
                        # the suspended article goes on here: the open one (if it has text)
                        # closes at this paragraph, and closing the suspended one is refunded
                        back_at = resume_here.get(ub)
                        if back_at is None:  # (the terms of the suspended article alone: once per paragraph)
                            back_at = resume_here[ub] = resume_base - resume_aff * goes_on_with(slead, slast, t) - refund \
                                + self.column_stay_cost(self.column_of(seq[slead]), here) + enter
                        # (against the lead of the article it leaves, and that lead's likeness to its own:
                        # two parts of one story, read apart, are not two articles)
                        c = cost + back_at + (0.0 if lead is None else resume_aff * goes_on_with(lead, at - 1, t) + resume_same * goes_on(lead, slead))
                        if hb:
                            c += bc + (0 if ht else no_title) + shorts[hb] + (lone_sub[hs] if ht else 0.0)
                        key = (sht, shb + 1 if shb < most else most, shs, shc, 0, slead)
                        if c < new.get(key, NO_PATH)[0]:
                            new[key] = (c, (st, "resume", 0))
                # (the cheapest few: the others would not outlive suspend_beam)
                for c, st in heapq.nsmallest(suspend_beam, to_suspend, key=itemgetter(0)):
                    ht, hb, hs, hc, ub, lead = st
                    key = (False, 1, False, credits, suspend_id((ht, hb, hs, hc, lead, c - suspend - states[st][0] - bc, at - 1)), t)
                    if c < new.get(key, NO_PATH)[0]:
                        new[key] = (c, (st, "newsus", 0))
                paras_before.append(item)
                last_para = t
            else:
                nxt = self.next_paragraph(seq, t)
                nxt_at = t + 1 if nxt is not None else None  # the next article's lead, if one opens
                nxt_credits = self.credits_reporter(nxt)
                # (three articles' headlines: only after an article closed untitled at a paragraph)
                back = three_ahead[t] and any(ub > 0 and hb and not ht for ht, hb, _, _, ub, _ in states)
                options = self.group_options(item, paras_before[-2:], nxt, self.parallel(seq, t),
                                             t < last_text, back, story(t))  # by has_sub
                has_h = any(b.kind == "heading" for b in item)
                # whether the part from k on holds a byline: an article whose headline part
                # credits its reporter takes no second byline (byline_with_credit), as one whose
                # dateline does
                by_from = [False] * (len(item) + 1)
                for n in range(len(item) - 1, -1, -1):
                    by_from[n] = by_from[n + 1] or item[n].kind == "byline"
                te, se, sw = w["title_echo"], w["subhead_echo"], w["subhead_topic"]
                gate = w["subhead_echo_above"]  # (story_echo: the lead's echo weighed as far as the text above says it)
                above = echo_above(gate, len(item) == 1 and item[0].kind == "heading", seq, t, echo)
                # the text around the group goes on (three paragraphs before it against two after):
                # a section under its subhead, not the next article (weighed where its weight is set)
                sub_coh = w["subhead_cohesion"] * (self.cohesion(seq, nxt_at) - p["min_affinity"]) \
                    if w["subhead_cohesion"] and nxt_at in self._para_at else 0.0
                bw = w["byline_with_credit"]
                repeat_penalty, repeats = w["lead_repeat_penalty"], w["lead_repeat"]
                # the state after a headline that opens an article over the text after it, where
                # the open one had text: the same for every state
                open_key = (has_h, 0, False, by_from[0], 0, None)
                planned: dict = {}  # the two lists share most readings: plan each once
                plans = {hs: [planned[o] if o in planned else planned.setdefault(
                    o, self.plan(item, o[0], o[1], o[2], nxt_credits, te, echo, nxt_at, title_heads))
                    for o in opts] for hs, opts in options.items()}
                # the readings that can take each state, in the same order: all where the open
                # article has text and no title; where it has its title, those that leave it
                # titled (a subhead, a byline, the next article's headline); where it has no
                # text, a headline over the text after it (open) only. (The others offer nothing
                # there: asked for each state, their tests were most of this loop.)
                titled = {hs: [o for o in ps if o[0] in _TITLED_READINGS] for hs, ps in plans.items()}
                empty = {hs: [o for o in ps if o[0] == "open"] for hs, ps in plans.items()}
                to_suspend = []  # (cost, the state whose article is suspended here, it, the reading's k)
                for st, (cost, _) in states.items():
                    ht, hb, hs, hc, ub, lead = st
                    if not hb:
                        lead = None
                    sub_now = hs > 0  # (the readings are listed by whether it has a subhead)
                    for kind, k, c, head, by_here, after in (plans[sub_now] if hb and not ht else titled[sub_now]
                                                             if hb else empty[sub_now]):
                        # (terms added in the order of the reading's definition: same sums)
                        if kind == "sub":
                            if hb:
                                e = echo(item[0], lead)
                                if above is not None:  # (story_echo: as far as the text above says it)
                                    e = subhead_lead_echo(e, above, gate)
                                c += se * e + (repeat_penalty if e >= repeats else 0.0)
                                c -= sw * topic(t, lead) + sub_coh
                                key, c = (ht, hb, more_sub[hs], hc, ub, lead), cost + c  # (offer(), inline)
                                if c < new.get(key, NO_PATH)[0]:
                                    new[key] = (c, (st, kind, k))
                        elif kind == "byclose":
                            if hb:  # (its title, if any, came before its text)
                                c += bw if hc else 0.0
                                c = cost + c + (0 if ht else no_title) + short(hb) + (lone_sub[hs] if ht else 0.0)
                                key = CLOSED if ub >= 0 else (False, 0, False, False, ub, lead)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "bysplit":
                            if hb:
                                c += (bw if hc else 0.0) + after[0] - te * after[1]
                                key, c = (True, 0, False, by_from[k], 0, None), \
                                    cost + c + (0 if ht else no_title) + short(hb) + (lone_sub[hs] if ht else 0.0)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind in ("close", "subclose"):
                            if hb and not ht:
                                c += bw if hc and by_here else 0.0
                                c -= te * echo(head, lead, True)
                                if kind == "subclose":
                                    c += se * echo(item[0], lead)
                                c = cost + c + short(hb)
                                key = CLOSED if ub >= 0 else (False, 0, False, False, ub, lead)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "open":
                            c += after
                            if hb:
                                closing = (0 if ht else no_title) + short(hb) + (lone_sub[hs] if ht else 0.0)
                                c = cost + c + closing
                                if c < new.get(open_key, NO_PATH)[0]:  # (offer(), inline)
                                    new[open_key] = (c, (st, kind, k))
                                if suspending and hb >= suspend_min:  # or the open one is only cut into by this headline
                                    to_suspend.append((c + suspend, st, (ht, hb, hs, hc, lead, closing, last_para), k))
                            elif not (ht and has_h):
                                key, c = (ht or has_h, 0, hs, hc or by_from[0], 0, None), cost + c
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "inside":
                            if hb and not ht:
                                c += (bw if hc and by_here else 0.0) - te * echo(head, lead, True)
                                c += se * sum(echo(b, lead) for b in item[k:])
                                key, c = (True, hb, min(cap, hs + len(item) - k), hc or by_here, ub if ub < 0 else 0, lead), cost + c
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "subsplit":
                            if hb and not ht:
                                c += se * echo(item[0], lead)
                                c += (bw if hc and by_here else 0.0) + after[0]
                                c -= te * (echo(head, lead, True) + after[1])
                                key, c = (True, 0, False, by_from[k], 0, None), cost + c + short(hb)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind in ("backsplit", "crosssplit"):
                            # the article before gets its title after all: its no_title refunded
                            if hb and not ht and ub > 0:
                                c += (bw if hc and by_here else 0.0) + after[0] - no_title
                                c -= te * (echo(head, lead) + after[1])
                                key, c = (True, 0, False, by_from[k[1]], 0, None), cost + c + short(hb)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "backclose":
                            # the article before gets its title after all (no_title refunded),
                            # and the open one closes under its own
                            if hb and not ht and ub > 0:
                                c += (bw if hc and by_here else 0.0) - no_title \
                                    - te * (echo(head, lead) + echo(after, ub - 1))
                                c = cost + c + short(hb)
                                if c < new.get(CLOSED, NO_PATH)[0]:  # (offer(), inline)
                                    new[CLOSED] = (c, (st, kind, k))
                        elif kind == "backinside":
                            # the article before gets its title after all (no_title refunded,
                            # its title's echo of its lead counted), and the open one its own,
                            # read inside its text: it goes on, titled (as inside)
                            if hb and not ht and ub > 0:
                                c += (bw if hc and by_here else 0.0) - no_title \
                                    - te * (echo(head, lead, True) + echo(after, ub - 1))
                                key, c = (True, hb, hs, hc or by_here, 0, lead), cost + c
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "split":
                            if hb and not ht:
                                c += (bw if hc and by_here else 0.0) + after[0]
                                c -= te * (echo(head, lead, True) + after[1])
                                key, c = (after[2], 0, False, by_from[k], 0, None), cost + c + short(hb)
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                        elif kind == "byinside":
                            if hb:  # (OCR output only: the article goes on: its byline, read in its text)
                                c += bw if hc else 0.0
                                key, c = (ht, hb, hs, True, ub, lead), cost + c
                                if c < new.get(key, NO_PATH)[0]:  # (offer(), inline)
                                    new[key] = (c, (st, kind, k))
                # (the cheapest few: the others would not outlive suspend_beam)
                for c, st, info, k in heapq.nsmallest(suspend_beam, to_suspend, key=itemgetter(0)):
                    key = (has_h, 0, False, by_from[0], suspend_id(info), None)
                    if c < new.get(key, NO_PATH)[0]:
                        new[key] = (c, (st, "opensus", k))
            # several leads for one state (the open article's, and the untitled one's before it,
            # whose title a later run may give): drop those that cannot win. Each lead can earn
            # one title's echo (title_echo) at most: a path further behind than that, among those
            # that differ in that lead alone, cannot catch up
            new = self._prune(new, margin)
            if suspending:  # (of the states that hold a suspended article, the cheapest few)
                held_now = [kv for kv in new.items() if kv[0][_UB] < 0]
                if len(held_now) > suspend_beam:
                    held_now.sort(key=_COST)
                    for st, _ in held_now[suspend_beam:]:
                        del new[st]
            if len(new) > beam:  # (a bound, not a choice: see A002 decoder_beam)
                new = dict(sorted(new.items(), key=lambda kv: kv[1][0])[:beam])
            history.append(new)
            states = new
        # close the last article
        best_st, best_cost = None, INF
        for st, (cost, _) in states.items():
            ht, hb, hs, hc, _, _ = st
            total = cost + (no_title if hb and not ht else 0.0) + (no_title if ht and not hb else 0.0) + short(hb) \
                + (lone_sub[hs] if ht else 0.0)
            if total < best_cost:
                best_st, best_cost = st, total
        decisions = [None] * len(seq)
        margins = [0.0] * len(seq)
        held = [False] * len(seq)  # whether an article is suspended after each item
        st = best_st
        for t in range(len(seq) - 1, -1, -1):
            cost_here, back = history[t][st]
            prev_st, kind, k = back
            decisions[t] = (kind, k)
            held[t] = st[_UB] < 0
            # how close the decoder came to another reading here: the cheapest state after this
            # item that reads the page differently (not only another lead), against the chosen
            # one. (Prefix costs: a rival cheaper so far lost on what came after: margin 0.)
            # (the cost compared first: most states are no cheaper, and their key is not cut)
            # (nor only another count of subheads: whether it has one is the reading)
            rest = _reading(st)
            rival = INF
            for s2, v in history[t].items():
                if v[0] < rival and _reading(s2) != rest:
                    rival = v[0]
            margins[t] = max(0.0, rival - cost_here)
            if self.trace is not None:
                before = history[t - 1][prev_st][0] if t else 0.0
                self.trace.append((t, seq[t], kind, k, round(cost_here - before, 2), st))
            st = prev_st
        return self.build(seq, decisions, margins, held)

    def column_stay_cost(self, col: float, here: float) -> float:
        """Cost of an article going on from text set ``col`` ems wide into a paragraph set
        ``here`` ems wide (0: a width not shown): A002 ``column_stay`` past ``column_change``; a
        smaller change, past ``column_near``, costs ``column_near_stay``. An article is set in
        one measure and its paragraphs' widths part by an em at most (a last line, a hung
        mark); the next article's measure is often another by less than ``column_change``:
        on the training pages a change of 1.5 to 2.5 ems between two paragraphs is an article
        boundary 19 times in 77, against 142 in 4,085 paragraph pairs in all."""
        if not (col and here):
            return 0.0
        p = self.rules["A002"].params
        d = abs(col - here)
        if d > p["column_change"]:
            return p["column_stay"]
        return p["column_near_stay"] if d > p["column_near"] else 0.0

    def roundup_section(self, seq: list, t: int) -> bool:
        """Whether paragraph ``seq[t]``, which opens with a dateline, may be the next report of a
        round-up under its subhead (A002 ``subhead_dated_stay``, in place of ``dateline_stay``):
        right under a lone heading, with text before it under a headline (a heading group before
        it, the text between in one column: the round-up's own headline or its subhead before),
        and the text goes on with the story across it (the cohesion of the paragraphs around it
        above ``subhead_dated_cohesion``: a round-up's reports tell one story, its places and
        bodies again; a title over a dated lead starts another). Only past such a heading read
        as a subhead does the article go on across the dateline: no other reading of a lone
        heading over a dated paragraph keeps it open (a headline inside its text is weighed
        only where no dateline follows). Briefs, each a dated paragraph under its title (set
        after it), have no headline above their first text: they keep ``dateline_stay``."""
        p = self.rules["A002"].params
        g = seq[t - 1]
        if not isinstance(g, list) or len(g) != 1 or g[0].kind != "heading" \
                or self.cohesion(seq, t) <= p["subhead_dated_cohesion"]:
            return False
        cols = []
        # (back to the group before: the paragraphs between two groups are passed over once)
        for k in range(t - 2, -1, -1):
            u = seq[k]
            if isinstance(u, list):
                return any(b.kind == "heading" for b in u) \
                    and (not cols or max(cols) - min(cols) <= p["column_change"])
            col = self.column_of(u)
            if col:
                cols.append(col)
        return False

    @staticmethod
    def _prune(states: dict, margin: float) -> dict:
        """``states`` without those more than ``margin`` (not negative: title_echo) behind the
        best of the states that differ from them in the open article's lead alone, then, of
        those left, without those more than ``margin`` behind the best of the states that
        differ in the untitled article's lead alone (only whether there is one counts:
        :func:`_without_untitled_lead`). A state with no untitled lead (0) is the only one of
        its kind in the second, which keeps it: only the others are looked at there.

        (Keys cut by a slice or an item getter, in C, not unpacked and built again; a key
        function called per state took a third of the decoder's time.)"""
        inf = float("inf")
        ub_at, lead_at = _UB, _LEAD
        by_lead: dict = {}  # (ht, hb, hs, hc, ub) -> the best cost (states alike but for lead)
        for st, v in states.items():
            r = st[:lead_at]
            if v[0] < by_lead.get(r, inf):
                by_lead[r] = v[0]
        if len(by_lead) != len(states):
            states = {st: v for st, v in states.items() if v[0] <= by_lead[st[:lead_at]] + margin}
        by_untitled: dict = {}  # (ht, hb, hs, hc, lead) of a state with ub > 0 -> the best cost
        n = 0
        for st, v in states.items():
            if st[ub_at]:
                n += 1
                r = _BUT_UNTITLED(st)
                if v[0] < by_untitled.get(r, inf):
                    by_untitled[r] = v[0]
        if len(by_untitled) == n:
            return states
        return {st: v for st, v in states.items() if not st[ub_at] or v[0] <= by_untitled[_BUT_UNTITLED(st)] + margin}

    @staticmethod
    def intro_before_subheads(body: list[Block]) -> bool:
        """The body has subheads and two paragraphs or more before the first: when its subheads
        move before their sections (A004), a paragraph stays ahead of them (a subhead right
        under the title would read as its subtitle)."""
        first = next((n for n, b in enumerate(body) if b.kind == "subhead"), None)
        return first is not None and first >= 2

    def bold_subheads(self, body) -> bool:
        """The subheads of ``body`` are drawn bold (doubled), as its title is: a lone heading
        drawn bold after it may be one more of them."""
        return any(b.kind == "subhead" and self.doubled(b) for b in body)

    def build(self, seq, decisions, margins=None, held=None) -> list[Draft]:
        """Drafts from the chosen reading of each item, with a change record for each decision.

        ``held``: whether an article is suspended after each item (another cut into it: the
        readings newsus and opensus suspend it, resume takes it up again); one the decoder lets
        go of without resuming it is done, as it was when suspended."""
        drafts: list[Draft] = []
        cur = Draft()
        suspended: Draft | None = None
        let_go: list[Draft] = []  # suspended articles never resumed (kept apart: drafts[-1] is
        # the article closed last, which a later headline run may title)

        def close():
            nonlocal cur
            if cur.body:
                if cur.title is None:
                    cur.flags.append("no title found")
                drafts.append(cur)
            elif drafts and drafts[-1].title is not None and cur.title is not None \
                    and self.intro_before_subheads(drafts[-1].body) \
                    and cur.kicker is None and cur.subtitle is None \
                    and (cur.byline is None or (drafts[-1].byline is None and not self.page.layout.ocr)) \
                    and (not self.doubled(cur.title) or self.bold_subheads(drafts[-1].body)):
                # a lone heading with no text under it, set plain or as that article's subheads
                # are (drawn bold), after an article that has its title and subheads: that
                # article's last subhead, set after its section (A004 puts it back before the
                # section); a byline under it, where that article has none, is that article's,
                # set at its end (not on OCR text, whose headline groups come out of order:
                # ocr_fit seg 77.5 -> 77.3 with it)
                drafts[-1].body.append(replace(cur.title, kind="subhead"))
                drafts[-1].flags.append("last subhead after the text")
                self.record("A003", "label", cur.title, "subhead: a plain heading with no text under it closes "
                            "the article before, as its last section's subhead", safety="review")
                if cur.byline is not None:
                    drafts[-1].byline = cur.byline
                    self.record("A003", "attach", cur.byline, "byline of the article before it, set at its end, "
                                "after its last subhead", safety="review")
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
            if suspended is not None and kind in ("newsus", "opensus"):  # (another suspension: that one is done)
                let_go.append(suspended)
                suspended = None
            if not isinstance(item, list):
                if kind == "resume":
                    self.record("A002", "split", item, f"the article cut into at line "
                                f"{self.page.line_no(suspended.body[0].first)} goes on at line "
                                f"{self.page.line_no(item.first)}, after the article set inside it")
                    close()
                    cur, suspended = suspended, None
                    cur.margin = min(cur.margin, m_t)
                    self.draft_now = cur
                elif kind == "newsus":
                    prev_p, at = self.paragraph_before(seq, t)
                    _, why = self.boundary_cost(prev_p, item, self.column_before(seq, at), partial(self.cohesion, seq, t))
                    self.record("A002", "split", item, f"new article at line {self.page.line_no(item.first)}, "
                                f"set inside the one before, which may go on after it: {why}")
                    suspended, cur = cur, Draft(margin=m_t)
                    self.draft_now = cur
                if kind == "new":
                    prev_p, at = self.paragraph_before(seq, t)
                    _, why = self.boundary_cost(prev_p, item, self.column_before(seq, at), partial(self.cohesion, seq, t))
                    why += self.dated_goes_on(seq, t)[1]
                    self.record("A002", "split", item, f"new article at line {self.page.line_no(item.first)}: {why}")
                    close()
                cur.body.append(item)
                paras_before.append(item)
                if suspended is not None and held is not None and not held[t]:
                    let_go.append(suspended)
                    suspended = None
                continue
            nxt = self.next_paragraph(seq, t)
            if kind == "sub":
                _, why = self.subhead_score(item[0], paras_before[-2:], nxt)
                cur.body.append(replace(item[0], kind="subhead"))
                self.record("A003", "label", item[0], f"subhead: {why}")
            elif kind in ("close", "byclose"):
                self.fill(cur, item, before=False)
                close()
            elif kind == "byinside":
                self.fill(cur, item, before=False, why="byline of the article whose text goes on after it "
                          "(read inside its text)")
            elif kind == "bysplit":
                self.fill(cur, item[:k], before=False)
                close()
                self.fill(cur, item[k:], before=True)
            elif kind == "open":
                if cur.body:
                    close()
                self.fill(cur, item, before=True)
            elif kind == "opensus":
                self.record("A003", "attach", item[0], "headline of an article set inside the text of the one "
                            "before, which may go on after it")
                suspended, cur = cur, Draft(margin=m_t)
                self.draft_now = cur
                self.fill(cur, item, before=True)
            elif kind == "backclose":
                k1 = k[0]
                self.record("A003", "attach", item[0], "headline of the article before the one it closes, "
                            "which closed untitled at a paragraph: the run holds both articles' headlines")
                self.fill(drafts[-1], item[:k1], before=False)
                if drafts[-1].title is not None and "no title found" in drafts[-1].flags:
                    drafts[-1].flags.remove("no title found")
                self.fill(cur, item[k1:], before=False)
                close()
            elif kind == "backinside":
                k1 = k[0]
                self.record("A003", "attach", item[0], "headline of the article before the one whose text "
                            "it is set inside, which closed untitled at a paragraph: the run holds both "
                            "articles' headlines")
                self.fill(drafts[-1], item[:k1], before=False)
                if drafts[-1].title is not None and "no title found" in drafts[-1].flags:
                    drafts[-1].flags.remove("no title found")
                self.fill(cur, item[k1:], before=False, why="byline of the article whose text goes on "
                          "after it (read inside its text)")
            elif kind in ("backsplit", "crosssplit"):
                k1, k2 = k
                before_last, mine = (item[:k1], item[k1:k2]) if kind == "backsplit" else (item[k1:k2], item[:k1])
                self.record("A003", "attach", before_last[0], "headline of the article before the one it "
                            "closes, which closed untitled at a paragraph: the run holds three articles' headlines")
                self.fill(drafts[-1], before_last, before=False)  # (the article before: closed at a paragraph)
                if drafts[-1].title is not None and "no title found" in drafts[-1].flags:
                    drafts[-1].flags.remove("no title found")
                self.fill(cur, mine, before=False)
                close()
                self.fill(cur, item[k2:], before=True)
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
            if suspended is not None and held is not None and not held[t]:
                let_go.append(suspended)
                suspended = None
        close()
        for d in let_go + ([suspended] if suspended is not None else []):
            if d.body:
                if d.title is None:
                    d.flags.append("no title found")
                drafts.append(d)
        self.margin_now = self.draft_now = None
        return drafts
