//! `armsmatch stats`, `armsmatch report` and `armsmatch trace …`: the register's
//! statistics, its HTML report, and trace requests; plus the summary of `check
//! --notify DIR`.
//!
//! Each command is a clap `Args` struct and a `run_*` function writing its output to
//! `out` (standard output in the binary, a buffer in the tests). Wiring in `main.rs`:
//!
//! ```text
//! mod register_cmds;
//! enum Command { …, Stats(register_cmds::StatsArgs), Report(register_cmds::ReportArgs),
//!                #[command(subcommand)] Trace(register_cmds::TraceCommand) }
//! Command::Stats(a)  => register_cmds::run_stats(&a, &mut stdout)?,
//! Command::Report(a) => register_cmds::run_report(&a, &mut stdout)?,
//! Command::Trace(c)  => register_cmds::run_trace(&c, &mut stdout)?,
//! // in `check`, with `--notify DIR`:
//! register_cmds::run_notify(&dir, hits.iter().map(|(id, q, h)| (id.as_str(), q, h)), &mut stdout)?;
//! ```
//!
//! The trace commands need the `store` feature of the `armsmatch` crate.

use std::io::Write;
use std::path::{Path, PathBuf};

use armsmatch::stats::{
    hit_stats_from_files, render_html, RegisterStats, ReportOptions, Stats, TraceStats,
};
use armsmatch::trace::{
    export_csv, Actor, AddresseeReason, Direction, FirearmId, Priority, Timestamp, TraceFilter,
    TraceRequest, TraceStatus, TraceStore,
};
use armsmatch::{country_code, CheckOptions, Date, Error, Hit, Index, Kind, Query, Reference};
use clap::{Args, Subcommand, ValueEnum};

/// Output of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Tables for a terminal.
    Text,
    /// One long CSV: table,label,count,median_days,detail.
    Csv,
    /// The statistics as JSON.
    Json,
}

/// What `stats` and `report` count.
#[derive(Debug, Clone, Args)]
pub struct StatsInput {
    /// The index (as written by `armsmatch build`).
    #[arg(long, value_name = "INDEX")]
    pub index: PathBuf,
    /// A hits file of `armsmatch check` (CSV or JSON Lines): hits by make and country,
    /// and routes.
    #[arg(long, value_name = "FILE")]
    pub hits: Option<PathBuf>,
    /// The queries file the hits came from, for each check's country and date
    /// (columns `country`, `checked_on`). A hits file may carry `check_country` and
    /// `checked_on` itself instead.
    #[arg(long, value_name = "FILE", requires = "hits")]
    pub queries: Option<PathBuf>,
    /// Count every ranked candidate of a check, not only its best hit.
    #[arg(long, requires = "hits")]
    pub all_ranks: bool,
    /// A trace store: figures of the requests the acting country sent or received.
    #[arg(long, value_name = "DB", requires_all = ["country", "agency"])]
    pub traces: Option<PathBuf>,
    /// The acting country (ISO 3166-1 alpha-3), with --traces.
    #[arg(long)]
    pub country: Option<String>,
    /// The acting agency, with --traces.
    #[arg(long)]
    pub agency: Option<String>,
}

/// `armsmatch stats`: records by status, country, make, kind, calibre and month; hits
/// and routes; trace figures.
#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// What to count.
    #[command(flatten)]
    pub input: StatsInput,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Rows per table in text output.
    #[arg(long, default_value_t = 15)]
    pub rows: usize,
}

/// `armsmatch report`: one self-contained HTML file with SVG charts.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// What to count.
    #[command(flatten)]
    pub input: StatsInput,
    /// The HTML file to write.
    #[arg(long, value_name = "FILE", default_value = "report.html")]
    pub out: PathBuf,
    /// The page title.
    #[arg(long, default_value = "Firearms register report")]
    pub title: String,
    /// Bars per chart and routes in the diagram.
    #[arg(long, default_value_t = 12)]
    pub top: usize,
}

/// The trace store and who is acting: every trace command names both.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// The trace store (SQLite; `trace new` creates it).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The acting country (ISO 3166-1 alpha-3): it sees the requests it sent or
    /// received, nothing else.
    #[arg(long)]
    pub country: String,
    /// The acting agency.
    #[arg(long)]
    pub agency: String,
    /// The acting officer.
    #[arg(long)]
    pub officer: Option<String>,
}

