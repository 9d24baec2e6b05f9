"""Stage assemble, A004: where the first section starts when an article sets its subheads after
their sections (hand-made page)."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.stages.assemble import Assembler, Draft

TITLE = "小城夜经济点亮烟火气"
INTRO = ["夜幕降临，南湖街道的步行街上人流如织，小吃摊前排起长队，街头艺人的歌声引来阵阵掌声。",
         "今年以来，全市推出多项举措激活夜间消费，夜间客流同比增长三成，带动周边商户营业额明显上升。"]
S1 = ["据商户们介绍，每到周末，街区还会举办主题市集和露天电影，吸引不少市民带着孩子前来，老街区灯火通明，特色小吃香气四溢。",
      "一位经营了十多年小吃店的店主说，现在晚上的生意比白天还要好，店里新招了两名服务员。"]
S2 = ["为了让市民逛得舒心，城管部门划定临时停车区域，公交线路也延长了末班车时间。"]
S3 = ["业内人士表示，发展夜经济要注重特色和品质，避免千篇一律，让夜间消费成为城市名片。"]
SUB1 = "老街区灯火通明"


def test_the_first_section_starts_at_the_paragraph_that_echoes_its_subhead(stages_until):
    # intro (2 paragraphs), then sections of 2, 1 and 1, each followed by its subhead: the
    # section lengths put the first section's start one paragraph late; its first paragraph
    # repeats the subhead (past its opening 40 characters), the one after does not
    text = "\n".join([TITLE, *INTRO, *S1, SUB1, *S2, "服务跟上来", *S3, "品质再提升"]) + "\n"
    asm = Assembler(stages_until(text, "spacing"))
    blocks = list(asm.page.blocks)
    d = Draft(title=blocks[0])
    d.body = [b if b.kind == "paragraph" else replace(b, kind="subhead") for b in blocks[1:]]
    asm.place_subheads(d)
    assert [b.text[:6] if b.kind == "paragraph" else b.text for b in d.body] == [
        INTRO[0][:6], INTRO[1][:6], SUB1, S1[0][:6], S1[1][:6], "服务跟上来", S2[0][:6], "品质再提升", S3[0][:6]]
