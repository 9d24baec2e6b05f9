"""C002's second decoding (``across``): a page its first decoding finds read across is decoded
again with weights of its own (``across_weights``), the test of a steady period staying with
the first; and the oracle of ``benchmarks/fit_interleave.py`` that measures what the decoder's
form costs (the decoder told the true joins, ``--oracle OUT --decoder``)."""

from __future__ import annotations

import sys
from pathlib import Path

from cleaner.rules import default_rules
from cleaner.stages import interleave

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fit_interleave  # noqa: E402

NARROW = ("本报讯近日，市农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保"
          "农资供应充足、价格稳定，全市已调运化肥种子农药等农资十余万吨，春耕生产有序推进，"
          "各地抢抓农时，翻耕土地，育秧插秧，田野里处处是繁忙的景象。")
WIDE = ("记者从市文化和旅游局获悉，今年春节假期全市共接待游客三百二十万人次，同比增长百分之十五，"
        "实现旅游收入二十八亿元，同比增长百分之十八，各大景区人气旺盛，博物馆、图书馆、文化馆等公共文化"
        "场馆迎来参观热潮，非遗展演、灯会庙会等活动精彩纷呈，让市民游客过了一个欢乐祥和的新春佳节，"
        "文旅市场呈现出强劲的复苏势头，消费潜力持续释放，各项指标均创历史新高，为全年经济发展开了好头，")

#: weights under which every box goes on from the box just before it (the extractor's order)
ALONG = {name: 0.0 for name in interleave.CUES} | {"adjacent": 10.0}
#: weights under which every box goes on from the one two boxes back
SECOND = {name: 0.0 for name in interleave.CUES} | {"adjacent": -10.0, "bias": 1.0}


def _across() -> tuple[list[str], list[int]]:
    a = [NARROW[k:k + 10] for k in range(0, 100, 10)]
    b = [WIDE[k:k + 20] for k in range(0, 200, 20)]
    texts = [t for pair in zip(a, b) for t in pair]
    return texts, [0] + [1] * (len(texts) - 1)  # each line its own box, as pdfminer prints them


def _rule(kit, **params):
    return kit.rules_with("C002", **params)["C002"]


def test_the_shipped_rules_leave_the_second_decoding_off():
    p = default_rules()["C002"].params
    assert p["across"] is False and set(p["across_weights"]) <= set(interleave.CUES)


def test_a_page_read_across_is_read_again_with_the_second_weights(kit):
    texts, gaps = _across()
    first = interleave.reading(texts, gaps, _rule(kit, across=False))
    assert first[0] == list(range(0, 20, 2)) + list(range(1, 20, 2))  # the two columns, each whole
    # the second weights read every box on from the one before it: the page keeps its order
    again = interleave.reading(texts, gaps, _rule(kit, across=True, across_weights=ALONG))
    assert again is not None and again[0] == list(range(20))
    assert again[1] == [-1] + list(range(19))


def test_whether_a_page_is_read_across_is_the_first_decoding_s_call(kit):
    # one column, each line its own box: no period; weights that would join every box to the
    # one two back do not make it a page read across
    texts = [WIDE[k:k + 20] for k in range(0, 240, 20)]
    gaps = [0] + [1] * (len(texts) - 1)
    assert interleave.reading(texts, gaps, _rule(kit, across=False)) is None
    assert interleave.reading(texts, gaps, _rule(kit, across=True, across_weights=SECOND)) is None


def test_the_decoder_told_the_true_joins_keeps_its_closing_rule():
    # the extractor's order: A1 B1 A2 A3 A4 B2; true order A1 A2 A3 A4, B1 B2. A3 goes on from
    # A2, the box just before it, which closes B1 (opened before A2): B2 cannot continue it
    units = [(k, k) for k in range(6)]
    true = [-1, -1, 0, 2, 3, 1]
    rule = default_rules()["C002"]
    told = fit_interleave.told_decoding(units, true, rule)
    assert told == [-1, -1, 0, 2, 3, -1]
    # stitched: a stream the decoder opens, given its true predecessor where that box ends a stream
    assert fit_interleave.stitched(told, true) == true
    assert fit_interleave.stitched([-1, -1, 0, 1, 3, -1], true) == [-1, -1, 0, 1, 3, -1]  # B1 goes on


def test_the_oracle_writes_the_decoder_s_readings_when_asked():
    texts, gaps = _across()
    a, b = texts[0::2], texts[1::2]
    rule = default_rules()["C002"]
    plain = fit_interleave.oracle_texts(texts, gaps, a + b, rule)
    assert set(plain) == {"order", "joins", "streams"}
    got = fit_interleave.oracle_texts(texts, gaps, a + b, rule, decoder=True)
    lines = [t for t in got["decoded"].split("\n") if t.strip() and t != "\f"]
    assert lines == a + b and got["stitched"] == got["decoded"]
