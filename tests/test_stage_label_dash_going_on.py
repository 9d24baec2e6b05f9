"""L006: a dash subtitle broken after a clause mark goes on in the heading under it
(label._dash_subtitles_going_on)."""

from __future__ import annotations

from cleaner import clean
from cleaner.stages import label

#: a narrow column without blank lines, the headline set inside it (as on a synthesised page)
PAGE = """韦星河：先问问自己，你讲
的东西，你的家人能不能听懂？
科普不是炫耀知识，而是要
站在听众的角度想问题。另外要
有耐心，科普是“慢功夫”，需
要一点点积累。
“好的科普要让人听得懂、愿意听”
——访中国科普作家协会会员{mark}
{rest}
又是一年中秋时，月饼礼盒
再度摆上了货架。与往年相比，
今年市场上的月饼包装明显“
瘦”了：塑料内托少了，金属
盒少了，简约的纸盒多了。
"""


def _headings(text: str) -> list[str]:
    return [b.text for b in clean(text).blocks if b.kind == "heading"]


def test_a_dash_subtitle_broken_after_its_comma_is_joined():
    page = PAGE.format(mark="、", rest="天文科普达人韦星河")
    assert "——访中国科普作家协会会员、天文科普达人韦星河" in _headings(page)
    assert any(a.subtitle is not None and a.subtitle.text == "——访中国科普作家协会会员、天文科普达人韦星河"
               for a in clean(page).articles)


def test_without_the_step_the_two_lines_stay_apart(monkeypatch):
    monkeypatch.setattr(label, "_dash_subtitles_going_on", lambda page, blocks, *a: blocks)
    assert "——访中国科普作家协会会员、" in _headings(PAGE.format(mark="、", rest="天文科普达人韦星河"))


def test_a_whole_dash_subtitle_stays_apart_from_the_heading_under_it():
    # no mark at the end: a whole subtitle
    assert "——访中国科普作家协会会员" in _headings(PAGE.format(mark="", rest="天文科普达人韦星河"))
