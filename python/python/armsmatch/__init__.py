"""armsmatch — check seized firearms against a register of lost and stolen ones.

A seized or found firearm (make, model, serial, calibre) is checked against a register
of firearms reported lost, stolen, trafficked or smuggled. armsmatch normalizes the
identifiers, searches the register exactly, fuzzily and by partial serial, and scores
and explains every hit. All the work is done by the Rust core; this package is a thin
layer over it.

>>> import armsmatch
>>> index = armsmatch.Index.build([
...     {"id": "FRA-2023-118", "serial": "BA12O4471", "make": "Glock", "model": "19"},
...     {"id": "DEU-2024-007", "serial": "ВС 1234", "make": "Izhmash", "model": "PM"},
... ])
>>> hit = index.check("BA12O4417", make="GLOCK GmbH")[0]
>>> hit.record_id, hit.explanation.serial_match, hit.explanation.make_match
('FRA-2023-118', 'fuzzy', 'same')

The main names:

* ``Index`` — the register: ``Index.build(records)``, ``Index.open(path)``,
  ``save``, ``insert``/``update``/``remove``/``compact``, ``check`` and
  ``check_many`` (DataFrames in, DataFrames out).
* ``Hit``, ``Explanation``, ``Record`` — what a check returns.
* ``Reference`` — canonical makes, models and calibres with aliases.
* ``normalize_serial``, ``serial_keys``, ``skeleton``, ``is_placeholder_serial``,
  ``auto_edit_budget`` — the normalization rules, as functions.
* ``calibrate`` — a hit's evidence as its score (the probability that the record is
  the checked firearm); ``DEFAULT_THRESHOLD`` is 0.1 of that probability.
* ``Error`` and its subclasses — every error armsmatch raises.
* ``armsmatch.dask.check_many`` — the same checks over a Dask DataFrame.
"""

from __future__ import annotations

from ._armsmatch import (
    CORE_VERSION,
    DEFAULT_THRESHOLD,
    HIT_COLUMNS,
    LIMITS,
    ArmsmatchFileNotFoundError,
    ArmsmatchIOError,
    ArmsmatchIsADirectoryError,
    ArmsmatchPermissionError,
    CorruptIndexError,
    DuplicateIdError,
    Error,
    Explanation,
    Hit,
    Index,
    InvalidInputError,
    LimitExceededError,
    NotFoundError,
    ParseError,
    Record,
    Reference,
    Resolved,
    __version__,
    auto_edit_budget,
    calibrate,
    is_placeholder_serial,
    normalize_serial,
    serial_keys,
    skeleton,
)

__all__ = [
    "CORE_VERSION",
    "DEFAULT_THRESHOLD",
    "HIT_COLUMNS",
    "LIMITS",
    "ArmsmatchFileNotFoundError",
    "ArmsmatchIOError",
    "ArmsmatchIsADirectoryError",
    "ArmsmatchPermissionError",
    "CorruptIndexError",
    "DuplicateIdError",
    "Error",
    "Explanation",
    "Hit",
    "Index",
    "InvalidInputError",
    "LimitExceededError",
    "NotFoundError",
    "ParseError",
    "Record",
    "Reference",
    "Resolved",
    "__version__",
    "auto_edit_budget",
    "calibrate",
    "is_placeholder_serial",
    "normalize_serial",
    "serial_keys",
    "skeleton",
]
