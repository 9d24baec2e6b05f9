"""Which gold paragraphs the cleaner did not reproduce, and what it made instead.

    python benchmarks/para_diff.py GOLD_DIR [NAME_SUBSTR]
"""
import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from cleaner import clean, page_dict

ws = re.compile(r"\s+")


def main(argv):
    gold_dir = Path(argv[0])
    only = argv[1] if len(argv) > 1 else ""
    for g in sorted(gold_dir.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        if only not in name:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = page_dict(clean((gold_dir / f"{name}.txt").read_text(encoding="utf-8"), name=name))
        gp = [ws.sub("", b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "paragraph"]
        pp = [ws.sub("", b["text"]) for a in pred["articles"] for b in a["blocks"] if b["kind"] == "paragraph"]
        pset = set(pp)
        for t in gp:
            if t in pset:
                continue
            best = process.extractOne(t, pp, scorer=fuzz.ratio) if pp else None
            print(f"{name} MISS {t[:40]}…{t[-15:]}")
            if best:
                print(f"{' ' * len(name)}  GOT {best[0][:40]}…{best[0][-15:]} ({best[1]:.0f})")


if __name__ == "__main__":
    main(sys.argv[1:])
