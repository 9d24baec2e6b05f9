"""The bare captions read the label stage's answer on which paragraphs open with a dateline
(:func:`find_datelines` records it) instead of searching the dateline patterns again."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.rules import default_rules
from cleaner.stages.captions import candidate_runs
from cleaner.stages.label import find_datelines

LEAD = "本报讯（记者 王明）近日，北京市科委投入首批支持高品质科技园区建设资金，首批项目已全部开工。"
LINE = "工作人员在园区实验室内调试设备。"
NEXT = "园区负责人介绍，今年以来园区新引进企业四十余家，研发投入同比增长两成，园区正在成为区域创新的重要引擎。"


def _blocks(stages_until, wrap):
    page = stages_until("北京启动高品质科技园区建设\n\n" + "\n".join(wrap(LEAD) + [LINE] + wrap(NEXT)) + "\n", "rejoin")
    return page, [replace(b, kind="paragraph") for b in page.blocks]


def test_find_datelines_records_each_paragraph(stages_until, wrap):
    rules = default_rules()
    page, blocks = _blocks(stages_until, wrap)
    dated: dict = {}
    found = find_datelines(page, blocks, rules["L005"], [], dated)
    assert set(dated) == {b.text for b in blocks}
    assert sorted(t for t, d in dated.items() if d) == sorted(b.text for b in blocks if b.first in found)
    assert any(dated.values()) and not all(dated.values())


def test_candidate_runs_read_the_recorded_answers(stages_until, wrap):
    rules = default_rules()
    page, blocks = _blocks(stages_until, wrap)
    dated: dict = {}
    find_datelines(page, blocks, rules["L005"], [], dated)
    every = candidate_runs(page, blocks, rules["L003"], rules)
    assert candidate_runs(page, blocks, rules["L003"], rules, None, dated) == every
    # (an answer recorded is taken as it is: a paragraph read as dated takes no run into its first line)
    all_dated = dict.fromkeys(dated, True)
    fewer = candidate_runs(page, blocks, rules["L003"], rules, None, all_dated)
    assert set(fewer) <= set(every)
