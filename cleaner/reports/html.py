"""Self-contained HTML review reports: one page side by side, and the corpus summary.

Each report is one file with inline CSS, one small inline script and inline SVG: no network,
no fonts or scripts from elsewhere, and it works from ``file://``. A Content-Security-Policy
tag allows only the report's own script (by its hash), so text that slipped past escaping
could still not run; every piece of page text goes through :func:`_h` anyway.

The page report is derived from the page model alone, never from a stage's account of it:

- the raw view is ``page.source`` cut into rows exactly as
  :class:`~cleaner.reports.changes.Positions` counts lines, so its row numbers are the ones
  ``cleaner explain`` prints;
- character repairs are the overlay's edits (removed text struck through, inserted text
  marked), each attributed to the changes whose edits produced it;
- a cleaned block points at its raw rows through ``Block.lines`` -> ``page.lines[k]`` spans;
- every other change (join, label, move, heal, attach, split, drop, flag) is anchored at the
  row where its span starts and at the block holding that position.

>>> import cleaner
>>> page = cleaner.clean("北京<启动>建设 & 发展\\n")
>>> report = page_report(page)
>>> "&lt;启动&gt;" in report and "<启动>" not in report
True
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import html
import re
from collections import Counter, defaultdict
from urllib.parse import quote

from ..model import Article, Block, Change, Page
from .changes import Positions, summary

#: Trade names shown next to each block kind (see the glossary in STYLE.md).
KIND_NAMES = {
    "title": "主题", "subtitle": "副题", "kicker": "引题", "dateline": "电头", "byline": "署名",
    "subhead": "小标题", "pullquote": "引语", "caption": "图片说明", "credit": "图片来源",
    "furniture": "版头/版尾", "paragraph": "段落", "heading": "标题",
}
#: Block kinds whose reasons are printed in full next to them, not only in a tooltip.
EXPLAINED_KINDS = {"pullquote", "credit", "furniture"}
#: Raw rows per content-visibility chunk: the browser lays out only the chunks on screen.
CHUNK_ROWS = 100
#: A "needs a look" entry highlights at most this many raw rows.
MAX_SPAN_ROWS = 200

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_RULE_CLASS = re.compile(r"[^A-Za-z0-9_-]")
_VISIBLE_BLANKS = str.maketrans({" ": "␣", "\u3000": "□", "\t": "⇥", "\n": "⏎", "\r": "␍",
                                 "\u00a0": "⍽"})


def _control_picture(m: re.Match) -> str:
    c = ord(m.group())
    return chr(0x2400 + c) if c < 0x20 else "␡" if c == 0x7F else "\ufffd"


def _h(text: str) -> str:
    """Text made safe for HTML content and attribute values; control characters made visible.

    >>> _h('<script>"x" & \\x00')
    '&lt;script&gt;&quot;x&quot; &amp; ␀'
    """
    return html.escape(_CONTROL.sub(_control_picture, text), quote=True)


def _rule_class(rule: str) -> str:
    return "r-" + _RULE_CLASS.sub("_", rule)


def _describe(c: Change) -> str:
    tag = "" if c.safety == "safe" else f" [{c.safety}]"
    return f"{c.rule} {c.action}{tag}: {c.reason}"


# --------------------------------------------------------------------------------------------
# Page report: the model, mapped to rows and display blocks


class _Layout:
    """Where everything on a page is shown: raw rows, display blocks and change anchors."""

    def __init__(self, page: Page):
        self.page = page
        src = page.source
        self.pos = Positions(src)
        starts = self.pos.starts
        self.nrows = len(starts)
        # where each row's text ends (its terminator excluded)
        self.row_end = []
        for k in range(self.nrows):
            if k + 1 < self.nrows:
                nxt = starts[k + 1]
                self.row_end.append(nxt - (2 if src[nxt - 2:nxt] == "\r\n" and nxt - 2 >= starts[k] else 1))
            else:
                self.row_end.append(len(src))
        order = sorted(range(len(page.lines)), key=lambda k: (page.lines[k].start, page.lines[k].end))
        self.line_order = order
        self.line_starts = [page.lines[k].start for k in order]

        # display blocks, in the order they appear on the right
        # (block, article number or None when dropped, role: its slot in the article or its kind)
        self.blocks: list[tuple[Block, int | None, str]] = []
        self.block_id: dict[int, int] = {}  # id(Block) -> display id
        for n, a in enumerate(page.articles, 1):
            for role, b in _article_blocks(a):
                self._add(b, n, role)
        for b in page.dropped:
            self._add(b, None, b.kind)
        self.line_block: dict[int, int] = {}
        for i, (b, _, _) in enumerate(self.blocks):
            for k in b.lines:
                self.line_block.setdefault(k, i)
        self.block_rows = [self.rows_of_lines(b.lines) for b, _, _ in self.blocks]
        self.row_blocks: dict[int, list[int]] = defaultdict(list)
        for i, rows in enumerate(self.block_rows):
            for r in rows:
                if i not in self.row_blocks[r]:
                    self.row_blocks[r].append(i)

        # changes: anchors, and which overlay edits each one produced
        self.anchor_block = [self.block_at(c.span[0]) for c in page.changes]
        self.edit_owners: list[list[int]] = [[] for _ in page.overlay.edits]
        edit_starts = [e.start for e in page.overlay.edits]
        self.shown_in_text = [False] * len(page.changes)
        for ci, c in enumerate(page.changes):
            for ce in c.edits:
                j = max(bisect.bisect_right(edit_starts, ce.start) - 1, 0)
                while j < len(edit_starts) and edit_starts[j] <= ce.end:
                    e = page.overlay.edits[j]
                    if _overlaps(e.start, e.end, ce.start, ce.end):
                        if ci not in self.edit_owners[j]:
                            self.edit_owners[j].append(ci)
                        self.shown_in_text[ci] = True
                    j += 1

    def _add(self, b: Block, article: int | None, role: str) -> None:
        if id(b) not in self.block_id:
            self.block_id[id(b)] = len(self.blocks)
            self.blocks.append((b, article, role))

    def row(self, offset: int) -> int:
        """1-based row of a source offset."""
        return self.pos(offset)[0]

    def rows_of_span(self, start: int, end: int) -> list[int]:
        first = self.row(start)
        last = self.row(max(start, end - 1))
        return list(range(first, last + 1))

    def rows_of_lines(self, lines) -> list[int]:
        """The raw rows of page lines, in the order given, each once."""
        out: list[int] = []
        for k in lines:
            ln = self.page.lines[k]
            for r in self.rows_of_span(ln.start, ln.end):
                if r not in out:
                    out.append(r)
        return out

    def block_at(self, offset: int) -> int | None:
        """Display block holding the page line at ``offset`` (its end counts), else the next one."""
        if not self.line_starts:
            return None
        i = bisect.bisect_right(self.line_starts, offset) - 1
        if i < 0 or offset > self.page.lines[self.line_order[i]].end:
            i += 1
        for j in range(max(i, 0), len(self.line_order)):
            b = self.line_block.get(self.line_order[j])
            if b is not None:
                return b
        return None


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1 or b0 == b1:  # an insertion touches what borders it
        return a0 <= b1 and b0 <= a1
    return a0 < b1 and b0 < a1


def _article_blocks(a: Article) -> list[tuple[str, Block]]:
    """(role, block) in display order: the head by its slot, the rest by their own kind."""
    head = [(role, b) for role, b in (("kicker", a.kicker), ("title", a.title),
                                      ("subtitle", a.subtitle), ("byline", a.byline)) if b is not None]
    return head + [(b.kind, b) for b in (*a.body, *a.pullquotes, *a.captions)]


# --------------------------------------------------------------------------------------------
# Page report: the raw view


def _raw_rows(lay: _Layout, marks: dict[int, list[str]]) -> list[str]:
    """HTML of every raw row: source text with the overlay's edits shown in place."""
    page, src = lay.page, lay.page.source
    edits = page.overlay.edits
    starts = lay.pos.starts
    cuts = {0, len(src)}
    cuts.update(starts)
    cuts.update(lay.row_end)
    for e in edits:
        cuts.add(e.start)
        cuts.add(e.end)
    cuts = sorted(x for x in cuts if 0 <= x <= len(src))
    edit_starts = [e.start for e in edits]
    inserts_at: dict[int, list[int]] = defaultdict(list)  # offset -> edits whose text goes there
    for j, e in enumerate(edits):
        if e.text:
            inserts_at[e.end].append(j)

    parts: list[list[tuple[str, int | None, str]]] = [[] for _ in range(lay.nrows)]

    def emit_inserts(x: int) -> None:
        for j in inserts_at.get(x, ()):
            e = edits[j]
            r = bisect.bisect_right(starts, e.start) - 1
            parts[r].append(("ins", j, e.text))

    for a, b in zip(cuts, cuts[1:]):
        emit_inserts(a)
        r = bisect.bisect_right(starts, a) - 1
        j = bisect.bisect_right(edit_starts, a) - 1
        inside = j >= 0 and edits[j].start <= a < edits[j].end
        terminator = a >= lay.row_end[r]
        if inside:
            parts[r].append(("del", j, src[a:b]))
        elif not terminator:
            parts[r].append(("txt", None, src[a:b]))
    emit_inserts(len(src))

    out = []
    for r, atoms in enumerate(parts):
        if all(kind == "txt" and not text.strip() for kind, _, text in atoms):
            body = ""
        else:
            body = _render_atoms(lay, atoms)
        out.append(body + "".join(marks.get(r + 1, ())))
    return out


