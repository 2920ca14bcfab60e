//! Bad input, through the Rust API: the shared matrix (`tests/bad_inputs.json`, also run
//! by the C, Python and CLI suites), index file integrity (every byte flipped, every
//! truncation, hostile files with valid checksums, a process killed while saving), and
//! replay of the fuzz seed corpus.
//!
//! Nothing here may panic, hang, or drop input silently: every entry gets its error or
//! its documented normalization.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use armsmatch::io::{read_records, ReadOptions};
use armsmatch::{
    serial_key, CheckOptions, Date, Error, Index, IndexBuilder, Query, Record, Reference,
};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

// ---------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------

/// A text field of the matrix as bytes: a string, `{"hex"}`, or `{"repeat", "times",
/// "prefix", "suffix"}`.
fn text_bytes(v: &Value) -> Vec<u8> {
    match v {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Object(o) if o.contains_key("hex") => {
            let h = o["hex"].as_str().expect("hex is a string");
            (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex digits"))
                .collect()
        }
        Value::Object(o) if o.contains_key("repeat") => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            let times = o["times"].as_u64().expect("times is a number") as usize;
            let mut out = part("prefix").as_bytes().to_vec();
            out.extend(part("repeat").repeat(times).into_bytes());
            out.extend_from_slice(part("suffix").as_bytes());
            out
        }
        other => panic!("not a text value: {other}"),
    }
}

/// Why a matrix input cannot be passed to the Rust API: a text field is not UTF-8.
struct NotUtf8(String);

fn text(v: &Value, field: &str) -> Result<String, NotUtf8> {
    String::from_utf8(text_bytes(v)).map_err(|_| NotUtf8(field.to_string()))
}

fn opt_text(input: &Value, field: &str) -> Result<Option<String>, NotUtf8> {
    match input.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => text(v, field).map(Some),
    }
}

