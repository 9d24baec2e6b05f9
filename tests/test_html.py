"""The HTML review reports: escaping, self-containment, and links that are exact.

The checks read the generated HTML back with the standard library's parser and compare it with
the page model, so they hold whatever the heuristics currently decide: every title is shown,
every change is shown with its rule and reason, the per-rule table equals ``summary(page)``,
and each cleaned block points at exactly the raw rows whose cleaned text it is.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.reports.changes import Positions, summary
from cleaner.reports.html import _describe, _h, index_report, page_report

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kjrb-yuanqu-page.txt"

HAND = """北京启动高品质科技园区建设

科技日报讯（记者华凌）近日，北京市科委、中关村管委会会同中关村示范区各分园
的主导产业和定位，加强中关村示范区各分园产业服务设施和公共服务设施建设，优
化提升中关村示范区各分园智慧化管理水平，从而打造特色鲜明、功能完备的 <script>alert(1)</script> 空间。

在产业服务设施建设方面，支持中关村示范区各分园围绕特色产业发展的共性需求，配
置专业化仪器设备、硬件设施等，搭建开放式的专业服务平台 & 建设共享实验室。

责任编辑 张三
"""

VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "rect", "line"}
BLANKS = str.maketrans({"␣": " ", "□": "\u3000", "⇥": "\t", "⏎": "", "␍": "", "⍽": "\u00a0"})


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def text(self, skip=lambda n: False) -> str:
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not skip(c):
                out.append(c.text(skip))
        return "".join(out)


class Tree(HTMLParser):
    """A small DOM: enough to find elements by id, class and attribute."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.feed(text)
        self.close()
        self.by_id = {n.attrs["id"]: n for n in self.root.iter() if "id" in n.attrs}

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def find(self, pred):
        return [n for n in self.root.iter() if pred(n)]


def _skip_marks(n: Node) -> bool:
    return bool(n.classes & {"pill", "j", "kl", "why"})


def row_as_cleaned(row: Node) -> str:
    """A raw row's text with its edits applied: removed text dropped, inserted text kept."""
    def walk(n: Node) -> str:
        out = []
        for c in n.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag == "del" or _skip_marks(c):
                continue
            elif c.tag == "ins":
                out.append(c.text().translate(BLANKS))
            else:
                out.append(walk(c))
        return "".join(out)
    return walk(row)


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def sample():
    page = cleaner.clean(SAMPLE.read_text(encoding="utf-8"), name=SAMPLE.name)
    return page, page_report(page)


@pytest.fixture(scope="module")
def hand():
    page = cleaner.clean(HAND, name="hand <b>&amp;.txt")
    return page, page_report(page)


@pytest.fixture(params=["sample", "hand"])
def case(request):
    return request.getfixturevalue(request.param)


def test_page_text_is_escaped_never_markup(hand):
    page, report = hand
    assert report.count("<script") == 1  # the report's own script, nothing from the page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert re.search(r"平台[^&]{0,120}&amp;[^&]{0,120}建设", report)
    assert not re.search(r"&(?![a-z]+;|#x?[0-9a-f]+;)", report.split("<script>")[0], re.I)
    tree = Tree(report)
    scripts = tree.find(lambda n: n.tag == "script")
    assert len(scripts) == 1
    assert "alert(1)" not in scripts[0].text()
    raw_text = "".join(n.text() for n in tree.find(lambda n: "r" in n.classes))
    assert "<script>alert(1)</script>" in raw_text
    assert "平台␣&␣建设" in raw_text  # the blanks beside it were removed: shown struck through
    title = tree.find(lambda n: n.tag == "title")[0].text()
    assert title.startswith("hand <b>&amp;.txt")
    assert not tree.find(lambda n: n.tag == "b" and n.parent.tag == "title")


def test_escape_helper_covers_attributes_and_controls():
    assert _h('"\'<>&') == "&quot;&#x27;&lt;&gt;&amp;"
    assert _h("a\x00b\x1bc") == "a␀b␛c"


def test_self_contained_and_script_allowed_by_csp(case):
    _, report = case
    assert "<link" not in report and "url(" not in report and "@import" not in report
    assert not re.search(r"\ssrc=", report)
    tree = Tree(report)
    for a in tree.find(lambda n: "href" in n.attrs):
        assert a.attrs["href"].startswith("#"), a.attrs["href"]
    meta = tree.find(lambda n: n.tag == "meta" and n.attrs.get("http-equiv") == "Content-Security-Policy")
    assert meta and "default-src 'none'" in meta[0].attrs["content"]
    script = tree.find(lambda n: n.tag == "script")[0].text()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in meta[0].attrs["content"]


