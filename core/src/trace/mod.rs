//! Trace requests: from a hit (or from scratch), ask the countries along a firearm's
//! chain — manufacture, last legal import, the country that reported it — for its
//! history; and hit notifications to the reporting country.
//!
//! * [`TraceRequest`] — the request, with the firearm's identification as the
//!   International Tracing Instrument (para 8) and ISACS 05.31 ask for it
//!   ([`FirearmId`]), the [`Recovery`], [`Addressee`]s, linked hits ([`LinkedHit`]),
//!   and its [`TraceStatus`] with history, responses and comments.
//! * [`TraceRequest::from_hit`] prefills it from a [`Hit`] and the check;
//!   [`TraceRequest::completeness`] lists the essential fields still missing (missing
//!   information is why international traces fail 40–70% of the time);
//!   [`TraceRequest::suggested_addressees`] names the country of manufacture (from the
//!   [`Reference`]), the import country and the record's reporting country.
//! * Lifecycle draft → sent → acknowledged → in progress → responded → closed
//!   ([`TraceStatus::can_move_to`], [`TraceRequest::transition`]); each change is kept
//!   with who and when.
//! * [`TraceExport`] — the JSON exchange format (schema: [`TRACE_EXPORT_SCHEMA`]) and
//!   [`export_csv`] — one flat row per request.
//! * `TraceStore` (cargo feature `store`) — requests in SQLite, scoped by country.
//! * [`notify`] — one JSON Lines file of hits per reporting country.
//!
//! # Who may do what
//!
//! A request belongs to its requesting country. Its addressees see it once it is sent
//! (a draft is private to the requester). The requester edits the draft, sends and
//! closes; an addressee acknowledges, marks in progress and responds; both comment.
//!
//! # Example
//!
//! ```
//! use armsmatch::{Index, Record, Query, CheckOptions, Reference};
//! use armsmatch::trace::{Actor, TraceRequest, TraceStatus, MissingField, Timestamp};
//!
//! let mut b = Index::builder();
//! b.add(Record::new("DEU-2023-118", "BA124471").make("Glock").model("19").calibre("9mm").country("DEU"))?;
//! let index = b.build()?;
//! let query = Query::new("BA124471").make("Glock").country("FRA");
//! let hit = &index.check(&query, &CheckOptions::default())?[0];
//!
//! let me = Actor::new("FRA", "Police nationale")?;
//! let mut req = TraceRequest::from_hit(hit, &query, &me, "PN-2024-0001", Reference::embedded())?;
//! // Glock is made in Austria; the record was reported by Germany.
//! let to: Vec<&str> = req.addressees.iter().map(|a| a.country.as_str()).collect();
//! assert_eq!(to, ["AUT", "DEU"]);
//! assert_eq!(req.completeness(), [MissingField::RecoveryDate]);
//! req.recovery.date = Some("2024-03-01".parse()?);
//! req.send(&me, Timestamp::now(), false)?;
//! assert_eq!(req.status, TraceStatus::Sent);
//! # Ok::<(), armsmatch::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::{country_code, Date, Kind, Query, Record};
use crate::reference::{NameForm, Reference};
use crate::score::{Explanation, Hit};

mod export;
mod notify;
#[cfg(feature = "store")]
mod store;
mod time;

pub use export::TRACE_EXPORT_SCHEMA;
pub use export::{export_csv, TraceExport, CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION};
pub use notify::{notify, HitNotice};
#[cfg(feature = "store")]
pub use store::{Direction, Migration, TraceFilter, TraceStore, MIGRATIONS, SCHEMA_VERSION};
pub use time::Timestamp;

/// Longest free text (a response, a comment, a note), in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Most addressees of one request.
pub const MAX_ADDRESSEES: usize = 64;
/// Most linked hits of one request.
pub const MAX_LINKED_HITS: usize = 100;
/// Most "other markings" of one firearm.
pub const MAX_MARKINGS: usize = 64;
/// Most history entries, responses or comments of one request.
pub const MAX_ENTRIES: usize = 10_000;

/// A country and agency acting on trace requests (and the officer, when known).
///
/// ```
/// use armsmatch::trace::Actor;
/// let a = Actor::new("fra", " Police nationale ")?.officer("Lt. Martin");
/// assert_eq!((a.country.as_str(), a.agency.as_str()), ("FRA", "Police nationale"));
/// assert!(Actor::new("France", "PN").is_err());
/// assert!(Actor::new("FRA", "  ").is_err());
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 country code.
    pub country: String,
    /// The agency (police, customs, a national central bureau …).
    pub agency: String,
    /// The officer, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
}

impl Actor {
    /// Checks and normalizes a country code and a non-empty agency.
    pub fn new(country: &str, agency: &str) -> Result<Actor> {
        Actor {
            country: country.to_string(),
            agency: agency.to_string(),
            officer: None,
        }
        .validated()
    }

    /// Sets the officer.
    pub fn officer(mut self, name: impl Into<String>) -> Actor {
        self.officer = Some(name.into()).filter(|n: &String| !n.trim().is_empty());
        self
    }

