"""A003 byline_apart: a byline set right under the rest of the sentence a headline group cut
(the heal moves that rest up before the group, so the byline stands in one run with the group
and the next article's title) closes the group's article; with more paragraphs between it and
the group it is as likely the next article's and the old tie stands
(Assembler.under_moved_text)."""

from __future__ import annotations

from pathlib import Path

from cleaner import clean

#: a column of text whose last sentence a headline group cuts after 新增车 (tests/data)
COLUMN = (Path(__file__).parent / "data" / "cut_sentence_column.txt").read_text(encoding="utf-8")

#: article one's last sentence cut by its kicker and title (新增车 / … / 位62个), its byline under
#: the sentence's rest, then article two's title right under the byline
PAGE = "【本报讯】" + COLUMN + """ 【社区观察】
 “板凳会”上议出“停车难”解法
位62个；与附近两家单位协商，
错时共享车位80个，居民停车
难的问题得到了缓解。
{more}▲ 本报记者 王小明 李大海
 秋播正当时
南方日报讯时下正值冬小麦播种关
键期，河南省周口市1100余万亩麦田
里，农机手们驾驶着播种机来回穿梭，
施肥、播种、镇压一次完成。截至10
月25日，全市小麦播种进度已过七
成。
"""

#: a second paragraph of article one between the sentence's rest and the byline
MORE = """据了解，社区下一步还将推广这
一做法，在更多小区开展试点。
"""


def _bylines(text: str) -> dict[str, str | None]:
    return {a.title.text if a.title else "": a.byline.text if a.byline else None for a in clean(text).articles}


def test_a_byline_under_the_rest_of_a_cut_sentence_closes_its_article():
    got = _bylines(PAGE.format(more=""))
    assert got["“板凳会”上议出“停车难”解法"] == "本报记者 王小明 李大海"
    assert got["秋播正当时"] is None


def test_a_byline_paragraphs_away_from_the_group_keeps_the_old_tie():
    got = _bylines(PAGE.format(more=MORE))
    assert got["“板凳会”上议出“停车难”解法"] is None
    assert got["秋播正当时"] == "本报记者 王小明 李大海"


def test_only_the_rest_of_the_cut_sentence_lets_the_byline_close_the_group(stages_until):
    # weighed on the labelled page as the decoder weighs the run the heal makes (kicker, title,
    # byline, the next title): with the sentence's rest alone between the title and the byline
    # the byline closes the title's article at no cost, and giving it to the next title costs
    # the tie-break; with another paragraph between, parting it from the next title costs what
    # it did
    from cleaner.stages.assemble import Assembler

    for more, closes in (("", True), (MORE, False)):
        page = stages_until(PAGE.format(more=more), "label")
        asm = Assembler(page)
        kicker, title, byline, nxt = [b for b in page.blocks if b.kind in ("heading", "byline")]
        assert (title.text, byline.kind, nxt.text) == ("“板凳会”上议出“停车难”解法", "byline", "秋播正当时")
        w = page.rules["A003"].params
        assert asm.under_moved_text(byline, title) is closes
        assert asm.byline_apart([kicker, title, byline], [nxt]) == (0.0 if closes else w["byline_apart_penalty"])
        assert asm.byline_apart([kicker, title], [byline, nxt]) == (w["byline_under_title"] if closes else 0.0)
