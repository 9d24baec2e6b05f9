"""L006: a headline set inside the sentence it cuts, run by the rejoin stage onto the line under
it, is split off as a heading (label._headings_cut_into_sentences): a word runs on from the text
above the headline into the line under it (饮 / 水: 饮水), not into the headline."""

from __future__ import annotations

import copy

from cleaner import clean
from cleaner.model import replace
from cleaner.rules import default_rules
from cleaner.stages._common import rebuild
from cleaner.stages.label import _headings_cut_into_sentences

#: a blank line after every line; the headline cuts 饮 / 水
PAGE = """宇、加油站等场所，建成快递

员、外卖骑手、网约车司机等

新就业群体服务驿站65个，

每个驿站都配备了休息、饮

{head}

水、充电、热饭、应急药品等

基本设施，其中24个实行24

小时开放。
"""


def _kinds(text: str, rules=None) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean(text, rules=rules).blocks]


def test_a_headline_cutting_a_word_is_split_off_the_text_under_it():
    got = _kinds(PAGE.format(head="外卖骑手有了“歇脚站”"))
    assert ("heading", "外卖骑手有了“歇脚站”") in got
    assert not any(k == "paragraph" and "歇脚站”水" in t for k, t in got)


def test_without_a_word_across_the_cut_the_line_stays_text():
    # 饮 / 茶 … : the lexicon reads no word 饮水 across; nothing says a headline cut in
    rules = copy.deepcopy(default_rules())
    rules["L006"].params["run_in_cut_gain"] = 1e9  # (no word is ever read across a break)
    got = _kinds(PAGE.format(head="外卖骑手有了“歇脚站”"), rules)
    assert ("heading", "外卖骑手有了“歇脚站”") not in got


def _cut_in_splits(text: str) -> list[str]:
    return [str(c.reason) for c in clean(text).changes
            if c.rule == "L006" and "a headline set inside the sentence it cuts" in str(c.reason)]


def test_the_split_is_recorded():
    assert _cut_in_splits(PAGE.format(head="外卖骑手有了“歇脚站”"))


def _run_onto_text(page):
    """The page's blocks with its split heading run back onto the paragraph under it (as the
    rejoin stage had read them)."""
    blocks = list(page.blocks)
    i = next(k for k, b in enumerate(blocks) if b.kind == "heading")
    h, n = blocks[i], blocks[i + 1]
    merged = rebuild(page, replace(n, lines=h.lines + n.lines, joiners=h.joiners + ("",) + n.joiners))
    return blocks[:i] + [merged] + blocks[i + 2:], i - 1


def test_no_split_among_lines_of_columns_set_side_by_side():
    page = clean(PAGE.format(head="外卖骑手有了“歇脚站”"))
    blocks, above = _run_onto_text(page)
    head = page.rules["L006"]
    assert [b.kind for b in _headings_cut_into_sentences(page, blocks, head, [])] == ["paragraph", "heading", "paragraph"]
    # the text above the headline a line of two columns (a run of blanks between): no one sentence's piece
    lines = list(page.lines)
    k = blocks[above].last
    lines[k] = lines[k]._replace(text=lines[k].text + "    另一栏")
    assert [b.kind for b in _headings_cut_into_sentences(page.evolve(lines=tuple(lines)), blocks, head, [])] \
        == ["paragraph", "paragraph"]
