//! The bad-input matrix (`tests/bad_inputs.json`) through the command line: every entry
//! is written to a file the way a user would hand it over, and the binary must answer
//! with the documented exit code (0 ok, 1 usage error — an option out of range on the
//! command line —, 2 data error) and never crash: no panic message, no signal.
//!
//! A module of `tests/cli.rs` (the crate's one integration-test binary).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn matrix() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad_inputs.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("read the matrix")).expect("JSON")
}

/// A text field of the matrix as bytes (see the matrix's `format`).
fn text_bytes(v: &Value) -> Vec<u8> {
    match v {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Object(o) if o.contains_key("hex") => {
            let h = o["hex"].as_str().expect("hex");
            (0..h.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex digits"))
                .collect()
        }
        Value::Object(o) => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            let times = o["times"].as_u64().expect("times") as usize;
            let mut out = part("prefix").as_bytes().to_vec();
            out.extend(part("repeat").repeat(times).into_bytes());
            out.extend_from_slice(part("suffix").as_bytes());
            out
        }
        other => panic!("not a text value: {other}"),
    }
}

fn field(input: &Value, key: &str) -> Vec<u8> {
    input.get(key).map(text_bytes).unwrap_or_default()
}

/// One CSV line of raw bytes, every field quoted.
fn csv_line(fields: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        for &b in f {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    }
    out.push(b'\n');
    out
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsmatch"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// What the run did, or why it is wrong whatever the entry expects.
fn exit_code(out: &Output) -> Result<i32, String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("panicked") {
        return Err(format!(
            "PANIC: {}",
            stderr.chars().take(300).collect::<String>()
        ));
    }
    out.status
        .code()
        .ok_or_else(|| format!("killed by a signal: {:?}", out.status))
}

/// The exit codes an entry allows: 0 for success, 2 for a data error; an option given
/// on the command line that is out of range is a usage error (1).
fn allowed(case: &Value) -> Vec<i32> {
    let expect = case["expect"].as_str().expect("expect");
    if !expect.starts_with("error:") {
        vec![0]
    } else if case["input"].get("options").is_some() {
        vec![1]
    } else {
        vec![2]
    }
}

fn hit_ids(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON Lines hit");
            v["record_id"].as_str().expect("record_id").to_string()
        })
        .collect()
}

struct Setup {
    dir: tempfile::TempDir,
    index: PathBuf,
    n_records: usize,
}

