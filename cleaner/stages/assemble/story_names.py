"""Story names: whether the text goes on across a heading group, by the names (runs of three
Han characters: 石岭市, 进博会, 东江港) the paragraphs either side of it both name.

A subhead heads a later section of one story: its text names the places, people and bodies
that the text before it named (石岭, 煤矿 again, section after section). A title starts another
story, whose names the text before it shares by chance only (a 进博会 report under the 知识产权
one it follows). Word pairs tell this too (A002's continuity and cohesion, A003's
subhead_topic), but two stories share common pairs (发展, 企业, 今年) far more often than
names: on the lone headings between paragraphs of the train and hunt pages, the count of shared
names added to the cues the decoder weighed cut a logistic model's errors by a fifth. The
decoder adds the cue to what reading a group as an article boundary costs (A003 story_names):
the text going on argues for every reading that keeps the article open (a subhead, a headline
set inside its own text), not for one of them.
"""

from __future__ import annotations

import math

from .reunite import text_names


def shared_names(texts_before, texts_after) -> int:
    """How many names the texts before a heading and the texts after it both name; 0 where the
    first text after it names none of them. (A section's first paragraph goes on with its
    story; an article's tail read after the next article's lead, 李强出席… / its lead / the tail,
    names the text before it only from its second paragraph on: the tails of A001 take it back,
    the heading is no subhead.)"""
    before = set().union(*map(text_names, texts_before))
    if not before or not texts_after or before.isdisjoint(text_names(texts_after[0])):
        return 0
    after = set().union(*map(text_names, texts_after))
    return len(before & after)


def story_names_cue(shared: int, even: float) -> float:
    """The cue's value for ``shared`` names: by how much its logarithm (the first few names a
    section shares with its article tell most; a long article shares more by chance) passes
    that of ``even`` (A003 ``story_names_even``), the most two stories share by chance; 0 at
    or below it. Few names argue nothing: a section may turn to new people and places, and a
    title of the same day's news may share a name or two with the text before it."""
    return max(0.0, math.log1p(shared) - math.log1p(even))
