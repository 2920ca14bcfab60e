//! `armsmatch`: bulk firearm hit detection from the command line.
//!
//! Exit codes: 0 ok; 1 usage error; 2 data error (a bad input file, a bad check, a
//! damaged index); 3 I/O error (a missing file, no permission, a full disk).

mod eval;
mod progress;
mod register_cmds;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use armsmatch::io::{Encoding, HitRow, QueryRow, ReadOptions, ReadReport};
use armsmatch::limits::{MAX_EDITS, MAX_RECORDS, MAX_TOP};
use armsmatch::synth::{self, Check, Label, Register, SynthConfig, Truth};
use armsmatch::{
    CheckOptions, Hit, Index, IndexBuilder, Query, Reference, SerialMatch, DEFAULT_THRESHOLD,
};
use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::eval::{EvalOptions, EvalReport};
use crate::progress::{bar, spinner};

const EXIT_CODES: &str = "Exit codes: 0 ok, 1 usage error, 2 data error (bad input file, \
bad check, damaged index), 3 I/O error (missing file, permission, disk).";

/// Firearm hit detection: check seized firearms against a register of firearms
/// reported lost, stolen, trafficked or smuggled.
#[derive(Parser)]
#[command(name = "armsmatch", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a realistic register and checks, index them, check them all and report.
    #[command(after_help = EXIT_CODES)]
    Demo(DemoArgs),
    /// Write a synthetic register (records.csv), checks (queries.csv) and labels (truth.csv).
    #[command(after_help = EXIT_CODES)]
    Generate(GenerateArgs),
    /// Build an index file from a records file (CSV or JSON Lines).
    #[command(after_help = EXIT_CODES)]
    Build(BuildArgs),
    /// Check firearms against an index; write the hits as CSV, JSON Lines or text.
    #[command(
        after_help = "Exit codes: 0 ok, 1 usage error, 2 data error (bad input \
file, damaged index, or any check that failed: it is reported on standard error with its \
id and the other checks are still written), 3 I/O error (missing file, permission, disk)."
    )]
    Check(CheckArgs),
    /// Add records to an index file (live update, saved atomically).
    #[command(after_help = EXIT_CODES)]
    Add(AddArgs),
    /// Remove records from an index file by id (saved atomically).
    #[command(after_help = EXIT_CODES)]
    Remove(RemoveArgs),
    /// Sizes and counts of an index file.
    #[command(after_help = EXIT_CODES)]
    Info(InfoArgs),
    /// Measure hit quality against labelled checks (recall, false hits, by noise kind).
    #[command(after_help = EXIT_CODES)]
    Eval(EvalArgs),
    /// Register statistics, hits by make and country, trafficking routes, trace figures.
    Stats(register_cmds::StatsArgs),
    /// A self-contained HTML report with charts.
    Report(register_cmds::ReportArgs),
    /// Trace requests: create, send, respond, close, export.
    #[command(subcommand)]
    Trace(register_cmds::TraceCommand),
}

/// A share in [0, 1] (score threshold).
fn unit_interval(s: &str) -> Result<f32, String> {
    let v: f32 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{s} is not between 0 and 1"))
    }
}

/// Threads: 0 = all cores, at most [`armsmatch::limits::MAX_THREADS`].
fn threads_parser() -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::new().range(0..=armsmatch::limits::MAX_THREADS as u64)
}

/// The synthetic register and checks of `demo` and `generate`.
#[derive(Args)]
struct SynthArgs {
    /// Records in the generated register.
    #[arg(long, default_value_t = 1_500_000,
          value_parser = RangedU64ValueParser::<usize>::new().range(0..=MAX_RECORDS as u64))]
    records: usize,
    /// Checks (a third of them true hits with realistic noise).
    #[arg(long, default_value_t = 10_000,
          value_parser = RangedU64ValueParser::<usize>::new().range(0..=10_000_000))]
    queries: usize,
    /// Seed of the generator (same seed, same register and checks).
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

impl SynthArgs {
    fn register(&self) -> Register {
        Register::new(SynthConfig {
            records: self.records,
            queries: self.queries,
            seed: self.seed,
        })
    }
}

#[derive(Args)]
struct DemoArgs {
    #[command(flatten)]
    synth: SynthArgs,
    /// Keep the files here: records.csv, queries.csv, truth.csv, hits.csv, index.armsidx.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Overwrite those files if the directory already has them (refused otherwise: a
    /// real register may be called records.csv).
    #[arg(long, requires = "out")]
    force: bool,
    /// Threads for building and checking (0 = all cores).
    #[arg(long, default_value_t = 0, value_parser = threads_parser())]
    threads: usize,
}

#[derive(Args)]
struct GenerateArgs {
    #[command(flatten)]
    synth: SynthArgs,
    /// Output directory (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Overwrite records.csv, queries.csv and truth.csv if the directory already has
    /// them (refused otherwise: a real register may be called records.csv).
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct BuildArgs {
    /// Records file: CSV with a header, or JSON Lines if it ends in .jsonl/.ndjson/.json.
    #[arg(long, value_name = "FILE")]
    records: PathBuf,
    /// Index file to write (atomically).
    #[arg(long, value_name = "INDEX")]
    out: PathBuf,
    /// Reference TOML (makes, models, calibres, aliases) that extends the embedded one.
    #[arg(long, value_name = "TOML")]
    reference: Option<PathBuf>,
    /// Skip malformed rows (counted and reported) instead of failing; a record with a
    /// good id and serial but an unreadable optional field (country, date, a make,
    /// model or calibre over the limits) goes in without that field (counted and
    /// reported). Two rows sharing a record id still
    /// fail the build: which one is the register's is not guessed.
    #[arg(long)]
    skip_bad_rows: bool,
    #[command(flatten)]
    input: InputEncoding,
}

/// `--encoding` of the commands that read records or checks.
#[derive(Args)]
struct InputEncoding {
    /// Character encoding of the input file: utf-8, windows-1252 (western Europe),
    /// windows-1251 (Cyrillic) or latin1. Never guessed: a file that is not UTF-8 is
    /// refused unless this says what it is.
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = encoding_parser)]
    encoding: Encoding,
}

