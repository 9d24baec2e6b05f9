"""L006: a heading the rejoin stage ran onto the first line of the paragraph under it is split
off again (label._heading_line_over_text): the line under it is the indented one."""

from __future__ import annotations

import copy

from cleaner import clean
from cleaner.rules import default_rules
from cleaner.stages.label import _second_line_indented, _set_width

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
    rules["L006"].params["indent"] = 99.0  # (no line is then ever one indent short)
    got = _blocks(PAGE.format(head="巡检“高空值守”", second="应用场景不断拓展，带"), rules)
    assert not any(k == "heading" and t == "巡检“高空值守”" for k, t in got)


def test_a_paragraphs_own_indented_first_line_stays():
    # the first line one indent short of the column, the second line full: the paragraph's own
    # first line
    got = _blocks(PAGE.format(head="无人机巡检“高空值守”", second="应用场景不断拓展，带动"))
    assert not any(k == "heading" for k, t in got)


#: a page with a blank line after every line (the rejoin stage reads the subhead on into the
#: line under it): a subhead about as long as a paragraph's indented first line
SHORT_SUBHEAD = """象。近年来，岩山县深入推进

“四好农村路”建设，累计新

改建农村公路1860公里，实

现所有建制村通硬化路、通客

车，30户以上自然村通硬化

路比例达到98%。

从“出行难”到“出行畅”

{second}

{third}

先走两个小时山路到乡里，再

坐拖拉机颠簸大半天。”谈起

从前，龙潭村村民田发贵感慨

万千。
"""


def test_a_subhead_as_short_as_an_indented_line_is_split_off():
    # both lines one indent short: the second, set at its width (no quote mark) and not cut
    # short before a number, is the indented one, so the first is a heading
    got = _blocks(SHORT_SUBHEAD.format(second="岩山县地处山区，山高谷", third="深。“过去从村里到县城，要"))
    assert ("heading", "从“出行难”到“出行畅”") in got


def test_both_lines_short_before_a_number_stay_one_paragraph():
    # the line after the second opens with digits, which the measure does not break: the
    # second line may stop short before them, so its shortness is no indent
    got = _blocks(SHORT_SUBHEAD.format(second="岩山县地处山区，山高谷", third="2019年起，过去从村里到县城"))
    assert not any(k == "heading" and t.startswith("从“出行难”") for k, t in got)


def test_a_second_line_with_a_squeezed_mark_is_no_sure_indent():
    # the second line's set width is uncertain where it holds a quote mark or a bracket (a
    # compositor squeezes them); the line after it opening with a digit or a Latin letter may
    # have pushed it short (label._second_line_indented, asked where both lines are short)
    assert _second_line_indented("岩山县地处山区，山高谷", "深。过去")
    assert not _second_line_indented("“就业难”，一方面", "有的企业")
    assert not _second_line_indented("为主、点染着色，", "2009年作为")
    assert not _second_line_indented("为主、点染着色，", "AI作为")


#: a subhead set right under a paragraph whose last line closes its sentence at the column's
#: edge (a blank line after every line): the rejoin stage reads on past the sentence's end
MID_SUBHEAD = """公室里操作，一个人

可以轮流控制3台岸

桥，工作环境好了，

效率也提高了。”

无人集卡穿梭堆场

堆场内，一辆辆

没有驾驶室的无人集

卡正有序行驶。它们

借助激光雷达、高精

度定位等技术自主规

划路线、自动避让障

碍，把集装箱精准运
"""


def test_a_subhead_run_in_after_a_sentences_end_is_split_off():
    got = _blocks(MID_SUBHEAD)
    assert [k for k, _ in got] == ["paragraph", "heading", "paragraph"]
    assert got[0][1].endswith("效率也提高了。”") and got[1][1] == "无人集卡穿梭堆场"
    assert got[2][1].startswith("堆场内，一辆辆")


def test_no_split_inside_a_paragraph_without_a_sentences_end_above():
    # the line above runs on (no sentence closed at the column's edge): no heading inside
    got = _blocks(MID_SUBHEAD.replace("效率也提高了。”", "效率也提高了很多"))
    assert not any(k == "heading" for k, _ in got)


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
