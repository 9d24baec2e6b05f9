"""Stage 2, lines: split the page into printed lines and measure each one in ems.

Extractors end lines with ``\\n``, ``\\r\\n`` or ``\\r`` (and now and then U+2028/U+2029;
pdftotext puts a form feed between pages): the line ends of ``str.splitlines``. Many put a
blank line after every printed line. A line here is the span of its text
without the surrounding blanks; the number of blank lines before it is kept as a layout cue
(blocks pasted in from another text layer often come without them).
"""

from __future__ import annotations

import re
from itertools import accumulate, compress

from ..chars import CLOSERS, HAN, ORNAMENTS, ends_sentence, han_count, opens_bracket, quote_balance, width
from ..model import _NEWLINE, Change, Line, Page, new_line, replace, source_offset
from ..rules import Rule, pattern, search, search_any
from . import columns, interleave, ocr_rows
from ._common import dateline_at
from .dedouble import parse_doubling

STAGE = "lines"



def run(page: Page) -> Page:
    lines = []
    src = page.source
    overlay = page.overlay
    starts = [ed.start for ed in overlay.edits]
    n_edits = len(starts)
    ei = 0  # the first edit starting at or after the current line (lines come in order)
    # str.splitlines breaks at exactly the line ends above; each piece keeps its end, and
    # strip() removes it with the blanks (the same Unicode whitespace as the regex \s)
    pieces = src.splitlines(True)
    # where every source line starts, blank ones too (Page.line_no's table), and where the
    # text ends; and each line without its blanks: in C, for the blank lines too (about half
    # the lines of a page whose extractor puts a blank line after every line)
    starts_of_all = [0, *accumulate(map(len, pieces))]
    pos = starts_of_all.pop()
    contents = list(map(str.strip, pieces))
    last = -1  # the last piece that made a line: the pieces since then were blank
    for k in compress(range(len(pieces)), contents):
        piece, content, start = pieces[k], contents[k], starts_of_all[k]
        s = start + len(piece) - len(piece.lstrip())
        e = s + len(content)
        while ei < n_edits and starts[ei] < s:
            ei += 1
        if ei == n_edits or starts[ei] > e:  # no edit in the line: its text is the source's
            lines.append(new_line((len(lines), s, e, content, width(content), k - last - 1)))
            last = k
            continue
        text = overlay.render(s, e)
        stripped = text.strip()
        if not stripped:  # only invisible characters that normalise deleted (a blank line too)
            continue
        if stripped != text:  # trim blanks the edits exposed at either end
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            while lead and s < e and overlay.render(s, s + 1).strip() == "":
                s += 1
                lead -= 1
            while trail and e > s and overlay.render(e - 1, e).strip() == "":
                e -= 1
                trail -= 1
            text = overlay.render(s, e)
        lines.append(new_line((len(lines), s, e, text, width(text), k - last - 1)))
        last = k
    if not src or _NEWLINE.match(src[-1]):
        starts_of_all.append(pos)  # an empty last line after the last line break
    page = page.evolve(layout=replace(page.layout, line_starts=tuple(starts_of_all)))
    changes = []
    extractor = page.rules.option("extractor", "auto")
    if page.rules.enabled("C003") and page.layout.ocr and page.layout.geometry is None:
        # rows an OCR engine read across the columns: only on OCR output (detected or said);
        # a page read so is no page of pdftotext -layout's (C001) nor read across (C002)
        lines, changes, deleted = ocr_rows.split(page, lines)
        if deleted:
            page = page.evolve(overlay=page.overlay.apply(deleted))
    if page.rules.enabled("C001") and extractor in ("auto", "layout") and page.layout.geometry is None \
            and not changes:
        lines, changes = columns.split(page, lines, forced=extractor == "layout")
    if page.rules.enabled("C002") and extractor in ("auto", "pdfminer", "pdftotext") and page.layout.geometry is None \
            and not changes and not page.layout.ocr:
        # (a page read side by side is no page read across; an OCR engine, whose text ends its
        # pages with a form feed too, reads a page by the blocks it finds, not across them)
        lines, more = interleave.split(page, lines, forced=extractor != "auto")
        changes += more
    if page.rules.enabled("T001"):
        lines, more = _split_bylines(page, page.rules["T001"], lines)
        changes += more
    return page.evolve(lines=tuple(lines), changes=page.changes + tuple(changes))


