"""Quotes cut into the text of their article: a quote read run onto the paragraph
before it, or set between two lines of the paragraph it cuts, is split out and the paragraph
rejoined.
"""

from __future__ import annotations

import itertools
from operator import attrgetter

from ...chars import ends_sentence, nows
from ...model import Block, Change, Page, replace
from ...rules import Rule
from .._common import median_without, plain_lines, rebuild
from ..block_kinds import STAGE
from ..copies import shared_content
from ..rejoin import word_cut

#: the marks that close a quote's last sentence (left out of its closing words; a text without
#: blanks, :func:`nows`, has only these at its end: ``rstrip`` them, no regex tried at every place)
_CLOSING_MARKS = "。！？!?”’」』）)…"
from .measure import MAX_HEAD_LINES, QUOTE_MAX, _cuts_phrase, _run_ems, column, hanging, narrowness, set_width
from .source import _Joined, _may_quote_across, _repeats, quote_source, source_cut_apart


_WIDTH, _TEXT = attrgetter("width"), attrgetter("text")


def split_quotes_run_on(page: Page, blocks: list[Block], rule: Rule, changes: list, texts: list[str],
                        narrow: list[float], openers: set[int] = frozenset(),
                        cut_out: set | None = None, kept: set | None = None,
                        framed_out: set | None = None) -> list[Block]:
    """A pull quote run onto the text next to it (rejoin read its last line and the first of
    the text after it, or the other way round, as one column) is cut off.

    The quote's lines are set narrower than the text's: a block whose first (or last) lines,
    ending a sentence, are all at least ``cut_narrower`` ems narrower than the widest of the
    rest, and hold a sentence of another paragraph set wider (copied or edited: its character
    pairs and numbers, :func:`shared_content`, within ``quote_reach`` blocks), is cut there.
    A cut at the top or the end whose piece is no quote does not settle the block: a quote may
    still stand inside it, between two of its lines (:func:`_quote_inside`; a quote set at a
    paragraph's end, cutting a sentence, leaves a wider line that closes one above it).
    ``cut_out``, where given, gets the first line of each quote cut out: weighed again once cut,
    such a quote is labelled one though set no narrower than the page's column (its lines are
    narrower than those of the text it was cut from: :func:`find_pullquotes`). ``kept``, where
    given, gets the first line of each piece of text left around a quote cut out whose source is
    that text itself (read on in the next block): text set wider than the quote, never itself a
    quote (two lines of a paragraph's head left under a quote that copies its first sentence
    repeat the quote's opening words). ``framed_out``, where given, gets the first line of each
    quote cut out as a frame's (set as wide as the text, cutting a phrase of it): weighed again,
    it is held to a frame's tests, not to a narrower measure it was never set in.
    """
    p = rule.params
    lines = page.lines
    content: dict = {}
    joined = None  # (the texts as one text, for the quotes inside a paragraph: made once, if at all)
    columns = None  # (each block's measure, :func:`column`)
    out: list[Block] = []
    cut_any = False
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or len(b.lines) < 3:
            out.append(b)
            continue
        held = list(map(lines.__getitem__, b.lines))  # (C loops over the block's lines, no Python step a line)
        widths = list(map(_WIDTH, held))
        line_texts = list(map(_TEXT, held))
        ends = list(map(ends_sentence, line_texts))  # (once a line: the runs below overlap)
        hung = hanging(line_texts, widths)  # (a quote's measure, a mark hanging: :func:`set_width`)
        cut = None
        ems = _run_ems(widths)
        # (the text under a quote on top that closes no sentence goes on in the next paragraph
        # block, in its column: rejoin cut the paragraph after its first, indented, lines)
        on = blocks[i + 1] if not ends[-1] and i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph" else None
        on_wide = max((lines[k].width for k in on.lines), default=0.0) if on is not None else 0.0
        # (a block that opens with a dateline opens an article's text: no quote on top of it,
        # though one may be set inside its lead or at its end)
        for m in range(1, 1 if b.first in openers else len(b.lines) - 1):  # a quote on top (a quote's length: QUOTE_MAX)
            if ems[m] > QUOTE_MAX:
                break
            if ends[m - 1] and set_width(widths[:m], hung[:m]) + p["cut_narrower"] <= max(max(widths[m:]), on_wide):
                cut = m
                break
        if cut is None:
            for m in range(len(b.lines) - 1, 0, -1):  # at the end
                if ems[-1] - ems[m] > QUOTE_MAX:
                    break
                if ends[m - 1] and ends[-1] and set_width(widths[m:], hung[m:]) + p["cut_narrower"] <= max(widths[:m]):
                    cut = -m
                    break
        found = None
        if cut is not None:
            m = abs(cut)
            parts = [rebuild(page, replace(b, lines=b.lines[:m], joiners=b.joiners[:m - 1])),
                     rebuild(page, replace(b, lines=b.lines[m:], joiners=b.joiners[m:]))]
            quote = parts[0] if cut > 0 else parts[1]
            t = nows(quote.text)
            if p["min_length"] <= len(t) <= QUOTE_MAX:
                if columns is None:  # (the blocks' measures: made for the first piece weighed, if any)
                    columns = [column(page, x) for x in blocks]
                # (in its measure, too: a source whose short lines make it look narrow in lines per em
                # is set wider than the quote's column: 9 ems a line over 7)
                own, columns[i] = columns[i], column(page, quote)  # (the quote's at ``i``, as quote_source asks)
                found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content, columns=columns)
                columns[i] = own
                if found is None and cut > 0 and on is not None:
                    # (a quote set over the opening lines of the paragraph it quotes: its source is
                    # those lines read on in the next block)
                    rest = nows(parts[1].text) + texts[i + 1]
                    if t in rest or shared_content(t, rest, content) >= p["min_shared"]:
                        found = (i + 1, None)  # (only the source block is read off it)
                        if kept is not None:
                            kept.add(parts[1].first)
        if found is not None:
            out += parts
            _record_run_on(page, b, quote, blocks[found[0]], rule, changes)
            if cut_out is not None:
                cut_out.add(quote.first)
            cut_any = True
            continue
        if joined is None:
            joined = _Joined(texts)
        inside = _quote_inside(page, i, b, widths, rule, texts, narrow, content, ends, ems, joined, framed_out, hung)
        if inside is not None:
            parts, quote, found = inside
            out += parts
            _record_run_on(page, b, quote, blocks[found] if found is not None else b, rule, changes,
                           "inside the paragraph it cuts, ")
            if cut_out is not None:
                cut_out.add(quote.first)
            if kept is not None and found is None:  # (the text around it is its source)
                kept.update(x.first for x in parts if x is not quote)
                if parts[-1] is quote and i + 1 < len(blocks) and not ends_sentence(nows(parts[0].text)):
                    kept.add(blocks[i + 1].first)  # (and the block it goes on in, read with it)
            cut_any = True
            continue
        out.append(b)
    return out if cut_any else blocks


