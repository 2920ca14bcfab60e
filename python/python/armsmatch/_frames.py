"""DataFrame glue: the table kinds ``Index.build`` and ``Index.check_many`` accept.

The native module calls two functions here:

* ``table(obj, which, what, id_name)`` tells which kind of table ``obj`` is and hands
  over its columns as whole Python lists (one conversion per column, not a Python
  object per row and field), or, for an iterable of dicts, the iterable itself;
* ``hits_table(kind, columns, restore)`` turns the hits columns back into that kind;
* ``records_table(kind, columns)`` the records columns (``Index.records``).

pandas, polars and pyarrow are imported only when the caller passed one of their
objects (they are found in ``sys.modules``), so none of them is a dependency.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from ._armsmatch import HIT_COLUMNS
from ._armsmatch import _resolve_columns as resolve_columns

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
    if (pd is not None and isinstance(obj, pd.Series)) or (pl is not None and isinstance(obj, pl.Series)):
        raise TypeError(f"{what}: expected a DataFrame, got a Series (one column): pass a frame "
                        "with a serial column, e.g. series.to_frame('serial')")
    if isinstance(obj, io.IOBase) or (callable(getattr(obj, "read", None))
                                      and callable(getattr(obj, "readline", None))):
        name = getattr(obj, "name", None)
        hint = f" ({name!r})" if isinstance(name, str) else ""
        raise TypeError(f"{what}: got an open file{hint}: pass its path, not an open file "
                        "(the file is read and its format told by armsmatch)")
    if isinstance(obj, Mapping):
        if obj and all(isinstance(v, (list, tuple)) for v in obj.values()):
            raise TypeError(f"{what}: expected a table or an iterable of dicts, got a dict of "
                            "columns: make it a DataFrame (pd.DataFrame(data) or pl.DataFrame(data))")
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
    try:
        values: list[Any] = series.astype(object).where(series.notna(), None).tolist()
    except (TypeError, ValueError, NotImplementedError):
        # An Arrow-backed column that conversion has no kernel for (pyarrow's
        # ArrowNotImplementedError for `pd.ArrowDtype(pa.string_view())`): its values as
        # tolist() gives them; the native module reads pd.NA, NaN and NaT as missing.
        values = series.tolist()
    return values


# From these on, a float32 (float16) no longer tells every whole number apart: the
# column may already hold another number than the one registered (16777217 read as
# float32 is 16777216), and reading it as that number would index the wrong serial.
_EXACT_FLOAT = {"float32": 2.0**24, "float16": 2.0**11}


def _float_width(obj: Any, kind: str, name: Any) -> str | None:
    """``float32``/``float16`` if column ``name`` has that narrow float type, else None."""
    if kind == "pandas":
        dtype = obj[name].dtype
        arrow_type = getattr(dtype, "pyarrow_dtype", None)
        text = str(arrow_type if arrow_type is not None else dtype).lower()
        return {"float32": "float32", "float": "float32", "float16": "float16",
                "halffloat": "float16"}.get(text)
    if kind == "polars":
        text = str(obj.get_column(name).dtype).lower()
        return text if text in _EXACT_FLOAT else None
    import pyarrow as pa

    t = obj.column(name).type
    return "float32" if pa.types.is_float32(t) else "float16" if pa.types.is_float16(t) else None


# How each library reads an identifier column as text.
_AS_TEXT = {
    "pandas": "pandas.read_csv(..., dtype=str)",
    "polars": "polars.read_csv(..., infer_schema=False) or .cast(polars.Utf8)",
    "arrow": "pyarrow.csv.read_csv(..., convert_options=ConvertOptions(column_types=...)) "
             "or .cast(pyarrow.string())",
}


def _refuse_inexact_floats(obj: Any, kind: str, name: Any, values: list[Any], what: str) -> None:
    """Refuses a narrow float column holding a whole number past what it holds exactly."""
    width = _float_width(obj, kind, name)
    if width is None:
        return
    exact = _EXACT_FLOAT[width]
    for v in values:
        try:
            x = float(v)  # numpy's float32 is no Python float
        except (TypeError, ValueError):
            continue
        # At the bound itself the number may be a rounded neighbour already.
        if x == x and abs(x) >= exact:
            raise TypeError(
                f"{what}: column {str(name)!r} is {width}, which tells whole numbers apart only "
                f"below {int(exact):,}; {x:.0f} may be another number than the one written: "
                f"read the column as text, e.g. {_AS_TEXT.get(kind, _AS_TEXT['pandas'])}")


def _column_names(obj: Any, kind: str) -> list[Any]:
    """Every column name of the table, as the table holds them."""
    names = obj.column_names if kind == "arrow" else obj.columns
    return list(names)


def _is_integer_column(obj: Any, kind: str, name: str) -> bool:
    """True if column ``name`` has an integer type and no missing value."""
    if kind == "pandas":
        import pandas as pd

        series = obj[name]
        arrow_type = getattr(series.dtype, "pyarrow_dtype", None)
        if arrow_type is not None:
            # pandas' ArrowDtype: asked of its Arrow type (pandas cannot tell the scalar
            # type of every one: string_view raises NotImplementedError).
            import pyarrow as pa

            integer = bool(pa.types.is_integer(arrow_type))
        else:
            integer = bool(pd.api.types.is_integer_dtype(series.dtype))
        return integer and not bool(series.isna().any())
    if kind == "polars":
        series = obj.get_column(name)
        return bool(series.dtype.is_integer()) and series.null_count() == 0
    import pyarrow as pa

    column = obj.column(name)
    return bool(pa.types.is_integer(column.type)) and column.null_count == 0


def table(obj: Any, which: str, what: str, id_name: str | None = None) -> tuple[str, Any, list[str], Any]:
    """``(kind, data, found, restore)``.

    ``data`` maps the name of each column of ``which`` (``records`` or ``checks``) the
    table has to a list of its values, or is ``obj`` itself for an iterable of dicts.
    Which column a table's column is read as is the native module's rule, the file
    readers' (``Serial Number`` is ``serial``, an exact name wins over an alias, two
    names of one column are refused). ``found`` lists every column name of the table
    (for error messages). ``id_name`` is the query id column (queries only): a pandas
    frame without one gets its index labels, as text, as the ids (and a missing id is
    its row's label); polars and Arrow rows are numbered by the native module.
    ``restore`` is what ``hits_table`` needs to give the hits' ``query_id`` column the
    query id column's integer type (None: text).
    """
    pl = sys.modules.get("polars")
    if pl is not None and isinstance(obj, pl.LazyFrame):
        # A lazy query is run here: its rows are what is checked or built.
        obj = obj.collect()
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(obj, pa.RecordBatchReader):
        # A stream of record batches is read whole, as a Table.
        obj = obj.read_all()
    kind = kind_of(obj, what)
    if kind == "rows":
        return kind, obj, [], None
    raw = _column_names(obj, kind)
    found = [str(n) for n in raw]
    read_as = resolve_columns(which, found, what)
    present = [(n, c) for n, c in zip(raw, read_as) if c is not None]
    if kind == "pandas":
        columns = {c: _pandas_column(obj[n]) for n, c in present}
    elif kind == "polars":
        columns = {c: obj.get_column(n).to_list() for n, c in present}
    else:
        columns = {c: obj.column(n).to_pylist() for n, c in present}
    for n, c in present:
        _refuse_inexact_floats(obj, kind, n, columns[c], what)
    restore = None
    if id_name:
        source = next((n for n, c in present if c == id_name), None)
        if source is None:
            if kind == "pandas":
                if not obj.index.is_unique:
                    # The labels name the checks; a repeated one would give two seized
                    # firearms' hits one id (a frame of `pd.concat` without
                    # `ignore_index`), and a join on it pairs each with the other's case.
                    label = obj.index[obj.index.duplicated()][0]
                    raise ValueError(
                        f"{what}: the frame has no query_id column, so its index labels name "
                        f"the checks, and the label {str(label)!r} is on more than one row: give "
                        "the frame a unique index (reset_index(drop=True), or pd.concat(..., "
                        "ignore_index=True)) or a query_id column")
                columns[id_name] = [str(label) for label in obj.index]
        else:
            ids = columns[id_name]
            if kind == "pandas" and any(v is None for v in ids):
                columns[id_name] = [str(label) if v is None else v for v, label in zip(ids, obj.index)]
            if _is_integer_column(obj, kind, source):
                restore = {"query_id": obj[source].dtype if kind == "pandas" else (
                    obj.get_column(source).dtype if kind == "polars" else obj.column(source).type)}
    return kind, columns, found, restore


def hits_table(kind: str, columns: dict[str, list[Any]], restore: Any = None) -> Any:
    """The hits columns as a table of ``kind`` (``rows``: a list of dicts). ``restore``:
    from ``table``; the ``query_id`` column gets the queries' integer type."""
    id_type = restore.get("query_id") if restore else None
    if kind == "pandas":
        import pandas as pd

        dtypes: dict[str, Any] = {"str": "str", "int": "int64", "float": "float64"}
        frame = {n: pd.Series(columns[n], dtype=dtypes[t]) for n, t in HIT_COLUMNS}
        if id_type is not None:
            frame["query_id"] = pd.Series([int(x) for x in columns["query_id"]], dtype=id_type)
        return pd.DataFrame(frame)
    if kind == "polars":
        import polars as pl

        types: dict[str, Any] = {"str": pl.String, "int": pl.Int64, "float": pl.Float64}
        schema = {n: types[t] for n, t in HIT_COLUMNS}
        if id_type is not None:
            schema["query_id"] = id_type
            columns = {**columns, "query_id": [int(x) for x in columns["query_id"]]}
        return pl.DataFrame(columns, schema=schema)
    if kind == "arrow":
        import pyarrow as pa

        arrow_types: dict[str, Any] = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        arrays = {n: pa.array(columns[n], type=arrow_types[t]) for n, t in HIT_COLUMNS}
        if id_type is not None:
            arrays["query_id"] = pa.array([int(x) for x in columns["query_id"]], type=id_type)
        return pa.table(arrays)
    names = [n for n, _ in HIT_COLUMNS]
    return [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]



def records_table(kind: str, columns: dict[str, list[str | None]]) -> Any:
    """The records columns (text, None when unknown) as a table of ``kind`` (``rows``: a
    list of dicts)."""
    names = list(columns)
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame({n: pd.Series(columns[n], dtype="str") for n in names})
    if kind == "polars":
        import polars as pl

        return pl.DataFrame(columns, schema={n: pl.String for n in names})
    if kind == "arrow":
        import pyarrow as pa

        return pa.table({n: pa.array(columns[n], type=pa.string()) for n in names})
    return [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]
