"""C002's open state model (``open_streams``, :func:`interleave.decode_open`): a box may go on
from a stream while the streams opened before it stay open, so the joins of two articles whose
rows pdfminer.six interleaves at different heights are representable; and what
``benchmarks/fit_interleave.py`` measures and fits of it."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from cleaner.rules import default_rules
from cleaner.stages import interleave

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fit_interleave  # noqa: E402

# The extractor's order: A1 B1 A2 B2 C1 C2 C3 A3 B3. Article C runs on alone while A and B
# wait; A3 goes on from A2 and B3 from B2.
TRUE = [-1, -1, 0, 1, -1, 4, 5, 2, 3]


def _told(true):
    return lambda j, i: 1.0 if true[i] == j else -1.0


def _rule(**params):
    rule = default_rules()["C002"]
    return dataclasses.replace(rule, params={**rule.params, **params})


def test_the_open_model_keeps_the_waiting_columns_open():
    got = interleave.decode_open(len(TRUE), _told(TRUE), 8, 40, 0.0, 0.0, 64)
    assert got == TRUE
    # the closing rule cannot: C2 going on from C1 would close A2 and B2, opened before it
    old = interleave.decode(len(TRUE), _told(TRUE), 8, 0.0, 64)
    assert sum(a == b for a, b in zip(old, TRUE)) < len(TRUE)


def test_a_stream_whose_last_box_stands_past_max_back_is_closed():
    got = interleave.decode_open(len(TRUE), _told(TRUE), 8, 4, 0.0, 0.0, 64)
    assert got[7] == -1  # A2 stands five boxes before A3
    assert got[:7] == TRUE[:7]


def test_at_most_max_open_streams_stay_open_the_oldest_dropped():
    # three streams open (A, B, C) and C's boxes go on: with room for two, A's is dropped
    got = interleave.decode_open(len(TRUE), _told(TRUE), 2, 40, 0.0, 0.0, 64)
    assert got[7] == -1
    assert interleave.decode_open(len(TRUE), _told(TRUE), 3, 40, 0.0, 0.0, 64) == TRUE


def test_keeping_older_streams_open_costs_keep_cost():
    # A1 B1 B2 A2: B2 goes on from B1 (score 0.5) while A1 waits for A2 (score 1); opening a
    # stream costs 1. Keeping A1 open at 0.2 pays; at 3 it does not, and B2 opens a stream
    # (which keeps A1 open for free: B2 is then the newest stream, nothing closed)
    score = {(1, 2): 0.5, (0, 3): 1.0}

    def s(j, i):
        return score.get((j, i), -5.0)

    assert interleave.decode_open(4, s, 8, 40, 1.0, 0.2, 64) == [-1, -1, 1, 0]
    assert interleave.decode_open(4, s, 8, 40, 1.0, 3.0, 64) == [-1, -1, -1, 0]


def test_the_shipped_rules_leave_the_open_model_off():
    p = default_rules()["C002"].params
    assert p["open_streams"] is False and set(p["open_weights"]) <= set(interleave.CUES)


def test_open_streams_reads_a_page_read_across_with_decode_open(monkeypatch):
    a = [f"本报讯近日市农业农村局组织技术{k}" for k in range(10)]
    b = [f"记者从市文化和旅游局获悉今年春节假期全市{k}" for k in range(10)]
    texts = [t for pair in zip(a, b) for t in pair]
    gaps = [0] + [1] * (len(texts) - 1)
    calls = []

    def fake(n, *args, **kw):
        calls.append(n)
        return [-1] * n  # every box a stream of its own: the page keeps its order

    monkeypatch.setattr(interleave, "decode_open", fake)
    off = interleave.reading(texts, gaps, _rule(open_streams=False))
    assert off is not None and off[0] != list(range(20)) and not calls
    on = interleave.reading(texts, gaps, _rule(open_streams=True))
    assert calls == [20] and on[0] == list(range(20))


def test_the_told_decoder_is_the_open_one_under_open_streams():
    units = [(k, k) for k in range(len(TRUE))]
    assert fit_interleave.told_decoding(units, TRUE, _rule(open_streams=True)) == TRUE
    assert fit_interleave.told_decoding(units, TRUE, _rule(open_streams=False)) != TRUE


def test_keep_moves_counts_the_continuations_that_keep_older_streams_open():
    # C2 and C3 (A2 and B2, opened before C1, wait); A3 goes on from the oldest stream
    assert fit_interleave.keep_moves(TRUE) == 2
    assert fit_interleave.keep_moves([-1, -1, 0, 1, 2, 3]) == 0  # two columns read row by row
