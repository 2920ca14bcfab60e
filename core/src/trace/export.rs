//! The exchange formats of trace requests: JSON ([`TraceExport`], schema
//! [`TRACE_EXPORT_SCHEMA`]) and flat CSV ([`export_csv`]).

use serde::{Deserialize, Serialize};

use super::{Actor, MissingField, Priority, Timestamp, TraceRequest};
use crate::error::{Error, Result};
use crate::io::spreadsheet_cell;

/// The `format` field of a JSON export.
pub const EXPORT_FORMAT: &str = "armsmatch.trace_requests";

/// The `version` of the JSON export format written by this library.
pub const EXPORT_VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of a JSON export: the documented shape of
/// [`TraceExport`] and of each [`TraceRequest`] in it.
///
/// In short: `{"format": "armsmatch.trace_requests", "version": 1, "exported_at":
/// RFC 3339, "exported_by": actor, "requests": [request…]}`; a request has `id`,
/// `requester` (`country`, `agency`, `officer`), `case_ref`, `priority` (`{"level":
/// "routine"}` or `{"level": "urgent", "reason": …}`), `firearm` (`make`, `model`,
/// `calibre`, `serial`, `kind`, `serial_obliterated`, `country_of_manufacture`,
/// `importer`, `import_country`, `other_markings`), `recovery` (`date`, `country`,
/// `place`), `addressees` (`country`, `agency`, `reasons`), `hits` (`query_id`,
/// `record`, `score`, `explanation`, `summary`), `status`, `history` (`from`, `to`,
/// `by`, `at`, `note`), `responses` and `comments` (`by`, `at`, `text`) and
/// `created_at`. Absent optional fields are omitted; readers must ignore fields they do
/// not know (later versions may add some; a breaking change bumps `version`).
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(armsmatch::trace::TRACE_EXPORT_SCHEMA)?;
/// assert_eq!(schema["properties"]["format"]["const"], "armsmatch.trace_requests");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub const TRACE_EXPORT_SCHEMA: &str = include_str!("trace_export.schema.json");

/// A set of trace requests as exchanged in JSON: what `TraceStore::export` returns
/// and `armsmatch trace export --format json` writes.
///
/// ```
/// use armsmatch::trace::{Actor, FirearmId, TraceExport, TraceRequest, Timestamp};
/// let me = Actor::new("SWE", "Polisen")?;
/// let req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
/// let export = TraceExport::new(&me, vec![req]);
/// let json = export.to_json();
/// assert_eq!(TraceExport::from_json(&json)?, export);
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceExport {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// [`EXPORT_VERSION`] when written by this library.
    pub version: u32,
    /// When the export was made.
    pub exported_at: Timestamp,
    /// Who made it (the requests are those this country may see).
    pub exported_by: Actor,
    /// The requests, by id.
    pub requests: Vec<TraceRequest>,
}

