"""Pull quotes set inside a column at the column's own measure (PyMuPDF reads a boxed quote's
lines between two lines of the paragraph it cuts, no narrower than them): the cut is what sets
the quote apart, and a line that ends on a mark inside a list (、) cuts a sentence as one that
ends inside a word does."""

from __future__ import annotations

import cleaner

#: a paragraph cut by a quote after 32支代表队、 (the quote's lines at the column's measure), the
#: sentence going on after the quote; the quote edits (clauses swapped) a sentence further on
CUT = ["为期6天的全国游泳冠军赛", "30日在广东省深圳市宝安区游", "泳馆落下帷幕。来自全国各省",
       "区市和行业体协的32支代表队、"]
QUOTE_LINES = ["国家游泳队有关负责人表示，", "从比赛情况看，中长距离项", "目整体实力有所提升，一批",
               "年轻选手进步明显。"]
GOES_ON = ["近600名运动员参加了本次比赛，", "共决出42枚金牌。其中，广东", "队以9枚金牌位列金牌榜首位，",
           "浙江队、上海队分列二、三位。"]
SOURCE = ["本次比赛中，共有4人1队", "次打破4项全国纪录，另有17人", "次达到世界锦标赛A标。国家游",
          "泳队有关负责人表示，从比赛", "情况看，一批年轻选手进步明", "显，中长距离项目整体实力有", "所提升。"]
QUOTE = "".join(QUOTE_LINES)


def _page(cut_end: str = "、"):
    cut = CUT[:-1] + [CUT[-1][:-1] + cut_end]
    raw = "全国游泳冠军赛落幕\n" + "\n".join(cut + QUOTE_LINES + GOES_ON + SOURCE) + "\n"
    return cleaner.clean(raw)


def _quotes(page) -> list[str]:
    return [q.text for a in page.articles for q in a.pullquotes]


def test_a_quote_set_at_the_columns_measure_after_a_list_mark_is_cut_out():
    """The quote stands after 代表队、, where no sentence may start: it is cut out as a frame's
    quote and, though no narrower than its source, weighed again as one (framed), it is a
    quote; the paragraph it cut reads on (、近600名…)."""
    page = _page()
    assert _quotes(page) == [QUOTE]
    body = "".join(a.text for a in page.articles)
    assert "32支代表队、近600名运动员" in body
    assert body.count("国家游泳队有关负责人表示") == 1  # (the source's copy stays)


def test_a_sentence_set_after_a_closed_one_is_text():
    """The same lines after a sentence's end (代表队。) start a sentence of the text where they
    stand: nothing cuts, no quote."""
    page = _page("。")
    assert _quotes(page) == []


#: a paragraph cut inside a word (全 | 市) by an edited quote (种子也是 -> 种子是: its opening
#: words changed, its closing ones kept) of a sentence of the next paragraph
SOWING = ["本报讯 时下正值冬小麦播种关", "键期，周口市1100余万亩麦田", "里，农机手们驾驶着播种机来", "回穿梭，施肥、播种、镇压一",
          "次完成。截至10月25日，全"]
SEED_QUOTE = ["种子是农技站推荐的新品种，", "对明年的收成心里有底。"]
SEED_SOURCE = ["为保障秋播顺利进行，周口", "市农业农村部门组织1200余名农", "技人员深入田间地头，指导农民",
               "因地制宜选用良种。“今年墒情好，", "种子也是农技站推荐的新品种，", "对明年的收成心里有底。”商水",
               "县种粮大户韩德胜说。"]


def _sowing(goes_on: str):
    raw = "秋播正当时\n" + "\n".join(SOWING + SEED_QUOTE + [goes_on] + SEED_SOURCE) + "\n"
    return cleaner.clean(raw)


def test_an_edited_quote_cutting_a_word_is_cut_out_where_the_text_reads_on_across_it():
    """全 / [quote] / 市小麦…: the text the quote cuts reads on past it as a word (全市), not into
    it (全种): the quote is cut out though its opening words are no source's, and the paragraph
    reads on."""
    page = _sowing("市小麦播种进度已过七成。")
    assert _quotes(page) == ["".join(SEED_QUOTE)]
    body = "".join(a.text for a in page.articles)
    assert "截至10月25日，全市小麦播种进度已过七成。" in body
    assert "种子也是农技站推荐的新品种，对明年的收成心里有底。" in body  # (the source stays)


def test_an_edited_quote_whose_cut_does_not_read_on_stays_text():
    """The same lines with text after them that makes no word with 全: nothing shows a cut,
    and an editor's opening words that no paragraph holds make no quote."""
    page = _sowing("小麦播种进度已过七成。")
    assert _quotes(page) == []


#: a headline quoting its speaker whole over the article's pull quote, the two on adjacent lines
INTERVIEW = ["“给每一件古陶瓷找到回家的路”", "我常跟学生说，你们面对的不只是一件器物，而", "是几百年、上千年前工匠的心血。",
             "○本报记者 万俊琳", "本报讯  在景湖大学考古实验室里，一排排货架上摆满", "了编号的陶瓷碎片。52岁的文物修复专家黄立群每天",
             "有一大半时间待在这里，把散落的碎片一点点拼接还原。", "记者：现在有不少年轻人对文物修复感兴趣，您对他",
             "们有什么建议？", "黄立群：这个行当需要耐得住寂寞。我常跟学生说，你", "们面对的不只是一件器物，而是几百年、上千年前工",
             "匠的心血。要有敬畏之心，也要多学科学知识，化学、", "材料学、考古学都要懂一些。只有把功夫下足了，才",
             "能给每一件古陶瓷找到“回家的路”。"]


