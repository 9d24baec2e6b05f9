"""A lone heading between paragraphs, subhead or title (issue #14): the text cues of
cleaner/stages/assemble/heading_role.py and the fitted weights (A003 heading_role) the subhead
score adds beside its hand sum."""

from __future__ import annotations

import pytest

from cleaner.stages.assemble.heading_role import CUES, fitted_role, text_cues

_P = {"label_max": 4}  # (A003's label_max)


def test_a_label_and_its_colon_is_a_sections_form():
    assert text_cues("变：从“一煤独大”到“多业并举”", "", "", _P, ["labelled"]) == {"labelled": 1.0}
    assert text_cues("治气：向“蓝”而行", "", "", _P, ["labelled"])["labelled"] == 1.0
    # (a statement, or a colon past a label's length, is no label)
    assert text_cues("今冬气温偏高 降水偏少", "", "", _P, ["labelled"])["labelled"] == 0.0
    assert text_cues("市政协围绕议题开展协商：一老一小", "", "", _P, ["labelled"])["labelled"] == 0.0
    assert text_cues("：开头", "", "", _P, ["labelled"])["labelled"] == 0.0


def test_the_text_cues_measure_the_text_either_side():
    got = text_cues("羊多了", "牧民说，草场上的羊多了。", "今年冬天，雪来得早", _P)
    assert set(got) == set(CUES)
    assert got["before_closes"] == 1.0 and got["echo_before"] > 0.0 and got["echo_after"] == 0.0
    assert text_cues("一、羊多了？", "草场上的羊", "", _P, ["before_closes", "numbered", "asks"]) == \
        {"before_closes": 0.0, "numbered": 1.0, "asks": 1.0}


def test_fitted_role_is_its_bias_and_weighted_cues():
    assert fitted_role({"labelled": 1.0, "asks": 1.0}, {"bias": -0.5, "labelled": 1.5}) == pytest.approx(1.0)
    assert fitted_role({"labelled": 0.0}, {"bias": 0.0, "labelled": 1.5}) == 0.0


def _page(kit, heading: str) -> str:
    """A title over its text, then a lone heading between two paragraphs of one story (each
    paragraph's last line short of the column, so each ends there)."""
    paras = ("记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高。",
             "保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，并在湖区周边设置观鸟点。",
             "湖区周边的观鸟点已有游客前来，保护区工作人员在现场讲解水鸟知识，提醒游客与鸟群保持距离。")
    lines = [kit.overprint("白沙湖水鸟创新高"), ""]
    # (no blank line between paragraphs, nor around the heading: a page that sets blank lines
    # only between articles would set the heading apart as a headline)
    lines += kit.cut_lines(paras[0]) + kit.cut_lines(paras[1]) + [heading] + kit.cut_lines(paras[2])
    return "\n".join(lines)


def _score(kit, heading: str, rules) -> tuple[float, str]:
    a, seq = kit.heading_sequence(_page(kit, heading), rules)
    (t,) = [n for n, u in enumerate(seq) if isinstance(u, list) and u[0].text == heading]
    prev = [u for u in seq[:t] if not isinstance(u, list)][-2:]
    return a.subhead_score(seq[t][0], prev, seq[t + 1])


def test_a_labelled_lone_heading_scores_the_fitted_weight_more_as_a_subhead(kit):
    """With the fitted cues on, a heading set as a label and its colon scores
    heading_role_scale times its weight more; a heading without one scores as the hand sum."""
    on = kit.rules_with("A003", heading_role={"bias": 0.0, "labelled": 2.0}, heading_role_scale=0.5)
    off = kit.rules_with("A003", heading_role={"bias": 0.0, "labelled": 2.0}, heading_role_scale=0.0)
    got_on, why = _score(kit, "观鸟：有序开放", on)
    got_off, _ = _score(kit, "观鸟：有序开放", off)
    assert got_on - got_off == pytest.approx(1.0)
    assert "labelled" in why
    assert _score(kit, "观鸟点有序开放", on)[0] == _score(kit, "观鸟点有序开放", off)[0]


def test_the_subhead_cues_measure_what_the_hand_sum_weighs(kit):
    """subhead_score is the A003 weights times subhead_cues' hand cues (with the fitted cues
    off): a short plain heading with no blank between its two phrases scores the short bonus
    and the slope of the word pairs the text shares across it."""
    rules = kit.rules_with("A003", heading_role_scale=0.0)
    a, seq = kit.heading_sequence(_page(kit, "观鸟点有序开放"), rules)
    (t,) = [n for n, u in enumerate(seq) if isinstance(u, list) and u[0].text == "观鸟点有序开放"]
    prev = [u for u in seq[:t] if not isinstance(u, list)][-2:]
    cues, _ = a.subhead_cues(seq[t][0], prev, seq[t + 1])
    w = a.rules["A003"].params
    assert cues["short"] == 1.0 and cues["bold"] == 0.0 and cues["labelled"] == 0.0
    score, _ = a.subhead_score(seq[t][0], prev, seq[t + 1])
    assert score == pytest.approx(cues["affinity"] * w["affinity_slope"] + w["short_heading_bonus"])
