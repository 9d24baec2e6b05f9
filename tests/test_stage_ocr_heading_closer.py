"""O028: a heading's closing quotation mark OCR lost at the line's end is set again where the
page prints the quoted words closed elsewhere, and only there."""

from __future__ import annotations

import cleaner

BODY = "本报讯〈记者张林海) 1月28日,安徽省黄山市的祠堂前搭起了大舞台:{}开场。\n"


def _o028(text: str):
    return [c for c in cleaner.clean(text).changes if c.rule == "O028"]


def test_a_heading_quote_left_open_is_closed_where_the_page_prints_it_closed():
    page = cleaner.clean("祠堂前唱响“村晚\n\n" + BODY.format("一场“村晚”"))
    (c,) = [c for c in page.changes if c.rule == "O028"]
    assert c.action == "insert" and c.after == "”"
    assert cleaner.page_dict(page)["articles"][0]["title"] == "祠堂前唱响“村晚”"


def test_a_line_whose_quote_goes_on_elsewhere_is_left():
    """海关部门推出“铁路快 / 通”: the quote closes on the next block; the page never prints
    “铁路快” closed."""
    assert not _o028("海关部门推出“铁路快\n\n通”模式。" + BODY.format("一场“村晚”"))
    # one character quoted (稳外贸要在“新 / 字上下功夫): a headline broken there, left as it is
    assert not _o028("稳外贸要在“新\n\n" + BODY.format("在“新”字上"))
    # a paragraph opening on a quotation is no heading
    assert not _o028("“没有抵押也能贷\n\n" + BODY.format("“没有抵押也能贷”"))
    # a text layer is never repaired
    assert not _o028("祠堂前唱响“村晚\n\n本报讯（记者张林海）1月28日，一场“村晚”开场。\n")
