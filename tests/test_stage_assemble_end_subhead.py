"""A002 end_set_close: a lone heading after the page's last text, set as the lone heading before
it is, is the last subhead of an article that sets its subheads after their sections, not the
title that closes it."""

from __future__ import annotations

import dataclasses

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
