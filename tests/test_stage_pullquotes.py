"""Pull quotes as print sets them (rule L007): an editor's version of a body sentence (words
dropped, clauses swapped, numbers kept) set apart in a narrow column, at the page top, before
its article or inside its column; and what is never one (a headline over a quote, a subhead, a
short paragraph of other facts)."""

from __future__ import annotations

import cleaner
from cleaner.stages.copies import clause_content, shared_content
from cleaner.stages.pullquotes import _read_on

HARVEST = ("眼下正值秋收关键时期，北原省各地抢抓晴好天气，组织农机加快秋粮收获。据北原省农业农村厅统计，"
           "截至10月15日，全省已收获秋粮3860万亩，进度达到71.2%，比去年同期快3.5个百分点。")
#: the editor's version: its two clauses swapped (截至10月15日 after the harvest, not before)
HARVEST_QUOTE = "全省已收获秋粮3860万亩，截至10月15日，进度达到71.2%，比去年同期快3.5个百分点。"
FARM = ("彭立新种了1200亩水稻，过去光是看水、放水就要雇五六个人。用上智能灌溉系统后，两个人就能管理过来，"
        "每年节省人工成本十几万元，用水量也减少了三成左右。")
#: the editor's version: 就 and 也 dropped
FARM_QUOTE = "用上智能灌溉系统后，两个人能管理过来，每年节省人工成本十几万元，用水量减少了三成左右。"
#: more text of the article, set in its column (the page's column is read from its paragraphs)
MORE = ["丰源县农业农村局介绍，示范区建设了县级数字农业服务平台，接入物联网监测设备2600余台（套），覆盖耕地面积15万亩。",
        "在示范区的一块水稻田边，竖立着一根根监测杆，上面装有土壤墒情传感器、气象站和高清摄像头，手机上一目了然。"]


def _more(wrap) -> str:
    return "".join("\n".join(wrap(p, column=24)) + "\n" for p in MORE)


def _narrow(text: str, column: int) -> list[str]:
    return [text[k:k + column] for k in range(0, len(text), column)]


def _quotes(page) -> list[str]:
    return [q.text for a in page.articles for q in a.pullquotes]


def test_two_edited_quotes_stacked_at_the_page_top_are_cut_apart(wrap):
    """Two articles' quotes stacked in one narrow column at the page top, both edited: neither
    repeats its source word for word, though a piece of the first does (its tail, after the
    swapped clause). The block is cut where the first sentence ends, each piece an editor's
    version of its own paragraph; the first quote's first lines are its own words, not a
    headline run into a quote."""
    # (ten ems a line, a digit half an em: the top of a synthesised training page)
    top = ["全省已收获秋粮3860万", "亩，截至10月15日，进", "度达到71.2%，比去年", "同期快3.5个百分点。",
           "用上智能灌溉系统后，", "两个人能管理过来，每", "年节省人工成本十几万", "元，用水量减少了三成", "左右。"]
    assert "".join(top) == HARVEST_QUOTE + FARM_QUOTE
    raw = ("\n".join(top) + "\n秋粮收获进度过七成\n" + "\n".join(wrap(HARVEST, column=24))
           + "\n智慧农业让种地更轻松\n" + "\n".join(wrap(FARM, column=24)) + "\n" + _more(wrap))
    page = cleaner.clean(raw)
    assert sorted(_quotes(page)) == sorted([HARVEST_QUOTE, FARM_QUOTE])
    titles = [a.title.text for a in page.articles if a.title]
    assert not any(t in HARVEST_QUOTE for t in titles), titles  # (no line of the quote read as a headline)


def test_a_headline_over_an_edited_quote_is_still_cut_off(wrap):
    """A headline set in the quote's narrow column over it is no words of the sentence the
    quote edits: it stays a headline, the quote under it a quote."""
    quote = "用上智能灌溉系统后，两个人就能管理过来，每年节省人工成本十几万元。"
    raw = ("\n".join(wrap(FARM, column=24)) + "\n" + _more(wrap) + "\n智慧农业让种地更轻松\n"
           + "\n".join(_narrow(quote, 10)) + "\n")
    page = cleaner.clean(raw)
    assert _quotes(page) == [quote]
    assert any(a.title and a.title.text == "智慧农业让种地更轻松" for a in page.articles)


def test_a_quote_of_a_sentence_rejoin_broke_in_two_is_weighed_across_the_break():
    """The sentence a quote edits was cut by rejoin (its short last line read as a paragraph of
    its own): the quote's two pieces (a line without punctuation over a short one) are weighed
    against the two paragraph blocks together, never against the quote's own blocks."""
    from cleaner.rules import default_rules
    from cleaner.stages.pullquotes import _edited_from

    rule = default_rules()["L007"]
    pieces = ["那户牧民家里还挂着他和孩子的", "合影，至今。"]
    quote = "".join(pieces)
    source = "在昏暗的酥油灯下，他和牧民一起守了整整一夜，终于保住了母子平安。至今，那户牧民家"
    texts = ["", "", source, "里还挂着他和孩子的合影。", "这些年，乡村医疗条件发生了翻天覆地的变化。"]
    narrow = [0.1, 0.1, 0.05, 0.05, 0.05]
    assert _edited_from(0, 2, quote, pieces, 0.1, {2, 3}, texts, narrow, rule, {})
    whole = texts[:2] + [source + texts[3], "", texts[4]]  # (what it reads as, the break healed)
    assert _edited_from(0, 2, quote, pieces, 0.1, {2}, whole, narrow, rule, {})
    # the paragraph's first half alone holds too little of it
    assert not _edited_from(0, 2, quote, pieces, 0.1, {2}, texts[:3] + ["", texts[4]], narrow, rule, {})
    # a headline over the quote's last words is no words of the sentence
    heads = ["草原上的好医生次仁多吉", "合影，至今。"]
    assert not _edited_from(0, 2, "".join(heads), heads, 0.1, {2, 3}, texts, narrow, rule, {})


def test_a_subhead_over_a_short_paragraph_is_no_quote(wrap):
    """A subhead and the short paragraph under it, set in the text's column, hold words of the
    body but are no editor's version of a sentence of it: nothing is a quote."""
    body = ("近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升。"
            "不少居民说，家门口的变化看得见、摸得着。")
    raw = ("老旧小区焕新颜\n\n" + "\n".join(wrap(body, column=20)) + "\n\n改造惠及千家万户\n\n"
           + "\n".join(wrap("下一步，当地将继续推进改造，让更多居民受益。", column=20)) + "\n")
    page = cleaner.clean(raw)
    assert _quotes(page) == []


