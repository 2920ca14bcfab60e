//! Trace requests: lifecycle, completeness, prefill from a hit, the JSON export against
//! its documented schema, notifications; with the `store` feature, the SQLite store
//! (scope, migrations, concurrent writers).

use std::collections::BTreeMap;

use armsmatch::trace::{
    export_csv, notify, Actor, AddresseeReason, FirearmId, HitNotice, MissingField, Priority, Role,
    Timestamp, TraceExport, TraceRequest, TraceStatus, CSV_COLUMNS, TRACE_EXPORT_SCHEMA,
};
use armsmatch::{CheckOptions, Date, Hit, Index, Kind, Query, Record, Reference, Status};
use serde_json::Value;

fn actor(c: &str) -> Actor {
    Actor::new(c, &format!("{c} central bureau")).unwrap()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn index() -> Index {
    let mut b = Index::builder();
    b.add(
        Record::new("DEU-2023-0118", "BA124471")
            .make("Glock")
            .model("19")
            .calibre("9mm")
            .kind(Kind::Pistol)
            .country("DEU")
            .status(Status::Stolen)
            .reported_on(Date::new(2023, 11, 3).unwrap()),
    )
    .unwrap();
    b.add(
        Record::new("FRA-77", "C12345Z")
            .make("Beretta")
            .model("92FS")
            .country("FRA"),
    )
    .unwrap();
    b.add(Record::new("NOCOUNTRY-1", "ZZ998877").make("Acme Blasters"))
        .unwrap();
    b.build().unwrap()
}

fn hit(index: &Index, q: &Query) -> Hit {
    index.check(q, &CheckOptions::default()).unwrap()[0].clone()
}

/// A complete request from FRA to AUT and DEU, built from a hit.
fn complete_request() -> TraceRequest {
    let index = index();
    let q = Query::new("BA124471").make("GLOCK GmbH").country("FRA");
    let mut req = TraceRequest::from_hit(
        &hit(&index, &q),
        &q,
        &actor("FRA"),
        "PN-2024-0001",
        Reference::embedded(),
    )
    .unwrap();
    req.recovery.date = Some(Date::new(2024, 2, 2).unwrap());
    req.recovery.place = Some("Strasbourg, A35 checkpoint".into());
    req
}

/// The request moved to `status` along a valid path, with the actors allowed to.
fn request_in(status: TraceStatus) -> TraceRequest {
    let (fra, aut) = (actor("FRA"), actor("AUT"));
    let mut r = complete_request();
    let t = ts("2024-02-03T10:00:00Z");
    let path: &[TraceStatus] = match status {
        TraceStatus::Draft => &[],
        TraceStatus::Sent => &[TraceStatus::Sent],
        TraceStatus::Acknowledged => &[TraceStatus::Sent, TraceStatus::Acknowledged],
        TraceStatus::InProgress => &[TraceStatus::Sent, TraceStatus::InProgress],
        TraceStatus::Responded => &[TraceStatus::Sent, TraceStatus::Responded],
        TraceStatus::Closed => &[TraceStatus::Closed],
    };
    for s in path {
        let who = if s.moved_by() == Some(Role::Requester) {
            &fra
        } else {
            &aut
        };
        r.transition(*s, who, t).unwrap();
    }
    assert_eq!(r.status, status);
    r
}

#[test]
fn every_transition_is_checked() {
    use TraceStatus::*;
    // The lifecycle, written out independently of `can_move_to`.
    let allowed: &[(TraceStatus, TraceStatus)] = &[
        (Draft, Sent),
        (Draft, Closed),
        (Sent, Acknowledged),
        (Sent, InProgress),
        (Sent, Responded),
        (Sent, Closed),
        (Acknowledged, InProgress),
        (Acknowledged, Responded),
        (Acknowledged, Closed),
        (InProgress, Responded),
        (InProgress, Closed),
        (Responded, Closed),
    ];
    let (fra, aut, deu, usa) = (actor("FRA"), actor("AUT"), actor("DEU"), actor("USA"));
    let mut checked = 0;
    for from in TraceStatus::ALL {
        for to in TraceStatus::ALL {
            let ok = allowed.contains(&(from, to));
            assert_eq!(from.can_move_to(to), ok, "{from} → {to}");
            // The right role: requester sends and closes, addressees do the rest.
            let right: Vec<&Actor> = match to.moved_by() {
                Some(Role::Requester) => vec![&fra],
                Some(Role::Addressee) => vec![&aut, &deu],
                None => vec![&fra, &aut],
            };
            let wrong: Vec<&Actor> = match to.moved_by() {
                Some(Role::Requester) => vec![&aut, &deu, &usa],
                Some(Role::Addressee) => vec![&fra, &usa],
                None => vec![&usa],
            };
            for who in right {
                let mut r = request_in(from);
                let before = r.clone();
                let res = r.transition(to, who, ts("2024-02-04T00:00:00Z"));
                assert_eq!(res.is_ok(), ok, "{from} → {to} by {}", who.country);
                if ok {
                    assert_eq!(r.status, to);
                    let last = r.history.last().unwrap();
                    assert_eq!((last.from, last.to), (Some(from), to));
                    assert_eq!(last.by.country, who.country);
                    assert_eq!(last.at, ts("2024-02-04T00:00:00Z"));
                } else {
                    assert_eq!(r, before, "a refused transition changes nothing");
                }
                checked += 1;
            }
            for who in wrong {
                let mut r = request_in(from);
                let before = r.clone();
                assert!(
                    r.transition(to, who, ts("2024-02-04T00:00:00Z")).is_err(),
                    "{from} → {to} by {} must be refused",
                    who.country
                );
                assert_eq!(r, before);
                checked += 1;
            }
        }
    }
    assert!(checked > 100);
}

#[test]
fn respond_comment_close_roles() {
    let (fra, aut, usa) = (actor("FRA"), actor("AUT"), actor("USA"));
    let mut r = request_in(TraceStatus::Draft);
    let t = ts("2024-02-05T00:00:00Z");
    assert!(
        r.respond(&aut, "too early", t).is_err(),
        "a draft cannot be answered"
    );
    assert!(r.comment(&aut, "not visible yet", t).is_err());
    r.send(&fra, t, false).unwrap();
    assert!(r.respond(&fra, "self", t).is_err());
    assert!(r.respond(&usa, "stranger", t).is_err());
    assert!(
        r.respond(&aut, "   ", t).is_err(),
        "empty answers are refused"
    );
    r.respond(&aut, "Sold 2012 to Waffen Müller, Linz.", t)
        .unwrap();
    r.respond(&actor("DEU"), "Reported stolen 2023-11-03, Köln.", t)
        .unwrap();
    assert_eq!(r.status, TraceStatus::Responded);
    assert_eq!(r.responses.len(), 2);
    assert_eq!(
        r.history.len(),
        3,
        "only the first answer changes the status"
    );
    r.comment(&aut, "invoice attached", t).unwrap();
    assert!(r.comment(&usa, "hello", t).is_err());
    assert!(r.close(&aut, None, t).is_err());
    r.close(&fra, Some("traced to the dealer"), t).unwrap();
    assert_eq!(
        r.history.last().unwrap().note.as_deref(),
        Some("traced to the dealer")
    );
    assert!(r.respond(&aut, "late", t).is_err());
    assert!(r.validated().is_ok());
}

#[test]
fn completeness_lists_what_a_trace_needs() {
    let me = actor("SWE");
    let t = Timestamp::now();
    let req = TraceRequest::new(&me, " ", FirearmId::default(), t);
    assert_eq!(
        req.completeness(),
        [
            MissingField::CaseReference,
            MissingField::Make,
            MissingField::Model,
            MissingField::Calibre,
            MissingField::Serial,
            MissingField::CountryOfManufactureOrImport,
            MissingField::Addressees,
            MissingField::RecoveryDate,
            MissingField::RecoveryCountry,
        ]
    );
    let mut req = complete_request();
    assert!(req.completeness().is_empty(), "{:?}", req.completeness());
    assert!(req.is_complete());

    // Placeholders are not serials.
    req.firearm.serial = Some("UNK".into());
    assert_eq!(req.completeness(), [MissingField::Serial]);
    // An obliterated serial: other markings will do.
    req.firearm.serial = None;
    req.firearm.serial_obliterated = true;
    assert_eq!(req.completeness(), [MissingField::Serial]);
    req.firearm.other_markings = vec!["proof mark: eagle N".into()];
    assert!(req.completeness().is_empty());
    // The import country stands in for the country of manufacture.
    req.firearm.country_of_manufacture = None;
    assert_eq!(
        req.completeness(),
        [MissingField::CountryOfManufactureOrImport]
    );
    req.firearm.import_country = Some("BEL".into());
    assert!(req.completeness().is_empty());
    req.priority = Priority::Urgent { reason: " ".into() };
    assert_eq!(req.completeness(), [MissingField::UrgentReason]);
    // Incomplete requests are not sent unless forced; without addressees, never.
    let fra = actor("FRA");
    let e = req.clone().send(&fra, t, false).unwrap_err().to_string();
    assert!(e.contains("urgent_reason"), "{e}");
    req.clone().send(&fra, t, true).unwrap();
    req.addressees.clear();
    assert!(req.send(&fra, t, true).is_err());
}

#[test]
fn from_hit_prefills_and_suggests_addressees() {
    let req = complete_request();
    let f = &req.firearm;
    assert_eq!(
        f.make.as_deref(),
        Some("Glock"),
        "the alias is written canonically"
    );
    assert_eq!(f.model.as_deref(), Some("19"), "filled from the record");
    assert_eq!(f.calibre.as_deref(), Some("9×19mm Parabellum"));
    assert_eq!(f.serial.as_deref(), Some("BA124471"));
    assert_eq!(f.kind, Some(Kind::Pistol));
    assert!(!f.serial_obliterated);
    assert_eq!(f.country_of_manufacture.as_deref(), Some("AUT"));
    assert_eq!(req.recovery.country.as_deref(), Some("FRA"));
    assert_eq!(req.requester.country, "FRA");
    assert_eq!(req.case_ref, "PN-2024-0001");
    assert_eq!(req.status, TraceStatus::Draft);
    assert_eq!(req.hits.len(), 1);
    assert_eq!(req.hits[0].record.id, "DEU-2023-0118");
    assert!(req.hits[0].summary.contains("serial exact"));
    let to: Vec<(&str, &[AddresseeReason])> = req
        .addressees
        .iter()
        .map(|a| (a.country.as_str(), a.reasons.as_slice()))
        .collect();
    assert_eq!(
        to,
        [
            ("AUT", &[AddresseeReason::Manufacture][..]),
            ("DEU", &[AddresseeReason::Reporting][..])
        ]
    );

    // The country of manufacture comes from the reference given.
    let reference = Reference::from_toml_str(
        r#"
        [[make]]
        name = "Acme Blasters"
        country = "CAN"
        "#,
    )
    .unwrap();
    let index = index();
    let q = Query::new("ZZ99887?").country("USA");
    let h = hit(&index, &q);
    let req = TraceRequest::from_hit(&h, &q, &actor("USA"), "ATF-1", &reference).unwrap();
    assert_eq!(req.firearm.country_of_manufacture.as_deref(), Some("CAN"));
    assert!(
        req.firearm.serial_obliterated,
        "a wildcard serial was obliterated"
    );
    assert_eq!(req.firearm.serial.as_deref(), Some("ZZ99887?"));
    let to: Vec<&str> = req.addressees.iter().map(|a| a.country.as_str()).collect();
    assert_eq!(to, ["CAN"], "the record has no reporting country");

    // The requesting country is never its own addressee.
    let q = Query::new("C12345Z").make("Beretta").country("ITA");
    let h = hit(&index, &q);
    let req = TraceRequest::from_hit(&h, &q, &actor("ITA"), "CC-9", Reference::embedded()).unwrap();
    let to: Vec<&str> = req.addressees.iter().map(|a| a.country.as_str()).collect();
    assert_eq!(to, ["FRA"]);

    // A bad checking country is an error, not a silent drop.
    let q = Query::new("C12345Z").country("Italy");
    assert!(TraceRequest::from_hit(&h, &q, &actor("ITA"), "CC-9", Reference::embedded()).is_err());
}

/// A small JSON Schema validator: the keywords the export schema uses (`$ref` into
/// `$defs`, `type`, `const`, `enum`, `required`, `properties`, `items`, `anyOf`,
/// `minimum`, `maximum`, `minLength`, `pattern` for the three patterns it has), and
/// objects must not carry properties the schema does not document.
fn validate(schema: &Value, root: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, v, at, errors);
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let ok = any.iter().any(|s| {
            let mut e = Vec::new();
            validate(s, root, v, at, &mut e);
            e.is_empty()
        });
        if !ok {
            errors.push(format!("{at}: matches none of anyOf"));
        }
        return;
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            errors.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        };
        if !ok {
            errors.push(format!("{at}: {v} is not {t}"));
            return;
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errors.push(format!("{at}: {n} < {min}"));
        }
    }
    if let (Some(max), Some(n)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if n > max {
            errors.push(format!("{at}: {n} > {max}"));
        }
    }
    if let Some(s) = v.as_str() {
        if let Some(min) = schema.get("minLength").and_then(Value::as_u64) {
            if (s.chars().count() as u64) < min {
                errors.push(format!("{at}: shorter than {min}"));
            }
        }
        if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
            let fits = match p {
                "^[A-Z]{2,3}$" => {
                    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
                }
                // A canonical timestamp: parses and prints back the same.
                p if p.contains("T[0-9]{2}") => {
                    s.len() == 20
                        && s.parse::<Timestamp>()
                            .ok()
                            .map(|t| t.to_string())
                            .as_deref()
                            == Some(s)
                }
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => s.len() == 10 && s.parse::<Date>().is_ok(),
                p => panic!("the test does not know pattern {p}"),
            };
            if !fits {
                errors.push(format!("{at}: {s:?} does not match {p}"));
            }
        }
    }
    if let Some(obj) = v.as_object() {
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let k = req.as_str().unwrap();
            if !obj.contains_key(k) {
                errors.push(format!("{at}: required {k} missing"));
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, val) in obj {
                match props.get(k) {
                    Some(s) => validate(s, root, val, &format!("{at}.{k}"), errors),
                    None => errors.push(format!("{at}: {k} is not in the schema")),
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            validate(items, root, x, &format!("{at}[{i}]"), errors);
        }
    }
}

