"""The page synthesiser: its gold is exact, its pages vary as real pages do, it is reproducible."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaner.chars import width
from cleaner.cli import main
from cleaner.errors import InputError
from cleaner.synth import PageMaker, check_page, load_stories
from cleaner.synth.page import _bold
from cleaner.synth.stories import story_from
from cleaner.synth.typeset import Style, break_heading, set_lines

ROOT = Path(__file__).resolve().parents[1]
#: the train and test pools' stories (benchmarks/splits.py): the pages these tests make stay
#: the ones they always were; the choose pool's stories are checked on their own below
POOL = sorted((ROOT / "samples" / "articles").glob("pool-*.jsonl"))
CHOOSE = sorted((ROOT / "samples" / "articles").glob("choose-*.jsonl"))


@pytest.fixture(scope="module")
def stories():
    return load_stories(POOL)


def test_pool_is_large_and_varied(stories):
    assert len(stories) >= 120
    assert len({s.kind for s in stories}) >= 10


def test_choose_pool_is_large_varied_and_typesets_exactly():
    """The choose pool (stories no fitted weight saw, for the ``fresh`` split): enough stories
    of enough kinds and shapes to choose on, each id ``ch-``, and every page laid out from them
    (OCR-style pages too) has exact gold."""
    from cleaner.synth import load_noise

    chosen = load_stories(CHOOSE)
    assert len(chosen) >= 45 and all(s.id.startswith("ch-") for s in chosen)
    assert len({s.kind for s in chosen}) >= 15
    assert not {s.id for s in chosen} & {s.id for s in load_stories(POOL)}
    sizes = [len("".join(t for _, t in s.blocks)) for s in chosen]
    assert min(sizes) < 250 and max(sizes) > 2000
    assert any(k == "subhead" for s in chosen for k, _ in s.blocks)
    assert {len(s.captions) for s in chosen} >= {0, 1, 2, 3}
    maker, ocr = PageMaker(chosen), PageMaker(chosen, ocr=load_noise())
    used = set()
    for seed in range(80):
        s = maker.page(seed)
        assert check_page(s) == [], seed
        used |= set(s.stories)
        assert check_page(ocr.page(seed)) == [], ("ocr", seed)
    assert len(used) > len(chosen) // 2


def test_gold_is_exactly_the_raw_lines_joined(stories):
    maker = PageMaker(stories)
    for seed in range(150):
        s = maker.page(seed)
        assert check_page(s) == [], seed


def test_gold_paragraph_text_is_in_the_raw_page(stories):
    """Independent of the synthesiser's own bookkeeping: with blanks and line breaks gone,
    each gold paragraph of a Simplified page occurs in the raw text (fake bold and hyphens
    aside, which only headings and Latin words carry)."""
    maker = PageMaker(stories)
    for seed in range(60):
        s = maker.page(seed)
        if s.traditional:
            continue
        flat = "".join(s.raw.split()).replace("(", "（").replace(")", "）").replace("\u3000", "")
        flat = flat.replace("-", "")
        for art in s.gold["articles"]:
            for b in art["blocks"]:
                if b["kind"] == "paragraph" and "-" not in b["text"]:
                    text = "".join(b["text"].split())
                    # a heading, caption or another article may sit inside a paragraph (a cut
                    # and its continuation): the paragraph's characters follow in order from
                    # where it starts
                    at = flat.find(text[:6])
                    assert at >= 0, (seed, text[:20])
                    rest = iter(flat[at:])
                    assert all(c in rest for c in text), (seed, text[:20])


def test_pages_are_reproducible_and_differ_by_seed(stories):
    a, b = PageMaker(stories).page(3), PageMaker(stories).page(3)
    assert a.raw == b.raw and a.gold == b.gold
    assert PageMaker(stories).page(4).raw != a.raw


def test_variety_over_many_pages(stories):
    maker = PageMaker(stories)
    pages = [maker.page(seed) for seed in range(200)]
    raws = [p.raw for p in pages]
    assert any(p.clean for p in pages) and any(p.traditional for p in pages)
    assert any("\r\n" in r for r in raws) and any("\n\n" in r for r in raws)
    assert any(r.count("\n\n") == 0 for r in raws)
    counts = [len(p.gold["articles"]) for p in pages]
    assert min(counts) == 3 and max(counts) == 7
    assert any(a["pullquotes"] for p in pages for a in p.gold["articles"])
    assert any(a["captions"] for p in pages for a in p.gold["articles"])
    assert any(d["kind"] == "credit" for p in pages for d in p.gold["dropped"])


def test_a_themed_page_draws_its_stories_from_one_section(stories):
    # a section's page (economy, science…): its neighbours share a field's words, the hard
    # case for telling articles apart; about a third of the pages are such
    by_id = {s.id: s for s in stories}
    themes = PageMaker(stories).v["themes"]

    def themed(p) -> bool:
        kinds = [by_id[i].kind for i in p.stories]
        return any(all(k in t for k in kinds) for t in themes)

    always = PageMaker(stories, variation={"themed_page": 1.0})
    # (a small section, sport's six stories, can run out on a page of seven)
    assert sum(themed(always.page(seed)) for seed in range(30)) >= 25
    never = PageMaker(stories, variation={"themed_page": 0.0})
    assert sum(themed(never.page(seed)) for seed in range(30)) < 5
    # the rest of a page's choices do not depend on its theme: only its stories change
    a, b = always.page(7), never.page(7)
    assert a.stories != b.stories and len(a.stories) == len(b.stories)


def test_kinsoku_no_line_starts_with_a_closing_mark():
    text = "这是一个用来测试避头尾规则的句子，其中有很多标点符号。“引号”也在这里，对吗？是的！" * 3
    for kinsoku in ("hang", "push"):
        lines = set_lines(text, Style(measure=9, kinsoku=kinsoku))
        assert "".join(g for _, g in lines) == text
        assert not [p for p, _ in lines[1:] if p[0] in "，。、；：！？）》」』”’"]
        assert all(width(p) <= 10 for p, _ in lines)


def test_first_line_is_two_ems_short_and_latin_words_are_not_broken():
    text = "在国际会议上，International Federation代表发言表示欢迎各方参与合作与交流。"
    lines = set_lines(text, Style(measure=12), random.Random(0))
    assert width(lines[0][0]) <= 10
    assert "".join(g for _, g in lines) == text
    assert all("Internationa" not in p or "International" in p for p, _ in lines)


def test_hyphenated_english_keeps_its_gold_whole():
    text = "专家认为interoperability是关键所在，各方应当加强合作。"
    lines = set_lines(text, Style(measure=10, hyphenate=True), random.Random(1))
    assert "".join(g for _, g in lines) == text
    assert any(p.endswith("-") for p, _ in lines)


def test_fake_bold_forms():
    assert _bold("智能制造“加速跑”", "run") == "智能制造智能制造““加速跑加速跑””"
    assert _bold("春耕正当时", "line") == "春耕正当时春耕正当时"


@pytest.mark.parametrize("how", ["line", "run"])
def test_subheads_set_in_fake_bold_keep_their_gold_and_leave_other_draws_alone(stories, how):
    plain = PageMaker(stories, variation={"bold_subheads": {"none": 1.0}})
    bold = PageMaker(stories, variation={"bold_subheads": {how: 1.0}})
    doubled = 0
    for seed in range(40):
        a, b = plain.page(seed), bold.page(seed)
        assert check_page(b) == [], seed
        assert a.gold == b.gold  # (a generator of its own: the page's other choices are the same)
        subs = [(x, y) for x, y in zip(a.lines, b.lines) if y.owner and y.owner[0] == "sub"]
        if b.clean:  # (an already-clean page prints its text as it is)
            assert all(y.printed == x.printed for x, y in subs)
            continue
        assert all(y.printed == _bold(x.printed, how) for x, y in subs)
        doubled += len(subs)
    assert doubled > 0


def test_headlines_break_at_their_blank_only_when_they_do_not_fit():
    assert break_heading("优化配置 加强服务保障", random.Random(0), 8) == ["优化配置", "加强服务保障"]
    assert break_heading("优化配置 加强服务保障", random.Random(0), 30) == ["优化配置 加强服务保障"]
    assert break_heading("春耕", random.Random(0), 30) == ["春耕"]


@pytest.mark.parametrize("obj, message", [
    ({"title": "t", "blocks": []}, "'blocks' must be a non-empty list"),
    ({"title": "", "blocks": ["p"]}, "'title' must be a non-empty string"),
    ({"title": "t", "blocks": ["## sub", "p"]}, "the first block must be a paragraph"),
    ({"title": "t", "blocks": [{"kind": "x", "text": "p"}]}, "kind must be"),
    ({"title": "t", "blocks": ["a\nb"]}, "must be one line"),
    ([1], "a story must be a JSON object"),
])
def test_bad_stories_are_named(obj, message):
    with pytest.raises(InputError, match=message):
        story_from(obj, "s.jsonl:1")


def test_a_gold_article_is_a_story():
    s = story_from({"title": "t", "dateline": "本报讯（记者甲）", "blocks": [
        {"kind": "paragraph", "text": "本报讯（记者甲）正文。"}, {"kind": "subhead", "text": "小标题"}]}, "g")
    assert s.blocks == (("paragraph", "正文。"), ("subhead", "小标题"))


def test_cli_writes_pages_gold_and_manifest(tmp_path, capsys):
    out = tmp_path / "syn"
    rc = main(["synth", *map(str, POOL), "-o", str(out), "--pages", "3", "--seed", "7"])
    assert rc == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["pages.json", "s0000.gold.json", "s0000.txt", "s0001.gold.json", "s0001.txt",
                     "s0002.gold.json", "s0002.txt"]
    gold = json.loads((out / "s0001.gold.json").read_text(encoding="utf-8"))
    assert gold["source"] == "s0001.txt" and gold["articles"]
    again = tmp_path / "again"
    main(["synth", *map(str, POOL), "-o", str(again), "--pages", "3", "--seed", "7"])
    assert (again / "s0002.txt").read_bytes() == (out / "s0002.txt").read_bytes()


def test_cli_rejects_bad_story_file(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "t"}\n', encoding="utf-8")
    rc = main(["synth", str(bad), "-o", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("cleaner: error: ") and "bad.jsonl:1" in err


def test_sentences_are_what_a_sentence_pattern_finds_in_one_scan():
    import random
    import re

    from cleaner.synth.page import sentences

    pattern = re.compile(r"[^。！？]*[。！？]”?")
    rng = random.Random(3)
    for _ in range(3000):
        s = "".join(rng.choice("中文。！？”“a ") for _ in range(rng.randint(0, 40)))
        assert sentences(s) == pattern.findall(s), repr(s)
    assert sentences("中" * 20000) == []


# ---------------------------------------------------------------- the OCR style
from cleaner.synth import is_ocr_page, load_noise, write_pages  # noqa: E402
from cleaner.synth.ocr import Misread, misread, undo  # noqa: E402


@pytest.fixture(scope="module")
def ocr_maker(stories):
    return PageMaker(stories, ocr=load_noise())


def test_ocr_gold_is_the_raw_lines_joined_once_the_misreads_are_undone(ocr_maker):
    # (check_page undoes each line's recorded misreadings before it compares)
    for seed in range(80):
        s = ocr_maker.page(seed)
        assert s.ocr and not s.clean and not s.traditional
        assert check_page(s) == [], seed
        assert sum(len(ln.misreads) for ln in s.lines) > 0, seed


def test_ocr_raw_page_is_its_lines_in_order(ocr_maker):
    """Independent of check_page: every raw line is a line's (misread) print, in page order,
    so undoing the misreads line by line gives the print back."""
    for seed in range(30):
        s = ocr_maker.page(seed)
        raw = [ln for ln in s.raw.split("\n") if ln.strip()]
        printed = [ln.printed for ln in s.lines if ln.printed.strip()]
        assert raw == printed, seed
        assert "\r" not in s.raw and "\n\n\n" not in s.raw


def test_ocr_pages_read_as_tesseract_reads(ocr_maker, stories):
    pages = [ocr_maker.page(seed) for seed in range(40)]
    raw = "".join(p.raw for p in pages)
    assert "〈" in raw and "一一" in raw and ":" in raw and "@" in raw
    # fake bold read once: no headline doubled
    for p in pages:
        for ln in p.lines:
            if ln.owner[:1] == ("head",) and ln.owner[2] == "title" and len(ln.piece) >= 4:
                assert undo(ln.printed, ln.misreads) == ln.piece
    # no first-line indent, no stray leading blank
    assert not any(ln.startswith(" ") for p in pages for ln in p.raw.split("\n"))
    assert any(ln.owner[0] == "junk" for p in pages for ln in p.lines)
    # and the plain style is untouched by it
    assert not PageMaker(stories).page(3).ocr


def test_misreads_undo_to_the_print():
    noise = load_noise()
    rng = random.Random(5)
    text = "本报讯（记者王伟）近日，某市千家万户——土地、末端：增长5%！“好”？◎本报记者 李明"
    for _ in range(300):
        read, edits = misread(text, rng, noise, scale=8.0)
        assert undo(read, edits) == text
        assert all(isinstance(m, Misread) and m.start <= m.end for m in edits)
        assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))


def test_ocr_noise_rates_of_a_sample_land_near_the_configured_ones(ocr_maker):
    """Counted from the recorded misreadings of 40 pages against what could have been
    misread, each rate is within a third (or a small absolute margin) of the data file's."""
    noise = ocr_maker.ocr
    from cleaner.chars import HAN_RE

    han = subs = drops = pct = pct_ins = 0
    marks = {m: [0, 0] for m in ("（", "：", "—")}
    for seed in range(40):
        for ln in ocr_maker.page(seed).lines:
            heading = ln.owner[:1] == ("head",) and ln.owner[2] in ("title", "subtitle", "kicker")
            orig = undo(ln.printed, ln.misreads)
            if not heading:
                han += sum(1 for c in orig if HAN_RE.match(c))
                subs += sum(1 for m in ln.misreads if m.kind == "substitute")
                drops += sum(1 for m in ln.misreads if m.kind == "drop")
            pct += orig.count("%")
            pct_ins += sum(1 for m in ln.misreads if m.kind == "percent")
            for m in marks:
                marks[m][0] += orig.count(m)
                marks[m][1] += sum(1 for e in ln.misreads if e.kind == "mark" and e.was == m)
    r = noise.rates
    # (the rate is spread over the characters with a known look-alike; the coverage is the
    # story pool's, so the page's rate is the measured one)
    assert subs / han == pytest.approx(r["han_substitute"], rel=0.33)
    assert drops / han == pytest.approx(r["han_drop"], abs=0.001)
    assert pct_ins / pct == pytest.approx(r["insert_by_percent"], abs=0.12)
    for m, (n, changed) in marks.items():
        keys, weights = noise.marks[m]
        expect = 1 - dict(zip(keys, weights)).get(m, 0.0) / sum(weights)
        assert changed / n == pytest.approx(expect, abs=0.15), m