def _render_atoms(lay: _Layout, atoms) -> str:
    html_parts = []
    open_edit = None
    for kind, j, text in atoms:
        if j != open_edit and open_edit is not None:
            html_parts.append("</span>")
            open_edit = None
        if kind == "txt":
            html_parts.append(_h(text))
            continue
        if open_edit is None:
            owners = lay.edit_owners[j]
            changes = [lay.page.changes[ci] for ci in owners]
            title = "\n".join(_describe(c) for c in changes) or "no change recorded this edit"
            classes = " ".join(["ed"] + sorted({_rule_class(c.rule) for c in changes})
                               + ([] if changes else ["orphan"]))
            b = lay.anchor_block[owners[0]] if owners else None
            data_b = f' data-b="{b}"' if b is not None else ""
            html_parts.append(f'<span class="{classes}" title="{_h(title)}"{data_b}>')
            open_edit = j
        tag = "del" if kind == "del" else "ins"
        html_parts.append(f"<{tag}>{_h(text.translate(_VISIBLE_BLANKS))}</{tag}>")
    if open_edit is not None:
        html_parts.append("</span>")
    return "".join(html_parts)


def _pill(c: Change, b: int | None, extra: str = "") -> str:
    cls = f"pill a-{_RULE_CLASS.sub('_', c.action)} {_rule_class(c.rule)}"
    if c.safety != "safe":
        cls += " review"
    data_b = f' data-b="{b}"' if b is not None else ""
    return f'<span class="{cls}" title="{_h(_describe(c))}"{data_b}>{extra}{_h(c.rule)}</span>'


