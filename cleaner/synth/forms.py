"""The trade's printed forms a synthetic page is dressed in: datelines, bylines, caption
credits, page credits and furniture, drawn from the conventions catalogue
(``rules/conventions/*.toml``, :mod:`cleaner.conventions`).

A form's template is filled in here (places, dates, reporters' names, page numbers…) and
returns ``(raw, gold)``: what the page prints (with the blanks and ornaments papers and
extractors put in) and what page JSON v1 keeps (gold conventions: a dateline without blanks and
with full-width brackets, a byline without its ornament but with its blanks). The synthesiser
may be given part of the catalogue (some papers held out), so that test pages show forms the
fitted weights never saw.
"""

from __future__ import annotations

import random
import re

from ..conventions import Catalogue, Form, default_expect, load_conventions

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉力斌宇浩凯健俊帆鹏晨阳瑞博琳雪倩婷颖晓玲海波志宏红梅兵东飞亮光林成思远嘉欣佳怡子涵雨萱梓轩浩然一鸣晓波慧友凌志倩兰娜"
PLACES = ("北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "长沙",
          "郑州", "济南", "合肥", "福州", "南昌", "昆明", "贵阳", "南宁", "海口", "三亚", "拉萨", "乌鲁木齐",
          "兰州", "银川", "西宁", "呼和浩特", "哈尔滨", "长春", "沈阳", "石家庄", "太原", "厦门", "青岛",
          "大连", "宁波", "苏州", "无锡", "烟台", "香港", "澳门", "东京", "华盛顿", "巴黎", "柏林", "莫斯科",
          "布鲁塞尔", "日内瓦", "开罗", "约翰内斯堡", "新德里", "曼谷", "雅加达")
PAPERS = ("本报", "科技日报", "经济日报", "光明日报", "工人日报", "中国青年报", "法治日报", "农民日报",
          "中国环境报", "健康报", "中国教育报", "中国体育报", "南方日报", "新华日报", "浙江日报", "大众日报",
          "湖北日报", "四川日报", "北京日报", "解放日报", "烟台日报", "齐鲁晚报", "扬子晚报", "羊城晚报")
AGENCIES = ("新华社", "中新社", "中央社")
STAFF = ("记者", "记者", "记者", "通讯员", "实习生", "见习记者", "特约记者", "特派记者", "全媒体记者")
ORNAMENTS = "◎◎◎□■●○▲★◇"
CN_DIGITS = "〇一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"
SECTIONS = ("要闻", "综合", "国内", "国际", "经济", "园区", "科技", "文化", "体育", "地方", "社会", "民生",
            "理论", "评论", "视点", "专题", "教育", "健康", "生态", "三农", "法治", "城事")


def name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def cn_number(n: int) -> str:
    """十四, 二十一, 三十 (day and month numbers as papers spell them)."""
    if n <= 10:
        return CN_DIGITS[n] if n < 10 else "十"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


PLACES_TW = ("台北", "台中", "高雄", "台南", "新竹", "桃园", "基隆", "花莲", "香港", "澳门", "新加坡", "吉隆坡",
             "东京", "首尔", "华盛顿", "纽约", "洛杉矶", "伦敦", "巴黎", "柏林", "北京", "上海")
COLUMNS = ("高质量发展调研行", "新春走基层", "一线调研", "记者观察", "今日关注", "奋进新征程", "学思想 强党性",
           "经济新方位", "身边的感动", "走进乡村看振兴", "科技前沿", "民生直通车", "法治时评", "国际观察",
           "聚焦两会", "城市更新进行时", "大国工匠", "数字经济观察")
LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
LUNAR_DAYS = ("初一", "初五", "初八", "初十", "十二", "十五", "十八", "廿一", "廿三", "廿六", "廿九", "三十")
#: print-only fill-ins: what gold leaves out
PRINT_ONLY = ("gap", "orn")


