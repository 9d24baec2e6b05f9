"""Titles read as subheads (issue #14): what the lone headings next to a lone heading tell of
it. An article's subheads are set as a matched set, in one type: a heading drawn bold among
plain ones is a title in display type (Readings.odd_bold, A003 odd_bold_penalty)."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner.stages.assemble.readings import Readings


def _h(bold: bool) -> list:
    return [SimpleNamespace(kind="heading", text="标题", bold=bold)]


def _p() -> SimpleNamespace:
    return SimpleNamespace(kind="paragraph", text="正文。")


def _odd(seq: list, t: int) -> bool:
    """Readings.odd_bold on a made-up run: headings that say whether they are drawn bold,
    paragraphs that show no column."""
    asm = SimpleNamespace(doubled=lambda b: b.bold, column_of=lambda b: 0.0,
                          rules={"A002": SimpleNamespace(params={"column_change": 2.5})})
    asm.lone_neighbour = lambda seq, t, step: Readings.lone_neighbour(asm, seq, t, step)
    return Readings.odd_bold(asm, seq, t, asm.lone_neighbour(seq, t, -1)[0])


def test_a_bold_lone_heading_among_plain_ones_is_odd():
    seq = [_p(), _h(False), _p(), _h(True), _p(), _h(False), _p()]
    assert _odd(seq, 3)
    # (one plain neighbour is enough; the other side may have none)
    assert _odd([_p(), _h(False), _p(), _h(True), _p()], 3)


def test_a_bold_heading_next_to_a_bold_one_or_alone_or_plain_is_not_odd():
    assert not _odd([_p(), _h(True), _p(), _h(True), _p(), _h(False), _p()], 3)  # a bold set
    assert not _odd([_p(), _p(), _h(True), _p(), _p()], 2)  # no lone heading near: nothing told
    assert not _odd([_p(), _h(True), _p(), _h(False), _p()], 3)  # plain itself
    # (a heading group of two, a headline and its subtitle, is no neighbour of the set)
    two = [SimpleNamespace(kind="heading", text="标题", bold=False)] * 2
    assert not _odd([_p(), two, _p(), _h(True), _p()], 3)


def _page(kit, middle_bold: bool) -> str:
    """A bold title over its text, then three lone headings between paragraphs: the first and
    last plain, the middle one bold or plain."""
    lines = [kit.overprint("白沙湖水鸟创新高"), ""]
    paras = ("记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高。",
             "保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，并在湖区周边设置观鸟点。",
             "湖区周边的观鸟点已有游客前来，保护区工作人员在现场讲解水鸟知识，提醒游客与鸟群保持距离。",
             "下一步，保护区还将开展水鸟环志和栖息地修复工作，为越冬水鸟营造更好的生存环境。")
    heads = ("湖区巡护", "观鸟有序", "修复栖息")
    lines += kit.cut_lines(paras[0]) + [""]
    for k, head in enumerate(heads):
        lines += [kit.overprint(head) if (k == 1 and middle_bold) else head, ""]
        lines += kit.cut_lines(paras[k + 1]) + [""]
    return "\n".join(lines)


def test_a_bold_lone_heading_between_plain_subheads_costs_more_as_a_subhead(kit):
    """The bold middle heading costs A003 odd_bold_penalty more as a subhead, with the cue on;
    drawn plain as its neighbours are, it costs the same either way."""
    on, off = kit.rules_with("A003", odd_bold_penalty=2.0), kit.rules_with("A003", odd_bold_penalty=0.0)
    bold_on = kit.sub_costs(_page(kit, True), on, "观鸟有序")
    bold_off = kit.sub_costs(_page(kit, True), off, "观鸟有序")
    for has_sub in (False, True):
        assert abs(bold_on[has_sub] - bold_off[has_sub] - 2.0) < 1e-9
    assert kit.sub_costs(_page(kit, False), on, "观鸟有序") == kit.sub_costs(_page(kit, False), off, "观鸟有序")


def _scores(kit, headings: tuple[str, ...]) -> dict:
    """Readings.subhead_score of each lone heading of a page of plain headings between
    paragraphs: {heading: (score, cues)}."""
    paras = ("记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高。",
             "保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，并在湖区周边设置观鸟点。",
             "湖区周边的观鸟点已有游客前来，保护区工作人员在现场讲解水鸟知识，提醒游客与鸟群保持距离。")
    lines = kit.cut_lines(paras[0]) + [""]
    for head, para in zip(headings, paras[1:]):
        lines += [head, ""] + kit.cut_lines(para) + [""]
    a, seq = kit.heading_sequence("\n".join(lines))
    out = {}
    for t, u in enumerate(seq):
        if isinstance(u, list):
            prev = [x for x in seq[:t] if not isinstance(x, list)][-2:]
            out[u[0].text] = a.subhead_score(u[0], prev, seq[t + 1])
    return out


def test_two_phrases_tell_a_subhead_only_in_a_heading_short_as_subheads_are(kit):
    """A heading in two phrases reads as a subhead (A003 phrase_pair_bonus), as 薄一点 再薄一点
    is set; a heading of two phrases longer than A003 short_heading is a title's statement and
    its gloss (巴拿马运河水位回升 通航限制逐步放宽), and gets no such bonus."""
    short, long_ = "湖区巡护 观鸟有序", "白沙湖越冬水鸟数量创新高 保护区加强巡护监测"
    got = _scores(kit, (short, long_))
    assert "two phrases" in got[short][1]
    assert "two phrases" not in got[long_][1]
