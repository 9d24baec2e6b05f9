"""Bare photo captions (cleaner/stages/captions.py, rule L003's ``bare_*`` parameters): a caption
with no 图为 and no credit, set as a line of its own between paragraphs or read into a
paragraph's lines, goes to the article's captions; a short body sentence that is tied to the
text around it stays in the body."""

from __future__ import annotations

import cleaner
from cleaner.model import replace
from cleaner.rules import default_rules
from cleaner.stages.captions import CUES, candidate_runs, score

HEAD = "北京启动高品质科技园区建设\n\n"
LEAD = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园"
        "等科技园区的10个项目，项目涉及医药健康等7个产业领域，首批项目已全部开工。")
#: a lead whose last line fills the column: the rejoin stage joins the line after it on
FULL = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园"
        "等科技园区的10个项目，项目涉及医药健康等7个产业领域。")
NEXT = ("园区负责人介绍，今年以来园区新引进企业四十余家，研发投入同比增长两成，一批创新成果在这里"
        "走出实验室，走向生产线，园区正在成为区域创新的重要引擎。")


def page_with(wrap, lead: str, line: str) -> str:
    return HEAD + "\n".join(wrap(lead) + [line] + wrap(NEXT)) + "\n"


def captions_and_body(text: str):
    page = cleaner.clean(text)
    return ([c.text for a in page.articles for c in a.captions],
            [b.text for a in page.articles for b in a.body], page)


def test_a_scene_between_paragraphs_is_a_caption(wrap):
    caps, body, _ = captions_and_body(page_with(wrap, LEAD, "工作人员在园区实验室内调试设备。"))
    assert caps == ["工作人员在园区实验室内调试设备。"]
    assert body == [LEAD, NEXT]


def test_a_dated_caption_read_onto_a_paragraph_is_split_off(wrap):
    caps, body, page = captions_and_body(page_with(wrap, FULL, "11月8日，一批新能源汽车在码头等待装船。"))
    assert caps == ["11月8日，一批新能源汽车在码头等待装船。"]
    assert body == [FULL, NEXT]
    split = [c for c in page.changes if c.rule == "L003" and c.action == "split"]
    assert split and "date_open" in str(split[0].reason)


def test_a_sentence_tied_to_the_text_stays_in_the_body(wrap):
    # (也 ties it to what was said before it: a caption stands alone)
    caps, body, _ = captions_and_body(page_with(wrap, LEAD, "园区的变化也在继续。"))
    assert caps == []
    assert "园区的变化也在继续。" in body


def test_a_quoted_or_counting_sentence_stays_in_the_body(wrap):
    for line in ("“这里的变化太大了。”他说。", "园区去年产值增长了百分之十二。"):
        caps, body, _ = captions_and_body(page_with(wrap, FULL, line))
        assert caps == [], line


def test_cues_of_a_run(stages_until, wrap):
    # (the blocks as the rejoin stage leaves them, read as paragraphs)
    rules = default_rules()
    page = stages_until(page_with(wrap, LEAD, "11月8日，工作人员（右）在园区实验室内调试设备。"), "rejoin")
    blocks = [replace(b, kind="paragraph") for b in page.blocks]
    runs = [r for r in candidate_runs(page, blocks, rules["L003"], rules)
            if r.sentence.startswith("11月8日")]
    assert runs
    cues = dict(zip(CUES, runs[0].cues))
    assert cues["date_open"] == cues["position_mark"] == cues["scene"] == 1.0
    assert cues["said"] == cues["numbers"] == cues["linked"] == 0.0
    assert score(rules["L003"].params["bare_weights"], runs[0].cues) >= rules["L003"].params["bare_threshold"]


def test_a_credited_caption_cut_over_two_lines_is_read_whole(wrap):
    # (the credit's line opens with the end of the caption's sentence, ``压。``: too short to be
    # a caption of its own, so the sentence began on the line above, which reads as text)
    text = page_with(wrap, LEAD, "次仁多吉（右）在牧民家中为老人测量血\n压。 新华社发（薛慧远摄）")
    caps, body, _ = captions_and_body(text)
    assert caps == ["次仁多吉（右）在牧民家中为老人测量血压。 新华社发（薛慧远摄）"]
    assert body == [LEAD, NEXT]


