"""Findings of a blind client test of the binding: Arrow string views, integer ids,
records validated when made, int years and whole decimals, Arrow streams and open
files, value equality, flags, and the one convention of an error's ``field``."""

from __future__ import annotations

import decimal
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import armsmatch
from armsmatch import InvalidInputError, LimitExceededError


@pytest.fixture()
def index(small_records: list[dict[str, str]]) -> armsmatch.Index:
    return armsmatch.Index.build(small_records)


# ---- 1. pandas Arrow-backed columns the object conversion cannot handle


def test_pandas_string_view_columns() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    frame = pd.DataFrame({"id": ["R1", "R2"], "serial": ["AB123456", None], "make": [None, "Glock"]})
    for dtype in (pd.ArrowDtype(pa.string_view()), pd.ArrowDtype(pa.large_string())):
        built = armsmatch.Index.build(frame.astype(dtype))
        assert len(built) == 2
        r1, r2 = built.get("R1"), built.get("R2")
        assert r1 is not None and (r1.serial, r1.make) == ("AB123456", None)
        assert r2 is not None and (r2.serial, r2.make) == ("", "Glock")
        queries = pd.DataFrame({"query_id": ["q1"], "serial": ["AB-123456"]}).astype(dtype)
        hits = built.check_many(queries)
        assert list(hits["record_id"]) == ["R1"]


# ---- 2. integer ids are looked up as build reads them


def test_integer_ids_are_looked_up_as_build_reads_them() -> None:
    np = pytest.importorskip("numpy")
    index = armsmatch.Index.build([{"record_id": 1, "serial": "AB123456"}, {"record_id": 2, "serial": "CD123456"}])
    assert index.get("1") is not None
    for key in (1, np.int64(1), np.uint8(1)):
        assert key in index
        record = index.get(key)
        assert record is not None and record.id == "1"
    assert 3 not in index and index.get(3) is None
    index.remove(np.int32(2))
    assert "2" not in index
    with pytest.raises(armsmatch.NotFoundError):
        index.remove(2)


@pytest.mark.parametrize("key", [None, 1.5, float("nan"), [], {}, b"1", True, object(), "\ud800"])
def test_in_never_raises(index: armsmatch.Index, key: Any) -> None:
    assert (key in index) is False


@pytest.mark.parametrize("key", [None, 1.5, [], b"1", True])
def test_get_and_remove_refuse_what_is_not_an_id(index: armsmatch.Index, key: Any) -> None:
    with pytest.raises(TypeError, match="id: expected str or int"):
        index.get(key)
    with pytest.raises(TypeError, match="id: expected str or int"):
        index.remove(key)


# ---- 3. a Record is validated as Index.build validates it


