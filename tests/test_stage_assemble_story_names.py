"""A003 story_names (issue #14, headings' roles): the names the text either side of a heading
group shares argue that the text goes on across it (a subhead, not the next article's title)."""

from __future__ import annotations

import math

from cleaner.stages.assemble.story_names import shared_names, story_names_cue

_BEFORE = ("东江港集团今年建成自动化码头，桥吊司机在中控室远程操控，作业效率提高三成。",
           "据东江港集团技术中心介绍，码头已投用无人集卡四十台，夜间也能照常作业。")
_AFTER_SAME = ("东江港集团联合海关推出线上平台，无人集卡进出堆场时自动核验箱号。",)
_AFTER_OTHER = ("白沙湖保护区今年冬季监测到越冬水鸟十二万只，灰鹤数量创下新高。",)


def test_shared_names_counts_the_runs_both_sides_name():
    """Names are runs of three Han characters: the section after names 东江港集团 and 无人集卡
    again, another story nothing of the text before it."""
    assert shared_names(_BEFORE, _AFTER_SAME) >= 4  # 东江港, 江港集, 港集团, 无人集, 人集卡
    assert shared_names(_BEFORE, _AFTER_OTHER) == 0
    assert shared_names((), _AFTER_SAME) == 0


def test_shared_names_need_the_first_paragraph_after_to_go_on():
    """An article's tail read after the next article's lead: the lead names nothing of the text
    before the heading, the tail under it all of it. The heading is that next article's title
    (A001's tails take the rest back), not a subhead: no names counted."""
    assert shared_names(_BEFORE, _AFTER_OTHER + _AFTER_SAME) == 0
    assert shared_names(_BEFORE, _AFTER_SAME + _AFTER_OTHER) == shared_names(_BEFORE, _AFTER_SAME)


def test_story_names_cue_argues_only_past_even():
    """Up to ``even`` shared names argue nothing (two of a day's stories may share a name or
    two, and a section may turn to new people); past it, the log of the count."""
    assert story_names_cue(0, 2.0) == 0.0
    assert story_names_cue(2, 2.0) == 0.0
    assert math.isclose(story_names_cue(7, 2.0), math.log(8) - math.log(3))


_DATED = ("新华社江川3月2日电走进江川市经济开发区一家汽车零部件企业的生产车间，机械臂上下翻飞。",)


def _page(kit, after: tuple[str, ...], before: tuple[str, ...] = _BEFORE) -> str:
    """A bold title over ``before``'s paragraphs, a plain lone heading, then ``after``'s."""
    lines = [kit.overprint("码头上的无人之变"), ""]
    for para in before:
        lines += kit.cut_lines(para) + [""]
    lines += ["数字平台提速通关", ""]
    for para in after:
        lines += kit.cut_lines(para) + [""]
    return "\n".join(lines)


def _costs(kit, text: str, rules, story: float) -> dict[str, float]:
    """The cheapest cost of each reading of the lone heading (Readings.group_options), with
    ``story`` the decoder's story-names term."""
    a, seq = kit.heading_sequence(text, rules)
    t = next(n for n, u in enumerate(seq) if isinstance(u, list) and u[0].text == "数字平台提速通关")
    opts = a.group_options(seq[t], [u for u in seq[:t] if not isinstance(u, list)][-2:], seq[t + 1],
                           a.parallel(seq, t), True, False, story)[False]
    out: dict[str, float] = {}
    for kind, _, c, _ in opts:
        out[kind] = min(c, out.get(kind, c))
    return out


def test_story_term_costs_the_readings_that_end_an_article_there(kit):
    """The term is added where the text going on argues against a boundary (as the word pairs
    across the group are: continuity_weight): to closing the article under the heading and to
    opening the next one over the text after it; reading the heading as a subhead costs the
    same."""
    text = _page(kit, _AFTER_SAME)
    off, on = _costs(kit, text, None, 0.0), _costs(kit, text, None, 1.5)
    assert math.isclose(on["close"] - off["close"], 1.5)
    assert math.isclose(on["open"] - off["open"], 1.5)
    assert on["sub"] == off["sub"]


def test_decoder_weighs_the_names_the_text_shares(kit):
    """The decoder's term for a group: story_names times the cue of the names the paragraphs
    before it share with those after it; none for a story that names nothing of the text
    before it, none where the weight is 0, none from text before a dated paragraph."""
    from cleaner.stages.assemble.readings import Readings

    real = Readings.group_options
    seen: list[float] = []

    def spy(self, *args):
        seen.append(args[-1])
        return real(self, *args)

    rules = kit.rules_with("A003", story_names=1.0, story_names_even=2.0, story_names_reach=[3, 2])
    off = kit.rules_with("A003", story_names=0.0)
    got = []
    Readings.group_options = spy
    try:
        for text, r in ((_page(kit, _AFTER_SAME), rules), (_page(kit, _AFTER_OTHER), rules),
                        (_page(kit, _AFTER_SAME), off), (_page(kit, _AFTER_SAME, _BEFORE + _DATED), rules)):
            a, seq = kit.heading_sequence(text, r)
            seen.clear()
            a.segment([u for item in seq for u in (item if isinstance(item, list) else [item])])
            got.append(seen[-1])  # (the lone heading's group, the page's last)
    finally:
        Readings.group_options = real
    same, other, zero, across_dateline = got
    assert math.isclose(same, story_names_cue(shared_names(_BEFORE, _AFTER_SAME), 2.0)) and same > 0
    assert other == 0.0 and zero == 0.0
    # the paragraphs before the heading are read back to one that opens with a dateline, not
    # past it: the text before that is another article's (A009's headless first part, read
    # before another story set whole, named what the part after that story's headline names)
    assert across_dateline == 0.0


def test_the_counting_script_refuses_the_test_split(monkeypatch):
    """benchmarks/fit_story_names.py, where story_names was chosen, never reads the held-out
    test split."""
    import sys
    from pathlib import Path

    import pytest

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import fit_story_names

    monkeypatch.setattr(sys, "argv", ["fit_story_names.py", "test"])
    with pytest.raises(SystemExit) as out:
        fit_story_names.main()
    assert out.value.code == 2
