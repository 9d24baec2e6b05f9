"""A001's glued tail (cleaner/stages/assemble/heal.py, ``_reclaim_glued_tail``; rules/assemble.toml
``glued_seam``): an article cut mid-word (…空头支), the next article's block cut mid-sentence,
then the first article's rest (票”；…), which the line-joining stage glues to the next
article's cut paragraph. The rest goes back to the first article: 空头支 / 票 reads on as a
word, the other article's line before it (…感受文 / 票) does not. (The other article's paragraph is
left cut, …感受文: its rest is elsewhere, as a column cut leaves it.)"""

from __future__ import annotations


import cleaner

A1 = ("打扫庭院卫生可积1分，参加志愿服务可积2分，调解邻里纠纷可积3分。近年来，不少地方在农村推行积分制管理，"
      "把村民的日常行为量化为积分，积分可兑换生活用品。")
A2 = ("也要看到，积分制在推行中还存在一些问题。有的地方积分项目设置过多，有的地方重记分轻兑现，积分成了“空头支票”；"
      "还有的地方把积分变成了考核村干部的指标，村民参与的热情因此受挫。")
B1 = "本报讯（记者王海）今年以来，“博物馆热”持续升温。临洛市博物馆全年接待观众突破260万人次，创历史新高，其中35岁以下观众占比超过六成。"
B2 = "馆长孟庆华介绍，馆里对馆藏5000余件珍贵文物进行了三维扫描，观众戴上眼镜，就可以“走进”千年前的古城，感受文物背后的故事。"
B3 = "孟庆华说，下一步，博物馆将继续推出夜场开放、研学课程等服务，让更多年轻人走进博物馆，爱上传统文化。"


def _page(wrap, tmp_path=None, params: str = ""):
    a2, b2 = wrap(A2), wrap(B2)
    cut = next(i for i, x in enumerate(a2) if x.endswith("支")) + 1
    bcut = next(i for i, x in enumerate(b2) if x.endswith("感受文")) + 1
    lines = (["积分制撬动乡村治理"] + wrap(A1) + a2[:cut] + ["让文物“活”起来"] + wrap(B1) + b2[:bcut]
             + a2[cut:] + wrap(B3))
    rules = None
    if params:
        (tmp_path / "assemble.toml").write_text(
            f'stage = "assemble"\n[[rule]]\nid = "A001"\nparams = {{ {params} }}\n', encoding="utf-8")
        rules = cleaner.load_rules(str(tmp_path))
    return cleaner.clean("\n".join(lines) + "\n", rules=rules)


def test_a_rest_glued_to_the_next_articles_cut_paragraph_goes_back(wrap, need_jieba):
    page = _page(wrap)
    a, b = page.articles
    assert a.title.text == "积分制撬动乡村治理"
    assert a.body[-1].text == A2
    assert not any("空头支" in x.text or "考核村干部" in x.text for x in b.body)
    assert any(c.rule == "A001" and c.action == "heal" and "glued" in c.reason for c in page.changes)


def test_off_the_rest_stays_glued(wrap, tmp_path, need_jieba):
    """The same page with ``glued_seam`` 0: the rest stays in the other article's paragraph (what
    the test above needs the step for)."""
    a, b = _page(wrap, tmp_path, "glued_seam = 0.0").articles
    assert a.body[-1].text != A2
    assert any("考核村干部" in x.text for x in b.body)


def test_no_rest_on_the_page_nothing_moves(wrap, need_jieba):
    """The cut article's rest is not on the page (continued on another): the next article's
    lines read on from their own lines before them, not from the cut (…空头支 / 件珍贵…), and
    nothing moves (a near miss: the step asks the seam to read on as a word)."""
    a2, b2 = wrap(A2), wrap(B2)
    cut = next(i for i, x in enumerate(a2) if x.endswith("支")) + 1
    lines = ["积分制撬动乡村治理"] + wrap(A1) + a2[:cut] + ["让文物“活”起来"] + wrap(B1) + b2 + wrap(B3)
    page = cleaner.clean("\n".join(lines) + "\n")
    assert not any(c.rule == "A001" and "glued" in c.reason for c in page.changes)
    assert page.articles[0].body[-1].text.endswith("空头支")
