"""C001 ``one_lane_tight``: on a page read side by side, a band of one lane keeps no blank line
inside it, as a band read lane by lane keeps none: poppler's blank line above a subhead is space
it printed between two rows, not an article's end."""

from __future__ import annotations

from cleaner.model import Overlay, Page
from cleaner.stages import PIPELINE

# two columns side by side, then (after a band's gap) an article in one column whose subhead
# poppler printed after a blank line
PAGE = "\n".join([
    "  本报讯 今年以来，全市新增就业    高校毕业生就业形势总体稳定，",
    "岗位三万个，同比增长百分之五，    重点群体就业得到有效保障，",
    "城镇调查失业率保持在较低水平，    就业局势保持总体稳定。",
    "",
    "",
    "",
    "  青岚种茶历史悠久，但很长一段时间里，茶叶只是农户房前屋后的“副业”。",
    "",
    "从“卖茶青”到“卖品牌”",
    "  转机出现在10多年前。县里引进和培育了一批茶叶加工龙头企业。",
]) + "\n"


def _gaps(kit, text: str, **params) -> dict[str, int]:
    """Each line's blank lines before it, after the lines stage (C001 with ``params``)."""
    page = Page(name="t.txt", source=text, rules=kit.rules_with("C001", **params), overlay=Overlay(text))
    for stage in PIPELINE:
        page = stage.run(page)
        if stage.STAGE == "lines":
            break
    return {ln.text: ln.gap_before for ln in page.lines}


def test_a_one_lane_band_keeps_no_blank_line_inside_it(kit):
    gaps = _gaps(kit, PAGE, one_lane_tight=True)
    assert gaps["从“卖茶青”到“卖品牌”"] == 0
    assert gaps["青岚种茶历史悠久，但很长一段时间里，茶叶只是农户房前屋后的“副业”。"] == 3  # (the band's own gap)


def test_off_the_blank_line_stays(kit):
    assert _gaps(kit, PAGE, one_lane_tight=False)["从“卖茶青”到“卖品牌”"] == 1


def test_a_page_not_read_side_by_side_keeps_its_blank_lines(kit):
    # no band with two lanes: the page is left exactly as it is
    text = PAGE.split("\n\n\n\n", 1)[1]
    assert _gaps(kit, text, one_lane_tight=True)["从“卖茶青”到“卖品牌”"] == 1


def test_the_dropped_blank_lines_are_a_recorded_change(kit):
    page = Page(name="t.txt", source=PAGE, rules=kit.rules_with("C001", one_lane_tight=True), overlay=Overlay(PAGE))
    for stage in PIPELINE:
        page = stage.run(page)
        if stage.STAGE == "lines":
            break
    joins = [c for c in page.changes if c.rule == "C001" and c.action == "join"]
    assert len(joins) == 1 and "从“卖茶青”到“卖品牌”" in joins[0].after and "1 dropped" in joins[0].reason
