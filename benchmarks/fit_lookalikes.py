"""Fit the OCR look-alike rule of seen confusions (O027): its pairs and its margin, from OCR pages with gold.

    python benchmarks/fit_lookalikes.py FIT_DIR... [--harvest DIR...] [--keep-pairs] [--min-count 2]
                                        [--validation DIR...] [--precision 0.98] [-o LAYER_DIR]
    python benchmarks/fit_lookalikes.py --render DIR [--images 40] [--seed 1] [--exclude GOLD_DIR...]

1. **Pairs.** Each page's OCR text (of ``--harvest`` when given, else of the fitting pages) is aligned with its gold text (all of an article's fields and
   blocks, whitespace removed; Levenshtein opcodes) and every single Han character read in
   place of another is counted; pairs seen ``--min-count`` times or more are kept: what this OCR
   engine confuses beyond the glyph table (瘟 for 温: their radicals differ).
2. **Margin.** With those pairs, every correction the rule would weigh on the fitting pages is
   judged against the gold: right where the corrected context (four characters either side)
   is in the gold and the read one is not, wrong where the read one is in the gold, unknown
   otherwise (another OCR error nearby). The margin is the smallest at which the right share
   of the judged corrections is at least ``--precision``.

Prints the table of right / wrong / unknown per margin on the fitting pages and, at the chosen
margin, on the validation pages; ``-o`` writes a rule layer (``ocr.toml`` with the rule's pairs
and margin; ``--rule``, O027 by default) to try with ``--rules`` or copy into ``rules/ocr.toml``.

**Rendered blocks** (``--render DIR --images N``). Typeset pages give few confusions per
second of Tesseract (a page's layout is most of its area) and their stories are few: the
pages of the OCR set's dev split are drawn from the same train-pool stories, so pairs learned
on pages of those stories would be learned on the very headlines the dev pages are judged
on. ``--render`` draws dense blocks instead, in the typeset pages' faces and sizes (the body
in Noto Serif CJK at 9-10.5 pt, headlines in bold sans or heavy serif at 14-34 pt, some drawn
twice as fake bold), at 300 dpi or as a degraded 200 dpi scan (``ocr_set.degrade``), and
reads them with Tesseract (``chi_sim``, psm 6); the text is that of train-pool stories whose
title no page of ``--exclude`` (the OCR set's dev gold) carries, and runs of jieba's frequent
words (characters stories seldom use; two blocks in five). Each block is written as ``DIR/rNNN.txt`` with its
gold (``rNNN.gold.json``), a directory to harvest like any other.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

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


FACES = {"serif": ("NotoSerifCJK-Regular.ttc", 2), "bold": ("NotoSansCJK-Bold.ttc", 2),
         "serifbold": ("NotoSerifCJK-Bold.ttc", 2)}
FONT_DIR = "/usr/share/fonts/opentype/noto/"


def render_texts(exclude_dirs, seed: int):
    """(body texts, word runs, headline texts): paragraphs and headings of the train-pool stories no page
    of ``exclude_dirs`` prints (by title), and lines of jieba's frequent words."""
    import glob
    import random

    from cleaner.lexicon import dictionary_counts
    from cleaner.synth import load_stories
    from splits import pool_of

    seen = set()
    for d in exclude_dirs:
        for g in Path(d).glob("*.gold.json"):
            seen.update(a.get("title") for a in json.loads(g.read_text(encoding="utf-8"))["articles"])
    stories = [s for s in load_stories(sorted(glob.glob(str(ROOT / "samples" / "articles" / "pool-*.jsonl"))))
               if pool_of(s.id) == "train" and s.title not in seen]
    body = [t for s in stories for k, t in s.blocks if k == "paragraph"]
    heads = [t for s in stories for t in (s.title, s.subtitle, s.kicker) if t]
    heads += [t for s in stories for k, t in s.blocks if k == "subhead"]
    counts = dictionary_counts()
    words = [w for w, c in sorted(counts.items(), key=lambda kv: -kv[1])[:60000]
             if len(w) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w)]
    rng = random.Random(seed)
    rng.shuffle(words)
    return body, ["".join(words[k:k + 12]) for k in range(0, len(words), 12)], heads


