//! [`render_html`]: one self-contained HTML page with inline SVG charts.

use std::fmt::Write as _;

use super::{fmt_days, fmt_int, fmt_pct, Count, Stats};
use crate::trace::Timestamp;

/// How [`render_html`] renders.
///
/// ```
/// let o = armsmatch::stats::ReportOptions { title: "Q1 2024".into(), ..Default::default() };
/// assert_eq!(o.top, 12);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// The page title.
    pub title: String,
    /// Bars per chart (the rest are summed up in one bar) and routes in the diagram.
    pub top: usize,
    /// Shown as the time of the report (`None`: not shown, so the page depends only
    /// on the statistics).
    pub generated_at: Option<Timestamp>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            title: "Firearms register report".to_string(),
            top: 12,
            generated_at: None,
        }
    }
}

const CSS: &str = r#"
:root { --ink: #1d2733; --muted: #5b6775; --line: #d8dee6; --bg: #f5f7fa; --card: #fff;
        --bar: #2f6690; --hit: #b5533c; --trace: #3a7d44; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
       color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.05rem; margin: 0; }
h3 { font-size: 1.2rem; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.meta, figcaption p { color: var(--muted); font-size: .85rem; margin: 2px 0 0; }
footer { color: var(--muted); font-size: .85rem; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 12px; margin: 18px 0 4px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.kpi b { display: block; font-size: 1.5rem; font-variant-numeric: tabular-nums; }
.kpi span { color: var(--muted); font-size: .85rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 14px; }
figure.chart { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; min-width: 0; }
figure.wide { grid-column: 1 / -1; }
figcaption { margin-bottom: 8px; }
svg { display: block; width: 100%; height: auto; overflow: visible; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
svg .value { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg .axis { stroke: var(--line); stroke-width: 1; }
svg .grid-line { stroke: var(--line); stroke-width: 1; stroke-dasharray: 3 3; }
.bar rect { fill: var(--bar); }
.bar-rest rect { fill: #9aa7b5; }
.hits .bar rect { fill: var(--hit); }
.traces .bar rect { fill: var(--trace); }
.trend polyline { fill: none; stroke: var(--bar); stroke-width: 2.5; stroke-linejoin: round; }
.trend .area { fill: var(--bar); opacity: .12; }
.trend circle { fill: #fff; stroke: var(--bar); stroke-width: 1.5; }
.trend text.tick { fill: var(--muted); }
.routes path { fill: none; stroke-opacity: .55; }
.routes rect { fill: var(--ink); }
.empty { color: var(--muted); font-style: italic; margin: 8px 0; }
.table-wrap { overflow-x: auto; margin-top: 10px; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.route-name, td.num { white-space: nowrap; }
td small, th small { color: var(--muted); font-weight: normal; }
footer { padding-top: 18px; padding-bottom: 28px; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  header, main, footer { padding: 0 10px; }
  figure.chart { padding: 10px 8px; }
  .trend text, .routes text { font-size: 26px; }
  td.days small { display: block; }
  .trend text.minor { display: none; }
}
@media print {
  @page { margin: 14mm; }
  body { background: #fff; font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .grid { grid-template-columns: 1fr 1fr; gap: 8px; }
  figure.chart { break-inside: avoid; page-break-inside: avoid; border-color: #bbb; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .kpi { border-color: #bbb; }
}
"#;

const STATUS_COLOURS: [(&str, &str); 12] = [
    ("lost", "#7c8b99"),
    ("stolen", "#b5333c"),
    ("trafficked", "#7b3f98"),
    ("smuggled", "#c8701e"),
    ("other", "#4f7a8a"),
    ("unknown", "#b8c2cc"),
    ("draft", "#b8c2cc"),
    ("sent", "#2f6690"),
    ("acknowledged", "#3a86a8"),
    ("in_progress", "#c8a21e"),
    ("responded", "#3a7d44"),
    ("closed", "#5b6775"),
];

const ROUTE_COLOURS: [&str; 8] = [
    "#2f6690", "#b5533c", "#3a7d44", "#7b3f98", "#c8701e", "#3a86a8", "#8a6d3b", "#b5337a",
];

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a report (and some are invalid HTML).
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A bar of a horizontal bar chart.
struct Bar {
    label: String,
    /// Bar length.
    value: f64,
    /// The count behind it (`data-count`).
    count: u64,
    /// The text after the bar.
    text: String,
    /// Extra `data-*` attributes, already escaped.
    attrs: String,
    colour: Option<&'static str>,
    rest: bool,
}

impl Bar {
    fn count(c: &Count, total: u64) -> Bar {
        Bar {
            label: c.label.clone(),
            value: c.count as f64,
            count: c.count,
            text: format!(
                "{} · {}",
                fmt_int(c.count),
                fmt_pct(c.count as f64 / total.max(1) as f64)
            ),
            attrs: String::new(),
            colour: None,
            rest: false,
        }
    }
}

/// The top `top` counts as bars, the rest summed up in one bar.
fn count_bars(counts: &[Count], total: u64, top: usize, noun: &str) -> Vec<Bar> {
    let mut bars: Vec<Bar> = counts
        .iter()
        .take(top)
        .map(|c| Bar::count(c, total))
        .collect();
    if counts.len() > top {
        let rest: u64 = counts[top..].iter().map(|c| c.count).sum();
        let mut b = Bar::count(
            &Count {
                label: format!("{} other {noun}", fmt_int((counts.len() - top) as u64)),
                count: rest,
            },
            total,
        );
        b.rest = true;
        bars.push(b);
    }
    bars
}

struct Chart<'a> {
    id: &'a str,
    title: &'a str,
    note: String,
    class: &'a str,
    wide: bool,
}

fn open_figure(out: &mut String, c: &Chart<'_>, extra: &str) {
    let _ = write!(
        out,
        "<figure class=\"chart{}{}\" id=\"{id}\" data-chart=\"{id}\"{extra}><figcaption><h2>{}</h2>",
        if c.wide { " wide" } else { "" },
        if c.class.is_empty() { String::new() } else { format!(" {}", c.class) },
        esc(c.title),
        id = c.id,
    );
    if !c.note.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(&c.note));
    }
    out.push_str("</figcaption>");
}

fn bar_chart(out: &mut String, c: &Chart<'_>, bars: &[Bar], empty: &str) {
    let total: u64 = bars.iter().map(|b| b.count).sum();
    open_figure(out, c, &format!(" data-total=\"{total}\""));
    if bars.is_empty() {
        let _ = write!(out, "<p class=\"empty\">{}</p></figure>", esc(empty));
        return;
    }
    // A wide chart gets a wider canvas, so its text keeps the size of the others.
    let (w_total, label_w, bar_max) = if c.wide {
        (860.0, 150.0, 580.0)
    } else {
        (420.0, 132.0, 196.0)
    };
    const ROW: f64 = 24.0;
    let h = bars.len() as f64 * ROW + 6.0;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let summary: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.text))
        .collect();
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {w_total} {h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        esc(c.title),
        esc(&summary.join("; ")),
        id = c.id,
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i as f64 * ROW + 3.0;
        let w = if max > 0.0 {
            b.value / max * bar_max
        } else {
            0.0
        };
        let w = if b.value > 0.0 { w.max(1.5) } else { 0.0 };
        let fill = b
            .colour
            .map_or(String::new(), |c| format!(" style=\"fill:{c}\""));
        let _ = write!(
            out,
            "<g class=\"bar{}\" data-label=\"{}\" data-count=\"{}\" data-value=\"{}\"{}><title>{}: {}</title>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"16\" rx=\"2\"{fill}/>\
             <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            if b.rest { " bar-rest" } else { "" },
            esc(&b.label),
            b.count,
            fmt_value(b.value),
            b.attrs,
            esc(&b.label),
            esc(&b.text),
            label_w - 6.0,
            y + 12.5,
            esc(&clip(&b.label, 20)),
            y,
            label_w + w + 5.0,
            y + 12.5,
            esc(&b.text),
        );
    }
    out.push_str("</svg></figure>");
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

/// The smallest of 1, 2, 5 × 10^k at or above `x`.
fn nice_step(x: f64) -> f64 {
    if x <= 1.0 {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= x {
            return m * p;
        }
    }
    10.0 * p
}

fn trend_chart(out: &mut String, c: &Chart<'_>, months: &[Count]) {
    let total: u64 = months.iter().map(|m| m.count).sum();
    open_figure(
        out,
        c,
        &format!(" data-total=\"{total}\" data-points=\"{}\"", months.len()),
    );
    if months.is_empty() {
        out.push_str("<p class=\"empty\">No report dates in the register.</p></figure>");
        return;
    }
    const W: f64 = 720.0;
    const H: f64 = 250.0;
    const L: f64 = 52.0;
    const R: f64 = 16.0;
    const T: f64 = 12.0;
    const B: f64 = 40.0;
    let (pw, ph) = (W - L - R, H - T - B);
    let n = months.len();
    let max = months.iter().map(|m| m.count).max().unwrap_or(0) as f64;
    let step = nice_step(max / 4.0);
    let ymax = step * 4.0;
    let x = |i: usize| {
        if n == 1 {
            L + pw / 2.0
        } else {
            L + i as f64 * pw / (n - 1) as f64
        }
    };
    let y = |v: f64| T + ph - v / ymax * ph;
    let peak = months
        .iter()
        .max_by_key(|m| m.count)
        .map(|m| format!("peak {} in {}", fmt_int(m.count), m.label))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<svg class=\"trend\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{} months from {} to {}; {}</desc>",
        esc(c.title),
        n,
        esc(&months[0].label),
        esc(&months[n - 1].label),
        esc(&peak),
        id = c.id,
    );
    for k in 0..=4 {
        let v = step * k as f64;
        let yy = y(v);
        let _ = write!(
            out,
            "<line class=\"{}\" x1=\"{L}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\"/><text class=\"tick{}\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            if k == 0 { "axis" } else { "grid-line" },
            W - R,
            if k % 2 == 1 { " minor" } else { "" },
            L - 6.0,
            yy + 4.0,
            fmt_int(v as u64),
        );
    }
    let every = n.div_ceil(8).max(1);
    let mut shown = 0;
    for (i, m) in months.iter().enumerate() {
        if i % every == 0 || (i == n - 1 && n <= 8) {
            let _ = write!(
                out,
                "<text class=\"tick{}\" x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                if shown % 2 == 1 { " minor" } else { "" },
                x(i),
                H - B + 20.0,
                esc(&m.label),
            );
            shown += 1;
        }
    }
    let pts: Vec<String> = months
        .iter()
        .enumerate()
        .map(|(i, m)| format!("{:.1},{:.1}", x(i), y(m.count as f64)))
        .collect();
    let _ = write!(
        out,
        "<polygon class=\"area\" points=\"{:.1},{:.1} {} {:.1},{:.1}\"/><polyline points=\"{}\"/>",
        x(0),
        y(0.0),
        pts.join(" "),
        x(n - 1),
        y(0.0),
        pts.join(" "),
    );
    let r = if n > 60 { 1.8 } else { 3.2 };
    for (i, m) in months.iter().enumerate() {
        let _ = write!(
            out,
            "<circle class=\"point\" data-month=\"{}\" data-count=\"{}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r}\"><title>{}: {}</title></circle>",
            esc(&m.label),
            m.count,
            x(i),
            y(m.count as f64),
            esc(&m.label),
            fmt_int(m.count),
        );
    }
    out.push_str("</svg></figure>");
}

fn routes_chart(out: &mut String, c: &Chart<'_>, stats: &super::HitStats, top: usize) {
    let routes: Vec<&super::Route> = stats.routes.iter().take(top).collect();
    open_figure(
        out,
        c,
        &format!(
            " data-total=\"{}\" data-routes=\"{}\"",
            routes.iter().map(|r| r.hits).sum::<u64>(),
            stats.routes.len()
        ),
    );
    if routes.is_empty() {
        out.push_str("<p class=\"empty\">No hits.</p></figure>");
        return;
    }
    // Nodes: reporting countries on the left, where the firearms turned up on the right,
    // busiest first.
    let side = |key: fn(&super::Route) -> &str| -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = Vec::new();
        for r in &routes {
            match v.iter_mut().find(|(k, _)| k == key(r)) {
                Some(e) => e.1 += r.hits,
                None => v.push((key(r).to_string(), r.hits)),
            }
        }
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    let left = side(|r| &r.from);
    let right = side(|r| &r.to);
    const W: f64 = 720.0;
    const ROW: f64 = 34.0;
    const XL: f64 = 150.0;
    const XR: f64 = 570.0;
    let rows = left.len().max(right.len());
    let h = rows as f64 * ROW + 34.0;
    let cy = |i: usize, count: usize| {
        // Centre the shorter column.
        let offset = (rows - count) as f64 * ROW / 2.0;
        28.0 + offset + i as f64 * ROW + ROW / 2.0
    };
    let max = routes.iter().map(|r| r.hits).max().unwrap_or(1).max(1) as f64;
    let _ = write!(
        out,
        "<svg class=\"routes\" viewBox=\"0 0 {W} {h}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>\
         <text x=\"{XL}\" y=\"14\" text-anchor=\"end\" class=\"value\">reported by</text><text x=\"{XR}\" y=\"14\" class=\"value\">turned up in</text>",
        esc(c.title),
        esc(&routes
            .iter()
            .map(|r| format!("{} to {}: {}", r.from, r.to, r.hits))
            .collect::<Vec<_>>()
            .join("; ")),
        id = c.id,
    );
    for r in &routes {
        let li = left.iter().position(|(k, _)| *k == r.from).unwrap_or(0);
        let ri = right.iter().position(|(k, _)| *k == r.to).unwrap_or(0);
        let (y1, y2) = (cy(li, left.len()), cy(ri, right.len()));
        let width = 2.0 + 16.0 * r.hits as f64 / max;
        let mid = (XL + XR) / 2.0;
        let _ = write!(
            out,
            "<g class=\"route\" data-from=\"{}\" data-to=\"{}\" data-count=\"{}\"><title>{} → {}: {} hits</title>\
             <path d=\"M{:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {:.1},{y2:.1}\" stroke=\"{}\" stroke-width=\"{width:.1}\"/></g>",
            esc(&r.from),
            esc(&r.to),
            r.hits,
            esc(&r.from),
            esc(&r.to),
            fmt_int(r.hits),
            XL + 6.0,
            XR - 6.0,
            ROUTE_COLOURS[li % ROUTE_COLOURS.len()],
        );
    }
    for (i, (k, n)) in left.iter().enumerate() {
        let y = cy(i, left.len());
        let _ = write!(
            out,
            "<g class=\"node from\" data-country=\"{k}\" data-count=\"{n}\"><rect x=\"{XL}\" y=\"{:.1}\" width=\"6\" height=\"22\" rx=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{k} <tspan class=\"value\">{}</tspan></text></g>",
            y - 11.0,
            XL - 8.0,
            y + 4.0,
            fmt_int(*n),
            k = esc(k),
        );
    }
    for (i, (k, n)) in right.iter().enumerate() {
        let y = cy(i, right.len());
        let _ = write!(
            out,
            "<g class=\"node to\" data-country=\"{k}\" data-count=\"{n}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"22\" rx=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\">{k} <tspan class=\"value\">{}</tspan></text></g>",
            XR - 6.0,
            y - 11.0,
            XR + 8.0,
            y + 4.0,
            fmt_int(*n),
            k = esc(k),
        );
    }
    out.push_str("</svg><div class=\"table-wrap\"><table class=\"route-table\"><thead><tr><th>Route</th><th class=\"num\">Hits</th><th>Top makes</th><th class=\"num\">Days to recovery <small>(median)</small></th></tr></thead><tbody>");
    for r in &routes {
        let makes: Vec<String> = r
            .top_makes
            .iter()
            .map(|m| format!("{} {}", m.label, fmt_int(m.count)))
            .collect();
        let days = r.days_to_recovery.as_ref().map_or_else(
            || "–".to_string(),
            |d| {
                format!(
                    "{} <small title=\"range and number of known dates\">{}–{}, n={}</small>",
                    fmt_days(d.median),
                    d.min,
                    d.max,
                    d.known
                )
            },
        );
        let _ = write!(
            out,
            "<tr data-from=\"{f}\" data-to=\"{t}\" data-count=\"{}\"><td class=\"route-name\">{f} → {t}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num days\">{days}</td></tr>",
            r.hits,
            fmt_int(r.hits),
            esc(&makes.join(", ")),
            f = esc(&r.from),
            t = esc(&r.to),
        );
    }
    out.push_str("</tbody></table></div></figure>");
}

fn colour_of(label: &str) -> Option<&'static str> {
    STATUS_COLOURS
        .iter()
        .find(|(k, _)| *k == label)
        .map(|(_, c)| *c)
}

/// The statistics as one self-contained HTML page: no scripts, no external fonts,
/// styles or images, no network. Inline SVG charts — records by make, reporting
/// country, status, kind and calibre; a monthly trend line; hits by make and country;
/// a routes diagram with its table; trace requests by status and the median time to
/// respond by addressee — with headline figures on top. The page reflows to one
/// column on a phone and prints on A4 without cutting a chart.
///
/// Every chart is a `<figure data-chart="…">`; its bars are `<g class="bar"
/// data-label="…" data-count="…" data-value="…">` (the remainder of a long tally is
/// one `bar bar-rest`), trend points `<circle class="point" data-month data-count>`,
/// routes `<g class="route" data-from data-to data-count>`, and headline figures
/// `<div class="kpi" data-kpi data-count>`: machine-readable for tests and scrapers.
/// All text from the register is escaped.
///
/// ```
/// use armsmatch::{Record, Reference, Status, stats::{render_html, ReportOptions, RegisterStats, Stats}};
/// let recs = [Record::new("R1", "A1").make("Glock").status(Status::Stolen),
///             Record::new("R2", "A2").make("<Acme>").status(Status::Lost)];
/// let stats = Stats { register: RegisterStats::from_records(&recs, Reference::embedded()), ..Stats::default() };
/// let html = render_html(&stats, &ReportOptions::default());
/// assert!(html.starts_with("<!doctype html>"));
/// assert!(html.contains(r#"<g class="bar" data-label="stolen" data-count="1""#));
/// assert!(html.contains("&lt;Acme&gt;") && !html.contains("<Acme>"));
/// assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("@import"));
/// ```
pub fn render_html(stats: &Stats, options: &ReportOptions) -> String {
    let top = options.top.max(1);
    let r = &stats.register;
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"armsmatch {}\">\
         <title>{}</title><style>{CSS}</style></head><body>",
        crate::VERSION,
        esc(&options.title)
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p class=\"meta\">",
        esc(&options.title)
    );
    if let Some(t) = options.generated_at {
        let _ = write!(
            out,
            "Generated {} UTC · ",
            t.to_string().replace('T', " ").trim_end_matches('Z')
        );
    }
    let _ = write!(out, "{} records", fmt_int(r.records));
    if let (Some(first), Some(last)) = (r.by_month.first(), r.by_month.last()) {
        let _ = write!(
            out,
            " reported {} to {}",
            esc(&first.label),
            esc(&last.label)
        );
    }
    out.push_str("</p></header><main>");

    // Headline figures.
    out.push_str("<section class=\"kpis\">");
    let mut kpi = |key: &str, value: String, count: u64, label: &str| {
        let _ = write!(
            out,
            "<div class=\"kpi\" data-kpi=\"{key}\" data-count=\"{count}\"><b>{}</b><span>{}</span></div>",
            esc(&value),
            esc(label)
        );
    };
    kpi(
        "records",
        fmt_int(r.records),
        r.records,
        "records in the register",
    );
    kpi(
        "countries",
        fmt_int(r.by_country.len() as u64),
        r.by_country.len() as u64,
        "reporting countries",
    );
    kpi(
        "makes",
        fmt_int(r.by_make.len() as u64),
        r.by_make.len() as u64,
        "makes",
    );
    if let Some(h) = &stats.hits {
        kpi("hits", fmt_int(h.hits), h.hits, "hits");
        kpi(
            "routes",
            fmt_int(h.routes.len() as u64),
            h.routes.len() as u64,
            "routes",
        );
    }
    if let Some(t) = &stats.traces {
        kpi("traces", fmt_int(t.requests), t.requests, "trace requests");
        let rate = t.response_rate.map_or("–".to_string(), fmt_pct);
        kpi("responded", rate, t.responded, "of sent requests answered");
    }
    out.push_str("</section>");

    // The register.
    out.push_str("<h3>Register</h3><div class=\"grid\">");
    let note = |n: usize, noun: &str| {
        if n > top {
            format!("top {top} of {} {noun}", fmt_int(n as u64))
        } else {
            format!("{} {noun}", fmt_int(n as u64))
        }
    };
    bar_chart(
        &mut out,
        &Chart {
            id: "records-by-make",
            title: "Records by make",
            note: note(r.by_make.len(), "makes"),
            class: "",
            wide: false,
        },
        &count_bars(&r.by_make, r.records, top, "makes"),
        "No records.",
    );
    bar_chart(
        &mut out,
        &Chart {
            id: "records-by-country",
            title: "Records by reporting country",
            note: note(r.by_country.len(), "countries"),
            class: "",
            wide: false,
        },
        &count_bars(&r.by_country, r.records, top, "countries"),
        "No records.",
    );
    let mut status_bars = count_bars(&r.by_status, r.records, top, "statuses");
    for b in &mut status_bars {
        b.colour = colour_of(&b.label);
    }
    bar_chart(
        &mut out,
        &Chart {
            id: "records-by-status",
            title: "Records by status",
            note: "why each firearm is registered".into(),
            class: "",
            wide: false,
        },
        &status_bars,
        "No records.",
    );
    bar_chart(
        &mut out,
        &Chart {
            id: "records-by-kind",
            title: "Records by kind",
            note: String::new(),
            class: "",
            wide: false,
        },
        &count_bars(&r.by_kind, r.records, top, "kinds"),
        "No records.",
    );
    bar_chart(
        &mut out,
        &Chart {
            id: "records-by-calibre",
            title: "Records by calibre",
            note: note(r.by_calibre.len(), "calibres"),
            class: "",
            wide: false,
        },
        &count_bars(&r.by_calibre, r.records, top, "calibres"),
        "No records.",
    );
    trend_chart(
        &mut out,
        &Chart {
            id: "records-by-month",
            title: "Records reported per month",
            note: if r.undated > 0 {
                format!(
                    "{} {} without a report date {} not shown",
                    fmt_int(r.undated),
                    if r.undated == 1 { "record" } else { "records" },
                    if r.undated == 1 { "is" } else { "are" },
                )
            } else {
                String::new()
            },
            class: "",
            wide: true,
        },
        &r.by_month,
    );
    out.push_str("</div>");

    if let Some(h) = &stats.hits {
        out.push_str("<h3>Hits and routes</h3><div class=\"grid hits\">");
        bar_chart(
            &mut out,
            &Chart {
                id: "hits-by-make",
                title: "Hits by make",
                note: note(h.by_make.len(), "makes"),
                class: "hits",
                wide: false,
            },
            &count_bars(&h.by_make, h.hits, top, "makes"),
            "No hits.",
        );
        bar_chart(
            &mut out,
            &Chart {
                id: "hits-by-check-country",
                title: "Hits by country where the firearm turned up",
                note: note(h.by_check_country.len(), "countries"),
                class: "hits",
                wide: false,
            },
            &count_bars(&h.by_check_country, h.hits, top, "countries"),
            "No hits.",
        );
        bar_chart(
            &mut out,
            &Chart {
                id: "hits-by-record-country",
                title: "Hits by reporting country",
                note: note(h.by_record_country.len(), "countries"),
                class: "hits",
                wide: false,
            },
            &count_bars(&h.by_record_country, h.hits, top, "countries"),
            "No hits.",
        );
        routes_chart(
            &mut out,
            &Chart {
                id: "routes",
                title: "Routes: reported by → turned up in",
                note: if h.routes.len() > top {
                    format!(
                        "the {top} busiest of {} routes",
                        fmt_int(h.routes.len() as u64)
                    )
                } else {
                    format!("{} routes", fmt_int(h.routes.len() as u64))
                },
                class: "",
                wide: true,
            },
            h,
            top,
        );
        out.push_str("</div>");
    }

    if let Some(t) = &stats.traces {
        out.push_str("<h3>Trace requests</h3><div class=\"grid traces\">");
        let mut bars: Vec<Bar> = t
            .by_status
            .iter()
            .map(|c| Bar::count(c, t.requests))
            .collect();
        for b in &mut bars {
            b.colour = colour_of(&b.label);
            b.label = b.label.replace('_', " ");
        }
        bar_chart(
            &mut out,
            &Chart {
                id: "traces-by-status",
                title: "Trace requests by status",
                note: format!(
                    "{} sent, {} answered",
                    fmt_int(t.sent),
                    fmt_int(t.responded)
                ),
                class: "traces",
                wide: false,
            },
            &bars,
            "No trace requests.",
        );
        let bars: Vec<Bar> = t
            .by_addressee
            .iter()
            .take(top)
            .map(|a| Bar {
                label: a.country.clone(),
                value: a.median_days_to_respond.unwrap_or(0.0),
                count: a.responded,
                text: match a.median_days_to_respond {
                    Some(d) => format!("{} d · {}/{}", fmt_days(d), a.responded, a.asked),
                    None => format!("no answer · 0/{}", a.asked),
                },
                attrs: format!(
                    " data-asked=\"{}\" data-median-days=\"{}\"",
                    a.asked,
                    a.median_days_to_respond.map_or(String::new(), fmt_days)
                ),
                colour: None,
                rest: false,
            })
            .collect();
        bar_chart(
            &mut out,
            &Chart {
                id: "trace-response-times",
                title: "Median days to respond, by addressee",
                note: t.median_days_to_respond.map_or_else(
                    || "no responses yet".to_string(),
                    |d| {
                        format!(
                            "overall median {} days from sending to the first answer; per country: median days, answered/asked",
                            fmt_days(d)
                        )
                    },
                ),
                class: "traces",
                wide: false,
            },
            &bars,
            "No requests sent.",
        );
        out.push_str("</div>");
    }
    let _ = write!(
        out,
        "</main><footer>Made by armsmatch {}. Makes and calibres are counted under their canonical names; \
         a route runs from the country that reported a firearm to the country whose check found it; \
         days to recovery run from the report date to the check date where both are known.</footer></body></html>",
        crate::VERSION
    );
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_clipping() {
        assert_eq!(esc("a<b>&\"'\u{7}"), "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(1.2), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(120.0), 200.0);
    }

    #[test]
    fn empty_stats_render() {
        let html = render_html(&Stats::default(), &ReportOptions::default());
        assert!(html.contains("No records."));
        assert!(html.ends_with("</html>\n"));
    }
}
