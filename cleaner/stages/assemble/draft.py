"""An article being put together by the assemble stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Block


@dataclass
class Draft:
    """An article being put together."""

    body: list = field(default_factory=list)       # paragraph and subhead blocks
    title: Block | None = None
    subtitle: Block | None = None
    kicker: Block | None = None
    byline: Block | None = None
    title_before: bool = False
    flags: list = field(default_factory=list)
    width: float = 0.0
    margin: float = float("inf")  # the decoder's closest call among the decisions that made it

    @property
    def paragraphs(self):
        return [b for b in self.body if b.kind == "paragraph"]
