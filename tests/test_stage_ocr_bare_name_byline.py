"""O057: on OCR output, a byline that is names alone (□杨明伟) whose ornament the engine read as
口, 女, 名 or @ is a byline again, under a headline or over a dateline; not a word (女单打), not a
name between two prose paragraphs, and never on a text layer."""

from __future__ import annotations

import pytest

import cleaner

BODY = ("本报讯〈记者张林海) 1月28日,祠堂前搭起了大舞台:开场。村民们说:很好!今年的活动比往年更加热闹,"
        "吸引了周边群众前来观看。\n\n")


def _page(line: str) -> str:
    return "祠堂前唱响“村晚”\n\n" + line + "\n\n" + BODY


@pytest.mark.parametrize("line, name", [("口薛涛晨", "薛涛晨"), ("@黎娟磊", "黎娟磊"), ("@@段思红", "段思红"),
                                        ("女陶颖红", "陶颖红"), ("名闫友强", "闫友强")])
def test_a_bare_name_bylines_ornament_read_as_debris_is_an_ornament_again(line, name):
    (art,) = cleaner.clean(_page(line)).articles
    assert art.title.text == "祠堂前唱响“村晚”"
    assert art.byline is not None and art.byline.text == name
    assert "O057" in [c.rule for c in cleaner.clean(_page(line)).changes]


def test_a_word_after_the_debris_character_is_left_alone():
    page = cleaner.clean(_page("女单打"))
    assert "O057" not in [c.rule for c in page.changes]


def test_a_name_alone_between_two_prose_paragraphs_is_left_alone():
    text = BODY + "口乌军雨\n\n" + "1月25日晚,由钱塘越剧团创排的新编历史越剧在杭州剧院首演。\n"
    assert "O057" not in [c.rule for c in cleaner.clean(text).changes]


def test_a_text_layer_is_never_touched():
    text = _page("口薛涛晨").replace("〈", "（").replace(")", "）").replace(",", "，").replace(":", "：").replace("!", "！")
    page = cleaner.clean(text)
    assert not [c for c in page.changes if c.stage == "ocr"]


def test_neighbour_lines_skip_blank_lines_and_stop_at_the_page_edges():
    from cleaner.stages.ocr import _neighbour_lines

    text = "标题一行\n\n  \n口薛涛晨\n\n本报讯 今天\n"
    at = text.index("口薛涛晨")
    assert _neighbour_lines(text, at, at + 4) == ("标题一行", "本报讯 今天")
    assert _neighbour_lines("口薛涛晨", 0, 4) == ("", "")
