"""J001 weights.caption_below: a picture's caption (图为…) set where it cut a paragraph.

A line of prose cut at a comma, then a caption's first line: the caption is not that
paragraph's next line (the break stays), its own lines stay together (headline_above spares
a caption's first line, which has no mark before its sentence closes), and a credit broken
over two lines under it (…。 视觉中国供 / 图（资料图片）) is one credit. The weight is 0 in
rules/rejoin.toml (see the comment there); these tests turn it on.
"""

from cleaner import clean
from cleaner.rules import load_rules
from cleaner.train import Weight, with_weight

HEAD = ("　　山东省图书馆馆藏古籍\n约六十万册，其中善本七万\n余册，修复工作十分繁重，\n"
        "古籍修复有拆书、去污、\n")
TAIL = "配纸、补洞、压平、折页、\n装订等十几道工序，每一道\n都有讲究。\n"


def _joins(text: str, weight: float) -> dict[int, str]:
    rules = with_weight(load_rules(), Weight("J001", "weights", "caption_below"), weight)
    page = clean(text, name="t.txt", rules=rules)
    out = {}
    for c in page.changes:
        if c.rule == "J001" and c.action == "join":
            out[int(c.reason.split()[2])] = c.reason
    return out


def test_prose_cut_at_a_comma_is_not_joined_to_the_caption_under_it():
    text = HEAD + "图为修复师在为古籍配\n补书页。\n" + TAIL
    assert 4 in _joins(text, 0.0)  # (the glue this cue removes)
    on = _joins(text, 3.0)
    assert 4 not in on
    assert 5 in on  # the caption's own two lines stay one (no headline_above on 图为…)


def test_a_credit_broken_under_a_caption_stays_one():
    text = HEAD + "图为修复师在为古籍配\n补书页。 视觉中国供\n图（资料图片）\n" + TAIL
    on = _joins(text, 3.0)
    assert 4 not in on and 5 in on
    assert "credit that goes on" in on[6]
    assert 6 not in _joins(text, 0.0) or "credit that goes on" not in _joins(text, 0.0)[6]


def test_a_credit_broken_under_a_caption_joins_it_and_ends_there():
    text = HEAD + "图为货车司机在服务区\n“司机之家”休息。\n齐鲁晚报·齐鲁壹点记\n者 何倩 摄影报道\n" + TAIL
    on = _joins(text, 3.0)
    assert "photo credit on the next line" in on[6] and 7 in on
    assert 8 not in on  # the credit ends the caption: the text under it is no part of it
