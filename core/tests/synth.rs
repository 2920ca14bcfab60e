//! Integration tests of the synthetic register generator (`armsmatch::synth`).
//!
//! One register of 30 k records and its 3 k checks are generated once and shared: that
//! is enough for every noise kind to appear, and keeps the suite fast in debug mode.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use armsmatch::raw::Pattern;
use armsmatch::synth::{
    read_truth_csv, write_queries_csv, write_records_csv, write_truth_csv, Check, Label, Register,
    SynthConfig, Truth, NOISE_KINDS, NON_HIT_KINDS,
};
use armsmatch::{
    index_keys, is_placeholder_serial, osa_distance, search_keys, serial_key, serial_keys,
    skeleton, CheckOptions, Date, Index, Record, Reference, RARE_CONFUSIONS,
};

const RECORDS: usize = 30_000;
const QUERIES: usize = 3_000;

struct Fixture {
    records: Vec<Record>,
    checks: Vec<Check>,
    by_id: HashMap<String, usize>,
    /// Skeleton of every search key → records.
    by_skeleton: HashMap<String, Vec<usize>>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let register = Register::new(SynthConfig {
            records: RECORDS,
            queries: QUERIES,
            seed: 2026,
        });
        let records: Vec<Record> = register.records().collect();
        let checks = register.checks();
        let by_id = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in records.iter().enumerate() {
            if is_placeholder_serial(&r.serial) {
                continue;
            }
            for k in record_skeletons(&r.serial) {
                by_skeleton.entry(k).or_default().push(i);
            }
        }
        Fixture {
            records,
            checks,
            by_id,
            by_skeleton,
        }
    })
}

/// Skeletons of all search keys of a check's serial (what the index searches).
fn skeletons(serial: &str) -> HashSet<String> {
    search_keys(serial).iter().map(|k| skeleton(k)).collect()
}

/// Skeletons of all index keys of a record's serial (what the index holds).
fn record_skeletons(serial: &str) -> HashSet<String> {
    index_keys(serial).iter().map(|k| skeleton(k)).collect()
}

/// The make entry a name resolves to (None for a missing or unknown make).
fn make_entry(name: Option<&str>) -> Option<u32> {
    name.and_then(|n| Reference::embedded().resolve_make(n).entry)
}

/// Could the product take `record` for a firearm of make `make`?
fn compatible(make: Option<&str>, record: &Record) -> bool {
    match (make_entry(make), record.make.as_deref()) {
        (None, _) | (_, None) => true,
        (Some(q), Some(r)) => !matches!(make_entry(Some(r)), Some(r) if r != q),
    }
}

/// Does `record` match the partial serial `pattern` (as the index does: skeletons)?
fn pattern_matches(pattern: &str, record: &Record) -> bool {
    // The index folds a partial serial like any serial but keeps the wildcards.
    let folded = fold_variants(pattern);
    let keys = record_skeletons(&record.serial);
    folded.iter().any(|p| {
        let skel: String = p
            .chars()
            .map(|c| {
                if c == '?' || c == '*' {
                    c
                } else {
                    armsmatch::skeleton_char(c)
                }
            })
            .collect();
        let pat = Pattern::parse(skel.as_bytes()).expect("valid pattern");
        keys.iter().any(|k| pat.matches(k.as_bytes()))
    })
}

