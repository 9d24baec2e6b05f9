"""Reading pages: every encoding a corpus meets, every broken file, every hostile size.

Each case of issue 6's "Input" list is here with its exact error message or its expected
output. The biggest inputs (a 20 MB page, 200 000 one-character lines) run only with
``CLEANER_BIG_TESTS=1``; by default smaller versions of them run, and the fuzz script
(``benchmarks/fuzz.py``) covers the rest.
"""

from __future__ import annotations

import codecs
import io
import os
import sys

import pytest

import cleaner
from cleaner.conservation import assert_conserved
from cleaner.errors import CleanerError, InputError
from cleaner.io import decode, read_page

SIMPLIFIED = ("科技日报讯（记者华凌）近日，北京启动高品质科技园区建设，2025年将建成10个示范园区。\n"
              "园区负责人表示，将加快推进人工智能与制造业深度融合，打造创新高地。\n\n"
              "北京启动高品质科技园区建设\n")
TRADITIONAL = ("本報訊（記者林美華）台北市政府昨日宣布，將於明年啟動科技園區擴建計畫。\n"
               "市長表示，這項計畫將為臺灣帶來更多就業機會，並促進產業發展。\n\n"
               "台北科技園區擴建\n")
BIG = os.environ.get("CLEANER_BIG_TESTS") == "1"
big_only = pytest.mark.skipif(not BIG, reason="slow: set CLEANER_BIG_TESTS=1")


