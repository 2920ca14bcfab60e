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


def test_query_id_defaults_to_index_label_for_pandas_and_row_number_otherwise(index: armsmatch.Index) -> None:
    frame = pd.DataFrame({"serial": ["ZZZ", "AB123456", "XY987654"]}, index=[10, 20, 30])
    out = index.check_many(frame)
    assert set(out["query_id"]) == {"20", "30"}
    # A filtered frame joins back on its labels: each hit to the row it came from.
    seized = pd.DataFrame({"serial": ["XY987654", "AB123456", "ZZZ"], "make": ["Beretta", "Glock", None]},
                          index=["b", "a", "c"])
    hits = index.check_many(seized[seized["make"].notna()], top=1)
    joined = hits.merge(seized, left_on="query_id", right_index=True)
    assert dict(zip(joined["query_id"], joined["record_id"])) == {"b": "ITA-1", "a": "DEU-1"}
    # A missing query id is the row's label too.
    ids = pd.DataFrame({"query_id": ["Q1", None], "serial": ["AB123456", "XY987654"]}, index=[5, 6])
    assert set(index.check_many(ids)["query_id"]) == {"Q1", "6"}
    # polars, Arrow and dicts have no labels: row numbers.
    rows = [{"serial": "ZZZ"}, {"serial": "AB123456"}, {"serial": "XY987654"}]
    assert set(index.check_many(pl.DataFrame(rows))["query_id"].to_list()) == {"1", "2"}
    assert set(index.check_many(pa.Table.from_pylist(rows)).column("query_id").to_pylist()) == {"1", "2"}
    assert {r["query_id"] for r in index.check_many(rows)} == {"1", "2"}


def test_integer_query_ids_keep_their_type(index: armsmatch.Index) -> None:
    queries = pd.DataFrame({"query_id": [1001, 1002, 1003], "serial": ["AB123456", "ZZZ", "XY987654"]})
    for dtype in ("int64", "int32", "uint16", "Int64"):
        q = queries.astype({"query_id": dtype})
        hits = index.check_many(q)
        assert hits["query_id"].dtype == q["query_id"].dtype, dtype
        merged = hits.merge(q, on="query_id")
        assert len(merged) == len(hits) and set(merged["query_id"]) == {1001, 1003}
    assert index.check_many(queries.head(0))["query_id"].dtype == "int64"
    # With a blank, pandas reads the column as floats: the ids are their integer text.
    blanks = pd.DataFrame({"query_id": [1001.0, None], "serial": ["AB123456", "XY987654"]}, index=[0, 7])
    assert set(index.check_many(blanks)["query_id"]) == {"1001", "7"}
    polars_q = pl.DataFrame({"query_id": [1001, 1002, 1003], "serial": ["AB123456", "ZZZ", "XY987654"]},
                            schema_overrides={"query_id": pl.Int32})
    polars_hits = index.check_many(polars_q)
    assert polars_hits.schema["query_id"] == pl.Int32
    assert len(polars_hits.join(polars_q, on="query_id")) == len(polars_hits)
    arrow_hits = index.check_many(pa.Table.from_pandas(queries))
    assert arrow_hits.schema.field("query_id").type == pa.int64()
    assert set(arrow_hits.column("query_id").to_pylist()) == {1001, 1003}
    # Text ids stay text.
    assert index.check_many(queries.astype({"query_id": str}))["query_id"].tolist()[0] == "1001"


def test_missing_values_and_numbers(index: armsmatch.Index) -> None:
    # pandas writes a missing value as NaN (or None); both are "unknown".
    frame = pd.DataFrame({"query_id": [1, 2], "serial": ["AB123456", "AB123456"], "make": ["Glock", None]})
    out = index.check_many(frame)
    assert set(out["query_id"]) == {1, 2}
    q2 = out[out["query_id"] == 2]
    assert set(q2["make_match"]) == {"unknown"}
    numbers = armsmatch.Index.build(pd.DataFrame({"id": [1, 2], "serial": [123456, 654321]}))
    assert numbers.get("1") is not None and numbers.get("1").serial == "123456"


