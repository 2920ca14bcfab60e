//! A synthetic register of lost, stolen and trafficked firearms, and checks against it
//! with known answers: for the demo, the benchmarks and the evaluation of matching
//! quality.
//!
//! [`Register`] describes a register of `records` firearms as a pure function of a seed:
//! [`Register::record`] computes record `i` on demand (nothing is stored), so a register
//! of 10 M records costs no memory until it is streamed into an index or a file.
//! [`Register::checks`] draws seized firearms to check, one third of them true hits
//! (a registered firearm, its identifiers copied with realistic errors) and two thirds
//! non-hits, each with its [`Truth`].
//!
//! What the generator models (see `DOMAIN.md` of the project):
//!
//! * makes drawn by the reference's `weight`, models and calibres from the make's
//!   reference entries; names written as canonical, alias, misspelling or missing, in
//!   the proportions registers show;
//! * serial formats chosen per make (and varied per model): letter prefix + digits,
//!   plain digits (some zero-padded), digits + letter suffix, dash-separated, long
//!   modern serials, and Cyrillic-marked serials for Russian and Belarusian makers;
//! * production batches: nearby records of the same make and model often come from one
//!   batch (a shop burglary, a stolen shipment) and differ only in the last digits;
//! * the same firearm reported again by another country (~2 %), a serial shared with a
//!   record of another make (~1 %), placeholder serials such as `UNK` (~0.5 %);
//! * hits with one serial noise (typing, reading, transliteration, obliteration) and up
//!   to two identity noises (make alias, model variant, calibre synonym, missing
//!   fields), named in [`NOISE_KINDS`]; non-hits of the kinds in [`NON_HIT_KINDS`].
//!
//! The labels are true by construction: [`Register::checks`] looks every candidate up
//! in the whole register (serial keys and their confusable skeletons, with the same
//! normalization the index uses) and regenerates it when it would be ambiguous.
//!
//! ```
//! use armsmatch::synth::{Register, SynthConfig, Label};
//! use armsmatch::Index;
//!
//! let register = Register::new(SynthConfig { records: 2_000, queries: 30, seed: 7 });
//! let mut builder = Index::builder();
//! for record in register.records() {
//!     builder.add(record)?;
//! }
//! let index = builder.build()?;
//! let checks = register.checks();
//! assert_eq!(checks.len(), 30);
//! assert_eq!(checks.iter().filter(|c| c.truth.label == Label::Hit).count(), 10);
//! # let _ = index;
//! # Ok::<(), armsmatch::Error>(())
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::distance::osa_distance;
use crate::error::{Error, Result};
use crate::normalize::{
    index_keys, is_placeholder_serial, name_key, search_keys, serial_key, skeleton_of_key,
    variants, CONFUSABLE_CLASSES, RARE_CONFUSIONS,
};
use crate::raw::Pattern;
use crate::record::{Date, Kind, Query, Record, Status};
use crate::reference::{NameForm, Reference, ReferenceData};

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/// Size and seed of a synthetic register.
///
/// ```
/// let cfg = armsmatch::synth::SynthConfig::default();
/// assert_eq!((cfg.records, cfg.queries, cfg.seed), (1_500_000, 10_000, 42));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SynthConfig {
    /// Number of register records.
    pub records: usize,
    /// Number of checks [`Register::checks`] draws.
    pub queries: usize,
    /// Seed: the same seed gives the same register and checks, on every platform.
    pub seed: u64,
}

impl Default for SynthConfig {
    /// The size of INTERPOL's iARMS today: 1.5 M records, 10 k checks, seed 42.
    fn default() -> SynthConfig {
        SynthConfig {
            records: 1_500_000,
            queries: 10_000,
            seed: 42,
        }
    }
}

/// A synthetic register: every record is computed on demand from the seed and its
/// number, so the register costs only its (small) reference tables.
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig};
/// let reg = Register::new(SynthConfig { records: 100, queries: 0, seed: 1 });
/// assert_eq!(reg.len(), 100);
/// assert_eq!(reg.record(42), reg.record(42)); // pure: no state
/// assert_eq!(reg.records().count(), 100);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    cfg: SynthConfig,
    t: Tables,
}

/// One check with its known answer.
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig};
/// let checks = Register::new(SynthConfig { records: 500, queries: 3, seed: 1 }).checks();
/// assert!(checks.iter().all(|c| !c.query_id.is_empty() && !c.truth.noise.is_empty()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The check's id (`Q-0000001`, …).
    pub query_id: String,
    /// What the checking officer keyed in.
    pub query: Query,
    /// The right answer.
    pub truth: Truth,
}

/// Whether a check is a true hit.
///
/// ```
/// assert_eq!(armsmatch::synth::Label::NonHit.as_str(), "non_hit");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// The checked firearm is in the register.
    Hit,
    /// It is not.
    NonHit,
}

impl Label {
    /// The name used in truth files: `hit` or `non_hit`.
    ///
    /// ```
    /// assert_eq!(armsmatch::synth::Label::Hit.as_str(), "hit");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Hit => "hit",
            Label::NonHit => "non_hit",
        }
    }
}

/// The known answer of a check.
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig, Label};
/// let reg = Register::new(SynthConfig { records: 1_000, queries: 9, seed: 3 });
/// for c in reg.checks() {
///     match c.truth.label {
///         Label::Hit => assert!(!c.truth.record_ids.is_empty()),
///         Label::NonHit => assert!(c.truth.record_ids.is_empty()),
///     }
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truth {
    /// Hit or not.
    pub label: Label,
    /// kinds of noise applied (for a hit) or the kind of non-hit, e.g. ["typo1", "make_alias"] or ["sibling"]
    pub noise: Vec<String>,
    /// ids of every record of the same physical firearm (target first, then the same firearm reported by other countries); empty for a non-hit
    pub record_ids: Vec<String>,
}

/// Every noise kind a hit may carry: first the serial noises (exactly one per hit),
/// then the identity noises (zero to two per hit).
///
/// * `exact` — the serial copied cleanly;
/// * `case_separators` — case changed, spaces, dashes, slashes or dots added or removed;
/// * `ocr` — one or two characters misread within a confusable class (`O/0/Q/D`,
///   `I/1/L`, `S/5`, `B/8`, `Z/2`, `G/6`, `U/V`);
/// * `rare_confusion` — a rarer misreading (`A/4`, `T/7`, `E/F`, `C/G`, `3/8`, …);
/// * `cyrillic_visual` — a Cyrillic marking keyed by shape (`ВС 1234` → `BC 1234`);
/// * `cyrillic_translit` — keyed by sound, BGN/PCGN or ISO 9 (`VS1234`, `KH…`/`H…`);
/// * `typo1`, `typo2` — one or two keyboard slips (neighbouring key, extra or missing
///   key, two neighbours swapped);
/// * `leading_zeros` — leading zeros dropped or added;
/// * `embedded_letter` — a letter between digits dropped or added (NCIC ignores them);
/// * `obliterated_one` — one to three characters unreadable (`?`);
/// * `obliterated_star` — a ground-off prefix or suffix (`*`), at least four known;
/// * `make_alias`, `make_misspelled`, `make_missing`, `model_variant`, `model_missing`,
///   `calibre_synonym`, `calibre_missing` — how make, model and calibre were written.
///
/// ```
/// assert!(armsmatch::synth::NOISE_KINDS.contains(&"cyrillic_translit"));
/// ```
pub const NOISE_KINDS: &[&str] = &[
    "exact",
    "case_separators",
    "ocr",
    "rare_confusion",
    "cyrillic_visual",
    "cyrillic_translit",
    "typo1",
    "typo2",
    "leading_zeros",
    "embedded_letter",
    "obliterated_one",
    "obliterated_star",
    "make_alias",
    "make_misspelled",
    "make_missing",
    "model_variant",
    "model_missing",
    "calibre_synonym",
    "calibre_missing",
];

/// Every kind of non-hit:
///
/// * `sibling` — same make and model as a registered firearm, serial with 2–3 digits
///   near the end different (the next firearm of the same production batch);
/// * `other_make` — a registered serial, but under another make that has no record
///   with that serial;
/// * `fresh` — a new serial in a realistic format;
/// * `wildcard_nothing` — a partial serial (`?`, `*`, at least four known characters)
///   that matches no record at all.
///
/// ```
/// assert_eq!(armsmatch::synth::NON_HIT_KINDS.len(), 4);
/// ```
pub const NON_HIT_KINDS: &[&str] = &["sibling", "other_make", "fresh", "wildcard_nothing"];

impl Register {
    /// A register of `cfg.records` records. Cheap: it only prepares weight tables from
    /// the embedded reference ([`Reference::embedded`]); records are computed on demand.
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// let reg = Register::new(SynthConfig::default());
    /// assert_eq!(reg.len(), 1_500_000);
    /// ```
    pub fn new(cfg: SynthConfig) -> Register {
        Register {
            cfg,
            t: Tables::build(Reference::embedded()),
        }
    }

    /// The configuration.
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// assert_eq!(Register::new(SynthConfig::default()).config().seed, 42);
    /// ```
    pub fn config(&self) -> &SynthConfig {
        &self.cfg
    }

    /// Number of records.
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// assert_eq!(Register::new(SynthConfig { records: 5, queries: 0, seed: 0 }).len(), 5);
    /// ```
    pub fn len(&self) -> usize {
        self.cfg.records
    }

    /// True if the register has no record.
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// assert!(Register::new(SynthConfig { records: 0, queries: 0, seed: 0 }).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.cfg.records == 0
    }

    /// Record `i`: a pure function of the seed and `i` (a number past [`Register::len`]
    /// still gives a record, just not one of this register). Ids are unique: they
    /// hold `i` (`DEU-2019-0012345`).
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// let reg = Register::new(SynthConfig { records: 10, queries: 0, seed: 9 });
    /// let r = reg.record(3);
    /// assert!(r.id.ends_with("-0000003"));
    /// assert_eq!(r, reg.record(3));
    /// ```
    pub fn record(&self, i: usize) -> Record {
        self.r#gen(i).0
    }

    /// All records, in order (`(0..len).map(record)`).
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig};
    /// let reg = Register::new(SynthConfig { records: 10, queries: 0, seed: 9 });
    /// assert_eq!(reg.records().nth(4), Some(reg.record(4)));
    /// ```
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.len()).map(move |i| self.record(i))
    }

    /// `cfg.queries` checks, deterministic for the seed: one third true hits (rounded
    /// up), the rest non-hits. Generates the whole register once to make every label
    /// true: a few seconds for 1.5 M records in release mode, and about 150 bytes per
    /// record while it runs (sorted serial-key skeletons, forward and reversed, for
    /// exact and wildcard look-ups). The result does not depend on the number of
    /// threads. A register without any usable serial gets only non-hits.
    ///
    /// ```
    /// use armsmatch::synth::{Register, SynthConfig, Label};
    /// let reg = Register::new(SynthConfig { records: 1_000, queries: 12, seed: 5 });
    /// let checks = reg.checks();
    /// assert_eq!(checks, reg.checks());
    /// assert_eq!(checks.iter().filter(|c| c.truth.label == Label::Hit).count(), 4);
    /// ```
    pub fn checks(&self) -> Vec<Check> {
        let world = World::build(self);
        let n = self.cfg.queries;
        let hits = if world.eligible.is_empty() {
            0
        } else {
            n.div_ceil(3)
        };
        let mut labels: Vec<bool> = (0..n).map(|k| k < hits).collect();
        labels.shuffle(&mut self.rng(TAG_LABELS, 0));
        labels
            .par_iter()
            .enumerate()
            .map(|(q, &hit)| {
                let mut rng = self.rng(TAG_CHECK, q as u64);
                let id = format!("Q-{:07}", q + 1);
                let made = if hit {
                    self.hit_check(&world, &mut rng)
                } else {
                    None
                };
                let (query, truth) = made.unwrap_or_else(|| self.non_hit_check(&world, &mut rng));
                Check {
                    query_id: id,
                    query,
                    truth,
                }
            })
            .collect()
    }
}