/// Visual and transliterated foldings of a partial serial, wildcards kept: each run of
/// known characters goes through `serial_keys`.
fn fold_variants(pattern: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        let keys = serial_keys(run);
        let mut next = Vec::new();
        for o in out.iter() {
            for k in &keys {
                next.push(format!("{o}{k}"));
            }
        }
        *out = next;
        run.clear();
    };
    for c in pattern.chars() {
        if c == '?' || c == '*' {
            flush(&mut run, &mut out);
            for o in out.iter_mut() {
                o.push(c);
            }
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[test]
fn same_seed_same_register_other_seed_other_register() {
    let cfg = SynthConfig {
        records: 3_000,
        queries: 90,
        seed: 11,
    };
    let a = Register::new(cfg);
    let b = Register::new(cfg);
    assert!(a.records().eq(b.records()));
    assert_eq!(a.checks(), b.checks());
    // Pure: a record does not depend on what was generated before it.
    assert_eq!(a.record(2_999), Register::new(cfg).record(2_999));
    let c = Register::new(SynthConfig { seed: 12, ..cfg });
    let same = a.records().zip(c.records()).filter(|(x, y)| x == y).count();
    assert_eq!(same, 0, "another seed gives other records");
    assert_ne!(a.checks(), c.checks());
    assert_eq!(a.config(), &cfg);
    assert_eq!(a.len(), 3_000);
    assert!(!a.is_empty());
}

#[test]
fn every_record_is_accepted_by_the_index() {
    let f = fixture();
    let mut builder = Index::builder();
    for r in f.records.iter().take(20_000) {
        builder.add_ref(r).unwrap_or_else(|e| panic!("{r:?}: {e}"));
    }
    let index = builder.build().expect("ids are unique");
    assert_eq!(index.len(), 20_000);
    let ids: HashSet<&str> = f.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), f.records.len(), "ids are unique");
}

#[test]
fn records_look_like_a_register() {
    let f = fixture();
    let n = f.records.len() as f64;
    let share = |p: &dyn Fn(&Record) -> bool| f.records.iter().filter(|r| p(r)).count() as f64 / n;
    let first = Date::new(2000, 1, 1).expect("date");
    let last = Date::new(2026, 10, 31).expect("date");
    for r in &f.records {
        let country = r.country.as_deref().expect("every record has a country");
        assert_eq!(country.len(), 3);
        assert!(country.bytes().all(|b| b.is_ascii_uppercase()));
        assert!(r.id.starts_with(country), "{}", r.id);
        let d = r.reported_on.expect("every record has a date");
        assert!(first <= d && d <= last, "{d}");
        assert!(r.serial.len() <= 256 && serial_key(&r.serial).len() <= 48);
    }
    let placeholders = share(&|r| is_placeholder_serial(&r.serial));
    assert!((0.002..0.012).contains(&placeholders), "{placeholders}");
    let no_make = share(&|r| r.make.is_none());
    assert!((0.015..0.06).contains(&no_make), "{no_make}");
    let no_calibre = share(&|r| r.calibre.is_none());
    assert!((0.05..0.25).contains(&no_calibre), "{no_calibre}");
    let stolen = share(&|r| r.status == Some(armsmatch::Status::Stolen));
    assert!((0.45..0.70).contains(&stolen), "{stolen}");
    let countries: HashSet<&str> = f
        .records
        .iter()
        .filter_map(|r| r.country.as_deref())
        .collect();
    assert!(countries.len() >= 50, "{}", countries.len());

    // The same serial under several records: reports of the same firearm by several
    // countries and serials shared across makes.
    let mut by_key: HashMap<String, Vec<&Record>> = HashMap::new();
    for r in f
        .records
        .iter()
        .filter(|r| !is_placeholder_serial(&r.serial))
    {
        by_key.entry(serial_key(&r.serial)).or_default().push(r);
    }
    let shared = by_key.values().filter(|v| v.len() > 1).count() as f64 / n;
    assert!((0.015..0.08).contains(&shared), "{shared}");
    let cross_country = by_key
        .values()
        .filter(|v| v.len() > 1 && v.iter().any(|r| r.country != v[0].country))
        .count();
    assert!(cross_country > 100, "{cross_country}");

    // Production batches: many serials have a neighbour one small step away.
    let mut keys: Vec<String> = by_key.keys().cloned().collect();
    keys.sort();
    let near = keys
        .windows(2)
        .filter(|w| w[0].len() == w[1].len() && osa_distance(w[0].as_bytes(), w[1].as_bytes()) == 1)
        .count() as f64
        / keys.len() as f64;
    assert!(near > 0.05, "{near}");

    // Cyrillic markings, when the reference has Russian makers.
    let russian = Reference::embedded()
        .data()
        .make
        .iter()
        .any(|m| m.country.as_deref() == Some("RUS") && m.weight.unwrap_or(1.0) > 0.0);
    if russian {
        let cyrillic = share(&|r| !r.serial.is_ascii());
        assert!(cyrillic > 0.002, "{cyrillic}");
    }
}

