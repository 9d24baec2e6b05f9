"""Fit the shipped weights under a guard: a change must improve the training pages AND keep
every hand-made convention test and the real sample page passing.

    python benchmarks/guarded_fit.py [--rounds N] [-o LAYER_DIR]

The convention tests (tests/test_stage_*.py, test_golden.py, test_idempotence.py) hold cases
taken from real pages (a byline printed next to its own headline, a continuation bringing
the sections of its column, the sample page): a synthesiser covers them only in part, so a
search on synthesised pages alone trades them away. The guard runs those tests with the
trial weights written into a copy of the rules (only when a trial improves the objective).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.rules import load_rules  # noqa: E402
from cleaner.train import (Evaluator, fit, get, load_gold_dirs, table, weights_of,  # noqa: E402
                           weights_toml)

TESTS = ["tests/test_stage_assemble.py", "tests/test_stage_rejoin.py", "tests/test_stage_label.py",
         "tests/test_stage_lines.py", "tests/test_idempotence.py", "tests/test_golden.py",
         "tests/test_conventions.py"]


def make_guard(shipped: Path):
    """A guard that runs the convention tests on a checkout copy whose rules are the trial's."""
    work = Path(tempfile.mkdtemp(prefix="guard-"))
    for name in ("cleaner", "tests", "samples", "pyproject.toml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    base = load_rules()

    def guard(trial) -> bool:
        rules_dir = work / "rules"
        if rules_dir.exists():
            shutil.rmtree(rules_dir)
        shutil.copytree(shipped, rules_dir)
        changes = [(w, get(base, w), get(trial, w)) for w in weights_of(base) if get(base, w) != get(trial, w)]
        from cleaner.train import write_into_rule_files

        write_into_rule_files(rules_dir, changes)
        env = dict(os.environ, PYTHONPATH=str(work))
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *TESTS],
                           cwd=work, env=env, capture_output=True, text=True)
        return r.returncode == 0
    return guard


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("-o", "--output", default="/tmp/guarded")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--only", help="comma-separated RULE.key weights to fit (default: all)")
    args = ap.parse_args(argv)
    rules = load_rules()
    train = load_gold_dirs([ROOT / "benchmarks" / "splits" / "train"])
    val = load_gold_dirs([ROOT / "benchmarks" / "splits" / "valid"])
    guard = make_guard(ROOT / "rules")
    assert guard(rules), "the convention tests fail with the starting weights"
    t0 = time.perf_counter()
    log = lambda m: print(f"[{time.perf_counter() - t0:6.0f}s] {m}", file=sys.stderr, flush=True)  # noqa: E731
    with Evaluator(train, args.jobs) as ev:
        before = ev.summary(rules)
        weights = weights_of(rules)
        if args.only:
            weights = [w for w in weights if w.label() in args.only.split(",")]
        fitted, changes = fit(rules, ev, weights, rounds=args.rounds, log=log, guard=guard)
        after = ev.summary(fitted)
    with Evaluator(val, args.jobs) as ev:
        rows = [("train before", before), ("train after", after), ("valid before", ev.summary(rules)),
                ("valid after", ev.summary(fitted))]
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for stage, text in weights_toml(fitted, changes).items():
        (out / f"{stage}.toml").write_text(text, encoding="utf-8")
    print(table(rows))
    for w, old, new in changes:
        print(f"{w.label():<40} {old} -> {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
