"""Stage 2, ocr: character repairs for what OCR engines break, on OCR output only.

An OCR engine reads a Chinese page as pictures of characters and guesses each one: it sets
half-width ``,;:!?)`` next to Han characters, reads the full-width ``（`` as ``〈``, ``《`` or
``“`` (so a dateline reads ``本报讯〈记者X)``), a dash ``——`` as two ``一``, a byline's ornament
``◎`` as ``@@``. A PDF text layer carries the characters the typesetter set and has none of
this, and some of these repairs would be wrong there (``一一对应`` is prose), so the stage runs
only on a page the text shows to be OCR output: the first rule (O001) counts the signs of it
and records what it found as a flag, the others repair. ``--extractor ocr`` (``--source ocr``)
says so outright, ``--extractor`` with any other value but ``auto`` rules it out.

Edits are over the raw source, like the normalise stage's, and never on characters an earlier
edit changed. On a page found to be OCR output the stages after this one read the rules'
``ocr`` numbers (:meth:`cleaner.rules.RuleSet.on_ocr`): a blank line, a short line, a heading
mean other things in an engine's text than in a text layer.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

import regex

from ..model import Change, Edit, Page, replace
from ..rules import Rule
from ._common import flag_matches, source_replacements

STAGE = "ocr"


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, regex.MULTILINE)


def ocr_signs(text: str, rule: Rule) -> dict[str, int]:
    """How often each sign of OCR output (the detection rule's ``sign_patterns``, named by its
    ``sign_names``) occurs in ``text``."""
    names = list(rule.params["sign_names"])
    pats = rule.params["sign_patterns"]
    names += [f"sign {k + 1}" for k in range(len(names), len(pats))]
    return {name: sum(1 for _ in _compiled(p).finditer(text)) for name, p in zip(names, pats)}


def is_ocr(text: str, rule: Rule) -> tuple[bool, dict[str, int]]:
    """Whether ``text`` reads as OCR output: enough signs in all, and often enough for its
    length (a long text page may hold a stray half-width comma or two)."""
    counts = ocr_signs(text, rule)
    total = sum(counts.values())
    rate = 1000.0 * total / max(len(text), 1)
    return total >= rule.params["min_signs"] and rate >= rule.params["min_rate"], counts


def detect(page: Page, rule: Rule):
    """The flag that says the page was read as OCR output, with the signs counted."""
    found, counts = is_ocr(page.source, rule)
    if not found:
        return [], []
    signs = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
    return [], [Change(rule.id, STAGE, "flag", (0, 0), "", "", rule.describe(signs=signs), rule.safety)]


_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def punct_width(page: Page, rule: Rule):
    """``发展,创新`` / ``据了解:`` → full-width: an OCR engine sets the half-width mark even where
    only one side is Han (the normalise stage asks for Han on both sides, right for a text
    layer, where a half-width mark next to Latin text is real)."""
    pat = _compiled(rule.params["pattern"])
    repl = [(m.start(), m.end(), _FULL.get(m.group(), m.group())) for m in pat.finditer(page.source)]
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def bracket_pairs(page: Page, rule: Rule):
    """``〈记者X)`` / ``《记者X)`` / ``〈“记者X)`` → ``（记者X）``: an opener the engine misread (or a run of them), closed by a
    bracket (``closers``) within ``reach`` characters (one line break allowed); the pair becomes
    ``open_to`` … ``close_to``. The search stops at
    any of ``stops`` (another opener, a closer of the opener's own kind: ``《书名》`` keeps its
    marks) and repairs only a pair with Han text inside (``inside_pattern``)."""
    src = page.source
    reach, closers, stops = rule.params["reach"], rule.params["closers"], rule.params["stops"]
    inside = _compiled(rule.params["inside_pattern"])
    repl = []
    for m in _compiled(rule.params["openers"]).finditer(src):
        o, o1 = m.start(), m.end()  # a run of openers (〈“) is one misread bracket
        breaks = 0
        for k in range(o1, min(len(src), o1 + reach)):
            c = src[k]
            if c == "\n":
                breaks += 1
                if breaks > rule.params["breaks"]:
                    break
            elif c in closers:
                if inside.search(src, o1, k):
                    repl += [(o, o1, rule.params["open_to"]), (k, k + 1, rule.params["close_to"])]
                break
            elif c in stops:
                break
    repl = sorted(set(repl))
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def pattern_repair(page: Page, rule: Rule):
    """The rule's ``pattern`` replaced by ``to`` wherever it matches: dashes read as ``一一``,
    a byline's ornament read as ``@@``…"""
    to = rule.params["to"]
    repl = [(m.start(), m.end(), to) for m in _compiled(rule.params["pattern"]).finditer(page.source)
            if m.end() > m.start()]
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def ornament_debris(page: Page, rule: Rule):
    """``四扬子晚报全媒体记者 姚兰宏`` → ``◎扬子晚报…``: one Han character OCR made of a byline's
    ornament, before an outlet or a reporter's title, where the character reads as no word with
    what follows it, or stands apart from it (an ornament is set off by a blank: 名 扬子晚报…,
    though 名扬 is a word). The rule's ``pattern``
    finds the character (group 1) on a line that is a byline to its end; only a character of
    ``debris`` (the ones an engine reads the ornament as) is weighed, and the lexicon tells it
    from the first character of the outlet's own name (四川日报: 四川 is a word, 国际商报: 国际
    is one; 名新京报: 名新 is none)."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    if lex is None:
        return [], []
    reach, to = rule.params["word_reach"], rule.params["to"]
    repl = []
    for m in _compiled(rule.params["pattern"]).finditer(page.source):
        i = m.start(1)
        if page.source[i] not in rule.params["debris"]:
            continue
        after = page.source[m.end(1):]
        ahead = after.lstrip(" \t")[:reach]
        if after[:1] in (" ", "\t") or not lex.in_word(page.source[i] + ahead, 0):
            repl.append((i, m.end(1), to))
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def ornament_name(page: Page, rule: Rule):
    """``口薛涛晨`` / ``@黎娟磊`` → ``◎薛涛晨``: a byline of names alone (``□{name}``), its
    ornament read as debris (group ``orn``), on a block of its own line. O005 and O040 want an
    outlet or a reporter's title after the debris; here the names (group ``names``, parted by
    blanks or ``、``) must each read as a name by the surname lexicon of ``names_rule``
    (:func:`~cleaner.stages.lines.is_name`), and a Han character of ``debris`` must make no
    word with what follows (``女单打`` is prose: 女单 is a word) unless a blank sets it apart.
    A byline stands under a headline or over a dateline: one of the lines around it must match
    ``neighbour_pattern`` (no sentence or clause mark); between two lines of prose a name alone
    is a signature the layout stages then take for an article's start, cutting the text above."""
    from ..lexicon import default_lexicon
    from .lines import is_name

    lex = default_lexicon()
    if lex is None or rule.params["names_rule"] not in page.rules:
        return [], []
    names = page.rules[rule.params["names_rule"]]
    reach, to, debris = rule.params["word_reach"], rule.params["to"], rule.params["debris"]
    side = _compiled(rule.params["neighbour_pattern"])
    repl = []
    for m in _compiled(rule.params["pattern"]).finditer(page.source):
        if not all(is_name(w, names) for w in regex.split(r"[ \t、]+", m.group("names").strip())):
            continue
        orn, after = m.group("orn"), page.source[m.end("orn"):]
        han = [c for c in orn if _HAN_CHAR.match(c)]
        if han and (len(han) > 1 or orn not in debris):
            continue
        if han and after[:1] not in (" ", "\t") and lex.in_word(orn + after[:reach], 0):
            continue
        if not any(side.fullmatch(line) for line in _neighbour_lines(page.source, m.start(), m.end())):
            continue
        repl.append((m.start("orn"), m.end("orn"), to))
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


