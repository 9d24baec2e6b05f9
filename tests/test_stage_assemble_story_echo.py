"""A003 subhead_echo_above (issue #14, the xwlb check pages: subheads read as titles): a lone
heading's echo of its article's lead costs the subhead reading only as far as the paragraph
right above the heading repeats it too (cleaner/stages/assemble/story_echo.py). A real story's
subhead names the story's subject as its lead does (共抓大保护 under a lead on 长江大保护); a
title set after its text sums up that text, the paragraph right above it included."""

from __future__ import annotations

from cleaner import clean
from cleaner.rules import default_rules
from cleaner.stages.assemble.story_echo import echo_above, subhead_lead_echo


W = 30  # (a column of 30 characters: a paragraph's last line is shorter)

TITLE = "推动长江经济带高质量发展"
LEAD = ("本报武汉6月5日电（记者李明）五年来，沿江各地坚持共抓大保护、不搞大开发，"
        "长江经济带生态环境保护发生了转折性变化，经济社会发展取得历史性成就。")
BEFORE = ["湖北宜昌关停搬迁沿江化工企业134家，腾出的岸线建成了滨江公园，市民在江边散步、骑行，"
          "江豚也频频在城区江段出现。",
          "在江西九江，沿江码头完成整治，过去的砂石堆场变成了湿地，候鸟越冬数量逐年增加。"]
SUB = "共抓大保护"
AFTER = ["沿江十一省市建立跨区域协作机制，联合开展生态环境执法检查，"
         "推动上下游、左右岸协同治理。",
         "长江十年禁渔全面实施以来，水生生物资源逐步恢复，长江江豚种群数量稳中有升。"]


def _page() -> str:
    lines = ["第A3版：要闻", TITLE]
    for p in [LEAD] + BEFORE:
        lines += [p[i:i + W] for i in range(0, len(p), W)]
    lines.append(SUB)
    for p in AFTER:
        lines += [p[i:i + W] for i in range(0, len(p), W)]
    return "\n".join(lines) + "\n"


def _read(kit=None, **params) -> list[tuple[str | None, list[str]]]:
    page = clean(_page(), rules=kit.rules_with("A003", **params) if params else default_rules())
    return [(a.title.text if a.title is not None else None,
             [b.text[:5] for b in a.body if b.kind == "subhead"]) for a in page.articles]


def test_a_subhead_repeating_the_lead_stays_a_subhead():
    assert _read() == [(TITLE, [SUB])]


def test_without_it_the_subhead_heads_an_article_of_its_own(kit):
    """The reading with subhead_echo_above 0 (the lead's echo alone, as the training pages
    fitted it): the heading repeats the lead, so it was read as a title."""
    assert _read(kit, subhead_echo_above=0.0) != [(TITLE, [SUB])]


def test_the_echo_the_text_above_shares_still_counts():
    assert subhead_lead_echo(0.8, 0.0, 0.5) == 0.4
    assert subhead_lead_echo(0.8, 0.0, 1.0) == 0.0
    assert subhead_lead_echo(0.8, 0.6, 1.0) == 0.6  # (a closing title: the text above says it too)
    assert subhead_lead_echo(0.3, 0.6, 1.0) == 0.3  # (never more than the lead's echo)
    assert subhead_lead_echo(0.8, None, 1.0) == 0.8


def test_echo_above_only_for_a_lone_heading_under_a_paragraph():
    def echo(h, at):
        return 0.25
    seq = ["paragraph", ["heading"], ["heading"]]
    assert echo_above(0.5, True, seq, 1, echo) == 0.25
    assert echo_above(0.0, True, seq, 1, echo) is None  # (off)
    assert echo_above(0.5, False, seq, 1, echo) is None  # (not one heading)
    assert echo_above(0.5, True, seq, 2, echo) is None  # (a heading group above)
    assert echo_above(0.5, True, seq, 0, echo) is None