/// The firearm and its recovery, as flags.
#[derive(Debug, Clone, Default, Args)]
pub struct FirearmArgs {
    /// Manufacturer (the original maker, not the importer).
    #[arg(long)]
    pub make: Option<String>,
    /// Model.
    #[arg(long)]
    pub model: Option<String>,
    /// Calibre.
    #[arg(long)]
    pub calibre: Option<String>,
    /// Serial number from the frame or receiver (`?`, `*` for unreadable characters).
    #[arg(long)]
    pub serial: Option<String>,
    /// Kind: pistol, revolver, rifle, shotgun, submachine_gun, machine_gun, other.
    #[arg(long)]
    pub kind: Option<Kind>,
    /// The serial was obliterated.
    #[arg(long)]
    pub obliterated: bool,
    /// Country of manufacture (default: from the reference data, by make).
    #[arg(long, value_name = "COUNTRY")]
    pub made_in: Option<String>,
    /// Importer, as marked.
    #[arg(long)]
    pub importer: Option<String>,
    /// Country of last legal import, as marked.
    #[arg(long, value_name = "COUNTRY")]
    pub import_country: Option<String>,
    /// Another marking (proof, assembly, import marks); repeat for several.
    #[arg(long = "marking", value_name = "TEXT")]
    pub markings: Vec<String>,
    /// Date of recovery (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub recovered_on: Option<Date>,
    /// Country of recovery.
    #[arg(long, value_name = "COUNTRY")]
    pub recovered_in: Option<String>,
    /// Place of recovery.
    #[arg(long)]
    pub place: Option<String>,
}

/// Output of trace commands that print requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    /// Readable text.
    Text,
    /// JSON (the export schema's request objects).
    Json,
    /// CSV, one row per request (`list` and `export`).
    Csv,
}

/// Incoming, outgoing and status filters of `trace list` and `trace export`.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only requests addressed to the acting country.
    #[arg(long, conflicts_with = "outgoing")]
    pub incoming: bool,
    /// Only requests the acting country made.
    #[arg(long)]
    pub outgoing: bool,
    /// Only this status: draft, sent, acknowledged, in_progress, responded, closed.
    #[arg(long)]
    pub status: Option<String>,
}

/// `armsmatch trace new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// Store and actor.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The case reference.
    #[arg(long = "case", value_name = "REF")]
    pub case_ref: String,
    /// Mark the request urgent, with the reason.
    #[arg(long, value_name = "REASON")]
    pub urgent: Option<String>,
    /// The firearm and its recovery.
    #[command(flatten)]
    pub firearm: FirearmArgs,
    /// Build from a hit: the index the firearm was checked against (with --record).
    #[arg(long, value_name = "INDEX", requires = "record")]
    pub index: Option<PathBuf>,
    /// Build from a hit: the record the check of this firearm found in --index. Needs
    /// --serial (the serial as checked) and takes --make, --model, --calibre.
    #[arg(long, value_name = "RECORD_ID", requires_all = ["index", "serial"])]
    pub record: Option<String>,
    /// Also ask this country; repeat for several.
    #[arg(long = "to", value_name = "COUNTRY")]
    pub to: Vec<String>,
    /// Do not add the suggested addressees (manufacture, import, reporting country).
    #[arg(long)]
    pub no_suggest: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
    pub format: TraceFormat,
}

/// `armsmatch trace edit`: change a draft (given flags replace, --to adds).
#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Store and actor.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The request id.
    pub id: u64,
    /// A new case reference.
    #[arg(long = "case", value_name = "REF")]
    pub case_ref: Option<String>,
    /// Mark urgent, with the reason.
    #[arg(long, value_name = "REASON", conflicts_with = "routine")]
    pub urgent: Option<String>,
    /// Mark routine.
    #[arg(long)]
    pub routine: bool,
    /// Firearm and recovery fields to set.
    #[command(flatten)]
    pub firearm: FirearmArgs,
    /// Also ask this country; repeat for several.
    #[arg(long = "to", value_name = "COUNTRY")]
    pub to: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
    pub format: TraceFormat,
}

