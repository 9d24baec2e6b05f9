"""O058: on OCR output, a 和, 人 or 上 the engine set for a speck of ink inside a credit is taken
out where the names and roles tell it; a name that holds the character (李和平) and prose
(记者和市民) are left alone."""

from __future__ import annotations

import pytest

import cleaner

PAGE = ("春耕正当时\n\n{byline}\n\n{dateline} 1月28日,祠堂前搭起了大舞台:开场。村民们说:很好!今年的活动比往年"
        "更加热闹,吸引了周边群众前来观看。\n")


def _clean(byline="本报记者 曹晨婷", dateline="本报讯〈记者张林海)"):
    (art,) = cleaner.clean(PAGE.format(byline=byline, dateline=dateline)).articles
    return art


@pytest.mark.parametrize("byline, expect", [
    ("新京报记者 和薛凌浩 彭婷华", "新京报记者 薛凌浩 彭婷华"),
    ("记者 曹东琳 通讯员和 尹斌涵", "记者 曹东琳 通讯员 尹斌涵"),
    ("卢英伟、上肖涛超/上观新闻", "卢英伟、肖涛超/上观新闻"),
    ("本报记和者 金健华", "本报记者 金健华"),
])
def test_a_speck_in_a_byline_is_taken_out(byline, expect):
    art = _clean(byline=byline)
    assert art.byline is not None and art.byline.text == expect


@pytest.mark.parametrize("dateline, expect", [
    ("本报讯〈实习记者董和远东)", "本报讯（实习记者董远东）"),
    ("本报讯〈YMG全人媒体记者付婷 通讯员许和建兰)", "本报讯（YMG全媒体记者付婷通讯员许建兰）"),
    ("新华社曼谷6月1上6日电", "新华社曼谷6月16日电"),
])
def test_a_speck_in_a_dateline_is_taken_out(dateline, expect):
    art = _clean(dateline=dateline)
    assert art.dateline is not None and art.dateline.replace(" ", "") == expect


def test_a_name_holding_the_character_stays():
    art = _clean(dateline="本报讯〈记者李和平)")
    assert art.dateline == "本报讯（记者李和平）"
