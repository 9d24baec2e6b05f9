"""Fitting the cue weights of the rule files on gold pages: ``cleaner train``.

The layout stages (rejoin, label, assemble) score their decisions as weighted sums of cues;
the weights are the numeric parameters of their rules in ``rules/*.toml``. A weight earns its
value by what it does on pages it was not chosen on, so ``train`` fits on one set of gold pages
(synthesised by ``cleaner synth`` from a train pool of stories, or a user's own hand-checked
pages) and reports a validation set beside it.

Why a coordinate search on the page metrics rather than a perceptron or logistic regression on
the decoder's decisions: the decoders (the rejoin scores, the assemble dynamic programme)
are not yet written as one linear model with features exposed per decision, and the figures
that matter (segmentation F1, titles, subheads, CER) are page-level and not differentiable in
the weights. A coordinate search treats the cleaner as a black box: each round tries, for each
weight in turn, a few multiples of its value and keeps a change only when the objective on the
training pages improves by more than ``min_gain``. It is slow (each try cleans every training
page) but honest, and it needs nothing from the stages but their parameters. The objective is
the mean of segmentation F1, title, subtitle, byline, subhead and paragraph F1 (in %) less the
body CER (in %): a weight that buys titles with text damage does not pay.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .rules import RuleSet

#: the stages whose numeric parameters are weights of scoring cues
STAGES = ("rejoin", "label", "assemble")
#: metrics (score.py keys) averaged into the objective, and the one subtracted
GAIN_METRICS = ("seg_f1", "title_acc", "subtitle_acc", "byline_acc", "subhead_acc", "para_f1")
LOSS_METRIC = "cer"
#: multiples of a weight tried in one step
STEPS = (0.0, 0.5, 0.8, 1.25, 2.0)


@dataclass(frozen=True, slots=True)
class GoldPage:
    name: str
    text: str
    gold: dict
    clean: bool
    geometry: tuple | None = None  # a PDF page: its lines' geometry (the text is what the reader read)
    copies: tuple = ()


@dataclass(frozen=True, slots=True)
class Weight:
    """One tunable number: ``rules[rule].params[key]`` (or its element ``index``)."""

    rule: str
    key: str
    index: int | str | None = None  # an element of a list, or an entry of a table of weights

    def label(self) -> str:
        if isinstance(self.index, str):
            return f"{self.rule}.{self.key}.{self.index}"
        return f"{self.rule}.{self.key}" + (f"[{self.index}]" if self.index is not None else "")


def load_gold_dirs(dirs, rules=None) -> list[GoldPage]:
    """The pages of gold folders laid out as the benchmark is (NAME.txt, NAME.gold.json,
    optional pages.json); a NAME.pdf in place of NAME.txt is read with the PDF reader (its
    first page, with ``rules``' reader parameters)."""
    pages = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise InputError(f"{d}: not a folder of gold pages")
        manifest = {}
        if (d / "pages.json").exists():
            try:
                manifest = json.loads((d / "pages.json").read_text(encoding="utf-8"))
            except ValueError as exc:
                raise InputError(f"{d / 'pages.json'}: invalid JSON: {exc}") from None
        golds = sorted(d.glob("*.gold.json"))
        if not golds:
            raise InputError(f"{d}: no *.gold.json pages")
        for g in golds:
            name = g.name[: -len(".gold.json")]
            raw = d / f"{name}.txt"
            pdf = d / f"{name}.pdf"
            if not raw.exists() and pdf.exists():  # a typeset page: read it as the PDF reader does
                try:
                    gold = json.loads(g.read_text(encoding="utf-8"))
                except ValueError as exc:
                    raise InputError(f"{g}: invalid JSON: {exc}") from None
                from .pdf import read_pdf

                got = next(read_pdf(str(pdf), "1", rules))
                pages.append(GoldPage(name, got.text, gold, False, got.geometry, got.copies))  # (size: not scored)
                continue
            if not raw.exists():
                raise InputError(f"{g}: no {raw.name} (or {pdf.name}) beside it")
            try:
                gold = json.loads(g.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise InputError(f"{g}: invalid JSON: {exc}") from None
            text = raw.read_bytes().decode("utf-8", "replace")
            pages.append(GoldPage(name, text, gold, bool(manifest.get(name, {}).get("clean"))))
    return pages


#: parameters that bound what a pattern may match or how far a search looks, not weights
LIMITS = ("max_length", "min_length", "max_lines", "ngram", "max_column", "max_distance", "max_part", "max_candidates", "max_lanes",
          "split_word_reach", "window", "window_overlap", "reach", "quote_reach")


def weights_of(rules: RuleSet, stages=STAGES) -> list[Weight]:
    """Every numeric parameter (not a bool, not a length or search limit) of the stages' rules."""
    out = []
    for r in rules.rules:
        if r.stage not in stages or not r.enabled:
            continue
        for key, value in r.params.items():
            if key in LIMITS or key.startswith("confidence_"):  # calibrated, not searched
                continue
            if _is_number(value):
                out.append(Weight(r.id, key))
            elif isinstance(value, list) and value and all(_is_number(x) for x in value):
                out.extend(Weight(r.id, key, i) for i in range(len(value)))
            elif isinstance(value, dict):  # a table of cue weights
                out.extend(Weight(r.id, key, k) for k, x in value.items() if _is_number(x))
    return out


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def get(rules: RuleSet, w: Weight):
    v = rules[w.rule].params[w.key]
    return v[w.index] if w.index is not None else v


def with_weight(rules: RuleSet, w: Weight, value) -> RuleSet:
    """A copy of ``rules`` with one weight changed (RuleSets are frozen)."""
    r = rules[w.rule]
    params = dict(r.params)
    if isinstance(w.index, str):
        params[w.key] = {**params[w.key], w.index: value}
    elif w.index is not None:
        seq = list(params[w.key])
        seq[w.index] = value
        params[w.key] = seq
    else:
        params[w.key] = value
    new = tuple(replace(x, params=params) if x.id == w.rule else x for x in rules.rules)
    return RuleSet(new, rules.options)


def candidates(value) -> list:
    """The values tried for a weight now at ``value``."""
    if isinstance(value, int):
        out = {value - 1, value + 1, value * 2, value // 2} if value else {1, 2}
        return sorted(v for v in out if v >= 0 and v != value)
    # a weight at 0 may turn either way (a cue for a break or against one)
    out = {round(value * s, 4) for s in STEPS} if value else {-8.0, -4.0, -2.0, -1.0, -0.5, 0.25, 0.5, 1.0, 2.0}
    return sorted(v for v in out if v != value)


# ------------------------------------------------------------------------- evaluation

_PAGES: list[GoldPage] = []


_DOUBLE_UNIT = re.compile(r"(.{0,40}?[^\W\d_].{0,40}?)\1", re.S)  # a run with a letter or Han, drawn again


def _strings(obj) -> list[str]:
    """Every string of a page JSON object (its articles' fields and blocks, its dropped lines)."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in _strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def headings(page: dict) -> list[str]:
    """The headings of a page JSON object: each article's kicker, title, subtitle and subheads."""
    out = []
    for a in page.get("articles") or []:
        out += [a[f] for f in ("kicker", "title", "subtitle") if isinstance(a.get(f), str) and a[f]]
        out += [b["text"] for b in a.get("blocks") or [] if isinstance(b, dict) and b.get("kind") == "subhead"]
    return out


def doubled_left(text: str, gold_text: str) -> list[str]:
    """The doubled runs of ``text`` (a run followed by its copy, ``智能制造智能制造``) that the
    gold page never prints: fake bold (text drawn twice) left in a heading. A doubled run the
    gold has (看看, 一步一步) is the words' own.

    >>> doubled_left("智能制造智能制造 加速跑", "智能制造加速跑")
    ['智能制造智能制造']
    >>> doubled_left("看看这座城", "看看这座城")
    []
    """
    out = []
    for m in _DOUBLE_UNIT.finditer(text.replace(" ", "")):
        if m.group(0) not in gold_text:
            out.append(m.group(0))
    return out


def fake_bold_left(gold: dict, pred: dict) -> tuple[int, int]:
    """(headings of ``pred`` still holding a doubled run the gold page has not, headings)."""
    from .scoring import nows

    gold_text = "\n".join(nows(s) for s in _strings(gold.get("articles")))
    heads = headings(pred)
    return sum(1 for h in heads if doubled_left(nows(h), gold_text)), len(heads)


def _score_one(args):
    from . import scoring
    from .pipeline import clean
    from .reports.pagejson import page_dict

    rules, k = args
    p = _PAGES[k]
    gold, gdrops, _ = scoring.coerce_page(p.gold, strict=True)
    failed = 0
    pred_obj = {}
    try:
        pred_obj = page_dict(clean(p.text, name=f"{p.name}.txt", rules=rules, geometry=p.geometry, copies=p.copies))
        pred, _, _ = scoring.coerce_page(pred_obj)
    except Exception:  # noqa: BLE001 - a page the cleaner fails on scores as empty (and is counted)
        pred, failed = [], 1
    m = scoring.score_page(gold, gdrops, pred, p.clean)
    m["failed"] = failed
    m["fb_left"], m["fb_n"] = fake_bold_left(p.gold, pred_obj)
    return m


class Evaluator:
    """Scores a RuleSet on a fixed set of gold pages, in ``jobs`` forked processes."""

    def __init__(self, pages: list[GoldPage], jobs: int = 1):
        self.pages = pages
        self.jobs = max(1, jobs)
        self._pool = None
        self.failed: list[str] = []  # the pages the cleaner raised on, in the last summary

    def __enter__(self):
        global _PAGES
        _PAGES = self.pages
        if self.jobs > 1:
            import multiprocessing

            self._pool = multiprocessing.get_context("fork").Pool(self.jobs)
        return self

    def __exit__(self, *exc):
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def summary(self, rules: RuleSet) -> dict:
        from . import scoring

        work = [(rules, k) for k in range(len(self.pages))]
        if self._pool is not None:
            metrics = self._pool.map(_score_one, work, chunksize=max(1, len(work) // (self.jobs * 4)))
        else:
            metrics = [_score_one(w) for w in work]
        self.failed = [self.pages[k].name for k, m in enumerate(metrics) if m.get("failed")]
        s = scoring.summarize(metrics)
        # (the scorer is the benchmark's verbatim copy: what it does not count is added here)
        s["fake_bold"] = sum(m["fb_left"] for m in metrics)
        s["headings"] = sum(m["fb_n"] for m in metrics)
        return s


def objective(s: dict) -> float:
    gains = [s[k] * 100 for k in GAIN_METRICS if s.get(k) is not None]
    loss = (s.get(LOSS_METRIC) or 0.0) * 100
    return (sum(gains) / len(gains) if gains else 0.0) - loss


def fit(rules: RuleSet, train: Evaluator, weights: list[Weight], rounds: int = 2,
        min_gain: float = 0.05, log=None, guard=None) -> tuple[RuleSet, list[tuple[Weight, object, object]]]:
    """Coordinate search: the fitted rules and the list of (weight, old, new) changes.

    ``guard(rules) -> bool``, when given, must also accept a change: cases a person checked
    by hand (a real page that must stay perfect, the conventions the tests hold) are
    constraints the search may not trade away for a better mean on synthesised pages."""
    best = objective(train.summary(rules))
    start = {w: get(rules, w) for w in weights}
    if log:
        log(f"start: objective {best:.3f} on {len(train.pages)} pages, {len(weights)} weights")
    for rnd in range(1, rounds + 1):
        improved = False
        for i, w in enumerate(weights, 1):
            cur = get(rules, w)
            if log and i % 10 == 1:  # a sign of life on a long run
                log(f"round {rnd}: weight {i}/{len(weights)} ({w.label()}), objective {best:.3f}")
            for v in candidates(cur):
                trial = with_weight(rules, w, v)
                score = objective(train.summary(trial))
                if score > best + min_gain and (guard is None or guard(trial)):
                    if log:
                        log(f"round {rnd}: {w.label()} {cur} -> {v}: objective {best:.3f} -> {score:.3f}")
                    rules, best, improved = trial, score, True
                    cur = v
        if not improved:
            break
    changes = [(w, start[w], get(rules, w)) for w in weights if get(rules, w) != start[w]]
    return rules, changes


# ------------------------------------------------------------------------- confidence

def _article_outcomes(args):
    """(evidence, right) for every predicted article of one page: right when it is paired
    with a gold article of body similarity >= SEG_MIN and has that article's title."""
    from . import scoring
    from .pipeline import clean
    from .reports.pagejson import page_dict

    rules, k = args
    p = _PAGES[k]
    page = clean(p.text, name=f"{p.name}.txt", rules=rules)
    gold, _, _ = scoring.coerce_page(p.gold, strict=True)
    pred, _, _ = scoring.coerce_page(page_dict(page))
    pairs, _ = scoring.match_articles(gold, pred)
    right = [False] * len(pred)
    for gi, pj, sim in pairs:
        if pj is not None and sim >= scoring.SEG_MIN and \
                scoring.norm_field(gold[gi].fields["title"]) == scoring.norm_field(pred[pj].fields["title"]):
            right[pj] = True
    return [(tuple(v for _, v in a.evidence), ok) for a, ok in zip(page.articles, right)]


def outcomes(ev: Evaluator, rules: RuleSet) -> list[list[tuple[tuple, bool]]]:
    """Per page, per predicted article: its confidence evidence and whether it is right."""
    work = [(rules, k) for k in range(len(ev.pages))]
    if ev._pool is not None:
        return ev._pool.map(_article_outcomes, work)
    return [_article_outcomes(w) for w in work]


def calibrate(per_page, names, iterations: int = 500, ridge: float = 1e-3) -> dict[str, float]:
    """Logistic regression of "the article is right" on its evidence (Newton's method, a
    little ridge so a separable feature stays finite): the ``confidence_*`` coefficients."""
    rows = [(x, 1.0 if ok else 0.0) for page in per_page for x, ok in page]
    dim = len(names) + 1
    w = [0.0] * dim
    for _ in range(iterations):
        grad = [0.0] * dim
        hess = [[0.0] * dim for _ in range(dim)]
        for x, y in rows:
            f = (1.0,) + tuple(x)
            z = sum(wi * fi for wi, fi in zip(w, f))
            pr = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(dim):
                grad[i] += (y - pr) * f[i]
                for j in range(dim):
                    hess[i][j] -= pr * (1 - pr) * f[i] * f[j]
        for i in range(dim):
            grad[i] -= ridge * w[i]
            hess[i][i] -= ridge
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-8:
            break
    return {"confidence_bias": round(w[0], 4), **{f"confidence_{n}": round(v, 4) for n, v in zip(names, w[1:])}}


def fit_weights(rows, cues, ridge: float) -> dict[str, float]:
    """A logistic regression of a yes/no label on named cues, ``rows`` being ``(cue values
    in the order of cues, label)``: the weights (``bias`` and one per cue, in the cues' own
    units). The ridge is fair to every cue only on one scale, so each is fitted in units of
    its spread on the rows (a share of words, 0-0.3, would otherwise pay as much for a unit of
    weight as a yes/no cue) and turned back after; a cue that never varies gets no weight."""
    xs = [x for x, _ in rows]
    mean = [sum(col) / len(col) for col in zip(*xs)]
    sd = [max(1e-9, (sum((v - m) ** 2 for v in col) / len(col)) ** 0.5) for col, m in zip(zip(*xs), mean)]
    scaled = [[(tuple((v - m) / d for v, m, d in zip(x, mean, sd)), y) for x, y in rows]]
    w = calibrate(scaled, list(cues), ridge=ridge)
    per_cue = {k: w[f"confidence_{k}"] / d for k, d in zip(cues, sd)}
    bias = w["confidence_bias"] - sum(per_cue[k] * m for k, m in zip(cues, mean))
    return {"bias": round(bias, 4), **{k: round(v, 4) for k, v in per_cue.items()}}


def threshold_report(probs: list[tuple[float, bool]], thresholds, taken: str) -> list[str]:
    """What a fitted classifier does on labelled cases (``probs``: its probability and the
    truth of each): the log loss, then per threshold how many it takes (``taken`` names them:
    ``taken``, ``joins``), right, wrong and missed; the lines the fitting scripts print."""
    loss = -sum(math.log(max(1e-12, p if ok else 1 - p)) for p, ok in probs) / max(1, len(probs))
    out = [f"log loss {loss:.4f}"]
    for t in thresholds:
        tp = sum(1 for p, ok in probs if p >= t and ok)
        fp = sum(1 for p, ok in probs if p >= t and not ok)
        fn = sum(1 for p, ok in probs if p < t and ok)
        out.append(f"  threshold {t:.1f}: {taken} {tp + fp}, right {tp}, wrong {fp}, missed {fn}")
    return out


def _solve(a, b):
    """x with a·x = b (Gaussian elimination with partial pivoting; a is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) >= 1e-12 else 0.0 for i in range(n)]


def auroc(scores_bad: list[float], scores_good: list[float]) -> float | None:
    """Probability that a bad item scores lower than a good one (ties count half)."""
    if not scores_bad or not scores_good:
        return None
    ranked = sorted([(s, 0) for s in scores_bad] + [(s, 1) for s in scores_good])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg = (i + j + 1) / 2  # 1-based average rank of the tie
        rank_sum += avg * sum(1 for k in range(i, j) if ranked[k][1] == 1)
        i = j
    n_good, n_bad = len(scores_good), len(scores_bad)
    return (rank_sum - n_good * (n_good + 1) / 2) / (n_good * n_bad)


def confidence_report(per_page, p: dict) -> tuple[float | None, list[tuple[str, int, float]]]:
    """Page-level AUROC (a page is wrong when one of its articles is: its confidence is its
    lowest article's) and a reliability table of articles by confidence band."""
    from .stages.assemble import EVIDENCE, confidence

    bad, good = [], []
    bands: dict[int, list[bool]] = {}
    for page in per_page:
        confs = [confidence(tuple(zip(EVIDENCE, x)), p) for x, _ in page]
        if not confs:
            continue
        (good if all(ok for _, ok in page) else bad).append(min(confs))
        for c, (_, ok) in zip(confs, page):
            bands.setdefault(min(4, int(c * 5)), []).append(ok)
    table = [(f"{b / 5:.1f}-{(b + 1) / 5:.1f}", len(v), sum(v) / len(v)) for b, v in sorted(bands.items())]
    return auroc(bad, good), table


# ------------------------------------------------------------------------- output

def weights_toml(rules: RuleSet, changes) -> dict[str, str]:
    """Stage → the text of a rule file that layers the fitted weights over the shipped ones
    (``--rules DIR``)."""
    by_stage: dict[str, dict[str, set]] = {}
    for w, _, _ in changes:
        by_stage.setdefault(rules[w.rule].stage, {}).setdefault(w.rule, set()).add(w.key)
    out = {}
    for stage, rule_keys in sorted(by_stage.items()):
        lines = [f"# Weights fitted by `cleaner train` for stage {stage}.", f'stage = "{stage}"', ""]
        for rid in sorted(rule_keys):
            params = ", ".join(f"{k} = {_toml_value(rules[rid].params[k])}" for k in sorted(rule_keys[rid]))
            lines += ["[[rule]]", f'id = "{rid}"', f"params = {{ {params} }}", ""]
        out[stage] = "\n".join(lines)
    return out


def write_into_rule_files(rules_dir: Path, changes) -> list[str]:
    """Write fitted weights into the rule files of ``rules_dir`` in place (the shipped
    rules), keeping every comment: each ``key = number`` (or table entry, or list) of the
    rule's block is replaced. Returns what was written, one line per weight."""
    done = []
    by_rule: dict[str, list] = {}
    for w, _, new in changes:
        by_rule.setdefault(w.rule, []).append((w, new))
    for path in sorted(rules_dir.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        changed = False
        for rid, items in by_rule.items():
            m = re.search(r'(?m)^id = "' + re.escape(rid) + r'"$', text)
            if not m:
                continue
            start = text.rfind("[[rule]]", 0, m.start())
            end = text.find("[[rule]]", m.end())
            end = len(text) if end < 0 else end
            block = text[start:end]
            for w, new in items:
                if isinstance(w.index, int):  # a list: write it whole
                    pat = r"(?<![\w.])" + re.escape(w.key) + r" = \[[^\]]*\]"
                    value = f"{w.key} = " + _toml_value(_list_with(block, w, new))
                    block, n = _sub_outside_comments(pat, value, block)
                elif isinstance(w.index, str):  # an entry of the table w.key (not of another)
                    pat = (r"((?<![\w.])" + re.escape(w.key) + r" = \{[^{}]*?(?<![\w.])" + re.escape(w.index)
                           + r" = )-?[0-9][0-9.eE+-]*")
                    value = functools.partial(lambda v, m: m.group(1) + v, _toml_value(new))
                    block, n = _sub_outside_comments(pat, value, block)
                else:  # a parameter of the rule, never a table's entry of that name (ocr = { … })
                    pat = r"(?<![\w.])" + re.escape(w.key) + r" = -?[0-9][0-9.eE+-]*"
                    tables = re.findall(_TABLE, block)
                    block, n = _sub_outside_comments(pat, f"{w.key} = {_toml_value(new)}", re.sub(_TABLE, "\x00", block))
                    block = re.sub("\x00", lambda _m, it=iter(tables): next(it), block)
                if n:
                    done.append(f"{path.name}: {w.label()} = {new}")
            text = text[:start] + block + text[end:]
            changed = True
        if changed:
            path.write_text(text, encoding="utf-8")
    return done


#: an inline table of numbers (``weights = { … }``, ``ocr = { … }``): no braces or strings inside
_TABLE = r"(?<![\w.])\w+ = \{[^{}'\"]*\}"


def _sub_outside_comments(pat: str, value, block: str) -> tuple[str, int]:
    """Replace the first match of ``pat`` on a line that is not a comment (``value``: the
    text, or a function of the match)."""
    lines = block.split("\n")
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#"):
            continue
        new, n = re.subn(pat, value if callable(value) else (lambda _m: value), line, count=1)
        if n:
            lines[i] = new
            return "\n".join(lines), 1
    return block, 0


def _list_with(block: str, w: Weight, new) -> list:
    m = re.search(r"(?<![\w.])" + re.escape(w.key) + r" = \[([^\]]*)\]", block)
    values = [float(x) if "." in x else int(x) for x in m.group(1).replace(" ", "").split(",") if x]
    values[w.index] = new
    return values


def _toml_value(v) -> str:
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, float):
        return repr(round(v, 4))
    return str(v)


def table(rows: list[tuple[str, dict]]) -> str:
    """Figures side by side (%), one row per page set."""
    cols = [("CER", "cer"), ("paraF1", "para_f1"), ("segF1", "seg_f1"), ("title", "title_acc"),
            ("subt", "subtitle_acc"), ("bylin", "byline_acc"), ("datel", "dateline_acc"),
            ("subhd", "subhead_acc"), ("pqRec", "pq_recall"), ("pqLk", "pq_leak"), ("capLk", "cap_leak")]
    head = f"{'':<12}{'pages':>6}" + "".join(f"{c:>8}" for c, _ in cols) + f"{'fakeB':>8}"
    out = [head]
    for name, s in rows:
        cells = "".join(f"{'-' if s.get(k) is None else format(s[k] * 100, '.1f'):>8}" for _, k in cols)
        fake = "-" if s.get("fake_bold") is None else f"{s['fake_bold']}/{s['headings']}"  # a count, not %
        out.append(f"{name:<12}{s['pages']:>6}{cells}{fake:>8}")
    return "\n".join(out)


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def main_train(args) -> int:
    from .rules import load_rules

    rules = load_rules(args.rules)
    train_pages = load_gold_dirs(args.gold)
    val_pages = load_gold_dirs(args.validation) if args.validation else []
    stages = tuple(args.stages.split(",")) if args.stages else STAGES
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise InputError(f"--stages: unknown stage(s) {', '.join(unknown)} (choose from {', '.join(STAGES)})")
    weights = weights_of(rules, stages)
    if args.only:
        wanted = set(args.only.split(","))
        weights = [w for w in weights if w.rule in wanted or w.label() in wanted]
    jobs = args.jobs or (os.cpu_count() or 1)
    t0 = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:6.0f}s] {msg}", file=sys.stderr, flush=True)

    with Evaluator(train_pages, jobs) as train:
        before_train = train.summary(rules)
        fitted, changes = fit(rules, train, weights, rounds=args.rounds, log=log)
        after_train = train.summary(fitted)
    rows = [("train before", before_train), ("train after", after_train)]
    reliability = None
    if val_pages:
        from .stages.assemble import EVIDENCE

        with Evaluator(val_pages, jobs) as val:
            rows += [("valid before", val.summary(rules)), ("valid after", val.summary(fitted))]
            if not args.no_calibrate:
                # the confidence is calibrated on the validation pages, with the fitted weights
                per_page = outcomes(val, fitted)
                cal = calibrate(per_page, EVIDENCE)
                before_auc, _ = confidence_report(per_page, fitted["A002"].params)
                for key, value in cal.items():
                    w = Weight("A002", key)
                    if get(fitted, w) != value:
                        changes.append((w, get(fitted, w), value))
                        fitted = with_weight(fitted, w, value)
                after_auc, reliability = confidence_report(per_page, fitted["A002"].params)
                log(f"confidence calibrated on the validation pages: page AUROC "
                    f"{_fmt(before_auc)} -> {_fmt(after_auc)}")
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for stage, text in weights_toml(fitted, changes).items():
        (out / f"{stage}.toml").write_text(text, encoding="utf-8")
    print(table(rows))
    if reliability:
        print("confidence band  articles  right")
        for band, n, share in reliability:
            print(f"{band:<16} {n:>8}  {share * 100:5.1f}%")
    for w, old, new in changes:
        print(f"{w.label():<40} {old} -> {new}")
    print(f"cleaner: {len(changes)} weights changed -> {out} (use --rules {out})", file=sys.stderr)
    return 0
