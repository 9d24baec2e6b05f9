"""Stage assemble, A004's adopt_orphans: a lone heading the decoder left with no text (kept in
dropped) that is article text after all: the last subhead of the article whose last paragraph
it follows, or the rest of a dash-led subtitle broken over two lines (hand-made pages)."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.stages.assemble import Assembler

TITLE = "让“诗和远方”走得更近"
INTRO = ["从“村超”“村BA”火爆出圈，到千户苗寨游人如织，近年来，黔东南的文旅发展备受关注。",
         "如何把流量变成留量，让游客来了还想再来，成了当地文旅部门思考的问题，记者日前专访了州文化广电旅游局局长杨光荣。"]
S1 = ["记者：近两年，乡村体育赛事让黔东南的知名度大幅提升，这些赛事为什么能火起来？",
      "杨光荣：我觉得最根本的是一个“真”字，球员是村里的农民，观众是乡里乡亲。"]
S2 = ["记者：黔东南有大量传统村落，在发展旅游的同时，如何保护好这些村落的原真性？",
      "杨光荣：传统村落是最宝贵的资源，保护是第一位的，我们坚持不搬迁、不大拆、不大建。"]
S3 = ["记者：游客多了，对交通、住宿、餐饮等方面的要求也更高了，下一步有哪些打算？",
      "杨光荣：交通上，加密旅游专线；住宿上，鼓励发展中高端民宿，也规范农家乐经营。"]


def interview(wrap, last_subhead: str) -> str:
    """Title, intro, three sections each followed by its subhead (the last one ``last_subhead``)."""
    out = [TITLE]
    for p in INTRO:
        out += wrap(p)
    for sec, sub in ((S1, "谈赛事带动"), (S2, "谈村落保护"), (S3, last_subhead)):
        for p in sec:
            out += wrap(p)
        out.append(sub)
    return "\n".join(out) + "\n"


def orphaned(stages_until, text: str, last: str):
    """The assembler of ``text`` and one draft: its first heading the title, the rest of its
    blocks the body in print order (subheads after their sections), but the heading ``last``,
    left an orphan (as the decoder leaves one when the paragraph before it is given to its
    article only later)."""
    from cleaner.stages.assemble import Draft

    asm = Assembler(stages_until(text, "spacing"))
    blocks = list(asm.page.blocks)
    d = Draft(title=blocks[0])
    for b in blocks[1:]:
        if b.text == last:
            asm.orphans.append(b)
        else:
            d.body.append(b if b.kind == "paragraph" else replace(b, kind="subhead"))
    return asm, [d]


def test_a_lone_heading_after_an_articles_last_paragraph_is_its_last_subhead(stages_until, wrap):
    asm, drafts = orphaned(stages_until, interview(wrap, "谈服务提升"), "谈服务提升")
    assert [h.text for h in asm.orphans] == ["谈服务提升"]
    asm.adopt_orphans(drafts)
    assert asm.orphans == []
    (d,) = [d for d in drafts if d.title is not None and d.title.text == TITLE]
    kinds = [(b.kind, b.text[:5]) for b in d.body]
    # the subheads are set after their sections: each now heads its section
    assert [t for k, t in kinds if k == "subhead"] == ["谈赛事带动", "谈村落保护", "谈服务提升"]
    assert kinds.index(("subhead", "谈服务提升")) == kinds.index(("paragraph", S3[0][:5])) - 1
    assert any(c.rule == "A004" and c.action == "label" for c in asm.changes)


def test_a_lone_heading_after_an_article_without_subheads_stays_dropped(stages_until, wrap):
    text = "\n".join([TITLE] + [ln for p in INTRO + S1 for ln in wrap(p)] + ["谈服务提升"]) + "\n"
    asm = Assembler(stages_until(text, "spacing"))
    drafts = asm.drafts()
    for d in drafts:
        d.body = [b for b in d.body if b.kind == "paragraph"]
    asm.orphans = [b for b in asm.page.blocks if b.text == "谈服务提升"]
    asm.adopt_orphans(drafts)
    assert [h.text for h in asm.orphans] == ["谈服务提升"]


def test_a_lone_heading_drawn_bold_after_plain_subheads_stays_dropped(stages_until, wrap):
    asm, drafts = orphaned(stages_until, interview(wrap, "谈服务提升"), "谈服务提升")
    asm.dedoubled = {asm.orphans[0].first}  # (drawn bold, as a title: the next article's)
    asm.adopt_orphans(drafts)
    assert [h.text for h in asm.orphans] == ["谈服务提升"]


def test_a_lone_heading_under_a_short_dash_subtitle_is_its_rest(stages_until, wrap):
    text = "\n".join(["职业教育点亮出彩人生", "——走访", "湖滨职业技术学院"]
                     + [ln for p in INTRO + S1 for ln in wrap(p)]) + "\n"
    asm = Assembler(stages_until(text, "spacing"))
    drafts = asm.drafts()
    blocks = {b.text: b for b in asm.page.blocks}
    (d,) = drafts
    d.title, d.subtitle = replace(blocks["职业教育点亮出彩人生"], kind="heading"), blocks["——走访"]
    asm.orphans = [blocks["湖滨职业技术学院"]]
    asm.adopt_orphans(drafts)
    assert asm.orphans == [] and d.subtitle.text == "——走访湖滨职业技术学院"


def test_a_heading_under_a_long_dash_subtitle_is_no_part_of_it(stages_until, wrap):
    long_dash = "——明确平台用工责任边界 维护劳动者合法权益"
    text = "\n".join(["职业教育点亮出彩人生", long_dash, "湖滨职业技术学院"]
                     + [ln for p in INTRO + S1 for ln in wrap(p)]) + "\n"
    asm = Assembler(stages_until(text, "spacing"))
    drafts = asm.drafts()
    blocks = {b.text: b for b in asm.page.blocks}
    (d,) = drafts
    d.subtitle = blocks[long_dash]
    asm.orphans = [blocks["湖滨职业技术学院"]]
    asm.adopt_orphans(drafts)
    assert [h.text for h in asm.orphans] == ["湖滨职业技术学院"] and d.subtitle.text == long_dash