def test_a_lazy_frame_is_collected_and_a_series_or_column_dict_is_refused_with_a_hint(
    index: armsmatch.Index,
) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"query_id": ["q1", "q2"], "serial": ["AB123456", "CD654321"]})
    assert index.check_many(frame.lazy()).equals(index.check_many(frame))
    built = armsmatch.Index.build(pl.DataFrame({"id": ["R1"], "serial": ["AB1234"]}).lazy())
    assert built.get("R1") is not None
    for series in (frame.get_column("serial"), pd.Series(["AB123456"])):
        with pytest.raises(TypeError, match="got a Series"):
            index.check_many(series)
    with pytest.raises(TypeError, match="dict of columns"):
        index.check_many({"serial": ["AB123456"]})


def test_a_pandas_index_naming_two_rows_alike_is_refused(index: armsmatch.Index) -> None:
    a = pd.DataFrame({"serial": ["AB123456"], "make": ["Glock"]})
    b = pd.DataFrame({"serial": ["CD654321"], "make": ["Beretta"]})
    with pytest.raises(ValueError, match="index labels name the checks, and the label '0' is on more than one row.*reset_index"):
        index.check_many(pd.concat([a, b]))
    out = index.check_many(pd.concat([a, b], ignore_index=True))
    assert len(set(out["query_id"])) == len(out["query_id"].unique())
    # With a query_id column, the index is not used.
    assert len(index.check_many(pd.concat([a, b]).assign(query_id=["q1", "q2"]))) == len(out)


def test_a_missing_serial_is_unknown_in_check_as_in_a_row() -> None:
    np = pytest.importorskip("numpy")
    index = armsmatch.Index.build([
        {"id": "NS-1", "serial": None, "make": "Glock", "model": "19"},
        {"id": "S-1", "serial": "AB123456", "make": "Glock", "model": "19"},
    ])
    row = index.check_many([{"query_id": "q", "serial": None, "make": "Glock", "model": "19"}])
    assert [r["record_id"] for r in row] == ["NS-1"]
    for missing in (None, float("nan"), np.nan, pd.NA):
        hits = index.check(missing, make="Glock", model="19")  # type: ignore[arg-type]
        assert [(h.record_id, round(h.score, 4)) for h in hits] == [(r["record_id"], r["score"]) for r in row]
    assert index.check(None) == [] and index.check("") == []


def test_nat_na_and_nan_are_unknown_everywhere() -> None:
    np = pytest.importorskip("numpy")
    frame = pd.DataFrame({"record_id": ["A", "B"], "serial": ["AB123456", "CD654321"],
                          "make": [None, "Glock"], "reported_on": pd.to_datetime([None, "2024-03-01"])})
    rows = frame.to_dict("records")
    assert rows[0]["reported_on"] is pd.NaT
    index = armsmatch.Index.build(rows)
    assert index.get("A").reported_on is None and index.get("A").make is None
    assert index.get("B").reported_on == "2024-03-01"
    index.insert(frame.assign(record_id=["C", "D"]).iloc[0].to_dict())
    assert index.get("C").reported_on is None
    for missing in (None, float("nan"), np.nan, np.float32("nan"), pd.NaT, pd.NA, np.datetime64("NaT")):
        index.insert({"id": f"M{len(index)}", "serial": "EF123456", "make": missing, "reported_on": missing})
    assert all(index.get(f"M{n}").reported_on is None for n in range(3, len(index)))
    record = armsmatch.Record("R", "AB1234", make=pd.NA, reported_on=pd.NaT)  # type: ignore[arg-type]
    assert (record.make, record.reported_on) == (None, None)
    hits = index.check("AB123456", make=np.nan, model=pd.NA, calibre=None)  # type: ignore[arg-type]
    assert hits[0].explanation.make_match == "unknown"
    queries = [{"query_id": "Q", "serial": "AB123456", "make": pd.NA, "country": pd.NaT}]
    assert index.check_many(queries)[0]["record_id"] == "A"


