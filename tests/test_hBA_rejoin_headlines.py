"""Rejoin: headline lines set under a paragraph's last full line (issue #14)."""

from __future__ import annotations

#: an 11-em column; the paragraph's last sentence closes at the end of a full line
PARA = ["江川市工业和信息化局局", "长方振宇表示，下一步将", "继续实施智能化改造和数", "字化转型三年行动，让更", "多企业跑出一份好成绩。"]
#: the text of the next article, in the same column
NEXT = ["眼下正值夏收关键期，丰", "河县小麦陆续成熟。县农", "业农村局数据显示，全县", "已收获小麦过半。"]


def _blocks(stages_until, lines, **params):
    import dataclasses

    from cleaner.rules import RuleSet
    from cleaner.stages import rejoin

    page = stages_until("\n".join(lines) + "\n", "dedouble")
    rules = page.rules
    j001 = dataclasses.replace(rules["J001"], params={**rules["J001"].params, **params})
    page = page.evolve(rules=RuleSet(tuple(j001 if r.id == "J001" else r for r in rules.rules), rules.options))
    return [b.text for b in rejoin.run(page).blocks]


def test_an_all_han_line_wider_than_the_column_after_a_closed_sentence_is_a_headline(stages_until):
    # 12 ems of Han, no mark: one em wider than every plain line of the 11-em column; only
    # kinsoku widens a text line, by a mark, so this line is no line of the paragraph
    head = "抢抓晴好天气确保颗粒归仓"
    texts = _blocks(stages_until, PARA + [head] + NEXT)
    assert texts[0] == "".join(PARA)
    assert texts[1].startswith(head)
    # without the cue (headline_wider out of reach) the headline runs into the paragraph
    assert _blocks(stages_until, PARA + [head] + NEXT, headline_wider=99.0)[0].startswith("".join(PARA) + head)


def test_a_line_as_wide_as_the_column_after_a_closed_sentence_goes_on(stages_until):
    # 11 ems of Han after a full line closing a sentence: the next paragraph's first line...
    # or this one's next: as wide as the column, nothing says headline
    line = "抢抓晴好天气确保颗粒归"
    assert _blocks(stages_until, PARA + [line, "仓。"])[0] == "".join(PARA) + line + "仓。"


def test_a_wider_line_with_digits_is_not_read_as_a_headline(stages_until):
    # digits' widths are guessed: a line holding them is no sure measure
    line = "全县98万亩小麦机收过半了"
    assert _blocks(stages_until, PARA + [line, "吧。"])[0].endswith(line + "吧。")


def test_a_wider_line_ending_in_a_mark_is_not_read_as_a_headline(stages_until):
    # kinsoku hangs a closing mark past the column: an interview's next question (…影响？ /
    # 有关方面应如何应对？) is one em wider and still text
    line = "有关方面这次应如何应对？"
    assert _blocks(stages_until, PARA + [line])[0] == "".join(PARA) + line



def test_a_line_opening_with_the_particle_de_leans_to_joining(stages_until):
    # 的 only follows a word: a line that opens with it opens no paragraph. A block's first line
    # without punctuation over a line that closes a sentence reads as a headline over it
    # (headline_above); where that line opens with 的, the two are one sentence
    lines = PARA[:4] + ["多企业跑出好成绩。", "都为城乡居民办好一件件", "的实事。"]
    assert _blocks(stages_until, lines)[-1] == "都为城乡居民办好一件件的实事。"
    off = _blocks(stages_until, lines, weights={**_weights(), "never_opens": 0.0})
    assert off[-2:] == ["都为城乡居民办好一件件", "的实事。"]
    # 的确 opens a sentence: no cue
    assert _blocks(stages_until, lines[:-1] + ["的确好。"])[-2:] == ["都为城乡居民办好一件件", "的确好。"]


def _weights():
    from cleaner.rules import default_rules

    return dict(default_rules()["J001"].params["weights"])
