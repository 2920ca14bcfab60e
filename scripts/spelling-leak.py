#!/usr/bin/env python3
"""How often a register-spelled make gives a labelled register's true hits away.

For each DIR (truth.csv and hits.jsonl, the hits as `armsmatch check --threshold 0 --top
10 --format jsonl --explain` writes them), counts the rank-1 fuzzy or confusable hits
whose make agrees, and how many of them are right, split by whether the check spells
the make as the record does (`same`) or names the maker another way (`alias`).
A large gap says the generator copies its records' spelling into its true hits: a
recipe of the test set, not evidence about a firearm (see benches/NOTES.md, session 18).

    python3 scripts/spelling-leak.py DIR [DIR ...]
"""
import collections
import csv
import json
import sys


def main(dirs):
    for d in dirs:
        with open(f"{d}/truth.csv", newline="", encoding="utf-8") as f:
            truth = {r["query_id"]: set(filter(None, r["record_ids"].split("|")))
                     for r in csv.DictReader(f)}
        count = collections.Counter()
        with open(f"{d}/hits.jsonl", encoding="utf-8") as f:
            for line in f:
                h = json.loads(line)
                e = h["explanation"]
                kind = (e["serial"] or {}).get("kind")
                if h["rank"] != 1 or kind not in ("fuzzy", "confusable"):
                    continue
                if e["make"] in ("same", "alias"):
                    right = h["record_id"] in truth.get(h["query_id"], ())
                    count[(e["make"], right)] += 1
        cells = []
        for m in ("same", "alias"):
            n = count[(m, True)] + count[(m, False)]
            share = 100 * count[(m, True)] / n if n else 0.0
            cells.append(f"make {m}: {share:5.1f}% right of {n:5d}")
        print(f"{d}: rank-1 fuzzy hits, " + " | ".join(cells))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
