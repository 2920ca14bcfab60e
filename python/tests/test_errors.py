"""Every error path: wrong types, None where required, lone surrogates, missing
columns, damaged index files, limits; the exception hierarchy."""

from __future__ import annotations

import errno
import pickle
from pathlib import Path
from typing import Any

import pytest

import armsmatch
from armsmatch import (
    ArmsmatchIOError,
    CorruptIndexError,
    DuplicateIdError,
    Error,
    InvalidInputError,
    LimitExceededError,
    NotFoundError,
    ParseError,
)

SURROGATE = "AB\ud80012"


@pytest.fixture()
def index(small_records: list[dict[str, str]]) -> armsmatch.Index:
    return armsmatch.Index.build(small_records)


def test_hierarchy() -> None:
    assert issubclass(InvalidInputError, Error) and issubclass(InvalidInputError, ValueError)
    assert issubclass(LimitExceededError, InvalidInputError)
    assert issubclass(DuplicateIdError, Error) and issubclass(DuplicateIdError, ValueError)
    assert issubclass(NotFoundError, Error) and issubclass(NotFoundError, KeyError)
    assert issubclass(ParseError, Error) and issubclass(ParseError, ValueError)
    assert issubclass(CorruptIndexError, Error) and issubclass(CorruptIndexError, ValueError)
    assert issubclass(ArmsmatchIOError, Error) and issubclass(ArmsmatchIOError, OSError)
    assert not issubclass(NotFoundError, ValueError)
    for cls in (Error, InvalidInputError, LimitExceededError, NotFoundError, ArmsmatchIOError):
        assert cls.__module__ == "armsmatch"
        assert cls.__doc__


def test_exceptions_pickle(index: armsmatch.Index) -> None:
    with pytest.raises(NotFoundError) as info:
        index.remove("nope")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is NotFoundError
    assert str(again) == str(info.value)


