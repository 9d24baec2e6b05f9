"""Reuniting: an article read as two, its first part headless and its rest under its headline.

Extraction can set an article's first column apart from the rest of it: the first part
comes at the top of the page (or after another article), then another article, then the
rest of the first with the headline drawn after it. The segmenter reads what it sees: a
headless article (titled by one of its subheads, or by nothing) and, later, an article that
starts in the middle of things (under a subhead, with no dateline). Whether two such drafts
are one article is a question about the pair, weighed here from cues measured on the pair:
above all the words only they share (the places, people and things of one story), and the
shape of each part (a dateline and no headline; a headline and no lead). The cues' weights
are A009's, fitted by logistic regression on synthesised training pages
(``benchmarks/fit_reunite.py``); a pair is joined when its probability passes ``threshold``.
"""

from __future__ import annotations

import functools
import math
import re

from ...chars import HAN, ends_sentence, nows
from ...model import Block, replace
from ...rules import search_any
from .draft import Draft
from .confidence import logistic, odds
from .text import BIGRAM_CACHE, affinity

#: the cues of a pair (x read first, y later), in the order the weights name them
CUES = ("shared", "shared_names", "mutual_best", "x_untitled", "x_title_plain", "y_title_bold", "x_dateline",
        "y_opens_subhead", "x_byline", "y_byline", "x_cut", "between", "x_short", "y_short",
        "x_title_before", "y_title_before", "x_echo", "y_echo", "cross_echo", "few", "y_leads",
        "x_leads", "x_subheads", "y_subheads",
        "y_title_like_x_subheads", "x_title_like_y_subheads", "subheads_unlike",
        "geo_apart")


#: runs of Han characters, or of ASCII letters and digits: the text word pairs are taken from
WORD_RUN = re.compile(f"[{HAN}]{{2,}}|[A-Za-z0-9]{{2,}}")
HAN_RUN = re.compile(f"[{HAN}]{{3,}}")
#: bytes a code point takes in UTF-32, and a pair of them (read as one 8-byte number)
_UNIT = 4
_PAIR = 2 * _UNIT


