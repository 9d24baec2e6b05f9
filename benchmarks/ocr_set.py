"""Read the typeset pages of the extractor set with an OCR engine, as people OCR newspapers.

    python benchmarks/ocr_set.py [--pdfs benchmarks/extractor_set] [-o benchmarks/ocr_set]
                                 [--splits dev,test] [--variants psm3,psm4,scan] [-j 2]

For each page ``SRC/<split>/pdf/NAME.pdf`` (typeset by ``extractor_set.py``, gold from the
typesetting) writes ``OUT/<split>/<variant>/NAME.txt`` (what Tesseract read) and
``NAME.gold.json`` (the page's gold, unchanged). Variants:

``psm3``  the page rendered at 300 dpi, Tesseract ``chi_sim`` page segmentation mode 3 (auto);
``psm4``  the same image, mode 4 (one column of text of variable sizes: rows of columns join);
``scan``  a degraded scan: 200 dpi, turned 0.5 degrees, blurred, with grain and JPEG
          artefacts, mode 3.

Page ``NAME`` of a variant depends on the PDF only (the grain is seeded by the name), so the
set can be rebuilt exactly. Needs (not the cleaner's own dependencies): poppler-utils
(``pdftoppm``), Debian's ``tesseract-ocr`` and ``tesseract-ocr-chi-sim``, Pillow and NumPy.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: variant: (dpi, degrade?, tesseract page segmentation mode)
VARIANTS = {"psm3": (300, False, 3), "psm4": (300, False, 4), "scan": (200, True, 3)}


def render(pdf: Path, dpi: int, out: Path) -> Path:
    """The PDF's first page as a grey PNG at ``dpi``."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


def degrade(png: Path, seed: int) -> Path:
    """What a flatbed scan of newsprint does to the page: a small skew, soft focus, grain and
    JPEG compression (the PNG is overwritten)."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = Image.open(png).convert("L")
    img = img.rotate(0.5, resample=Image.BICUBIC, expand=True, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    rng = np.random.default_rng(seed)
    a = np.asarray(img, dtype=np.float32) + rng.normal(0.0, 14.0, size=(img.height, img.width))
    a = np.clip(a * 0.92 + 10, 0, 255).astype(np.uint8)  # greyer paper, weaker ink
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format="JPEG", quality=55)
    Image.open(io.BytesIO(buf.getvalue())).save(png)
    return png


def ocr(png: Path, psm: int) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per page; pages run side by side
    r = subprocess.run(["tesseract", str(png), "-", "-l", "chi_sim", "--psm", str(psm)],
                       capture_output=True, env=env, check=True)
    return r.stdout.decode("utf-8")


def one(pdf: Path, variant: str, out_dir: Path) -> str:
    dpi, bad, psm = VARIANTS[variant]
    with tempfile.TemporaryDirectory() as tmp:
        png = render(pdf, dpi, Path(tmp) / "page")
        if bad:
            degrade(png, int(hashlib.sha1(pdf.stem.encode()).hexdigest()[:8], 16))
        text = ocr(png, psm)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{pdf.stem}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(pdf.with_suffix(".gold.json"), out_dir / f"{pdf.stem}.gold.json")
    return f"{out_dir.name}/{pdf.stem}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdfs", default=str(ROOT / "benchmarks" / "extractor_set"))
    ap.add_argument("-o", "--out", default=str(ROOT / "benchmarks" / "ocr_set"))
    ap.add_argument("--splits", default="dev,test")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    for tool in ("pdftoppm", "tesseract"):
        if shutil.which(tool) is None:
            print(f"error: {tool} not found (apt-get install poppler-utils tesseract-ocr tesseract-ocr-chi-sim)",
                  file=sys.stderr)
            return 2
    jobs = []
    for split in args.splits.split(","):
        pdfs = sorted((Path(args.pdfs) / split / "pdf").glob("*.pdf"))
        if not pdfs:
            print(f"error: no PDFs in {Path(args.pdfs) / split / 'pdf'}", file=sys.stderr)
            return 2
        for v in args.variants.split(","):
            if v not in VARIANTS:
                print(f"error: unknown variant {v!r} (known: {', '.join(VARIANTS)})", file=sys.stderr)
                return 2
            jobs += [(pdf, v, Path(args.out) / split / v) for pdf in pdfs]
    with ThreadPoolExecutor(args.jobs) as pool:
        for k, done in enumerate(pool.map(lambda j: one(*j), jobs), 1):
            print(f"[{k}/{len(jobs)}] {done}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
