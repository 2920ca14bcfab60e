//! Statistics and reports: what is lost and stolen where, which makes, which routes
//! firearms travel from the country that reported them to the country where they
//! turned up, and how trace requests are answered.
//!
//! * [`RegisterStats`] — records by status, reporting country, make, kind, calibre and
//!   month ([`RegisterStats::from_index`]).
//! * [`HitStats`] — hits by make and by country, and [`Route`]s: reporting country →
//!   checking country, with counts, top makes and the days between report and
//!   recovery ([`HitStats::from_hits`]; from files: [`hit_stats_from_files`]).
//! * [`TraceStats`] — trace requests by status, response rate and median time to
//!   respond, per addressee ([`TraceStats::from_requests`]).
//! * [`Stats`] — the three together, as a text table ([`Stats::to_text`]), CSV
//!   ([`Stats::to_csv`]), JSON (serde), or a self-contained HTML report with SVG charts
//!   ([`render_html`]).
//!
//! Makes and calibres are counted by their canonical name in the index's
//! [`Reference`] ("S&W" and "Smith & Wesson" are one make); names the reference does
//! not know are grouped by their normalized form and shown as first written. Missing
//! values are counted under [`UNKNOWN`].
//!
//! # Example
//!
//! ```
//! use armsmatch::{Index, Record, Query, CheckOptions, Date, Status};
//! use armsmatch::stats::{HitStats, RegisterStats, Stats};
//!
//! let mut b = Index::builder();
//! b.add(Record::new("DEU-1", "AB123456").make("S&W").country("DEU").status(Status::Stolen)
//!     .reported_on(Date::new(2024, 1, 10)?))?;
//! b.add(Record::new("DEU-2", "XY987654").make("Smith and Wesson").country("DEU").status(Status::Lost))?;
//! let index = b.build()?;
//! let register = RegisterStats::from_index(&index);
//! assert_eq!(register.by_make[0].label, "Smith & Wesson");
//! assert_eq!(register.by_make[0].count, 2);
//!
//! let q = Query::new("AB123456").country("FRA");
//! let hits = index.check(&q, &CheckOptions::default())?;
//! let seen = Some(Date::new(2024, 3, 10)?);
//! let hit_stats = HitStats::from_hits(hits.iter().map(|h| (q.country.as_deref(), seen, h)), &index.reference());
//! let route = &hit_stats.routes[0];
//! assert_eq!((route.from.as_str(), route.to.as_str(), route.hits), ("DEU", "FRA", 1));
//! assert_eq!(route.days_to_recovery.as_ref().unwrap().median, 60.0);
//!
//! let stats = Stats { register, hits: Some(hit_stats), traces: None };
//! assert!(stats.to_text(10).contains("DEU > FRA"));
//! # Ok::<(), armsmatch::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::index::Index;
use crate::normalize::name_key;
use crate::record::{Date, Record};
use crate::reference::{NameForm, Reference};
use crate::score::Hit;
use crate::trace::{TraceRequest, TraceStatus};

mod files;
mod report;

pub use files::{hit_stats_from_files, read_check_contexts, CheckContext, HitFileReport};
pub use report::{render_html, ReportOptions};

/// The label under which missing values are counted.
pub const UNKNOWN: &str = "unknown";

/// How many top makes a [`Route`] lists.
pub const ROUTE_TOP_MAKES: usize = 3;

/// Months spanned by the register beyond which [`RegisterStats::by_month`] lists only
/// the months that have records (no zero-filled gaps).
pub const MAX_FILLED_MONTHS: usize = 600;

/// One row of a tally.
///
/// ```
/// let c = armsmatch::stats::Count { label: "Glock".into(), count: 12 };
/// assert_eq!(serde_json::to_string(&c)?, r#"{"label":"Glock","count":12}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Count {
    /// What was counted.
    pub label: String,
    /// How many.
    pub count: u64,
}

