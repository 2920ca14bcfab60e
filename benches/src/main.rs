//! The bulk benchmark: armsmatch side by side with an `fst` + Levenshtein-automaton
//! baseline, a brute-force scan and an `fst::Map::get` floor, on one generated register
//! per size, in one run.
//!
//! ```text
//! cargo run --release -p armsmatch-benches -- [--records 1500000,10000000] [--queries N]
//!     [--threads 1,2] [--min-secs S] [--recall-queries N] [--reps N] [--seed N]
//!     [--out BENCHMARKS.md] [--json PATH] [--workdir DIR] [--demo-bin PATH] [--keep] [--smoke]
//! cargo run --release -p armsmatch-benches -- --render benches/results/bulk.json
//! ```
//!
//! `--smoke` (what CI runs) measures a 20,000-record register for a few seconds and
//! writes its report under `target/`; the numbers mean nothing, but every phase, every
//! engine and the recall check run. A recall or parity miss against the brute force
//! fails the run in every mode: that is correctness, not timing.
//!
//! Each size runs in three child processes of this same binary, so that peak memory
//! (`VmHWM`) is measured per phase: `--phase build` (stream the register into an
//! `IndexBuilder`, build, save), `--phase rss` (open the saved index, run every
//! armsmatch workload once) and `--phase query` (open timing, every throughput row,
//! recall). The parent generates the workload and the baseline's FSTs, collects the
//! children's JSON and writes the report.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use armsmatch::raw::{fuzzy_walk, fuzzy_walk_split};
use armsmatch::synth::{Register, SynthConfig};
use armsmatch::{CheckOptions, Index, IndexBuilder, Query};
use armsmatch_benches::engines::{
    brute_fuzzy, brute_pattern, hit_keys_fuzzy, hit_keys_pattern, Found, LevenshteinBaseline, Osa,
};
use armsmatch_benches::keys::{pattern_skeleton, query_skeletons, KeySet};
use armsmatch_benches::measure::{
    load_average, peak_rss, prefix_for, rate, rate_each, Machine, Rate,
};
use armsmatch_benches::report::{
    engine, today, workload, BuildResult, DemoResult, KeysResult, QueryResult, RateRow, RecallRow,
    Report, RssResult, SizeResult,
};
use armsmatch_benches::workload::Workload;
use rayon::prelude::*;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

/// Marks the one stdout line of a child that carries its JSON result.
const RESULT_MARK: &str = "ARMSMATCH-BENCH-RESULT ";

#[derive(Debug, Clone)]
struct Args {
    records: Vec<usize>,
    queries: usize,
    threads: Vec<usize>,
    seed: u64,
    min_secs: f64,
    recall_queries: usize,
    reps: usize,
    smoke: bool,
    out: Option<PathBuf>,
    json: Option<PathBuf>,
    workdir: PathBuf,
    demo_bin: Option<PathBuf>,
    render: Option<PathBuf>,
    keep: bool,
    phase: Option<String>,
    /// The arguments as given (for the report's command line).
    given: Vec<String>,
}

const USAGE: &str = "\
armsmatch bulk benchmark

  --records LIST        register sizes, comma-separated   [1500000,10000000]
  --queries N           queries per workload set          [5000]
  --threads LIST        thread counts, comma-separated    [1,<nproc>]
  --min-secs S          seconds per throughput row        [1.0]
  --recall-queries N    queries sampled for brute-force recall and timing [50]
  --reps N              repetitions per row, interleaved; the best is kept [3]
  --seed N              generator seed                    [42]
  --out PATH            Markdown report                   [<workspace>/BENCHMARKS.md]
  --json PATH           JSON results                      [<workspace>/benches/results/bulk.json]
  --workdir DIR         index and workload files          [<workspace>/target/armsmatch-bench]
  --demo-bin PATH       also time `PATH demo` (the armsmatch CLI)
  --render JSON         measure nothing: re-write the Markdown (--out) from a results
                        JSON file, with the current benches/NOTES.md
  --keep                keep the index files
  --smoke               tiny sizes and timings, for CI (reports go to the workdir)