def test_every_article_title_is_shown(case):
    page, report = case
    tree = Tree(report)
    shown = [squeeze(n.text(_skip_marks)) for n in tree.find(lambda n: n.tag == "h2" and "b" in n.classes)]
    titles = [squeeze(a.title.text) for a in page.articles if a.title]
    assert titles, "the test pages have titled articles"
    assert shown == titles


def test_rule_counts_equal_summary(case):
    page, report = case
    tree = Tree(report)
    counts = {}
    for tr in tree.find(lambda n: n.tag == "tr" and "data-rule" in n.attrs):
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag == "td"]
        counts[cells[0].text()] = int(cells[-1].text())
    expected = {k: v for k, v in summary(page).items() if k[:1].isupper()}
    assert counts == expected


def test_every_change_is_shown_with_rule_and_reason(case):
    page, report = case
    tree = Tree(report)
    titles = [n.attrs["title"] for n in tree.find(lambda n: n.classes & {"ed", "pill", "j"}
                                                  and "title" in n.attrs)]
    shown = "\n".join(titles)
    for c in page.changes:
        assert _describe(c) in shown, c


def test_blocks_point_at_exactly_their_raw_rows(case):
    page, report = case
    tree = Tree(report)
    blocks = tree.find(lambda n: "b" in n.classes and n.attrs.get("id", "").startswith("b"))
    assert len(blocks) == sum(1 + 0 for a in page.articles for b in
                              (a.kicker, a.title, a.subtitle, a.byline, *a.body, *a.pullquotes,
                               *a.captions) if b is not None) + len(page.dropped)
    checked = 0
    for el in blocks:
        bid = el.attrs["id"][1:]
        rows = [tree.by_id[f"L{n}"] for n in el.attrs["data-r"].split()]
        assert rows
        for row in rows:  # the link goes both ways
            assert bid in row.attrs["data-b"].split()
        if any(len(row.attrs["data-b"].split()) > 1 for row in rows):
            continue  # a row shared by two blocks (a split line): whole rows cannot match
        cleaned = "".join(row_as_cleaned(row) for row in rows)
        assert squeeze(cleaned) == squeeze(el.text(_skip_marks)), el.attrs["id"]
        checked += 1
    assert checked >= len(blocks) - 2


def test_raw_rows_show_every_edit_in_place(case):
    page, report = case
    tree = Tree(report)
    pos = Positions(page.source)
    starts = pos.starts + [len(page.source) + 1]
    for k in range(len(pos.starts)):
        end = starts[k + 1] - 1
        expected = page.overlay.render(starts[k], max(starts[k], end))
        row = tree.by_id[f"L{k + 1}"]
        assert squeeze(row_as_cleaned(row)) == squeeze(expected), k + 1


def test_row_numbers_are_source_lines(hand):
    page, report = hand
    tree = Tree(report)
    lines = HAND.split("\n")
    for n, line in enumerate(lines, 1):
        row = tree.by_id[f"L{n}"]
        assert row.attrs["data-n"] == str(n)
        raw = row.text(lambda c: c.tag == "ins" or _skip_marks(c)).translate(BLANKS)
        assert squeeze(raw) == squeeze(line)


def test_hand_page_links(hand):
    """On the hand-made page the links are known: title row 1, the paragraphs rows 3-4, 5, 7-8."""
    page, report = hand
    tree = Tree(report)
    by_text = {}
    for el in tree.find(lambda n: "b" in n.classes and n.attrs.get("id", "").startswith("b")):
        by_text[squeeze(el.text(_skip_marks))[:8]] = el.attrs["data-r"]
    assert by_text["北京启动高品质科"] == "1"
    for a in page.articles:
        for b in a.body:
            rows = sorted({HAND.count("\n", 0, page.lines[k].start) + 1 for k in b.lines})
            assert by_text[squeeze(b.text)[:8]] == " ".join(map(str, rows))


def test_needs_a_look_lists_flags_first(case):
    page, report = case
    tree = Tree(report)
    items = tree.find(lambda n: n.tag == "li" and n.parent.attrs.get("class") == "look")
    kinds = [("flag" in li.classes) for li in items]
    assert kinds == sorted(kinds, reverse=True)
    flags = sum(c.action == "flag" for c in page.changes)
    review = sum(c.action != "flag" and c.safety != "safe" for c in page.changes)
    assert (sum(kinds), len(kinds) - sum(kinds)) == (flags, review)
    for li in items:
        link = [c for c in li.children if isinstance(c, Node) and c.tag == "a"][0]
        assert link.attrs["href"] == "#L" + li.attrs["data-r"].split()[0]


def test_dropped_text_shows_kind_and_reason(hand):
    page, report = hand
    assert page.dropped, "the hand page ends with furniture"
    tree = Tree(report)
    drop = tree.find(lambda n: n.tag == "section" and "drop" in n.classes)[0]
    text = drop.text()
    for b in page.dropped:
        assert b.text in text and b.kind in text
        reasons = [c for c in page.changes if c.action == "drop"]
        assert any(c.reason in text for c in reasons)