/// Counts by key, each shown under the first label seen for it.
#[derive(Default)]
struct Tally {
    map: HashMap<String, (String, u64)>,
}

impl Tally {
    fn add(&mut self, key: String, label: &str) {
        self.map
            .entry(key)
            .or_insert_with(|| (label.to_string(), 0))
            .1 += 1;
    }

    fn add_label(&mut self, label: &str) {
        self.add(label.to_string(), label);
    }

    /// Most frequent first, ties by label.
    fn into_counts(self) -> Vec<Count> {
        let mut v: Vec<Count> = self
            .map
            .into_values()
            .map(|(label, count)| Count { label, count })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        v
    }
}

/// (key, label) of a make: the canonical name when the reference knows it.
fn make_label(reference: &Reference, make: Option<&str>) -> (String, String) {
    named(make, |m| {
        let r = reference.resolve_make(m);
        (r.form != NameForm::Unknown).then_some(r.canonical)
    })
}

/// (key, label) of a calibre: the canonical name when the reference knows it.
fn calibre_label(reference: &Reference, calibre: Option<&str>) -> (String, String) {
    named(calibre, |c| {
        let r = reference.resolve_calibre(c);
        (r.form != NameForm::Unknown).then_some(r.canonical)
    })
}

fn named(value: Option<&str>, canonical: impl Fn(&str) -> Option<String>) -> (String, String) {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return (format!("\u{0}{UNKNOWN}"), UNKNOWN.to_string());
    };
    match canonical(v) {
        Some(c) => (format!("\u{1}{c}"), c),
        None => {
            let key = name_key(v);
            if key.is_empty() {
                (format!("\u{0}{UNKNOWN}"), UNKNOWN.to_string())
            } else {
                (key, v.to_string())
            }
        }
    }
}

fn country_label(c: Option<&str>) -> String {
    c.map(str::trim)
        .filter(|c| !c.is_empty())
        .map_or_else(|| UNKNOWN.to_string(), str::to_ascii_uppercase)
}

/// The median of a list (the mean of the middle two for an even count).
///
/// ```
/// assert_eq!(armsmatch::stats::median(&mut [5.0, 1.0, 3.0]), Some(3.0));
/// assert_eq!(armsmatch::stats::median(&mut [4.0, 1.0]), Some(2.5));
/// assert_eq!(armsmatch::stats::median(&mut []), None);
/// ```
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The register: how many records, and by what.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegisterStats {
    /// Records counted.
    pub records: u64,
    /// By status (lost, stolen, …).
    pub by_status: Vec<Count>,
    /// By reporting country.
    pub by_country: Vec<Count>,
    /// By make (canonical name).
    pub by_make: Vec<Count>,
    /// By kind of firearm.
    pub by_kind: Vec<Count>,
    /// By calibre (canonical name).
    pub by_calibre: Vec<Count>,
    /// By month reported (`YYYY-MM`), in time order; months without records inside the
    /// span are listed with 0 (up to [`MAX_FILLED_MONTHS`]).
    pub by_month: Vec<Count>,
    /// Records without a report date (not in `by_month`).
    pub undated: u64,
}

impl RegisterStats {
    /// Counts every record of an index (base and live additions), naming makes and
    /// calibres through the index's reference.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Kind, stats::RegisterStats};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "A1234").kind(Kind::Pistol).calibre("9mm Luger"))?;
    /// b.add(Record::new("R2", "B1234").kind(Kind::Pistol).calibre("9x19"))?;
    /// let s = RegisterStats::from_index(&b.build()?);
    /// assert_eq!(s.by_kind[0].count, 2);
    /// assert_eq!(s.by_calibre.len(), 1); // one calibre, two names
    /// assert_eq!(s.undated, 2);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_index(index: &Index) -> RegisterStats {
        let reference = index.reference();
        let mut acc = RegisterAcc::default();
        index.for_each_record(|r| acc.add(&r, &reference));
        acc.finish()
    }

    /// Counts records given one by one.
    ///
    /// ```
    /// use armsmatch::{Record, Reference, stats::RegisterStats};
    /// let recs = [Record::new("R1", "A1").country("DEU"), Record::new("R2", "A2")];
    /// let s = RegisterStats::from_records(&recs, Reference::embedded());
    /// assert_eq!(s.by_country.len(), 2);
    /// ```
    pub fn from_records<'a>(
        records: impl IntoIterator<Item = &'a Record>,
        reference: &Reference,
    ) -> RegisterStats {
        let mut acc = RegisterAcc::default();
        for r in records {
            acc.add(r, reference);
        }
        acc.finish()
    }
}

