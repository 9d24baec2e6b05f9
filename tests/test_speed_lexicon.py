"""The lexicon's cut gain reads the text before a break once: the same figure as three scores."""

from cleaner.lexicon import Lexicon


def _lexicon() -> Lexicon:
    return Lexicon({"人民": 50, "人民币": 30, "币": 5, "试点": 20, "数字": 40, "人": 9, "民": 3, "数": 4})


def test_cut_gain_is_the_three_scores():
    lex = _lexicon()
    for a, b in [("数字人民", "币试点"), ("数字", "人民币"), ("人", "民"), ("试点", "数"), ("甲", "乙")]:
        assert lex.cut_gain(a, b) == lex.score(a + b) - lex.score(a) - lex.score(b)


def test_cut_gain_sees_a_word_across_the_break():
    lex = _lexicon()
    assert lex.cut_gain("数字人民", "币试点") > lex.cut_gain("数字", "人民币")
