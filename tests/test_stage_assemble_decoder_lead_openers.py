"""A002 lead_stay: an article going on across a paragraph that opens as a report's lead does
(记者从…获悉, 近日，) costs what going on across a change of story does: a report says where its
news comes from in its first sentence, and no later paragraph of a story opens so."""

from __future__ import annotations

import pytest

import cleaner

A = ["中新网4月1日电坐在家里动动手指，就能给几百亩庄稼浇水施肥；无人机在空中盘旋，十几分钟就完成了一块田的植保作业。"
     "在丰源县数字农业示范区，智慧农业让种地变得越来越轻松。",
     "在示范区的一块水稻田边，竖立着一根根监测杆，上面装有土壤墒情传感器。种粮大户彭立新打开手机给记者演示，"
     "哪块地缺水了，丰源县的系统会自动提醒。",
     "每到病虫害防治季节，丰源县示范区里的植保无人机就忙碌起来。一架植保无人机一天能作业600亩左右，而且农药用量可以减少20%以上。"]
# another report, its headline lost: nothing but its opening tells it from the first one's text
B = ["今年全市新开通公交线路12条，优化调整线路30条，城区公交站点500米覆盖率达到百分之百。",
     "市交通运输局有关负责人介绍，新开通的线路重点覆盖新建小区、产业园区和学校医院，方便群众出行。",
     "下一步，全市将继续推进公交线网优化，让市民出行更便捷、更舒心。"]


def page_text(wrap, opener: str) -> str:
    lines = ["智慧农业让种地更轻松"]
    for t in A:
        lines += wrap(t, column=20)
    for n, t in enumerate(B):
        lines += wrap((opener if n == 0 else "") + t, column=20)
    return "\n".join(lines) + "\n"


def shape(page) -> list:
    return [(a.title.text if a.title else None, [b.text[:6] for b in a.body if b.kind == "paragraph"])
            for a in page.articles]


@pytest.mark.parametrize("opener", ["记者从市交通运输局获悉，", "记者近日从市交通运输局了解到，", "从市交通运输局获悉，"])
def test_a_paragraph_opening_as_a_lead_opens_another_article(wrap, opener):
    page = cleaner.clean(page_text(wrap, opener))
    assert [t for t, _ in shape(page)] == ["智慧农业让种地更轻松", None]
    assert shape(page)[1][1][0] == opener[:6]


def test_a_paragraph_opening_otherwise_goes_on(wrap):
    # (the near miss: 据悉 opens later paragraphs of a story as often as its lead)
    page = cleaner.clean(page_text(wrap, "据悉，"))
    assert len(page.articles) == 1


def test_without_the_cost_the_lead_goes_on_with_the_article_before(wrap, tmp_path):
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A002"\nparams = { lead_stay = 0.0 }\n', encoding="utf-8")
    page = cleaner.clean(page_text(wrap, "记者从市交通运输局获悉，"), rules=cleaner.load_rules(str(tmp_path)))
    assert len(page.articles) == 1


# a feature's later section, under its subhead, opening on another event of the same story
SECTION = ["近日，在丰源县一家农机合作社，技术员正在调试新到的收割机，驾驶室里的屏幕实时显示着作业面积和产量。",
           "合作社负责人说，有了这些新设备，今年秋收能比往年提前一周完成。"]


def test_saying_when_opens_no_article_under_a_subhead(wrap):
    # (近日，/日前， count right after text only: a section under its subhead may open so, as the
    # sample page's 近日，在厦门华电开关有限公司… does)
    lines = ["智慧农业让种地更轻松"]
    for t in A:
        lines += wrap(t, column=20)
    lines.append("设备更新忙")
    for t in SECTION:
        lines += wrap(t, column=20)
    page = cleaner.clean("\n".join(lines) + "\n")
    assert len(page.articles) == 1
    assert [b.kind for b in page.articles[0].body] == ["paragraph"] * 3 + ["subhead"] + ["paragraph"] * 2