def test_a_short_paragraph_of_other_facts_stacked_under_a_quote_stays_text(wrap):
    """Under a quote in its narrow column, a short sentence the body does not hold (its
    number is another) is not cut off as a second quote."""
    raw = ("\n".join(_narrow(FARM_QUOTE, 10)) + "\n" + "\n".join(_narrow("每亩增收300元左右。", 10)) + "\n\n"
           + "智慧农业让种地更轻松\n\n" + "\n".join(wrap(FARM, column=24)) + "\n")
    page = cleaner.clean(raw)
    assert "每亩增收300元左右。" not in _quotes(page)


def test_a_line_of_an_edited_quote_holds_its_clauses_not_its_seams():
    """The pairs across a mark are the seams an editor who swaps clauses makes anew: a line of
    the quote is weighed on the pairs inside its clauses, and on those seams its source holds."""
    line = "亩，截至10月15日，进"
    assert shared_content(line, HARVEST) < 0.8  # (亩截 and 日进 are the editor's seams)
    assert clause_content(line, HARVEST) == 1.0
    assert clause_content("内，考古人员开", "运抵室内，考古人员正在开展清理") == 0.8  # (内考: a seam kept)
    assert clause_content("秋粮收获进度过七成", HARVEST) < 0.8  # (a headline's words are its own)
    assert clause_content("全省已收获秋粮3900万亩", HARVEST) == 0.0  # (a number the source lacks)


def test_a_sentence_is_read_on_across_a_break_but_never_into_the_quote():
    texts = ["至今，那户牧民家", "里还挂着他和孩子的合影。", "那户牧民家里还挂着他和孩子的合影，至今。", "另一段。"]
    assert list(_read_on(0, texts)) == [texts[0], texts[0] + texts[1]]
    assert list(_read_on(1, texts)) == [texts[1], texts[0] + texts[1]]
    assert list(_read_on(1, ["至今，那户牧民家", "里还挂着"], quote=range(0, 1))) == ["里还挂着"]


def test_a_quote_inside_a_lead_that_opens_with_a_dateline_is_cut_out(quote_read_with_text_above, wrap):
    """A quote boxed inside an article's lead, read as the end of the lead's block (rejoin broke
    after its last line): the dateline says the block opens an article, so nothing on top of
    it is a quote, but the narrow run at its end that edits a sentence of the text is."""

    lead = ("本报讯7月8日，桐城市总工会联合市教育局举办的职工子女暑期托管班在全市15个点位同时开班，"
            "首批1200余名孩子入班。托管班开设课业辅导、安全教育、书法绘画等课程，每天上午8点至下午5点半开放。")
    said_ = ("“孩子放假后，我们两口子上班没人照顾，天天发愁。现在把孩子送到这里，有老师管着，还能学东西，"
             "我们上班也安心。”在城东托管点，家住附近的快递员王师傅说。")
    quote = "现在把孩子送到这里，有老师管着，还能学东西。"
    body = wrap(lead, column=16)
    quote_lines = [quote[k:k + 8] for k in range(0, len(quote), 8)]
    raw = ("托管班开班\n\n" + "\n".join(body[:3] + quote_lines + body[3:]) + "\n\n" + "\n".join(wrap(said_, column=16))
           + "\n")
    # (the misreading: the lead's first lines and the quote as one block, its rest apart)
    got = quote_read_with_text_above(raw, quote)
    assert ("pullquote", quote) in got, got
    assert not any(kind == "pullquote" and text.startswith("本报讯") for kind, text in got)


def test_quotes_stacked_and_broken_across_blocks_are_cut_where_their_sentences_end(stages_until, wrap):
    """Three quotes stacked in a narrow column, broken by rejoin in the wrong places (the second
    quote's first line run onto the first quote, its middle line read as a headline, its last
    line run into the third quote): read again as one text, cut where the sentences end, each
    piece a quote of a paragraph set wider."""
    from cleaner.stages import label

    q1, q2, q3 = FARM_QUOTE, "每到病虫害防治季节，示范区里的植保无人机就忙碌起来。", "教育公平是社会公平的重要基础。"
    drone = ("一架植保无人机一天能作业600亩左右，效率是人工的几十倍。每到病虫害防治季节，示范区里的植保无人机"
             "就忙碌起来。")
    school = "教育公平是社会公平的重要基础。近年来，从推进义务教育优质均衡发展，到健全学生资助体系，一系列举措落地见效。"
    stack = [_narrow(q1, 10) + ["每到病虫害防治季节，示"], ["范区里的植保无人机就忙"], ["碌起来。", "教育公平是社会", "公平的重要基础。"]]
    raw = ("\n".join(x for blk in stack for x in blk) + "\n" + "".join(
        "\n".join(wrap(p, column=24)) + "\n" for p in [FARM, drone, school] + MORE))
    page = stages_until(raw, "rejoin")
    top = [x for blk in stack for x in blk]
    blocks, k = [], 0
    for blk in stack:  # (the misreading: the stack's lines as rejoin broke them)
        lines = tuple(range(k, k + len(blk)))
        kind = "heading" if len(blk) == 1 else "paragraph"
        blocks.append(cleaner.model.replace(page.blocks[0], kind=kind, lines=lines, joiners=("",) * (len(blk) - 1)))
        k += len(blk)
    from cleaner.stages._common import rebuild
    blocks = [rebuild(page, b) for b in blocks] + [b for b in page.blocks if b.first >= len(top)]
    page = page.evolve(blocks=tuple(blocks))
    got = [(b.kind, b.text) for b in label.run(page).blocks]
    for q in (q1, q2, q3):
        assert ("pullquote", q) in got, got


def test_narrow_paragraphs_a_headline_cut_are_not_restacked_as_quotes(wrap, monkeypatch):
    """An article set in a narrow column, a paragraph of it cut mid-sentence by a subhead's
    line: the blocks read on into each other, but their sentences are no quotes of another
    paragraph, so they stay as they are."""
    text = ("清晨的河堤上，护林员沿着新栽的杨树林巡查。去年以来，当地在河道两岸补植苗木三万余株，"
            "成活率超过九成，昔日的荒滩如今绿意盎然。")
    column = ["清晨的河堤上，护林员", "沿着新栽的杨树林巡查。", "去年以来，当地在河道", "两岸补植苗木三万余", "植树造林",
              "株，成活率超过九成，", "昔日的荒滩如今绿意盎", "然。"]
    assert "".join(column).replace("植树造林", "") == text
    raw = ("河道两岸绿意浓\n\n" + "\n".join(column) + "\n\n" + "".join("\n".join(wrap(p, column=24)) + "\n" for p in [FARM] + MORE))
    from cleaner.stages import pullquotes

    weighed = []
    quote_source = pullquotes.quote_source
    for module in (pullquotes.find, pullquotes.stack, pullquotes.cut_in, pullquotes.join, pullquotes.source):
        monkeypatch.setattr(module, "quote_source", lambda i, t, *a, **k: weighed.append(t) or quote_source(i, t, *a, **k))
    page = cleaner.clean(raw)
    assert "清晨的河堤上，护林员沿着新栽的杨树林巡查。" in weighed  # (the run was read again, its pieces weighed)
    assert not any("护林员" in q or "苗木" in q for q in _quotes(page))
    assert not any(c.rule == "L007" and "broken across" in str(c.reason) for c in page.changes)


