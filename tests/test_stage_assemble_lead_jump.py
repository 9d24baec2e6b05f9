"""A002 lead_jump: a story read across a whole other one (a jump), its lead left at the end of the
article before that one, takes its lead back across the article read between."""

from __future__ import annotations

# X: a report on the flu season, its headline above its text
X = ["中国青年报客户端讯（记者薛晓）入冬以来，全国多地进入流感高发季，医院呼吸科门诊量"
     "明显上升，专家提醒公众做好科学防护。",
     "专家建议，及时接种流感疫苗，勤洗手、常通风，出现发热咳嗽等症状要及时就医，老人和"
     "儿童更要注意防护。"]
# Y: a commentary; its lead read at the end of X, its headline set after its text
Y_LEAD = ["教育公平是社会公平的重要基础。近年来，各地推进义务教育优质均衡发展，扩大优质教育"
          "资源供给，让每个孩子都能享有公平而有质量的教育。"]
Y_REST = ["也要看到，城乡之间、区域之间、校际之间的差距依然存在，推动教育公平任重道远。",
          "推动教育公平，关键在于扩大优质教育资源供给，让乡村学校的孩子也能遇到好老师。"]
TITLE = "让每个孩子都能享有公平而有质量的教育"

# Z: a whole other story read between Y's lead and the rest of Y's text
Z_TITLE = "城区新增三条公交线路"
Z = ["本报讯 为方便市民出行，城区公交公司近日新开通三条公交线路，连接火车站、高铁站和"
     "几个新建居民小区。",
     "公交公司负责人表示，新线路运营首月实行免费乘车，并将根据客流情况适时调整发车班次。"]


def _drafts(wrap, kit, params: dict | None = None, rule: str = "A002"):
    """Drafts as the decoder may leave them: Y's lead read at the end of X's text, Z read whole
    between it and the rest of Y's text (Y's headline set after its text); and the assembler
    that holds them."""
    from cleaner.model import Overlay, Page
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler
    from cleaner.stages.assemble.draft import Draft

    lines = ["流感高发季 专家提醒科学防护"]
    for t in X + Y_LEAD:
        lines += wrap(t, column=20)
    lines += [Z_TITLE]
    for t in Z:
        lines += wrap(t, column=20)
    for t in Y_REST:
        lines += wrap(t, column=20)
    lines += [TITLE]
    text = "\n".join(lines) + "\n"
    page = Page(name="test.txt", source=text, rules=kit.rules_with(rule, **(params or {})), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    paras = [b for b in a.page.blocks if b.kind == "paragraph"]
    heads = [b for b in a.page.blocks if b.kind == "heading"]
    assert len(paras) == 7 and len(heads) == 3
    return a, [Draft(body=paras[:3], title=heads[0], title_before=True),
               Draft(body=paras[3:5], title=heads[1], title_before=True),
               Draft(body=paras[5:], title=heads[2])]


def _starts(drafts):
    return [[b.text[:4] for b in d.body] for d in drafts]


def test_a_lead_goes_to_its_article_across_the_story_read_between(wrap, kit):
    a, drafts = _drafts(wrap, kit)
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议"], ["本报讯为", "公交公司"], ["教育公平", "也要看到", "推动教育"]]
    assert any(c.rule in ("A002", "A003") and c.action == "move" for c in a.changes)


def test_not_across_a_story_when_off(wrap, kit):
    a, drafts = _drafts(wrap, kit, {"lead_jump": False})
    got = a.reclaim_leads(drafts)
    assert _starts(got) == [["中国青年", "专家建议", "教育公平"], ["本报讯为", "公交公司"], ["也要看到", "推动教育"]]


def test_not_across_a_story_that_is_not_read_between(wrap, kit):
    # the middle draft's text opening after the later draft's (it holds Y's last paragraph, the
    # later draft Z's text and Y's first): no story read between, the run stays
    a, drafts = _drafts(wrap, kit)
    drafts[1].body, drafts[2].body = drafts[2].body[1:], drafts[1].body + drafts[2].body[:1]
    got = a.reclaim_leads(drafts)
    assert _starts(got)[0] == ["中国青年", "专家建议", "教育公平"]


def test_the_weighed_reclaim_leaves_a_run_weighed_more_as_the_middle_storys_lead(wrap, kit, monkeypatch):
    # A003 across a story read between: a run the model weighs more as the lead of the story
    # read between (its nearer neighbour) than as the later one's stays (that story's to claim)
    from cleaner.stages.assemble import leads

    a, drafts = _drafts(wrap, kit)
    x, z, y = drafts
    scores = {id(y): 2.0, id(z): 1.0}  # (every run alike: the longest of them)
    monkeypatch.setattr(leads, "odds", lambda weights, cues: cues["score"])
    monkeypatch.setattr(a, "lead_cues", lambda x_, y_, k, side=None: {"score": scores[id(y_)]})
    assert a._best_weighted_lead(x, y, z) == (2.0, 2)
    scores[id(z)] = 3.0
    assert a._best_weighted_lead(x, y, z) is None
    assert a._best_weighted_lead(x, y) == (2.0, 2)


# A003 lead_longest: of the runs past lead_threshold weighed within lead_longest of the highest,
# the longest goes (a run judged a lead is its article's whole; a shorter one inside it, weighed
# a little higher on its telling first paragraph, the same lead cut short)


def _by_length(wrap, kit, monkeypatch, longest: float, scores=None):
    from cleaner.stages.assemble import leads

    a, drafts = _drafts(wrap, kit, {"lead_longest": longest}, rule="A003")
    x, _, y = drafts
    monkeypatch.setattr(leads, "odds", lambda weights, cues: cues["score"])
    monkeypatch.setattr(a, "lead_cues", lambda x_, y_, k, side=None: {"score": (scores or {1: 3.0, 2: 2.5})[k]})
    return a._best_weighted_lead(x, y)


def test_the_longest_run_past_the_threshold_goes(wrap, kit, monkeypatch):
    assert _by_length(wrap, kit, monkeypatch, 1.0) == (2.5, 2)


def test_a_longer_run_weighed_far_lower_is_not_taken(wrap, kit, monkeypatch):
    # (tests/test_stage_assemble_prefix_tail.py's page: the run of one paragraph its lead, the
    # run of two, weighed 2.1 lower, the article before's paragraph too)
    assert _by_length(wrap, kit, monkeypatch, 1.0, {1: 3.0, 2: 1.0}) == (3.0, 1)


def test_the_highest_weighed_run_goes_when_off(wrap, kit, monkeypatch):
    assert _by_length(wrap, kit, monkeypatch, 0.0) == (3.0, 1)
