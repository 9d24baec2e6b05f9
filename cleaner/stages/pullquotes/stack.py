"""Quotes read as one block with what stands over or under them: quotes stacked
with each other or with headline lines, or a quote that leads off a block of text, are split
off as quotes of their own.
"""

from __future__ import annotations

import itertools

from ...chars import ends_sentence, nows
from ...model import Block, Change, Page, replace
from ...rules import Rule
from .._common import rebuild
from ..block_kinds import STAGE, _join_caption, _label, _matches, is_heading
from ..copies import FUZZY_MAX, _anchored, _owners, _window, clause_content, near_copy, shared_content
from .apart import _one_frame
from .measure import MAX_HEAD_LINES, QUOTE_MAX, _SENTENCE_END, _joiner, said, typical_narrowness
from .source import _edited_from, _read_on, quote_source


def split_stacked_quotes(page: Page, blocks: list[Block], rule: Rule, changes: list,
                         texts: list[str], narrow: list[float], keys: list[list[str]], index: dict,
                         keyless, openers: set[int] = frozenset()) -> list[Block]:
    """Pull quotes stacked in one narrow column can run together in rejoin; cut them apart.

    A block is cut at the line ends that close a sentence when a piece repeats text of a
    block set in a clearly wider column (a pull quote is narrower than what it quotes).
    Headline lines set in the same narrow column (title, subtitle, a photo credit: up to
    ``MAX_HEAD_LINES``) run into the quote below them; they are cut off line by line where
    the quote becomes an exact copy, and a credit among them ends the caption above it.
    ``texts``, ``narrow``, ``keys``, ``index`` and ``keyless`` describe ``blocks`` (see
    :func:`find_pullquotes`); ``blocks`` itself comes back when nothing was cut.
    """
    n = rule.params["ngram"]
    find_keys = _anchored(n)
    known = dict(zip(texts, keys))  # a piece is tried more than once, a whole block is known

    def keys_of(t: str) -> list[str]:
        got = known.get(t)
        if got is None:
            got = known[t] = find_keys(t)
        return got

    cutoff = rule.params["min_similarity"] * 100
    typical = typical_narrowness(blocks, narrow)
    geo = page.geometry() if page.layout.geometry is not None else None
    content: dict = {}
    out: list[Block] = []
    cut_any = False
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or len(b.lines) < 2 or narrow[i] <= rule.params["stack_narrower"] * typical \
                or b.first in openers or _one_frame(geo, b):  # (a dateline opens an article's text, never a quote)
            out.append(b)  # only blocks set clearly narrower than the body can be stacked quotes
            continue  # (a frame on a PDF page holds one quote)
        def repeats(t: str, fuzzy: bool = False) -> bool:
            if len(t) < rule.params["min_length"]:
                return False
            for o in _owners(index, keys_of(t), keyless, fuzzy) or ():
                if o == i or narrow[i] <= rule.params["quote_narrower"] * narrow[o]:
                    continue
                if t in texts[o] or (fuzzy and len(t) <= min(len(texts[o]), FUZZY_MAX) and near_copy(
                        t, _window(t, texts[o], n), cutoff)):
                    return True
            if fuzzy:
                return False
            # a copy of a sentence rejoin broke in two (its keys across the break are in no block)
            for o in _owners(index, keys_of(t), keyless, near=True) or ():
                if o != i and narrow[i] > rule.params["quote_narrower"] * narrow[o] \
                        and any(t in x for x in itertools.islice(_read_on(o, texts, (i,)), 1, None)):
                    return True
            return False

        def read_back(rest: str, t: str) -> bool:
            # a paragraph holding ``rest`` word for word, read back across a break before it
            # (a headline block cut it), holds ``t`` (its keys across the break are in no block)
            return any(t in x for o in _owners(index, keys_of(rest), keyless) or () if o != i and rest in texts[o]
                       for x in itertools.islice(_read_on(o, texts, (i,)), 1, None))

        def words_of_source(rest: str, head_lines: list[str], whole: str) -> bool:
            # the paragraphs (set wider) that hold ``rest`` word for word: is the whole sentence an
            # editor's version of one, each line above ``rest`` its words too (a headline over
            # a quote is no words of the sentence it quotes)
            least = rule.params["min_shared"]
            for o in _owners(index, keys_of(rest), keyless) or ():
                src = texts[o]
                if o == i or narrow[i] <= rule.params["quote_narrower"] * narrow[o] or rest not in src:
                    continue
                if shared_content(whole, src, content) >= least and all(
                        len(x) < 2 or x in src or clause_content(x, src, content) >= least for x in head_lines):
                    return True
            return False

        def _edited_piece(t: str) -> bool:
            return rule.params["min_length"] <= len(t) <= QUOTE_MAX and quote_source(
                i, t, narrow[i], texts, narrow, rule, content) is not None

        def _edited_head(first_end: int) -> int:
            # no exact copy under the first lines: the first run of lines that is an editor's
            # version of a paragraph set wider has headline lines over it where none of them
            # holds a sentence's end or is words of a paragraph within reach (clause_content: a quote's
            # own line is its source's words, wherever rejoin put them; a title over an edited
            # quote is not, 年轻选手表现抢眼 / 项目首席科学家…脉冲星中。)
            least = rule.params["min_shared"]
            for m in range(1, min(first_end, MAX_HEAD_LINES) + 1):
                rest = piece_text(m, first_end + 1)
                if len(rest) < rule.params["min_length"]:
                    return 0
                found = quote_source(i, rest, narrow[i], texts, narrow, rule, content)
                if found is None:
                    continue
                reach = rule.params["quote_reach"]
                near = [texts[o] for o in range(max(0, i - reach), min(len(texts), i + reach + 1)) if o != i and texts[o]]
                lines_above = [piece_text(j, j + 1) for j in range(m)]
                if any(_SENTENCE_END.search(x) for x in lines_above):
                    return 0

                def words_of(x: str, among) -> bool:
                    return any(x in t or clause_content(x, t, content, numbers=False) >= least for t in among)

                if all(not words_of(x, near) for x in lines_above):
                    return m  # (words of no paragraph near it: a headline's own)
                # (words of a paragraph near it, no clause of a sentence (，；: prose, 教育方面，新增学位),
                # and not of the quote's source read on, that run on
                # into the quote across no seam a paragraph near it holds: a subtitle of the article
                # above, 累计交易金额超过300亿元 over 发病48小时内…使用。, that repeats its lead's words; a
                # quote's own line runs on into the next, 抵港直 / 装”“船边…, whatever
                # paragraph rejoin put its source's first half in)
                half = rule.params["ngram"] // 2
                seam = lines_above[-1][-1:] + rest[:half]  # (the source may break right before the seam)
                source = list(_read_on(found[0], texts, (i,)))
                if not any("，" in x or "；" in x for x in lines_above) \
                        and not any(words_of(x, source) for x in lines_above) and not any(
                        seam in t or t.endswith(tuple(seam[:k] for k in range(2, len(seam)))) for t in near) \
                        and quote_source(i, piece_text(0, first_end + 1), narrow[i], texts, narrow, rule, content) is None:
                    return m  # (a text that breaks off inside the seam holds it too: …表示，下半 / 年要…; and
                    # the block as a whole is no editor's version of a paragraph, the lines its own)
                return 0
            return 0

        plain_lines: list[str] = []  # (the block's lines without blanks: made once, if a piece is asked for)

        def piece_text(lo: int, hi: int) -> str:
            if not plain_lines:
                plain_lines.extend(nows(page.lines[k].text) for k in b.lines)
            return "".join(plain_lines[lo:hi])

        sentence_ends = [m for m, k in enumerate(b.lines[:-1]) if ends_sentence(page.lines[k].text)]
        # headline lines (title, subtitle, a credit) run into a quote below them: the quote is
        # an exact copy from line m on, and not with the line above it, nor with that line's
        # last words (a quote reworded at its start: 江苏锡山经开区将以入 / 选… of …将以入选…)
        head, edited = 0, False
        if len(b.lines) > 2:
            first_end = sentence_ends[0] if sentence_ends else len(b.lines) - 1
            copy_under = False  # (whether a run of lines from some m on copies a paragraph word for word)
            for m in range(1, min(first_end, MAX_HEAD_LINES) + 1):
                rest, above = piece_text(m, first_end + 1), piece_text(m - 1, m)
                copied = repeats(rest)
                copy_under = copy_under or copied
                run_on = above[-3:] + rest  # (the line's last words run on into the copy)
                if copied and not repeats(above + rest) and not repeats(run_on) and not read_back(rest, run_on):
                    if not words_of_source(rest, [piece_text(j, j + 1) for j in range(m)], piece_text(0, first_end + 1)):
                        head = m
                    break  # (the lines above an exact copy are words of its sentence: the quote's own)
            else:
                if not copy_under and not page.layout.ocr:  # (a line whose last words run on into the copy
                    # under it is the quote's; in OCR output a short line's words are too noisy to say
                    # whether a paragraph holds them)
                    head = _edited_head(first_end)
        if head:
            cuts = list(range(head)) + [c for c in sentence_ends if c >= head]
        else:
            cuts = list(sentence_ends)
            if len(b.lines) > 2 and not ends_sentence(page.lines[b.lines[0]].text) and 0 not in cuts:
                cuts.insert(0, 0)  # perhaps a headline line run into the quote below it
        if not cuts:
            out.append(b)
            continue
        pieces, start = [], 0
        for m in cuts + [len(b.lines) - 1]:
            pieces.append((start, m + 1))
            start = m + 1
        if not head:
            exact = {(lo, hi): repeats(piece_text(lo, hi)) for lo, hi in pieces}
            may_merge = cuts[0] == 0 and len(pieces) > 1
            if may_merge:
                exact[(0, pieces[1][1])] = repeats(piece_text(0, pieces[1][1]))
            if not any(exact.values()):
                pieces = []  # (no piece repeats exactly, however the first line is read)
            elif may_merge and (exact[pieces[0]] or exact[(0, pieces[1][1])]
                                or repeats(piece_text(0, pieces[1][1]), fuzzy=True)):
                # the first line belongs to the quote after it: no headline to cut off (nor is a
                # first line that copies the text word for word one: an editor's quote that
                # swapped its clauses, 现在当天就能运到省城批发市 / 场，“以前一车水果…)
                pieces = [(0, pieces[1][1])] + pieces[2:]
            if not any(exact.get(piece) for piece in pieces):
                # no piece repeats word for word: the block is cut where its sentences end when
                # each is an editor's version of a paragraph set wider (the quotes of two
                # articles stacked at the page top, both edited)
                closing = [m for m in sentence_ends if said(page.lines[b.lines[m]].text, marks=False)]
                pieces = list(zip([0] + [c + 1 for c in closing], [c + 1 for c in closing] + [len(b.lines)]))
                if len(pieces) < 2 or not all(_edited_piece(piece_text(lo, hi)) for lo, hi in pieces):
                    out.append(b)
                    continue
                edited = True
        # (the exact test of the pieces first: the fuzzy one of the whole block is dearer)
        matched = len(pieces) > 1 and (head > 0 or edited or any(exact[piece] for piece in pieces)
                                       and not repeats(nows(b.text), fuzzy=True))
        whole = nows(b.text)
        if not matched or geo is None and len(whole) <= QUOTE_MAX and _edited_from(
                i, 1, whole, [piece_text(m, m + 1) for m in range(len(b.lines))], narrow[i],
                _owners(index, keys_of(whole), keyless, near=True), texts, narrow, rule, content):
            out.append(b)  # (an editor's quote whose lines each are words of one sentence, a part
            continue  # of which repeats word for word: one quote, no headline lines over it)
        head_rule = page.rules["L006"] if page.rules.enabled("L006") else None
        cap = page.rules["L003"] if page.rules.enabled("L003") else None
        for lo, hi in pieces:
            piece = rebuild(page, replace(b, lines=b.lines[lo:hi], joiners=b.joiners[lo:hi - 1]))
            if hi - lo == 1 and lo < head and cap and len(piece.text) <= cap.params["credit_max_length"] \
                    and _matches(cap.params["credit_patterns"], piece.text):
                # a photo credit (孔娟海摄) on top: it ends the caption above, if one is there
                if out and out[-1].kind == "caption" and out[-1].last + 1 == piece.first:
                    out[-1] = _join_caption(page, out[-1], piece, cap, changes)
                else:
                    out.append(_label(page, piece, "caption", cap, "a photo credit", changes))
                continue
            if hi - lo == 1 and head_rule and is_heading(page, piece, head_rule):
                piece = replace(piece, kind="heading")
            out.append(piece)
        s, e = page.block_span(b)
        changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                              f"pull quotes run together at line {page.line_no(b.first)}: cut at sentence ends "
                              f"into {len(pieces)} blocks", rule.safety))
        cut_any = True
    return out if cut_any else blocks


