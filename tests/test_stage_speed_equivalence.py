"""Speed changes that must not change a result: each shortcut gives what the long way gives."""

from __future__ import annotations

import random

import pytest

from cleaner.lexicon import Lexicon
from cleaner.stages._common import median_without


def _lexicon_counts() -> dict[str, int]:
    return {"人民": 50, "人民币": 30, "币": 5, "试点": 20, "数字": 40, "人": 9, "民": 3, "数": 4,
            "数字人民币试点": 2, "场景": 7}


def _lexicon() -> Lexicon:
    return Lexicon(_lexicon_counts())


def test_cuts_word_is_the_cut_gain_against_the_threshold():
    lex = _lexicon()
    chars = "数字人民币试点场景甲"
    rng = random.Random(7)
    for _ in range(2000):
        a = "".join(rng.choice(chars) for _ in range(rng.randint(1, 8)))
        b = "".join(rng.choice(chars) for _ in range(rng.randint(1, 8)))
        for gain in (1.0, 0.3, -0.4, 0.0):
            assert lex.cuts_word(a, b, gain) == (lex.cut_gain(a, b) > gain), (a, b, gain)


def test_crosses_finds_only_words_across_the_break():
    lex = _lexicon()
    assert lex.crosses("数字人民", "币试点")  # 人民币
    assert lex.crosses("数", "字")  # 数字
    assert not lex.crosses("数字", "人民币")  # words on either side, none across
    assert not lex.crosses("试点场", "甲")


class _NoSums(Lexicon):
    __slots__ = ()

    def _table(self, text):
        raise AssertionError("summed a cut no word runs across")


def test_cuts_word_sums_nothing_without_a_word_across():
    lex = _NoSums(_lexicon_counts())
    assert lex.cuts_word("数字", "人民币", 1.0) is False
    assert lex.cuts_word("数字", "人民币", -1.0) is True
    with pytest.raises(AssertionError):
        lex.cuts_word("数字人民", "币试点", 1.0)  # (a word across: summed)