@pytest.mark.parametrize(("args", "field"), [
    (("", "AB1"), "id"),
    (("   ", "AB1"), "id"),
    (("x", "AB?1234"), "serial"),
    (("x", "AB*"), "serial"),
    (("x\0y", "AB1"), "id"),
])
def test_record_is_validated_when_made(args: tuple[str, str], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        armsmatch.Record(*args)
    assert info.value.field == field
    # Exactly what building from the same row refuses.
    with pytest.raises(InvalidInputError):
        armsmatch.Index.build([{"id": args[0], "serial": args[1]}])


def test_record_over_a_limit_is_refused_when_made() -> None:
    with pytest.raises(LimitExceededError) as info:
        armsmatch.Record("x", "A" * (armsmatch.LIMITS["MAX_SERIAL_BYTES"] + 1))
    assert info.value.field == "serial"


def test_a_record_pickles_as_it_is() -> None:
    record = armsmatch.Record("R1", "AB1", make="Glock", reported_on="2024-01-02", kind="pistol")
    assert pickle.loads(pickle.dumps(record)) == record


# ---- 4. int years, whole decimals, Arrow streams, open files


def test_an_int_year_is_a_date_as_in_a_table() -> None:
    np = pytest.importorskip("numpy")
    assert armsmatch.Record("x", "AB1", reported_on=2021).reported_on == "2021-01-01"
    assert armsmatch.Record("x", "AB1", reported_on=np.int64(20210302)).reported_on == "2021-03-02"
    assert armsmatch.Record("x", "AB1", reported_on=float("nan")).reported_on is None
    built = armsmatch.Index.build([{"id": "x", "serial": "AB1", "reported_on": 2021}])
    assert built.get("x") == armsmatch.Record("x", "AB1", reported_on=2021)
    with pytest.raises(InvalidInputError):
        armsmatch.Record("x", "AB1", reported_on=21)
    with pytest.raises(TypeError):
        armsmatch.Record("x", "AB1", reported_on=[2021])


def test_whole_decimals_are_read_as_integers() -> None:
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    frame = pl.DataFrame({"id": ["a"], "serial": pl.Series([decimal.Decimal("123456")], dtype=pl.Decimal(10, 0))})
    record = armsmatch.Index.build(frame).get("a")
    assert record is not None and record.serial == "123456"
    table = pa.table({"id": ["a"], "serial": pa.array([decimal.Decimal("123456.00")], pa.decimal128(10, 2))})
    record = armsmatch.Index.build(table).get("a")
    assert record is not None and record.serial == "123456"
    for bad in ("1234.5", "Infinity"):
        with pytest.raises(TypeError, match="not a whole number"):
            armsmatch.Index.build([{"id": "a", "serial": decimal.Decimal(bad)}])
    # A decimal NaN is a missing value, as a float NaN is.
    record = armsmatch.Index.build([{"id": "a", "serial": "AB1", "make": decimal.Decimal("NaN")}]).get("a")
    assert record is not None and record.make is None


def test_an_arrow_record_batch_reader_is_read_whole(index: armsmatch.Index) -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.Table.from_pylist([{"id": "R1", "serial": "AB123456"}, {"id": "R2", "serial": "CD123456"}])
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=1))
    assert len(armsmatch.Index.build(reader)) == 2
    queries = pa.Table.from_pylist([{"query_id": "q1", "serial": "AB123456"}])
    hits = index.check_many(pa.RecordBatchReader.from_batches(queries.schema, queries.to_batches()))
    assert isinstance(hits, pa.Table) and hits.column("query_id").to_pylist()[0] == "q1"


def test_an_open_file_is_refused_with_a_hint(tmp_path: Path, index: armsmatch.Index) -> None:
    path = tmp_path / "records.csv"
    path.write_text("record_id,serial\nR1,AB123456\n", encoding="utf-8")
    with open(path, encoding="utf-8") as f, pytest.raises(TypeError, match="pass its path, not an open file"):
        armsmatch.Index.build(f)
    with open(path, "rb") as b, pytest.raises(TypeError, match="open file"):
        index.check_many(b)


def test_wrong_kinds_name_what_is_accepted() -> None:
    with pytest.raises(TypeError, match="expected a pandas or polars DataFrame.*got int"):
        armsmatch.Index.build(42)  # type: ignore[arg-type]


# ---- 6. value equality, hashing, flags


def test_hits_compare_by_value(index: armsmatch.Index) -> None:
    a, b = index.check("AB123456")[0], index.check("AB123456")[0]
    assert a is not b and a == b and not (a != b) and hash(a) == hash(b)
    assert a != index.check("AB123456")[1]
    assert a != "DEU-1" and a != a.record
    assert pickle.loads(pickle.dumps(a)) == a
    assert len({a, b}) == 1


def test_records_are_immutable_and_hashable(index: armsmatch.Index) -> None:
    r = armsmatch.Record("x", "AB1234", make="Glock")
    assert hash(r) == hash(armsmatch.Record("x", "AB1234", make="Glock"))
    assert {r: 1}[armsmatch.Record("x", "AB1234", make="Glock")] == 1
    assert r != armsmatch.Record("x", "AB1234", make="Colt")
    with pytest.raises(AttributeError):
        r.make = "Colt"  # type: ignore[misc]
    assert "hash" in (armsmatch.Record.__doc__ or "")


