"""The pull-quote finder's entry points: :func:`pullquotes_by_window` and
:func:`find_pullquotes`, which index the page's paragraphs once, weigh each candidate against
its source and its setting, and call the splits, joins and mends of the other modules.
"""

from __future__ import annotations

from collections import Counter

from ...chars import nows
from ...model import Block, Page, replace
from ...rules import Rule
from ..block_kinds import _label
from ..copies import BOILERPLATE, FUZZY_MAX, _NOT_WORD, _anchored, _key_index, _keys, _window, near_copy, shared_content
from .apart import _among_text, _apart_as_framed, _under_larger_headline
from .cut_in import split_quotes_run_on
from .join import join_broken_quotes, join_split_quotes
from .measure import QUOTE_MAX, column, narrowness, said, set_narrower, typical_narrowness
from .mend import mend_quote_pieces, quote_heads_back
from .source import quote_source, source_cut_apart
from .stack import restack_quotes, split_lead_off_quotes, split_stacked_quotes


#: Texts without a single key (short, or written in characters that are no anchors) are
#: compared with every paragraph; past this many on one page, no longer (a hostile page of
#: thousands of them must stay linear).
MAX_KEYLESS = 16


def pullquotes_by_window(page: Page, blocks: list[Block], rule: Rule, changes: list, sources: dict,
                         openers: set[int] = frozenset()) -> list[Block]:
    """:func:`find_pullquotes` over windows of ``window`` blocks, each starting with the last
    ``window_overlap`` blocks (at most half a window) of the one before (already looked at: a
    block labelled there is no candidate again, a paragraph there may still find its copy in
    the next window). A usual page is one window."""
    size = rule.params["window"]
    overlap = min(rule.params["window_overlap"], size // 2)  # (more would look at blocks again and again)
    if len(blocks) <= size:
        return find_pullquotes(page, blocks, rule, changes, sources, openers)
    step = max(1, size - overlap)
    done: list[Block] = []
    carry: list[Block] = []
    k = 0
    while k < len(blocks):
        fresh = blocks[k:k + step]
        k += step
        window = find_pullquotes(page, carry + fresh, rule, changes, sources, openers)
        if k >= len(blocks):
            done += window
            break
        keep = min(overlap, len(window))
        done += window[:len(window) - keep]
        carry = window[len(window) - keep:]
    return done


def find_pullquotes(page: Page, blocks: list[Block], rule: Rule, changes: list,
                    sources: dict | None = None, openers: set[int] = frozenset()) -> list[Block]:
    """Blocks whose text repeats another block's text: pull quotes (引语).

    An index of character n-grams over all paragraph text (a sample of them that depends on
    the text alone: see ANCHOR_EVERY) finds, for each candidate, the blocks that share its
    n-grams; a candidate inside one of them (exactly, or nearly: ``min_similarity`` of
    rapidfuzz's partial ratio) is a pull quote. Of two identical blocks, the one set in the
    narrower column (more lines for the same text) is the quote. Linear in page size.
    """
    n = rule.params["ngram"]
    cutoff = rule.params["min_similarity"] * 100
    budget = [MAX_KEYLESS]
    lines = page.lines
    geo = page.geometry() if page.layout.geometry is not None else None

    def framed(b: Block) -> bool:
        return geo is not None and all(geo[k] is not None and geo[k].framed for k in b.lines)

    def set_apart(b: Block) -> bool:
        return _apart_as_framed(page, geo, b)

    def own_measure(b: Block, source: Block) -> bool:
        # a near copy is set in a measure of its own, its widest line ``cut_narrower`` ems narrower
        # than its source's (or in a frame): a paragraph's tail in the text's measure (a full line
        # over a short one) that nearly repeats a sentence of another article (据测算，示范区内亩均节本
        # 增效200余元。 of …区亩均节本增效200余元) is text (in OCR output a line's width is too noisy to tell)
        return set_apart(b) or page.layout.ocr or max(lines[k].width for k in b.lines) \
            + rule.params["cut_narrower"] <= max(lines[k].width for k in source.lines)

    def measure(blocks: list[Block], known: dict[str, list[str]]):
        """Texts, narrowness, keys (those of a text ``known`` before kept), index, and what a
        text without keys is compared with (see :func:`_owners`)."""
        texts = [nows(b.text) if b.kind == "paragraph" else "" for b in blocks]
        keys = [known[t] if t in known else _anchored(n)(t) for t in texts] if known else _keys(texts, n)

        def keyless() -> list[int] | None:
            if budget[0] <= 0:
                return None
            budget[0] -= 1
            return [o for o, t in enumerate(texts) if t]

        return texts, [narrowness(page, b) for b in blocks], keys, _key_index(keys, blocks), keyless

    texts, narrow, keys, index, keyless = measure(blocks, {})
    content: dict = {}  # text -> its numbers and character pairs (shared_content), each made once
    joined = join_broken_quotes(page, blocks, rule, changes, texts, index, keyless, narrow, content, openers)
    if joined is not blocks:  # quotes put back together: measure and index the new blocks
        blocks = joined
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    sources = {} if sources is None else sources  # quote's first line -> repeated block's first line
    joined = join_split_quotes(page, blocks, rule, changes, texts, narrow, sources, content)
    if joined is not blocks:
        blocks = joined
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    split = restack_quotes(page, blocks, rule, changes, texts, narrow, index, keyless, content, openers)
    if split is not blocks:  # quotes broken across blocks cut again where their sentences end
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    split = split_stacked_quotes(page, blocks, rule, changes, texts, narrow, keys, index, keyless, openers)
    if split is not blocks:  # quotes cut apart: measure and index the new blocks
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    cut_out: set = set()  # the first lines of the quotes cut out of a paragraph
    kept: set = set()  # the first lines of the text left around them (no quote)
    framed_out: set = set()  # those of them cut out as a frame's quote (as wide as the text)
    split = split_quotes_run_on(page, blocks, rule, changes, texts, narrow, openers, cut_out, kept, framed_out)
    if split is not blocks:
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    split = split_lead_off_quotes(page, blocks, rule, changes, texts, narrow, content, openers)
    if split is not blocks:
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
        # (the sentence cut off may be the rest of a quote whose first line rejoin read as a
        # headline over it: 如何让这股热度持续 / 升温，值得认真思考。 over the next quote)
        joined = join_broken_quotes(page, blocks, rule, changes, texts, index, keyless, narrow, content, openers)
        if joined is not blocks:
            blocks = joined
            texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    get = index.get
    out = list(blocks)
    typical = typical_narrowness(blocks, narrow)
    frames = None
    cut = None  # (the blocks cut out of a paragraph as quotes: asked once, if any)
    columns = None  # (each block's measure: column())
    source_of: dict[int, int] = {}  # quote block -> the block it repeats
    source_texts = None  # (texts without the quotes labelled or cut out: made for a quote cut out, if any)
    for i, b in enumerate(blocks):
        t = texts[i]
        if b.kind == "heading" and (b.text[-1] in "？！?!" or said(b.text, marks=geo is not None)) \
                and _under_larger_headline(page, geo, blocks, i, rule.params["quote_reach"]):
            # a question or an exclamation set apart that a wider paragraph holds word for word
            # is a quote of it, not a headline (a title sums up; it does not copy a sentence);
            # so is a sentence, or words between quotation marks, that a wider paragraph holds
            # word for word or as an editor's version (a quote in a large or bold face)
            q = nows(b.text)
            found = quote_source(i, q, narrowness(page, b), texts, narrow, rule, content,
                                 exact=not said(b.text, marks=geo is not None), framed=set_apart(b)) \
                if len(q) >= rule.params["min_length"] else None
            if found is not None:
                o = found[0]
                sources[b.first] = blocks[o].first
                out[i] = _label(page, b, "pullquote", rule,
                                f"repeats block at line {page.line_no(blocks[o].first)} (100% match)", changes)
            continue
        if b.kind != "paragraph" or len(t) < rule.params["min_length"] or len(t) < n or b.first in openers \
                or b.first in kept:
            continue  # (a paragraph that opens with a dateline opens an article: no quote; nor is the
            # text a quote was cut out of, set wider than it)
        hits: dict[int, int] = {}
        counted = Counter(map(get, keys[i]))
        usable = len(keys[i]) - counted.get(BOILERPLATE, 0)  # boilerplate many blocks share says nothing
        for ids, times in counted.items():
            if ids is None or ids == i:
                continue
            if type(ids) is int:
                hits[ids] = hits.get(ids, 0) + times
            else:
                for o in ids:
                    if o != i:
                        hits[o] = hits.get(o, 0) + times
        if usable:  # a copy holds all of the keys, a near copy most: a third of them at least
            need = max(min(2, usable), usable / 3)
            if len(t) <= QUOTE_MAX:  # an edited quote's clauses meet in new places: one will do
                need = 1
        elif not keys[i]:  # no key to look up: every paragraph is a candidate
            hits, need = dict.fromkeys((o for o in keyless() or () if o != i), 0), 0
        else:
            continue  # only boilerplate keys, which say nothing
        best = None
        for o, cnt in sorted(hits.items(), key=lambda x: -x[1]):
            if cnt < need:
                break
            other = texts[o]
            if t == other:
                # identical blocks: the narrower one is the quote; on a tie, the earlier one
                mine, theirs = (narrow[i], -b.width, -i), (narrow[o], -blocks[o].width, -o)
                if mine <= theirs or mine[:2] == theirs[:2] and not b.lines[1:] and not blocks[o].lines[1:] \
                        and not set_apart(b) and _among_text(page, blocks, i):
                    continue  # (set alike, a copy that stands among its article's text is no quote: _among_text)
                best = (o, 100.0)
                break
            if narrow[o] > rule.params["source_narrower"] * narrow[i]:
                continue  # a quote is never set wider than the text it repeats
            as_long = len(other) <= len(t)
            if as_long and (len(other) < len(_NOT_WORD.sub("", t)) or len(t) > QUOTE_MAX or page.layout.ocr):
                continue
            # (as long: only an editor's quote as long as its source, clauses swapped, a mark changed,
            # 记者：面对…热潮，博物馆…地方？ / 博物馆…地方，记者：面对…热潮。; its marks are no words of its
            # source; not in OCR output, where misread and dropped characters change a text's length)
            if not as_long:
                if t in other:
                    best = (o, 100.0)
                    break
                if len(t) > FUZZY_MAX:
                    continue  # a near copy of a long text is no pull quote; exact copies were caught above
                if narrow[o] > rule.params["quote_narrower"] * narrow[i] and not page.layout.ocr:
                    continue  # (set clearly narrower than this text, the other is the quote of it: an
                    # editor's version set in a narrow column, this its source a caption's tail ran onto;
                    # in OCR output a line's width is too noisy to tell)
                score = near_copy(t, _window(t, other, n), cutoff)  # 0 below the cutoff
                if score >= rule.params["min_similarity"] * 100 and own_measure(b, blocks[o]):
                    best = (o, score)
                    break
            if columns is None:  # (the blocks' measures, made for the first edited quote weighed)
                columns = [column(page, x) for x in blocks]
            if set_narrower(i, o, narrow, columns, rule.params["quote_narrower"]) or (
                    o > i + 1 < len(blocks) and blocks[i + 1].first in openers
                    and columns[i] + rule.params["cut_narrower"] <= columns[o]):
                # (or, standing right before the paragraph that opens the article it quotes, set in a
                # measure of its own, cut_narrower ems narrower than its source's: a quote of 14 ems
                # before a 16-em article, 1.14 times narrower)
                # an edited quote (words dropped, clauses swapped, numbers kept), set narrower
                # than the text it comes from, as quotes are (in lines per em, or in its measure)
                share = shared_content(t, other, content)
                if share >= rule.params["min_shared"]:
                    best = (o, share * 100)
                    break
        if best is None and len(t) <= QUOTE_MAX and (narrow[i] > rule.params["stack_narrower"] * typical
                                                     or set_apart(b)):
            # (a short text set clearly narrower than the page's paragraphs, or in a frame on a
            # PDF page: a quote, maybe edited)
            if frames is None:  # (the blocks set in a frame, asked once)
                frames = frozenset(k for k, x in enumerate(blocks) if framed(x)) if geo is not None else frozenset()
            if cut_out and cut is None:  # (the quotes cut out of a paragraph, asked once)
                cut = frozenset(k for k, x in enumerate(blocks) if x.first in cut_out)
            if columns is None:
                columns = [column(page, x) for x in blocks]
            best = quote_source(i, t, narrow[i], texts, narrow, rule, content, framed=set_apart(b), frames=frames,
                                cut=cut or frozenset(), columns=columns) \
                or source_cut_apart(i, t, narrow[i], texts, narrow, rule)
        if best is None and b.first in cut_out:
            # (a quote cut out of the paragraph it was read with: its lines set narrower than that
            # text's, though maybe not than the page's column; weighed again among the blocks as
            # they are now, its source no quote and no other piece cut out: of two copies cut out,
            # the one a quote already repeats is text, and the other quote is no source)
            if source_texts is None:
                source_texts = [x if blocks[k].first not in cut_out and out[k].kind != "pullquote" else ""
                                for k, x in enumerate(texts)]
            found = quote_source(i, t, narrow[i], source_texts, narrow, rule, content,
                                 framed=b.first in framed_out) if i not in source_of.values() else None
            best = found
        if best is None and framed(b) and len(t) <= QUOTE_MAX and 0 < i < len(blocks) - 1 \
                and texts[i - 1] and texts[i + 1]:
            # a frame set inside a column cuts the paragraph it stands in: its sentence may be
            # that paragraph's, read as two halves around the frame
            around = texts[i - 1] + texts[i + 1]
            share = 1.0 if t in around else shared_content(t, around, content) if len(around) > len(t) else 0.0
            if share >= rule.params["min_shared"]:
                best = (i - 1, share * 100)
        if best is not None and framed(blocks[best[0]]) and (out[best[0]].kind == "pullquote" or not framed(b)):
            # the text a framed quote repeats is body text, not a quote of the frame (the
            # paragraph the frame cut, its first half shorter than the quote, is no quote of it)
            best = None
        if best is not None:
            o, score = best
            sources[b.first] = blocks[o].first
            source_of[i] = o
            if source_texts is not None:
                source_texts[i] = ""
            out[i] = _label(page, b, "pullquote", rule,
                            f"repeats block at line {page.line_no(blocks[o].first)} ({score:.0f}% match)", changes)
            if score < 100:
                out[i] = replace(out[i], confidence=score / 100)
    if not source_of or page.layout.geometry is not None:  # (on a PDF page the quote's type holds its lines)
        return out
    out = quote_heads_back(page, out, source_of, texts, rule, changes, sources, openers)
    return mend_quote_pieces(page, out, rule, changes, sources, openers)
