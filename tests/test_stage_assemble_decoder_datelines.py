"""The assemble decoder's article boundaries (issue #14): where an article opens
at a paragraph that opens with a dateline."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner.stages.assemble.readings import Readings


def _para(width: float, dated: bool = False) -> SimpleNamespace:
    return SimpleNamespace(width=width, dated=dated)


def _asm() -> SimpleNamespace:
    """Just what Readings.column_before asks of its assembler: a paragraph's column and
    whether it opens with a dateline."""
    return SimpleNamespace(column_of=lambda b: b.width, has_dateline=lambda b: b.dated)


def test_column_before_stops_at_a_dated_paragraph_that_shows_no_column():
    """The text before a paragraph set after a one-line dated paragraph (本报讯… cut short,
    its width not shown) is another article's: its column is not the one the text goes on in,
    so no change of column is weighed from it (the next paragraph of the dated article, set
    narrower, read as the article before going on at column_stay's cost)."""
    asm = _asm()
    seq = [_para(33.0), _para(0.0, dated=True), _para(22.0)]
    assert Readings.column_before(asm, seq, 2) == 0.0


def test_column_before_passes_plain_short_paragraphs():
    """A short paragraph without a dateline shows no column and tells no boundary: the column
    is that of the paragraph before it, as before; a dated paragraph that shows its own width
    tells it."""
    asm = _asm()
    assert Readings.column_before(asm, [_para(33.0), _para(0.0), _para(22.0)], 2) == 33.0
    assert Readings.column_before(asm, [_para(33.0), _para(21.0, dated=True), _para(22.0)], 2) == 21.0
    assert Readings.column_before(asm, [_para(33.0), [object()], _para(0.0), _para(22.0)], 3) == 0.0


def _sections(kit, second_bold: bool) -> str:
    """A bold title over its text, then two lone headings between paragraphs: the first drawn
    bold, the second bold or plain."""
    lines = [kit.overprint("白沙湖水鸟创新高"), ""]
    for para in ("记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高，"
                 "其中国家一级保护鸟类7种。",
                 "此次调查历时5天，保护区组织监测人员分成8个小组，对湖区水域和滩涂开展同步调查，"
                 "白天鹅、小天鹅、灰鹤等水鸟在滩涂上觅食栖息。"):
        lines += kit.cut_lines(para) + [""]
    lines += [kit.overprint("湖区巡护"), ""]
    lines += kit.cut_lines("保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，并在湖区周边设置观鸟点，"
                   "引导游客文明观鸟。") + [""]
    lines += [kit.overprint("观鸟有序") if second_bold else "观鸟有序", ""]
    lines += kit.cut_lines("湖区周边的观鸟点已有游客前来，保护区工作人员在现场讲解水鸟知识，提醒游客与鸟群保持距离，"
                   "不要投喂。") + [""]
    return "\n".join(lines)


def _sub_costs(kit, text: str, rules) -> dict:
    """The cost of reading the last lone heading as a subhead, for an open article without and
    with a subhead read before it (Readings.group_options)."""
    a, seq = kit.heading_sequence(text, rules)
    t = max(n for n, u in enumerate(seq) if isinstance(u, list))
    assert seq[t][0].text == "观鸟有序"
    opts = a.group_options(seq[t], [u for u in seq[:t] if not isinstance(u, list)][-2:], seq[t + 1],
                           a.parallel(seq, t))
    return {has_sub: min(c for kind, _, c, _ in o if kind == "sub") for has_sub, o in opts.items()}


def test_a_bold_lone_heading_after_a_bold_subhead_reads_as_the_sets_next(kit):
    """An article that has read a subhead drawn bold: the next lone heading drawn bold, in the
    same column, costs A002 set_bold_bonus less as its next subhead (bold is a title's type
    where subheads are plain; a paper that sets its subheads bold sets them all so). Not
    before the article has read a subhead (the bold lone heading before may be its title), nor
    for a plain heading."""
    on, off = kit.rules_with("A002", set_bold_bonus=0.5), kit.rules_with("A002", set_bold_bonus=0.0)
    bold_on, bold_off = _sub_costs(kit, _sections(kit, True), on), _sub_costs(kit, _sections(kit, True), off)
    assert abs(bold_off[True] - bold_on[True] - 0.5) < 1e-9
    assert bold_on[False] == bold_off[False]
    assert _sub_costs(kit, _sections(kit, False), on) == _sub_costs(kit, _sections(kit, False), off)
