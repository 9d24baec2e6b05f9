"""The rejoin stage's per-line facts visit only the lines that hold a dateline's word: a
dateline on its own line, and one broken over two lines, still open their paragraphs."""

from __future__ import annotations

from cleaner.stages.rejoin import line_facts, paragraph_openers


def test_datelines_open_their_lines(stages_until):
    text = ("园区建设提速\n"
            "经济日报-中国经济网西安 2 月 23 日\n"
            "讯（记者 王明）近日，园区首批项目已全部开工，\n"
            "一批创新成果在这里走出实验室。\n"
            "本报讯（记者 李华）今年以来，园区新引进企业四十余家。\n"
            "研发投入同比增长两成。\n")
    page = stages_until(text, "dedouble")
    ends, opens = line_facts(page, paragraph_openers(page.rules))
    by_text = {ln.text.strip(): o for ln, o in zip(page.lines, opens)}
    assert by_text["经济日报-中国经济网西安 2 月 23 日"]  # (the dateline goes on on the next line)
    assert by_text["本报讯（记者 李华）今年以来，园区新引进企业四十余家。"]
    assert not by_text["园区建设提速"] and not by_text["研发投入同比增长两成。"]
    assert ends == [ln.text.rstrip().endswith("。") for ln in page.lines]
