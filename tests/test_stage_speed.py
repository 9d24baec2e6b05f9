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
