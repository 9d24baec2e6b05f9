"""Self-contained HTML reports (stub, to be completed)."""

from __future__ import annotations

import html

from ..model import Page


def page_report(page: Page) -> str:
    return f"<!doctype html><meta charset=utf-8><title>{html.escape(page.name)}</title>"


def index_report(rows: list[dict]) -> str:
    return "<!doctype html><meta charset=utf-8><title>cleaner</title>"