/// `armsmatch trace list` / `export` options.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Store and actor.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (`export` defaults to JSON).
    #[arg(long, value_enum)]
    pub format: Option<TraceFormat>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// A command on one request.
#[derive(Debug, Clone, Args)]
pub struct IdArgs {
    /// Store and actor.
    #[command(flatten)]
    pub store: StoreArgs,
    /// The request id.
    pub id: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
    pub format: TraceFormat,
}

/// A command on one request with a text.
#[derive(Debug, Clone, Args)]
pub struct TextArgs {
    /// The request and actor.
    #[command(flatten)]
    pub target: IdArgs,
    /// The text.
    #[arg(long)]
    pub text: String,
}

/// `armsmatch trace send`.
#[derive(Debug, Clone, Args)]
pub struct SendArgs {
    /// The request and actor.
    #[command(flatten)]
    pub target: IdArgs,
    /// Send even if essential fields are missing.
    #[arg(long)]
    pub force: bool,
}

/// `armsmatch trace close`.
#[derive(Debug, Clone, Args)]
pub struct CloseArgs {
    /// The request and actor.
    #[command(flatten)]
    pub target: IdArgs,
    /// Why it is closed.
    #[arg(long)]
    pub note: Option<String>,
}

/// `armsmatch trace …`: trace requests, stored in SQLite, scoped by country.
#[derive(Debug, Clone, Subcommand)]
pub enum TraceCommand {
    /// Create a draft, from a hit (--index, --record) or from scratch.
    New(Box<NewArgs>),
    /// Change a draft.
    Edit(Box<EditArgs>),
    /// List the requests the acting country sent or received.
    List(ListArgs),
    /// Show one request.
    Show(IdArgs),
    /// Send a draft to its addressees (refused if incomplete, unless --force).
    Send(SendArgs),
    /// Acknowledge a request addressed to the acting country.
    Ack(IdArgs),
    /// Mark a request addressed to the acting country as in progress.
    Progress(IdArgs),
    /// Answer a request addressed to the acting country.
    Respond(TextArgs),
    /// Comment on a request.
    Comment(TextArgs),
    /// Close a request the acting country made.
    Close(CloseArgs),
    /// Export the requests the acting country may see (JSON by default, or CSV).
    Export(ListArgs),
    /// Print the JSON Schema of the export (and of `show --format json` objects).
    Schema,
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<(), Error> {
    out.write_all(text.as_bytes()).map_err(|e| Error::Io {
        path: "<stdout>".into(),
        source: e,
    })
}

/// `-` for an output file means standard output, as in most command-line tools.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field: field.to_string(),
        message: message.into(),
    }
}

fn must_exist(path: &Path, what: &str) -> Result<(), Error> {
    if path.exists() {
        Ok(())
    } else {
        Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, format!("no {what} here")),
        })
    }
}

/// Counts what `input` names; notes on left-out hit rows go to standard error.
pub fn load_stats(input: &StatsInput) -> Result<Stats, Error> {
    let index = Index::open(&input.index)?;
    let register = RegisterStats::from_index(&index);
    let hits = match &input.hits {
        Some(path) => {
            let (stats, report) =
                hit_stats_from_files(&index, path, input.queries.as_deref(), input.all_ranks)?;
            if report.lower_ranks > 0 {
                eprintln!(
                    "stats: {} lower-ranked candidates not counted as sightings (--all-ranks counts them)",
                    report.lower_ranks
                );
            }
            if report.unknown_records > 0 {
                eprintln!(
                    "stats: {} hits name records not in the index, not counted (first: {})",
                    report.unknown_records,
                    report.missing_records.join(", ")
                );
            }
            if report.unknown_checks > 0 {
                eprintln!(
                    "stats: {} hits name checks not in the queries file (checking country unknown)",
                    report.unknown_checks
                );
            }
            Some(stats)
        }
        None => None,
    };
    let traces = match &input.traces {
        Some(db) => {
            must_exist(db, "trace store")?;
            let actor = Actor::new(
                input.country.as_deref().unwrap_or_default(),
                input.agency.as_deref().unwrap_or_default(),
            )?;
            let mut store = TraceStore::open(db)?;
            let requests = store.list(&actor, &TraceFilter::default())?;
            Some(TraceStats::from_requests(&requests))
        }
        None => None,
    };
    Ok(Stats {
        register,
        hits,
        traces,
    })
}

