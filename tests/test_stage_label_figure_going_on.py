"""L006: a heading that is only a figure, right under a headline, is that headline's end, broken
before the figure (label._figures_going_on)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.stages import label

PAGE = """{title}
{figure}
本报记者 冯辉艳
记者从江南省统计局获悉，1至8月，全省规模以上工业增加值同比增长6.1%，增速比1至7月加快0.2个百分点。
高技术制造业发挥了引领作用，全省高技术制造业增加值增长11.4%，占规模以上工业增加值的比重为24.6%。
"""
TITLE = "1至8月规模以上工业增加值增长"


def _headings(text: str) -> list[str]:
    return [b.text for b in clean(text).blocks if b.kind == "heading"]


@pytest.mark.parametrize("figure", ["6.1%", "6.1％", "2024", "11.4‰"])
def test_a_figure_alone_under_a_headline_is_its_end(figure):
    page = clean(PAGE.format(title=TITLE, figure=figure))
    assert [a.title.text for a in page.articles] == [TITLE + figure]
    assert any(c.rule == "L006" and c.action == "join" and "a figure alone" in str(c.reason) for c in page.changes)


def test_without_the_step_the_figure_stands_apart(monkeypatch):
    monkeypatch.setattr(label, "_figures_going_on", lambda page, blocks, *a: blocks)
    assert "6.1%" in _headings(PAGE.format(title=TITLE, figure="6.1%"))


@pytest.mark.parametrize("figure", ["3.5亿元", "第6.1期", "A3"])
def test_a_heading_with_words_is_not_a_figure(figure):
    heads = _headings(PAGE.format(title=TITLE, figure=figure))
    assert TITLE + figure not in heads
