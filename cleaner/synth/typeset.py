"""Setting text in a column: how a paragraph becomes the printed lines an extractor reads.

A Chinese column is measured in ems. A Han character or a full-width mark takes one em, an
ASCII letter, digit or blank half of one. A paragraph's first line is indented two ems (the
indent is lost in extraction, so the line comes out two characters short). Kinsoku: no line
starts with a closing mark (，。”）…); papers either let the mark hang past the measure
("squeezed" into the margin) or push the last character of the line down with it. A Latin word
is not broken, except that a long one may be hyphenated (``inter-`` / ``national``), and then
the gold joins it again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..chars import NO_LINE_START, OPENERS, width

#: closing marks no line starts with (the brackets of agency datelines too)
_NO_START = NO_LINE_START + "】〕)"
_LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.%+-_/")


@dataclass(frozen=True, slots=True)
class Metric:
    """The typesetter's font: how wide a digit, a Latin letter, a blank and a quote are.

    Not the cleaner's own width model (:func:`cleaner.chars.width`), on purpose: real fonts set
    digits and letters a little wider or narrower than half an em, and some papers squeeze
    quotes and brackets to half an em, others do not. Pages set with the cleaner's own model
    would teach the fitted weights a precision no real page has."""

    digit: float = 0.5
    latin: float = 0.5
    blank: float = 0.25
    quote: float = 0.5  # “”‘’（）《》: 0.5 squeezed, 1.0 not

    def width(self, text: str) -> float:
        w = 0.0
        for c in text:
            if c.isdigit() and c.isascii():
                w += self.digit
            elif c.isascii() and c.isalpha():
                w += self.latin
            elif c == " ":
                w += self.blank
            elif c in "“”‘’（）《》":
                w += self.quote
            else:
                w += width(c)
        return w


#: the cleaner's own model: what pages were set with before metrics varied
EXACT = Metric()


def random_metric(rng: random.Random) -> Metric:
    return Metric(digit=rng.choice((0.5, 0.5, 0.55, 0.6)), latin=rng.choice((0.5, 0.55, 0.6)),
                  blank=rng.choice((0.25, 0.33, 0.5)), quote=rng.choice((0.5, 1.0, 1.0)))


@dataclass(frozen=True, slots=True)
class Style:
    """How one column is set."""

    measure: float  # ems
    indent: float = 2.0  # ems lost on a paragraph's first line
    kinsoku: str = "hang"  # hang | push
    hyphenate: bool = False
    metric: Metric = EXACT


def _tokens(text: str) -> list[str]:
    """Characters, with runs of Latin letters and digits kept whole (they do not break)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] in _LATIN:
            j += 1
        if j > i:
            out.append(text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return out


def set_lines(text: str, style: Style, rng: random.Random | None = None) -> list[tuple[str, str]]:
    """The printed lines of ``text`` as ``(printed, gold_piece)``: joining the gold pieces
    gives ``text`` back exactly (a hyphen added at a break is print only)."""
    tokens = _tokens(text)
    measure_of = style.metric.width
    lines: list[tuple[str, str]] = []
    cur: list[str] = []
    cur_w = 0.0
    limit = style.measure - style.indent
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        w = measure_of(tok)
        if cur and cur_w + w > limit + 1e-9:
            if tok[0] in _NO_START:
                if style.kinsoku == "hang" or len(cur) < 2:
                    cur.append(tok)  # the mark hangs past the measure
                    i += 1
                    lines.append(("".join(cur), "".join(cur)))
                    cur, cur_w, limit = [], 0.0, style.measure
                    continue
                moved = cur.pop()  # push the last character down with the mark
                lines.append(("".join(cur), "".join(cur)))
                cur, cur_w, limit = [moved], measure_of(moved), style.measure
                continue
            if len(tok) > 6 and style.hyphenate and tok.isalpha() and rng is not None:
                room = int((limit - cur_w) * 2) - 1
                if room >= 3:
                    head, tail = tok[:room], tok[room:]
                    lines.append(("".join(cur) + head + "-", "".join(cur) + head))
                    tokens[i] = tail
                    cur, cur_w, limit = [], 0.0, style.measure
                    continue
            if cur[-1] and cur[-1][-1] in OPENERS:  # an opening mark never ends a line
                moved = cur.pop()
                lines.append(("".join(cur), "".join(cur)))
                cur, cur_w, limit = [moved], measure_of(moved), style.measure
                continue
            lines.append(("".join(cur), "".join(cur)))
            cur, cur_w, limit = [], 0.0, style.measure
            continue
        cur.append(tok)
        cur_w += w
        i += 1
    if cur:
        lines.append(("".join(cur), "".join(cur)))
    return [(p, g) for p, g in lines if g or p]


def break_heading(text: str, rng: random.Random, max_width: float) -> list[str]:
    """A headline over one or two lines, broken where an editor breaks it: at its blank
    (两个短语) when it does not fit the measure, else after a mark inside it (：，、), else,
    only when it does not fit the measure, near its middle.

    A headline of two phrases that fits is set on one line, its blank kept: broken at the
    blank it would read as a title and its subtitle, which no text cue can tell apart."""
    if len(text) < 8:
        return [text]
    if " " in text.strip():
        if width(text) <= max_width:
            return [text]
        head, _, tail = text.strip().partition(" ")
        return [head, tail.strip()]
    marks = [i + 1 for i, c in enumerate(text[:-2]) if c in "：，、" and i >= 2]
    if marks:
        cut = rng.choice(marks)
        return [text[:cut], text[cut:]]
    if width(text) <= max_width:
        return [text]
    cut = len(text) // 2 + rng.randint(-2, 2)
    while 0 < cut < len(text) and text[cut] in _NO_START:
        cut += 1
    return [text[:cut], text[cut:]] if 0 < cut < len(text) else [text]
