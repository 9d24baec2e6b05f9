"""Make the synthesised train / validation / test splits the weights are fitted and judged on.

    python benchmarks/splits.py [OUTDIR]              # default benchmarks/splits/ (not committed)
    python benchmarks/splits.py --only fresh [OUTDIR] # (re)make only the named splits

Stories of ``samples/articles/*.jsonl`` fall into three pools. The stories of ``pool-*.jsonl``
are split once, by a hash of their id, into a train pool (70 %) and a test pool (30 %). Train,
validation, wide and hunt pages are laid out from the train pool with different seeds; test
pages only from the test pool, so no test story is ever fitted or chosen on. Stories whose id
starts with ``ch-`` (``choose-*.jsonl``) form a third, choose pool, decided in ``pool_of`` so
that every script that asks it keeps them out of the train and test pools: the ``fresh``
split lays them out with the train papers' conventions. Stories whose id starts with ``xw-`` (``xwlb-*.jsonl``: real
CCTV 新闻联播 transcripts, the kind of story the shared dev set was made from) form a fourth pool
that only the ``xwlb`` split lays out, with the train papers' conventions: a check that the
cleaner holds on real stories of another hand, never a fitting set. Valid and wide share their stories
with train (only the pages differ), so a change that fits the train stories' wording rises on
them too and shows only on test; fresh pages hold stories no fitted weight ever saw, with
forms it did see, so a fall on fresh and not on valid points at over-fitted stories. The papers of the conventions catalogue (``rules/conventions``) are split the same
way: train and validation pages wear the datelines, bylines, credits and furniture of the
train papers, test pages those of the held-out papers (a kind no held-out paper has is drawn
from the whole catalogue), so the test split shows forms the fitted weights never saw. The pages are reproducible from the seeds below: the folders are not committed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.conventions import load_conventions  # noqa: E402
from cleaner.synth import load_stories, write_pages  # noqa: E402

SPLITS = {  # name: (pool, pages, seed)
    "train": ("train", 240, 101),
    "valid": ("train", 100, 202),
    "test": ("test", 300, 303),
    # a second, wider choosing set from the train pool: 100 validation pages are too few to
    # tell a 0.5-point change in pull-quote recall or byline accuracy from noise
    "wide": ("train", 300, 808),
    # a finding set: 1000 more train-pool pages where failures too rare for 100 or 300 pages
    # show up (a body written twice, a subhead dropped); more train data, never a choosing set
    "hunt": ("train", 1000, 909),
    # a third choosing set: stories of the choose pool (in neither the train nor the test pool),
    # printed with the train papers' conventions
    "fresh": ("choose", 300, 707),
    # a fourth choosing set, of another kind of story: real broadcast news (CCTV 新闻联播
    # transcripts, samples/articles/xwlb-*.jsonl), edited the way the shared dev set's stories
    # were, in no other pool; printed with the train papers' conventions
    "xwlb": ("xwlb", 200, 1212),
}
#: pages read in the OCR style (``cleaner synth --style ocr``): for fitting and validating the
#: layout stages on OCR text, from the train pool with the train papers
OCR_SPLITS = {"ocr": ("train", 60, 404),
              # the layout weights' OCR share is fitted on ``ocr_fit`` and chosen on ``ocr_valid``
              "ocr_fit": ("train", 120, 505), "ocr_valid": ("train", 60, 606)}
TEST_SHARE = 30  # percent of stories held out for the test pool
CHOOSE_PREFIX = "ch-"  # ids of the choose pool's stories (samples/articles/choose-*.jsonl)
XWLB_PREFIX = "xw-"  # ids of the broadcast pool's stories (samples/articles/xwlb-*.jsonl)
#: the papers (conventions) each story pool's pages wear: the choose pool's pages are a
#: choosing split, so they wear the train papers' forms; only test pages wear the held-out ones
PAPERS_OF = {"train": "train", "test": "test", "choose": "train", "xwlb": "train"}


def pool_of(story_id: str) -> str:
    """``"choose"`` for a choose-pool story (its id starts with ``ch-``), ``"xwlb"`` for a
    broadcast story (``xw-``), else ``"test"`` or
    ``"train"`` by a hash of the id (papers too: ``pool_of("paper:" + name)``). The choose
    test comes first so that no script that splits by this function can put a choose story in
    the train or the test pool, and the hash split of the other ids is the one it always was."""
    if story_id.startswith(CHOOSE_PREFIX):
        return "choose"
    if story_id.startswith(XWLB_PREFIX):
        return "xwlb"
    h = int(hashlib.sha256(story_id.encode("utf-8")).hexdigest(), 16)
    return "test" if h % 100 < TEST_SHARE else "train"


def papers_for(cat, pool: str) -> list[str]:
    """The catalogue's papers whose forms the pages of a story pool wear."""
    return [p for p in cat.papers if pool_of("paper:" + p) == PAPERS_OF[pool]]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", nargs="?", type=Path, default=ROOT / "benchmarks" / "splits",
                    help="where the split folders go (default: benchmarks/splits/)")
    ap.add_argument("--only", metavar="NAMES",
                    help="comma-separated splits to (re)make, the others left as they are "
                         f"(default: all of {', '.join([*SPLITS, *OCR_SPLITS])})")
    args = ap.parse_args(argv)
    out = args.outdir
    names = list(SPLITS) + list(OCR_SPLITS)
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            ap.error(f"unknown split(s): {', '.join(unknown)} (known: {', '.join(names)})")
        names = [n for n in names if n in wanted]
    stories = load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
    pools = {pool: [s for s in stories if pool_of(s.id) == pool] for pool in PAPERS_OF}
    print(f"{len(stories)} stories: " + ", ".join(f"{k} pool {len(v)}" for k, v in pools.items()))
    cat = load_conventions()
    papers = {pool: papers_for(cat, pool) for pool in PAPERS_OF}
    print(f"{len(cat.papers)} papers: train pool {', '.join(papers['train'])}; "
          f"held out for test: {', '.join(papers['test'])}")
    for name in names:
        ocr = name in OCR_SPLITS
        pool, pages, seed = OCR_SPLITS[name] if ocr else SPLITS[name]
        write_pages(pools[pool], out / name, pages, seed, prefix=name[0],
                    conventions=cat.only_papers(papers[pool]), ocr_share=1.0 if ocr else 0.0)
        print(f"{name}: {pages} {'OCR-style ' if ocr else ''}pages from the {pool} pool -> {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
