"""Every output path stays inside OUTDIR, whatever the input names say (issue: hardening)."""

from __future__ import annotations

import gzip
import json
import os
import stat
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.outpaths import check_keys, inside, key_problem, safe_name
from cleaner.errors import OutputError

PAGE = "科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n"


def run(argv, capsys):
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def tree(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize("key", ["..", ".", "sub/..", "sub/.", "a//b", "", "/etc", "a\\b"])
def test_unsafe_keys_are_named(key):
    assert key_problem(key) is not None


@pytest.mark.parametrize("key", ["a", "sub/page", "...a", "a..b", "页面"])
def test_plain_keys_pass(key):
    assert key_problem(key) is None


def test_keys_equal_but_for_case_or_unicode_form_collide():
    assert set(check_keys(["Page", "page", "caf\u00e9", "cafe\u0301", "other"])) == {1, 3}


def test_bidi_controls_are_replaced():
    assert safe_name("ev\u202eil\u2066x\u200f") == "ev_il_x_"


def test_inside_refuses_a_symlink_out(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(OutputError):
        inside(out, out / "link" / "x")
    assert inside(out, out / "a" / "b") == out / "a" / "b"


def test_dotdot_stem_never_writes_above_outdir(tmp_path, capsys, monkeypatch):
    """The reported bug: in/...txt (stem '..') wrote into the folder above OUT and deleted
    its page.json and NN-*.txt files."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name in ("...txt", "..txt", "ok.txt"):
        (tmp_path / "in" / name).write_text(PAGE, encoding="utf-8")
    (tmp_path / "01-notes.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "page.json").write_text("keep", encoding="utf-8")
    rc, _, err = run(["clean", "in", "-o", "OUT"], capsys)
    assert rc == 1
    assert (tmp_path / "01-notes.txt").read_text(encoding="utf-8") == "keep"
    assert (tmp_path / "page.json").read_text(encoding="utf-8") == "keep"
    assert "in/...txt: its output name '..' has a '..' part" in err
    assert "in/..txt: its output name '.' has a '.' part" in err
    assert sorted(p.name for p in (tmp_path / "OUT").iterdir()) == ["errors.jsonl", "index.html", "ok"]
    assert not [p for p in (tmp_path / "OUT").iterdir() if p.name.startswith("0")]
    errors = [json.loads(x) for x in (tmp_path / "OUT" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["path"] for e in errors] == ["in/...txt", "in/..txt"]


def test_single_dotdot_page_is_a_usage_error(tmp_path, capsys):
    src = tmp_path / "...txt"
    src.write_text(PAGE, encoding="utf-8")
    rc, _, err = run(["clean", str(src), "-o", str(tmp_path / "o" / "OUT")], capsys)
    assert rc == 2 and err.count("\n") == 1 and "'..' part" in err
    assert not (tmp_path / "o" / "page.json").exists()


def test_subfolder_dot_page_and_case_twins_are_errors_for_that_page(tmp_path, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("sub.txt", "sub/..txt", "A.txt", "a.txt"):
        (src / name).write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    rc, _, err = run(["clean", str(src), "-o", str(out)], capsys)
    assert rc == 1
    assert "sub/..txt: its output name 'sub/.' has a '.' part" in err
    assert "a.txt: its output name 'a' is the same folder as 'A'" in err
    assert {"A/page.json", "sub/page.json"} <= set(tree(out))
    assert not (out / "a").exists()


def test_bidi_control_in_an_input_name_is_replaced_in_every_output_name(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ev\u202eil.txt").write_text(PAGE.replace("北京启动高品质", "北京\u202e启动"), encoding="utf-8")
    out = tmp_path / "out"
    rc, _, _ = run(["clean", str(src), "-o", str(out)], capsys)
    assert rc == 0
    assert not [p for p in tree(out) if "\u202e" in p]
    assert (out / "ev_il" / "page.json").exists()


def test_output_files_get_the_mode_open_would_give(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        rc, _, _ = run(["clean", str(_page(tmp_path)), "-o", str(tmp_path / "out")], capsys)
    finally:
        os.umask(old)
    assert rc == 0
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out" / "p").iterdir()}
    assert modes and set(modes.values()) == {0o644}, modes


def _page(tmp_path: Path, name: str = "p") -> Path:
    p = tmp_path / f"{name}.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def test_resume_removes_a_killed_runs_partial_shard(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "s1.jsonl").write_text(json.dumps({"id": "a", "text": PAGE}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".s1.jsonl.99999.tmp"  # what SIGKILL leaves behind
    stale.write_text("half a line", encoding="utf-8")
    rc, _, _ = run(["clean", str(src), "--input-format", "jsonl", "-o", str(out), "--resume"], capsys)
    assert rc == 0
    assert tree(out) == ["s1.jsonl"]


def test_resume_removes_a_killed_runs_partial_page_files(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "p").mkdir(parents=True)
    (out / "p" / ".page.json.abc123.tmp").write_text("{", encoding="utf-8")
    rc, _, _ = run(["clean", str(_page(tmp_path)), "-o", str(out), "--resume"], capsys)
    assert rc == 0
    assert not [p for p in tree(out) if p.endswith(".tmp")]


@pytest.mark.parametrize("content", ["[]", "{\"articles\": 3}", "{\"articles\": [1]}", "null"])
def test_resume_cleans_again_a_folder_whose_page_json_is_not_ours(tmp_path, capsys, content):
    out = tmp_path / "out"
    (out / "p").mkdir(parents=True)
    (out / "p" / "page.json").write_text(content, encoding="utf-8")
    (out / "p" / "changes.jsonl").write_text("", encoding="utf-8")
    rc, _, err = run(["clean", str(_page(tmp_path)), str(_page(tmp_path, "q")), "-o", str(out), "--resume"], capsys)
    assert rc == 0, err
    assert json.loads((out / "p" / "page.json").read_text(encoding="utf-8"))["articles"]


def test_jsonl_shards_whose_names_collide_fail_alone(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "S.jsonl").write_text(json.dumps({"id": "a", "text": PAGE}) + "\n", encoding="utf-8")
    (src / "s.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "b", "text": PAGE}) + "\n").encode()))
    out = tmp_path / "out"
    rc, _, err = run(["clean", str(src), "--input-format", "jsonl", "-o", str(out)], capsys)
    assert rc == 1 and "is the same folder as 'S'" in err
    assert json.loads((out / "S.jsonl").read_text(encoding="utf-8"))["id"] == "a"
    assert "s.jsonl" not in os.listdir(out)