/// `armsmatch stats`.
pub fn run_stats(args: &StatsArgs, out: &mut dyn Write) -> Result<(), Error> {
    let stats = load_stats(&args.input)?;
    let text = match args.format {
        StatsFormat::Text => stats.to_text(args.rows.max(1)),
        StatsFormat::Csv => stats.to_csv(),
        StatsFormat::Json => stats.to_json() + "\n",
    };
    match &args.out {
        Some(path) => write_file(path, &text),
        None => write_out(out, &text),
    }
}

/// `armsmatch report`: writes the HTML and says where.
pub fn run_report(args: &ReportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let stats = load_stats(&args.input)?;
    let html = render_html(
        &stats,
        &ReportOptions {
            title: args.title.clone(),
            top: args.top.max(1),
            generated_at: Some(Timestamp::now()),
        },
    );
    if is_stdout(&args.out) {
        return write_out(out, &html);
    }
    write_file(&args.out, &html)?;
    let mut what = vec![format!("{} records", stats.register.records)];
    if let Some(h) = &stats.hits {
        what.push(format!("{} hits, {} routes", h.hits, h.routes.len()));
    }
    if let Some(t) = &stats.traces {
        what.push(format!("{} trace requests", t.requests));
    }
    write_out(
        out,
        &format!(
            "wrote {} ({} KB): {}\n",
            args.out.display(),
            html.len().div_ceil(1024),
            what.join(", ")
        ),
    )
}

/// Writes the notification files of `check --notify DIR` and lists them.
pub fn run_notify<'a>(
    dir: &Path,
    hits: impl IntoIterator<Item = (&'a str, &'a Query, &'a Hit)>,
    out: &mut dyn Write,
) -> Result<Vec<PathBuf>, Error> {
    let hits: Vec<(&str, &Query, &Hit)> = hits.into_iter().collect();
    let files = armsmatch::trace::notify(hits.iter().copied(), dir)?;
    for f in &files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let n = hits
            .iter()
            .filter(|(_, _, h)| {
                h.record
                    .country
                    .as_deref()
                    .and_then(|c| country_code(c).ok())
                    .unwrap_or_else(|| "UNKNOWN".into())
                    == stem
            })
            .count();
        write_out(out, &format!("notify: {} ({n} hits)\n", f.display()))?;
    }
    Ok(files)
}

fn actor_of(s: &StoreArgs) -> Result<Actor, Error> {
    let a = Actor::new(&s.country, &s.agency)?;
    Ok(match &s.officer {
        Some(o) => a.officer(o),
        None => a,
    })
}

fn open_existing(s: &StoreArgs) -> Result<TraceStore, Error> {
    must_exist(&s.db, "trace store (`armsmatch trace new` creates one)")?;
    TraceStore::open(&s.db)
}

fn opt_country(c: &Option<String>) -> Result<Option<String>, Error> {
    c.as_deref().map(country_code).transpose()
}

/// Sets the given flags on a request (only the flags given).
fn apply_firearm(req: &mut TraceRequest, f: &FirearmArgs) -> Result<(), Error> {
    let set = |slot: &mut Option<String>, v: &Option<String>| {
        if let Some(v) = v {
            *slot = Some(v.clone());
        }
    };
    let fi = &mut req.firearm;
    set(&mut fi.make, &f.make);
    set(&mut fi.model, &f.model);
    set(&mut fi.calibre, &f.calibre);
    set(&mut fi.serial, &f.serial);
    set(&mut fi.importer, &f.importer);
    if let Some(k) = f.kind {
        fi.kind = Some(k);
    }
    if f.obliterated {
        fi.serial_obliterated = true;
    }
    if let Some(c) = opt_country(&f.made_in)? {
        fi.country_of_manufacture = Some(c);
    }
    if let Some(c) = opt_country(&f.import_country)? {
        fi.import_country = Some(c);
    }
    fi.other_markings.extend(f.markings.iter().cloned());
    if let Some(d) = f.recovered_on {
        req.recovery.date = Some(d);
    }
    if let Some(c) = opt_country(&f.recovered_in)? {
        req.recovery.country = Some(c);
    }
    set(&mut req.recovery.place, &f.place);
    Ok(())
}

