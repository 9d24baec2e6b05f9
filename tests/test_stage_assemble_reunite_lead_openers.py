"""A009: a later part that opens as a news report's lead (记者从…获悉, 近日，) is no part of the
article before it, however many names the two share: a report says where its news comes from in
its first sentence, and a later column or section of a story never opens so."""

from __future__ import annotations

import cleaner

# (the page of tests/test_reunite.py: a story's first part, another article, the rest under its
# headline, a third article)
A1 = ["中新网4月1日电坐在家里动动手指，就能给几百亩庄稼浇水施肥；无人机在空中盘旋，十几分钟就完成了一块田的植保作业。"
      "在丰源县数字农业示范区，智慧农业让种地变得越来越轻松。",
      "在示范区的一块水稻田边，竖立着一根根监测杆，上面装有土壤墒情传感器。种粮大户彭立新打开手机给记者演示，"
      "哪块地缺水了，丰源县的系统会自动提醒。"]
B = ["新华社江川3月2日电走进江川市经济开发区一家汽车零部件企业的生产车间，机械臂上下翻飞，AGV小车往来穿梭。"
     "近年来，江川市把智能制造作为推动制造业转型升级的主攻方向。",
     "企业生产部经理蒋文斌指着一排焊接机器人说，自从引入智能焊接系统，产品一次合格率从96%提高到99.5%，"
     "江川市的企业生产效率提升了40%以上。"]
A2 = ["每到病虫害防治季节，丰源县示范区里的植保无人机就忙碌起来。一架植保无人机一天能作业600亩左右，而且农药用量可以减少20%以上。",
      "戴文静表示，丰源县将继续扩大数字农业应用范围，加快培育新型职业农民，力争到2025年全县主要农作物生产数字化覆盖率"
      "达到60%以上，让示范区种粮大户彭立新们种地更轻松。"]
# the same place on the page, another story: nothing but the column ties it to the first part
OTHER = ["每到周末，城东新建的篮球公园里总是人头攒动。公园设有标准球场6片，夜间灯光开放到晚上十点，附近居民步行几分钟就能到。",
         "市体育局有关负责人介绍，今年全市还将新建社区健身场地40处，让群众在家门口就能享受运动的快乐。"]
C = ["一日三餐是每个人生活中最平常的事，但吃得是否科学合理，直接关系到身体健康。安和医院临床营养科主任医师董慧敏表示，"
     "不吃早餐、晚餐过量等现象常常出现。",
     "董慧敏建议，上班族点外卖时不妨多看看配料和做法，尽量选择少油少盐的菜品，荤素搭配，主食中适当增加粗杂粮。"]


def page_text(wrap, rest: list[str], title: str) -> str:
    """The first part of a story (its lead, a subhead, a paragraph), another article with its
    headline after it, then ``rest`` under ``title`` (drawn after it, with a byline), then a
    third article: the order an extractor reads an article continued in another column."""
    lines = wrap(A1[0], column=20) + ["手机成了“新农具”"] + wrap(A1[1], column=20)
    for t in B:
        lines += wrap(t, column=32)
    lines += ["智能制造“加速跑”"]
    for t in rest:
        lines += wrap(t, column=20)
    lines += [title, "◎本报记者 冯文"]
    for t in C:
        lines += wrap(t, column=20)
    lines += ["合理膳食从一日三餐做起"]
    return "\n".join(lines) + "\n"


def shape(page) -> list:
    return [(a.title.text if a.title else None, [b.text[:8] for b in a.body if b.kind == "paragraph"])
            for a in page.articles]


def without_resume(tmp_path, extra: str = ""):
    """Rules with the decoder's suspend/resume off (A002 ``suspend_cost`` -1): the decoder
    then reads the two parts as two articles, and A009 alone is tested."""
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A002"\nparams = { suspend_cost = -1.0 }\n' + extra, encoding="utf-8")
    return cleaner.load_rules(str(tmp_path))


#: the later part's first paragraph, opening as a report's lead does (the rest of it as A2's)
LED = ["记者从丰源县农业农村局获悉，" + A2[0], A2[1]]


def _rules(tmp_path, openers: str):
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A002"\n'
        f'params = {{ suspend_cost = -1.0, lead_openers = {openers} }}\n', encoding="utf-8")
    return cleaner.load_rules(str(tmp_path))


def test_a_part_opening_as_a_lead_is_not_joined_to_the_headless_part(wrap, tmp_path):
    page = cleaner.clean(page_text(wrap, LED, "智慧农业让种地更轻松"), rules=without_resume(tmp_path))
    assert shape(page)[0] == (None, ["中新网4月1日电", "在示范区的一块水"])
    assert not [c for c in page.changes if c.rule == "A009"]


def test_without_openers_the_same_parts_are_joined(wrap, tmp_path):
    # (the near miss: the pair is one the rule joins but for its opening)
    page = cleaner.clean(page_text(wrap, LED, "智慧农业让种地更轻松"), rules=_rules(tmp_path, "[]"))
    assert shape(page)[0][1] == ["中新网4月1日电", "在示范区的一块水", "记者从丰源县农业", "戴文静表示，丰源"]


def test_a_part_opening_mid_story_is_still_joined(wrap, tmp_path):
    # a date or a year opening a paragraph is no lead's mark: later paragraphs open so too
    later = ["今年以来，" + A2[0], A2[1]]
    page = cleaner.clean(page_text(wrap, later, "智慧农业让种地更轻松"), rules=without_resume(tmp_path))
    assert shape(page)[0][1][:3] == ["中新网4月1日电", "在示范区的一块水", "今年以来，每到病"]