def _raw_marks(lay: _Layout) -> dict[int, list[str]]:
    """Per row: markers of structural changes (joins at the line end, pills for the rest)."""
    marks: dict[int, list[str]] = defaultdict(list)
    for ci, c in enumerate(lay.page.changes):
        if c.edits and lay.shown_in_text[ci]:
            continue  # shown as struck / inserted text
        row = lay.row(c.span[0])
        b = lay.anchor_block[ci]
        if c.action == "join":
            data_b = f' data-b="{b}"' if b is not None else ""
            marks[row].append(f'<b class="j {_rule_class(c.rule)}" title="{_h(_describe(c))}"'
                              f'{data_b}>↵</b>')
        else:
            marks[row].append(_pill(c, b))
    return marks


def _raw_view(lay: _Layout) -> str:
    rows = _raw_rows(lay, _raw_marks(lay))
    out = ['<div class="pane" id="raw" aria-label="raw page">']
    for r0 in range(0, len(rows), CHUNK_ROWS):
        out.append('<div class="chunk">')
        for r in range(r0, min(r0 + CHUNK_ROWS, len(rows))):
            n = r + 1
            blocks = lay.row_blocks.get(n, [])
            cls = "r"
            data_b = ""
            if blocks:
                _, art, role = lay.blocks[blocks[0]]
                cls += f" k-{_RULE_CLASS.sub('_', role)}" + (" dropped" if art is None else "")
                data_b = f' data-b="{" ".join(map(str, blocks))}"'
            out.append(f'<div class="{cls}" id="L{n}" data-n="{n}"{data_b}>{rows[r]}</div>')
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Page report: the cleaned view

_TAGS = {"title": "h2", "subtitle": "h3", "subhead": "h4", "heading": "h4"}


def _block_html(lay: _Layout, i: int, notes: dict[int, list[int]]) -> str:
    b, art, role = lay.blocks[i]
    tag = "div" if art is None else _TAGS.get(role, "p")
    kind = _RULE_CLASS.sub("_", role)
    label = ""
    if role != "paragraph":
        also = f" ({b.kind})" if b.kind != role else ""
        label = f'<span class="kl">{_h(KIND_NAMES.get(role, ""))} {_h(role)}{_h(also)}</span>'
    changes = [lay.page.changes[ci] for ci in notes.get(i, ())]
    pills = "".join(_pill(c, i) for c in changes)
    why = ""
    if art is None or role in EXPLAINED_KINDS:
        reasons = [_describe(c) for c in changes] or ["no change recorded for this block"]
        why = '<span class="why">' + "<br>".join(_h(x) for x in reasons) + "</span>"
    conf = f' title="confidence {b.confidence:.2f}"' if b.confidence < 1 else ""
    rows = " ".join(map(str, lay.block_rows[i]))
    return (f'<{tag} class="b k-{kind}" id="b{i}" data-r="{rows}" tabindex="0"{conf}>'
            f'{label}{_h(b.text)}{pills}{why}</{tag}>')


def _dateline_rows(lay: _Layout, dateline: str) -> list[int]:
    """Raw rows of the dateline: the labelled span whose cleaned text is the dateline."""
    for c in lay.page.changes:
        if c.action == "label" and c.after == "dateline":
            if lay.page.overlay.render(*c.span).strip() == dateline.strip():
                return lay.rows_of_span(*c.span)
    return []


def _clean_view(lay: _Layout) -> str:
    page = lay.page
    notes: dict[int, list[int]] = defaultdict(list)  # display block -> structural changes
    for ci, c in enumerate(page.changes):
        b = lay.anchor_block[ci]
        if b is not None and not c.edits and c.action != "join":
            notes[b].append(ci)
    out = ['<div class="pane" id="clean" aria-label="cleaned articles">']
    shown: set[int] = set()

    def block(b: Block) -> None:
        i = lay.block_id[id(b)]
        if i not in shown:  # one element per block, so ids stay unique
            shown.add(i)
            out.append(_block_html(lay, i, notes))

    for n, a in enumerate(page.articles, 1):
        low = " low" if a.confidence < 0.6 else ""
        title = a.title.text if a.title else "(no title)"
        out.append(f'<article id="a{n}"><header class="ah{low}"><span class="an">{n}</span> '
                   f'<span class="at">{_h(title)}</span> <span class="conf">confidence '
                   f'{a.confidence:.2f}</span></header>')
        for b in (a.kicker, a.title, a.subtitle, a.byline):
            if b is not None:
                block(b)
        if a.dateline:
            rows = _dateline_rows(lay, a.dateline)
            out.append(f'<div class="dl" data-r="{" ".join(map(str, rows))}"><span class="kl">'
                       f'电头 dateline</span>{_h(a.dateline)}</div>')
        for b in (*a.body, *a.pullquotes, *a.captions):
            block(b)
        out.append("</article>")
    if page.dropped:
        out.append('<section class="drop"><h2 class="sh">Dropped: in no article</h2>')
        for b in page.dropped:
            block(b)
        out.append("</section>")
    if not page.articles and not page.dropped:
        out.append('<p class="none">No articles found on this page.</p>')
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Page report: panels