def test_empty_and_odd_pages_do_not_crash():
    for text in ["", "\n\n", "\r\n甲\r\n", "a\x00b\x0cc\u2028d", "<" * 50, "&amp;" * 3]:
        page = cleaner.clean(text, name="odd.txt")
        report = page_report(page)
        assert report.count("<script") == 1
        Tree(report)


# --------------------------------------------------------------------------------------------
# Corpus summary


def test_cli_writes_reports_and_index(tmp_path):
    second = tmp_path / "hand & co.txt"
    second.write_text(HAND, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(SAMPLE), str(second), "-o", str(out), "--quiet"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    tree = Tree(index)
    links = [a.attrs["href"] for a in tree.find(lambda n: n.tag == "a")]
    assert len(links) == 2
    for href in links:
        assert not href.startswith(("/", "http", "file:"))
        target = out / href.replace("%20", " ").replace("%26", "&")
        assert target.is_file(), href
    assert "hand%20%26%20co/report.html" in links
    pages = [cleaner.clean(p.read_text(encoding="utf-8"), name=p.name) for p in (SAMPLE, second)]
    expected = sum((summary(p) for p in pages), start=Counter())
    totals = {}
    for tr in tree.find(lambda n: n.tag == "tr" and n.parent.tag == "tbody"
                        and n.parent.parent.attrs.get("id") == "rule-totals"):
        cells = [c for c in tr.children if isinstance(c, Node)]
        totals[cells[0].text()] = int(cells[3].text())
    assert totals == {k: v for k, v in expected.items() if k[:1].isupper()}
    report = out / "hand & co" / "report.html"
    assert "北京启动高品质科技园区建设" in report.read_text(encoding="utf-8")


def test_cli_report_command(tmp_path):
    out = tmp_path / "r.html"
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def _rows():
    return [
        {"page": "p1", "path": "a/p1.txt", "articles": 3, "changes": 10, "flags": 1,
         "confidence": 0.45, "rules": {"J001": 7, "S001": 3}, "error": None, "report": "p1/report.html"},
        {"page": "<script>alert(1)</script>&", "path": "a/x.txt", "articles": 1, "changes": 2,
         "flags": 0, "confidence": 1.0, "rules": {"J001": 2}, "error": None,
         "report": "<script>alert(1)</script>&/report.html"},
        {"page": "broken", "path": "a/broken.txt", "articles": 0, "changes": 0, "flags": 0,
         "confidence": 0.0, "rules": {}, "error": "a/broken.txt: not text (a PDF file)", "report": None},
    ]


def test_index_escapes_and_links():
    index = index_report(_rows())
    assert index.count("<script") == 1
    tree = Tree(index)
    table = tree.by_id["pages"]
    body = [n for n in table.iter() if n.tag == "tbody"][0]
    rows = [c for c in body.children if isinstance(c, Node)]
    assert len(rows) == 3
    hrefs = [a.attrs["href"] for a in table.iter() if a.tag == "a"]
    assert hrefs == ["p1/report.html", "%3Cscript%3Ealert%281%29%3C/script%3E%26/report.html"]
    assert "<script>alert(1)</script>&" in table.text()
    assert "err" in rows[2].classes and "not text (a PDF file)" in rows[2].text()
    assert [th.attrs["data-type"] for th in table.iter() if th.tag == "th"] == \
        ["str", "num", "num", "num", "num", "str"]


def test_index_charts_are_inline_svg_drawn_from_the_rows():
    tree = Tree(index_report(_rows()))
    svgs = tree.find(lambda n: n.tag == "svg")
    assert len(svgs) == 2
    bars = [g for g in svgs[0].iter() if g.tag == "g"]
    assert [b.children[0].text().split()[0] for b in bars] == ["J001", "S001"]  # most changes first
    assert [t.text() for b in bars for t in b.iter() if t.tag == "text"][1::2] == ["9", "3"]
    columns = [g for g in svgs[1].iter() if g.tag == "g"]
    counts = [int([t for t in g.iter() if t.tag == "text"][0].text()) for g in columns]
    assert len(counts) == 10 and counts[4] == 1 and counts[9] == 1 and sum(counts) == 2


def test_index_counts_articles_when_rows_carry_every_confidence():
    rows = _rows()
    rows[0]["confidences"] = [0.45, 0.95, 1.0]
    rows[1]["confidences"] = [1.0]
    tree = Tree(index_report(rows))
    svg = tree.find(lambda n: n.tag == "svg")[1]
    counts = [int([t for t in g.iter() if t.tag == "text"][0].text()) for g in svg.iter() if g.tag == "g"]
    assert sum(counts) == 4 and counts[9] == 3


def test_index_of_nothing():
    tree = Tree(index_report([]))
    assert tree.by_id["pages"]
