"""A001's closed tails weigh the headlines' echo (cleaner/stages/assemble/heal.py
``closed_tail_cues``, tail_sweep.py; rules/assemble.toml ``tail_closed_weights`` ``echo_over``):
a title sums up its whole article, so a jumped tail repeats its own article's headline (AED,
公共场所) and not the headline of the article it was read into (一氧化碳, 中毒)."""

from __future__ import annotations

import cleaner

A1 = "9月的一个傍晚，在金湾市体育中心跑道上，一名52岁的男子跑步时突然倒地，呼吸心跳骤停。附近的市民取来场馆里的AED，按照语音提示操作，为他赢得了宝贵的抢救时间。"
A2 = "近年来，金湾市把城区公共场所AED配置列入民生实事项目，累计在地铁站、机场、学校、体育场馆和政务服务中心等场所安装AED3200余台。"
C1 = "随着气温下降，家庭取暖、洗浴增多，一氧化碳中毒事件进入高发期。市疾控中心提醒，一氧化碳无色无味，不易察觉，被称为“沉默的杀手”。"
C2 = "专家介绍，一氧化碳中毒主要发生在使用燃煤炉、炭火盆取暖，或在密闭的浴室内使用燃气热水器等情况下，中毒早期会出现头痛、头晕等症状。"
T = "“城区公共场所配齐AED只是第一步，更重要的是有人会用、敢用。”金湾市急救中心主任说，全市每年组织开展急救技能培训，今年已培训市民两万余人次。"


#: every other cue of the closed tails weighed at nothing (the overlay's table merges with the rule file's)
_ZERO = ", ".join(f"{k} = 0.0" for k in ("bias", "gain", "ours", "against", "column", "column_apart", "half",
                                         "second", "open", "subhead", "position", "untitled"))


def _drafts(assembled, wrap, tmp_path, weight: float):
    """The AED article X (title, A1, A2) and the carbon monoxide article's draft E (title, C1,
    C2 and the AED article's last paragraph T read at its end), and the assembler, with A001
    ``tail_closed_weights`` of ``echo_over`` alone (``weight``; every other cue 0) layered over the rules."""
    from cleaner.stages.assemble import Draft

    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A001"\n'
        f'params = {{ tail_closed_threshold = 0.75, tail_closed_weights = {{ {_ZERO}, echo_over = {weight} }} }}\n',
        encoding="utf-8")
    text = "\n".join(["城区公共场所配齐AED"] + wrap(A1) + wrap(A2) + ["秋冬季谨防一氧化碳中毒"]
                     + wrap(C1) + wrap(C2) + wrap(T)) + "\n"
    asm, heads, paras = assembled(text, cleaner.load_rules(str(tmp_path)))
    page = asm.page
    assert page.layout.columned and len(heads) == 2 and [b.text for b in paras] == [A1, A2, C1, C2, T]
    return asm, Draft(body=paras[:2], title=heads[0]), Draft(body=paras[2:], title=heads[1])


def test_the_tail_repeating_its_own_headline_goes_back(assembled, wrap, tmp_path):
    asm, x, e = _drafts(assembled, wrap, tmp_path, 10.0)
    c = asm.closed_tail_cues(x, e, 2, 1, 18.0, frozenset(), set())
    assert c["echo_over"] > 0.3  # (T repeats X's title, not E's)
    assert asm.closed_tail_cues(x, e, 1, 1, 18.0, frozenset(), set())["echo_over"] < c["echo_over"]
    asm.reclaim_closed_tails([x, e])
    assert [b.text for b in x.body] == [A1, A2, T] and [b.text for b in e.body] == [C1, C2]


def test_without_the_echo_weighed_it_stays(assembled, wrap, tmp_path):
    asm, x, e = _drafts(assembled, wrap, tmp_path, 0.0)
    asm.reclaim_closed_tails([x, e])
    assert [b.text for b in e.body] == [C1, C2, T]