def test_numeric_identifier_columns() -> None:
    import io

    np = pytest.importorskip("numpy")
    csv = "record_id,serial,model\nA,123456,17\nB,,\nC,0012345,19\n"
    frame = pd.read_csv(io.StringIO(csv))
    assert frame["serial"].dtype == "float64"
    index = armsmatch.Index.build(frame)
    assert (index.get("A").serial, index.get("A").model) == ("123456", "17")
    assert index.get("B").serial == "" and index.get("B").model is None
    assert index.get("C").serial == "12345"  # the leading zeros were lost by read_csv
    assert armsmatch.Index.build(pd.read_csv(io.StringIO(csv), dtype=str)).get("C").serial == "0012345"
    queries = pd.read_csv(io.StringIO("query_id,serial\n1,123456\n2,\n"))
    assert index.check_many(queries, top=1)["record_id"].tolist() == ["A"]
    for bad in (12345.5, np.float32(0.5), float("inf"), 1e20):
        with pytest.raises(TypeError, match=r'records\[0\] \(id "X"\)\.serial: .*dtype=str.*leading zeros'):
            armsmatch.Index.build([{"id": "X", "serial": bad}])
    with pytest.raises(TypeError, match=r"queries\[0\]\.serial: .*dtype=str"):
        index.check_many(pd.DataFrame({"serial": [1.5, None]}))
    # numpy scalars: integers are ints, whole floats their integer text.
    index.insert({"id": np.int64(7), "serial": np.int64(987654), "model": np.float32(34.0)})
    assert (index.get("7").serial, index.get("7").model) == ("987654", "34")
    with pytest.raises(TypeError):
        armsmatch.Index.build([{"id": "X", "serial": np.True_}])


def test_numpy_integers_as_options(index: armsmatch.Index) -> None:
    np = pytest.importorskip("numpy")
    assert len(index.check("AB123456", top=np.int64(1))) == 1
    assert index.check("AB123456", top=np.int32(2), max_edits=np.uint8(1), threshold=np.float32(0.1))
    out = index.check_many([{"serial": "AB123456"}], top=np.int16(1), max_edits=np.int64(0), threads=np.int64(1))
    assert len(out) == 1
    assert armsmatch.auto_edit_budget(np.int64(8)) == armsmatch.auto_edit_budget(8)
    with pytest.raises(TypeError):
        index.check("AB123456", top=np.True_)
    with pytest.raises(TypeError):
        index.check("AB123456", top=np.float64(2.0))  # type: ignore[arg-type]


def test_missing_column_message_lists_the_table_columns() -> None:
    frame = pd.DataFrame({"Record_No": ["A"], "Serial": ["X12345"]})
    with pytest.raises(armsmatch.InvalidInputError) as info:
        armsmatch.Index.build(frame)
    message = str(info.value)
    assert 'required column "record_id" is missing' in message
    assert '"Record_No", "Serial"' in message
    with pytest.raises(armsmatch.InvalidInputError, match='columns found: "Serial"'):
        armsmatch.Index.build(pl.DataFrame({"Serial": ["X12345"]}))
    with pytest.raises(armsmatch.InvalidInputError, match='columns found: "id", "ser"'):
        armsmatch.Index.build(pa.table({"id": ["A"], "ser": ["X12345"]}))
    with pytest.raises(armsmatch.InvalidInputError, match='columns found: none'):
        armsmatch.Index.build(pd.DataFrame())


