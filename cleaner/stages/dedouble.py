"""Stage 3, dedouble: collapse display headlines that extraction read twice.

Bold headlines are set by overprinting: the same glyphs are drawn twice with a small offset,
and a PDF text layer reads both copies. Depending on how the drawing was chunked the copies
come out run by run (``智能制造智能制造``), character by character (``““``, ``BBOOLLDD``), as a
mixture of both (``厦门火炬高新区智能制造厦门火炬高新区智能制造““加速跑加速跑””``), with an OCR
slip in one copy, or with each run on a line of its own (``乡村`` / ``乡村“`` / ``“村晚`` /
``村晚”``, as poppler's pdftotext emits).

A line (or a group of short lines) is read as a sequence of *units*, each a run followed by
its copy, plus leftover single characters. It is collapsed only with evidence: most of its
characters sit in doubled units, the result is long enough to be a headline, and it is not
a protected reduplication. Prose such as 看看, 谢谢谢谢, 研究研究, 高高兴兴 or 哈哈哈 never
reaches that bar.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..chars import TERMINAL, ends_sentence, width
from ..model import Change, Page, new_change, new_line, replace
from ..rules import Rule
from ._common import line_replacements

STAGE = "dedouble"


_LEADING_DOUBLE = re.compile(r"(.{1,60}?)\1", re.S)
_CLAUSE_MARKS = "，、；："
_SENTENCE_INSIDE = re.compile(f"[{re.escape(TERMINAL)}，、].")


def parse_doubling(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Best reading of ``text`` as doubled units: (doubled characters, second copies).

    Dynamic programming over positions: at each one either keep a single character or take
    a unit ``text[p:p+L] == text[p+L:p+2L]``. Coverage first, then fewer (longer) units.

    >>> parse_doubling("智能制造智能制造““加速跑加速跑””")
    (18, [(4, 8), (9, 10), (13, 16), (17, 18)])
    """
    n = len(text)
    best: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (covered, -units) from p to the end
    choice = [0] * (n + 1)
    for p in range(n - 1, -1, -1):
        cand = (best[p + 1][0], best[p + 1][1])
        pick = 0
        c = text[p]
        limit = p + (n - p) // 2 + 1  # a unit of length L needs text[p + L] == c, L <= (n - p) // 2
        q = text.find(c, p + 1, limit)
        while q != -1:  # str.find jumps to the candidates in C; same candidates, same order
            L = q - p
            q = text.find(c, q + 1, limit)
            if text[p:p + L] == text[p + L:p + 2 * L]:
                nxt = best[p + 2 * L]
                val = (nxt[0] + 2 * L, nxt[1] - 1)
                if val > cand:
                    cand, pick = val, L
        best[p], choice[p] = cand, pick
    seconds = []
    p = 0
    while p < n:
        L = choice[p]
        if L:
            seconds.append((p + L, p + 2 * L))
            p += 2 * L
        else:
            p += 1
    return best[0][0], seconds


def coverage_bound(text: str) -> int:
    """At most how many characters of ``text`` :func:`parse_doubling` can cover: a covered
    character has its copy in the other half of its unit, so only characters that occur twice
    or more count. One count in C: a line that cannot reach the coverage a doubling needs is
    not parsed (a Python loop over its positions)."""
    return sum(n for n in Counter(text).values() if n > 1)


