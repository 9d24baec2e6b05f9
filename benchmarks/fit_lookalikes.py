"""Fit the OCR look-alike rule (O007): its confusion pairs and its margin, from OCR pages with gold.

    python benchmarks/fit_lookalikes.py FIT_DIR... [--validation DIR...] [--min-count 2]
                                        [--precision 0.98] [-o LAYER_DIR]

1. **Pairs.** Each page's OCR text is aligned with its gold text (all of an article's fields and
   blocks, whitespace removed; Levenshtein opcodes) and every single Han character read in
   place of another is counted; pairs seen ``--min-count`` times or more are kept: what this OCR
   engine confuses beyond the glyph table (瘟 for 温: their radicals differ).
2. **Margin.** With those pairs, every correction the rule would weigh on the fitting pages is
   judged against the gold: right where the corrected context (four characters either side)
   is in the gold and the read one is not, wrong where the read one is in the gold, unknown
   otherwise (another OCR error nearby). The margin is the smallest at which the right share
   of the judged corrections is at least ``--precision``.

Prints the table of right / wrong / unknown per margin on the fitting pages and, at the chosen
margin, on the validation pages; ``-o`` writes a rule layer (``ocr.toml`` with O007's pairs and
margin) to try with ``--rules`` or copy into ``rules/ocr.toml``.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.lexicon import default_lexicon  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages.ocr import lookalike_proposals  # noqa: E402

_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def gold_text(gold: dict) -> str:
    parts = []
    for a in gold["articles"]:
        for f in ("kicker", "title", "subtitle", "byline", "dateline"):
            if a.get(f):
                parts.append(a[f])
        parts += [b["text"] for b in a["blocks"]]
        parts += list(a.get("pullquotes") or [])
        parts += [c if isinstance(c, str) else c.get("text", "") for c in a.get("captions") or []]
    parts += [d if isinstance(d, str) else d.get("text", "") for d in gold.get("dropped") or []]
    return _WS.sub("", "".join(parts))


def pages(dirs):
    for d in dirs:
        for txt in sorted(Path(d).glob("*.txt")):
            gold = txt.with_name(txt.stem + ".gold.json")
            if gold.is_file():
                yield txt.read_text(encoding="utf-8"), gold_text(json.loads(gold.read_text(encoding="utf-8")))


def harvest(dirs, min_count: int) -> list[str]:
    from rapidfuzz.distance import Levenshtein

    counts: collections.Counter = collections.Counter()
    for text, gold in pages(dirs):
        read = _WS.sub("", text)
        for op in Levenshtein.opcodes(read, gold):
            if op.tag == "replace" and op.src_end - op.src_start == 1 and op.dest_end - op.dest_start == 1:
                a, b = read[op.src_start], gold[op.dest_start]
                if _HAN.match(a) and _HAN.match(b):
                    counts[a + b] += 1
    return sorted(p for p, n in counts.items() if n >= min_count)


def judged(dirs, rule) -> list[tuple[float, int | None]]:
    """(gain, 1 right / 0 wrong / None unknown) of every correction the rule weighs."""
    lex = default_lexicon()
    out = []
    for text, gold in pages(dirs):
        flat_at, flat = {}, []
        for i, c in enumerate(text):
            if not c.isspace():
                flat_at[i] = len(flat)
                flat.append(c)
        flat = "".join(flat)
        for off, x, y, gain, _, _ in lookalike_proposals(text, rule, lex):
            k = flat_at[off]
            lo = max(0, k - 4)
            read = flat[lo:k + 5]
            meant = read[:k - lo] + y + read[k - lo + 1:]
            out.append((gain, 1 if meant in gold and read not in gold else 0 if read in gold else None))
    return out


def tally(rows, margin):
    sel = [r for g, r in rows if g >= margin]
    right, wrong = sel.count(1), sel.count(0)
    return right, wrong, len(sel) - right - wrong


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fit", nargs="+")
    ap.add_argument("--validation", nargs="*", default=[])
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--precision", type=float, default=0.98)
    ap.add_argument("-o", "--out")
    args = ap.parse_args(argv)
    if default_lexicon() is None:
        print("error: jieba is not installed (its dictionary is the lexicon)", file=sys.stderr)
        return 2
    pairs = harvest(args.fit, args.min_count)
    print(f"{len(pairs)} confusion pairs seen {args.min_count}+ times: {' '.join(pairs[:40])}{' …' if len(pairs) > 40 else ''}")
    base = default_rules()["O007"]
    from dataclasses import replace

    rule = replace(base, params={**base.params, "pairs": pairs})
    rows = judged(args.fit, rule)
    chosen = None
    print(f"{'margin':>7} {'right':>6} {'wrong':>6} {'unknown':>8} {'precision':>9}")
    for m in [x / 2 for x in range(4, 41)]:
        right, wrong, unknown = tally(rows, m)
        prec = right / (right + wrong) if right + wrong else 1.0
        print(f"{m:7.1f} {right:6d} {wrong:6d} {unknown:8d} {prec:9.3f}")
        if chosen is None and right + wrong and prec >= args.precision:
            chosen = m
    if chosen is None:
        print("no margin reaches the precision asked", file=sys.stderr)
        return 1
    print(f"chosen margin {chosen} (the smallest with precision >= {args.precision} on the fitting pages)")
    if args.validation:
        right, wrong, unknown = tally(judged(args.validation, rule), chosen)
        print(f"validation at {chosen}: right {right}, wrong {wrong}, unknown {unknown}, "
              f"precision {right / max(right + wrong, 1):.3f}")
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        pl = ", ".join(f'"{p}"' for p in pairs)
        (out / "ocr.toml").write_text(f'stage = "ocr"\n\n[[rule]]\nid = "O007"\nparams = {{ margin = {chosen}, '
                                      f'pairs = [{pl}] }}\n', encoding="utf-8")
        print(f"wrote {out / 'ocr.toml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
