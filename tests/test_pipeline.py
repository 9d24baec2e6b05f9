"""clean() pauses the cyclic garbage collector for a page: that is only safe if a page makes
no reference cycles, and only polite if the caller's collector state comes back as it was."""

from __future__ import annotations

import gc

import pytest

import cleaner
from cleaner.reports.pagejson import dumps, page_dict

PAGES = {
    "doubled headline and pull quote": "智能制造智能制造““加速跑加速跑””\n\n科技日报讯（记者华凌）近日，北京启动\n建设。园区全方位改造\n\n"
                                       "园区全方位改造\n\n升级。\n",
    "Traditional, Latin, hyphen": "本報訊 近日，臺灣舉辦 inter-\nnational 會議。\n",
}


@pytest.fixture
def collector_paused():
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.mark.parametrize("name", ["sample", *PAGES])
def test_a_page_leaves_no_cyclic_garbage(name, sample_page, collector_paused):
    text = sample_page.read_text(encoding="utf-8") if name == "sample" else PAGES[name]
    page = cleaner.clean(text)
    dumps(page_dict(page))
    del page
    assert gc.collect() == 0


def test_the_collector_comes_back_as_it_was():
    assert gc.isenabled()
    cleaner.clean("科技日报讯 近日，北京启动建设。\n")
    assert gc.isenabled()
    gc.disable()
    try:
        cleaner.clean("科技日报讯 近日，北京启动建设。\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        cleaner.clean(b"bytes")
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error(monkeypatch):
    from cleaner import pipeline

    def broken(page):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(pipeline, "PIPELINE", (type("Stage", (), {"run": staticmethod(broken)}),))
    with pytest.raises(RuntimeError):
        cleaner.clean("科技日报讯 近日。\n")
    assert gc.isenabled()


@pytest.mark.parametrize("name", ["sample", *PAGES])
def test_every_record_has_all_its_fields(name, sample_page):
    """Lines and changes on the hot paths are built from a tuple of all fields (model.new_line,
    new_change): one left out would only show when something reads it."""
    from cleaner.model import Change, Edit, Line

    text = sample_page.read_text(encoding="utf-8") if name == "sample" else PAGES[name]
    page = cleaner.clean(text)
    assert page.lines and page.changes
    for ln in page.lines:
        assert type(ln) is Line and len(ln) == len(Line._fields)
        assert isinstance(ln.text, str) and isinstance(ln.gap_before, int) and ln.start <= ln.end
    for c in page.changes:
        assert type(c) is Change and len(c) == len(Change._fields)
        assert isinstance(c.span, tuple) and c.safety in ("safe", "review")
        assert all(type(e) is Edit for e in c.edits)


def test_replace_copies_a_named_tuple_as_its_own_replace_does():
    from cleaner.model import Block, Line, replace

    b = Block("paragraph", (1, 2), ("",), "甲乙", 18.0, 0.9)
    for changes in ({"kind": "heading"}, {"text": "丙", "confidence": 0.5}, {}):
        got = replace(b, **changes)
        assert got == b._replace(**changes) and type(got) is Block
    assert replace(Line(0, 0, 2, "甲乙", 2.0), gap_before=3).gap_before == 3
    with pytest.raises(ValueError):
        replace(b, colour="red")


@pytest.mark.parametrize("options, error, message", [
    ({"convert": "bogus"}, ValueError, "convert='bogus': choose one of 'auto', 't2s', 'none'"),
    ({"foo": 1}, TypeError, "unknown option 'foo'"),
    ({"safe_only": True}, TypeError, "unknown option 'safe_only'"),
])
def test_unknown_options_and_values_are_refused(options, error, message):
    import re

    with pytest.raises(error, match=re.escape(message)):
        cleaner.clean("正文。\n", **options)


def test_article_text_and_a_short_page_repr():
    page = cleaner.clean("科技日报讯（记者华凌）近日，北京启动建设。\n\n北京启动高品质科技园区建设\n")
    (a,) = page.articles
    assert a.text == "\n\n".join(b.text for b in a.body) and a.text.startswith("科技日报讯")
    r = repr(page)
    assert r.startswith("Page('page.txt', ") and "1 articles" in r and len(r) < 200


def test_no_stage_changes_its_input_page(sample_page):
    """Each stage is a function Page -> Page: the page it was given stays as it was (its meta
    included), so a page can be re-run from any stage and shared between callers."""
    import copy

    from cleaner.model import Overlay, Page
    from cleaner.rules import default_rules
    from cleaner.stages import PIPELINE

    text = sample_page.read_text(encoding="utf-8")
    page = Page(name="p", source=text, rules=default_rules(), overlay=Overlay(text))
    for stage in PIPELINE:
        before = (copy.deepcopy(page.layout), page.lines, page.blocks, page.changes, page.articles)
        out = stage.run(page)
        assert (page.layout, page.lines, page.blocks, page.changes, page.articles) == before, stage.STAGE
        page = out
