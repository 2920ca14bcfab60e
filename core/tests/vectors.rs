//! The shared test vectors (`tests/vectors/checks.json`), run through the Rust API.
//! The C and Python suites run the same file.

use armsmatch::{CheckOptions, Error, Index, Query, Record};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    records: Vec<Record>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    query: Query,
    #[serde(default)]
    options: Options,
    expect: Vec<Expected>,
    #[serde(default)]
    expect_error: Option<String>,
}

#[derive(Deserialize, Default)]
struct Options {
    max_edits: Option<u8>,
    top: Option<usize>,
    threshold: Option<f32>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    record_id: String,
    serial_match: String,
    serial_distance: u8,
    make_match: String,
    model_match: String,
    calibre_match: String,
    /// The shape of the serial edits (`plain` unless the vector says otherwise).
    #[serde(default = "plain")]
    shape: String,
}

fn plain() -> String {
    "plain".into()
}

/// The error category names the bindings share.
fn category(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { .. } => "INVALID_ARGUMENT",
        Error::LimitExceeded { .. } => "LIMIT_EXCEEDED",
        _ => "OTHER",
    }
}

#[test]
fn shared_vectors() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/checks.json");
    let v: Vectors = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut b = Index::builder();
    for r in v.records {
        b.add(r).unwrap();
    }
    let index = b.build().unwrap();
    let mut failures = Vec::new();
    for case in &v.cases {
        let d = CheckOptions::default();
        let opts = CheckOptions {
            max_edits: case.options.max_edits,
            top: case.options.top.unwrap_or(d.top),
            threshold: case.options.threshold.unwrap_or(d.threshold),
            serial_only: false,
        };
        match (index.check(&case.query, &opts), &case.expect_error) {
            (Ok(hits), None) => {
                let got: Vec<Expected> = hits
                    .iter()
                    .map(|h| Expected {
                        record_id: h.record.id.clone(),
                        serial_match: h.explanation.serial.kind.as_str().into(),
                        serial_distance: h.explanation.serial.distance,
                        make_match: h.explanation.make.as_str().into(),
                        model_match: h.explanation.model.as_str().into(),
                        calibre_match: h.explanation.calibre.as_str().into(),
                        shape: h.explanation.serial.shape().as_str().into(),
                    })
                    .collect();
                if got != case.expect {
                    let why: Vec<String> = hits
                        .iter()
                        .map(|h| format!("{} {:.3} {}", h.record.id, h.score, h.explanation))
                        .collect();
                    failures.push(format!(
                        "{}:\n  want {:?}\n  got  {:?}\n  {}",
                        case.name,
                        case.expect,
                        got,
                        why.join("\n  ")
                    ));
                }
            }
            (Err(e), Some(want)) if category(&e) == want => {}
            (got, want) => failures.push(format!(
                "{}: want error {want:?}, got {:?}",
                case.name,
                got.map(|h| h.len())
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