#[test]
fn one_third_of_checks_are_hits() {
    let f = fixture();
    assert_eq!(f.checks.len(), QUERIES);
    let hits = f
        .checks
        .iter()
        .filter(|c| c.truth.label == Label::Hit)
        .count();
    assert_eq!(hits, QUERIES.div_ceil(3));
    let ids: HashSet<&str> = f.checks.iter().map(|c| c.query_id.as_str()).collect();
    assert_eq!(ids.len(), QUERIES, "query ids are unique");
}

#[test]
fn every_kind_appears() {
    let f = fixture();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in &f.checks {
        for k in &c.truth.noise {
            *seen.entry(k.as_str()).or_default() += 1;
        }
        match c.truth.label {
            Label::Hit => {
                // Exactly one serial noise, first, then 0–2 identity noises.
                assert!(
                    NOISE_KINDS[..12].contains(&c.truth.noise[0].as_str()),
                    "{c:?}"
                );
                assert!(c.truth.noise.len() <= 3, "{c:?}");
                assert!(c.truth.noise[1..]
                    .iter()
                    .all(|k| NOISE_KINDS[12..].contains(&k.as_str())));
            }
            Label::NonHit => {
                assert_eq!(c.truth.noise.len(), 1);
                assert!(NON_HIT_KINDS.contains(&c.truth.noise[0].as_str()));
            }
        }
    }
    let russian = f.records.iter().any(|r| !r.serial.is_ascii());
    for k in NOISE_KINDS.iter().chain(NON_HIT_KINDS) {
        if k.starts_with("cyrillic") && !russian {
            continue; // The reference in use has no Russian maker.
        }
        assert!(
            seen.get(k).copied().unwrap_or(0) > 0,
            "{k} never appears: {seen:?}"
        );
    }
}

