"""Measure what an OCR engine does to newspaper text, for the synthesiser's OCR style.

    python benchmarks/ocr_noise.py DIR... [-o cleaner/synth/ocr_noise.json] [--pairs N]

Each ``DIR`` holds ``NAME.txt`` (what Tesseract read) and ``NAME.gold.json`` (the page's gold),
as ``benchmarks/ocr_set.py`` writes them. The gold's texts (headings, bylines, paragraphs with
their datelines, captions, pull quotes, furniture) are laid end to end; each block of the OCR
text (lines between blank lines) is found in them (rapidfuzz ``partial_ratio_alignment``) and
aligned character by character (Levenshtein opcodes). Small edits (at most three characters a
side) are the recognition noise; longer ones are where a block runs across two gold texts and
are not counted. Measured:

- Han characters read as another (the confusion pairs, with counts), or dropped;
- each full-width mark's readings (itself, half-width, another mark, nothing): ``（`` as ``〈``,
  ``《``, ``“``, ``(``; ``——`` as ``一一``; ``：`` as ``:``;
- stray characters put in: after a mark (``人``, ``和``), a digit by ``%``, others; blanks put
  in between Han and digits or Latin, after a half-width mark, elsewhere;
- byline ornaments (◎ ★ …: print only, read off the PDF text layer) and what they became;
- layout: whether a paragraph's first line, a line inside a paragraph, a heading follow a
  blank line; lines of a column's stretch of text; junk lines (short lines found nowhere in
  the gold); a title read in one block or in pieces, and how garbled.

With ``-o`` the rates are written as the synthesiser's data file (the shipped one is
``cleaner/synth/ocr_noise.json``; it names the folders it was measured on).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.chars import HAN  # noqa: E402

HAN_RE = re.compile(f"[{HAN}]")
FULL_MARKS = "，。、；：！？“”‘’（）《》—…·"
HALF_MARKS = ",.;:!?()\"'<>-"
SMALL = 3  # an edit longer than this on either side is a misalignment, not noise
ORNAMENTS = "◎□■●○▲★◇"


def is_han(c: str) -> bool:
    return bool(HAN_RE.match(c))


def gold_texts(gold: dict) -> list[tuple[str, str]]:
    """The gold's texts as ``(kind, text)``: heading, byline, paragraph, subhead, caption…"""
    out = []
    for art in gold["articles"]:
        for key in ("kicker", "title", "subtitle", "byline"):
            if art.get(key):
                out.append((key, art[key]))
        for b in art["blocks"]:
            out.append((b["kind"], b["text"]))
        for c in art.get("captions", []):
            out.append(("caption", c))
        for q in art.get("pullquotes", []):
            out.append(("pullquote", q))
    for d in gold.get("dropped", []):
        out.append(("dropped", d["text"]))
    return out


