"""Fit A003's lead_weights (an article's lead read at the end of the article before it) on
synthesised training pages.

    python benchmarks/fit_leads.py benchmarks/splits/train benchmarks/splits/hunt \\
        --validation benchmarks/splits/valid benchmarks/splits/wide

(``--overlay DIR`` also writes the weights, with ``--threshold``, as a rule folder for
``benchmarks/evaluate.py --rules DIR``). Deterministic: Newton's method to convergence, rows
in file order.

For every page the cleaner's drafts are made as ``cleaner clean`` makes them up to the step
that reclaims leads (``Assembler.reclaim_leads``: after reuniting, the tail reclaims and the
section reclaims), every run of a draft's last blocks it would weigh as the next draft's lead
is measured (``Assembler.lead_candidates`` and ``lead_cues``; not in a pair whose lead
A002's gates already move, :meth:`Assembler._best_lead`) and labelled by the
synthesiser's owners of the lines (the page made again from its seed, as
benchmarks/seg_errors.py makes it): the run is the next draft's lead when every paragraph of
it belongs to the article whose title the next draft has, and most of that draft's text is
that article's too (a draft given another article's title takes no lead: its title is wrong). A logistic regression of the label
on the cues (``cleaner.train.fit_weights``, a ridge on the standardised cues) gives the
weights, printed as the TOML table for rules/assemble.toml. Per pair of drafts the best run is
taken when its log-odds pass a threshold: how many taken runs are right and wrong, per
threshold (where ``lead_threshold`` is chosen, on the validation pages).

With ``--heads`` the same fits A001's ``head_tail_weights`` (an article's end read at the head
of the article after it, ``Assembler.reclaim_head_tails``): the drafts as that step gets them
(after the closed tails), every run of a draft's first blocks ``Assembler.head_tail_candidates``
yields measured by ``head_tail_cues`` and labelled the draft before's end when every paragraph
of it belongs to the article whose title that draft has, and most of its text is that
article's; ``--threshold`` is then ``head_tail_threshold``.
"""
from __future__ import annotations

import bisect
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner.model import Overlay, Page  # noqa: E402
from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages import PIPELINE  # noqa: E402
from cleaner.stages.assemble import Assembler  # noqa: E402
from cleaner.stages.assemble.leads import HEAD_TAIL_CUES, LEAD_CUES  # noqa: E402
from cleaner.train import fit_weights  # noqa: E402
from cleaner.synth import page_seed  # noqa: E402
from fit_closed_tails import fitting_parser, report as _report, write_overlay  # noqa: E402
from seg_errors import maker_for, owners_by_offset  # noqa: E402


def leads_of(path: Path, rules, maker, seed, heads: bool = False) -> list[tuple[tuple, tuple, bool]]:
    """((pair id), cue values, the next draft's lead?) for every run weighed on one page
    (with ``heads``: the draft before's end?, for every run at a draft's head)."""
    text = path.read_text(encoding="utf-8")
    page = Page(name=path.name, source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    drafts = a.reclaim_closed_tails(a.reclaim_tails(a.reunite(a.drafts())))
    if not heads:
        drafts = a.reclaim_sections(a.reclaim_head_tails(drafts))
    s = maker.page(page_seed(seed, int(path.stem[1:])), name=path.name)
    if not s.lines:
        return []
    starts, owners = owners_by_offset(s)

    def line_owner(k: int):
        return owners[bisect.bisect_right(starts, a.page.lines[k].start) - 1]

    def owner(b):
        votes = Counter(o[1] if o[0] in ("para", "sub") else None for o in map(line_owner, b.lines))
        return votes.most_common(1)[0][0]
    def title_owner(d):
        """The article whose title ``d`` has, where most of its text is that article's too."""
        votes = Counter(o[1] for o in map(line_owner, d.title.lines) if o[0] == "head")
        mine = votes.most_common(1)[0][0] if votes else None
        body = Counter()
        for b in d.paragraphs:
            body[owner(b)] += len(b.lines)
        return mine if body and body.most_common(1)[0][0] == mine else None
    out = []
    if heads:
        if not a.page.layout.columned:
            return []
        for i in range(1, len(drafts)):
            x, y = drafts[i - 1], drafts[i]
            ks = list(a.head_tail_candidates(x, y))
            if not ks:
                continue
            mine = title_owner(x)
            for k in ks:
                known = [o for o in map(owner, y.body[:k]) if o is not None]
                ok = mine is not None and bool(known) and all(o == mine for o in known)
                cues = a.head_tail_cues(x, y, k)
                out.append(((path.name, i), tuple(cues[c] for c in HEAD_TAIL_CUES), ok))
        return out
    for i in range(1, len(drafts)):
        x, y = drafts[i - 1], drafts[i]
        ks = list(a.lead_candidates(x, y))
        if not ks or a._best_lead(x, y, rules["A002"].params) is not None:
            continue  # (a pair the gates settle is not weighed)
        heads = Counter(o[1] for o in map(line_owner, y.title.lines) if o[0] == "head")
        mine = heads.most_common(1)[0][0] if heads else None
        body = Counter()
        for b in y.paragraphs:
            body[owner(b)] += len(b.lines)
        if not body or body.most_common(1)[0][0] != mine:
            mine = None  # (a draft whose title heads another article's text: no run is its lead)
        for k in ks:
            cues = a.lead_cues(x, y, k)
            known = [o for o in (owner(b) for b in x.body[-k:] if b.kind == "paragraph") if o is not None]
            ok = mine is not None and bool(known) and all(o == mine for o in known)
            out.append(((path.name, i), tuple(cues[c] for c in LEAD_CUES), ok))
    return out


def load(splits: list[Path], rules, heads: bool = False):
    rows = []
    for split in splits:
        maker, seed = maker_for(split.name)
        for page in sorted(split.glob("*.txt")):
            rows.extend(leads_of(page, rules, maker, seed, heads))
    return rows


def main() -> int:
    ap = fitting_parser(__doc__, 1.0, "the lead_threshold (head_tail_threshold) the overlay sets")
    ap.add_argument("--heads", action="store_true", help="fit A001's head_tail_weights instead")
    args = ap.parse_args()
    rules = load_rules(args.rules)
    cues, rule, key, what = (HEAD_TAIL_CUES, "A001", "head_tail", "tail") if args.heads else (LEAD_CUES, "A003", "lead", "run")
    train = load(args.train, rules, args.heads)
    print(f"train: {len(train)} runs, {sum(ok for *_, ok in train)} right", file=sys.stderr)
    weights = fit_weights([(x, ok) for _, x, ok in train], cues, args.ridge)
    table = f"{key}_weights = {{ " + ", ".join(f"{k} = {v}" for k, v in weights.items()) + " }"
    print(table)
    write_overlay(args.overlay, rule, f"{key}_threshold", args.threshold, table)
    sets = [("train", train)] + ([("validation", load(args.validation, rules, args.heads))] if args.validation else [])
    for name, rows in sets:
        print(name + ": " + "\n".join(_report(rows, weights, (0.0, 0.5, 1.0, 1.5, 2.0, 3.0), cues, what)))
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
