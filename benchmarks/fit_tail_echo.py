"""Fit the headline-echo cue of A001's tail_closed_weights (``echo_over``, issue #14) over the
shipped weights of the other cues.

    python benchmarks/fit_tail_echo.py benchmarks/splits/train benchmarks/splits/hunt \\
        --validation benchmarks/splits/valid benchmarks/splits/wide

The tails are measured and labelled as benchmarks/fit_closed_tails.py does (its ``load``), with
``echo_over`` (how much more of the earlier article's headline than of the later one's a tail
repeats, ``Healing.closed_tail_cues``) among the cues. The other cues keep the weights the
rule file ships (fit_closed_tails.py's fit): each tail's log-odds by them is the offset of a
logistic regression of the label on ``echo_over`` alone (Newton's method, ridge 1 on the
standardised cue, deterministic), which gives the cue's weight and the shift of ``bias``.
(A refit of every weight with the new cue moved weight off the names, ``ours`` 0.41 -> 0.04,
and lost tails the names alone had found: valid seg 94.7 -> 94.5.) Prints the weights as the
TOML table for rules/assemble.toml, then per set and threshold how many pairs of drafts take a
right and a wrong tail (``--overlay DIR``: the table and ``--threshold`` as a rule folder for
``benchmarks/evaluate.py --rules DIR``).
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_closed_tails as F  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages.assemble.confidence import logistic, odds  # noqa: E402
from cleaner.train import _solve  # noqa: E402

NEW = "echo_over"
CUES = F.CUES + (NEW,)
F.CUES = CUES  # (fit_closed_tails.tails_of measures the cues its CUES names)


def fit_over(rows, shipped: dict[str, float], ridge: float) -> dict[str, float]:
    """The shipped weights with ``bias`` shifted and ``echo_over`` weighed: a logistic regression
    of the label on the cue, each row's log-odds by ``shipped`` its offset."""
    at = CUES.index(NEW)
    xs = [x[at] for _, x, _ in rows]
    offs = [odds(shipped, dict(zip(CUES, x))) for _, x, _ in rows]
    ys = [1.0 if ok else 0.0 for *_, ok in rows]
    mean = sum(xs) / len(xs)
    sd = max(1e-9, math.sqrt(sum((v - mean) ** 2 for v in xs) / len(xs)))
    zs = [(v - mean) / sd for v in xs]
    w = [0.0, 0.0]  # (bias shift, weight of the standardised cue)
    for _ in range(100):
        g, h = [0.0, ridge * w[1]], [[0.0, 0.0], [0.0, ridge]]
        for z, o, y in zip(zs, offs, ys):
            p = logistic(o + w[0] + w[1] * z)
            for a, za in enumerate((1.0, z)):
                g[a] += (p - y) * za
                for b, zb in enumerate((1.0, z)):
                    h[a][b] += p * (1 - p) * za * zb
        step = _solve(h, g)
        w = [w[0] - step[0], w[1] - step[1]]
        if max(map(abs, step)) < 1e-10:
            break
    out = dict(shipped)
    out["bias"] = round(shipped.get("bias", 0.0) + w[0] - w[1] * mean / sd, 4)
    out[NEW] = round(w[1] / sd, 4)
    return out


def main() -> int:
    args = F.fitting_parser(__doc__, 0.75, "the tail_closed_threshold the overlay sets").parse_args()
    rules = load_rules(args.rules)
    shipped = {k: v for k, v in rules["A001"].params["tail_closed_weights"].items() if k != NEW}
    train = F.load(args.train, rules)
    print(f"train: {len(train)} tails, {sum(ok for *_, ok in train)} right", file=sys.stderr)
    weights = fit_over(train, shipped, args.ridge)
    table = "tail_closed_weights = { " + ", ".join(f"{k} = {v}" for k, v in weights.items()) + " }"
    print(table)
    F.write_overlay(args.overlay, "A001", "tail_closed_threshold", args.threshold, table)
    sets = [("train", train)] + ([("validation", F.load(args.validation, rules))] if args.validation else [])
    for name, rows in sets:
        print(name + ": " + "\n".join(F.report(rows, weights, (0.0, 0.5, 0.75, 1.0, 1.5), CUES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
