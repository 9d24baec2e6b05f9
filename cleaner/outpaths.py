"""Where output goes: every path the cleaner writes stays inside the output folder.

A page's output key comes from its input file name (``in/sub/page.txt`` → ``sub/page``), and
an input file name is hostile until proven otherwise: ``...txt`` has the stem ``..``, so
``OUTDIR/<key>/`` would be the folder above OUTDIR; ``in/sub.txt`` and ``in/Sub.txt`` are one
folder on a case-insensitive file system; a right-to-left override (U+202E) makes
``evil\u202etxt.exe`` look like ``evilexe.txt`` in a listing. So:

- a key is made of plain parts: never empty, ``.`` or ``..``, never absolute;
- bidirectional and other invisible format characters in a name become ``_``;
- two keys that are one folder on some file system (equal after case folding and Unicode
  normalisation) are an error for the second page, never a silent overwrite;
- whatever the key says, the path it names must resolve inside OUTDIR (a symlink inside
  OUTDIR that points elsewhere is caught here).

>>> key_problem("sub/..")
"its output name 'sub/..' has a '..' part"
>>> safe_name("evil\\u202etxt.exe")
'evil_txt.exe'
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import OutputError

#: bidirectional controls and the other invisible format characters a file name must not hold
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def safe_name(name: str) -> str:
    """``name`` with bidirectional and other invisible format characters replaced by ``_``."""
    return _INVISIBLE.sub("_", name)


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot name an output inside OUTDIR, or None when it can."""
    if not key:
        return "its output name is empty"
    if key.startswith("/") or "\\" in key or "\x00" in key:
        return f"its output name {key!r} is not a plain relative name"
    for part in key.split("/"):
        if part in ("", ".", ".."):
            what = f"a {part!r}" if part else "an empty"
            return f"its output name {key!r} has {what} part"
    return None


def fold(key: str) -> str:
    """The form under which two names are one file on a case-insensitive file system."""
    return unicodedata.normalize("NFC", key).casefold()


def check_keys(keys: list[str]) -> dict[int, str]:
    """Index → problem for every key that is unsafe or collides with an earlier one."""
    problems: dict[int, str] = {}
    seen: dict[str, int] = {}
    for n, key in enumerate(keys):
        problem = key_problem(key)
        if problem is None:
            first = seen.setdefault(fold(key), n)
            if first != n:
                problem = (f"its output name {key!r} is the same folder as {keys[first]!r} "
                           f"(names equal but for case or Unicode form)")
        if problem is not None:
            problems[n] = problem
    return problems


def inside(outdir: Path, path: Path) -> Path:
    """``path`` if it resolves inside ``outdir``; otherwise :class:`OutputError`."""
    root = Path(os.path.realpath(outdir))
    real = Path(os.path.realpath(path))
    if real != root and root not in real.parents:
        raise OutputError(f"{path}: resolves outside the output folder {outdir}; refusing to write there")
    return path
