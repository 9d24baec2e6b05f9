"""A009's join of an article's two parts keeps the display headline, not a section's subhead
that quotes a phrase of the lead (issue #14: the broadcast stories' short subheads)."""

from __future__ import annotations

from cleaner.model import Block
from cleaner.stages.assemble import Assembler, Draft


def _block(kind: str, line: int, text: str) -> Block:
    return Block(kind, (line,), (), text)


LEAD = "习近平总书记指出，推动长江经济带发展必须把修复长江生态环境摆在压倒性位置，共抓大保护、不搞大开发。"


def _parts(x_subtitle: bool = False):
    """x: the story's lead and first section under its subhead 共抓大保护 (read as a title);
    y: the later section under its subhead 在发展中保护, then the story's headline."""
    x = Draft(body=[_block("paragraph", 0, LEAD), _block("paragraph", 2, "沿江省市启动十年禁渔。")],
              title=_block("heading", 1, "共抓大保护"),
              subtitle=_block("heading", 3, "——沿江各地的绿色转型") if x_subtitle else None)
    y = Draft(body=[_block("subhead", 5, "在发展中保护"), _block("paragraph", 6, "沿江各地发展观念悄然转变。")],
              title=_block("heading", 8, "长江经济带的绿色蝶变"))
    # the subhead quotes the lead whole; the headline sums it up in part
    cues = {"x_echo": 1.0, "cross_echo": 0.36, "x_title_like_y_subheads": 1.0, "y_title_like_x_subheads": 0.0}
    return x, y, cues


def test_a_first_part_title_set_like_the_later_parts_subheads_yields_to_its_headline():
    x, y, cues = _parts()
    assert not Assembler._keeps_first_headline(x, y, cues)
    joined = Assembler._joined(None, x, y, 1.0, Assembler._keeps_first_headline(x, y, cues))
    assert joined.title.text == "长江经济带的绿色蝶变"
    # the yielding title stays where it stood, a subhead over its section
    assert [(b.kind, b.text) for b in joined.body if b.kind == "subhead"] == [("subhead", "共抓大保护"),
                                                                              ("subhead", "在发展中保护")]


def test_the_echo_decides_where_both_titles_are_set_like_the_other_parts_subheads():
    x, y, cues = _parts()
    assert Assembler._keeps_first_headline(x, y, {**cues, "y_title_like_x_subheads": 1.0})


def test_a_first_part_title_with_a_subtitle_is_a_headline_and_keeps_its_echo():
    x, y, cues = _parts(x_subtitle=True)
    assert Assembler._keeps_first_headline(x, y, cues)