/// Streams the register to a records CSV (`record_id,make,model,serial,calibre,type,
/// country,status,reported_on`), returning the number of records written.
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig, write_records_csv};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("records.csv");
/// let reg = Register::new(SynthConfig { records: 50, queries: 0, seed: 1 });
/// assert_eq!(write_records_csv(&reg, &path)?, 50);
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub fn write_records_csv(register: &Register, path: &Path) -> Result<u64> {
    let mut w = csv_writer(path)?;
    write_row(&mut w, path, &crate::io::RECORD_COLUMNS)?;
    let mut n = 0u64;
    for r in register.records() {
        let date = r.reported_on.map(|d| d.to_string()).unwrap_or_default();
        write_row(
            &mut w,
            path,
            &[
                r.id.as_str(),
                r.make.as_deref().unwrap_or(""),
                r.model.as_deref().unwrap_or(""),
                r.serial.as_str(),
                r.calibre.as_deref().unwrap_or(""),
                r.kind.map_or("", Kind::as_str),
                r.country.as_deref().unwrap_or(""),
                r.status.map_or("", Status::as_str),
                date.as_str(),
            ],
        )?;
        n += 1;
    }
    w.flush().map_err(|e| io_error(path, e))?;
    Ok(n)
}

/// Writes the checks as a queries CSV (`query_id,make,model,serial,calibre,country`).
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig, write_queries_csv};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("queries.csv");
/// let checks = Register::new(SynthConfig { records: 200, queries: 6, seed: 1 }).checks();
/// write_queries_csv(&checks, &path)?;
/// assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 7);
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub fn write_queries_csv(checks: &[Check], path: &Path) -> Result<()> {
    let mut w = csv_writer(path)?;
    write_row(
        &mut w,
        path,
        &["query_id", "make", "model", "serial", "calibre", "country"],
    )?;
    for c in checks {
        let q = &c.query;
        write_row(
            &mut w,
            path,
            &[
                c.query_id.as_str(),
                q.make.as_deref().unwrap_or(""),
                q.model.as_deref().unwrap_or(""),
                q.serial.as_str(),
                q.calibre.as_deref().unwrap_or(""),
                q.country.as_deref().unwrap_or(""),
            ],
        )?;
    }
    w.flush().map_err(|e| io_error(path, e))
}

/// Writes the answers as a truth CSV (`query_id,label,noise,record_ids`; `noise` and
/// `record_ids` joined with `|`, `label` is `hit` or `non_hit`).
///
/// ```
/// use armsmatch::synth::{Register, SynthConfig, write_truth_csv, read_truth_csv};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("truth.csv");
/// let checks = Register::new(SynthConfig { records: 200, queries: 6, seed: 1 }).checks();
/// write_truth_csv(&checks, &path)?;
/// assert_eq!(read_truth_csv(&path)?.len(), 6);
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub fn write_truth_csv(checks: &[Check], path: &Path) -> Result<()> {
    let mut w = csv_writer(path)?;
    write_row(&mut w, path, &["query_id", "label", "noise", "record_ids"])?;
    for c in checks {
        let noise = c.truth.noise.join("|");
        let ids = c.truth.record_ids.join("|");
        write_row(
            &mut w,
            path,
            &[
                c.query_id.as_str(),
                c.truth.label.as_str(),
                noise.as_str(),
                ids.as_str(),
            ],
        )?;
    }
    w.flush().map_err(|e| io_error(path, e))
}

/// Reads a truth file: the CSV [`write_truth_csv`] writes, or another generator's
/// labels. Column order is free and unknown columns are ignored; headers are matched as
/// the records reader matches them (`Query ID`, `query-id` are `query_id`), and other
/// generators' names are understood:
///
/// * the check's id: `query_id` (or `id`, `check_id`, `qid`);
/// * the records of the checked firearm: `record_ids` (or `record_id`,
///   `expected_record_id(s)`, `true_record_id(s)`, `target_record_id(s)`,
///   `match_id(s)`, …), several joined by `|` or `;` or written as a list
///   (`["R1", "R2"]`);
/// * `label` (or `is_hit`, `is_match`, `truth_label`): `hit`/`non_hit`, `true`/`false`,
///   `1`/`0`, `yes`/`no`, `match`/`no_match`, `positive`/`negative`. Without the column,
///   a check with record ids is a hit and one without is a non-hit;
/// * `noise` (or `noise_kind(s)`, `noise_type(s)`, `corruption(s)`, `category`,
///   `negative_kind`, `non_hit_kind`, …), optional: its kinds as the ids. Several such
///   columns (a hit's noise beside a non-hit's kind) are read together.
///
/// A column under its own name wins over one under another name for it; two columns
/// under other names for one field are refused (which one holds it cannot be told).
/// A file whose first character is `{` or `[` (or named `.jsonl`/`.ndjson`/`.json`) is
/// read as JSON Lines, or as one array of objects, with the same keys; there
/// `record_ids` and `noise` may be arrays and `label` a boolean (an error in an array
/// names its element's number as the line). A missing id or record-ids column, an
/// unknown label or a hit without record ids is an [`Error::Parse`] naming the file,
/// line and column.
///
/// ```
/// use armsmatch::synth::{read_truth_csv, Label};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("truth.csv");
/// std::fs::write(&path, "query_id,label,noise,record_ids\nQ1,hit,typo1|make_alias,A|B\nQ2,maybe,,\n").unwrap();
/// let err = read_truth_csv(&path).unwrap_err().to_string();
/// assert!(err.contains("truth.csv:3:label"), "{err}");
/// std::fs::write(&path, "query_id,label,noise,record_ids\nQ1,hit,typo1|make_alias,A|B\n").unwrap();
/// let rows = read_truth_csv(&path)?;
/// assert_eq!(rows[0].1.label, Label::Hit);
/// assert_eq!(rows[0].1.record_ids, vec!["A", "B"]);
/// // Another generator's labels: no label column, a single expected record.
/// std::fs::write(&path, "Check ID,Expected Record ID\nQ1,A\nQ2,\n").unwrap();
/// let rows = read_truth_csv(&path)?;
/// assert_eq!((rows[0].1.label, rows[1].1.label), (Label::Hit, Label::NonHit));
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub fn read_truth_csv(path: &Path) -> Result<Vec<(String, Truth)>> {
    let name = path.display().to_string();
    let parse = |line: u64, column: &str, message: String| Error::Parse {
        path: name.clone(),
        line,
        column: column.to_string(),
        message,
    };
    let text = std::fs::read(path).map_err(|e| io_error(path, e))?;
    let text = String::from_utf8(text).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
        parse(line, "-", "not UTF-8 text".into())
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    let mut out = Vec::new();
    if crate::io::is_jsonl(path) || trimmed.starts_with('{') || trimmed.starts_with('[') {
        // JSON Lines, or one JSON array of objects.
        let objects: Vec<(u64, serde_json::Value)> = if trimmed.starts_with('[') {
            let all: Vec<serde_json::Value> = serde_json::from_str(text)
                .map_err(|e| parse(e.line() as u64, "-", format!("not a JSON array: {e}")))?;
            (1..).zip(all).collect()
        } else {
            let mut v = Vec::new();
            for (line, l) in (1..).zip(text.lines()) {
                if !l.trim().is_empty() {
                    let o = serde_json::from_str(l)
                        .map_err(|e| parse(line, "-", format!("not a JSON object: {e}")))?;
                    v.push((line, o));
                }
            }
            v
        };
        for (line, v) in objects {
            let obj = v
                .as_object()
                .ok_or_else(|| parse(line, "-", "not a JSON object".into()))?;
            let keys: Vec<&String> = obj.keys().collect();
            let pick = |col: &str| -> Result<Option<&serde_json::Value>> {
                Ok(choose_column(&keys, col)
                    .map_err(|m| parse(line, col, m))?
                    .map(|i| &obj[keys[i].as_str()]))
            };
            let text = |v: Option<&serde_json::Value>| -> Option<String> {
                v.map(|v| match v {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            };
            // A list is an array of ids, or text as in a CSV cell.
            let list = |v: Option<&serde_json::Value>| -> Option<Vec<String>> {
                match v {
                    Some(serde_json::Value::Array(a)) => Some(
                        a.iter()
                            .filter_map(|x| match x {
                                serde_json::Value::Null => None,
                                serde_json::Value::String(s) => Some(s.trim().to_string()),
                                other => Some(other.to_string()),
                            })
                            .filter(|x| !x.is_empty())
                            .collect(),
                    ),
                    other => text(other).map(|t| split_list(&t)),
                }
            };
            let (id, label, ids) = (pick("query_id")?, pick("label")?, pick("record_ids")?);
            let noise_cols = noise_columns(&keys);
            let noise = (!noise_cols.is_empty()).then(|| {
                unique(
                    noise_cols
                        .iter()
                        .filter_map(|&i| list(Some(&obj[keys[i].as_str()])))
                        .flatten()
                        .flat_map(|k| split_kinds(&k)),
                )
            });
            if ids.is_none() && label.is_none() {
                return Err(parse(
                    line,
                    "record_ids",
                    "neither record_ids nor a label is given".into(),
                ));
            }
            out.push(truth_row(
                &parse,
                line,
                text(id).as_deref(),
                text(label).as_deref(),
                noise,
                list(ids),
            )?);
        }
        return Ok(out);
    }
    let from_csv = |e: csv::Error| -> Error {
        let line = e.position().map_or(0, csv::Position::line);
        parse(line, "-", e.to_string())
    };
    // The delimiter whose header row names the check id column: `,`, `;` or a tab.
    let header = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t', b'|']
        .into_iter()
        .find(|&d| {
            header
                .split(char::from(d))
                .any(|h| truth_column(&crate::io::header_key(h)) == Some("query_id"))
        })
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(from_csv)?.clone();
    let names: Vec<&str> = headers.iter().collect();
    let col = |want: &str| choose_column(&names, want).map_err(|m| parse(1, want, m));
    let qi = col("query_id")?.ok_or_else(|| {
        parse(
            1,
            "query_id",
            "required column \"query_id\" is missing".into(),
        )
    })?;
    let (li, ri) = (col("label")?, col("record_ids")?);
    let noise_cols = noise_columns(&names);
    if ri.is_none() {
        return Err(parse(
            1,
            "record_ids",
            "required column \"record_ids\" is missing".into(),
        ));
    }
    for row in rdr.records() {
        let row = row.map_err(from_csv)?;
        let line = row.position().map_or(0, csv::Position::line);
        let field = |i: Option<usize>| i.map(|i| row.get(i).unwrap_or(""));
        out.push(truth_row(
            &parse,
            line,
            field(Some(qi)),
            field(li),
            (!noise_cols.is_empty()).then(|| {
                unique(
                    noise_cols
                        .iter()
                        .flat_map(|&i| split_list(row.get(i).unwrap_or("")))
                        .flat_map(|k| split_kinds(&k)),
                )
            }),
            field(ri).map(split_list),
        )?);
    }
    Ok(out)
}

/// The truth column a header names (after [`crate::io::header_key`]), if any. Only
/// names that cannot mean anything else: `expected`, `truth` or `match` could hold a
/// label as well as a record id.
fn truth_column(key: &str) -> Option<&'static str> {
    const NAMES: &[(&str, &[&str])] = &[
        ("query_id", &["query_id", "id", "check_id", "qid"]),
        ("label", &["label", "is_hit", "is_match", "truth_label"]),
        (
            "noise",
            &[
                "noise",
                "noises",
                "noise_kind",
                "noise_kinds",
                "noise_type",
                "noise_types",
                "corruption",
                "corruptions",
                "perturbation",
                "perturbations",
                "category",
                "scenario",
                "case_kind",
                "case_type",
                "negative_kind",
                "negative_type",
                "non_hit_kind",
                "non_hit_type",
                "nonhit_kind",
                "nonhit_type",
                "hard_negative_kind",
                "hard_negative_type",
                "distortion",
                "distortions",
                "mutation",
                "mutations",
                "error_type",
                "error_types",
                "error_kind",
            ],
        ),
        (
            "record_ids",
            &[
                "record_ids",
                "record_id",
                "expected_record_id",
                "expected_record_ids",
                "true_record_id",
                "true_record_ids",
                "truth_record_id",
                "truth_record_ids",
                "target_record_id",
                "target_record_ids",
                "match_id",
                "match_ids",
                "matched_record_id",
                "matched_record_ids",
            ],
        ),
    ];
    // As listed, or with its words run together (`QueryID`, `RecordIds`).
    let joined = key.replace('_', "");
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&key))
        .or_else(|| {
            NAMES
                .iter()
                .find(|(_, names)| names.iter().any(|n| n.replace('_', "") == joined))
        })
        .map(|(field, _)| *field)
        // A kind of noise under another name: a name that says it holds kinds of noise
        // (`noise_category`, `corruption_kinds`), not a level, a flag or a seed.
        .or_else(|| {
            let noisy = [
                "noise",
                "corruption",
                "perturbation",
                "distortion",
                "mutation",
            ]
            .iter()
            .any(|w| key.contains(w));
            let kinds = [
                "kind",
                "kinds",
                "type",
                "types",
                "category",
                "categories",
                "class",
            ]
            .iter()
            .any(|w| key.rsplit('_').next() == Some(*w));
            (noisy && kinds).then_some("noise")
        })
}

