"""Throughput, scaling and memory of the cleaner, printed as ratios (a script, not a test).

    python benchmarks/bench.py            # everything, including the 1 GB stream (long)
    python benchmarks/bench.py --quick    # skip the 1 GB stream
    python benchmarks/bench.py --profile  # also: cProfile of the sample page, top functions

What it measures, all in one run on this machine:

1. Single-core throughput (pages/s, MB/s of UTF-8 input) on the sample page and on the dev
   pages, read + clean + page JSON, against a bare baseline measured in the same run: read
   the file, decode, split lines, one regex pass. Target: >= 100 pages/s on the sample page.
2. Cost per character of ``clean()`` on pages 1x, 10x and 100x the sample's length (the
   sample concatenated). Target: 100x within 1.5x of 1x (nothing quadratic in page length).
3. ``--jobs 2`` speed-up over ``--jobs 1``: ``cleaner clean BATCH.jsonl --format jsonl`` in
   a subprocess, wall time including start-up. Target: >= 1.7.
4. Peak memory while streaming 100 MB and 1 GB of JSON Lines through ``cleaner clean
   --input-format jsonl --format jsonl > /dev/null`` (default jobs): the largest single
   process (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a wrapper), the whole process tree
   (sum of PSS, polled from /proc), and the tree's RSS at 10%, 50% and 90% of the stream
   (flat = no growth). Target: < 300 MB for 1 GB.

The machine may be shared: the load average is printed with the results. ``--only
instructions`` (where valgrind is installed) counts the machine instructions one sample page
costs (read + clean + page JSON) under callgrind: a figure the machine's load does not move,
for comparing two versions of the code.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kjrb-yuanqu-page.txt"
DEV = REPO.parent / "shared" / "bench" / "dev"

BASE_RE = re.compile(r"[\u3000-\u303f\uff00-\uffef]|\s+")  # CJK punctuation, full-width forms, blanks


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def timed(fn, min_time: float = 1.0, min_reps: int = 3) -> float:
    """Seconds per call: the median of repeated runs, at least ``min_reps`` and ``min_time``."""
    times = []
    t_end = time.perf_counter() + min_time
    while len(times) < min_reps or time.perf_counter() < t_end:
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def baseline(paths: list[Path]) -> None:
    for p in paths:
        text = p.read_bytes().decode("utf-8")
        n = 0
        for line in text.splitlines():
            n += len(BASE_RE.findall(line))


def cleaner_run(paths: list[Path]) -> None:
    from cleaner import clean, page_dict
    from cleaner.io import read_page
    from cleaner.reports.pagejson import dumps

    for p in paths:
        text, _ = read_page(str(p))
        dumps(page_dict(clean(text, name=p.name)))


def mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


# --------------------------------------------------------------------------------------

def single_core() -> None:
    print("1. single core, in process: read + clean + page JSON, vs read + split lines + one regex pass")
    sets = [("sample page", [SAMPLE])]
    dev = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    if dev:
        sets.append((f"dev pages ({len(dev)})", dev))
    cleaner_run([SAMPLE])  # warm-up: rule loading, converters, compiled patterns
    for name, paths in sets:
        nbytes = sum(p.stat().st_size for p in paths)
        t_base = timed(lambda: baseline(paths))
        t_clean = timed(lambda: cleaner_run(paths), min_time=2.0)
        pps, mbs = len(paths) / t_clean, nbytes / t_clean / 1e6
        bpps, bmbs = len(paths) / t_base, nbytes / t_base / 1e6
        line = (f"   {name:<16} {nbytes / len(paths) / 1e3:6.1f} KB/page   cleaner {pps:7.1f} pages/s "
                f"{mbs:6.2f} MB/s   baseline {bpps:8.0f} pages/s {bmbs:6.1f} MB/s   "
                f"cleaner/baseline time {t_clean / t_base:6.0f}x")
        if name == "sample page":
            line += f"   target >= 100 pages/s: {mark(pps >= 100)}"
        print(line)


def per_char() -> None:
    from cleaner import clean

    print("2. cost per character of clean(), sample page concatenated")
    sample = SAMPLE.read_text(encoding="utf-8")
    clean(sample)
    first = None
    for k, min_time, reps in ((1, 2.0, 5), (10, 2.0, 2), (100, 0.0, 1)):
        text = sample * k
        t = timed(lambda: clean(text), min_time=min_time, min_reps=reps)
        us = t / len(text) * 1e6
        first = first or us
        extra = f"   target 100x <= 1.5x of 1x: {mark(us / first <= 1.5)}" if k == 100 else ""
        print(f"   {k:>3}x  {len(text):>9,} chars  {t:8.3f} s/page  {us:6.2f} µs/char  "
              f"{us / first:5.2f}x of 1x{extra}")


def make_jsonl(path: Path, target_bytes: int) -> int:
    """A JSON Lines file of about ``target_bytes`` from the dev pages and the sample; pages."""
    texts = [SAMPLE.read_text(encoding="utf-8")]
    if DEV.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    n = size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target_bytes:
            line = json.dumps({"id": f"p{n:07d}", "text": texts[n % len(texts)], "url": f"https://example.com/{n}"},
                              ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "cleaner", *map(str, args)]


def parallel(tmp: Path, pages: int) -> None:
    print(f"3. --jobs 2 vs --jobs 1: cleaner clean BATCH.jsonl --format jsonl > /dev/null "
          f"({pages} pages, wall time incl. start-up)")
    if cores() < 2:
        print("   skipped: one core")
        return
    texts = [SAMPLE.read_text(encoding="utf-8")]
    if DEV.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    batch = tmp / "batch.jsonl"
    with open(batch, "w", encoding="utf-8") as fh:
        for n in range(pages):
            fh.write(json.dumps({"id": n, "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n")
    secs, cpu = {}, {}
    for jobs in (1, 2, 1, 2):  # interleaved: a load spike on a shared machine hits both
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cli("clean", batch, "--format", "jsonl", "--jobs", jobs, "-q"),
                       stdout=subprocess.DEVNULL, check=True)
        secs.setdefault(jobs, []).append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.setdefault(jobs, []).append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    t1, t2 = min(secs[1]), min(secs[2])
    c1, c2 = min(cpu[1]), min(cpu[2])
    one = tmp / "one.jsonl"
    with open(one, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 0, "text": texts[0]}, ensure_ascii=False) + "\n")
    start = {}
    for jobs in (1, 2, 1, 2):
        t0 = time.perf_counter()
        subprocess.run(cli("clean", one, "--format", "jsonl", "--jobs", jobs, "-q"),
                       stdout=subprocess.DEVNULL, check=True)
        start.setdefault(jobs, []).append(time.perf_counter() - t0)
    print(f"   --jobs 1 {t1:6.2f} s ({pages / t1:5.1f} pages/s)   --jobs 2 {t2:6.2f} s ({pages / t2:5.1f} pages/s)"
          f"   speed-up {t1 / t2:4.2f}   target >= 1.7: {mark(t1 / t2 >= 1.7)}")
    print(f"   CPU time (all processes): --jobs 1 {c1:6.2f} s, --jobs 2 {c2:6.2f} s: the pool costs "
          f"{100 * (c2 / c1 - 1):+.0f}%; speed-up on two idle cores at most {2 * c1 / c2:4.2f} "
          f"(load-independent)")
    print(f"   start-up (a one-page run): --jobs 1 {min(start[1]):5.2f} s, --jobs 2 {min(start[2]):5.2f} s "
          f"(part of both times above; it weighs on short runs)")


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def _kb(pid: int, path: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


WRAPPER = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)")


def stream(tmp: Path, megabytes: int) -> None:
    src = tmp / f"stream-{megabytes}.jsonl"
    pages = make_jsonl(src, megabytes * 10**6)
    size = src.stat().st_size
    err = open(tmp / "stream.err", "w+")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", WRAPPER, *cli("clean", src, "--input-format", "jsonl",
                                                                 "--format", "jsonl", "-q")],
                            stdout=subprocess.PIPE, stderr=err, text=True)
    peak_pss = 0
    at = {}
    while proc.poll() is None:
        pids = _tree(proc.pid)[1:]  # not the wrapper
        pss = sum(_kb(p, "smaps_rollup", "Pss:") for p in pids)
        rss = sum(_kb(p, "status", "VmRSS:") for p in pids)
        peak_pss = max(peak_pss, pss)
        # how far the stream is: the parent's read position in the input file
        for p in pids:
            try:
                for fd in os.listdir(f"/proc/{p}/fd"):
                    if os.readlink(f"/proc/{p}/fd/{fd}") == str(src):
                        with open(f"/proc/{p}/fdinfo/{fd}") as fh:
                            pos = int(fh.readline().split()[1])
                        for q in (10, 50, 90):
                            if pos >= size * q / 100 and q not in at:
                                at[q] = rss
            except (OSError, ValueError):
                pass
        time.sleep(0.25)
    secs = time.perf_counter() - t0
    max_rss_kb = int(proc.stdout.read().strip() or 0)
    err.seek(0)
    problems = err.read().strip()
    flat = "  ".join(f"{q}%: {at[q] / 1024:.0f} MB" for q in sorted(at)) or "n/a"
    print(f"   {megabytes:>5} MB  {pages:>7,} pages  {secs:7.1f} s ({pages / secs:5.1f} pages/s)   "
          f"largest process {max_rss_kb / 1024:5.0f} MB   whole tree peak PSS {peak_pss / 1024:5.0f} MB   "
          f"tree RSS at {flat}"
          + (f"   target < 300 MB: {mark(peak_pss / 1024 < 300)}" if megabytes >= 1000 else ""))
    if proc.returncode:
        print(f"   exit code {proc.returncode}: {problems[:500]}")
    src.unlink()


INSTRUCTIONS_RUN = """
import sys
from cleaner import clean, page_dict
from cleaner.io import read_page
from cleaner.reports.pagejson import dumps
text, _ = read_page(sys.argv[1])
clean(text)  # warm-up: rule loading, converters, compiled patterns
for _ in range(int(sys.argv[2])):
    dumps(page_dict(clean(text)))
