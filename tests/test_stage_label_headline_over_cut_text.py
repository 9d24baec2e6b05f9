"""L006: a headline group set inside another article's sentence, its title run by the rejoin stage
onto the sentence's rest, has the title split off as a heading (label._headlines_over_cut_text):
a word runs on from the text above the group into the line under the title (车 / 位: 车位)."""

from __future__ import annotations

import copy
from pathlib import Path

from cleaner import clean
from cleaner.rules import default_rules

#: a column of text whose last sentence a headline group cuts after 新增车 (tests/data)
COLUMN = (Path(__file__).parent / "data" / "cut_sentence_column.txt").read_text(encoding="utf-8")

#: a column of text cut after 新增车 by a kicker and a title; the sentence goes on with 位62个
PAGE = COLUMN + """ 【社区观察】
{head}
位62个；与附近两家单位协商，
错时共享车位80个，居民停车
难的问题得到了缓解。
"""


def _kinds(text: str, rules=None) -> list[tuple[str, str]]:
    return [(b.kind, b.text.strip()) for b in clean(text, rules=rules).blocks]


def test_a_title_run_onto_the_sentence_it_cuts_is_split_off():
    got = _kinds(PAGE.format(head="“板凳会”上议出“停车难”解法"))
    assert ("heading", "“板凳会”上议出“停车难”解法") in got
    assert not any(k == "paragraph" and t.startswith("“板凳会”") for k, t in got)


def test_the_split_is_recorded():
    changes = [str(c.reason) for c in clean(PAGE.format(head="“板凳会”上议出“停车难”解法")).changes
               if c.rule == "L006" and "another article's sentence" in str(c.reason)]
    assert changes


def test_without_a_word_across_the_group_the_line_stays_text():
    rules = copy.deepcopy(default_rules())
    rules["L006"].params["run_in_cut_gain"] = 1e9  # (no word is ever read across a break)
    got = _kinds(PAGE.format(head="“板凳会”上议出“停车难”解法"), rules)
    assert ("heading", "“板凳会”上议出“停车难”解法") not in got