/// `armsmatch trace …`.
pub fn run_trace(cmd: &TraceCommand, out: &mut dyn Write) -> Result<(), Error> {
    match cmd {
        TraceCommand::New(a) => trace_new(a, out),
        TraceCommand::Edit(a) => trace_edit(a, out),
        TraceCommand::List(a) => trace_list(a, out, false),
        TraceCommand::Export(a) => trace_list(a, out, true),
        TraceCommand::Schema => write_out(out, armsmatch::trace::TRACE_EXPORT_SCHEMA),
        TraceCommand::Show(a) => {
            let actor = actor_of(&a.store)?;
            let req = open_existing(&a.store)?.get(&actor, a.id)?;
            print_request(&req, &actor, a.format, out)
        }
        TraceCommand::Send(a) => change(&a.target, out, |s, actor, id| s.send(actor, id, a.force)),
        TraceCommand::Ack(a) => change(a, out, |s, actor, id| s.acknowledge(actor, id)),
        TraceCommand::Progress(a) => change(a, out, |s, actor, id| s.start(actor, id)),
        TraceCommand::Respond(a) => {
            change(&a.target, out, |s, actor, id| s.respond(actor, id, &a.text))
        }
        TraceCommand::Comment(a) => {
            change(&a.target, out, |s, actor, id| s.comment(actor, id, &a.text))
        }
        TraceCommand::Close(a) => change(&a.target, out, |s, actor, id| {
            s.close(actor, id, a.note.as_deref())
        }),
    }
}

fn change(
    a: &IdArgs,
    out: &mut dyn Write,
    f: impl FnOnce(&mut TraceStore, &Actor, u64) -> Result<TraceRequest, Error>,
) -> Result<(), Error> {
    let actor = actor_of(&a.store)?;
    let mut store = open_existing(&a.store)?;
    let req = f(&mut store, &actor, a.id)?;
    match a.format {
        TraceFormat::Text => write_out(
            out,
            &format!(
                "trace request {}: {}\n",
                a.id,
                req.status.as_str().replace('_', " ")
            ),
        ),
        format => print_request(&req, &actor, format, out),
    }
}

fn trace_new(a: &NewArgs, out: &mut dyn Write) -> Result<(), Error> {
    let actor = actor_of(&a.store)?;
    let (mut req, reference) = match (&a.index, &a.record) {
        (Some(index_path), Some(record_id)) => {
            let index = Index::open(index_path)?;
            let f = &a.firearm;
            let query = Query {
                serial: f.serial.clone().unwrap_or_default(),
                make: f.make.clone(),
                model: f.model.clone(),
                calibre: f.calibre.clone(),
                country: opt_country(&f.recovered_in)?.or_else(|| Some(actor.country.clone())),
            };
            let opts = CheckOptions::default().top(armsmatch::limits::MAX_TOP);
            let hits = index.check(&query, &opts)?;
            let Some(hit) = hits.iter().find(|h| h.record.id == record_id.trim()) else {
                let found: Vec<&str> = hits.iter().take(5).map(|h| h.record.id.as_str()).collect();
                return Err(invalid(
                    "record",
                    format!(
                        "{record_id:?} is not a hit of this firearm in {} ({})",
                        index_path.display(),
                        if found.is_empty() {
                            "no hits".to_string()
                        } else {
                            format!("hits: {}", found.join(", "))
                        }
                    ),
                ));
            };
            let reference = index.reference();
            let req = TraceRequest::from_hit(hit, &query, &actor, &a.case_ref, &reference)?;
            (req, Some(reference))
        }
        _ => (
            TraceRequest::new(&actor, &a.case_ref, FirearmId::default(), Timestamp::now()),
            None,
        ),
    };
    let mut flags = a.firearm.clone();
    if a.record.is_some() {
        // Already in the check that found the hit; from_hit wrote them canonically.
        (flags.make, flags.model, flags.calibre, flags.serial) = (None, None, None, None);
    }
    apply_firearm(&mut req, &flags)?;
    if let Some(reason) = &a.urgent {
        req.priority = Priority::Urgent {
            reason: reason.clone(),
        };
    }
    if a.no_suggest {
        req.addressees.clear();
    } else {
        let reference: &Reference = match &reference {
            Some(r) => r,
            None => Reference::embedded(),
        };
        // Recomputed after the flags: --made-in or --import-country may name others.
        req.addressees = req.suggested_addressees(reference);
    }
    for c in &a.to {
        req.add_addressee(c, AddresseeReason::Other)?;
    }
    let mut store = TraceStore::open(&a.store.db)?;
    let req = store.create(&actor, &req)?;
    match a.format {
        TraceFormat::Text => {
            let id = req.id.unwrap_or_default();
            let to: Vec<&str> = req.addressees.iter().map(|x| x.country.as_str()).collect();
            let mut text = format!(
                "created trace request {id} (draft) {} → {}\n",
                req.requester.country,
                if to.is_empty() {
                    "nobody yet".to_string()
                } else {
                    to.join(", ")
                }
            );
            text.push_str(&missing_text(&req));
            write_out(out, &text)
        }
        format => print_request(&req, &actor, format, out),
    }
}

