"""Two articles' headlines standing together (issue #14): one set after its text, the next one's
before its own. Each heading sums up its own side's text (A003 split_echo, headline_pair.echo_apart);
one headline's headings (a title and its subtitle) sum up one text, and stay together."""

import cleaner
from cleaner.stages.assemble.headline_pair import echo_apart

_FLU = ("本报讯入冬以来，流感进入高发季节，多地医院呼吸科门诊量明显上升。专家提醒，流感不是普通感冒，老人和儿童要格外注意防护。",
        "疾控专家建议，及时接种流感疫苗是预防流感最有效的手段，同时要勤洗手、常通风，科学佩戴口罩，做好防护。")
_SCHOOL = ("教育公平是社会公平的重要基础。让每个孩子都能享有公平而有质量的教育，是人民群众的期盼，也是教育工作的目标。",
           "推动教育公平，关键在于扩大优质教育资源供给，缩小城乡、区域、校际之间的差距，让孩子在家门口上好学校。")
_FLU_HEAD, _SCHOOL_HEAD = "流感高发季 专家提醒科学防护", "让每个孩子都能享有公平而有质量的教育"
_SCHOOL_SUB = "扩大优质资源供给 缩小城乡校际差距"


def _page(kit, heads, before=_FLU, after=_SCHOOL, first=None) -> str:
    lines = [first, ""] if first else []
    for para in before:
        lines += kit.cut_lines(para) + [""]
    for h in heads:
        lines += [h, ""]
    for para in after:
        lines += kit.cut_lines(para) + [""]
    return "\n".join(lines)


def _heads(page):
    return [(a.kicker and a.kicker.text, a.title and a.title.text, a.subtitle and a.subtitle.text) for a in page.articles]


def test_two_articles_headings_lean_apart():
    """The upper heading repeats the text before, the lower the text after: both lean their own way."""
    assert echo_apart(_FLU_HEAD, _SCHOOL_HEAD, " ".join(_FLU), _SCHOOL[0]) > 0.3


def test_one_headlines_headings_lean_one_way():
    """A title and its subtitle both sum up the text after them: the upper leans the wrong way."""
    assert echo_apart(_SCHOOL_HEAD, _SCHOOL_SUB, " ".join(_FLU), _SCHOOL[0]) < 0
    assert echo_apart(_FLU_HEAD, _SCHOOL_HEAD, "", _SCHOOL[0]) == 0.0  # (no text before: nothing told)


def test_headline_after_its_text_is_not_the_next_ones_kicker(kit):
    """The flu report's headline set after it, the essay's before it: two articles, each titled;
    without the cue the two open the essay as its title and subtitle, the report left untitled."""
    text = _page(kit, [_FLU_HEAD, _SCHOOL_HEAD])
    on = cleaner.clean(text, name="t.txt", rules=kit.rules_with("A003", split_echo=4.0))
    off = cleaner.clean(text, name="t.txt", rules=kit.rules_with("A003", split_echo=0.0))
    assert _heads(on) == [(None, _FLU_HEAD, None), (None, _SCHOOL_HEAD, None)]
    assert _heads(off) != _heads(on)


def test_title_and_subtitle_stay_together(kit):
    """A title over its subtitle, both summing up the text after them, stay one headline."""
    text = _page(kit, [_SCHOOL_HEAD, _SCHOOL_SUB], first=_FLU_HEAD)
    got = cleaner.clean(text, name="t.txt", rules=kit.rules_with("A003", split_echo=4.0))
    assert _heads(got) == [(None, _FLU_HEAD, None), (None, _SCHOOL_HEAD, _SCHOOL_SUB)]


_KICKER, _TITLE = "勤洗手常通风 科学戴口罩", "接种点延时服务方便群众"
_FLU_ON = ("为方便群众，多地接种点延时服务，流感疫苗接种人数大幅增加。疾控专家提醒，老人和儿童要尽早接种流感疫苗。",)


def _split_costs(kit, text, weight, upper=_FLU_HEAD, lower=_SCHOOL_HEAD):
    a, seq = kit.heading_sequence(text, kit.rules_with("A003", split_echo=weight))
    t = next(n for n, u in enumerate(seq) if isinstance(u, list))
    prev = [u for u in seq[:t] if not isinstance(u, list)][-2:]
    lean = echo_apart(upper, lower, " ".join(b.text for b in prev), seq[t + 1].text)
    return [c for kind, _, c, _ in a.group_options(seq[t], prev, seq[t + 1], a.parallel(seq, t))[False]
            if kind == "split"], lean


def test_split_discount_is_weight_times_lean(kit):
    """The split reading costs split_echo times the lean less; nothing where the text goes on
    across the group (one article's text either side of its own headline)."""
    text = _page(kit, [_FLU_HEAD, _SCHOOL_HEAD])
    ((off,), lean), ((on,), _) = _split_costs(kit, text, 0.0), _split_costs(kit, text, 4.0)
    assert lean > 0.3 and abs((off - on) - 4.0 * lean) < 1e-9
    # a kicker over the lead-in read before it, its title over the rest of the same report
    same = _page(kit, [_KICKER, _TITLE], after=_FLU_ON)
    (off,), lean = _split_costs(kit, same, 0.0, _KICKER, _TITLE)
    assert lean > 0 and _split_costs(kit, same, 4.0, _KICKER, _TITLE)[0] == [off]
