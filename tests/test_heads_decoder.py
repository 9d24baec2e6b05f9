"""The decoder's cues for telling a heading's kind (A002): end_set_close, a lone heading after the
page's last text, set as the lone heading before it is, is the last subhead of an article that
sets its subheads after their sections, not the title that closes it; continuity_cohesion, a
headline where the text's runs of paragraphs go on across it costs what they share."""

from __future__ import annotations

import dataclasses

import pytest

import cleaner
from cleaner.rules import RuleSet, default_rules

PARAS = ["近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升。",
         "改造中，当地坚持问需于民，加装电梯、增设停车位、建设口袋公园，让老小区焕发新活力。",
         "下一步，当地还将加快推进城市更新，完善配套设施，让更多居民享受到改造带来的便利与实惠。"]


def _with(end_set_close: float) -> RuleSet:
    rules = default_rules()
    a002 = dataclasses.replace(rules["A002"], params={**rules["A002"].params, "end_set_close": end_set_close})
    return RuleSet(tuple(a002 if r.id == "A002" else r for r in rules.rules), rules.options)


def _page(wrap, last: str, rules: RuleSet | None = None):
    """An article with no headline over it, its subheads set after their sections: the last one
    (``last``) ends the page."""
    raw = "\n\n".join(["\n".join(wrap(PARAS[0])), "老区改造", "\n".join(wrap(PARAS[1])), "问需于民",
                       "\n".join(wrap(PARAS[2])), last]) + "\n"
    return cleaner.clean(raw, rules=rules)


def _titles_and_subheads(page) -> tuple[list, list]:
    return ([a.title.text if a.title else None for a in page.articles],
            [b.text for a in page.articles for b in a.body if b.kind == "subhead"])


def test_a_heading_at_the_page_end_set_as_the_subhead_before_it_is_a_subhead(wrap):
    # 久久为功 is as long as 问需于民, the lone heading before it, with one column between
    titles, subheads = _titles_and_subheads(_page(wrap, "久久为功"))
    assert "久久为功" in subheads and "久久为功" not in titles
    # without the cue it closes the article as its title
    titles, subheads = _titles_and_subheads(_page(wrap, "久久为功", _with(0.0)))
    assert "久久为功" in titles and "久久为功" not in subheads


def test_a_heading_at_the_page_end_unlike_the_subhead_before_it_may_close_the_article(wrap):
    # a longer heading, in no form of the set: the cue leaves it to the other readings
    heading = "老旧小区改造惠及三万五千户居民"
    assert _titles_and_subheads(_page(wrap, heading)) == _titles_and_subheads(_page(wrap, heading, _with(0.0)))
    assert heading in _titles_and_subheads(_page(wrap, heading))[0]


# --- A002 continuity_cohesion: the text's runs either side of a heading go on -------------

FARM = ["眼下，全国由南向北进入春耕大忙时节。在丘陵山区，小农机上山岗，成为春耕一线的新看点。",
        "在湖南郴州，丘陵山区占到了耕地面积的七成左右，种粮大户今年新购入了两台小型履带式农机。",
        "当越来越多的丘陵耕地潜力被挖掘之后，郴州的农机作业面积不断扩大，山区春耕效率明显提升。",
        "为了继续补齐丘陵山区机械化耕作的短板，郴州今年将新建宜机化改造农田一万亩，推广适用农机。"]


def _close_cost(stages_until, wrap, cohesion):
    """The cost of reading the lone heading between FARM's third and fourth paragraphs as the
    headline closing the text before it, with the text's cohesion across it given or not."""
    from cleaner.stages.assemble import Assembler

    para = lambda p: "\n".join(wrap(p)) + "\n"  # noqa: E731
    text = "".join(map(para, FARM[:3])) + "农机上山忙\n" + para(FARM[3])
    page = stages_until(text, "label")
    asm = Assembler(page)
    seq = asm.groups([b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")])
    asm.columns_of_runs(seq)
    t = next(n for n, u in enumerate(seq) if isinstance(u, list))
    opts = asm.group_options(seq[t], seq[t - 2:t], seq[t + 1], cohesion=cohesion)[False]
    return next(c for kind, _, c, _ in opts if kind == "close"), asm.across(seq[t - 2:t], seq[t + 1])


def test_a_headline_where_the_texts_runs_go_on_across_it_costs_what_they_share(stages_until, wrap):
    p = default_rules()["A002"].params
    weight = p["continuity_cohesion"]
    plain, across = _close_cost(stages_until, wrap, None)
    high, _ = _close_cost(stages_until, wrap, 0.3)
    assert weight > 0 and weight * 0.3 > across  # (the runs share more than the two paragraphs)
    together = lambda on: min(p["continuity_max"], max(0.0, (on - p["min_affinity"]) * p["continuity_weight"]))  # noqa: E731
    assert high - plain == pytest.approx(together(weight * 0.3) - together(across))
    assert high > plain
    # a cohesion below what the two paragraphs share changes nothing
    low, _ = _close_cost(stages_until, wrap, 0.0)
    assert low == pytest.approx(plain)
