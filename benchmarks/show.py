"""Debug view: the blocks of a page with their kinds, and the articles the cleaner made.

    python benchmarks/show.py PAGE.txt|PAGE.pdf [--blocks]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's cleaner, not an installed one

from cleaner import clean


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):  # (usage, not a page called --help)
        print(__doc__)
        return
    path = argv[0]
    if path.endswith(".pdf"):
        from cleaner.pdf import clean_pdf
        _, page = next(clean_pdf(path))
    else:
        page = clean(open(path, encoding="utf-8").read(), name=path)
    if "--blocks" in argv:
        for b in page.blocks:
            print(f"{b.first + 1:4d} {b.kind:10s} w={b.width:5.1f} n={len(b.lines):2d} {b.text[:60]}")
        print("=" * 60)
    for n, a in enumerate(page.articles):
        print(f"## A{n} conf={a.confidence:.2f} title={a.title.text if a.title else None!r} "
              f"sub={a.subtitle.text if a.subtitle else None!r} by={a.byline.text if a.byline else None!r} "
              f"dl={a.dateline!r}")
        for q in a.pullquotes:
            print(f"   PQ {q.text[:50]}")
        for c in a.captions:
            print(f"   CAP {c.text[:50]}")
        for b in a.body:
            print(f"   {b.kind[:4]} L{b.first + 1} {b.text[:50]}")
    for b in page.dropped:
        print(f"DROP {b.kind} {b.text[:40]}")


if __name__ == "__main__":
    main(sys.argv[1:])
