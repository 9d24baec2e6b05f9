"""A003: on a page already clean (one paragraph a line), two plain headings one over the other
are a title and its subtitle, never one headline broken over two lines: a clean page sets each
heading on one line (attach, ``layout.columned`` false)."""

from __future__ import annotations

from cleaner import clean
from cleaner.stages.assemble import headline_pair

BODY = ("深秋时节，秋意正浓，很多人选择错峰出游，带动文旅市场持续火热。眼下，新疆塔里木胡杨林公园的胡杨"
        "进入最佳观赏期，金黄的胡杨林与蓝天、沙漠相映成趣，吸引了大批游客前来观光。")
MORE = ("这两天，四川阿坝黄龙景区迎来降雪，五彩池与白雪覆盖的林海相映成趣，构成一幅壮阔的水墨画卷，"
        "景区为游客提供了观光车、休息区等服务，日均接待游客超过一万人次，各地文旅部门也推出了多条赏秋线路。")
CLEAN = f"赏秋正当时\n各地文旅市场火热\n记者刘浩静报道\n{BODY}\n{MORE}\n{BODY}\n{MORE}\n"


def test_a_title_and_its_plain_subtitle_stay_two_on_a_clean_page():
    page = clean(CLEAN)
    assert not page.layout.columned  # (most lines are whole paragraphs)
    (art,) = page.articles
    assert art.title.text == "赏秋正当时"
    assert art.subtitle is not None and art.subtitle.text == "各地文旅市场火热"


def test_the_pair_would_read_as_one_headline_on_a_page_in_columns():
    """What the test above guards against: the pair's own cues read it as one headline broken
    over two lines (a short upper piece, the lower line going on), so only the page tells."""
    joined, _ = headline_pair.one_headline("赏秋正当时", "各地文旅市场火热", clean(CLEAN).rules["A003"].params)
    assert joined
