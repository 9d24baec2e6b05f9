"""A001's lexical cues of a cut paragraph (cleaner/stages/assemble/heal.py; rules/assemble.toml
gives the figures): ``reads_on`` (off), a continuation whose first characters read on from the
cut as one word (…是一个长 / 期过程，…), and ``across_opens_apart``, an indented paragraph after a
caption that does not read on from the open paragraph before it (…是一个长 / 凌晨四点，…) is no
continuation of it when a paragraph read later does (期过程，…)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.lexicon import default_char_model
from cleaner.model import Overlay, Page
from cleaner.stages import PIPELINE
from cleaner.stages.assemble import Assembler

CUT = "专家表示，长江水生生物多样性的恢复是一个长"
TAIL = "期过程，仍需持续巩固禁渔成果，加强栖息地修复和科学监测。"
OTHER = "凌晨四点，气温降到零下二十五摄氏度，查干湖的冰面上，渔把头带着三十多名渔工已经开始忙活。"


def _rules(tmp_path, params: str):
    (tmp_path / "assemble.toml").write_text(
        f'stage = "assemble"\n[[rule]]\nid = "A001"\nparams = {{ {params} }}\n', encoding="utf-8")
    return cleaner.load_rules(str(tmp_path))


def _need_jieba():
    if default_char_model(cleaner.load_rules()["A001"].params["lm_prior"]) is None:
        pytest.skip("jieba is not installed")


def _column(text: str, width: int = 12, indent: int = 2) -> list[str]:
    """``text`` set in a column ``width`` characters wide, its first line ``indent`` short."""
    lines, first = [], width - indent
    lines.append(text[:first])
    lines += [text[k:k + width] for k in range(first, len(text), width)]
    return lines


def test_a_cut_word_reads_on_and_a_paragraph_start_does_not(tmp_path):
    _need_jieba()
    text = "\n\n".join((CUT, TAIL, OTHER)) + "\n"
    page = Page(name="p", source=text, rules=_rules(tmp_path, "reads_on = 1.0"), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    x, tail, other = ({b.text[:4]: b for b in a.page.blocks}[t[:4]] for t in (CUT, TAIL, OTHER))
    gain, why = a.reads_on(x, tail)
    assert 0 < gain <= a.rules["A001"].params["reads_on_clip"] and "个长" in why
    assert a.reads_on(x, other) == (0.0, "")  # (only the evidence for a join counts)


# a paragraph cut at its column's foot, a photo's caption, the next article's first paragraph
# (indented), and the cut paragraph's continuation, read after that article's headline
def _page(tail: bool) -> str:
    return "\n\n".join(["江豚重现江面"]
                       + _column("长江江豚是长江中仅存的鲸类动物，被称为长江生态的晴雨表。禁渔以来，江豚种群数量开始回升。")
                       + _column(CUT) + ["图为查干湖冬捕现场，渔工在冰面上拉网。万帆志摄"] + _column(OTHER)
                       + _column("围观的游客纷纷举起手机拍照，现场一片欢腾，冬捕期间当地还举办冰雪旅游节。")
                       + ["冰湖冬捕头鱼出水"] + (_column(TAIL, indent=0) if tail else [])) + "\n"


def _healed_across(page: str, rules) -> list[str]:
    out = cleaner.clean(page, rules=rules)
    return [c.reason for c in out.changes if c.rule == "A001" and c.action == "heal" and "caption" in c.reason]


def test_an_indented_paragraph_is_not_joined_across_a_caption_when_the_cut_reads_on_elsewhere(tmp_path):
    _need_jieba()
    assert _healed_across(_page(tail=True), cleaner.load_rules()) == []
    off = _rules(tmp_path, "across_opens_apart = false")
    assert any("凌晨四点" in r for r in _healed_across(_page(tail=True), off))
    # with no paragraph read later that the cut reads on into, the join across the caption stays
    assert any("凌晨四点" in r for r in _healed_across(_page(tail=False), cleaner.load_rules()))
