"""Two plain headings stacked in one headline part: one headline broken over two lines, or a
title over its subtitle (副题).

Where the type tells (two bold lines of one block are one title; a plain line under a bold title
is its subtitle; a dash leads in a subtitle) the attach step needs no help. Where it does not —
extracted text of a page whose headlines are not drawn twice — a headline broken over two lines
shows it at the cut: a quotation mark or bracket opened on the upper line and closed on the lower
(冒充客服实施“退 / 款”诈骗), a piece too short to be a headline, a function word starting the lower
line. Each is a cue measured on the two texts; a logistic regression weighs them
(``rules/assemble.toml`` A003 ``pair_join``, fitted by ``benchmarks/fit_headline_pairs.py`` on
synthesised training pages). Without such a sign the two lines stay a title and its subtitle,
unless the rows they are set in show the upper a kicker (:func:`kicker_set_apart`: on extracted
text that shows no bold, a blank row left above the title's larger type).
Against joining: the two lines would fit one line of the column's measure (an editor breaks a
headline only where it does not fit, or after a mark inside it); that holds two bold lines apart
too (a subtitle set bold as its title is).

(A kicker over its title, told by the words, was tried and not kept: fitted on the story pool
it read pairs with a quoted catchword below as kicker and title, which holds for that pool and
not for other papers' headlines — on the shared pages' real headlines it read a title and
subtitle 数字赋能科技助力 / 让亚运更“智能” as kicker and title. Which of the two a paper's plain
pairs are is a habit of the paper, not a sign in the words. Nor, in December (issue #14), by the
lead: the lower of two plain stacked headings read as the title, the upper as its kicker, when
the lead paragraph repeats the lower's word pairs by more than 0.15 more than the upper's (of the
synthesised kicker pairs the title is echoed more in 140 of 196, of the title/subtitle pairs the
subtitle in 54 of 120): train titles 81.5 -> 83.8, subtitles 73.3 -> 77.1, valid titles 81.6 ->
82.8, subtitles 78.1 -> 80.5, but dev titles 97.7 -> 88.4, subtitles 96.2 -> 65.4: the real
pages' plain pairs are titles over subtitles that the lead repeats more.)
"""

from __future__ import annotations

from ...chars import nows, width
from .confidence import logistic, odds
from .text import affinity

_OPENERS, _CLOSERS = "“《（「(【‘", "”》）」)】’"
#: full-width marks that hold their own space: no blank is set after one
_WIDE_MARKS = frozenset("：，、；！？。")
#: characters a line broken mid-phrase often starts with (a headline seldom does)
_FUNCTION = frozenset("的了在到和与及让把为从对向是要得地着将给被所以之其并且或而")

#: the cues of a pair (upper line, lower line), in the order the weights name them
CUES = ("upper_open", "lower_closes", "upper_short", "lower_starts_function", "fits_measure")


def _balance(s: str) -> int:
    return sum(s.count(c) for c in _OPENERS) - sum(s.count(c) for c in _CLOSERS)


def pair_cues(upper: str, lower: str, params: dict, measure: float = 0.0) -> dict[str, float]:
    """The cues of two stacked headings (their texts as printed); A003 ``pair_short_piece``: at
    most this many characters, the upper line is a short piece; ``measure``: the column width of
    the text around them, in ems (0: unknown), for :func:`fits_measure`."""
    a, b = upper.strip(), lower.strip()
    return {
        "upper_open": float(_balance(a) > 0),  # a mark opened and not closed: it goes on below
        "lower_closes": float(_balance(b) < 0 or b[:1] in _CLOSERS),
        "upper_short": float(len(nows(a)) <= params["pair_short_piece"]),  # a short piece: the start of a longer line?
        "lower_starts_function": float(b[:1] in _FUNCTION),
        # the two would fit one line of the measure: an editor would not have broken them
        "fits_measure": float(fits_measure(a, b, measure, params)),
    }


def one_headline(upper: str, lower: str, params: dict, measure: float = 0.0) -> tuple[bool, float]:
    """Whether two stacked plain headings are one headline broken over two lines, and the
    probability that they are (``measure``: see :func:`pair_cues`)."""
    p = logistic(odds(params["pair_join"], pair_cues(upper, lower, params, measure)))
    return p > 0.5, p


