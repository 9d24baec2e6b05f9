"""Line joins (J001) across articles, counted with the synthesiser's line owners as truth.

    python benchmarks/glue_joins.py SPLIT[,SPLIT…] [--pages N] [--list] [--dump FILE]

A headline drawn across columns cuts two articles' paragraphs; extraction then prints the cut
end of one article's paragraph right before another article's lines, and the line-joining stage
may join them into one paragraph that no later stage can part again. This regenerates each page
from its seed (every raw line carries its owner), cleans it, and counts the J001 joins whose two
lines belong to different articles ("glued"), and the joins inside one paragraph ("right"), so a
change to J001 can be read as glues removed against right joins lost. ``--dump`` writes every
join (kind, page, the two lines, score, cues) for finding the cues. Never the test split.
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

from cleaner import clean  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from seg_errors import maker_for, owners_by_offset  # noqa: E402


def kind_of(a: tuple, b: tuple) -> str:
    """What a join between lines owned by ``a`` and ``b`` is."""
    if a == b:
        return "right"
    art = lambda o: o[1] if o and o[0] in ("para", "sub", "head") else None  # noqa: E731
    if art(a) is not None and art(b) is not None and art(a) != art(b):
        return "glued"
    if a and b and a[0] == b[0] == "para":
        return "paras"  # two paragraphs of one article
    return "other"


def split_joins(split: str, pages: int | None, out: list | None) -> collections.Counter:
    maker, seed = maker_for(split)
    folder = ROOT / "benchmarks" / "splits" / split
    names = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))[:pages]
    count = collections.Counter()
    for name in names:
        s = maker.page(page_seed(seed, int(name[1:])), name=f"{name}.txt")
        if not s.lines or s.raw != (folder / f"{name}.txt").read_bytes().decode("utf-8"):
            continue
        starts, owners = owners_by_offset(s)
        page = clean(s.raw, name=name + ".txt")
        own = lambda at: owners[bisect.bisect_right(starts, at) - 1]  # noqa: E731
        by_end = {ln.end: k for k, ln in enumerate(page.lines)}
        for c in page.changes:
            if c.rule != "J001" or c.action != "join":
                continue
            a, b = own(c.span[0] - 1), own(c.span[1])
            k = kind_of(a, b)
            count[k] += 1
            if out is not None:
                ta = s.raw[s.raw.rfind("\n", 0, c.span[0] - 1) + 1: c.span[0]]
                tb = s.raw[c.span[1]: s.raw.find("\n", c.span[1])]
                j = by_end.get(c.span[0])
                ws = " ".join(f"{page.lines[x].width:.1f}" if 0 <= x < len(page.lines) else "-"
                              for x in range(j - 3, j + 4)) if j is not None else "?"
                out.append(f"{k}\t{split}/{name}\t{ta}\t{tb}\t{ws}\t{a}\t{b}\t{c.reason}")
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits")
    ap.add_argument("--pages", type=int)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--dump")
    args = ap.parse_args(argv)
    out = [] if (args.list or args.dump) else None
    for split in args.splits.split(","):
        if split == "test":
            raise SystemExit("the test split is held out")
        c = split_joins(split, args.pages, out)
        print(f"{split}: glued {c['glued']}  right {c['right']}  paras {c['paras']}  other {c['other']}")
    if args.dump:
        Path(args.dump).write_text("\n".join(out) + "\n", encoding="utf-8")
    elif args.list:
        print("\n".join(r for r in out if r.startswith("glued")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
