"""Stage lines: printed lines out of any line-end convention, measured in ems.

Extractors end lines with \\n, \\r\\n or \\r (now and then U+2028), some put a blank line after
every printed line. Whatever the convention, the lines and the cleaned text are the same.
Widths count a Han character or full-width mark as one em and an ASCII character as half.
A byline set on the same line as a headline is split off.
"""

from __future__ import annotations

import pytest

import cleaner
from cleaner.chars import width

LINES = ["科技日报讯（记者华凌）为打造标杆型科技园区，提升中关村示范区",
         "各分园主导产业承载能力，加速世界领先科技园区建设，北京市科委、中",
         "关村管委会近日投入首批支持高品质科技园区建设资金10948.72万元，",
         "支持中关村生命科学园等科技园区的10个项目。",
         "北京启动高品质科技园区建设"]


def line_texts(stages_until, text: str) -> list[str]:
    return [ln.text for ln in stages_until(text, "lines").lines]


def body_and_headings(page) -> list:
    d = cleaner.page_dict(page)
    return [(a["title"], a["subtitle"], a["byline"], [b["text"] for b in a["blocks"]])
            for a in d["articles"]]


CONVENTIONS = {
    "lf": "\n".join(LINES) + "\n",
    "crlf": "\r\n".join(LINES) + "\r\n",
    "cr": "\r".join(LINES) + "\r",
    "mixed": LINES[0] + "\r\n" + LINES[1] + "\n" + LINES[2] + "\r" + LINES[3] + "\r\n" + LINES[4],
    "u2028": "\u2028".join(LINES),
    "blank-after-every-line": "\n\n".join(LINES) + "\n\n",
    "crlf-blank-after-every-line": "\r\n\r\n".join(LINES) + "\r\n\r\n",
    "indented": "\n".join("  " + ln + " " for ln in LINES),
}


@pytest.mark.parametrize("name", CONVENTIONS)
def test_line_end_conventions_give_the_same_lines(stages_until, name):
    assert line_texts(stages_until, CONVENTIONS[name]) == LINES


@pytest.mark.parametrize("name", CONVENTIONS)
def test_line_end_conventions_give_the_same_page(name):
    assert body_and_headings(cleaner.clean(CONVENTIONS[name])) == \
        body_and_headings(cleaner.clean(CONVENTIONS["lf"]))


def test_the_paragraph_is_rejoined_whatever_the_line_ends():
    page = cleaner.clean(CONVENTIONS["crlf-blank-after-every-line"])
    assert "".join(LINES[:4]) in [b.text for a in page.articles for b in a.body]


@pytest.mark.parametrize("name", CONVENTIONS)
def test_line_spans_point_into_the_source(stages_until, name):
    text = CONVENTIONS[name]
    page = stages_until(text, "lines")
    for ln in page.lines:
        assert ln.text == page.overlay.render(ln.start, ln.end) == text[ln.start:ln.end]
        assert ln.text == ln.text.strip()
        assert ln.width == width(ln.text)
    assert [ln.index for ln in page.lines] == list(range(len(page.lines)))
    assert all(a.end <= b.start for a, b in zip(page.lines, page.lines[1:]))


@pytest.mark.parametrize("name", CONVENTIONS)
def test_line_numbers_count_source_lines(stages_until, name):
    """The stage's table of source line starts gives the numbers an editor shows: those
    Page.line_no reckons from the source when no stage made the table."""
    import dataclasses

    for text in (CONVENTIONS[name], "\n\n" + CONVENTIONS[name], CONVENTIONS[name] + "\r\n\n"):
        page = stages_until(text, "lines")
        fresh = dataclasses.replace(page, layout=dataclasses.replace(page.layout, line_starts=None))
        assert page.layout.line_starts is not None
        assert [page.line_no(k) for k in range(len(page.lines))] == \
            [fresh.line_no(k) for k in range(len(page.lines))]
        for ln in page.lines:  # what an editor shows: breaks before the line, plus one
            before = text[:ln.start]
            assert page.line_no(ln.index) == len((before + "x").splitlines()), (name, ln.text)


