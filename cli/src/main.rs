//! `armsmatch`: bulk firearm hit detection from the command line.
//!
//! Exit codes: 0 ok; 1 usage error; 2 data error (a bad input file, a bad check, a
//! damaged index); 3 I/O error (a missing file, no permission, a full disk).

mod eval;
mod register_cmds;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use armsmatch::io::{HitRow, QueryRow, ReadOptions};
use armsmatch::synth::{self, Label, Register, SynthConfig, Truth};
use armsmatch::{
    CheckOptions, Hit, Index, IndexBuilder, Query, Reference, SerialMatch, DEFAULT_THRESHOLD,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

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
    Demo(DemoArgs),
    /// Write a synthetic register (records.csv), checks (queries.csv) and labels (truth.csv).
    Generate(GenerateArgs),
    /// Build an index file from a records file (CSV or JSON Lines).
    Build(BuildArgs),
    /// Check firearms against an index.
    Check(CheckArgs),
    /// Add records to an index file (live update, saved atomically).
    Add(AddArgs),
    /// Remove records from an index file by id.
    Remove(RemoveArgs),
    /// Sizes and counts of an index file.
    Info(InfoArgs),
    /// Measure hit quality against labelled checks.
    Eval(EvalArgs),
    /// Register statistics, hits by make and country, trafficking routes, trace figures.
    Stats(register_cmds::StatsArgs),
    /// A self-contained HTML report with charts.
    Report(register_cmds::ReportArgs),
    /// Trace requests: create, send, respond, close, export.
    #[command(subcommand)]
    Trace(register_cmds::TraceCommand),
}

#[derive(Args)]
struct DemoArgs {
    /// Records in the generated register.
    #[arg(long, default_value_t = 1_500_000)]
    records: usize,
    /// Checks to run (a third of them true hits with realistic noise).
    #[arg(long, default_value_t = 10_000)]
    queries: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Keep the files (records, queries, truth, hits, index) in this directory.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Threads for the checks (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Args)]
