//! `armsmatch stats`, `report` and `trace …` end to end, through their clap
//! definitions and `run_*` functions (the module is compiled into this test as it is
//! into the binary).

#[allow(dead_code)]
#[path = "../src/register_cmds.rs"]
mod register_cmds;

use std::path::Path;

use armsmatch::{Date, Index, Kind, Record, Status};
use clap::{CommandFactory, Parser, Subcommand};
use register_cmds::{ReportArgs, StatsArgs, TraceCommand};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Stats(StatsArgs),
    Report(ReportArgs),
    #[command(subcommand)]
    Trace(TraceCommand),
}

/// Runs `armsmatch ARGS…`, returning standard output.
fn run(args: &[&str]) -> Result<String, String> {
    let cli = Cli::try_parse_from(std::iter::once("armsmatch").chain(args.iter().copied()))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    match &cli.command {
        Command::Stats(a) => register_cmds::run_stats(a, &mut out),
        Command::Report(a) => register_cmds::run_report(a, &mut out),
        Command::Trace(c) => register_cmds::run_trace(c, &mut out),
    }
    .map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).unwrap())
}

fn ok(args: &[&str]) -> String {
    run(args).unwrap_or_else(|e| panic!("armsmatch {}: {e}", args.join(" ")))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A small register saved as an index, a queries file and the hits file of its check.
fn files(dir: &Path) -> (String, String, String) {
    let mut b = Index::builder();
    let d = |s: &str| s.parse::<Date>().unwrap();
    for r in [
        Record::new("DEU-1", "GL100001")
            .make("Glock")
            .model("19")
            .calibre("9mm")
            .kind(Kind::Pistol)
            .country("DEU")
            .status(Status::Stolen)
            .reported_on(d("2024-01-01")),
        Record::new("DEU-2", "BE200001")
            .make("Beretta")
            .model("92FS")
            .calibre("9mm")
            .kind(Kind::Pistol)
            .country("DEU")
            .status(Status::Lost)
            .reported_on(d("2024-02-01")),
        Record::new("ITA-1", "SW300001")
            .make("S&W")
            .model("686")
            .calibre(".357 Magnum")
            .kind(Kind::Revolver)
            .country("ITA")
            .status(Status::Stolen)
            .reported_on(d("2024-02-15")),
        Record::new("FRA-1", "CO400001")
            .make("Colt")
            .kind(Kind::Revolver)
            .country("FRA")
            .status(Status::Trafficked),
    ] {
        b.add(r).unwrap();
    }
    let index = dir.join("register.armsidx");
    b.build().unwrap().save(&index).unwrap();
    let queries = dir.join("queries.csv");
    std::fs::write(
        &queries,
        "query_id,make,model,serial,calibre,country,checked_on\n\
         Q1,Glock,,GL100001,,FRA,2024-01-31\n\
         Q2,Smith and Wesson,,SW300001,,FRA,2024-03-16\n\
         Q3,Beretta,,BE200001,,NLD,\n",
    )
    .unwrap();
    let hits = dir.join("hits.csv");
    std::fs::write(
        &hits,
        "query_id,rank,record_id,score,serial_match,serial_distance,make_match,model_match,calibre_match\n\
         Q1,1,DEU-1,1,exact,0,same,unknown,unknown\n\
         Q2,1,ITA-1,0.99,exact,0,alias,unknown,unknown\n\
         Q3,1,DEU-2,1,exact,0,same,unknown,unknown\n\
         Q3,2,DEU-1,0.41,fuzzy,2,different,unknown,unknown\n",
    )
    .unwrap();
    (
        s(&index).to_string(),
        s(&queries).to_string(),
        s(&hits).to_string(),
    )
}

#[test]
fn the_clap_definitions_are_valid() {
    Cli::command().debug_assert();
    let schema: serde_json::Value = serde_json::from_str(&ok(&["trace", "schema"])).unwrap();
    assert_eq!(
        schema["properties"]["format"]["const"],
        "armsmatch.trace_requests"
    );
}

#[test]
fn stats_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries, hits) = files(dir.path());
    let text = ok(&[
        "stats",
        "--index",
        &index,
        "--hits",
        &hits,
        "--queries",
        &queries,
    ]);
    assert!(text.contains("Register: 4 records"), "{text}");
    assert!(text.contains("Smith & Wesson"), "{text}");
    assert!(text.contains("DEU > FRA"), "{text}");
    assert!(text.contains("ITA > FRA"), "{text}");
    assert!(text.contains("DEU > NLD"), "{text}");

    let csv = ok(&[
        "stats",
        "--index",
        &index,
        "--hits",
        &hits,
        "--queries",
        &queries,
        "--format",
        "csv",
    ]);
    assert!(csv.starts_with("table,label,count,median_days,detail\n"));
    assert!(csv.contains("records_by_country,DEU,2,,\n"), "{csv}");
    assert!(csv.contains("routes,DEU>FRA,1,30,Glock 1\n"), "{csv}");
    assert!(
        csv.contains("routes,ITA>FRA,1,30,Smith & Wesson 1\n"),
        "{csv}"
    );
    assert!(
        csv.contains("hits,all,3,,\n"),
        "the rank-2 candidate is not a sighting: {csv}"
    );

    let out = dir.path().join("stats.json");
    ok(&[
        "stats",
        "--index",
        &index,
        "--hits",
        &hits,
        "--all-ranks",
        "--format",
        "json",
        "--out",
        s(&out),
    ]);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["register"]["records"], 4);
    assert_eq!(v["hits"]["hits"], 4);
    assert_eq!(v["hits"]["by_check_country"][0]["label"], "unknown");

    // Bad input is an error naming it; flags that need others are refused.
    let e = run(&["stats", "--index", s(&dir.path().join("nope.armsidx"))]).unwrap_err();
    assert!(e.contains("nope.armsidx"), "{e}");
    assert!(run(&["stats", "--index", &index, "--queries", &queries]).is_err());
    assert!(run(&["stats", "--index", &index, "--traces", "x.db"]).is_err());
}

