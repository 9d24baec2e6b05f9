"""Stage 4, rejoin: put hard-wrapped lines back together into paragraphs.

A newspaper column is justified: every line of a paragraph fills the column except the last,
which ends in 。！？…” and is usually short. The first line was indented by two ems, and
extraction drops the indent, so it comes out about two ems shorter than the column.
Closing punctuation is never set at the start of a line (kinsoku): a line that starts with
，。）” continues the line before. Datelines (科技日报讯, 本报讯, 新华社…电) and list openers
(一是, （一）) start paragraphs.

A page mixes columns of very different widths, so a line is measured against the block it
would join: the widest of that block's middle lines is the column (half-width characters and
squeezed quotes count 1/2). Each break between two lines gets a score from all these cues; a
positive score breaks. The decision is structure, not an edit: a joined paragraph is a block whose
lines are listed with the joiner put between them ("" in Chinese text, " " between Latin
words). A word split by a line-end hyphen (``inter-`` + ``national``) loses the hyphen, which
*is* an edit, recorded as one.
"""

from __future__ import annotations

import functools
import re

from ..chars import (CLOSERS, HAN, NO_LINE_START, OPENERS, SQUEEZED, all_wide, ends_sentence, half_count, nows, opens_bracket,
                     quote_balance)
from ..chars import width as width_of
from ..lexicon import default_lexicon
from ..model import Block, Deferred, Page, new_change, new_line, replace
from ..rules import PATTERN_TIMEOUT, Rule, any_match, any_pattern, search_any
from ._common import apply_line_edits, dateline_at, line_replacements, one_indent_short
from .lines import is_name

STAGE = "rejoin"


_LATIN_END = re.compile(r"[A-Za-z][.,;:!?%)'\"]?$|[0-9][.,;:!?%)'\"]$")
#: What a line that goes on a Latin sentence starts with (a set: it is asked at every join).
_LATIN_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz(\"'")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_LOWER_START = re.compile(r"^[a-z]")
_MAXW = 400
_PROSE_MARK = re.compile("[，、；：。“”（）《》,;:]")
#: what a headline does not hold (it may quote: 让“诗和远方”走得更近, 《钱塘月》首演)
_CLAUSE_MARK = re.compile("[，；：。,;:]")
#: a clause or list mark inside a sentence (no colon: 第A23版： 健康, a page's furniture, holds one)
_LIST_MARK = re.compile("[，、；,;]")
#: a clause or list mark, a colon too (记者：不少农村面临): a line of prose holds one, a headline none
_OPEN_CLAUSE = re.compile("[，、；：,;:]")
#: what a photo credit or a graphic's credit line ends with (…景色。 赵娟 摄, …对比。 崔欣 制图)
_CREDIT_ENDS = ("摄", "攝", "制图", "製圖")
#: a line ending in the first half of a joint brand (经济日报-中国 / 经济网北京7月2日讯)
_BRAND_CUT = re.compile(r"^\w{1,10}(?:报|報|社|网|網|台)[-—·]\w{0,8}$")
#: a character of 电, 讯, 消息, 报导, 报道: every dateline form (L005) holds one
_DATELINE_WORD = re.compile("[电電讯訊息导導道]")
_HALF_WIDTH = re.compile("[0-9A-Za-z]")
#: Line-final marks kinsoku may pull onto a line, making it wider than its column.
_PUNCT_END = frozenset("，。、；：！？”’）》」』…—,.;:!?)")


def _subhead_form(text: str, p: dict, rules) -> bool:
    """``text`` has one of a subhead's forms (J001 ``subhead_forms``) and, where a topic opens
    it before a colon, that topic is no speaker's name (韦星河：…, an interview's turn; T001's
    surnames tell)."""
    m = search_any(p["subhead_forms"], text)
    if m is None:
        return False
    head = m.groupdict().get("topic")
    return not (head and "T001" in rules and is_name(head, rules["T001"]))


def _short(width: float, limit: float, text: str, p: dict, guessed=half_count) -> bool:
    """``width < limit`` even with room for the guessed widths in ``text`` (``half_width_slack``
    per character ``guessed`` counts: digits, Latin letters and squeezed quotes by default,
    :func:`_quotes` for the quotes alone). The plain test comes first: it settles most lines."""
    return width < limit and width + p["half_width_slack"] * guessed(text) < limit


def _guessed(text: str, p: dict) -> float:
    """The room ``text``'s guessed widths may take beyond their measure: ``half_width_slack``
    per digit or Latin letter (0 where it has none: most lines)."""
    return p["half_width_slack"] * len(_HALF_WIDTH.findall(text)) if _HALF_WIDTH.search(text) else 0.0


def _full_to_indent(lines, i: int, p: dict, text: str) -> bool:
    """Whether line ``i`` is one indent short of the column that the lines after the next one
    show (two of the three lines after it as wide as each other, the widest): the width of a
    paragraph's first line that lost its indent and ends at the column's edge."""
    tol = p["full_tolerance"]
    ws = sorted((ln.width for ln in lines[i + 2:i + 5]), reverse=True)
    if len(ws) < 2 or ws[0] - ws[1] > tol or ws[0] > p["max_column"]:
        return False
    return one_indent_short(ws[0] - lines[i].width, text, p)


def _indented_under(lines, j: int, p: dict) -> bool:
    """Whether line ``j`` is one indent short (indent_min to indent_max + 1 ems, as an indented
    next line) of the column the two lines under it show, the wider of them, neither closing
    a sentence nor wider than any column: a paragraph's first line that lost its indent, where
    the line right under it reads short by the guessed widths of its digits, Latin letters or
    quotes (the wider line under that shows the column)."""
    if j + 2 >= len(lines):
        return False
    u, v = lines[j + 1], lines[j + 2]
    col = max(u.width, v.width)
    if col > p["max_column"] or abs(u.width - v.width) > p["full_tolerance"] or ends_sentence(u.text):
        return False
    return p["indent_min"] <= col - lines[j].width <= p["indent_max"] + 1 \
        and not _held_over(lines[j].width, u.text, u.width, p)


#: what a line may open with that was held over whole from the line before: opening marks
#: (never set at a line's end) and a run of digits and Latin letters (never broken)
_HELD_OVER = re.compile(f"[{OPENERS}]*[0-9A-Za-z][0-9A-Za-z.%+_/-]*")


def _held_over(width: float, nxt: str, nxt_width: float, p: dict) -> bool:
    """Whether a line ``width`` ems wide is short of the line after it (``nxt``, ``nxt_width``
    ems) only by what that line opens with: a number or a Latin word (and the marks opening
    it), which is never broken, so it went down whole where it did not fit (格计算，同比增长 /
    5.6%，增速比…). Its width is a guess: ``half_width_slack`` more per character."""
    m = _HELD_OVER.match(nxt)
    if m is None:
        return False
    head = m.group()
    return nxt_width - width < width_of(head) + p["half_width_slack"] * half_count(head)


#: one of the squeezed quotes and brackets (SQUEEZED: distinct characters, each counted once)
_SQUEEZED_ONE = re.compile("[" + re.escape(SQUEEZED) + "]")


def _quotes(text: str) -> int:
    """The squeezed quotes and brackets of ``text``: their width is the least certain (a mark
    next to another is squeezed, one alone may not be). (One scan, not a ``str.count`` per
    mark: a third of the time.)"""
    return len(_SQUEEZED_ONE.findall(text))


#: a Han character at a line's end or start: only there can a word run across a break
_HAN_ONE = re.compile(f"[{HAN}]")


def word_cut(a: str, b: str, gain: float) -> bool:
    """Whether a line break between ``a`` and ``b`` falls inside a word: the lexicon
    (:func:`~cleaner.lexicon.default_lexicon`) reads the two lines run together better, by more
    than ``gain`` (natural log), than each on its own, so its best reading has a word across
    the break (数字人民 / 币试点场景持续拓展: 人民币; ——江川市推 / 进制造业…: 推进). An editor breaks
    a headline between words or phrases where it fits, and the measure cuts it anywhere where it
    does not; two headlines (a title and its subtitle, a kicker and its title) are two texts, and
    a word runs across them only by chance. False without the lexicon (jieba not installed)."""
    a, b = a.rstrip(), b.lstrip()
    if not a or not b or not _HAN_ONE.match(a[-1]) or not _HAN_ONE.match(b[0]):
        return False
    lex = default_lexicon()
    if lex is None:
        return False
    return lex.cuts_word(a, b, gain)


#: a number cut by a line break: a digit (or a ratio's colon, a decimal point) at the end, a digit
#: or those at the start (老旧小区改造惠及1 / 2.6万户, 浙江队98∶ / 95险胜山东队)
_NUMBER_END = re.compile(r"[0-9][.∶:]?$")
_NUMBER_START = re.compile(r"^[.∶:]?[0-9]")
#: the marks quote_balance counts as opening a quotation or bracket
_QUOTE_OPENERS = ("“", "（", "《")


def _page_shows_word(rules, flat: str, ta: str, tb: str) -> bool:
    """Whether the page's own text (``flat``: its lines run together without blanks) uses the
    four characters around the break between ``ta`` and ``tb`` (two either side, A008's first
    test: 山安|全生 in 矿山安全生产) ``min_uses`` times or more besides at the break itself, for a
    headline A008 may join (no longer than its ``max_length``): A008 joins those two headings on
    the page's own evidence, and a person reviews it; the lexicon's cut is for the words the
    page does not repeat. (A008's fallback, three characters, is not asked: a page repeats
    those by chance, and A008 misses some of them, counting paragraphs near the break only.)"""
    if not rules.enabled("A008"):
        return False
    q = rules["A008"].params
    a, b = nows(ta), nows(tb)
    if len(a) + len(b) > q["max_length"] or len(a) < 2 or len(b) < 2:
        return False
    pair = a[-2:] + b[:2]
    return flat.count(pair) > q["min_uses"]


def _headline_cut(lines, i: int, ends: list[bool], p: dict) -> bool:
    """Whether lines ``i`` and ``i + 1``, the first a block's first line, read as one headline
    broken where no editor breaks one: inside a word (:func:`word_cut`), inside a number (never
    broken at a line's end), or inside a quotation the upper line opens and the lower closes (a
    headline closes what it opens: 冒充客服实施“退 / 款”诈骗). Neither line holds a clause mark
    (，；：。) nor is line ``i`` the end of a sentence (a headline holds none; a quotation or a
    title's 《》 it may), and the two leave no quotation open (万象街头“中 / 文热持续升温 are two lines
    of some other text); a quotation holds no blank (让“诗 钟丽英、夏健波/上观新闻 is a headline's
    start and a byline, not a quotation that goes on)."""
    ta, tb = lines[i].text.rstrip(), lines[i + 1].text.lstrip()
    if ends[i] or _CLAUSE_MARK.search(ta) or _CLAUSE_MARK.search(tb) or quote_balance(ta + tb) > 0:
        return False
    if quote_balance(ta) > 0:
        # (a quotation the upper line opens and the lower closes: unless heading_cut_quotes, left
        # to the assemble stage's A003, which joins two such headings)
        return bool(p.get("heading_cut_quotes")) and not any(c.isspace() for c in ta[max(map(ta.rfind, _QUOTE_OPENERS)):])
    if _NUMBER_END.search(ta) and _NUMBER_START.match(tb):
        return True
    return word_cut(ta, tb, p["heading_cut_gain"])


