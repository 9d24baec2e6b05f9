"""A digest of every cleaned page of some gold folders: proof that a speed change is output-identical.

    python benchmarks/digests.py benchmarks/splits/valid benchmarks/splits/wide -j 2 > before.txt
    (change the code)
    python benchmarks/digests.py benchmarks/splits/valid benchmarks/splits/wide -j 2 > after.txt
    diff before.txt after.txt

One line per page: folder, page name, the SHA-256 of its page JSON (``page_dict``) and the
SHA-256 of its recorded changes (rule, stage, action, span, before, after, reason, safety,
edits), then a last line hashing all the pages. Pages are read as the benchmark reads them
(``cleaner.train.load_gold_dirs``: text, or a PDF's first page with its geometry); the gold
is not looked at.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_PAGES: list = []


def _digest(k: int) -> tuple[str, str, str]:
    """The page JSON's digest and the changes' digest of page ``k`` (or the error it raised)."""
    from cleaner.pipeline import clean
    from cleaner.reports.pagejson import page_dict

    folder, p = _PAGES[k]
    try:
        page = clean(p.text, name=f"{p.name}.txt", geometry=p.geometry, copies=p.copies)
    except Exception as exc:  # noqa: BLE001 - a page that raises must raise the same way after
        return folder, p.name, f"error {type(exc).__name__}: {exc}"
    pj = json.dumps(page_dict(page), ensure_ascii=False, sort_keys=True)
    changes = json.dumps([[c.rule, c.stage, c.action, list(c.span), c.before, c.after, c.reason,
                           c.safety, [list(e) for e in c.edits]] for c in page.changes],
                         ensure_ascii=False, default=str)
    return folder, p.name, f"{_sha(pj)} {_sha(changes)}"


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", help="gold folders (NAME.txt or NAME.pdf beside NAME.gold.json)")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args(argv)
    from cleaner.train import load_gold_dirs

    for folder in args.folders:
        _PAGES.extend((folder, p) for p in load_gold_dirs([folder]))
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            rows = pool.map(_digest, range(len(_PAGES)), chunksize=8)
    else:
        rows = [_digest(k) for k in range(len(_PAGES))]
    whole = hashlib.sha256()
    for row in rows:
        line = " ".join(row)
        whole.update(line.encode("utf-8"))
        print(line)
    print(f"all {len(rows)} pages {whole.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
