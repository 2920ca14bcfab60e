//! Statistics and the HTML report on a small known register.
//!
//! The register, checks and trace requests below are counted by hand; the expected
//! figures are the constants `EXPECTED_*`. `report_fixture` also writes the report
//! and those figures as JSON when `ARMSMATCH_REPORT_HTML` names a file (the browser
//! test `cli/report-test/run.sh` renders it in headless Chromium and compares).

use std::collections::BTreeMap;

use armsmatch::stats::{
    hit_stats_from_files, read_check_contexts, render_html, Count, HitStats, RegisterStats,
    ReportOptions, Stats, TraceStats, UNKNOWN,
};
use armsmatch::trace::{Actor, AddresseeReason, FirearmId, Timestamp, TraceRequest, TraceStatus};
use armsmatch::{CheckOptions, Date, Index, Kind, Query, Record, Status};

/// id, serial, make, model, calibre, kind, country, status, reported_on ("" = none).
const REGISTER: [[&str; 9]; 24] = [
    [
        "R01",
        "GL100001",
        "Glock",
        "19",
        "9mm",
        "pistol",
        "DEU",
        "stolen",
        "2023-11-03",
    ],
    [
        "R02",
        "GL100002",
        "Glock GmbH",
        "17",
        "9x19",
        "pistol",
        "DEU",
        "stolen",
        "2023-11-20",
    ],
    [
        "R03",
        "GL100003",
        "GLOCK",
        "19",
        "9mm Luger",
        "pistol",
        "DEU",
        "lost",
        "2023-12-05",
    ],
    [
        "R04",
        "GL100004",
        "Glock",
        "26",
        "9mm",
        "pistol",
        "FRA",
        "stolen",
        "2024-01-10",
    ],
    [
        "R05",
        "GL100005",
        "Glock",
        "17",
        "9mm",
        "pistol",
        "FRA",
        "trafficked",
        "2024-01-15",
    ],
    [
        "R06",
        "GL100006",
        "Glock",
        "19",
        "9mm",
        "pistol",
        "ITA",
        "stolen",
        "2024-01-22",
    ],
    [
        "R07",
        "GL100007",
        "Glock",
        "43",
        "9mm",
        "pistol",
        "ESP",
        "lost",
        "2024-03-02",
    ],
    [
        "R08", "GL100008", "Glock", "19", "9mm", "pistol", "", "stolen", "",
    ],
    [
        "R09",
        "BE200001",
        "Beretta",
        "92FS",
        "9mm",
        "pistol",
        "ITA",
        "stolen",
        "2023-11-11",
    ],
    [
        "R10",
        "BE200002",
        "Beretta",
        "92FS",
        "9mm",
        "pistol",
        "ITA",
        "lost",
        "2023-12-19",
    ],
    [
        "R11",
        "BE200003",
        "Beretta",
        "M9",
        "9mm",
        "pistol",
        "DEU",
        "smuggled",
        "2024-01-05",
    ],
    [
        "R12",
        "BE200004",
        "Beretta",
        "686",
        "12 gauge",
        "shotgun",
        "FRA",
        "stolen",
        "2024-03-14",
    ],
    [
        "R13",
        "BE200005",
        "Beretta",
        "92FS",
        "9mm",
        "pistol",
        "ITA",
        "stolen",
        "2024-04-01",
    ],
    [
        "R14",
        "SW300001",
        "S&W",
        "M&P9",
        "9mm",
        "pistol",
        "DEU",
        "stolen",
        "2023-11-28",
    ],
    [
        "R15",
        "SW300002",
        "Smith and Wesson",
        "Model 686",
        ".357 Magnum",
        "revolver",
        "FRA",
        "lost",
        "2024-01-30",
    ],
    [
        "R16",
        "SW300003",
        "Smith & Wesson",
        "Model 10",
        ".38 Special",
        "revolver",
        "ESP",
        "trafficked",
        "2024-03-21",
    ],
    [
        "R17",
        "SW300004",
        "S&W",
        "M&P15",
        ".223 Remington",
        "rifle",
        "DEU",
        "stolen",
        "2024-04-11",
    ],
    [
        "R18",
        "CO400001",
        "Colt",
        "Python",
        ".357 Magnum",
        "revolver",
        "DEU",
        "stolen",
        "2023-12-24",
    ],
    [
        "R19",
        "CO400002",
        "Colt",
        "M4",
        "5.56x45",
        "rifle",
        "FRA",
        "smuggled",
        "2024-03-09",
    ],
    [
        "R20",
        "CO400003",
        "Colt",
        "1911",
        ".45 ACP",
        "pistol",
        "DEU",
        "trafficked",
        "2024-04-20",
    ],
    [
        "R21",
        "ВС1234",
        "Izhmash",
        "PM",
        "9x18 Makarov",
        "pistol",
        "DEU",
        "lost",
        "2024-01-02",
    ],
    [
        "R22",
        "AK500001",
        "Kalashnikov Concern",
        "AK-74",
        "5.45x39",
        "rifle",
        "",
        "stolen",
        "2024-03-30",
    ],
    [
        "R23",
        "XX600001",
        "",
        "",
        "",
        "other",
        "ESP",
        "lost",
        "2024-04-25",
    ],
    ["R24", "XX600002", "", "", "", "", "DEU", "", "2024-04-26"],
];

