"""Page JSON v1 (the shape of the gold files) and the per-article text files."""

from __future__ import annotations

import json
import re

from ..model import Article, Page
from ..outpaths import safe_name

SCHEMA = "page JSON v1"


def article_dict(a: Article) -> dict:
    d = {
        "title": a.title.text if a.title else None,
        "subtitle": a.subtitle.text if a.subtitle else None,
        "byline": a.byline.text if a.byline else None,
        "dateline": a.dateline,
        "pullquotes": [b.text for b in a.pullquotes],
        "captions": [b.text for b in a.captions],
        "blocks": [{"kind": b.kind, "text": b.text} for b in a.body],
        "confidence": round(a.confidence, 3),
    }
    if a.kicker:
        d["kicker"] = a.kicker.text
    return d


def page_dict(page: Page) -> dict:
    """The page as page JSON v1 (extra keys: ``confidence`` per article, ``kicker``)."""
    return {
        "source": page.name,
        "articles": [article_dict(a) for a in page.articles],
        "dropped": [{"kind": b.kind, "text": b.text} for b in page.dropped],
    }


def dumps(obj) -> str:
    """JSON written as the gold files are: UTF-8 text, ``indent=1``, no ASCII escapes.

    Byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=1)`` writes, but built
    here: with an indent, the json module falls back to its pure-Python encoder, which took
    a few percent of a page's cleaning time. Leaves still go through the C encoder.
    """
    parts: list[str] = []
    _write(obj, parts, "\n")
    parts.append("\n")
    return "".join(parts)


_leaf = json.JSONEncoder(ensure_ascii=False).encode


def _write(obj, out: list, nl: str) -> None:
    if isinstance(obj, dict):
        opener, closer, items = "{", "}", [(k, v) for k, v in obj.items()]
    elif isinstance(obj, (list, tuple)):
        opener, closer, items = "[", "]", [(None, v) for v in obj]
    else:
        out.append(_leaf(obj))
        return
    if not items:
        out.append(opener + closer)
        return
    inner = nl + " "
    out.append(opener)
    for n, (k, v) in enumerate(items):
        out.append("," + inner if n else inner)
        if k is not None or opener == "{":
            out.append(_leaf(k if isinstance(k, str) else _leaf(k)) + ": ")  # json writes 1, None as "1", "null"
        _write(v, out, inner)
    out.append(nl + closer)


def article_text(a: Article) -> str:
    """An article as a text file: headings, a blank line, then blocks separated by blank lines."""
    head = [b.text for b in (a.kicker, a.title, a.subtitle, a.byline) if b is not None]
    body = [b.text for b in a.body]
    parts = []
    if head:
        parts.append("\n".join(head))
    parts.extend(body)
    if a.pullquotes:
        parts.append("\n".join("〔引语〕" + b.text for b in a.pullquotes))
    if a.captions:
        parts.append("\n".join("〔图片说明〕" + b.text for b in a.captions))
    return "\n\n".join(parts) + "\n"


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')


def article_filename(n: int, a: Article) -> str:
    """``01-<title>.txt``: numbered in page order, the title made safe for any file system."""
    title = a.title.text if a.title else (a.body[0].text if a.body else "untitled")
    title = safe_name(_UNSAFE.sub("_", title)).strip("._")[:40] or "untitled"
    return f"{n:02d}-{title}.txt"
