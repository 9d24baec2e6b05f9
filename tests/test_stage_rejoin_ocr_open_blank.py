"""J001 open_blank (issue #18): on OCR output a blank line after a line of prose that closes no
sentence is Tesseract's block break inside a paragraph, not a paragraph break."""

from __future__ import annotations

import pytest

from cleaner.rules import default_rules

# a paragraph Tesseract read as two blocks: its first line, which it read short (a word lost),
# set apart by a blank line from the rest
CUT = ("县农业农村局还开通了热线，农民遇到问题\n\n"
       "可以随时咨询，技术人员二十四小时在线解答，\n确保春耕生产顺利进行，不误农时。\n")


@pytest.fixture
def blocks(stages_until):
    """``blocks(text, **options)``: the rejoin stage's blocks' texts."""
    return lambda text, **options: [b.text for b in stages_until(text, "rejoin", **options).blocks]


def test_a_sentence_goes_on_over_the_blank_line_an_ocr_engine_set_inside_it(blocks):
    blocks = blocks(CUT, extractor="ocr")
    assert blocks == ["县农业农村局还开通了热线，农民遇到问题可以随时咨询，技术人员二十四小时在线解答，"
                      "确保春耕生产顺利进行，不误农时。"]


def test_the_cue_weighs_on_ocr_output_only():
    # (a blank line a text layer sets is the typesetter's)
    rules = default_rules()
    assert rules["J001"].params["weights"]["open_blank"] == 0
    assert rules.on_ocr()["J001"].params["weights"]["open_blank"] <= -rules.on_ocr()["J001"].params["weights"]["blank_line"]


def test_a_line_without_a_clause_mark_keeps_the_break(blocks):
    # (no clause mark: a headline's line as much as a paragraph's; the blank line decides)
    text = CUT.replace("热线，", "热线")
    assert len(blocks(text, extractor="ocr")) == 2


def test_a_caption_under_the_blank_line_stays_apart(blocks):
    # (图为… opens a picture's caption set into the column, under a piece the engine cut off)
    text = ("记者从中国科学院某研究\n该所研究团队在青藏高原多条\n\n所获悉，\n\n"
            "图为科研人员在冰川上采集冰芯样品。 新华社发（冯静 摄）\n")
    assert blocks(text, extractor="ocr")[-2:] == ["所获悉，", "图为科研人员在冰川上采集冰芯样品。 新华社发（冯静 摄）"]


def test_a_photo_credit_ends_its_caption_over_the_blank_line(blocks):
    # (…摄 closes a caption's credit, though no sentence: the text under it is no part of it)
    text = "大河县农民在田间驾驶农机翻耕土地，吴英英摄\n\n杨德胜说，今年县里又新建了一批高标准农田，\n浇水、排水都方便多了。\n"
    assert len(blocks(text, extractor="ocr")) == 2