fn encoding_parser(s: &str) -> Result<Encoding, String> {
    s.parse().map_err(|e: armsmatch::Error| e.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The hits CSV: query_id,rank,record_id,score,serial_match,serial_distance,…
    Csv,
    /// One JSON object per hit (the CSV fields; with --explain also the record and the
    /// full explanation).
    Jsonl,
    /// For people.
    Text,
}

#[derive(Args)]
struct CheckArgs {
    /// Index file.
    #[arg(long, value_name = "INDEX")]
    index: PathBuf,
    /// Checks file (CSV or JSON Lines: query_id,make,model,serial,calibre,country).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "serial",
        required_unless_present = "serial"
    )]
    queries: Option<PathBuf>,
    /// One serial to check (`?` = one unknown character, `*` = any run).
    #[arg(long)]
    serial: Option<String>,
    /// Make of the one check.
    #[arg(long, requires = "serial")]
    make: Option<String>,
    /// Model of the one check.
    #[arg(long, requires = "serial")]
    model: Option<String>,
    /// Calibre of the one check.
    #[arg(long, requires = "serial")]
    calibre: Option<String>,
    /// Checking country of the one check (ISO 3166-1 alpha-3).
    #[arg(long, requires = "serial")]
    country: Option<String>,
    /// Hits file to write (default, or `-`: standard output).
    #[arg(long, value_name = "HITS")]
    out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Most hits per check.
    #[arg(long, default_value_t = 10,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_TOP as u64))]
    top: usize,
    /// Lowest score reported, in [0, 1] (default: the library's, 0.1).
    #[arg(long, value_parser = unit_interval)]
    threshold: Option<f32>,
    /// Fixed edit budget, 0–3 (default: AUTO by serial length: 0 up to 3 characters,
    /// 1 for 4 and 5, 2 from 6, of the longer of the check's and the record's key).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=MAX_EDITS as i64))]
    max_edits: Option<u8>,
    /// Threads (0 = all cores).
    #[arg(long, default_value_t = 0, value_parser = threads_parser())]
    threads: usize,
    /// Include the record and the full explanation (JSON Lines) or the readable
    /// explanation (text).
    #[arg(long)]
    explain: bool,
    /// Also write one JSON Lines file per reporting country of the hit records into
    /// this new or empty directory.
    #[arg(long, value_name = "DIR")]
    notify: Option<PathBuf>,
    /// Skip malformed check rows and checks refused for their input (a mostly-wildcard
    /// serial, a field over the limits), counted and reported, instead of failing.
    #[arg(long)]
    skip_bad_rows: bool,
    #[command(flatten)]
    input: InputEncoding,
}

#[derive(Args)]
struct AddArgs {
    /// Index file (updated in place, atomically: all records or none).
    #[arg(long, value_name = "INDEX")]
    index: PathBuf,
    /// Records file (CSV or JSON Lines, as for `build`).
    #[arg(long, value_name = "FILE")]
    records: PathBuf,
    /// Skip malformed rows and duplicate ids (counted and reported) instead of failing.
    #[arg(long)]
    skip_bad_rows: bool,
    #[command(flatten)]
    input: InputEncoding,
}

#[derive(Args)]
struct RemoveArgs {
    /// Index file (updated in place, atomically: all ids or none).
    #[arg(long, value_name = "INDEX")]
    index: PathBuf,
    /// Record id to remove (repeatable).
    #[arg(long = "id", value_name = "ID", required = true)]
    ids: Vec<String>,
}

#[derive(Args)]
struct InfoArgs {
    /// Index file (also as `--index INDEX`, as the other commands take it).
    #[arg(value_name = "INDEX", required_unless_present = "index_opt")]
    index: Option<PathBuf>,
    /// Index file.
    #[arg(long = "index", value_name = "INDEX", conflicts_with = "index")]
    index_opt: Option<PathBuf>,
    /// Output format, as `stats --format` takes it.
    #[arg(long, value_enum, default_value_t = InfoFormat::Text)]
    format: InfoFormat,
    /// The same as `--format json` (kept for scripts written before `--format`).
    #[arg(long, hide = true, conflicts_with = "format")]
    json: bool,
}

/// Output of `info`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InfoFormat {
    /// Aligned lines for a terminal.
    Text,
    /// The sizes and counts as one JSON object.
    Json,
}

#[derive(Args)]
struct EvalArgs {
    /// Records file to index (or use --index).
    #[arg(long, value_name = "FILE", required_unless_present = "index")]
    records: Option<PathBuf>,
    /// An index file instead of --records.
    #[arg(long, value_name = "INDEX", conflicts_with = "records")]
    index: Option<PathBuf>,
    /// Checks file (as for `check`).
    #[arg(long, value_name = "FILE")]
    queries: PathBuf,
    /// Labels: query_id,label,noise,record_ids (as written by `generate`; other
    /// generators' CSV, JSON Lines or JSON names and forms are understood, see the README).
    #[arg(long, value_name = "FILE")]
    truth: PathBuf,
    /// Threshold to evaluate at, in [0, 1] (default: the library's, 0.1).
    #[arg(long, value_parser = unit_interval)]
    threshold: Option<f32>,
    /// Fixed edit budget, 0–3 (default: AUTO).
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=MAX_EDITS as i64))]
    max_edits: Option<u8>,
    /// Also write the report as JSON here.
    #[arg(long, value_name = "OUT")]
    json: Option<PathBuf>,
    /// Threads (0 = all cores).
    #[arg(long, default_value_t = 0, value_parser = threads_parser())]
    threads: usize,
    #[command(flatten)]
    input: InputEncoding,
}

