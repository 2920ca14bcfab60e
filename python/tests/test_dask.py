"""armsmatch.dask.check_many on a LocalCluster of two worker processes equals
Index.check_many on the whole frame."""

from __future__ import annotations

from pathlib import Path

import pytest

import armsmatch
from conftest import synthetic_records

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import armsmatch.dask  # noqa: E402


def test_dask_check_many_equals_whole_frame(tmp_path: Path) -> None:
    records = synthetic_records(2_000, seed=11)
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(records).save(path)
    index = armsmatch.Index.open(path)
    queries = pd.DataFrame({
        "serial": [r["serial"][:-1] + "X" for r in records[:400]] + [r["serial"] for r in records[400:600]],
        "make": [r["make"] for r in records[:600]],
    })
    want = index.check_many(queries, top=3)
    assert len(want) >= 600

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        ddf = dd.from_pandas(queries, npartitions=4)
        lazy = armsmatch.dask.check_many(ddf, path, top=3, threads=1)
        got = lazy.compute()
        # 4 partitions on at most 2 processes: some process checked several, and
        # every process opened the file at most once.
        stats = client.run(armsmatch.dask.opened)
        assert len(stats) == 2
        assert all(s["opens"] <= 1 and s["files"] == s["opens"] for s in stats.values())
        assert sum(s["opens"] for s in stats.values()) >= 1

    got = got.sort_values(["query_id", "rank"], key=lambda s: s.astype(int) if s.name == "query_id" else s)
    want = want.sort_values(["query_id", "rank"], key=lambda s: s.astype(int) if s.name == "query_id" else s)
    assert got.to_dict("records") == want.to_dict("records")