struct GenerateArgs {
    /// Records in the register.
    #[arg(long, default_value_t = 1_500_000)]
    records: usize,
    /// Checks.
    #[arg(long, default_value_t = 10_000)]
    queries: usize,
    /// Seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Args)]
struct BuildArgs {
    /// Records file (CSV, or JSON Lines if it ends in .jsonl).
    #[arg(long)]
    records: PathBuf,
    /// Index file to write.
    #[arg(long)]
    out: PathBuf,
    /// Reference TOML that extends the embedded one.
    #[arg(long)]
    reference: Option<PathBuf>,
    /// Skip malformed rows (counted and reported) instead of failing.
    #[arg(long)]
    skip_bad_rows: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The hits CSV of DESIGN.md.
    Csv,
    /// One JSON object per hit.
    Jsonl,
    /// For people.
    Text,
}

#[derive(Args)]
struct CheckArgs {
    /// Index file.
    #[arg(long)]
    index: PathBuf,
    /// Checks file (CSV or JSON Lines: query_id,make,model,serial,calibre,country).
    #[arg(long, conflicts_with = "serial")]
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
    /// Hits file to write (default: standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Hits per check.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Lowest score reported.
    #[arg(long)]
    threshold: Option<f32>,
    /// Fixed edit budget (default: AUTO by serial length).
    #[arg(long)]
    max_edits: Option<u8>,
    /// Threads (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Include the full explanation (JSON Lines) or the readable one (text).
    #[arg(long)]
    explain: bool,
    /// Also write one JSON Lines file per reporting country of the hit records here.
    #[arg(long)]
    notify: Option<PathBuf>,
    /// Skip malformed check rows (counted and reported) instead of failing.
    #[arg(long)]
    skip_bad_rows: bool,
}

#[derive(Args)]
struct AddArgs {
    /// Index file (updated in place, atomically).
    #[arg(long)]
    index: PathBuf,
    /// Records file.
    #[arg(long)]
    records: PathBuf,
}

#[derive(Args)]
struct RemoveArgs {
    /// Index file (updated in place, atomically).
    #[arg(long)]
    index: PathBuf,
    /// Record id to remove (repeatable).
    #[arg(long = "id", required = true)]
    ids: Vec<String>,
}

#[derive(Args)]
struct InfoArgs {
    /// Index file.
    index: PathBuf,
    /// JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct EvalArgs {
    /// Records file to index (or use --index).
    #[arg(long, required_unless_present = "index")]
    records: Option<PathBuf>,
    /// An index file instead of --records.
    #[arg(long, conflicts_with = "records")]
    index: Option<PathBuf>,
    /// Checks file.
    #[arg(long)]
    queries: PathBuf,
    /// Labels (query_id,label,noise,record_ids).
    #[arg(long)]
    truth: PathBuf,
    /// Threshold to evaluate at (default: the library's default).
    #[arg(long)]
    threshold: Option<f32>,
    /// Also write the report as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Threads (0 = all cores).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// A failure, by exit code.
#[derive(Debug)]
enum CliError {
    Usage(String),
    Data(String),
    Io(String),
}

impl From<armsmatch::Error> for CliError {
    fn from(e: armsmatch::Error) -> CliError {
        match e {
            armsmatch::Error::Io { .. } => CliError::Io(e.to_string()),
            other => CliError::Data(other.to_string()),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        CliError::Io(e.to_string())
    }
}

impl From<csv::Error> for CliError {
    fn from(e: csv::Error) -> CliError {
        CliError::Io(e.to_string())
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> CliError + '_ {
    move |e| CliError::Io(format!("{}: {e}", path.display()))
}

fn main() -> ExitCode {
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
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let (code, msg) = match e {
                CliError::Usage(m) => (1, m),
                CliError::Data(m) => (2, m),
                CliError::Io(m) => (3, m),
            };
            eprintln!("armsmatch: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Demo(a) => demo(&a),
        Command::Generate(a) => generate(&a),
        Command::Build(a) => build(&a),
        Command::Check(a) => check(&a),
        Command::Add(a) => add(&a),
        Command::Remove(a) => remove(&a),
        Command::Info(a) => info(&a),
        Command::Eval(a) => eval_cmd(&a),
        Command::Stats(a) => Ok(register_cmds::run_stats(&a, &mut stdout)?),
        Command::Report(a) => Ok(register_cmds::run_report(&a, &mut stdout)?),
        Command::Trace(c) => Ok(register_cmds::run_trace(&c, &mut stdout)?),
    }
}

fn pool(threads: usize) -> Result<rayon::ThreadPool, CliError> {
    if threads > 1024 {
        return Err(CliError::Usage(format!(
            "--threads {threads} is more than 1024"
        )));
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| CliError::Io(format!("cannot start threads: {e}")))
}

/// A progress bar on standard error (indicatif hides it when that is not a terminal).
fn bar(len: u64, msg: &str) -> ProgressBar {
    let pb = ProgressBar::new(len);
    pb.set_style(
        ProgressStyle::with_template("{msg:<28} [{bar:30}] {human_pos}/{human_len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.set_message(msg.to_string());
    pb
}

fn spinner(msg: &str) -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    pb.set_message(msg.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// Runs checks in chunks on the pool, with a progress bar; results in input order.
fn run_checks(
    index: &Index,
    queries: &[Query],
    opts: &CheckOptions,
    pool: &rayon::ThreadPool,
) -> (Vec<armsmatch::Result<Vec<Hit>>>, Duration) {
    let pb = bar(queries.len() as u64, "checking");
    let t = Instant::now();
    let mut out = Vec::with_capacity(queries.len());
    for chunk in queries.chunks(512) {
        out.extend(pool.install(|| index.check_many(chunk, opts)));
        pb.inc(chunk.len() as u64);
    }
    pb.finish_and_clear();
    (out, t.elapsed())
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn demo(a: &DemoArgs) -> Result<(), CliError> {
    let started = Instant::now();
    let pool = pool(a.threads)?;
    let register = Register::new(SynthConfig {
        records: a.records,
        queries: a.queries,
        seed: a.seed,
    });
    let pb = bar(a.records as u64, "generating the register");
    let t = Instant::now();
    let mut builder = IndexBuilder::new();
    for (i, r) in register.records().enumerate() {
        builder.add(r)?;
        if i % 8192 == 0 {
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
    let queries: Vec<Query> = checks.iter().map(|c| c.query.clone()).collect();
    // Default checks (top 5, for recall@5): the timing is that of real checks.
    let eval_opts = CheckOptions::default().top(5);
    let (results, took) = run_checks(&index, &queries, &eval_opts, &pool);
    let labelled: Vec<(Truth, armsmatch::Result<Vec<Hit>>)> = checks
        .iter()
        .zip(results)
        .map(|(c, r)| (c.truth.clone(), r))
        .collect();
    let report = eval::evaluate(&labelled, DEFAULT_THRESHOLD);
    let info = index.info();
    let total_bytes = info
        .bytes
        .iter()
        .find(|(k, _)| k == "total")
        .map_or(0, |(_, v)| *v);
    let with_hits = labelled
        .iter()
        .filter(|(_, r)| {
            r.as_ref()
                .is_ok_and(|h| h.iter().any(|x| x.score >= DEFAULT_THRESHOLD))
        })
        .count();
    let threads = pool.current_num_threads();
    let mut out = std::io::stdout().lock();
    let pct = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{:.1}%", 100.0 * v));
    writeln!(out, "armsmatch demo — synthetic register, seed {}", a.seed)?;
    writeln!(
        out,
        "  register        {} records generated in {}, index built in {} ({:.1} B/record, {} MB)",
        thousands(a.records as u64),
        secs(generated),
        secs(built),
        total_bytes as f64 / a.records.max(1) as f64,
        total_bytes / 1_000_000
    )?;
    writeln!(
        out,
        "  checks          {} in {} on {} threads: {} checks/s",
        thousands(queries.len() as u64),
        secs(took),
        threads,
        thousands((queries.len() as f64 / took.as_secs_f64().max(1e-9)) as u64)
    )?;
    writeln!(
        out,
        "  hits            {} checks with a hit at the default threshold {:.2}",
        thousands(with_hits as u64),
        DEFAULT_THRESHOLD
    )?;
    writeln!(
        out,
        "  true hits       {} of {} found at rank 1 (recall@1 {}), in the first 5: {}",
        thousands(
            (report.hits.recall_at_1.unwrap_or(0.0) * report.hits.checks as f64).round() as u64
        ),
        thousands(report.hits.checks),
        pct(report.hits.recall_at_1),
        pct(report.hits.recall_at_5)
    )?;
    writeln!(
        out,
        "  non-hits        {} checks, false-hit rate {}",
        thousands(report.non_hits.checks),
        pct(report.non_hits.false_hit_rate)
    )?;
    writeln!(out, "\nexample hits:")?;
    let mut shown: Vec<SerialMatch> = Vec::new();
    for (c, (_, r)) in checks.iter().zip(&labelled) {
        if shown.len() == 3 || c.truth.label != Label::Hit {
            continue;
        }
        let Ok(hits) = r else { continue };
        let Some(h) = hits.first() else { continue };
        let kind = h.explanation.serial.kind;
        if h.score < DEFAULT_THRESHOLD
            || !c.truth.record_ids.contains(&h.record.id)
            || shown.contains(&kind)
            || kind == SerialMatch::Exact
        {
            continue;
        }
        shown.push(kind);
        writeln!(
            out,
            "  check {} serial {:?} make {:?} [noise: {}]\n    → record {} serial {:?} make {:?} ({})\n      {:.2}  {}",
            c.query_id,
            c.query.serial,
            c.query.make.as_deref().unwrap_or("-"),
            c.truth.noise.join(", "),
            h.record.id,
            h.record.serial,
            h.record.make.as_deref().unwrap_or("-"),
            h.record.country.as_deref().unwrap_or("-"),
            h.score,
            h.explanation
        )?;
    }
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        let sp = spinner("writing files");
        synth::write_records_csv(&register, &dir.join("records.csv"))?;
        synth::write_queries_csv(&checks, &dir.join("queries.csv"))?;
        synth::write_truth_csv(&checks, &dir.join("truth.csv"))?;
        let path = dir.join("hits.csv");
        let mut w = csv::Writer::from_path(&path)?;
        for (c, (_, r)) in checks.iter().zip(&labelled) {
            if let Ok(hits) = r {
                let kept: Vec<Hit> = hits
                    .iter()
                    .filter(|h| h.score >= DEFAULT_THRESHOLD)
                    .cloned()
                    .collect();
                for row in HitRow::from_hits(&c.query_id, &kept) {
                    w.serialize(row)?;
                }
            }
        }
        w.flush().map_err(io_err(&path))?;
        index.save(dir.join("index.armsidx"))?;
        sp.finish_and_clear();
        writeln!(out, "\nfiles written to {}", dir.display())?;
    }
    writeln!(out, "\ndone in {}", secs(started.elapsed()))?;
    Ok(())
}

fn generate(a: &GenerateArgs) -> Result<(), CliError> {
    std::fs::create_dir_all(&a.out).map_err(io_err(&a.out))?;
    let register = Register::new(SynthConfig {
        records: a.records,
        queries: a.queries,
        seed: a.seed,
    });
    let sp = spinner("writing records.csv");
    let n = synth::write_records_csv(&register, &a.out.join("records.csv"))?;
    sp.set_message("generating checks");
    let checks = register.checks();
    synth::write_queries_csv(&checks, &a.out.join("queries.csv"))?;
    synth::write_truth_csv(&checks, &a.out.join("truth.csv"))?;
    sp.finish_and_clear();
    println!(
        "wrote {} records, {} checks and their labels to {}",
        n,
        checks.len(),
        a.out.display()
    );
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
    skip_bad_rows: bool,
) -> Result<(Index, armsmatch::io::ReadReport), CliError> {
    let mut builder = IndexBuilder::with_reference(std::sync::Arc::new(reference));
    let sp = spinner("reading records");
    let report =
        armsmatch::io::for_each_record(records, ReadOptions { skip_bad_rows }, |r| builder.add(r))?;
    sp.set_message("building the index");
    let index = builder.build()?;
    sp.finish_and_clear();
    Ok((index, report))
}

fn print_skipped(report: &armsmatch::io::ReadReport) {
    if report.skipped > 0 {
        eprintln!("skipped {} malformed rows; the first:", report.skipped);
        for e in &report.errors {
            eprintln!("  {e}");
        }
    }
}

fn build(a: &BuildArgs) -> Result<(), CliError> {
    let t = Instant::now();
    let (index, report) = build_index(&a.records, reference(&a.reference)?, a.skip_bad_rows)?;
    index.save(&a.out)?;
    print_skipped(&report);
    println!(
        "indexed {} records ({} rows read, {} skipped) into {} in {}",
        index.len(),
        report.rows,
        report.skipped,
        a.out.display(),
        secs(t.elapsed())
    );
    Ok(())
}

/// A JSON Lines hit with its full explanation.
#[derive(Serialize)]
struct ExplainedHit<'a> {
    #[serde(flatten)]
    row: &'a HitRow,
    record: &'a armsmatch::Record,
    explanation: &'a armsmatch::Explanation,
    why: String,
}

fn check(a: &CheckArgs) -> Result<(), CliError> {
    let pool = pool(a.threads)?;
    let index = Index::open(&a.index)?;
    let opts = CheckOptions {
        max_edits: a.max_edits,
        top: a.top,
        threshold: a.threshold.unwrap_or(DEFAULT_THRESHOLD),
        serial_only: false,
    };
    let rows: Vec<QueryRow> = match (&a.queries, &a.serial) {
        (Some(path), _) => {
            let (rows, report) = armsmatch::io::read_queries(
                path,
                ReadOptions {
                    skip_bad_rows: a.skip_bad_rows,
                },
            )?;
            print_skipped(&report);
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
        (None, None) => {
            return Err(CliError::Usage(
                "give --queries FILE or --serial SERIAL".into(),
            ))
        }
    };
    let sink: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(File::create(p).map_err(io_err(p))?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    // CSV rows go through a csv writer over a scratch buffer, copied to `out` per check.
    let mut csv_out = (a.format == Format::Csv).then(|| {
        csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new())
    });
    if let Some(w) = csv_out.as_mut() {
        w.write_record(HitRow::COLUMNS)?;
    }
    let mut failed = 0u64;
    let mut write_error: Option<CliError> = None;
    let mut notify: Vec<(String, Query, Hit)> = Vec::new();
    let pb = bar(rows.len() as u64, "checking");
    // Chunks checked in parallel on the pool, written in input order on this thread:
    // memory stays bounded by one chunk whatever the number of checks.
    'chunks: for (c, chunk) in rows.chunks(4096).enumerate() {
        let queries: Vec<Query> = chunk.iter().map(|r| r.query.clone()).collect();
        let results = pool.install(|| index.check_many(&queries, &opts));
        for (j, res) in results.into_iter().enumerate() {
            let i = c * 4096 + j;
            let go_on = (|| {
                pb.inc(1);
                let row = &rows[i];
                let hits = match res {
                    Ok(h) => h,
                    Err(e) => {
                        eprintln!("check {}: {e}", row.query_id);
                        failed += 1;
                        return true;
                    }
                };
                let result: Result<(), CliError> = (|| {
                    let flat = HitRow::from_hits(&row.query_id, &hits);
                    match a.format {
                        Format::Csv => {
                            if let Some(w) = csv_out.take() {
                                let mut w = w;
                                for r in &flat {
                                    w.serialize(r)?;
                                }
                                let bytes =
                                    w.into_inner().map_err(|e| CliError::Io(e.to_string()))?;
                                out.write_all(&bytes)?;
                                csv_out = Some(
                                    csv::WriterBuilder::new()
                                        .has_headers(false)
                                        .from_writer(Vec::new()),
                                );
                            }
                        }
                        Format::Jsonl => {
                            for (r, h) in flat.iter().zip(&hits) {
                                let line = if a.explain {
                                    serde_json::to_string(&ExplainedHit {
                                        row: r,
                                        record: &h.record,
                                        explanation: &h.explanation,
                                        why: h.explanation.to_string(),
                                    })
                                } else {
                                    serde_json::to_string(r)
                                }
                                .map_err(|e| CliError::Data(e.to_string()))?;
                                writeln!(out, "{line}")?;
                            }
                        }
                        Format::Text => {
                            writeln!(
                                out,
                                "check {} serial {:?}: {} hit(s)",
                                row.query_id,
                                row.query.serial,
                                hits.len()
                            )?;
                            for (r, h) in flat.iter().zip(&hits) {
                                writeln!(
                                    out,
                                    "  {}. {} serial {:?} make {} ({}) score {:.3}",
                                    r.rank,
                                    h.record.id,
                                    h.record.serial,
                                    h.record.make.as_deref().unwrap_or("-"),
                                    h.record.country.as_deref().unwrap_or("-"),
                                    h.score
                                )?;
                                if a.explain {
                                    writeln!(out, "     {}", h.explanation)?;
                                }
                            }
                        }
                    }
                    if a.notify.is_some() {
                        for h in hits {
                            notify.push((row.query_id.clone(), row.query.clone(), h));
                        }
                    }
                    Ok(())
                })();
                match result {
                    Ok(()) => true,
                    Err(e) => {
                        write_error = Some(e);
                        false
                    }
                }
            })();
            if !go_on {
                break 'chunks;
            }
        }
    }
    pb.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e);
    }
    out.flush()?;
    if let Some(dir) = &a.notify {
        let mut err = std::io::stderr().lock();
        register_cmds::run_notify(
            dir,
            notify.iter().map(|(id, q, h)| (id.as_str(), q, h)),
            &mut err,
        )?;
    }
    if failed > 0 {
        return Err(CliError::Data(format!(
            "{failed} of {} checks failed (see above); the others were written",
            rows.len()
        )));
    }
    Ok(())
}

fn add(a: &AddArgs) -> Result<(), CliError> {
    let index = Index::open(&a.index)?;
    let mut n = 0u64;
    armsmatch::io::for_each_record(&a.records, ReadOptions::default(), |r| {
        index.insert(r)?;
        n += 1;
        Ok(())
    })?;
    index.save(&a.index)?;
    println!(
        "added {n} records; {} records in {}",
        index.len(),
        a.index.display()
    );
    Ok(())
}

fn remove(a: &RemoveArgs) -> Result<(), CliError> {
    let index = Index::open(&a.index)?;
    for id in &a.ids {
        index.remove(id)?;
    }
    index.save(&a.index)?;
    println!(
        "removed {} records; {} records in {}",
        a.ids.len(),
        index.len(),
        a.index.display()
    );
    Ok(())
}

fn info(a: &InfoArgs) -> Result<(), CliError> {
    let index = Index::open(&a.index)?;
    let info = index.info();
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&info).map_err(|e| CliError::Data(e.to_string()))?
        );
        return Ok(());
    }
    println!("index       {}", a.index.display());
    println!("records     {}", thousands(info.records));
    println!("serial keys {}", thousands(info.keys));
    println!("no serial   {}", thousands(info.no_serial));
    println!(
        "reference   {} (format version {})",
        info.reference_version, info.format_version
    );
    println!(
        "{:<12} {:>14} {:>12} {:>10}",
        "section", "bytes", "B/record", "B/key"
    );
    for (k, v) in &info.bytes {
        println!(
            "{:<12} {:>14} {:>12.2} {:>10.2}",
            k,
            thousands(*v),
            *v as f64 / info.base_records.max(1) as f64,
            *v as f64 / info.keys.max(1) as f64
        );
    }
    Ok(())
}

fn eval_cmd(a: &EvalArgs) -> Result<(), CliError> {
    let pool = pool(a.threads)?;
    let index = match (&a.index, &a.records) {
        (Some(p), _) => Index::open(p)?,
        (None, Some(r)) => build_index(r, Reference::embedded().clone(), false)?.0,
        (None, None) => return Err(CliError::Usage("give --records or --index".into())),
    };
    let (rows, _) = armsmatch::io::read_queries(&a.queries, ReadOptions::default())?;
    let truth: std::collections::HashMap<String, Truth> =
        synth::read_truth_csv(&a.truth)?.into_iter().collect();
    let mut queries = Vec::new();
    let mut labels = Vec::new();
    for r in rows {
        let Some(t) = truth.get(&r.query_id) else {
            return Err(CliError::Data(format!(
                "{}: check {} has no label in {}",
                a.queries.display(),
                r.query_id,
                a.truth.display()
            )));
        };
        labels.push(t.clone());
        queries.push(r.query);
    }
    let opts = CheckOptions::default().threshold(0.0).top(5);
    let (results, _) = run_checks(&index, &queries, &opts, &pool);
    let labelled: Vec<_> = labels.into_iter().zip(results).collect();
    let threshold = a.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(CliError::Usage(format!(
            "--threshold {threshold} is not between 0 and 1"
        )));
    }
    let report = eval::evaluate(&labelled, threshold);
    print!("{}", report.to_text());
    if let Some(p) = &a.json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| CliError::Data(e.to_string()))?;
        std::fs::write(p, text).map_err(io_err(p))?;
    }
    Ok(())
}
