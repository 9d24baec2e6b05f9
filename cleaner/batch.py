"""Many pages at once: a process pool with bounded memory, output in input order, a
progress bar, an error log and a summary whose counters add up across workers.

A run is a stream of small :class:`Task` records (a file path, or one raw JSON line) that
:func:`ordered_map` hands to worker processes. Each worker is set up once by
:func:`init_worker` with a :class:`Job` (the run's configuration: a :class:`~cleaner.rules.
RuleSet` and a few strings, small and picklable); heavy objects are built in the worker on
first use and kept there: compiled rule patterns (``cleaner.rules.pattern``) and OpenCC
converters (``cleaner.scripts.converter``) are per-process caches, never pickled.

A worker does everything one document needs (read and decode, clean, serialise or write its
page folder) and sends back a small :class:`Done`: output text, per-rule counters, an index
row, or the error. The parent only writes, in input order, so the output of ``--jobs 8`` is
byte for byte the output of ``--jobs 1``.

Memory stays flat however long the stream: at most ``max_pending`` tasks (and at most
``max_bytes`` of raw input) are in flight; results wait in order behind the oldest one.

One bad document never stops a run: its error becomes a :class:`Done` with ``error`` set
(kind ``input``, ``json``, ``field``, ``encoding``, ``rules``, or ``bug`` for anything the
cleaner did not expect, with the traceback in ``errors.jsonl``).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import CleanerError

#: Tasks in flight per worker process (queued or running); bounds memory and keeps workers fed.
PENDING_PER_JOB = 32
#: Raw input bytes in flight, at most (a few huge pages cannot fill memory).
MAX_PENDING_BYTES = 64 << 20
#: Items sent to a worker in one round trip. A round trip (pickling, the pool's queues and
#: its management thread) costs about as much as cleaning a small page: in chunks of 4 the
#: pool added 22% CPU time to a --jobs 2 run of 1,000 pages (speed-up 1.58), in chunks of
#: 16 it adds 6-8% (speed-up 1.78-1.83).
CHUNK = 16


def default_jobs() -> int:
    """All cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------------------
# What travels: the run's configuration, one task, one result.

@dataclass(frozen=True, slots=True)
class Job:
    """The run's configuration, sent to each worker once.

    ``mode``: ``folder`` (write OUTDIR/<key>/ per page), ``article`` or ``page`` (JSON
    Lines, one line per article or per page).
    """

    rules: object  # RuleSet
    options: tuple = ()
    mode: str = "article"
    outdir: str | None = None
    encoding: str = "auto"
    errors: str = "strict"
    text_field: str = "text"
    id_field: str | None = "id"
    reports: str = "all"  # folder mode: all | diff | none (see pagefolder.REPORTS)
    page_timeout: float = 0.0  # seconds of time per page; 0: no budget
    pdf_pages: str | None = None  # the pages of each PDF to read (1-3,5); None: all


@dataclass(frozen=True, slots=True)
class Task:
    """One document: a text file (``path``) or one raw JSON line (``line`` of ``path``)."""

    path: str
    lineno: int = 0
    data: bytes | None = None
    key: str = ""  # the page folder (folder mode)
    shard: int = 0  # the output shard (JSON Lines mode)
    fail: str | None = None  # the input broke before this document: report only this

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


@dataclass(slots=True)
class Done:
    """What a worker sends back for one task."""

    task: Task
    out: bytes = b""
    counts: Counter | None = None
    row: dict | None = None
    error: dict | None = None


# --------------------------------------------------------------------------------------
# The worker side.

