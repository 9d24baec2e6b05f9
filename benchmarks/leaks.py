"""Pull quotes and captions left in an article's body, and fake bold left in headings, one a line.

    python benchmarks/leaks.py GOLD_DIR [NAME_SUBSTR]

For each page of GOLD_DIR (``NAME.pdf`` or ``NAME.txt`` beside ``NAME.gold.json``): every gold
pull quote or caption the scorer counts as leaked (more copies of it in the cleaned bodies
than in the gold ones), with the body paragraph that holds it and what the cleaner made of
it instead and the kind of leak (:func:`leak_kind`: A, H, S, C, F); every heading (kicker, title, subtitle, subhead) that still holds a doubled run
the gold page does not print (text drawn twice, ``智能制造智能制造``); and, apart, doubled
runs left in body paragraphs. A count per kind closes the listing.
"""
import sys
from collections import Counter
from pathlib import Path

from devpages import gold_and_pred

from cleaner import scoring
from cleaner.train import _strings, doubled_left, headings


def nows(s):
    return scoring.nows(s)


def leak_kind(q: str, where: str, found: str, block_kind: str) -> str:
    """How a leaked quote ``q`` was left: A, a quote labelled that looks like it (the other copy
    taken, or both); H, read as a heading (a subhead of the body); S, standing as a paragraph of
    its own; C, run onto or cut into a body paragraph (the block holding it is longer); F, left
    only as a near copy (no block holds its opening)."""
    if found and scoring.fuzz.ratio(q, found) >= 80:
        return "A"
    if where == "?":
        return "F"
    if "sub" in block_kind or "head" in block_kind:
        return "H"
    return "S" if where == q else "C"


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    gold_dir = Path(argv[0])
    only = argv[1] if len(argv) > 1 else ""
    n = Counter()
    for name, gold_obj, pred_obj in gold_and_pred(gold_dir, only):
        gold, _, _ = scoring.coerce_page(gold_obj, strict=True)
        pred, _, _ = scoring.coerce_page(pred_obj)
        gblocks = [nows(t) for a in gold for _, t in a.blocks]
        pblocks = [nows(t) for a in pred for _, t in a.blocks]
        pkinds = {nows(t): k for a in pred for k, t in a.blocks}
        gblob, pblob = "".join(gblocks), "".join(pblocks)
        pred_pq = [nows(q) for a in pred for q in a.pullquotes]
        pred_cap = [nows(c) for a in pred for c in a.captions]
        for kind, attr, got in (("pullquote", "pullquotes", pred_pq), ("caption", "captions", pred_cap)):
            for a in gold:
                for q in getattr(a, attr):
                    q = nows(q)
                    if not q:
                        continue
                    n[kind] += 1
                    if not (pblob.count(q) > gblob.count(q)
                            or scoring._count_fuzzy(q, pblocks) > scoring._count_fuzzy(q, gblocks)):
                        continue
                    n[kind + " leak"] += 1
                    where = next((b for b in pblocks if q[:8] in b), "?")
                    found = max(got, key=lambda x: scoring.fuzz.ratio(q, x), default="")
                    how = leak_kind(q, where, found, pkinds.get(where, ""))
                    n[f"{kind} leak {how}"] += 1
                    print(f"{name}\t{kind} leak {how}\t{q}\n\tin body: {where[:120]}\n\tas {kind}: {found or '-'}")
        gold_text = "\n".join(nows(s) for s in _strings(gold_obj.get("articles")))
        for h in headings(pred_obj):
            n["heading"] += 1
            left = doubled_left(nows(h), gold_text)
            if left:
                n["heading fake bold"] += 1
                print(f"{name}\tfake bold\t{h}\t{' '.join(left)}")
        for t in pblocks:
            left = doubled_left(t, gold_text)
            if left:
                n["body fake bold"] += 1
                print(f"{name}\tbody doubled\t{' '.join(left)}\t{t[:80]}")
    print(" | ".join(f"{k} {v}" for k, v in sorted(n.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
