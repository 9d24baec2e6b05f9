"""OCR headlines (issue #18): a quotation mark the engine misread or lost at a heading line's
edge (O047, O048)."""

from __future__ import annotations

import cleaner

BODY = "本报讯〈记者张林海) 1月28日,安徽省黄山市的祠堂前搭起了大舞台:{}开场。\n"


def _fired(page, rule: str):
    return [c for c in page.changes if c.rule == rule]


def _title(page) -> str | None:
    return cleaner.page_dict(page)["articles"][0]["title"]


def test_a_closer_read_as_a_dash_under_a_title_with_a_byline_below():
    """让基础研究既“坐得住”又“跑得远- with its byline right under it: no blank line after the
    title, a quote closed before the last one (O019 repairs neither)."""
    page = cleaner.clean("让基础研究既“坐得住”又“跑得远-\n本报记者 侯秀样\n\n" + BODY.format(""))
    (c,) = _fired(page, "O047")
    assert (c.before, c.after) == ("-", "”")
    assert _title(page) == "让基础研究既“坐得住”又“跑得远”"


def test_a_closer_read_as_an_asterisk_or_underscore():
    page = cleaner.clean("新能源汽车“扬帆出海*\n\n" + BODY.format(""))
    assert [c.before for c in _fired(page, "O047")] == ["*"]
    page = cleaner.clean("从“卖原料”到“卖产品_\n本报记者 侯秀样\n\n" + BODY.format(""))
    assert [c.before for c in _fired(page, "O047")] == ["_"]


def test_a_dash_with_no_quote_open_before_it_is_left():
    # no opener on the line; one opened too far back (more than eight characters); a text layer
    assert not _fired(cleaner.clean("让基础研究既坐得住又跑得远-\n\n" + BODY.format("")), "O047")
    assert not _fired(cleaner.clean("推广“数字人民币应用场景的试点-\n\n" + BODY.format("")), "O047")
    assert not _fired(cleaner.clean("新能源汽车“扬帆出海-\n\n本报讯（记者张林海）1月28日，开场。\n"), "O047")


def test_an_opener_lost_at_a_heading_start_is_set_where_the_page_prints_the_quote():
    page = cleaner.clean("五一”假期西安接待游客526万人次\n\n" + BODY.format("今年“五一”假期,"))
    (c,) = _fired(page, "O048")
    assert c.action == "insert" and c.after == "“"
    assert _title(page) == "“五一”假期西安接待游客526万人次"


def test_a_line_opening_on_a_quote_closed_elsewhere_is_left():
    # the page never prints “五一” in its marks
    assert not _fired(cleaner.clean("五一”假期西安接待游客526万人次\n\n" + BODY.format("五一假期,")), "O048")
    # a body line after a column break, on the rest of a quote: a sentence mark in it
    assert not _fired(cleaner.clean("校园”等特色场景50余个。\n\n" + BODY.format("“校园”,")), "O048")
    # a line of a paragraph (no blank line after it)
    assert not _fired(cleaner.clean("五一”假期西安接待游客\n526万人次,\n\n" + BODY.format("“五一”,")), "O048")


def test_a_heading_quoted_whole_is_closed_over_its_dash_subtitle():
    """“跑步让我更懂得坚持 right over 一一访…: no words before the quote, none between the two
    lines (O049)."""
    page = cleaner.clean("“跑步让我更懂得坚持\n一一访全国马拉松锦标赛女子组冠军何晓雯\n\n" + BODY.format(""))
    (c,) = _fired(page, "O049")
    assert c.action == "insert" and c.after == "”"
    assert _title(page) == "“跑步让我更懂得坚持”"


def test_a_closer_read_as_a_clause_mark_over_a_dash_subtitle():
    page = cleaner.clean("让乡村既有“颜值”又有“产值、\n一一访四川省云台县委书记刘文斌\n\n" + BODY.format(""))
    (c,) = _fired(page, "O050")
    assert (c.before, c.after) == ("、", "”")
    assert _title(page) == "让乡村既有“颜值”又有“产值”"


def test_a_quote_over_a_line_that_is_no_dash_subtitle_is_left():
    # prose under it, not a dash subtitle
    page = cleaner.clean("“跑步让我更懂得坚持\n一天比一天跑得远,他说:开场。\n\n" + BODY.format(""))
    assert not _fired(page, "O049")
    # an enumeration in a quote broken off in a paragraph, the line under it prose
    page = cleaner.clean("做到“一次告知、\n一一对应,他说:开场。\n\n" + BODY.format(""))
    assert not _fired(page, "O050")


