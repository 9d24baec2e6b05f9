"""Cleaning clean output changes nothing (black's stability check, for pages).

The cleaned page is written back as a clean text page, the way clean pages come in: per
article its title, subtitle and byline lines, then each block on a line of its own, a blank
line between articles. Cleaning that again must give the same titles, subtitles, bylines
and blocks, and must record no character edit (replace, delete, insert): whatever the first
pass repaired is not repaired twice, and nothing clean is "repaired".
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

EDIT_ACTIONS = {"replace", "delete", "insert"}


def clean_text(d: dict) -> str:
    """Page JSON written back as a clean text page."""
    parts = []
    for a in d["articles"]:
        lines = [a[k] for k in ("title", "subtitle", "byline") if a.get(k)]
        lines += [b["text"] for b in a["blocks"]]
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def shape(d: dict) -> list:
    return [(a["title"], a["subtitle"], a["byline"], [(b["kind"], b["text"]) for b in a["blocks"]])
            for a in d["articles"]]


def edits(page) -> list[tuple[str, str, str]]:
    return [(c.rule, c.before, c.after) for c in page.changes if c.action in EDIT_ACTIONS]


def two_passes(text: str):
    first = cleaner.page_dict(cleaner.clean(text))
    page = cleaner.clean(clean_text(first))
    return first, cleaner.page_dict(page), page


def _diff(a: list, b: list) -> str:
    import difflib

    def flat(s):
        return [repr(x)[:120] for art in s for x in (art[:3], *art[3])]
    return "\n".join(list(difflib.unified_diff(flat(a), flat(b), "first pass", "second pass",
                                               lineterm="", n=1))[:40])


# --- the sample page and the dev pages ---------------------------------------------------

_UNTITLED = ("the first pass leaves an article without a title; written back, its body follows a "
             "blank line with no heading and the second pass gives it the next article's title "
             "(minimal case: test_headline_after_a_blank_line_heads_what_follows)")
_OPEN = ("the first pass leaves a paragraph that ends mid-sentence; the second pass joins it to "
         "the next line")
_JOINED = ("the second pass joins two complete one-line paragraphs (minimal case: "
           "test_two_clean_paragraph_lines_stay_apart)")
_SUBHEAD = ("a subhead set on its own line inside an article opens a new article on the second "
            "pass (minimal case: test_subhead_inside_a_clean_article_stays_a_subhead)")
_OTHER = "headlines move between neighbouring articles on the second pass"

#: Pages whose structure is not yet stable, with the causes found when this list was made
#: (a snapshot of the heuristics of the day). Not strict: as they improve, pages start passing
#: and can be taken off the list.
UNSTABLE = {
    "kjrb-yuanqu-page": f"{_OPEN}; {_OTHER}",
    "d001_a86710b4": _OPEN,
    "d004_ebb7d447": f"{_UNTITLED}; {_OPEN}",
    "d005_dceffa5f": f"{_UNTITLED}; {_OPEN}; {_JOINED}",
    "d009_35319386": f"{_UNTITLED}; {_OPEN}",
    "d010_fae9f16c": _JOINED,
    "d011_d0f9183d": _JOINED,
    "d014_fadd9f50": f"{_UNTITLED}; {_OPEN}",
    "d016_07497315": _JOINED,
    "d017_a26e53b7": f"{_UNTITLED}; {_OPEN}",
    "d022_83125afa": f"{_UNTITLED}; {_JOINED}",
    "d023_a70300dd": _SUBHEAD,
    "d026_01c48c9e": f"{_OPEN}; {_JOINED}",
    "d027_651d1132": _JOINED,
    "d028_4421f9d9": _OPEN,
    "d029_7b231c4c": f"{_UNTITLED}; {_OPEN}",
    "d032_7bec1682": _OPEN,
    "d033_603ca6ae": f"{_UNTITLED}; {_JOINED}",
    "d036_7b3937e1": _OTHER,
    "d037_bf851be6": f"{_UNTITLED}; {_OPEN}",
    "d038_b34a2d7a": f"{_UNTITLED}; {_SUBHEAD}",
    "d039_beac944b": _UNTITLED,
}


def _check_no_edits(path):
    first, second, page = two_passes(path.read_text(encoding="utf-8"))
    assert edits(page) == [], "the second pass edited clean text"


def _check_structure(request, path):
    if path.stem in UNSTABLE:
        request.applymarker(pytest.mark.xfail(strict=False, reason=UNSTABLE[path.stem]))
    first, second, _ = two_passes(path.read_text(encoding="utf-8"))
    assert shape(first) == shape(second), _diff(shape(first), shape(second))


def test_sample_second_pass_edits_nothing(sample_page):
    _check_no_edits(sample_page)


def test_sample_second_pass_same_structure(request, sample_page):
    _check_structure(request, sample_page)


def test_dev_second_pass_edits_nothing(dev_page):
    _check_no_edits(dev_page)


def test_dev_second_pass_same_structure(request, dev_page):
    _check_structure(request, dev_page)


# --- minimal cases behind the unstable pages --------------------------------------------

P1 = "今年以来，全市新增就业岗位4000余个，城镇登记失业率控制在较低水平。"
P2 = "该项目总投资2000万元，预计明年6月建成投产，将带动周边群众就业。"
P3 = "下一步，当地将继续总结经验做法，推动各项措施落地见效。"


@pytest.mark.xfail(strict=True, reason=(
    "assemble A003: on a page whose blank lines separate articles, a headline after a blank "
    "line and before body text is attached as the title of the title-less article before the "
    "blank line; the following paragraphs become an article without a title"))
def test_headline_after_a_blank_line_heads_what_follows():
    page = cleaner.page_dict(cleaner.clean(f"{P1}\n\n北京启动高品质科技园区建设\n{P2}\n{P3}\n"))
    assert shape(page) == [(None, None, None, [("paragraph", P1)]),
                           ("北京启动高品质科技园区建设", None, None, [("paragraph", P2), ("paragraph", P3)])]


SUBHEAD_PAGE = [
    "易地扶贫搬迁 960多万人迎来新生活",
    "本报讯（记者张玉俊通讯员何晖晨）在彪炳史册的脱贫攻坚战中，我国共有9899万贫困人口摆脱了绝对贫困，"
    "其中，有960多万人是通过易地扶贫搬迁实现了脱贫。",
    "在我国西南边陲，每当夜幕降临，怒江峡谷里福贡县15个易地搬迁安置点热闹起来。"
    "很难想象，十年前，这里的夜晚还是一片寂静。",
    "借助卫星，我们对福贡县的多个贫困村进行了连续数年的观测，记录下了这里十年间的变化。",
    "走出大山的路",
    "通过航拍扫描技术生成的三维地图，我们看到8栋6层居民楼拔地而起；不远处，一座五人制足球场点燃了孩子们的运动热情。",
    "58岁的老罗农闲时当起了“快递大叔”。他过去的家在高黎贡山上，出门一个来回就要走整整一天。",
]


@pytest.mark.xfail(strict=True, reason=(
    "assemble A002: in a clean article (one paragraph a line, no blank line) a subhead after "
    "three paragraphs opens a new article with the subhead as its title; with two paragraphs "
    "before it, it stays a subhead. On a page whose blank lines separate articles, no blank "
    "line before a heading means it cannot open an article"))
def test_subhead_inside_a_clean_article_stays_a_subhead():
    page = cleaner.page_dict(cleaner.clean("\n".join(SUBHEAD_PAGE) + "\n"))
    (a,) = page["articles"]
    assert a["title"] == SUBHEAD_PAGE[0]
    assert [(b["kind"], b["text"]) for b in a["blocks"]] == \
        [("paragraph", t) for t in SUBHEAD_PAGE[1:4]] + [("subhead", SUBHEAD_PAGE[4])] + \
        [("paragraph", t) for t in SUBHEAD_PAGE[5:]]


CLEAN_A = ("本次太空授课活动继续采取天地互动方式进行。3名航天员将在轨展示介绍中国空间站梦天实验舱工作生活场景，"
           "展示球形火焰实验、奇妙乒乓球实验、动量守恒实验以及又见陀螺实验，并与地面课堂进行互动交流。")
CLEAN_B = ("空间站任务以来，神舟十三号、神舟十四号乘组先后3次面向广大青少年开展“天宫课堂”太空授课活动，"
           "神舟十六号航天员诚邀广大青少年在地面同步尝试开展相关实验，从天地实验差异中感知宇宙奥秘，体验探索乐趣。")


@pytest.mark.xfail(strict=True, reason=(
    "rejoin J001: two one-line paragraphs of 94.5 and 96.5 ems, both closing a sentence, are "
    "joined ('closes a sentence, but line 2 is one indent wider: a first line'); no column is "
    "94 ems wide, so a 2-em difference between such lines is no indent"))
def test_two_clean_paragraph_lines_stay_apart():
    page = cleaner.clean(CLEAN_A + "\n" + CLEAN_B + "\n")
    assert [b.text for a in page.articles for b in a.body] == [CLEAN_A, CLEAN_B]


@pytest.mark.xfail(strict=True, reason=(
    "rejoin J001: a title line followed by a one-sentence paragraph about two ems wider looks "
    "like an indented first line and its continuation, so the title is joined into the "
    "paragraph ('湖南省高新区绩效评价结果发布今年以来，…')"))
def test_title_then_one_short_paragraph():
    page = cleaner.page_dict(cleaner.clean("湖南省高新区绩效评价结果发布\n今年以来，全市新增就业岗位4000余个。\n"))
    assert shape(page) == [("湖南省高新区绩效评价结果发布", None, None,
                            [("paragraph", "今年以来，全市新增就业岗位4000余个。")])]


# --- property: generated clean pages ------------------------------------------------------

TITLES = ["北京启动高品质科技园区建设", "湖南省高新区绩效评价结果发布", "我国云计算持续增长",
          "第136届广交会开幕", "全国各地开展消费者权益保护活动", "乡村振兴迎来新机遇",
          "春耕备耕有序推进", "新能源汽车销量创新高", "科技创新赋能产业升级",
          "长江经济带生态保护修复成效显著", "城市更新让老街区焕发新活力", "冰雪运动持续升温",
          "优化配置 加强服务保障", "易地扶贫搬迁 960多万人迎来新生活"]
SENTENCES = [
    "今年以来，全市新增就业岗位4000余个。",
    "该项目总投资2000万元，预计明年建成投产。",
    "记者近日在当地采访时了解到，这项工作得到了干部群众的广泛支持。",
    "下一步，当地将继续总结经验做法，推动各项措施落地见效。",
    "孩子们高高兴兴地走进新教室，脸上写满了好奇。",
    "专家表示，这一技术的突破将有效降低生产成本。",
    "据介绍，园区已累计引进高新技术企业120家。",
    "村民们的日子越过越红火。",
    "截至目前，全省累计完成植树造林1100万亩。",
    "数据显示，上半年社会消费品零售总额同比增长8.2%。",
    "这件事要不要做、怎么做，大家再研究研究。",
    "“我们要把群众的事情实实在在地办好。”他说。",
    "本届广交会展览总面积达到155万平方米，超过3万家企业参展，参展企业数量再创新高。",
    "首期展览以“先进制造”为主题，设置了5个板块、19个展区，集中展示了电子家电、工业制造、汽车等领域的新品。",
]

paragraphs = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4, unique=True).map("".join)
articles = st.tuples(st.sampled_from(TITLES), st.lists(paragraphs, min_size=1, max_size=5, unique=True))
pages = st.lists(articles, min_size=1, max_size=4, unique_by=lambda a: a[0])


def render(arts) -> str:
    return "\n\n".join("\n".join([title, *paras]) for title, paras in arts) + "\n"


@settings(max_examples=100, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_second_pass_changes_nothing(arts):
    first, second, page = two_passes(render(arts))
    assert edits(page) == []
    assert shape(first) == shape(second), _diff(shape(first), shape(second))
