"""Pull quotes (引语): a sentence of an article, copied or edited, set apart in a narrow
column, at the page top or before its article, or cut into its own text; part of the label stage.

Extraction reads a quote wherever its frame stands: as a block of its own, stacked with other
quotes or with headline lines, run onto the paragraph before it, or between two lines of the
paragraph it cuts. A block is a pull quote when it repeats a sentence of the body (found
through an n-gram index of the page's paragraphs, then weighed: a near copy, or an edit that
keeps the sentence's words and numbers) and is set apart from the text around it (narrower,
or on a PDF page in a frame or a type of its own). Each split, join and label is a recorded
change of rule L007.
"""

from __future__ import annotations

import bisect
import re
import itertools
from collections import Counter

from ..chars import CLOSERS, ends_sentence, nows
from ..model import Block, Change, Page, replace
from ..rules import Rule
from ._common import rebuild
from .block_kinds import STAGE, _join_caption, _label, _matches, _one_type, _same_size, bold_lines, is_heading
from .copies import (BOILERPLATE, FUZZY_MAX, _NOT_WORD, _anchored, _charset, _key_index, _keys,
                     _owners, _window, clause_content, near_copy, shared_content)


#: Texts without a single key (short, or written in characters that are no anchors) are
#: compared with every paragraph; past this many on one page, no longer (a hostile page of
#: thousands of them must stay linear).
MAX_KEYLESS = 16


def narrowness(page: Page, b: Block) -> float:
    """Lines per em of text: a block set in a narrower column needs more lines for its text."""
    return len(b.lines) / max(1.0, sum(page.lines[k].width for k in b.lines))


#: A mark that ends a sentence (a headline line holds none).
_SENTENCE_END = re.compile("[。！？!?]")

#: Lines of headline material (title, subtitle, a credit) a stacked quote may have run into.
MAX_HEAD_LINES = 4
#: A text this short may be a quote an editor cut and reordered: it is compared with every
#: paragraph that shares one key with it (a sentence or two; longer ones need a third of theirs).
QUOTE_MAX = 80


