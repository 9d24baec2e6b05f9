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


def renamed(cat: Catalogue, rng: random.Random, variants: int = 3, weak: bool = True) -> Catalogue:
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
    structures = STRUCTURES if weak else STRUCTURES[:3]
    for k, outlet in enumerate(rng.sample(OUTLETS, variants)):
        app = rng.choice([o for o in APPS if o != outlet]) if weak else ""  # (--original draws as it did)
        for sid, kind, template in structures:
            t = template.replace("%s", outlet).replace("%a", app)
            example = t.replace("{orn}", "").replace("{gap}", "").replace("{name}", "王小明") \
                .replace("{name2}", "李华").replace("{name3}", "赵强").replace("{place}", "武汉") \
                .replace("{date}", "3月5日").replace("{cnday}", "五日")
            forms.append(Form(id=f"{kind}.unseen.{sid}{k}", kind=kind, paper=f"{outlet}·{sid}",
                              source="benchmarks/unseen_outlets.py", example=example,
                              expect=default_expect(kind, example), template=t))
    return Catalogue(tuple(forms))


#: news apps and sites an outlet's byline joins to its paper's name (某报-某新闻记者 X, 某报·某新闻记者 X)
APPS = ("极目新闻", "川观新闻", "九派新闻", "每日经济新闻")
#: (id, kind, template): printed forms of structures the train pool's papers do not print, or
#: print under other outlets only (%s: an unseen outlet, %a: an unseen app). The first three are
#: the measure's original ones (``--original``: only these); the rest are the general trade forms of
#: the conventions issue: several reporters after an outlet's role separated only by blanks,
#: names each with its role in brackets, slash lists, joined brands, and datelines of a paper
#: with its own name in the bracket, relayed (据…电), undated (某报讯) or in square brackets.
STRUCTURES = (
    ("role-after", "byline", "{name}（%s记者）"),
    ("glued", "byline", "{orn}%s记者{name}"),
    ("role-after-two", "byline", "{name}、{name2}（%s记者）"),
    ("blank-two", "byline", "{orn}%s记者 {name} {name2}"),
    ("blank-three", "byline", "{orn}%s记者 {name} {name2} {name3}"),
    ("role-after-row", "byline", "{name}（%s记者） {name2}（%s通讯员）"),
    ("role-after-row-glued", "byline", "{name}（本报记者）{name2}（本报通讯员）"),
    ("slash-list", "byline", "{orn}记者{name}／{name2}"),
    ("slash-list-outlet", "byline", "%s记者 {name}/{name2}/{name3}"),
    ("hyphen-brand", "byline", "{orn}%s-%a记者 {name}"),
    ("dot-brand", "byline", "%s·%a记者 {name} {name2}"),
    ("paper-in-bracket", "dateline", "本报讯{gap}（%s记者 {name}）"),
    ("relayed", "dateline", "据%a{place}{date}电{gap}"),
    ("bare-xun", "dateline", "%s讯{gap}"),
    ("trainee", "dateline", "本报讯{gap}（实习生 {name}）"),
    ("square", "dateline", "【%s{place}{cnday}电】"),
)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?", type=Path, default=Path("/tmp/unseen_outlets"))
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=707)
    ap.add_argument("--original", action="store_true",
                    help="only the original three byline structures (the figures quoted before the weak classes were added)")
    args = ap.parse_args(argv)
    # (comment lines may name an outlet to explain a rule; only what a rule reads counts)
    rules_text = "".join(line + "\n" for p in (ROOT / "rules").rglob("*.toml")
                         for line in p.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
    named = [o for o in OUTLETS + APPS if o in rules_text]
    if named:
        print(f"outlets named in rules/, not unseen: {', '.join(named)}", file=sys.stderr)
        return 2
    stories = [s for s in load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
               if pool_of(s.id) == "train"]
    cat = load_conventions()
    train_papers = [p for p in cat.papers if pool_of("paper:" + p) == "train"]
    cat = renamed(cat.only_papers(train_papers), random.Random(args.seed), weak=not args.original)
    write_pages(stories, args.outdir, args.pages, args.seed, prefix="u", conventions=cat)
    print(f"{args.pages} pages -> {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
