"""Stage assemble, A003: a short kicker (引题) over a much wider plain title (issues #14, #15),
on small hand-made pages."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.stages.assemble.headline_pair import kicker_over

BODY = ["记者从市医保局获悉，职工医保个人账户今年起可以", "家庭共济使用，配偶、父母和子女看病买药都能用上。",
        "截至目前，全市已有十二万名参保人办理了共济绑定。"]


def test_a_short_heading_over_a_much_wider_one_is_its_kicker():
    page = cleaner.clean("\n".join(["政策解读", "医保个人账户如何“一人缴费、全家共用”", *BODY]) + "\n")
    (a,) = page.articles
    assert (a.kicker.text, a.title.text, a.subtitle) == ("政策解读", "医保个人账户如何“一人缴费、全家共用”", None)
    assert any(c.rule == "A003" and "kicker" in c.reason_ for c in page.changes)


def test_a_kicker_over_a_title_over_a_dash_subtitle_stays_three_headings():
    head = ["政策解读", "医保个人账户如何“一人缴费、全家共用”", "——访市医疗保障局待遇保障处负责人"]
    (a,) = cleaner.clean("\n".join([*head, *BODY]) + "\n").articles
    assert (a.kicker.text, a.title.text, a.subtitle.text) == tuple(head)


@pytest.mark.parametrize("upper, lower, kicker", [
    ("今日谈", "别让“打卡式”调研走了过场", True),
    ("景区限流", "不能“一限了之”", False),  # broken at a phrase: the two lines run about even
    ("钢铁驼队", "穿越亚欧", False),
    ("冒充“退", "款”诈骗的人越来越多了", False),  # a mark left open: one headline broken
    ("走基层·", "在一线感受奋斗脉动的人们", False),  # a mark joining what follows
    ("记者摄）", "房车开进大草原的旅游新路线", False),  # the end of some other text
    ("数字赋能科技助力", "让亚运会场馆更“智能”更便捷更环保", False),  # not a short piece
])
def test_only_a_short_piece_over_a_line_many_times_wider_is_a_kicker(upper, lower, kicker):
    assert kicker_over(upper, lower, cleaner.load_rules()["A003"].params) is kicker


def test_a_short_heading_with_its_byline_on_its_line_is_no_kicker():
    # a byline is set beside its title: the short line it stands on opens the title, broken over
    # two lines, however much wider the line under it
    lines = ["以案释法 邵轩霞、龙友/上观新闻", "守护“舌尖上的安全”的执法行动", *BODY]
    (a,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert a.kicker is None and a.title.text.startswith("以案释法")
    assert a.byline.text == "邵轩霞、龙友/上观新闻"


def test_a_catchword_under_a_wider_plain_heading_is_its_title_not_its_subtitle(kit):
    # a subtitle adds to its title and runs longer than a catchword: the upper is the kicker
    lines = ["90后小伙捐献造血干细胞", "生命接力", *BODY]
    (a,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert (a.kicker.text, a.title.text, a.subtitle) == ("90后小伙捐献造血干细胞", "生命接力", None)
    (b,) = cleaner.clean("\n".join(lines) + "\n", rules=kit.rules_with("A003", subtitle_min_length=0)).articles
    assert (b.title.text, b.subtitle.text) == ("90后小伙捐献造血干细胞", "生命接力")


@pytest.mark.parametrize("upper, lower, short", [
    ("90后小伙捐献造血干细胞", "生命接力", True), ("全民阅读活动月启动", "书香润城", True),
    ("以消费升级带动", "链条串起", True),
    ("图源：郑州市消防救援", "支队", False),  # shorter than any title: the rest of something else
    ("青宁城际铁路正式开通运营", "两市实现“半小时通勤”", False),  # as long as a subtitle runs
    ("管出新秩序", "与时间赛跑", False),  # two short headings: no kicker over its catchword
])
def test_only_a_piece_shorter_than_a_subtitle_under_a_longer_one_is_too_short(upper, lower, short):
    from cleaner.stages.assemble.headline_pair import too_short_for_subtitle
    assert too_short_for_subtitle(upper, lower, cleaner.load_rules()["A003"].params) is short


def test_a_bold_headline_broken_after_a_full_width_mark_joins_without_a_blank():
    # a full-width mark holds its own space: no blank after it (a blank there would be taken
    # out by a second cleaning, S001); between two phrases, a blank
    lines = ["大模型进医院大模型进医院：：", "能看报告能看报告，，不能替医生不能替医生", *BODY]
    (a,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert a.title.text == "大模型进医院：能看报告，不能替医生"
    lines = ["古镇焕新古镇焕新", "游客留下来游客留下来", *BODY]
    (a,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert a.title.text == "古镇焕新 游客留下来"