/// query_id, serial, make, checking country, check date ("" = none).
const CHECKS: [[&str; 5]; 7] = [
    ["Q01", "GL100001", "Glock", "FRA", "2024-02-02"],
    ["Q02", "GL100002", "Glock", "FRA", "2024-03-01"],
    ["Q03", "BE200001", "Beretta", "FRA", "2024-02-10"],
    ["Q04", "SW300001", "S&W", "NLD", "2024-01-15"],
    ["Q05", "CO400001", "Colt", "NLD", ""],
    ["Q06", "GL100005", "Glock", "DEU", "2024-04-01"],
    ["Q07", "BE200003", "Beretta", "DEU", "2024-04-10"],
];

const EXPECTED_MAKES: [(&str, u64); 6] = [
    ("Glock", 8),
    ("Beretta", 5),
    ("Smith & Wesson", 4),
    ("Colt", 3),
    ("Kalashnikov Concern", 2),
    (UNKNOWN, 2),
];
const EXPECTED_COUNTRIES: [(&str, u64); 5] = [
    ("DEU", 10),
    ("FRA", 5),
    ("ITA", 4),
    ("ESP", 3),
    (UNKNOWN, 2),
];
const EXPECTED_STATUSES: [(&str, u64); 5] = [
    ("stolen", 12),
    ("lost", 6),
    ("trafficked", 3),
    ("smuggled", 2),
    (UNKNOWN, 1),
];
const EXPECTED_KINDS: [(&str, u64); 6] = [
    ("pistol", 15),
    ("revolver", 3),
    ("rifle", 3),
    ("other", 1),
    ("shotgun", 1),
    (UNKNOWN, 1),
];
const EXPECTED_MONTHS: [(&str, u64); 6] = [
    ("2023-11", 4),
    ("2023-12", 3),
    ("2024-01", 6),
    ("2024-02", 0),
    ("2024-03", 5),
    ("2024-04", 5),
];
const EXPECTED_HIT_MAKES: [(&str, u64); 4] = [
    ("Glock", 3),
    ("Beretta", 2),
    ("Colt", 1),
    ("Smith & Wesson", 1),
];
const EXPECTED_CHECK_COUNTRIES: [(&str, u64); 3] = [("FRA", 3), ("DEU", 2), ("NLD", 2)];
/// from, to, hits, median days from report to recovery.
const EXPECTED_ROUTES: [(&str, &str, u64, Option<f64>); 5] = [
    ("DEU", "FRA", 2, Some(96.5)),
    ("DEU", "NLD", 2, Some(48.0)),
    ("DEU", "DEU", 1, Some(96.0)),
    ("FRA", "DEU", 1, Some(77.0)),
    ("ITA", "FRA", 1, Some(91.0)),
];
const EXPECTED_TRACE_STATUSES: [(&str, u64); 6] = [
    ("draft", 1),
    ("sent", 0),
    ("acknowledged", 1),
    ("in_progress", 0),
    ("responded", 2),
    ("closed", 1),
];
/// country, asked, responded, median days to respond.
const EXPECTED_ADDRESSEES: [(&str, u64, u64, Option<f64>); 4] = [
    ("AUT", 2, 2, Some(5.0)),
    ("DEU", 2, 1, Some(14.0)),
    ("ITA", 1, 1, Some(30.0)),
    ("USA", 1, 0, None),
];

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn record(row: &[&str; 9]) -> Record {
    let [id, serial, make, model, calibre, kind, country, status, date] = *row;
    Record {
        id: id.into(),
        serial: serial.into(),
        make: opt(make),
        model: opt(model),
        calibre: opt(calibre),
        kind: opt(kind).map(|k| k.parse::<Kind>().unwrap()),
        country: opt(country),
        status: opt(status).map(|s| s.parse::<Status>().unwrap()),
        reported_on: opt(date).map(|d| d.parse::<Date>().unwrap()),
    }
}

