"""C002: columns an extractor read across, line by line (pdfminer.six, pdftotext with loose
leading), read column by column; text that is not interleaved is left as it is."""

from __future__ import annotations

import cleaner
from pathlib import Path

from cleaner.rules import default_rules, load_rules
from cleaner.stages import interleave

#: the rule layer with the character model and the cut of poppler's merged lines (not the
#: shipped default: see the README, *Which extractor*)
CHAR_MODEL = Path(__file__).resolve().parents[1] / "benchmarks" / "c002_char_model"

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


def test_the_character_model_weighs_the_text_read_across_a_join():
    # a dictionary of its own: "高级人民法院" is cut after "高级"; "支" never ends a word
    from cleaner.lexicon import CharModel

    lm = CharModel({"高级人民法院": 50, "高级": 40, "人民": 100, "法院": 80, "支付": 60, "江南": 5, "省": 30},
                   prior=1.0)
    assert lm.llr("江南省高级", "人民法院召开") > 0 > lm.llr("提前解约需支", "人民法院召开")
    assert lm.llr("高级", "，人民") == 0.0 == lm.llr("高级。", "人民")  # a mark ends the context


def test_the_character_model_finds_joins_the_word_cues_miss():
    # real breaks of a typeset page read across (pdfminer): the true join cuts no word of
    # four characters or fewer and shows no character pair of the page, yet reads on
    import pytest

    from cleaner.lexicon import default_char_model

    rule = load_rules([str(CHAR_MODEL)])["C002"]
    if default_char_model(rule.params["lm_prior"]) is None:
        pytest.skip("jieba is not installed")
    for tail, head, others in (("通讯员金宏娟）6月12日，江南省高级", "人民法院召开新闻发布会，发布10起涉",
                                ("公司签订合同，约定主播提前解约需支",)),
                               ("面对技术难题，创新应用智能", "建造技术，全线铺设",
                                ("推动人才、技术等要素双向流动、公共服",))):
        infos = [interleave.LineInfo(x) for x in (tail, head, *others)]
        ctx = interleave.context(infos, rule.params)
        assert not interleave.split_word(tail, head, ctx.words)
        true = interleave.cues(infos[0], infos[1], 2, ctx)[interleave.CUES.index("char_model")]
        assert true > 0
        for o in infos[2:]:
            assert interleave.cues(o, infos[1], 1, ctx)[interleave.CUES.index("char_model")] < true


def test_poppler_lines_of_two_columns_are_cut_where_a_piece_fills_a_measure():
    # poppler prints the lines of two columns standing at one height as one, a blank between
    rules = load_rules([str(CHAR_MODEL)])
    rule = rules["C002"]
    a, b = _cut(NARROW, 10), _cut(WIDE[:100], 10)
    rows = [x + " " + y for x, y in zip(a, b)]
    measures = interleave.measures(a + b, rule.params)
    tol, most = rule.params["width_tolerance"], rule.params["merged_max_blanks"]
    assert measures == [10] and all(interleave.cuts(r, measures, tol, most) == [10] for r in rows)
    # not a headline of two parts, a dateline's blank inside its brackets, letter-spacing
    for line in ("打造一流营商环境 让企业安心发展", "本报讯（记者 胡博鸣）汽笛长鸣，一列满载电子",
                 "业 内 专 家 认 为，博 物"):
        assert interleave.cuts(line, [8, 10, 12], tol, most) == []
    page = cleaner.clean("\n".join(rows) + "\n\n" + "\n\n".join(a[:2] + b[:2]) + "\n\n\f", rules=rules)
    moves = [c for c in page.changes if c.rule == "C002"]
    assert moves and NARROW in _text(page) and WIDE[:100] in _text(page)


def test_the_shipped_rules_leave_the_character_model_and_the_cut_off():
    p = default_rules()["C002"].params
    assert p["weights"]["char_model"] == 0.0 and p["cut_merged"] is False


# a page of pdfminer's with tight leading: each box a run of a column's lines, cut mid-sentence
BOXES = _cut(WIDE[:80], 20)


def test_the_blank_lines_after_an_extractors_boxes_are_dropped():
    text = BOXES[0] + "\n" + BOXES[1] + "\n\n" + BOXES[2] + "\n" + BOXES[3] + "\n\n\f"
    page = cleaner.clean(text)
    joins = [c for c in page.changes if c.rule == "C004"]
    assert len(joins) == 1 and joins[0].action == "join" and "2 boxes" in joins[0].reason
    paragraphs = [b.text for art in page.articles for b in art.body]
    assert any(WIDE[:80] in p for p in paragraphs)  # one paragraph, not two cut mid-sentence
    assert not [c for c in page.changes if c.rule == "C002"]


