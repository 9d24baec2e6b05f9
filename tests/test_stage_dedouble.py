"""Stage dedouble: doubled headline glyphs (fake bold) collapse to one copy, with evidence.

Bold display type is overprinted, so extraction reads a run twice (智能制造智能制造), a glyph
twice (““, BBOOLLDD), a mixture of both, a copy with an OCR slip, or every run on a line of
its own (乡村 / 乡村“ / “村晚 / 村晚”). The cases are the ones issue 3 names, from real pages.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.stages.dedouble import coverage_bound, parse_doubling, similarity

BODY = ("近日，北京市科委、中关村管委会投入首批支持高品质\n"
        "科技园区建设资金，支持中关村生命科学园等科技园区的\n"
        "10个项目，项目涉及医药健康等7个产业领域。\n")

CASES = {
    "run": ("智能制造智能制造", "智能制造"),
    "glyph-quote": ("““", "“"),
    "glyph-latin": ("BBOOLLDD", "BOLD"),
    "mixture": ("厦门火炬高新区智能制造厦门火炬高新区智能制造““加速跑加速跑””", "厦门火炬高新区智能制造“加速跑”"),
    "dash-and-runs": ("11——2月份国民经济企稳回升2月份国民经济企稳回升", "1—2月份国民经济企稳回升"),
    "brackets-digits-runs": (
        "《《国家空间科学中长期发展规划国家空间科学中长期发展规划（（20242024——2050年2050年））》》发布发布",
        "《国家空间科学中长期发展规划（2024—2050年）》发布"),
}


def collapse(text: str, seconds) -> str:
    out, pos = [], 0
    for i, j in seconds:
        out.append(text[pos:i])
        pos = j
    return "".join(out) + text[pos:]


@pytest.mark.parametrize("name", CASES)
def test_parse_doubling(name):
    raw, one = CASES[name]
    covered, seconds = parse_doubling(raw)
    assert covered == len(raw)
    assert collapse(raw, seconds) == one
    for i, j in seconds:  # each second copy repeats what comes just before it
        assert raw[i:j] == raw[i - (j - i):i]


@pytest.mark.parametrize("text", ["", "智", "智能制造", "看看", "研究研究明年的计划"])
def test_parse_doubling_partial(text):
    covered, seconds = parse_doubling(text)
    assert 0 <= covered <= len(text)
    assert covered == 2 * sum(j - i for i, j in seconds)


@pytest.mark.parametrize("name", [n for n in CASES if len(CASES[n][1]) >= 3])
def test_doubled_line_collapses(stages_until, name):
    raw, one = CASES[name]
    page = stages_until(raw + "\n", "dedouble")
    assert [ln.text for ln in page.lines] == [one]
    ch = [c for c in page.changes if c.stage == "dedouble"]
    assert ch and {c.rule for c in ch} == {"D001"} and {c.action for c in ch} == {"delete"}
    for c in ch:  # each deletion removes exactly the characters it names
        assert page.source[c.span[0]:c.span[1]] == c.before and c.after == ""


@pytest.mark.parametrize("name", [n for n in CASES if len(CASES[n][1]) >= 3])
def test_doubled_headline_after_its_body_is_the_title(name):
    raw, one = CASES[name]
    page = cleaner.clean(BODY + raw + "\n")
    titles = [a.title.text for a in page.articles if a.title]
    assert titles == [one]


def test_doubled_headline_with_a_comma_is_the_title():
    page = cleaner.clean(BODY + "坚持创新驱动，推动高质量发展坚持创新驱动，推动高质量发展\n")
    assert [a.title.text for a in page.articles if a.title] == ["坚持创新驱动，推动高质量发展"]


def test_doubled_line_with_a_comma_collapses(stages_until):
    page = stages_until("坚持创新驱动，推动高质量发展坚持创新驱动，推动高质量发展\n", "dedouble")
    assert [ln.text for ln in page.lines] == ["坚持创新驱动，推动高质量发展"]


# a text layer that prints a blank between Han characters and digits or Latin letters puts
# blanks between the copies and inside them
SPACED = {
    "line": ("RCEP 红利持续释放 RCEP 红利持续释放", "RCEP 红利持续释放"),
    "runs": ("老旧小区改造惠及 12 老旧小区改造惠及 12..6 万户 6 万户", "老旧小区改造惠及 12.6 万户"),
    "digits-inside": ("白沙湖越冬水鸟数量创近 10 年新高白沙湖越冬水鸟数量创近 10 年新高", "白沙湖越冬水鸟数量创近 10 年新高"),
    # read as doubled with its blanks only in part: the copies of a run stand a blank apart
    "runs-apart": ("《《国家空间科学中长期发展规划国家空间科学中长期发展规划（（20242024——2050 年 2050 年））》》发布发布",
                   "《国家空间科学中长期发展规划（2024—2050 年）》发布"),
}


@pytest.mark.parametrize("name", SPACED)
def test_doubled_line_with_blanks_of_the_text_layer_collapses(stages_until, name):
    raw, one = SPACED[name]
    page = stages_until(raw + "\n", "dedouble")
    assert [ln.text for ln in page.lines] == [one]
    for c in page.changes:  # each deletion removes exactly the characters it names
        assert c.rule == "D001" and page.source[c.span[0]:c.span[1]] == c.before and c.after == ""


@pytest.mark.parametrize("text", ["谢谢 谢谢", "研究 研究", "大家 高高兴兴 地看看灯会，研究研究明年的计划。"])
def test_reduplication_with_blanks_is_not_doubling(stages_until, text):
    page = stages_until(text + "\n", "dedouble")
    assert [ln.text for ln in page.lines] == [text]


def test_doubled_latin_words_keep_one_blank():
    page = cleaner.clean("BBOOLLDD  TTYYPPEE\n")
    assert "BOLD TYPE" in [b.text for b in page.blocks]


# --- near match: one copy misread --------------------------------------------------------

def test_near_match_keeps_the_first_copy(stages_until):
    page = stages_until("厦门火炬高新区智能制造厦门火炬高新区智熊制造\n", "dedouble")
    assert [ln.text for ln in page.lines] == ["厦门火炬高新区智能制造"]
    (c,) = [c for c in page.changes if c.stage == "dedouble"]
    assert (c.rule, c.action, c.before, c.safety) == ("D002", "delete", "厦门火炬高新区智熊制造", "review")


@settings(derandomize=True, deadline=None)  # (pure-Python textdistance is slow on a loaded machine)
@given(st.text("智能制造熊火炬ab", max_size=14), st.text("智能制造熊火炬ab", max_size=14))
def test_near_match_similarity_is_textdistances_levenshtein(a, b):
    textdistance = pytest.importorskip("textdistance")
    expected = textdistance.Levenshtein(external=False).normalized_similarity(a, b)
    assert similarity(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "厦门火炬高新区智能制造加速推进企业数字化",
    "今年以来，全市新增就业岗位4000余个。去年以来，全市新增就业岗位3000余个。",
    "上半年同比增长5.2%，下半年同比增长5.3%",
    "一年年过去，一天天长大",
    "开到哪儿就开到哪儿，",  # (X就X, going on past a clause mark its first half lacks: prose)
])
def test_near_match_needs_a_headline(stages_until, text):
    page = stages_until(text + "\n", "dedouble")
    assert [c for c in page.changes if c.stage == "dedouble"] == []
    assert [ln.text for ln in page.lines] == [text]


# --- runs on lines of their own --------------------------------------------------------

SPLIT = "乡村\n乡村“\n“村晚\n村晚””\n"


def test_split_runs_collapse(stages_until):
    page = stages_until(SPLIT, "dedouble")
    assert "".join(ln.text for ln in page.lines) == "乡村“村晚”"
    assert {c.rule for c in page.changes if c.stage == "dedouble"} == {"D003"}
    (group,) = page.layout.heading_groups
    assert "".join(page.lines[k].text for k in group) == "乡村“村晚”"


def test_split_runs_become_one_block(stages_until):
    page = stages_until(SPLIT + BODY, "rejoin")
    assert "乡村“村晚”" in [b.text for b in page.blocks]


@pytest.mark.parametrize("text", [SPLIT, BODY + SPLIT], ids=["alone", "after-body"])
def test_split_runs_at_page_end_appear_once(text, texts):
    page = cleaner.clean(text)
    assert texts(page).count("乡村“村晚”") == 1, texts(page)


def test_split_runs_are_the_title():
    page = cleaner.clean(SPLIT + BODY)
    assert [a.title.text for a in page.articles if a.title] == ["乡村“村晚”"]


@pytest.mark.parametrize("text", [
    "乡村振兴\n乡村振兴迎来新机遇\n",
    "看看\n看看\n",
    "天天\n天天向上\n",
])
def test_split_lines_need_most_of_the_text_doubled(stages_until, text):
    page = stages_until(text, "dedouble")
    assert [c for c in page.changes if c.stage == "dedouble"] == []


# --- evidence --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "大家高高兴兴地看看灯会，研究研究明年的计划。",
    "谢谢谢谢",
    "哈哈哈哈哈哈",
    "研究研究",
    "加油加油",
    "一天天",
])
def test_reduplication_is_not_doubling(stages_until, text):
    page = stages_until(text + "\n", "dedouble")
    assert [ln.text for ln in page.lines] == [text]


def test_disabled_rule_does_nothing():
    rules = cleaner.load_rules()
    from cleaner.model import replace

    off = cleaner.RuleSet(tuple(replace(r, enabled=False) if r.stage == "dedouble" else r
                                for r in rules.rules))
    page = cleaner.clean(BODY + "智能制造智能制造\n", rules=off)
    assert "智能制造智能制造" in [b.text for b in page.blocks]
    assert [c for c in page.changes if c.stage == "dedouble"] == []


def test_a_byline_line_is_no_part_of_the_doubled_headline_under_it(stages_until):
    # a byline split off its headline's line, then a doubled headline broken run by run
    text = ("让基础研究既让基础研究既““坐得住坐得住””又又““跑得远跑得远””  ■ 本报评论员\n雪域高原上雪域高原上\n"
            "的的““健康守门人健康守门人””\n——记西藏自治区尼玛县乡村医生次仁多吉\n")
    page = stages_until(text, "dedouble")
    byline = next(ln.index for ln in page.lines if ln.text == "■ 本报评论员")
    assert not any(byline in g for g in page.layout.heading_groups)


# --- a headline broken over lines, each line printed twice (PyMuPDF, pdfminer) ----------

def test_short_end_of_a_headline_printed_twice_goes_with_it():
    # the headline's short last line is drawn twice too: it is no prose 举行 / 举行
    text = ("第五届东亚粮食安全合作论坛在曼谷\n第五届东亚粮食安全合作论坛在曼谷\n举行\n举行\n"
            "与会代表呼吁加强区域粮食储备合作\n" + BODY)
    page = cleaner.clean(text)
    titles = [a.title.text.replace(" ", "") for a in page.articles if a.title]
    assert titles == ["第五届东亚粮食安全合作论坛在曼谷举行"]
    blocks = [b.text.replace(" ", "") for b in page.blocks]  # (one heading now: D004 groups the end with it)
    assert blocks.count("第五届东亚粮食安全合作论坛在曼谷举行") == 1 and "举行" not in blocks


@pytest.mark.parametrize("end,twice", [("教育\n教育\n", True), ("6.1%\n6.1%\n", True), ("案\n", False),
                                       ("案案\n", False), ("6.1%6.1%\n", False)])
def test_the_short_end_of_a_headline_printed_twice_joins_it(stages_until, end, twice):
    # a headline broken at its own measure, its lines printed twice (PyMuPDF, pdfminer): the
    # short end (printed twice, once, or its two copies on one line) is one heading group with it
    head = "让每个孩子都能享有公平而有质量的"
    page = stages_until(f"{head}\n{head}\n{end}本报评论员\n" + BODY, "dedouble")
    texts = [ln.text for ln in page.lines]
    tail = end.split("\n")[0]
    tail = tail[:len(tail) // 2] if not twice and len(tail) > 1 else tail
    assert texts[:3] == [head, tail, "本报评论员"]
    assert (0, 1) in page.layout.heading_groups
    assert all(c.rule == "D004" for c in page.changes if c.stage == "dedouble")


def test_the_short_end_joined_reads_as_one_title():
    head = "我国科学家培育出耐盐碱水稻新品种3"
    page = cleaner.clean(f"{head}\n{head}\n个\n" + BODY)
    assert [a.title.text for a in page.articles if a.title] == [head + "个"]


@pytest.mark.parametrize("end", ["新华社\n", "他说。\n", "记者，\n"])
def test_a_line_under_a_headline_printed_twice_that_is_no_short_end_stays_apart(stages_until, end):
    # three characters printed once, or a line with a sentence or clause mark: no headline's end
    head = "让每个孩子都能享有公平而有质量的"
    page = stages_until(f"{head}\n{head}\n{end}" + BODY, "dedouble")
    assert not page.layout.heading_groups


def test_a_short_line_printed_twice_alone_is_left_alone(stages_until):
    page = stages_until("加油\n加油\n", "dedouble")
    assert [ln.text for ln in page.lines] == ["加油", "加油"]


def test_coverage_bound_counts_characters_that_repeat():
    assert coverage_bound("智能制造智能制造") == 8
    assert coverage_bound("看看书") == 2
    assert coverage_bound("引导企业全方位改造") == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="智能制造“”加速跑 ab", max_size=30))
def test_coverage_bound_is_never_below_what_parse_doubling_covers(text):
    # (the gate in _doubling and doubled_split_lines skips the parse only where it would fail)
    assert parse_doubling(text)[0] <= coverage_bound(text)


# --- D006: a headline's lone last character on a line of its own ----------------------------

def test_a_headline_s_lone_last_character_is_one_heading_with_it(stages_until):
    head = "我国科学家培育出耐盐碱水稻新品种3"
    page = stages_until(f"{head}\n个\n" + BODY, "dedouble")
    assert (0, 1) in page.layout.heading_groups
    page = cleaner.clean(f"{head}\n个\n" + BODY)
    assert [a.title.text for a in page.articles if a.title] == [head + "个"]


@pytest.mark.parametrize("text", [
    "图为农技人员在盐碱地示范田查看水稻长势。新华社发\n摄\n",  # a caption closes its sentence first
    "文/羊城晚报全媒体记者 陶宏\n磊\n",                          # a byline broken inside a name
    "我国科学家培育出耐盐碱水稻新品种\n个。\n",                    # an end with a mark: prose
    "科学家培育出新品种\n个\n",                                    # shorter than a headline line
])
def test_a_lone_character_under_no_headline_line_stays_apart(stages_until, text):
    page = stages_until(text + BODY, "dedouble")
    assert not page.layout.heading_groups
