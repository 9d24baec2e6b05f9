"""A001 reclaim_head_tails: the end of an article, read at the head of the next article's text
(after its headline, before its lead), goes back to the end of its own (issue #14, a closed
tail at the head of the next article)."""

from __future__ import annotations

import pytest

# X: a report on the flu season, its headline above its text; its last paragraph (the tail) read
# after the next article's headline, at the head of that article's text
X_TITLE = "流感高发季 专家提醒科学防护"
X = ["中国青年报客户端讯（记者薛晓）入冬以来，全国多地进入流感高发季，医院呼吸科门诊量"
     "明显上升，专家提醒公众做好科学防护。",
     "专家建议，及时接种流感疫苗，勤洗手、常通风，出现发热咳嗽等症状要及时就医，老人和"
     "儿童更要注意防护。"]
X_TAIL = ("疾控部门表示，流感高发季将加强流感监测预警，专家提醒学校和养老机构做好科学防护，"
          "出现发热咳嗽等症状要及时就医。")
# Y: a commentary on schooling, its headline set before its text
Y_TITLE = "让每个孩子都能享有公平而有质量的教育"
Y = ["教育公平是社会公平的重要基础。近年来，各地推进义务教育优质均衡发展，让每个孩子都能"
     "享有公平而有质量的教育。",
     "也要看到，城乡之间、区域之间、校际之间的差距依然存在，推动教育公平任重道远。",
     "推动教育公平，关键在于扩大优质教育资源供给，让乡村学校的孩子也能遇到好老师。"]


def _drafts(wrap, kit, head: str, x: list[str] = X, **params):
    """Drafts as the decoder may leave them: X's (or ``x``'s) last paragraph ``head`` read under
    Y's headline, at the head of Y's text; and the assembler that holds them."""
    from cleaner.model import Overlay, Page
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler
    from cleaner.stages.assemble.draft import Draft

    lines = [X_TITLE]
    for t in x:
        lines += wrap(t, column=20)
    lines += [Y_TITLE]
    for t in [head] + Y:
        lines += wrap(t, column=20)
    text = "\n".join(lines) + "\n"
    page = Page(name="test.txt", source=text, rules=kit.rules_with("A001", **params), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    paras = [b for b in a.page.blocks if b.kind == "paragraph"]
    heads = [b for b in a.page.blocks if b.kind == "heading"]
    assert len(paras) == len(x) + 1 + len(Y) and len(heads) == 2 and a.page.layout.columned
    return a, [Draft(body=paras[:len(x)], title=heads[0], title_before=True),
               Draft(body=paras[len(x):], title=heads[1], title_before=True)]


def _starts(drafts):
    return [[b.text[:4] for b in d.body] for d in drafts]


def test_the_end_of_the_article_before_at_the_head_of_the_next_goes_back(wrap, kit):
    a, drafts = _drafts(wrap, kit, X_TAIL)
    got = a.reclaim_head_tails(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "疾控部门"], ["教育公平", "也要看到", "推动教育"]]
    move = [c for c in a.changes if c.rule == "A001" and c.action == "move"]
    assert len(move) == 1 and move[0].span == a.span(drafts[0].body[-1]) and move[0].safety == "review"


def test_the_next_articles_own_lead_stays(wrap, kit):
    # a paragraph of Y's own subject at its head (Y's lead, its title echoing it): nothing moves
    lead = "教育公平关系千家万户。让每个孩子都能享有公平而有质量的教育，是群众的热切期盼。"
    a, drafts = _drafts(wrap, kit, lead)
    got = a.reclaim_head_tails(drafts)
    assert _starts(got) == [["中国青年", "专家建议"], ["教育公平", "教育公平", "也要看到", "推动教育"]]
    assert not any(c.rule == "A001" and c.action == "move" for c in a.changes)


@pytest.mark.parametrize("params", [{"head_tail_weights": {}}, {"head_tail_reach": 0}])
def test_off(wrap, kit, params):
    a, drafts = _drafts(wrap, kit, X_TAIL, **params)
    got = a.reclaim_head_tails(drafts)
    assert _starts(got) == [["中国青年", "专家建议"], ["疾控部门", "教育公平", "也要看到", "推动教育"]]


def test_a_dated_paragraph_opens_its_article_and_stays(wrap, kit):
    a, drafts = _drafts(wrap, kit, "新华社北京1月5日电（记者王晓）" + X_TAIL)
    assert a.has_dateline(drafts[1].body[0]) and not list(a.head_tail_candidates(*drafts))


# A003's lead model: what it measures of the later draft alone (lead_side) is made once per pair
# of drafts and gives every run the cues it would get measured afresh
def test_the_later_drafts_side_made_once_gives_the_same_cues(wrap, kit):
    a, (x, y) = _drafts(wrap, kit, X_TAIL)
    ks = [1]  # (X's last paragraph weighed as Y's lead: the cues need no gate)
    side = a.lead_side(y)
    for k in ks:
        assert a.lead_cues(x, y, k, side) == a.lead_cues(x, y, k)
    # (the side is y's: another draft's gives other cues)
    assert any(a.lead_cues(x, y, k, a.lead_side(x)) != a.lead_cues(x, y, k) for k in ks)


# --- A001 head_tail_not_led: a run at the head of the next article's text that opens as a news
# report's lead does (记者从…获悉) is that article's own lead, never the tail of the article
# before (leads.py head_tail_candidates) ---

#: X with no dateline: its first paragraph opens as a later one would
X_UNDATED = ["入冬以来，全国多地进入流感高发季，医院呼吸科门诊量明显上升，专家提醒公众做好科学防护。", X[1]]
#: the paragraph read at the head of Y's text: X's words, opening as a report's lead does
LED = ("从疾控获悉，流感高发季将加强流感监测预警，专家提醒学校和养老机构做好科学防护，"
       "出现发热咳嗽等症状要及时就医。")


def _reclaimed(wrap, kit, head: str, **params):
    a, drafts = _drafts(wrap, kit, head, x=X_UNDATED, **params)
    return _starts(a.reclaim_head_tails(drafts))


def test_a_run_opening_as_a_lead_stays_with_its_article(wrap, kit):
    assert _reclaimed(wrap, kit, LED) == [["入冬以来", "专家建议"], ["从疾控获", "教育公平", "也要看到", "推动教育"]]


def test_without_the_lead_gate_the_same_run_moves(wrap, kit):
    # (what the gate stops: the run's words are the article before's)
    got = _reclaimed(wrap, kit, LED, head_tail_not_led=False)
    assert got == [["入冬以来", "专家建议", "从疾控获"], ["教育公平", "也要看到", "推动教育"]]


@pytest.mark.parametrize("flag", [True, False])
def test_a_run_opening_as_a_later_paragraph_still_moves(wrap, kit, flag):
    got = _reclaimed(wrap, kit, X_TAIL, head_tail_not_led=flag)
    assert got == [["入冬以来", "专家建议", "疾控部门"], ["教育公平", "也要看到", "推动教育"]]


def test_opens_as_lead(kit):
    from cleaner.model import Block
    from cleaner.stages.assemble.leads import LeadReclaiming

    class Probe(LeadReclaiming):
        rules = kit.rules_with("A001")

    def para(text, kind="paragraph"):
        return Block(kind=kind, lines=(0,), joiners=(), text=text)

    p = Probe()
    assert p.opens_as_lead(para("记者从省交通运输厅获悉，今年全省高速公路…"))
    assert not p.opens_as_lead(para("省交通运输厅表示，记者从未见过…。据悉，…"))
    assert not p.opens_as_lead(para("记者从省交通运输厅获悉", kind="subhead"))