def test_blank_lines_stay_without_the_extractors_mark_or_between_long_blocks():
    text = BOXES[0] + "\n" + BOXES[1] + "\n\n" + BOXES[2] + "\n" + BOXES[3] + "\n"
    assert not [c for c in cleaner.clean(text).changes if c.rule == "C004"]  # no form feed
    rule = default_rules()["C004"]
    n = int(rule.params["max_box_lines"]) + 1  # boxes longer than a pdfminer box: poppler's blocks
    block = "\n".join(_cut(NARROW, 10)[:n])
    page = cleaner.clean(block + "\n\n" + block + "\n\n\f")
    assert not [c for c in page.changes if c.rule == "C004"]


def test_a_page_read_across_keeps_its_blank_lines():
    page = cleaner.clean(_across(_cut(NARROW, 10), _cut(WIDE, 20)))
    assert [c for c in page.changes if c.rule == "C002"]
    assert not [c for c in page.changes if c.rule == "C004"]


def test_the_structured_fit_learns_the_reading_of_columns_read_across():
    # benchmarks/fit_interleave.py --fit --structured on one hand-made page: from weights that
    # read the page in the extractor's order, the fitted ones decode its two columns
    import sys

    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import fit_interleave

    rule = load_rules(None)["C002"]
    p = rule.params
    texts = _cut(NARROW, 10) + _cut(WIDE, 20)
    across = [t for k in range(10) for t in (texts[k], texts[10 + k])]
    lines = [interleave.new_line((k, 0, 0, t, 0.0, 1)) for k, t in enumerate(across)]
    infos = [interleave.LineInfo(t) for t in across]
    units = interleave.boxes(lines)
    ctx = interleave.context(infos, p)
    cand = {(j, i): np.asarray(interleave.cues(infos[j], infos[i], i - j, ctx, True))
            for i in range(len(units)) for j in range(max(0, i - p["window"]), i)}
    gold = [-1, -1] + list(range(len(units) - 2))
    p["weights"] = {n: 0.0 for n in interleave.CUES}
    p["weights"]["adjacent"] = 1.0  # (a start that reads every line after the one before)
    w0 = np.array([p["weights"][n] for n in interleave.CUES])
    assert interleave.decode(len(units), lambda j, i: float(w0 @ cand[(j, i)]), p["window"],
                             p["start_cost"], p["beam"], p["same_step"]) != gold
    w, start, same = fit_interleave.fit_structured([(len(units), cand, gold)], rule, epochs=20)
    w = np.array(w)
    assert interleave.decode(len(units), lambda j, i: float(w @ cand[(j, i)]), p["window"],
                             start, p["beam"], same) == gold
    # the features of a reading score it as the decoder does: its joins, its opens, its steps
    m = len(interleave.CUES)
    f = fit_interleave._features(cand, gold, m)
    assert f[m] == -2 and f[m + 1] == len(units) - 3


def test_a_paragraphs_last_line_keeps_the_period_with_closed_step():
    # boxes 0..5 read across two streams (0 2 4 / 1 3 5); box 2 ends a paragraph, so nothing
    # across 2 -> 4 reads on, and 3 -> 4 looks a little better; closed_step keeps the period
    good = {(0, 2): 3.0, (1, 3): 3.0, (2, 4): -2.0, (3, 4): -0.5, (3, 5): 1.0, (4, 5): 0.5}
    closed = [False, False, True, False, False, False]
    read = [interleave.decode(6, lambda j, i: good.get((j, i), -3.0), 4, 2.0, 16, 0.5, step, closed)
            for step in (0.0, 1.0)]
    assert read == [[-1, -1, 0, 1, 3, 4], [-1, -1, 0, 1, 2, 3]]
    assert default_rules()["C002"].params["closed_step"] == 0.0  # (measured, not shipped: rules/columns.toml)


def test_streams_are_read_out_stretch_by_stretch():
    # boxes 0 2 4 6 and 1 3 5: two columns read across; 7 and 8 read on in order after them
    # (the next article), 7 continuing 6: read out whole, column 0's stream would take 7 and 8
    # ahead of the other column
    preds = [-1, -1, 0, 1, 2, 3, 4, 6, 7]
    assert interleave.stretches(preds) == [(0, 6)]
    assert interleave.emit(preds) == [0, 2, 4, 6, 1, 3, 5, 7, 8]
    assert [u for s in interleave.order(preds) for u in s] == [0, 2, 4, 6, 7, 8, 1, 3, 5]


def test_boxes_outside_a_stretch_stay_where_they_stand():
    # a headline and a paragraph in order, two columns read across, a furniture line
    preds = [-1, 0, -1, -1, 2, 3, 4, 5, -1]
    assert interleave.stretches(preds) == [(2, 7)]
    assert interleave.emit(preds) == [0, 1, 2, 4, 6, 3, 5, 7, 8]
    assert interleave.emit([-1, 0, 1, 2]) == [0, 1, 2, 3] and interleave.stretches([-1, 0, 1, 2]) == []
    # two stretches apart: each read out on its own
    assert interleave.stretches([-1, -1, 0, 1, 3, -1, -1, 5, 6]) == [(0, 3), (5, 8)]
