"""Finding a quote's source: the paragraph that holds it word for word or as an
editor's version (:func:`quote_source`), read on across the breaks that cut a paragraph
(:func:`_read_on`), and the text near a block that a quote cut into it may come from.
"""

from __future__ import annotations

import itertools
from collections import Counter

from ...chars import ends_sentence, nows
from ...model import Block, Page
from ...rules import Rule
from ..copies import _NOT_WORD, _charset, clause_content, shared_content
from .measure import MAX_HEAD_LINES, QUOTE_MAX, narrowness


def quote_source(i: int, t: str, q_narrow: float, texts: list[str], narrow: list[float], rule: Rule,
                 known: dict | None = None, exact: bool = False, framed: bool = False,
                 frames: frozenset = frozenset(), cut: frozenset = frozenset(), columns: list[float] | None = None):
    """``(block, score)`` of the paragraph within ``quote_reach`` blocks of block ``i``, set
    wider than the quote ``t`` (narrowness ``q_narrow``), that holds it: word for word, or
    (unless ``exact``) as an editor's version (words dropped, clauses swapped: its n-grams need
    not survive, its character pairs and numbers do: :func:`shared_content`); None if none
    does. A search bound keeps it linear: a quote sits near its article (at the page top, the
    article is near too on a usual page). A quote in a frame (``framed``, on a PDF page) may be
    set as wide as its source: the frame sets it apart. ``frames``: the blocks set in a frame,
    which never go on a paragraph a frame cut. ``cut``: the quotes cut out of a paragraph
    (:func:`split_quotes_run_on`), maybe its text: a paragraph that closes no sentence over one is
    read on in it, and, failing that, past it (a quote set where its source's sentence is cut).
    ``columns``, where given (:func:`column`, the blocks' and then the quote's at index ``i``): a
    paragraph set in a measure wider than the quote's by ``quote_narrower`` is set wider too, and
    one set in a narrower measure than the quote's never is (its short lines made it look wider)."""
    reach, wider, least = rule.params["quote_reach"], rule.params["quote_narrower"], rule.params["min_shared"]
    if framed:
        wider = 0.0
    best = None
    mine = _NOT_WORD.sub("", t)
    need = least * len(mine)
    counts: list = []  # (each character of ``mine`` and how often: counted once, if a text is weighed)
    for o in range(max(0, i - reach), min(len(texts), i + reach + 1)):
        other = texts[o]
        if o == i or not other or q_narrow <= wider * narrow[o] and not (
                columns is not None and columns[o] >= wider * columns[i] > 0) \
                or columns is not None and columns[i] >= columns[o] and not framed:
            continue
        # (a paragraph a caption or a quote cut mid-sentence goes on in the next paragraph
        # block: its source is the two together, as the assemble stage will join them)
        past = None  # (the text after a quote cut out that the paragraph may go on in instead)
        if not ends_sentence(other):
            nxt = o + 1  # (past what stands between: a caption, the quote's own frame)
            while nxt < len(texts) and nxt <= o + reach and (not texts[nxt] or nxt == i or nxt in frames):
                nxt += 1
            if nxt < len(texts) and texts[nxt] and nxt != i:
                if nxt in cut:
                    after = nxt + 1
                    while after < len(texts) and after <= o + reach and (not texts[after] or after == i or after in frames):
                        after += 1
                    if after < len(texts) and texts[after] and after != i and after not in cut:
                        past = other + texts[after]
                other = other + texts[nxt]
        found = _weigh(t, other, mine, need, counts, exact, framed, known, least)
        if found is None and past is not None:
            found = _weigh(t, past, mine, need, counts, exact, framed, known, least)
        if found is None:
            continue
        copy, share = found
        if copy:
            return o, 100.0
        if best is None or share > best[1]:
            best = (o, share)
    return None if best is None else (best[0], best[1] * 100)


def _weigh(t: str, other: str, mine: str, need: float, counts: list, exact: bool, framed: bool, known,
           least: float):
    """How a paragraph's text ``other`` holds the quote ``t`` (``mine``: its words, marks left
    out; ``need``: the characters of them a source has at least; ``counts``: a box for their
    counts and their set, made once): ``(True, 1.0)`` word for word, ``(False, share)`` as an
    editor's version of ``least`` of its pairs or more (unless ``exact``), else None."""
    if len(other) < len(mine) or other == t and not framed:
        # (an editor's quote may be as long: clauses swapped; its quotation marks are no text
        # of its source: “记者：…办法” of 记者：…办法？) (a frame quoting a whole paragraph, the
        # paragraph cut by a caption, is set apart by its frame: the paragraph is its source)
        return None
    if t in other:
        return True, 1.0
    if exact:
        return None
    if not counts:
        c = Counter(mine)
        counts += (c.__getitem__, frozenset(c))
    count, chars = counts
    # (the characters of ``mine`` that ``other`` has, counted over the distinct ones: a set
    # lookup per distinct character, not one per character; two frozensets meet faster than a
    # frozenset and the Counter, which it reads as an iterable)
    if sum(map(count, _charset(other) & chars)) < need:
        return None  # (a text without most of the quote's characters holds fewer of its pairs)
    share = shared_content(t, other, known)
    return (False, share) if share >= least else None


