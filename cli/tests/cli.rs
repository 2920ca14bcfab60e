//! End-to-end tests of the `armsmatch` binary: files in, files and exit codes out.
//!
//! The one integration-test binary of the crate (`autotests = false` in Cargo.toml);
//! its modules: `report` (stats, report, trace) and `bad_inputs` (the shared bad-input
//! matrix).

mod bad_inputs;
mod report;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn armsmatch<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsmatch"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs `armsmatch ARGS…`, asserts success and returns standard output.
macro_rules! run_ok {
    ($($arg:expr),* $(,)?) => {{
        // Owned, so that arguments built in place (`s(&dir.join(…))`) outlive the call.
        let args: Vec<String> = vec![$($arg.to_string()),*];
        let out = armsmatch(&args);
        assert!(
            out.status.success(),
            "armsmatch {:?} failed ({:?}): {}",
            args,
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }};
}

/// Runs `armsmatch ARGS…`, asserts the exit code and that nothing panicked, and returns
/// standard error.
macro_rules! run_fails {
    ($code:expr; $($arg:expr),* $(,)?) => {{
        let args: Vec<String> = vec![$($arg.to_string()),*];
        let out = armsmatch(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some($code), "armsmatch {:?}: {}", args, err);
        assert!(!err.contains("panicked"), "{err}");
        err
    }};
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// A generated register of 5,000 records and 300 checks, built into `i.armsidx`.
fn small(dir: &Path) -> (PathBuf, PathBuf) {
    run_ok!(
        "generate",
        "--records",
        "5000",
        "--queries",
        "300",
        "--seed",
        "3",
        "--out",
        s(dir)
    );
    let index = dir.join("i.armsidx");
    let records = dir.join("records.csv");
    let out = run_ok!("build", "--records", s(&records), "--out", s(&index));
    assert!(out.contains("indexed 5000 records"), "{out}");
    (index, dir.join("queries.csv"))
}

/// The rows of a CSV file as column → value maps.
fn csv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

const HITS_HEADER: &str = "query_id,rank,record_id,score,serial_match,serial_distance,\
make_match,model_match,calibre_match";

#[test]
fn generate_build_check_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (index, queries) = small(d);
    let hits = d.join("hits.csv");
    run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--out",
        s(&hits)
    );
    let text = std::fs::read_to_string(&hits).unwrap();
    assert_eq!(text.lines().next(), Some(HITS_HEADER));
    assert_eq!(
        text.lines().filter(|l| l.starts_with("query_id,")).count(),
        1,
        "header repeated"
    );

    // Every hit names a check of the queries file and a record of the register, ranks
    // run 1, 2, … per check and scores fall with rank, all at or above the default
    // threshold.
    let query_ids: HashSet<String> = csv_rows(&queries)
        .into_iter()
        .map(|r| r["query_id"].clone())
        .collect();
    let record_ids: HashSet<String> = csv_rows(&d.join("records.csv"))
        .into_iter()
        .map(|r| r["record_id"].clone())
        .collect();
    let rows = csv_rows(&hits);
    assert!(rows.len() > 50, "only {} hit rows", rows.len());
    let mut last: Option<(String, u32, f32)> = None;
    for r in &rows {
        assert!(query_ids.contains(&r["query_id"]), "{r:?}");
        assert!(record_ids.contains(&r["record_id"]), "{r:?}");
        let rank: u32 = r["rank"].parse().unwrap();
        let score: f32 = r["score"].parse().unwrap();
        assert!(
            (armsmatch::DEFAULT_THRESHOLD..=1.0).contains(&score),
            "{r:?}"
        );
        match &last {
            Some((q, k, prev)) if *q == r["query_id"] => {
                assert_eq!(rank, k + 1, "{r:?}");
                assert!(score <= *prev, "{r:?}");
            }
            _ => assert_eq!(rank, 1, "{r:?}"),
        }
        last = Some((r["query_id"].clone(), rank, score));
    }
    // Most generated true hits are found: the first hit is one of the records the
    // truth file lists for the check.
    let truth = csv_rows(&d.join("truth.csv"));
    let firsts: HashMap<&str, &str> = rows
        .iter()
        .filter(|r| r["rank"] == "1")
        .map(|r| (r["query_id"].as_str(), r["record_id"].as_str()))
        .collect();
    let true_hits: Vec<_> = truth.iter().filter(|t| t["label"] == "hit").collect();
    let found = true_hits
        .iter()
        .filter(|t| {
            firsts
                .get(t["query_id"].as_str())
                .is_some_and(|id| t["record_ids"].split('|').any(|x| x == *id))
        })
        .count();
    assert!(
        found * 10 >= true_hits.len() * 8,
        "{found} of {}",
        true_hits.len()
    );

    // The same checks as JSON Lines give the same hits.
    let jsonl = d.join("queries.jsonl");
    let lines: Vec<String> = csv_rows(&queries)
        .into_iter()
        .map(|r| serde_json::to_string(&r).unwrap())
        .collect();
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let again = run_ok!("check", "--index", s(&index), "--queries", s(&jsonl));
    assert_eq!(again, text);

    // JSON Lines output: the CSV fields, plus the record and explanation with --explain.
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--format",
        "jsonl",
        "--explain"
    );
    assert_eq!(out.lines().count(), rows.len());
    for (line, row) in out.lines().zip(&rows) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["query_id"], row["query_id"].as_str());
        assert_eq!(v["record_id"], row["record_id"].as_str());
        assert_eq!(v["record"]["id"], row["record_id"].as_str());
        assert_eq!(v["serial_match"], row["serial_match"].as_str());
        assert!(v["explanation"]["serial"]["kind"].is_string());
        assert!(v["why"].as_str().unwrap().contains("score"));
    }

    // The hits file feeds the statistics.
    let stats = run_ok!(
        "stats",
        "--index",
        s(&index),
        "--hits",
        s(&hits),
        "--queries",
        s(&queries)
    );
    assert!(!stats.is_empty());
}

