"""The character model's count tables (C002, A001's indent stops), built a word length at a
time: the same whole-number totals as counting word by word."""

from cleaner.lexicon import CharModel


def test_tables_sum_every_word_count():
    counts = {"经济": 9, "经": 1, "济": 1, "发展": 9, "展": 1, "经济学": 2, "空": 0, "": 5}
    lm = CharModel(counts, prior=1.0)
    assert lm.inside2 == {"经济": 11, "发展": 9, "济学": 2}
    assert lm.inside3 == {"经济学": 2}
    assert lm.ends == {"济": 10, "经": 1, "展": 10, "学": 2}
    assert lm.starts == {"经": 12, "济": 1, "发": 9, "展": 1}
    assert lm.ends2 == {"经济": 9, "发展": 9, "济学": 2}
    assert lm.starts2 == {"经济": 11, "发展": 9}
    assert lm.single == {"经": 1, "济": 1, "展": 1}
    assert lm.chars == {"经": 12, "济": 12, "发": 9, "展": 10, "学": 2}
    assert lm.words == 23.0 and lm.total == 45.0
    assert all(type(v) is int for v in lm.chars.values())


def test_long_words_count_every_inner_trigram():
    lm = CharModel({"中华人民共和国": 3, "人民": 4}, prior=1.0)
    assert lm.inside3 == {"中华人": 3, "华人民": 3, "人民共": 3, "民共和": 3, "共和国": 3}
    assert lm.inside2["人民"] == 7
    assert lm.ends2 == {"和国": 3, "人民": 4} and lm.starts2 == {"中华": 3, "人民": 4}
