"""Stage 6, spacing: remove the blanks extraction put into Chinese text, keep the real ones.

PDF text layers insert a blank wherever two glyph runs were placed apart: between Han and
digits (``2022 年``, ``10948.72 万元``), inside letter-spaced numbers (``1 5 . 2 %``), before
a bracket (``科技日报讯 （记者俞慧友）``). A clean Chinese body has none of them. Headings,
bylines and captions are different: there a blank separates phrases (``优化配置 加强服务保障``)
or names (``本报记者 郑一鸣 通讯员 许丹``) and stays, only runs of blanks shrink to one.
Blanks between Latin words stay everywhere.

This stage runs after labelling because the kind of a block decides.
"""

from __future__ import annotations

import re

from ..chars import CJK_CHAR
from ..model import Deferred, Page
from ..rules import Rule
from ._common import apply_line_edits, line_replacements

STAGE = "spacing"


_BLANKS = re.compile("[ \\t\\u00a0\\u3000]+")
_CJK_ONE = re.compile(CJK_CHAR)
_SPACED_DIGITS = re.compile(r"(?<![0-9A-Za-z.])\d(?: [\d.,%](?![0-9A-Za-z]{2})){2,}")
_BLANK_RUN = re.compile(r"[ \t\u00a0\u3000]{2,}|[\t\u00a0\u3000]")


def body_blanks(text: str):
    """Blanks next to a CJK character: ``2022 年`` → ``2022年``.

    Runs of blanks are found first and their neighbours looked at after: linear, however
    long a run of blanks a hostile line holds.
    """
    out = []
    for m in _BLANKS.finditer(text):
        i, j = m.start(), m.end()
        if (i and _CJK_ONE.match(text, i - 1)) or (j < len(text) and _CJK_ONE.match(text, j)):
            out.append((i, j, "", "blank next to Chinese text"))
    return out


def spaced_digits(text: str):
    """Letter-spaced numbers: ``1 5 . 2 %`` → ``15.2%``."""
    out = []
    for m in _SPACED_DIGITS.finditer(text):
        number = m.group()
        why = f"letter-spaced number '{number if len(number) <= 24 else number[:24] + '…'}'"
        start = m.start()
        out += [(start + i, start + i + 1, "", why) for i, c in enumerate(number) if c == " "]
    return out


def blank_runs(text: str):
    """Runs of blanks (and odd blanks) in headings and bylines become one space."""
    return [(m.start(), m.end(), " ", "run of blanks") for m in _BLANK_RUN.finditer(text) if m.group() != " "]


def _reason(page: Page, rule: Rule, k: int, kind: str, why: str) -> str:
    return rule.describe(line=page.line_no(k), kind=kind, why=why)


REGISTRY = {"body_blanks": body_blanks, "spaced_digits": spaced_digits, "blank_runs": blank_runs}


def run(page: Page) -> Page:
    rules = [r for r in page.rules.for_stage(STAGE) if r.enabled]
    edits, changes = [], []
    touched = set()
    for b in page.blocks:
        for k in b.lines:
            text = page.lines[k].text
            if " " not in text and "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
                continue
            taken: set[int] = set()
            per_rule: list[tuple[Rule, list]] = []
            for r in rules:
                if b.kind not in r.params["kinds"]:
                    continue
                found = [x for x in REGISTRY[r.check](text) if not taken.intersection(range(x[0], x[1]))]
                for x in found:
                    taken.update(range(x[0], x[1]))
                if found:
                    per_rule.append((r, found))
            for r, found in per_rule:
                e, c = line_replacements(page, STAGE, r, k, [
                    (i, j, new, Deferred(_reason, page, r, k, b.kind, why)) for i, j, new, why in found])
                edits += e
                changes += c
                touched.add(k)
    if not edits:
        return page
    page, blocks = apply_line_edits(page, edits, touched, page.blocks)
    return page.evolve(blocks=tuple(blocks), changes=page.changes + tuple(changes))
