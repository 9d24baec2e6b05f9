"""Speed-only helpers (helper hBM): each gives what the computation it replaced gave, on small
hand-made cases, and the shortcuts it takes are the ones claimed (a search run as ``match``
where anchored, a page's line texts made once)."""

from __future__ import annotations

from cleaner import rules as rules_mod
from cleaner.chars import nows
from cleaner.model import new_line
from cleaner.rules import any_pattern, pattern, search_any, timeouts
from cleaner.stages._common import plain_lines


def _lines(*texts: str) -> tuple:
    return tuple(new_line((k, 0, len(t), t, float(len(t)), 0)) for k, t in enumerate(texts))


def test_plain_lines_are_each_lines_text_without_blanks():
    lines = _lines("本报记者 王明", " 近日， 园区\u3000开工。", "abc")
    assert plain_lines(lines) == [nows(ln.text) for ln in lines] == ["本报记者王明", "近日，园区开工。", "abc"]


def test_plain_lines_made_once_per_tuple_of_lines():
    lines = _lines("一 二", "三")
    first = plain_lines(lines)
    assert plain_lines(lines) is first  # (the same tuple: not made again)
    other = _lines("一 二", "四")  # (a new tuple of lines, as a page whose lines changed has)
    assert plain_lines(other) == ["一二", "四"]
    assert plain_lines(lines) == ["一二", "三"]


def test_finder_runs_match_where_anchored_and_search_elsewhere():
    anchored, loose = pattern("^本报"), pattern("记者")
    assert anchored.run == anchored.compiled.match and loose.run == loose.compiled.search
    assert anchored.search_passed("本报讯").group() == "本报" and anchored.search_passed("讯本报") is None
    assert loose.search_passed("本报记者").group() == "记者"


def test_search_any_as_the_alternation_searched():
    sources = ["^本报讯", "记者"]
    whole = any_pattern(tuple(sources)).compiled
    for text in ("本报讯（记者 王明）", "新华社记者", "讯本报", "", "园区开工"):
        got, want = search_any(sources, text), whole.search(text)
        assert (got and got.span()) == (want and want.span())


def test_an_emptied_pattern_list_matches_nothing():
    # (a rule file that empties a list turns its patterns off; the empty alternation matched
    # every text)
    for text in ("本报讯（记者 王明）", "", "园区开工"):
        assert search_any([], text) is None
    assert rules_mod.any_match(((), ("记者",)), ["园区开工", "本报记者"]) == [False, True]


def test_search_any_skips_a_pattern_that_ran_out_of_time_on_the_page():
    sources = ["记者"]
    with timeouts() as spent:
        assert search_any(sources, "本报记者") is not None
        spent[any_pattern(tuple(sources)).sources] = 10  # (as if it had run out of time on this page)
        assert search_any(sources, "本报记者") is None
    assert rules_mod._TIMED_OUT.get() is None
    assert search_any(sources, "本报记者") is not None  # (another page: searched again)


def test_narrowness_and_column_as_summed_and_sorted_line_by_line():
    from types import SimpleNamespace

    from cleaner.model import Block
    from cleaner.stages.pullquotes.measure import column, narrowness

    lines = _lines("一二三四五六七八", "一二三", "一二三四五六", "一二", "一二三四五六七八九十")
    page = SimpleNamespace(lines=lines)
    for ks in ((0,), (1, 2), (0, 2, 4), (3, 1, 4, 0), ()):
        b = Block("paragraph", ks, ("",) * max(0, len(ks) - 1), "", 0.0)
        total = 0
        for k in ks:
            total += lines[k].width
        assert narrowness(page, b) == len(ks) / max(1.0, total)
        widths = sorted(lines[k].width for k in ks)
        assert column(page, b) == (widths[len(widths) // 2] if widths else 0.0)
