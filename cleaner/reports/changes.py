"""Reports derived from the change log: JSON lines, the explain listing, the unified diff,
and per-rule counters. None of them trusts a stage's own account of its output: they read
``Page.changes`` and the source."""

from __future__ import annotations

import bisect
import difflib
import json
from collections import Counter

from ..model import Page
from .pagejson import article_text


class Positions:
    """Maps a source offset to a 1-based (line, column), as editors count them."""

    def __init__(self, source: str):
        self.starts = [0]
        i = 0
        n = len(source)
        while i < n:
            c = source[i]
            if c == "\r" and i + 1 < n and source[i + 1] == "\n":
                i += 1
                self.starts.append(i + 1)
            elif c in "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85":
                self.starts.append(i + 1)
            i += 1

    def __call__(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1


def changes_jsonl(page: Page) -> str:
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in page.changes)


def explain(page: Page, safe_only: bool = False, review_only: bool = False,
            rules: tuple[str, ...] = ()) -> list[str]:
    """``PAGE:LINE:COL: RULE message`` for every change, sorted by line and column (a stable
    sort: at one place, in the order the stages ran). ``rules``: rule id prefixes to keep."""
    pos = Positions(page.source)
    rows = []
    for c in page.changes:
        if (safe_only and c.safety != "safe") or (review_only and c.safety == "safe"):
            continue
        if rules and not c.rule.startswith(rules):
            continue
        line, col = pos(c.span[0])
        tag = "" if c.safety == "safe" else " [review]"
        rows.append(((line, col), f"{page.name}:{line}:{col}: {c.rule} {c.action}{tag}: {c.reason}"))
    rows.sort(key=lambda r: r[0])
    return [text for _, text in rows]


def summary(page: Page) -> Counter:
    """Counters that add up across pages and workers: changes per rule, articles, flags."""
    n = Counter(c.rule for c in page.changes)
    n["pages"] = 1
    n["articles"] = len(page.articles)
    n["dropped"] = len(page.dropped)
    n["flags"] = sum(1 for c in page.changes if c.action == "flag")
    return n


def cleaned_text(page: Page) -> str:
    """The page as a reader gets it: every article file, then the dropped blocks."""
    parts = [article_text(a) for a in page.articles]
    if page.dropped:
        parts.append("".join(f"〔{b.kind}〕{b.text}\n" for b in page.dropped))
    return "\n".join(parts)


def unified_diff(page: Page, context: int = 2) -> str:
    """A unified diff from the raw page (blank lines dropped) to the cleaned text.

    Each hunk header carries the ids of the rules whose changes touch its raw lines.
    """
    raw = [page.source[ln.start:ln.end] for ln in page.lines]
    raw_pos = [ln.start for ln in page.lines]
    new = [x for x in cleaned_text(page).split("\n") if x]
    rules_at: dict[int, set] = {}
    for c in page.changes:
        k = bisect.bisect_right(raw_pos, c.span[0]) - 1
        rules_at.setdefault(max(k, 0), set()).add(c.rule)
    out = [f"--- {page.name} (raw)\n", f"+++ {page.name} (cleaned)\n"]
    sm = difflib.SequenceMatcher(None, raw, new, autojunk=False)
    for group in sm.get_grouped_opcodes(context):
        i1, i2 = group[0][1], group[-1][2]
        j1, j2 = group[0][3], group[-1][4]
        rules = sorted(set().union(*(rules_at.get(k, set()) for k in range(i1, i2))))
        out.append(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@ {' '.join(rules)}\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                out.extend(f" {x}\n" for x in raw[a1:a2])
                continue
            out.extend(f"-{x}\n" for x in raw[a1:a2])
            out.extend(f"+{x}\n" for x in new[b1:b2])
    return "".join(out)
