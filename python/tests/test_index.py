"""Index life cycle: insert, update, remove and compact are visible to the next check;
save and open; info, get, len, contains."""

from __future__ import annotations

import copy
import pickle
import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

import armsmatch
from conftest import synthetic_records


def ids(hits: list[armsmatch.Hit]) -> list[str]:
    return [h.record_id for h in hits]


@pytest.fixture()
def index(small_records: list[dict[str, str]]) -> armsmatch.Index:
    return armsmatch.Index.build(small_records)


def test_len_get_contains(index: armsmatch.Index, small_records: list[dict[str, str]]) -> None:
    assert len(index) == len(small_records)
    record = index.get("DEU-1")
    assert record is not None
    assert (record.id, record.serial, record.make, record.kind, record.country, record.status, record.reported_on) == (
        "DEU-1", "AB123456", "Glock", "pistol", "DEU", "stolen", "2024-01-02")
    assert index.get("nope") is None
    assert "DEU-1" in index and "nope" not in index


def test_insert_remove_update_compact_are_visible(index: armsmatch.Index) -> None:
    assert index.check("QW-77881") == []
    index.insert({"id": "NEW-1", "serial": "QW77881", "make": "Walther"})
    assert ids(index.check("QW-77881")) == ["NEW-1"]
    assert len(index) == 5 and index.info()["live_added"] == 1

    index.update(armsmatch.Record("NEW-1", "QW77999", make="Walther"))
    assert index.check("QW-77881", max_edits=0) == []
    assert ids(index.check("QW77999")) == ["NEW-1"]

    index.remove("DEU-1")
    assert "DEU-1" not in ids(index.check("AB123456"))
    assert index.info()["live_removed"] == 1
    assert len(index) == 4

    index.compact()
    info = index.info()
    assert (info["live_added"], info["live_removed"], info["base_records"], info["records"]) == (0, 0, 4, 4)
    assert ids(index.check("QW77999")) == ["NEW-1"]
    assert "DEU-1" not in ids(index.check("AB123456"))
    assert "FRA-1" in ids(index.check("AB123456"))

    # A removed id can be inserted again.
    index.insert({"id": "DEU-1", "serial": "AB123456", "make": "Glock"})
    assert ids(index.check("AB123456", make="Glock"))[0] == "DEU-1"


def test_save_open_round_trip(tmp_path: Path, index: armsmatch.Index) -> None:
    index.insert({"id": "NEW-1", "serial": "QW77881"})
    path = tmp_path / "register.armsidx"
    assert index.path is None
    index.save(path)
    assert index.path == str(path)
    opened = armsmatch.Index.open(path)
    assert opened.path == str(path)
    assert len(opened) == len(index) == 5
    for serial in ("AB123456", "QW77881", "XY987645"):
        assert [h.as_dict() for h in opened.check(serial)] == [h.as_dict() for h in index.check(serial)]
    assert opened.info()["path"] == str(path)
    # The insert was saved as the file's journal beside the base, not rebuilt into it.
    assert (opened.info()["base_records"], opened.info()["live_added"]) == (4, 1)
    opened.remove("NEW-1")
    assert opened.path is None
    # Relative paths are kept absolute.
    assert Path(armsmatch.Index.open(path).path or "").is_absolute()


def test_bytes_round_trip(index: armsmatch.Index) -> None:
    data = index.to_bytes()
    assert isinstance(data, bytes)
    again = armsmatch.Index.from_bytes(data)
    assert len(again) == len(index)
    assert armsmatch.Index.from_bytes(bytearray(data)).to_bytes() == data
    assert armsmatch.Index.from_bytes(memoryview(data)).to_bytes() == data


def test_info(index: armsmatch.Index) -> None:
    info = index.info()
    assert info["records"] == 4
    assert info["no_serial"] == 1  # "UNK" is a placeholder
    assert info["bytes"]["total"] == len(index.to_bytes())
    assert isinstance(info["format_version"], int)
    assert info["reference_version"] == index.reference.version


