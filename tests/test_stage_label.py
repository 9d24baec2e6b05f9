"""Stage label: every block gets its kind from the trade's conventions.

Page furniture (版头/版尾: date, section, page number, editor, phone, jump lines) and picture
credits (本版图片由视觉中国提供) go to ``dropped`` with their kind. Bylines lose their ornament
(◎本报记者 符晓波 → 本报记者 符晓波). Datelines (科技日报讯（记者俞慧友）, 本报讯（记者刘洋
通讯员陈思远）) stay at the start of the first paragraph and are also given in ``dateline``,
without blanks. Captions (图为……。 本报记者李明摄) go to the article's captions.
"""

from __future__ import annotations

import pytest

import cleaner

BODY_TEXT = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园"
             "等科技园区的10个项目，项目涉及医药健康等7个产业领域，首批项目已全部开工。")
#: The same paragraph set so that its last line fills the column.
FULL_LAST_LINE = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园"
                  "等科技园区的10个项目，项目涉及医药健康等7个产业领域。")


@pytest.fixture(scope="module")
def body(wrap):
    return "\n".join(wrap(BODY_TEXT)) + "\n"


def kinds(stages_until, text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in stages_until(text, "label").blocks]


def dropped(page) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in page.dropped]


# --- furniture and credits ------------------------------------------------------------

FURNITURE = [
    "2024年7月28日 星期日",
    "2023年1月5日 星期四",
    "星期四 2023年1月5日",
    "农历癸卯年腊月十四",
    "电话：010-58885125",
    "传真：010-58884050",
    "责任编辑 程娟建",
    "本版编辑：王小明",
    "校对：李华",
    "区域创新",
    "5",
    "第3版",
    "A05",
    "科技日报",
    "（下转2版）",
    "（紧接第1版）",
    "邮发代号：1-97",
    "国内统一连续出版物号：CN11-0078",
]


@pytest.mark.parametrize("line", FURNITURE)
@pytest.mark.parametrize("where", ["before", "after"])
def test_furniture_dropped(body, line, where):
    text = line + "\n" + body if where == "before" else body + line + "\n"
    page = cleaner.clean(text)
    assert dropped(page) == [("furniture", line)]
    assert [b.text for a in page.articles for b in a.body] == [BODY_TEXT]


@pytest.mark.parametrize("line", ["（下转第二版）", "（紧接第一版）"])
def test_jump_line_with_chinese_numerals_dropped(body, line):
    page = cleaner.clean(body + line + "\n")
    assert dropped(page) == [("furniture", line)]


@pytest.mark.parametrize("line", [
    "2024年7月28日，记者来到这里采访。",
    "电话那头传来熟悉的声音。",
    "科技日报社举办开放日活动。",
    "农历新年到来之际，各地年味渐浓。",
    "编辑部的同事们连夜赶稿。",
    "校对工作十分繁琐，他却乐此不疲。",
    "美编小王为这组报道设计了版面。",
    "制图软件的国产化率不断提升。",
    "农历新年里的科技年货",
])
def test_prose_that_opens_like_furniture_is_kept(body, line):
    page = cleaner.clean(body + line + "\n")
    assert dropped(page) == []


@pytest.mark.parametrize("line", ["本版图片由视觉中国提供", "本版图片均由新华社提供", "图片由受访者提供"])
@pytest.mark.parametrize("where", ["alone", "before", "after"])
def test_credit_dropped(body, line, where):
    text = {"alone": line + "\n", "before": line + "\n" + body, "after": body + line + "\n"}[where]
    page = cleaner.clean(text)
    assert dropped(page) == [("credit", line)]


def test_drops_are_recorded(body):
    page = cleaner.clean(body + "责任编辑 程娟建\n本版图片由视觉中国提供\n")
    labels = {c.after: c.rule for c in page.changes if c.stage == "label" and c.action == "label"}
    assert labels.get("furniture") == "L001" and labels.get("credit") == "L002"


# --- bylines ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("◎本报记者 符晓波", "本报记者 符晓波"),
    ("□本报记者 王晓明", "本报记者 王晓明"),
    ("■ 本报记者 李华", "本报记者 李华"),
    ("本报记者 郑一鸣 通讯员 许丹", "本报记者 郑一鸣 通讯员 许丹"),
    ("◎本报记者 白瑶 马婷", "本报记者 白瑶 马婷"),
    ("◎ 张三 李四", "张三 李四"),
    ("本报驻万象记者 罗林伟", "本报驻万象记者 罗林伟"),  # a paper's correspondent abroad / in a city
    ("◎本报驻京记者 王强", "本报驻京记者 王强"),
    ("新华社驻布鲁塞尔记者 李明", "新华社驻布鲁塞尔记者 李明"),
    ("◎YMG 全媒体记者 曹军", "YMG 全媒体记者 曹军"),  # a Latin brand a blank apart from its role
])
def test_byline_loses_its_ornament(stages_until, body, raw, clean):
    blocks = kinds(stages_until, body + raw + "\n北京启动高品质科技园区建设\n")
    assert ("byline", clean) in blocks


def test_byline_ornament_removal_is_a_recorded_edit(stages_until, body):
    page = stages_until(body + "◎本报记者 符晓波\n北京启动高品质科技园区建设\n", "label")
    (c,) = [c for c in page.changes if c.rule == "L004" and c.edits]
    assert (c.action, c.before, c.after) == ("delete", "◎", "")


@pytest.mark.parametrize("order", ["byline-first", "title-byline-body", "body-byline-title"])
def test_byline_reaches_its_article(body, order):
    title, byl = "北京启动高品质科技园区建设\n", "◎本报记者 符晓波\n"
    text = {"byline-first": byl + body, "title-byline-body": title + byl + body,
            "body-byline-title": body + byl + title}[order]
    page = cleaner.clean(text)
    assert [a.byline.text for a in page.articles if a.byline] == ["本报记者 符晓波"]
    assert [b.text for a in page.articles for b in a.body] == [BODY_TEXT]


def test_trailing_byline_joins_the_article(body):
    page = cleaner.clean(body + "◎本报记者 符晓波\n")
    assert len(page.articles) == 1
    assert page.articles[0].byline is not None and page.articles[0].byline.text == "本报记者 符晓波"


@pytest.mark.parametrize("line", ["本报记者了解到，这项工作进展顺利。",
                                  "记者从市科技局获悉，今年以来全市新增高新技术企业200家。"])
def test_prose_about_reporters_is_not_a_byline(stages_until, body, line):
    assert ("byline", line) not in kinds(stages_until, body + line + "\n")


# --- datelines -------------------------------------------------------------------------

DATELINES = [
    ("科技日报讯（记者俞慧友）", "科技日报讯（记者俞慧友）"),
    ("科技日报讯 （记者俞慧友）", "科技日报讯（记者俞慧友）"),
    ("本报讯（记者刘洋 通讯员陈思远）", "本报讯（记者刘洋通讯员陈思远）"),
    ("本报北京1月5日电（记者张三）", "本报北京1月5日电（记者张三）"),
    ("新华社北京3月1日电（记者李四）", "新华社北京3月1日电（记者李四）"),
]


@pytest.mark.parametrize("raw, clean", DATELINES, ids=[c for _, c in DATELINES])
def test_dateline_field_and_first_paragraph(wrap, raw, clean):
    page = cleaner.clean("\n".join(wrap(raw + BODY_TEXT)) + "\n北京启动高品质科技园区建设\n")
    (a,) = page.articles
    assert a.dateline == clean
    assert a.body[0].text == clean + BODY_TEXT
    assert a.title is not None and a.title.text == "北京启动高品质科技园区建设"


