"""Stage assemble (with the label stage's pull-quote cutting): headline material goes to the
article it belongs to, on small hand-made pages."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

import cleaner
from cleaner.rules import RuleSet, default_rules

ROOT = Path(__file__).resolve().parents[1]

A1 = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
      "10个项目，项目涉及医药健康等7个产业领域。")
A2 = "围绕中关村示范区各分园的主导产业和定位，北京市科委、中关村管委会支持各分园建设产业服务设施，首批项目已全部开工建设。"
B1 = "当地时间18日上午，国务院总理李强在珀斯同澳大利亚总理阿尔巴尼斯共同出席第七届中澳工商界首席执行官圆桌会并致辞。"
B2 = ("在听取两国工商界代表发言后，李强表示，回顾中澳建交以来走过的历程，双方只要尊重彼此国情制度和核心利益，"
      "就能不断筑牢相互信任的基石。")


# --- a byline between two articles -------------------------------------------------------

def two_articles(wrap, dateline_a: str, dateline_b: str) -> cleaner.model.Page:
    """A's body, A's title, a byline, B's body, B's title: whose is the byline?"""
    text = ("\n".join(wrap(dateline_a + A1)) + "\n" + "\n".join(wrap(A2)) + "\n北京启动高品质科技园区建设\n"
            "◎本报记者 蔡宁\n" + "\n".join(wrap(dateline_b + B1)) + "\n" + "\n".join(wrap(B2))
            + "\n李强出席中澳工商界圆桌会\n")
    return cleaner.clean(text)


def bylines(page) -> list:
    return [(a.title.text, a.byline.text if a.byline else None) for a in page.articles]


@pytest.mark.parametrize("dateline", ["科技日报讯（记者卢敏旭）", "本报北京1月5日电（记者张三）"])
def test_a_byline_skips_an_article_whose_dateline_credits_its_reporter(wrap, dateline):
    page = two_articles(wrap, dateline, "")
    assert bylines(page) == [("北京启动高品质科技园区建设", None), ("李强出席中澳工商界圆桌会", "本报记者 蔡宁")]


def test_a_byline_stays_with_the_article_before_when_the_next_one_credits_its_reporter(wrap):
    page = two_articles(wrap, "", "本报讯（记者卢敏旭）")
    assert bylines(page) == [("北京启动高品质科技园区建设", "本报记者 蔡宁"), ("李强出席中澳工商界圆桌会", None)]


# --- a headline run into a pull quote below it ---------------------------------------------

Q = ("刚刚推出了《万企上云中小企业快成长加速包》，中小企业可以根据自身业务需求和成本，灵活选择数字化、智能化"
     "升级所需的资源项目，并一站式完成上云所需的各项配置，企业上云用云的成本明显下降。")
P1 = "目前，我国已建成跨行业跨领域工业互联网平台50家。在上海，" + Q + "随着数字化转型的加速，我国云市场将继续保持快速增长。"
P2 = "同时，北京市科委、中关村管委会等相关部门充分发挥财政资金的引导带动作用，吸引社会资本参与园区建设。"


def quote_page(wrap, first_line: str, quote: str) -> cleaner.model.Page:
    """A body, then a narrow column: ``first_line`` and under it ``quote``, the first line
    two ems short of the column (as a paragraph's first line that lost its indent)."""
    text = ("\n".join(wrap(A1)) + "\n" + "\n".join(wrap(P1)) + "\n" + "\n".join(wrap(P2)) + "\n" + first_line + "\n"
            + "\n".join(wrap(quote, column=len(first_line.split("\n")[-1]) + 2, indent=0)) + "\n")
    return cleaner.clean(text)


def test_a_headline_on_top_of_an_exact_quote_is_cut_off(wrap):
    page = quote_page(wrap, "云计算保持快速增长", Q)
    (a,) = page.articles
    assert a.title is not None and a.title.text == "云计算保持快速增长"
    assert [q.text for q in a.pullquotes] == [Q]


def test_a_quote_reworded_at_its_start_keeps_its_first_line(wrap):
    # 上海市刚刚推出了《万 / 企上云…: the first line's words run on into the text it repeats
    page = quote_page(wrap, "上海市刚刚推出了《万", Q[7:])
    (a,) = page.articles
    assert [q.text for q in a.pullquotes] == ["上海市刚刚推出了《万" + Q[7:]]
    assert a.title is None


# --- a headline block read in the middle of its own article ----------------------------------

B3 = "李强指出，要将中澳经贸合作置于两国全面战略伙伴关系的大局中来谋划，不断拓展合作领域，提升合作水平。"
C1 = "新年伊始，一批重大工程有序推进，助力中国经济开局起步。国家重点能源工程蒙东能源基地电力外送工程全面开工建设。"
C2 = "重量近4000吨的我国首个深远海浮式风电平台，元旦期间在青岛完成浮体总装，重大工程建设按下快进键。"
C3 = "在京雄高速重点控制性工程永定河特大桥施工现场，建设者们加紧施工，重大工程项目建设进展顺利。"


def test_a_headline_between_two_stretches_of_its_article_heads_it_all(wrap):
    text = ("\n".join(wrap(C1)) + "\n" + "\n".join(wrap(C2)) + "\n◎本报记者 刘俊伟\n一批重大工程有序推进\n"
            + "\n".join(wrap(C3)) + "\n" + "\n".join(wrap("科技日报讯（记者卢敏旭）" + B1)) + "\n"
            + "\n".join(wrap(B2)) + "\n李强出席中澳工商界圆桌会\n")
    page = cleaner.clean(text)
    assert [(a.title.text, a.byline.text if a.byline else None, len(a.body)) for a in page.articles] == [
        ("一批重大工程有序推进", "本报记者 刘俊伟", 3), ("李强出席中澳工商界圆桌会", None, 2)]


def test_an_article_keeps_its_column(wrap):
    # A (no headline of its own on this page) and then B, set in a much wider column, with
    # B's headline after its body: the change of column is where B starts
    text = ("\n".join(wrap(C1)) + "\n" + "\n".join(wrap(C2)) + "\n" + "\n".join(wrap(C3)) + "\n"
            + "".join("\n".join(wrap(p, column=24)) + "\n" for p in (B1, B2, B3))
            + "李强出席中澳工商界圆桌会\n")
    page = cleaner.clean(text)
    assert [(a.title.text if a.title else None, len(a.body)) for a in page.articles] == [
        (None, 3), ("李强出席中澳工商界圆桌会", 3)]


# --- a title repeats its article's lead; a subhead does not --------------------------------

FARM = ["眼下，全国由南向北进入春耕大忙时节。在丘陵山区，小农机上山岗，成为春耕一线的新看点。",
        "在湖南郴州，丘陵山区占到了耕地面积的七成左右，种粮大户今年新购入了两台小型履带式农机。",
        "当越来越多的丘陵耕地潜力被挖掘之后，郴州的农机作业面积不断扩大，山区春耕效率明显提升。",
        "为了继续补齐丘陵山区机械化耕作的短板，郴州今年将新建宜机化改造农田一万亩，推广适用农机。"]


def reading_of(stages_until, wrap, heading: str, **weights):
    """(kind, cost) of the reading the assemble DP gives a lone heading after FARM's third paragraph."""
    from cleaner.stages.assemble import Assembler

    para = lambda p: "\n".join(wrap(p)) + "\n"  # noqa: E731
    text = "".join(map(para, FARM[:3])) + heading + "\n" + para(FARM[3]) + "丘陵山区宜机化改造提速\n"
    page = stages_until(text, "label")
    if weights:  # a rule set of its own: the cached default one must not change
        rules = page.rules
        a003 = dataclasses.replace(rules["A003"], params={**rules["A003"].params, **weights})
        page = page.evolve(rules=RuleSet(tuple(a003 if r.id == "A003" else r for r in rules.rules), rules.options))
    asm = Assembler(page)
    asm.trace = []
    asm.segment(asm.heal([b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")]))
    (found,) = [(kind, cost) for _, item, kind, _, cost, _ in asm.trace
                if isinstance(item, list) and item[0].text == heading]
    return found


def test_a_subhead_that_repeats_the_lead_costs_more(stages_until, wrap):
    # the same heading read as a subhead, with and without the lead-echo weight: it repeats the
    # lead (小农机上山岗) in full, so the reading costs subhead_echo x 1.0 more
    weight = default_rules()["A003"].params["subhead_echo"]
    # (the echo of the paragraph above, subhead_echo_above, off: the lead's echo alone is weighed)
    kind, cost = reading_of(stages_until, wrap, "小农机上山岗", subhead_echo_above=0.0)
    kind0, cost0 = reading_of(stages_until, wrap, "小农机上山岗", subhead_echo=0.0, subhead_echo_above=0.0)
    assert weight > 0 and kind == kind0 == "sub"
    assert cost - cost0 == pytest.approx(weight)
    assert default_rules()["A003"].params["subhead_echo"] == weight  # the shared rule set is untouched


def test_a_two_line_paragraph_shows_its_column(wrap):
    # B opens with a paragraph of two lines (no middle line to measure): its first line plus
    # the lost indent still tells that B is set in the wider column
    lead = "近日，上海市、河北省分别举行发布会，介绍十年来经济社会发展成就。"  # two lines at 24
    assert len(wrap(lead, column=24)) == 2
    text = ("".join("\n".join(wrap(p)) + "\n" for p in (C1, C2, C3))
            + "".join("\n".join(wrap(p, column=24)) + "\n" for p in (lead, B1, B2))
            + "李强出席中澳工商界圆桌会\n")
    page = cleaner.clean(text)
    assert [(a.title.text if a.title else None, len(a.body)) for a in page.articles] == [
        (None, 3), ("李强出席中澳工商界圆桌会", 3)]


def test_headline_lines_stacked_on_an_exact_quote_are_cut_off(wrap):
    # title and subtitle on two lines, then the quote, all in one narrow column
    page = quote_page(wrap, "云计算保持快速增长\n赋能各行业转型升级", Q)
    (a,) = page.articles
    assert (a.title.text, a.subtitle.text) == ("云计算保持快速增长", "赋能各行业转型升级")
    assert [q.text for q in a.pullquotes] == [Q]


def test_a_photo_credit_above_a_headline_and_quote_ends_the_caption(wrap):
    text = ("\n".join(wrap(A1)) + "\n" + "\n".join(wrap(P1)) + "\n" + "\n".join(wrap(P2)) + "\n"
            "图为采购商在广交会展馆内洽谈。\n本报记者刘超刚摄\n云计算保持快速增长\n"
            + "\n".join(wrap(Q, column=10, indent=0)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert [c.text for c in a.captions] == ["图为采购商在广交会展馆内洽谈。 本报记者刘超刚摄"]
    assert a.title is not None and a.title.text == "云计算保持快速增长"
    assert [q.text for q in a.pullquotes] == [Q]


def test_a_paragraph_cut_at_a_comma_heals_across_the_headline_that_cut_it(wrap):
    # 眼下， stops mid-sentence right above the headline; the text under it goes on, though
    # its first line (17 ems, one short of the 18-em column) could be an indented one
    before = wrap("秋风渐起，稻谷飘香。目前，四川崇州的天府粮仓国家现代农业产业园，收割机来回穿梭，实现增产增效。")
    cut = "丰收好时节，各地收获忙。眼下，"
    cont = ["青海海北、甘肃甘南等地青稞陆续进入", "收获期，各地采取良种良法，提高单产，", "增加总产。河北康保打造旱作高产农田，",
            "马铃薯喜获丰收。"]
    assert [cleaner.chars.width(x) for x in cont[:3]] == [17, 18, 18]
    text = "\n".join(before + [cut, "各地有序推进秋粮生产各地有序推进秋粮生产", "筑牢丰收基础"] + cont) + "\n"
    page = cleaner.clean(text)
    paragraphs = [b.text for a in page.articles for b in a.body if b.kind == "paragraph"]
    assert cut + "".join(cont) in paragraphs


def test_a_last_subhead_then_the_articles_headline_then_the_next_ones(wrap):
    # an article that sets each subhead after its section: its last subhead, its own title and
    # subtitle, then the next article's title, subtitle and byline, all in one run of headlines
    a = ["本报讯（记者秦洋）河北张家口充分用好办赛经验、场馆利用等一系列奥运遗产，不断放大冬奥效应，发展后奥运经济。",
         "这个冬天，张家口崇礼区各大滑雪场冰雪运动火热开展。为迎接北京冬奥会后的第一个雪季，崇礼各大雪场提升基础设施。",
         "云顶滑雪公园是北京冬奥会竞赛场馆之一，这个雪季，去冬奥会举办地体验冬奥赛道成为很多雪友的新期待。",
         "随着冰雪消费持续升温，张家口围绕冰雪全产业链布局，冰雪产业项目加速集聚，规划建设了两个冰雪产业园区。",
         "在冰雪产业的持续带动下，张家口大力培育旅游新业态和市场主体，做精做强龙头项目，不断提升服务水平。"]
    b = ["各地抢抓有利时机，有序推进秋粮生产，进一步落实增产措施，筑牢全年粮食丰收基础。",
         "秋风渐起，稻谷飘香。目前，四川全省水稻收割已超七成，收割机来回穿梭，实现增产增效。"]
    lines = []
    for k, par in enumerate(a):
        lines += wrap(par)
        if k == 2:
            lines.append("让冬奥场馆利用“活”起来")
    lines += ["冰雪产业发展“强”起来", "张家口做强后奥运经济", "赋能高质量发展",
              "各地有序推进秋粮生产各地有序推进秋粮生产", "筑牢丰收基础", "◎本报记者 汪帅伟"]
    for par in b:
        lines += wrap(par)
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text, x.subtitle.text if x.subtitle else None, x.byline.text if x.byline else None,
            [s.text for s in x.body if s.kind == "subhead"]) for x in page.articles]
    assert got == [("张家口做强后奥运经济", "赋能高质量发展", None, ["让冬奥场馆利用“活”起来", "冰雪产业发展“强”起来"]),
                   ("各地有序推进秋粮生产", "筑牢丰收基础", "本报记者 汪帅伟", [])]


def test_a_title_that_sums_up_the_lead_keeps_the_subheads_in_its_article(wrap):
    # each subhead could also close an article of its own; the title at the end repeats the
    # lead's words, which only the reading that keeps the whole article together can credit
    # (the dynamic programme keeps each path's lead as part of its state)
    pars = ["春回大地，农事繁忙。眼下，各地正抢抓农时，加紧做好春耕备耕工作。", "高标准农田建设忙",
            "截至2月底，福建累计建成高标准农田940万亩，零散的小耕地逐步形成集中连片的大田块。",
            "重庆今年改造提升高标准农田200万亩，在丘陵山区推广宜机化改造，农机作业效率明显提高。",
            "春管保丰收 科技来助力",
            "眼下，甘肃各地冬小麦陆续进入返青期，全省组织农技人员深入田间，指导农户开展春季田管。",
            "在安徽亳州、山西河津，家庭农场智慧田管系统实时监测墒情苗情，为精准施肥浇水提供依据。",
            "春耕备耕 物资要保障",
            "在黑龙江，各地的农资、农具企业抓紧生产，化肥、种子等农资储备充足，价格总体平稳。",
            "在河南周口、四川南充，技术人员“送检下乡”，帮助农户检测种子质量，保障春播用种安全。",
            "◎本报记者 肖怡 通讯员 杨涛超", "抢抓农时 各地做好春耕备耕"]
    lines = []
    for x in pars:
        lines += wrap(x, column=17) if "。" in x else [x]
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text, [s.text for s in x.body if s.kind == "subhead"]) for x in page.articles]
    assert got == [("抢抓农时 各地做好春耕备耕", ["高标准农田建设忙", "春管保丰收 科技来助力", "春耕备耕 物资要保障"])]


def _healed(page) -> list[str]:
    return [str(c.reason) for c in page.changes if c.rule == "A001" and c.action == "heal"]


def test_a_continuation_whose_first_line_has_digits_is_full(wrap):
    # 争到 2025 年… is a full line (its digits are guessed half an em each, the line measures short)
    x = ["作为粤港澳大湾区建设的重大平台，", "广州南沙新年起步着眼大抓项目，着力把", "科技产业合作做深做实。一方面加快发展", "集成电路、生命健康等高新技术产业，力"]
    z = ["争到 2025 年形成总规模达 2万亿的产业", "集群；另一方面携手港澳，增强内外循环", "链接功能，提升国家进口贸易促进创新示", "范区建设水平。"]
    spaced_out = z[0].replace(" ", "")  # as the assemble stage sees it, after the spacing stage
    assert cleaner.chars.width(spaced_out) < cleaner.chars.width(z[1]) - 0.75
    page = cleaner.clean("\n".join(x + ["广东锚定高质量广东锚定高质量", "开启发展新篇章"] + z) + "\n")
    assert len(_healed(page)) == 1


def test_a_continuation_far_from_the_cut_needs_more_evidence(wrap, kit):
    # the cut paragraph's continuation is not on this page; a paragraph under a later headline,
    # two paragraphs of another article further on, reads a little like one but is not
    x = wrap("在陕西洛川，当地重点针对集中供热没有覆盖的区域和农村，开")
    other = wrap("九一八事变爆发91周年之际，各地举行纪念活动，铭记历史，缅怀先烈，珍爱和平，开创未来。") + \
        wrap("在沈阳，九一八历史博物馆举行撞钟鸣警仪式，社会各界代表参加，共同回顾那段历史。")
    z = ["十年巨变，非凡跨越。2021 年，新疆地区", "生产总值接近1.6万亿元，发展质量明显", "提升。"]
    text = "\n".join(x + ["各地供暖保障有力"] + other + ["新疆十年发展成就"] + z) + "\n"
    # (healing alone: the mending after assembly, A001 mend_adjacent, joins what it leaves adjacent)
    assert _healed(cleaner.clean(text, rules=kit.rules_with("A001", mend_adjacent=False))) == []
    assert not any(z[0][:6] in r for r in _healed(cleaner.clean(text)))


def test_a_heading_after_a_byline_is_no_subtitle_of_the_heading_before_it(wrap):
    # the article's last subhead (bold), its byline, then its title: the title is not the
    # subhead's subtitle across the byline
    pars = ["入冬以来，各地采取多种措施，做好供暖保障，让群众温暖过冬。",
            "北方目前已进入供暖季。在黑龙江、吉林等地，今夏发生洪涝灾害的地方，居民家里暖和吗？记者来到了受灾村。",
            "今年冬天，北京一些居民家中安装了“智能”温控器，插座里面加装了室温采集器，供热站据此自动调控。",
            "在陕西洛川，当地重点针对集中供热没有覆盖的区域和农村，开展电代煤、气代煤工作，为全县农户完成热源改造。"]
    lines = [x for par in pars for x in wrap(par, column=30)]
    lines += ["让供暖更智能让供暖更智能、、更精准更精准", "本报记者 沈杰秀 通讯员 姜平", "做好供暖保障 让群众温暖过冬"]
    page = cleaner.clean("\n".join(lines) + "\n")
    [article] = page.articles
    assert (article.title.text, article.subtitle) == ("做好供暖保障 让群众温暖过冬", None)
    assert [b.text for b in article.body if b.kind == "subhead"] == ["让供暖更智能、更精准"]


def test_a_headline_broken_in_a_word_is_joined_with_context_on_one_side(wrap):
    # 累计发|放超: the page uses 计发放 (累计发放), not 计发放超
    body = wrap("记者从教育部获悉，国家助学贷款自1999年实施至今，已累计发放助学贷款4000多亿元。")
    page = cleaner.clean("\n".join(["国家助学贷款累计发", "放超4000亿元", "惠及2000多万名学生"] + body) + "\n")
    [article] = page.articles
    assert (article.title.text, article.subtitle.text) == ("国家助学贷款累计发放超4000亿元", "惠及2000多万名学生")


def test_a_byline_goes_with_the_headline_on_the_next_line(wrap):
    # A's title, a photo caption, B's byline and title: the byline touches B's title, while
    # A's title is lines away (the caption in between)
    a = wrap("今年前两个月，生产需求回升向好。从生产来看，工业和服务业双双回升，规模以上工业增加值同比增长。", column=17) + \
        wrap("从消费来看，社会消费品零售总额同比增长，市场销售由降转升，居民消费价格同比上涨，和国际高通胀形成对比。", column=17)
    caption = ["图为采购商在广交会展馆内洽谈。", "本报记者刘超刚摄"]
    b = wrap("眼下，全国秋冬种进度已超过98%，基本实现适墒适期播种。农业农村部最新农情调度显示，全国冬小麦面积将保持稳定。", column=28) + \
        wrap("目前，主产区田间管理已陆续展开，各地分类施策，培育壮苗，确保冬小麦安全越冬。", column=28)
    lines = a + ["国民经济企稳回升国民经济企稳回升"] + caption + ["◎本报记者 彭倩磊 覃宇欣", "全国冬小麦面积有望保持稳定全国冬小麦面积有望保持稳定"] + b
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [(x.title.text, x.byline.text if x.byline else None) for x in page.articles] == [
        ("国民经济企稳回升", None), ("全国冬小麦面积有望保持稳定", "本报记者 彭倩磊 覃宇欣")]


#: An article as a page set it (a blank line after every line): its headline drawn across its
#: columns cut 随着… (…转移群众 / 64000多名。); under the headline, in that column, the
#: continuation and the next section (多省份…); the section 物资… stands in the column before.
FLOOD = ["连日来，南方多地持续出现强降雨、洪涝和地质灾害，各地积极搜救失联被困", "人员，转移安置受灾群众，全力应对灾情。",
         "随着强降雨暂时减弱停歇，梅州部分地区洪水正在逐步退去。在蕉岭县新铺镇，",
         "灾后的清理工作已经同步展开。目前，广东省应急管理厅共调派5架直升机开展应",
         "急救援任务，输送救援物资17吨。梅州市集中各级救援力量超万人，转移群众",
         "物资和力量加紧调度物资和力量加紧调度",
         "针对福建、广东两省发生的洪涝和地质灾害，17日，国家防灾减灾救灾委员会",
         "办公室、应急管理部会同国家粮食和物资储备局紧急调拨10000件家庭应急包，全", "力支持地方做好受灾群众安置救助工作。",
         "南方多地全力以赴做好防汛救灾工作南方多地全力以赴做好防汛救灾工作", "64000多名。",
         "多省份防汛持续加力多省份防汛持续加力",
         "福建多地出现持续性暴雨天气。18日，福建南平出现强降雨天气，南平光泽县",
         "部分地区发生内涝，当地镇村干部和武警、消防等救援力量转移群众40多户近70名。",
         "目前，福建全省累计转移群众70000人次。"]


def test_the_sections_after_a_continuation_come_along_with_it():
    page = cleaner.clean("\n\n".join(FLOOD) + "\n")
    [article] = page.articles
    assert article.title.text == "南方多地全力以赴做好防汛救灾工作"
    assert [b.text[:6] for b in article.body] == ["连日来，南方", "随着强降雨暂", "多省份防汛持", "福建多地出现",
                                                  "物资和力量加", "针对福建、广"]


#: The same article set otherwise: the section 物资… before the headline (its subhead after
#: it), the continuation and 多省份…'s section under it; the cut paragraph and its
#: continuation are two lines each, so their column shows only in their full lines.
FLOOD_AFTER = ["连日来，南方多地持续出现强降雨、洪涝和地质灾害，各地积极搜救失", "联被困人员，转移安置受灾群众，全力应对灾情。",
               "随着强降雨暂时减弱停歇，梅州部分地区洪水正在逐步退去。在蕉岭县",
               "新铺镇，灾后的清理工作已经同步展开。目前，广东省应急管理厅共调派 5",
               "针对福建、广东两省发生的洪涝和地质灾害，17日，国家防灾减灾救灾",
               "委员会办公室、应急管理部会同国家粮食和物资储备局紧急调拨 10000 件家",
               "庭应急包，全力支持地方做好受灾群众安置救助工作。", "物资和力量加紧调度", "◎本报记者 肖建洋 谭静",
               "南方多地全力以赴做好防汛救灾工作南方多地全力以赴做好防汛救灾工作",
               "架直升机开展应急救援任务，输送救援物资 17 吨。梅州市集中各级救援力", "量超万人，转移群众64000 多名。",
               "福建多地出现持续性暴雨天气。18日，福建南平出现强降雨天气，南平",
               "光泽县部分地区发生内涝，当地镇村干部和武警、消防等救援力量转移群众",
               "40 多户近 70 名。目前，福建全省累计转移群众 70000人次。", "多省份防汛持续加力"]


def test_a_continuation_of_two_lines_brings_the_paragraphs_of_its_column():
    page = cleaner.clean("\n\n".join(FLOOD_AFTER) + "\n")
    [article] = page.articles
    assert (article.title.text, article.subtitle) == ("南方多地全力以赴做好防汛救灾工作", None)
    assert [b.text[:6] for b in article.body if b.kind == "paragraph"] == ["连日来，南方", "随着强降雨暂", "福建多地出现",
                                                                           "针对福建、广"]
    # the subhead after the moved section (set after its section) comes along as a subhead
    assert sorted(b.text for b in article.body if b.kind == "subhead") == ["多省份防汛持续加力", "物资和力量加紧调度"]


def test_an_article_may_end_under_its_last_subhead(wrap):
    # A sets each subhead after its section, so its text ends under the last one; B's text
    # (another column) follows at once, its headline after it
    a = [wrap(t, column=20) for t in (
        "科技日报讯（记者汤兰强）河北塞罕坝机械林场建设者们创造了荒原变林海的人间奇迹，筑起京津生态屏障。",
        "60多年前，塞罕坝是一片高原荒漠，风沙肆虐。第一代建设者从全国各地来到这里，开始了艰苦卓绝的造林。",
        "守护好塞罕坝生态安全屏障，离不开科学管理。林场建立了完善的监测体系，守住来之不易的绿色。")]
    b = [wrap(t, column=34) for t in (
        "随着春节临近，返乡人员增多，各地因地制宜、多措并举，加大对农村地区的巡诊力度，开通转诊绿色通道。",
        "连日来，山西大宁县组建农村疫情防控工作专班，组织医疗服务队，进村入户对返乡等重点人群开展医疗服务。")]
    lines = ["传承好塞罕坝精神传承好塞罕坝精神"] + a[0] + a[1] + ["三代接力 荒原变林海"] + a[2] + ["科学管护 守住绿色"] \
        + b[0] + b[1] + ["重点人群“关口前移”重点人群“关口前移”"]
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text, [blk.text[:6] for blk in x.body]) for x in page.articles]
    assert got == [("传承好塞罕坝精神", ["科技日报讯（", "三代接力 荒", "60多年前，", "科学管护 守", "守护好塞罕坝"]),
                   ("重点人群“关口前移”", ["随着春节临近", "连日来，山西"])]