class Tally:
    def __init__(self):
        self.kind = "text"
        self.c = Counter()
        self.han_pairs = Counter()
        self.marks = {m: Counter() for m in FULL_MARKS}
        self.ins_after_mark = Counter()
        self.ins_other = Counter()
        self.ornaments = Counter()
        self.junk = Counter()
        self.stretch = Counter()
        self.title_cer = []

    def page(self, txt: str, gold: dict, printed: str | None) -> None:
        texts = gold_texts(gold)
        flat, starts = "", {}
        for kind, t in texts:
            starts[len(flat)] = kind
            self.c["gold_blanks"] += t.count(" ")
            flat += t.replace(" ", "") + "\n"
        blocks, cur = [], []
        for ln in txt.split("\n"):
            if ln.strip():
                cur.append(ln.rstrip())
            elif cur:
                blocks.append(cur)
                cur = []
        if cur:
            blocks.append(cur)
        self.c["pages"] += 1
        # (gold offset of each line's first and last character, or None) in page order
        placed = []
        for bi, lines in enumerate(blocks):
            b = "".join(lines)
            if len(b.replace(" ", "")) <= 3:
                al = fuzz.partial_ratio_alignment(b.replace(" ", ""), flat) if len(b.replace(" ", "")) >= 2 else None
                if al is None or al.score < 67:
                    self.c["junk_lines"] += 1
                    self.junk[b.replace(" ", "")] += 1
                    for ln in lines:
                        placed.append((bi, None, None, True))
                    continue
            al = fuzz.partial_ratio_alignment(b, flat)
            if al is None or al.score < 60:
                self.c["unplaced_blocks"] += 1
                for ln in lines:
                    placed.append((bi, None, None, False))
                continue
            g0, g1 = al.dest_start, al.dest_end
            # widen a little: partial alignment cuts off dropped ends
            g0, g1 = max(0, g0 - 2), min(len(flat), g1 + 2)
            seg = flat[g0:g1]
            k0 = max(o for o in starts if o <= al.dest_start)
            self.kind = "heading" if starts[k0] in ("title", "subtitle", "kicker") else "text"
            gmap = self._align(seg, b)
            pos = 0
            for ln in lines:
                lo = next((gmap[j] for j in range(pos, pos + len(ln)) if gmap.get(j) is not None), None)
                hi = next((gmap[j] for j in range(pos + len(ln) - 1, pos - 1, -1) if gmap.get(j) is not None), None)
                placed.append((bi, None if lo is None else g0 + lo, None if hi is None else g0 + hi, False))
                pos += len(ln)
        self._layout(placed, flat, starts)
        self._titles(texts, txt)
        if printed is not None:
            self._ornaments(printed, txt)

    def _align(self, g: str, b: str) -> dict:
        """Count the small edits turning gold ``g`` into OCR ``b``; return b index -> g index.
        Blanks are counted on their own and left out of the alignment (an aligner would
        otherwise pair ``：`` with the blank after a ``:`` read for it)."""
        self._blanks(b)
        keep = [j for j, ch in enumerate(b) if ch != " "]
        bn = "".join(b[j] for j in keep)
        gmap = {}
        ops = list(Levenshtein.opcodes(g, bn))
        for n, op in enumerate(ops):
            tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
            edge = n == 0 or n == len(ops) - 1
            if tag == "equal":
                for k in range(i2 - i1):
                    gmap[keep[j1 + k]] = i1 + k
                    self._seen(g[i1 + k])
                    if g[i1 + k] in self.marks:
                        self.marks[g[i1 + k]][g[i1 + k]] += 1
                continue
            if edge and tag == "delete":
                continue
            if i2 - i1 > SMALL or j2 - j1 > SMALL:
                self.c["long_edits"] += 1
                continue
            gs, bs = g[i1:i2], bn[j1:j2]
            if len(gs) == len(bs) and gs:
                for k, (x, y) in enumerate(zip(gs, bs)):
                    self._seen(x)
                    self._sub(x, y)
                    gmap[keep[j1 + k]] = i1 + k
                continue
            if not gs:
                self._inserts(bn, j1, j2)
                continue
            if not bs:
                for x in gs:
                    self._seen(x)
                    self._drop(x)
                continue
            # unequal: pair what pairs, the rest dropped or inserted
            n_pair = min(len(gs), len(bs))
            for k in range(n_pair):
                self._seen(gs[k])
                self._sub(gs[k], bs[k])
            for x in gs[n_pair:]:
                self._seen(x)
                self._drop(x)
            if len(bs) > n_pair:
                self._inserts(bn, j1 + n_pair, j2)
        return gmap

    def _seen(self, x: str) -> None:
        self.c["chars"] += 1
        if is_han(x):
            self.c["han"] += 1
            self.c[f"han_{self.kind}"] += 1
        elif x in FULL_MARKS:
            self.c["marks_seen"] += 1
        elif x.isdigit():
            self.c["digits"] += 1
        elif x.isascii() and x.isalpha():
            self.c["latin"] += 1

    def _sub(self, x: str, y: str) -> None:
        if x == y:
            if x in self.marks:
                self.marks[x][x] += 1
            return
        if x in self.marks:
            self.marks[x][y] += 1
        elif is_han(x):
            self.c["han_sub"] += 1
            self.c[f"han_sub_{self.kind}"] += 1
            self.han_pairs[(x, y)] += 1
        elif x.isdigit():
            self.c["digit_sub"] += 1
        else:
            self.c["other_sub"] += 1

    def _drop(self, x: str) -> None:
        if x == "\n":
            return
        if x in self.marks:
            self.marks[x][""] += 1
        elif is_han(x):
            self.c["han_drop"] += 1
        else:
            self.c["other_drop"] += 1

    def _inserts(self, b: str, j1: int, j2: int) -> None:
        for j in range(j1, j2):
            y = b[j]
            prev = b[j - 1] if j else ""
            nxt = b[j + 1] if j + 1 < len(b) else ""
            if "%" in (prev, nxt) and y.isdigit() or (y == "%" and (prev.isdigit() or nxt.isdigit())):
                self.c["ins_percent"] += 1
            elif prev and (prev in FULL_MARKS or prev in HALF_MARKS):
                self.c["ins_after_mark"] += 1
                self.ins_after_mark[y] += 1
            else:
                self.c["ins_other"] += 1
                self.ins_other[y] += 1

    def _blanks(self, b: str) -> None:
        """Blanks the engine put in, by where they stand; and the places one could stand
        between Han and a digit or Latin letter."""
        for j, ch in enumerate(b):
            prev = b[j - 1] if j else ""
            nxt = b[j + 1] if j + 1 < len(b) else ""
            if ch != " ":
                if ch in HALF_MARKS:
                    self.c["half_marks"] += 1
                if (is_han(ch) and nxt.isascii() and nxt.isalnum()) or (ch.isascii() and ch.isalnum() and is_han(nxt)):
                    self.c["han_alnum_bound"] += 1
                continue
            if prev in HALF_MARKS and prev:
                self.c["blank_after_half_mark"] += 1
            elif (is_han(prev) and nxt.isascii() and nxt.isalnum()) or (prev.isascii() and prev.isalnum() and is_han(nxt)):
                self.c["blank_han_alnum"] += 1
                self.c["han_alnum_bound"] += 1
            elif prev and nxt and prev != " ":
                self.c["blank_other"] += 1

    def _layout(self, placed, flat: str, starts: dict) -> None:
        """Line-to-line transitions: after a blank line or not, to a paragraph's start, inside
        a paragraph, or elsewhere."""
        para_starts = {o for o, k in starts.items() if k == "paragraph"}
        head_starts = {o for o, k in starts.items() if k in ("title", "subtitle", "kicker", "subhead", "byline")}
        run = 0
        for (b1, lo1, hi1, junk1), (b2, lo2, hi2, junk2) in zip(placed, placed[1:]):
            blank = b1 != b2
            if junk1 or junk2 or lo2 is None or hi1 is None:
                continue
            if lo2 in para_starts or (lo2 - 1 in para_starts and flat[lo2 - 1] != "\n"):
                key = "para_start"
            elif lo2 in head_starts or hi1 + 2 in head_starts or hi1 + 1 in head_starts:
                key = "heading"
            elif 0 < lo2 - hi1 <= 3 and "\n" not in flat[hi1 + 1:lo2]:
                key = "inside"
            else:
                key = "jump"
            self.c[f"{key}_{'blank' if blank else 'tight'}"] += 1
            if key == "inside" or key == "para_start":
                run += 1
            if blank and key == "inside":
                self.stretch[run] += 1
                run = 0
            if blank and key == "jump":
                run = 0

    def _titles(self, texts, txt: str) -> None:
        lines = [ln.strip() for ln in txt.split("\n") if ln.strip()]
        for kind, t in texts:
            if kind != "title" or len(t) < 4:
                continue
            self.c["titles"] += 1
            tt = t.replace(" ", "")
            best = max(lines, key=lambda ln: fuzz.ratio(tt, ln.replace(" ", "")))
            r = fuzz.ratio(tt, best.replace(" ", ""))
            if r >= 95:
                self.c["title_whole"] += 1
            else:
                # read in two pieces, far apart: its halves each found on a line of its own,
                # the lines not next to each other
                half = len(tt) // 2
                a = max(range(len(lines)), key=lambda i: fuzz.partial_ratio(tt[:half], lines[i].replace(" ", "")))
                b = max(range(len(lines)), key=lambda i: fuzz.partial_ratio(tt[half:], lines[i].replace(" ", "")))
                if a != b and fuzz.partial_ratio(tt[:half], lines[a]) >= 80 and fuzz.partial_ratio(tt[half:], lines[b]) >= 80:
                    self.c["title_apart" if abs(a - b) > 1 else "title_two_lines"] += 1
                # in pieces: two lines that together cover it
                cover = [ln for ln in lines if len(ln.replace(" ", "")) >= 2 and ln.replace(" ", "") in tt]
                if len(cover) >= 2 and sum(len(c.replace(" ", "")) for c in cover) >= len(tt) - 2:
                    self.c["title_pieces"] += 1
                elif r >= 70:
                    self.c["title_garbled"] += 1
                else:
                    self.c["title_other"] += 1

    def _ornaments(self, printed: str, txt: str) -> None:
        for m in re.finditer(f"([{ORNAMENTS}]) ?(\\S{{4,8}})", printed):
            orn, after = m.group(1), m.group(2)
            at = txt.find(after[:4])
            if at < 0:
                continue
            before = txt[max(0, at - 3):at].split("\n")[-1].strip()
            self.c["ornaments"] += 1
            self.ornaments[(orn, before)] += 1


