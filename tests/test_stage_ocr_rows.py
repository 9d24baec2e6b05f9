"""C003: rows an OCR engine read across the columns (Tesseract ``--psm 4``), cut at the gutters.

Hand-made rows as the engine writes them: three columns of one measure side by side, parted by
one blank, several, a mark read from the gutter (``“``, ``”``) or nothing; and text read one
column at a time, which must stay as it is. The OCR set's figures are held in
``tests/test_stage_ocr.py``.
"""

from __future__ import annotations

import cleaner
from cleaner.conservation import check
from cleaner.chars import width
from cleaner.model import Overlay, Page, new_line
from cleaner.rules import default_rules
from cleaner.stages.ocr_rows import Row, cut_row, lanes_of

# three columns of 12 ems (one article), each a run of lines
A = ("本报讯今年以来，全市新增就业岗位三万个，同比增长百分之五，城镇调查失业率保持在较低水平，"
     "就业局势保持总体稳定，重点群体就业得到有效保障，新就业形态不断涌现，劳动者权益得到更好维护。")
B = ("市人社局有关负责人表示，下一步将继续加大稳就业政策支持力度，帮助高校毕业生等重点群体实现就业，"
     "推动就业扩容提质，健全终身职业技能培训制度，完善覆盖城乡的公共就业服务体系并促进高质量充分就业。")
C = ("各区县也纷纷出台措施，开发公益性岗位，开展职业技能培训，为困难群众提供兜底帮扶，切实保障和改善民生，"
     "一批返乡创业园区陆续建成投用，带动周边农民工就近就业，群众的获得感幸福感安全感持续增强。")
#: what stands between two columns in each row: a blank, a gutter mark, nothing, several blanks
SEPS = [("  ", " "), ("“", "   "), (" ", " ”"), ("", " "), ("   ", " "), (" ”", " "), (" ", "  "), ("  ", "“ ")]


def _lines(text: str, measure: int = 12) -> list[str]:
    return [text[k:k + measure] for k in range(0, len(text), measure)]


def _rows() -> list[str]:
    a, b, c = _lines(A), _lines(B), _lines(C)
    return [a[k] + SEPS[k][0] + b[k] + SEPS[k][1] + c[k] for k in range(len(a))]


def _text(rows) -> str:
    return "\n".join(rows) + "\n"


def test_rows_read_across_are_read_column_by_column():
    page = cleaner.clean(_text(_rows()), extractor="ocr")
    body = "".join(a.text for a in page.articles).replace("\n", "")
    assert A in body and B in body and C in body
    assert body.index(A) < body.index(B) < body.index(C)
    moves = [c for c in page.changes if c.rule == "C003" and c.action == "move"]
    assert len(moves) == 1 and "3 columns" in moves[0].reason and "12, 12, 12" in moves[0].reason


def test_gutter_marks_are_deleted_and_recorded():
    page = cleaner.clean(_text(_rows()), extractor="ocr")
    deleted = [c for c in page.changes if c.rule == "C003" and c.action == "delete"]
    # the “ or ” in the gutters of rows 2, 3, 6 and 8 (an opening mark that would end a line,
    # a closing one that would start one), and none of the text's own marks
    assert sorted(c.before for c in deleted) == ["“", "“", "”", "”"]
    assert all(c.edits and c.edits[0].text == "" for c in deleted)
    assert check(page) == []


def test_the_cut_is_decided_over_the_band():
    rule = default_rules()["C003"]
    text = _text(_rows())
    page = Page(name="rows.txt", source=text, rules=default_rules(), overlay=Overlay(text))
    rows, at = [], 0
    for k, row in enumerate(_rows()):
        rows.append(Row(page, new_line((k, at, at + len(row), row, width(row), 0)), rule.params["marks"]))
        at += len(row) + 1
    lanes = lanes_of(rows, rule.params)
    assert lanes == [12.0, 12.0, 12.0]
    # the row with no gutter at all between its first two columns is cut between two characters
    cost, segs, junk = cut_row(rows[3], lanes, rule.params)
    assert [rows[3].chars[s:e].strip() for _, s, e in segs] == [_lines(A)[3], _lines(B)[3], _lines(C)[3]]
    assert junk == ()


