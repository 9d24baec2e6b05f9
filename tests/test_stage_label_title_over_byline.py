"""L006: on a page already clean (one paragraph a line), a one-line paragraph right over a byline
or over a paragraph opening with a dateline is its article's title, commas and all
(label._titles_over_bylines); on a page set in columns such a line is a paragraph's piece."""

from __future__ import annotations

import pytest

from cleaner import clean, load_rules
from cleaner.stages import label

BODY = ("据介绍，郧阳盆地是我国恐龙蛋化石最丰富的地区之一，目前已在当地发现恐龙蛋化石数千枚，"
        "研究团队利用碳、氧同位素分析和高精度地层年代测定，重建了当时的气候变化过程。")
TEXT = ("上传一份体检报告，几秒钟后，手机屏幕上就出现了逐项解读：哪些指标偏高、哪些需要复查，"
        "一目了然，不少市民说，这样的服务确实方便，省去了排队挂号再找医生解读的麻烦。")
MORE = ("在南城医院，一款AI预问诊系统已经上线半年，患者挂号后，系统会通过对话询问症状和病史，"
        "生成一份预问诊报告供医生参考，医院信息科负责人说，医生的问诊时间因此缩短了三分之一。")
TITLE = "大模型进医院：能看报告，不能替医生"

CLEAN_WITH_BYLINE = f"我国科学家揭示恐龙灭绝前的气候变化\n{BODY}\n{TITLE}\n记者戴红秀报道\n{TEXT}\n{MORE}\n"
CLEAN_WITH_DATELINE = f"我国科学家揭示恐龙灭绝前的气候变化\n{BODY}\n{TITLE}\n本报北京1月20日电 {TEXT}\n{MORE}\n"


def _kinds(text: str, rules=None) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in clean(text, rules=rules).blocks]


@pytest.mark.parametrize("page", [CLEAN_WITH_BYLINE, CLEAN_WITH_DATELINE])
def test_a_comma_title_over_its_article_start_is_a_heading(page):
    assert ("heading", TITLE) in _kinds(page)
    titles = [a.title.text for a in clean(page).articles if a.title is not None]
    assert TITLE in titles


def test_the_change_is_recorded_with_its_reason():
    page = clean(CLEAN_WITH_BYLINE)
    assert any(c.rule == "L006" and "over its byline" in str(c.reason) for c in page.changes)


@pytest.mark.parametrize("page", [CLEAN_WITH_BYLINE, CLEAN_WITH_DATELINE])
def test_without_the_step_it_reads_as_text(monkeypatch, page):
    monkeypatch.setattr(label, "_titles_over_bylines", lambda page, blocks, *a: blocks)
    assert ("paragraph", TITLE) in _kinds(page)


def test_the_dateline_half_can_be_turned_off(tmp_path):
    (tmp_path / "label.toml").write_text('stage = "label"\n[[rule]]\nid = "L006"\nparams = { over_dateline = false }\n',
                                         encoding="utf-8")
    rules = load_rules(str(tmp_path))
    assert ("paragraph", TITLE) in _kinds(CLEAN_WITH_DATELINE, rules)
    assert ("heading", TITLE) in _kinds(CLEAN_WITH_BYLINE, rules)


def test_a_sentence_over_a_byline_stays_text():
    page = CLEAN_WITH_BYLINE.replace(TITLE, "大模型进医院以后，医生能不能放手？答案是否定的。")
    assert not any(k == "heading" and "大模型" in t for k, t in _kinds(page))


def test_a_column_line_cut_by_a_byline_stays_text():
    """On a page set in columns, the line over a byline is as often the piece of a paragraph a
    headline group cut (党的十八大以来，…综合经济实力稳步提 / ◎本报记者 X / 升…): not a title."""
    page = ("党的十八大以来，河北扎实推动高质量发展，产业\n结构持续优化，综合经济实力稳步提\n记者戴红秀报道\n"
            "升，产业结构持续优化，发展质量不断提高。\n上传一份体检报告，几秒钟后，\n"
            "手机屏幕上就出现了逐项解读。\n")
    got = clean(page)
    assert not any(c.rule == "L006" and "over its byline" in str(c.reason) for c in got.changes)
    assert not any(b.kind == "heading" and "稳步提" in b.text for b in got.blocks)