fn schema_errors(json: &str) -> Vec<String> {
    let schema: Value = serde_json::from_str(TRACE_EXPORT_SCHEMA).unwrap();
    let v: Value = serde_json::from_str(json).unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, &v, "$", &mut errors);
    errors
}

/// A request using every field: urgent, markings, importer, responses and comments.
fn full_request() -> TraceRequest {
    let (fra, aut) = (actor("FRA"), actor("AUT").officer("Insp. Huber"));
    let mut r = complete_request();
    r.id = Some(42);
    r.priority = Priority::Urgent {
        reason: "suspect in custody until Friday".into(),
    };
    r.firearm.importer = Some("Waffen Müller GmbH".into());
    r.firearm.import_country = Some("BEL".into());
    r.firearm.other_markings = vec!["proof: eagle N".into(), "import mark 2012".into()];
    r.add_addressee("BEL", AddresseeReason::Import).unwrap();
    r.addressees[0].agency = Some("Bundeskriminalamt".into());
    r.send(&fra, ts("2024-02-03T10:00:00Z"), false).unwrap();
    r.transition(TraceStatus::Acknowledged, &aut, ts("2024-02-04T08:00:00Z"))
        .unwrap();
    r.respond(
        &aut,
        "Sold 2012 to Waffen Müller, Linz.",
        ts("2024-02-09T08:00:00Z"),
    )
    .unwrap();
    r.comment(
        &fra,
        "Thank you — \"quotes\" and <tags> survive.",
        ts("2024-02-09T09:00:00Z"),
    )
    .unwrap();
    r
}

