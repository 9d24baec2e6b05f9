"""Quotes broken in pieces: a quote whose lines were read as two blocks (split by a
frame, a headline, a break) is joined again.
"""

from __future__ import annotations

import re

from ...chars import HAN, nows
from ...model import Block, Change, Page, replace
from ...rules import Rule
from .._common import rebuild
from ..block_kinds import STAGE, _label, _one_type, bold_lines
from ..copies import _anchored, _owners
from ..rejoin import word_cut
from .apart import _apart_as_framed, _set_apart, _set_further, _under_larger_headline
from .measure import QUOTE_MAX, narrowness, quoted_whole, said, typical_narrowness
from .source import _edited_from, quote_source


#: a clause mark, which a headline holds none of; a Han character
_CLAUSE = re.compile("[，、；：,;:]")
_HAN = re.compile(f"[{HAN}]")


def _adjacent_run(blocks: list[Block], k: int, size_of, stop) -> list[Block]:
    """Block ``k`` and the headings and paragraphs on the lines right after it, no more than a
    quote's length together (``QUOTE_MAX``, each block's length ``size_of(index)``), up to the
    first block ``nxt`` for which ``stop(the block before it, nxt)`` holds: the pieces a quote
    broken by rejoin may have become (both joiners below grow their runs so)."""
    run = [blocks[k]]
    size = size_of(k)
    while k + len(run) < len(blocks):
        nxt = blocks[k + len(run)]
        size += size_of(k + len(run))
        if nxt.kind not in ("heading", "paragraph") or nxt.first != run[-1].last + 1 or size > QUOTE_MAX \
                or stop(run[-1], nxt):
            break
        run.append(nxt)
    return run


def join_split_quotes(page: Page, blocks: list[Block], rule: Rule, changes: list, texts: list[str],
                      narrow: list[float], sources: dict, content: dict) -> list[Block]:
    """A pull quote set apart in a large or bold face that the rejoin stage broke into a
    headline and what follows it, or a text and a headline (its lines ragged, each short of
    the measure: 最重要的收获是…学会合作，青 / 少年参加体育运动。) is one pull quote again.

    On a PDF page, a heading or paragraph and the blocks right after it, a heading among them,
    all in its type and set apart (:func:`_set_apart`), no more than a quote's length together
    (``QUOTE_MAX``), are joined when together they read as quoted words
    (:func:`said`) that a paragraph near them holds, word for word or edited
    (:func:`quote_source`): a headline over a subtitle or a text is never that. ``texts`` and
    ``narrow`` describe ``blocks``; ``blocks`` itself comes back when nothing was joined.
    """
    if page.layout.geometry is None:
        return blocks  # (on a text page nothing says the pieces are in one type: a headline over a text)
    geo = page.geometry()
    out: list[Block] = []
    joined_any = False
    k = 0
    while k < len(blocks):
        b = blocks[k]
        run = [b]
        if b.kind in ("heading", "paragraph") and _set_apart(page, geo, b) \
                and _under_larger_headline(page, geo, blocks, k, rule.params["quote_reach"]):
            run = _adjacent_run(blocks, k, lambda j: len(nows(blocks[j].text)), lambda prev, nxt: not (
                _one_type(page, geo, b, nxt) and _set_apart(page, geo, nxt)) or _set_further(page, geo, prev, nxt))
        found = None
        while len(run) > 1 and any(x.kind == "heading" for x in run):  # (two paragraphs may be two quotes)
            whole = "".join(x.text for x in run)
            t = nows(whole)
            if len(t) >= rule.params["min_length"] and said(whole):
                lines = tuple(x for blk in run for x in blk.lines)
                joiners = tuple(j for blk in run for j in ("",) + blk.joiners)[1:]
                merged = rebuild(page, replace(b, kind="paragraph", lines=lines, joiners=joiners))
                got = quote_source(k, t, narrowness(page, merged), texts, narrow, rule, content,
                                   framed=_apart_as_framed(page, geo, merged))
                if got is not None and not k <= got[0] < k + len(run):
                    found = (merged, got)
                    break
            run.pop()
        if found is None:
            out.append(b)
            k += 1
            continue
        merged, (o, score) = found
        sources[merged.first] = blocks[o].first
        s, e = page.block_span(merged)
        changes.append(Change(rule.id, STAGE, "join", (s, e), "\n", "",
                              f"'{run[0].text}' and the {len(run) - 1} block(s) after it in its type read as one "
                              "quote of a paragraph: one pull quote, not a headline over a text", rule.safety))
        quote = _label(page, merged, "pullquote", rule, f"{len(run)} pieces a break cut apart; repeats block at line "
                       f"{page.line_no(blocks[o].first)} ({score:.0f}% match)", changes)
        out.append(replace(quote, confidence=score / 100) if score < 100 else quote)
        joined_any = True
        k += len(run)
    return out if joined_any else blocks


