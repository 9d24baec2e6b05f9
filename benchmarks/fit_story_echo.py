"""Measure the cue behind A003 ``subhead_echo_above`` (cleaner/stages/assemble/story_echo.py):
how well a lone heading's echo of its article's lead, and that echo as far as the paragraph
right above the heading repeats it too, tell a subhead from a title set after its text.

    python benchmarks/fit_story_echo.py benchmarks/splits/train [benchmarks/splits/xwlb ...]

For every page the cleaner is run as ``cleaner clean`` runs it; every heading group of one
heading between two paragraphs the decoder weighs is labelled by the gold page (a subhead; a
title, of the article before it: set after its text, or of the article after it), and the
heading's word-pair echo (``affinity``) of the paragraph above, the paragraph below and the gold
lead of the article the paragraph above belongs to is taken. Prints, per folder, the mean echoes
of each class and the AUC with which each measure tells a subhead from a title after its text
(the subhead reading's competitor where the lead's echo weighs). Measure, never fit, on check
splits (xwlb, fresh).
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleaner  # noqa: E402
from cleaner.chars import nows  # noqa: E402
from cleaner.stages.assemble import decode  # noqa: E402
from cleaner.stages.assemble.text import affinity  # noqa: E402


def rows_of(path: Path) -> list[dict]:
    """(class, echoes) of each lone heading between two paragraphs on one page."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    subs = {nows(b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "subhead"}
    title_of = {nows(a.get("title") or ""): i for i, a in enumerate(gold["articles"])}
    article_of = {nows(b["text"])[:12]: i for i, a in enumerate(gold["articles"])
                  for b in a["blocks"] if b["kind"] == "paragraph"}
    seen: dict = {}
    real = decode.Decoding.segment

    def spy(self, units):
        seq = self.groups(units)
        art = [None if isinstance(u, list) else article_of.get(nows(u.text)[:12]) for u in seq]
        for t, g in enumerate(seq):
            if not isinstance(g, list) or len(g) != 1 or g[0].kind != "heading" or t == 0 \
                    or t + 1 >= len(seq) or isinstance(seq[t - 1], list) or isinstance(seq[t + 1], list):
                continue
            h = nows(g[0].text)
            a = title_of.get(h)
            kind = "sub" if h in subs else "after" if a is not None and a == art[t - 1] \
                else "before" if a is not None and a == art[t + 1] else None
            lead = next((u for u, x in zip(seq, art) if x is not None and x == art[t - 1]), None)
            if kind is None or lead is None:
                continue
            seen[(t, h)] = dict(kind=kind, lead=affinity(g[0].text, lead.text),
                                above=affinity(g[0].text, seq[t - 1].text), below=affinity(g[0].text, seq[t + 1].text))
        return real(self, units)

    decode.Decoding.segment = spy
    try:
        cleaner.clean(path.read_text(encoding="utf-8"), name=path.name)
    finally:
        decode.Decoding.segment = real
    return list(seen.values())


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a title's measure > a subhead's), ties half: the pairs compared by sorting."""
    both = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    wins, k, neg_below = 0.0, 0, 0
    while k < len(both):
        j = k
        while j < len(both) and both[j][0] == both[k][0]:
            j += 1
        p = sum(y for _, y in both[k:j])
        n = (j - k) - p
        wins += p * (neg_below + n / 2)
        neg_below += n
        k = j
    return wins / (len(pos) * len(neg)) if pos and neg else float("nan")


MEASURES = {"lead": lambda r: r["lead"], "above": lambda r: r["above"],
            "min(lead, above)": lambda r: min(r["lead"], r["above"])}


def main(argv: list[str]) -> int:
    for d in map(Path, argv):
        rows = [r for page in sorted(d.glob("*.txt")) if page.with_name(page.stem + ".gold.json").exists()
                for r in rows_of(page)]
        print(f"== {d.name}: {len(rows)} lone headings between paragraphs")
        for kind in ("sub", "after", "before"):
            rs = [r for r in rows if r["kind"] == kind]
            if rs:
                print(f"  {kind:6s} {len(rs):5d}  " + "  ".join(
                    f"{m} {statistics.mean(r[m] for r in rs):.3f} (>0: {sum(r[m] > 0 for r in rs) / len(rs):.0%})"
                    for m in ("lead", "above", "below")))
        sub = [r for r in rows if r["kind"] == "sub"]
        after = [r for r in rows if r["kind"] == "after"]
        print("  subhead vs title after its text, AUC: " + ", ".join(
            f"{name} {auc([f(r) for r in after], [f(r) for r in sub]):.3f}" for name, f in MEASURES.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