/// A failure, by exit code.
#[derive(Debug)]
enum CliError {
    /// Exit 1.
    Usage(String),
    /// Exit 2.
    Data(String),
    /// Exit 3.
    Io(String),
    /// The reader of standard output went away (`armsmatch check … | head`): stop
    /// quietly, as other Unix tools do.
    BrokenPipe,
}

impl From<armsmatch::Error> for CliError {
    fn from(e: armsmatch::Error) -> CliError {
        match e {
            armsmatch::Error::Io { ref source, .. }
                if source.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                CliError::BrokenPipe
            }
            // A file that is there but holds the wrong thing (a trace store that is
            // not one, or damaged) is a data error, as a damaged index is.
            armsmatch::Error::Io { ref source, .. }
                if source.kind() == std::io::ErrorKind::InvalidData =>
            {
                CliError::Data(e.to_string())
            }
            armsmatch::Error::Io { .. } => CliError::Io(e.to_string()),
            other => CliError::Data(other.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Io(e.to_string())
        }
    }
}

/// csv errors only arise here when writing (files are read through `armsmatch::io`).
impl From<csv::Error> for CliError {
    fn from(e: csv::Error) -> CliError {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => e.into(),
            other => CliError::Data(format!("{other:?}")),
        }
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> CliError + '_ {
    move |e| match e.kind() {
        std::io::ErrorKind::BrokenPipe => CliError::BrokenPipe,
        _ => CliError::Io(format!("{}: {e}", path.display())),
    }
}

fn json_err(e: serde_json::Error) -> CliError {
    // Writing JSON to a closed pipe or a full disk is an I/O error, not bad data.
    match e.io_error_kind() {
        Some(std::io::ErrorKind::BrokenPipe) => CliError::BrokenPipe,
        Some(_) => CliError::Io(format!("cannot write JSON: {e}")),
        None => CliError::Data(format!("cannot write JSON: {e}")),
    }
}

fn main() -> ExitCode {
    // clap exits 2 on a usage error by default; here 2 means bad data, so parse by hand.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(1),
            };
        }
    };
    let (code, msg) = match run(cli) {
        // Nobody is left to read a message when standard output was closed early.
        Ok(()) | Err(CliError::BrokenPipe) => return ExitCode::SUCCESS,
        Err(CliError::Usage(m)) => (1, m),
        Err(CliError::Data(m)) => (2, m),
        Err(CliError::Io(m)) => (3, m),
    };
    eprintln!("armsmatch: {msg}");
    ExitCode::from(code)
}

fn run(cli: Cli) -> Result<(), CliError> {
    // Locked per command, never for the whole run: `check` writes from a pool thread,
    // and a lock held here would deadlock it.
    let stdout = || std::io::stdout().lock();
    refuse_output_over_input(&cli.command)?;
    match cli.command {
        Command::Demo(a) => demo(&a),
        Command::Generate(a) => generate(&a),
        Command::Build(a) => build(&a),
        Command::Check(a) => check(&a),
        Command::Add(a) => add(&a),
        Command::Remove(a) => remove(&a),
        Command::Info(a) => info(&a),
        Command::Eval(a) => eval_cmd(&a),
        Command::Stats(a) => Ok(register_cmds::run_stats(&a, &mut stdout())?),
        Command::Report(a) => Ok(register_cmds::run_report(&a, &mut stdout())?),
        Command::Trace(c) => Ok(register_cmds::run_trace(&c, &mut stdout())?),
    }
}

/// Refuses a command whose output file is one of its input files (the same file under
/// any name: a link, a relative path): writing it would destroy what the command reads,
/// and truncating an index while it is memory-mapped kills the process.
fn refuse_output_over_input(command: &Command) -> Result<(), CliError> {
    use register_cmds::TraceCommand;
    if let Command::Check(a) = command {
        // The hits file inside the notices' directory: a notice would replace it.
        let parent = |p: &Path| {
            p.parent()
                .map(|d| {
                    if d.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        d
                    }
                })
                .map(Path::to_path_buf)
        };
        let out = a.out.as_deref().filter(|p| !register_cmds::is_stdout(p));
        if let (Some(out), Some(dir)) = (out, a.notify.as_deref()) {
            if parent(out).is_some_and(|d| same_file(&d, dir)) {
                return Err(CliError::Usage(format!(
                    "--out {} is inside the --notify directory, whose files are the notices; \
                     choose another file",
                    out.display()
                )));
            }
        }
    }
    let stats_inputs = |i: &register_cmds::StatsInput| {
        vec![
            ("--index", Some(i.index.clone())),
            ("--hits", i.hits.clone()),
            ("--queries", i.queries.clone()),
            ("--traces", i.traces.clone()),
        ]
    };
    /// An output flag, its file, and the input files by flag.
    type Files<'a> = (&'a str, Option<&'a Path>, Vec<(&'a str, Option<PathBuf>)>);
    let (flag, out, inputs): Files = match command {
        Command::Build(a) => (
            "--out",
            Some(&a.out),
            vec![
                ("--records", Some(a.records.clone())),
                ("--reference", a.reference.clone()),
            ],
        ),
        Command::Check(a) => (
            "--out",
            a.out.as_deref(),
            vec![
                ("--index", Some(a.index.clone())),
                ("--queries", a.queries.clone()),
            ],
        ),
        Command::Eval(a) => (
            "--json",
            a.json.as_deref(),
            vec![
                ("--records", a.records.clone()),
                ("--index", a.index.clone()),
                ("--queries", Some(a.queries.clone())),
                ("--truth", Some(a.truth.clone())),
            ],
        ),
        Command::Stats(a) => ("--out", a.out.as_deref(), stats_inputs(&a.input)),
        Command::Report(a) => ("--out", Some(&a.out), stats_inputs(&a.input)),
        Command::Trace(TraceCommand::List(a) | TraceCommand::Export(a)) => (
            "--out",
            a.out.as_deref(),
            vec![("--db", Some(a.store.db.clone()))],
        ),
        _ => return Ok(()),
    };
    let Some(out) = out.filter(|p| !register_cmds::is_stdout(p)) else {
        return Ok(());
    };
    for (what, input) in inputs {
        if input.as_deref().is_some_and(|i| same_file(out, i)) {
            return Err(CliError::Usage(format!(
                "{flag} {} is the {what} file too: writing it would destroy what is read; \
                 choose another file",
                out.display()
            )));
        }
    }
    Ok(())
}