def source_cut_apart(i: int, t: str, q_narrow: float, texts: list[str], narrow: list[float], rule: Rule):
    """``(block, 100.0)`` of the paragraph within ``quote_reach`` of block ``i`` that ends, closing
    no sentence, on the quote ``t``'s first words (``ngram`` characters at least), when another
    paragraph within reach opens with the rest of ``t`` word for word (the mark that closes it
    aside), both set wider than the quote
    (``quote_narrower``); None if none does. A paragraph the layout broke far apart (another
    article's blocks read between its halves) holds a quote of the sentence across the break, where
    neither half nor the two read on (:func:`quote_source`: the next text block) hold it. A search of
    the paragraphs within reach, one ``rfind`` each: linear in the page."""
    p = rule.params
    reach, wider, n = p["quote_reach"], p["quote_narrower"], p["ngram"]
    if len(t) < 2 * n:
        return None
    near = range(max(0, i - reach), min(len(texts), i + reach + 1))
    head = t[:n]
    for o in near:
        other = texts[o]
        if o == i or not other or ends_sentence(other) or q_narrow <= wider * narrow[o]:
            continue
        at = other.rfind(head)
        if at < 0 or not t.startswith(other[at:]):
            continue
        rest = t[len(other) - at:].rstrip("。！？!?")  # (a quote ends its sentence where the text may go on: …区。 of …区，将…)
        if len(rest) < n:
            continue
        for b in near:
            if b != i and b != o and texts[b].startswith(rest) and q_narrow > wider * narrow[b]:
                return o, 100.0
    return None


def _edited_from(k: int, size: int, t: str, pieces: list[str], q_narrow: float, owners, texts: list[str],
                 narrow: list[float], rule: Rule, content: dict) -> bool:
    """Whether the pieces of blocks ``k`` … ``k + size - 1`` (text ``t``, narrowness ``q_narrow``)
    are an editor's version of a sentence of a paragraph within ``quote_reach`` of them, set
    wider by ``quote_narrower``, that shares a key with them (``owners``: an editor keeps a clause
    of the text, as :func:`find_pullquotes` asks of a short quote), each piece its words too
    (``min_shared`` of its character pairs: a headline over a quote is no words of its source)."""
    reach, least = rule.params["quote_reach"], rule.params["min_shared"]
    for o in sorted(owners or ()):
        if k <= o < k + size or abs(o - k) > reach or q_narrow <= rule.params["quote_narrower"] * narrow[o] \
                or len(texts[o]) <= len(t):
            continue
        for source in _read_on(o, texts, range(k, k + size)):
            if (t in source or shared_content(t, source, content) >= least) and all(
                    len(x) < 2 or x in source or clause_content(x, source, content) >= least for x in pieces):
                return True
    return False


def _read_on(o: int, texts: list[str], quote=range(0), past: bool = False):
    """Paragraph ``o``'s text, then, where rejoin broke a sentence of it off, the text the
    sentence goes on in: with the next paragraph block after it (``o`` closes no sentence), with
    the one before it (that one closes none), past up to ``MAX_HEAD_LINES`` blocks of no text
    between (a headline block set across the column, a byline). A quote repeats a sentence,
    wherever the text was cut (a short last line under a full one read as a paragraph of its
    own; …承办检察官李晓梅说，在公 / headline / 益诉讼中主张…). The blocks of the quote itself
    (``quote``) are no part of its source; with ``past``, the sentence is read on past them (a quote
    set inside the paragraph it quotes, between two of its lines)."""
    yield texts[o]
    if not texts[o]:
        return

    def next_text(k: int, step: int):
        for _ in range(MAX_HEAD_LINES + 1):
            k += step
            if not 0 <= k < len(texts) or k in quote and not past:
                return None
            if k in quote:
                continue
            if texts[k]:
                return k
        return None

    after = next_text(o, 1) if not ends_sentence(texts[o]) else None
    if after is not None:
        yield texts[o] + texts[after]
    before = next_text(o, -1)
    if before is not None and not ends_sentence(texts[before]):
        yield texts[before] + texts[o]