def test_gap_before_counts_blank_lines(stages_until):
    page = stages_until("一\n\n二\n\n\n三\n四\r\n\r\n五", "lines")
    assert [(ln.text, ln.gap_before) for ln in page.lines] == [
        ("一", 0), ("二", 1), ("三", 2), ("四", 0), ("五", 1)]


def test_empty_and_blank_pages(stages_until):
    assert stages_until("", "lines").lines == ()
    assert stages_until(" \n\r\n\t\n\u3000\n", "lines").lines == ()
    page = cleaner.clean("\n\n   \n")
    assert page.articles == () and page.dropped == ()


# --- widths -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, ems", [
    ("中国", 2.0),
    ("2022年", 3.0),
    ("ABC", 1.5),
    ("GDP增长5.2%", 5.5),
    ("，。、；：？！", 7.0),
    ("GDP增长", 3.5),
])
def test_width_in_ems(text, ems):
    assert width(text) == ems


def test_line_width_is_measured(stages_until):
    page = stages_until("2022年GDP增长5.2%\n中国科技\n", "lines")
    assert [ln.width for ln in page.lines] == [8.5, 4.0]


# --- a byline on a headline's line -------------------------------------------------------

def test_merged_byline_and_doubled_headline_split(stages_until):
    text = "◎本报记者 廖春浩 抢抓农时抢抓农时 各地做好春耕备耕各地做好春耕备耕\n"
    assert line_texts(stages_until, text) == ["◎本报记者 廖春浩", "抢抓农时抢抓农时 各地做好春耕备耕各地做好春耕备耕"]
    (c,) = [c for c in stages_until(text, "lines").changes if c.rule == "T001"]
    assert c.action == "split" and not c.edits


def test_merged_byline_and_glued_doubled_headline_split(stages_until):
    text = "◎本报记者 雷桂立丁薛祥同俄罗斯第一副总理丁薛祥同俄罗斯第一副总理\n"
    assert line_texts(stages_until, text) == ["◎本报记者 雷桂立", "丁薛祥同俄罗斯第一副总理丁薛祥同俄罗斯第一副总理"]


@pytest.mark.parametrize("text, head, byline", [
    # a byline run onto a plain headline, no blank: told by its structure (an outlet's name, a
    # role, names set as a byline sets them), whatever the outlet
    ("合理膳食从一日三餐做起新京报记者 王军 陆瑞亮", "合理膳食从一日三餐做起", "新京报记者 王军 陆瑞亮"),
    ("数字人民币试点场景持续拓展扬子晚报全媒体记者 曹芳浩", "数字人民币试点场景持续拓展", "扬子晚报全媒体记者 曹芳浩"),
    ("我国射电望远镜新发现脉冲星86颗极目新闻记者金静远、韦强、于博宏", "我国射电望远镜新发现脉冲星86颗",
     "极目新闻记者金静远、韦强、于博宏"),
    ("让“诗和远方”走得更近本报记者 薛晨博", "让“诗和远方”走得更近", "本报记者 薛晨博"),
    # after a closing quote, the outlet is two characters and its ending, not the headline's end
    ("市政协围绕“一老一小”开展专题协商川观新闻记者 袁宇萱 袁志瑞", "市政协围绕“一老一小”开展专题协商",
     "川观新闻记者 袁宇萱 袁志瑞"),
    # one name glued to its role, the outlet two characters and a paper's ending
    ("让文旅消费更有活力经济日报记者童政", "让文旅消费更有活力", "经济日报记者童政"),
    # names and their role in brackets after them: the first name taken as three characters
    ("浙江队98∶95险胜山东队叶宇俊（长江日报记者）", "浙江队98∶95险胜山东队", "叶宇俊（长江日报记者）"),
    # a role, a name and the place after a slash: the slash bounds the name
    ("把法庭“搬”到乡亲家门口特派记者范芳子／巴黎报导", "把法庭“搬”到乡亲家门口", "特派记者范芳子／巴黎报导"),
])
def test_byline_run_onto_a_plain_headline_split(stages_until, text, head, byline):
    assert line_texts(stages_until, text + "\n") == [head, byline]


