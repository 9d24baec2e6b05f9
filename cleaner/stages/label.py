"""Stage 5, label: give every block its kind, from the trade's own conventions.

A page carries more than articles. Page furniture (版头/版尾: date lines, section names, page
numbers, the editor and the phone number, jump lines) and picture credits (本版图片由视觉中国
提供) belong to no article. Photo captions (图为……。 本报记者李明摄) belong to an article but not
to its body. Bylines (◎本报记者 符晓波) and datelines (科技日报讯（记者俞慧友）) identify it.
Headlines are short lines that close no sentence. Pull quotes (引语) repeat a sentence of the
body in a narrow column, often far from their article.

Each kind is decided by the rules of ``rules/label.toml``; a kind that rests on weak evidence
is recorded with safety ``review``. Titles, subtitles and subheads are told apart later, by
the assemble stage, because that needs the whole page.

(Tried in December, issue #14, and not kept: a block of more than L006 ``max_lines`` lines, each
a heading's length and holding no sentence or clause mark, the block opening with no dateline,
split into one heading per line: on a page without blank lines the rejoin stage runs a kicker,
title and dash subtitle, or two articles' headlines, into one block, which then reads as text
(老区百姓享红利 / 重走长征路 感悟初心力量 / ——江西瑞金红色旅游见闻). It fires on 14 blocks of the
1000 hunt pages, all headline lines (the only others opened with a dateline): hunt CER 7.6 ->
7.4, seg F1 89.4 -> 89.5, titles 82.8 -> 83.0, subtitles 76.2 -> 76.3, datelines 94.2 -> 94.5;
train seg 91.9 -> 92.0, titles 84.3 -> 84.4; wide unchanged (it never fires there). But on
the one validation page where it fires the article it mends (title, subtitle and byline now
right) takes in the next article's text, whose title the rejoin stage had run into a paragraph,
and that article's byline goes to the one after: valid seg F1 92.4 -> 92.3, CER 5.4 -> 5.8,
bylines 84.4 -> 83.6. Worth trying again once titles set on their own line under a closed
sentence stay apart from the text. Tried again later in December on the then code, the same:
hunt seg 89.9 -> 90.0, titles 83.3 -> 83.4, but valid seg 92.4 -> 92.3, CER 5.4 -> 5.7, bylines
83.0 -> 82.2 (v0015 again: the title found, the decoder then gives the next article's text and
title to it), and on the split of stories no fitted weight saw (fresh) seg 85.8 -> 85.7,
subtitles 68.0 -> 67.5: there three lines of a narrow column's prose hold no mark at all
(我国科学家揭示玉米 / 耐高温“分子开关” / 为培育耐热作物提). Nor two-line heading blocks split
into one heading per line, for the attach step to pair: train subtitles 77.3 -> 76.0, valid
80.5 -> 79.1, wide 77.6 -> 76.8: most such blocks are one title broken over two lines, and a
kicker over its title, split, reads as a title over a subtitle.)

(Issue #14, "merged: title read as text", classified in December: of the gold titles the label
stage puts in no heading, by where the title's line stands, train / hunt / fresh: inside a
paragraph, the line above breaking off inside the sentence the headline cuts, 7 / 28 / 8; under a
heading-shaped line run into the same paragraph (a kicker, or another headline's line), 3 / 26 /
11; the first line of a paragraph, run onto the text under it, 4 / 18 / 12; a one-line paragraph,
on fresh all a title with a comma under its kicker (大模型进医院：能看报告，不能替医生), 1 / 3 / 4;
after a closed sentence in a paragraph, 3 / 2 / 1; a caption's or quote's line, 2 / 7 / 2.
Kept, once the assemble stage was mended: (1) the first line of a paragraph right under
headings or bylines split off as a heading where the paragraph above them breaks off inside a
sentence and a word runs on from its end into the paragraph's *second* line (新增车 / 【国际观察】
/ title / 位62个；…), not into or out of the first (L006 run_in_cut_gain,
:func:`_headlines_over_cut_text`): fires on 15 lines of train, valid, wide, hunt and fresh, all
headline lines. Alone it cost train bylines 87.8 -> 87.5 (t0111: the kicker and title of an
article set after its text, cutting its last sentence, found, the assemble stage then gave the
byline under them to the next article); with A003 ``byline_apart`` keeping a byline under the
moved rest of the cut sentence with its group (``Attaching.under_moved_text``) nothing falls.
Tried and not kept: (2) A line
inside a paragraph set more than run_in_apart ems wider than its measure, the line above filling
the column and breaking off inside a sentence, no word across either break: right on 8 of 9
lines of train, valid, wide and fresh, but the assemble stage heals no sentence around such a
headline (none runs a word across it) and reads the text under it as that headline's article
(with (1)): wide seg 92.8 -> 92.7, datelines 95.8 -> 95.3, fresh CER 7.7 -> 7.8, seg 90.1 -> 90.0, datelines
93.4 -> 93.2 (and set as far *short*, the indented first line of a narrower column run on from a
cut sentence as often). (3) L006 over_byline / over_dateline on pages set in columns, the line
right under a heading: the comma titles found (f0053, f0170), but a subhead's first text line,
不过，推广可循环包装仍面临一些 / byline, and an interview's question taken as titles.)
"""

from __future__ import annotations

import re

from ..chars import HAN, HAN_RE, NO_LINE_START, ORNAMENTS, SQUEEZED, all_wide, ends_sentence, half_count, nows, quote_balance
from ..model import Block, Change, Deferred, Page, replace
from ..rules import Rule, search_any
from ._common import apply_line_edits, dateline_at, line_replacements, median_without, rebuild
from .captions import find_bare_captions
from .block_kinds import _join_caption, _label, _matches, _one_type, bold_lines, is_heading
from .lines import is_name
from .pullquotes import pullquotes_by_window
from .rejoin import word_cut

STAGE = "label"


def _by_picture(geo: list, b: Block, cap) -> bool:
    """On a PDF page: every line of the block is set in type no larger than ``geo_caption_ratio``
    of the body's, right under or over a picture (the reader measured both)."""
    gs = [geo[k] for k in b.lines]
    return all(g is not None and g.by_picture and g.ratio <= cap.params["geo_caption_ratio"] for g in gs)


