#!/usr/bin/env python3
"""Re-fits the calibration table of core/src/score.rs (`CALIBRATION`) from labelled
synthetic registers: run it after changing a cost or a factor of the score.

    scripts/fit-calibration.py [--seeds 42,1,2,3,4,5] [--work DIR] [--bin PATH]

For each seed it generates a register (1.5 M records, 10,000 checks) with
`armsmatch generate`, builds its index, and checks every query with `--top 10
--threshold 0` (every candidate scored). Each reported hit gives one pair (evidence,
correct): evidence = serial_score x identity_factor from the explanation, correct =
the record is one of the checked firearm's (truth.csv). It then

1. fits "correct" on the evidence by isotonic regression (pool adjacent violators),
2. reads the fit off at the table's evidence knots, averaged over a window of
   +-0.025 around each (the isotonic steps are noisy where hits are few),
3. prints the pooled counts and the new table as Rust, strictly rising.

Check the result on a seed it was not fitted on with `armsmatch eval` (the reliability
table, Brier score and calibration error). Needs only the Python standard library.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

KNOTS = [0.22, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.625, 0.65, 0.675, 0.70,
         0.725, 0.75, 0.80, 0.85, 0.99]
WINDOW = 0.025


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def pairs(binary: str, work: Path, seed: int) -> list[tuple[float, bool]]:
    d = work / f"seed{seed}"
    if not (d / "truth.csv").exists():
        run([binary, "generate", "--seed", str(seed), "--out", str(d)])
    if not (d / "index.armsidx").exists():
        run([binary, "build", "--records", str(d / "records.csv"),
             "--out", str(d / "index.armsidx")])
    hits = d / "hits.jsonl"
    if not hits.exists():
        run([binary, "check", "--index", str(d / "index.armsidx"),
             "--queries", str(d / "queries.csv"), "--top", "10", "--threshold", "0",
             "--format", "jsonl", "--explain", "--out", str(hits)])
    truth = {}
    with open(d / "truth.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            truth[row["query_id"]] = set(filter(None, row["record_ids"].split("|")))
    out = []
    with open(hits, encoding="utf-8") as f:
        for line in f:
            h = json.loads(line)
            e = h["explanation"]
            evidence = min(max(e["serial_score"] * e["identity_factor"], 0.0), 1.0)
            out.append((evidence, h["record_id"] in truth.get(h["query_id"], ())))
    return out


def isotonic(xy: list[tuple[float, bool]]) -> list[tuple[float, float, float, int]]:
    """Pool adjacent violators: blocks (first x, last x, mean y, n), rising in y."""
    blocks: list[list[float]] = []  # [sum y, n, first x, last x]
    for x, y in sorted(xy):
        blocks.append([float(y), 1.0, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, n, _, last = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
            blocks[-1][3] = last
    return [(b[2], b[3], b[0] / b[1], int(b[1])) for b in blocks]


def fit_at(blocks: list[tuple[float, float, float, int]], x: float) -> float:
    # The block holding x, or (between blocks) the next one.
    for _, last, p, _ in blocks:
        if x <= last:
            return p
    return blocks[-1][2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="42,1,2,3,4,5")
    ap.add_argument("--work", default=os.environ.get("TMPDIR", "/tmp") + "/armsmatch-calibration")
    ap.add_argument("--bin", default="target/release/armsmatch")
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    xy: list[tuple[float, bool]] = []
    for s in a.seeds.split(","):
        xy += pairs(a.bin, work, int(s))
    blocks = isotonic(xy)
    print(f"{len(xy)} hits from seeds {a.seeds}; {sum(y for _, y in xy)} correct")
    print(f"{'evidence':>8} {'hits':>7} {'window':>8} {'isotonic':>9}")
    table = [(0.0, 0.0)]
    for n, k in enumerate(KNOTS):
        w = [y for x, y in xy if k - WINDOW <= x < k + WINDOW]
        mean = sum(w) / len(w) if w else float("nan")
        iso = fit_at(blocks, k)
        print(f"{k:>8.3f} {len(w):>7} {mean:>8.4f} {iso:>9.4f}")
        p = (mean + iso) / 2 if w else iso
        # Strictly rising, below 1 (only the exact, fully described serial is 1): the
        # cap leaves each later knot room to rise.
        p = min(max(p, table[-1][1] + 1e-4), 0.999 - 1e-4 * (len(KNOTS) - 1 - n))
        table.append((k, p))
    table.append((1.0, 1.0))
    print(f"\nconst CALIBRATION: [(f32, f32); {len(table)}] = [")
    for e, p in table:
        print(f"    ({e}, {p:.4g}),")
    print("];")
    return 0


if __name__ == "__main__":
    sys.exit(main())