impl TraceExport {
    /// An export made now.
    pub fn new(by: &Actor, requests: Vec<TraceRequest>) -> TraceExport {
        TraceExport {
            format: EXPORT_FORMAT.to_string(),
            version: EXPORT_VERSION,
            exported_at: Timestamp::now(),
            exported_by: by.clone(),
            requests,
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: string keys, no non-finite floats
        // (scores are in [0, 1]).
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an export, refusing another format or a newer version; every request is
    /// checked ([`TraceRequest::validated`]).
    ///
    /// ```
    /// use armsmatch::trace::TraceExport;
    /// let err = TraceExport::from_json(r#"{"format": "other", "version": 1}"#).unwrap_err();
    /// assert!(err.to_string().contains("format"));
    /// ```
    pub fn from_json(text: &str) -> Result<TraceExport> {
        let head: serde_json::Value =
            serde_json::from_str(text).map_err(|e| invalid(format!("not JSON: {e}")))?;
        if head.get("format").and_then(|f| f.as_str()) != Some(EXPORT_FORMAT) {
            return Err(invalid(format!(
                "the format field is not {EXPORT_FORMAT:?}: not a trace request export"
            )));
        }
        match head.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v >= 1 && v <= u64::from(EXPORT_VERSION) => {}
            Some(v) => {
                return Err(invalid(format!(
                    "version {v} is newer than this library reads ({EXPORT_VERSION}); upgrade armsmatch"
                )))
            }
            None => return Err(invalid("the version field is missing".to_string())),
        }
        let export: TraceExport =
            serde_json::from_value(head).map_err(|e| invalid(e.to_string()))?;
        let requests = export
            .requests
            .iter()
            .map(TraceRequest::validated)
            .collect::<Result<Vec<_>>>()?;
        Ok(TraceExport { requests, ..export })
    }
}

fn invalid(message: String) -> Error {
    Error::InvalidInput {
        field: "trace export".into(),
        message,
    }
}

/// The columns of [`export_csv`], in order. Lists (addressees, markings, missing
/// fields) are joined with `;`.
pub const CSV_COLUMNS: [&str; 27] = [
    "id",
    "status",
    "priority",
    "urgent_reason",
    "requesting_country",
    "requesting_agency",
    "officer",
    "case_ref",
    "make",
    "model",
    "calibre",
    "serial",
    "kind",
    "serial_obliterated",
    "country_of_manufacture",
    "importer",
    "import_country",
    "other_markings",
    "recovery_date",
    "recovery_country",
    "recovery_place",
    "addressees",
    "linked_records",
    "created_at",
    "sent_at",
    "responses",
    "missing",
];

/// One CSV row per request (columns [`CSV_COLUMNS`]), for spreadsheets. History,
/// response texts and evidence are in the JSON export only. Text that a spreadsheet
/// would read as a formula is escaped ([`crate::io::spreadsheet_cell`]).
///
/// ```
/// use armsmatch::trace::{export_csv, Actor, FirearmId, TraceRequest, Timestamp};
/// let me = Actor::new("SWE", "Polisen")?;
/// let f = FirearmId { make: Some("Glock".into()), ..FirearmId::default() };
/// let csv = export_csv(&[TraceRequest::new(&me, "S-1", f, Timestamp::now())])?;
/// let mut lines = csv.lines();
/// assert!(lines.next().unwrap().starts_with("id,status,priority"));
/// assert!(lines.next().unwrap().contains(",draft,routine,,SWE,Polisen,,S-1,Glock,"));
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub fn export_csv(requests: &[TraceRequest]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Error::Io {
        path: "<trace CSV>".into(),
        source: std::io::Error::other(e.to_string()),
    };
    w.write_record(CSV_COLUMNS).map_err(io)?;
    for r in requests {
        let f = &r.firearm;
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        let urgent = match &r.priority {
            Priority::Urgent { reason } => reason.clone(),
            Priority::Routine => String::new(),
        };
        let addressees: Vec<&str> = r.addressees.iter().map(|a| a.country.as_str()).collect();
        let records: Vec<&str> = r.hits.iter().map(|h| h.record.id.as_str()).collect();
        let missing: Vec<&str> = r
            .completeness()
            .iter()
            .map(|m: &MissingField| m.as_str())
            .collect();
        let cells = [
            r.id.map(|i| i.to_string()).unwrap_or_default(),
            r.status.as_str().to_string(),
            r.priority.level().to_string(),
            urgent,
            r.requester.country.clone(),
            r.requester.agency.clone(),
            s(&r.requester.officer),
            r.case_ref.clone(),
            s(&f.make),
            s(&f.model),
            s(&f.calibre),
            s(&f.serial),
            f.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            f.serial_obliterated.to_string(),
            s(&f.country_of_manufacture),
            s(&f.importer),
            s(&f.import_country),
            f.other_markings.join(";"),
            r.recovery.date.map(|d| d.to_string()).unwrap_or_default(),
            s(&r.recovery.country),
            s(&r.recovery.place),
            addressees.join(";"),
            records.join(";"),
            r.created_at.to_string(),
            r.sent_at().map(|t| t.to_string()).unwrap_or_default(),
            r.responses.len().to_string(),
            missing.join(";"),
        ];
        // Free text (case references, places, markings) may start like a formula.
        w.write_record(cells.iter().map(|c| spreadsheet_cell(c).into_owned()))
            .map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| io(e.into_error().into()))?;
    String::from_utf8(bytes).map_err(|e| Error::InvalidInput {
        field: "trace CSV".into(),
        message: e.to_string(),
    })
}
