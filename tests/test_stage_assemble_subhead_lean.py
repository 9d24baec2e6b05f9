"""Stage assemble, A004: whether the subheads lean forward (set before their sections) or back
(set after them), read from their echoes, before moving them (issue #14; hand-made pages)."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.stages.assemble import Assembler, Draft

TITLE = "小城夜经济点亮烟火气"
INTRO = ["夜幕降临，南湖街道的步行街上人流如织，小吃摊前排起长队，街头艺人的歌声引来阵阵掌声。",
         "今年以来，全市推出多项举措激活夜间消费，夜间客流同比增长三成，带动周边商户营业额明显上升。"]
H1, P1 = "老街区灯火通明", "每到周末，老街区灯火通明，街区还会举办主题市集和露天电影，吸引不少市民带着孩子前来。"
H2, P2 = "服务跟上来", "服务跟上来了，城管部门划定临时停车区域，公交线路也延长了末班车时间。"
H3, P3 = "品质再提升", "品质再提升是下一步的重点，业内人士表示，发展夜经济要注重特色，避免千篇一律。"
STRAY = "劳动者之歌"  # the next article's kicker, given to this body


def draft(stages_until, lines):
    asm = Assembler(stages_until("\n".join([TITLE, *lines]) + "\n", "spacing"))
    blocks = list(asm.page.blocks)
    d = Draft(title=blocks[0])
    d.body = [b if b.kind == "paragraph" else replace(b, kind="subhead") for b in blocks[1:]]
    return asm, d


def shape(d):
    return [b.text[:4] if b.kind == "paragraph" else b.text for b in d.body]


def test_subheads_set_before_their_sections_stay_when_a_stray_heading_ends_the_body(stages_until):
    # each subhead repeats the paragraph after it: a heading ending the body is a stray one,
    # not a sign that the subheads follow their sections
    asm, d = draft(stages_until, [*INTRO, H1, P1, H2, P2, H3, P3, STRAY])
    want = shape(d)
    asm.place_subheads(d)
    assert shape(d) == want


def test_subheads_set_after_their_sections_move_when_the_last_one_was_lost(stages_until):
    # each subhead repeats the paragraph before it (the first of its own section): they are set
    # after their sections, and the last one's (read as the next headline) is missing, so the
    # body ends with a paragraph; they still move to the start of their sections
    asm, d = draft(stages_until, [*INTRO, P1, H1, P2, H2, P3, H3, "此外，夜间消费的业态也在不断丰富，书店、剧场纷纷延长营业时间。"])
    asm.place_subheads(d)
    assert shape(d) == [INTRO[0][:4], INTRO[1][:4], H1, P1[:4], H2, P2[:4], H3, P3[:4], "此外，夜"]


def test_subheads_set_before_their_sections_stay_when_the_body_ends_with_a_paragraph(stages_until):
    asm, d = draft(stages_until, [*INTRO, H1, P1, H2, P2, H3, P3])
    want = shape(d)
    asm.place_subheads(d)
    assert shape(d) == want


def test_subheads_that_disagree_stay_when_the_body_ends_with_a_paragraph(stages_until):
    # two subheads repeat the paragraph before them, but the last one repeats the paragraph
    # after it: no clear layout (a merged or misread body), nothing moves
    h4, p4 = "夜间书店多", "城里的独立书店也延长了营业时间，不少书店还办起读书会和夜谈活动。"
    tail = "如今，夜间书店多了起来，成为年轻人夜晚的好去处。"
    asm, d = draft(stages_until, [*INTRO, P1, H1, P2, H2, P3, H3, p4, h4, tail])
    want = shape(d)
    asm.place_subheads(d)
    assert shape(d) == want