/// True if both paths name one existing file (followed through links).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (a.canonicalize(), b.canonicalize()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

fn pool(threads: usize) -> Result<rayon::ThreadPool, CliError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| CliError::Io(format!("cannot start {threads} threads: {e}")))
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// 1234567 → "1,234,567".
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn total_bytes(index: &Index) -> u64 {
    index
        .info()
        .bytes
        .iter()
        .find(|(k, _)| k == "total")
        .map_or(0, |(_, v)| *v)
}

/// The files `demo --out` writes.
const DEMO_FILES: [&str; 5] = [
    "records.csv",
    "queries.csv",
    "truth.csv",
    "hits.csv",
    "index.armsidx",
];

/// A usage error if `dir` already holds any of `names` and `force` is off: generated
/// data never silently replaces a file that may be a real register or its hits.
fn refuse_to_overwrite(dir: &Path, names: &[&str], force: bool) -> Result<(), CliError> {
    if force {
        return Ok(());
    }
    let present: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| dir.join(n).symlink_metadata().is_ok())
        .collect();
    if present.is_empty() {
        return Ok(());
    }
    Err(CliError::Usage(format!(
        "{} already has {}; generated data would replace it (--force to overwrite, or \
         another --out directory)",
        dir.display(),
        present.join(", ")
    )))
}

fn demo(a: &DemoArgs) -> Result<(), CliError> {
    let started = Instant::now();
    if let Some(dir) = &a.out {
        // Before the run, not after minutes of it.
        refuse_to_overwrite(dir, &DEMO_FILES, a.force)?;
    }
    let pool = pool(a.threads)?;
    let register = a.synth.register();
    // Records are generated one by one, in order, into the builder: the register is
    // never held twice in memory, and the same seed gives the same index byte for byte.
    let pb = bar(a.synth.records as u64, "generating the register");
    let t = Instant::now();
    let mut builder = IndexBuilder::new();
    for (i, r) in register.records().enumerate() {
        builder.add(r)?;
        if i % 16_384 == 0 {
            pb.set_position(i as u64);
        }
    }
    pb.finish_and_clear();
    let generated = t.elapsed();
    let sp = spinner("building the index");
    let t = Instant::now();
    let index = pool.install(|| builder.build())?;
    let built = t.elapsed();
    sp.finish_and_clear();
    let sp = spinner("generating checks");
    let checks = register.checks();
    sp.finish_and_clear();
    let run = pool.install(|| eval::evaluate_with_hits(&index, &checks, &EvalOptions::default()));
    let report = &run.report;
    // The speed a user gets: the same checks with the default options (the evaluation
    // above scores every candidate, at threshold 0, to draw the trade-off).
    let sp = spinner("checking at the default threshold");
    let queries: Vec<Query> = checks.iter().map(|c| c.query.clone()).collect();
    let t = Instant::now();
    let defaults = pool.install(|| index.check_many(&queries, &CheckOptions::default()));
    let default_seconds = t.elapsed().as_secs_f64();
    sp.finish_and_clear();
    let default_hit = defaults
        .iter()
        .filter(|r| r.as_ref().is_ok_and(|h| !h.is_empty()))
        .count();

    let mut out = std::io::stdout().lock();
    let bytes = total_bytes(&index);
    let per_record = if a.synth.records == 0 {
        "-".to_string()
    } else {
        format!("{:.1}", bytes as f64 / a.synth.records as f64)
    };
    writeln!(
        out,
        "armsmatch demo — synthetic register, seed {}, {} thread(s)",
        a.synth.seed,
        pool.current_num_threads()
    )?;
    writeln!(
        out,
        "  register      {} records generated in {}, index built in {}: {:.1} MB, {} B/record",
        thousands(a.synth.records as u64),
        secs(generated),
        secs(built),
        bytes as f64 / 1e6,
        per_record
    )?;
    let rate = |seconds: f64| thousands((checks.len() as f64 / seconds.max(1e-9)) as u64);
    writeln!(
        out,
        "  checks        {} in {:.1} s: {} checks/s (default options; scoring every candidate \
         for the trade-off below: {:.1} s, {} checks/s)",
        thousands(checks.len() as u64),
        default_seconds,
        rate(default_seconds),
        report.check_seconds,
        rate(report.check_seconds)
    )?;
    writeln!(
        out,
        "  hits          {} checks with a hit at the default threshold {:.2}",
        thousands(default_hit as u64),
        DEFAULT_THRESHOLD
    )?;
    writeln!(
        out,
        "  true hits     {} checks: recall@1 {}, recall@5 {} (ranking, any score: {} / {})",
        thousands(report.hits.checks),
        eval::pct(report.hits.recall_at_1),
        eval::pct(report.hits.recall_at_5),
        eval::pct(report.hits.ranked_recall_at_1),
        eval::pct(report.hits.ranked_recall_at_5)
    )?;
    writeln!(
        out,
        "  non-hits      {} checks: false-hit rate {}",
        thousands(report.non_hits.checks),
        eval::pct(report.non_hits.false_hit_rate)
    )?;
    if !report.operating_points.is_empty() {
        let points: Vec<String> = report
            .operating_points
            .iter()
            .map(|p| {
                format!(
                    "{} at {}% false hits",
                    eval::pct(Some(p.recall_at_1)),
                    p.false_hit_rate * 100.0
                )
            })
            .collect();
        writeln!(out, "  trade-off     recall@1 {}", points.join(", "))?;
    }
    if report.errors > 0 {
        writeln!(out, "  failed        {} checks", thousands(report.errors))?;
    }
    write_examples(&mut out, &checks, &run.results)?;
    if let Some(dir) = &a.out {
        write_demo_files(dir, &register, &checks, &run.results, &index)?;
        writeln!(out, "\nfiles written to {}", dir.display())?;
    }
    writeln!(out, "\ndone in {}", secs(started.elapsed()))?;
    Ok(())
}