def test_text_read_one_column_at_a_time_is_left_alone():
    one_column = _lines(A) + [""] + _lines(B) + [""] + _lines(C)
    page = cleaner.clean(_text(one_column), extractor="ocr")
    assert not [c for c in page.changes if c.rule == "C003"]


def test_only_on_ocr_output():
    # the same rows said to come from a PDF text layer: not an OCR engine's, not cut here
    page = cleaner.clean(_text(_rows()), extractor="pymupdf")
    assert not [c for c in page.changes if c.rule == "C003"]


def test_second_pass_changes_nothing():
    page = cleaner.clean(_text(_rows()), extractor="ocr")
    again = cleaner.clean("\n\n".join(a.text for a in page.articles) + "\n", extractor="ocr")
    assert not [c for c in again.changes if c.rule == "C003"]


# C003 on Tesseract --psm 4 rows (issue #18): the last column of a band seen in a few rows only,
# and a piece that would run across a wide gutter.

def _row_objects(texts: list[str]) -> tuple[list[Row], dict]:
    rules = default_rules()
    p = rules["C003"].params
    source = "\n".join(texts) + "\n"
    page = Page(name="rows.txt", source=source, rules=rules, overlay=Overlay(source))
    rows, at = [], 0
    for k, t in enumerate(texts):
        rows.append(Row(page, new_line((k, at, at + len(t), t, width(t), 0)), p["marks"]))
        at += len(t) + 1
    return rows, p


def test_a_last_column_seen_in_too_few_rows_is_a_lane_of_the_last_measure():
    # two columns in six rows, a third beside them in the first two only (the rest of the
    # engine's row went to another band): the third is a lane, not run into the second
    a, b, c = _lines(A), _lines(B), _lines(C)
    texts = [a[k] + " " + b[k] + (" " + c[k] if k < 2 else "") for k in range(6)]
    rows, p = _row_objects(texts)
    p = {**p, "tail_lane": True}
    lanes = lanes_of(rows, p)
    assert lanes == [12.0, 12.0, 12.0]
    assert lanes_of(rows, {**p, "tail_lane": False}) == [12.0, 12.0]
    cost, segs, _ = cut_row(rows[0], lanes, p)
    assert [rows[0].chars[s:e].strip() for _, s, e in segs] == [a[0], b[0], c[0]]


def test_a_piece_does_not_run_across_a_wide_gutter():
    # a paragraph's last line (5 ems), blanks, a byline's short last line (3 ems), then a full
    # line: the two short ones are two columns' lines, not one line of the first column
    a, c = _lines(A), _lines(C)
    row_text = "劳动者权益。       韩梅说      " + c[0]
    rows, p = _row_objects([row_text])
    lanes = [12.0, 12.0, 12.0]
    p = {**p, "span_wide": 2.0, "open_cuts": ["wide", "blank"]}
    cost, segs, _ = cut_row(rows[0], lanes, p)
    pieces = [(lane, rows[0].chars[s:e].strip()) for lane, s, e in segs]
    assert pieces == [(0, "劳动者权益。"), (1, "韩梅说"), (2, c[0])]
    # without the cost of running across it, the two short lines are read as one
    cost, segs, _ = cut_row(rows[0], lanes, {**p, "span_wide": 0.0})
    assert len(segs) == 2


def test_a_gutter_mark_with_a_blank_either_side_is_a_wide_gutter():
    rules = default_rules()
    marks = rules["C003"].params["marks"]
    text = "劳动者权益得到更好维护 ， 各区县也纷纷出台措施"
    page = Page(name="row.txt", source=text + "\n", rules=rules, overlay=Overlay(text + "\n"))
    line = new_line((0, 0, len(text), text, width(text), 0))
    kinds = [(kind, junk) for _, _, kind, junk in Row(page, line, marks, None, True).cuts if kind != "plain"]
    assert kinds == [("wide", (text.index("，", 8),))]
    # off, a blank: two blanks apart are no run of them
    assert [kind for _, _, kind, _ in Row(page, line, marks).cuts if kind != "plain"] == ["blank"]
