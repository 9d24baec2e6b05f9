"""Write fitted weights (rule layers from ``cleaner train -o DIR``) into the shipped rules.

    python benchmarks/apply_weights.py LAYER_DIR [LAYER_DIR...]

Loads the shipped rules with the layers over them, and writes every number that differs into
``rules/*.toml`` in place, comments kept. Run the tests and the splits afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.rules import load_rules  # noqa: E402
from cleaner.train import get, weights_of, write_into_rule_files  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("layers", nargs="+", metavar="LAYER_DIR", help="rule layers written by cleaner train -o")
    args = ap.parse_args(argv)
    shipped = load_rules()
    fitted = load_rules([str(a) for a in args.layers])
    names = [w for w in weights_of(shipped)]
    names += [w for w in weights_of_confidence(shipped)]
    changes = [(w, get(shipped, w), get(fitted, w)) for w in names if get(shipped, w) != get(fitted, w)]
    for line in write_into_rule_files(ROOT / "rules", changes):
        print(line)
    return 0


def weights_of_confidence(rules):
    from cleaner.train import Weight

    return [Weight("A002", k) for k in rules["A002"].params if k.startswith("confidence_")]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
