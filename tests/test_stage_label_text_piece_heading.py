"""L006: a heading that is a piece of a sentence a caption cut out of its paragraph is text
again (label._text_pieces_read_as_headings): a word runs on from its end into the text after."""

from __future__ import annotations

from cleaner import clean
from cleaner.stages import label

PAGE = """本报讯 今年以来，丰源县大力推广植保无人机，全县植保作业效率提高了百分之二十以上。

{piece}

图为无人机在田间喷洒农药。 本报记者 李明 摄

{rest}去年考取了操作证书，加入了当地的农业社会化服务组织。他说，现在一天能作业三百多亩。
"""


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean(text).blocks]


def test_a_sentence_cut_by_a_caption_is_text_again_and_healed():
    page = PAGE.format(piece="28岁的无人机飞手任浩", rest="然")
    assert ("paragraph", "28岁的无人机飞手任浩") in _kinds(page)
    body = [b.text for a in clean(page).articles for b in a.body]
    assert any(t.startswith("28岁的无人机飞手任浩然去年考取了操作证书") for t in body), body


def test_without_the_step_the_piece_reads_as_a_heading(monkeypatch):
    monkeypatch.setattr(label, "_text_pieces_read_as_headings", lambda page, blocks, *a: blocks)
    assert ("heading", "28岁的无人机飞手任浩") in _kinds(PAGE.format(piece="28岁的无人机飞手任浩", rest="然"))


def test_a_subhead_over_a_caption_stays_a_heading():
    # 日常 / 他: no word across the break, a subhead ends where its words do
    assert ("heading", "无人机飞手的日常") in _kinds(PAGE.format(piece="无人机飞手的日常", rest="他"))


HEADLINE = """据介绍，我国正加紧建设6个区域救援中心，应急救援能力持续提升。
国新办发布会：介绍“十四五”规划《纲要草案》有关情
况
科技日报讯（记者何倩）国务院新闻办今天上午举行新闻发布会，介绍有关情况。
《纲要草案》锚定2035年远景目标，聚焦“十四五”阶段性任务，设置了主要指标。
"""


def test_a_headline_broken_inside_its_last_word_is_one_heading():
    """A lone character under a heading, closing nothing (有关情 / 况), is the headline's end, not
    a sentence's rest: the two are one heading, not one paragraph."""
    page = clean(HEADLINE)
    kinds = [(b.kind, b.text) for b in page.blocks]
    assert ("heading", "国新办发布会：介绍“十四五”规划《纲要草案》有关情况") in kinds, kinds
    assert any(c.rule == "L006" and "broken inside its last word" in str(c.reason) for c in page.changes)


def test_a_sentence_s_short_end_under_a_piece_stays_text():
    got = _kinds(HEADLINE.replace("有关情\n况\n", "有关情\n况。\n"))
    assert not any(k == "heading" and t.endswith("有关情况。") for k, t in got), got