def split_point(text: str, rule: Rule) -> int | None:
    """Where a byline set on the same line as a headline ends, or None.

    ``◎本报记者 廖春浩 抢抓农时 各地做好春耕备耕`` splits after the last name; with no blank
    between (``◎本报记者 雷桂立丁薛祥…``) the doubled headline run marks the boundary. The byline
    may open with any outlet's name (``经济日报记者 王五 赵六 抢抓农时``) and go on with a later
    role and its names (``later_role_pattern``: ``光明日报记者 X Y 光明日报通讯员 Z`` is one byline).

    >>> from cleaner.rules import default_rules
    >>> r = default_rules()["T001"]
    >>> t = "◎本报记者 廖春浩 抢抓农时抢抓农时"
    >>> t[:split_point(t, r)]
    '◎本报记者 廖春浩 '
    """
    m = search(rule.params["byline_pattern"], text)
    if not m:
        return None
    pos = m.end()
    name = rule.params["name_pattern"]
    rest_min = rule.params["min_rest"]
    names = 0
    while True:
        nm = search("^\\s*(?:" + name + ")(?=\\s|$)", text[pos:])
        if not nm:
            break
        rest = text[pos + nm.end():].strip()
        if len(rest) >= rest_min and len(nm.group().strip()) > 4:
            break
        pos += nm.end()
        names += 1
        kw = search(rule.params["later_role_pattern"], text[pos:])
        if kw:
            pos += kw.end()
    rest = text[pos:]
    if names and rest.strip() and m.group().lstrip(ORNAMENTS + " \u3000").startswith(rest.strip()):
        return None  # (the byline's own outlet again, its later role cut off by the line's end:
        #              光明日报记者 X Y 光明日报 / 通讯员 Z is one byline broken over two lines)
    if names and len(rest.strip()) >= rest_min and rest[:1].isspace():
        return pos + len(rest) - len(rest.lstrip())
    # no blank: the longest name-length prefix after which the rest reads as doubled runs
    glued = search("^\\s*[\\p{Han}·]{6,}", rest)
    if glued:
        lead = len(rest) - len(rest.lstrip())
        best = None
        for n in (2, 3, 4):
            tail = rest[lead + n:]
            covered, seconds = parse_doubling(tail)
            share = covered / max(1, len(tail.replace(" ", "")))
            if len(tail) >= 2 * rest_min and seconds and share >= rule.params["doubled_share"] \
                    and (best is None or share > best[0]):
                best = (share, pos + lead + n)
        if best:
            return best[1]
    return None


