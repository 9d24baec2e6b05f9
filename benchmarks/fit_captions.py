"""Fit L003's ``bare_weights`` (captions with no 图为 and no credit seen) on gold pages.

    python benchmarks/fit_captions.py benchmarks/splits/train --validation benchmarks/splits/valid

For every page the label stage runs as ``cleaner clean`` runs it, with bare captions off, and every run of lines :func:`cleaner.stages.captions.candidate_runs`
offers is labelled by the gold page: a caption when its sentence is the sentence of one of the
page's gold captions. A logistic regression (``cleaner.train.fit_weights``, ridge ``--ridge`` on
the standardised cues) gives the weights, printed as the TOML table for ``rules/label.toml``;
with ``--validation`` the runs of those pages are scored too (log loss and, at a few
thresholds, the runs taken, right and wrong), which is where the threshold is chosen.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.chars import nows  # noqa: E402
from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages import PIPELINE, label  # noqa: E402
from cleaner.stages.captions import CUES, candidate_runs  # noqa: E402
from cleaner.train import fit_weights, threshold_report  # noqa: E402

_END = re.compile("[。！？][”’」』]?")


def _runs(path: Path):
    off = default_rules()
    label.find_bare_captions = lambda page, blocks, *_: blocks  # (the runs as the stage before them sees them)
    name = path.name[: -len(".gold.json")]
    gold = json.loads(path.read_text(encoding="utf-8"))
    caps = set()
    for a in gold["articles"]:
        for c in a.get("captions") or []:
            c = nows(c)
            m = _END.search(c)
            caps.add(c[: m.end()] if m else c)
    text = (path.parent / f"{name}.txt").read_text(encoding="utf-8")
    page = Page(name=name, source=text, rules=off, overlay=Overlay(text))
    for stage in PIPELINE:
        page = stage.run(page)
        if stage is label:
            break
    return [(r.cues, r.sentence in caps) for r in candidate_runs(page, list(page.blocks), off["L003"], off)]


def load(dirs: list[Path]):
    paths = [p for d in dirs for p in sorted(d.glob("*.gold.json"))]
    with Pool(2) as pool:
        return [row for rows in pool.map(_runs, paths) for row in rows]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="+")
    ap.add_argument("--validation", type=Path, nargs="+")
    ap.add_argument("--ridge", type=float, default=1.0,
                    help="ridge penalty on the standardised cues (chosen on valid: runs taken/right/wrong at "
                         "threshold 0.2: 15/14/1 at ridge 1; 0.3, 3 and 10 no better)")
    args = ap.parse_args()
    train = load(args.train)
    print(f"train: {len(train)} runs, {sum(ok for _, ok in train)} captions", file=sys.stderr)
    w = fit_weights(train, CUES, args.ridge)
    print("bare_weights = { " + ", ".join(f"{k} = {v}" for k, v in w.items()) + " }")
    sets = [("train", train)] + ([("validation", load(args.validation))] if args.validation else [])
    for name, rows in sets:
        probs = [(1 / (1 + math.exp(-max(-30, min(30, w["bias"] + sum(w[k] * v for k, v in zip(CUES, x)))))), ok)
                 for x, ok in rows]
        loss, *rows_out = threshold_report(probs, (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), "taken")
        print(f"{name}: {len(probs)} runs, {sum(ok for _, ok in probs)} captions, {loss}")
        print("\n".join(rows_out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
