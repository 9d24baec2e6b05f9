"""D007: a short heading printed twice (尾声尾声) on a page whose other headings are drawn twice.

D001 leaves a line that collapses to fewer than three letters alone: 研究研究 or 雪白雪白 set
apart may be prose. Only the page's other headings, drawn twice too, say the printer draws its
bold by overprinting; then the short line standing where a subhead stands is one of them.
"""

from __future__ import annotations

import pytest

import cleaner

SUBHEADS = ("第一个夜晚：堤上的灯第一个夜晚：堤上的灯\n"
            "零点过后，水位开始缓慢回落。有人在堤上喊了一声：“退了！”\n"
            "第二个白天：转移第二个白天：转移\n"
            "没有欢呼。大家只是互相看了一眼，又继续低头巡查。\n")
AFTER = "7月5日上午，太阳出来了。湘江长沙站水位降至警戒水位以下，转移群众陆续返回家中。\n"
PLAIN = ("零点过后，水位开始缓慢回落。有人在堤上喊了一声：“退了！”\n"
         "没有欢呼。大家只是互相看了一眼，又继续低头巡查。\n")


def _d007(page):
    return [c for c in page.changes if c.rule == "D007"]


def test_a_short_heading_printed_twice_keeps_one_copy(stages_until):
    page = stages_until(SUBHEADS + "尾声尾声\n" + AFTER, "dedouble")
    assert [ln.text for ln in page.lines][4] == "尾声"
    (change,) = _d007(page)
    assert change.before == "尾声" and change.after == ""
    assert "2 other headings" in change.reason


def test_the_heading_comes_out_once_in_the_cleaned_page(texts):
    got = texts(cleaner.clean(SUBHEADS + "尾声尾声\n" + AFTER))
    assert "尾声" in got and not any("尾声尾声" in t for t in got), got


@pytest.mark.parametrize("source", [
    PLAIN[:PLAIN.index("\n") + 1] + "尾声尾声\n" + AFTER,  # no other heading drawn twice
    SUBHEADS + "谢谢谢谢\n" + AFTER,  # a protected reduplication
    SUBHEADS + "冰冰\n" + AFTER,  # one letter printed twice: a name
    SUBHEADS[:-1] + "大家只是\n尾声尾声\n" + AFTER,  # under an open sentence: prose going on
    SUBHEADS + "2020\n" + AFTER,  # digits
])
def test_no_other_line_is_taken(stages_until, source):
    page = stages_until(source, "dedouble")
    assert _d007(page) == []


def test_the_evidence_is_the_page_s_not_the_word_s(stages_until):
    """A reduplicated word set apart as a subhead on a page that draws its headings twice is
    taken for one drawn twice too (a known limit: nothing in the text tells them apart)."""
    page = stages_until(SUBHEADS + "雪白雪白\n" + AFTER, "dedouble")
    assert len(_d007(page)) == 1


def test_one_sibling_is_not_enough(stages_until):
    one = SUBHEADS.split("第二个白天")[0] + "没有欢呼。大家只是互相看了一眼，又继续低头巡查。\n"
    page = stages_until(one + "尾声尾声\n" + AFTER, "dedouble")
    assert _d007(page) == []


@pytest.mark.parametrize("line, kept, removed", [
    ("澳门澳门：：", "澳门：", ["澳门", "："]),  # each run drawn twice: the letters, then the colon
    ("上海：上海：", "上海：", ["上海："]),  # the line drawn twice
])
def test_a_place_and_its_colon_printed_twice_keeps_one_copy(stages_until, line, kept, removed):
    """The first piece of a headline broken after a place and its colon (澳门： / 携手大湾区), its
    byline set on its line: kept once wherever it stands, even under an open sentence (a
    headline set inside a paragraph)."""
    source = SUBHEADS[:-1] + "大家只是\n" + line + "  ■本报记者 潘倩\n携手大湾区携手大湾区\n" + AFTER
    page = stages_until(source, "dedouble")
    texts = [ln.text for ln in page.lines]
    assert kept in texts and line not in texts, texts
    changes = _d007(page)
    assert changes and all("kept '" + kept + "'" in c.reason for c in changes)
    assert sorted(c.before for c in changes) == sorted(removed)


def test_the_colon_piece_joins_its_headline(texts):
    got = cleaner.clean(SUBHEADS + "澳门澳门：：  ■本报记者 潘倩\n携手大湾区携手大湾区\n" + AFTER)
    assert any(a.title is not None and a.title.text == "澳门：携手大湾区" for a in got.articles), \
        [a.title.text if a.title else None for a in got.articles]


@pytest.mark.parametrize("line", [
    "加油！加油！",  # a cheer: no colon
    "问：问：",  # one letter before the colon
    "上海：北京：",  # two places, not one drawn twice
])
def test_other_marked_lines_stay(stages_until, line):
    page = stages_until(SUBHEADS + line + "\n" + AFTER, "dedouble")
    assert _d007(page) == []