#[test]
fn options_narrow_the_hits() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries) = small(dir.path());
    let count = |args: &[&str]| {
        let mut all = vec!["check", "--index", s(&index), "--queries", s(&queries)];
        all.extend_from_slice(args);
        let out = armsmatch(&all);
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).lines().count() - 1
    };
    let default = count(&[]);
    assert!(count(&["--top", "1"]) < default);
    assert!(count(&["--threshold", "0.9"]) < default);
    assert!(count(&["--threshold", "0.01"]) > default);
    assert!(count(&["--max-edits", "0"]) < default);
    assert_eq!(count(&["--threads", "1"]), default);
}

#[test]
fn add_then_remove_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    let recs = dir.path().join("new.csv");
    std::fs::write(
        &recs,
        "record_id,make,model,serial,calibre,type,country,status,reported_on\n\
         NEW-1,Glock,19,QX-7731-ZZ,9mm,pistol,NLD,stolen,2025-05-01\n",
    )
    .unwrap();
    let out = run_ok!("add", "--index", s(&index), "--records", s(&recs));
    assert!(out.contains("added 1 records"), "{out}");
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--serial",
        "qx7731zz",
        "--make",
        "Glock",
        "--format",
        "text",
        "--explain"
    );
    assert!(out.contains("NEW-1"), "{out}");
    assert!(out.contains("serial normalized"), "{out}");
    let info = run_ok!("info", s(&index), "--json");
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["records"], 5001);
    // Saved as the file's journal beside the base, not rebuilt into it.
    assert_eq!(
        (&info["base_records"], &info["live_added"]),
        (&5000.into(), &1.into())
    );

    // Adding it again is a duplicate: refused, naming the row, and the file is unchanged.
    let before = std::fs::read(&index).unwrap();
    let err = run_fails!(2; "add", "--index", s(&index), "--records", s(&recs));
    assert!(err.contains("new.csv:2:record_id"), "{err}");
    assert_eq!(std::fs::read(&index).unwrap(), before);

    run_ok!("remove", "--index", s(&index), "--id", "NEW-1");
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--serial",
        "qx7731zz",
        "--format",
        "text"
    );
    assert!(!out.contains("NEW-1"), "{out}");
    assert!(out.contains("0 hit(s)"), "{out}");
    let info = run_ok!("info", s(&index), "--json");
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(
        (&info["records"], &info["live_added"]),
        (&5000.into(), &0.into())
    );
    // Removing it again is a data error.
    let err = run_fails!(2; "remove", "--index", s(&index), "--id", "NEW-1");
    assert!(err.contains("NEW-1"), "{err}");
}

#[test]
fn info_reports_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    let out = run_ok!("info", s(&index));
    for want in [
        "records     5,000",
        "serial keys",
        "reference",
        "format version",
        "B/record",
        "B/key",
        "serial_fst",
        "total",
    ] {
        assert!(out.contains(want), "{want:?} missing in:\n{out}");
    }
    let text = run_ok!("info", s(&index), "--format", "json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["records"], 5000);
    assert!(v["keys"].as_u64().unwrap() > 4000);
    // Section sizes as an object, in file order, as Python's info() gives them.
    let bytes = v["bytes"].as_object().unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\": ")).unwrap();
    assert!(
        at("serial_fst") < at("postings") && at("postings") < at("total"),
        "{text}"
    );
    let sections: u64 = bytes
        .iter()
        .filter(|(k, _)| *k != "total")
        .map(|(_, n)| n.as_u64().unwrap())
        .sum();
    let total = bytes["total"].as_u64().unwrap();
    assert!(sections <= total, "{bytes:?}");
    assert_eq!(total, std::fs::metadata(&index).unwrap().len());
}