def test_the_move_stops_at_a_two_line_paragraph_of_another_column(wrap):
    # after the continuation and the rest of its 18-em column comes the next article, set 36
    # ems wide: its paragraphs of two lines show no middle line, but their first lines do
    x = wrap("作为粤港澳大湾区建设的重大平台，广州南沙新年起步着眼大抓项目，着力把科技产业合作做深做实。"
             "一方面加快发展集成电路、生命健康等高新技术产业，力", column=18)
    z = wrap("争到2025年形成总规模达2万亿的产业集群；另一方面携手港澳，增强内外循环链接功能，提升国家进口贸易促进创新示范区建设水平。",
             column=18, indent=0)
    p2 = wrap("新年伊始，广东一批重点项目加速落地。在广州、深圳、东莞等地，五百多个重大项目纷纷开工建设。", column=18)
    other = wrap("今年以来，我国加快工业互联网创新发展，加快推动工业互联网规模化应用，为经济高质量发展提供强劲动能。", column=36) \
        + wrap("今年以来，我国接连出台政策，全方位推进工业互联网发展，工业和信息化部在全国部署多项重点工作，加速探索新的发展模式。",
               column=36)
    lead = wrap("本报讯（记者江宁）习近平主席在新年贺词中指出，新年伊始，全国各地坚定信心、真抓实干，推动经济发展。", column=18)
    lines = lead + x + ["广东锚定高质量", "开启发展新篇章"] + z + p2 + other \
        + ["我国工业互联网进入规模化发展新阶段我国工业互联网进入规模化发展新阶段"]
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [(a.title.text, [b.text[:6] for b in a.body]) for a in page.articles] == [
        ("广东锚定高质量", ["本报讯（记者", "作为粤港澳大", "新年伊始，广"]),
        ("我国工业互联网进入规模化发展新阶段", ["今年以来，我", "今年以来，我"])]


