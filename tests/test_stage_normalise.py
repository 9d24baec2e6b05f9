"""Stage normalise: per-character repairs, never NFKC on the whole text.

Hand-made cases: full-width Latin letters and digits, Kangxi radicals and compatibility
ideographs, ASCII punctuation between Han, invisible characters, Traditional → Simplified.
The full-width punctuation and curly quotes of a Chinese body must never be touched.
"""

from __future__ import annotations

import pytest

import cleaner

EDIT_ACTIONS = {"replace", "delete", "insert"}


def normalised(stages_until, text: str, **options) -> str:
    """The text after the normalise stage (the whole source rendered through the overlay)."""
    page = stages_until(text, "normalise", **options)
    return page.overlay.render(0, len(page.source))


def changes(stages_until, text: str, **options):
    return [c for c in stages_until(text, "normalise", **options).changes if c.stage == "normalise"]


# --- full-width Latin letters and digits ------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("２０２２年，ＧＤＰ增长。", "2022年，GDP增长。"),
    ("第１３５届广交会", "第135届广交会"),
    ("ｉＰｈｏｎｅ手机", "iPhone手机"),
    ("５Ｇ基站", "5G基站"),
])
def test_fullwidth_latin_and_digits(stages_until, raw, clean):
    assert normalised(stages_until, raw) == clean
    assert {c.rule for c in changes(stages_until, raw)} == {"N001"}


def test_fullwidth_change_record(stages_until):
    (c,) = changes(stages_until, "去年ＧＤＰ增长")
    assert (c.rule, c.action, c.before, c.after, c.span) == ("N001", "replace", "ＧＤＰ", "GDP", (2, 5))
    assert c.edits == (cleaner.Edit(2, 5, "GDP"),)


CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～"


def test_cjk_punctuation_and_curly_quotes_are_never_touched(stages_until):
    text = f"他说：“好，（一）是。”{CJK_PUNCTUATION}《人民日报》【专题】「引语」……——"
    assert normalised(stages_until, text) == text
    assert changes(stages_until, text) == []


@pytest.mark.parametrize("text", [
    "①建设一批创新平台；②培育一批领军企业。",  # NFKC would make 1 and 2 of them
    "新建住房120㎡以下的户型占六成。",           # NFKC: m2
    "气温-5℃，风力3级。",                        # NFKC: °C
    "全文共计3万余字…",
    "Ⅰ类水质断面比例达到九成。",                 # NFKC: I
])
def test_no_whole_text_nfkc(stages_until, text):
    assert normalised(stages_until, text) == text


# --- Kangxi radicals and compatibility ideographs ------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("⼗⼤代表", "十大代表"),                  # U+2F17 U+2F24
    ("⼈⺠⽇报", "人民日报"),                    # ⺠ U+2EA0: NFKC keeps it, Unicode's equivalent is 民
    ("沥⻘路⾯", "沥青路面"),                    # ⻘ U+2ED8, as Chrome's PDF export writes 青
    ("⻓江⻛光", "长江风光"),                    # C-simplified radicals U+2ED3, U+2EDB
    ("\uf900\u8c48", "\u8c48\u8c48"),          # 豈 compatibility U+F900 → U+8C48
    ("⼀⼆三", "一二三"),
])
def test_compat_ideographs(stages_until, raw, clean):
    assert normalised(stages_until, raw) == clean


def test_unified_ideographs_unchanged(stages_until):
    assert changes(stages_until, "十大代表一二三人民日报") == []


# --- ASCII punctuation between Han ------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("研究,发展", "研究，发展"),
    ("记者:张三", "记者：张三"),
    ("一是加强管理;二是完善制度", "一是加强管理；二是完善制度"),
    ("怎么办?怎么办", "怎么办？怎么办"),
    ("太好了!大家", "太好了！大家"),
    ("本报讯(记者张三)近日", "本报讯（记者张三）近日"),
    ("“好”,他说", "“好”，他说"),
])
def test_ascii_punctuation_between_han(stages_until, raw, clean):
    assert normalised(stages_until, raw) == clean


@pytest.mark.parametrize("text", [
    "Version 1.0, released (beta).",
    "比分为3:2。",
    "上午10:30开幕。",
    "COVID-19疫情",
    "5G-A网络",
    "Hello, world!",
    "单价为1,200元。",
])
def test_ascii_punctuation_elsewhere_stays(stages_until, text):
    assert normalised(stages_until, text) == text


def test_ascii_mark_before_ascii_bracket(stages_until):
    assert normalised(stages_until, "太好了!(笑)大家") == "太好了！（笑）大家"


# --- invisible characters ------------------------------------------------------------

@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
                                "\x00", "\x07", "\x1b", "\x7f"])
def test_invisible_characters_removed(stages_until, ch):
    text = f"科技{ch}创新。"
    assert normalised(stages_until, text) == "科技创新。"
    assert [(c.rule, c.action, c.before) for c in changes(stages_until, text)] == [("N004", "delete", ch)]


def test_line_ends_and_tabs_are_not_invisible(stages_until):
    text = "科技\t创新。\r\n第二行\n"
    assert changes(stages_until, text) == []


def test_invisible_only_line_makes_no_line(stages_until):
    page = stages_until("\u200b\ufeff\n科技创新。\n", "lines")
    assert [ln.text for ln in page.lines] == ["科技创新。"]


