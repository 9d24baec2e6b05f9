"""Shared fixtures: where the repository, the sample page and the dev pages are.

The dev pages live outside the repository (``../shared/bench/dev``); tests that need them
are skipped when that directory is absent, so the suite also runs on a bare checkout.

A test that asks for the ``dev_page`` fixture runs once per dev page (``pytest_generate_tests``
below), with the page's file name as the test id.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = REPO_ROOT / "samples" / "kjrb-yuanqu-page.txt"
DEV_DIR = REPO_ROOT.parent / "shared" / "bench" / "dev"


def dev_pages() -> list[Path]:
    """The dev pages' raw text files, sorted (empty when the dev set is not here)."""
    return sorted(DEV_DIR.glob("*.txt")) if DEV_DIR.is_dir() else []


def page_texts(page) -> list[str]:
    """Every text the cleaned page shows a reader: headings, byline, body, quotes, captions, dropped."""
    out = []
    for a in page.articles:
        out += [b.text for b in (a.kicker, a.title, a.subtitle, a.byline) if b is not None]
        out += [b.text for b in a.body]
        out += [b.text for b in a.pullquotes]
        out += [b.text for b in a.captions]
    out += [b.text for b in page.dropped]
    return out


def check_figures(gold_dir: Path, floor: dict) -> None:
    """The cleaner's figures on a folder of gold pages reach ``floor`` (seg_f1, para_f1: at
    least; cer_max: at most; percent): what a committed set's test pages are held to."""
    from cleaner.rules import default_rules
    from cleaner.train import Evaluator, load_gold_dirs

    with Evaluator(load_gold_dirs([gold_dir]), 1) as ev:
        s = ev.summary(default_rules())
    assert s["seg_f1"] * 100 >= floor["seg_f1"]
    assert s["para_f1"] * 100 >= floor["para_f1"]
    assert s["cer"] * 100 <= floor["cer_max"]


def losing_text(root: Path) -> list[Path]:
    """The pages under ``root`` (``*/*/*.txt``) whose cleaned page fails the "nothing lost"
    check, relative to ``root``."""
    import cleaner
    from cleaner.conservation import check

    bad = []
    for path in sorted(root.glob("*/*/*.txt")):
        if check(cleaner.clean(path.read_text(encoding="utf-8"), name=path.name)):
            bad.append(path.relative_to(root))
    return bad


_ASCII_RUN = re.compile(r"[0-9A-Za-z.%]+")


def column_wrap(text: str, column: float = 18, indent: float = 2) -> list[str]:
    """Set ``text`` in a column as a typesetter would, then lose the first-line indent.

    Lines are filled up to ``column`` ems (the first one ``indent`` ems less), a run of digits
    or Latin letters is never split, and closing marks are pulled up onto the line before
    (kinsoku), which makes that line a little longer.

    >>> column_wrap("一二三四五六，七八九十。", column=5, indent=2)
    ['一二三', '四五六，七', '八九十。']
    """
    from cleaner.chars import CLOSERS, NO_LINE_START, width

    units, pos = [], 0
    for m in _ASCII_RUN.finditer(text):
        units += list(text[pos:m.start()])
        units.append(m.group())
        pos = m.end()
    units += list(text[pos:])
    lines, cur, limit = [], "", column - indent
    for u in units:
        if cur and width(cur + u) > limit and u[0] not in NO_LINE_START + CLOSERS:
            lines.append(cur)
            cur, limit = "", column
        cur += u
    lines.append(cur)
    return lines


def rules_with(rule_id: str, **params):
    """The shipped rules with ``params`` set on rule ``rule_id`` (its other parameters and every
    other rule as shipped): a cue switched on or off for a unit test."""
    import dataclasses

    from cleaner.rules import RuleSet, default_rules

    rules = default_rules()
    return RuleSet(tuple(dataclasses.replace(r, params={**r.params, **params}) if r.id == rule_id else r
                         for r in rules.rules), rules.options)


def cut_lines(text: str, column: int = 16) -> list[str]:
    """``text`` cut every ``column`` characters (a column of full lines, no indent)."""
    return [text[i:i + column] for i in range(0, len(text), column)]


def overprint(text: str) -> str:
    """A heading drawn bold by overprinting: extraction reads each character twice."""
    return "".join(c + c for c in text)


