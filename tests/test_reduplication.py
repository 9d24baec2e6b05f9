"""Real reduplication in prose is never taken for a doubled headline.

``data/reduplication_prose.txt`` holds one sentence a line, news and feature style, each with
reduplication: AA (看看, 天天, 渐渐), AABB (高高兴兴, 干干净净), ABAB (研究研究, 雪白雪白),
AAA/AAAA (哈哈哈, 谢谢谢谢), 一AA (一天天, 一步步), A一A (看一看), repeated slogans
(“加油！加油！”, “冲啊冲啊”), numbers with repeated digits (4000, 1100万, 3.33%) and words that
only look doubled (西部部分, 外交部部长, 天天天蓝). Each must come out unchanged:

1. as a page of its own (one line, one paragraph);
2. inside a paragraph, hard-wrapped as a newspaper column sets it (conftest ``column_wrap``:
   the first line two ems short for the lost indent, then 18-em lines, closing marks pulled
   up onto the line before, numbers never split), where the rejoined paragraph must equal
   the original;
3. when it is short, as a heading-like line standing alone between two paragraphs (without
   its final 。), where the dedouble stage must record nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleaner

DATA = Path(__file__).resolve().parent / "data" / "reduplication_prose.txt"
SENTENCES = [ln.strip() for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip()]
IDS = [f"s{n:03d}" for n in range(1, len(SENTENCES) + 1)]

#: Sentences around the one under test, so that it sits inside a real paragraph.
BEFORE = "记者近日在当地采访时了解到，这项工作开展以来，得到了基层干部群众的广泛支持和积极参与。"
AFTER = "下一步，当地将继续总结经验做法，推动各项措施落地见效，让更多群众从中受益。"
OTHER = ("据介绍，该市今年将投入专项资金，对老旧小区的供水、供电、供气等管网进行改造，"
         "同步完善养老托育、停车充电等配套设施。")

HEADING_MAX = 24


def test_the_file_is_big_enough():
    assert len(SENTENCES) >= 60
    assert len(set(SENTENCES)) == len(SENTENCES), "duplicate sentences"
    assert all(s[-1] in "。！？”" for s in SENTENCES), [s for s in SENTENCES if s[-1] not in "。！？”"]


def test_the_file_is_simplified_prose():
    """No line may trip the Traditional detector: the test is about doubling, not scripts."""
    from cleaner.scripts import traditional_share

    assert [s for s in SENTENCES if traditional_share(s)[0]] == []


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_sentence_alone(sentence, texts):
    page = cleaner.clean(sentence + "\n")
    assert sentence in texts(page), texts(page)
    assert [c for c in page.changes if c.edits] == []


@pytest.mark.parametrize("sentence", SENTENCES, ids=IDS)
def test_sentence_in_wrapped_paragraph(sentence, wrap, texts):
    paragraph = BEFORE + sentence + AFTER
    lines = wrap(paragraph)
    assert len(lines) >= 3
    page = cleaner.clean("\n".join(lines + wrap(OTHER)) + "\n")
    assert paragraph in texts(page), "\n".join(texts(page))
    assert [c for c in page.changes if c.stage == "dedouble"] == []


SHORT = [(i, re.sub(r"[。！？…]+$", "", s)) for i, s in zip(IDS, SENTENCES)
         if len(re.sub(r"[。！？…]+$", "", s)) <= HEADING_MAX]


@pytest.mark.parametrize("line", [s for _, s in SHORT], ids=[i for i, _ in SHORT])
def test_short_sentence_as_a_line_of_its_own(line, wrap, texts):
    for source in (line + "\n",
                   "\n".join(wrap(BEFORE) + [line] + wrap(AFTER)) + "\n"):
        page = cleaner.clean(source)
        assert [c for c in page.changes if c.stage == "dedouble"] == [], source
        assert any(line in t for t in texts(page)), texts(page)


def test_enough_short_lines():
    assert len(SHORT) >= 30


#: Reduplicated words and slogans that may stand alone on a line (a heading, a quote set apart).
ALONE = ["看看", "谢谢", "谢谢谢谢", "天天", "人人", "常常", "渐渐", "慢慢", "高高兴兴", "干干净净",
         "认认真真", "清清楚楚", "明明白白", "轰轰烈烈", "研究研究", "讨论讨论", "休息休息",
         "加油加油", "雪白雪白", "哈哈哈", "哈哈哈哈", "一天天", "一步步", "一年年", "看一看",
         "试一试", "冲啊冲啊", "“加油！加油！”", "“冲啊冲啊”", "好好好", "天天天蓝", "4000",
         "2200亿元", "1100万人", "3.33%", "11.11%", "外交部部长", "西部部分地区", "加油！加油！",
         "谢谢！谢谢！", "1100万"]


@pytest.mark.parametrize("word", ALONE)
def test_reduplicated_word_alone(word, texts):
    page = cleaner.clean(word + "\n")
    assert [c for c in page.changes if c.stage == "dedouble"] == []
    assert word in texts(page)


def test_number_split_across_lines(texts):
    paragraph = BEFORE + "近年来，当地已有100多个村实现了村村通公交。" + AFTER
    lines = ["记者近日在当地采访时了解到，这项", "工作开展以来，得到了基层干部群众的广",
             "泛支持和积极参与。近年来，当地已有10", "0多个村实现了村村通公交。下一步，当地",
             "将继续总结经验做法，推动各项措施落地", "见效，让更多群众从中受益。"]
    assert "".join(lines) == paragraph
    page = cleaner.clean("\n".join(lines) + "\n")
    assert paragraph in texts(page), texts(page)