def typical_narrowness(blocks: list[Block], narrow: list[float]) -> float:
    """The median narrowness of the page's paragraphs of three lines or more (their column)."""
    body = sorted(x for x, b in zip(narrow, blocks) if b.kind == "paragraph" and len(b.lines) > 2)
    return body[len(body) // 2] if body else 0.0


def _one_frame(geo: list | None, b: Block) -> bool:
    """On a PDF page: every line of ``b`` stands in one frame (one block of type, framed)."""
    if geo is None:
        return False
    gs = [geo[k] for k in b.lines]
    return all(g is not None and g.framed for g in gs) and len({g.block for g in gs}) == 1


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
                if all(not _SENTENCE_END.search(x) and not any(
                        x in t or clause_content(x, t, content, numbers=False) >= least for t in near) for x in lines_above):
                    return m  # (words of no paragraph near it: a headline's own)
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


def _joiner(left: str, right: str) -> str:
    """What joins two lines of one paragraph: a blank between two Latin words or numbers."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""


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


def split_quotes_run_on(page: Page, blocks: list[Block], rule: Rule, changes: list, texts: list[str],
                        narrow: list[float], openers: set[int] = frozenset()) -> list[Block]:
    """A pull quote run onto the text next to it (rejoin read its last line and the first of
    the text after it, or the other way round, as one column) is cut off.

    The quote's lines are set narrower than the text's: a block whose first (or last) lines,
    ending a sentence, are all at least ``cut_narrower`` ems narrower than the widest of the
    rest, and hold a sentence of another paragraph set wider (copied or edited: its character
    pairs and numbers, :func:`shared_content`, within ``quote_reach`` blocks), is cut there.
    """
    p = rule.params
    lines = page.lines
    content: dict = {}
    joined = None  # (the texts as one text, for the quotes inside a paragraph: made once, if at all)
    out: list[Block] = []
    cut_any = False
    for i, b in enumerate(blocks):
        if b.kind != "paragraph" or len(b.lines) < 3:
            out.append(b)
            continue
        widths = [lines[k].width for k in b.lines]
        ends = [ends_sentence(lines[k].text) for k in b.lines]  # (once a line: the runs below overlap)
        cut = None
        ems = _run_ems(widths)
        # (a block that opens with a dateline opens an article's text: no quote on top of it,
        # though one may be set inside its lead or at its end)
        for m in range(1, 1 if b.first in openers else len(b.lines) - 1):  # a quote on top (a quote's length: QUOTE_MAX)
            if ems[m] > QUOTE_MAX:
                break
            if ends[m - 1] and max(widths[:m]) + p["cut_narrower"] <= max(widths[m:]):
                cut = m
                break
        if cut is None:
            for m in range(len(b.lines) - 1, 0, -1):  # at the end
                if ems[-1] - ems[m] > QUOTE_MAX:
                    break
                if ends[m - 1] and ends[-1] and max(widths[m:]) + p["cut_narrower"] <= max(widths[:m]):
                    cut = -m
                    break
        if cut is None:
            if joined is None:
                joined = _Joined(texts)
            inside = _quote_inside(page, i, b, widths, rule, texts, narrow, content, ends, ems, joined)
            if inside is not None:
                parts, quote, found = inside
                out += parts
                _record_run_on(page, b, quote, blocks[found] if found is not None else b, rule, changes,
                               "inside the paragraph it cuts, ")
                cut_any = True
                continue
            out.append(b)
            continue
        m = abs(cut)
        parts = [rebuild(page, replace(b, lines=b.lines[:m], joiners=b.joiners[:m - 1])),
                 rebuild(page, replace(b, lines=b.lines[m:], joiners=b.joiners[m:]))]
        quote = parts[0] if cut > 0 else parts[1]
        t = nows(quote.text)
        if len(t) < p["min_length"] or len(t) > QUOTE_MAX:
            out.append(b)
            continue
        found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content)
        if found is None:
            out.append(b)
            continue
        found = found[0]
        out += parts
        _record_run_on(page, b, quote, blocks[found], rule, changes)
        cut_any = True
    return out if cut_any else blocks


def _run_ems(widths: list[float]) -> list[float]:
    """The width in ems of the first k lines of a block, for k = 0 … len(widths): a run of lines
    from m1 to m2 is ``ems[m2] - ems[m1]`` wide in all. A pull quote set in a narrow column takes
    as many lines as its text needs (ten lines and more of seven characters), so a run that may be
    one is bounded by a quote's length, not a number of lines: one of more than QUOTE_MAX ems
    holds more than QUOTE_MAX characters (a character is an em wide, or half one)."""
    return list(itertools.accumulate(widths, initial=0.0))


def _record_run_on(page: Page, b: Block, quote: Block, source: Block, rule: Rule, changes: list,
                   how: str = "") -> None:
    s, e = page.block_span(b)
    changes.append(Change(rule.id, STAGE, "split", (s, e), "", "",
                          f"a pull quote run onto the text at line {page.line_no(quote.first)}: it is set "
                          f"{how}narrower and repeats the text at line {page.line_no(source.first)}",
                          rule.safety))


def median_without(ordered: list[float], removed: list[float]) -> float:
    """The median of the sorted list ``ordered`` with the values ``removed`` (a few of its
    elements) taken out, without copying it: O(len(removed) log n).

    >>> median_without([1, 2, 3, 9, 10], [9, 10])
    2
    """
    taken: list[int] = []
    for v in sorted(removed):
        i = bisect.bisect_left(ordered, v)
        while i in taken:
            i += 1
        taken.append(i)
    idx = (len(ordered) - len(removed)) // 2
    for i in sorted(taken):
        if i <= idx:
            idx += 1
    return ordered[idx]


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


def _cuts_phrase(line: str) -> bool:
    """A run of lines after ``line`` cuts a phrase: ``line`` ends inside one (on a character of
    a word, no punctuation)."""
    last = line.rstrip()[-1:]
    return bool(last) and not _NOT_WORD.match(last)


def _quote_inside(page: Page, i: int, b: Block, widths: list[float], rule: Rule, texts: list[str],
                  narrow: list[float], content: dict, ends: list[bool] | None = None,
                  ems: list[float] | None = None, joined: "_Joined | None" = None):
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
    (:class:`_Joined`), made once for all the blocks where it is given."""
    p = rule.params
    lines = page.lines
    n = len(b.lines)
    if ends is None:
        ends = [ends_sentence(lines[k].text) for k in b.lines]
    ordered = sorted(widths)  # (once: the median around each run is read from it)
    whole_is_quote = None  # (whether the block itself repeats a paragraph: asked once, if at all)
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
        for m2 in itertools.islice(stops, first_stop, None):
            if ems[m2] - start > QUOTE_MAX:
                break  # (longer than a quote: so is every run from m1 further on)
            run_widths = widths[m1:m2]
            wide = max(run_widths) + cut_narrower
            median = None
            if wide > ordered[-1]:
                narrower = False
            else:
                median = median_without(ordered, run_widths)
                narrower = not wide > median
            # (the median line around it: one hanging mark widens a quote's line; no median is
            # wider than the widest line, which settles most runs without it)
            if not narrower:
                if m2 - m1 > MAX_HEAD_LINES or m1 < 2:
                    continue
                if cuts is None:
                    cuts = _cuts_phrase(lines[b.lines[m1 - 1]].text)
                if not cuts or not widths[m1 - 1] + cut_narrower > (
                        median if median is not None else median_without(ordered, run_widths)):
                    continue  # set as wide as the text, and cutting no phrase of a full line of a column
                    # of text (two lines at least before it; a heading's line is none): nothing sets it apart
                    # (and such a run is as short as a frame's quote: MAX_HEAD_LINES lines)
                if opened is None:  # (the same for every run from line m1)
                    if near is None:
                        near = (joined or _Joined(texts)).near(i, p["quote_reach"])
                    opened = _may_quote_across(i, nows(lines[b.lines[m1 - 1]].text)[-1:],
                                               nows(lines[b.lines[m1]].text), texts, p, near)
                if not opened:
                    continue  # (no paragraph near it could be its source: built and weighed for nothing)
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
            if not narrower:
                # set as wide as the text, it cuts a phrase (the line before it ends inside one, on
                # no punctuation), as a quote boxed in the column does, and the cut sets it apart as
                # a frame would: it is a quote if another paragraph holds it, opening with words of
                # it (an editor drops or swaps words, the quote still opens as its text does), and
                # that paragraph does not hold the two characters across the cut (then the run goes
                # on from the line before as that text does: the tail of a sentence it holds)
                last = nows(lines[b.lines[m1 - 1]].text)[-1]
                found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content, framed=True)
                if found is not None:
                    o = found[0]
                    source = texts[o] + (texts[o + 1] if o + 1 < len(texts) else "")
                    if t[:p["ngram"] // 2] in source and last + t[0] not in source:
                        return parts, quote, o
                continue
            found = quote_source(i, t, narrowness(page, quote), texts, narrow, rule, content)
            if found is not None:
                return parts, quote, found[0]
            rest = "".join(nows(x.text) for x in parts if x is not quote)
            if m2 == n and i + 1 < len(texts) and not ends_sentence(rest):
                rest += texts[i + 1]  # (rejoin ended the paragraph with the quote: it goes on in the
                # next block, as quote_source reads a paragraph a quote cut)
            if t in rest or shared_content(t, rest, content) >= p["min_shared"]:
                return parts, quote, None
    return None


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


def _set_apart(page: Page, geo: list | None, b: Block) -> bool:
    """On a PDF page: every line of ``b`` in a frame, or in a type of its own, bold or larger
    than the body's (a pull quote on a tint, between rules or plain, in a bold face)."""
    if geo is None:
        return False
    same = _same_size(page)
    return all(g is not None and (g.framed or g.bold or g.ratio > 1.0 + same) for g in map(geo.__getitem__, b.lines))


def _apart_as_framed(page: Page, geo: list | None, b: Block) -> bool:
    """On a PDF page: ``b`` is set apart as a frame sets a quote apart, so that it need not be
    set narrower than the text it quotes: in a frame, or in a type of its own short of display
    type (a display headline, D005's, is set apart too, and as wide as the text it sums up)."""
    if geo is None:
        return False
    if all(geo[k] is not None and geo[k].framed for k in b.lines):
        return True
    bold = bold_lines(page)
    return _set_apart(page, geo, b) and not any(k in bold for k in b.lines)


def _under_larger_headline(page: Page, geo: list | None, blocks: list[Block], i: int, reach: int) -> bool:
    """Whether block ``i``, if set in display type (D005's) on a PDF page, stands under a
    headline in display type larger than its own (within ``reach`` blocks of it in reading order, which may
    have read the block as a headline of its own and put it first, printed above it and across
    it): the headline of the article it is in, so that it is no headline itself (a pull quote is
    set smaller than its article's headline; a title quoting its speaker may stand under a
    kicker in its own size: “博物馆要成为城市客厅”). A block in no display type, or in a frame,
    passes."""
    bold = bold_lines(page)
    b = blocks[i]
    if geo is None or not any(k in bold for k in b.lines) or all(geo[k] is not None and geo[k].framed for k in b.lines):
        return True  # (nor does a frame hold a headline over the text outside it)
    g = geo[b.first]
    if g is None:
        return False
    for j in range(max(0, i - reach), min(len(blocks), i + reach + 1)):
        h = blocks[j]
        gh = geo[h.first]
        if h.kind == "heading" and gh is not None and h.first in bold and gh.size > g.size \
                and gh.top > g.top and min(gh.x1, g.x1) > max(gh.x0, g.x0):
            return True
    return False


def _set_further(page: Page, geo: list, a: Block, b: Block) -> bool:
    """On a PDF page: ``b``'s first line stands further under ``a``'s last line than the
    reader sets two lines of one block of type (P001 ``max_pitch`` ems of ``b``'s type), or
    starts a block set wholly left of it and higher up: the pieces of one quote stand a line
    pitch apart, one under the other; a subtitle over a quote set plain in a type near its own
    has space set between (——今年全市开工改造小区683个 / 目前已有512个小区…), and one read
    before the stack set left of its headline stands right of the quote at that stack's top
    (年轻选手表现抢眼 / 国乒教练组负责人表示…)."""
    ga, gb = geo[a.last], geo[b.first]
    if ga is None or gb is None or "P001" not in page.rules:
        return False
    if gb.block != ga.block and gb.x1 <= ga.x0 and gb.top > ga.top:
        return True
    return ga.top - gb.top > page.rules["P001"].params["max_pitch"] * gb.size


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
            size = len(nows(b.text))
            while k + len(run) < len(blocks):
                nxt = blocks[k + len(run)]
                size += len(nows(nxt.text))
                if nxt.kind not in ("heading", "paragraph") or nxt.first != run[-1].last + 1 or size > QUOTE_MAX \
                        or not (_one_type(page, geo, b, nxt) and _set_apart(page, geo, nxt)) \
                        or _set_further(page, geo, run[-1], nxt):
                    break
                run.append(nxt)
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
    in as narrow a column: 首先要扩大岗位供 / 给，拓宽就业舞台。 of 拓宽就业舞台，首先要扩大岗位供给。),
    except in OCR output, where clearly narrower (``stack_narrower``): a line's width is noisy there. On a PDF page, only a heading line and the paragraph on the next
    line that together copy a paragraph word for word (the type tells a quote's other pieces
    apart: :func:`join_split_quotes`). ``texts``, ``index`` and ``keyless`` describe ``blocks``
    (see :func:`find_pullquotes`); ``blocks`` itself comes back when nothing was joined.
    """
    keys_of = _anchored(rule.params["ngram"])
    typical = typical_narrowness(blocks, narrow) if narrow is not None else 0.0
    content = {} if content is None else content
    text_page = page.layout.geometry is None
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
            size = len(texts[k] or nows(b.text))
            while k + len(run) < len(blocks):
                nxt = blocks[k + len(run)]
                size += len(texts[k + len(run)] or nows(nxt.text))
                if nxt.kind not in ("heading", "paragraph") or nxt.first != run[-1].last + 1 \
                        or size > QUOTE_MAX or nxt.first in openers:
                    break
                run.append(nxt)
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
                        if (not page.layout.ocr or q_narrow > rule.params["stack_narrower"] * typical) and _edited_from(
                                k, len(run), t, pieces, q_narrow, _owners(index, keys_of(t), keyless, near=True),
                                texts, narrow, rule, content):
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


def quote_source(i: int, t: str, q_narrow: float, texts: list[str], narrow: list[float], rule: Rule,
                 known: dict | None = None, exact: bool = False, framed: bool = False,
                 frames: frozenset = frozenset()):
    """``(block, score)`` of the paragraph within ``quote_reach`` blocks of block ``i``, set
    wider than the quote ``t`` (narrowness ``q_narrow``), that holds it: word for word, or
    (unless ``exact``) as an editor's version (words dropped, clauses swapped: its n-grams need
    not survive, its character pairs and numbers do: :func:`shared_content`); None if none
    does. A search bound keeps it linear: a quote sits near its article (at the page top, the
    article is near too on a usual page). A quote in a frame (``framed``, on a PDF page) may be
    set as wide as its source: the frame sets it apart. ``frames``: the blocks set in a frame,
    which never go on a paragraph a frame cut."""
    reach, wider, least = rule.params["quote_reach"], rule.params["quote_narrower"], rule.params["min_shared"]
    if framed:
        wider = 0.0
    best = None
    mine = _NOT_WORD.sub("", t)
    need = least * len(mine)
    counts = None  # (each character of ``mine`` and how often: counted once, if a text is weighed)
    for o in range(max(0, i - reach), min(len(texts), i + reach + 1)):
        other = texts[o]
        if o == i or not other or q_narrow <= wider * narrow[o]:
            continue
        # (a paragraph a caption or a quote cut mid-sentence goes on in the next paragraph
        # block: its source is the two together, as the assemble stage will join them)
        if not ends_sentence(other):
            nxt = o + 1  # (past what stands between: a caption, the quote's own frame)
            while nxt < len(texts) and nxt <= o + reach and (not texts[nxt] or nxt == i or nxt in frames):
                nxt += 1
            if nxt < len(texts) and texts[nxt] and nxt != i:
                other = other + texts[nxt]
        if len(other) < len(mine) or other == t and not framed:
            # (an editor's quote may be as long: clauses swapped; its quotation marks are no text
            # of its source: “记者：…办法” of 记者：…办法？) (a frame quoting a whole paragraph, the
            # paragraph cut by a caption, is set apart by its frame: the paragraph is its source)
            continue
        if t in other:
            return o, 100.0
        if exact:
            continue
        if counts is None:
            counts = Counter(mine)
        # (the characters of ``mine`` that ``other`` has, counted over the distinct ones: a set
        # lookup per distinct character, not one per character)
        if sum(map(counts.__getitem__, _charset(other).intersection(counts))) < need:
            continue  # (a text without most of the quote's characters holds fewer of its pairs)
        share = shared_content(t, other, known)
        if share >= least and (best is None or share > best[1]):
            best = (o, share)
    return None if best is None else (best[0], best[1] * 100)


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
    split = split_quotes_run_on(page, blocks, rule, changes, texts, narrow, openers)
    if split is not blocks:
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    split = split_lead_off_quotes(page, blocks, rule, changes, texts, narrow, content, openers)
    if split is not blocks:
        blocks = split
        texts, narrow, keys, index, keyless = measure(blocks, dict(zip(texts, keys)))
    get = index.get
    out = list(blocks)
    typical = typical_narrowness(blocks, narrow)
    frames = None
    source_of: dict[int, int] = {}  # quote block -> the block it repeats
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
        if b.kind != "paragraph" or len(t) < rule.params["min_length"] or len(t) < n or b.first in openers:
            continue  # (a paragraph that opens with a dateline opens an article: no quote)
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
                if mine <= theirs:
                    continue
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
            if narrow[i] > rule.params["quote_narrower"] * narrow[o]:
                # an edited quote (words dropped, clauses swapped, numbers kept), set narrower
                # than the text it comes from, as quotes are
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
            best = quote_source(i, t, narrow[i], texts, narrow, rule, content, framed=set_apart(b), frames=frames)
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
            out[i] = _label(page, b, "pullquote", rule,
                            f"repeats block at line {page.line_no(blocks[o].first)} ({score:.0f}% match)", changes)
            if score < 100:
                out[i] = replace(out[i], confidence=score / 100)
    if not source_of or page.layout.geometry is not None:  # (on a PDF page the quote's type holds its lines)
        return out
    out = quote_heads_back(page, out, source_of, texts, rule, changes, sources, openers)
    return mend_quote_pieces(page, out, rule, changes, sources, openers)


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


def _closes(t: str) -> bool:
    """``t`` closes its sentence: ends on a mark that ends one, not on an ellipsis (……, which
    a quote's first line may end on before the sentence goes on: 快板《说说咱村新变化》…… /
    18个节目全部由村民…)."""
    return ends_sentence(t) and not t.rstrip(CLOSERS).endswith(("…", "⋯"))


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
        out.append(b)
        i += 1
    return out if mended else blocks
