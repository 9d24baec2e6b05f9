"""Fit and check the weights of C002 (columns read across, line by line) on typeset pages.

    python benchmarks/fit_interleave.py DIR [DIR ...] [--fit] [--rules FILE]

Each DIR is an extractor set split (``benchmarks/extractor_set/dev``, or pages made with
``benchmarks/extractor_set.py OUT --split fit:train:40:31``). The truth of every join is the
reading order of PyMuPDF's text of the same page (``DIR/pymupdf``), which reads each column
whole: a line's true predecessor is the line before it there. ``--fit`` fits the cue weights
by logistic regression (ridge, plain gradient descent) on every candidate join within the
window of the interleaved pages of pdfminer and pdftotext and prints them for
``rules/columns.toml``; without it, prints how many of the joins the shipped decoding gets
right (a line followed by its true successor) against the extractor's own order, and on the
decoded pages how many boxes whose true predecessor lies within the window were given it.
``--fit --pairwise`` fits by conditional logit instead (each box's true join against the other
candidates of the same box and opening a stream); on the 40 fitting pages it decodes no better
than the plain fit (pdfminer 80.7 % right joins either way), so the rule file keeps the plain one.
``--fit --structured`` fits the weights, ``start_cost`` and ``same_step`` together by an averaged
structured perceptron on the decoded readings (each fitting page decoded with the weights so far,
moved towards the reading the decoder gives when told the true joins): the layer
``benchmarks/c002_structured/`` was fitted so (``--epochs 6``), its figures in its file.
The lines are read as C002 reads them (poppler's lines of two columns cut in two where the
rules say ``cut_merged``), and the ``char_model`` cue is measured even where its weight is 0.
The layer with the character model and the cut was fitted so::

    python benchmarks/fit_interleave.py benchmarks/ext_fit/fit --fit --rules benchmarks/c002_char_model/

``--oracle OUT`` measures what each cause costs, end to end: it writes each page of pdfminer
and pdftotext read three ways the cleaner could at best read it, each a gold folder for
``evaluate.py --splits OUT``: ``DIR_EXT_order``, the extractor's lines in their true order
(what is left is the lines the extractor broke otherwise, two columns' lines printed as one);
``DIR_EXT_joins``, on the pages C002 reads across, every box given its true predecessor, however
far back, and read out as C002 reads streams out (:func:`interleave.emit`; what is left past
``_order`` is the readout, the boxes the decoding does not take, and the pages it does not read
across); ``DIR_EXT_streams``, the same streams, each read whole, in the true order of its first
line (what is left past ``_joins`` is the readout alone). CER / seg F1 on the fitting pages
(36 of each extractor): pdfminer as the cleaner reads it 45.1 / 47.9, ``_order`` 0.2 / 100,
``_joins`` 14.3 / 81.9, ``_streams`` 7.9 / 90.8; pdftotext 70.2 / 24.3, ``_order`` 34.4 / 54.6,
``_joins`` 62.1 / 29.9, ``_streams`` 51.5 / 36.4 (poppler prints a page's rows read across with
no blank line between them: one box, which C002 does not take apart; two columns' lines printed
as one line stay so in ``_order``).

``--oracle OUT --decoder`` writes two readings more: ``DIR_EXT_decoded``, C002's decoder told
the true joins (:func:`told_decoding`: its window, and its rule that a continuation closes the
streams opened before the one it continues, kept), read out as C002 reads; ``DIR_EXT_stitched``,
that with each stream it opens given its true predecessor where that box ends a stream
(:func:`stitched`). What ``_decoded`` loses past ``_joins`` is the decoder's form, whatever its
cues. CER / seg F1, pdfminer fitting / choosing / fresh pages: as the cleaner reads them 42.2 /
50.8, 49.1 / 33.6, 42.4 / 43.2; ``_decoded`` 32.6 / 63.4, 38.0 / 49.0, 36.9 / 54.6; ``_joins`` and
``_stitched`` alike 12.7 / 83.7, 16.3 / 79.7, 17.4 / 75.0 (pdftotext ``_decoded`` 56.5 / 54.9 /
61.4, ``_joins`` 54.5 / 48.0 / 55.8 CER). So two thirds of pdfminer's loss to the true joins is
the closing rule: pdfminer.six orders a page's text boxes as a tree of groups (each group's
boxes together), and where one article's rows run on alone the columns of the article beside it
are closed while they wait (a window of 16 boxes changes nothing). Every box the told decoder
misses opens a stream whose true predecessor ends one, yet a stitch after the real decoding
(those pairs joined by the page's join score) finds almost none: of the 246 boxes the real
decoding opens that have a true predecessor (pdfminer, the three sets), 13 find it at a
stream's end, the rest were taken by a wrong join.
Continuing a box while keeping the older streams open at a cost (per box, or only where the
period changes; windows 12, 16) gave no more boxes their true predecessor.
With ``open_streams`` (``--rules`` a layer turning it on) the told decoder is
:func:`interleave.decode_open`'s, whose continuations need not close the older streams:
``_decoded`` pdfminer CER / seg F1 fit / choose / fresh 11.5 / 85.0, 23.1 / 73.5, 14.6 / 76.1.
``--fit --open`` fits its ``open_weights`` per join on the pages read across, every join within
``max_back`` a candidate; ``--fit --structured --open`` by the perceptron, with ``open_start``,
``open_same_step`` and ``keep_cost`` (neither read better than ``across_weights``: the figures
in ``rules/columns.toml``).
``--fit --across`` fits the weights on the joins of the pages C002 reads across alone: the
``across_weights`` of its second decoding (``rules/columns.toml``).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner.rules import load_rules  # noqa: E402
from cleaner.stages import interleave as il  # noqa: E402


def page_lines(path: Path) -> tuple[list[str], list[int]]:
    texts, gaps, gap = [], [], 0
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip():
            texts.append(row.strip())
            gaps.append(gap)
            gap = 0
        else:
            gap += 1
    return texts, gaps


def page_pieces(texts, gaps, params):
    """The lines as C002 reads them: a line poppler printed for two columns cut in two."""
    parts, part_gaps = il.pieces(texts, gaps, params)
    return [texts[k][a:b].strip() for k, a, b in parts], part_gaps


def truth(texts: list[str], ref: list[str]) -> list[int | None]:
    """Each line's position in the reference reading (None: not found there)."""
    pos = collections.defaultdict(list)
    for k, t in enumerate(ref):
        pos[re.sub(r"\s+", "", t)].append(k)
    used: collections.Counter = collections.Counter()
    out = []
    for t in texts:
        b = re.sub(r"\s+", "", t)
        ks = pos.get(b)
        if ks and used[b] < len(ks):
            out.append(ks[used[b]])
            used[b] += 1
        else:
            out.append(None)
    return out


