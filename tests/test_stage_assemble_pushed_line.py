"""A001 indent_whole: a jumped tail whose first line ends a character short of its column,
because the typesetter pushed that character down so that a comma does not open the next line
(``…学生可在校内借`` / ``阅，下次…``), is not an indented paragraph opening: the tail tests
(reclaim_tails, _prefix_tail) weigh it."""

from __future__ import annotations

import pytest

FULL = 20  # the column, in characters
TEXT = ["县图书馆馆长许文华介绍，图书车从今年开始",
        "下乡，很受学生欢迎。",
        "学校轮换一次图书书籍，学生们可在校内借",   # (19: 阅 pushed down)
        "阅，下次图书车到来时再归还。图书馆还为山",
        "区学校老师开展阅读指导培训，帮助孩子们养",
        "成良好的阅读习惯。"]


def _block(lines: list[str], kit):
    from cleaner.model import Overlay, Page
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler

    text = "\n".join(lines) + "\n"
    page = Page(name="test.txt", source=text, rules=kit.rules_with("A001"), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    z = next(b for b in a.page.blocks if b.kind == "paragraph" and b.text.startswith(lines[2].strip()[:4]))
    return a, z


@pytest.mark.parametrize("whole, expected", [(True, False), (False, True)])
def test_a_line_a_character_short_over_a_pushed_mark_is_no_indent(kit, whole, expected):
    a, z = _block(TEXT, kit)
    assert len(z.lines) > 1
    assert a.indented(z, FULL, whole) is expected


def test_a_line_a_character_short_over_a_plain_line_is_still_an_indent(kit):
    lines = TEXT[:3] + ["阅读指导进校园，下次图书车到来时再归还", "书馆还为山区学校老师开展培训。"]
    a, z = _block(lines, kit)
    assert a.indented(z, FULL, True)


def test_a_whole_indent_stays_one(kit):
    lines = [*TEXT[:2], "　　学校轮换一次书籍，学生们可在校内借", *TEXT[3:]]
    a, z = _block(lines, kit)
    assert a.indented(z, FULL, True)


# A001 indent_reads_on: a paragraph that opens indented is still weighed as the rest of a cut
# paragraph where the two read on as one word (…确保各 / 项指标…): a line's width is a guess
# where it holds digits or Latin letters, and a typesetter may end a line early
CUT = "在试运行阶段，技术人员将对设备进行反复检测和调整，确保各"
REST = ["项指标达到设计要求后将正式投入使用，",   # (18 of 20: short by an indent)
        "预计年底前全面建成并向社会开放，届时将为",
        "周边居民提供便利。"]


def _cut_and_rest(kit, rest: list[str], **params):
    """The cut paragraph (its text ``CUT``: the paragraph of the page before the rest, its
    text cut so) and the rest, an indented paragraph, as the assembler weighs them."""
    from cleaner.model import Overlay, Page, replace
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler

    text = "\n".join(TEXT[:2] + rest) + "\n"
    page = Page(name="test.txt", source=text, rules=kit.rules_with("A001", **params), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    first, z = [b for b in a.page.blocks if b.kind == "paragraph"]
    x = replace(first, text=CUT)
    assert z.text.startswith(rest[0]) and a.indented(z, FULL, True) and a.is_open(x)
    return a, x, z


def test_an_indented_paragraph_that_reads_on_from_the_cut_is_weighed(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, REST)
    assert not a.indent_stops(x, z, FULL)


def test_not_when_off(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, REST, indent_reads_on=0.0)
    assert a.indent_stops(x, z, FULL)


def test_an_indented_paragraph_that_reads_on_from_nothing_stays_apart(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, ["据了解，该项目总投资约为三亿元左右，", *REST[1:]])
    assert a.indent_stops(x, z, FULL)


# A001 column_reads_on: a paragraph set in a column of another width is still weighed as the
# rest of a cut paragraph where the two read on as one word (a page can carry an article's rest
# on in a column of another width: …滚 / 装船…)
NARROW = 14.0  # the cut paragraph's column, in ems: the rest's (20) is more than column_tolerance off


def test_a_rest_in_another_column_that_reads_on_from_the_cut_is_weighed(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, REST)
    assert not a.column_stops(x, z, NARROW) and not a.column_stops(x, z, FULL)


def test_not_across_columns_when_off(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, REST, column_reads_on=0.0)
    assert a.column_stops(x, z, NARROW) and not a.column_stops(x, z, FULL)


def test_a_paragraph_in_another_column_that_reads_on_from_nothing_stays_apart(kit, need_jieba):
    a, x, z = _cut_and_rest(kit, ["据了解，该项目总投资约为三亿元左右，", *REST[1:]])
    assert a.column_stops(x, z, NARROW)
