"""The cues of every jumped tail a draft may hold, in one pass over it (A001's
``tail_closed_weights``, :meth:`Healing.reclaim_closed_tails`).

:meth:`Healing.closed_tail_cues` measures one tail: the word pairs and names of the text
from block ``m`` on and of the text before it, cut afresh. Weighed at every block of a
draft, that is the square of the draft's length in cutting (on the sample page four fifths
of the assemble stage's time). Here each word pair and name of the draft is placed once: the
last block whose going to the head takes it out of the tail, the first whose going there puts
it in the head (for a pair, only the count of those in the head at each cut is kept: a set
grown block by block, :func:`_in_head`). How many of the tail's pairs are X's, how many the
head's, how many names are X's and not the head's (and the reverse) at a cut ``m`` are then
counts of those positions below ``m``, summed once per draft (:func:`_below`) and set against
X's pairs and names by set operations in C. A draft's own part (:class:`DraftTails`) serves
every article before it that weighs its tails. The cues are the same numbers, to the last bit
(``tests/test_stage_assemble_tail_sweep.py`` holds them to :meth:`closed_tail_cues`).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from itertools import accumulate
from typing import Callable, Iterator

from .reunite import _names, text_names
from .text import _word_pair, bigrams


class DraftTails:
    """What every tail of one draft is made of, measured once however many articles before
    it weigh its tails (two, at ``tail_closed_reach`` 2): where each of its word pairs and
    names lies, counted for every cut."""

    def __init__(self, asm, e):
        body = e.body
        self.n = n = len(body)
        wrapped = [False] * (n + 1)  # a paragraph over several lines from block k on
        for k in range(n - 1, -1, -1):
            wrapped[k] = wrapped[k + 1] or (body[k].kind == "paragraph" and len(body[k].lines) > 1)
        self.starts = [m for m in range(1, n)
                       if body[m - 1].kind == "paragraph" and asm.tail_may_follow(body[m - 1])
                       and (body[m].kind == "subhead" or (body[m].kind == "paragraph" and not asm.has_dateline(body[m])))
                       and wrapped[m]]
        if not self.starts:
            return
        paras = [k for k in range(n) if body[k].kind == "paragraph"]
        texts = [k for k in paras if body[k].text.strip()]
        # every pair of the draft's text, with the last block whose going to the head takes it
        # out of the tail and the first block whose going there puts it in the head: for a pair
        # inside a paragraph both are that paragraph; for a pair across a seam (joined_bigrams':
        # the last character of a paragraph with text meets the first of the next) the
        # paragraph before the seam takes it out of the tail, the one after puts it in the head
        pairs = {k: bigrams(body[k].text) for k in paras}
        names = {k: text_names(body[k].text) for k in paras}
        seams = {j: body[j].text.rstrip()[-1] + body[k].text.lstrip()[0] for j, k in zip(texts, texts[1:])}
        after = {k: j for j, k in zip(texts, texts[1:])}
        self.last = last = {}
        self.name_last = name_last = {}
        self.name_first = name_first = {}
        for k in paras:
            last.update(dict.fromkeys(pairs[k], k))
            name_last.update(dict.fromkeys(names[k], k))
        for k in reversed(paras):
            name_first.update(dict.fromkeys(names[k], k))
        late = _seams_last(last, seams, after)
        self.title_names = _names([h.text for h in (e.title, e.subtitle) if h is not None])
        # counts by where they lie, for every cut m (_below(v)[m] = #{v < m})
        self.last_below = _below(last.values(), n)     # pairs out of the tail
        self.first_below = _in_head(pairs, seams, after, n)  # pairs in the head
        self.gone_below = _gone_below(self.last_below, late, n)  # head only
        self.names_first_below = _below(name_first.values(), n)  # names in the head
        self.names_last_below = _below(name_last.values(), n)    # names out of the tail
        # the columns of the tail and of the head at each cut (medians of their paragraphs' widths)
        self.columns = {}
        tail_widths = sorted(body[k].width for k in paras if body[k].width)
        head_widths: list[float] = []
        at = 0
        for m in self.starts:
            for b in body[at:m]:
                if b.kind == "paragraph" and b.width:
                    del tail_widths[bisect.bisect_left(tail_widths, b.width)]
                    bisect.insort(head_widths, b.width)
            at = m
            self.columns[m] = (tail_widths[len(tail_widths) // 2] if tail_widths else 0.0,
                               head_widths[len(head_widths) // 2] if head_widths else 0.0)


def closed_tail_cues_swept(asm, a, e, d: int, col: float, own: frozenset, own_names: Callable[[], set],
                           tails: DraftTails | None = None) -> Iterator[tuple[int, dict[str, float]]]:
    """``(m, cues)`` for every tail of draft ``e`` (``d`` drafts after ``a``) that
    :meth:`closed_tail_candidates` yields, ``cues`` as :meth:`closed_tail_cues` measures them.
    ``own_names`` is called once, at the first tail (most drafts have none); ``tails``, ``e``'s
    measures if already made."""
    t = tails if tails is not None else DraftTails(asm, e)
    if not t.starts:
        return
    mine = own_names()
    p = asm.rules["A001"].params
    lo, hi = p["tail_closed_clip"]
    tolerance = p["column_tolerance"]
    change = asm.rules["A002"].params["column_change"]
    n, last, name_last, name_first = t.n, t.last, t.name_last, t.name_first
    # what depends on X: its pairs and names among the draft's
    own_keys = last.keys() & own
    own_below = _below_few(map(last.__getitem__, own_keys), n)          # X's pairs out of the tail
    ours_keys = (name_last.keys() & mine) - t.title_names
    ours_below = _below_few(map(name_first.__getitem__, ours_keys), n)      # X's names in the head
    titled = (name_last.keys() & t.title_names) - mine
    titled_below = _below_few(map(name_last.__getitem__, titled), n)    # the headline's, out of tail
    # the names in both the tail and the head that are neither X's nor the headline's: those of
    # all the draft's names less those of the few that are (a name lies in one paragraph: it is
    # in both from the cut after its first paragraph to its last)
    known = (name_last.keys() & mine) | (name_last.keys() & t.title_names)
    known_first = _below_few(map(name_first.__getitem__, known), n)
    known_last = _below_few(map(name_last.__getitem__, known), n)
    n_own, total, opened = len(own), len(last), asm.ends_cut(a)
    # each headline's word pairs among the draft's, by where they leave the tail (echo_over)
    x_heads, e_heads = _heads_below(a, last, n), _heads_below(e, last, n)
    for m in t.starts:
        nt, nh = total - t.last_below[m], t.first_below[m]
        both = t.first_below[m] - t.gone_below[m]
        gain = ((len(own_keys) - own_below[m]) / min(nt, n_own) if nt and n_own else 0.0) \
            - (both / min(nt, nh) if nt and nh else 0.0)
        ours = len(ours_keys) - ours_below[m]
        against = (len(titled) - titled_below[m]) + (t.names_first_below[m] - t.names_last_below[m]) \
            - (known_first[m] - known_last[m])
        tcol, hcol = t.columns[m]
        yield m, {
            "gain": max(lo, min(hi, gain)),
            "ours": math.log1p(ours),
            "against": math.log1p(against),
            "column": 1.0 if tcol and col and abs(tcol - col) <= tolerance else 0.0,
            "column_apart": 1.0 if tcol and hcol and abs(tcol - hcol) > change else 0.0,
            "half": 1.0 if m >= (n + 1) // 2 else 0.0,
            "second": 1.0 if d == 2 else 0.0,
            "open": 1.0 if opened else 0.0,
            "subhead": 1.0 if e.body[m].kind == "subhead" else 0.0,
            "position": m / n,
            "untitled": 1.0 if e.title is None else 0.0,
            "echo_over": _echo_at(x_heads, m, nt) - _echo_at(e_heads, m, nt),
        }


def _heads_below(d, last: dict, n: int) -> list[tuple[int, int, list[int]]]:
    """For draft ``d``'s title and subtitle: how many word pairs it has, how many of them the
    draft's text holds, and how many of these leave the tail below each cut (``_below``)."""
    out = []
    for h in (d.title, d.subtitle):
        if h is not None:
            pairs = frozenset(filter(_word_pair, bigrams(h.text)))
            keys = last.keys() & pairs
            out.append((len(pairs), len(keys), _below_few(map(last.__getitem__, keys), n)))
    return out