#[test]
fn eval_reports_recall() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_ok!(
        "generate",
        "--records",
        "5000",
        "--queries",
        "300",
        "--seed",
        "5",
        "--out",
        s(d)
    );
    let (records, queries, truth) = (
        d.join("records.csv"),
        d.join("queries.csv"),
        d.join("truth.csv"),
    );
    let json = d.join("eval.json");
    let out = run_ok!(
        "eval",
        "--records",
        s(&records),
        "--queries",
        s(&queries),
        "--truth",
        s(&truth),
        "--json",
        s(&json)
    );
    for want in ["recall@1", "recall@5", "false-hit rate", "non_hit:sibling"] {
        assert!(out.contains(want), "{want:?} missing in:\n{out}");
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["checks"], 300);
    let share = |x: &serde_json::Value| {
        let f = x.as_f64().unwrap_or_else(|| panic!("{x} is not a number"));
        assert!((0.0..=1.0).contains(&f), "{f}");
        f
    };
    let r1 = share(&v["hits"]["recall_at_1"]);
    let r5 = share(&v["hits"]["recall_at_5"]);
    assert!(r1 > 0.5 && r5 >= r1, "{r1} {r5}");
    // The ranking finds at least what is reported.
    let (k1, k5) = (
        share(&v["hits"]["ranked_recall_at_1"]),
        share(&v["hits"]["ranked_recall_at_5"]),
    );
    assert!(k1 >= r1 && k5 >= r5 && k5 >= k1, "{k1} {k5}");
    let fh = share(&v["non_hits"]["false_hit_rate"]);
    assert!(fh < 0.5, "{fh}");
    let points = v["operating_points"].as_array().unwrap();
    assert_eq!(points.len(), 4);
    let recalls: Vec<f64> = points.iter().map(|p| share(&p["recall_at_1"])).collect();
    // A looser false-hit rate never finds less.
    assert!(recalls.windows(2).all(|w| w[0] <= w[1]), "{recalls:?}");
    let kinds = v["by_kind"].as_object().unwrap();
    assert!(kinds.contains_key("typo1") && kinds.contains_key("non_hit:fresh"));
    for (k, g) in kinds {
        let field = if k.starts_with("non_hit:") {
            "false_hit_rate"
        } else {
            "recall_at_1"
        };
        share(&g[field]);
    }
    // The scores behave as probabilities: the reliability bands cover every hit, and
    // the calibration error is small even on this tiny register (an uncalibrated
    // score — the raw evidence — is off by more than 0.1 here).
    let c = &v["calibration"];
    let bands = c["bands"].as_array().unwrap();
    let in_bands: u64 = bands.iter().map(|b| b["hits"].as_u64().unwrap()).sum();
    assert_eq!(in_bands, c["hits"].as_u64().unwrap());
    assert!(share(&c["ece"]) < 0.05 && share(&c["brier"]) < 0.05, "{c}");
    let (low, high) = (&bands[0], &bands[bands.len() - 1]);
    assert!(
        share(&low["correct"]) < 0.05 && share(&high["correct"]) > 0.9,
        "{c}"
    );

    // From a saved index, at threshold 0: every non-hit with any candidate is a false
    // hit, so the rate can only grow.
    let index = d.join("i.armsidx");
    run_ok!("build", "--records", s(&records), "--out", s(&index));
    let json0 = d.join("eval0.json");
    run_ok!(
        "eval",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--truth",
        s(&truth),
        "--threshold",
        "0",
        "--json",
        s(&json0)
    );
    let v0: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json0).unwrap()).unwrap();
    assert!(share(&v0["non_hits"]["false_hit_rate"]) >= fh);
    // The threshold-free figures do not depend on the threshold.
    assert_eq!(v0["operating_points"], v["operating_points"]);
}