# --- Traditional to Simplified ---------------------------------------------------------

TRAD = "廈門火炬高新區的發展顯著，兩岸企業合作不斷深化。"
SIMP = "厦门火炬高新区的发展显著，两岸企业合作不断深化。"


def test_auto_converts_a_traditional_line(stages_until):
    assert normalised(stages_until, TRAD) == SIMP
    assert {c.rule for c in changes(stages_until, TRAD)} == {"N005"}


def test_auto_leaves_a_simplified_line(stages_until):
    assert changes(stages_until, SIMP) == []
    assert changes(stages_until, "这一成果意义显著，著名学者对此给予高度评价。") == []


def test_auto_mixed_page_converts_only_the_traditional_line(stages_until):
    text = TRAD + "\n" + SIMP + "\n"
    page = stages_until(text, "normalise")
    assert page.overlay.render(0, len(text)) == SIMP + "\n" + SIMP + "\n"
    assert all(c.span[1] <= len(TRAD) for c in page.changes)


def test_convert_none_leaves_traditional(stages_until):
    assert normalised(stages_until, TRAD, convert="none") == TRAD
    assert changes(stages_until, TRAD, convert="none") == []


def test_convert_t2s_converts_everything(stages_until):
    assert normalised(stages_until, TRAD + "\n" + SIMP, convert="t2s") == SIMP + "\n" + SIMP


def test_convert_option_reaches_clean():
    page = cleaner.clean(TRAD + "\n", convert="none")
    assert [b.text for a in page.articles for b in a.body] == [TRAD]
    page = cleaner.clean(TRAD + "\n")
    assert [b.text for a in page.articles for b in a.body] == [SIMP]


def test_auto_leaves_a_simplified_place_name(stages_until):
    text = "陕西省乾县的苹果今年丰收。"
    assert normalised(stages_until, text) == text


def test_changes_replay_to_the_overlay(stages_until):
    """Every normalise edit is one change's edit, and applying them reproduces the text."""
    text = "２０２２年⼗⼤代表\u200b说,发展顯著。"
    page = stages_until(text, "normalise")
    edits = [e for c in page.changes for e in c.edits]
    assert tuple(sorted(edits, key=lambda e: (e.start, e.end))) == page.overlay.edits
    out, pos = [], 0
    for e in page.overlay.edits:
        out.append(text[pos:e.start] + e.text)
        pos = e.end
    assert "".join(out) + text[pos:] == page.overlay.render(0, len(text))
    assert all(c.action in EDIT_ACTIONS for c in page.changes)


@pytest.mark.parametrize("brk", ["\x0c", "\x0b", "\x85", "\x1c"])
def test_break_characters_end_a_line_and_are_not_deleted(brk):
    """pdftotext puts a form feed between pages: it ends a line, it is not an invisible char."""
    page = cleaner.clean(f"第一页最后一行。{brk}第二页第一行。\n")
    assert [ln.text for ln in page.lines] == ["第一页最后一行。", "第二页第一行。"]
    assert not [c for c in page.changes if c.rule == "N004"]


def test_the_one_scan_for_rare_characters_covers_every_gated_rule():
    """A page without any character of the shared class skips the gated rules: each rule's
    own pattern must find nothing there, for every code point."""
    from cleaner.stages import normalise as n

    own = {"fullwidth_ascii": n._FULLWIDTH_RE, "compat_ideographs": n._COMPAT_RE,
           "invisible_chars": n._INVISIBLE_RE, "replacement_chars": n._REPLACEMENT_RE}
    assert set(own) == n.GATED
    for cp in range(0x110000):
        c = chr(cp)
        if any(p.search(c) for p in own.values()):
            assert n._RARE_RE.search(c), hex(cp)


def test_a_gated_rule_still_runs_on_a_page_that_has_its_characters(stages_until):
    page = stages_until("２０２２年\n", "normalise")
    assert [c.rule for c in page.changes] == ["N001"]
    assert stages_until("2022年\n", "normalise").changes == ()


@pytest.mark.parametrize("text", ["本报讯(记者任光\n芳)今天，北京。\n", "本报讯(记者任光\n\n芳)今天，北京。\n",
                                  "本报讯(记者任光\r\n芳)今天，北京。\r\n"])
def test_ascii_parentheses_cut_by_a_line_break_become_full_width(stages_until, text):
    page = stages_until(text, "normalise")
    assert "(" not in page.overlay.render(0, len(text)) and "（记者任光" in page.overlay.render(0, len(text))


def test_the_radicals_table_maps_supplementary_radicals_to_one_han_character_each():
    """``cleaner/radicals.txt`` (Unicode's EquivalentUnifiedIdeograph for U+2E80–U+2EF3): each
    line one radical of that block, once, to one character N002 accepts as Han, and what it maps
    to is no radical itself (a second pass changes nothing)."""
    from importlib.resources import files

    from cleaner.chars import HAN_RE
    from cleaner.stages.normalise import _radicals

    rows = [ln.split("\t") for ln in files("cleaner").joinpath("radicals.txt").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]
    assert len({r[0] for r in rows}) == len(rows) == len(_radicals()) > 80
    for radical, han, *_ in rows:
        assert len(radical) == 1 and 0x2E80 <= ord(radical) <= 0x2EF3, radical
        assert len(han) == 1 and HAN_RE.match(han) and han not in _radicals(), (radical, han)
