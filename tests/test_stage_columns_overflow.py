"""C001 ``overflow``: a column's line that poppler set a single blank after a short cell of the
column left of it (a paragraph's last line) opens its own column, as the cell would else run
far past its column's measure."""

from __future__ import annotations

import cleaner

# three columns of 11 characters, two blanks apart (lanes at 0, 13 and 26); on the third row the
# first column's paragraph ends short (7 characters) and the second column's cell follows it
# after a single blank, where poppler put it
A = ["今年以来，全市新增就业", "岗位三万个，同比增长百", "就业局势稳定。", "保持在较低水平，新就业"]
B = ["高校毕业生就业形势总体", "稳定，重点群体就业得到", "有效保障，就业局势保持", "总体稳定，劳动者权益得"]
C = ["市人社局的有关负责人表", "示，下一步将继续加大稳", "就业政策支持力度，帮助", "高校毕业生等重点群体实"]


def _lines(kit, second: list[str] = B, **params) -> list[str]:
    """The lines after cleaning the three columns (``second``: the middle one's cells)."""
    rows = [f"{a}{' ' if len(a) < 11 else '  '}{b}  {c}" for a, b, c in zip(A, second, C)]
    text = "\n".join(rows) + "\n"
    # (blanks left out: the spacing stage may keep or drop the one inside a line)
    return [ln.text.replace(" ", "") for ln in cleaner.clean(text, rules=kit.rules_with("C001", **params)).lines]


def test_a_column_s_line_after_a_short_cell_and_a_single_blank_opens_its_column(kit):
    lines = _lines(kit, overflow=2.0)
    assert "就业局势稳定。" in lines
    # read in its column, after the second column's line above it
    assert lines.index("有效保障，就业局势保持") == lines.index("稳定，重点群体就业得到") + 1


def test_without_overflow_the_line_stays_on_the_short_cell(kit):
    assert "就业局势稳定。有效保障，就业局势保持" in _lines(kit, overflow=-1.0)


def test_a_piece_shorter_than_the_next_column_s_line_stays_on_the_cell(kit):
    # a caption's credit or a dateline's rest after a single blank is no column's line
    second = B[:2] + ["图片来源：新华网"] + B[3:]
    assert "就业局势稳定。图片来源：新华网" in _lines(kit, second, overflow=2.0)
