"""A002 reclaim_leads: the last paragraph of an article that is the next article's lead (its
title sums it up better than the text the decoder gave that article) goes to its head."""

from __future__ import annotations


# X: a report on the flu season, its headline above its text (its first two paragraphs, unless
# a test asks for three)
X = ["中国青年报客户端讯（记者薛晓）入冬以来，全国多地进入流感高发季，医院呼吸科门诊量"
     "明显上升，专家提醒公众做好科学防护。",
     "专家建议，及时接种流感疫苗，勤洗手、常通风，出现发热咳嗽等症状要及时就医，老人和"
     "儿童更要注意防护。",
     "疾控部门表示，将加强流感监测预警，及时发布健康提示，指导学校和养老机构做好防控。"]
# Y: a commentary; its lead, set before its headline, in the same column as X
Y_LEAD = ["教育公平是社会公平的重要基础。近年来，各地推进义务教育优质均衡发展，扩大优质教育"
          "资源供给，让每个孩子都能享有公平而有质量的教育。"]
Y_REST = ["也要看到，城乡之间、区域之间、校际之间的差距依然存在，推动教育公平任重道远。",
          "推动教育公平，关键在于扩大优质教育资源供给，让乡村学校的孩子也能遇到好老师。"]
TITLE = "让每个孩子都能享有公平而有质量的教育"


def _drafts(wrap, title: str, params: dict | None = None, between: bool = False, x_paras: int = 2):
    """Drafts as the decoder may leave them: Y's lead read at the end of X's text, Y's
    headline (set after its text) given only the rest; and the assembler that holds them."""
    import dataclasses

    from cleaner.model import Overlay, Page
    from cleaner.rules import RuleSet, default_rules
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler
    from cleaner.stages.assemble.draft import Draft

    lines = ["流感高发季 专家提醒科学防护"]
    for t in X[:x_paras] + Y_LEAD:
        lines += wrap(t, column=20)
    lines += [title] if between else []
    for t in Y_REST:
        lines += wrap(t, column=20)
    lines += [] if between else [title]  # (after its text: only the change of subject parts the two)
    text = "\n".join(lines) + "\n"
    rules = default_rules()
    if params:
        rules = RuleSet(tuple(dataclasses.replace(r, params={**r.params, **params}) if r.id == "A002" else r
                              for r in rules.rules), rules.options)
    page = Page(name="test.txt", source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    paras = [b for b in a.page.blocks if b.kind == "paragraph"]
    heads = [b for b in a.page.blocks if b.kind == "heading"]
    assert len(paras) == x_paras + 3 and len(heads) == 2
    return a, [Draft(body=paras[:x_paras + 1], title=heads[0], title_before=True),
               Draft(body=paras[x_paras + 1:], title=heads[1])]


def _starts(drafts):
    return [[b.text[:4] for b in d.body] for d in drafts]


def test_a_lead_its_title_sums_up_goes_to_the_head_of_its_article(wrap):
    a, drafts = _drafts(wrap, TITLE)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议"], ["教育公平", "也要看到", "推动教育"]]
    assert any(c.rule == "A002" and c.action == "move" for c in a.changes)


def test_a_paragraph_the_title_repeats_less_than_its_articles_own_stays(wrap):
    # a title that repeats the paragraph before (教育公平) but the text under it more: nothing moves
    a, drafts = _drafts(wrap, "推动教育公平任重道远")
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "教育公平"], ["也要看到", "推动教育"]]
    assert not any(c.rule == "A002" and c.action == "move" for c in a.changes)


def test_off_with_no_reach(wrap):
    a, drafts = _drafts(wrap, TITLE, {"lead_reach": 0})
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "教育公平"], ["也要看到", "推动教育"]]



def test_a_paragraph_before_the_headline_read_over_the_next_text_stays(wrap):
    # Y's headline set between the run and Y's text, read over the text after it (as a clean
    # page sets every headline): the run stays where the article before would keep fewer than
    # A002 lead_across_keep (3) paragraphs (here two): a second cleaning would read the next
    # headline as that short article's subhead (tests/test_idempotence.py found it; the move
    # across a headline itself: the lead_across tests below)
    a, drafts = _drafts(wrap, TITLE, between=True)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "教育公平"], ["也要看到", "推动教育"]]

# A002 lead_across_title: a lead set before its own headline (the headline drawn after the first
# paragraph, or across the columns below it), read at the end of the article before, goes to its
# article though that article's headline stands between the two texts, where the article before
# keeps lead_across_keep paragraphs; with lead_across_weighted, A003's lead model weighs such a
# run too.


def test_a_lead_set_before_its_own_headline_goes_to_its_article(wrap):
    a, drafts = _drafts(wrap, TITLE, between=True, x_paras=3)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "疾控部门"], ["教育公平", "也要看到", "推动教育"]]
    assert any(c.rule == "A002" and c.action == "move" for c in a.changes)


def test_not_across_the_headline_when_off(wrap):
    a, drafts = _drafts(wrap, TITLE, {"lead_across_title": False, "lead_across_weighted": False}, between=True, x_paras=3)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "疾控部门", "教育公平"], ["也要看到", "推动教育"]]


def test_the_weighed_reclaim_moves_it_across_the_headline_too(wrap):
    # A002's gates off across the headline: A003's lead model weighs the run instead
    a, drafts = _drafts(wrap, TITLE, {"lead_across_title": False}, between=True, x_paras=3)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "疾控部门"], ["教育公平", "也要看到", "推动教育"]]
    assert any(c.rule == "A003" and c.action == "move" for c in a.changes)


def test_the_weighed_reclaim_keeps_the_article_before_its_paragraphs(wrap):
    a, drafts = _drafts(wrap, TITLE, {"lead_across_title": False}, between=True)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "教育公平"], ["也要看到", "推动教育"]]
