"""A lexicon of Chinese words with frequencies, and how likely a run of Han text reads with it.

Used to weigh a look-alike correction on OCR output: ``升瘟`` segments into no word and
``升温`` into a common one, so the second reading is far likelier. The words and counts are
jieba's dictionary (``jieba/dict.txt``, MIT: 349,046 words counted over a large corpus), read
once per process on first use (about 0.6 s, 40 MB): only an OCR page asks for it.

The likelihood of a text is that of its best segmentation under a unigram model (each word's
count over the total, as jieba's own segmenter uses): a text that reads as a few common
words scores high, one that falls apart into single characters scores low.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from pathlib import Path

#: the longest word looked up (jieba's dictionary has longer idioms; they add little here)
MAX_WORD = 6


class Lexicon:
    """Words and their log probabilities; a single character not in the lexicon costs
    ``unknown`` (the log probability of a word seen once, less a penalty)."""

    __slots__ = ("logp", "unknown")

    def __init__(self, counts: dict[str, int]):
        total = float(sum(counts.values())) or 1.0
        self.logp = {w: math.log(c / total) for w, c in counts.items() if c > 0 and len(w) <= MAX_WORD}
        self.unknown = math.log(1.0 / total) - 2.0

    def score(self, text: str) -> float:
        """Log probability of the best segmentation of ``text`` (its characters as they are)."""
        n = len(text)
        best = [0.0] + [-math.inf] * n
        logp, unknown = self.logp, self.unknown
        for i in range(n):
            b = best[i]
            if b == -math.inf:
                continue
            one = logp.get(text[i], unknown)
            if b + one > best[i + 1]:
                best[i + 1] = b + one
            for j in range(i + 2, min(n, i + MAX_WORD) + 1):
                lp = logp.get(text[i:j])
                if lp is not None and b + lp > best[j]:
                    best[j] = b + lp
        return best[n]

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
    path = jieba_dict()
    if path is None:
        return None
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and parts[1].strip().isdigit():
                counts[parts[0]] = counts.get(parts[0], 0) + int(parts[1])
    return Lexicon(counts)
