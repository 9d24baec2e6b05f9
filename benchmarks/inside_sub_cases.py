"""Where the decoder read a headline group as set inside its article's text with a subhead under
it (issue #14: ``inside`` at k = len(group) - 1, :meth:`Readings.group_options`), and what the
gold pages say that last heading is.

    python benchmarks/inside_sub_cases.py SPLIT [-j 2]

One row per such group: page, the group's form (h heading, b byline, in order), the gold role
of its last heading (sub: a subhead, right; title, subt: the next article's title or the
headline's own subtitle; other: neither, mostly a text line labelled a heading), whether a
dash-led subtitle is in the headline part above it, the last heading's echo of the paragraph
under it (its share of word pairs repeated), its length (blanks left out) and the group's
text. Then the counts by role, by the part's ending (a dash-led subtitle, a byline right above
the last heading, or neither) and by length. The test split is refused.

Why: the reading is right about as often as not (train 13 of 21), and pricing it by one cue
moved its errors to the readings next to it (whole group inside: a text line read as a
subtitle). The rows show which cue parts them, and what the group is instead.

Counts (shipped rules), right / wrong where the part above the last heading has no dash-led
subtitle and the heading is 10 characters or more: train 0 / 5, valid 0 / 7, wide 1 / 1, fresh
1 / 6; elsewhere train 13 / 3, valid 5 / 1, wide 7 / 4, fresh 11 / 4. Of the wrong ones many
are text lines labelled headings (valid 5 of 7), which read otherwise become subtitles.

Tried (A003, assemble_sweep.py, train / valid / wide / fresh seg, titles, subtitles) and not
kept, each a cost added to this reading only:
- a flat 0.5-5 where the part ends on neither a dash-led subtitle nor a byline: train seg
  94.71 -> 94.84, titles 88.29 -> 88.21, subtitles 81.82 -> 81.09 (at 1); valid subtitles
  86.99 -> 85.94; wide seg 92.98 -> 92.85 from 2.
- 2-10 times the last heading's echo of the paragraph under it, where the part ends on neither
  (at 3): train seg 94.84, subtitles 81.37, CER 3.85 -> 3.76 (t0009 read right); valid, wide,
  fresh unchanged; xwlb seg 87.37 -> 87.22, subheads 59.32 -> 58.47. Where the part has no
  dash-led subtitle (byline-closed too), at 4: valid titles 90.10 -> 90.30, subtitles -> 86.29.
- 1-4 where the last heading is 10 (or 9, 11) characters or more: at 2 train titles 88.45,
  bylines 88.65 -> 88.50; valid titles 90.30, subtitles 85.60; wide seg 92.88, titles 87.55,
  subtitles 82.31; fresh subtitles 76.08. Gated on no dash-led subtitle above, at 1: wide
  unchanged, valid titles 90.30 but subtitles 85.94, fresh subtitles 76.04, train seg 94.67.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner.chars import nows  # noqa: E402
from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.rules import default_rules  # noqa: E402
from cleaner.stages.assemble.text import _DASH, affinity  # noqa: E402
from trace_segments import traced  # noqa: E402

LONG = 10  # the length (characters) the counts split at: a debugging view, not a rule


def gold_role(heading: str, gold: dict) -> str:
    """The gold role of a heading's text: sub, title, subt or other (matched on a prefix, as a
    heading may be cut or joined)."""
    h = nows(heading)
    for role, texts in (("sub", [nows(b["text"]) for a in gold["articles"] for b in a["blocks"]
                                 if b["kind"] == "subhead"]),
                        ("title", [nows(a["title"]) for a in gold["articles"] if a.get("title")]),
                        ("subt", [nows(a["subtitle"]) for a in gold["articles"] if a.get("subtitle")])):
        if any(t.startswith(h) or h.startswith(t) for t in texts if t and h):
            return role
    return "other"


def rows(path: str) -> list[tuple]:
    """The rows of one page (see the module's docstring)."""
    gold = json.loads(Path(path).with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = Path(path).read_text(encoding="utf-8")
    a, units = traced(Page(name=path, source=text, rules=default_rules(), overlay=Overlay(text)))
    seq = a.groups(units)
    out = []
    for t, item, kind, k, _, _ in a.trace:
        if not (isinstance(item, list) and kind == "inside" and k == len(item) - 1):
            continue
        nxt = a.next_paragraph(seq, t)
        dashed = any(b.kind == "heading" and _DASH.match(b.text) for b in item[:-1])
        ending = "dash" if dashed else "byline" if item[-2].kind == "byline" else "open"
        echo = affinity(item[-1].text, nxt.text) if nxt is not None else 0.0
        out.append((Path(path).stem, "".join(b.kind[0] for b in item), gold_role(item[-1].text, gold),
                    ending, round(echo, 2), len(nows(item[-1].text)), " / ".join(b.text[:12] for b in item)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args()
    if args.split == "test":
        ap.error("the test split is held out")
    files = sorted(str(p) for p in (ROOT / "benchmarks" / "splits" / args.split).glob("*.txt"))
    with Pool(args.jobs) as pool:
        found = [r for page in pool.imap(rows, files) for r in page]
    for r in found:
        print(*r, sep="\t")
    counts = collections.Counter((r[2] == "sub", r[3], r[5] >= LONG) for r in found)
    print(f"\n{len(found)} groups; right (sub) / wrong by the part's ending and length >= {LONG}:")
    for ending in ("dash", "byline", "open"):
        for long_ in (False, True):
            print(f"  {ending:6s} {'long ' if long_ else 'short'}: {counts[(True, ending, long_)]} right"
                  f" / {counts[(False, ending, long_)]} wrong")


if __name__ == "__main__":
    main()