/// The column (of `names`) that gives truth field `want`: the one under its own name,
/// else the only one under another generator's name for it. Two such names are
/// refused: which one holds the field cannot be told.
fn choose_column(
    names: &[impl AsRef<str>],
    want: &str,
) -> std::result::Result<Option<usize>, String> {
    let keys: Vec<String> = names
        .iter()
        .map(|n| crate::io::header_key(n.as_ref()))
        .collect();
    if let Some(i) = keys.iter().position(|k| k == want) {
        return Ok(Some(i));
    }
    let mut found = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| truth_column(k) == Some(want))
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(a), Some(b)) => Err(format!(
            "{:?} and {:?} both name the {want} column: keep one",
            names[a].as_ref(),
            names[b].as_ref()
        )),
        (first, _) => Ok(first),
    }
}

/// Every column (of `names`) that gives noise kinds, the one under its own name first.
/// Kinds only describe a check, so several such columns (a hit's noise beside a
/// non-hit's kind) are read together, not refused.
fn noise_columns(names: &[impl AsRef<str>]) -> Vec<usize> {
    let keys: Vec<String> = names
        .iter()
        .map(|n| crate::io::header_key(n.as_ref()))
        .collect();
    let mut cols: Vec<usize> = (0..keys.len())
        .filter(|&i| truth_column(&keys[i]) == Some("noise"))
        .collect();
    cols.sort_by_key(|&i| keys[i] != "noise");
    cols
}

/// The kinds in order, each once (two columns may both give one).
fn unique(kinds: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in kinds {
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Noise kinds joined by `+` or `,` in one item (`typo1+ocr`) apart.
fn split_kinds(k: &str) -> Vec<String> {
    k.split(['+', ','])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// The ids (or noise kinds) of one cell: joined by `|` or `;`, or written as a list
/// (`["R1", "R2"]`, `['R1', 'R2']`: split at its commas, quotes dropped).
fn split_list(s: &str) -> Vec<String> {
    let t = s.trim();
    let parts: Vec<&str> = match t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        Some(inner) => inner.split(',').collect(),
        None => t.split(['|', ';']).collect(),
    };
    parts
        .into_iter()
        .map(|x| x.trim().trim_matches(['"', '\'']).trim())
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// One label row from its fields (`None`: the column is absent).
fn truth_row(
    parse: &dyn Fn(u64, &str, String) -> Error,
    line: u64,
    id: Option<&str>,
    label: Option<&str>,
    noise: Option<Vec<String>>,
    ids: Option<Vec<String>>,
) -> Result<(String, Truth)> {
    let id = id.unwrap_or("").trim();
    if id.is_empty() {
        return Err(parse(line, "query_id", "the query id is empty".into()));
    }
    let record_ids = ids.unwrap_or_default();
    let label = match label.map(|l| l.trim().to_ascii_lowercase()) {
        None => {
            if record_ids.is_empty() {
                Label::NonHit
            } else {
                Label::Hit
            }
        }
        Some(l) => match l.replace(['-', ' '], "_").as_str() {
            "hit" | "true" | "1" | "yes" | "y" | "t" | "match" | "positive" | "true_hit" => {
                Label::Hit
            }
            "non_hit" | "nonhit" | "no_hit" | "false" | "0" | "no" | "n" | "f" | "no_match"
            | "nonmatch" | "non_match" | "negative" | "miss" => Label::NonHit,
            other => {
                return Err(parse(
                    line,
                    "label",
                    format!("{other:?} is not a label (hit or non_hit)"),
                ))
            }
        },
    };
    if label == Label::Hit && record_ids.is_empty() {
        return Err(parse(
            line,
            "record_ids",
            "a hit must name at least one record".into(),
        ));
    }
    Ok((
        id.to_string(),
        Truth {
            label,
            noise: noise.unwrap_or_default(),
            record_ids,
        },
    ))
}

fn io_error(path: &Path, e: impl Into<std::io::Error>) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source: e.into(),
    }
}

fn csv_writer(path: &Path) -> Result<csv::Writer<File>> {
    csv::Writer::from_path(path).map_err(|e| io_error(path, e))
}

fn write_row(w: &mut csv::Writer<File>, path: &Path, row: &[&str]) -> Result<()> {
    w.write_record(row).map_err(|e| io_error(path, e))
}

// ---------------------------------------------------------------------------------------
// Randomness: every draw comes from a ChaCha8 stream keyed by (seed, purpose, number),
// so a record or a check never depends on the order anything else was generated in.
// ---------------------------------------------------------------------------------------

const TAG_RECORD: u64 = 1;
const TAG_BATCH: u64 = 2;
const TAG_CHECK: u64 = 3;
const TAG_LABELS: u64 = 4;

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a: a stable hash (unlike `DefaultHasher`, fixed across Rust versions), so a
/// make's serial format does not change with the toolchain.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// Index drawn from cumulative weights; `None` when there is nothing to draw.
fn pick_cum(cum: &[f64], rng: &mut ChaCha8Rng) -> Option<usize> {
    let total = *cum.last()?;
    if total <= 0.0 {
        return None;
    }
    let x = rng.r#gen::<f64>() * total;
    Some(cum.partition_point(|&c| c <= x).min(cum.len() - 1))
}

/// Cumulative sums of weights; non-finite or negative weights count as 0, and if all
/// are 0 every entry is equally likely.
fn cumulative(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    let w: Vec<f64> = weights
        .map(|x| if x.is_finite() && x > 0.0 { x } else { 0.0 })
        .collect();
    let all_zero = w.iter().all(|&x| x == 0.0);
    let mut acc = 0.0;
    w.iter()
        .map(|&x| {
            acc += if all_zero { 1.0 } else { x };
            acc
        })
        .collect()
}

fn pick_weighted<T: Copy>(items: &[(T, f64)], rng: &mut ChaCha8Rng) -> Option<T> {
    let cum = cumulative(items.iter().map(|x| x.1));
    pick_cum(&cum, rng).map(|i| items[i].0)
}

// ---------------------------------------------------------------------------------------
// Domain tables
// ---------------------------------------------------------------------------------------

/// Reporting countries and their rough share of reports (iARMS contributors and the
/// countries where most firearms are reported lost or stolen; *assumed* shares).
const COUNTRIES: &[(&str, f64)] = &[
    ("USA", 14.0),
    ("BRA", 7.0),
    ("ZAF", 6.0),
    ("MEX", 5.0),
    ("COL", 4.0),
    ("DEU", 4.0),
    ("FRA", 4.0),
    ("GBR", 3.0),
    ("ITA", 3.0),
    ("ESP", 3.0),
    ("TUR", 3.0),
    ("RUS", 3.0),
    ("UKR", 3.0),
    ("PHL", 3.0),
    ("ARG", 3.0),
    ("CAN", 2.0),
    ("AUS", 2.0),
    ("VEN", 2.0),
    ("PER", 2.0),
    ("ECU", 2.0),
    ("GTM", 2.0),
    ("HND", 2.0),
    ("SLV", 1.5),
    ("JAM", 1.5),
    ("TTO", 1.0),
    ("DOM", 1.5),
    ("CHL", 1.5),
    ("BOL", 1.0),
    ("PRY", 1.0),
    ("URY", 1.0),
    ("NLD", 1.5),
    ("BEL", 1.5),
    ("CHE", 1.0),
    ("AUT", 1.0),
    ("SWE", 1.0),
    ("FIN", 1.0),
    ("NOR", 0.8),
    ("DNK", 0.8),
    ("POL", 1.5),
    ("CZE", 1.5),
    ("SVK", 0.8),
    ("HUN", 0.8),
    ("ROU", 1.0),
    ("BGR", 1.0),
    ("SRB", 1.2),
    ("HRV", 0.8),
    ("BIH", 1.0),
    ("ALB", 0.8),
    ("MKD", 0.6),
    ("GRC", 1.0),
    ("PRT", 1.0),
    ("IRL", 0.6),
    ("ISR", 1.0),
    ("LBN", 0.8),
    ("IRQ", 1.0),
    ("EGY", 1.0),
    ("MAR", 0.8),
    ("NGA", 2.0),
    ("KEN", 1.5),
    ("GHA", 1.0),
    ("CMR", 0.8),
    ("CIV", 0.8),
    ("UGA", 0.8),
    ("TZA", 0.8),
    ("IND", 1.5),
    ("PAK", 1.5),
    ("THA", 1.5),
    ("IDN", 1.0),
    ("MYS", 0.8),
    ("NZL", 0.8),
    ("KAZ", 0.8),
    ("BLR", 0.6),
    ("GEO", 0.6),
    ("MDA", 0.6),
    ("LTU", 0.6),
];

/// Countries whose officers key Cyrillic: a Cyrillic marking checked there may stay
/// Cyrillic; anywhere else it is keyed in Latin letters.
const CYRILLIC_KEYBOARD: &[&str] = &["RUS", "UKR", "BLR", "KAZ", "BGR", "SRB", "MKD", "KGZ"];

/// Makers whose serials are marked in Cyrillic (by country of manufacture).
const CYRILLIC_MAKERS: &[&str] = &["RUS", "BLR"];

const STATUSES: &[(Status, f64)] = &[
    (Status::Stolen, 55.0),
    (Status::Lost, 30.0),
    (Status::Trafficked, 8.0),
    (Status::Smuggled, 5.0),
    (Status::Other, 2.0),
];

/// What registers hold when the serial is unknown.
const PLACEHOLDERS: &[&str] = &["UNK", "UNKNOWN", "NONE", "N/A", "000000", "0"];

/// Letters makers stamp: I, O and Q are avoided (read as 1 and 0, the VIN rule).
const LATIN: &[char] = &[
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'U', 'V',
    'W', 'X', 'Y', 'Z',
];

/// Cyrillic capitals of generated serials: (letter, by shape, BGN/PCGN, ISO 9 without
/// diacritics). Must agree with the index's own folding for these letters.
const CYRILLIC: &[(char, &str, &str, &str)] = &[
    ('А', "A", "A", "A"),
    ('В', "B", "V", "V"),
    ('Е', "E", "E", "E"),
    ('К', "K", "K", "K"),
    ('М', "M", "M", "M"),
    ('Н', "H", "N", "N"),
    ('О', "O", "O", "O"),
    ('Р', "P", "R", "R"),
    ('С', "C", "S", "S"),
    ('Т', "T", "T", "T"),
    ('У', "Y", "U", "U"),
    ('Х', "X", "KH", "H"),
    ('Б', "B", "B", "B"),
    ('Г', "G", "G", "G"),
    ('Д', "D", "D", "D"),
    ('Ж', "ZH", "ZH", "Z"),
    ('И', "I", "I", "I"),
    ('Л', "L", "L", "L"),
    ('П', "P", "P", "P"),
];

/// How a Cyrillic serial is keyed in Latin letters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fold {
    Shape,
    Bgn,
    Iso9,
}

fn fold_cyrillic(s: &str, fold: Fold) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match CYRILLIC.iter().find(|e| e.0 == c) {
            Some(&(_, shape, bgn, iso)) => out.push_str(match fold {
                Fold::Shape => shape,
                Fold::Bgn => bgn,
                Fold::Iso9 => iso,
            }),
            None => out.push(c),
        }
    }
    out
}

// Calendar: days since 1970-01-01 ↔ civil date (Howard Hinnant's algorithms).