def right_joins(order: list[int], at: list[int | None]) -> int:
    return sum(1 for a, b in zip(order, order[1:]) if at[a] is not None and at[b] is not None and at[b] == at[a] + 1)


def _decoded(dirs, rule, extractors, across: bool = False):
    """Per page of the extractors' text: its lines' facts, its boxes, the decoding context and
    where each line stands in PyMuPDF's order (the truth); ``across``: only the pages C002
    reads across (its first decoding, the weights of ``weights``)."""
    p = rule.params
    first = boxes_rule(dataclasses.replace(rule, params={**p, "across": False}))
    for d in dirs:
        for ext in extractors:
            for f in sorted((Path(d) / ext).glob("*.txt")):
                if across and il.reading(*page_lines(f), first) is None:
                    continue
                texts, gaps = page_pieces(*page_lines(f), p)
                ref, _ = page_lines(Path(d) / "pymupdf" / f.name)
                lines = [il.new_line((k, 0, 0, t, 0.0, g)) for k, (t, g) in enumerate(zip(texts, gaps))]
                infos = [il.LineInfo(t) for t in texts]
                ctx = il.context(infos, dict(p, weights=dict(p["weights"], char_model=1.0)))  # the cue measured even at weight 0
                yield infos, il.boxes(lines), ctx, truth(texts, ref)


def samples(dirs, rule, extractors=("pdfminer", "pdftotext"), across: bool = False, open_: bool = False):
    """Every candidate join of the pages (``across``: those C002 reads across) within the
    window (``open_``: within ``max_back``, as :func:`interleave.decode_open` reaches), its
    cues and whether it is true."""
    window = rule.params["max_back"] if open_ else rule.params["window"]
    X, y = [], []
    for infos, units, ctx, at in _decoded(dirs, rule, extractors, across):
        for i in range(1, len(units)):
            h = units[i][0]
            for j in range(max(0, i - window), i):
                t = units[j][1]
                X.append(il.cues(infos[t], infos[h], i - j, ctx,
                                 units[j][0] == units[j][1] and units[i][0] == units[i][1]))
                y.append(float(at[t] is not None and at[h] is not None and at[h] == at[t] + 1))
    return X, y


