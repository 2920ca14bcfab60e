"""Checks over a Dask DataFrame: each worker process memory-maps the index file once.

>>> import dask.dataframe as dd
>>> import armsmatch.dask
>>> hits = armsmatch.dask.check_many(dd.read_csv("queries-*.csv"), "register.armsidx", top=5)
>>> hits.compute()  # doctest: +SKIP

The index travels as a path, not as bytes: every worker process opens the file the
first time a partition needs it and keeps it open (``open_cached``), so a 1.5 M-record
register is mapped once per process, not shipped with every task. The file must be
readable at the same path on every worker and must not change while the graph runs.
"""

from __future__ import annotations

import os
import threading
import warnings
from typing import Any, Literal, SupportsIndex

from ._armsmatch import Index

__all__ = ["check_many", "open_cached", "opened"]

_open: dict[str, tuple[tuple[int, int, int], Index]] = {}
_opens = 0
_lock = threading.Lock()


def opened() -> dict[str, int]:
    """What ``open_cached`` did in this process: ``{"files": ..., "opens": ...}`` (the
    index files it holds open, and how many times it opened one)."""
    with _lock:
        return {"files": len(_open), "opens": _opens}


def open_cached(path: str | os.PathLike[str]) -> Index:
    """The index at ``path``, opened once per process (again only if the file was
    replaced: another inode, size or modification time)."""
    global _opens
    path = os.path.abspath(os.fspath(path))
    try:
        st = os.stat(path)
    except OSError:
        # Missing or unreadable: the error Index.open raises (an armsmatch.Error).
        return Index.open(path)
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    with _lock:
        cached = _open.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        index = Index.open(path)
        _opens += 1
        _open[path] = (stamp, index)
        return index


def _check_partition(part: Any, path: str, options: dict[str, Any]) -> Any:
    # A pandas partition keeps the whole frame's index labels, which are the query ids
    # when there is no query_id column, as for check_many on the whole frame.
    return open_cached(path).check_many(part, **options)


def check_many(
    ddf: Any,
    index_path: str | os.PathLike[str],
    *,
    top: SupportsIndex = 10,
    threshold: float | None = None,
    max_edits: SupportsIndex | None = None,
    serial_only: bool = False,
    threads: SupportsIndex | None = None,
    errors: Literal["raise", "skip"] = "raise",
) -> Any:
    """``Index.check_many`` over a Dask DataFrame of queries, partition by partition
    (``map_partitions``); returns a lazy Dask DataFrame of hits with the hits columns.

    Query ids are those ``Index.check_many`` gives the computed frame: without a
    ``query_id`` column, the frame's index labels, as text (``dd.read_csv`` restarts
    the index at 0 in every partition, so give such a frame a ``query_id`` column: a
    frame of several partitions with neither a ``query_id`` column nor known
    divisions gets a ``UserWarning``, as its ids may repeat); an integer ``query_id``
    column keeps its type. ``threads`` bounds the threads one partition's checks use
    (default: all cores of the worker); with several worker processes on one machine,
    ``threads=1`` avoids oversubscription. ``errors="skip"`` leaves out the checks
    that fail, as ``Index.check_many`` does (each partition with such checks warns, in
    the worker that checked it), instead of failing the whole computation.
    """
    path = os.path.abspath(os.fspath(index_path))
    # Fail here, on the client, rather than in every task.
    index = open_cached(path)
    options: dict[str, Any] = {
        "top": top,
        "threshold": threshold,
        "max_edits": max_edits,
        "serial_only": serial_only,
        "threads": threads,
        "errors": errors,
    }
    if "query_id" not in ddf.columns and ddf.npartitions > 1 and not ddf.known_divisions:
        warnings.warn(
            "armsmatch.dask.check_many: the frame has no query_id column and its index "
            "labels (the query ids then) may repeat across its partitions (dd.read_csv "
            "restarts them at 0 in each): give it a query_id column",
            UserWarning,
            stacklevel=2,
        )
    # The hits of the frame's empty meta: typed columns (query_id as the queries'), and
    # a missing column or a bad option is reported here too.
    meta = index.check_many(ddf._meta, **options)
    return ddf.map_partitions(_check_partition, path, options, meta=meta)
