"""Text measures the assemble stage weighs with: shared word pairs (affinity), counts of
words in a page's text, blank lines that set articles apart."""

from __future__ import annotations

import functools
import operator
import re

from ...chars import HAN_RE, nows
from ...model import Block, Page


#: a subtitle led in by a dash (——访…, ——记…): never a title, a kicker or a subhead
_DASH = re.compile(r"^\s*(?:—|－－|--|―)")
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def page_gap(page: Page, b: Block) -> bool:
    """A blank line before ``b`` on a page that uses blank lines only between articles.

    Not on OCR output: an OCR engine sets a blank line around every block its layout
    analysis finds (a heading, a column's stretch of text), subheads and titles alike."""
    if page.layout.ocr:
        return False
    gi = page.layout.gaps_informative
    return page.lines[b.first].gap_before > 0 and b.first < len(gi) and gi[b.first]


#: Up to this many words, :func:`count_words` scans the text once per word (``str.count``
#: runs at ~2 GB/s here, a Python pass at ~6 MB/s: the crossover is a few hundred words).
COUNT_SCANS = 256


def count_words(text: str, words: set[str]) -> dict[str, int]:
    """``{w: text.count(w)}`` for words of one length, linear in ``len(text)`` however many.

    A few words are counted by ``str.count`` (a fast C scan each); many are counted in one
    pass over the text, with ``str.count``'s rule: occurrences of a word do not overlap.
    """
    if len(words) <= COUNT_SCANS or len({len(w) for w in words}) != 1:
        return {w: text.count(w) for w in words}
    n = len(next(iter(words)))
    counts = dict.fromkeys(words, 0)
    free = dict.fromkeys(words, 0)  # where a word's next occurrence may start
    for i in range(len(text) - n + 1):
        w = text[i:i + n]
        if w in free and i >= free[w]:
            counts[w] += 1
            free[w] = i + n
    return counts


#: how many texts (and runs of paragraphs) keep their bigrams: a page's paragraphs and
#: headlines are compared again and again
BIGRAM_CACHE = 4096


@functools.lru_cache(maxsize=BIGRAM_CACHE)
def bigrams(t: str) -> frozenset[str]:
    """The character pairs of ``t``, blanks left out: each character added to the next, in C
    (a slice per pair through a generator took a tenth more)."""
    t = nows(t)
    return frozenset(map(operator.add, t, t[1:]))


def _word_pair(pair: str) -> bool:
    """Two characters that can be one word: both Han, or both ASCII letters or digits."""
    return len(pair) == 2 and (bool(HAN_RE.fullmatch(pair[0]) and HAN_RE.fullmatch(pair[1]))
                               or (pair.isascii() and pair.isalnum()))


@functools.lru_cache(maxsize=BIGRAM_CACHE)
def joined_bigrams(texts: tuple[str, ...]) -> frozenset[str]:
    """``bigrams(" ".join(texts))``, made from each text's own bigrams.

    A run of paragraphs is weighed against the next run at every paragraph of the page
    (readings' cohesion: each paragraph sits in five runs), so the bigrams of the joined
    text were cut again from every paragraph each time (a quarter of a new page's cleaning
    time); here each paragraph's are cut once, and a run adds only the pairs across its seams
    (blanks left out, as ``bigrams`` leaves them out: a text's first and last non-blank
    characters meet there).
    """
    pairs: set[str] = set()
    last = ""
    for t in texts:
        head = t.lstrip()[:1]
        if not head:  # (only blanks: nothing of it in the joined text)
            continue
        if last:
            pairs.add(last + head)
        last = t.rstrip()[-1]
        pairs |= bigrams(t)
    return frozenset(pairs)


@functools.lru_cache(maxsize=BIGRAM_CACHE)
def affinity(a: str, b: str) -> float:
    """Share of the rarer side's character bigrams the two texts have in common.

    Kept per pair of texts (up to BIGRAM_CACHE pairs): the stages weigh a pair of texts again
    and again (the sample page asks 622 times of 373 pairs; six pages, 1.7 times a
    pair), and a hit skips the two bigram lookups and the sets' meeting."""
    return shared_pairs(bigrams(a), bigrams(b))


def shared_pairs(x: frozenset[str], y: frozenset[str]) -> float:
    """:func:`affinity` of two texts' bigrams."""
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))
