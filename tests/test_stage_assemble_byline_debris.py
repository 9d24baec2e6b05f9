"""On OCR output, a few Han characters set off under a byline by a blank line (a picture's or
a headline's characters read as a block of their own) are no part of the byline (A003
byline_debris_max)."""

from __future__ import annotations

import cleaner
from cleaner.rules import load_rules
from cleaner.train import Weight, with_weight

A1 = ("7月的内蒙古自治区呼伦贝尔市，草原碧绿，野花遍地。在陈巴尔虎旗莫日格勒河畔的营地里，"
      "一排排房车整齐停放，来自各地的游客在草地上支起帐篷。")
A2 = "近年来，自驾游、房车游在呼伦贝尔持续升温。据统计，今年上半年，呼伦贝尔接待自驾游客310万人次。"


def _page(wrap, rules=None):
    # a headline, its byline, then 房车 alone between blank lines (an engine's block of its
    # own), then the article's text
    text = ("房车开进大草原\n\n扬子晚报全媒体记者 方霞明\n\n房车\n\n" + "\n".join(wrap(A1)) + "\n\n"
            + "\n".join(wrap(A2)) + "\n")
    return cleaner.clean(text, rules=rules, extractor="ocr")


def test_a_short_block_under_a_byline_is_dropped_from_it(wrap):
    page = _page(wrap)
    assert [a.byline.text for a in page.articles if a.byline] == ["扬子晚报全媒体记者 方霞明"]
    assert "房车" in [b.text for b in page.dropped]
    assert any(c.rule == "A003" and c.action == "drop" and "房车" in c.reason for c in page.changes)


def test_without_the_step_the_byline_keeps_it(wrap):
    page = _page(wrap, with_weight(load_rules(), Weight("A003", "byline_debris_max"), 0))
    assert [a.byline.text for a in page.articles if a.byline] == ["扬子晚报全媒体记者 方霞明 房车"]


def test_a_text_layer_page_is_left_alone(wrap):
    text = ("房车开进大草原\n\n扬子晚报全媒体记者 方霞明\n\n房车\n\n" + "\n".join(wrap(A1)) + "\n\n"
            + "\n".join(wrap(A2)) + "\n")
    page = cleaner.clean(text, extractor="pymupdf")
    assert not any(c.rule == "A003" and c.action == "drop" for c in page.changes)