def _date(rng: random.Random, spaced: bool) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if spaced:
        return f" {month} 月 {day} 日"
    return f"{month}月{day}日"


def _staff(rng: random.Random, sep: str) -> str:
    """记者X / 记者X 通讯员Y / 记者X、Y / 记者X 实习生Y 通讯员Z (what a dateline's bracket names)."""
    k = rng.choice((1, 1, 1, 2, 2, 3))
    if k > 1 and rng.random() < 0.35:
        return "记者" + "、".join(name(rng) for _ in range(k))
    out = ["记者" + name(rng)]
    for _ in range(k - 1):
        out.append(rng.choice(STAFF) + name(rng))
    return sep.join(out)


def fill(template: str, rng: random.Random, traditional: bool = False,
         spaced: bool = False) -> tuple[str, dict]:
    """``template`` with every slot drawn; returns the text and the values drawn."""
    year, month, mday = rng.randint(1995, 2026), rng.randint(1, 12), rng.randint(1, 28)
    values: dict[str, str] = {}

    def draw(slot: str) -> str:
        if slot in values:
            return values[slot]
        if slot == "place":
            v = rng.choice(PLACES_TW if traditional else PLACES)
        elif slot == "date":
            v = f"{cn_number(month)}月{cn_number(mday)}日" if rng.random() < 0.12 else _date(rng, spaced)
        elif slot == "day":
            v = f" {mday} 日" if spaced else f"{mday}日"
        elif slot == "cndate":
            v = f"{cn_number(month)}月{cn_number(mday)}日"
        elif slot == "cnday":
            v = f"{cn_number(mday)}日"
        elif slot in ("reporter", "name", "name2", "name3"):
            v = name(rng)
        elif slot == "names":
            v = "、".join(name(rng) for _ in range(rng.choice((1, 1, 2, 2, 3))))
        elif slot == "staff":
            v = _staff(rng, rng.choice((" ", " ", "\u3000", "")))
        elif slot == "section":
            v = rng.choice(SECTIONS)
        elif slot == "column":
            v = rng.choice(COLUMNS)
        elif slot == "page":
            v = str(rng.randint(1, 24))
        elif slot == "page2":
            v = f"{rng.randint(1, 24):02d}"
        elif slot == "pageA":
            v = rng.choice("ABCD") + rng.choice((f"{rng.randint(1, 24):02d}", str(rng.randint(1, 24))))
        elif slot == "year":
            v = str(year)
        elif slot == "month":
            v = str(month)
        elif slot == "mday":
            v = str(mday)
        elif slot == "weekday":
            v = rng.choice(WEEKDAYS)
        elif slot == "lunar":
            v = rng.choice(("甲辰", "乙巳", "癸卯", "壬寅", "辛丑")) + "年" + rng.choice(LUNAR_MONTHS) + "月" + rng.choice(LUNAR_DAYS)
        elif slot == "phone":
            v = rng.choice(("010", "021", "020", "0535", "0531", "025")) + "-" + str(rng.randint(50000000, 89999999))
        elif slot == "email":
            v = rng.choice(("news", "kjrb", "bjb", "edit", "tougao")) + "@" + rng.choice(("stdaily", "ce", "people", "gmw", "qlwb")) + ".com"
        elif slot == "web":
            v = "www." + rng.choice(("people", "stdaily", "gmw", "ce", "dzwww", "ycwb")) + rng.choice((".com.cn", ".cn", ".com"))
        elif slot == "gap":
            v = rng.choice(("", "", "", " ", "  ", "\u3000"))
        elif slot == "orn":
            v = rng.choice(ORNAMENTS) + ("" if rng.random() < 0.7 else " ") if rng.random() < 0.55 else ""
        else:  # the catalogue validates its slots; a new slot must be drawn here
            raise KeyError(slot)
        values[slot] = v
        return v

    text = re.sub(r"\{(\w+)\}", lambda m: draw(m.group(1)), template)
    return text, values


