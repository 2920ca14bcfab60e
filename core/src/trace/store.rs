//! [`TraceStore`]: trace requests in one SQLite file (bundled SQLite: no server, no
//! system library), scoped by country.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{Actor, Role, Timestamp, TraceExport, TraceRequest, TraceStatus};
use crate::error::{Error, Result};

/// The schema version this library writes; [`TraceStore::open`] upgrades older files.
pub const SCHEMA_VERSION: u32 = 2;

/// How long one statement waits for another connection's lock before SQLite reports
/// "busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many times a whole transaction is retried after "busy" (on top of the busy
/// timeout), with a growing pause of 20 ms × attempt.
const MAX_RETRIES: u32 = 20;

/// One step of the schema: applied in order, each in the same transaction as the
/// record of it in `schema_migrations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migration {
    /// The version the step brings the schema to.
    pub version: u32,
    /// What it does.
    pub description: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

/// The schema's history. The request itself is kept whole as JSON (`body`, the
/// [`TraceRequest`] of the export schema); the columns beside it exist for scope and
/// filters.
///
/// ```
/// use armsmatch::trace::{MIGRATIONS, SCHEMA_VERSION};
/// assert_eq!(MIGRATIONS.last().unwrap().version, SCHEMA_VERSION);
/// ```
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "trace requests and their addressees",
        sql: "
CREATE TABLE trace_requests (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    requesting_country TEXT NOT NULL,
    requesting_agency  TEXT NOT NULL,
    case_ref           TEXT NOT NULL,
    status             TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    body               TEXT NOT NULL
);
CREATE INDEX trace_requests_requesting ON trace_requests (requesting_country);
CREATE TABLE trace_addressees (
    request_id INTEGER NOT NULL REFERENCES trace_requests (id) ON DELETE CASCADE,
    country    TEXT NOT NULL,
    PRIMARY KEY (request_id, country)
);
CREATE INDEX trace_addressees_country ON trace_addressees (country);
",
    },
    Migration {
        version: 2,
        description: "priority column, status index, audit log of every change",
        sql: "
ALTER TABLE trace_requests ADD COLUMN priority TEXT NOT NULL DEFAULT 'routine';
UPDATE trace_requests
   SET priority = coalesce(json_extract(body, '$.priority.level'), 'routine');
CREATE INDEX trace_requests_status ON trace_requests (status);
CREATE TABLE trace_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL REFERENCES trace_requests (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    country    TEXT NOT NULL,
    agency     TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT
);
CREATE INDEX trace_events_request ON trace_events (request_id);
INSERT INTO trace_events (request_id, at, country, agency, action, detail)
SELECT r.id,
       json_extract(h.value, '$.at'),
       json_extract(h.value, '$.by.country'),
       json_extract(h.value, '$.by.agency'),
       CASE WHEN json_extract(h.value, '$.from') IS NULL THEN 'create'
            ELSE 'status ' || json_extract(h.value, '$.to') END,
       json_extract(h.value, '$.note')
  FROM trace_requests r, json_each(r.body, '$.history') h
 ORDER BY r.id, h.key;
",
    },
];

/// Which requests a listing shows, seen from the acting country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Requests addressed to the acting country.
    Incoming,
    /// Requests the acting country made.
    Outgoing,
}

/// A filter for [`TraceStore::list`]; the default shows everything the actor may see.
///
/// ```
/// use armsmatch::trace::{Direction, TraceFilter, TraceStatus};
/// let f = TraceFilter { direction: Some(Direction::Incoming), status: Some(TraceStatus::Sent) };
/// assert_ne!(f, TraceFilter::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct TraceFilter {
    /// Incoming, outgoing, or both (`None`).
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Only this status.
    #[serde(default)]
    pub status: Option<TraceStatus>,
}

