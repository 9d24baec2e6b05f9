"""O056 (ocr-heading-run-echo): a headline's slip corrected on the page's own words with one
agreeing character on a side at least, where O039 asks for two; only on OCR output."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules import default_rules

pytest.importorskip("jieba")

#: a lead with OCR's signs (〈 for （, half-width marks), {w} the words the text prints
TEXT = "本报讯〈记者张林海) 今年以来,{w}成效明显,车辆排队时间缩短:货主满意!\n"


def _fixes(page):
    return [(c.before, c.after) for c in page.changes if c.rule == "O056"]


def test_a_headings_last_character_is_corrected_from_four_before_it():
    """升瘟 makes no word and the text never prints it; the text reads 度持续升温: four
    characters before the slip agree, and the heading ends there."""
    page = cleaner.clean("让文旅消费热度持续升瘟\n\n" + TEXT.format(w="度持续升温"))
    assert _fixes(page) == [("瘟", "温")]
    (fix,) = [c for c in page.changes if c.rule == "O056"]
    assert fix.safety == "review" and "4 of the neighbours" in fix.reason
    assert page.articles[0].title.text == "让文旅消费热度持续升温"


def test_a_slip_inside_a_heading_needs_a_neighbour_on_each_side():
    """沙闪边缘: the text reads 沙漠边缘 (one character before, two after agree); 闪 is no
    look-alike of 漠 in any table, so no look-alike rule nor O039 (two either side) mends it."""
    page = cleaner.clean("沙闪边缘的村庄\n\n" + TEXT.format(w="在沙漠边缘"))
    assert _fixes(page) == [("闪", "漠")]
    assert not [c for c in page.changes if c.rule in ("O007", "O022", "O027", "O039")]


@pytest.mark.parametrize("heading, w", [
    ("沙闪边缘的村庄", "漠边缘"),  # one side only, inside the heading
    ("持续升瘟", "气温持续升温"),  # the heading's end: three before it agree, not four
    ("部署防汛备汛工作", "防汛防汛工作和备汛工作"),  # the text prints 备汛 itself: no slip
    ("动小微企业发展", "推动小微企业"),  # a heading's first character is never weighed
])
def test_no_correction_without_the_agreeing_neighbours(heading, w):
    page = cleaner.clean(f"{heading}\n\n" + TEXT.format(w=w))
    assert not _fixes(page)


def test_a_caption_is_left():
    """图为…: text type, read as well as the text, though it stands alone like a heading."""
    page = cleaner.clean("图为由老厂房改造而成的园区\n\n" + TEXT.format(w="由老厂房改造而来的园区"))
    assert not _fixes(page)


def test_a_text_layer_page_is_left():
    """No sign of OCR output (full-width marks, （）): the ocr stage does not run at all."""
    text = "让文旅消费热度持续升瘟\n\n本报讯（记者张林海）今年以来，文旅消费热度持续升温，货主满意。\n"
    assert not _fixes(cleaner.clean(text))
    assert not _fixes(cleaner.clean(text.replace("〈", "（"), extractor="pdftotext"))


def test_proposals_read_the_text_outside_the_headings_only():
    """A second copy of the heading (a pull quote of it) vouches for nothing: the evidence is
    the text outside the headings."""
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import heading_run_echo_proposals

    rules = default_rules()
    args = (rules["O056"], rules["O039"], rules["O027"], default_lexicon())
    text = "沙闪边缘的村庄\n\n沙漠边缘的村庄\n\n" + TEXT.format(w="车辆通关")
    assert not heading_run_echo_proposals(text, *args)
    text = "沙闪边缘的村庄\n\n" + TEXT.format(w="在沙漠边缘")
    ((off, x, y, n, gain, win, alt),) = heading_run_echo_proposals(text, *args)
    assert (off, x, y, n) == (1, "闪", "漠", 3) and gain >= 0 and alt == "沙漠边缘的村"


def test_figures_agree_as_characters_do():
    """12.6万己: the slip follows a figure; the text reads 12.6万户, four characters and
    figures before it agreeing (a mark among them passed over uncounted)."""
    page = cleaner.clean("老旧小区改造惠及12.6万己\n\n" + TEXT.format(w="惠及12.6万户"))
    assert _fixes(page) == [("己", "户")]


def test_a_quotation_mark_is_no_agreeing_neighbour():
    """加速跑”: the text reads 加速度” (度 between 速 and ”); the mark says nothing of the words,
    so one character agrees on the left and none on the right."""
    page = cleaner.clean("智能制造“加速跑”\n\n" + TEXT.format(w="跑出“加速度”"))
    assert not _fixes(page)
