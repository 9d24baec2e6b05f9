"""Stage assemble, A003's bylines (issue #15), on small hand-made pages."""

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
