"""The HTML reports in a real browser: Debian's headless Chromium driven by Playwright.

The browser is the system one (``/usr/bin/chromium``); Playwright's own browser downloads are
never used. The test is skipped, with the reason, when Chromium or Playwright is missing; CI
installs both (``.ci/run``). Screenshots go to ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kjrb-yuanqu-page.txt"
DEV = ROOT.parent / "shared" / "bench" / "dev"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CLEANER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed "
                               "(pip install -e '.[browser]')")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1400, "height": 900}, device_scale_factor=1)
        yield ctx
        ctx.close()


@pytest.fixture
def open_page(browser):
    """Open a file in a new tab; returns the tab and the list of problems it reported."""
    tabs = []

    def go(path: Path):
        tab = browser.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
               if m.type in ("error", "warning") else None)
        tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        tab.on("request", lambda r: problems.append(f"request: {r.url}")
               if not r.url.startswith(("file:", "data:", "about:")) else None)
        tab.goto(path.as_uri())
        tabs.append(tab)
        return tab, problems

    yield go
    for tab in tabs:
        tab.close()


def _shot(tab, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / name))


def test_sample_report(tmp_path, open_page):
    out = tmp_path / "report.html"
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 0
    page = cleaner.clean(SAMPLE.read_text(encoding="utf-8"), name=SAMPLE.name)
    tab, problems = open_page(out)

    titles = [a.title.text for a in page.articles if a.title]
    assert titles
    for title in titles:
        el = tab.locator("#clean h2.b", has_text=title).first
        el.scroll_into_view_if_needed()
        assert el.is_visible(), title

    # clicking a paragraph highlights exactly the raw rows it came from
    para = tab.locator("#clean p.b.k-paragraph").nth(1)
    rows = para.get_attribute("data-r").split()
    assert len(rows) >= 2
    para.click()
    selected = tab.eval_on_selector_all("#raw .r.sel", "els => els.map(e => e.dataset.n)")
    assert selected == rows
    assert "sel" in para.get_attribute("class").split()
    assert tab.locator(f"#L{rows[0]}").is_visible()  # the raw side scrolled to it

    # and clicking a raw row selects its block on the other side
    tab.locator(f"#L{rows[-1]}").click()
    assert "sel" in para.get_attribute("class").split()

    # an entry of the "needs a look" panel selects where it happened
    look = tab.locator("#look li").first
    if look.count():
        look.click()
        first = look.get_attribute("data-r").split()[0]
        assert "sel" in tab.locator(f"#L{first}").get_attribute("class").split()

    # a rule in the table outlines its marks
    rule = tab.locator("tr[data-rule]").first
    rule.click()
    assert tab.locator("#rule-style").text_content()
    rule.click()
    assert not tab.locator("#rule-style").text_content()

    tab.evaluate("window.scrollTo(0, 0)")
    para.click()
    tab.evaluate("window.scrollTo(0, 0)")
    _shot(tab, "report-sample.png")
    assert problems == []


def test_page_text_never_runs(tmp_path, open_page):
    text = ("北京<script>window.pwned = 1</script>启动建设 & 发展\n\n"
            "<img src=x onerror=\"window.pwned = 2\">科技园区建设\n")
    out = tmp_path / "evil.html"
    from cleaner.reports.html import page_report

    out.write_text(page_report(cleaner.clean(text, name="<b>evil</b>.txt")), encoding="utf-8")
    tab, problems = open_page(out)
    assert tab.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in tab.locator("#raw").inner_text()
    assert tab.title().startswith("<b>evil</b>.txt")
    assert problems == []


@pytest.mark.skipif(not DEV.is_dir(), reason=f"no dev pages at {DEV}")
def test_index_over_dev_pages(tmp_path, open_page):
    pages = sorted(DEV.glob("*.txt"))
    out = tmp_path / "out"
    assert main(["clean", *map(str, pages), "-o", str(out), "--quiet"]) in (0, 1)
    tab, problems = open_page(out / "index.html")
    body = tab.locator("#pages tbody tr")
    assert body.count() == len(pages)

    def column(k: int) -> list[float]:
        return tab.eval_on_selector_all(
            "#pages tbody tr", f"rs => rs.map(r => parseFloat(r.cells[{k}].dataset.v))")

    tab.locator("#pages th button", has_text="changes").click()
    values = column(2)
    assert values == sorted(values)
    tab.locator("#pages th button", has_text="changes").click()
    assert column(2) == sorted(values, reverse=True)
    tab.locator("#pages th button", has_text="confidence").click()
    assert column(4) == sorted(column(4))
    assert tab.locator("svg").count() == 2
    tab.evaluate("window.scrollTo(0, 0)")
    _shot(tab, "index-dev.png")

    link = tab.locator("#pages tbody a").first
    name = link.inner_text()
    link.click()
    tab.wait_for_load_state()
    assert tab.title().startswith(name)
    assert tab.locator("#clean article").count() >= 1
    assert problems == []


PDF = ROOT / "benchmarks" / "extractor_set" / "dev" / "pdf" / "d008.pdf"


@pytest.mark.skipif(importlib.util.find_spec("pypdfium2") is None, reason="no pypdfium2 (pip install -e '.[pdf]')")
def test_pdf_page_report_shows_where_articles_stood(tmp_path, open_page):
    out = tmp_path / "out"
    assert main(["clean", str(PDF), "-o", str(out), "--quiet"]) == 0
    report = out / "d008" / "p001" / "report.html"
    pj = __import__("json").loads((out / "d008" / "p001" / "page.json").read_text(encoding="utf-8"))
    tab, problems = open_page(report)
    svg = tab.locator("#pdf-page")
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    # the page's picture is drawn (a data: PNG, allowed by the report's content policy)
    assert tab.locator("#pdf-page image").count() == 1
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    # one outlined group per article, named by its title, and each outline on the page
    groups = tab.locator("#pdf-page g.pa:not(.pd)")
    assert groups.count() == len(pj["articles"])
    for n, a in enumerate(pj["articles"]):
        assert groups.nth(n).locator("title").text_content().startswith(f"{n + 1}.")
        assert groups.nth(n).locator("rect").count() >= 1
    assert tab.locator(".pal li").count() == len(pj["articles"])
    _shot(tab, "report-pdf-page.png")
    assert problems == []
