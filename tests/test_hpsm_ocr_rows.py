"""C003 on Tesseract ``--psm 4`` rows: the last column of a band seen in a few rows only, and a
piece that would run across a wide gutter (issue #18).

Hand-made rows of columns 12 ems wide, as the engine writes them.
"""

from __future__ import annotations

from cleaner.chars import width
from cleaner.model import Overlay, Page, new_line
from cleaner.rules import default_rules
from cleaner.stages.ocr_rows import Row, cut_row, lanes_of

A = ("本报讯今年以来，全市新增就业岗位三万个，同比增长百分之五，城镇调查失业率保持在较低水平，"
     "就业局势保持总体稳定，重点群体就业得到有效保障，新就业形态不断涌现，劳动者权益得到更好维护。")
B = ("市人社局有关负责人表示，下一步将继续加大稳就业政策支持力度，帮助高校毕业生等重点群体实现就业，"
     "推动就业扩容提质，健全终身职业技能培训制度，完善覆盖城乡的公共就业服务体系并促进高质量充分就业。")
C = ("各区县也纷纷出台措施，开发公益性岗位，开展职业技能培训，为困难群众提供兜底帮扶，切实保障和改善民生，"
     "一批返乡创业园区陆续建成投用，带动周边农民工就近就业，群众的获得感幸福感安全感持续增强。")


def _lines(text: str, measure: int = 12) -> list[str]:
    return [text[k:k + measure] for k in range(0, len(text), measure)]


def _rows(texts: list[str]) -> tuple[list[Row], dict]:
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
    rows, p = _rows(texts)
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
    rows, p = _rows([row_text])
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