def kicker_over(upper: str, lower: str, params: dict) -> bool:
    """Whether the upper of two stacked plain headings is the lower one's kicker (引题), not a
    title over its subtitle nor the start of one headline broken over two lines: a short piece
    (at most A003 ``pair_short_piece`` characters) over a line at least ``kicker_width_ratio``
    times as wide (今日谈 / 别让“打卡式”调研走了过场, 政策解读 / 医保个人账户如何…). A headline
    is broken where its line is full, so its upper line is not a fraction of its lower one
    (one broken at a phrase runs about even: 景区限流 / 不能“一限了之”); and a title that short
    does not stand over a longer subtitle — a subtitle adds to the title, it does not open it.
    A mark left open above (冒充客服实施“退 / 款”), or one that joins what follows (A003
    ``kicker_open_ends``: 走基层· / 在一线感受奋斗脉动), is a break inside one heading all the same;
    a piece closing a mark it did not open (…摄） / …) is the end of some other text."""
    a, b = nows(upper.strip()), nows(lower.strip())
    if not a or _balance(a) != 0 or len(a) > params["pair_short_piece"] or a[-1] in params["kicker_open_ends"]:
        return False
    return width(b) >= params["kicker_width_ratio"] * width(a)


def kicker_set_apart(rows_between: int, set_by_rows: bool, upper: str, params: dict) -> bool:
    """Whether the upper of two stacked plain headings is the lower one's kicker (引题) by the
    rows they are set in, on a page that tells its headings' type so (``set_by_rows``: a PDF
    extractor's text, whose blank rows stand for room on the page, of a page set in columns whose
    headlines are not drawn twice; :meth:`Attaching.set_by_rows`): at least A003 ``kicker_gap_rows`` source rows from the upper's last line to
    the lower's first, a blank row or more between them, where the extractor left room for the
    lower's larger type (金融活水润泽实体经济 / 普惠金融“贷”动小微企业发展). A subtitle, set
    smaller than its title, follows on the next row. Not a piece with a mark left open or one
    that joins on (A003 ``kicker_open_ends``): the start of one heading broken over two lines.
    0: off (on OCR output, which sets a blank line around every block it finds)."""
    a = nows(upper.strip())
    if not set_by_rows or not params["kicker_gap_rows"] or not a or _balance(a) != 0 \
            or a[-1] in params["kicker_open_ends"]:
        return False
    return rows_between >= params["kicker_gap_rows"]


def too_short_for_subtitle(upper: str, lower: str, params: dict) -> bool:
    """Whether a plain heading under another, not one headline with it, is too short to be its
    subtitle: under A003 ``subtitle_min_length`` characters. A subtitle adds to its title — the
    figures, the place, who — and runs longer than the catchword a title can be (生命接力,
    书香润城 under their kickers 90后小伙捐献造血干细胞, …); so the upper is the lower's kicker.
    Not a piece shorter than the shortest title (A003 ``pair_title_min``: 支队, the rest of a
    credit 图源：郑州市消防救援 / 支队 over the text): no title either, it stays where it was.
    Nor under an upper as short (管出新秩序 / 与时间赛跑: two subheads, not a kicker, which runs
    longer than its catchword title)."""
    n = len(nows(lower))
    return params["pair_title_min"] <= n < params["subtitle_min_length"] <= len(nows(upper))


def joiner(upper: str) -> str:
    """What joins the two lines: nothing where a mark opened above is closed below (the line
    broke inside a phrase: 冒充客服实施“退款”诈骗) or the upper line ends in a full-width mark,
    which holds its own space (大模型进医院：能看报告，不能替医生: a blank after it is set
    nowhere, and a second cleaning would take it out), else a blank (between two phrases, as
    a headline sets them)."""
    a = upper.strip()
    return "" if _balance(a) > 0 or a[-1:] in _WIDE_MARKS else " "


