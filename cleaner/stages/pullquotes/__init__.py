"""Pull quotes (引语): a sentence of an article, copied or edited, set apart in a narrow
column, at the page top or before its article, or cut into its own text; part of the label stage.

Extraction reads a quote wherever its frame stands: as a block of its own, stacked with other
quotes or with headline lines, run onto the paragraph before it, or between two lines of the
paragraph it cuts. A block is a pull quote when it repeats a sentence of the body (found
through an n-gram index of the page's paragraphs, then weighed: a near copy, or an edit that
keeps the sentence's words and numbers) and is set apart from the text around it (narrower,
or on a PDF page in a frame or a type of its own). Each split, join and label is a recorded
change of rule L007.

The modules, in the order a page goes through them:

* :mod:`.measure`: a block's narrowness, the page's column, bounds on a quote, tests on its ending;
* :mod:`.source`: a quote's source paragraph (word for word or edited), read on across breaks;
* :mod:`.apart`: how a quote is set apart on a PDF page (frame, type, spacing);
* :mod:`.stack`: quotes stacked with each other or with headline lines, split apart;
* :mod:`.cut_in`: quotes run onto or cut into their paragraph, split out;
* :mod:`.join`: quotes broken in pieces, joined;
* :mod:`.mend`: quotes mended once labelled;
* :mod:`.find`: the entry points, which call the others.

The names other modules and the tests use are re-exported here.
"""

from __future__ import annotations

from .apart import _apart_as_framed, _one_frame, _set_apart, _set_further, _under_larger_headline
from .cut_in import _quote_inside, split_quotes_run_on
from .find import MAX_KEYLESS, find_pullquotes, pullquotes_by_window
from .join import join_broken_quotes, join_split_quotes
from .._common import median_without
from .measure import MAX_HEAD_LINES, QUOTE_MAX, narrowness, said, typical_narrowness
from .mend import mend_quote_pieces, quote_heads_back
from .source import _edited_from, _may_quote_across, _near_text, _read_on, quote_source
from .stack import restack_quotes, split_lead_off_quotes, split_stacked_quotes

__all__ = ["find_pullquotes", "pullquotes_by_window", "quote_source", "said", "narrowness", "typical_narrowness",
           "median_without", "split_stacked_quotes", "restack_quotes", "split_lead_off_quotes", "split_quotes_run_on",
           "join_split_quotes", "join_broken_quotes", "mend_quote_pieces", "quote_heads_back", "QUOTE_MAX",
           "MAX_HEAD_LINES", "MAX_KEYLESS",
           # (private helpers the tests call directly)
           "_apart_as_framed", "_one_frame", "_set_apart", "_set_further", "_under_larger_headline", "_quote_inside",
           "_edited_from", "_may_quote_across", "_near_text", "_read_on"]
