"""C002 ``merged_runs``: a run of poppler's lines (no blank line between them) in which two
columns' lines standing at one height are printed as one line, a single blank between them,
is read as rows read across: its lines cut at those blanks, each column read whole."""

from __future__ import annotations

import cleaner
from cleaner.rules import default_rules
from cleaner.stages import interleave

LEFT = ("记者从市文化和旅游局获悉，今年春节假期全市共接待游客三百二十万人次，同比增长百分之十五，"
        "实现旅游收入二十八亿元，同比增长百分之十八，各大景区人气旺盛，博物馆、图书馆、文化馆")[:60]
RIGHT = ("本报讯近日，市农业农村局组织技术人员深入田间地头，指导农户做好春耕备耕工作，确保"
         "农资供应充足、价格稳定，全市已调运化肥种子农药等农资十余万吨，春耕生产有序推进，"
         "各地抢抓农时，翻耕土地，育秧插秧，田野里处处是繁忙的景象")[:96]


def _cut(text: str, n: int) -> list[str]:
    return [text[k:k + n] for k in range(0, len(text), n)]


def _run() -> list[str]:
    """The right column's first three lines alone (the left column's lines at that height
    ended a block above), then five rows of both columns printed as one line each."""
    left, right = _cut(LEFT, 12), _cut(RIGHT, 12)
    return right[:3] + [x + " " + y for x, y in zip(left, right[3:])]


def _text(page) -> str:
    return "".join(b.text for art in page.articles for b in art.body)


def test_a_run_of_rows_read_across_is_read_column_by_column():
    page = cleaner.clean("\n".join(_run()) + "\n\n\f")
    text = _text(page)
    assert LEFT in text and RIGHT[:84] in text
    assert text.index(LEFT) < text.index(RIGHT[:84])  # the left column first
    moves = [c for c in page.changes if c.rule == "C002"]
    assert moves and all(c.action == "move" for c in moves)
    # (each change says what it moved: its text before is the page's, after the columns)
    assert all(page.source[c.span[0]:c.span[1]] == c.before for c in moves)


def test_the_run_is_left_alone_without_merged_runs():
    rules = default_rules()
    params = rules["C002"].params
    assert params["merged_runs"] is True
    texts = _run()
    parts, gaps, perm, preds = interleave.run_pieces(texts, [0] * len(texts), {**params, "merged_runs": True})
    assert len(parts) == 3 + 2 * 5 and perm != list(range(len(parts)))
    # too few lines cut for the run: nothing is cut, nothing moves
    parts, gaps, perm, preds = interleave.run_pieces(texts, [0] * len(texts), {**params, "merged_run_cuts": 6})
    assert len(parts) == len(texts) and perm == list(range(len(texts))) and set(preds) == {-1}


def test_two_pieces_of_one_line_never_join_and_the_left_column_is_read_first():
    p = default_rules()["C002"].params
    left, right = _cut(LEFT, 12), _cut(RIGHT, 12)
    texts = right[:3]
    line_of, column = [0, 1, 2], [-1, -1, -1]
    for k, (x, y) in enumerate(zip(left, right[3:])):
        texts += [x, y]
        line_of += [3 + k, 3 + k]
        column += [0, 1]
    got, preds = interleave.local_order(texts, p, line_of, column)
    assert all(j < 0 or line_of[j] != line_of[i] for i, j in enumerate(preds))
    read = "".join(texts[u] for u in got)
    assert read == LEFT + RIGHT[:96]
