"""The batch machinery: ordered results from a pool, bounded in-flight work, per-document
errors that never escape, the progress bar, the error log, counters that add up."""

from __future__ import annotations

import io
import json
import math
import pickle
import sys
from pathlib import Path
from collections import Counter

import pytest

import cleaner
from cleaner.batch import (Done, ErrorLog, Job, Progress, Task, Totals, init_worker, ordered_map,
                           run_task)
from cleaner.reports.changes import summary
from cleaner.rules import default_rules

PAGE = "科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n"


def test_ordered_map_keeps_input_order_with_a_pool():
    sizes = [3000, 1, 2500, 2, 1500, 3, 10, 2000] * 3  # uneven work: finishes out of order
    got = list(ordered_map(math.factorial, sizes, jobs=2))
    assert got == [math.factorial(n) for n in sizes]


def test_ordered_map_in_process_calls_initializer_once():
    calls = []

    def init(tag, pool):
        calls.append((tag, pool))

    assert list(ordered_map(abs, [-1, -2], jobs=1, initializer=init, initargs=("x",))) == [1, 2]
    assert calls == [("x", False)]


@pytest.mark.parametrize("jobs, max_pending", [(1, None), (2, 4)])
def test_ordered_map_reads_input_lazily(jobs, max_pending):
    taken = []

    def items():
        for n in range(1000):
            taken.append(n)
            yield n

    results = ordered_map(abs, items(), jobs=jobs, max_pending=max_pending)
    assert next(results) == 0
    assert len(taken) <= (max_pending or 1) + 1  # never the whole stream in memory
    results.close()


def test_ordered_map_bounds_bytes_in_flight():
    taken = []

    def items():
        for n in range(100):
            taken.append(n)
            yield n

    results = ordered_map(abs, items(), jobs=2, size=lambda n: 10, max_pending=50, max_bytes=30)
    next(results)
    assert len(taken) <= 4
    results.close()


def test_job_and_rules_are_small_and_picklable():
    job = Job(rules=default_rules(), options=(("convert", "t2s"),))
    data = pickle.dumps(job)
    # (a job goes to each worker once, through the pool's initializer, and once into a Dask
    # graph: its size is paid per process, not per page; the bound catches a compiled pattern
    # or a converter pickled by mistake, which would add megabytes, not the rule files' growth)
    assert len(data) < 150_000
    assert pickle.loads(data) == job


def _job(tmp_path, **kw):
    return Job(rules=default_rules(), options=(("convert", "auto"),), **kw)