def dash_goes_on(upper: str, params: dict) -> bool:
    """Whether a heading under a dash subtitle (——访…) may be that subtitle's rest: only where
    the dash line is short enough to have been broken by the headline's measure. A headline is
    broken into lines of about one length, so a dash line longer than any broken one
    (A003 ``dash_line_max`` characters) is a whole subtitle, and the heading under it another
    article's title (——明确平台用工责任边界 维护劳动者合法权益 / 首批“爱心冰箱”进驻社区)."""
    return len(nows(upper)) <= params["dash_line_max"]


def fits_measure(upper: str, lower: str, measure: float, params: dict) -> bool:
    """Whether two heading lines, set as one (with a blank between them), would fit one line of
    the article's ``measure`` (ems), ``pair_measure_slack`` ems kept free at its sides: an
    editor breaks a headline over two lines where it does not fit, or after a mark inside it
    (：，、), so two lines that would fit together, the upper not ending at such a mark, are two
    headings, not one broken. False where the measure is unknown (0)."""
    if measure <= 0:
        return False
    a, b = upper.strip(), lower.strip()
    if a[-1:] in params["pair_break_marks"]:
        return False
    return width(nows(a)) + width(nows(b)) + params["pair_blank"] <= max(params["pair_min_measure"],
                                                                        measure - params["pair_measure_slack"])


def bold_goes_on(upper: str, lower: str, measure: float, params: dict) -> bool:
    """Whether a bold heading line right under a bold title (one block of type) is the title's
    rest, broken over two lines, rather than a subtitle set bold as the title is: it is, unless
    the two would fit one line of the article's measure (:func:`fits_measure`) or together run
    longer than a title does (A003 ``pair_max_length`` characters: a title sums its story up in a
    line or two; a subtitle under it adds the figures and the place). A lower line of at most
    ``pair_short_piece`` characters always goes on: too short for a subtitle, it is the short end
    of a title broken where its own measure, not the text's, ran out (第五届…论坛在曼谷 / 举行)."""
    if len(nows(lower)) <= params["pair_short_piece"]:
        return True
    return not fits_measure(upper, lower, measure, params) \
        and len(nows(upper)) + len(nows(lower)) <= params["pair_max_length"]


def echo_apart(upper: str, lower: str, before: str, after: str) -> float:
    """How plainly two stacked headings sum up two texts, the upper the text before them and
    the lower the text after: the lesser of the upper's echo of the text before over its echo
    of the text after, and the lower's echo of the text after over its echo of the text before
    (each echo the share of the heading's character pairs the text repeats; 0 where a text is
    missing). A title repeats the words of the text it heads; two headings of one headline
    (title and subtitle, kicker and title) head one text, so one of the two leans the wrong way
    and the lesser is below zero. Where an article's headline is set after its text and the
    next one's before its own, the two stand together and each leans its own way (流感高发季
    专家提醒科学防护 over the flu report, 让每个孩子都能享有公平而有质量的教育 over the essay
    on schooling): the group is two articles' headlines, not one's. (Measured on the training
    pages' groups of two headings or more, the lesser is above 0.1 for 110 of 179 pairs of two
    articles' headings and 4 of 670 pairs of one headline's.)

    (Tried in December, issue #14, and not kept: the mean of the two leans where both are above
    zero, in the lesser's place, a stronger sign of two articles' headings — above 0.2 for 107 of
    161 pairs of two articles' adjacent headings on train and 407 of 611 on hunt (the lesser:
    68 and 275), but also for 5 of 594 and 23 of 2,348 pairs of one headline's (the lesser: 1
    and 2): valid CER 3.0 -> 3.1, seg F1 95.4 -> 95.1, titles 89.9 -> 89.7, train bylines
    88.4 -> 88.1 (subheads 89.4 -> 90.0), wide subtitles 82.6 -> 82.7, fresh unchanged. Nor does the lean decide most of the merges it was meant for: of the
    fresh pages' 28 pairs of two articles' adjacent headings read into one part, 10 stand in a
    group read with no cut at all (close, open, inside), and in most of the rest the cut falls a
    heading off, where the heading between the two titles echoes neither text, so that the two
    cuts lean alike: a kicker of the next headline (乡村振兴一线) and a subtitle of the one
    before look alike there.)
    """
    if not before or not after:
        return 0.0
    up = affinity(upper, before) - affinity(upper, after)
    down = affinity(lower, after) - affinity(lower, before)
    return up if up < down else down
