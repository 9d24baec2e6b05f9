"""How the cleaner holds when the same pages come in another shape.

    python benchmarks/variants.py [SPLIT_DIR] [-o OUT] [--only NAMES]

Writes each page of a gold set (default: the validation split) in several shapes, each a gold
set of its own under ``OUT`` (default: a temporary folder), and scores them side by side with
the scorer of ``benchmarks/evaluate.py``. The gold is the same for every shape: what a page
says does not change with how its lines are separated.

- ``orig``: the page as it is;
- ``crlf``: Windows line ends;
- ``noblank``: no blank line anywhere (an extractor that prints none);
- ``blank2``: a blank line after every line (one that prints one after each);
- ``trailing``: two blanks at the end of every line;
- ``spaced``: a blank between a Han character and a digit or Latin letter beside it (``2022 年``),
  as many PDF text layers print;
- ``traditional``: the page in Traditional characters (OpenCC ``s2t``): read back to Simplified
  by the cleaner, so its CER counts what the round trip cannot restore;
- ``clean``: the page already clean: each article's title, subtitle and byline, then one
  paragraph (or subhead) a line, in reading order; captions and pull quotes left out (their
  figures read 0 by design).

A shape that scores below ``orig`` names a habit of extractors the cleaner does not yet read
as the same page. (Not a target to choose constants on: a check, like the dev pages.)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_HAN_ASCII = re.compile(r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])")


def _traditional(text: str) -> str:
    import opencc
    return opencc.OpenCC("s2t").convert(text)


def _clean(gold: dict) -> str:
    out = []
    for a in gold["articles"]:
        out += [a[k] for k in ("title", "subtitle", "byline") if a.get(k)]
        out += [b["text"] for b in a["blocks"]]
    return "\n".join(out) + "\n"


SHAPES = {
    "orig": lambda raw, gold: raw,
    "crlf": lambda raw, gold: raw.replace("\n", "\r\n"),
    "noblank": lambda raw, gold: re.sub(r"\n[ \t\u3000]*(?=\n)", "", raw),
    "blank2": lambda raw, gold: raw.replace("\n", "\n\n"),
    "trailing": lambda raw, gold: raw.replace("\n", "  \n"),
    "spaced": lambda raw, gold: _HAN_ASCII.sub(" ", raw),
    "traditional": lambda raw, gold: _traditional(raw),
    "clean": lambda raw, gold: _clean(gold),
}


def write(src: Path, out: Path, names: list[str]) -> int:
    """Every page of ``src`` in each shape of ``names``, as ``out/<shape>/``; the page count."""
    pages = sorted(p for p in src.glob("*.txt"))
    for p in pages:
        raw = p.read_text(encoding="utf-8")
        gold_path = p.with_name(p.stem + ".gold.json")
        gold_text = gold_path.read_text(encoding="utf-8")
        gold = json.loads(gold_text)
        for name in names:
            d = out / name
            d.mkdir(parents=True, exist_ok=True)
            (d / p.name).write_bytes(SHAPES[name](raw, gold).encode("utf-8"))
            (d / gold_path.name).write_text(gold_text, encoding="utf-8")
    return len(pages)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", default=str(ROOT / "benchmarks" / "splits" / "valid"))
    ap.add_argument("-o", "--out", help="folder for the shapes (default: a temporary one, removed after)")
    ap.add_argument("--only", default=",".join(SHAPES), help=f"comma-separated shapes (default: all: {', '.join(SHAPES)})")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="processes the scoring uses (evaluate.py's -j; default 2)")
    args = ap.parse_args(argv)
    names = args.only.split(",")
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        ap.error(f"unknown shape(s): {', '.join(unknown)}; known: {', '.join(SHAPES)}")
    src = Path(args.split)
    if not any(src.glob("*.gold.json")):
        ap.error(f"{src}: no gold pages (run benchmarks/splits.py first?)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp)
        n = write(src, out, names)
        print(f"{n} pages of {src} in {len(names)} shapes", file=sys.stderr)
        return subprocess.call([sys.executable, str(ROOT / "benchmarks" / "evaluate.py"), "--splits", str(out),
                                "--only", ",".join(names), "-j", str(args.jobs)])


if __name__ == "__main__":
    sys.exit(main())