fn index() -> Index {
    let mut b = Index::builder();
    for r in &REGISTER {
        b.add(record(r)).unwrap();
    }
    b.build().unwrap()
}

fn counts(pairs: &[(&str, u64)]) -> Vec<Count> {
    pairs
        .iter()
        .map(|(l, c)| Count {
            label: l.to_string(),
            count: *c,
        })
        .collect()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Best hit of each check, with the check's country and date.
fn best_hits(index: &Index) -> Vec<(Query, Option<Date>, armsmatch::Hit)> {
    CHECKS
        .iter()
        .map(|[_, serial, make, country, date]| {
            let q = Query::new(*serial).make(*make).country(*country);
            let hits = index.check(&q, &CheckOptions::default()).unwrap();
            assert_eq!(hits[0].record.serial, *serial, "{serial}");
            (q, opt(date).map(|d| d.parse().unwrap()), hits[0].clone())
        })
        .collect()
}

fn hit_stats(index: &Index) -> HitStats {
    let best = best_hits(index);
    HitStats::from_hits(
        best.iter().map(|(q, d, h)| (q.country.as_deref(), *d, h)),
        &index.reference(),
    )
}

/// Five requests: answered in 7 and 14 days and closed; answered in 30 days;
/// acknowledged, unanswered; answered in 3 days; a draft.
fn trace_requests() -> Vec<TraceRequest> {
    let a = |c: &str| Actor::new(c, "central bureau").unwrap();
    let (fra, deu, nld, aut, ita, usa) =
        (a("FRA"), a("DEU"), a("NLD"), a("AUT"), a("ITA"), a("USA"));
    let new = |by: &Actor, to: &[&str], at: &str| {
        let mut r = TraceRequest::new(by, "case", FirearmId::default(), ts(at));
        for c in to {
            r.add_addressee(c, AddresseeReason::Other).unwrap();
        }
        r
    };
    let mut t1 = new(&fra, &["AUT", "DEU"], "2024-02-01T09:00:00Z");
    t1.send(&fra, ts("2024-02-05T10:00:00Z"), true).unwrap();
    t1.respond(&aut, "sold 2019", ts("2024-02-12T10:00:00Z"))
        .unwrap();
    t1.respond(&deu, "stolen 2023", ts("2024-02-19T10:00:00Z"))
        .unwrap();
    t1.close(&fra, Some("answered"), ts("2024-02-20T10:00:00Z"))
        .unwrap();
    let mut t2 = new(&fra, &["ITA"], "2024-02-10T09:00:00Z");
    t2.send(&fra, ts("2024-02-12T00:00:00Z"), true).unwrap();
    t2.respond(&ita, "exported 2015", ts("2024-03-13T00:00:00Z"))
        .unwrap();
    let mut t3 = new(&nld, &["USA", "DEU"], "2024-01-19T09:00:00Z");
    t3.send(&nld, ts("2024-01-20T00:00:00Z"), true).unwrap();
    t3.transition(TraceStatus::Acknowledged, &usa, ts("2024-01-22T00:00:00Z"))
        .unwrap();
    let mut t4 = new(&deu, &["AUT"], "2024-04-05T08:00:00Z");
    t4.send(&deu, ts("2024-04-05T12:00:00Z"), true).unwrap();
    t4.respond(&aut, "sold 2021", ts("2024-04-08T12:00:00Z"))
        .unwrap();
    let t5 = new(&deu, &["POL"], "2024-04-06T08:00:00Z");
    vec![t1, t2, t3, t4, t5]
}

fn fixture_stats() -> Stats {
    let index = index();
    Stats {
        register: RegisterStats::from_index(&index),
        hits: Some(hit_stats(&index)),
        traces: Some(TraceStats::from_requests(&trace_requests())),
    }
}

#[test]
fn register_counts() {
    let s = RegisterStats::from_index(&index());
    assert_eq!(s.records, 24);
    assert_eq!(s.by_make, counts(&EXPECTED_MAKES));
    assert_eq!(s.by_country, counts(&EXPECTED_COUNTRIES));
    assert_eq!(s.by_status, counts(&EXPECTED_STATUSES));
    assert_eq!(s.by_kind, counts(&EXPECTED_KINDS));
    assert_eq!(s.by_month, counts(&EXPECTED_MONTHS));
    assert_eq!(s.undated, 1);
    // 9mm, 9x19 and 9mm Luger are one calibre.
    assert_eq!(
        s.by_calibre[0],
        Count {
            label: "9×19mm Parabellum".into(),
            count: 13
        }
    );
    let total: u64 = s.by_calibre.iter().map(|c| c.count).sum();
    assert_eq!(total, 24);
    // Live additions count too.
    let index = index();
    index
        .insert(Record::new("R25", "NEW1").make("Glock").country("POL"))
        .unwrap();
    let s = RegisterStats::from_index(&index);
    assert_eq!(s.records, 25);
    assert_eq!(s.by_make[0].count, 9);
}

#[test]
fn hits_and_routes() {
    let h = hit_stats(&index());
    assert_eq!(h.hits, 7);
    assert_eq!(h.by_make, counts(&EXPECTED_HIT_MAKES));
    assert_eq!(h.by_check_country, counts(&EXPECTED_CHECK_COUNTRIES));
    assert_eq!(
        h.by_record_country,
        counts(&[("DEU", 5), ("FRA", 1), ("ITA", 1)])
    );
    let got: Vec<(&str, &str, u64, Option<f64>)> = h
        .routes
        .iter()
        .map(|r| {
            (
                r.from.as_str(),
                r.to.as_str(),
                r.hits,
                r.days_to_recovery.as_ref().map(|d| d.median),
            )
        })
        .collect();
    assert_eq!(got, EXPECTED_ROUTES);
    let deu_nld = &h.routes[1];
    assert_eq!(
        deu_nld.top_makes,
        counts(&[("Colt", 1), ("Smith & Wesson", 1)])
    );
    // One of the two DEU → NLD checks had no date.
    let days = deu_nld.days_to_recovery.as_ref().unwrap();
    assert_eq!((days.known, days.min, days.max), (1, 48, 48));
    let deu_fra = h.routes[0].days_to_recovery.as_ref().unwrap();
    assert_eq!((deu_fra.known, deu_fra.min, deu_fra.max), (2, 91, 102));
}

#[test]
fn hits_from_files_join_the_queries() {
    let dir = tempfile::tempdir().unwrap();
    let index = index();
    let best = best_hits(&index);
    // The hits file as `armsmatch check` writes it, with the lower-ranked candidates.
    let mut hits_csv = String::from(
        "query_id,rank,record_id,score,serial_match,serial_distance,make_match,model_match,calibre_match\n",
    );
    let mut lower = 0;
    for (i, (q, _, _)) in best.iter().enumerate() {
        let all = index.check(q, &CheckOptions::default()).unwrap();
        for row in armsmatch::io::HitRow::from_hits(CHECKS[i][0], &all) {
            lower += u64::from(row.rank > 1);
            hits_csv.push_str(&format!(
                "{},{},{},{},{},{},{},{},{}\n",
                row.query_id,
                row.rank,
                row.record_id,
                row.score,
                row.serial_match,
                row.serial_distance,
                row.make_match,
                row.model_match,
                row.calibre_match
            ));
        }
    }
    hits_csv.push_str("Q99,1,NOT-IN-INDEX,0.9,exact,0,same,same,same\n");
    let hits_path = dir.path().join("hits.csv");
    std::fs::write(&hits_path, hits_csv).unwrap();
    let mut queries = String::from("query_id,make,model,serial,calibre,country,checked_on\n");
    for [id, serial, make, country, date] in CHECKS {
        queries.push_str(&format!("{id},{make},,{serial},,{country},{date}\n"));
    }
    let queries_path = dir.path().join("queries.csv");
    std::fs::write(&queries_path, queries).unwrap();

    let (stats, report) =
        hit_stats_from_files(&index, &hits_path, Some(&queries_path), false).unwrap();
    assert_eq!(
        stats,
        hit_stats(&index),
        "the file join equals the in-memory count"
    );
    assert_eq!(report.counted, 7);
    assert_eq!(report.lower_ranks, lower);
    assert_eq!(report.unknown_records, 1);
    assert_eq!(report.missing_records, ["NOT-IN-INDEX"]);

    // Without the queries file, the checking country is unknown.
    let (stats, _) = hit_stats_from_files(&index, &hits_path, None, false).unwrap();
    assert_eq!(stats.by_check_country, counts(&[(UNKNOWN, 7)]));

    // All ranks count every candidate.
    let (stats, report) =
        hit_stats_from_files(&index, &hits_path, Some(&queries_path), true).unwrap();
    assert_eq!(stats.hits, 7 + lower);
    assert_eq!(report.lower_ranks, 0);

    // A JSON Lines hits file carrying its own context.
    let jsonl = dir.path().join("hits.jsonl");
    std::fs::write(
        &jsonl,
        "{\"query_id\":\"Q1\",\"rank\":1,\"record_id\":\"R01\",\"check_country\":\"che\",\"checked_on\":\"2023-11-13\"}\n\n",
    )
    .unwrap();
    let (stats, _) = hit_stats_from_files(&index, &jsonl, None, false).unwrap();
    assert_eq!(stats.routes[0].from, "DEU");
    assert_eq!(stats.routes[0].to, "CHE");
    assert_eq!(
        stats.routes[0].days_to_recovery.as_ref().unwrap().median,
        10.0
    );
}

#[test]
fn bad_files_name_the_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let index = index();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let p = write("h1.csv", "query_id,record_id\nQ1,R01\n");
    let e = hit_stats_from_files(&index, &p, None, false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("h1.csv:1:rank"), "{e}");
    let p = write(
        "h2.csv",
        "query_id,rank,record_id\nQ1,1,R01\nQ2,first,R02\n",
    );
    let e = hit_stats_from_files(&index, &p, None, false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("h2.csv:3:rank"), "{e}");
    let p = write("q.csv", "query_id,country,checked_on\nQ1,FRA,2024-02-30\n");
    let e = read_check_contexts(&p).unwrap_err().to_string();
    assert!(e.contains("q.csv:2:checked_on"), "{e}");
    let p = write("q2.jsonl", "{\"query_id\":\"Q1\",\"country\":\"France\"}\n");
    let e = read_check_contexts(&p).unwrap_err().to_string();
    assert!(e.contains("q2.jsonl:1:country"), "{e}");
    let e = read_check_contexts(dir.path().join("missing.csv"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing.csv"), "{e}");
}

#[test]
fn trace_figures() {
    let t = TraceStats::from_requests(&trace_requests());
    assert_eq!(t.requests, 5);
    assert_eq!(t.by_status, counts(&EXPECTED_TRACE_STATUSES));
    assert_eq!((t.sent, t.responded), (4, 3));
    assert_eq!(t.response_rate, Some(0.75));
    assert_eq!(t.median_days_to_respond, Some(7.0));
    let got: Vec<(&str, u64, u64, Option<f64>)> = t
        .by_addressee
        .iter()
        .map(|a| {
            (
                a.country.as_str(),
                a.asked,
                a.responded,
                a.median_days_to_respond,
            )
        })
        .collect();
    assert_eq!(got, EXPECTED_ADDRESSEES);
}

#[test]
fn text_csv_and_json() {
    let s = fixture_stats();
    let text = s.to_text(3);
    assert!(
        text.contains("Register: 24 records (1 without a report date)"),
        "{text}"
    );
    assert!(text.contains("Glock"));
    assert!(text.contains("… 3 more"), "{text}"); // 6 makes, 3 shown
    assert!(text.contains("DEU > FRA"));
    assert!(text.contains("response rate 75%"));
    let full = s.to_text(100);
    assert!(full.contains("2024-02"));

    let csv = s.to_csv();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        armsmatch::stats::CSV_COLUMNS
    );
    let mut tables: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for row in rdr.records() {
        let row = row.unwrap();
        tables
            .entry(row[0].to_string())
            .or_default()
            .push((row[1].to_string(), row[2].parse().unwrap()));
    }
    let pairs = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|(l, c)| (l.to_string(), *c)).collect()
    };
    assert_eq!(tables["records_by_make"], pairs(&EXPECTED_MAKES));
    assert_eq!(tables["records_by_month"], pairs(&EXPECTED_MONTHS));
    assert_eq!(tables["routes"][0], ("DEU>FRA".to_string(), 2));
    assert_eq!(tables["traces_by_status"], pairs(&EXPECTED_TRACE_STATUSES));
    assert!(csv.contains("routes,DEU>FRA,2,96.5,Glock 2\n"), "{csv}");
    assert!(
        csv.contains("traces_by_addressee,AUT,2,5,responded 2\n"),
        "{csv}"
    );

    let back: Stats = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(back, s);
}

