"""Two repairs of what Tesseract leaves in its text (issue #18): the single quotation marks of
a quote inside a quote read as double ones (O029), and a 和 or 人 set for a speck of ink
(O030). Both run on OCR output only (O001 gates them)."""

from __future__ import annotations

import pytest

import cleaner

HEAD = "本报讯〈记者张林海) "
TAIL = "大家都说,好!\n"  # (the half-width marks and the bracket are the signs O001 counts)


def _fixes(page, rule: str) -> list[tuple[str, str]]:
    return [(c.before, c.after) for c in page.changes if c.rule == rule]


def test_a_quote_inside_a_quote_gets_its_single_marks():
    page = cleaner.clean(HEAD + "他说:“过去我们是“内陆腹地”,现在变成了“开放前沿”。”" + TAIL)
    assert _fixes(page, "O029") == [("“", "‘"), ("”", "’")] * 2
    assert "“过去我们是‘内陆腹地’，现在变成了‘开放前沿’。”" in page.articles[0].text


@pytest.mark.parametrize("text", [
    "他说:“过去我们是“内陆腹地”,现在变成了“开放前沿”。",  # the quote around them never closes
    "他说:“过去我们是内陆腹地。现在是“开放前沿”了”",  # a sentence's end before the inner pair
    "他说:“过去我们是“内陆腹地,现在变成了开放前沿”。”",  # a clause, not a term, inside
    "全县11个县“市)跻身百强,“强筋壮骨”了”",  # a misread bracket, not a quote
    "他说:“过去我们是“内陆腹地”\n\n现在变成了开放前沿。”",  # a blank line between
])
def test_no_single_marks_without_a_closed_quote_around_a_term(text):
    assert not _fixes(cleaner.clean(HEAD + text + TAIL), "O029")


def test_a_text_layer_keeps_its_double_marks():
    page = cleaner.clean("本报讯（记者张林海）他说：“过去我们是“内陆腹地”，现在变成了“开放前沿”。”\n")
    assert not _fixes(page, "O029")


def test_a_stray_character_is_taken_out_where_its_neighbours_join():
    page = cleaner.clean(HEAD + "小微企业前不和久接到一笔订单:开场!\n")
    (fix,) = [c for c in page.changes if c.rule == "O030"]
    assert (fix.action, fix.before, fix.after, fix.safety) == ("delete", "和", "", "review")
    assert "前不和久" in fix.reason and "前不久" in fix.reason  # both readings, and the gain
    assert "小微企业前不久接到一笔订单" in page.articles[0].text
    # across a line break too (the engine breaks a word over two lines)
    page = cleaner.clean(HEAD + "小微企业前不和\n久接到一笔订单:开场!\n")
    assert _fixes(page, "O030") == [("和", "")]


@pytest.mark.parametrize("text", [
    "小微企业和银行接到一笔订单:开场!\n",  # 和 joins two words: it stands
    "菜品油和盐都偏多,要少吃:开场!\n",  # 油盐 is a word, but 油和盐 reads too (under the margin)
    "每人每天走一万步:开场!\n",  # 每人 is a word
])
def test_a_character_that_reads_stays(text):
    assert not _fixes(cleaner.clean(HEAD + text), "O030")


def test_a_text_layer_keeps_its_characters():
    assert not _fixes(cleaner.clean("本报讯（记者张林海）小微企业前不和久接到一笔订单。\n"), "O030")


NEXT = "\n\n运维船靠近风机,队员们看准时机:开场!\n"


def test_a_paragraphs_lost_closing_quote_is_set_again():
    page = cleaner.clean(HEAD + "他说:“窗口期往往只有几个小时,必须抢时间。" + NEXT)
    (fix,) = [c for c in page.changes if c.rule == "O031"]
    assert (fix.action, fix.after, fix.safety) == ("insert", "”", "review")
    assert "必须抢时间。”" in page.articles[0].text
    # after a sentence's end too, the block broken over lines
    page = cleaner.clean(HEAD + "风速超过每秒12米。“窗口期往往只有\n几个小时,必须抢时间。" + NEXT)
    assert _fixes(page, "O031") == [("", "”")]


@pytest.mark.parametrize("block, nxt", [
    ("“窗口期往往只有几个小时,必须抢时间。", NEXT),  # a quote that opens the block (a pull quote)
    ("他说:“窗口期往往只有几个小时。必须抢时间。", NEXT),  # two sentences: which one closes it?
    ("他说:“窗口期往往只有几个小时,项目负责人说。", NEXT),  # an attribution: a closer read as an opener
    ("他说:“窗口期往往只有几个小时,必须抢时间", NEXT),  # no sentence's end
    ("他说:“窗口期往往只有几个小时,必须抢时间。", "\n\n运维船靠近风机,就得马上出发。”队员们说:开场!\n"),  # goes on
    ("他说:“窗口期往往只有几个小时,必须抢时间。", "\n\n“运维船靠近风机,队员们看准时机:开场!”\n"),  # a quote of paragraphs
])
def test_no_closing_quote_where_the_quote_may_go_on_or_close_elsewhere(block, nxt):
    assert not _fixes(cleaner.clean(HEAD + block + nxt), "O031")


def test_a_text_layer_keeps_its_open_quote():
    page = cleaner.clean("本报讯（记者张林海）他说：“窗口期往往只有几个小时，必须抢时间。\n\n运维船靠近风机。\n")
    assert not _fixes(page, "O031")


def test_a_lone_closer_of_a_credit_cut_from_its_head_is_widened():
    page = cleaner.clean("者 贾秀超) 近日,多地出台:好!\n", extractor="ocr")
    assert _fixes(page, "O032") == [(")", "）")]
    page = cleaner.clean(HEAD + "中国队以25∶20) 逆转:好!\n")
    assert (")", "）") in _fixes(page, "O032")


def test_a_half_width_pair_on_its_line_and_a_text_layer_keep_their_closer():
    assert not _fixes(cleaner.clean(HEAD + "今日空气(PM2.5)达标:好!\n"), "O032")
    assert not _fixes(cleaner.clean("者贾秀超) 近日，多地出台。\n"), "O032")