    /// The same actor, checked: a valid country code (uppercased), an agency of 1 to
    /// 1024 bytes (trimmed).
    ///
    /// ```
    /// use armsmatch::trace::Actor;
    /// let a = Actor { country: "deu".into(), agency: "BKA".into(), officer: None };
    /// assert_eq!(a.validated()?.country, "DEU");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn validated(&self) -> Result<Actor> {
        let agency = self.agency.trim();
        if agency.is_empty() {
            return Err(invalid("agency", "the acting agency is empty"));
        }
        check_len("agency", agency, crate::limits::MAX_FIELD_BYTES)?;
        if let Some(o) = &self.officer {
            check_len("officer", o, crate::limits::MAX_FIELD_BYTES)?;
        }
        Ok(Actor {
            country: country_code(&self.country)?,
            agency: agency.to_string(),
            officer: self
                .officer
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string),
        })
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.country, self.agency)?;
        if let Some(o) = &self.officer {
            write!(f, " ({o})")?;
        }
        Ok(())
    }
}

/// How fast an answer is needed. Urgent requests carry their reason (as on the ATF
/// trace form), so the addressee can judge it.
///
/// ```
/// use armsmatch::trace::Priority;
/// let p = Priority::Urgent { reason: "suspect in custody, 48 h".into() };
/// assert_eq!(serde_json::to_string(&p)?, r#"{"level":"urgent","reason":"suspect in custody, 48 h"}"#);
/// assert_eq!(serde_json::to_string(&Priority::Routine)?, r#"{"level":"routine"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "level", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Priority {
    /// Routine.
    #[default]
    Routine,
    /// Urgent, with the reason.
    Urgent {
        /// Why it is urgent.
        reason: String,
    },
}

impl Priority {
    /// `routine` or `urgent`.
    ///
    /// ```
    /// assert_eq!(armsmatch::trace::Priority::Routine.level(), "routine");
    /// ```
    pub fn level(&self) -> &'static str {
        match self {
            Priority::Routine => "routine",
            Priority::Urgent { .. } => "urgent",
        }
    }
}

/// The firearm's identification, as the International Tracing Instrument (marking at
/// manufacture and import), ISACS 05.31 (essential: make, model, calibre, serial,
/// country of manufacture or last import) and the ATF trace form (obliterated flag,
/// importer, other markings) ask for it. Describe the frame or receiver.
///
/// ```
/// use armsmatch::{Kind, trace::FirearmId};
/// let f = FirearmId { make: Some("Glock".into()), serial: Some("BA124471".into()),
///                     kind: Some(Kind::Pistol), ..FirearmId::default() };
/// assert!(!f.serial_obliterated);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FirearmId {
    /// Manufacturer (the original maker, not the importer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    /// Model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Calibre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibre: Option<String>,
    /// Serial number as read from the frame or receiver; for an obliterated serial,
    /// what was restored (`?` one unknown character, `*` any run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// Kind of firearm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// True if the serial was obliterated (filed off, ground, punched).
    #[serde(default)]
    pub serial_obliterated: bool,
    /// Country of manufacture (ISO 3166-1 alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_of_manufacture: Option<String>,
    /// Importer, as marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importer: Option<String>,
    /// Country of (last legal) import, as marked (ISO 3166-1 alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_country: Option<String>,
    /// Other markings: proof, assembly and patent numbers, import year, unit marks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_markings: Vec<String>,
}

/// Where and when the firearm was seized or found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Recovery {
    /// Date of recovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Country of recovery (ISO 3166-1 alpha-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Place (town, border post, address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Why a country is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AddresseeReason {
    /// The country of manufacture.
    Manufacture,
    /// The country of last legal import.
    Import,
    /// The country that reported the firearm lost, stolen or trafficked.
    Reporting,
    /// A country along the supply chain.
    SupplyChain,
    /// Any other linked country.
    Other,
}

impl AddresseeReason {
    /// Lowercase name used in files.
    ///
    /// ```
    /// assert_eq!(armsmatch::trace::AddresseeReason::SupplyChain.as_str(), "supply_chain");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AddresseeReason::Manufacture => "manufacture",
            AddresseeReason::Import => "import",
            AddresseeReason::Reporting => "reporting",
            AddresseeReason::SupplyChain => "supply_chain",
            AddresseeReason::Other => "other",
        }
    }
}

/// A country asked to trace the firearm.
///
/// ```
/// use armsmatch::trace::{Addressee, AddresseeReason};
/// let a = Addressee::new("aut", AddresseeReason::Manufacture)?;
/// assert_eq!(a.country, "AUT");
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    /// ISO 3166-1 alpha-3 country code.
    pub country: String,
    /// Agency addressed, when known (otherwise the country's central bureau).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Why it is asked (one or more).
    #[serde(default)]
    pub reasons: Vec<AddresseeReason>,
}

impl Addressee {
    /// An addressee with one reason; the country code is checked.
    pub fn new(country: &str, reason: AddresseeReason) -> Result<Addressee> {
        Ok(Addressee {
            country: country_code(country)?,
            agency: None,
            reasons: vec![reason],
        })
    }
}

/// A hit that led to the request: the record as registered and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedHit {
    /// The check's id, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    /// The register record.
    pub record: Record,
    /// The hit's score in [0, 1].
    pub score: f32,
    /// Why it matched.
    pub explanation: Explanation,
    /// The explanation as one line of text.
    pub summary: String,
}

impl LinkedHit {
    /// The link of a hit.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions, trace::LinkedHit};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456"))?;
    /// let hits = b.build()?.check(&Query::new("AB123456"), &CheckOptions::default())?;
    /// let link = LinkedHit::new(Some("Q1"), &hits[0]);
    /// assert!(link.summary.starts_with("serial exact"));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn new(query_id: Option<&str>, hit: &Hit) -> LinkedHit {
        LinkedHit {
            query_id: query_id.map(str::to_string),
            record: hit.record.clone(),
            score: hit.score,
            explanation: hit.explanation.clone(),
            summary: hit.explanation.to_string(),
        }
    }
}