@pytest.mark.parametrize("text, head, byline", [
    # a headline drawn twice, then names and their role in brackets: the cut after the closing
    # quote would leave the headline's last word to the names
    ("让文物“活”起来让文物“活”起来吴雨、付杰（极目新闻记者）", "让文物“活”起来让文物“活”起来",
     "吴雨、付杰（极目新闻记者）"),
    # a headline broken inside its quotation, the byline drawn between its lines after an ornament
    ("警惕“指尖上的  ◎本报评论员 姜力", "警惕“指尖上的", "◎本报评论员 姜力"),
    ("新编越剧《钱 黑龙江日报记者 钟倩 李波", "新编越剧《钱", "黑龙江日报记者 钟倩 李波"),
    # roles and names with no outlet, run onto the headline: the whole byline, not its last role
    ("绿色信贷余额突破千亿元记者 丁梓 通讯员 邹建晓", "绿色信贷余额突破千亿元", "记者 丁梓 通讯员 邹建晓"),
])
def test_byline_after_a_headline_split_where_the_headline_ends(stages_until, text, head, byline):
    assert line_texts(stages_until, text + "\n") == [head, byline]


@pytest.mark.parametrize("text", [
    "肯尼亚内罗毕一所大学的教授在接受新京报记者 王军",  # (prose: the reporter it was said to)
    "会议结束后，他对本报记者 王五",
    "在接受本报记者采访时说，自贸区建设是一项长期工程",
    "据了解，新京报记者王军",  # (prose: a comma, no headline before it)
    "目前已有多家媒体的记者王军",
    "他说。王五（本报记者）",  # (a sentence closed before it: no headline)
    "徐林 梁杰玲） 记者从海州市",  # (a dateline's bracket closed before it)
    "他在接受记者王五／北京报导",
    # OCR output: an ornament misread as a mark or a character, a joint brand's dot lost
    "古镇焕新 游客“留下来”@本报记者 范芳丽 高俊强",
    "让乡村既有“颜值”又有“产值”  女YMG全媒体记者 叶佳静",
    "中青报：中青网记者 毛宇力",
])
def test_prose_naming_a_reporter_is_not_split(stages_until, text):
    assert line_texts(stages_until, text + "\n") == [text]


def test_merged_byline_with_two_roles_split(stages_until):
    text = "◎本报记者 王晓明 通讯员 李华 高质量发展调研行\n"
    assert line_texts(stages_until, text) == ["◎本报记者 王晓明 通讯员 李华", "高质量发展调研行"]


def test_merged_byline_and_plain_headline_split(stages_until):
    text = "◎本报记者 廖春浩 抢抓农时 各地做好春耕备耕\n"
    assert line_texts(stages_until, text) == ["◎本报记者 廖春浩", "抢抓农时 各地做好春耕备耕"]