def _look_panel(lay: _Layout) -> str:
    """Flags first, then the other changes labelled review, each in source order."""
    page = lay.page
    picked = [ci for ci, c in enumerate(page.changes) if c.action == "flag" or c.safety != "safe"]
    picked.sort(key=lambda ci: (page.changes[ci].action != "flag", page.changes[ci].span, ci))
    n_flags = sum(1 for ci in picked if page.changes[ci].action == "flag")
    items = []
    for ci in picked:
        c = page.changes[ci]
        line, col = lay.pos(c.span[0])
        rows = lay.rows_of_span(*c.span)[:MAX_SPAN_ROWS]
        b = lay.anchor_block[ci]
        data_b = f' data-b="{b}"' if b is not None else ""
        cls = "flag" if c.action == "flag" else "rev"
        items.append(f'<li class="{cls} {_rule_class(c.rule)}" data-r="{" ".join(map(str, rows))}"'
                     f'{data_b}><a href="#L{line}">{line}:{col}</a> <b>{_h(c.rule)}</b> '
                     f'<i>{_h(c.action)}</i> {_h(c.reason)}</li>')
    if not items:
        body = '<p class="none">Nothing: every change is labelled safe and nothing was flagged.</p>'
    else:
        body = f'<ol class="look">{"".join(items)}</ol>'
    return (f'<section class="panel" id="look"><h2 class="sh">Needs a look: {n_flags} flags, '
            f'{len(items) - n_flags} review changes</h2>{body}</section>')


def _rules_panel(page: Page) -> str:
    counts = summary(page)
    rules = sorted(k for k in counts if k[:1].isupper())
    actions: dict[str, Counter] = defaultdict(Counter)
    for c in page.changes:
        actions[c.rule][c.action] += 1
    rows = []
    for rid in rules:
        rule = page.rules[rid] if rid in page.rules else None
        name = rule.name if rule else ""
        safety = rule.safety if rule else ""
        what = ", ".join(f"{n} {a}" for a, n in sorted(actions[rid].items()))
        tip = f' title="{_h(rule.summary)}"' if rule else ""
        rows.append(f'<tr data-rule="{_h(_rule_class(rid))}"{tip}><td><b>{_h(rid)}</b></td>'
                    f'<td>{_h(name)}</td><td>{_h(safety)}</td><td>{_h(what)}</td>'
                    f'<td class="num">{counts[rid]}</td></tr>')
    total = sum(counts[r] for r in rules)
    return ('<section class="panel" id="rules"><h2 class="sh">Changes per rule</h2>'
            '<table class="rt"><thead><tr><th>rule</th><th>name</th><th>safety</th><th>actions</th>'
            f'<th class="num">changes</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><td colspan="4">total</td><td class="num">{total}</td></tr></tfoot></table>'
            '<p class="hint">Click a rule to outline its marks.</p></section>')


def _stats(page: Page) -> str:
    s = summary(page)
    review = sum(1 for c in page.changes if c.safety != "safe")
    edits = len(page.overlay.edits)
    items = [("raw lines", len(Positions(page.source).starts)),
             ("articles", s["articles"]), ("changes", len(page.changes)), ("character edits", edits),
             ("review", review), ("flags", s["flags"]), ("dropped", s["dropped"])]
    return "".join(f'<span class="st"><b>{v}</b> {k}</span>' for k, v in items)


LEGEND = ('<p class="legend"><span class="ed"><del>removed</del></span> '
          '<span class="ed"><ins>inserted</ins></span> <b class="j">↵</b> joined to the next line '
          '<span class="pill">rule</span> structural change '
          '<span class="pill review">rule</span> needs review '
          '<span class="pill a-flag review">rule</span> flag · '
          'hover a mark for its rule and reason; click a block or a row to link the two sides</p>')


# --------------------------------------------------------------------------------------------
# Shared page shell

CSS_BASE = """
:root{--fg:#1d1d1f;--mute:#6b6b70;--line:#d9d9de;--bg:#fff;--soft:#f5f5f7;--hl:#fff3b0;
--sel:#ffd84d;--del:#b3261e;--ins:#1b6e3a;--rev:#b55d00;--flag:#b3261e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.6 system-ui,-apple-system,
"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"Noto Sans SC","WenQuanYi Micro Hei","Droid Sans Fallback",sans-serif}
h1{font-size:1.25rem;margin:0 0 .3rem}
.sh{font-size:1rem;margin:0 0 .4rem}
.top{padding:.8rem 1rem;border-bottom:1px solid var(--line)}
.st{margin-right:1.2em;color:var(--mute)}.st b{color:var(--fg)}
.num{text-align:right;font-variant-numeric:tabular-nums}
.none,.hint{color:var(--mute);margin:.3rem 0}
table{border-collapse:collapse}
th,td{padding:.15rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft)}
"""

