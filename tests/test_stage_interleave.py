"""C002: columns an extractor read across, line by line (pdfminer.six, pdftotext with loose
leading), read column by column; text that is not interleaved is left as it is."""

from __future__ import annotations

import cleaner
from cleaner.rules import default_rules
from cleaner.stages import interleave

# two columns of one page, a narrow one (10 ems) and a wide one (20 ems), each line its own box
NARROW = ("本报讯近日，市农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保"
          "农资供应充足、价格稳定，全市已调运化肥种子农药等农资十余万吨，春耕生产有序推进，"
          "各地抢抓农时，翻耕土地，育秧插秧，田野里处处是繁忙的景象，到处都能看到农民忙碌的身影。")
WIDE = ("记者从市文化和旅游局获悉，今年春节假期全市共接待游客三百二十万人次，同比增长百分之十五，"
        "实现旅游收入二十八亿元，同比增长百分之十八，各大景区人气旺盛，博物馆、图书馆、文化馆等公共文化"
        "场馆迎来参观热潮，非遗展演、灯会庙会等活动精彩纷呈，让市民游客过了一个欢乐祥和的新春佳节，"
        "文旅市场呈现出强劲的复苏势头，消费潜力持续释放，各项指标均创历史新高，为全年经济发展开了好头，"
        "下一步将继续丰富产品供给。")
NARROW, WIDE = NARROW[:100], WIDE[:200]  # ten rows each


def _cut(text: str, n: int) -> list[str]:
    return [text[k:k + n] for k in range(0, len(text), n)]


def _across(a: list[str], b: list[str]) -> str:
    rows = []
    for k in range(max(len(a), len(b))):
        rows += [x[k] for x in (a, b) if k < len(x)]
    return "\n\n".join(rows) + "\n\n\f"  # (pdfminer.six and pdftotext end a page with a form feed)


def _text(page) -> str:
    return "".join(b.text for art in page.articles for b in art.body)


def test_columns_read_across_are_read_column_by_column():
    a, b = _cut(NARROW, 10), _cut(WIDE, 20)
    page = cleaner.clean(_across(a, b))
    moves = [c for c in page.changes if c.rule == "C002"]
    assert moves and moves[0].action == "move" and "2 streams" in moves[0].reason
    text = _text(page)
    assert NARROW in text and WIDE in text  # each column reads on, whole


def test_the_extractor_option_decides():
    across = _across(_cut(NARROW, 10), _cut(WIDE, 20))
    for ext in ("plain", "pymupdf", "layout"):
        assert not [c for c in cleaner.clean(across, extractor=ext).changes if c.rule == "C002"]
    stripped = across.rstrip("\f")  # no form feed: not read as pdfminer's text unless said
    assert not [c for c in cleaner.clean(stripped).changes if c.rule == "C002"]
    for ext in ("pdfminer", "pdftotext"):
        assert [c for c in cleaner.clean(stripped, extractor=ext).changes if c.rule == "C002"]


def test_columns_read_in_order_stay_as_they_are():
    a, b = _cut(NARROW, 10), _cut(WIDE, 20)
    in_order = "\n\n".join(a + b) + "\n\n\f"
    assert not [c for c in cleaner.clean(in_order).changes if c.rule == "C002"]
    assert not [c for c in cleaner.clean(in_order, extractor="pdfminer").changes if c.rule == "C002"]


def test_decoding_is_global():
    # boxes 0..5 read across two streams (0 2 4 / 1 3 5); box 3 alone would rather continue 2
    good = {(0, 2): 3.0, (2, 4): 3.0, (1, 3): 2.0, (3, 5): 3.0, (2, 3): 2.5}
    preds = interleave.decode(6, lambda j, i: good.get((j, i), -3.0), 4, 1.0, 16)
    assert preds == [-1, -1, 0, 1, 2, 3]


def test_a_page_that_is_not_interleaved_is_not_decoded():
    rule = default_rules()["C002"]
    lines = ["公平是社会公平的重要基础。近年来，从推", "进义务教育优质均衡发展，到推广双师课堂"] * 8
    assert interleave.reading(lines, [1] * len(lines), rule) is None
