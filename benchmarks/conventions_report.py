"""How the cleaner reads the trade's printed forms on gold pages: the figures of the
conventions issue that the benchmark scorer does not print.

    python benchmarks/conventions_report.py [SPLIT_DIR ...]     # default: the test split

- furniture read as a heading: gold dropped lines (furniture, page credits) that the cleaner
  gives as an article's title, subtitle or kicker;
- furniture left in text: gold dropped lines found inside an article's body, captions or quotes;
- text dropped: predicted dropped lines that are article text in the gold (text lost from the
  articles);
- datelines and bylines by form: of the gold articles with one, the share read exactly, with
  the misses listed by the form's opening (paper or agency).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

import cleaner  # noqa: E402
from cleaner.reports.pagejson import page_dict  # noqa: E402

_WS = re.compile(r"\s+")


def squeeze(t: str | None) -> str:
    return _WS.sub("", t or "")


def _nearest(gold_article: dict, pred: dict) -> dict | None:
    """The predicted article whose text shares most with the gold article's (its first block)."""
    first = squeeze(gold_article["blocks"][0]["text"])[:40] if gold_article.get("blocks") else ""
    best, score = None, 0.0
    for a in pred["articles"]:
        text = "".join(squeeze(b["text"]) for b in a["blocks"])
        s = fuzz.partial_ratio(first, text) if first and text else 0.0
        if s > score:
            best, score = a, s
    return best


def report(split: Path, listing: list | None = None) -> dict:
    """The figures of one split; ``listing`` (if given) gets one row per missed dateline or
    byline: the page, the field, the gold text and what the article nearest it was given."""
    out = Counter()
    misses = Counter()
    for gold_path in sorted(split.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        pred = page_dict(cleaner.clean(raw, name=gold_path.name))
        heads = {squeeze(a.get(f)) for a in pred["articles"] for f in ("title", "subtitle", "kicker") if a.get(f)}
        texts = [squeeze(b["text"]) for a in pred["articles"] for b in a["blocks"]] + \
                [squeeze(x) for a in pred["articles"] for x in a["pullquotes"] + a["captions"]]
        for d in gold["dropped"]:
            t = squeeze(d["text"])
            out["dropped lines"] += 1
            out["furniture read as a heading"] += t in heads
            out["furniture left in text"] += any(t in x for x in texts)
        gold_text = "".join(squeeze(b["text"]) for a in gold["articles"] for b in a["blocks"])
        gold_dropped = {squeeze(d["text"]) for d in gold["dropped"]}
        for d in pred["dropped"]:
            t = squeeze(d["text"])
            if t not in gold_dropped and len(t) >= 4 and t in gold_text:
                out["text dropped"] += 1
                if listing is not None:  # (the kind says which rule: furniture/credit L001/L002, heading A003)
                    listing.append((gold_path.name.split(".")[0], f"text dropped as {d['kind']}", d["text"], None))
        for field in ("dateline", "byline"):
            got = [squeeze(a[field]) for a in pred["articles"] if a.get(field)]
            for a in gold["articles"]:
                if not a.get(field):
                    continue
                out[f"{field}s"] += 1
                if squeeze(a[field]) in got:
                    out[f"{field}s read"] += 1
                else:
                    key = re.match(r"[（(【〔]?\D{0,6}", squeeze(a[field])).group()
                    misses[(field, key)] += 1
                    if listing is not None:
                        near = _nearest(a, pred)
                        listing.append((gold_path.name.split(".")[0], field, a[field],
                                        near.get(field) if near else None))
    out["misses"] = misses
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("splits", nargs="*", type=Path, metavar="SPLIT_DIR", help="gold pages (default: the test split)")
    ap.add_argument("--misses", action="store_true",
                    help="also list every missed dateline and byline (page, field, gold, what the nearest article got) "
                         "and every piece of article text dropped (page, the kind it was dropped as, its text)")
    args = ap.parse_args(argv)
    splits = args.splits or [ROOT / "benchmarks" / "splits" / "test"]
    for split in splits:
        listing: list | None = [] if args.misses else None
        r = report(split, listing)
        print(f"{split.name}: {r['dropped lines']} dropped lines; read as a heading {r['furniture read as a heading']}, "
              f"left in text {r['furniture left in text']}; article text dropped {r['text dropped']}")
        for field in ("dateline", "byline"):
            n, ok = r[f"{field}s"], r[f"{field}s read"]
            print(f"  {field}s exact {ok}/{n} ({100 * ok / max(1, n):.1f} %); missed by opening: " +
                  ", ".join(f"{k} {v}" for (f, k), v in r["misses"].most_common() if f == field))
        for page, field, gold, got in listing or []:
            print(f"    {page} {field}: gold {gold!r} got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