";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn parse_list(v: &str) -> Fallible<Vec<usize>> {
    v.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .replace('_', "")
                .parse::<usize>()
                .map_err(|e| format!("{s:?}: {e}").into())
        })
        .collect()
}

fn parse_args() -> Fallible<Args> {
    let given: Vec<String> = std::env::args().skip(1).collect();
    let nproc = std::thread::available_parallelism().map_or(1, |n| n.get());
    let root = workspace_root();
    let mut a = Args {
        records: vec![1_500_000, 10_000_000],
        queries: 5_000,
        threads: if nproc > 1 { vec![1, nproc] } else { vec![1] },
        seed: 42,
        min_secs: 1.0,
        recall_queries: 50,
        reps: 3,
        smoke: false,
        out: None,
        json: None,
        workdir: root.join("target").join("armsmatch-bench"),
        demo_bin: None,
        render: None,
        keep: false,
        phase: None,
        given: given.clone(),
    };
    let smoke = given.iter().any(|g| g == "--smoke");
    if smoke {
        a.smoke = true;
        a.records = vec![20_000];
        a.queries = 300;
        a.min_secs = 0.05;
        a.recall_queries = 20;
        a.reps = 1;
        a.workdir = root.join("target").join("armsmatch-bench-smoke");
    }
    let mut it = given.iter();
    while let Some(flag) = it.next() {
        let mut value = || -> Fallible<String> {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value").into())
        };
        match flag.as_str() {
            "--records" => a.records = parse_list(&value()?)?,
            "--queries" => a.queries = value()?.parse()?,
            "--threads" => a.threads = parse_list(&value()?)?,
            "--min-secs" => a.min_secs = value()?.parse()?,
            "--recall-queries" => a.recall_queries = value()?.parse()?,
            "--reps" => a.reps = value()?.parse()?,
            "--seed" => a.seed = value()?.parse()?,
            "--out" => a.out = Some(value()?.into()),
            "--json" => a.json = Some(value()?.into()),
            "--workdir" => a.workdir = value()?.into(),
            "--demo-bin" => a.demo_bin = Some(value()?.into()),
            "--render" => a.render = Some(value()?.into()),
            "--phase" => a.phase = Some(value()?),
            "--keep" => a.keep = true,
            "--smoke" => {}
            "--bench" => {} // passed by `cargo bench`; this is not a criterion target
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}").into()),
        }
    }
    if a.records.is_empty() || a.records.contains(&0) {
        return Err("--records needs sizes above 0".into());
    }
    if a.threads.is_empty() || a.threads.contains(&0) {
        return Err("--threads needs counts above 0".into());
    }
    a.threads.sort_unstable();
    a.threads.dedup();
    if a.queries < 10 {
        return Err("--queries must be at least 10".into());
    }
    a.recall_queries = a.recall_queries.min(a.queries);
    Ok(a)
}

fn main() {
    let result = parse_args().and_then(|a| match (a.phase.as_deref(), &a.render) {
        (Some(phase), _) => phase_main(&a, phase),
        (None, Some(json)) => render(&a, json),
        (None, None) => run(&a),
    });
    if let Err(e) = result {
        eprintln!("armsmatch-benches: {e}");
        std::process::exit(1);
    }
}

// --------------------------------------------------------------------------------------
// Files of one size
// --------------------------------------------------------------------------------------

struct Files {
    index: PathBuf,
    set: PathBuf,
    rmap: PathBuf,
    floor: PathBuf,
    workload: PathBuf,
}

impl Files {
    fn new(dir: &Path, records: usize) -> Files {
        let f = |name: &str| dir.join(format!("{records}-{name}"));
        Files {
            index: f("register.armsidx"),
            set: f("keys.fst"),
            rmap: f("floor-reversed.fst"),
            floor: f("floor.fst"),
            workload: f("workload.json"),
        }
    }

    fn remove(&self) {
        for p in [
            &self.index,
            &self.set,
            &self.rmap,
            &self.floor,
            &self.workload,
        ] {
            let _ = std::fs::remove_file(p);
        }
    }
}

// --------------------------------------------------------------------------------------
// Parent
// --------------------------------------------------------------------------------------

