"""Where the cleaner's CPU time goes, by sampling: a profile the machine's load does not skew.

    python benchmarks/sample_profile.py samples/kjrb-yuanqu-page.txt --reps 60      # warm
    python benchmarks/sample_profile.py benchmarks/splits/valid/*.txt --cold        # each page once

cProfile times every call, which inflates small functions, and on a shared machine its wall
clock counts the time other processes took the core. Here a CPU-time timer (``ITIMER_PROF``)
interrupts the run every ``--interval`` seconds of this process's own CPU, and each interrupt
counts the function running (exclusive), every function on the stack (inclusive) and the line
running. Shares of the samples are shares of CPU time. (Time spent in C code is counted to the
Python line that called it. The kernel rounds the interval up to its tick, 4 ms on the test
machine: give it a thousand samples or more, 60 warm cleanings of the sample page.)

``--cold``: the first page warms up (rules, patterns, lexicon) and each other page is cleaned
once; otherwise every page is cleaned once to warm up, then ``--reps`` times, sampled.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _file(frame) -> str:
    return frame.f_code.co_filename.replace(str(REPO / "cleaner") + "/", "")


def _where(frame) -> str:
    return f"{_file(frame)}:{frame.f_code.co_firstlineno}({frame.f_code.co_name})"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="+", help="page text files")
    ap.add_argument("--reps", type=int, default=20, help="cleanings of every page, sampled (warm)")
    ap.add_argument("--cold", action="store_true", help="each page after the first cleaned once")
    ap.add_argument("--interval", type=float, default=0.0005, help="seconds of CPU between samples")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    from cleaner import clean, page_dict
    from cleaner.io import read_page
    from cleaner.reports.pagejson import dumps

    texts = [read_page(p)[0] for p in args.pages]
    if args.cold:
        clean(texts[0])
        runs = texts[1:]
    else:
        for t in texts:
            clean(t)
        runs = texts * args.reps
    inclusive, exclusive, lines = Counter(), Counter(), Counter()

    def sample(signum, frame):
        exclusive[_where(frame)] += 1
        lines[f"{_file(frame)}:{frame.f_lineno}"] += 1
        seen = set()
        while frame is not None:
            seen.add(_where(frame))
            frame = frame.f_back
        inclusive.update(seen)

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, args.interval, args.interval)
    for t in runs:
        dumps(page_dict(clean(t)))
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(exclusive.values()) or 1
    print(f"{total} samples over {len(runs)} cleanings")
    for title, counts in (("inclusive", inclusive), ("exclusive", exclusive), ("lines", lines)):
        print(f"== {title}")
        for where, n in counts.most_common(args.top):
            print(f"{100 * n / total:5.1f}%  {where}")


if __name__ == "__main__":
    main()