#: A page's article (a 36-em column): its bold title, drawn across the columns, cuts the
#: second paragraph (…工程最重要的 / 1000千伏…).
WORKS = ["科技日报讯（记者邱健明）新年伊始，一批重大工程有序推进，助力中国经济",
         "稳健前行。假日期间，作为国家确定的 172项节水供水重大水利工程的标志性项",
         "目——广西桂平大藤峡水利枢纽工程右岸的第二台机组安装完毕。",
         "国家重点能源工程蒙东能源基地电力外送工程建设不停工，工程最重要的",
         "一批重大工程有序推进一批重大工程有序推进",
         "1000千伏北京东变电站改扩建施工进入核心设备安装环节。这个京津冀地区的重",
         "要枢纽变电站计划今年夏季用电高峰前建成投运，将增加京津冀地区供电能力",
         "600万千瓦，相当于增加100 万户家庭的供电能力。",
         "重量近4000吨的我国首个深远海浮式风电平台，元旦期间在青岛完成浮体总", "装。"]


def test_a_bold_headline_the_lead_repeats_is_no_subhead():
    # the text around it is one article, as around a subhead; but the lead repeats it word
    # for word, as a title's lead does (a subhead's never does)
    page = cleaner.clean("\n".join(WORKS) + "\n")
    [article] = page.articles
    assert article.title.text == "一批重大工程有序推进"
    assert not [b for b in article.body if b.kind == "subhead"]


def test_a_subtitle_that_repeats_the_lead_more_than_its_title_stays_a_subtitle(wrap):
    # A's title, then B's title and subtitle; B's lead repeats the subtitle word for word and
    # the title only in part: the split still falls between A's title and B's
    a = wrap("新年伊始，一批重大工程有序推进，助力中国经济稳健前行。假日期间，大藤峡水利枢纽工程第二台机组安装完毕。", column=17) \
        + wrap("在京雄高速重点控制性工程永定河特大桥施工工地，数百名建设者正准备架设钢梁，工程有序推进。", column=17)
    b = wrap("科技日报讯（记者汤兰强）河北塞罕坝机械林场的建设者们，筑牢京津生态屏障，创造了荒原变林海的奇迹。", column=20) \
        + wrap("6月的塞罕坝机械林场，绿意盎然，这段时间，林场的护林员们正忙着巡山护林，守护这片绿色。", column=20)
    heads = ["一批重大工程有序推进一批重大工程有序推进", "传承好塞罕坝精神", "筑牢京津生态屏障"]
    page = cleaner.clean("\n".join(a + heads + b) + "\n")
    assert [(x.title.text, x.subtitle.text if x.subtitle else None) for x in page.articles] == [
        ("一批重大工程有序推进", None), ("传承好塞罕坝精神", "筑牢京津生态屏障")]


def test_a_heading_in_the_form_of_the_subhead_before_it_is_a_subhead(wrap):
    # sections set their subheads after them, in one form (上海：… / 河北：…); the last one and
    # the title share a run: the one in the subheads' form is the subhead, not the title
    def par(t):
        return wrap(t, column=35)
    lines = par("近日，上海市、河北省分别举行“中国这十年”主题新闻发布会，介绍了党的十八大以来，当地经济社会发展取得的显著成就。") \
        + par("党的十八大以来，上海市综合实力跃上新台阶，经济总量连续跨越多个万亿元台阶，人均生产总值达到新水平。") \
        + ["上海：当好改革开放排头兵 创新发展先行者"] \
        + par("党的十八大以来，河北扎实推动高质量发展，经济总量先后跨越多个万亿元台阶，发展质量效益稳步提升。") \
        + ["河北：奋发进取 加快建设经济强省美丽河北", "上海河北介绍十年发展成就"]
    page = cleaner.clean("\n".join(lines) + "\n")
    [article] = page.articles
    assert (article.title.text, article.subtitle) == ("上海河北介绍十年发展成就", None)
    assert [b.text for b in article.body if b.kind == "subhead"] == [
        "上海：当好改革开放排头兵 创新发展先行者", "河北：奋发进取 加快建设经济强省美丽河北"]


#: Two articles on a page without blank lines: the harvest article's end, its headline, the
#: paper's name, then the community article (its own headline cuts its third paragraph).
NO_BLANKS = ["各地采取良种良法，提高单产，增加总产。", "河北康保打造旱作高产农田，26万亩马铃薯",
             "喜获丰收，产量预计将达到70多万吨。陕西", "渭南春玉米相继成熟，农户们抢抓晴好天气", "加紧收割。",
             "江苏3300多万亩水稻现已进入灌浆期，", "预计十月中旬迎来大面积收割。在宿迁市宿", "豫区，农技人员深入田间地头，指导农户做",
             "好田间管理。", " 各地有序推进秋粮生产", "筑牢丰收基础", "科技日报",
             "党的二十大报告指出，加强城市社区党", "建工作，推进以党建引领基层治理。山西晋", "城东圣社区积极探索党支部引领，居委会、",
             "业委会、物业公司联动，不断延伸网格化服", "务的基层治理模式，共建共治共享幸福美好", "社区。",
             "东圣社区有5个小区，常住人口2万多人。", "这段时间，社区党支部围绕学习贯彻二十大", "精神，谋划打造品质化社区，一项重点工作",
             "就是在小区试行物业管理酬金制，已分别同", "业主和物业公司沟通了20多次。", "过去，物业管理实行包干制，物业费打",
             "山西东圣社区山西东圣社区：：以党建引领基层治理以党建引领基层治理", "包交给物业公司，自负盈亏。这次东圣社区",
             "试点物业管理酬金制，物业费由业委会掌管，", "物业公司按照业主要求提供专业化服务。"]


def test_a_headline_between_two_subjects_heads_neither_stretch_as_one_article():
    # only the text tells that it does not go on across 各地有序推进秋粮生产 (harvest, then a
    # residential community): that headline closes the harvest article, it is not set inside one
    page = cleaner.clean("\n".join(NO_BLANKS) + "\n")
    assert [x.title.text for x in page.articles] == ["各地有序推进秋粮生产", "山西东圣社区：以党建引领基层治理"]


# --- a paragraph cut in the middle of a word --------------------------------------------

def _cut_in_a_word(elsewhere: str) -> list[str]:
    """No blank lines (no layout cue): a paragraph's first line cut after 展 by the headline,
    the continuation under it starting with 示; ``elsewhere`` decides whether the page uses 展示."""
    return ["科技日报讯（记者曾宏）据中国载人航天工程办公室消息，天宫课堂第四",
            "课定于9月21日15时45分开课，神舟十六号航天员景海鹏、朱杨柱、桂海",
            "潮将面向全国青少年进行太空科普授课。届时，中央广播电视总台将现场",
            "直播。",
            "本次太空授课活动继续采取天地互动方式进行。3名航天员将在轨展",
            "天宫课堂第四课将于9月21日开课",
            "示介绍中国空间站梦天实验舱工作生活场景，" + elsewhere + "球形火焰实验、奇妙乒",
            "乓球实验、动量守恒实验以及又见陀螺实验，并与地面课堂进行互动交流。"]


@pytest.mark.parametrize("elsewhere, healed", [("展示", True), ("演示", False)])
def test_a_cut_that_splits_a_word_the_page_uses_is_healed(elsewhere, healed, kit):
    # (healing alone: the mending after assembly, A001 mend_adjacent, joins what it leaves adjacent)
    page = cleaner.clean("\n".join(_cut_in_a_word(elsewhere)) + "\n",
                         rules=kit.rules_with("A001", mend_adjacent=False))
    (a,) = page.articles
    body = [b.text for b in a.body]
    cut = "3名航天员将在轨展示介绍中国空间站"
    assert any(cut in t for t in body) == healed, body
    assert any("a word the page uses" in c.reason for c in page.changes) == healed


# --- a kicker (引题) above the title -----------------------------------------------------------

