"""Stage assemble, A003's extra_title_echo (cleaner/stages/assemble/attach.py
split_extra_titles): a heading fill kept as a subhead at an article's end, because the group
after the text held more headings than one headline has, is the title of a second story read
into that article where a later paragraph echoes it more than the article's title; the story
splits off there under it. A heading no paragraph echoes stays a subhead (hand-made pages)."""

from __future__ import annotations

from cleaner.stages.assemble import Assembler, Draft

A1 = "在全国职业院校技能大赛上斩获金牌，毕业前就被知名企业预订，职业教育让年轻人走上出彩人生路。"
A2 = "走进学院智能制造实训中心，工业机器人、数控机床一应俱全，这里既是教室，也是车间。"
B1 = "为期6天的全国游泳冠军赛30日落下帷幕，来自各省区市的32支代表队参加了本次冠军赛。"
B2 = "本次比赛中，共有4人打破4项全国纪录，一批年轻选手进步明显，整体实力有所提升。"


def drafted(stages_until, wrap, extra: str):
    """The assembler of a page: a title and its dash subtitle, paragraphs A1, A2, B1, B2, then
    heading ``extra``; one draft holds the headline and all four paragraphs, and fill is given
    ``extra`` after the text (the headline already complete)."""
    lines = ["职业教育点亮出彩人生", "——走访湖滨职业技术学院"]
    for p in (A1, A2, B1, B2):
        lines += wrap(p)
    lines.append(extra)
    asm = Assembler(stages_until("\n".join(lines) + "\n", "spacing"))
    blocks = list(asm.page.blocks)
    d = Draft(title=blocks[0], subtitle=blocks[1], body=[b for b in blocks[2:-1]])
    assert [b.kind for b in blocks[2:]] == ["paragraph"] * 4 + ["heading"]
    asm.fill(d, [blocks[-1]], before=False)
    assert d.body[-1].kind == "subhead"  # (fill's reading: a third headline kept as a subhead)
    return asm, d


def test_an_extra_heading_echoed_by_a_later_paragraph_takes_its_story(stages_until, wrap):
    asm, d = drafted(stages_until, wrap, "全国游泳冠军赛落幕")
    drafts = [d]
    asm.split_extra_titles(drafts)
    assert len(drafts) == 2
    assert [b.text[:4] for b in drafts[0].body] == [A1[:4], A2[:4]]
    new = drafts[1]
    assert (new.title.kind, new.title.text) == ("heading", "全国游泳冠军赛落幕")
    assert [b.text[:4] for b in new.body] == [B1[:4], B2[:4]]
    assert any(c.rule == "A003" and c.action == "split" for c in asm.changes)


def test_an_extra_heading_no_paragraph_echoes_stays_a_subhead(stages_until, wrap):
    asm, d = drafted(stages_until, wrap, "秋播正当时")
    drafts = [d]
    asm.split_extra_titles(drafts)
    assert len(drafts) == 1
    assert (d.body[-1].kind, d.body[-1].text) == ("subhead", "秋播正当时")