fn setup(m: &Value) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = dir.path().join("register.jsonl");
    let mut text = String::new();
    let recs = m["records"].as_array().expect("records");
    for r in recs {
        text.push_str(&serde_json::to_string(r).expect("JSON"));
        text.push('\n');
    }
    std::fs::write(&records, text).expect("write");
    let index = dir.path().join("register.armsidx");
    let out = run(&["build", "--records", s(&records), "--out", s(&index)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Setup {
        dir,
        index,
        n_records: recs.len(),
    }
}

fn run_query(st: &Setup, n: usize, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let path = st.dir.path().join(format!("q{n}.csv"));
    let mut file = b"query_id,serial,make,model,calibre,country\n".to_vec();
    let fields: Vec<Vec<u8>> = std::iter::once(b"Q1".to_vec())
        .chain(["serial", "make", "model", "calibre", "country"].map(|k| field(input, k)))
        .collect();
    file.extend(csv_line(&fields));
    std::fs::write(&path, file).expect("write");
    let mut args: Vec<String> = ["check", "--index", s(&st.index), "--queries", s(&path)]
        .map(String::from)
        .to_vec();
    args.extend(["--format".into(), "jsonl".into()]);
    if let Some(o) = input.get("options") {
        for (k, flag) in [
            ("max_edits", "--max-edits"),
            ("top", "--top"),
            ("threshold", "--threshold"),
        ] {
            match o.get(k) {
                Some(Value::String(v)) => args.extend([flag.into(), v.clone()]),
                Some(v) => args.extend([flag.into(), v.to_string()]),
                None => {}
            }
        }
    }
    let out = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let code = exit_code(&out)?;
    if !allowed(case).contains(&code) {
        return Err(format!(
            "exit {code}, expected {:?}: {}",
            allowed(case),
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    if code == 0 {
        let ids = hit_ids(&out.stdout);
        if case
            .get("hits")
            .is_some_and(|h| h.as_array().is_some_and(Vec::is_empty))
            && !ids.is_empty()
        {
            return Err(format!("expected no hit, got {ids:?}"));
        }
        if let Some(first) = case.get("first_hit").and_then(Value::as_str) {
            if ids.first().map(String::as_str) != Some(first) {
                return Err(format!("expected first hit {first}, got {ids:?}"));
            }
        }
    }
    Ok(())
}

fn run_record(st: &Setup, n: usize, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let path = st.dir.path().join(format!("r{n}.csv"));
    let cols = [
        "id",
        "serial",
        "make",
        "model",
        "calibre",
        "country",
        "reported_on",
    ];
    let mut file = b"record_id,serial,make,model,calibre,country,reported_on\n".to_vec();
    file.extend(csv_line(&cols.map(|k| field(input, k))));
    std::fs::write(&path, file).expect("write");
    let index = st.dir.path().join(format!("r{n}.armsidx"));
    let out = run(&["build", "--records", s(&path), "--out", s(&index)]);
    let code = exit_code(&out)?;
    if !allowed(case).contains(&code) {
        return Err(format!(
            "build: exit {code}, expected {:?}: {}",
            allowed(case),
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    if let (0, Some(serial)) = (code, case.get("found_by").and_then(Value::as_str)) {
        let out = run(&[
            "check",
            "--index",
            s(&index),
            "--serial",
            serial,
            "--format",
            "jsonl",
        ]);
        exit_code(&out)?;
        let want = case
            .get("stored_id")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| String::from_utf8_lossy(&field(input, "id")).into_owned());
        if !hit_ids(&out.stdout).contains(&want) {
            return Err(format!("check --serial {serial} does not find {want}"));
        }
    }
    Ok(())
}

fn run_records_file(st: &Setup, n: usize, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let ext = input["format"].as_str().expect("format");
    let path = st.dir.path().join(format!("f{n}.{ext}"));
    std::fs::write(&path, text_bytes(&input["text"])).expect("write");
    let index = st.dir.path().join(format!("f{n}.armsidx"));
    let mut args = vec!["build", "--records", s(&path), "--out", s(&index)];
    if input.get("skip_bad_rows").and_then(Value::as_bool) == Some(true) {
        args.push("--skip-bad-rows");
    }
    let out = run(&args);
    let code = exit_code(&out)?;
    if !allowed(case).contains(&code) {
        return Err(format!(
            "build: exit {code}, expected {:?}: {}",
            allowed(case),
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    if code == 2 {
        // The message names the file, and the line where the entry gives one.
        let err = String::from_utf8_lossy(&out.stderr);
        if let Some(line) = case.get("line").and_then(Value::as_u64) {
            let at = format!("{}:{line}", path.display());
            if !err.contains(&at) {
                return Err(format!("the error does not name {at}: {err}"));
            }
        }
    }
    if let (0, Some(want)) = (code, case.get("records").and_then(Value::as_u64)) {
        let info = run(&["info", s(&index), "--json"]);
        exit_code(&info)?;
        let v: Value =
            serde_json::from_slice(&info.stdout).map_err(|e| format!("info --json: {e}"))?;
        if v["records"].as_u64() != Some(want) {
            return Err(format!(
                "{} records in the index, expected {want}",
                v["records"]
            ));
        }
    }
    Ok(())
}

fn position(v: &Value, len: usize) -> usize {
    match v {
        Value::String(s) if s == "half" => len / 2,
        v => {
            let i = v.as_i64().expect("a position");
            if i < 0 {
                len - (-i) as usize
            } else {
                i as usize
            }
        }
    }
}

fn run_index_bytes(st: &Setup, n: usize, case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let bytes = match input.get("bytes") {
        Some(b) => text_bytes(b),
        None => {
            let mut b = std::fs::read(&st.index).expect("read the register index");
            if let Some(t) = input.get("truncate_to") {
                b.truncate(position(t, b.len()));
            }
            if let Some(f) = input.get("flip") {
                let at = position(f, b.len());
                b[at] ^= 0x5A;
            }
            if let Some(a) = input.get("append") {
                b.extend(text_bytes(a));
            }
            b
        }
    };
    let path = st.dir.path().join(format!("i{n}.armsidx"));
    std::fs::write(&path, bytes).expect("write");
    let out = run(&["info", s(&path), "--json"]);
    let code = exit_code(&out)?;
    if !allowed(case).contains(&code) {
        return Err(format!(
            "info: exit {code}, expected {:?}: {}",
            allowed(case),
            String::from_utf8_lossy(&out.stderr)
                .chars()
                .take(300)
                .collect::<String>()
        ));
    }
    if code == 0 {
        let v: Value =
            serde_json::from_slice(&out.stdout).map_err(|e| format!("info --json: {e}"))?;
        if v["records"].as_u64() != Some(st.n_records as u64) {
            return Err(format!(
                "{} records, expected {}",
                v["records"], st.n_records
            ));
        }
    }
    // A check against a refused file is refused the same way.
    let out = run(&["check", "--index", s(&path), "--serial", "AB123456"]);
    let check_code = exit_code(&out)?;
    if check_code != code {
        return Err(format!("check exits {check_code}, info exits {code}"));
    }
    Ok(())
}

#[test]
fn bad_input_matrix_through_the_command_line() {
    let m = matrix();
    let st = setup(&m);
    let cases = m["cases"].as_array().expect("cases");
    let mut failures = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let target = case["target"].as_str().expect("target");
        let r = match target {
            "query" => run_query(&st, n, case),
            "record" => run_record(&st, n, case),
            "records_csv" => run_records_file(&st, n, case),
            "index_bytes" => run_index_bytes(&st, n, case),
            other => Err(format!("unknown target {other}")),
        };
        if let Err(why) = r {
            failures.push(format!(
                "{target} / {}: {why}",
                case["name"].as_str().unwrap_or("?")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} matrix entries failed through the CLI:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
