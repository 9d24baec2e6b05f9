"""A lone heading's echo of its article's lead, as the subhead reading pays for it: only as
far as the text right above the heading says it too.

Why: the decoder charges a subhead for repeating the open article's lead (A003 subhead_echo,
lead_repeat_penalty), because a heading that repeats the lead is more often that article's
title set after its text. The synthesised training pages' subheads hardly ever repeat the lead
(mean share 0.05), so the lead's echo alone told a subhead from a closing title well there
(AUC 0.92). Real stories' subheads name the story's subject as the lead does (共抓大保护 under a
lead on 长江大保护; on the xwlb check pages mean 0.34, AUC 0.69). What a closing title does and
a subhead does not is sum up the text right above it: the paragraph before a closing title
shares its word pairs (89% of training closing titles, 97% of xwlb's), the paragraph before a
subhead ends another section (17% / 14%). The lead's echo the heading does not share with that
paragraph is weaker evidence of a title: min(lead echo, echo of the text above) tells subhead
from closing title with AUC 0.87 on training pages and 0.97 on xwlb pages
(benchmarks/fit_story_echo.py); A003 subhead_echo_above blends the two.
"""

from __future__ import annotations


def echo_above(gate: float, item_is_lone: bool, seq: list, t: int, echo) -> float | None:
    """The echo of heading group ``seq[t]``'s heading with the paragraph right above it, worked
    out once per group (the same in every decoder state); None where it is not weighed: A003
    ``subhead_echo_above`` is 0, the group is not one heading, or no paragraph is right above."""
    if not gate or not item_is_lone or t == 0 or type(seq[t - 1]) is list:
        return None
    return echo(seq[t][0], t - 1)


def subhead_lead_echo(lead_echo: float, above: float | None, gate: float) -> float:
    """The lead echo the subhead reading pays for: the part of ``lead_echo`` above the echo of
    the text right above the heading (``above``) is taken off, ``gate`` (A003
    ``subhead_echo_above``, 0 to 1) of it."""
    if above is None or lead_echo <= above:
        return lead_echo
    return lead_echo - gate * (lead_echo - above)