def test_serial_only_takes_a_bool_or_0_or_1(index: armsmatch.Index) -> None:
    np = pytest.importorskip("numpy")
    want = index.check("XY987654", make="Glock", serial_only=True)
    assert want
    for flag in (1, np.bool_(True), np.int64(1)):
        assert index.check("XY987654", make="Glock", serial_only=flag) == want  # type: ignore[arg-type]
    assert index.check("XY987654", make="Glock", serial_only=0) == []  # type: ignore[arg-type]
    for bad in (2, "yes", 1.0):
        with pytest.raises(TypeError, match="serial_only: expected bool"):
            index.check("XY987654", serial_only=bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="serial_only: expected bool"):
            index.check_many([{"serial": "XY987654"}], serial_only=bad)  # type: ignore[arg-type]


# ---- 5. documented "unknown" values type-check (the stub), and work


def test_nan_and_na_are_unknown_in_check(index: armsmatch.Index) -> None:
    pd = pytest.importorskip("pandas")
    want = index.check("AB123456")
    assert index.check("AB123456", make=pd.NA, model=float("nan"), calibre=pd.NaT) == want
    assert index.check(float("nan"), make="Colt", model="Python") == index.check(None, make="Colt", model="Python")


# ---- 7. one convention for `field`: the input, qualified by its row


def test_field_names_the_row_for_invalid_input_and_limits_alike(index: armsmatch.Index) -> None:
    queries = [{"query_id": "ok", "serial": "AB123456"}, {"query_id": "bad", "serial": "X" * 300}]
    with pytest.raises(LimitExceededError) as limit:
        index.check_many(queries)
    assert limit.value.field == 'queries[1] (query_id "bad").serial'
    assert limit.value.what == "serial length in bytes"
    assert 'queries[1] (query_id "bad")' in str(limit.value)
    with pytest.raises(InvalidInputError) as invalid:
        index.check_many([{"query_id": "c", "serial": "AB123456", "country": "Germany"}])
    assert invalid.value.field == 'queries[0] (query_id "c").country'
    with pytest.raises(LimitExceededError) as built:
        armsmatch.Index.build([{"id": "R1", "serial": "AB1"}, {"id": "R2", "serial": "X" * 300}])
    assert built.value.field == 'records[1] (id "R2").serial'
    assert built.value.what.startswith("serial length in bytes")
    # A single check: the bare field.
    with pytest.raises(LimitExceededError) as single:
        index.check("X" * 300)
    assert (single.value.field, single.value.what) == ("serial", "serial length in bytes")
    with pytest.raises(LimitExceededError) as edits:
        index.check("AB123456", max_edits=99)
    assert edits.value.field == "max_edits"
    for cls in (InvalidInputError, LimitExceededError):
        assert "field" in (cls.__doc__ or "") and "records[3]" in (cls.__doc__ or "")


def test_a_bad_field_in_a_queries_file_is_named_by_its_line(tmp_path: Path, index: armsmatch.Index) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text("query_id,serial,country\nq1,AB123456,DEU\nq2,AB123456,Germany\n", encoding="utf-8")
    with pytest.raises(armsmatch.ParseError) as info:
        index.check_many(str(queries))
    assert (info.value.path, info.value.line, info.value.column) == (str(queries), 3, "country")


def test_build_errors_name_the_record_id_whatever_the_frame_labels() -> None:
    # A filtered frame's third row is labelled 4: the error names its position among
    # the rows and, past doubt, the record's id.
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({
        "id": [f"R{i}" for i in range(6)],
        "serial": [f"AB12345{i}" for i in range(6)],
        "country": ["DEU"] * 6,
    })
    frame.loc[4, "country"] = "Germany"
    filtered = frame[frame.index % 2 == 0]
    with pytest.raises(InvalidInputError) as info:
        armsmatch.Index.build(filtered)
    assert info.value.field == 'records[2] (id "R4").country'
    assert '(id "R4")' in str(info.value)