def _record_run_on(page: Page, b: Block, quote: Block, source: Block, rule: Rule, changes: list,
                   how: str = "") -> None:
    s, e = page.block_span(b)
    changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                          f"a pull quote run onto the text at line {page.line_no(quote.first)}: it is set "
                          f"{how}narrower and repeats the text at line {page.line_no(source.first)}",
                          rule.safety))


def _word_across(a: str, b: str, p: dict) -> bool:
    """:func:`word_cut` read on the ``cut_word_reach`` characters either side of the break only:
    a word across it is that short, and the lexicon's cost grows with the text it reads (whole
    lines read this way cost the sample page a seventh of its time)."""
    reach = p["cut_word_reach"]
    return word_cut(a.rstrip()[-reach:], b.lstrip()[:reach], p["cut_word_gain"])


def _quote_inside(page: Page, i: int, b: Block, widths: list[float], rule: Rule, texts: list[str],
                  narrow: list[float], content: dict, ends: list[bool] | None = None,
                  ems: list[float] | None = None, joined: "_Joined | None" = None,
                  framed_out: set | None = None, hung: list[float | None] | None = None):
    """A pull quote boxed inside a column, read between two lines of the paragraph it cuts:
    a run of lines inside block ``b`` (up to QUOTE_MAX characters: a quote in a narrow column
    takes ten lines and more), the last ending a sentence, all
    ``cut_narrower`` ems narrower than the median line around them, that repeats a sentence
    of another paragraph within reach or of the rest of this one (copied or edited). Returns
    ``([before, quote, after], quote, source block or None)`` (no ``after`` where the block
    ends with the quote); the assemble stage heals the paragraph around the quote once the
    quote is out. ``ends``: whether each line of ``b`` closes a sentence, when the caller knows
    (every run from a line is weighed: a line is asked about that often); ``ems``, the
    widths of its first lines (:func:`_run_ems`), likewise; ``joined``, ``texts`` as one text
    (:class:`_Joined`), made once for all the blocks where it is given. ``framed_out``, where
    given, gets the first line of a quote found as a frame's (as wide as the text). ``hung``:
    :func:`hanging` of the block's lines, when the caller has it (the run-on cuts weigh it
    first: made once a block, not twice)."""
    p = rule.params
    lines = page.lines
    n = len(b.lines)
    if ends is None:
        ends = [ends_sentence(lines[k].text) for k in b.lines]
    ordered = sorted(widths)  # (once: the median around each run is read from it)
    # (the median around a run leaves the block's first line out where others are around it: a
    # paragraph's first line is indented, two ems short of the column, and in a short block it
    # pulled the median under a quote's measure: 7, 8 | 9 read as 8 around a 7-em quote)
    ordered_on = sorted(widths[1:])
    if hung is None:
        hung = hanging([lines[k].text for k in b.lines], widths)
    # (the lines as set, a mark at the end of each hung: a quote whose measure lets a mark hang is
    # weighed against the text's lines read the same way, no line closing on a mark wider than it is)
    hung_widths = [w if h is None else h for w, h in zip(widths, hung)]
    hung_on = sorted(hung_widths[1:])
    hung_all = sorted(hung_widths)
    whole_is_quote = None  # (whether the block itself repeats a paragraph: asked once, if at all)
    plain = None  # (each line's text without blanks: made once, for the first run that cuts a phrase)
    near = None  # (the paragraphs within reach of the block: made once, if at all)
    if ems is None:
        ems = _run_ems(widths)
    cut_narrower = p["cut_narrower"]
    # a run ends where a sentence does: only those ends are weighed (the others were skipped
    # one by one, seven runs in eight); a run longer than a quote stops the runs from m1, and
    # as the widths add up (none is negative), every end after the first too long one is too
    stops = [m for m in range(2, n + 1) if ends[m - 1]]
    first_stop = 0
    for m1 in range(1, n - 1):
        # (up to the block's end: rejoin may have ended the paragraph with the quote's last line)
        while first_stop < len(stops) and stops[first_stop] <= m1:
            first_stop += 1
        start = ems[m1]
        cuts = None  # (whether the line before m1 ends inside a phrase: asked once for the runs from m1)
        opened = None  # (whether a paragraph near the block may be the source of a run from m1)
        into = None  # (whether the line before m1 reads on into it as one word: asked once, if at all)
        for m2 in itertools.islice(stops, first_stop, None):
            if ems[m2] - start > QUOTE_MAX:
                break  # (longer than a quote: so is every run from m1 further on)
            run_widths = widths[m1:m2]
            wide = max(run_widths) + cut_narrower
            around = ordered_on if len(ordered_on) > len(run_widths) else ordered
            median = None
            if wide > around[-1]:
                narrower = False
            else:
                median = median_without(around, run_widths)
                narrower = not wide > median
            hangs = False  # (set narrower once a mark at a line's end hangs: :func:`set_width`)
            if not narrower:
                measure = set_width(run_widths, hung[m1:m2]) + cut_narrower
                if measure < wide:
                    run_hung = hung_widths[m1:m2]
                    hung_around = hung_on if len(hung_on) > len(run_hung) else hung_all
                    hangs = measure <= hung_around[-1] and measure <= median_without(hung_around, run_hung)
            # (the median line around it: one hanging mark widens a quote's line; no median is
            # wider than the widest line, which settles most runs without it)
            as_framed = False  # (set as wide as the text, cutting a phrase of it: see below)
            across = False  # (the text cut reads on past the run, a word across it, and not into it)
            if not narrower and not (m2 - m1 > MAX_HEAD_LINES or m1 < 2):
                if cuts is None:
                    cuts = _cuts_phrase(lines[b.lines[m1 - 1]].text, p["cut_open_marks"])
                if cuts and widths[m1 - 1] + cut_narrower > (
                        median if median is not None else median_without(around, run_widths)):
                    # (cutting a phrase of a full line of a column of text, two lines at least
                    # before it; a heading's line is none; such a run is as short as a frame's
                    # quote: MAX_HEAD_LINES lines)
                    if plain is None:
                        plain_of = plain_lines(lines)
                        plain = [plain_of[k] for k in b.lines]
                    if opened is None:  # (the same for every run from line m1)
                        if near is None:
                            near = (joined or _Joined(texts)).near(i, p["quote_reach"])
                        opened = _may_quote_across(i, plain[m1 - 1][-1:], plain[m1], texts, p, near)
                    as_framed = opened  # (no paragraph near it could be its source: built and weighed for nothing)
                    if not opened and "".join(plain[m1:m2]).rstrip(_CLOSING_MARKS)[-p["ngram"]:] in near:
                        # (an editor's opening words changed, 种子也是 -> 种子是, its closing ones kept,
                        # 收成心里有底。: the cut still shows where the text it cuts reads on across the
                        # run, a word across, and not into it; the closing words asked first, one search,
                        # as the lexicon costs a hundred times more)
                        if into is None:
                            into = _word_across(lines[b.lines[m1 - 1]].text, lines[b.lines[m1]].text, p)
                        after = lines[b.lines[m2]].text if m2 < n else texts[i + 1] if i + 1 < len(texts) else ""
                        across = not into and _word_across(lines[b.lines[m1 - 1]].text, after, p)
                        as_framed = across
            if not narrower and not hangs and not as_framed:
                continue  # set as wide as the text, and cutting no phrase of it: nothing sets it apart
            quote = rebuild(page, replace(b, lines=b.lines[m1:m2], joiners=b.joiners[m1:m2 - 1]))
            t = nows(quote.text)
            if len(t) < p["min_length"] or len(t) > QUOTE_MAX:
                continue
            if whole_is_quote is None:
                whole_is_quote = _repeats(i, b, page, rule, texts, narrow, content)
            if whole_is_quote:
                return None  # the whole block repeats a paragraph: it is the quote, not its text
            parts = [rebuild(page, replace(b, lines=b.lines[:m1], joiners=b.joiners[:m1 - 1])), quote]
            if m2 < n:
                parts.append(rebuild(page, replace(b, lines=b.lines[m2:], joiners=b.joiners[m2:])))
            if narrower or hangs:
                found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content) \
                    or source_cut_apart(i, t, narrowness(page, quote), texts, narrow, rule)
                if found is not None:
                    return parts, quote, found[0]
                rest = "".join(nows(x.text) for x in parts if x is not quote)
                if m2 == n and i + 1 < len(texts) and not ends_sentence(rest):
                    rest += texts[i + 1]  # (rejoin ended the paragraph with the quote: it goes on in the
                    # next block, as quote_source reads a paragraph a quote cut)
                if t in rest or shared_content(t, rest, content) >= p["min_shared"]:
                    return parts, quote, None
                if not as_framed:
                    continue
            # set as wide as the text, it cuts a phrase (the line before it ends inside one, on
            # no punctuation), as a quote boxed in the column does, and the cut sets it apart as
            # a frame would: it is a quote if another paragraph holds it, opening with words of
            # it (an editor drops or swaps words, the quote still opens as its text does), and
            # that paragraph does not hold the two characters across the cut (then the run goes
            # on from the line before as that text does: the tail of a sentence it holds)
            last = nows(lines[b.lines[m1 - 1]].text)[-1]
            found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content, framed=True) \
                or source_cut_apart(i, t, narrowness(page, quote), texts, narrow, rule)
            if found is not None:
                o = found[0]
                # (read on in the next block, unless that is this block: it holds the run and the
                # pair across the cut, 坚持 / 推动教育公平… / 因材施教, whatever its source)
                source = texts[o] + (texts[o + 1] if o + 1 < len(texts) and o + 1 != i else "")
                if (across or t[:p["ngram"] // 2] in source) and last + t[0] not in source:
                    if framed_out is not None:
                        framed_out.add(quote.first)
                    return parts, quote, o
    return None