_JOB: Job | None = None
_RULES = None


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """On Linux, have the kernel send this worker SIGTERM when its parent dies: a parent killed
    with SIGKILL (no chance to stop its pool) leaves no worker running. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def init_worker(job: Job, pool: bool = True) -> None:
    """Set up a worker once: keep the configuration, build the heavy objects now."""
    global _JOB, _RULES
    if pool:  # Ctrl-C is the parent's business: it stops the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        die_with_parent()
    _JOB = job
    _RULES = job.rules.with_options(**dict(job.options)) if job.options else job.rules
    warm_up(_RULES)


def warm_up(rules) -> None:
    """Clean a tiny page so compiled patterns and converters exist before the first task."""
    from .pipeline import clean

    try:
        clean("科技日报讯 近日，北京启动建设。\n\n北京启动科技园区建设\n", name="warm-up.txt", rules=rules)
    except Exception:  # noqa: BLE001 - a real page will report the problem properly
        pass


def _error(task: Task, kind: str, message: str, id=None, tb: str | None = None) -> dict:
    e = {"path": task.path}
    if task.lineno:
        e["line"] = task.lineno
    if id is not None:
        e["id"] = id
    e.update(kind=kind, message=message)
    if tb:
        e["traceback"] = tb
    return e


class PageTimeout(CleanerError):
    """A page took longer than its time budget (``--page-timeout``)."""

    kind = "timeout"


def within_budget(seconds: float, fn: Callable, what: str):
    """``fn()``, stopped with :class:`PageTimeout` after ``seconds`` of wall time (0: no
    limit). A page that no stage finishes in reasonable time is that page's error, not a hung
    run. Only in a process's main thread, where Python delivers SIGALRM (a pool worker runs
    its tasks there; elsewhere the budget is not enforced)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        return fn()

    def on_alarm(signum, frame):
        raise PageTimeout(f"{what}: over its time budget of {seconds:g} s: skipped (see --page-timeout)")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_task(task: Task) -> Done:
    """Do one document completely; never raises for a bad document."""
    if task.fail:
        return Done(task, error=_error(task, "input", task.fail))
    try:
        where = "<stdin>" if task.path == "-" else task.path
        if task.lineno:
            where = f"{where}:{task.lineno}"
        budget = _JOB.page_timeout if _JOB is not None else 0.0
        if task.data is None and is_pdf_path(task.path):
            return _run_pdf(task, budget)  # (a budget per page of the PDF)
        return within_budget(budget, lambda: _run(task), where)
    except CleanerError as exc:
        where = "<stdin>" if task.path == "-" else task.path
        msg = str(exc)
        if task.lineno and not msg.startswith(f"{where}:"):
            msg = f"{where}:{task.lineno}: {msg}"
        return Done(task, error=_error(task, getattr(exc, "kind", "error"), msg,
                                       id=getattr(exc, "id", None)))
    except OSError as exc:  # the output folder is full, read-only, gone: not a bug
        where = exc.filename or task.path
        return Done(task, error=_error(task, "output", f"{where}: cannot write: {exc.strerror or exc}"))
    except Exception as exc:  # noqa: BLE001 - a bug, but one page must not stop a corpus
        where = "<stdin>" if task.path == "-" else task.path
        if task.lineno:
            where = f"{where}:{task.lineno}"
        return Done(task, error=_error(
            task, "bug", f"{where}: internal error (please report it): {type(exc).__name__}: {exc}",
            tb=traceback.format_exc()))


def _run(task: Task) -> Done:
    from . import jsonl
    from .pipeline import clean
    from .reports.changes import summary

    job = _JOB
    if task.data is not None:  # one JSON line
        where = "<stdin>" if task.path == "-" else task.path
        rec = jsonl.parse_record(task.data, where, task.lineno, job.text_field, job.id_field)
        page_id, extra, text = rec.id, rec.extra, rec.text
        id_field = job.id_field or "id"
        try:
            page = clean(text, name=str(page_id), rules=_RULES)
        except CleanerError as exc:
            exc.id = page_id
            raise
    else:  # one text file
        from .io import read_page

        text, _ = read_page(task.path, job.encoding, job.errors)
        page_id, extra, id_field = task.path, {}, "id"
        page = clean(text, name=_page_name(task.path), rules=_RULES)
    if job.mode == "folder":
        from .pagefolder import index_row, write_page_folder

        write_page_folder(page, Path(job.outdir), task.key, job.reports)
        return Done(task, counts=summary(page), row=index_row(page, task.path, task.key, job.reports))
    if job.mode == "page":
        out = jsonl.dumps_line(jsonl.page_record(page, page_id, extra, id_field))
    else:
        out = "".join(jsonl.dumps_line(r) for r in jsonl.article_records(page, page_id, extra, id_field))
    return Done(task, out=out.encode("utf-8"), counts=summary(page))


def _page_name(path: str) -> str:
    return "stdin.txt" if path == "-" else Path(path).name


def is_pdf_path(path: str) -> bool:
    """Whether an input file is a PDF: by its name, or by its first bytes."""
    if path == "-":
        return False
    if path.lower().endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    from .pdf import is_pdf

    return is_pdf(head)


