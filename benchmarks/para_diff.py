"""Which gold paragraphs the cleaner did not reproduce, and what it made instead.

    python benchmarks/para_diff.py GOLD_DIR [NAME_SUBSTR]
"""
import re
import sys
from pathlib import Path

from devpages import gold_and_pred
from rapidfuzz import fuzz, process

ws = re.compile(r"\s+")


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):  # (usage, not a page called --help)
        print(__doc__)
        return
    gold_dir = Path(argv[0])
    only = argv[1] if len(argv) > 1 else ""
    for name, gold, pred in gold_and_pred(gold_dir, only):
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