def test_dateline_is_recorded(stages_until, wrap):
    page = stages_until("\n".join(wrap("科技日报讯（记者俞慧友）" + BODY_TEXT)) + "\n", "label")
    (c,) = [c for c in page.changes if c.rule == "L005"]
    assert c.action == "label" and not c.edits
    assert page.source[c.span[0]:c.span[1]] == "科技日报讯（记者俞慧友）"


@pytest.mark.parametrize("line", ["据本报讯，北京市科委近日投入首批资金。", "近日，评价报告在衡阳高新区发布。"])
def test_no_dateline_mid_sentence(body, line):
    page = cleaner.clean(body + line + "\n")
    assert all(a.dateline is None for a in page.articles)


# --- captions, headings, pull quotes -----------------------------------------------------

def test_caption_with_its_credit(body):
    page = cleaner.clean(body + "图为采购商在广交会展馆内洽谈。\n本报记者刘超刚摄\n")
    assert [c.text for a in page.articles for c in a.captions] == ["图为采购商在广交会展馆内洽谈。 本报记者刘超刚摄"]
    assert [b.text for a in page.articles for b in a.body] == [BODY_TEXT]


def test_caption_after_a_full_last_line(wrap):
    page = cleaner.clean("\n".join(wrap(FULL_LAST_LINE)) + "\n图为采购商在广交会展馆内洽谈。\n本报记者刘超刚摄\n")
    assert [c.text for a in page.articles for c in a.captions] == ["图为采购商在广交会展馆内洽谈。 本报记者刘超刚摄"]
    assert [b.text for a in page.articles for b in a.body] == [FULL_LAST_LINE]


def test_heading_labels(stages_until, body):
    blocks = kinds(stages_until, body + "北京启动高品质科技园区建设\n")
    assert blocks == [("paragraph", BODY_TEXT), ("heading", "北京启动高品质科技园区建设")]


def test_pullquote_repeats_body(stages_until, wrap):
    sentence = "国家邮政局发布最新数据，邮政行业寄递业务量增长。"
    para = "国家邮政局20日发布最新数据，今年以来，我国邮政行业寄递业务量累计完成1297.2亿件。" + sentence
    text = "\n".join(wrap(para)) + "\n\n" + "\n".join(wrap(sentence, column=10)) + "\n\n邮政业务量增长\n"
    page = cleaner.clean(text)
    (a,) = page.articles
    assert [q.text for q in a.pullquotes] == [sentence]
    assert [b.text for b in a.body] == [para]


def test_every_block_gets_a_known_kind(stages_until, body):
    text = ("2024年7月28日 星期日\n" + body + "图为采购商在广交会展馆内洽谈。 本报记者刘超刚摄\n"
            "◎本报记者 符晓波\n北京启动高品质科技园区建设\n本版图片由视觉中国提供\n")
    known = {"paragraph", "subhead", "heading", "title", "byline", "caption", "pullquote",
             "furniture", "credit"}
    assert {b.kind for b in stages_until(text, "label").blocks} <= known