def join_broken_quotes(page: Page, blocks: list[Block], rule: Rule, changes: list,
                       texts: list[str], index: dict, keyless, narrow: list[float] | None = None,
                       content: dict | None = None, openers: set[int] = frozenset()) -> list[Block]:
    """A pull quote the rejoin stage broke into a headline and what follows it (a short line
    without punctuation reads like a headline over the rest, a line ending on a comma like a
    paragraph of its own) is one block again.

    On a text page, a heading and the blocks on the lines next to it (headings or paragraphs,
    the last a paragraph, no more than a quote's length together, ``QUOTE_MAX``) are put back
    together when together they are an exact copy of a longer paragraph's text elsewhere: a
    headline is never that. Given ``narrow`` (each block's narrowness), so are pieces that
    together close a sentence an editor's version of which a paragraph near them holds, set
    narrower than it (``quote_narrower``), each piece's own words too (:func:`_edited_from`);
    they need not be set narrower than the page's other paragraphs (another article may be set
    in as narrow a column: 首先要扩大岗位供 / 给，拓宽就业舞台。 of 拓宽就业舞台，首先要扩大岗位供给。;
    a headline line over one block whose words share no key with any paragraph, a word dropped
    and clauses moved, is weighed against the paragraphs within ``quote_reach`` instead),
    except in OCR output, where clearly narrower (``stack_narrower``): a line's width is noisy there. On a PDF page, only a heading line and the paragraph on the next
    line that together copy a paragraph word for word (the type tells a quote's other pieces
    apart: :func:`join_split_quotes`). ``texts``, ``index`` and ``keyless`` describe ``blocks``
    (see :func:`find_pullquotes`); ``blocks`` itself comes back when nothing was joined.
    """
    keys_of = _anchored(rule.params["ngram"])
    typical = typical_narrowness(blocks, narrow) if narrow is not None else 0.0

    def headline_over(run: list[Block]) -> bool:
        """Headings over one paragraph that is a sentence of its own, the two reading on as no
        word across (典型案例 / 安川市纪委监委对…通报。, no 存在一 / 些问题): a headline over its
        article's quote, not a quote broken in two."""
        last = run[-1]
        if len(run) < 2 or run[-2].kind != "heading" or any(x.kind != "heading" for x in run[:-1]):
            return False
        t = nows(last.text)
        if len(t) < rule.params["min_length"] or not said(t, marks=False):
            return False
        head = "".join(nows(x.text) for x in run[:-1])
        if _CLAUSE.search(head) or not (_HAN.match(head[-1:]) and _HAN.match(t[:1])):
            return False  # (a clause mark: a headline has none; a number or a Latin word across: the
            # lexicon cannot tell a break between words from one inside a phrase, 运输 / 41.7万辆)
        return not word_cut(page.lines[run[-2].last].text, page.lines[last.first].text, rule.params["cut_word_gain"])

    content = {} if content is None else content
    text_page = page.layout.geometry is None
    bold = bold_lines(page)
    out: list[Block] = []
    joined_any = False
    k = 0
    while k < len(blocks):
        b = blocks[k]
        run = [b]
        if not text_page:  # (on a PDF page, the type tells a quote's pieces apart: join_split_quotes)
            if b.kind == "heading" and len(b.lines) == 1 and k + 1 < len(blocks) and blocks[k + 1].kind == "paragraph" \
                    and blocks[k + 1].first == b.last + 1:
                run.append(blocks[k + 1])
        elif (b.kind == "heading" or b.kind == "paragraph" and k + 1 < len(blocks)
              and blocks[k + 1].kind == "heading") and b.first not in openers:
            # (a run holds a heading: it starts with one or with the block before one)
            # (a heading of words quoted whole ends the run: a headline quoting a speaker over the
            # text, “给每一件古陶瓷找到回家的路” / 我常跟学生说，…, reads on into no quote under it; so
            # does one drawn twice, a headline in bold display type over its article's quote)
            run = _adjacent_run(blocks, k, lambda j: len(texts[j] or nows(blocks[j].text)),
                                lambda prev, nxt: nxt.first in openers or prev.kind == "heading" and (
                                    quoted_whole(prev.text) or any(x in bold for x in prev.lines)))
        found = None
        while len(run) > 1:
            if run[-1].kind == "paragraph" and any(x.kind == "heading" for x in run):
                # (two paragraphs may be two quotes; two headings, a headline of two lines that
                # copies words of its text)
                pieces = [nows(x.text) for x in run]
                t = "".join(pieces)
                owners = _owners(index, keys_of(t), keyless) if len(t) >= rule.params["min_length"] else None
                if owners is not None:  # (None: too short, or no key and past the page's budget
                    # for such texts, MAX_KEYLESS: compared with nothing)
                    if any(not k <= o < k + len(run) and len(texts[o]) > len(t) and t in texts[o] for o in owners):
                        found = "repeat a longer paragraph"
                        break
                    if text_page and narrow is not None and said(t, marks=False):
                        lines = [x for blk in run for x in blk.lines]
                        q_narrow = len(lines) / max(1.0, sum(page.lines[x].width for x in lines))  # (narrowness)
                        near = _owners(index, keys_of(t), keyless, near=True)
                        if not near and len(run) == 2 and run[0].kind == "heading" and len(run[0].lines) == 1:
                            # (a headline line over the rest of an editor's quote: its clauses meet in new
                            # places and it dropped a word, so no key of it need be its source's: 积分制在推行中存在一 /
                            # 些问题，要看到。 of 也要看到，积分制在推行中还存在一些问题。; the paragraphs within
                            # quote_reach are weighed instead, as find_pullquotes weighs a short quote's)
                            reach = rule.params["quote_reach"]
                            near = range(max(0, k - reach), min(len(blocks), k + len(run) + reach))
                        if not headline_over(run) and (
                                not page.layout.ocr or q_narrow > rule.params["stack_narrower"] * typical) and _edited_from(
                                k, len(run), t, pieces, q_narrow, near, texts, narrow, rule, content):
                            found = "are an editor's version of a paragraph's sentence"
                            break
            run.pop()
        if found is None:
            out.append(b)
            k += 1
            continue
        lines = tuple(x for blk in run for x in blk.lines)
        joiners = tuple(j for blk in run for j in ("",) + blk.joiners)[1:]
        merged = rebuild(page, replace(b, kind="paragraph", lines=lines, joiners=joiners))
        s, e = page.block_span(merged)
        changes.append(Change(rule.id, STAGE, "join", (s, e), "\n", "",
                              f"'{b.text}' and the {len(run) - 1} block(s) after it {found}: "
                              "one pull quote, not a headline over a paragraph", rule.safety))
        out.append(merged)
        joined_any = True
        k += len(run)
    return out if joined_any else blocks