def test_a_sentence_is_read_on_past_a_headline_block_that_cut_it():
    """A headline block set across the column cut a paragraph mid-word (…李晓梅说，在公 /
    headline, byline / 益诉讼中主张…): the sentence is read on past the blocks of no text
    between, up to a headline's lines, and never past a paragraph."""
    head, tail = "承办检察官李晓梅说，在公", "益诉讼中主张惩罚性赔偿，就是要让违法者付出沉重代价。"
    texts = [head, "", "", tail]
    assert head + tail in list(_read_on(0, texts))
    assert head + tail in list(_read_on(3, texts))
    assert head + tail not in list(_read_on(0, [head, "", "另一段文字。", tail]))
    assert head + tail not in list(_read_on(0, [head] + [""] * 6 + [tail]))  # (further than a headline block)


def test_a_quote_of_a_paragraph_a_headline_block_cut_keeps_its_first_lines(wrap):
    """The paragraph a quote copies is cut by a headline block set across its column, between
    十几 and 分钟: the quote's last lines copy the text after the cut word for word, its first
    lines the text before it. Read back across the cut, the paragraph holds them all: no line
    of the quote is a headline over it."""
    quote = "“以前巡检一台风机要大半天，现在无人机绕着转一圈，十几分钟就能把叶片拍得清清楚楚。”"
    top = ["“以前巡检一", "台风机要大半天，", "现在无人机绕着", "转一圈，十几分", "钟就能把叶片拍", "得清清楚楚。”"]
    assert "".join(top) == quote
    before = ("运维船靠近风机，在颠簸的海面上，队员们要借助软梯攀上平台。无人机巡检成了好帮手。"
              "“以前巡检一台风机要大半天，现在无人机绕着转一圈，十几")
    after = "分钟就能把叶片拍得清清楚楚。”林志鹏说，智能化让他们可以把更多精力放在故障分析和预防性维护上。"
    raw = ("\n".join(top) + "\n" + "\n".join(wrap(before, column=24)) + "\n走基层·在一线感受奋斗脉动\n百米高空“追风人”\n"
           + "\n".join(wrap(after, column=24, indent=0)) + "\n" + _more(wrap))
    page = cleaner.clean(raw)
    assert quote in _quotes(page), _quotes(page)


def test_a_caption_that_repeats_words_of_the_text_stays_a_caption(wrap):
    """A caption under a photo names what the text tells (村民在田间收割水稻): it is no quote,
    set narrow or not."""
    body = ("眼下正值秋收时节，清河村的村民在田间收割水稻，一派丰收景象。今年全村种植水稻3200亩，"
            "预计亩产可达650公斤。")
    raw = ("清河村稻谷飘香\n\n" + "\n".join(wrap(body, column=24)) + "\n\n图为村民在田间收割水稻。\n本报记者李明摄\n\n"
           + _more(wrap))
    page = cleaner.clean(raw)
    assert _quotes(page) == []
    assert any("村民在田间收割水稻" in c.text for a in page.articles for c in a.captions)


def test_a_kicker_and_a_title_that_echo_the_lead_are_no_quotes(wrap):
    """A kicker over a title, both words of the lead (聚焦县域高质量发展, 县域经济强筋壮骨): a
    headline sums its text up and never closes a sentence; neither is a quote."""
    lead = ("科技日报讯（记者郝飞娟）聚焦县域高质量发展，远山省坚持把县域经济作为重要支撑，推动县域经济强筋壮骨，"
            "全省县域生产总值占比达到58%。")
    raw = ("聚焦县域高质量发展\n县域经济强筋壮骨\n" + "\n".join(wrap(lead, column=24)) + "\n" + _more(wrap))
    page = cleaner.clean(raw)
    assert _quotes(page) == []
    heads = {x.text for a in page.articles for x in (a.title, a.subtitle, getattr(a, "kicker", None)) if x}
    assert {"聚焦县域高质量发展", "县域经济强筋壮骨"} <= heads, heads  # (which is which: the assemble stage's)


# -- quotes rejoin cut in the wrong places, mended once labelled (mend_quote_pieces) -----------

CAMP = ("营地里有独立的水电桩，营地中心还建有淋浴间、洗衣房和便利店。营地负责人巴特尔说，营地每晚最多接待房车120辆，"
        "实行网上预约。“草原生态脆弱，车不能想开到哪儿就开到哪儿。”")
ECONOMY = ("分产业看，第一产业增加值1620亿元，增长3.8%。全省规模以上工业增加值增长6.9%，社会消费品零售总额增长6.4%，"
           "固定资产投资增长4.7%。")
STREET = ("改造过程中，施工方采取分段围挡、错时施工的办法，尽量减少对居民出行的影响。西城区槐树街道还组织党员志愿者"
          "组成服务队，每天巡查施工进度。")
OTHER = "今年以来，远山县依托教育信息化建设，在全县28所乡村学校推广双师课堂，让乡村孩子在本校就能共享城区优质教育资源。"


def _mend(lines: list[str], kinds: list[tuple[str, int, int]]):
    """``lines`` cleaned as a page, then read as the blocks ``kinds`` ((kind, first line, last
    line) each) and mended: the texts and kinds of the blocks that come back, and the changes."""
    from cleaner.model import replace
    from cleaner.stages._common import rebuild
    from cleaner.stages.pullquotes import mend_quote_pieces

    page = cleaner.clean("\n".join(lines) + "\n")
    assert [ln.text for ln in page.lines[:len(lines)]] == lines
    like = page.blocks[0]
    blocks = [rebuild(page, replace(like, kind=k, lines=tuple(range(a, z + 1)), joiners=("",) * (z - a)))
              for k, a, z in kinds]
    changes, sources = [], {}
    out = mend_quote_pieces(page, blocks, page.rules["L007"], changes, sources)
    return [(b.kind, b.text) for b in out], changes, out is blocks