def restack_quotes(page: Page, blocks: list[Block], rule: Rule, changes: list, texts: list[str],
                   narrow: list[float], index: dict, keyless, content: dict,
                   openers: set[int] = frozenset()) -> list[Block]:
    """Pull quotes stacked in one narrow column that rejoin broke in the wrong places (a quote's
    first line run onto the quote above, its middle line read as a headline, its last line run
    into the quote below: 吸引了…展品。每到病虫害防治季节，示 / 范区里的植保无人机就忙 / 碌起来。
    教育公平是…基础。) are cut again where their sentences end.

    On a text page, a run of blocks on adjacent lines, each a paragraph set clearly narrower than
    the page's paragraphs (``stack_narrower``) or a one-line heading, no paragraph opening with a
    dateline, a sentence running on from one block into the next, no longer than ``stack_quotes``
    quotes (``QUOTE_MAX`` each), is read as one text cut at the line ends that close a sentence; where
    every piece (two or more) is a quote of a paragraph set wider (word for word, or an editor's
    version within ``quote_reach``: :func:`quote_source`), the pieces replace the run. ``texts``,
    ``narrow``, ``index`` and ``keyless`` describe ``blocks``; ``blocks`` itself comes back when
    nothing was cut. Each run is read once: linear in the page."""
    if page.layout.geometry is not None:
        return blocks  # (on a PDF page the type tells a quote's pieces apart)
    typical = typical_narrowness(blocks, narrow)
    p = rule.params
    lines = page.lines

    def stackable(k: int) -> bool:
        b = blocks[k]
        if b.first in openers:
            return False
        if b.kind == "heading":
            return len(b.lines) == 1 and not ends_sentence(b.text)
        return b.kind == "paragraph" and narrow[k] > p["stack_narrower"] * typical

    keys_of = _anchored(p["ngram"])

    def is_quote(t: str, lo: int, hi: int, q_narrow: float) -> bool:
        if len(t) < p["min_length"]:
            return False
        for o in _owners(index, keys_of(t), keyless) or ():
            if not lo <= o < hi and texts[o] and t in texts[o] and len(texts[o]) > len(t) \
                    and q_narrow > p["quote_narrower"] * narrow[o]:
                return True
        if len(t) > QUOTE_MAX:
            return False
        found = quote_source(lo, t, q_narrow, texts, narrow, rule, content)
        return found is not None and not lo <= found[0] < hi

    out: list[Block] = []
    cut_any = False
    k = 0
    while k < len(blocks):
        if not stackable(k):
            out.append(blocks[k])
            k += 1
            continue
        run, size = [k], len(nows(blocks[k].text))
        while run[-1] + 1 < len(blocks) and stackable(run[-1] + 1) \
                and blocks[run[-1] + 1].first == blocks[run[-1]].last + 1:
            size += len(nows(blocks[run[-1] + 1].text))
            if size > p["stack_quotes"] * QUOTE_MAX:
                break
            run.append(run[-1] + 1)
        k = run[-1] + 1
        group = [blocks[j] for j in run]
        if len(run) < 2 or all(ends_sentence(x.text) for x in group[:-1]) \
                or not any(x.kind == "paragraph" for x in group):
            out += group  # (each block closes its sentences: each is weighed on its own)
            continue
        all_lines = [x for blk in group for x in blk.lines]
        ends = [m for m, x in enumerate(all_lines) if said(lines[x].text, marks=False)]
        if not ends or ends[-1] != len(all_lines) - 1 or len(ends) < 2:
            out += group
            continue
        pieces = list(zip([0] + [e + 1 for e in ends[:-1]], [e + 1 for e in ends]))
        # (narrowness as :func:`narrowness` measures it, of each piece's lines)
        texts_of = ["".join(nows(lines[x].text) for x in all_lines[a:b]) for a, b in pieces]
        if not all(is_quote(t, run[0], run[-1] + 1,
                            (b - a) / max(1.0, sum(lines[x].width for x in all_lines[a:b])))
                   for t, (a, b) in zip(texts_of, pieces)):
            out += group
            continue
        if [(x.lines[0], x.lines[-1]) for x in group] == [(all_lines[a], all_lines[b - 1]) for a, b in pieces]:
            out += group  # (already cut where the sentences end)
            continue
        for a, b in pieces:
            ls = tuple(all_lines[a:b])
            joiners = tuple(_joiner(lines[x].text, lines[y].text) for x, y in zip(ls, ls[1:]))
            out.append(rebuild(page, replace(group[0], kind="paragraph", lines=ls, joiners=joiners)))
        s, e = page.block_span(group[0])[0], page.block_span(group[-1])[1]
        changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                              f"pull quotes stacked at line {page.line_no(group[0].first)}, broken across "
                              f"{len(group)} blocks: cut where their sentences end into {len(pieces)} quotes",
                              rule.safety))
        cut_any = True
    return out if cut_any else blocks


