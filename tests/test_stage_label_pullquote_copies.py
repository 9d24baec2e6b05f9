"""Two articles that share a paragraph word for word (two reports holding one boilerplate
sentence), set alike on a clean page: neither copy is a pull quote of the other where it stands
among its article's text (L007, :func:`cleaner.stages.pullquotes.apart._among_text`), while a
copy set apart as quotes are (page top, between blank lines) still is one."""

from __future__ import annotations

import cleaner

SHARED = "下一步，当地将继续总结经验做法，推动各项措施落地见效。"
P1 = "今年以来，全市新增就业岗位4000余个。"
P2 = "孩子们高高兴兴地走进新教室，脸上写满了好奇。"
P3 = "专家表示，这一技术的突破将有效降低生产成本。"
P4 = "据介绍，园区已累计引进高新技术企业120家。"


def _kinds(text: str) -> list[tuple[str, str]]:
    page = cleaner.clean(text)
    return [(b.kind, b.text) for a in page.articles for b in a.body] + \
        [("pullquote", q.text) for a in page.articles for q in a.pullquotes]


def test_shared_paragraph_among_text_is_no_quote():
    text = f"北京启动高品质科技园区建设\n{P1}\n{SHARED}\n{P2}\n\n湖南省高新区绩效评价结果发布\n{P3}\n{SHARED}\n{P4}\n"
    page = cleaner.page_dict(cleaner.clean(text))
    assert [[b["text"] for b in a["blocks"]] for a in page["articles"]] == [[P1, SHARED, P2], [P3, SHARED, P4]]
    assert not any(a["pullquotes"] for a in page["articles"])


def test_shared_paragraph_under_its_headline_is_no_quote():
    # (each article one paragraph, the two alike: the first copy stands right under its headline)
    got = _kinds(f"新能源汽车销量创新高\n{P1}\n\n科技创新赋能产业升级\n{P1}\n")
    assert [k for k, t in got if t == P1] == ["paragraph", "paragraph"]


def test_copy_at_the_page_top_is_still_a_quote():
    got = _kinds(f"{SHARED}\n\n科技创新赋能产业升级\n{P3}\n{SHARED}\n")
    assert sorted(k for k, t in got if t == SHARED) == ["paragraph", "pullquote"]


def test_copy_between_blank_lines_is_still_a_quote():
    got = _kinds(f"新能源汽车销量创新高\n{P3}\n\n{SHARED}\n\n科技创新赋能产业升级\n{P3}\n{SHARED}\n")
    assert sorted(k for k, t in got if t == SHARED) == ["paragraph", "pullquote"]


def test_a_copy_of_two_lines_among_text_is_still_a_quote():
    """An extractor that prints no blank lines (PyMuPDF) sets a pull quote's box right among
    the text: only one-line copies (a clean page's paragraphs) are weighed as shared text; a
    copy broken over lines as its source is stays a quote (the typeset pages' pull quotes)."""
    q = ["下一步，当地将继续总结经验做法，推动各", "项措施落地见效。"]
    body = ["今年以来，全市新增就业岗位4000余个，比去", "年同期增长百分之十二，就业形势总体稳定。",
            "专家表示，这一技术的突破将有效降低生产成", "本，园区已累计引进高新技术企业120家。"]
    page = cleaner.clean("\n".join(["科技创新赋能产业升级", *q, *body, *q]) + "\n")
    assert [x.text for a in page.articles for x in a.pullquotes] == ["".join(q)]
    assert [b.text for a in page.articles for b in a.body][-1] == "".join(q)