CSS_PAGE = CSS_BASE + """
.pdfpage{padding:.4rem 1rem}.pdfpage svg{width:min(100%,760px);height:auto;border:1px solid #ccc;
background:#fff}.pdfpage rect{fill-opacity:.18;stroke-width:.8}
.pal{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;padding:0;list-style:none;font-size:13px}
.pal li::before{content:"■ "}.pd rect{fill:#888;stroke:#888}
.pa0 rect,.pal .pa0::before{fill:#d1495b;stroke:#d1495b;color:#d1495b}
.pa1 rect,.pal .pa1::before{fill:#00798c;stroke:#00798c;color:#00798c}
.pa2 rect,.pal .pa2::before{fill:#edae49;stroke:#edae49;color:#edae49}
.pa3 rect,.pal .pa3::before{fill:#30638e;stroke:#30638e;color:#30638e}
.pa4 rect,.pal .pa4::before{fill:#66a182;stroke:#66a182;color:#66a182}
.pa5 rect,.pal .pa5::before{fill:#8d5a97;stroke:#8d5a97;color:#8d5a97}
.pa6 rect,.pal .pa6::before{fill:#e07a5f;stroke:#e07a5f;color:#e07a5f}
.pa7 rect,.pal .pa7::before{fill:#3d405b;stroke:#3d405b;color:#3d405b}
.panels{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;padding:.8rem 1rem}
.panel{min-width:0}
.look{margin:0;padding:0;list-style:none;max-height:14rem;overflow:auto;border:1px solid var(--line);
contain:content}
.look li{padding:.15rem .5rem;border-bottom:1px solid var(--soft);cursor:pointer}
.look li:hover{background:var(--hl)}
.look li.flag b{color:var(--flag)}.look li.rev b{color:var(--rev)}
.look a{color:var(--mute);font-variant-numeric:tabular-nums;text-decoration:none;margin-right:.3em}
.look i{color:var(--mute)}
#rules{max-height:17rem;overflow:auto}
.rt tbody tr{cursor:pointer}.rt tbody tr:hover{background:var(--hl)}
.rt tr.on{background:var(--sel)}
.legend{color:var(--mute);margin:.4rem 0 0}
.sbs{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);height:100vh;
border-top:1px solid var(--line)}
.pane{overflow:auto;contain:strict;height:100vh;overscroll-behavior:contain}
#raw{border-right:1px solid var(--line);background:var(--soft);
font:14px/1.55 ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK SC",
"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",monospace;padding:.4rem 0}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 1600px}
.r{position:relative;padding:0 .5rem 0 4.2rem;min-height:1.55em;white-space:pre-wrap;
word-break:break-all;border-left:4px solid transparent;cursor:pointer}
.r::before{content:attr(data-n);position:absolute;left:0;width:3.4rem;text-align:right;
color:#9a9aa0;font-size:12px;user-select:none}
.r:empty{min-height:.5em;cursor:default}.r:empty::before{content:none}
.r.k-title,.r.k-subtitle,.r.k-kicker{border-left-color:#5b5bd6}
.r.k-heading,.r.k-subhead{border-left-color:#8e6fd8}
.r.k-byline,.r.k-caption,.r.k-credit{border-left-color:#2a8c8c}
.r.k-pullquote{border-left-color:#c98a00}
.r.dropped{color:var(--mute);border-left-color:#999}
.ed{border-radius:2px}
.ed del{color:var(--del);background:#fde7e6;text-decoration:line-through 1.5px}
.ed ins{color:var(--ins);background:#dff3e4;text-decoration:underline 1.5px}
.ed.orphan{outline:2px dashed var(--flag)}
.j{color:#9a9aa0;font-weight:normal;margin-left:.15em;user-select:none}
.pill{display:inline-block;font:11px/1.4 ui-monospace,Menlo,Consolas,monospace;padding:0 .3em;
margin-left:.3em;border-radius:.6em;background:#e4e4ea;color:#444;vertical-align:.1em;
white-space:nowrap;user-select:none;cursor:help;text-indent:0}
.pill.review{background:#fbe3c8;color:#7a3e00}
.pill.a-flag{background:#f9d3d0;color:#8c1d18}
.pill.a-move,.pill.a-heal{background:#dcd6f7;color:#3b2a8c}
#clean{padding:.6rem 1.2rem 40vh}
article{content-visibility:auto;contain-intrinsic-size:auto 900px;border-bottom:2px solid var(--line);
padding:.4rem 0 .8rem}
.ah{color:var(--mute);font-size:13px}
.ah .an{display:inline-block;min-width:1.6em;text-align:center;background:var(--fg);color:#fff;
border-radius:.8em;margin-right:.2em}
.ah.low .conf{color:var(--rev);font-weight:600}
.b{margin:.35rem 0;padding:.1rem .3rem;border-radius:3px;cursor:pointer;outline-offset:1px}
h2.b{font-size:1.35rem;line-height:1.4;margin:.5rem 0 .2rem}
h3.b{font-size:1.05rem;font-weight:600;color:#444}
h4.b{font-size:1rem}
p.b.k-paragraph{text-indent:2em}
.b.k-pullquote{border-left:3px solid #c98a00;padding-left:.6rem;color:#5a4300}
.b.k-caption,.b.k-credit{color:#2a5c5c;font-size:14px}
.b.k-byline,.b.k-kicker{color:#444}
.kl{display:inline-block;font-size:11px;color:var(--mute);border:1px solid var(--line);
border-radius:3px;padding:0 .3em;margin-right:.5em;text-indent:0;vertical-align:.1em}
.dl{color:#444;font-size:13px;margin:.2rem .3rem;cursor:pointer}
.why{display:block;color:var(--mute);font-size:12px;text-indent:0;margin-top:.15rem}
.drop{padding-top:.6rem}.drop .b{color:var(--mute)}
@media (max-width:900px){.panels{grid-template-columns:1fr}}
.r.hl,.b.hl,.dl.hl{background:var(--hl)}
.r.sel,.b.sel,.dl.sel{background:var(--sel)}
"""