def render_block(texts, face: str, pt: float, dpi: int, chars: int, lines: int, rng, twice: bool):
    """Lines of ``chars`` characters cut from ``texts`` drawn in ``face`` at ``pt`` points and
    ``dpi``: (the picture, the text drawn)."""
    from PIL import Image, ImageDraw, ImageFont

    px = pt / 72 * dpi
    font = ImageFont.truetype(FONT_DIR + FACES[face][0], round(px), index=FACES[face][1])
    track = px * rng.choice((0.0, 0.05, 0.1, 0.2))
    lead = px * rng.choice((1.3, 1.5, 1.8, 2.0))
    drawn, k = [], rng.randrange(len(texts))
    while len(drawn) < lines:
        t = texts[k % len(texts)]
        k += 1
        for a in range(0, len(t), chars):
            if len(drawn) < lines:
                drawn.append(t[a:a + chars])
    width = int(px * 0.4 + chars * (px + track) + px)
    img = Image.new("L", (width, int(lead * (len(drawn) + 1))), 255)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(drawn):
        x, y = px * 0.5, lead * (i + 0.5)
        for ch in line:
            d.text((x, y), ch, font=font, fill=0)
            if twice:
                d.text((x + 0.35 / 72 * dpi, y), ch, font=font, fill=0)
            x += px + track
    return img, "\n".join(drawn)


def render(out: Path, images: int, seed: int, exclude_dirs) -> None:
    """``images`` rendered blocks read by Tesseract, written to ``out`` (see the module's doc)."""
    import hashlib
    import os
    import random
    import subprocess
    import tempfile

    from ocr_set import degrade

    body, runs, heads = render_texts(exclude_dirs, seed)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(images):
        scan = rng.random() < 0.5
        dpi = 200 if scan else 300
        if rng.random() < 0.35:
            img, text = render_block(heads, rng.choice(("bold", "serifbold")), rng.choice((14.0, 18.0, 22.0, 26.0, 30.0)),
                                     dpi, rng.randint(6, 14), 14, rng, rng.random() < 0.5)
        else:
            img, text = render_block(body if rng.random() < 0.6 else runs, "serif", rng.choice((9.0, 9.5, 10.0, 10.5)), dpi,
                                     rng.randint(14, 30), 60, rng, False)
        name = f"r{n:03d}"
        with tempfile.TemporaryDirectory() as tmp:
            png = Path(tmp) / "b.png"
            img.save(png)
            if scan:
                degrade(png, int(hashlib.sha1(name.encode()).hexdigest()[:8], 16))
            r = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", "6"], capture_output=True,
                               env=dict(os.environ, OMP_THREAD_LIMIT="1"), check=True)
        (out / f"{name}.txt").write_text(r.stdout.decode("utf-8"), encoding="utf-8")
        gold = {"articles": [{"blocks": [{"kind": "paragraph", "text": text}]}]}
        (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        print(f"[{n + 1}/{images}] {name} {'scan' if scan else '300dpi'}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("fit", nargs="*")
    ap.add_argument("--validation", nargs="*", default=[])
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--precision", type=float, default=0.98)
    ap.add_argument("-o", "--out")
    ap.add_argument("--harvest", nargs="*", default=[],
                    help="count the pairs on these directories (default: the fitting ones)")
    ap.add_argument("--keep-pairs", action="store_true", help="keep the rule's pairs beside those counted")
    ap.add_argument("--rule", default="O027", help="the look-alike rule fitted")
    ap.add_argument("--render", help="draw blocks, read them with Tesseract into this directory, and stop")
    ap.add_argument("--images", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--exclude", nargs="*", default=[str(ROOT / "benchmarks" / "ocr_set" / "dev" / "psm3")],
                    help="directories of gold whose stories are not drawn (--render)")
    args = ap.parse_args(argv)
    if args.render:
        render(Path(args.render), args.images, args.seed, args.exclude)
        return 0
    if default_lexicon() is None:
        print("error: jieba is not installed (its dictionary is the lexicon)", file=sys.stderr)
        return 2
    pairs = harvest(args.harvest or args.fit, args.min_count)
    base = default_rules()[args.rule]
    if args.keep_pairs:
        pairs = sorted(set(pairs) | set(base.params["pairs"]))
    print(f"{len(pairs)} confusion pairs seen {args.min_count}+ times: {' '.join(pairs[:40])}{' …' if len(pairs) > 40 else ''}")
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
        (out / "ocr.toml").write_text(f'stage = "ocr"\n\n[[rule]]\nid = "{args.rule}"\nparams = {{ margin = {chosen}, '
                                      f'pairs = [{pl}] }}\n', encoding="utf-8")
        print(f"wrote {out / 'ocr.toml'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
