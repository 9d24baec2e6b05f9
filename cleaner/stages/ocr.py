"""Stage 2, ocr: character repairs for what OCR engines break, on OCR output only.

An OCR engine reads a Chinese page as pictures of characters and guesses each one: it sets
half-width ``,;:!?)`` next to Han characters, reads the full-width ``（`` as ``〈``, ``《`` or
``“`` (so a dateline reads ``本报讯〈记者X)``), a dash ``——`` as two ``一``, a byline's ornament
``◎`` as ``@@``. A PDF text layer carries the characters the typesetter set and has none of
this, and some of these repairs would be wrong there (``一一对应`` is prose), so the stage runs
only on a page the text shows to be OCR output: the first rule (O001) counts the signs of it
and records what it found as a flag, the others repair. ``--extractor ocr`` (``--source ocr``)
says so outright, ``--extractor`` with any other value but ``auto`` rules it out.

Edits are over the raw source, like the normalise stage's, and never on characters an earlier
edit changed.
"""

from __future__ import annotations

import functools

import regex

from ..model import Change, Page, replace
from ..rules import Rule
from ._common import source_replacements

STAGE = "ocr"


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.MULTILINE)


def ocr_signs(text: str, rule: Rule) -> dict[str, int]:
    """How often each sign of OCR output (the detection rule's ``sign_patterns``, named by its
    ``sign_names``) occurs in ``text``."""
    names = list(rule.params["sign_names"])
    pats = rule.params["sign_patterns"]
    names += [f"sign {k + 1}" for k in range(len(names), len(pats))]
    return {name: sum(1 for _ in _compiled(p).finditer(text)) for name, p in zip(names, pats)}


def is_ocr(text: str, rule: Rule) -> tuple[bool, dict[str, int]]:
    """Whether ``text`` reads as OCR output: enough signs in all, and often enough for its
    length (a long text page may hold a stray half-width comma or two)."""
    counts = ocr_signs(text, rule)
    total = sum(counts.values())
    rate = 1000.0 * total / max(len(text), 1)
    return total >= rule.params["min_signs"] and rate >= rule.params["min_rate"], counts


def detect(page: Page, rule: Rule):
    """The flag that says the page was read as OCR output, with the signs counted."""
    found, counts = is_ocr(page.source, rule)
    if not found:
        return [], []
    signs = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
    return [], [Change(rule.id, STAGE, "flag", (0, 0), "", "", rule.describe(signs=signs), rule.safety)]


_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def punct_width(page: Page, rule: Rule):
    """``发展,创新`` / ``据了解:`` → full-width: an OCR engine sets the half-width mark even where
    only one side is Han (the normalise stage asks for Han on both sides, right for a text
    layer, where a half-width mark next to Latin text is real)."""
    pat = _compiled(rule.params["pattern"])
    repl = [(m.start(), m.end(), _FULL.get(m.group(), m.group())) for m in pat.finditer(page.source)]
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def bracket_pairs(page: Page, rule: Rule):
    """``〈记者X)`` / ``《记者X)`` / ``〈“记者X)`` → ``（记者X）``: an opener the engine misread (or a run of them), closed by a
    round bracket within ``reach`` characters (one line break allowed). The search stops at
    any of ``stops`` (another opener, a closer of the opener's own kind: ``《书名》`` keeps its
    marks) and repairs only a pair with Han text inside (``inside_pattern``)."""
    src = page.source
    reach, closers, stops = rule.params["reach"], rule.params["closers"], rule.params["stops"]
    inside = _compiled(rule.params["inside_pattern"])
    repl = []
    for m in _compiled(rule.params["openers"]).finditer(src):
        o, o1 = m.start(), m.end()  # a run of openers (〈“) is one misread bracket
        breaks = 0
        for k in range(o1, min(len(src), o1 + reach)):
            c = src[k]
            if c == "\n":
                breaks += 1
                if breaks > 1:
                    break
            elif c in closers:
                if inside.search(src, o1, k):
                    repl += [(o, o1, "（"), (k, k + 1, "）")]
                break
            elif c in stops:
                break
    repl = sorted(set(repl))
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def pattern_repair(page: Page, rule: Rule):
    """The rule's ``pattern`` replaced by ``to`` wherever it matches: dashes read as ``一一``,
    a byline's ornament read as ``@@``…"""
    to = rule.params["to"]
    repl = [(m.start(), m.end(), to) for m in _compiled(rule.params["pattern"]).finditer(page.source)
            if m.end() > m.start()]
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def flags(page: Page, rule: Rule):
    """Places a person should look at and the cleaner must not guess: a ``%`` with a stray
    digit (``59%`` for ``5%``, ``%6``) cannot be told from a real number by the text alone."""
    pat = _compiled(rule.params["pattern"])
    changes = [Change(rule.id, STAGE, "flag", (m.start(), m.end()), m.group(), m.group(),
                      rule.describe(text=m.group()), rule.safety) for m in pat.finditer(page.source)]
    return [], changes


REGISTRY = {
    "detect_ocr": detect,
    "punct_width": punct_width,
    "bracket_pairs": bracket_pairs,
    "pattern_repair": pattern_repair,
    "flags": flags,
}


def _taken(page: Page) -> set[int]:
    """Source positions an earlier stage's edits changed."""
    out: set[int] = set()
    for e in page.overlay.edits:
        out.update(range(e.start, max(e.end, e.start + 1)))
    return out


def run(page: Page) -> Page:
    mode = page.rules.option("extractor", "auto")
    rules = [r for r in page.rules.for_stage(STAGE) if r.enabled]
    if mode not in ("auto", "ocr") or not rules:
        return page
    changes = []
    detector = next((r for r in rules if r.check == "detect_ocr"), None)
    if mode == "auto":
        if detector is None:
            return page
        _, changes = detect(page, detector)
        if not changes:
            return page
    edits: list = []
    taken = _taken(page)
    for rule in rules:
        if rule.check == "detect_ocr":
            continue
        e, c = REGISTRY[rule.check](page, rule)
        if not e:
            changes.extend(c)
            continue
        for ed, ch in zip(e, c):
            span = range(ed.start, max(ed.end, ed.start + 1))
            if any(p in taken for p in span):
                continue
            taken.update(span)
            edits.append(ed)
            changes.append(ch)
    edits.sort(key=lambda e: (e.start, e.end))
    layout = replace(page.layout, ocr=True)
    return page.evolve(overlay=page.overlay.apply(edits) if edits else page.overlay, layout=layout,
                       changes=page.changes + tuple(changes))