@pytest.mark.parametrize("kind", ["dicts", "pandas", "polars", "file"])
def test_build_errors_skip_leaves_out_bad_records_and_warns(kind: str, tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        {"id": f"R{i}", "serial": f"AB12345{i}", "country": "DEU"} for i in range(8)
    ]
    rows[2]["country"] = "Germany"          # a malformed country code
    rows[5]["serial"] = "X" * 300           # a serial over the limit
    source: Any = rows
    if kind == "pandas":
        source = pytest.importorskip("pandas").DataFrame(rows)
    elif kind == "polars":
        source = pytest.importorskip("polars").DataFrame(rows)
    elif kind == "file":
        path = tmp_path / "records.csv"
        path.write_text("record_id,serial,country\n" + "".join(
            f"{r['id']},{r['serial']},{r['country']}\n" for r in rows), encoding="utf-8")
        source = path
    with pytest.raises((InvalidInputError, LimitExceededError, armsmatch.ParseError)):
        armsmatch.Index.build(source)
    # The record with a bad serial cannot go in; the one with a bad country goes in
    # without it (the firearm stays findable), each said in a warning.
    with pytest.warns(RuntimeWarning) as caught:
        index = armsmatch.Index.build(source, errors="skip")
    messages = [str(w.message) for w in caught]
    assert any(re.match(r"^1 of 8 records could not go in and were skipped: .*serial length", m) for m in messages), messages
    assert any(re.match(r"^1 records went in without a field that could not be read: .*country", m) for m in messages), messages
    assert len(index) == 7
    assert index.check("AB123457", top=1)[0].record.id == "R7"
    r2 = index.get("R2")
    assert r2 is not None and r2.country is None and index.get("R5") is None
    with pytest.raises(InvalidInputError, match="errors"):
        armsmatch.Index.build(source, errors="ignore")  # type: ignore[arg-type]
    # Two records sharing an id are not guessed between, skip or not.
    with pytest.raises(armsmatch.DuplicateIdError):
        armsmatch.Index.build([rows[0], rows[0]], errors="skip")


@pytest.mark.parametrize("kind", ["rows", "pandas", "polars", "arrow"])
def test_records_export_the_register_as_stored_and_build_it_again(kind: str) -> None:
    if kind != "rows":
        pytest.importorskip({"pandas": "pandas", "polars": "polars", "arrow": "pyarrow"}[kind])
    index = armsmatch.Index.build([
        {"id": " R1 ", "serial": "ВС 1234", "make": "Izhmash", "country": "ru", "type": "pistol",
         "status": "stolen", "reported_on": "2021-03-04"},
        {"id": "R2", "serial": "AB-001234", "calibre": "9mm"},
        {"id": "R3", "serial": "UNK", "make": "Glock", "model": "19"},
    ])
    index.insert({"id": "L1", "serial": "CD5678", "make": "Beretta"})
    index.remove("R2")
    rows = index.records()
    assert [r["record_id"] for r in rows] == ["R1", "R3", "L1"]
    assert rows[0] == {
        "record_id": "R1", "make": "Izhmash", "model": None, "serial": "ВС 1234",
        "calibre": None, "type": "pistol", "country": "RUS", "status": "stolen",
        "reported_on": "2021-03-04",
    }
    table = index.records(kind=kind)
    if kind == "pandas":
        assert list(table.columns) == list(rows[0]) and len(table) == 3
    elif kind in ("polars", "arrow"):
        assert list(table.column_names if kind == "arrow" else table.columns) == list(rows[0])
    again = armsmatch.Index.build(table)
    # A build numbers records in id order: the same records, in that order.
    assert again.records() == sorted(rows, key=lambda r: r["record_id"])
    assert again.check("VS1234", top=1)[0].record.id == "R1"
    with pytest.raises(InvalidInputError, match="kind"):
        index.records(kind="excel")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["pandas", "polars", "arrow"])
