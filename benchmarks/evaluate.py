"""Figures side by side: train / validation / test splits and the dev smoke test.

    python benchmarks/evaluate.py [--rules DIR] [--splits DIR] [--dev DIR]

Run benchmarks/splits.py first. The dev pages (``../shared/bench/dev``) are a smoke test,
never a target: no constant is chosen by watching them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.errors import InputError  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.train import Evaluator, load_gold_dirs, table  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", action="append", help="a rule folder layered over rules/ (repeatable); it reaches the PDF reader too")
    ap.add_argument("--splits", default=str(ROOT / "benchmarks" / "splits"), help="folder whose subfolders are gold sets (default: benchmarks/splits)")
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "bench" / "dev"))
    ap.add_argument("--only", default="train,valid,test,dev", help="comma-separated subfolders of --splits to score; dev means --dev")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    rules = load_rules(args.rules)
    rows, failed = [], []
    for name in args.only.split(","):
        d = Path(args.dev) if name == "dev" else Path(args.splits) / name
        if not d.is_dir():
            print(f"(no {d})", file=sys.stderr)
            continue
        if not any(d.glob("*.gold.json")):  # (a typeset set keeps each extractor's pages a level down)
            inner = sorted(p.name for p in d.iterdir() if p.is_dir() and any(p.glob("*.gold.json")))
            if inner:
                raise InputError(f"{d}: no gold pages here; its subfolders {', '.join(inner)} hold some: "
                                 f"--splits {d} --only {','.join(inner)}")
        with Evaluator(load_gold_dirs([d], rules), args.jobs) as ev:  # (rules reach the PDF reader too)
            rows.append((name, ev.summary(rules)))
            failed += [f"{name}/{n}" for n in ev.failed]
    print(table(rows))
    if failed:  # (such a page scores as empty: say so, not only through a low figure)
        print(f"error: the cleaner raised on {len(failed)} page(s): {', '.join(failed[:10])}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except InputError as exc:  # (a folder that holds no gold pages: one line, no traceback)
        sys.exit(f"error: {exc}")
