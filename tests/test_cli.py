"""The ``cleaner`` command: exit codes, stdin, errors without tracebacks, batch runs that
keep going, atomic and resumable output, ordered output with several jobs, the progress bar
on a terminal only.

Most cases call ``main(argv)`` in this process; those that need a real terminal, a pipe or
worker processes run ``python -m cleaner`` in a subprocess.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.reports.pagejson import dumps

PAGE = "科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n"
PAGE2 = "本报讯 近日，上海举行发布会，介绍十年发展成就。\n\n上海介绍十年发展成就\n"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def cli(*args, stdin: bytes | None = None, cwd=None, env=None) -> subprocess.CompletedProcess:
    """``python -m cleaner ARGS`` in a subprocess (stdout and stderr are pipes)."""
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, env=env, timeout=120)


@pytest.fixture
def pages(tmp_path) -> Path:
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(PAGE, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(PAGE2, encoding="utf-8")
    return d


def no_temp_files(root: Path) -> bool:
    return not [p for p in root.rglob("*") if p.name.endswith(".tmp")]


# --- help, usage errors, exit codes ----------------------------------------------------------

def test_help_documents_exit_codes(capsys):
    for argv in (["--help"], ["clean", "--help"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert "exit codes:" in out
        for code in ("0 ", "1 ", "2 "):
            assert f"\n  {code}" in out


def test_clean_help_lists_batch_options(capsys):
    with pytest.raises(SystemExit):
        main(["clean", "--help"])
    out = capsys.readouterr().out
    for opt in ("--jobs", "--resume", "--input-format", "--text-field", "--id-field", "--per", "--quiet"):
        assert opt in out


@pytest.mark.parametrize("argv, message", [
    (["clean", "{missing}"], "no such file"),
    (["clean", "{page}", "--bogus"], "unrecognized arguments"),
    (["clean", "{page}", "{page}"], "several pages need -o OUTDIR"),
    (["clean", "{page}", "--resume"], "--resume needs -o OUTDIR"),
    (["clean", "{page}", "--per", "page"], "--per goes with --format jsonl"),
    (["clean", "{page}", "--input-format", "jsonl", "--format", "json"], "JSON Lines input gives JSON Lines output"),
    (["clean", "{page}", "--jobs", "-1"], "--jobs"),
    (["clean", "{page}", "--rules", "{missing}"], "no such rule file"),
    (["clean", "-", "-", "--format", "jsonl"], "only once"),
])
def test_usage_and_input_errors_exit_2_without_traceback(argv, message, tmp_path, capsys):
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    argv = [a.format(page=page, missing=tmp_path / "missing.txt") for a in argv]
    try:
        rc = main(argv)
    except SystemExit as exc:  # argparse's own errors
        rc = exc.code
    err = capsys.readouterr().err
    assert rc == 2
    assert "cleaner: error: " in err and message in err
    assert "Traceback" not in err


def test_undecodable_single_page_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.7" + b"\x00" * 100)
    rc, out, err = run(["clean", str(bad)], capsys)
    assert rc == 2 and out == ""
    assert err.startswith("cleaner: error: ") and "Traceback" not in err
    rc, out, err = run(["clean", str(bad), "-o", str(tmp_path / "out")], capsys)
    assert rc == 2 and "Traceback" not in err


# --- one page to stdout: the scored path ----------------------------------------------------

def test_format_json_is_exactly_page_json(sample_page, capsys):
    rc, out, err = run(["clean", str(sample_page), "--format", "json"], capsys)
    page = cleaner.clean(sample_page.read_text(encoding="utf-8"), name=sample_page.name)
    assert rc == 0
    assert out == dumps(cleaner.page_dict(page))
    assert json.loads(out) == cleaner.page_dict(page)
    assert err == ""


def test_stdin_dash(capsys, monkeypatch):
    rc, out, _ = run(["clean", "-", "--format", "json"], capsys, stdin=PAGE.encode(), monkeypatch=monkeypatch)
    assert rc == 0
    assert json.loads(out) == cleaner.page_dict(cleaner.clean(PAGE, name="stdin.txt"))


def test_stdin_dash_text_format(capsys, monkeypatch):
    rc, out, _ = run(["clean", "-", "--format", "text"], capsys, stdin=PAGE.encode(), monkeypatch=monkeypatch)
    assert rc == 0 and "北京启动高品质科技园区建设" in out


# --- page folders ---------------------------------------------------------------------------

def test_directory_recurses_keeps_subfolders_and_summarises(pages, tmp_path, capsys):
    out = tmp_path / "out"
    rc, stdout, err = run(["clean", str(pages), "-o", str(out), "--jobs", "1"], capsys)
    assert rc == 0 and stdout == ""
    for key in ("a", "sub/b"):
        folder = out / key
        assert (folder / "page.json").is_file()
        assert json.loads((folder / "page.json").read_text(encoding="utf-8"))["source"] == Path(key).name + ".txt"
        assert list(folder.glob("[0-9][0-9]-*.txt"))
    assert (out / "index.html").is_file()
    assert not (out / "errors.jsonl").exists()
    assert no_temp_files(out)
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("cleaner: 2 pages, ") and " articles, " in summary and " changes" in summary
    assert "0 failed" in summary and summary.endswith(f"-> {out}")
    assert "\r" not in err  # no progress bar: stderr is not a terminal


def test_quiet_silences_summary(pages, tmp_path, capsys):
    rc, _, err = run(["clean", str(pages), "-o", str(tmp_path / "out"), "--jobs", "1", "--quiet"], capsys)
    assert rc == 0 and err == ""


def test_batch_keeps_going_and_logs_errors(pages, tmp_path, capsys):
    (pages / "broken.txt").write_bytes(b"%PDF-1.4 not a page")
    out = tmp_path / "out"
    rc, _, err = run(["clean", str(pages), "-o", str(out), "--jobs", "1"], capsys)
    assert rc == 1
    assert "cleaner: error: " in err and "broken.txt" in err and "Traceback" not in err
    assert (out / "a" / "page.json").is_file() and (out / "sub" / "b" / "page.json").is_file()
    assert not (out / "broken").exists()
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1
    assert errors[0]["path"].endswith("broken.txt")
    assert errors[0]["kind"] == "input" and errors[0]["message"]
    assert "1 failed" in err.strip().splitlines()[-1]
    # fixed and re-run: the stale error log goes away
    (pages / "broken.txt").write_text(PAGE2, encoding="utf-8")
    rc, _, _ = run(["clean", str(pages), "-o", str(out), "--jobs", "1"], capsys)
    assert rc == 0 and not (out / "errors.jsonl").exists()


def test_resume_skips_complete_folders_only(pages, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["clean", str(pages), "-o", str(out), "--jobs", "1"], capsys)[0] == 0
    done = out / "a" / "page.json"
    os.utime(done, (1_000_000, 1_000_000))
    # an interrupted run: the marker of sub/b is gone and an article file is half written
    (out / "sub" / "b" / "page.json").unlink()
    article = next((out / "sub" / "b").glob("[0-9][0-9]-*.txt"))
    article.write_text("half", encoding="utf-8")
    rc, _, err = run(["clean", str(pages), "-o", str(out), "--jobs", "1", "--resume"], capsys)
    assert rc == 0
    assert done.stat().st_mtime == 1_000_000  # untouched
    assert (out / "sub" / "b" / "page.json").is_file()
    assert article.read_text(encoding="utf-8") != "half"
    assert "1 skipped" in err
    assert (out / "index.html").is_file()


def test_page_json_is_written_last(pages, tmp_path, capsys):
    out = tmp_path / "out"
    run(["clean", str(pages / "a.txt"), "-o", str(out)], capsys)
    folder = out / "a"
    marker = (folder / "page.json").stat().st_mtime_ns
    assert all(p.stat().st_mtime_ns <= marker for p in folder.iterdir())


@pytest.mark.parametrize("layout", ["same", "inside-input", "input-inside-output"])
def test_refuses_to_overwrite_input(layout, pages, tmp_path, capsys):
    if layout == "same":
        argv = ["clean", str(pages), "-o", str(pages)]
    elif layout == "inside-input":
        argv = ["clean", str(pages), "-o", str(pages / "out")]
    else:
        argv = ["clean", str(pages / "a.txt"), "-o", str(tmp_path)]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    rc, _, err = run(argv, capsys)
    assert rc == 2
    assert "cleaner: error: " in err and "refusing to overwrite the input" in err
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_jsonl_output_refuses_to_overwrite_its_input(tmp_path, capsys):
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"id": 1, "text": PAGE}) + "\n", encoding="utf-8")
    rc, _, err = run(["clean", str(src), "-o", str(tmp_path)], capsys)
    assert rc == 2 and "refusing to overwrite the input" in err
    assert json.loads(src.read_text(encoding="utf-8"))["text"] == PAGE


def test_two_inputs_with_one_output_name_are_refused(tmp_path, capsys):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.txt").write_text(PAGE, encoding="utf-8")
    rc, _, err = run(["clean", str(tmp_path / "x" / "p.txt"), str(tmp_path / "y" / "p.txt"),
                      "-o", str(tmp_path / "out")], capsys)
    # the first page is written, the second is that page's error: never a silent overwrite
    assert rc == 1 and "is the same folder as 'p'" in err
    assert (tmp_path / "out" / "p" / "page.json").exists()


# --- JSON Lines -----------------------------------------------------------------------------

def jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def test_jsonl_stdin_gz_articles(capsys, monkeypatch):
    data = gzip.compress(jsonl([{"id": "p1", "text": PAGE, "url": "u1"}, {"id": "p2", "text": PAGE2}]))
    rc, out, err = run(["clean", "-", "--input-format", "jsonl", "--jobs", "1"], capsys,
                       stdin=data, monkeypatch=monkeypatch)
    assert rc == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in rows] == ["p1", "p2"]
    assert rows[0]["title"] == "北京启动高品质科技园区建设" and rows[0]["url"] == "u1"
    assert rows[0]["article"] == 0
    assert "-> stdout" in err


def test_jsonl_per_page_is_page_json_plus_id(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"id": 7, "text": PAGE, "lang": "zh"}]))
    rc, out, _ = run(["clean", str(src), "--per", "page", "--jobs", "1", "-q"], capsys)
    assert rc == 0
    row = json.loads(out)
    expect = cleaner.page_dict(cleaner.clean(PAGE, name="7"))
    assert row == {"id": 7, **expect, "lang": "zh"}
    assert list(row)[:4] == ["id", "source", "articles", "dropped"]


def test_jsonl_custom_fields_and_line_ids(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"doc": "a", "body": PAGE}]))
    rc, out, _ = run(["clean", str(src), "--text-field", "body", "--id-field", "doc", "--jobs", "1"], capsys)
    assert rc == 0 and json.loads(out.splitlines()[0])["doc"] == "a"
    rc, out, _ = run(["clean", str(src), "--text-field", "body", "--id-field", "", "--jobs", "1"], capsys)
    row = json.loads(out.splitlines()[0])
    assert rc == 0 and row["id"] == f"{src}:1" and row["doc"] == "a"


def test_jsonl_bad_lines_are_reported_and_the_stream_goes_on(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": PAGE}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "num", "text": 3}),
        '{"id": "sur", "text": "\\ud800abc"}',
        "[1, 2]",
        json.dumps({"text": PAGE}),
        json.dumps({"id": "ok2", "text": PAGE2}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    rc, stdout, err = run(["clean", str(src), "-o", str(out), "--jobs", "1"], capsys)
    assert rc == 1 and stdout == ""
    rows = [json.loads(x) for x in (out / "in.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["ok1", "ok2"]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["line"], e["kind"]) for e in errors] == [
        (2, "json"), (3, "field"), (4, "field"), (5, "encoding"), (6, "json"), (7, "field")]
    assert all(e["path"] == str(src) and e["message"].startswith(f"{src}:{e['line']}: ") for e in errors)
    assert errors[1]["id"] == "no-text"
    assert "unpaired surrogate U+D800" in errors[3]["message"]
    assert err.count("cleaner: error: ") == 6 and "Traceback" not in err
    assert no_temp_files(out)


def test_jsonl_shards_and_resume(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "s1.jsonl").write_bytes(jsonl([{"id": "a", "text": PAGE}]))
    (src / "s2.jsonl.gz").write_bytes(gzip.compress(jsonl([{"id": "b", "text": PAGE2}])))
    (src / "empty.jsonl").write_bytes(b"")
    out = tmp_path / "out"
    rc, _, _ = run(["clean", str(src), "--input-format", "jsonl", "-o", str(out), "--jobs", "1"], capsys)
    assert rc == 0
    assert sorted(p.name for p in out.iterdir()) == ["empty.jsonl", "s1.jsonl", "s2.jsonl"]
    assert json.loads((out / "s2.jsonl").read_text(encoding="utf-8"))["id"] == "b"
    os.utime(out / "s1.jsonl", (1_000_000, 1_000_000))
    (out / "s2.jsonl").unlink()
    rc, _, err = run(["clean", str(src), "--input-format", "jsonl", "-o", str(out), "--jobs", "1",
                      "--resume"], capsys)
    assert rc == 0 and "2 skipped" in err
    assert (out / "s1.jsonl").stat().st_mtime == 1_000_000
    assert json.loads((out / "s2.jsonl").read_text(encoding="utf-8"))["id"] == "b"


def test_text_pages_as_jsonl_on_stdout(pages, capsys):
    rc, out, _ = run(["clean", str(pages), "--format", "jsonl", "--jobs", "1", "-q"], capsys)
    assert rc == 0
    ids = [json.loads(x)["id"] for x in out.splitlines()]
    assert ids[0].endswith("a.txt") and ids[-1].endswith("b.txt")


# --- worker processes, pipes and terminals (subprocesses) ----------------------------------

def test_jobs_2_output_in_input_order(tmp_path, sample_page):
    big = sample_page.read_text(encoding="utf-8") * 3  # slowest first: finishes last
    rows = [{"id": "big", "text": big}] + [{"id": f"p{i}", "text": PAGE if i % 2 else PAGE2} for i in range(30)]
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(rows))
    two = cli("clean", src, "--jobs", "2", "-q")
    one = cli("clean", src, "--jobs", "1", "-q")
    assert two.returncode == 0, two.stderr.decode()
    assert two.stdout == one.stdout
    ids = [json.loads(x)["id"] for x in two.stdout.decode().splitlines()]
    assert ids[0] == "big" and [i for i in dict.fromkeys(ids) if i != "big"] == [f"p{i}" for i in range(30)]


def test_jobs_2_page_folders_match_jobs_1(pages, tmp_path):
    for n in range(6):
        (pages / f"c{n}.txt").write_text(PAGE if n % 2 else PAGE2, encoding="utf-8")
    (pages / "bad.txt").write_bytes(b"%PDF-1.7 binary")
    r2 = cli("clean", pages, "-o", tmp_path / "o2", "--jobs", "2")
    r1 = cli("clean", pages, "-o", tmp_path / "o1", "--jobs", "1")
    assert r2.returncode == r1.returncode == 1
    for p in (tmp_path / "o1").rglob("*"):
        q = tmp_path / "o2" / p.relative_to(tmp_path / "o1")
        assert q.exists()
        if p.is_file() and p.suffix in (".json", ".txt", ".jsonl", ".diff"):
            assert p.read_bytes() == q.read_bytes(), p


def test_no_progress_bar_in_a_pipe(pages, tmp_path):
    r = cli("clean", pages, "-o", tmp_path / "out", "--jobs", "1")
    err = r.stderr.decode()
    assert r.returncode == 0
    assert "\r" not in err and "pages/s" not in err
    assert err.startswith("cleaner: 2 pages, ")


def _run_on_pty(args) -> tuple[int, str]:
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(pages, tmp_path):
    for n in range(8):
        (pages / f"c{n}.txt").write_text(PAGE, encoding="utf-8")
    rc, err = _run_on_pty(["clean", pages, "-o", tmp_path / "out", "--jobs", "1"])
    assert rc == 0
    assert "\r\x1b[K" in err and "pages/s" in err and "ETA" in err
    assert "cleaner: 10 pages, " in err  # the summary after the bar
    rc, err = _run_on_pty(["clean", pages, "-o", tmp_path / "out2", "--jobs", "1", "--quiet"])
    assert rc == 0 and err == ""


def test_broken_pipe_is_quiet(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl([{"id": i, "text": PAGE} for i in range(200)]))
    cmd = f"{sys.executable} -m cleaner clean {src} --jobs 1 -q | head -n 1"
    r = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)
    assert r.stdout.count(b"\n") == 1
    assert b"Traceback" not in r.stderr and b"BrokenPipe" not in r.stderr


# --- the other subcommands still work ------------------------------------------------------

def test_explain_rules_check_report(sample_page, tmp_path, capsys):
    rc, out, _ = run(["explain", str(sample_page)], capsys)
    assert rc == 0 and out.startswith(f"{sample_page}:")
    rc, out, _ = run(["rules"], capsys)
    assert rc == 0 and out
    rc, out, _ = run(["check", str(sample_page)], capsys)
    assert rc in (0, 1) and str(sample_page) in out
    rc, _, _ = run(["report", str(sample_page), "-o", str(tmp_path / "r.html")], capsys)
    assert rc == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_text_pages_as_jsonl_into_a_folder(pages, tmp_path, capsys):
    out = tmp_path / "out"
    rc, stdout, _ = run(["clean", str(pages), "--format", "jsonl", "--per", "page", "-o", str(out),
                         "--jobs", "1"], capsys)
    assert rc == 0 and stdout == ""
    rows = [json.loads(x) for x in (out / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(r["id"]).name for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["source"] == "a.txt"
    assert no_temp_files(out)


def test_text_format_separates_articles_visibly(capsys, monkeypatch):
    two = PAGE + "\n" + PAGE2
    rc, out, _ = run(["clean", "-", "--format", "text"], capsys, stdin=two.encode(), monkeypatch=monkeypatch)
    assert rc == 0 and out.count("=" * 40) == 1


def test_explain_and_check_read_json_lines(tmp_path, capsys):
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": PAGE}, ensure_ascii=False) + "\n"
                   + "{not json\n", encoding="utf-8")
    rc, out, err = run(["explain", str(src)], capsys)
    assert rc == 1 and out and all(line.startswith("p1:") for line in out.splitlines())
    assert f"{src}:2: invalid JSON" in err
    rc, out, _ = run(["check", str(src)], capsys)
    assert rc == 1 and "p1: ok" in out


def test_explain_is_sorted_and_filtered(pages, capsys):
    rc, out, _ = run(["explain", str(pages / "a.txt")], capsys)
    rows = out.splitlines()
    keys = [tuple(int(x) for x in r.split(":")[1:3]) for r in rows]
    assert rc == 0 and keys == sorted(keys)
    rc, out, _ = run(["explain", str(pages / "a.txt"), "--rule", "A"], capsys)
    assert out and all(": A" in r for r in out.splitlines()) and len(out.splitlines()) < len(rows)
    rc, out, _ = run(["explain", str(pages / "a.txt"), "--review-only"], capsys)
    assert all("[review]" in r for r in out.splitlines())


@pytest.mark.parametrize("reports, files", [
    ("all", {"changes.jsonl", "report.diff", "report.html", "page.json"}),
    ("diff", {"changes.jsonl", "report.diff", "page.json"}),
    ("none", {"page.json"}),
])
def test_reports_option_writes_only_what_is_asked(pages, tmp_path, capsys, reports, files):
    out = tmp_path / "out"
    rc, _, _ = run(["clean", str(pages), "-o", str(out), "--reports", reports, "--jobs", "1"], capsys)
    assert rc == 0
    got = {p.name for p in (out / "a").iterdir() if not p.name[:2].isdigit()}
    assert got == files and list((out / "a").glob("01-*.txt"))
    rc, _, err = run(["clean", str(pages), "-o", str(out), "--reports", reports, "--resume"], capsys)
    assert rc == 0 and "2 skipped" in err