def test_a_float32_identifier_column_past_exact_whole_numbers_is_refused(kind: str) -> None:
    # 16777217 read as float32 is 16777216: indexing that would register another serial.
    np = pytest.importorskip("numpy")
    serials = np.array([123456.0, 16777217.0], dtype=np.float32)
    ok = np.array([123456.0, 16777215.0], dtype=np.float32)
    if kind == "pandas":
        pd = pytest.importorskip("pandas")
        make = lambda s: pd.DataFrame({"id": ["A", "B"], "serial": s})  # noqa: E731
    elif kind == "polars":
        pl = pytest.importorskip("polars")
        make = lambda s: pl.DataFrame({"id": ["A", "B"], "serial": pl.Series(s, dtype=pl.Float32)})  # noqa: E731
    else:
        pa = pytest.importorskip("pyarrow")
        make = lambda s: pa.table({"id": ["A", "B"], "serial": pa.array(s, type=pa.float32())})  # noqa: E731
    # The advice names the library the table came from.
    advice = {"pandas": "pandas.read_csv", "polars": "polars.Utf8", "arrow": "pyarrow.string"}[kind]
    with pytest.raises(TypeError, match=rf"float32.*16,777,216.*as text.*{advice}"):
        armsmatch.Index.build(make(serials))
    index = armsmatch.Index.build(make(ok))
    assert index.get("B").serial == "16777215"
    with pytest.raises(TypeError, match="float32"):
        index.check_many(make(serials).rename({"id": "query_id"}) if kind == "polars" else make(serials))


def test_a_numpy_float32_scalar_past_exact_whole_numbers_is_refused_in_a_row() -> None:
    # A dict row's numpy scalar as a table's column: np.float32(16777217) holds 16777216.
    np = pytest.importorskip("numpy")
    index = armsmatch.Index.build([{"id": "A", "serial": "123456"}])
    with pytest.raises(TypeError, match=r"serial: .*float32 tells whole numbers apart only below 16,777,216"):
        index.insert({"id": "B", "serial": np.float32(16777217.0)})
    with pytest.raises(TypeError, match=r"float16 .*below 2,048"):
        index.check_many([{"serial": np.float16(4096.0)}])
    index.insert({"id": "C", "serial": np.float32(16777215.0), "model": np.float16(34.0)})
    assert (index.get("C").serial, index.get("C").model) == ("16777215", "34")
    # A Python float (and numpy's float64, one) is exact up to 2^53.
    index.insert({"id": "D", "serial": 16777217.0})
    index.insert({"id": "E", "serial": np.float64(16777219.0)})
    assert (index.get("D").serial, index.get("E").serial) == ("16777217", "16777219")


# ---- Session 17's client review: a blank country, long ids in messages, saving via links


def test_a_blank_check_country_is_unknown(index: armsmatch.Index) -> None:
    want = [h.record_id for h in index.check("AB123456")]
    assert want
    for blank in ("", "   "):
        assert [h.record_id for h in index.check("AB123456", country=blank)] == want


def test_an_overlong_id_is_not_repeated_in_the_message() -> None:
    with pytest.raises(LimitExceededError) as e:
        armsmatch.Index.build([{"id": "I" * 1_000_000, "serial": "AB123456"}])
    assert len(str(e.value)) < 1000
    assert "1000000 bytes" in str(e.value)


def test_save_through_a_symlink_replaces_its_target(tmp_path: Path, index: armsmatch.Index) -> None:
    import os

    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    real = tmp_path / "register-v1.armsidx"
    armsmatch.Index.build([{"id": "X1", "serial": "ZZ999999"}]).save(real)
    link = tmp_path / "current.armsidx"
    link.symlink_to(real.name)
    index.save(link)
    assert link.is_symlink()
    assert len(armsmatch.Index.open(real)) == len(index)
    (tmp_path / "sub").mkdir()
    with pytest.raises(armsmatch.ArmsmatchIOError):
        index.save(tmp_path / "sub")