JS_PAGE = """
(function(){
"use strict";
var hl=[],sel=[],lastHover=null;
function byId(x){return document.getElementById(x);}
function rowsOf(el){var v=el&&el.getAttribute("data-r");return v?v.split(" "):[];}
function blockOf(el){
  if(!el)return null;
  if(el.classList.contains("b"))return el;
  var v=el.getAttribute("data-b");
  return v?byId("b"+v.split(" ")[0]):null;
}
function paint(list,cls,els){
  for(var i=0;i<list.length;i++)list[i].classList.remove(cls);
  list.length=0;
  for(var j=0;j<els.length;j++)if(els[j]){els[j].classList.add(cls);list.push(els[j]);}
}
function targets(el){
  var b=blockOf(el),src=el.classList.contains("r")?b:el,els=[];
  var rs=rowsOf(src||el);
  if(!rs.length&&el.classList.contains("r"))rs=[el.getAttribute("data-n")];
  for(var i=0;i<rs.length;i++)els.push(byId("L"+rs[i]));
  if(b)els.push(b);
  return {els:els,block:b,first:els[0]};
}
function select(el){
  var t=targets(el),isRow=el.classList.contains("r"),isBlock=el.classList.contains("b");
  paint(sel,"sel",t.els);
  if(!isBlock&&t.block)t.block.scrollIntoView({block:"nearest"});
  if(!isRow&&t.first&&t.first.classList.contains("r"))t.first.scrollIntoView({block:"center"});
  var id=isRow?el.id:t.block?t.block.id:"";
  if(id){try{history.replaceState(null,"","#"+id);}catch(e){}}
}
var HOT=".b,.dl,.r[data-b],.look li";
document.addEventListener("mouseover",function(ev){
  var el=ev.target.closest&&ev.target.closest(HOT);
  if(el===lastHover)return;
  lastHover=el;
  paint(hl,"hl",el&&!el.matches(".look li")?targets(el).els:[]);
});
document.addEventListener("click",function(ev){
  var rule=ev.target.closest&&ev.target.closest("tr[data-rule]");
  if(rule){
    var on=!rule.classList.contains("on");
    var trs=document.querySelectorAll("tr[data-rule].on");
    for(var i=0;i<trs.length;i++)trs[i].classList.remove("on");
    if(on)rule.classList.add("on");
    byId("rule-style").textContent=on?"."+rule.getAttribute("data-rule")+
      "{outline:2px solid #d00;outline-offset:1px;background:#ffe08a}":"";
    return;
  }
  var el=ev.target.closest&&ev.target.closest(HOT);
  if(!el)return;
  if(ev.target.closest("a"))ev.preventDefault();
  select(el);
});
document.addEventListener("keydown",function(ev){
  if((ev.key==="Enter"||ev.key===" ")&&ev.target.classList&&ev.target.classList.contains("b")){
    ev.preventDefault();select(ev.target);
  }
});
var h=location.hash.slice(1),start=h&&byId(h);
if(start&&(start.classList.contains("b")||start.classList.contains("r")))
  select(start);
})();
"""

JS_INDEX = """
(function(){
"use strict";
var table=document.getElementById("pages");
table.querySelector("thead").addEventListener("click",function(ev){
  var btn=ev.target.closest("button");if(!btn)return;
  var th=btn.parentNode,col=th.cellIndex,num=th.getAttribute("data-type")==="num";
  var dir=th.getAttribute("aria-sort")==="ascending"?-1:1;
  var ths=table.querySelectorAll("th");
  for(var i=0;i<ths.length;i++)ths[i].removeAttribute("aria-sort");
  th.setAttribute("aria-sort",dir===1?"ascending":"descending");
  var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
  function key(r){var c=r.cells[col],v=c.getAttribute("data-v");return v===null?c.textContent:v;}
  rows.sort(function(a,b){
    var x=key(a),y=key(b);
    if(num){x=parseFloat(x);y=parseFloat(y);
      if(isNaN(x))return isNaN(y)?0:1; if(isNaN(y))return -1; return (x-y)*dir;}
    if(x===""&&y!=="")return 1; if(y===""&&x!=="")return -1;
    return x.localeCompare(y)*dir;
  });
  var frag=document.createDocumentFragment();
  for(var j=0;j<rows.length;j++)frag.appendChild(rows[j]);
  body.appendChild(frag);
});
})();
"""


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def _shell(title: str, css: str, body: str, script: str) -> str:
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src '{_csp_hash(script)}'; base-uri 'none'; form-action 'none'")
    return ("<!doctype html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f"<title>{_h(title)}</title>\n<style>{css}</style>\n"
            '<style id="rule-style"></style>\n</head>\n<body>\n'
            f"{body}\n<script>{script}</script>\n</body>\n</html>\n")


def page_report(page: Page, picture: bytes | None = None) -> str:
    """The side-by-side review page of one cleaned page, as one self-contained HTML file.
    A page read from PDF also shows where each article's lines stood on the page, over
    ``picture`` (a PNG of the page) where one was rendered."""
    lay = _Layout(page)
    body = (f'<header class="top"><h1>{_h(page.name)} <span class="st">cleaner report</span></h1>'
            f"{_stats(page)}{LEGEND}</header>\n"
            f'<div class="panels">{_look_panel(lay)}{_rules_panel(page)}</div>\n'
            f"{_pdf_panel(page, picture)}"
            f'<main class="sbs">{_raw_view(lay)}\n{_clean_view(lay)}</main>')
    return _shell(f"{page.name} · cleaner report", CSS_PAGE, body, JS_PAGE)


