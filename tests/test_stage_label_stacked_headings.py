"""L006: a block of three lines or more holding no sentence or clause mark, each line a
heading's length, is headlines the rejoin stage read as one narrow column: each line is taken
off as a heading of its own (label._stacked_heading_lines)."""

from __future__ import annotations

from cleaner import clean
from cleaner.model import replace
from cleaner.stages._common import rebuild
from cleaner.stages.label import _stacked_heading_lines

#: the end of an article, a title broken over two lines and the next article's title, then that
#: article's dated text (a blank line after every line)
PAGE = """蔡志强提醒，发现有人倒地后，应首先确认现场环境

安全，拍打患者双肩并大声呼喊，判断其有无反应。

{a}

{b}

{c}

本报深圳2月17日讯 早上6点20分，天还没亮透，湄川县第一中学

的教学楼里已经传出了琅琅读书声。高三班班主任邵永红站在

教室后门，看着埋头早读的学生们，心里踏实了不少。
"""
HEADS = ("城区公共场所配齐AED", "“救命神器”如何用得上", "一所县中的“突围”")


def test_headlines_read_as_one_narrow_column_are_split_line_by_line():
    got = [(b.kind, b.text) for b in clean(PAGE.format(a=HEADS[0], b=HEADS[1], c=HEADS[2])).blocks]
    assert [t for k, t in got if k == "heading"] == list(HEADS)


def _stack_as_read(texts):
    """The page's blocks with its three heading lines read back into one paragraph (as the rejoin
    stage had read them), the lines' texts replaced by ``texts``."""
    page = clean(PAGE.format(a=HEADS[0], b=HEADS[1], c=HEADS[2]))
    blocks = list(page.blocks)
    i = next(k for k, b in enumerate(blocks) if b.kind == "heading")
    heads = blocks[i:i + 3]
    lines = list(page.lines)
    for h, t in zip(heads, texts):
        lines[h.first] = lines[h.first]._replace(text=t, width=float(len(t)))
    page = page.evolve(lines=tuple(lines))
    merged = rebuild(page, replace(heads[0], kind="paragraph", lines=tuple(h.first for h in heads), joiners=("", "")))
    return page, blocks[:i] + [merged] + blocks[i + 3:]


def test_lines_of_one_width_or_a_mark_left_open_stay_text():
    rule_of = lambda page: page.rules["L006"]  # noqa: E731
    page, blocks = _stack_as_read(("城区公共场所", "配齐急救设备的", "一所县中"))
    assert [b.kind for b in _stacked_heading_lines(page, blocks, rule_of(page), [])].count("heading") == 3
    # every line set one width: a narrow column's text
    page, blocks = _stack_as_read(("这是赣江师范学院", "方言有声档案项目", "的一次田野录音地"))
    assert not any(b.kind == "heading" for b in _stacked_heading_lines(page, blocks, rule_of(page), []))
    # a line leaves a quotation open: one broken over lines
    page, blocks = _stack_as_read(("“小商品做的是", "开放型经济观察", "小商品出海记"))
    assert not any(b.kind == "heading" for b in _stacked_heading_lines(page, blocks, rule_of(page), []))
    # a clause mark: prose
    page, blocks = _stack_as_read(("城区公共场所", "配齐急救设备，", "一所县中"))
    assert not any(b.kind == "heading" for b in _stacked_heading_lines(page, blocks, rule_of(page), []))


def test_a_title_broken_inside_its_quotation_is_one_heading():
    # 【今日关注】 / 警惕“指尖上的 / 形式主义”: the kicker, then a title broken inside its quotation,
    # the next line closing the mark the line above left open (issue #14)
    page, blocks = _stack_as_read(("【今日关注】", "警惕“指尖上的", "形式主义”"))
    got = [(b.kind, b.text) for b in _stacked_heading_lines(page, blocks, page.rules["L006"], [])]
    assert ("heading", "【今日关注】") in got
    assert ("heading", "警惕“指尖上的形式主义”") in got
    # the mark left open is closed by no line under it: a quotation broken over lines of prose
    page, blocks = _stack_as_read(("【今日关注】", "警惕“指尖上的", "形式主义"))
    assert not any(b.kind == "heading" for b in _stacked_heading_lines(page, blocks, page.rules["L006"], []))
