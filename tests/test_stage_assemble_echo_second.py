"""A002 echo_second (issue #14, a lead given to a neighbour's headline): where an article's
headline comes after its text, its title's echo of the article's lead is also measured on the
paragraph after the lead, at echo_second of its weight, when the lead goes on with that
paragraph more than with the one before it. A lead that sets a scene its title does not name
(初冬时节，湖面上薄雾弥漫…) then stays with its article instead of going to the one before."""

from __future__ import annotations

import dataclasses

from cleaner import clean
from cleaner.rules import RuleSet, default_rules


def with_a002(**params) -> RuleSet:
    rules = default_rules()
    a002 = rules["A002"]
    return RuleSet(tuple(dataclasses.replace(r, params={**a002.params, **params}) if r.id == "A002" else r
                         for r in rules.rules), rules.options)


W = 30  # (a column of 30 characters: a paragraph's last line is shorter)


def _page(paras_x: list[str], paras_y: list[str]) -> str:
    """The bridge report under its headline, then the second article's text with its headline
    after it (no headline between the two texts)."""
    lines = ["第A3版：要闻", "沅江特大桥主桥顺利合龙"]
    for p in paras_x + paras_y:
        lines += [p[i:i + W] for i in range(0, len(p), W)]
    lines.append("长江江豚“微笑”重现江面")
    return "\n".join(lines) + "\n"


BRIDGE = [
    "本报讯（记者 王明）11月8日上午10时18分，随着最后一节重达420吨的钢箱梁精准就位，沅江特大桥主桥顺利合龙，"
    "标志着大桥建设进入桥面施工阶段。",
    "沅江特大桥全长3.6公里，其中主桥为主跨680米的双塔双索面斜拉桥。大桥建成后，两岸通行时间将由40分钟缩短至8分钟，"
    "沿线群众出行更加便利。",
    "项目施工负责人邓立群介绍，主桥钢箱梁共分为96个节段，施工团队克服了江面风大、水流急等困难，比计划工期提前了两个月完成合龙。",
]
PORPOISE = [
    "长江江豚是长江中仅存的鲸类动物，被称为长江生态的“晴雨表”。监测人员介绍，近年来长江江豚的群体数量明显增加，"
    "出现频次逐年上升，江豚“微笑”重现江面已成为常见景象。",
    "专家表示，长江江豚数量的恢复，得益于长江十年禁渔的推进，也说明长江水生生物资源正在逐步恢复。",
]
SCENE_LEAD = ("初冬时节，湖面上薄雾弥漫。监测人员一早就乘船出发，在一个上午就记录到了3个群体、共计17头，"
              "它们时而跃出水面，时而潜入水中，引得船上的监测人员一阵阵惊呼。")
BRIDGE_CLOSE = ("夕阳西下，合龙后的大桥钢箱梁在江面上连成一线，施工团队的工人们站在桥面上合影留念，"
                "项目施工负责人邓立群说，接下来要抓紧桥面施工。")


def _articles(text: str, **params) -> dict[str | None, list[str]]:
    page = clean(text, rules=with_a002(**params) if params else default_rules())
    return {a.title.text if a.title is not None else None: [b.text[:4] for b in a.body if b.kind == "paragraph"]
            for a in page.articles}


def test_a_scene_setting_lead_stays_under_the_headline_after_its_text():
    got = _articles(_page(BRIDGE, [SCENE_LEAD] + PORPOISE))
    assert got == {"沅江特大桥主桥顺利合龙": ["本报讯（", "沅江特大", "项目施工"],
                   "长江江豚“微笑”重现江面": ["初冬时节", "长江江豚", "专家表示"]}


def test_without_it_the_lead_goes_to_the_article_before():
    """The reading with echo_second 0 (the lead's echo alone): the title repeats the second
    paragraph, not the lead, so the decoder opened the article a paragraph late."""
    got = _articles(_page(BRIDGE, [SCENE_LEAD] + PORPOISE), echo_second=0.0)
    assert got["沅江特大桥主桥顺利合龙"][-1] == "初冬时节"
    assert got["长江江豚“微笑”重现江面"][0] == "长江江豚"


def test_the_article_befores_closing_paragraph_stays_with_it():
    """Near miss: a closing paragraph that goes on with the bridge report (its words are that
    report's) stays there, though the next title repeats the paragraph after it."""
    got = _articles(_page(BRIDGE + [BRIDGE_CLOSE], PORPOISE))
    assert got == {"沅江特大桥主桥顺利合龙": ["本报讯（", "沅江特大", "项目施工", "夕阳西下"],
                   "长江江豚“微笑”重现江面": ["长江江豚", "专家表示"]}


def test_a_second_cleaning_keeps_the_lead_with_its_article():
    """Cleaned again (the page written back as clean text, a headline over each article's
    text), the lead stays where the first cleaning put it."""
    import cleaner

    first = cleaner.page_dict(cleaner.clean(_page(BRIDGE, [SCENE_LEAD] + PORPOISE)))
    text = "\n\n".join("\n".join([a["title"]] + [b["text"] for b in a["blocks"]]) for a in first["articles"]) + "\n"
    again = cleaner.page_dict(cleaner.clean(text))
    assert [(a["title"], [b["text"][:4] for b in a["blocks"]]) for a in again["articles"]] == \
        [(a["title"], [b["text"][:4] for b in a["blocks"]]) for a in first["articles"]]
