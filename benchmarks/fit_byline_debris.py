"""The short blocks A003 ``byline_debris_max`` takes off bylines on OCR pages, judged by the
gold: for each cap, how many the step drops and how many of the bylines it trims are then the
gold's byline exactly (a byline whole without the block) or not.

    python benchmarks/fit_byline_debris.py GOLD_DIR... [--caps 1,2,3,4]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.train import Weight, with_weight  # noqa: E402

_WS = re.compile(r"\s+")


def judge(dirs: list[Path], cap: int) -> tuple[int, int, list[str]]:
    """(bylines trimmed, of them the gold's byline, one line per trim) at ``cap``."""
    rules = with_weight(load_rules(), Weight("A003", "byline_debris_max"), cap)
    trims = right = 0
    lines = []
    for d in dirs:
        for txt in sorted(d.glob("*.txt")):
            gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
            bylines = {_WS.sub("", a.get("byline") or "") for a in gold["articles"]} - {""}
            page = cleaner.clean(txt.read_text(encoding="utf-8"), name=txt.name, rules=rules)
            dropped = {page.block_span(b)[0]: b for b in page.dropped}
            for c in page.changes:
                if c.rule != "A003" or c.action != "drop" or c.span[0] not in dropped:
                    continue
                junk = dropped[c.span[0]]
                got = next((a.byline.text for a in page.articles
                            if a.byline is not None and a.byline.last + 1 == junk.first), "")
                ok = _WS.sub("", got) in bylines
                trims += 1
                right += ok
                lines.append(f"{d.name}/{txt.stem} {'right' if ok else 'other'} {junk.text!r} byline {got!r}")
    return trims, right, lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--caps", default="1,2,3,4")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    for cap in (int(x) for x in a.caps.split(",")):
        trims, right, lines = judge(a.dirs, cap)
        print(f"cap {cap}: {trims} trimmed, {right} then the gold's byline")
        if a.v:
            print("\n".join("  " + ln for ln in lines))


if __name__ == "__main__":
    main()
