"""Sweep C001's parameters (columns side by side, ``pdftotext -layout``) on the typeset sets.

    python benchmarks/sweep_columns.py KEY=V1,V2,... [KEY=...] [--sets fit,choose,fresh] [-j 2]

Each value of each key is tried alone, over the shipped rules, on the ``layout`` pages of
``benchmarks/ext_fit/{fit,choose,fresh}`` (fit on fit, choose on choose, fresh for direction
only; the held-out ``extractor_set/test`` is never read). The pages are loaded once and scored in
one pool of ``-j`` processes; one line of figures per set and value (CER / para F1 / seg F1 /
titles / subtitles / bylines / datelines / subheads / caption leak, %). A value is read as TOML
(``true``, ``3``, ``0.5``).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import scoring, train  # noqa: E402
from cleaner.rules import RuleSet, load_rules  # noqa: E402

COLS = [("CER", "cer"), ("para", "para_f1"), ("seg", "seg_f1"), ("title", "title_acc"), ("subt", "subtitle_acc"),
        ("byl", "byline_acc"), ("datel", "dateline_acc"), ("subhd", "subhead_acc"), ("capLk", "cap_leak")]


def with_param(rules: RuleSet, key: str, value) -> RuleSet:
    """A copy of ``rules`` with C001's ``key`` set to ``value``."""
    new = tuple(replace(r, params={**r.params, key: value}) if r.id == "C001" else r for r in rules.rules)
    return RuleSet(new, rules.options)


def figures(rules: RuleSet, pages: dict[str, range], pool) -> str:
    """One line per set: the summary of its pages' scores under ``rules``."""
    work = [(rules, k) for r in pages.values() for k in r]
    metrics = pool.map(train._score_one, work) if pool else [train._score_one(w) for w in work]
    out, at = [], 0
    for name, r in pages.items():
        s = scoring.summarize(metrics[at:at + len(r)])
        at += len(r)
        cells = " ".join(f"{'-' if s.get(k) is None else format(s[k] * 100, '.1f'):>5}" for _, k in COLS)
        out.append(f"  {name:<7}{cells}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("values", nargs="*", help="KEY=V1,V2,...: C001 parameter values to try, one at a time")
    ap.add_argument("--sets", default="fit,choose,fresh")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    rules = load_rules()
    pages: dict[str, range] = {}
    loaded = []
    for name in args.sets.split(","):
        got = train.load_gold_dirs([ROOT / "benchmarks" / "ext_fit" / name / "layout"], rules)
        pages[name] = range(len(loaded), len(loaded) + len(got))
        loaded += got
    train._PAGES = loaded
    pool = None
    if args.jobs > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork").Pool(args.jobs)
    try:
        print("         " + " ".join(f"{c:>5}" for c, _ in COLS))
        print("shipped\n" + figures(rules, pages, pool), flush=True)
        for spec in args.values:
            key, _, vals = spec.partition("=")
            for v in vals.split(","):
                value = tomllib.loads(f"v = {v}")["v"]
                print(f"{key} = {v}\n" + figures(with_param(rules, key, value), pages, pool), flush=True)
    finally:
        if pool is not None:
            pool.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
