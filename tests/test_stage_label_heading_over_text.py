"""L006: a heading the rejoin stage ran onto the first line of the paragraph under it is split
off again (label._heading_line_over_text): the line under it is the indented one."""

from __future__ import annotations

import copy

from cleaner import clean
from cleaner.rules import default_rules
from cleaner.stages.label import _set_width

#: a narrow column, no blank lines: a paragraph, a subhead, the next paragraph (its first line
#: indented two ems, the column 12 ems wide)
PAGE = """除电力巡检外，无人机
在森林防火、河道巡查、应
急救援等领域也大显身手。
今年汛期，当地应急管理部
门利用系留无人机为受灾区
域搭建临时通信基站，保障
了二万余名群众的通信需
求。
{head}
{second}
动了产业链上下游加速集
聚。在南岭市低空经济产业
园，已有整机制造、飞控系
统、动力电池、运营服务等
领域企业六十余家入驻，去
年实现产值近五十亿元。
"""


def _blocks(text: str, rules=None) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean(text, rules=rules).blocks]


def test_subhead_run_onto_its_paragraph_is_split_off():
    got = _blocks(PAGE.format(head="巡检“高空值守”", second="应用场景不断拓展，带"))
    assert ("heading", "巡检“高空值守”") in got
    assert any(k == "paragraph" and t.startswith("应用场景不断拓展") for k, t in got)


def test_without_the_rule_the_subhead_stays_in_the_text():
    rules = copy.deepcopy(default_rules())
    rules["L006"].params["indent_slack"] = 99.0  # (every first line then reads as an indented one)
    got = _blocks(PAGE.format(head="巡检“高空值守”", second="应用场景不断拓展，带"), rules)
    assert not any(k == "heading" and t == "巡检“高空值守”" for k, t in got)


def test_a_paragraphs_own_indented_first_line_stays():
    # the first line one indent short of the column: the paragraph's own first line
    got = _blocks(PAGE.format(head="无人机巡检“高空值守”", second="应用场景不断拓展，带"))
    assert not any(k == "heading" for k, t in got)


def test_a_word_across_the_break_keeps_the_lines_together():
    # 场 / 景: the measure broke a word, a heading breaks between words
    page = PAGE.format(head="无人机的应用场", second="景正不断拓展，带")
    assert not any(k == "heading" for k, t in _blocks(page))
    rules = copy.deepcopy(default_rules())
    rules["L006"].params["run_in_cut_gain"] = 1e9  # (no word is ever read across the break)
    assert ("heading", "无人机的应用场") in _blocks(page, rules)


def test_set_width_counts_quotes_whole_and_hangs_a_closing_mark():
    assert _set_width("巡检“高空值守”") == 7  # (the closing quote hangs past the measure)
    assert _set_width("“高空”值守") == 6
    assert _set_width("实现产值50亿元") == 7
