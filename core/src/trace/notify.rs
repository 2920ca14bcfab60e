//! Hit notifications: when a check hits a record, the country that reported it must be
//! told quickly. [`notify`] writes one JSON Lines file per reporting country.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::{Query, Record};
use crate::score::{Explanation, Hit};

/// One line of a notification file: a hit on a record the recipient country reported,
/// with the check, the evidence and the explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitNotice {
    /// The country the notice is for (the record's reporting country; `UNKNOWN` if the
    /// record has none).
    pub to_country: String,
    /// The check's id.
    pub query_id: String,
    /// The checking country, when the check named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_country: Option<String>,
    /// The record that was hit, as registered.
    pub record: Record,
    /// The check, as made.
    pub query: Query,
    /// The hit's score in [0, 1].
    pub score: f32,
    /// The evidence.
    pub explanation: Explanation,
    /// The explanation as one line of text.
    pub summary: String,
}

/// The file stem of a reporting country: its code if it is one, else `UNKNOWN`.
fn country_stem(country: Option<&str>) -> String {
    country
        .and_then(|c| crate::record::country_code(c).ok())
        .unwrap_or_else(|| "UNKNOWN".to_string())
}

/// Writes the hits grouped by the record's reporting country into `DIR/<COUNTRY>.jsonl`
/// (records without a country into `UNKNOWN.jsonl`), one [`HitNotice`] per line, in
/// the order given. Creates `dir` if needed; each file is written whole and then
/// renamed into place, so a reader never sees half a file, and a file from an earlier
/// run is replaced. Returns the files written, sorted.
///
/// ```
/// use armsmatch::{Index, Record, Query, CheckOptions, trace::notify};
/// # let dir = tempfile::tempdir()?;
/// let mut b = Index::builder();
/// b.add(Record::new("DEU-1", "AB123456").country("DEU"))?;
/// b.add(Record::new("X-2", "CD654321"))?;
/// let index = b.build()?;
/// let o = CheckOptions::default();
/// let (q1, q2) = (Query::new("AB123456").country("FRA"), Query::new("CD654321"));
/// let (h1, h2) = (index.check(&q1, &o)?, index.check(&q2, &o)?);
/// let files = notify([("Q1", &q1, &h1[0]), ("Q2", &q2, &h2[0])], dir.path())?;
/// let names: Vec<_> = files.iter().map(|p| p.file_name().unwrap().to_str().unwrap()).collect();
/// assert_eq!(names, ["DEU.jsonl", "UNKNOWN.jsonl"]);
/// let line = std::fs::read_to_string(&files[0])?;
/// assert!(line.contains("\"query_id\":\"Q1\"") && line.contains("\"check_country\":\"FRA\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn notify<'a>(
    hits: impl IntoIterator<Item = (&'a str, &'a Query, &'a Hit)>,
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    let mut groups: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for (query_id, query, hit) in hits {
        let to_country = country_stem(hit.record.country.as_deref());
        let notice = HitNotice {
            to_country: to_country.clone(),
            query_id: query_id.to_string(),
            // A blank check country is unknown (as the check read it), a code is
            // given as the record's: alpha-3, uppercase.
            check_country: query
                .country
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .map(|c| crate::country_code(c).unwrap_or_else(|_| c.trim().to_string())),
            record: hit.record.clone(),
            query: query.clone(),
            score: hit.score,
            explanation: hit.explanation.clone(),
            summary: hit.explanation.to_string(),
        };
        let buf = groups.entry(to_country).or_default();
        serde_json::to_writer(&mut *buf, &notice).map_err(|e| Error::InvalidInput {
            field: "hit".into(),
            message: format!("cannot be written as JSON: {e}"),
        })?;
        buf.push(b'\n');
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let mut written = Vec::new();
    for (country, bytes) in groups {
        let path = dir.join(format!("{country}.jsonl"));
        let tmp = dir.join(format!(".{country}.jsonl.{}.tmp", std::process::id()));
        let io = |p: &Path, e| Error::Io {
            path: p.to_path_buf(),
            source: e,
        };
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()
        };
        if let Err(e) = write() {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&tmp, e));
        }
        std::fs::rename(&tmp, &path).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    Ok(written)
}