@pytest.mark.parametrize("line, parts", [
    # a headline of four characters (min_rest), an ornament before the byline
    ("书香润城 ▲ 本报记者 邱思力 闫兵", ["书香润城", "▲ 本报记者 邱思力 闫兵"]),
    # a closing quotation mark ends the headline and sets the byline apart as a blank would
    ("祠堂前唱响“村晚”闫磊凯、魏博慧/上观新闻", ["祠堂前唱响“村晚”", "闫磊凯、魏博慧/上观新闻"]),
    ("“跑步让我更懂得坚持”记者叶艳、莫芳轩／台中报导", ["“跑步让我更懂得坚持”", "记者叶艳、莫芳轩／台中报导"]),
    # a byline of the catalogue's forms after a plain headline and a blank: the blank is the
    # cut (the byline's match starts past it)
    ("景区限流不能“一限了之” 新京报记者 苏辉军 苏秀", ["景区限流不能“一限了之”", "新京报记者 苏辉军 苏秀"]),
    ("智能制造“加速跑” 覃晨东、龙东梅/上观新闻", ["智能制造“加速跑”", "覃晨东、龙东梅/上观新闻"]),
    # prose that names a reporter stays whole
    ("会议结束后，他对本报记者 王五说。", ["会议结束后，他对本报记者 王五说。"]),
    # no blank, no closing mark and no doubled headline: a byline run onto a plain title is
    # told by its structure (T001 runon_pattern: the outlet two characters and its ending, a
    # role, names set apart as a byline sets them); see test_byline_run_onto_a_plain_headline_split
    ("合理膳食从一日三餐做起新京报记者 王军 陆瑞亮", ["合理膳食从一日三餐做起", "新京报记者 王军 陆瑞亮"]),
])
def test_a_byline_form_after_a_plain_headline_and_a_blank_is_split_off(stages_until, line, parts):
    assert line_texts(stages_until, line + "\n") == parts


@pytest.mark.parametrize("line, parts", [
    # names run onto a headline drawn twice: the cut is where the doubled headline ends, not
    # the earliest place a byline could start (展蔡萱成 would be a name of four characters)
    ("打造一流营商环境 让企业安心发展打造一流营商环境 让企业安心发展蔡萱成、卢浩成/上观新闻",
     ["打造一流营商环境 让企业安心发展打造一流营商环境 让企业安心发展", "蔡萱成、卢浩成/上观新闻"]),
    ("背街小巷背街小巷““微更新微更新”” 街坊邻里展笑颜街坊邻里展笑颜苏斌华、卢志/上观新闻",
     ["背街小巷背街小巷““微更新微更新”” 街坊邻里展笑颜街坊邻里展笑颜", "苏斌华、卢志/上观新闻"]),
    # a byline of two roles run onto it, a blank before the second role only: the whole byline
    # goes, not 通讯员 Y alone
    ("文化消费要“接地气”文化消费要“接地气”记者 尹超霞 通讯员 谭怡成",
     ["文化消费要“接地气”文化消费要“接地气”", "记者 尹超霞 通讯员 谭怡成"]),
])
def test_names_run_onto_a_doubled_headline_split_where_the_doubling_ends(stages_until, line, parts):
    assert line_texts(stages_until, line + "\n") == parts


@pytest.mark.parametrize("text", [
    "◎本报记者 白瑶 马婷",
    "本报记者 郑一鸣 通讯员 许丹",
    "◎本报记者 符晓波",
    "本报记者了解到，这项工作进展顺利。",
    "他说：“我们要坚持下去”记者了解到，这项工作进展顺利",
])
def test_bylines_alone_are_not_split(stages_until, text):
    assert line_texts(stages_until, text + "\n") == [text]


def test_a_reporter_inside_the_bracket_of_a_dateline_is_not_split_off(stages_until):
    # the dateline's bracket, opened on the line before, names the reporter at the start of
    # this line: the rest is the story going on, not a headline
    text = "本报讯（YMG全媒体\n记者 邵红华 澳门报道）初\n夏时节，梅湖水面波光粼\n"
    assert line_texts(stages_until, text) == ["本报讯（YMG全媒体", "记者 邵红华 澳门报道）初", "夏时节，梅湖水面波光粼"]


def test_a_reporter_after_the_end_of_a_dateline_begun_on_the_line_before_is_not_split_off(stages_until):
    # the dateline broken over two lines (据新华社呼和浩特11 / 月12日电), the story going on
    # after it on the same line: 记者从中国科… is the story, not a byline after a headline
    text = "据新华社呼和浩特11\n月12日电\u3000记者从中国科\n学院某研究所获悉，该所\n"
    assert line_texts(stages_until, text) == ["据新华社呼和浩特11", "月12日电\u3000记者从中国科", "学院某研究所获悉，该所"]