def _neighbour_lines(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest line with text before ``start`` and after ``end`` (blank lines skipped),
    stripped; ``""`` at the page's edge. Walks line by line from the match, never over the
    whole page (a page of many such bylines stays linear)."""
    before, stop = "", start
    while stop >= 0 and not before:  # (from the match's own line back, one line at a time)
        begin = text.rfind("\n", 0, stop) + 1
        before, stop = text[begin:stop].strip(), begin - 1
    after, begin = "", end
    while begin >= 0 and not after:  # (from the match's own line on)
        stop = text.find("\n", begin)
        after = text[begin:stop if stop != -1 else len(text)].strip()
        begin = stop + 1 if stop != -1 else -1
    return before, after


def credit_specks(page: Page, rule: Rule):
    """``记者和薛凌浩`` / ``通讯员许和建兰）`` / ``彭霞光和报道`` / ``全人媒体记者`` → the speck taken
    out: a character an engine set for a speck of ink (group ``speck``: 和 人 上, its most
    frequent insertions) inside a credit, where the names tell it. Each of the rule's
    ``patterns`` finds one place; where it names groups, ``name`` must read as a name (the
    surname lexicon of ``names_rule``, :func:`~cleaner.stages.lines.is_name`: 和平 after 记者
    is no name), and ``pre`` + ``post`` as a name the run with the speck is not (许和建兰 is
    none, 张和平 is one and stays)."""
    from .lines import is_name

    if rule.params["names_rule"] not in page.rules:
        return [], []
    names = page.rules[rule.params["names_rule"]]
    repl = set()
    for pattern in rule.params["patterns"]:
        for m in _compiled(pattern).finditer(page.source):
            got = m.groupdict()
            if got.get("name") is not None and not is_name(got["name"], names):
                continue
            if got.get("pre") is not None and (not is_name(got["pre"] + got["post"], names)
                                               or is_name(got["pre"] + got["speck"] + got["post"], names)):
                continue
            repl.add((m.start("speck"), m.end("speck"), rule.params["to"]))
    return source_replacements(page, STAGE, rule, sorted(repl), lambda b, a: rule.describe(before=b, after=a))


@functools.cache
def _confusions(path: str) -> dict[str, frozenset[str]]:
    """Each character an engine was seen to read for another (``han_confusions`` of the noise
    model at ``path``, relative to the package: ``[meant, read, count]``), by the reading."""
    table: dict[str, set[str]] = {}
    data = json.loads((Path(__file__).resolve().parents[1] / path).read_text(encoding="utf-8"))
    for meant, read, _ in data["han_confusions"]:
        table.setdefault(read, set()).add(meant)
    return {k: frozenset(v) for k, v in table.items()}


def _read_run(src: str, p: int, n: int) -> list[int]:
    """The positions of the ``n`` characters from ``p`` on its line, blanks skipped (an
    engine sets blanks inside an outlet's name: ``成都商报- 红星新闻``); fewer at the line's end."""
    out = []
    while len(out) < n and p < len(src) and src[p] != "\n":
        if src[p] not in " \t\u3000":
            out.append(p)
        p += 1
    return out


def outlet_confusions(page: Page, rule: Rule):
    """``这京报记者`` / ``将都商报-红星新闻记者`` / ``中们社香港9月14⏎日电`` → the outlet's name: a
    known outlet (``outlets``) read with one character the engine is known to misread for its
    own (the noise model's measured confusions, ``confusions``), where a credit opens (``starts``:
    a line's start after an ornament's debris, 据 or 文/, or a bracket) and a reporter's title or
    a dateline's date follows (``follow``). A reading that is itself an outlet is left alone."""
    src, table, outlets = page.source, _confusions(rule.params["confusions"]), rule.params["outlets"]
    follow = _compiled(rule.params["follow"])
    repl = []
    for m in _compiled(rule.params["starts"]).finditer(src):
        for name in outlets:
            at = _read_run(src, m.end(), len(name))
            read = "".join(src[i] for i in at)
            slips = [j for j in range(len(read)) if read[j] != name[j]]
            if len(read) < len(name) or len(slips) != 1 or read in outlets:
                continue
            j = slips[0]
            if name[j] in table.get(read[j], ()) and follow.match(src, at[-1] + 1):
                repl.append((at[j], at[j] + 1, name[j]))
                break
    return source_replacements(page, STAGE, rule, sorted(set(repl)), lambda b, a: rule.describe(before=b, after=a))


def credit_closer(page: Page, rule: Rule):
    """``本报讯〈实习记者 陆萱一日三餐是…`` → ``本报讯（实习记者 陆萱）一日三餐是…``: a dateline's credit
    whose closing bracket the engine lost, the story's first words run on into its last name.
    ``pattern`` finds the head, the opener (group ``open``) and the line's text up to its first
    mark (group ``body``), with no closer there or on the next line before a mark
    (``closed_pattern``: a credit broken over two lines, closed on the second); in it
    ``role_pattern`` (an outlet and a reporter's title) opens the credit, and the words after
    it, parted by blanks, must each be a name (the surname lexicon of ``names_rule``), a role
    and a name, or a place and 报道 (``place_pattern``) but the last one: the closer goes after
    its 报道, or after the one name its first characters make where the lexicon reads a word of
    the story starting right after it (陆萱|一日三餐; 张林海|今年)."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    if lex is None or rule.params["names_rule"] not in page.rules:
        return [], []
    names = page.rules[rule.params["names_rule"]]
    role, place = _compiled(rule.params["role_pattern"]), _compiled(rule.params["place_pattern"])
    closed = _compiled(rule.params["closed_pattern"])
    repl = []
    for m in _compiled(rule.params["pattern"]).finditer(page.source):
        r = role.match(page.source, m.start("body"), m.end("body"))
        if r is None or closed.match(page.source, m.end("body")):
            continue
        words = [(w.start(), w.group()) for w in regex.finditer(r"\S+", page.source[r.end():m.end("body")])]
        if not words or not all(_credit_word(w, names, role, place) for _, w in words[:-1]):
            continue
        at, last = words[-1]
        lead = role.match(last)
        k = lead.end() if lead and lead.end() < len(last) else 0
        cut = _name_end(last, k, names, place, lex)
        if cut is None:
            continue
        end = r.end() + at + cut
        repl += [(m.start("open"), m.end("open"), rule.params["open_to"]), (end, end, rule.params["close_to"])]
    return _replacements(page, rule, repl)


def _credit_word(word: str, names: Rule, role: regex.Pattern, place: regex.Pattern) -> bool:
    """A word of a credit before its last: a name, a role and a name, or a place and 报道."""
    from .lines import is_name

    lead = role.match(word)
    return is_name(word[lead.end() if lead else 0:], names) or place.fullmatch(word) is not None


def _name_end(word: str, k: int, names: Rule, place: regex.Pattern, lex) -> int | None:
    """Where the credit ends in its last ``word`` (its name from ``k`` on), the story's words
    run on after it: after a place's 报道, or after a name (:func:`is_name`) the lexicon reads a
    word right after; None when neither reads so, or two names do."""
    from .lines import is_name

    p = place.match(word, k)
    if p is not None and p.end() < len(word):
        return p.end()
    ends = [k + n for n in range(1, len(word) - k) if is_name(word[k:k + n], names)
            and lex.in_word(word[k + n:], 0)]
    return ends[0] if len(ends) == 1 else None


def _replacements(page: Page, rule: Rule, repl):
    """:func:`source_replacements`, an empty span's change called an ``insert``."""
    edits, changes = source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))
    return edits, [c._replace(action="insert") if c.span[0] == c.span[1] else c for c in changes]


