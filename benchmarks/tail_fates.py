"""Where a jumped tail given to a neighbour's headline was lost: the assemble step that left it.

    python benchmarks/tail_fates.py SPLIT [--pages N] [--only NAME]

For every event ``benchmarks/seg_errors.py`` names "tail given to a neighbour's headline",
the page is cleaned again with the assembler's drafts kept after each step (``drafts``: healed
and segmented; ``reunite`` A009; ``reclaim_tails``; ``reclaim_closed_tails``; the head tails',
sections' and leads' reclaims), and the
gold article's text lines are followed through them (the synthesiser's line owners as truth).
The mechanism named is the first that explains the loss:

* ``glued (BY, SIDE)``: before any step, a paragraph holds lines of the article and of another
  one: joined by A001's healing before segmenting (``heal``: ``heal_across``, ``heal_first_lines``,
  ``heal``) or by the stages before assembling (``lines``: the line joining); the article's
  lines opening that paragraph (``open``: its cut paragraph ran on into other text) or coming
  after the other's (``rest``: its rest was glued to another cut paragraph). No step moves part
  of a paragraph but ``_reclaim_glued_tail``;
* ``reunite wrong``: A009 joined the article's head to another article's draft, or its tail's
  draft to another article;
* ``moved wrong (STEP)``: a reclaim step moved text of the article away from its headline;
* ``partial``: the reclaim steps up to the closed tails' moved some of the tail to its
  article, not all;
* ``after the reclaims``: its text was all under its headline after the closed tails and a
  step after them took it away (adopting orphans, rescuing headings, mending halves);
* ``never moved (WHERE)``: the tail stands as whole paragraphs in a neighbour's draft and no
  step took it (its cues score under the threshold, or no candidate), at that draft's
  ``head`` (a head tail, or text under the wrong headline), ``end`` (a closed tail) or
  ``middle``;
Only the training and choosing splits (never test). Prints each event and the counts.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner import clean  # noqa: E402
from cleaner.stages.assemble.assembler import Assembler  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from seg_errors import analyse, maker_for, owners_by_offset  # noqa: E402

STEPS = ("drafts", "reunite", "reclaim_tails", "reclaim_closed_tails", "reclaim_head_tails",
         "reclaim_sections", "reclaim_leads")
SNAPS: list = []


def _snap(asm, name, drafts):
    """Keep the drafts' paragraphs and titles (as line numbers) after step ``name``, and the
    first line of each paragraph A001 healed so far."""
    healed = {c.span[0] for c in asm.changes if c.rule == "A001" and c.action == "heal"}
    SNAPS.append((name, [[tuple(b.lines) for b in d.body if b.kind == "paragraph"] for d in drafts],
                  [d.title.lines if d.title is not None else () for d in drafts], healed))


def _wrap(name):
    """Make the assembler's step ``name`` keep its drafts (:func:`_snap`) as it returns them."""
    orig = getattr(Assembler, name)

    def f(self, *a, **k):
        out = orig(self, *a, **k)
        _snap(self, name, out)
        return out
    setattr(Assembler, name, f)


for _n in STEPS:
    _wrap(_n)


def fate(s, name: str, g: int) -> str:
    """The mechanism that lost gold article ``g``'s tail on page ``s`` (SNAPS filled by its clean)."""
    starts, owners = owners_by_offset(s)
    SNAPS.clear()
    page = clean(s.raw, name=name + ".txt")

    def own(k):
        o = owners[bisect.bisect_right(starts, page.lines[k].start) - 1]
        return o[1] if o[0] == "para" else None

    def home(drafts, titles):
        """Draft holding g's title, else the one holding most of g's lines."""
        hd = [n for n, t in enumerate(titles) if any(
            owners[bisect.bisect_right(starts, page.lines[k].start) - 1][:2] == ("head", g) for k in t)]
        return hd[0] if hd else None

    def lost(drafts, h):
        """g's text lines in drafts other than its headline's (draft h)."""
        return {k for n, d in enumerate(drafts) if n != h for p in d for k in p if own(k) == g}

    first, healed = SNAPS[0][1], SNAPS[0][3]
    for d in first:
        for p in d:
            os = {own(k) for k in p} - {None}
            if g in os and len(os) > 1:
                seams = [p[t] for t in range(1, len(p)) if own(p[t]) != own(p[t - 1])]
                by = "heal" if any(page.lines[k].start in healed for k in seams) else "lines"
                side = "rest" if own(p[0]) != g else "open"
                return f"glued ({by}, {side})"
    rows = []
    for step, drafts, titles, _ in SNAPS:
        h = home(drafts, titles)
        rows.append((step, h, lost(drafts, h), drafts))
    hist = " ".join(f"{st}:{len(l)}" for st, _, l, _ in rows)
    for (_, _, l0, _), (st1, _, l1, _) in zip(rows, rows[1:]):
        if l1 - l0:
            return ("reunite wrong " if st1 == "reunite" else f"moved wrong ({st1}) ") + hist
    at = [st for st, *_ in rows].index("reclaim_closed_tails")
    closed = rows[at][2]
    if not closed:
        return "after the reclaims " + hist
    if len(closed) < len(rows[0][2]):
        return "partial " + hist
    h = rows[at][1]
    where = "?"
    if h is not None:
        for n, d in enumerate(rows[at][3]):
            ks = [i for i, p in enumerate(d) if any(own(k) == g for k in p)]
            if ks and n != h:
                where = "head" if ks[0] == 0 else "end" if ks[-1] == len(d) - 1 else "middle"
                break
    return f"never moved ({where}) " + hist


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["train", "valid", "wide", "fresh"])
    ap.add_argument("--pages", type=int)
    ap.add_argument("--only")
    args = ap.parse_args(argv)
    maker, seed = maker_for(args.split)
    folder = ROOT / "benchmarks" / "splits" / args.split
    names = sorted(p.name[: -len(".gold.json")] for p in folder.glob("*.gold.json"))[: args.pages]
    if args.only:
        names = [n for n in names if args.only in n]
    counts = collections.Counter()
    for name in names:
        s = maker.page(page_seed(seed, int(name[1:])), name=f"{name}.txt")
        if not s.lines:
            continue
        for e in analyse(name, s):
            if not e["cause"].startswith("tail given"):
                continue
            g = int(e["detail"].split()[0][1:])
            f = fate(s, name, g)
            counts[f.split(" drafts:")[0]] += 1
            print(name, e["layout"], e["detail"], "->", f)
    print(dict(counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