def choices(dirs, rule, extractors=("pdfminer", "pdftotext")):
    """For every box after the first, its candidate joins (the cues of a join to each of the
    ``window`` boxes before it) and which of them is true (-1: none, the box opens a stream)."""
    window = rule.params["window"]
    out = []
    for infos, units, ctx, at in _decoded(dirs, rule, extractors):
        for i in range(1, len(units)):
            h = units[i][0]
            cand, right = [], -1
            for j in range(max(0, i - window), i):
                t = units[j][1]
                cand.append(il.cues(infos[t], infos[h], i - j, ctx,
                                    units[j][0] == units[j][1] and units[i][0] == units[i][1]))
                if at[t] is not None and at[h] is not None and at[h] == at[t] + 1:
                    right = len(cand) - 1
            out.append((cand, right))
    return out


def fit_choice(rows, start_cost, ridge=1.0, steps=2000, rate=0.5):
    """Conditional logit: each box chooses among its candidate joins and opening a stream
    (utility ``-start_cost``, as in the decoder), the weights fitted so that the true choice
    wins over the others of the same box (not over all joins of the page at once)."""
    import numpy as np

    m = len(rows[0][0][0]) if rows and rows[0][0] else len(il.CUES)
    width = max(len(c) for c, _ in rows)
    n = len(rows)
    X = np.zeros((n, width, m))
    valid = np.zeros((n, width), dtype=bool)
    y = np.full(n, width)  # index ``width``: open
    for r, (cand, right) in enumerate(rows):
        X[r, :len(cand)] = cand
        valid[r, :len(cand)] = True
        if right >= 0:
            y[r] = right
    w = np.zeros(m)
    reg = np.full(m, ridge / n)
    reg[0] = 0.0
    for _ in range(steps):
        u = np.where(valid, X @ w, -np.inf)
        u = np.concatenate([u, np.full((n, 1), -start_cost)], axis=1)
        u -= u.max(axis=1, keepdims=True)
        pr = np.exp(u)
        pr /= pr.sum(axis=1, keepdims=True)
        onehot = np.zeros_like(pr)
        onehot[np.arange(n), y] = 1.0
        d = (pr - onehot)[:, :width]
        g = np.einsum("nw,nwm->m", d, X) / n + reg * w
        w -= rate * g
    return [float(v) for v in w]


def structured_pages(dirs, rule, extractors=("pdfminer", "pdftotext"), open_: bool = False):
    """Per page: the cue vector of every candidate join within the window, and the best
    reading the decoder can give (its constraints kept: a continuation closes the streams
    opened before the box it continues) when it is told the true joins: the target.
    ``open_``: the pages C002 reads across alone, every join within ``max_back`` a candidate,
    the target that of :func:`interleave.decode_open` (``open_streams``)."""
    import numpy as np

    window = rule.params["max_back"] if open_ else rule.params["window"]
    if open_:
        rule = dataclasses.replace(rule, params={**rule.params, "open_streams": True})
    out = []
    for infos, units, ctx, at in _decoded(dirs, rule, extractors, across=open_):
        cand = {}
        for i in range(1, len(units)):
            for j in range(max(0, i - window), i):
                cand[(j, i)] = np.asarray(il.cues(infos[units[j][1]], infos[units[i][0]], i - j, ctx,
                                                  units[j][0] == units[j][1] and units[i][0] == units[i][1]))
        end_at = {at[u[1]]: i for i, u in enumerate(units) if at[u[1]] is not None}
        true = []
        for i, u in enumerate(units):
            j = end_at.get(at[u[0]] - 1, -1) if at[u[0]] is not None else -1
            true.append(j if 0 <= j < i and i - j <= window else -1)
        gold = told_decoding(units, true, rule)
        out.append((len(units), cand, gold))
    return out


def keep_moves(preds: list[int]) -> int:
    """How many continuations of a reading keep streams opened before the one they continue
    open (``keep_cost`` of :func:`interleave.decode_open`): those where such a stream goes on
    later. (Replayed without ``max_open`` and ``max_back``.)"""
    later = collections.Counter(j for j in preds if j >= 0)
    tails: list[int] = []
    n = 0
    for i, j in enumerate(preds):
        if j >= 0:
            later[j] -= 1
        if j < 0 or j not in tails:
            tails.append(i)
            continue
        m = tails.index(j)
        if any(later[t] > 0 for t in tails[:m]):
            n += 1
            tails = tails[:m] + tails[m + 1:] + [i]
        else:
            tails = tails[m + 1:] + [i]
    return n