fn matrix() -> Value {
    let path = root().join("tests/bad_inputs.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("read tests/bad_inputs.json"))
        .expect("tests/bad_inputs.json is JSON")
}

fn matrix_records(m: &Value) -> Vec<Record> {
    m["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| serde_json::from_value(r.clone()).expect("a matrix record"))
        .collect()
}

fn build(records: &[Record]) -> Index {
    let mut b = Index::builder();
    for r in records {
        b.add_ref(r).expect("a valid record");
    }
    b.build().expect("the records build")
}

/// The category of an error, as the matrix names it.
fn category(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { .. } => "INVALID_ARGUMENT",
        Error::LimitExceeded { .. } => "LIMIT_EXCEEDED",
        Error::Parse { .. } => "PARSE",
        Error::DuplicateId(_) => "DUPLICATE_ID",
        Error::CorruptIndex { .. } => "CORRUPT_INDEX",
        Error::NotFound(_) => "NOT_FOUND",
        Error::Reference(_) => "REFERENCE",
        Error::Io { .. } => "IO",
        _ => "OTHER",
    }
}

/// What happened to one entry.
enum Outcome {
    /// Succeeded; `key` is the normalized serial where the target has one.
    Ok,
    Err(Error),
    /// The input cannot be expressed in Rust (a `&str` is always UTF-8).
    NotUtf8(String),
}

/// Compares an outcome with the entry's `expect`; `Err(why)` on a mismatch.
fn judge(case: &Value, outcome: &Outcome, key: Option<&str>) -> Result<(), String> {
    let expect = case["expect"].as_str().expect("expect");
    match (expect, outcome) {
        ("error:INVALID_UTF8", Outcome::NotUtf8(_)) => Ok(()),
        (_, Outcome::NotUtf8(field)) => Err(format!(
            "{field} is not UTF-8, so the entry must expect error:INVALID_UTF8"
        )),
        ("ok", Outcome::Ok) => Ok(()),
        (e, Outcome::Ok) if e.starts_with("normalized:") => {
            let want = &e["normalized:".len()..];
            match key {
                Some(k) if k == want => Ok(()),
                other => Err(format!("normalized to {other:?}, expected {want:?}")),
            }
        }
        (e, Outcome::Err(err)) if e.strip_prefix("error:") == Some(category(err)) => {
            if let Some(needle) = case.get("message_contains").and_then(Value::as_str) {
                if !err.to_string().contains(needle) {
                    return Err(format!("message {err} does not contain {needle:?}"));
                }
            }
            if let Error::Parse { line, column, .. } = err {
                if let Some(want) = case.get("line").and_then(Value::as_u64) {
                    if *line != want {
                        return Err(format!("error on line {line}, expected {want}: {err}"));
                    }
                }
                if let Some(want) = case.get("column").and_then(Value::as_str) {
                    if column != want {
                        return Err(format!("error in column {column}, expected {want}: {err}"));
                    }
                }
            }
            Ok(())
        }
        // A duplicate id found while reading is a parse error naming the column.
        ("error:DUPLICATE_ID", Outcome::Err(Error::Parse { column, .. }))
            if column == "record_id" =>
        {
            Ok(())
        }
        (e, Outcome::Err(err)) => Err(format!("expected {e}, got {} error: {err}", category(err))),
        (e, Outcome::Ok) => Err(format!("expected {e}, got success")),
    }
}

fn options(input: &Value) -> CheckOptions {
    let mut o = CheckOptions::default();
    let Some(opts) = input.get("options") else {
        return o;
    };
    if let Some(k) = opts.get("max_edits").and_then(Value::as_u64) {
        o.max_edits = Some(k as u8);
    }
    if let Some(t) = opts.get("top").and_then(Value::as_u64) {
        o.top = t as usize;
    }
    match opts.get("threshold") {
        Some(Value::String(s)) if s == "NaN" => o.threshold = f32::NAN,
        Some(v) => o.threshold = v.as_f64().expect("threshold") as f32,
        None => {}
    }
    o
}

fn run_query(index: &Index, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let q = (|| -> Result<Query, NotUtf8> {
        Ok(Query {
            serial: text(&input["serial"], "serial")?,
            make: opt_text(input, "make")?,
            model: opt_text(input, "model")?,
            calibre: opt_text(input, "calibre")?,
            country: opt_text(input, "country")?,
        })
    })();
    let q = match q {
        Ok(q) => q,
        Err(NotUtf8(f)) => return judge(case, &Outcome::NotUtf8(f), None),
    };
    let opts = options(input);
    let key = serial_key(&q.serial);
    match index.check(&q, &opts) {
        Ok(hits) => {
            judge(case, &Outcome::Ok, Some(&key))?;
            let ids: Vec<&str> = hits.iter().map(|h| h.record.id.as_str()).collect();
            if case
                .get("hits")
                .is_some_and(|h| h.as_array().is_some_and(Vec::is_empty))
                && !ids.is_empty()
            {
                return Err(format!("expected no hit, got {ids:?}"));
            }
            if let Some(first) = case.get("first_hit").and_then(Value::as_str) {
                if ids.first() != Some(&first) {
                    return Err(format!("expected first hit {first}, got {ids:?}"));
                }
            }
            // The same check through check_many and check_each gives the same answer.
            let many = index.check_many(std::slice::from_ref(&q), &opts);
            if many[0].as_ref().ok() != Some(&hits) {
                return Err("check_many disagrees with check".into());
            }
            Ok(())
        }
        Err(e) => {
            // Errors are identical through check_many.
            let many = index.check_many(std::slice::from_ref(&q), &opts);
            match &many[0] {
                Err(e2) if e2.to_string() == e.to_string() => judge(case, &Outcome::Err(e), None),
                _ => Err(format!("check_many disagrees with check on error {e}")),
            }
        }
    }
}

fn run_record(records: &[Record], case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let rec = (|| -> Result<Result<Record, Error>, NotUtf8> {
        let reported_on = match opt_text(input, "reported_on")? {
            Some(d) => match d.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => return Ok(Err(e)),
            },
            None => None,
        };
        Ok(Ok(Record {
            id: text(&input["id"], "id")?,
            serial: text(&input["serial"], "serial")?,
            make: opt_text(input, "make")?,
            model: opt_text(input, "model")?,
            calibre: opt_text(input, "calibre")?,
            country: opt_text(input, "country")?,
            kind: None,
            status: None,
            reported_on,
        }))
    })();
    let rec = match rec {
        Err(NotUtf8(f)) => return judge(case, &Outcome::NotUtf8(f), None),
        Ok(Err(e)) => return judge(case, &Outcome::Err(e), None),
        Ok(Ok(r)) => r,
    };
    let key = serial_key(&rec.serial);
    // Through the builder.
    let mut b = Index::builder();
    let built = b.add_ref(&rec).and_then(|()| b.build());
    // Through the live layer of an index that has records.
    let live = build(records);
    let inserted = live.insert(rec.clone());
    match (&built, &inserted) {
        (Ok(_), Ok(())) => {}
        (Err(a), Err(b)) if a.to_string() == b.to_string() => {}
        (a, b) => {
            return Err(format!(
                "builder and insert disagree: {:?} vs {:?}",
                a.as_ref().err().map(ToString::to_string),
                b.as_ref().err().map(ToString::to_string)
            ))
        }
    }
    let index = match built {
        Ok(index) => index,
        Err(e) => return judge(case, &Outcome::Err(e), None),
    };
    judge(case, &Outcome::Ok, Some(&key))?;
    let stored_id = case
        .get("stored_id")
        .and_then(Value::as_str)
        .map_or_else(|| rec.id.clone(), str::to_string);
    // Compacting folds the live record into the FST: the same record either way.
    let before = live.get(&stored_id);
    live.compact().map_err(|e| format!("compact: {e}"))?;
    for (how, idx) in [("built", &index), ("inserted", &live)] {
        let got = idx
            .get(&stored_id)
            .ok_or_else(|| format!("{how}: no record with id {stored_id:?}"))?;
        if let Some(c) = case.get("stored_country").and_then(Value::as_str) {
            if got.country.as_deref() != Some(c) {
                return Err(format!(
                    "{how}: country stored as {:?}, expected {c:?}",
                    got.country
                ));
            }
        }
        if let Some(serial) = case.get("found_by").and_then(Value::as_str) {
            let hits = idx
                .check(&Query::new(serial), &CheckOptions::default())
                .map_err(|e| format!("{how}: check {serial}: {e}"))?;
            if !hits.iter().any(|h| h.record.id == stored_id) {
                return Err(format!("{how}: check {serial} does not find {stored_id}"));
            }
        }
    }
    if before != live.get(&stored_id) {
        return Err(format!(
            "the inserted record reads differently before and after compact: {before:?} vs {:?}",
            live.get(&stored_id)
        ));
    }
    Ok(())
}

