"""Time the HTML reports on the dev pages and on one long page; optionally take screenshots.

    python benchmarks/html_report.py                 # timings and sizes
    python benchmarks/html_report.py --shots docs/   # also docs/report-sample.png, docs/index-dev.png

The long page is every dev page in one file (about 100 k characters, 8 k raw lines): the
report must stay quick to write and to open. Screenshots use the system Chromium through
Playwright (never a downloaded browser), as tests/test_browser.py does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cleaner  # noqa: E402
from cleaner.cli import main as cli  # noqa: E402
from cleaner.reports.html import page_report  # noqa: E402

SAMPLE = ROOT / "samples" / "kjrb-yuanqu-page.txt"
DEV = ROOT.parent / "shared" / "bench" / "dev"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timings(out: Path) -> Path:
    pages = sorted(DEV.glob("*.txt"))
    cleaned = [cleaner.clean(p.read_text(encoding="utf-8"), name=p.name) for p in pages]
    t0 = time.perf_counter()
    sizes = [len(page_report(p).encode()) for p in cleaned]
    secs = time.perf_counter() - t0
    if cleaned:
        print(f"dev pages: {len(cleaned)} reports in {secs:.2f}s ({1000 * secs / len(cleaned):.1f} ms "
              f"each), {sum(sizes) / len(sizes) / 1024:.0f} KiB on average")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages) or SAMPLE.read_text(encoding="utf-8")
    long_page = cleaner.clean(text, name="long.txt")
    t0 = time.perf_counter()
    report = page_report(long_page)
    secs = time.perf_counter() - t0
    path = out / "long.html"
    path.write_text(report, encoding="utf-8")
    print(f"long page: {len(text)} chars, {text.count(chr(10)) + 1} raw lines, {len(long_page.changes)} "
          f"changes: report in {secs:.2f}s, {len(report.encode()) / 1024 / 1024:.1f} MiB")
    return path


def browse(long_html: Path, shots: Path | None, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=ARGS, headless=True,
            viewport={"width": 1400, "height": 900}, device_scale_factor=1)
        tab = ctx.new_page()
        t0 = time.perf_counter()
        tab.goto(long_html.as_uri())
        print(f"long page: loaded in Chromium in {time.perf_counter() - t0:.2f}s")
        ms = tab.evaluate("""() => { const t = performance.now();
            const b = document.querySelectorAll('#clean p.b')[300]; b.click();
            document.body.offsetHeight; return performance.now() - t; }""")
        print(f"long page: selecting a paragraph deep in the page takes {ms:.0f} ms")
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
            report = out / "report.html"
            cli(["report", str(SAMPLE), "-o", str(report)])
            tab.goto(report.as_uri())
            tab.locator("#clean p.b.k-paragraph").nth(1).click()
            tab.evaluate("window.scrollTo(0, 0)")
            tab.mouse.move(0, 0)
            tab.screenshot(path=str(shots / "report-sample.png"))
            if DEV.is_dir():
                cli(["clean", *map(str, sorted(DEV.glob("*.txt"))), "-o", str(out / "dev"), "--quiet"])
                tab.goto((out / "dev" / "index.html").as_uri())
                tab.locator("#pages th button", has_text="confidence").click()
                tab.mouse.move(0, 0)
                tab.screenshot(path=str(shots / "index-dev.png"))
            print(f"screenshots in {shots}")
        ctx.close()


def run(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shots", type=Path, help="save the README screenshots in this folder")
    ap.add_argument("--no-browser", action="store_true", help="timings of the generator only")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        long_html = timings(out)
        if not args.no_browser:
            browse(long_html, args.shots, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
