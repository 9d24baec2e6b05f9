"""Stories: the articles a page is typeset from (JSON Lines), validated like any input.

One story per line::

    {"id": "p2-001", "title": "…", "subtitle": null, "kicker": null,
     "blocks": ["lead paragraph", "## a subhead", "paragraph", …],
     "captions": ["图为……。"], "byline_hint": "本报记者"}

``blocks`` may also hold ``{"kind": "paragraph"|"subhead", "text": …}`` objects, and a page JSON
v1 article (with ``dateline`` and ``byline``) is a story too, so a user's own gold pages can be
laid out again. The dev pool's ``captions_made_up`` is read as ``captions``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    subtitle: str | None
    kicker: str | None
    blocks: tuple[tuple[str, str], ...]  # (kind, text): paragraph | subhead
    captions: tuple[str, ...] = ()
    byline_hint: str | None = None
    kind: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [t for k, t in self.blocks if k == "paragraph"]


def _text(value, where: str, key: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {key!r} must be a non-empty string")
    if "\n" in value or "\r" in value:
        raise InputError(f"{where}: {key!r} must be one line")
    return value.strip()


def story_from(obj, where: str) -> Story:
    """A :class:`Story` from one decoded JSON object; :class:`InputError` names what is wrong."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a story must be a JSON object")
    blocks = []
    raw_blocks = obj.get("blocks")
    if not isinstance(raw_blocks, list) or not raw_blocks:
        raise InputError(f"{where}: 'blocks' must be a non-empty list")
    for n, b in enumerate(raw_blocks):
        if isinstance(b, dict):
            kind = b.get("kind")
            text = _text(b.get("text"), where, f"blocks[{n}].text")
        else:
            text = _text(b, where, f"blocks[{n}]")
            kind = "paragraph"
            if text.startswith("## "):
                kind, text = "subhead", text[3:].strip()
        if kind not in ("paragraph", "subhead"):
            raise InputError(f"{where}: blocks[{n}]: kind must be 'paragraph' or 'subhead'")
        blocks.append((kind, text))
    dateline = obj.get("dateline")
    if blocks[0][0] != "paragraph":
        raise InputError(f"{where}: the first block must be a paragraph")
    if isinstance(dateline, str) and blocks[0][1].startswith(dateline):  # a gold article
        blocks[0] = ("paragraph", blocks[0][1][len(dateline):])
    if not any(k == "paragraph" for k, _ in blocks):
        raise InputError(f"{where}: a story needs a paragraph")
    captions = obj.get("captions", obj.get("captions_made_up", [])) or []
    if not isinstance(captions, list):
        raise InputError(f"{where}: 'captions' must be a list")
    title = obj.get("title")
    ident = obj.get("id", where)
    return Story(
        id=str(ident), title=_text(title, where, "title"),
        subtitle=_text(obj.get("subtitle"), where, "subtitle", optional=True),
        kicker=_text(obj.get("kicker"), where, "kicker", optional=True),
        blocks=tuple(blocks),
        captions=tuple(_text(c, where, "captions[]") for c in captions),
        byline_hint=_text(obj.get("byline_hint"), where, "byline_hint", optional=True),
        kind=str(obj.get("kind") or ""),
    )


def load_stories(paths) -> list[Story]:
    """Stories from JSON Lines files (or JSON files holding a list of stories), in order."""
    out: list[Story] = []
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise InputError(f"{p}: not UTF-8") from None
        if text.lstrip().startswith("["):
            try:
                items = json.loads(text)
            except ValueError as exc:
                raise InputError(f"{p}: invalid JSON: {exc}") from None
            out.extend(story_from(o, f"{p}[{n}]") for n, o in enumerate(items))
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{p}:{n}: invalid JSON: {exc}") from None
            out.append(story_from(obj, f"{p}:{n}"))
    seen: dict[str, int] = {}
    for s in out:
        seen[s.id] = seen.get(s.id, 0) + 1
    dup = sorted(k for k, v in seen.items() if v > 1)
    if dup:
        raise InputError(f"story ids are not unique: {', '.join(dup[:5])}")
    return out
