"""A commentator's byline given to a dated report goes to the undated article next to it (A003
commentary_byline)."""

from __future__ import annotations

from cleaner.stages.assemble import Assembler
from cleaner.stages.assemble.draft import Draft

A1 = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
      "10个项目，项目涉及医药健康等7个产业领域。")
B1 = "当地时间18日上午，国务院总理李强在珀斯同澳大利亚总理阿尔巴尼斯共同出席第七届中澳工商界首席执行官圆桌会并致辞。"


def _bylines(stages_until, wrap, dateline_b: str):
    """A (undated) and B (opening with ``dateline_b``), the commentator's byline set between
    them and given to B: the two articles' bylines after the step, and its records."""
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n◎本报评论员\n李强出席中澳工商界圆桌会\n"
            + "\n".join(wrap(dateline_b + B1)) + "\n")
    page = stages_until(text, "label")
    heads = [b for b in page.blocks if b.kind == "heading"]
    paras = [b for b in page.blocks if b.kind == "paragraph"]
    (byline,) = [b for b in page.blocks if b.kind == "byline"]
    asm = Assembler(page)
    a = Draft(title=heads[0], body=paras[:1])
    b = Draft(title=heads[1], byline=byline, body=paras[1:])
    asm.undate_commentary([a, b])
    return [d.byline.text if d.byline else None for d in (a, b)], asm.changes


def test_a_commentators_byline_leaves_a_dated_report(stages_until, wrap):
    got, changes = _bylines(stages_until, wrap, "新华社珀斯6月17日电 ")
    assert got == ["本报评论员", None]
    assert [(c.rule, c.action) for c in changes] == [("A003", "attach")]


def test_a_commentators_byline_stays_on_an_undated_article(stages_until, wrap):
    got, changes = _bylines(stages_until, wrap, "")
    assert got == [None, "本报评论员"]
    assert not changes
