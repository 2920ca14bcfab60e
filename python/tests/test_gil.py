"""check_many releases the GIL: another Python thread runs while it works.

Measured with counters, not timings: the thread switch interval is raised so far that
the calling thread keeps the GIL unless it lets go of it. A counter thread that gives
up the GIL after every increment can then only advance during the call if the call
released the GIL. A pure-Python call of similar length is the control: there the
counter must stand still, which shows the method can tell the two apart.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import armsmatch
from conftest import synthetic_records


@pytest.fixture(scope="module")
def big() -> tuple[armsmatch.Index, list[dict[str, str]]]:
    records = synthetic_records(20_000)
    index = armsmatch.Index.build(records)
    # Each query one edit away from a record: fuzzy walks, the slow path.
    queries = [{"query_id": str(i), "serial": r["serial"][:-1] + "Z"} for i, r in enumerate(records)]
    return index, queries


@pytest.fixture()
def counter() -> Iterator[Callable[[], int]]:
    count = 0
    stop = threading.Event()

    def run() -> None:
        nonlocal count
        while not stop.is_set():
            count += 1
            time.sleep(0)  # gives up the GIL, so the caller can take it back

    old = sys.getswitchinterval()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    while count == 0:  # running before the switch interval goes up
        time.sleep(0.001)
    sys.setswitchinterval(100.0)
    try:
        yield lambda: count
    finally:
        sys.setswitchinterval(old)
        stop.set()
        t.join()


def _during(call: Callable[[], Any], count: Callable[[], int]) -> int:
    before = count()
    call()
    return count() - before


def test_check_many_releases_the_gil(big: tuple[armsmatch.Index, list[dict[str, str]]],
                                     counter: Callable[[], int]) -> None:
    index, queries = big
    progressed = _during(lambda: index.check_many(queries, threads=1), counter)
    assert progressed > 0


def test_control_pure_python_holds_the_gil(counter: Callable[[], int]) -> None:
    def busy() -> None:
        total = 0
        for i in range(2_000_000):
            total += i

    assert _during(busy, counter) == 0