def _features(cand, preds, m, open_: bool = False):
    """What a reading scores on: its joins' cues summed, minus the streams it opens, and
    its continuations as many boxes back as the box before (``same_step``); ``open_``: minus
    its continuations that keep older streams open (:func:`keep_moves`) too."""
    import numpy as np

    v = np.zeros(m + 3)
    if open_:
        v[m + 2] = -keep_moves(preds)
    for i, j in enumerate(preds):
        if j < 0:
            v[m] -= 1.0
            continue
        v[:m] += cand[(j, i)]
        d = i - j
        if d > 1 and i and preds[i - 1] >= 0 and i - 1 - preds[i - 1] == d:
            v[m + 1] += 1.0
    return v


def fit_structured(pages, rule, epochs=12, rate=0.5, open_: bool = False):
    """Averaged structured perceptron: decode each fitting page with the weights so far and
    move them towards the features of the target reading and away from the decoded one
    (per box of the page), the weights of the cues, ``start_cost`` and ``same_step``
    together. The per-join fit weighs every candidate join alone, and adjacency, true for
    nearly every join of a page not read across, outweighs what tells the streams apart;
    here the weights are chosen for the reading they make. Returns (weights, start_cost,
    same_step), averaged over every step (pages in a fixed shuffled order)."""
    import random

    import numpy as np

    p = rule.params
    m = len(il.CUES)
    if open_:
        theta = np.array([p["open_weights"].get(n, 0.0) for n in il.CUES]
                         + [p["open_start"], p["open_same_step"], p["keep_cost"]])
    else:
        theta = np.array([p["weights"].get(n, 0.0) for n in il.CUES] + [p["start_cost"], p["same_step"], 0.0])
    total, count = theta.copy(), 1
    order = list(range(len(pages)))
    random.Random(0).shuffle(order)
    for _ in range(epochs):
        for k in order:
            n, cand, gold = pages[k]
            w = theta[:m]
            if open_:
                preds = il.decode_open(n, lambda j, i: float(w @ cand[(j, i)]), p["max_open"], p["max_back"],
                                       float(theta[m]), float(theta[m + 2]), p["beam"], float(theta[m + 1]))
            else:
                preds = il.decode(n, lambda j, i: float(w @ cand[(j, i)]), p["window"], float(theta[m]),
                                  p["beam"], float(theta[m + 1]))
            if preds != gold:
                theta = theta + rate * (_features(cand, gold, m, open_) - _features(cand, preds, m, open_)) / max(1, n)
            total += theta
            count += 1
    avg = total / count
    if open_:
        return [float(v) for v in avg[:m]], float(avg[m]), float(avg[m + 1]), float(avg[m + 2])
    return [float(v) for v in avg[:m]], float(avg[m]), float(avg[m + 1])


def fit(X, y, ridge=1.0, steps=3000, rate=0.5):
    """Logistic regression by gradient descent (ridge on every weight but the bias); the joins
    are counted per distinct cue vector first (most cues are 0/1)."""
    import numpy as np

    n = len(X)
    table, inv = np.unique(np.asarray(X, dtype=float), axis=0, return_inverse=True)
    inv = inv.reshape(-1)
    yy = np.asarray(y, dtype=float)
    tot = np.bincount(inv, minlength=len(table)).astype(float)
    pos = np.bincount(inv, weights=yy, minlength=len(table))
    w = np.zeros(table.shape[1])
    reg = np.full(table.shape[1], ridge / n)
    reg[0] = 0.0
    for _ in range(steps):
        pr = 1 / (1 + np.exp(-np.clip(table @ w, -30, 30)))
        g = table.T @ (tot * pr - pos) / n
        w = w - rate * (g + reg * w)
    return [float(v) for v in w]


def true_preds(units: list[tuple[int, int]], at: list[int | None]) -> list[int]:
    """Each box's true predecessor (the box whose last line stands just before its first in the
    true order), however far back; -1 where it opens a column or its predecessor comes later."""
    end_at = {at[u[1]]: i for i, u in enumerate(units) if at[u[1]] is not None}
    out = []
    for i, u in enumerate(units):
        j = end_at.get(at[u[0]] - 1, -1) if at[u[0]] is not None else -1
        out.append(j if 0 <= j < i else -1)
    return out


def boxes_rule(rule):
    """``rule`` with ``merged_runs`` off: what this script measures is the decoding of the
    page's boxes, piece by piece (a run read across on its own, ``interleave.run_pieces``, is
    no box of it)."""
    return dataclasses.replace(rule, params={**rule.params, "merged_runs": False})


