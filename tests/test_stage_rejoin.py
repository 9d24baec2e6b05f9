"""Stage rejoin: a headline line cut into a paragraph is not taken for one of its lines."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.chars import width as cleaner_width
from cleaner.rules import default_rules

#: A paragraph of a 14-em column as the page set it: one line (…基础；) is an em wider because
#: kinsoku pulled its semicolon onto it. A headline block cut it after 加强在各国.
LINES = ["赵乐际表示，全国人大愿同", "尼联邦院加强各层级交往，夯实", "中尼友好合作的社会和民意基础；",
         "及时出台、批准有利于双边关系", "发展的法律文件，为各领域务实", "合作提供法律保障；加强在各国"]
HEADLINE = "赵乐际同尼泊尔联邦院主席举行会谈"  # 16 ems, no punctuation


def test_a_wider_line_without_punctuation_is_a_headline_not_a_line_of_the_column(stages_until):
    page = stages_until("\n".join(LINES + [HEADLINE, "议会联盟等多边机构的协调配合。"]) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert HEADLINE in texts
    assert texts[0] == "".join(LINES)


def test_a_line_of_the_column_without_punctuation_still_joins(stages_until):
    # 15 ems, one more than the column's plain lines: within tolerance, part of the paragraph
    line = "议会联盟等多边机构的协调配合做"
    assert cleaner.chars.width(line) == 15
    page = stages_until("\n".join(LINES + [line, "好。"]) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(LINES) + line + "好。"]


def test_a_headline_stack_over_a_byline_is_not_a_paragraph(stages_until, wrap):
    # a subtitle (7 ems) over the next article's title (10 ems) reads like a first line that
    # lost its indent; but no line of the run has any punctuation, and a byline ends it
    heads = ["张家口做强后奥运经济", "赋能高质量发展", "各地有序推进秋粮生产", "筑牢丰收基础", "◎本报记者 汪帅伟"]
    body = "各地抢抓有利时机，有序推进秋粮生产，进一步落实增产措施，确保颗粒归仓。"
    page = stages_until("\n".join(heads + wrap(body)) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "赋能高质量发展" in texts and "各地有序推进秋粮生产" in texts


# An 18-em column. A paragraph's first line lost its two-em indent (16 ems); here its first
# sentence ends right at the end of that line.
FIRST = "东圣社区有五个小区，常住人口两万多。"  # 16 ems + 。 = 17: a full first line
REST = ["这段时间，社区党支部围绕学习贯彻二十", "大精神，谋划打造品质化社区，一项重点", "工作就是试行物业管理酬金制。"]


def test_a_first_line_that_closes_a_sentence_goes_on_when_the_next_line_is_no_first_line(stages_until):
    # the next line fills the column as the line after it does: it is not indented, so it
    # starts no paragraph, and the first line's paragraph goes on
    page = stages_until("\n".join(["社区。", FIRST] + REST) + "\n", "rejoin")
    assert [b.text for b in page.blocks][-1] == FIRST + "".join(REST)


def test_a_one_line_paragraph_before_an_indented_first_line_stands_alone(stages_until):
    indented = ["这段时间，社区党支部围绕学习贯彻", "二十大精神，谋划打造品质化社区，一项", "重点工作就是试行物业管理酬金制。"]
    page = stages_until("\n".join(["社区。", FIRST] + indented) + "\n", "rejoin")
    assert [b.text for b in page.blocks][-2:] == [FIRST, "".join(indented)]


def test_a_first_line_without_punctuation_one_indent_short_is_no_headline(stages_until):
    # 江苏…灌 has no punctuation and the line after it closes a sentence, as under a headline;
    # but it is one indent short of that line, which fills the column as the next one does
    lines = ["江苏三千多万亩水稻现已进入灌", "浆期，预计十月中旬迎来大面积收割。", "在宿迁市宿豫区，农技人员深入田间地",
             "头，指导农户做好田间管理。"]
    page = stages_until("\n".join(["统防统治。"] + lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][-1] == "".join(lines)


def test_a_line_with_digits_and_quotes_has_room_for_their_guessed_widths(stages_until):
    # a first line (26 ems, closing a sentence), then a full middle line whose digits and
    # squeezed quotes count half an em each: measured 3.9 ems short of the column the first
    # line implies (26 + the lost indent), though set full
    lines = ["以奋斗姿态激扬青春，不负时代，不负华年，让青春发光。", "在保健康、防重症的战“疫”一线，越来越多的“90后”“0后",
             "年轻人挺膺担当、挑起重担，让青春的力量在一线发光。", "在四川大学华西医院急诊科，护士赖洁之前也感染了新冠病毒。然"]
    assert 26 + 2.875 - cleaner.chars.width(lines[1]) == 3.875
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][0] == "".join(lines[:3])


# A 10-em column: a paragraph's first line is 8 ems (its indent lost), the next ones 10.
PARA = ["在四川大学华西医", "院急诊科，护士赖洁之", "前也感染了新冠病毒。"]


def test_a_title_over_its_subtitle_stands_apart_from_the_paragraph_under_them(stages_until):
    # two 8-em lines without punctuation read like a first line and a line of the column;
    # but the paragraph's own first line (one indent short of the line after it) follows them
    page = stages_until("\n".join(["传承好塞罕坝精神", "筑牢京津生态屏障"] + PARA) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["传承好塞罕坝精神", "筑牢京津生态屏障", "".join(PARA)]


def test_headline_lines_after_a_credit_stand_apart(stages_until):
    # the credit's name and 摄 wrapped onto a line of their own, then a title and subtitle
    lines = ["图为塞罕坝机械林场的人工林海。 本报记者", "孔娟海摄", "传承好塞罕坝精神", "筑牢京津生态屏障"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "传承好塞罕坝精神" in texts and "筑牢京津生态屏障" in texts and texts[-1] == "".join(PARA)


def test_a_paragraph_whose_first_lines_have_no_punctuation_stays_whole(stages_until):
    # a long clause: two lines without punctuation, but the third line is no first line
    lines = ["在党的二十大精神指引", "下各地区各部门认真落实", "各项部署，推动经济持续", "回升向好。"]
    page = stages_until("\n".join(["社区。"] + lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][-1] == "".join(lines)


def test_a_first_line_whose_sentence_ends_at_its_end_after_a_closed_paragraph(stages_until):
    # a 15-em column: the paragraph before ends on a full line (its 。 pulled on: 16 ems);
    # 抓好…基础。 is one indent short (its 。 hanging past the measure) and closes a sentence,
    # and the line after it goes on full: it starts the next paragraph, it does not end this one
    before = ["陆续进入收获期，各地采取良种良", "法，提高单产，增加总产。河北康", "熟，农户们抢抓晴好天气加紧收割。"]
    after = ["抓好田间管理，夯实丰收基础。", "今年，河南玉米种植面积在五千七", "百万亩以上，目前处于产量形成的", "关键时期。"]
    page = stages_until("\n".join(before + after) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(before), "".join(after)]


def test_a_full_line_after_shows_the_column_that_quotes_hid(stages_until):
    # a 33-em column; the paragraph before measures short (squeezed quotes), so only the full
    # line after 在四川… shows that 在四川… is one indent short: a first line
    before = ["本报讯（记者赵俊洋通讯员程伟帅）以奋斗姿态激扬青春，不负时代，", "不负华年。在保健康、防重症的战“疫”一线，越来越多的“90后”“00后”",
              "年轻人挺膺担当、挑起重担，让青春的力量在战“疫”一线闪闪发光。"]
    after = ["在四川大学华西医院急诊科，26岁的护士赖洁之前也感染了新冠病毒。", "然而，随着急诊科越来越多的医护人员陆续感染，急诊科人手异常紧张，赖",
             "洁好转后第一时间就回到了工作岗位上。急诊科感染的医护人员都选择了和", "赖洁一样，康复后立即返岗。"]
    page = stages_until("\n".join(before + after) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(before), "".join(after)]


def test_a_first_line_after_a_closed_paragraph_is_measured_against_the_column(stages_until):
    # the paragraph before ends on a line a little short of the 14-em column (13.5); the next
    # line (12) is one indent short of the column, though not quite of that last line
    before = ["应急管理厅共调派5架直升机开", "展应急救援任务，输送救援物资", "17吨。梅州市集中各级救援力量", "超万人，转移群众64000多名。"]
    after = ["福建多地出现持续性暴雨天", "气。18日，福建南平出现强降", "雨天气，南平光泽县部分地区发", "生内涝。"]
    page = stages_until("\n".join(before + after) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(before), "".join(after)]


def test_a_line_short_only_by_its_quotes_goes_on(stages_until):
    # a 20-em column: “盛世修典——‘中国历代绘画大系’成果展” measures 19 by its squeezed
    # quotes, after a line that closes a sentence: the paragraph still goes on there
    lines = ["十年来，广大文艺工作者积极拥抱科技创", "新，让文艺作品更好丰富群众精神文化生活。", "“盛世修典——‘中国历代绘画大系’成果展”",
             "依托科技赋能，让千古丹青焕发新生；国家大", "剧院坚持线下演出和线上演播并举，各类演出", "全网总点击量累计已超60亿次。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(lines)]


# Blank-line conventions are read where the lines are: one box of the page with a blank line
# after every line, the next with none.
BOX_A = ("今年以来，全市新增市场主体三万余户，同比增长百分之十四，营商环境持续优化，市场活力不断释放。"
         "政务服务中心推行一件事一次办，企业开办时间压缩到一个工作日以内。")
BOX_B = ("石门人民法庭辖区涵盖四个乡镇，不少村子距离法庭四五十公里，山路崎岖，群众打官司很不方便。"
         "为此，法庭配备了巡回审判车，每月定期到各点开庭，把法庭搬到乡亲家门口。")


def test_blank_lines_after_every_line_of_one_box_do_not_break_its_paragraph(stages_until, wrap):
    # the box without blank lines is the larger part of the page: read page-wide, blank lines
    # would look like paragraph breaks
    a = "\n".join(line for _ in range(3) for line in wrap(BOX_A, column=13))
    b = "\n\n".join(wrap(BOX_B, column=13))
    page = stages_until(a + "\n\n" + b + "\n", "rejoin")
    assert [x.text for x in page.blocks] == [BOX_A] * 3 + [BOX_B]


def test_blank_lines_between_paragraphs_still_break_them(stages_until, wrap):
    cut = BOX_B.index("。") + 1
    first, second = BOX_B[:cut], BOX_B[cut:]
    text = "\n".join(wrap(BOX_A, column=13)) + "\n\n" + "\n".join(wrap(first, column=13)) + "\n\n" \
        + "\n".join(wrap(second, column=13)) + "\n"
    page = stages_until(text, "rejoin")
    assert [x.text for x in page.blocks] == [BOX_A, first, second]


def test_a_one_line_caption_ends_its_block(stages_until):
    text = "图为改造后的临川市东城区柳荫巷。\n高标准农田建设 夯实粮食安全根基\n"
    page = stages_until(text, "rejoin")
    assert [b.text for b in page.blocks] == ["图为改造后的临川市东城区柳荫巷。", "高标准农田建设 夯实粮食安全根基"]


def test_a_dateline_alone_on_its_line_opens_the_paragraph_under_it(stages_until, wrap):
    # blank lines after every line, the dateline on a line of its own, the text under it at
    # the full measure (the dateline took the indented first line)
    body = wrap("进入冬季，流感等呼吸道传染病进入高发期。记者从多家医院了解到，近期门急诊量明显上升，专家提醒市民科学防护。",
                column=16, indent=0)
    page = stages_until("\n\n".join(["本报讯 （记者于凯平）"] + body) + "\n", "rejoin")
    assert [b.text[:10] for b in page.blocks] == ["本报讯 （记者于凯平"]


def test_a_dash_subtitle_in_a_narrow_column_stands_apart_from_title_and_text(stages_until):
    # an 11-em column: the title is as wide as an indented first line, the subtitle as a full
    # one; the dash that leads the subtitle in, with no punctuation around it, tells them apart
    lines = ["为青年就业拓宽舞台", "——稳就业需要多方协同发力", "又到一年求职季。今", "年高校毕业生规模超过", "1100万人，青年就业关乎",
             "千家万户，也关系经济社", "会发展大局。"]
    page = stages_until("\n\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][:2] == ["为青年就业拓宽舞台", "——稳就业需要多方协同发力"]


def test_a_paragraph_line_before_a_dash_with_punctuation_still_joins(stages_until):
    # a paragraph's first line without punctuation, then a line led in by a dash that has
    # some: the dash is the sentence's (工程——永定河特大桥), not a subtitle's
    lines = ["重量近4000吨的浮式风电平台，元旦期间在青", "岛完成浮体总装。", "在京雄高速重点控制性工程", "——永定河特大桥施工工地，数百",
             "名建设者正准备架设钢梁。作为雄", "安新区综合立体交通网的重要组成", "部分，京雄高速全线通车。"]
    page = stages_until("\n\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][1] == "".join(lines[2:])


def test_a_dateline_with_blanks_alone_on_its_line_joins_the_text_under_it(stages_until):
    # 本报青岛 5 月 27 日电（记者杨明涵）: blanks between the digits and the Han characters
    lines = ["本报青岛 5 月 27 日电（记者杨明涵）", "记者从东川省卫生健康委获悉，", "全省儿童青少年近视率连续", "三年下降。"]
    page = stages_until("\n\n".join(lines) + "\n", "rejoin")
    assert page.blocks[0].text.startswith("本报青岛 5 月 27 日电（记者杨明涵）记者从")


def test_a_short_first_line_that_opens_with_a_dateline_is_no_headline(stages_until):
    # the first line is short (a blank inside the dateline, no comma), the lines after it are
    # wider: still a paragraph's start, because it opens with 本报讯
    lines = ["医养结合更暖心", "本报讯 （记者莫颖）一部手机、一个直播", "间，就能把产品卖到世界各地。近年来，海阳市大",
             "力发展农村电商，带动群众增收致富，取得明显", "成效。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text[:6] for b in page.blocks] == ["医养结合更暖", "本报讯 （记"]


@pytest.mark.parametrize("lines", [
    ["新华社长春 7 月 18", " 日电（记者胡桂）记者", "近日从吉林省农业农", "村厅获悉，全省春播", "进度已经过半。"],
    ["本报合肥5月20日", "电（记者董东明、陆", "晓）记者从安徽省农", "业农村厅获悉，全省", "春播进度过半。"],
])
def test_a_dateline_broken_inside_its_date_goes_on_on_the_next_line(stages_until, lines):
    # a 9-em column; the dateline's first line stops inside the date
    page = stages_until("\n".join(["重点推进的方向。", *lines]) + "\n", "rejoin")
    assert [b.text[:4] for b in page.blocks] == ["重点推进", lines[0][:4]]


def test_a_dateline_in_chinese_numerals_alone_on_its_line_joins_the_text_under_it(stages_until):
    lines = ["农民日报长春九月十三日电（记者严凯梅 见习记者胡杰文）", "今年以来，清河省金融机构持续", "加大普惠金融投放力度。截至6", "月末，贷款余额增长两成。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert page.blocks[0].text.startswith("农民日报长春九月十三日电（记者严凯梅 见习记者胡杰文）今年以来")


def test_a_photographer_over_his_credit_mark_stays_a_caption(stages_until):
    # YMG全媒体记者 韩磊静 / 摄: a caption's credit, not a byline whose name wrapped (a caption
    # set inside a column, a blank line after every line, as a synthesised page had it)
    lines = ["清晨7点，家住望湖", "街道锦绣花园小区的退休", "教师包阿姨拎着两袋分好", "类的垃圾来到小区投放",
             "点，再用手机扫一下桶", "图为志愿者在小区投放点", "指导居民分类投放垃圾。", "YMG全媒体记者 韩磊静 ", "摄",
             "边的二维码，积分就到了", "账上。如今在望湖街道，", "垃圾分类已从“新时尚”", "渐渐变成居民的新习惯。"]
    page = stages_until("\n\n".join(lines) + "\n", "rejoin")
    assert "YMG全媒体记者 韩磊静 摄" not in [b.text for b in page.blocks]
    assert not any(b.text.startswith("YMG全媒体记者") and b.text.endswith("摄") and "图为" not in b.text
                   for b in page.blocks)


def test_a_dateline_line_over_an_indented_looking_line_goes_on(stages_until):
    # 本报华盛顿 7 月 / 26日电（…: the second line looks one indent wider, as under a headline
    lines = ["本报华盛顿 7 月", "26日电（记者袁晓", "英）美国商务部当天公", "布的数据显示，上月零", "售额增长。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert len(page.blocks) == 1


@pytest.mark.parametrize("lines, byline", [
    (("文/羊城晚报全媒体记", "者 韩梅"), "文/羊城晚报全媒体记者 韩梅"),
    # each line alone reads as a byline too: together they are one
    (("光明日报记者 杜磊平 廖明伟 光明日报", "通讯员 邱浩飞"), "光明日报记者 杜磊平 廖明伟 光明日报通讯员 邱浩飞"),
    # a byline whose last name wrapped onto a line of its own (a narrow column)
    (("扬子晚报全媒体记者 冯光", "强"), "扬子晚报全媒体记者 冯光强"),
    (("本报记者 段兰梓文", "并摄"), "本报记者 段兰梓文并摄"),  # words and pictures by
    (("本报记者 田斌文并", "摄"), "本报记者 田斌文并摄"),  # (the lone 摄 after 文并: the byline's)
    # the break fell between two names: the line's end stood for the blank between them
    (("本报记者 冯兵颖", "杨飞"), "本报记者 冯兵颖 杨飞"),
    # the first line alone reads as no byline: the break is inside the paper's name
    (("光明日报记者 范斌浩 胡倩 光", "明日报通讯员 何玲"), "光明日报记者 范斌浩 胡倩 光明日报通讯员 何玲"),
    # broken inside the media's name, or the paper's after the slash: neither line alone a byline
    (("文/羊城晚报全媒体", "记者 许远飞"), "文/羊城晚报全媒体记者 许远飞"),
    (("姚雨波、陆波兰/上观", "新闻"), "姚雨波、陆波兰/上观新闻"),
    # over three lines, the last break inside a role (光明日报通 / 讯员): no blank there
    (("光明日报记者 韩娜浩", "马凯凯 光明日报通", "讯员 毛林嘉"), "光明日报记者 韩娜浩 马凯凯 光明日报通讯员 毛林嘉"),
    # over three lines of a narrow column
    (("光明日报记者 闫敏飞", "金阳雨 光明日报通讯员", "袁艳萱"), "光明日报记者 闫敏飞 金阳雨 光明日报通讯员 袁艳萱"),
    # over three lines, the first two reading as a byline already (光明日报 as a third name):
    # the longest run of lines that reads as one byline is the byline
    (("光明日报记者 韦怡", "宏 龙亮子 光明日报", "通讯员 田宏"), "光明日报记者 韦怡宏 龙亮子 光明日报通讯员 田宏"),
])
def test_a_byline_broken_over_two_lines_is_one_byline(lines, byline):
    body = ["记者从湖北省文物考古研究", "院获悉，经过近一年的考古", "发掘，位于荆门市的一处明代家族墓地已清理墓葬23座。"]
    page = cleaner.clean("\n".join(["明代家族墓地考古发掘出土文物200余件", *lines, *body]) + "\n")
    (article,) = page.articles
    assert article.byline is not None and article.byline.text == byline
    assert article.subtitle is None


@pytest.mark.parametrize("tag", ["科普", "今日谈"])
def test_a_column_tag_under_a_byline_is_no_second_reporter(tag):
    # two or three Han characters under a whole byline read as a reporter's name only where
    # the surname lexicon reads them as one (科普 and 今日谈 open with no surname): the byline
    # ends on its own line
    body = ["记者从湖北省文物考古研究", "院获悉，经过近一年的考古", "发掘，位于荆门市的一处明代家族墓地已清理墓葬23座。"]
    page = cleaner.clean("\n".join(["文/羊城晚报全媒体记者 陶凌颖", tag, "明代家族墓地考古发掘出土文物200余件", *body]) + "\n")
    assert [a.byline.text for a in page.articles if a.byline] == ["文/羊城晚报全媒体记者 陶凌颖"]


def test_a_prose_line_that_reads_as_a_qr_note_stays_in_its_paragraph():
    # 扫一扫… reads as furniture (a QR note), but the line holds a clause mark and the next line
    # goes on from it with a mark no line starts with: its sentence is unclosed, it is prose
    lines = ["老年大学开设手机课", "“先点这个绿色的图标，再点右上角的加号，", "扫一扫……对，就这样", "！”志愿者许晴正手把手教胡阿姨用手机挂号。"]
    (article,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert [b.text for b in article.body] == ["".join(lines[1:])]
    assert article.title.text == lines[0]


def test_a_readers_letter_closes_with_its_signature_whatever_stands_under_it():
    # （清河市读者 宋明） closes the letter's last paragraph: a line bracketed whole opens no
    # paragraph, though a narrow line (a pull quote's) about as wide stands under it
    lines = ["小区门口的斑马线何时能画上", "小区居民曾多次向有关部门反映，希望在小区门口施划斑马线。",
             "在此呼吁有关部门尽快实地查看，给居民一条安全的过街通道。", "（清河市读者 宋明）", "业内人士分析，"]
    blocks = [b.text for b in cleaner.clean("\n".join(lines) + "\n").articles[0].body]
    assert any(t.endswith("通道。（清河市读者宋明）") for t in blocks)


@pytest.mark.parametrize("credit", [("YMG全媒体记者 孙浩", "明 摄"), ("新华社记者 李", "波林 摄"),
                                    ("齐鲁晚报·齐鲁壹点记者 郭婷慧", "摄影报道"), ("齐鲁晚报·齐鲁壹点记者 郭婷", "慧 摄影报道"),
                                    ("齐鲁晚报·齐鲁壹点记者 蒋兰 摄", "影报道")])
def test_a_photo_credit_broken_over_two_lines_stays_with_its_caption(credit):
    # the credit's last piece (a name's tail and 摄) wrapped onto a line of its own: one credit,
    # the caption's, not a byline and a heading
    body = ["记者从湖北省文物考古研究", "院获悉，经过近一年的考古", "发掘，位于荆门市的一处明代家族墓地已清理墓葬23座。"]
    lines = ["明代家族墓地考古发掘出土文物200余件", *body, "图为考古人员在清理墓葬。", *credit]
    page = cleaner.clean("\n".join(lines) + "\n")
    (article,) = page.articles
    assert [c.text for c in article.captions] == ["图为考古人员在清理墓葬。 " + "".join(credit)]
    assert article.byline is None


def test_a_caption_whose_credit_wrapped_inside_the_papers_name_is_one_caption():
    # no 图为 opens it: the sentence and the credit after it (…。齐鲁晚报· / 齐鲁壹点记者 X 摄影报道)
    body = ["记者从湖北省文物考古研究", "院获悉，经过近一年的考古", "发掘，位于荆门市的一处明代家族墓地已清理墓葬23座。"]
    lines = ["明代家族墓地考古发掘出土文物200余件", *body, "考古人员在清理墓葬。齐鲁晚报·", "齐鲁壹点记者 苏琳 摄影报道",
             "据介绍，墓地出土了瓷器、铜钱等文物200余件。"]
    (article,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert [c.text for c in article.captions] == ["考古人员在清理墓葬。齐鲁晚报·齐鲁壹点记者 苏琳 摄影报道"]
    assert [b.text for b in article.body][-1] == lines[-1]


def test_a_photo_credit_and_the_byline_under_it_stay_apart():
    # 记者 X / 摄影报道 ends a caption's credit; the byline under it is the article's own
    body = ["记者从湖北省文物考古研究", "院获悉，经过近一年的考古", "发掘，位于荆门市的一处明代家族墓地已清理墓葬23座。"]
    lines = ["明代家族墓地考古发掘出土文物200余件", "图为考古人员在清理墓葬。", "齐鲁晚报·齐鲁壹点记者 郭婷慧", "摄影报道",
             "中青报·中青网记者 龙晨佳", *body]
    (article,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert article.byline is not None and article.byline.text == "中青报·中青网记者 龙晨佳"
    assert [c.text for c in article.captions] == ["图为考古人员在清理墓葬。 齐鲁晚报·齐鲁壹点记者 郭婷慧摄影报道"]


def test_a_first_line_closing_a_sentence_at_the_column_edge_goes_on_to_its_short_last_line(stages_until):
    # a paragraph of two lines whose first line (one indent short of the 28-em column the
    # lines after show) closes a sentence right at the edge; a one-line paragraph ends anywhere
    two = ["眼下，全国秋冬种进度已超过98%，基本实现适墒适期播种。", "目前北方冬小麦基本已出苗，长势总体较好。"]
    rest = ["农业农村部最新农情调度显示，目前，除西南主产区冬小麦", "播种正在扫尾外，黄淮海、西北秋冬种均已结束，全国冬小麦面",
            "积将继续保持稳定。播种质量提高，出苗整齐，成为今年主产区", "秋冬种的突出亮点。"]
    page = stages_until("\n".join(["全国冬小麦面积有望保持稳定"] + two + rest) + "\n", "rejoin")
    assert [b.text for b in page.blocks][1:] == ["".join(two), "".join(rest)]
    # a one-line sentence that stops well short of the column stands alone
    short = ["目前北方冬小麦基本已出苗。", "长势总体较好，田间管理有序。"]
    page = stages_until("\n".join(["全国冬小麦面积有望保持稳定"] + short + rest) + "\n", "rejoin")
    assert [b.text for b in page.blocks][1] == short[0]


def test_a_stack_of_headings_without_punctuation_is_no_cut_paragraph(stages_until):
    # four short lines without punctuation, then a wider paragraph: a stack of headlines (two
    # articles' kickers and titles), not a paragraph cut by the column change; with a clause
    # mark in one of them they read as a cut paragraph
    from cleaner.stages.rejoin import reaches_sentence_end

    heads = ["推动城乡教育资源共享", "乡村学校用上双师课堂", "文博场馆延时开放受青睐", "博物馆夜场精彩纷呈"]
    para = ["上观新闻2月4日消息晚上8点，河南省洛阳市洛阳博物馆里依然人", "头攒动。观众们在展柜前驻足观看。"]
    page = stages_until("\n".join(heads + para) + "\n", "lines")
    p = page.rules["J001"].params
    assert not reaches_sentence_end(page.lines, 0, p)
    cut = ["推动城乡教育资源共享", "乡村学校用上了远程", "课堂，孩子们在家门口", "就能听到名师讲课"]
    page = stages_until("\n".join(cut + para) + "\n", "lines")
    assert reaches_sentence_end(page.lines, 0, p)


def test_a_source_line_closes_the_text_but_a_first_line_that_reads_like_one_does_not(stages_until):
    # 据新华社 under a short item's last sentence closes it (and goes with it); 据省红十字会介
    # over a line about as wide is a narrow column's first line of the next paragraph
    page = stages_until("\n".join(["全市已有一万余名志愿者加入了骨髓库。", "据新华社",
                                   "另一篇稿件的标题在这里"]) + "\n", "rejoin")
    assert page.blocks[0].text == "全市已有一万余名志愿者加入了骨髓库。据新华社"
    lines = ["周末还要一起去看看大海。”", "据省红十字会介", "绍，截至目前，全省", "已有志愿者九万余名。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["周末还要一起去看看大海。”", "据省红十字会介绍，截至目前，全省已有志愿者九万余名。"]


def test_a_line_short_only_by_the_number_held_over_to_the_next_line_goes_on(stages_until):
    # a 10-em column: 不变价格计算同比 (8 ems) is two ems short of the line after it, as a
    # paragraph's first line would be; but that line opens with 5.6%, which is never broken
    # and did not fit at its end: the paragraph goes on
    lines = ["上半年，全省实现", "地区生产总值两万亿，按", "不变价格计算同比", "5.6%，增速比一季度加",
             "快零点四个百分点经济", "运行稳中向好。"]
    assert cleaner.chars.width(lines[3]) - cleaner.chars.width(lines[2]) == 2
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(lines)]


def test_a_line_short_by_more_than_the_held_over_number_is_still_a_first_line(stages_until):
    # near miss: the paragraph that closed on the line before starts here, indented, and the
    # number that opens the next line (28, one em) cannot explain three ems
    lines = ["上半年，全省实现", "地区生产总值两万亿，按", "不变价格计算增长很快。", "今年以来全省",
             "28个县市区经济同比增", "长超过预期目标。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(lines[:3]), "".join(lines[3:])]


# A paragraph of a 16-em column on a page that sets its quotes a full em (“放管服” is five
# ems): the measured widths (quotes counted half) of its full lines differ with their quotes.
# 日内，… closes a sentence at the column's edge and the line after it fills the column.
QUOTES_FULL = ["今年以来，本市新增市场主体，", "数量同比增长了百分之十四，营商环", "境持续优化，“一件事一次办”改革",
               "让企业开办时间压缩到了一个工作日", "内，“放管服”改革见到“实效”。", "市场活力不断释放，新增企业数同比",
               "增长两成。"]


def test_a_page_that_sets_its_quotes_a_full_em_measures_them_so(stages_until):
    from cleaner.chars import width

    assert [width(t) for t in QUOTES_FULL[1:5]] == [16, 15, 16, 14]
    page = stages_until("\n".join(QUOTES_FULL) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(QUOTES_FULL)]
    assert page.blocks[0].width == 16  # (the block keeps the page's own widths)


def test_quotes_squeezed_to_half_an_em_are_not_read_as_full(stages_until, wrap):
    # near miss: the same text set with its quotes squeezed (half an em, as widths count
    # them): its full lines measure alike, and the page is measured as it is
    from cleaner.chars import ends_sentence
    from cleaner.stages.rejoin import quotes_full

    for lines, expected in ((QUOTES_FULL, True), (wrap("".join(QUOTES_FULL), column=16), False)):
        page = stages_until("\n".join(lines) + "\n", "spacing")
        ends = [ends_sentence(ln.text) for ln in page.lines]
        assert quotes_full(page.lines, ends, page.rules["J001"].params["quote_spread"]) is expected


# An interview set in a 16-em column without first-line indents: the question closes at the
# end of its last full line, and the answer's first line fills the column too.
QUESTION = "记者：黔东南的传统村落数量多、分布广，游客越来越多，如何在发展旅游的同时保护好这些村落的原真性？"
ANSWER = "杨光荣：传统村落是黔东南最宝贵的资源，保护是第一位的，开发必须有节制，不能大拆大建。"


def test_a_turn_of_an_interview_opens_a_paragraph_where_widths_cannot_tell(stages_until, wrap):
    lines = wrap(QUESTION, column=16, indent=0) + wrap(ANSWER, column=16, indent=0)
    assert len(lines[2]) == 16 and lines[2].endswith("？") and lines[3].startswith("杨光荣：")
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == [QUESTION, ANSWER]


def test_a_speaker_named_at_length_before_a_colon_goes_on_the_paragraph(stages_until, wrap):
    # near miss: 公司董事长冯志强说：“… opens a quote inside the paragraph, not a turn of an
    # interview (nine Han before the colon)
    text = "黔东南的传统村落数量多、分布广，游客越来越多，当地在发展旅游的同时也保护好了这些老村落的原真性。"
    quote = "公司董事长冯志强说：“选择在这里建厂，看中的就是家门口的港口和铁路。”"
    lines = wrap(text, column=16, indent=0) + wrap(quote, column=16, indent=0)
    assert len(lines[2]) == 16 and lines[2].endswith("。")
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == [text + quote]


# A page setting its quotes a full em in a 16-em column. 社区食堂的… is a paragraph's first
# line that lost its two-em indent: the full lines after it measure 14 too, as squeezed quotes
# would, only because each holds four quotes. The next paragraph's full lines (16, and 15
# with two quotes) are the page's evidence.
QUOTES_FIRST = ["全市今年新建了一批社区食堂。", "社区食堂的菜品每周都要更换一", "次日的“老人餐”“病号餐”各有安",
                "排好少油的“营养餐”“家常菜”都", "很受欢迎。", "街道还为独居老人开通了送餐服",
                "务队伍，每天中午由志愿者把饭菜送", "到老人家中，“爱心餐”已送出三千", "多份饭菜，深受老人们的欢迎。"]


def test_a_first_line_that_lost_its_indent_is_no_evidence_of_squeezed_quotes(stages_until):
    from cleaner.chars import ends_sentence
    from cleaner.stages.rejoin import quotes_full

    page = stages_until("\n".join(QUOTES_FIRST) + "\n", "rejoin")
    assert quotes_full(page.lines, [ends_sentence(ln.text) for ln in page.lines], 1.0)
    assert [b.text for b in page.blocks] == [QUOTES_FIRST[0], "".join(QUOTES_FIRST[1:5]), "".join(QUOTES_FIRST[5:])]


def test_a_photo_credit_ending_in_its_mark_does_not_run_on_into_the_byline_under_it():
    # the caption's credit ends with 摄; the byline set under the caption (X、Y/上观新闻), with
    # the article's dateline after it, is the article's: the credit and the byline together
    # would read as one byline form, but a credit closes at its mark
    body = ["本报讯 （记者严磊鸣 实习生邱东晓）机械臂精准抓", "取、AGV小车往来穿梭，一派繁忙景象，企业订单同比增长三成。"]
    lines = ["智能制造“加速跑”", "图为南塘经济开发区一家企业的", "智能生产线。 本报记者 毛涵 本", "报通讯员 孟嘉思 摄",
             "蒋波、冯波霞/上观新闻", *body]
    (article,) = cleaner.clean("\n".join(lines) + "\n").articles
    assert article.byline is not None and article.byline.text == "蒋波、冯波霞/上观新闻"


# a pull quote set inside its column, narrower, between the first line of a paragraph and the
# rest: a whole sentence copied from the paragraph above
QUOTE_IN_COLUMN = """假期出行热度攀升