def write(tmp_path, data: bytes, name: str = "page.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# ------------------------------------------------------------------ encodings
@pytest.mark.parametrize("text,data_of,expected", [
    (SIMPLIFIED, lambda t: t.encode("utf-8"), "utf-8"),
    (SIMPLIFIED, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    (SIMPLIFIED, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
    (SIMPLIFIED, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    (SIMPLIFIED, lambda t: t.encode("utf-16"), "utf-16-le" if sys.byteorder == "little" else "utf-16-be"),
    (SIMPLIFIED, lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
    (SIMPLIFIED, lambda t: t.encode("gb18030"), "gb18030"),
    (SIMPLIFIED, lambda t: t.encode("gbk"), "gb18030"),
    (SIMPLIFIED, lambda t: t.encode("gb2312"), "gb18030"),
    (TRADITIONAL, lambda t: t.encode("big5"), "big5"),
    (TRADITIONAL, lambda t: t.encode("gb18030"), "gb18030"),
    (TRADITIONAL, lambda t: t.encode("utf-8"), "utf-8"),
    ("plain ASCII page\n", lambda t: t.encode("ascii"), "utf-8"),
], ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-16-native", "utf-32-le", "gb18030", "gbk",
        "gb2312", "big5", "traditional-gb18030", "traditional-utf-8", "ascii"])
def test_encodings_are_read_and_named(tmp_path, text, data_of, expected):
    path = write(tmp_path, data_of(text))
    assert read_page(path) == (text, expected)


def test_big5_and_gb18030_lines_of_real_pages_are_told_apart():
    """GB18030 decodes nearly every Big5 file into rare characters: the common share decides."""
    lines = [ln for ln in TRADITIONAL.splitlines() if len(ln) >= 4]
    for ln in lines:
        assert decode(ln.encode("big5"), "x") == (ln, "big5")
        assert decode(ln.encode("gb18030"), "x") == (ln, "gb18030")
    for ln in (x for x in SIMPLIFIED.splitlines() if len(x) >= 4):
        assert decode(ln.encode("gbk"), "x") == (ln, "gb18030")


def test_a_big5_page_is_cleaned_as_simplified_text(tmp_path):
    text, enc = read_page(write(tmp_path, TRADITIONAL.encode("big5")))
    page = cleaner.clean(text)
    assert enc == "big5"
    assert page.articles and "台北市政府" in page.articles[0].body[0].text
    assert_conserved(page)


def test_forced_encoding_is_used_without_sniffing(tmp_path):
    path = write(tmp_path, SIMPLIFIED.encode("utf-16-le"))  # no BOM: auto calls it binary
    with pytest.raises(InputError, match="looks like UTF-16-LE without a byte-order mark"):
        read_page(path)
    assert read_page(path, encoding="utf-16-le") == (SIMPLIFIED, "utf-16-le")
    assert read_page(write(tmp_path, SIMPLIFIED.encode("gbk")), encoding="GBK") == (SIMPLIFIED, "gbk")


def test_forced_encoding_errors_name_the_encoding(tmp_path):
    path = write(tmp_path, "北京".encode("utf-8") + b"\xff")
    with pytest.raises(InputError) as exc:
        read_page(path, encoding="utf-8")
    assert str(exc.value) == f"{path}: not text in utf-8 (first bad byte at offset 6)"
    with pytest.raises(InputError) as exc:
        read_page(path, encoding="utf-8-sig")
    assert str(exc.value) == f"{path}: not text in utf-8-sig (first bad byte at offset 6)"
    with pytest.raises(InputError) as exc:
        read_page(path, encoding="klingon")
    assert str(exc.value) == f"{path}: unknown encoding 'klingon'"
    with pytest.raises(InputError, match="unknown encoding 'rot13'"):
        read_page(path, encoding="rot13")  # a codec, but not a text encoding


# ------------------------------------------------------------------ undecodable bytes
@pytest.mark.parametrize("data,offset", [
    (b"abc\x80\xffdef", 3),
    ("北京".encode("utf-8") * 50 + b"\xff" + "北京".encode("utf-8"), 300),
    ("北京".encode("gbk") * 50 + b"\xff" + "北京".encode("gbk"), 200),
    (codecs.BOM_UTF16_LE + "北京".encode("utf-16-le") + b"\x00", 6),
    (codecs.BOM_UTF16_BE + b"\xd8\x00\x00\x41", 2),
    (codecs.BOM_UTF8 + b"ok\xff", 5),
], ids=["ascii", "utf-8", "gbk", "utf-16-odd-length", "utf-16-lone-surrogate", "utf-8-bom"])
def test_undecodable_file_names_the_first_bad_byte(tmp_path, data, offset):
    path = write(tmp_path, data)
    with pytest.raises(InputError) as exc:
        read_page(path)
    assert str(exc.value) == f"{path}: not text in UTF-8/UTF-16/GB18030/Big5 (first bad byte at offset {offset})"
    assert isinstance(exc.value, CleanerError) and exc.value.kind == "input"


def test_cli_reports_an_undecodable_file_and_exits_2(tmp_path, capsys):
    from cleaner.cli import main

    path = write(tmp_path, b"abc\x80\xffdef")
    assert main(["clean", path]) == 2
    err = capsys.readouterr().err
    assert err == f"cleaner: error: {path}: not text in UTF-8/UTF-16/GB18030/Big5 (first bad byte at offset 3)\n"


def test_bytes_are_replaced_only_when_asked(tmp_path):
    data = "北京".encode("utf-8") * 50 + b"\xff" + "启动".encode("utf-8")
    path = write(tmp_path, data)
    with pytest.raises(InputError):
        read_page(path)
    text, enc = read_page(path, errors="replace")
    assert (text, enc) == ("北京" * 50 + "\ufffd" + "启动", "utf-8+replace")
    gbk = "北京".encode("gbk") * 50 + b"\xff" + "启动".encode("gbk")
    assert decode(gbk, "x", errors="replace") == ("北京" * 50 + "\ufffd" + "启动", "gb18030+replace")
    assert decode(b"ok", "x", errors="replace") == ("ok", "utf-8")  # nothing replaced: no suffix


def test_unknown_error_handling_is_an_input_error():
    with pytest.raises(InputError, match="unknown error handling 'ignore'"):
        decode(b"ok", "x", errors="ignore")


# ------------------------------------------------------------------ binary, empty, missing
@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"GIF89a\x01\x00", "a GIF image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b\x08\x00", "a gzip archive"),
    (b"\x7fELF\x02\x01\x01", "an executable"),
    (bytes(range(256)) * 4, "binary data (NUL bytes)"),
    ("北京\n".encode("utf-8") + b"\x00" * 20, "binary data (NUL bytes)"),
    (bytes(range(1, 32)) * 10, "binary data (control bytes)"),
    ("Plain English page text\n".encode("utf-16-be"),
     "binary data (NUL bytes); it looks like UTF-16-BE without a byte-order mark: use --encoding utf-16-be"),
], ids=["pdf", "png", "jpeg", "gif", "zip", "gzip", "elf", "all-bytes", "nul-run", "controls", "utf-16-no-bom"])
def test_binary_files_are_refused(tmp_path, data, what):
    path = write(tmp_path, data)
    with pytest.raises(InputError) as exc:
        read_page(path)
    assert str(exc.value) == f"{path}: not a text file: {what}"


def test_utf16_with_bom_is_not_binary_however_many_nul_bytes():
    text = "2025\n" * 100 + "北京\n"
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x") == (text, "utf-16-le")


def test_a_stray_nul_is_text_and_its_removal_is_recorded(tmp_path):
    text, enc = read_page(write(tmp_path, ("北京启动科技园区建设。" * 20 + "\x00建设。\n").encode("utf-8")))
    assert enc == "utf-8" and "\x00" in text
    page = cleaner.clean(text)
    assert "\x00" not in "".join(b.text for a in page.articles for b in a.body)
    assert any(c.action == "delete" and c.before == "\x00" for c in page.changes)
    assert_conserved(page)


@pytest.mark.parametrize("data", [b"", b" ", b"\n\n\n", b" \t\r\n\r\n", "\u3000\n".encode("utf-8"),
                                  codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_and_blank_files_give_a_page_without_articles(tmp_path, data):
    text, enc = read_page(write(tmp_path, data))
    assert text.strip() == ""
    page = cleaner.clean(text)
    assert page.articles == () and page.dropped == () and page.lines == ()
    assert cleaner.page_dict(page)["articles"] == []
    assert_conserved(page)


def test_unreadable_paths_are_input_errors(tmp_path):
    with pytest.raises(InputError) as exc:
        read_page(str(tmp_path / "missing.txt"))
    assert str(exc.value) == f"{tmp_path / 'missing.txt'}: no such file"
    with pytest.raises(InputError) as exc:
        read_page(str(tmp_path))
    assert str(exc.value) == f"{tmp_path}: is a directory"


def test_standard_input_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TRADITIONAL.encode("big5"))))
    assert read_page("-") == (TRADITIONAL, "big5")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02")))
    with pytest.raises(InputError, match=r"^<stdin>: not a text file"):
        read_page("-")


