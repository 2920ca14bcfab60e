//! Results of a bulk run, the issue's targets, and the Markdown and JSON they are
//! written as.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::measure::{Machine, Rate};

/// Workload names (also the JSON keys).
pub mod workload {
    /// Exact and normalized lookups.
    pub const EXACT: &str = "exact / normalized";
    /// Fixed budget k = 1.
    pub const K1: &str = "fuzzy k=1";
    /// Fixed budget k = 2.
    pub const K2: &str = "fuzzy k=2";
    /// 1–3 `?`.
    pub const WILD_ONE: &str = "partial ?×1–3";
    /// `*` prefix or suffix.
    pub const WILD_STAR: &str = "partial * (≥4 known)";
    /// The full default check.
    pub const FULL: &str = "full default check";
}

/// Engine names.
pub mod engine {
    /// `Index::check` with a fixed budget, serial only.
    pub const ARMSMATCH: &str = "armsmatch `check` (serial-only)";
    /// `Index::check_many` with default options.
    pub const ARMSMATCH_MANY: &str = "armsmatch `check_many` (defaults)";
    /// `fst::Set` + `levenshtein_automata`.
    pub const LEVENSHTEIN: &str = "baseline: `fst::Set` + `levenshtein_automata`";
    /// Brute-force scan of every key.
    pub const BRUTE: &str = "brute-force scan of all keys";
    /// Bare `fst::Map::get` of a pre-normalized key.
    pub const FLOOR: &str = "floor: bare `fst::Map::get` (pre-normalized key)";
    /// `fst::Map::get` after computing the skeleton.
    pub const FLOOR_NORM: &str = "skeleton + `fst::Map::get`";
    /// `raw::fuzzy_walk_split` forward and reversed, as `Index::check` runs them, over
    /// maps with values like the index's.
    pub const RAW_SPLIT: &str = "diag: `raw` split walks fwd+rev, index-like maps (walk only)";
    /// One `raw::fuzzy_walk` over the baseline's set.
    pub const RAW_ONE: &str = "diag: one `raw::fuzzy_walk` over the baseline's set";
}

/// The reference engine a workload's ratios are computed against.
pub fn reference_engine(workload: &str) -> Option<&'static str> {
    match workload {
        workload::EXACT => Some(engine::FLOOR),
        workload::K1 | workload::K2 => Some(engine::LEVENSHTEIN),
        workload::WILD_ONE | workload::WILD_STAR => Some(engine::BRUTE),
        _ => None,
    }
}

/// One throughput measurement of one engine on one workload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RateRow {
    /// Workload name ([`workload`]).
    pub workload: String,
    /// Engine name ([`engine`]).
    pub engine: String,
    /// The best measurement of the repetitions.
    pub rate: Rate,
    /// Queries/s of every repetition, in order.
    #[serde(default)]
    pub samples: Vec<f64>,
}

/// Recall of armsmatch and parity of the baseline against the brute-force truth.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RecallRow {
    /// Workload name.
    pub workload: String,
    /// Queries sampled.
    pub queries: u64,
    /// Queries left out: armsmatch returned `MAX_TOP` hits (truncated) or refused the
    /// check (too many candidates).
    pub excluded: u64,
    /// Keys the brute force found (over the queries kept).
    pub truth_keys: u64,
    /// Of those, keys armsmatch's hits matched through.
    pub armsmatch_keys: u64,
    /// Queries where armsmatch's key set equals the brute force's.
    pub armsmatch_equal: u64,
    /// Queries where the baseline's key set equals the brute force's (fuzzy only).
    pub baseline_equal: Option<u64>,
}

impl RecallRow {
    /// armsmatch's recall, in [0, 1] (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        if self.truth_keys == 0 {
            1.0
        } else {
            self.armsmatch_keys as f64 / self.truth_keys as f64
        }
    }

    /// True if armsmatch found exactly the truth for every kept query and the baseline
    /// (if any) did too.
    pub fn perfect(&self) -> bool {
        let kept = self.queries - self.excluded;
        self.armsmatch_equal == kept && self.baseline_equal.is_none_or(|b| b == kept)
    }
}

