"""Small hand-made cases for helpers the stages share, written where they were made faster: the
faster forms must say what the plain ones said (outputs byte-identical)."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner.model import Block
from cleaner.rules import default_rules
from cleaner.stages._common import rebuild
from cleaner.stages.assemble.confidence import logistic
from cleaner.stages.captions import CUES, score
from cleaner.stages.pullquotes import quote_source


def _page(*texts: str):
    return SimpleNamespace(lines=[SimpleNamespace(text=t) for t in texts])


def test_rebuild_joins_lines_with_nothing_where_the_joiners_are_empty():
    page = _page("北京启动高品质", "科技园区建设", "首批资金")
    assert rebuild(page, Block("paragraph", (0, 1, 2), ("", ""), "")).text == "北京启动高品质科技园区建设首批资金"


def test_rebuild_puts_each_joiner_after_its_line():
    page = _page("Hello", "world", "again")
    assert rebuild(page, Block("paragraph", (0, 1, 2), (" ", ""), "")).text == "Hello worldagain"
    assert rebuild(page, Block("paragraph", (2, 0), ("\n",), "")).text == "again\nHello"


def test_rebuild_ignores_joiners_past_the_last_line_and_keeps_lines_without_one():
    page = _page("a", "b", "c")
    assert rebuild(page, Block("paragraph", (0, 1), (" ", "-", "+"), "")).text == "a b-"
    assert rebuild(page, Block("paragraph", (0, 1, 2), (" ",), "")).text == "a bc"
    assert rebuild(page, Block("paragraph", (1,), (), "")).text == "b"


def test_caption_score_is_the_logistic_of_the_weighted_cues():
    weights = default_rules()["L003"].params["bare_weights"]
    cues = tuple(float(k % 3) for k in range(len(CUES)))
    plain = logistic(weights["bias"] + sum(weights[c] * v for c, v in zip(CUES, cues)))
    assert score(weights, cues) == plain


def test_quote_source_finds_a_copy_and_passes_over_a_text_without_the_quote_characters():
    rule = default_rules()["L007"]
    quote = "园区正在成为区域创新的重要引擎。"
    source = "园区负责人介绍，今年以来园区新引进企业四十余家，园区正在成为区域创新的重要引擎。"
    other = "近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，首批项目已全部开工。"
    texts = [other, quote, source]
    narrow = [0.05, 0.2, 0.05]  # (the quote set in a narrower column than both paragraphs)
    assert quote_source(1, quote, narrow[1], texts, narrow, rule) == (2, 100.0)
    assert quote_source(1, quote, narrow[1], [other, quote, ""], narrow, rule) is None