def trailing_point(text: str, rule: Rule, rules=None, bylines: list | tuple = (), before: str = "",
                   heads: str = "") -> int | None:
    """Where a byline set after a headline on its line starts, or None: the headline, blanks
    or an ornament, then a byline to the end of the line (``警惕“指尖上的形式主义” ▲本报评论员
    钟波``). The part before must read as a headline: ``min_rest`` characters or more, Han
    among them (``◎YMG 全媒体记者 X`` is one byline, its brand set apart by a blank), no
    sentence closed, and no whole dateline (of the dateline rule L005 in ``rules``; in
    ``本报济南10月16日讯　记者从省统计局获悉`` the text goes on after the dateline), nor the end of
    one begun on the line before (``before``: 据新华社呼和浩特11 / 月12日电　记者从…). The byline is
    T001's ``trailing_pattern`` or, after a blank or an ornament, any form of the byline rule
    (``bylines``: L004's patterns). ``heads``: the page's lines, one a line, each without its
    ornament (:func:`_outlet_as_printed`).

    >>> from cleaner.rules import default_rules
    >>> r = default_rules()["T001"]
    >>> t = "以消费升级带动内需扩大 ○本报评论员"
    >>> t[trailing_point(t, r):]
    '○本报评论员'
    >>> t = "智能制造智能制造““加速跑加速跑””本报记者 唐娜佳"
    >>> t[trailing_point(t, r):], trailing_point("奥蒂诺在接受本报记者采访", r)
    ('本报记者 唐娜佳', None)
    """
    m = search(rule.params["trailing_pattern"], text)
    start = m.start() if m else _trailing_byline(text, bylines, rule.params["min_rest"])
    if start is not None and bylines:
        longest = rules["L004"].params["max_length"] if rules is not None and "L004" in rules else len(text)
        start = _run_on_start(text, start, bylines, rule.params["doubled_share"], longest)
    run_on = _plain_run_on(text, start, rule, heads)
    if run_on is not None:
        start = run_on
    if start is None:
        return None
    named = _names_start(text, start, rule)
    if named != start:
        run_on = named if run_on == start else run_on
        start = named
    head = text[:start].rstrip()
    if len(head) < rule.params["min_rest"] or ends_sentence(head) or not han_count(head) \
            or search(rule.params["byline_pattern"], head) \
            or opens_bracket(head) or quote_balance(head) < 0 \
            or (quote_balance(head) > 0 and text[start:].lstrip()[:1] not in ORNAMENTS
                and not (start and text[start - 1].isspace() or text[start].isspace())):
        # (a byline of several roles; a dateline's open bracket, or its end: …X）记者从…; a
        # quotation left open, unless an ornament or a blank sets the byline apart: a headline
        # broken inside its quotation, the byline drawn between its lines, 警惕“指尖上的
        # ◎本报评论员 X / 形式主义”)
        return None
    whole = search_any(bylines, head) if bylines else None
    if whole and whole.start() == 0 and whole.end() == len(head):
        return None  # the part before is a byline itself (光明日报记者 X Y 光明日报通讯员 Z): one byline
    if rules is not None:
        for whole in (head, before.strip() + head):
            d = dateline_at(rules, whole)
            if d is not None and not whole[d.end():].strip():
                return None
    before = text[start - 1] if start else ""  # (a form of L004 found after a blank starts past it)
    if start != run_on and not (text[start].isspace() or before.isspace() or text[start] in ORNAMENTS or before in ORNAMENTS
            or before in CLOSERS or text.startswith(WORDS_BY, start)) \
            and parse_doubling(head)[0] < len(head) * rule.params["doubled_share"]:
        # no blank or ornament before the byline: only after a headline drawn twice (fake
        # bold), which no prose line is (…在接受本报记者采访 is prose)
        return None
    return start + len(text[start:]) - len(text[start:].lstrip())


def is_name(word: str, rule: Rule) -> bool:
    """``word`` reads as a Chinese name by T001's surname lexicon (``surnames``, one character
    each, and ``compound_surnames``): a surname and one or two characters, or a compound
    surname and one or two; a name with a middle dot (a minority's or a foreigner's, 买买提·艾力)
    always.

    >>> from cleaner.rules import default_rules
    >>> r = default_rules()["T001"]
    >>> is_name("苏海凯", r), is_name("欧阳文", r), is_name("首演", r), is_name("次杜思", r)
    (True, True, False, False)
    """
    if _DOTTED_NAME.fullmatch(word):
        return True
    if _HAN_WORD.fullmatch(word) is None or "·" in word:
        return False
    p = rule.params
    return (2 <= len(word) <= 3 and word[0] in p.get("surnames", "")) or \
        (3 <= len(word) <= 4 and word[:2] in p.get("compound_surnames", ()))


def _names_start(text: str, start: int, rule: Rule) -> int:
    """Where the names of a byline that opens with them (X Y/某地报道, X、Y（某报记者）) start,
    the forms having found the byline at ``start``: a byline's names are names, so a first word
    that is no name by the surname lexicon (:func:`is_name`) while the word after it is one, is
    the headline's end (新编越剧《钱塘月》首演 苏海凯 邱琳琳/无锡报道: 首演, two to four characters
    set apart by a blank; …万人次杜思、万洋晓（某报记者）: of three characters glued to the headline,
    次杜思 is no name and 杜思 is, the first name taken as three characters by the run-on form).
    A byline that opens with an ornament, a role or an outlet is left as found.

    >>> from cleaner.rules import default_rules
    >>> r = default_rules()["T001"]
    >>> t = "新编越剧《钱塘月》首演 苏海凯 邱琳琳/无锡报道"
    >>> t[_names_start(t, t.index("首演"), r):]
    '苏海凯 邱琳琳/无锡报道'
    """
    if not rule.params.get("surnames"):
        return start
    m = _HAN_WORD.match(text, start)
    if m is None or _ROLE_IN.search(m.group()) or m.group().endswith(_OUTLET_ENDS):
        return start
    word, after = m.group(), text[m.end():]
    if 2 <= len(word) <= 4 and after[:1].isspace() and not is_name(word, rule):
        nxt = _HAN_WORD.match(after.lstrip())
        if nxt and is_name(nxt.group(), rule):
            return m.end() + len(after) - len(after.lstrip())
    if len(word) == 3 and after[:1] in _AFTER_NAME and not is_name(word, rule) and is_name(word[1:], rule):
        return start + 1
    return start