/// The build phase of one size.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildResult {
    /// Seconds spent generating synthetic records (not part of the build).
    pub generate_secs: f64,
    /// Seconds in `IndexBuilder::add`.
    pub add_secs: f64,
    /// Seconds in `IndexBuilder::build`.
    pub finish_secs: f64,
    /// Seconds in `Index::save`.
    pub save_secs: f64,
    /// Peak RSS when the index was built (before saving), bytes.
    pub peak_rss_build: u64,
    /// Peak RSS after saving, bytes.
    pub peak_rss_save: u64,
    /// Size of the saved file, bytes.
    pub file_bytes: u64,
    /// Records indexed.
    pub records: u64,
    /// Distinct serial skeleton keys.
    pub keys: u64,
    /// Bytes per section (from `Index::info`).
    pub sections: Vec<(String, u64)>,
}

impl BuildResult {
    /// Build time: `add` + `build` (generation excluded).
    pub fn build_secs(&self) -> f64 {
        self.add_secs + self.finish_secs
    }

    /// Bytes of one section.
    pub fn section(&self, name: &str) -> u64 {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, v)| *v)
    }
}

/// Peak memory of a process that opens the index and runs every armsmatch workload once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RssResult {
    /// Peak RSS after `Index::open`, bytes (the verified, memory-mapped file is resident).
    pub after_open: u64,
    /// Peak RSS after the checks, bytes.
    pub after_checks: u64,
}

/// The query phase of one size.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QueryResult {
    /// Fastest of three `Index::open` calls, seconds (warm page cache).
    pub open_secs: f64,
    /// The first `Index::open`, seconds.
    pub open_first_secs: f64,
    /// Throughput rows.
    pub rows: Vec<RateRow>,
    /// Recall rows.
    pub recall: Vec<RecallRow>,
}

impl QueryResult {
    /// The row of an engine on a workload at a thread count.
    pub fn row(&self, workload: &str, engine: &str, threads: usize) -> Option<&RateRow> {
        self.rows
            .iter()
            .find(|r| r.workload == workload && r.engine == engine && r.rate.threads == threads)
    }

    /// The rate of an engine on a workload at a thread count.
    pub fn rate(&self, workload: &str, engine: &str, threads: usize) -> Option<f64> {
        self.row(workload, engine, threads).map(|r| r.rate.per_sec)
    }
}

/// Sizes of the baseline's FSTs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct KeysResult {
    /// Distinct skeleton keys.
    pub keys: u64,
    /// Bytes of key text.
    pub key_bytes: u64,
    /// Baseline `fst::Set` bytes.
    pub set_bytes: u64,
    /// Floor `fst::Map` bytes.
    pub floor_bytes: u64,
    /// Seconds to collect the keys (generation included).
    pub secs: f64,
}

/// Everything measured at one register size.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SizeResult {
    /// Records.
    pub records: usize,
    /// Baseline key set.
    pub keys: KeysResult,
    /// Build phase.
    pub build: BuildResult,
    /// Query-memory phase.
    pub rss: RssResult,
    /// Query phase.
    pub query: QueryResult,
    /// 1-minute load average before the query phase (other work on the machine).
    pub load_before_query: Option<f64>,
    /// 1-minute load average after the query phase.
    pub load_after_query: Option<f64>,
}

/// The `armsmatch demo` run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DemoResult {
    /// The command run.
    pub command: String,
    /// Wall seconds.
    pub secs: f64,
    /// Exit status was success.
    pub ok: bool,
    /// Its standard output.
    pub output: String,
}

/// A rate over its workload's reference rate, at the same thread count, same process.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ratio {
    /// Records.
    pub records: usize,
    /// Workload.
    pub workload: String,
    /// Engine.
    pub engine: String,
    /// Reference engine.
    pub reference: String,
    /// Threads.
    pub threads: usize,
    /// Rate ÷ reference rate.
    pub ratio: f64,
}

/// One target of the issue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    /// What is measured.
    pub name: String,
    /// The goal.
    pub goal: String,
    /// The measured value.
    pub measured: String,
    /// Met, missed, or not measured in this run.
    pub met: Option<bool>,
}

