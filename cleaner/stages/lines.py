"""Stage 2, lines: split the page into printed lines and measure each one in ems.

Extractors end lines with ``\\n``, ``\\r\\n`` or ``\\r`` (and now and then U+2028/U+2029),
and many put a blank line after every printed line. A line here is the span of its text
without the surrounding blanks; the number of blank lines before it is kept as a layout cue
(blocks pasted in from another text layer often come without them).
"""

from __future__ import annotations

import re

from ..chars import width
from ..model import Line, Page

STAGE = "lines"
CHECKS: dict = {}

_LINE_RE = re.compile(r"([^\r\n\u2028\u2029]*)(\r\n|[\r\n\u2028\u2029]|$)")
_CONTENT_RE = re.compile(r"\S(?:.*\S)?")


def run(page: Page) -> Page:
    lines = []
    gap = 0
    src = page.source
    overlay = page.overlay
    for m in _LINE_RE.finditer(src):
        if m.start() == m.end():  # the empty match at the very end
            break
        c = _CONTENT_RE.search(src, m.start(1), m.end(1))
        if c is None:
            gap += 1
            continue
        text = overlay.render(c.start(), c.end())
        stripped = text.strip()
        if not stripped:  # only invisible characters that normalise deleted
            gap += 1
            continue
        if stripped != text:  # trim blanks the edits exposed at either end
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            s, e = c.start(), c.end()
            while lead and s < e and overlay.render(s, s + 1).strip() == "":
                s += 1
                lead -= 1
            while trail and e > s and overlay.render(e - 1, e).strip() == "":
                e -= 1
                trail -= 1
            text = overlay.render(s, e)
        else:
            s, e = c.start(), c.end()
        lines.append(Line(len(lines), s, e, text, width(text), gap))
        gap = 0
    return page.evolve(lines=tuple(lines))
