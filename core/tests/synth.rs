//! The synthetic register generator: deterministic, indexable, every noise kind present,
//! labels true.

use std::collections::{HashMap, HashSet};

use armsmatch::synth::{
    read_truth_csv, write_queries_csv, write_records_csv, write_truth_csv, Label, Register,
    SynthConfig, NOISE_KINDS, NON_HIT_KINDS,
};
use armsmatch::{serial_key, CheckOptions, Index, Reference};

fn register(records: usize, queries: usize, seed: u64) -> Register {
    Register::new(SynthConfig {
        records,
        queries,
        seed,
    })
}

#[test]
fn deterministic_for_a_seed() {
    let a = register(3000, 200, 9);
    let b = register(3000, 200, 9);
    let c = register(3000, 200, 10);
    assert!(a.records().eq(b.records()));
    assert_eq!(a.checks(), b.checks());
    assert!(!a.records().eq(c.records()));
    // record(i) is a pure function of (seed, i).
    assert_eq!(a.record(1234), b.record(1234));
}

#[test]
fn every_record_indexes_and_ids_are_unique() {
    let reg = register(20_000, 0, 1);
    let mut b = Index::builder();
    for r in reg.records() {
        b.add(r).unwrap();
    }
    let index = b.build().unwrap();
    assert_eq!(index.len(), 20_000);
}

#[test]
fn checks_have_every_kind_and_true_labels() {
    let reg = register(30_000, 3_000, 2);
    let checks = reg.checks();
    assert_eq!(checks.len(), 3_000);
    let hits = checks
        .iter()
        .filter(|c| c.truth.label == Label::Hit)
        .count();
    assert!((800..1_200).contains(&hits), "{hits} true hits of 3000");
    let seen: HashSet<&str> = checks
        .iter()
        .flat_map(|c| c.truth.noise.iter().map(String::as_str))
        .collect();
    for k in NOISE_KINDS.iter().chain(NON_HIT_KINDS) {
        assert!(seen.contains(k), "kind {k} never generated");
    }
    let records: HashMap<String, armsmatch::Record> =
        reg.records().map(|r| (r.id.clone(), r)).collect();
    let reference = Reference::embedded();
    let canonical = |m: &Option<String>| m.as_deref().map(|m| reference.resolve_make(m).canonical);
    // Serial keys by canonical make, to check non-hit labels.
    let mut by_key: HashMap<String, Vec<Option<String>>> = HashMap::new();
    for r in records.values() {
        by_key
            .entry(serial_key(&r.serial))
            .or_default()
            .push(canonical(&r.make));
    }
    for c in &checks {
        match c.truth.label {
            Label::Hit => {
                let target = &records[&c.truth.record_ids[0]];
                let (q, t) = (serial_key(&c.query.serial), serial_key(&target.serial));
                if c.truth.noise.iter().any(|n| n == "exact") {
                    assert_eq!(q, t, "{c:?}");
                }
                if c.truth.noise.iter().any(|n| n.starts_with("obliterated")) {
                    assert!(c.query.serial.contains(['?', '*']), "{c:?}");
                }
                for id in &c.truth.record_ids {
                    assert!(records.contains_key(id), "{id}");
                }
            }
            Label::NonHit => {
                assert!(c.truth.record_ids.is_empty());
                if c.query.serial.contains(['?', '*']) {
                    continue;
                }
                // No record with the same key under the check's make.
                if let Some(makes) = by_key.get(&serial_key(&c.query.serial)) {
                    let q = canonical(&c.query.make);
                    assert!(
                        q.is_none() || !makes.contains(&q),
                        "non-hit {c:?} shares its serial key with a record of its make"
                    );
                }
            }
        }
    }
}

#[test]
fn hits_are_found_and_wildcard_non_hits_match_nothing() {
    let reg = register(20_000, 1_000, 4);
    let mut b = Index::builder();
    for r in reg.records() {
        b.add(r).unwrap();
    }
    let index = b.build().unwrap();
    let opts = CheckOptions::default().threshold(0.0);
    let mut found = 0;
    let mut hits = 0;
    for c in reg.checks() {
        let res = index.check(&c.query, &opts).unwrap();
        match c.truth.label {
            Label::Hit => {
                hits += 1;
                found += usize::from(
                    res.iter()
                        .take(5)
                        .any(|h| c.truth.record_ids.contains(&h.record.id)),
                );
            }
            Label::NonHit if c.truth.noise == ["wildcard_nothing"] => {
                assert!(res.is_empty(), "{c:?} matched {:?}", res[0].record);
            }
            Label::NonHit => {}
        }
    }
    // Most true hits are within reach of the search (the rest are noise beyond it).
    assert!(found as f64 > 0.9 * hits as f64, "{found} of {hits}");
}

#[test]
fn files_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let reg = register(500, 50, 6);
    let checks = reg.checks();
    assert_eq!(
        write_records_csv(&reg, &dir.path().join("r.csv")).unwrap(),
        500
    );
    write_queries_csv(&checks, &dir.path().join("q.csv")).unwrap();
    write_truth_csv(&checks, &dir.path().join("t.csv")).unwrap();
    let truth = read_truth_csv(&dir.path().join("t.csv")).unwrap();
    assert_eq!(truth.len(), checks.len());
    for ((id, t), c) in truth.iter().zip(&checks) {
        assert_eq!(id, &c.query_id);
        assert_eq!(t, &c.truth);
    }
    let (recs, _) =
        armsmatch::io::read_records(dir.path().join("r.csv"), Default::default()).unwrap();
    assert_eq!(recs.len(), 500);
    let (qs, _) =
        armsmatch::io::read_queries(dir.path().join("q.csv"), Default::default()).unwrap();
    assert_eq!(qs.len(), 50);
    std::fs::write(dir.path().join("bad.csv"), "query_id,label\nQ1,maybe\n").unwrap();
    assert!(read_truth_csv(&dir.path().join("bad.csv")).is_err());
}