fn missing_text(req: &TraceRequest) -> String {
    let missing = req.completeness();
    if missing.is_empty() {
        return "complete: ready to send\n".to_string();
    }
    let mut s =
        "incomplete — add before sending (traces fail on missing information):\n".to_string();
    for m in missing {
        s.push_str(&format!("  {:<34} {}\n", m.as_str(), m.describe()));
    }
    s
}

fn trace_edit(a: &EditArgs, out: &mut dyn Write) -> Result<(), Error> {
    let actor = actor_of(&a.store)?;
    let mut store = open_existing(&a.store)?;
    let mut req = store.get(&actor, a.id)?;
    if let Some(c) = &a.case_ref {
        req.case_ref = c.clone();
    }
    if let Some(reason) = &a.urgent {
        req.priority = Priority::Urgent {
            reason: reason.clone(),
        };
    }
    if a.routine {
        req.priority = Priority::Routine;
    }
    apply_firearm(&mut req, &a.firearm)?;
    for c in &a.to {
        req.add_addressee(c, AddresseeReason::Other)?;
    }
    let req = store.update_draft(&actor, &req)?;
    match a.format {
        TraceFormat::Text => write_out(
            out,
            &format!("trace request {} updated\n{}", a.id, missing_text(&req)),
        ),
        format => print_request(&req, &actor, format, out),
    }
}

fn trace_list(a: &ListArgs, out: &mut dyn Write, export: bool) -> Result<(), Error> {
    let actor = actor_of(&a.store)?;
    let filter = TraceFilter {
        direction: if a.filter.incoming {
            Some(Direction::Incoming)
        } else if a.filter.outgoing {
            Some(Direction::Outgoing)
        } else {
            None
        },
        status: a
            .filter
            .status
            .as_deref()
            .map(str::parse::<TraceStatus>)
            .transpose()?,
    };
    let mut store = open_existing(&a.store)?;
    let default = if export {
        TraceFormat::Json
    } else {
        TraceFormat::Text
    };
    let text = match a.format.unwrap_or(default) {
        TraceFormat::Json => {
            if export {
                store.export(&actor, &filter)?.to_json() + "\n"
            } else {
                let list = store.list(&actor, &filter)?;
                serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
            }
        }
        TraceFormat::Csv => export_csv(&store.list(&actor, &filter)?)?,
        TraceFormat::Text => list_text(&store.list(&actor, &filter)?, &actor),
    };
    match a.out.as_deref().filter(|p| !is_stdout(p)) {
        Some(path) => {
            write_file(path, &text)?;
            if export {
                write_out(out, &format!("wrote {}\n", path.display()))?;
            }
            Ok(())
        }
        None => write_out(out, &text),
    }
}

fn firearm_line(f: &FirearmId) -> String {
    let parts: Vec<&str> = [&f.make, &f.model, &f.calibre]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .collect();
    let mut s = if parts.is_empty() {
        "(firearm not described)".to_string()
    } else {
        parts.join(" ")
    };
    if let Some(serial) = &f.serial {
        s.push_str(&format!(", serial {serial}"));
    }
    if f.serial_obliterated {
        s.push_str(" (obliterated)");
    }
    s
}

