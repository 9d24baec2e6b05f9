"""JSON Lines in and out: every input field round-trips, every bad line has a precise error,
gzip and stdin are read as streams."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

import cleaner
from cleaner.jsonl import (ARTICLE_FIELDS, LineSource, RecordError, article_records, clean_records,
                           dumps_line, is_jsonl_name, page_record, parse_record, shard_name)

PAGE = "科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n"

EXTRA = {
    "url": "https://example.com/a?b=1&c=中文",
    "date": "2023-01-05",
    "n": 12345678901234567890,
    "score": 0.125,
    "ok": True,
    "none": None,
    "nested": {"list": [1, "二", {"三": [None, False]}], "emoji": "😀"},
    "title": "the input's own title",
    "input_title": "an input field that already had the prefix",
}


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


# --- parsing --------------------------------------------------------------------------------

def test_parse_ok():
    rec = parse_record(line({"id": "p1", "text": PAGE, "lang": "zh"}), "in.jsonl", 3)
    assert (rec.id, rec.text, rec.extra, rec.source, rec.line) == ("p1", PAGE, {"lang": "zh"}, "in.jsonl", 3)


def test_parse_ascii_escapes_and_paired_surrogates():
    rec = parse_record(b'{"id": 1, "text": "\\u5317\\u4eac \\ud83d\\ude00"}', "x", 1)
    assert rec.text == "北京 😀"


@pytest.mark.parametrize("raw, kind, message", [
    (b"{not json", "json", "x:1: invalid JSON: Expecting property name enclosed in double quotes at column 2"),
    (b'{"id": 1, "text": "a"} trailing', "json", "x:1: invalid JSON: Extra data at column 24"),
    (b"[1, 2]", "json", "x:1: expected a JSON object, got an array"),
    (b'"just a string"', "json", "x:1: expected a JSON object, got a string"),
    (b'{"id": 1}', "field", "x:1: no 'text' field"),
    (b'{"id": 1, "text": null}', "field", "x:1: 'text' is null, not a string"),
    (b'{"id": 1, "text": ["a"]}', "field", "x:1: 'text' is an array, not a string"),
    (b'{"text": "a"}', "field", "x:1: no 'id' field (choose one with --id-field; --id-field '' numbers pages by line)"),
    (b'{"id": true, "text": "a"}', "field", "x:1: 'id' is a boolean, not a string or number"),
    (b'{"id": {"a": 1}, "text": "a"}', "field", "x:1: 'id' is an object, not a string or number"),
    (b'{"id": 1, "text": "ab\\ud800c"}', "encoding", "x:1: unpaired surrogate U+D800 in field 'text' at offset 2"),
    (b'{"id": 1, "text": "ab\\uDC00"}', "encoding", "x:1: unpaired surrogate U+DC00 in field 'text' at offset 2"),
    (b'{"id": 1, "text": "a", "m": {"k": ["x", "\\ud83d"]}}', "encoding",
     "x:1: unpaired surrogate U+D83D in field 'm.k[1]' at offset 0"),
    (b'{"id": 1, "text": "\xe5\x8c"}', "encoding", "x:1: not UTF-8 (first bad byte at offset 19)"),
])
def test_parse_errors(raw, kind, message):
    with pytest.raises(RecordError) as exc:
        parse_record(raw, "x", 1)
    assert exc.value.kind == kind
    assert str(exc.value) == message
    assert isinstance(exc.value, cleaner.CleanerError)


def test_error_carries_the_id_when_known():
    with pytest.raises(RecordError) as exc:
        parse_record(b'{"id": "p9", "text": 5}', "x", 1)
    assert exc.value.id == "p9"


def test_deeply_nested_json_is_a_json_error():
    with pytest.raises(RecordError) as exc:
        parse_record(b"[" * 100_000 + b"]" * 100_000, "x", 1)
    assert exc.value.kind == "json"


def test_id_from_line_number():
    rec = parse_record(line({"text": "a", "id": "kept"}), "in.jsonl", 4, id_field=None)
    assert rec.id == "in.jsonl:4" and rec.extra == {"id": "kept"}


# --- reading streams ------------------------------------------------------------------------

def test_line_source_plain_gzip_blank_lines_and_bom(tmp_path):
    body = b'\xef\xbb\xbf{"id": 1, "text": "a"}\n\n   \n{"id": 2, "text": "b"}'  # no final newline
    plain = tmp_path / "a.jsonl"
    plain.write_bytes(body)
    packed = tmp_path / "b.jsonl"  # gzip whatever the name says
    packed.write_bytes(gzip.compress(body))
    for path in (plain, packed):
        src = LineSource(str(path))
        got = [(n, parse_record(raw, src.where, n).id) for n, raw in src]
        assert got == [(1, 1), (4, 2)]
        assert src.size == path.stat().st_size and src.bytes_read == src.size


def test_line_source_stdin_gzip(monkeypatch):
    data = gzip.compress(line({"id": "s", "text": PAGE}) + b"\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    src = LineSource("-")
    assert src.where == "<stdin>"
    assert [parse_record(raw, src.where, n).id for n, raw in src] == ["s"]
    assert src.size is None


def test_line_source_errors(tmp_path):
    with pytest.raises(cleaner.CleanerError, match="no such file"):
        list(LineSource(str(tmp_path / "missing.jsonl")))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"id": 1, "text": "a"}\n' * 1000)[:-30])
    with pytest.raises(cleaner.CleanerError, match="broken gzip stream"):
        list(LineSource(str(cut)))


def test_names():
    assert is_jsonl_name("a/shard-1.JSONL.gz") and is_jsonl_name("x.ndjson") and not is_jsonl_name("p.txt")
    assert shard_name("data/shard-0001.jsonl.gz") == "shard-0001"
    assert shard_name("x.ndjson") == "x" and shard_name("-") == "stdin"


# --- writing --------------------------------------------------------------------------------

def test_article_records_fields_and_text():
    page = cleaner.clean(PAGE, name="p1")
    rows = article_records(page, "p1", {"lang": "zh"})
    assert len(rows) == len(page.articles) >= 1
    for n, (row, a) in enumerate(zip(rows, page.articles)):
        assert list(row) == ["id", *ARTICLE_FIELDS, "lang"]
        assert row["article"] == n
        assert row["title"] == (a.title.text if a.title else None)
        assert row["text"] == "\n\n".join(b.text for b in a.body)
        assert row["dateline"] == a.dateline
        assert row["confidence"] == round(a.confidence, 3)


def test_every_input_field_round_trips():
    raw = line({"id": "p1", "text": PAGE, **EXTRA})
    rec = parse_record(raw, "in.jsonl", 1)
    page = cleaner.clean(rec.text, name=str(rec.id))
    for obj in (article_records(page, rec.id, rec.extra)[0], page_record(page, rec.id, rec.extra)):
        back = json.loads(dumps_line(obj))
        assert back == obj  # JSON keeps everything
        assert back["id"] == "p1" and "text" not in EXTRA
        passed = {k: v for k, v in back.items() if k in EXTRA and k not in ("title", "input_title")}
        assert passed == {k: v for k, v in EXTRA.items() if k not in ("title", "input_title")}
        # a clash with a field the cleaner writes is kept under input_<name>, never lost
        if "title" in back and "article" in back:
            assert back["input_title"] == EXTRA["title"]
            assert back["input_input_title"] == EXTRA["input_title"]


def test_page_record_is_page_json_with_id():
    page = cleaner.clean(PAGE, name="p1")
    assert page_record(page, "p1", {}) == {"id": "p1", **cleaner.page_dict(page)}
    assert page_record(page, 5, {"x": 1}, id_field="doc") == {"doc": 5, **cleaner.page_dict(page), "x": 1}


def test_dumps_line():
    s = dumps_line({"a": "中文\n", "b": [1]})
    assert s == '{"a":"中文\\n","b":[1]}\n' and s.count("\n") == 1


# --- the engine-neutral loop ----------------------------------------------------------------

def test_clean_records_dicts_and_pairs_agree():
    dicts = list(clean_records([{"id": "p1", "text": PAGE, "src": "x"}]))
    pairs = list(clean_records([("p1", PAGE)]))
    assert [{k: v for k, v in d.items() if k != "src"} for d in dicts] == pairs
    assert all(d["src"] == "x" for d in dicts)


def test_clean_records_errors():
    with pytest.raises(cleaner.CleanerError):
        list(clean_records([{"id": 1, "text": None}]))
    got = list(clean_records([{"id": 1, "text": None}, ("p2", PAGE)], errors="record"))
    assert got[0] == {"id": 1, "error": "input: page 1: 'text' is null, not a string"}
    assert got[1]["id"] == "p2"
    with pytest.raises(ValueError):
        list(clean_records([], per="line"))


def test_clean_records_options_reach_the_cleaner():
    trad = "科技日報訊 近日，北京啟動建設。\n\n北京啟動科技園區建設\n"
    kept = list(clean_records([("t", trad)], convert="none"))
    converted = list(clean_records([("t", trad)], convert="t2s"))
    assert kept != converted


def test_an_endless_line_is_reported_and_skipped_without_holding_it(tmp_path, capsys):
    import gzip as _gzip
    import json as _json

    from cleaner.cli import main as _main

    src = tmp_path / "bomb.jsonl.gz"
    good = _json.dumps({"id": "ok", "text": "科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n"},
                       ensure_ascii=False).encode()
    with _gzip.open(src, "wb") as fh:
        fh.write(good + b"\n")
        for _ in range(40):  # 40 MB of zeros on one line, the limit below is 1 MB
            fh.write(b"0" * (1 << 20))
        fh.write(b"\n" + good.replace(b'"ok"', b'"ok2"') + b"\n")
    rc = _main(["clean", str(src), "--max-line-bytes", str(1 << 20), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert rc == 1
    assert f"{src}:2: line longer than 1048576 bytes: skipped" in err
    ids = [_json.loads(x)["id"] for x in out.splitlines()]
    assert ids == ["ok", "ok2"]