@pytest.mark.parametrize("bold_title", [True, False])
def test_a_plain_heading_above_a_bold_title_is_its_kicker(wrap, bold_title):
    title = "北京启动高品质科技园区建设"
    head = "首批十个项目全部开工\n" + (title * 2 if bold_title else title) + "\n"
    page = cleaner.clean(head + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n")
    (a,) = page.articles
    if bold_title:
        assert (a.kicker.text, a.title.text, a.subtitle) == ("首批十个项目全部开工", title, None)
    else:  # two plain headings: title and subtitle, the commoner stack
        assert (a.kicker, a.title.text, a.subtitle.text) == (None, "首批十个项目全部开工", title)


def test_of_three_stacked_headings_the_first_is_the_kicker(wrap):
    head = "首批十个项目全部开工\n北京启动高品质科技园区建设\n——中关村各分园加快建设产业服务设施\n"
    page = cleaner.clean(head + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n")
    (a,) = page.articles
    assert a.kicker.text == "首批十个项目全部开工"
    assert a.title.text == "北京启动高品质科技园区建设"
    assert a.subtitle.text == "——中关村各分园加快建设产业服务设施"
    assert cleaner.page_dict(page)["articles"][0]["kicker"] == "首批十个项目全部开工"


@pytest.mark.parametrize("byline", ["文/羊城晚报全媒体记者 王辉鸣", " 本报记者 王辉鸣"])
def test_of_two_plain_headings_the_one_with_its_byline_on_its_line_is_the_title(byline):
    # a byline is set beside its title: the plain heading above that line is the kicker, not
    # a title over its subtitle
    body = ["记者从县农业农村局获悉，截至目前，全县已", "完成小麦机收98万亩，占播种面积的一半以上。", "今年全县小麦长势良好，预计单产稳中有升。"]
    (a,) = cleaner.clean("\n".join(["夏收夏种正当时", "全县98万亩小麦机收过半" + byline, *body]) + "\n").articles
    assert (a.kicker.text, a.title.text, a.subtitle) == ("夏收夏种正当时", "全县98万亩小麦机收过半", None)
    assert a.byline.text == byline.strip()


def test_a_dash_heading_is_a_subtitle_never_a_title_or_kicker():
    """On synthesised pages (titles, subtitles led in by a dash, some broken over two lines,
    kickers, headlines before, after and inside their bodies) no title or kicker starts with
    a dash; before this rule 23 did on these 40 pages."""
    import glob

    from cleaner.synth import PageMaker, load_stories

    maker = PageMaker(load_stories(sorted(glob.glob(str(ROOT / "samples" / "articles" / "pool-*.jsonl")))))
    bad = []
    for seed in range(40):
        for a in cleaner.clean(maker.page(seed).raw).articles:
            bad += [(seed, h.text) for h in (a.title, a.kicker) if h is not None and h.text.startswith("——")]
    assert bad == []


def test_two_bold_lines_one_under_the_other_are_one_title(wrap):
    # a two-phrase title broken at its blank, each line drawn twice (fake bold), in a column
    # too narrow for the two on one line
    head = "古镇焕新古镇焕新\n游客“留下来”游客“留下来”\n"
    body = "今年以来，古镇焕新吸引游客留下来，民宿、文创、夜游等新业态不断涌现，游客停留时间明显延长。"
    page = cleaner.clean(head + "\n".join(wrap(body, 9)) + "\n" + "\n".join(wrap(A2, 9)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle) == ("古镇焕新 游客“留下来”", None)


def test_two_bold_lines_that_would_fit_one_line_of_the_column_are_a_title_and_its_subtitle(wrap):
    # the same two bold lines over a column wide enough for both on one line: an editor breaks
    # a headline where it does not fit, so the lower is a subtitle set bold as its title is
    head = "古镇焕新古镇焕新\n游客“留下来”游客“留下来”\n"
    body = "今年以来，古镇焕新吸引游客留下来，民宿、文创、夜游等新业态不断涌现，游客停留时间明显延长。"
    page = cleaner.clean(head + "\n".join(wrap(body, 18)) + "\n" + "\n".join(wrap(A2, 18)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle.text) == ("古镇焕新", "游客“留下来”")


@pytest.mark.parametrize("upper, lower, measure, goes_on", [
    ("我国科学家在青藏高原", "冰川中发现新型微生物", 10.0, True),  # a title broken near its middle
    ("安平警方破获一起跨省电信网络诈骗案", "抓获犯罪嫌疑人47名", 10.0, False),  # longer than a title runs
    ("古镇焕新", "游客“留下来”", 30.0, False),  # the two would fit one line of the column
    ("第五届东亚粮食安全合作论坛在曼谷", "举行", 30.0, True),  # a short end: no subtitle is so short
])
def test_a_bold_line_under_a_bold_title_goes_on_it_unless_it_reads_as_a_subtitle(upper, lower, measure, goes_on):
    from cleaner.stages.assemble.headline_pair import bold_goes_on

    assert bold_goes_on(upper, lower, measure, cleaner.load_rules()["A003"].params) is goes_on


@pytest.mark.parametrize("upper, lower, measure, fits", [
    ("古镇焕新", "游客“留下来”", 18.0, True),
    ("古镇焕新", "游客“留下来”", 9.0, False),  # too wide for the column: broken where it did not fit
    ("古镇焕新，", "游客“留下来”", 18.0, False),  # broken after a mark inside it
    ("古镇焕新", "游客“留下来”", 0.0, False),  # the measure unknown
])
def test_two_heading_lines_fit_one_line_of_the_measure(upper, lower, measure, fits):
    from cleaner.stages.assemble.headline_pair import fits_measure

    assert fits_measure(upper, lower, measure, cleaner.load_rules()["A003"].params) is fits


@pytest.mark.parametrize("first, byline", [
    ("古镇焕新古镇焕新 本报记者 王晓明", "本报记者 王晓明"),
    ("古镇焕新古镇焕新李华、王明/上观新闻", "李华、王明/上观新闻"),
])
def test_a_byline_on_the_first_line_of_a_bold_title_does_not_cut_the_title(wrap, first, byline):
    # the byline set beside the title's first line (split off by T001) stands beside it, not
    # under it: the bold line under the title goes on the title
    head = first + "\n游客“留下来”游客“留下来”\n"
    body = "今年以来，古镇焕新吸引游客留下来，民宿、文创、夜游等新业态不断涌现，游客停留时间明显延长。"
    page = cleaner.clean(head + "\n".join(wrap(body, 9)) + "\n" + "\n".join(wrap(A2, 9)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle, a.byline.text) == ("古镇焕新 游客“留下来”", None, byline)


def test_a_plain_line_under_a_bold_title_stays_its_subtitle(wrap):
    head = "古镇焕新古镇焕新\n游客“留下来”\n"
    body = "今年以来，古镇焕新吸引游客留下来，民宿、文创、夜游等新业态不断涌现，游客停留时间明显延长。"
    page = cleaner.clean(head + "\n".join(wrap(body)) + "\n" + "\n".join(wrap(A2)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle.text) == ("古镇焕新", "游客“留下来”")


def test_a_long_run_of_short_lines_weighs_only_splits_near_its_ends(stages_until):
    """A run of thousands of heading-like lines (a list, noise) is weighed in linear time: only
    splits within max_part lines of either end are readings (every split made it quadratic)."""
    from cleaner.stages.assemble import Assembler

    text = "\n".join(f"第{n}项工作" for n in range(600)) + "\n"
    page = stages_until(text, "spacing")
    group = [b for b in page.blocks if b.kind in ("heading", "byline")]
    assert len(group) > 100
    options = Assembler(page).group_options(group, [], None)
    cap = page.rules["A003"].params["max_part"]
    splits = {k for kind, k, _, _ in options[False] if kind == "split"}
    assert splits and max(min(k, len(group) - k) for k in splits) <= cap


def test_a_quote_is_compared_only_with_the_articles_nearest_to_it(wrap):
    """On a long run of pages, a pull quote whose source the label stage did not find is
    compared with the bodies of the max_candidates articles nearest to it, not with all."""
    from cleaner.model import Block
    from cleaner.stages.assemble import Assembler

    page = cleaner.clean("\n".join(wrap(A1)) + "\n")
    a = Assembler(page)
    a._owner_lines = [0, 1, 5, 6, 10, 11, 20, 21]
    owner = {0: 0, 1: 0, 5: 1, 6: 1, 10: 2, 11: 2, 20: 3, 21: 3}
    q = Block("pullquote", (7,), ("",), "x")
    assert a.nearest_drafts(q, owner, 2) == [1, 2]
    assert a.nearest_drafts(q, owner, 3) == [0, 1, 2]
    assert a.nearest_drafts(q, owner, 9) == [0, 1, 2, 3]


def test_a_paragraph_cut_by_a_caption_inside_its_column_is_one_paragraph(wrap):
    # the picture sits in the column: extraction reads its caption between two lines of the
    # paragraph, which stops mid-sentence above it and goes on under it
    lines = wrap(A1 + A2)
    cut = 3
    assert not cleaner.chars.ends_sentence(lines[cut - 1])
    text = "\n".join(lines[:cut] + ["图为治理后的柳溪河畔景色。"] + lines[cut:]) + "\n北京启动高品质科技园区建设\n"
    (a,) = cleaner.clean(text).articles
    assert [b.text for b in a.body] == [A1 + A2]
    assert [c.text for c in a.captions] == ["图为治理后的柳溪河畔景色。"]
    assert any(c.rule == "A001" and c.action == "heal" for c in cleaner.clean(text).changes)


def test_a_caption_ends_with_its_photo_credit_not_in_the_headline_under_it(wrap):
    # in a narrow column the headline under the credit is as wide as a line of the caption
    text = ("\n".join(wrap(A1, column=10)) + "\n" + "\n".join(wrap(A2, column=10)) + "\n图为演员在《钱塘月》首演中\n"
            "表演。（资料图片）\n北京启动园区建设\n" + "\n".join(wrap(B1, column=10)) + "\n"
            + "\n".join(wrap(B2, column=10)) + "\n")
    page = cleaner.clean(text)
    caps = [c.text for a in page.articles for c in a.captions]
    assert caps == ["图为演员在《钱塘月》首演中表演。（资料图片）"]


def test_the_last_subhead_set_after_its_section_stays_with_its_article(wrap):
    # subheads after their sections; after the last one, another article in another column:
    # that subhead closes its own article, it does not open the next one as its title
    s1 = "区里推行一件事一次办改革，把多个部门的事项整合成一件事，群众办事跑一次就够了，材料也少了一半。"
    s2 = "窗口人员主动上门服务，数据在部门之间共享，企业开办只要半天时间，开办费用全部由财政承担。"
    s3 = "今年以来，全区新登记市场主体增长两成，营商环境持续改善，群众和企业的满意度不断提升。"
    text = ("优化营商环境 激发市场活力\n" + "\n".join(wrap(s1)) + "\n流程再造减环节\n" + "\n".join(wrap(s2))
            + "\n数据共享破壁垒\n" + "\n".join(wrap(s3)) + "\n贴心服务暖人心\n" + "\n".join(wrap(B1 + B2, column=28))
            + "\n" + "\n".join(wrap(B2 + B1, column=28)) + "\n李强出席中澳工商界圆桌会\n")
    page = cleaner.clean(text)
    first = page.articles[0]
    assert [b.text for b in first.body if b.kind == "subhead"] == ["流程再造减环节", "数据共享破壁垒", "贴心服务暖人心"]
    assert [a.title.text for a in page.articles] == ["优化营商环境 激发市场活力", "李强出席中澳工商界圆桌会"]


def test_a_byline_under_its_article_text_is_its_byline(wrap):
    # a commentary signed at its end; page furniture after it
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n●何涛霞\n第8版 评论\n")
    (a,) = cleaner.clean(text).articles
    assert (a.title.text, a.byline.text if a.byline else None) == ("北京启动高品质科技园区建设", "何涛霞")


def test_a_byline_under_one_article_and_the_next_headline_part_ways(wrap):
    # A (headline before its text) ends with its byline; B's headline and byline follow
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n本报记者 蒋飞欣 郝英国\n"
            "李强出席中澳工商界圆桌会\n◎本报记者 符晓波\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n")
    page = cleaner.clean(text)
    assert [(a.title.text, a.byline.text if a.byline else None) for a in page.articles] == [
        ("北京启动高品质科技园区建设", "本报记者 蒋飞欣 郝英国"), ("李强出席中澳工商界圆桌会", "本报记者 符晓波")]


def test_a_last_subhead_set_after_its_section_at_the_page_end_stays_in_its_article(wrap):
    """An article that sets its subheads after their sections: the last one ends the page, with
    no text under it; it is the article's (put back before its section), not a lone headline."""
    paras = ["近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升。",
             "改造中，当地坚持问需于民，加装电梯、增设停车位、建设口袋公园，让老小区焕发新活力。",
             "下一步，当地还将加快推进城市更新，完善配套设施，让更多居民享受到改造带来的便利与实惠。",
             "与此同时，当地还建立了长效管理机制，引入专业物业服务，让改造成果长久保持。"]
    raw = "\n\n".join(["老旧小区焕新颜", "\n".join(wrap(paras[0])), "\n".join(wrap(paras[1])), "改造惠民生",
                       "\n".join(wrap(paras[2])), "问需于民", "\n".join(wrap(paras[3])), "久久为功"]) + "\n"
    page = cleaner.clean(raw)
    assert len(page.articles) == 1 and not page.dropped, (page.articles, page.dropped)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].body] == [
        ("paragraph", "近年来，"), ("subhead", "改造惠民"), ("paragraph", "改造中，"), ("subhead", "问需于民"),
        ("paragraph", "下一步，"), ("subhead", "久久为功"), ("paragraph", "与此同时")]


def test_a_last_subhead_drawn_bold_as_the_others_at_the_page_end_stays_in_its_article(wrap):
    """The same, with every headline drawn twice (fake bold), the subheads as the title: the
    last subhead, with no text under it, is set as the article's other subheads are, so it is
    theirs, not a lone headline kept in dropped."""
    paras = ["近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升。",
             "改造中，当地坚持问需于民，加装电梯、增设停车位、建设口袋公园，让老小区焕发新活力。",
             "下一步，当地还将加快推进城市更新，完善配套设施，让更多居民享受到改造带来的便利与实惠。",
             "与此同时，当地还建立了长效管理机制，引入专业物业服务，让改造成果长久保持。"]
    raw = "\n\n".join(["老旧小区焕新颜老旧小区焕新颜", "\n".join(wrap(paras[0])), "\n".join(wrap(paras[1])),
                       "改造惠民生改造惠民生", "\n".join(wrap(paras[2])), "问需于民问需于民",
                       "\n".join(wrap(paras[3])), "久久为功久久为功"]) + "\n"
    page = cleaner.clean(raw)
    assert len(page.articles) == 1 and not page.dropped, (page.articles, page.dropped)
    assert [x.text for x in page.articles[0].body if x.kind == "subhead"] == ["改造惠民生", "问需于民", "久久为功"]


def test_a_byline_under_the_last_subhead_at_the_page_end_is_the_articles(wrap):
    """An article that sets its subheads after their sections and its byline at its end: the
    last subhead and the byline under it, with no text, are that article's, not a headline
    and a byline kept in dropped."""
    paras = ["近年来，当地持续推进老旧小区改造，已完成改造项目120个，惠及居民3.5万户，群众满意度不断提升。",
             "改造中，当地坚持问需于民，加装电梯、增设停车位、建设口袋公园，让老小区焕发新活力。",
             "下一步，当地还将加快推进城市更新，完善配套设施，让更多居民享受到改造带来的便利与实惠。",
             "与此同时，当地还建立了长效管理机制，引入专业物业服务，让改造成果长久保持。"]
    raw = "\n\n".join(["老旧小区焕新颜", "\n".join(wrap(paras[0])), "\n".join(wrap(paras[1])), "改造惠民生",
                       "\n".join(wrap(paras[2])), "问需于民", "\n".join(wrap(paras[3])), "久久为功",
                       "● 本报记者 李明"]) + "\n"
    page = cleaner.clean(raw)
    assert len(page.articles) == 1 and not page.dropped, (page.articles, page.dropped)
    a = page.articles[0]
    assert [x.text for x in a.body if x.kind == "subhead"] == ["改造惠民生", "问需于民", "久久为功"]
    assert a.byline is not None and "本报记者 李明" in a.byline.text


# --- two plain headings stacked: one title broken over two lines, or title and subtitle ---

def test_a_title_broken_inside_a_quotation_is_one_title(wrap):
    head = "冒充客服实施“退\n款”诈骗\n"
    page = cleaner.clean(head + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle) == ("冒充客服实施“退款”诈骗", None)
    assert any(c.rule == "A003" and c.action == "join" for c in page.changes)


@pytest.mark.parametrize("title, subtitle", [("推动经济发展绿色转型", "建设美丽中国"),
                                             ("数字赋能科技助力", "让亚运更“智能”"),
                                             ("民营企业投资信心回升", "前三季度全市民间投资增长7.3%")])
def test_two_plain_headline_lines_that_close_what_they_open_are_title_and_subtitle(wrap, title, subtitle):
    page = cleaner.clean(f"{title}\n{subtitle}\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle.text) == (title, subtitle)


@pytest.mark.parametrize("upper, lower, cues", [
    ("冒充客服实施“退", "款”诈骗", {"upper_open": 1.0, "lower_closes": 1.0, "upper_short": 0.0}),
    ("钢铁驼队", "穿越亚欧", {"upper_open": 0.0, "lower_closes": 0.0, "upper_short": 1.0}),
    ("预约管理要", "的温度", {"lower_starts_function": 1.0}),
    ("《钱塘月》首演", "新编越剧", {"upper_open": 0.0, "lower_closes": 0.0}),
])
def test_the_cues_of_two_stacked_headings(upper, lower, cues):
    from cleaner.stages.assemble.headline_pair import pair_cues

    got = pair_cues(upper, lower, {**cleaner.load_rules()["A003"].params, "pair_short_piece": 6})
    assert {k: got[k] for k in cues} == cues


def test_the_shipped_pair_weights_name_every_cue_and_nothing_else():
    from cleaner.stages.assemble.headline_pair import CUES

    assert set(cleaner.load_rules()["A003"].params["pair_join"]) == {"bias", *CUES}


def test_a_dash_subtitle_under_a_headline_inside_its_text_is_no_subhead(wrap):
    """A headline block drawn across its article's columns is read between two stretches of the
    body; the dash line under its title is the subtitle, not a subhead of the part after it."""
    a3 = "北京市科委、中关村管委会有关负责人介绍，首批项目建成后，中关村各分园的产业服务设施将进一步完善。"
    a4 = "下一步，北京市科委、中关村管委会将继续支持高品质科技园区建设，推动各分园产业集聚发展。"
    text = ("\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n北京启动高品质科技园区建设\n"
            "——中关村各分园加快建设产业服务设施\n" + "\n".join(wrap(a3)) + "\n" + "\n".join(wrap(a4)) + "\n")
    (a,) = cleaner.clean(text).articles
    assert (a.title.text, a.subtitle.text) == ("北京启动高品质科技园区建设", "——中关村各分园加快建设产业服务设施")
    assert [b.kind for b in a.body] == ["paragraph"] * 4


def test_the_pair_fitting_script_fits_on_synthesised_pages(tmp_path):
    import subprocess
    import sys

    pages = tmp_path / "pages"
    subprocess.run([sys.executable, "-m", "cleaner", "synth", *sorted(map(str, (ROOT / "samples" / "articles").glob("pool-*.jsonl"))),
                    "-o", str(pages), "--pages", "12", "--seed", "5"], check=True, capture_output=True, cwd=ROOT)
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fit_headline_pairs.py"), str(pages),
                          "--validation", str(pages), "--ridge", "10"], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.startswith("pair_join = { bias = ")
    assert "story-held-out accuracy" in out.stderr


def test_a_heading_as_long_as_the_subhead_before_it_is_the_last_subhead_not_a_title(wrap, tmp_path):
    """An article that sets its subheads after their sections ends with its last subhead and
    then its headline: two plain headings in a row. The first is as long as the article's
    other subhead (subheads are set as a matched set), so it is the last subhead, not the
    title over a subtitle."""
    p = ["连日来，南方多地持续出现强降雨，江河水位上涨，多地发生洪涝和地质灾害，群众生产生活受到影响。",
         "广东梅州多地出现大暴雨，局部特大暴雨，当地紧急转移安置受威胁群众，全力开展抢险救援。",
         "福建多地出现持续性暴雨天气，福建省防指启动防汛应急响应，派出工作组赴一线指导防御。",
         "针对福建、广东两省发生的洪涝灾害，国家防总调拨防汛物资，支持地方做好抢险救灾工作。"]
    b = "本报讯（记者李明）今年以来，全省新增城镇就业岗位超过三十万个，重点群体就业总体稳定，就业形势持续向好。"
    text = ("\n".join(wrap(p[0])) + "\n" + "\n".join(wrap(p[1])) + "\n多省份防汛持续加力\n"
            + "\n".join(wrap(p[2])) + "\n" + "\n".join(wrap(p[3])) + "\n物资和力量加紧调度\n"
            "南方多地全力以赴做好防汛救灾工作\n" + "\n".join(wrap(b)) + "\n全省就业形势总体稳定\n")
    page = cleaner.clean(text)
    a = page.articles[0]
    assert (a.title.text, a.subtitle) == ("南方多地全力以赴做好防汛救灾工作", None)
    assert [x.text for x in a.body if x.kind == "subhead"] == ["多省份防汛持续加力", "物资和力量加紧调度"]
    # (with the cue off, parallel_length = 0, the pair read as a title over its subtitle)
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A003"\nparams = { parallel_length = 0 }\n', encoding="utf-8")
    off = cleaner.clean(text, rules=cleaner.load_rules(str(tmp_path)))
    assert (off.articles[0].title.text, off.articles[0].subtitle.text) == ("物资和力量加紧调度", "南方多地全力以赴做好防汛救灾工作")


def test_a_lone_heading_as_long_as_the_articles_subhead_before_it_is_its_next_subhead(wrap, tmp_path):
    """An article with its title over its text has read one subhead (多元调解化矛盾); the next
    lone heading between its paragraphs is as long (普法宣传润民心), the next of the set, though
    its section's first sentence repeats it as a lead repeats its title. (With the cue off,
    set_length_bonus = 0, it opened a second article.)"""
    def para(t: str) -> str:
        return "\n".join(wrap(t)) + "\n"

    text = ("山村法庭就地化解纠纷\n"
            + para("前不久，在青石县柳溪镇，一起拖了两年的地界纠纷在村委会院子里调解成功。近年来，柳溪人民法庭"
                   "坚持把审判送到田间地头，去年审结各类案件七百余件。")
            + "多元调解化矛盾\n"
            + para("乡村纠纷多为邻里、婚姻家庭、土地承包等矛盾，法庭联合村里的调解员一起做工作，力争把矛盾化解在"
                   "萌芽状态。")
            + para("据统计，去年柳溪人民法庭通过诉前调解化解纠纷三百多件，调解成功率逐年提高，群众满意度明显提升。")
            + "普法宣传润民心\n"
            + para("普法宣传，润的是民心。干警还常常走进学校、集市开展普法宣传，用身边事讲身边法，让群众在家门口"
                   "听得懂、用得上。")
            + para("针对农村留守老人多的情况，干警走村入户，为老人讲解防范电信诈骗的知识，发放宣传手册两千余份。"))
    (a,) = cleaner.clean(text).articles
    assert a.title.text == "山村法庭就地化解纠纷"
    assert [b.text for b in a.body if b.kind == "subhead"] == ["多元调解化矛盾", "普法宣传润民心"]
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A003"\nparams = { set_length_bonus = 0.0 }\n', encoding="utf-8")
    off = cleaner.clean(text, rules=cleaner.load_rules(str(tmp_path)))
    assert [x.title.text for x in off.articles] == ["山村法庭就地化解纠纷", "普法宣传润民心"]


def test_a_pull_quote_set_right_before_the_text_it_repeats_heads_a_new_article(wrap):
    """Article A (headline over it), a pull quote, article B with its headline after it, then C's
    headline right under B's: the quote repeats B's lead, so B starts under it, not in A (and
    the two headlines are not read as C's title over a subtitle)."""
    a = ["作为全国汽车生产基地之一的重庆，抢抓机遇，加快推动汽车产业转型升级，打造智能网联新能源汽车万亿级产业集群。",
         "今年以来，重庆支持优势企业壮大，推动多家新能源汽车整车企业集聚发展，同时加快核心配套优链强链。"]
    b = ["10月15日上午，第136届中国进出口商品交易会在广州开幕，本届广交会新企业、新产品、新技术大量涌现，展会多项指标创新高。",
         "本届广交会展览总面积达到155万平方米，超过3万家企业参展，参展企业数量再创新高。"]
    c = ["主题教育开展以来，税务系统聚焦群众急难愁盼，检视整改突出问题，推动主题教育走深走实。",
         "国家税务总局围绕理论学习、抓整改落实等任务，实施挂图作战，按月下发重点任务清单。"]
    lines = ["重庆打造智能网联新能源汽车产业集群"]
    for t in a:
        lines += wrap(t, column=20)
    lines += wrap("本届广交会新企业、新产品、新技术大量涌现，展会多项指标创新高。", column=11, indent=0)
    for t in b:
        lines += wrap(t, column=20)
    lines += ["第136届广交会开幕", "税务系统推动主题教育走深走实"]
    for t in c:
        lines += wrap(t, column=30)
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [(x.title.text, [p.text[:6] for p in x.body]) for x in page.articles] == [
        ("重庆打造智能网联新能源汽车产业集群", ["作为全国汽车", "今年以来，重"]),
        ("第136届广交会开幕", ["10月15日", "本届广交会展"]),
        ("税务系统推动主题教育走深走实", ["主题教育开展", "国家税务总局"])]
    assert [x.text[:6] for x in page.articles[1].pullquotes] == ["本届广交会新"]
    assert any(c.rule == "A002" and "pull quote" in c.reason for c in page.changes)


def test_one_line_paragraphs_under_a_headline_show_the_column_of_their_run(wrap):
    """A's headline, a byline and B's headline come between A's text (17 ems) and B's, whose
    first paragraphs are one line each (they show no column) and the rest 28 ems: the column
    changes across the group, so it is no headline set inside one article."""
    a = ["今年前两个月，生产需求回升向好。从生产来看，全国规模以上工业增加值同比增长7.0%，比去年12月份加快0.2个百分点。",
         "从消费来看，社会消费品零售总额同比增长5.5%，其中餐饮收入同比增长12.5%，居民出行旅游消费较快增长。",
         "从投资来看，全国固定资产投资同比增长4.2%，比去年全年增速加快1.2个百分点，制造业投资增长较快。"]
    b = ["农业农村部最新农情调度显示，目前，除西南主产区冬小麦播种正在扫尾外，黄淮海、西北秋冬种均已结束，"
         "全国冬小麦面积将继续保持稳定，播种质量总体好于上年。",
         "今年秋冬种，我国启动实施小麦大面积单产提升行动，逐个环节落实增产措施，有效提高了播种质量。"]
    lines = [x for t in a for x in wrap(t, column=17)]
    lines += ["1—2月份国民经济企稳回升", "本报记者 彭倩磊 覃宇欣", "全国冬小麦面积有望保持稳定",
              "眼下，全国秋冬种进度已超过98%，基本实现适墒适期播种。", "目前北方冬小麦基本已出苗，长势总体较好。"]
    lines += [x for t in b for x in wrap(t, column=28)]
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [(x.title.text, [y.text[:6] for y in x.body]) for x in page.articles] == [
        ("1—2月份国民经济企稳回升", ["今年前两个月", "从消费来看，", "从投资来看，"]),
        ("全国冬小麦面积有望保持稳定", ["眼下，全国秋", "目前北方冬小", "农业农村部最", "今年秋冬种，"])]


def test_an_article_whose_headline_part_has_its_byline_takes_no_second_one(wrap):
    """A's byline stands over its headline; another byline comes between A's text and B's (whose
    headline follows its text): it is B's, not a second byline of A's."""
    lines = ["本报记者 张成 龙秀伟", "北京启动高品质科技园区建设"]
    lines += wrap(A1) + wrap(A2)
    lines += ["本报记者 邹洋 武静文"]
    lines += wrap(B1) + wrap(B2)
    lines += ["李强出席中澳工商界圆桌会"]
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [(a.title.text, a.byline.text if a.byline else None) for a in page.articles] == [
        ("北京启动高品质科技园区建设", "本报记者 张成 龙秀伟"), ("李强出席中澳工商界圆桌会", "本报记者 邹洋 武静文")]
    assert not page.dropped


def test_a_paragraphs_first_line_cut_off_by_the_headline_block_goes_back_to_it(wrap):
    """The headline block drawn across a column after the first line of a paragraph: that line
    (with clause marks, one indent short of the column) comes before the headline, the rest of
    the paragraph after it. The line is the paragraph's, not a kicker."""
    body = ["随着春节临近，返乡人员增多，各地因地制宜、多措并举，加大对农村地区的巡诊力度，开通转诊绿色通道。",
            "江西全力保障留守老人和儿童等重点人群的就医用药需求，流动健康诊疗快车开到了村民家门口。"]
    para = ("四川进一步加强县、乡、村三级诊疗联动，实现“基层首诊、双向转诊、急慢分治、上下联动”的就医流程，"
            "危重病人第一时间转诊到上级医院进一步治疗。")
    lines = [x for t in body for x in wrap(t, column=18)]
    cut = wrap(para, column=18)
    lines += cut[:1] + ["重点人群“关口前移”", "各地构筑基层保障健康防线"] + cut[1:]
    page = cleaner.clean("\n".join(lines) + "\n")
    (a,) = page.articles
    assert (a.title.text, a.subtitle.text) == ("重点人群“关口前移”", "各地构筑基层保障健康防线")
    assert [b.text for b in a.body][-1] == para
    assert any(c.rule == "A001" and "set before the headline" in c.reason for c in page.changes)


def test_a_byline_printed_on_its_headlines_line_is_not_parted_from_it(stages_until):
    # the lines stage splits a byline off its title's line; a reading that gives the title
    # and the byline to different articles (the title as the last subhead of the article
    # before, say) costs byline_line_apart; on a line of its own between the two headings it
    # touches both, and parting it from the upper one costs only the tie-break
    # byline_under_title (a byline is set under its title more often than over it), far less
    from cleaner.stages.assemble import Assembler

    body = "进入冬季，流感等呼吸道传染病进入高发期，近期发热门诊就诊人数明显增加。\n"
    page = stages_until(body + "流感高发季流感高发季  ◎ 本报记者 胡文芳\n专家提醒科学防护\n" + body, "label")
    asm = Assembler(page)
    head, byline, second = [b for b in page.blocks if b.kind in ("heading", "byline")]
    assert (head.kind, byline.kind, byline.text) == ("heading", "byline", "本报记者 胡文芳")
    w = page.rules["A003"].params
    assert asm.byline_apart([head], [byline, second]) == w["byline_line_apart"] > 0
    page = stages_until(body + "流感高发季\n◎ 本报记者 胡文芳\n专家提醒科学防护\n" + body, "label")
    asm = Assembler(page)
    head, byline, second = [b for b in page.blocks if b.kind in ("heading", "byline")]
    assert asm.byline_apart([head], [byline, second]) == w["byline_under_title"] < w["byline_line_apart"]


def test_a_column_tag_stays_with_the_headline_under_it(wrap):
    # an article that sets its subheads after their sections, then a column tag over the
    # next article's headline: the tag is that headline's kicker, never the title or the last
    # subhead of the article before
    f1 = "进入冬季，流感等呼吸道传染病进入高发期。记者从多家医院了解到，近期发热门诊就诊人数明显增加，其中儿童和老人占比较高。"
    f2 = "“流感不是普通感冒。”某市疾病预防控制中心专家提醒，接种疫苗是预防流感最有效的手段，老人、儿童等重点人群应尽早接种。"
    f3 = "专家还提醒，出现发热、咳嗽等症状要及时就医，不要自行服用抗生素，居家休息时注意多喝水、多通风。"
    s1 = "华灯初上，桐溪县老街上人头攒动，烧烤摊前香气四溢，奶茶店外排起长队。今年以来，桐溪县大力发展夜间经济，夜间消费额同比增长三成。"
    s2 = "夜经济不只是“吃吃喝喝”。县里还推出了夜游古镇、夜间书店、夜场电影等文旅消费项目，让市民和游客夜晚有去处。"
    lines = wrap(f1, column=24) + ["就诊人数增加"] + wrap(f2, column=24) + ["疫苗接种是关键"] + wrap(f3, column=24) \
        + ["及时就医不拖延", "【科技前沿】", "夜经济“点亮”小城烟火气夜经济“点亮”小城烟火气", "桐溪县夜间消费额同比增长三成"] \
        + wrap(s1, column=24) + wrap(s2, column=24)
    page = cleaner.clean("\n".join(lines) + "\n")
    assert [a.kicker.text for a in page.articles if a.kicker] == ["【科技前沿】"]
    assert all(a.title.text != "【科技前沿】" for a in page.articles if a.title)
    assert "【科技前沿】" not in [b.text for a in page.articles for b in a.body]


def test_two_plain_lines_over_a_bold_title_are_its_kicker_broken_over_two_lines(wrap):
    body = "今年“五一”假期，全省高速公路车流量持续高位运行，日均车流量比去年同期增长一成以上，出行总体平稳有序。"
    lines = ["假期出行", "热度持续攀升", "全省高速公路车流量超1800万辆次全省高速公路车流量超1800万辆次"] + wrap(body, column=20)
    page = cleaner.clean("\n".join(lines) + "\n")
    [a] = page.articles
    assert (a.kicker.text, a.title.text, a.subtitle) == ("假期出行 热度持续攀升", "全省高速公路车流量超1800万辆次", None)
    assert any(c.rule == "A003" and c.action == "join" and "kicker" in c.reason_ for c in page.changes)


def test_a_new_subject_starts_an_article_though_its_first_paragraph_echoes_the_last(wrap):
    # the science-park article's last paragraph shares a few words with the farm article's
    # first (眼下, 大忙时节): one paragraph against the next says "goes on"; the three paragraphs
    # before against the two after say the subject changed, and the farm article's headline,
    # set after its text at the page's foot, heads it
    a3 = "北京市科委表示，中关村各分园的科技园区建设项目眼下进入大忙时节。"
    para = lambda p: "\n".join(wrap(p)) + "\n"  # noqa: E731
    text = "北京启动高品质科技园区建设\n" + "".join(map(para, [A1, A2, a3, *FARM])) + "丘陵山区春耕忙\n"
    page = cleaner.clean(text)
    assert [(a.title.text if a.title else None, len(a.body)) for a in page.articles] == [
        ("北京启动高品质科技园区建设", 3), ("丘陵山区春耕忙", 4)]


# --- a subhead's section goes on with its article's story; a title's starts another ----------

def _farm_with_heading(wrap, heading: str, section: list[str]):
    para = lambda p: "\n".join(wrap(p)) + "\n"  # noqa: E731
    text = "丘陵山区小农机唱主角\n" + "".join(map(para, FARM[:3])) + heading + "\n" + "".join(map(para, section))
    return [(a.title.text, [b.kind for b in a.body]) for a in cleaner.clean(text).articles]


def test_a_heading_whose_section_goes_on_with_the_leads_story_is_a_subhead(wrap):
    # the section under 小农机上山岗 restates it (as a new article's lead would its title), but
    # it and its heading name what the lead names (小农机, 丘陵山区): a later section of the story
    section = ["小农机上山岗，离不开宜机化改造。郴州今年将在丘陵山区新建宜机化改造农田一万亩。",
               "郴州市农机中心负责人介绍，今年全市将补贴购置小型农机一千台，丘陵山区机耕率有望提高十个百分点。",
               "种粮大户李建国说，有了小农机，山上的梯田也能机耕了，一天能干过去十个人的活。"]
    assert _farm_with_heading(wrap, "小农机上山岗", section) == [
        ("丘陵山区小农机唱主角", ["paragraph"] * 3 + ["subhead"] + ["paragraph"] * 3)]


def test_a_heading_whose_section_tells_another_story_stays_a_title(wrap):
    section = ["冬小麦喜获丰收，河南周口的麦田里，收割机来回穿梭，颗粒归仓。",
               "周口市农业农村局负责人介绍，今年全市小麦单产比去年提高了五公斤，总产再创新高。",
               "种粮大户王建设说，今年小麦长势好，价格也稳，一亩地能多收一百多元。"]
    assert _farm_with_heading(wrap, "冬小麦喜获丰收", section) == [
        ("丘陵山区小农机唱主角", ["paragraph"] * 3), ("冬小麦喜获丰收", ["paragraph"] * 3)]


# --- one headline group for three articles ------------------------------------------------

def test_a_run_of_three_headlines_titles_the_article_closed_at_a_dateline(wrap):
    """Article A's text, B's (opened by its dateline, with no headline between), then the
    headlines of A, B and C in one run, then C's text: the first headline goes back to A,
    which closed untitled at B's dateline (a headline block drawn over two articles' columns,
    read after both texts); before, B took A's title and C's the subtitle."""
    a = ["近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
         "10个项目，项目涉及医药健康等7个产业领域。", A2,
         "北京市科委有关负责人表示，将持续支持中关村各分园建设高品质科技园区，推动产业集聚发展。"]
    b = ["新华社珀斯6月18日电 " + B1, B2,
         "李强表示，中方愿同澳方一道，推动中澳全面战略伙伴关系持续向前发展，工商界圆桌会意义重大。"]
    c = ["本报讯 各地抢抓有利时机，有序推进秋粮生产，进一步落实增产措施，筑牢全年粮食丰收基础。",
         "秋风渐起，稻谷飘香。目前，四川全省水稻收割已超七成，收割机来回穿梭，实现增产增效。"]
    lines = [x for par in a + b for x in wrap(par)]
    lines += ["北京启动高品质科技园区建设", "李强出席中澳工商界圆桌会", "各地有序推进秋粮生产"]
    lines += [x for par in c for x in wrap(par)]
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text if x.title else None, x.subtitle.text if x.subtitle else None, x.body[0].text[:4])
           for x in page.articles]
    assert got == [("北京启动高品质科技园区建设", None, "近日，北"), ("李强出席中澳工商界圆桌会", None, "新华社珀"),
                   ("各地有序推进秋粮生产", None, "本报讯各")]


def test_an_article_cut_mid_sentence_takes_back_its_end_read_after_the_next_article(wrap):
    # A's first column, then B's whole block, then the rest of A's last paragraph, set
    # without an indent: the rest is A's end, not B's (A001 tail_reach / tail_margin)
    a2 = wrap(A2)
    cut = 2
    assert not cleaner.chars.ends_sentence(a2[cut - 1])
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(a2[:cut]) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n"
            + "\n".join(a2[cut:]) + "\n")
    page = cleaner.clean(text)
    a, b = page.articles
    assert a.title.text == "北京启动高品质科技园区建设"
    assert [x.text for x in a.body] == [A1, A2]
    assert [x.text for x in b.body] == [B1, B2]
    assert any(c.rule == "A001" and c.action == "heal" and "stops mid-sentence" in c.reason for c in page.changes)
    assert not any(c.rule == "A001" and c.action == "flag" for c in page.changes)