#[test]
fn bad_records_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = d.join("x.armsidx");
    // A missing required column.
    let bad = d.join("bad.csv");
    std::fs::write(&bad, "record_id,make\nR1,Glock\n").unwrap();
    let err = run_fails!(2; "build", "--records", s(&bad), "--out", s(&out));
    assert!(err.contains("bad.csv:1:serial"), "{err}");
    assert!(!out.exists());
    // A malformed row; with --skip-bad-rows it is skipped, counted and shown.
    let bad = d.join("bad2.csv");
    std::fs::write(
        &bad,
        "record_id,serial,country\nR1,A1234,DEU\nR2,B1234,Germany\nR3,C1234,FRA\n",
    )
    .unwrap();
    let err = run_fails!(2; "build", "--records", s(&bad), "--out", s(&out));
    assert!(err.contains("bad2.csv:3:country"), "{err}");
    let o = armsmatch(&[
        "build",
        "--records",
        s(&bad),
        "--out",
        s(&out),
        "--skip-bad-rows",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    // With --skip-bad-rows the firearm goes in without the country it could not read.
    assert!(
        err.contains("1 records went in without a field") && err.contains("bad2.csv:3:country"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("indexed 3 records"));
    // Two rows sharing an id (spaces aside): both lines named, skipping or not, and no
    // index written (which of the two is the register's is not guessed).
    let dup = d.join("dup.csv");
    std::fs::write(&dup, "record_id,serial\nR1,A1234\nR2,B1234\n R1 ,C1234\n").unwrap();
    let none = d.join("none.armsidx");
    for skip in [false, true] {
        let mut args = vec!["build", "--records", s(&dup), "--out", s(&none)];
        if skip {
            args.push("--skip-bad-rows");
        }
        let o = armsmatch(&args);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("dup.csv:4:record_id") && err.contains("\"R1\" (first at line 2"),
            "{err}"
        );
        assert!(!none.exists());
    }
    // JSON Lines: the line of the bad object.
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, "{\"record_id\":\"R1\",\"serial\":\"A1\"}\n{oops\n").unwrap();
    let err = run_fails!(2; "build", "--records", s(&bad), "--out", s(&out));
    assert!(err.contains("bad.jsonl:2"), "{err}");
    // A checks file without its serial column.
    let (index, _) = small(d);
    let q = d.join("q.csv");
    std::fs::write(&q, "query_id,make\nQ1,Glock\n").unwrap();
    let err = run_fails!(2; "check", "--index", s(&index), "--queries", s(&q));
    assert!(err.contains("q.csv:1:serial"), "{err}");
    // A reference file that is not TOML.
    let r = d.join("ref.toml");
    std::fs::write(&r, "this is [not toml").unwrap();
    let records = d.join("records.csv");
    let err =
        run_fails!(2; "build", "--records", s(&records), "--out", s(&out), "--reference", s(&r));
    assert!(err.contains("reference"), "{err}");
}

#[test]
fn damaged_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Missing files: I/O errors naming the file.
    let err = run_fails!(3; "build", "--records", s(&d.join("nope.csv")), "--out", s(&d.join("x")));
    assert!(err.contains("nope.csv"), "{err}");
    let err = run_fails!(3; "info", s(&d.join("nope.armsidx")));
    assert!(err.contains("nope.armsidx"), "{err}");
    run_fails!(3; "check", "--index", s(&d.join("nope.armsidx")), "--serial", "AB1234");
    // A byte flipped in the middle of an index: refused with a clear message.
    let (index, queries) = small(d);
    let good = std::fs::read(&index).unwrap();
    let mut bytes = good.clone();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    std::fs::write(&index, &bytes).unwrap();
    let err = run_fails!(2; "check", "--index", s(&index), "--serial", "AB1234");
    assert!(
        err.contains("damaged") && err.contains("i.armsidx"),
        "{err}"
    );
    run_fails!(2; "info", s(&index));
    // Truncated, and not an index at all.
    std::fs::write(&index, &good[..good.len() / 3]).unwrap();
    run_fails!(2; "info", s(&index));
    let err = run_fails!(2; "info", s(&queries));
    assert!(err.contains("not an armsmatch index"), "{err}");
}

