//! Hit statistics from the files the command line writes: the hits file joined with
//! the index (for the records) and the queries file (for the checking country and
//! date).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::HitStats;
use crate::error::{Error, Result};
use crate::index::Index;
use crate::record::{country_code, Date, Record};

/// Where and when a check was made: the context a hits file does not carry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckContext {
    /// The checking country (where the firearm turned up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The date of the check (or of the seizure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_on: Option<Date>,
}

/// What [`hit_stats_from_files`] read and left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HitFileReport {
    /// Rows of the hits file.
    pub rows: u64,
    /// Rows counted.
    pub counted: u64,
    /// Rows left out because their rank was over 1 (without `all_ranks`).
    pub lower_ranks: u64,
    /// Rows left out because their record is not in the index (named in
    /// `missing_records`, at most 20).
    pub unknown_records: u64,
    /// The first record ids not found.
    pub missing_records: Vec<String>,
    /// Rows whose check is not in the queries file (counted, checking country unknown).
    pub unknown_checks: u64,
}

/// Column names accepted for the check date.
const DATE_COLUMNS: [&str; 5] = [
    "checked_on",
    "check_date",
    "date",
    "recovered_on",
    "seized_on",
];
/// Column names accepted for the checking country in a hits file.
const HIT_COUNTRY_COLUMNS: [&str; 2] = ["check_country", "checking_country"];

/// Streams rows of a CSV (header row) or JSON Lines file as column → value maps, with
/// their 1-based line numbers. Column names are lowercased.
fn for_each_row(
    path: &Path,
    required: &[&str],
    mut f: impl FnMut(u64, &HashMap<String, String>) -> Result<()>,
) -> Result<()> {
    let name = path.display().to_string();
    let parse = |line: u64, column: &str, message: String| Error::Parse {
        path: name.clone(),
        line,
        column: column.to_string(),
        message,
    };
    let file = File::open(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let jsonl = matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl" | "ndjson" | "json")
    );
    if jsonl {
        for (i, line) in BufReader::new(file).split(b'\n').enumerate() {
            let n = i as u64 + 1;
            let line = line.map_err(|e| Error::Io {
                path: path.to_path_buf(),
                source: e,
            })?;
            let text = std::str::from_utf8(&line)
                .map_err(|_| parse(n, "-", format!("line is {}", crate::io::NOT_UTF8)))?;
            if text.trim().is_empty() {
                continue;
            }
            let obj: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
                .map_err(|e| parse(n, "-", format!("not a JSON object: {e}")))?;
            let row: HashMap<String, String> = obj
                .into_iter()
                .filter_map(|(k, v)| {
                    let v = match v {
                        serde_json::Value::Null => return None,
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    Some((k.trim().to_ascii_lowercase(), v))
                })
                .collect();
            if let Some(c) = required.iter().find(|c| !row.contains_key(**c)) {
                return Err(parse(n, c, format!("required field {c:?} is missing")));
            }
            f(n, &row)?;
        }
        return Ok(());
    }
    let mut file = BufReader::with_capacity(64 * 1024, file);
    let head = file.fill_buf().map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let delimiter = crate::io::sniff_delimiter(head, required, |h| {
        h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase()
    });
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(file);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| parse(1, "-", e.to_string()))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    if let Some(c) = required.iter().find(|c| !headers.iter().any(|h| h == *c)) {
        return Err(parse(
            1,
            c,
            format!("required column {c:?} is missing from the header"),
        ));
    }
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            parse(line, "-", e.to_string())
        })?;
        let n = rec.position().map_or(0, |p| p.line());
        let row: HashMap<String, String> = headers
            .iter()
            .cloned()
            // Cells a spreadsheet-safe writer escaped (`'=…`) read as written.
            .zip(
                rec.iter()
                    .map(|c| crate::io::from_spreadsheet_cell(c).to_string()),
            )
            .collect();
        f(n, &row)?;
    }
    Ok(())
}

fn field<'a>(
    row: &'a HashMap<String, String>,
    names: &[&'static str],
) -> Option<(&'a str, &'static str)> {
    // `names` are 'static column names; return the one found with its value.
    names.iter().find_map(|n| {
        row.get(*n)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(|v| (v, *n))
    })
}

