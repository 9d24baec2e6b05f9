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
