"""Score settings of the assemble stage's weights quickly: pages cleaned once up to assemble.

    python benchmarks/assemble_sweep.py "A003.subhead_cost=0.8;A002.roundup_cohesion=15" [--splits train,valid]

Every stage before assemble depends on no assemble weight, so each page of the splits is run up
to assemble once (kept in memory) and only the last stage is run again per setting: a setting
over the train and validation pages takes about 20 s on 2 cores instead of several minutes.
Settings are separated by ``;``; each is a comma-separated list of ``RULE.key=value`` (a number
in a table: ``RULE.key.name=value``); an empty setting is the shipped rules. Prints, per setting
and split, the scorer's seg F1, titles, subtitles, bylines, subheads, para F1 and CER (%), to
``--digits`` decimals (1; a change of a page or two on a split of 300 needs 2).

For choosing, not for reporting: `benchmarks/evaluate.py --rules LAYER` gives the figures a
release quotes (it runs every stage, as `cleaner clean` does). Only assemble weights may be
swept here: a weight of another stage would not reach the cached pages.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import scoring  # noqa: E402
from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.pipeline import reference_counting_only, timeouts  # noqa: E402
from cleaner.reports.pagejson import page_dict  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages import PIPELINE  # noqa: E402
from cleaner.train import Weight, get, load_gold_dirs, with_weight  # noqa: E402

#: split -> [(page before assemble, gold, gold drops, clean page?)]; filled before the pool forks
CACHE: dict[str, list] = {}
COLUMNS = (("seg", "seg_f1"), ("title", "title_acc"), ("subt", "subtitle_acc"), ("byline", "byline_acc"),
           ("subhd", "subhead_acc"), ("para", "para_f1"), ("CER", "cer"))


def prepare(split_dir: Path) -> list:
    """The pages of a gold folder, each run up to (not through) the assemble stage."""
    rules = default_rules()
    out = []
    for p in load_gold_dirs([split_dir]):
        page = Page(name=p.name + ".txt", source=p.text, rules=rules, overlay=Overlay(p.text))
        with reference_counting_only(), timeouts():
            for stage in PIPELINE[:-1]:
                page = stage.run(page)
        gold, gold_drops, _ = scoring.coerce_page(p.gold, strict=True)
        out.append((page, gold, gold_drops, p.clean))
    return out


def _score_one(args) -> dict:
    split, k, rules = args
    page, gold, gold_drops, clean = CACHE[split][k]
    with reference_counting_only(), timeouts():
        done = PIPELINE[-1].run(page.evolve(rules=rules))
    pred, _, _ = scoring.coerce_page(page_dict(done))
    return scoring.score_page(gold, gold_drops, pred, clean)


def parse_setting(spec: str, base):
    """The rules with one setting's weights put in (``A003.subhead_cost=0.8,A002.x.y=1``)."""
    rules = base
    for item in filter(None, (s.strip() for s in spec.split(","))):
        name, _, value = item.partition("=")
        parts = name.split(".")
        if len(parts) not in (2, 3) or not value:
            raise SystemExit(f"assemble_sweep: error: {item!r}: expected RULE.key=value or RULE.key.name=value")
        w = Weight(parts[0], parts[1], parts[2] if len(parts) == 3 else None)
        try:
            current = get(base, w)
        except KeyError as e:
            raise SystemExit(f"assemble_sweep: error: {item!r}: no such rule or weight ({e})") from None
        rules = with_weight(rules, w, type(current)(float(value)))
    return rules


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("settings", help="settings separated by ';' (an empty one: the shipped rules)")
    ap.add_argument("--splits", default="train,valid", help="subfolders of benchmarks/splits (default: train,valid)")
    ap.add_argument("--root", default=str(ROOT / "benchmarks" / "splits"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--digits", type=int, default=1, choices=range(0, 5), metavar="N",
                    help="decimals printed (default 1; choices this release's size need 2)")
    args = ap.parse_args(argv)
    base = default_rules()
    settings = [(spec.strip(), parse_setting(spec, base)) for spec in args.settings.split(";")]
    splits = args.splits.split(",")
    for s in splits:
        d = Path(args.root) / s
        if not any(d.glob("*.gold.json")):
            ap.error(f"{d}: no gold pages (run benchmarks/splits.py first?)")
        CACHE[s] = prepare(d)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for spec, rules in settings:
            cells = []
            for s in splits:
                got = scoring.summarize(pool.map(_score_one, [(s, k, rules) for k in range(len(CACHE[s]))], chunksize=8))
                cells.append(f"{s}: " + " ".join(f"{label} {100 * got[key]:.{args.digits}f}" for label, key in COLUMNS))
            print(f"{spec or 'shipped'} | " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
