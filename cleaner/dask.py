"""Clean pages on Dask: a bag or DataFrame of pages in, one of articles out (a flat map).

Install with ``pip install 'cleaner[dask]'``. The same code runs on a laptop
(``LocalCluster``) and on a multi-machine ``dask.distributed`` cluster (dask-jobqueue on
Slurm, dask-kubernetes): the graph carries only the page records and a small, picklable
:class:`~cleaner.rules.RuleSet`; each worker process builds its own compiled patterns and
OpenCC converters on first use and keeps them (per-process caches, never pickled).

Records are those of ``cleaner clean --format jsonl`` (see :mod:`cleaner.jsonl`): one per
article (``per="article"``, the default) or one page JSON v1 per page (``per="page"``), each
with the page id and the page's other fields.

    import json
    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    import cleaner.dask

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
    pages = db.read_text("shards/*.jsonl.gz").map(json.loads)  # or cleaner.dask.read_pages("pages/*.txt")
    articles = cleaner.dask.clean_bag(pages)
    articles.map(json.dumps, ensure_ascii=False).to_textfiles("out/articles-*.jsonl.gz")

Give workers one thread each (``threads_per_worker=1``): the cleaner is pure Python and
holds the GIL, so parallelism comes from processes.
"""

from __future__ import annotations

import glob as _glob

import dask.bag as db

from .jsonl import ARTICLE_FIELDS, PAGE_FIELDS, clean_records


def _clean_partition(records, text_field, id_field, per, rules, errors, options) -> list[dict]:
    return list(clean_records(records, text_field=text_field, id_field=id_field, per=per,
                              rules=rules, errors=errors, **dict(options)))


def clean_bag(bag: db.Bag, *, text_field: str = "text", id_field: str = "id", per: str = "article",
              rules=None, errors: str = "raise", **options) -> db.Bag:
    """A bag of pages (dicts, or ``(id, text)`` pairs) → a bag of article (or page) dicts.

    ``rules`` is a :class:`~cleaner.rules.RuleSet` (``cleaner.load_rules(...)``; default: the
    shipped rules, loaded by each worker); ``options`` as for :func:`cleaner.clean`
    (``convert="t2s"``); ``errors="record"`` turns a bad page into ``{id, "error"}``.
    """
    return bag.map_partitions(_clean_partition, text_field, id_field, per, rules, errors,
                              tuple(sorted(options.items())))


def read_pages(pattern: str | list[str], npartitions: int | None = None, encoding: str = "auto",
               errors: str = "strict") -> db.Bag:
    """A bag of ``{"id": path, "text": …}`` from text files (a glob or a list of paths),
    read and decoded on the workers as ``cleaner clean`` reads them."""
    paths = sorted(_glob.glob(pattern)) if isinstance(pattern, str) else list(pattern)
    n = npartitions or max(1, min(len(paths), 64))
    return db.from_sequence(paths, npartitions=n).map(_read_page, encoding, errors)


def _read_page(path: str, encoding: str, errors: str) -> dict:
    from .io import read_page

    text, _ = read_page(path, encoding, errors)
    return {"id": path, "text": text}


def _columns(input_columns: list[str], text_column: str, id_column: str, per: str,
             errors: str) -> list[str]:
    head = [id_column, *(ARTICLE_FIELDS if per == "article" else PAGE_FIELDS)]
    out = list(head)
    for c in input_columns:
        if c in (text_column, id_column):
            continue
        key = c
        while key in out:
            key = f"input_{key}"
        out.append(key)
    if errors == "record" and "error" not in out:
        out.append("error")
    return out


def _empty(columns: list[str], dtypes: dict):
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype=dtypes[c]) for c in columns})


def _clean_frame(pdf, text_column, id_column, per, rules, errors, options, columns, dtypes):
    import pandas as pd

    rows = _clean_partition(pdf.to_dict("records"), text_column, id_column, per, rules, errors, options)
    if not rows:
        return _empty(columns, dtypes)
    # Column by column: keeps None as None in object columns (no NaN), lists as lists.
    return pd.DataFrame({c: pd.Series([r.get(c) for r in rows], dtype=dtypes[c]) for c in columns})


def clean_dataframe(df, *, text_column: str = "text", id_column: str = "id", per: str = "article",
                    rules=None, errors: str = "raise", **options):
    """A Dask DataFrame of pages (``text_column``, ``id_column``, other columns passed
    through) → a Dask DataFrame with one row per article (or per page).

    Columns: the id, ``article`` … ``confidence`` (or ``source``, ``articles``, ``dropped``
    with ``per="page"``), then the other input columns (``input_<name>`` on a clash), then
    ``error`` with ``errors="record"``. Text columns have ``object`` dtype.
    """
    columns = _columns(list(df.columns), text_column, id_column, per, errors)
    in_dtypes = df._meta.dtypes.to_dict()
    dtypes = {}
    for c in columns:
        src = c
        while src.startswith("input_") and src not in in_dtypes:
            src = src[len("input_"):]
        if c == "article":
            dtypes[c] = "int64"
        elif c == "confidence":
            dtypes[c] = "float64"
        elif c == id_column:
            dtypes[c] = in_dtypes.get(id_column, object) if errors == "raise" else object
        elif c in in_dtypes and c not in ARTICLE_FIELDS + PAGE_FIELDS:
            dtypes[c] = in_dtypes[c]
        elif src in in_dtypes and c.startswith("input_"):
            dtypes[c] = in_dtypes[src]
        else:
            dtypes[c] = object
    if errors == "record":  # a failed page has no article number or confidence
        dtypes.update({k: object for k in ("article", "confidence") if k in dtypes})
    return df.map_partitions(_clean_frame, text_column, id_column, per, rules, errors,
                             tuple(sorted(options.items())), columns, dtypes,
                             meta=_empty(columns, dtypes), enforce_metadata=False)