def pattern_insert(page: Page, rule: Rule):
    """``to`` inserted where the rule's ``pattern`` matches (an empty match: a place, not
    characters): the middle dot the engine lost between a paper and its site in a credit
    (``（中青报中青网记者X）`` → ``（中青报·中青网记者X）``)."""
    to = rule.params["to"]
    repl = [(m.end(), m.end(), to) for m in _compiled(rule.params["pattern"]).finditer(page.source)]
    return _replacements(page, rule, repl)


def lost_opener(page: Page, rule: Rule):
    """``本报讯 记者X 通讯员Y)`` → ``本报讯（记者X通讯员Y）``: a credit after a dateline's head
    (``pattern``'s group ``gap`` right after it, blanks or nothing), closed by a bracket with no
    opener before it: the engine read the ``（`` as nothing. The credit, its blanks and line
    breaks taken out, must read as one, so prose that runs to a stray bracket is left alone:
    ``credit_pattern`` (an outlet, a role) and after it, group ``rest``, nothing but names (by
    the surname lexicon of ``names_rule``, :func:`~cleaner.stages.lines.is_name`) and the
    pieces of ``piece_pattern`` (roles, marks between names, a place's 报道). The blanks of the
    gap become ``open_to`` (or it is inserted there); the closer becomes ``close_to``."""
    credit = _compiled(rule.params["credit_pattern"])
    piece = _compiled(rule.params["piece_pattern"])
    if rule.params["names_rule"] not in page.rules:
        return [], []
    names = page.rules[rule.params["names_rule"]]
    repl = []
    for m in _compiled(rule.params["pattern"]).finditer(page.source):
        c = credit.fullmatch(regex.sub(r"\s+", "", m.group("body")))
        if c is None or not _names_and_pieces(c.group("rest"), piece, names):
            continue
        repl += [(m.start("gap"), m.end("gap"), rule.params["open_to"]),
                 (m.start("close"), m.end("close"), rule.params["close_to"])]
    return _replacements(page, rule, repl)


def _names_and_pieces(text: str, piece: regex.Pattern, names: Rule) -> bool:
    """Whether ``text`` is a run of names (:func:`is_name`: a surname and one or two more) and ``piece``
    matches (roles, marks, 某地报道), names glued with no blank between them too."""
    from .lines import is_name

    ok = [False] * (len(text) + 1)
    ok[len(text)] = True
    for i in range(len(text) - 1, -1, -1):
        ok[i] = any(ok[j] and (is_name(text[i:j], names) or piece.fullmatch(text, i, j))
                    for j in range(i + 1, len(text) + 1))
    return ok[0]


_HAN_CHAR = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_BLANK_LINE = regex.compile(r"\n[ \t\u3000]*\n")