def test_a_mixed_run_keeps_its_plain_pages_byte_for_byte(tmp_path, stories):
    plain, mixed = tmp_path / "plain", tmp_path / "mixed"
    write_pages(stories, plain, 8, 11)
    write_pages(stories, mixed, 8, 11, ocr_share=0.5)
    manifest = json.loads((mixed / "pages.json").read_text(encoding="utf-8"))
    styles = [manifest[f"s{k:04d}"].get("style") == "ocr" for k in range(8)]
    assert styles == [is_ocr_page(11, k, 0.5) for k in range(8)]
    assert any(styles) and not all(styles)
    for k, ocr in enumerate(styles):
        same = (plain / f"s{k:04d}.txt").read_bytes() == (mixed / f"s{k:04d}.txt").read_bytes()
        assert same != ocr, k
        # the gold does not depend on the style's reading of the page, only on the layout
        assert (mixed / f"s{k:04d}.gold.json").exists()


def test_cli_style_ocr(tmp_path, capsys):
    out = tmp_path / "ocr"
    assert main(["synth", *map(str, POOL), "-o", str(out), "--pages", "2", "--seed", "3", "--style", "ocr"]) == 0
    manifest = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    assert all(v["style"] == "ocr" for v in manifest.values())
    assert main(["synth", *map(str, POOL), "-o", str(tmp_path / "x"), "--ocr-share", "1.5"]) == 2
    assert "--ocr-share" in capsys.readouterr().err