#[test]
fn an_output_over_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (index, queries) = small(d);
    let records = d.join("records.csv");
    let truth = d.join("truth.csv");
    let before = |p: &Path| std::fs::read(p).unwrap();
    let (index_bytes, queries_bytes, records_bytes, truth_bytes) = (
        before(&index),
        before(&queries),
        before(&records),
        before(&truth),
    );
    // The same file under another name: a relative path with `..`, a link.
    let round_about = d.join("sub").join("..").join("i.armsidx");
    std::fs::create_dir(d.join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&queries, d.join("q-link.csv")).unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "check".into(),
                "--index".into(),
                s(&index).into(),
                "--serial".into(),
                "AB1234".into(),
                "--out".into(),
                s(&round_about).into(),
            ],
            "--index",
        ),
        (
            vec![
                "check".into(),
                "--index".into(),
                s(&index).into(),
                "--queries".into(),
                s(&queries).into(),
                "--out".into(),
                s(&queries).into(),
            ],
            "--queries",
        ),
        (
            vec![
                "build".into(),
                "--records".into(),
                s(&records).into(),
                "--out".into(),
                s(&records).into(),
            ],
            "--records",
        ),
        (
            vec![
                "eval".into(),
                "--index".into(),
                s(&index).into(),
                "--queries".into(),
                s(&queries).into(),
                "--truth".into(),
                s(&truth).into(),
                "--json".into(),
                s(&truth).into(),
            ],
            "--truth",
        ),
        (
            vec![
                "stats".into(),
                "--index".into(),
                s(&index).into(),
                "--out".into(),
                s(&index).into(),
            ],
            "--index",
        ),
        (
            vec![
                "report".into(),
                "--index".into(),
                s(&index).into(),
                "--out".into(),
                s(&index).into(),
            ],
            "--index",
        ),
    ];
    for (args, what) in cases {
        let out = armsmatch(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(&format!("is the {what} file too")),
            "{args:?}: {err}"
        );
    }
    #[cfg(unix)]
    {
        let link = d.join("q-link.csv");
        let err = run_fails!(1; "check", "--index", s(&index), "--queries", s(&queries), "--out", s(&link));
        assert!(err.contains("--queries"), "{err}");
    }
    assert_eq!(before(&index), index_bytes);
    assert_eq!(before(&queries), queries_bytes);
    assert_eq!(before(&records), records_bytes);
    assert_eq!(before(&truth), truth_bytes);
    // The hits file inside the notices' directory would be replaced by a notice.
    let notices = d.join("notices");
    std::fs::create_dir(&notices).unwrap();
    let err = run_fails!(1; "check", "--index", s(&index), "--serial", "AB1234", "--notify", s(&notices), "--out", s(&notices.join("DEU.jsonl")));
    assert!(err.contains("inside the --notify directory"), "{err}");
    // Standard output, and a new file, are fine.
    run_ok!(
        "check",
        "--index",
        s(&index),
        "--serial",
        "AB1234",
        "--out",
        "-"
    );
    run_ok!(
        "stats",
        "--index",
        s(&index),
        "--out",
        s(&d.join("stats.txt"))
    );
}

#[test]
fn usage_errors_exit_1() {
    let err = run_fails!(1; "check", "--no-such-flag");
    assert!(err.contains("--no-such-flag"), "{err}");
    run_fails!(1;);
    run_fails!(1; "frobnicate");
    run_fails!(1; "check", "--index", "i", "--serial", "AB1234", "--threshold", "2");
    run_fails!(1; "check", "--index", "i", "--serial", "AB1234", "--threshold", "NaN");
    run_fails!(1; "check", "--index", "i", "--serial", "AB1234", "--top", "0");
    run_fails!(1; "check", "--index", "i", "--serial", "AB1234", "--max-edits", "4");
    run_fails!(1; "check", "--index", "i");
    run_fails!(1; "check", "--index", "i", "--queries", "q.csv", "--serial", "AB1");
    run_fails!(1; "remove", "--index", "i");
    // Help and version succeed, and the help documents the exit codes.
    let help = run_ok!("--help");
    assert!(
        help.contains("Exit codes") && help.contains("3 I/O error"),
        "{help}"
    );
    let help = run_ok!("check", "--help");
    assert!(
        help.contains("Exit codes") && help.contains("--max-edits"),
        "{help}"
    );
    assert!(run_ok!("--version").contains("armsmatch"));
}