/// A whole bulk run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// The exact command.
    pub command: String,
    /// UTC date of the run (YYYY-MM-DD).
    pub date: String,
    /// The machine.
    pub machine: Machine,
    /// Smoke mode (tiny sizes; numbers mean nothing).
    pub smoke: bool,
    /// Thread counts measured.
    pub threads: Vec<usize>,
    /// Queries per workload set.
    pub queries: usize,
    /// Minimum seconds per throughput measurement.
    pub min_secs: f64,
    /// Repetitions per row (the best is reported).
    pub reps: usize,
    /// Queries sampled for recall.
    pub recall_queries: usize,
    /// Generator seed.
    pub seed: u64,
    /// Per size.
    pub sizes: Vec<SizeResult>,
    /// The demo, if timed.
    pub demo: Option<DemoResult>,
    /// Targets, evaluated.
    pub targets: Vec<Target>,
    /// Every rate over its workload's reference.
    pub ratios: Vec<Ratio>,
    /// Hand-written notes appended to the Markdown (profiles of missed targets).
    pub notes: Option<String>,
}

const GIB: f64 = (1u64 << 30) as f64;
const MIB: f64 = (1u64 << 20) as f64;

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A rate for a table: thousands separators above 100, two significant decimals below.
fn qps(x: f64) -> String {
    if x >= 100.0 {
        thousands(x.round() as u64)
    } else if x >= 1.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.3}")
    }
}

fn records_label(n: usize) -> String {
    if n >= 1_000_000 && n % 100_000 == 0 {
        format!("{} M", n as f64 / 1e6)
    } else {
        thousands(n as u64)
    }
}

impl Report {
    /// The size the "10 M" targets are judged at: the largest measured.
    fn big(&self) -> Option<&SizeResult> {
        self.sizes.iter().max_by_key(|s| s.records)
    }

    /// The size the "1.5 M" targets are judged at: the one nearest 1.5 M.
    fn iarms(&self) -> Option<&SizeResult> {
        self.sizes
            .iter()
            .min_by_key(|s| s.records.abs_diff(1_500_000))
    }

    /// Computes [`Report::ratios`] from the rows.
    pub fn compute_ratios(&mut self) {
        let mut out = Vec::new();
        for s in &self.sizes {
            for r in &s.query.rows {
                let Some(reference) = reference_engine(&r.workload) else {
                    continue;
                };
                if r.engine == reference {
                    continue;
                }
                if let Some(base) = s.query.rate(&r.workload, reference, r.rate.threads) {
                    out.push(Ratio {
                        records: s.records,
                        workload: r.workload.clone(),
                        engine: r.engine.clone(),
                        reference: reference.to_string(),
                        threads: r.rate.threads,
                        ratio: r.rate.per_sec / base,
                    });
                }
            }
        }
        self.ratios = out;
    }

