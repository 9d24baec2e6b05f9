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

``--only CUE,...`` fits only those cues' weights and the bias, the others held at the rule
file's (a cue added to a fitted model, weighed on what the model already weighs); ``--rules DIR``
layers a rule folder over rules/ first (e.g. another ``name_uses``, which changes the pairs).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.chars import nows  # noqa: E402
from cleaner.model import Layout, Overlay, Page  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages import PIPELINE  # noqa: E402
from cleaner.stages.assemble import Assembler  # noqa: E402
from cleaner.stages.assemble.confidence import logistic  # noqa: E402
from cleaner.stages.assemble.reunite import CUES  # noqa: E402
from cleaner.train import _solve, fit_weights, threshold_report  # noqa: E402


def fit_some(rows, held: dict[str, float], free: list[str], ridge: float, steps: int = 50) -> dict[str, float]:
    """The weights of the cues ``free`` and the bias, the others held at ``held`` (a cue added
    to a fitted model is fitted on what the model already weighs: the held weights' log-odds
    are each row's offset). Newton's method, a ridge on the free cues standardised as
    :func:`fit_weights` does."""
    idx = [CUES.index(k) for k in free]
    cols = [[x[k] for x, _ in rows] for k in idx]
    mean = [sum(c) / len(c) for c in cols]
    sd = [max(1e-9, (sum((v - m) ** 2 for v in c) / len(c)) ** 0.5) for c, m in zip(cols, mean)]
    base = [sum(held.get(k, 0.0) * v for k, v in zip(CUES, x) if k not in free) for x, _ in rows]
    zs = [[1.0] + [(x[k] - m) / d for k, m, d in zip(idx, mean, sd)] for x, _ in rows]
    w = [held.get("bias", 0.0)] + [0.0] * len(free)
    for _ in range(steps):
        g = [0.0] * len(w)
        h = [[0.0] * len(w) for _ in w]
        for z, b, (_, ok) in zip(zs, base, rows):
            p = logistic(b + sum(a * c for a, c in zip(w, z)))
            for r in range(len(w)):
                g[r] += (p - ok) * z[r]
                for c in range(len(w)):
                    h[r][c] += p * (1 - p) * z[r] * z[c]
        for r in range(1, len(w)):
            g[r] += ridge * w[r]
            h[r][r] += ridge
        step = _solve(h, g)
        w = [a - d for a, d in zip(w, step)]
    out = dict(held)
    per = {k: a / d for k, a, d in zip(free, w[1:], sd)}
    out["bias"] = round(w[0] - sum(per[k] * m for k, m in zip(free, mean)), 4)
    out.update({k: round(v, 4) for k, v in per.items()})
    return out


def gold_owner(gold: dict):
    """A function: paragraph text -> the gold article it belongs to (or None)."""
    bodies = [nows("".join(b["text"] for b in a["blocks"] if b["kind"] == "paragraph")) for a in gold["articles"]]

    def owner(text: str):
        key = nows(text)[:12]
        hits = [n for n, body in enumerate(bodies) if key and key in body]
        return hits[0] if len(hits) == 1 else None
    return owner


def drafts_of(path: Path, rules):
    """The assembler of one gold page (a text page, or a PDF read with ``rules``' reader), its
    drafts as the cleaner makes them, and for each draft how many characters of its paragraphs
    each gold article owns (a Counter)."""
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
    votes = []
    for d in drafts:
        v = Counter()
        for b in d.paragraphs:
            o = owner(b.text)
            if o is not None:
                v[o] += len(b.text)
        votes.append(v)
    return a, drafts, votes


def pairs_of(path: Path, rules):
    """(cues, one article?) for every candidate pair of drafts on one page."""
    a, drafts, votes = drafts_of(path, rules)
    major = [v.most_common(1)[0][0] if v else None for v in votes]
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
    ap.add_argument("--only", help="fit only these cues (comma-separated) and the bias, the other weights "
                    "held at the rule file's")
    ap.add_argument("--rules", action="append", help="a rule folder layered over rules/ (repeatable)")
    args = ap.parse_args()
    rules = load_rules(args.rules)
    train = load(args.train, rules)
    n = sum(len(p) for p in train)
    pos = sum(ok for p in train for _, ok in p)
    print(f"train: {len(train)} pages, {n} candidate pairs, {pos} one article", file=sys.stderr)
    if args.only:
        weights = fit_some([(x, ok) for page in train for x, ok in page], rules["A009"].params["weights"],
                           args.only.split(","), args.ridge)
    else:
        weights = fit_weights([(x, ok) for page in train for x, ok in page], CUES, args.ridge)
    print("weights = { " + ", ".join(f"{k} = {v}" for k, v in weights.items()) + " }")
    if args.overlay:
        args.overlay.mkdir(parents=True, exist_ok=True)
        (args.overlay / "assemble.toml").write_text(
            'stage = "assemble"\n[[rule]]\nid = "A009"\nparams = { threshold = %s, name_uses = %d, weights = { %s } }\n'
            % (args.threshold, rules["A009"].params["name_uses"], ", ".join(f"{k} = {v}" for k, v in weights.items())),
            encoding="utf-8")
    sets = [("train", train)]
    if args.validation:
        sets.append(("validation", load(args.validation, rules)))
    for name, rows in sets:
        probs = [(logistic(weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in zip(CUES, x))), ok)
                 for page in rows for x, ok in page]
        loss, *rows_out = threshold_report(probs, (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), "joins")
        print(f"{name}: {len(probs)} pairs, {sum(ok for _, ok in probs)} one article, {loss}")
        print("\n".join(rows_out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
