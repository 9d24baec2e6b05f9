"""Stage assemble, rule A010: a pull quote that copies the body sentence its frame cuts, read
into the body between the two halves of that sentence, comes out as a pull quote, and the
body is whole and printed once (hand-made pages)."""

from __future__ import annotations

import cleaner
from cleaner.stages.assemble.unsplice import seam_split

LEAD = "本报讯（记者王海）今年以来，本市外贸进出口总值稳步增长，新能源汽车、锂电池等产品出口表现亮眼。"
SAID = "海关有关负责人表示，将持续优化通关流程，推动跨境贸易便利化水平不断提升。"
MORE = "据介绍，前三季度本市出口新能源汽车四万余辆，同比增长近一倍，已销往全球五十多个国家和地区。"
TITLE = "本市外贸进出口稳中有进"


def cut_page(wrap, quote: str) -> str:
    """LEAD + SAID + MORE set in an 18-em column, with ``quote`` set 8 ems wide between the
    lines of SAID, right after its first line, which ends mid-word (…海关有关负责 / 人表示，…)."""
    body = wrap(LEAD + SAID + MORE)
    at = next(n for n, ln in enumerate(body) if "海关" in ln)
    return "\n".join(body[:at + 1] + wrap(quote, column=8, indent=0) + body[at + 1:]) + "\n" + TITLE + "\n"


def test_a_copy_read_into_the_cut_sentence_is_a_pull_quote(wrap):
    assert any(ln.endswith("海关有关负责") for ln in wrap(LEAD + SAID + MORE))  # (the page cuts 负责人)
    page = cleaner.clean(cut_page(wrap, SAID))
    (a,) = page.articles
    text = "".join(b.text for b in a.body)
    assert text.count("负责人表示") == 1 and SAID in text
    assert [q.text for q in a.pullquotes] == [SAID]
    assert any(c.rule == "A010" for c in page.changes)


def test_lines_that_copy_nothing_around_them_stay(wrap):
    """A narrow run that does not repeat the text around its seam is no copy: A010 leaves it."""
    page = cleaner.clean(cut_page(wrap, "图为海关关员在码头查验出口的新能源汽车。"))
    assert not any(c.rule == "A010" for c in page.changes)


def test_a_word_said_twice_across_a_line_break_is_no_copy():
    assert seam_split("大家都来看", "看看", "看热闹", 1) == 1  # (the seam reads so) ...
    # ... but a copy that short is no evidence: A010 asks for min_chars (8) characters
    page = cleaner.clean("本报讯（记者王海）周末的广场上，大家都来看\n看看\n看热闹，孩子们放起了风筝，老人们\n下着象棋。\n广场上的周末\n")
    assert not any(c.rule == "A010" for c in page.changes)


def test_seam_split_takes_the_copy_apart_at_the_cut():
    assert seam_split("……时间", "考古领队介绍，时间跨度约150年。", "跨度约150年。其中", 1) is None
    assert seam_split("考古领队介绍，时间", "考古领队介绍，时间跨度约150年。", "跨度约150年。其中", 1) == 9
