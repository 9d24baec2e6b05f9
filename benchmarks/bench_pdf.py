"""Speed and memory of PDF input: pages per second, and memory over a long PDF.

    python benchmarks/bench_pdf.py [--pages 500]

1. Reads and cleans every typeset page of ``benchmarks/extractor_set/{dev,test}/pdf`` (842 pt
   wide, the width of A3, 1,000-1,800 pt tall: as tall as A3 or taller) in this process, one
   core: read (PDFium text layer and layout) and clean (the text stages) timed apart.
2. Builds one PDF of ``--pages`` pages from those pages and cleans it page by page as the CLI
   does, printing the process's peak resident memory after every hundred pages: it must stay
   flat (each page is read, cleaned and let go).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.pdf import read_pdf  # noqa: E402
from cleaner.pipeline import clean  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=500)
    args = ap.parse_args(argv)
    import pypdfium2 as pdfium

    rules = default_rules()
    pdfs = sorted((ROOT / "benchmarks" / "extractor_set").glob("*/pdf/*.pdf"))
    clean("预热。\n", rules=rules)
    read_s = clean_s = 0.0
    chars = 0
    for f in pdfs:
        t0 = time.perf_counter()
        got = next(read_pdf(str(f), None, rules))
        t1 = time.perf_counter()
        clean(got.text, rules=rules, geometry=got.geometry, copies=got.copies)
        t2 = time.perf_counter()
        read_s += t1 - t0
        clean_s += t2 - t1
        chars += got.chars
    n = len(pdfs)
    print(f"{n} pages, {chars / n:,.0f} characters a page: read {1000 * read_s / n:.1f} ms, clean "
          f"{1000 * clean_s / n:.1f} ms a page: {n / (read_s + clean_s):.1f} pages/s on one core")
    with tempfile.TemporaryDirectory() as tmp:
        big = pdfium.PdfDocument.new()
        srcs = [pdfium.PdfDocument(str(f)) for f in pdfs]
        while len(big) < args.pages:
            src = srcs[len(big) % len(srcs)]
            big.import_pages(src)
        path = Path(tmp) / "long.pdf"
        big.save(str(path))
        big.close()
        for s in srcs:
            s.close()
        t0 = time.perf_counter()
        for k, got in enumerate(read_pdf(str(path), None, rules), 1):
            clean(got.text, rules=rules, geometry=got.geometry, copies=got.copies)
            if k % 100 == 0:
                print(f"  page {k}: peak memory {peak_mb():.0f} MB, {k / (time.perf_counter() - t0):.1f} pages/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
