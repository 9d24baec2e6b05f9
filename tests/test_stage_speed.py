"""The speed-ups of helper code keep their answers: each fast form against the plain one it
replaced, on small hand-made and random cases."""

import random

from cleaner.stages.assemble.decode import Decoding, _without_untitled_lead


def _prune_plain(states, key, margin):
    best = {}
    for st, (cost, _) in states.items():
        r = key(st)
        if cost < best.get(r, float("inf")):
            best[r] = cost
    return {st: v for st, v in states.items() if v[0] <= best[key(st)] + margin}


def _prune_two_passes(states, margin):
    states = _prune_plain(states, lambda st: st[:-1], margin)
    return _prune_plain(states, _without_untitled_lead, margin)


def test_prune_drops_a_lead_far_behind():
    a, b = (True, 1, False, False, 0, 3), (True, 1, False, False, 0, 5)
    c = (True, 1, False, False, 2, 5)  # the untitled article's lead differs from d's only
    d = (True, 1, False, False, 4, 5)
    states = {a: (1.0, "a"), b: (4.0, "b"), c: (0.0, "c"), d: (3.5, "d")}
    got = Decoding._prune(states, 2.0)
    assert list(got) == [a, c]  # b is 3 behind a (same but for the lead), d 3.5 behind c


def test_prune_keeps_all_within_the_margin():
    states = {(False, 0, False, False, 0, None): (0.0, None), (True, 2, True, False, 0, 1): (5.0, None)}
    assert Decoding._prune(states, 1.0) == states


def test_prune_matches_the_two_passes():
    rng = random.Random(5)
    for _ in range(300):
        states = {}
        for _ in range(rng.randrange(1, 40)):
            st = (rng.random() < .5, rng.randrange(4), rng.random() < .5, rng.random() < .5,
                  rng.choice([0, 0, 1, 3, 6]), rng.choice([None, 0, 2, 4]))
            states[st] = (round(rng.uniform(0, 6), 1), None)
        margin = rng.choice([0.0, 0.5, 1.5, 3.0])
        want = _prune_two_passes(states, margin)
        got = Decoding._prune(dict(states), margin)
        assert list(got.items()) == list(want.items())


# (A002 reclaim_sections: the median widths of a run and of the rest of its body, kept sorted
# as the run grows and taken out of the whole, not sorted again for every run)

def _section_block(kind: str, width: float):
    from cleaner.model import Block
    return Block(kind=kind, lines=(0, 1), joiners=("",), text="文", width=width)


def test_the_median_of_a_body_without_a_run_is_that_of_the_rest():
    from cleaner.stages._common import median_without
    from cleaner.stages.assemble.sections import Sectioning, _widths
    rng = random.Random(7)
    for _ in range(500):
        body = [_section_block(rng.choice(["paragraph", "paragraph", "subhead"]),
                               rng.choice([0.0, 9.0, 9.5, 12.0, 20.5])) for _ in range(rng.randrange(1, 12))]
        m = rng.randrange(0, len(body))
        n = rng.randrange(m, len(body) + 1)
        got = median_without(sorted(_widths(body)), sorted(_widths(body[m:n])))
        assert got == Sectioning._column(None, body[:m] + body[n:])


def test_the_median_without_everything_is_none():
    from cleaner.stages._common import median_without
    assert median_without([9.0, 12.0], [12.0, 9.0]) == 0.0
    assert median_without([9.0, 9.0, 12.0], [9.0]) == 12.0  # (one of two equal widths taken out)


# (L007 quote_source: the quote's characters a paragraph has, counted through two frozensets)

def _weigh_plain(t, other, least):
    from collections import Counter
    from cleaner.stages.copies import _NOT_WORD, shared_content
    mine = _NOT_WORD.sub("", t)
    if len(other) < len(mine) or other == t:
        return None
    if t in other:
        return True, 1.0
    counts = Counter(mine)
    if sum(n for c, n in counts.items() if c in other) < least * len(mine):
        return None
    share = shared_content(t, other, {})
    return (False, share) if share >= least else None


def test_a_quotes_characters_in_a_paragraph_count_as_before():
    from cleaner.stages.copies import _NOT_WORD
    from cleaner.stages.pullquotes.source import _weigh
    rng = random.Random(11)
    chars = "改造项目已完成群众满意度提升当地不断个，。"
    for _ in range(400):
        t = "".join(rng.choice(chars) for _ in range(rng.randrange(2, 14)))
        box: list = []
        mine = _NOT_WORD.sub("", t)
        for _ in range(3):  # (one box for the quote, as quote_source keeps it, across paragraphs)
            other = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 30)))
            assert _weigh(t, other, mine, 0.8 * len(mine), box, False, False, {}, 0.8) == _weigh_plain(t, other, 0.8)
