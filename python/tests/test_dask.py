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


def saved_register(tmp_path: Path, n: int, seed: int) -> tuple[list[dict[str, str]], Path, armsmatch.Index]:
    """Synthetic records, the index file built from them, and that file opened."""
    records = synthetic_records(n, seed=seed)
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(records).save(path)
    return records, path, armsmatch.Index.open(path)


def test_dask_check_many_equals_whole_frame(tmp_path: Path) -> None:
    records, path, index = saved_register(tmp_path, 2_000, seed=11)
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


def test_dask_query_ids_are_pandas_query_ids(tmp_path: Path) -> None:
    import dask

    records, path, index = saved_register(tmp_path, 500, seed=13)
    queries = pd.DataFrame({
        "serial": [r["serial"][:-1] + "X" for r in records[:300]],
        "make": [r["make"] if i % 3 else None for i, r in enumerate(records[:300])],
    })
    # A filtered frame without query_id: its index labels are not row positions.
    seized = queries[queries["make"].notna()]
    with_ids = seized.assign(query_id=[1000 + i for i in range(len(seized))])
    with dask.config.set(scheduler="synchronous"):
        for frame in (seized, with_ids, seized.set_index(seized.index * 10)):
            want = index.check_many(frame, top=2)
            lazy = armsmatch.dask.check_many(dd.from_pandas(frame, npartitions=3), path, top=2)
            assert dict(lazy.dtypes) == dict(want.dtypes)
            got = lazy.compute()
            assert got.reset_index(drop=True).equals(want.reset_index(drop=True))
    assert index.check_many(seized, top=1)["query_id"].isin([str(i) for i in seized.index]).all()
    assert index.check_many(with_ids)["query_id"].dtype == "int64"


def test_dask_errors_skip_leaves_out_failing_checks_and_raise_fails(tmp_path: Path) -> None:
    import dask

    records, path, index = saved_register(tmp_path, 300, seed=17)
    queries = pd.DataFrame({
        "query_id": [f"Q{i}" for i in range(40)],
        # Every 10th check is a wildcard-only serial, which is refused.
        "serial": ["*??*" if i % 10 == 0 else r["serial"] for i, r in enumerate(records[:40])],
    })
    with pytest.warns(RuntimeWarning):
        want = index.check_many(queries, top=2, errors="skip")
    assert not want["query_id"].isin(["Q0", "Q10", "Q20", "Q30"]).any()
    assert want["query_id"].nunique() == 36
    with dask.config.set(scheduler="synchronous"):
        ddf = dd.from_pandas(queries, npartitions=4)
        lazy = armsmatch.dask.check_many(ddf, path, top=2, errors="skip")
        with pytest.warns(RuntimeWarning):
            got = lazy.compute()
        assert got.reset_index(drop=True).equals(want.reset_index(drop=True))
        with pytest.raises(armsmatch.InvalidInputError):
            armsmatch.dask.check_many(ddf, path, top=2).compute()
    with pytest.raises(ValueError):
        armsmatch.dask.check_many(ddf, path, errors="ignore")  # type: ignore[arg-type]


def test_dask_warns_when_query_ids_may_repeat_across_partitions(tmp_path: Path) -> None:
    import warnings

    records, path, _ = saved_register(tmp_path, 100, seed=19)
    queries = pd.DataFrame({"serial": [r["serial"] for r in records[:30]]})
    # What dd.read_csv gives: several partitions, divisions unknown, no query_id column.
    unknown = dd.from_pandas(queries, npartitions=3).clear_divisions()
    assert not unknown.known_divisions
    with pytest.warns(UserWarning, match="query_id"):
        armsmatch.dask.check_many(unknown, path)
    # With a query_id column, or with known divisions, or one partition: no warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with_ids = dd.from_pandas(queries.assign(query_id=range(30)), npartitions=3)
        armsmatch.dask.check_many(with_ids.clear_divisions(), path)
        armsmatch.dask.check_many(dd.from_pandas(queries, npartitions=3), path)
        armsmatch.dask.check_many(dd.from_pandas(queries, npartitions=1).clear_divisions(), path)
