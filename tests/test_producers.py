"""The typeset set's second PDF producer (``benchmarks/extractor_set.py --producer chromium``):
the same page printed by headless Chromium reads as the reportlab one does.

Chromium writes its own PDF: type set in pixels under a scale, every glyph and blank drawn as a
text object of its own, outlines drawn as a second copy in a Type 3 font, fonts subset under
its own names. The reader must not depend on one producer's habits. Skipped, with the reason,
where Chromium, reportlab, fontTools or the Noto CJK fonts are missing (CI has no Chromium).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab", reason="reportlab is not installed (the typeset set's first producer)")
pytest.importorskip("fontTools", reason="fontTools is not installed (the typeset set's fonts)")
if not shutil.which(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
if not NOTO.exists():
    pytest.skip(f"no {NOTO} (apt-get install fonts-noto-cjk)", allow_module_level=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extractor_set

    tmp = tmp_path_factory.mktemp("producers")
    out = {}
    for producer in ("reportlab", "chromium"):
        assert extractor_set.main([str(tmp / producer), "--split", "fit:train:1:61", "--pdf-only",
                                   "--design", "varied", "--producer", producer, "--cache", str(tmp / "fonts")]) == 0
        out[producer] = tmp / producer / "fit" / "pdf" / "f000.pdf"
    return out


def test_both_producers_print_one_page_with_one_gold(pages):
    gold = [p.with_suffix("").with_suffix(".gold.json").read_text("utf-8") for p in pages.values()]
    assert gold[0] == gold[1]
    assert b"Skia/PDF" in pages["chromium"].read_bytes()


def test_the_reader_reads_both_alike(pages):
    from cleaner.pdf import read_pdf

    got = {k: next(read_pdf(str(p))) for k, p in pages.items()}
    text = {k: re.sub(r"\s+", "", g.text) for k, g in got.items()}
    assert text["chromium"] == text["reportlab"]
    body = {k: round(g.geometry[0].body, 1) for k, g in got.items()}
    assert body["chromium"] == body["reportlab"]  # (type read at its size, not in pixels)
    # (line by line, bold alike; a run of blanks as one: PDFium's text page keeps one of two
    # blanks typed in a row of one text object, and both where each is an object of its own)
    lines = {k: [(re.sub(r" +", " ", ln), geo.bold) for ln, geo in zip(g.text.splitlines(), g.geometry)]
             for k, g in got.items()}
    assert lines["chromium"] == lines["reportlab"]


def test_the_cleaner_scores_both_alike(pages):
    from cleaner import scoring
    from cleaner.pdf import clean_pdf
    from cleaner.reports.pagejson import page_dict

    scores = {}
    for k, p in pages.items():
        gold, gdrops, _ = scoring.coerce_page(json.loads(p.with_suffix(".gold.json").read_text("utf-8")), strict=True)
        (_, pg), = list(clean_pdf(str(p)))
        pred, _, _ = scoring.coerce_page(page_dict(pg))
        scores[k] = scoring.score_page(gold, gdrops, pred, False)
    assert scores["chromium"] == scores["reportlab"]