本报讯（记者王明）今年假期，全省高
速公路车流量达到新高。从路段看，环
省会城市高速、通往主要旅游景区的高
速以及省际出口路段车流量较大。
  为保障假期出行顺畅，
环省会城市高速、通往
主要旅游景区的高速以
及省际出口路段车流量
较大。
省交通运输部门提前研判出行
规律，在重点路段增派人员，
及时疏导车流，确保道路安全
畅通。
"""


def test_copy_edges_part_a_quote_set_inside_its_column():
    from cleaner.stages.rejoin import copy_edges

    lines = [ln.strip() for ln in QUOTE_IN_COLUMN.splitlines() if ln.strip()]
    widths = [cleaner_width(t) for t in lines]
    edges = copy_edges(lines, widths, default_rules()["J001"].params)
    first = lines.index("环省会城市高速、通往")
    assert edges == {first - 1, lines.index("较大。")}


def test_a_quote_set_inside_its_column_is_parted_and_its_paragraph_rejoined():
    page = cleaner.page_dict(cleaner.clean(QUOTE_IN_COLUMN))
    (art,) = page["articles"]
    assert art["pullquotes"] == ["环省会城市高速、通往主要旅游景区的高速以及省际出口路段车流量较大。"]
    assert [b["text"] for b in art["blocks"]][1] == \
        "为保障假期出行顺畅，省交通运输部门提前研判出行规律，在重点路段增派人员，及时疏导车流，确保道路安全畅通。"


def test_copy_edges_find_a_source_that_opens_a_section():
    """The sentence the quote copies opens a paragraph right under a subhead: no mark before
    it in the page's text run together, but a line start after a shorter line (升级降排放 /
    钢铁生产…) starts a sentence all the same."""
    from cleaner.stages.rejoin import copy_edges

    lines = ["步伐明显加快。", "在集团烧结厂，一套新", "钢铁生产过程中产生", "的余热、余压、煤气，",
             "过去很多被白白浪费。", "建的烟气脱硫脱硝装置正在", "高效运行，排放浓度大幅下", "降。",
             "工艺升级降排放", "钢铁生产过程中产生的", "余热、余压、煤气，过去很", "多被白白浪费。如今，集团",
             "建设了余热余能发电机组。"]
    edges = copy_edges(lines, [cleaner_width(t) for t in lines], default_rules()["J001"].params)
    assert edges == {1, 4}


def test_copy_edges_leave_a_partial_or_unpunctuated_copy_alone():
    """An editor's version copies only part of its sentence: a copied stretch that ends no
    sentence is no quote's whole, and its edges would cut the quote."""
    from cleaner.stages.rejoin import copy_edges

    lines = ["本报讯今年以来，兴安一家光伏电站项目负责人表示，", "银行提供的低息", "兴安一家光伏电",
             "站项目负责人表", "示。", "记者近日从兴安市金融管"]
    edges = copy_edges(lines, [cleaner_width(t) for t in lines], default_rules()["J001"].params)
    assert edges == set()