#[test]
fn report_writes_one_self_contained_file() {
    let dir = tempfile::tempdir().unwrap();
    let (index, queries, hits) = files(dir.path());
    let db = dir.path().join("traces.db");
    let dbs = s(&db);
    ok(&[
        "trace",
        "new",
        "--db",
        dbs,
        "--country",
        "FRA",
        "--agency",
        "PN",
        "--case",
        "PN-1",
        "--index",
        &index,
        "--record",
        "DEU-1",
        "--serial",
        "GL100001",
        "--make",
        "Glock",
        "--recovered-on",
        "2024-01-31",
    ]);
    let html_path = dir.path().join("report.html");
    let said = ok(&[
        "report",
        "--index",
        &index,
        "--hits",
        &hits,
        "--queries",
        &queries,
        "--traces",
        dbs,
        "--country",
        "FRA",
        "--agency",
        "PN",
        "--out",
        s(&html_path),
        "--title",
        "Test <register>",
    ]);
    assert!(
        said.contains("4 records, 3 hits, 3 routes, 1 trace requests"),
        "{said}"
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.contains("<title>Test &lt;register&gt;</title>"));
    assert!(html.contains(r#"data-chart="records-by-make""#));
    assert!(html.contains(r#"<g class="bar" data-label="Smith &amp; Wesson" data-count="1""#));
    assert!(html.contains(r#"<g class="route" data-from="DEU" data-to="FRA" data-count="1">"#));
    assert!(html.contains(r#"<div class="kpi" data-kpi="traces" data-count="1">"#));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("http"));
}

#[test]
fn a_trace_request_from_hit_to_close() {
    let dir = tempfile::tempdir().unwrap();
    let (index, _, _) = files(dir.path());
    let db = dir.path().join("traces.db");
    let db = s(&db);
    let fra = [
        "--db",
        db,
        "--country",
        "FRA",
        "--agency",
        "Police nationale",
    ];
    let aut = ["--db", db, "--country", "AUT", "--agency", "BK"];
    let deu = ["--db", db, "--country", "DEU", "--agency", "BKA"];
    let esp = ["--db", db, "--country", "ESP", "--agency", "GC"];
    let with = |cmd: &[&str], who: &[&str], rest: &[&str]| -> Result<String, String> {
        let args: Vec<&str> = cmd.iter().chain(who).chain(rest).copied().collect();
        run(&args)
    };

    // Reading a store that does not exist is an error, not a new empty file.
    assert!(with(&["trace", "list"], &fra, &[])
        .unwrap_err()
        .contains("trace new"));

    let created = with(
        &["trace", "new"],
        &fra,
        &[
            "--case",
            "PN-2024-0001",
            "--index",
            &index,
            "--record",
            "DEU-1",
            "--serial",
            "GL100001",
            "--make",
            "GLOCK",
            "--recovered-in",
            "FRA",
        ],
    )
    .unwrap();
    assert!(
        created.contains("created trace request 1 (draft) FRA → AUT, DEU"),
        "{created}"
    );
    assert!(created.contains("recovery_date"), "{created}");
    // A record that is not a hit of the firearm is refused.
    let e = with(
        &["trace", "new"],
        &fra,
        &[
            "--case", "x", "--index", &index, "--record", "ITA-1", "--serial", "GL100001",
        ],
    )
    .unwrap_err();
    assert!(e.contains("not a hit"), "{e}");

    // Incomplete: refused; completed with edit; sent.
    assert!(with(&["trace", "send", "1"], &fra, &[])
        .unwrap_err()
        .contains("recovery_date"));
    let edited = with(
        &["trace", "edit", "1"],
        &fra,
        &[
            "--recovered-on",
            "2024-02-02",
            "--place",
            "Strasbourg",
            "--marking",
            "proof: eagle N",
        ],
    )
    .unwrap();
    assert!(edited.contains("ready to send"), "{edited}");
    assert_eq!(
        with(&["trace", "send", "1"], &fra, &[]).unwrap(),
        "trace request 1: sent\n"
    );

    // The addressees see it; a third country does not.
    assert!(with(&["trace", "list", "--incoming"], &aut, &[])
        .unwrap()
        .contains("PN-2024-0001"));
    assert!(with(&["trace", "list"], &esp, &[])
        .unwrap()
        .contains("no trace requests"));
    assert!(with(&["trace", "show", "1"], &esp, &[]).is_err());
    assert!(with(&["trace", "respond", "1"], &esp, &["--text", "hi"]).is_err());

    assert_eq!(
        with(&["trace", "ack", "1"], &aut, &[]).unwrap(),
        "trace request 1: acknowledged\n"
    );
    assert_eq!(
        with(&["trace", "progress", "1"], &deu, &[]).unwrap(),
        "trace request 1: in progress\n"
    );
    with(
        &["trace", "respond", "1"],
        &aut,
        &["--text", "Sold 2012 to Waffen Müller, Linz."],
    )
    .unwrap();
    with(&["trace", "comment", "1"], &fra, &["--text", "Thanks"]).unwrap();
    assert!(
        with(&["trace", "close", "1"], &aut, &[]).is_err(),
        "only the requester closes"
    );
    with(
        &["trace", "close", "1"],
        &fra,
        &["--note", "traced to the dealer"],
    )
    .unwrap();

    let shown = with(&["trace", "show", "1"], &deu, &[]).unwrap();
    for want in [
        "closed",
        "Glock 19 9×19mm Parabellum, serial GL100001",
        "made in    AUT",
        "record DEU-1",
        "Waffen Müller",
        "traced to the dealer",
        "marking    proof: eagle N",
    ] {
        assert!(shown.contains(want), "{want:?} in\n{shown}");
    }
    let json = with(&["trace", "show", "1", "--format", "json"], &fra, &[]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["status"], "closed");
    assert_eq!(v["history"].as_array().unwrap().len(), 6);

    // Filters and export.
    assert!(with(&["trace", "list", "--status", "closed"], &fra, &[])
        .unwrap()
        .contains("PN-2024-0001"));
    assert!(with(&["trace", "list", "--status", "sent"], &fra, &[])
        .unwrap()
        .contains("no trace requests"));
    assert!(with(&["trace", "list", "--status", "lost"], &fra, &[]).is_err());
    assert!(run(&[
        "trace",
        "list",
        "--db",
        db,
        "--country",
        "FRA",
        "--agency",
        "x",
        "--incoming",
        "--outgoing"
    ])
    .is_err());
    let export_path = dir.path().join("export.json");
    with(&["trace", "export"], &deu, &["--out", s(&export_path)]).unwrap();
    let export =
        armsmatch::trace::TraceExport::from_json(&std::fs::read_to_string(&export_path).unwrap())
            .unwrap();
    assert_eq!(export.requests.len(), 1);
    assert_eq!(export.exported_by.country, "DEU");
    let csv = with(&["trace", "export", "--format", "csv"], &aut, &[]).unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(
        csv.lines().nth(1).unwrap().starts_with("1,closed,routine,"),
        "{csv}"
    );
    assert!(with(&["trace", "export"], &esp, &[])
        .unwrap()
        .contains("\"requests\": []"));

    // From scratch: no hit, suggested addressees from the make and import marks.
    let out = with(
        &["trace", "new"],
        &deu,
        &[
            "--case",
            "BKA-9",
            "--make",
            "CZ",
            "--import-country",
            "POL",
            "--to",
            "UKR",
            "--urgent",
            "suspect in custody",
        ],
    )
    .unwrap();
    assert!(
        out.contains("created trace request 2 (draft) DEU → CZE, POL, UKR"),
        "{out}"
    );
    let e = with(&["trace", "new"], &deu, &["--case", "x", "--to", "Germany"]).unwrap_err();
    assert!(e.contains("country"), "{e}");
}
