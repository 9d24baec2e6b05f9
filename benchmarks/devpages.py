"""The dev pages with their gold and the cleaner's page JSON, for the debugging scripts here."""
import json
from pathlib import Path
from typing import Iterator

from cleaner import clean, page_dict


def gold_and_pred(gold_dir: Path, only: str = "") -> Iterator[tuple[str, dict, dict]]:
    """(name, gold page JSON, cleaned page JSON) for each ``*.gold.json`` whose name holds ``only``."""
    for g in sorted(gold_dir.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        if only not in name:
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = page_dict(clean((gold_dir / f"{name}.txt").read_text(encoding="utf-8"), name=name))
        yield name, gold, pred
