"""Stage assemble, A003: bylines (issue #15) and kickers, on small hand-made pages."""

from __future__ import annotations

import cleaner

A1 = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
      "10个项目，项目涉及医药健康等7个产业领域。")
A2 = "围绕中关村示范区各分园的主导产业和定位，北京市科委、中关村管委会支持各分园建设产业服务设施，首批项目已全部开工建设。"
B1 = "当地时间18日上午，国务院总理李强在珀斯同澳大利亚总理阿尔巴尼斯共同出席第七届中澳工商界首席执行官圆桌会并致辞。"
B2 = ("在听取两国工商界代表发言后，李强表示，回顾中澳建交以来走过的历程，双方只要尊重彼此国情制度和核心利益，"
      "就能不断筑牢相互信任的基石。")


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