#[test]
fn hits_differ_from_their_record_as_their_noise_says() {
    let f = fixture();
    let reference = Reference::embedded();
    let mut checked = 0;
    for c in f.checks.iter().filter(|c| c.truth.label == Label::Hit) {
        let Truth {
            noise, record_ids, ..
        } = &c.truth;
        let target = &f.records[*f
            .by_id
            .get(&record_ids[0])
            .unwrap_or_else(|| panic!("{} is not a record", record_ids[0]))];
        // Every other record of the firearm carries the same serial (key).
        for id in &record_ids[1..] {
            let other = &f.records[f.by_id[id]];
            assert_eq!(
                serial_key(&other.serial),
                serial_key(&target.serial),
                "{c:?}"
            );
            assert_ne!(other.country, target.country);
        }
        assert!(!is_placeholder_serial(&target.serial));
        let (q, r) = (&c.query.serial, &target.serial);
        let (qk, rk) = (serial_key(q), serial_key(r));
        let why = format!("{noise:?}: check {q:?}, record {r:?}");
        match noise[0].as_str() {
            "exact" => assert_eq!(q, r, "{why}"),
            "case_separators" => {
                assert_ne!(q, r, "{why}");
                assert_eq!(qk, rk, "{why}");
            }
            "ocr" => {
                assert_ne!(qk, rk, "{why}");
                assert_eq!(skeleton(q), skeleton(r), "{why}");
            }
            "rare_confusion" => {
                assert_eq!(qk.len(), rk.len(), "{why}");
                let diffs: Vec<(char, char)> =
                    qk.chars().zip(rk.chars()).filter(|(a, b)| a != b).collect();
                assert!((1..=2).contains(&diffs.len()), "{why}");
                for (a, b) in diffs {
                    assert!(
                        RARE_CONFUSIONS.contains(&(a, b)) || RARE_CONFUSIONS.contains(&(b, a)),
                        "{why}"
                    );
                }
            }
            "cyrillic_visual" => {
                assert!(!r.is_ascii() && q.is_ascii(), "{why}");
                assert_eq!(qk, rk, "{why}");
            }
            "cyrillic_translit" => {
                assert!(!r.is_ascii() && q.is_ascii(), "{why}");
                assert_ne!(qk, rk, "{why}");
                assert!(serial_keys(r).contains(&qk), "{why}");
            }
            "typo1" => assert_eq!(osa_distance(qk.as_bytes(), rk.as_bytes()), 1, "{why}"),
            "typo2" => assert_eq!(osa_distance(qk.as_bytes(), rk.as_bytes()), 2, "{why}"),
            "leading_zeros" => {
                assert_ne!(qk, rk, "{why}");
                assert_eq!(
                    qk.trim_start_matches('0'),
                    rk.trim_start_matches('0'),
                    "{why}"
                );
            }
            "embedded_letter" => {
                let (long, short) = if qk.len() > rk.len() {
                    (&qk, &rk)
                } else {
                    (&rk, &qk)
                };
                assert_eq!(long.len(), short.len() + 1, "{why}");
                let p = long
                    .chars()
                    .zip(short.chars())
                    .position(|(a, b)| a != b)
                    .unwrap_or(short.len());
                let removed = long.chars().nth(p).expect("in range");
                assert!(removed.is_ascii_alphabetic(), "{why}");
                let mut l = long.clone();
                l.remove(p);
                assert_eq!(&l, short, "{why}");
            }
            "obliterated_one" => {
                assert!(q.contains('?') && !q.contains('*'), "{why}");
                assert!(pattern_matches(q, target), "{why}");
            }
            "obliterated_star" => {
                assert!(q.contains('*'), "{why}");
                assert!(pattern_matches(q, target), "{why}");
            }
            other => panic!("unknown serial noise {other}"),
        }
        let known = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
        if q.contains(['?', '*']) {
            assert!(known(q) >= 4, "{why}");
        }
        // Identity noises.
        let target_make = make_entry(target.make.as_deref());
        for k in &noise[1..] {
            let qm = c.query.make.as_deref();
            match k.as_str() {
                "make_missing" => assert!(qm.is_none(), "{why}"),
                "model_missing" => assert!(c.query.model.is_none(), "{why}"),
                "calibre_missing" => assert!(c.query.calibre.is_none(), "{why}"),
                "make_alias" | "make_misspelled" => {
                    let resolved = reference.resolve_make(qm.expect("a make"));
                    assert!(resolved.entry.is_some(), "{why}");
                    if target_make.is_some() {
                        assert_eq!(resolved.entry, target_make, "{why}");
                    }
                }
                "calibre_synonym" => {
                    let cal =
                        reference.resolve_calibre(c.query.calibre.as_deref().expect("calibre"));
                    assert!(cal.entry.is_some(), "{why}");
                    if let Some(tc) = target.calibre.as_deref() {
                        assert_eq!(cal.entry, reference.resolve_calibre(tc).entry, "{why}");
                    }
                }
                "model_variant" => assert!(c.query.model.is_some(), "{why}"),
                other => panic!("unknown identity noise {other}"),
            }
        }
        if !noise.iter().any(|k| k.starts_with("make_")) {
            if let (Some(t), Some(qm)) = (target_make, c.query.make.as_deref()) {
                assert_eq!(make_entry(Some(qm)), Some(t), "{why}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 900, "{checked}");
}

#[test]
fn non_hit_labels_are_true() {
    let f = fixture();
    for c in f.checks.iter().filter(|c| c.truth.label == Label::NonHit) {
        assert!(c.truth.record_ids.is_empty());
        let kind = c.truth.noise[0].as_str();
        let q = &c.query;
        let why = format!("{kind}: {q:?}");
        if kind == "wildcard_nothing" {
            assert!(q.serial.contains(['?', '*']), "{why}");
            let known = q.serial.chars().filter(|c| c.is_alphanumeric()).count();
            assert!(known >= 4, "{why}");
            // A linear scan: the test register is small.
            if let Some(r) = f.records.iter().find(|r| pattern_matches(&q.serial, r)) {
                panic!("{why} matches {r:?}");
            }
            continue;
        }
        assert!(!q.serial.contains(['?', '*']), "{why}");
        assert!(!is_placeholder_serial(&q.serial), "{why}");
        let mut same: Vec<usize> = skeletons(&q.serial)
            .iter()
            .flat_map(|k| f.by_skeleton.get(k).cloned().unwrap_or_default())
            .collect();
        same.sort_unstable();
        same.dedup();
        for &i in &same {
            let r = &f.records[i];
            assert!(
                !compatible(q.make.as_deref(), r),
                "{why} shares its serial with {r:?}"
            );
        }
        match kind {
            "fresh" => assert!(same.is_empty(), "{why}"),
            "other_make" => {
                assert!(!same.is_empty(), "{why}: the serial is registered");
                assert!(q.make.is_some(), "{why}");
            }
            "sibling" => {
                assert!(q.make.is_some(), "{why}");
                // A record of the same make (and batch) 2–3 substitutions away.
                let qk = serial_key(&q.serial);
                let qm = make_entry(q.make.as_deref());
                let close = f.records.iter().any(|r| {
                    let rk = serial_key(&r.serial);
                    rk.len() == qk.len()
                        && (2..=3).contains(&osa_distance(rk.as_bytes(), qk.as_bytes()))
                        && !matches!(make_entry(r.make.as_deref()), Some(m) if Some(m) != qm)
                });
                assert!(close, "{why}");
            }
            other => panic!("unknown non-hit kind {other}"),
        }
    }
}

#[test]
fn csv_files_round_trip() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let truth = dir.path().join("truth.csv");
    write_truth_csv(&f.checks, &truth).expect("write truth");
    let back = read_truth_csv(&truth).expect("read truth");
    assert_eq!(back.len(), f.checks.len());
    for ((id, t), c) in back.iter().zip(&f.checks) {
        assert_eq!(id, &c.query_id);
        assert_eq!(t, &c.truth);
    }

    let small = Register::new(SynthConfig {
        records: 500,
        queries: 30,
        seed: 5,
    });
    let records = dir.path().join("records.csv");
    assert_eq!(
        write_records_csv(&small, &records).expect("write records"),
        500
    );
    let (read, report) =
        armsmatch::io::read_records(&records, Default::default()).expect("the reader accepts them");
    assert_eq!(report.skipped, 0);
    assert_eq!(read.len(), 500);
    for (a, b) in read.iter().zip(small.records()) {
        assert_eq!(
            (&a.id, &a.serial, &a.make, &a.country),
            (&b.id, &b.serial, &b.make, &b.country)
        );
        assert_eq!(
            (a.kind, a.status, a.reported_on),
            (b.kind, b.status, b.reported_on)
        );
    }

    let checks = small.checks();
    let queries = dir.path().join("queries.csv");
    write_queries_csv(&checks, &queries).expect("write queries");
    let (rows, _) =
        armsmatch::io::read_queries(&queries, Default::default()).expect("read queries");
    assert_eq!(rows.len(), 30);
    for (row, c) in rows.iter().zip(&checks) {
        assert_eq!(row.query_id, c.query_id);
        assert_eq!(row.query.serial, c.query.serial);
        assert_eq!(row.query.make, c.query.make);
    }
}

#[test]
fn bad_truth_files_are_refused_with_their_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.csv");
    let cases = [
        ("query_id,label,noise\nQ1,hit,exact\n", ":1:record_ids"),
        (
            "query_id,label,noise,record_ids\nQ1,hit,exact,R1\nQ2,hat,,\n",
            ":3:label",
        ),
        (
            "query_id,label,noise,record_ids\nQ1,hit,exact,\n",
            ":2:record_ids",
        ),
        (
            "query_id,label,noise,record_ids\n,hit,exact,R1\n",
            ":2:query_id",
        ),
        (
            "query_id,label,noise,record_ids\nQ1,hit,exact,R1,extra\n",
            ":2:",
        ),
    ];
    for (text, want) in cases {
        std::fs::write(&path, text).expect("write");
        let err = read_truth_csv(&path).expect_err(text);
        assert!(matches!(err, armsmatch::Error::Parse { .. }), "{err:?}");
        assert!(err.to_string().contains(want), "{text:?}: {err}");
    }
    let missing = dir.path().join("nope.csv");
    assert!(matches!(
        read_truth_csv(&missing),
        Err(armsmatch::Error::Io { .. })
    ));
    // Column order is free, unknown columns are ignored, a non-hit has no ids.
    std::fs::write(
        &path,
        "record_ids,extra,label,query_id,noise\n,x,non_hit,Q9,fresh\n",
    )
    .expect("write");
    let rows = read_truth_csv(&path).expect("valid");
    assert_eq!(rows[0].0, "Q9");
    assert_eq!(rows[0].1.label, Label::NonHit);
    assert_eq!(rows[0].1.noise, vec!["fresh"]);
}

#[test]
fn tiny_and_empty_registers_work() {
    let empty = Register::new(SynthConfig {
        records: 0,
        queries: 20,
        seed: 1,
    });
    assert!(empty.is_empty());
    let checks = empty.checks();
    assert_eq!(checks.len(), 20);
    assert!(checks.iter().all(|c| c.truth.label == Label::NonHit));
    let tiny = Register::new(SynthConfig {
        records: 3,
        queries: 9,
        seed: 1,
    });
    let checks = tiny.checks();
    assert_eq!(checks.len(), 9);
    for c in checks.iter().filter(|c| c.truth.label == Label::Hit) {
        assert!(tiny.records().any(|r| r.id == c.truth.record_ids[0]));
    }
    assert_eq!(SynthConfig::default().records, 1_500_000);
}

/// End to end: the index finds the hits within its reach, and a partial serial that
/// matches no record gets no result (the generator and the index agree on wildcards).
#[test]
fn the_index_finds_hits_and_nothing_for_wildcard_non_hits() {
    let reg = Register::new(SynthConfig {
        records: 20_000,
        queries: 1_000,
        seed: 4,
    });
    let mut b = Index::builder();
    for r in reg.records() {
        b.add(r).expect("valid record");
    }
    let index = b.build().expect("unique ids");
    let opts = CheckOptions::default().threshold(0.0);
    let (mut found, mut hits) = (0, 0);
    for c in reg.checks() {
        let res = index.check(&c.query, &opts).expect("valid check");
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
    // Most hits are within the search's reach; the rest carry noise beyond the edit
    // budget (two typos in a short serial).
    assert!(found as f64 > 0.9 * hits as f64, "{found} of {hits}");
}

#[test]
fn other_generators_truth_files_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hit = |ids: &[&str], noise: &[&str]| Truth {
        label: Label::Hit,
        noise: noise.iter().map(|s| s.to_string()).collect(),
        record_ids: ids.iter().map(|s| s.to_string()).collect(),
    };
    let non_hit = |noise: &[&str]| Truth {
        label: Label::NonHit,
        noise: noise.iter().map(|s| s.to_string()).collect(),
        record_ids: Vec::new(),
    };
    /// A file's name, its text, and the labels it holds.
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, Truth)>);
    let cases: [Case; 10] = [
        (
            "t.csv",
            "qid;Is Hit;Expected Record IDs;noise_types\nQ1;TRUE;\"A;B\";typo1|ocr\nQ2;false;;sibling\n",
            vec![("Q1", hit(&["A", "B"], &["typo1", "ocr"])), ("Q2", non_hit(&["sibling"]))],
        ),
        (
            "t.tsv",
            "query_id\trecord_id\nQ1\tA\nQ2\t\n",
            vec![("Q1", hit(&["A"], &[])), ("Q2", non_hit(&[]))],
        ),
        (
            "t.jsonl",
            "{\"query_id\":\"Q1\",\"label\":true,\"record_ids\":[\"A\",\"B\"],\"noise\":[\"typo1\"]}\n\n{\"query_id\":\"Q2\",\"record_ids\":[]}\n",
            vec![("Q1", hit(&["A", "B"], &["typo1"])), ("Q2", non_hit(&[]))],
        ),
        (
            "t.json",
            "[{\"id\":\"Q1\",\"expected_record_id\":\"A\"},{\"id\":\"Q2\",\"expected_record_id\":null,\"label\":\"no_match\"}]",
            vec![("Q1", hit(&["A"], &[])), ("Q2", non_hit(&[]))],
        ),
        (
            // Ids written as a list, with its quotes; a JSON array's items kept whole.
            "t3.csv",
            "query_id,record_ids\nQ1,\"['R1', 'R2']\"\nQ2,\"[\"\"R;3\"\"]\"\n",
            vec![("Q1", hit(&["R1", "R2"], &[])), ("Q2", hit(&["R;3"], &[]))],
        ),
        (
            // A hit's noise and a non-hit's kind in two columns of other names: read
            // together, not refused.
            "t4.csv",
            "check_id,true_record_id,corruption,negative_type\nQ1,A,ocr;typo1,\nQ2,,,sibling\n",
            vec![("Q1", hit(&["A"], &["ocr", "typo1"])), ("Q2", non_hit(&["sibling"]))],
        ),
        (
            "t4.jsonl",
            "{\"qid\":\"Q1\",\"match_id\":\"A\",\"category\":\"make_alias\",\"noise\":[\"typo2\"]}\n{\"qid\":\"Q2\",\"match_id\":null,\"hard_negative_kind\":\"other_make\"}\n",
            vec![("Q1", hit(&["A"], &["typo2", "make_alias"])), ("Q2", non_hit(&["other_make"]))],
        ),
        (
            // Names with their words run together, a name that says it holds noise,
            // kinds joined by `+`, a `|`-separated file.
            "t5.csv",
            "QueryID|ExpectedRecordIDs|noise_category\nQ1|A;B|cyr+alias\nQ2||sibling\n",
            vec![
                ("Q1", hit(&["A", "B"], &["cyr", "alias"])),
                ("Q2", non_hit(&["sibling"])),
            ],
        ),
        (
            // Columns about noise that hold no kinds (a level, a flag, a seed) are not
            // kinds; a kind two columns give is counted once.
            "t6.csv",
            "query_id,record_ids,noise,noise_kinds,noise_level,has_noise,hard_negative,corruption_seed\n\
             Q1,A,typo1,typo1,0.3,true,false,42\nQ2,,sibling,,0,false,true,7\n",
            vec![("Q1", hit(&["A"], &["typo1"])), ("Q2", non_hit(&["sibling"]))],
        ),
        (
            // Its own names win over another generator's for the same column.
            "t2.csv",
            "query_id,check_id,label,record_ids,expected\nQ1,X,hit,A,B\n",
            vec![("Q1", hit(&["A"], &[]))],
        ),
    ];
    for (name, text, want) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let got = read_truth_csv(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want: Vec<(String, Truth)> =
            want.into_iter().map(|(q, t)| (q.to_string(), t)).collect();
        assert_eq!(got, want, "{name}");
    }
    // Still refused with their place: a hit without records, an unknown label.
    for (text, place) in [
        ("{\"query_id\":\"Q1\",\"label\":\"hit\"}\n", ":1:record_ids"),
        ("{\"query_id\":\"Q1\",\"record_ids\":\"A\"}\n{\"query_id\":\"Q2\",\"label\":\"maybe\",\"record_ids\":\"\"}\n", ":2:label"),
        ("{\"record_ids\":\"A\"}\n", ":1:query_id"),
        // Two other names for the record ids: which is meant cannot be told.
        ("{\"query_id\":\"Q1\",\"record_id\":\"A\",\"expected_record_id\":\"B\"}\n", ":1:record_ids"),
    ] {
        let path = dir.path().join("bad.jsonl");
        std::fs::write(&path, text).expect("write");
        let err = read_truth_csv(&path).expect_err(text).to_string();
        assert!(err.contains(place), "{text:?}: {err}");
    }
}
