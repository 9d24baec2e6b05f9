"""Bare photo captions: a caption with no 图为 and no credit the label stage could see, set as a
line or two of its own between paragraphs, or read into a paragraph's lines; part of the label
stage (rule L003's ``bare_*`` parameters).

A reader tells such a caption from the text around it without a keyword: it is short, one
sentence, describing a scene (who, where, doing what; often a date first, ``11月8日，``, or a
place in the picture, ``（右）``), quoting and counting nothing; it stands apart from the text
(it begins a block or follows a closed sentence; its last line stops short while the paragraph
around it goes on, where a paragraph's only short line is its last); it sits by a credit; and
it repeats no sentence of the body (a pull quote does). Each of these is a cue (:data:`CUES`);
their weights are a logistic regression fitted on gold pages (``benchmarks/fit_captions.py``)
and live in L003's ``bare_weights``; a run of lines scoring at least ``bare_threshold`` is a
caption. The paragraph it cut is joined again by the assemble stage (A001's healing), as for a
pull quote or a credited caption.
"""

from __future__ import annotations

import re
from operator import mul
from typing import NamedTuple

from ..chars import ends_sentence, nows
from ..model import Block, Change, Page, replace
from ..rules import Rule, search_any
from ._common import dateline_at, plain_lines, rebuild
from .assemble.confidence import logistic
from .block_kinds import _label

STAGE = "label"

#: the cues a run of lines is weighed on, in the order of L003's ``bare_weights`` (besides bias)
CUES = ("opens_caption", "credit", "date_open", "position_mark", "said", "numbers", "commas", "length",
        "starts_block", "ends_block", "prev_closes", "after_other", "short_end", "short_inside", "narrower",
        "repeats", "scene", "linked", "follows_open")

#: each cue's place in CUES
_AT = {c: k for k, c in enumerate(CUES)}

_SENTENCE_END = re.compile("[。！？][”’」』]?")
_END_MARK = re.compile("[。！？]")
_DIGIT = re.compile(r"\d")


class Run(NamedTuple):
    """A run of consecutive lines that may be a caption: from line ``m1`` of block ``a`` to the
    line before ``m2`` of block ``b`` (blocks of the label stage's list), its sentence and its
    credit (``rest``, empty for none) and its cues."""

    a: int
    m1: int
    b: int
    m2: int
    sentence: str
    rest: str
    cues: tuple


def _column(blocks: list[Block], page: Page, k: int, skip: set[int], reach: int, cache: dict) -> float:
    """The measure of the text around block ``k``: the widest of its lines outside ``skip``
    (two at least), else the width of the nearest paragraph block set in a column within
    ``reach`` blocks (0 for none). ``cache``: each block's lines by width, widest first (a run
    skips a few lines: the widest of the rest is among the first few)."""
    b = blocks[k]
    got = cache.get(k)
    if got is None:
        got = cache[k] = (sorted(((page.lines[x].width, x) for x in b.lines), reverse=True), frozenset(b.lines))
    order, own = got
    if len(b.lines) - len(own.intersection(skip)) >= 2:
        return next(w for w, x in order if x not in skip)
    for d in range(1, reach + 1):
        for o in (k - d, k + d):
            if 0 <= o < len(blocks) and blocks[o].kind == "paragraph" and blocks[o].width:
                return blocks[o].width
    return 0.0


