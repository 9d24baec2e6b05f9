"""Title/subtitle/byline mismatches per article, pairing articles by body similarity as the scorer does.

    python benchmarks/field_diff.py GOLD_DIR [NAME_SUBSTR] [--field title]
"""
import re
import sys
from pathlib import Path

from devpages import gold_and_pred
from rapidfuzz.distance import Indel

ws = re.compile(r"\s+")


def body(a):
    return ws.sub("", "".join(b["text"] for b in a["blocks"]))


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):  # (usage, not a page called --help)
        print(__doc__)
        return
    gold_dir = Path(argv[0])
    only = argv[1] if len(argv) > 1 and not argv[1].startswith("--") else ""
    fields = ["title", "subtitle", "byline"]
    if "--field" in argv:
        fields = [argv[argv.index("--field") + 1]]
    for name, gold, pred in gold_and_pred(gold_dir, only):
        pairs = sorted(((Indel.normalized_similarity(body(ga), body(pa)), i, j)
                        for i, ga in enumerate(gold["articles"]) for j, pa in enumerate(pred["articles"])),
                       reverse=True)
        used_g, used_p = set(), set()
        for sim, i, j in pairs:
            if sim < 0.3 or i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            ga, pa = gold["articles"][i], pred["articles"][j]
            for f in fields:
                if ws.sub("", ga[f] or "") != ws.sub("", pa[f] or ""):
                    print(f"{name} A{i} {f}: gold={ga[f]!r} got={pa[f]!r} (body sim {sim:.2f})")
        for i, ga in enumerate(gold["articles"]):
            if i not in used_g:
                print(f"{name} A{i} UNPAIRED title={ga['title']!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