/// Where a request is in its life.
///
/// ```
/// use armsmatch::trace::TraceStatus::*;
/// assert!(Draft.can_move_to(Sent));
/// assert!(Sent.can_move_to(Responded)); // an answer may come without an acknowledgement
/// assert!(!Responded.can_move_to(Sent));
/// assert!(!Closed.can_move_to(InProgress));
/// assert_eq!("in progress".parse::<armsmatch::trace::TraceStatus>()?, InProgress);
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TraceStatus {
    /// Being written by the requester; only the requester sees it.
    Draft,
    /// Sent to the addressees.
    Sent,
    /// An addressee confirmed receipt.
    Acknowledged,
    /// An addressee is working on it.
    InProgress,
    /// At least one addressee answered.
    Responded,
    /// Closed by the requester (answered, withdrawn or abandoned).
    Closed,
}

/// Who may make a change: the requesting country or an addressee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The requesting country.
    Requester,
    /// A country the request is addressed to.
    Addressee,
}

impl TraceStatus {
    /// All statuses, in lifecycle order.
    pub const ALL: [TraceStatus; 6] = [
        TraceStatus::Draft,
        TraceStatus::Sent,
        TraceStatus::Acknowledged,
        TraceStatus::InProgress,
        TraceStatus::Responded,
        TraceStatus::Closed,
    ];

    /// The lowercase name used in files (`in_progress`, …).
    ///
    /// ```
    /// assert_eq!(armsmatch::trace::TraceStatus::InProgress.as_str(), "in_progress");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TraceStatus::Draft => "draft",
            TraceStatus::Sent => "sent",
            TraceStatus::Acknowledged => "acknowledged",
            TraceStatus::InProgress => "in_progress",
            TraceStatus::Responded => "responded",
            TraceStatus::Closed => "closed",
        }
    }

    /// True if the lifecycle allows `self → to`: forward only (an acknowledgement or
    /// "in progress" may be skipped), `sent` only from a draft, `closed` from anything
    /// but itself, nothing out of `closed`.
    pub fn can_move_to(self, to: TraceStatus) -> bool {
        use TraceStatus::*;
        matches!(
            (self, to),
            (Draft, Sent)
                | (Draft, Closed)
                | (Sent, Acknowledged | InProgress | Responded | Closed)
                | (Acknowledged, InProgress | Responded | Closed)
                | (InProgress, Responded | Closed)
                | (Responded, Closed)
        )
    }

    /// Who may move a request into this status: the requester sends and closes; an
    /// addressee acknowledges, works on and responds. `None` for `draft` (only
    /// creation makes a draft).
    ///
    /// ```
    /// use armsmatch::trace::{TraceStatus, Role};
    /// assert_eq!(TraceStatus::Acknowledged.moved_by(), Some(Role::Addressee));
    /// ```
    pub fn moved_by(self) -> Option<Role> {
        match self {
            TraceStatus::Draft => None,
            TraceStatus::Sent | TraceStatus::Closed => Some(Role::Requester),
            TraceStatus::Acknowledged | TraceStatus::InProgress | TraceStatus::Responded => {
                Some(Role::Addressee)
            }
        }
    }
}

impl fmt::Display for TraceStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TraceStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<TraceStatus> {
        let k: String = s
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        TraceStatus::ALL
            .into_iter()
            .find(|st| st.as_str().replace('_', "") == k || (k == "acked" && *st == TraceStatus::Acknowledged))
            .ok_or_else(|| {
                invalid(
                    "status",
                    format!("{s:?} is not a trace status (draft, sent, acknowledged, in_progress, responded, closed)"),
                )
            })
    }
}

/// One status change: who moved the request, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The status before (`None` at creation).
    #[serde(default)]
    pub from: Option<TraceStatus>,
    /// The status after.
    pub to: TraceStatus,
    /// Who.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// A note (the reason for closing, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An addressee's answer (the firearm's history as far as that country knows it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceResponse {
    /// The answering country and agency.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// The answer.
    pub text: String,
}

/// A comment by the requester or an addressee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Who.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// The comment.
    pub text: String,
}

/// An essential field a request lacks. Incomplete requests are the main reason traces
/// fail; [`TraceRequest::completeness`] catches them before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MissingField {
    /// The case reference.
    CaseReference,
    /// The manufacturer.
    Make,
    /// The model.
    Model,
    /// The calibre.
    Calibre,
    /// The serial number (or, if obliterated, a restored part or other markings).
    Serial,
    /// The country of manufacture or of last import: without it there is no one to ask.
    CountryOfManufactureOrImport,
    /// An addressee.
    Addressees,
    /// The recovery date.
    RecoveryDate,
    /// The recovery country.
    RecoveryCountry,
    /// The reason of an urgent request.
    UrgentReason,
}

