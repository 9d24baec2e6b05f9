"""A001 ``mend_adjacent`` (cleaner/stages/assemble/mend_open.py): a paragraph stopping
mid-sentence goes on with the paragraph right after it in its article's body."""

from __future__ import annotations

from cleaner.stages.assemble import Assembler, Draft
from cleaner.stages.assemble.mend_open import mend_open_paragraphs

CUT = "专家表示，长江水生生物多样性的恢复是一个长"
TAIL = "期过程，仍需持续巩固禁渔成果，加强栖息地修复和科学监测。"
WHOLE = "另起一段，这是完整的一句话。"
DATED = "本报北京3月5日电（记者王小明）今年以来，全市新增就业岗位三万个。"


def _mended(stages_until, kit, texts, on=True):
    page = stages_until("\n\n".join(texts) + "\n", "spacing")
    if not on:
        page = page.evolve(rules=kit.rules_with("A001", mend_adjacent=False))
    asm = Assembler(page)
    d = Draft(body=list(page.blocks))
    mend_open_paragraphs(asm, [d])
    return [b.text for b in d.body], asm.changes


def test_a_paragraph_stopping_mid_sentence_goes_on_with_the_next(stages_until, kit):
    texts, changes = _mended(stages_until, kit, [CUT, TAIL, WHOLE])
    assert texts == [CUT + TAIL, WHOLE]
    (c,) = [c for c in changes if c.rule == "A001" and c.action == "heal"]
    assert c.before == "\n" and c.after == ""


def test_a_closed_paragraph_or_a_dated_one_stays_apart(stages_until, kit):
    assert _mended(stages_until, kit, [WHOLE, TAIL])[0] == [WHOLE, TAIL]
    assert _mended(stages_until, kit, [CUT, DATED])[0] == [CUT, DATED]


def test_off_leaves_the_halves_apart(stages_until, kit):
    assert _mended(stages_until, kit, [CUT, TAIL], on=False)[0] == [CUT, TAIL]