def test_a_title_above_a_whole_credited_caption_stays_a_title(wrap):
    # (the credit's line holds a sentence of its own: the heading above it is not its start)
    text = HEAD + "\n".join(wrap(FULL) + ["", "家门口的幸福食堂", "老人们在社区食堂就餐。 本报记者 黄斌 摄", ""]
                            + wrap("本报讯（记者 王明）" + NEXT)) + "\n"
    page = cleaner.clean(text)
    assert [c.text for a in page.articles for c in a.captions] == ["老人们在社区食堂就餐。 本报记者 黄斌 摄"]
    assert "家门口的幸福食堂" in [a.title.text for a in page.articles if a.title]


def test_a_threshold_leaves_out_only_runs_below_it(stages_until, wrap):
    # (candidate_runs with ``least``: the runs that cannot reach it are left out unmeasured;
    # every run that scores it is still there, with the same cues)
    rules = default_rules()
    p = rules["L003"].params
    text = page_with(wrap, LEAD, "11月8日，工作人员（右）在园区实验室内调试设备。") + "\n".join(wrap(NEXT + FULL)) + "\n"
    page = stages_until(text, "rejoin")
    blocks = [replace(b, kind="paragraph") for b in page.blocks]
    every = candidate_runs(page, blocks, rules["L003"], rules)
    some = candidate_runs(page, blocks, rules["L003"], rules, p["bare_threshold"])
    reaching = [r for r in every if score(p["bare_weights"], r.cues) >= p["bare_threshold"]]
    assert reaching and len(some) < len(every)
    assert [r for r in some if score(p["bare_weights"], r.cues) >= p["bare_threshold"]] == reaching
    assert set(some) <= set(every)
    # (a threshold nothing reaches, and one every run reaches)
    assert candidate_runs(page, blocks, rules["L003"], rules, 1.0) == []
    assert candidate_runs(page, blocks, rules["L003"], rules, 0.0) == every


def _run_ending_at(stages_until, text: str, line_text: str, rest: str):
    """The page of ``text`` after the label stage, its blocks, and a run whose last line is the
    line ``line_text`` and whose text after its sentence is ``rest``."""
    from cleaner.stages.captions import Run
    page = stages_until(text, "label")
    blocks = list(page.blocks)
    for k, b in enumerate(blocks):
        for m, x in enumerate(b.lines):
            if page.lines[x].text.strip() == line_text:
                return page, blocks, Run(k, 0, k, m + 1, "", rest, ())
    raise AssertionError(line_text)


def test_a_credit_naming_a_role_or_set_apart_by_a_blank_is_a_strong_one(stages_until, wrap):
    from cleaner.stages.captions import _strong_credit
    p = default_rules()["L003"].params
    for last, rest, strong in (("场。新京报记者 邱力娜 摄", "新京报记者邱力娜摄", True),
                               ("场。邱力娜 摄", "邱力娜摄", True),
                               ("场。  吕秀东 黎晨 摄", "吕秀东黎晨摄", True),
                               ("场。视觉中国供图", "视觉中国供图", True),
                               ("场。室内温度保持在零下20摄", "室内温度保持在零下20摄", False),
                               ("场。他拿起相机拍摄", "他拿起相机拍摄", False)):
        text = HEAD + "\n".join(wrap(LEAD) + ["工作人员乘船前往海上风电", last] + wrap(NEXT)) + "\n"
        page, blocks, run = _run_ending_at(stages_until, text, last, rest)
        assert _strong_credit(page, blocks, p, run) is strong, last


def test_a_strongly_credited_run_is_a_caption_below_the_bare_threshold():
    # the lower threshold is a parameter of its own, below bare_threshold
    p = default_rules()["L003"].params
    assert 0 < p["bare_credited_threshold"] < p["bare_threshold"]
