"""Titles read as subheads on pages set one paragraph a line (no column widths to tell a title
from a subhead by): a lone heading well longer than the subhead before it is no next of that set
(Readings.longer_than_set, A003 set_longer_gap / set_longer_penalty), and one longer than
subheads are set is a title (A003 uncolumned_long_penalty)."""

from __future__ import annotations

from cleaner.pipeline import clean
from cleaner.rules import RuleSet


def _page(*items: str) -> str:
    """A clean page: one paragraph (or heading) a line, a blank line between."""
    return "\n\n".join(items) + "\n"


_SET_PAGE = _page(
    "河湾小镇新建图书驿站",
    "今年春天，河湾镇在老街口新建了一座图书驿站，藏书三千余册，免费向居民开放，每天从早上八点开到晚上九点，节假日也不休息。",
    "书香进老街",
    "驿站由一座闲置的粮仓改建而成，保留了原有的木梁和青砖墙，屋里摆着长桌和台灯，周末常有孩子们在这里写作业、读绘本。",
    "志愿者守护",
    "驿站的日常管理交给了十几名志愿者，他们轮流值班，整理图书、登记借阅，还定期组织读书会和手工课，吸引了不少老人参加。",
    "果农直播卖脐橙 订单翻了一番",
    "深秋时节，青岭县的脐橙进入采摘季。果农们白天上山摘果，晚上在合作社的直播间里介绍果园和果子，订单一天比一天多。",
    "合作社负责人说，今年通过直播卖出的脐橙已经超过二十万斤，比去年翻了一番，不少外出务工的年轻人也回乡做起了主播。",
)


def _titles(text: str, rules: RuleSet | None = None) -> list[str]:
    return [a.title.text for a in clean(text, "page.txt", rules).articles]


def test_a_heading_well_longer_than_the_subhead_before_it_opens_an_article():
    assert _titles(_SET_PAGE) == ["河湾小镇新建图书驿站", "果农直播卖脐橙 订单翻了一番"]


def test_without_the_cue_it_reads_as_the_next_subhead(kit):
    # (the case the cue is for: without it the title joins the set of 书香进老街 / 志愿者守护)
    rules = kit.rules_with("A003", set_longer_penalty=0.0)
    assert _titles(_SET_PAGE, rules) == ["河湾小镇新建图书驿站"]


_LONG_PAGE = _page(
    "湖畔公园改造完工 周末游客明显增多",
    "经过半年施工，东湖公园改造工程日前完工，新铺设的环湖步道全长三公里，沿途增设了休息亭、直饮水点和无障碍通道。",
    "改造期间，施工方分段围挡、错时施工，尽量不影响晨练的市民，公园管理处还在入口处设置了公告栏，及时公布施工进度。",
    "全市首届少儿编程大赛落幕 三百余名中小学生同台比拼创意",
    "本周六，全市首届少儿编程大赛在科技馆落幕，来自四十多所学校的三百余名中小学生参赛，作品涉及游戏、动画和智能家居等。",
)


def test_a_heading_longer_than_subheads_are_set_opens_an_article(kit):
    # (a one-paragraph article costs A002 short_article: without the cue the second headline,
    # of 26 characters, reads as the first article's subhead)
    assert _titles(_LONG_PAGE) == ["湖畔公园改造完工 周末游客明显增多", "全市首届少儿编程大赛落幕 三百余名中小学生同台比拼创意"]
    assert _titles(_LONG_PAGE, kit.rules_with("A003", uncolumned_long_penalty=0.0)) == ["湖畔公园改造完工 周末游客明显增多"]


def test_the_set_cue_holds_only_on_pages_without_columns():
    from types import SimpleNamespace

    from cleaner.stages.assemble.readings import Readings

    def longer(columned: bool, gap: int = 4) -> bool:
        asm = SimpleNamespace(rules={"A003": SimpleNamespace(params={"set_longer_gap": gap})},
                              page=SimpleNamespace(layout=SimpleNamespace(columned=columned)))
        h, before = SimpleNamespace(text="果农直播卖脐橙 订单翻了一番"), SimpleNamespace(text="志愿者守护")
        return Readings.longer_than_set(asm, h, before)

    assert longer(False)
    assert not longer(True)  # (a columned page tells a title by its column)
    assert not longer(False, gap=0)  # (a gap of 0: the cue off)
