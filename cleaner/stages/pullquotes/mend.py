"""Quotes mended once labelled: a quote's first line read with the text before it
goes back to the quote, and quotes that rejoin cut in the wrong places are cut again where
their sentences end.
"""

from __future__ import annotations

from ...chars import ends_sentence, nows
from ...model import Block, Change, Page, replace
from ...rules import Rule
from .._common import rebuild
from ..block_kinds import STAGE
from ..copies import _NOT_WORD, _anchored, _key_index, _keys, _owners, clause_content, shared_content
from .measure import QUOTE_MAX, _closes, _joiner
from .source import _read_on


def quote_heads_back(page: Page, blocks: list[Block], source_of: dict[int, int], texts: list[str], rule: Rule,
                     changes: list, sources: dict, openers: set[int] = frozenset()) -> list[Block]:
    """A quote's first line left with the text before it goes back to the quote.

    Rejoin may read a quote's first line as the end of the paragraph before it (a quote set
    inside a column, between two lines of text: 银行提供的低息长期贷款 / 全市已落地碳排 | 放权质押
    贷款 / 23笔…), or as a block of its own (随着书写方式的变化， over the rest of an edited
    quote). The last line of the block before a quote goes to the quote where it closes no
    sentence, holds ``ngram`` characters or more, stands word for word in the sentence's source
    paragraph (``source_of``: quote block -> source block) and not in the quote, and is set in
    the quote's measure (no wider than the quote's widest line by ``cut_narrower`` ems) and, in
    a block of several lines, narrower than the block's other lines by as much."""
    p = rule.params
    lines = page.lines
    out = list(blocks)
    for i in sorted(source_of):
        q, prev = out[i], out[i - 1] if i else None
        if prev is None or prev.kind != "paragraph" or prev.first in openers or q.kind != "pullquote":
            continue
        last = lines[prev.last]
        t = nows(last.text)
        if len(t) < p["ngram"] or ends_sentence(t) or t not in texts[source_of[i]] or t in nows(q.text):
            continue
        if last.width > max(lines[k].width for k in q.lines) + p["cut_narrower"]:
            continue  # (set wider than the quote: the text's own line)
        if len(prev.lines) > 1 and last.width + p["cut_narrower"] > max(lines[k].width for k in prev.lines[:-1]):
            continue  # (set in the text's measure)
        joiner = " " if last.text[-1:].isascii() and last.text[-1:].isalnum() and lines[q.first].text[:1].isascii() \
            and lines[q.first].text[:1].isalnum() else ""
        quote = rebuild(page, replace(q, lines=(prev.last,) + q.lines, joiners=(joiner,) + q.joiners))
        s, e = page.block_span(prev)
        changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                              f"the first line of the pull quote at line {page.line_no(q.first)} was read with the "
                              f"text before it: it stands in the quote's source at line "
                              f"{page.line_no(out[source_of[i]].first)}", rule.safety))
        sources[quote.first] = sources.pop(q.first)
        if len(prev.lines) > 1:
            out[i - 1] = rebuild(page, replace(prev, lines=prev.lines[:-1], joiners=prev.joiners[:-1]))
            out[i] = quote
        else:
            out[i - 1] = quote
            out[i] = None
    return [b for b in out if b is not None]