def test_a_tail_read_after_two_other_articles_goes_back(wrap):
    # A's first column, then B's and C's whole blocks, then the rest of A's last paragraph: the
    # tail is looked for in the tail_reach (2) articles after the cut one, not only the next
    c2 = "记者从国家能源局获悉，今年一季度全国新增发电装机容量同比增长，清洁能源发电量占比持续提高，能源保供能力进一步增强。"
    a2 = wrap(A2)
    cut = 2
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(a2[:cut]) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n"
            "重大工程开局起步\n" + "\n".join(wrap(C1)) + "\n" + "\n".join(wrap(c2)) + "\n"
            + "\n".join(a2[cut:]) + "\n")
    a, b, c = cleaner.clean(text).articles
    assert [x.text for x in a.body] == [A1, A2]
    assert [x.text for x in c.body] == [C1, c2]
    rules = copy.deepcopy(default_rules())
    rules["A001"].params["tail_reach"] = 1
    a, b, c = cleaner.clean(text, rules=rules).articles
    assert [x.text for x in a.body] != [A1, A2]


def test_a_tail_read_after_the_next_articles_last_subhead_goes_back(wrap):
    """As above, but B sets its subheads after their sections, so the rest of A's cut
    paragraph follows B's last subhead, not a paragraph closing its sentence: a subhead closes
    a section as a full stop closes a sentence, and the rest, set without an indent, goes back
    to A (A001 tail_reach / tail_margin)."""
    a2 = wrap(A2)
    cut = 2
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(a2[:cut]) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap("新华社珀斯6月18日电 " + B1)) + "\n中澳合作前景广阔\n"
            + "\n".join(wrap(B2)) + "\n共同推动务实合作\n" + "\n".join(a2[cut:]) + "\n")
    page = cleaner.clean(text)
    a, b = page.articles
    assert [x.text for x in a.body] == [A1, A2]
    assert [x.kind for x in b.body] == ["paragraph", "subhead", "paragraph", "subhead"]
    assert any(c.rule == "A001" and c.action == "heal" and "stops mid-sentence" in c.reason for c in page.changes)


