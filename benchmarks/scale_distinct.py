"""Cost per character of one long page of distinct articles against its pages cleaned apart.

    python benchmarks/scale_distinct.py [--mb 10] [--seed 7]

The long page is synthesised pages (``cleaner.synth``, every story of the train and test
pools of ``samples/articles``, not the choose pool's; each page a new layout) run together until it holds ``--mb`` MB of UTF-8; the same pages are
then cleaned one by one. The 150 stories would repeat every few dozen pages, so each page's
Han characters go through a permutation of its own (the characters the rules' patterns name
are kept): the articles are distinct, as on a real run of pages, while each page keeps its
structure and its own word statistics. Target (issue #17): the long page costs at most 1.5x per character
what its pages cost apart. Prints both times, the ratio and the long page's peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402
from cleaner.chars import HAN_RE  # noqa: E402
from cleaner.synth import load_stories, page_seed  # noqa: E402
from cleaner.synth.page import PageMaker  # noqa: E402
from splits import pool_of  # noqa: E402


def disguise(text: str, k: int, keep: frozenset[str], pool: list[str]) -> str:
    """``text`` with its Han characters outside ``keep`` permuted by page number ``k``."""
    rng = random.Random(k)
    shuffled = pool[:]
    rng.shuffle(shuffled)
    return text.translate(str.maketrans(dict(zip(pool, shuffled))))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    # the train and test pools' stories, as always: the choose pool's are kept for choosing
    maker = PageMaker([s for s in load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
                       if pool_of(s.id) != "choose"])
    rules = cleaner.rules.default_rules()
    keep = frozenset(c for r in rules.rules for v in r.params.values()
                     for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) for c in x)
    han = {c for s in maker.stories for c in s.title + "".join(s.paragraphs) if HAN_RE.match(c)}
    pool = sorted(han - keep)
    pages, size, k = [], 0, 0
    while size < args.mb * 1e6:
        s = maker.page(page_seed(args.seed, k))
        if not s.clean:  # (a clean page has no layout to rebuild)
            pages.append(disguise(s.raw, k, keep, pool))
            size += len(s.raw.encode("utf-8"))
        k += 1
    chars = sum(map(len, pages))
    t = time.process_time()
    for text in pages:
        cleaner.clean(text)
    apart = time.process_time() - t
    whole = "\n".join(pages)
    t = time.process_time()
    page = cleaner.clean(whole)
    together = time.process_time() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratio = together / apart
    print(f"{len(pages)} pages, {size / 1e6:.1f} MB, {chars:,} characters, {len(page.articles):,} articles on the long page")
    print(f"apart    {apart:7.1f} s  {apart / chars * 1e6:.2f} µs/char")
    print(f"together {together:7.1f} s  {together / chars * 1e6:.2f} µs/char   ratio {ratio:.2f}x   "
          f"target <= 1.5x: {'ok' if ratio <= 1.5 else 'MISSED'}   peak memory {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