fn run(a: &Args) -> Fallible<()> {
    std::fs::create_dir_all(&a.workdir)?;
    let started = Instant::now();
    let machine = Machine::detect();
    let mut sizes = Vec::new();
    for &n in &a.records {
        eprintln!("== {n} records ==");
        let files = Files::new(&a.workdir, n);
        let build: BuildResult = child(a, "build", n)?;
        eprintln!(
            "   built in {:.1} s, {:.1} B/record, peak RSS {:.0} MiB",
            build.build_secs(),
            build.file_bytes as f64 / n as f64,
            build.peak_rss_build as f64 / (1u64 << 20) as f64
        );
        let register = Register::new(SynthConfig {
            records: n,
            queries: a.queries,
            seed: a.seed,
        });
        let t = Instant::now();
        let keys = KeySet::from_register(&register);
        let secs = t.elapsed().as_secs_f64();
        let set = keys.set_bytes();
        let floor = keys.floor_map_bytes();
        std::fs::write(&files.set, &set)?;
        std::fs::write(&files.rmap, keys.reversed_map_bytes())?;
        std::fs::write(&files.floor, &floor)?;
        let keys_result = KeysResult {
            keys: keys.len() as u64,
            key_bytes: keys.key_bytes() as u64,
            set_bytes: set.len() as u64,
            floor_bytes: floor.len() as u64,
            secs,
        };
        drop((keys, set, floor));
        if keys_result.keys != build.keys {
            return Err(format!(
                "the baseline has {} keys, the index {}: they would not search the same set",
                keys_result.keys, build.keys
            )
            .into());
        }
        eprintln!(
            "   {} distinct keys; generating the workload",
            keys_result.keys
        );
        let w = Workload::generate(&register, a.queries, a.seed ^ n as u64);
        std::fs::write(&files.workload, serde_json::to_vec(&w)?)?;
        drop(w);
        let rss: RssResult = child(a, "rss", n)?;
        let load_before_query = load_average();
        let query: QueryResult = child(a, "query", n)?;
        let load_after_query = load_average();
        if !a.keep {
            files.remove();
        }
        sizes.push(SizeResult {
            records: n,
            keys: keys_result,
            build,
            rss,
            query,
            load_before_query,
            load_after_query,
        });
    }
    let demo = a.demo_bin.as_ref().map(|bin| time_demo(bin, &a.workdir));
    let mut command = String::from("cargo run --release -p armsmatch-benches --");
    for g in &a.given {
        command.push(' ');
        command.push_str(g);
    }
    let mut report = Report {
        command,
        date: today(),
        machine,
        smoke: a.smoke,
        threads: a.threads.clone(),
        queries: a.queries,
        min_secs: a.min_secs,
        reps: a.reps,
        recall_queries: a.recall_queries,
        seed: a.seed,
        sizes,
        demo,
        targets: Vec::new(),
        ratios: Vec::new(),
        // Profiles of missed targets are written by hand (they need perf and judgment);
        // a full run carries them into BENCHMARKS.md, a smoke run does not.
        notes: if a.smoke { None } else { notes() },
    };
    report.compute_ratios();
    report.evaluate_targets();
    let md = report.markdown();
    let (out, json) = if a.smoke {
        (
            a.out
                .clone()
                .unwrap_or_else(|| a.workdir.join("BENCHMARKS.md")),
            a.json
                .clone()
                .unwrap_or_else(|| a.workdir.join("bulk.json")),
        )
    } else {
        let root = workspace_root();
        (
            a.out.clone().unwrap_or_else(|| root.join("BENCHMARKS.md")),
            a.json
                .clone()
                .unwrap_or_else(|| root.join("benches").join("results").join("bulk.json")),
        )
    };
    for p in [&out, &json] {
        if let Some(d) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(d)?;
        }
    }
    std::fs::write(&out, &md)?;
    std::fs::write(&json, serde_json::to_string_pretty(&report)? + "\n")?;
    println!("{md}");
    eprintln!(
        "wrote {} and {} in {:.0} s",
        out.display(),
        json.display(),
        started.elapsed().as_secs_f64()
    );
    // Recall is correctness, not timing: a miss fails the run (and CI's smoke run).
    let broken: Vec<String> = report
        .sizes
        .iter()
        .flat_map(|s| {
            s.query
                .recall
                .iter()
                .filter(|r| !r.perfect())
                .map(move |r| format!("{} records, {}", s.records, r.workload))
        })
        .collect();
    if !broken.is_empty() {
        return Err(format!(
            "recall or parity below 100 % against the brute force: {}",
            broken.join("; ")
        )
        .into());
    }
    Ok(())
}

