"""The ocr stage: OCR output detected from its own signs, repaired rule by rule, text layers
left alone; and the OCR set (``benchmarks/ocr_set``: the extractor set's typeset pages read by
Tesseract, gold from the typesetting), whose figures must not fall below what the cleaner
reaches today, every page keeping its text."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.rules import default_rules
from cleaner.stages.ocr import is_ocr

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "benchmarks" / "ocr_set"

# an article as Tesseract reads it: a misread bracket pair, half-width marks, a dash read as
# 一一, the byline's ornament read as a character, blank lines around every block
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


def _rules(page) -> list[str]:
    return [c.rule for c in page.changes]


def test_ocr_output_is_detected_and_repaired():
    page = cleaner.clean(OCR_PAGE)
    assert "O001" in _rules(page)
    (art,) = page.articles
    assert art.title.text == "春耕正当时"
    assert art.subtitle.text == "——大河县抢抓农时备耕生产见闻"
    assert art.byline.text == "本报记者 曹晨婷"
    text = art.text
    assert "本报讯（YMG全媒体记者张林海通讯员汤波）春分过后，气温回升，大河县32万亩" in text
    assert "春耕景象：旋耕机" in text


def test_a_blank_line_before_a_heading_parts_no_articles_on_ocr_output():
    """OCR sets a blank line around every block: one before a heading says nothing of an
    article boundary there (on a text page whose blank lines part articles, it does)."""
    from types import SimpleNamespace

    from cleaner.stages.assemble.text import page_gap

    for extractor, parts in (("auto", False), ("plain", True)):
        page = cleaner.clean(OCR_PAGE, extractor=extractor)
        k = next(ln.index for ln in page.lines if ln.text == "种子备齐了")
        assert page.lines[k].gap_before and page.layout.gaps_informative[k]
        assert page_gap(page, SimpleNamespace(first=k)) is parts


def test_a_heading_set_apart_by_blank_lines_is_a_subhead_on_ocr_output():
    page = cleaner.page_dict(cleaner.clean(OCR_PAGE))
    assert len(page["articles"]) == 1
    assert [b["text"] for b in page["articles"][0]["blocks"] if b["kind"] == "subhead"] == ["种子备齐了"]


#: two paragraphs as an OCR engine reads a column of 18 ems: blank lines only before a paragraph
COLUMN = [
    "在城关镇杨庄村，种粮大户杨德胜正忙着", "检修播种机。他今年流转了860亩土地",
    "，计划全部种上优质玉米和大豆。种子和", "化肥早就备齐了，就等着墒情合适下地。",
    "杨德胜说，今年县里又新建了一批高标准", "农田，灌溉和排水都方便多了，村里的年",
    "轻人也回来了不少，跟着他学开农机。", "",
    "县农业农村局还开通了春耕服务热线，农", "民遇到问题可以随时咨询。",
]


@pytest.mark.parametrize("cut", [3, 5])
def test_a_paragraph_goes_on_over_the_blank_line_where_its_column_ends_on_ocr_output(cut):
    """An OCR engine sets a blank line where a column's text ends, inside a paragraph too:
    after a full line that closes no sentence it is no paragraph break (J001 column_end,
    weighed on OCR output only: the rules' ``ocr`` numbers)."""
    text = "\n".join(COLUMN[:cut] + [""] + COLUMN[cut:]) + "\n"
    paras = [b.text for b in cleaner.clean(text, extractor="ocr").articles[0].body]
    assert len(paras) == 2 and COLUMN[cut - 1] + COLUMN[cut] in paras[0]
    rules = default_rules()
    assert rules["J001"].params["weights"]["column_end"] == 0  # (not a cue of a text layer)
    assert rules.on_ocr()["J001"].params["weights"]["column_end"] < 0


def test_a_first_line_goes_on_over_the_blank_line_an_ocr_engine_set_under_it(wrap):
    """Tesseract reads a paragraph's indented first line as a block of its own and sets a blank
    line under it: a first line one indent short of the lines under it, with a comma and no
    sentence closed, goes on over that blank (J001 open_first_goes_on, OCR output only)."""
    para = ("县农业农村局还开通了热线，农民遇到问题可以随时咨询，技术人员二十四小时在线解答，"
            "确保春耕生产顺利进行，不误农时。")
    lines = wrap(para, column=16)
    assert "，" in lines[0] and len(lines) >= 3
    text = "\n\n".join(["杨德胜说，今年县里又新建了一批高标准农田。", "\n".join([lines[0]]),
                         "\n".join(lines[1:])]) + "\n"
    paras = [b.text for b in cleaner.clean(text, extractor="ocr").articles[0].body]
    assert para in paras
    rules = default_rules()
    assert rules["J001"].params["weights"]["open_first_goes_on"] == 0  # (not a cue of a text layer)
    assert rules.on_ocr()["J001"].params["weights"]["open_first_goes_on"] < -rules.on_ocr()["J001"].params["weights"]["blank_line"]


def test_a_headline_over_a_blank_line_is_no_first_line_going_on(wrap):
    """A line without a clause mark (a headline) one indent short of the text under it keeps
    the blank line's break on OCR output."""
    para = "县农业农村局还开通了春耕服务热线，农民遇到问题可以随时咨询，技术人员二十四小时在线解答。"
    text = "春耕服务热线开通了\n\n" + "\n".join(wrap(para, column=14, indent=0)) + "\n"
    page = cleaner.clean(text, extractor="ocr")
    assert page.articles[0].title is not None and page.articles[0].title.text == "春耕服务热线开通了"


def test_text_layers_are_never_read_as_ocr():
    rule = default_rules()["O001"]
    for path in [ROOT / "samples" / "kjrb-yuanqu-page.txt",
                 *sorted((ROOT / "benchmarks" / "extractor_set" / "dev" / "pymupdf").glob("*.txt"))[:4]]:
        assert not is_ocr(path.read_text(encoding="utf-8"), rule)[0], path.name
    clean_text = OCR_PAGE.replace(",", "，").replace(":", "：").replace("〈“", "（").replace(")", "）") \
        .replace("一一", "——").replace("女本报", "本报")
    assert not is_ocr(clean_text, rule)[0]
    assert not any(r.startswith("O") for r in _rules(cleaner.clean(clean_text)))


def test_the_extractor_option_forces_or_rules_out_the_repairs():
    one_sign = "本报讯〈记者张林海) 祠堂前搭起了大舞台，一场“村晚”开场。\n"
    assert "O003" not in _rules(cleaner.clean(one_sign))  # one sign is not enough
    assert "O003" in _rules(cleaner.clean(one_sign, extractor="ocr"))
    assert not any(r.startswith("O") for r in _rules(cleaner.clean(OCR_PAGE, extractor="pdfminer")))


def test_brackets_of_their_own_kind_and_prose_dashes_stay():
    page = cleaner.clean("本报讯〈记者张林海) 快板《说说咱村新变化》,台下“村晚”开场:\n大河县一一落实了措施。\n",
                         extractor="ocr")
    text = page.articles[0].text
    assert "《说说咱村新变化》" in text and "“村晚”" in text and "一一落实" in text


def test_a_percent_with_a_stray_digit_is_flagged_never_changed():
    page = cleaner.clean("本报讯（记者张林海）同比增长%6。\n", extractor="ocr")
    flags = [c for c in page.changes if c.rule == "O006"]
    assert len(flags) == 1 and flags[0].safety == "review" and flags[0].before == flags[0].after == "%6"
    assert "%6" in page.articles[0].text


@pytest.mark.parametrize("read, meant", [("同比增长5.3%6。", "同比增长5.3%。"), ("占全天的25%6至30%。", "占全天的25%至30%。"),
                                         ("增长22%6，其中", "增长22%，其中")])
def test_a_digit_after_a_percent_sign_is_taken_out(read, meant):
    """Tesseract reads the wide % as % and a digit; no Chinese text sets a digit right after a
    % (O026). The digit it may add before the % is left to O006's flag."""
    page = cleaner.clean(f"本报讯（记者张林海）前三季度，全省{read}\n", extractor="ocr")
    assert meant in page.articles[0].text
    assert [c.safety for c in page.changes if c.rule == "O026"] == ["review"]


def test_a_number_after_a_percent_sign_and_a_range_stay():
    page = cleaner.clean("本报讯（记者张林海）同比增长5.3%，增速5%至10%，占比12%。\n", extractor="ocr")
    assert not [c for c in page.changes if c.rule == "O026"]
    assert not [c for c in cleaner.clean("同比增长5.3%6。\n").changes if c.rule == "O026"]  # (a text layer)


def test_repairs_are_idempotent():
    once = cleaner.clean(OCR_PAGE)
    text = "\n\n".join(a.text for a in once.articles)
    twice = cleaner.clean(text, extractor="ocr")
    assert not [c for c in twice.changes if c.rule in ("O002", "O003", "O004", "O005")]


#: what the cleaner reaches on the OCR set's test pages today, a little under it (measured with
#: the OCR stage, C003 and the OCR layout weights: psm3 seg 61.1, para 27.2, CER 23.3; scan 64.5,
#: 33.6, 21.7; psm4 7.8, 7.7, 94.2. Before any of them: psm3 46.6, 19.8, 40.0; scan 39.3, 21.2,
#: 48.2; psm4 1.4, 6.3, 116.0)
FLOORS = {
    "psm3": {"seg_f1": 59.0, "para_f1": 26.0, "cer_max": 25.0},
    "psm4": {"seg_f1": 6.0, "para_f1": 6.5, "cer_max": 96.0},
    "scan": {"seg_f1": 62.0, "para_f1": 32.0, "cer_max": 23.5},
}


@pytest.mark.skipif(not SET.is_dir(), reason="OCR set not here")
@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_ocr_set_figures_hold(variant, figures_hold):
    figures_hold(SET / "test" / variant, FLOORS[variant])


@pytest.mark.skipif(not SET.is_dir(), reason="OCR set not here")
def test_ocr_set_pages_keep_every_character(pages_losing_text):
    assert pages_losing_text(SET) == []


def test_a_lookalike_is_corrected_only_where_the_lexicon_argues_for_it():
    page = cleaner.clean("本报讯〈记者张林海) 今年以来,他每个月能多挣七八干元:日子越过越好!\n")
    (fix,) = [c for c in page.changes if c.rule == "O007"]
    assert (fix.before, fix.after, fix.safety) == ("干", "千", "review")
    assert "七八干元" in fix.reason and "七八千元" in fix.reason  # both readings, and the gain
    # the same characters in a word of their own stay: 干部 is a word, 干元 is not
    page = cleaner.clean("本报讯〈记者张林海) 今年以来,基层干部每个月能:日子越过越好!\n")
    assert not [c for c in page.changes if c.rule == "O007"]


ECHO_TEXT = "本报讯〈记者张林海) 村里的{w}王大山,带着乡亲们种果树:日子越过越好!\n"


def test_a_headings_slip_is_corrected_where_the_page_prints_the_word():
    """O022: 士 makes no word in the heading, 土 does, and the text under it reads 土专家."""
    page = cleaner.clean("“士专家”带出致富路\n\n" + ECHO_TEXT.format(w="土专家"))
    (fix,) = [c for c in page.changes if c.rule == "O022"]
    assert (fix.before, fix.after, fix.safety) == ("士", "土", "review")
    assert "土专家" in fix.reason and "1 time" in fix.reason
    assert page.articles[0].title.text == "“土专家”带出致富路"
    # a heading broken over two lines is a heading too
    page = cleaner.clean("村里来了\n“士专家”带出致富路\n\n" + ECHO_TEXT.format(w="土专家"))
    assert [(c.before, c.after) for c in page.changes if c.rule == "O022"] == [("士", "土")]


@pytest.mark.parametrize("heading, text", [
    ("“士专家”带出致富路", ECHO_TEXT.format(w="专家")),  # the page never prints 土专家
    ("“士专家”带出致富路", ECHO_TEXT.format(w="土专家") + "又一位士专家来了,大家都笑了!\n"),  # nor 士专家 only once
    ("“士专家”带出致富路,大家都来了", ECHO_TEXT.format(w="土专家")),  # a sentence, not a heading
])
def test_no_page_echo_without_the_pages_evidence(heading, text):
    page = cleaner.clean(f"{heading}\n\n{text}")
    assert not [c for c in page.changes if c.rule == "O022"]


def test_page_echo_weighs_headings_only():
    """A slip in the text is left to O007: a right fix there can echo another article's words
    and part or join articles the decoder read right."""
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import echo_proposals

    rules = default_rules()
    text = "村里的士专家王大山种果树。\n\n" + ECHO_TEXT.format(w="土专家")
    assert not echo_proposals(text, rules["O022"], rules["O007"], default_lexicon())
    text = "“士专家”带出致富路\n\n" + ECHO_TEXT.format(w="土专家")
    (p,) = echo_proposals(text, rules["O022"], rules["O007"], default_lexicon())
    assert p[:4] == (1, "士", "土", 1)

HEAD_ECHO_TEXT = "本报讯〈记者张林海) 今年以来,{w}成效明显,车辆排队时间缩短:货主满意!\n"


def test_a_headings_slip_outside_the_table_is_corrected_from_the_text_under_it():
    """O039: 峡 for 岸 is in no look-alike table; 峡 makes no word in the heading, 岸 does, and
    the text under it reads the same two characters either side around 岸."""
    page = cleaner.clean("边境口峡通关提速\n\n" + HEAD_ECHO_TEXT.format(w="边境口岸通关"))
    (fix,) = [c for c in page.changes if c.rule == "O039"]
    assert (fix.before, fix.after, fix.safety) == ("峡", "岸", "review")
    assert "1 time" in fix.reason
    assert page.articles[0].title.text == "边境口岸通关提速"


@pytest.mark.parametrize("heading, w", [
    ("边境口峡通关提速", "口岸通关"),  # one side only (境口 is not read before 岸)
    ("边境口峡通关提速", "境口岸通"),  # the text agrees on one character either side only
    ("边境口峡通关提速,车辆排队", "边境口岸通关"),  # a sentence, not a heading
    ("县委书记梁振华", "县委书记孙振华"),  # a name after a post is never corrected
    ("持续升瘟", "气温持续升温"),  # a heading's last character: one side only (ends off)
])
def test_no_heading_echo_without_four_agreeing_neighbours(heading, w):
    page = cleaner.clean(f"{heading}\n\n" + HEAD_ECHO_TEXT.format(w=w))
    assert not [c for c in page.changes if c.rule == "O039"]


def test_heading_echo_never_takes_a_headings_own_words_as_evidence():
    """The heading's text is left out of the contexts: a second copy of the heading (its fake
    bold, a pull quote of it) vouches for neither reading."""
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import heading_echo_proposals

    rules = default_rules()
    text = "边境口峡通关提速\n\n" + HEAD_ECHO_TEXT.format(w="边境口岸通关提速")
    got = [(x, y) for _, x, y, *_ in heading_echo_proposals(text, rules["O039"], rules["O027"], default_lexicon())]
    assert got == [("峡", "岸")]
    text = "边境口峡通关提速\n\n边境口岸通关提速\n\n" + HEAD_ECHO_TEXT.format(w="车辆通关")
    assert not heading_echo_proposals(text, rules["O039"], rules["O027"], default_lexicon())


def test_names_are_never_corrected():
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import lookalike_proposals

    rule = default_rules()["O007"]
    near = "本报讯（记者干元）七八干元"
    offsets = {p[0] for p in lookalike_proposals(near, rule, default_lexicon())}
    assert near.index("干元") not in offsets and near.rindex("干元") in offsets


def test_a_line_of_a_name_alone_is_never_corrected():
    """A commentary's author on a line of its own (口薛涛晨: 涛 makes no word there, 清晨 does)."""
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import lookalike_proposals

    rule = default_rules()["O007"]
    for line in ("口薛涛晨", "薛涛晨", "@ 薛涛晨"):
        assert not lookalike_proposals(f"{line}\n", rule, default_lexicon())
    assert lookalike_proposals("他起了个大涛晨。\n", rule, default_lexicon())  # in a sentence it is weighed


def test_the_lookalike_table_pairs_glyphs_that_look_alike():
    from cleaner.stages.ocr import lookalike_table

    table = lookalike_table(())
    assert "士" in table["土"] and "未" in table["末"] and "干" in table["千"]


def _byline_page(byline: str) -> str:
    return OCR_PAGE.replace("女本报记者 曹晨婷", byline)


@pytest.mark.parametrize("line, expect", [
    ("全 新京报记者 钱凌浩 徐嘉志", "新京报记者 钱凌浩 徐嘉志"),  # the ornament read as 全
    ("@ 本报评论员", "本报评论员"),  # a commentary's byline names no one
    ("口记者董兵晓报道", "记者董兵晓报道"),  # □记者X报道
    ("中青报， 中青网记者 龙晨佳", "中青报·中青网记者 龙晨佳"),  # the middle dot read as ， and a blank
    ("齐鲁晚报. 齐鲁壹点记者 徐杰", "齐鲁晚报·齐鲁壹点记者 徐杰"),
])
def test_bylines_ocr_misread_are_recognised(line, expect):
    (art,) = cleaner.clean(_byline_page(line)).articles
    assert art.byline is not None and art.byline.text == expect


@pytest.mark.parametrize("line, expect", [
    ("本报记1 曹晨婷", "本报记者 曹晨婷"),  # 者 read as the digit 1
    ("华西都市报- 封面新闻记者 向琳 杜然平", "华西都市报-封面新闻记者 向琳 杜然平"),  # a blank after the hyphen
    ("@@成都商报- 红星新闻记者 江思", "成都商报-红星新闻记者 江思"),  # the ornament before a two-part outlet
    ("中青报中青网记1 龙晨佳", "中青报·中青网记者 龙晨佳"),  # the middle dot lost
])
def test_more_bylines_ocr_misread_are_recognised(line, expect):
    (art,) = cleaner.clean(_byline_page(line)).articles
    assert art.byline is not None and art.byline.text == expect


_DATELINE = "本报讯〈“YMG全媒体记者 张林海 通讯员\n汤波)"


@pytest.mark.parametrize("dateline, expect", [
    # the opening bracket read as nothing, the closer half-width
    ("本报讯 YMG全媒体记者 张林海 通讯员\n汤波)", "本报讯（YMG全媒体记者张林海通讯员汤波）"),
    ("本报讯YMG全媒体记者张林海 通讯员汤波)", "本报讯（YMG全媒体记者张林海通讯员汤波）"),
    # the middle dot read as a colon (which the normalise stage had widened), or lost
    ("中国青年报客户端讯〈中青报:中青网记者 张林海)", "中国青年报客户端讯（中青报·中青网记者张林海）"),
    ("中国青年报客户端讯 中青报:中青网记者 张林海)", "中国青年报客户端讯（中青报·中青网记者张林海）"),
    ("中国青年报客户端讯〈中青报中青网记者 张林海)", "中国青年报客户端讯（中青报·中青网记者张林海）"),
    ("中国青年报客户端讯〈中青报:中青网\n记者 张林海)", "中国青年报客户端讯（中青报·中青网记者张林海）"),
    ("本报讯〈记1 张林海 通讯员 汤波)", "本报讯（记者张林海通讯员汤波）"),  # 者 read as 1
    ("未报讯〈德州晚报全媒体记者 张林海)", "本报讯（德州晚报全媒体记者张林海）"),  # 本 read as 未
])
def test_datelines_ocr_misread_are_recognised(dateline, expect):
    page = cleaner.clean(OCR_PAGE.replace(_DATELINE, dateline))
    (art,) = page.articles
    assert art.dateline == expect
    assert art.text.startswith(expect)


def test_a_stray_closing_bracket_in_prose_gets_no_opener():
    """O012 puts back only a credit's opener: prose that runs to a stray bracket stays."""
    page = cleaner.clean(OCR_PAGE.replace(_DATELINE, "本报讯 今年以来全市新增岗位3万个)"))
    assert "O012" not in _rules(page)
    page = cleaner.clean(OCR_PAGE.replace(_DATELINE, "本报讯 记者从市里获悉，今年新增岗位)"))
    assert "O012" not in _rules(page)  # a sentence mark: not a credit


@pytest.mark.parametrize("heading, expect", [
    ("让文物 “活 起来", "让文物 “活”起来"),  # the closer read as a blank
    ("少些“唯金牌论-", "少些“唯金牌论”"),  # or as a dash at the line's end
    ("市政协围绕“一老 新京报记者 韦婷秀", None),  # a byline run on: the headline's rest is elsewhere
])
def test_a_headings_lost_closing_quote(heading, expect):
    page = cleaner.clean(OCR_PAGE.replace("春耕正当时", heading))
    fixes = [c for c in page.changes if c.rule == "O019"]
    if expect is None:
        assert not fixes
    else:
        assert len(fixes) == 1 and page.articles[0].title.text == expect


def test_a_body_lines_quote_going_on_is_left():
    """A column's line whose quotation goes on to the next line keeps its blank (not a heading)."""
    page = cleaner.clean(OCR_PAGE.replace("检\n修播种机", "推广“双师 课\n堂”播种机"))
    assert "O019" not in _rules(page)


def test_a_widened_mark_is_not_widened_twice():
    """The normalise stage widens ``:`` between Han characters; the ocr stage records no second
    change that says the same."""
    page = cleaner.clean(OCR_PAGE.replace("气温回升,", "气温回升:"))
    colon = OCR_PAGE.replace("气温回升,", "气温回升:").index("气温回升:") + 4
    assert [c.rule for c in page.changes if c.span == (colon, colon + 1)] == ["N003"]


def test_a_byline_ornament_read_as_letters_is_a_sign_of_ocr_output():
    rule = default_rules()["O001"]
    found, counts = is_ocr("GO经济日报记者钱兰\n", rule)
    assert counts["byline ornament read as a mark or 口"] == 1
    _, counts = is_ocr("◎经济日报记者钱兰\n○本报记者 王五\n□记者魏然报道\n国际台记者 张三\n", rule)
    assert counts["byline ornament read as a mark or 口"] == 0


def test_a_misread_bracket_is_closed_over_a_blank_line():
    """The engine may set a blank line inside a dateline's bracket where a block it read ends."""
    page = cleaner.clean(OCR_PAGE.replace("本报讯〈“YMG全媒体记者 张林海 通讯员\n汤波)",
                                          "本报讯〈“YMG全媒体记者 张林海 通讯员\n\n汤波)"))
    assert "本报讯（YMG全媒体记者张林海通讯员" in page.articles[0].text


#: an OCR engine read the byline's block between two stretches of its article's text
BYLINE_INSIDE = """老街夜市点亮小城烟火气

本报讯 华灯初上，桐溪县老街夜市人头攒动，各色小吃摊前排起了长队，
河畔的露天舞台上正上演着地方戏曲，吸引了不少市民驻足观看。

今年以来，桐溪县大力发展夜间经济，夜间消费额同比增长百分之二十，
老街夜市成为市民和游客夜晚休闲的好去处。

本报记者 杜雨宏

在老街经营一家小吃店的店主说，晚上的营业额比白天还多，一个月能
多挣七八千元。桐溪县商务局表示，下一步将完善老街夜市的交通配套。

县里还推出了夜游古镇、夜间演出等项目，让老街夜市的游客在夜里也
有得玩、有得看，桐溪县的夜间经济越来越红火。
"""


def test_a_byline_read_inside_its_articles_text_on_ocr_output():
    """On OCR output a byline between two stretches of one story's text is the story's, and
    the story goes on after it (A003 byline_inside_cost); read as closing the article, it left
    the rest untitled. A text layer is never read so."""
    page = cleaner.clean(BYLINE_INSIDE, extractor="ocr")
    assert len(page.articles) == 1
    a = page.articles[0]
    assert a.title.text == "老街夜市点亮小城烟火气" and a.byline.text == "本报记者 杜雨宏" and len(a.body) == 4
    assert any("read inside its text" in c.reason for c in page.changes if c.rule == "A003")
    text_layer = cleaner.clean(BYLINE_INSIDE, extractor="pymupdf")
    assert not any("read inside its text" in c.reason for c in text_layer.changes if c.rule == "A003")


#: a subhead between two stretches of one story, worded as a title would be (the paragraph
#: under it repeats it); the text around it goes on: the sections share the story's words
SUBHEAD_IN_STORY = """桐溪县老街夜市人气旺

本报讯 华灯初上，桐溪县老街夜市人头攒动，各色小吃摊前排起了长队，
露天舞台上正上演着地方戏曲，吸引了不少市民驻足观看。

今年以来，当地大力发展夜间经济，夜间消费额同比增长两成，成为市民
和游客晚上休闲的好去处。

商务部门表示，这里引入商户三百多家，带动就业两千余人，下一步
将完善交通、停车等配套服务。

小吃店主乐开花

一位小吃店主说，晚上的营业额比白天还多，一个月能多挣七八千元，
生意越做越好。

商务部门说，发展夜间经济，夜间消费额同比增长，引入商户、带动就业，
完善交通、停车等配套服务，让市民和游客晚上休闲有好去处。
"""


def test_a_subhead_the_text_around_goes_on_across_on_ocr_output():
    """On OCR output the text three paragraphs before a lone heading shares with the two after
    it makes the heading a subhead (A003 subhead_cohesion), not the next article's title; a
    text layer does not weigh it (0 there)."""
    page = cleaner.clean(SUBHEAD_IN_STORY, extractor="ocr")
    assert [a.title.text for a in page.articles] == ["桐溪县老街夜市人气旺"]
    assert [b.kind for b in page.articles[0].body] == ["paragraph"] * 3 + ["subhead"] + ["paragraph"] * 2
    rules = default_rules()
    assert rules["A003"].params["subhead_cohesion"] == 0 < rules.on_ocr()["A003"].params["subhead_cohesion"]


@pytest.mark.parametrize("block, dropped", [
    ("扯 月上 1基 [速", True),  # a picture read as characters: few Han, a mark no text sets alone
    ("<不口", True),
    ("2009年1月26日 星|一", True),  # the page's date line, its 期 read as a bar
    ("城区集中供暖如|启动", False),  # a headline with a slip: too many Han characters for debris
    ("对于困难家庭毕业生、长|失业青", False),
])
def test_picture_debris_with_a_stray_mark_is_dropped(block, dropped):
    page = cleaner.clean(OCR_PAGE + f"\n\n{block}\n")
    hits = [c for c in page.changes if c.rule == "L008" and block in c.reason]
    assert bool(hits) == dropped


@pytest.mark.parametrize("text, expect", [
    ("浙江队以98 : 95险胜对手", "98∶95"),  # a blank either side: the wide ratio colon
    ("以21 :25失利", "21∶25"),
    ("会议于10:30开始", "10:30"),  # a time's tight colon stays
])
def test_a_scores_ratio_colon(text, expect):
    page = cleaner.clean(f"本报讯〈记者张林海) 12月3日,{text}:大家都来了!\n")
    assert expect in "".join(cleaner.page_dict(page)["articles"][0]["blocks"][0]["text"].split())


@pytest.mark.parametrize("text, expect", [
    ("国内生产总值《GDP)同比增长", "（GDP）"),
    ("居民消费价格指数 (CPI) 上涨", "（CPI）"),
    ("加入世界贸易组织〈WTO)以来", "（WTO）"),
])
def test_an_abbreviations_bracket_pair(text, expect):
    page = cleaner.clean(f"本报讯〈记者张林海) 12月3日,{text}:大家都来了!\n")
    assert expect in "".join(cleaner.page_dict(page)["articles"][0]["blocks"][0]["text"].split())


def test_a_half_width_mark_before_a_blank_and_han_text():
    """O002: the engine sets a blank after a half-width mark; after Latin text or a number the
    mark has Han text on neither side."""
    page = cleaner.clean("本报讯〈记者张林海) 打造有温度的文旅IP; 也要在服务上下功夫,增长3.8% ;第二产业:大家都来了!\n")
    text = "".join(cleaner.page_dict(page)["articles"][0]["blocks"][0]["text"].split())
    assert "文旅IP；也要" in text and "3.8%；第二" in text


# OCR repairs of a byline run onto its headline's line, its ornament misread, and a subtitle's
# dash read as one 一 (O033, O034, O037, O038).

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


BYLINE_PAGE = "春耕正当时\n\n{line}\n\n本报讯〈记者张林海) 1月28日,祠堂前搭起了大舞台:开场。\n"


@pytest.mark.parametrize("line, byline", [
    ("四扬子晚报全媒体记者 姚兰宏", "扬子晚报全媒体记者 姚兰宏"),  # 四扬 is no word
    ("四特约评论员 唐浩秀", "特约评论员 唐浩秀"),
    ("人成都商报-红星新闻记者 尹浩", "成都商报-红星新闻记者 尹浩"),
    ("名新京报记者 卢桂晓", "新京报记者 卢桂晓"),
    ("名 扬子晚报全媒体记者 丁一霞", "扬子晚报全媒体记者 丁一霞"),  # set apart: debris, though 名扬 is a word
])
def test_ornament_debris_before_an_outlet_is_the_ornament(line, byline):
    page = cleaner.clean(BYLINE_PAGE.format(line=line))
    assert [c.rule for c in page.changes if c.rule in ("O005", "O038", "O040")] == ["O040"]
    assert page.articles[0].byline.text == byline


@pytest.mark.parametrize("line", [
    "四川日报记者 王明",  # 四川 is a word: the outlet's own first character
    "国际商报记者 王明",
    "加拿大家园报记者 王明",
    "新京报记者 王明",  # 新 is no ornament's reading (京报 is a word, 新京 none)
    "中新社记者 王明",
])
def test_an_outlets_first_character_is_not_debris(line):
    page = cleaner.clean(BYLINE_PAGE.format(line=line))
    assert not [c for c in page.changes if c.rule in ("O005", "O038", "O040")]
    assert page.articles[0].byline.text == line


def test_a_long_page_with_few_ocr_signs_is_read_as_ocr():
    """Three signs in 2,200 characters (1.36 per 1,000: a real Tesseract page of a clean typeset
    story shows as few) still make an OCR page; a text layer shows fewer than half as many."""
    rule = default_rules()["O001"]
    body = "春分过后气温回升大河县三十二万亩耕地上处处是繁忙的春耕景象。" * 72  # 2,160 characters
    text = "本报讯〈记者张林海) " + body[:1000] + "\n\n一一大河县抢抓农时\n\n" + body[1000:] + "据了解,全县\n"
    found, counts = is_ocr(text, rule)
    assert sum(counts.values()) == 3 and 1.3 < 1000 * 3 / len(text) < 1.4
    assert found


DATELINE_PAGE = "春耕正当时\n\n{line} 春分过后,气温回升,大河县32万亩耕地上:处处是繁忙的春耕景象!\n"


@pytest.mark.parametrize("line, dateline, rule", [
    ("工人日报苏州四月九日电【〈记者胡慧)", "工人日报苏州四月九日电（记者胡慧）", "O021"),  # 【 before the bracket
    ("本报讯 ”《〈记者刘英倩 实习生吴娟建)", "本报讯（记者刘英倩实习生吴娟建）", "O021"),  # ” after 报讯
    ("新华社青岛5月23日电，”记者贾丽桂报道:", "新华社青岛5月23日电记者贾丽桂报道：", "O021"),  # ，” before Han
    ("本报曼谷 11 月 11 日讯 “记者韩兵、廖建婷报道:", "本报曼谷11月11日讯记者韩兵、廖建婷报道：", "O021"),
    ("新华社青岛5月23日电 记者贾丽桂报道;", "新华社青岛5月23日电记者贾丽桂报道：", "O041"),
    ("新华社长春2月27\n目电〈记者雷伟)", "新华社长春2月27日电（记者雷伟）", "O042"),  # 目 on the next line
    ("本报太原 2 月.7 日讯〈记者雷伟)", "本报太原2月7日讯（记者雷伟）", "O043"),
    ("中国青年报客户端讯〈中青报:中青\n网记者 向慧远)", "中国青年报客户端讯（中青报·中青网记者向慧远）", "O011"),
])
def test_a_dateline_ocr_broke_is_mended(line, dateline, rule):
    page = cleaner.clean(DATELINE_PAGE.format(line=line))
    assert rule in _rules(page)
    assert page.articles[0].dateline == dateline


@pytest.mark.parametrize("line", [
    "经济日报-中国经济网无锡10月17日讯 “张法官,我家的地被占了!”",  # a real quotation after the head
    "本报讯〈记者张林海) 他说:“1月28日电 ”台下",  # a “ earlier on the line
])
def test_a_quote_after_a_dateline_head_stays(line):
    page = cleaner.clean(DATELINE_PAGE.format(line=line))
    assert not [c for c in page.changes if c.rule == "O021"]


@pytest.mark.parametrize("line, byline, rule", [
    ("中青报。 中青网记者 吕瑞", "中青报·中青网记者 吕瑞", "O011"),  # the dot read as a full stop
    ("人@@经济日报记者唐海林", "经济日报记者唐海林", "O005"),  # a character before the @@
    ("光明目报记者 王明", "光明日报记者 王明", "O044"),
])
def test_a_byline_ocr_broke_is_mended(line, byline, rule):
    page = cleaner.clean(BYLINE_PAGE.format(line=line))
    assert rule in _rules(page)
    assert page.articles[0].byline.text == byline


@pytest.mark.parametrize("line", ["该项目报告显示", "节目报名开始", "本报讯 项目报社会各界"])
def test_mu_bao_in_prose_stays(line):
    page = cleaner.clean(DATELINE_PAGE.format(line="本报讯〈记者张林海) " + line))
    assert not [c for c in page.changes if c.rule == "O044"]


@pytest.mark.parametrize("line", ["光明日报记者 黎林 胡英晓", "光明日报记者 黎林 胡英晓 光明日报通讯员 于波芳"])
def test_every_name_of_a_byline_is_kept_from_look_alike_corrections(line):
    page = cleaner.clean(BYLINE_PAGE.format(line=line))
    assert page.articles[0].byline.text == line


@pytest.mark.parametrize("line", ["夏勇子、汤洋琳/上观新闻", "夏勇子 汤洋琳/东京报道"])
def test_names_before_a_bylines_outlet_are_kept_from_look_alike_corrections(line):
    page = cleaner.clean(BYLINE_PAGE.format(line=line))
    assert not [c for c in page.changes if c.rule in ("O007", "O027")]


@pytest.mark.parametrize("line, dateline", [
    ("本报讯《YMG全媒体记\n1覃倩博 通讯员吴刚浩)", "本报讯（YMG全媒体记者覃倩博通讯员吴刚浩）"),  # 记 / 1 over a line break
    ("科技日报三亚二月二十日电  〈记1薛 国)", "科技日报三亚二月二十日电（记者薛国）"),  # a blank inside the name
])
def test_reporter_read_as_ji_one_across_a_break_is_mended(line, dateline):
    page = cleaner.clean(DATELINE_PAGE.format(line=line))
    assert "O014" in _rules(page)
    assert page.articles[0].dateline == dateline


@pytest.mark.parametrize("line, dateline", [
    ("这华社长春2月27日电〈记者雷伟)", "新华社长春2月27日电（记者雷伟）"),
    ("中们网6月12日电", "中新网6月12日电"),
    ("【中这社巴黎三日电】", "【中新社巴黎三日电】"),
])
def test_an_agency_head_ocr_misread_is_mended(line, dateline):
    page = cleaner.clean(DATELINE_PAGE.format(line=line))
    assert "O046" in _rules(page)
    assert page.articles[0].dateline == dateline


def test_zhe_hua_she_in_prose_stays():
    page = cleaner.clean(DATELINE_PAGE.format(line="本报讯〈记者雷伟) 这华社区的居民说,今日电费"))
    assert "O046" not in _rules(page)
