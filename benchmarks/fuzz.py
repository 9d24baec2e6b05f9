"""Fuzz the cleaner with generated and mutated pages: count crashes and hangs (not a test).

    python benchmarks/fuzz.py --count 2000              # a quick round
    python benchmarks/fuzz.py --count 100000 --jobs 2   # the issue's bar
    python benchmarks/fuzz.py --case 1234 --seed 0      # rerun one case in-process, traceback
    python benchmarks/fuzz.py --case 1234 --minimise    # and shrink it to a small reproducer
    python benchmarks/fuzz.py --regex                   # rule patterns against hostile text
    python benchmarks/fuzz.py --count 100000 --big-only # only its big pages (1-20 MB, 200,000 lines)

Every case is built from its number and the seed alone, so any case reruns anywhere. A case
starts from a dev page (or the sample, or a page generated from the characters newspapers
are made of) and goes through one to four mutations: at the text level duplicated, deleted,
shuffled or joined lines, other line-break conventions, hostile runs of one character,
junk code points (controls, zero-width, lone surrogates, private use, combining marks,
emoji), splices of two pages, truncation (a case is capped at ``MAX_CHARS``); then an
encoding (UTF-8 with and without BOM, UTF-16 LE/BE, GB18030, Big5); then, for one case in
three, at the byte level flips, truncations, inserted bytes, NULs, a byte-order mark or a
binary file's magic number. One case in ten skips the bytes and hands ``clean`` the text
directly, lone surrogates included (as a JSON Lines reader would).

One case in ``BIG_EVERY`` (1000) is a big page instead: dev pages run together (with light
mutations) up to 1-20 MB of UTF-8, or a flood of up to 200,000 short lines; its time budget is
``--limit`` per 100,000 characters or per 5,000 lines.

Each case runs ``decode`` (auto, strict or replace) and ``clean`` and renders the page JSON
and the change log, in a pool of worker processes. Outcomes:

* ``ok`` / ``rejected`` (an :class:`InputError` or another ``CleanerError``: a clear answer);
* ``crash``: any other exception: a bug, listed with its case number and last frame;
* ``hang``: the case took more than its budget of CPU (``--limit``, 2 s by default; a big page
  that per 100,000 characters or 5,000 lines), or the worker was still busy after 5 times its budget in wall
  time and was killed;
* ``lost`` (with ``--conserve``): the conservation check found a problem.

Failing inputs are saved under ``--save`` (default /tmp/cleaner-fuzz) as ``case-N.bin``.
"""

from __future__ import annotations

import argparse
import atexit
import codecs
import collections
import functools
import io
import math
import multiprocessing as mp
import os
import random
import re
import shutil
import signal
import sys
import time
import traceback
from multiprocessing.connection import wait
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DEV_DIR = REPO.parent / "shared" / "bench" / "dev"
SAMPLE = REPO / "samples" / "kjrb-yuanqu-page.txt"

HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
       "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制")
PUNCT = "，。、；：？！“”‘’（）《》【】——…·「」％"
PIECES = ["科技日报讯（记者华凌）", "本报北京3月1日电", "◎本报记者 张三", "本报记者 李四 通讯员 王五",
          "图为", "本报记者 赵六摄", "视觉中国供图", "（一）", "智能制造智能制造", "““加速跑加速跑””",
          "inter-\nnational", "2022 年", "1 5 . 2 %", "⼗⼤", "這個國家", "发展,研究", "(北京)", "责任编辑：王",
          "第3版", "（下转第2版）"]
JUNK_RANGES = [(0x00, 0x1F), (0x7F, 0x9F), (0x200B, 0x200F), (0x2028, 0x202E), (0xD800, 0xDFFF),
               (0xE000, 0xE0FF), (0x0300, 0x036F), (0x1F300, 0x1F64F), (0xFF00, 0xFFEF), (0x2F00, 0x2FD5),
               (0xF900, 0xFAD9), (0x3000, 0x303F), (0xFFF0, 0xFFFF), (0x20000, 0x2A6DF), (0x0590, 0x06FF)]
ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "utf-16-le", "utf-16-be", "gb18030", "gb18030", "big5"]
#: the largest case, in characters: 25 times the largest dev page (duplicating the lines of
#: a page joined into one line would otherwise make "pages" of 16 M characters)
MAX_CHARS = 100_000
#: One case in this many is a big page (:func:`big_size`): 1 to 20 MB of UTF-8 (about
#: 0.35 to 7.5 million characters of Chinese text), or up to 200,000 short lines. Its time
#: budget grows with its size: ``--limit`` per MAX_CHARS characters.
BIG_EVERY = 1000
BIG_MIN_CHARS = 350_000
BIG_MAX_CHARS = 7_500_000
BIG_MAX_LINES = 200_000
#: Lines per ``--limit`` of a big page's budget: a usual page has one line per 20-30
#: characters, so MAX_CHARS characters come in about this many lines.
BUDGET_LINES = 5_000
MAGIC = [b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"PK\x03\x04", b"GIF89a", b"\x1f\x8b\x08"]