#[derive(Default)]
struct RegisterAcc {
    records: u64,
    status: Tally,
    country: Tally,
    make: Tally,
    kind: Tally,
    calibre: Tally,
    months: BTreeMap<(u16, u8), u64>,
    undated: u64,
}

impl RegisterAcc {
    fn add(&mut self, r: &Record, reference: &Reference) {
        self.records += 1;
        self.status
            .add_label(r.status.map_or(UNKNOWN, |s| s.as_str()));
        self.country.add_label(&country_label(r.country.as_deref()));
        let (k, l) = make_label(reference, r.make.as_deref());
        self.make.add(k, &l);
        self.kind.add_label(r.kind.map_or(UNKNOWN, |k| k.as_str()));
        let (k, l) = calibre_label(reference, r.calibre.as_deref());
        self.calibre.add(k, &l);
        match r.reported_on {
            Some(d) => *self.months.entry((d.year, d.month)).or_default() += 1,
            None => self.undated += 1,
        }
    }

    fn finish(self) -> RegisterStats {
        RegisterStats {
            records: self.records,
            by_status: self.status.into_counts(),
            by_country: self.country.into_counts(),
            by_make: self.make.into_counts(),
            by_kind: self.kind.into_counts(),
            by_calibre: self.calibre.into_counts(),
            by_month: fill_months(&self.months),
            undated: self.undated,
        }
    }
}