#[test]
fn json_export_matches_the_documented_schema_and_round_trips() {
    let (fra, deu) = (actor("FRA"), actor("DEU"));
    let draft = TraceRequest::new(
        &deu,
        "BKA-7",
        FirearmId::default(),
        ts("2024-01-01T00:00:00Z"),
    );
    let export = TraceExport::new(&fra, vec![full_request(), complete_request(), draft]);
    let json = export.to_json();
    let errors = schema_errors(&json);
    assert!(errors.is_empty(), "{errors:#?}");
    let back = TraceExport::from_json(&json).unwrap();
    assert_eq!(back, export);
    // The validator is not vacuous.
    let broken = json.replacen("\"status\": \"draft\"", "\"status\": \"lost\"", 1);
    assert!(!schema_errors(&broken).is_empty());
    let broken = json.replacen("\"case_ref\"", "\"case_reference\"", 1);
    assert!(!schema_errors(&broken).is_empty());
    // Readers refuse what they cannot read.
    assert!(TraceExport::from_json(&json.replacen("\"version\": 1", "\"version\": 9", 1)).is_err());
    assert!(TraceExport::from_json("[1, 2]").is_err());
    let bad_country = json.replacen(
        "\"import_country\": \"BEL\"",
        "\"import_country\": \"Belgium\"",
        1,
    );
    assert!(TraceExport::from_json(&bad_country).is_err());
}

