"""The trade's printed forms a synthetic page is dressed in: datelines, bylines, caption
credits, page credits and furniture, drawn at random from the forms real papers use.

Each generator returns ``(raw, gold)``: what the page prints (with the blanks and ornaments
papers and extractors put in) and what page JSON v1 keeps (gold conventions: a dateline
without blanks, a byline without its ornament but with its blanks).
"""

from __future__ import annotations

import random

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


def _date(rng: random.Random, spaced: bool) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.12:
        return f"{cn_number(month)}月{cn_number(day)}日"
    if spaced:
        return f" {month} 月 {day} 日"
    return f"{month}月{day}日"


def _staff(rng: random.Random, k: int) -> list[str]:
    out = []
    for i in range(k):
        role = "记者" if i == 0 else rng.choice(STAFF)
        out.append((role, name(rng)))
    return out


def _bracket(rng: random.Random, staff, sep: str) -> str:
    """（记者X 通讯员Y） / （记者X、Y）."""
    if len(staff) > 1 and rng.random() < 0.4 and all(r == "记者" for r, _ in staff):
        inner = "记者" + "、".join(n for _, n in staff)
    else:
        inner = sep.join(r + n for r, n in staff)
    if rng.random() < 0.1:
        return f"({inner})"
    return f"（{inner}）"


def dateline(rng: random.Random) -> tuple[str, str, bool]:
    """A dateline ``(raw, gold, names_reporter)``; ``names_reporter`` is False for the
    agency forms without one (then an article may still carry a byline)."""
    spaced = rng.random() < 0.15
    staff = _staff(rng, rng.choice((1, 1, 1, 2, 2, 3)))
    sep = rng.choice((" ", " ", "　", ""))
    place = rng.choice(PLACES)
    form = rng.random()
    reporter = True
    if form < 0.28:
        paper = rng.choice(("本报", "本报", rng.choice(PAPERS)))
        raw = f"{paper}讯{rng.choice(('', ' ', ''))}{_bracket(rng, staff, sep)}"
    elif form < 0.50:
        paper = rng.choice(("本报", "本报", rng.choice(PAPERS)))
        raw = f"{paper}{place}{_date(rng, spaced)}电{_bracket(rng, staff, sep)}"
    elif form < 0.66:
        agency = rng.choice(AGENCIES[:2])
        raw = f"{agency}{place}{_date(rng, spaced)}电{_bracket(rng, staff, sep)}"
    elif form < 0.76:
        agency = rng.choice(AGENCIES[:2])
        raw = f"{agency}{place}{_date(rng, spaced)}电"
        reporter = False
    elif form < 0.82:
        raw = f"据新华社{place}{_date(rng, spaced)}电"
        reporter = False
    elif form < 0.87:
        raw = f"【新华社{place}{_date(rng, spaced)}电】"
        reporter = False
    elif form < 0.94:
        who = "、".join(n for _, n in staff)
        raw = f"本报讯 记者{who}报道："
    else:
        paper = rng.choice(PAPERS[1:])
        raw = f"{paper}讯{_bracket(rng, staff, sep)}"
    gold = "".join(raw.split()).replace("\u3000", "").replace("(", "（").replace(")", "）")
    return raw, gold, reporter


def byline(rng: random.Random, hint: str | None = None) -> tuple[str, str]:
    """A byline ``(raw, gold)``: the ornament (if any) is print only."""
    if hint and rng.random() < 0.6 and hint != "本报记者":
        gold = hint if "评论员" in hint and rng.random() < 0.7 else f"{hint} {name(rng)}"
    else:
        form = rng.random()
        names = [name(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
        if form < 0.55:
            gold = "本报记者 " + " ".join(names[:2])
            if len(names) > 2:
                gold += f" 通讯员 {names[2]}"
        elif form < 0.7:
            gold = f"本报记者 {names[0]} 通讯员 {' '.join(names[1:] or [name(rng)])}"
        elif form < 0.8:
            gold = f"文/图 本报记者 {names[0]}"
        elif form < 0.9:
            gold = f"{rng.choice(('新华社记者', '特约记者', '本报特派记者', '记者'))} {' '.join(names)}"
        else:
            gold = " ".join(names)
    orn = rng.random()
    if orn < 0.55:
        raw = rng.choice(ORNAMENTS) + ("" if rng.random() < 0.7 else " ") + gold
    else:
        raw = gold
    return raw, gold


def caption_credit(rng: random.Random) -> str:
    """What follows a caption's full stop: who took the picture."""
    n = name(rng)
    return rng.choice((f"本报记者 {n}摄", f"新华社记者 {n}摄", f"{n}摄", f"本报记者{n}摄", f"{n} 摄",
                       "（资料图片）", f"{n}摄（传真照片）", "视觉中国供图", f"通讯员 {n}摄", "受访者供图"))


def page_credit(rng: random.Random) -> str:
    return rng.choice(("本版图片由视觉中国提供", "本版图片除署名外均由受访者提供", "本版图片均为资料图片",
                       "图片来源：新华社", "本版图片由新华社提供", "本版摄影：" + name(rng),
                       "制图：" + name(rng), "本版图片均由受访单位提供"))


def furniture(rng: random.Random, n: int) -> list[str]:
    """``n`` lines of page furniture: date, section and page, editors, phone, mail."""
    year, month, day = rng.randint(2000, 2025), rng.randint(1, 12), rng.randint(1, 28)
    section = rng.choice(SECTIONS)
    page = rng.randint(1, 24)
    forms = [
        f"{year}年{month}月{day}日 星期{rng.choice(WEEKDAYS)}",
        f"{year}年{month}月{day}日　星期{rng.choice(WEEKDAYS)}",
        f"第{page}版 {section}",
        f"{page:02d} {section}",
        f"{section} {page}",
        f"责任编辑 {name(rng)}",
        f"责任编辑：{name(rng)}",
        f"本版编辑：{name(rng)} 美编：{name(rng)}",
        f"责编：{name(rng)} 版式：{name(rng)} 校对：{name(rng)}",
        f"电话：010-{rng.randint(50000000, 89999999)}",
        f"E-mail:{rng.choice(('news', 'kjrb', 'bjb', 'edit'))}@{rng.choice(('stdaily', 'ce', 'people', 'gmw'))}.com",
        f"本版责编 {name(rng)} 美编 {name(rng)}",
    ]
    return rng.sample(forms, min(n, len(forms)))