def _words(texts) -> set[int]:
    """The word pairs of ``texts``: two Han characters, or two ASCII letters or digits (the
    blanks of the page left out), each as a number made of its two code points.

    Only how many pairs a draft has and shares is ever asked, so a pair need not be a string:
    the runs, set apart by NUL and encoded in UTF-32, read as 8-byte numbers from the first
    code point and from the second are every adjacent pair, made in C (a slice per pair was
    a twentieth of the page's time); the pairs with a NUL, which straddle two runs, go.
    """
    runs = WORD_RUN.findall("|".join(map(nows, texts)))  # ('|' ends a run: no pair across texts)
    if not runs:
        return set()
    raw = memoryview("\0".join(runs).encode("utf-32-le"))
    pairs = set(raw[:len(raw) // _PAIR * _PAIR].cast("Q"))  # the pairs that start at an even place
    odd = raw[_UNIT:]
    pairs.update(odd[:len(odd) // _PAIR * _PAIR].cast("Q"))  # and at an odd one
    if len(runs) > 1:  # (a run's last character then NUL, NUL then a run's first: a pair each)
        seams = "".join(a[-1] + "\0\0" + b[0] for a, b in zip(runs, runs[1:]))
        pairs.difference_update(memoryview(seams.encode("utf-32-le")).cast("Q"))
    return pairs


def _names(texts) -> set[str]:
    """Runs of three Han characters in ``texts``: the stuff of names (丰源县, 示范区, 彭立新),
    which two stories share far less often by chance than word pairs (就能, 分钟).

    (A set of strings, made and returned as it is: only set operations and counts are ever
    asked of it, so no frozen copy. Read as numbers, as :func:`_words` reads its pairs, a
    trigram cost more under callgrind, not less: a pair of numbers a tuple, hashed anew at
    every set operation of :func:`_own`; one number of 69 bits made by C arithmetic per
    trigram; against a string, whose hash is kept.)"""
    runs = HAN_RUN.findall("|".join(texts))
    return {run[i:i + 3] for run in runs for i in range(len(run) - 2)}


@functools.lru_cache(maxsize=BIGRAM_CACHE)
def text_names(text: str) -> frozenset[str]:
    """``_names`` of one paragraph, kept: a paragraph is weighed as a tail's, then as part of
    the article before the next drafts (its names among X's), and first here, in its draft's
    names (reunite's, then the sections' and the closed tails' runs)."""
    return frozenset(_names([text]))


def names_of(texts) -> set[str]:
    """``_names(texts)``, from each text's kept names (the same set: a text's runs of Han
    characters end at its ends, as the ``|`` that :func:`_names` joins texts with ends them).
    A page's drafts are weighed by their names in reuniting, in jumped sections and in closed
    tails, each paragraph's names cut again each time: here once."""
    return set().union(*map(text_names, texts))


def _runs(trigrams: set[str]) -> int:
    """How many runs of text the trigrams make: 几分钟 and 分钟就 are pieces of one (几分钟就),
    丰源县 and 示范区 of two. (A run starts at a trigram no other trigram leads into.)"""
    heads = {t[1:] for t in trigrams}
    return sum(1 for t in trigrams if t[:2] not in heads) or (1 if trigrams else 0)  # (or a loop: 哈哈哈)


def _own(sets: list[set], reach: int) -> dict[tuple[int, int], set[str]]:
    """For each two drafts ``(i, j)``, ``i < j <= i + reach``, the items the two and no other
    draft use (set operations only: linear in the page's text)."""
    seen: set[str] = set()  # in one draft or more
    again: set[str] = set()  # in two or more
    more: set[str] = set()  # in three or more
    for s in sets:  # (set operations in C: no Python step per item, as a Counter's items took)
        both = seen.intersection(s)
        more |= again.intersection(both)
        again |= both
        seen |= s
    two = again - more
    mine = [s & two for s in sets]
    n = len(sets)
    return {(i, j): mine[i] & mine[j] for i in range(n) for j in range(i + 1, min(n, i + reach + 1))}


def _share(sets: list[set], own: dict) -> dict[tuple[int, int], float]:
    """The share of the smaller draft's items that ``own`` holds, per pair."""
    return {(i, j): len(common) / min(len(sets[i]), len(sets[j])) if sets[i] and sets[j] else 0.0
            for (i, j), common in own.items()}


def windows(n: int, window: int, reach: int) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of at most ``window`` of ``n`` drafts, overlapping by ``reach``,
    so that every two drafts at most ``reach`` apart are in one of them."""
    window = max(window, reach + 2)
    out, start = [], 0
    while True:
        out.append((start, min(n, start + window)))
        if start + window >= n:
            return out
        start += window - reach


class Reuniting:
    """The reuniting step of :class:`~cleaner.stages.assemble.Assembler` (a mixin)."""

    def _draft_texts(self, d: Draft) -> list[str]:
        return [b.text for b in d.body] + [h.text for h in (d.title, d.subtitle) if h is not None]

    def reunite_cues(self, drafts: list[Draft]) -> list[tuple[int, int, dict[str, float]]]:
        """Every pair that could be one article cut in two: ``(x, y, cues)`` with ``x`` read
        before ``y`` (indices into ``drafts`` in reading order). A pair whose later part opens
        with a dateline, of which both parts have a byline, or that names fewer than
        ``min_names`` things (runs of three Han characters or more) no other draft names, none
        of them used ``name_uses`` times in the two, is no candidate (two parts of one story
        name the same places, people and bodies, and its names recur); nor is any pair
        on a page of fewer than ``min_drafts`` drafts (the words two parts share with no other
        article tell only where there are other articles to share them), or on a page not set
        in columns (a paragraph a line: text already in reading order, as cleaned text is). Each
        part must hold a paragraph printed over several lines: an article is read in two parts
        when its column is, and a part that came as whole paragraphs was no column's text.
        Nor is a pair whose later part opens as a news report's lead does (A002
        ``lead_openers``: 记者从…获悉, 从…了解到): a report says where its news comes from in its
        first sentence, and a later column of it never opens so (of the 281 training and hunting
        pairs that were one article, none; of the 1,100 that were two, 101). (Saying when, 近日，,
        is no sign here: a section, whose subhead was read as a title, may open so.)
        On a PDF page, two parts set under two different display headlines are two articles
        (of 65 such pairs on the typeset fitting and validation pages, none was one article;
        the cue ``geo_apart`` this gate leaves always 0 was fitted with the text pages, where
        it is never set, and weighed too little).
        Only drafts at most ``reach`` apart are paired, and "no other draft" means none of
        the ``window`` drafts around them (search bounds: on many pages run together, time and
        memory grow with the page, not with its square; a page of up to ``window`` drafts is
        weighed whole)."""
        p = self.rules["A009"].params
        n = len(drafts)
        if n < max(2, p["min_drafts"]) or not self.page.layout.columned:
            return []
        out, seen = [], set()
        for start, end in windows(n, p["window"], p["reach"]):
            for i, j, cues in self._cues_within(drafts[start:end]):
                if (start + i, start + j) not in seen:
                    seen.add((start + i, start + j))
                    out.append((start + i, start + j, cues))
        return out

    def _cues_within(self, drafts: list[Draft]) -> list[tuple[int, int, dict[str, float]]]:
        """:meth:`reunite_cues` on a window of the page's drafts."""
        n = len(drafts)
        texts = [self._draft_texts(d) for d in drafts]
        name_sets = [names_of(t) for t in texts]
        reach = self.rules["A009"].params["reach"]
        own_names = _own(name_sets, reach)
        min_names = self.rules["A009"].params["min_names"]
        name_uses = self.rules["A009"].params["name_uses"]
        wrapped = [any(len(b.lines) > 1 for b in d.paragraphs) for d in drafts]
        openers = self.rules["A002"].params["lead_openers"]
        led = [bool(openers and d.paragraphs) and search_any(openers, d.paragraphs[0].text) is not None
               for d in drafts]
        joined = ["|".join(t) for t in texts]

        def named(i: int, j: int, common: set[str]) -> bool:
            """Whether the two name enough things no other draft names: ``min_names``, or
            fewer, one of them used ``name_uses`` times in the two (a story's name recurs
            through it; a phrase two stories happen to share, 几分钟就, comes once in each;
            ``name_uses`` 0: never)."""
            runs = _runs(common)
            return runs >= min_names or (runs > 0 and name_uses > 0 and max(
                joined[i].count(t) + joined[j].count(t) for t in common) >= name_uses)

        pairs = [(i, j) for (i, j), common in own_names.items()
                 if wrapped[i] and wrapped[j] and not self.has_dateline(drafts[j].paragraphs[0]) and not led[j]
                 and not (drafts[i].byline and drafts[j].byline) and named(i, j, common)
                 and not self.headed_apart(drafts[i].paragraphs[0], drafts[j].paragraphs[0])]
        if not pairs:
            return []
        word_sets = [_words(t) for t in texts]
        shared = _share(word_sets, _own(word_sets, reach))
        names = _share(name_sets, own_names)

        def echo(head: Draft, lead: Draft) -> float:
            """How much of the headline of ``head`` the lead paragraph of ``lead`` repeats."""
            return max((affinity(h.text, lead.paragraphs[0].text) for h in (head.title, head.subtitle)
                        if h is not None), default=0.0)

        def share(i: int, j: int) -> float:
            return shared[(i, j) if i < j else (j, i)]

        best = [max((j for j in range(max(0, i - reach), min(n, i + reach + 1)) if j != i),
                    key=lambda j, i=i: share(i, j)) for i in range(n)]
        out = []
        for i, j in pairs:
            x, y = drafts[i], drafts[j]
            last = x.paragraphs[-1].text
            cues = {
                "shared": shared[(i, j)],
                "shared_names": names[(i, j)],
                "mutual_best": 1.0 if best[i] == j and best[j] == i else 0.0,
                "x_untitled": 1.0 if x.title is None else 0.0,
                "x_title_plain": 1.0 if x.title is not None and not self.doubled(x.title) else 0.0,
                "y_title_bold": 1.0 if y.title is not None and self.doubled(y.title) else 0.0,
                "x_dateline": 1.0 if self.has_dateline(x.paragraphs[0]) else 0.0,
                "y_opens_subhead": 1.0 if y.body and y.body[0].kind == "subhead" else 0.0,
                "x_byline": 1.0 if x.byline else 0.0,
                "y_byline": 1.0 if y.byline else 0.0,
                "x_cut": 0.0 if ends_sentence(last) else 1.0,
                "between": float(j - i - 1),
                "x_short": 1.0 if len(x.paragraphs) <= 2 else 0.0,
                "y_short": 1.0 if len(y.paragraphs) <= 2 else 0.0,
                "x_title_before": 1.0 if x.title is not None and x.title_before else 0.0,
                "y_title_before": 1.0 if y.title is not None and y.title_before else 0.0,
                "x_echo": echo(x, x),
                "y_echo": echo(y, y),
                "cross_echo": echo(y, x),
                "few": 1.0 if n == 3 else 0.0,  # the pair and one other draft to tell shared words by
            }
            cues["x_subheads"] = float(min(2, sum(1 for b in x.body if b.kind == "subhead")))
            cues["y_subheads"] = float(min(2, sum(1 for b in y.body if b.kind == "subhead")))
            cues["y_title_like_x_subheads"] = 1.0 if self._like_subheads(y.title, x) else 0.0
            cues["x_title_like_y_subheads"] = 1.0 if self._like_subheads(x.title, y) else 0.0
            # an article sets its subheads alike: two parts whose subheads share no form
            ys = [b for b in y.body if b.kind == "subhead"]
            cues["subheads_unlike"] = 1.0 if ys and cues["x_subheads"] and \
                not any(self._like_subheads(b, x) for b in ys) else 0.0
            # on a PDF page: the two parts' text is set under two different display headlines
            cues["geo_apart"] = 1.0 if self.headed_apart(x.paragraphs[0], y.paragraphs[0]) else 0.0
            # whose lead does each headline sum up: its own part's, or the other's
            cues["y_leads"] = 1.0 if cues["y_echo"] > cues["cross_echo"] else 0.0
            cues["x_leads"] = 1.0 if cues["x_echo"] > cues["cross_echo"] else 0.0
            out.append((i, j, cues))
        return out

    def _like_subheads(self, h: Block | None, d: Draft) -> bool:
        """Whether heading ``h`` is set like a subhead of ``d``: as long (within a character) or
        in the same form (a label and its colon, phrases set apart by a blank). An article's
        subheads are set alike; a title taken for a section's subhead, or a subhead for a
        title, shows it."""
        if h is None:
            return False
        n, f = len(nows(h.text)), self.form(h)
        return any(abs(len(nows(b.text)) - n) <= 1 or (f[0] >= 0 and self.form(b) == f)
                   for b in d.body if b.kind == "subhead")

    def reunite_odds(self, cues: dict[str, float]) -> float:
        """The log-odds that a pair is one article (A009's weights)."""
        return odds(self.rules["A009"].params["weights"], cues)

    def reunite_probability(self, cues: dict[str, float]) -> float:
        return logistic(self.reunite_odds(cues))

    def reunite(self, drafts: list[Draft]) -> list[Draft]:
        """Drafts in reading order, the parts of each article read as two joined (best pairs
        first, each part joined at most once)."""
        rule = self.rules["A009"]
        if not rule.enabled:
            return drafts
        threshold = rule.params["threshold"]
        at = math.log(threshold / (1 - threshold))  # the threshold's log-odds
        scored = sorted(((self.reunite_odds(c), i, j, c) for i, j, c in self.reunite_cues(drafts)),
                        key=lambda t: -t[0])
        taken: set[int] = set()
        into: dict[int, int] = {}
        for z, i, j, cues in scored:
            if z < at:
                break
            prob = logistic(z)
            if i in taken or j in taken:
                continue
            taken.update((i, j))
            into[i] = j
            x, y = drafts[i], drafts[j]
            keep_x = self._keeps_first_headline(x, y, cues)
            head, part = (x, y) if keep_x else (y, x)
            margin = z - at  # the decoder's margin for this decision
            # (a close call, by A002's review_margin like every decision, is marked 'review')
            self.draft_now, self.margin_now = head, margin
            what = f"'{part.title.text[:16]}'" if part.title is not None else "the untitled text"
            self.record("A009", "heal", part.paragraphs[0],
                        f"{what} at line {self.page.line_no(part.paragraphs[0].first)} is part of "
                        f"{self.article_name()} (probability {prob:.2f}: the two share "
                        f"{cues['shared']:.0%} of their word pairs and {cues['shared_names']:.0%} of their names "
                        f"with no other article; its headline "
                        f"{'is set like' if keep_x else 'sums up'} {'a subhead' if keep_x else 'the lead'})")
            self.draft_now = self.margin_now = None
            drafts[j] = self._joined(x, y, margin, keep_x)
        return [d for k, d in enumerate(drafts) if k not in into]

    @staticmethod
    def _keeps_first_headline(x: Draft, y: Draft, cues: dict[str, float]) -> bool:
        """Whether the article joined from ``x`` and ``y`` keeps ``x``'s headline: when it sums
        up ``x``'s own lead at least as well as ``y``'s does (``y`` was a section whose subhead
        was taken for a title), or when ``y`` has no title at all (its headline would be none:
        ``x``'s title, set after its text or over a lead a column change gave another article,
        would be a subhead of an untitled article).

        Two headlines' echo of the lead is no fair contest where one is a section's subhead: a
        short subhead that quotes a phrase of the lead (共抓大保护, of a lead that ends …共抓大保护、
        不搞大开发) echoes it whole. So ``x``'s headline yields first where it is set like ``y``'s
        subheads, ``y``'s is set like none of ``x``'s, and ``x``'s carries no subtitle: it is
        one of the story's subheads. Of the joined pairs that were one article under two
        headlines, so set on train, valid, wide, fresh and hunt, 10 of 12 had ``y``'s as their
        title (the 2 others kept ``y``'s by their echo already). It changes no join's headline
        on train, valid, wide or fresh, two on hunt (two stories joined wrongly: those pages'
        CER 33.8 -> 33.2); on the broadcast stories 19 of 19 right, 9 -> 28 of 36 kept right. (A
        subtitle under ``y``'s headline and none under ``x``'s, deciding for ``y`` too: train
        23 -> 25 of 27, valid 10 -> 11, wide 33 -> 36, hunt 83 -> 89, but fresh subtitles
        73.7 -> 73.5, the subtitle a misread line (【大国工匠】, 比，钠离子电池): not taken.)
        """
        if x.title is None:
            return False
        if y.title is None:
            return True
        if cues.get("x_title_like_y_subheads") and not cues.get("y_title_like_x_subheads") and x.subtitle is None:
            return False
        return cues["x_echo"] >= cues["cross_echo"] and cues["x_echo"] > 0

    def _joined(self, x: Draft, y: Draft, margin: float, keep_x: bool) -> Draft:
        """One article: ``x``'s text, then ``y``'s. It keeps the headline that sums up its
        lead (``x``'s first paragraph): ``x``'s own when ``keep_x`` (``y`` was a later section,
        its subhead taken for a title), else ``y``'s (``x`` was the headless first part). The
        other part's title and subtitle stay where they stood, as subheads; a kicker or byline
        the kept headline lacks comes from the other part (one it has already stays where it
        stood too, as a subhead: nothing is lost; two bylines are never joined)."""
        head, other = (x, y) if keep_x else (y, x)

        def demoted(d: Draft) -> list[Block]:
            body = list(d.body)
            for h in (d.title, d.subtitle, d.kicker if head.kicker is not None else None):
                if h is not None:
                    at = next((k for k, b in enumerate(body) if b.first > h.first), len(body))
                    body.insert(at, replace(h, kind="subhead"))
            return body

        xb, yb = (list(x.body), demoted(y)) if keep_x else (demoted(x), list(y.body))
        return Draft(body=xb + yb, title=head.title, subtitle=head.subtitle,
                     kicker=head.kicker or other.kicker, byline=head.byline or other.byline,
                     title_before=head.title_before, flags=x.flags + y.flags, width=head.width,
                     margin=min(x.margin, y.margin, margin))