def rates(t: Tally, dirs: list[str], pairs: int) -> dict:
    c = t.c
    han = max(1, c["han"])
    chars = max(1, c["chars"])
    marks = {}
    for m, cnt in t.marks.items():
        total = sum(cnt.values())
        if total >= 5:
            marks[m] = {"n": total, "readings": {k: round(v / total, 4) for k, v in cnt.most_common() if k != m or True}}
    inside = c["inside_blank"] + c["inside_tight"]
    para = c["para_start_blank"] + c["para_start_tight"]
    head = c["heading_blank"] + c["heading_tight"]
    stretch_n = sum(t.stretch.values())
    mean_stretch = sum(k * v for k, v in t.stretch.items()) / max(1, stretch_n)
    titles = max(1, c["titles"])
    return {
        "measured_on": dirs,
        "pages": c["pages"],
        "characters": c["chars"],
        "recognition": {
            "han_substitute": round(c["han_sub_text"] / max(1, c["han_text"]), 5),
            "han_substitute_heading": round(c["han_sub_heading"] / max(1, c["han_heading"]), 5),
            "han_drop": round(c["han_drop"] / han, 5),
            "digit_substitute": round(c["digit_sub"] / max(1, c["digits"]), 5),
            "insert_after_mark": round(c["ins_after_mark"] / max(1, c["marks_seen"]), 5),
            "insert_by_percent": round(c["ins_percent"] / max(1, c["percent"]), 5),
            "insert_other": round(c["ins_other"] / chars, 5),
            "blank_han_alnum": round(c["blank_han_alnum"] / max(1, c["han_alnum_bound"]), 4),
            "blank_after_half_mark": round(c["blank_after_half_mark"] / max(1, c["half_marks"]), 4),
            # (less the blanks gold has: a byline's, a caption's credit)
            "blank_other": round(max(0, c["blank_other"] - c["gold_blanks"]) / chars, 5),
        },
        "inserted_after_mark": dict(t.ins_after_mark.most_common(12)),
        "inserted_other": dict(t.ins_other.most_common(12)),
        "marks": marks,
        "han_confusions": [[x, y, n] for (x, y), n in t.han_pairs.most_common(pairs)],
        "ornaments": {f"{o}→{b}": n for (o, b), n in t.ornaments.most_common()},
        "layout": {
            "blank_before_paragraph": round(c["para_start_blank"] / max(1, para), 4),
            "blank_inside_paragraph": round(c["inside_blank"] / max(1, inside), 4),
            "blank_around_heading": round(c["heading_blank"] / max(1, head), 4),
            "stretch_lines_mean": round(mean_stretch, 2),
            "jump_transitions": round((c["jump_blank"] + c["jump_tight"]) / max(1, inside + para + head + c["jump_blank"] + c["jump_tight"]), 4),
            "junk_lines_per_page": round(c["junk_lines"] / max(1, c["pages"]), 3),
            "title_whole": round(c["title_whole"] / titles, 4),
            "title_pieces": round(c["title_pieces"] / titles, 4),
            "title_apart": round(c["title_apart"] / titles, 4),
            "title_two_lines": round(c["title_two_lines"] / titles, 4),
            "title_garbled": round(c["title_garbled"] / titles, 4),
            "title_other": round(c["title_other"] / titles, 4),
        },
        "junk": dict(t.junk.most_common(20)),
        "counts": dict(sorted(c.items())),
    }