def test_headers_are_read_as_the_file_readers_read_them(tmp_path: Path) -> None:
    # Export headers (any case, spaces, punctuation; the common names) name their columns
    # in every kind of table, as in a file: one rule, core's.
    rows = {"Record ID": ["R1", "R2"], "Serial Number": ["AB123456", "CD7890"],
            "Manufacturer": ["Glock", "Beretta"], "Caliber": ["9mm", "9mm"],
            "Firearm Type": ["pistol", "pistol"], "Date Reported": ["2024-03-01", "01.04.2024"],
            "notes": ["x", "y"]}
    csv = tmp_path / "records.csv"
    pd.DataFrame(rows).to_csv(csv, index=False)
    def records(index: armsmatch.Index) -> list[dict[str, Any]]:
        return [r.as_dict() for r in (index.get(i) for i in ("R1", "R2")) if r is not None]

    as_file = records(armsmatch.Index.build(csv))
    assert as_file[1]["reported_on"] == "2024-04-01" and as_file[0]["make"] == "Glock"
    assert as_file[0]["kind"] == "pistol" and as_file[0]["calibre"] == "9mm"
    dicts = [dict(zip(rows, values)) for values in zip(*rows.values())]
    for table in (pd.DataFrame(rows), pl.DataFrame(rows), pa.table(rows), dicts):
        assert records(armsmatch.Index.build(table)) == as_file
    index = armsmatch.Index.build(csv)
    checks = {"Check ID": ["Q1"], "S/N": ["AB-123456"], "MAKE": ["Glock"], "Checking Country": ["FRA"]}
    for table in (pd.DataFrame(checks), pl.DataFrame(checks), pa.table(checks),
                  [dict(zip(checks, values)) for values in zip(*checks.values())]):
        hits = index.check_many(table)
        got = hits.to_dict("records") if isinstance(hits, pd.DataFrame) else (
            hits.to_dicts() if isinstance(hits, pl.DataFrame) else (
                hits.to_pylist() if isinstance(hits, pa.Table) else hits))
        assert [(h["query_id"], h["record_id"]) for h in got] == [("Q1", "R1")]
    # The column named exactly wins over an alias of it, before or after it.
    for columns in (["record_id", "serial", "make", "manufacturer"], ["record_id", "manufacturer", "serial", "make"]):
        frame = pd.DataFrame([{"record_id": "R1", "serial": "AB1", "make": "Glock", "manufacturer": "Glock GmbH"}])
        assert armsmatch.Index.build(frame[columns]).get("R1").make == "Glock"  # type: ignore[union-attr]
    # Two names of one column, neither exact: refused, naming both.
    both = {"record_id": ["R1"], "Serial Number": ["AB1"], "S/N": ["AB2"]}
    for table in (pd.DataFrame(both), pl.DataFrame(both), pa.table(both), [{k: v[0] for k, v in both.items()}]):
        with pytest.raises(armsmatch.InvalidInputError, match='"Serial Number" and "S/N" both name the column "serial"'):
            armsmatch.Index.build(table)
    # A record given as a dict reads its keys the same way.
    index.insert({"Record ID": "R9", "Serial No": "ZZ9999", "Manufacturer": "Colt"})
    assert index.get("R9").make == "Colt"  # type: ignore[union-attr]


def test_duplicate_columns_are_refused(index: armsmatch.Index) -> None:
    frame = pd.DataFrame([["A", "AB123456", "x"]], columns=["record_id", "serial", "serial"])
    with pytest.raises(armsmatch.InvalidInputError, match='"serial" appears twice') as info:
        armsmatch.Index.build(frame)
    assert isinstance(info.value, ValueError) and info.value.field == "records"
    queries = pd.DataFrame([["Q", "AB123456", "Glock", "Colt"]], columns=["query_id", "serial", "make", "make"])
    with pytest.raises(ValueError, match='"make" appears twice'):
        index.check_many(queries)
    arrow = pa.Table.from_arrays([pa.array(["A"]), pa.array(["AB1"]), pa.array(["AB2"])],
                                 names=["id", "serial", "serial"])
    with pytest.raises(armsmatch.InvalidInputError, match='"serial" appears twice'):
        armsmatch.Index.build(arrow)
    # A duplicated column that is not read is no matter.
    ignored = pd.DataFrame([["A", "AB123456", "x", "y"]], columns=["record_id", "serial", "note", "note"])
    assert len(armsmatch.Index.build(ignored)) == 1


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
