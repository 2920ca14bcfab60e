"""Fixtures shared by the suite: the shared test vectors and small registers."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import armsmatch

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "checks.json"

# Error categories of the shared vectors → exception classes.
ERROR_CATEGORIES: dict[str, type[Exception]] = {
    "INVALID_ARGUMENT": armsmatch.InvalidInputError,
    "LIMIT_EXCEEDED": armsmatch.LimitExceededError,
    "DUPLICATE_ID": armsmatch.DuplicateIdError,
    "NOT_FOUND": armsmatch.NotFoundError,
    "PARSE": armsmatch.ParseError,
    "CORRUPT_INDEX": armsmatch.CorruptIndexError,
    "IO": armsmatch.ArmsmatchIOError,
}

# The hit fields the vectors pin, in hits-column names.
HIT_FIELDS = ("record_id", "serial_match", "serial_distance", "make_match", "model_match", "calibre_match")


@pytest.fixture(scope="session")
def vectors() -> dict[str, Any]:
    with VECTORS.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@pytest.fixture(scope="session")
def vector_index(vectors: dict[str, Any]) -> armsmatch.Index:
    return armsmatch.Index.build(vectors["records"])


def synthetic_records(n: int, seed: int = 7) -> list[dict[str, str]]:
    """``n`` records with distinct random serials (letters and digits)."""
    rng = random.Random(seed)
    alphabet = "ABCDEFGHJKMNPRTWXY0123456789"
    makes = ["Glock", "Beretta", "Smith & Wesson", "Colt", "Ruger", "Taurus", "CZ", "Walther"]
    seen: set[str] = set()
    out = []
    while len(out) < n:
        serial = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 10)))
        if serial in seen:
            continue
        seen.add(serial)
        out.append({"id": f"R{len(out)}", "serial": serial, "make": rng.choice(makes)})
    return out


@pytest.fixture(scope="session")
def small_records() -> list[dict[str, str]]:
    return [
        {"id": "DEU-1", "serial": "AB123456", "make": "Glock", "model": "19", "calibre": "9mm",
         "kind": "pistol", "country": "DEU", "status": "stolen", "reported_on": "2024-01-02"},
        {"id": "FRA-1", "serial": "AB-123456", "make": "GLOCK", "country": "FRA", "status": "lost"},
        {"id": "ITA-1", "serial": "XY987654", "make": "Beretta", "model": "92FS"},
        {"id": "USA-1", "serial": "UNK", "make": "Colt", "model": "Python"},
    ]


@pytest.fixture(scope="session")
def small_queries() -> list[dict[str, str]]:
    return [
        {"query_id": "Q1", "serial": "AB123456", "make": "Glock"},
        {"query_id": "Q2", "serial": "XY987645", "make": "Beretta"},
        {"query_id": "Q3", "serial": "ZZZZ9999"},
        {"query_id": "Q4", "serial": "AB12?4?6"},
    ]