def candidate_runs(page: Page, blocks: list[Block], cap: Rule, rules, least: float | None = None,
                   dated_texts: dict | None = None) -> list[Run]:
    """Every run of lines of paragraph or heading blocks (consecutive on the page, up to
    ``bare_max_lines`` lines) that opens at a line's start and holds one sentence of at most
    ``bare_max_length`` characters, closing at a line's end or followed by a photo credit of
    L003's ``credit_patterns`` only; not one opening with a dateline (an article starts there),
    nor one taking in the first line of a block that opens with one (a dateline broken over
    two lines, 【新华社深圳十 / 一日电】…, is no credit: its head names an agency).

    ``least``: a probability (the caption stage passes ``bare_threshold``): a run that scores
    less however its costlier cues come out (:func:`_reach`) is left out, those cues unmeasured.
    (Most runs are a stretch of a paragraph that no caption's word opens: their cues cost most
    of the stage, and only the runs that reach the threshold are ever used.)
    ``dated_texts``: paragraph texts already known to open with a dateline or not (the label
    stage's :func:`~cleaner.stages.label.find_datelines` asked), not searched again."""
    p = cap.params
    reach = _reach(p, rules, least) if least is not None else None
    lines = page.lines
    out: list[Run] = []
    flat = [(k, m) for k, b in enumerate(blocks) for m in range(len(b.lines))]
    at = [x for b in blocks for x in b.lines]  # per line of ``flat``: its line on the page
    texts = None  # (the sentences of every block, counted: made once, if a run is found)
    # per line of ``flat``: its text without blanks (a line is in up to bare_max_lines runs),
    # whether a sentence ends in it, whether it follows the line before on the page, its kind
    plain_of = plain_lines(lines)
    plain = [plain_of[x] for x in at]
    has_end = [_END_MARK.search(t) is not None for t in plain]
    follows = [False] + [at[f] == at[f - 1] + 1 for f in range(1, len(at))]
    kinds = [b.kind for b in blocks for _ in b.lines]
    # (the blocks that open with a dateline: no run takes in their first line)
    known = dated_texts or {}
    dated = {k for k, b in enumerate(blocks) if b.kind == "paragraph" and (
        known[b.text] if b.text in known else dateline_at(rules, b.text) is not None)}
    longest, span, credit_longest = p["bare_max_length"], p["bare_max_lines"], p["credit_max_length"]
    # (the text after a run's sentence -> whether it is a credit: the runs from every line before
    # one sentence's end share their rests, each asked once)
    credit: dict[str, bool] = {}
    for f, (k, m) in enumerate(flat):
        if kinds[f] not in ("paragraph", "heading"):
            continue
        limit = min(len(flat), f + span)
        # (the lines before the first that ends a sentence only add up their length: most runs
        # stop there, too long or cut by a block of another kind, without a text to search)
        g0, size = f, 0
        while g0 < limit and not has_end[g0] and kinds[g0] in ("paragraph", "heading") \
                and (g0 == f or follows[g0]) and size + len(plain[g0]) <= longest:
            size += len(plain[g0])
            g0 += 1
        if g0 < limit and not has_end[g0]:
            continue  # (a block of another kind, a gap, or more than bare_max_length without a sentence)
        text = "".join(plain[f:g0])
        prev_line = lines[at[f] - 1] if at[f] > 0 else None
        end = None  # the first sentence end of text (none in the lines before g0)
        for g in range(g0, limit):
            if kinds[g] not in ("paragraph", "heading", "caption") or (g > f and not follows[g]):
                break  # (lines one after the other on the page only)
            if g > f and flat[g][1] == 0 and flat[g][0] in dated:
                break  # (an article's dated text starts here)
            if kinds[g] == "caption" and end is None and not _ends_cut_caption(p, plain[g], kinds[f:g]):
                break  # (a caption's own lines join a run as its credit, or as the end of its sentence)
            # (the first sentence end is where it was, or in the line added, if there was none:
            # searched from there, not from the run's start; at its place again, as a closing
            # quote that opens the line added may now end it)
            since = end.start() if end is not None else len(text)
            text += plain[g]
            # (the first sentence end, and whether a second follows: what a list of every
            # match would say, without making it)
            end = _SENTENCE_END.search(text, since)
            if end is None:
                if len(text) > longest:
                    break
                continue
            cut = end.end()
            if cut > longest or _SENTENCE_END.search(text, cut) is not None:
                break
            sentence, rest = text[:cut], text[cut:]
            if len(rest) > credit_longest:
                break  # (longer than a credit: more text, not a caption's credit)
            if rest:
                is_credit = credit.get(rest)
                if is_credit is None:
                    is_credit = credit[rest] = search_any(p["credit_patterns"], rest) is not None
                if not is_credit:
                    continue  # (a credit's first words: the run may go on to its end)
            if len(sentence) < p["bare_min_length"] or dateline_at(rules, sentence) is not None:
                break
            kg, mg = flat[g]
            if reach is None or reach(sentence, rest, m, mg + 1 < len(blocks[kg].lines), prev_line,
                                      m == 0 and (k == 0 or blocks[k - 1].kind != "paragraph")):
                if texts is None:
                    texts = _sentences(blocks)
                cues = _cues(page, blocks, cap, rules, k, m, kg, mg + 1, sentence, rest, prev_line, texts)
                out.append(Run(k, m, kg, mg + 1, sentence, rest, cues))
            if rest:
                break
    return out