_PAGES: list[str] = []


def _pages() -> list[str]:
    if not _PAGES:
        paths = sorted(DEV_DIR.glob("*.txt")) if DEV_DIR.is_dir() else []
        paths.append(SAMPLE)
        _PAGES.extend(p.read_text(encoding="utf-8") for p in paths)
    return _PAGES


# ---------------------------------------------------------------- generation
def generated(rng: random.Random) -> str:
    """A page made of the pieces newspapers are made of, in random order."""
    rows = []
    for _ in range(rng.randint(0, 40)):
        parts = []
        for _ in range(rng.randint(0, 8)):
            k = rng.random()
            if k < 0.4:
                parts.append("".join(rng.choice(HAN) for _ in range(rng.randint(1, 30))))
            elif k < 0.55:
                parts.append(rng.choice(PUNCT))
            elif k < 0.65:
                parts.append(str(rng.randint(0, 10**rng.randint(1, 6))))
            elif k < 0.72:
                parts.append("".join(rng.choice("abcXYZ ") for _ in range(rng.randint(1, 12))))
            elif k < 0.8:
                parts.append(rng.choice([" ", "  ", "\u3000", "\t"]))
            else:
                parts.append(rng.choice(PIECES))
        rows.append("".join(parts) + rng.choice(["\n", "\n", "\n\n", "\r\n", "\r", "\u2028"]))
    return "".join(rows)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def m_dup_lines(rng, t):
    ls = _lines(t)
    for _ in range(rng.randint(1, 10)):
        if ls:
            i = rng.randrange(len(ls))
            ls[i:i] = [ls[i]] * rng.randint(1, 3)
    return "".join(ls)


