"""The last step of the assemble stage's segmentation: a lone heading the decoder left with no
text under it (and that :meth:`Attaching.adopt_orphans` did not place) goes back into an
article where the page shows whose it is, rather than to ``dropped`` (rule A007's
``rescue_headings``).

A heading is text the page printed for an article: furniture and credits are labelled as such
by the label stage and never reach here. Where the decoder found no text for a heading to head,
it misread the headline block around it (a headline group cut into its article's first
paragraph, a last subhead set after a section whose tail was read into the next article), and
``dropped`` is where a reader of the articles would never find it. Two placements need no
reading of the words, only of where the heading stands among the articles' text:

- *enclosed*: the text right before the heading on the page and the text right after it belong
  to one article: the heading stands inside that article (a headline cut into its first
  paragraph, a subhead between two of its sections), and goes there, at its place, as a subhead;
- *closing*: no article text follows the heading on the page, and it is the only heading
  left after the text before it: it closes that text (a last subhead set after its
  section), and goes to that text's article, at its end. (Two headings or more there are a
  headline group: the headline of an article of its own set after its text, which the decoder
  read into the article before; as a subhead it would read as the article's text. A byline
  after the heading does not make one: an article's byline may be set at its text's end.)

A heading closing the text of an article that sets no subheads, where a paragraph of that text
after its lead echoes the heading more than the article's own title, is no subhead but the title
of that story, set after its text and read into the article before: the story splits off under
it (:meth:`Attaching.story_start`, A003 ``extra_title_echo``).

A heading elsewhere (between two articles, with text of each around it) stays in ``dropped``,
flagged for review by the decoder, as before: which article it heads is the decoder's call.
"""

from __future__ import annotations

from bisect import bisect_left

from ...model import replace
from .draft import Draft


def rescue_orphans(asm, drafts: list[Draft]) -> None:
    """Move the orphan headings the page shows the article of (module docstring) into that
    article's body as subheads; the rest stay orphans. Recorded per heading (A007 ``attach``)."""
    rule = asm.rules["A007"]
    if not asm.orphans or not rule.params["rescue_headings"]:
        return
    # every paragraph of an article, by its first line: the article it belongs to
    owner: dict[int, int] = {}
    for n, d in enumerate(drafts):
        for b in d.body:
            if b.kind == "paragraph":
                owner[b.first] = n
    if not owner:
        return
    starts = sorted(owner)
    keep = []
    taken: set[int] = set()  # (bylines given to a story split off under its heading)
    for h in asm.orphans:
        if h.kind != "heading":
            keep.append(h)
            continue
        at = bisect_left(starts, h.first)
        before = owner[starts[at - 1]] if at > 0 else None
        after = owner[starts[at]] if at < len(starts) else None
        if before is None or (after is not None and after != before):
            keep.append(h)
            continue
        # (a headline group after the text, two headings or more: the title of an article of its
        # own; a heading and a byline there are a last subhead and a byline set at the text's end)
        if after is None and sum(o.kind == "heading" and o.first > starts[at - 1] for o in asm.orphans) > 1:
            keep.append(h)
            continue
        d = drafts[before]
        if after is None and not any(b.kind == "subhead" for b in d.body):
            # a heading closing the page's text of an article with no subheads (so with no last
            # one to set after its section), whose story a later paragraph of that text echoes:
            # the title of that story, read into the article before (attach.py story_start);
            # the story splits off under it
            at, echo = asm.story_start(d, h, len(d.body))
            if at is not None:
                byline = next((o for o in asm.orphans if o.kind == "byline" and o.first == h.last + 1), None)
                if byline is None and d.byline is not None and d.byline.first == h.last + 1:
                    byline = d.byline
                if byline is not None and byline is not d.byline:
                    taken.add(id(byline))
                asm.split_story(drafts, d, h, at, len(d.body), byline,
                                f"it echoes '{h.text}', a heading with no text of its own closing the "
                                f"page's text, ({echo:.0%} of word pairs) more than its article's title")
                continue
        where = "inside" if after is not None else "closing"
        # at its place on the page among the article's blocks (the body is in reading order:
        # the first block set after the heading on the page is where it goes in)
        pos = next((k for k, b in enumerate(d.body) if b.first > h.first), len(d.body))
        d.body.insert(pos, replace(h, kind="subhead"))
        d.flags.append("heading rescued from dropped")
        asm.record("A007", "attach", h,
                   f"subhead: a heading with no text of its own, set {where} the text of one article "
                   f"(after its block at line {asm.page.line_no(d.body[pos - 1].first)}), is kept in that "
                   "article, not dropped",
                   safety="review")
    asm.orphans = [o for o in keep if id(o) not in taken]