impl MissingField {
    /// The field's name in files (`country_of_manufacture_or_import`, …).
    ///
    /// ```
    /// assert_eq!(armsmatch::trace::MissingField::RecoveryDate.as_str(), "recovery_date");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            MissingField::CaseReference => "case_reference",
            MissingField::Make => "make",
            MissingField::Model => "model",
            MissingField::Calibre => "calibre",
            MissingField::Serial => "serial",
            MissingField::CountryOfManufactureOrImport => "country_of_manufacture_or_import",
            MissingField::Addressees => "addressees",
            MissingField::RecoveryDate => "recovery_date",
            MissingField::RecoveryCountry => "recovery_country",
            MissingField::UrgentReason => "urgent_reason",
        }
    }

    /// What to add, in words.
    ///
    /// ```
    /// assert!(armsmatch::trace::MissingField::Serial.describe().contains("serial"));
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            MissingField::CaseReference => "the case reference",
            MissingField::Make => "the manufacturer (the original maker, not the importer)",
            MissingField::Model => "the model",
            MissingField::Calibre => "the calibre",
            MissingField::Serial => {
                "the serial number from the frame or receiver (if obliterated: the restored part or other markings)"
            }
            MissingField::CountryOfManufactureOrImport => {
                "the country of manufacture or of last legal import"
            }
            MissingField::Addressees => "at least one country to ask",
            MissingField::RecoveryDate => "the date of recovery",
            MissingField::RecoveryCountry => "the country of recovery",
            MissingField::UrgentReason => "the reason the request is urgent",
        }
    }
}

impl fmt::Display for MissingField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A trace request. Build it with [`TraceRequest::new`] or [`TraceRequest::from_hit`],
/// complete it (the fields are public), check [`TraceRequest::completeness`], then move
/// it through its lifecycle — in memory with the methods here, or persisted and
/// scoped by country with `TraceStore` (feature `store`). Serializes to the JSON of
/// [`TRACE_EXPORT_SCHEMA`].
///
/// ```
/// use armsmatch::trace::{Actor, FirearmId, TraceRequest, TraceStatus, Timestamp};
/// let me = Actor::new("NLD", "Politie")?;
/// let req = TraceRequest::new(&me, "NL-77", FirearmId::default(), Timestamp::now());
/// assert_eq!(req.status, TraceStatus::Draft);
/// assert_eq!(req.history.len(), 1);
/// let json = serde_json::to_string(&req).unwrap();
/// assert_eq!(serde_json::from_str::<TraceRequest>(&json).unwrap(), req);
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TraceRequest {
    /// The store's id (`None` until stored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The requesting country, agency and officer.
    pub requester: Actor,
    /// The requester's case reference.
    pub case_ref: String,
    /// Routine or urgent.
    #[serde(default)]
    pub priority: Priority,
    /// The firearm.
    pub firearm: FirearmId,
    /// Where and when it was recovered.
    #[serde(default)]
    pub recovery: Recovery,
    /// The countries asked.
    #[serde(default)]
    pub addressees: Vec<Addressee>,
    /// The hits that led to the request.
    #[serde(default)]
    pub hits: Vec<LinkedHit>,
    /// Where it is in its life.
    pub status: TraceStatus,
    /// Every status change, oldest first (creation first).
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// The addressees' answers, oldest first.
    #[serde(default)]
    pub responses: Vec<TraceResponse>,
    /// Comments, oldest first.
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// When it was created.
    pub created_at: Timestamp,
}

impl TraceRequest {
    /// A draft from scratch.
    pub fn new(
        requester: &Actor,
        case_ref: &str,
        firearm: FirearmId,
        at: Timestamp,
    ) -> TraceRequest {
        TraceRequest {
            id: None,
            requester: requester.clone(),
            case_ref: case_ref.trim().to_string(),
            priority: Priority::Routine,
            firearm,
            recovery: Recovery::default(),
            addressees: Vec::new(),
            hits: Vec::new(),
            status: TraceStatus::Draft,
            history: vec![StatusChange {
                from: None,
                to: TraceStatus::Draft,
                by: requester.clone(),
                at,
                note: None,
            }],
            responses: Vec::new(),
            comments: Vec::new(),
            created_at: at,
        }
    }