def test_a_dash_read_as_an_underscore_opens_the_subtitle_again():
    page = cleaner.clean("老旧小区改造惠及12.6万户\n\n_ 今年全市开工改造小区683个\n\n" + BODY.format(""))
    (c,) = _fired(page, "O051")
    assert (c.before, c.after) == ("_ ", "——")
    assert cleaner.page_dict(page)["articles"][0]["subtitle"] == "——今年全市开工改造小区683个"


def test_an_underscore_before_prose_or_before_one_is_left():
    # a row of text read across columns: clause marks in it
    assert not _fired(cleaner.clean("_ 文旅消费的火热，现了景区拥挤\n\n" + BODY.format("")), "O051")
    # 一 after it: the dash's second half or the subtitle's first word (O034's to weigh)
    assert not _fired(cleaner.clean("_一个村庄的治沙故事\n\n" + BODY.format("")), "O051")


def test_the_blank_left_for_a_lost_opener_takes_it_again():
    """ 土专家”带出致富路 (psm 3 sets a blank where it read no mark): the line closes a quote it
    did not open; the page need not print the quote anywhere else (O052)."""
    page = cleaner.clean(" 土专家”带出致富路\n\n" + BODY.format(""))
    (c,) = _fired(page, "O052")
    assert c.action == "insert" and c.after == "“"
    assert _title(page) == "“土专家”带出致富路"
    assert not _fired(page, "O048")
    # a paragraph's line too
    page = cleaner.clean(BODY.format("") + "\n 治沙这件事,没有终点。”他说。\n")
    assert _fired(page, "O052")


def test_a_line_opening_without_that_blank_or_with_its_quote_open_is_left():
    assert not _fired(cleaner.clean("土专家”带出致富路\n\n" + BODY.format("")), "O052")
    # several blanks: a row read across an empty column
    assert not _fired(cleaner.clean("    土专家”带出致富路\n\n" + BODY.format("")), "O052")
    # the quote opened on the line
    assert not _fired(cleaner.clean(" 这位“土专家”带出致富路\n\n" + BODY.format("")), "O052")


def test_a_heading_quoted_whole_with_both_marks_lost_over_a_dash_subtitle():
    """ 跑步让我更懂得坚持 / 一一访…: the blank is the opener's place (O053), the heading's end
    the closer's (O054)."""
    page = cleaner.clean(" 跑步让我更懂得坚持\n\n一一访全国马拉松锦标赛女子组冠军何晓雯\n\n" + BODY.format(""))
    assert [c.after for c in page.changes if c.rule in ("O053", "O054")] == ["“", "”"]
    assert _title(page) == "“跑步让我更懂得坚持”"


def test_a_blank_led_heading_over_no_dash_subtitle_is_left():
    page = cleaner.clean(" 跑步让我更懂得坚持\n\n天天坚持跑步,他说:开场。\n\n" + BODY.format(""))
    assert not _fired(page, "O053") and not _fired(page, "O054")
    # no blank before it: nothing says a mark was lost
    page = cleaner.clean("跑步让我更懂得坚持\n\n一一访全国马拉松锦标赛女子组冠军何晓雯\n\n" + BODY.format(""))
    assert not _fired(page, "O053") and not _fired(page, "O054")


SET_CLOSE = "让一湖碧水重回百姓身边\n{}\n成都商报-红星新闻记者 尹浩\n\n" + BODY.format("")


def test_a_lone_dash_right_under_its_title_opens_the_subtitle_again():
    """A scanned headline group set on consecutive lines: the subtitle's —— read as one 一 (O055)."""
    page = cleaner.clean(SET_CLOSE.format("一梅湖县持续推进湖泊生态修复纪实"))
    (c,) = _fired(page, "O055")
    assert (c.before, c.after) == ("一", "——")
    assert cleaner.page_dict(page)["articles"][0]["subtitle"] == "——梅湖县持续推进湖泊生态修复纪实"


def test_a_line_under_a_title_opening_on_a_word_with_one_is_left():
    # 一年 is a word: no dash
    assert not _fired(cleaner.clean(SET_CLOSE.format("一年来梅湖县持续推进湖泊修复")), "O055")
    # a line of prose (a clause mark in it)
    assert not _fired(cleaner.clean(SET_CLOSE.format("一梅湖县持续推进,湖泊生态修复")), "O055")
