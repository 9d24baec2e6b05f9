"""No tuned number hides in the stages' or the PDF reader's code: weights, thresholds and cut-offs live in
``rules/*.toml``, where `cleaner train` fits them and a user can read and change them.

A number literal in ``cleaner/stages/`` (its packages included) or ``cleaner/pdf/`` other than 0, 1, -1 and 2 must be listed below
with what it is: a bound on a search or a cache, a code point, a cut of a message, a
sentinel, arithmetic, or a piece of structure (a block of 3 lines has a middle line). The
``TO_MOVE`` entries are tuned numbers still in code: they may only go (into the rule files),
never come. A new literal fails this test until it is moved to a rule file or listed.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

STAGES = Path(__file__).resolve().parents[1] / "cleaner" / "stages"
#: the PDF reader, scanned as well (its files listed as pdf/NAME.py)
READER = Path(__file__).resolve().parents[1] / "cleaner" / "pdf"

#: (file, value): (count, what it is)
ALLOWED = {
    ("assemble/assembler.py", 9): (2, "sentinel: 10**9, after every line"),
    ("captions.py", 30): (1, "message: text cut for a reason"),
    ("assemble/assembler.py", 10): (3, "message: text cut for a reason; 10**9"),
    ("assemble/assembler.py", 16): (1, "message: text cut for a reason"),
    ("assemble/assembler.py", 20): (1, "message: text cut for a reason"),
    ("assemble/confidence.py", 3): (1, "structure: an article of up to two paragraphs is short"),
    ("assemble/confidence.py", 30.0): (2, "arithmetic: clamp before exp() (no overflow)"),
    ("assemble/decode.py", 3): (1, "structure: paragraphs counted up to 3 (the short_article table's length)"),
    ("assemble/decode.py", 4): (1, "structure: the short_article table for 0-3 paragraphs"),
    ("assemble/heal.py", 3): (3, "structure: a split word with context on one side (3 characters)"),
    ("assemble/heal.py", 4): (2, "structure: a split word with context on both sides (4 characters)"),
    ("assemble/heal.py", 8): (6, "message: text cut for a reason"),
    ("assemble/mend_open.py", 8): (2, "message: text cut for a reason"),
    ("assemble/unsplice.py", 8): (2, "message: text cut for a reason"),
    ("assemble/heal.py", 10): (1, "message: text cut for a reason"),
    ("assemble/heal.py", 9.0): (1, "sentinel: a reading that is impossible"),
    ("assemble/headline_pair.py", 0.5): (1, "structure: the likelier of two readings (a probability above one half)"),
    ("assemble/reunite.py", 4): (1, "structure: the bytes a code point takes in UTF-32"),
    ("assemble/reunite.py", 3): (2, "structure: a name is a run of three Han characters or more; a page of a pair and one other draft"),
    ("assemble/reunite.py", 16): (1, "message: text cut for a reason"),
    ("assemble/readings.py", 4): (1, "structure: a label's colon within 4 characters"),
    ("assemble/readings.py", 8): (3, "search bound: items looked back over (a headline part is a handful)"),
    ("assemble/readings.py", 9.0): (4, "sentinel: a reading that is impossible"),
    ("assemble/text.py", 256): (1, "search bound: words counted by str.count before one pass"),
    ("assemble/text.py", 4096): (1, "cache size"),
    ("_common.py", 3): (3, "structure: (start, end, text) items"),
    ("dedouble.py", 4): (1, "structure: a doubled line has two copies of at least two characters"),
    ("dedouble.py", 61): (1, "code point: '='"),
    ("interleave.py", 3): (4, "structure: a split word looked for in 3 characters either side of the join"),
    ("interleave.py", 4): (2, "structure: word lengths 2-4 (jieba's words kept; a word across the join)"),
    ("interleave.py", 6): (1, "message: text cut for a reason (the steps listed)"),
    ("ocr.py", 4): (1, "cache size: look-alike tables (one per set of pairs)"),
    ("ocr.py", 64): (1, "cache size: compiled patterns"),
    ("ocr.py", 256): (1, "cache size: look-alike proposals of pages (a fit cleans the same pages again and again)"),
    ("ocr.py", 50_000): (1, "cache bound: the longest page whose proposals are kept"),
    ("ocr.py", 1000.0): (1, "arithmetic: signs per 1,000 characters"),
    ("block_kinds.py", 0.6): (1, "marker: a block a 'review' rule labelled shows as less sure in the HTML report (no decision reads it)"),
    ("block_kinds.py", 30): (2, "message: text cut for a reason"),
    ("copies.py", 1e-06): (1, "arithmetic: float tolerance"),
    ("copies.py", 3): (2, "search bound: a window three quotes long"),
    ("copies.py", 4): (1, "index sampling: ANCHOR_EVERY"),
    ("copies.py", 8): (3, "search bound: MAX_SHARED; cache size; window steps"),
    ("copies.py", 32): (1, "code point: the first anchor"),
    ("copies.py", 50): (1, "search bound: window slack"),
    ("copies.py", 200): (1, "arithmetic: 2 x percent"),
    ("copies.py", 256): (1, "cache size"),
    ("copies.py", 400): (1, "search bound: FUZZY_MAX"),
    ("copies.py", 55296): (1, "code point: surrogates start"),
    ("copies.py", 57344): (1, "code point: surrogates end"),
    ("copies.py", 65536): (1, "code point: the BMP's end"),
    ("pullquotes/cut_in.py", 3): (1, "structure: a quote line and two lines of text"),
    ("pullquotes/find.py", 3): (1, "structure: a quote line and two lines of text"),
    ("pullquotes/stack.py", 3): (1, "structure: a quote line and two lines of text"),
    ("pullquotes/measure.py", 4): (1, "structure: MAX_HEAD_LINES"),
    ("pullquotes/find.py", 16): (1, "search bound: MAX_KEYLESS"),
    ("pullquotes/measure.py", 80): (1, "search bound: QUOTE_MAX, a text short enough (a sentence or two) to be compared with its neighbours"),
    ("pullquotes/find.py", 100): (8, "arithmetic: percent"),
    ("pullquotes/join.py", 100): (2, "arithmetic: percent"),
    ("pullquotes/source.py", 100): (3, "arithmetic: percent"),
    ("pullquotes/stack.py", 100): (1, "arithmetic: percent"),
    ("lines.py", 3): (4, "structure: word lengths 2-4; a Chinese name: a surname of one or two characters, one or two more"),
    ("lines.py", 4): (4, "structure: word lengths 2-4; a Chinese name: a surname of one or two characters, one or two more"),
    ("lines.py", 120): (2, "search bound: a line short enough to hold a byline"),
    ("normalise.py", 8): (1, "cache size"),
    ("normalise.py", 65248): (1, "code point: full-width offset"),
    ("normalise.py", 65296): (1, "code point: full-width 0"),
    ("normalise.py", 65306): (1, "code point: full-width 9 + 1"),
    ("normalise.py", 65313): (1, "code point: full-width A"),
    ("normalise.py", 65339): (1, "code point: full-width Z + 1"),
    ("normalise.py", 65345): (1, "code point: full-width a"),
    ("normalise.py", 65371): (1, "code point: full-width z + 1"),
    ("rejoin.py", 3): (6, "structure: a block of 3 lines has a middle line"),
    ("rejoin.py", 5.0): (2, "sentinel: a line that always stands alone; structure: the three lines after the next one"),
    ("rejoin.py", 6): (1, "message: text cut for a reason"),
    ("rejoin.py", 80): (1, "search bound: lines looked ahead for a sentence end"),
    ("rejoin.py", 400): (1, "search bound: widest line measured"),
    ("spacing.py", 24): (2, "message: text cut for a reason"),
}

ALLOWED.update({
    ("pdf/__init__.py", 20): (1, "sentinel: MIN_TEXT, characters below which a page has no text layer"),
    ("pdf/__init__.py", 32): (1, "resource bound: REOPEN, pages before the document is reopened (PDFium's font cache)"),
    ("pdf/__init__.py", 1024): (1, "search bound: the bytes where a PDF's header is looked for"),
    ("pdf/glyphs.py", 0.001): (1, "arithmetic: float noise between baselines"),
    ("pdf/glyphs.py", 0.5): (2, "arithmetic: a square root (the matrix's scale)"),
    ("pdf/glyphs.py", 3): (1, "code: PDFium's object type"),
    ("pdf/glyphs.py", 4): (1, "structure: four coordinates of a box"),
    ("pdf/glyphs.py", 6): (1, "code: PDFium's fill-and-stroke render mode"),
    ("pdf/glyphs.py", 10): (1, "structure: a frame is no hairline (points)"),
    ("pdf/glyphs.py", 18): (1, "code: the font flag ForceBold's bit"),
    ("pdf/glyphs.py", 20): (1, "structure: a frame is no rule (points)"),
    ("pdf/glyphs.py", 64): (1, "search bound: text objects looked back over for a copy"),
    ("pdf/glyphs.py", 128): (2, "buffer size: a font's name"),
    ("pdf/glyphs.py", 512): (1, "buffer size: a text object's text"),
    ("pdf/glyphs.py", 65534): (1, "code point: a noncharacter"),
    ("pdf/glyphs.py", 65535): (1, "code point: a noncharacter"),
    ("pdf/layout.py", 3): (40, "structure: a box's top (index 3); a vertical line has three characters or more"),
    ("pdf/layout.py", 10.0): (1, "sentinel: the body size of a page with no text"),
    ("pdf/layout.py", 1e9): (2, "sentinel: no body size given"),
    ("pdf/render.py", 0.75): (1, "rendering scale of the report's page image"),
    ("pdf/render.py", 6): (1, "compression level of the report's PNG"),
    ("pdf/render.py", 8): (1, "structure: a PNG's bit depth"),
    ("pdf/render.py", 0xFFFFFFFF): (1, "arithmetic: a CRC's 32 bits"),
})

#: Tuned numbers still in code, to move into the rule files (and fit): they may only go.
TO_MOVE: dict = {
    ("pdf/layout.py", 0.5): (15, "midpoints (5, arithmetic) and half a point of slack (2), and half a size or a width "
                                 "as a threshold (8): a piece's pitch, an overlap, a picture's reach"),
    ("pdf/layout.py", 4): (2, "a piece of fewer than four characters is not cut at lanes"),
}


def literals() -> Counter:
    found = Counter()
    for root, prefix in ((STAGES, ""), (READER, "pdf/")):
        for path in sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value not in (0, 1, -1, 2):
                    found[(prefix + path.relative_to(root).as_posix(), node.value)] += 1
    return found


def test_every_number_in_the_stages_is_accounted_for():
    known = {**ALLOWED, **TO_MOVE}
    found = literals()
    new = {k: n for k, n in found.items() if n > known.get(k, (0, ""))[0]}
    assert not new, (f"numbers in cleaner/stages that no rule file holds: {new}; move them to rules/*.toml "
                     "(a parameter of the rule, documented) or, if they are no tuned number, list them in ALLOWED")


def test_the_list_of_tuned_numbers_in_code_only_shrinks():
    found = literals()
    stale = {k: v for k, v in {**ALLOWED, **TO_MOVE}.items() if found.get(k, 0) < v[0]}
    assert not stale, f"listed numbers no longer in the code (shrink the list): {stale}"