fn context_of(
    path: &Path,
    line: u64,
    row: &HashMap<String, String>,
    country_columns: &[&'static str],
) -> Result<CheckContext> {
    let err = |column: &str, e: Error| Error::Parse {
        path: path.display().to_string(),
        line,
        column: column.to_string(),
        message: match e {
            Error::InvalidInput { message, .. } => message,
            other => other.to_string(),
        },
    };
    let country = match field(row, country_columns) {
        Some((c, col)) => Some(country_code(c).map_err(|e| err(col, e))?),
        None => None,
    };
    let checked_on = match field(row, &DATE_COLUMNS) {
        Some((d, col)) => Some(d.parse::<Date>().map_err(|e| err(col, e))?),
        None => None,
    };
    Ok(CheckContext {
        country,
        checked_on,
    })
}

/// Reads the checking country and date of each check from a queries file (CSV or
/// JSON Lines; `query_id` required; `country`, and the date as `checked_on` — or
/// `check_date`, `date`, `recovered_on`, `seized_on` — optional). A malformed country or
/// date is an [`Error::Parse`] naming the file, line and column.
///
/// ```
/// # let dir = tempfile::tempdir()?;
/// let path = dir.path().join("queries.csv");
/// std::fs::write(&path, "query_id,serial,country,checked_on\nQ1,AB1,fra,2024-03-01\nQ2,AB2,,\n")?;
/// let ctx = armsmatch::stats::read_check_contexts(&path)?;
/// assert_eq!(ctx["Q1"].country.as_deref(), Some("FRA"));
/// assert_eq!(ctx["Q2"].checked_on, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_check_contexts(path: impl AsRef<Path>) -> Result<HashMap<String, CheckContext>> {
    let path = path.as_ref();
    let mut out = HashMap::new();
    for_each_row(path, &["query_id"], |line, row| {
        let Some((id, _)) = field(row, &["query_id"]) else {
            return Err(Error::Parse {
                path: path.display().to_string(),
                line,
                column: "query_id".into(),
                message: "the query id is empty".into(),
            });
        };
        let ctx = context_of(path, line, row, &["country"])?;
        out.insert(id.to_string(), ctx);
        Ok(())
    })?;
    Ok(out)
}

/// Hit statistics from a hits file (CSV `query_id,rank,record_id,…` as `armsmatch
/// check` writes it, or JSON Lines with the same keys), the index the check ran
/// against (each hit's record is looked up by `record_id`) and, optionally, the
/// queries file (for each check's country and date: [`read_check_contexts`]).
///
/// A hits file may carry the context itself in `check_country` and `checked_on`
/// columns; they win over the queries file. Only each check's best hit (rank 1)
/// counts as a sighting unless `all_ranks`: a check returns candidates, and at most
/// one of them is the firearm. Rows left out are counted in the [`HitFileReport`].
///
/// ```
/// use armsmatch::{Index, Record, Date};
/// # let dir = tempfile::tempdir()?;
/// let mut b = Index::builder();
/// b.add(Record::new("R1", "AB123456").make("Glock").country("DEU").reported_on(Date::new(2024, 1, 1)?))?;
/// let index = b.build()?;
/// let hits = dir.path().join("hits.csv");
/// std::fs::write(&hits, "query_id,rank,record_id,score\nQ1,1,R1,0.99\nQ1,2,R9,0.5\n")?;
/// let queries = dir.path().join("queries.csv");
/// std::fs::write(&queries, "query_id,serial,country,checked_on\nQ1,AB123456,FRA,2024-01-31\n")?;
/// let (stats, report) = armsmatch::stats::hit_stats_from_files(&index, &hits, Some(&queries), false)?;
/// assert_eq!(stats.routes[0].days_to_recovery.as_ref().unwrap().median, 30.0);
/// assert_eq!((report.counted, report.lower_ranks), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hit_stats_from_files(
    index: &Index,
    hits: impl AsRef<Path>,
    queries: Option<&Path>,
    all_ranks: bool,
) -> Result<(HitStats, HitFileReport)> {
    let hits = hits.as_ref();
    let contexts = match queries {
        Some(q) => Some(read_check_contexts(q)?),
        None => None,
    };
    let mut report = HitFileReport::default();
    let mut rows: Vec<(CheckContext, Record)> = Vec::new();
    for_each_row(hits, &["query_id", "rank", "record_id"], |line, row| {
        report.rows += 1;
        let parse = |column: &str, message: String| Error::Parse {
            path: hits.display().to_string(),
            line,
            column: column.to_string(),
            message,
        };
        let rank_text = row.get("rank").map_or("", |r| r.trim());
        let rank: u64 = rank_text
            .parse()
            .map_err(|_| parse("rank", format!("{rank_text:?} is not a rank (1, 2, …)")))?;
        if rank == 0 {
            return Err(parse("rank", "ranks start at 1".into()));
        }
        if rank > 1 && !all_ranks {
            report.lower_ranks += 1;
            return Ok(());
        }
        let (Some((query_id, _)), Some((record_id, _))) =
            (field(row, &["query_id"]), field(row, &["record_id"]))
        else {
            return Err(parse("record_id", "the query or record id is empty".into()));
        };
        let Some(record) = index.get(record_id) else {
            report.unknown_records += 1;
            if report.missing_records.len() < 20 {
                report.missing_records.push(record_id.to_string());
            }
            return Ok(());
        };
        let own = context_of(hits, line, row, &HIT_COUNTRY_COLUMNS)?;
        let joined = match &contexts {
            Some(c) => match c.get(query_id) {
                Some(ctx) => ctx.clone(),
                None => {
                    report.unknown_checks += 1;
                    CheckContext::default()
                }
            },
            None => CheckContext::default(),
        };
        let ctx = CheckContext {
            country: own.country.or(joined.country),
            checked_on: own.checked_on.or(joined.checked_on),
        };
        report.counted += 1;
        rows.push((ctx, record));
        Ok(())
    })?;
    let reference = index.reference();
    let stats = HitStats::from_records(
        rows.iter()
            .map(|(c, r)| (c.country.as_deref(), c.checked_on, r)),
        &reference,
    );
    Ok((stats, report))
}