def test_a_headline_quoted_whole_is_no_piece_of_the_quote_under_it():
    """“给每一件古陶瓷找到回家的路” stands wholly between quotation marks: it reads on into nothing
    under it, so it and the quote on the next line are no one quote broken in two (together
    they would pass for an editor's version of the answer that holds both)."""
    page = cleaner.clean("\n".join(INTERVIEW) + "\n")
    quotes = _quotes(page)
    assert not any("古陶瓷找到回家的路" in q for q in quotes), quotes


#: a one-line quote copying the first sentence of the paragraph before, set at the column's
#: measure between two lines of the next paragraph (坚持 / [quote] / 因材施教)
FAIRNESS = ["让每个孩子都能享有公平而有质量的教育",
            "也要看到，城乡之间、区域之间、校际之间的教", "育差距依然存在。在一些偏远农村地区，学校硬件条",
            "件虽已明显改善，但优秀教师“招不来、留不住”的", "问题仍较突出。",
            "推动教育公平，关键在于扩大优质教育资源供给。", "一是要加大教师队伍建设力度，完善乡村教师待遇保",
            "障和职称评聘倾斜政策，让好老师愿意去、留得住、", "教得好；二是要用好数字化手段，让优质课程资源跨",
            "越山海、直达课堂。",
            "教育公平不是“削峰填谷”，更不是“平均主义”，", "而是要让每个孩子都能获得适合自己的发展机会。这",
            "就需要在保障基本公平的基础上尊重个体差异、坚持", "推动教育公平，关键在于扩大优质教育资源供给。",
            "因材施教，为不同禀赋、不同兴趣的学生提供多样化", "的成长路径。"]


def test_a_copy_cutting_the_paragraph_after_its_source_is_weighed_against_its_source_alone():
    """The quote's source is the paragraph right before the block the quote cuts: read on into
    that block, it held the pair across the cut (持推) because the block holds the quote; read
    alone it does not, and the quote is cut out (the source's own copy stays)."""
    page = cleaner.clean("\n".join(FAIRNESS) + "\n")
    assert _quotes(page) == ["推动教育公平，关键在于扩大优质教育资源供给。"]
    body = "".join(a.text for a in page.articles)
    assert "坚持因材施教" in body
    assert body.count("推动教育公平") == 1


#: a headline drawn twice (bold display type: the extractor reads it twice) over its article's
#: quote, which copies the lead's first sentence in a narrow column
CLIMBING = ["青少年攀岩赛在安顺落幕", "青少年攀岩赛在安顺落幕", "为期4天的全国青", "少年攀岩锦标赛11", "月24日在安顺落",
            "幕。", "本报讯（记者余海明", "通讯员汤勇）为期4天", "的全国青少年攀岩锦标", "赛11月24日在安顺落幕。",
            "来自全国各地的380余", "名青少年运动员参加了", "速度、攀石、难度3个项", "目的比赛。"]


def test_a_headline_drawn_twice_is_no_piece_of_the_quote_under_it():
    """The headline and the quote under it would pass together for an editor's version of the
    lead; the headline drawn twice is set in display type, no line of a quote: it stays the
    title and the quote is the sentence alone."""
    page = cleaner.clean("\n".join(CLIMBING) + "\n")
    assert _quotes(page) == ["为期4天的全国青少年攀岩锦标赛11月24日在安顺落幕。"]
    assert [a.title.text for a in page.articles if a.title] == ["青少年攀岩赛在安顺落幕"]


#: a two-line headline (no clause mark, not drawn twice) over its article's quote, a sentence
#: of its own that edits the lead; 典型案例 | 安川市 make no word across the break
NOTICE = ["市纪委监委通报5起群众身边不正之风", "和腐败问题典型案例", "安川市纪委监委对5起群众身边不正之风和腐败",
          "问题典型案例进行公开通报。", "本报讯（记者 叶雪兰）近日，安川市纪委监委对5起",
          "群众身边不正之风和腐败问题典型案例进行公开通报。", "通报的案例包括：某镇民政办原工作人员利用职",
          "务便利，虚报冒领低保资金12.6万元；某村党支部原", "书记在高标准农田建设项目中收受施工方好处费8万元。",
          "目前，相关人员均已受到党纪政务处分，涉嫌犯罪的", "已移送司法机关依法处理。"]


def test_a_headline_over_a_quote_that_is_a_sentence_of_its_own_stays_a_headline():
    """The headline lines and the quote together pass for an editor's version of the lead, but
    the quote is a whole sentence of its own and the headline runs on into it as no word (a quote
    rejoin broke, 积分制在推行中存在一 / 些问题，…, breaks inside one): the headline stays the title."""
    page = cleaner.clean("\n".join(NOTICE) + "\n")
    assert _quotes(page) == ["安川市纪委监委对5起群众身边不正之风和腐败问题典型案例进行公开通报。"]
    assert [a.title.text for a in page.articles if a.title] == ["市纪委监委通报5起群众身边不正之风和腐败问题典型案例"]