def standalone_lines(page: Page, ends: list[bool] | None = None) -> set[int]:
    """Short lines that are whole pieces of furniture, credits, photo credits or bylines
    (label stage rules).

    They never join a paragraph, however well their width fits the column next to them.
    ``ends``: whether each line closes a sentence, when the caller knows (:func:`line_facts`).
    """
    rules = page.rules
    groups = tuple(tuple(rules[rid].params["patterns"]) for rid in ("L001", "L002", "L004") if rules.enabled(rid))
    if rules.enabled("L003"):
        groups += (tuple(rules["L003"].params.get("line_credit_patterns", [])),)
    if not any(groups):
        return set()
    lines = page.lines
    if ends is None:
        ends = [ends_sentence(ln.text) for ln in lines]
    max_width = rules["J001"].params["standalone_max_width"]
    # (not a line inside a bracket the line before opened: 本报讯（YMG全媒体 / 记者 X 通讯员 Y /
    # 兵）… is one dateline, whatever its middle line looks like)
    # (a line without an opening bracket leaves none open: two looks for the marks first, the
    # four counts only where one stands)
    # (nor a line of prose, with a clause mark, that the next line goes on from with a mark no
    # line starts with, kinsoku's: 扫一扫……对，就这样 / ！”周三下午… is a paragraph's line that
    # reads as a QR note, its sentence unclosed; a byline holds no clause mark, and the mark
    # after it closes the line before it, which the byline cut: …产业 / 记者 X Y / ”)
    short = [k for k, ln in enumerate(lines) if ln.width <= max_width and not ends[k]
             and not (k and ("（" in lines[k - 1].text or "(" in lines[k - 1].text) and opens_bracket(lines[k - 1].text))
             and not (k + 1 < len(lines) and lines[k + 1].text.lstrip()[:1] in _GOES_ON_MARKS
                      and _CLAUSE_OR_ELLIPSIS.search(ln.text))]
    if page.layout.geometry is not None:
        # (on a PDF page, not a middle line of a block of type, its lines before and after set
        # with it: furniture, a credit or a byline stands apart, 扫码结账。超市店长… does not)
        # (nor a line that fills its measure and runs on into the next line of its block, in its
        # type: 本报合肥 10 / 月 16 日讯…, a paragraph's first line that reads as 视点 24)
        geo = page.geometry()
        short = [k for k in short if not (0 < k < len(lines) - 1 and _middle_line(geo[k - 1], geo[k], geo[k + 1]))
                 and not (k < len(lines) - 1 and _runs_on(geo[k], geo[k + 1]))]
    # (a line that runs a pattern out of time is recorded by the pipeline, rules.timeouts, and
    # read as no match)
    return {k for k, hit in zip(short, any_match(groups, [lines[k].text for k in short])) if hit}


#: marks that close the sentence of the line before them (kinsoku keeps them off a line's start)
_GOES_ON_MARKS = frozenset("，。、；：！？”’")
#: a line bracketed whole: （徐林）, （清河市读者 宋明）
_BRACKETED = re.compile(r"^\s*[（(][^（()）]*[）)]\s*$")
#: a clause mark or an ellipsis: a line of prose, no byline's or credit's
_CLAUSE_OR_ELLIPSIS = re.compile("[，；…]")


def _runs_on(g, b) -> bool:
    """Whether a PDF page's line ``g`` reaches its column's right edge and line ``b``, the next,
    goes on its block in one type with it: the text runs on over the line's end."""
    return g is not None and b is not None and g.short is False and not b.first and g.block == b.block \
        and g.size == b.size and g.bold == b.bold


def _middle_line(a, g, b) -> bool:
    """Whether a PDF page's line ``g`` stands between lines ``a`` and ``b`` of its own block
    of type, in one type with them."""
    return a is not None and g is not None and b is not None and not g.first and not b.first \
        and a.block == g.block == b.block and a.size == g.size == b.size and a.bold == g.bold == b.bold


def reaches_sentence_end(lines, i: int, p: dict, limit: int = 80, stop: frozenset = frozenset()) -> bool:
    """From first line ``i``, do the lines of a compatible width read as a paragraph?

    A paragraph closes a sentence; a run of short lines that never does (title, subtitle,
    kicker) is a stack of headings, however alike their widths. A run of three or more
    lines, or one with a comma in it, is a paragraph cut by something else.
    """
    lo = lines[i].width - p["full_tolerance"] - 1
    hi = lines[i].width + p["indent_max"] + p["full_tolerance"]
    if "，" in lines[i].text:
        return True
    for j in range(i + 1, min(len(lines), i + limit)):
        w = lines[j].width
        if j in stop:  # furniture, a credit, a byline, a bold headline: no paragraph runs through it
            # three lines or more make a cut paragraph, unless none has any punctuation: a
            # headline stack over its byline
            return j - i >= 3 and any(_PROSE_MARK.search(lines[k].text) for k in range(i, j))
        if ends_sentence(lines[j].text):
            return w <= hi
        if not lo <= w <= hi:  # (the same: a cut paragraph has punctuation somewhere)
            return j - i >= 3 and any(_PROSE_MARK.search(lines[k].text) for k in range(i, j))
        if "，" in lines[j].text:
            return True
        hi = max(hi, w + p["full_tolerance"])
    return False


