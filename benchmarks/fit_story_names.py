"""Count the decoder's wrong roles of lone headings (issue #14: a title read as a subhead, a
subhead read as a title) on synthesised splits, with rule parameters set for a try.

    python benchmarks/fit_story_names.py train hunt valid wide fresh \\
        [--set A003.story_names=0 --set A003.story_names_reach=[3,2] ...]

For every page the cleaner's stages run up to assemble, and its decoder (``Assembler.segment``,
as benchmarks/trace_segments.py runs it) reads the page; every heading group of one heading
between two paragraphs is labelled by the synthesiser's owner of its line (the page made again
from its seed, as benchmarks/seg_errors.py makes it): a subhead, or a title. A title read as
a subhead (``sub``) and a subhead read any other way (closing the article before, opening the
next, a headline inside its text) are counted. This is where A003 story_names was chosen
(the figures in rules/assemble.toml); the page figures are benchmarks/evaluate.py's. The test
split is refused, as seg_errors.py refuses it.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from seg_errors import maker_for, rules_with_sets, traced_with_roles  # noqa: E402


def lone_roles(path: Path, rules, maker, seed) -> list[tuple[str, str]]:
    """(gold role: 'sub' or 'title', the decoder's reading) of each lone heading between two
    paragraphs of one page."""
    got = traced_with_roles(path, rules, maker, seed)
    if got is None:
        return []
    a, seq, read, role = got
    out = []
    for t, item in enumerate(seq):
        if not (isinstance(item, list) and len(item) == 1 and item[0].kind == "heading"):
            continue
        if t == 0 or t + 1 >= len(seq) or isinstance(seq[t - 1], list) or isinstance(seq[t + 1], list):
            continue
        r = role(item[0])
        if r == "sub" or r.startswith("head:title"):
            out.append(("sub" if r == "sub" else "title", read[t]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", nargs="+", help="names of benchmarks/splits subfolders (not test)")
    ap.add_argument("--set", action="append", default=[], metavar="RULE.key=JSON",
                    help="a rule parameter set for the try (repeatable), e.g. A003.story_names=0")
    args = ap.parse_args()
    rules = rules_with_sets(args.set)
    for split in args.splits:
        if split == "test":
            ap.error("the test split is held out")
        maker, seed = maker_for(split)
        counts = Counter()
        for path in sorted((ROOT / "benchmarks" / "splits" / split).glob("*.txt")):
            for gold, read in lone_roles(path, rules, maker, seed):
                counts[(gold, read == "sub")] += 1
        t2s, s2o = counts[("title", True)], counts[("sub", False)]
        print(f"{split}: lone headings {sum(counts.values())}, title read as subhead {t2s}, "
              f"subhead read otherwise {s2o} (wrong {t2s + s2o})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
