"""The pattern prefilter changes speed, never an answer: a skipped search is one that could not match."""

from __future__ import annotations

import regex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import prefilter
from cleaner.rules import any_pattern, default_rules, pattern, starts_anchored


def _pattern_groups():
    groups = []
    for rule in default_rules().rules:
        for key, value in rule.params.items():
            if key.endswith(("patterns", "_pattern")) or key == "paragraph_openers":
                sources = tuple(value) if isinstance(value, list) else (value,)
                groups.append(sources)
                groups += [(s,) for s in sources]
    return groups


GROUPS = _pattern_groups()
#: Characters the default patterns look for, plus ordinary text: hits and near misses.
ALPHABET = "第12版年月日星期一◎□■本报記记者通讯员讯电新华社中 ：:（()）A-Z@.w/CN摄攝供图为要闻日报晚,，、一是是的了\n"


def _same(finder, plain, text):
    a, b = finder.search(text), plain.search(text)
    assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_finder_agrees_with_regex_on_every_default_pattern(text):
    for sources in GROUPS:
        plain = regex.compile("|".join(f"(?:{s})" for s in sources))
        _same(any_pattern(sources), plain, text)


BOUNDED = [(s, prefilter.max_length(s)) for sources in GROUPS for s in sources if prefilter.max_length(s)]


def test_some_default_patterns_have_a_length_bound():
    assert len(BOUNDED) >= 5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60))
def test_a_text_longer_than_the_bound_never_matches(text):
    for source, bound in BOUNDED:
        if len(text) > bound:
            assert regex.search(source, text) is None, (source, text)
        padded = text + "要" * bound  # any text made longer than the bound
        assert regex.search(source, padded) is None, (source, padded)


@pytest.mark.parametrize("source, bound", [
    (r"^(?:要闻|综合新闻)$", 5), (r"^[A-Z][A-Z ]{4,40}$", 42), (r"^图为", None),
    (r"^\S{2,8}(?:日报|晚报)$", 11), (r"^\d{4}\s*年$", None),
])
def test_max_length(source, bound):
    assert prefilter.max_length(source) == bound


def test_finder_agrees_on_the_sample_lines(sample_page):
    lines = [ln.strip() for ln in sample_page.read_text(encoding="utf-8").splitlines()]
    for sources in GROUPS:
        plain = regex.compile("|".join(f"(?:{s})" for s in sources))
        for ln in lines:
            _same(any_pattern(sources), plain, ln)


@pytest.mark.parametrize("source, first, required", [
    (r"^\S{0,12}(?:日报|晚报)讯", None, {"讯"}),
    (r"^[◎□]\s*(?:记者|通讯员)", {"◎", "□"}, {"◎", "□"}),
    (r"^(?:第\s*)?\d{1,3}版?$", {"第", prefilter.DIGIT}, None),
    (r"(?:供图|供圖)[）)]?$", None, {"供"}),  # not anchored: no first characters
    (r"^a|b", None, {"a", "b"}),  # the anchor covers one branch only: no first characters
    (r"^(?P<page>第\s*)?\d{1,3}版?$", {"第", prefilter.DIGIT}, None),  # a named group reads as a plain one
])
def test_conditions(source, first, required):
    got = prefilter.conditions(source)
    assert got == (first and frozenset(first), required and frozenset(required))


@pytest.mark.parametrize("source", [r"(?i)^abc", r"^[[:alpha:]]x", r"^\m\w+", r"^(?>a+)b", r"^(?P<a>x)(?P=a)"])
def test_syntax_it_cannot_read_gets_no_prefilter(source):
    assert prefilter.conditions(source) is None


def test_a_pattern_that_may_match_anything_disables_the_group_filter():
    assert prefilter.build([r"^本报", r"\w+"]) is None
    assert prefilter.build([r"^本报", r"^\d+版"]).maybe("3版")
    assert not prefilter.build([r"^本报", r"^\d+版"]).maybe("今天天气好")


def test_anchoring():
    assert starts_anchored(r"^(?:a|b)c") and starts_anchored(r"^[|]x")
    assert not starts_anchored(r"^a|b") and not starts_anchored("abc") and not starts_anchored(r"^(?m)a")
    assert pattern(r"^本报").search("在本报") is None and pattern("本报").search("在本报")


@pytest.mark.parametrize("source, last", [
    (r"^\S{2,8}(?:日报|晚报)$", {"报"}),
    (r"^(?:第\s*)?\d{1,3}\s*(?:版)?$", {prefilter.DIGIT, prefilter.SPACE, "版"}),
    (r"(?:供图|提供)[）)]?\Z", {"图", "供", "）", ")"}),
    (r"^图为", None),  # not anchored at the end
    (r"^\S{2,12}$", None),  # any character
    (r"^a?$", None),  # may match the empty string
])
def test_last_chars(source, last):
    assert prefilter.last_chars(source) == (last and frozenset(last))


def test_the_last_character_gate():
    gate = prefilter.build([r"^\S{2,8}(?:日报|晚报)$", r"^(?:第\s*)?\d{1,3}\s*版?$"]).maybe
    assert gate("科技日报") and gate("科技日报\n") and gate("第 3 版") and gate("12 ")
    assert not gate("科技日报记者") and not gate("2022年以来") and not gate("")
