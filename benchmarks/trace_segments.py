"""Print the assemble stage's chosen reading of each paragraph and heading group (debugging).

    python benchmarks/trace_segments.py PAGE.txt|PAGE.pdf
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's cleaner, not an installed one

from cleaner.model import Layout, Overlay, Page
from cleaner.rules import default_rules
from cleaner.stages import PIPELINE
from cleaner.stages.assemble import Assembler


def traced(page: Page) -> tuple[Assembler, list]:
    """The assemble stage's worker after decoding ``page`` (read by the stages before it) as
    :meth:`Assembler.run` does, its ``trace`` kept (each item's reading, cost and state), and
    the healed units it decoded."""
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    a.trace = []
    units = [b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")]
    units = a.heal_across(units, [b for b in page.blocks if b.kind not in ("heading", "byline", "paragraph")])
    units = a.heal(a.join_split_headlines(units))
    a.segment(units)  # (as Assembler.run does)
    return a, units


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):  # (usage, not a page called --help)
        print(__doc__)
        return
    layout = None
    if argv[0].endswith(".pdf"):  # (the first page, read as cleaner.pdf.clean_pdf reads it)
        from cleaner.pdf import read_pdf

        got = next(read_pdf(argv[0]))
        text = got.text
        layout = Layout(geometry=tuple(got.geometry), copies=tuple(got.copies), page_size=tuple(got.size))
    else:
        text = open(argv[0], encoding="utf-8").read()
    page = Page(name=argv[0], source=text, rules=default_rules(), overlay=Overlay(text))
    if layout is not None:
        page = page.evolve(layout=layout)
    a, _ = traced(page)
    for t, item, kind, k, cost, st in reversed(a.trace):
        if isinstance(item, list):
            what = " / ".join(f"{b.kind[0]}:{b.text[:14]}" for b in item)
        else:
            what = f"P L{item.first + 1} w={item.width:.1f} {item.text[:20]}"
        print(f"{t:3d} {kind:8s} {cost:6.2f} {st} {what}")


if __name__ == "__main__":
    main(sys.argv[1:])