def test_a_tail_that_reads_on_from_the_cut_word_goes_back_though_it_shares_few_words(wrap):
    """A's last paragraph stops inside a word (…长青社区党), B's block follows, then A's rest,
    set without an indent, opens with the rest of that word (委书记…) but shares a word pair
    with B's text and none with A's: the dictionary's character model reads 党 / 委 as one word,
    and the rest goes back to A (A001 tail_join). Without jieba the cue is silent."""
    from cleaner.lexicon import dictionary_counts
    if not dictionary_counts():
        pytest.skip("jieba is not installed")
    a1 = "长青社区近日在小区门口设立了两台爱心冰箱，居民可以把家中多余的蔬菜水果放进冰箱，有需要的老人可以免费取用。"
    a2 = "冰箱刚放好，就有居民送来了牛奶和面包。居民们都说，这多亏了长青社区党委书记孙丽华牵的头，她还请来几位退休党员轮流值守，方便群众。"
    b1 = "本报讯 今年以来，市志愿者服务总队新招募队员三千余名，队员们每天到各个服务点巡查，登记捐赠物资，帮助困难群众。"
    b2 = "市志愿者服务总队负责人介绍，队员们今年已累计巡查服务点两万多次，登记捐赠物资十万余件，服务群众五万多人次，受到好评。"
    lines = wrap(a2)
    cut = next(i for i, x in enumerate(lines) if x.endswith("党")) + 1
    text = ("社区设立爱心冰箱\n" + "\n".join(wrap(a1) + lines[:cut]) + "\n志愿服务总队新招募队员三千名\n"
            + "\n".join(wrap(b1) + wrap(b2) + lines[cut:]) + "\n")
    a, b = cleaner.clean(text).articles
    assert [x.text for x in a.body] == [a1, a2]
    assert [x.text for x in b.body] == [b1.replace(" ", ""), b2]



def a_cut_before_b(wrap, rest: str) -> str:
    """A page of article A (its text cut after two lines of its second paragraph) and article B,
    with ``rest`` after B's text: the tail A lost, or not."""
    a2 = wrap(A2)
    return ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(a2[:2]) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n"
            + "\n".join(wrap(rest)) + "\n")