const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn date_from_days(z: i64) -> Option<Date> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(
        u16::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
    .ok()
}

const FIRST_DAY: i64 = days_from_civil(2000, 1, 1);
const LAST_DAY: i64 = days_from_civil(2026, 10, 31);

fn draw_date(rng: &mut ChaCha8Rng) -> Option<Date> {
    // Registers grow: recent years hold more reports (density ∝ t^0.67).
    let u: f64 = rng.r#gen::<f64>().powf(0.6);
    let span = (LAST_DAY - FIRST_DAY) as f64;
    date_from_days(FIRST_DAY + (u * span) as i64)
}

fn draw_status(rng: &mut ChaCha8Rng) -> Status {
    pick_weighted(STATUSES, rng).unwrap_or(Status::Stolen)
}

// ---------------------------------------------------------------------------------------
// Serial formats
// ---------------------------------------------------------------------------------------

/// How a maker numbers its firearms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `AB123456`, `BHK123`.
    Prefix { letters: u8, digits: u8 },
    /// `4512367`, `004512` (zero-padded).
    Digits { digits: u8, zero_pad: bool },
    /// `123456A`.
    Suffix { digits: u8, letters: u8 },
    /// `12-34567`.
    DashDigits { head: u8, tail: u8 },
    /// `A-123456`.
    DashLetter { letters: u8, digits: u8 },
    /// `1FN2345678901`: plant digit, two letters, 7–11 digits.
    Long { len: u8 },
    /// `ВС 1234`, `АК4701`.
    Cyrillic { digits: u8, space: bool },
}

fn format_from_hash(h: u64) -> Format {
    let a = (h >> 8) % 1000;
    let b = (h >> 20) % 1000;
    let c = (h >> 32) % 1000;
    match h % 100 {
        0..=32 => {
            let letters = 1 + (a % 3) as u8;
            // Enough digits that a make's production does not reuse numbers too often.
            let digits = match letters {
                1 => 5 + (b % 3) as u8,
                2 => 4 + (b % 4) as u8,
                _ => 3 + (b % 4) as u8,
            };
            Format::Prefix { letters, digits }
        }
        33..=60 => Format::Digits {
            digits: if c % 12 == 0 { 5 } else { 6 + (a % 4) as u8 },
            zero_pad: b % 3 == 0,
        },
        61..=71 => Format::Suffix {
            digits: 5 + (a % 3) as u8,
            letters: 1 + (b % 2) as u8,
        },
        72..=80 => Format::DashDigits {
            head: 2 + (a % 2) as u8,
            tail: 4 + (b % 3) as u8,
        },
        81..=89 => Format::DashLetter {
            letters: 1 + (a % 2) as u8,
            digits: 5 + (b % 3) as u8,
        },
        _ => Format::Long {
            len: 10 + (a % 5) as u8,
        },
    }
}

fn make_format(name: &str, cyrillic: bool) -> Format {
    let h = fnv1a(name.as_bytes());
    if cyrillic {
        Format::Cyrillic {
            digits: 4 + ((h >> 8) % 3) as u8,
            space: (h >> 16) % 2 == 0,
        }
    } else {
        format_from_hash(h)
    }
}

fn model_format(make: &str, model: &str, make_fmt: Format, cyrillic: bool) -> Format {
    let h = fnv1a(format!("{make}\u{0}{model}").as_bytes());
    let r = h % 100;
    if cyrillic {
        // Most Soviet and Russian models carry a two-letter Cyrillic prefix; some
        // (rifles, sporting guns) plain numbers.
        return match r {
            0..=79 => Format::Cyrillic {
                digits: 4 + ((h >> 8) % 3) as u8,
                space: (h >> 16) % 2 == 0,
            },
            _ => Format::Digits {
                digits: 6 + ((h >> 8) % 3) as u8,
                zero_pad: false,
            },
        };
    }
    if r < 65 {
        make_fmt
    } else {
        format_from_hash(splitmix64(h))
    }
}

fn draw_letters(fmt: Format, rng: &mut ChaCha8Rng) -> [char; 3] {
    let alphabet: Vec<char> = match fmt {
        Format::Cyrillic { .. } => CYRILLIC.iter().map(|e| e.0).collect(),
        _ => LATIN.to_vec(),
    };
    let mut out = ['A'; 3];
    for c in &mut out {
        *c = alphabet[rng.gen_range(0..alphabet.len())];
    }
    out
}

fn pow10(d: u8) -> u64 {
    10u64.pow(u32::from(d.min(18)))
}

/// `number` as exactly `d` digits (zero-padded, wrapped).
fn padded(number: u64, d: u8) -> String {
    format!("{:0width$}", number % pow10(d), width = usize::from(d))
}

/// `number` as exactly `d` digits without a leading zero.
fn unpadded(number: u64, d: u8) -> String {
    let lo = pow10(d.saturating_sub(1));
    (lo + number % (pow10(d) - lo)).to_string()
}

