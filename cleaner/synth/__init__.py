"""The page synthesiser: typeset stories into raw extractor-like pages with exact gold.

``cleaner synth STORIES... -o DIR --pages N --seed S`` writes ``DIR/NAME.txt`` (the raw page),
``DIR/NAME.gold.json`` (its page JSON v1) and ``DIR/pages.json`` (which pages are already clean
or Traditional), the layout of the shared benchmark, so ``cleaner train`` and the scorer read
it as they read hand-checked pages. Page ``k`` is made from seed ``S`` and ``k`` alone: the
same command writes the same pages byte for byte.

``--style ocr`` (or ``--ocr-share F``, that share of the pages) reads the pages as Tesseract
reads a printed page (:mod:`cleaner.synth.ocr`): misread characters, Tesseract's blank lines,
headlines in pieces, junk lines; the gold is the same exact gold. Whether page ``k`` is an OCR
page depends on ``S`` and ``k`` alone, and a page that is not is byte for byte the page the
plain run writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..io import write_atomic
import random

from .ocr import OcrNoise, load_noise
from .page import VARIATION, PageMaker, Synth, check_page
from .stories import Story, load_stories

__all__ = ["VARIATION", "OcrNoise", "PageMaker", "Story", "Synth", "check_page", "load_noise", "load_stories",
           "write_pages"]


def page_seed(seed: int, k: int) -> int:
    """The seed of page ``k`` of a run seeded ``seed`` (independent of the page count)."""
    return seed * 1_000_003 + k


def is_ocr_page(seed: int, k: int, share: float) -> bool:
    """Whether page ``k`` of a run seeded ``seed`` is read in the OCR style (a generator of
    its own: the plain pages of a mixed run are the plain run's pages)."""
    if share <= 0:
        return False
    return share >= 1 or random.Random(f"style:{seed}:{k}").random() < share


def write_pages(stories: list[Story], outdir: Path, pages: int, seed: int, prefix: str = "s",
                progress=None, conventions=None, ocr_share: float = 0.0,
                ocr_noise: OcrNoise | None = None) -> list[str]:
    """Write ``pages`` synthesised pages into ``outdir``; returns their names. ``conventions``:
    the catalogue the page's printed forms are drawn from (default: the shipped one);
    ``ocr_share``: the share of pages read in the OCR style, with ``ocr_noise``'s rates (default:
    the shipped ``ocr_noise.json``)."""
    maker = PageMaker(stories, conventions=conventions)
    ocr_maker = None
    if ocr_share > 0:
        ocr_maker = PageMaker(stories, conventions=conventions, ocr=ocr_noise or load_noise())
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = {}
    names = []
    for k in range(pages):
        name = f"{prefix}{k:04d}"
        ocr = is_ocr_page(seed, k, ocr_share)
        s = (ocr_maker if ocr else maker).page(page_seed(seed, k), name=f"{name}.txt")
        (outdir / f"{name}.txt").write_bytes(s.raw.encode("utf-8"))
        write_atomic(outdir / f"{name}.gold.json", json.dumps(s.gold, ensure_ascii=False, indent=1) + "\n")
        manifest[name] = {"clean": s.clean, "script": "traditional" if s.traditional else "simplified",
                          "stories": list(s.stories)}
        if ocr:
            manifest[name]["style"] = "ocr"
        names.append(name)
        if progress:
            progress()
    write_atomic(outdir / "pages.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return names
