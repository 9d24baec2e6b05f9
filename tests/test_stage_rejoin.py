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


def test_a_headline_stack_over_a_byline_is_not_a_paragraph(stages_until, wrap):
    # a subtitle (7 ems) over the next article's title (10 ems) reads like a first line that
    # lost its indent; but no line of the run has any punctuation, and a byline ends it
    heads = ["张家口做强后奥运经济", "赋能高质量发展", "各地有序推进秋粮生产", "筑牢丰收基础", "◎本报记者 汪帅伟"]
    body = "各地抢抓有利时机，有序推进秋粮生产，进一步落实增产措施，确保颗粒归仓。"
    page = stages_until("\n".join(heads + wrap(body)) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "赋能高质量发展" in texts and "各地有序推进秋粮生产" in texts