/// Three correct first hits with different kinds of serial match, the most instructive
/// kinds first (an exact match explains nothing).
fn write_examples(
    out: &mut dyn Write,
    checks: &[Check],
    results: &[armsmatch::Result<Vec<Hit>>],
) -> Result<(), CliError> {
    writeln!(out, "\nexample hits:")?;
    let correct_first = |c: &Check, r: &armsmatch::Result<Vec<Hit>>| -> Option<Hit> {
        let h = r.as_ref().ok()?.first()?;
        (c.truth.label == Label::Hit
            && h.score >= DEFAULT_THRESHOLD
            && c.truth.record_ids.contains(&h.record.id))
        .then(|| h.clone())
    };
    let mut shown = 0;
    for kind in [
        SerialMatch::Fuzzy,
        SerialMatch::Confusable,
        SerialMatch::Partial,
        SerialMatch::Normalized,
        SerialMatch::Exact,
    ] {
        if shown == 3 {
            break;
        }
        let found = checks
            .iter()
            .zip(results)
            .filter_map(|(c, r)| Some((c, correct_first(c, r)?)))
            .find(|(_, h)| h.explanation.serial.kind == kind);
        let Some((c, h)) = found else { continue };
        shown += 1;
        writeln!(
            out,
            "  check {} serial {:?} make {:?} [noise: {}]\n    → record {} serial {:?} make {:?} ({})\n      {}",
            c.query_id,
            c.query.serial,
            c.query.make.as_deref().unwrap_or("-"),
            c.truth.noise.join(", "),
            h.record.id,
            h.record.serial,
            h.record.make.as_deref().unwrap_or("-"),
            h.record.country.as_deref().unwrap_or("-"),
            h.explanation
        )?;
    }
    if shown == 0 {
        writeln!(out, "  (none)")?;
    }
    Ok(())
}

fn write_demo_files(
    dir: &Path,
    register: &Register,
    checks: &[Check],
    results: &[armsmatch::Result<Vec<Hit>>],
    index: &Index,
) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    let sp = spinner("writing files");
    synth::write_records_csv(register, &dir.join("records.csv"))?;
    synth::write_queries_csv(checks, &dir.join("queries.csv"))?;
    synth::write_truth_csv(checks, &dir.join("truth.csv"))?;
    let path = dir.join("hits.csv");
    let file = File::create(&path).map_err(io_err(&path))?;
    let mut w = csv::Writer::from_writer(BufWriter::new(file));
    for (c, r) in checks.iter().zip(results) {
        // The evaluation ran at threshold 0; the file holds what `check` would write.
        let Ok(hits) = r else { continue };
        let kept: Vec<Hit> = hits
            .iter()
            .filter(|h| h.score >= DEFAULT_THRESHOLD)
            .cloned()
            .collect();
        for row in HitRow::from_hits(&c.query_id, &kept) {
            w.serialize(row.for_csv())?;
        }
    }
    w.flush().map_err(io_err(&path))?;
    index.save(dir.join("index.armsidx"))?;
    sp.finish_and_clear();
    Ok(())
}

fn generate(a: &GenerateArgs) -> Result<(), CliError> {
    refuse_to_overwrite(&a.out, &DEMO_FILES[..3], a.force)?;
    std::fs::create_dir_all(&a.out).map_err(io_err(&a.out))?;
    let register = a.synth.register();
    let sp = spinner("writing records.csv");
    let n = synth::write_records_csv(&register, &a.out.join("records.csv"))?;
    sp.set_message("generating checks");
    let checks = register.checks();
    synth::write_queries_csv(&checks, &a.out.join("queries.csv"))?;
    synth::write_truth_csv(&checks, &a.out.join("truth.csv"))?;
    sp.finish_and_clear();
    writeln!(
        std::io::stdout().lock(),
        "wrote {} records, {} checks and their labels to {} (records.csv, queries.csv, truth.csv)",
        n,
        checks.len(),
        a.out.display()
    )?;
    Ok(())
}

fn reference(path: &Option<PathBuf>) -> Result<Reference, CliError> {
    let mut r = Reference::embedded().clone();
    if let Some(p) = path {
        r.extend_from_file(p)?;
    }
    Ok(r)
}

fn build_index(
    records: &Path,
    reference: Reference,
    read: ReadOptions,
) -> Result<(Index, ReadReport), CliError> {
    let mut builder = IndexBuilder::with_reference(std::sync::Arc::new(reference));
    let sp = spinner("reading records");
    let report = armsmatch::io::for_each_record(records, read, |r| builder.add(r))?;
    sp.set_message("building the index");
    let index = match builder.build() {
        // The builder knows the id, the file its lines: name them, as every other
        // error in a file is named.
        Err(armsmatch::Error::DuplicateId(id)) => {
            let lines = armsmatch::io::lines_with_record_id(records, read, &id).unwrap_or_default();
            return Err(match lines.as_slice() {
                [first, second, ..] => armsmatch::Error::Parse {
                    path: records.display().to_string(),
                    line: *second,
                    column: "record_id".into(),
                    message: format!(
                        "duplicate record id {id:?} (first at line {first}; which of the two \
                         is the register's is not guessed, --skip-bad-rows or not)"
                    ),
                },
                _ => armsmatch::Error::DuplicateId(id),
            }
            .into());
        }
        built => built?,
    };
    sp.finish_and_clear();
    Ok((index, report))
}

