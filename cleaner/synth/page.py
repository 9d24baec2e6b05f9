"""Laying out a page: stories in, the raw text an extractor gives plus its page JSON v1 gold.

What varies from page to page and article to article is what real pages show (see
``VARIATION``): 3-7 articles, column measures from narrow to wide (neighbours sometimes share
one, or differ by an em or three); the headline block before its body, after it, or drawn
across the body's columns so that extraction reads it in the middle of a paragraph; a body cut
by another block and continued later; subheads before or after their sections; titles,
subtitles and kickers broken over lines; fake bold by line (``标题标题``) or by run
(``智能制造智能制造““加速跑加速跑””``); bylines on their own line, in the headline block, on the title's line
or after the body; datelines of many forms; pull quotes (copies and edited paraphrases) at the
page top, before their article or inside a column of its body; captions with and without their credit; page credits and
furniture anywhere; hanging or pushed kinsoku, lost indents, hyphenated English; blank-line,
single-newline and CRLF separators; stray blanks (``2022 年``); Traditional-character pages
(gold stays Simplified); already-clean pages (one paragraph per line, which the cleaner must
leave alone).

Every raw line carries its gold piece and its owner, so the gold is exact by construction and
a test can prove it (:func:`check_page`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from ..chars import HAN
from . import forms
from . import ocr as ocr_
from .stories import Story
from .typeset import EXACT, Metric, Style, break_heading, random_metric, set_lines

#: Probabilities and ranges of the layout choices (page- and article-level).
VARIATION = {
    "articles": (3, 7),
    "clean_page": 0.06,
    "traditional_page": 0.06,
    "separator": {"blank": 0.45, "single": 0.35, "mixed": 0.20},
    "crlf": 0.1,
    "spacey_page": 0.3,  # blanks between Han and digits (2022 年) in the body
    "spacey_rate": 0.35,
    "measure": (9, 36),
    "same_measure": 0.3,  # a neighbour set in the same measure
    "near_measure": 0.3,  # (of the others) a neighbour one to three ems wider or narrower
    "narrow_measure": 0.12,  # a narrow column (9-13 ems)
    "kinsoku_push": 0.4,
    "hyphenate": 0.5,
    "headline": {"before": 0.35, "after": 0.40, "inside": 0.25},
    "subheads_after": 0.25,
    "title_break": 0.3,
    "bold": {"none": 0.35, "line": 0.35, "run": 0.30},
    "bold_subtitle": 0.1,  # subtitles are set lighter than their title, mostly
    # an article that sets its subheads in fake bold too (as a shared dev page does: 多省份防汛
    # 持续加力 twice), drawn from a generator of its own so the other choices stay as they were
    "bold_subheads": {"none": 0.9, "line": 0.05, "run": 0.05},
    "lead_space": 0.15,  # a stray blank before a headline line
    "dateline": 0.6,
    "dateline_own_line": 0.15,  # 本报讯 （记者X） on a line of its own, the text under it
    "roundup": 0.06,  # a round-up: a later paragraph opens with a dateline of its own report
    "byline_with_reporter_dateline": 0.08,
    "byline_without_dateline": 0.8,
    "byline_place": {"after_title": 0.45, "before_title": 0.2, "title_line": 0.15, "body_end": 0.2},
    "column_tag": 0.06,  # a column tag (【冰点】) over the title of a story with no kicker
    "pullquote": 0.3,
    "pullquote_paraphrase": 0.6,  # quotes edited as in print, the usual case
    # at the page top, right before its article, or boxed inside a column of its body (read
    # between two of the column's lines, often in the middle of a paragraph)
    "pullquote_place": {"top": 0.4, "before": 0.35, "inside": 0.25},
    "caption": 0.6,
    "caption_credit": 0.7,
    "caption_place": {"before": 0.3, "after": 0.5, "between": 0.2},
    "jump": 0.12,  # a body cut by the next article's block and continued after it
    "furniture": (0, 4),
    "furniture_place": {"top": 0.4, "bottom": 0.4, "between": 0.2},
    "page_credit": 0.3,
    # a page of one section (economy, science, culture…): its stories share a field's words
    # (a themed page's neighbours look alike, the hardest case for telling articles apart)
    "themed_page": 0.3,
    "themes": (("economy", "finance", "industry", "trade"), ("science", "technology"),
               ("culture", "tourism"), ("society", "local", "law", "politics"),
               ("health", "education", "environment"), ("agriculture", "environment"), ("sport",),
               ("international", "trade"), ("commentary",), ("interview", "feature"),
               ("news", "brief", "local")),
}

_HAN_DIGIT = re.compile(f"(?<=[{HAN}])(?=[0-9])|(?<=[0-9])(?=[{HAN}])")
#: the end of a sentence: its mark, and a closing quote after it
_SENTENCE_END = re.compile(r"[。！？]”?")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` that end with their mark (a tail without one is left out).
    (One scan for the marks: a pattern that matched each sentence from its start, tried from
    every position of a tail without a mark, was quadratic in that tail.)"""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start:m.end()])
        start = m.end()
    return out


