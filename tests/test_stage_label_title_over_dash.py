"""L006: a one-line paragraph right over a dash subtitle is its title, commas and all
(label._titles_over_dash_subtitles)."""

from __future__ import annotations

from cleaner import clean
from cleaner.stages import label

PAGE = """市民在公园里散步健身。

{title}

——市中级人民法院发布预付式消费纠纷典型案例

本报讯 近日，市中级人民法院召开新闻发布会，通报了一批预付式消费纠纷典型案例。据通报，相关案件数量逐年上升。

法院提醒，消费者办理预付卡时要选择信誉良好的经营者。
"""


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean(text).blocks]


def test_a_title_with_a_comma_over_its_dash_subtitle_is_a_heading():
    page = PAGE.format(title="预付卡“跑路”，消费者的钱怎么追")
    assert ("heading", "预付卡“跑路”，消费者的钱怎么追") in _kinds(page)
    art = clean(page).articles[0]
    assert art.title.text == "预付卡“跑路”，消费者的钱怎么追"
    assert art.subtitle.text.startswith("——市中级人民法院")


def test_without_the_step_it_reads_as_text(monkeypatch):
    monkeypatch.setattr(label, "_titles_over_dash_subtitles", lambda page, blocks, *a: blocks)
    page = PAGE.format(title="预付卡“跑路”，消费者的钱怎么追")
    assert ("paragraph", "预付卡“跑路”，消费者的钱怎么追") in _kinds(page)


def test_a_sentence_or_a_dateline_over_the_dash_stays_text():
    for text in ("据通报，法院今年审结此类案件。其中", "本报讯 据通报，法院今年审结此类案件"):
        got = _kinds(PAGE.format(title=text))
        assert not any(k == "heading" and t.replace(" ", "") == text.replace(" ", "") for k, t in got), got