def render(form: Form, rng: random.Random, spaced: bool = False) -> tuple[str, str]:
    """``(raw, gold)`` of one form, its template filled in."""
    raw, values = fill(form.template, rng, form.script == "traditional", spaced)
    printed_only = {k: "" for k in PRINT_ONLY}
    gold = re.sub(r"\{(\w+)\}", lambda m: printed_only.get(m.group(1), values.get(m.group(1), "")),
                  form.template)
    return raw, default_expect(form.kind, gold)


_CATALOGUE: Catalogue | None = None


def catalogue() -> Catalogue:
    """The shipped catalogue (loaded once)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        _CATALOGUE = load_conventions()
    return _CATALOGUE


def choose(cat: Catalogue, kind: str, rng: random.Random, traditional: bool = False) -> Form:
    """A form of ``kind`` with a template: a paper drawn first (each paper as likely as any
    other), then one of its forms; on a Traditional page, a Traditional paper's if there is one."""
    forms = [f for f in cat.of_kind(kind) if f.template]
    if not forms:
        forms = [f for f in catalogue().of_kind(kind) if f.template]
    scripted = [f for f in forms if (f.script == "traditional") == traditional]
    forms = scripted or forms
    paper = rng.choice(sorted({f.paper for f in forms}))
    return rng.choice([f for f in forms if f.paper == paper])


def dateline(rng: random.Random, cat: Catalogue | None = None, traditional: bool = False) -> tuple[str, str, bool]:
    """A dateline ``(raw, gold, names_reporter)``; ``names_reporter`` is False for the
    agency forms without one (then an article may still carry a byline)."""
    form = choose(cat or catalogue(), "dateline", rng, traditional)
    raw, gold = render(form, rng, spaced=rng.random() < 0.15)
    reporter = any(f"{{{s}}}" in form.template for s in ("staff", "reporter", "names"))
    return raw, gold, reporter


def byline(rng: random.Random, hint: str | None = None, cat: Catalogue | None = None,
           traditional: bool = False) -> tuple[str, str]:
    """A byline ``(raw, gold)``: the ornament (if any) is print only. A story's hint (本报评论员,
    特约评论员) is its byline most of the time."""
    if hint and rng.random() < 0.6 and hint != "本报记者":
        gold = hint if "评论员" in hint and rng.random() < 0.7 else f"{hint} {name(rng)}"
        raw = (rng.choice(ORNAMENTS) + ("" if rng.random() < 0.7 else " ") if rng.random() < 0.55 else "") + gold
        return raw, gold
    return render(choose(cat or catalogue(), "byline", rng, traditional), rng)


def caption_credit(rng: random.Random, cat: Catalogue | None = None, traditional: bool = False) -> str:
    """What follows a caption's full stop: who took the picture."""
    return render(choose(cat or catalogue(), "caption_credit", rng, traditional), rng)[1]


def column_tag(rng: random.Random, cat: Catalogue | None = None, traditional: bool = False) -> str:
    """A column or series tag set over a title (【冰点】): the article's kicker."""
    return render(choose(cat or catalogue(), "kicker", rng, traditional), rng)[1]


def page_credit(rng: random.Random, cat: Catalogue | None = None, traditional: bool = False) -> str:
    return render(choose(cat or catalogue(), "page_credit", rng, traditional), rng)[1]


def furniture(rng: random.Random, n: int, cat: Catalogue | None = None, traditional: bool = False) -> list[str]:
    """``n`` lines of page furniture (dates, section and page, editors, contacts, jump lines),
    each of a different form."""
    out, used = [], set()
    for _ in range(n * 3):
        if len(out) >= n:
            break
        kind = "jump" if rng.random() < 0.15 else "furniture"
        form = choose(cat or catalogue(), kind, rng, traditional)
        if form.id in used:
            continue
        used.add(form.id)
        out.append(render(form, rng)[1])
    return out