# ------------------------------------------------------------------ hostile text
def test_mixed_line_breaks_split_lines():
    text = "第一行文字。\r\n第二行文字。\r第三行文字。\n第四行文字。\u2028第五行文字。\u2029第六行文字。"
    page = cleaner.clean(text)
    assert [ln.text for ln in page.lines] == [f"第{n}行文字。" for n in "一二三四五六"]
    assert_conserved(page)


def test_control_characters_are_removed_as_recorded_changes():
    page = cleaner.clean("科技\x07日报讯\x1b（记者\u200b华凌）近日，北京启动建设。\n")
    assert page.lines[0].text == "科技日报讯（记者华凌）近日，北京启动建设。"
    assert sorted(c.before for c in page.changes if c.rule == "N004") == ["\x07", "\x1b", "\u200b"]
    assert_conserved(page)


def test_lone_surrogates_do_not_crash():
    page = cleaner.clean("\udb45劃動科技園區\n北京\ud800启动建设。\n")
    assert_conserved(page)


def test_lone_surrogates_without_conversion_are_removed_and_conserved():
    page = cleaner.clean("北京\ud800启动建设。\n", convert="none")
    assert_conserved(page)
    assert [c.before for c in page.changes if c.rule == "N004"] == ["\ud800"]


def test_a_5_mb_line_without_newlines():
    text = "科技日报讯北京启动建设，园区" * 120_000  # 1.68 M characters, 5 MB of UTF-8
    assert len(text.encode("utf-8")) > 5_000_000
    page = cleaner.clean(decode(text.encode("utf-8"), "x")[0])
    assert len(page.lines) == 1
    assert_conserved(page)


def one_character_lines(n: int) -> None:
    page = cleaner.clean("字\n" * n)
    assert len(page.lines) == n
    assert_conserved(page)


def long_page(sample_page, copies: int) -> None:
    sample = sample_page.read_text(encoding="utf-8")
    page = cleaner.clean((sample + "\n\n") * copies)
    assert len(page.articles) >= copies
    assert_conserved(page)


def test_many_one_character_lines():
    one_character_lines(2_000)


def test_a_long_page(sample_page):
    long_page(sample_page, 5)  # 100 kB


@big_only
def test_200000_one_character_lines():
    one_character_lines(200_000)


@big_only
def test_a_20_mb_page(sample_page):
    long_page(sample_page, 1000)
