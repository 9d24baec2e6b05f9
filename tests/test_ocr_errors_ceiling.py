"""benchmarks/ocr_errors.py --ceiling: a heading field the cleaner missed is put in one class,
a layout miss (the value stands in the raw text) apart from a misread one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

pytest.importorskip("rapidfuzz")

LEAD = "本报讯〈记者张林海) 今年以来,车辆排队时间缩短,通关效率明显提高:货主满意!\n"
BODY = "本报讯（记者张林海）今年以来，车辆排队时间缩短，通关效率明显提高：货主满意！"


def _page(tmp_path: Path, name: str, text: str, title: str) -> None:
    gold = {"articles": [{"title": title, "subtitle": None, "byline": None, "dateline": "本报讯（记者张林海）",
                          "blocks": [{"kind": "paragraph", "text": BODY}]}], "dropped": []}
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_misses_are_told_apart_by_what_the_raw_text_holds(tmp_path):
    import ocr_errors
    from cleaner.rules import default_rules

    _page(tmp_path, "a", "边境口岸通关提速\n\n" + LEAD, "边境口岸通关提速")  # right
    _page(tmp_path, "b", "边境口峡通关提速\n\n" + LEAD, "边境口岸通关提速")  # one character misread
    _page(tmp_path, "c", "口岸通关\n\n" + LEAD, "边境口岸通关提速")  # misread past repair
    out = ocr_errors.ceiling(tmp_path, default_rules())
    assert (out["title", "gold"], out["title", "ok"], out["title", "near"], out["title", "misread"]) == (3, 1, 1, 1)
    assert out["title", "raw"] == out["title", "repaired"] == 0
    assert out["dateline", "ok"] == 3


def test_a_layout_miss_says_where_the_value_went(tmp_path):
    """The title stands in the raw text but the output holds it elsewhere: a layout miss,
    named by the field or block that took it."""
    import ocr_errors

    pred = {"articles": [{"title": "通关提速", "subtitle": "边境口岸通关提速", "blocks": []}], "dropped": []}
    assert ocr_errors._where("边境口岸通关提速", pred, 0, lambda s: s or "") == "same.subtitle"
    assert ocr_errors._where("边境口岸通关提速", pred, 1, lambda s: s or "") == "other.subtitle"
    pred["articles"][0]["blocks"] = [{"kind": "paragraph", "text": "边境口岸通关提速本报讯"}]
    pred["articles"][0]["subtitle"] = None
    assert ocr_errors._where("边境口岸通关提速", pred, 0, lambda s: s or "") == "same.paragraph+"