/// Trace requests in a SQLite file.
///
/// * One file, created on first [`TraceStore::open`], with a versioned schema
///   ([`MIGRATIONS`]) upgraded on open; a file of a newer version, or a SQLite file that
///   is not a trace store, is refused.
/// * WAL journal: readers do not block the writer. Every change is one `BEGIN
///   IMMEDIATE` transaction that reads, checks and writes the request, so two processes
///   writing at once serialize and lose nothing; a lock held elsewhere is waited for
///   (10 s busy timeout) and the transaction retried.
/// * Scope: every call names the acting country and agency ([`Actor`]). A request is
///   visible to its requesting country, and to its addressees once sent; anything else
///   is "not found", whether it exists or not. Changes follow the roles of
///   [`TraceRequest`] (the requester edits, sends and closes; addressees acknowledge,
///   work on and respond). Every change is logged with who and when.
///
/// ```
/// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceFilter, TraceRequest, TraceStatus, TraceStore, Timestamp};
/// # let dir = tempfile::tempdir()?;
/// let mut store = TraceStore::open(dir.path().join("traces.db"))?;
/// let fra = Actor::new("FRA", "Police nationale")?;
/// let aut = Actor::new("AUT", "Bundeskriminalamt")?;
/// let mut draft = TraceRequest::new(&fra, "PN-1", FirearmId::default(), Timestamp::now());
/// draft.add_addressee("AUT", AddresseeReason::Manufacture)?;
/// let id = store.create(&fra, &draft)?.id.unwrap();
/// assert!(store.get(&aut, id).is_err()); // a draft is private
/// store.send(&fra, id, true)?;
/// store.respond(&aut, id, "Sold 2012 to Waffen Müller, Linz.")?;
/// let seen = store.list(&aut, &TraceFilter::default())?;
/// assert_eq!(seen[0].status, TraceStatus::Responded);
/// assert!(store.get(&Actor::new("USA", "ATF")?, id).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TraceStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for TraceStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TraceStore")
            .field("path", &self.path)
            .finish()
    }
}

/// Why a transaction attempt failed: SQLite (retried if busy) or a checked error.
enum Failure {
    Sql(rusqlite::Error),
    Fail(Error),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Failure {
        Failure::Sql(e)
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Fail(e)
    }
}

type Attempt<T> = std::result::Result<T, Failure>;

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// A SQLite error as an [`Error::Io`] naming the file.
fn sql_error(path: &Path, e: rusqlite::Error) -> Error {
    use std::io::ErrorKind;
    let (kind, message) = match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => (
            ErrorKind::WouldBlock,
            format!("the trace store stayed locked by another writer: {e}"),
        ),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => (
            ErrorKind::InvalidData,
            format!("not a trace store, or damaged: {e}"),
        ),
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
            (ErrorKind::PermissionDenied, format!("SQLite: {e}"))
        }
        _ => (ErrorKind::Other, format!("SQLite: {e}")),
    };
    Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(kind, message),
    }
}

fn not_visible(actor: &Actor, id: u64) -> Error {
    Error::InvalidInput {
        field: "trace request".into(),
        message: format!("no trace request {id} that {} may see", actor.country),
    }
}

fn to_json(req: &TraceRequest) -> Attempt<String> {
    serde_json::to_string(req).map_err(|e| {
        Failure::Fail(Error::InvalidInput {
            field: "trace request".into(),
            message: format!("cannot be written as JSON: {e}"),
        })
    })
}

impl TraceStore {
    /// Opens (creating if needed) a trace store, in WAL mode, upgrading an older
    /// schema.
    ///
    /// Fails with [`Error::Io`] if the file cannot be opened, is not SQLite, is a
    /// SQLite file of something else, or has a schema newer than [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<TraceStore> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|e| sql_error(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| sql_error(&path, e))?;
        let mut store = TraceStore { conn, path };
        store.with_retry(|c| {
            let _mode: String =
                c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            c.pragma_update(None, "foreign_keys", true)?;
            Ok(())
        })?;
        store.migrate()?;
        Ok(store)
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file (after [`TraceStore::open`]: [`SCHEMA_VERSION`]).
    pub fn schema_version(&mut self) -> Result<u32> {
        self.with_retry(|c| {
            Ok(c.query_row(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )?)
        })
    }

