"""Stage spacing: blanks extraction put into Chinese text go, the real ones stay.

Body text (paragraphs, pull quotes, datelines) has no blank next to a Chinese character:
``2022 年`` → ``2022年``, ``科技日报讯 （记者俞慧友）`` → ``科技日报讯（记者俞慧友）``, letter-spaced
numbers close up (``1 5 . 2 %`` → ``15.2%``). Headings keep the blank between phrases
(``优化配置 加强服务保障``), bylines between names (``本报记者 郑一鸣 通讯员 许丹``), captions
before the photo credit (``图为……。 本报记者李明摄``); there only runs of blanks become one.
Blanks between Latin words stay everywhere.
"""

from __future__ import annotations

import pytest

import cleaner

BODY = ("近日，北京市科委、中关村管委会投入首批支持高品质\n"
        "科技园区建设资金，支持中关村生命科学园等科技园区的\n"
        "10个项目，项目涉及医药健康等7个产业领域。\n")
BODY_TEXT = BODY.replace("\n", "")


def body_texts(page) -> list[str]:
    return [b.text for a in page.articles for b in a.body]


def spacing_changes(page):
    return [c for c in page.changes if c.stage == "spacing"]


# --- body text ----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("2022 年，全区完成投资 10948.72 万元。", "2022年，全区完成投资10948.72万元。"),
    ("评价对象包括国家高新区 8家，以及省级高新区 38家。", "评价对象包括国家高新区8家，以及省级高新区38家。"),
    ("他说，这 是 一 个 好 办法。", "他说，这是一个好办法。"),
    ("支持 5G 网络建设和 AI 应用。", "支持5G网络建设和AI应用。"),
    ("《湖南省高新区创新发展绩效评价研究报告 2022》发布。", "《湖南省高新区创新发展绩效评价研究报告2022》发布。"),
    ("据统计，\u3000全市共有企业3000家。", "据统计，全市共有企业3000家。"),
    ("同比增长 1 5 . 2 %，高于预期。", "同比增长15.2%，高于预期。"),
])
def test_body_blanks_removed(raw, clean):
    page = cleaner.clean(BODY + raw + "\n")
    assert clean in body_texts(page), body_texts(page)
    assert all(c.action == "delete" and c.before.strip() == "" for c in spacing_changes(page))


def test_dateline_blank_removed_and_dateline_kept_at_start():
    page = cleaner.clean("科技日报讯 （记者俞慧友）近日，《湖南省高新区创新发展绩效评价\n"
                         "研究报告 2022》（以下简称《评价报告》）在衡阳高新区发布，评价对象包\n"
                         "括湖南省内的国家高新区 8家，以及省级高新区 38家。\n")
    (a,) = page.articles
    assert a.body[0].text == ("科技日报讯（记者俞慧友）近日，《湖南省高新区创新发展绩效评价研究报告2022》"
                              "（以下简称《评价报告》）在衡阳高新区发布，评价对象包括湖南省内的国家高新区8家，"
                              "以及省级高新区38家。")
    assert a.dateline == "科技日报讯（记者俞慧友）"


def test_letter_spaced_number_right_after_han():
    page = cleaner.clean(BODY + "全年增长了1 5 . 2 %。\n")
    assert "全年增长了15.2%。" in body_texts(page)


@pytest.mark.parametrize("text", [
    "他在会上用英语说We are open to the world并表示欢迎。",
    "报告题为Artificial Intelligence Index Report，由斯坦福大学发布。",
    "In 2023 the 5 top firms grew，增速明显。",
])
def test_blanks_between_latin_words_stay(text):
    page = cleaner.clean(BODY + text + "\n")
    assert text in body_texts(page), body_texts(page)
    assert spacing_changes(page) == []


def test_blank_between_han_and_latin_removed_latin_kept():
    page = cleaner.clean(BODY + "他在会上用英语说 We are open to the world 并表示欢迎。\n")
    assert "他在会上用英语说We are open to the world并表示欢迎。" in body_texts(page)


def test_english_sentence_keeps_its_blanks(texts):
    text = "The Belt and Road Initiative was launched in 2013."
    page = cleaner.clean(BODY + text + "\n")
    assert text in texts(page)


def test_clean_body_is_untouched():
    page = cleaner.clean(BODY)
    assert body_texts(page) == [BODY_TEXT]
    assert spacing_changes(page) == []


# --- headings, bylines, captions ------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("优化配置 加强服务保障", "优化配置 加强服务保障"),
    ("优化配置   加强服务保障", "优化配置 加强服务保障"),
    ("优化配置\u3000加强服务保障", "优化配置 加强服务保障"),
    ("河北：奋发进取 加快建设经济强省美丽河北", "河北：奋发进取 加快建设经济强省美丽河北"),
])
def test_heading_blank_kept_runs_shrink(raw, clean):
    page = cleaner.clean(BODY + raw + "\n")
    assert [a.title.text for a in page.articles if a.title] == [clean]


@pytest.mark.parametrize("raw, clean", [
    ("本报记者 郑一鸣 通讯员 许丹", "本报记者 郑一鸣 通讯员 许丹"),
    ("本报记者  郑一鸣  通讯员  许丹", "本报记者 郑一鸣 通讯员 许丹"),
    ("◎本报记者 白瑶 马婷", "本报记者 白瑶 马婷"),
])
def test_byline_blanks_kept(raw, clean):
    page = cleaner.clean(BODY + raw + "\n北京启动高品质科技园区建设\n")
    assert [a.byline.text for a in page.articles if a.byline] == [clean]


@pytest.mark.parametrize("raw", [
    "图为采购商在广交会展馆内洽谈。  本报记者李明摄",
    "图为采购商在广交会展馆内洽谈。\t本报记者李明摄",
    "图为采购商在广交会展馆内洽谈。 本报记者李明摄",
])
def test_caption_keeps_one_blank_before_its_credit(raw):
    page = cleaner.clean(BODY + raw + "\n")
    captions = [c.text for a in page.articles for c in a.captions]
    assert captions == ["图为采购商在广交会展馆内洽谈。 本报记者李明摄"]


def test_spacing_changes_are_deletions_or_one_blank():
    page = cleaner.clean(BODY + "2022 年，全区完成投资 10948.72 万元。\n"
                         "图为采购商在广交会展馆内洽谈。  本报记者李明摄\n"
                         "优化配置   加强服务保障\n")
    for c in spacing_changes(page):
        assert c.before.strip() == "" and c.after in ("", " ")
        assert c.edits and all(page.source[e.start:e.end].strip() == "" for e in c.edits)