def test_an_indented_paragraph_is_no_tail_of_an_article_cut_before(wrap, kit):
    # the near miss: the paragraph after B's text opens with an indent, a paragraph's start,
    # so it is no continuation of A's cut sentence, however much it shares with A (it is not
    # joined to it; that it names A's things and none of B's makes it A's paragraph all the
    # same, moved as it stands: A001 tail_closed_open)
    # (the tail steps alone: the mending after assembly, A001 mend_adjacent, joins an open
    # paragraph with the one after it in its article, indent or not: rules/assemble.toml says why)
    rest = "各分园建设产业服务设施，首批项目已全部开工建设。"
    text = a_cut_before_b(wrap, rest)
    page = cleaner.clean(text, rules=kit.rules_with("A001", mend_adjacent=False))
    assert not any(c.rule == "A001" and "stops mid-sentence" in c.reason for c in page.changes)
    assert [x.text for a in page.articles for x in a.body if rest in x.text] == [rest]


_NARROW = "近年来，江川市把智能制造作为推动制造业转型升级的主攻方向，企业生产效率提升了四成以上。"
_LEAD = "新华社北京3月2日电 记者从市教育局获悉，今年全市新建改扩建中小学和幼儿园十四所。"
_TAIL = "而且农药用量可以减少两成以上，每亩地还能节省人工费用约三十元，农户们都说好。"
_REST = ["教育方面，全市新建改扩建中小学、幼儿园14所，新增学位1.1万个，其中9所学校将在秋季学期投入使用，缓解了城区入学压力。",
         "医疗方面，市人民医院新院区主体工程完工，12家社区卫生服务中心完成提质改造，群众就医更加便利。"]


@pytest.mark.parametrize("before, column", [
    # a two-line paragraph (no indent: the part of a paragraph after a column break), its first
    # line 21 ems, after a narrow article's text: the run's 9 ems are another article's
    (lambda wrap: wrap(_TAIL, column=20, indent=0), 20),
    # a paragraph opening with a dateline opens an article: the text before it is another's,
    # whether it shows its own column (two lines, 28 ems) or none (one line)
    (lambda wrap: wrap(_LEAD, column=30), 30),
    (lambda wrap: [_LEAD[:26]], 30),
])
def test_a_paragraph_too_short_to_show_its_column_takes_none_of_another_article(stages_until, wrap, before,
                                                                                 column):
    """A 9-em article's text, then a short paragraph, a lone heading and text set in a wider
    column: the short paragraph shows no column of its own, or one its first line bounds, and
    the column the text runs in before it is another article's. No column change is measured
    across the heading (a heading across a column change is read as no subhead)."""
    from cleaner.stages.assemble import Assembler

    lines = wrap(_NARROW, column=9) + before(wrap) + ["学位供给更充足"]
    lines += [x for t in _REST for x in wrap(t, column=column)]
    page = stages_until("\n".join(lines) + "\n", "spacing")
    a = Assembler(page)
    seq = a.groups([b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")])
    a.columns_of_runs(seq)
    t = next(k for k, u in enumerate(seq) if isinstance(u, list) and u[0].text == "学位供给更充足")
    assert seq[0].width == 9 and not seq[t - 1].width  # (the narrow article's, the short one's)
    assert a.column_changes(seq[t - 1], seq[t + 1]) is None
    # the narrow article's text right before the heading is another column
    seq2 = [seq[0], *seq[t:]]
    a.columns_of_runs(seq2)
    assert a.column_changes(seq2[0], seq2[2]) is not None


_WIDE = ("海拔四千八百米的藏北草原上，寒风裹挟着雪粒扑面而来。背着一只白色的药箱，乡村医生次仁多吉"
         "又一次踏上了入户巡诊的路，从医二十四年，他走遍了全乡每一顶帐篷。")
_TWO = ["在他的带动下，乡里的许多年轻人也开始学医，如今都在各村卫生室独当一面。",
        "今年，次仁多吉获评全国优秀乡村医生，他说只要牧民需要就会一直走下去。"]
_NEXT = "初夏时节，梅湖水面波光粼粼，成群的白鹭在湖边浅滩觅食，沿湖的村民说湖水一年比一年清了。"


def test_a_run_column_carried_from_another_article_is_held_to_what_the_paragraphs_lines_allow(stages_until, wrap):
    """A 20-em article's text, a headline set inside it, then paragraphs of two lines (a first
    line of 18 ems: a column of 18 to 21) and the next article, set 17 wide. The column of the
    run after the headline is the two-line paragraphs', not quite the 17 ems their neighbour
    shows: their first lines, 18 ems, fit no narrower column. No column change (more than 2.5
    ems) is measured across the headline."""
    from cleaner.stages.assemble import Assembler

    lines = wrap(_WIDE, column=20) + ["雪域高原上的健康守门人"]
    lines += [x for t in _TWO for x in wrap(t, column=20)] + wrap(_NEXT, column=17)
    page = stages_until("\n".join(lines) + "\n", "spacing")
    a = Assembler(page)
    seq = a.groups([b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")])
    a.columns_of_runs(seq)
    t = next(k for k, u in enumerate(seq) if isinstance(u, list))
    assert [len(u.lines) for u in seq[t + 1:]] == [2, 2, 3] and seq[-1].width == 17
    assert a.column_around(seq[t + 1], before=False) == (18, 18)
    assert a.column_changes(seq[t - 1], seq[t + 1]) is None


def test_a_run_of_two_headlines_after_two_texts_titles_both(wrap):
    """Article A's text, B's (opened by its dateline, with no headline between), then the
    headlines of A and B (title and subtitle) in one run and no text after: the first headline
    goes back to A, which closed untitled at B's dateline (a headline block drawn over both
    articles' columns, read after both texts: A003 back_close_cost); before, all three
    headings went to B."""
    a = ["近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
         "10个项目，项目涉及医药健康等7个产业领域。", A2,
         "北京市科委有关负责人表示，将持续支持中关村各分园建设高品质科技园区，推动产业集聚发展。"]
    b = ["新华社珀斯6月18日电 " + B1, B2,
         "李强表示，中方愿同澳方一道，推动中澳全面战略伙伴关系持续向前发展，工商界圆桌会意义重大。"]
    lines = [x for par in a + b for x in wrap(par)]
    lines += ["北京启动高品质科技园区建设", "李强出席中澳工商界圆桌会", "——第七届中澳工商界首席执行官圆桌会侧记"]
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text if x.title else None, x.subtitle.text if x.subtitle else None, x.body[0].text[:4])
           for x in page.articles]
    assert got == [("北京启动高品质科技园区建设", None, "近日，北"),
                   ("李强出席中澳工商界圆桌会", "——第七届中澳工商界首席执行官圆桌会侧记", "新华社珀")]
    assert any(c.rule == "A003" and c.action == "attach" and "closes" in c.reason for c in page.changes)


def test_a_heading_goes_on_a_dash_subtitle_only_under_a_broken_dash_line():
    """A dash line short enough to have been broken by the headline's measure may go on below;
    a longer one is a whole subtitle (A003 dash_line_max)."""
    from cleaner.stages.assemble.headline_pair import dash_goes_on

    params = {"dash_line_max": 13}
    assert dash_goes_on("——东江港集装箱", params)
    assert not dash_goes_on("——明确平台用工责任边界 维护劳动者合法权益", params)


@pytest.mark.parametrize("dash,under,joined", [
    ("——中关村各分园加快", "建设产业服务设施", True),  # a dash subtitle broken over two lines
    ("——中关村各分园加快建设产业服务设施", "首批项目全部开工", False),  # whole: the next is no rest of it
])
def test_a_line_under_a_dash_subtitle_joins_it_only_when_the_dash_line_was_broken(wrap, dash, under, joined):
    head = f"北京启动高品质科技园区建设\n{dash}\n{under}\n"
    page = cleaner.clean(head + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n")
    subtitles = [a.subtitle.text for a in page.articles if a.subtitle is not None]
    assert (dash + under in subtitles) == joined
    assert (dash in subtitles) != joined


# --- a dateline right after text, the story going on across it --------------------------

LOW = ("南岭市近日启动低空经济示范区建设，无人机配送、无人机巡检等应用场景在全市铺开，低空经济产业链企业已超过百家。",
       "在南岭市滨湖公园，市民用手机下单后，无人机配送的外卖十几分钟就送到了取餐柜，低空经济正在走进市民生活。",
       "据运营企业负责人介绍，南岭市已开通无人机配送航线三十多条，日均配送订单超过两千单，低空经济应用场景不断拓展。")
LOW_ON = ("据新华社南宁5月16日电南岭市低空经济产业园内，无人机整机和零部件企业集聚，低空经济产业链产值近五十亿元，"
          "无人机配送和巡检的订单持续增长。",
          "产业园负责人表示，园区将继续引进无人机研发企业，完善低空经济产业链，让无人机配送覆盖南岭市更多社区。",
          "南岭市有关部门表示，将加快建设无人机起降点，规范低空飞行管理，推动低空经济健康发展。")


def test_a_dateline_inside_a_story_that_goes_on_across_it_opens_no_article(wrap):
    """A section opening with a source's dateline (据新华社…电) whose text goes on with the
    story (A002 roundup_cohesion) stays in its article; without the cue it opened one."""
    text = "低空经济“飞”入寻常百姓家\n" + "\n".join("\n".join(wrap(s)) for s in LOW + LOW_ON) + "\n"
    page = cleaner.clean(text)
    assert [(a.title.text, len(a.body)) for a in page.articles] == [("低空经济“飞”入寻常百姓家", 6)]
    off = default_rules()
    a002 = off["A002"]
    off = RuleSet(tuple(dataclasses.replace(r, params={**a002.params, "roundup_cohesion": 0.0}) if r.id == "A002"
                        else r for r in off.rules), off.options)
    assert len(cleaner.clean(text, rules=off).articles) == 2


def test_a_dateline_after_text_on_another_subject_still_opens_an_article(wrap):
    text = ("低空经济“飞”入寻常百姓家\n" + "\n".join("\n".join(wrap(s)) for s in LOW) + "\n"
            + "\n".join(wrap("本报北京1月5日电" + B1)) + "\n" + "\n".join(wrap(B2)) + "\n"
            + "\n".join(wrap(A2)) + "\n李强出席中澳工商界圆桌会\n")
    page = cleaner.clean(text)
    assert [a.title.text if a.title else None for a in page.articles] == \
        ["低空经济“飞”入寻常百姓家", "李强出席中澳工商界圆桌会"]


A3 = "北京市科委、中关村管委会表示，下一步将加快推进各分园高品质科技园区建设，让更多项目早日落地见效。"
B3 = "李强表示，中方愿同澳方一道，推动两国工商界在经贸、能源、科技等领域深化合作，为中澳关系发展注入新动力。"


def test_an_article_cut_between_paragraphs_takes_back_its_end_read_after_the_next_article(wrap):
    """A's text closes a paragraph at the foot of its column, B's block follows, then A's last
    paragraph: no cut sentence tells it, but it names A's things (中关村, 科技园区) and none of
    B's, and it goes back to A (A001 tail_closed_margin / tail_closed_names)."""
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1) + wrap(A2)) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1) + wrap(B2) + wrap(A3)) + "\n")
    page = cleaner.clean(text)
    a, b = page.articles
    assert [x.text for x in a.body] == [A1, A2, A3]
    assert [x.text for x in b.body] == [B1, B2]
    assert any(c.rule == "A001" and c.action == "move" and "is the end of the article" in c.reason
               for c in page.changes)


def test_the_next_articles_own_last_paragraph_stays_with_it(wrap):
    # the near miss: B's last paragraph names B's things (李强, 中澳), not A's: it stays with B
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1) + wrap(A2)) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1) + wrap(B2) + wrap(B3)) + "\n")
    page = cleaner.clean(text)
    a, b = page.articles
    assert [x.text for x in a.body] == [A1, A2]
    assert [x.text for x in b.body] == [B1, B2, B3]
    assert not any(c.rule == "A001" and "is the end of the article" in c.reason for c in page.changes)


def test_an_indented_paragraph_naming_the_cut_articles_things_goes_to_it_unjoined(wrap, kit):
    """A stops mid-sentence and the paragraph after B's text opens with an indent: no
    continuation of A's cut sentence (not joined to it), but it names A's things and none of
    B's, so it is A's text, moved to A's end as a paragraph of its own (A001 tail_closed_open).
    (The tail step alone: the mending after assembly, A001 mend_adjacent, then joins the two.)"""
    rest = "北京市科委、中关村管委会将支持各分园建设产业服务设施，首批项目已全部开工建设。"
    text = a_cut_before_b(wrap, rest)
    page = cleaner.clean(text, rules=kit.rules_with("A001", mend_adjacent=False))
    a, b = page.articles
    assert [x.text for x in a.body][-1] == rest
    assert [x.text for x in b.body] == [B1, B2]
    assert not any(c.rule == "A001" and "stops mid-sentence" in c.reason for c in page.changes)


# --- a round-up's section under its subhead, opening with its own report's dateline ---------

def _a002(**params) -> RuleSet:
    rules = default_rules()
    a002 = rules["A002"]
    return RuleSet(tuple(dataclasses.replace(r, params={**a002.params, **params}) if r.id == "A002"
                         else r for r in rules.rules), rules.options)