def mend_quote_pieces(page: Page, blocks: list[Block], rule: Rule, changes: list, sources: dict,
                      openers: set[int] = frozenset()) -> list[Block]:
    """Quotes that rejoin cut in the wrong places, found once the quotes are labelled, are cut
    again where their sentences end.

    A quote set as wide as the text gets no help from the column measure: rejoin may end it
    inside a sentence and run the sentence's tail onto the next quote (营地负责人巴特尔说，营地每晚最多
    接待房车 | 120辆，实行网上预约。全省规模以上…), leave the tail as a paragraph of its own (…尽量减少对居 |
    民出行的影响。), or read two quotes stacked one under the other as one block (同期，…水平。近年来，…舞台。).
    Each piece was labelled a quote because a paragraph holds it; the pieces are put right when:

    * a quote that closes no sentence (or ends on an ellipsis) and the block on the line under it
      (a quote, or a paragraph no longer than a quote with it, ``QUOTE_MAX``) together are held
      word for word by a paragraph of the page (read on across a break, :func:`_read_on`): one quote;
      so are two such quotes that the very paragraph one of them was found to repeat holds together
      as an editor's version (:func:`shared_content` of ``min_shared``: an edited quote, a clause
      moved, that rejoin cut after that clause);
    * otherwise such a quote and the quote under it, read as one text cut at the lines that close a
      sentence, are pieces each held word for word by a paragraph: those quotes;
    * a quote of two sentences or more that no paragraph holds word for word, cut at the lines that
      close a sentence, is pieces each of which a different paragraph holds (word for word, or as an
      editor's version: :func:`shared_content` of ``min_shared``), one at least word for word: those
      quotes (an editor's quote of two sentences quotes one paragraph).

    The paragraphs are indexed once (as :func:`find_pullquotes` does) and only when a quote is
    there to mend: linear in the page. Each mend is a recorded split or join of rule L007."""
    p = rule.params
    lines = page.lines
    n = len(blocks)

    def adjacent(i: int) -> bool:
        return i + 1 < n and blocks[i + 1].first == blocks[i].last + 1 and blocks[i + 1].first not in openers

    todo = [i for i, b in enumerate(blocks) if b.kind == "pullquote"]
    if not todo:
        return blocks
    texts = [nows(b.text) if b.kind == "paragraph" else "" for b in blocks]
    keys_of = _anchored(p["ngram"])
    index: dict = {}  # (built by the first quote asked about: most pages have none to mend)
    content: dict = {}

    def holder(t: str, skip, edited: bool = False):
        """The paragraph (not one of ``skip``) that holds ``t`` word for word (read on across a
        break), or, with ``edited``, as an editor's version; None if none does."""
        if len(t) < p["min_length"]:
            return None
        if not index:
            index.update(_key_index(_keys(texts, p["ngram"]), blocks))
        owners = sorted(_owners(index, keys_of(t), lambda: None, near=True) or ())
        for o in owners:
            if o not in skip and any(t in x for x in _read_on(o, texts, skip, past=True)):
                return o
        if edited:
            mine = len(_NOT_WORD.sub("", t))
            for o in owners:
                if o not in skip and len(texts[o]) >= mine and shared_content(t, texts[o], content) >= p["min_shared"]:
                    return o
        return None

    def pieces_of(ls: tuple) -> list[tuple]:
        ends = [m for m, k in enumerate(ls) if ends_sentence(lines[k].text)]
        return list(zip([0] + [e + 1 for e in ends[:-1]], [e + 1 for e in ends])) if ends and ends[-1] == len(ls) - 1 else []

    def build(ls: tuple, like: Block) -> Block:
        joiners = tuple(_joiner(lines[x].text, lines[y].text) for x, y in zip(ls, ls[1:]))
        return rebuild(page, replace(like, kind="pullquote", lines=ls, joiners=joiners))

    def record(action: str, span_from: Block, span_to: Block, why: str) -> None:
        s, e = page.block_span(span_from)[0], page.block_span(span_to)[1]
        changes.append(Change(rule.id, STAGE, action, (s, e), "", "", why, rule.safety))

    at_line = {x.first: k for k, x in enumerate(blocks)}

    def quotes(t: str, o: int) -> bool:
        """Paragraph ``o`` (read on across a break) holds ``t`` word for word or as an editor's version."""
        return any(t in x or shared_content(t, x, content) >= p["min_shared"] for x in _read_on(o, texts))

    def none_of(t: str, o: int, skip) -> bool:
        """``t`` is none of paragraph ``o``'s words (:func:`clause_content` short of ``min_shared``)
        and no paragraph of the page holds it, word for word or edited."""
        reach = p["quote_reach"]
        return all(t not in x and clause_content(t, x, content) < p["min_shared"] for x in _read_on(o, texts)) \
            and holder(t, skip, edited=True) is None \
            and not any(t in texts[x] for x in range(max(0, o - reach), min(n, o + reach + 1)) if x not in skip)
        # (the last: a piece too short for a key of the index, word for word in a paragraph near)

    def trim(i: int, b: Block) -> list[Block] | None:
        """The quote ``b`` without the lines rejoin ran onto it from what stands under it (a
        headline, 共有…A标。 / 全国游泳冠军赛落幕, a caption, a line of text): the quote's lines, up to
        one that closes its sentence, are held by the paragraph it was found to repeat, the lines
        after are none of that paragraph's words and no paragraph holds them. Those go back to the
        text as a headline line (one line closing no sentence) or a paragraph; None if none. (Lines
        over a quote are left: its own first line may be no words of a source the layout cut.)"""
        o = at_line.get(sources.get(b.first, -1))
        if o is None or not texts[o]:
            return None
        ls = b.lines
        held = None  # (whether a paragraph holds the whole quote: asked once, at the first cut that
        # would do, since it builds the page's key index)
        for m in range(1, len(ls)):
            if not ends_sentence(lines[ls[m - 1]].text):
                continue
            head = "".join(nows(lines[k].text) for k in ls[:m])
            if not quotes(head, o):
                continue
            if held is None:
                held = holder(nows(b.text), (i,)) is not None
            if held:
                return None
            tail = "".join(nows(lines[k].text) for k in ls[m:])
            if not none_of(tail, o, (i,)):
                continue
            keep, rest = ls[:m], ls[m:]
            quote = build(keep, b)
            kind = "heading" if len(rest) == 1 and not ends_sentence(lines[rest[0]].text) else "paragraph"
            other = rebuild(page, replace(b, kind=kind, lines=rest, confidence=1.0,
                                          joiners=tuple(_joiner(lines[x].text, lines[y].text) for x, y in zip(rest, rest[1:]))))
            sources.pop(b.first, None)
            sources[quote.first] = blocks[o].first
            record("split", b, b, f"the quote at line {page.line_no(b.first)} holds line(s) its source at line "
                                  f"{page.line_no(blocks[o].first)} does not, none of its words: they go back to the text")
            return [quote, other]
        return None

    out: list[Block] = []
    mended = False
    i = 0
    while i < n:
        b = blocks[i]
        if b.kind != "pullquote":
            out.append(b)
            i += 1
            continue
        t = nows(b.text)
        if adjacent(i) and not _closes(t) and blocks[i + 1].kind in ("pullquote", "paragraph"):
            c = blocks[i + 1]
            both = t + nows(c.text)
            if c.kind == "pullquote" or len(both) <= QUOTE_MAX:
                o = holder(both, (i, i + 1))
                if o is None and c.kind == "pullquote":
                    # (an editor's quote, clauses swapped, that rejoin cut after a clause: 瑞金市累计接待
                    # 游客1560万人次，今年以来， | 其中研学团队超过8000批次。: both pieces quote one
                    # paragraph, which holds the two together as an editor's version)
                    o = holder(both, (i, i + 1), edited=True)
                    if o is not None and blocks[o].first not in (sources.get(b.first), sources.get(c.first)):
                        o = None
                if o is not None:
                    quote = build(b.lines + c.lines, b)
                    sources.pop(c.first, None)
                    sources[quote.first] = blocks[o].first
                    record("join", b, c, f"the quote at line {page.line_no(b.first)} closes no sentence and goes on "
                                         f"in the block under it: together they repeat the text at line "
                                         f"{page.line_no(blocks[o].first)}")
                    out.append(quote)
                    mended = True
                    i += 2
                    continue
            if c.kind == "pullquote":
                ls = b.lines + c.lines
                cut = pieces_of(ls)
                texts_of = ["".join(nows(lines[k].text) for k in ls[a:z]) for a, z in cut]
                found = [holder(x, (i, i + 1)) for x in texts_of]
                if len(cut) > 1 and all(o is not None for o in found) and cut[0][1] != len(b.lines):
                    new = [build(ls[a:z], b) for a, z in cut]
                    sources.pop(b.first, None)
                    sources.pop(c.first, None)
                    for q, o in zip(new, found):
                        sources[q.first] = blocks[o].first
                    record("split", b, c, f"the quotes at lines {page.line_no(b.first)} and {page.line_no(c.first)} "
                                          f"were cut inside a sentence: cut again where their sentences end into "
                                          f"{len(new)} quotes, each repeating a paragraph")
                    out += new
                    mended = True
                    i += 2
                    continue
        cut = pieces_of(b.lines) if len(b.lines) > 1 else []
        if len(cut) > 1 and holder(t, (i,)) is None:
            texts_of = ["".join(nows(lines[k].text) for k in b.lines[a:z]) for a, z in cut]
            exact = [holder(x, (i,)) for x in texts_of]
            found = [e if e is not None else holder(x, (i,), edited=True) for e, x in zip(exact, texts_of)]
            if any(e is not None for e in exact) and all(o is not None for o in found) \
                    and len(set(found)) == len(found):  # (one editor's quote of two sentences quotes one paragraph)
                new = [build(b.lines[a:z], b) for a, z in cut]
                sources.pop(b.first, None)
                for q, o in zip(new, found):
                    sources[q.first] = blocks[o].first
                record("split", b, b, f"the quote at line {page.line_no(b.first)} is {len(new)} quotes stacked: "
                                      f"cut where their sentences end, each repeating a paragraph")
                out += new
                mended = True
                i += 1
                continue
        trimmed = trim(i, b) if len(b.lines) > 1 else None
        if trimmed is not None:
            out += trimmed
            mended = True
            i += 1
            continue
        out.append(b)
        i += 1
    return out if mended else blocks
