"""Recognition errors left in the cleaner's output of OCR pages, and how precise its
look-alike corrections (O007, O022, O027, O039) were: the OCR issue's figures the scorer does not print.

    python benchmarks/ocr_errors.py GOLD_DIR... [--rules DIR] [--ceiling [-v]]

- **recognition errors**: each gold paragraph is paired with the output paragraph most like it
  (rapidfuzz ratio of 85 or more: a paragraph the layout stages got right, give or take the
  OCR's slips); the characters inserted, dropped and replaced between the two, over the gold
  paragraphs' characters. Paragraphs the layout lost are not counted here (CER counts them).
- **look-alike corrections**: every O007, O022, O027 and O039 change (and apart, rule by rule, each
  O029, O030, O031, O032 and O056 change), judged against the gold text of the page:
  right where the corrected context (four characters either side) is in the gold and the read
  one is not, wrong where the read one is, unknown otherwise (another slip nearby).
- **ceiling** (``--ceiling``): the heading fields scored exactly (title, subtitle, byline,
  dateline), each gold value the cleaner missed put in one class: ``raw`` (the value stands
  in the raw text, blanks and ornaments aside: a layout miss), ``repaired`` (only after the
  normalise and ocr stages' repairs), ``near`` (misread by one or two characters: the
  output's value that far from it), ``misread`` (neither: lost whatever the layout does). A
  layout miss is told by where the value went: another article's field, a subhead, a body
  paragraph (``+`` where joined to more), or ``pair`` (the article paired with too little of
  its body). With ``-v`` each miss is listed. Shares are of the gold values (evaluate.py's
  field accuracy counts a value the output set on an article the gold has not, too).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cleaner  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from fit_lookalikes import gold_text  # noqa: E402

_WS = re.compile(r"\s+")
#: the look-alike rules, judged together, and the other repairs judged rule by rule (each
#: change's one-character context as read against the gold text, as for the look-alikes)
LOOKALIKE_RULES = ("O007", "O022", "O027", "O039")
JUDGED_RULES = ("O029", "O030", "O031", "O032", "O056", "O057", "O058", "O059", "O060")


def one_dir(d: Path, rules) -> dict:
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    out: Counter = Counter()
    for txt in sorted(d.glob("*.txt")):
        gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        page = cleaner.clean(text, name=txt.name, rules=rules)
        pd = cleaner.page_dict(page)
        pred = [_WS.sub("", b["text"]) for a in pd["articles"] for b in a["blocks"] if b["kind"] == "paragraph"]
        for a in gold["articles"]:
            for b in a["blocks"]:
                if b["kind"] != "paragraph":
                    continue
                g = _WS.sub("", b["text"])
                out["gold_paragraphs"] += 1
                best = process.extractOne(g, pred, scorer=fuzz.ratio) if pred else None
                if not best or best[1] < 85:
                    continue
                out["paired"] += 1
                out["chars"] += len(g)
                for op in Levenshtein.editops(best[0], g):
                    out[op.tag] += 1
        gflat = gold_text(gold)
        flat, at = [], {}
        for i, c in enumerate(page.source):
            if not c.isspace():
                at[i] = len(flat)
                flat.append(c)
        flat = "".join(flat)
        for c in page.changes:
            lookalike = c.rule in LOOKALIKE_RULES
            if not lookalike and c.rule not in JUDGED_RULES:
                continue
            k = at.get(c.span[0], None)
            if k is None:  # (an insertion at a blank: the count of characters before it)
                k = len(_WS.sub("", page.source[:c.span[0]]))
            lo = max(0, k - 4)
            read = flat[lo:k + 5]
            gone = sum(1 for ch in c.before if not ch.isspace())
            meant = read[:k - lo] + c.after + read[k - lo + gone:]
            verdict = "right" if meant in gflat and read not in gflat else "wrong" if read in gflat else "unknown"
            out[("fix_" if lookalike else c.rule + "_") + verdict] += 1
    return out


FIELDS = ("title", "subtitle", "byline", "dateline")


def _where(value: str, pred: dict, mine: int | None, norm) -> str:
    """Where the output put a heading field's gold ``value``: the field or block kind holding
    it, in the paired article (``same.``) or another, ``+`` where joined to more."""
    found = set()
    for k, a in enumerate(pred["articles"]):
        own = "same." if k == mine else "other."
        held = [(f, a.get(f)) for f in ("kicker", *FIELDS)] + [(b["kind"], b["text"]) for b in a["blocks"]]
        for kind, text in held:
            t = norm(text)
            if t and value in t:
                found.add(own + kind + ("" if t == value else "+"))
    found.update("dropped" for b in pred.get("dropped", []) if value in norm(b["text"]))
    return ",".join(sorted(found)) or "nowhere"


def ceiling(d: Path, rules, verbose: bool = False) -> Counter:
    """The heading fields' misses on the pages of ``d`` by class (see the module's doc)."""
    from rapidfuzz.distance import Levenshtein

    from cleaner import scoring
    from cleaner.model import Overlay, Page
    from cleaner.stages import normalise, ocr

    out: Counter = Counter()

    def flat(text: str) -> str:
        return "".join(c for c in scoring.nows(scoring._nfc(text)) if c not in scoring.ORNAMENTS)

    for txt in sorted(d.glob("*.txt")):
        raw = txt.read_text(encoding="utf-8")
        gj = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        page = ocr.run(normalise.run(Page(name=txt.name, source=raw, rules=rules, overlay=Overlay(raw))))
        texts = flat(raw), flat(page.overlay.render(0, len(raw)))
        pj = cleaner.page_dict(cleaner.clean(raw, name=txt.name, rules=rules))
        gold, pred = scoring.coerce_page(gj, strict=True), scoring.coerce_page(pj)
        gold, pred = (x[0] if isinstance(x, tuple) else x for x in (gold, pred))
        pairs, _ = scoring.match_articles(gold, pred)
        for f in FIELDS:
            for gi, pi, sim in pairs:
                g = scoring.norm_field(gold[gi].fields[f])
                got = scoring.norm_field(pred[pi].fields[f]) if pi is not None else ""
                if not g:
                    continue
                out[f, "gold"] += 1
                if g == got:
                    out[f, "ok"] += 1
                    continue
                if g in texts[0] or g in texts[1]:
                    kind = "raw" if g in texts[0] else "repaired"
                    where = "pair" if pi is None or sim < scoring.SEG_MIN else _where(g, pj, pi, scoring.norm_field)
                    out[f, "cause " + where] += 1
                else:
                    kind = "near" if got and Levenshtein.distance(g, got) <= 2 else "misread"
                    where = ""
                out[f, kind] += 1
                if verbose:
                    print(f"  {txt.parent.name}/{txt.stem} {f} {kind} {where}: gold {g!r} got {got!r}")
    return out


def print_ceiling(name: str, o: Counter) -> None:
    for f in FIELDS:
        n = max(o[f, "gold"], 1)
        causes = sorted(((v, k[1][6:]) for k, v in o.items() if k[0] == f and k[1].startswith("cause ")), reverse=True)
        print(f"{name:<22} {f:<9} {o[f, 'gold']:>4} ok {100 * o[f, 'ok'] / n:5.1f}%  layout raw {o[f, 'raw']:>3} "
              f"repaired {o[f, 'repaired']:>3} (ceiling {100 * (o[f, 'ok'] + o[f, 'raw'] + o[f, 'repaired']) / n:5.1f}%)  "
              f"near {o[f, 'near']:>3} misread {o[f, 'misread']:>3}  | " + ", ".join(f"{k} {v}" for v, k in causes[:6]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--rules", action="append")
    ap.add_argument("--ceiling", action="store_true", help="the heading fields' misses by class")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --ceiling: list each miss")
    args = ap.parse_args(argv)
    rules = load_rules(args.rules)
    if args.ceiling:
        for d in args.dirs:
            print_ceiling("/".join(Path(d).parts[-2:]), ceiling(Path(d), rules, args.verbose))
        return 0
    print(f"{'set':<28} {'paired':>11} {'errors':>7} {'ins':>5} {'drop':>5} {'repl':>5}   look-alike fixes right/wrong/unknown   "
          "other repairs right/wrong/unknown")
    for d in args.dirs:
        o = one_dir(Path(d), rules)
        errs = o["insert"] + o["delete"] + o["replace"]
        name = "/".join(Path(d).parts[-2:])
        print(f"{name:<28} {o['paired']:>5}/{o['gold_paragraphs']:<5} {100 * errs / max(o['chars'], 1):6.2f}% "
              f"{o['delete']:>5} {o['insert']:>5} {o['replace']:>5}   "
              f"{o['fix_right']}/{o['fix_wrong']}/{o['fix_unknown']}   "
              + "  ".join(f"{r} {o[r + '_right']}/{o[r + '_wrong']}/{o[r + '_unknown']}" for r in JUDGED_RULES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
