"""DataFrame glue: the table kinds ``Index.build`` and ``Index.check_many`` accept.

The native module calls two functions here:

* ``table(obj, names, what)`` tells which kind of table ``obj`` is and hands over its
  columns as whole Python lists (one conversion per column, not a Python object per
  row and field), or, for an iterable of dicts, the iterable itself;
* ``hits_table(kind, columns)`` turns the hits columns back into that kind.

pandas, polars and pyarrow are imported only when the caller passed one of their
objects (they are found in ``sys.modules``), so none of them is a dependency.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import Any

from ._armsmatch import HIT_COLUMNS

KINDS = ("pandas", "polars", "arrow", "rows")


def kind_of(obj: Any, what: str) -> str:
    """The kind of table ``obj`` is: pandas, polars, arrow or rows."""
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(obj, pd.DataFrame):
        return "pandas"
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(obj, pl.DataFrame):
        return "polars"
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(obj, (pa.Table, pa.RecordBatch)):
        return "arrow"
    if isinstance(obj, Mapping):
        raise TypeError(f"{what}: expected a table or an iterable of dicts, got one dict (wrap it in a list)")
    if isinstance(obj, (bytes, bytearray)) or not isinstance(obj, Iterable):
        raise TypeError(
            f"{what}: expected a pandas or polars DataFrame, a pyarrow Table, an iterable of "
            f"dicts or a file path, got {type(obj).__name__}"
        )
    return "rows"


def _pandas_column(series: Any) -> list[Any]:
    # object dtype with None for every missing value (NaN, NA, NaT), so dates stay
    # Timestamps and integers stay integers.
    values: list[Any] = series.astype(object).where(series.notna(), None).tolist()
    return values


def table(obj: Any, names: list[str], what: str) -> tuple[str, Any]:
    """``(kind, data)``: ``data`` maps each of ``names`` the table has to a list of its
    values, or is ``obj`` itself for an iterable of dicts."""
    kind = kind_of(obj, what)
    if kind == "rows":
        return kind, obj
    present = [n for n in names if n in obj.columns] if kind != "arrow" else [
        n for n in names if n in obj.column_names
    ]
    if kind == "pandas":
        columns = {n: _pandas_column(obj[n]) for n in present}
    elif kind == "polars":
        columns = {n: obj.get_column(n).to_list() for n in present}
    else:
        columns = {n: obj.column(n).to_pylist() for n in present}
    return kind, columns


def hits_table(kind: str, columns: dict[str, list[Any]]) -> Any:
    """The hits columns as a table of ``kind`` (``rows``: a list of dicts)."""
    if kind == "pandas":
        import pandas as pd

        dtypes = {"str": "str", "int": "int64", "float": "float64"}
        return pd.DataFrame({n: pd.Series(columns[n], dtype=dtypes[t]) for n, t in HIT_COLUMNS})
    if kind == "polars":
        import polars as pl

        types = {"str": pl.String, "int": pl.Int64, "float": pl.Float64}
        return pl.DataFrame(columns, schema={n: types[t] for n, t in HIT_COLUMNS})
    if kind == "arrow":
        import pyarrow as pa

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        return pa.table({n: pa.array(columns[n], type=types[t]) for n, t in HIT_COLUMNS})
    names = [n for n, _ in HIT_COLUMNS]
    return [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]


def empty_hits(kind: str) -> Any:
    """A hits table of ``kind`` with no rows (typed columns; Dask's ``meta``)."""
    return hits_table(kind, {n: [] for n, _ in HIT_COLUMNS})