#[test]
fn csv_export_has_one_row_per_request() {
    let csv = export_csv(&[full_request(), complete_request()]).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let rows: Vec<BTreeMap<String, String>> = rdr
        .records()
        .map(|r| {
            CSV_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(r.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "42");
    assert_eq!(rows[0]["status"], "responded");
    assert_eq!(rows[0]["priority"], "urgent");
    assert_eq!(rows[0]["addressees"], "AUT;DEU;BEL");
    assert_eq!(rows[0]["other_markings"], "proof: eagle N;import mark 2012");
    assert_eq!(rows[0]["sent_at"], "2024-02-03T10:00:00Z");
    assert_eq!(rows[0]["responses"], "1");
    assert_eq!(rows[0]["missing"], "");
    assert_eq!(rows[1]["status"], "draft");
    assert_eq!(rows[1]["linked_records"], "DEU-2023-0118");

    // Free text that a spreadsheet would run as a formula is shown as text.
    let mut r = complete_request();
    r.recovery.place = Some("=HYPERLINK(\"http://x\",\"A35\")".into());
    r.case_ref = "+PN-1".into();
    let csv = export_csv(&[r]).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let row = rdr.records().next().unwrap().unwrap();
    let col = |c: &str| CSV_COLUMNS.iter().position(|x| *x == c).unwrap();
    assert_eq!(
        &row[col("recovery_place")],
        "'=HYPERLINK(\"http://x\",\"A35\")"
    );
    assert_eq!(&row[col("case_ref")], "'+PN-1");
    assert_eq!(&row[col("recovery_country")], "FRA");
}

#[test]
fn notifications_go_to_the_reporting_country() {
    let dir = tempfile::tempdir().unwrap();
    let index = index();
    let checks = [
        ("Q1", Query::new("BA124471").make("Glock").country("  ")),
        ("Q2", Query::new("BA12447I").make("Glock").country("nl")),
        ("Q3", Query::new("C12345Z").make("Beretta").country("ESP")),
        ("Q4", Query::new("ZZ998877")),
    ];
    let hits: Vec<(&str, &Query, Hit)> = checks
        .iter()
        .map(|(id, q)| (*id, q, hit(&index, q)))
        .collect();
    // A stale file from an earlier run is replaced, others are left alone.
    std::fs::write(dir.path().join("DEU.jsonl"), "stale\n").unwrap();
    std::fs::write(dir.path().join("ITA.jsonl"), "other run\n").unwrap();
    let files = notify(hits.iter().map(|(id, q, h)| (*id, *q, h)), dir.path()).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["DEU.jsonl", "FRA.jsonl", "UNKNOWN.jsonl"]);
    let read = |name: &str| -> Vec<HitNotice> {
        std::fs::read_to_string(dir.path().join(name))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let deu = read("DEU.jsonl");
    assert_eq!(deu.len(), 2);
    assert_eq!(
        deu.iter().map(|n| n.query_id.as_str()).collect::<Vec<_>>(),
        ["Q1", "Q2"]
    );
    // A check country as a code (`nl` is the Netherlands'); a blank one is unknown.
    assert_eq!(deu[1].check_country.as_deref(), Some("NLD"));
    assert_eq!(deu[0].check_country, None);
    assert_eq!(deu[1].record.id, "DEU-2023-0118");
    assert_eq!(deu[1].to_country, "DEU");
    assert!(deu[1].summary.contains("confusable"), "{}", deu[1].summary);
    assert_eq!(deu[1].explanation, hits[1].2.explanation);
    assert_eq!(read("FRA.jsonl")[0].query.country.as_deref(), Some("ESP"));
    assert_eq!(read("UNKNOWN.jsonl")[0].record.id, "NOCOUNTRY-1");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ITA.jsonl")).unwrap(),
        "other run\n"
    );
    // No hits, no files; a directory that cannot be made is an error.
    let empty = tempfile::tempdir().unwrap();
    assert!(notify([], empty.path()).unwrap().is_empty());
    let blocker = empty.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let (id, q, h) = &hits[0];
    assert!(notify([(*id, *q, h)], &blocker.join("sub")).is_err());
}

#[cfg(feature = "store")]
mod store {
    use super::*;
    use armsmatch::trace::{Direction, TraceFilter, TraceStore, MIGRATIONS, SCHEMA_VERSION};

    fn open(dir: &tempfile::TempDir) -> TraceStore {
        TraceStore::open(dir.path().join("traces.db")).unwrap()
    }

    #[test]
    fn lifecycle_through_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir);
        let (fra, aut, deu) = (actor("FRA"), actor("AUT"), actor("DEU"));
        let created = s.create(&fra, &complete_request()).unwrap();
        let id = created.id.unwrap();
        assert_eq!(s.get(&fra, id).unwrap(), created);
        let sent = s.send(&fra, id, false).unwrap();
        assert_eq!(sent.status, TraceStatus::Sent);
        s.acknowledge(&aut, id).unwrap();
        s.start(&deu, id).unwrap();
        s.comment(&fra, id, "photos attached").unwrap();
        s.respond(&aut, id, "Sold 2012 to Waffen Müller, Linz.")
            .unwrap();
        let closed = s.close(&fra, id, Some("traced")).unwrap();
        assert_eq!(closed.status, TraceStatus::Closed);
        let statuses: Vec<TraceStatus> = closed.history.iter().map(|c| c.to).collect();
        use TraceStatus::*;
        assert_eq!(
            statuses,
            [Draft, Sent, Acknowledged, InProgress, Responded, Closed]
        );
        // Reopening a second handle reads the same.
        drop(s);
        let mut s = open(&dir);
        assert_eq!(s.get(&aut, id).unwrap(), closed);
        assert!(s.respond(&aut, id, "too late").is_err());
        // An incomplete draft is refused unless forced; edits are for drafts only.
        let mut draft = TraceRequest::new(&fra, "PN-2", FirearmId::default(), Timestamp::now());
        draft.add_addressee("ITA", AddresseeReason::Other).unwrap();
        let id2 = s.create(&fra, &draft).unwrap().id.unwrap();
        let e = s.send(&fra, id2, false).unwrap_err().to_string();
        assert!(e.contains("missing"), "{e}");
        let mut edit = s.get(&fra, id2).unwrap();
        edit.firearm.make = Some("Beretta".into());
        edit.case_ref = "PN-2b".into();
        let edited = s.update_draft(&fra, &edit).unwrap();
        assert_eq!(edited.case_ref, "PN-2b");
        s.send(&fra, id2, true).unwrap();
        assert!(
            s.update_draft(&fra, &edit).is_err(),
            "sent requests are not edited"
        );
        // Creating in another country's name, or a non-draft, is refused.
        assert!(s.create(&deu, &complete_request()).is_err());
        assert!(s.create(&fra, &request_in(TraceStatus::Sent)).is_err());
    }

    #[test]
    fn a_country_sees_only_what_it_sent_or_received() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir);
        let (fra, aut, deu, usa) = (actor("FRA"), actor("AUT"), actor("DEU"), actor("USA"));
        let id = s.create(&fra, &complete_request()).unwrap().id.unwrap();
        // A draft is private to the requester.
        assert!(s.get(&aut, id).is_err());
        assert!(s.list(&aut, &TraceFilter::default()).unwrap().is_empty());
        assert!(s.comment(&aut, id, "peek").is_err());
        s.send(&fra, id, false).unwrap();
        // A request from DEU to USA that FRA has nothing to do with.
        let mut other = TraceRequest::new(&deu, "BKA-1", FirearmId::default(), Timestamp::now());
        other
            .add_addressee("USA", AddresseeReason::Manufacture)
            .unwrap();
        let other_id = s.create(&deu, &other).unwrap().id.unwrap();
        s.send(&deu, other_id, true).unwrap();

        let ids = |s: &mut TraceStore, a: &Actor, f: TraceFilter| -> Vec<u64> {
            s.list(a, &f)
                .unwrap()
                .iter()
                .map(|r| r.id.unwrap())
                .collect()
        };
        let all = TraceFilter::default();
        let incoming = TraceFilter {
            direction: Some(Direction::Incoming),
            status: None,
        };
        let outgoing = TraceFilter {
            direction: Some(Direction::Outgoing),
            status: None,
        };
        assert_eq!(ids(&mut s, &fra, all), [id]);
        assert_eq!(ids(&mut s, &fra, outgoing), [id]);
        assert!(ids(&mut s, &fra, incoming).is_empty());
        assert_eq!(ids(&mut s, &aut, incoming), [id]);
        assert_eq!(ids(&mut s, &deu, all), [id, other_id]);
        assert_eq!(ids(&mut s, &deu, incoming), [id]);
        assert_eq!(ids(&mut s, &deu, outgoing), [other_id]);
        assert_eq!(
            ids(
                &mut s,
                &deu,
                TraceFilter {
                    direction: None,
                    status: Some(TraceStatus::Sent)
                }
            ),
            [id, other_id]
        );
        // A third country sees nothing and changes nothing.
        let esp = actor("ESP");
        assert!(ids(&mut s, &esp, all).is_empty());
        assert!(s.export(&esp, &all).unwrap().requests.is_empty());
        let before = s.get(&fra, id).unwrap();
        let e = s.get(&esp, id).unwrap_err().to_string();
        assert!(e.contains(&format!("no trace request {id}")), "{e}");
        assert!(s.acknowledge(&esp, id).is_err());
        assert!(s.respond(&esp, id, "hello").is_err());
        assert!(s.comment(&esp, id, "hello").is_err());
        assert!(s.close(&esp, id, None).is_err());
        assert!(s.send(&esp, id, true).is_err());
        let mut hijack = before.clone();
        hijack.case_ref = "ESP-1".into();
        assert!(s.update_draft(&esp, &hijack).is_err());
        // A missing id reads the same as a hidden one.
        let e2 = s.get(&esp, 999_999).unwrap_err().to_string();
        assert_eq!(e2, e.replace(&id.to_string(), "999999"));
        assert_eq!(s.get(&fra, id).unwrap(), before);
        // Roles hold inside the scope too.
        assert!(s.close(&aut, id, None).is_err());
        assert!(s.respond(&fra, id, "self").is_err());
        assert!(s
            .list(&usa, &all)
            .unwrap()
            .iter()
            .all(|r| r.id == Some(other_id)));
        // Actors are checked.
        let bad = Actor {
            country: "Spain".into(),
            agency: "GC".into(),
            officer: None,
        };
        assert!(s.list(&bad, &all).is_err());
    }

    #[test]
    fn export_from_the_store_matches_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = open(&dir);
        let (fra, aut) = (actor("FRA"), actor("AUT"));
        let mut r = full_request();
        r.id = None;
        r.status = TraceStatus::Draft;
        r.history.truncate(1);
        r.responses.clear();
        r.comments.clear();
        let id = s.create(&fra, &r).unwrap().id.unwrap();
        s.send(&fra, id, false).unwrap();
        s.respond(&aut, id, "answer").unwrap();
        let export = s.export(&fra, &TraceFilter::default()).unwrap();
        let json = export.to_json();
        let errors = schema_errors(&json);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(TraceExport::from_json(&json).unwrap(), export);
        assert_eq!(export.requests[0].id, Some(id));
    }

    #[test]
    fn an_old_schema_is_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        // A version-1 file, as the first release wrote it, holding one sent request.
        let req = request_in(TraceStatus::Sent);
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);",
            )
            .unwrap();
            c.execute_batch(MIGRATIONS[0].sql).unwrap();
            c.execute(
                "INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01T00:00:00Z')",
                [],
            )
            .unwrap();
            let mut body = req.clone();
            body.priority = Priority::Urgent {
                reason: "custody".into(),
            };
            c.execute(
                "INSERT INTO trace_requests (id, requesting_country, requesting_agency, case_ref, status, created_at, updated_at, body)
                 VALUES (7, 'FRA', 'x', 'PN-2024-0001', 'sent', '2024-02-01T00:00:00Z', '2024-02-03T10:00:00Z', ?1)",
                [serde_json::to_string(&body).unwrap()],
            )
            .unwrap();
            c.execute_batch(
                "INSERT INTO trace_addressees VALUES (7, 'AUT'); INSERT INTO trace_addressees VALUES (7, 'DEU');",
            )
            .unwrap();
        }
        let mut s = TraceStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let got = s.get(&actor("AUT"), 7).unwrap();
        assert_eq!(got.case_ref, req.case_ref);
        assert_eq!(got.status, TraceStatus::Sent);
        s.respond(&actor("AUT"), 7, "answer after the upgrade")
            .unwrap();
        drop(s);
        // The migration backfilled the priority and the audit log from the history.
        let c = rusqlite::Connection::open(&path).unwrap();
        let priority: String = c
            .query_row(
                "SELECT priority FROM trace_requests WHERE id = 7",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(priority, "urgent");
        let actions: Vec<String> = c
            .prepare("SELECT action FROM trace_events WHERE request_id = 7 ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(actions, ["create", "status sent", "respond"]);
        let versions: Vec<u32> = c
            .prepare("SELECT version FROM schema_migrations ORDER BY version")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(versions, [1, 2]);
        let mode: String = c
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        // Opening again changes nothing.
        drop(c);
        let mut s = TraceStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn foreign_newer_and_broken_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let newer = dir.path().join("newer.db");
        TraceStore::open(&newer).unwrap();
        rusqlite::Connection::open(&newer)
            .unwrap()
            .execute(
                "INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')",
                [],
            )
            .unwrap();
        let e = TraceStore::open(&newer).unwrap_err().to_string();
        assert!(
            e.contains("newer") && e.contains("upgrade armsmatch"),
            "{e}"
        );

        let foreign = dir.path().join("foreign.db");
        rusqlite::Connection::open(&foreign)
            .unwrap()
            .execute_batch("CREATE TABLE customers (id INTEGER);")
            .unwrap();
        let e = TraceStore::open(&foreign).unwrap_err().to_string();
        assert!(e.contains("not an armsmatch trace store"), "{e}");

        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
        let e = TraceStore::open(&junk).unwrap_err();
        assert!(matches!(e, armsmatch::Error::Io { .. }), "{e}");
        assert!(e.to_string().contains("junk.db"), "{e}");

        let e = TraceStore::open(dir.path().join("no/such/dir/t.db")).unwrap_err();
        assert!(e.to_string().contains("no/such/dir"), "{e}");
    }

    #[test]
    fn concurrent_writers_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("busy.db");
        // Two writers, each with its own connection, open a fresh file at once, then
        // create 200 requests each and add 100 comments each to one shared request.
        let shared = {
            let mut s = TraceStore::open(&path).unwrap();
            let mut r = complete_request();
            r.case_ref = "shared".into();
            let id = s.create(&actor("FRA"), &r).unwrap().id.unwrap();
            s.send(&actor("FRA"), id, false).unwrap();
            id
        };
        let writers: Vec<_> = ["FRA", "AUT"]
            .into_iter()
            .map(|country| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut s = TraceStore::open(&path).unwrap();
                    let me = actor(country);
                    for i in 0..200 {
                        let mut r = TraceRequest::new(
                            &me,
                            &format!("{country}-{i}"),
                            FirearmId::default(),
                            Timestamp::now(),
                        );
                        r.add_addressee("ITA", AddresseeReason::Other).unwrap();
                        s.create(&me, &r).unwrap();
                        if i % 2 == 0 {
                            s.comment(&me, shared, &format!("{country} comment {i}"))
                                .unwrap();
                        }
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let mut s = TraceStore::open(&path).unwrap();
        let fra = s
            .list(
                &actor("FRA"),
                &TraceFilter {
                    direction: Some(Direction::Outgoing),
                    status: None,
                },
            )
            .unwrap();
        let aut = s
            .list(
                &actor("AUT"),
                &TraceFilter {
                    direction: Some(Direction::Outgoing),
                    status: None,
                },
            )
            .unwrap();
        assert_eq!(fra.len(), 201, "200 + the shared one");
        assert_eq!(aut.len(), 200);
        let c = rusqlite::Connection::open(&path).unwrap();
        let rows: i64 = c
            .query_row("SELECT count(*) FROM trace_requests", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 401);
        let comments = s.get(&actor("FRA"), shared).unwrap().comments;
        assert_eq!(comments.len(), 200, "no read-modify-write was lost");
        for country in ["FRA", "AUT"] {
            for i in (0..200).step_by(2) {
                let text = format!("{country} comment {i}");
                assert!(comments.iter().any(|c| c.text == text), "{text}");
            }
        }
    }
}
