"""Stage assemble, A007's rescue_headings (cleaner/stages/assemble/rescue.py): a heading the
decoder left with no text, that adopt_orphans did not place, is kept in the article whose text
encloses it, or whose text it closes at the page's end, as a subhead; a headline group after
the text, or a heading between two articles' text, stays in dropped (hand-made pages)."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.stages.assemble import Assembler, Draft

P1 = "从“村超”“村BA”火爆出圈，到千户苗寨游人如织，近年来，黔东南的文旅发展备受关注。"
P2 = "如何把流量变成留量，让游客来了还想再来，成了当地文旅部门思考的问题。"
P3 = "记者：近两年，乡村体育赛事让黔东南的知名度大幅提升，这些赛事为什么能火起来？"
P4 = "杨光荣：我觉得最根本的是一个“真”字，球员是村里的农民，观众是乡里乡亲。"


def page(wrap, *parts: str) -> str:
    """A title, then each part: a paragraph (wrapped) or, for a short one, a heading line."""
    out = ["让“诗和远方”走得更近"]
    for p in parts:
        out += wrap(p) if len(p) > 12 else [p]
    return "\n".join(out) + "\n"


def drafted(stages_until, text: str, orphans: set[str], split_at: str | None = None):
    """The assembler of ``text`` with its first heading a title, the headings in ``orphans`` left
    to dropped, the rest the body of one draft (of two, the second from paragraph ``split_at``)."""
    asm = Assembler(stages_until(text, "spacing"))
    blocks = list(asm.page.blocks)
    drafts = [Draft(title=blocks[0])]
    for b in blocks[1:]:
        if b.text in orphans:
            asm.orphans.append(b)
            continue
        if split_at is not None and b.text == split_at:
            drafts.append(Draft())
        drafts[-1].body.append(b if b.kind == "paragraph" else replace(b, kind="subhead"))
    return asm, drafts


def test_a_heading_inside_one_articles_text_is_kept_there_as_a_subhead(stages_until, wrap):
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, "谈赛事带动", P3, P4), {"谈赛事带动"})
    from cleaner.stages.assemble.rescue import rescue_orphans
    rescue_orphans(asm, drafts)
    assert asm.orphans == []
    kinds = [(b.kind, b.text[:4]) for b in drafts[0].body]
    assert kinds == [("paragraph", P1[:4]), ("paragraph", P2[:4]), ("subhead", "谈赛事带"),
                     ("paragraph", P3[:4]), ("paragraph", P4[:4])]
    assert any(c.rule == "A007" and c.action == "attach" for c in asm.changes)


def test_a_lone_heading_after_the_pages_last_text_closes_that_article(stages_until, wrap):
    from cleaner.stages.assemble.rescue import rescue_orphans
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, P3, P4, "谈服务提升"), {"谈服务提升"})
    rescue_orphans(asm, drafts)
    assert asm.orphans == []
    assert (drafts[0].body[-1].kind, drafts[0].body[-1].text) == ("subhead", "谈服务提升")


def test_a_last_subhead_and_a_byline_set_after_the_text_are_no_headline_group(stages_until, wrap):
    # the byline set at the text's end does not make the heading before it a headline: the
    # heading is the last subhead, set after its section; the byline stays where the decoder put it
    from cleaner.stages.assemble.rescue import rescue_orphans
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, P3, P4, "谈服务提升", "□宋秀刚"), {"谈服务提升", "宋秀刚"})
    rescue_orphans(asm, drafts)
    assert (drafts[0].body[-1].kind, drafts[0].body[-1].text) == ("subhead", "谈服务提升")
    assert [b.kind for b in asm.orphans] == ["byline"]


def test_a_headline_group_after_the_text_stays_in_dropped(stages_until, wrap):
    from cleaner.stages.assemble.rescue import rescue_orphans
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, P3, P4, "【走进乡村】", "秋播正当时"),
                          {"【走进乡村】", "秋播正当时"})
    rescue_orphans(asm, drafts)
    assert [h.text for h in asm.orphans] == ["【走进乡村】", "秋播正当时"]
    assert all(b.kind == "paragraph" for b in drafts[0].body)


def test_a_heading_between_two_articles_stays_in_dropped(stages_until, wrap):
    from cleaner.stages.assemble.rescue import rescue_orphans
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, "谈赛事带动", P3, P4), {"谈赛事带动"})
    # the text after the heading is another article's
    second = Draft(body=[b for b in drafts[0].body if b.first > asm.orphans[0].first])
    drafts[0].body = [b for b in drafts[0].body if b.first < asm.orphans[0].first]
    drafts.append(second)
    rescue_orphans(asm, drafts)
    assert [h.text for h in asm.orphans] == ["谈赛事带动"]


def test_off_keeps_every_orphan(stages_until, wrap):
    from dataclasses import replace as dreplace
    from cleaner.stages.assemble.rescue import rescue_orphans
    asm, drafts = drafted(stages_until, page(wrap, P1, P2, "谈赛事带动", P3, P4), {"谈赛事带动"})
    rule = asm.rules["A007"]
    asm.rules = dreplace(asm.rules, _index={}, _ocr={},
                         rules=tuple(dreplace(r, params={**r.params, "rescue_headings": False})
                                     if r.id == "A007" else r for r in asm.rules.rules))
    rescue_orphans(asm, drafts)
    assert [h.text for h in asm.orphans] == ["谈赛事带动"]
    assert rule.params["rescue_headings"] is True
