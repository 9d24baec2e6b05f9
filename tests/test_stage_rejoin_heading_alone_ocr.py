"""J001 heading_alone: on OCR output a headline's line standing alone over a blank line, with
another headline's line under it, is a title over its subtitle, not a paragraph's first line
going on (issue #18: real Tesseract pages joined a title and its subtitle into one title)."""

from __future__ import annotations

import cleaner
from cleaner.rules import default_rules

# the top of an article as Tesseract reads it: a blank line after every block, and where a
# column's text ends inside a paragraph
BODY = ("图为科研人员在冰川上采集冰芯样品。\n\n"
        "记者从中国科学院某研究所获悉，该所研究团队在青藏高原多条冰川的冰芯样品中分离出一类此前未被描\n"
        "述的低温细菌，并完成了其全基因组测序。相关成果近日发表于国际学术期刊《微生物组》，为认识极端环境\n\n"
        "中的生命适应机制提供了新线索。\n\n"
        "2021年至2023年，科研人员先后12次进入海拔5000米以上的冰川区，钻取冰芯样品共计300余份。在零下\n"
        "20摄氏度的低温实验室中，他们历时两年多，从中培养出46株微生物，其中一个新属的细菌在4摄氏度条件下\n\n"
        "仍能保持较高的代谢活性。\n")


def _page(title: str, subtitle: str) -> str:
    return "本版责编: 汤友 夏军\n\n" + title + "\n\n" + subtitle + "\n\n" + BODY


def test_a_title_and_its_subtitle_across_a_blank_line_stay_apart_on_ocr_output():
    page = cleaner.clean(_page("我国科学家在青藏高原冰川中发现新型微生物", "为研究极端环境生命提供新线索"),
                         extractor="ocr")
    art = page.articles[0]
    assert art.title is not None and art.title.text == "我国科学家在青藏高原冰川中发现新型微生物"
    rules = default_rules()
    assert rules["J001"].params["weights"]["heading_alone"] == 0  # (not a cue of a text layer)
    assert rules.on_ocr()["J001"].params["weights"]["heading_alone"] > 0

