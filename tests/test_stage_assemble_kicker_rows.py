"""A kicker read as the title where no fake bold tells them apart (A003 ``kicker_gap_rows``):
on extracted text of a typeset page set in columns, its headlines not drawn twice, a plain
heading a blank row above another is that one's kicker (the extractor left room for the
title's larger type); a plain heading on the very next row is its subtitle. On a page that shows
bold, or sets a blank line after every line, the blank row says nothing."""

from __future__ import annotations

import cleaner
from cleaner.stages.assemble.headline_pair import kicker_set_apart

_PARAMS = {"kicker_gap_rows": 2, "kicker_open_ends": "：，、:,·・"}

_LEAD = ("本报讯 今年以来，全县人民法庭把巡回审判点设到村头院落，法官带着卷宗进村入户，"
         "就地立案、就地开庭、就地调解，一批邻里纠纷在家门口得到化解。")
_MORE = ("县法院负责人介绍，人民法庭还与村委会共建调解工作室，聘请乡贤担任特邀调解员，"
         "让群众少跑腿、纠纷早化解，今年已就地化解各类矛盾纠纷三百余件。")


def _page(kit, gap: bool, form_feed: bool = True) -> str:
    """A column's text, then a plain heading over another (``gap``: a blank row between them)
    over their article's text, all cut to a 16-character column; ended with a form feed, as
    poppler and pdfminer end a page (``form_feed``)."""
    upper, lower = "人民法庭服务乡村振兴", "把法庭“搬”到乡亲家门口"
    lines = ["上期回顾", ""] + kit.cut_lines("前文说到，乡村治理的关键在于把工作做到群众心坎上。", 16) + [""]
    lines += [upper] + ([""] if gap else []) + [lower]
    lines += ["  " + c if i == 0 else c for i, c in enumerate(kit.cut_lines(_LEAD, 16))]
    lines += ["  " + c if i == 0 else c for i, c in enumerate(kit.cut_lines(_MORE, 16))]
    return "\n".join(lines) + ("\n\f" if form_feed else "\n")


def _headline(text: str):
    page = cleaner.clean(text, name="kicker_rows.txt")
    art = next(a for a in page.articles if a.title is not None and "法庭" in a.title.text)
    return (art.kicker.text if art.kicker else None, art.title.text, art.subtitle.text if art.subtitle else None)


def test_a_blank_row_between_two_plain_headings_makes_the_upper_a_kicker():
    assert kicker_set_apart(2, True, "人民法庭服务乡村振兴", _PARAMS)
    assert kicker_set_apart(4, True, "开放通道联通世界", _PARAMS)


def test_the_next_row_an_open_mark_a_bold_page_or_the_cue_off_leave_it():
    assert not kicker_set_apart(1, True, "青宁城际铁路正式开通运营", _PARAMS)  # a subtitle follows on
    assert not kicker_set_apart(2, False, "人民法庭服务乡村振兴", _PARAMS)  # not set by rows
    assert not kicker_set_apart(2, True, "冒充客服实施“退", _PARAMS)  # a mark left open: one heading
    assert not kicker_set_apart(2, True, "走基层·", _PARAMS)  # joins on
    assert not kicker_set_apart(2, True, "人民法庭服务乡村振兴", {**_PARAMS, "kicker_gap_rows": 0})  # off


def test_on_a_page_the_blank_row_decides_kicker_or_subtitle(kit):
    assert _headline(_page(kit, gap=True)) == ("人民法庭服务乡村振兴", "把法庭“搬”到乡亲家门口", None)
    assert _headline(_page(kit, gap=False)) == (None, "人民法庭服务乡村振兴", "把法庭“搬”到乡亲家门口")


def test_on_plain_text_a_blank_row_is_only_a_separator(kit):
    """Text that is no PDF extractor's (no form feed, no --extractor): a title stands a blank
    line over its subtitle as often as a kicker over its title, so the rows decide nothing."""
    assert _headline(_page(kit, gap=True, form_feed=False)) == (None, "人民法庭服务乡村振兴", "把法庭“搬”到乡亲家门口")