def test_merged_byline_cleaned_end_to_end():
    body = ("近日，北京市科委、中关村管委会投入首批支持高品质\n"
            "科技园区建设资金，支持中关村生命科学园等科技园区的\n"
            "10个项目，项目涉及医药健康等7个产业领域。\n")
    page = cleaner.clean(body + "◎本报记者 廖春浩 抢抓农时抢抓农时 各地做好春耕备耕各地做好春耕备耕\n")
    (a,) = page.articles
    assert a.title.text == "抢抓农时 各地做好春耕备耕"
    assert a.byline.text == "本报记者 廖春浩"


@pytest.mark.parametrize("line, parts", [
    # a headline drawn twice, the byline right after it (extraction dropped the blank)
    ("新编越剧新编越剧《《钱塘月钱塘月》》首演首演本报记者 李远文", ["新编越剧新编越剧《《钱塘月钱塘月》》首演首演", "本报记者 李远文"]),
    ("让每个孩子都能享有公平而有质量的教育让每个孩子都能享有公平而有质量的教育本报评论员",
     ["让每个孩子都能享有公平而有质量的教育让每个孩子都能享有公平而有质量的教育", "本报评论员"]),
    # prose that names the paper's reporter is no headline: it stays whole
    ("肯尼亚一所大学的经济学教授詹姆斯·奥蒂诺在接受本报记者采访", ["肯尼亚一所大学的经济学教授詹姆斯·奥蒂诺在接受本报记者采访"]),
])
def test_a_byline_right_after_a_doubled_headline_is_split_off(stages_until, line, parts):
    assert [ln.text for ln in stages_until(line + "\n", "lines").lines] == parts


# --- a byline of any outlet first on a headline's line (T001 split_point) ---------------

@pytest.mark.parametrize("text, parts", [
    # an outlet's name before the role, several names parted by blanks, then the headline
    ("经济日报记者 王五 赵六 抢抓农时 各地做好春耕备耕", ["经济日报记者 王五 赵六", "抢抓农时 各地做好春耕备耕"]),
    ("光明日报记者 张晓明 李华 赵强 老街区焕发新活力", ["光明日报记者 张晓明 李华 赵强", "老街区焕发新活力"]),
    ("经济日报-中国经济网记者 王晓明 数字经济跑出加速度", ["经济日报-中国经济网记者 王晓明", "数字经济跑出加速度"]),
    # the byline ends before the first words of the paragraph run onto its line
    ("新京报记者 王军 陆瑞亮 近日，记者走进老城区", ["新京报记者 王军 陆瑞亮", "近日，记者走进老城区"]),
])
def test_a_byline_of_any_outlet_before_the_headline_on_its_line_is_split_off(stages_until, text, parts):
    assert line_texts(stages_until, text + "\n") == parts


@pytest.mark.parametrize("text", [
    # a later role of the same byline, with its outlet, is no headline (later_role_pattern)
    "光明日报记者 彭景晖 姚亚奇 光明日报通讯员 徐礼涵",
    "澎湃新闻记者 邹娟 见习记者 洪旭东",
    "经济日报记者 王五 赵六",
    # prose that names a reporter of an outlet
    "在接受经济日报记者 王五 采访时，他说这里变化很大",
    "他在接受记者王五／李四",
    "他被聘为本报特约评论员",  # (a line of prose ending in the role, no name after it)
    # a brand in Latin letters set apart from its role by a blank (a text layer's blank between
    # Latin and Han): no headline before the byline, one byline
    "◎YMG 全媒体记者 曹军",
    "YMG 全媒体记者 付一一",
])
def test_a_byline_of_any_outlet_alone_is_not_split(stages_until, text):
    assert line_texts(stages_until, text + "\n") == [text]


