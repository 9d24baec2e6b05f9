"""benchmarks/splits.py: three story pools, and the choose pool's stories in no other split."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cleaner.synth import load_stories

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import splits  # noqa: E402

STORIES = load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))


def test_pool_of_puts_every_ch_id_in_choose_and_no_other():
    assert splits.pool_of("ch-001") == "choose" and splits.pool_of("ch-zzz") == "choose"
    for s in STORIES:
        assert (splits.pool_of(s.id) == "choose") == s.id.startswith("ch-"), s.id
        assert (splits.pool_of(s.id) == "xwlb") == s.id.startswith("xw-"), s.id
    # the hash split of the other ids is what it was: a story id, a paper, a made-up id
    assert splits.pool_of("p1-001") in ("train", "test")
    assert splits.pool_of("paper:人民日报") == "train" and splits.pool_of("paper:光明日报") == "test"
    assert splits.pool_of("xch-001") in ("train", "test")


def test_the_three_pools_are_disjoint_and_the_old_two_unchanged():
    pools = {p: {s.id for s in STORIES if splits.pool_of(s.id) == p} for p in splits.PAPERS_OF}
    assert set(pools) == {"train", "test", "choose", "xwlb"}
    assert not (pools["train"] & pools["test"]) and not (pools["choose"] & (pools["train"] | pools["test"]))
    assert not (pools["xwlb"] & (pools["train"] | pools["test"] | pools["choose"]))
    # the 150 stories of pool-*.jsonl split as always (110 / 40); the choose pool is its file
    assert (len(pools["train"]), len(pools["test"])) == (110, 40)
    assert pools["choose"] == {s.id for s in load_stories(sorted((ROOT / "samples" / "articles").glob("choose-*.jsonl")))}
    assert len(pools["choose"]) >= 45
    assert pools["xwlb"] == {s.id for s in load_stories(sorted((ROOT / "samples" / "articles").glob("xwlb-*.jsonl")))}
    assert len(pools["xwlb"]) >= 45


def test_every_split_draws_on_one_pool_and_fresh_wears_the_train_papers():
    assert splits.SPLITS["fresh"][0] == "choose"
    assert splits.SPLITS["xwlb"][0] == "xwlb" and splits.PAPERS_OF["xwlb"] == "train"
    assert all(pool in ("train", "test") for name, (pool, _, _) in splits.SPLITS.items() if name not in ("fresh", "xwlb"))
    assert all(pool == "train" for pool, _, _ in splits.OCR_SPLITS.values())
    assert splits.PAPERS_OF["choose"] == "train"
    seeds = [seed for _, _, seed in (*splits.SPLITS.values(), *splits.OCR_SPLITS.values())]
    assert len(seeds) == len(set(seeds))


def test_only_makes_the_named_split_and_its_stories_are_choose_ones(tmp_path, monkeypatch):
    monkeypatch.setitem(splits.SPLITS, "fresh", ("choose", 3, 707))
    assert splits.main(["--only", "fresh", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["fresh"]
    manifest = json.loads((tmp_path / "fresh" / "pages.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == ["f0000", "f0001", "f0002"]
    assert all(i.startswith("ch-") for page in manifest.values() for i in page["stories"])
    with pytest.raises(SystemExit):
        splits.main(["--only", "nosuch", str(tmp_path)])


def test_no_ch_story_in_the_train_or_test_pages(tmp_path, monkeypatch):
    """A few pages of each old split, made again: none holds a choose story."""
    for name in ("train", "valid", "test"):
        pool, _, seed = splits.SPLITS[name]
        monkeypatch.setitem(splits.SPLITS, name, (pool, 12, seed))
    assert splits.main(["--only", "train,valid,test", str(tmp_path)]) == 0
    for name in ("train", "valid", "test"):
        manifest = json.loads((tmp_path / name / "pages.json").read_text(encoding="utf-8"))
        ids = {i for page in manifest.values() for i in page["stories"]}
        assert ids and not any(i.startswith("ch-") for i in ids), name