/// The profile notes a full run appends to the report.
fn notes() -> Option<String> {
    std::fs::read_to_string(workspace_root().join("benches").join("NOTES.md")).ok()
}

/// Re-writes the Markdown of a finished run (to revise the notes without re-measuring).
fn render(a: &Args, json: &Path) -> Fallible<()> {
    let mut report: Report = serde_json::from_slice(&std::fs::read(json)?)?;
    if !report.smoke {
        report.notes = notes();
    }
    let out = a
        .out
        .clone()
        .unwrap_or_else(|| workspace_root().join("BENCHMARKS.md"));
    std::fs::write(&out, report.markdown())?;
    std::fs::write(json, serde_json::to_string_pretty(&report)? + "\n")?;
    eprintln!("wrote {} from {}", out.display(), json.display());
    Ok(())
}

/// Runs a phase in a child process of this binary and parses its result.
fn child<T: serde::de::DeserializeOwned>(a: &Args, phase: &str, records: usize) -> Fallible<T> {
    let exe = std::env::current_exe()?;
    let threads: Vec<String> = a.threads.iter().map(usize::to_string).collect();
    let out = Command::new(exe)
        .args(["--phase", phase, "--records", &records.to_string()])
        .args(["--queries", &a.queries.to_string()])
        .args(["--threads", &threads.join(",")])
        .args(["--min-secs", &a.min_secs.to_string()])
        .args(["--recall-queries", &a.recall_queries.to_string()])
        .args(["--reps", &a.reps.to_string()])
        .args(["--seed", &a.seed.to_string()])
        .arg("--workdir")
        .arg(&a.workdir)
        .args(if a.smoke { &["--smoke"][..] } else { &[][..] })
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()?;
    if !out.status.success() {
        return Err(format!("phase {phase} ({records} records) failed: {}", out.status).into());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(RESULT_MARK))
        .ok_or_else(|| format!("phase {phase} printed no result"))?;
    Ok(serde_json::from_str(line)?)
}

