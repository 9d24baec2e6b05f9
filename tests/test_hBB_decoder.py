"""The assemble decoder's article boundaries (issue #14, helper hBB): where an article opens
at a paragraph that opens with a dateline."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner.stages.assemble.readings import Readings


def _para(width: float, dated: bool = False) -> SimpleNamespace:
    return SimpleNamespace(width=width, dated=dated)


def _asm() -> SimpleNamespace:
    """Just what Readings.column_before asks of its assembler: a paragraph's column and
    whether it opens with a dateline."""
    return SimpleNamespace(column_of=lambda b: b.width, has_dateline=lambda b: b.dated)


def test_column_before_stops_at_a_dated_paragraph_that_shows_no_column():
    """The text before a paragraph set after a one-line dated paragraph (本报讯… cut short,
    its width not shown) is another article's: its column is not the one the text goes on in,
    so no change of column is weighed from it (the next paragraph of the dated article, set
    narrower, read as the article before going on at column_stay's cost)."""
    asm = _asm()
    seq = [_para(33.0), _para(0.0, dated=True), _para(22.0)]
    assert Readings.column_before(asm, seq, 2) == 0.0


def test_column_before_passes_plain_short_paragraphs():
    """A short paragraph without a dateline shows no column and tells no boundary: the column
    is that of the paragraph before it, as before; a dated paragraph that shows its own width
    tells it."""
    asm = _asm()
    assert Readings.column_before(asm, [_para(33.0), _para(0.0), _para(22.0)], 2) == 33.0
    assert Readings.column_before(asm, [_para(33.0), _para(21.0, dated=True), _para(22.0)], 2) == 21.0
    assert Readings.column_before(asm, [_para(33.0), [object()], _para(0.0), _para(22.0)], 3) == 0.0
