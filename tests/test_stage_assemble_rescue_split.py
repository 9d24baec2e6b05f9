"""Stage assemble, A007's rescue_headings with A003's extra_title_echo
(cleaner/stages/assemble/rescue.py): a lone heading closing the page's text, of an article with
no subheads, that a later paragraph of that text echoes is the title of that story, read into
the article before (headline after its text): the story splits off under it. Where the article
sets subheads, it is still its last subhead, set after its section (hand-made pages)."""

from __future__ import annotations

from cleaner.model import replace
from cleaner.stages.assemble import Assembler, Draft
from cleaner.stages.assemble.rescue import rescue_orphans

TITLE = "交响乐团走进田间地头"
A1 = "金秋时节，省交响乐团的演奏家们走进田间地头，为乡亲们送上一场别开生面的音乐会。"
A2 = "乐团负责人说，把交响乐送到乡亲们身边，是乐团每年都要做的事，今年已演出二十场。"
B1 = "今年以来，高铁串起跨省游，周末乘高铁跨省游成为不少市民的新选择，高铁站客流持续增长。"
B2 = "铁路部门介绍，国庆假期跨省游客中乘高铁出行的占六成，沿线景区接待游客同比增长三成。"
HEAD = "高铁“串”起跨省游"


def drafted(stages_until, wrap, *parts: str):
    """The assembler of a page: TITLE, then each part (a paragraph, wrapped, or a short heading
    line), then HEAD; one draft under TITLE holds every part (headings as subheads), and HEAD
    is left to dropped."""
    lines = [TITLE]
    for p in parts:
        lines += wrap(p) if len(p) > 12 else [p]
    lines.append(HEAD)
    asm = Assembler(stages_until("\n".join(lines) + "\n", "spacing"))
    blocks = list(asm.page.blocks)
    d = Draft(title=blocks[0])
    for b in blocks[1:-1]:
        d.body.append(b if b.kind == "paragraph" else replace(b, kind="subhead"))
    assert blocks[-1].kind == "heading" and blocks[-1].text == HEAD
    asm.orphans.append(blocks[-1])
    return asm, [d]


def test_a_closing_heading_its_story_echoes_takes_that_story(stages_until, wrap):
    asm, drafts = drafted(stages_until, wrap, A1, A2, B1, B2)
    rescue_orphans(asm, drafts)
    assert asm.orphans == []
    assert len(drafts) == 2
    assert [b.text[:4] for b in drafts[0].body] == [A1[:4], A2[:4]]
    assert (drafts[1].title.kind, drafts[1].title.text) == ("heading", HEAD)
    assert [b.text[:4] for b in drafts[1].body] == [B1[:4], B2[:4]]


def test_a_closing_heading_of_an_article_with_subheads_stays_its_last_subhead(stages_until, wrap):
    asm, drafts = drafted(stages_until, wrap, A1, "乐声飘进田间", A2, B1, B2)
    rescue_orphans(asm, drafts)
    assert len(drafts) == 1
    assert (drafts[0].body[-1].kind, drafts[0].body[-1].text) == ("subhead", HEAD)