def test_custom_reference() -> None:
    ref = armsmatch.Reference.empty()
    ref.extend('[[make]]\nname = "Acme Arms"\naliases = ["ACME"]\n')
    index = armsmatch.Index.build([{"id": "R1", "serial": "AB123456", "make": "Acme Arms"}], reference=ref)
    hit = index.check("AB123456", make="acme")[0]
    assert hit.explanation.make_match in ("same", "alias")
    default = armsmatch.Index.build([{"id": "R1", "serial": "AB123456", "make": "Acme Arms"}])
    assert default.check("AB123456", make="acme", threshold=0.0)[0].explanation.make_match not in ("same", "alias")


def test_a_cyrillic_marking_spelled_by_sound_is_found_by_its_spelling_by_shape() -> None:
    index = armsmatch.Index.build([
        {"id": "RUS-2", "serial": "VS 5678", "make": "Baikal"},
        {"id": "AUT-2", "serial": "VS 9999", "make": "Glock"},
    ])
    hits = index.check("BC-5678", make="Izhevsk Mechanical Plant")
    assert ids(hits) == ["RUS-2"]
    e = hits[0].explanation
    assert e.reading and e.transliterated and e.as_dict()["reading"] is True
    assert e.serial_match == "normalized" and "other Latin spelling of a Cyrillic marking" in str(e)
    # A Glock is marked in Latin letters: its other spelling is another firearm.
    assert index.check("BC9999", make="Glock") == []
    plain = index.check("VS-5678", make="Baikal")[0].explanation
    assert not plain.reading and plain.as_dict()["reading"] is False


def test_an_index_closes_at_the_end_of_a_with_block(index: armsmatch.Index, tmp_path: Path) -> None:
    path = tmp_path / "small.armsidx"
    index.save(path)
    with armsmatch.Index.open(path) as opened:
        assert not opened.closed and ids(opened.check("AB123456", make="Glock"))[0] == "DEU-1"
    assert opened.closed and repr(opened) == "<armsmatch.Index: closed>"
    calls = [
        lambda: opened.check("AB123456"),
        lambda: opened.check_many([{"serial": "AB123456"}]),
        lambda: len(opened),
        lambda: "DEU-1" in opened,
        lambda: opened.get("DEU-1"),
        lambda: opened.insert({"id": "X-1", "serial": "QW123456"}),
        lambda: opened.remove("DEU-1"),
        lambda: opened.compact(),
        lambda: opened.save(tmp_path / "again.armsidx"),
        lambda: opened.to_bytes(),
        lambda: opened.info(),
        lambda: opened.stats(),
        lambda: opened.reference,
        lambda: opened.path,
        lambda: opened.update({"id": "DEU-1", "serial": "AB123456"}),
        lambda: pickle.dumps(opened),
        lambda: copy.copy(opened),
        lambda: opened.__enter__(),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="closed"):
            call()
    opened.close()  # twice is no error
    # An exception ends the block too, and is not swallowed.
    with pytest.raises(KeyError):
        with armsmatch.Index.open(path) as again:
            raise KeyError("x")
    assert again.closed
    # The file is free: replaced, and reopened with the new content.
    index.insert({"id": "NEW-9", "serial": "ZX998877", "make": "Walther"})
    index.save(path)
    with armsmatch.Index.open(path) as fresh:
        assert "NEW-9" in fresh


def test_closing_leaves_a_check_running_in_another_thread_to_finish(tmp_path: Path) -> None:
    records = synthetic_records(20_000)
    path = tmp_path / "big.armsidx"
    armsmatch.Index.build(records).save(path)
    index = armsmatch.Index.open(path)
    queries = [{"serial": r["serial"], "make": r.get("make")} for r in records[:8000]]
    out: list[Any] = []
    started = threading.Event()

    def run() -> None:
        started.set()
        try:
            out.append(index.check_many(queries, threads=1))
        except ValueError as e:
            out.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    started.wait()
    index.close()
    worker.join()
    # Either the batch had begun and ran to its end on its own reference, or it had
    # not and raised; it never reads a released map.
    assert index.closed and len(out) == 1
    if isinstance(out[0], ValueError):
        assert "closed" in str(out[0])
    else:
        # Every check finds its own record at least.
        assert len(out[0]) >= len(queries)