    fn with_retry<T>(&mut self, mut f: impl FnMut(&mut Connection) -> Attempt<T>) -> Result<T> {
        let mut attempt = 0;
        loop {
            match f(&mut self.conn) {
                Ok(v) => return Ok(v),
                Err(Failure::Sql(e)) if is_busy(&e) && attempt < MAX_RETRIES => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(20 * u64::from(attempt)));
                }
                Err(Failure::Sql(e)) => return Err(sql_error(&self.path, e)),
                Err(Failure::Fail(e)) => return Err(e),
            }
        }
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.display().to_string();
        self.with_retry(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let count = |sql: &str| -> rusqlite::Result<i64> { tx.query_row(sql, [], |r| r.get(0)) };
            if count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")? == 0 {
                if count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")? > 0 {
                    return Err(Failure::Fail(Error::CorruptIndex {
                        path: path.clone(),
                        message: "a SQLite database of something else, not an armsmatch trace store".into(),
                    }));
                }
                tx.execute_batch(
                    "CREATE TABLE schema_migrations (
                         version     INTEGER PRIMARY KEY,
                         description TEXT NOT NULL,
                         applied_at  TEXT NOT NULL
                     );",
                )?;
            }
            let current: u32 = tx.query_row(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )?;
            if current > SCHEMA_VERSION {
                return Err(Failure::Fail(Error::CorruptIndex {
                    path: path.clone(),
                    message: format!(
                        "trace store schema version {current} is newer than this armsmatch reads ({SCHEMA_VERSION}); upgrade armsmatch"
                    ),
                }));
            }
            let now = Timestamp::now().to_string();
            for m in MIGRATIONS.iter().filter(|m| m.version > current) {
                tx.execute_batch(m.sql)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?1, ?2, ?3)",
                    params![m.version, m.description, now],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    /// Stores a new draft, made by `actor` (its country must be the request's
    /// requesting country). The store sets the id, the creation time and the history;
    /// the request must be a draft without responses or comments. Returns the stored
    /// request.
    pub fn create(&mut self, actor: &Actor, request: &TraceRequest) -> Result<TraceRequest> {
        let actor = actor.validated()?;
        if request.status != TraceStatus::Draft
            || !request.responses.is_empty()
            || !request.comments.is_empty()
        {
            return Err(Error::InvalidInput {
                field: "trace request".into(),
                message: "a new request must be a draft without responses or comments".into(),
            });
        }
        if !request
            .requester
            .country
            .eq_ignore_ascii_case(&actor.country)
        {
            return Err(Error::InvalidInput {
                field: "requester".into(),
                message: format!(
                    "{} cannot create a request in the name of {}",
                    actor.country, request.requester.country
                ),
            });
        }
        let now = Timestamp::now();
        let mut fresh = TraceRequest::new(&actor, &request.case_ref, request.firearm.clone(), now);
        fresh.priority = request.priority.clone();
        fresh.recovery = request.recovery.clone();
        fresh.addressees = request.addressees.clone();
        fresh.hits = request.hits.clone();
        let fresh = fresh.validated()?;
        self.with_retry(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO trace_requests
                   (requesting_country, requesting_agency, case_ref, status, priority, created_at, updated_at, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, '{}')",
                params![
                    actor.country,
                    actor.agency,
                    fresh.case_ref,
                    fresh.status.as_str(),
                    fresh.priority.level(),
                    now.to_string()
                ],
            )?;
            let mut req = fresh.clone();
            req.id = Some(tx.last_insert_rowid() as u64);
            save(&tx, &req)?;
            log(&tx, &req, &actor, now, "create", None)?;
            tx.commit()?;
            Ok(req)
        })
    }

    /// The request `id`, if `actor`'s country may see it.
    pub fn get(&mut self, actor: &Actor, id: u64) -> Result<TraceRequest> {
        let actor = actor.validated()?;
        let path = self.path.display().to_string();
        self.with_retry(|c| load(c, &path, &actor, id))
    }

    /// The requests `actor`'s country may see, by id, filtered.
    pub fn list(&mut self, actor: &Actor, filter: &TraceFilter) -> Result<Vec<TraceRequest>> {
        let actor = actor.validated()?;
        let path = self.path.display().to_string();
        let direction = match filter.direction {
            None => "both",
            Some(Direction::Incoming) => "incoming",
            Some(Direction::Outgoing) => "outgoing",
        };
        let status = filter.status.map(|s| s.as_str());
        self.with_retry(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT r.id, r.body FROM trace_requests r
                  WHERE ((?2 != 'incoming' AND r.requesting_country = ?1)
                      OR (?2 != 'outgoing' AND r.status != 'draft' AND r.requesting_country != ?1
                          AND EXISTS (SELECT 1 FROM trace_addressees a
                                       WHERE a.request_id = r.id AND a.country = ?1)))
                    AND (?3 IS NULL OR r.status = ?3)
                  ORDER BY r.id",
            )?;
            let rows = stmt.query_map(params![actor.country, direction, status], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, body) = row?;
                let req = parse_body(&path, id as u64, &body)?;
                // The SQL is the scope; the request's own rule is checked again.
                if req.is_visible_to(&actor.country) {
                    out.push(req);
                }
            }
            Ok(out)
        })
    }

    /// [`TraceStore::list`] as an export (see [`TraceExport`]).
    pub fn export(&mut self, actor: &Actor, filter: &TraceFilter) -> Result<TraceExport> {
        let requests = self.list(actor, filter)?;
        Ok(TraceExport::new(&actor.validated()?, requests))
    }

    /// Replaces the editable fields of a draft (case reference, priority, firearm,
    /// recovery, addressees, linked hits) with those of `request` (whose `id` names
    /// it). Requester only, drafts only.
    pub fn update_draft(&mut self, actor: &Actor, request: &TraceRequest) -> Result<TraceRequest> {
        let id = request.id.ok_or_else(|| Error::InvalidInput {
            field: "id".into(),
            message: "the request to update has no id".into(),
        })?;
        self.modify(actor, id, "edit", |req, actor, _at| {
            if req.role_of(&actor.country) != Some(Role::Requester) {
                return Err(Error::InvalidInput {
                    field: "actor".into(),
                    message: format!(
                        "only the requesting country may edit; {} may not",
                        actor.country
                    ),
                });
            }
            if req.status != TraceStatus::Draft {
                return Err(Error::InvalidInput {
                    field: "status".into(),
                    message: format!("a {} request cannot be edited, only a draft", req.status),
                });
            }
            req.case_ref = request.case_ref.clone();
            req.priority = request.priority.clone();
            req.firearm = request.firearm.clone();
            req.recovery = request.recovery.clone();
            req.addressees = request.addressees.clone();
            req.hits = request.hits.clone();
            Ok(None)
        })
    }

    /// Sends a draft ([`TraceRequest::send`]: refused when incomplete unless `force`).
    pub fn send(&mut self, actor: &Actor, id: u64, force: bool) -> Result<TraceRequest> {
        self.modify(actor, id, "status sent", |req, actor, at| {
            req.send(actor, at, force).map(|_| None)
        })
    }

    /// An addressee acknowledges receipt.
    pub fn acknowledge(&mut self, actor: &Actor, id: u64) -> Result<TraceRequest> {
        self.modify(actor, id, "status acknowledged", |req, actor, at| {
            req.transition(TraceStatus::Acknowledged, actor, at)
                .map(|_| None)
        })
    }

    /// An addressee starts work on it.
    pub fn start(&mut self, actor: &Actor, id: u64) -> Result<TraceRequest> {
        self.modify(actor, id, "status in_progress", |req, actor, at| {
            req.transition(TraceStatus::InProgress, actor, at)
                .map(|_| None)
        })
    }

    /// An addressee answers ([`TraceRequest::respond`]).
    pub fn respond(&mut self, actor: &Actor, id: u64, text: &str) -> Result<TraceRequest> {
        self.modify(actor, id, "respond", |req, actor, at| {
            req.respond(actor, text, at)
                .map(|_| Some(text.trim().to_string()))
        })
    }

    /// The requester closes it, with an optional note.
    pub fn close(&mut self, actor: &Actor, id: u64, note: Option<&str>) -> Result<TraceRequest> {
        self.modify(actor, id, "status closed", |req, actor, at| {
            req.close(actor, note, at).map(|_| note.map(str::to_string))
        })
    }

    /// The requester or an addressee comments.
    pub fn comment(&mut self, actor: &Actor, id: u64, text: &str) -> Result<TraceRequest> {
        self.modify(actor, id, "comment", |req, actor, at| {
            req.comment(actor, text, at)
                .map(|_| Some(text.trim().to_string()))
        })
    }

    /// Read, check, change and write one request in one immediate transaction. `change`
    /// returns the detail for the audit log.
    fn modify(
        &mut self,
        actor: &Actor,
        id: u64,
        action: &str,
        change: impl Fn(&mut TraceRequest, &Actor, Timestamp) -> Result<Option<String>>,
    ) -> Result<TraceRequest> {
        let actor = actor.validated()?;
        let path = self.path.display().to_string();
        let at = Timestamp::now();
        self.with_retry(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut req = load(&tx, &path, &actor, id)?;
            let detail = change(&mut req, &actor, at)?;
            let req = req.validated()?;
            save(&tx, &req)?;
            log(&tx, &req, &actor, at, action, detail.as_deref())?;
            tx.commit()?;
            Ok(req)
        })
    }
}