def _reach(p: dict, rules, least: float):
    """Whether a run may score ``least`` (a probability), asked in two steps, each a bound:
    the cues that cost little are measured first (an opening caption's word, a date first,
    digits, commas, length, where the run stands, whether the line before closes a sentence,
    the credit where there is none), then the searches of its sentence (a position in the
    picture, a scene, what is said, a word tying it to the text before, whether its credit is
    one); each cue not yet measured is taken at whichever of its values scores more (all of
    them are 0/1 cues). The same weights add the same products in the same order, each no
    smaller than the run's own, so a bound is never under the run's score: a run below
    ``least`` at either step would score below it. (The measure of the column around the run
    and the sentences the page repeats, the dearest cues, are left to :func:`_cues`.)"""
    scored = _scorer(p["bare_weights"])
    weights = p["bare_weights"]
    # (each cue's value where known, else its higher-scoring one: the cues in CUES order, set
    # in place in a copy of these, where a dict of the known ones was read through per bound)
    up = [1.0 if weights[c] > 0 else 0.0 for c in CUES]

    def may(sentence: str, rest: str, m1: int, inside: bool, prev_line, after_other: bool) -> bool:
        m = search_any(p["bare_date_opener"], sentence)
        body = sentence[len(m.group()):] if m else sentence
        cues = up.copy()
        cues[_AT["opens_caption"]] = 1.0 if search_any(p["patterns"], sentence) else 0.0
        cues[_AT["date_open"]] = 1.0 if m else 0.0
        cues[_AT["numbers"]] = 1.0 if _DIGIT.search(body) else 0.0
        cues[_AT["commas"]] = float(body.count("，") + body.count("、"))
        cues[_AT["length"]] = float(len(sentence))
        cues[_AT["starts_block"]] = 1.0 if m1 == 0 else 0.0
        cues[_AT["ends_block"]] = 1.0 if not inside else 0.0
        cues[_AT["prev_closes"]] = 1.0 if prev_line is None or ends_sentence(prev_line.text) else 0.0
        cues[_AT["after_other"]] = 1.0 if after_other else 0.0
        if not rest:
            cues[_AT["credit"]] = 0.0
        if scored(cues) < least:
            return False
        cues[_AT["credit"]] = 1.0 if rest and not _closing(rules, p, rest) else 0.0
        cues[_AT["position_mark"]] = 1.0 if search_any(p["bare_position_marks"], sentence) else 0.0
        cues[_AT["said"]] = 1.0 if search_any(p["bare_said"], sentence) else 0.0
        cues[_AT["scene"]] = 1.0 if search_any(p["bare_scene"], body) else 0.0
        cues[_AT["linked"]] = 1.0 if search_any(p["bare_linked"], body) else 0.0
        return scored(cues) >= least
    return may


def _ends_cut_caption(p: dict, line: str, before: list[str]) -> bool:
    """A credited caption's line that opens with the end of a sentence too short to be a
    caption's (under ``bare_min_length``: ``压。新华社发（X摄）``), after lines of paragraphs or
    headings: the caption's sentence began on those lines, which a credit's pattern could not
    see. (A whole sentence before the credit is a caption of its own, and the heading above it
    may be a title.)"""
    end = _END_MARK.search(line)
    return end is not None and end.end() < p["bare_min_length"] \
        and all(k in ("paragraph", "heading") for k in before)


