"""L006: a short line ending on a colon, right over a heading, is the first piece of a headline
broken after its colon (label._colon_heads_going_on)."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.stages import label

PAGE = """今年以来，全省经济运行持续回升向好，主要指标好于预期。
{head}
开启基本实现现代化新征程
本报记者 潘倩
江苏全省上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济社会发展取得新成效。
今年前三季度，全省地区生产总值同比增长5.8%，高于全国平均水平。
"""


def _headings(text: str) -> list[str]:
    return [b.text for b in clean(text).blocks if b.kind == "heading"]


@pytest.mark.parametrize("head", ["江苏：", "国新办发布会：", "河北阜平:"])
def test_a_headline_broken_after_its_colon_is_one(head):
    page = clean(PAGE.format(head=head))
    title = head + "开启基本实现现代化新征程"
    assert [a.title.text for a in page.articles if a.title is not None] == [title]
    assert any(c.rule == "L006" and c.action == "join" and "after its colon" in str(c.reason) for c in page.changes)


def test_without_the_step_the_headline_loses_its_head(monkeypatch):
    monkeypatch.setattr(label, "_colon_heads_going_on", lambda page, blocks, *a: blocks)
    assert "开启基本实现现代化新征程" in _headings(PAGE.format(head="江苏："))
    assert "江苏：开启基本实现现代化新征程" not in _headings(PAGE.format(head="江苏："))


@pytest.mark.parametrize("head", [
    "记者：",  # a turn of an interview: its text follows
    "他在会上强调：",  # too long for a headline's head, and prose
    "据介绍，江苏：",  # a clause mark: prose
])
def test_other_lines_ending_on_a_colon_stay_apart(head):
    assert not any(h.startswith(head) for h in _headings(PAGE.format(head=head)))