#[test]
fn a_failing_check_is_reported_and_the_rest_written() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    let q = dir.path().join("q.csv");
    std::fs::write(&q, "query_id,serial\nQ1,A?*?\nQ2,UNK\nQ3,QX7731\n").unwrap();
    let out = armsmatch(&["check", "--index", s(&index), "--queries", s(&q)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("check Q1") && err.contains("known characters"),
        "{err}"
    );
    assert!(err.contains("1 of 3 checks failed"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with(HITS_HEADER));
    assert!(
        err.contains("armsmatch: 3 checks,") && err.contains("1 failed"),
        "{err}"
    );
    // With --skip-bad-rows the refused check is a bad row: skipped and said so, as the
    // Python binding's errors="skip" does, and the run succeeds.
    let out = armsmatch(&[
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&q),
        "--skip-bad-rows",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("check Q1: skipped: ") && err.contains("known characters"),
        "{err}"
    );
    assert!(
        err.contains("1 skipped as bad rows (0 unreadable, 1 refused as checks)"),
        "{err}"
    );
    // A check with no usable serial says how it was compared.
    let err = String::from_utf8_lossy(
        &armsmatch(&[
            "check",
            "--index",
            s(&index),
            "--serial",
            "UNK",
            "--make",
            "Glock",
        ])
        .stderr,
    )
    .into_owned();
    assert!(err.contains("the check has no usable serial"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(HITS_HEADER) && !stdout.contains("\nQ1,"),
        "{stdout}"
    );
}

#[test]
fn a_bulk_check_sums_up_and_warns_of_shared_query_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = armsmatch::Index::builder();
    b.add(armsmatch::Record::new("R1", "AB123456").make("Glock"))
        .unwrap();
    b.add(armsmatch::Record::new("R2", "ZX987654").make("Beretta"))
        .unwrap();
    let index = dir.path().join("i.armsidx");
    b.build().unwrap().save(&index).unwrap();
    let q = dir.path().join("q.csv");
    std::fs::write(
        &q,
        "query_id,make,serial\nQ1,Glock,AB123456\nQ1,Beretta,ZX987654\nQ2,Colt,NOTHING99\n",
    )
    .unwrap();
    let hits = dir.path().join("h.csv");
    let out = armsmatch(&[
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&q),
        "--out",
        s(&hits),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    // Both checks ran; their hits share the id, and the user is told.
    let rows = csv_rows(&hits);
    let ids: Vec<&str> = rows.iter().map(|r| r["record_id"].as_str()).collect();
    assert_eq!(ids, ["R1", "R2"]);
    assert!(
        err.contains("1 query id is used by more than one check (\"Q1\" ×2)"),
        "{err}"
    );
    assert!(
        err.contains("armsmatch: 3 checks, 2 with a hit at or above 0.1 (2 hits written to"),
        "{err}"
    );
    assert!(err.contains("0 failed"), "{err}");
    // Distinct ids: no warning. One serial: no summary.
    std::fs::write(&q, "query_id,serial\nQ1,AB123456\nQ2,ZX987654\n").unwrap();
    let out = armsmatch(&[
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&q),
        "--out",
        s(&hits),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("more than one check") && err.contains("2 checks"),
        "{err}"
    );
    let out = armsmatch(&["check", "--index", s(&index), "--serial", "AB123456"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn demo_runs_small() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok!(
        "demo",
        "--records",
        "20000",
        "--queries",
        "500",
        "--out",
        s(dir.path())
    );
    for line in [
        "20,000 records generated",
        "B/record",
        "checks/s",
        "checks with a hit",
        "recall@1",
        "recall@5",
        "false-hit rate",
        "false hits",
        "example hits",
        "→ record",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    // The examples show different kinds of serial match.
    let kinds: HashSet<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix("serial "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(kinds.len() >= 2, "{kinds:?} in:\n{out}");
    for f in [
        "records.csv",
        "queries.csv",
        "truth.csv",
        "hits.csv",
        "index.armsidx",
    ] {
        assert!(dir.path().join(f).exists(), "{f}");
    }
    // The kept index opens, and the kept hits file is what `check` writes for the kept
    // checks: the demo's evaluation and `check` agree.
    let index = dir.path().join("index.armsidx");
    let info = run_ok!("info", s(&index));
    assert!(info.contains("20,000"), "{info}");
    let hits = std::fs::read_to_string(dir.path().join("hits.csv")).unwrap();
    assert_eq!(hits.lines().next(), Some(HITS_HEADER));
    let queries = dir.path().join("queries.csv");
    assert_eq!(
        run_ok!("check", "--index", s(&index), "--queries", s(&queries)),
        hits
    );
}

/// Runs `armsmatch ARGS…` with its standard output closed before it writes (a reader
/// such as `head` that has gone): returns the exit code and standard error.
fn with_stdout_closed(args: &[&str]) -> (Option<i32>, String) {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_armsmatch"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("it ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_output_pipe_ends_quietly_and_a_full_disk_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries) = small(dir.path());
    let truth = dir.path().join("truth.csv");
    let report = dir.path().join("eval.json");
    for args in [
        vec!["info", "--json", s(&index)],
        vec!["info", s(&index)],
        vec![
            "check",
            "--index",
            s(&index),
            "--queries",
            s(&queries),
            "--format",
            "jsonl",
        ],
        vec!["check", "--index", s(&index), "--queries", s(&queries)],
        vec![
            "eval",
            "--index",
            s(&index),
            "--queries",
            s(&queries),
            "--truth",
            s(&truth),
            "--json",
            s(&report),
        ],
    ] {
        let (code, err) = with_stdout_closed(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    // The report file is written even though nobody read the text.
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .contains("recall_at_1"));
    if Path::new("/dev/full").exists() {
        for format in ["jsonl", "csv", "text"] {
            let out = Command::new(env!("CARGO_BIN_EXE_armsmatch"))
                .args(["check", "--index", s(&index), "--queries", s(&queries)])
                .args(["--format", format])
                .stdout(std::fs::File::create("/dev/full").unwrap())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(3), "{format}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
}

#[test]
fn concurrent_adds_lose_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    // Four adds at once, each reading, changing and saving the whole index: without
    // the update lock the last rename wins and the others' records are lost.
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let index = index.clone();
            let recs = dir.path().join(format!("new{i}.csv"));
            std::fs::write(
                &recs,
                format!(
                    "record_id,make,model,serial,calibre,type,country,status,reported_on\n\
                     CONC-{i},Glock,19,QC{i}77319,9mm,pistol,NLD,stolen,2025-05-01\n"
                ),
            )
            .unwrap();
            std::thread::spawn(move || {
                Command::new(env!("CARGO_BIN_EXE_armsmatch"))
                    .args(["add", "--index", s(&index), "--records", s(&recs)])
                    .output()
                    .unwrap()
            })
        })
        .collect();
    for h in handles {
        let out = h.join().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for i in 0..4 {
        let out = run_ok!(
            "check",
            "--index",
            s(&index),
            "--serial",
            format!("QC{i}77319")
        );
        assert!(out.contains(&format!("CONC-{i}")), "CONC-{i} lost: {out}");
    }
    assert!(run_ok!("info", s(&index)).contains("5,004"));
}

#[test]
fn notify_wants_a_fresh_directory_and_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries) = small(dir.path());
    let notify = dir.path().join("notify");
    run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--notify",
        s(&notify),
        "--out",
        s(&dir.path().join("h.csv"))
    );
    let written = std::fs::read_dir(&notify).unwrap().count();
    assert!(written > 0);
    // A second run into the same directory would mix its files with the first's.
    let err = run_fails!(1; "check", "--index", s(&index), "--queries", s(&queries), "--notify", s(&notify));
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(std::fs::read_dir(&notify).unwrap().count(), written);
    // `--out -` writes to standard output, not to a file named `-`.
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--out",
        "-"
    );
    assert!(out.starts_with("query_id,rank,record_id"), "{out}");
    assert!(!Path::new("-").exists());
}

#[test]
fn eval_refuses_ambiguous_labels_and_warns_of_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries) = small(dir.path());
    let truth = std::fs::read_to_string(dir.path().join("truth.csv")).unwrap();
    let mut lines: Vec<&str> = truth.lines().collect();
    // A label naming a record the index does not hold, and one for no check.
    let hit = lines
        .iter()
        .position(|l| l.contains(",hit,"))
        .expect("a true hit");
    let stale = {
        let mut cols: Vec<String> = lines[hit].split(',').map(str::to_string).collect();
        *cols.last_mut().unwrap() = "GONE-1".into();
        cols.join(",")
    };
    lines[hit] = &stale;
    lines.push("Q-9999999,non_hit,sibling,");
    let t2 = dir.path().join("t2.csv");
    std::fs::write(&t2, lines.join("\n") + "\n").unwrap();
    let out = armsmatch(&[
        "eval",
        "--index",
        s(&index),
        "--queries",
        s(&queries),
        "--truth",
        s(&t2),
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 labelled record ids are not in the index (e.g. GONE-1)"),
        "{err}"
    );
    assert!(err.contains("1 labels in"), "{err}");
    // The same check labelled twice is ambiguous.
    lines.push(lines[1]);
    let t3 = dir.path().join("t3.csv");
    std::fs::write(&t3, lines.join("\n") + "\n").unwrap();
    let err =
        run_fails!(2; "eval", "--index", s(&index), "--queries", s(&queries), "--truth", s(&t3));
    assert!(err.contains("labelled twice"), "{err}");
}

#[test]
fn info_takes_the_index_either_way_and_csv_has_no_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    assert_eq!(
        run_ok!("info", s(&index)),
        run_ok!("info", "--index", s(&index))
    );
    run_fails!(1; "info");
    let err = run_fails!(1; "check", "--index", s(&index), "--serial", "AB1234", "--explain");
    assert!(
        err.contains("--explain needs --format jsonl or text"),
        "{err}"
    );
}

