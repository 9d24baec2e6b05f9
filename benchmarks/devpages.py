"""The dev pages with their gold and the cleaner's page JSON, for the debugging scripts here."""
import json
import sys
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's cleaner, not an installed one

from cleaner import clean, page_dict


def gold_and_pred(gold_dir: Path, only: str = "") -> Iterator[tuple[str, dict, dict]]:
    """(name, gold page JSON, cleaned page JSON) for each ``*.gold.json`` whose name holds ``only``
    (read from ``NAME.pdf`` where there is one, else from ``NAME.txt``)."""
    for g in sorted(gold_dir.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        if only not in name:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        pdf = gold_dir / f"{name}.pdf"
        if pdf.exists():  # a typeset page: read through the PDF reader
            from cleaner.pdf import clean_pdf

            pred = page_dict(next(clean_pdf(str(pdf)))[1])
        else:
            pred = page_dict(clean((gold_dir / f"{name}.txt").read_text(encoding="utf-8"), name=name))
        yield name, gold, pred