@pytest.mark.parametrize("text, head, byline", [
    # words and pictures by one reporter (文并摄) run onto a plain headline
    ("重走长征路 感悟初心力量本报记者 钱轩文并摄", "重走长征路 感悟初心力量", "本报记者 钱轩文并摄"),
    # reporters parted by slashes after a headline and a blank (a form of L004)
    ("书香润城书香润城 东南快报记者 毛斌/陶秀飞/段宇", "书香润城书香润城", "东南快报记者 毛斌/陶秀飞/段宇"),
    # names each with its role in brackets, several in a row, after a headline and a blank
    ("老街区焕发新活力 张晓明（南都记者） 李华（南都通讯员）", "老街区焕发新活力", "张晓明（南都记者） 李华（南都通讯员）"),
    # and run onto a plain headline with no blank (T001 runon_pattern: the first name taken as
    # three characters)
    ("让文旅消费热度持续升温邵伟林（本报记者）夏浩（本报通讯员）", "让文旅消费热度持续升温",
     "邵伟林（本报记者）夏浩（本报通讯员）"),
    # a role and names parted by slashes run onto a plain headline: the slashes bound the names
    ("老街区焕发新活力记者毛雨波／高磊", "老街区焕发新活力", "记者毛雨波／高磊"),
    # a contributing commentator and a name after a blank
    ("少些“唯金牌论” 多些运动快乐特约评论员 宋健帆", "少些“唯金牌论” 多些运动快乐", "特约评论员 宋健帆"),
])
def test_bylines_of_the_trade_forms_after_a_headline_split(stages_until, text, head, byline):
    assert line_texts(stages_until, text + "\n") == [head, byline]


@pytest.mark.parametrize("other, byline", [
    # the page prints the outlet whole at another line's start (a dateline, a byline): a
    # byline run onto a plain headline takes its whole name, not two characters and its ending
    ("黑龙江日报讯（记者王五）近日，当地推进改造。", "黑龙江日报记者 吴敏志 曹东强"),
    ("◎黑龙江日报记者 张三", "黑龙江日报记者 吴敏志 曹东强"),
    # the page prints only the shorter name: the headline keeps its last character
    ("龙江日报讯（记者王五）近日，当地推进改造。", "龙江日报记者 吴敏志 曹东强"),
    # nothing printed elsewhere: two characters and the ending
    ("近日，当地推进改造。", "龙江日报记者 吴敏志 曹东强"),
])
def test_the_outlet_of_a_byline_run_onto_a_headline_is_the_one_the_page_prints(stages_until, other, byline):
    text = "把法庭“搬”到乡亲家门口黑龙江日报记者 吴敏志 曹东强\n\n" + other + "\n"
    lines = line_texts(stages_until, text)
    assert lines[1] == byline and lines[0] + lines[1] == "把法庭“搬”到乡亲家门口黑龙江日报记者 吴敏志 曹东强"


def test_an_outlet_of_one_character_and_its_ending_is_the_one_the_page_prints(stages_until):
    text = "让文旅消费热度持续升温今晚报-封面新闻记者 龙国一 黄红倩\n\n今晚报记者 王五\n"
    assert line_texts(stages_until, text)[:2] == ["让文旅消费热度持续升温", "今晚报-封面新闻记者 龙国一 黄红倩"]