fn render(fmt: Format, letters: &[char; 3], number: u64) -> String {
    let take = |n: u8| -> String { letters.iter().take(usize::from(n)).collect() };
    match fmt {
        Format::Prefix { letters: l, digits } => format!("{}{}", take(l), padded(number, digits)),
        Format::Digits { digits, zero_pad } => {
            if zero_pad {
                padded(number, digits)
            } else {
                unpadded(number, digits)
            }
        }
        Format::Suffix { digits, letters: l } => format!("{}{}", unpadded(number, digits), take(l)),
        Format::DashDigits { head, tail } => {
            let s = unpadded(number, head + tail);
            let (h, t) = s.split_at(usize::from(head).min(s.len()));
            format!("{h}-{t}")
        }
        Format::DashLetter { letters: l, digits } => {
            format!("{}-{}", take(l), padded(number, digits))
        }
        Format::Long { len } => {
            let plant = char::from(b'1' + (letters[2] as u32 % 9) as u8);
            format!(
                "{plant}{}{}",
                take(2),
                padded(number, len.saturating_sub(3).max(1))
            )
        }
        Format::Cyrillic { digits, space } => format!(
            "{}{}{}",
            take(2),
            if space { " " } else { "" },
            padded(number, digits)
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Reference tables
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
struct MakeT {
    name: String,
    /// Aliases that resolve back to this make (the reference's, checked).
    aliases: Vec<String>,
    misspellings: Vec<String>,
    country: Option<String>,
    format: Format,
    models: Vec<ModelT>,
    model_cum: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
struct ModelT {
    name: String,
    aliases: Vec<String>,
    calibre: Option<usize>,
    kind: Option<Kind>,
    format: Format,
}

#[derive(Debug, Clone, PartialEq)]
struct CalT {
    name: String,
    aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Tables {
    makes: Vec<MakeT>,
    make_cum: Vec<f64>,
    calibres: Vec<CalT>,
    country_cum: Vec<f64>,
}

/// Serial format of records without a make (an empty reference).
const NO_MAKE_FORMAT: Format = Format::Digits {
    digits: 7,
    zero_pad: false,
};

impl Tables {
    fn build(reference: &Reference) -> Tables {
        let data: &ReferenceData = reference.data();
        let mut calibres: Vec<CalT> = Vec::new();
        let mut cal_index: HashMap<String, usize> = HashMap::new();
        for (ci, c) in data.calibre.iter().enumerate() {
            // Only synonyms the reference resolves back to this calibre: a record
            // written with them must mean this calibre.
            let aliases = c
                .aliases
                .iter()
                .filter(|a| {
                    name_key(a) != name_key(&c.name)
                        && reference.resolve_calibre(a).entry == Some(ci as u32)
                })
                .cloned()
                .collect();
            cal_index.entry(name_key(&c.name)).or_insert(calibres.len());
            calibres.push(CalT {
                name: c.name.clone(),
                aliases,
            });
        }
        let mut makes = Vec::with_capacity(data.make.len());
        for (mi, m) in data.make.iter().enumerate() {
            let resolves = |a: &&String| {
                name_key(a) != name_key(&m.name)
                    && reference.resolve_make(a).entry == Some(mi as u32)
            };
            let country = m.country.as_ref().map(|c| c.trim().to_ascii_uppercase());
            let cyrillic = country
                .as_deref()
                .is_some_and(|c| CYRILLIC_MAKERS.contains(&c));
            let format = make_format(&m.name, cyrillic);
            let mut models = Vec::with_capacity(m.model.len());
            for (j, model) in m.model.iter().enumerate() {
                let calibre = model.calibre.as_ref().map(|c| {
                    *cal_index.entry(name_key(c)).or_insert_with(|| {
                        calibres.push(CalT {
                            name: c.clone(),
                            aliases: Vec::new(),
                        });
                        calibres.len() - 1
                    })
                });
                let aliases = model
                    .aliases
                    .iter()
                    .filter(|a| reference.resolve_model(Some(mi as u32), a).entry == Some(j as u32))
                    .cloned()
                    .collect();
                models.push(ModelT {
                    name: model.name.clone(),
                    aliases,
                    calibre,
                    kind: model.kind.as_deref().and_then(|k| k.parse::<Kind>().ok()),
                    format: model_format(&m.name, &model.name, format, cyrillic),
                });
            }
            // The reference lists best-known models first: a Zipf-like share.
            let model_cum = cumulative((0..models.len()).map(|r| 1.0 / (r as f64 + 1.0).powf(0.8)));
            makes.push(MakeT {
                name: m.name.clone(),
                aliases: m.aliases.iter().filter(resolves).cloned().collect(),
                misspellings: m.misspellings.iter().filter(resolves).cloned().collect(),
                country,
                format,
                models,
                model_cum,
            });
        }
        let make_cum = cumulative(data.make.iter().map(|m| m.weight.unwrap_or(1.0)));
        Tables {
            makes,
            make_cum,
            calibres,
            country_cum: cumulative(COUNTRIES.iter().map(|c| c.1)),
        }
    }

    fn format_of(&self, make: Option<usize>, model: Option<usize>) -> Format {
        match make.and_then(|m| self.makes.get(m)) {
            None => NO_MAKE_FORMAT,
            Some(mk) => model
                .and_then(|j| mk.models.get(j))
                .map_or(mk.format, |x| x.format),
        }
    }

    fn model_t(&self, make: Option<usize>, model: Option<usize>) -> Option<&ModelT> {
        self.makes.get(make?)?.models.get(model?)
    }

    fn calibre_of(&self, make: Option<usize>, model: Option<usize>) -> Option<usize> {
        self.model_t(make, model)?.calibre
    }

    fn draw_country(&self, rng: &mut ChaCha8Rng) -> &'static str {
        pick_cum(&self.country_cum, rng).map_or("USA", |i| COUNTRIES[i].0)
    }

    fn draw_make_model(&self, rng: &mut ChaCha8Rng) -> (Option<usize>, Option<usize>) {
        let make = pick_cum(&self.make_cum, rng);
        let model = make.and_then(|m| pick_cum(&self.makes[m].model_cum, rng));
        (make, model)
    }

    /// A model of `make` (if it has any).
    fn draw_model(&self, make: usize, rng: &mut ChaCha8Rng) -> Option<usize> {
        pick_cum(&self.makes.get(make)?.model_cum, rng)
    }

    /// A make other than `not` (`None` if the reference has no other).
    fn draw_other_make(&self, not: Option<usize>, rng: &mut ChaCha8Rng) -> Option<usize> {
        (0..16)
            .filter_map(|_| pick_cum(&self.make_cum, rng))
            .find(|&m| Some(m) != not)
    }
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// Records per block; the records of a block may share production batches.
const BLOCK: usize = 64;
/// Batches a block draws from.
const BATCHES_PER_BLOCK: u64 = 3;
/// Share of records that come from a batch of their block.
const P_BATCH: f64 = 0.35;
const P_PLACEHOLDER: f64 = 0.005;
const P_DUPLICATE: f64 = 0.02;
const P_CROSS_MAKE: f64 = 0.01;
/// A duplicate report refers to one of this many earlier records.
const DUPLICATE_WINDOW: usize = 250_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Normal,
    Placeholder,
    Duplicate,
    CrossMake,
}

fn draw_class(rng: &mut ChaCha8Rng) -> Class {
    let u: f64 = rng.r#gen();
    if u < P_PLACEHOLDER {
        Class::Placeholder
    } else if u < P_PLACEHOLDER + P_DUPLICATE {
        Class::Duplicate
    } else if u < P_PLACEHOLDER + P_DUPLICATE + P_CROSS_MAKE {
        Class::CrossMake
    } else {
        Class::Normal
    }
}

/// A physical firearm, before a register writes it down.
#[derive(Debug, Clone)]
struct Firearm {
    make: Option<usize>,
    model: Option<usize>,
    serial: String,
    /// Reporting facts shared by a whole stolen shipment.
    report: Option<Report>,
}

#[derive(Debug, Clone)]
struct Report {
    country: String,
    date: Option<Date>,
    status: Status,
}

/// What the generator knows about a record beyond what it wrote.
#[derive(Debug, Clone, Copy)]
struct Info {
    make: Option<usize>,
    model: Option<usize>,
    /// The record names its make (a record without one is compatible with any make).
    make_written: bool,
    /// The record the physical firearm was first registered as.
    root: usize,
}

impl Register {
    fn rng(&self, tag: u64, i: u64) -> ChaCha8Rng {
        let k = splitmix64(self.cfg.seed ^ tag.wrapping_mul(0xD1B5_4A32_D192_ED03));
        ChaCha8Rng::seed_from_u64(splitmix64(k ^ i))
    }

    fn class_of(&self, i: usize) -> Class {
        draw_class(&mut self.rng(TAG_RECORD, i as u64))
    }

    /// Record `i` and what the generator knows about it.
    fn r#gen(&self, i: usize) -> (Record, Info) {
        let mut rng = self.rng(TAG_RECORD, i as u64);
        match draw_class(&mut rng) {
            Class::Duplicate => {
                if let Some(j) = self.find_base(i, &mut rng, true) {
                    return self.duplicate(i, j, &mut rng);
                }
            }
            Class::CrossMake => {
                if let Some(j) = self.find_base(i, &mut rng, false) {
                    if let Some(x) = self.cross_make(i, j, &mut rng) {
                        return x;
                    }
                }
            }
            Class::Placeholder => {
                let mut fa = self.new_firearm(i, &mut rng);
                fa.serial = PLACEHOLDERS[rng.gen_range(0..PLACEHOLDERS.len())].to_string();
                return self.finish(i, i, fa, &mut rng);
            }
            Class::Normal => {}
        }
        let fa = self.new_firearm(i, &mut rng);
        self.finish(i, i, fa, &mut rng)
    }

    /// An earlier record that is a firearm of its own (not a placeholder, not itself
    /// a duplicate report), so chains stay one level deep.
    fn find_base(&self, i: usize, rng: &mut ChaCha8Rng, allow_cross: bool) -> Option<usize> {
        if i == 0 {
            return None;
        }
        let window = i.min(DUPLICATE_WINDOW);
        (0..8).map(|_| i - 1 - rng.gen_range(0..window)).find(|&j| {
            matches!(
                (self.class_of(j), allow_cross),
                (Class::Normal, _) | (Class::CrossMake, true)
            )
        })
    }

    /// Record `i` reports the firearm of record `j` again, from another country.
    fn duplicate(&self, i: usize, j: usize, rng: &mut ChaCha8Rng) -> (Record, Info) {
        let (jrec, jinfo) = self.r#gen(j);
        let mut serial = jrec.serial.clone();
        if serial.is_ascii() && rng.gen_bool(0.15) {
            // Another register, another way of writing the same marking.
            if let Some(s) = case_separators(&serial, rng) {
                serial = s;
            }
        }
        let jcountry = jrec.country.clone().unwrap_or_default();
        let country = (0..8)
            .map(|_| self.t.draw_country(rng))
            .find(|c| *c != jcountry)
            .unwrap_or(if jcountry == "USA" { "MEX" } else { "USA" })
            .to_string();
        let date = jrec.reported_on.and_then(|d| {
            let later = d.days_since_epoch() + rng.gen_range(0..=900);
            date_from_days(later.min(LAST_DAY))
        });
        let status = if rng.gen_bool(0.5) {
            // Found abroad: often reported as trafficked or smuggled the second time.
            if rng.gen_bool(0.6) {
                Status::Trafficked
            } else {
                Status::Smuggled
            }
        } else {
            draw_status(rng)
        };
        let fa = Firearm {
            make: jinfo.make,
            model: jinfo.model,
            serial,
            report: Some(Report {
                country,
                date,
                status,
            }),
        };
        self.finish(i, jinfo.root, fa, rng)
    }

    /// Record `i` is another make's firearm that happens to carry record `j`'s serial.
    fn cross_make(&self, i: usize, j: usize, rng: &mut ChaCha8Rng) -> Option<(Record, Info)> {
        let (jrec, jinfo) = self.r#gen(j);
        if !jrec.serial.is_ascii() {
            return None; // Cyrillic markings stay with Russian makers.
        }
        let make = self.t.draw_other_make(jinfo.make, rng)?;
        let model = self.t.draw_model(make, rng);
        let fa = Firearm {
            make: Some(make),
            model,
            serial: jrec.serial,
            report: None,
        };
        Some(self.finish(i, i, fa, rng))
    }

    /// A new firearm: from a production batch of its block, or on its own.
    fn new_firearm(&self, i: usize, rng: &mut ChaCha8Rng) -> Firearm {
        let block = (i / BLOCK) as u64;
        let pos = (i % BLOCK) as u64;
        if rng.gen_bool(P_BATCH) {
            let k = rng.gen_range(0..BATCHES_PER_BLOCK);
            let mut b = self.rng(TAG_BATCH, block * BATCHES_PER_BLOCK + k);
            let (make, model) = self.t.draw_make_model(&mut b);
            let fmt = self.t.format_of(make, model);
            let letters = draw_letters(fmt, &mut b);
            let base: u64 = b.gen_range(0..1_000_000_000_000);
            let stride: u64 = if b.gen_bool(0.6) {
                1
            } else {
                b.gen_range(2..=7)
            };
            // A stolen shipment or a burgled shop: one report for the lot.
            let report = b.gen_bool(0.4).then(|| Report {
                country: self.t.draw_country(&mut b).to_string(),
                date: draw_date(&mut b),
                status: if b.gen_bool(0.8) {
                    Status::Stolen
                } else {
                    Status::Trafficked
                },
            });
            // Positions are distinct within a block, so serials are distinct in a batch.
            let serial = render(fmt, &letters, base + pos * stride);
            return Firearm {
                make,
                model,
                serial,
                report,
            };
        }
        let (make, model) = self.t.draw_make_model(rng);
        let fmt = self.t.format_of(make, model);
        let letters = draw_letters(fmt, rng);
        let serial = render(fmt, &letters, rng.gen_range(0..1_000_000_000_000));
        Firearm {
            make,
            model,
            serial,
            report: None,
        }
    }

    /// Writes a firearm down as a register would.
    fn finish(&self, i: usize, root: usize, fa: Firearm, rng: &mut ChaCha8Rng) -> (Record, Info) {
        let make_t = fa.make.and_then(|m| self.t.makes.get(m));
        // Some registers keep every name in capitals.
        let upper = rng.gen_bool(0.15);
        let case = |s: String| if upper { s.to_uppercase() } else { s };
        let make = make_t.and_then(|m| {
            let u = rng.gen_range(0..100);
            let s = if u < 80 {
                m.name.clone()
            } else if u < 95 {
                m.aliases.choose(rng).unwrap_or(&m.name).clone()
            } else if u < 97 {
                m.misspellings.choose(rng).unwrap_or(&m.name).clone()
            } else {
                return None;
            };
            Some(case(s))
        });
        let model_t = self.t.model_t(fa.make, fa.model);
        let model = model_t.and_then(|m| {
            let u = rng.gen_range(0..100);
            let s = if u < 10 {
                return None;
            } else if u < 35 {
                m.aliases.choose(rng).unwrap_or(&m.name).clone()
            } else {
                m.name.clone()
            };
            Some(case(s))
        });
        let calibre = self
            .t
            .calibre_of(fa.make, fa.model)
            .and_then(|c| self.t.calibres.get(c))
            .and_then(|c| {
                let u = rng.gen_range(0..100);
                if u < 10 {
                    None
                } else if u < 45 {
                    Some(c.aliases.choose(rng).unwrap_or(&c.name).clone())
                } else {
                    Some(c.name.clone())
                }
            });
        let kind = model_t.and_then(|m| m.kind).filter(|_| rng.gen_bool(0.97));
        let (country, date, status) = match fa.report {
            Some(r) => (r.country, r.date, r.status),
            None => {
                // Firearms are most often lost or stolen where they were sold: a share
                // of reports comes from the country of manufacture.
                let domestic = make_t
                    .and_then(|m| m.country.clone())
                    .filter(|c| c.len() == 3 && rng.gen_bool(0.12));
                let country = domestic.unwrap_or_else(|| self.t.draw_country(rng).to_string());
                (country, draw_date(rng), draw_status(rng))
            }
        };
        let year = date.map_or(2020, |d| d.year);
        let record = Record {
            id: format!("{country}-{year}-{i:07}"),
            serial: fa.serial,
            make,
            model,
            calibre,
            kind,
            country: Some(country),
            status: Some(status),
            reported_on: date,
        };
        let info = Info {
            make: fa.make,
            model: fa.model,
            make_written: record.make.is_some(),
            root,
        };
        (record, info)
    }
}

// ---------------------------------------------------------------------------------------
// The whole register, looked up: what makes labels true
// ---------------------------------------------------------------------------------------

const NO_MAKE: u16 = u16::MAX;

#[derive(Debug, Clone, Copy)]
struct Meta {
    make: u16,
    make_written: bool,
    placeholder: bool,
    cyrillic: bool,
    root: u32,
}

/// Skeletons of all records' search keys, sorted, for exact and prefix look-ups.
#[derive(Default)]
struct KeyIndex {
    arena: Vec<u8>,
    entries: Vec<KeyEntry>,
}

#[derive(Clone, Copy)]
struct KeyEntry {
    /// The first 8 bytes, big-endian, zero-padded: sorts like the key (keys hold only
    /// `0-9A-Z`), so most comparisons never touch the arena.
    head: u64,
    offset: usize,
    len: u8,
    rec: u32,
}

fn head_of(key: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = key.len().min(8);
    b[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(b)
}

impl KeyIndex {
    fn key(&self, e: &KeyEntry) -> &[u8] {
        &self.arena[e.offset..e.offset + usize::from(e.len)]
    }

    fn push(&mut self, key: &[u8], rec: u32) {
        // Serial keys are at most `limits::MAX_KEY_CHARS` (48) long.
        let len = key.len().min(usize::from(u8::MAX));
        self.entries.push(KeyEntry {
            head: head_of(key),
            offset: self.arena.len(),
            len: len as u8,
            rec,
        });
        self.arena.extend_from_slice(&key[..len]);
    }

    fn append(&mut self, other: KeyIndex) {
        let base = self.arena.len();
        self.arena.extend_from_slice(&other.arena);
        self.entries
            .extend(other.entries.into_iter().map(|e| KeyEntry {
                offset: e.offset + base,
                ..e
            }));
    }

    fn sort(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.par_sort_unstable_by(|a, b| {
            a.head
                .cmp(&b.head)
                .then_with(|| self.key(a).cmp(self.key(b)))
                .then(a.rec.cmp(&b.rec))
        });
        self.entries = entries;
    }

    /// Entries whose key starts with `prefix` (all of them for an empty prefix).
    fn with_prefix<'a>(&'a self, prefix: &'a [u8]) -> impl Iterator<Item = (&'a [u8], u32)> + 'a {
        let lo = self.entries.partition_point(|e| self.key(e) < prefix);
        self.entries[lo..]
            .iter()
            .map(|e| (self.key(e), e.rec))
            .take_while(move |(k, _)| k.starts_with(prefix))
    }

    fn exact<'a>(&'a self, key: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        self.with_prefix(key)
            .filter(move |(k, _)| k.len() == key.len())
            .map(|e| e.1)
    }
}

struct World {
    metas: Vec<Meta>,
    /// Skeletons of search keys.
    fwd: KeyIndex,
    /// The same, reversed (for suffix look-ups of `*123456` patterns).
    rev: KeyIndex,
    /// Records with a usable serial (hit targets).
    eligible: Vec<u32>,
    /// Root record → later reports of the same firearm.
    dups: HashMap<u32, Vec<u32>>,
}

/// Fewest known characters at the start or end of a generated partial serial.
const MIN_ANCHOR: usize = 2;

/// Records generated per parallel task while building the look-up tables.
const CHUNK: usize = 16_384;

impl World {
    fn build(reg: &Register) -> World {
        let n = reg.len();
        let chunks: Vec<(Vec<Meta>, KeyIndex, KeyIndex)> = (0..n.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| {
                let (lo, hi) = (c * CHUNK, ((c + 1) * CHUNK).min(n));
                let mut metas = Vec::with_capacity(hi - lo);
                let (mut fwd, mut rev) = (KeyIndex::default(), KeyIndex::default());
                for i in lo..hi {
                    let (rec, info) = reg.r#gen(i);
                    let placeholder = is_placeholder_serial(&rec.serial);
                    if !placeholder {
                        let mut skels: Vec<String> = index_keys(&rec.serial)
                            .iter()
                            .map(|k| skeleton_of_key(k))
                            .filter(|s| !s.is_empty())
                            .collect();
                        skels.sort_unstable();
                        skels.dedup();
                        for s in &skels {
                            fwd.push(s.as_bytes(), i as u32);
                            let r: Vec<u8> = s.bytes().rev().collect();
                            rev.push(&r, i as u32);
                        }
                    }
                    metas.push(Meta {
                        make: info
                            .make
                            .map_or(NO_MAKE, |m| m.min(NO_MAKE as usize - 1) as u16),
                        make_written: info.make_written,
                        placeholder,
                        cyrillic: !rec.serial.is_ascii(),
                        root: info.root as u32,
                    });
                }
                (metas, fwd, rev)
            })
            .collect();
        let mut metas = Vec::with_capacity(n);
        let (mut fwd, mut rev) = (KeyIndex::default(), KeyIndex::default());
        for (m, f, r) in chunks {
            metas.extend(m);
            fwd.append(f);
            rev.append(r);
        }
        fwd.sort();
        rev.sort();
        let eligible = (0..n as u32)
            .filter(|&i| !metas[i as usize].placeholder)
            .collect();
        let mut dups: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, m) in metas.iter().enumerate() {
            if m.root as usize != i {
                dups.entry(m.root).or_default().push(i as u32);
            }
        }
        World {
            metas,
            fwd,
            rev,
            eligible,
            dups,
        }
    }

    /// The records of the firearm of record `t`: `t` first, then the others in order.
    fn group(&self, t: u32) -> Vec<u32> {
        let root = self.metas[t as usize].root;
        let mut g = vec![t];
        if root != t {
            g.push(root);
        }
        if let Some(d) = self.dups.get(&root) {
            g.extend(d.iter().copied().filter(|&x| x != t));
        }
        g[1..].sort_unstable();
        g
    }

    /// Could the product take record `r` for a firearm of make `make`? A record without
    /// a make, or a check without one, is compatible with anything.
    fn compatible(&self, make: Option<usize>, r: u32) -> bool {
        let m = &self.metas[r as usize];
        match make {
            None => true,
            Some(q) => !m.make_written || m.make == NO_MAKE || usize::from(m.make) == q,
        }
    }

    /// True if a record outside `allowed`, compatible with `make`, shares a search-key
    /// skeleton with `serial` or (for a partial serial) matches its pattern: the check
    /// would be ambiguous, so the candidate is regenerated.
    fn conflict(&self, serial: &str, make: Option<usize>, allowed: &[u32]) -> bool {
        let bad = |r: u32| !allowed.contains(&r) && self.compatible(make, r);
        if !serial.contains(['?', '*']) {
            return search_keys(serial).iter().any(|k| {
                let s = skeleton_of_key(k);
                self.fwd.exact(s.as_bytes()).any(bad)
            });
        }
        for v in variants(serial, true) {
            let skel = skeleton_of_key(&v);
            let bytes = skel.as_bytes();
            let Ok(pattern) = Pattern::parse(bytes) else {
                return true;
            };
            let wild = |b: &u8| *b == b'?' || *b == b'*';
            let prefix_len = bytes.iter().position(wild).unwrap_or(bytes.len());
            let suffix_len = bytes.iter().rev().position(wild).unwrap_or(bytes.len());
            if prefix_len.max(suffix_len) < MIN_ANCHOR {
                // Wildcards at both ends: only a scan of the whole register could tell,
                // so the candidate counts as ambiguous and is regenerated.
                return true;
            }
            let hit = if prefix_len >= suffix_len {
                self.fwd
                    .with_prefix(&bytes[..prefix_len])
                    .any(|(k, r)| pattern.matches(k) && bad(r))
            } else {
                let rev_bytes: Vec<u8> = bytes.iter().rev().copied().collect();
                let Ok(rev_pattern) = Pattern::parse(&rev_bytes) else {
                    return true;
                };
                self.rev
                    .with_prefix(&rev_bytes[..suffix_len])
                    .any(|(k, r)| rev_pattern.matches(k) && bad(r))
            };
            if hit {
                return true;
            }
        }
        false
    }
}