@functools.lru_cache(maxsize=4)
def lookalike_table(pairs: tuple[str, ...] = ()) -> dict[str, str]:
    """Each character's look-alikes: its nearest glyphs (``cleaner/lookalikes.txt``, made by
    ``benchmarks/lookalikes.py``), then the rule's own ``pairs`` (``"干千"``: OCR reads 千 as 干)."""
    from importlib.resources import files

    table: dict[str, str] = {}
    for line in files("cleaner").joinpath("lookalikes.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            c, _, near = line.partition("\t")
            table[c] = near
    for p in pairs:
        if len(p) == 2 and p[1] not in table.get(p[0], ""):
            table[p[0]] = table.get(p[0], "") + p[1]
    return table


@functools.lru_cache(maxsize=None)  # (one entry a look-alike rule: a run sees two or three)
def lookalike_candidates(pairs: tuple[str, ...], candidates: int) -> dict[str, str]:
    """Each character's candidates for a look-alike correction: the first ``candidates`` of its
    nearest glyphs, then every look-alike the rule's ``pairs`` give it. (The pairs are not cut
    with the glyphs: they are confusions the engine was seen making, and a character with a
    full row of glyphs would otherwise never get its own.)"""
    table = {c: near[:candidates] for c, near in lookalike_table(()).items()}
    for p in pairs:
        if len(p) == 2 and p[1] not in table.get(p[0], ""):
            table[p[0]] = table.get(p[0], "") + p[1]
    return table


def han_runs(text: str):
    """Runs of Han characters, blanks and line breaks inside a run passed over (OCR breaks a
    word across lines): (the run's characters, their offsets in ``text``)."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in regex.finditer(r"\p{Han}+|[^\p{Han}\s]+", text):
        if _HAN_CHAR.match(m.group()):
            chars.extend(m.group())
            offsets.extend(range(m.start(), m.end()))
        elif chars:
            yield "".join(chars), offsets
            chars, offsets = [], []
    if chars:
        yield "".join(chars), offsets


#: pages whose look-alike proposals are kept (per process): weighing every character against
#: the lexicon is most of the cost of an OCR page, and a fit of the layout weights
#: (``cleaner train``) cleans the same pages again for every weight it tries. Only pages of up
#: to PROPOSALS_CACHE_CHARS characters are kept, so the cache stays small in a corpus run
#: (a few MB), where a page is seen once.
PROPOSALS_CACHE = 256
PROPOSALS_CACHE_CHARS = 50_000


def lookalike_proposals(text: str, rule: Rule, lex) -> list[tuple[int, str, str, float, str, str]]:
    """Look-alike corrections the lexicon argues for: (offset, read, meant, gain, the words
    around as read, as meant). A character is weighed only where it belongs to no word of two
    characters or more around it (``window`` characters either side), and a look-alike only
    where it makes one; ``gain`` is how much likelier (natural log) the window reads with it."""
    p = rule.params
    args = (text, tuple(p["pairs"]), p["window"], p["candidates"], tuple(p["protect_patterns"]), lex)
    return list(_kept_proposals(*args) if len(text) <= PROPOSALS_CACHE_CHARS else _proposals(*args))


def _proposals(text: str, pairs: tuple, window: int, candidates: int, protect: tuple, lex) -> tuple:
    table = lookalike_candidates(pairs, candidates)
    protected = set()
    for pat in protect:
        for m in _compiled(pat).finditer(text):
            protected.update(range(m.start(), m.end()))
    out = []
    for run, offsets in han_runs(text):
        for i, x in enumerate(run):
            near = table.get(x)
            if not near or offsets[i] in protected:
                continue
            a, b = max(0, i - window), min(len(run), i + window + 1)
            win, j = run[a:b], i - a
            if lex.in_word(win, j):
                continue
            base = lex.score(win)
            best = None
            for y in near:
                alt = win[:j] + y + win[j + 1:]
                if lex.in_word(alt, j):
                    gain = lex.score(alt) - base
                    if best is None or gain > best[0]:
                        best = (gain, y, alt)
            if best is not None:
                out.append((offsets[i], x, best[1], best[0], win, best[2]))
    return tuple(out)


_kept_proposals = functools.lru_cache(maxsize=PROPOSALS_CACHE)(_proposals)


def lookalikes(page: Page, rule: Rule):
    """``升瘟`` → ``升温``: a character OCR mistook for a look-alike, corrected only where the
    lexicon makes the other reading far likelier (``margin``, natural log); a ``review``
    change with both readings and the evidence. Digits are never touched (a number cannot be
    told from its neighbours)."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    if lex is None:
        return [], [Change(rule.id, STAGE, "flag", (0, 0), "", "",
                           "look-alike corrections off: jieba (its dictionary) is not installed", rule.safety)]
    edits, changes = [], []
    for off, x, y, gain, win, alt in lookalike_proposals(page.source, rule, lex):
        if gain >= rule.params["margin"]:
            e = Edit(off, off + 1, y)
            edits.append(e)
            changes.append(Change(rule.id, STAGE, "replace", (off, off + 1), x, y,
                                  rule.describe(before=x, after=y, read=win, meant=alt, gain=f"{gain:.1f}"),
                                  rule.safety, (e,)))
    return edits, changes


def _echo_contexts(run: str, i: int, y: str) -> list[str]:
    """The three-character contexts of ``y`` read at ``i`` of ``run``: the two characters
    before it, one either side, the two after (those the run holds)."""
    left, right = run[max(0, i - 2):i], run[i + 1:i + 1 + 2]
    out = [left + y] if len(left) == 2 else []
    if left and right:
        out.append(left[-1] + y + right[0])
    if len(right) == 2:
        out.append(y + right)
    return out


def _best_echoed(win: str, j: int, candidates, p: dict, lex):
    """Of ``candidates`` ((a reading for ``win[j]``, how often the page echoes it), in order),
    the one echoed ``min_echo`` times or more that makes a word at ``j`` and reads the window
    ``margin`` (natural log) likelier, the most echoed first, then the likeliest: (echoes,
    gain, reading, window so read), or None."""
    best = None
    for y, n in candidates:
        if n < p["min_echo"]:
            continue
        alt = win[:j] + y + win[j + 1:]
        if not lex.in_word(alt, j):
            continue
        gain = lex.score(alt) - lex.score(win)
        if gain >= p["margin"] and (best is None or (n, gain) > best[:2]):
            best = (n, gain, y, alt)
    return best


def echo_proposals(text: str, rule: Rule, lookalike: Rule, lex) -> list[tuple[int, str, str, int, float, str, str]]:
    """Look-alike corrections the page's own words argue for: (offset, read, meant, echoes,
    gain, the words around as read, as meant). As :func:`lookalike_proposals` a character is
    weighed only where it makes no word of two characters or more around it and a look-alike
    of it (any of its nearest glyphs or the look-alike rule's ``pairs``) does; here the
    look-alike must also read, with a neighbour or two, as the page reads elsewhere (one of its
    three-character contexts found ``min_echo`` times or more in the page's Han text), the
    character as read in none of its contexts more often than ``max_read_echo`` times (itself),
    and the window must read at least ``margin`` (natural log) likelier under the lexicon."""
    p, q = rule.params, lookalike.params
    table = lookalike_table(tuple(q["pairs"]))
    protected = set()
    for pat in q["protect_patterns"]:
        for m in _compiled(pat).finditer(text):
            protected.update(range(m.start(), m.end()))
    runs = list(han_runs(text))
    joined = "|".join(r for r, _ in runs)  # (no context crosses from one run to the next)
    seen: dict[str, int] = {}
    for k in range(len(joined) - 2):
        g = joined[k:k + 2 + 1]
        seen[g] = seen.get(g, 0) + 1
    scope = set()
    for m in _compiled(p["scope_pattern"]).finditer(text):
        scope.update(range(m.start(), m.end()))
    window, out = q["window"], []
    for run, offsets in runs:
        for i, x in enumerate(run):
            near = table.get(x)
            if not near or offsets[i] in protected or offsets[i] not in scope:
                continue
            if max((seen.get(c, 0) for c in _echo_contexts(run, i, x)), default=0) > p["max_read_echo"]:
                continue
            a, b = max(0, i - window), min(len(run), i + window + 1)
            win, j = run[a:b], i - a
            if lex.in_word(win, j):
                continue
            best = _best_echoed(win, j, ((y, max((seen.get(c, 0) for c in _echo_contexts(run, i, y)), default=0))
                                         for y in near), p, lex)
            if best is not None:
                n, gain, y, alt = best
                out.append((offsets[i], x, y, n, gain, win, alt))
    return out


def page_echo(page: Page, rule: Rule):
    """``“士专家”带出致富路`` → ``“土专家”…`` where the text under it reads ``土专家``: a
    character OCR mistook for a look-alike, corrected where the page itself prints the other
    reading in the same context (:func:`echo_proposals`). A headline's large type and a
    story's body are read apart, so a slip in one is rarely repeated in the other, and the
    words of a headline come back in its text: the page is its own evidence where the
    lexicon alone (O007's margin) is not sure enough. A ``review`` change with both readings,
    the echoes and the gain."""
    return _echo_edits(page, rule, echo_proposals)


def _body_contexts(text: str, runs, scope, side: int, end_side: int):
    """What the page's text outside its headings reads around each character: the middle
    character between ``side`` characters either side, the character after ``end_side`` and
    before them, each counted; and the set of its strings of ``side + 1`` characters (the
    contexts :func:`_echo_contexts` reads). A heading's characters are left out, so a heading
    never vouches for its own reading, and no context crosses a blank line (the end of one
    block is no context of the next one's start)."""
    mid: dict[tuple[str, str], dict[str, int]] = {}
    after: dict[str, dict[str, int]] = {}
    before: dict[str, dict[str, int]] = {}
    grams: set[str] = set()
    for run, offsets in runs:
        marks = []
        for k, (c, o) in enumerate(zip(run, offsets)):
            mark = "|" if o in scope else c
            if k and "\n" in text[offsets[k - 1]:o] and _BLANK_LINE.search(text, offsets[k - 1], o):
                mark = "|" + mark
            marks.append(mark)
        for s in "".join(marks).split("|"):
            n = len(s)
            for k in range(n):
                c = s[k]
                if k + side < n:
                    grams.add(s[k:k + side + 1])
                if side <= k < n - side:
                    d = mid.setdefault((s[k - side:k], s[k + 1:k + 1 + side]), {})
                    d[c] = d.get(c, 0) + 1
                if k >= end_side:
                    d = after.setdefault(s[k - end_side:k], {})
                    d[c] = d.get(c, 0) + 1
                if k < n - end_side:
                    d = before.setdefault(s[k + 1:k + 1 + end_side], {})
                    d[c] = d.get(c, 0) + 1
    return mid, after, before, grams


def heading_echo_proposals(text: str, rule: Rule, lookalike: Rule, lex) -> list[tuple[int, str, str, int, float, str, str]]:
    """Corrections of a heading's characters that the text under it argues for, any
    character (not only a look-alike of the table): (offset, read, meant, echoes, gain, the
    words around as read, as meant). A heading character is weighed where it makes no word of
    two or more around it and none of its three-character contexts is read outside the
    headings; the text outside must read another character between the same two characters
    either side (or, for its last or first character, after the same three or before them) ``min_echo``
    times or more, that character must make a word there, and the window must read
    ``margin`` (natural log) likelier under the lexicon. The lexicon reads the heading as
    corrected so far."""
    p, q = rule.params, lookalike.params
    heading: dict[int, int] = {}  # offset -> which heading holds it
    for n, m in enumerate(_compiled(p["scope_pattern"]).finditer(text)):
        heading.update(dict.fromkeys(range(m.start(), m.end()), n))
    if not heading:
        return []
    protected = set()
    for pat in (*q["protect_patterns"], *p["protect_patterns"]):
        for m in _compiled(pat).finditer(text):
            protected.update(range(m.start(), m.end()))
    runs = list(han_runs(text))
    side, end_side = p["context"], p["end_context"]
    mid, after, before, grams = _body_contexts(text, runs, heading.keys(), side, end_side)
    window, out = q["window"], []
    firsts, lasts = {}, {}  # each heading's first and last Han character
    for run, offsets in runs:
        for o in offsets:
            n = heading.get(o)
            if n is not None:
                firsts.setdefault(n, o)
                lasts[n] = o
    for run, offsets in runs:
        # a heading's Han characters, one stretch of the run at a time (a stretch ends where
        # the run leaves the heading or passes into the next one)
        stretches, cur, held = [], [], None
        for k, o in enumerate(offsets):
            n = heading.get(o)
            if cur and (n != held or k != cur[-1] + 1):
                stretches.append(cur)
                cur = []
            if n is not None:
                cur.append(k)
            held = n
        if cur:
            stretches.append(cur)
        for ks in stretches:
            n_head = heading[offsets[ks[0]]]
            h = [run[k] for k in ks]
            for i, k in enumerate(ks):
                x = h[i]
                if offsets[k] in protected:
                    continue
                cur_h = "".join(h)
                if any(c in grams for c in _echo_contexts(cur_h, i, x)):
                    continue
                votes: dict[str, int] = {}
                sources = []
                if i >= side and i + side < len(h):
                    sources.append(mid.get((cur_h[i - side:i], cur_h[i + 1:i + 1 + side]), {}))
                elif p["ends"] and len(h) >= p["ends_min_len"]:  # (a heading's ends: one side is all there is)
                    if i == len(h) - 1 and offsets[k] == lasts[n_head]:
                        sources.append(after.get(cur_h[i - end_side:i], {}))
                    elif not i and offsets[k] == firsts[n_head]:
                        sources.append(before.get(cur_h[i + 1:i + 1 + end_side], {}))
                for d in sources:
                    for y, n in d.items():
                        if y != x:
                            votes[y] = votes.get(y, 0) + n
                if not votes:
                    continue
                # the lexicon reads the run around, the heading as corrected so far
                line = run[:ks[0]] + cur_h + run[ks[-1] + 1:]
                at = ks[0] + i
                a, b = max(0, at - window), min(len(line), at + window + 1)
                win, j = line[a:b], at - a
                if lex.in_word(win, j):
                    continue
                best = _best_echoed(win, j, votes.items(), p, lex)
                if best is not None:
                    n, gain, y, alt = best
                    h[i] = y
                    out.append((offsets[k], x, y, n, gain, win, alt))
    return out


def heading_echo(page: Page, rule: Rule):
    """``边境口峡通关提速`` → ``边境口岸通关提速`` where the text under it reads ``边境口岸``: a
    headline's slip corrected where the page prints the same words with another character in
    its place (:func:`heading_echo_proposals`). Display type is read apart from the text and
    worse (fake bold, large strokes), and its slips are often no look-alike of any table (峡
    for 岸), but a headline's words come back in its story: five characters of which four
    agree are the page's own evidence. A ``review`` change with both readings, the echoes and
    the gain."""
    return _echo_edits(page, rule, heading_echo_proposals)


def _echo_edits(page: Page, rule: Rule, propose):
    """The edits and ``review`` changes of an echo rule (O022, O039): ``propose(text, rule,
    the look-alike rule its ``lookalike_rule`` names, lexicon)`` gives (offset, read, meant,
    echoes, gain, window as read, as meant); nothing without jieba or that rule."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    ref = rule.params["lookalike_rule"]
    if lex is None or ref not in page.rules:
        return [], []
    return _char_fixes(rule, propose(page.source, rule, page.rules[ref], lex), "echoes")


def _char_fixes(rule: Rule, proposals, counted: str):
    """One character replaced per proposal (offset, read, meant, count, gain, window as read,
    as meant): the edits and their ``review`` changes, the count named ``counted`` in the
    rule's message (O022 and O039 count echoes, O056 agreeing characters)."""
    edits, changes = [], []
    for off, x, y, n, gain, win, alt in proposals:
        e = Edit(off, off + 1, y)
        edits.append(e)
        changes.append(Change(rule.id, STAGE, "replace", (off, off + 1), x, y,
                              rule.describe(before=x, after=y, read=win, meant=alt, gain=f"{gain:.1f}", **{counted: n}),
                              rule.safety, (e,)))
    return edits, changes


def _body_runs(text: str, spans: list[tuple[int, int]]) -> str:
    """The page's text outside its headings (``spans``), blanks and line breaks taken out, a
    ``|`` where a heading stood: what the headings' echoes are looked for in."""
    pieces, at = [], 0
    for a, b in spans:
        pieces.append(text[at:a])
        at = b
    pieces.append(text[at:])
    return regex.sub(r"\s+", "", "|".join(pieces))


def _places(body: str, s: str) -> list[int]:
    """Where ``s`` stands in ``body``, a NUL in it standing for any one character but ``|``."""
    if "\0" not in s:
        out, k = [], body.find(s)
        while k >= 0:
            out.append(k)
            k = body.find(s, k + 1)
        return out
    a, b = s.split("\0")
    return [m.start() for m in regex.finditer(regex.escape(a) + "[^|]" + regex.escape(b), body, overlapped=True)]


def _agreement(run: str, i: int, body: str, k: int, reach: int) -> tuple[int, int]:
    """How many characters before ``run[i]`` and after it read as those around ``body[k]``
    (at most ``reach`` either side): letters and figures count, a mark read the same is passed
    over (a quotation mark says nothing of the words: 加速跑” is no slip of 加速度”)."""
    left = right = 0
    a, b = i - 1, k - 1
    while left < reach and a >= 0 and b >= 0 and body[b] == run[a]:
        left += run[a].isalnum()
        a, b = a - 1, b - 1
    a, b = i + 1, k + 1
    while right < reach and a < len(run) and b < len(body) and body[b] == run[a]:
        right += run[a].isalnum()
        a, b = a + 1, b + 1
    return left, right


def heading_run_echo_proposals(text: str, rule: Rule, echo: Rule, lookalike: Rule, lex):
    """Corrections of a heading's characters that the text outside the headings argues for
    with one character either side (O039, ``echo``, asks for two): (offset, read, meant,
    agreeing characters, gain, window as read, as meant). A heading character is weighed where
    it makes no word (the look-alike rule's ``window``) and neither pair it makes with a
    neighbour is read anywhere outside the headings (a character the text prints so is no
    slip). The text outside must read another character where the heading's neighbours agree
    with its own, at least one on each side and ``min_agree`` in all (at the heading's last
    character, where one side is all there is, the ``end_agree`` characters before it; a
    heading's first character is often a word of its own, 让 以 为, that no text echoes).
    Letters and figures count, a mark read the same is passed over (:func:`_agreement`). The
    most
    agreeing reading, which must make a word, is taken where the window reads ``margin``
    (natural log) likelier under the lexicon. The rule's ``protect_patterns`` are left too (a
    caption: text type, read as well as the text under it)."""
    p = rule.params
    heads = list(_compiled(echo.params["scope_pattern"]).finditer(text))
    if not heads:
        return []
    body = _body_runs(text, [m.span() for m in heads])
    window, reach, out = lookalike.params["window"], p["reach"], []
    for m in heads:
        # the heading's characters, blanks and line breaks passed over: a figure or a mark
        # agrees as well as a Han character (12.6万己 where the text reads 12.6万户)
        offsets = [k for k, c in enumerate(m.group()) if not c.isspace()]
        run = "".join(m.group()[k] for k in offsets)
        last = len(run) - 1
        for i, x in enumerate(run):
            if not _HAN_CHAR.match(x):
                continue
            a, b = max(0, i - window), min(len(run), i + window + 1)
            win, j = run[a:b], i - a
            if lex.in_word(win, j) or (i and run[i - 1:i + 1] in body) or (i < last and run[i:i + 2] in body):
                continue
            # where the text reads another character between the same two neighbours, or
            # (the heading's last character) after the same end_agree characters
            if 0 < i < last:
                ks = [k + 1 for k in _places(body, run[i - 1] + "\0" + run[i + 1])]
            elif i == last and i >= p["end_agree"]:
                ks = [k + p["end_agree"] for k in _places(body, run[i - p["end_agree"]:i])]
            else:
                continue
            best = None
            for k in ks:
                if k >= len(body) or body[k] == x or not _HAN_CHAR.match(body[k]):
                    continue
                left, right = _agreement(run, i, body, k, reach)
                if left + right < p["min_agree"] or (i < last and not right):
                    continue
                y = body[k]
                alt = win[:j] + y + win[j + 1:]
                if not lex.in_word(alt, j):
                    continue
                gain = lex.score(alt) - lex.score(win)
                if gain >= p["margin"] and (best is None or (left + right, gain) > best[:2]):
                    best = (left + right, gain, y, alt)
            if best is not None:
                n, gain, y, alt = best
                out.append((m.start() + offsets[i], x, y, n, gain, win, alt))
    if out:  # (the protected places looked for only on a page with a proposal: most have none)
        protected = set()
        for pat in (*lookalike.params["protect_patterns"], *echo.params["protect_patterns"], *p["protect_patterns"]):
            for m in _compiled(pat).finditer(text):
                protected.update(range(m.start(), m.end()))
        out = [c for c in out if c[0] not in protected]
    return out


def heading_run_echo(page: Page, rule: Rule):
    """``让文旅消费热度持续升瘟`` → ``…持续升温`` where the text reads ``热度持续升温``: a
    headline's slip corrected on the page's own words with one agreeing character on a side
    (:func:`heading_run_echo_proposals`), where O039 (``echo_rule``) wants two: Tesseract's
    slips in display type come at a heading's end (升瘟) or two characters apart (黄阔退去),
    where two agreeing on each side are rare. A ``review`` change with both readings, the
    agreeing characters and the gain."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    echo = page.rules[rule.params["echo_rule"]] if rule.params["echo_rule"] in page.rules else None
    if lex is None or echo is None or echo.params["lookalike_rule"] not in page.rules:
        return [], []
    lookalike = page.rules[echo.params["lookalike_rule"]]
    return _char_fixes(rule, heading_run_echo_proposals(page.source, rule, echo, lookalike, lex), "agree")


def flags(page: Page, rule: Rule):
    """Places a person should look at and the cleaner must not guess: a ``%`` with a stray
    digit (``59%`` for ``5%``, ``%6``) cannot be told from a real number by the text alone."""
    pat = _compiled(rule.params["pattern"])
    return [], flag_matches(STAGE, rule, pat.finditer(page.source), lambda m: {"text": m.group()})


def nested_quotes(page: Page, rule: Rule):
    """``“过去是“内陆腹地”，现在是“开放前沿”。”`` → ``“过去是‘内陆腹地’，现在是‘开放前沿’。”``:
    Tesseract reads the single quotation marks of a quote inside a quote as double ones. The
    marks are paired as they nest, the pairing begun again at each ``reset_pattern`` (a blank
    line; a round closer: ``县“市)`` is a misread bracket, not a quote). A pair opened inside
    another becomes ``open_to`` … ``close_to`` only where the quote around it is closed later
    (a lost closer would otherwise pair the wrong marks), the quote around it reads on from its
    opener to the pair's with none of ``outer_stops`` (a sentence's end: a quote left open by a
    lost closer runs on past one) and what the pair holds is a term, not a sentence: at most
    ``max_inside`` characters, blanks and breaks aside, none of ``inside_stops``."""
    src = page.source
    inside_stops = _compiled("[" + regex.escape(rule.params["inside_stops"]) + "]")
    outer_stops = _compiled("[" + regex.escape(rule.params["outer_stops"]) + "]")
    opener, closer = rule.params["opener"], rule.params["closer"]
    repl = []
    stack: list[tuple[int, list]] = []  # an open mark, the inner pairs found in its quote
    pat = _compiled("[" + regex.escape(opener + closer) + "]|" + rule.params["reset_pattern"])
    for m in pat.finditer(src):
        c = m.group()
        if c == opener:
            stack.append((m.start(), []))
        elif c == closer:
            if not stack:
                continue
            o, inner = stack.pop()
            if stack:
                body = regex.sub(r"\s+", "", src[o + 1:m.start()])
                if 0 < len(body) <= rule.params["max_inside"] and not inside_stops.search(body) and not inner \
                        and not outer_stops.search(src, stack[-1][0] + 1, o):
                    stack[-1][1].append((o, m.start()))
            else:
                for a, b in inner:
                    repl += [(a, a + 1, rule.params["open_to"]), (b, b + 1, rule.params["close_to"])]
        else:
            stack = []
    return source_replacements(page, STAGE, rule, sorted(repl), lambda b, a: rule.describe(before=b, after=a))


def lost_closer(page: Page, rule: Rule):
    """``机。“窗口期只有几个小时，必须抢时间。`` + a blank line → ``…必须抢时间。”``: Tesseract
    loses a closing quotation mark (a thin glyph at a line's end), most often the last one of a
    paragraph, where a quote closes on the paragraph's last sentence. A block (blank lines part
    them) whose last quotation mark is an ``opener`` gets the ``closer`` after its end where
    the quote is one sentence that ends the block: opened right after a sentence's end or a
    colon inside the block (``after_pattern``: a quote at a block's start may be a pull quote
    or a paragraph the engine broke, whose closer is elsewhere), no other of ``ends`` in it,
    the last of them ending the block, as many openers as closers besides it, and no
    attribution (``said_pattern``: ``“县医保局负责人说。`` is a closer read as an opener).
    Not where the next block goes on with the quote: its first quotation mark a closer (a
    paragraph the engine broke over a blank line) or an opener first thing in it (a quote of
    several paragraphs opens each and closes only the last)."""
    src = page.source
    opener, closer, ends = rule.params["opener"], rule.params["closer"], rule.params["ends"]
    marks = _compiled("[" + regex.escape(opener + closer) + "]")
    after, said = _compiled(rule.params["after_pattern"]), _compiled(rule.params["said_pattern"])
    blocks = [(m.start(), m.end()) for m in _compiled(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*").finditer(src)]
    repl = []
    for k, (a, b) in enumerate(blocks):
        text = src[a:b].rstrip()
        r = text.rfind(opener)
        if not text or text[-1] not in ends or r <= text.rfind(closer) \
                or text.count(opener) != text.count(closer) + 1 or not after.search(text[:r].rstrip()) \
                or any(c in ends for c in text[r:-1]) or said.search(text, r + 1):
            continue
        if k + 1 < len(blocks):
            nxt = src[blocks[k + 1][0]:blocks[k + 1][1]]
            first = marks.search(nxt)
            if first is not None and (first.group() == closer or not nxt[:first.start()].strip()):
                continue
        end = a + len(text)
        repl.append((end, end, closer))
    return _replacements(page, rule, repl)


def stray_chars(page: Page, rule: Rule):
    """``前不和久`` → ``前不久``, ``民和警`` → ``民警``: a character Tesseract sets for a speck
    of ink or a break in a glyph (``chars``: 和 and 人 most often), taken out where it makes no
    word of two characters or more with its neighbours (``window`` either side, line breaks
    passed over), the characters either side of it join into one once it is out, and the
    lexicon reads the window at least ``margin`` (natural log) likelier without it. A
    ``review`` change with both readings and the gain: a character that stood is a real
    word more often than not, so the margin is wide."""
    from ..lexicon import MAX_WORD, default_lexicon

    lex = default_lexicon()
    if lex is None:
        return [], []
    chars, window, logp = rule.params["chars"], rule.params["window"], lex.logp
    edits, changes = [], []
    for run, offsets in han_runs(page.source):
        for m in _compiled("[" + regex.escape(chars) + "]").finditer(run):
            i = m.start()
            a, b = max(0, i - window), min(len(run), i + window + 1)
            win, j = run[a:b], i - a
            if j == 0 or j == len(win) - 1 or lex.in_word(win, j):
                continue
            alt = win[:j] + win[j + 1:]
            if not any(alt[s:e] in logp for s in range(max(0, j - MAX_WORD + 1), j)  # (a word over the gap)
                       for e in range(max(j + 1, s + 2), min(len(alt), s + MAX_WORD) + 1)):
                continue
            gain = lex.score(alt) - lex.score(win)
            if gain < rule.params["margin"]:
                continue
            off = offsets[i]
            e = Edit(off, off + 1, "")
            edits.append(e)
            changes.append(Change(rule.id, STAGE, "delete", (off, off + 1), run[i], "",
                                  rule.describe(before=run[i], read=win, meant=alt, gain=f"{gain:.1f}"),
                                  rule.safety, (e,)))
    return edits, changes


def lone_dash(page: Page, rule: Rule):
    """``职业教育点亮出彩人生 / 一走访湖滨职业技术学院`` → ``——走访…``: a subtitle's dash
    (two em dashes) read as one 一, on a heading's line of its own (``pattern``: group ``prev``
    the heading over it, ``dash`` the 一, ``rest`` what follows). A title may open with 一 as
    well (一片茶叶富了一方百姓, 一季度全市…), where 一 reads on with what follows (一片, 一季度)
    or with the line above (…一套统 / 一的…: 统一); only where the lexicon reads neither
    (``reach`` characters either side, run together reading more than ``cut_gain`` natural log
    likelier than apart; 一大河县: 一大 is a word, but 大河县 reads as well without the 一) is
    the 一 a dash. Without the lexicon, nothing."""
    from ..lexicon import default_lexicon

    lex = default_lexicon()
    if lex is None:
        return [], []
    reach, gain, repl = rule.params["reach"], rule.params["cut_gain"], []
    for m in _compiled(rule.params["pattern"]).finditer(page.source):
        dash, rest = m.group("dash"), m.group("rest")
        if lex.cut_gain(dash, rest[:reach]) > gain or lex.cut_gain(m.group("prev").rstrip()[-reach:], (dash + rest)[:reach]) > gain:
            continue
        repl.append((m.start("dash"), m.end("dash"), rule.params["to"]))
    return source_replacements(page, STAGE, rule, repl, lambda b, a: rule.describe(before=b, after=a))


REGISTRY = {
    "lone_dash": lone_dash,
    "detect_ocr": detect,
    "punct_width": punct_width,
    "bracket_pairs": bracket_pairs,
    "pattern_repair": pattern_repair,
    "ornament_debris": ornament_debris,
    "ornament_name": ornament_name,
    "credit_specks": credit_specks,
    "outlet_confusions": outlet_confusions,
    "credit_closer": credit_closer,
    "pattern_insert": pattern_insert,
    "lost_opener": lost_opener,
    "flags": flags,
    "lookalikes": lookalikes,
    "page_echo": page_echo,
    "heading_echo": heading_echo,
    "heading_run_echo": heading_run_echo,
    "nested_quotes": nested_quotes,
    "stray_chars": stray_chars,
    "lost_closer": lost_closer,
}


def _taken(page: Page) -> tuple[set[int], dict[int, str]]:
    """Source positions an earlier stage's edits changed, and apart from them the ASCII marks
    an earlier stage only widened (``:`` → ``：`` between Han characters, as a text layer
    wants): an OCR rule may read such a mark as another one (``中青报:中青网`` is the middle
    dot, not a colon), with the widened form as the position's text."""
    out: set[int] = set()
    widened: dict[int, str] = {}
    for e in page.overlay.edits:
        was = page.source[e.start:e.end]
        if len(was) == 1 and was.isascii() and not was.isalnum() and e.text != was \
                and unicodedata.normalize("NFKC", e.text) == was:
            widened[e.start] = e.text
        else:
            out.update(range(e.start, max(e.end, e.start + 1)))
    return out, widened