fn run_records_file(dir: &Path, n: usize, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let ext = input["format"].as_str().expect("format");
    let path = dir.join(format!("case{n}.{ext}"));
    std::fs::write(&path, text_bytes(&input["text"])).expect("write records file");
    let opts = ReadOptions {
        skip_bad_rows: input
            .get("skip_bad_rows")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        ..ReadOptions::default()
    };
    let outcome = read_records(&path, opts).and_then(|(recs, report)| {
        let mut b = Index::builder();
        for r in &recs {
            b.add_ref(r)?;
        }
        b.build().map(|_| (recs.len(), report))
    });
    match outcome {
        Ok((n, report)) => {
            judge(case, &Outcome::Ok, None)?;
            if let Some(want) = case.get("records").and_then(Value::as_u64) {
                if n as u64 != want {
                    return Err(format!("{n} records read, expected {want}"));
                }
            }
            let want_skipped = case.get("skipped").and_then(Value::as_u64).unwrap_or(0);
            if report.skipped != want_skipped {
                return Err(format!(
                    "{} rows skipped, expected {want_skipped} ({:?})",
                    report.skipped, report.errors
                ));
            }
            Ok(())
        }
        Err(e) => judge(case, &Outcome::Err(e), None),
    }
}

/// A position in the matrix's terms: a number (negative from the end) or "half".
fn position(v: &Value, len: usize) -> usize {
    match v {
        Value::String(s) if s == "half" => len / 2,
        v => {
            let i = v.as_i64().expect("a position");
            if i < 0 {
                len - (-i) as usize
            } else {
                i as usize
            }
        }
    }
}

fn index_bytes_of(records: &[Record], input: &Value) -> Vec<u8> {
    if let Some(b) = input.get("bytes") {
        return text_bytes(b);
    }
    let mut bytes = build(records).to_bytes().expect("to_bytes");
    if let Some(t) = input.get("truncate_to") {
        let at = position(t, bytes.len());
        bytes.truncate(at);
    }
    if let Some(f) = input.get("flip") {
        let at = position(f, bytes.len());
        bytes[at] ^= 0x5A;
    }
    if let Some(a) = input.get("append") {
        bytes.extend(text_bytes(a));
    }
    bytes
}

fn run_index_bytes(dir: &Path, n: usize, records: &[Record], case: &Value) -> Result<(), String> {
    let bytes = index_bytes_of(records, &case["input"]);
    let from_bytes = Index::from_bytes(bytes.clone());
    // The same through a file (memory-mapped).
    let path = dir.join(format!("case{n}.armsidx"));
    std::fs::write(&path, &bytes).expect("write index file");
    let opened = Index::open(&path);
    match (&from_bytes, &opened) {
        (Ok(a), Ok(b)) if a.len() == b.len() => {}
        (Err(a), Err(b)) if category(a) == category(b) => {}
        _ => return Err("from_bytes and open disagree".into()),
    }
    match from_bytes {
        Ok(index) => {
            judge(case, &Outcome::Ok, None)?;
            if index.len() != records.len() {
                return Err(format!(
                    "{} records, expected {}",
                    index.len(),
                    records.len()
                ));
            }
            Ok(())
        }
        Err(e) => judge(case, &Outcome::Err(e), None),
    }
}