#[test]
fn a_file_that_is_no_trace_store_is_a_data_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(
        &db,
        "not SQLite at all, but long enough to be read as a header\n".repeat(20),
    )
    .unwrap();
    let err = run_fails!(2; "trace", "list", "--db", s(&db), "--country", "DEU", "--agency", "BKA");
    assert!(err.contains("not a trace store"), "{err}");
    // A store that is not there is still an I/O matter (3), with the way to make one.
    let missing = dir.path().join("missing.db");
    let err =
        run_fails!(3; "trace", "list", "--db", s(&missing), "--country", "DEU", "--agency", "BKA");
    assert!(err.contains("trace new"), "{err}");
}

#[test]
fn ids_that_read_as_formulas_are_escaped_in_csv_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = armsmatch::Index::builder();
    b.add(
        armsmatch::Record::new("=HYPERLINK(\"http://x\")", "AB123456")
            .make("Glock")
            .country("DEU"),
    )
    .unwrap();
    b.add(armsmatch::Record::new("R-2", "ZX987654").country("ITA"))
        .unwrap();
    let index = dir.path().join("i.armsidx");
    b.build().unwrap().save(&index).unwrap();
    let q = dir.path().join("q.csv");
    std::fs::write(
        &q,
        "query_id,serial,country\n@SUM(1),AB123456,FRA\n-7,ZX987654,NLD\n",
    )
    .unwrap();
    let hits = dir.path().join("h.csv");
    run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&q),
        "--out",
        s(&hits)
    );
    let rows = csv_rows(&hits);
    let ids: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["query_id"].as_str(), r["record_id"].as_str()))
        .collect();
    assert_eq!(
        ids,
        // A plain number is no formula: it is written as it is and joins back.
        [("'@SUM(1)", "'=HYPERLINK(\"http://x\")"), ("-7", "R-2")]
    );
    // JSON Lines carry the ids as they are.
    let jsonl = dir.path().join("h.jsonl");
    run_ok!(
        "check",
        "--index",
        s(&index),
        "--queries",
        s(&q),
        "--format",
        "jsonl",
        "--out",
        s(&jsonl)
    );
    let first: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&jsonl)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["record_id"], "=HYPERLINK(\"http://x\")");
    assert_eq!(first["query_id"], "@SUM(1)");
    // The statistics read the escaped ids back: both hits join their record and check.
    let stats = run_ok!(
        "stats",
        "--index",
        s(&index),
        "--hits",
        s(&hits),
        "--queries",
        s(&q),
        "--format",
        "csv"
    );
    assert!(stats.contains("hits,all,2,,\n"), "{stats}");
    assert!(stats.contains("routes,DEU>FRA,1,"), "{stats}");
    assert!(stats.contains("routes,ITA>NLD,1,"), "{stats}");
}