def told_decoding(units: list[tuple[int, int]], true: list[int], rule) -> list[int]:
    """The best reading C002's decoder can make when told each box's true predecessor (a join
    scores 1 where it is the true one, -1 elsewhere, opening a stream costs nothing): its window
    and its rule that a continuation closes every stream opened before the one it continues
    kept. What it misses is what the decoder's form costs, whatever the cues."""
    p = rule.params
    told = lambda j, i: 1.0 if true[i] == j else -1.0  # noqa: E731
    if p["open_streams"]:
        return il.decode_open(len(units), told, p["max_open"], p["max_back"], 0.0, 0.0, 8 * p["beam"])
    return il.decode(len(units), told, p["window"], 0.0, 8 * p["beam"])


def stitched(preds: list[int], true: list[int]) -> list[int]:
    """``preds`` with each box that opens a stream given its true predecessor where that box
    ends a stream (nothing continues it): the joins a pass after the decoding could add, one
    stream's end to a later stream's start, however far back."""
    out = list(preds)
    ends = set(range(len(preds))) - {j for j in preds if j >= 0}
    for i, j in enumerate(preds):
        if j < 0 and true[i] in ends:
            out[i] = true[i]
            ends.discard(true[i])
    return out


def oracle_texts(texts: list[str], gaps: list[int], ref: list[str], rule, decoder: bool = False) -> dict[str, str]:
    """The page's text read the ways of ``--oracle`` (see the module): ``order`` always,
    ``joins`` and ``streams`` where C002 reads the page across (else the page as it is); with
    ``decoder`` also ``decoded`` (:func:`told_decoding`, read out as C002 reads streams out)
    and ``stitched`` (that, :func:`stitched`)."""
    at = truth(texts, ref)
    keys, last = [], -1.0
    for a in at:  # (a line the true order lacks follows the line before it)
        last = float(a) if a is not None else last + 1e-3
        keys.append(last)
    out = {"order": _write([(texts[k], gaps[k]) for k in sorted(range(len(texts)), key=keys.__getitem__)])}
    got = il.reading(texts, gaps, boxes_rule(rule))
    if got is None:
        out["joins"] = out["streams"] = _write(list(zip(texts, gaps)))
        if decoder:
            out["decoded"] = out["stitched"] = out["joins"]
        return out
    _, _, units, parts, _ = got
    pieces = [texts[k][a:b].strip() for k, a, b in parts]
    at = truth(pieces, ref)
    preds = true_preds(units, at)
    first = [min((at[k] for u in st for k in range(units[u][0], units[u][1] + 1) if at[k] is not None),
                 default=len(ref)) for st in il.order(preds)]
    readings = [("joins", il.emit(preds)),
                ("streams", [u for _, st in sorted(zip(first, il.order(preds)), key=lambda x: x[0]) for u in st])]
    if decoder:
        told = told_decoding(units, preds, rule)
        readings += [("decoded", il.emit(told)), ("stitched", il.emit(stitched(told, preds)))]
    for name, boxes in readings:
        out[name] = _write([(pieces[k], 1 if k == units[u][0] else 0)
                            for u in boxes for k in range(units[u][0], units[u][1] + 1)])
    return out


def _write(rows: list[tuple[str, int]]) -> str:
    """Lines with their blank lines before them, ending with the form feed they came with."""
    return "".join("\n" * g + t + "\n" for t, g in rows) + "\f"