    /// Evaluates the issue's targets on the measured sizes.
    pub fn evaluate_targets(&mut self) {
        let mut t = Vec::new();
        let max_threads = self.threads.iter().copied().max().unwrap_or(1);
        let mut target = |name: String,
                          goal: &str,
                          measured: Option<f64>,
                          fmt: &dyn Fn(f64) -> String,
                          ok: &dyn Fn(f64) -> bool| {
            t.push(Target {
                name,
                goal: goal.to_string(),
                measured: measured.map_or_else(|| "not measured".to_string(), fmt),
                met: measured.map(ok),
            });
        };
        let times = |x: f64| format!("{x:.1}×");
        if let Some(big) = self.big() {
            let at = records_label(big.records);
            let q = &big.query;
            let ratio = |w: &str, e: &str, r: &str| Some(q.rate(w, e, 1)? / q.rate(w, r, 1)?);
            target(
                format!("k=1 serial search vs baseline, 1 thread, {at}"),
                "≥ 15×",
                ratio(workload::K1, engine::ARMSMATCH, engine::LEVENSHTEIN),
                &times,
                &|x| x >= 15.0,
            );
            target(
                format!("k=2 serial search vs baseline, 1 thread, {at}"),
                "≥ 6×",
                ratio(workload::K2, engine::ARMSMATCH, engine::LEVENSHTEIN),
                &times,
                &|x| x >= 6.0,
            );
            target(
                format!("exact/normalized lookup incl. postings vs bare `fst::Map::get`, 1 thread, {at}"),
                "≥ 0.5×",
                ratio(workload::EXACT, engine::ARMSMATCH, engine::FLOOR),
                &|x| format!("{x:.2}×"),
                &|x| x >= 0.5,
            );
            target(
                format!("partial serial, ≤ 3 `?`, 1 thread, {at}"),
                "≥ 10,000 q/s",
                q.rate(workload::WILD_ONE, engine::ARMSMATCH, 1),
                &|x| format!("{} q/s", qps(x)),
                &|x| x >= 10_000.0,
            );
            let b = &big.build;
            target(
                format!("serial FST bytes per distinct key, {at}"),
                "≤ 8 B",
                (b.keys > 0).then(|| b.section("serial_fst") as f64 / b.keys as f64),
                &|x| format!("{x:.2} B"),
                &|x| x <= 8.0,
            );
            target(
                format!("whole index file bytes per record, {at}"),
                "≤ 64 B",
                (b.records > 0).then(|| b.file_bytes as f64 / b.records as f64),
                &|x| format!("{x:.1} B"),
                &|x| x <= 64.0,
            );
            target(
                format!("build peak RSS, {at}"),
                "≤ 3 GiB",
                Some(b.peak_rss_build as f64),
                &|x| format!("{:.2} GiB", x / GIB),
                &|x| x <= 3.0 * GIB,
            );
            target(
                format!("`open()` speed-up over build, {at}"),
                "≥ 20×",
                (q.open_secs > 0.0).then(|| b.build_secs() / q.open_secs),
                &|x| {
                    format!(
                        "{x:.0}× ({:.2} s open vs {:.1} s build)",
                        q.open_secs,
                        b.build_secs()
                    )
                },
                &|x| x >= 20.0,
            );
        }
        if let Some(s) = self.iarms() {
            let at = records_label(s.records);
            let q = &s.query;
            target(
                format!("full default check, all {max_threads} threads, {at}"),
                "≥ 5,000 checks/s",
                q.rate(workload::FULL, engine::ARMSMATCH_MANY, max_threads),
                &|x| format!("{} checks/s", qps(x)),
                &|x| x >= 5_000.0,
            );
            let two = if self.threads.contains(&2) {
                2
            } else {
                max_threads
            };
            let cpus = |t: usize| {
                q.row(workload::FULL, engine::ARMSMATCH_MANY, t)
                    .and_then(|r| r.rate.cpus)
                    .map_or("?".into(), |c| format!("{c:.2}"))
            };
            let cpus_note = format!("{} at 1 thread, {} at {two}", cpus(1), cpus(two));
            target(
                format!("`check_many` {two} threads vs 1 thread, {at}"),
                "≥ 1.8×",
                q.rate(workload::FULL, engine::ARMSMATCH_MANY, two)
                    .zip(q.rate(workload::FULL, engine::ARMSMATCH_MANY, 1))
                    .map(|(a, b)| a / b),
                &|x| format!("{x:.2}× (CPUs got: {cpus_note})"),
                &|x| x >= 1.8,
            );
        }
        let recall_rows: Vec<&RecallRow> = self
            .sizes
            .iter()
            .flat_map(|s| s.query.recall.iter())
            .collect();
        let all_equal = recall_rows
            .iter()
            .all(|r| r.armsmatch_equal == r.queries - r.excluded);
        target(
            "armsmatch recall vs brute force (fixed k, exact, partial), every size".to_string(),
            "100 %",
            (!recall_rows.is_empty())
                .then(|| recall_rows.iter().map(|r| r.recall()).fold(1.0, f64::min)),
            &|x| format!("{:.4} %", 100.0 * x),
            &|x| x >= 1.0 && all_equal,
        );
        let parity: Vec<(u64, u64)> = recall_rows
            .iter()
            .filter_map(|r| r.baseline_equal.map(|b| (b, r.queries - r.excluded)))
            .collect();
        target(
            "baseline returns the brute force's keys (parity), every size".to_string(),
            "every query",
            (!parity.is_empty()).then(|| {
                let (eq, all) = parity.iter().fold((0, 0), |(a, b), (x, y)| (a + x, b + y));
                eq as f64 / all.max(1) as f64
            }),
            &|x| format!("{:.2} % of queries", 100.0 * x),
            &|x| x >= 1.0,
        );
        let demo = self.demo.as_ref().filter(|d| d.ok).map(|d| d.secs);
        target(
            "`armsmatch demo` (1.5 M records) wall time".to_string(),
            "well under 60 s",
            demo,
            &|x| format!("{x:.1} s"),
            &|x| x < 60.0,
        );
        self.targets = t;
    }

