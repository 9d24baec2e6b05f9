"""The conventions catalogue (``rules/conventions/*.toml``) and the cleaner held to it.

Every catalogued form is set on a small page where it belongs (a dateline opening the first
paragraph, a byline under the title, a credit after a caption's full stop, furniture above the
headline…) and must come out with its label: the article's dateline, byline, caption, kicker,
subtitle or a subhead, or ``dropped``. The verbatim example is tried, and renders of the form's
template (the forms the synthesiser prints), so a form holds with other places, dates and names
too. The catalogue itself is validated like any rule file.
"""

from __future__ import annotations

import random

import pytest

import cleaner
from cleaner.conventions import LABELS, load_conventions
from cleaner.errors import RuleError
from cleaner.reports.pagejson import page_dict
from cleaner.synth import forms

CAT = load_conventions()
TITLE = "老街区焕发新活力"
BODY = "近日，记者走进老城区，看到改造后的街巷干净整洁，居民们在新建的口袋公园里散步聊天。"
BODY2 = "据介绍，今年以来当地已完成老旧小区改造项目四十余个，惠及居民两万多户，群众满意度持续提升。"
CAPTION = "图为居民在新建的口袋公园里休闲。"
RENDERS = 3


def _s2t(text: str) -> str:
    from cleaner.synth.page import _to_traditional

    return _to_traditional(text)


def page_for(kind: str, text: str, traditional: bool, sep: str = "\n\n") -> str:
    """A small page with ``text`` where a form of ``kind`` is printed."""
    title, body, body2, caption = TITLE, BODY, BODY2, CAPTION
    if traditional:
        title, body, body2, caption = (_s2t(t) for t in (title, body, body2, caption))
    parts = {
        "dateline": [title, text + body, body2],
        "byline": [title, text, body, body2],
        "caption_credit": [title, body, body2, caption + text],
        "page_credit": [title, body, body2, text],
        "furniture": [text, title, body, body2],
        "jump": [title, body, body2, text],
        "kicker": [text, title, body, body2],
        "subtitle": [title, text, body, body2],
        "box_head": [title, body, text, body2],
        "note": [title, text, body, body2],
        "closing": [title, body, body2 + "\n" + text],
    }[kind]
    return sep.join(parts) + "\n"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def check(kind: str, printed: str, expect: str, traditional: bool) -> None:
    raw = page_for(kind, printed, traditional)
    got = page_dict(cleaner.clean(raw))
    arts = got["articles"]
    label = LABELS[kind]
    why = f"{printed!r} as {label}: page {raw!r} gave {got}"
    assert arts, why
    art = arts[0]
    if label == "dropped":
        assert expect in [d["text"] for d in got["dropped"]], why
        assert all(expect not in (a["title"], a["subtitle"], a.get("kicker")) for a in arts), why
        assert art["title"] == TITLE, why
    elif label == "dateline":
        assert art["dateline"] == expect, why
        assert art["blocks"][0]["text"].startswith(expect), why
        assert art["title"] == TITLE, why
    elif label == "byline":
        assert art["byline"] == expect, why
    elif label == "caption":
        assert any(_squeeze(c).endswith(_squeeze(expect)) for c in art["captions"]), why
    elif label == "kicker":
        assert art.get("kicker") == expect and art["title"] == TITLE, why
    elif label == "subtitle":
        assert art["subtitle"] == expect and art["title"] == TITLE, why
    elif label == "subhead":
        assert {"kind": "subhead", "text": expect} in art["blocks"], why
    elif label == "paragraph" and kind == "closing":  # it closes the item's last paragraph
        assert art["blocks"][-1]["text"].endswith(expect) and len(art["blocks"]) == 2, why
        assert art["title"] == TITLE, why
    elif label == "paragraph":
        assert any(b["kind"] == "paragraph" and expect in b["text"] for b in art["blocks"]), why
        assert art["title"] == TITLE, why
    else:  # pragma: no cover - LABELS and this test change together
        raise AssertionError(label)


#: forms the cleaner does not read yet: form id -> why (strict: a fix shows up as a failure)
KNOWN_MISSES = {
    "kicker.kjrb.square-tag": "a ■ tag as wide as the title under it, on a page with blank lines "
                              "everywhere, reads as the first line of a narrow column",
}


def _examples():
    return [pytest.param(f, id=f.id, marks=(pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[f.id]),)
                         if f.id in KNOWN_MISSES else ()) for f in CAT.forms]


@pytest.mark.parametrize("form", _examples())
def test_every_example_gets_its_label(form):
    check(form.kind, form.example, form.expect, form.script == "traditional")