"""

INSTRUCTIONS_COLD = """
import sys
from cleaner import clean, page_dict
from cleaner.io import read_page
from cleaner.reports.pagejson import dumps
other, _ = read_page(sys.argv[1])
clean(other)  # warm-up on another page: rules, converters, patterns; none of the sample's texts
if sys.argv[2]:
    text, _ = read_page(sys.argv[2])
    dumps(page_dict(clean(text)))
"""


def _callgrind(script: str, *args: str) -> int | None:
    """Instructions callgrind counts for ``python -c script args`` (None, said, where it gives none)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO)}
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          sys.executable, "-c", script, *args],
                         env=env, capture_output=True, text=True).stderr
    m = re.search(r"Collected : ([\d,]+)", out)
    if not m:
        print(f"   callgrind gave no count: {out[-300:]}")
        return None
    return int(m.group(1).replace(",", ""))


def instructions(pages: int = 10) -> None:
    """Instructions per sample page under callgrind: a run of ``pages`` pages minus a run of
    none (start-up and warm-up cancel out), with a fixed hash seed (set and dict order).

    Cleaned again and again, the sample finds the caches keyed on its texts warm; a corpus's
    pages are each cleaned once. So the sample is also counted cold: the warm-up cleans a page
    synthesised from other stories (rules, converters and patterns loaded, no text of the
    sample seen), then the sample once, minus the warm-up alone."""
    print("6. instructions per sample page (callgrind, read + clean + page JSON; PYTHONHASHSEED=0)")
    if not shutil.which("valgrind"):
        print("   valgrind not found: skipped")
        return
    counts = [_callgrind(INSTRUCTIONS_RUN, str(SAMPLE), str(n)) for n in (0, pages)]
    if None in counts:
        return
    print(f"   {(counts[1] - counts[0]) / pages / 1e6:.1f} M instructions per page, cleaned again and again")
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        pool = REPO / "samples" / "articles" / "pool-1.jsonl"
        subprocess.run([sys.executable, "-m", "cleaner", "synth", str(pool), "-o", tmp, "--pages", "1",
                        "--seed", "7"], env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, check=True)
        other = str(Path(tmp) / "s0000.txt")
        cold = [_callgrind(INSTRUCTIONS_COLD, other, str(SAMPLE) if n else "") for n in (0, 1)]
    if None not in cold:
        print(f"   {(cold[1] - cold[0]) / 1e6:.1f} M instructions for the sample cleaned once, cold "
              "(the warm-up on another page)")


