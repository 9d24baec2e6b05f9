"""A001's jumped tails weighed in one pass (cleaner/stages/assemble/tail_sweep.py): the cues
of every tail are the very numbers Healing.closed_tail_cues measures one tail at a time, on
synthesised pages of many layouts (a cut at every block, subheads, untitled drafts, two
drafts on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.model import Overlay, Page
from cleaner.rules import default_rules
from cleaner.stages import PIPELINE
from cleaner.stages.assemble import Assembler
from cleaner.stages.assemble.reunite import _names
from cleaner.stages.assemble.tail_sweep import DraftTails, _below, closed_tail_cues_swept
from cleaner.stages.assemble.text import joined_bigrams
from cleaner.synth import PageMaker, load_stories

ROOT = Path(__file__).resolve().parents[1]


def _drafts(text: str):
    rules = default_rules()
    page = Page(name="p", source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    return a, a.reclaim_tails(a.reunite(a.drafts()))


def test_below_counts_the_values_under_each_cut():
    assert _below([0, 2, 2, 3], 4) == [0, 1, 1, 3, 4]
    assert _below([], 2) == [0, 0, 0]


@pytest.fixture(scope="module")
def maker():
    return PageMaker(load_stories(sorted((ROOT / "samples" / "articles").glob("pool-*.jsonl"))))


def test_swept_cues_are_closed_tail_cues_on_synthesised_pages(maker):
    weighed = 0
    for seed in range(12):
        a, drafts = _drafts(maker.page(seed).raw)
        reach = a.rules["A001"].params["tail_closed_reach"]
        for i, x in enumerate(drafts):
            if not x.paragraphs:
                continue
            col = next((b.width for b in reversed(x.paragraphs) if b.width), 0.0)
            own = joined_bigrams(tuple(b.text for b in x.paragraphs))
            names = _names([b.text for b in x.paragraphs])
            one_by_one = {(d, id(e), m): a.closed_tail_cues(x, e, m, d, col, own, names)
                          for d, e, m in a.closed_tail_candidates(drafts, i)}
            swept = {(d, id(e), m): cues for d, e in enumerate(drafts[i + 1:i + 1 + reach], 1)
                     for m, cues in closed_tail_cues_swept(a, x, e, d, col, own, lambda: names,
                                                           DraftTails(a, e) if d == 1 else None)}
            assert swept == one_by_one, (seed, i)
            weighed += len(swept)
    assert weighed > 100  # (the pages do hold tails to weigh)


def test_a_draft_with_no_tail_asks_no_names():
    a, drafts = _drafts("标题一\n本报讯 第一段文字写在这里。\n")
    asked = []
    for e in drafts:
        assert list(closed_tail_cues_swept(a, e, e, 1, 0.0, frozenset(), lambda: asked.append(1) or set())) == []
    assert asked == []