#: marks a headline's number ends in (…增长5.6%某报记者 X)
_UNIT_MARKS = "%％‰℃"
#: a word of Han characters (a name, or the headline's last word before one)
_HAN_WORD = re.compile(f"[{HAN}·]+")
#: a name with a middle dot: a few Han characters on both sides of it (买买提·艾力, 阿卜杜勒·阿齐兹;
#: not a line of prose that ends in one, 驻西 / 津代表托马斯·贝克尔: a transliterated given name, the
#: first part, has at most four characters)
_DOTTED_NAME = re.compile(f"[{HAN}]{{1,4}}(?:·[{HAN}]{{1,5}})+")
#: what follows a byline's first name: a blank, 、, its role in brackets, a slash before the place
_AFTER_NAME = (" ", "\u3000", "、", "（", "(", "/", "／")


def _plain_run_on(text: str, start: int | None, rule: Rule, heads: str = "") -> int | None:
    """Where a byline run onto a plain headline starts (T001's ``runon_pattern``: an outlet's
    name, a role and names set as a byline sets them, to the line's end), or None: where no
    byline was found (``start`` None: 合理膳食从一日三餐做起新京报记者 王军 陆瑞亮), or where the one
    found by its forms starts where this one does (让“诗和远方”走得更近本报记者 X: no blank before
    it, but a byline's blank after its role), or opens with ``runon_move_min`` characters or more of Han text before this
    one's outlet, which are the headline's (…“一老一小”开展专题协商川观新闻记者 X Y: the form's
    outlet took the headline's end). The outlet's first character is where the page prints the
    outlet elsewhere (:func:`_outlet_as_printed`). Whether the text before it reads as a
    headline, :func:`trailing_point` decides.

    >>> from cleaner.rules import default_rules
    >>> r = default_rules()["T001"]
    >>> t = "合理膳食从一日三餐做起新京报记者 王军 陆瑞亮"
    >>> t[_plain_run_on(t, None, r):]
    '新京报记者 王军 陆瑞亮'
    """
    m = search(rule.params["runon_pattern"], text)
    if m is None or m.start() == 0:
        return None
    head = text[:m.start()].rstrip()
    words = head.split()
    if not words or len(words[-1]) < 2 or not (han_count(head[-1]) or head[-1] in CLOSERS or head[-1].isdigit()
                                                or head[-1] in _UNIT_MARKS) \
            or head.endswith(_OUTLET_ENDS):
        # (what precedes the byline is not a headline's end: a mark or a lone character, an
        # ornament an OCR engine misread (…留下来”@本报记者 X, …产值” 女YMG全媒体记者 X), or an
        # outlet's name whose joining mark was lost (中青报：中青网记者 X: one byline))
        return None
    at = _outlet_as_printed(text, m.start(), rule.params["min_rest"], heads)
    if start is None:
        return at
    if m.start() < start and _ROLE_IN.search(text[m.start():start]):
        return at  # (the byline found is the end of a longer one: …记者 X | 通讯员 Y)
    between = text[start:m.start()]
    if m.start() == start or m.start() - start >= rule.params["runon_move_min"] and han_count(between) == len(between):
        return at
    return None


