"""Pickling an index: by path when it is identical to a file, else by bytes."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import armsmatch


def test_pickle_by_bytes(small_records: list[dict[str, str]]) -> None:
    index = armsmatch.Index.build(small_records)
    index.insert({"id": "NEW-1", "serial": "QW77881"})
    data = pickle.dumps(index)
    assert len(data) > len(index.to_bytes()) // 2  # the bytes travel
    again = pickle.loads(data)
    assert again.path is None
    assert len(again) == 5
    assert [h.as_dict() for h in again.check("QW77881")] == [h.as_dict() for h in index.check("QW77881")]


def test_pickle_by_path(tmp_path: Path, small_records: list[dict[str, str]]) -> None:
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(small_records).save(path)
    index = armsmatch.Index.open(path)
    data = pickle.dumps(index)
    assert len(data) < 1000 and str(path).encode() in data
    again = pickle.loads(data)
    assert again.path == str(path)
    assert [h.as_dict() for h in again.check("AB123456")] == [h.as_dict() for h in index.check("AB123456")]

    # Once changed, the index no longer equals the file: it pickles by bytes.
    index.insert({"id": "NEW-1", "serial": "QW77881"})
    changed = pickle.loads(pickle.dumps(index))
    assert changed.path is None and "NEW-1" in changed

    # Saving makes it equal to a file again.
    other = tmp_path / "other.armsidx"
    index.save(other)
    assert pickle.loads(pickle.dumps(index)).path == str(other)


def test_an_index_pickled_by_path_is_not_replaced_by_another_file(
    tmp_path: Path, small_records: list[dict[str, str]]
) -> None:
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(small_records).save(path)
    data = pickle.dumps(armsmatch.Index.open(path))
    # Tonight's rebuild of the register is saved over the path the pickle names.
    armsmatch.Index.build(small_records[:-1]).save(path)
    with pytest.raises(armsmatch.CorruptIndexError, match="not the index that was pickled"):
        pickle.loads(data)
    # A pickle of the file as it is now loads; saving over the file with the same
    # records (the same bytes) keeps an earlier pickle loadable.
    now = pickle.dumps(armsmatch.Index.open(path))
    armsmatch.Index.build(small_records[:-1]).save(path)
    assert len(pickle.loads(now)) == len(small_records) - 1


def test_an_open_index_whose_file_was_replaced_pickles_by_bytes(
    tmp_path: Path, small_records: list[dict[str, str]]
) -> None:
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(small_records).save(path)
    index = armsmatch.Index.open(path)
    assert index.path == str(path)
    # The file is replaced by rename, as the README advises: the open index still reads
    # the old one, is no longer identical to a file, and pickles whole.
    armsmatch.Index.build(small_records[:1]).save(path)
    assert index.path is None and index.info()["path"] is None
    again = pickle.loads(pickle.dumps(index))
    assert again.path is None and len(again) == len(index) == len(small_records)
    assert again.check("XY987654")[0].record_id == "ITA-1"
    # Removed, likewise.
    other = tmp_path / "other.armsidx"
    armsmatch.Index.build(small_records).save(other)
    index = armsmatch.Index.open(other)
    other.unlink()
    assert len(pickle.loads(pickle.dumps(index))) == len(small_records)


def test_a_copy_is_independent_and_made_from_bytes(
    tmp_path: Path, small_records: list[dict[str, str]]
) -> None:
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(small_records).save(path)
    for original in (armsmatch.Index.open(path), armsmatch.Index.build(small_records)):
        original.insert({"id": "NEW-1", "serial": "QW77881"})  # a change in the journal
        original.remove("ITA-1")
        for copied in (copy.copy(original), copy.deepcopy(original)):
            assert copied is not original and copied.path is None
            assert len(copied) == len(original) and "NEW-1" in copied and "ITA-1" not in copied
            info, copied_info = original.info(), copied.info()
            assert (copied_info["live_added"], copied_info["live_removed"]) == (
                info["live_added"], info["live_removed"]) == (1, 1)
            for serial in ("AB123456", "QW77881", "XY987654"):
                assert [h.as_dict() for h in copied.check(serial)] == [h.as_dict() for h in original.check(serial)]
            # Independent: a change to one is not seen by the other.
            original.insert({"id": "NEW-2", "serial": "ZZ998877"})
            assert "NEW-2" not in copied and not copied.check("ZZ998877")
            copied.remove("DEU-1")
            assert "DEU-1" in original
            original.remove("NEW-2")
    # Never through the file: an index identical to a file replaced since copies whole.
    index = armsmatch.Index.open(path)
    armsmatch.Index.build(small_records[:2]).save(path)
    for copied in (copy.copy(index), copy.deepcopy(index), copy.deepcopy([index])[0]):
        assert len(copied) == len(small_records) and copied.path is None
        assert copied.check("XY987654")[0].record_id == "ITA-1"


def test_pickle_in_another_process(tmp_path: Path, small_records: list[dict[str, str]]) -> None:
    path = tmp_path / "register.armsidx"
    armsmatch.Index.build(small_records).save(path)
    blob = tmp_path / "index.pickle"
    blob.write_bytes(pickle.dumps(armsmatch.Index.open(path)))
    code = (
        "import pickle, sys; ix = pickle.loads(open(sys.argv[1], 'rb').read()); "
        "print(ix.path, len(ix), ix.check('AB123456')[0].record_id)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(blob)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(path), "4", "DEU-1"]


def test_other_objects_pickle(small_records: list[dict[str, str]]) -> None:
    record = armsmatch.Record("R1", "AB1", make="Glock", reported_on="2024-01-02")
    assert pickle.loads(pickle.dumps(record)) == record
    ref = armsmatch.Reference.embedded()
    again = pickle.loads(pickle.dumps(ref))
    assert again.resolve_make("S&W") == ref.resolve_make("S&W")
    assert again.version == ref.version


def test_resolved_names_pickle() -> None:
    ref = armsmatch.Reference.embedded()
    names = [ref.resolve_make("S&W"), ref.resolve_make("Smith & Wesson"), ref.resolve_make("Acme Blasters"),
             ref.resolve_calibre("9x19"), ref.resolve_model("92FS", make="Beretta")]
    assert {n.form for n in names} >= {"alias", "canonical", "unknown"}
    for name in names:
        again = pickle.loads(pickle.dumps(name))
        assert again == name and again.as_dict() == name.as_dict()
        assert copy.copy(name) == name and copy.deepcopy(name) == name
    assert pickle.loads(pickle.dumps(names[2])).entry is None
    with pytest.raises(ValueError, match="not a pickled resolved name"):
        type(names[0])._from_state("X", "X", "nickname", None)  # type: ignore[attr-defined]


def test_hits_pickle_for_worker_processes(small_records: list[dict[str, str]]) -> None:
    index = armsmatch.Index.build(small_records)
    hits = index.check("AB123465", make="Glock") + index.check("AB12?4?6")
    assert hits
    again = pickle.loads(pickle.dumps(hits))
    assert [h.as_dict() for h in again] == [h.as_dict() for h in hits]
    assert [h.explanation.as_dict() for h in again] == [h.explanation.as_dict() for h in hits]
    assert [h.score for h in again] == [h.score for h in hits]  # bit for bit
    explanation = pickle.loads(pickle.dumps(hits[0].explanation))
    assert explanation.as_dict() == hits[0].explanation.as_dict()
    # Explanations compare and hash by value.
    assert explanation == hits[0].explanation and hash(explanation) == hash(hits[0].explanation)
    assert hits[0].explanation != hits[-1].explanation
    # A trace request gives the score as the hit does (an f32 not widened on the way).
    trace = hits[0].trace_request(country="NLD", agency="KLPD", case_ref="C-1")
    assert trace["request"]["hits"][0]["score"] == hits[0].score
    # The embedded reference is not copied into every hit.
    assert len(pickle.dumps(hits[0])) < 4000
    trace = again[0].trace_request(country="NLD", agency="KLPD", case_ref="C-1", serial="AB123465")
    assert trace == hits[0].trace_request(country="NLD", agency="KLPD", case_ref="C-1", serial="AB123465")


def test_a_pickled_hit_keeps_its_check() -> None:
    index = armsmatch.Index.build([{"record_id": "DEU-1", "serial": "AB123456", "make": "Glock"}])
    hit = index.check("AB123465", model="19", country="BEL")[0]
    again = pickle.loads(pickle.dumps(hit))
    firearm = again.trace_request(country="NLD", agency="KLPD", case_ref="C")["request"]["firearm"]
    assert (firearm["serial"], firearm["model"]) == ("AB123465", "19")
    with pytest.raises(armsmatch.InvalidInputError):
        again.trace_request(country="NLD", agency="KLPD", case_ref="C", serial="AB000000")


def test_a_pickled_hit_keeps_its_index_reference() -> None:
    reference = armsmatch.Reference.embedded()
    reference.extend('[[make]]\nname = "Kiwi Arms Works"\ncountry = "NZL"\n')
    index = armsmatch.Index.build(
        [{"record_id": "AUS-1", "serial": "KW551234", "make": "Kiwi Arms Works"}], reference=reference
    )
    hit = pickle.loads(pickle.dumps(index.check("KW551234", make="Kiwi Arms Works")[0]))
    trace = hit.trace_request(country="NLD", agency="KLPD", case_ref="C-9", serial="KW551234",
                              make="Kiwi Arms Works")
    assert "NZL" in str(trace["request"])


def test_hits_come_back_from_a_process_pool(small_records: list[dict[str, str]]) -> None:
    import concurrent.futures
    import multiprocessing

    index = armsmatch.Index.build(small_records)
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        hits = pool.submit(index.check, "XY987645", make="Beretta").result(timeout=120)
    assert [h.as_dict() for h in hits] == [h.as_dict() for h in index.check("XY987645", make="Beretta")]
