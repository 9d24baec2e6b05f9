"""Segmentation errors of a synthesised split, by cause (the synthesiser's line owners as truth).

    python benchmarks/seg_errors.py [SPLIT] [--pages N] [--only NAME] [--list]

Regenerates each page of ``benchmarks/splits/SPLIT`` from its seed (every raw line carries its
owner: whose paragraph, subhead, headline field, caption, quote or furniture it is), cleans
it, pairs articles as the scorer does and, for every gold article not segmented right (body
similarity under the scorer's ``SEG_MIN``), says which predicted articles its body went to,
which other articles' bodies joined it and what heads each part, then names a cause. Only
``train``, ``valid`` and the OCR-style splits (``ocr``, ``ocr_fit``, ``ocr_valid``) are allowed:
the test split is held out.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner import clean, page_dict  # noqa: E402
from cleaner import scoring  # noqa: E402
from cleaner.conventions import load_conventions  # noqa: E402
from cleaner.synth import PageMaker, load_noise, load_stories  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from splits import OCR_SPLITS, SPLITS, papers_for, pool_of  # noqa: E402

PART_MIN = 0.15  # a share of an article's body chars that counts as a part of it


def maker_for(split: str) -> tuple[PageMaker, int]:
    pool, _, seed = SPLITS[split] if split in SPLITS else OCR_SPLITS[split]
    stories = [s for s in load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
               if pool_of(s.id) == pool]
    cat = load_conventions()
    papers = papers_for(cat, pool)  # (the choose pool's pages wear the train papers' forms)
    ocr = load_noise() if split in OCR_SPLITS else None  # every page of an OCR split is read so
    return PageMaker(stories, conventions=cat.only_papers(papers), ocr=ocr), seed


def owners_by_offset(s) -> tuple[list[int], list[tuple]]:
    """Start offset of each synthesised line in the raw text, and its owner."""
    starts, owners, pos = [], [], 0
    for ln in s.lines:
        at = s.raw.index(ln.printed, pos)
        starts.append(at)
        owners.append(ln.owner)
        pos = at + len(ln.printed)
    return starts, owners


def block_roles(s, page):
    """The gold role of each block of ``page`` (a page the stages read from ``s.raw``, the
    synthesised page ``s``): the owner most of its lines come from, a headline's part named
    (``head:title``, ``paragraph``, ...). A function of a block, for the fitting scripts that
    label the decoder's headings by the synthesiser's line owners."""
    starts, owners = owners_by_offset(s)

    def role(b) -> str:
        votes = collections.Counter()
        for k in b.lines:
            o = owners[bisect.bisect_right(starts, page.lines[k].start) - 1]
            votes[o[0] + (":" + o[2] if o[0] == "head" else "")] += 1
        return votes.most_common(1)[0][0]
    return role


def rules_with_sets(items: list[str]):
    """The shipped rules with each ``RULE.key=JSON`` of ``items`` (a script's ``--set``) set: a
    parameter changed for one try, without a rule file."""
    from cleaner.rules import load_rules

    rules = load_rules(None)
    for item in items:
        name, value = item.split("=", 1)
        rid, key = name.split(".")
        rules[rid].params[key] = json.loads(value)
    return rules


def traced_with_roles(path: Path, rules, maker, seed):
    """A synthesised split's page decoded with its trace kept (``trace_segments.traced``), for
    the fitting scripts: ``(assembler, heading groups and paragraphs as the decoder reads them,
    each item's reading by index, the gold role of a block)``, or None for a page the maker
    makes no lines for."""
    from cleaner.model import Overlay, Page
    from trace_segments import traced

    text = path.read_text(encoding="utf-8")
    a, units = traced(Page(name=path.name, source=text, rules=rules, overlay=Overlay(text)))
    s = maker.page(page_seed(seed, int(path.stem[1:])), name=path.name)
    if not s.lines:
        return None
    read = {t: kind for t, _, kind, _, _, _ in a.trace}
    return a, a.groups(units), read, block_roles(s, a.page)


def role_of(owner: tuple) -> str:
    if owner[0] == "head":
        return "head:" + owner[2]
    return owner[0]


def analyse(name: str, s) -> list[dict]:
    starts, owners = owners_by_offset(s)
    page = clean(s.raw, name=name + ".txt")

    def owner(line_no: int) -> tuple:
        ln = page.lines[line_no]
        return owners[bisect.bisect_right(starts, ln.start) - 1]

    def chars(line_no: int) -> int:
        return len(page.lines[line_no].text)

    gold, _, _ = scoring.coerce_page(s.gold, strict=True)
    pred, _, _ = scoring.coerce_page(page_dict(page))
    pairs, _ = scoring.match_articles(gold, pred)
    # body chars: gold article -> pred article -> chars (pred -1: outside any body)
    where = collections.defaultdict(collections.Counter)
    comp = collections.defaultdict(collections.Counter)  # pred article -> gold owner -> chars
    body_role = {}  # synthesised owner -> what the cleaner made of it
    for j, a in enumerate(page.articles):
        for b in a.body:
            for k in b.lines:
                o = owner(k)
                g = o[1] if o[0] in ("para", "sub") else ("x:" + o[0])
                comp[j][g] += chars(k)
                if o[0] == "para":
                    where[o[1]][j] += chars(k)
                body_role.setdefault(o, (b.kind, j))
        for f in ("kicker", "title", "subtitle", "byline"):
            b = getattr(a, f)
            if b is not None:
                for k in b.lines:
                    body_role.setdefault(owner(k), (f, j))
        for f, bs in (("pullquote", a.pullquotes), ("caption", a.captions)):
            for b in bs:
                for k in b.lines:
                    body_role.setdefault(owner(k), (f, j))
    for b in page.dropped:
        for k in b.lines:
            body_role.setdefault(owner(k), ("dropped", -1))

    def head_of(j: int) -> str:
        a = page.articles[j]
        if a.title is None:
            return "none"
        os = {role_of(owner(k)) + ("" if owner(k)[0] in ("drop",) else f"@{owner(k)[1]}")
              for k in a.title.lines}
        return ",".join(sorted(os))

    # layout of each gold article in the raw order
    order = collections.defaultdict(list)
    for idx, o in enumerate(owners):
        if o[0] in ("para", "sub", "head"):
            order[o[1]].append((idx, o))

    def layout(gi: int) -> str:
        rows = order[gi]
        paras = [i for i, o in rows if o[0] == "para"]
        title_at = next((i for i, o in rows if o[0] == "head" and o[2].startswith("title")), None)
        if title_at is None or not paras:
            place = "?"
        else:
            place = "before" if title_at < paras[0] else "after" if title_at > paras[-1] else "inside"
        idxs = [i for i, _ in rows]
        jump = any(o[0] in ("para", "head") and o[1] != gi for o in owners[idxs[0]:idxs[-1]])
        return place + ("+jump" if jump else "")

    def fate(gi: int) -> tuple[str, int]:
        """What the cleaner made of gold article gi's title lines (kind, pred article)."""
        got = [body_role.get(o, ("lost", -1)) for _, o in order[gi]
               if o[0] == "head" and o[2].startswith("title")]
        return got[0] if got else ("none", -1)

    def first_para_owner(gi: int):
        return next((o for _, o in order[gi] if o[0] == "para"), None)

    wrong = {gi for gi, pj, sim in pairs if pj is None or sim < scoring.SEG_MIN}
    events = []
    # merges: a predicted article whose body holds parts of two or more gold articles
    for j in range(len(page.articles)):
        tot = sum(c for g, c in comp[j].items() if isinstance(g, int)) or 1
        golds = [g for g, c in comp[j].most_common() if isinstance(g, int)
                 and (c / tot >= PART_MIN or c / (sum(where[g].values()) or 1) >= PART_MIN)]
        if len(golds) < 2:
            continue
        host = next((g for g in golds if fate(g) == ("title", j)), None)
        for g in golds:
            if g == host:
                continue
            kind, at = fate(g)
            share = where[g][j] / (sum(where[g].values()) or 1)
            fp = first_para_owner(g)
            part = "whole" if share > 0.95 else "lead" if body_role.get(fp, (None, None))[1] == j else "tail"
            if kind == "subhead":
                c = "merged: title read as subhead"
            elif kind == "paragraph":
                c = "merged: title read as text"
            elif kind == "title":
                c = f"{part} given to a neighbour's headline"
            elif kind in ("kicker", "subtitle", "byline"):
                c = "merged: title read as another headline's kicker/subtitle"
            else:
                c = f"merged: title read as {kind}"
            arts = ({g, host} if host is not None else {g}) & wrong
            events.append({"cause": c, "layout": layout(g), "arts": arts,
                           "detail": f"A{g} ({part}, title as {kind}@{at}) into P{j} (host A{host})"})
    # cuts: a gold article whose body went to two predicted articles, one a part mostly its own
    for gi in range(len(gold)):
        total = sum(where[gi].values()) or 1
        parts = [j for j, c in where[gi].most_common() if c / total >= PART_MIN]
        if len(parts) < 2:
            continue
        for j in parts:
            tot = sum(c for g, c in comp[j].items() if isinstance(g, int)) or 1
            if comp[j][gi] / tot < 1 - PART_MIN or fate(gi) == ("title", j):
                continue  # a merge (counted above) or the part under its own title
            h = head_of(j)
            if h.startswith("sub@"):
                c = "cut: subhead read as title"
            elif h.startswith("head:kicker"):
                c = "cut: kicker read as title"
            elif h.startswith("head:subtitle"):
                c = "cut: subtitle read as title"
            elif h.startswith(("quote", "caption")):
                c = "cut: quote/caption read as title"
            elif h.startswith("drop"):
                c = "cut: furniture read as title"
            elif h == "none":
                c = "cut: headless part"
            elif h.startswith("para"):
                c = "cut: text line read as title"
            elif h.startswith("head:title"):
                c = "cut: part under its own title, the rest elsewhere"
            else:
                c = "cut: other (" + h + ")"
            events.append({"cause": c, "layout": layout(gi), "arts": {gi} & wrong,
                           "detail": f"A{gi} part in P{j} headed {h}"})
    explained = set().union(*(e["arts"] for e in events)) if events else set()
    for gi in sorted(wrong - explained):
        sim = next(s for g, _, s in pairs if g == gi)
        kind, at = fate(gi)
        events.append({"cause": "small: a little text moved" if sim >= 0.5 else f"unexplained (title as {kind})",
                       "layout": layout(gi), "arts": {gi}, "detail": f"A{gi} sim {sim:.2f}"})
    for e in events:
        e["page"] = name
    return events


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", nargs="?", default="train", choices=[k for k in (*SPLITS, *OCR_SPLITS) if k != "test"])
    ap.add_argument("--pages", type=int)
    ap.add_argument("--only")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    maker, seed = maker_for(args.split)
    folder = ROOT / "benchmarks" / "splits" / args.split
    names = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))
    if args.pages:
        names = names[: args.pages]
    if args.only:
        names = [n for n in names if args.only in n]
    recs = []
    for name in names:
        s = maker.page(page_seed(seed, int(name[1:])), name=f"{name}.txt")
        if s.raw != (folder / f"{name}.txt").read_bytes().decode("utf-8"):
            print(f"{name}: regenerated page differs from the split's; skipped", file=sys.stderr)
            continue
        if not s.lines:
            continue
        recs.extend(analyse(name, s))
    if args.list:
        for r in recs:
            print(r["page"], r["cause"], r["layout"], r["detail"], sorted(r["arts"]))
    by = collections.defaultdict(list)
    for r in recs:
        by[r["cause"]].append(r)
    arts = {(r["page"], a) for r in recs for a in r["arts"]}
    print(f"{len(recs)} errors, {len(arts)} articles wrong on {len({r['page'] for r in recs})} pages")
    print("events articles pages  cause  [layouts]  e.g.")
    for c, rs in sorted(by.items(), key=lambda x: -len(x[1])):
        pages = sorted({r["page"] for r in rs})
        n_arts = len({(r["page"], a) for r in rs for a in r["arts"]})
        lay = collections.Counter(r["layout"] for r in rs)
        print(f"{len(rs):6d} {n_arts:8d} {len(pages):5d}  {c}  {dict(lay.most_common())}  e.g. {', '.join(pages[:3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
