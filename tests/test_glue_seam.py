"""Stage rejoin: a paragraph cut mid-sentence is not glued to another article's first line.

A headline drawn across the columns cuts two articles' paragraphs; extraction prints the cut
end of one paragraph right before the next article's first line, which lost its indent. That
line is one indent short of the two full lines under it, and the line over it, a full line of
prose, closes no sentence: J001's ``indented_mid_open`` cue keeps the break there, so the heal
stage can join the cut paragraph with its real continuation further on.
"""

from __future__ import annotations

import dataclasses

from cleaner.rules import RuleSet, default_rules
from cleaner.stages import rejoin

#: article A's paragraph (a 14-em column), cut mid-sentence at a line of prose (a comma in it)
A = ["各地抢抓有利时机，有序推进秋", "粮生产，进一步落实增产措施，", "确保颗粒归仓。农业部门组织", "技术人员深入田间，指导农民"]
#: article B's paragraph, its first line one indent (2 ems) short of its column, no indent left
B = ["暑假期间，各类青少年体育", "培训班火爆，一些家长反映报名", "费用逐年上涨，课程质量却参", "差不齐。有关部门表示。"]


def _blocks(stages_until, raw: str, weight: float | None = None) -> list[str]:
    page = stages_until(raw, "dedouble")
    if weight is not None:
        rules = page.rules
        j001 = rules["J001"]
        j001 = dataclasses.replace(j001, params={**j001.params, "weights": {**j001.params["weights"],
                                                                             "indented_mid_open": weight}})
        page = page.evolve(rules=RuleSet(tuple(j001 if r.id == "J001" else r for r in rules.rules), rules.options))
    return [b.text for b in rejoin.run(page).blocks]


def test_the_rule_weighs_the_cue():
    assert default_rules()["J001"].params["weights"]["indented_mid_open"] > 0


def test_another_articles_first_line_under_a_cut_line_is_not_joined(stages_until):
    raw = "\n".join(A + B) + "\n"
    assert _blocks(stages_until, raw) == ["".join(A), "".join(B)]
    # without the cue the cut line runs on into the other article's text
    assert _blocks(stages_until, raw, weight=0.0) == ["".join(A + B)]


def test_a_word_across_the_break_keeps_the_join(stages_until, monkeypatch):
    # the same widths, but the lexicon reads a word across the break (农 / 民): one sentence
    a = A[:-1] + ["技术人员深入田间，指导农"]
    b = ["民抢收抢种，各类青少年", *B[1:]]
    raw = "\n".join(a + b) + "\n"
    assert _blocks(stages_until, raw) == ["".join(a + b)]
    monkeypatch.setattr(rejoin, "word_cut", lambda *_: False)  # (without the lexicon's word)
    assert _blocks(stages_until, raw) == ["".join(a), "".join(b)]


def test_a_line_closing_no_clause_keeps_the_join(stages_until):
    # the line over it holds no clause mark (a subhead run into the text above it): no cue
    a = A[:-1] + ["技术人员深入田间指导农民"]
    assert _blocks(stages_until, "\n".join(a + B) + "\n") == ["".join(a + B)]