fn print_skipped(report: &ReadReport) {
    if report.read_as_other > 0 {
        eprintln!(
            "armsmatch: {} records have a type or status it does not know, read as \"other\" \
             (types: pistol, revolver, rifle, shotgun, submachine gun, machine gun; statuses: \
             lost, stolen, trafficked, smuggled)",
            report.read_as_other
        );
    }
    if report.fields_dropped > 0 {
        eprintln!(
            "armsmatch: {} records went in without a field that could not be read; the first {}:",
            report.fields_dropped,
            report.dropped.len()
        );
        for e in &report.dropped {
            eprintln!("  {e}");
        }
    }
    if report.skipped > 0 {
        eprintln!(
            "skipped {} malformed rows; the first {}:",
            report.skipped,
            report.errors.len()
        );
        for e in &report.errors {
            eprintln!("  {e}");
        }
    }
}

fn build(a: &BuildArgs) -> Result<(), CliError> {
    let t = Instant::now();
    let read = ReadOptions {
        skip_bad_rows: a.skip_bad_rows,
        encoding: a.input.encoding,
    };
    let (index, report) = build_index(&a.records, reference(&a.reference)?, read)?;
    index.save(&a.out)?;
    print_skipped(&report);
    writeln!(
        std::io::stdout().lock(),
        "indexed {} records ({} rows read, {} skipped) into {} in {}",
        index.len(),
        report.rows,
        report.skipped,
        a.out.display(),
        secs(t.elapsed())
    )?;
    Ok(())
}

/// A JSON Lines hit with the record and its full explanation.
#[derive(Serialize)]
struct ExplainedHit<'a> {
    #[serde(flatten)]
    row: &'a HitRow,
    record: &'a armsmatch::Record,
    explanation: &'a armsmatch::Explanation,
    /// The explanation as one readable line.
    why: String,
}

/// Where hits go: a file or standard output, movable to the pool thread that writes.
type Sink = Box<dyn Write + Send>;

/// Writes the hits of each check, in input order, in one of the formats.
enum HitWriter {
    // Boxed: the csv writer carries its state inline and there is one writer per run.
    Csv(Box<csv::Writer<Sink>>),
    Jsonl { out: BufWriter<Sink>, explain: bool },
    Text { out: BufWriter<Sink>, explain: bool },
}

impl HitWriter {
    fn new(format: Format, explain: bool, sink: Sink) -> Result<HitWriter, CliError> {
        Ok(match format {
            Format::Csv => {
                // The header is written even when no check hits, so the file always
                // parses as a hits file.
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(sink);
                w.write_record(HitRow::COLUMNS)?;
                HitWriter::Csv(Box::new(w))
            }
            Format::Jsonl => HitWriter::Jsonl {
                out: BufWriter::new(sink),
                explain,
            },
            Format::Text => HitWriter::Text {
                out: BufWriter::new(sink),
                explain,
            },
        })
    }