def measure(dirs: list[str], printed_dir: Path | None = None) -> Tally:
    t = Tally()
    for d in dirs:
        for txt in sorted(Path(d).glob("*.txt")):
            gold_path = txt.with_name(txt.stem + ".gold.json")
            if not gold_path.exists():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = txt.read_text(encoding="utf-8")
            t.c["percent"] += sum(len(re.findall("%", b["text"])) for a in gold["articles"] for b in a["blocks"])
            printed = None
            if printed_dir is not None:
                p = printed_dir / txt.name
                if p.exists():
                    printed = p.read_text(encoding="utf-8")
            t.page(text, gold, printed)
    return t


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("-o", "--output")
    ap.add_argument("--pairs", type=int, default=400)
    ap.add_argument("--printed", help="folder of the same pages' PDF text layer (for the ornaments)")
    args = ap.parse_args(argv)
    t = measure(args.dirs, Path(args.printed) if args.printed else None)
    # (folders named from their benchmarks/ part: the file is the same wherever it was measured)
    names = ["/".join(Path(d).resolve().parts[Path(d).resolve().parts.index("benchmarks"):])
             if "benchmarks" in Path(d).resolve().parts else d for d in args.dirs]
    r = rates(t, names, args.pairs)
    show = {k: v for k, v in r.items() if k not in ("han_confusions", "counts")}
    print(json.dumps(show, ensure_ascii=False, indent=1))
    print("han confusions:", len(r["han_confusions"]), r["han_confusions"][:30])
    print("counts:", r["counts"])
    if args.output:
        Path(args.output).write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