fn list_text(list: &[TraceRequest], actor: &Actor) -> String {
    if list.is_empty() {
        return format!(
            "no trace requests that {} sent or received\n",
            actor.country
        );
    }
    let mut rows: Vec<[String; 7]> = vec![[
        "id".into(),
        "dir".into(),
        "status".into(),
        "priority".into(),
        "route".into(),
        "case".into(),
        "firearm".into(),
    ]];
    for r in list {
        let to: Vec<&str> = r.addressees.iter().map(|a| a.country.as_str()).collect();
        rows.push([
            r.id.unwrap_or_default().to_string(),
            if r.requester.country == actor.country {
                "out"
            } else {
                "in"
            }
            .into(),
            r.status.as_str().replace('_', " "),
            r.priority.level().into(),
            format!("{} → {}", r.requester.country, to.join(",")),
            r.case_ref.clone(),
            firearm_line(&r.firearm),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut s = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if i < 6 {
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

fn print_request(
    r: &TraceRequest,
    actor: &Actor,
    format: TraceFormat,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let text = match format {
        TraceFormat::Json => serde_json::to_string_pretty(r).unwrap_or_default() + "\n",
        TraceFormat::Csv => export_csv(std::slice::from_ref(r))?,
        TraceFormat::Text => request_text(r, actor),
    };
    write_out(out, &text)
}

fn request_text(r: &TraceRequest, actor: &Actor) -> String {
    let mut s = String::new();
    let id = r.id.map_or("(unsaved)".to_string(), |i| i.to_string());
    let priority = match &r.priority {
        Priority::Urgent { reason } => format!("URGENT: {reason}"),
        _ => "routine".to_string(),
    };
    s.push_str(&format!(
        "Trace request {id} — {} — {priority}\n",
        r.status.as_str().replace('_', " ")
    ));
    s.push_str(&format!(
        "  from       {}, case {}\n",
        r.requester, r.case_ref
    ));
    for a in &r.addressees {
        let reasons: Vec<&str> = a.reasons.iter().map(|x| x.as_str()).collect();
        s.push_str(&format!(
            "  to         {}{} ({})\n",
            a.country,
            a.agency
                .as_deref()
                .map_or(String::new(), |g| format!(" {g}")),
            reasons.join(", ")
        ));
    }
    let f = &r.firearm;
    s.push_str(&format!("  firearm    {}\n", firearm_line(f)));
    if let Some(k) = f.kind {
        s.push_str(&format!("  kind       {k}\n"));
    }
    if let Some(c) = &f.country_of_manufacture {
        s.push_str(&format!("  made in    {c}\n"));
    }
    if f.importer.is_some() || f.import_country.is_some() {
        s.push_str(&format!(
            "  imported   {}{}\n",
            f.importer.as_deref().unwrap_or("-"),
            f.import_country
                .as_deref()
                .map_or(String::new(), |c| format!(" into {c}"))
        ));
    }
    for m in &f.other_markings {
        s.push_str(&format!("  marking    {m}\n"));
    }
    let rec = &r.recovery;
    if rec.date.is_some() || rec.country.is_some() || rec.place.is_some() {
        s.push_str(&format!(
            "  recovered  {} {} {}\n",
            rec.date.map_or("-".to_string(), |d| d.to_string()),
            rec.country.as_deref().unwrap_or("-"),
            rec.place.as_deref().unwrap_or("")
        ));
    }
    for h in &r.hits {
        s.push_str(&format!(
            "  hit        record {} ({}) score {:.2}: {}\n",
            h.record.id,
            h.record.country.as_deref().unwrap_or("no country"),
            h.score,
            h.summary
        ));
    }
    for c in &r.history {
        s.push_str(&format!(
            "  {}  {:<13} {}{}\n",
            c.at,
            c.to.as_str().replace('_', " "),
            c.by,
            c.note
                .as_deref()
                .map_or(String::new(), |n| format!(": {n}"))
        ));
    }
    for x in &r.responses {
        s.push_str(&format!(
            "  {}  response from {}:\n    {}\n",
            x.at, x.by, x.text
        ));
    }
    for x in &r.comments {
        s.push_str(&format!("  {}  comment by {}: {}\n", x.at, x.by, x.text));
    }
    if r.requester.country == actor.country && r.status == TraceStatus::Draft {
        s.push_str(&missing_text(r));
    }
    s
}
