"""cleaner train: weights found, changed and written as a rule layer; the scorer copy is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.errors import InputError
from cleaner.rules import load_rules
from cleaner.synth import load_stories, write_pages
from cleaner.train import (Evaluator, Weight, candidates, fit, get, load_gold_dirs, objective,
                           weights_of, weights_toml, with_weight)

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "bench" / "score.py"


def test_weights_are_numbers_of_the_scoring_stages_not_limits():
    ws = weights_of(load_rules())
    labels = {w.label() for w in ws}
    assert "A003.title_echo" in labels and "A002.short_article[0]" in labels
    assert not [w for w in ws if w.key in ("max_length", "ngram", "patterns")]
    assert {load_rules()[w.rule].stage for w in ws} <= {"rejoin", "label", "assemble"}


def test_with_weight_copies_and_changes_one_number():
    rules = load_rules()
    w = Weight("A002", "short_article", 1)
    new = with_weight(rules, w, 0.25)
    assert get(new, w) == 0.25 and get(rules, w) != 0.25
    assert new["A002"].params["short_article"][0] == rules["A002"].params["short_article"][0]


def test_candidates():
    assert candidates(4) == [2, 3, 5, 8]
    assert 0.0 in candidates(1.5) and 3.0 in candidates(1.5) and 1.5 not in candidates(1.5)


def test_fit_improves_training_objective_and_writes_a_rule_layer(tmp_path):
    stories = load_stories(sorted((ROOT / "samples" / "articles").glob("pool-*.jsonl")))
    write_pages(stories, tmp_path / "train", 6, seed=5)
    pages = load_gold_dirs([tmp_path / "train"])
    rules = load_rules()
    # start from a deliberately bad weight: the search must move it back towards sense
    w = Weight("A002", "no_title")
    bad = with_weight(rules, w, 0.0)
    with Evaluator(pages, jobs=1) as ev:
        before = objective(ev.summary(bad))
        fitted, changes = fit(bad, ev, [w], rounds=1)
        after = objective(ev.summary(fitted))
    assert after >= before
    assert all(old != new for _, old, new in changes)


def test_fitted_weights_layer_over_the_shipped_rules(tmp_path):
    rules = load_rules()
    w = Weight("A002", "short_article", 0)
    fitted = with_weight(rules, w, 1.25)
    files = weights_toml(fitted, [(w, get(rules, w), 1.25)])
    assert list(files) == ["assemble"]
    (tmp_path / "assemble.toml").write_text(files["assemble"], encoding="utf-8")
    layered = load_rules(str(tmp_path))
    assert get(layered, w) == 1.25
    assert layered["A002"].params["short_article"][1] == rules["A002"].params["short_article"][1]
    assert layered["A003"] == rules["A003"]


def test_train_cli_prints_figures(tmp_path, capsys):
    stories = load_stories(sorted((ROOT / "samples" / "articles").glob("pool-*.jsonl")))
    write_pages(stories, tmp_path / "t", 4, seed=9)
    rc = main(["train", str(tmp_path / "t"), "--validation", str(tmp_path / "t"), "-o", str(tmp_path / "w"),
               "--only", "A002.no_title", "--rounds", "1", "--jobs", "1"])
    out = capsys.readouterr().out
    assert rc == 0 and "train before" in out and "valid after" in out


def test_bad_gold_dir_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no \\*.gold.json"):
        load_gold_dirs([tmp_path])


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared benchmark is not beside the checkout")
def test_scorer_copy_is_the_benchmark_scorer():
    ours = (ROOT / "cleaner" / "scoring.py").read_text(encoding="utf-8")
    theirs = SHARED_SCORER.read_text(encoding="utf-8")
    body = lambda s: s[s.index("import argparse"):]  # noqa: E731 - the docstrings differ
    assert body(ours) == body(theirs)


def test_auroc():
    from cleaner.train import auroc

    assert auroc([0.1, 0.2], [0.8, 0.9]) == 1.0
    assert auroc([0.9], [0.1]) == 0.0
    assert auroc([0.5, 0.5], [0.5]) == 0.5
    assert auroc([], [0.3]) is None


def test_calibrate_finds_the_direction_of_each_cue():
    from cleaner.train import calibrate

    # article right when its margin is large and it has a title
    pages = [[((m, t, 0.0), m > 1.0 and not t)] for m in (0.0, 0.5, 1.5, 2.5, 0.2, 2.0, 1.2, 0.8)
             for t in (0.0, 1.0)]
    pages += [[((1.8, 0.0, 0.0), False)], [((0.4, 0.0, 0.0), True)]]  # not separable
    cal = calibrate(pages, ("margin", "no_title", "flags"))
    assert cal["confidence_margin"] > 0 and cal["confidence_no_title"] < 0
    assert set(cal) == {"confidence_bias", "confidence_margin", "confidence_no_title", "confidence_flags"}


def test_article_confidence_is_a_probability_from_its_evidence():
    from cleaner.rules import default_rules
    from cleaner.stages.assemble import article_evidence, confidence

    p = default_rules()["A002"].params
    sure = confidence(article_evidence(5.0, p["confidence_margin_cap"], False, 0, 0.8, 5), p)
    unsure = confidence(article_evidence(0.0, p["confidence_margin_cap"], True, 2, 0.0, 1), p)
    assert 0.0 < unsure < sure < 1.0
    plain = confidence(article_evidence(5.0, p["confidence_margin_cap"], False, 0, 0.8, 5, plain_title=True), p)
    assert plain < sure


def test_a_plain_title_on_a_page_of_bold_headlines_is_evidence():
    import cleaner

    text = ("本报讯（记者李明）今年以来，全市新增就业岗位4000余个，\n园区已累计引进高新技术企业120家。\n"
            "全市新增就业岗位4000余个全市新增就业岗位4000余个\n\n"
            "新华社北京3月2日电数据显示，上半年社会消费品零售总额\n同比增长8.2%，消费市场持续回暖。\n"
            "消费市场持续回暖\n")
    page = cleaner.clean(text)
    got = {a.title.text: dict(a.evidence)["plain_title"] for a in page.articles}
    assert got == {"全市新增就业岗位4000余个": 0.0, "消费市场持续回暖": 1.0}
    # on a page whose headlines are all plain, a plain title says nothing
    page = cleaner.clean(text.replace("全市新增就业岗位4000余个全市新增就业岗位4000余个", "全市新增就业岗位4000余个"))
    assert all(dict(a.evidence)["plain_title"] == 0.0 for a in page.articles)


def test_an_article_that_stops_mid_sentence_or_holds_a_second_dateline_is_less_sure():
    import cleaner

    whole = ("本报讯（记者李明）今年以来，全市新增就业岗位4000余个，\n园区已累计引进高新技术企业120家。\n"
             "全市新增就业岗位4000余个\n")
    ev = dict(cleaner.clean(whole).articles[0].evidence)
    assert ev["open_end"] == 0.0 and ev["inner_dateline"] == 0.0
    cut = whole.replace("园区已累计引进高新技术企业120家。", "园区已累计引进高新技术企业")
    assert dict(cleaner.clean(cut).articles[0].evidence)["open_end"] == 1.0
    # (a page of one headline over two datelined reports: the second dateline is inside the body)
    two = ("全市新增就业岗位4000余个\n\n本报讯（记者李明）今年以来，全市新增就业岗位4000余个，园区\n"
           "已累计引进高新技术企业120家。\n\n新华社北京3月2日电数据显示，上半年社会消费品零售\n"
           "总额同比增长8.2%，消费市场持续回暖。\n")
    [article] = cleaner.clean(two).articles
    assert dict(article.evidence)["inner_dateline"] == 1.0


def test_a_table_of_cue_weights_is_fitted_entry_by_entry(tmp_path):
    rules = load_rules()
    w = Weight("J001", "weights", "blank_line")
    assert w in weights_of(rules) and w.label() == "J001.weights.blank_line"
    fitted = with_weight(rules, w, 1.25)
    files = weights_toml(fitted, [(w, get(rules, w), 1.25)])
    (tmp_path / "rejoin.toml").write_text(files["rejoin"], encoding="utf-8")
    layered = load_rules(str(tmp_path))
    assert get(layered, w) == 1.25
    others = {k: v for k, v in layered["J001"].params["weights"].items() if k != "blank_line"}
    assert others == {k: v for k, v in rules["J001"].params["weights"].items() if k != "blank_line"}


def test_fitted_weights_are_written_into_rule_files_keeping_comments(tmp_path):
    import shutil

    from cleaner.train import write_into_rule_files

    rules_dir = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules_dir)
    rules = load_rules()
    changes = [(Weight("A003", "title_echo"), get(rules, Weight("A003", "title_echo")), 2.75),
               (Weight("A002", "short_article", 1), 0.7, 0.25),
               (Weight("J001", "weights", "blank_line"), 2.0, 1.5),
               (Weight("J001", "gap_window"), 6, 4)]
    done = write_into_rule_files(rules_dir, changes)
    assert len(done) == 4
    again = load_rules(shipped=rules_dir)
    assert get(again, Weight("A003", "title_echo")) == 2.75
    assert again["A002"].params["short_article"] == [rules["A002"].params["short_article"][0], 0.25]
    assert again["J001"].params["weights"]["blank_line"] == 1.5
    assert again["J001"].params["gap_window"] == 4
    text = (rules_dir / "assemble.toml").read_text(encoding="utf-8")
    assert "# title_echo, subhead_echo" in text  # comments kept
    assert {r.id for r in again.rules} == {r.id for r in rules.rules}


def test_a_fitted_ocr_number_is_written_into_the_ocr_table_not_the_text_one(tmp_path):
    import shutil

    from cleaner.train import write_into_rule_files

    rules_dir = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules_dir)
    rules = load_rules()
    text_weight = rules["J001"].params["weights"]["blank_line"]
    done = write_into_rule_files(rules_dir, [(Weight("J001", "ocr", "blank_line"), None, 0.125)])
    assert len(done) == 1
    again = load_rules(shipped=rules_dir)
    assert again["J001"].params["ocr"]["blank_line"] == 0.125
    assert again["J001"].params["weights"]["blank_line"] == text_weight
    assert again.on_ocr()["J001"].params["weights"]["blank_line"] == 0.125


def test_a_page_the_cleaner_raises_on_is_named_not_only_scored_low(tmp_path, monkeypatch):
    # a page that makes the cleaner raise scores as empty (a fit moves away from what breaks
    # pages), and the evaluator names it so that a report can say so
    stories = load_stories(sorted((ROOT / "samples" / "articles").glob("pool-*.jsonl")))
    write_pages(stories, tmp_path / "train", 2, seed=5)
    pages = load_gold_dirs([tmp_path / "train"])

    def broken(*_, **__):
        raise RuntimeError("a bug")

    with Evaluator(pages, jobs=1) as ev:
        ev.summary(load_rules())
        assert ev.failed == []
        monkeypatch.setattr("cleaner.pipeline.clean", broken)
        ev.summary(load_rules())
        assert ev.failed == [p.name for p in pages]


def test_fake_bold_left_in_a_heading_is_counted_where_the_gold_prints_the_run_once():
    from cleaner.train import fake_bold_left

    gold = {"articles": [{"title": "智能制造加速跑", "subtitle": "看看这座城", "blocks": [
        {"kind": "paragraph", "text": "正文。"}, {"kind": "subhead", "text": "一步一步走"}]}]}
    pred = {"articles": [{"title": "智能制造智能制造加速跑", "subtitle": "看看这座城", "blocks": [
        {"kind": "paragraph", "text": "正文。"}, {"kind": "subhead", "text": "一步一步走"}]}]}
    assert fake_bold_left(gold, pred) == (1, 3)  # the title's doubled run; 看看, 一步一步 are the words'
    assert fake_bold_left(gold, gold) == (0, 3)


def test_the_table_shows_caption_leak_and_fake_bold_left():
    from cleaner.train import table

    s = {"pages": 2, "cap_leak": 0.25, "fake_bold": 3, "headings": 40}
    head, row = table([("fit", s)]).splitlines()
    assert head.split()[-2:] == ["capLk", "fakeB"]
    assert row.split()[-2:] == ["25.0", "3/40"]


def test_threshold_report_counts_what_each_threshold_takes():
    from cleaner.train import threshold_report

    lines = threshold_report([(0.9, True), (0.4, False), (0.2, True)], (0.3, 0.5), "joins")
    assert lines == ["log loss 0.7419",
                     "  threshold 0.3: joins 2, right 1, wrong 1, missed 1",
                     "  threshold 0.5: joins 1, right 1, wrong 0, missed 1"]
