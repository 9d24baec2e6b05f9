"""Subheads read as titles (issue #14): a page that sets an article's subheads bold sets them
all so, of one length or near it; bold there is no title's display type (Readings.bold_pair,
A003 bold_pair_bonus / bold_pair_gap). A run of briefs, each a bold title after its text,
pairs bold headings of any lengths: those are left alone."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner.stages.assemble.readings import Readings


def _h(text: str, bold: bool) -> list:
    return [SimpleNamespace(kind="heading", text=text, bold=bold)]


def _p() -> SimpleNamespace:
    return SimpleNamespace(kind="paragraph", text="正文。")


def _pair(seq: list, t: int, bonus: float = 1.0, gap: int = 2) -> bool:
    """Readings.bold_pair on a made-up run: headings that say whether they are drawn bold,
    paragraphs that show no column."""
    asm = SimpleNamespace(doubled=lambda b: b.bold, column_of=lambda b: 0.0,
                          rules={"A002": SimpleNamespace(params={"column_change": 2.5}),
                                 "A003": SimpleNamespace(params={"bold_pair_bonus": bonus,
                                                                 "bold_pair_gap": gap})})
    asm.lone_neighbour = lambda seq, t, step: Readings.lone_neighbour(asm, seq, t, step)
    before, one_column = asm.lone_neighbour(seq, t, -1)
    return Readings.bold_pair(asm, seq, t, before, one_column)


def test_a_bold_lone_heading_next_to_a_bold_one_of_its_length_is_a_pair():
    seq = [_p(), _h("早餐要吃好", True), _p(), _h("午餐要吃饱", True), _p(), _h("晚餐要吃少", True), _p()]
    assert _pair(seq, 3) and _pair(seq, 5)
    assert _pair(seq, 1)  # (the first of the set: told by the one after it)
    # (within bold_pair_gap characters: 课堂搬进车间 / 技能成就梦想了)
    assert _pair([_p(), _h("课堂搬进车间", True), _p(), _h("技能成就梦想了吧", True), _p()], 3)


def test_no_pair_for_another_length_a_plain_heading_or_the_cue_off():
    briefs = [_p(), _h("暑期托管开班 “小候鸟”有了好去处", True), _p(), _h("秋粮收获进度过七成", True), _p()]
    assert not _pair(briefs, 3) and not _pair(briefs, 1)  # bold titles of briefs, lengths apart
    assert not _pair([_p(), _h("午餐要吃饱", False), _p(), _h("晚餐要吃少", True), _p()], 3)  # plain neighbour
    assert not _pair([_p(), _h("午餐要吃饱", True), _p(), _h("晚餐要吃少", False), _p()], 3)  # plain itself
    assert not _pair([_p(), _p(), _h("晚餐要吃少", True), _p(), _p()], 2)  # no lone heading near
    assert not _pair([_p(), _h("午餐要吃饱", True), _p(), _h("晚餐要吃少", True), _p()], 3, bonus=0.0)  # off


def _page(kit, lengths_apart: bool) -> str:
    """A title over its text, then three bold lone headings between paragraphs, of one length
    or (``lengths_apart``) the middle one much longer."""
    lines = [kit.overprint("白沙湖水鸟创新高"), ""]
    paras = ("记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高。",
             "保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，并在湖区周边设置观鸟点。",
             "湖区周边的观鸟点已有游客前来，保护区工作人员在现场讲解水鸟知识，提醒游客与鸟群保持距离。",
             "下一步，保护区还将开展水鸟环志和栖息地修复工作，为越冬水鸟营造更好的生存环境。")
    heads = ("湖区巡护", "观鸟有序在湖区周边设点讲解" if lengths_apart else "观鸟有序", "修复栖息")
    lines += kit.cut_lines(paras[0]) + [""]
    for k, head in enumerate(heads):
        lines += [kit.overprint(head), ""]
        lines += kit.cut_lines(paras[k + 1]) + [""]
    return "\n".join(lines)


def test_a_bold_set_of_subheads_costs_less_as_subheads(kit):
    """Each bold heading of the set (the first too, with no subhead read before it) costs A003
    bold_pair_bonus less as a subhead with the cue on; a bold heading far longer than the ones
    next to it costs the same either way."""
    on, off = kit.rules_with("A003", bold_pair_bonus=1.5), kit.rules_with("A003", bold_pair_bonus=0.0)
    for head in ("湖区巡护", "观鸟有序"):
        got_on = kit.sub_costs(_page(kit, False), on, head)
        got_off = kit.sub_costs(_page(kit, False), off, head)
        for has_sub in (False, True):
            assert abs(got_off[has_sub] - got_on[has_sub] - 1.5) < 1e-9
    long_head = "观鸟有序在湖区周边设点讲解"
    assert kit.sub_costs(_page(kit, True), on, long_head) == kit.sub_costs(_page(kit, True), off, long_head)
