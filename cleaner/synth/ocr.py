"""Reading a synthesised page as Tesseract reads a printed newspaper page (the OCR style).

A typeset page is read by an OCR engine, not by a PDF extractor: the engine sees the ink, so
fake bold comes out once and indents as nothing; it sets a blank line around every block it
finds (a heading, a column's stretch of text, a caption), before most paragraph starts, and
where a column breaks, even inside a paragraph; a headline drawn across the columns may come
out in two pieces read at different places; a picture leaves a junk line or two (``人``,
``-一``, ``HI``). And it misreads: look-alike Han characters (千→干, 土→士, 末→未), a dropped
character, a stray ``人`` or ``和``, half-width ``:;?!)`` next to Han with a blank after them,
``（`` as ``〈``, ``《``, ``“`` or ``(``, ``——`` as ``一一``, a stray digit by ``%``, the byline
ornament ``◎`` as ``@``, ``@@`` or a Han character.

Every rate is measured from real Tesseract output (``benchmarks/ocr_noise.py`` writes
``ocr_noise.json`` next to this module; it names the folders it measured); :data:`OCR_READING`
holds the few parameters the measurement does not give. Each misreading of a line is recorded
as a :class:`Misread` (its span in the printed line, the characters the print had, its kind),
so the gold stays exact and a test can undo the noise (:func:`undo`) and prove the gold is the
lines joined.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

from ..chars import HAN_RE

NOISE_FILE = Path(__file__).with_name("ocr_noise.json")

#: layout choices a page of the OCR style takes (page variation overrides): Tesseract writes
#: ``\n`` line ends, reads fake bold once and indents as nothing; its blanks are the noise's
#: own; OCR pages are Simplified typeset pages, never already clean
OCR_VARIATION = {
    "clean_page": 0.0,
    "traditional_page": 0.0,
    "crlf": 0.0,
    "spacey_page": 0.0,
    "lead_space": 0.0,
    "bold": {"none": 1.0},
    "bold_subheads": {"none": 1.0},
}

#: what the measurement does not give. Ornaments: the dev pages' PDF text layer against their
#: OCR (◎→@ twice, □→口 twice, □ lost twice, ★→女, ★→妈) with the readings the issue saw on
#: psm 4 (@@, 加, 名); a column's height is drawn around ``column_lines`` times the measured
#: stretch of lines between two blank lines inside paragraphs, from half of it to half again
#: (the factor is calibrated: with it, the inside-paragraph blank rate of 60 synthetic pages,
#: measured by the same script, comes out as the real one).
OCR_READING = {
    "ornament_readings": {"@": 3, "@@": 2, "口": 2, "": 2, "女": 1, "加": 1, "名": 1},
    "column_lines": 1.3,
    "column_spread": 0.5,
    "title_cut_at_blank": 0.7,  # a headline of two phrases comes apart at its blank, mostly
}

ORNAMENT_CHARS = "◎□■●○▲★◇"
HALF_MARKS = ",.;:!?()\"'<>-"


@dataclass(frozen=True, slots=True)
class Misread:
    """One misreading in a printed line: ``line[start:end]`` was ``was`` on the page."""

    start: int
    end: int
    was: str
    kind: str  # substitute | drop | mark | insert | percent | blank | ornament | digit


def undo(text: str, misreads) -> str:
    """The line as printed, before the engine read it."""
    for m in reversed(misreads):
        text = text[:m.start] + m.was + text[m.end:]
    return text


def _table(counts: dict) -> tuple[tuple[str, ...], tuple[float, ...]]:
    keys = tuple(counts)
    return keys, tuple(float(counts[k]) for k in keys)


@dataclass(frozen=True, slots=True)
class OcrNoise:
    """The measured rates (see ``benchmarks/ocr_noise.py`` for what each one counts)."""

    rates: dict
    layout: dict
    marks: dict  # mark -> (readings, weights)
    confusions: dict  # Han -> (readings, weights)
    after_mark: tuple
    other: tuple
    junk: tuple
    ornaments: tuple
    measured_on: tuple

    def pick(self, rng: random.Random, table: tuple) -> str:
        keys, weights = table
        return rng.choices(keys, weights)[0]


_RATES = ("han_substitute", "han_substitute_heading", "han_drop", "digit_substitute", "insert_after_mark",
          "insert_by_percent", "insert_other", "blank_han_alnum", "blank_after_half_mark", "blank_other")
_LAYOUT = ("blank_before_paragraph", "blank_inside_paragraph", "blank_around_heading", "stretch_lines_mean",
           "junk_lines_per_page", "title_apart")


def load_noise(path: Path | str = NOISE_FILE) -> OcrNoise:
    """The rates of ``path`` (the shipped file by default); a missing key is named."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for section, keys in (("recognition", _RATES), ("layout", _LAYOUT)):
        for k in keys:
            if not isinstance(data.get(section, {}).get(k), (int, float)):
                raise ValueError(f"{path}: {section}.{k} must be a number")
    confusions: dict[str, dict[str, int]] = {}
    for x, y, n in data["han_confusions"]:
        confusions.setdefault(x, {})[y] = n
    marks = {m: _table({k: v for k, v in spec["readings"].items()}) for m, spec in data["marks"].items()}
    return OcrNoise(
        rates={k: data["recognition"][k] for k in _RATES},
        layout={k: data["layout"][k] for k in _LAYOUT},
        marks=marks,
        confusions={x: _table(ys) for x, ys in confusions.items()},
        after_mark=_table(data["inserted_after_mark"]),
        other=_table(data["inserted_other"]),
        junk=_table(data["junk"]),
        ornaments=_table(OCR_READING["ornament_readings"]),
        measured_on=tuple(data.get("measured_on", ())),
    )


