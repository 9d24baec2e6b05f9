"""Which Han characters look alike: the table the OCR look-alike rule (O007) draws its
candidates from.

    python benchmarks/lookalikes.py [-o cleaner/lookalikes.txt] [--chars 6000] [--top 8] [--min-sim 0.8]

An OCR engine mistakes a character for one drawn much the same (土/士, 末/未, 千/干, 墓/幕), so the
candidates for a correction are a character's nearest glyphs. Each of the ``--chars`` most
frequent characters of jieba's dictionary (by the counts of the words holding them) is drawn
in Noto Sans CJK SC at 40 px on a 48 px square, blurred (a scan's soft edges) and compared with
every other by the cosine of the centred bitmaps; a character's line in the table lists its
``--top`` nearest with a similarity of at least ``--min-sim``, nearest first::

    土	士上

Needs Pillow, NumPy, jieba and Debian's fonts-noto-cjk (not the cleaner's own dependencies:
the table is committed).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.lexicon import jieba_dict  # noqa: E402

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2  # Simplified Chinese
SIZE, BOX, BLUR = 40, 48, 1.5


def frequent_chars(n: int) -> list[str]:
    counts: collections.Counter = collections.Counter()
    with open(jieba_dict(), encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split(" ", 2)[:2]
            for c in word:
                if "\u4e00" <= c <= "\u9fff":
                    counts[c] += int(freq)
    return [c for c, _ in counts.most_common(n)]


def glyph_matrix(chars: list[str]):
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font = ImageFont.truetype(FONT, SIZE, index=FACE)
    m = np.zeros((len(chars), BOX * BOX), np.float32)
    for i, c in enumerate(chars):
        im = Image.new("L", (BOX, BOX), 0)
        ImageDraw.Draw(im).text((4, -6), c, font=font, fill=255)
        a = np.asarray(im.filter(ImageFilter.GaussianBlur(BLUR)), np.float32).ravel()
        a -= a.mean()
        m[i] = a / (np.linalg.norm(a) + 1e-6)
    return m


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--out", default=str(ROOT / "cleaner" / "lookalikes.txt"))
    ap.add_argument("--chars", type=int, default=6000)
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--min-sim", type=float, default=0.8)
    args = ap.parse_args(argv)
    import numpy as np

    chars = frequent_chars(args.chars)
    m = glyph_matrix(chars)
    sim = m @ m.T
    np.fill_diagonal(sim, -1.0)
    order = np.argsort(-sim, axis=1)[:, :args.top]
    lines = []
    for i, c in enumerate(chars):
        near = "".join(chars[j] for j in order[i] if sim[i, j] >= args.min_sim)
        if near:
            lines.append(f"{c}\t{near}")
    header = (f"# Han characters and their nearest glyphs (Noto Sans CJK SC, {SIZE} px, blur {BLUR}; "
              f"top {args.top}, cosine >= {args.min_sim}): made by benchmarks/lookalikes.py\n")
    Path(args.out).write_text(header + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"{len(lines)} characters with look-alikes -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
