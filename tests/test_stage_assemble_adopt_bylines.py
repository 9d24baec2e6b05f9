"""A byline the decoder left over goes to the article set next to it that has none (A003
adopt_bylines)."""

from __future__ import annotations

import cleaner
from cleaner.rules import load_rules
from cleaner.train import Weight, with_weight

A1 = ("近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
      "10个项目，项目涉及医药健康等7个产业领域。")
A2 = "围绕中关村示范区各分园的主导产业和定位，北京市科委、中关村管委会支持各分园建设产业服务设施，首批项目已全部开工建设。"


def _page(wrap, rules=None):
    # a dated article closed by its headline, a byline under it, then nothing: the decoder
    # opens an article for the byline, which has no text and is dropped
    text = ("\n".join(wrap("本报讯（记者王五）" + A1)) + "\n" + "\n".join(wrap(A2))
            + "\n北京启动高品质科技园区建设\n◎本报记者 蔡宁\n")
    return cleaner.clean(text, rules=rules)


def test_a_left_over_byline_goes_to_the_article_before_it_that_has_none(wrap):
    page = _page(wrap)
    assert [(a.title.text, a.byline.text if a.byline else None) for a in page.articles] == [
        ("北京启动高品质科技园区建设", "本报记者 蔡宁")]
    assert not [b for b in page.dropped if b.kind == "byline"]
    assert any(c.rule == "A003" and "left over" in c.reason for c in page.changes)


def test_without_adopting_the_byline_is_dropped(wrap):
    page = _page(wrap, with_weight(load_rules(), Weight("A003", "adopt_bylines"), False))
    assert [a.byline for a in page.articles] == [None]
    assert [b.text for b in page.dropped if b.kind == "byline"] == ["本报记者 蔡宁"]
