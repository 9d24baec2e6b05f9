"""The closed-tail sweep's head counts (tail_sweep._seams_last, _in_head, _gone_below) are
the counts of the first and last block of every pair, as DraftTails once kept them per pair."""

from cleaner.stages.assemble.tail_sweep import _below, _below_few, _gone_below, _in_head, _seams_last


def _by_pair(pairs: dict, seams: dict, after: dict):
    """Each pair's first block (into the head) and last block (out of the tail), one by one."""
    first, last = {}, {}
    for k, ps in pairs.items():
        for p in ps:
            first[p], last[p] = min(first.get(p, k), k), max(last.get(p, k), k)
    for k, j in after.items():
        s = seams[j]
        first[s], last[s] = min(first.get(s, k), k), max(last.get(s, j), j)
    return first, last


def test_counts_match_the_pairs_one_by_one():
    # paragraphs 0, 2, 3 (block 1 a subhead); seams 0|2 ("丙丁", in no paragraph: goes into the
    # head at 2, out of the tail at 0) and 2|3 ("戊甲", also held by paragraph 0)
    pairs = {0: frozenset({"甲乙", "乙丙", "戊甲"}), 2: frozenset({"丁戊", "甲乙"}), 3: frozenset({"甲己"})}
    seams = {0: "丙丁", 2: "戊甲"}
    after = {2: 0, 3: 2}
    n = 4
    first, last_ref = _by_pair(pairs, seams, after)
    last = {}
    for k in pairs:
        last.update(dict.fromkeys(pairs[k], k))
    late = _seams_last(last, seams, after)
    assert last == last_ref
    assert late == [(0, 2)]
    assert _in_head(pairs, seams, after, n) == _below(first.values(), n)
    gone = _gone_below(_below(last.values(), n), late, n)
    assert gone == _below((max(first[p], last[p]) for p in last), n)
    assert gone != _below(last.values(), n)  # (the seam pair moved)


def test_few_counted_as_many():
    values = [3, 0, 3, 1, 5]
    assert _below_few(values, 6) == _below(values, 6) == [0, 1, 2, 2, 4, 4, 5]
