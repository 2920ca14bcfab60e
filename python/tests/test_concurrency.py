"""One Index shared by Python threads: checkers on every core while a writer inserts,
removes and compacts, and another thread saves. Fixed operation counts (the writer's
work); the checkers check as often as they can meanwhile, each asserting what must hold
when its check started: an inserted record is found, a removed one is not.
"""

from __future__ import annotations

import os
import random
import threading
from pathlib import Path

import pytest

import armsmatch

BASE = 5_000
INSERTS = 900
REMOVES = INSERTS // 3


def base_serial(i: int) -> str:
    return f"PB{(i * 7919 + 13) % 100_000_000:08d}"


def inserted_serial(j: int) -> str:
    return f"PI{(j * 104729 + 7) % 100_000_000:08d}"


def removed_base(k: int) -> int:
    return k * 7 % BASE


def finds(index: armsmatch.Index, serial: str, record_id: str) -> bool:
    return any(h.record_id == record_id for h in index.check(serial, serial_only=True))


def test_checks_while_writing_compacting_and_saving(tmp_path: Path) -> None:
    index = armsmatch.Index.build([{"id": f"B-{i:06d}", "serial": base_serial(i)} for i in range(BASE)])
    state = {"inserted": 0, "removed": 0}
    done = threading.Event()
    errors: list[str] = []
    counts: list[int] = []
    saves = [0]

    def writer() -> None:
        try:
            for j in range(INSERTS):
                index.insert({"id": f"I-{j:06d}", "serial": inserted_serial(j)})
                state["inserted"] = j + 1
                if j % 3 == 2:
                    k = state["removed"]
                    index.remove(f"B-{removed_base(k):06d}")
                    state["removed"] = k + 1
                if j % 300 == 299:
                    index.compact()
        except Exception as e:  # reported below; a dead writer must not hang the test
            errors.append(f"writer: {e!r}")
        finally:
            done.set()

    def saver() -> None:
        path = tmp_path / "live.armsidx"
        while not done.is_set() or saves[0] == 0:
            index.compact()
            index.save(path)
            n = len(armsmatch.Index.open(path))
            # At most the final count and one more: a save may fall between the last
            # insert and the remove that pairs with it.
            if not BASE <= n <= BASE - REMOVES + INSERTS + 1:
                errors.append(f"a saved index has {n} records")
            saves[0] += 1

    def checker(seed: int) -> None:
        rng = random.Random(seed)
        checks = 0
        while not done.is_set() or checks < 50:
            n = state["inserted"]
            if n:
                j = rng.randrange(n)
                if not finds(index, inserted_serial(j), f"I-{j:06d}"):
                    errors.append(f"I-{j:06d} inserted but not found")
            r = state["removed"]
            if r:
                i = removed_base(rng.randrange(r))
                if finds(index, base_serial(i), f"B-{i:06d}") or f"B-{i:06d}" in index:
                    errors.append(f"B-{i:06d} removed but still there")
            # A batch, with the GIL released: the same answers.
            queries = [{"query_id": str(k), "serial": base_serial((k * 13) % BASE)} for k in range(64)]
            hits = index.check_many(queries, serial_only=True, threads=1)
            assert isinstance(hits, list)
            checks += 3
        counts.append(checks)

    threads = [threading.Thread(target=checker, args=(s,)) for s in range((os.cpu_count() or 2) + 1)]
    threads += [threading.Thread(target=writer), threading.Thread(target=saver)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [], errors[:10]

    # Afterwards, live and after a final compaction and a save/open round trip.
    path = tmp_path / "final.armsidx"
    for how in ("live", "compacted", "reopened"):
        if how == "compacted":
            index.compact()
        if how == "reopened":
            index.save(path)
            index = armsmatch.Index.open(path)
        assert len(index) == BASE - REMOVES + INSERTS, how
        queries = [{"query_id": f"I-{j:06d}", "serial": inserted_serial(j)} for j in range(INSERTS)]
        found = {(row["query_id"], row["record_id"]) for row in index.check_many(queries, serial_only=True)}
        missing = [j for j in range(INSERTS) if (f"I-{j:06d}", f"I-{j:06d}") not in found]
        assert missing == [], f"{how}: inserted but not found: {missing[:10]}"
        for k in range(REMOVES):
            i = removed_base(k)
            assert f"B-{i:06d}" not in index, how
            assert not finds(index, base_serial(i), f"B-{i:06d}"), how
    assert sum(counts) > 0 and saves[0] > 0


def test_threads_sharing_one_index_get_the_same_answers() -> None:
    """check_many on several threads at once equals check_many alone."""
    records = [{"id": f"R{i}", "serial": base_serial(i)} for i in range(2_000)]
    index = armsmatch.Index.build(records)
    queries = [{"query_id": str(i), "serial": base_serial(i)[:-1] + "9"} for i in range(0, 2_000, 7)]
    want = index.check_many(queries)
    results: list[object] = []

    def run() -> None:
        results.append(index.check_many(queries, threads=2))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert all(r == want for r in results)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork exists on POSIX only")
def test_a_forked_child_can_build_open_and_check(tmp_path: Path) -> None:
    # The parent has used every parallel path (build, save, open, batch check); with a
    # process-wide worker pool the child would inherit the pool without its threads and
    # hang on its first parallel call. A hang is a failure here, not a slow pass: the
    # child is killed after a generous deadline.
    import signal
    import time
    import warnings

    records = [{"id": f"F-{i:05d}", "serial": base_serial(i)} for i in range(2_000)]
    index = armsmatch.Index.build(records)
    path = tmp_path / "fork.armsidx"
    index.save(path)
    opened = armsmatch.Index.open(path)
    serials = [base_serial(i) for i in range(0, 2_000, 7)]
    want = opened.check_many([{"query_id": str(i), "serial": s} for i, s in enumerate(serials)])
    with warnings.catch_warnings():
        # Python 3.12+ warns on fork() in a process with threads (the library's have
        # ended; pytest's or another test's may not have): that is what this tests.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: exit code 0 only if every parallel path works and agrees
        code = 1
        try:
            again = armsmatch.Index.open(path)
            rebuilt = armsmatch.Index.build(records)
            got = again.check_many([{"query_id": str(i), "serial": s} for i, s in enumerate(serials)])
            got2 = rebuilt.check_many([{"query_id": str(i), "serial": s} for i, s in enumerate(serials)])
            code = 0 if got == want and got2 == want else 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 120
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the forked child hung on a parallel call")
        time.sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
