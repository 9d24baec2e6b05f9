"""Where a text repeats a paragraph of the page: the n-gram index the pull-quote finder
(:mod:`.pullquotes`) looks sources up in, and the measures of a copy and of an edit.

A page holds a few hundred paragraphs and a quote is checked against those that share its
keys only, so the cost stays linear in the page: each text is sampled at anchor characters
(:data:`ANCHOR_EVERY`), an n-gram found in many blocks is boilerplate and finds nothing, and
texts without a key are compared with every paragraph only a bounded number of times.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from ..model import Block

#: The n-gram index samples each text where an *anchor* stands: a character whose code point
#: is a multiple of ANCHOR_EVERY (about one character in four of any text), followed by n
#: characters; those n characters are the key. The sample depends on the text alone, so a copy
#: of a sentence anywhere in a block carries the keys of the sentence itself, and both the
#: index and a query take only these: a fourth of the n-grams, found by one regex scan in C
#: instead of a slice per character (the index and its queries were a tenth of the run).
ANCHOR_EVERY = 4
#: Longest text (characters) compared by fuzzy matching: pull quotes are a sentence or two.
FUZZY_MAX = 400
#: An n-gram found in more blocks than this is boilerplate and is not used for matching.
MAX_SHARED = 8
#: What the index holds for such an n-gram: no owners. (Keeping them all made every query on
#: a page of many near-identical blocks cost a hash of a long tuple per n-gram: quadratic.)
BOILERPLATE: tuple[int, ...] = ()


@functools.lru_cache(maxsize=8)
def _anchored(n: int):
    """``findall`` of the keys of a text for n-grams of ``n`` (see ANCHOR_EVERY)."""
    anchors = "".join(re.escape(chr(c)) if chr(c) in "\\]^-[" else chr(c)
                      for c in range(0x20, 0x10000, ANCHOR_EVERY) if not 0xD800 <= c < 0xE000)
    return re.compile(f"[{anchors}](?=(.{{{n}}}))", re.S).findall


def _keys(texts: list[str], n: int) -> list[list[str]]:
    """The keys of each text, in order (see ANCHOR_EVERY)."""
    return list(map(_anchored(n), texts))


def _key_index(keys: list[list[str]], blocks: list[Block]) -> dict[str, int | tuple[int, ...]]:
    """Every key of each paragraph -> the block holding it (a tuple when several do).

    ``keys`` are the paragraphs' keys (:func:`_keys`). Values are hashable so that a query
    can count them with ``Counter`` in one C loop. A key of more than ``MAX_SHARED`` blocks
    maps to ``BOILERPLATE`` (no owners).
    """
    index: dict[str, int | tuple[int, ...]] = {}
    shared: dict[str, list[int]] = {}  # keys of several blocks, in first-seen order
    get = index.get
    for i, ks in enumerate(keys):
        if blocks[i].kind != "paragraph":
            continue
        for g in ks:
            have = get(g)
            if have is None:
                index[g] = i
            elif have != i:
                owners = shared.get(g)
                if owners is None:
                    shared[g] = [have, i]
                elif owners[-1] != i:  # blocks come in order: i is new unless it was the last
                    owners.append(i)
    for g, owners in shared.items():  # tuples once, at the end: appending to tuples is quadratic
        index[g] = tuple(owners) if len(owners) <= MAX_SHARED else BOILERPLATE
    return index


def _owners(index: dict, keys: list[str], keyless, near: bool = False):
    """The blocks that may hold a copy of the text whose ``keys`` these are (None or a
    collection of block indices).

    A copy holds every key of the text: the owners of its first key that has any say are all
    the candidates. A near copy (``near``) holds most of them: the owners of any key. A text
    with only boilerplate keys has none (as a text whose n-grams are all boilerplate never
    had). A text with no key at all could be anywhere: the blocks ``keyless()`` gives (None
    once the page's share of such scans is used up).
    """
    if not keys:
        return keyless()
    found: set[int] = set()
    for ids in map(index.get, keys):
        if ids is None:
            if not near:
                return ()  # no paragraph holds this key
        elif type(ids) is int:
            if not near:
                return (ids,)
            found.add(ids)
        elif ids:
            if not near:
                return ids
            found.update(ids)
    return found


def _window(t: str, other: str, n: int) -> str:
    """The stretch of a long ``other`` where ``t`` would sit: fuzzy matching stays linear."""
    if len(other) <= 3 * len(t) + 50:
        return other
    for j in range(0, max(1, len(t) - n + 1), max(1, len(t) // 8)):
        pos = other.find(t[j:j + n])
        if pos >= 0:
            lo = max(0, pos - j - len(t) // 2)
            return other[lo:lo + 2 * len(t)]
    return other[:3 * len(t)]


@functools.lru_cache(maxsize=256)
def _charset(text: str) -> frozenset[str]:
    """The characters of ``text`` (a paragraph is compared with several quotes)."""
    return frozenset(text)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NOT_WORD = re.compile(r"[\W_]+")


def _content(text: str) -> tuple[frozenset, frozenset]:
    """A text's numbers and character pairs (punctuation left out), for :func:`shared_content`."""
    a = _NOT_WORD.sub("", text)
    return frozenset(_NUMBER.findall(text)), frozenset(zip(a, a[1:]))


def _clause_pairs(text: str) -> tuple[frozenset, frozenset]:
    """A text's character pairs inside its clauses (runs of word characters), and those across
    a mark (the last character of a clause and the first of the next): the seams where an
    editor who swaps clauses joins them in a new order."""
    runs = [r for r in _NOT_WORD.split(text) if r]
    inside = frozenset(p for run in runs for p in zip(run, run[1:]))
    return inside, frozenset((a[-1], b[0]) for a, b in zip(runs, runs[1:])) - inside


def clause_content(t: str, other: str, known: dict | None = None, numbers: bool = True) -> float:
    """:func:`shared_content` where a pair across a mark counts only if ``other`` holds it: a
    piece of an editor's quote, a line of it, holds a clause or two whose order the editor may
    have changed, each of them the source's words (the seams between them are new where the
    order is); a headline line's words are its own. Without ``numbers``, a number of ``t`` that
    ``other`` lacks does not make it 0 (a line may end inside a number of the text: 幼儿园14 /
    所 of 幼儿园 | 14所).

    >>> clause_content("亩，截至10月15日，进", "截至10月15日，全省已收获秋粮3860万亩，进度达到71.2%。")
    1.0
    >>> round(shared_content("亩，截至10月15日，进", "截至10月15日，全省已收获秋粮3860万亩，进度达到71.2%。"), 2)
    0.78
    """
    if known is None:
        known = {}
    key = ("clauses", t)
    mine = known.get(key) or known.setdefault(key, (frozenset(_NUMBER.findall(t)), *_clause_pairs(t)))
    theirs = known.get((other,)) or known.setdefault((other,), _source_content(other))
    if numbers and not mine[0] <= theirs[0]:
        return 0.0
    held = len(mine[1] & theirs[1])
    seams = len(mine[2] & theirs[1])
    return (held + seams) / (len(mine[1]) + seams) if mine[1] or seams else 0.0


def _source_content(text: str) -> tuple[frozenset, frozenset]:
    """A source's numbers and character pairs, with the pairs one character apart too: the
    pairs an editor's quote that dropped a character (都, 就) makes across the gap."""
    a = _NOT_WORD.sub("", text)
    return frozenset(_NUMBER.findall(text)), frozenset(zip(a, a[1:])) | frozenset(zip(a, a[2:]))


def shared_content(t: str, other: str, known: dict | None = None) -> float:
    """How much of ``t``'s content ``other`` holds, in any order: the share of ``t``'s
    character pairs (punctuation left out) found in ``other``, 0 when a number of ``t`` is not
    in ``other``. An editor's pull quote drops words and swaps clauses but keeps the facts:
    its pairs are nearly all in the sentence it came from, as its numbers are.

    >>> round(shared_content("群众满意度提升，已完成改造项目120个。", "当地已完成改造项目120个，群众满意度不断提升。"), 2)
    0.88
    >>> shared_content("已完成改造项目130个。", "当地已完成改造项目120个。")
    0.0
    """
    if known is None:
        known = {}
    mine = known.get(t) or known.setdefault(t, _content(t))
    theirs = known.get((other,)) or known.setdefault((other,), _source_content(other))
    if not mine[0] <= theirs[0] or not mine[1]:
        return 0.0
    return len(mine[1] & theirs[1]) / len(mine[1])


def near_copy(t: str, other: str, cutoff: float) -> float:
    """rapidfuzz's ``partial_ratio(t, other, score_cutoff=cutoff)``, skipping hopeless pairs.

    Aligned with a stretch of ``other`` at most as long as ``t`` (L characters), ``t`` scores
    2·LCS / (L + stretch); the LCS holds only characters of ``t`` found somewhere in ``other``
    (x of them), so no alignment scores over 2x / (L + x). Below the cutoff the answer is 0,
    as rapidfuzz's: a set lookup per character instead of the alignment, which two unrelated
    paragraphs always fail (their shared characters are common words, well under 80%).
    """
    if len(t) <= len(other):
        x = sum(map(_charset(other).__contains__, t))
        if 200 * x < (cutoff - 1e-6) * (len(t) + x):
            return 0.0
    return fuzz.partial_ratio(t, other, score_cutoff=cutoff)