def test_a_subhead_over_a_dated_section_of_the_same_story_stays_in_its_article(wrap):
    """An article with subheads whose later section, under its subhead, opens with the dateline
    of the report it rounds up (据新华社…电) is one article (A002 subhead_dated_stay); at the cost
    of a dateline right under a headline (dateline_stay) the subhead was read as a new title."""
    w = lambda s: "\n".join(wrap(s))  # noqa: E731
    text = ("低空经济“飞”入寻常百姓家\n" + w(LOW[0]) + "\n应用场景加快铺开\n" + w(LOW[1]) + "\n" + w(LOW[2])
            + "\n产业链条加快集聚\n" + "\n".join(w(s) for s in LOW_ON) + "\n")
    page = cleaner.clean(text)
    assert [a.title.text for a in page.articles] == ["低空经济“飞”入寻常百姓家"]
    assert [b.text for b in page.articles[0].body if b.kind == "subhead"] == ["应用场景加快铺开", "产业链条加快集聚"]
    # (the decoder before it: also without single_subhead, which would weigh the one subhead
    # left to the first part)
    # (and without subhead_echo_above, which alone keeps the subhead one)
    old = _a002(subhead_dated_stay=default_rules()["A002"].params["dateline_stay"], single_subhead=0.0)
    old = cleaner.clean(text, rules=RuleSet(tuple(dataclasses.replace(r, params={**r.params, "subhead_echo_above": 0.0})
                                                  if r.id == "A003" else r for r in old.rules), old.options))
    assert [a.title.text for a in old.articles] == ["低空经济“飞”入寻常百姓家", "产业链条加快集聚"]


def test_a_title_over_a_dated_lead_on_another_subject_still_opens_an_article(wrap):
    text = ("低空经济“飞”入寻常百姓家\n" + "\n".join("\n".join(wrap(s)) for s in LOW) + "\n李强出席中澳工商界圆桌会\n"
            + "\n".join(wrap("本报北京1月5日电" + B1)) + "\n" + "\n".join(wrap(B2)) + "\n")
    page = cleaner.clean(text)
    assert [a.title.text if a.title else None for a in page.articles] == \
        ["低空经济“飞”入寻常百姓家", "李强出席中澳工商界圆桌会"]


def test_an_article_closing_with_one_subhead_costs_single_subhead(wrap):
    """Subheads part an article into sections, two at least: an article that has its title
    and closes with exactly one subhead read costs A002 single_subhead, and a lone heading
    over text on another subject opens the next article rather than be that one subhead. At
    0 the decoder is as without the cue: here the heading reads as the article's subhead."""
    w = lambda s: "\n".join(wrap(s))  # noqa: E731
    text = ("低空经济“飞”入寻常百姓家\n" + "\n".join(w(s) for s in LOW) + "\n合作再上新台阶\n" + w(B1) + "\n"
            + w(B2) + "\n")
    read = lambda v: [(a.title.text if a.title else None, [b.text for b in a.body if b.kind == "subhead"])  # noqa: E731
                      for a in cleaner.clean(text, rules=_a002(single_subhead=v)).articles]
    assert read(0.0) == [("低空经济“飞”入寻常百姓家", ["合作再上新台阶"])]
    assert read(5.0) == [("低空经济“飞”入寻常百姓家", []), ("合作再上新台阶", [])]


def test_an_article_with_two_subheads_pays_no_single_subhead(wrap):
    """The cost is for exactly one subhead: an article whose subheads are a pair keeps them
    however high single_subhead is."""
    w = lambda s: "\n".join(wrap(s))  # noqa: E731
    text = ("低空经济“飞”入寻常百姓家\n" + w(LOW[0]) + "\n应用场景加快铺开\n" + w(LOW[1]) + "\n" + w(LOW[2])
            + "\n产业链条加快集聚\n" + "\n".join(w(s) for s in LOW_ON) + "\n")
    page = cleaner.clean(text, rules=_a002(single_subhead=5.0))
    assert [a.title.text for a in page.articles] == ["低空经济“飞”入寻常百姓家"]
    assert [b.text for b in page.articles[0].body if b.kind == "subhead"] == ["应用场景加快铺开", "产业链条加快集聚"]


# --- a jumped tail weighed as a whole (A001 tail_closed_weights, issue #14) -------------------

A4 = "中关村管委会有关负责人说，科技园区建设将坚持高标准规划，北京市科委将持续跟踪各分园项目进展。"


def _a001(reunite: bool = True, **params) -> RuleSet:
    rules = default_rules()
    a001 = rules["A001"]
    return RuleSet(tuple(dataclasses.replace(r, params={**a001.params, **params}) if r.id == "A001"
                         else dataclasses.replace(r, params={**r.params, "threshold": 0.999})
                         if r.id == "A009" and not reunite else r for r in rules.rules), rules.options)


def test_a_jumped_tail_in_the_first_half_of_the_next_article_goes_back(wrap):
    """A's last two paragraphs read right after B's lead, so most of B's draft is A's: the tail
    starts in B's first half, where the share of words alone (the rule before its cues were
    weighed together) never looked; its words, names and column are A's, and it goes back."""
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1) + wrap(A2)) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1) + wrap(A3) + wrap(A4)) + "\n")
    page = cleaner.clean(text)
    a, b = page.articles
    assert [x.text for x in a.body] == [A1, A2, A3, A4]
    assert [x.text for x in b.body] == [B1]
    assert any(c.rule == "A001" and c.action == "move" and "log-odds" in c.reason for c in page.changes)
    old = cleaner.clean(text, rules=_a001(tail_closed_weights={}))
    assert [x.text for x in old.articles[0].body] == [A1, A2]


def test_a_jumped_tail_two_articles_on_goes_back(wrap):
    """A's last paragraph read at the end of the article after next (A001 tail_closed_reach).
    (A009's reuniting held off: on a page of three short articles the tail makes A and C look
    like the two parts of one.)"""
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1) + wrap(A2)) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1) + wrap(B2)) + "\n"
            "一批重大工程有序推进\n" + "\n".join(wrap(C1) + wrap(C2) + wrap(C3) + wrap(A3)) + "\n")
    page = cleaner.clean(text, rules=_a001(reunite=False))
    assert [[x.text for x in a.body] for a in page.articles] == [[A1, A2, A3], [B1, B2], [C1, C2, C3]]
    near = cleaner.clean(text, rules=_a001(reunite=False, tail_closed_reach=1))
    assert [x.text for x in near.articles[2].body] == [C1, C2, C3, A3]


def test_the_next_articles_own_text_after_its_lead_stays_with_it(wrap):
    # the near miss: B's text after its lead names B's things (李强, 中澳): it stays with B
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1) + wrap(A2)) + "\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1) + wrap(B2) + wrap(B3)) + "\n")
    page = cleaner.clean(text)
    assert [[x.text for x in a.body] for a in page.articles] == [[A1, A2], [B1, B2, B3]]


def test_the_closed_tail_fit_is_deterministic():
    # benchmarks/fit_closed_tails.py on a tiny hand-made set of tails (issue #14: the shipped
    # tail_closed_weights are the script's output): the same rows give the same weights, every
    # cue gets one, and a cue that tells right tails from wrong ones gets a positive weight
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import fit_closed_tails

    def row(k, gain, ours, column, ok):
        cues = dict.fromkeys(fit_closed_tails.CUES, 0.0)
        cues.update(gain=gain, ours=ours, column=column, position=0.25 * (k % 4), second=float(k % 3 == 0))
        return (("p.txt", k, 1), tuple(cues[c] for c in fit_closed_tails.CUES), ok)

    rows = [row(k, 0.02 * (k % 5), 0.3 * (k % 2), float(k % 4 != 1), False) for k in range(40)]
    rows += [row(40 + k, 0.2 + 0.03 * k, 1.1, float(k != 2), True) for k in range(6)]
    first = fit_closed_tails.fit(rows, 1.0)
    assert fit_closed_tails.fit(list(rows), 1.0) == first
    assert list(first) == ["bias", *fit_closed_tails.CUES]
    assert first["gain"] > 0 and first["ours"] > 0
    assert first["against"] == 0.0  # (a cue that never varies gets no weight)


# A003: bylines (issue #15) and kickers.

def test_a_byline_under_the_last_text_is_its_article_s_though_its_dateline_credits_a_reporter(wrap):
    # B, then A, whose dateline names its reporter, and a byline under A's text with nothing
    # after it: an article credits its reporter once as a rule, but a byline there can be no
    # other article's (A003 byline_close_cost; at 0 it went to dropped)
    text = ("李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n"
            "北京启动高品质科技园区建设\n" + "\n".join(wrap("本报北京1月5日电（记者张三）" + A1)) + "\n"
            + "\n".join(wrap(A2)) + "\n◎本报记者 蔡宁\n")
    page = cleaner.clean(text)
    assert [(a.title.text, a.byline.text if a.byline else None) for a in page.articles] == [
        ("李强出席中澳工商界圆桌会", None), ("北京启动高品质科技园区建设", "本报记者 蔡宁")]
    assert not page.dropped


def test_a_plain_headline_broken_over_two_lines_over_a_bold_one_is_its_kicker(wrap):
    # a kicker broken over two plain lines (joined as one headline: the column is narrower than
    # the two together), then the bold title (drawn twice): the joined kicker is no title, and
    # the title is no subtitle
    title = "全县98万亩小麦机收过半"
    text = ("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1, 9)) + "\n" + "\n".join(wrap(A2, 9)) + "\n"
            "抢抓晴好天气\n确保颗粒归仓\n" + title + title + "\n"
            + "\n".join(wrap("眼下正值夏收关键期，全县98万亩小麦已机收过半，田间地头一派繁忙景象，各地组织农机手抢抓晴好天气抢收小麦。", 9))
            + "\n" + "\n".join(wrap("县农业农村局组织技术人员深入田间地头，指导农户适时收获，并协调农机部门做好机具调度和维修、食宿等服务。", 9))
            + "\n")
    page = cleaner.clean(text)
    got = [(a.kicker.text if a.kicker else None, a.title.text, a.subtitle.text if a.subtitle else None)
           for a in page.articles]
    assert got == [(None, "北京启动高品质科技园区建设", None), ("抢抓晴好天气 确保颗粒归仓", title, None)]


def test_a_byline_between_two_headlines_goes_with_the_one_above_it(wrap):
    # A's text, its headline after it, a byline, B's headline over B's text: the byline touches
    # both headlines; a byline is set under its own title more often than over it (A003
    # byline_under_title breaks the tie; at 0 it went to B)
    text = ("\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2)) + "\n北京启动高品质科技园区建设\n◎本报记者 蔡宁\n"
            "李强出席中澳工商界圆桌会\n" + "\n".join(wrap(B1)) + "\n" + "\n".join(wrap(B2)) + "\n")
    page = cleaner.clean(text)
    assert [(a.title.text, a.byline.text if a.byline else None) for a in page.articles] == [
        ("北京启动高品质科技园区建设", "本报记者 蔡宁"), ("李强出席中澳工商界圆桌会", None)]


def test_a_dateline_whose_blank_the_spacing_stage_removed_is_still_the_article_s(wrap):
    # 中新网9月15日电 站在…: the blank goes (spacing), and 电站在 no longer reads as the dateline's
    # end (电站 is a word); the form read at labelling is the article's dateline all the same
    lead = "中新网9月15日电 站在南山公园的观景台上向下望，昔日连绵的煤矸石山已经披上了绿装，山脚下是新建的湿地公园和成片的厂房。"
    text = "煤城转身\n" + "\n".join(wrap(lead)) + "\n" + "\n".join(wrap(A2)) + "\n"
    page = cleaner.clean(text)
    assert [a.dateline for a in page.articles] == ["中新网9月15日电"]


# --- a byline between one article's text and the next one's headline (issue #15) ----------

def _byline_over_the_next_headline(wrap, dateline_b: str, weight: float) -> cleaner.model.Page:
    """A's title and text, a byline, B's title over its text (opening with ``dateline_b``),
    cleaned with A003 byline_with_dateline at ``weight`` (shipped off: see rules/assemble.toml)."""
    from cleaner.rules import load_rules
    from cleaner.train import Weight, with_weight

    rules = with_weight(load_rules(), Weight("A003", "byline_with_dateline"), weight)
    return cleaner.clean("北京启动高品质科技园区建设\n" + "\n".join(wrap(A1)) + "\n" + "\n".join(wrap(A2))
                         + "\n◎本报记者 蔡宁\n李强出席中澳工商界圆桌会\n" + "\n".join(wrap(dateline_b + B1))
                         + "\n" + "\n".join(wrap(B2)) + "\n", rules=rules)


@pytest.mark.parametrize("dateline", ["新华社珀斯6月17日电 ", "本报讯 "])
def test_a_byline_over_a_dated_headline_closes_the_text_before_it(wrap, dateline):
    # a dated article prints a byline less often than an undated one (A003 byline_with_dateline)
    page = _byline_over_the_next_headline(wrap, dateline, 1.5)
    assert bylines(page) == [("北京启动高品质科技园区建设", "本报记者 蔡宁"), ("李强出席中澳工商界圆桌会", None)]
    off = _byline_over_the_next_headline(wrap, dateline, 0.0)
    assert bylines(off) == [("北京启动高品质科技园区建设", None), ("李强出席中澳工商界圆桌会", "本报记者 蔡宁")]


def test_a_byline_over_an_undated_headline_heads_its_article(wrap):
    page = _byline_over_the_next_headline(wrap, "", 1.5)
    assert bylines(page) == [("北京启动高品质科技园区建设", None), ("李强出席中澳工商界圆桌会", "本报记者 蔡宁")]
