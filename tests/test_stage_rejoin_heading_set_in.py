"""Stage rejoin: a headline line the measure set inside a paragraph's sentence stands apart
(issue #14, J001 heading_set_in): the line before it stops inside a word that runs on past it
into the line after it (一小 / … / 片), and no word runs across the headline line's own breaks."""

from __future__ import annotations

import dataclasses

from cleaner.rules import RuleSet, default_rules
from cleaner.stages import rejoin

#: a paragraph of a 13-em column; a headline as wide as the column set between two of its lines,
#: inside the word 一小片
BEFORE = ["社区把街角闲置的空地改造成", "了休闲场所，栽下了几棵树，", "摆上几把长椅，又留出了一小"]
HEADLINE = "老城区里的口袋公园越建越多"
AFTER = ["片健身器材，就成了附近居民", "饭后散步的好去处。"]


def _blocks(stages_until, lines: list[str], **weights) -> list[str]:
    page = stages_until("\n".join(lines) + "\n", "dedouble")
    rules = page.rules
    params = dict(rules["J001"].params)
    params["weights"] = {**params["weights"], **weights}
    j001 = dataclasses.replace(rules["J001"], params=params)
    page = page.evolve(rules=RuleSet(tuple(j001 if r.id == "J001" else r for r in rules.rules), rules.options))
    return [b.text for b in rejoin.run(page).blocks]


def test_a_headline_line_set_inside_a_word_of_the_text_stands_apart(stages_until):
    # (the headline line as wide as the column's lines around it: widths cannot tell it)
    lines = BEFORE + [HEADLINE] + AFTER
    blocks = _blocks(stages_until, lines)
    assert HEADLINE in blocks
    assert blocks[0] == "".join(BEFORE)


def test_without_the_cue_the_headline_line_runs_into_the_paragraph(stages_until):
    lines = BEFORE + [HEADLINE] + AFTER
    assert HEADLINE not in _blocks(stages_until, lines, heading_set_in=0.0)


def test_a_line_of_the_text_that_goes_on_from_the_line_before_stays():
    # a word runs past the line (一小 / … / 片), but also from the line before into it (一小 /
    # 块): the line goes on from the text above, it is the paragraph's own
    p = default_rules()["J001"].params
    lines = [_Line(t) for t in ["又留出了一小", "块空地摆放几件", "片健身器材"]]
    assert not rejoin.interloper(lines, 1, [False] * 3, [False] * 3, set(), p)
    heading = [_Line(t) for t in ["椅、一小", HEADLINE, "片健身器材"]]
    assert rejoin.interloper(heading, 1, [False] * 3, [False] * 3, set(), p)


def test_a_line_ending_on_a_particle_is_no_headline():
    # (…厨余垃圾 / 和其他垃圾分别投入对应的 / 桶中: 垃圾桶 runs across, but no headline ends on 的)
    p = default_rules()["J001"].params
    lines = [_Line(t) for t in ["熟练地把厨余垃圾", "和其他垃圾分别投入对应的", "桶中，再用手机扫"]]
    assert not rejoin.interloper(lines, 1, [False] * 3, [False] * 3, set(), p)


@dataclasses.dataclass
class _Line:
    text: str



#: a blank line after every line (the gaps mean nothing); the headline cuts 饮 / 水
SPACED = ["宇、加油站等场所，建成快递", "员、外卖骑手、网约车司机等", "新就业群体服务驿站65个，", "每个驿站都配备了休息、饮",
          "外卖骑手有了“歇脚站”", "水、充电、热饭、应急药品等", "基本设施，其中24个实行24", "小时开放。"]


def test_a_line_already_apart_from_the_text_above_is_left_to_the_label_stage(stages_until):
    # the other cues break over the headline: it runs onto the line under it, and L006 splits it
    # there (weighing it with the block it heads); J001 parts only a line it parted from the
    # text above itself
    blocks = _blocks(stages_until, [x for t in SPACED for x in (t, "")])
    assert blocks[0].endswith("饮")
    assert any(b.startswith("外卖骑手有了“歇脚站”水、充电") for b in blocks)