@dataclass(slots=True)
class Line:
    """One raw line: what is printed, the gold text it carries, and whose it is."""

    printed: str
    piece: str = ""
    owner: tuple = ()  # ("para", article, paragraph) | ("head", article, field) | ("quote", …) | ("drop", n)
    #: the OCR style's misreadings of this line (:class:`cleaner.synth.ocr.Misread`), which
    #: :func:`cleaner.synth.ocr.undo` takes back to the print
    misreads: tuple = ()


@dataclass(slots=True)
class Synth:
    """One synthesised page."""

    raw: str
    gold: dict
    clean: bool = False
    traditional: bool = False
    lines: list[Line] = field(default_factory=list)
    stories: tuple[str, ...] = ()
    ocr: bool = False


def _pick(rng: random.Random, table: dict) -> str:
    x = rng.random()
    for key, p in table.items():
        x -= p
        if x < 0:
            return key
    return key


def _bold(text: str, how: str) -> str:
    """Fake bold as extraction reads it: the line twice, or each run twice."""
    if how == "line":
        return text + text
    if how == "run":
        runs = re.findall(f"[{HAN}A-Za-z0-9]+|[^{HAN}A-Za-z0-9]", text)
        return "".join(r + r for r in runs)
    return text


def _spacey(text: str, rng: random.Random, rate: float) -> str:
    return _HAN_DIGIT.sub(lambda m: " " if rng.random() < rate else "", text)


#: words an editor drops when a sentence becomes a pull quote (adverbs, frames, hedges)
DROPPABLE = ("已经", "正在", "进一步", "不断", "持续", "全面", "积极", "有效", "目前", "近年来", "今年以来",
             "近日", "同时", "此外", "一直", "逐步", "切实", "充分", "更加", "也", "都", "还", "就")


def _drop_words(text: str, rng: random.Random) -> str:
    """The sentence without one or two of the words an editor cuts (never a number)."""
    found = [w for w in DROPPABLE if w in text]
    for w in rng.sample(found, min(len(found), rng.randint(1, 2))):
        text = text.replace(w, "", 1)
    text = re.sub("[，；]{2,}", "，", text)  # (a dropped clause-opener leaves its comma)
    return text.lstrip("，；")


def _paraphrase(sentence: str, rng: random.Random) -> str:
    """An editor's version of a sentence for a pull quote: its first clauses, the sentence
    without its opening adverbial, two clauses swapped, or words dropped (numbers are kept);
    sometimes two of these."""
    clauses = [c for c in re.split("(?<=[，；])", sentence.rstrip("。！？”")) if c]
    ops = rng.sample(("first", "tail", "swap", "drop"), rng.choice((1, 1, 2)))
    if "first" in ops and len(clauses) >= 3:
        clauses = clauses[: rng.randint(2, len(clauses) - 1)]
    elif "tail" in ops and len(clauses) >= 2:
        clauses = clauses[1:]
    if "swap" in ops and len(clauses) >= 2:
        k = rng.randrange(len(clauses) - 1)
        a, b = clauses[k].rstrip("，；"), clauses[k + 1].rstrip("，；")
        clauses[k:k + 2] = [b + "，", a + "，"]
    text = "".join(clauses).rstrip("，；")
    if "drop" in ops:
        text = _drop_words(text, rng)
    text = text + "。"
    return text if len(text) >= 14 else sentence  # (an editor keeps a sentence's worth)