def test_hit_object(index: armsmatch.Index) -> None:
    hit = index.check("AB123465", make="Glock")[0]
    assert hit.record_id == "DEU-1" and hit.record.id == "DEU-1"
    assert (hit.serial, hit.make, hit.model, hit.calibre) == ("AB123456", "Glock", "19", "9mm")
    e = hit.explanation
    assert e.serial_match == "fuzzy" and e.serial_distance == 1
    assert e.edits == [{"kind": "transposition", "at": 6, "check": None, "record": None}]
    text = str(e)
    assert "fuzzy" in text and "transposition" in text and "make same" in text
    d = hit.as_dict()
    assert d["record_id"] == "DEU-1" and d["explanation"] == text and d["score"] == hit.score
    assert 0.0 < hit.score <= 1.0
    # The score is the evidence (serial score × identity factor) calibrated.
    assert abs(e.serial_score * e.identity_factor - e.evidence) < 1e-6
    assert hit.score == armsmatch.calibrate(e.evidence)
    assert e.as_dict()["evidence"] == e.evidence
    assert e.as_dict()["text"] == text
    assert e.shared_with == 0 and e.as_dict()["shared_with"] == 0
    assert e.shape == "plain" and e.as_dict()["shape"] == "plain"  # one edit has no shape
    assert "DEU-1" in repr(hit)
    # Two slips of the hand (a swap and a dropped digit) against two digits replaced in
    # place (another firearm of the batch).
    slip = index.check("BA12345", make="Glock", threshold=0.0)[0].explanation
    sibling = index.check("AB723457", make="Glock", threshold=0.0)[0].explanation
    assert (slip.shape, sibling.shape) == ("slip", "sibling")
    assert "shaped like a slip" in str(slip)


def test_a_partial_serial_shares_its_probability() -> None:
    index = armsmatch.Index.build(
        [{"id": f"S-{i}", "serial": f"UMG21{i}7", "make": "Smith & Wesson"} for i in range(4)]
    )
    one = index.check("UMG2137", make="S&W")[0]
    assert one.explanation.shared_with == 0
    hits = index.check("UMG21?7", make="S&W", threshold=0.0)
    assert len(hits) == 4
    for h in hits:
        assert h.explanation.shared_with == 3
        assert h.score < armsmatch.calibrate(h.explanation.evidence) and h.score < 0.3
        assert "shared with 3 other serials" in str(h.explanation)
    assert abs(sum(h.score for h in hits) - 4 * hits[0].score) < 1e-6


def test_concurrent_checks_and_inserts(index: armsmatch.Index) -> None:
    import threading

    errors: list[BaseException] = []

    def insert() -> None:
        try:
            for i in range(200):
                index.insert({"id": f"T{i}", "serial": f"TT{i:06d}"})
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    t = threading.Thread(target=insert)
    t.start()
    for _ in range(200):
        assert ids(index.check("AB123456"))[:2] == ["DEU-1", "FRA-1"]
    t.join()
    assert not errors
    assert len(index) == 204
    assert ids(index.check("TT000123", max_edits=0)) == ["T123"]


def test_serial_only_and_threads(index: armsmatch.Index, small_queries: list[dict[str, str]]) -> None:
    # Under another make the exact serial falls below the threshold; serial_only
    # compares serials alone.
    assert index.check("XY987654", make="Glock") == []
    hit = index.check("XY987654", make="Glock", serial_only=True)[0]
    assert (hit.record_id, hit.explanation.make_match, hit.score) == ("ITA-1", "unknown", 1.0)
    assert index.check_many(small_queries, threads=1) == index.check_many(small_queries, threads=2)
    assert index.check_many(small_queries, top=1) == [
        r for r in index.check_many(small_queries) if r["rank"] == 1
    ]


