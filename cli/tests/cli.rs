//! End-to-end tests of the `armsmatch` binary: files in, files and exit codes out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn armsmatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsmatch"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs and asserts the exit code, returning stdout.
macro_rules! run_ok {
    ($($arg:expr),* $(,)?) => {{
        let out = armsmatch(&[$($arg),*]);
        assert!(
            out.status.success(),
            "armsmatch {:?} failed: {}",
            [$($arg),*],
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }};
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A small generated register, built once per test.
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
    let out = run_ok!(
        "build",
        "--records",
        s(&dir.join("records.csv")),
        "--out",
        s(&index)
    );
    assert!(out.contains("indexed 5000 records"), "{out}");
    (index, dir.join("queries.csv"))
}

#[test]
fn generate_build_check_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries) = small(dir.path());
    let hits = dir.path().join("hits.csv");
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
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("query_id,rank,record_id,score,serial_match,serial_distance,make_match,model_match,calibre_match")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        !rows.iter().any(|r| r.starts_with("query_id,")),
        "header repeated"
    );
    assert!(rows.len() > 50, "only {} hit rows", rows.len());
    for r in &rows {
        let f: Vec<&str> = r.split(',').collect();
        assert_eq!(f.len(), 9, "{r}");
        let score: f32 = f[3].parse().unwrap();
        assert!((0.5..=1.0).contains(&score), "{r}");
    }
    // JSON Lines with explanations.
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
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(first["explanation"]["serial"]["kind"].is_string());
    assert!(first["why"].as_str().unwrap().contains("score"));
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
    run_ok!("add", "--index", s(&index), "--records", s(&recs));
    let out = run_ok!(
        "check",
        "--index",
        s(&index),
        "--serial",
        "qx7731zz",
        "--make",
        "Glock",
        "--format",
        "text"
    );
    assert!(out.contains("NEW-1"), "{out}");
    let info = run_ok!("info", s(&index), "--json");
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["records"], 5001);
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
    // Removing it again is a data error.
    let out = armsmatch(&["remove", "--index", s(&index), "--id", "NEW-1"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn info_reports_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    let out = run_ok!("info", s(&index));
    assert!(out.contains("records     5,000"), "{out}");
    assert!(out.contains("serial_fst"), "{out}");
}

#[test]
fn eval_reports_recall() {
    let dir = tempfile::tempdir().unwrap();
    run_ok!(
        "generate",
        "--records",
        "5000",
        "--queries",
        "300",
        "--seed",
        "5",
        "--out",
        s(dir.path())
    );
    let json = dir.path().join("eval.json");
    let out = run_ok!(
        "eval",
        "--records",
        s(&dir.path().join("records.csv")),
        "--queries",
        s(&dir.path().join("queries.csv")),
        "--truth",
        s(&dir.path().join("truth.csv")),
        "--json",
        s(&json)
    );
    assert!(out.contains("recall@1"), "{out}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    let r1 = v["hits"]["recall_at_1"].as_f64().unwrap();
    assert!(r1 > 0.5 && r1 <= 1.0, "{r1}");
    let fh = v["non_hits"]["false_hit_rate"].as_f64().unwrap();
    assert!((0.0..0.5).contains(&fh), "{fh}");
}

#[test]
fn bad_inputs_give_clear_errors_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Missing required column: data error naming file:line:column.
    let bad = d.join("bad.csv");
    std::fs::write(&bad, "record_id,make\nR1,Glock\n").unwrap();
    let out = armsmatch(&["build", "--records", s(&bad), "--out", s(&d.join("x"))]);
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.csv:1:serial"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // Malformed row: line and column; with --skip-bad-rows it is counted.
    let bad = d.join("bad2.csv");
    std::fs::write(
        &bad,
        "record_id,serial,country\nR1,A1234,DEU\nR2,B1234,Germany\n",
    )
    .unwrap();
    let out = armsmatch(&["build", "--records", s(&bad), "--out", s(&d.join("x"))]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad2.csv:3:country"));
    let out = armsmatch(&[
        "build",
        "--records",
        s(&bad),
        "--out",
        s(&d.join("x")),
        "--skip-bad-rows",
    ]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 1"));
    // Missing file: I/O error.
    let out = armsmatch(&["build", "--records", s(&d.join("nope.csv")), "--out", "x"]);
    assert_eq!(code(&out), 3);
    // A damaged index: data error, clear message.
    let (index, _) = small(d);
    let mut bytes = std::fs::read(&index).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    std::fs::write(&index, bytes).unwrap();
    let out = armsmatch(&["check", "--index", s(&index), "--serial", "AB1234"]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    // Usage errors exit 1.
    assert_eq!(code(&armsmatch(&["check", "--no-such-flag"])), 1);
    assert_eq!(code(&armsmatch(&[])), 1);
    assert_eq!(code(&armsmatch(&["--help"])), 0);
}

#[test]
fn a_failing_check_is_reported_and_the_rest_written() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _) = small(dir.path());
    let q = dir.path().join("q.csv");
    std::fs::write(&q, "query_id,serial\nQ1,A?*?\nQ2,UNK\n").unwrap();
    let out = armsmatch(&["check", "--index", s(&index), "--queries", s(&q)]);
    assert_eq!(code(&out), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("check Q1") && err.contains("known characters"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("query_id,rank"));
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
        "register",
        "checks/s",
        "recall@1",
        "false-hit rate",
        "example hits",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    for f in [
        "records.csv",
        "queries.csv",
        "truth.csv",
        "hits.csv",
        "index.armsidx",
    ] {
        assert!(dir.path().join(f).exists(), "{f}");
    }
}
