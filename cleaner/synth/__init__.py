"""The page synthesiser: typeset stories into raw extractor-like pages with exact gold.

``cleaner synth STORIES... -o DIR --pages N --seed S`` writes ``DIR/NAME.txt`` (the raw page),
``DIR/NAME.gold.json`` (its page JSON v1) and ``DIR/pages.json`` (which pages are already clean
or Traditional), the layout of the shared benchmark, so ``cleaner train`` and the scorer read
it as they read hand-checked pages. Page ``k`` is made from seed ``S`` and ``k`` alone: the
same command writes the same pages byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..io import write_atomic
from .page import VARIATION, PageMaker, Synth, check_page
from .stories import Story, load_stories

__all__ = ["VARIATION", "PageMaker", "Story", "Synth", "check_page", "load_stories", "write_pages"]


def page_seed(seed: int, k: int) -> int:
    """The seed of page ``k`` of a run seeded ``seed`` (independent of the page count)."""
    return seed * 1_000_003 + k


def write_pages(stories: list[Story], outdir: Path, pages: int, seed: int, prefix: str = "s",
                progress=None, conventions=None) -> list[str]:
    """Write ``pages`` synthesised pages into ``outdir``; returns their names. ``conventions``:
    the catalogue the page's printed forms are drawn from (default: the shipped one)."""
    maker = PageMaker(stories, conventions=conventions)
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = {}
    names = []
    for k in range(pages):
        name = f"{prefix}{k:04d}"
        s = maker.page(page_seed(seed, k), name=f"{name}.txt")
        (outdir / f"{name}.txt").write_bytes(s.raw.encode("utf-8"))
        write_atomic(outdir / f"{name}.gold.json", json.dumps(s.gold, ensure_ascii=False, indent=1) + "\n")
        manifest[name] = {"clean": s.clean, "script": "traditional" if s.traditional else "simplified",
                          "stories": list(s.stories)}
        names.append(name)
        if progress:
            progress()
    write_atomic(outdir / "pages.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return names
