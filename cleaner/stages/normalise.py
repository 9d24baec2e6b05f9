"""Stage 1, normalise: character repairs that need no layout knowledge.

PDF text layers and OCR engines emit characters a typesetter never set: full-width Latin
letters and digits (``２０２２``), Kangxi radicals and compatibility ideographs that look like
ordinary Han (``⼗⼤`` for ``十大``), ASCII punctuation inside Chinese text, zero-width and
control characters, and sometimes Traditional characters on a Simplified page. Each is
mapped one character at a time: NFKC over the whole text would also turn the full-width
punctuation and curly quotes a Chinese body must keep into ASCII.

Spaces are *not* handled here: whether a blank is an extraction artifact or belongs to a
heading or byline depends on the block's kind, so the spacing stage runs after labelling.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib.resources import files

from ..chars import HAN, HAN_RE
from ..model import Page
from ..rules import Rule
from ._common import flag_matches, source_replacements

STAGE = "normalise"


_FULLWIDTH = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_FULLWIDTH_RE = re.compile(f"[{_FULLWIDTH}]+")
_COMPAT = "\u2f00-\u2fd5\u2e80-\u2ef3\uf900-\ufad9"
_COMPAT_RE = re.compile(f"[{_COMPAT}]")
#: One character per edit: some of these are whitespace to the lines stage (\x1c, \x85), and
#: an edit must never straddle a line's edge. Lone surrogates (broken UTF-16 in JSON input)
#: cannot be written out as UTF-8 and go too.
_INVISIBLE = "\u0000-\u0008\u000e-\u001b\u001f\u007f-\u0084\u0086-\u009f\u200b-\u200d\u2060\ufeff\u00ad\ud800-\udfff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_REPLACEMENT_RE = re.compile("\ufffd+")
#: Every character one of the rules in GATED looks for, in one class: most pages hold none of
#: them, and one scan for all (a table lookup per character) replaces one scan per rule.
_RARE_RE = re.compile(f"[{_FULLWIDTH}{_COMPAT}{_INVISIBLE}\ufffd]")
_SEG_RE = re.compile(r"[^\n\r\u2028\u2029]+")


def fullwidth_ascii(page: Page, rule: Rule):
    """``２０２２`` → ``2022``: full-width letters and digits are ASCII in a clean body."""
    repl = [(m.start(), m.end(), m.group().translate(_FW_TABLE)) for m in _FULLWIDTH_RE.finditer(page.source)]
    return source_replacements(page, STAGE, rule, repl,
                               lambda b, a: rule.describe(before=b, after=a))


_FW_TABLE = {c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}


@functools.lru_cache(maxsize=None)
def _unified(c: str) -> str:
    u = _radicals().get(c) or unicodedata.normalize("NFKC", c)
    return u if len(u) == 1 and re.match(f"[{HAN}]", u) else c


@functools.lru_cache(maxsize=1)
def _radicals() -> dict[str, str]:
    """The CJK Radicals Supplement, which NFKC leaves alone (``⻘`` U+2ED8 stays), mapped to the
    ideographs Unicode names as their equivalents (``cleaner/radicals.txt``)."""
    table = {}
    for line in files("cleaner").joinpath("radicals.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            radical, han = line.split("\t")[:2]
            table[radical] = han
    return table


def compat_ideographs(page: Page, rule: Rule):
    """``⼗⼤`` → ``十大``: Kangxi radicals and compatibility ideographs to unified Han."""
    repl = []
    for m in _COMPAT_RE.finditer(page.source):
        u = _unified(m.group())
        if u != m.group():
            repl.append((m.start(), m.end(), u))
    return source_replacements(page, STAGE, rule, repl,
                               lambda b, a: rule.describe(before=b, after=a))


_FULL_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def ascii_punct_in_cjk(page: Page, rule: Rule):
    """``研究,发展`` → ``研究，发展``: ASCII punctuation set between Han is a full-width mark.

    A mark converts when Han (or a Chinese quote/bracket) stands on both sides; a pair of
    parentheses converts when it encloses Han text or touches Han on the outside.
    """
    src = page.source
    # find the (rare) marks first and look at their neighbours: a lookbehind tried at every
    # position of the page was most of this rule's time
    repl = [(m.start(), m.end(), _FULL_PUNCT[m.group()]) for m in _marks_pattern(rule.params["marks"]).finditer(src)
            if m.start() and _LEFT_OF_MARK.match(src, m.start() - 1) and _RIGHT_OF_MARK.match(src, m.end())]
    for m in _PAREN_RE.finditer(page.source):
        inner = m.group(1)
        before = page.source[m.start() - 1:m.start()]
        after = page.source[m.end():m.end() + 1]
        if _HAN_ONE.search(inner) or (_HAN_ONE.match(before) and _HAN_ONE.match(after)):
            repl += [(m.start(), m.start() + 1, "（"), (m.end() - 1, m.end(), "）")]
    repl.sort()
    return source_replacements(page, STAGE, rule, repl,
                               lambda b, a: rule.describe(before=b, after=a))


_HAN_ONE = re.compile(f"[{HAN}]")
#: ASCII parentheses around up to 40 characters, which a line break (and the blank line
#: some extractors set after every line) may cut: 本报讯(记者任光 / 芳)
_PAREN_RE = re.compile(r"\(([^()\r\n]{1,40}(?:(?:[ \t\u3000]*\r?\n){1,2}[^()\r\n]{1,40})?)\)")


_LEFT_OF_MARK = re.compile(f"[{HAN}”’）》」]")
_RIGHT_OF_MARK = re.compile(f"[{HAN}“‘（《「(]")


@functools.lru_cache(maxsize=8)
def _marks_pattern(marks: str) -> re.Pattern:
    return re.compile(f"[{re.escape(marks)}]")


def invisible_chars(page: Page, rule: Rule):
    """Zero-width spaces, soft hyphens, BOMs and control characters carry nothing a reader sees."""
    repl = [(m.start(), m.end(), "") for m in _INVISIBLE_RE.finditer(page.source)]
    return source_replacements(page, STAGE, rule, repl,
                               lambda b, a: rule.describe(before=b.encode("unicode_escape").decode(), after=a))


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")  # a C pass that fails only on a lone surrogate: the usual answer
        return text
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("", text)


def traditional_to_simplified(page: Page, rule: Rule):
    """Traditional characters to Simplified with OpenCC, only where the text is Traditional.

    OpenCC is not a no-op on Simplified text, so with ``--convert auto`` (the default) a
    line is converted only when enough of its Han characters are Traditional-only, or when
    the page as a whole is Traditional; ``--convert t2s`` converts every line, ``none``
    none.
    """
    mode = page.rules.option("convert", "auto")
    if mode == "none":
        return [], []
    from ..scripts import converter, traditional_share

    conv = converter(rule.params["config"])
    if mode == "auto":
        plain = _no_surrogates(page.source)
        whole = conv.convert(plain)  # one pass at C speed rules out Simplified pages
        if whole == plain or (len(whole) == len(plain)
                              and sum(map(str.__ne__, whole, plain)) < rule.params["min_chars"]):
            return [], []
    segs = [(m.start(), m.end(), m.group()) for m in _SEG_RE.finditer(page.source)]
    if mode == "auto":
        trad = han = 0
        shares = []
        # a line the page-wide conversion left as it was has no Traditional character to
        # count (where the conversion kept every position): counted at C speed, not per
        # character, so a long page with a few Traditional pages in it costs what they do
        aligned = len(whole) == len(plain) and len(plain) == len(page.source)
        for s, e, text in segs:
            if aligned and whole[s:e] == text:
                t, h = 0, len(HAN_RE.findall(text))
            else:
                t, h = traditional_share(text)
            trad += t
            han += h
            shares.append((t, h))
        page_trad = han > 0 and trad >= rule.params["min_chars"] and trad / han >= rule.params["min_ratio"]
        chosen = [seg for seg, (t, h) in zip(segs, shares)
                  if t and (page_trad or (t >= rule.params["min_chars"] and t / h >= rule.params["min_ratio"]))]
    else:
        chosen = segs
    if not chosen:
        return [], []
    repl = []
    for s, e, text in chosen:
        if _SURROGATE_RE.search(text):
            continue  # OpenCC cannot encode lone surrogates; N004 removes them
        out = conv.convert(text)
        if out == text:
            continue
        if len(out) == len(text):
            i = 0
            n = len(text)
            while i < n:
                if text[i] != out[i]:
                    j = i
                    while j < n and text[j] != out[j]:
                        j += 1
                    repl.append((s + i, s + j, out[i:j]))
                    i = j
                else:
                    i += 1
        else:
            repl.append((s, e, out))
    return source_replacements(page, STAGE, rule, repl,
                               lambda b, a: rule.describe(before=b, after=a))


def replacement_chars(page: Page, rule: Rule):
    """U+FFFD marks bytes the decoder could not read (``--errors replace``): each one is
    recorded, so a replaced byte is never a silent loss. The character itself stays."""
    return [], flag_matches(STAGE, rule, _REPLACEMENT_RE.finditer(page.source), lambda m: {"count": len(m.group())})


REGISTRY = {
    "fullwidth_ascii": fullwidth_ascii,
    "compat_ideographs": compat_ideographs,
    "ascii_punct_in_cjk": ascii_punct_in_cjk,
    "invisible_chars": invisible_chars,
    "traditional_to_simplified": traditional_to_simplified,
    "replacement_chars": replacement_chars,
}


#: Rules that find nothing on a page without a character of ``_RARE_RE``.
GATED = {"fullwidth_ascii", "compat_ideographs", "invisible_chars", "replacement_chars"}


def run(page: Page) -> Page:
    edits, changes = [], []
    taken: set[int] = set()
    rare = _RARE_RE.search(page.source) is not None
    for rule in page.rules.for_stage(STAGE):
        if not rule.enabled or (not rare and rule.check in GATED):
            continue
        e, c = REGISTRY[rule.check](page, rule)
        if not e:  # flags only: nothing to place in the overlay
            changes.extend(c)
            continue
        for ed, ch in zip(e, c):
            # two rules never edit the same characters: the first one listed wins
            if any(p in taken for p in range(ed.start, ed.end)):
                continue
            taken.update(range(ed.start, ed.end))
            edits.append(ed)
            changes.append(ch)
    if not edits and not changes:
        return page
    return page.evolve(overlay=page.overlay.apply(edits), changes=page.changes + tuple(changes))