def test_stats_and_trace_request() -> None:
    index = armsmatch.Index.build(
        [
            {"record_id": "DEU-1", "serial": "AB123456", "make": "Glock", "status": "stolen",
             "country": "DEU", "reported_on": "2024-01-02"},
            {"record_id": "FRA-1", "serial": "CD765432", "make": "S&W", "status": "lost",
             "country": "FRA"},
        ]
    )
    stats = index.stats()
    text = str(stats)
    assert "stolen" in text and "Smith & Wesson" in text
    hit = index.check("AB123465", make="Glock")[0]
    trace = hit.trace_request(country="NLD", agency="KLPD", case_ref="CASE-7",
                              serial="AB123465", make="Glock")
    assert trace["request"]["case_ref"] == "CASE-7"
    assert "AUT" in str(trace["request"])  # Glock is made in Austria: a suggested addressee
    assert isinstance(trace["missing"], list) and trace["missing"]
    with pytest.raises(armsmatch.InvalidInputError):
        hit.trace_request(country="Netherlands", agency="KLPD", case_ref="C", serial="AB123465")


def test_a_trace_request_describes_the_checked_firearm() -> None:
    index = armsmatch.Index.build(
        [{"record_id": "DEU-1", "serial": "AB123456", "make": "Glock", "country": "DEU"}]
    )
    hit = index.check("ab-123465", make="Glock", model="19", calibre="9mm", country="BEL")[0]
    trace = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-1")
    firearm = trace["request"]["firearm"]
    # The serial read on the seized firearm, not the record's, as in the C API.
    assert firearm["serial"] == "ab-123465"
    assert firearm["model"] == "19" and firearm["calibre"] == "9×19mm Parabellum"
    assert trace["request"]["recovery"]["country"] == "BEL"
    # Given, the serial must be the checked one (in any writing of it).
    again = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-1", serial="AB 123465")
    assert again["request"]["firearm"] == firearm | {"serial": "AB 123465"}
    with pytest.raises(armsmatch.InvalidInputError, match="not the checked serial"):
        hit.trace_request(country="NLD", agency="KLPD", case_ref="C-1", serial="AB999999")
    # An empty serial is not given (as an empty make is not).
    empty = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-1", serial="")
    assert empty["request"]["firearm"] == firearm
    too_long = "C" * (armsmatch.LIMITS["MAX_FIELD_BYTES"] + 1)
    with pytest.raises(armsmatch.LimitExceededError, match="case_ref"):
        hit.trace_request(country="NLD", agency="KLPD", case_ref=too_long)
    with pytest.raises(armsmatch.LimitExceededError, match="model"):
        hit.trace_request(country="NLD", agency="KLPD", case_ref="C-1", model=too_long)
    # What the check did not give is added; the recovery country is the check's only
    # (as in C: the requester's is not necessarily where the firearm was found).
    hit = index.check("AB123465")[0]
    trace = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-2", model="G19")
    assert trace["request"]["firearm"]["model"] == "G19"
    assert trace["request"]["firearm"]["make"] == "Glock"  # from the record
    assert trace["request"]["recovery"].get("country") is None
    # A partial check: the serial given is compared with its wildcards in place.
    hit = index.check("AB12?456")[0]
    for same in ("AB12?456", "ab-12?456"):
        firearm = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-3", serial=same)
        assert firearm["request"]["firearm"]["serial_obliterated"]
    for other in ("AB12456", "AB1?2456", "AB123456"):
        with pytest.raises(armsmatch.InvalidInputError, match="not the checked serial"):
            hit.trace_request(country="NLD", agency="KLPD", case_ref="C-3", serial=other)