/// Everything between `<tag ... >` opening tags of a class, as attribute maps.
fn elements(html: &str, class: &str) -> Vec<BTreeMap<String, String>> {
    let needle = format!("class=\"{class}\"");
    let mut out = Vec::new();
    for (start, _) in html.match_indices(&needle) {
        let open = html[..start].rfind('<').unwrap();
        let end = open + html[open..].find('>').unwrap();
        let tag = &html[open..end];
        let mut attrs = BTreeMap::new();
        for part in tag.split("\" ") {
            if let Some((k, v)) = part.split_once("=\"") {
                let k = k.rsplit(' ').next().unwrap().to_string();
                attrs.insert(k, v.trim_end_matches('"').to_string());
            }
        }
        out.push(attrs);
    }
    out
}

/// The bars of one chart: label → count (remainder bars excluded).
fn chart_bars(html: &str, chart: &str) -> Vec<(String, u64)> {
    let start = html
        .find(&format!("data-chart=\"{chart}\""))
        .unwrap_or_else(|| panic!("no chart {chart}"));
    let end = start + html[start..].find("</figure>").unwrap();
    elements(&html[start..end], "bar")
        .into_iter()
        .map(|a| {
            (
                a["data-label"].replace("&amp;", "&"),
                a["data-count"].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn report_fixture() {
    let stats = fixture_stats();
    let html = render_html(
        &stats,
        &ReportOptions {
            title: "armsmatch report — test register".into(),
            ..ReportOptions::default()
        },
    );
    let pairs = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
        v.iter().map(|(l, c)| (l.to_string(), *c)).collect()
    };
    assert_eq!(chart_bars(&html, "records-by-make"), pairs(&EXPECTED_MAKES));
    assert_eq!(
        chart_bars(&html, "records-by-country"),
        pairs(&EXPECTED_COUNTRIES)
    );
    assert_eq!(
        chart_bars(&html, "records-by-status"),
        pairs(&EXPECTED_STATUSES)
    );
    assert_eq!(
        chart_bars(&html, "hits-by-make"),
        pairs(&EXPECTED_HIT_MAKES)
    );
    let trace_status: Vec<(String, u64)> = EXPECTED_TRACE_STATUSES
        .iter()
        .map(|(l, c)| (l.replace('_', " "), *c))
        .collect();
    assert_eq!(chart_bars(&html, "traces-by-status"), trace_status);
    let months: Vec<(String, u64)> = elements(&html, "point")
        .into_iter()
        .map(|a| (a["data-month"].clone(), a["data-count"].parse().unwrap()))
        .collect();
    assert_eq!(months, pairs(&EXPECTED_MONTHS));
    let routes: Vec<(String, String, u64)> = elements(&html, "route")
        .into_iter()
        .map(|a| {
            (
                a["data-from"].clone(),
                a["data-to"].clone(),
                a["data-count"].parse().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, u64)> = EXPECTED_ROUTES
        .iter()
        .map(|(f, t, n, _)| (f.to_string(), t.to_string(), *n))
        .collect();
    assert_eq!(routes, expected);
    // Self-contained and viewable on a phone.
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print"));
    for banned in [
        "<script", "src=", "href=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!html.contains(banned), "{banned}");
    }
    // Tags balance (a cheap well-formedness check).
    for tag in ["svg", "figure", "g", "table", "section", "div", "text"] {
        let open =
            html.matches(&format!("<{tag} ")).count() + html.matches(&format!("<{tag}>")).count();
        let close = html.matches(&format!("</{tag}>")).count();
        assert_eq!(open, close, "<{tag}>");
    }

    if let Some(path) = std::env::var_os("ARMSMATCH_REPORT_HTML") {
        std::fs::write(&path, &html).unwrap();
        let obj = |v: &[(&str, u64)]| -> serde_json::Value {
            v.iter()
                .map(|(l, c)| (l.replace('_', " "), serde_json::json!(c)))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let expected = serde_json::json!({
            "bars": {
                "records-by-make": obj(&EXPECTED_MAKES),
                "records-by-country": obj(&EXPECTED_COUNTRIES),
                "records-by-status": obj(&EXPECTED_STATUSES),
                "records-by-kind": obj(&EXPECTED_KINDS),
                "hits-by-make": obj(&EXPECTED_HIT_MAKES),
                "hits-by-check-country": obj(&EXPECTED_CHECK_COUNTRIES),
                "traces-by-status": obj(&EXPECTED_TRACE_STATUSES),
                "trace-response-times": EXPECTED_ADDRESSEES
                    .iter()
                    .map(|(c, _, r, _)| (c.to_string(), serde_json::json!(r)))
                    .collect::<serde_json::Map<_, _>>(),
            },
            "months": obj(&EXPECTED_MONTHS),
            "routes": EXPECTED_ROUTES
                .iter()
                .map(|(f, t, n, _)| (format!("{f}>{t}"), serde_json::json!(n)))
                .collect::<serde_json::Map<_, _>>(),
            "kpis": { "records": 24, "hits": 7, "routes": 5, "traces": 5 },
        });
        let mut json_path = std::path::PathBuf::from(&path);
        json_path.set_extension("expected.json");
        std::fs::write(json_path, serde_json::to_string_pretty(&expected).unwrap()).unwrap();
    }
}

#[test]
fn report_of_an_empty_register_and_hostile_labels() {
    let html = render_html(&Stats::default(), &ReportOptions::default());
    assert!(html.contains("No records."));
    let recs = [Record::new("R1", "A1")
        .make("</svg><script>alert(1)</script>")
        .country("DEU")];
    let stats = Stats {
        register: RegisterStats::from_records(&recs, armsmatch::Reference::embedded()),
        ..Stats::default()
    };
    let html = render_html(&stats, &ReportOptions::default());
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;/svg&gt;&lt;script&gt;"));
}