@pytest.mark.parametrize("form", [f for f in CAT.forms if f.template], ids=lambda f: f.id)
def test_every_template_render_gets_its_label(form):
    rng = random.Random(form.id)
    for _ in range(RENDERS):
        raw, gold = forms.render(form, rng, spaced=rng.random() < 0.3)
        if form.kind == "caption_credit":
            gold = raw
        traditional = form.script == "traditional"
        check(form.kind, _s2t(raw) if traditional else raw, gold, traditional)


# ------------------------------------------------------------------ the catalogue itself

def test_the_catalogue_covers_the_trade():
    papers = set(CAT.papers)
    assert len(papers) >= 15, sorted(papers)
    assert {f.script for f in CAT.forms} == {"simplified", "traditional"}
    for kind in LABELS:
        assert CAT.of_kind(kind), f"no form of kind {kind}"
    for kind in ("dateline", "byline", "caption_credit", "page_credit", "furniture", "jump"):
        assert [f for f in CAT.of_kind(kind) if f.template], f"the synthesiser has no {kind} to draw"


def test_every_form_says_where_it_comes_from():
    for f in CAT.forms:
        assert f.source.strip() and f.example.strip(), f.id


@pytest.mark.parametrize("text, message", [
    ('[[form]]\nid = "x"\nkind = "dateline"\npaper = "p"\nsource = "s"\n', "missing key 'example'"),
    ('[[form]]\nid = "x"\nkind = "headline"\npaper = "p"\nsource = "s"\nexample = "e"\n', "unknown kind 'headline'"),
    ('[[form]]\nid = "x"\nkind = "byline"\npaper = "p"\nsource = "s"\nexample = "e"\ntemplate = "{who}"\n',
     "unknown slot {who}"),
    ('[[form]]\nid = "x"\nkind = "byline"\npaper = "p"\nsource = "s"\nexample = "e"\nexampel = "e"\n',
     "unknown key 'exampel'"),
    ('[[form]]\nid = "x"\nkind = "byline"\npaper = "p"\nsource = "s"\nexample = 3\n', "must be a string"),
    ('form = 3\n', "array of tables"),
    ('[[forms]]\nid = "x"\n', "unknown top-level key 'forms'"),
    ('[[form]]\nid = "x"\nkind = "byline"\npaper = "p"\nsource = "s"\nexample = "e"\nscript = "latin"\n',
     "'simplified' or 'traditional'"),
])
def test_a_bad_catalogue_is_one_clear_error(tmp_path, text, message):
    f = tmp_path / "bad.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message.replace("{", r"\{").replace("}", r"\}")):
        load_conventions(f)


