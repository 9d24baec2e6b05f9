"""A lexicon of Chinese words with frequencies, and how likely a run of Han text reads with it.

Used to weigh a look-alike correction on OCR output: ``升瘟`` segments into no word and
``升温`` into a common one, so the second reading is far likelier. The words and counts are
jieba's dictionary (``jieba/dict.txt``, MIT: 349,046 words counted over a large corpus), read
once per process on first use (about 0.6 s, 40 MB): only an OCR page asks for it.

The likelihood of a text is that of its best segmentation under a unigram model (each word's
count over the total, as jieba's own segmenter uses): a text that reads as a few common
words scores high, one that falls apart into single characters scores low.

:class:`CharModel` reads the same dictionary as a character trigram model, for C002: how well
the text reads on across a line break of columns an extractor read across.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from operator import itemgetter
from pathlib import Path

#: the longest word looked up (jieba's dictionary has longer idioms; they add little here)
MAX_WORD = 6
#: no reading yet (a prefix's best log probability before any word reaches it)
_NEG = -math.inf
#: how near 0 a cut gain may be asked about (:meth:`Lexicon.cuts_word`) and still be summed:
#: without a word across the break the sums give 0 only to their rounding (a few units in the
#: last place of a text's log probability), which a threshold this near 0 could feel
_ROUNDING = 1e-9


class Lexicon:
    """Words and their log probabilities; a single character not in the lexicon costs
    ``unknown`` (the log probability of a word seen once, less a penalty)."""

    __slots__ = ("logp", "unknown", "begins")

    def __init__(self, counts: dict[str, int]):
        total = float(sum(counts.values())) or 1.0
        self.logp = {w: math.log(c / total) for w, c in counts.items() if c > 0 and len(w) <= MAX_WORD}
        self.unknown = math.log(1.0 / total) - 2.0
        # the starts (two characters or more) of longer words that are no word themselves: a
        # run that is neither a word nor one of these starts no word, nor does any longer run
        # from the same place, so :meth:`_table` stops looking there (most runs of a text's
        # characters start none; the same words are found, the same sums made)
        logp = self.logp
        self.begins = frozenset(w[:k] for w in logp for k in range(2, len(w)) if w[:k] not in logp)

    def score(self, text: str) -> float:
        """Log probability of the best segmentation of ``text`` (its characters as they are)."""
        return self._table(text)[-1]

    def cut_gain(self, a: str, b: str) -> float:
        """``score(a + b) - score(a) - score(b)``: how much better the two texts read run
        together than apart. The best segmentation's scores up to ``len(a)`` in ``a + b``'s
        table are ``a``'s own (a word ending inside ``a`` lies inside it), so ``a`` is read
        once, not twice: the same numbers in the same order, the same result."""
        joined = self._table(a + b)
        return joined[-1] - joined[len(a)] - self.score(b)

    def cuts_word(self, a: str, b: str, gain: float) -> bool:
        """``cut_gain(a, b) > gain``, the sums made only where a word of the lexicon runs across
        the break. Without one, every reading of ``a + b`` breaks there too, so the text reads
        run together exactly as well as apart: the gain is 0 (to the sums' rounding), and a
        ``gain`` that stands clear of 0 (:data:`_ROUNDING`) settles the question unsummed. Most
        breaks asked about have no word across them (five in six of the sample pages')."""
        if (gain > _ROUNDING or gain < -_ROUNDING) and not self.crosses(a, b):
            return gain < 0.0
        return self.cut_gain(a, b) > gain

    def crosses(self, a: str, b: str) -> bool:
        """Whether a word of two characters or more (and at most :data:`MAX_WORD`) that
        :meth:`_table` would find in ``a + b`` starts in ``a`` and ends in ``b``: the lookups
        of :meth:`_table` from the last ``MAX_WORD - 1`` places of ``a`` only, stopped where it
        stops (a run that is no word and starts none)."""
        get, begins = self.logp.get, self.begins
        cut = min(len(a), MAX_WORD - 1)
        text = a[len(a) - cut:] + b[:MAX_WORD - 1]
        n = len(text)
        for i in range(cut):
            for j in range(i + 2, min(n, i + MAX_WORD) + 1):
                run = text[i:j]
                if get(run) is not None:
                    if j > cut:
                        return True
                elif run not in begins:
                    break
        return False

    def _table(self, text: str) -> list[float]:
        """The best log probability of each prefix of ``text`` (``score`` reads the last). (The
        dictionary's ``get`` and minus infinity read once, each sum made once: the same sums,
        compared in the same order, a sixth less time. A run that starts no word ends the
        lookups from its place: the longer runs there start none either.)"""
        n = len(text)
        best = [0.0] + [_NEG] * n
        get, unknown, begins = self.logp.get, self.unknown, self.begins
        for i, ch in enumerate(text):
            b = best[i]
            if b == _NEG:
                continue
            v = b + get(ch, unknown)
            if v > best[i + 1]:
                best[i + 1] = v
            for j in range(i + 2, min(n, i + MAX_WORD) + 1):
                run = text[i:j]
                lp = get(run)
                if lp is not None:
                    v = b + lp
                    if v > best[j]:
                        best[j] = v
                elif run not in begins:
                    break
        return best

    def in_word(self, text: str, i: int) -> bool:
        """Whether the character at ``i`` belongs to a word of two characters or more of the
        lexicon found in ``text`` around it."""
        logp = self.logp
        n = len(text)
        for a in range(max(0, i - MAX_WORD + 1), i + 1):
            for b in range(max(i + 1, a + 2), min(n, a + MAX_WORD) + 1):
                if text[a:b] in logp:
                    return True
        return False


def jieba_dict() -> Path | None:
    """Where jieba's dictionary is, or None when jieba is not installed (its package is
    located, not imported: importing jieba sets up a segmenter we do not use)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon | None:
    """jieba's dictionary as a :class:`Lexicon`, read once per process; None without jieba."""
    counts = dictionary_counts()
    return Lexicon(counts) if counts else None


class CharModel:
    """How strongly the characters before a point call for the characters after it: a
    character trigram model of the text jieba's word model writes (words drawn one after
    another by their counts), read off the dictionary without a corpus.

    A run of characters is counted inside a word as often as the words holding it are counted,
    and across words as their ends and starts meet: ``n(a, b) = inside(ab) + ends(a) *
    starts(b) / words``, and ``n(a, b, c)`` likewise over the ways one or two word breaks fall
    in it (``ab|c``, ``a|bc``, ``a|b|c``). Each order is smoothed towards the one below by
    ``prior`` counts (``P(c | a b) = (n(a, b, c) + prior * P(c | b)) / (n(a, b) + prior)``).

    :meth:`llr` weighs a join: the log-likelihood of the first two characters of the head
    read after the tail, less that of the same characters read on their own (the head not
    joined). Characters the dictionary does not hold (marks, digits, letters) end the
    context: 0 when the tail ends or the head starts with one.

    >>> lm = CharModel({"经济": 9, "经": 1, "济": 1, "发展": 9, "展": 1}, prior=1.0)
    >>> lm.llr("经", "济发") > 0 > lm.llr("经", "展")
    True
    """

    __slots__ = ("inside2", "inside3", "ends", "starts", "ends2", "starts2", "single", "chars",
                 "words", "total", "prior")

    def __init__(self, counts: dict[str, int], prior: float):
        # (the words taken a length at a time: each count goes to a slice of every word of that
        # length, cut in C, and is summed by _tally; a loop over every word and its characters
        # in turn took 1.6-2.2 s of CPU per process on jieba's dictionary, this 1.0 s. The sums
        # are of whole numbers: in whatever order they are made, the same tables)
        by_length: dict[int, tuple[list[str], list[int]]] = {}
        for w, c in counts.items():
            if c > 0 and w:
                words, cs = by_length.setdefault(len(w), ([], []))
                words.append(w)
                cs.append(c)
        inside2: dict = {}
        inside3: dict = {}
        ends2: dict = {}
        starts2: dict = {}
        single: dict = {}
        for n, (words, cs) in sorted(by_length.items()):
            if n == 1:
                _tally(single, words, cs)
                continue
            _tally(ends2, map(itemgetter(slice(n - 2, n)), words), cs)
            _tally(starts2, map(itemgetter(slice(0, 2)), words), cs)
            for k in range(n - 1):
                _tally(inside2, map(itemgetter(slice(k, k + 2)), words), cs)
                if k + 3 <= n:
                    _tally(inside3, map(itemgetter(slice(k, k + 3)), words), cs)
        # a word of one character starts and ends itself, a longer one its first and last pair:
        # what starts and ends a word are those pairs' first and last characters (190,000 pairs
        # summed each, not 350,000 words); every character of a word starts it or ends one of
        # its pairs: its count is what it starts plus what the pairs it ends hold (300,000
        # pairs summed, not a million places)
        starts = dict(single)
        _tally(starts, map(itemgetter(0), starts2), starts2.values())
        ends = dict(single)
        _tally(ends, map(itemgetter(-1), ends2), ends2.values())
        chars = dict(starts)
        _tally(chars, map(itemgetter(1), inside2), inside2.values())
        self.inside2, self.inside3, self.ends, self.starts = inside2, inside3, ends, starts
        self.ends2, self.starts2, self.single, self.chars = ends2, starts2, single, chars
        self.words = float(sum(starts.values())) or 1.0
        self.total = float(sum(chars.values())) or 1.0
        self.prior = prior

    def _n2(self, a: str, b: str) -> float:
        return self.inside2.get(a + b, 0) + self.ends.get(a, 0) * self.starts.get(b, 0) / self.words

    def _n3(self, a: str, b: str, c: str) -> float:
        ea, words = self.ends.get(a, 0), self.words
        return (self.inside3.get(a + b + c, 0) + self.ends2.get(a + b, 0) * self.starts.get(c, 0) / words
                + ea * self.starts2.get(b + c, 0) / words
                + ea * self.single.get(b, 0) * self.starts.get(c, 0) / (words * words))

    def _p1(self, c: str) -> float:
        return self.chars[c] / self.total

    def _p2(self, c: str, b: str) -> float:
        return (self._n2(b, c) + self.prior * self._p1(c)) / (self.chars[b] + self.prior)

    def _p3(self, c: str, a: str, b: str) -> float:
        return (self._n3(a, b, c) + self.prior * self._p2(c, b)) / (self._n2(a, b) + self.prior)

    def llr(self, tail: str, head: str) -> float:
        """``log P(head[:2] | tail[-2:]) - log P(head[:2])`` (0 when the tail's last or the
        head's first character is not in the dictionary)."""
        chars = self.chars
        if not tail or not head or tail[-1] not in chars or head[0] not in chars:
            return 0.0
        b, c = tail[-1], head[0]
        if len(tail) >= 2 and tail[-2] in chars:
            v = math.log(self._p3(c, tail[-2], b))
        else:
            v = math.log(self._p2(c, b))
        v -= math.log(self._p1(c))
        if len(head) >= 2 and head[1] in chars:
            d = head[1]
            v += math.log(self._p3(d, b, c)) - math.log(self._p2(d, c))
        return v


def _tally(table: dict, keys, counts) -> None:
    """Add each count to its key's total in ``table`` (keys and counts side by side)."""
    get = table.get
    for key, c in zip(keys, counts):
        table[key] = get(key, 0) + c


def read_counts(path: Path) -> dict[str, int]:
    """The words of a jieba-style dictionary (``word count [tag]`` a line) and their counts."""
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and parts[1].strip().isdigit():
                counts[parts[0]] = counts.get(parts[0], 0) + int(parts[1])
    return counts


@functools.lru_cache(maxsize=1)
def dictionary_counts() -> dict[str, int]:
    """The words of jieba's dictionary and their counts, read once per process (about 0.6 s;
    empty without jieba)."""
    path = jieba_dict()
    try:
        return read_counts(path) if path is not None else {}
    except OSError:
        return {}


@functools.lru_cache(maxsize=4)
def default_char_model(prior: float) -> CharModel | None:
    """jieba's dictionary as a :class:`CharModel`, built once per process (about 1 s of CPU, on a
    page read across only); None without jieba."""
    counts = dictionary_counts()
    return CharModel(counts, prior) if counts else None