def run(page: Page) -> Page:
    rules = page.rules
    changes: list[Change] = []
    edits = []
    ornament_lines: list[int] = []
    blocks = list(page.blocks)
    # (an ocr_block rule describes what only OCR output holds: picture debris read as text)
    dropped_rules = [r for r in rules.for_stage(STAGE) if r.enabled and (
        r.check == "whole_block" or (r.check == "ocr_block" and page.layout.ocr))]
    cap = rules["L003"] if rules.enabled("L003") else None
    byl = rules["L004"] if rules.enabled("L004") else None
    head = rules["L006"] if rules.enabled("L006") else None
    geo = page.geometry() if page.layout.geometry is not None else None

    out: list[Block] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        text = b.text
        kind = None
        for r in dropped_rules:
            if len(text) <= r.params["max_length"] and _matches(r.params["patterns"], text):
                if _inside_sentence(out[-1] if out else None, b, blocks[k + 1] if k + 1 < len(blocks) else None):
                    # (a drop that would take article text does not happen: the block is a paragraph)
                    kind = "paragraph"
                    out.append(_label(page, b, kind, r, "matches a pattern, but is a piece of a sentence broken "
                                      "over the lines around it: kept as text", changes))
                else:
                    kind = r.params["kind"]
                    out.append(_label(page, b, kind, r, "matches a pattern", changes))
                break
        if kind:
            k += 1
            continue
        # a caption can run over several blocks and end in a photo credit
        if cap and len(text) <= cap.params["max_length"] and _matches(cap.params["patterns"], text):
            while k + 1 < len(blocks) and not _matches(cap.params["credit_patterns"], blocks[k].text) \
                    and len(blocks[k].text) < cap.params["max_length"]:
                nxt = blocks[k + 1].text
                if any(r.check == "whole_block" and len(nxt) <= r.params["max_length"]
                       and _matches(r.params["patterns"], nxt) for r in dropped_rules):
                    # (the page's credit or furniture under the caption: 本版图片由视觉中国提供 is the
                    # page's; not OCR picture debris, ocr_block, which may be the credit's rest: 摄）)
                    break
                if _matches(cap.params["credit_patterns"], nxt) or (
                        not ends_sentence(blocks[k].text) and len(nxt) <= cap.params["credit_max_length"]
                        and not ends_sentence(nxt[:-1])):
                    blocks[k] = _join_caption(page, blocks[k], blocks[k + 1], cap, changes)
                    del blocks[k + 1]
                else:
                    break
            b = blocks[k]
            out.append(_label(page, b, "caption", cap, "opens like a caption", changes))
            k += 1
            continue
        if cap and len(text) <= cap.params["credit_max_length"] and _matches(cap.params["credit_patterns"], text) \
                and not (byl and _WORDS_BY.match(text) and len(text) <= byl.params["max_length"]
                         and _matches(byl.params["patterns"], text)):
            # (words by a reporter, pictures from elsewhere: 文/本报记者 X 供图/新华社 is a byline)
            out.append(_caption_with_sentence_above(page, geo, out, b, cap, rules, changes, "a photo credit"))
            k += 1
            continue
        if cap and len(text) <= cap.params["max_length"] and _sentence_then_credit(cap, text, rules):
            out.append(_caption_with_sentence_above(page, geo, out, b, cap, rules, changes,
                                                    "a sentence and its photo credit"))
            k += 1
            continue
        if cap and geo is not None and _by_picture(geo, b, cap) \
                and not (byl and len(text) <= byl.params["max_length"] and _matches(byl.params["patterns"], text)):
            out.append(_label(page, b, "caption", cap, "small type right under or over a picture", changes))
            k += 1
            continue
        if byl and cap and k + 1 < len(blocks) and blocks[k + 1].first == b.last + 1 \
                and len(text) <= byl.params["max_length"] and _lone_credit_mark(cap, blocks[k + 1].text) \
                and _matches(byl.params["patterns"], text):
            # a photo credit broken before its 摄 (YMG全媒体记者 X / 摄): a reporter's name, but
            # the credit of the caption above, not a byline
            joined = _join_caption(page, b, blocks[k + 1], cap, changes)
            if out and out[-1].kind == "caption" and out[-1].last + 1 == b.first:
                out.append(_label(page, _join_caption(page, out.pop(), joined, cap, changes), "caption", cap,
                                  "a caption and its photo credit, broken before its last word", changes))
            else:
                out.append(_caption_with_sentence_above(page, geo, out, joined, cap, rules, changes,
                                                        "a photo credit broken before its last word"))
            k += 2
            continue
        if byl and len(text) <= byl.params["max_length"] and _matches(byl.params["patterns"], text):
            b = _label(page, b, "byline", byl, "reporter names", changes)
            # the ornament is not part of the byline
            first = page.lines[b.first]
            lead = len(first.text) - len(first.text.lstrip(ORNAMENTS + " "))
            if lead:
                e, c = line_replacements(page, STAGE, byl, b.first, [(0, lead, "")],
                                         f"byline ornament '{first.text[:lead].strip()}' removed")
                edits += e
                changes += c
                ornament_lines.append(b.first)
            out.append(b)
            k += 1
            continue
        if byl and head and _bare_names(rules, out, b, blocks[k + 1] if k + 1 < len(blocks) else None, head):
            out.append(_label(page, b, "byline", byl, "names alone between a headline and the text", changes))
            k += 1
            continue
        if cap and _reads_on_as_caption(page, geo, out, b, cap, rules, inside_credit=True):
            # (a credit broken after its first words: its rest reads as a heading on its own)
            out.append(_label(page, _join_caption(page, out.pop(), b, cap, changes), "caption", cap,
                              "a sentence and its photo credit, broken inside the credit", changes))
            k += 1
            continue
        if head and is_heading(page, b, head) and not opens_with_dateline(rules, text):
            out.append(replace(b, kind="heading"))
            k += 1
            continue
        out.append(replace(b, kind="paragraph"))
        k += 1

    if edits:
        page, out = apply_line_edits(page, edits, ornament_lines, out)
    if cap and rules.enabled("L005"):
        out = _datelines_out_of_captions(page, out, cap, rules, changes)
    if head:
        out = _headline_lines_run_in(page, out, head, changes)
        out = _dash_rest_run_in(page, out, head, changes)
        out = _titles_over_dash_subtitles(page, out, head, changes)
        out = _titles_over_bylines(page, out, head, changes)
        out = _dash_subtitles_going_on(page, out, head, changes)
        out = _figures_going_on(page, out, head, changes)
        out = _colon_heads_going_on(page, out, head, changes)
        if not page.layout.ocr and page.layout.geometry is None:
            out = _heading_line_over_text(page, out, head, changes)
            out = _headings_cut_into_sentences(page, out, head, changes)
            out = _headlines_over_cut_text(page, out, head, changes)

    dated: dict[str, bool] = {}  # (each paragraph's text -> whether it opens with a dateline: asked once a page)
    datelines = find_datelines(page, out, rules["L005"], changes, dated) if rules.enabled("L005") else {}
    sources: dict = {}
    if rules.enabled("L007"):
        out = pullquotes_by_window(page, out, rules["L007"], changes, sources, set(datelines))
    if head and not page.layout.ocr and page.layout.geometry is None:
        # (after the pull quotes: a quote's lines, 这是赣江师范学院 / “方言有声档案” / …, stay a quote)
        out = _stacked_heading_lines(page, out, head, changes)
        # (after the pull quotes: a quote set between a sentence's pieces is passed over)
        out = _text_pieces_read_as_headings(page, out, head, changes)
    if cap:  # (captions with no keyword and no credit, weighed on their cues: after the pull quotes)
        out = find_bare_captions(page, out, cap, rules, changes, dated)
    return page.evolve(blocks=tuple(out), changes=page.changes + tuple(changes),
                       layout=replace(page.layout, datelines=datelines, pullquote_sources=sources))


_SENTENCE_END = re.compile("[。！？][”’」』]?")
#: what a sentence broken over lines carries on at the break: a Han character or a clause mark
_RUNS_ON = re.compile(f"[{HAN}，、]")
#: a clause mark: prose sets one inside a sentence, a furniture line without a blank does not
_CLAUSE = re.compile("[，、]")