    /// A draft prefilled from a hit and the check that found it (created now).
    ///
    /// The firearm is described as the check read it (what is marked on the seized
    /// firearm), gaps filled from the record; a make or calibre the reference knows is
    /// written by its canonical name. A check serial with wildcards marks the serial as
    /// obliterated. The check's country is the recovery country; the country of
    /// manufacture comes from [`Reference::make_country`]; the addressees are
    /// [`TraceRequest::suggested_addressees`].
    ///
    /// Fails if the check's country is not a country code, and with
    /// [`Error::LimitExceeded`] for a `case_ref`, the requester's agency or a field of
    /// the check over [`limits::MAX_FIELD_BYTES`](crate::limits::MAX_FIELD_BYTES) (the
    /// serial: [`limits::MAX_SERIAL_BYTES`](crate::limits::MAX_SERIAL_BYTES)).
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions, Reference, Kind};
    /// use armsmatch::trace::{Actor, TraceRequest, AddresseeReason};
    /// let mut b = Index::builder();
    /// b.add(Record::new("ITA-9", "C12345Z").make("Beretta").model("92FS").kind(Kind::Pistol).country("ITA"))?;
    /// let index = b.build()?;
    /// let q = Query::new("C123?5Z").make("P. Beretta").country("ESP");
    /// let hit = &index.check(&q, &CheckOptions::default())?[0];
    /// let req = TraceRequest::from_hit(hit, &q, &Actor::new("ESP", "Guardia Civil")?, "GC-1", Reference::embedded())?;
    /// assert_eq!(req.firearm.make.as_deref(), Some("Beretta"));
    /// assert_eq!(req.firearm.model.as_deref(), Some("92FS"));
    /// assert!(req.firearm.serial_obliterated);
    /// // Italy both made and reported it: one addressee, two reasons.
    /// assert_eq!(req.addressees.len(), 1);
    /// assert_eq!(req.addressees[0].reasons, [AddresseeReason::Manufacture, AddresseeReason::Reporting]);
    /// let long = "C".repeat(armsmatch::limits::MAX_FIELD_BYTES + 1);
    /// let actor = Actor::new("ESP", "Guardia Civil")?;
    /// assert!(TraceRequest::from_hit(hit, &q, &actor, &long, Reference::embedded()).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_hit(
        hit: &Hit,
        query: &Query,
        requester: &Actor,
        case_ref: &str,
        reference: &Reference,
    ) -> Result<TraceRequest> {
        let requester = requester.validated()?;
        // Limited as everywhere else (and as `validated` checks a stored request): the
        // case reference, and the check's fields, which a caller may have set by hand.
        check_len("case_ref", case_ref.trim(), crate::limits::MAX_FIELD_BYTES)?;
        query.check_lengths()?;
        let rec = &hit.record;
        let pick = |q: &Option<String>, r: &Option<String>| -> Option<String> {
            present(q.as_deref()).or_else(|| present(r.as_deref()))
        };
        let make = pick(&query.make, &rec.make).map(|m| {
            let r = reference.resolve_make(&m);
            if r.form == NameForm::Unknown {
                m
            } else {
                r.canonical
            }
        });
        let calibre = pick(&query.calibre, &rec.calibre).map(|c| {
            let r = reference.resolve_calibre(&c);
            if r.form == NameForm::Unknown {
                c
            } else {
                r.canonical
            }
        });
        let query_serial =
            present(Some(&query.serial)).filter(|s| !crate::is_placeholder_serial(s));
        let serial = query_serial
            .or_else(|| present(Some(&rec.serial)).filter(|s| !crate::is_placeholder_serial(s)));
        let country_of_manufacture = make
            .as_deref()
            .and_then(|m| reference.make_country(m))
            .map(str::to_string);
        let recovery_country = match present(query.country.as_deref()) {
            Some(c) => Some(country_code(&c)?),
            None => None,
        };
        let firearm = FirearmId {
            make,
            model: pick(&query.model, &rec.model),
            calibre,
            serial,
            kind: rec.kind,
            serial_obliterated: query.is_partial(),
            country_of_manufacture,
            ..FirearmId::default()
        };
        let mut req = TraceRequest::new(&requester, case_ref, firearm, Timestamp::now());
        req.recovery.country = recovery_country;
        req.hits.push(LinkedHit::new(None, hit));
        req.addressees = req.suggested_addressees(reference);
        Ok(req)
    }

    /// The essential fields still missing, in a fixed order; empty when the request
    /// can be sent.
    ///
    /// A serial counts as present when it is not a placeholder (`UNK`, `000000` …);
    /// for an obliterated serial, a restored part or any other marking will do.
    ///
    /// ```
    /// use armsmatch::trace::{Actor, FirearmId, MissingField, TraceRequest, Timestamp};
    /// let me = Actor::new("NLD", "Politie")?;
    /// let f = FirearmId { make: Some("Glock".into()), serial: Some("UNK".into()), ..FirearmId::default() };
    /// let req = TraceRequest::new(&me, "NL-77", f, Timestamp::now());
    /// let missing = req.completeness();
    /// assert!(missing.contains(&MissingField::Serial));
    /// assert!(missing.contains(&MissingField::Model));
    /// assert!(!missing.contains(&MissingField::Make));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn completeness(&self) -> Vec<MissingField> {
        let f = &self.firearm;
        let has = |s: &Option<String>| present(s.as_deref()).is_some();
        let mut missing = Vec::new();
        if self.case_ref.trim().is_empty() {
            missing.push(MissingField::CaseReference);
        }
        if !has(&f.make) {
            missing.push(MissingField::Make);
        }
        if !has(&f.model) {
            missing.push(MissingField::Model);
        }
        if !has(&f.calibre) {
            missing.push(MissingField::Calibre);
        }
        let serial = present(f.serial.as_deref()).filter(|s| !crate::is_placeholder_serial(s));
        let markings = f.other_markings.iter().any(|m| !m.trim().is_empty());
        if serial.is_none() && !(f.serial_obliterated && markings) {
            missing.push(MissingField::Serial);
        }
        if !has(&f.country_of_manufacture) && !has(&f.import_country) {
            missing.push(MissingField::CountryOfManufactureOrImport);
        }
        if self.addressees.is_empty() {
            missing.push(MissingField::Addressees);
        }
        if self.recovery.date.is_none() {
            missing.push(MissingField::RecoveryDate);
        }
        if !has(&self.recovery.country) {
            missing.push(MissingField::RecoveryCountry);
        }
        if let Priority::Urgent { reason } = &self.priority {
            if reason.trim().is_empty() {
                missing.push(MissingField::UrgentReason);
            }
        }
        missing
    }

    /// True if [`TraceRequest::completeness`] finds nothing missing.
    pub fn is_complete(&self) -> bool {
        self.completeness().is_empty()
    }

    /// The countries to ask: the country of manufacture (as given, else from
    /// [`Reference::make_country`]), the import country, and each linked record's
    /// reporting country — merged by country (one addressee, several reasons), in that
    /// order, without the requesting country itself. Addressees already on the
    /// request keep their agency.
    ///
    /// ```
    /// use armsmatch::Reference;
    /// use armsmatch::trace::{Actor, FirearmId, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let f = FirearmId { make: Some("CZ".into()), import_country: Some("NOR".into()), ..FirearmId::default() };
    /// let req = TraceRequest::new(&me, "S-1", f, Timestamp::now());
    /// let to: Vec<String> = req.suggested_addressees(Reference::embedded()).into_iter().map(|a| a.country).collect();
    /// assert_eq!(to, ["CZE", "NOR"]);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn suggested_addressees(&self, reference: &Reference) -> Vec<Addressee> {
        let f = &self.firearm;
        let manufacture = present(f.country_of_manufacture.as_deref()).or_else(|| {
            present(f.make.as_deref())
                .and_then(|m| reference.make_country(&m))
                .map(str::to_string)
        });
        let mut candidates: Vec<(String, AddresseeReason)> = Vec::new();
        candidates.extend(manufacture.map(|c| (c, AddresseeReason::Manufacture)));
        candidates
            .extend(present(f.import_country.as_deref()).map(|c| (c, AddresseeReason::Import)));
        for h in &self.hits {
            candidates.extend(
                present(h.record.country.as_deref()).map(|c| (c, AddresseeReason::Reporting)),
            );
        }
        let mut out: Vec<Addressee> = Vec::new();
        for (country, reason) in candidates {
            let Ok(country) = country_code(&country) else {
                continue;
            };
            if country == self.requester.country {
                continue;
            }
            match out.iter_mut().find(|a| a.country == country) {
                Some(a) if !a.reasons.contains(&reason) => a.reasons.push(reason),
                Some(_) => {}
                None => {
                    let agency = self
                        .addressees
                        .iter()
                        .find(|a| a.country == country)
                        .and_then(|a| a.agency.clone());
                    out.push(Addressee {
                        country,
                        agency,
                        reasons: vec![reason],
                    });
                }
            }
        }
        out
    }

    /// Adds an addressee, or a reason to an existing one. Fails on a bad country code,
    /// the requesting country itself, or over [`MAX_ADDRESSEES`].
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.add_addressee("pol", AddresseeReason::SupplyChain)?;
    /// req.add_addressee("POL", AddresseeReason::Import)?;
    /// assert_eq!(req.addressees.len(), 1);
    /// assert!(req.add_addressee("SWE", AddresseeReason::Other).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn add_addressee(&mut self, country: &str, reason: AddresseeReason) -> Result<()> {
        let country = country_code(country)?;
        if country == self.requester.country {
            return Err(invalid(
                "addressee",
                format!("{country} is the requesting country; a request asks other countries"),
            ));
        }
        match self.addressees.iter_mut().find(|a| a.country == country) {
            Some(a) => {
                if !a.reasons.contains(&reason) {
                    a.reasons.push(reason);
                }
            }
            None => {
                if self.addressees.len() >= MAX_ADDRESSEES {
                    return Err(Error::LimitExceeded {
                        what: "addressees of a trace request".into(),
                        limit: MAX_ADDRESSEES,
                        got: self.addressees.len() + 1,
                    });
                }
                self.addressees.push(Addressee {
                    country,
                    agency: None,
                    reasons: vec![reason],
                });
            }
        }
        Ok(())
    }

    /// The role of a country on this request (`None`: no business with it). A country
    /// that is both requester and addressee acts as the requester.
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, Role, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.add_addressee("POL", AddresseeReason::Other)?;
    /// assert_eq!(req.role_of("POL"), Some(Role::Addressee));
    /// assert_eq!(req.role_of("USA"), None);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn role_of(&self, country: &str) -> Option<Role> {
        let c = country.trim();
        if c.eq_ignore_ascii_case(&self.requester.country) {
            Some(Role::Requester)
        } else if self
            .addressees
            .iter()
            .any(|a| a.country.eq_ignore_ascii_case(c))
        {
            Some(Role::Addressee)
        } else {
            None
        }
    }

    /// True if `country` may see the request: the requester always, an addressee once
    /// it is sent.
    pub fn is_visible_to(&self, country: &str) -> bool {
        match self.role_of(country) {
            Some(Role::Requester) => true,
            Some(Role::Addressee) => self.status != TraceStatus::Draft,
            None => false,
        }
    }

    /// Moves the request to `to`, recording who and when. Fails — leaving the request
    /// unchanged — if the lifecycle does not allow it ([`TraceStatus::can_move_to`]) or
    /// the actor's role may not make it ([`TraceStatus::moved_by`]). Does not check
    /// completeness (see [`TraceRequest::send`]).
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceRequest, TraceStatus, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let them = Actor::new("POL", "Policja")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.add_addressee("POL", AddresseeReason::Other)?;
    /// assert!(req.transition(TraceStatus::Sent, &them, Timestamp::now()).is_err()); // not theirs to send
    /// req.transition(TraceStatus::Sent, &me, Timestamp::now())?;
    /// req.transition(TraceStatus::Acknowledged, &them, Timestamp::now())?;
    /// assert!(req.transition(TraceStatus::Sent, &me, Timestamp::now()).is_err()); // backwards
    /// assert_eq!(req.history.len(), 3);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn transition(&mut self, to: TraceStatus, actor: &Actor, at: Timestamp) -> Result<()> {
        self.transition_with_note(to, actor, at, None)
    }

    fn transition_with_note(
        &mut self,
        to: TraceStatus,
        actor: &Actor,
        at: Timestamp,
        note: Option<&str>,
    ) -> Result<()> {
        let actor = actor.validated()?;
        if !self.status.can_move_to(to) {
            return Err(invalid(
                "status",
                format!("a {} request cannot become {to}", self.status),
            ));
        }
        let role = self.role_of(&actor.country);
        if role.is_none() || role != to.moved_by() {
            let who = match to.moved_by() {
                Some(Role::Requester) => "the requesting country",
                _ => "an addressee",
            };
            return Err(invalid(
                "actor",
                format!(
                    "only {who} may make a request {to}; {} may not",
                    actor.country
                ),
            ));
        }
        if let Some(n) = note {
            check_len("note", n, MAX_TEXT_BYTES)?;
        }
        self.check_entries(self.history.len())?;
        self.history.push(StatusChange {
            from: Some(self.status),
            to,
            by: actor,
            at,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string),
        });
        self.status = to;
        Ok(())
    }

    /// Sends a draft to its addressees. Refuses an incomplete request (naming what is
    /// missing) unless `force`; a request without addressees is never sent.
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.add_addressee("POL", AddresseeReason::Other)?;
    /// let err = req.send(&me, Timestamp::now(), false).unwrap_err().to_string();
    /// assert!(err.contains("make"), "{err}");
    /// req.send(&me, Timestamp::now(), true)?;
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn send(&mut self, actor: &Actor, at: Timestamp, force: bool) -> Result<()> {
        let missing = self.completeness();
        if missing.contains(&MissingField::Addressees) || (!force && !missing.is_empty()) {
            let list: Vec<&str> = missing.iter().map(|m| m.as_str()).collect();
            return Err(invalid(
                "trace request",
                format!(
                    "incomplete, missing: {}{}",
                    list.join(", "),
                    if missing.contains(&MissingField::Addressees) {
                        ""
                    } else {
                        " (complete it, or send it anyway with force)"
                    }
                ),
            ));
        }
        self.transition(TraceStatus::Sent, actor, at)
    }

    /// Records an addressee's answer; the first moves the request to `responded`
    /// (later answers from other addressees are added to it).
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceRequest, TraceStatus, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let them = Actor::new("POL", "Policja")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.add_addressee("POL", AddresseeReason::Other)?;
    /// req.send(&me, Timestamp::now(), true)?;
    /// req.respond(&them, "Sold 2019 to a dealer in Gdańsk.", Timestamp::now())?;
    /// assert_eq!(req.status, TraceStatus::Responded);
    /// assert!(req.respond(&me, "self-answer", Timestamp::now()).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn respond(&mut self, actor: &Actor, text: &str, at: Timestamp) -> Result<()> {
        let actor = actor.validated()?;
        let text = check_text("response", text)?;
        if self.role_of(&actor.country) != Some(Role::Addressee) {
            return Err(invalid(
                "actor",
                format!(
                    "only an addressee may respond; {} is not one",
                    actor.country
                ),
            ));
        }
        match self.status {
            TraceStatus::Responded => {}
            TraceStatus::Sent | TraceStatus::Acknowledged | TraceStatus::InProgress => {
                self.transition(TraceStatus::Responded, &actor, at)?;
            }
            s => {
                return Err(invalid(
                    "status",
                    format!("a {s} request cannot be responded to"),
                ))
            }
        }
        self.check_entries(self.responses.len())?;
        self.responses.push(TraceResponse {
            by: actor,
            at,
            text: text.to_string(),
        });
        Ok(())
    }

    /// Closes the request (requester only), with an optional note.
    ///
    /// ```
    /// use armsmatch::trace::{Actor, FirearmId, TraceRequest, TraceStatus, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.close(&me, Some("opened by mistake"), Timestamp::now())?;
    /// assert_eq!(req.status, TraceStatus::Closed);
    /// assert!(req.close(&me, None, Timestamp::now()).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn close(&mut self, actor: &Actor, note: Option<&str>, at: Timestamp) -> Result<()> {
        self.transition_with_note(TraceStatus::Closed, actor, at, note)
    }

    /// Adds a comment by the requester or an addressee (an addressee only once the
    /// request is sent).
    ///
    /// ```
    /// use armsmatch::trace::{Actor, FirearmId, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.comment(&me, "photos to follow", Timestamp::now())?;
    /// assert!(req.comment(&Actor::new("USA", "ATF")?, "hello", Timestamp::now()).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn comment(&mut self, actor: &Actor, text: &str, at: Timestamp) -> Result<()> {
        let actor = actor.validated()?;
        let text = check_text("comment", text)?;
        if !self.is_visible_to(&actor.country) {
            return Err(invalid(
                "actor",
                format!("{} has no part in this request", actor.country),
            ));
        }
        self.check_entries(self.comments.len())?;
        self.comments.push(Comment {
            by: actor,
            at,
            text: text.to_string(),
        });
        Ok(())
    }

    /// When the request was (first) sent.
    pub fn sent_at(&self) -> Option<Timestamp> {
        self.history
            .iter()
            .find(|c| c.to == TraceStatus::Sent)
            .map(|c| c.at)
    }

    /// When `country` first responded.
    pub fn first_response_at(&self, country: &str) -> Option<Timestamp> {
        self.responses
            .iter()
            .filter(|r| r.by.country.eq_ignore_ascii_case(country))
            .map(|r| r.at)
            .min()
    }

    /// When the request was last changed (the latest history entry, response or
    /// comment).
    pub fn updated_at(&self) -> Timestamp {
        let h = self.history.iter().map(|c| c.at);
        let r = self.responses.iter().map(|c| c.at);
        let c = self.comments.iter().map(|c| c.at);
        h.chain(r)
            .chain(c)
            .max()
            .unwrap_or(self.created_at)
            .max(self.created_at)
    }

    /// Checks everything a caller may have put in the fields: country codes, text
    /// lengths and counts within the limits, a history that starts with the creation.
    /// Returns the request with country codes uppercased and texts trimmed.
    ///
    /// ```
    /// use armsmatch::trace::{Actor, FirearmId, TraceRequest, Timestamp};
    /// let me = Actor::new("SWE", "Polisen")?;
    /// let mut req = TraceRequest::new(&me, "S-1", FirearmId::default(), Timestamp::now());
    /// req.recovery.country = Some("swe".into());
    /// assert_eq!(req.validated()?.recovery.country.as_deref(), Some("SWE"));
    /// req.firearm.import_country = Some("Norway".into());
    /// assert!(req.validated().is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn validated(&self) -> Result<TraceRequest> {
        let mut r = self.clone();
        r.requester = r.requester.validated()?;
        r.case_ref = r.case_ref.trim().to_string();
        check_len("case_ref", &r.case_ref, crate::limits::MAX_FIELD_BYTES)?;
        if let Priority::Urgent { reason } = &r.priority {
            check_len("urgent reason", reason, MAX_TEXT_BYTES)?;
        }
        let f = &mut r.firearm;
        for (name, v) in [
            ("make", &mut f.make),
            ("model", &mut f.model),
            ("calibre", &mut f.calibre),
            ("importer", &mut f.importer),
        ] {
            *v = present(v.as_deref());
            if let Some(s) = v {
                check_len(name, s, crate::limits::MAX_FIELD_BYTES)?;
            }
        }
        f.serial = present(f.serial.as_deref());
        if let Some(s) = &f.serial {
            check_len("serial", s, crate::limits::MAX_SERIAL_BYTES)?;
        }
        f.country_of_manufacture = opt_country(&f.country_of_manufacture)?;
        f.import_country = opt_country(&f.import_country)?;
        f.other_markings.retain(|m| !m.trim().is_empty());
        if f.other_markings.len() > MAX_MARKINGS {
            return Err(limit(
                "other markings",
                MAX_MARKINGS,
                f.other_markings.len(),
            ));
        }
        for m in &mut f.other_markings {
            *m = m.trim().to_string();
            check_len("other marking", m, crate::limits::MAX_FIELD_BYTES)?;
        }
        r.recovery.country = opt_country(&r.recovery.country)?;
        r.recovery.place = present(r.recovery.place.as_deref());
        if let Some(p) = &r.recovery.place {
            check_len("recovery place", p, crate::limits::MAX_FIELD_BYTES)?;
        }
        if r.addressees.len() > MAX_ADDRESSEES {
            return Err(limit("addressees", MAX_ADDRESSEES, r.addressees.len()));
        }
        let mut seen = std::collections::HashSet::new();
        for a in &mut r.addressees {
            a.country = country_code(&a.country)?;
            if a.country == r.requester.country {
                return Err(invalid(
                    "addressee",
                    format!("{} is the requesting country", a.country),
                ));
            }
            if !seen.insert(a.country.clone()) {
                return Err(invalid(
                    "addressee",
                    format!("{} is listed twice", a.country),
                ));
            }
            a.agency = present(a.agency.as_deref());
            if let Some(ag) = &a.agency {
                check_len("addressee agency", ag, crate::limits::MAX_FIELD_BYTES)?;
            }
        }
        if r.hits.len() > MAX_LINKED_HITS {
            return Err(limit("linked hits", MAX_LINKED_HITS, r.hits.len()));
        }
        for (what, n) in [
            ("history entries", r.history.len()),
            ("responses", r.responses.len()),
            ("comments", r.comments.len()),
        ] {
            if n > MAX_ENTRIES {
                return Err(limit(what, MAX_ENTRIES, n));
            }
        }
        match r.history.first() {
            Some(c) if c.from.is_none() && c.to == TraceStatus::Draft => {}
            _ => {
                return Err(invalid(
                    "history",
                    "the history must start with the creation of the draft",
                ))
            }
        }
        if r.history.last().map(|c| c.to) != Some(r.status) {
            return Err(invalid(
                "status",
                format!("the status {} does not match the history", r.status),
            ));
        }
        for t in r
            .responses
            .iter()
            .map(|x| &x.text)
            .chain(r.comments.iter().map(|x| &x.text))
        {
            check_len("text", t, MAX_TEXT_BYTES)?;
        }
        Ok(r)
    }

    fn check_entries(&self, n: usize) -> Result<()> {
        if n >= MAX_ENTRIES {
            Err(limit("entries of a trace request", MAX_ENTRIES, n + 1))
        } else {
            Ok(())
        }
    }
}

fn present(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn opt_country(c: &Option<String>) -> Result<Option<String>> {
    match present(c.as_deref()) {
        Some(c) => Ok(Some(country_code(&c)?)),
        None => Ok(None),
    }
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field: field.to_string(),
        message: message.into(),
    }
}

fn limit(what: &str, limit: usize, got: usize) -> Error {
    Error::LimitExceeded {
        what: what.to_string(),
        limit,
        got,
    }
}

fn check_len(field: &str, s: &str, max: usize) -> Result<()> {
    if s.len() > max {
        Err(Error::LimitExceeded {
            what: format!("{field} length in bytes"),
            limit: max,
            got: s.len(),
        })
    } else {
        Ok(())
    }
}

fn check_text<'a>(field: &str, text: &'a str) -> Result<&'a str> {
    let t = text.trim();
    if t.is_empty() {
        return Err(invalid(field, "the text is empty"));
    }
    check_len(field, t, MAX_TEXT_BYTES)?;
    Ok(t)
}
