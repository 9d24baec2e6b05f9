"""Typeset newspaper pages as PDF and read them with the extractors people use.

    python benchmarks/extractor_set.py [OUTDIR] [--pages N] [--seed S]

Writes, for each split (``dev``: stories of the train pool, to build and choose on; ``test``:
stories of the test pool, reported once per decision)::

    OUTDIR/<split>/pdf/NAME.pdf            the typeset page
    OUTDIR/<split>/<extractor>/NAME.txt    what each extractor reads from it
    OUTDIR/<split>/<extractor>/NAME.gold.json   its page JSON v1 (the same for every extractor)

Extractors: ``pdfminer`` (pdfminer.six ``extract_text``, default parameters), ``pdftotext``
(poppler, default), ``layout`` (``pdftotext -layout``), ``pymupdf`` (``page.get_text()``).
The gold comes from the typesetting: what each article's title, subtitle, byline, dateline,
paragraphs, subheads, pull quote and caption are, and which lines are page furniture.

Pages vary as real ones do: 3-5 articles in bands of a six-column grid, each article set in
1-5 justified columns (measures from 8 to 30 ems), body leading from tight (1.25) to loose
(2.0), the headline across the article's columns or beside its first column, fake-bold titles
(the line drawn twice a fraction of a point apart), boxed pull quotes in a column, pictures
with captions, page furniture at the top and bottom. Page ``k`` of a split depends on the seed
and ``k`` only.

Designs (``--design``). ``classic`` (the default; every set made before the option existed):
one house style: bold sans headlines, drawn twice 0.35 pt apart in three articles of five, a
serif body, bold sans subheads, pull quotes in an outlined box in bold 11 pt, captions in 8 pt
sans, each line one text object justified by character spacing. ``varied`` draws each page's
design (from a generator of its own, so the page's stories and layout are the classic page's):

- headlines in bold sans, a heavy serif (Noto Serif CJK Bold) or a regular sans made bold;
  the bolding (where an article's headline is bolded) drawn twice, outlined (text render mode
  2, fill and stroke, as 方正 typesetting makes fake bold; a regular-face headline always is)
  or none; sizes 0.85, 1, 1.2 or 1.4 times the classic one (14 to 34 pt);
- subheads at the body size in bold sans, the heavy serif, regular sans, or the body face
  outlined (render mode 2);
- pull quotes boxed, between a rule above and one below, on a grey tint, or plain (no rule,
  no box), in bold or heavy serif 11 pt, serif or sans 12 pt, or heavy serif 13 pt, between
  quotation marks on seven unboxed pages in ten (the gold prints them; not round a quote
  holding marks of its own);
- captions in sans or serif of 7, 7.5 or 8 pt;
- the text layer as one text object a line justified by character spacing (Tc), one TJ array a
  line placing each character, or one text object a character.

Producers (``--producer``). ``reportlab`` (the default; every set made before the option
existed) draws the page itself. ``chromium`` writes the same page (same gold) as HTML and prints
it with headless Chromium (``/usr/bin/chromium --headless --print-to-pdf``): one absolutely placed
element a line, in the same subset TrueType fonts (``@font-face``, their ascent made one em so
that the baseline stands where reportlab's does), justified by letter-spacing, fake bold as a
second copy 0.35 pt to the right, outlined type as ``-webkit-text-stroke``, rules, pictures,
boxes and tints as placed boxes, ``@page`` the page's size. Chromium's PDF is another
producer's: type set in pixels under a 0.75 scale, each glyph and blank a text object of its
own, an outline a second copy in a Type 3 font, baselines on whole pixels, its own StemV (the
reader is tested on it, not fitted to it alone).

Needs (not the cleaner's own dependencies): reportlab, fontTools, pdfminer.six, PyMuPDF,
poppler-utils and Debian's fonts-noto-cjk (its CFF outlines converted to TrueType here, which
reportlab can embed); Debian's chromium for ``--producer chromium``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleaner.synth import forms, load_stories  # noqa: E402
from cleaner.synth.page import _paraphrase, sentences as sentences_of  # noqa: E402
from splits import pool_of  # noqa: E402

NOTO = Path("/usr/share/fonts/opentype/noto")
FACES = {  # name: (collection, face index of the Simplified Chinese font)
    "serif": ("NotoSerifCJK-Regular.ttc", 2),
    "sans": ("NotoSansCJK-Regular.ttc", 2),
    "bold": ("NotoSansCJK-Bold.ttc", 2),
    "serifbold": ("NotoSerifCJK-Bold.ttc", 2),  # (the varied design's heavy serif)
}
EXTRACTORS = ("pdfminer", "pdftotext", "layout", "pymupdf")
SPLITS = {"dev": ("train", 12, 1), "test": ("test", 24, 2)}  # name: (story pool, pages, seed)
#: characters that may not start a line (they hang past the measure) / end one
NO_START = "，。、；：？！”’）》」』】〕…—%"
NO_END = "“‘（《「『【〔"
GUTTER = 11.0  # points between columns
CHROMIUM = "/usr/bin/chromium"  # the browser that prints the chromium producer's pages


# ---------------------------------------------------------------------------- fonts
def truetype(collection: str, face: int, chars: str, out: Path) -> None:
    """The face subset to ``chars`` with its cubic CFF outlines turned into quadratic
    TrueType ones (reportlab embeds TrueType only)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTCollection, newTable

    font = TTCollection(str(NOTO / collection)).fonts[face]
    opts = Options()
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GPOS", "GSUB", "GDEF"]
    sub = Subsetter(opts)
    sub.populate(unicodes=sorted({ord(c) for c in chars}))
    sub.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(out))