fn time_demo(bin: &Path, workdir: &Path) -> DemoResult {
    eprintln!("== {} demo ==", bin.display());
    // Relative to where the benchmark was started, not to the demo's working directory.
    let bin = std::fs::canonicalize(bin).unwrap_or_else(|_| bin.to_path_buf());
    let t = Instant::now();
    let out = Command::new(&bin)
        .arg("demo")
        .current_dir(workdir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    let secs = t.elapsed().as_secs_f64();
    match out {
        Ok(o) => DemoResult {
            command: format!("{} demo", bin.display()),
            secs,
            ok: o.status.success(),
            output: String::from_utf8_lossy(&o.stdout).into_owned(),
        },
        Err(e) => DemoResult {
            command: format!("{} demo", bin.display()),
            secs,
            ok: false,
            output: e.to_string(),
        },
    }
}

// --------------------------------------------------------------------------------------
// Children
// --------------------------------------------------------------------------------------

fn phase_main(a: &Args, phase: &str) -> Fallible<()> {
    let n = *a.records.first().ok_or("--records")?;
    let files = Files::new(&a.workdir, n);
    let json = match phase {
        "build" => serde_json::to_string(&build_phase(a, n, &files)?)?,
        "rss" => serde_json::to_string(&rss_phase(&files)?)?,
        "query" => serde_json::to_string(&query_phase(a, &files)?)?,
        other => return Err(format!("unknown phase {other:?}").into()),
    };
    println!("{RESULT_MARK}{json}");
    Ok(())
}

fn build_phase(a: &Args, n: usize, files: &Files) -> Fallible<BuildResult> {
    let register = Register::new(SynthConfig {
        records: n,
        queries: 0,
        seed: a.seed,
    });
    let mut builder = IndexBuilder::new();
    let (mut generate, mut add) = (0.0, 0.0);
    // Records are generated in small batches so generation and `add` can be timed
    // apart without a clock read per record; a batch is all that is ever held.
    let mut batch = Vec::with_capacity(4096);
    let mut i = 0;
    while i < n {
        let end = (i + 4096).min(n);
        let t = Instant::now();
        batch.extend((i..end).map(|j| register.record(j)));
        generate += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for r in batch.drain(..) {
            builder.add(r)?;
        }
        add += t.elapsed().as_secs_f64();
        i = end;
    }
    let t = Instant::now();
    let index = builder.build()?;
    let finish = t.elapsed().as_secs_f64();
    let peak_rss_build = peak_rss().unwrap_or(0);
    let t = Instant::now();
    index.save(&files.index)?;
    let save = t.elapsed().as_secs_f64();
    let info = index.info();
    Ok(BuildResult {
        generate_secs: generate,
        add_secs: add,
        finish_secs: finish,
        save_secs: save,
        peak_rss_build,
        peak_rss_save: peak_rss().unwrap_or(0),
        file_bytes: std::fs::metadata(&files.index)?.len(),
        records: info.records,
        keys: info.keys,
        sections: info.bytes,
    })
}

/// The armsmatch query sets of a workload, as `Query` values.
struct Queries {
    exact: Vec<Query>,
    fuzzy: Vec<Query>,
    wild_one: Vec<Query>,
    wild_star: Vec<Query>,
}

impl Queries {
    fn new(w: &Workload) -> Queries {
        let q = |v: &[String]| v.iter().map(Query::new).collect();
        Queries {
            exact: q(&w.exact),
            fuzzy: q(&w.fuzzy),
            wild_one: q(&w.wild_one),
            wild_star: q(&w.wild_star),
        }
    }
}

fn exact_opts() -> CheckOptions {
    CheckOptions::default().max_edits(0).serial_only(true)
}

fn fuzzy_opts(k: u8) -> CheckOptions {
    CheckOptions::default().max_edits(k).serial_only(true)
}

fn partial_opts() -> CheckOptions {
    CheckOptions::default().serial_only(true)
}

fn hits_of(index: &Index, q: &Query, o: &CheckOptions) -> u64 {
    index.check(q, o).map_or(0, |h| h.len() as u64)
}

fn rss_phase(files: &Files) -> Fallible<RssResult> {
    let w: Workload = serde_json::from_slice(&std::fs::read(&files.workload)?)?;
    let index = Index::open(&files.index)?;
    let after_open = peak_rss().unwrap_or(0);
    let q = Queries::new(&w);
    let mut sink = 0usize;
    for (set, o) in [
        (&q.exact, exact_opts()),
        (&q.fuzzy, fuzzy_opts(1)),
        (&q.fuzzy, fuzzy_opts(2)),
        (&q.wild_one, partial_opts()),
        (&q.wild_star, partial_opts()),
        (&w.checks, CheckOptions::default()),
    ] {
        sink += index
            .check_many(set, &o)
            .iter()
            .flatten()
            .map(Vec::len)
            .sum::<usize>();
    }
    std::hint::black_box(sink);
    Ok(RssResult {
        after_open,
        after_checks: peak_rss().unwrap_or(0),
    })
}

fn query_phase(a: &Args, files: &Files) -> Fallible<QueryResult> {
    let w: Workload = serde_json::from_slice(&std::fs::read(&files.workload)?)?;
    let mut opens = Vec::new();
    let mut index = None;
    for _ in 0..3 {
        drop(index.take());
        let t = Instant::now();
        index = Some(Index::open(&files.index)?);
        opens.push(t.elapsed().as_secs_f64());
    }
    let index = index.ok_or("no index")?;
    let set = fst::Set::new(std::fs::read(&files.set)?)?;
    let rmap = fst::Map::new(std::fs::read(&files.rmap)?)?;
    let floor = fst::Map::new(std::fs::read(&files.floor)?)?;
    let keys = KeySet::from_set(&set);
    let lev = LevenshteinBaseline::new(2);
    let q = Queries::new(&w);
    let min = a.min_secs;
    let brute_items = a.recall_queries.max(1);
    // Shared borrows, copied into every job's closure.
    let (index_r, w_r, q_r, set_r, floor_r, rmap_r, keys_r, lev_r) =
        (&index, &w, &q, &set, &floor, &rmap, &keys, &lev);

    // Inputs of the floor and brute-force jobs, prepared before timing.
    let exact_keys: Vec<Vec<u8>> = w
        .exact
        .iter()
        .map(|s| {
            query_skeletons(s)
                .into_iter()
                .next()
                .unwrap_or_default()
                .into_bytes()
        })
        .collect();
    let exact_keys = &exact_keys;
    let patterns_of = |strs: &[String]| -> Vec<Vec<u8>> {
        strs.iter()
            .take(brute_items)
            .map(|s| pattern_skeleton(s).into_bytes())
            .collect()
    };
    let (one_patterns, star_patterns) = (patterns_of(&w.wild_one), patterns_of(&w.wild_star));
    let mut jobs: Vec<Job<'_>> = Vec::new();

    // Exact / normalized.
    jobs.push(Job::new(workload::EXACT, engine::ARMSMATCH, move |t| {
        let o = exact_opts();
        rate_each(&q_r.exact, t, min, |x| hits_of(index_r, x, &o))
    }));
    jobs.push(Job::new(workload::EXACT, engine::FLOOR, move |t| {
        rate_each(exact_keys, t, min, |k| u64::from(floor_r.get(k).is_some()))
    }));
    jobs.push(Job::new(workload::EXACT, engine::FLOOR_NORM, move |t| {
        rate_each(&w_r.exact, t, min, |s| {
            query_skeletons(s)
                .iter()
                .filter(|k| floor_r.get(k).is_some())
                .count() as u64
        })
    }));

    // Fuzzy, fixed budget. Every engine is timed on the same prefix of the shuffled
    // set: as many queries as the baseline answers in `min_secs` on one thread (at
    // least 300, so the heavy tail of short serials is represented).
    for (k, name) in [(1u8, workload::K1), (2u8, workload::K2)] {
        let baseline = move |s: &String| {
            let mut n = 0u64;
            lev_r.search(set_r, s, k, |_, _| n += 1);
            n
        };
        let p = prefix_for(&w.fuzzy, min, 300, baseline);
        let (strs, qs) = (&w.fuzzy[..p], &q.fuzzy[..p]);
        jobs.push(Job::new(name, engine::ARMSMATCH, move |t| {
            let o = fuzzy_opts(k);
            rate_each(qs, t, min, |x| hits_of(index_r, x, &o))
        }));
        jobs.push(Job::new(name, engine::LEVENSHTEIN, move |t| {
            rate_each(strs, t, min, baseline)
        }));
        jobs.push(Job::new(name, engine::RAW_SPLIT, move |t| {
            rate_each(strs, t, min, |s| {
                split_walks(floor_r, rmap_r, s, k as usize)
            })
        }));
        jobs.push(Job::new(name, engine::RAW_ONE, move |t| {
            rate_each(strs, t, min, |s| {
                let mut n = 0u64;
                for qk in query_skeletons(s) {
                    fuzzy_walk(set_r.as_fst(), qk.as_bytes(), k as usize, |_, _, _| {
                        n += 1;
                        true
                    });
                }
                n
            })
        }));
        // One pass over the recall sample, measured once: it is slow.
        let sample = &w.fuzzy[..brute_items.min(w.fuzzy.len())];
        jobs.push(Job::once(name, engine::BRUTE, move |t| {
            rate_each(sample, t, 0.0, |s| {
                brute_fuzzy(keys_r, s, k as usize, &mut Osa::default()).len() as u64
            })
        }));
    }

    // Partial serials.
    for (name, qs, patterns) in [
        (workload::WILD_ONE, &q.wild_one, &one_patterns),
        (workload::WILD_STAR, &q.wild_star, &star_patterns),
    ] {
        jobs.push(Job::new(name, engine::ARMSMATCH, move |t| {
            let o = partial_opts();
            rate_each(qs, t, min, |x| hits_of(index_r, x, &o))
        }));
        jobs.push(Job::once(name, engine::BRUTE, move |t| {
            rate_each(patterns, t, 0.0, |p| brute_pattern(keys_r, p).len() as u64)
        }));
    }

    // The full default check, through `check_many` (rayon inside, on the pool `rate`
    // installs: one thread is one thread).
    jobs.push(Job::new(workload::FULL, engine::ARMSMATCH_MANY, move |t| {
        let o = CheckOptions::default();
        rate(&w_r.checks, t, min, |chunk| {
            index_r
                .check_many(chunk, &o)
                .iter()
                .flatten()
                .map(|h| h.len() as u64)
                .sum()
        })
    }));

    let rows = run_jobs(&jobs, &a.threads, a.reps);
    let recall = recall_rows(a, &w, &q, &index, &set, &keys, &lev);
    let open_first_secs = opens[0];
    opens.sort_by(f64::total_cmp);
    Ok(QueryResult {
        open_secs: opens[0],
        open_first_secs,
        rows,
        recall,
    })
}

/// One throughput row to measure, at every thread count.
struct Job<'a> {
    workload: &'static str,
    engine: &'static str,
    /// Measured in every repetition (false: once; brute force is too slow to repeat).
    repeat: bool,
    run: Box<dyn Fn(usize) -> Rate + 'a>,
}

