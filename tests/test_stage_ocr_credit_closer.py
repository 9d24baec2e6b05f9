"""O060: on OCR output, a dateline's credit whose closing bracket the engine lost is closed where
its names end (after a place's 报道, or after the name the story's first word follows); a credit
closed on the next line, or one whose end the names do not tell, is left alone."""

from __future__ import annotations

import pytest

import cleaner

PAGE = "合理膳食从一日三餐做起\n\n{first}\n事,但吃得是否科学合理:直接关系到身体健康。村民们说:很好!\n"


def _page(first: str):
    return cleaner.clean(PAGE.format(first=first))


@pytest.mark.parametrize("first, dateline", [
    ("本报讯 〈实习记者 陆萱一日三餐是每个人生活中最平常的", "本报讯（实习记者陆萱）"),
    ("本报讯〈YMG全媒体记者 侯磊 拉萨报道随着冷空气活动日趋频繁", "本报讯（YMG全媒体记者侯磊拉萨报道）"),
])
def test_a_credit_that_lost_its_closer_is_closed_where_its_names_end(first, dateline):
    page = _page(first)
    (art,) = page.articles
    assert art.dateline == dateline
    assert "O060" in [c.rule for c in page.changes]


@pytest.mark.parametrize("first", [
    "本报讯〈记者万然波 实习生向俊\n贡) 一日三餐是每个人生活中最平常的",  # closed on the next line
    "本报讯〈实习记者 陆萱) 一日三餐是每个人生活中最平常的",  # closed
])
def test_a_closed_credit_is_left_alone(first):
    assert "O060" not in [c.rule for c in _page(first).changes]
