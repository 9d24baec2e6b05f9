"""benchmarks/fit_interleave.py --oracle: an extractor's page read in its true order, with its
true joins, and as whole true streams (what each cause of issue #16's error costs, end to end)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cleaner.rules import load_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fit_interleave  # noqa: E402

A = [f"本报讯今年以来全市新增就业岗位第{n}行，" for n in "一二三四五六七八九十"]
B = [f"记者从市文化和旅游局获悉今年春节假期全市接待游客第{n}行，" for n in "一二三四五六七八九十"]


def _lines(text: str) -> list[str]:
    return [t for t in text.split("\n") if t.strip() and t != "\f"]


def test_true_predecessors_look_back_however_far_and_not_forward():
    # boxes in the extractor's order hold true lines 0, 2, 1, 3: box 1 (line 2) follows box 2
    # (line 1), which comes later, so box 1 opens a stream
    units = [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert fit_interleave.true_preds(units, [0, 2, 1, 3]) == [-1, -1, 0, 1]
    assert fit_interleave.true_preds(units, [0, None, 1, 2]) == [-1, -1, 0, 2]


def test_a_page_read_across_is_read_in_its_true_order_and_true_streams():
    rule = load_rules(None)["C002"]
    across = [t for a, b in zip(A, B) for t in (a, b)]
    got = fit_interleave.oracle_texts(across, [0] + [1] * (len(across) - 1), A + B, rule)
    for name in ("order", "joins", "streams"):
        assert _lines(got[name]) == A + B, name
        assert got[name].endswith("\f")  # (still the text of an extractor that reads across)


def test_a_page_not_read_across_is_reordered_only_in_the_true_order():
    rule = load_rules(None)["C002"]
    lines = A[:3] + B[:2]
    got = fit_interleave.oracle_texts(lines, [0, 0, 0, 1, 0], B[:2] + A[:3], rule)
    assert _lines(got["order"]) == B[:2] + A[:3]
    assert _lines(got["joins"]) == _lines(got["streams"]) == lines
    assert got["joins"].startswith(A[0] + "\n" + A[1]) and "\n\n" + B[0] in got["joins"]


def test_the_oracle_folders_are_gold_sets(tmp_path):
    d = tmp_path / "fit"
    for ext, text in (("pymupdf", "\n".join(A + B) + "\n"),
                      ("pdfminer", "\n\n".join(t for a, b in zip(A, B) for t in (a, b)) + "\n\n\f")):
        (d / ext).mkdir(parents=True)
        (d / ext / "p1.txt").write_text(text, encoding="utf-8")
        (d / ext / "p1.gold.json").write_text(json.dumps({"articles": []}), encoding="utf-8")
    made = fit_interleave.write_oracles([d], tmp_path / "out", load_rules(None)["C002"], ("pdfminer",))
    assert made == ["fit_pdfminer_order", "fit_pdfminer_joins", "fit_pdfminer_streams"]
    for name in made:
        assert (tmp_path / "out" / name / "p1.gold.json").exists()
        assert _lines((tmp_path / "out" / name / "p1.txt").read_text(encoding="utf-8")) == A + B