def test_a_duplicate_form_id_is_refused(tmp_path):
    form = '[[form]]\nid = "x"\nkind = "byline"\npaper = "p"\nsource = "s"\nexample = "e"\n'
    (tmp_path / "a.toml").write_text(form, encoding="utf-8")
    (tmp_path / "b.toml").write_text(form, encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate id"):
        load_conventions(tmp_path)


def test_held_out_papers_leave_the_synthesiser_their_kinds():
    """A catalogue cut down to some papers draws only their forms where they have the kind, and
    the rest of the catalogue's where they do not (中国新闻网 prints datelines, no bylines)."""
    some = CAT.only_papers(["中国新闻网"])
    assert some.of_kind("dateline") and not some.of_kind("byline")
    rng = random.Random(1)
    for _ in range(20):
        assert forms.choose(some, "dateline", rng).paper == "中国新闻网"
        raw, gold, _ = forms.dateline(rng, some)
        assert raw.startswith("中新网") and gold
        assert forms.choose(some, "byline", rng).kind == "byline"


# ------------------------------------------------------------------ what is none of them

#: prose and headlines with the words of the forms: no dateline, byline, credit or furniture
NEAR_MISSES = [
    "据新华社报道，当地时间5日，会议在日内瓦举行。",
    "据本报讯，北京市科委近日投入首批资金。",
    "记者从新华社获悉，这项工作进展顺利。",
    "本报记者了解到，这项工作进展顺利。",
    "中央电视台记者 张三说，这里的变化很大。",
    "新华社北京3月5日电视台转播了开幕会。",
    "喜报讯息传来，村民们欢欣鼓舞。",
    "编辑部 收到了许多读者来信，大家纷纷点赞。",
    "第3版：刊登了读者来信，引起热烈反响。",
    "记者 节日里坚守岗位的人们让人感动不已，他们默默奉献。",
    "2024年7月28日，记者来到这里。",
    "人民日报2025年12月22日发表评论员文章，引起广泛关注。",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_prose_with_the_words_of_the_forms_stays_prose(text):
    raw = "\n\n".join([TITLE, BODY, text, BODY2]) + "\n"
    got = page_dict(cleaner.clean(raw))
    assert not got["dropped"], got
    assert len(got["articles"]) == 1, got
    art = got["articles"][0]
    assert art["title"] == TITLE and art["byline"] is None and art["dateline"] is None, got
    assert not art["captions"] and not art["pullquotes"], got
    assert text.replace(" ", "") in [b["text"].replace(" ", "") for b in art["blocks"]], got


def test_a_second_dateline_inside_a_round_up_starts_no_article():
    """A round-up of several reports: each report after the first opens with its own dateline
    under one headline; the page has one article."""
    raw = "\n\n".join([
        "各地多措并举稳就业", "新华社北京3月5日电（记者王浩）" + BODY, BODY2,
        "新华社广州3月5日电（记者李明）" + BODY2, "据介绍，当地还将举办专场招聘会二十余场，提供岗位三万多个。"]) + "\n"
    got = page_dict(cleaner.clean(raw))
    assert len(got["articles"]) == 1, got
    assert got["articles"][0]["dateline"] == "新华社北京3月5日电（记者王浩）"


# ------------------------------------------------------------------ the command line

def _run(argv, capsys):
    from cleaner.cli import main

    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def test_rules_verbose_lists_every_form_with_its_label_and_source(capsys):
    rc, out, err = _run(["rules", "-v"], capsys)
    assert rc == 0, err
    assert f"conventions: {len(CAT.forms)} forms of {len(CAT.papers)} papers" in out
    for f in CAT.forms:
        assert f.id in out and f"-> {f.label}" in out
    assert "source: https://" in out


def test_a_missing_catalogue_is_one_line_before_anything_is_printed(capsys, tmp_path):
    rc, out, err = _run(["rules", "--conventions", str(tmp_path / "nope")], capsys)
    assert rc == 2 and out == "" and err.count("\n") == 1 and "no such conventions" in err


def test_synth_draws_only_the_papers_asked_for(capsys, tmp_path):
    stories = sorted((__import__("pathlib").Path(__file__).parents[1] / "samples" / "articles").glob("pool-*.jsonl"))[:1]
    rc, out, err = _run(["synth", str(stories[0]), "-o", str(tmp_path / "p"), "--pages", "3", "--papers", "XX"], capsys)
    assert rc == 2 and "--papers: no forms of XX" in err
    rc, out, err = _run(["synth", str(stories[0]), "-o", str(tmp_path / "p"), "--pages", "3", "--papers", "科技日报"],
                        capsys)
    assert rc == 0, err
    import json

    datelines = {a["dateline"] for g in (tmp_path / "p").glob("*.gold.json")
                 for a in json.loads(g.read_text(encoding="utf-8"))["articles"] if a["dateline"]}
    assert datelines and all(d.startswith("科技日报") for d in datelines), datelines


def test_a_dateline_broken_over_three_lines_is_one_dateline():
    """The middle line of a bracket broken over lines looks like a byline (记者 X 通讯员 Y): it
    goes on inside the bracket, never stands alone."""
    raw = ("老街区焕发新活力\n\n本报讯（YMG全媒体\n记者 向力欣 通讯员 覃斌\n兵）蓝天白云成为常态，\n"
           "河湖水质持续改善，城乡人居\n环境更加宜居，群众获得感不\n断增强。\n\n" + BODY2 + "\n")
    art = page_dict(cleaner.clean(raw))["articles"][0]
    assert art["dateline"] == "本报讯（YMG全媒体记者向力欣通讯员覃斌兵）", art
    assert art["byline"] is None and art["title"] == TITLE, art


@pytest.mark.parametrize("first, second", [
    ("■本报评论员", "楚天都市报记者 魏娜 沈倩凌"),
    ("□记者李杰兰报道", "扬子晚报全媒体记者 覃亮芳"),
    # (a later role's outlet is short: the first byline's last name and the second's outlet,
    # 石鹏新快报, 高雪英黑龙江日报, are no outlet of a later role)
    ("新快报记者 魏涵浩 石鹏", "新快报记者 吕红/白敏兵/雷玲"),
    ("◇ 黑龙江日报记者 方倩友 白辉 高雪英", "黑龙江日报记者 孟华芳/彭光一/秦芳波"),
])
def test_two_bylines_one_over_the_other_stay_two(first, second):
    """An outlet's name holds no role word: two bylines on consecutive lines (one article's,
    the next one's) do not read as one byline whose 'outlet' is the first byline and the second
    one's paper (本报评论员楚天都市报 + 记者)."""
    from cleaner.rules import default_rules, search_any

    patterns = default_rules()["L004"].params["patterns"]
    for one in (first.lstrip("■□◇ "), second):
        m = search_any(patterns, one)
        assert m is not None and m.end() == len(one), one
    whole = first.lstrip("■□◇ ") + second
    m = search_any(patterns, whole)
    assert m is None or m.end() != len(whole), whole