def _run_pdf(task: Task, budget: float) -> Done:
    """Every chosen page of one PDF: a page folder each (``<key>/p001/``), or its records
    (JSON Lines, with ``page``), each page within the time budget."""
    from . import jsonl
    from .pdf import read_pdf
    from .pipeline import clean
    from .reports.changes import summary

    job = _JOB
    counts, rows, out = Counter(), [], []
    stem = Path(task.path).stem
    for got in read_pdf(task.path, job.pdf_pages, _RULES):
        where = f"{task.path}: page {got.number}"
        page = within_budget(budget, lambda: clean(got.text, name=f"{stem}-p{got.number:03d}", rules=_RULES,
                                                   geometry=got.geometry, copies=got.copies,
                                                   page_size=got.size), where)
        counts += summary(page)
        if job.mode == "folder":
            from .pagefolder import REPORTS, index_row, write_page_folder
            from .pdf.render import page_png

            key = f"{task.key}/p{got.number:03d}"
            picture = page_png(task.path, got.number) if "report.html" in REPORTS[job.reports] else None
            write_page_folder(page, Path(job.outdir), key, job.reports, picture)
            rows.append(index_row(page, task.path, key, job.reports))
        elif job.mode == "page":
            out.append(jsonl.dumps_line(jsonl.page_record(page, task.path, {"page": got.number})))
        else:
            out += [jsonl.dumps_line(r) for r in jsonl.article_records(page, task.path, {"page": got.number})]
    return Done(task, out="".join(out).encode("utf-8"), counts=counts, row=rows)


# --------------------------------------------------------------------------------------
# The pool.

