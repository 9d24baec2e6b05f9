"""Character tables and small predicates, kept apart from the stages that use them.

A newspaper column is measured in ems: a Han character, a full-width punctuation mark or a
curly quote takes one em, an ASCII letter, digit or space takes half of one. Everything the
rejoin stage knows about "a full line" rests on the width function below.
"""

from __future__ import annotations

import functools
import re

#: Han ideographs (URO, extension A, compatibility block, the supplementary planes).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Everything that sets one em wide in a Chinese column besides Han: kana, full-width forms,
#: CJK punctuation, curly quotes, dashes and ellipses, the enclosed and ornamental marks.
WIDE_EXTRA = r"\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\uff00-\uffef\u25a0-\u25ff\u2605\u2606"
HAN_RE = re.compile(f"[{HAN}]")
#: A character that sits between Han text without a blank in a clean Chinese body.
CJK_CHAR = f"[{HAN}{WIDE_EXTRA}]"
_HALF_RE = re.compile(f"[^{HAN}{WIDE_EXTRA}]")

#: Sentence-final marks: a line that ends in one of these may end a paragraph.
TERMINAL = "。！？!?…；;"
#: Closing marks that may follow a sentence-final mark (。” ！） ……」).
CLOSERS = "”’」』）)》〉】"
OPENERS = "“‘「『（(《〈【"
#: Marks a typesetter never starts a line with (kinsoku): they are pulled onto the line before.
NO_LINE_START = "，。、；：！？）》」』”’…"

ORNAMENTS = "◎□■◆◇●○★☆▲△▼▽◉•"

#: What may follow a sentence-final mark at the end of a line.
_TRAILING = CLOSERS + "\"'"


#: Marks that Chinese typesetting squeezes to half an em when they stand next to each other or at
#: the edge of a phrase; counting them as half fits real columns better.
SQUEEZED = "“”‘’（）《》"
_BLANK_RE = re.compile(r" ")
BLANK_WIDTH = 0.25


def _without(char_class: str, chars: str) -> str:
    """The body of a ``[...]`` class (single characters and ``a-b`` ranges, already
    unescaped) with ``chars`` taken out."""
    items, i = [], 0
    while i < len(char_class):
        if i + 2 < len(char_class) and char_class[i + 1] == "-":
            items.append((ord(char_class[i]), ord(char_class[i + 2])))
            i += 3
        else:
            items.append((ord(char_class[i]), ord(char_class[i])))
            i += 1
    cut = sorted(ord(c) for c in chars)
    out = []
    for lo, hi in items:
        for c in cut:
            if lo <= c <= hi:
                if lo < c:
                    out.append((lo, c - 1))
                lo = c + 1
        if lo <= hi:
            out.append((lo, hi))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in out)


#: Characters that take half an em: neither Han nor wide, or wide but squeezed (one scan).
_HALF_OR_SQUEEZED_RE = re.compile(
    f"[^{_without((HAN + WIDE_EXTRA).encode().decode('unicode_escape'), SQUEEZED)}]")


def width(text: str) -> float:
    """Visual width of ``text`` in ems: wide characters count 1, everything else 1/2.

    >>> width("2022年")
    3.0
    """
    return len(text) - 0.5 * len(_HALF_OR_SQUEEZED_RE.findall(text)) - (0.5 - BLANK_WIDTH) * text.count(" ")


def all_wide(text: str) -> bool:
    """Whether every character of ``text`` is a wide one (Han, full-width punctuation, quotes
    and brackets): no digit, Latin letter or blank, whose width is a guess. (Its squeezed
    marks, :data:`SQUEEZED`, are all it has to guess.)

    >>> all_wide("“健康守门人”"), all_wide("2022年")
    (True, False)
    """
    return _HALF_RE.search(text) is None


def half_count(text: str) -> int:
    """How many characters of ``text`` :func:`width` counts as half an em: digits, Latin
    letters, squeezed quotes and brackets. Their printed width varies with the font and the
    setting (a quote next to another is squeezed, one alone may not be): each is a guess.

    >>> half_count("“90后”")
    4
    """
    return len(_HALF_OR_SQUEEZED_RE.findall(text))


#: How many texts :func:`ends_sentence` and :func:`nows` keep their answers for: a page's lines
#: and paragraphs are asked about again and again by stage after stage (the sample page asks
#: ends_sentence 2,124 times of 389 texts, nows 1,161 times of 457), and a cache hit, in C,
#: costs a fraction of the string operations. (The texts asked are lines and paragraphs, a few
#: hundred characters at most, also on a page 100 times as long: the caches stay small.)
TEXT_CACHE = 4096


@functools.lru_cache(maxsize=TEXT_CACHE)
def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with a sentence-final mark, optionally followed by closers.

    A full stop counts after a Latin letter or a closing parenthesis, not after a digit
    (``1.`` numbers a list item). String operations, not a regex: it runs several times a line.

    >>> ends_sentence("建设成效显著。”"), ends_sentence("引导企业全方位改造"), ends_sentence("in 2022.")
    (True, False, False)
    """
    t = text.rstrip(_TRAILING)
    if not t:
        return False
    last = t[-1]
    if last in TERMINAL:
        return True
    return last == "." and len(t) > 1 and t[-2].isascii() and (t[-2].isalpha() or t[-2] == ")")


@functools.lru_cache(maxsize=TEXT_CACHE)  # (see TEXT_CACHE)
def nows(text: str) -> str:
    """``text`` without any whitespace (what ``\\s`` matches; ``str.split`` is 5x faster than a regex)."""
    return "".join(text.split())


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))


def quote_balance(text: str) -> int:
    """Open minus closed Chinese double quotes and brackets: positive inside a quotation."""
    return (
        text.count("“") - text.count("”")
        + text.count("（") - text.count("）")
        + text.count("《") - text.count("》")
    )


def opens_bracket(text: str) -> bool:
    """The line leaves a round bracket open (本报讯（YMG全媒体记): the next line is inside it."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")
