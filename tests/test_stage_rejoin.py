"""Stage rejoin: a headline line cut into a paragraph is not taken for one of its lines."""

from __future__ import annotations

import cleaner

#: A paragraph of a 14-em column as the page set it: one line (…基础；) is an em wider because
#: kinsoku pulled its semicolon onto it. A headline block cut it after 加强在各国.
LINES = ["赵乐际表示，全国人大愿同", "尼联邦院加强各层级交往，夯实", "中尼友好合作的社会和民意基础；",
         "及时出台、批准有利于双边关系", "发展的法律文件，为各领域务实", "合作提供法律保障；加强在各国"]
HEADLINE = "赵乐际同尼泊尔联邦院主席举行会谈"  # 16 ems, no punctuation


def test_a_wider_line_without_punctuation_is_a_headline_not_a_line_of_the_column(stages_until):
    page = stages_until("\n".join(LINES + [HEADLINE, "议会联盟等多边机构的协调配合。"]) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert HEADLINE in texts
    assert texts[0] == "".join(LINES)


def test_a_line_of_the_column_without_punctuation_still_joins(stages_until):
    # 15 ems, one more than the column's plain lines: within tolerance, part of the paragraph
    line = "议会联盟等多边机构的协调配合做"
    assert cleaner.chars.width(line) == 15
    page = stages_until("\n".join(LINES + [line, "好。"]) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(LINES) + line + "好。"]