def _echo_at(heads, m: int, nt: int) -> float:
    """The best share of a headline's word pairs found in the tail from cut ``m`` on (``nt``
    pairs), as :func:`~cleaner.stages.assemble.text.shared_pairs` counts it; 0 with none."""
    return max(((k - below[m]) / min(size, nt) if size and nt else 0.0 for size, k, below in heads), default=0.0)


def _seams_last(last: dict, seams: dict, after: dict) -> list[tuple[int, int]]:
    """Puts the pairs across the seams in ``last`` (a paragraph's pairs there already): a seam's
    pair leaves the tail with the paragraph before the seam, unless a later block takes it out.
    Returns ``(before, after)`` for each pair found at one seam alone and in no paragraph: the
    only pairs that go into the head (with the paragraph after the seam) later than they leave
    the tail. (A pair a paragraph holds goes into the head no later than that paragraph and out
    of the tail no sooner; a pair at two seams or more goes in at the first one's paragraph
    after, no later than the last one's paragraph before.)"""
    inner = {s for s in seams.values() if s in last}
    spans: dict[str, tuple[int, int]] = {}  # a seam pair in no paragraph: (last before, first after)
    for k, j in after.items():  # (in reading order)
        s = seams[j]
        if s in inner:
            last[s] = max(last[s], j)
        else:
            last[s] = j
            spans[s] = (j, spans[s][1] if s in spans else k)
    return [(j, k) for j, k in spans.values() if k > j]