fn parse_body(path: &str, id: u64, body: &str) -> Attempt<TraceRequest> {
    let mut req: TraceRequest = serde_json::from_str(body).map_err(|e| {
        Failure::Fail(Error::CorruptIndex {
            path: path.to_string(),
            message: format!("trace request {id} is damaged: {e}"),
        })
    })?;
    req.id = Some(id);
    Ok(req)
}

fn load(c: &Connection, path: &str, actor: &Actor, id: u64) -> Attempt<TraceRequest> {
    let Ok(row_id) = i64::try_from(id) else {
        return Err(Failure::Fail(not_visible(actor, id)));
    };
    let body: Option<String> = c
        .query_row(
            "SELECT body FROM trace_requests WHERE id = ?1",
            [row_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(body) = body else {
        return Err(Failure::Fail(not_visible(actor, id)));
    };
    let req = parse_body(path, id, &body)?;
    if !req.is_visible_to(&actor.country) {
        return Err(Failure::Fail(not_visible(actor, id)));
    }
    Ok(req)
}

fn save(c: &Connection, req: &TraceRequest) -> Attempt<()> {
    let id = req.id.unwrap_or(0) as i64;
    c.execute(
        "UPDATE trace_requests
            SET case_ref = ?2, status = ?3, priority = ?4, updated_at = ?5, body = ?6
          WHERE id = ?1",
        params![
            id,
            req.case_ref,
            req.status.as_str(),
            req.priority.level(),
            req.updated_at().to_string(),
            to_json(req)?
        ],
    )?;
    c.execute("DELETE FROM trace_addressees WHERE request_id = ?1", [id])?;
    let mut stmt =
        c.prepare_cached("INSERT INTO trace_addressees (request_id, country) VALUES (?1, ?2)")?;
    for a in &req.addressees {
        stmt.execute(params![id, a.country])?;
    }
    Ok(())
}

fn log(
    c: &Connection,
    req: &TraceRequest,
    actor: &Actor,
    at: Timestamp,
    action: &str,
    detail: Option<&str>,
) -> Attempt<()> {
    c.execute(
        "INSERT INTO trace_events (request_id, at, country, agency, action, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            req.id.unwrap_or(0) as i64,
            at.to_string(),
            actor.country,
            actor.agency,
            action,
            detail
        ],
    )?;
    Ok(())
}
