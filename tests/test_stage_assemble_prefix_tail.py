"""A001's prefix tail (cleaner/stages/assemble/heal.py, ``_prefix_tail``; rules/assemble.toml
``tail_prefix``): an article cut mid-word (…参与热情持), the next article's whole block,
then the first article's rest (续高涨…) read before the text of a third article whose headline
is set after it. The segment of the third article opens at the rest; the rest goes back to the
first article: …持 / 续高涨… reads on as a word (持续)."""

from __future__ import annotations


import cleaner

A1 = "为期4天的2024年全国青年攀岩锦标赛11月24日在贵州安顺落幕。来自全国各地的380余名青少年运动员参加了速度、攀石、难度3个项目的比赛。"
A2 = "中国登山协会相关负责人表示，攀岩进入奥运会以来，国内青少年参与热情持续高涨，本届比赛参赛人数比上届增加了近四成，一批年轻选手展现出不俗的实力。"

B1 = "【明报专讯】第五届东盟数字部长会议日前在老挝首都万象举行。与会各方就推动区域数字基础设施互联互通、促进跨境数据流动等议题进行了深入讨论。"
B2 = "声明提出，东盟各国将加快推进区域数字经济框架协议谈判，力争在2025年前完成；推动电子支付、电子发票等系统互联互通。"
A3 = "本届锦标赛首次设置了青少年攀岩组比赛，来自全国各地的青年选手在攀石、难度项目中展现出不俗的实力，青年攀岩运动员队伍不断壮大。"
B3 = "据东盟秘书处估算，东盟数字经济规模有望从目前的约3000亿美元增长到2030年的1万亿美元左右。"
B4 = "与会代表表示，缩小数字鸿沟是东盟实现包容性增长的关键。东盟将与对话伙伴加强合作，开展更多务实项目。"
C1 = "夜幕降临，西岭镇中心村的篮球场上灯火通明。看台上坐满了人，连周边的屋顶上都站着观众。场上，来自两个村的篮球队正在争夺镇“村BA”决赛的冠军。"
C2 = "这项赛事已经连续举办了5年。参赛队员都是当地村民，有种地的、开货车的、做小生意的，也有返乡的大学生。比赛奖品也很“接地气”：冠军队奖励一头猪。"
C3 = "“篮球赛让村里更热闹了，也让大家的心更齐了。”中心村村委会主任覃永福说，“现在一说打比赛，大家都抢着来帮忙。”"


def _page(wrap, rules=None):
    a2 = wrap(A2)
    cut = next(i for i, x in enumerate(a2) if x.endswith("持")) + 1  # (…参与热情持 / 续高涨…)
    lines = (["全国青年攀岩锦标赛落幕"] + wrap(A1) + a2[:cut] + ["东盟国家加快推进数字经济合作"] + [x for b in (B1, B2, B3, B4) for x in wrap(b, column=10)]
             + a2[cut:] + wrap(C1) + wrap(C2) + wrap(C3) + ["乡村篮球赛“打”出好日子"])
    return cleaner.clean("\n".join(lines) + "\n", rules=rules)


def test_the_rest_heading_a_later_article_goes_back(wrap, need_jieba):
    page = _page(wrap)
    a = next(x for x in page.articles if x.title is not None and x.title.text == "全国青年攀岩锦标赛落幕")
    c = next(x for x in page.articles if x.title is not None and x.title.text.startswith("乡村篮球赛"))
    assert a.body[-1].text == A2
    assert [b.text for b in c.body] == [C1, C2, C3]
    assert any(c.rule == "A001" and c.action == "heal" and "read after the next article's block" in c.reason
               for c in page.changes)


def test_off_the_rest_stays_with_the_later_article(wrap, kit, need_jieba):
    """The same page with ``tail_prefix`` 0: the rest opens the third article (what the test above
    needs the step for)."""
    page = _page(wrap, kit.rules_with("A001", tail_prefix=0.0))
    a = next(x for x in page.articles if x.title is not None and x.title.text == "全国青年攀岩锦标赛落幕")
    assert a.body[-1].text != A2
    assert any(b.text.startswith("续高涨") for x in page.articles for b in x.body)


