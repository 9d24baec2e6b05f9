"""Every byline and dateline form of the train pool's papers, and the structures of
benchmarks/unseen_outlets.py under outlets no rule names, set where the synthesiser sets them,
one small page each: a quick measure of the byline and dateline readers by form, without the
held-out papers' forms (those are the test split's).

    python benchmarks/form_contexts.py [--seed S] [--renders N] [--misses]

A byline goes on the title's line (after two blanks, one or none; the title plain or drawn
twice), on its own line after the title, or before it; a dateline opens the first paragraph,
which is wrapped at a column of 9 to 22 characters, with or without a blank line after every
line. A page counts as read when the article's byline (dateline) is the form's, blanks aside,
and a byline's title is the title.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cleaner  # noqa: E402
from cleaner.conventions import load_conventions  # noqa: E402
from cleaner.reports.pagejson import page_dict  # noqa: E402
from cleaner.synth import forms  # noqa: E402
from splits import pool_of  # noqa: E402
from unseen_outlets import renamed  # noqa: E402

TITLES = ("老街区焕发新活力", "让文旅消费热度持续升温", "智能制造“加速跑”", "书香润城")
BODY = ("近日，记者走进老城区，看到改造后的街巷干净整洁，居民们在新建的口袋公园里散步聊天。"
        "据介绍，今年以来当地已完成老旧小区改造项目四十余个，惠及居民两万多户。")
BODY2 = "据介绍，今年以来当地已完成老旧小区改造项目四十余个，惠及居民两万多户，群众满意度持续提升。"
_WS = re.compile(r"\s+")


def squeeze(t: str | None) -> str:
    return _WS.sub("", t or "")


def byline_page(raw: str, rng: random.Random) -> tuple[str, str, str]:
    title = rng.choice(TITLES)
    shown = title + title if rng.random() < 0.4 else title  # (a title drawn twice: fake bold)
    place = rng.choice(("title_line", "title_line", "after_title", "before_title"))
    parts = {"title_line": [shown + rng.choice(("  ", " ", "")) + raw], "after_title": [shown, raw],
             "before_title": [raw, shown]}[place]
    return "\n\n".join(parts + [BODY, BODY2]) + "\n", title, place


def dateline_page(raw: str, rng: random.Random) -> tuple[str, str]:
    w = rng.randint(9, 22)
    text = raw + BODY
    sep = "\n\n" if rng.random() < 0.3 else "\n"
    return TITLES[0] + "\n\n" + sep.join(text[i:i + w] for i in range(0, len(text), w)) + "\n\n" + BODY2 + "\n", \
        f"wrapped at {w}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--renders", type=int, default=4)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    cat = load_conventions()
    train_papers = [p for p in cat.papers if pool_of("paper:" + p) == "train"]
    cat = renamed(cat.only_papers(train_papers), random.Random(args.seed))
    rng = random.Random(args.seed)
    for kind in ("byline", "dateline"):
        n, misses = 0, []
        for f in cat.of_kind(kind):
            if not f.template or f.script == "traditional":
                continue
            for _ in range(args.renders):
                raw, gold = forms.render(f, rng)
                if kind == "byline":
                    page, title, where = byline_page(raw, rng)
                else:
                    (page, where), title = dateline_page(raw, rng), None
                arts = page_dict(cleaner.clean(page))["articles"]
                got = arts[0].get(kind) if arts else None
                n += 1
                if squeeze(got) != squeeze(gold) or (title and squeeze(arts[0].get("title")) != squeeze(title)):
                    misses.append((f.id, where, page.split("\n")[0][:50], got))
        print(f"{kind}s read {n - len(misses)}/{n} ({100 * (n - len(misses)) / max(1, n):.1f} %)")
        for m in misses if args.misses else ():
            print("   ", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