def _in_head(pairs: dict, seams: dict, after: dict, n: int) -> list[int]:
    """``out[m]``: how many of the draft's pairs are in its head at cut ``m`` (in blocks
    before ``m``), for m in 0..n: the pairs of the paragraphs and of the seams before ``m``,
    gathered in one set as the cut moves down (where a block per pair, the first to put it in
    the head, was kept and counted)."""
    head: set[str] = set()
    out = [0]
    for k in range(n):
        if k in pairs:
            head |= pairs[k]
        if k in after:
            head.add(seams[after[k]])
        out.append(len(head))
    return out


def _gone_below(last_below: list[int], late: list[tuple[int, int]], n: int) -> list[int]:
    """``_below`` of the block at which each of the draft's pairs is in the head alone (out of
    the tail and in the head), from ``last_below``: that is the block that takes it out of the
    tail but for the ``late`` pairs (:func:`_seams_last`), moved from there to the block that
    puts them in the head (where a ``max`` was taken for every pair of the draft)."""
    if not late:
        return last_below
    gone, back = _below_few((j for j, _ in late), n), _below_few((k for _, k in late), n)
    return [x - g + b for x, g, b in zip(last_below, gone, back)]


def _below(values, n: int) -> list[int]:
    """``out[m]`` = how many of ``values`` (block indices below ``n``) are below ``m``, for m
    in 0..n (counted in C, summed once)."""
    hist = [0] * (n + 1)
    for v, c in Counter(values).items():
        hist[v] += c
    return list(accumulate(hist, initial=0))[:n + 1]


def _below_few(values, n: int) -> list[int]:
    """:func:`_below` of a few values (X's pairs and names in a draft, a headline's pairs: tens),
    counted in a Python loop: a ``Counter`` costs more to set up than a few steps of the loop
    (20 values: 1.3 µs for its 2.5; these counts are made for every article and draft weighed
    together, seven a pair). A draft's own hundreds of pairs are counted faster by
    :func:`_below`."""
    hist = [0] * (n + 1)
    for v in values:
        hist[v] += 1
    return list(accumulate(hist, initial=0))[:n + 1]