fn fill_months(months: &BTreeMap<(u16, u8), u64>) -> Vec<Count> {
    let label = |y: u16, m: u8| format!("{y:04}-{m:02}");
    let (Some((&first, _)), Some((&last, _))) = (months.first_key_value(), months.last_key_value())
    else {
        return Vec::new();
    };
    let index = |(y, m): (u16, u8)| y as usize * 12 + m as usize - 1;
    let span = index(last) - index(first) + 1;
    if span > MAX_FILLED_MONTHS {
        return months
            .iter()
            .map(|(&(y, m), &count)| Count {
                label: label(y, m),
                count,
            })
            .collect();
    }
    (index(first)..=index(last))
        .map(|i| {
            let (y, m) = ((i / 12) as u16, (i % 12) as u8 + 1);
            Count {
                label: label(y, m),
                count: months.get(&(y, m)).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// Summary of day counts (for example, from report to recovery).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaysSummary {
    /// How many values were known.
    pub known: u64,
    /// Their median, in days.
    pub median: f64,
    /// The smallest.
    pub min: i64,
    /// The largest.
    pub max: i64,
}

impl DaysSummary {
    fn of(days: &[i64]) -> Option<DaysSummary> {
        let mut v: Vec<f64> = days.iter().map(|&d| d as f64).collect();
        Some(DaysSummary {
            known: days.len() as u64,
            median: median(&mut v)?,
            min: *days.iter().min()?,
            max: *days.iter().max()?,
        })
    }
}

/// A route: firearms reported by one country that turned up in a check by another
/// (or the same) country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// The reporting country (the record's), or [`UNKNOWN`].
    pub from: String,
    /// The checking country (where the firearm turned up), or [`UNKNOWN`].
    pub to: String,
    /// Hits on this route.
    pub hits: u64,
    /// The most frequent makes (at most [`ROUTE_TOP_MAKES`]).
    pub top_makes: Vec<Count>,
    /// Days from the record's report to the check, where both dates are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_to_recovery: Option<DaysSummary>,
}

/// Hits: by make, by country, and their routes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HitStats {
    /// Hits counted.
    pub hits: u64,
    /// By make of the record hit.
    pub by_make: Vec<Count>,
    /// By the record's reporting country.
    pub by_record_country: Vec<Count>,
    /// By the checking country (where the firearm turned up).
    pub by_check_country: Vec<Count>,
    /// Routes, busiest first (ties by from, to).
    pub routes: Vec<Route>,
}

impl HitStats {
    /// Counts hits given as (checking country, check date, hit). The checking country
    /// is the check's [`crate::Query::country`]; the date, when known, gives the days
    /// from report to recovery. Every hit given is counted: pass each check's best hit
    /// only if a check's lower-ranked candidates should not count as sightings.
    pub fn from_hits<'a>(
        hits: impl IntoIterator<Item = (Option<&'a str>, Option<Date>, &'a Hit)>,
        reference: &Reference,
    ) -> HitStats {
        HitStats::from_records(
            hits.into_iter().map(|(c, d, h)| (c, d, &h.record)),
            reference,
        )
    }

    /// [`HitStats::from_hits`] with the hit records only (as joined from a hits file).
    ///
    /// ```
    /// use armsmatch::{Record, Reference, Date, stats::HitStats};
    /// let r = Record::new("R1", "A1").make("Glock").country("AUT").reported_on(Date::new(2024, 1, 1)?);
    /// let s = HitStats::from_records([(Some("ITA"), None, &r), (Some("ITA"), Some(Date::new(2024, 1, 11)?), &r)], Reference::embedded());
    /// assert_eq!(s.routes[0].hits, 2);
    /// assert_eq!(s.routes[0].days_to_recovery.as_ref().unwrap().known, 1);
    /// assert_eq!(s.by_make[0].label, "Glock");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_records<'a>(
        hits: impl IntoIterator<Item = (Option<&'a str>, Option<Date>, &'a Record)>,
        reference: &Reference,
    ) -> HitStats {
        let mut n = 0;
        let (mut make, mut from_c, mut to_c) =
            (Tally::default(), Tally::default(), Tally::default());
        let mut routes: BTreeMap<(String, String), (u64, Tally, Vec<i64>)> = BTreeMap::new();
        for (check_country, checked_on, record) in hits {
            n += 1;
            let (mk, ml) = make_label(reference, record.make.as_deref());
            make.add(mk.clone(), &ml);
            let from = country_label(record.country.as_deref());
            let to = country_label(check_country);
            from_c.add_label(&from);
            to_c.add_label(&to);
            let route = routes.entry((from, to)).or_default();
            route.0 += 1;
            route.1.add(mk, &ml);
            if let (Some(seen), Some(reported)) = (checked_on, record.reported_on) {
                route
                    .2
                    .push(seen.days_since_epoch() - reported.days_since_epoch());
            }
        }
        let mut routes: Vec<Route> = routes
            .into_iter()
            .map(|((from, to), (hits, makes, days))| {
                let mut top_makes = makes.into_counts();
                top_makes.truncate(ROUTE_TOP_MAKES);
                Route {
                    from,
                    to,
                    hits,
                    top_makes,
                    days_to_recovery: DaysSummary::of(&days),
                }
            })
            .collect();
        // Stable sort: equal counts stay in (from, to) order.
        routes.sort_by_key(|r| std::cmp::Reverse(r.hits));
        HitStats {
            hits: n,
            by_make: make.into_counts(),
            by_record_country: from_c.into_counts(),
            by_check_country: to_c.into_counts(),
            routes,
        }
    }
}