def m_del_lines(rng, t):
    ls = _lines(t)
    for _ in range(rng.randint(1, max(1, len(ls) // 4))):
        if ls:
            del ls[rng.randrange(len(ls))]
    return "".join(ls)


def m_shuffle_lines(rng, t):
    ls = _lines(t)
    if len(ls) > 2:
        i = rng.randrange(len(ls) - 1)
        j = min(len(ls), i + rng.randint(2, 30))
        part = ls[i:j]
        rng.shuffle(part)
        ls[i:j] = part
    return "".join(ls)


def m_join_lines(rng, t):
    """Lose the line breaks: one long line (or a stretch of one)."""
    if rng.random() < 0.5:
        return t.replace("\r", "").replace("\n", rng.choice(["", " "]))
    i = rng.randrange(len(t) + 1)
    j = min(len(t), i + rng.randint(100, 5000))
    return t[:i] + t[i:j].replace("\n", "") + t[j:]


def m_line_endings(rng, t):
    brk = rng.choice(["\r\n", "\r", "\u2028", "\u2029", "\n\n", "\x0c", "\x85", "\x0b"])
    if rng.random() < 0.5:
        return t.replace("\n", brk)
    return "".join(c if c != "\n" or rng.random() < 0.5 else brk for c in t)


def m_run(rng, t):
    """A hostile run of one character (or a short unit), up to 20k long."""
    unit = rng.choice(["a", "字", " ", "\u3000", "。", "1", "（", "“", "·", "-", "@", "字 ", "1 ", "a ",
                       "本报", "记者", "智能", "\t", "\u200b", "—", "x."])
    n = rng.choice([50, 500, 2000, 5000, 20000]) // len(unit)
    i = rng.randrange(len(t) + 1)
    return t[:i] + unit * n + t[i:]


def m_junk(rng, t):
    out = list(t)
    for _ in range(rng.randint(1, 50)):
        lo, hi = rng.choice(JUNK_RANGES)
        out.insert(rng.randrange(len(out) + 1), chr(rng.randint(lo, hi)))
    return "".join(out)


def m_splice(rng, t):
    other = rng.choice(_pages())
    i = rng.randrange(len(t) + 1)
    j = rng.randrange(len(other) + 1)
    return t[:i] + other[j:j + rng.randint(0, 5000)] + t[i:]


def m_truncate_text(rng, t):
    return t[:rng.randrange(len(t) + 1)] if rng.random() < 0.5 else t[rng.randrange(len(t) + 1):]


@functools.lru_cache(maxsize=1)
def _s2t():
    from cleaner.scripts import converter

    return converter("s2t")


def m_fullwidth_traditional(rng, t):
    if rng.random() < 0.5:  # OpenCC takes no lone surrogates: convert the runs between them
        return re.sub(r"[^\ud800-\udfff]+", lambda m: _s2t().convert(m.group()), t)
    return t.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})


TEXT_MUTATIONS = [m_dup_lines, m_del_lines, m_shuffle_lines, m_join_lines, m_line_endings, m_run,
                  m_junk, m_splice, m_truncate_text, m_fullwidth_traditional]


def b_flip(rng, b):
    b = bytearray(b)
    for _ in range(rng.randint(1, 20)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def b_truncate(rng, b):
    return b[:rng.randrange(len(b) + 1)]


def b_insert(rng, b):
    i = rng.randrange(len(b) + 1)
    return b[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + b[i:]


def b_nul(rng, b):
    b = bytearray(b)
    for _ in range(rng.randint(1, 3) if rng.random() < 0.7 else rng.randint(100, 1000)):
        b.insert(rng.randrange(len(b) + 1), 0)
    return bytes(b)


def b_magic(rng, b):
    return rng.choice(MAGIC) + b


def b_bom(rng, b):
    return rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]) + b


BYTE_MUTATIONS = [b_flip] * 4 + [b_truncate] * 3 + [b_insert] * 3 + [b_nul, b_magic, b_bom]


def big_size(n: int, seed: int) -> tuple[int, int]:
    """(target size in characters, lines) of case ``n`` when it is a big one ((0, 0) when
    not): one case in BIG_EVERY is a page of 1 to 20 MB, or a flood of up to 200,000 short
    lines (``lines`` > 0). Drawn from the case's own random stream, so the parent knows a
    case's time budget without building it."""
    rng = random.Random(f"{seed}:{n}:big")
    if rng.random() >= 1 / BIG_EVERY:
        return 0, 0
    target = int(math.exp(rng.uniform(math.log(BIG_MIN_CHARS), math.log(BIG_MAX_CHARS))))
    lines = min(BIG_MAX_LINES, max(1000, target // rng.randint(2, 12))) if rng.random() < 0.3 else 0
    return target, lines


def big_page(rng: random.Random, target: int, lines: int) -> tuple[str, str]:
    """A page of about ``target`` characters: dev pages run together, each lightly mutated
    (many articles), or ``lines`` short lines."""
    pages = _pages()
    if lines:
        pieces = [rng.choice(PIECES) if rng.random() < 0.2 else "".join(rng.choice(HAN) for _ in range(rng.randint(1, 6)))
                  for _ in range(512)]
        return f"big-lines({lines})", "\n".join(rng.choice(pieces) for _ in range(lines)) + "\n"
    out, size = [], 0
    while size < target:
        t = rng.choice(pages)
        if rng.random() < 0.5:
            t = rng.choice(TEXT_MUTATIONS)(rng, t)
        out.append(t)
        size += len(t)
    return f"big-pages({size})", "\n".join(out)


def make_case(n: int, seed: int) -> tuple[str, object, str, str]:
    """(description, input, errors, convert): ``input`` is bytes, or str for a direct clean."""
    rng = random.Random(f"{seed}:{n}")
    target, lines = big_size(n, seed)
    if target:
        desc, text = big_page(rng, target, lines)
        # (UTF-8, the widest encoding of Chinese text: the big pages are about size; the
        # other encodings are the small cases' business)
        # (decoded with errors=replace: a mutation's lone surrogate would get the whole page
        # rejected, and a big page is here to be cleaned)
        data = text.encode("utf-8", errors="surrogatepass")
        return f"{desc} utf-8", data, "replace", "auto"
    pages = _pages()
    desc = []
    if rng.random() < 0.15:
        text = generated(rng)
        desc.append("generated")
    else:
        k = rng.randrange(len(pages))
        text = pages[k]
        desc.append(f"page{k}")
    for _ in range(rng.randint(1, 4)):
        m = rng.choice(TEXT_MUTATIONS)
        text = m(rng, text)
        desc.append(m.__name__[2:])
    if len(text) > MAX_CHARS:  # a page, not a book: size is benchmarks/bench.py's business
        text = text[:MAX_CHARS]
        desc.append("capped")
    errors = "replace" if rng.random() < 0.3 else "strict"
    convert = rng.choice(["auto", "auto", "auto", "t2s", "none"])
    if rng.random() < 0.1:
        return " ".join(desc + ["direct"]), text, errors, convert
    enc = rng.choice(ENCODINGS)
    data = text.encode(enc, errors="surrogatepass" if enc.startswith("utf") else "replace")
    if enc == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif enc == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    desc.append(enc)
    if rng.random() < 0.35:
        for _ in range(rng.randint(1, 3)):
            m = rng.choice(BYTE_MUTATIONS)
            data = m(rng, data)
            desc.append(m.__name__)
    return " ".join(desc), data, errors, convert


# ---------------------------------------------------------------- running one case
def run_case(inp, errors: str, convert: str, conserve: bool) -> tuple[str, str]:
    """(outcome, detail) for one input, in this process."""
    import cleaner
    from cleaner.conservation import check
    from cleaner.io import decode
    from cleaner.reports.changes import changes_jsonl
    from cleaner.reports.pagejson import dumps

    try:
        text = decode(inp, "case.txt", "auto", errors)[0] if isinstance(inp, bytes) else inp
        page = cleaner.clean(text, name="case.txt", convert=convert)
        dumps(cleaner.page_dict(page))
        changes_jsonl(page)
    except cleaner.CleanerError as exc:
        return "rejected", f"{type(exc).__name__}: {str(exc)[:120]}"
    except Exception as exc:  # noqa: BLE001 (any other exception is what we hunt)
        tb = traceback.extract_tb(exc.__traceback__)
        where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno} {tb[-1].name}" if tb else "?"
        return "crash", f"{type(exc).__name__} at {where}: {str(exc)[:160]}"
    if conserve:
        problems = check(page)
        if problems:
            return "lost", problems[0][:200]
    return "ok", ""


def _worker(conn, seed: int, conserve: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pages()
    import cleaner  # noqa: F401  (warm the imports before the clock runs)

    while True:
        n = conn.recv()
        if n is None:
            return
        try:
            desc, inp, errors, convert = make_case(n, seed)
        except Exception as exc:  # noqa: BLE001 (a bug of this script, not of the cleaner)
            conn.send((n, "generator", f"{type(exc).__name__}: {exc}"[:160], 0.0, "?", 0))
            continue
        t0 = time.process_time()
        outcome, detail = run_case(inp, errors, convert, conserve)
        conn.send((n, outcome, detail, time.process_time() - t0, desc, len(inp)))


def _kind(outcome: str, detail: str) -> str:
    """What failures have in common: the exception and where, or the kind of problem."""
    if outcome == "crash":
        return detail.split(": ", 1)[0]
    if outcome == "lost":
        for kind in ("straddles the bounds", "is not what replaying", "is missing from the overlay",
                     "is in no article", "is not its source", "is in both", "does not open", "joins lines"):
            if kind in detail:
                return kind
        return detail[:70]
    return "more than the CPU limit"


def _save(save: Path, n: int, seed: int) -> None:
    save.mkdir(parents=True, exist_ok=True)
    desc, inp, errors, convert = make_case(n, seed)
    data = inp if isinstance(inp, bytes) else inp.encode("utf-8", "surrogatepass")
    (save / f"case-{n}.bin").write_bytes(data)


def budget(n: int, seed: int, limit: float) -> float:
    """CPU seconds case ``n`` may take: ``limit``, and for a big page ``limit`` per MAX_CHARS
    characters or per BUDGET_LINES lines, whichever is more (a budget linear in its size)."""
    chars, lines = big_size(n, seed)
    return limit * max(1.0, chars / MAX_CHARS, lines / BUDGET_LINES)


def fuzz(count: int, seed: int, jobs: int, limit: float, conserve: bool, save: Path, start: int = 0,
         big_only: bool = False) -> int:
    ctx = mp.get_context("fork")
    cases = range(start, start + count)
    span = count
    if big_only:  # the big pages among these cases (the others are what a full run adds)
        cases = [n for n in cases if big_size(n, seed)[0]]
        count = len(cases)
    todo = iter(cases)
    workers: dict = {}  # conn -> [process, case, started]

    def spawn():
        a, b = ctx.Pipe()
        p = ctx.Process(target=_worker, args=(b, seed, conserve), daemon=True)
        p.start()
        workers[a] = [p, None, 0.0]
        feed(a)

    def feed(conn):
        n = next(todo, None)
        workers[conn][1], workers[conn][2] = n, time.perf_counter()
        if n is not None:
            conn.send(n)

    counts = collections.Counter()
    kinds: dict[str, list] = collections.defaultdict(list)
    times, sizes = [], []
    slowest = []
    t0 = time.perf_counter()
    last_print = t0
    for _ in range(jobs):
        spawn()
    done = 0
    while any(w[1] is not None for w in workers.values()):
        ready = wait([c for c, w in workers.items() if w[1] is not None], timeout=0.2)
        for conn in ready:
            try:
                n, outcome, detail, secs, desc, size = conn.recv()
            except EOFError:  # the worker died (out of memory, a segfault): the case is a crash
                n = workers[conn][1]
                workers[conn][0].join()
                del workers[conn]
                counts["crash"] += 1
                done += 1
                kinds["crash: worker process died"].append(n)
                _save(save, n, seed)
                spawn()
                continue
            if outcome == "ok" and secs > budget(n, seed, limit):
                outcome, detail = "hang", f"{secs:.1f} s of CPU"
            counts[outcome] += 1
            done += 1
            times.append(secs)
            sizes.append(size)
            slowest.append((secs, n, desc, size))
            if len(slowest) > 50:
                slowest.sort(reverse=True)
                del slowest[10:]
            if outcome == "generator":
                kinds[f"fuzz script error: {detail[:90]}"].append(n)
            elif outcome in ("crash", "hang", "lost"):
                kinds[f"{outcome}: {_kind(outcome, detail)}"].append(n)
                _save(save, n, seed)
            elif outcome == "rejected":
                kinds[f"rejected: {detail.split(':', 2)[-1].strip()[:40]}"].append(n)
            feed(conn)
        now = time.perf_counter()
        for conn, w in list(workers.items()):
            if w[1] is not None and now - w[2] > budget(w[1], seed, limit) * 5:
                n = w[1]
                w[0].kill()
                w[0].join()
                del workers[conn]
                counts["hang"] += 1
                done += 1
                kinds[f"hang: killed after {budget(n, seed, limit) * 5:.0f} s wall"].append(n)
                _save(save, n, seed)
                spawn()
        if now - last_print > 30:
            last_print = now
            rate = done / (now - t0)
            print(f"  {done}/{count} cases, {rate:.1f}/s, crashes {counts['crash']}, hangs {counts['hang']}",
                  file=sys.stderr, flush=True)
    for conn in workers:
        conn.send(None)
    secs = time.perf_counter() - t0
    times.sort()
    what = f"the big pages among cases {start}..{start + span - 1}" if big_only \
        else f"cases {start}..{start + count - 1}"
    print(f"fuzz: {done} cases (seed {seed}, {what}) in {secs:.0f} s "
          f"({done / secs:.1f}/s, {jobs} jobs, CPU limit {limit} s per case)")
    for k in ("ok", "rejected", "crash", "hang", "lost"):
        if counts[k] or k in ("crash", "hang"):
            print(f"  {k:<9}{counts[k]:>8}")
    if times:
        print(f"  CPU per case: median {times[len(times) // 2] * 1000:.0f} ms, p99 "
              f"{times[int(len(times) * 0.99)] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms; "
              f"input up to {max(sizes) / 1e3:.0f} kB")
    print("  slowest:", ", ".join(f"case {n} {s:.2f}s ({d})" for s, n, d, _ in sorted(slowest, reverse=True)[:5]))
    for k, ns in sorted(kinds.items(), key=lambda x: (not x[0].startswith(("crash", "hang", "lost")), -len(x[1]))):
        print(f"  {len(ns):>7}  {k}   e.g. case {ns[0]}")
    return 1 if counts["crash"] or counts["hang"] else 0


# ---------------------------------------------------------------- one case, shrinking
def _outcome_key(text, errors, convert, conserve, limit):
    def on_alarm(signum, frame):
        raise TimeoutError("hang")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit * 3)
    try:
        outcome, detail = run_case(text, errors, convert, conserve)
    except TimeoutError:
        outcome, detail = "hang", "timeout"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if outcome == "crash":
        return detail.split(":")[0] + detail.split(" at ")[-1].split(":")[0]
    if outcome in ("lost", "hang"):
        return outcome
    return None


def minimise(inp, errors, convert, conserve, limit) -> str:
    """Shrink a failing input (lines, then characters) while it fails the same way."""
    from cleaner.io import decode

    text = decode(inp, "case", "auto", errors)[0] if isinstance(inp, bytes) else inp
    key = _outcome_key(text, errors, convert, conserve, limit)
    if key is None:
        return text
    for unit in ("line", "char"):
        parts = text.splitlines(keepends=True) if unit == "line" else list(text)
        chunk = max(1, len(parts) // 2)
        while chunk >= 1:
            i, changed = 0, False
            while i < len(parts):
                trial = parts[:i] + parts[i + chunk:]
                if _outcome_key("".join(trial), errors, convert, conserve, limit) == key:
                    parts, changed = trial, True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        text = "".join(parts)
    return text


def one(n: int, seed: int, conserve: bool, shrink: bool, limit: float) -> int:
    desc, inp, errors, convert = make_case(n, seed)
    print(f"case {n}: {desc}; errors={errors} convert={convert}; {len(inp)} {'bytes' if isinstance(inp, bytes) else 'chars'}")
    t0 = time.process_time()
    outcome, detail = run_case(inp, errors, convert, conserve)
    print(f"  {outcome} in {time.process_time() - t0:.2f} s CPU {detail}")
    if outcome == "crash":
        import cleaner
        from cleaner.io import decode

        try:
            text = decode(inp, "case", "auto", errors)[0] if isinstance(inp, bytes) else inp
            cleaner.clean(text, convert=convert)
        except Exception:  # noqa: BLE001
            traceback.print_exc()
    if shrink and outcome in ("crash", "lost", "hang"):
        small = minimise(inp, errors, convert, conserve, limit)
        print(f"  minimal reproducer ({len(small)} chars): cleaner.clean({small!r}, convert={convert!r})")
    return 0 if outcome in ("ok", "rejected") else 1


# ---------------------------------------------------------------- rule patterns
def regex_safety(n: int = 200_000, limit: float = 1.0) -> int:
    """Every shipped rule pattern against long hostile strings; patterns slower than linear."""
    import regex

    from cleaner.rules import default_rules

    hostile = {
        "a": "a", "han": "字", "space": " ", "han+space": "字 ", "2han+space": "字字 ", "digit": "1",
        "digit+space": "1 ", "paren": "（", "dot": "·", "bao": "本报", "jizhe": "记者", "x.": "x.",
    }
    prefixes = ["", "本报记者 ", "◎", "a@", "新华社", "科技日报"]
    bad = 0
    for r in default_rules().rules:
        for key, val in r.params.items():
            if key not in ("patterns", "credit_patterns", "byline_pattern", "name_pattern", "paragraph_openers"):
                continue
            for pat in val if isinstance(val, list) else [val]:
                c = regex.compile(pat)
                worst = (0.0, "")
                for name, unit in hostile.items():
                    for pre in prefixes:
                        times = []
                        for size in (n // 10, n):
                            s = pre + unit * (size // len(unit)) + "。x"
                            t = time.perf_counter()
                            try:
                                c.search(s, timeout=limit)
                                times.append(time.perf_counter() - t)
                            except TimeoutError:
                                times.append(float("inf"))
                        growth = times[1] / max(times[0], 1e-4)
                        if times[1] > worst[0]:
                            worst = (times[1], f"{pre!r}+{name!r}*n, x{growth:.0f} for 10x length")
                if worst[0] > 0.1:
                    bad += 1
                    t = ">limit" if worst[0] == float("inf") else f"{worst[0]:.2f} s"
                    print(f"{r.id} {key}: {t} on {n} chars ({worst[1]}): {pat[:70]}")
    bad += code_patterns(n // 10)
    print(f"regex: {bad} pattern(s) slower than 0.1 s on {n}-character hostile text")
    return 1 if bad else 0


def code_patterns(n: int = 20_000, limit: float = 0.05) -> int:
    """Every pattern the package compiles at module level (not rule files: those are above),
    run with ``findall`` over long runs of one unit: a pattern that scans from every position
    of text it cannot match (``[^。]*。`` on text without a full stop) or backtracks through
    every split of a run (``[ ]{2,}[ ]*(?=x)``) shows up as seconds. Two were found so."""
    import importlib
    import pkgutil
    import re

    import regex

    import cleaner

    units = [" ", "\u3000", "\u00a0", "\t", "\n", " \n", "字", "字 ", "字\u3000 ", "1", "a", "a-", "。", "“",
             "（", "—", "中 1a“。，\u3000"]
    seen, bad = set(), 0
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name.endswith("__main__"):
            continue
        try:
            mod = importlib.import_module(info.name)
        except ImportError:  # an optional extra (dask) that is not installed
            continue
        for name, obj in vars(mod).items():
            if not isinstance(obj, (re.Pattern, regex.Pattern)) or id(obj) in seen \
                    or not isinstance(obj.pattern, str):  # (a bytes pattern: the encoding sniffer's)
                continue
            seen.add(id(obj))
            for unit in units:
                text = "Z" + unit * (n // len(unit))
                t = time.process_time()
                obj.findall(text)
                took = time.process_time() - t
                if took > limit:
                    bad += 1
                    print(f"{info.name}.{name}: {took:.2f} s on 'Z'+{unit!r}*n ({n} chars): {obj.pattern[:70]!r}")
                    break
    print(f"code patterns: {len(seen)} checked, {bad} slower than {limit} s on {n} characters")
    return bad


def use_tree(tree: str) -> str:
    """Import the cleaner from the last commit (a snapshot) or from the working tree.

    A long run must not see files change under it: stages and rule files edited halfway
    would make workers load rules their code does not know.
    """
    if tree == "work":
        sys.path.insert(0, str(REPO))
        return f"working tree {REPO}"
    import subprocess
    import tarfile
    import tempfile

    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", tree], check=True,
                            capture_output=True, text=True).stdout.strip()
    dest = Path(tempfile.mkdtemp(prefix=f"cleaner-fuzz-{commit}-"))
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "cleaner", "rules"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    atexit.register(shutil.rmtree, dest, ignore_errors=True)
    sys.path.insert(0, str(dest))
    return f"commit {commit} (snapshot in {dest})"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2000, help="number of cases (default 2000)")
    ap.add_argument("--start", type=int, default=0, help="first case number (default 0)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=float, default=2.0, help="CPU seconds per case before it counts as a hang")
    ap.add_argument("--conserve", action="store_true", help="also run the conservation check on every page")
    ap.add_argument("--save", type=Path, default=Path("/tmp/cleaner-fuzz"), help="where failing inputs go")
    ap.add_argument("--case", type=int, help="rerun one case in this process")
    ap.add_argument("--minimise", action="store_true", help="with --case: shrink a failing case")
    ap.add_argument("--regex", action="store_true", help="time the rule patterns on hostile text instead")
    ap.add_argument("--big-only", action="store_true",
                    help="run only the big pages (1-20 MB, up to 200,000 lines) among the cases")
    ap.add_argument("--tree", default="HEAD",
                    help="code to fuzz: a commit (default HEAD, extracted to a temporary folder) or 'work' "
                         "for the working tree as it is")
    args = ap.parse_args(argv)
    where = use_tree(args.tree)
    import cleaner

    print(f"fuzzing the cleaner from the {where}: {Path(cleaner.__file__).parent}", file=sys.stderr)
    if args.regex:
        return regex_safety()
    if args.case is not None:
        return one(args.case, args.seed, args.conserve, args.minimise, args.limit)
    return fuzz(args.count, args.seed, args.jobs, args.limit, args.conserve, args.save, args.start, args.big_only)


if __name__ == "__main__":
    sys.exit(main())
