"""Fit A001's tail_closed_weights (a jumped tail of an article read at the end of a later one)
on synthesised training pages.

    python benchmarks/fit_closed_tails.py benchmarks/splits/train benchmarks/splits/hunt \\
        --validation benchmarks/splits/valid benchmarks/splits/wide

(the shipped ``tail_closed_weights`` are this command's output, verbatim, with the defaults:
ridge 1; ``--overlay DIR`` also writes them, with ``--threshold``, as a rule folder for
``benchmarks/evaluate.py --rules DIR``). The fit is deterministic: the same pages give the
same weights (Newton's method to convergence, no random start, rows in file order).

For every page the cleaner's drafts are made as ``cleaner clean`` makes them up to the step
that weighs jumped tails (``Assembler.reclaim_closed_tails``: after reuniting and the cut-tail
reclaim), every tail it would weigh is measured (``Assembler.closed_tail_candidates`` and
``closed_tail_cues``), and labelled by whose text each line is (the synthesiser's owner of the line, the page made again
from its seed as benchmarks/seg_errors.py makes it; on other pages the gold paragraph its
first characters are found in): the tail is the first draft's when every paragraph of it
belongs to the article most of that draft's lines belong to. A
logistic regression of the label on the cues (``cleaner.train.fit_weights``, a ridge on the
standardised cues) gives the weights, printed as the TOML table to put in rules/assemble.toml.
For each set, per pair of drafts the best tail is taken when its log-odds pass a threshold:
how many taken tails are right and wrong, and how many pairs had a right tail, per threshold
(where ``tail_closed_threshold`` is chosen, on the validation pages).
"""
from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages import PIPELINE  # noqa: E402
from cleaner.stages.assemble import Assembler  # noqa: E402
from cleaner.stages.assemble.confidence import odds  # noqa: E402
from cleaner.stages.assemble.reunite import _names  # noqa: E402
from cleaner.stages.assemble.text import joined_bigrams  # noqa: E402
from cleaner.train import fit_weights  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from fit_reunite import gold_owner, gold_path  # noqa: E402
from seg_errors import maker_for, owners_by_offset  # noqa: E402

CUES = ("gain", "ours", "against", "column", "column_apart", "half", "second", "open", "subhead", "position",
        "untitled")