    fn write(&mut self, row: &QueryRow, hits: &[Hit]) -> Result<(), CliError> {
        let flat = HitRow::from_hits(&row.query_id, hits);
        match self {
            HitWriter::Csv(w) => {
                for r in &flat {
                    w.serialize(r.for_csv())?;
                }
            }
            HitWriter::Jsonl { out, explain } => {
                for (r, h) in flat.iter().zip(hits) {
                    if *explain {
                        let e = ExplainedHit {
                            row: r,
                            record: &h.record,
                            explanation: &h.explanation,
                            why: h.explanation.to_string(),
                        };
                        serde_json::to_writer(&mut *out, &e).map_err(json_err)?;
                    } else {
                        serde_json::to_writer(&mut *out, r).map_err(json_err)?;
                    }
                    out.write_all(b"\n")?;
                }
            }
            HitWriter::Text { out, explain } => {
                writeln!(
                    out,
                    "check {} serial {:?}: {} hit(s)",
                    row.query_id,
                    row.query.serial,
                    hits.len()
                )?;
                for (r, h) in flat.iter().zip(hits) {
                    writeln!(
                        out,
                        "  {}. {} serial {:?} make {} model {} calibre {} ({}, {}) score {:.3}",
                        r.rank,
                        h.record.id,
                        h.record.serial,
                        h.record.make.as_deref().unwrap_or("-"),
                        h.record.model.as_deref().unwrap_or("-"),
                        h.record.calibre.as_deref().unwrap_or("-"),
                        h.record.country.as_deref().unwrap_or("-"),
                        h.record.status.map_or("-", |s| s.as_str()),
                        h.score
                    )?;
                    if *explain {
                        writeln!(out, "     {}", h.explanation)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), CliError> {
        match self {
            HitWriter::Csv(mut w) => w.flush()?,
            HitWriter::Jsonl { mut out, .. } | HitWriter::Text { mut out, .. } => out.flush()?,
        }
        Ok(())
    }
}

fn check(a: &CheckArgs) -> Result<(), CliError> {
    if let Some(dir) = &a.notify {
        // Files of an earlier run would read as this run's notifications.
        if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
            return Err(CliError::Usage(format!(
                "--notify {}: the directory is not empty (an earlier run's files would read \
                 as this run's); give a new or empty directory",
                dir.display()
            )));
        }
    }
    let pool = pool(a.threads)?;
    let index = Index::open(&a.index)?;
    let opts = CheckOptions {
        max_edits: a.max_edits,
        top: a.top,
        threshold: a.threshold.unwrap_or(DEFAULT_THRESHOLD),
        serial_only: false,
    };
    // Rows of the queries file that could not be read (skipped with --skip-bad-rows).
    let mut unreadable = 0u64;
    let rows: Vec<QueryRow> = match (&a.queries, &a.serial) {
        (Some(path), _) => {
            let read = ReadOptions {
                skip_bad_rows: a.skip_bad_rows,
                encoding: a.input.encoding,
            };
            let (rows, report) = armsmatch::io::read_queries(path, read)?;
            print_skipped(&report);
            unreadable = report.skipped;
            warn_duplicate_ids(&rows);
            rows
        }
        (None, Some(serial)) => vec![QueryRow {
            query_id: "1".into(),
            query: Query {
                serial: serial.clone(),
                make: a.make.clone(),
                model: a.model.clone(),
                calibre: a.calibre.clone(),
                country: a.country.clone(),
            },
        }],
        // clap requires one of the two; kept for a clear message should that change.
        (None, None) => {
            return Err(CliError::Usage(
                "give --queries FILE or --serial SERIAL".into(),
            ))
        }
    };
    // A check without a usable serial (empty, `UNK`, `000000`) is compared by make,
    // model and calibre with the records that have none: say so, as it finds little.
    let serial_less = rows
        .iter()
        .filter(|r| {
            // A pattern of wildcards alone is refused as a check, not compared.
            armsmatch::is_placeholder_serial(&r.query.serial)
                && !r.query.serial.contains(['*', '?'])
        })
        .count();
    if serial_less > 0 {
        let what = if a.queries.is_some() {
            format!("{serial_less} checks have")
        } else {
            "the check has".to_string()
        };
        eprintln!(
            "armsmatch: note: {what} no usable serial (empty or a placeholder such as UNK): \
             compared by make, model and calibre with the records that have none"
        );
    }
    let sink: Sink = match a.out.as_deref().filter(|p| !register_cmds::is_stdout(p)) {
        Some(p) => Box::new(File::create(p).map_err(io_err(p))?),
        None => Box::new(std::io::stdout()),
    };
    if a.explain && matches!(a.format, Format::Csv) {
        return Err(CliError::Usage(
            "--explain needs --format jsonl or text (the hits CSV has fixed columns)".into(),
        ));
    }
    let mut writer = HitWriter::new(a.format, a.explain, sink)?;
    let (mut failed, mut skipped) = (0u64, 0u64);
    let (mut with_hit, mut hits_written) = (0u64, 0u64);
    let mut write_error: Option<CliError> = None;
    let mut notify: Vec<(usize, Hit)> = Vec::new();
    let pb = bar(rows.len() as u64, "checking");
    // Chunks are checked in parallel on the pool and written in input order by the one
    // thread running `check_each`: memory stays bounded by one chunk of results whatever
    // the number of checks.
    pool.install(|| {
        index.check_each(
            rows.iter().map(|r| r.query.clone()),
            &opts,
            4096,
            |i, res| {
                pb.inc(1);
                let row = &rows[i];
                match res {
                    Err(e) => {
                        // Reported and counted; the other checks go on. With
                        // --skip-bad-rows a check refused for its input (a mostly-wildcard
                        // serial, a field over the limits) is a bad row, skipped as the
                        // Python binding's errors="skip" skips it.
                        if a.skip_bad_rows {
                            pb.suspend(|| eprintln!("check {}: skipped: {e}", row.query_id));
                            skipped += 1;
                        } else {
                            pb.suspend(|| eprintln!("check {}: {e}", row.query_id));
                            failed += 1;
                        }
                        true
                    }
                    Ok(hits) => match writer.write(row, &hits) {
                        Ok(()) => {
                            with_hit += u64::from(!hits.is_empty());
                            hits_written += hits.len() as u64;
                            if a.notify.is_some() {
                                notify.extend(hits.into_iter().map(|h| (i, h)));
                            }
                            true
                        }
                        Err(e) => {
                            write_error = Some(e);
                            false
                        }
                    },
                }
            },
        )
    });
    pb.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e);
    }
    writer.finish()?;
    if let Some(dir) = &a.notify {
        let mut err = std::io::stderr().lock();
        register_cmds::run_notify(
            dir,
            notify
                .iter()
                .map(|(i, h)| (rows[*i].query_id.as_str(), &rows[*i].query, h)),
            &mut err,
        )?;
    }
    if a.queries.is_some() {
        // A bulk run says what it did (on standard error: the hits may be on standard
        // output).
        eprintln!(
            "armsmatch: {} checks, {with_hit} with a hit at or above {} ({hits_written} hits written{}), {}",
            rows.len() as u64 - skipped,
            opts.threshold,
            match a.out.as_deref().filter(|p| !register_cmds::is_stdout(p)) {
                Some(p) => format!(" to {}", p.display()),
                None => String::new(),
            },
            if a.skip_bad_rows {
                format!(
                    "{} skipped as bad rows ({unreadable} unreadable, {skipped} refused as checks)",
                    unreadable + skipped
                )
            } else {
                format!("{failed} failed")
            }
        );
    }
    if failed > 0 {
        return Err(CliError::Data(format!(
            "{failed} of {} checks failed (see above); the others were written",
            rows.len()
        )));
    }
    Ok(())
}

/// Warns of query ids used by more than one check ([`armsmatch::io::repeated_query_ids`]).
fn warn_duplicate_ids(rows: &[QueryRow]) {
    if let Some(m) = armsmatch::io::repeated_query_ids(rows.iter().map(|r| r.query_id.as_str())) {
        eprintln!("armsmatch: {m}");
    }
}

/// Takes the update lock of an index file: an exclusive lock on `<index>.lock` beside
/// it, held until the returned file is dropped. `add` and `remove` read the whole index,
/// change it and rename a new file over it; two at once would each save their own
/// change and the later rename would drop the other's. The lock makes the second wait.
/// The lock file stays (removing it would race with a waiting writer).
fn lock_for_update(index: &Path) -> Result<std::fs::File, CliError> {
    let mut name = index
        .file_name()
        .ok_or_else(|| CliError::Usage(format!("{} is not a file name", index.display())))?
        .to_os_string();
    name.push(".lock");
    let path = index.with_file_name(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err(&path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "armsmatch: waiting for another add or remove on {}",
                index.display()
            );
            file.lock().map_err(io_err(&path))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io_err(&path)(e)),
    }
    Ok(file)
}

