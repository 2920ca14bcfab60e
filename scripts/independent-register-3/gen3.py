#!/usr/bin/env python3
"""Labelled synthetic firearm-register generator (standard library only).

python3 gen3.py --seed N --records 1500000 --queries 10000 --out DIR
writes DIR/records.csv, DIR/queries.csv, DIR/truth.csv
"""
import argparse
import collections
import csv
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from register import Register  # noqa: E402
from queries import QueryGen  # noqa: E402
import catalogue as C  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=1500000)
    ap.add_argument("--queries", type=int, default=10000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hit-frac", type=float, default=0.30)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    rng = random.Random(a.seed)
    reg = Register(rng, a.records)
    reg.build(os.path.join(a.out, "records.csv"))
    t1 = time.time()
    print("records: %d (%d firearms, %d reported twice, %d cross-make reused serials) in %.1fs"
          % (reg.n_written, len(reg.f_make), reg.n_dup, reg.n_cross, t1 - t0), file=sys.stderr)
    qg = QueryGen(rng, reg)
    qs = qg.generate(a.queries, a.hit_frac)
    with open(os.path.join(a.out, "queries.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["query_id", "make", "model", "serial", "calibre", "country"])
        for q in qs:
            w.writerow([q["query_id"], q["make"], q["model"], q["serial"], q["calibre"], q["country"]])
    with open(os.path.join(a.out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["query_id", "label", "noise", "record_ids"])
        for q in qs:
            w.writerow([q["query_id"], q["label"], q["noise"], q["record_ids"]])
    t2 = time.time()
    cnt = collections.Counter()
    for q in qs:
        if q["label"] == "hit":
            for k in q["noise"].split("|"):
                cnt[k] += 1
        else:
            cnt[q["noise"]] += 1
    print("queries: %d in %.1fs (hit checks regenerated for ambiguity: %d); makers: %d"
          % (len(qs), t2 - t1, qg.stats_regen, len(C.MAKERS)), file=sys.stderr)
    for k, v in sorted(cnt.items()):
        print("  %-28s %d" % (k, v), file=sys.stderr)
    print("total %.1fs" % (t2 - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