def test_dask_open_cached_of_a_missing_file_raises_the_library_error(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    from armsmatch import dask as adask

    with pytest.raises(armsmatch.ArmsmatchFileNotFoundError):
        adask.open_cached(tmp_path / "missing.armsidx")


def test_file_names_that_are_not_utf8_work_as_with_open(tmp_path: Path, index: armsmatch.Index) -> None:
    import os
    import sys

    if sys.platform == "win32" or sys.getfilesystemencoding().lower() not in ("utf-8", "utf8"):
        pytest.skip("POSIX byte file names only")
    raw = os.fsencode(tmp_path) + b"/reg-\xe9.armsidx"
    name = os.fsdecode(raw)  # '...reg-\udce9.armsidx', as os.listdir gives it
    index.save(name)
    assert os.path.exists(raw)
    again = armsmatch.Index.open(Path(name))
    assert len(again) == len(index)
    assert again.path == name
    back = pickle.loads(pickle.dumps(again))
    assert back.path == name and len(back) == len(index)
    with pytest.raises(FileNotFoundError) as missing:
        armsmatch.Index.open(os.fsdecode(os.fsencode(tmp_path) + b"/nope-\xff.armsidx"))
    assert missing.value.filename == os.fsdecode(os.fsencode(tmp_path) + b"/nope-\xff.armsidx")
    with pytest.raises(ValueError):
        index.save(str(tmp_path / "a\0b.armsidx"))


def test_file_names_given_as_bytes_work_as_with_open(tmp_path: Path, index: armsmatch.Index) -> None:
    import os
    import sys

    if sys.platform == "win32":
        pytest.skip("POSIX byte file names only")

    class BytesPath:
        def __init__(self, raw: bytes) -> None:
            self.raw = raw

        def __fspath__(self) -> bytes:
            return self.raw

    raw = os.fsencode(tmp_path) + b"/reg-\xe9.armsidx"
    index.save(raw)
    assert os.path.exists(raw)
    again = armsmatch.Index.open(BytesPath(raw))
    assert len(again) == len(index)
    assert again.path == os.fsdecode(raw)
    assert armsmatch.Index.open(raw).records() == index.records()
    records = tmp_path / "records.csv"
    records.write_text("record_id,serial,make\nR-1,AB123456,Glock\n", encoding="utf-8")
    built = armsmatch.Index.build(os.fsencode(records))
    assert [r["record_id"] for r in built.records()] == ["R-1"]
    queries = tmp_path / "queries.csv"
    queries.write_text("query_id,serial,make\nQ-1,AB123456,Glock\n", encoding="utf-8")
    hits = built.check_many(BytesPath(os.fsencode(queries)))
    assert [(h["query_id"], h["record_id"]) for h in hits] == [("Q-1", "R-1")]
    with pytest.raises(armsmatch.ArmsmatchFileNotFoundError):
        armsmatch.Index.open(os.fsencode(tmp_path) + b"/nope.armsidx")
    with pytest.raises(ValueError):
        index.save(os.fsencode(tmp_path) + b"/a\0b.armsidx")
    with pytest.raises(TypeError, match="str, bytes or os.PathLike"):
        armsmatch.Index.open(42)  # type: ignore[arg-type]


def test_a_record_with_an_unreadable_country_or_date_goes_in_without_it(tmp_path: Path) -> None:
    """errors="skip" keeps the firearm findable: only the field that cannot be read is
    left out (a row without an id or serial is still skipped), from a file, dicts and a
    frame alike."""
    import warnings

    text = (
        "record_id,serial,make,country,reported_on\n"
        "R1,AB123456,Glock,Germany,2021-02-30\n"
        "R2,CD987654,Colt,DEU,2021-01-01\n"
        ",EF555555,Colt,,\n"
    )
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    rows = [
        {"record_id": "R1", "serial": "AB123456", "make": "Glock", "country": "Germany", "reported_on": "2021-02-30"},
        {"record_id": "R2", "serial": "CD987654", "make": "Colt", "country": "DEU", "reported_on": "2021-01-01"},
        {"record_id": "", "serial": "EF555555", "make": "Colt"},
    ]
    sources: list[Any] = [str(path), rows]
    try:
        import pandas as pd

        sources.append(pd.DataFrame(rows))
    except ImportError:
        pass
    for source in sources:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            index = armsmatch.Index.build(source, errors="skip")
        messages = [str(w.message) for w in caught]
        assert len(index) == 2, (type(source), messages)
        r1 = index.get("R1")
        assert r1 is not None and r1.country is None and r1.reported_on is None
        assert index.check("AB123456", make="Glock")[0].record_id == "R1"
        assert any("1 records went in without a field" in m and "country" in m for m in messages), messages
        assert any("skipped" in m for m in messages), messages
    with pytest.raises(armsmatch.InvalidInputError):
        armsmatch.Index.build(rows)
