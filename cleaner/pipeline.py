"""One call from raw page text to a cleaned :class:`~cleaner.model.Page`."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from .model import REVIEW, Change, Layout, Overlay, Page
from .rules import PATTERN_TIMEOUT, RuleSet, default_rules, timeouts
from .stages import PIPELINE


#: run-time options and the values each takes
OPTIONS = {"convert": ("auto", "t2s", "none"),
           "extractor": ("auto", "pdfminer", "pdftotext", "layout", "pymupdf", "ocr", "plain")}


def check_options(options: dict) -> None:
    """Refuse an option ``clean`` does not know, or a value it does not take: an option that
    is silently ignored is a setting the caller believes in and does not have."""
    for key, value in options.items():
        if key not in OPTIONS:
            raise TypeError(f"clean() got an unknown option {key!r} (options: {', '.join(OPTIONS)})")
        if value not in OPTIONS[key]:
            raise ValueError(f"clean(): {key}={value!r}: choose one of {', '.join(map(repr, OPTIONS[key]))}")


def clean(text: str, name: str = "page.txt", rules: RuleSet | None = None, *, geometry=None, copies=(),
          page_size=None, **options) -> Page:
    """Clean one page of extracted text.

    ``options`` are run-time settings layered over the rule set: ``convert="auto"|"t2s"|
    "none"`` (Traditional to Simplified); an unknown option or value is an error.
    ``geometry`` (one entry per line of ``text``) and ``copies`` come from the PDF reader
    (:func:`cleaner.pdf.clean_pdf`): what the page's type and places say of each line.

    >>> page = clean("科技日报讯（记者华凌）近日，北京启动建设。\\n\\n北京启动高品质科技园区建设\\n")
    >>> page.articles[0].title.text
    '北京启动高品质科技园区建设'
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes the page text as str, not {type(text).__name__}")
    rules = rules or default_rules()
    if options:
        check_options(options)
        rules = rules.with_options(**options)
    with reference_counting_only(), timeouts() as spent:
        page = Page(name=name, source=text, rules=rules, overlay=Overlay(text))
        if geometry is not None:
            if len(geometry) != text.count("\n") + (not text.endswith("\n")) - (not text):
                raise ValueError(f"clean(): geometry has {len(geometry)} entries for a text of "
                                 f"{text.count(chr(10)) + 1} lines")
            page = page.evolve(layout=Layout(geometry=tuple(geometry), copies=tuple(copies),
                                             page_size=tuple(page_size) if page_size else None))
        for stage in PIPELINE:
            page = stage.run(page)
    if spent:
        page = page.evolve(changes=page.changes + tuple(_timeout_flags(rules, spent)))
    return page


def _timeout_flags(rules: RuleSet, spent: dict) -> list[Change]:
    """One 'review' flag per pattern that ran out of time on the page, naming its rule: the
    pattern was read as matching nothing on the lines it could not finish (and on the rest
    of the page), so a person should look."""
    out = []
    for sources, length in spent.items():
        # a search of several patterns at once (a stage may look for another rule's patterns
        # with its own) is named after the rule of the first
        owner = next((r for r in rules.rules for v in r.params.values()
                      if sources[0] in (v if isinstance(v, list) else [v])), None)
        rid, stage = (owner.id, owner.stage) if owner else ("pattern", "pipeline")
        out.append(Change(rid, stage, "flag", (0, 0), "", "",
                          f"pattern {sources[0][:60]!r} ran out of time ({PATTERN_TIMEOUT} s) on a "
                          f"{length:,}-character text: read as no match there and not searched again on this page",
                          REVIEW))
    return out


@contextmanager
def reference_counting_only():
    """Pause Python's cyclic garbage collector while a page is cleaned.

    A page allocates tens of thousands of tuples, lists and dicts and builds no reference
    cycles (a test holds it to that), so reference counting frees all of it; the cyclic
    collector only rescans live objects: little on a page like the sample, ~10% of the time
    on a page 100 times as long. A collector the caller had paused stays paused.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