def _pdf_panel(page: Page, picture: bytes | None) -> str:
    """Where each article's lines stood on a PDF page: one outline per line, a colour per
    article (furniture and dropped lines grey), over the page's picture."""
    size = page.layout.page_size
    if page.layout.geometry is None or not size:
        return ""
    import base64

    width, height = size
    geo = page.geometry()
    parts = []
    if picture:
        data = base64.b64encode(picture).decode("ascii")
        parts.append(f'<image href="data:image/png;base64,{data}" x="0" y="0" width="{width:.0f}" '
                     f'height="{height:.0f}" preserveAspectRatio="none"/>')

    def outline(blocks, cls: str, label: str) -> None:
        rects = []
        for b in blocks:
            for k in b.lines:
                g = geo[k] if k < len(geo) else None
                if g is None:
                    continue
                top = height - g.top
                rects.append(f'<rect x="{g.x0:.1f}" y="{top:.1f}" width="{max(g.x1 - g.x0, 1):.1f}" '
                             f'height="{g.size * 1.15:.1f}"/>')
        if rects:
            parts.append(f'<g class="{cls}"><title>{_h(label)}</title>{"".join(rects)}</g>')

    for n, a in enumerate(page.articles):
        blocks = [b for b in (a.kicker, a.title, a.subtitle, a.byline) if b is not None]
        blocks += list(a.body) + list(a.pullquotes) + list(a.captions)
        title = a.title.text if a.title else "(no title)"
        outline(blocks, f"pa pa{n % 8}", f"{n + 1}. {title}")
    outline(page.dropped, "pa pd", "dropped (furniture, credits)")
    svg = (f'<svg id="pdf-page" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
           f'aria-label="the page, each article outlined">{"".join(parts)}</svg>')
    legend = "".join(f'<li class="pa{n % 8}">{n + 1}. {_h(a.title.text if a.title else "(no title)")}</li>'
                     for n, a in enumerate(page.articles))
    return (f'<section class="pdfpage"><h2>On the page</h2><ol class="pal">{legend}</ol>'
            f"{svg}</section>\n")


# --------------------------------------------------------------------------------------------
# Corpus summary

CSS_INDEX = CSS_BASE + """
main{padding:.4rem 1rem;display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);
gap:0 2.5rem;align-items:start}
section{margin:.8rem 0;min-width:0}
#side{position:sticky;top:0}
.charts{display:flex;flex-wrap:wrap;gap:1rem 2rem}
#rule-totals td:nth-child(3){color:var(--mute);font-size:13px}
@media (max-width:1100px){main{grid-template-columns:1fr}#side{position:static}}
figure{margin:0}figcaption{color:var(--mute);font-size:13px}
#pages th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;
color:inherit}
#pages th button::after{content:" ↕";color:#aaa}
#pages th[aria-sort=ascending] button::after{content:" ↑";color:var(--fg)}
#pages th[aria-sort=descending] button::after{content:" ↓";color:var(--fg)}
#pages tbody tr:hover{background:var(--soft)}
#pages td{font-variant-numeric:tabular-nums}
tr.err td{color:#b3261e}
.bar{display:inline-block;height:.6em;background:#5b8def;margin-right:.4em;vertical-align:middle}
.bar.low{background:#e08a2c}
svg text{font:12px system-ui,sans-serif;fill:#333}
"""


def _bar_chart(items: list[tuple[str, int, str]], caption: str) -> str:
    """Horizontal bars, one per item (label, value, tooltip), drawn as inline SVG."""
    if not items:
        return f'<figure><figcaption>{_h(caption)}: no changes.</figcaption></figure>'
    row, label_w, bar_w, top = 20, 64, 380, 6
    top_value = max(v for _, v, _ in items) or 1
    height = top + row * len(items) + 6
    width = label_w + bar_w + 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{_h(caption)}">']
    for i, (label, value, tip) in enumerate(items):
        y = top + i * row
        w = max(1.0, bar_w * value / top_value) if value else 0
        parts.append(f'<g><title>{_h(tip)}</title>'
                     f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_h(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="#5b8def"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 14}">{value}</text></g>')
    parts.append("</svg>")
    return f'<figure>{"".join(parts)}<figcaption>{_h(caption)}</figcaption></figure>'


def _histogram(values: list[float], caption: str, bins: int = 10) -> str:
    """Counts of values in [0, 1] by tenths, drawn as inline SVG columns."""
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v * bins)))] += 1
    col, gap, plot_h, left, top, bottom = 34, 6, 160, 34, 16, 34
    width = left + bins * (col + gap) + 10
    height = top + plot_h + bottom
    peak = max(counts) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{_h(caption)}">',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 6}" y2="{top + plot_h}" stroke="#999"/>']
    for i, n in enumerate(counts):
        x = left + i * (col + gap) + gap / 2
        h = plot_h * n / peak
        lo, hi = i / bins, (i + 1) / bins
        colour = "#e08a2c" if hi <= 0.6 else "#5b8def"
        parts.append(f'<g><title>{n} with confidence {lo:.1f}–{hi:.1f}</title>'
                     f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{col}" height="{h:.1f}" '
                     f'fill="{colour}"/><text x="{x + col / 2:.1f}" y="{top + plot_h - h - 3:.1f}" '
                     f'text-anchor="middle">{n}</text>'
                     f'<text x="{x - gap / 2:.1f}" y="{top + plot_h + 15}" text-anchor="middle">'
                     f'{lo:.1f}</text></g>')
    parts.append(f'<text x="{left + bins * (col + gap):.1f}" y="{top + plot_h + 15}" '
                 'text-anchor="middle">1.0</text>'
                 f'<text x="{left + bins * (col + gap) / 2}" y="{height - 3}" text-anchor="middle">'
                 "confidence</text></svg>")
    return f'<figure>{"".join(parts)}<figcaption>{_h(caption)}</figcaption></figure>'