def _context():
    """``fork`` where it is safe (Linux, one thread: instant start, nothing re-imported),
    otherwise ``forkserver`` or ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _apply(fn: Callable, items: list) -> list:
    return [fn(x) for x in items]


def ordered_map(fn: Callable, items: Iterable, jobs: int, initializer: Callable | None = None,
                initargs: tuple = (), size: Callable = lambda x: 0,
                max_pending: int | None = None, max_bytes: int = MAX_PENDING_BYTES) -> Iterator:
    """``map(fn, items)`` over ``jobs`` processes: results in input order, bounded memory.

    At most ``max_pending`` items (default ``PENDING_PER_JOB × jobs``) and ``max_bytes``
    (by ``size(item)``) are in flight. Items travel in chunks of up to ``CHUNK``: one round
    trip through the pool costs about as much as cleaning a small page, and per-item trips
    held a second core to a 1.4× speed-up. ``jobs == 1`` runs in this process
    (``initializer`` called once with ``pool=False``), which is what a debugger and a
    profiler want.
    """
    if jobs <= 1:
        if initializer:
            initializer(*initargs, pool=False)
        for item in items:
            yield fn(item)
        return
    max_pending = max_pending or PENDING_PER_JOB * jobs
    chunk = max(1, min(CHUNK, max_pending // (2 * jobs)))  # two chunks per worker keep it fed
    ctx = _context()
    frozen = ctx.get_start_method() == "fork"
    if frozen:
        # Forked workers share the parent's memory until they write to it, and the cyclic GC
        # writes to every object it scans; frozen objects are never scanned (Python's advice
        # for fork-based pools). The workers start at the first submit; then this process
        # unfreezes its own objects again.
        gc.freeze()
    ex = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=initializer, initargs=initargs)
    pending: deque = deque()  # (future, bytes, items)
    in_flight = queued = 0
    buf: list = []
    buf_bytes = 0

    def submit() -> None:
        nonlocal frozen, in_flight, queued
        pending.append((ex.submit(_apply, fn, buf), buf_bytes, len(buf)))
        in_flight += buf_bytes
        queued += len(buf)
        if frozen:
            gc.unfreeze()
            frozen = False

    try:
        for item in items:
            buf.append(item)
            buf_bytes += size(item)
            if len(buf) < chunk and buf_bytes < max_bytes // (2 * jobs):
                continue
            while pending and (queued + len(buf) > max_pending or in_flight + buf_bytes > max_bytes):
                fut, k, c = pending.popleft()
                in_flight -= k
                queued -= c
                yield from fut.result()
            submit()
            buf, buf_bytes = [], 0
        if buf:
            submit()
        while pending:
            yield from pending.popleft()[0].result()
    except BrokenProcessPool:
        raise CleanerError("a worker process died (out of memory, or killed); "
                           "nothing after the last written page was saved") from None
    finally:
        if frozen:
            gc.unfreeze()
        ex.shutdown(wait=False, cancel_futures=True)


# --------------------------------------------------------------------------------------
# What the user sees: progress, errors, summary.

class Progress:
    """A one-line progress bar on a terminal: pages, pages/s, ETA. Silent elsewhere.

    ``total`` (pages) or ``fraction()`` (bytes read / bytes to read, for streams) give the
    ETA; without either the bar shows the count and the rate.
    """

    def __init__(self, stream=None, enabled: bool | None = None, total: int | None = None,
                 fraction: Callable[[], float | None] | None = None, every: float = 0.2):
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = _isatty(self.stream)
        self.enabled = enabled
        self.total = total
        self.fraction = fraction
        self.every = every
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.done = 0
        self.failed = 0
        self.shown = False

    def update(self, done: int = 1, failed: int = 0) -> None:
        self.done += done
        self.failed += failed
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last >= self.every:
            self.last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        now = now or time.perf_counter()
        secs = max(now - self.t0, 1e-9)
        rate = self.done / secs
        frac = None
        if self.total:
            frac = self.done / self.total
        elif self.fraction:
            frac = self.fraction()
        parts = [f"{self.done}/{self.total} pages" if self.total else f"{self.done} pages"]
        if frac is not None:
            parts.append(f"{100 * min(frac, 1):3.0f}%")
        parts.append(f"{rate:.1f} pages/s")
        if frac and frac > 0:
            parts.append(f"ETA {_clock(secs * (1 - frac) / frac)}")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return "cleaner: " + "  ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Remove the bar (before an error message, and at the end)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
            self.last = 0.0


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _clock(secs: float) -> str:
    secs = int(secs + 0.5)
    h, rem = divmod(secs, 3600)
    return f"{h}:{rem // 60:02d}:{rem % 60:02d}" if h else f"{rem // 60}:{rem % 60:02d}"


class ErrorLog:
    """Failures: each on stderr as ``cleaner: error: …`` and, with an output folder, one
    JSON line in ``OUTDIR/errors.jsonl`` (written to a temporary file, renamed at the end;
    a run without failures removes an old ``errors.jsonl``)."""

    #: errors listed per run; past this they are counted (a stream of a million bad lines
    #: must not write a million-line log), and the message of each is cut to MAX_MESSAGE
    MAX_LISTED = 10_000
    MAX_MESSAGE = 2_000

    def __init__(self, outdir: Path | None, progress: Progress | None = None, stream=None,
                 max_listed: int | None = None):
        self.outdir = outdir
        self.progress = progress
        self.stream = stream or sys.stderr
        self.count = 0
        self.max_listed = self.MAX_LISTED if max_listed is None else max_listed
        self._fh = None
        self._tmp = None

    def add(self, error: dict) -> None:
        self.count += 1
        if self.count > self.max_listed:
            return
        if len(error.get("message", "")) > self.MAX_MESSAGE:
            error = {**error, "message": error["message"][: self.MAX_MESSAGE] + " …"}
        if self.progress:
            self.progress.clear()
        print(f"cleaner: error: {error['message']}", file=self.stream, flush=True)
        if self.outdir is None:
            return
        if self._fh is None:
            self.outdir.mkdir(parents=True, exist_ok=True)
            self._tmp = self.outdir / f".errors.jsonl.{os.getpid()}.tmp"
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="\n")
        self._fh.write(json.dumps(error, ensure_ascii=False) + "\n")

    def close(self, complete: bool = True) -> None:
        """Rename the log into place (``complete``), or keep what was logged of a cut run."""
        hidden = self.count - self.max_listed
        if hidden > 0:
            note = {"kind": "truncated", "message": f"{hidden} more errors not listed (the first "
                                                    f"{self.max_listed} are)"}
            print(f"cleaner: error: {note['message']}", file=self.stream, flush=True)
            if self._fh is not None:
                self._fh.write(json.dumps(note, ensure_ascii=False) + "\n")
        if self.outdir is None:
            return
        final = self.outdir / "errors.jsonl"
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            os.replace(self._tmp, final)
        elif complete and final.exists():
            final.unlink()


@dataclass
class Totals:
    """Counters that add up across pages and workers (``summary(page)`` summed)."""

    counts: Counter = field(default_factory=Counter)
    failed: int = 0
    skipped: int = 0
    t0: float = field(default_factory=time.perf_counter)

    def line(self, where: str) -> str:
        c = self.counts
        rules = sorted(((k, v) for k, v in c.items() if k[:1].isupper()), key=lambda kv: (-kv[1], kv[0]))
        n_changes = sum(v for _, v in rules)
        per_rule = f" ({', '.join(f'{k} {v}' for k, v in rules)})" if rules else ""
        skipped = f", {self.skipped} skipped (complete)" if self.skipped else ""
        secs = time.perf_counter() - self.t0
        return (f"cleaner: {c['pages']} pages, {c['articles']} articles, {n_changes} changes"
                f"{per_rule}, {self.failed} failed{skipped}, {secs:.2f}s -> {where}")