def profile(top: int = 25) -> None:
    from cleaner import clean, page_dict

    text = SAMPLE.read_text(encoding="utf-8")
    clean(text)
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(20):
        page_dict(clean(text))
    prof.disable()
    out = io.StringIO()
    st = pstats.Stats(prof, stream=out)
    st.sort_stats("tottime").print_stats(top)
    st.sort_stats("cumulative").print_stats(top)
    print("5. profile: 20 x the sample page (clean + page JSON)")
    print("\n".join("   " + x for x in out.getvalue().splitlines() if x.strip()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the 1 GB stream")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of the sample page")
    ap.add_argument("--batch-pages", type=int, default=1000,
                    help="pages in the --jobs batch (default 1000: a 5 s run, start-up a few percent of it)")
    ap.add_argument("--only", choices=("single", "scale", "jobs", "stream", "profile", "instructions"),
                    action="append",
                    help="run only these parts (repeatable)")
    args = ap.parse_args(argv)
    parts = set(args.only or ("single", "scale", "jobs", "stream") + (("profile",) if args.profile else ()))
    import cleaner

    # bytecode on disk, as an installed package has it (this machine sets PYTHONDONTWRITEBYTECODE,
    # which would make every CLI run below compile the package again: ~0.06 s of start-up)
    compileall.compile_dir(Path(cleaner.__file__).parent, quiet=1)
    print(f"cleaner {cleaner.__version__} benchmark: Python {sys.version.split()[0]}, {cores()} cores, "
          f"load average {load()}")
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        tmp = Path(tmp)
        if "single" in parts:
            single_core()
        if "scale" in parts:
            per_char()
        if "jobs" in parts:
            parallel(tmp, args.batch_pages)
        if "stream" in parts:
            print("4. streaming JSON Lines: cleaner clean --input-format jsonl --format jsonl > /dev/null "
                  f"(jobs: all {cores()} cores)")
            stream(tmp, 100)
            if args.quick:
                print("    1000 MB  skipped (--quick)")
            else:
                stream(tmp, 1000)
        if "profile" in parts:
            profile()
        if "instructions" in parts:
            instructions()
    print(f"load average at the end: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