def _outlet_as_printed(text: str, at: int, min_rest: int, heads: str) -> int:
    """Where the outlet of a byline run onto a plain headline starts, the runon pattern having
    found it at ``at`` (two characters and a paper's ending: 黑龙江日报 is read 龙江日报, 今晚报
    温今晚报). The page decides where it prints the outlet elsewhere at a line's start (another
    byline, a dateline: ``heads``, one line a line, ornaments off): the longest outlet the page
    prints so whose extra characters are Han and leave the headline ``min_rest`` characters or
    more, else the shortest one if the one found is printed nowhere; else ``at``."""
    if not heads:
        return at
    role = _ROLE_IN.search(text, at)
    if role is None:
        return at
    end = role.start()
    if end == at:
        return at
    joint = re.search("[·\\-－—]", text[at:end])  # (a paper and its app: the paper's name decides)
    end = at + joint.start() if joint else end
    if han_count(text[at:end]) != end - at:
        return at  # (not an outlet's name before its role: YMG全媒体记者, X（本报记者）)
    for k in range(min_rest, at):  # (the longest first: 黑龙江日报, not 龙江日报)
        if han_count(text[k:at]) == at - k and f"\n{text[k:end]}" in heads:
            return k
    shorter = text[at + 1:end]
    if f"\n{text[at:end]}" not in heads and f"\n{shorter}" in heads \
            and any(shorter.endswith(e) and len(shorter) > len(e) for e in _OUTLET_ENDS):
        return at + 1  # (one character and a paper's ending, 今晚报, not 温今晚报)
    return at


#: a role word: what the part of a byline before a later role holds
_ROLE_IN = re.compile("记者|記者|通讯员|通訊員|实习生|實習生")
#: the ends of an outlet's name: a headline run onto a byline does not end so (中青报 / 中青网记者 X
#: is one byline whose middle dot was lost)
_OUTLET_ENDS = ("报", "報", "社", "网", "網", "新闻", "新聞")
#: a byline that opens with these (words by, pictures by) needs no blank before it
WORDS_BY = ("文/", "文／", "图/", "图／", "圖/", "圖／")
#: only a line with one of these words can end in a byline
_ROLE_WORDS = ("记者", "記者", "通讯员", "通訊員", "评论员", "評論員", "编译", "編譯", "报道", "報道", "报导", "報導",
               "/", "／")
#: a role word, a slash or an ornament: what every byline form of L004 holds (the ornaments
#: as words of one character, not a class: an alternation of plain words lets ``re`` skip to
#: the places one of their first characters stands, four times as fast on a line)
_BYLINE_MARK = re.compile("|".join(map(re.escape, _ROLE_WORDS + tuple(ORNAMENTS))))


def _trailing_byline(text: str, bylines, min_rest: int) -> int | None:
    """Where a byline of the byline rule's forms (L004: ``◎ YMG全媒体记者 X``, ``X Y/济南报道``)
    fills the end of the line, or None (the earliest such place); whether the text before it
    reads as a headline, :func:`trailing_point` decides."""
    if not bylines:
        return None
    # first after a blank or at an ornament (where a byline set apart starts); then, in a line
    # with a role word or a slash, anywhere (a byline run onto its headline: after 文/, or
    # after a headline drawn twice, which the line must show)
    run_on = any(w in text for w in _ROLE_WORDS) and (
        any(w in text for w in WORDS_BY) or parse_doubling(text)[0] >= min_rest)
    passes = (True, False) if run_on else (True,)
    found: list[int] = []
    for apart in passes:
        for k in range(1, len(text) - 1):
            if text[k].isspace() or (apart and not (text[k - 1].isspace() or text[k] in ORNAMENTS
                                                    or text[k - 1] in CLOSERS)):
                continue
            m = search_any(bylines, text[k:])
            if m and m.start() == 0 and m.end() == len(text) - k:
                if apart and not (run_on and text[k - 1] in CLOSERS and not text[k - 1].isspace()
                                  and text[k] not in ORNAMENTS):
                    return k
                # (after a closing quote in a headline drawn twice, the run-on pass weighs the
                # place with the others: 让文物“活”起来让文物“活”|起来X、Y（Z记者）, the name
                # taking the headline's last word, is not the whole headline)
                if k not in found:
                    found.append(k)
        if found and not (apart and run_on):
            # run on: a name of two to four characters can take the headline's last one (…安心
            # 发展 | 蔡萱成 read as …安心发 | 展蔡萱成): of the places, the one after which the
            # headline drawn twice is whole (the earliest where none is)
            return max(found, key=lambda k: (_doubled_share(text[:k]), -k))
    return None


