#!/usr/bin/env python3
"""How far could *any* scoring of armsmatch's hits go? An upper-bound experiment.

Trains a gradient-boosted classifier (scikit-learn) on every feature a hit carries —
serial score, identity factor, each field's match kind, the count and place of each
edit kind, key length and density, length change, and the hit's competition within its
check (rank, best and second-best evidence) — on the labelled hits of one register, and
scores the hits of another with it. The hold-out recall@1 at fixed false-hit rates is
then compared with the library's own score on the same hits. If a flexible model that
sees everything cannot separate true hits from non-hits, no hand-set cost or weight
can: what is left needs evidence the checks do not carry.

Usage (hits files as `scripts/fit-calibration.py` writes them: `armsmatch check --top
10 --threshold 0 --format jsonl --explain`):

    python3 -m venv /tmp/sep && /tmp/sep/bin/pip install scikit-learn
    /tmp/sep/bin/python scripts/separability.py --train DIR_A --test DIR_B

Each DIR holds truth.csv and hits.jsonl.

A second model is trained blind to spelling: a make, model or calibre named by an
alias counts as the same name. The generators make a true hit by copying a register
record and adding noise, so a check spelled exactly as its record is a true hit far
more often than one naming the same maker another way; a non-hit names its maker as
its author chose. That tells the generator's recipe, not the firearm: an officer
reading `GLOCK` off a slide has no reason to spell it as the register's `Glock GmbH`.
The spelling-blind row is the honest upper bound.
"""
import argparse
import collections
import csv
import json

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

OPS = ["substitution", "keyboard", "rare_confusion", "confusable", "transposition",
       "insertion", "deletion", "leading_zero", "inner_letter", "stutter"]
FIELDS = ("same", "alias", "similar", "different", "unknown")
KINDS = ("exact", "normalized", "confusable", "fuzzy", "partial", "none")


def load(d):
    truth, noise = {}, {}
    with open(f"{d}/truth.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            truth[r["query_id"]] = set(filter(None, r["record_ids"].split("|")))
            noise[r["query_id"]] = r["noise"]
    hits = collections.defaultdict(list)
    with open(f"{d}/hits.jsonl", encoding="utf-8") as f:
        for line in f:
            h = json.loads(line)
            hits[h["query_id"]].append(h)
    rows, y, qid, score = [], [], [], []
    for q, hs in hits.items():
        ev = [h["explanation"]["serial_score"] * h["explanation"]["identity_factor"]
              for h in hs]
        for i, h in enumerate(hs):
            e = h["explanation"]
            s = e["serial"] or {}
            rk, ck = s.get("record_key", ""), s.get("check_key", "")
            n = len(rk)
            edits = s.get("edits", [])
            f = [e["serial_score"], e["identity_factor"], ev[i]]
            f += [float(e[k] == v) for k in ("make", "model", "calibre") for v in FIELDS]
            f += [float(s.get("kind", "none") == k) for k in KINDS]
            for o in OPS:
                f.append(sum(x["op"] == o for x in edits))
                f.append(sum(x["op"] == o and x.get("at", 0) >= n - 3 for x in edits))
            f += [len(edits), s.get("distance", 0), n, len(ck) - n, float(rk.isdigit()),
                  i, ev[0], max([x for j, x in enumerate(ev) if j != i], default=0.0)]
            rows.append(f)
            y.append(h["record_id"] in truth[q])
            qid.append(q)
            score.append(h["score"])
    return np.array(rows), np.array(y), qid, truth, noise, np.array(score)


def spelling_blind(x):
    """The features with each field's `alias` folded into `same`."""
    x = x.copy()
    for k in range(3):
        same = 3 + len(FIELDS) * k
        x[:, same] = np.maximum(x[:, same], x[:, same + 1])
        x[:, same + 1] = 0.0
    return x


def recall_at(pred, y, qid, truth, rates=(0.001, 0.005, 0.01, 0.05)):
    """Recall@1 (first hit by `pred` correct and above the cutoff) at each false-hit rate."""
    best = {}
    for p, ok, q in zip(pred, y, qid):
        if q not in best or p > best[q][0]:
            best[q] = (p, ok)
    pos = [q for q in truth if truth[q]]
    neg = sorted((best[q][0] for q in truth if not truth[q] and q in best), reverse=True)
    n_neg = sum(1 for q in truth if not truth[q])
    out = []
    for rate in rates:
        k = int(rate * n_neg)
        cut = neg[k] if k < len(neg) else -1.0
        out.append(sum(1 for q in pos if q in best and best[q][1] and best[q][0] > cut)
                   / len(pos))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    a = ap.parse_args()
    xa, ya, *_ = load(a.train)
    xb, yb, qb, tb, _, sb = load(a.test)
    assert FIELDS[:2] == ("same", "alias")

    def fitted(xs_a, xs_b):
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05,
                                               random_state=0).fit(xs_a, ya)
        return recall_at(model.predict_proba(xs_b)[:, 1], yb, qb, tb)

    rows = [("armsmatch score", recall_at(sb, yb, qb, tb)),
            ("gradient boosting, all features", fitted(xa, xb)),
            ("… blind to spelling (alias = same)",
             fitted(spelling_blind(xa), spelling_blind(xb)))]
    print(f"{'recall@1 at false hits':36s}   0.1 %   0.5 %     1 %     5 %")
    for name, r in rows:
        print(f"{name:36s} " + " ".join(f"{100 * x:6.2f}%" for x in r))


if __name__ == "__main__":
    main()