def block_width(lines, block: list[int]) -> float:
    """The column a block was set in: the median of its middle lines (0 when it has none)."""
    mids = sorted(lines[k].width for k in block[1:-1])
    if not mids:
        return 0.0
    return mids[len(mids) // 2]


def hyphen_join(page: Page, rule: Rule, k: int):
    """``inter-`` + ``national`` → ``international``: the line-end hyphen of a split word."""
    ln = page.lines[k]
    return line_replacements(page, STAGE, rule, k, [(len(ln.text) - 1, len(ln.text), "")],
                             rule.describe(line=page.line_no(k), word=ln.text.rsplit(" ", 1)[-1]))


def break_score(page: Page, rule: Rule, i: int, block: list[int], opener_res: list) -> tuple[float, str]:
    """Score for a paragraph break between line i and line i+1 (> 0: break), with the cues.

    ``block`` holds the lines already joined into the current block (line i is its last):
    its full lines give the column width, so the decision needs no page-wide statistics.
    """
    ends, opens = line_facts(page, opener_res)
    page = measured(page, ends)  # (as :func:`run` measures it)
    lines = page.lines
    mid = max((lines[k].width for k in block[1:-1]), default=None)
    plain = max((lines[k].width for k in block[1:-1] if lines[k].text[-1] not in _PUNCT_END), default=None)
    score, cues = _score(page, rule.params, i, lines[block[0]].width, len(block), mid, ends, opens, plain, block,
                         page.geometry_of(i + 1))
    return score, _cue_text(cues)


def paragraph_openers(rules) -> list[str]:
    """What opens a paragraph: J001's ``paragraph_openers`` (and, in :func:`line_facts`, every
    dateline form of the label stage's L005, so a form added there opens paragraphs here too)."""
    return list(rules["J001"].params["paragraph_openers"])


def whole_dateline(rules, text: str) -> bool:
    """``text`` is a dateline and nothing else (a form of the dateline rule L005 to its end)."""
    m = dateline_at(rules, text)
    return m is not None and not text[m.end():].strip()


def dateline_goes_on(rules, text: str, nxt: str) -> bool:
    """A dateline (L005) that opens ``text`` and goes on on the next line (经济日报-中国经济网西安
    2 月 23 日 / 讯（记者X）…): the line break is inside it."""
    m = dateline_at(rules, text + nxt)
    return m is not None and m.end() > len(text)


def byline_joiners(rules, texts: list[str]) -> list[str] | None:
    """How the lines ``texts`` of a byline broken over them (a form of the byline rule L004,
    no longer than its ``max_length``) join, one joiner per break: ``""`` where the break is
    inside a word (文/羊城晚报全媒体记 / 者 韩梅, 扬子晚报全媒体记者 冯光 / 强), ``" "`` where it fell
    between two names (本报记者 冯兵颖 / 杨飞: the blank between them was the line's end), not
    before a role (光明日报 / 通讯员 Z); None where the lines do not read as one byline to the
    end. Between two names the blank is tried first: a four-character name broken in two is
    rarer than two names of two."""
    if not rules.enabled("L004"):
        return None
    p = rules["L004"].params
    if sum(map(len, texts)) > p["max_length"]:
        return None  # (every joining is at least this long: longer than any byline, nothing to search)
    role, across, name = _byline_finders(p["role_pattern"], p["break_name_max"])

    def inside_role(a: str, b: str) -> bool:  # (光明日报通 / 讯员 Z: the break splits 通讯员)
        return any(m.start() < len(a) < m.end() for m in across.compiled.finditer(a + b))

    # (the next line opens a name of its own only where the surname lexicon reads it as one:
    # 文/羊城晚报全媒体记者 陶凌颖 / 科普 is a byline over a column's tag, not two reporters)
    surnames = rules["T001"] if "T001" in rules else None
    blanks = [" " if _HAN_END.search(a) and (m := name.match(b)) and not role.search(b) and not inside_role(a, b)
              and (surnames is None or is_name(m.group().strip(), surnames)) else ""
              for a, b in zip(texts, texts[1:])]
    for joiners in (blanks, [""] * len(blanks)) if any(blanks) else (blanks,):
        whole = texts[0] + "".join(j + t for j, t in zip(joiners, texts[1:]))
        if len(whole) > p["max_length"]:
            continue
        m = search_any(p["patterns"], whole)
        if m is not None and m.start() == 0 and m.end() == len(whole):
            return joiners
    return None


@functools.cache  # (one rule set's values or two in a run; asked per line of a byline)
def _byline_finders(role_pattern: str, break_name_max: int):
    """What :func:`byline_joiners` searches with: a role opening a text, a role anywhere, a
    name opening a line."""
    return any_pattern((f"^(?:{role_pattern})",)), any_pattern((role_pattern,)), _name_first(break_name_max)


def byline_goes_on(rules, text: str, nxt: str) -> bool:
    """A byline broken over two lines: the two lines read as one byline (:func:`byline_joiners`)."""
    return byline_joiners(rules, [text, nxt]) is not None


#: two Han characters closing a line: a name before the break
_HAN_END = re.compile(f"[{HAN}]{{2}}$")


@functools.cache  # (one rule set's value or two in a run)
def _name_first(longest: int) -> re.Pattern:
    """A line that opens with a name of two to ``longest`` Han characters, then a blank or its end."""
    return re.compile(f"^[{HAN}]{{2,{longest}}}(?:\\s|$)")


#: a credit's last piece wrapped onto a line of its own: a name's tail and the credit mark, the
#: mark 摄影报道 with or without the name's tail, or the rest of that mark (摄 / 影报道)
_CREDIT_TAIL = re.compile(r"^(?:\S{1,3}\s?(?:摄|攝|摄影|攝影)|(?:\S{1,3}\s?)?(?:摄影报道|攝影報道)|(?:影)?(?:报道|報道))$")


#: the dot inside a paper's name (齐鲁晚报·齐鲁壹点): a line ends with it only where it wrapped
_NAME_JOINERS = ("·", "・")


def credit_goes_on(rules, text: str, nxt: str) -> bool:
    """A caption's photo credit broken over two lines (YMG全媒体记者 孙浩 / 明 摄, …描金。齐鲁晚报·
    / 齐鲁壹点记者 X 摄影报道): the next line is the tail of a name and the credit mark, or this
    line ends inside a paper's name, and the two lines read as one credit (a credit pattern of
    the caption rule L003)."""
    if not rules.enabled("L003") or not (_CREDIT_TAIL.match(nxt.strip()) or text.endswith(_NAME_JOINERS)):
        return False
    return search_any(rules["L003"].params["credit_patterns"], text + nxt) is not None


def line_facts(page: Page, opener_res: list) -> tuple[list[bool], list[bool]]:
    """Per line, once: does it close a sentence, does it open a paragraph (``opener_res``)?"""
    ends = [ends_sentence(ln.text) for ln in page.lines]
    texts = [ln.text for ln in page.lines]
    if opener_res:
        opener = any_pattern(tuple(opener_res))
        opens = [may and _opens(opener, t) for t, may in zip(texts, opener.may_match(texts))]
    else:
        opens = [False] * len(texts)
    rules = page.rules
    if rules.enabled("L005"):  # a line that opens with a dateline (every form has one of these words)
        # (the lines that hold one, found once: both passes ask, and visit only those, a tenth of
        # a page's lines, not every line in a Python step)
        worded = [k for k, m in enumerate(map(_DATELINE_WORD.search, texts)) if m]
        for k in worded:
            if not opens[k]:
                opens[k] = dateline_at(rules, texts[k]) is not None
        for j in worded:  # (in order: line k = j - 1 is settled before the line after it is read)
            k = j - 1
            if k >= 0 and not opens[k] and not ends[k] and not opens[j]:
                # a dateline broken over two lines (经济日报-中国经济网西安 2 月 23 日 / 讯（记者X）…);
                # (not a headline over a line that opens a dateline of its own)
                opens[k] = dateline_goes_on(rules, texts[k], texts[j])
    for k in range(1, len(texts)):
        if opens[k] and _BRAND_CUT.search(texts[k - 1]):
            # a joint brand broken over two lines (经济日报-中国经 / 济网北京7月2日讯): the
            # dateline opens on the line before, which the tail of this one only seems to
            opens[k - 1], opens[k] = True, False
    return ends, opens


def _cue_text(cues: list) -> str:
    return "; ".join(t.format(*args) for _, t, args in cues) or "fills its column"


def _score(page: Page, p: dict, i: int, first_width: float, size: int, mid: float | None,
           ends: list[bool], opens: list[bool], plain: float | None = None,
           block: list[int] = (), next_geo=None, head_text: str | None = None,
           never: list[bool] | None = None) -> tuple[float, list]:
    """The cues for the break after line i of a block of ``size`` lines.

    ``first_width`` is the block's first line, ``mid`` the widest of its middle lines (the
    column); ``ends[k]``: line k closes a sentence, ``opens[k]``: it opens a paragraph
    (:func:`line_facts`), ``block`` the block's lines so far, ``next_geo`` what a PDF page's
    geometry says of line i+1, ``head_text`` the first line of the block where it is scored
    from a later line (the line after a headline's word cut). ``never``: per line, whether it
    may open with a word no paragraph opens with (``never_opens``' prefilter: :func:`never_opening`),
    where the caller asked of all lines at once; only those are searched. Cues are (value,
    template, args): only a reason someone reads is ever formatted.
    """
    lines = page.lines
    w = p["weights"]
    a, b = lines[i], lines[i + 1]
    ta, tb = a.text, b.text
    if tb[0] in NO_LINE_START or tb[0] in CLOSERS:
        return w["never_starts"], [(w["never_starts"], "the next line starts with '{}', which never starts a line", (tb[0],))]
    nxt = lines[i + 2] if i + 2 < len(lines) else None
    tol = p["full_tolerance"]
    end_a, end_b = ends[i], ends[i + 1]
    if end_a and search_any(p["closing_lines"], tb) \
            and not (nxt is not None and nxt.width - b.width <= p["indent_max"] and not ends[i + 1]
                     and not _BRACKETED.match(tb)):
        # a short item's source or author set on the line under its last sentence (据新华社,
        # （徐林）): it closes the text, it does not open a paragraph (but a paragraph's first
        # line that only reads like one, 据省发展改革委有关 over a line about as wide, one indent
        # more, does: a source line stands short of what follows; a line bracketed whole,
        # （清河市读者 宋明）, opens none, whatever stands under it)
        return w["closing_line"], [(w["closing_line"], "the next line names the source or author closing the text", ())]
    first = size == 1
    if size >= 3:
        col = mid
    elif size == 2:  # the first line lost its indent: the column is about 2 ems wider
        col = first_width + (p["indent_min"] + p["indent_max"]) / 2
    else:
        col = None
    cues = []
    cue = cues.append

    # is line i+1 the indented first line of a paragraph? (the indent was lost: it is short)
    b_indented = nxt is not None and not end_b and nxt.width - b.width >= p["indent_min"] \
        and nxt.width - b.width <= p["indent_max"] + 1
    if b_indented and _held_over(b.width, nxt.text, nxt.width, p):
        b_indented = False  # (short only by the word that did not fit at its end)
    if next_geo is not None and next_geo.indent is not None:
        b_indented = next_geo.indent  # (a PDF page shows where the line starts, no guess from widths)
    if end_a:
        if first and opens[i] and any_pattern(tuple(p["caption_openers"])).search(ta):
            # a one-line caption (图为…。): the picture's text ends with its sentence
            cue((p["caption_end"], "a caption that closes its sentence", ()))
        elif first and -tol <= b.width - a.width <= p["indent_max"] and not b_indented \
                and b.width <= p["max_column"] and not end_b \
                and not (p.get("first_line_column_check") and nxt is not None and nxt.width > b.width + p["wider_column"]):
            # a paragraph's first line that closes a sentence at its end, in a column with or
            # without first-line indents: the next line fills the column and is no first line
            # itself (not indented), so the paragraph goes on
            cue((w["first_line_goes_on"], "closes a sentence, but the next line, not itself a first line, is as wide or "
                       "one indent wider: a first line", ()))
        elif first and end_b and b.width < a.width - tol and _full_to_indent(lines, i, p, ta):
            # a paragraph's first line that lost its indent and closes a sentence right at the
            # column's end, over its short last line: the column (shown by the full lines after
            # them) is one indent wider than it. (A one-line paragraph ends anywhere.)
            cue((w["first_line_full"], "closes a sentence one indent short of the column, over a short last line: "
                       "a paragraph's first line", ()))
        elif first:
            cue((w["one_line_sentence"], "a one-line block that closes a sentence", ()))
        elif a.width < col - tol:
            cue((w["closes_short"], "closes a sentence {:.1f} em short of the column", (col - a.width,)))
        else:
            cue((w["closes_full"], "closes a sentence at the end of a full line", ()))
            if b.width > col + p["wider_column"]:
                cue((w["next_wider"], "the next line is wider than the column ({:.1f} > {:.1f})", (b.width, col,)))
            elif plain is not None and "headline_wider" in p and b.width >= plain + p["headline_wider"] \
                    and tb[-1] not in _PUNCT_END and not _PROSE_MARK.search(tb) and not _HALF_WIDTH.search(tb):
                # wider than every middle line that ends in no punctuation, and itself all Han
                # (its width measured, not guessed: no digit, Latin letter or quote; nor widened
                # by a mark at its end, 有关方面应如何应对？): no line of this column's text, a
                # headline set under it (造赛道上跑出好成绩。 / 抢抓晴好天气
                # 确保颗粒归仓 / 全县98万亩小麦机收过半). Only kinsoku widens a text line, by a mark
                cue((w["headline_cut_in"], "the next line is {:.1f} em wider than the column's lines and has no "
                          "punctuation: a headline", (b.width - plain,)))
            elif b_indented:
                cue((w["next_indented"], "the next line is indented", ()))
            elif not end_b and (b.width < col or a.width > col + p["wider_column"]) \
                    and _short(b.width, max(a.width, col) - tol, tb, p, _quotes):
                # (shorter than the column, or than this full line where it is wider; but not a
                # next line as wide as the column itself under a line at most wider_column wider:
                # a full line that closed its sentence with marks hung past the column, 为例外”。
                # or 马上就好！”, measures up to two ems wider than it, and the line under it,
                # filling the column, goes on its paragraph)
                cue((w["next_shorter"], "the next line is shorter than the column", ()))
            elif end_b and nxt is not None and not ends[i + 2] \
                    and p["indent_min"] <= max(col, min(nxt.width, col + p["wider_column"])) - b.width \
                    + (tb[-1] in _PUNCT_END) <= p["indent_max"] and nxt.width >= col - tol:
                # one indent short (its closing mark may hang past the column; a full line after
                # it shows the column too, where guessed widths made this block's lines short)
                # and closing a sentence, then a full line: not the last line of this paragraph (a
                # new one would start indented), but the first of the next, whose first sentence
                # ends at its line end
                cue((w["next_is_first_line"], "the next line, one indent short, closes a sentence and the line after it "
                          "goes on full: a first line", ()))
            elif end_b and b.width < a.width - tol:
                cue((w["next_closes"], "the next line closes the paragraph", ()))
            else:
                cue((w["next_fills"], "the next line fills the column", ()))
        turn = search_any(p["turn_openers"], tb)
        if turn is not None:
            # a turn of an interview (记者：…？ / 杨光荣：…): the speaker named before a colon
            # opens the answer, or the next question, however the lines' widths read
            cue((w["turn_opener"], "the next line opens a turn of an interview ('{}')", (turn.group(),)))
    else:
        if ta[-1] in p["no_break_endings"]:
            cue((w["no_break_ending"], "ends with '{}'", (ta[-1],)))
        if first:
            if a.width > b.width + tol and not end_b:
                cue((w["first_wider"], "wider ({:.1f} em) than the line after it: not an indented first line", (a.width,)))
            elif not end_b and not opens[i] and not reaches_sentence_end(lines, i, p, stop=page.layout.stops):
                # (not a line that opens with a dateline: that starts a paragraph, however short
                # the lines after it; a headline never opens so)
                cue((w["never_closes"], "the lines that follow in its column never close a sentence: headings", ()))
            if not end_a and not opens[i] and nxt is not None and page.layout.geometry is None \
                    and not _PROSE_MARK.search(ta) \
                    and b.width - (a_wide := a.width + _guessed(ta, p)) >= p["indent_min"] \
                    and nxt.width >= b.width - tol \
                    and max(b.width, nxt.width) - a_wide >= p["heading_deficit"] \
                    and (_PROSE_MARK.search(tb) or _PROSE_MARK.search(nxt.text)):
                # a line without any punctuation, at least an indent shorter than the next line
                # and more than one short of the column the next two lines show, over text that
                # has some, the line after the next as wide as the next (a full line: not a
                # two-line paragraph's last): a subhead over its section (a
                # paragraph's first line is one indent short; a headline broken over lines has no
                # clause marks under it). (A line with digits or Latin letters is measured with
                # room for their guessed widths, half_width_slack each: 涉案金额逾2000万元 over
                # text is a headline's line all the same. Text pages only: a PDF page shows where
                # a line starts.)
                cue((w["heading_over_text"], "{:.1f} em short of the column the next lines show, without any "
                           "punctuation, over text: a subhead", (max(b.width, nxt.width) - a.width,)))
            if not end_a and not opens[i] and w["subhead_form"] and _subhead_form(ta, p, page.rules):
                # a line set as a subhead is set (留住老师：让人安心才能用心, 绿：矸石山上种出“金山银山”,
                # “把论文写在大地上”: a topic and a colon, or a quotation whole, with no clause mark
                # and no sentence closed): where the column is narrow, its width alone reads like a
                # paragraph's first line that lost its indent, and the section's first line runs on
                # into it; the form tells (a colon after a speaker, 记者： or a name, is a turn)
                cue((w["subhead_form"], "set as a subhead is ('{}'), closing no sentence", (ta,)))
            if b.width > a.width + p["indent_max"] + p["wider_column"] / 2:
                cue((w["another_column"], "the next line is {:.1f} em wider: another column", (b.width - a.width,)))
            if end_b and not _PROSE_MARK.search(ta) and not (
                    p["indent_min"] <= b.width - a.width <= p["indent_max"]
                    and nxt is not None and abs(nxt.width - b.width) <= tol) \
                    and not (w.get("caption_below") and opens[i]
                             and any_pattern(tuple(p["caption_openers"])).search(ta)):
                # (not a caption's first line, 图为…, which holds no mark before its sentence
                # closes on the line under it: the picture's text, no headline)
                # (not when the line is one indent short of a next line that fills the column
                # as the line after it does: a first line whose next line is no first line)
                cue((w["headline_above"], "no punctuation at all, then a line that closes a sentence: a headline above it", ()))
            if (b_indented or (not end_b and not _PROSE_MARK.search(ta) and _indented_under(lines, i + 1, p))) \
                    and "，" not in ta and not opens[i]:  # a headline has no comma; a paragraph's first line may
                # (a line without any punctuation over one that is one indent short of the
                # column the two lines under it show, the widest of them: a subhead over its
                # paragraph's first line where the line under that holds digits, Latin letters
                # or quotes, whose guessed widths made it short: 营地里的新配套 / 游客多了，营地 /
                # 建设要跟上。近3 / 年，呼伦贝尔新建和)
                cue((w["first_then_indented"], "the next line is itself indented", ()))
            elif not end_b and not opens[i] and i + 3 < len(lines) and not ends[i + 2] \
                    and p["indent_min"] <= lines[i + 3].width - nxt.width <= p["indent_max"] + 1 \
                    and not _PROSE_MARK.search(ta) and not _PROSE_MARK.search(tb):
                # two lines without any punctuation, then a paragraph's first line (one indent
                # short of the line after it): a title over its subtitle, or a headline broken
                # over two lines (the assemble stage tells them apart), not a paragraph
                cue((w["headline_pair"], "this and the next line have no punctuation and a paragraph starts after them: "
                          "headlines", ()))
            if w.get("open_first_goes_on") and b.gap_before and nxt is not None and not end_b and not opens[i + 1] \
                    and _LIST_MARK.search(ta) and not ta.rstrip().endswith(_CREDIT_ENDS) \
                    and p["indent_min"] <= b.width - a.width <= p["indent_max"] + 1 and abs(nxt.width - b.width) <= tol:
                # a paragraph's first line that lost its indent (one indent short of the next line,
                # the line after that as wide as the next: the column), a clause or list mark in it
                # (no headline's), closing no sentence: its paragraph goes on under the blank line an
                # OCR engine sets after an indented first line (it reads that line as a block of its
                # own). Weighted on OCR output only (0 elsewhere: a text layer sets no such blank)
                cue((w["open_first_goes_on"], "a first line one indent short of the lines under it, with a clause "
                           "mark and no sentence closed: its paragraph goes on over the blank line", ()))
        else:
            if a.width < col - p["short_deficit"] and _short(a.width, col - p["short_deficit"], ta, p):
                # (the plain test inline first: this runs for every line of a paragraph)
                cue((w["short_open"], "{:.1f} em short of the column without closing a sentence", (col - a.width,)))
            if b.width > col + p["wider_column"]:
                cue((w["next_wider"], "the next line is wider than the column ({:.1f} > {:.1f})", (b.width, col,)))
            elif plain is not None and b.width >= plain + tol and not _PROSE_MARK.search(tb) \
                    and not _HALF_WIDTH.search(tb):
                # wider than every middle line that ends in no punctuation (kinsoku widens a
                # line only by punctuation), and itself without any: a headline cut into it.
                # (Not a line with digits or Latin letters: their widths are only estimated.)
                cue((w["headline_cut_in"], "the next line is {:.1f} em wider than the column's lines and has no "
                          "punctuation: a headline", (b.width - plain,)))
            elif not end_b and _short(b.width, col - p["short_deficit"], tb, p):
                cue((w["next_short_open"], "the next line is short and closes no sentence: a heading or a cut", ()))
            elif b_indented and _short(b.width, a.width - tol, tb, p, _quotes):
                # a paragraph only starts after a sentence closes: this is a cut, or noise (not
                # a line short only by its quotes)
                cue((p["indent_after_open"], "the next line is indented", ()))
            elif b_indented and block and not any(_PROSE_MARK.search(lines[k].text) for k in block):
                # lines without any punctuation (a title over its subtitle), then a paragraph's
                # first line: one indent short of the line after it
                cue((w["indented_after_headlines"], "the next line is indented, after lines without any punctuation: headlines", ()))
            elif b_indented and w.get("indented_mid_open") and mid is not None and _seam_opens(lines, i, col, p):
                # a full line whose sentence goes on, then a line one indent short of the line
                # under it though as wide as this one: another article's first line, printed
                # where a headline drawn across the columns cut this paragraph (its rest comes
                # after that headline; the heal stage joins it there)
                cue((w["indented_mid_open"], "the next line is indented under a line whose sentence goes on: "
                          "another paragraph's first line, this one cut", ()))
    if block and ta[-1] in _CREDIT_LAST and (credit_end := _caption_credit_end(
            page, p, [lines[k].text for k in (block[0] - 1, block[0]) if k >= 0], ta,
            None if opens[i + 1] or not w.get("caption_below") else tb,
            lines[i - 1].text if w.get("caption_below") and len(block) > 1 and block[-2] == i - 1 else "")):
        if credit_end is _CREDIT_GOES_ON:
            # the credit goes on on the next line (…。 视觉中国供 / 图（资料图片）): one credit,
            # however short that line (a picture's caption is set without an indent)
            cue((w["byline_goes_on"], "a caption's credit that goes on on the next line", ()))
        else:
            # a caption ends with its photo credit (…。（资料图片） / …本报记者李明摄): what
            # follows is no longer the caption
            cue((w["caption_credit_end"], "a caption that ends with its photo credit", ()))
    if end_a and block and w.get("caption_below") and not opens[i + 1] and _credit_under_caption(
            page, p, [lines[k].text for k in (block[0] - 1, block[0]) if k >= 0], tb,
            nxt.text if nxt is not None else ""):
        # a caption's sentence closed, then its photo credit set on the next line (…选购商品。 /
        # 中新社发 许梅怡 摄, …休息。 / 齐鲁晚报·齐鲁壹点记 / 者 何倩 摄影报道): the credit is the
        # caption's, however the widths of a caption's few lines read
        cue((w["byline_goes_on"], "the caption's photo credit on the next line", ()))
    if nxt is not None and nxt.text.startswith("——") and not end_b and not tb.startswith("——") \
            and not _CLAUSE_MARK.search(tb) and not _CLAUSE_MARK.search(nxt.text) and quote_balance(tb) == 0 \
            and any(_CLAUSE_MARK.search(lines[k].text) for k in (block or (i,))) \
            and not (col is not None and abs(b.width - col) <= tol and abs(nxt.width - col) <= tol):
        # the next line, without a clause mark, over a line led in by a dash that has none
        # either (钢铁行业绿色转型提速 / ——南江钢铁集团推进超低排放改造纪实): a title over its
        # subtitle, set under text whose paragraph goes on elsewhere (a column's foot, its
        # sentence open): the title is no line of that text. Not where the block holds no clause
        # mark (a headline stack), nor where the two lines fill the block's column as its text
        # does (…172项节 / 水供水重大水利工程的标志性项目 / ——广西桂平大藤峡水利枢纽工程 / 右岸的…:
        # a dash inside a sentence), nor a line that closes a quotation (雪域高原上的“ / 健康守门人”)
        cue((w["dash_subtitle"], "the next line is a headline over a subtitle led in by a dash", ()))
    if first and not end_a and not _CLAUSE_MARK.search(ta) and ta[-1] not in p["no_break_endings"] and (
            (head_text or ta).startswith("——") or (tb.startswith("——") and not _PROSE_MARK.search(tb))):
        # a line led in by a dash (——访…) next to a line without punctuation: a subtitle
        # under its title, or the subtitle itself over the text: headings, each its own line
        # (not a line that stops at a mark no line of a headline ends with: ——访中国科普作家协会会员、
        # / 天文科普达人韦星河 is one subtitle broken over two lines)
        cue((w["dash_subtitle"], "a subtitle led in by a dash, with no punctuation around it", ()))
    if first and opens[i] and not end_a and (any_pattern(tuple(p["dateline_alone"])).search(ta)
                                              or whole_dateline(page.rules, ta)
                                              or dateline_goes_on(page.rules, ta, tb)):
        # a dateline set on a line of its own (本报讯 （记者X）): its paragraph goes on under it
        cue((w["dateline_alone"], "a dateline alone on its line: its paragraph goes on", ()))
    if first and not end_a and byline_goes_on(page.rules, ta, tb):
        # a byline broken over two lines (文/羊城晚报全媒体记 / 者 韩梅): one byline
        cue((w["byline_goes_on"], "a byline that goes on on the next line", ()))
    if w.get("never_opens") and (never is None or never[i + 1]) and search_any(p["never_opens"], tb) is not None:
        # a line that opens with a particle that only ever follows a word (的, not 的确): it
        # opens no paragraph nor headline, so the break before it is inside a sentence
        cue((w["never_opens"], "the next line starts with '{}', which opens no paragraph nor headline", (tb[0],)))
    if opens[i + 1]:
        cue((w["opener"], "the next line opens a paragraph ('{}')", (tb[:6],)))
        if w.get("caption_below") and ta[-1] in p["caption_cut"] and not end_a \
                and any_pattern(tuple(p["caption_openers"])).search(tb):
            # a line of prose cut at a comma, then a caption's first line (图为…): the picture
            # stands in the column where the paragraph was cut, and the paragraph goes on after
            # it; a caption never goes on a sentence of the text above
            cue((w["caption_below"], "a caption opens on the next line, under a sentence cut at '{}'", (ta[-1],)))
    if b.gap_before and page.layout.gaps_informative[i + 1]:
        cue((w["blank_line"], "blank line between", ()))
        if col is not None and not end_a and a.width >= col - tol:
            # a full line that closes no sentence, then a blank line: where an OCR engine
            # found the end of a column's text, inside a paragraph (a text layer sets no blank
            # line there)
            cue((w["column_end"], "a blank line after a full line that closes no sentence: a column's end", ()))
        elif w.get("open_blank") and not end_a and _OPEN_CLAUSE.search(ta) and _PROSE_MARK.search(tb) \
                and not opens[i + 1] and not ta.rstrip().endswith(_CREDIT_ENDS):
            # a line of prose (a clause or list mark in it) that closes no sentence, short or a
            # block's first, then a blank line and another line of prose (some punctuation in it:
            # no headline cut in, 设立县级总 / 铺就致富路): Tesseract sets a blank line wherever it
            # starts a block, inside a sentence too (after a line it read short, around a picture
            # set into the column); a paragraph never ends open. Not after a photo credit
            # (…翻耕土地，吴英英摄: it ends its caption), nor before a paragraph's opener (a dateline,
            # a caption's 图为…: something new starts). Weighted on OCR output only (0 elsewhere: a
            # text layer sets no such blank)
            cue((w["open_blank"], "a blank line after a line of prose that closes no sentence: "
                                  "an OCR block break inside a sentence", ()))
    if b.gap_before and w.get("heading_alone") and _heading_alone(lines, i, first, ends, opens, p):
        # a headline's line standing alone over a blank line, then another headline's line (no
        # sentence closed, no clause or list mark, no quotation left open in either): on OCR
        # output a title over its subtitle, which the widths (the engine's) read as a first line
        # and the paragraph it goes on into. Weighted on OCR output only (0 elsewhere: the cue
        # is not even asked on a text layer)
        cue((w["heading_alone"], "a headline's line alone over the blank line, another headline's line under it", ()))
    if b.gap_before == 0 and page.layout.gaps_everywhere[i + 1]:
        cue((w["missing_blank"], "no blank line where the page has one after every line", ()))
    if ta[-1] == "-" and _HYPHEN_END.search(ta) and _LOWER_START.match(tb):
        cue((w["hyphen_word"], "an English word continues after its line-end hyphen", ()))
    total = 0  # what sum() would give, without a generator per call
    for c in cues:
        total += c[0]
    if total > 0 and first and not end_a and w.get("word_runs_on") and (end_b or _CLAUSE_MARK.search(tb)) \
            and not opens[i + 1] and not _CLAUSE_MARK.search(ta) and _word_runs_on(ta, tb, p):
        # (asked only of a break the other cues make: a join's cue changes nothing there)
        cue((w["word_runs_on"], "a word runs across the break into a line of prose: a paragraph's line, no headline", ()))
        total += w["word_runs_on"]
    if total > 0 and first and not end_a and w.get("never_ends") and (end_b or _CLAUSE_MARK.search(tb)) \
            and not opens[i + 1] and search_any(p["never_ends"], ta.rstrip()) is not None:
        # a line that stops on a word that takes an object (的 after a word, 把, 对, 从…): no
        # headline ends so, a line of prose broken before its object does
        cue((w["never_ends"], "ends with '{}', which ends no headline, over a line of prose", (ta.rstrip()[-1],)))
        total += w["never_ends"]
    return total, cues


def _headline_line(lines, k: int, ends: list[bool], opens: list[bool], p: dict) -> bool:
    """Whether line ``k`` reads as a headline's line: no sentence closed, no paragraph opened,
    no clause or list mark, no quotation left open, no mark a line of text stops at."""
    t = lines[k].text.rstrip()
    return bool(t) and not ends[k] and not opens[k] and not _CLAUSE_MARK.search(t) and "、" not in t \
        and quote_balance(t) == 0 and t[-1] not in p["no_break_endings"]


def _heading_alone(lines, i: int, first: bool, ends: list[bool], opens: list[bool], p: dict) -> bool:
    """Whether the blank line before line ``i + 1`` parts two headlines: line ``i`` stands alone
    (a blank line over it, or the page's top; its block's first) and it and the next line both
    read as a headline's (:func:`_headline_line`): 我国科学家在青藏高原冰川中发现新型微生物 /
    为研究极端环境生命提供新线索, a title and its subtitle. (A headline the measure cut inside a
    word, 我国科学家在青藏高原冰川中发现新 / 型微生物, is joined all the same: the headline cut,
    ``heading_cut``, reads the word across the break where this cue breaks.)"""
    return first and (i == 0 or lines[i].gap_before > 0) and _headline_line(lines, i, ends, opens, p) \
        and _headline_line(lines, i + 1, ends, opens, p)


def never_opening(p: dict, texts: list[str]) -> list[bool] | None:
    """For each text, whether it may open with a word no paragraph opens with (J001's
    ``never_opens``; None where the rule weighs none): the prefilter's verdicts, in one C loop
    over the page's lines, that :func:`_score` would reach one Python call at a time for the
    line after every break (it lets one line in sixty of the sample page through). Only the
    lines it lets through are searched, by :func:`_score` as before: the same searches."""
    if not p["weights"].get("never_opens"):
        return None
    return any_pattern(tuple(p["never_opens"])).may_match(texts)


def _seam_opens(lines, i: int, col: float, p: dict) -> bool:
    """Whether line ``i + 1``, one indent short of the line under it, under line ``i`` whose
    sentence goes on (a line of prose: it holds a clause mark; a subhead run into the text
    above it holds none, and parting it from the text under it alone parts nothing), is another paragraph's first line rather than a line the measure left
    short: the two lines under it agree on a column (within full_tolerance) that is either
    this block's column ``col``, line ``i + 1`` one indent short of it too, or one at least
    indent_min wider (another article's). Not where widths are guessed (digits, Latin letters
    in the lines compared; quotes and brackets, a kinsoku half em each, in the indented line,
    and in the column's own measure in the two lines that show it), nor where the lexicon reads a word across the break (延 / 伸:
    ``word_cut``) or line ``i + 1`` opens with a particle (never_opens, 的): the sentence goes
    on there."""
    c_at = i + 2  # (the two lines under line i + 1: c, d)
    if c_at + 1 >= len(lines):
        return False
    b, c, d = lines[i + 1], lines[c_at], lines[c_at + 1]
    tol, step = p["full_tolerance"], p["indent_min"]
    if not _CLAUSE_MARK.search(lines[i].text) or abs(c.width - d.width) > tol \
            or any(_HALF_WIDTH.search(ln.text) for ln in (lines[i], b, c, d)) or _SQUEEZED_ONE.search(b.text):
        return False
    if not ((b.width <= col - step and c.width >= col - tol and not _SQUEEZED_ONE.search(c.text + d.text))
            or min(c.width, d.width) >= col + step):
        return False
    return search_any(p["never_opens"], b.text) is None and not word_cut(lines[i].text, b.text, p["heading_cut_gain"])


def _word_runs_on(ta: str, tb: str, p: dict) -> bool:
    """Whether a line with no clause mark, over a line of prose (it closes a sentence or holds
    a clause mark), breaks inside a word (:func:`word_cut` on ``word_run_reach`` characters either
    side: a word across a break is that short): a line of a paragraph that a headline set in
    the text cut off from its rest (…投入标准提高到3000元左 / 右。, 当天共有2000余名毕业 / 生与
    企业…), not a headline over its text: an editor breaks a headline between words, and a
    headline and the text under it are two texts, a word running across them only by chance."""
    reach = p["word_run_reach"]
    return word_cut(ta.rstrip()[-reach:], tb.lstrip()[:reach], p["heading_cut_gain"])


#: The last characters of a photo credit (摄, 供图, 资料图片）, 新华社发): only a line that ends
#: with one is matched against the credit patterns.
_CREDIT_LAST = frozenset("摄攝图圖发發）)影道供")
#: a line that is only a credit's mark: what a photographer's name on the line above ends with
_CREDIT_MARKS = frozenset({"摄", "攝", "摄影", "攝影", "图", "圖", "供图", "供圖", "制图", "製圖"})
#: what a photo credit (or a byline of words and pictures, 文并摄) ends with
_PHOTO_MARKS = ("摄", "攝", "摄影", "攝影")


#: what :func:`_caption_credit_end` answers where the credit goes on on the next line (truthy)
_CREDIT_GOES_ON = "goes on"


def interloper(lines, k: int, ends: list[bool], opens: list[bool], standalone: set[int], p: dict) -> bool:
    """Whether line ``k`` is a headline's line set inside a sentence of the text around it: the
    line before stops inside a word (it ends on a Han character, no mark) that the lexicon reads
    running on past line ``k`` into the line after it (:func:`word_cut` on ``word_run_reach``
    characters either side: …一小 / 一座城的“口袋公园” / 片健身器材…, 一小片), while no word runs
    from the line before into line ``k`` nor from it into the next, and line ``k`` reads as a
    headline's (no sentence closed, no clause or list mark, no quotation left open, no opener). A
    line of the paragraph itself goes on from the line before: a word across the two lines
    around it is chance there, and the word across its own breaks tells so. (The cheap tests
    first: the lexicon is asked only where the line before stops mid-sentence.) The word across
    the line must read clearly (``heading_set_in_gain``, higher than ``heading_cut_gain``): a
    name the lexicon does not know (蒋文 / 斌指着…) leaves it a weak word by chance (文说)."""
    a, t, b = lines[k - 1].text.rstrip(), lines[k].text.strip(), lines[k + 1].text.lstrip()
    if not a or not t or not b or not _HAN_ONE.match(a[-1]) or not _HAN_ONE.match(b[0]) or ends[k - 1] or ends[k] \
            or opens[k] or opens[k + 1] or k in standalone or k - 1 in standalone or k + 1 in standalone \
            or _CLAUSE_MARK.search(t) or "、" in t or quote_balance(t) != 0 or t[-1] in p["no_break_endings"]:
        return False
    if search_any(p["never_ends"], t) is not None:
        return False  # (…厨余垃圾 / 和其他垃圾分别投入对应的 / 桶中: no headline ends on 的)
    reach, gain = p["word_run_reach"], p["heading_cut_gain"]
    return word_cut(a[-reach:], b[:reach], p["heading_set_in_gain"]) and not word_cut(a[-reach:], t[:reach], gain) \
        and not word_cut(t[-reach:], b[:reach], gain)


def _caption_credit_end(page: Page, p: dict, firsts: list[str], text: str, nxt: str | None = None,
                        before: str = ""):
    """Whether ``text`` ends a caption's photo credit in a block whose first line, or the line
    before it (a caption broken in two by this stage), opens a caption (``caption_openers``);
    the credit forms are the caption rule's (L003). Where ``nxt`` (the next line, where it
    opens nothing) closes a credit itself and has no clause of its own, the credit goes on
    there (…。 视觉中国供 / 图（资料图片）): the answer is ``_CREDIT_GOES_ON``. A credit that
    began on the line ``before`` (齐鲁晚报·齐鲁壹点记 / 者 何倩 摄影报道) ends here too."""
    rules = page.rules
    opener = any_pattern(tuple(p["caption_openers"]))
    if not rules.enabled("L003") or not any(opener.search(t) for t in firsts):
        return False
    credit = any_pattern(tuple(rules["L003"].params["credit_patterns"]))
    try:
        if credit.search(text, timeout=PATTERN_TIMEOUT) is None:
            m = credit.search(before + text, timeout=PATTERN_TIMEOUT) if before else None
            if m is None or m.start() >= len(before):
                return False
        if nxt and not _CLAUSE_MARK.search(nxt):
            m = credit.search(nxt, timeout=PATTERN_TIMEOUT)
            if m is not None and m.end() >= len(nxt.rstrip()):
                return _CREDIT_GOES_ON
        return True
    except TimeoutError:
        return False


def _credit_under_caption(page: Page, p: dict, firsts: list[str], text: str, after: str) -> bool:
    """Whether ``text``, a line without a clause mark under a caption's closed sentence (its
    block's first line, or the line before it, opens a caption), opens a photo credit (L003's
    forms) that goes on on the line ``after`` it (a credit broken over two lines; a credit whole
    on its line is left to the label stage, which sets it after its caption)."""
    rules = page.rules
    if not rules.enabled("L003") or _CLAUSE_MARK.search(text):
        return False
    opener = any_pattern(tuple(p["caption_openers"]))
    if not any(opener.search(t) for t in firsts):
        return False
    credit = any_pattern(tuple(rules["L003"].params["credit_patterns"]))
    text = text.rstrip()
    try:
        if after and not _CLAUSE_MARK.search(after):
            m = credit.search(text + after.rstrip(), timeout=PATTERN_TIMEOUT)
            return m is not None and m.start() < len(text) < m.end()
    except TimeoutError:
        pass
    return False


def _opens(opener, text: str) -> bool:
    """Whether ``opener`` finds a paragraph opener in ``text``, a line its prefilter passed."""
    try:
        return opener.search_passed(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return False


#: what a sentence or clause the quote copies follows in its paragraph
_SENTENCE_MARKS = frozenset("。！？；，、：”’…")


class Flat:
    """A page's lines run together (their blanks at the ends left out), with where each line
    starts in it: what the copy cues search, built once for both."""

    __slots__ = ("texts", "text", "starts")

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.text = "".join(texts)
        self.starts, pos = [], 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t)

    def elsewhere(self, s: int, e: int, window: int) -> bool:
        """Whether ``text[s:e]`` stands again within ``window`` characters before or after it."""
        t, flat = self.text[s:e], self.text
        return flat.find(t, max(0, s - window), s) >= 0 or flat.find(t, e, e + window) >= 0


def copy_edges(texts: list[str], widths: list[float], p: dict, page_text: Flat | None = None) -> set[int]:
    """The breaks (after line ``i``) at the edges of a stack of lines that copies text set
    nearby: a pull quote set inside a column, between two lines of the paragraph it cuts.

    A line is a copy when its text stands again within ``copy_window`` characters of the page
    (``copy_min_line`` characters or more); a run of such lines copies when their text as a
    whole stands again there (``copy_min_chars`` or more) with other text on both sides of the
    other place (``copy_context`` characters): the quote is a sentence cut out of its paragraph,
    where the stretch of the paragraph it copies goes on into the lines around it. Of the two,
    the quote is set in the narrower measure: its widest line is ``copy_narrower`` ems or more
    short of the widest of the two lines either side of it. Linear: two searches of a window
    per line."""
    window, min_line, min_chars, ctx = p["copy_window"], p["copy_min_line"], p["copy_min_chars"], p["copy_context"]
    page_text = page_text or Flat(texts)
    flat, starts = page_text.text, page_text.starts
    n = len(texts)
    find = flat.find  # (Flat.elsewhere inline: the line's text is the stretch it would slice)
    copied = [len(t) >= min_line and (find(t, max(0, s - window), s) >= 0 or find(t, s + len(t), s + len(t) + window) >= 0)
              for t, s in zip(texts, starts)]
    edges: set[int] = set()
    line_at = {start: j for j, start in enumerate(starts)}

    def sentence_starts(q: int) -> bool:
        """Whether a sentence starts at ``q``: after a sentence's mark, or at the start of a
        line set after a shorter one (a heading's, or a paragraph's last: 升级降排放 / 钢铁生产…)."""
        if q == 0 or flat[q - 1] in _SENTENCE_MARKS:
            return True
        j = line_at.get(q)
        return j is not None and j > 0 and widths[j - 1] <= widths[j] - p["copy_narrower"]

    k = 0
    while k < n:
        if not copied[k]:
            k += 1
            continue
        m = k
        while m + 1 < n and copied[m + 1]:
            m += 1
        first = k
        # a short line at the run's end goes with it where the copy goes on through it (a
        # quote's last line, 施。)
        while m + 1 < n and len(texts[m + 1]) < min_line \
                and page_text.elsewhere(starts[k], starts[m + 1] + len(texts[m + 1]), window):
            m += 1
        s, e = starts[k], starts[m] + len(texts[m])
        run = flat[s:e]
        around = [widths[j] for j in (k - 2, k - 1, m + 1, m + 2) if 0 <= j < n]
        # a whole sentence copied, set narrower than the text around it
        if len(run) >= min_chars and ends_sentence(run) and around \
                and max(widths[k:m + 1]) <= max(around) - p["copy_narrower"]:
            left, right = flat[max(0, s - ctx):s], flat[e:e + ctx]
            for q in (flat.rfind(run, max(0, s - window), s), flat.find(run, e, e + window)):
                if q >= 0 and sentence_starts(q) \
                        and flat[max(0, q - len(left)):q] != left and flat[q + len(run):q + len(run) + len(right)] != right:
                    edges.update((first - 1, m))
                    break
        k = m + 1
    return edges


class CopiedAcross:
    """Whether the text across the break after line ``i`` (``copy_across`` characters either
    side) stands word for word elsewhere within ``copy_window`` characters of the page: a pull
    quote, copied or edited, and the paragraph it copies share their stretches, breaks or not,
    so a stretch that runs across a break in one and stands whole in the other reads on there
    (西安国际港站内一派 / 繁忙景象，: the quote's first line is no heading). Asked only of the
    breaks the other cues would make, one search of a window each."""

    __slots__ = ("page_text", "n", "window")

    def __init__(self, texts: list[str], p: dict, page_text: Flat | None = None):
        self.page_text = page_text or Flat(texts)
        self.n, self.window = p["copy_across"], p["copy_window"]

    def __call__(self, i: int) -> bool:
        texts = self.page_text.texts
        a, b = texts[i], texts[i + 1]
        n = self.n
        if len(a) < n or len(b) < n or not _CLAUSE_MARK.search(b) or ends_sentence(a):
            # (a heading broken over lines has no clause: its lines stay lines; a stretch across
            # a sentence's end says nothing of a paragraph's: a page may repeat two sentences)
            return False
        at = self.page_text.starts[i + 1] - n  # the stretch a[-n:] + b[:n]
        return self.page_text.elsewhere(at, at + 2 * n, self.window)


def gap_conventions(lines, p: dict) -> tuple[tuple[bool, ...], tuple[bool, ...]]:
    """Per line: does the text around it set a blank line after every line (then a missing
    one is news), or only between paragraphs (then a blank line is a break)?

    One extractor reads the text boxes of one page differently: a blank line after every line
    in one box, only between paragraphs in the next, none in a third. So the convention is
    read in a window of ``gap_window`` line breaks either side, not once for the page: the
    share of breaks there with a blank line is at least ``gap_everywhere_min`` (blank lines
    everywhere) or above nothing and at most ``gap_informative_max`` (blank lines mean
    something)."""
    n = len(lines)
    window = p["gap_window"]
    seen = [0] * (n + 1)  # seen[k]: breaks with a blank line before lines 1..k-1
    for k in range(1, n):
        seen[k + 1] = seen[k] + (lines[k].gap_before > 0)
    everywhere_min, informative_max = p["gap_everywhere_min"], p["gap_informative_max"]
    if n and not seen[n]:  # (no blank line on the page: every window's share is 0)
        return (False,) + (0 >= everywhere_min,) * (n - 1), (False,) * n
    everywhere, informative = [False] * n, [False] * n
    for k in range(1, n):
        lo, hi = max(1, k - window), min(n - 1, k + window)
        share = (seen[hi + 1] - seen[lo]) / (hi - lo + 1)
        everywhere[k] = share >= everywhere_min
        informative[k] = 0 < share <= informative_max
    return tuple(everywhere), tuple(informative)


def quotes_full(lines, ends: list[bool], spread: float) -> bool:
    """Whether the page sets its quotes and brackets (“”（）《》) a full em wide, not squeezed
    to half of one as :func:`~cleaner.chars.width` counts them: papers do either, one way on a
    page.

    The evidence is a run of full middle lines of one column (no sentence closed, no mark at
    the end that kinsoku may hang, no digits or Latin letters, the next line not starting with
    a mark pulled down with a character; not a paragraph's first line, under a line that
    closes a sentence: it lost its indent): all of them end at the column's edge, so their widths
    agree under one reading and not the other. With quotes a full em (``q`` quotes
    each: the measured width plus ``q``/2) the widths are the same to the last em, and their
    measured widths differ by ``spread`` or more; squeezed, the measured widths agree within
    half an em and the widened ones differ by ``spread`` or more. Each run whose lines hold
    different numbers of quotes votes; the page's quotes are full where more runs say so.
    """
    texts = [ln.text for ln in lines]
    # (the cheap tests first: most lines fail one; a line's quotes are counted once it passes.
    # Each line with the end of the line before, its own, and the next line's text, zipped)
    full = [not end and not before and t[-1] not in _PUNCT_END and u[0] not in OPENERS and u[1:2] not in NO_LINE_START
            and all_wide(t) for before, end, t, u in zip([False, *ends], ends, texts, texts[1:])] + [False]
    votes, k = 0, 0
    while k < len(full):
        if not (full[k] and full[k + 1]):
            k += 1
            continue
        end = k + 1
        while full[end + 1]:
            end += 1
        run, k = range(k, end + 1), end + 1
        q = [_quotes(texts[j]) for j in run]
        if min(q) == max(q):
            continue
        measured = [lines[j].width for j in run]
        wide = [lines[j].width + n / 2 for j, n in zip(run, q)]
        if max(wide) == min(wide) and max(measured) - min(measured) >= spread:
            votes += 1
        elif max(measured) - min(measured) <= spread / 2 and max(wide) - min(wide) >= spread:
            votes -= 1
    return votes > 0


def measured(page: Page, ends: list[bool]) -> Page:
    """The page with its lines as rejoin measures them: where the page sets its quotes a full
    em (:func:`quotes_full`), every line's width counts them so. Only the break scores read
    these widths; the blocks, and the stages after, keep the page's own."""
    if not quotes_full(page.lines, ends, page.rules["J001"].params["quote_spread"]):
        return page
    return page.evolve(lines=tuple(new_line((ln.index, ln.start, ln.end, ln.text, ln.width + _quotes(ln.text) / 2,
                                             ln.gap_before)) for ln in page.lines))


def run(page: Page) -> Page:
    rules = page.rules
    rule = rules["J001"]
    lines = page.lines
    n = len(lines)
    if n == 0:
        return page
    p = rule.params
    everywhere, informative = gap_conventions(lines, p)
    widths = sorted(ln.width for ln in lines)
    page = page.evolve(layout=replace(page.layout, gaps_everywhere=everywhere, gaps_informative=informative,
                                      columned=widths[len(widths) // 2] <= p["max_column"]))
    opener_res = paragraph_openers(rules)
    heading_groups = {g[0]: g for g in page.layout.heading_groups}
    dedoubled = set(page.layout.dedoubled)
    ends, opens = line_facts(page, opener_res)
    standalone = standalone_lines(page, ends=ends)
    page = page.evolve(layout=replace(page.layout, stops=frozenset(standalone | dedoubled)))
    # and a photo credit whose last piece wrapped (YMG全媒体记者 孙浩 / 明 摄)
    # (credit_goes_on's own cheap tests first, inline: most lines fail them)
    credit_pairs = {k for k in range(n - 1) if not ends[k] and k not in dedoubled and k + 1 not in dedoubled
                    and (_CREDIT_TAIL.match(lines[k + 1].text.strip()) or lines[k].text.endswith(_NAME_JOINERS))
                    and credit_goes_on(rules, lines[k].text, lines[k + 1].text)} if rules.enabled("L003") else set()
    # a byline broken over two lines whose parts each read as a byline as well (光明日报记者 X Y
    # 光明日报 / 通讯员 Z): the pair joins, though each line alone would stand alone
    # and a byline whose last name, or its 并摄, wrapped onto a line of its own (扬子晚报全媒体记者
    # 冯光 / 强; not a photographer's name over a lone 摄, which ends a caption's credit)
    # and a byline whose first line alone reads as none, its break inside a name or the paper's
    # name (光明日报记者 X Y 光 / 明日报通讯员 Z), the line after it a byline of its own; and a
    # byline over three lines or more in a narrow column (光明日报记者 X / Y 光明日报通讯员 / Z),
    # as many as its longest form (L004 max_length) holds. Per break, its joiner: a blank where
    # the break fell between two names (本报记者 X / Y)
    byline_pairs: dict[int, str] = {}
    longest = rules["L004"].params["max_length"] if rules.enabled("L004") else 0
    role = any_pattern((rules["L004"].params["role_pattern"],)).search if longest else (lambda _: None)
    short_width = p["standalone_max_width"]  # (a byline's line is short: only those are searched)
    for k in range(n - 1):
        if k in byline_pairs or k in dedoubled or k + 1 in dedoubled or k - 1 in credit_pairs:
            continue  # (nor the end of a photo credit: … 记者 X / 摄影报道 / 中青报·中青网记者 Y)
        if k in standalone:
            # (a lone 摄 after a name ends a photo credit; after 文并, words and pictures by, the byline)
            if not (k + 1 in standalone or (not ends[k + 1] and (lines[k + 1].text.strip() not in _CREDIT_MARKS
                                                                  or lines[k].text.rstrip().endswith(("并", "並"))))):
                continue
        elif ends[k] or lines[k].width > short_width or not role(lines[k].text) \
                or lines[k].text.rstrip().endswith(_PHOTO_MARKS):
            continue  # (a headline over a byline would read as its paper's name: 老街区焕发新活力本报记者 X;
            # a line ending in 摄 closes a photo credit or a byline: 孟嘉思 摄 / 蒋波、冯波霞/上观新闻)
        texts, j, best = [lines[k].text], k + 1, None
        while j < n and j not in dedoubled and not ends[j - 1] and not opens[j] \
                and sum(map(len, texts)) + len(lines[j].text) <= longest:  # (本报记者 X / 本报讯: a dateline)
            if j > k + 1 and (j - 1 in standalone or _CREDIT_TAIL.match(lines[j - 1].text.strip())):
                break  # (a line in the middle is no whole byline or a credit's end: X 记者 Y / 摄影报道 / 本报记者 Z)
            texts.append(lines[j].text)
            joiners = byline_joiners(rules, texts)
            if joiners is not None:  # (the longest that reads as one: X Y 光明日报 / 通讯员 Z goes on)
                best = (j, joiners)
            j += 1
        if best is not None:
            byline_pairs.update(zip(range(k, best[0]), best[1]))

    geo = page.geometry()
    copies, across = set(), None
    if page.layout.geometry is None:  # (a PDF page shows its pull quotes' frames and type)
        page_text = Flat([ln.text.strip() for ln in lines])
        copies = copy_edges(page_text.texts, [ln.width for ln in lines], p, page_text)
        across = CopiedAcross(page_text.texts, p, page_text)
    printed = lines  # (the lines as the page has them: the blocks' widths are theirs)
    scored = measured(page, ends)
    lines = scored.lines
    never = never_opening(p, [ln.text for ln in lines])
    edits, changes = [], []
    touched: list[int] = []
    blocks: list[Block] = []
    cur: list[int] = [0]
    joiners: list[str] = []
    mid = None  # the widest middle line of the current block: its column
    plain = None  # the widest middle line that ends in no punctuation (kinsoku cannot widen it)
    hyph = rules["J002"] if rules.enabled("J002") else None
    # (the PDF reader's farthest pitch within one block of type, in ems: P001's)
    block_pitch = rules["P001"].params["max_pitch"] if "P001" in rules else None

    # a headline broken inside a word (数字人民 / 币试点…) is one block: its lines join, and the
    # break after it is scored from its last line as a block's first (a headline's, not a
    # paragraph's whose first line lost its indent). Text pages: a PDF page shows its type.
    cut_weight = p["weights"].get("heading_cut") if page.layout.geometry is None else None
    lead = None  # the line after the last such cut in the current block

    flat_cache: list[str] = []

    def flat_text() -> str:
        """The page's lines run together without blanks (made once, on the first cut asked)."""
        if not flat_cache:
            flat_cache.append("".join(nows(ln.text) for ln in lines))
        return flat_cache[0]

    def word_only(k: int) -> bool:
        """Whether the cut after line ``k`` is a word's only (not a number's or a quotation's)."""
        ta, tb = lines[k].text.rstrip(), lines[k + 1].text.lstrip()
        return not (quote_balance(ta) > 0 or (_NUMBER_END.search(ta) and _NUMBER_START.match(tb)))

    def cut_stands_apart(k: int) -> bool:
        """Whether the break after line ``k``, the lower line of a headline's cut, is a break,
        scored from ``k`` as a block's first (or a further cut, or a line that stands alone): a
        headline joined whole stands apart from the text under it. Where the text would run on
        under it, the cut is not made (a paragraph's first line, 据东江港集团技 / 术中心主任许志远介
        / 绍，…, or a headline the scores cannot part from the text under it, which the two
        lines apart at least leave a heading)."""
        if k + 1 >= n or k + 1 in heading_groups or k in dedoubled or k + 1 in dedoubled or k in standalone \
                or k + 1 in standalone or k in byline_pairs or k in credit_pairs:
            return True
        if not opens[k + 1] and _headline_cut(lines, k, ends, p):
            return True
        after, _ = _score(scored, p, k, lines[k].width, 1, None, ends, opens, None, [k], geo[k + 1], lines[k - 1].text,
                          never)
        return after > 0

    # a headline line run into the paragraph above it (加快推进。兴安市多家 / 银行推出碳排放权质押 /
    # ★ 本报记者 秦鸣): a paragraph's last line closes a sentence, so a line that closes none, holds
    # no clause mark (nor 、, a list's), over a byline or a paragraph's opener (a dateline; not a
    # caption's 图为, a picture set inside the text) is no line of that paragraph but a headline
    # between it and its article's first lines. Not where a word runs across the break into it
    # (the lexicon's word_cut), nor where the paragraph leaves a quotation open or its line ends
    # with a mark no line's text ends with (，: its sentence goes on elsewhere; the label stage's
    # run-in split, L006, weighs such a headline against the byline under it)
    runs_out_weight = p["weights"].get("heading_runs_out") if page.layout.geometry is None else None
    caption_re = any_pattern(tuple(p["caption_openers"]))
    byline_patterns = (tuple(rules["L004"].params["patterns"]),) if rules.enabled("L004") else None

    def headingish(k: int) -> bool:
        """Whether line ``k`` reads as a headline's: no sentence closed, no clause or list mark."""
        t = lines[k].text.rstrip()
        return not ends[k] and not opens[k] and k not in standalone and not _CLAUSE_MARK.search(t) \
            and quote_balance(t) == 0 and t[-1] not in p["no_break_endings"] and "、" not in t \
            and not t.endswith(_PHOTO_MARKS)

    def heading_runs_out(k: int) -> bool:
        """Whether line ``k + 1``, under line ``k`` of a paragraph, is a headline's line: it closes
        no sentence, holds no clause mark, no word runs across the break into it, and the line
        under it is a byline or opens a paragraph (see ``runs_out_weight``)."""
        if k + 2 >= n or not headingish(k + 1) or caption_re.search(lines[cur[0]].text) \
                or lines[k].text.rstrip()[-1] in p["no_break_endings"] \
                or not any(_CLAUSE_MARK.search(lines[j].text) for j in cur):
            return False
        c = k + 2
        nxt = lines[c].text
        if opens[c]:
            after = not caption_re.search(nxt)
        else:
            after = c in standalone and byline_patterns is not None and any_match(byline_patterns, [nxt])[0]
        return after and quote_balance("".join(lines[j].text for j in cur)) <= 0 \
            and not word_cut(lines[k].text, lines[k + 1].text, p["heading_cut_gain"])

    # a headline line set inside a paragraph's sentence (…几把长椅、一小 / 一座城的“口袋公园” /
    # 片健身器材…): the line before stops inside a word that runs on past the line into the line
    # after it (一小片), and no word runs across either of the line's own breaks; the line is no
    # part of that text but a headline the measure set between its lines: it stands apart
    interloper_weight = p["weights"].get("heading_set_in") if page.layout.geometry is None else None
    interlopers = set() if not interloper_weight else \
        {k for k in range(1, n - 1) if not ends[k] and not ends[k - 1] and interloper(lines, k, ends, opens, standalone, p)}
    # (only a line the cue parted from the text above is parted from the text under it here: a
    # line the other cues already set apart above, run onto the text under it, is the label
    # stage's L006 to split, which weighs it with the block it heads)
    set_apart: set[int] = set()

    def close():
        texts = [lines[k].text for k in cur]
        if any(joiners):
            texts = [x for pair in zip(texts, joiners + [""]) for x in pair]
        text = "".join(texts)
        blocks.append(Block("text", tuple(cur), tuple(joiners), text, block_width(printed, cur)))

    i = 0
    while i < n - 1:
        grp = heading_groups.get(i)
        cut = False
        if grp and cur == [i]:
            for k in grp[1:]:
                cur.append(k)
                joiners.append("")
            close()
            i = grp[-1] + 1
            cur, joiners, mid, plain, lead = [i], [], None, None, None
            if i >= n:
                cur = []
                break
            continue
        if i in byline_pairs:  # (two lines that each read as a byline, and together as one)
            score = p["weights"]["byline_goes_on"]
            cues = [(score, "a byline that goes on on the next line", ())]
        elif i in credit_pairs:
            score = p["weights"]["byline_goes_on"]
            cues = [(score, "a photo credit that goes on on the next line", ())]
        elif i - 1 in credit_pairs and i not in dedoubled and i + 1 not in dedoubled:
            # the credit that went on from the line before ends here, and its caption with it
            score = p["weights"]["caption_credit_end"]
            cues = [(score, "a caption that ends with its photo credit", ())]
        elif geo[i] is not None and geo[i + 1] is not None and i in dedoubled and (i + 1) in dedoubled \
                and geo[i].block == geo[i + 1].block and geo[i].short is False:
            # a PDF page: a display headline that fills its measure and goes on on the next line
            # of its block of type (wrapped, not broken between phrases)
            score = p["weights"]["geo_headline_wraps"]
            cues = [(score, "a headline line that fills its measure, its block of type going on", ())]
        elif i in dedoubled and (i + 1) in dedoubled and (b := quote_balance(lines[i].text)) > 0 \
                and b + quote_balance(lines[i + 1].text) == 0 and "heading_quote_open" in p["weights"]:
            # a headline drawn twice broken inside a quotation, closed on its next line (万象街头“中
            # / 文热”持续升温): no headline ends with a quotation open
            score = p["weights"]["heading_quote_open"]
            cues = [(score, "a headline line that leaves a quotation open, the next closing it", ())]
        elif i in dedoubled or (i + 1) in dedoubled or i in standalone or (i + 1) in standalone \
                or (i - 1 in byline_pairs and i not in byline_pairs):
            # a bold display headline, furniture, a credit or a byline (one broken over lines
            # ends here) stands alone
            score = 5.0
        else:
            if lead is None:
                score, cues = _score(scored, p, i, lines[cur[0]].width, len(cur), mid, ends, opens, plain, cur, geo[i + 1],
                                     never=never)
            else:  # (scored from the line after the cut, as a block's first)
                sub = cur[cur.index(lead):]
                inner = [lines[k].width for k in sub[1:-1]]
                bare = [lines[k].width for k in sub[1:-1] if lines[k].text[-1] not in _PUNCT_END]
                score, cues = _score(scored, p, i, lines[sub[0]].width, len(sub), max(inner, default=None), ends, opens,
                                     max(bare, default=None), sub, geo[i + 1], lines[cur[0]].text, never)
            if geo[i] is not None and geo[i + 1] is not None:
                # (the line pitch over line i, from the line before it in its block)
                pitch = geo[i - 1].top - geo[i].top if i and geo[i - 1] is not None \
                    and geo[i - 1].block == geo[i].block else None
                more = geometry_cues(geo[i], geo[i + 1], p["weights"], p["geo_size_step"], p.get("geo_space_ems"), pitch,
                                     p.get("geo_space_pitches", 0.0), block_pitch)
                score += sum(c[0] for c in more)
                cues = list(cues) + more
            if i in copies:
                score += p["weights"]["copy_edge"]
                cues = list(cues) + [(p["weights"]["copy_edge"], "an edge of lines that copy text set nearby: a pull quote", ())]
            if score <= 0 and runs_out_weight is not None and len(cur) >= 2 and heading_runs_out(i):
                score += runs_out_weight
                cues = list(cues) + [(runs_out_weight, "the next line, without a clause mark, closes no sentence and "
                                      "a byline or a paragraph's opener follows it: a headline, no last line", ())]
            if score <= 0 and (i + 1 in interlopers or i in set_apart):
                score += interloper_weight
                if i + 1 in interlopers and score > 0:
                    set_apart.add(i + 1)
                cues = list(cues) + [(interloper_weight, "a headline line set inside a sentence: a word runs on past "
                                      "it from the line before into the line after, none into or out of it", ())]
            if score > 0 and across is not None and across(i):
                score += p["weights"]["copied_across"]
                cues = list(cues) + [(p["weights"]["copied_across"], "the text across the break stands word for word "
                                      "elsewhere on the page: a quote of it, or the text it quotes, reads on", ())]
        if score > 0 and cut_weight is not None and i == (cur[0] if lead is None else lead) \
                and (i in dedoubled) == (i + 1 in dedoubled) and i not in standalone and i + 1 not in standalone \
                and i not in byline_pairs and i - 1 not in byline_pairs and (i + 1) not in heading_groups \
                and not opens[i + 1] and _headline_cut(lines, i, ends, p) and cut_stands_apart(i + 1) \
                and not (p.get("heading_cut_defer") and word_only(i)
                         and _page_shows_word(rules, flat_text(), lines[i].text, lines[i + 1].text)):
            # a line standing alone (a headline's) broken inside a word from the next one: one
            # headline broken over lines (both bold, or both plain: a bold title and its plain
            # subtitle are two), standing apart from the text under it
            score, cut = cut_weight, True
            cues = [(score, "a headline broken inside a word: it goes on on the next line", ())]
        if score > 0 or (i + 1) in heading_groups:
            close()
            cur, joiners, mid, plain, lead = [i + 1], [], None, None, None
        else:
            if cut:
                lead = i + 1
            ta, tb = lines[i].text, lines[i + 1].text
            joiner = ""
            if hyph and ta[-1] == "-" and _HYPHEN_END.search(ta) and _LOWER_START.match(tb):
                e, c = hyphen_join(page, hyph, i)
                edits += e
                changes += c
                touched.append(i)
            elif tb[0] in _LATIN_FIRST and _LATIN_END.search(ta[-3:]):  # a match ends the line: look there
                joiner = " "
            elif i in byline_pairs:
                joiner = byline_pairs[i]
            changes.append(new_change((rule.id, STAGE, "join", (lines[i].end, lines[i + 1].start), "\n", joiner,
                                       Deferred(_join_reason, page, rule, i, score, cues), rule.safety, ())))
            if len(cur) >= 2:  # line i stops being the block's last line: it is a middle line now
                w = lines[i].width
                mid = w if mid is None or w > mid else mid
                if lines[i].text[-1] not in _PUNCT_END and (plain is None or w > plain):
                    plain = w
            cur.append(i + 1)
            joiners.append(joiner)
        i += 1
    if cur and cur[0] < n:
        close()
    if edits:
        page, blocks = apply_line_edits(page, edits, touched, blocks)
    return page.evolve(blocks=tuple(blocks), changes=page.changes + tuple(changes))


def geometry_cues(a, b, w: dict, step: float, space_ems: float | None = None, pitch: float | None = None,
                  space_pitches: float = 0.0, block_pitch: float | None = None) -> list:
    """The cues of a break that a PDF page's geometry gives (``a``, ``b``: the two lines'
    :class:`~cleaner.pdf.layout.LineGeometry`): a change of type or frame, space set between
    the two lines of one column, the next line indented from its column's edge, this line short
    of it or full with the next not indented (the paragraph goes on, into the next column too).
    ``step``: the share by which two type sizes differ to count as other type; ``pitch``: the
    line pitch over ``a`` in its block (None: unknown); ``space_ems``: how much further (in ems
    of the type) than that pitch the next line must stand to have space set above it, and
    ``space_pitches``: how many pitches at most (further, something stands between: a picture).
    ``block_pitch``: where the pitch over ``a`` is unknown (a line of its own), the most ems of
    type the PDF reader sets two lines of one block apart (P001 ``max_pitch``): the next line,
    the first of another block, under ``a`` in its column and further than that (and less than
    ``space_pitches`` times it), has space set above it too (a subtitle over a quote set plain,
    in a type near its own)."""
    out = []
    if abs(a.size - b.size) > step * max(a.size, b.size):
        out.append((w["geo_size_change"], "set in other type ({:.1f} pt, then {:.1f} pt)", (a.size, b.size)))
    elif a.bold != b.bold:
        out.append((w["geo_bold_change"], "bold, then not (or the other way)", ()))
    if a.framed != b.framed:
        out.append((w["geo_frame_change"], "one line inside a frame, the other outside", ()))
    elif not out and pitch and space_ems is not None and w.get("geo_space_above") and b.first \
            and pitch + space_ems * a.size < a.top - b.top < space_pitches * pitch \
            and min(a.x1, b.x1) - max(a.x0, b.x0) > 0:
        # (the next line, in this type, under this one in its column, further than the line
        # pitch, and not so far that something stands between: space set above a subhead or
        # between paragraphs)
        out.append((w["geo_space_above"], "space set between this line and the next, in one column", ()))
    elif not out and pitch is None and block_pitch and w.get("geo_space_above") and b.first and a.block != b.block \
            and block_pitch * b.size < a.top - b.top < space_pitches * block_pitch * b.size \
            and min(a.x1, b.x1) - max(a.x0, b.x0) > 0:
        # (a line of its own, then under it in its column, further than a block of type sets its
        # lines apart, the first line of another block)
        out.append((w["geo_space_above"], "the next line starts a block of type further under this line "
                    "than one block sets its lines", ()))
    if w.get("geo_back_left") and b.first and a.block != b.block and b.x1 <= a.x0 and b.top > a.top:
        # (text goes on down its column and on into the next one to the right, never back up
        # to a block left of it: a stack set left of a headline, read after the headline's lines)
        out.append((w["geo_back_left"], "the next line starts a block left of this line and higher up", ()))
    if b.indent:
        out.append((w["geo_indented"], "the next line is indented from its column's edge", ()))
    if a.short:
        out.append((w["geo_short"], "ends short of its column's right edge", ()))
        if b.indent is False and not out[:-1]:
            out.append((w["geo_short_goes_on"], "the next line, in the same type, is not indented", ()))
    elif a.short is False and b.indent is False and not out:
        out.append((w["geo_full"], "fills its column and the next line is not indented", ()))
    return out


def _join_reason(page: Page, rule: Rule, i: int, score: float, cues: list) -> str:
    return rule.describe(line=page.line_no(i), next=page.line_no(i + 1), score=f"{score:.1f}", cues=_cue_text(cues))