def coverage(noise: OcrNoise, texts) -> float:
    """The share of the Han characters of ``texts`` that have a known look-alike: the
    substitution rate is spread over those characters only, so that the page's rate is the
    measured one."""
    han = known = 0
    for t in texts:
        for c in t:
            if HAN_RE.match(c):
                han += 1
                known += c in noise.confusions
    return known / han if han else 0.0


def _alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _boundary(a: str, b: str) -> bool:
    return bool((HAN_RE.match(a) and _alnum(b)) or (_alnum(a) and HAN_RE.match(b)))


def misread(text: str, rng: random.Random, noise: OcrNoise, scale: float, heading: bool = False):
    """``text`` as the engine reads it, and the :class:`Misread` list that undoes it.
    ``scale`` spreads the substitution rate over the characters with a known look-alike
    (1 / :func:`coverage`)."""
    r = noise.rates
    sub = min(1.0, (r["han_substitute_heading"] if heading else r["han_substitute"]) * scale)
    out: list[str] = []
    edits: list[Misread] = []
    pos = 0

    def emit(s: str, was: str, kind: str) -> None:
        nonlocal pos
        out.append(s)
        if s != was:
            edits.append(Misread(pos, pos + len(s), was, kind))
        pos += len(s)

    lost = False  # an ornament read as nothing at the line's start takes its blank with it
    for i, c in enumerate(text):
        prev = text[i - 1] if i else ""
        if lost and c == " ":
            emit("", c, "ornament")
            continue
        lost = False
        if prev and _boundary(prev, c) and rng.random() < r["blank_han_alnum"]:
            emit(" ", "", "blank")
        if c == "%" and rng.random() < r["insert_by_percent"]:
            digit = str(rng.randrange(10))
            if rng.random() < 0.5:  # 5% -> 59%, else 5%6
                emit(digit, "", "percent")
                emit(c, c, "")
            else:
                emit(c, c, "")
                emit(digit, "", "percent")
            continue
        if c in ORNAMENT_CHARS:
            emit(noise.pick(rng, noise.ornaments), c, "ornament")
            lost = not "".join(out)
        elif c in noise.marks:
            emit(noise.pick(rng, noise.marks[c]), c, "mark")
        elif HAN_RE.match(c):
            if c in noise.confusions and rng.random() < sub:
                emit(noise.pick(rng, noise.confusions[c]), c, "substitute")
            elif rng.random() < r["han_drop"]:
                emit("", c, "drop")
            else:
                emit(c, c, "")
        elif c.isdigit() and c.isascii() and rng.random() < r["digit_substitute"]:
            emit(rng.choice([d for d in "0123456789" if d != c]), c, "digit")
        else:
            emit(c, c, "")
        read = out[-1]
        if not read:
            continue
        if read[-1] in HALF_MARKS and rng.random() < r["blank_after_half_mark"]:
            emit(" ", "", "blank")
        if c in noise.marks or c in HALF_MARKS:
            if rng.random() < r["insert_after_mark"]:
                emit(noise.pick(rng, noise.after_mark), "", "insert")
        elif rng.random() < r["insert_other"]:
            emit(noise.pick(rng, noise.other), "", "insert")
        elif 0 < i < len(text) - 1 and rng.random() < r["blank_other"]:
            emit(" ", "", "blank")
    return "".join(out), tuple(edits)


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth): how many junk lines a page gets."""
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k