impl<'a> Job<'a> {
    fn new(
        workload: &'static str,
        engine: &'static str,
        run: impl Fn(usize) -> Rate + 'a,
    ) -> Job<'a> {
        Job {
            workload,
            engine,
            repeat: true,
            run: Box::new(run),
        }
    }

    fn once(
        workload: &'static str,
        engine: &'static str,
        run: impl Fn(usize) -> Rate + 'a,
    ) -> Job<'a> {
        Job {
            repeat: false,
            ..Job::new(workload, engine, run)
        }
    }
}

/// Runs every job at every thread count, `reps` times, repetition-major (A B C, A B C,
/// …), and keeps each row's best rate.
///
/// Why best-of-N, interleaved: the machine is shared, and other work only ever slows a
/// measurement down; interleaving spreads an engine's repetitions over minutes, so a
/// burst of foreign load does not hit all of one engine's samples while sparing
/// another's.
fn run_jobs(jobs: &[Job<'_>], threads: &[usize], reps: usize) -> Vec<RateRow> {
    let mut rows: Vec<RateRow> = Vec::new();
    for rep in 0..reps.max(1) {
        for job in jobs.iter().filter(|j| rep == 0 || j.repeat) {
            for &t in threads {
                let r = (job.run)(t);
                eprintln!(
                    "   [{}] {:<22} {:<62} {t} thr {:>12.1} q/s ({} queries, {} results)",
                    rep + 1,
                    job.workload,
                    job.engine,
                    r.per_sec,
                    r.queries,
                    r.results
                );
                let at = rows.iter().position(|x| {
                    x.workload == job.workload && x.engine == job.engine && x.rate.threads == t
                });
                match at {
                    Some(i) => {
                        rows[i].samples.push(r.per_sec);
                        if r.per_sec > rows[i].rate.per_sec {
                            rows[i].rate = r;
                        }
                    }
                    None => rows.push(RateRow {
                        workload: job.workload.to_string(),
                        engine: job.engine.to_string(),
                        samples: vec![r.per_sec],
                        rate: r,
                    }),
                }
            }
        }
    }
    rows
}

/// The two split walks `Index::check` runs for one key (forward with `a` head edits,
/// reversed with `b`, a + b = k − 1), over FSTs shaped like the index's (the floor map
/// and its reversed twin). Mirrors `check_inner` in `core/src/index.rs`, including its
/// split points.
fn split_walks<D: AsRef<[u8]>>(
    fwd: &fst::Map<D>,
    rev: &fst::Map<D>,
    serial: &str,
    k: usize,
) -> u64 {
    let mut n = 0u64;
    for qk in query_skeletons(serial) {
        let q = qk.as_bytes();
        if k == 0 {
            n += u64::from(fwd.contains_key(q));
            continue;
        }
        let a = (k - 1) / 2;
        let b = k - 1 - a;
        let head = if k == 2 {
            (9 * q.len() + 10) / 20
        } else {
            q.len().div_ceil(2)
        };
        let rq: Vec<u8> = q.iter().rev().copied().collect();
        fuzzy_walk_split(fwd.as_fst(), q, k, head, a, |_, _, _| {
            n += 1;
            true
        });
        fuzzy_walk_split(rev.as_fst(), &rq, k, q.len() + 1 - head, b, |_, _, _| {
            n += 1;
            true
        });
    }
    n
}

fn recall_opts(k: Option<u8>) -> CheckOptions {
    let o = CheckOptions::default()
        .serial_only(true)
        .threshold(0.0)
        .top(armsmatch::limits::MAX_TOP);
    match k {
        Some(k) => o.max_edits(k),
        None => o,
    }
}

/// One query's outcome for recall: truth, armsmatch's keys, baseline's keys, excluded.
type Outcome = (Found, Found, Option<Found>, bool);

fn tally(name: &str, outcomes: Vec<Outcome>) -> RecallRow {
    let mut r = RecallRow {
        workload: name.to_string(),
        queries: outcomes.len() as u64,
        ..RecallRow::default()
    };
    let mut baseline_equal = None;
    for (truth, got, base, excluded) in outcomes {
        if excluded {
            r.excluded += 1;
            continue;
        }
        r.truth_keys += truth.len() as u64;
        r.armsmatch_keys += truth.intersection(&got).count() as u64;
        r.armsmatch_equal += u64::from(truth == got);
        if let Some(b) = base {
            *baseline_equal.get_or_insert(0) += u64::from(b == truth);
        }
    }
    r.baseline_equal = baseline_equal;
    r
}

fn recall_rows(
    a: &Args,
    w: &Workload,
    q: &Queries,
    index: &Index,
    set: &fst::Set<Vec<u8>>,
    keys: &KeySet,
    lev: &LevenshteinBaseline,
) -> Vec<RecallRow> {
    let s = a.recall_queries;
    let mut out = Vec::new();
    // Truth = every key within k (exact: k = 0) of a query skeleton.
    for (name, k, strs, qs) in [
        (workload::EXACT, 0u8, &w.exact, &q.exact),
        (workload::K1, 1u8, &w.fuzzy, &q.fuzzy),
        (workload::K2, 2u8, &w.fuzzy, &q.fuzzy),
    ] {
        let o = recall_opts(Some(k));
        let n = s.min(strs.len());
        let outcomes: Vec<Outcome> = (0..n)
            .into_par_iter()
            .map(|i| {
                let mut osa = Osa::default();
                let truth = brute_fuzzy(keys, &strs[i], k as usize, &mut osa);
                let base = lev.found(set, &strs[i], k);
                match index.check(&qs[i], &o) {
                    Ok(h) if h.len() < armsmatch::limits::MAX_TOP => {
                        let got = hit_keys_fuzzy(&h, &strs[i], k as usize, &mut osa);
                        (truth, got, Some(base), false)
                    }
                    _ => (truth, Found::new(), Some(base), true),
                }
            })
            .collect();
        out.push(tally(name, outcomes));
    }
    for (name, strs, qs) in [
        (workload::WILD_ONE, &w.wild_one, &q.wild_one),
        (workload::WILD_STAR, &w.wild_star, &q.wild_star),
    ] {
        let o = recall_opts(None);
        let n = s.min(strs.len());
        let outcomes: Vec<Outcome> = (0..n)
            .into_par_iter()
            .map(|i| {
                let p = pattern_skeleton(&strs[i]).into_bytes();
                let truth = brute_pattern(keys, &p);
                match index.check(&qs[i], &o) {
                    Ok(h) if h.len() < armsmatch::limits::MAX_TOP => {
                        let got = hit_keys_pattern(&h, &p);
                        (truth, got, None, false)
                    }
                    _ => (truth, Found::new(), None, true),
                }
            })
            .collect();
        out.push(tally(name, outcomes));
    }
    for r in &out {
        eprintln!(
            "   recall {:<22} {:.4} ({} truth keys, {}/{} equal, {} excluded, baseline {:?})",
            r.workload,
            r.recall(),
            r.truth_keys,
            r.armsmatch_equal,
            r.queries - r.excluded,
            r.excluded,
            r.baseline_equal
        );
    }
    out
}