def write_oracles(dirs, out: Path, rule, extractors=("pdfminer", "pdftotext"), decoder: bool = False) -> list[str]:
    """Write the ``--oracle`` folders under ``out`` (each page with its gold); their names
    (``decoder``: the ``_decoded`` and ``_stitched`` readings too)."""
    import shutil

    made = []
    for d in map(Path, dirs):
        for ext in extractors:
            for f in sorted((d / ext).glob("*.txt")):
                texts, gaps = page_lines(f)
                ref, _ = page_lines(d / "pymupdf" / f.name)
                for name, text in oracle_texts(texts, gaps, ref, rule, decoder).items():
                    folder = out / f"{d.name}_{ext}_{name}"
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / f.name).write_text(text, encoding="utf-8")
                    shutil.copy(d / ext / f"{f.stem}.gold.json", folder)
                    if folder.name not in made:
                        made.append(folder.name)
    return made


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--pairwise", action="store_true", help="with --fit: each box's true join against "
                    "the other candidates of the same box (conditional logit), not every join alone")
    ap.add_argument("--structured", action="store_true", help="with --fit: an averaged structured "
                    "perceptron on the decoded readings of the pages (the weights, start_cost and "
                    "same_step together), not a logistic regression on the joins one by one")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--rate", type=float, default=0.5)
    ap.add_argument("--open", action="store_true", help="with --fit --structured: the weights of "
                    "open_streams' decoding (interleave.decode_open: open_weights, open_start, "
                    "open_same_step, keep_cost), on the pages C002 reads across alone")
    ap.add_argument("--rules", action="append")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--across", action="store_true", help="with --fit: only the joins of the pages C002 "
                    "reads across (its first decoding): the weights of its second, across_weights")
    ap.add_argument("--decoder", action="store_true", help="with --oracle: also the decoder told the true "
                    "joins (_decoded) and that with the streams it opens stitched to their true ends (_stitched)")
    ap.add_argument("--oracle", metavar="OUT", help="write the pages read in their true order, "
                    "with their true joins, and as whole true streams, to score with evaluate.py")
    args = ap.parse_args(argv)
    rule = load_rules(args.rules)["C002"]
    if args.oracle:
        made = write_oracles(args.dirs, Path(args.oracle), rule, decoder=args.decoder)
        print(f"python benchmarks/evaluate.py --splits {args.oracle} --only {','.join(made)} -j 1")
        return 0
    if args.fit and args.structured:
        pages = structured_pages(args.dirs, rule, open_=args.open)
        w, start, same, *keep = fit_structured(pages, rule, epochs=args.epochs, rate=args.rate, open_=args.open)
        print(f"{len(pages)} pages, {sum(n for n, _, _ in pages)} boxes")
        if args.open:
            print(f"open_start = {start:.2f}, open_same_step = {same:.2f}, keep_cost = {keep[0]:.2f}")
        else:
            print(f"start_cost = {start:.2f}, same_step = {same:.2f}")
        print(("open_weights" if args.open else "weights") + " = { "
              + ", ".join(f"{n} = {v:.2f}" for n, v in zip(il.CUES, w)) + " }")
        return 0
    if args.fit and args.pairwise:
        rows = choices(args.dirs, rule)
        w = fit_choice(rows, rule.params["start_cost"], steps=args.steps)
        print(f"{len(rows)} boxes, {sum(r >= 0 for _, r in rows)} continue a box of the window")
        print("weights = { " + ", ".join(f"{n} = {v:.2f}" for n, v in zip(il.CUES, w)) + " }")
        return 0
    if args.fit:
        X, y = samples(args.dirs, rule, across=args.across or args.open, open_=args.open)
        w = fit(X, y, steps=args.steps)
        print(f"{len(X)} candidate joins, {int(sum(y))} true")
        print(("open_weights" if args.open else "across_weights" if args.across else "weights") + " = { " + ", ".join(f"{n} = {v:.2f}" for n, v in zip(il.CUES, w)) + " }")
        return 0
    for ext in ("pdfminer", "pdftotext", "pymupdf", "layout"):
        tot = base = got = pages = changed = boxes = boxes_right = 0
        for d in args.dirs:
            for f in sorted((Path(d) / ext).glob("*.txt")):
                texts, gaps = page_lines(f)
                ref, _ = page_lines(Path(d) / "pymupdf" / f.name)
                at = truth(texts, ref)
                r = il.reading(texts, gaps, boxes_rule(rule))
                base += right_joins(list(range(len(texts))), at)
                tot += len(texts) - 1
                order = r[0] if r else list(range(len(texts)))
                if r:
                    at = truth([texts[k][a:b].strip() for k, a, b in r[3]], ref)  # each box's decoded predecessor against its true one (a box of the window)
                    _, preds, units, _, _ = r
                    end_at = {at[u[1]]: i for i, u in enumerate(units) if at[u[1]] is not None}
                    for i, u in enumerate(units):
                        j = end_at.get(at[u[0]] - 1, -1) if at[u[0]] is not None else -1
                        if 0 <= j and i - j <= rule.params["window"]:
                            boxes += 1
                            boxes_right += preds[i] == j
                pages += 1
                changed += r is not None
                got += right_joins(order, at)
        if pages:
            print(f"{ext:10} pages {pages:3} read as interleaved {changed:3}  right joins: extractor's order "
                  f"{base / tot:.1%}, decoded {got / tot:.1%}"
                  + (f"; boxes given their true predecessor {boxes_right / boxes:.1%} of {boxes}" if boxes else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