def _sentences(blocks: list[Block]) -> tuple:
    """The sentences of each block (without blanks) counted, and of the page (and a cache for
    :func:`_column`): a run's sentence
    found in another block repeats it (as a pull quote does its source), looked up, not searched
    for (a page of many pages run together has tens of thousands of runs)."""
    per_block = []
    total: dict[str, int] = {}
    for b in blocks:
        t = nows(b.text)
        counts: dict[str, int] = {}
        start = 0
        for m in _SENTENCE_END.finditer(t):
            s = t[start:m.end()]
            counts[s] = counts.get(s, 0) + 1
            total[s] = total.get(s, 0) + 1
            start = m.end()
        per_block.append(counts)
    return per_block, total, {}


def _closing(rules, p: dict, tail: str) -> bool:
    """``tail`` may be the source line that closes a report (据新华社, （路透社）: J001's
    ``closing_lines``) as well as a photo credit: no credit's evidence, unless a picture's word
    ends it (``credit_marks``: （明报制图）)."""
    closing = rules["J001"].params["closing_lines"] if rules.enabled("J001") else []
    return bool(search_any(closing, tail)) and not search_any(p["credit_marks"], tail)


def _cues(page: Page, blocks: list[Block], cap: Rule, rules, a: int, m1: int, b: int, m2: int, sentence: str,
          rest: str, prev_line, texts: tuple) -> tuple:
    p = cap.params
    lines = page.lines
    run_lines = [x for k in range(a, b + 1) for x in blocks[k].lines[(m1 if k == a else 0):(m2 if k == b else None)]]
    skip = set(run_lines)
    reach = p["bare_column_reach"]
    col = _column(blocks, page, a, skip, reach, texts[2])
    if b != a:  # (a run inside one block: one measure)
        col = max(col, _column(blocks, page, b, skip, reach, texts[2]))
    last_w = lines[run_lines[-1]].width
    short_end = bool(col) and last_w + p["bare_short_ems"] <= col
    inside = m2 < len(blocks[b].lines)
    narrower = bool(col) and max(lines[x].width for x in run_lines) + p["bare_short_ems"] <= col
    prev_closes = prev_line is None or ends_sentence(prev_line.text)
    after_other = m1 == 0 and (a == 0 or blocks[a - 1].kind != "paragraph")
    body = sentence[len(m.group()):] if (m := search_any(p["bare_date_opener"], sentence)) else sentence
    per_block, total, _ = texts
    if a == b:  # (a run inside one block, most runs: its count, without a loop over blocks)
        own = per_block[a].get(sentence, 0)
        repeats = total.get(sentence, 0) - own > 0 or own > 1
    else:
        repeats = total.get(sentence, 0) - sum(per_block[k].get(sentence, 0) for k in range(a, b + 1)) > 0 or any(
            per_block[k].get(sentence, 0) > 1 for k in range(a, b + 1))
    return (
        1.0 if search_any(p["patterns"], sentence) else 0.0,
        1.0 if rest and not _closing(rules, p, rest) else 0.0,
        1.0 if m else 0.0,
        1.0 if search_any(p["bare_position_marks"], sentence) else 0.0,
        1.0 if search_any(p["bare_said"], sentence) else 0.0,
        1.0 if _DIGIT.search(body) else 0.0,
        float(body.count("，") + body.count("、")),
        float(len(sentence)),
        1.0 if m1 == 0 else 0.0,
        1.0 if not inside else 0.0,
        1.0 if prev_closes else 0.0,
        1.0 if after_other else 0.0,
        1.0 if short_end else 0.0,
        1.0 if short_end and inside else 0.0,
        1.0 if narrower else 0.0,
        1.0 if repeats else 0.0,
        1.0 if search_any(p["bare_scene"], body) else 0.0,
        1.0 if search_any(p["bare_linked"], body) else 0.0,
        1.0 if m1 == 0 and _follows_open(blocks, a, p["bare_column_reach"]) else 0.0,
    )


def _follows_open(blocks: list[Block], a: int, reach: int) -> bool:
    """The nearest paragraph before block ``a`` (within ``reach`` blocks: headings, bylines,
    captions between) stops mid-sentence: a block that starts there may be its rest, cut by what
    is between."""
    for o in range(a - 1, max(-1, a - 1 - reach), -1):
        if blocks[o].kind == "paragraph":
            return not ends_sentence(blocks[o].text)
    return False


def score(weights: dict, cues: tuple) -> float:
    """The probability a run with these cues is a caption (L003's ``bare_weights``)."""
    return _scorer(weights)(cues)