def test_a_quote_cut_inside_its_sentence_and_run_onto_the_next_quote_is_cut_again():
    """Two quotes stacked, as wide as the text: rejoin ended the first inside its sentence
    (…接待房车) and ran its tail onto the second. Read together and cut where the sentences
    end, each piece repeats a paragraph word for word: two quotes, each whole."""
    lines = ["营地负责人巴特尔说，营地每晚最多接待房车", "120辆，实行网上预约。",
             "全省规模以上工业增加值增长6.9%，", "社会消费品零售总额增长6.4%，固定资产投资增长4.7%。", CAMP, ECONOMY]
    got, changes, same = _mend(lines, [("pullquote", 0, 0), ("pullquote", 1, 3), ("paragraph", 4, 4),
                                       ("paragraph", 5, 5)])
    assert got[:2] == [("pullquote", "营地负责人巴特尔说，营地每晚最多接待房车120辆，实行网上预约。"),
                       ("pullquote", "全省规模以上工业增加值增长6.9%，社会消费品零售总额增长6.4%，固定资产投资增长4.7%。")]
    assert [c.action for c in changes] == ["split"] and changes[0].rule == "L007"


def test_a_quote_and_its_tail_left_as_a_paragraph_are_one_quote():
    """A quote that closes no sentence, the short paragraph on the line under it its tail:
    together a paragraph holds them word for word, so they are one quote."""
    lines = ["改造过程中，施工方采取分段围挡、错时施工的办法，尽量减少对居", "民出行的影响。", STREET, OTHER]
    got, changes, _ = _mend(lines, [("pullquote", 0, 0), ("paragraph", 1, 1), ("paragraph", 2, 2),
                                    ("paragraph", 3, 3)])
    assert got[0] == ("pullquote", "改造过程中，施工方采取分段围挡、错时施工的办法，尽量减少对居民出行的影响。")
    assert len(got) == 3 and [c.action for c in changes] == ["join"]


def test_two_quotes_read_as_one_block_are_cut_apart():
    """Two quotes of two articles stacked and read as one block: no paragraph holds the two
    sentences together, each is held by a paragraph of its own: two quotes."""
    lines = ["营地负责人巴特尔说，营地每晚最多接待房车", "120辆，实行网上预约。",
             "全省规模以上工业增加值增长6.9%，", "社会消费品零售总额增长6.4%，固定资产投资增长4.7%。", CAMP, ECONOMY]
    got, _, _ = _mend(lines, [("pullquote", 0, 3), ("paragraph", 4, 4), ("paragraph", 5, 5)])
    assert [k for k, _ in got] == ["pullquote", "pullquote", "paragraph", "paragraph"]


def test_well_cut_quotes_and_a_quote_over_its_text_are_left_alone():
    """Quotes that each close their sentence, a quote of two sentences of one paragraph, and a
    quote over the next paragraph of its article (which goes on with other words) are left as
    they are."""
    lines = ["营地负责人巴特尔说，营地每晚最多接待房车120辆，实行网上预约。",
             "全省规模以上工业增加值增长6.9%，社会消费品零售总额增长6.4%，固定资产投资增长4.7%。", CAMP, ECONOMY]
    assert _mend(lines, [("pullquote", 0, 0), ("pullquote", 1, 1), ("paragraph", 2, 2), ("paragraph", 3, 3)])[2]
    two = ["分产业看，第一产业增加值1620亿元，增长3.8%。", "全省规模以上工业增加值增长6.9%，社会消费品零售总额增长6.4%，固定资产投资增长4.7%。",
           ECONOMY, OTHER]
    assert _mend(two, [("pullquote", 0, 1), ("paragraph", 2, 2), ("paragraph", 3, 3)])[2]
    # (a quote closing no sentence over a paragraph that is no tail of it: no paragraph holds the two)
    cut = ["改造过程中，施工方采取分段围挡、错时施工的办法，尽量减少对居", "今年以来，远山县依托教育信息化建设。", STREET, OTHER]
    assert _mend(cut, [("pullquote", 0, 0), ("paragraph", 1, 1), ("paragraph", 2, 2), ("paragraph", 3, 3)])[2]


ASKED = "记者：面对持续的参观热潮，博物馆在服务和管理上还有哪些需要提升的地方？"
#: the editor's version: its two clauses swapped, the question a statement, as long as its source
ASKED_QUOTE = "博物馆在服务和管理上还有哪些需要提升的地方，记者：面对持续的参观热潮。"
ANSWER = ("孟庆华：热度之下更要保持冷静。节假日一票难求的问题仍然存在，我们正在研究延长开放时间、增设夜场等措施。"
          "更重要的是，要守住文物安全这条底线，在利用中加强保护，在保护中合理利用。")


def test_an_edited_quote_as_long_as_its_source_is_found(wrap):
    """Clauses swapped and a mark changed, a quote is as long as its source: set in a narrower
    column, it is a quote of it all the same (and the source stays text), though the page's
    other article is set in as narrow a column as the quote."""
    other = "".join("\n".join(wrap(p, column=12)) + "\n" for p in [FARM, HARVEST] + MORE)
    raw = ("\n".join(_narrow(ASKED_QUOTE, 12)) + "\n\n博物馆热持续升温\n\n" + "\n".join(wrap(ASKED, column=24)) + "\n"
           + "\n".join(wrap(ANSWER, column=24)) + "\n\n智慧农业\n\n" + other)
    page = cleaner.clean(raw)
    assert _quotes(page) == [ASKED_QUOTE]
    body = [b.text for a in page.articles for b in a.body]
    assert ASKED in body


def test_a_paragraph_set_wider_than_a_near_copy_of_it_is_no_quote(wrap):
    """A paragraph that a block set clearly narrower nearly repeats (a caption's tail run onto
    that block's top, so that it is the longer) is the text, not a quote of it."""
    source = ("县教育局局长闫春生表示，下一步将把“双师课堂”拓展到音乐、美术、科学等学科，同时推动城乡教师交流轮岗，"
              "从根本上提升乡村教育质量。")
    narrow_block = ("业了解生产经营情况。下一步将把“双师课堂”拓展到音乐、美术、科学等学科，县教育局局长闫春生表示，"
                    "同时推动城乡教师交流轮岗，从根本上提升乡村教育质量。")
    raw = ("\n".join(_narrow(narrow_block, 10)) + "\n\n乡村学校用上双师课堂\n\n" + "\n".join(wrap(OTHER, column=24))
           + "\n" + "\n".join(wrap(source, column=24)) + "\n" + _more(wrap))
    page = cleaner.clean(raw)
    assert source not in _quotes(page)
    assert source in [b.text for a in page.articles for b in a.body]


JOBS = ("拓宽就业舞台，首先要扩大岗位供给。要坚持在发展中稳就业，把促进高质量充分就业作为经济社会发展的优先目标，"
        "支持中小微企业吸纳就业，开发更多适合青年的技术型、知识型岗位。")


