"""Stage 7, assemble: turn labelled blocks in extraction order into articles in reading order.

Extraction reads a page in the order its text objects were drawn, not as a reader reads it:

* headlines usually come *after* their article's body (sometimes before it, sometimes in
  the middle of one of its paragraphs, which they cut in two);
* an article's text can be read out of column order: ``X Y [byline] title Z`` where X ends
  mid-sentence and Z, right under the title, continues it (``…全方位改造`` … ``升级。``);
* subheads sit either before or after the section they head, the same way throughout one
  article (an article whose body ends with a subhead puts them after);
* a run of short lines can hold the trailing headline of one article and the leading
  headline and subtitle of the next;
* pull quotes and captions sit anywhere near (or far from) their article.

This stage heals cut paragraphs, segments the page into articles at datelines, headlines
and column-width changes, gives each article one title (a headline attaches to the article
before it unless that one already has a title), puts subheads before their sections, and
attaches pull quotes (by the paragraph they repeat) and captions (by their neighbours and
shared words). Every move, heal, attachment and uncertain decision is a change record.
"""

from __future__ import annotations

from ...model import Page
from .assembler import STAGE, Assembler
from .confidence import EVIDENCE, article_evidence, confidence
from .draft import Draft
from .text import affinity, bigrams, count_words, page_gap


__all__ = ["STAGE", "run", "Assembler", "Draft", "EVIDENCE", "article_evidence", "confidence", "affinity",
           "bigrams", "count_words", "page_gap"]


def run(page: Page) -> Page:
    return Assembler(page).run()
