"""A dateline is never a caption's: an article's dated text that a caption took in is given
back (cleaner/stages/label.py ``_datelines_out_of_captions``, cleaner/stages/captions.py's
runs), so the dateline opens a paragraph and the article gets it."""

from __future__ import annotations

import cleaner

#: two articles on a page without blank lines; the second's dateline broken over two lines
#: right after the first article's last sentence (a bare caption's sentence and "credit")
BROKEN = "\n".join([
    "智能制造提速",
    "本报讯 江川市工业和信",
    "息化局局长方振宇表",
    "示，下一步将继续实",
    "施智能化改造和数字",
    "化转型三年行动，力",
    "争到2026年建成智",
    "能工厂50家、数字",
    "化车间300个，让更",
    "多企业在智能制造赛",
    "道上跑出好成绩。",
    "【新华社深圳十",
    "一日电】斑驳的红砖",
    "墙、高大的钢结构屋",
    "架，与明亮的玻璃幕",
    "墙相映成趣，位于柳",
    "州路的原江北机床厂",
    "老厂房变身创新产业",
    "园，已入驻企业86家。",
]) + "\n"

#: a dateline paragraph's first line run into the caption set inside it (no blank lines)
INTO_CAPTION = "\n".join([
    "让“诗和远方”走得更近",
    "本报大连4月20日讯  华灯初上，桐溪县老街上人",
    "8月20日晚，游客在桐溪县老街夜市选购特色小吃。",
    "新华社记者 黄宇军 摄",
    "头攒动，烧烤摊前烟火升腾，文创小店里顾客挑选着手",
    "工饰品，河畔的露天舞台上正上演着地方戏曲。今年以",
    "来，桐溪县大力发展夜间经济，夜间消费额同比增长",
    "30.6%，小县城的烟火气越来越浓。",
]) + "\n"


def test_a_dateline_broken_over_two_lines_is_no_caption_credit(stages_until):
    page = stages_until(BROKEN, "label")
    assert [b.text for b in page.blocks if b.kind == "caption"] == []
    dated = [b for b in page.blocks if b.first in page.layout.datelines]
    assert [page.layout.datelines[b.first] for b in dated] == ["本报讯 ", "【新华社深圳十一日电】"]
    assert dated[1].text.startswith("【新华社深圳十一日电】斑驳")


def test_a_dateline_paragraph_run_into_a_caption_is_split_off(stages_until):
    page = stages_until(INTO_CAPTION, "label")
    kinds = [(b.kind, b.text) for b in page.blocks]
    assert ("paragraph", "本报大连4月20日讯  华灯初上，桐溪县老街上人") in kinds
    assert ("caption", "8月20日晚，游客在桐溪县老街夜市选购特色小吃。 新华社记者 黄宇军 摄") in kinds
    assert page.blocks[1].first in page.layout.datelines
    split = [c for c in page.changes if c.rule == "L005" and c.action == "split"]
    assert len(split) == 1


def test_the_dateline_paragraph_cut_by_a_caption_is_one_again():
    page = cleaner.clean(INTO_CAPTION)
    (art,) = page.articles
    assert art.dateline == "本报大连4月20日讯"
    assert [c.text for c in art.captions] == ["8月20日晚，游客在桐溪县老街夜市选购特色小吃。 新华社记者 黄宇军 摄"]
    assert art.body[0].text.startswith("本报大连4月20日讯") and "老街上人头攒动" in art.body[0].text.replace(" ", "")