def _found(lines: list[str], kinds: list[tuple[str, int, int]]):
    """``lines`` cleaned as a page, read as the blocks ``kinds`` ((kind, first line, last line)
    each), and searched for quotes: the kinds and texts of the blocks that come back."""
    from cleaner.model import replace
    from cleaner.stages._common import rebuild
    from cleaner.stages.pullquotes import find_pullquotes

    page = cleaner.clean("\n".join(lines) + "\n")
    assert [ln.text for ln in page.lines[:len(lines)]] == lines
    like = page.blocks[0]
    blocks = [rebuild(page, replace(like, kind=k, lines=tuple(range(a, z + 1)), joiners=("",) * (z - a)))
              for k, a, z in kinds]
    return [(b.kind, b.text) for b in find_pullquotes(page, blocks, page.rules["L007"], [])]


def test_an_edited_quote_broken_into_a_headline_and_a_line_is_joined_on_a_page_of_narrow_columns():
    """A quote with its clauses swapped, broken into a headline line and a short paragraph, set
    narrower than its source though no narrower than the page's other paragraphs (another
    article set in as narrow a column): one quote all the same."""
    source = [JOBS[k:k + 17] for k in range(0, len(JOBS), 17)]
    narrow = [x[k:k + 9] for x in (FARM, HARVEST, MORE[0]) for k in range(0, len(x), 9)]
    lines = ["首先要扩大岗位供", "给，拓宽就业舞台。"] + source + narrow
    a = 2 + len(source)
    kinds = [("heading", 0, 0), ("paragraph", 1, 1), ("paragraph", 2, a - 1)]
    for x in (FARM, HARVEST, MORE[0]):
        z = a + -(-len(x) // 9)
        kinds.append(("paragraph", a, z - 1))
        a = z
    got = _found(lines, kinds)
    assert ("pullquote", "首先要扩大岗位供给，拓宽就业舞台。") in got
    # a subhead over a short paragraph of other words is left as it is
    lines[1] = "给予青年更多机会。"
    got = _found(lines, kinds)
    assert got[0] == ("heading", "首先要扩大岗位供") and not any(k == "pullquote" for k, _ in got)


def test_a_paragraph_tail_in_the_text_measure_nearly_repeating_another_article_stays_text():
    """The last sentence of a paragraph, read as a block of its own (a full line of the column
    over a short one), nearly repeats a sentence of another article: set in the text's measure,
    not one of its own, it is no quote."""
    area = "据测算，示范区内亩均节本增效200余元。"
    before = "示范区建设了县级数字农业服务平台，接入物联网监测设备2600余台（套），覆盖耕地面积15万亩。"
    other = ("示范区亩均节本增效200余元，全县还将培育一批新型职业农民，力争到2025年全县主要农作物"
             "生产数字化覆盖率达到60%以上。")
    head = [before[k:k + 15] for k in range(0, len(before), 15)]
    tail = [area[:15], area[15:]]
    rest = [other[k:k + 15] for k in range(0, len(other), 15)]
    lines = head + tail + rest
    a, b = len(head), len(head) + 2
    kinds = [("paragraph", 0, a - 1), ("paragraph", a, a + 1), ("paragraph", b, len(lines) - 1)]
    assert not any(k == "pullquote" for k, _ in _found(lines, kinds))


WINTER = ("随着冷空气活动日趋频繁，山西省大部分地区已陆续入冬。今冬全省天气气候趋势如何？公众出行和生产生活需要注意什么？"
          "记者就此采访了山西省气候中心首席专家周立新。")
WINTER_MORE = ["周立新：综合分析海温、积雪等多种因素，预计今冬全省平均气温较常年同期偏高0.5至1摄氏度，降水量偏少一到二成。",
               "周立新：大家可以多关注气象部门发布的预报预警信息，特别是寒潮、大雾、道路结冰等预警，老人和孩子要注意保暖。"]


def _winter_page(top: list[str]):
    """A page of the interview (24 ems a line) with ``top`` (lines of 11 ems) between its paragraphs."""
    lines, kinds = [], []
    for text in [WINTER, "记者：对于公众冬季出行和健康防护，您有什么建议？", None] + WINTER_MORE:
        part = top if text is None else [text[k:k + 24] for k in range(0, len(text), 24)]
        kinds.append(("paragraph", len(lines), len(lines) + len(part) - 1))
        lines += part
    return _found(lines, kinds)


def test_a_sentence_of_the_text_read_into_a_quote_column_is_cut_off():
    """The text's last sentence read in the quote's narrow column, above the quote: the block
    as a whole is no quote; under that sentence it is one, and the sentence is none of its
    source's words. The sentence stays text, the rest is the quote."""
    got = _winter_page(["哪些人群需要特别注意？", "公众出行和生产生活需要", "注意什么。"])
    assert ("paragraph", "哪些人群需要特别注意？") in got
    assert ("pullquote", "公众出行和生产生活需要注意什么。") in got


def test_a_quote_of_two_sentences_of_one_paragraph_is_not_cut():
    """Both sentences are the source's words: one editor's quote, never cut."""
    got = _winter_page(["今冬全省天气气候趋势如", "何？公众出行和生产生活", "需要注意什么。"])
    assert ("pullquote", "今冬全省天气气候趋势如何？公众出行和生产生活需要注意什么。") in got
    # (a headline line under the text's tail closes no sentence: nothing is cut off as a quote)
    got = _winter_page(["哪些人群需要特别注意？", "公众出行生产生活新变化"])
    assert not any(k == "pullquote" for k, _ in got)


FLOOD = "会议指出，今年汛期降雨可能偏多，防汛形势不容乐观。各地各部门要树牢底线思维，坚持以防为主、防抗救相结合，立足防大汛、抗大洪，提前做好各项准备工作。"
#: the editor's version: two clauses swapped
FLOOD_QUOTE = "各地各部门要树牢底线思维，立足防大汛、抗大洪，坚持以防为主、防抗救相结合，提前做好各项准备工作。"


def _cut_into(quote_lines: list[str]) -> tuple[list[str], list[tuple[str, int, int]]]:
    """A page of narrow columns (nine characters a line) with one paragraph set wider (fourteen):
    its sentence begins at the end of one block (rejoin broke the paragraph there), goes on in
    the next, and ``quote_lines`` cut it at a line boundary, its last words (各项准备工作。) left as
    a block of its own. The lines and the blocks ((kind, first, last) each)."""
    head, rest = FLOOD[:FLOOD.index("部门")], FLOOD[FLOOD.index("部门"):]
    a_lines = [head[k:k + 14] for k in range(0, len(head), 14)]
    b_text = rest[:-len("各项准备工作。")]
    r = len(b_text) % 14  # (the line over the quote a full one: the short one first)
    b_lines = ([b_text[:r]] if r else []) + [b_text[k:k + 14] for k in range(r, len(b_text), 14)]
    narrow = [x[k:k + 9] for x in (FARM, HARVEST, MORE[0], MORE[1]) for k in range(0, len(x), 9)]
    lines = a_lines + b_lines + quote_lines + ["各项准备工作。"] + narrow
    a = len(a_lines)
    b = a + len(b_lines) + len(quote_lines)
    kinds = [("paragraph", 0, a - 1), ("paragraph", a, b - 1), ("paragraph", b, b)]
    a = b + 1
    for x in (FARM, HARVEST, MORE[0], MORE[1]):
        z = a + -(-len(x) // 9)
        kinds.append(("paragraph", a, z - 1))
        a = z
    return lines, kinds


def test_an_edited_quote_cut_into_its_sentence_at_a_line_boundary_comes_out_whole():
    """An edited quote set in a column (ten characters) no narrower than the page's other
    articles, cut into the wider paragraph it quotes between two lines, inside the sentence it
    edits (the sentence begun in the block before, ended in the block after): rejoin read it
    with the paragraph's lines over it. It is cut out whole and labelled a quote (weighed against
    the paragraph read around it), the text around it left as the paragraph's pieces."""
    quote_lines = [FLOOD_QUOTE[k:k + 10] for k in range(0, len(FLOOD_QUOTE), 10)]
    lines, kinds = _cut_into(quote_lines)
    got = _found(lines, kinds)
    assert ("pullquote", FLOOD_QUOTE) in got
    assert not any(FLOOD_QUOTE in t for k, t in got if k == "paragraph")


def test_a_paragraph_tail_in_a_narrow_line_is_no_quote_cut_into_it():
    """The same page with lines of other words in the narrow column inside the paragraph (a
    sentence of no paragraph of the page): nothing is cut out as a quote."""
    other = "市气象台将加密观测，滚动发布天气预报预警信息，提醒市民关注天气变化。"
    lines, kinds = _cut_into([other[k:k + 10] for k in range(0, len(other), 10)])
    assert not any(k == "pullquote" for k, _ in _found(lines, kinds))


def test_a_quote_of_a_sentence_another_quote_cut_is_read_on_past_that_quote():
    """A quote at the page top repeats a sentence of a paragraph that another article's quote,
    set in a narrow column at the paragraph's end, cut at a line boundary (rejoin read the two
    as one block; the sentence goes on in the next block). Once that quote is cut out, the
    sentence is read on past it: the quote at the top finds its source."""
    top = "要坚持在发展中稳就业，把促进高质量充分就业作为经济社会发展的优先目标。"
    cut = JOBS.index("充分就业")  # (half the sentence on either side)
    head, tail = JOBS[:cut], JOBS[cut:]
    r = len(head) % 14  # (the line over the other quote a full one)
    head_lines = ([head[:r]] if r else []) + [head[k:k + 14] for k in range(r, len(head), 14)]
    other_quote = [HARVEST_QUOTE[k:k + 8] for k in range(0, len(HARVEST_QUOTE), 8)]
    lines = [top[k:k + 8] for k in range(0, len(top), 8)]
    kinds = [("paragraph", 0, len(lines) - 1)]
    a = len(lines)
    lines += head_lines + other_quote
    kinds.append(("paragraph", a, len(lines) - 1))
    for x in (tail, HARVEST, FARM, MORE[0]):
        a = len(lines)
        lines += [x[k:k + 14] for k in range(0, len(x), 14)]
        kinds.append(("paragraph", a, len(lines) - 1))
    got = _found(lines, kinds)
    assert ("pullquote", top) in got and ("pullquote", HARVEST_QUOTE) in got


PARKS = "改造背街小巷一百二十六条，全市今年新建口袋公园十七处。"
#: the editor's version: its clauses swapped (全市 dropped)
PARKS_QUOTE = "今年新建口袋公园十七处，改造背街小巷一百二十六条。"


def _measured(quote: str, column: int):
    """A page of paragraphs nine characters a line, one of them (``PARKS``) four lines long, its
    first short of an indent and its last of two characters (in lines per em as narrow as a
    column of seven), and ``quote`` set ``column`` characters a line over it."""
    source = [PARKS[:7], PARKS[7:16], PARKS[16:25], PARKS[25:]]
    assert "".join(source) == PARKS
    lines = [quote[k:k + column] for k in range(0, len(quote), column)]
    kinds = [("paragraph", 0, len(lines) - 1)]
    for x in (source, *([t[k:k + 9] for k in range(0, len(t), 9)] for t in (FARM, HARVEST, MORE[0], MORE[1]))):
        kinds.append(("paragraph", len(lines), len(lines) + len(x) - 1))
        lines += x
    return _found(lines, kinds)


def test_an_edited_quote_in_a_column_narrower_than_its_source_measure_is_found():
    """An edited quote set seven characters a line over its source set nine, whose short first
    and last lines make it as narrow in lines per em: the measures (median line widths) tell the
    quote's column from the text's, and the quote is found."""
    got = _measured(PARKS_QUOTE, 7)
    assert ("pullquote", PARKS_QUOTE) in got and ("paragraph", PARKS) in got


def test_an_edited_copy_in_the_text_measure_is_no_quote():
    """The same edited sentence set nine characters a line, as the text is: no measure of its
    own, no quote."""
    got = _measured(PARKS_QUOTE, 9)
    assert not any(k == "pullquote" for k, _ in got)


def test_a_quote_under_a_cut_that_is_no_quote_is_still_found_inside_the_block():
    """A paragraph's block ends with a quote of another paragraph (seven characters a line) set
    under two lines of text that break off a sentence; a line of the block's first sentence is
    wider than the rest, so the text and the quote under that sentence read as a run set
    narrower: that run is no quote. The quote inside the block is still looked for, cut out and
    labelled; the text keeps its lines."""
    first = MORE[1]  # (no digits: a digit is half a character wide)
    head = [first[:12]] + [first[k:k + 10] for k in range(12, len(first), 10)]
    jobs = [JOBS[:10], JOBS[10:20]]
    quote = [FARM_QUOTE[k:k + 7] for k in range(0, len(FARM_QUOTE), 7)]
    lines = head + jobs + quote
    kinds = [("paragraph", 0, len(lines) - 1)]
    for x in (JOBS[20:], FARM, HARVEST, MORE[0]):
        a = len(lines)
        lines += [x[k:k + 10] for k in range(0, len(x), 10)]
        kinds.append(("paragraph", a, len(lines) - 1))
    got = _found(lines, kinds)
    assert ("pullquote", FARM_QUOTE) in got
    assert ("paragraph", first + JOBS[:20]) in got


CUSTOMS = ("海关部门也推出了一系列便利措施。广州海关对出口车辆实行“抵港直装”“船边直提”模式，"
           "并在港区设立专用查验区，将查验时间压缩三分之一以上。")
#: the quote: the sentence, closed where the text goes on
CUSTOMS_QUOTE = "广州海关对出口车辆实行“抵港直装”“船边直提”模式，并在港区设立专用查验区。"


def _broken_apart(second: str):
    """A quote (eight characters a line) at the page top; ``CUSTOMS`` broken inside the quoted
    sentence, half of it on either side (…“抵港直装” | “船边直提”…), another article's paragraphs
    read between its halves, ``second`` standing for its second half."""
    cut = CUSTOMS.index("“船边")
    lines = [CUSTOMS_QUOTE[k:k + 8] for k in range(0, len(CUSTOMS_QUOTE), 8)]
    kinds = [("paragraph", 0, len(lines) - 1)]
    for x in (CUSTOMS[:cut], FARM, JOBS, MORE[0], second, MORE[1]):
        a = len(lines)
        lines += [x[k:k + 14] for k in range(0, len(x), 14)]
        kinds.append(("paragraph", a, len(lines) - 1))
    return _found(lines, kinds)


def test_a_quote_of_a_sentence_broken_far_apart_is_found_across_the_break():
    """The paragraph a quote repeats was broken far apart (another article's paragraphs between
    its halves): the first half ends on the quote's first words, closing no sentence, the second
    opens with the rest of it. The quote is found."""
    got = _broken_apart(CUSTOMS[CUSTOMS.index("“船边"):])
    assert ("pullquote", CUSTOMS_QUOTE) in got


def test_halves_of_other_words_make_no_quote_across_a_break():
    """The same page where the second half goes on in other words: the quote's first words at
    the end of a paragraph are no source of it, and nothing is taken for a quote."""
    got = _broken_apart("，港口还开通了进出口车辆绿色通道，企业办理手续的时间大幅缩短。")
    assert not any(k == "pullquote" for k, _ in got)


RUIJIN = "今年以来，瑞金市累计接待游客1560万人次，其中研学团队超过8000批次。红色研学成为当地文旅融合发展的一张新名片。"


def _mend_with_sources(lines: list[str], kinds: list[tuple[str, int, int]], quoted: dict[int, int]):
    """As :func:`_mend`, the quotes' sources known (``quoted``: first line of a quote -> first
    line of the paragraph it was found to repeat, as find_pullquotes records them)."""
    from cleaner.model import replace
    from cleaner.stages._common import rebuild
    from cleaner.stages.pullquotes import mend_quote_pieces

    page = cleaner.clean("\n".join(lines) + "\n")
    like = page.blocks[0]
    blocks = [rebuild(page, replace(like, kind=k, lines=tuple(range(a, z + 1)), joiners=("",) * (z - a)))
              for k, a, z in kinds]
    changes, sources = [], dict(quoted)
    out = mend_quote_pieces(page, blocks, page.rules["L007"], changes, sources)
    return [(b.kind, b.text) for b in out], changes


def test_an_edited_quote_cut_after_a_clause_into_two_quotes_is_one_quote():
    """An editor's quote with a clause moved (今年以来 after the figure) that rejoin cut after
    that clause: two quotes, the first closing no sentence, both found in one paragraph, which
    holds the two together as an editor's version (not word for word): one quote."""
    lines = ["瑞金市累计接待游客1560万人次，今年以来，", "其中研学团队超过8000批次。", RUIJIN, OTHER]
    kinds = [("pullquote", 0, 0), ("pullquote", 1, 1), ("paragraph", 2, 2), ("paragraph", 3, 3)]
    got, changes = _mend_with_sources(lines, kinds, {0: 2, 1: 2})
    assert got[0] == ("pullquote", "瑞金市累计接待游客1560万人次，今年以来，其中研学团队超过8000批次。")
    assert len(got) == 3 and [c.action for c in changes] == ["join"]


def test_two_quotes_of_other_paragraphs_are_not_joined_as_an_edit():
    """The same two pieces, each found to repeat another paragraph than the one that holds them
    together as an edit: they stay two quotes (the join needs the paragraph they quote)."""
    lines = ["瑞金市累计接待游客1560万人次，今年以来，", "其中研学团队超过8000批次。", RUIJIN, OTHER]
    kinds = [("pullquote", 0, 0), ("pullquote", 1, 1), ("paragraph", 2, 2), ("paragraph", 3, 3)]
    got, changes = _mend_with_sources(lines, kinds, {0: 3, 1: 3})
    assert [k for k, _ in got] == ["pullquote", "pullquote", "paragraph", "paragraph"] and not changes


REFORM = ("也要看到，积分制在推行中还存在一些问题。有的地方积分项目设置过多过细，村民觉得繁琐；有的地方只重记分不重兑现，"
          "积分成了“空头支票”。")


def test_an_edited_quote_with_a_word_dropped_broken_into_a_headline_and_a_line_is_joined():
    """A headline line over a line that closes the sentence, together an editor's version of a
    paragraph's sentence with a clause moved and a word dropped (还): no n-gram key of it need
    be its source's, so the paragraphs within quote_reach are weighed: one quote. A subhead over
    a short paragraph of other words stays as it is."""
    source = [REFORM[k:k + 17] for k in range(0, len(REFORM), 17)]
    narrow = [x[k:k + 17] for x in (FARM, HARVEST, MORE[0]) for k in range(0, len(x), 17)]
    lines = ["积分制在推行中存在一", "些问题，要看到。"] + source + narrow
    a = 2 + len(source)
    kinds = [("heading", 0, 0), ("paragraph", 1, 1), ("paragraph", 2, a - 1)]
    for x in (FARM, HARVEST, MORE[0]):
        z = a + -(-len(x) // 17)
        kinds.append(("paragraph", a, z - 1))
        a = z
    got = _found(lines, kinds)
    assert ("pullquote", "积分制在推行中存在一些问题，要看到。") in got
    lines[0], lines[1] = "积分制推行有了新进展", "村里开展评比活动。"
    got = _found(lines, kinds)
    assert got[0] == ("heading", "积分制推行有了新进展") and not any(k == "pullquote" for k, _ in got)


SWIM = ("本次比赛中，共有4人1队次打破4项全国纪录，另有17人次达到世界锦标赛A标。国家游泳队有关负责人表示，"
        "一批年轻选手进步明显，中长距离项目整体实力有所提升。")
TOWN = ("每晚7点至10点，古镇推出水上实景演出《梦里水乡》，演员在船上、廊棚下表演越剧选段和民俗节目。"
        "古镇还延长了商铺营业时间，沿河廊棚下的夜市摊位吸引了不少游客。")


def test_a_headline_line_run_onto_a_quote_goes_back_to_the_text():
    """A quote whose block took in the headline under it (全国游泳冠军赛落幕): the lines that close
    its sentence are held by the paragraph it repeats, the headline line is none of its words and
    no paragraph holds it: it goes back to the text as a headline line."""
    lines = ["共有4人1队次打破4项全国纪录，", "另有17人次达到世界锦标赛A标。", "全国游泳冠军赛落幕", SWIM, OTHER]
    got, changes = _mend_with_sources(lines, [("pullquote", 0, 2), ("paragraph", 3, 3), ("paragraph", 4, 4)], {0: 3})
    assert got[:2] == [("pullquote", "共有4人1队次打破4项全国纪录，另有17人次达到世界锦标赛A标。"),
                       ("heading", "全国游泳冠军赛落幕")]
    assert [c.action for c in changes] == ["split"] and changes[0].rule == "L007"


def test_lines_over_a_quote_are_never_trimmed_off():
    """A line over a quote's text in its block stays the quote's (its own first line may be no
    words of a source the layout cut: only lines under its closing line go back to the text)."""
    lines = ["女子组冠军何晓雯", "每晚7点至10点，", "古镇推出水上实景", "演出《梦里水乡》。", TOWN, OTHER]
    got, changes = _mend_with_sources(lines, [("pullquote", 0, 3), ("paragraph", 4, 4), ("paragraph", 5, 5)], {0: 4})
    assert got[0] == ("pullquote", "女子组冠军何晓雯每晚7点至10点，古镇推出水上实景演出《梦里水乡》。") and not changes


def test_a_quote_whose_lines_are_all_its_source_words_is_not_trimmed():
    """A quote of two sentences of its paragraph, its first line closing no sentence, and a quote
    over a line another paragraph holds word for word: nothing goes back to the text."""
    lines = ["共有4人1队次打破4项全国纪录，", "另有17人次达到世界锦标赛A标。", "一批年轻选手进步明显。", SWIM, OTHER]
    got, changes = _mend_with_sources(lines, [("pullquote", 0, 2), ("paragraph", 3, 3), ("paragraph", 4, 4)], {0: 3})
    assert got[0][0] == "pullquote" and len(got) == 3 and not changes
    lines[2] = "在全县28所乡村学校推广双师课堂。"  # (OTHER's words: another quote, not text of a headline)
    got, changes = _mend_with_sources(lines, [("pullquote", 0, 2), ("paragraph", 3, 3), ("paragraph", 4, 4)], {0: 3})
    assert not any(c.reason.startswith("the quote at line 1 holds") for c in changes)
    assert not any(k in ("heading", "paragraph") and t == lines[2] for k, t in got)


def test_a_mark_hangs_past_a_quote_s_measure_set_by_its_other_lines():
    """A narrow quote lets a closing mark hang past its measure (项目首席科学家、 is 8 ems in a 7-em
    column): its measure is what its lines without such a mark set. A run whose every line ends on
    a mark (a column of text's lines, 东西， / 断了。”) sets no measure to hang past: its widest line is
    its measure."""
    from cleaner.chars import width
    from cleaner.stages.pullquotes.measure import hanging, set_width

    quote = ["项目首席科学家、", "研究员王立新表", "示，轨道周期最", "理想天然实验室。"]
    widths = [width(x) for x in quote]
    assert widths == [8, 7, 7, 8]
    assert hanging(quote, widths) == [7, None, None, 7]
    assert set_width(widths, hanging(quote, widths)) == 7
    text = ["德明却坚持了下来：“老祖宗传下来的东西，", "不能在我们这代人手里断了。”"]
    widths = [width(x) for x in text]
    assert set_width(widths, hanging(text, widths)) == max(widths)
    # (a line closing on a mark wider than the measure the others set is no hanging mark)
    assert set_width([7, 10], [None, 9]) == 10


def test_a_subtitle_over_an_edited_quote_that_repeats_its_own_lead_is_no_part_of_the_quote(wrap):
    """A subtitle of the article above (no clause mark, closing no sentence) set in the narrow
    column over another article's quote repeats its own lead word for word: words of a paragraph,
    but not of the quote's source, running on into the quote across no seam a paragraph holds, over
    a quote with which it makes no editor's version of any paragraph. It is a headline line, not
    the quote's first line."""
    pay = ("人民币正逐步融入市民日常生活。截至目前，南屏市已开立数字人民币个人钱包480万个，累计交易金额超过300亿元，"
           "支持数字人民币支付的商户门店达到26万家。")
    quote = "每年节省人工成本十几万元，用上智能灌溉系统后，两个人就能管理过来。"  # (FARM's clauses swapped)
    raw = ("数字人民币试点场景持续拓展\n" + "\n".join(wrap(pay, column=24)) + "\n累计交易金额超过300亿元\n"
           + "\n".join(_narrow(quote, 10)) + "\n智慧农业让种地更轻松\n" + "\n".join(wrap(FARM, column=24)) + "\n"
           + _more(wrap))
    page = cleaner.clean(raw)
    assert _quotes(page) == [quote]


def test_an_edited_quote_right_before_the_article_it_quotes_may_be_set_only_ems_narrower(wrap):
    """A quote standing right before the dateline paragraph that opens its article, set in a
    measure of its own (14 ems) cut_narrower ems narrower than its article's (16 ems), though not
    quote_narrower times narrower (1.14), is an editor's version of a sentence of that article (a
    clause moved), after the last paragraph of the article above in a column of 13 ems."""
    above = ("“孩子放假后，我们两口子上班没人照顾，天天发愁。现在把孩子送到这里，有老师管着，还能学东西，我们上班也"
             "安心。”在城东托管点，家住附近的快递员李强说。据了解，托管班的授课教师主要由在职教师和师范类大学生志愿者"
             "担任，所有点位都配备了专职安全员。")
    lead = ("本报讯（实习记者肖刚佳）4月18日，江陵市市长王建平主持召开市政府常务会议，传达学习全省防汛工作电视电话会议"
            "精神，听取全市防汛备汛工作情况汇报，研究部署下一阶段重点任务。")
    src = ("会议指出，据气象部门预测，今年我市汛期降雨可能偏多，防汛形势不容乐观。各地各部门要树牢底线思维，坚持以防为"
           "主、防抗救相结合，立足防大汛、抗大洪、抢大险，全力做好各项准备。")
    more = ("会议强调，要扎实开展汛前隐患排查，对全市82座水库、436公里堤防以及城区易涝点逐一检查，建立问题台账，限期"
            "整改到位；要加强监测预警，及时发布预警信息。")
    quote = ["各地各部门要树牢底线思维，", "立足防大汛、抗大洪、抢大险，", "坚持以防为主、防抗救相结合。"]
    raw = ("暑期托管开班\n" + "\n".join(wrap(above, column=13)) + "\n" + "\n".join(quote) + "\n"
           + "".join("\n".join(wrap(x, column=16)) + "\n" for x in (lead, src, more)) + "市政府召开常务会议研究部署防汛备汛工作\n")
    assert _quotes(cleaner.clean(raw)) == ["".join(quote)]