fn add(a: &AddArgs) -> Result<(), CliError> {
    let _writer = lock_for_update(&a.index)?;
    let index = Index::open(&a.index)?;
    let before = index.len();
    let report = armsmatch::io::for_each_record(
        &a.records,
        ReadOptions {
            skip_bad_rows: a.skip_bad_rows,
            encoding: a.input.encoding,
        },
        |r| index.insert(r),
    )?;
    // Saved only when every row went in (or was skipped on request): a failed add
    // leaves the file as it was.
    index.save(&a.index)?;
    print_skipped(&report);
    writeln!(
        std::io::stdout().lock(),
        "added {} records ({} rows read, {} skipped); {} records in {}",
        index.len() - before,
        report.rows,
        report.skipped,
        index.len(),
        a.index.display()
    )?;
    Ok(())
}

fn remove(a: &RemoveArgs) -> Result<(), CliError> {
    let _writer = lock_for_update(&a.index)?;
    let index = Index::open(&a.index)?;
    for id in &a.ids {
        index.remove(id)?;
    }
    index.save(&a.index)?;
    writeln!(
        std::io::stdout().lock(),
        "removed {} records; {} records in {}",
        a.ids.len(),
        index.len(),
        a.index.display()
    )?;
    Ok(())
}

fn info(a: &InfoArgs) -> Result<(), CliError> {
    let path = a
        .index
        .as_ref()
        .or(a.index_opt.as_ref())
        .ok_or_else(|| CliError::Usage("give the index file".into()))?;
    let index = Index::open(path)?;
    let info = index.info();
    if a.json || a.format == InfoFormat::Json {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string_pretty(&info).map_err(json_err)?
        )?;
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "index       {}", path.display())?;
    writeln!(out, "records     {}", thousands(info.records))?;
    if info.live_added + info.live_removed > 0 {
        writeln!(
            out,
            "  live      {} added, {} removed since the last compaction",
            thousands(info.live_added),
            thousands(info.live_removed)
        )?;
    }
    writeln!(out, "serial keys {}", thousands(info.keys))?;
    writeln!(out, "no serial   {}", thousands(info.no_serial))?;
    writeln!(
        out,
        "reference   {} (format version {})",
        info.reference_version, info.format_version
    )?;
    writeln!(
        out,
        "{:<12} {:>14} {:>12} {:>10}",
        "section", "bytes", "B/record", "B/key"
    )?;
    for (k, v) in &info.bytes {
        writeln!(
            out,
            "{:<12} {:>14} {:>12.2} {:>10.2}",
            k,
            thousands(*v),
            *v as f64 / info.base_records.max(1) as f64,
            *v as f64 / info.keys.max(1) as f64
        )?;
    }
    Ok(())
}

fn eval_cmd(a: &EvalArgs) -> Result<(), CliError> {
    let pool = pool(a.threads)?;
    let read = ReadOptions {
        encoding: a.input.encoding,
        ..ReadOptions::default()
    };
    let (rows, report) = armsmatch::io::read_queries(&a.queries, read)?;
    print_skipped(&report);
    let mut truth: std::collections::HashMap<String, Truth> = std::collections::HashMap::new();
    for (id, t) in synth::read_truth_csv(&a.truth)? {
        if truth.insert(id.clone(), t).is_some() {
            return Err(CliError::Data(format!(
                "{}: check {id} is labelled twice",
                a.truth.display()
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(r) = rows.iter().find(|r| !seen.insert(r.query_id.as_str())) {
        return Err(CliError::Data(format!(
            "{}: check id {} appears twice (its label would apply to both)",
            a.queries.display(),
            r.query_id
        )));
    }
    let unused = truth
        .keys()
        .filter(|id| !seen.contains(id.as_str()))
        .count();
    if unused > 0 {
        eprintln!(
            "armsmatch: warning: {unused} labels in {} name no check in {} (ignored)",
            a.truth.display(),
            a.queries.display()
        );
    }
    if !truth.is_empty() && truth.values().all(|t| t.noise.is_empty()) {
        eprintln!(
            "armsmatch: note: {} gives no noise kinds (no column named noise, noise_kind, \
             corruption, category, … was found): the table by kind is left empty",
            a.truth.display()
        );
    }
    let checks = rows
        .into_iter()
        .map(|r| match truth.get(&r.query_id) {
            Some(t) => Ok(Check {
                query_id: r.query_id,
                query: r.query,
                truth: t.clone(),
            }),
            None => Err(CliError::Data(format!(
                "{}: check {} has no label in {}",
                a.queries.display(),
                r.query_id,
                a.truth.display()
            ))),
        })
        .collect::<Result<Vec<Check>, CliError>>()?;
    let index = match (&a.index, &a.records) {
        (Some(p), _) => Index::open(p)?,
        (None, Some(r)) => {
            pool.install(|| build_index(r, Reference::embedded().clone(), read))?
                .0
        }
        (None, None) => return Err(CliError::Usage("give --records or --index".into())),
    };
    // A labelled record missing from the index is a true hit no check can find: say so,
    // or a stale truth file reads as missed hits.
    let absent: std::collections::BTreeSet<&str> = checks
        .iter()
        .flat_map(|c| c.truth.record_ids.iter())
        .map(String::as_str)
        .filter(|id| !index.contains(id))
        .collect();
    if !absent.is_empty() {
        eprintln!(
            "armsmatch: warning: {} labelled record ids are not in the index (e.g. {}); \
             their checks count as missed",
            absent.len(),
            absent
                .iter()
                .take(3)
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let opts = EvalOptions {
        threshold: a.threshold.unwrap_or(DEFAULT_THRESHOLD),
        max_edits: a.max_edits,
    };
    let report: EvalReport = pool.install(|| eval::evaluate(&index, &checks, &opts));
    // The JSON file first: it is written even when standard output is closed early.
    if let Some(p) = &a.json {
        let text = serde_json::to_string_pretty(&report).map_err(json_err)?;
        std::fs::write(p, text + "\n").map_err(io_err(p))?;
    }
    write!(std::io::stdout().lock(), "{}", report.to_text())?;
    Ok(())
}