    /// The report as Markdown (the whole `BENCHMARKS.md`).
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        let m = &self.machine;
        let _ = writeln!(md, "# armsmatch benchmarks\n");
        if self.smoke {
            let _ = writeln!(
                md,
                "> **Smoke run** (tiny sizes, short timings): checks that the harness works; \
                 the numbers mean nothing.\n"
            );
        }
        let _ = writeln!(
            md,
            "Generated by the bulk benchmark on {} with:\n\n```sh\n{}\n```\n",
            self.date, self.command
        );
        let _ = writeln!(
            md,
            "**Machine:** {} logical CPUs (`nproc`), {}, {:.1} GiB RAM, Linux {}, {}. \
             The machine is shared with other work (builds, tests) running at the same \
             time, so absolute numbers carry some noise; every ratio is computed from \
             rows measured in the same process, minutes apart at most. 1-minute load \
             average around each query phase: {}.\n",
            m.nproc,
            m.cpu,
            m.ram_bytes as f64 / GIB,
            m.kernel,
            m.rustc,
            self.sizes
                .iter()
                .map(|s| {
                    let l = |x: Option<f64>| x.map_or("?".into(), |v| format!("{v:.1}"));
                    format!(
                        "{} → {} ({})",
                        l(s.load_before_query),
                        l(s.load_after_query),
                        records_label(s.records)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(
            md,
            "**Data:** the synthetic register of `armsmatch::synth` (seed {}), streamed \
             into `IndexBuilder` (never held as `Record`s). Query sets of {} queries each, \
             shuffled: half the generator's own checks (noisy, real-looking serials; a third \
             true hits), half registered serials with a controlled change (re-spelled; 1–2 \
             random edits; 1–3 `?`; a `*` prefix or suffix with ≥ 4 known characters). \
             Each throughput is whole passes over the same queries for every engine of a \
             workload, for ≥ {} s, after a warm-up; fuzzy workloads use the prefix of the \
             shuffled set that the baseline answers in that time (at least 300 queries), \
             brute force one pass over the {}-query recall sample. Each row is the best of \
             {} repetitions, interleaved across engines (other work on the machine only \
             ever slows a run down); every repetition is in the JSON file.\n",
            self.seed, self.queries, self.min_secs, self.recall_queries, self.reps
        );
        let _ = writeln!(
            md,
            "**Same keys everywhere:** the baseline (`fst::Set` + `levenshtein_automata` DFA \
             with transpositions, via `Set::search_with_state`), the brute-force banded OSA \
             scan and the `fst::Map::get` floor all run over the *same* distinct confusable \
             skeletons armsmatch's serial FST holds, with the query's skeletons as input (its \
             normalization is timed for every engine but the floor). armsmatch rows are \
             `Index::check` with `CheckOptions {{ max_edits: Some(k), serial_only: true, .. }}` \
             (exact: k = 0; partial: default budget), including postings, scoring and the \
             returned `Hit`s; the full default check is `Index::check_many` with \
             `CheckOptions::default()` (AUTO budget, make/model/calibre scoring). `diag` rows \
             run armsmatch's own walks (`armsmatch::raw`) outside the index, to separate \
             walk time from everything else a check does: the two split walks exactly as \
             `Index::check` runs them, over an `fst::Map` of the same keys with values like \
             the index's (a record number) and its reversed twin; and one unsplit walk over \
             the baseline's `fst::Set`, the same automaton-over-FST job the baseline does.\n"
        );

        let _ = writeln!(md, "## Targets\n");
        let _ = writeln!(md, "| Target | Goal | Measured | |");
        let _ = writeln!(md, "|---|---|---|---|");
        for t in &self.targets {
            let mark = match t.met {
                Some(true) => "✅ met",
                Some(false) => "❌ **MISSED**",
                None => "— not measured",
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                t.name, t.goal, t.measured, mark
            );
        }
        let _ = writeln!(md);

        let _ = writeln!(md, "## Serial search throughput (queries/s)\n");
        let mut head = String::from("| Records | Workload | Engine |");
        let mut rule = String::from("|---|---|---|");
        for t in &self.threads {
            let _ = write!(head, " {t} thr |");
            rule.push_str("---:|");
        }
        for t in &self.threads {
            let _ = write!(head, " × ref, {t} thr |");
            rule.push_str("---:|");
        }
        let max_t = self.threads.iter().copied().max().unwrap_or(1);
        if max_t > 1 {
            let _ = write!(head, " {max_t} thr ÷ 1 thr | CPUs got, 1 / {max_t} thr |");
            rule.push_str("---:|---:|");
        }
        let _ = writeln!(md, "{head}\n{rule}");
        for s in &self.sizes {
            let q = &s.query;
            let mut seen: Vec<(String, String)> = Vec::new();
            for r in &q.rows {
                let key = (r.workload.clone(), r.engine.clone());
                if !seen.contains(&key) {
                    seen.push(key);
                }
            }
            for (w, e) in &seen {
                let mut line = format!("| {} | {} | {} |", records_label(s.records), w, e);
                for &t in &self.threads {
                    let v = q.rate(w, e, t);
                    let _ = write!(line, " {} |", v.map_or("—".into(), qps));
                }
                let reference = reference_engine(w);
                for &t in &self.threads {
                    let cell = match reference {
                        Some(r) if r == e => "1 (ref)".to_string(),
                        Some(r) => q
                            .rate(w, e, t)
                            .zip(q.rate(w, r, t))
                            .map_or("—".into(), |(a, b)| format!("{:.2}", a / b)),
                        None => "—".into(),
                    };
                    let _ = write!(line, " {cell} |");
                }
                if max_t > 1 {
                    let cell = q
                        .rate(w, e, max_t)
                        .zip(q.rate(w, e, 1))
                        .map_or("—".into(), |(a, b)| format!("{:.2}", a / b));
                    let cpus = |t: usize| {
                        q.row(w, e, t)
                            .and_then(|r| r.rate.cpus)
                            .map_or("?".into(), |c| format!("{c:.2}"))
                    };
                    let _ = write!(line, " {cell} | {} / {} |", cpus(1), cpus(max_t));
                }
                let _ = writeln!(md, "{line}");
            }
        }
        let _ = writeln!(
            md,
            "\n“× ref” is the row's rate over the workload's reference engine at the same \
             thread count: the `fst::Map::get` floor for exact lookups, the \
             `fst::Set` + `levenshtein_automata` baseline for fuzzy search, the brute-force \
             scan for partial serials. “CPUs got” is the CPU time the process obtained \
             per wall second during the reported (best) repetition: on this shared \
             machine a 2-thread run can get well under 2 CPUs, and then its scaling says \
             more about the neighbours than about armsmatch.\n"
        );

        let _ = writeln!(md, "## Index: build, size, memory, open\n");
        let _ = writeln!(
            md,
            "| Records | Distinct keys | Build (add + build) | Generate (not in build) | Save | Build peak RSS | Peak RSS after save | File | File B/record | File B/key | Serial FST B/key | Serial FST + reversed B/key | `open()` | build ÷ open | Query peak RSS (after open → after checks) |"
        );
        let _ = writeln!(
            md,
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        for s in &self.sizes {
            let b = &s.build;
            let keys = b.keys.max(1) as f64;
            let _ = writeln!(
                md,
                "| {} | {} | {:.1} s ({:.1} + {:.1}) | {:.1} s | {:.1} s | {:.0} MiB | {:.0} MiB | {:.0} MiB | {:.1} | {:.1} | {:.2} | {:.2} | {:.3} s (first {:.3} s) | {:.0}× | {:.0} → {:.0} MiB |",
                records_label(s.records),
                thousands(b.keys),
                b.build_secs(),
                b.add_secs,
                b.finish_secs,
                b.generate_secs,
                b.save_secs,
                b.peak_rss_build as f64 / MIB,
                b.peak_rss_save as f64 / MIB,
                b.file_bytes as f64 / MIB,
                b.file_bytes as f64 / b.records.max(1) as f64,
                b.file_bytes as f64 / keys,
                b.section("serial_fst") as f64 / keys,
                (b.section("serial_fst") + b.section("serial_rfst")) as f64 / keys,
                s.query.open_secs,
                s.query.open_first_secs,
                b.build_secs() / s.query.open_secs.max(1e-9),
                s.rss.after_open as f64 / MIB,
                s.rss.after_checks as f64 / MIB,
            );
        }
        let _ = writeln!(
            md,
            "\nPeak RSS is `VmHWM` from `/proc/self/status` of a child process per phase \
             (build; open + one pass of every armsmatch workload on all threads). The build \
             uses all cores (rayon sorts). `open()` is timed on a warm page cache (the file \
             was just written) and verifies every checksum and structural invariant; the \
             memory-mapped file is resident after it, so the query peak includes the file.\n"
        );
        let _ = writeln!(md, "Bytes per section of the index file:\n");
        let mut names: Vec<String> = Vec::new();
        for s in &self.sizes {
            for (n, _) in &s.build.sections {
                if !names.contains(n) {
                    names.push(n.clone());
                }
            }
        }
        let _ = writeln!(
            md,
            "| Records | {} | baseline `fst::Set` | floor `fst::Map` |",
            names.join(" | ")
        );
        let _ = writeln!(md, "|---|{}---:|---:|", "---:|".repeat(names.len()));
        for s in &self.sizes {
            let mut line = format!("| {} |", records_label(s.records));
            for n in &names {
                let v = s.build.section(n);
                let _ = write!(
                    line,
                    " {:.1} MiB ({:.1} B/rec) |",
                    v as f64 / MIB,
                    v as f64 / s.records.max(1) as f64
                );
            }
            let _ = writeln!(
                md,
                "{line} {:.1} MiB | {:.1} MiB |",
                s.keys.set_bytes as f64 / MIB,
                s.keys.floor_bytes as f64 / MIB
            );
        }
        let _ = writeln!(md);

        let _ = writeln!(md, "## Recall against the brute-force truth\n");
        let _ = writeln!(
            md,
            "On a sample of {} queries per workload: every key within the budget (or \
             matching the pattern) found by the brute-force scan must be a key some armsmatch \
             hit matched through (`threshold 0`, `top 1000`), and the baseline must return \
             exactly the brute force's keys.\n",
            self.recall_queries
        );
        let _ = writeln!(md, "| Records | Workload | Queries | Excluded (truncated/refused) | Truth keys | armsmatch recall | armsmatch = truth | baseline = truth |");
        let _ = writeln!(md, "|---|---|---:|---:|---:|---:|---:|---:|");
        for s in &self.sizes {
            for r in &s.query.recall {
                let kept = r.queries - r.excluded;
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {} | {:.2} %{} | {}/{} | {} |",
                    records_label(s.records),
                    r.workload,
                    r.queries,
                    r.excluded,
                    thousands(r.truth_keys),
                    100.0 * r.recall(),
                    if r.perfect() { "" } else { " ❌" },
                    r.armsmatch_equal,
                    kept,
                    r.baseline_equal
                        .map_or("—".into(), |b| format!("{b}/{kept}")),
                );
            }
        }
        let _ = writeln!(md);

        if let Some(d) = &self.demo {
            let _ = writeln!(md, "## `armsmatch demo`\n");
            let _ = writeln!(
                md,
                "`{}`: {:.1} s wall{}.\n\n```text\n{}\n```\n",
                d.command,
                d.secs,
                if d.ok { "" } else { " (**failed**)" },
                d.output.trim_end()
            );
        }
        if let Some(notes) = &self.notes {
            let _ = writeln!(md, "{}", notes.trim_end());
        }
        md
    }
}

/// Today's UTC date as YYYY-MM-DD (civil-from-days; no date crate needed).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(records_label(10_000_000), "10 M");
        assert_eq!(records_label(1_500_000), "1.5 M");
        assert_eq!(records_label(20_000), "20,000");
        assert_eq!(today().len(), 10);
    }
}