def split_lead_off_quotes(page: Page, blocks: list[Block], rule: Rule, changes: list, texts: list[str],
                          narrow: list[float], content: dict, openers: set[int] = frozenset()) -> list[Block]:
    """A quote whose column took in, above it, the last sentence of the text before it (rejoin
    read the sentence's line in the quote's narrow measure: 哪些人群需要特别注意？ / 公众出行和生产生活
    需要 / 注意什么。) is cut where that sentence ends.

    On a text page (not OCR output: a short line's words are too noisy there), a paragraph no
    longer than a quote (``QUOTE_MAX``), set clearly narrower than the page's paragraphs
    (``stack_narrower``), closing a sentence (a headline line under a text's tail closes none),
    not opening with a dateline, that as a whole is no quote of a paragraph
    (:func:`quote_source`) is cut at the first line end that closes a sentence where the lines
    under it are a quote of a paragraph (word for word or edited) and the lines above are none of
    that paragraph's words (``min_shared`` of their pairs, :func:`clause_content`: an editor's
    quote of two sentences quotes one paragraph). The lines above stay text. ``texts`` and
    ``narrow`` describe ``blocks``; ``blocks`` itself comes back when nothing was cut."""
    if page.layout.geometry is not None or page.layout.ocr:
        return blocks
    p = rule.params
    lines = page.lines
    typical = typical_narrowness(blocks, narrow)
    out: list[Block] = []
    cut_any = False
    for i, b in enumerate(blocks):
        t = texts[i]
        if b.kind != "paragraph" or len(b.lines) < 2 or b.first in openers or len(t) > QUOTE_MAX \
                or narrow[i] <= p["stack_narrower"] * typical or not ends_sentence(t) \
                or quote_source(i, t, narrow[i], texts, narrow, rule, content) is not None:
            out.append(b)
            continue
        parts = None
        for m in range(1, len(b.lines)):
            if not ends_sentence(lines[b.lines[m - 1]].text):
                continue
            head = "".join(nows(lines[k].text) for k in b.lines[:m])
            tail = "".join(nows(lines[k].text) for k in b.lines[m:])
            if len(tail) < p["min_length"]:
                break
            q_narrow = (len(b.lines) - m) / max(1.0, sum(lines[k].width for k in b.lines[m:]))
            found = quote_source(i, tail, q_narrow, texts, narrow, rule, content)
            if found is None:
                continue
            src = texts[found[0]]
            if head not in src and clause_content(head, src, content) < p["min_shared"]:
                parts = [rebuild(page, replace(b, lines=b.lines[:m], joiners=b.joiners[:m - 1])),
                         rebuild(page, replace(b, lines=b.lines[m:], joiners=b.joiners[m:]))]
            break
        if parts is None:
            out.append(b)
            continue
        out += parts
        s, e = page.block_span(b)
        changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                              f"a sentence of the text read into the pull quote at line {page.line_no(parts[1].first)}: "
                              f"the quote repeats the text at line {page.line_no(blocks[found[0]].first)}, the sentence "
                              f"above it does not", rule.safety))
        cut_any = True
    return out if cut_any else blocks
