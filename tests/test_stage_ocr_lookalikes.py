"""Look-alike candidates (O007 and the rules like it): a confusion the engine was seen making
(a rule's ``pairs``) is weighed beside a character's nearest glyphs, never cut off with them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner.rules import default_rules

pytest.importorskip("jieba")


def test_a_pair_is_a_candidate_though_the_glyph_row_is_full():
    from cleaner.stages.ocr import lookalike_candidates, lookalike_table

    assert len(lookalike_table(())["搞"]) >= 8 and "揽" not in lookalike_table(())["搞"]
    cands = lookalike_candidates(("搞揽",), 8)
    assert cands["搞"].endswith("揽") and cands["搞"][:-1] == lookalike_table(())["搞"][:8]
    assert len(lookalike_candidates((), 3)["搞"]) == 3


def test_a_pair_beyond_the_glyphs_is_weighed():
    """包搞 is no word, 包揽 one: 搞 has eight glyphs of its own, and Tesseract's 揽 read as 搞
    (a pair) is weighed after them."""
    from cleaner.lexicon import default_lexicon
    from cleaner.stages.ocr import lookalike_proposals

    base = default_rules()["O007"]
    rule = replace(base, params={**base.params, "pairs": ["搞揽"]})
    (p,) = lookalike_proposals("国乒包搞男女单打冠军\n", rule, default_lexicon())
    assert p[1:3] == ("搞", "揽") and p[3] > 0
    none = replace(base, params={**base.params, "pairs": []})
    assert not lookalike_proposals("国乒包搞男女单打冠军\n", none, default_lexicon())


def test_a_seen_confusion_needs_less_evidence_than_a_glyph_guess():
    """必片 -> 芯片 (Tesseract reads 芯 as 必): O027, whose pairs hold it, corrects it at its own
    margin; O007 weighs glyphs alone at a higher one and leaves it."""
    text = "本报讯〈记者张林海) 模数转换必片实现进口替代,他说:开场!\n"
    import cleaner

    page = cleaner.clean(text)
    (fix,) = [c for c in page.changes if c.rule == "O027"]
    assert (fix.before, fix.after) == ("必", "芯") and fix.safety == "review"
    assert not [c for c in page.changes if c.rule == "O007"]
    rules = default_rules()
    assert "必芯" in rules["O027"].params["pairs"] and not rules["O007"].params["pairs"]
    assert rules["O027"].params["margin"] < rules["O007"].params["margin"]
    assert rules["O027"].params["candidates"] == 0  # (pairs only: the glyphs are O007's)