_WORD_CHARS = re.compile(r"[\w]")
_LETTERS = re.compile(r"[^\W\d_]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _protected(text: str, result: str, rule: Rule) -> bool:
    params = rule.params
    if len(_WORD_CHARS.findall(result)) < params["min_result"]:
        return True  # 加油！加油！ → 加油！ is no headline: too short once collapsed
    if text in params["protected"] or result in params["protected"]:
        return True
    chars = params["protected_chars"]
    return bool(chars) and all(c in chars for c in text if not c.isspace())


def _letters_doubled(text: str, seconds: list[tuple[int, int]]) -> bool:
    """Repeated digits alone (1100万, 4000) are no evidence: letters or Han must be doubled too."""
    return any(_LETTERS.search(text[i:j]) for i, j in seconds)


def _collapse(text: str, seconds: list[tuple[int, int]]) -> str:
    out, p = [], 0
    for i, j in seconds:
        out.append(text[p:i])
        p = j
    out.append(text[p:])
    return "".join(out)


def _doubling(text: str, rule: Rule):
    """(doubled characters, second copies, collapsed text) of a line read as doubled runs, or
    None: most characters doubled, letters among them, not a protected reduplication."""
    if len(text) < 4 or len(text) > rule.params["max_length"] or text[0] not in text[1:61] \
            or not _LEADING_DOUBLE.match(text):  # (a unit repeats: its first character comes again)
        return None
    nonspace = len(text) - text.count(" ")
    if nonspace and coverage_bound(text) / nonspace < rule.params["min_coverage"]:
        return None  # (what the test below would say, without the parse)
    covered, seconds = parse_doubling(text)
    if not seconds or covered / nonspace < rule.params["min_coverage"] or not _letters_doubled(text, seconds):
        return None
    result = _collapse(text, seconds)
    if _protected(text, result, rule):
        return None
    return covered, seconds, result


_BLANKS = re.compile(r"[ \u3000]+")


def _unspaced(text: str) -> tuple[str, list[int]]:
    """``text`` without its blanks, and where each of its characters stands in ``text``."""
    where = [i for i, c in enumerate(text) if c != " " and c != "\u3000"]
    return "".join(text[i] for i in where), where


def doubled_line(page: Page, rule: Rule, k: int):
    """A line read as doubled runs keeps one copy of each. A text layer that prints a blank
    between Han characters and digits or Latin letters (``RCEP 红利持续释放 RCEP 红利持续释放``)
    puts the blanks in one copy and not the other, or between the copies: when the line does
    not read as doubled with its blanks, it is read without them, and each second copy goes
    with the blanks before it."""
    text = page.lines[k].text
    got = _doubling(text, rule)
    spans = None
    if _BLANKS.search(text) and (got is None or got[0] < len(text) - text.count(" ")):
        # (read without blanks where the line does not read as doubled with them, or reads so
        # only in part, and more of it so without: the copies of ``2050 年 2050 年`` stand a
        # blank apart)
        bare, where = _unspaced(text)
        unspaced = _doubling(bare, rule)
        if unspaced is not None and (got is None or unspaced[0] > got[0]):
            spans = []
            for i, j in unspaced[1]:
                s = where[i]
                while s > 0 and text[s - 1] in " \u3000":
                    s -= 1  # (the blanks between the copies go with the second)
                spans.append((s, where[j - 1] + 1))
            got = (unspaced[0], unspaced[1], _collapse(text, spans))
    if got is None:
        return None
    covered, seconds, result = got
    nonspace = len(text) - text.count(" ")
    reason = rule.describe(line=page.line_no(k), covered=covered, total=nonspace, result=result)
    return line_replacements(page, STAGE, rule, k, [(i, j, "") for i, j in (spans or seconds)], reason)


def similarity(a: str, b: str) -> float:
    """Levenshtein similarity, 1 - distance / longer length: textdistance's
    ``levenshtein.normalized_similarity``, computed by rapidfuzz (textdistance's own backend
    for it). Not through textdistance: importing it imports numpy where numpy is installed,
    and numpy's BLAS threads cost every process ~0.06 s of wall time and as much CPU on a
    second core (measured in a ``--jobs 2`` run, where that core is busy)."""
    return Levenshtein.normalized_similarity(a, b)


def doubled_near_match(page: Page, rule: Rule, k: int):
    """Two copies that differ by an OCR slip: ``智能制造智熊制造``."""
    ln = page.lines[k]
    text = ln.text
    n = len(text)
    if n < 2 * rule.params["min_length"] or n % 2:
        return None
    a, b = text[: n // 2], text[n // 2:]
    if a[:2] != b[:2] and a[-2:] != b[-2:]:
        return None  # an OCR slip changes a character or two, not both ends
    if _SENTENCE_INSIDE.search(text[: n // 2 - 1]):
        return None
    if b[-1] in _CLAUSE_MARKS and a[-1] not in _CLAUSE_MARKS:
        return None  # (a line going on past a clause mark its first half lacks is prose: 开到哪儿就开到哪儿，)
    sim = similarity(a, b)
    if sim < rule.params["min_similarity"] or a == b:
        return None
    reason = rule.describe(line=page.line_no(k), similarity=f"{sim:.2f}", result=a)
    return line_replacements(page, STAGE, rule, k, [(n // 2, n, "")], reason)


def _printed_twice(lines, k: int, params: dict, short_ok: bool) -> bool:
    """Lines ``k`` and ``k + 1`` are one headline line and its copy: the same text, at most
    ``max_length`` characters, no sentence end in it, and ``min_length`` characters or more
    unless ``short_ok``."""
    if k < 0 or k + 1 >= len(lines):
        return False
    a = lines[k].text
    return (a == lines[k + 1].text and len(a) <= params["max_length"] and not any(c in a for c in TERMINAL)
            and (short_ok or len(a.strip()) >= params["min_length"]))


def doubled_line_pair(page: Page, rule: Rule, k: int):
    """A headline line printed twice on consecutive lines (PyMuPDF and pdfminer read each
    copy of an overprinted line as a line of its own): the second copy goes. Only a line that
    reads as a headline: at most ``max_length`` characters and no sentence end in it.

    A line shorter than ``min_length`` (加油 / 加油 may be prose) is a headline's only next to
    a long headline line printed twice: the end of a headline broken over lines, each line
    drawn twice (…合作论坛在曼谷 / …合作论坛在曼谷 / 举行 / 举行)."""
    lines = page.lines
    params = rule.params
    if not _printed_twice(lines, k, params, True):
        return None
    if not (_printed_twice(lines, k, params, False) or _printed_twice(lines, k - 2, params, False)
            or _printed_twice(lines, k + 2, params, False)):
        return None
    a, b = lines[k].text, lines[k + 1].text
    reason = rule.describe(line=page.line_no(k + 1), result=a)
    return line_replacements(page, STAGE, rule, k + 1, [(0, len(b), "")], reason)


def broken_headline_ends(texts: list[str], pairs: list[int], done: set[int], params: dict) -> list[tuple[int, int, int]]:
    """Headline lines printed twice and the short end of the same headline under them, as
    heading groups (one headline, joined whole): the headline was broken at its own measure,
    leaving ``tail_max`` characters or fewer for its last line (…耐盐碱水稻新品种3 / 个,
    …有质量的 / 教育, …工业增加值增长 / 6.1%), too short to be a subtitle or a line of prose.

    The end is printed twice like the line above it, or, at most ``tail_once_max``
    characters, once: a reader that merges glyphs drawn over each other keeps one copy of a
    lone character or two (…跨省电信网络诈骗 / …跨省电信网络诈骗 / 案), or its two copies are
    read on one line (案案, 6.1%6.1%: the third number of each triple says how many characters of the line's
    end are that second copy). It holds no sentence or clause mark (a line of prose does)."""
    out = []
    firsts = set(pairs)
    n = len(texts)
    for k in pairs:
        a, j = texts[k], k + 2
        if len(a.strip()) < params["min_length"] or j >= n:
            continue
        tail = texts[j].strip()
        half = len(tail) // 2
        doubled = j not in firsts and j not in done and tail and not len(tail) % 2 and tail[:half] == tail[half:]
        if doubled:  # (the end drawn twice, read as one line: 案案)
            tail = tail[:half]
        if not tail or len(tail) > params["tail_max"] or any(c in tail for c in TERMINAL + _CLAUSE_MARKS):
            continue
        if j in firsts or doubled or (j not in done and len(tail) <= params["tail_once_max"]):
            out.append((k, j, half if doubled else 0))
    return out


def _grouped(page: Page, rule: Rule, k: int, j: int, why: str | None) -> Change:
    """The record of lines ``k`` and ``j`` made one heading group (joined whole by rejoin): an
    attachment at the end of line ``k``, its text unchanged here (the copies between the two
    are deleted by changes of their own)."""
    a, b = page.lines[k], page.lines[j]
    if why is None:
        reason = rule.describe(first=page.line_no(k), last=page.line_no(j))
    else:
        reason = f"lines {page.line_no(k)}-{page.line_no(j)}: {why}; one heading '{a.text}{b.text}'"
    return new_change((rule.id, STAGE, "attach", (a.end, a.end), "", "", reason, rule.safety, ()))


def lone_headline_ends(texts: list[str], taken: set[int], params: dict) -> list[tuple[int, int]]:
    """A headline line and the lone character under it that ends it (…耐盐碱水稻新品种3 / 个):
    a line of ``min_length`` to ``max_length`` characters with no clause or sentence mark in it
    (prose holds one in every line that long) nor a blank (a byline parts its names so, and one
    broken inside its last name leaves a lone character too: 文/…记者 陶宏 / 磊), the next line
    at most ``end_max`` characters of
    letters or Han and no mark (a paragraph's last line closes its sentence; a photo credit's 摄
    follows a caption that does), and the line after that not going on from it (the end is
    no first line of a paragraph broken after one character)."""
    out = []
    n = len(texts)
    for k in range(n - 1):
        a, b = texts[k], texts[k + 1]
        if k in taken or k + 1 in taken or not params["min_length"] <= len(a) <= params["max_length"]:
            continue
        if not b or len(b) > params["end_max"] or not all(c.isalnum() for c in b):
            continue
        if any(c in a for c in TERMINAL + _CLAUSE_MARKS) or " " in a or "\u3000" in a or (k and texts[k - 1] == a):
            continue
        out.append((k, k + 1))
    return out


def short_heading_twice(texts: list[str], k: int, line_params: dict, params: dict) -> tuple[str, list] | None:
    """The one copy of line ``k`` when it is a short heading printed twice (``尾声尾声``), and the
    spans of the line its second copy takes, or None: the whole line is one run of letters and
    its copy, the run at least ``min_result`` of them (a lone 冰冰 stays), not a protected
    reduplication (``line_params``: D001's), and the line stands where a subhead does, under a
    closed paragraph (or first on the page). The run may end on one of ``end_marks``, the line
    drawn twice (``上海：上海：``) or each run of it (``澳门澳门：：``): the first piece of a headline
    broken after a place and its colon (上海： / 解锁首发经济创新密码), wherever it stands — prose
    repeats no word with its colon.

    D001 leaves such a line alone: a collapsed line that short may be a reduplicated word set
    apart (研究研究, 雪白雪白). :func:`run` takes it only on a page whose other headings are
    drawn twice too: there the printer draws bold by overprinting, and the short line is one
    of its subheads (…第三个夜晚：洪峰第三个夜晚：洪峰 / … / 尾声尾声)."""
    raw = texts[k]
    t = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    mark, spans = "", None
    if len(t) > 2 and t[-1] in params["end_marks"]:
        mark = t[-1]
        if t[-2] == mark:  # 澳门澳门：： (the letters drawn twice, then the mark)
            t = t[:-2]
            h = len(t) // 2
            spans = [(lead + h, lead + 2 * h), (lead + 2 * h + 1, lead + 2 * h + 2)]
        else:  # 上海：上海： (the line drawn twice)
            h = len(t) // 2
            if len(t) % 2 or t[:h] != t[h:] or t[h - 1] != mark:
                return None
            t = t[:h - 1] * 2
            spans = [(lead + h, lead + 2 * h)]
    n = len(t) // 2
    if len(t) % 2 or n < params["min_result"] or t[:n] != t[n:] or not _LETTER_RUN.fullmatch(t[:n]):
        return None
    if not mark and k and not ends_sentence(texts[k - 1]):
        return None
    if t in line_params["protected"] or t[:n] in line_params["protected"]:
        return None
    chars = line_params["protected_chars"]
    if chars and all(c in chars for c in t):
        return None
    return t[:n] + mark, spans or [(lead + n, lead + 2 * n)]


def split_candidates(page: Page, rule: Rule) -> list[bool]:
    """Lines that may hold one run of a doubled headline: narrow, and no sentence inside."""
    wmax = rule.params["max_line_width"]
    return [ln.width <= wmax and ln.text[-1:] not in ("。", "！", "？") and not _SENTENCE_INSIDE.search(ln.text)
            for ln in page.lines]


def doubled_split_lines(page: Page, rule: Rule, k: int, line_rule: Rule, candidates: list[bool] | None = None):
    """Runs of a doubled headline put on lines of their own: ``乡村`` / ``乡村“`` / ``“村晚``.

    ``candidates`` (from :func:`split_candidates`) saves measuring each line once per group.
    """
    lines = page.lines
    if candidates is None:
        candidates = split_candidates(page, rule)
    group = []
    j = k
    while j < len(lines) and len(group) < rule.params["max_lines"] and candidates[j]:
        group.append(j)
        j += 1
    if len(group) < 2:
        return None
    text = "".join(lines[g].text for g in group)
    nonspace = len(text) - text.count(" ")
    if nonspace and coverage_bound(text) / nonspace < rule.params["min_coverage"]:
        return None  # (what the test below would say, without the parse)
    covered, seconds = parse_doubling(text)
    if covered / nonspace < rule.params["min_coverage"] or len(seconds) < 2 or not _letters_doubled(text, seconds):
        return None
    first_len = len(lines[group[0]].text)
    if not any(2 * i - jj < first_len for i, jj in seconds):
        return None  # its first line has no run drawn twice (a byline before the headline): not a part
    result = _collapse(text, seconds)
    if _protected(text, result, line_rule):
        return None
    # the second copies, cut at line boundaries into per-line deletions
    edits, changes = [], []
    offset = 0
    reason = rule.describe(first=page.line_no(k), last=page.line_no(group[-1]), result=result)
    per_line: dict[int, list] = {}
    bounds = []
    for g in group:
        bounds.append((offset, offset + len(lines[g].text), g))
        offset += len(lines[g].text)
    for i, jj in seconds:
        for s, e, g in bounds:
            lo, hi = max(i, s), min(jj, e)
            if lo < hi:
                per_line.setdefault(g, []).append((lo - s, hi - s, ""))
    for g, repl in per_line.items():
        e, c = line_replacements(page, STAGE, rule, g, repl, reason)
        edits += e
        changes += c
    return edits, changes, group


def drawn_bold(page: Page, rule) -> tuple[set[int], list[Change]]:
    """Lines a PDF page shows in display type (``display_ratio`` times the body type or more,
    or ``bold_ratio`` in a bold face or drawn twice), and one change per copy the reader left
    out (a line of the text's size drawn twice is a bold subhead, no display type: Chromium
    outlines type by drawing it again).

    A PDF read directly needs no text repair for fake bold: the copy drawn a fraction of a
    point from the first is seen as such and left out by the reader. What stays is the
    evidence: the line is bold display type, like a line de-doubled here from text.
    """
    geo = page.geometry()
    p = rule.params
    bold = {k for k, g in enumerate(geo)
            if g is not None and (g.ratio >= p["display_ratio"] or (g.bold and g.ratio >= p["bold_ratio"]))}
    changes = []
    if page.layout.copies:
        by_source = {}
        for k in range(len(page.lines)):
            by_source.setdefault(page.line_no(k) - 1, k)
        for src, text, why in page.layout.copies:
            k = by_source.get(src)
            if k is None:
                continue
            if geo[k] is None or geo[k].ratio >= p["bold_ratio"]:  # (a subhead outlined in the
                bold.add(k)  # text's own size is drawn twice too: bold, no display type)
            ln = page.lines[k]
            changes.append(new_change((rule.id, STAGE, "delete", (ln.start, ln.start), text, "",
                                       rule.describe(line=page.line_no(k), copy=text, why=why), rule.safety, ())))
    return bold, changes


def run(page: Page) -> Page:
    rules = page.rules
    if page.layout.geometry is not None:
        if not rules.enabled("D005"):
            return page
        bold, changes = drawn_bold(page, rules["D005"])
        return page.evolve(layout=replace(page.layout, dedoubled=tuple(sorted(bold))),
                           changes=page.changes + tuple(changes))
    line_rule = rules["D001"] if "D001" in rules else None
    split_rule = rules["D003"] if rules.enabled("D003") and line_rule is not None else None
    candidates = split_candidates(page, split_rule) if split_rule else None
    edits, changes = [], []
    groups = []
    pairs = []  # the first line of each headline line printed twice (D004)
    done = set()
    line_rule_on = line_rule is not None and line_rule.enabled
    near_rule = rules["D002"] if rules.enabled("D002") else None
    pair_rule = rules["D004"] if rules.enabled("D004") else None
    # (each test's first, cheap condition is asked here, inline: most lines fail it, and a
    # call per line and test cost more than the tests)
    texts = [ln.text for ln in page.lines]
    n = len(texts)
    near_min = 2 * near_rule.params["min_length"] if near_rule is not None else 0
    short_rule = rules["D007"] if rules.enabled("D007") and line_rule is not None else None
    shorts = []  # (line, its one copy): short headings printed twice, taken if others are (D007)
    drawn = 0  # the headings found drawn twice (D001 to D004)
    for k in range(n):
        if k in done:
            continue
        text = texts[k]
        if pair_rule is not None and k + 1 < n and text == texts[k + 1]:
            pair = doubled_line_pair(page, pair_rule, k)
            if pair is not None:  # (the copy kept is a line drawn bold, like the others here)
                edits += pair[0]
                changes += pair[1]
                done.update((k, k + 1))
                pairs.append(k)
                drawn += 1
                continue
        hit = None
        if line_rule_on and text[:1] in text[1:]:  # (a unit repeats: its first character comes again)
            hit = doubled_line(page, line_rule, k)
        if hit is None and near_rule is not None and len(text) >= near_min and not len(text) % 2:
            hit = doubled_near_match(page, near_rule, k)
        if hit is not None:
            edits += hit[0]
            changes += hit[1]
            done.add(k)
            drawn += 1
            continue
        if split_rule and candidates[k] and k + 1 < len(candidates) and candidates[k + 1]:
            got = doubled_split_lines(page, split_rule, k, line_rule, candidates)
            if got is not None:
                edits += got[0]
                changes += got[1]
                groups.append(tuple(got[2]))
                done.update(got[2])
                drawn += 1
                continue
        if short_rule is not None and text[:1] in text[1:]:  # (after D003: it may be a headline's first run)
            one = short_heading_twice(texts, k, line_rule.params, short_rule.params)
            if one is not None:
                shorts.append((k, one))
    if pair_rule is not None and pairs:
        for k, j, cut in broken_headline_ends(texts, pairs, done, pair_rule.params):
            if cut:  # the end's own second copy, read on its line, goes
                ln = page.lines[j]
                reason = (f"line {page.line_no(j)}: the short end of the headline above, its two copies read on one "
                          f"line; kept one '{ln.text[:len(ln.text) - cut]}'")
                got = line_replacements(page, STAGE, pair_rule, j, [(len(ln.text) - cut, len(ln.text), "")], reason)
                edits += got[0]
                changes += got[1]
                done.add(j)
            groups.append((k, j))
            changes.append(_grouped(page, pair_rule, k, j, "the short end of the headline printed twice above it"))
    if shorts and drawn >= short_rule.params["min_siblings"]:
        for k, one in shorts:
            if k in done:  # (taken since as a headline's end, D004)
                continue
            one, spans = one  # (the copy: the line's second run, blanks after it kept)
            reason = short_rule.describe(line=page.line_no(k), result=one, siblings=drawn)
            got = line_replacements(page, STAGE, short_rule, k, [(i, j, "") for i, j in spans], reason)
            edits += got[0]
            changes += got[1]
            done.add(k)
    end_rule = rules["D006"] if rules.enabled("D006") else None
    if end_rule is not None:
        grouped = {g for grp in groups for g in grp}
        for k, j in lone_headline_ends(texts, done | grouped, end_rule.params):
            groups.append((k, j))
            done.add(k)
            done.add(j)
            changes.append(_grouped(page, end_rule, k, j, None))
    if not edits and not groups:
        return page
    overlay = page.overlay.apply(edits) if edits else page.overlay
    lines = []
    keep_index = {}
    for ln in page.lines:  # only the de-doubled lines changed; a line left empty goes
        old = ln.index
        if old in done:
            text = overlay.render(ln.start, ln.end)
            if not text.strip():
                continue
            ln = new_line((len(lines), ln.start, ln.end, text, width(text), ln.gap_before))
        elif old != len(lines):
            ln = new_line((len(lines), ln.start, ln.end, ln.text, ln.width, ln.gap_before))
        keep_index[old] = len(lines)
        lines.append(ln)
    heading_groups = tuple(tuple(keep_index[g] for g in grp if g in keep_index) for grp in groups)
    layout = replace(page.layout, heading_groups=tuple(tuple(g) for g in heading_groups if len(g) > 1),
                     dedoubled=tuple(sorted(keep_index[k] for k in done if k in keep_index)))
    return page.evolve(overlay=overlay, lines=tuple(lines), changes=page.changes + tuple(changes), layout=layout)