def _inside_sentence(prev: Block | None, b: Block, nxt: Block | None) -> bool:
    """``b`` is a piece of running text, not page furniture, whatever a furniture pattern says
    (a line of prose may open like a QR code's note: 扫码就能查询排队时长、预 / 约演出座位。): the
    block before it breaks off inside a sentence (its last character a Han character or a clause
    mark), ``b`` holds no blank (furniture sets its parts apart: 第15版 园区, 责任编辑 程娟建)
    but a clause mark (，、: a sentence's, which furniture without a blank does not hold: 本版图片由
    视觉中国提供, 第06版：要闻) and breaks off inside the sentence too, and the block after it carries the sentence on (it
    opens with a Han character). A drop that would take article text does not happen: the block
    stays text. Page furniture between two pieces of a sentence broken over a column holds a
    blank, or stands where the text before it closes its sentence."""
    if prev is None or nxt is None or prev.kind in ("furniture", "credit") or not prev.text or not nxt.text:
        return False
    t = b.text.strip()
    return (bool(t) and not any(c.isspace() for c in t) and _CLAUSE.search(t[:-1]) is not None and _RUNS_ON.fullmatch(prev.text.rstrip()[-1:]) is not None
            and _RUNS_ON.fullmatch(t[-1]) is not None and HAN_RE.match(nxt.text.lstrip()) is not None)
#: a byline that names the words' author first (文/本报记者 X, 本版文/…)
_WORDS_BY = re.compile(f"^[{ORNAMENTS}]?\\s*(?:本版)?文[/／]")


def _bare_names(rules, out: list[Block], b: Block, nxt: Block | None, head: Rule) -> bool:
    """``b`` is a byline of names alone, no role, no ornament (a commentary's author under its
    title: 老厂房变身文创园 / 邱文俊 / 昔日机器轰鸣的…): one to L004's ``bare_names_max`` words, each a name by the
    surname lexicon (T001's, :func:`~cleaner.stages.lines.is_name`) of L004's ``bare_name_min_length``
    characters or more (a word of two, 家园, 房车, opens with a surname as often; right under a dash
    subtitle, a surname and a given name will do: 罗明), parted by blanks or 、, right
    after a heading (the block before it, labelled so) and right before a paragraph (the block
    after it is longer than a heading, L006's ``max_length``, or closes a sentence). A short
    heading that happens to open with a surname (金秋) stands where a title's kicker or subhead
    stands, not between a heading and its text as all of a line."""
    if not rules.enabled("T001") or not out or out[-1].kind != "heading" or nxt is None \
            or out[-1].last >= b.first or nxt.first <= b.last:
        return False
    words = [w for w in re.split("[\\s、]+", b.text.strip()) if w]
    p = rules["L004"].params
    # (right under a dash subtitle, a feature's, names of two characters too, a surname and a
    # given name: no subhead stands between a headline and its text's first paragraph)
    least = 2 if _matches(head.params["subtitle_openers"], out[-1].text) else p["bare_name_min_length"]
    if not words or len(words) > p["bare_names_max"] \
            or not all(is_name(w, rules["T001"]) and len(w) >= least for w in words):
        return False
    return len(nxt.text) > head.params["max_length"] or ends_sentence(nxt.text)


def _lone_credit_mark(cap: Rule, text: str) -> bool:
    """``text`` is a picture's word alone (摄, 供图: L003's ``credit_marks`` from its start): the
    end of a photo credit wrapped onto a line of its own."""
    m = _matches(cap.params["credit_marks"], text)
    return m is not None and m.start() == 0


def _sentence_then_credit(cap: Rule, text: str, rules) -> bool:
    """A block that is a sentence and then a photo credit (一列中欧班列从西安国际港站驶出。 本报记者
    朱志娟摄): a caption, with or without 图为. The credit is what follows the last sentence end,
    a credit of L003's patterns on its own (no longer than ``credit_max_length``), and not the
    source line that closes a report (据新华社: J001's ``closing_lines``) unless a picture's
    word ends it (（明报制图）: ``credit_marks``)."""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return False
    tail = text[ends[-1].end():].strip()
    if not tail or len(tail) > cap.params["credit_max_length"] \
            or not _matches(cap.params["credit_patterns"], tail):
        return False
    closing = rules["J001"].params["closing_lines"] if rules.enabled("J001") else []
    return not _matches(closing, tail) or _matches(cap.params["credit_marks"], tail) is not None


def _caption_with_sentence_above(page: Page, geo: list | None, out: list[Block], b: Block, cap: Rule, rules,
                                 changes: list, evidence: str) -> Block:
    """The caption ``b`` (a photo credit, or the end of a sentence and its credit), with the
    paragraph right above it joined on where the two read as one sentence and its credit: a
    caption without 图为 whose lines the rejoin stage kept apart, broken before its credit
    (观众在博物馆内参观青铜器展品。 / 卢国宏 廖健娜 摄), inside it (…展品。 中新社 / 记者 罗宇倩 摄)
    or inside its sentence (次仁多吉（右）在牧民家中为老人测量 / 血压。 杨勇 张英伟 摄). Not a
    paragraph of two sentences or more, nor one longer than a caption (``max_length``): a credit
    under a picture set after the text keeps to itself. ``out`` loses the paragraph it joins."""
    if _reads_on_as_caption(page, geo, out, b, cap, rules):
        b = _join_caption(page, out.pop(), b, cap, changes)
        evidence = "a sentence and its photo credit, broken over lines"
    return _label(page, b, "caption", cap, evidence, changes)


def _reads_on_as_caption(page: Page, geo: list | None, out: list[Block], b: Block, cap: Rule, rules,
                         inside_credit: bool = False) -> bool:
    """Whether the paragraph last in ``out``, right above ``b``, and ``b`` read as one sentence
    and its photo credit, no longer than a caption (``max_length``). ``inside_credit``: only
    where the credit starts on the paragraph's own last line, after its sentence (…小吃。万兰 /
    制图, …小吃。（路透 / 社）): ``b`` is not itself a credit, but the rest of one."""
    prev = out[-1] if out else None
    if prev is None or prev.kind != "paragraph" or prev.last + 1 != b.first \
            or len(prev.text) + len(b.text) > cap.params["max_length"]:
        return False
    joined = prev.text + b.text
    if len(_SENTENCE_END.findall(joined)) != 1 or quote_balance(joined) > 0:
        # (a paragraph cut by the caption in a quotation it opened, “过去我们是‘内陆腹地’，现在
        # 变成了‘开放 / [caption] / 前沿’。”…: the caption's sentence is not its own)
        return False
    if geo is not None and not _one_type(page, geo, prev, b):
        return False  # (on a PDF page, a caption is set in one type, the body's is another)
    if inside_credit:
        end = _SENTENCE_END.search(prev.text)
        if end is None or not prev.text[end.end():].strip() or _SENTENCE_END.search(b.text):
            return False
    return _sentence_then_credit(cap, joined, rules)


