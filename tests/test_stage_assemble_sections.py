"""A002 reclaim_sections: a section of an article read inside a later article's text (a jump)
goes back to its own article when it is set in that article's column and talks about its things."""

from __future__ import annotations

import cleaner

# X: a story set in a narrow column (20 ems), its headline above its text
X = ["记者从白沙湖国家级自然保护区获悉，今年冬季白沙湖越冬水鸟数量达到12.6万只，创近10年新高，"
     "其中国家一级保护鸟类7种。保护区工作人员说，白沙湖的水鸟越来越多了。",
     "此次调查历时5天，白沙湖保护区组织监测人员分成8个小组，对湖区水域和滩涂开展同步调查。"
     "白天鹅、小天鹅、灰鹤等水鸟在白沙湖的滩涂上觅食栖息，保护区的生态环境持续向好。"]
# its last section, read inside the next story's text (the jump)
X_REST = ["据悉，白沙湖保护区将在越冬期加强巡护监测，严厉打击非法捕猎等违法行为，"
          "并在湖区周边设置观鸟点，引导游客文明观鸟，让白沙湖的水鸟安心越冬。"]
# E: the next story, in a wide column (32 ems), its headline drawn inside its text
E = ["在桃源镇，提起秦大山，果农们都竖起大拇指。这位50多岁的果树技术员扎根桃源镇果园30年，"
     "带着乡亲们走出了一条种柑橘致富的路子。如今桃源镇家家户户种柑橘，秦大山的手机成了果农的热线。",
     "秦大山只有初中文化，年轻时跟着父亲在桃源镇种果树。上世纪90年代，桃源镇的柑橘品种老化，"
     "产量低、卖价也低，一些农户甚至打算把果树砍掉。",
     "近年来，秦大山牵头成立了桃源镇柑橘专业合作社，社员发展到300多户，每年开办培训班，"
     "累计培训果农5000余人次，桃源镇的柑橘产业越做越大。"]


def page_text(wrap, rest_column: int) -> str:
    lines = ["白沙湖越冬水鸟数量创近10年新高"]
    for t in X:
        lines += wrap(t, column=20)
    for t in E[:2]:
        lines += wrap(t, column=32)
    for t in X_REST:
        lines += wrap(t, column=rest_column)
    lines += ["“土专家”带出致富路", "——记桃源镇果树技术员秦大山", "◎本报记者 孔斌"]
    for t in E[2:]:
        lines += wrap(t, column=32)
    return "\n".join(lines) + "\n"


def owner_of(page, start: str):
    return next(a.title.text if a.title else None for a in page.articles
                if any(b.text.startswith(start) for b in a.body))


def test_a_section_in_its_own_column_goes_back_to_its_article(wrap):
    page = cleaner.clean(page_text(wrap, 20))
    assert owner_of(page, "据悉") == "白沙湖越冬水鸟数量创近10年新高"
    assert owner_of(page, "秦大山只有") == "“土专家”带出致富路"
    assert owner_of(page, "近年来") == "“土专家”带出致富路"
    assert any(c.rule == "A002" and c.action == "move" for c in page.changes)


def test_a_section_set_in_its_hosts_column_stays(wrap):
    # the same words, set in the host's column: nothing but the words would tell it apart
    page = cleaner.clean(page_text(wrap, 32))
    assert not any(c.rule == "A002" and c.action == "move" for c in page.changes)


def test_off_with_no_reach(wrap, tmp_path):
    (tmp_path / "assemble.toml").write_text(
        'stage = "assemble"\n[[rule]]\nid = "A002"\nparams = { section_reach = 0 }\n', encoding="utf-8")
    page = cleaner.clean(page_text(wrap, 20), rules=cleaner.load_rules(tmp_path))
    assert not any(c.rule == "A002" and c.action == "move" for c in page.changes)
    assert owner_of(page, "据悉") == "“土专家”带出致富路"


def test_the_next_articles_lead_at_the_end_of_a_draft_goes_to_its_head(wrap):
    # drafts as the decoder might leave them: E's lead (set in E's wide column) read at the end
    # of X's text (a narrow column), E's headline then opening only the rest
    from cleaner.model import Overlay, Page
    from cleaner.rules import default_rules
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler
    from cleaner.stages.assemble.draft import Draft

    lines = ["白沙湖越冬水鸟数量创近10年新高"]
    for t in X + X_REST:
        lines += wrap(t, column=20)
    for t in E[:1]:
        lines += wrap(t, column=32)
    lines += ["“土专家”带出致富路", "——记桃源镇果树技术员秦大山", "◎本报记者 孔斌"]
    for t in E[1:]:
        lines += wrap(t, column=32)
    text = "\n".join(lines) + "\n"
    page = Page(name="test.txt", source=text, rules=default_rules(), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:  # (all but assemble)
        page = stage.run(page)
    a = Assembler(page)
    blocks = [b for b in a.page.blocks if b.kind in ("heading", "byline", "paragraph")]
    paras = [b for b in blocks if b.kind == "paragraph"]
    heads = [b for b in blocks if b.kind == "heading"]
    x = Draft(body=paras[:4], title=heads[0])
    e = Draft(body=paras[4:], title=heads[1])
    drafts = a.reclaim_sections([x, e])
    assert [b.text[:4] for b in drafts[0].body] == ["记者从白", "此次调查", "据悉，白"]
    assert [b.text[:4] for b in drafts[1].body] == ["在桃源镇", "秦大山只", "近年来，"]
    assert any(c.rule == "A002" and c.action == "move" for c in a.changes)


def _layer(tmp_path, params: str):
    (tmp_path / "assemble.toml").write_text(
        f'stage = "assemble"\n[[rule]]\nid = "A002"\nparams = {{ {params} }}\n', encoding="utf-8")
    return cleaner.load_rules(tmp_path)


def test_a_draft_longer_than_the_bound_is_not_searched(wrap, tmp_path):
    # the host's body holds 3 blocks (two of E and the jumped one): with section_max_body 2 it is
    # not weighed (the bound that keeps the step linear in a page of one very long article)
    page = cleaner.clean(page_text(wrap, 20), rules=_layer(tmp_path, "section_max_body = 2"))
    assert not any(c.rule == "A002" and c.action == "move" for c in page.changes)
    assert owner_of(page, "据悉") == "“土专家”带出致富路"


def test_a_run_longer_than_the_bound_is_not_weighed(wrap, tmp_path):
    # the jumped section is one block: a bound of one block still finds it, none does not
    found = cleaner.clean(page_text(wrap, 20), rules=_layer(tmp_path, "section_max_run = 1"))
    assert owner_of(found, "据悉") == "白沙湖越冬水鸟数量创近10年新高"
    page = cleaner.clean(page_text(wrap, 20), rules=_layer(tmp_path, "section_max_run = 0"))
    assert owner_of(page, "据悉") == "“土专家”带出致富路"


def test_a_narrow_beam_still_reads_the_page_whole(wrap, tmp_path):
    # decoder_beam bounds the states the decoder keeps per item (a page of one long article in
    # changing columns grew them without end); at 1 it is a greedy reading, but nothing is lost
    page = cleaner.clean(page_text(wrap, 20), rules=_layer(tmp_path, "decoder_beam = 1"))
    text = "".join(b.text for a in page.articles for b in a.body)
    assert all(t[:10] in text for t in X + X_REST + E)