def _near_text(i: int, texts: list[str], reach: int) -> str:
    """The paragraphs within ``reach`` blocks of block ``i`` (itself aside) as one text, set
    apart by NUL: a string none of them holds is not in it either (one scan in C tells)."""
    return "\0".join(texts[o] for o in range(max(0, i - reach), min(len(texts), i + reach + 1)) if o != i)


class _Joined:
    """A page's paragraph texts (:func:`find_pullquotes`'s ``texts``) set apart by NUL in one
    text, with where each starts: the paragraphs within reach of a block are a stretch of it on
    either side of the block's own text, searched in place (:meth:`near`), where
    :func:`_near_text` copied them into a text of their own for each block (a page's text per
    block: quadratic in the page)."""

    __slots__ = ("texts", "text", "starts")

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.text = "\0".join(texts)
        # (one past the end for the last: where a text after it would start)
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))

    def near(self, i: int, reach: int) -> "_Near":
        """What :func:`_near_text` makes of block ``i`` and ``reach``, as a thing to search."""
        return _Near(self, i, reach)


class _Near:
    """``s in`` it says what ``s in _near_text(i, texts, reach)`` says, without the copy."""

    __slots__ = ("joined", "i", "reach", "left", "right")

    def __init__(self, joined: _Joined, i: int, reach: int):
        starts, n = joined.starts, len(joined.texts)
        lo, hi = max(0, i - reach), min(n, i + reach + 1)
        self.joined, self.i, self.reach = joined, i, reach
        # the stretches before and after the block's own text (each may end on a NUL, which a
        # text without one never matches across)
        self.left = (starts[lo], starts[i]) if lo < i else None
        self.right = (starts[i + 1], starts[hi] - 1) if i + 1 < hi else None

    def __contains__(self, s: str) -> bool:
        if not s:
            return True
        if "\0" in s:  # (a NUL would match across the texts' bounds: the text itself decides)
            return s in _near_text(self.i, self.joined.texts, self.reach)
        find = self.joined.text.find
        return (self.left is not None and find(s, *self.left) >= 0) \
            or (self.right is not None and find(s, *self.right) >= 0)


def _may_quote_across(i: int, last: str, first_line: str, texts: list[str], p: dict, near=None) -> bool:
    """Whether a paragraph within ``quote_reach`` of block ``i`` (itself aside) holds the first
    ``ngram`` characters of a run that starts with ``first_line`` and not the two characters
    across the cut before it (``last`` and the run's first): a source of a run set as wide as its
    text, asked of the paragraphs alone before the runs from that line are built and weighed
    (one search of a few paragraphs a line, where each run cost a :func:`quote_source`: the sample
    page took 17.7 ms for 13.1 ms before the rule; with this, 14.2). An editor's quote keeps its
    opening words (the rule asks half of them of its source; this, all ``ngram``: PyMuPDF fitting
    pages' pull-quote recall / leak 93.5 / 0.0 -> 91.3 / 2.2, validation and train unchanged)."""
    opening, across, reach = first_line[:p["ngram"]], last + first_line[:1], p["quote_reach"]
    if near is not None and opening not in near:
        return False  # (``near``: :func:`_near_text` or a :class:`_Near`, where most openings are settled in one scan;
        # a Python step per paragraph within reach, for every line of a paragraph, was a thirtieth
        # of the sample page's time)
    if not opening:
        return False
    for o in range(max(0, i - reach), min(len(texts), i + reach + 1)):  # (a loop: no generator to resume per paragraph)
        if o != i and opening in texts[o] and across not in texts[o]:
            return True
    return False


def _repeats(i: int, b: Block, page: Page, rule: Rule, texts: list[str], narrow: list[float], content: dict) -> bool:
    """Whether block ``i`` as a whole repeats a paragraph within reach (a copy as long as it,
    or held by a longer one): then it is a pull quote itself."""
    whole = nows(b.text)
    reach = rule.params["quote_reach"]
    near = range(max(0, i - reach), min(len(texts), i + reach + 1))
    if len(whole) > QUOTE_MAX:  # (a long quote is a word-for-word copy: its lines, set in its narrow
        # column, would read as a run narrower than the few lines left around it)
        return any(o != i and whole in texts[o] for o in near)
    if any(o != i and texts[o] == whole for o in near):
        return True
    return quote_source(i, whole, narrowness(page, b), texts, narrow, rule, content) is not None