def _run_on_start(text: str, start: int, bylines, share: float, longest: int) -> int:
    """``start``, or, where the text before it is no headline drawn twice but an earlier part
    of it is (at least ``share`` of it doubled), the place right after that headline where a
    byline of the byline rule's forms that fills the line's end begins: the byline's first role
    run onto the headline, a later one after a blank (``…接地气”记者 X 通讯员 Y``, where a
    blank is found before 通讯员 only). A byline is at most ``longest`` characters (L004's):
    only the line's last ones are tried. A place after ``start`` too, where the head before
    it is the whole headline drawn twice and the rest a whole byline (…冠军…冠军长江日报记者 X:
    the form found 军长江日报, three characters and 日报)."""
    base = _doubled_share(text[:start])
    if base == 1.0:
        return start  # (the headline before it is whole)
    squeezed = text[:start].replace(" ", "").replace("\u3000", "")
    if parse_doubling(squeezed)[0] < 2:
        return start  # (no headline drawn twice before it: nothing to run onto)
    best, best_share = start, base
    for k in range(max(1, len(text) - longest), len(text)):  # (past start too: 冠军长江日报记者 X, not 冠|军长江…)
        if text[k].isspace() or text[k - 1].isspace():
            continue
        doubled = _doubled_share(text[:k])
        if doubled < share or doubled < best_share or (doubled == best_share and best == start):
            continue  # (a place moves the cut only where the head before it is more of a headline)
        m = search_any(bylines, text[k:])
        if m and m.start() == 0 and m.end() == len(text) - k:
            best, best_share = k, doubled  # (of the places, the latest after the most doubled head)
    return best


def _doubled_share(text: str) -> float:
    """The share of ``text``'s characters (blanks aside) that :func:`parse_doubling` reads as
    drawn twice: 1.0 for a headline in fake bold with nothing after it."""
    squeezed = text.replace(" ", "").replace("\u3000", "")
    return parse_doubling(squeezed)[0] / max(1, len(squeezed))


def _split_bylines(page: Page, rule: Rule, lines: list[Line]) -> tuple[list[Line], list[Change]]:
    out, changes = [], []
    bylines = page.rules["L004"].params["patterns"] if page.rules.enabled("L004") else ()
    # split_point needs a byline match first: only lines the pattern's prefilter passes can have one
    texts = [ln.text for ln in lines]
    maybe = pattern(rule.params["byline_pattern"]).may_match(texts)
    maybe_after = pattern(rule.params["trailing_pattern"]).may_match(texts)
    if bylines:  # (every byline form holds a role word, a slash or an ornament)
        mark = _BYLINE_MARK.search
        maybe_after = [m or mark(t) is not None for m, t in zip(maybe_after, texts)]
    before = ""  # the line before: where it left a bracket open, this line goes on inside it
    heads = None
    for ln, may, after in zip(lines, maybe, maybe_after):
        # (a byline inside a bracket the line before left open is a dateline's reporter:
        # 本报讯（YMG全媒体 / 记者 邵红华 澳门报道）初夏时节…, no headline after it)
        cut = split_point(ln.text, rule) if may and len(ln.text) < 120 and not opens_bracket(before) else None
        if cut is None and after and len(ln.text) < 120 and not opens_bracket(before):
            # (the bracket asked about only here: for the few lines that may end in a byline)
            if heads is None:  # (once a page: the outlets it prints at a line's start)
                heads = "\n" + "\n".join(t.lstrip(ORNAMENTS + " \u3000") for t in texts) + "\n"
            cut = trailing_point(ln.text, rule, page.rules, bylines, before, heads)
        before = ln.text
        if cut is None or not ln.text[:cut].strip():
            out.append(ln if ln.index == len(out) else new_line((len(out), ln.start, ln.end, ln.text, ln.width,
                                                                ln.gap_before)))
            continue
        head_len = len(ln.text[:cut].rstrip())
        rest_at = cut + len(ln.text[cut:]) - len(ln.text[cut:].lstrip())
        h_end = source_offset(page.overlay, ln.start, ln.end, head_len)
        r_start = source_offset(page.overlay, ln.start, ln.end, rest_at)
        head = page.overlay.render(ln.start, h_end)
        rest = page.overlay.render(r_start, ln.end)
        out.append(Line(len(out), ln.start, h_end, head, width(head), ln.gap_before))
        out.append(Line(len(out), r_start, ln.end, rest, width(rest), 0))
        changes.append(Change(rule.id, STAGE, "split", (ln.start, ln.end), ln.text, head + "\n" + rest,
                              rule.describe(byline=head, rest=rest), rule.safety))
    return out, changes