#[test]
fn generated_data_never_silently_replaces_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = s(dir.path());
    let gen = [
        "generate",
        "--records",
        "200",
        "--queries",
        "20",
        "--out",
        d,
    ];
    run_ok!(gen[0], gen[1], gen[2], gen[3], gen[4], gen[5], gen[6]);
    // A register of one's own in the same place.
    let mine = "record_id,serial\nMY-1,AB123456\n";
    std::fs::write(dir.path().join("records.csv"), mine).unwrap();
    let err = run_fails!(1; gen[0], gen[1], gen[2], gen[3], gen[4], gen[5], gen[6]);
    assert!(
        err.contains("already has records.csv, queries.csv, truth.csv") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("records.csv")).unwrap(),
        mine
    );
    // The demo refuses before it runs, and says which files.
    let err = run_fails!(1; "demo", "--records", "200", "--queries", "20", "--out", d);
    assert!(err.contains("already has records.csv"), "{err}");
    assert!(!dir.path().join("index.armsidx").exists());
    // --force overwrites.
    run_ok!(gen[0], gen[1], gen[2], gen[3], gen[4], gen[5], gen[6], "--force");
    assert_ne!(
        std::fs::read_to_string(dir.path().join("records.csv")).unwrap(),
        mine
    );
    // --force means nothing without a directory to write.
    run_fails!(1; "demo", "--records", "200", "--force");
}

#[test]
fn a_legacy_encoding_is_read_when_named_and_refused_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252 with Excel's semicolons: "Manufacture d'armes de Saint-Étienne".
    let records = dir.path().join("r.csv");
    std::fs::write(
        &records,
        b"record_id;make;serial\r\nFRA-1;Manufacture d'armes de Saint-\xc9tienne;MA123456\r\n",
    )
    .unwrap();
    let index = dir.path().join("i.armsidx");
    let err = run_fails!(2; "build", "--records", s(&records), "--out", s(&index));
    assert!(
        err.contains("r.csv:2:make") && err.contains("Windows-1252"),
        "{err}"
    );
    run_ok!(
        "build",
        "--records",
        s(&records),
        "--out",
        s(&index),
        "--encoding",
        "windows-1252"
    );
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--serial",
        "MA123456",
        "--format",
        "text"
    );
    assert!(out.contains("Saint-Étienne"), "{out}");
    let err = run_fails!(1; "build", "--records", s(&records), "--out", s(&index), "--encoding", "ebcdic");
    assert!(err.contains("windows-1251"), "{err}");
}
