"""The assemble decoder's weighing of where an article ends (issue #14): a small change of
column width between two paragraphs."""

from __future__ import annotations

import dataclasses

from cleaner.rules import RuleSet, default_rules


def with_a002(**params) -> RuleSet:
    rules = default_rules()
    a002 = rules["A002"]
    return RuleSet(tuple(dataclasses.replace(r, params={**a002.params, **params}) if r.id == "A002" else r
                         for r in rules.rules), rules.options)


def test_a_change_of_column_under_column_change_still_costs_the_article_going_on():
    """Two paragraphs' widths 18 and 16 ems: under A002 column_change (2.5), past column_near
    (1.5): an article going on across costs column_near_stay; within an em (the jitter of one
    article's measure) nothing; past column_change column_stay; a width not shown nothing."""
    from types import SimpleNamespace

    from cleaner.stages.assemble.decode import Decoding

    rules = default_rules()
    p = rules["A002"].params
    asm = SimpleNamespace(rules=rules)
    assert 0 < p["column_near_stay"] < p["column_stay"]
    assert Decoding.column_stay_cost(asm, 18.0, 16.0) == p["column_near_stay"]
    assert Decoding.column_stay_cost(asm, 16.0, 18.0) == p["column_near_stay"]
    assert Decoding.column_stay_cost(asm, 18.0, 17.0) == 0.0
    assert Decoding.column_stay_cost(asm, 18.0, 24.0) == p["column_stay"]
    assert Decoding.column_stay_cost(asm, 18.0, 0.0) == 0.0
    off = SimpleNamespace(rules=with_a002(column_near_stay=0.0))
    assert Decoding.column_stay_cost(off, 18.0, 16.0) == 0.0
