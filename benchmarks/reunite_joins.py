"""List A009's joins on synthesised pages and whether each was right (issue #14).

    python benchmarks/reunite_joins.py benchmarks/splits/train benchmarks/splits/valid [--all]

For each page the cleaner's drafts are made as ``cleaner clean`` makes them and A009 run on
them; every join is printed with its probability, the gold article most of each part's text
belongs to (by paragraph, as ``fit_reunite.py`` labels pairs), and RIGHT / WRONG / MIXED
(a part whose text the gold page gives to two articles). ``--all`` lists the candidate pairs
not joined that were one article, too (missed joins).
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages.assemble.confidence import logistic  # noqa: E402
from fit_reunite import drafts_of, gold_path  # noqa: E402


def page_joins(path: Path, rules):
    a, drafts, votes = drafts_of(path, rules)
    p = a.rules["A009"].params  # (the page's rules: on OCR output, with A009's ocr numbers)
    at = math.log(p["threshold"] / (1 - p["threshold"]))
    cands = a.reunite_cues(list(drafts))
    scored = sorted(((a.reunite_odds(c), i, j, c) for i, j, c in cands), key=lambda t: -t[0])
    taken, out = set(), []
    for z, i, j, c in scored:
        joined = z >= at and i not in taken and j not in taken
        if joined:
            taken.update((i, j))
        vi, vj = votes[i], votes[j]
        mi = vi.most_common(1)[0][0] if vi else None
        mj = vj.most_common(1)[0][0] if vj else None
        mixed = any(len(v) > 1 and v.most_common(2)[1][1] > 0.2 * sum(v.values()) for v in (vi, vj))
        ok = mi is not None and mi == mj
        out.append(dict(page=path.stem, i=i, j=j, p=logistic(z), joined=joined, ok=ok, mixed=mixed,
                        gi=mi, gj=mj, cues=c,
                        xt=drafts[i].title.text[:14] if drafts[i].title else None,
                        yt=drafts[j].title.text[:14] if drafts[j].title else None))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("splits", type=Path, nargs="+")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--cues", action="store_true")
    ap.add_argument("--rules", action="append", help="a rule folder layered over rules/ (repeatable)")
    args = ap.parse_args()
    rules = load_rules(args.rules)
    for split in args.splits:
        right = wrong = missed = 0
        for path in sorted(split.glob("*.txt")):
            if not gold_path(path).exists():
                continue
            for r in page_joins(path, rules):
                if r["joined"]:
                    right += r["ok"]
                    wrong += not r["ok"]
                elif r["ok"]:
                    missed += 1
                if r["joined"] or (args.all and r["ok"]):
                    tag = ("RIGHT" if r["ok"] else "WRONG") if r["joined"] else "MISSED"
                    print(f"{r['page']} {r['i']:2d}-{r['j']:2d} p={r['p']:.2f} {tag}{' MIXED' if r['mixed'] else ''}"
                          f" gold {r['gi']}/{r['gj']} x={r['xt']!r} y={r['yt']!r}")
                    if args.cues:
                        print("    " + " ".join(f"{k}={v:.2g}" for k, v in r["cues"].items() if v))
        print(f"{split.name}: joins {right + wrong}, right {right}, wrong {wrong}, missed one-article pairs {missed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