def _rule_info() -> dict:
    """Shipped rule names and summaries, for labels (a bad rule file only loses the labels)."""
    try:
        from ..rules import default_rules

        return {r.id: r for r in default_rules().rules}
    except Exception:  # noqa: BLE001 - labels are decoration; the counts stand without them
        return {}


def index_report(rows: list[dict]) -> str:
    """The corpus summary: a sortable table of pages, totals per rule, two inline SVG charts.

    ``rows`` are the CLI's index rows (keys page, path, articles, changes, flags, confidence,
    rules, error, report); a row may also carry ``confidences``, every article's confidence,
    in which case the chart counts articles instead of each page's least confident article.
    """
    info = _rule_info()
    per_rule: Counter = Counter()
    pages_per_rule: Counter = Counter()
    for r in rows:
        for rid, n in (r.get("rules") or {}).items():
            per_rule[rid] += n
            pages_per_rule[rid] += 1 if n else 0
    ok = [r for r in rows if not r.get("error")]
    errors = len(rows) - len(ok)
    totals = [("pages", len(rows)), ("articles", sum(r.get("articles") or 0 for r in rows)),
              ("changes", sum(r.get("changes") or 0 for r in rows)),
              ("flags", sum(r.get("flags") or 0 for r in rows)), ("errors", errors)]
    stats = "".join(f'<span class="st"><b>{v}</b> {k}</span>' for k, v in totals)

    trs = []
    for r in rows:
        err = r.get("error") or ""
        name = _h(str(r.get("page", "")))
        link = r.get("report")
        cell = f'<a href="{_h(quote(link, safe="/"))}">{name}</a>' if link and not err else name
        conf = r.get("confidence")
        if err or conf is None:
            conf_cell = '<td data-v="">–</td>'
        else:
            low = " low" if conf < 0.6 else ""
            conf_cell = (f'<td data-v="{conf}"><span class="bar{low}" style="width:{conf * 4:.2f}em">'
                         f"</span>{conf:.2f}</td>")
        nums = "".join(f'<td class="num" data-v="{"" if err else (r.get(k) or 0)}">'
                       f'{"–" if err else (r.get(k) or 0)}</td>' for k in ("articles", "changes", "flags"))
        trs.append(f'<tr{" class=err" if err else ""}><td title="{_h(str(r.get("path", "")))}">'
                   f"{cell}</td>{nums}{conf_cell}<td>{_h(err)}</td></tr>")
    heads = [("page", "str"), ("articles", "num"), ("changes", "num"), ("flags", "num"),
             ("confidence", "num"), ("error", "str")]
    thead = "".join(f'<th data-type="{t}"{" class=num" if t == "num" else ""}><button type="button">'
                    f"{k}</button></th>" for k, t in heads)
    table = (f'<table id="pages"><thead><tr>{thead}</tr></thead><tbody>{"".join(trs)}</tbody></table>')

    rule_rows = []
    for rid in sorted(per_rule):
        rule = info.get(rid)
        rule_rows.append(f'<tr><td><b>{_h(rid)}</b></td><td>{_h(rule.name if rule else "")}</td>'
                         f'<td>{_h(rule.summary if rule else "")}</td>'
                         f'<td class="num">{per_rule[rid]}</td>'
                         f'<td class="num">{pages_per_rule[rid]}</td></tr>')
    rule_table = ('<table id="rule-totals"><thead><tr><th>rule</th><th>name</th><th>summary</th>'
                  '<th class="num">changes</th><th class="num">pages</th></tr></thead>'
                  f'<tbody>{"".join(rule_rows)}</tbody><tfoot><tr><td colspan="3">total</td>'
                  f'<td class="num">{sum(per_rule.values())}</td><td></td></tr></tfoot></table>')

    bars = [(rid, per_rule[rid], f"{rid} {info[rid].name if rid in info else ''}: {per_rule[rid]} "
             f"changes on {pages_per_rule[rid]} pages")
            for rid in sorted(per_rule, key=lambda k: (-per_rule[k], k))]
    if any("confidences" in r for r in ok):
        values = [float(v) for r in ok for v in r.get("confidences") or ()]
        what = f"Article confidence ({len(values)} articles)"
    else:
        values = [float(r["confidence"]) for r in ok if r.get("articles") and r.get("confidence") is not None]
        what = f"Lowest article confidence per page ({len(values)} pages)"
    charts = (f'<div class="charts">{_bar_chart(bars, "Changes per rule")}'
              f"{_histogram(values, what)}</div>")
    body = (f'<header class="top"><h1>cleaner corpus summary</h1>{stats}</header>\n<main>'
            f'<section><h2 class="sh">Pages</h2><p class="hint">Click a column heading to sort; '
            f"a page name opens its report.</p>{table}</section>\n"
            f'<div id="side"><section><h2 class="sh">Charts</h2>{charts}</section>\n'
            f'<section><h2 class="sh">Changes per rule, all pages</h2>{rule_table}</section></div></main>')
    return _shell("cleaner corpus summary", CSS_INDEX, body, JS_INDEX)