def test_trace_request_uses_the_index_reference() -> None:
    # A register's own make (not in the embedded reference) is made in New Zealand: the
    # trace request suggests that country, which only the index's reference knows.
    reference = armsmatch.Reference.embedded()
    reference.extend('[[make]]\nname = "Kiwi Arms Works"\ncountry = "NZL"\n')
    index = armsmatch.Index.build(
        [{"record_id": "AUS-1", "serial": "KW551234", "make": "Kiwi Arms Works", "country": "AUS"}],
        reference=reference,
    )
    hit = index.check("KW551234", make="Kiwi Arms Works")[0]
    trace = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-9", serial="KW551234",
                              make="Kiwi Arms Works")
    assert "NZL" in str(trace["request"])


def test_calibrate_rises_and_clamps() -> None:
    grid = [armsmatch.calibrate(i / 100) for i in range(101)]
    assert grid == sorted(grid) and grid[0] == 0.0 and grid[-1] == 1.0
    assert armsmatch.calibrate(2) == 1.0 and armsmatch.calibrate(-1.0) == 0.0
    assert armsmatch.calibrate(float("nan")) == 0.0
    # The default threshold sits between an exact serial under another make and a
    # typing slip of a described firearm.
    assert armsmatch.calibrate(0.2) < armsmatch.DEFAULT_THRESHOLD < armsmatch.calibrate(0.6)
    with pytest.raises(TypeError, match="evidence"):
        armsmatch.calibrate("0.5")  # type: ignore[arg-type]


def test_info_and_stats_have_their_own_docstrings() -> None:
    info = armsmatch.Index.info.__doc__ or ""
    stats = armsmatch.Index.stats.__doc__ or ""
    assert "base_records" in info and "format_version" in info and "statistics" not in info
    assert stats.startswith("Register statistics") and "base_records" not in stats


def test_check_many_in_chunks_gives_the_results_of_one_batch() -> None:
    # More queries than one chunk (at least 2048 per chunk): the batch is checked in
    # several chunks, with Python's signal handlers run between them.
    records = synthetic_records(3_000, seed=5)
    index = armsmatch.Index.build(records)
    queries = [{"query_id": f"Q{i}", "serial": r["serial"][:-1] + "Z", "make": r["make"]}
               for i, r in enumerate(records)]
    queries += [{"query_id": f"P{i}", "serial": r["serial"][:4] + "*"} for i, r in enumerate(records[:2_000])]
    assert len(queries) > 2 * 2048
    pieces = [row for at in range(0, len(queries), 500) for row in index.check_many(queries[at:at + 500], top=3)]
    for threads in (1, 2, None):
        assert index.check_many(queries, top=3, threads=threads) == pieces
    one_by_one = [(q["query_id"], h.record_id, round(h.score, 4))
                  for q in queries[::97] for h in index.check(q["serial"], make=q.get("make"), top=3)]
    by_id = {(r["query_id"], r["record_id"], r["score"]) for r in pieces}
    assert set(one_by_one) <= by_id
    # A failing check is reported with its row number and id, wherever its chunk.
    bad = [*queries, {"query_id": "bad", "serial": "X" * 300}]
    with pytest.raises(armsmatch.LimitExceededError, match=rf'queries\[{len(queries)}\] \(query_id "bad"\)'):
        index.check_many(bad, threads=1)


