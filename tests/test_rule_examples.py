"""Every rule's own examples, run through the whole cleaner.

A rule file documents each rule with ``examples`` (inputs it must change: ``output`` is a text
the cleaned page must show, ``fires = false`` marks an example that illustrates the rule
without the rule recording a change) and ``near_misses`` (inputs it must leave alone). These
tests hold every shipped rule to its own documentation, the way sqlfluff runs each rule's
pass/fail/fix fixtures.
"""

from __future__ import annotations

import pytest

import cleaner

RULES = cleaner.load_rules()

#: Rules whose check rewrites characters (an edit in the overlay), by stage and check.
#: Structural checks (join, label, attach, move) only regroup lines.
CHARACTER_CHECKS = {
    ("normalise", check) for check in
    ("fullwidth_ascii", "compat_ideographs", "ascii_punct_in_cjk", "invisible_chars",
     "traditional_to_simplified")
} | {
    ("ocr", check) for check in ("punct_width", "bracket_pairs", "pattern_repair", "pattern_insert", "lost_opener",
                                     "lookalikes", "page_echo")
} | {
    ("dedouble", "doubled_line"), ("dedouble", "doubled_near_match"),
    ("dedouble", "doubled_split_lines"),
    ("rejoin", "hyphen_join"),
    ("label", "byline"),  # removes the ◎ ornament
    ("spacing", "body_blanks"), ("spacing", "spaced_digits"), ("spacing", "blank_runs"),
}

#: Examples that fail today because of a stage bug: (rule id, input) -> reason.
#: (rule id, example input) -> reason, for examples a known stage bug still fails.
KNOWN_BUGS: dict = {}


def _fired(page) -> set[str]:
    return {c.rule for c in page.changes}


def _params(kind: str):
    out = []
    for rule in RULES.rules:
        for n, ex in enumerate(getattr(rule, kind), 1):
            marks = ()
            bug = KNOWN_BUGS.get((rule.id, ex.get("input")))
            if bug:
                marks = (pytest.mark.xfail(strict=True, reason=bug),)
            tag = "example" if kind == "examples" else "near-miss"
            out.append(pytest.param(rule.id, ex, id=f"{rule.id}-{tag}{n}", marks=marks))
    return out


@pytest.mark.parametrize("rule_id, example", _params("examples"))
def test_example_changes(rule_id, example, texts):
    assert isinstance(example.get("input"), str), f"{rule_id}: an example needs a string 'input'"
    page = cleaner.clean(example["input"])
    if example.get("fires", True) is not False:
        assert rule_id in _fired(page), (
            f"{rule_id} did not fire on {example['input']!r}; changes: "
            f"{[(c.rule, c.action, c.reason) for c in page.changes]}")
    if "output" in example:
        assert example["output"] in texts(page), (
            f"{rule_id}: expected {example['output']!r} among {texts(page)!r}")


@pytest.mark.parametrize("rule_id, near_miss", _params("near_misses"))
def test_near_miss_untouched(rule_id, near_miss):
    assert isinstance(near_miss.get("input"), str), f"{rule_id}: a near miss needs a string 'input'"
    page = cleaner.clean(near_miss["input"])
    hits = [c for c in page.changes if c.rule == rule_id]
    assert not hits, f"{rule_id} fired on its near miss {near_miss['input']!r}: {hits}"


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_rule_is_documented(rule):
    assert rule.summary.strip(), f"{rule.id}: empty summary"
    assert rule.message.strip(), f"{rule.id}: empty message"
    assert rule.name and rule.name == rule.name.lower() and " " not in rule.name, \
        f"{rule.id}: name {rule.name!r} is not kebab-case"


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_rule_has_examples(rule):
    missing = [k for k in ("examples", "near_misses") if not getattr(rule, k)]
    if (rule.stage, rule.check) in CHARACTER_CHECKS:
        assert not missing, f"{rule.id} ({rule.check}) changes characters but has no {missing}"
    elif missing:
        pytest.xfail(f"{rule.id} ({rule.stage}/{rule.check}) is structural and has no "
                     f"{' or '.join(missing)} yet")


def test_every_character_check_is_known():
    """The table above must follow the stages: a new check that edits text must be listed."""
    from cleaner.checks import SCHEMAS as CHECKS

    known = {(stage, check) for stage, checks in CHECKS.items() for check in checks}
    assert CHARACTER_CHECKS <= known, sorted(CHARACTER_CHECKS - known)


def test_rule_ids_are_unique_and_stable():
    """Stable codes (``D001``): unique, one letter prefix per stage, as ruff's ``W291``."""
    import re

    ids = [r.id for r in RULES.rules]
    assert len(ids) == len(set(ids))
    prefix: dict[str, set[str]] = {}
    for r in RULES.rules:
        assert re.fullmatch(r"[A-Z]\d{3}", r.id), r.id
        prefix.setdefault(r.stage, set()).add(r.id[0])
    assert all(len(p) == 1 for p in prefix.values()), prefix
    assert len({min(p) for p in prefix.values()}) == len(prefix), prefix