class PageMaker:
    """Typesets pages from a pool of stories; one ``random.Random`` per page (reproducible)."""

    def __init__(self, stories: list[Story], variation: dict | None = None,
                 conventions: forms.Catalogue | None = None, ocr: ocr_.OcrNoise | None = None):
        if len(stories) < 1:
            raise ValueError("no stories to lay out")
        self.stories = stories
        #: the OCR style: pages read as Tesseract reads a printed page, with these rates
        self.ocr = ocr
        self.v = dict(VARIATION, **(ocr_.OCR_VARIATION if ocr else {}), **(variation or {}))
        if ocr is not None:
            texts = [t for s in stories for t in (s.title, *(b for _, b in s.blocks))]
            cov = ocr_.coverage(ocr, texts)
            self.sub_scale = 1.0 / cov if cov else 0.0
        #: the forms datelines, bylines, credits and furniture are drawn from (part of the
        #: catalogue when some papers are held out for testing)
        self.conventions = conventions or forms.catalogue()
        self.traditional = False
        self._seed = 0  # the page being laid out's (generators of their own are drawn from it)

    def _themed(self, stories: list[Story], rng: random.Random) -> list[Story]:
        """The stories of one section's page: as many as the pool has of a theme the first
        story belongs to, the rest as drawn."""
        themes = [t for t in self.v["themes"] if stories[0].kind in t]
        if not themes:
            return stories
        theme = rng.choice(themes)
        kin = [s for s in self.stories if s.kind in theme and s not in stories]
        rng.shuffle(kin)
        out = list(stories)
        for n in range(1, len(out)):
            if out[n].kind not in theme and kin:
                out[n] = kin.pop()
        return out

    # ---------------------------------------------------------------- one page
    def page(self, seed: int, name: str = "page.txt") -> Synth:
        rng = random.Random(seed)
        self._seed = seed
        v = self.v
        lo, hi = v["articles"]
        k = min(len(self.stories), rng.randint(lo, hi))
        stories = rng.sample(self.stories, k)
        # (a generator of its own: the other choices of a page stay as they were)
        theme_rng = random.Random(f"theme:{seed}")
        if theme_rng.random() < v["themed_page"]:
            stories = self._themed(stories, theme_rng)
        if rng.random() < v["clean_page"]:
            self.traditional = False
            return self._clean_page(stories, rng, name)
        traditional = self.traditional = rng.random() < v["traditional_page"]
        spacey = rng.random() < v["spacey_page"]
        metric = random_metric(rng)
        units: list[list[Line]] = []
        top_quotes: list[list[Line]] = []
        gold_articles = []
        measure = None
        pending: list[Line] | None = None  # a body's continuation, read after the next unit
        for n, story in enumerate(stories):
            if measure is None or rng.random() >= v["same_measure"]:
                if measure is not None and rng.random() < v["near_measure"]:
                    # a neighbour one to three ems wider or narrower (columns of one page
                    # are often close in width without being equal)
                    lo, hi = v["measure"]
                    measure = min(hi, max(9, measure + rng.choice((-1, 1)) * rng.randint(1, 3)))
                elif rng.random() < v["narrow_measure"]:
                    measure = rng.randint(9, 13)
                else:
                    measure = rng.randint(*v["measure"])
            art, own, quote, rest = self._article(story, n, measure, rng, spacey, metric)
            gold_articles.append(art)
            if quote:
                where = _pick(rng, v["pullquote_place"])
                unit = max(own, key=len)
                if where == "top":
                    top_quotes.append(quote)
                elif where == "inside" and len(unit) >= 6:
                    at = rng.randint(2, len(unit) - 2)
                    unit[at:at] = quote
                else:
                    own.insert(0, quote)
            units.append(own[0])
            if pending is not None:
                units.append(pending)
            units.extend(own[1:])
            pending = rest
        if pending is not None:
            units.append(pending)
        units = top_quotes + units
        dropped = self._furniture(units, rng)
        if self.ocr is not None:
            raw = self._read_ocr(units, random.Random(f"ocr:{seed}"))
            lines = [ln for u in units for ln in u]
            gold = {"source": name, "articles": gold_articles, "dropped": dropped}
            return Synth(raw, gold, False, False, lines, tuple(s.id for s in stories), ocr=True)
        lines = [ln for u in units for ln in u]
        if traditional:
            for ln in lines:
                ln.printed = _to_traditional(ln.printed)
        raw = self._join(units, rng)
        gold = {"source": name, "articles": gold_articles, "dropped": dropped}
        return Synth(raw, gold, False, traditional, lines, tuple(s.id for s in stories))

    # ---------------------------------------------------------------- an article
    def _article(self, story: Story, n: int, measure: int, rng: random.Random, spacey: bool,
                 metric: Metric = EXACT):
        v = self.v
        style = Style(measure=measure, kinsoku="push" if rng.random() < v["kinsoku_push"] else "hang",
                      hyphenate=rng.random() < v["hyphenate"], metric=metric)
        commentary = bool(story.byline_hint and "评论" in story.byline_hint)
        dl_raw = dl_gold = None
        reporter = False
        if not commentary and rng.random() < v["dateline"]:
            dl_raw, dl_gold, reporter = forms.dateline(rng, self.conventions, self.traditional)
        want_byline = (rng.random() < v["byline_with_reporter_dateline"]) if reporter else \
            (dl_raw is not None and rng.random() < 0.3) or (dl_raw is None and rng.random() < v["byline_without_dateline"])
        by_raw = by_gold = None
        if want_byline or commentary:
            by_raw, by_gold = forms.byline(rng, story.byline_hint, self.conventions, self.traditional)

        # a round-up of several reports: a later paragraph opens with its own dateline (the
        # article's dateline stays the first one)
        second_at = None
        if dl_raw is not None and len(story.paragraphs) >= 3 and rng.random() < v["roundup"]:
            second_at = rng.randint(1, len(story.paragraphs) - 1)
            dl2_raw, dl2_gold, _ = forms.dateline(rng, self.conventions, self.traditional)

        # body: paragraphs and subheads, each as lines
        sections: list[list[Line]] = []  # [intro], then one per subhead (subhead line first)
        cur: list[Line] = []
        gold_blocks = []
        para_no = 0
        sub_bold = _pick(random.Random(f"bold-subheads:{self._seed}:{n}"), v["bold_subheads"])
        for kind, text in story.blocks:
            if kind == "subhead":
                sections.append(cur)
                cur = [Line(_bold(text, sub_bold), text, ("sub", n, len(gold_blocks)))]
                gold_blocks.append({"kind": "subhead", "text": text})
                continue
            gold_text = text
            printed_text = text
            if para_no == 0 and dl_raw is not None:
                gold_text = dl_gold + text
                printed_text = dl_raw + text
            dl_len = len(dl_raw) if para_no == 0 and dl_raw is not None else 0
            if para_no == second_at and second_at is not None:
                gold_text, printed_text, dl_len = dl2_gold + text, dl2_raw + text, len(dl2_raw)
            para_style = style
            if dl_len and para_no == 0 and rng.random() < v["dateline_own_line"] \
                    and dl_len <= style.measure - style.indent:
                # (a dateline longer than the column would wrap like any text)
                # the dateline on a line of its own, in the paragraph's indented first line;
                # the text goes on under it at the full measure
                cur.append(Line(dl_raw, dateline_gold(dl_raw), ("para", n, len(gold_blocks))))
                printed_text, gold_text, dl_len = text, text, 0
                gold_text_whole = dl_gold + text
                para_style = replace(style, indent=0)
            else:
                gold_text_whole = gold_text
            for printed, piece in self._paragraph_lines(printed_text, gold_text, para_style, rng, dl_len):
                cur.append(Line(_spacey(printed, rng, v["spacey_rate"]) if spacey else printed, piece,
                                ("para", n, len(gold_blocks))))
            gold_text = gold_text_whole
            gold_blocks.append({"kind": "paragraph", "text": gold_text})
            para_no += 1
        sections.append(cur)
        if rng.random() < v["subheads_after"] and len(sections) > 2:
            # extraction reads each subhead after the section it heads
            moved = [sections[0]]
            for sec in sections[1:]:
                moved.append(sec[1:] + sec[:1])
            sections = moved
        body = [ln for sec in sections for ln in sec]

        # headline block
        kicker = story.kicker
        if kicker is None and rng.random() < v["column_tag"]:
            kicker = forms.column_tag(rng, self.conventions, self.traditional)
        head = self._headline(story, n, measure, rng, by_raw, kicker)
        place = _pick(rng, v["byline_place"])
        if by_raw is not None:
            by_line = Line(by_raw, by_gold, ("head", n, "byline"))
            if place == "title_line":
                title_at = next(i for i, ln in enumerate(head) if ln.owner[2] == "title")
                head[title_at] = Line(head[title_at].printed + rng.choice(("  ", " ", "")) + by_raw,
                                      head[title_at].piece, head[title_at].owner)
                head[title_at].owner = ("head", n, "title+byline")
            elif place == "before_title":
                head.insert(0, by_line)
            elif place == "after_title":
                head.append(by_line)
            else:
                body.append(by_line)

        mode = _pick(rng, v["headline"])
        if mode == "inside" and len(body) >= 4:
            cut = rng.randint(1, len(body) - 2)
            units = [body[:cut] + head + body[cut:]] if rng.random() < 0.5 else [body[:cut], head, body[cut:]]
        elif mode == "after":
            units = [body + head]
        else:
            units = [head + body]
        # the body may go on later on the page, after the next article's first block
        rest = None
        if len(units[-1]) > 6 and rng.random() < v["jump"]:
            cut = rng.randint(len(units[-1]) // 2, len(units[-1]) - 2)
            last = units.pop()
            units.append(last[:cut])
            rest = last[cut:]

        captions = []
        for cap in story.captions:
            if rng.random() >= v["caption"]:
                continue
            credit = forms.caption_credit(rng, self.conventions, self.traditional) if rng.random() < v["caption_credit"] else None
            printed = cap + (rng.choice(("", " ", "  ")) + credit if credit else "")
            gold_cap = cap + (" " + credit if credit else "")
            cap_style = Style(measure=rng.randint(10, max(11, measure)), indent=0, metric=metric)
            cap_lines = [Line(p, g, ("caption", n, len(captions)))
                         for p, g in set_lines(printed, cap_style, rng)]
            captions.append(gold_cap)
            where = _pick(rng, v["caption_place"])
            if where == "before":
                units[0] = cap_lines + units[0]
            elif where == "after" or len(units[-1]) < 3:
                units[-1] = units[-1] + cap_lines
            else:
                k = rng.randint(1, len(units[-1]) - 1)
                units[-1] = units[-1][:k] + cap_lines + units[-1][k:]

        quote_lines = []
        pullquotes = []
        if rng.random() < v["pullquote"]:
            candidates = [s for p in story.paragraphs for s in sentences(p) if 14 <= len(s) <= 70]
            if candidates:
                q = rng.choice(candidates)
                if rng.random() < v["pullquote_paraphrase"]:
                    q = _paraphrase(q, rng)
                pullquotes.append(q)
                # set in display type: fewer characters a line than its article's column
                q_style = Style(measure=rng.randint(7, max(7, min(14, measure - 3))), indent=rng.choice((0, 0, 1)),
                                metric=metric)
                quote_lines = [Line(p, g, ("quote", n, 0)) for p, g in set_lines(q, q_style, rng)]
        art = {
            "title": story.title, "subtitle": story.subtitle, "byline": by_gold, "dateline": dl_gold,
            "pullquotes": pullquotes, "captions": captions, "blocks": gold_blocks,
        }
        if kicker:
            art["kicker"] = kicker
        return art, units, quote_lines, rest

    def _paragraph_lines(self, printed: str, gold: str, style: Style, rng: random.Random,
                         dateline: int = 0):
        """Lines of one paragraph as ``(printed, gold piece)``. The first ``dateline``
        printed characters are a dateline, whose print form (blanks, half-width brackets)
        gold normalises."""
        lines = set_lines(printed, style, rng)
        if not dateline:
            return lines
        out, pos = [], 0
        for p, g in lines:
            k = max(0, min(len(g), dateline - pos))
            pos += len(g)
            out.append((p, dateline_gold(g[:k]) + g[k:]))
        return out

    def _headline(self, story: Story, n: int, measure: int, rng: random.Random, by_raw,
                  kicker: str | None = None) -> list[Line]:
        v = self.v
        bold = _pick(rng, v["bold"])
        head: list[Line] = []
        lead = " " if rng.random() < v["lead_space"] else ""

        def add(text: str, field_: str, b: str) -> None:
            parts = break_heading(text, rng, max(8, measure - 2)) if rng.random() < v["title_break"] else [text]
            for part in parts:
                head.append(Line(lead + _bold(part, b), part, ("head", n, field_)))

        if kicker:
            add(kicker, "kicker", "none")
        add(story.title, "title", bold)
        if story.subtitle:
            add(story.subtitle, "subtitle", bold if rng.random() < v["bold_subtitle"] else "none")
        return head

    # ---------------------------------------------------------------- page-level
    def _furniture(self, units: list[list[Line]], rng: random.Random) -> list[dict]:
        dropped = []
        items = [("furniture", t) for t in forms.furniture(rng, rng.randint(*self.v["furniture"]),
                                                            self.conventions, self.traditional)]
        if rng.random() < self.v["page_credit"]:
            items.append(("credit", forms.page_credit(rng, self.conventions, self.traditional)))
        for kind, text in items:
            ln = [Line(text, text, ("drop", len(dropped)))]
            dropped.append({"kind": kind, "text": text})
            where = _pick(rng, self.v["furniture_place"])
            if where == "top":
                units.insert(0, ln)
            elif where == "bottom":
                units.append(ln)
            else:
                units.insert(rng.randint(0, len(units)), ln)
        return dropped

    def _join(self, units: list[list[Line]], rng: random.Random) -> str:
        """The page's text: a blank line after every line, none, or (``mixed``, as one
        extractor reads the boxes of one page differently) blank lines in some blocks only."""
        sep = _pick(rng, self.v["separator"])
        nl = "\r\n" if rng.random() < self.v["crlf"] else "\n"
        out = []
        for unit in units:
            blank = sep == "blank" or (sep == "mixed" and rng.random() < 0.5)
            for ln in unit:
                out.append(ln.printed)
                if blank:
                    out.append("")
        return nl.join(out) + nl

    def _read_ocr(self, units: list[list[Line]], rng: random.Random) -> str:
        """The page as Tesseract reads it (see :mod:`cleaner.synth.ocr`): titles in two
        pieces, junk lines from pictures, each line misread, blank lines around blocks, before
        paragraphs and at column breaks. ``units`` are changed in place."""
        noise, lay = self.ocr, self.ocr.layout
        for unit in units:
            self._title_apart(unit, rng, lay["title_apart"])
        for k in range(ocr_.poisson(rng, lay["junk_lines_per_page"])):
            junk = Line(noise.pick(rng, noise.junk), "", ("junk", k))
            near = [(u, i) for u, unit in enumerate(units) for i, ln in enumerate(unit) if ln.owner[:1] == ("caption",)]
            if near and rng.random() < 0.5:  # (a picture is where its caption is)
                u, i = rng.choice(near)
                units[u].insert(i + rng.randint(0, 1), junk)
            else:
                units.insert(rng.randint(0, len(units)), [junk])
        for unit in units:
            for ln in unit:
                heading = ln.owner[:1] == ("head",) and ln.owner[2] in ("title", "subtitle", "kicker")
                # (the engine reports no blanks at a line's ends)
                ln.printed, ln.misreads = ocr_.misread(ln.printed.strip(), rng, noise, self.sub_scale, heading)
        # a column holds ``height`` lines of the unit's text; where it ends the engine sets a
        # blank line, inside a paragraph or not
        mean = lay["stretch_lines_mean"] * ocr_.OCR_READING["column_lines"]
        spread = ocr_.OCR_READING["column_spread"]
        lo, hi = max(2, round(mean * (1 - spread))), max(3, round(mean * (1 + spread)))
        out: list[str] = []

        def blank() -> None:
            if out and out[-1] != "":
                out.append("")

        for unit in units:
            blank()
            height, run = rng.randint(lo, hi), 0
            for i, ln in enumerate(unit):
                kind = ln.owner[0] if ln.owner else ""
                prev = unit[i - 1].owner if i else None
                if run >= height:
                    blank()
                    run, height = 0, rng.randint(lo, hi)
                if kind == "para":
                    if prev != ln.owner and rng.random() < lay["blank_before_paragraph"]:
                        blank()
                elif prev != ln.owner and rng.random() < lay["blank_around_heading"]:
                    blank()
                if not ln.printed.strip():
                    continue
                out.append(ln.printed)
                run += 1
                nxt = unit[i + 1].owner if i + 1 < len(unit) else None
                if kind != "para" and nxt != ln.owner and rng.random() < lay["blank_around_heading"]:
                    blank()
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"

    def _title_apart(self, unit: list[Line], rng: random.Random, rate: float) -> None:
        """A headline drawn across the columns may be read in two pieces at different places:
        its second line (or, on one line, the part after its blank or a cut) moves to where
        another column's stretch starts."""
        at = [i for i, ln in enumerate(unit) if ln.owner[:1] == ("head",) and ln.owner[2] == "title"]
        if not at or len(unit) < 6 or rng.random() >= rate:
            return
        if len(at) >= 2:
            piece = unit.pop(at[-1])
        else:
            ln = unit[at[0]]
            text = ln.printed
            if text != ln.piece or len(text) < 6:
                return
            blank = text.find(" ")
            if 2 <= blank <= len(text) - 3 and rng.random() < ocr_.OCR_READING["title_cut_at_blank"]:
                cut = blank + 1
            else:
                cut = rng.randint(2, len(text) - 2)
            unit[at[0]] = Line(text[:cut].rstrip(), ln.piece[:cut].rstrip(), ln.owner)
            piece = Line(text[cut:], ln.piece[cut:], ln.owner)
        first = at[0]
        far = [j for j in range(len(unit) + 1) if abs(j - first) > 2]
        if far:
            unit.insert(rng.choice(far), piece)
        else:
            unit.insert(first + 1, piece)

    def _clean_page(self, stories: list[Story], rng: random.Random, name: str) -> Synth:
        """An already-clean page: headings and one paragraph per line."""
        arts, lines = [], []
        for n, story in enumerate(stories):
            dl_gold = None
            if rng.random() < self.v["dateline"]:
                _, dl_gold, _ = forms.dateline(rng, self.conventions)
            by_gold = forms.byline(rng, story.byline_hint, self.conventions)[1] if dl_gold is None and rng.random() < 0.5 else None
            lines.append(Line(story.title, story.title, ("head", n, "title")))
            if story.subtitle:
                lines.append(Line(story.subtitle, story.subtitle, ("head", n, "subtitle")))
            if by_gold:
                lines.append(Line(by_gold, by_gold, ("head", n, "byline")))
            blocks = []
            for i, (kind, text) in enumerate(story.blocks):
                text = (dl_gold + text) if i == 0 and dl_gold else text
                lines.append(Line(text, text, ("sub" if kind == "subhead" else "para", n, len(blocks))))
                blocks.append({"kind": kind, "text": text})
            arts.append({"title": story.title, "subtitle": story.subtitle, "byline": by_gold,
                         "dateline": dl_gold, "pullquotes": [], "captions": [], "blocks": blocks})
        sep = rng.choice(("\n", "\n\n"))
        raw = sep.join(ln.printed for ln in lines) + "\n"
        gold = {"source": name, "articles": arts, "dropped": []}
        return Synth(raw, gold, True, False, lines, tuple(s.id for s in stories))


_T = None


def _to_traditional(text: str) -> str:
    global _T
    if _T is None:
        import opencc

        _T = opencc.OpenCC("s2t.json" if hasattr(opencc, "__version__") else "s2t")
    return _T.convert(text)


def dateline_gold(text: str) -> str:
    """A dateline as gold keeps it: no blanks, full-width brackets."""
    return re.sub(r"[\s\u3000]", "", text).replace("(", "（").replace(")", "）")


def check_page(s: Synth) -> list[str]:
    """Why the gold of ``s`` is not exactly its raw lines joined (empty: it is).

    Every gold paragraph and subhead must be the gold pieces of its lines in page order;
    every line's print must be its piece plus only the noise the layout adds (blanks, fake
    bold, an ornament, a hyphen at a break, a byline run onto the title), which the check
    strips in the same way; on an OCR-style page, once its recorded misreadings are undone.
    """
    problems = []
    pieces: dict[tuple, list[str]] = {}
    for ln in s.lines:
        if ln.owner and ln.owner[0] in ("para", "sub"):
            pieces.setdefault(ln.owner, []).append(ln.piece)
        if not s.traditional and ln.owner and ln.owner[0] in ("para", "sub", "drop", "quote"):
            printed = dateline_gold(ocr_.undo(ln.printed, ln.misreads))
            piece = dateline_gold(ln.piece)
            if ln.owner[0] == "sub" and printed in (dateline_gold(_bold(ln.piece, "line")),
                                                    dateline_gold(_bold(ln.piece, "run"))):
                printed = piece  # (a subhead set in fake bold)
            if printed != piece and printed != piece + "-":
                problems.append(f"line {ln.printed!r} prints more than its piece {ln.piece!r}")
    for a, art in enumerate(s.gold["articles"]):
        for b, block in enumerate(art["blocks"]):
            kind = "para" if block["kind"] == "paragraph" else "sub"
            got = "".join(pieces.get((kind, a, b), []))
            if got != block["text"]:
                problems.append(f"article {a} block {b}: lines give {got!r}, gold {block['text']!r}")
    return problems
