//! Records and queries files (CSV and JSON Lines) from arbitrary bytes: read with and
//! without `skip_bad_rows`. No panic; no row is silently dropped (with skipping on,
//! every row is either a record or counted as skipped); the records that were read
//! build an index or fail with a typed error.
#![no_main]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use armsmatch::io::{read_queries, read_records, ReadOptions};
use armsmatch::{Error, IndexBuilder, Reference};
use libfuzzer_sys::fuzz_target;

/// What the reader says of a quoted field the file ends inside.
const UNCLOSED: &str = "is never closed";

fn scratch(ext: &str) -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("armsmatch-fuzz-records-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("scratch directory");
        d
    });
    dir.join(format!("input.{ext}"))
}

/// Rows of a CSV file as the csv crate sees them with armsmatch's settings and field
/// separator `delimiter`, less the blank lines armsmatch documents as ignored (data rows
/// only, header excluded). armsmatch picks the separator from the header (`,`, or `;`
/// or a tab when the header split so names the required columns): the count under one
/// of the three must be armsmatch's (quotes are read differently under each).
fn csv_rows(data: &[u8], delimiter: u8) -> Option<u64> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(data);
    rdr.byte_headers().ok()?;
    let mut n = 0;
    let mut rec = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Some(n),
            Ok(true) => {
                if !(rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty())) {
                    n += 1;
                }
            }
            Err(_) => n += 1,
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let skip = ReadOptions {
        skip_bad_rows: true,
        ..ReadOptions::default()
    };
    for ext in ["csv", "jsonl"] {
        let path = scratch(ext);
        std::fs::write(&path, data).expect("write scratch file");
        match read_records(&path, ReadOptions::default()) {
            Ok((recs, report)) => {
                assert_eq!(report.skipped, 0);
                assert_eq!(report.rows, recs.len() as u64);
                // An empty reference: building with the embedded one re-parses ~100 KB
                // of TOML per input and would slow the fuzzer thirtyfold.
                static EMPTY: OnceLock<Arc<Reference>> = OnceLock::new();
                let reference = EMPTY.get_or_init(|| Arc::new(Reference::empty()));
                let mut b = IndexBuilder::with_reference(Arc::clone(reference));
                for r in recs {
                    b.add(r).expect("a record that was read is valid");
                }
                match b.build() {
                    Ok(_) | Err(Error::DuplicateId(_)) => {}
                    Err(other) => panic!("unexpected build error: {other}"),
                }
            }
            Err(Error::Parse { line, .. }) => assert!(line >= 1),
            Err(other) => panic!("unexpected error kind reading {ext}: {other}"),
        }
        match read_records(&path, skip) {
            Ok((recs, report)) => {
                let accounted = recs.len() as u64 + report.skipped;
                if ext == "jsonl" {
                    // Byte-order marks before the first object are not a row (the reader
                    // drops every one there, as an editor that added one twice leaves).
                    let mut body = data;
                    while let Some(rest) = body.strip_prefix(b"\xef\xbb\xbf") {
                        body = rest;
                    }
                    let rows = body
                        .split(|&b| b == b'\n')
                        .filter(|l| std::str::from_utf8(l).map_or(true, |t| !t.trim().is_empty()))
                        .count() as u64;
                    assert_eq!(accounted, rows, "JSONL rows dropped silently");
                } else {
                    let counts: Vec<u64> = [b',', b';', b'\t']
                        .into_iter()
                        .filter_map(|d| csv_rows(data, d))
                        .collect();
                    if !counts.is_empty() {
                        assert!(
                            counts.contains(&accounted),
                            "CSV rows dropped silently: {accounted} read or skipped, \
                             {counts:?} rows split at , ; and tab"
                        );
                    }
                }
                assert!(report.errors.len() as u64 <= report.skipped.min(20));
            }
            // A bad header cannot be skipped, nor a quote never closed (it swallowed
            // every row after it).
            Err(Error::Parse { line: 1, .. }) => {}
            Err(Error::Parse { message, .. }) if message.contains(UNCLOSED) => {}
            Err(other) => panic!("unexpected error with skip_bad_rows ({ext}): {other}"),
        }
        match read_queries(&path, skip) {
            Ok((rows, report)) => {
                for r in &rows {
                    assert!(!r.query_id.trim().is_empty());
                    assert!(r.query.serial.len() <= armsmatch::limits::MAX_SERIAL_BYTES);
                }
                let _ = report;
            }
            Err(Error::Parse { line: 1, .. }) => {}
            Err(Error::Parse { message, .. }) if message.contains(UNCLOSED) => {}
            Err(other) => panic!("unexpected error reading queries ({ext}): {other}"),
        }
    }
});