def _run_of(wrap, run_until, margin: float):
    """What :meth:`_prefix_run` takes after the rest of the cut paragraph (the blocks of the page
    with A3 after the rest, read as the third article's draft would hold them)."""
    from cleaner.rules import default_rules
    from cleaner.stages.assemble import Assembler, Draft
    from cleaner.stages.assemble.text import joined_bigrams

    a2 = wrap(A2)
    cut = next(i for i, x in enumerate(a2) if x.endswith("持")) + 1
    page = run_until("\n".join(a2[cut:] + wrap(A3) + wrap(C1) + wrap(C2) + wrap(C3)) + "\n", "spacing")
    paras = [b for b in page.blocks if b.kind == "paragraph"]
    assert [b.text[:3] for b in paras] == ["续高涨", A3[:3], C1[:3], C2[:3], C3[:3]]
    asm = Assembler(page)
    own = joined_bigrams((A1, A2[:A2.index("续高涨")]))
    params = {**default_rules()["A001"].params, "tail_prefix_run": margin}
    return [b.text for b in asm._prefix_run(own, Draft(body=paras), params)]


def test_the_paragraphs_of_the_cut_article_after_the_rest_go_with_it(wrap, stages_until):
    """A3 (the climbing championship's words) goes back with the rest; the third article's own
    text (C1, the village basketball game) stops the run."""
    assert _run_of(wrap, stages_until, 0.03) == [A3]


def test_run_off_no_paragraph_after_the_rest_goes(wrap, stages_until):
    assert _run_of(wrap, stages_until, 1.0) == []


# --- A003's weighed lead reclaim (cleaner/stages/assemble/leads.py, ``lead_weights``) ---------

def _lead_drafts(assembled, wrap, tmp_path, params: str):
    """Two drafts of a columned page, X (the climbing championship, with the basketball game's
    first paragraph C1 read at its end) and Y (the basketball game's other paragraphs, its
    headline set after them), and the assembler, with A003 ``params`` layered over the rules."""
    from cleaner.stages.assemble import Draft

    (tmp_path / "assemble.toml").write_text(
        f'stage = "assemble"\n[[rule]]\nid = "A003"\nparams = {{ {params} }}\n', encoding="utf-8")
    text = "\n".join(["全国青年攀岩锦标赛落幕"] + wrap(A1) + wrap(A2) + wrap(C1) + wrap(C2) + wrap(C3)
                     + ["乡村篮球赛“打”出好日子"]) + "\n"
    asm, heads, paras = assembled(text, cleaner.load_rules(str(tmp_path)))
    page = asm.page
    assert page.layout.columned and len(heads) == 2 and [b.text for b in paras] == [A1, A2, C1, C2, C3]
    return asm, Draft(body=paras[:3], title=heads[0]), Draft(body=paras[3:], title=heads[1])


def test_a_weighed_lead_goes_to_the_next_article(assembled, wrap, tmp_path):
    """The fitted weights with a bias of 1.0 (the overlay's entry over the rule file's): the run
    of one paragraph, C1, goes to Y's head, recorded under A003 (the gates of A002 move nothing
    here: with the threshold out of reach it stays, the test below)."""
    asm, x, y = _lead_drafts(assembled, wrap, tmp_path, "lead_threshold = 0.0, lead_weights = { bias = 1.0 }")
    asm.reclaim_leads([x, y])
    assert [b.text for b in y.body] == [C1, C2, C3] and [b.text for b in x.body] == [A1, A2]
    assert any(c.rule == "A003" and c.action == "move" for c in asm.changes)


def test_a_lead_under_the_threshold_stays(assembled, wrap, tmp_path):
    asm, x, y = _lead_drafts(assembled, wrap, tmp_path, "lead_threshold = 99.0, lead_weights = { bias = 1.0 }")
    asm.reclaim_leads([x, y])
    assert [b.text for b in x.body] == [A1, A2, C1]
    assert not any(c.rule == "A003" and c.action == "move" for c in asm.changes)


def test_lead_cues_see_the_run_repeat_the_next_title(assembled, wrap, tmp_path):
    """C1 repeats the basketball title's words (篮球) and none of the climbing one's."""
    asm, x, y = _lead_drafts(assembled, wrap, tmp_path, "lead_threshold = 0.0")
    assert list(asm.lead_candidates(x, y)) == [1, 2]  # (C1; A2 and C1: X keeps A1)
    cues = asm.lead_cues(x, y, 1)
    assert cues["run_echo"] > 0 and cues["x_echo"] == 0.0 and cues["size"] == 1.0
