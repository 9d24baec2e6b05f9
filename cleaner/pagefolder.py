"""One page's output folder, ``OUTDIR/<key>/``, and its row in the corpus index.

``page.json`` goes first out and last in: a folder that has it is complete (``--resume``
relies on this), whatever happened to an earlier run. Every path is checked to resolve
inside OUTDIR before anything is written or removed there (:mod:`cleaner.outpaths`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import OutputError
from .io import write_atomic
from .outpaths import inside, key_problem
from .reports.changes import changes_jsonl, summary, unified_diff
from .reports.pagejson import article_filename, article_text, dumps, page_dict


#: what each ``--reports`` choice writes beside the article files and page.json
REPORTS = {
    "all": ("changes.jsonl", "report.diff", "report.html"),
    "diff": ("changes.jsonl", "report.diff"),
    "none": (),
}


def write_page_folder(page, outdir: Path, key: str, reports: str = "all", picture: bytes | None = None) -> None:
    """Write ``OUTDIR/<key>/``: the article files, the reports asked for (``REPORTS``; the
    HTML report costs more than the cleaning), page.json last. ``picture``: a PNG of a PDF
    page, for the report's view of where each article stood."""
    from .reports.html import page_report

    problem = key_problem(key)
    if problem is not None:
        raise OutputError(f"{key}: {problem}")
    outdir.mkdir(parents=True, exist_ok=True)
    folder = inside(outdir, outdir / key)
    folder.mkdir(parents=True, exist_ok=True)
    inside(outdir, folder)  # made through a symlink? then nothing is removed below
    marker = folder / "page.json"
    marker.unlink(missing_ok=True)
    for old in folder.glob("[0-9][0-9]-*.txt"):
        old.unlink()
    for stale in folder.glob(".*.tmp"):  # a killed run's partial files
        stale.unlink(missing_ok=True)
    for n, a in enumerate(page.articles, 1):
        write_atomic(folder / article_filename(n, a), article_text(a))
    wanted = REPORTS[reports]
    for name in ("changes.jsonl", "report.diff", "report.html"):
        if name not in wanted:  # an earlier run's report of another page state would mislead
            (folder / name).unlink(missing_ok=True)
    if "changes.jsonl" in wanted:
        write_atomic(folder / "changes.jsonl", changes_jsonl(page))
    if "report.diff" in wanted:
        write_atomic(folder / "report.diff", unified_diff(page))
    if "report.html" in wanted:
        write_atomic(folder / "report.html", page_report(page, picture))
    write_atomic(marker, dumps(page_dict(page)))


def index_row(page, path: str, key: str | None = None, reports: str = "all") -> dict:
    """One row of the corpus summary (OUTDIR/index.html)."""
    s = summary(page)
    confs = [a.confidence for a in page.articles]
    key = key or Path(page.name).stem
    return {
        "page": key, "path": path, "articles": len(page.articles),
        "changes": len(page.changes), "flags": s["flags"],
        "confidence": round(min(confs), 3) if confs else 0.0,
        "confidences": [round(c, 3) for c in confs],
        "rules": {k: v for k, v in s.items() if k[:1].isupper()}, "error": None,
        "report": f"{key}/report.html" if "report.html" in REPORTS[reports] else None,
    }


def error_row(path: str, key: str, message: str) -> dict:
    return {"page": key, "path": path, "articles": 0, "changes": 0, "flags": 0, "confidence": None,
            "rules": {}, "error": message, "report": None}


def folder_row(folder: Path, path: str, key: str) -> dict | None:
    """The index row of a complete folder from an earlier run (``--resume``), or None when
    the folder's files are not what this tool writes (then the page is cleaned again)."""
    log = folder / "changes.jsonl"  # absent when the run wrote no reports (--reports none)
    try:
        pj = json.loads((folder / "page.json").read_text(encoding="utf-8"))
        changes = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines() if x] if log.exists() else []
    except (OSError, ValueError):
        return None
    if not isinstance(pj, dict) or not isinstance(pj.get("articles", []), list) \
            or not all(isinstance(c, dict) and isinstance(c.get("rule"), str) for c in changes) \
            or not all(isinstance(a, dict) for a in pj.get("articles", [])):
        return None
    rules: dict[str, int] = {}
    for c in changes:
        rules[c["rule"]] = rules.get(c["rule"], 0) + 1
    confs = [a.get("confidence", 0.0) for a in pj.get("articles", [])]
    if not all(isinstance(c, (int, float)) for c in confs):
        return None
    return {"page": key, "path": path, "articles": len(confs), "changes": len(changes),
            "flags": sum(1 for c in changes if c.get("action") == "flag"),
            "confidence": round(min(confs), 3) if confs else 0.0, "confidences": confs,
            "rules": rules, "error": None,
            "report": f"{key}/report.html" if (folder / "report.html").exists() else None}