def _sigint_during(call: Any, handler: Any) -> None:
    """Runs ``call()`` while another thread sends this one SIGINT (handled by ``handler``).

    With a long switch interval, the main thread gives up the GIL only where it blocks or
    releases it: for a native call that releases it (reading a file, checking a chunk),
    only inside that call. So the signal arrives while the call runs, whatever the timing.
    """
    main = threading.get_ident()
    go = threading.Event()

    def ctrl_c() -> None:
        go.wait()
        signal.pthread_kill(main, signal.SIGINT)

    old_handler = signal.signal(signal.SIGINT, handler)
    old_interval = sys.getswitchinterval()
    sender = threading.Thread(target=ctrl_c)
    sender.start()
    sys.setswitchinterval(1_000.0)
    try:
        go.set()
        call()
    finally:
        sys.setswitchinterval(old_interval)
        sender.join()
        signal.signal(signal.SIGINT, old_handler)


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs signal.pthread_kill")
def test_ctrl_c_interrupts_a_long_batch_between_chunks(tmp_path: Path) -> None:
    records = synthetic_records(2_000, seed=3)
    index = armsmatch.Index.build(records)
    path = tmp_path / "queries.csv"
    lines = [f"Q{i},{records[i % len(records)]['serial'][:-1]}Z" for i in range(12 * 2048)]
    path.write_text("query_id,serial\n" + "\n".join(lines) + "\n", encoding="utf-8")

    # Where the handler ran: a frame of this file when check_many ran it between two
    # chunks (Python code runs no other way while the native call lasts); a frame of
    # armsmatch/_frames.py if the signal waited for the hits table to be built.
    ran_in: list[str] = []

    def handler(signum: int, frame: Any) -> None:
        ran_in.append(frame.f_code.co_filename if frame is not None else "?")
        signal.default_int_handler(signum, frame)

    with pytest.raises(KeyboardInterrupt):
        _sigint_during(lambda: index.check_many(path, threads=1), handler)
    assert ran_in == [__file__]


def test_errors_skip_leaves_out_the_failing_checks_and_warns(index: armsmatch.Index) -> None:
    good = [{"query_id": "g1", "serial": "AB123456"}, {"query_id": "g2", "serial": "CD654321"}]
    bad = [{"query_id": "b1", "serial": "A?"}, {"query_id": "b2", "serial": "X" * 300},
           {"query_id": "b3", "serial": "AB123456", "country": "Germany"}]
    rows = [good[0], *bad, good[1]]
    with pytest.raises(armsmatch.InvalidInputError, match=r'queries\[1\] \(query_id "b1"\)'):
        index.check_many(rows)
    with pytest.warns(RuntimeWarning, match=r"3 of 5 checks failed and were skipped: invalid queries\[1\]") as caught:
        skipped = index.check_many(rows, errors="skip")
    assert len(caught) == 1
    assert "queries[2]" in str(caught[0].message) and "queries[3]" in str(caught[0].message)
    assert skipped == index.check_many(good)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert index.check_many(good, errors="skip") == index.check_many(good)
    with pytest.raises(armsmatch.InvalidInputError, match="errors"):
        index.check_many(good, errors="ignore")  # type: ignore[arg-type]


def test_errors_skip_leaves_out_rows_that_cannot_be_read(
    index: armsmatch.Index, tmp_path: Path
) -> None:
    # Rows of a file the command line's --skip-bad-rows skips, and values of the wrong
    # type in dicts and frames (Index.build(errors="skip") skips them alike).
    path = tmp_path / "q.csv"
    path.write_text("query_id,serial,country\nc1,AB123456,\nc2,AB123456,ZZZZZ\nc3,AB123465,\n")
    with pytest.raises(armsmatch.ParseError, match="q.csv:3:country"):
        index.check_many(str(path))
    with pytest.warns(RuntimeWarning, match=r"1 of 3 checks failed and were skipped: .*q\.csv:3:country"):
        from_file = index.check_many(str(path), errors="skip")
    assert {h["query_id"] for h in from_file} == {"c1", "c3"}
    rows: list[Any] = [{"query_id": "a", "serial": "AB\ud800"}, {"query_id": "b", "serial": 1.5},
                       "not a row", {"query_id": "d"}, {"query_id": "e", "serial": "AB123456"}]
    for i in range(4):
        with pytest.raises((armsmatch.Error, TypeError)):
            index.check_many([rows[i], rows[4]])
    with pytest.warns(RuntimeWarning, match=r"4 of 5 checks failed and were skipped") as caught:
        hits = index.check_many(rows, errors="skip")
    assert "queries[3].serial" in str(caught[0].message)
    assert hits == index.check_many([rows[4]])
    # A check that fails after skipped rows is named by its own row.
    with pytest.warns(RuntimeWarning, match=r'2 of 3 .*queries\[1\] \(query_id "q1"\)'):
        index.check_many(["not a row", {"query_id": "q1", "serial": "A*"}, rows[4]], errors="skip")
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"query_id": ["x", "y"], "serial": [1.5, "AB123456"]}, dtype=object)
    with pytest.warns(RuntimeWarning, match=r"1 of 2 checks failed and were skipped: .*queries\[0\]"):
        hits = index.check_many(frame, errors="skip")
    assert list(hits["query_id"].unique()) == ["y"]


