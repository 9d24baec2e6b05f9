"""Measures shared by the pull-quote finder: a block's narrowness (lines per em), the
page's typical column, the bounds on a quote's length and on headline lines, and the tests on a
text's ending (it is said, it closes a sentence, it cuts a phrase).
"""

from __future__ import annotations

import itertools
import re
from operator import attrgetter

from ...chars import CLOSERS, NO_LINE_START, ends_sentence, nows, width
from ...model import Block, Page
from ..copies import _NOT_WORD


#: Lines of headline material (title, subtitle, a credit) a stacked quote may have run into.
MAX_HEAD_LINES = 4


#: A text this short may be a quote an editor cut and reordered: it is compared with every
#: paragraph that shares one key with it (a sentence or two; longer ones need a third of theirs).
QUOTE_MAX = 80


#: A mark that ends a sentence (a headline line holds none).
_SENTENCE_END = re.compile("[。！？!?]")


#: a line's width (a C call, not a Python step, per line of a block)
_WIDTH = attrgetter("width")


def narrowness(page: Page, b: Block) -> float:
    """Lines per em of text: a block set in a narrower column needs more lines for its text."""
    return len(b.lines) / max(1.0, sum(map(_WIDTH, map(page.lines.__getitem__, b.lines))))  # (C loops, the same sum)


#: each mark a typesetter never starts a line with -> its width: a line's last character is
#: looked up in it, not measured (:func:`hanging` asks of every line of every paragraph)
_HUNG_WIDTH = {c: width(c) for c in NO_LINE_START}


def hanging(texts: list[str], widths: list[float]) -> list[float | None]:
    """Each line's width less a mark at its end that a typesetter never starts a line with
    (，。、” …: :data:`NO_LINE_START`), None for a line that closes on no such mark."""
    get = _HUNG_WIDTH.get
    out: list[float | None] = []
    for t, w in zip(texts, widths):
        mark = get(t.rstrip()[-1:])
        out.append(w - mark if mark is not None else None)
    return out


def set_width(widths: list[float], hung: list[float | None]) -> float:
    """The measure a run of lines (``widths`` ems wide; ``hung``: :func:`hanging`) is set in: its
    widest line, a mark at a line's end left out where the run's lines without one set a measure
    that wide (a narrow quote lets such a mark hang past its measure: 项目首席科学家、 is 8 ems in a
    7-em column whose other lines are 7; a column of text sets it inside its own, and a run with no
    line that closes on no mark sets no measure to hang past: its widest line is its measure)."""
    # (the widest line without a mark and the widest with one less its mark, in one pass: what
    # the two max() over generators gave, a quote's lines being few and this asked of every run)
    plain = marked = None
    for w, h in zip(widths, hung):
        if h is None:
            if plain is None or w > plain:
                plain = w
        elif marked is None or h > marked:
            marked = h
    if plain is None:
        return max(widths)
    if marked is None:
        return plain
    return plain if plain >= marked else max(widths)


def column(page: Page, b: Block) -> float:
    """The measure a block is set in: its median line width (ems; the upper one of two). Unlike
    :func:`narrowness`, a paragraph's short last line and its first line (short of an indent)
    do not narrow it: a paragraph of four lines, two of them short, reads as set as narrow as a
    quote a column narrower."""
    widths = sorted(map(_WIDTH, map(page.lines.__getitem__, b.lines)))
    return widths[len(widths) // 2] if widths else 0.0


def set_narrower(i: int, o: int, narrow: list[float], columns: list[float] | None, by: float) -> bool:
    """Block ``i`` is set narrower than block ``o`` by ``by``: in lines per em
    (:func:`narrowness`) or, where ``columns`` (:func:`column`) are given, in its measure; and
    then never in a measure of its own wider than ``o``'s (a paragraph's short lines make it
    narrow in lines per em, not in its measure)."""
    if columns is None:
        return narrow[i] > by * narrow[o]
    return (narrow[i] > by * narrow[o] or columns[o] >= by * columns[i] > 0) and columns[i] < columns[o]


def typical_narrowness(blocks: list[Block], narrow: list[float]) -> float:
    """The median narrowness of the page's paragraphs of three lines or more (their column)."""
    body = sorted(x for x, b in zip(narrow, blocks) if b.kind == "paragraph" and len(b.lines) > 2)
    return body[len(body) // 2] if body else 0.0


def _run_ems(widths: list[float]) -> list[float]:
    """The width in ems of the first k lines of a block, for k = 0 … len(widths): a run of lines
    from m1 to m2 is ``ems[m2] - ems[m1]`` wide in all. A pull quote set in a narrow column takes
    as many lines as its text needs (ten lines and more of seven characters), so a run that may be
    one is bounded by a quote's length, not a number of lines: one of more than QUOTE_MAX ems
    holds more than QUOTE_MAX characters (a character is an em wide, or half one)."""
    return list(itertools.accumulate(widths, initial=0.0))


def _joiner(left: str, right: str) -> str:
    """What joins two lines of one paragraph: a blank between two Latin words or numbers."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


def said(text: str, marks: bool = True) -> bool:
    """``text`` reads as words quoted, not as a headline: it closes a sentence (。 or a full
    stop before closing marks), or, with ``marks``, stands wholly between quotation marks (“…”).

    ``marks`` only where the type tells a quote from a headline (a PDF page): a headline, too,
    may quote a speaker whose words its text holds (“博物馆要成为城市客厅” over an interview)."""
    t = text.strip()
    if len(t) < 2:
        return False
    if marks and t[0] in "“「『" and t[-1] in "”」』":
        return True
    return ends_sentence(t) and t.rstrip(CLOSERS)[-1:] not in "？！?!…"


#: a quotation mark that opens words quoted, and the one that closes them
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』"}


def quoted_whole(text: str) -> bool:
    """``text`` is words quoted whole, one quotation from its opening mark to its closing one
    (“给每一件古陶瓷找到回家的路”; not “双减”政策实施以来, whose quotation closes inside it): a
    unit that reads on into nothing after it, as a headline quoting a speaker is."""
    t = nows(text)
    closer = _QUOTE_PAIRS.get(t[:1])
    return closer is not None and len(t) > 2 and t[-1] == closer and closer not in t[1:-1]


def _closes(t: str) -> bool:
    """``t`` closes its sentence: ends on a mark that ends one, not on an ellipsis (……, which
    a quote's first line may end on before the sentence goes on: 快板《说说咱村新变化》…… /
    18个节目全部由村民…)."""
    return ends_sentence(t) and not t.rstrip(CLOSERS).endswith(("…", "⋯"))


def _cuts_phrase(line: str, open_marks: str = "") -> bool:
    """A run of lines after ``line`` cuts a phrase: ``line`` ends inside one (on a character of
    a word, no punctuation), or on one of ``open_marks``, a mark inside a list that the next
    item must follow (…32支代表队、 / [a quote's lines] / 近600名运动员…): no sentence starts after
    it, so a run that starts one there was set in from elsewhere."""
    last = line.rstrip()[-1:]
    return bool(last) and (not _NOT_WORD.match(last) or last in open_marks)
