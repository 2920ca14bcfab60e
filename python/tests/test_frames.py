"""DataFrame round trips: pandas in → pandas out, polars → polars, Arrow → Arrow, dicts →
dicts, files → dicts; the same hits whatever the kind."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import armsmatch

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

COLUMNS = [name for name, _ in armsmatch.HIT_COLUMNS]


def test_hit_columns_are_the_hits_file_columns() -> None:
    assert COLUMNS == [
        "query_id", "rank", "record_id", "score", "serial_match", "serial_distance",
        "make_match", "model_match", "calibre_match",
    ]


@pytest.fixture(scope="module")
def index(small_records: list[dict[str, str]]) -> armsmatch.Index:
    return armsmatch.Index.build(small_records)


@pytest.fixture(scope="module")
def expected(index: armsmatch.Index, small_queries: list[dict[str, str]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = index.check_many(small_queries)
    return rows


def test_rows_match_single_checks(index: armsmatch.Index, small_queries: list[dict[str, str]],
                                  expected: list[dict[str, Any]]) -> None:
    assert isinstance(expected, list) and expected
    assert all(list(r) == COLUMNS for r in expected)
    from_check = []
    for q in small_queries:
        hits = index.check(q["serial"], make=q.get("make"))
        for rank, h in enumerate(hits, 1):
            from_check.append((q["query_id"], rank, h.record_id, round(h.score, 4), h.explanation.serial_match))
    assert [(r["query_id"], r["rank"], r["record_id"], r["score"], r["serial_match"]) for r in expected] == from_check
    # Q3 finds nothing; the others find something.
    assert {r["query_id"] for r in expected} == {"Q1", "Q2", "Q4"}


def test_pandas_round_trip(index: armsmatch.Index, small_queries: list[dict[str, str]],
                           expected: list[dict[str, Any]]) -> None:
    out = index.check_many(pd.DataFrame(small_queries))
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == COLUMNS
    assert out.to_dict("records") == expected
    assert str(out["rank"].dtype) == "int64" and str(out["score"].dtype) == "float64"


def test_polars_round_trip(index: armsmatch.Index, small_queries: list[dict[str, str]],
                           expected: list[dict[str, Any]]) -> None:
    out = index.check_many(pl.DataFrame(small_queries))
    assert isinstance(out, pl.DataFrame)
    assert out.columns == COLUMNS
    assert out.to_dicts() == expected
    assert out.schema["rank"] == pl.Int64 and out.schema["query_id"] == pl.String


def test_arrow_round_trip(index: armsmatch.Index, small_queries: list[dict[str, str]],
                          expected: list[dict[str, Any]]) -> None:
    table = pa.Table.from_pylist(small_queries)
    out = index.check_many(table)
    assert isinstance(out, pa.Table)
    assert out.column_names == COLUMNS
    assert out.to_pylist() == expected
    batch = table.to_batches()[0]
    assert index.check_many(batch).to_pylist() == expected


def test_generator_of_dicts(index: armsmatch.Index, small_queries: list[dict[str, str]],
                            expected: list[dict[str, Any]]) -> None:
    assert index.check_many(dict(q) for q in small_queries) == expected


def test_files_in_dicts_out(tmp_path: Path, index: armsmatch.Index, small_queries: list[dict[str, str]],
                            expected: list[dict[str, Any]]) -> None:
    jsonl = tmp_path / "queries.jsonl"
    jsonl.write_text("".join(json.dumps(q) + "\n" for q in small_queries), encoding="utf-8")
    assert index.check_many(jsonl) == expected
    csv = tmp_path / "queries.csv"
    pd.DataFrame(small_queries).to_csv(csv, index=False)
    assert index.check_many(str(csv)) == expected


def test_empty_results_keep_types(index: armsmatch.Index) -> None:
    none = [{"query_id": "Q", "serial": "NOTHING99"}]
    assert index.check_many(none) == []
    out = index.check_many(pd.DataFrame(none))
    assert list(out.columns) == COLUMNS and len(out) == 0
    assert str(out["rank"].dtype) == "int64"
    assert index.check_many(pl.DataFrame(none)).schema["score"] == pl.Float64
    assert index.check_many(pa.Table.from_pylist(none)).schema.field("rank").type == pa.int64()
    assert index.check_many([]) == []


def test_query_id_defaults_to_row_position(index: armsmatch.Index) -> None:
    frame = pd.DataFrame({"serial": ["ZZZ", "AB123456", "XY987654"]}, index=[10, 20, 30])
    out = index.check_many(frame)
    assert set(out["query_id"]) == {"1", "2"}


def test_missing_values_and_numbers(index: armsmatch.Index) -> None:
    # pandas writes a missing value as NaN (or None); both are "unknown".
    frame = pd.DataFrame({"query_id": [1, 2], "serial": ["AB123456", "AB123456"], "make": ["Glock", None]})
    out = index.check_many(frame)
    assert set(out["query_id"]) == {"1", "2"}
    q2 = out[out["query_id"] == "2"]
    assert set(q2["make_match"]) == {"unknown"}
    numbers = armsmatch.Index.build(pd.DataFrame({"id": [1, 2], "serial": [123456, 654321]}))
    assert numbers.get("1") is not None and numbers.get("1").serial == "123456"


def test_build_from_every_kind(tmp_path: Path, small_records: list[dict[str, str]]) -> None:
    reference = armsmatch.Index.build(small_records)
    want = [r.as_dict() for r in (reference.get(x["id"]) for x in small_records) if r is not None]
    frame = pd.DataFrame(small_records)
    csv = tmp_path / "records.csv"
    frame.rename(columns={"id": "record_id", "kind": "type"}).to_csv(csv, index=False)
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in small_records), encoding="utf-8")
    built = {
        "pandas": armsmatch.Index.build(frame),
        "polars": armsmatch.Index.build(pl.DataFrame(small_records)),
        "arrow": armsmatch.Index.build(pa.Table.from_pylist(small_records)),
        "records": armsmatch.Index.build([armsmatch.Record(**{**r, "id": r["id"]}) for r in small_records]),
        "csv": armsmatch.Index.build(csv),
        "jsonl": armsmatch.Index.build(str(jsonl)),
    }
    for kind, index in built.items():
        got = [r.as_dict() for r in (index.get(x["id"]) for x in small_records) if r is not None]
        assert got == want, kind
        assert len(index) == len(small_records), kind


def test_dates_from_frames() -> None:
    frame = pd.DataFrame({
        "id": ["R1", "R2"],
        "serial": ["AB1234", "CD5678"],
        "reported_on": pd.to_datetime(["2024-03-01", None]),
    })
    index = armsmatch.Index.build(frame)
    assert index.get("R1").reported_on == "2024-03-01"
    assert index.get("R2").reported_on is None
    polars_dates = pl.DataFrame({"id": ["R1"], "serial": ["AB1234"], "reported_on": [datetime.date(2023, 5, 6)]})
    assert armsmatch.Index.build(polars_dates).get("R1").reported_on == "2023-05-06"


def test_unknown_columns_are_ignored(index: armsmatch.Index) -> None:
    frame = pd.DataFrame({"serial": ["AB123456"], "colour": ["black"], "notes": [None]})
    assert len(index.check_many(frame)) >= 1