/// How one addressee country answers trace requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddresseeStats {
    /// The country asked.
    pub country: String,
    /// Requests sent to it.
    pub asked: u64,
    /// Of those, requests it responded to.
    pub responded: u64,
    /// `responded / asked`.
    pub response_rate: f64,
    /// Median days from sending to its first response (responded requests only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days_to_respond: Option<f64>,
}

/// Trace requests: by status, how often and how fast they are answered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TraceStats {
    /// Requests counted.
    pub requests: u64,
    /// By status, in lifecycle order (every status listed, zeros included).
    pub by_status: Vec<Count>,
    /// Requests sent (drafts excluded; a request closed as a draft was never sent).
    pub sent: u64,
    /// Sent requests with at least one response.
    pub responded: u64,
    /// `responded / sent`, when anything was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_rate: Option<f64>,
    /// Median days from sending to the first response of any addressee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days_to_respond: Option<f64>,
    /// Per addressee, most asked first (ties by country).
    pub by_addressee: Vec<AddresseeStats>,
}

impl TraceStats {
    /// Counts trace requests (typically those one country may see: see `TraceStore::list`).
    ///
    /// ```
    /// use armsmatch::trace::{Actor, AddresseeReason, FirearmId, TraceRequest, Timestamp};
    /// use armsmatch::stats::TraceStats;
    /// let (fra, aut) = (Actor::new("FRA", "PN")?, Actor::new("AUT", "BK")?);
    /// let t0: Timestamp = "2024-01-01T00:00:00Z".parse()?;
    /// let mut req = TraceRequest::new(&fra, "PN-1", FirearmId::default(), t0);
    /// req.add_addressee("AUT", AddresseeReason::Manufacture)?;
    /// req.send(&fra, t0, true)?;
    /// req.respond(&aut, "sold 2019", "2024-01-08T00:00:00Z".parse()?)?;
    /// let s = TraceStats::from_requests([&req]);
    /// assert_eq!(s.response_rate, Some(1.0));
    /// assert_eq!(s.by_addressee[0].median_days_to_respond, Some(7.0));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_requests<'a>(requests: impl IntoIterator<Item = &'a TraceRequest>) -> TraceStats {
        let mut by_status: BTreeMap<TraceStatus, u64> = BTreeMap::new();
        let (mut n, mut sent, mut responded) = (0, 0, 0);
        let mut first_days = Vec::new();
        // country → (asked, responded, days)
        let mut per: BTreeMap<String, (u64, u64, Vec<f64>)> = BTreeMap::new();
        for r in requests {
            n += 1;
            *by_status.entry(r.status).or_default() += 1;
            let Some(sent_at) = r.sent_at() else {
                continue;
            };
            sent += 1;
            if !r.responses.is_empty() {
                responded += 1;
                if let Some(first) = r.responses.iter().map(|x| x.at).min() {
                    first_days.push(first.days_since(sent_at));
                }
            }
            for a in &r.addressees {
                let e = per.entry(a.country.clone()).or_default();
                e.0 += 1;
                if let Some(at) = r.first_response_at(&a.country) {
                    e.1 += 1;
                    e.2.push(at.days_since(sent_at));
                }
            }
        }
        let mut by_addressee: Vec<AddresseeStats> = per
            .into_iter()
            .map(|(country, (asked, resp, mut days))| AddresseeStats {
                country,
                asked,
                responded: resp,
                response_rate: resp as f64 / asked.max(1) as f64,
                median_days_to_respond: median(&mut days),
            })
            .collect();
        by_addressee.sort_by_key(|a| std::cmp::Reverse(a.asked));
        TraceStats {
            requests: n,
            by_status: TraceStatus::ALL
                .iter()
                .map(|s| Count {
                    label: s.as_str().to_string(),
                    count: by_status.get(s).copied().unwrap_or(0),
                })
                .collect(),
            sent,
            responded,
            response_rate: (sent > 0).then(|| responded as f64 / sent as f64),
            median_days_to_respond: median(&mut first_days),
            by_addressee,
        }
    }
}