def _reads_as_caption(cap: Rule, rules, text: str) -> bool:
    """``text`` reads as a caption by L003's own tests: it opens like one (图为…), is a photo
    credit, or is a sentence and its photo credit."""
    return (len(text) <= cap.params["max_length"] and _matches(cap.params["patterns"], text) is not None) \
        or (len(text) <= cap.params["credit_max_length"] and _matches(cap.params["credit_patterns"], text) is not None) \
        or (len(text) <= cap.params["max_length"] and _sentence_then_credit(cap, text, rules))


def _caption_start(page: Page, b: Block, cap: Rule, rules) -> int | None:
    """Where the caption in ``b`` starts, ``b`` opening with a dateline's line: the index of
    the line that opens like a caption (图为…), or else the last line such that the lines
    above it close no sentence where they stop (a paragraph cut by the caption goes on after
    it) and the lines from it on still read as a caption. None: no such line."""
    texts = [page.lines[k].text.strip() for k in b.lines]
    best = None
    for j in range(1, len(texts)):
        m = _matches(cap.params["patterns"], texts[j])
        if m is not None and m.start() == 0:
            return j
        if ends_sentence(texts[j - 1]):
            break
        if _reads_as_caption(cap, rules, rebuild(page, replace(b, lines=b.lines[j:], joiners=b.joiners[j:])).text):
            best = j
    return best


def _datelines_out_of_captions(page: Page, blocks: list[Block], cap: Rule, rules, changes: list) -> list[Block]:
    """Captions that took in an article's dateline, given it back (L005). A caption set inside
    the text cuts the paragraph around it, and on a page without blank lines the rejoin stage
    may run the paragraph's first lines into the caption (本报大连4月20日讯 华灯初上，桐溪县老街上人
    / 8月20日晚，游客在…小吃。 / 新华社记者 黄宇军 摄 / 头攒动，…): the block opens with a
    dateline and reads as a sentence and its credit. A dateline opens an article's text, never
    a caption: the lines before the caption's (:func:`_caption_start`) are split off as a
    paragraph, which the assemble stage heals with its rest after the caption."""
    dl = rules["L005"]
    out: list[Block] = []
    for b in blocks:
        j = _caption_start(page, b, cap, rules) if b.kind == "caption" and len(b.lines) > 1 \
            and dateline_at(rules, page.lines[b.first].text.strip()) is not None else None
        if j is None:
            out.append(b)
            continue
        lead = rebuild(page, replace(b, kind="paragraph", lines=b.lines[:j], joiners=b.joiners[:j - 1]))
        changes.append(Change(dl.id, STAGE, "split", page.block_span(b), "", "",
                              Deferred(dl.describe, kind="paragraph", text=lead.text,
                                       evidence="a dateline's paragraph run into the caption set inside it"),
                              dl.safety))
        out += [lead, rebuild(page, replace(b, lines=b.lines[j:], joiners=b.joiners[j:]))]
    return out