# an editor's quote (clauses swapped) whose first line, with no mark, reads like a subhead
EDITED_QUOTE = """中欧班列跑出加速度

本报布鲁塞尔20日电 寒冬时节，西安国际港站内一派繁忙
景象。龙门吊来回穿梭，一只只集装箱被吊装上车，一列满载
汽车零部件的中欧班列缓缓驶出。

西安国际港站内一派
繁忙景象，寒冬时节。

今年以来，西安国际港站开行中欧班列超过四千列，货物
通达欧洲多个国家和地区，开放通道越走越宽。
"""


def test_a_quote_line_whose_text_runs_on_elsewhere_is_joined_not_a_heading():
    page = cleaner.page_dict(cleaner.clean(EDITED_QUOTE))
    (art,) = page["articles"]
    assert art["pullquotes"] == ["西安国际港站内一派繁忙景象，寒冬时节。"]
    assert [b["kind"] for b in art["blocks"]] == ["paragraph", "paragraph"]


def test_a_heading_broken_over_lines_is_not_joined_by_its_echo():
    """A title broken over two lines, its words echoed in the text: no clause in the next
    line, so the copy says nothing about the break."""
    from cleaner.stages.rejoin import CopiedAcross

    texts = ["省高院发布10起涉新就", "业形态劳动争议典型案例", "本报讯 省高院发布10起涉新就业形态劳动争议典型案例，明确责任。"]
    across = CopiedAcross(texts, default_rules()["J001"].params)
    assert not across(0)
    texts = ["西安国际港站内一派", "繁忙景象，寒冬时节。", "寒冬时节，西安国际港站内一派繁忙景象。"]
    assert CopiedAcross(texts, default_rules()["J001"].params)(0)