def test_run_task_text_file_as_jsonl(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    init_worker(_job(tmp_path, mode="article"), pool=False)
    done = run_task(Task(str(page)))
    assert done.error is None
    rows = [json.loads(x) for x in done.out.decode().splitlines()]
    expect = cleaner.clean(PAGE, name="p.txt")
    assert rows[0]["id"] == str(page) and rows[0]["title"] == expect.articles[0].title.text
    assert done.counts == summary(expect)


def test_run_task_never_raises_for_a_bad_document(tmp_path, monkeypatch):
    init_worker(_job(tmp_path, mode="page"), pool=False)
    missing = run_task(Task(str(tmp_path / "missing.txt")))
    assert missing.error == {"path": str(tmp_path / "missing.txt"), "kind": "input",
                             "message": f"{tmp_path / 'missing.txt'}: no such file"}
    bad_line = run_task(Task("in.jsonl", 3, b"{oops"))
    assert bad_line.error["kind"] == "json" and bad_line.error["line"] == 3
    assert bad_line.error["message"].startswith("in.jsonl:3: invalid JSON")
    cut = run_task(Task("in.jsonl", 9, fail="in.jsonl: after line 8: broken gzip stream"))
    assert cut.error["kind"] == "input" and cut.error["message"].endswith("broken gzip stream")

    def boom(*a, **k):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("cleaner.pipeline.clean", boom)
    bug = run_task(Task("in.jsonl", 1, b'{"id": "p", "text": "x"}'))
    assert bug.error["kind"] == "bug"
    assert bug.error["message"] == "in.jsonl:1: internal error (please report it): ZeroDivisionError: oops"
    assert "Traceback" in bug.error["traceback"]


def test_progress_silent_when_not_a_terminal():
    s = io.StringIO()
    p = Progress(stream=s, total=10, every=0)
    for _ in range(10):
        p.update()
    p.clear()
    assert s.getvalue() == "" and not p.enabled


def test_progress_line_and_clear():
    s = io.StringIO()
    p = Progress(stream=s, enabled=True, total=4, every=0)
    p.update()
    p.update(failed=1)
    text = s.getvalue()
    assert text.startswith("\r\x1b[Kcleaner: 1/4 pages   25%")
    assert "pages/s" in text and "ETA " in text and "1 failed" in text
    p.clear()
    assert s.getvalue().endswith("\r\x1b[K")
    stream = Progress(stream=io.StringIO(), enabled=True, fraction=lambda: 0.5)
    stream.done = 3
    assert "3 pages   50%" in stream.line() and "ETA" in stream.line()
    unknown = Progress(stream=io.StringIO(), enabled=True)
    assert "ETA" not in unknown.line()


def test_error_log(tmp_path):
    err = io.StringIO()
    log = ErrorLog(tmp_path, stream=err)
    log.add({"path": "a.txt", "kind": "input", "message": "a.txt: no such file"})
    assert not (tmp_path / "errors.jsonl").exists()  # renamed into place at the end
    log.close()
    assert err.getvalue() == "cleaner: error: a.txt: no such file\n"
    assert json.loads((tmp_path / "errors.jsonl").read_text(encoding="utf-8"))["kind"] == "input"
    assert not list(tmp_path.glob("*.tmp"))
    ErrorLog(tmp_path, stream=err).close()  # a clean run removes the stale log
    assert not (tmp_path / "errors.jsonl").exists()


def test_totals_add_up_and_read_well():
    t = Totals()
    for text in (PAGE, PAGE):
        t.counts += summary(cleaner.clean(text))
    t.failed = 1
    line = t.line("out")
    assert line.startswith("cleaner: 2 pages, ")
    assert ", 1 failed, " in line and line.endswith("s -> out")
    rules = {k: v for k, v in t.counts.items() if k[:1].isupper()}
    assert f"{sum(rules.values())} changes" in line


def test_done_is_small():
    d = Done(Task("x.txt"), out=b"{}\n", counts=Counter(pages=1))
    assert len(pickle.dumps(d)) < 1000


def test_the_error_log_lists_a_bounded_number_and_counts_the_rest(tmp_path):
    import io as _io
    import json as _json

    from cleaner.batch import ErrorLog

    stream = _io.StringIO()
    log = ErrorLog(tmp_path, stream=stream, max_listed=3)
    for n in range(10):
        log.add({"path": "x.jsonl", "line": n, "kind": "json", "message": f"x.jsonl:{n}: bad" + "!" * 5000})
    log.close()
    lines = (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and _json.loads(lines[-1])["message"].startswith("7 more errors not listed")
    assert all(len(_json.loads(x)["message"]) < 2100 for x in lines)
    assert stream.getvalue().count("cleaner: error: ") == 4


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_workers_die_with_a_killed_parent(tmp_path):
    import os as _os
    import signal as _signal
    import subprocess as _subprocess
    import time as _time

    src = tmp_path / "in"
    src.mkdir()
    page = (Path(__file__).resolve().parents[1] / "samples" / "kjrb-yuanqu-page.txt").read_text(encoding="utf-8")
    for n in range(400):
        (src / f"p{n:03d}.txt").write_text(page, encoding="utf-8")
    proc = _subprocess.Popen([sys.executable, "-m", "cleaner", "clean", str(src), "-o", str(tmp_path / "out"),
                              "--jobs", "2", "--quiet"])

    def children() -> list[int]:
        kids = []
        for task in Path(f"/proc/{proc.pid}/task").glob("*"):
            try:
                kids += [int(x) for x in (task / "children").read_text().split()]
            except OSError:
                pass
        return kids

    deadline = _time.monotonic() + 30
    kids = []
    while len(kids) < 2 and _time.monotonic() < deadline and proc.poll() is None:
        kids = children()
        _time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the run finished before its workers could be seen")
    _os.kill(proc.pid, _signal.SIGKILL)
    proc.wait()
    deadline = _time.monotonic() + 10
    alive = kids
    while alive and _time.monotonic() < deadline:
        alive = [k for k in alive if Path(f"/proc/{k}").exists()
                 and "Z" not in (Path(f"/proc/{k}/stat").read_text().split()[2:3] or ["Z"])]
        _time.sleep(0.1)
    assert alive == []


def test_a_page_over_its_time_budget_is_its_own_error_and_the_run_goes_on(tmp_path, sample_page):
    import time as _time

    from cleaner.batch import PageTimeout, within_budget

    with pytest.raises(PageTimeout, match="over its time budget of 0.05 s"):
        within_budget(0.05, lambda: _time.sleep(2), "slow.txt")
    assert within_budget(0.5, lambda: 42, "fast.txt") == 42
    assert within_budget(0, lambda: 43, "unlimited.txt") == 43
    # a real run: a budget no page can meet fails every page, cleanly, as its own error
    job = Job(rules=default_rules(), mode="page", page_timeout=1e-6)
    init_worker(job, pool=False)
    done = run_task(Task(str(sample_page)))
    assert done.error and done.error["kind"] == "timeout" and "time budget" in done.error["message"]
    init_worker(Job(rules=default_rules(), mode="page"), pool=False)  # no budget for later tests