/// Everything `armsmatch stats` and `armsmatch report` show.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// The register.
    pub register: RegisterStats,
    /// Hits, when a hits file was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hits: Option<HitStats>,
    /// Trace requests, when a trace store was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traces: Option<TraceStats>,
}

/// The columns of [`Stats::to_csv`].
pub const CSV_COLUMNS: [&str; 5] = ["table", "label", "count", "median_days", "detail"];

impl Stats {
    /// Pretty-printed JSON (the serde form of [`Stats`]).
    ///
    /// ```
    /// let json = armsmatch::stats::Stats::default().to_json();
    /// assert!(json.contains("\"register\""));
    /// ```
    pub fn to_json(&self) -> String {
        // Cannot fail: string keys, finite numbers.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// One long CSV (columns [`CSV_COLUMNS`]): each tally as rows of its `table`
    /// (`records`, `records_by_status`, `records_by_country`, `records_by_make`,
    /// `records_by_kind`, `records_by_calibre`, `records_by_month`, `hits`,
    /// `hits_by_make`, `hits_by_record_country`, `hits_by_check_country`, `routes`,
    /// `traces_by_status`, `traces_by_addressee`, `traces`). A route's label is
    /// `FROM>TO`, its `median_days` the median days from report to recovery and its
    /// `detail` the top makes (`Glock 3; Beretta 1`); an addressee's `count` is the
    /// requests it was sent, `median_days` its median time to respond and `detail`
    /// `responded N`. Labels a spreadsheet would read as a formula are escaped
    /// ([`crate::io::spreadsheet_cell`]).
    ///
    /// ```
    /// let csv = armsmatch::stats::Stats::default().to_csv();
    /// assert!(csv.starts_with("table,label,count,median_days,detail\nrecords,all,0,,\n"));
    /// ```
    pub fn to_csv(&self) -> String {
        let mut rows: Vec<[String; 5]> = Vec::new();
        let mut row = |t: &str, l: &str, c: u64, m: Option<f64>, d: String| {
            rows.push([
                t.to_string(),
                l.to_string(),
                c.to_string(),
                m.map(fmt_days).unwrap_or_default(),
                d,
            ]);
        };
        let r = &self.register;
        row("records", "all", r.records, None, String::new());
        row("records", "undated", r.undated, None, String::new());
        for (t, counts) in [
            ("records_by_status", &r.by_status),
            ("records_by_country", &r.by_country),
            ("records_by_make", &r.by_make),
            ("records_by_kind", &r.by_kind),
            ("records_by_calibre", &r.by_calibre),
            ("records_by_month", &r.by_month),
        ] {
            for c in counts {
                row(t, &c.label, c.count, None, String::new());
            }
        }
        if let Some(h) = &self.hits {
            row("hits", "all", h.hits, None, String::new());
            for (t, counts) in [
                ("hits_by_make", &h.by_make),
                ("hits_by_record_country", &h.by_record_country),
                ("hits_by_check_country", &h.by_check_country),
            ] {
                for c in counts {
                    row(t, &c.label, c.count, None, String::new());
                }
            }
            for rt in &h.routes {
                row(
                    "routes",
                    &format!("{}>{}", rt.from, rt.to),
                    rt.hits,
                    rt.days_to_recovery.as_ref().map(|d| d.median),
                    join_counts(&rt.top_makes, "; "),
                );
            }
        }
        if let Some(t) = &self.traces {
            row("traces", "all", t.requests, None, String::new());
            row("traces", "sent", t.sent, None, String::new());
            row(
                "traces",
                "responded",
                t.responded,
                t.median_days_to_respond,
                String::new(),
            );
            for c in &t.by_status {
                row("traces_by_status", &c.label, c.count, None, String::new());
            }
            for a in &t.by_addressee {
                row(
                    "traces_by_addressee",
                    &a.country,
                    a.asked,
                    a.median_days_to_respond,
                    format!("responded {}", a.responded),
                );
            }
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(CSV_COLUMNS);
        for r in rows {
            // Labels come from the register (makes, countries) and may start like a formula.
            let _ = w.write_record(
                r.iter()
                    .map(|c| crate::io::spreadsheet_cell(c).into_owned()),
            );
        }
        w.into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Plain-text tables for a terminal, at most `rows` rows per table (the rest
    /// summed up in one line).
    pub fn to_text(&self, rows: usize) -> String {
        let mut out = String::new();
        let r = &self.register;
        let _ = write!(out, "Register: {} records", fmt_int(r.records));
        let _ = if r.undated > 0 {
            writeln!(out, " ({} without a report date)", fmt_int(r.undated))
        } else {
            writeln!(out)
        };
        for (title, counts) in [
            ("Records by status", &r.by_status),
            ("Records by reporting country", &r.by_country),
            ("Records by make", &r.by_make),
            ("Records by kind", &r.by_kind),
            ("Records by calibre", &r.by_calibre),
        ] {
            table_counts(&mut out, title, counts, r.records, rows);
        }
        let months: Vec<Count> = r.by_month.iter().rev().take(rows).rev().cloned().collect();
        if !months.is_empty() {
            let title = if months.len() < r.by_month.len() {
                format!("Records by month reported (last {})", months.len())
            } else {
                "Records by month reported".to_string()
            };
            table(
                &mut out,
                &title,
                &["month", "records"],
                months
                    .iter()
                    .map(|c| vec![c.label.clone(), fmt_int(c.count)])
                    .collect(),
            );
        }
        if let Some(h) = &self.hits {
            let _ = writeln!(out, "\nHits: {}", fmt_int(h.hits));
            for (title, counts) in [
                ("Hits by make", &h.by_make),
                ("Hits by reporting country", &h.by_record_country),
                ("Hits by checking country", &h.by_check_country),
            ] {
                table_counts(&mut out, title, counts, h.hits, rows);
            }
            let mut body: Vec<Vec<String>> = h
                .routes
                .iter()
                .take(rows)
                .map(|rt| {
                    vec![
                        format!("{} > {}", rt.from, rt.to),
                        fmt_int(rt.hits),
                        join_counts(&rt.top_makes, ", "),
                        rt.days_to_recovery
                            .as_ref()
                            .map_or_else(|| "-".into(), |d| fmt_days(d.median)),
                    ]
                })
                .collect();
            more_line(&mut body, h.routes.len(), rows, 4);
            table(
                &mut out,
                "Routes (reporting country > where it turned up)",
                &["route", "hits", "top makes", "median days"],
                body,
            );
        }
        if let Some(t) = &self.traces {
            let _ = writeln!(
                out,
                "\nTrace requests: {} ({} sent, {} responded{}{})",
                fmt_int(t.requests),
                fmt_int(t.sent),
                fmt_int(t.responded),
                t.response_rate
                    .map_or(String::new(), |r| format!(", response rate {}", fmt_pct(r))),
                t.median_days_to_respond.map_or(String::new(), |d| format!(
                    ", median {} days to respond",
                    fmt_days(d)
                )),
            );
            table_counts(
                &mut out,
                "Trace requests by status",
                &t.by_status,
                t.requests,
                rows,
            );
            let mut body: Vec<Vec<String>> = t
                .by_addressee
                .iter()
                .take(rows)
                .map(|a| {
                    vec![
                        a.country.clone(),
                        fmt_int(a.asked),
                        fmt_int(a.responded),
                        fmt_pct(a.response_rate),
                        a.median_days_to_respond
                            .map_or_else(|| "-".into(), fmt_days),
                    ]
                })
                .collect();
            more_line(&mut body, t.by_addressee.len(), rows, 5);
            if body.is_empty() {
                return out;
            }
            table(
                &mut out,
                "Trace requests by addressee",
                &["country", "asked", "responded", "rate", "median days"],
                body,
            );
        }
        out
    }
}

fn more_line(body: &mut Vec<Vec<String>>, total: usize, shown: usize, cols: usize) {
    if total > shown {
        let mut line = vec![format!("… {} more", fmt_int((total - shown) as u64))];
        line.resize(cols, String::new());
        body.push(line);
    }
}

fn table_counts(out: &mut String, title: &str, counts: &[Count], total: u64, rows: usize) {
    if counts.is_empty() {
        return;
    }
    let mut body: Vec<Vec<String>> = counts
        .iter()
        .take(rows)
        .map(|c| {
            vec![
                c.label.clone(),
                fmt_int(c.count),
                fmt_pct(c.count as f64 / total.max(1) as f64),
            ]
        })
        .collect();
    if counts.len() > rows {
        let rest: u64 = counts[rows..].iter().map(|c| c.count).sum();
        body.push(vec![
            format!("… {} more", fmt_int((counts.len() - rows) as u64)),
            fmt_int(rest),
            fmt_pct(rest as f64 / total.max(1) as f64),
        ]);
    }
    table(out, title, &["", "count", "share"], body);
}

/// A left-aligned first column, right-aligned numbers.
fn table(out: &mut String, title: &str, header: &[&str], body: Vec<Vec<String>>) {
    let width = |i: usize| {
        body.iter()
            .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let _ = writeln!(out, "\n{title}");
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            if i == 0 || (i == 2 && header.len() == 4) {
                // Text columns (first; the top makes of routes) are left-aligned.
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
            if i + 1 < cells.len() {
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "  {}", line(header.to_vec()));
    for r in &body {
        let _ = writeln!(out, "  {}", line(r.iter().map(String::as_str).collect()));
    }
}

fn join_counts(counts: &[Count], sep: &str) -> String {
    counts
        .iter()
        .map(|c| format!("{} {}", c.label, c.count))
        .collect::<Vec<_>>()
        .join(sep)
}

/// `1234567` → `1,234,567`.
pub(crate) fn fmt_int(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

pub(crate) fn fmt_pct(r: f64) -> String {
    format!("{:.0}%", r * 100.0)
}

/// Days with at most one decimal, without a trailing `.0`.
pub(crate) fn fmt_days(d: f64) -> String {
    let s = format!("{d:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(fmt_int(0), "0");
        assert_eq!(fmt_int(999), "999");
        assert_eq!(fmt_int(1000), "1,000");
        assert_eq!(fmt_int(1_500_000), "1,500,000");
        assert_eq!(fmt_days(7.0), "7");
        assert_eq!(fmt_days(7.25), "7.2");
        assert_eq!(fmt_pct(0.755), "76%");
    }

    #[test]
    fn months_fill_gaps_and_cap() {
        let mut m = BTreeMap::new();
        m.insert((2023, 11), 2);
        m.insert((2024, 2), 1);
        let v = fill_months(&m);
        let labels: Vec<&str> = v.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(v[1].count, 0);
        m.insert((1900, 1), 1);
        assert_eq!(fill_months(&m).len(), 3);
    }

    #[test]
    fn unknown_names_group_by_key_and_keep_first_spelling() {
        let r = Reference::embedded();
        let recs = [
            Record::new("1", "A1").make("Acme Blasters"),
            Record::new("2", "A2").make("ACME BLASTERS"),
            Record::new("3", "A3").make("  "),
            Record::new("4", "A4"),
        ];
        let s = RegisterStats::from_records(&recs, r);
        assert_eq!(
            s.by_make,
            [
                Count {
                    label: "Acme Blasters".into(),
                    count: 2
                },
                Count {
                    label: UNKNOWN.into(),
                    count: 2
                }
            ]
        );
    }
}