# A 12-em column: a section's subhead (7 ems, no punctuation) over its first paragraph, whose
# first line (10 ems) is read as not indented because the line under it holds digits.
SECTION = ["上一段到此结束。", "巡回审判进乡村", "石门人民法庭辖区涵盖", "4个乡镇、96个行政村，不",
           "少村子距离法庭四五十公", "里，山路崎岖，群众打官司", "很不方便。"]


def test_a_short_line_without_punctuation_over_text_is_a_subhead(stages_until):
    page = stages_until("\n".join(SECTION) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "巡回审判进乡村" in texts
    assert "".join(SECTION[2:]) in texts


def test_a_first_line_without_punctuation_one_indent_short_still_joins(stages_until):
    # near miss: a paragraph's first line (10 ems, no punctuation) is one indent short of its
    # 12-em column, not more: it is no subhead
    lines = ["上一段到此结束。", "石门人民法庭辖区涵盖", "四个乡镇九十六个行政村，不", "少村子距离法庭四五十公里，", "山路崎岖。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert "".join(lines[1:]) in [b.text for b in page.blocks]


_BODY = ("近日，北京市科委、中关村管委会投入首批支持高品质\n科技园区建设资金，支持中关村生命科学园等科技园区的\n"
         "10个项目，项目涉及医药健康等7个产业领域。\n")


def test_a_headline_drawn_twice_broken_inside_a_quotation_is_one_title(stages_until):
    # each line drawn twice (fake bold), the break inside the quotation the first line opens
    raw = "万象街头“中万象街头“中\n文热”持续升温文热”持续升温\n"
    page = stages_until(raw + _BODY, "rejoin")
    assert "万象街头“中文热”持续升温" in [b.text for b in page.blocks]
    assert [a.title.text for a in cleaner.clean(raw + _BODY).articles if a.title] == ["万象街头“中文热”持续升温"]


@pytest.mark.parametrize("raw", [
    "万象街头“中文热”万象街头“中文热”\n持续升温持续升温\n",  # (no quotation left open: the title's lines stay apart here)
    "万象街头“中万象街头“中\n文热持续升温文热持续升温\n",  # (the next line does not close it)
])
def test_headline_lines_drawn_twice_without_an_open_quotation_closed_below_stay_apart(stages_until, raw):
    page = stages_until(raw + _BODY, "rejoin")
    texts = [b.text for b in page.blocks]
    first, second = raw.split("\n")[:2]
    assert first[:len(first) // 2] in texts and second[:len(second) // 2] in texts


def test_a_headline_broken_inside_a_word_is_one_block(stages_until):
    # the measure cut 人民币 after 人民: the two lines are one headline, the title over the text
    lines = ["数字人民", "币试点场景持续拓展"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["数字人民币试点场景持续拓展", "".join(PARA)]


def test_a_dash_subtitle_broken_inside_a_word_is_one_block_and_stands_apart(stages_until):
    # ——江川市推 / 进制造业…: 推进 runs across the break; the subtitle stays apart from its
    # title above and from the text under it
    lines = ["智能制造加速跑", "——江川市推", "进制造业数字化转型见闻"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["智能制造加速跑", "——江川市推进制造业数字化转型见闻", "".join(PARA)]


def test_a_dash_subtitle_line_stopping_at_an_enumeration_comma_goes_on(stages_until):
    # ——访…会员、 / 天文科普达人韦星河 under a title drawn twice: no headline line ends at 、, so
    # the subtitle goes on
    lines = ["好的科普要让人听得懂好的科普要让人听得懂", "——访中国科普作家协会会员、", "天文科普达人韦星河"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["好的科普要让人听得懂", "——访中国科普作家协会会员、天文科普达人韦星河",
                                             "".join(PARA)]


def test_a_title_over_its_subtitle_with_no_word_across_them_stay_two(stages_until):
    # two headlines: no word runs across the break (精神 / 筑牢), so a title and its subtitle
    # stay two blocks for the assemble stage to tell apart
    page = stages_until("\n".join(["传承好塞罕坝精神", "筑牢京津生态屏障"] + PARA) + "\n", "rejoin")
    assert [b.text for b in page.blocks][:2] == ["传承好塞罕坝精神", "筑牢京津生态屏障"]


def test_a_short_paragraph_end_is_not_joined_to_a_headline_by_a_word_across(stages_until):
    # a paragraph's last line closes its sentence: no headline, whatever word the lexicon
    # would read across the break (展。 / 示范区…)
    lines = ["全市新建改造城镇污水管网六百余公里，城市", "生活污水集中收集率提高到百分之八十五以", "上，河湖水质持续改善和发展。",
             "展示范区建设全面提速"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert "展示范区建设全面提速" in [b.text for b in page.blocks]


def test_a_word_cut_needs_the_lexicon_to_read_better_across(monkeypatch):
    from cleaner.stages import rejoin

    assert rejoin.word_cut("数字人民", "币试点场景持续拓展", 1.0)
    assert not rejoin.word_cut("传承好塞罕坝精神", "筑牢京津生态屏障", 1.0)  # (a float tie is no word)
    assert not rejoin.word_cut("产业增加值增长6", "1%", 1.0)  # (only Han characters meet at the break)
    monkeypatch.setattr(rejoin, "default_lexicon", lambda: None)
    assert not rejoin.word_cut("数字人民", "币试点场景持续拓展", 1.0)  # (no jieba: no cue)


@pytest.mark.parametrize("upper, lower", [
    ("老旧小区改造惠及1", "2.6万户"),  # a number is never broken at a line's end
    ("浙江队98∶", "95险胜山东队"),
])
def test_a_headline_broken_inside_a_number_is_one_block(stages_until, upper, lower):
    page = stages_until("\n".join([upper, lower] + PARA) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == [upper + lower, "".join(PARA)]


def test_a_headline_broken_inside_a_quotation_is_cut_only_when_asked(stages_until):
    # left to the assemble stage's A003 by default (it joins two headings closing what the
    # upper opens); heading_cut_quotes makes the rejoin stage join them
    from types import SimpleNamespace

    from cleaner.stages.rejoin import _headline_cut

    page = stages_until("\n".join(["冒充客服实施“退", "款”诈骗"] + PARA) + "\n", "rejoin")
    assert [b.text for b in page.blocks][:2] == ["冒充客服实施“退", "款”诈骗"]
    lines = [SimpleNamespace(text="冒充客服实施“退"), SimpleNamespace(text="款”诈骗")]
    p = dict(default_rules()["J001"].params)
    assert not _headline_cut(lines, 0, [False, False], p)
    p["heading_cut_quotes"] = True
    assert _headline_cut(lines, 0, [False, False], p)
    lines[0] = SimpleNamespace(text="让“诗 钟丽英、夏健波/上观新闻")  # (a quotation holds no blank)
    assert not _headline_cut(lines, 0, [False, False], p)


def test_a_title_ending_in_a_number_over_its_subtitle_stay_two(stages_until):
    # the number ends on the title's line: the subtitle under it opens with a word, not a digit
    lines = ["我国射电望远镜新发现脉冲星86颗", "观测精度持续提升"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][:2] == lines[:2]


def test_a_cut_over_a_line_that_opens_a_caption_is_no_headline_cut(stages_until):
    # 力图 would read across the break, but 图为 opens a caption: the subtitle stands alone
    lines = ["——稳就业需要多方协同发力", "图为蔚县南关小学学生在剪纸。"] + PARA
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks][0] == lines[0]


def test_a_word_the_lexicon_knows_is_joined_here_and_one_it_does_not_is_left_to_a008(stages_until):
    # 安全 across the break: the lexicon reads it, rejoin joins the two lines (heading_cut_defer
    # is false); an invented name (蔚禾) the lexicon cannot read is left to A008, which joins the
    # two headings on the page's own evidence (the paragraph repeats it), for review
    raw = "多举措推动全国矿山安\n全生产工作高质量发展\n\n矿山安全生产形势总体稳定，各地加强安全监管，推动工作落实。\n"
    assert [b.text for b in stages_until(raw, "rejoin").blocks][0] == "多举措推动全国矿山安全生产工作高质量发展"
    raw = "多举措推动全镇蔚\n禾产业高质量发展\n\n全镇蔚禾产业形势总体稳定，各地加强指导，推动工作落实。\n"
    assert [b.text for b in stages_until(raw, "rejoin").blocks][:2] == ["多举措推动全镇蔚", "禾产业高质量发展"]
    page = cleaner.clean(raw)
    assert "A008" in {c.rule for c in page.changes} and page.articles[0].title.text == "多举措推动全镇蔚禾产业高质量发展"


def test_a_headline_line_with_digits_over_the_text_stands_apart(stages_until):
    # a subtitle's second line with digits, far short of the column the text under it shows:
    # its digits' guessed widths leave it a headline's line, not the text's first
    lines = ["抓获犯罪嫌疑人47名", "涉案金额逾2000万元", "近日，西川省安平市公安局成", "功破获一起冒充电商客服实施诈",
             "骗的案件，抓获犯罪嫌疑人。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert "涉案金额逾2000万元" in [b.text for b in page.blocks]


#: a narrow column (9 ems): a subhead, then its section's first paragraph, whose first line lost
#: its indent (7 ems) and whose second line reads short by its digit's guessed width
_SECTION = ["建设要跟上。近3", "年，呼伦贝尔新建和", "改造房车营地和露营", "地多处，配备供水。"]


def test_a_subhead_over_an_indented_first_line_stands_alone_where_the_next_line_reads_short(stages_until):
    page = stages_until("\n".join(["营地里的新配套", "游客多了，营地"] + _SECTION) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert texts[0] == "营地里的新配套"
    assert texts[1].startswith("游客多了，营地建设要跟上。近3年")


def test_a_first_line_that_lost_its_indent_over_a_full_line_still_joins(stages_until):
    # a paragraph's first line without punctuation (7 ems, one indent short), the next line full:
    # no subhead, one paragraph
    page = stages_until("\n".join(["游客多了营地建", "设要跟上呼伦贝尔新"] + _SECTION[1:]) + "\n", "rejoin")
    assert page.blocks[0].text.startswith("游客多了营地建设要跟上呼伦贝尔新年")


def test_a_title_over_its_dash_subtitle_under_an_open_paragraph_breaks_from_it(stages_until):
    # a paragraph cut at a column's foot, its sentence open, then a title and its dash subtitle
    lines = ["化物排放浓度分别降低", "到每立方米10毫克、二", "钢铁行业绿色转型提速", "——南江钢铁集团推进超低排放改造纪实"]
    page = stages_until("\n".join(["据介绍，改造完成后，", "颗粒物和氮氧化物排放"] + lines) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "钢铁行业绿色转型提速" in texts
    assert texts[0].endswith("二")


def test_a_dash_inside_a_sentence_at_the_column_width_stays_in_it(stages_until):
    # lines as wide as the column: a dash that opens an apposition inside the paragraph
    lines = ["新年伊始，一批重大工程有序", "推进，助力中国经济稳健前行。假", "日期间，作为国家确定的172项节",
             "水供水重大水利工程的标志性项目", "——广西桂平大藤峡水利枢纽工程", "右岸的第二台机组安装完毕。"]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(lines)]


def _rejoined_with(stages_until, raw: str, **params) -> list[str]:
    """The rejoin stage's block texts of ``raw`` under J001 parameters of a user's own (the
    default rule set, cached, is left as it is)."""
    import dataclasses

    from cleaner.rules import RuleSet
    from cleaner.stages import rejoin

    page = stages_until(raw, "dedouble")
    rules = page.rules
    j001 = dataclasses.replace(rules["J001"], params={**rules["J001"].params, **params})
    page = page.evolve(rules=RuleSet(tuple(j001 if r.id == "J001" else r for r in rules.rules), rules.options))
    return [b.text for b in rejoin.run(page).blocks]


def test_heading_cut_defer_leaves_a_word_the_page_repeats_to_a008(stages_until):
    # heading_cut_defer true (a user's choice): the page repeats 山安全生, so rejoin leaves the two
    # headline lines apart for A008; false (the shipped setting): rejoin joins them itself
    raw = "多举措推动全国矿山安\n全生产工作高质量发展\n\n矿山安全生产形势总体稳定，各地加强安全监管，推动工作落实。\n"
    assert _rejoined_with(stages_until, raw, heading_cut_defer=True)[:2] == ["多举措推动全国矿山安", "全生产工作高质量发展"]
    assert _rejoined_with(stages_until, raw, heading_cut_defer=False)[0] == "多举措推动全国矿山安全生产工作高质量发展"


def test_heading_cut_quotes_joins_a_headline_broken_inside_its_quotation(stages_until):
    # heading_cut_quotes true: a quotation the upper line opens and the lower closes is cut in
    # rejoin; false (shipped): the two lines stay apart for A003
    raw = "冒充客服实施“退\n款”诈骗\n\n" + "\n".join(PARA) + "\n"
    assert _rejoined_with(stages_until, raw, heading_cut_quotes=True)[0] == "冒充客服实施“退款”诈骗"
    assert _rejoined_with(stages_until, raw, heading_cut_quotes=False)[:2] == ["冒充客服实施“退", "款”诈骗"]


@pytest.mark.parametrize("opener", ["（", "("])
def test_a_line_inside_a_bracket_the_line_before_opened_never_stands_alone(stages_until, opener):
    # (standalone_lines looks for the opening marks before it counts them: either bracket, full
    # width or ASCII, left open keeps the next line from standing alone; closed, it does not)
    from cleaner.stages.rejoin import standalone_lines
    byline = "记者 王明 通讯员 李华"
    page = stages_until("\n".join(["本报讯" + opener + "YMG全媒体", byline, "兵）近日，全市启动建设。"]) + "\n", "rejoin")
    assert 1 not in standalone_lines(page)
    page = stages_until("\n".join(["本报讯" + opener + "YMG）全媒体", byline, "近日，全市启动建设。"]) + "\n", "rejoin")
    assert 1 in standalone_lines(page)


#: A paragraph of a 13-em column cut at its foot (…兴安市多家), then a headline line set as wide
#: as the column, then its byline: the headline closes no sentence and holds no clause mark, so it
#: is no last line of the paragraph (issue #14, J001 heading_runs_out).
RUN_IN = ["绿色金融产品不断丰富，相关", "部门协同发力，各项改革举措", "落地见效，服务实体经济的能", "力持续增强，多项业务加快推", "进。据了解，兴安市已有多家",
          "银行推出碳排放权质押", "★ 本报记者 秦鸣"]


def test_a_headline_line_over_a_byline_is_not_the_paragraphs_last_line(stages_until):
    page = stages_until("\n".join(RUN_IN) + "\n", "rejoin")
    texts = [b.text for b in page.blocks]
    assert "银行推出碳排放权质押" in texts
    assert texts[0] == "".join(RUN_IN[:5])


def test_a_line_with_a_clause_mark_over_a_byline_stays_in_its_paragraph(stages_until):
    # (…推出碳排放权质押， holds a comma: a line of the text, however the next line reads)
    lines = RUN_IN[:5] + ["银行推出碳排放，权质押", RUN_IN[6]]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert page.blocks[0].text == "".join(lines[:6])


def test_the_headline_over_its_byline_parts_by_heading_runs_out(stages_until):
    # the cue does it: with its weight 0 the headline line stays in the paragraph
    raw = "\n".join(RUN_IN) + "\n"
    weights = {**default_rules()["J001"].params["weights"], "heading_runs_out": 0.0}
    assert _rejoined_with(stages_until, raw, weights=weights)[0] == "".join(RUN_IN[:6])
    assert _rejoined_with(stages_until, raw)[0] == "".join(RUN_IN[:5])


def test_a_headline_line_under_an_open_quotation_stays(stages_until):
    # (the paragraph leaves a quotation open: its sentence goes on elsewhere, L006's to take apart)
    lines = RUN_IN[:4] + ["进。据了解，“兴安市已有多家"] + RUN_IN[5:]
    assert _rejoined_with(stages_until, "\n".join(lines) + "\n")[0] == "".join(lines[:6])


# A narrow column (16 ems): a subhead set in the trade's topic-and-colon form (14 ems, as wide as
# a paragraph's first line that lost its indent), then its section's one-line paragraph, then a
# full line. Widths alone read the subhead as that paragraph's first line.
COLON_SUBHEAD = "绿：矸石山上种出“金山银山”"
COLON_SECTION = ["转型，也是生态的转型。", "多年的煤炭开采，给石岭留下了大", "片的采煤塌陷区和数十座煤矸石山。"]


def test_a_topic_and_colon_subhead_stands_alone_in_a_narrow_column(stages_until):
    page = stages_until("\n".join(["不少是从矿区走出去、又回到家乡的", "年轻人。", COLON_SUBHEAD] + COLON_SECTION) + "\n",
                        "rejoin")
    assert COLON_SUBHEAD in [b.text for b in page.blocks]


@pytest.mark.parametrize("turn", ["韦星河：最开始是在天文台做", "陈大爷说：“上个月有人来收"])
def test_an_interview_turn_or_speech_after_a_colon_is_no_subhead(turn):
    from cleaner.stages.rejoin import _subhead_form
    rules = default_rules()
    assert not _subhead_form(turn, rules["J001"].params, rules)
    assert _subhead_form("留住老师：让人安心才能用心", rules["J001"].params, rules)


# Headline lines set under a paragraph's last full line (J001 headline_wider, never_opens).
#: an 11-em column; the paragraph's last sentence closes at the end of a full line
WIDER_PARA = ["江川市工业和信息化局局", "长方振宇表示，下一步将", "继续实施智能化改造和数", "字化转型三年行动，让更", "多企业跑出一份好成绩。"]
#: the text of the next article, in the same column
WIDER_NEXT = ["眼下正值夏收关键期，丰", "河县小麦陆续成熟。县农", "业农村局数据显示，全县", "已收获小麦过半。"]


def test_an_all_han_line_wider_than_the_column_after_a_closed_sentence_is_a_headline(stages_until):
    # 12 ems of Han, no mark: one em wider than every plain line of the 11-em column; only
    # kinsoku widens a text line, by a mark, so this line is no line of the paragraph
    head = "抢抓晴好天气确保颗粒归仓"
    texts = _rejoined_with(stages_until, "\n".join(WIDER_PARA + [head] + WIDER_NEXT) + "\n")
    assert texts[0] == "".join(WIDER_PARA)
    assert texts[1].startswith(head)
    # without the cue (headline_wider out of reach) the headline runs into the paragraph
    off = _rejoined_with(stages_until, "\n".join(WIDER_PARA + [head] + WIDER_NEXT) + "\n", headline_wider=99.0)
    assert off[0].startswith("".join(WIDER_PARA) + head)


def test_a_line_as_wide_as_the_column_after_a_closed_sentence_goes_on(stages_until):
    # 11 ems of Han after a full line closing a sentence: the next paragraph's first line...
    # or this one's next: as wide as the column, nothing says headline
    line = "抢抓晴好天气确保颗粒归"
    assert _rejoined_with(stages_until, "\n".join(WIDER_PARA + [line, "仓。"]) + "\n")[0] == "".join(WIDER_PARA) + line + "仓。"


def test_a_wider_line_with_digits_is_not_read_as_a_headline(stages_until):
    # digits' widths are guessed: a line holding them is no sure measure
    line = "全县98万亩小麦机收过半了"
    assert _rejoined_with(stages_until, "\n".join(WIDER_PARA + [line, "吧。"]) + "\n")[0].endswith(line + "吧。")


def test_a_wider_line_ending_in_a_mark_is_not_read_as_a_headline(stages_until):
    # kinsoku hangs a closing mark past the column: an interview's next question (…影响？ /
    # 有关方面应如何应对？) is one em wider and still text
    line = "有关方面这次应如何应对？"
    assert _rejoined_with(stages_until, "\n".join(WIDER_PARA + [line]) + "\n")[0] == "".join(WIDER_PARA) + line


def test_a_line_opening_with_the_particle_de_leans_to_joining(stages_until):
    # 的 only follows a word: a line that opens with it opens no paragraph. A block's first line
    # without punctuation over a line that closes a sentence reads as a headline over it
    # (headline_above); where that line opens with 的, the two are one sentence
    lines = WIDER_PARA[:4] + ["多企业跑出好成绩。", "都为城乡居民办好一件件", "的实事。"]
    assert _rejoined_with(stages_until, "\n".join(lines) + "\n")[-1] == "都为城乡居民办好一件件的实事。"
    off = _rejoined_with(stages_until, "\n".join(lines) + "\n", weights={**_weights(), "never_opens": 0.0})
    assert off[-2:] == ["都为城乡居民办好一件件", "的实事。"]
    # 的确 opens a sentence: no cue
    assert _rejoined_with(stages_until, "\n".join(lines[:-1] + ["的确好。"]) + "\n")[-2:] == ["都为城乡居民办好一件件", "的确好。"]


def _weights():
    return dict(default_rules()["J001"].params["weights"])


def test_a_line_cut_inside_a_word_from_its_prose_is_no_headline(stages_until):
    # a headline set inside the text cuts a paragraph: the line under it, with no mark, over
    # the paragraph's short last line reads as a headline over a one-line paragraph
    # (headline_above), but a word runs across the break (左右): one paragraph's lines
    lines = WIDER_PARA + ["", "投入标准提高到三千元左", "右。"]
    assert _rejoined_with(stages_until, "\n".join(lines) + "\n")[-1] == "投入标准提高到三千元左右。"
    off = _rejoined_with(stages_until, "\n".join(lines) + "\n", weights={**_weights(), "word_runs_on": 0.0})
    assert off[-2:] == ["投入标准提高到三千元左", "右。"]
    # no word across the break: a headline over its one-line text stays apart
    other = lines[:-2] + ["高标准农田建设夯实根基", "全省投入加大。"]
    assert _rejoined_with(stages_until, "\n".join(other) + "\n")[-2:] == ["高标准农田建设夯实根基", "全省投入加大。"]


def test_a_closed_first_line_does_not_go_on_into_a_line_narrower_than_the_one_under_it(stages_until):
    # a paragraph's last line cut off by a caption (周建明说。), over a subhead and the next
    # section's text set in a wider column: the subhead is no line filling the column (the line
    # under it is far wider), so the closed line does not go on into it
    lines = WIDER_PARA + ["", "周建明说。", "政策护航释放动能",
                          "今年以来，山东省济南市把老旧小区改造作为重要民生工程，全市累", "计开工改造老旧小区683个，惠及居民12.6万户。"]
    assert _rejoined_with(stages_until, "\n".join(lines) + "\n")[1:3] == ["周建明说。", "政策护航释放动能"]
    off = _rejoined_with(stages_until, "\n".join(lines) + "\n", first_line_column_check=False)
    assert off[1].startswith("周建明说。政策护航释放动能")


def test_a_line_ending_on_a_word_that_takes_an_object_is_no_headline(stages_until):
    # a block's first line with no mark over a short line closing a sentence reads as a
    # headline over it (headline_above); one that stops on 的 after a word (or 把, 对, 从…)
    # ends no headline: the two are one sentence
    lines = WIDER_PARA + ["", "这是大家共同的", "心愿。"]
    assert _rejoined_with(stages_until, "\n".join(lines) + "\n")[-1] == "这是大家共同的心愿。"
    off = _rejoined_with(stages_until, "\n".join(lines) + "\n", weights={**_weights(), "never_ends": 0.0})
    assert off[-2:] == ["这是大家共同的", "心愿。"]
    # a headline's last word stands
    other = lines[:-2] + ["海关部门推出便利措施", "新的便利措施。"]
    assert _rejoined_with(stages_until, "\n".join(other) + "\n")[-2:] == ["海关部门推出便利措施", "新的便利措施。"]


def test_a_line_as_wide_as_the_column_after_a_line_widened_by_its_hung_marks_goes_on(stages_until):
    # an 11-em column; a line closes its sentence with marks set past the column (13 ems, as a
    # typeset page's …为例外”。 is): the line under it fills the column, so it is no paragraph's
    # first line (two ems short) and the paragraph goes on
    lines = ["在前营镇高庄村的麦", "田里，几台大型联合收割", "机来回穿梭，金黄的麦穗", "被卷入机舱，农民们都说",
             "好一个丰收年，颗粒归仓……", "种粮大户高明亮流转了一", "千二百亩土地，他一边查", "看麦粒成色。"]
    assert [cleaner_width(t) for t in lines[3:6]] == [11, 13, 11]
    page = stages_until("\n".join(lines) + "\n", "rejoin")
    assert [b.text for b in page.blocks] == ["".join(lines)]