@pytest.mark.parametrize("credit", ["视觉中国供图", "本报记者刘超刚摄", "新华社记者 李明摄"])
def test_a_photo_credit_line_never_runs_into_the_headline_after_it(wrap, credit):
    # the credit (6 ems) and the headline under it (10 ems) fit one narrow column's widths
    text = ("图为游客在崇礼一家滑雪场体验冰雪运动。\n" + credit + "\n徐利民：牢记为民宗旨\n彰显公仆本色\n"
            + "\n".join(wrap("科技日报讯（记者龚帆军）" + BODY_TEXT)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert [c.text for c in a.captions] == ["图为游客在崇礼一家滑雪场体验冰雪运动。 " + credit]
    assert a.title is not None and a.title.text == "徐利民：牢记为民宗旨"


def test_near_copy_agrees_with_rapidfuzz(monkeypatch):
    """The character bound only skips pairs rapidfuzz would score below the cutoff."""
    import random

    from rapidfuzz import fuzz

    from cleaner.stages import copies

    aligned = []
    monkeypatch.setattr(copies, "fuzz", type("Fuzz", (), {"partial_ratio": staticmethod(
        lambda *a, **k: aligned.append(1) or fuzz.partial_ratio(*a, **k))}))
    rng = random.Random(7)
    alphabet = [chr(0x4E00 + k) for k in range(300)]
    cases = 0
    for _ in range(2000):
        other = "".join(rng.choice(alphabet[:rng.choice((20, 300))]) for _ in range(rng.randint(1, 120)))
        if rng.random() < 0.5:  # a stretch of other, lightly edited: near the cutoff
            a = rng.randint(0, len(other) - 1)
            t = list(other[a:a + rng.randint(1, 60)])
            for _ in range(rng.randint(0, 4)):
                t[rng.randrange(len(t))] = rng.choice(alphabet)
            t = "".join(t)
        else:
            t = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        for cutoff in (80.0, 90.0):
            cases += 1
            assert copies.near_copy(t, other, cutoff) == fuzz.partial_ratio(t, other, score_cutoff=cutoff), (t, other)
    assert 0.1 * cases < len(aligned) < 0.9 * cases  # the bound skipped some pairs, not all


def test_a_pull_quote_broken_after_its_first_line_is_one_quote(wrap):
    # 亚拉巴马州遭遇龙卷风 (no punctuation) over 和冰雹袭击。 reads like a headline over a
    # one-line paragraph; together they repeat the body word for word: one pull quote
    para = "在美国东南部，亚拉巴马州遭遇龙卷风和冰雹袭击。此外，路易斯安那州、佐治亚州和佛罗里达州多地也发布了龙卷风预警和雷暴预警。"
    text = "\n\n".join(wrap(para) + ["亚拉巴马州遭遇龙卷风", "和冰雹袭击。", "恶劣天气再度影响美国多地"]) + "\n"
    page = cleaner.clean(text)
    (a,) = page.articles
    assert [q.text for q in a.pullquotes] == ["亚拉巴马州遭遇龙卷风和冰雹袭击。"]
    assert (a.title.text, a.subtitle) == ("恶劣天气再度影响美国多地", None)


@pytest.mark.parametrize("line, heading", [("空间站任务以来，神舟十三", False), ("稳字当头，进中求好", False),
                                           ("稳字当头，求好", True)])
def test_a_plain_headline_with_a_comma_is_short(stages_until, wrap, line, heading):
    text = "\n".join(wrap("据中国载人航天工程办公室消息，天宫课堂第四课将于近日开课，航天员将在轨授课。") + [line]) + "\n"
    kinds = {b.text: b.kind for b in stages_until(text, "label").blocks}
    assert (kinds[line] == "heading") is heading


def test_a_copy_of_a_text_carries_the_keys_of_the_text():
    """The pull-quote index samples n-grams where the text itself says (an anchor character):
    the keys of a sentence are keys of any text that holds it, wherever it sits."""
    import random

    from cleaner.stages import copies

    keys_of = copies._anchored(6)
    rng = random.Random(11)
    alphabet = [chr(0x4E00 + k) for k in range(3000)] + list("，。、0123456789abcXYZ")
    sampled = total = 0
    for _ in range(300):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        around = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(2)]
        mine, theirs = keys_of(t), keys_of(around[0] + t + around[1])
        assert all(theirs.count(k) >= mine.count(k) for k in mine), t
        sampled, total = sampled + len(mine), total + max(0, len(t) - 6)
    assert 0.15 < sampled / total < 0.35  # about one position in ANCHOR_EVERY


@pytest.mark.parametrize("budget, found", [(None, True), (0, False)])
def test_a_quote_without_keys_is_compared_with_every_paragraph(monkeypatch, stages_until, wrap, budget, found):
    from cleaner.stages import copies, pullquotes

    quote = "家政服务业务量也大幅增长。"
    assert copies._anchored(6)(quote) == []  # no anchor character: nothing to look up
    if budget is not None:
        monkeypatch.setattr(pullquotes.find, "MAX_KEYLESS", budget)  # (read where it is used)
    para = "国家邮政局20日发布最新数据，今年以来，我国邮政行业寄递业务量累计完成1297.2亿件，" + quote
    # (set in a column two characters short of the quote: at 8 characters a line, rejoin's
    # copied_across joins the quote's lines and another path finds the whole copy, budget or not;
    # at 13, 也大幅增 / 长。 breaks inside a word and rejoin's word_runs_on joins the two lines)
    text = "\n".join(wrap(para)) + "\n\n" + "\n".join(wrap(quote, column=12)) + "\n\n邮政业务量增长\n"
    quotes = [t for kind, t in kinds(stages_until, text) if kind == "pullquote"]
    assert quotes == ([quote] if found else [])  # (past the page's budget for such texts, no longer)


def test_boilerplate_keys_give_no_candidates_and_no_scan():
    """A text whose keys are all boilerplate (in more than MAX_SHARED blocks) is compared with
    nothing, as before: only a text without any key is compared with every paragraph."""
    from cleaner.stages import copies

    scans = []

    def keyless():
        scans.append(1)
        return [0, 1, 2]

    index = {"key one": copies.BOILERPLATE, "key two": copies.BOILERPLATE, "own": 3}
    for near in (False, True):
        assert not copies._owners(index, ["key one", "key two"], keyless, near)
    assert scans == []
    assert copies._owners(index, [], keyless) == [0, 1, 2] and scans == [1]
    assert copies._owners(index, ["key one", "own"], keyless) == (3,)


FILLERS = ["春节前夕，各地交通部门加密班次，保障旅客平安出行。", "气象台发布寒潮预警，提醒市民注意防寒保暖。",
           "图书馆推出夜间阅读服务，吸引不少年轻读者。", "口袋公园建成后，周边居民有了休闲好去处。",
           "农业部门组织专家下田，指导春耕备耕工作。", "博物馆延长开放时间，游客可以预约参观。",
           "社区食堂推出长者套餐，老人吃饭更方便。", "高速公路服务区新增充电桩，方便新能源车主。",
           "中小学开展课后服务，家长接送压力减轻。", "科技园区新引进一批研发机构，带动就业增长。",
           "景区推行分时预约，游览体验明显改善。", "医院开设便民门诊，群众看病更加省心。"]
SOURCE = "国家邮政局二十日发布最新数据，今年以来，我国邮政行业寄递业务量累计完成一千二百亿件，同比增长两成。"
QUOTE = "我国邮政行业寄递业务量累计完成一千二百亿件。"


def quote_at(wrap, source: int, quote: int) -> str:
    blocks = list(FILLERS)
    blocks[source] = SOURCE
    blocks[quote] = "\n".join(wrap(QUOTE, column=8, indent=0))
    return "\n\n".join("\n".join(wrap(b)) if b in FILLERS or b == SOURCE else b for b in blocks) + "\n"


@pytest.mark.parametrize("source, quote, found", [(4, 7, True), (0, 10, False)])
def test_on_a_page_of_many_windows_a_quote_is_found_within_the_overlap(tmp_path, wrap, source, quote, found):
    # windows of 6 blocks, each taking the last 3 of the one before: a quote 3 blocks from the
    # text it repeats always shares a window with it; one 10 blocks away does not
    rules = tmp_path / "label.toml"
    rules.write_text('stage = "label"\n\n[[rule]]\nid = "L007"\nparams = { window = 6, window_overlap = 3 }\n',
                     encoding="utf-8")
    text = quote_at(wrap, source, quote)
    narrow = cleaner.clean(text, rules=cleaner.load_rules([rules]))
    whole = cleaner.clean(text)
    assert [q.text for a in whole.articles for q in a.pullquotes] == [QUOTE]
    assert [q.text for a in narrow.articles for q in a.pullquotes] == ([QUOTE] if found else [])


def test_a_pull_quote_an_editor_cut_and_reordered_is_a_pull_quote():
    """Words dropped and clauses swapped, numbers kept, set narrower than its source."""
    body = ("近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升，"
            "不少居民说，家门口的变化看得见、摸得着。")
    lines = [body[:18]] + [body[k:k + 20] for k in range(18, len(body), 20)]  # (the first line indented)
    quote = ["已完成改造项目120个，", "当地推进老旧小区改", "造，群众满意度提升。"]
    raw = "老旧小区焕新颜\n\n" + "\n".join(quote) + "\n\n" + "\n".join(lines) + "\n"
    page = cleaner.clean(raw)
    assert [b.text for a in page.articles for b in a.pullquotes] == ["已完成改造项目120个，当地推进老旧小区改造，群众满意度提升。"]


def test_a_short_paragraph_with_other_numbers_is_no_pull_quote():
    body = ("近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升，"
            "不少居民说，家门口的变化看得见、摸得着。")
    lines = [body[:18]] + [body[k:k + 20] for k in range(18, len(body), 20)]
    for number, quoted in (("130", False), ("120", True)):  # (with the body's number, it is one)
        short = [f"已完成改造项目{number}个，", "当地推进老旧小区改", "造，群众满意度提升。"]
        raw = "老旧小区焕新颜\n\n" + "\n".join(lines) + "\n\n" + "\n".join(short) + "\n"
        page = cleaner.clean(raw)
        assert bool([b for a in page.articles for b in a.pullquotes]) is quoted, number


def test_a_pull_quote_run_onto_the_text_under_it_is_cut_off(stages_until, wrap):
    """Its lines are narrower than the text's, it closes a sentence, and it repeats (or edits) a
    sentence of a paragraph set wider: a quote the rejoin stage read as one block with the text
    under it is cut off and labelled; a narrow sentence that repeats nothing is not."""
    from cleaner.stages import block_kinds, label

    src = "清晨6点，福建平潭海域的海面上还笼罩着薄雾，一艘运维船已载着8名海上风电运维人员驶离码头。他们此行的目的地是距离海岸线约30公里的海上风电场。"
    text = "机舱内空间狭小，机器轰鸣。记录员逐项登记数据，技术员现场排查隐患，一直忙到傍晚才返航。"
    for quote, quoted in (("一艘运维船载着8名运维人员驶离码头。", True), ("队员们今天要检修的风机一共有三台。", False)):
        lines = [quote[k:k + 7] for k in range(0, len(quote), 7)]
        raw = "\n".join(wrap(src, column=24)) + "\n\n" + "\n".join(lines) + "\n\n" + "\n".join(wrap(text, column=16)) + "\n"
        page = stages_until(raw, "rejoin")
        blocks = list(page.blocks)
        k = next(n for n, b in enumerate(blocks) if b.text.startswith(quote[:5]))
        merged = block_kinds._merge(page, blocks, k, "")  # (the misreading: the quote and the text as one block)
        page = page.evolve(blocks=tuple(blocks[:k] + [merged] + blocks[k + 2:]))
        out = label.run(page)
        got = [(b.kind, b.text) for b in out.blocks]
        assert (("pullquote", quote) in got) is quoted, got
        assert any(t.startswith(quote if not quoted else "机舱内") for _, t in got), got


@pytest.mark.parametrize("quote, quoted", [("一艘运维船载着8名运维人员驶离码头。", True),
                                           ("队员们今天要检修的风机一共有三台。", False)])
def test_a_pull_quote_boxed_inside_a_column_is_cut_out_and_the_paragraph_healed(wrap, quote, quoted):
    """A quote boxed in a column is read between two lines of the paragraph it cuts, with no
    blank line around it: its lines are narrower, it closes a sentence, and it repeats (or
    edits) a sentence of the article. It is taken out and the paragraph is one again; a narrow
    sentence that repeats nothing stays where it is."""
    src = "清晨6点，福建平潭海域的海面上还笼罩着薄雾，一艘运维船已载着8名海上风电运维人员驶离码头。他们此行的目的地是距离海岸线约30公里的海上风电场。"
    text = "机舱内空间狭小，机器轰鸣。记录员逐项登记数据，技术员现场排查隐患，检修工作从早上一直持续到傍晚，队员们才登上运维船返航。"
    body = wrap(text, column=16)
    quote_lines = wrap(quote, column=13, indent=0)  # (close enough to the text's 16 ems to be read on)
    raw = "风电运维人员的一天\n\n" + "\n".join(wrap(src, column=16)) + "\n" + "\n".join(body[:2] + quote_lines + body[2:]) + "\n"
    page = cleaner.clean(raw)
    paragraphs = [b.text for a in page.articles for b in a.body]
    quotes = [q.text for a in page.articles for q in a.pullquotes]
    assert (quote in quotes) is quoted, (paragraphs, quotes)
    if quoted:
        assert text in paragraphs, paragraphs


def test_a_question_set_apart_that_a_paragraph_holds_word_for_word_is_a_quote(stages_until, wrap):
    body = "记者：文物如何“活”起来、“火”起来？馆长：我们把库房里的文物搬进展厅，又把展厅搬到了网上，观众的反响很热烈。"
    for heading, quoted in (("文物如何“活”起来、“火”起来？", True), ("博物馆为何一票难求？", False)):
        raw = "\n".join([heading[:8], heading[8:]]) + "\n\n" + "\n".join(wrap(body, column=24)) + "\n"
        got = kinds(stages_until, raw)
        assert (("pullquote", heading) in got) is quoted, got


def test_words_between_quotation_marks_on_a_text_page_stay_a_heading(stages_until, wrap):
    # a heading wholly between quotation marks whose words a paragraph holds may be a pull quote
    # (an editor's, a word dropped) or a headline quoting its speaker (an interview's
    # “博物馆要成为城市客厅”): a text page shows no type to tell them, so it stays a heading, where a
    # PDF page's type decides (tests/test_pdf.py); a heading that closes its sentence is a quote
    body = ("记者从市教育局获悉，今年暑期全市共开设托管班86个，服务学生1.2万人次。"
            "托管班由在职教师和大学生志愿者授课，所有点位都配备了专职安全员，家长们普遍表示满意。")
    for heading, quoted in (("“所有点位都配备专职安全员”", False), ("所有点位都配备专职安全员", False),
                            ("所有点位都配备了专职安全员。", True)):
        raw = "暑期托管班开班\n\n" + "\n".join(wrap(body, column=24)) + "\n\n" + heading + "\n\n" \
            + "\n".join(wrap("托管班每天上午八点至下午五点半开放，收费标准不高，首批学生已经报名入班。", column=24)) + "\n"
        got = kinds(stages_until, raw)
        assert (("pullquote", heading) in got) is quoted, got
        assert (("heading", heading) in got) is not quoted, got


def test_an_interview_title_that_quotes_its_speaker_stays_the_title(wrap):
    import cleaner

    answer = "孟庆华：我们一直说，博物馆要成为城市客厅，让市民愿意来、留得住，常来常新。"
    text = ("“博物馆要成为城市客厅”\n——访临洛市博物馆馆长孟庆华\n" + "\n".join(wrap(
        "本报讯 今年以来，临洛市博物馆接待观众突破260万人次，创历史新高。记者采访了馆长孟庆华。", column=24))
        + "\n" + "\n".join(wrap(answer, column=24)) + "\n")
    (article,) = cleaner.clean(text).articles
    assert article.title.text == "“博物馆要成为城市客厅”"
    assert not article.pullquotes


@pytest.mark.parametrize("line, caption", [
    ("一列中欧班列从西安国际港站驶出。 本报记者 朱志娟摄", True),
    ("观众在博物馆内参观青铜器展品。新华社记者 李明摄", True),
    # a sentence and a reporter's name without 摄 is no photo credit
    ("班列从西安国际港站驶出。本报记者 朱志娟", False),
    # the catalogue's （摄影／记者：X）
    ("次仁多吉（右）在牧民家中为老人测量血压。（摄影／记者：丁辉晨）", True),
])
def test_a_sentence_and_its_photo_credit_is_a_caption(line, caption):
    text = ("钢铁驼队 穿越亚欧\n" + line + "\n"
            "寒冬时节，西安国际港站内一派繁忙景象。龙门吊来回穿梭，一只只集装箱被吊装上车。\n")
    (article,) = cleaner.clean(text).articles
    assert bool(article.captions) is caption


@pytest.mark.parametrize("lines, caption", [
    # a caption without 图为 whose credit the text stages kept apart: broken before the credit,
    # inside it (中新社 / 记者 X 摄), or after its first word (万兰 / 制图, （摄影／ / 记者：X）)
    ("游客在桐溪县老街夜市选购特色小吃。\n卢国宏 廖健娜 摄", "游客在桐溪县老街夜市选购特色小吃。 卢国宏 廖健娜 摄"),
    ("工作人员在数字化车间内巡检设备。 中新社\n记者 罗宇倩 摄", "工作人员在数字化车间内巡检设备。 中新社记者 罗宇倩 摄"),
    ("游客在桐溪县老街夜市选购特色小吃。万兰\n制图", "游客在桐溪县老街夜市选购特色小吃。万兰制图"),
    ("次仁多吉（右）在牧民家中为老人测量血压。（摄影／\n记者：丁辉晨）",
     "次仁多吉（右）在牧民家中为老人测量血压。（摄影／记者：丁辉晨）"),
    # near misses: a paragraph of two sentences over a credit; a paragraph cut by a caption
    # inside a quotation it opened
    ("他说。今年，全市新建城市书房20家。\n本报记者 刘超刚摄", "本报记者 刘超刚摄"),
    ("“过去我们是‘内陆腹地’，现在变成了‘开放\n一列中欧班列从西安国际港站驶出。视觉中国供图（资料图片）",
     "一列中欧班列从西安国际港站驶出。视觉中国供图（资料图片）"),
])
def test_a_caption_broken_before_or_inside_its_credit_is_one_caption(wrap, lines, caption):
    text = ("城市书房成了市民的文化客厅\n\n" + lines + "\n"
            + "\n".join(wrap("科技日报讯（记者龚帆军）" + BODY_TEXT)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert [c.text for c in a.captions] == [caption]
    assert [b.text for b in a.body][-1].startswith("科技日报讯")
    assert not any(caption[:8] in b.text for b in a.body)


@pytest.mark.parametrize("line, caption", [
    # one name, a blank, then 摄; a credit in brackets ending in 制图 (an author's name closing
    # a report, （徐林）, stays the text's: the test below)
    ("8月20日晚，游客在桐溪县老街夜市选购特色小吃。  谭嘉 摄", "8月20日晚，游客在桐溪县老街夜市选购特色小吃。 谭嘉 摄"),
    ("11月8日，一批新能源汽车在南沙港码头等待装船。（明报制图）", "11月8日，一批新能源汽车在南沙港码头等待装船。（明报制图）"),
])
def test_a_caption_without_opener_ends_in_a_credit_of_one_name_or_in_brackets(wrap, line, caption):
    text = ("城市书房成了市民的文化客厅\n\n" + line + "\n"
            + "\n".join(wrap("科技日报讯（记者龚帆军）" + BODY_TEXT)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert [c.text for c in a.captions] == [caption]
    assert [b.text for b in a.body][0].startswith("科技日报讯")


def test_an_authors_name_in_brackets_after_the_last_sentence_stays_the_texts(wrap):
    text = ("城市书房成了市民的文化客厅\n\n今年，全市新建城市书房20家。（徐林）\n"
            + "\n".join(wrap("科技日报讯（记者龚帆军）" + BODY_TEXT)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert not a.captions
    assert a.body[0].text == "今年，全市新建城市书房20家。（徐林）"


@pytest.mark.parametrize("credit", ["图片来源：健康网", "图/北京市消防救援支队", "陆志明 制图", "魏志阳 李震宇 摄",
                                    "健 曹晨 摄"])
def test_a_catalogue_credit_on_a_line_of_its_own_ends_its_caption(wrap, credit):
    # the credit forms of rules/conventions/captions.toml (图片来源：X, 图/X, X 制图, X Y 摄), or the
    # end of one wrapped inside a name, set under a caption that closes its sentence: the
    # caption's credit, never a headline cutting the article under it in two
    text = ("图为游客在崇礼一家滑雪场体验冰雪运动。\n" + credit + "\n徐利民：牢记为民宗旨\n"
            + "\n".join(wrap("科技日报讯（记者龚帆军）" + BODY_TEXT)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert [c.text for c in a.captions] == ["图为游客在崇礼一家滑雪场体验冰雪运动。 " + credit]
    assert a.title is not None and a.title.text == "徐利民：牢记为民宗旨"


def test_words_and_pictures_by_stays_a_byline(stages_until, body):
    # (文并摄: the reporter wrote the text and took the pictures: a byline, not a photo credit)
    assert ("byline", "本报记者 林阳文并摄") in kinds(stages_until, "本报记者 林阳文并摄\n" + body)


def test_a_frame_never_goes_on_the_paragraph_it_cut():
    # a paragraph cut by a framed quote (…均高于各 / [frame] / 项贷款平均增速。同期，…): the
    # paragraph's rest, set narrower, holds the frame's sentence, but the paragraph with the
    # frame after it is no source it quotes: a frame does not go on a paragraph
    from cleaner.rules import default_rules
    from cleaner.stages.pullquotes import quote_source

    rule = default_rules()["L007"]
    cut = "从投向看，信贷资金更多流向实体经济重点领域和薄弱环节。一季度末，全市制造业中长期贷款余额同比增长28.4%，均高于各"
    frame = "同期，全市企业贷款加权平均利率为3.95%，处于历史较低水平。"
    rest = "项贷款平均增速。同期，全市企业贷款加权平均利率为3.95%，处于历史较低水平。"
    texts, narrow = [cut, frame, rest], [1.0, 1.0, 3.0]
    assert quote_source(2, rest, 3.0, texts, narrow, rule, frames=frozenset({1})) is None
    assert quote_source(1, frame, 1.0, texts, narrow, rule, framed=True, frames=frozenset({1})) == (0, 100.0)


def test_a_line_of_prose_that_starts_like_a_qr_codes_caption_is_no_furniture():
    # 扫码结账。… opens like 扫码关注 (a QR code's caption) but closes a sentence inside: prose
    lines = ["数字人民币应用场景持续拓展", "在南屏市一家连锁超市，收银员熟练地为顾客", "扫码结账。超市店长宋丽萍说，使用数字人民币",
             "结算资金实时到账，不收手续费，对商户来说", "很划算。"]
    (article,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert [b.text for b in article.body] == ["".join(lines[1:])]


def test_words_by_a_reporter_with_the_picture_from_elsewhere_is_a_byline():
    """文/本报记者 X 供图/新华社 names the words' author: a byline, though it holds a photo
    credit's words; the credit alone under a caption stays the caption's."""
    page = cleaner.clean("城市书房成了市民的文化客厅\n\n文/本报记者 岳菲菲 供图/新华社\n\n"
                         "本报讯 今年以来，全市新建城市书房20家，市民阅读热情高涨。\n")
    assert page.articles[0].byline.text == "文/本报记者 岳菲菲 供图/新华社"
    page = cleaner.clean("城市书房成了市民的文化客厅\n\n本报讯 今年以来，全市新建城市书房20家。\n\n"
                         "图为市民在书房阅读。\n供图/新华社\n")
    assert not page.articles[0].byline


def test_an_edited_quote_whose_first_line_copies_the_text_is_no_headline_over_a_quote():
    """An editor swapped the quote's clauses: its first line is a word-for-word stretch of the
    body, so it is the quote's own line, not a headline run into the quote below it (the top
    of a synthesised training page, tests/data/edited_quote_page.txt)."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "edited_quote_page.txt").read_text(encoding="utf-8")
    page = cleaner.page_dict(cleaner.clean(text))
    titles = [a["title"] for a in page["articles"]]
    assert "现在当天就能运到省城批发市" not in titles
    quotes = [q for a in page["articles"] for q in a["pullquotes"]]
    assert "现在当天就能运到省城批发市场，“以前一车水果要等大半天。" in quotes


def test_quote_as_wide_as_the_text_cutting_a_phrase_is_a_pull_quote():
    # PyMuPDF reads a quote boxed in the column as a block of its own, between two lines of the
    # paragraph whose phrase it cuts (下降0.38 / quote / 个百分点), set no narrower than the text
    text = ("普惠金融“贷”动小微企业发展\n"
            "在清河省安平县，一家从事汽车零\n"
            "部件加工的小微企业前不久接到一笔大\n"
            "额订单，却因原材料采购资金不足犯了\n"
            "难。当地农商银行客户经理上门走访后，\n"
            "依托企业纳税和用电数据，三天内为其\n"
            "发放信用贷款200万元。“没有抵押也\n"
            "能贷到款，解了燃眉之急。”企业负责\n"
            "人刘建华说。\n"
            "信用贷款占比提升，是今年普惠金\n"
            "融的一大亮点。清河省依托省级综合金\n"
            "图为银行客户经理在企业了解生产经营情况。\n"
            "融服务平台，归集市场监管、税务、电\n"
            "力等部门涉企信用信息，帮助银行为企\n"
            "业精准“画像”。目前平台已注册企业\n"
            "14.6万家，累计撮合融资1260亿元。\n"
            "融资成本也在稳步下降。数据显示，\n"
            "上半年全省新发放普惠小微企业贷款平\n"
            "均利率为4.62%，较去年同期下降0.38\n"
            "当地农商银行客户经理上门走访后，\n"
            "依托企业纳税和用电数据，三天内\n"
            "为其发放信用贷款200万元。\n"
            "个百分点，为小微企业减轻利息负担约\n"
            "26亿元。\n")
    page = cleaner.clean(text)
    quotes = [q for a in page.articles for q in a.pullquotes]
    assert [q.text.replace(" ", "") for q in quotes] == ["当地农商银行客户经理上门走访后，依托企业纳税和用电数据，三天内为其发放信用贷款200万元。"]
    assert any("下降0.38个百分点" in b.text for a in page.articles for b in a.body)


def test_a_quote_across_a_cut_is_weighed_against_the_paragraphs_near_it_in_one_scan():
    # _may_quote_across with the paragraphs within reach as one text (_near_text) says what
    # the paragraph-by-paragraph search says: an opening none of them holds settles it at once
    from cleaner.stages.pullquotes import _may_quote_across, _near_text

    p = {"ngram": 6, "quote_reach": 2}
    texts = ["园区建设全面提速，企业纷纷入驻。", "", "这里是本段，园区建设全面提速", "另一篇报道的文字", "园区建设全面提速"]
    cases = [(2, "，", "园区建设全面提速"), (2, "段", "园区建设"), (2, "，", "企业纷纷入驻。"),
             (2, "速", "园区建设全面提速"), (4, "，", "另一篇报道的"), (0, "", "")]
    for i, last, first in cases:
        near = _near_text(i, texts, p["quote_reach"])
        assert _may_quote_across(i, last, first, texts, p, near) == _may_quote_across(i, last, first, texts, p)
    assert _near_text(2, texts, 2) == "园区建设全面提速，企业纷纷入驻。\0\0另一篇报道的文字\0园区建设全面提速"
    assert _may_quote_across(2, "段", "园区建设", texts, p, "") is False  # (no paragraph near: no source)


def test_a_frame_quoting_a_whole_paragraph_a_caption_cut_has_that_paragraph_as_its_source():
    # a framed quote repeats a paragraph word for word; the paragraph stands at the article's
    # end, cut by a caption (据悉，…探索新 / [caption] / 型低温酶…潜力。): the two halves together
    # are the frame's very text, and the paragraph is its source (the frame sets it apart)
    from cleaner.rules import default_rules
    from cleaner.stages.pullquotes import quote_source

    rule = default_rules()["L007"]
    quote = "据悉，研究团队下一步将联合国内多家单位建立冰川微生物资源库，并探索新型低温酶在食品加工、生物医药等领域的应用潜力。"
    head, tail = quote[:quote.index("型")], quote[quote.index("型"):]
    texts, narrow = [quote, "记者从中国科学院某研究所获悉，该所研究团队分离出一类低温细菌。", head, "", tail], [1.0] * 5
    assert quote_source(0, quote, 1.0, texts, narrow, rule, framed=True, frames=frozenset({0})) == (2, 100.0)
    # a text set as wide, not set apart, is no quote of a paragraph that says the same
    assert quote_source(0, quote, 1.0, texts, narrow, rule) is None


@pytest.mark.parametrize("where", ["inside", "top"])
def test_a_long_quote_in_a_narrow_column_is_cut_out_whatever_its_lines(stages_until, wrap, where):
    """An edited quote of sixty characters set seven to a line takes eight lines: read as one
    block with the paragraph it cuts (inside it, or on top of it), it is cut out as a quote of
    four lines would be (runs are bounded by a quote's length in characters, not in lines)."""
    from cleaner.stages import block_kinds, label

    src = ("清晨6点，福建平潭海域的海面上还笼罩着薄雾。一位乡镇干部算过一笔账：他的手机上有十几个工作群、"
           "七八个政务APP，每天光是回复消息、上传材料就要花去两三个小时。他们此行的目的地是距离海岸线约30公里的海上风电场。")
    quote = "一位乡镇干部算过一笔账：他的手机上有十几个工作群、七八个政务APP，每天光是回复消息、上传材料要花去两三个小时。"
    text = "机舱内空间狭小，机器轰鸣。记录员逐项登记数据，技术员现场排查隐患，检修工作从早上一直持续到傍晚，队员们才登上运维船返航。"
    body = wrap(text, column=16)
    quote_lines = [quote[k:k + 7] for k in range(0, len(quote), 7)]
    assert len(quote_lines) > 4
    run = body[:2] + quote_lines + body[2:] if where == "inside" else quote_lines + body
    raw = "风电运维人员的一天\n\n" + "\n".join(wrap(src, column=16)) + "\n\n" + "\n".join(run) + "\n"
    page = stages_until(raw, "rejoin")
    blocks = list(page.blocks)
    k = 2  # (the misreading: the quote and the text around it as one block)
    while len(blocks) > 3:
        blocks[k:k + 2] = [block_kinds._merge(page, blocks, k, "")]
    page = page.evolve(blocks=tuple(blocks))
    got = [(b.kind, b.text) for b in label.run(page).blocks]
    assert ("pullquote", quote) in got, got


@pytest.mark.parametrize("head, joined", [("从没想过老楼能", True), ("改出新面貌", False)])
def test_an_edited_quote_broken_after_its_first_line_is_one_quote(wrap, head, joined):
    """An editor's quote (还 dropped) broken after its first line, a short line without
    punctuation over 变得这么亮堂。, is one quote: together the two are a version of a
    sentence of the text, each piece its words; a subhead over a short paragraph is not."""
    body = "走进历下区燕翔里小区，新铺的沥青路面平整干净，楼道里杂乱的管线已全部“入地”。“住了30多年，从没想过老楼还能变得这么亮堂。”居民李秀英说。"
    nxt = "据介绍，此次改造重点聚焦水电气暖等基础设施更新，共改造供水管网186公里、燃气管网97公里，加装电梯214部。"
    text = ("老旧小区改造惠及12.6万户\n\n" + "\n".join(wrap(body, column=20)) + "\n\n" + head + "\n\n变得这么亮堂。\n\n"
            + "\n".join(wrap(nxt, column=20)) + "\n")
    page = cleaner.clean(text)
    assert [q.text for a in page.articles for q in a.pullquotes] == ([head + "变得这么亮堂。"] if joined else [])


def test_an_edited_quote_whose_tail_copies_the_text_keeps_its_first_lines():
    """An editor's quote (two clauses swapped) whose last lines copy the text word for word:
    its first lines are words of the same sentence, not headline lines run into a quote."""
    column = ["“风一刮，苗子就被连根拔起，大家心里都凉", "了半截。”马永福说，后来他们用麦草扎成方格，",
              "把沙子固定住，再在格子里栽苗，成活率一下子提", "高到了七成以上。",
              "草方格固沙法在村里推广开来。每年春秋两季，", "家家户户都要出工压沙造林，男女老少齐上阵。",
              "“一年种一片，一片连一片，硬是把沙漠逼退了十", "几里。”",
              "进入新世纪，国家加大防沙治沙投入，各项生态", "工程陆续实施，村里治沙有了更多支持。滴灌技",
              "术、无人机播种、光伏治沙等新方法相继用上。"]
    quote = ["后来他们用麦草扎成方格，再", "在格子里栽苗，把沙子固定住，", "成活率一下子提高到了七成以", "上。"]
    page = cleaner.clean("一锹一苗向沙进\n\n" + "\n".join(column) + "\n\n" + "\n".join(quote) + "\n")
    assert [q.text for a in page.articles for q in a.pullquotes] == ["".join(quote)]


def test_a_quote_that_ends_its_block_inside_the_sentence_it_cuts_is_cut_out(quote_read_with_text_above, wrap):
    """A quote boxed inside the paragraph whose sentence it repeats, read as the end of that
    paragraph's block (rejoin broke after the quote's last line): the paragraph goes on in the
    next block, so the sentence the quote repeats is the two blocks' text together."""

    text = ("暑期托管班开班以来，城东托管点每天接待学生两百余人。据了解，托管班的授课教师主要由在职教师和"
            "师范类大学生志愿者担任，所有点位都配备了专职安全员。")
    quote = "据了解，托管班的授课教师主要由在职教师和师范类大学生志愿者担任。"
    body = wrap(text, column=16)
    quote_lines = [quote[k:k + 8] for k in range(0, len(quote), 8)]
    other = "下一步，当地将根据家长需求，适时增加托管点位和课程内容，让更多孩子度过一个安全、充实的暑假。"
    raw = "暑期托管开班\n\n" + "\n".join(body[:3] + quote_lines + body[3:]) + "\n\n" + "\n".join(wrap(other, column=16)) + "\n"
    # (the misreading: the paragraph's first lines and the quote as one block, its rest apart)
    got = quote_read_with_text_above(raw, quote)
    assert ("pullquote", quote) in got, got


@pytest.mark.parametrize("first, back", [("全市已落地碳排", True), ("全市已经落地碳", False)])
def test_a_quote_first_line_read_with_the_text_before_it_goes_back_to_the_quote(wrap, first, back):
    # a quote set inside a column, 7 characters a line, between two lines of a paragraph; rejoin
    # reads its first line as the paragraph's end (…长期贷款 / 全市已落地碳排): the line stands in
    # the quote's source word for word and in the quote's measure, so it goes back to the quote
    # (a line the source does not hold, 全市已经落地碳, stays where it was read)
    src = "绿色金融产品不断丰富。今年以来，全市已落地碳排放权质押贷款23笔，金额4.8亿元。排污权抵押贷款、“光伏贷”等绿色金融产品，帮助企业盘活环境权益资产。"
    para = "新能源项目融资需求旺盛。兴安一家光伏电站项目负责人表示，银行提供的低息长期贷款让项目得以按期开工，目前已并网发电。"
    body = wrap(para, column=11)
    quote = [first, "放权质押贷款", "23笔，今年以", "来，金额4.8亿", "元。"]
    lines = ["绿色金融助力企业减排"] + wrap(src, column=16) + [""] + body[:4] + quote + body[4:]
    page = cleaner.clean("\n\n".join(lines) + "\n")
    quotes = [q.text for a in page.articles for q in a.pullquotes]
    assert (quotes == ["".join(quote)]) is back, quotes
    assert any(c.rule == "L007" and "first line of the pull quote" in str(c.reason) for c in page.changes) is back
    if back:
        assert any(b.text == para for a in page.articles for b in a.body)  # (healed around the quote)


def test_an_edited_quote_that_drops_single_characters_keeps_its_pairs_across_the_gap():
    # an editor's quote drops a word of one character here and there (都, 就) and swaps clauses:
    # each drop breaks two character pairs of a short quote, which the source still holds one
    # character apart; a text of other words shares nothing
    from cleaner.rules import default_rules
    from cleaner.stages.copies import shared_content

    least = default_rules()["L007"].params["min_shared"]
    src = "村里的老人们说，“张老师每个星期都来，有啥问题，打个电话他就到。”王大妈笑着说。"
    assert shared_content("“张老师每个星期来，打个电话他到，有啥问题。", src) >= least
    assert shared_content("社区医生每周上门服务，随叫随到。", src) < least


@pytest.mark.parametrize("credit", ["YMG全媒体记者 邱兰辉", "南方日报记者 唐桂英"])
def test_a_photo_credit_broken_before_its_mark_is_the_captions_not_a_byline(credit):
    """A caption whose credit wrapped before its 摄 (…驶出。 / X记者 Y / 摄): the reporter's line
    reads as a byline alone, but with the 摄 under it it is the caption's credit."""
    from cleaner.reports.pagejson import page_dict

    raw = ("老街区焕发新活力\n\n近日，记者走进老城区，看到改造后的街巷干净整洁，居民们在新建的口袋公园里散步聊天。\n\n"
           "图为一列满载货物的中欧\n班列从西津国际陆港驶出。\n\n" + credit + "\n\n摄\n\n"
           "据介绍，今年以来当地已完成老旧小区改造项目四十余个，惠及居民两万多户，群众满意度持续提升。\n")
    got = page_dict(cleaner.clean(raw))
    (art,) = got["articles"]
    assert art["byline"] is None, got
    assert [c.replace(" ", "") for c in art["captions"]] == \
        ["图为一列满载货物的中欧班列从西津国际陆港驶出。" + credit.replace(" ", "") + "摄"], got
    assert not got["dropped"], got


# --- bylines of the general trade forms (conventions issue #15) -------------------------

@pytest.mark.parametrize("line", [
    "光明日报记者 张三 李四",            # several reporters after an outlet's role, blanks only
    "经济日报记者 王五 赵六 钱七",
    "张三（南都记者） 李四（南都通讯员）",  # names each with its role in brackets, in a row
    "张晓明（本报记者）李华（本报通讯员）",
    "王小明（本报记者） 李华（本报记者）",
    "李四（经济日报-中国经济网记者）",
    "记者张三／李四",                    # a slash list
    "记者 王小明/李华/赵强",
    "东南快报记者 毛斌／陶秀飞／段宇",
    "经济日报-中国经济网记者 王小明",     # an outlet of two brands
    "齐鲁晚报·齐鲁壹点记者 王小明",
])
def test_bylines_of_the_trade_forms(stages_until, body, line):
    assert ("byline", line) in kinds(stages_until, body + line + "\n北京启动高品质科技园区建设\n")


@pytest.mark.parametrize("line", [
    "张三（本报记者）说，这里的变化很大。",
    "记者张三／李四说，这里的变化很大。",
    "他告诉记者张三／李四：“变化很大。”",
    "张三（南都记者） 李四（南都通讯员）一行来到现场",
])
def test_prose_with_the_trade_forms_words_is_not_a_byline(stages_until, body, line):
    assert all(k != "byline" for k, _ in kinds(stages_until, body + line + "\n"))


def test_a_byline_row_reaches_its_article_under_its_title():
    page = cleaner.clean("北京启动高品质科技园区建设\n\n张晓明（本报记者）李华（本报通讯员）\n\n" + BODY_TEXT + "\n")
    (art,) = page.articles
    assert art.title.text == "北京启动高品质科技园区建设"
    assert art.byline is not None and art.byline.text == "张晓明（本报记者）李华（本报通讯员）"


def test_a_line_of_prose_set_apart_by_blanks_that_opens_like_a_qr_note_is_kept_as_text():
    """A page that sets every line apart by a blank: a line of a sentence broken over three
    lines that opens like a QR code's note (扫码…) but breaks off inside the sentence, between
    two lines that do too, is article text, never dropped."""
    lines = ["数字人民币应用场景持续拓展", "", "景区上线“一码游”小程序，游客", "", "扫码就能查询排队时长、预", "",
             "约演出座位。"]
    page = cleaner.clean("\n".join(lines) + "\n")
    assert dropped(page) == []
    assert "扫码就能查询排队时长、预" in "".join(b.text for a in page.articles for b in a.body)


@pytest.mark.parametrize("line", ["扫码关注本报微信公众号", "本版图片由视觉中国提供", "第06版：要闻"])
def test_furniture_between_two_pieces_of_a_sentence_is_still_dropped(wrap, line):
    """Furniture between the two pieces of a sentence broken over a column holds no clause mark
    of a sentence: it is dropped as before."""
    head = "景区上线“一码游”小程序，游客扫码就能查询排队时长，"
    tail = "还能预约演出座位和停车位，省去了排队的麻烦。"
    page = cleaner.clean("\n".join(["数字人民币应用场景持续拓展", head, "", line, "", tail]) + "\n")
    assert [t for _, t in dropped(page)] == [line]


BARE_BODY = "昔日机器轰鸣的纺织厂车间，如今成了人气旺盛的书店、咖啡馆和展览空间。日前，位于北川市老工业区的文创园正式开园。"


@pytest.mark.parametrize("names", ["邱文俊", "刘杰宇", "欧阳文博", "王小军 陈涵玉", "买买提·艾力"])
def test_names_alone_between_a_headline_and_its_text_are_its_byline(names):
    page = cleaner.page_dict(cleaner.clean(f"老厂房变身文创园\n{names}\n{BARE_BODY}\n"))
    assert [(a["title"], a["byline"]) for a in page["articles"]] == [("老厂房变身文创园", names)]


@pytest.mark.parametrize("line", ["高质量发展", "金。", "首演", "家园", "津代表托马斯·贝克尔"])
def test_a_short_line_that_is_no_name_is_no_byline(stages_until, line):
    labelled = kinds(stages_until, f"老厂房变身文创园\n{line}\n{BARE_BODY}\n")
    assert ("byline", line) not in labelled


@pytest.mark.parametrize("names", ["罗明", "万艳", "李玲 叶鸣"])
def test_two_character_names_under_a_dash_subtitle_are_its_byline(names):
    page = cleaner.page_dict(cleaner.clean(f"老厂房变身文创园\n——北川市工业遗存改造见闻\n{names}\n{BARE_BODY}\n"))
    assert [(a["title"], a["subtitle"], a["byline"]) for a in page["articles"]] == \
        [("老厂房变身文创园", "——北川市工业遗存改造见闻", names)]


@pytest.mark.parametrize("line", ["罗明", "家园"])
def test_two_characters_under_a_plain_headline_are_no_byline(stages_until, line):
    labelled = kinds(stages_until, f"老厂房变身文创园\n{line}\n{BARE_BODY}\n")
    assert ("byline", line) not in labelled


@pytest.mark.parametrize("credit", ["本版图片由视觉中国提供", "本版图片除署名外均由受访者提供"])
def test_a_page_credit_right_under_a_caption_is_dropped_not_joined_to_it(credit):
    text = ("青宁城际铁路正式开通运营\n到2027年，全省城际铁路运营里程将突破1000公里，覆盖沿线主要城市和重要交通枢纽。\n"
            f"图为首趟列车驶出青州东\n站。\n{credit}\n")
    page = cleaner.page_dict(cleaner.clean(text))
    assert [a["captions"] for a in page["articles"]] == [["图为首趟列车驶出青州东站。"]]
    assert page["dropped"] == [{"kind": "credit", "text": credit}]


# --- a headline run onto the text above it (L006) -----------------------------------------

#: a column 13 ems wide, its last line ending on a comma: the rejoin stage runs the next line on
RUN_ON_TEXT = ["　　近日，北京市科委、中关", "村管委会投入首批支持高品质", "科技园区建设资金，支持中关",
               "村生命科学园等科技园区的十", "个项目，涉及医药健康等领域，"]
RUN_ON_REST = ["首批项目已全部开工，园区负", "责人表示，将加快推进项目建", "设。"]


def run_on_page(title: str, after: tuple = ()) -> str:
    return "\n".join(RUN_ON_TEXT + [title, "◎本报记者 符晓波", *after] + RUN_ON_REST) + "\n"


def l006_splits(page) -> list:
    return [c for c in page.changes if c.rule == "L006" and c.action == "split"]


def test_headline_run_onto_text_is_split_off(stages_until):
    page = stages_until(run_on_page("科技园区“建设”提速"), "label")
    kinds_ = [(b.kind, b.text) for b in page.blocks]
    assert ("heading", "科技园区“建设”提速") in kinds_
    assert kinds_[0][0] == "paragraph" and kinds_[0][1].endswith("涉及医药健康等领域，")
    assert len(l006_splits(page)) == 1  # recorded


@pytest.mark.parametrize("title, after", [
    ("科技园区“建设”提速", ("资金加快落地",)),  # a heading after the byline: the headline's rest
    ("科技园区建设资金加快落地了", ()),  # it fills the column: a text line
    ("园区“建设”提速“快", ()),  # it opens a quotation it does not close: a piece of a line
])
def test_text_line_before_byline_is_not_split_off(stages_until, title, after):
    page = stages_until(run_on_page(title, after), "label")
    assert not l006_splits(page)


# --- a dash subtitle's rest run into the text under it ---------------------------------

#: a headline set inside its article's text (the text above breaks off mid-sentence and goes
#: on under it), its dash subtitle broken over two lines on a page of blank-separated lines
DASH_INSIDE = """2023年3月，消费者周某与某

健身房签订会员合同，一次性

支付两年会员费及私教课费用

共计1.26万元。法院审理认为，

涉案条款排除了消费者依法解

除合同的权利，加重了消费者

责任，应属无效。综合考虑已

消费课时、合理损失等因素，

{above}

“霸王条款”被判无效“霸王条款”被判无效

——法院审结

一起健身合同纠纷案

除合同，健身房退还周某费用

8900元。

法官提醒，经营者在提供格式

条款时，应当遵循公平原则。
"""


def test_dash_subtitle_rest_run_into_the_text_goes_back_to_it(stages_until):
    page = stages_until(DASH_INSIDE.format(above="法院判决解"), "label")
    got = kinds(stages_until, DASH_INSIDE.format(above="法院判决解"))
    assert ("heading", "——法院审结一起健身合同纠纷案") in got
    assert ("paragraph", "除合同，健身房退还周某费用8900元。") in got
    assert any(c.rule == "L006" and c.action == "join" for c in page.changes)  # recorded
    art = cleaner.clean(DASH_INSIDE.format(above="法院判决解")).articles
    assert any(a.subtitle is not None and a.subtitle.text == "——法院审结一起健身合同纠纷案" for a in art)


def test_text_under_a_headline_over_it_keeps_its_first_line(stages_until):
    # the text above closes its sentence: the headline stands over its article, and the line
    # under the dash line is that article's first, however short
    got = kinds(stages_until, DASH_INSIDE.format(above="法院判决解除合同。"))
    assert ("heading", "——法院审结") in got
    assert not any(t.startswith("——法院审结一起") for _, t in got)


@pytest.mark.parametrize("turn", ["问：个人账户资金可以用来支付哪些费用？", "记者：你是怎么开始做科普的？", "答：主要是门诊费用。"])
def test_a_turn_of_a_question_and_answer_interview_is_never_a_heading(turn):
    # short, and a question closes it (a headline may end with ？): but 问：/答：/记者： open a
    # turn of the interview, its text
    lines = ["医保个人账户如何“一人缴费、全家共用”", "——访南岭省医疗保障局待遇保障处处长冯立军",
             "近日，南岭省出台职工医保个人账户家庭共济办法，记者就此专访了冯立军。", turn,
             "职工医保个人账户家庭共济，是指参保职工个人账户的资金可以用于支付家人的医疗费用。"]
    page = cleaner.clean("\n\n".join(lines) + "\n")
    (a,) = page.articles
    assert turn in [b.text for b in a.body if b.kind == "paragraph"]
