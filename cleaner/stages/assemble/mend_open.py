"""Mend what assembly left cut: two paragraphs one after the other in an article's body, the
first stopping mid-sentence (A001 ``mend_adjacent``).

Healing (:mod:`.heal`) joins a cut paragraph with its continuation where the headline group
that interrupted it stands between them. What the later steps bring together — a tail
reclaimed behind its article's last paragraph, a section moved back, a pull quote or caption
taken out from between two lines of one paragraph — can leave the two halves of a paragraph
adjacent, and nothing joins them: the article then holds a paragraph that stops mid-word
(…我明 / 白，跑步不只是比速度…). A paragraph of news stops at the end of a sentence (or at a
colon before what it introduces; a gold page of the synthesised splits holds no paragraph
that does not, with another after it in the same article), so the paragraph after such a one
in the same article is its rest: the two are joined, one recorded change each. A
continuation opening with a dateline is no rest (the start of another report), and a paragraph
closed by a bracket (a reader's signature, （完）) stops where it should.

Cleaning a clean page must give it back unchanged, and a second cleaning joins such a pair,
set one per line, as healing: mending it here the first time keeps the two passes the same.
"""

from __future__ import annotations

from ...model import replace
from .._common import rebuild
from .text import _LATIN_END, _LATIN_START


#: a paragraph closed by a bracket is whole: a reader's signature, an author's or a
#: correspondent's name (…通道。（清河市读者 宋明）), （完）
_BRACKET_CLOSERS = "）)】〕"


def mend_open_paragraphs(asm, drafts: list) -> None:
    """Join, in every draft's body, each paragraph stopping mid-sentence with the paragraph
    right after it (``asm``: the assembler, its rules, page and record)."""
    rule = asm.rules["A001"]
    if not rule.enabled or not rule.params["mend_adjacent"]:
        return
    for d in drafts:
        body: list = []
        for b in d.body:
            x = body[-1] if body else None
            if x is not None and b.kind == "paragraph" and asm.is_open(x) and x.text[-1:] not in _BRACKET_CLOSERS \
                    and not asm.has_dateline(b):
                joiner = " " if _LATIN_END.search(x.text) and _LATIN_START.match(b.text) else ""
                body[-1] = rebuild(asm.page, replace(x, lines=x.lines + b.lines, joiners=x.joiners + (joiner,) + b.joiners))
                asm.record("A001", "heal", b, f"paragraph at line {asm.page.line_no(x.first)} stops mid-sentence "
                           f"('…{x.text[-8:]}') and the paragraph after it in its article goes on with it "
                           f"('{b.text[:8]}…')", before="\n", after=joiner)
            else:
                body.append(b)
        d.body = body