def test_a_blank_or_overlong_id_is_refused_by_remove_as_by_insert(index: armsmatch.Index) -> None:
    # Not "not found": no record can have such an id (as C's armsmatch_index_remove).
    with pytest.raises(InvalidInputError):
        index.remove("   ")
    with pytest.raises(LimitExceededError):
        index.remove("X" * (armsmatch.LIMITS["MAX_FIELD_BYTES"] + 1))
    index.remove(" DEU-1 ")  # spaces around an id are no part of it
    assert "DEU-1" not in index


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda ix: ix.check(12345), "serial"),
        (lambda ix: ix.check(b"AB123456"), "serial"),
        (lambda ix: ix.check("AB123456", make=7), "make"),
        (lambda ix: ix.check("AB123456", calibre=["9mm"]), "calibre"),
        (lambda ix: ix.get(1.5), "id"),
        (lambda ix: ix.remove(None), "id"),
        (lambda ix: ix.save(42), "path"),
        (lambda ix: ix.insert(["R9", "AB1"]), "record"),
        (lambda ix: ix.check_many(42), "queries"),
        (lambda ix: ix.check_many({"serial": "AB123456"}), "queries"),
        (lambda ix: ix.check_many([{"serial": 1.5}]), "queries[0].serial"),
        (lambda ix: ix.check_many([["AB123456"]]), "queries[0]"),
        (lambda ix: armsmatch.normalize_serial(None), "serial"),
        (lambda ix: armsmatch.Index.from_bytes("not bytes"), "data"),
        (lambda ix: armsmatch.Index.open(None), "path"),
        (lambda ix: armsmatch.Index.build(7), "records"),
        (lambda ix: armsmatch.Index.build([{"id": "R1", "serial": True}]), 'records[0] (id "R1").serial'),
        (lambda ix: armsmatch.Record(None, "AB1"), "id"),
        (lambda ix: armsmatch.Reference.embedded().resolve_make(None), "name"),
        (lambda ix: armsmatch.Reference.embedded().extend(3), "other"),
        (lambda ix: ix.check("AB123456", top=True), "top"),
        (lambda ix: ix.check("AB123456", top=2.0), "top"),
        (lambda ix: ix.check("AB123456", threshold="0.5"), "threshold"),
        (lambda ix: ix.check("AB123456", max_edits=1.0), "max_edits"),
        (lambda ix: ix.check_many([], threads="2"), "threads"),
        (lambda ix: armsmatch.auto_edit_budget("8"), "length"),
        (lambda ix: armsmatch.Index.build([], reference="embedded"), "reference"),
    ],
)
def test_wrong_types_are_type_errors_naming_the_field(index: armsmatch.Index, call: Any, field: str) -> None:
    with pytest.raises(TypeError) as info:
        call(index)
    assert field in str(info.value)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda ix: ix.check_many([{"query_id": "Q1"}]), "queries[0].serial"),
        (lambda ix: armsmatch.Index.build([{"id": "R1"}]), "records[0].serial"),
        (lambda ix: armsmatch.Index.build([{"id": None, "serial": "AB1"}]), "records[0].record_id"),
        (lambda ix: armsmatch.Index.build([{"serial": "AB1"}]), "records[0].record_id"),
        (lambda ix: ix.insert({"serial": "AB1"}), "record.record_id"),
    ],
)
def test_none_or_missing_where_required_names_the_field(index: armsmatch.Index, call: Any, field: str) -> None:
    with pytest.raises((TypeError, ValueError)) as info:
        call(index)
    assert field in str(info.value)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda ix: ix.check(SURROGATE), "serial"),
        (lambda ix: ix.check("AB123456", make="Gl\udfffck"), "make"),
        (lambda ix: ix.check_many([{"serial": SURROGATE}]), "queries[0].serial"),
        (lambda ix: ix.check_many([{"serial": "AB1", "query_id": "\ud800"}]), "queries[0].query_id"),
        (lambda ix: armsmatch.Index.build([{"id": "R1", "serial": SURROGATE}]), 'records[0] (id "R1").serial'),
        (lambda ix: armsmatch.Index.build([{"id": "R\ud800", "serial": "AB1"}]), "records[0].record_id"),
        (lambda ix: ix.insert({"id": "R9", "serial": "AB1", "model": "\ud800"}), 'record (id "R9").model'),
        (lambda ix: ix.remove("\ud800"), "id"),
        (lambda ix: ix.get("\ud800"), "id"),
        (lambda ix: armsmatch.normalize_serial(SURROGATE), "serial"),
        (lambda ix: armsmatch.skeleton(SURROGATE), "serial"),
        (lambda ix: armsmatch.Record("R1", SURROGATE), "serial"),
        (lambda ix: armsmatch.Index.open("\ud800.armsidx"), "path"),
        (lambda ix: armsmatch.Reference.from_toml("version = '\ud800'"), "text"),
        (lambda ix: armsmatch.Reference.embedded().resolve_calibre("\ud800"), "name"),
    ],
)
def test_lone_surrogates_are_invalid_input_naming_the_field(index: armsmatch.Index, call: Any, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        call(index)
    assert info.value.field == field
    assert field in str(info.value)
    assert "surrogate" in str(info.value)


def test_surrogates_in_dataframe_columns() -> None:
    pd = pytest.importorskip("pandas")
    index = armsmatch.Index.build([{"id": "R1", "serial": "AB123456"}])
    # (Arrow-backed strings cannot hold a surrogate at all; object columns can.)
    frame = pd.DataFrame({"serial": ["AB123456", "AB123456"], "make": ["Glock", "\ud800"]}, dtype=object)
    with pytest.raises(InvalidInputError, match=r"queries\[1\]\.make"):
        index.check_many(frame)
    with pytest.raises(InvalidInputError, match=r'records\[0\] \(id "R1"\)\.serial'):
        armsmatch.Index.build(pd.DataFrame({"id": ["R1"], "serial": ["A\ud800"]}, dtype=object))


def test_missing_required_columns() -> None:
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    with pytest.raises(InvalidInputError, match="required column \"serial\" is missing") as info:
        armsmatch.Index.build(pd.DataFrame({"id": ["R1"], "make": ["Glock"]}))
    assert info.value.field == "records"
    with pytest.raises(InvalidInputError, match="required column \"record_id\""):
        armsmatch.Index.build(pa.table({"serial": ["AB1"]}))
    index = armsmatch.Index.build([{"id": "R1", "serial": "AB123456"}])
    with pytest.raises(InvalidInputError, match="required column \"serial\""):
        index.check_many(pl.DataFrame({"query_id": ["Q1"], "make": ["Glock"]}))


def test_invalid_values_name_row_and_field() -> None:
    with pytest.raises(InvalidInputError) as info:
        armsmatch.Index.build([{"id": "R1", "serial": "AB1"}, {"id": "R2", "serial": "AB2", "country": "Germany"}])
    assert info.value.field == 'records[1] (id "R2").country'
    with pytest.raises(InvalidInputError) as info:
        armsmatch.Index.build([{"id": "R1", "serial": "AB1", "reported_on": "2023-02-29"}])
    assert info.value.field == 'records[0] (id "R1").reported_on'
    with pytest.raises(InvalidInputError) as info:
        armsmatch.Record("R1", "AB1", country="X1")
    assert info.value.field == "country"


def test_duplicate_and_missing_ids(index: armsmatch.Index) -> None:
    with pytest.raises(DuplicateIdError) as info:
        armsmatch.Index.build([{"id": "R1", "serial": "AB1"}, {"id": "R1", "serial": "AB2"}])
    assert info.value.id == "R1"
    with pytest.raises(DuplicateIdError):
        index.insert({"id": "DEU-1", "serial": "ZZ1"})
    with pytest.raises(NotFoundError) as nf:
        index.remove("nope")
    assert nf.value.id == "nope"
    assert str(nf.value) == 'no record with id "nope" in the index'
    with pytest.raises(KeyError):
        index.update({"id": "nope", "serial": "AB1"})


@pytest.mark.parametrize(
    ("kwargs", "cls", "field"),
    [
        ({"serial": "A" * 300}, LimitExceededError, "serial"),
        ({"serial": "AB123456", "make": "G" * 2000}, LimitExceededError, "make"),
        ({"serial": "AB123456", "max_edits": 4}, LimitExceededError, "edit"),
        ({"serial": "AB" + "?1" * 13}, LimitExceededError, "wildcards"),
        ({"serial": "A?*?"}, InvalidInputError, "serial"),
        ({"serial": "AB123456", "max_edits": -1}, InvalidInputError, "max_edits"),
        ({"serial": "AB123456", "top": 0}, InvalidInputError, "top"),
        ({"serial": "AB123456", "top": -5}, InvalidInputError, "top"),
        ({"serial": "AB123456", "top": 1001}, InvalidInputError, "top"),
        ({"serial": "AB123456", "threshold": 1.5}, InvalidInputError, "threshold"),
        ({"serial": "AB123456", "threshold": float("nan")}, InvalidInputError, "threshold"),
        ({"serial": "AB123456", "threshold": 10**400}, InvalidInputError, "threshold"),
        ({"serial": "AB123456", "top": 10**30}, InvalidInputError, "top"),
        ({"serial": "AB123456", "max_edits": 10**30}, InvalidInputError, "max_edits"),
    ],
)
def test_limits_and_options(index: armsmatch.Index, kwargs: dict[str, Any], cls: type[Exception], field: str) -> None:
    with pytest.raises(cls) as info:
        index.check(**kwargs)
    assert type(info.value) is cls
    assert field in str(info.value)


def test_limit_attributes(index: armsmatch.Index) -> None:
    with pytest.raises(LimitExceededError) as info:
        index.check("A" * 300)
    e = info.value
    assert (e.limit, e.got, e.field) == (armsmatch.LIMITS["MAX_SERIAL_BYTES"], 300, "serial")


def test_check_many_error_names_the_query(index: armsmatch.Index) -> None:
    queries = [{"query_id": "ok", "serial": "AB123456"}, {"query_id": "bad", "serial": "X" * 300}]
    with pytest.raises(LimitExceededError, match=r'queries\[1\] \(query_id "bad"\)'):
        index.check_many(queries)
    over = armsmatch.LIMITS["MAX_THREADS"] + 1
    for threads in (-1, over, 10**6, 10**30):
        with pytest.raises(InvalidInputError, match="threads"):
            index.check_many(queries[:1], threads=threads)
    # 0 is every core, as on the command line and in C; so is None.
    assert index.check_many(queries[:1], threads=0) == index.check_many(queries[:1])
    with pytest.raises(InvalidInputError, match="top"):
        index.check_many(queries[:1], top=0)


def test_damaged_index_files(tmp_path: Path, index: armsmatch.Index) -> None:
    good = tmp_path / "good.armsidx"
    index.save(good)
    data = good.read_bytes()
    assert len(armsmatch.Index.open(good)) == len(index)

    truncated = tmp_path / "truncated.armsidx"
    truncated.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.armsidx"
    damaged = bytearray(data)
    # A run of damaged bytes (a lone flipped byte may fall in the zero padding between
    # sections, which carries no data).
    mid = len(damaged) // 2
    for i in range(mid, mid + 64):
        damaged[i] ^= 0xFF
    flipped.write_bytes(bytes(damaged))
    foreign = tmp_path / "foreign.armsidx"
    foreign.write_bytes(b"PK\x03\x04 this is a zip file, not an index" * 10)
    empty = tmp_path / "empty.armsidx"
    empty.write_bytes(b"")
    for path in (truncated, flipped, foreign, empty):
        with pytest.raises(CorruptIndexError) as info:
            armsmatch.Index.open(path)
        assert info.value.path.endswith(path.name)
        assert path.name in str(info.value)
    for blob in (data[:-100], bytes(damaged), b"", b"\x00" * 64):
        with pytest.raises(CorruptIndexError):
            armsmatch.Index.from_bytes(blob)


def test_io_errors(tmp_path: Path, index: armsmatch.Index) -> None:
    missing = tmp_path / "missing.armsidx"
    with pytest.raises(ArmsmatchIOError) as info:
        armsmatch.Index.open(missing)
    assert info.value.filename == str(missing)
    assert info.value.errno == errno.ENOENT
    # The built-in OSError subclass of the errno, as open() raises.
    with pytest.raises(FileNotFoundError):
        armsmatch.Index.open(missing)
    assert type(info.value) is armsmatch.ArmsmatchFileNotFoundError
    assert type(pickle.loads(pickle.dumps(info.value))) is armsmatch.ArmsmatchFileNotFoundError
    for call in (armsmatch.Index.open, armsmatch.Index.build):
        with pytest.raises(IsADirectoryError) as isdir:
            call(tmp_path)
        assert isinstance(isdir.value, ArmsmatchIOError) and isdir.value.errno == errno.EISDIR
    with pytest.raises(IsADirectoryError):
        index.save(tmp_path)
    with pytest.raises(OSError):
        index.save(tmp_path / "no-such-dir" / "x.armsidx")
    with pytest.raises(ArmsmatchIOError):
        armsmatch.Index.build(tmp_path / "missing.csv")
    with pytest.raises(OSError):
        armsmatch.Reference.load(tmp_path / "missing.toml")


def test_parse_errors_name_file_line_and_column(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text("record_id,serial,country\nR1,AB1,DEU\nR2,AB2,Germany\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        armsmatch.Index.build(records)
    assert (info.value.line, info.value.column) == (3, "country")
    assert "records.csv:3:country" in str(info.value)
    # A row with too many fields has no column at fault: None, as the stub says.
    records.write_text("record_id,serial\nR1,AB1,extra\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        armsmatch.Index.build(records)
    assert (info.value.path, info.value.line, info.value.column) == (str(records), 2, None)
    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"query_id": "Q1", "serial": "AB1"}\nnot json\n', encoding="utf-8")
    index = armsmatch.Index.build([{"id": "R1", "serial": "AB1"}])
    with pytest.raises(ParseError, match="queries.jsonl:2"):
        index.check_many(queries)
    with pytest.raises(ParseError):
        armsmatch.Reference.from_toml("[[make]]\nname = ")
    with pytest.raises(ParseError):
        armsmatch.Reference.embedded().extend("[[calibre]]\nname = 'X'\nrelated = ['No such calibre']\n")


def test_files_in_a_legacy_encoding_are_read_when_named(tmp_path: Path) -> None:
    # A register exported from an older system: Excel's semicolons, Windows-1251 Cyrillic.
    records = tmp_path / "records.csv"
    records.write_bytes("record_id;make;serial\r\nRUS-1;ИЖ;АВ123456\r\n".encode("cp1251"))
    with pytest.raises(ParseError, match="Windows-1251") as info:
        armsmatch.Index.build(records)
    assert (info.value.line, info.value.column) == (2, "make")
    index = armsmatch.Index.build(records, encoding="cp1251")
    hits = index.check("AB123456")
    assert [h.record.id for h in hits] == ["RUS-1"]
    assert hits[0].record.serial == "АВ123456" and hits[0].record.make == "ИЖ"
    queries = tmp_path / "queries.csv"
    queries.write_bytes("query_id,serial\nQ\xe9,AB123456\n".encode("latin-1"))
    rows = index.check_many(queries, encoding="latin-1")
    assert [(r["query_id"], r["record_id"]) for r in rows] == [("Qé", "RUS-1")]
    with pytest.raises(ParseError):
        index.check_many(queries)
    # Not an encoding we read; and an encoding is for a file, not a table.
    with pytest.raises(InvalidInputError, match="ebcdic"):
        armsmatch.Index.build(records, encoding="ebcdic")
    with pytest.raises(TypeError, match="file path"):
        armsmatch.Index.build([{"id": "R1", "serial": "AB1"}], encoding="cp1252")
    assert len(armsmatch.Index.build([{"id": "R1", "serial": "AB1"}], encoding="utf-8")) == 1