@pytest.mark.parametrize("text, head, byline", [
    # names first, after a blank: the headline's last word (首演, 穿越亚欧) is no name by the
    # surname lexicon, the word after it is
    ("新编越剧《钱塘月》首演 苏海凯 邱琳琳/无锡报道", "新编越剧《钱塘月》首演", "苏海凯 邱琳琳/无锡报道"),
    ("钢铁驼队 穿越亚欧 袁鹏华 卢志志/哈尔滨报道", "钢铁驼队 穿越亚欧", "袁鹏华 卢志志/哈尔滨报道"),
    ("让文物“活”起来  任磊霞（北京晚报记者）", "让文物“活”起来", "任磊霞（北京晚报记者）"),
    ("新编越剧《钱塘月》首演  唐阳敏、蔡友宏（辽沈晚报记者）", "新编越剧《钱塘月》首演", "唐阳敏、蔡友宏（辽沈晚报记者）"),
    # names glued to the headline, their role in brackets: 次杜思 is no name, 杜思 is
    ("“五一”假期西安接待游客526万人次杜思、万洋晓（北京晚报记者）", "“五一”假期西安接待游客526万人次",
     "杜思、万洋晓（北京晚报记者）"),
    # a three-character name that is one stays whole (叶宇俊), as does a compound surname's (欧阳文博)
    ("浙江队98∶95险胜山东队叶宇俊（长江日报记者）", "浙江队98∶95险胜山东队", "叶宇俊（长江日报记者）"),
    ("智能制造“加速跑” 欧阳文博 覃晨东/无锡报道", "智能制造“加速跑”", "欧阳文博 覃晨东/无锡报道"),
])
def test_a_bylines_first_name_is_told_from_the_headline_by_the_surname_lexicon(stages_until, text, head, byline):
    assert line_texts(stages_until, text + "\n") == [head, byline]


def test_the_surname_lexicon_is_data_and_reads_names():
    from cleaner.rules import default_rules
    from cleaner.stages.lines import is_name
    r = default_rules()["T001"]
    assert all(is_name(n, r) for n in ("王军", "陈涵凯", "覃晨东", "肖丽", "欧阳文", "司马光", "陳建國", "买买提·艾力"))
    assert not any(is_name(w, r) for w in ("首演", "起来", "次杜思", "穿越亚欧", "过七成"))


@pytest.mark.parametrize("text, head, byline", [
    # a headline that ends in a percentage, an outlet's byline run onto it
    ("上半年全省地区生产总值增长5.6%楚天都市报记者 罗宇英 姚友兰", "上半年全省地区生产总值增长5.6%",
     "楚天都市报记者 罗宇英 姚友兰"),
    # a headline drawn twice: the cut where the doubling is whole (冠军), though a form reads
    # 军长江日报 as an outlet of three characters and 日报
    ("国乒包揽男女单打冠军国乒包揽男女单打冠军长江日报记者侯凌秀、侯海颖", "国乒包揽男女单打冠军国乒包揽男女单打冠军",
     "长江日报记者侯凌秀、侯海颖"),
    # the weak forms on held-out papers: a run-on pair of names after a role, a
    # two-character name before a bracketed outlet role, 记者X／Y, a two-brand outlet
    ("抢抓农时各地做好春耕备耕光明日报记者 张三 李四", "抢抓农时各地做好春耕备耕", "光明日报记者 张三 李四"),
    ("数字经济赋能实体产业沈雪（南都记者）", "数字经济赋能实体产业", "沈雪（南都记者）"),
    ("数字经济赋能实体产业 经济日报-中国经济网记者 王军", "数字经济赋能实体产业", "经济日报-中国经济网记者 王军"),
])
def test_a_byline_run_onto_a_headline_of_a_number_or_drawn_twice_is_split_where_the_headline_ends(
        stages_until, text, head, byline):
    assert line_texts(stages_until, text + "\n") == [head, byline]


@pytest.mark.parametrize("line, title, byline", [
    ("新编越剧《钱塘月》首演 苏海凯 邱琳琳/无锡报道", "新编越剧《钱塘月》首演", "苏海凯 邱琳琳/无锡报道"),
    ("“五一”假期西安接待游客526万人次杜思、万洋晓（北京晚报记者）", "“五一”假期西安接待游客526万人次",
     "杜思、万洋晓（北京晚报记者）"),
])
def test_a_name_first_byline_run_onto_its_title_is_the_articles_byline(wrap, line, title, byline):
    body = "\n".join(wrap("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园"
                          "等科技园区的10个项目，项目涉及医药健康等7个产业领域，首批项目已全部开工。"))
    (a,) = body_and_headings(cleaner.clean(line + "\n" + body + "\n"))
    assert (a[0], a[2]) == (title, byline)
