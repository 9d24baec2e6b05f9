"""Print the rejoin stage's break score for every line pair of a page (debugging aid).

    python benchmarks/breaks.py PAGE.txt [FIRST_LINE LAST_LINE]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's cleaner, not an installed one

from cleaner import clean
from cleaner.stages import rejoin


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):  # (usage, not a page called --help)
        print(__doc__)
        return
    page = clean(open(argv[0], encoding="utf-8").read())
    lo, hi = (int(argv[1]), int(argv[2])) if len(argv) > 2 else (1, len(page.lines))
    rule = page.rules["J001"]
    starts = {b.first for b in page.blocks}
    block = []
    for i in range(max(0, lo - 1), min(hi, len(page.lines) - 1)):
        block = [i] if i in starts else block + [i]
        s, why = rejoin.break_score(page, rule, i, block, rejoin.paragraph_openers(page.rules))
        ln = page.lines[i]
        mark = "BREAK" if s > 0 else "     "
        print(f"{i + 1:4d} w={ln.width:5.1f} {mark} {s:5.1f} {ln.text[:30]:30s} | {why}")


if __name__ == "__main__":
    main(sys.argv[1:])