def tails_of(path: Path, rules, maker=None, seed=None) -> list[tuple[tuple, tuple, bool]]:
    """((pair id), cue values, the first draft's?) for every tail weighed on one page."""
    text = path.read_text(encoding="utf-8")
    page = Page(name=path.name, source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    if not a.page.layout.columned:
        return []
    drafts = a.reclaim_tails(a.reunite(a.drafts()))
    # whose text each printed line is: the synthesiser's owner of the line (the page made again
    # from its seed, as benchmarks/seg_errors.py makes it), else the gold paragraph its first
    # characters are found in
    if maker is not None:
        s = maker.page(page_seed(seed, int(path.stem[1:])), name=path.name)
        starts, owners = owners_by_offset(s)

        def line_owner(k: int):
            o = owners[bisect.bisect_right(starts, a.page.lines[k].start) - 1]
            return o[1] if o[0] in ("para", "sub") else None

        def owner(b):
            votes = Counter(line_owner(k) for k in b.lines)
            return votes.most_common(1)[0][0]
    else:
        by_text = gold_owner(json.loads(gold_path(path).read_text(encoding="utf-8")))

        def owner(b):
            return by_text(b.text)
    p = rules["A001"].params
    out = []
    for i, x in enumerate(drafts):
        if not x.body or x.body[-1].kind != "paragraph" or (p["tail_closed_titled"] and x.title is None) \
                or not any(len(b.lines) > 1 for b in x.paragraphs):
            continue
        votes = Counter()
        for b in x.paragraphs:
            o = owner(b)
            if o is not None:
                votes[o] += len(b.lines)
        major = votes.most_common(1)[0][0] if votes else None
        col = next((b.width for b in reversed(x.paragraphs) if b.width), 0.0)
        own = joined_bigrams(tuple(b.text for b in x.paragraphs))
        own_names = _names([b.text for b in x.paragraphs])
        for d, e, m in a.closed_tail_candidates(drafts, i):
            cues = a.closed_tail_cues(x, e, m, d, col, own, own_names)
            known = [o for o in (owner(b) for b in e.body[m:] if b.kind == "paragraph") if o is not None]
            ok = major is not None and bool(known) and all(o == major for o in known)
            out.append(((path.name, i, d), tuple(cues[k] for k in CUES), ok))
    return out


def load(splits: list[Path], rules):
    rows = []
    for split in splits:
        try:  # a synthesised split: its pages are made again, to know each line's owner
            maker, seed = maker_for(split.name)
        except (KeyError, ValueError):
            maker, seed = None, None
        for page in sorted(split.glob("*.txt")):
            if gold_path(page).exists():
                rows.extend(tails_of(page, rules, maker, seed))
    return rows


def fit(rows, ridge: float) -> dict[str, float]:
    """The weights of a logistic regression of the label on the cues over ``rows`` (``(pair
    id, cue values in CUES' order, label)``, as :func:`tails_of` gives them)."""
    return fit_weights([(x, ok) for _, x, ok in rows], CUES, ridge)


def report(rows, weights, thresholds, cues=None, what: str = "tail") -> list[str]:
    """Per threshold, how many pairs of drafts the best-scored candidate of moves right and
    wrong (rows: ``(pair id, cue values in ``cues``' order, label)``; also fit_leads.py's;
    ``cues`` None: :data:`CUES` as it is when called, so a script that extends it is heard)."""
    cues = cues or CUES
    by = defaultdict(list)
    for key, x, ok in rows:
        by[key].append((odds(weights, dict(zip(cues, x))), ok))
    have = sum(1 for v in by.values() if any(ok for _, ok in v))
    out = [f"{len(by)} pairs of drafts, {have} with a right {what}"]
    for t in thresholds:
        best = [max(v) for v in by.values()]
        right = sum(1 for s, ok in best if s > t and ok)
        wrong = sum(1 for s, ok in best if s > t and not ok)
        out.append(f"  threshold {t:+.2f}: {right} right, {wrong} wrong")
    return out


def fitting_parser(description: str, threshold: float, threshold_help: str) -> argparse.ArgumentParser:
    """The arguments every pair-model fitting script takes (also fit_leads.py's)."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="+")
    ap.add_argument("--validation", type=Path, nargs="+")
    ap.add_argument("--ridge", type=float, default=1.0, help="ridge penalty on the standardised cues")
    ap.add_argument("--rules", action="append", help="a rule folder layered over rules/ (repeatable)")
    ap.add_argument("--overlay", type=Path, help="also write the weights as a rule folder here (for trying "
                    "them: evaluate.py --rules DIR)")
    ap.add_argument("--threshold", type=float, default=threshold, help=threshold_help)
    return ap


def write_overlay(folder: Path | None, rule_id: str, threshold_key: str, threshold: float, table: str) -> None:
    """The fitted weights (``table``, a TOML key) and a threshold as a rule folder to try."""
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "assemble.toml").write_text(
            f'stage = "assemble"\n[[rule]]\nid = "{rule_id}"\nparams = {{ {threshold_key} = {threshold}, '
            f'{table} }}\n', encoding="utf-8")


def main() -> int:
    args = fitting_parser(__doc__, 0.75, "the tail_closed_threshold the overlay sets").parse_args()
    rules = load_rules(args.rules)
    train = load(args.train, rules)
    print(f"train: {len(train)} tails, {sum(ok for *_, ok in train)} right", file=sys.stderr)
    weights = fit(train, args.ridge)
    table = "tail_closed_weights = { " + ", ".join(f"{k} = {v}" for k, v in weights.items()) + " }"
    print(table)
    write_overlay(args.overlay, "A001", "tail_closed_threshold", args.threshold, table)
    sets = [("train", train)] + ([("validation", load(args.validation, rules))] if args.validation else [])
    for name, rows in sets:
        print(name + ": " + "\n".join(report(rows, weights, (0.0, 0.5, 0.75, 1.0, 1.5))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
