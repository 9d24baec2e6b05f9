"""O059: on OCR output, an outlet's name opening a credit, read with one character Tesseract is
known to misread for its own, is the outlet's name again; a reading that is itself an outlet
(中新网), an outlet no title or date follows, and text layers are left alone."""

from __future__ import annotations

import pytest

import cleaner

PAGE = ("春耕正当时\n\n{byline}\n\n{dateline} 1月28日,祠堂前搭起了大舞台:开场。村民们说:很好!今年的活动比往年"
        "更加热闹,吸引了周边群众前来观看。\n")


def _clean(byline="本报记者 曹晨婷", dateline="本报讯〈记者张林海)"):
    return cleaner.clean(PAGE.format(byline=byline, dateline=dateline))


@pytest.mark.parametrize("byline, expect", [
    ("这京报记者 邹兰 谭东秀", "新京报记者 邹兰 谭东秀"),
    ("@@将都商报- 红星新闻记者 江思", "成都商报-红星新闻记者 江思"),
    ("华西都市报-封次新闻记者 罗涛 万桂", "华西都市报-封面新闻记者 罗涛 万桂"),
])
def test_an_outlet_misread_in_a_byline_is_mended(byline, expect):
    (art,) = _clean(byline=byline).articles
    assert art.byline is not None and art.byline.text == expect


def test_an_outlet_misread_in_a_dateline_split_over_lines_is_mended():
    (art,) = _clean(dateline="中们社香港9月14\n日电").articles
    assert art.dateline is not None and art.dateline.replace(" ", "") == "中新社香港9月14日电"


@pytest.mark.parametrize("byline", ["中新网记者 曹晨婷", "这京报道 曹晨婷"])
def test_an_outlet_read_right_or_no_credit_is_left_alone(byline):
    assert "O059" not in [c.rule for c in _clean(byline=byline).changes]