def _headline_lines_run_in(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """Paragraphs whose last line is a headline the rejoin stage ran onto the text above it (a
    page without blank lines, the headline drawn inside its article or after the one above:
    …余额达到1036亿元， / 绿色信贷余额突破千亿元 / ◎扬子晚报全媒体记者 黄梓一 / 首次突破千亿元…),
    that line split off as a heading of its own. The signs, all at once: a byline follows the
    paragraph (a byline is set next to its headline), and text, not a heading, follows the
    byline (a heading there is the headline's rest: a title broken around a byline set on its
    first line, which this line alone would not be); the line closes no sentence, holds none of
    L006's ``stack_marks`` and closes every mark it opens (a line that closes a quotation opened
    above is a piece of a line broken elsewhere: 住”又“跑得远”); and it is set apart from the
    paragraph's measure (the widest of its other lines) by more than L006's ``run_in_apart`` ems,
    shorter or longer: a text line that closes no sentence goes on in the next column and so
    fills its own (a paragraph's short last line closes its sentence), and none runs wider than
    its column."""
    p = head.params
    out: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        if b.kind != "paragraph" or len(b.lines) < 2 or nxt is None or nxt.kind != "byline" \
                or (after is not None and after.kind == "heading"):
            out.append(b)
            continue
        last = page.lines[b.last]
        measure = max(page.lines[k].width for k in b.lines[:-1])
        if not _headline_line_apart(last, measure, p):
            out.append(b)
            continue
        changes.append(_heading_split(page, b, head, last.text, f"a headline run onto the text above it: it closes "
                                      f"no sentence, is set {last.width - measure:+.1f} ems off the paragraph's "
                                      f"measure, and its byline follows"))
        out.append(rebuild(page, replace(b, lines=b.lines[:-1], joiners=b.joiners[:len(b.lines) - 2])))
        out.append(rebuild(page, replace(b, kind="heading", lines=(b.last,), joiners=(), width=0.0)))
    return out


def _stacked_heading_lines(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A paragraph of three lines or more that holds no sentence or clause mark at all (none of
    L006's ``stack_marks``) and closes no sentence, each line at most ``max_length`` characters
    and the block opening with no dateline, is headlines the rejoin stage read as one narrow
    column (城区公共场所配齐AED / “救命神器”如何用得上 / 一所县中的“突围”: a title broken over two
    lines, then the next article's title): prose runs three lines without a comma only by
    chance. A line leaving a quotation open that the line right under it closes is one headline
    with it (【今日关注】 / 警惕“指尖上的 / 形式主义”: a title broken inside its quotation,
    :func:`_quoted_pieces`). Not where a line leaves a mark open that the next line does not close
    (“小商品做的是 / 开放型经济观察: a quotation broken over lines of prose) nor
    where every line is set one width (within L006's ``indent_slack``: a narrow column's text,
    这是赣江师范学院 / “方言有声档案” / 项目的一次田野录); headlines are broken where an editor
    chooses. Each line is taken off as a heading of its own, for the assemble stage to join a
    headline broken over two lines and to tell titles, subtitles and kickers apart. Text pages
    only (on the OCR fitting pages: titles +0.3, subtitles -0.6)."""
    stack = frozenset(head.params["stack_marks"])
    out: list[Block] = []
    for b in blocks:
        if b.kind != "paragraph" or not b.lines[2:] or not stack.isdisjoint(b.text) or ends_sentence(b.text) \
                or any(len(nows(page.lines[k].text)) > head.params["max_length"] for k in b.lines) \
                or opens_with_dateline(page.rules, b.text):
            out.append(b)
            continue
        pieces = _quoted_pieces(page, b)
        if pieces is None:
            out.append(b)
            continue
        widths = [page.lines[k].width for k in b.lines]
        if max(widths) - min(widths) <= head.params["indent_slack"]:
            out.append(b)  # (every line one width: a narrow column's text, 这是赣江师范学院 / “方言有声档案” / …)
            continue
        for a, z in pieces:
            text = "".join(page.lines[k].text.strip() for k in b.lines[a:z])
            changes.append(_heading_split(page, b, head, text, "headlines stacked line by line: the block's "
                                          f"{len(b.lines)} lines hold no sentence or clause mark"))
            out.append(rebuild(page, replace(b, kind="heading", lines=b.lines[a:z], joiners=b.joiners[a:z - 1],
                                             width=0.0)))
    return out


def _quoted_pieces(page: Page, b: Block) -> list[tuple[int, int]] | None:
    """The block's lines as headlines, (start, end) line positions: each line on its own where it
    closes every mark it opens; a line that leaves a quotation open with the line right under it
    that closes it (警惕“指尖上的 / 形式主义”: a title broken inside its quotation, which an editor
    breaks where it fits). None where a line leaves a mark open that the next does not close (“小商品
    做的是 / 开放型经济观察: a quotation broken over the lines of prose)."""
    pieces: list[tuple[int, int]] = []
    n, k = len(b.lines), 0
    while k < n:
        bal = quote_balance(nows(page.lines[b.lines[k]].text))
        if bal == 0:
            pieces.append((k, k + 1))
            k += 1
        elif bal > 0 and k + 1 < n and bal + quote_balance(nows(page.lines[b.lines[k + 1]].text)) == 0:
            pieces.append((k, k + 2))
            k += 2
        else:
            return None
    return pieces


def _titles_over_dash_subtitles(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A short paragraph right over a subtitle led in by a dash (L006's ``subtitle_openers``:
    预付卡“跑路”，消费者的钱怎么追 / ——市中级人民法院发布预付式消费纠纷典型案例), labelled a heading:
    a dash subtitle stands under its title, and a title may hold a comma or a colon, which
    :func:`~cleaner.stages.block_kinds.is_heading` asks of a plain heading only up to
    ``comma_max_length`` characters. The paragraph is one line of at most ``max_length``
    characters, holds no sentence end (。！？；) and opens with no dateline (an article's first
    paragraph cut by a headline set inside it goes on past the headline). (Two lines too, a title
    broken over them, was tried: on the validation split the one block of two lines so found, a
    title, took its article's decoder reading into the next article, valid seg 93.3 -> 93.2,
    bylines 86.9 -> 86.2, CER 4.9 -> 5.2; fresh as with one line.)"""
    p = head.params
    rules = page.rules
    out = list(blocks)
    for i in range(len(out) - 1):
        b, nxt = out[i], out[i + 1]
        if b.kind != "paragraph" or nxt.kind != "heading" or nxt.first != b.last + 1 or b.lines[1:] \
                or not _matches(p["subtitle_openers"], nxt.text) or len(nows(b.text)) > p["max_length"] \
                or _SENTENCE_MARK.search(b.text) or opens_with_dateline(rules, b.text):
            continue
        out[i] = _label(page, b, "heading", head, "a title right over its dash subtitle", changes)
    return out


def _titles_over_bylines(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A short paragraph right over a byline (本报记者 X, 记者X报道), labelled a heading: a byline is
    set under its headline, and a title may hold a comma or a colon (大模型进医院：能看报告，不能替医生),
    which :func:`~cleaner.stages.block_kinds.is_heading` asks of a plain heading only up to
    ``comma_max_length`` characters. Where the type does not tell (a page already clean, one
    paragraph a line, or a headline not drawn twice) the byline does. The paragraph passes the
    tests of :func:`_titles_over_dash_subtitles`: one line of at most ``max_length`` characters,
    no sentence end, no dateline."""
    p = head.params
    if not p["over_byline"] or page.layout.columned:
        return blocks
    rules = page.rules
    out = list(blocks)
    for i in range(len(out) - 1):
        b, nxt = out[i], out[i + 1]
        if b.kind != "paragraph" or nxt.first != b.last + 1 or b.lines[1:] \
                or not (nxt.kind == "byline" or (p["over_dateline"] and opens_with_dateline(rules, nxt.text))) \
                or len(nows(b.text)) > p["max_length"] or _SENTENCE_MARK.search(b.text) \
                or b.text.rstrip()[-1:] in p["end_marks"] or opens_with_dateline(rules, b.text):
            continue
        out[i] = _label(page, b, "heading", head, "a title right over its byline", changes)
    return out


def _text_pieces_read_as_headings(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """Headings that are a piece of a sentence a caption or a pull quote cut out of its
    paragraph (28岁的无人机飞手任浩 / [caption] / 然去年考取了操作证书…), labelled text again, for the
    assemble stage to heal with the rest: the heading closes no sentence, is set in no bold
    display type and led in by no dash, and the next text block (past captions, pull quotes and
    page furniture) is a paragraph a word runs on into from the heading's end
    (:func:`~cleaner.stages.rejoin.word_cut`, L006's ``run_in_cut_gain`` on L007's
    ``cut_word_reach`` characters either side): 任浩 / 然 reads 浩然. A headline ends where its
    words do. Where that paragraph is the block right under it, the two are joined into one
    paragraph (the join the rejoin stage did not make; as two paragraphs the assemble stage
    heals no such pair: 何晓雯：2021 年我跟 / 腱受伤…). (The word across the heading's *start*, from the text before it, was tried and
    left out: a headline set inside a paragraph it cuts meets that paragraph's cut end by chance,
    创 / 新编越剧…, 保 / 重走长征路…: 5 headlines of 11 on train, valid, wide and fresh.)"""
    p = head.params
    bold = bold_lines(page)
    reach = page.rules["L007"].params["cut_word_reach"] if page.rules.enabled("L007") else p["max_length"]
    end_max = page.rules["D006"].params["end_max"] if page.rules.enabled("D006") else 0
    out: list = list(blocks)
    for i, b in enumerate(out):
        if b is None or b.kind != "heading" or ends_sentence(b.text) or _matches(p["subtitle_openers"], b.text) \
                or any(k in bold for k in b.lines):
            continue
        k = i + 1
        while k < len(out) and out[k].kind in ("caption", "pullquote", "furniture", "credit"):
            k += 1
        if k == len(out) or out[k].kind != "paragraph" \
                or not word_cut(b.text.rstrip()[-reach:], out[k].text.lstrip()[:reach], p["run_in_cut_gain"]) \
                or opens_with_dateline(page.rules, out[k].text):
            continue  # (a dateline opens an article: no sentence runs on into it)
        if k == i + 1 and out[k].first == b.last + 1 and not out[k].lines[1:] and not ends_sentence(out[k].text) \
                and len(nows(out[k].text)) <= end_max:
            # (a lone character or two under it, closing nothing: the headline's own end, broken
            # inside its last word, 国新办发布会：…有关情 / 况, as D006 joins one where no mark stops it)
            n = out[k]
            changes.append(Change(head.id, STAGE, "join", (page.lines[b.last].end, page.lines[n.first].start), "\n", "",
                                  Deferred(head.describe, kind="heading", text=b.text.strip() + n.text.strip(),
                                           evidence="a headline broken inside its last word: its end on the line "
                                                    "under it"), head.safety))
            out[k] = rebuild(page, replace(n, kind="heading", lines=b.lines + n.lines, joiners=b.joiners + ("",) + n.joiners))
            out[i] = None
            continue
        if k == i + 1 and out[k].first == b.last + 1:
            # (the sentence's rest right under it: one paragraph, as the rejoin stage would have made it)
            n = out[k]
            changes.append(Change(head.id, STAGE, "join", (page.lines[b.last].end, page.lines[n.first].start), "\n", "",
                                  Deferred(head.describe, kind="paragraph", text=b.text.strip(),
                                           evidence="a piece of a sentence: a word runs on from its end into the "
                                                    "line under it"), head.safety))
            out[k] = rebuild(page, replace(n, lines=b.lines + n.lines, joiners=b.joiners + ("",) + n.joiners))
            out[i] = None
            continue
        out[i] = _label(page, b, "paragraph", head, "a piece of a sentence: a word runs on from its end into the "
                        "text after it", changes)
    return [b for b in out if b is not None]


def _join_heading_lines(page: Page, head: Rule, prev: Block, b: Block, evidence: str, changes: list) -> Block:
    """Heading ``prev`` with the block ``b`` on the line right under it joined on, no blank
    between (one headline broken over two lines), the join recorded with its ``evidence``."""
    changes.append(Change(head.id, STAGE, "join", (page.lines[prev.last].end, page.lines[b.first].start), "\n",
                          "", Deferred(head.describe, kind="heading", text=prev.text.strip() + b.text.strip(),
                                       evidence=evidence), head.safety))
    return rebuild(page, replace(prev, kind="heading", lines=prev.lines + b.lines, joiners=prev.joiners + ("",) + b.joiners))


def _join_going_on(page: Page, blocks: list[Block], head: Rule, changes: list, goes_on, evidence: str) -> list[Block]:
    """``blocks`` with each heading joined onto the block on the line right above it where
    ``goes_on(above, heading)`` says the two are one headline broken over two lines."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind == "heading" and prev is not None and prev.last + 1 == b.first and goes_on(prev, b):
            out[-1] = _join_heading_lines(page, head, prev, b, evidence, changes)
            continue
        out.append(b)
    return out


def _dash_subtitles_going_on(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A dash subtitle (L006's ``subtitle_openers``) ending on a mark a headline does not stop
    on (``end_marks``: ——访中国科普作家协会会员、 / 天文科普达人韦星河), joined with the heading on the
    line right under it: one subtitle broken over two lines after its comma, whatever its length
    (the attach step joins a dash line to the heading under it only up to A003's
    ``dash_line_max`` characters, a line the headline's measure broke). No title, subtitle,
    kicker or subhead of the gold pages ends on a clause mark. (Plain headings so ending, joined
    alike, 大模型进医院： / 能看报告，不能替医生: fresh bylines 84.6 -> 84.4, subheads 70.4 -> 70.3, the
    titles found reading the decoder's articles differently on two pages.) The join is recorded."""
    p = head.params
    return _join_going_on(page, blocks, head, changes,
                          lambda a, b: a.kind == "heading" and a.text.rstrip()[-1:] in p["end_marks"]
                          and _matches(p["subtitle_openers"], a.text) and not _matches(p["subtitle_openers"], b.text),
                          "a dash subtitle broken after a mark it does not stop on")


def _figures_going_on(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A heading that is only a figure (L006's ``figure_pieces``: 6.1%, 2024, 3.5亿 is not one),
    right under a heading: the end of a headline its measure broke before the figure
    (1至8月规模以上工业增加值增长 / 6.1%), joined on with no blank. A figure alone is no title, kicker,
    subtitle nor subhead: left apart, it is read as one of them and the headline above loses
    its end. The join is recorded."""
    pieces = head.params["figure_pieces"]
    if not pieces:
        return blocks
    return _join_going_on(page, blocks, head, changes,
                          lambda a, b: a.kind == "heading" and _matches(pieces, b.text.strip())
                          and not _matches(pieces, a.text.strip()),
                          "a figure alone under a headline: its end, broken before it")


def _colon_heads_going_on(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A short line ending on a colon (L006's ``colon_heads``: 江苏：, 国新办发布会：), right over a
    heading: the first piece of a headline broken after its colon (江苏： / 开启基本实现现代化新征程),
    joined on with no blank. Alone, :func:`~cleaner.stages.block_kinds.is_heading` reads it as
    text (a heading does not end on a mark), and the headline loses its head. Not a turn of an
    interview (``interview_turns``: 记者：, 问：), whose text follows. The join is recorded."""
    p = head.params
    pieces = p["colon_heads"]
    if not pieces:
        return blocks
    return _join_going_on(page, blocks, head, changes,
                          lambda a, b: a.kind in ("paragraph", "heading") and not a.lines[1:]
                          and _matches(pieces, a.text.strip()) and not search_any(p["interview_turns"], a.text),
                          "a headline broken after its colon")


#: a sentence's end anywhere in a text (a title holds none)
_SENTENCE_MARK = re.compile("[。！？；!?;]")


def _heading_split(page: Page, b: Block, head: Rule, text: str, evidence: str) -> Change:
    """The recorded split of paragraph ``b``: its line ``text`` taken off as a heading."""
    return Change(head.id, STAGE, "split", page.block_span(b), "", "",
                  Deferred(head.describe, kind="heading", text=text.strip(), evidence=evidence), head.safety)


def _headline_line_apart(line, measure: float, p: dict) -> bool:
    """Whether a paragraph's ``line`` reads as a headline's line run onto the text (L006's
    signs): it closes no sentence, is two to ``max_length`` characters, holds none of
    ``stack_marks``, closes every mark it opens (a line closing a quotation opened above is a
    piece of a line broken elsewhere: 住”又“跑得远”), and is set more than ``run_in_apart`` ems
    off ``measure``, the widest of the paragraph's other lines, shorter or longer."""
    t = nows(line.text)
    return not ends_sentence(line.text) and 2 <= len(t) <= p["max_length"] \
        and not any(c in p["stack_marks"] for c in t) and quote_balance(t) == 0 \
        and abs(line.width - measure) > p["run_in_apart"]


def _dash_rest_run_in(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A dash subtitle broken over two lines whose second line the rejoin stage ran into the
    paragraph under it (a headline set inside its article's text, cutting a sentence that goes
    on under it: …法院判决解 / “霸王条款”被判无效 / ——法院审结 / 一起健身合同纠纷案 / 除合同，
    健身房退还…), that line taken off the paragraph and joined to the dash line. The signs, all
    at once: the block right above is a heading led in by a dash (``subtitle_openers``), short
    enough to have been broken by the headline's measure (A003 ``dash_line_max``, the attach
    step's own bound for joining a heading to a dash line: a longer one is a whole subtitle);
    the text above the headline (the nearest block that is not a heading or a byline) is a
    paragraph that breaks off inside a sentence, so the headline was set inside the text and the
    paragraph under it may be that sentence's rest rather than the article's start (under a
    headline over its text, the first line of the text is the one that looks alike: 在全国职业
    院校技能 under ——走访湖滨职业技术学院); the paragraph opens with no dateline; and its first
    line, as :func:`_headline_lines_run_in` asks of a last one, closes no sentence, holds none of
    ``stack_marks``, closes every mark it opens and is set more than ``run_in_apart`` ems off
    the measure of the paragraph's other lines. (Without the sign of the text above it fired on
    9 blocks of train, valid, wide, hunt and fresh, 3 of them a text's first line: train
    subtitles 77.3 -> 76.9.)"""
    rules = page.rules
    if not rules.enabled("A003"):
        return blocks
    p = head.params
    longest = rules["A003"].params["dash_line_max"]
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if b.kind != "paragraph" or len(b.lines) < 2 or prev is None or prev.kind != "heading" \
                or prev.last + 1 != b.first or not _matches(p["subtitle_openers"], prev.text) \
                or len(nows(prev.text)) > longest or opens_with_dateline(rules, b.text):
            out.append(b)
            continue
        above = next((x for x in reversed(out) if x.kind not in ("heading", "byline")), None)
        if above is None or above.kind != "paragraph" or ends_sentence(above.text):
            out.append(b)
            continue
        first = page.lines[b.first]
        measure = max(page.lines[k].width for k in b.lines[1:])
        if not _headline_line_apart(first, measure, p):
            out.append(b)
            continue
        changes.append(_heading_split(page, b, head, first.text, f"the rest of the dash subtitle above, run onto its "
                                      f"text: it closes no sentence and is set {first.width - measure:+.1f} ems off "
                                      f"the paragraph's measure"))
        changes.append(Change(head.id, STAGE, "join", (page.lines[prev.last].end, first.start), "\n", "",
                              Deferred(head.describe, kind="heading", text=prev.text.strip() + first.text.strip(),
                                       evidence="a dash subtitle broken over two lines"), head.safety))
        out[-1] = rebuild(page, replace(prev, lines=prev.lines + (b.first,), joiners=prev.joiners + ("",)))
        out.append(rebuild(page, replace(b, lines=b.lines[1:], joiners=b.joiners[1:])))
    return out


#: a quotation mark or bracket :func:`~cleaner.chars.width` counts as squeezed
_SQUEEZED_RE = re.compile("[" + re.escape(SQUEEZED) + "]")


def _set_width(text: str) -> float:
    """How wide ``text`` is set, in ems, for comparing a line with its column: a quotation mark or
    bracket takes a whole em (a CJK font sets them wide: the synthesised and the printed columns
    alike; :func:`~cleaner.chars.width` counts them as squeezed, half), a digit, Latin letter or
    blank half of one, and a closing mark at the line's end nothing (hanging punctuation: a
    typesetter pulls ，。、”… onto the line before rather than start a line with it, so it may
    stand past the measure)."""
    t = text.strip()
    halves = half_count(t) - len(_SQUEEZED_RE.findall(t))
    return len(t) - halves / 2 - (1 if t[-1:] in NO_LINE_START else 0)


def _heading_line_over_text(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """Paragraphs whose first line is a heading the rejoin stage ran onto the text under it (a
    page without blank lines, a subhead or headline set right over its paragraph: 手机成了“新农具”
    / 在示范区的一块水稻田边， / 种粮大户…), that line split off as a heading of its own. A
    paragraph's first line is indented (首行缩进两字: L006's ``indent`` ems, give or take
    ``indent_slack``) and the lines under it fill the column; here the *second* line is the
    indented one, so a paragraph starts there, and the first line is no indented line. The signs,
    all at once: the paragraph has three lines or more and opens with no dateline; its first
    line closes no sentence, is two to ``max_length`` characters, holds none of ``stack_marks``,
    closes every mark it opens, and is not one indent short of the column (the measure: the
    median set width, :func:`_set_width`, of the lines under the second, the last left out while
    there are others); the second line is one indent short (at least ``indent`` less
    ``indent_slack``, at most two indents: shorter is a line that stops, not an indent), and
    holds no digit, Latin letter or blank, whose set width is a guess (a pull quote's
    团队自主研发的AI搜寻算法将 / 数据处理效率提高了近10倍， reads one indent short by chance); and no
    word runs across the break between the two (:func:`~cleaner.stages.rejoin.word_cut`, by
    ``run_in_cut_gain``: a paragraph's first line breaks where the measure falls, inside a word
    as often as not). The same heading run in *inside* a paragraph, after a line that closes a
    sentence (…效率也提高了。” / 无人集卡穿梭堆场 / 堆场内，一辆辆 / …: the rejoin stage read on past
    the sentence's end, the line filling its column), is split off the same way, the text above
    it a paragraph of its own. Text pages only (an OCR or PDF page's widths say other things)."""
    p = head.params
    stack = frozenset(p["stack_marks"])
    out: list[Block] = []
    for b in blocks:
        while b.kind == "paragraph" and b.lines[2:]:
            widths: list = []  # (the block's set widths and them sorted: made once, if a line asks)
            k, short2 = next(((k, short) for k in range(len(b.lines) - 2)
                              if k == 0 or ends_sentence(page.lines[b.lines[k - 1]].text)
                              for short in (_run_in_at(page, b, k, p, stack, widths),) if short is not None),
                             (None, None))
            if k is None:
                break
            line = page.lines[b.lines[k]]
            changes.append(_heading_split(page, b, head, line.text, f"a heading run onto the text under it: it closes no "
                                          f"sentence, and the line under it is set {short2:.1f} ems short of the column, "
                                          f"a paragraph's indented first line"))
            if k:
                out.append(rebuild(page, replace(b, lines=b.lines[:k], joiners=b.joiners[:k - 1])))
            out.append(rebuild(page, replace(b, kind="heading", lines=(line.index,), joiners=(), width=0.0)))
            b = rebuild(page, replace(b, lines=b.lines[k + 1:], joiners=b.joiners[k + 1:]))
        out.append(b)
    return out


def _headings_cut_into_sentences(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A headline set inside the paragraph it cuts, run onto the text under it (…几把长椅、一小 /
    一座城的“口袋公园” / 片健身器材，就成了…): the paragraph before breaks off inside a sentence,
    and a word runs on from its end into the line *under* the headline (小 / 片: 小片), not into
    the headline nor from the headline on (:func:`~cleaner.stages.rejoin.word_cut`, L006's
    ``run_in_cut_gain``). The headline's line is split off as a heading (for the assemble stage
    to heal the sentence around it); it passes the tests a heading run onto its text passes
    (closes no sentence, two to ``max_length`` characters, none of ``stack_marks``, every mark
    it opens closed) and opens with no dateline and no digit (a dateline's date, 10月下旬的长,
    reads on as a word across as often); none of the three lines holds a run of blanks (a line of
    columns set side by side, whose pieces are no one sentence's). Text pages only, as
    :func:`_heading_line_over_text`."""
    p = head.params
    stack = frozenset(p["stack_marks"])
    gain = p["run_in_cut_gain"]
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is None or prev.kind != "paragraph" or b.kind != "paragraph" or not b.lines[1:]:
            out.append(b)
            continue
        tail, line, nxt = page.lines[prev.last].text, page.lines[b.first].text, page.lines[b.lines[1]].text
        t = nows(line)
        if ends_sentence(tail) or not 2 <= len(t) <= p["max_length"] or not stack.isdisjoint(t) \
                or ends_sentence(line) or quote_balance(t) != 0 or t[0].isdigit() \
                or not word_cut(tail, nxt, gain) or word_cut(tail, line, gain) or word_cut(line, nxt, gain) \
                or opens_with_dateline(page.rules, b.text) or any("  " in x.strip() for x in (tail, line, nxt)):
            out.append(b)
            continue
        changes.append(_heading_split(page, b, head, line, "a headline set inside the sentence it cuts: a word runs "
                                      "on from the text above it into the line under it"))
        out.append(rebuild(page, replace(b, kind="heading", lines=(b.first,), joiners=(), width=0.0)))
        out.append(rebuild(page, replace(b, lines=b.lines[1:], joiners=b.joiners[1:])))
    return out


def _headlines_over_cut_text(page: Page, blocks: list[Block], head: Rule, changes: list) -> list[Block]:
    """A headline group set inside another article's sentence, its last line run onto the text
    under it (…利用小区内闲置空地和绿化带边角新增车 / 【国际观察】 / “板凳会”上议出“停车难”解法 /
    位62个；与附近…: the rejoin stage read the title and the sentence's rest as one paragraph,
    under the kicker it left a heading). The signs, all at once: right above the paragraph stand
    headings or bylines (the group's other lines), and above them a paragraph that breaks off
    inside a sentence (its last character a Han character or a clause mark); a word runs on from
    that paragraph's end into the paragraph's *second* line (车 / 位: 车位; L006's
    ``run_in_cut_gain``, :func:`~cleaner.stages.rejoin.word_cut`), not into its first line, nor
    from the first line into the second; and the first line passes the tests a heading run onto
    its text passes (closes no sentence, two to ``max_length`` characters, none of
    ``stack_marks``, every mark it opens closed), the paragraph opening with no dateline. The
    first line is split off as a heading, for the assemble stage to heal the sentence around
    the group. Without the word across the group it fires on text as often as on headlines (an
    article's first line under its headline group, the article above ending on a jump). Text
    pages only, as :func:`_heading_line_over_text`. Linear: each paragraph looks back over the
    run of headings right above it, which no other paragraph looks over."""
    p = head.params
    stack = frozenset(p["stack_marks"])
    gain = p["run_in_cut_gain"]
    out: list[Block] = []
    for b in blocks:
        n = len(out)
        while n and out[n - 1].kind in ("heading", "byline"):
            n -= 1
        if b.kind != "paragraph" or not b.lines[1:] or n == len(out) or not n or out[n - 1].kind != "paragraph":
            out.append(b)
            continue
        tail = out[n - 1].text.rstrip()
        line, nxt = page.lines[b.first].text, page.lines[b.lines[1]].text
        t = nows(line)
        if not tail or ends_sentence(tail) or _RUNS_ON.fullmatch(tail[-1]) is None or ends_sentence(line) \
                or not 2 <= len(t) <= p["max_length"] or not stack.isdisjoint(t) or quote_balance(t) != 0 \
                or not word_cut(tail, nxt, gain) or word_cut(tail, line, gain) or word_cut(line, nxt, gain) \
                or opens_with_dateline(page.rules, b.text):
            out.append(b)
            continue
        changes.append(_heading_split(page, b, head, line, "a headline set inside another article's sentence, "
                                      "run onto its rest: a word runs on from the text above the headings over it "
                                      "into the line under it"))
        out.append(rebuild(page, replace(b, kind="heading", lines=(b.first,), joiners=(), width=0.0)))
        out.append(rebuild(page, replace(b, lines=b.lines[1:], joiners=b.joiners[1:])))
    return out


def _run_in_at(page: Page, b: Block, k: int, p: dict, stack: frozenset, widths: list) -> float | None:
    """How far short of the column the line under line ``k`` of paragraph ``b`` is set, where
    line ``k`` reads as a heading run onto it (:func:`_heading_line_over_text`'s signs), else
    None. The measure is the median set width of the block's other lines, the one before ``k``
    (a sentence's end) and the last left out while there are others. ``widths`` holds the
    block's set widths and them sorted, made at the first line that asks (each later line takes
    its few lines out of the sorted list: linear in the block, not quadratic)."""
    first, second = page.lines[b.lines[k]], page.lines[b.lines[k + 1]]
    t = nows(first.text)
    if not 2 <= len(t) <= p["max_length"] or not stack.isdisjoint(t) or ends_sentence(first.text) \
            or quote_balance(t) != 0 or not all_wide(second.text.strip()):
        return None
    if not widths:
        ws = [_set_width(page.lines[n].text) for n in b.lines]
        widths += (ws, sorted(ws))
    ws, ordered = widths
    last = len(ws) - 1
    if max(k - 1, 0) + last - k - 1 == 1:  # (one other line: the last, kept)
        measure = ws[last]
    else:
        measure = median_without(ordered, [ws[k - 1], ws[k], ws[k + 1], ws[last]] if k else [ws[k], ws[k + 1], ws[last]])
    short1, short2 = measure - ws[k], measure - ws[k + 1]
    if not p["indent"] - p["indent_slack"] <= short2 <= 2 * p["indent"] \
            or (abs(short1 - p["indent"]) < p["indent_slack"]
                and not _second_line_indented(second.text, page.lines[b.lines[k + 2]].text)) \
            or word_cut(first.text, second.text, p["run_in_cut_gain"]) \
            or opens_with_dateline(page.rules, rebuild(page, replace(b, lines=b.lines[k:], joiners=b.joiners[k:])).text):
        return None
    return short2


def _second_line_indented(second: str, after: str) -> bool:
    """Where the first line is one indent short too (a subhead about as long as a paragraph's
    indented first line: 从“出行难”到“出行畅” / 岩山县地处山区，山高谷 / 深。…), the second line's
    shortness is read as an indent only where its set width is certain and nothing else made it
    short: it holds no quotation mark or bracket (:data:`~cleaner.chars.SQUEEZED`, set narrower
    on a squeezed line: “就业难”，一方面) and the line ``after`` it opens with no digit or Latin letter
    (a run of them is not broken, so the line before it stops short: 为主、点染着色， /
    2009年作为…). Otherwise the first line is the paragraph's own indented first line."""
    nxt = after.lstrip()
    return not any(c in SQUEEZED for c in second) and not (nxt[:1].isascii() and nxt[:1].isalnum())


def opens_with_dateline(rules, text: str) -> bool:
    """``text`` opens with a dateline (L005): an article's text starts here, whatever its length
    (a dateline set on a line of its own, 本报讯, is short and closes no sentence)."""
    return dateline_at(rules, text) is not None


def find_datelines(page: Page, blocks: list[Block], rule: Rule, changes: list, dated: dict | None = None) -> dict:
    """Datelines (电头) at the start of paragraphs: {first line of block: dateline text}.
    ``dated``, where given, gets each paragraph's text and whether it opens with a dateline
    (what :func:`~cleaner.stages._common.dateline_at` says of it): the bare captions ask it
    again of the same paragraphs, and a dateline's search is among the dearest of the page."""
    found = {}
    for b in blocks:
        if b.kind != "paragraph":
            continue
        m = _matches(rule.params["patterns"], b.text)
        if dated is not None:
            dated[b.text] = bool(m and m.start() == 0)
        if m and m.start() == 0:
            found[b.first] = m.group()
            s = page.lines[b.first].start
            changes.append(Change(rule.id, STAGE, "label", (s, s + m.end()), "", "dateline",
                                  rule.describe(kind="dateline", text=m.group(), evidence="news-agency opening"),
                                  rule.safety))
    return found
