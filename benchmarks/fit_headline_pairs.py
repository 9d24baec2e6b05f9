"""Fit A003's ``pair_join`` weights (two plain headings stacked in one headline part: one
headline broken over two lines, or a title over its subtitle) on synthesised training pages.

    python benchmarks/fit_headline_pairs.py benchmarks/splits/train --validation benchmarks/splits/valid

For every page the cleaner is run as ``cleaner clean`` runs it, and every pair the attach step
weighs (:func:`cleaner.stages.assemble.headline_pair.one_headline`: the first two headings of a
headline part, both plain, the lower one not led in by a dash) is labelled by the gold page:
``join`` when the two lines together are one gold heading; else not (a title and its subtitle,
a kicker and its title, or a stray line over a headline: another article's subhead, a credit).
A logistic regression (``cleaner.train.calibrate``, ridge on the standardised cues) of the label
on the cues gives the weights, printed as the TOML table for ``rules/assemble.toml``.

Validation pages come from the same pool of stories as the training pages, so the ridge is
chosen by cross-validation with whole stories held out (``--folds``). Prints the accuracy on
each set beside never joining (what the attach step did before).

    python benchmarks/fit_headline_pairs.py --kicker-gaps benchmarks/ext_fit/fit/layout benchmarks/splits/train

counts instead, for A003 ``kicker_gap_rows``, the pairs :func:`kicker_set_apart` is asked about
(two plain headings stacked, the upper not already read as the lower's kicker), by the source
rows between them, whether the page is set by rows (attach.py set_by_rows), and what the gold page makes of them: the upper
the lower's kicker (K), the lower the upper's subtitle (S), or neither (other).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleaner  # noqa: E402
from cleaner.chars import nows  # noqa: E402
from cleaner.stages.assemble import attach  # noqa: E402
from cleaner.stages.assemble.confidence import logistic, odds  # noqa: E402
from cleaner.stages.assemble.headline_pair import CUES, pair_cues  # noqa: E402
from cleaner.train import fit_weights  # noqa: E402


def pairs_of(path: Path) -> list[tuple[dict, bool, str]]:
    """(cues, one headline?, story key) of every pair the attach step weighs on one page."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    rules = cleaner.load_rules()
    heads = {nows(g.get(f) or "") for g in gold["articles"] for f in ("title", "subtitle", "kicker")} - {""}
    seen: list[tuple[str, str, float]] = []
    real = attach.one_headline

    def spy(upper, lower, params, measure=0.0):
        seen.append((upper, lower, measure))
        return real(upper, lower, params, measure)

    attach.one_headline = spy
    try:
        cleaner.clean(path.read_text(encoding="utf-8"), name=path.name)
    finally:
        attach.one_headline = real
    out = []
    for upper, lower, measure in seen:
        joined = nows(upper) + nows(lower)
        story = next((h for h in heads if nows(upper) in h or nows(lower) in h), nows(lower))
        out.append((pair_cues(upper, lower, rules["A003"].params, measure), joined in heads, story))
    return out


def gap_rows(path: Path) -> list[tuple[int, bool, str]]:
    """(rows between, page set by rows, gold reading K / S / other) of every pair the attach step
    asks :func:`kicker_set_apart` about on one page."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    kt = {(nows(g.get("kicker") or ""), nows(g.get("title") or "")) for g in gold["articles"]}
    ts = {(nows(g.get("title") or ""), nows(g.get("subtitle") or "")) for g in gold["articles"]}
    seen: list[tuple[int, bool, str]] = []
    real, rows = attach.kicker_set_apart, attach.Attaching.rows_between
    asked: list[tuple[str, str]] = []

    def spy_rows(self, upper, lower):
        asked.append((upper.text, lower.text))
        return rows(self, upper, lower)

    def spy(n, by_rows, upper, params):
        a, b = asked[-1]
        pair = (nows(a), nows(b))
        seen.append((n, by_rows, "K" if pair in kt else "S" if pair in ts else "other"))
        return real(n, by_rows, upper, params)

    attach.kicker_set_apart, attach.Attaching.rows_between = spy, spy_rows
    try:
        cleaner.clean(path.read_text(encoding="utf-8"), name=path.name)
    finally:
        attach.kicker_set_apart, attach.Attaching.rows_between = real, rows
    return seen


def kicker_gaps(dirs: list[Path]) -> int:
    """Print, per directory, the count of pairs by (page set by rows?, rows between, gold reading)."""
    for d in dirs:
        counts: dict[tuple[bool, int, str], int] = {}
        for page in sorted(d.glob("*.txt")):
            if page.with_name(page.stem + ".gold.json").exists():
                for n, by_rows, y in gap_rows(page):
                    key = (by_rows, min(n, 4), y)
                    counts[key] = counts.get(key, 0) + 1
        print(d)
        for by_rows in (True, False):
            for n in range(5):
                row = {y: counts.get((by_rows, n, y), 0) for y in ("K", "S", "other")}
                if any(row.values()):
                    print(f"  {'set by rows' if by_rows else 'not set by rows'}: rows {n}{'+' if n == 4 else ''}: "
                          + ", ".join(f"{y} {c}" for y, c in row.items()))
    return 0


def load(dirs: list[Path]) -> list[tuple[dict, bool, str]]:
    return [row for d in dirs for page in sorted(d.glob("*.txt"))
            if page.with_name(page.stem + ".gold.json").exists() for row in pairs_of(page)]


def fit(rows, ridge: float) -> dict[str, float]:
    return fit_weights([([c[k] for k in CUES], y) for c, y, _ in rows], CUES, ridge)


def accuracy(w: dict, rows) -> int:
    return sum((logistic(odds(w, c)) > 0.5) == y for c, y, _ in rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="+")
    ap.add_argument("--validation", type=Path, nargs="+", default=[])
    ap.add_argument("--ridge", type=float, nargs="+", default=[1.0, 3.0, 10.0, 30.0],
                    help="ridges to try; the one best in story-held-out cross-validation is used")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--kicker-gaps", action="store_true",
                    help="count the pairs kicker_set_apart weighs by rows between (A003 kicker_gap_rows)")
    args = ap.parse_args()
    if args.kicker_gaps:
        return kicker_gaps(args.train + args.validation)
    train, valid = load(args.train), load(args.validation)
    for name, rows in (("train", train), ("validation", valid)):
        print(f"{name}: {len(rows)} pairs, {sum(y for _, y, _ in rows)} one headline", file=sys.stderr)
    pool = train + valid
    stories = sorted({s for _, _, s in pool})
    random.Random(0).shuffle(stories)
    best = None
    for ridge in args.ridge:
        ok = 0
        for k in range(args.folds):
            held = set(stories[k::args.folds])
            ok += accuracy(fit([r for r in pool if r[2] not in held], ridge), [r for r in pool if r[2] in held])
        print(f"ridge {ridge:g}: story-held-out accuracy {ok}/{len(pool)}", file=sys.stderr)
        if best is None or ok > best[1]:
            best = (ridge, ok)
    w = fit(train, best[0])
    print(f"ridge {best[0]:g}", file=sys.stderr)
    for name, rows in (("train", train), ("validation", valid)):
        base = sum(not y for _, y, _ in rows)
        print(f"{name}: {accuracy(w, rows)}/{len(rows)} read right (never joining: {base}/{len(rows)})",
              file=sys.stderr)
    print("pair_join = { " + ", ".join(f"{k} = {v}" for k, v in w.items()) + " }")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
