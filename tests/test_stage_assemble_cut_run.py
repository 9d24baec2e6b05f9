"""A001's cut run (cleaner/stages/assemble/heal.py, ``_cut_run``; rules/assemble.toml
``tail_run_reads_on``): an article cut mid-word (…参与热情持), and its rest (续高涨…) read inside
the next article's text, after that article's lead and before a subhead and its own text. The
whole run from the rest to the draft's end shares the next article's words, not the cut one's;
the run up to the subhead shares the cut one's, and the seam reads on as a word (持续): that run
goes back, the next article keeps its lead, the subhead and the text after it."""

from __future__ import annotations

import cleaner

A1 = "为期4天的2024年全国青年攀岩锦标赛11月24日在贵州安顺落幕。来自全国各地的380余名青少年运动员参加了速度、攀石、难度3个项目的比赛。"
A2 = "中国登山协会相关负责人表示，攀岩进入奥运会以来，国内青少年参与热情持续高涨，本届锦标赛参赛的青少年运动员比上届增加了近四成，速度、攀石、难度3个项目的成绩都有提升。"
C1 = "夜幕降临，西岭镇中心村的篮球场上灯火通明。看台上坐满了人，连周边的屋顶上都站着观众。场上，来自两个村的篮球队正在争夺镇“村BA”决赛的冠军。"
C2 = "西岭镇中心村的篮球赛已经连续举办了5年，看台上的观众一年比一年多，篮球场上灯火通明的夜晚也一年比一年多。"
C3 = "“篮球赛让中心村更热闹了。”西岭镇中心村村委会主任覃永福说，来自两个村的篮球队明年还要再争夺冠军，看台上还要坐满人。"


def _drafts(assembled, wrap, tmp_path, reads_on: float):
    """The cut article X (title, A1, A2 up to …持) and the next one's draft E as the decoder
    reads them (C1, the rest of A2, a subhead, C2, C3), and the assembler, with A001
    ``tail_run_reads_on`` layered over the rules."""
    from cleaner.model import replace
    from cleaner.stages.assemble import Draft

    (tmp_path / "assemble.toml").write_text(
        f'stage = "assemble"\n[[rule]]\nid = "A001"\nparams = {{ tail_run_reads_on = {reads_on} }}\n',
        encoding="utf-8")
    a2 = wrap(A2)
    cut = next(i for i, x in enumerate(a2) if x.endswith("持")) + 1  # (…参与热情持 / 续高涨…)
    text = "\n".join(["全国青年攀岩锦标赛落幕"] + wrap(A1) + a2[:cut] + wrap(C1) + a2[cut:] + ["赛事越办越红火"]
                     + wrap(C2) + wrap(C3) + ["乡村篮球赛“打”出好日子"]) + "\n"
    asm, heads, paras = assembled(text, cleaner.load_rules(str(tmp_path)))
    rest = A2[A2.index("续高涨"):]
    assert [b.text for b in heads] == ["全国青年攀岩锦标赛落幕", "赛事越办越红火", "乡村篮球赛“打”出好日子"]
    assert [b.text for b in paras] == [A1, A2[:A2.index("续高涨")], C1, rest, C2, C3]
    sub = replace(heads[1], kind="subhead")
    x = Draft(body=paras[:2], title=heads[0])
    e = Draft(body=[paras[2], paras[3], sub, paras[4], paras[5]], title=heads[2])
    return asm, x, e


def test_the_rest_up_to_the_subhead_goes_back(assembled, wrap, tmp_path, need_jieba):
    asm, x, e = _drafts(assembled, wrap, tmp_path, 3.0)
    asm.reclaim_tails([x, e])
    assert [b.text for b in x.body] == [A1, A2]
    assert [b.text for b in e.body] == [C1, "赛事越办越红火", C2, C3]
    assert any(c.rule == "A001" and c.action == "heal" for c in asm.changes)


def test_off_the_rest_stays(assembled, wrap, tmp_path, need_jieba):
    """The same drafts with ``tail_run_reads_on`` 0: the whole run from the rest on shares the
    next article's words, and nothing moves (what the test above needs the step for)."""
    asm, x, e = _drafts(assembled, wrap, tmp_path, 0.0)
    asm.reclaim_tails([x, e])
    assert [b.text for b in x.body] == [A1, A2[:A2.index("续高涨")]]
    assert len(e.body) == 5
