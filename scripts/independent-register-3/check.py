#!/usr/bin/env python3
"""Sanity checks of a generated data set: python3 check.py DIR"""
import collections
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogue as C  # noqa: E402
import noise as N  # noqa: E402


def main(d):
    spell = {}
    for m in C.MAKERS:
        for a in [m.name, m.name.upper()] + m.aliases + m.misspell:
            spell.setdefault(a, m.idx)
    recs = {}
    by_make = collections.defaultdict(set)
    ids = set()
    with open(os.path.join(d, "records.csv"), encoding="utf-8") as fh:
        r = csv.reader(fh)
        hdr = next(r)
        assert hdr == ["record_id", "make", "model", "serial", "calibre", "type",
                       "country", "status", "reported_on"], hdr
        for row in r:
            assert row[0] not in ids, row[0]
            ids.add(row[0])
            recs[row[0]] = row
            m = spell.get(row[1])
            if m is not None:
                by_make[m].add(N.norm(row[3]))
    qs = {}
    with open(os.path.join(d, "queries.csv"), encoding="utf-8") as fh:
        r = csv.reader(fh)
        assert next(r) == ["query_id", "make", "model", "serial", "calibre", "country"]
        for row in r:
            qs[row[0]] = row
    bad = collections.Counter()
    n = collections.Counter()
    with open(os.path.join(d, "truth.csv"), encoding="utf-8") as fh:
        r = csv.reader(fh)
        assert next(r) == ["query_id", "label", "noise", "record_ids"]
        for qid, label, noise, rids in r:
            q = qs[qid]
            n[label] += 1
            if label == "hit":
                rl = rids.split("|")
                assert all(x in recs for x in rl), rids
                kinds = noise.split("|")
                assert 1 <= len(kinds) <= 3
                qn, rn = N.norm(q[3]), N.norm(recs[rl[0]][3])
                if "typo1" in kinds or "typo2" in kinds:
                    want = 1 if "typo1" in kinds else 2
                    if not any(N.osa(qn, N.norm(recs[x][3])) == want for x in rl):
                        bad["typo_dist"] += 1
                if kinds == ["exact"] and qn != rn and q[3] not in [recs[x][3] for x in rl]:
                    bad["exact_differs"] += 1
            else:
                m = spell.get(q[1])
                if m is None:
                    continue
                if noise in ("non_hit:sibling", "non_hit:fresh", "non_hit:other_make"):
                    if N.norm(q[3]) in by_make[m]:
                        bad[noise + "_registered"] += 1
                if noise == "non_hit:wildcard_nothing":
                    rx = re.compile("^" + N.norm_pattern(q[3]).replace("?", ".").replace("*", ".*") + "$")
                    if any(rx.match(s) for s in by_make[m]):
                        bad["wildcard_matches"] += 1
    print("records", len(recs), "queries", dict(n), "problems", dict(bad))


if __name__ == "__main__":
    main(sys.argv[1])