_PRINTABLE: set[str] = set()  # the characters the registered fonts hold
FONT_FILES: dict[str, Path] = {}  # face name: the TrueType file registered for it (HTML uses it too)


def register_fonts(chars: str, cache: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(chars.encode()).hexdigest()[:12]
    for name, (coll, face) in FACES.items():
        path = cache / f"{name}-{key}.ttf"
        if not path.exists():
            truetype(coll, face, chars, path)
        pdfmetrics.registerFont(TTFont(name, str(path)))
        FONT_FILES[name] = path.resolve()
    _PRINTABLE.update(chars)


def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


# ---------------------------------------------------------------------------- setting lines
_TOKEN = re.compile(r"[A-Za-z0-9.%+\-_/]+|.", re.S)


def break_lines(text: str, font: str, size: float, measure: float, indent: float = 0.0) -> list[str]:
    """Greedy line breaking in points: Latin and digit runs are never cut, a closing mark
    hangs past the measure rather than start a line, an opening one never ends a line."""
    lines, cur, w = [], "", indent
    for tok in _TOKEN.findall(text):
        tw = text_width(tok, font, size)
        if cur and w + tw > measure and tok not in NO_START:
            if cur[-1] in NO_END:
                lines.append(cur[:-1])
                cur, w = cur[-1], text_width(cur[-1], font, size)
            else:
                lines.append(cur)
                cur, w = "", 0.0
        cur += tok
        w += tw
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Item:
    """One line to draw: its text, font, size, where, and whether to justify it."""

    text: str
    font: str
    size: float
    x: float
    y: float
    width: float = 0.0  # justify to this width (0: set as is)
    bold: bool = False  # drawn twice, a fraction of a point apart (fake bold)
    stroke: float = 0.0  # outlined too, this wide (text render mode 2: fake bold as 方正 sets it)


@dataclass
class Design:
    """How a page is set: the classic design (every set made before ``--design`` existed), or
    one drawn per page from the varied designs' choices (:meth:`draw`)."""

    title_face: str = "bold"  # bold (sans bold) | serifbold (heavy serif) | sans (regular, made bold)
    title_bold: str = "twice"  # how a headline drawn bold is made bolder: twice | stroke | none
    title_scale: float = 1.0  # the headline's size against the classic one
    subhead_face: str = "bold"  # bold | serifbold | sans | serif (the body face, outlined: stroke)
    subhead_stroke: bool = False
    quote: str = "box"  # box (outlined) | rules (a rule above and below) | tint (grey ground) | plain
    quote_face: str = "bold"
    quote_size: float = 11.0
    quote_marks: bool = False  # the quote printed between quotation marks
    caption_face: str = "sans"
    caption_size: float = 8.0
    objects: str = "line"  # one text object a line (Tc justifies) | tj (a TJ array, each character
    # placed) | char (each character a text object of its own)

    @classmethod
    def draw(cls, rng: random.Random) -> "Design":
        title_face = rng.choice(("bold", "serifbold", "sans"))
        title_bold = rng.choice(("twice", "stroke", "stroke") if title_face == "sans" else ("twice", "stroke", "none"))
        subhead_face = rng.choice(("bold", "serifbold", "sans", "serif"))
        quote = rng.choice(("box", "rules", "tint", "plain"))
        quote_face, quote_size = rng.choice((("bold", 11.0), ("serifbold", 11.0), ("serif", 12.0), ("sans", 12.0),
                                             ("serifbold", 13.0)))
        return cls(title_face=title_face, title_bold=title_bold, title_scale=rng.choice((0.85, 1.0, 1.2, 1.4)),
                   subhead_face=subhead_face, subhead_stroke=subhead_face == "serif",
                   quote=quote, quote_face=quote_face, quote_size=quote_size,
                   quote_marks=quote != "box" and rng.random() < 0.7,
                   caption_face=rng.choice(("sans", "sans", "serif")), caption_size=rng.choice((7.0, 7.5, 8.0)),
                   objects=rng.choice(("line", "tj", "char")))


@dataclass
class Flow:
    """A run of lines that flows through columns: (text, font, size, justify, height, indent,
    stroke)."""

    lines: list = field(default_factory=list)

    def paragraph(self, text: str, font: str, size: float, measure: float, leading: float,
                  indent_em: float = 2.0, space_before: float = 0.0, stroke: float = 0.0) -> None:
        indent = indent_em * size
        parts = break_lines(text, font, size, measure, indent)
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            self.lines.append((part, font, size, not last, size * leading + (space_before if k == 0 else 0),
                               indent if k == 0 else 0.0, stroke))


# ---------------------------------------------------------------------------- one page
class Page:
    """One typeset page: the items to draw and the gold."""

    def __init__(self, rng: random.Random, stories, cat, name: str, design: Design | None = None):
        self.rng = rng
        self.design = design or Design()
        self.classic = design is None
        self.cat = cat
        self.items: list[Item] = []
        self.rects: list[tuple[float, float, float, float, str]] = []  # x, y, w, h, kind
        self.width = 842.0
        self.margin = 36.0
        self.body = rng.choice((9.0, 9.5, 10.0, 10.5))
        self.leading = rng.choice((1.25, 1.35, 1.5, 1.7, 1.9, 2.0))
        self.gold = {"source": f"{name}.txt", "articles": [], "dropped": []}
        self.stories = stories

    def build(self) -> None:
        rng = self.rng
        top = 60.0
        y = top
        furniture = forms.furniture(rng, rng.randint(1, 3), self.cat)
        head = furniture[: rng.randint(1, len(furniture))]
        foot = furniture[len(head):]
        for k, text in enumerate(head):
            self.items.append(Item(text, "sans", 8.0, self.margin + (0 if k % 2 == 0 else 400), 24.0 + 11 * k))
            self.gold["dropped"].append({"kind": "furniture", "text": text})
        self.rects.append((self.margin, 24.0 + 11 * len(head), self.width - 2 * self.margin, 0.6, "rule"))
        y = max(y, 36.0 + 11 * len(head))
        content = self.width - 2 * self.margin
        grid = (content - 5 * GUTTER) / 6
        queue = list(self.stories)
        while queue:
            spans = rng.choice(([6], [4, 2], [2, 4], [3, 3], [2, 2, 2], [4, 2], [6]))
            spans = spans[: len(queue)]
            if sum(spans) < 6:
                spans[-1] += 6 - sum(spans)
            x = self.margin
            bottom = y
            for span in spans:
                w = span * grid + (span - 1) * GUTTER
                h = self.article(queue.pop(0), x, y, w, span)
                bottom = max(bottom, y + h)
                x += w + GUTTER
            self.rects.append((self.margin, bottom + 6, content, 0.4, "rule"))
            y = bottom + 16
        for text in foot:
            self.items.append(Item(text, "sans", 8.0, self.margin, y + 4))
            self.gold["dropped"].append({"kind": "furniture", "text": text})
            y += 12
        self.height = y + self.margin

    def article(self, story, x: float, y0: float, w: float, span: int) -> float:
        """Set one article in the box at (x, y0) of width ``w``; returns its height."""
        rng, fs, lead = self.rng, self.body, self.leading
        ncols = rng.randint(1, min(5, span + (1 if span >= 3 else 0)))
        colw = (w - (ncols - 1) * GUTTER) / ncols
        art = {"title": story.title, "subtitle": story.subtitle, "byline": None, "dateline": None,
               "pullquotes": [], "captions": [], "blocks": []}
        if story.kicker:
            art["kicker"] = story.kicker
        # headline block: across the columns, or beside the first one
        beside = ncols >= 3 and rng.random() < 0.25
        hx = x + (colw + GUTTER if beside else 0)
        hw = w - (colw + GUTTER if beside else 0)
        y = y0
        if story.kicker:
            for part in break_lines(story.kicker, "serif", 12, hw):
                y += 15
                self.items.append(Item(part, "serif", 12, hx, y))
        d = self.design
        tsize = min(26.0, max(15.0, hw / max(6, len(story.title)) * 0.95))
        if d.title_scale != 1.0:
            tsize = min(34.0, max(14.0, tsize * d.title_scale))
        bold = rng.random() < 0.6 or d.title_face == "sans"  # (a regular face is always made bold)
        twice = bold and d.title_bold == "twice"
        stroke = round(0.03 * tsize, 2) if bold and d.title_bold == "stroke" else 0.0
        for part in break_lines(story.title, d.title_face, tsize, hw):
            y += tsize * 1.25
            self.items.append(Item(part, d.title_face, tsize, hx, y, bold=twice, stroke=stroke))
        if story.subtitle:
            for part in break_lines(story.subtitle, "serif", 13, hw):
                y += 17
                self.items.append(Item(part, "serif", 13, hx, y))
        dl_raw = dl_gold = None
        if rng.random() < 0.6:
            dl_raw, dl_gold, reporter = forms.dateline(rng, self.cat)
        else:
            reporter = False
        by_raw = None
        if not reporter and rng.random() < 0.7:
            by_raw, art["byline"] = forms.byline(rng, story.byline_hint, self.cat)
        art["dateline"] = dl_gold
        flow = Flow()
        if by_raw and rng.random() < 0.5:  # under the headline
            y += 15
            self.items.append(Item(by_raw, "serif", 9.5, hx + (hw - text_width(by_raw, "serif", 9.5) if rng.random() < 0.3 else 0), y))
            by_raw = None
        y += 8
        if by_raw:  # at the head of the body
            flow.paragraph(by_raw, "sans", fs, colw, lead, indent_em=0)
        first = True
        for kind, text in story.blocks:
            if kind == "subhead":
                flow.paragraph(text, d.subhead_face, fs, colw, lead, indent_em=0, space_before=fs * 0.6,
                               stroke=round(0.04 * fs, 2) if d.subhead_stroke else 0.0)
                art["blocks"].append({"kind": "subhead", "text": text})
                continue
            printed, gold = text, text
            if first and dl_raw:
                printed, gold = dl_raw + text, dl_gold + text
            first = False
            flow.paragraph(printed, "serif", fs, colw, lead)
            art["blocks"].append({"kind": "paragraph", "text": gold})
        # reserved boxes: a picture with its caption at the top of some columns, a pull quote
        reserved: dict[int, list[tuple[float, list]]] = {}
        if story.captions and rng.random() < 0.6:
            cap = story.captions[0]
            if rng.random() < 0.6:
                cap = cap + rng.choice(("", " ", "  ")) + forms.caption_credit(rng, self.cat)
            pic_cols = rng.randint(1, max(1, ncols - 1)) if ncols > 1 else 1
            start = rng.randint(0, ncols - pic_cols) if not beside else max(1, ncols - pic_cols)
            pw = pic_cols * colw + (pic_cols - 1) * GUTTER
            ph = rng.choice((60.0, 80.0, 110.0))
            caplines = break_lines(cap, d.caption_face, d.caption_size, pw)
            step = d.caption_size + 3
            reserved.setdefault(start, []).append((ph + 6 + step * len(caplines) + 8, [
                ("pic", pic_cols, pw, ph, caplines)]))
            for c in range(start + 1, start + pic_cols):
                reserved.setdefault(c, []).append((ph + 6 + step * len(caplines) + 8, []))
            art["captions"].append(re.sub(r"\s+", " ", cap))
        if rng.random() < 0.35:
            sentences = [s for p in story.paragraphs for s in sentences_of(p) if 14 <= len(s) <= 60]
            if sentences:
                q = rng.choice(sentences)
                if rng.random() < 0.6:
                    q = _paraphrase(q, rng)
                qc = rng.randrange(ncols)
                if d.quote_marks and not any(m in q for m in "“”"):  # (a saying quoted: no marks round it)
                    q = "“" + q.rstrip("。") + "”"
                qlines = break_lines(q, d.quote_face, d.quote_size, colw - 12)
                step = d.quote_size + 3
                reserved.setdefault(qc, []).append((step * len(qlines) + 24, [("quote", qlines)]))
                art["pullquotes"].append(q)
        body_top = y
        height = self.flow(flow, x, body_top, colw, ncols, reserved, beside, y0)
        self.gold["articles"].append(art)
        return body_top - y0 + height

    def flow(self, flow: Flow, x: float, top: float, colw: float, ncols: int, reserved, beside: bool,
             y0: float) -> float:
        """Pour the lines into the columns, balanced: the shortest column height that holds
        them all; returns it."""
        total = sum(line[4] for line in flow.lines) + sum(r[0] for rs in reserved.values() for r in rs)
        extra = (top - y0) if beside else 0.0  # the first column starts at the article's top
        target = total / ncols
        while True:
            cols = self._pour(flow, target, ncols, reserved, extra)
            if cols is not None:
                break
            target += self.body * self.leading
        height = 0.0
        d = self.design
        for c, lines in enumerate(cols):
            cx = x + c * (colw + GUTTER)
            cy = top - (extra if c == 0 else 0)
            for kind, *rest in lines:
                if kind == "box":
                    h, content = rest
                    for what in content:
                        if what[0] == "pic":
                            _, n, pw, ph, caplines = what
                            self.rects.append((cx, cy + 4, pw, ph, "picture"))
                            yy = cy + 4 + ph
                            for cl in caplines:
                                yy += d.caption_size + 3
                                self.items.append(Item(cl, d.caption_face, d.caption_size, cx, yy))
                        else:
                            _, qlines = what
                            if d.quote == "box":
                                self.rects.append((cx + 2, cy + 4, colw - 4, h - 8, "box"))
                            elif d.quote == "tint":
                                self.rects.append((cx + 2, cy + 4, colw - 4, h - 8, "tint"))
                            elif d.quote == "rules":
                                self.rects.append((cx + 2, cy + 4, colw - 4, 0.8, "rule"))
                                self.rects.append((cx + 2, cy + h - 4.8, colw - 4, 0.8, "rule"))
                            yy = cy + 8
                            for ql in qlines:
                                yy += d.quote_size + 3
                                self.items.append(Item(ql, d.quote_face, d.quote_size, cx + 6, yy))
                    cy += h
                else:
                    text, font, size, justify, h, indent, stroke = rest
                    cy += h
                    self.items.append(Item(text, font, size, cx + indent, cy, colw - indent if justify else 0.0,
                                           stroke=stroke))
            height = max(height, cy - top)
        return height

    def _pour(self, flow: Flow, target: float, ncols: int, reserved, extra: float):
        cols = [[] for _ in range(ncols)]
        used = [0.0] * ncols
        used[0] -= extra
        for c in range(ncols):
            for h, content in reserved.get(c, []):  # (a box spanning columns: empty in the others)
                cols[c].append(("box", h, content))
                used[c] += h
        c = 0
        for line in flow.lines:
            h = line[4]
            while c < ncols and used[c] + h > target + 0.01 and used[c] > 0:
                c += 1
            if c >= ncols:
                return None
            cols[c].append(("line", *line))
            used[c] += h
        return cols

    # ------------------------------------------------------------------------ drawing
    def save(self, path: Path, producer: str = "reportlab") -> None:
        """Draw the page into the PDF at ``path`` with reportlab, or as HTML printed by headless
        Chromium (:meth:`save_chromium`): the same page from another producer."""
        missing = {ch for it in self.items for ch in it.text} - _PRINTABLE - {" "}
        if missing:  # the subset font would draw nothing there and the gold would not match
            raise SystemExit(f"{self.gold['source']}: no glyph for {''.join(sorted(missing))}: add them to the font's characters")
        if producer == "chromium":
            self.save_chromium(path)
            return
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        c.setTitle("")
        for x, y, w, h, kind in self.rects:  # rules (black), pictures (grey), boxes (outlined), tints
            c.setFillGray({"rule": 0.0, "picture": 0.8, "tint": 0.9}.get(kind, 1.0))
            c.setStrokeGray(0.3)
            c.rect(x, self.height - y - h, w, h, stroke=0 if kind == "tint" else 1, fill=1 if kind != "box" else 0)
        c.setFillGray(0.0)
        for it in self.items:
            draws = [(0.0, 0.0)] + ([(0.35, 0.0)] if it.bold else [])
            n = len(it.text)
            natural = text_width(it.text, it.font, it.size)
            space = (it.width - natural) / (n - 1) if it.width and n > 1 and it.width > natural else 0.0
            if self.classic:
                for dx, dy in draws:
                    t = c.beginText(it.x + dx, self.height - it.y + dy)
                    t.setFont(it.font, it.size)
                    t.setCharSpace(space)
                    t.textOut(it.text)
                    c.drawText(t)
                continue
            c.setStrokeGray(0.0)
            c.setLineWidth(it.stroke or 1.0)
            for dx, dy in draws:
                self._draw(c, it, it.x + dx, self.height - it.y + dy, space)
        c.showPage()
        c.save()


    def html(self) -> str:
        """The page as HTML for a browser to print: one absolutely placed element a line (its
        baseline where the PDF's is: the faces' ascent made one em, the descent none), justified
        by letter-spacing, fake bold as a second copy 0.35 pt to the right, outlined type with
        ``-webkit-text-stroke``; rules, pictures, boxes and tints as placed boxes."""
        from html import escape

        faces = "".join(f'@font-face {{ font-family: "f-{name}"; src: url("{path.as_uri()}"); '
                        f"ascent-override: 100%; descent-override: 0%; line-gap-override: 0%; }}\n"
                        for name, path in FONT_FILES.items())
        out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><style>',
               f"@page {{ size: {self.width:g}pt {self.height:g}pt; margin: 0 }}",
               faces,
               "* { -webkit-print-color-adjust: exact; print-color-adjust: exact }",
               f"html, body {{ margin: 0; padding: 0; width: {self.width:g}pt; height: {self.height:g}pt; "
               "overflow: hidden; position: relative }",
               ".t { position: absolute; white-space: pre; line-height: 1; margin: 0; padding: 0; color: #000; "
               "font-kerning: none; font-variant-ligatures: none; font-synthesis: none }",
               ".r { position: absolute; box-sizing: border-box }",
               "</style></head><body>"]
        grey = {"rule": 0.0, "picture": 0.8, "tint": 0.9}
        for x, y, w, h, kind in self.rects:  # as save() draws them: a 1 pt line round the edge
            fill = grey.get(kind)
            ground = f"background: rgb({','.join([str(round(255 * fill))] * 3)}); " if fill is not None else ""
            if kind == "tint":
                out.append(f'<div class="r" style="left: {x:.3f}pt; top: {y:.3f}pt; width: {w:.3f}pt; '
                           f'height: {h:.3f}pt; {ground}"></div>')
            else:
                out.append(f'<div class="r" style="left: {x - 0.5:.3f}pt; top: {y - 0.5:.3f}pt; '
                           f'width: {w + 1:.3f}pt; height: {h + 1:.3f}pt; {ground}border: 1pt solid rgb(77,77,77)"></div>')
        for it in self.items:
            n = len(it.text)
            natural = text_width(it.text, it.font, it.size)
            space = (it.width - natural) / (n - 1) if it.width and n > 1 and it.width > natural else 0.0
            style = f"font: {it.size:g}pt f-{it.font}; top: {it.y - it.size:.3f}pt"
            if space:
                style += f"; letter-spacing: {space:.4f}pt"
            if it.stroke:
                style += f"; -webkit-text-stroke: {it.stroke:g}pt #000"
            for dx in (0.0, 0.35) if it.bold else (0.0,):
                out.append(f'<div class="t" style="left: {it.x + dx:.3f}pt; {style}">{escape(it.text)}</div>')
        out.append("</body></html>")
        return "\n".join(out) + "\n"

    def save_chromium(self, path: Path) -> None:
        """The page's HTML (:meth:`html`) printed to PDF by headless Chromium."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="extractor_set-") as tmp:
            page = Path(tmp) / "page.html"
            page.write_text(self.html(), encoding="utf-8")
            out = Path(path).resolve()
            subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()],
                           check=True, capture_output=True)
        if not out.exists():
            raise SystemExit(f"{path}: Chromium printed nothing")

    def _draw(self, c, it: Item, x: float, y: float, space: float) -> None:
        """One line as the varied design's typesetter emits it: one text object justified by
        character spacing, one TJ array placing each character, or a text object a character."""
        mode = 2 if it.stroke else 0
        if self.design.objects == "char":
            for ch in it.text:
                t = c.beginText(x, y)
                t.setFont(it.font, it.size)
                t._code.append(f"{mode} Tr")  # (Tr outlives ET: say it every time)
                t.textOut(ch)
                c.drawText(t)
                x += text_width(ch, it.font, it.size) + space
            return
        t = c.beginText(x, y)
        t.setFont(it.font, it.size)
        t._code.append(f"{mode} Tr")
        if self.design.objects == "line":
            t.setCharSpace(space)
            t.textOut(it.text)
        else:  # a TJ array: the justification as a displacement after each character
            from reportlab.pdfbase.pdfmetrics import getFont

            font, adj = getFont(it.font), f" {-space * 1000 / it.size:.3f} " if space else " "
            for subset, codes in font.splitString(it.text, c._doc):
                if subset != t._curSubset:
                    t._code.append(f"{font.getSubsetInternalName(subset, c._doc)} {it.size:g} Tf")
                    t._curSubset = subset
                chars = [f"({c._escape(bytes([b]))})" for b in codes]
                t._code.append(f"[{adj.join(chars)}] TJ")
        c.drawText(t)


# ---------------------------------------------------------------------------- extraction
def extract(pdf: Path, extractor: str) -> str:
    if extractor == "pdfminer":
        from pdfminer.high_level import extract_text

        return extract_text(str(pdf))
    if extractor in ("pdftotext", "layout"):
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if extractor == "layout" else []) + [str(pdf), "-"]
        return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    if extractor == "pymupdf":
        import pymupdf

        with pymupdf.open(str(pdf)) as doc:
            return "".join(p.get_text() for p in doc)
    raise ValueError(extractor)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default=str(ROOT / "benchmarks" / "extractor_set"))
    ap.add_argument("--cache", default=str(ROOT / "benchmarks" / ".fonts"))
    ap.add_argument("--split", action="append", metavar="NAME:POOL:PAGES:SEED",
                    help="make this split instead of the committed dev and test ones (e.g. a larger "
                         "train:train:60:3 to fit the PDF reader on)")
    ap.add_argument("--pdf-only", action="store_true", help="write the PDFs and gold only, no extractor text")
    ap.add_argument("--design", choices=("classic", "varied"), default="classic",
                    help="classic: the one design every set before this option was made with (the "
                         "default); varied: each page's design drawn (see the module's docstring)")
    ap.add_argument("--producer", choices=("reportlab", "chromium"), default="reportlab",
                    help="what makes the PDF: reportlab (the default; every set before this option) or "
                         "headless Chromium printing the same page set as HTML (same gold)")
    args = ap.parse_args(argv)
    splits = SPLITS
    if args.split:
        splits = {}
        for spec in args.split:
            name, pool, pages, seed = spec.split(":")
            splits[name] = (pool, int(pages), int(seed))
    out = Path(args.out)
    # (the choose and broadcast pools' stories are kept out unless a split asks for them
    # (``--split fresh:choose:24:1603``, ``--split xw:xwlb:20:1701``: choosing and checking sets of
    # stories no fitted weight saw): the characters below, hence the fonts' subsets and the
    # committed PDFs, stay those of the other pools)
    wanted = {pool for pool, _, _ in splits.values()}
    stories = [s for s in load_stories(sorted((ROOT / "samples" / "articles").glob("*.jsonl")))
               if pool_of(s.id) not in ("choose", "xwlb") or pool_of(s.id) in wanted]
    cat = forms.catalogue()
    plans = []
    for split, (pool, pages, seed) in splits.items():
        pooled = [s for s in stories if pool_of(s.id) == pool]
        for k in range(pages):
            rng = random.Random(seed * 1_000_003 + k)
            chosen = rng.sample(pooled, rng.randint(3, 5))
            # (the design from a generator of its own: the page's stories and layout stay those
            # of the classic page of the same seed and number)
            design = Design.draw(random.Random(f"design:{seed}:{k}")) if args.design == "varied" else None
            plans.append((split, f"{split[0]}{k:03d}", rng, chosen, design))
    # every character a page may print: the stories, the catalogue's forms and names
    chars = set("".join(s.title + (s.subtitle or "") + (s.kicker or "") + "".join(t for _, t in s.blocks)
                        + "".join(s.captions) + (s.byline_hint or "") for s in stories))
    chars |= set("".join(f.example + f.template for f in cat.forms))
    chars |= set("".join(forms.SURNAMES) + "".join(forms.GIVEN))
    for value in vars(forms).values():  # places, papers, agencies, columns… a form may print
        if isinstance(value, str):
            chars |= set(value)
        elif isinstance(value, (tuple, list)) and all(isinstance(v, str) for v in value):
            chars |= set("".join(value))
    chars |= {chr(c) for c in range(0x20, 0x7F)} | set("（）【】〔〕《》“”‘’——…·◎□■●○▲★◇、，。；：？！／｜　")
    chars |= set("一二三四五六七八九十百千零〇年月日星期版编辑美校对电讯消息记者通讯员摄影报道图文")
    register_fonts("".join(sorted(chars)), Path(args.cache))
    for split in splits:  # (only the splits written: a folder of other splits keeps them)
        if (out / split).exists():
            shutil.rmtree(out / split)
    designs = Counter()
    for split, name, rng, chosen, design in plans:
        page = Page(rng, chosen, cat, name, design)
        if design is not None:
            designs.update(f"{k}={v}" for k, v in vars(design).items())
        page.build()
        pdfdir = out / split / "pdf"
        pdfdir.mkdir(parents=True, exist_ok=True)
        pdf = pdfdir / f"{name}.pdf"
        page.save(pdf, args.producer)
        gold = json.dumps(page.gold, ensure_ascii=False, indent=1) + "\n"
        (pdfdir / f"{name}.gold.json").write_text(gold, encoding="utf-8")
        for ex in () if args.pdf_only else EXTRACTORS:
            d = out / split / ex
            d.mkdir(parents=True, exist_ok=True)
            (d / f"{name}.txt").write_text(extract(pdf, ex), encoding="utf-8")
            (d / f"{name}.gold.json").write_text(gold, encoding="utf-8")
        print(f"{split}/{name}: {len(page.gold['articles'])} articles, {pdf.stat().st_size // 1024} KB")
    if designs:
        print("designs drawn:", ", ".join(f"{k} {n}" for k, n in sorted(designs.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