def test_a_query_id_used_twice_is_warned_of_as_the_command_line_does(index: armsmatch.Index) -> None:
    pl = pytest.importorskip("polars")
    explicit = [{"query_id": "Q1", "serial": "AB123456"}, {"query_id": "Q1", "serial": "CD654321"}]
    with pytest.warns(RuntimeWarning, match=r'1 query id is used by more than one check \("Q1" ×2\)'):
        index.check_many(explicit)
    # A missing id falls back to the row number, which another row may have as its id.
    with pytest.warns(RuntimeWarning, match=r'"1" ×2.*\("1" at queries\[0\], queries\[1\]\)'):
        index.check_many(pl.DataFrame({"query_id": [1, None], "serial": ["AB123456", "CD654321"]}))
    # A pandas row's is its index label, which likewise may be another row's id: the
    # warning names the rows.
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"query_id": pd.array([None, 0, 7, 7, 7, 7, 7, 7], dtype="Int64"),
                          "serial": ["AB123456"] * 8})
    with pytest.warns(RuntimeWarning, match=r'2 query ids are .*\("0" at queries\[0\], queries\[1\]; '
                                            r'"7" at queries\[2\], queries\[3\], queries\[4\], '
                                            r'queries\[5\], queries\[6\], …\)$'):
        index.check_many(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        index.check_many([{"query_id": "Q1", "serial": "AB123456"}, {"query_id": "Q2", "serial": "AB123456"}])


def test_scores_read_as_their_shortest_decimal() -> None:
    index = armsmatch.Index.build([{"id": "R", "serial": "AB123456", "make": "Glock"}])
    hit = index.check("AB123465", make="Glock", model="19", threshold=0)[0]
    e = hit.explanation
    for x in (hit.score, e.serial_score, e.identity_factor, e.evidence):
        # What repr shows is the f32 the core computed, in its fewest digits.
        assert len(repr(x)) <= 12, x
    assert armsmatch.calibrate(e.evidence) == hit.score
    assert e.identity_factor == 0.9504  # 0.96 (model unknown) × 0.99 (calibre unknown)


class _Interrupted(Exception):
    """Raised by the test's SIGINT handler (not KeyboardInterrupt, which would end pytest)."""


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs signal.pthread_kill")
def test_ctrl_c_interrupts_building_from_a_file(tmp_path: Path) -> None:
    # 200,000 good rows and a bad last one (no id). A build that runs to the end fails on
    # the last row; one that looks for Ctrl-C while it reads stops before, with the
    # handler's exception.
    path = tmp_path / "records.csv"
    rows = (f"R{i},SN{i:08d},Glock" for i in range(200_000))
    path.write_text("record_id,serial,make\n" + "\n".join(rows) + "\n,SN99999999,Glock\n", encoding="utf-8")
    with pytest.raises(armsmatch.Error, match=r"records\.csv:200002:record_id"):
        armsmatch.Index.build(path)

    def handler(signum: int, frame: Any) -> None:
        raise _Interrupted

    with pytest.raises(_Interrupted):
        _sigint_during(lambda: armsmatch.Index.build(path), handler)
