"""The shared test vectors (tests/vectors/checks.json): the same hits as the Rust and C
suites, through check() and check_many()."""

from __future__ import annotations

from typing import Any

import pytest

import armsmatch
from conftest import ERROR_CATEGORIES, HIT_FIELDS, VECTORS


def _cases() -> list[Any]:
    import json

    with VECTORS.open(encoding="utf-8") as f:
        return [pytest.param(c, id=c["name"]) for c in json.load(f)["cases"]]


def _options(case: dict[str, Any]) -> dict[str, Any]:
    options = {k: v for k, v in (case.get("options") or {}).items() if v is not None}
    return options


@pytest.mark.parametrize("case", _cases())
def test_check_gives_the_expected_hits(vector_index: armsmatch.Index, case: dict[str, Any]) -> None:
    query = case["query"]
    options = _options(case)
    if case.get("expect_error"):
        expected = ERROR_CATEGORIES[case["expect_error"]]
        with pytest.raises(expected) as info:
            vector_index.check(**query, **options)
        assert type(info.value) is expected
        assert case["expect"] == []
        return
    hits = vector_index.check(**query, **options)
    got = [
        {
            "record_id": h.record_id,
            "serial_match": h.explanation.serial_match,
            "serial_distance": h.explanation.serial_distance,
            "make_match": h.explanation.make_match,
            "model_match": h.explanation.model_match,
            "calibre_match": h.explanation.calibre_match,
            "shape": h.explanation.shape,
        }
        for h in hits
    ]
    # The shape of the serial edits is "plain" unless the vector says otherwise.
    want = [{**{k: e[k] for k in HIT_FIELDS}, "shape": e.get("shape", "plain")} for e in case["expect"]]
    assert got == want
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    threshold = options.get("threshold", armsmatch.DEFAULT_THRESHOLD)
    assert all(threshold - 1e-6 <= s <= 1.0 for s in scores)


@pytest.mark.parametrize("case", _cases())
def test_check_many_rows_equal_check(vector_index: armsmatch.Index, case: dict[str, Any]) -> None:
    query = {"query_id": "only", **case["query"]}
    options = _options(case)
    if case.get("expect_error"):
        expected = ERROR_CATEGORIES[case["expect_error"]]
        with pytest.raises(expected) as info:
            vector_index.check_many([query], **options)
        # The message says which query failed.
        assert 'query_id "only"' in str(info.value) or "max_edits" in str(info.value)
        return
    rows = vector_index.check_many([query], **options)
    assert [{k: r[k] for k in HIT_FIELDS} for r in rows] == [{k: e[k] for k in HIT_FIELDS} for e in case["expect"]]
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert all(r["query_id"] == "only" for r in rows)


def test_vectors_cover_errors_and_hits(vectors: dict[str, Any]) -> None:
    cases = vectors["cases"]
    assert any(c.get("expect_error") for c in cases)
    assert any(c["expect"] for c in cases)