def heading_sequence(text: str, rules=None):
    """The assembler of ``text`` cleaned up to assemble, and the sequence of paragraphs and
    heading groups its decoder reads (columns measured): ``(assembler, seq)``."""
    from cleaner.model import Overlay, Page
    from cleaner.rules import default_rules
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler

    page = Page(name="t.txt", source=text, rules=rules or default_rules(), overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    a = Assembler(page)
    units = [b for b in page.blocks if b.kind in ("heading", "byline", "paragraph")]
    seq = a.groups(a.heal(a.join_split_headlines(units)))
    a.columns_of_runs(seq)
    return a, seq


def sub_costs(text: str, rules, heading: str) -> dict:
    """The cost of reading lone heading ``heading`` of ``text`` as a subhead
    (Readings.group_options), for an open article without and with a subhead read before it:
    ``{False: cost, True: cost}``."""
    a, seq = heading_sequence(text, rules)
    (t,) = [n for n, u in enumerate(seq) if isinstance(u, list) and u[0].text == heading]
    opts = a.group_options(seq[t], [u for u in seq[:t] if not isinstance(u, list)][-2:], seq[t + 1],
                           a.parallel(seq, t))
    return {has_sub: min(c for kind, _, c, _ in o if kind == "sub") for has_sub, o in opts.items()}


@pytest.fixture(scope="session")
def kit():
    """Helpers for the layout stages' unit tests: ``kit.rules_with(rule_id, **params)``,
    ``kit.cut_lines(text, column=16)``, ``kit.overprint(text)``, ``kit.heading_sequence(text,
    rules=None)``, ``kit.sub_costs(text, rules, heading)`` (see each function)."""
    from types import SimpleNamespace

    return SimpleNamespace(rules_with=rules_with, cut_lines=cut_lines, overprint=overprint,
                           heading_sequence=heading_sequence, sub_costs=sub_costs)


@pytest.fixture
def need_jieba():
    """Skip a test of a cue read off jieba's dictionary (A001's character model) where jieba is
    not installed."""
    import cleaner
    from cleaner.lexicon import default_char_model

    if default_char_model(cleaner.load_rules()["A001"].params["lm_prior"]) is None:
        pytest.skip("jieba is not installed")


@pytest.fixture(scope="session")
def wrap():
    """``wrap(text, column=18, indent=2)``: a paragraph hard-wrapped as a column sets it."""
    return column_wrap


def run_until(text: str, last: str, **options):
    """The page after the stages up to and including ``last`` (a stage's ``STAGE`` name)."""
    from cleaner.model import Overlay, Page
    from cleaner.rules import default_rules
    from cleaner.stages import PIPELINE

    names = [s.STAGE for s in PIPELINE]
    if last not in names:
        raise ValueError(f"no stage {last!r}; stages: {names}")
    rules = default_rules()
    if options:
        rules = rules.with_options(**options)
    page = Page(name="test.txt", source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE:
        page = stage.run(page)
        if stage.STAGE == last:
            return page
    raise AssertionError("unreachable")


def assembler_for(text: str, rules):
    """The assemble stage's worker on ``text`` read by the stages before it with ``rules``, and
    the page's headings and paragraphs: for tests that weigh drafts made by hand."""
    from cleaner.model import Overlay, Page
    from cleaner.stages import PIPELINE
    from cleaner.stages.assemble import Assembler

    page = Page(name="t.txt", source=text, rules=rules, overlay=Overlay(text))
    for stage in PIPELINE[:-1]:
        page = stage.run(page)
    return (Assembler(page), [b for b in page.blocks if b.kind == "heading"],
            [b for b in page.blocks if b.kind == "paragraph"])


@pytest.fixture(scope="session")
def assembled():
    """``assembled(text, rules)``: see :func:`assembler_for`."""
    return assembler_for


def label_quote_read_with_text_above(raw: str, quote: str) -> list[tuple[str, str]]:
    """(kind, text) of the blocks the label stage makes of ``raw`` when rejoin has read the
    paragraph's lines above a boxed quote and the quote as one block (the quote's block merged
    with the one before it): how a quote cut from a paragraph's end is met."""
    from cleaner.stages import block_kinds, label

    page = run_until(raw, "rejoin")
    blocks = list(page.blocks)
    k = next(n for n, b in enumerate(blocks) if b.text.startswith(quote[:5]))
    blocks[k - 1:k + 1] = [block_kinds._merge(page, blocks, k - 1, "")]
    return [(b.kind, b.text) for b in label.run(page.evolve(blocks=tuple(blocks))).blocks]


@pytest.fixture(scope="session")
def quote_read_with_text_above():
    """``quote_read_with_text_above(raw, quote)``: see :func:`label_quote_read_with_text_above`."""
    return label_quote_read_with_text_above


@pytest.fixture(scope="session")
def stages_until():
    """``stages_until(text, "label", **options)``: run the pipeline up to a stage, for unit tests."""
    return run_until


@pytest.fixture(scope="session")
def figures_hold():
    """``figures_hold(gold_dir, floor)``: a committed set's figures reach their floor."""
    return check_figures


@pytest.fixture(scope="session")
def pages_losing_text():
    """``pages_losing_text(root)``: the pages under ``root`` whose cleaning loses text."""
    return losing_text


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_page() -> Path:
    return SAMPLE_PAGE


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV_DIR.is_dir():
        pytest.skip(f"dev pages not found at {DEV_DIR}")
    return DEV_DIR


@pytest.fixture(scope="session")
def texts():
    """``texts(page)``: the list of every block and field text of a cleaned page."""
    return page_texts


def pytest_generate_tests(metafunc):
    if "dev_page" in metafunc.fixturenames:
        pages = dev_pages()
        if pages:
            metafunc.parametrize("dev_page", pages, ids=[p.stem for p in pages])
        else:
            metafunc.parametrize("dev_page", [pytest.param(None, marks=pytest.mark.skip(
                reason=f"dev pages not found at {DEV_DIR}"))], ids=["no-dev-pages"])