#[test]
fn bad_input_matrix() {
    let m = matrix();
    let records = matrix_records(&m);
    let index = build(&records);
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = m["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (n, case) in cases.iter().enumerate() {
        let name = case["name"].as_str().expect("name");
        let target = case["target"].as_str().expect("target");
        seen.insert(target);
        let run = catch_unwind(AssertUnwindSafe(|| match target {
            "query" => run_query(&index, case),
            "record" => run_record(&records, case),
            "records_csv" => run_records_file(dir.path(), n, case),
            "index_bytes" => run_index_bytes(dir.path(), n, &records, case),
            other => Err(format!("unknown target {other}")),
        }));
        match run {
            Ok(Ok(())) => {}
            Ok(Err(why)) => failures.push(format!("{target} / {name}: {why}")),
            Err(_) => failures.push(format!("{target} / {name}: PANICKED")),
        }
    }
    assert_eq!(
        seen,
        BTreeSet::from(["index_bytes", "query", "record", "records_csv"]),
        "every target is exercised"
    );
    assert!(
        failures.is_empty(),
        "{} of {} matrix entries failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Index file integrity
// ---------------------------------------------------------------------------------------

/// A tiny reference, so that the small index files below are mostly records and the
/// exhaustive loops stay fast (the embedded reference is ~100 KB of TOML).
fn tiny_reference() -> Arc<Reference> {
    Arc::new(
        Reference::from_toml_str(
            r#"
            version = "tiny"
            [[calibre]]
            name = "9×19mm Parabellum"
            aliases = ["9mm", "9x19"]
            [[make]]
            name = "Glock"
            country = "AUT"
            aliases = ["Glock GmbH"]
            [[make.model]]
            name = "19"
            calibre = "9×19mm Parabellum"
            "#,
        )
        .expect("tiny reference"),
    )
}

fn small_records() -> Vec<Record> {
    let mut recs: Vec<Record> = (0..24)
        .map(|i| {
            Record::new(format!("R{i:02}"), format!("AB{:05}", i * 37))
                .make(if i % 3 == 0 { "Glock" } else { "Beretta" })
                .calibre("9mm")
                .country(["DEU", "FRA", "ITA"][i % 3])
        })
        .collect();
    recs.push(Record::new("CYR", "ВС 1234").make("Izhmash"));
    recs.push(Record::new("NOSN", "UNK").make("Colt"));
    recs.push(Record::new("ZERO", "0012345"));
    // Two records under one key: a multi-record posting list.
    recs.push(Record::new("DUP-A", "XY-5555"));
    recs.push(Record::new("DUP-B", "XY5555"));
    recs
}

fn small_index_bytes() -> Vec<u8> {
    let mut b = IndexBuilder::with_reference(tiny_reference());
    for r in small_records() {
        b.add(r).expect("valid record");
    }
    b.build().expect("build").to_bytes().expect("to_bytes")
}

/// The small index with changes since its build: two records removed, one replaced and
/// one added, saved as the file's journal.
fn journal_index_bytes() -> Vec<u8> {
    let index = Index::from_bytes(small_index_bytes()).expect("opens");
    index.remove("R03").expect("present");
    index.remove("DUP-A").expect("present");
    index
        .update(
            Record::new("R05", "AB00185")
                .make("Beretta")
                .calibre("9x19"),
        )
        .expect("present");
    index
        .insert(Record::new("NEW", "ВС 7788").make("Izhmash").country("RUS"))
        .expect("new id");
    index.to_bytes().expect("to_bytes")
}

/// `bytes` (an index file whose last section is the journal) with `journal` as its
/// journal, every checksum and the layout made to match: a crafted file.
fn with_journal(bytes: &[u8], journal: &[u8]) -> Vec<u8> {
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    let count = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes")) as usize;
    let entry = 16 + (count - 1) * 32;
    assert_eq!(bytes[entry], 12, "the journal is the last section");
    let off = u64_at(entry + 8) as usize;
    let mut out = bytes[..off].to_vec();
    out.extend_from_slice(journal);
    out.resize(out.len().div_ceil(8) * 8, 0);
    out[entry + 16..entry + 24].copy_from_slice(&(journal.len() as u64).to_le_bytes());
    out[entry + 24..entry + 28].copy_from_slice(&crc32fast::hash(journal).to_le_bytes());
    let table_end = 16 + count * 32;
    let crc = crc32fast::hash(&out[..table_end]);
    out[table_end..table_end + 4].copy_from_slice(&crc.to_le_bytes());
    out
}

#[test]
fn a_file_with_a_journal_reopens_with_its_changes() {
    let bytes = journal_index_bytes();
    let index = Index::from_bytes(bytes.clone()).expect("opens");
    let info = index.info();
    assert_eq!(
        (
            info.records,
            info.base_records,
            info.live_added,
            info.live_removed
        ),
        (
            small_records().len() as u64 - 1,
            small_records().len() as u64,
            2,
            3
        )
    );
    assert!(index.get("R03").is_none() && index.get("DUP-A").is_none());
    assert_eq!(index.get("R05").expect("replaced").serial, "AB00185");
    assert_eq!(
        index.get("NEW").expect("added").country.as_deref(),
        Some("RUS")
    );
    // The same answers as the index compacted, and saved again, the same bytes.
    let compacted = Index::from_bytes(bytes.clone()).expect("opens");
    compacted.compact().expect("compacts");
    assert_eq!(compacted.info().live_added, 0);
    assert_eq!(answers(&index), answers(&compacted));
    assert_eq!(index.to_bytes().expect("bytes"), bytes);
    // Its changes undone, the file is the base alone again.
    let undo = Index::from_bytes(bytes).expect("opens");
    undo.remove("NEW").expect("present");
    for r in small_records()
        .into_iter()
        .filter(|r| ["R03", "DUP-A", "R05"].contains(&r.id.as_str()))
    {
        let _ = undo.remove(&r.id);
        undo.insert(r).expect("re-added");
    }
    assert_eq!(
        answers(&undo),
        answers(&Index::from_bytes(small_index_bytes()).expect("opens"))
    );
}

#[test]
fn a_crafted_journal_is_refused() {
    let bytes = journal_index_bytes();
    // Sealed again unchanged, it opens: the helper crafts valid files.
    assert!(Index::from_bytes(with_journal(&bytes, b"")).is_ok());
    let r = r#"{"insert":{"id":"X1","serial":"AB123"}}"#;
    assert!(Index::from_bytes(with_journal(&bytes, r.as_bytes())).is_ok());
    for (journal, why) in [
        (r#"{"remove":"NO-SUCH-ID"}"#.to_string(), "NO-SUCH-ID"),
        (format!("{r}\n{r}"), "X1"),
        (
            r#"{"insert":{"id":"R00","serial":"AB1"}}"#.to_string(),
            "R00",
        ),
        ("not json".to_string(), "journal line 1"),
        (r#"{"rename":"R00"}"#.to_string(), "journal line 1"),
        (
            format!(
                r#"{{"insert":{{"id":"L","serial":"{}"}}}}"#,
                "9".repeat(300)
            ),
            "journal change 1",
        ),
        (
            r#"{"insert":{"id":"W","serial":"AB12?4"}}"#.to_string(),
            "journal change 1",
        ),
    ] {
        match Index::from_bytes(with_journal(&bytes, journal.as_bytes())) {
            Err(Error::CorruptIndex { ref message, .. }) => {
                assert!(message.contains(why), "{journal}: {message}")
            }
            Err(e) => panic!("{journal}: wrong error kind: {e}"),
            Ok(_) => panic!("{journal}: accepted"),
        }
    }
}

/// The answers of an index to a fixed set of checks, for comparing two indexes.
fn answers(index: &Index) -> Vec<String> {
    let o = CheckOptions::default().threshold(0.0).top(1000);
    let mut out = Vec::new();
    for r in small_records() {
        for q in [
            r.serial.clone(),
            format!("{}*", r.serial.chars().take(3).collect::<String>()),
        ] {
            out.push(format!(
                "{:?}",
                index.check(&Query::new(q).make("Glock"), &o).map(|h| {
                    h.into_iter()
                        .map(|h| (h.record, h.score, h.explanation.serial.kind))
                        .collect::<Vec<_>>()
                })
            ));
        }
    }
    out
}

#[test]
fn every_flipped_bit_pattern_and_every_truncation_is_refused() {
    for bytes in [small_index_bytes(), journal_index_bytes()] {
        every_flip_and_cut_is_refused(bytes);
    }
}

fn every_flip_and_cut_is_refused(bytes: Vec<u8>) {
    let good = Index::from_bytes(bytes.clone()).expect("the index opens");
    let want = answers(&good);
    let mut flipped = 0u64;
    for at in 0..bytes.len() {
        for mask in [0x01u8, 0x80, 0xFF] {
            let mut b = bytes.clone();
            b[at] ^= mask;
            flipped += 1;
            match Index::from_bytes(b) {
                Err(Error::CorruptIndex { .. }) => {}
                Err(other) => panic!("byte {at} ^ {mask:#x}: wrong error kind: {other}"),
                Ok(index) => {
                    // Accepted would only be acceptable with identical answers; with every
                    // byte under a checksum or zero padding it must never happen.
                    let same = answers(&index) == want;
                    panic!("byte {at} ^ {mask:#x} accepted (same answers: {same})");
                }
            }
        }
    }
    for cut in 0..bytes.len() {
        assert!(
            matches!(
                Index::from_bytes(bytes[..cut].to_vec()),
                Err(Error::CorruptIndex { .. })
            ),
            "truncated at {cut} and accepted"
        );
    }
    eprintln!(
        "integrity: {} bytes, {flipped} flips and {} truncations, all refused",
        bytes.len(),
        bytes.len()
    );
}

#[test]
fn damaged_files_on_disk_are_refused_by_open() {
    // The memory-mapped path: a sample of flips (every 7th byte) and cuts through files.
    let bytes = small_index_bytes();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("i.armsidx");
    let mut tried = 0;
    for at in (0..bytes.len()).step_by(7) {
        let mut b = bytes.clone();
        b[at] ^= 0x10;
        std::fs::write(&path, &b).expect("write");
        assert!(
            matches!(Index::open(&path), Err(Error::CorruptIndex { .. })),
            "byte {at} flipped on disk and accepted"
        );
        std::fs::write(&path, &bytes[..at]).expect("write");
        assert!(
            matches!(Index::open(&path), Err(Error::CorruptIndex { .. })),
            "file cut at {at} and accepted"
        );
        tried += 2;
    }
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(
        Index::open(&path).expect("intact file opens").len(),
        small_records().len()
    );
    // A directory, a missing file: I/O errors, not corruption, not a panic.
    assert!(matches!(
        Index::open(dir.path()),
        Err(Error::Io { .. } | Error::CorruptIndex { .. })
    ));
    assert!(matches!(
        Index::open(dir.path().join("missing")),
        Err(Error::Io { .. })
    ));
    eprintln!("integrity on disk: {tried} damaged files refused");
}

/// Recomputes the section and header checksums of an index file (as a hostile author
/// would: a CRC is not a signature). Same logic as `fuzz/src/lib.rs`.
fn fix_checksums(bytes: &mut [u8]) -> bool {
    if bytes.len() < 16 {
        return false;
    }
    let count = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let Some(table_end) = count.checked_mul(32).and_then(|t| t.checked_add(16)) else {
        return false;
    };
    if bytes.len() < table_end + 4 {
        return false;
    }
    for s in 0..count {
        let at = 16 + s * 32;
        let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
        let (off, len) = (u64_at(at + 8), u64_at(at + 16));
        if let Some(end) = off.checked_add(len).filter(|&e| e <= bytes.len() as u64) {
            let crc = crc32(&bytes[off as usize..end as usize]);
            bytes[at + 24..at + 28].copy_from_slice(&crc.to_le_bytes());
        }
    }
    let crc = crc32(&bytes[..table_end]);
    bytes[table_end..table_end + 4].copy_from_slice(&crc.to_le_bytes());
    true
}

/// CRC-32 (IEEE), bitwise: a test needs no dependency for it.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Uses an index that opened from hostile bytes: every read must work, and so must
/// the live layer and a compaction (an index that opens is an index that can be kept
/// up to date). `Err` says what failed.
fn exercise(index: &Index) -> Result<(), String> {
    let mut all = Vec::new();
    index.for_each_record(|r| all.push(r));
    if all.len() != index.len() {
        return Err(format!(
            "for_each_record gives {}, len {}",
            all.len(),
            index.len()
        ));
    }
    let _ = answers(index);
    // Every record read back is found by its id (a crafted id FST can make
    // `get_key` and `get` disagree: fuzz/regressions/index_structured/id-fst-get-key-*).
    for r in all.iter().take(64) {
        if !r.id.is_empty() && r.id.trim() == r.id && index.get(&r.id).as_ref() != Some(r) {
            return Err(format!("record {:?} is not found by its id", r.id));
        }
    }
    let bytes = index.to_bytes().map_err(|e| format!("to_bytes: {e}"))?;
    let again = Index::from_bytes(bytes).map_err(|e| format!("its own bytes do not open: {e}"))?;
    if again.len() != index.len() {
        return Err("its own bytes open to another record count".into());
    }
    let _ = index.insert(Record::new("HOSTILE-NEW", "QQ-778899"));
    if let Some(r) = all.iter().find(|r| !r.id.is_empty() && r.id.trim() == r.id) {
        index
            .remove(&r.id)
            .map_err(|e| format!("remove {:?}: {e}", r.id))?;
    }
    index.compact().map_err(|e| format!("compact: {e}"))
}

/// Opens bytes as an index and uses it. `Ok(true)` opened and worked, `Ok(false)`
/// refused as corrupt, `Err` panicked, refused with the wrong error, or opened but
/// did not work.
fn open_and_use(bytes: Vec<u8>) -> Result<bool, String> {
    match catch_unwind(AssertUnwindSafe(|| match Index::from_bytes(bytes) {
        Ok(index) => exercise(&index).map(|()| true),
        Err(Error::CorruptIndex { .. }) => Ok(false),
        Err(other) => Err(format!("refused with the wrong error kind: {other}")),
    })) {
        Ok(r) => r,
        Err(p) => Err(format!(
            "PANIC: {}",
            p.downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("?")
        )),
    }
}

#[test]
fn hostile_files_with_valid_checksums_never_panic() {
    // Every byte of a small index changed and the checksums made right again (a CRC is
    // not a signature: whoever crafts a file can fix them). The structural checks must
    // refuse it, or the index must open and work. No panic, no half-usable index.
    let bytes = small_index_bytes();
    assert!(crc32(b"123456789") == 0xCBF4_3926, "CRC-32 check value");
    let (mut refused, mut opened) = (0u64, 0u64);
    let mut failures: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for at in 16..bytes.len() {
        for mask in [0x01u8, 0xFF] {
            let mut b = bytes.clone();
            b[at] ^= mask;
            fix_checksums(&mut b);
            match open_and_use(b) {
                Ok(true) => opened += 1,
                Ok(false) => refused += 1,
                Err(why) => {
                    // Group by what went wrong, numbers blanked.
                    let kind: String = why
                        .chars()
                        .map(|c| if c.is_ascii_digit() { 'N' } else { c })
                        .collect();
                    failures
                        .entry(kind)
                        .or_default()
                        .push(format!("byte {at} ^ {mask:#04x}"));
                }
            }
        }
    }
    eprintln!(
        "hostile files: {refused} refused, {opened} opened and worked, {} failed",
        failures.values().map(Vec::len).sum::<usize>()
    );
    let report: Vec<String> = failures
        .iter()
        .map(|(k, v)| format!("{} × {k} (first: {})", v.len(), v[0]))
        .collect();
    assert!(
        failures.is_empty(),
        "hostile index files:\n{}",
        report.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// A process killed while saving
// ---------------------------------------------------------------------------------------

const SAVE_CHILD_ENV: &str = "ARMSMATCH_TEST_SAVE_CHILD";

fn big_index(n: usize, marker: &str) -> Index {
    let mut b = Index::builder();
    for i in 0..n {
        b.add(
            Record::new(
                format!("REC-{i:07}"),
                format!("K{:09}", (i as u64 * 2_654_435_761) % 1_000_000_000),
            )
            .make(["Glock", "Beretta", "Colt", "Walther"][i % 4])
            .country(["DEU", "FRA", "USA", "BRA"][i % 4]),
        )
        .expect("valid record");
    }
    b.add(Record::new(marker, "MARKER-0001")).expect("marker");
    b.build().expect("build")
}

/// Not a test of its own: the child process of `killed_while_saving_leaves_old_or_new`
/// (run with the environment variable set to "target a b"). It opens the two index
/// files a and b and saves them to the target, alternately, until it is killed (or,
/// should its parent be gone, after 100 saves).
#[test]
fn save_child_process() {
    let Ok(args) = std::env::var(SAVE_CHILD_ENV) else {
        return;
    };
    let paths: Vec<&str> = args.split('\n').collect();
    let a = Index::open(paths[1]).expect("open a");
    let b = Index::open(paths[2]).expect("open b");
    println!("ready");
    for _ in 0..50 {
        a.save(paths[0]).expect("save");
        b.save(paths[0]).expect("save");
    }
}

#[test]
fn killed_while_saving_leaves_old_or_new() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("register.armsidx");
    let (pa, pb) = (dir.path().join("a.src"), dir.path().join("b.src"));
    let old = big_index(10, "MARK-OLD");
    let a = big_index(150_000, "MARK-A");
    let started = std::time::Instant::now();
    a.save(&pa).expect("save a");
    let save_ms = started.elapsed().as_millis().max(1) as u64;
    drop(a);
    big_index(150_001, "MARK-B").save(&pb).expect("save b");
    let exe = std::env::current_exe().expect("test binary");
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n.max(1)
    };
    let mut seen: std::collections::BTreeMap<&str, u32> = Default::default();
    let kills = 16;
    for _ in 0..kills {
        old.save(&path).expect("save the old index");
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_child_process",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(
                SAVE_CHILD_ENV,
                format!("{}\n{}\n{}", path.display(), pa.display(), pb.display()),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the saving child");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        // The test harness prints "test save_child_process ... " first, on the same
        // line as the child's own "ready".
        while !line.trim_end().ends_with("ready") {
            line.clear();
            assert!(
                out.read_line(&mut line).expect("read child") > 0,
                "the child exited early"
            );
        }
        // Within the first three saves: before, during or after a write or a rename.
        std::thread::sleep(std::time::Duration::from_millis(rand(3 * save_ms + 1)));
        child.kill().expect("SIGKILL the child");
        child.wait().expect("reap the child");
        let index = Index::open(&path).expect("after a kill the file opens");
        let (which, want) = [("MARK-OLD", 11), ("MARK-A", 150_001), ("MARK-B", 150_002)]
            .into_iter()
            .find(|(m, _)| index.contains(m))
            .expect("the file is one of the saved indexes");
        assert_eq!(index.len(), want, "{which}: a whole index, not a mix");
        *seen.entry(which).or_default() += 1;
    }
    let leftovers = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .count();
    eprintln!(
        "killed {kills} saving processes (save takes ~{save_ms} ms): the file was always whole \
         ({seen:?}); temporary files left behind: {leftovers}"
    );
}

// ---------------------------------------------------------------------------------------
// The fuzz seed corpus, replayed without libFuzzer
// ---------------------------------------------------------------------------------------

fn seed_files(target: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["fuzz/seeds", "fuzz/regressions"] {
        let d = root().join(dir).join(target);
        if let Ok(entries) = std::fs::read_dir(&d) {
            out.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    out.sort();
    out
}

/// `ARMSMATCH_WRITE_FUZZ_SEEDS=1 cargo test -p armsmatch --test bad_inputs fuzz_seed`
/// (re)writes the index seeds of the fuzz corpus; they must be rewritten when the file
/// format changes (this test fails until they are).
#[test]
fn fuzz_seed_indexes_are_current() {
    let seeds: Vec<(&str, Vec<u8>)> = vec![
        ("small.armsidx", small_index_bytes()),
        ("empty.armsidx", {
            IndexBuilder::with_reference(tiny_reference())
                .build()
                .expect("build")
                .to_bytes()
                .expect("bytes")
        }),
        ("journal.armsidx", journal_index_bytes()),
        ("matrix.armsidx", {
            let m = matrix();
            let mut b = IndexBuilder::with_reference(tiny_reference());
            for r in matrix_records(&m) {
                b.add(r).expect("valid");
            }
            b.build().expect("build").to_bytes().expect("bytes")
        }),
    ];
    for target in ["index_bytes", "index_structured"] {
        let dir = root().join("fuzz/seeds").join(target);
        for (name, bytes) in &seeds {
            let path = dir.join(name);
            if std::env::var_os("ARMSMATCH_WRITE_FUZZ_SEEDS").is_some() {
                std::fs::create_dir_all(&dir).expect("mkdir");
                std::fs::write(&path, bytes).expect("write seed");
            }
            let on_disk = std::fs::read(&path).unwrap_or_default();
            assert!(
                on_disk == *bytes,
                "{} is stale: rewrite the seeds with ARMSMATCH_WRITE_FUZZ_SEEDS=1",
                path.display()
            );
        }
    }
}

#[test]
fn fuzz_corpus_replays_without_panic() {
    let mut replayed = 0;
    let mut failures = Vec::new();
    for target in ["index_bytes", "index_structured"] {
        for path in seed_files(target) {
            let mut bytes = std::fs::read(&path).expect("read seed");
            if target == "index_structured" {
                fix_checksums(&mut bytes);
            }
            if let Err(why) = open_and_use(bytes) {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                failures.push(format!("{target}/{}: {why}", name.unwrap_or_default()));
            }
            replayed += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "fuzz inputs that fail:\n{}",
        failures.join("\n")
    );
    for path in seed_files("normalize") {
        let bytes = std::fs::read(&path).expect("read seed");
        let s = String::from_utf8_lossy(&bytes);
        let key = serial_key(&s);
        assert_eq!(serial_key(&key), key, "{}", path.display());
        let _ = (
            armsmatch::skeleton(&s),
            armsmatch::search_keys(&s),
            armsmatch::name_key(&s),
        );
        replayed += 1;
    }
    for path in seed_files("reference") {
        let bytes = std::fs::read(&path).expect("read seed");
        if let Ok(text) = std::str::from_utf8(&bytes) {
            if let Ok(r) = Reference::from_toml_str(text) {
                let again = Reference::from_toml_str(&r.to_toml_string()).expect("round trip");
                assert_eq!(
                    again.to_toml_string(),
                    r.to_toml_string(),
                    "{}",
                    path.display()
                );
            }
        }
        replayed += 1;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for path in seed_files("records") {
        let bytes = std::fs::read(&path).expect("read seed");
        for ext in ["csv", "jsonl"] {
            let p = dir.path().join(format!("seed.{ext}"));
            std::fs::write(&p, &bytes).expect("write");
            for skip in [false, true] {
                match read_records(
                    &p,
                    ReadOptions {
                        skip_bad_rows: skip,
                        ..ReadOptions::default()
                    },
                ) {
                    Ok(_) | Err(Error::Parse { .. }) => {}
                    Err(other) => panic!("{}: wrong error kind {other}", path.display()),
                }
            }
        }
        replayed += 1;
    }
    assert!(
        replayed > 0,
        "the seed corpus is committed under fuzz/seeds"
    );
}

#[test]
fn a_directory_given_for_a_file_is_an_io_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for err in [
        armsmatch::Index::open(dir.path()).err(),
        armsmatch::io::read_records(dir.path(), Default::default()).err(),
        armsmatch::io::read_queries(dir.path(), Default::default()).err(),
    ] {
        let err = err.expect("a directory is refused");
        assert!(matches!(err, armsmatch::Error::Io { .. }), "{err:?}");
        assert!(err.to_string().contains("is a directory"), "{err}");
    }
}

/// Saving over a register readable by its owner alone keeps it so: the file that
/// replaces it takes its permissions (a C client found the mode reset to the default).
#[cfg(unix)]
#[test]
fn saving_over_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.armsidx");
    let index = build(&[Record::new("R1", "AB123456")]);
    index.save(&path).unwrap();
    for mode in [0o600, 0o640, 0o604] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        index
            .insert(Record::new(format!("R{mode}"), "CD123456"))
            .unwrap();
        index.save(&path).unwrap();
        let got = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "{mode:o}");
        assert_eq!(Index::open(&path).unwrap().len(), index.len());
    }
}

/// `save` follows a symbolic link to the file it names (the link stays a link) and
/// refuses to replace what is not a regular file, writing nothing.
#[cfg(unix)]
#[test]
fn save_follows_links_and_replaces_regular_files_only() {
    use std::os::unix::fs::{symlink, FileTypeExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let one = build(&[Record::new("R1", "AB123456")]);
    let two = build(&[Record::new("R1", "AB123456"), Record::new("R2", "CD654321")]);
    let real = dir.path().join("register-v1.armsidx");
    one.save(&real).expect("save");
    let link = dir.path().join("current.armsidx");
    symlink("register-v1.armsidx", &link).expect("symlink");
    two.save(&link).expect("save through the link");
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(Index::open(&real).expect("open").len(), 2);
    // A link to a file not there yet creates it; a chain of links is followed.
    let chain = dir.path().join("chain.armsidx");
    symlink(&link, &chain).expect("symlink");
    one.save(&chain).expect("save through two links");
    assert_eq!(Index::open(&real).expect("open").len(), 1);
    let dangling = dir.path().join("next.armsidx");
    symlink("register-v2.armsidx", &dangling).expect("symlink");
    two.save(&dangling).expect("save through a dangling link");
    assert_eq!(
        Index::open(dir.path().join("register-v2.armsidx"))
            .expect("open")
            .len(),
        2
    );
    // A loop of links, a directory, a socket: refused, nothing written beside them.
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    symlink(&b, &a).expect("symlink");
    symlink(&a, &b).expect("symlink");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
    let before: BTreeSet<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    for (target, says) in [
        (&a, "symbolic links"),
        (&sub, "a directory"),
        (&socket, "not a regular file"),
    ] {
        let err = one.save(target).expect_err("refused");
        assert!(matches!(err, Error::Io { .. }), "{err:?}");
        assert!(err.to_string().contains(says), "{err}");
    }
    let after: BTreeSet<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(before, after);
    assert!(
        std::fs::symlink_metadata(&socket)
            .expect("socket")
            .file_type()
            .is_socket(),
        "the socket is still there"
    );
}

/// What is not an index file says so: a device is not a regular file (not the memory
/// map's "No such device"), an empty file is empty; a reference file that is not UTF-8
/// is reference data in error, not an I/O failure.
#[test]
fn devices_empty_files_and_latin1_references_say_what_they_are() {
    #[cfg(unix)]
    {
        let err = Index::open("/dev/null").expect_err("a device");
        assert!(matches!(err, Error::Io { .. }), "{err:?}");
        assert!(err.to_string().contains("not a regular file"), "{err}");
        // A FIFO is refused before it is opened (opening it would wait for a writer).
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo.armsidx");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            for err in [
                Index::open(&fifo).expect_err("a FIFO"),
                Index::file_checksum(&fifo).expect_err("a FIFO"),
            ] {
                assert!(err.to_string().contains("not a regular file"), "{err}");
            }
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.armsidx");
    std::fs::write(&empty, b"").expect("write");
    let err = Index::open(&empty).expect_err("empty");
    assert!(matches!(err, Error::CorruptIndex { .. }), "{err:?}");
    assert!(err.to_string().contains("empty"), "{err}");
    let latin1 = dir.path().join("ref.toml");
    std::fs::write(
        &latin1,
        b"version = \"x\"\n\n[[make]]\nname = \"W\xe4lther\"\n",
    )
    .expect("write");
    let err = Reference::load(&latin1).expect_err("Latin-1");
    assert!(matches!(err, Error::Reference(_)), "{err:?}");
    assert!(err.to_string().contains("line 4"), "{err}");
    let mut r = Reference::empty();
    assert!(matches!(
        r.extend_from_file(&latin1),
        Err(Error::Reference(_))
    ));
    assert!(matches!(
        Reference::load(dir.path().join("missing.toml")),
        Err(Error::Io { .. })
    ));
}
