"""Pages whose bylines and datelines name outlets the cleaner was never shown: a measure of
how the byline and dateline readers generalise, without the held-out test split.

    python benchmarks/unseen_outlets.py [OUTDIR] [--pages N] [--seed S]
    python benchmarks/conventions_report.py OUTDIR

The train pool's papers (benchmarks/splits.py) keep their forms, but every byline and dateline
template that prints its paper's own name (扬子晚报全媒体记者 {name}, 上观新闻{date}消息) is
printed instead under the name of an outlet that no rule file and no catalogue form names
(:data:`OUTLETS`, real papers, agencies and apps of the mainland press). A reader that
recognises a form by its structure (an outlet's name, a role, names; a place, a date, 电 or 讯)
reads these as well as the originals; one that lists names does not. Bylines of two structures no train-pool paper
prints are added under unseen outlets too: the role in brackets after the names (X（某报记者）)
and the names glued to the role (某报记者X). The stories are the train
pool's, so nothing of the test split is used. Pages go to OUTDIR (default /tmp/unseen_outlets),
not committed.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner.conventions import Catalogue, Form, default_expect, load_conventions  # noqa: E402
from cleaner.synth import load_stories, write_pages  # noqa: E402
from splits import pool_of  # noqa: E402

#: outlets named nowhere in rules/ (checked by :func:`main`): papers (日报, 晚报, 都市报, 晨报,
#: 快报; 黑龙江日报 and 内蒙古日报 with a three-character place) and news apps (…新闻)
OUTLETS = ("燕赵都市报", "楚天都市报", "新民晚报", "半岛都市报", "潇湘晨报", "现代快报", "河北日报", "海南日报",
           "深圳特区报", "华商报", "大河报", "辽沈晚报", "都市快报", "东南快报", "今晚报", "北京晚报", "长江日报",
           "黑龙江日报", "内蒙古日报", "每日经济新闻", "极目新闻", "川观新闻", "九派新闻", "新快报")


def renamed(cat: Catalogue, rng: random.Random, variants: int = 3) -> Catalogue:
    """The catalogue with each byline and dateline form whose template prints its paper's name
    replaced by ``variants`` copies printed under outlets of :data:`OUTLETS` (each copy its own
    paper, so the synthesiser draws the unseen outlets as often as any paper)."""
    forms = []
    for f in cat.forms:
        if f.kind not in ("byline", "dateline") or not f.template or f.paper not in f.template:
            forms.append(f)
            continue
        for k, outlet in enumerate(rng.sample(OUTLETS, variants)):
            forms.append(dataclasses.replace(f, id=f"{f.id}.unseen{k}", paper=outlet,
                                             template=f.template.replace(f.paper, outlet),
                                             example=f.example.replace(f.paper, outlet),
                                             expect=f.expect.replace(f.paper, outlet)))
    # structures the train pool's bylines do not print, with unseen outlets: the role after the
    # names in brackets, and the names glued to the role
    for k, outlet in enumerate(rng.sample(OUTLETS, variants)):
        for sid, template in (("role-after", "{name}（%s记者）"), ("glued", "{orn}%s记者{name}"),
                              ("role-after-two", "{name}、{name2}（%s记者）")):
            t = template % outlet
            example = t.replace("{orn}", "").replace("{name}", "王小明").replace("{name2}", "李华")
            forms.append(Form(id=f"byline.unseen.{sid}{k}", kind="byline", paper=f"{outlet}·{sid}",
                              source="benchmarks/unseen_outlets.py", example=example,
                              expect=default_expect("byline", example), template=t))
    return Catalogue(tuple(forms))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", type=Path, default=Path("/tmp/unseen_outlets"))
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=707)
    args = ap.parse_args(argv)
    rules_text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "rules").rglob("*.toml"))
    named = [o for o in OUTLETS if o in rules_text]
    if named:
        print(f"outlets named in rules/, not unseen: {', '.join(named)}", file=sys.stderr)
        return 2
    stories = [s for s in load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
               if pool_of(s.id) == "train"]
    cat = load_conventions()
    train_papers = [p for p in cat.papers if pool_of("paper:" + p) == "train"]
    cat = renamed(cat.only_papers(train_papers), random.Random(args.seed))
    write_pages(stories, args.outdir, args.pages, args.seed, prefix="u", conventions=cat)
    print(f"{args.pages} pages -> {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