def run(page: Page) -> Page:
    mode = page.rules.option("extractor", "auto")
    rules = [r for r in page.rules.for_stage(STAGE) if r.enabled]
    if mode not in ("auto", "ocr") or not rules:
        return page
    changes = []
    detector = next((r for r in rules if r.check == "detect_ocr"), None)
    if mode == "auto":
        if detector is None:
            return page
        _, changes = detect(page, detector)
        if not changes:
            return page
    edits: list = []
    taken, widened = _taken(page)
    for rule in rules:
        if rule.check == "detect_ocr":
            continue
        e, c = REGISTRY[rule.check](page, rule)
        if not e:
            changes.extend(c)
            continue
        for ed, ch in zip(e, c):
            span = range(ed.start, max(ed.end, ed.start + 1))
            if any(p in taken for p in span) or (ed.end > ed.start and ed.text == "".join(
                    widened.get(p, "\0") for p in span)):  # (the widened mark as it stands)
                continue
            taken.update(span)
            edits.append(ed)
            changes.append(ch)
    edits.sort(key=lambda e: (e.start, e.end))
    layout = replace(page.layout, ocr=True)
    # the layout stages after this one weigh their cues with the weights fitted on OCR text
    return page.evolve(overlay=page.overlay.apply(edits) if edits else page.overlay, layout=layout,
                       rules=page.rules.on_ocr(), changes=page.changes + tuple(changes))
