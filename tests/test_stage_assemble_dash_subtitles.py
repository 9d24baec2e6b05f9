"""A dash subtitle too short to be whole goes on on the heading under it, wherever the decoder
put that heading (A003 dash_piece_max)."""

from __future__ import annotations

from cleaner.stages.assemble import Assembler
from cleaner.stages.assemble.draft import Draft

A1 = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
      "10个项目，项目涉及医药健康等7个产业领域。")


def _mended(stages_until, wrap, dash: str, under: str):
    """The subtitle ``dash`` of an article and the title ``under`` of another, set on the line
    under it, after mending: (the first article's subtitle, the second's title)."""
    text = "北京启动高品质科技园区建设\n" + dash + "\n" + under + "\n" + "\n".join(wrap(A1)) + "\n"
    page = stages_until(text, "label")
    heads = [b for b in page.blocks if b.kind == "heading"]
    assert [b.text for b in heads] == ["北京启动高品质科技园区建设", dash, under]
    asm = Assembler(page)
    first = Draft(title=heads[0], subtitle=heads[1], body=[b for b in page.blocks if b.kind == "paragraph"])
    second = Draft(title=heads[2])
    asm.mend_dash_subtitles([first, second])
    return first.subtitle.text, second.title.text if second.title else None, asm.changes


def test_a_short_dash_subtitle_goes_on_on_the_next_articles_title(stages_until, wrap):
    sub, title, changes = _mended(stages_until, wrap, "——陕西", "西安国际港站见闻")
    assert (sub, title) == ("——陕西西安国际港站见闻", None)
    assert [(c.rule, c.action) for c in changes] == [("A003", "join")]


def test_a_dash_subtitle_long_enough_to_be_whole_stays_whole(stages_until, wrap):
    sub, title, changes = _mended(stages_until, wrap, "——陕西西安国际港站见闻", "一片茶叶富了一方百姓")
    assert (sub, title) == ("——陕西西安国际港站见闻", "一片茶叶富了一方百姓")
    assert not changes
