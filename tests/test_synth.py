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
POOL = sorted((ROOT / "samples" / "articles").glob("*.jsonl"))


@pytest.fixture(scope="module")
def stories():
    return load_stories(POOL)


def test_pool_is_large_and_varied(stories):
    assert len(stories) >= 120
    assert len({s.kind for s in stories}) >= 10


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