// ---------------------------------------------------------------------------------------
// Serial noise
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SerialNoise {
    Exact,
    CaseSeparators,
    Ocr,
    RareConfusion,
    CyrillicVisual,
    CyrillicTranslit,
    Typo1,
    Typo2,
    LeadingZeros,
    EmbeddedLetter,
    ObliteratedOne,
    ObliteratedStar,
}

/// Serial noises and how often each happens to a hit (*assumed* shares: copying by
/// hand is the main source of error, then reading worn or obliterated markings).
const SERIAL_NOISES: &[(SerialNoise, &str, f64)] = &[
    (SerialNoise::Exact, "exact", 16.0),
    (SerialNoise::CaseSeparators, "case_separators", 12.0),
    (SerialNoise::Ocr, "ocr", 12.0),
    (SerialNoise::RareConfusion, "rare_confusion", 4.0),
    (SerialNoise::CyrillicVisual, "cyrillic_visual", 40.0),
    (SerialNoise::CyrillicTranslit, "cyrillic_translit", 35.0),
    (SerialNoise::Typo1, "typo1", 16.0),
    (SerialNoise::Typo2, "typo2", 6.0),
    (SerialNoise::LeadingZeros, "leading_zeros", 5.0),
    (SerialNoise::EmbeddedLetter, "embedded_letter", 4.0),
    (SerialNoise::ObliteratedOne, "obliterated_one", 8.0),
    (SerialNoise::ObliteratedStar, "obliterated_star", 6.0),
];

fn serial_noise_name(k: SerialNoise) -> &'static str {
    SERIAL_NOISES
        .iter()
        .find(|e| e.0 == k)
        .map_or("exact", |e| e.1)
}

/// Positions of letters and digits (what survives normalization).
fn alnum_positions(chars: &[char]) -> Vec<usize> {
    (0..chars.len())
        .filter(|&p| chars[p].is_alphanumeric())
        .collect()
}

fn apply_serial_noise(kind: SerialNoise, serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let key = serial_key(serial);
    let out = match kind {
        SerialNoise::Exact => Some(serial.to_string()),
        SerialNoise::CaseSeparators => case_separators(serial, rng),
        SerialNoise::Ocr => confuse(serial, rng, true),
        SerialNoise::RareConfusion => confuse(serial, rng, false),
        SerialNoise::CyrillicVisual => {
            let s = fold_cyrillic(serial, Fold::Shape);
            let s = if rng.gen_bool(0.3) {
                s.replace(' ', "")
            } else {
                s
            };
            (s != serial && s.is_ascii()).then_some(s)
        }
        SerialNoise::CyrillicTranslit => {
            let fold = if rng.gen_bool(0.7) {
                Fold::Bgn
            } else {
                Fold::Iso9
            };
            let s = fold_cyrillic(serial, fold);
            let s = if rng.gen_bool(0.5) {
                s.replace(' ', "")
            } else {
                s
            };
            // Only when keying by sound differs from keying by shape.
            (s.is_ascii() && serial_key(&s) != key).then_some(s)
        }
        SerialNoise::Typo1 => typos(serial, 1, rng),
        SerialNoise::Typo2 => typos(serial, 2, rng),
        SerialNoise::LeadingZeros => leading_zeros(serial, rng),
        SerialNoise::EmbeddedLetter => embedded_letter(serial, rng),
        SerialNoise::ObliteratedOne => obliterate_one(serial, rng),
        SerialNoise::ObliteratedStar => obliterate_star(serial, rng),
    }?;
    let partial = out.contains(['?', '*']);
    (partial || !is_placeholder_serial(&out)).then_some(out)
}

/// Case changed and separators added, removed or replaced: same serial key.
fn case_separators(serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    const SEPS: &[char] = &[' ', '-', '-', '/', '.', ' '];
    let orig: Vec<char> = serial.chars().collect();
    for _ in 0..8 {
        let mut chars = orig.clone();
        for _ in 0..rng.gen_range(1..=2) {
            match rng.gen_range(0..4) {
                0 => {
                    let all = rng.gen_bool(0.6);
                    for c in chars.iter_mut() {
                        if all || rng.gen_bool(0.4) {
                            *c = c.to_lowercase().next().unwrap_or(*c);
                        }
                    }
                }
                1 | 2 => {
                    if chars.len() >= 2 {
                        let p = rng.gen_range(1..chars.len());
                        if chars[p - 1].is_alphanumeric() && chars[p].is_alphanumeric() {
                            chars.insert(p, SEPS[rng.gen_range(0..SEPS.len())]);
                        }
                    }
                }
                _ => {
                    if chars.iter().any(|c| !c.is_alphanumeric()) {
                        let sep = *SEPS.choose(rng).unwrap_or(&' ');
                        let drop = rng.gen_bool(0.6);
                        chars = chars
                            .into_iter()
                            .filter_map(|c| match (c.is_alphanumeric(), drop) {
                                (true, _) => Some(c),
                                (false, true) => None,
                                (false, false) => Some(sep),
                            })
                            .collect();
                    }
                }
            }
        }
        let s: String = chars.into_iter().collect();
        if s != serial && serial_key(&s) == serial_key(serial) {
            return Some(s);
        }
    }
    None
}

