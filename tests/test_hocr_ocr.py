"""OCR repairs of issue #18 (helper hocr): a byline run onto its headline's line, its
ornament misread."""

from __future__ import annotations

import pytest

import cleaner

# an article as Tesseract reads it (tests/test_stage_ocr.py's page): a misread bracket pair,
# half-width marks, a dash read as 一一, blank lines around every block
OCR_PAGE = (
    "春耕正当时\n\n"
    "一一大河县抢抓农时备耕生产见闻\n\n"
    "女本报记者 曹晨婷\n\n"
    "本报讯〈“YMG全媒体记者 张林海 通讯员\n汤波) 春分过后,气温回升,大河县32万亩\n"
    "耕地上处处是繁忙的春耕景象:旋耕机来回\n穿梭,无人机低空飞防,农民们抢抓农时\n"
    "整地备耕,为全年粮食丰收打下基础。\n\n"
    "种子备齐了\n\n"
    "在城关镇杨庄村,种粮大户杨德胜正忙着检\n修播种机。他今年流转了860亩土地,计划\n"
    "全部种上优质玉米和大豆。“种子、化肥早\n就备齐了,就等着墒情合适下地。”杨德胜\n"
    "说,今年县里又新建了一批高标准农田。\n"
)


def _title_line_page(line: str) -> str:
    """OCR_PAGE with its title and byline set on one line, as a paper sets a short headline."""
    return OCR_PAGE.replace("女本报记者 曹晨婷\n\n", "").replace("春耕正当时\n\n", line + "\n\n")


@pytest.mark.parametrize("line, title, byline", [
    ("春耕正当时  女本报记者 曹晨婷", "春耕正当时", "本报记者 曹晨婷"),  # ◎ read as 女
    ("抢抓农时备春耕  名本报评论员", "抢抓农时备春耕", "本报评论员"),  # as 名, a commentary's byline
    ("春耕正当时“忙”起来 @ 本报记者 曹晨婷 杨光", "春耕正当时“忙”起来", "本报记者 曹晨婷 杨光"),
])
def test_a_byline_ornament_misread_after_its_headline_is_set_again(line, title, byline):
    page = cleaner.clean(_title_line_page(line))
    assert any(c.rule == "O033" for c in page.changes)
    (art,) = page.articles
    assert art.title is not None and art.title.text == title
    assert art.byline is not None and art.byline.text == byline


def test_prose_ending_in_a_reporter_keeps_its_character():
    """A line with a clause mark before the blank is prose, not a headline: 女记者 stays."""
    page = cleaner.clean(_title_line_page("春耕正当时\n\n站在台上的， 女记者罗俊波报道"))
    assert not any(c.rule == "O033" for c in page.changes)
    # (over a dash subtitle the line is read as the title, L006: wherever it
    # goes, its 女 is text)
    kept = [b.text for a in page.articles for b in (a.title, *a.body) if b is not None]
    assert any("女记者罗俊波" in t for t in kept)


def _subtitle_page(subtitle: str) -> str:
    return OCR_PAGE.replace("一一大河县抢抓农时备耕生产见闻", subtitle)


def test_a_subtitle_dash_read_as_one_yi_is_a_dash_again():
    """OCR reads each em dash of —— as 一 or as nothing: 一大河县… under its title is the
    subtitle ——大河县… (O034), not a second title."""
    page = cleaner.clean(_subtitle_page("一走访大河县抢抓农时备耕生产见闻"))
    assert any(c.rule == "O034" for c in page.changes)
    (art,) = page.articles
    assert art.title.text == "春耕正当时"
    assert art.subtitle is not None and art.subtitle.text == "——走访大河县抢抓农时备耕生产见闻"


@pytest.mark.parametrize("line", [
    "一片茶叶富了一方百姓",  # 一片: a word, a title led by 一
    "一季度全市新增贷款1280亿元",
])
def test_a_heading_led_by_yi_that_makes_a_word_keeps_it(line):
    page = cleaner.clean(_subtitle_page(line))
    assert not any(c.rule == "O034" for c in page.changes)
    assert line in page.overlay.render(0, len(page.source))


def test_a_line_led_by_yi_that_ends_a_word_of_the_line_above_keeps_it():
    """…一套统 / 一的操作系统: 统一 runs across the break, the 一 is text."""
    text = _subtitle_page("一的操作系统连接在").replace("春耕正当时", "机床通过一套统")
    page = cleaner.clean(text)
    assert not any(c.rule == "O034" for c in page.changes)


def test_a_headline_quote_lost_at_its_end_closes_over_a_subtitle():
    """智能制造“加速跑 over its dashed subtitle: the headline's quote closes on its line (O037),
    though the page prints “加速跑” nowhere else (O028's evidence)."""
    text = OCR_PAGE.replace("春耕正当时", "春耕“加速跑")
    page = cleaner.clean(text)
    assert any(c.rule == "O037" for c in page.changes)
    assert page.articles[0].title.text == "春耕“加速跑”"


def test_a_line_cut_inside_a_quote_over_prose_keeps_it_open():
    text = OCR_PAGE.replace("种子备齐了\n\n", "海关部门推出“铁路快\n\n通”模式,货物通关更快了。\n\n")
    page = cleaner.clean(text)
    assert not any(c.rule == "O037" for c in page.changes)


@pytest.mark.parametrize("line", ["仿本报记者 曹晨婷", "人本报记者 曹晨婷"])
def test_any_character_before_this_papers_reporter_is_the_ornament(line):
    """Nothing of a name goes before 本报 (this paper): a character there, on a byline line, is
    the ornament misread (O038), whichever character the engine made of it."""
    page = cleaner.clean(OCR_PAGE.replace("女本报记者 曹晨婷", line))
    assert any(c.rule == "O038" for c in page.changes)
    assert page.articles[0].byline.text == "本报记者 曹晨婷"


def test_a_word_taking_this_papers_reporter_stays():
    page = cleaner.clean(OCR_PAGE.replace("女本报记者 曹晨婷", "受本报记者委托"))
    assert not any(c.rule == "O038" for c in page.changes)


def test_a_dash_read_as_yi_before_a_word_it_would_make_is_a_dash():
    """一大河县…: 一大 is a word, but 大河县 reads as well without the 一 (the lexicon reads the
    two no likelier together): the 一 is the subtitle's dash."""
    page = cleaner.clean(_subtitle_page("一大河县抢抓农时备耕生产见闻"))
    assert page.articles[0].subtitle.text == "——大河县抢抓农时备耕生产见闻"
