"""Fit A009's weights (reuniting an article read as two) on synthesised training pages.

    python benchmarks/fit_reunite.py benchmarks/splits/train benchmarks/pdf_train2/train/pdf \
        --validation benchmarks/splits/valid benchmarks/pdf_train2/valid/pdf

A folder's pages are its ``NAME.txt`` (raw text) or ``NAME.pdf`` (typeset: read by the PDF
reader, with its geometry) beside ``NAME.gold.json``.

For every page the cleaner's drafts are made as ``cleaner clean`` makes them, every pair of
drafts that could be one article is measured (``Assembler.reunite_cues``), and the pair is
labelled by the gold page: one article when most of both drafts' paragraphs belong to the same
gold article. A logistic regression (``cleaner.train.calibrate``: Newton's method, with a ridge
on the standardised cues, ``--ridge``) of the label on the cues gives the weights, printed as the TOML table to put in
``rules/assemble.toml``; with ``--validation`` the pairs of those pages are scored too (log loss,
and precision / recall of joins at a few thresholds), which is where the threshold is chosen.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.chars import nows  # noqa: E402
from cleaner.model import Layout, Overlay, Page  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages import PIPELINE  # noqa: E402
from cleaner.stages.assemble import Assembler  # noqa: E402
from cleaner.stages.assemble.confidence import logistic  # noqa: E402
from cleaner.stages.assemble.reunite import CUES  # noqa: E402
from cleaner.train import fit_weights  # noqa: E402


def gold_owner(gold: dict):
    """A function: paragraph text -> the gold article it belongs to (or None)."""
    bodies = [nows("".join(b["text"] for b in a["blocks"] if b["kind"] == "paragraph")) for a in gold["articles"]]

    def owner(text: str):
        key = nows(text)[:12]
        hits = [n for n, body in enumerate(bodies) if key and key in body]
        return hits[0] if len(hits) == 1 else None
    return owner


def pairs_of(path: Path, rules):
    """(cues, one article?) for every candidate pair of drafts on one page."""
    gold = json.loads(gold_path(path).read_text(encoding="utf-8"))
    if path.suffix == ".pdf":
        from cleaner.pdf import read_pdf

        got = next(read_pdf(str(path), rules=rules))
        page = Page(name=path.name, source=got.text, rules=rules, overlay=Overlay(got.text))
        page = page.evolve(layout=Layout(geometry=tuple(got.geometry), copies=tuple(got.copies),
                                         page_size=tuple(got.size) if got.size else None))
    else:
        text = path.read_text(encoding="utf-8")
        page = Page(name=path.name, source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    drafts = a.drafts()
    owner = gold_owner(gold)
    major = []
    for d in drafts:
        votes = Counter()
        for b in d.paragraphs:
            o = owner(b.text)
            if o is not None:
                votes[o] += len(b.text)
        major.append(votes.most_common(1)[0][0] if votes else None)
    return [(tuple(c[k] for k in CUES), major[i] is not None and major[i] == major[j])
            for i, j, c in a.reunite_cues(drafts)]


def gold_path(p: Path) -> Path:
    return p.with_name(p.stem + ".gold.json")


def load(splits: list[Path], rules):
    rows = []
    for split in splits:
        for page in sorted([*split.glob("*.txt"), *split.glob("*.pdf")]):
            if gold_path(page).exists():
                rows.append(pairs_of(page, rules))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="+")
    ap.add_argument("--validation", type=Path, nargs="+")
    ap.add_argument("--ridge", type=float, default=10.0,
                    help="ridge penalty on the standardised cues (chosen on validation pages: log loss "
                         "0.317 at 3, 0.314 at 10, 0.335 at 20)")
    ap.add_argument("--overlay", type=Path, help="also write the weights as a rule file layer in this folder "
                    "(for trying them: evaluate.py --rules DIR)")
    ap.add_argument("--threshold", type=float, default=0.5, help="the threshold the overlay sets")
    args = ap.parse_args()
    rules = default_rules()
    train = load(args.train, rules)
    n = sum(len(p) for p in train)
    pos = sum(ok for p in train for _, ok in p)
    print(f"train: {len(train)} pages, {n} candidate pairs, {pos} one article", file=sys.stderr)
    weights = fit_weights([(x, ok) for page in train for x, ok in page], CUES, args.ridge)
    print("weights = { " + ", ".join(f"{k} = {v}" for k, v in weights.items()) + " }")
    if args.overlay:
        args.overlay.mkdir(parents=True, exist_ok=True)
        (args.overlay / "assemble.toml").write_text(
            'stage = "assemble"\n[[rule]]\nid = "A009"\nparams = { threshold = %s, weights = { %s } }\n'
            % (args.threshold, ", ".join(f"{k} = {v}" for k, v in weights.items())), encoding="utf-8")
    sets = [("train", train)]
    if args.validation:
        sets.append(("validation", load(args.validation, rules)))
    for name, rows in sets:
        probs = [(logistic(weights["bias"] + sum(weights[k] * v for k, v in zip(CUES, x))), ok)
                 for page in rows for x, ok in page]
        loss = -sum(math.log(max(1e-12, p if ok else 1 - p)) for p, ok in probs) / max(1, len(probs))
        print(f"{name}: {len(probs)} pairs, {sum(ok for _, ok in probs)} one article, log loss {loss:.4f}")
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            tp = sum(1 for p, ok in probs if p >= t and ok)
            fp = sum(1 for p, ok in probs if p >= t and not ok)
            fn = sum(1 for p, ok in probs if p < t and ok)
            print(f"  threshold {t:.1f}: joins {tp + fp}, right {tp}, wrong {fp}, missed {fn}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