/// One or two characters read as a confusable one: within a class of
/// [`CONFUSABLE_CLASSES`] (`ocr`) or as a pair of [`RARE_CONFUSIONS`].
fn confuse(serial: &str, rng: &mut ChaCha8Rng, common: bool) -> Option<String> {
    let mut chars: Vec<char> = serial.chars().collect();
    let options = |c: char| -> Vec<char> {
        let u = c.to_ascii_uppercase();
        if common {
            CONFUSABLE_CLASSES
                .iter()
                .find(|class| class.contains(u))
                .map(|class| class.chars().filter(|&x| x != u).collect())
                .unwrap_or_default()
        } else {
            RARE_CONFUSIONS
                .iter()
                .filter_map(|&(a, b)| {
                    if a == u {
                        Some(b)
                    } else if b == u {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect()
        }
    };
    let positions: Vec<usize> = (0..chars.len())
        .filter(|&p| chars[p].is_ascii_alphanumeric() && !options(chars[p]).is_empty())
        .collect();
    if positions.is_empty() {
        return None;
    }
    let n = if positions.len() >= 2 && rng.gen_bool(if common { 0.3 } else { 0.15 }) {
        2
    } else {
        1
    };
    for &p in positions.choose_multiple(rng, n) {
        let opts = options(chars[p]);
        chars[p] = *opts.choose(rng)?;
    }
    let s: String = chars.into_iter().collect();
    (serial_key(&s) != serial_key(serial)).then_some(s)
}

const KEY_ROWS: [&str; 4] = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"];
const KEY_OFFSETS: [f32; 4] = [0.0, 0.5, 0.75, 1.25];
const NUMPAD: [&str; 4] = ["789", "456", "123", "0"];

/// Keys next to `c`: on a QWERTY keyboard, or (for a digit, sometimes) on the numeric
/// keypad officers key long numbers on.
fn neighbours(c: char, numpad: bool) -> Vec<char> {
    let c = c.to_ascii_uppercase();
    if numpad && c.is_ascii_digit() {
        let pos = |x: char| {
            NUMPAD.iter().enumerate().find_map(|(r, row)| {
                row.chars()
                    .position(|k| k == x)
                    .map(|col| (r as i32, col as i32))
            })
        };
        let Some((r, col)) = pos(c) else {
            return Vec::new();
        };
        return "0123456789"
            .chars()
            .filter(|&k| {
                pos(k).is_some_and(|(r2, c2)| {
                    // The 0 key spans the columns of 1 and 2.
                    let c2 = if k == '0' && col == 1 { 1 } else { c2 };
                    let c1 = if c == '0' && c2 == 1 { 1 } else { col };
                    (r2 - r).abs() + (c2 - c1).abs() == 1
                })
            })
            .collect();
    }
    let pos = |x: char| {
        KEY_ROWS.iter().enumerate().find_map(|(r, row)| {
            row.chars()
                .position(|k| k == x)
                .map(|col| (r, col as f32 + KEY_OFFSETS[r]))
        })
    };
    let Some((r, x)) = pos(c) else {
        return Vec::new();
    };
    KEY_ROWS
        .iter()
        .flat_map(|row| row.chars())
        .filter(|&k| k != c)
        .filter(|&k| {
            pos(k).is_some_and(|(r2, x2)| {
                let dx = (x2 - x).abs();
                (r2 == r && dx <= 1.0) || (r2.abs_diff(r) == 1 && dx <= 0.8)
            })
        })
        .collect()
}

/// One keyboard slip on the Latin letters and digits: a neighbouring key, an extra
/// key (doubled or neighbouring), a missing key, or two neighbours swapped.
fn one_typo(chars: &mut Vec<char>, rng: &mut ChaCha8Rng) -> bool {
    let pos: Vec<usize> = (0..chars.len())
        .filter(|&p| chars[p].is_ascii_alphanumeric())
        .collect();
    if pos.len() < 3 {
        return false;
    }
    let p = pos[rng.gen_range(0..pos.len())];
    match rng.gen_range(0..100) {
        0..=44 => {
            let opts = neighbours(chars[p], rng.gen_bool(0.4));
            match opts.choose(rng) {
                Some(&k) => {
                    chars[p] = k;
                    true
                }
                None => false,
            }
        }
        45..=64 => {
            let extra = if rng.gen_bool(0.5) {
                Some(chars[p].to_ascii_uppercase())
            } else {
                neighbours(chars[p], rng.gen_bool(0.4)).choose(rng).copied()
            };
            match extra {
                Some(k) => {
                    chars.insert(p + usize::from(rng.gen_bool(0.5)), k);
                    true
                }
                None => false,
            }
        }
        65..=79 => {
            if pos.len() <= 4 {
                return false;
            }
            chars.remove(p);
            true
        }
        _ => {
            // Two neighbouring characters (separators in between do not matter).
            let k = rng.gen_range(0..pos.len() - 1);
            let (a, b) = (pos[k], pos[k + 1]);
            if chars[a] == chars[b] {
                return false;
            }
            chars.swap(a, b);
            true
        }
    }
}

fn typos(serial: &str, n: usize, rng: &mut ChaCha8Rng) -> Option<String> {
    let key = serial_key(serial);
    for _ in 0..8 {
        let mut chars: Vec<char> = serial.chars().collect();
        if !(0..n).all(|_| one_typo(&mut chars, rng)) {
            continue;
        }
        let s: String = chars.into_iter().collect();
        if osa_distance(serial_key(&s).as_bytes(), key.as_bytes()) == n {
            return Some(s);
        }
    }
    None
}

/// Leading zeros dropped (when at least 4 characters remain, as registers do) or
/// added before a leading digit.
fn leading_zeros(serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let chars: Vec<char> = serial.chars().collect();
    let first = chars.iter().position(|c| c.is_alphanumeric())?;
    if !chars[first].is_ascii_digit() {
        return None;
    }
    let key = serial_key(serial);
    let stripped = key.trim_start_matches('0');
    let s = if stripped.len() < key.len() && stripped.len() >= 4 && rng.gen_bool(0.8) {
        let zeros = chars[first..].iter().take_while(|&&c| c == '0').count();
        let drop = if rng.gen_bool(0.7) { zeros } else { 1 };
        let mut out: String = chars[..first].iter().collect();
        out.extend(&chars[first + drop..]);
        out
    } else {
        let mut out: String = chars[..first].iter().collect();
        out.push_str(if rng.gen_bool(0.7) { "0" } else { "00" });
        out.extend(&chars[first..]);
        out
    };
    (serial_key(&s) != key).then_some(s)
}

/// A letter between digits dropped (`369J257` → `369257`) or added (NCIC ignores
/// letters inside a serial; officers drop or invent them).
fn embedded_letter(serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let mut chars: Vec<char> = serial.chars().collect();
    let al = alnum_positions(&chars);
    let digit = |p: usize| chars[p].is_ascii_digit();
    let inner_letters: Vec<usize> = (1..al.len().saturating_sub(1))
        .filter(|&k| chars[al[k]].is_ascii_alphabetic() && digit(al[k - 1]) && digit(al[k + 1]))
        .map(|k| al[k])
        .collect();
    let digit_pairs: Vec<usize> = (0..al.len().saturating_sub(1))
        .filter(|&k| digit(al[k]) && digit(al[k + 1]) && al[k + 1] == al[k] + 1)
        .map(|k| al[k + 1])
        .collect();
    if !inner_letters.is_empty() && (digit_pairs.is_empty() || rng.gen_bool(0.5)) {
        chars.remove(*inner_letters.choose(rng)?);
    } else {
        let p = *digit_pairs.choose(rng)?;
        chars.insert(p, *LATIN.choose(rng)?);
    }
    let s: String = chars.into_iter().collect();
    Some(s)
}

/// One to three unreadable characters (`?`), at least four known left.
fn obliterate_one(serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let mut chars: Vec<char> = serial.chars().collect();
    let al = alnum_positions(&chars);
    let max = al.len().checked_sub(4)?.min(3);
    if max == 0 {
        return None;
    }
    let k = match rng.gen_range(0..100) {
        0..=54 => 1,
        55..=89 => 2,
        _ => 3,
    }
    .min(max);
    let chosen: Vec<usize> = if rng.gen_bool(0.5) {
        // A scratch: neighbouring characters.
        let start = rng.gen_range(0..=al.len() - k);
        al[start..start + k].to_vec()
    } else {
        al.choose_multiple(rng, k).copied().collect()
    };
    for p in chosen {
        chars[p] = '?';
    }
    Some(chars.into_iter().collect())
}

/// A ground-off prefix or suffix (`*`), at least four known characters left.
fn obliterate_star(serial: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let chars: Vec<char> = serial.chars().collect();
    let al = alnum_positions(&chars);
    let max = al.len().checked_sub(4)?.min(5);
    if max == 0 {
        return None;
    }
    let r = rng.gen_range(1..=max);
    let s: String = if rng.gen_bool(0.5) {
        std::iter::once('*')
            .chain(chars[al[r]..].iter().copied())
            .collect()
    } else {
        chars[..=al[al.len() - 1 - r]]
            .iter()
            .copied()
            .chain(std::iter::once('*'))
            .collect()
    };
    Some(s)
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum IdNoise {
    MakeAlias,
    MakeMisspelled,
    MakeMissing,
    ModelVariant,
    ModelMissing,
    CalibreSynonym,
    CalibreMissing,
}

impl IdNoise {
    fn name(self) -> &'static str {
        match self {
            IdNoise::MakeAlias => "make_alias",
            IdNoise::MakeMisspelled => "make_misspelled",
            IdNoise::MakeMissing => "make_missing",
            IdNoise::ModelVariant => "model_variant",
            IdNoise::ModelMissing => "model_missing",
            IdNoise::CalibreSynonym => "calibre_synonym",
            IdNoise::CalibreMissing => "calibre_missing",
        }
    }

    /// Noises of the same field exclude each other.
    fn field(self) -> u8 {
        match self {
            IdNoise::MakeAlias | IdNoise::MakeMisspelled | IdNoise::MakeMissing => 0,
            IdNoise::ModelVariant | IdNoise::ModelMissing => 1,
            IdNoise::CalibreSynonym | IdNoise::CalibreMissing => 2,
        }
    }
}

/// How a checking officer wrote make, model and calibre.
struct Identity {
    make: Option<String>,
    model: Option<String>,
    calibre: Option<String>,
}

const NON_HITS: &[(&str, f64)] = &[
    ("sibling", 35.0),
    ("other_make", 20.0),
    ("fresh", 30.0),
    ("wildcard_nothing", 15.0),
];

impl Register {
    fn hit_check(&self, w: &World, rng: &mut ChaCha8Rng) -> Option<(Query, Truth)> {
        let mut last = None;
        for _ in 0..8 {
            let t = *w.eligible.choose(rng)?;
            let (rec, info) = self.r#gen(t as usize);
            let meta = w.metas[t as usize];
            let group = w.group(t);
            let country = self.checking_country(rec.country.as_deref(), rng);
            // A Cyrillic marking checked where officers key Latin letters is keyed
            // by shape or by sound.
            let latin_keyboard = !CYRILLIC_KEYBOARD.contains(&country.as_str());
            let weights: Vec<(SerialNoise, f64)> = SERIAL_NOISES
                .iter()
                .map(|&(k, _, wt)| {
                    let cyr_kind = matches!(
                        k,
                        SerialNoise::CyrillicVisual | SerialNoise::CyrillicTranslit
                    );
                    let wt = match (cyr_kind, meta.cyrillic, latin_keyboard) {
                        (true, false, _) => 0.0,
                        (true, true, true) => wt * 4.0,
                        _ => wt,
                    };
                    (k, wt)
                })
                .collect();
            let kind = pick_weighted(&weights, rng)?;
            for _ in 0..12 {
                let Some(serial) = apply_serial_noise(kind, &rec.serial, rng) else {
                    continue;
                };
                let (identity, id_noise) = self.noisy_identity(info.make, info.model, &rec, rng);
                let qmake = if id_noise.contains(&IdNoise::MakeMissing) {
                    None
                } else {
                    info.make
                };
                let query = Query {
                    serial,
                    make: identity.make,
                    model: identity.model,
                    calibre: identity.calibre,
                    country: Some(country.clone()),
                };
                let mut noise = vec![serial_noise_name(kind).to_string()];
                noise.extend(id_noise.iter().map(|n| n.name().to_string()));
                let truth = Truth {
                    label: Label::Hit,
                    noise,
                    record_ids: group.iter().map(|&r| self.r#gen(r as usize).0.id).collect(),
                };
                let clean = !w.conflict(&query.serial, qmake, &group);
                last = Some((query, truth));
                if clean {
                    return last;
                }
            }
        }
        // Every attempt was ambiguous (a tiny or degenerate register): the label is
        // still true, the target is still the firearm checked.
        last
    }

    /// The checking country: most hits are international (the point of a shared
    /// register), some national.
    fn checking_country(&self, reported: Option<&str>, rng: &mut ChaCha8Rng) -> String {
        let national = rng.gen_bool(0.25);
        (0..8)
            .map(|_| self.t.draw_country(rng))
            .find(|c| national || Some(*c) != reported)
            .unwrap_or("USA")
            .to_string()
    }

    /// The target's identity as written by the checking officer: canonical names, then
    /// 0–2 identity noises.
    fn noisy_identity(
        &self,
        make: Option<usize>,
        model: Option<usize>,
        rec: &Record,
        rng: &mut ChaCha8Rng,
    ) -> (Identity, Vec<IdNoise>) {
        let make_t = make.and_then(|m| self.t.makes.get(m));
        let model_t = self.t.model_t(make, model);
        let cal_t = model_t
            .and_then(|m| m.calibre)
            .and_then(|c| self.t.calibres.get(c));
        let mut id = Identity {
            make: make_t.map(|m| m.name.clone()),
            model: model_t.map(|m| m.name.clone()),
            calibre: cal_t.map(|c| c.name.clone()),
        };
        let n = match rng.gen_range(0..100) {
            0..=44 => 0,
            45..=82 => 1,
            _ => 2,
        };
        let mut applied: Vec<IdNoise> = Vec::new();
        for _ in 0..n {
            let mut options: Vec<(IdNoise, f64)> = Vec::new();
            if make_t.is_some() {
                options.push((IdNoise::MakeAlias, 10.0));
                options.push((IdNoise::MakeMisspelled, 5.0));
                options.push((IdNoise::MakeMissing, 6.0));
            }
            if model_t.is_some() {
                options.push((IdNoise::ModelVariant, 10.0));
                options.push((IdNoise::ModelMissing, 8.0));
            }
            if cal_t.is_some() {
                options.push((IdNoise::CalibreSynonym, 8.0));
                options.push((IdNoise::CalibreMissing, 8.0));
            }
            options.retain(|(k, _)| applied.iter().all(|a| a.field() != k.field()));
            let Some(kind) = pick_weighted(&options, rng) else {
                break;
            };
            let done = match kind {
                IdNoise::MakeAlias => make_t
                    .and_then(|m| m.aliases.choose(rng))
                    .map(|a| id.make = Some(a.clone()))
                    .is_some(),
                IdNoise::MakeMisspelled => make
                    .and_then(|m| self.misspelled_make(m, rng))
                    .map(|s| id.make = Some(s))
                    .is_some(),
                IdNoise::MakeMissing => {
                    id.make = None;
                    true
                }
                IdNoise::ModelVariant => make
                    .zip(model)
                    .and_then(|(m, j)| self.model_variant(m, j, rng))
                    .map(|s| id.model = Some(s))
                    .is_some(),
                IdNoise::ModelMissing => {
                    id.model = None;
                    true
                }
                IdNoise::CalibreSynonym => cal_t
                    .and_then(|c| {
                        // Another synonym than the one the register wrote, if it can.
                        let other: Vec<&String> = c
                            .aliases
                            .iter()
                            .filter(|a| Some(a.as_str()) != rec.calibre.as_deref())
                            .collect();
                        other.choose(rng).map(|a| (*a).clone())
                    })
                    .map(|s| id.calibre = Some(s))
                    .is_some(),
                IdNoise::CalibreMissing => {
                    id.calibre = None;
                    true
                }
            };
            if done {
                applied.push(kind);
            }
        }
        (id, applied)
    }

    /// A misspelling of make `m` that still resolves to it: the reference's own, or a
    /// typed slip of its name (doubled, dropped or swapped letter).
    fn misspelled_make(&self, m: usize, rng: &mut ChaCha8Rng) -> Option<String> {
        let mk = self.t.makes.get(m)?;
        if !mk.misspellings.is_empty() && rng.gen_bool(0.8) {
            return mk.misspellings.choose(rng).cloned();
        }
        let reference = Reference::embedded();
        let chars: Vec<char> = mk.name.chars().collect();
        let letters: Vec<usize> = (1..chars.len())
            .filter(|&p| chars[p].is_alphabetic())
            .collect();
        for _ in 0..6 {
            let mut c = chars.clone();
            let p = *letters.choose(rng)?;
            match rng.gen_range(0..3) {
                0 => c.insert(p, c[p]),
                1 => {
                    c.remove(p);
                }
                _ => {
                    if p + 1 < c.len() && c[p + 1].is_alphabetic() && c[p] != c[p + 1] {
                        c.swap(p, p + 1);
                    } else {
                        continue;
                    }
                }
            }
            let s: String = c.into_iter().collect();
            let r = reference.resolve_make(&s);
            if r.entry == Some(m as u32) && r.form == NameForm::Misspelling {
                return Some(s);
            }
        }
        mk.misspellings.choose(rng).cloned()
    }

    /// Another way of writing model `j` of make `m` that the reference resolves to it
    /// (`G19`, `19`, `Glock 19`, `Model 870`, `870`).
    fn model_variant(&self, m: usize, j: usize, rng: &mut ChaCha8Rng) -> Option<String> {
        let mk = self.t.makes.get(m)?;
        let model = mk.models.get(j)?;
        let mut options: Vec<String> = model.aliases.clone();
        options.push(format!("{} {}", mk.name, model.name));
        match model.name.strip_prefix("Model ") {
            Some(rest) => options.push(rest.to_string()),
            None => options.push(format!("Model {}", model.name)),
        }
        options.push(model.name.to_uppercase());
        let reference = Reference::embedded();
        options.retain(|o| {
            *o != model.name && reference.resolve_model(Some(m as u32), o).entry == Some(j as u32)
        });
        options.choose(rng).cloned()
    }

    /// A plausible, unambiguous identity for a non-hit check.
    fn plain_identity(
        &self,
        make: Option<usize>,
        model: Option<usize>,
        rng: &mut ChaCha8Rng,
    ) -> Identity {
        let make_t = make.and_then(|m| self.t.makes.get(m));
        let model_t = self.t.model_t(make, model);
        let cal_t = model_t
            .and_then(|m| m.calibre)
            .and_then(|c| self.t.calibres.get(c));
        Identity {
            make: make_t.map(|m| {
                if rng.gen_bool(0.12) {
                    m.aliases.choose(rng).unwrap_or(&m.name).clone()
                } else {
                    m.name.clone()
                }
            }),
            model: model_t.filter(|_| rng.gen_bool(0.85)).map(|m| {
                if rng.gen_bool(0.15) {
                    m.aliases.choose(rng).unwrap_or(&m.name).clone()
                } else {
                    m.name.clone()
                }
            }),
            calibre: cal_t.filter(|_| rng.gen_bool(0.85)).map(|c| {
                if rng.gen_bool(0.3) {
                    c.aliases.choose(rng).unwrap_or(&c.name).clone()
                } else {
                    c.name.clone()
                }
            }),
        }
    }

    fn non_hit_check(&self, w: &World, rng: &mut ChaCha8Rng) -> (Query, Truth) {
        let kind = pick_weighted(NON_HITS, rng).unwrap_or("fresh");
        let country = self.t.draw_country(rng).to_string();
        // The chosen kind first; if the register cannot give one (no makes, too few
        // records), a fresh serial, which always can.
        for (k, tries) in [(kind, 64), ("fresh", 256)] {
            for _ in 0..tries {
                let made = match k {
                    "sibling" => self.sibling(w, rng),
                    "other_make" => self.other_make(w, rng),
                    "wildcard_nothing" => self.fresh(w, rng, true),
                    _ => self.fresh(w, rng, false),
                };
                if let Some(mut q) = made {
                    q.country = Some(country.clone());
                    let truth = Truth {
                        label: Label::NonHit,
                        noise: vec![k.to_string()],
                        record_ids: Vec::new(),
                    };
                    return (q, truth);
                }
            }
        }
        // Unreachable in practice (a 14-character random serial in a register of any
        // size); a serial no generated format produces keeps the label true anyway.
        let serial: String = (0..16)
            .map(|_| *LATIN.choose(rng).unwrap_or(&'X'))
            .collect::<String>()
            + "-0";
        (
            Query::new(serial).country(country),
            Truth {
                label: Label::NonHit,
                noise: vec!["fresh".to_string()],
                record_ids: Vec::new(),
            },
        )
    }

    /// Same make and model as a registered firearm, 2–3 digits near the end changed.
    fn sibling(&self, w: &World, rng: &mut ChaCha8Rng) -> Option<Query> {
        let t = *w.eligible.choose(rng)?;
        let (rec, info) = self.r#gen(t as usize);
        info.make?;
        let mut chars: Vec<char> = rec.serial.chars().collect();
        let al = alnum_positions(&chars);
        let tail = &al[al.len().saturating_sub(5)..];
        let digits: Vec<usize> = tail
            .iter()
            .copied()
            .filter(|&p| chars[p].is_ascii_digit())
            .collect();
        if digits.len() < 2 {
            return None;
        }
        let k = if digits.len() >= 3 && rng.gen_bool(0.4) {
            3
        } else {
            2
        };
        for &p in digits.choose_multiple(rng, k) {
            let old = chars[p];
            let new = (0..8)
                .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
                .find(|&d| d != old)?;
            chars[p] = new;
        }
        let serial: String = chars.into_iter().collect();
        // Two substituted neighbours can amount to a transposition (one edit): that
        // would be a typo of this very firearm, not another one of its batch.
        let far = osa_distance(
            serial_key(&serial).as_bytes(),
            serial_key(&rec.serial).as_bytes(),
        ) >= 2;
        if !far || is_placeholder_serial(&serial) || w.conflict(&serial, info.make, &[]) {
            return None;
        }
        let id = self.plain_identity(info.make, info.model, rng);
        Some(self.query(serial, id))
    }

    /// A registered serial under another make that has no record with it.
    fn other_make(&self, w: &World, rng: &mut ChaCha8Rng) -> Option<Query> {
        let t = *w.eligible.choose(rng)?;
        let (rec, info) = self.r#gen(t as usize);
        let make = self.t.draw_other_make(info.make, rng)?;
        let model = self.t.draw_model(make, rng);
        let serial = if rec.serial.is_ascii() && rng.gen_bool(0.3) {
            case_separators(&rec.serial, rng).unwrap_or(rec.serial)
        } else {
            rec.serial
        };
        if w.conflict(&serial, Some(make), &[]) {
            return None;
        }
        let mut id = self.plain_identity(Some(make), model, rng);
        if id.make.is_none() {
            id.make = self.t.makes.get(make).map(|m| m.name.clone());
        }
        Some(self.query(serial, id))
    }

    /// A new serial in a realistic format (partial, for `wildcard_nothing`) that no
    /// record of any make has or matches.
    fn fresh(&self, w: &World, rng: &mut ChaCha8Rng, partial: bool) -> Option<Query> {
        let (make, model) = self.t.draw_make_model(rng);
        let fmt = self.t.format_of(make, model);
        let letters = draw_letters(fmt, rng);
        let mut serial = render(fmt, &letters, rng.gen_range(0..1_000_000_000_000));
        if partial {
            serial = if rng.gen_bool(0.5) {
                obliterate_one(&serial, rng)?
            } else {
                obliterate_star(&serial, rng)?
            };
        } else if is_placeholder_serial(&serial) {
            return None;
        }
        if w.conflict(&serial, None, &[]) {
            return None;
        }
        let mut id = self.plain_identity(make, model, rng);
        if rng.gen_bool(0.05) {
            id.make = None;
        }
        Some(self.query(serial, id))
    }

    fn query(&self, serial: String, id: Identity) -> Query {
        Query {
            serial,
            make: id.make,
            model: id.model,
            calibre: id.calibre,
            country: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synth_dates_round_trip() {
        for d in [FIRST_DAY, LAST_DAY, days_from_civil(2024, 2, 29)] {
            let date = date_from_days(d).expect("valid day");
            assert_eq!(date.days_since_epoch(), d);
        }
        assert_eq!(
            date_from_days(LAST_DAY).map(|d| d.to_string()).as_deref(),
            Some("2026-10-31")
        );
    }

    #[test]
    fn synth_keyboard_neighbours() {
        let n = neighbours('5', false);
        assert!(n.contains(&'4') && n.contains(&'6') && n.contains(&'R') && n.contains(&'T'));
        let p = neighbours('5', true);
        assert_eq!(p.len(), 4);
        assert!(neighbours('0', true).contains(&'1'));
    }

    #[test]
    fn synth_formats_render() {
        let l = ['A', 'B', 'C'];
        assert_eq!(
            render(
                Format::Prefix {
                    letters: 2,
                    digits: 6
                },
                &l,
                123
            ),
            "AB000123"
        );
        assert_eq!(
            render(Format::DashDigits { head: 2, tail: 5 }, &l, 0),
            "10-00000"
        );
        assert_eq!(render(Format::Long { len: 13 }, &l, 5).chars().count(), 13);
        let c = ['В', 'С', 'А'];
        assert_eq!(
            render(
                Format::Cyrillic {
                    digits: 4,
                    space: true
                },
                &c,
                1234
            ),
            "ВС 1234"
        );
    }

    #[test]
    fn synth_translit_agrees_with_index() {
        let s = "ВХ 1234";
        let keys = crate::serial_keys(s);
        assert!(keys.contains(&fold_cyrillic(s, Fold::Bgn).replace(' ', "")));
        assert!(keys.contains(&fold_cyrillic(s, Fold::Iso9).replace(' ', "")));
        assert_eq!(serial_key(&fold_cyrillic(s, Fold::Shape)), serial_key(s));
    }
}