def _median_without_by_copy(ordered, removed):
    rest = list(ordered)
    for v in removed:
        rest.remove(v)
    return rest[len(rest) // 2] if rest else 0.0


def test_median_without_is_the_median_of_the_rest():
    rng = random.Random(3)
    for _ in range(3000):
        ordered = sorted(rng.choice([1.0, 2.0, 3.5, 7.0, 8.0, 8.5]) for _ in range(rng.randint(1, 12)))
        removed = rng.sample(ordered, rng.randint(0, len(ordered)))
        assert median_without(ordered, removed) == _median_without_by_copy(ordered, removed), (ordered, removed)


def test_hanging_lines_lose_the_width_of_their_last_mark_only():
    from cleaner.stages.pullquotes.measure import hanging

    texts = ["项目首席科学家、", "种子也是 ", "收成心里有底。”  ", "", "abc"]
    widths = [8.0, 4.5, 8.0, 0.0, 1.5]
    # (、 and ” may hang; a blank after the mark leaves it the last; no mark: None)
    assert hanging(texts, widths) == [7.0, None, 7.5, None, None]  # (a quote mark is squeezed: half an em)


def test_set_width_reads_the_measure_as_before():
    from cleaner.stages.pullquotes.measure import set_width

    assert set_width([7.0, 8.0, 7.0], [None, 7.0, None]) == 7.0  # a mark hangs past a 7-em measure
    assert set_width([7.0, 9.0, 7.0], [None, 8.0, None]) == 9.0  # wider than the rest even without it
    assert set_width([8.0, 8.5], [7.0, 7.5]) == 8.5  # every line ends on a mark: its widest line
    assert set_width([6.0, 7.0], [None, None]) == 7.0


def _bound_by_dict(p, rules, sentence, rest, m1, inside, prev_closes, after_other):
    """The second bound of captions._reach as it was made: a dict of the known cues read in
    CUES order, each unknown cue at its higher-scoring value."""
    from cleaner.rules import search_any
    from cleaner.stages import captions

    weights = p["bare_weights"]
    m = search_any(p["bare_date_opener"], sentence)
    body = sentence[len(m.group()):] if m else sentence
    known = {"opens_caption": 1.0 if search_any(p["patterns"], sentence) else 0.0, "date_open": 1.0 if m else 0.0,
             "numbers": 1.0 if captions._DIGIT.search(body) else 0.0,
             "commas": float(body.count("，") + body.count("、")), "length": float(len(sentence)),
             "starts_block": 1.0 if m1 == 0 else 0.0, "ends_block": 1.0 if not inside else 0.0,
             "prev_closes": 1.0 if prev_closes else 0.0, "after_other": 1.0 if after_other else 0.0,
             "credit": 1.0 if rest and not captions._closing(rules, p, rest) else 0.0,
             "position_mark": 1.0 if search_any(p["bare_position_marks"], sentence) else 0.0,
             "said": 1.0 if search_any(p["bare_said"], sentence) else 0.0,
             "scene": 1.0 if search_any(p["bare_scene"], body) else 0.0,
             "linked": 1.0 if search_any(p["bare_linked"], body) else 0.0}
    up = [1.0 if weights[c] > 0 else 0.0 for c in captions.CUES]
    return captions.score(weights, tuple(map(known.get, captions.CUES, up)))


def test_caption_bounds_are_the_scores_of_the_known_cues():
    from cleaner.rules import default_rules
    from cleaner.stages import captions

    rules = default_rules()
    p = rules["L003"].params
    cases = [("11月8日，游客在景区内游玩。", "", 0, False, True, True),
             ("图为工人在车间里检查设备。", "本报记者 张三 摄", 0, True, True, False),
             ("他说，今年全市新增就业岗位3万个，同比增长12%。", "", 2, True, False, False),
             ("村民在田间收割小麦（右一）。", "", 0, False, True, True)]
    for sentence, rest, m1, inside, prev_closes, after_other in cases:
        exact = _bound_by_dict(p, rules, sentence, rest, m1, inside, prev_closes, after_other)
        prev = None if prev_closes else type("L", (), {"text": "正在推进"})()
        for least in (exact, exact - 1e-12, exact + 1e-12):
            if not 0.0 < least < 1.0:
                continue
            may = captions._reach(p, rules, least)
            # (a run passes exactly when its bound, all its cues known, reaches least)
            assert may(sentence, rest, m1, inside, prev, after_other) == (exact >= least), (sentence, least)


def test_never_opening_asks_the_prefilter_of_every_line_at_once():
    from cleaner.rules import default_rules
    from cleaner.stages import rejoin

    p = default_rules()["J001"].params
    verdicts = rejoin.never_opening(p, ["的人越来越多", "他的家乡", "的确如此", "群众"])
    # (only a line that opens with 的 may: the search, made by _score, tells 的确 apart)
    assert verdicts[1] is False and verdicts[3] is False and verdicts[0] is True
    off = {**p, "weights": {**p["weights"], "never_opens": 0.0}}
    assert rejoin.never_opening(off, ["的人"]) is None


def test_score_searches_never_opens_only_where_the_caller_s_verdicts_let_it(stages_until):
    from cleaner.stages import rejoin

    page = stages_until("这是一个关于发展\n的故事，很多人都知道。\n", "rejoin")
    p = page.rules["J001"].params
    ends, opens = rejoin.line_facts(page, rejoin.paragraph_openers(page.rules))

    def never_cue(never):
        _, cues = rejoin._score(page, p, 0, page.lines[0].width, 1, None, ends, opens, never=never)
        return any("opens no paragraph" in t for _, t, _ in cues)

    texts = [ln.text for ln in page.lines]
    assert never_cue(None) and never_cue(rejoin.never_opening(p, texts))
    assert not never_cue([False] * len(texts))  # (a line the prefilter stops is not searched)
