"""The bad-input matrix (tests/bad_inputs.json) through the Python API.

The same table drives the Rust, C and CLI suites. Each entry gets its error class or its
documented normalization; nothing crashes, hangs or drops a row silently. Python can
hold what Rust cannot: text with lone surrogates, which every entry that is not valid
UTF-8 becomes here (``surrogatepass``/``surrogateescape``) and which must be refused
with ``InvalidInputError``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import armsmatch

MATRIX_PATH = Path(__file__).resolve().parents[2] / "tests" / "bad_inputs.json"
MATRIX: dict[str, Any] = json.loads(MATRIX_PATH.read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = MATRIX["cases"]


def text_bytes(value: Any) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if "hex" in value:
        return bytes.fromhex(value["hex"])
    body = value["repeat"] * value["times"]
    return (value.get("prefix", "") + body + value.get("suffix", "")).encode("utf-8")


def text(value: Any) -> str:
    """A text field as a Python str; bytes that are not UTF-8 become lone surrogates."""
    raw = text_bytes(value)
    for errors in ("strict", "surrogatepass", "surrogateescape"):
        try:
            return raw.decode("utf-8", errors)
        except UnicodeDecodeError:
            continue
    raise AssertionError("surrogateescape decodes any bytes")


def opt_text(d: dict[str, Any], key: str) -> str | None:
    return text(d[key]) if d.get(key) is not None else None


def matrix_index() -> armsmatch.Index:
    return armsmatch.Index.build(MATRIX["records"])


@pytest.fixture(scope="module")
def index() -> armsmatch.Index:
    return matrix_index()


def short(err: BaseException) -> str:
    """An error for an assertion message: some inputs are a megabyte long."""
    text = f"{type(err).__name__}: {err}"
    return text if len(text) <= 300 else text[:300] + f"... ({len(text)} characters)"


def assert_refused(case: dict[str, Any], err: BaseException) -> None:
    """`err` is the error the entry expects."""
    expect = case["expect"]
    exact = {
        "error:INVALID_ARGUMENT": armsmatch.InvalidInputError,
        "error:INVALID_UTF8": armsmatch.InvalidInputError,
        "error:LIMIT_EXCEEDED": armsmatch.LimitExceededError,
        "error:CORRUPT_INDEX": armsmatch.CorruptIndexError,
        "error:DUPLICATE_ID": armsmatch.DuplicateIdError,
        "error:PARSE": armsmatch.ParseError,
    }
    assert expect in exact, f"expected {expect}, got {short(err)}"
    if expect == "error:DUPLICATE_ID" and isinstance(err, armsmatch.ParseError):
        assert err.column == "record_id", short(err)
        return
    assert type(err) is exact[expect], f"expected {exact[expect].__name__}, got {short(err)}"
    if expect == "error:PARSE":
        assert isinstance(err, armsmatch.ParseError)
        if "line" in case:
            assert err.line == case["line"], short(err)
        if "column" in case:
            assert err.column == case["column"], short(err)
    if "message_contains" in case:
        assert case["message_contains"] in str(err), short(err)


def run_query(index: armsmatch.Index, case: dict[str, Any]) -> None:
    inp = case["input"]
    serial = text(inp["serial"])
    opts = inp.get("options", {})
    kwargs: dict[str, Any] = {}
    if "top" in opts:
        kwargs["top"] = opts["top"]
    if "max_edits" in opts:
        kwargs["max_edits"] = opts["max_edits"]
    if "threshold" in opts:
        t = opts["threshold"]
        kwargs["threshold"] = math.nan if t == "NaN" else float(t)
    fields = {k: opt_text(inp, k) for k in ("make", "model", "calibre", "country")}
    try:
        hits = index.check(serial, **fields, **kwargs)
    except armsmatch.Error as err:
        assert_refused(case, err)
        # check_many reports the same error for the same query.
        with pytest.raises(armsmatch.Error) as again:
            index.check_many([{"query_id": "q", "serial": serial, **{k: v for k, v in fields.items() if v}}],
                             **kwargs)
        assert type(again.value) is type(err)
        return
    expect = case["expect"]
    assert not expect.startswith("error:"), f"expected {expect}, got {len(hits)} hits"
    if expect.startswith("normalized:"):
        assert armsmatch.normalize_serial(serial) == expect.split(":", 1)[1]
    ids = [h.record_id for h in hits]
    if case.get("hits") == []:
        assert ids == []
    if "first_hit" in case:
        assert ids[:1] == [case["first_hit"]], ids


def run_record(case: dict[str, Any]) -> None:
    inp = case["input"]
    kwargs = {k: opt_text(inp, k) for k in ("make", "model", "calibre", "country", "reported_on")}
    try:
        record = armsmatch.Record(text(inp["id"]), text(inp["serial"]), **kwargs)
        built = armsmatch.Index.build([record])
    except armsmatch.Error as err:
        assert_refused(case, err)
        # Inserting into a live index is refused the same way.
        live = matrix_index()
        with pytest.raises(armsmatch.Error) as again:
            live.insert({"id": text(inp["id"]), "serial": text(inp["serial"]),
                         **{k: v for k, v in kwargs.items() if v is not None}})
        assert type(again.value) is type(err)
        assert len(live) == len(MATRIX["records"])
        return
    expect = case["expect"]
    assert not expect.startswith("error:"), f"expected {expect}, the record was accepted"
    if expect.startswith("normalized:"):
        assert armsmatch.normalize_serial(record.serial) == expect.split(":", 1)[1]
    live = matrix_index()
    live.insert(record)
    stored_id = case.get("stored_id", record.id)
    for how, idx in (("built", built), ("inserted", live)):
        got = idx.get(stored_id)
        assert got is not None, f"{how}: no record {stored_id!r}"
        if "stored_country" in case:
            assert got.country == case["stored_country"], f"{how}: {got.country!r}"
        if "found_by" in case:
            assert stored_id in [h.record_id for h in idx.check(case["found_by"])], how
    before = live.get(stored_id)
    live.compact()
    assert live.get(stored_id) == before, "compact changed the record"


def run_records_file(tmp_path: Path, case: dict[str, Any]) -> None:
    inp = case["input"]
    path = tmp_path / f"records.{inp['format']}"
    path.write_bytes(text_bytes(inp["text"]))
    if inp.get("skip_bad_rows"):
        # The Python API reads files without skipping; the CLI and C API have the flag.
        # Skipping is covered by the Rust suite; here the strict read must refuse.
        with pytest.raises(armsmatch.Error):
            armsmatch.Index.build(path)
        return
    try:
        built = armsmatch.Index.build(path)
    except armsmatch.Error as err:
        assert_refused(case, err)
        return
    assert not case["expect"].startswith("error:"), f"expected {case['expect']}, read {len(built)} records"
    if "records" in case:
        assert len(built) == case["records"]


def index_bytes_of(inp: dict[str, Any]) -> bytes:
    if "bytes" in inp:
        return text_bytes(inp["bytes"])
    data = bytearray(matrix_index().to_bytes())

    def pos(v: Any) -> int:
        if v == "half":
            return len(data) // 2
        return v if v >= 0 else len(data) + v

    if "truncate_to" in inp:
        del data[pos(inp["truncate_to"]):]
    if "flip" in inp:
        data[pos(inp["flip"])] ^= 0x5A
    if "append" in inp:
        data += text_bytes(inp["append"])
    return bytes(data)


def run_index_bytes(tmp_path: Path, case: dict[str, Any]) -> None:
    data = index_bytes_of(case["input"])
    path = tmp_path / "index.armsidx"
    path.write_bytes(data)
    for how, load in (("from_bytes", lambda: armsmatch.Index.from_bytes(data)),
                      ("open", lambda: armsmatch.Index.open(path))):
        try:
            idx = load()
        except armsmatch.Error as err:
            assert_refused(case, err)
            continue
        assert case["expect"] == "ok", f"{how}: expected {case['expect']}, the index opened"
        assert len(idx) == len(MATRIX["records"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['target']}: {c['name']}" for c in CASES])
def test_matrix(case: dict[str, Any], index: armsmatch.Index, tmp_path: Path) -> None:
    target = case["target"]
    if target == "query":
        run_query(index, case)
    elif target == "record":
        run_record(case)
    elif target == "records_csv":
        run_records_file(tmp_path, case)
    elif target == "index_bytes":
        run_index_bytes(tmp_path, case)
    else:
        raise AssertionError(f"unknown target {target}")


def test_matrix_covers_every_target() -> None:
    assert {c["target"] for c in CASES} == {"query", "record", "records_csv", "index_bytes"}
    assert len({(c["target"], c["name"]) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("bad", ["\ud800", "AB\udfff12", "\udcff" * 3, "A\ud83d"])
def test_lone_surrogates_everywhere(index: armsmatch.Index, bad: str) -> None:
    """Each place text enters: refused with InvalidInputError, nothing half-done."""
    calls = [
        lambda: index.check(bad),
        lambda: index.check("AB123456", make=bad),
        lambda: index.check_many([{"serial": bad}]),
        lambda: armsmatch.Record("R1", bad),
        lambda: armsmatch.Record(bad, "AB1234"),
        lambda: armsmatch.normalize_serial(bad),
        lambda: armsmatch.serial_keys(bad),
        lambda: armsmatch.skeleton(bad),
        lambda: armsmatch.is_placeholder_serial(bad),
        lambda: armsmatch.Reference.from_toml(f'[[make]]\nname = "{bad}"\n'),
    ]
    for call in calls:
        with pytest.raises(armsmatch.InvalidInputError):
            call()
    live = matrix_index()
    with pytest.raises(armsmatch.InvalidInputError):
        live.insert({"id": "R-X", "serial": bad})
    with pytest.raises(armsmatch.InvalidInputError):
        live.remove(bad)
    assert len(live) == len(MATRIX["records"])


def test_wrong_types_are_type_errors(index: armsmatch.Index) -> None:
    for call in (
        lambda: index.check(b"AB123456"),  # type: ignore[arg-type]
        lambda: index.check(123456),  # type: ignore[arg-type]
        lambda: armsmatch.Record("R1", None),  # type: ignore[arg-type]
        lambda: armsmatch.Index.from_bytes("not bytes"),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError):
            call()