def _scorer(weights: dict):
    """:func:`score` with ``weights`` read once: the weights in the order of CUES, each run's
    cues multiplied with them in one C loop (the same products, added in the same order)."""
    bias, ws = weights["bias"], [weights[c] for c in CUES]
    return lambda cues: logistic(bias + sum(map(mul, ws, cues)))


def find_bare_captions(page: Page, blocks: list[Block], cap: Rule, rules, changes: list,
                       dated_texts: dict | None = None) -> list[Block]:
    """``blocks`` with the runs of lines that read as a caption (score at least
    ``bare_threshold``) labelled captions, the blocks they were read into split around them
    (the best run first; runs do not overlap). Recorded: the split and the label."""
    p = cap.params
    scored = _scorer(p["bare_weights"])
    # (a run whose credit names a photographer's role or a picture's source, bare_strong_credits,
    # is a caption read into the text at the lower bare_credited_threshold: such a credit closes
    # no sentence of a report)
    low = min(p["bare_threshold"], p["bare_credited_threshold"])
    runs = [(scored(r.cues), r) for r in candidate_runs(page, blocks, cap, rules, low, dated_texts)]
    runs = sorted((x for x in runs if x[0] >= p["bare_threshold"] or x[0] >= low and x[1].rest
                   and _strong_credit(page, blocks, p, x[1])), key=lambda x: -x[0])
    if not runs:
        return blocks
    taken: set[int] = set()
    chosen = []
    for pr, r in runs:
        ks = set(range(r.a, r.b + 1))
        if ks & taken:
            continue
        taken |= ks
        chosen.append((pr, r))
    out = list(blocks)
    for pr, r in sorted(chosen, key=lambda x: -x[1].a):  # (from the page's end: indexes stay valid)
        a, b = blocks[r.a], blocks[r.b]
        pieces = []
        if r.m1 > 0:
            pieces.append(rebuild(page, replace(a, lines=a.lines[:r.m1], joiners=a.joiners[:r.m1 - 1])))
        lines_, joiners = [], []
        for k in range(r.a, r.b + 1):
            x = blocks[k]
            lo, hi = (r.m1 if k == r.a else 0), (r.m2 if k == r.b else len(x.lines))
            if lines_:
                joiners.append("" if not ends_sentence(page.lines[lines_[-1]].text) else " ")
            lines_ += x.lines[lo:hi]
            joiners += x.joiners[lo:hi - 1]
        caption = rebuild(page, replace(a, kind="caption", lines=tuple(lines_), joiners=tuple(joiners), width=0.0))
        if r.m1 > 0 or r.m2 < len(b.lines) or r.a != r.b:
            s, e = page.block_span(caption)
            changes.append(Change(cap.id, STAGE, "split", (s, e), "", "",
                                  f"a caption read into the text at line {page.line_no(caption.first)}: "
                                  f"'{caption.text[:30]}' (cues {_named(r.cues)}; p={pr:.2f})", cap.safety))
        pieces.append(_label(page, caption, "caption", cap, f"a caption standing apart (p={pr:.2f})", changes))
        if r.m2 < len(b.lines):
            pieces.append(rebuild(page, replace(b, lines=b.lines[r.m2:], joiners=b.joiners[r.m2:])))
        out[r.a:r.b + 1] = pieces
    return out


def _strong_credit(page: Page, blocks: list[Block], p: dict, r: Run) -> bool:
    """The text after the run's sentence is a credit no report's sentence ends with: it names
    a photographer's role or a picture's source (``bare_strong_credits``), or the run's last
    line as printed ends in a name set apart from 摄 by a blank (``bare_strong_credit_lines``:
    ``袁阳倩 摄``; a line broken inside 摄氏度 or 拍摄 has none)."""
    if search_any(p["bare_strong_credits"], r.rest):
        return True
    last = page.lines[blocks[r.b].lines[r.m2 - 1]].text.rstrip()
    return search_any(p["bare_strong_credit_lines"], last) is not None


def _named(cues: tuple) -> str:
    return ", ".join(f"{c}={v:g}" for c, v in zip(CUES, cues) if v)
