"""``cleaner.dask`` on a real 2-worker ``LocalCluster`` (separate processes, one thread each):
the distributed output equals the serial run, record for record and in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import cleaner.dask as cdask  # noqa: E402
from cleaner.jsonl import clean_records  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "bench" / "dev"
SAMPLE = REPO / "samples" / "kjrb-yuanqu-page.txt"


def page_files() -> list[Path]:
    found = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
    return found or [SAMPLE]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "n": i} for i, p in enumerate(page_files())]


@pytest.fixture(scope="module")
def serial(pages) -> list[dict]:
    return list(clean_records(pages))


def test_two_workers(client):
    assert len(client.scheduler_info()["workers"]) == 2


def test_bag_of_dicts_equals_serial_run(client, pages, serial):
    bag = db.from_sequence(pages, npartitions=max(2, len(pages) // 5))
    out = cdask.clean_bag(bag).compute()
    assert out == serial
    assert json.loads(json.dumps(out, ensure_ascii=False)) == serial


def test_bag_of_pairs_and_read_pages(client, pages):
    files = page_files()[:6]
    expect = list(clean_records([(str(p), p.read_text(encoding="utf-8")) for p in files], per="page"))
    got = cdask.clean_bag(cdask.read_pages([str(p) for p in files], npartitions=3), per="page").compute()
    assert got == expect
    pairs = db.from_sequence([(d["id"], d["text"]) for d in pages[:6]], npartitions=2)
    assert cdask.clean_bag(pairs).compute() == list(clean_records([(d["id"], d["text"]) for d in pages[:6]]))


def test_dataframe_equals_serial_run(client, pages, serial):
    some = pages[:4]
    df = dd.from_pandas(pd.DataFrame(some), npartitions=2)
    out = cdask.clean_dataframe(df).compute()
    expect = list(clean_records(some))
    assert list(out.columns) == list(expect[0])
    assert out.to_dict("records") == expect


def test_errors_recorded_per_page(client):
    bag = db.from_sequence([{"id": "bad", "text": None}, {"id": "ok", "text": SAMPLE.read_text(encoding="utf-8")}],
                           npartitions=2)
    out = cdask.clean_bag(bag, errors="record").compute()
    assert out[0] == {"id": "bad", "error": "input: page bad: 'text' is null, not a string"}
    assert all(r["id"] == "ok" for r in out[1:]) and len(out) > 1
