"""Headline lines the line/rejoin stages glued into a block of body text: how many, and where.

    python benchmarks/glued_heads.py SPLIT [--pages N]

Each page is synthesised again (the synthesiser's line owners as truth) and cleaned stage by
stage. Each run of headline lines (starting with a ``head:title`` or ``head:subtitle`` line)
inside a rejoin block that holds body text (``para``) too is one event, printed with what
stands before and after the run in its block (``para``, ``head``, ``-`` for the block's edge),
whether the body line above it closes a sentence, whether label (L006) parted it again (a
block edge on each side where body text stands), whether the cleaned page reads its first
line as body text ("title read as text"), the lines' widths and the block's column; then the
counts. Only the training and choosing splits (never test).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages import PIPELINE, label, rejoin  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from seg_errors import maker_for, owners_by_offset  # noqa: E402

_ENDS = tuple("。！？…”」")


def staged(raw: str, name: str):
    """The page after rejoin, after label, and cleaned."""
    page = Page(name=name, source=raw, rules=default_rules(), overlay=Overlay(raw))
    out = {}
    for stage in PIPELINE:
        page = stage.run(page)
        out[stage] = page
    return out[rejoin], out[label], page


def body_lines(page) -> set[int]:
    """The lines the cleaned ``page`` reads as body text (an article's paragraphs)."""
    return {k for a in page.articles for b in a.body if b.kind == "paragraph" for k in b.lines}


def events(s, name: str) -> list[dict]:
    """The glued headlines of synthesised page ``s``: each run of headline lines inside a
    block that holds body text too, after rejoin, and whether label parted it (a block edge
    on each side of the run where body text stands there)."""
    starts, owners = owners_by_offset(s)
    after_join, after_label, final = staged(s.raw, name)
    body = body_lines(final)

    def owner(k):
        return owners[bisect.bisect_right(starts, after_join.lines[k].start) - 1]

    edges = {b.lines[0] for b in after_label.blocks}
    out = []
    for b in after_join.blocks:
        own = [owner(k) for k in b.lines]
        if not any(o[0] == "para" for o in own):
            continue
        pos = 0
        while pos < len(b.lines):
            if not (own[pos][0] == "head" and own[pos][2] in ("title", "subtitle")):
                pos += 1
                continue
            end = pos
            while end + 1 < len(b.lines) and own[end + 1][0] == "head":
                end += 1
            before = own[pos - 1][0] if pos else "-"
            after = own[end + 1][0] if end + 1 < len(b.lines) else "-"
            parted = (before != "para" or b.lines[pos] in edges) and \
                (after != "para" or b.lines[end + 1] in edges)
            texts = [after_join.lines[k].text.strip() for k in b.lines]
            above = texts[pos - 1] if pos else ""
            below = texts[end + 1] if end + 1 < len(b.lines) else ""
            out.append(dict(name=name, before=before, after=after, parted=parted, as_text=b.lines[pos] in body,
                            above_ends=above.endswith(_ENDS), n=end - pos + 1,
                            widths=[after_join.lines[k].width for k in b.lines[pos:end + 1]], col=b.width,
                            text=f"{above[-12:]} / [{' | '.join(texts[pos:end + 1])}] / {below[:12]}"))
            pos = end + 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["train", "valid", "wide", "fresh"])
    ap.add_argument("--pages", type=int)
    args = ap.parse_args(argv)
    maker, seed = maker_for(args.split)
    folder = ROOT / "benchmarks" / "splits" / args.split
    names = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))[: args.pages]
    counts = collections.Counter()
    for name in names:
        s = maker.page(page_seed(seed, int(name[1:])), name=f"{name}.txt")
        if not s.lines:
            continue
        for e in events(s, name):
            key = (e["before"] + ">head>" + e["after"], "above ends" if e["above_ends"] else "above open",
                   "parted by label" if e["parted"] else "glued", "as text" if e["as_text"] else "as heading")
            counts[key] += 1
            print(name, *key, "w", "/".join(f"{w:.1f}" for w in e["widths"]), f"col {e['col']:.1f}", e["text"])
    for k, v in counts.most_common():
        print(v, *k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
