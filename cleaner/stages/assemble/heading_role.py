"""A lone heading between two paragraphs: the subhead of the article around it, or the title of
the next one (issue #14). The cues measured on its text and the text either side, beyond those
the subhead score weighs by hand (the word pairs the text shares across it, its type, its
length): numbers, not verdicts, each a registered function (:data:`CUES`), weighed beside the
hand sum by the A003 ``heading_role`` weights that benchmarks/fit_heading_role.py fits.

Why these: a subhead heads a section of a story that goes on, a title a new story. A subhead is
set as a section's label (变：从“一煤独大”到“多业并举”, 治气：向“蓝”而行, 一、…), a title as a
statement of its news; the text before a title closes its article on a full stop, and a title
repeats the words of the lead under it (or, set after its text, of the text above it) more than
a subhead repeats its section's. Of these only the label (``labelled``) helped the decoder on
pages nobody tuned for; the others are measured for the fitting script (see rules/assemble.toml
A003 heading_role for the figures).
"""

from __future__ import annotations

import math

from ...chars import ends_sentence, nows
from .text import affinity

#: characters that end a heading set as a question or an exclamation
_ASKS = frozenset("？?！!")
#: numerals a subhead of a numbered set opens with (一、 / 二是 / 1.)
_NUMERALS = frozenset("一二三四五六七八九十0123456789０１２３４５６７８９")


def labelled(h: str, before: str, after: str, params: dict) -> float:
    """1 where the heading opens with a label of one to A003 ``label_max`` characters and a
    colon (a section's label: 变：…, 治气：…; a title states its news whole).

    >>> labelled("变：从“一煤独大”到“多业并举”", "", "", {"label_max": 4})
    1.0
    >>> labelled("今冬气温偏高 降水偏少", "", "", {"label_max": 4})
    0.0
    """
    return float(0 < h.find("：") <= params["label_max"])


def before_closes(h: str, before: str, after: str, params: dict) -> float:
    """1 where the paragraph before the heading ends its sentence (a section closes so; text
    stopped mid-sentence before a heading is an article cut by another's headline)."""
    return float(ends_sentence(before.rstrip()))


def echo_after(h: str, before: str, after: str, params: dict) -> float:
    """The share of the heading's word pairs the paragraph after it repeats (a title states
    its lead's news)."""
    return affinity(h, after)


def echo_before(h: str, before: str, after: str, params: dict) -> float:
    """The share of the heading's word pairs the paragraph before it repeats (a title set after
    its article's text sums that text up)."""
    return affinity(h, before)


def asks(h: str, before: str, after: str, params: dict) -> float:
    """1 where the heading ends in a question or an exclamation mark."""
    return float(h[-1:] in _ASKS)


def numbered(h: str, before: str, after: str, params: dict) -> float:
    """1 where the heading opens with a numeral (the next of a numbered set of subheads)."""
    return float(h[:1] in _NUMERALS)


def log_length(h: str, before: str, after: str, params: dict) -> float:
    """The logarithm of the heading's length in characters (blanks left out)."""
    return math.log(max(1, len(nows(h))))


#: the cues by name, as A003 ``heading_role`` names their weights
CUES = {f.__name__: f for f in (labelled, before_closes, echo_after, echo_before, asks, numbered, log_length)}


def text_cues(heading: str, before: str, after: str, params: dict, names=None) -> dict[str, float]:
    """The cues ``names`` (default: all of :data:`CUES`) of a lone heading's text between the
    paragraph ``before`` and the paragraph ``after``; ``params``: A003's. (Only those asked for
    are measured: the decoder asks for the ones it weighs, the fitting script for all.)"""
    h = heading.strip()
    return {k: CUES[k](h, before, after, params) for k in (CUES if names is None else names)}


def fitted_role(cues: dict[str, float], weights: dict[str, float]) -> float:
    """The fitted log-odds of a subhead against a title beside the hand sum (A003
    ``heading_role``: ``bias`` and a weight per cue it names)."""
    return weights["bias"] + sum(v * cues[k] for k, v in weights.items() if k != "bias")
