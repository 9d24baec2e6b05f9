"""A003 back_inside_cost: a run holding the article before's headline, then the open article's,
set inside the open article's text (which goes on after the run)."""

import cleaner

A = ["近日，北京市科委、中关村管委会投入首批支持高品质科技园区建设资金，支持中关村生命科学园等科技园区的"
     "10个项目，项目涉及医药健康等7个产业领域。",
     "围绕中关村示范区各分园的主导产业和定位，北京市科委、中关村管委会支持各分园建设产业服务设施，首批项目已全部开工建设。",
     "北京市科委有关负责人表示，将持续支持中关村各分园建设高品质科技园区，推动产业集聚发展。"]
B_LEAD = "新华社珀斯6月18日电 当地时间18日上午，国务院总理李强在珀斯同澳大利亚总理阿尔巴尼斯共同出席第七届中澳工商界首席执行官圆桌会并致辞。"
B_CUT = "在听取两国工商界代表发言后，李强表示，回顾中澳建交以来走过的历程，双方只要尊重彼此国情制度和核心利益，"
B_REST = ["就能够推动中澳全面战略伙伴关系持续向前发展，中澳工商界圆桌会意义重大。",
          "李强表示，中方愿同澳方一道，推动中澳全面战略伙伴关系持续向前发展，中澳工商界圆桌会意义重大。"]


def test_a_run_titling_the_article_before_and_the_open_one_inside_its_text(wrap):
    """A's text, B's (opened by its dateline) cut mid-sentence, then the headlines of A and B
    (each with its byline), then B's text going on: the first headline goes back to A (closed
    untitled at B's dateline), the second is B's, read inside its text, and B goes on after the
    run. (Without the backinside reading the decoder closed A+B under A's headline and opened
    B's rest under B's; a later stage then moved B's text from its dateline on, "read at the
    end": the same articles, by a repair. The decoder now reads it so itself.)"""
    lines = [x for par in A + [B_LEAD, B_CUT] for x in wrap(par)]
    lines += ["北京启动高品质科技园区建设", "本报记者 王明", "李强出席中澳工商界圆桌会", "新华社记者 刘华"]
    lines += [x for par in B_REST for x in wrap(par)]
    page = cleaner.clean("\n".join(lines) + "\n")
    got = [(x.title.text if x.title else None, x.byline.text if x.byline else None, x.body[0].text[:4],
            x.body[-1].text[:4]) for x in page.articles]
    assert got == [("北京启动高品质科技园区建设", "本报记者 王明", "近日，北", "北京市科"),
                   ("李强出席中澳工商界圆桌会", "新华社记者 刘华", "新华社珀", "李强表示")]
    assert any(c.rule == "A003" and c.action == "attach" and "set inside" in c.reason for c in page.changes)
    assert not any("read at the end" in c.reason for c in page.changes)
