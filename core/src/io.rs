//! Reading records and checks from CSV or JSON Lines, and the flat hit rows written
//! back. Used by the command line and the bindings alike.
//!
//! * records: `record_id,make,model,serial,calibre,type,country,status,reported_on`
//!   (`id` and `kind` are accepted for `record_id` and `type`);
//! * checks: `query_id,make,model,serial,calibre,country`;
//! * hits: `query_id,rank,record_id,score,serial_match,serial_distance,make_match,model_match,calibre_match`.
//!
//! A file whose name ends in `.jsonl`, `.ndjson` or `.json` is read as JSON Lines (one
//! object per line, the same keys); anything else as CSV with a header row, separated
//! by `,` — or by `;`, a tab or `|` when the header read that way holds the required columns
//! (Excel's CSV in comma-decimal locales, tab-separated exports). Unknown
//! columns are ignored. A missing required column or a malformed row is an
//! [`Error::Parse`] naming the file, line and column — or, with
//! [`ReadOptions::skip_bad_rows`], a skipped row that is counted and reported.
//! A file that ends inside a quoted field is refused where the quote was opened (never
//! read as a value holding the rest of the file), and so is a file that is not text in
//! an encoding the readers take — UTF-16, Parquet, a zip or Excel workbook, a compressed
//! or other binary file — saying what it is.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::{country_code, Date, Kind, Query, Record, Status};
use crate::score::Hit;

/// How to read a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Skip malformed rows (counted in [`ReadReport`]) instead of failing.
    pub skip_bad_rows: bool,
    /// The file's character encoding (default UTF-8).
    pub encoding: Encoding,
}

/// The character encoding of a records or checks file. Registers exported from older
/// national systems are often not UTF-8: Windows-1252 in western Europe, Windows-1251
/// where serials and makes are written in Cyrillic. Which one a file is cannot be told
/// reliably from its bytes (the same byte is `é` in one and `й` in the other), so it is
/// said, never guessed; a file that is not UTF-8 read as UTF-8 is refused, naming the
/// line.
///
/// ```
/// use armsmatch::io::Encoding;
/// let e: Encoding = "cp1251".parse().unwrap();
/// assert_eq!(e, Encoding::Windows1251);
/// assert_eq!(e.decode(b"\xc8\xc6-123").unwrap(), "ИЖ-123");
/// assert_eq!(Encoding::Windows1252.decode(b"Manufacture d\xe9armes").unwrap(), "Manufacture déarmes");
/// assert!(Encoding::Utf8.decode(b"d\xe9armes").is_none());
/// assert!("ebcdic".parse::<Encoding>().is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark is allowed).
    #[default]
    Utf8,
    /// Windows-1252 (western European; ISO-8859-1 plus `€`, `Š`, `Ž`, typographic quotes).
    Windows1252,
    /// Windows-1251 (Cyrillic).
    Windows1251,
    /// ISO-8859-1 (Latin-1): every byte is the code point of the same number.
    Latin1,
}

impl Encoding {
    /// Every encoding, in code order (the C API's `armsmatch_encoding` numbers them so).
    ///
    /// ```
    /// use armsmatch::io::Encoding;
    /// for e in Encoding::ALL {
    ///     assert_eq!(e.as_str().parse::<Encoding>().unwrap(), e);
    /// }
    /// ```
    pub const ALL: [Encoding; 4] = [
        Encoding::Utf8,
        Encoding::Windows1252,
        Encoding::Windows1251,
        Encoding::Latin1,
    ];

    /// The name: `utf-8`, `windows-1252`, `windows-1251`, `latin1`.
    ///
    /// ```
    /// assert_eq!(armsmatch::io::Encoding::Windows1252.as_str(), "windows-1252");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Windows1251 => "windows-1251",
            Encoding::Latin1 => "latin1",
        }
    }

    /// The text of `bytes`, or `None` if they are not valid in this encoding (only UTF-8
    /// can fail: every byte means a character in the single-byte encodings).
    ///
    /// ```
    /// use armsmatch::io::Encoding;
    /// assert_eq!(Encoding::Latin1.decode(b"\x80").unwrap(), "\u{80}");
    /// assert_eq!(Encoding::Windows1252.decode(b"\x80").unwrap(), "€");
    /// ```
    pub fn decode(self, bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
        if bytes.is_ascii() || self == Encoding::Utf8 {
            return std::str::from_utf8(bytes).ok().map(Into::into);
        }
        let char_of = |b: u8| -> char {
            let code = match (self, b) {
                (_, 0..=0x7F) | (Encoding::Latin1, _) => u32::from(b),
                (Encoding::Windows1252, 0x80..=0x9F) => {
                    u32::from(WINDOWS_1252[usize::from(b - 0x80)])
                }
                (Encoding::Windows1252, _) => u32::from(b),
                (Encoding::Windows1251, 0x80..=0xBF) => {
                    u32::from(WINDOWS_1251[usize::from(b - 0x80)])
                }
                // А … я in alphabetical order.
                (Encoding::Windows1251, _) => 0x0410 + u32::from(b - 0xC0),
                (Encoding::Utf8, _) => u32::from(char::REPLACEMENT_CHARACTER),
            };
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        Some(bytes.iter().map(|&b| char_of(b)).collect::<String>().into())
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    /// `utf-8`/`utf8`, `windows-1252`/`cp1252`, `windows-1251`/`cp1251`,
    /// `latin1`/`iso-8859-1`, in any case.
    fn from_str(s: &str) -> Result<Encoding> {
        let label = s.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match label.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "windows-1252" | "cp1252" => Encoding::Windows1252,
            "windows-1251" | "cp1251" => Encoding::Windows1251,
            "latin1" | "latin-1" | "iso-8859-1" | "iso8859-1" => Encoding::Latin1,
            _ => {
                return Err(Error::InvalidInput {
                    field: "encoding".into(),
                    message: format!(
                        "{s:?} is not one of utf-8, windows-1252, windows-1251, latin1"
                    ),
                })
            }
        })
    }
}

/// Windows-1252 bytes 0x80–0x9F (the rest is ISO-8859-1); the five bytes it leaves
/// undefined are read as the C1 control of the same number, as browsers read them.
const WINDOWS_1252: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// Windows-1251 bytes 0x80–0xBF (0xC0–0xFF are А … я; 0x98, undefined, as U+0098).
const WINDOWS_1251: [u16; 64] = [
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039,
    0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408,
    0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB,
    0x0458, 0x0405, 0x0455, 0x0457,
];

/// What reading a file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadReport {
    /// Data rows read (a header and blank lines not counted), the skipped ones included:
    /// `rows − skipped` rows went in.
    pub rows: u64,
    /// Rows skipped (only with [`ReadOptions::skip_bad_rows`]).
    pub skipped: u64,
    /// The first errors of skipped rows (at most 20).
    pub errors: Vec<String>,
    /// Records whose `type` or `status` text the library does not know (`bazooka`,
    /// `stolne`): read as `other`, as documented, and counted here so that a typo does
    /// not go unseen.
    pub read_as_other: u64,
    /// Records that went in without an optional field that could not be read (a
    /// country, a date, a make, model or calibre over the limits): with
    /// [`ReadOptions::skip_bad_rows`], a row whose id and serial are good is kept and
    /// only that field left out, so that the firearm can still be found.
    pub fields_dropped: u64,
    /// The first of those fields (at most 20), as errors naming file, line and column.
    pub dropped: Vec<String>,
}

/// A check with its caller's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryRow {
    /// The check's id.
    pub query_id: String,
    /// The check.
    pub query: Query,
}

/// One row of the hits file.
///
/// ```
/// use armsmatch::{Index, Record, Query, CheckOptions, io::HitRow};
/// let mut b = Index::builder();
/// b.add(Record::new("R1", "AB123456"))?;
/// let hits = b.build()?.check(&Query::new("AB123456"), &CheckOptions::default())?;
/// let rows = HitRow::from_hits("Q1", &hits);
/// assert_eq!(rows[0].record_id, "R1");
/// assert_eq!(rows[0].serial_match, "exact");
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitRow {
    /// The check's id.
    pub query_id: String,
    /// 1-based rank.
    pub rank: u32,
    /// The record's id.
    pub record_id: String,
    /// Score (rounded to 4 decimals).
    pub score: f32,
    /// exact / normalized / confusable / fuzzy / partial / none.
    pub serial_match: String,
    /// Edit distance of the serial keys (unknown characters for a partial match).
    pub serial_distance: u8,
    /// same / alias / similar / different / unknown.
    pub make_match: String,
    /// Same scale as `make_match`.
    pub model_match: String,
    /// Same scale as `make_match`.
    pub calibre_match: String,
}

/// The columns of a records file, in the order `armsmatch generate` writes them (a
/// reader takes them in any order, under the names [`Columns`] knows).
///
/// ```
/// assert_eq!(armsmatch::io::RECORD_COLUMNS[0], "record_id");
/// assert!(armsmatch::io::RECORD_COLUMNS.contains(&"serial"));
/// ```
pub const RECORD_COLUMNS: [&str; 9] = [
    "record_id",
    "make",
    "model",
    "serial",
    "calibre",
    "type",
    "country",
    "status",
    "reported_on",
];

impl HitRow {
    /// The column names, in file order.
    pub const COLUMNS: [&'static str; 9] = [
        "query_id",
        "rank",
        "record_id",
        "score",
        "serial_match",
        "serial_distance",
        "make_match",
        "model_match",
        "calibre_match",
    ];

    /// Flat rows of one check's hits.
    pub fn from_hits(query_id: &str, hits: &[Hit]) -> Vec<HitRow> {
        hits.iter()
            .enumerate()
            .map(|(i, h)| HitRow {
                query_id: query_id.to_string(),
                rank: i as u32 + 1,
                record_id: h.record.id.clone(),
                score: (h.score * 10_000.0).round() / 10_000.0,
                serial_match: h.explanation.serial.kind.as_str().to_string(),
                serial_distance: h.explanation.serial.distance,
                make_match: h.explanation.make.as_str().to_string(),
                model_match: h.explanation.model.as_str().to_string(),
                calibre_match: h.explanation.calibre.as_str().to_string(),
            })
            .collect()
    }

    /// The row as written to a CSV file: the two ids through [`spreadsheet_cell`] (the
    /// other columns are numbers and fixed words).
    ///
    /// ```
    /// use armsmatch::io::HitRow;
    /// let row = HitRow {
    ///     query_id: "=cmd|' /C calc'!A0".into(),
    ///     rank: 1,
    ///     record_id: "R1".into(),
    ///     score: 0.99,
    ///     serial_match: "exact".into(),
    ///     serial_distance: 0,
    ///     make_match: "same".into(),
    ///     model_match: "unknown".into(),
    ///     calibre_match: "unknown".into(),
    /// };
    /// let csv = row.for_csv();
    /// assert_eq!(csv.query_id, "'=cmd|' /C calc'!A0");
    /// assert_eq!(csv.record_id, "R1");
    /// ```
    pub fn for_csv(&self) -> HitRow {
        HitRow {
            query_id: spreadsheet_cell(&self.query_id).into_owned(),
            record_id: spreadsheet_cell(&self.record_id).into_owned(),
            ..self.clone()
        }
    }
}

/// The first characters that make a spreadsheet read a CSV cell as a formula (`=`, `+`,
/// `-`, `@`, tab, carriage return; OWASP "CSV injection"), and the quote that escapes them.
const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A text cell for a CSV file a person may open in a spreadsheet: a value that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that an id
/// such as `=HYPERLINK(…)` from a register or a check is shown as text, never run as a
/// formula (OWASP "CSV injection"). A plain number (`-17`, `+3.5`) is no formula and
/// is left as it is, so that numeric ids join back. A value that starts with `'` gets
/// one too, so the escape is undone exactly by [`from_spreadsheet_cell`]. Every other
/// value is unchanged.
///
/// The command line's hits CSV, the trace CSV export and the statistics CSV write their
/// text cells through it; JSON output is never escaped.
///
/// ```
/// use armsmatch::io::{from_spreadsheet_cell, spreadsheet_cell};
/// assert_eq!(spreadsheet_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(spreadsheet_cell("-17"), "-17"); // a number, not a formula
/// assert_eq!(spreadsheet_cell("-1+1"), "'-1+1");
/// assert_eq!(spreadsheet_cell("DEU-2024-17"), "DEU-2024-17");
/// for id in ["=1+1", "'quoted", "''", "R-1", "", "@x", "-17", "'-17"] {
///     assert_eq!(from_spreadsheet_cell(&spreadsheet_cell(id)), id);
/// }
/// ```
pub fn spreadsheet_cell(text: &str) -> std::borrow::Cow<'_, str> {
    // An optional sign, digits, at most one decimal point, and nothing else.
    let number = |t: &str| {
        let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
        !digits.is_empty()
            && digits.bytes().any(|b| b.is_ascii_digit())
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.bytes().filter(|&b| b == b'.').count() <= 1
    };
    if text.starts_with(FORMULA_START) && !number(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Undoes [`spreadsheet_cell`]: a leading `'` followed by one of the characters it
/// escapes is dropped; every other value is returned as it is. Hits files read back (the
/// statistics) go through it, so ids join with the register's whichever way they were
/// written.
///
/// ```
/// use armsmatch::io::from_spreadsheet_cell;
/// assert_eq!(from_spreadsheet_cell("'=1+1"), "=1+1");
/// assert_eq!(from_spreadsheet_cell("'R1"), "'R1");
/// assert_eq!(from_spreadsheet_cell("R1"), "R1");
/// ```
pub fn from_spreadsheet_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// What a parse error says of bytes that are not UTF-8, with the likely cause.
pub(crate) const NOT_UTF8: &str = "not valid UTF-8 (a legacy encoding such as Windows-1252 \
     or Windows-1251? say which, or save the file as UTF-8)";

/// Files that are often given where a records or checks file is expected, by the bytes
/// they start with, and what to do instead.
const BINARY_FORMATS: &[(&[u8], &str)] = &[
    (
        b"PAR1",
        "a Parquet file: convert it to CSV, or in Python pass a DataFrame",
    ),
    (
        b"ARROW1",
        "an Arrow (Feather) file: convert it to CSV, or in Python pass a DataFrame",
    ),
    (
        b"PK\x03\x04",
        "a zip archive (an Excel .xlsx or OpenDocument .ods workbook is one): save the \
         sheet as \"CSV UTF-8\", or in Python pass a DataFrame",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an Excel 97-2003 .xls workbook (or another OLE2 document): save the sheet as \
         \"CSV UTF-8\"",
    ),
    (
        b"SQLite format 3\0",
        "an SQLite database: export the table as CSV",
    ),
    (b"\x1f\x8b", "gzip-compressed: decompress it first"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed: decompress it first"),
    (b"\xfd7zXZ\0", "xz-compressed: decompress it first"),
];

/// Why a file is not text the readers can read, told from its first block (`head`),
/// or `None` for text. UTF-16 (a byte-order mark, or a zero byte at every other
/// position, as ASCII written in UTF-16 has) is named as such: no [`Encoding`] reads
/// it. Otherwise a known binary format is named by its magic bytes, and any other file
/// with a zero byte in its first line is called binary: column names (or a first JSON
/// object) never hold one, in UTF-8 or any single-byte encoding. A zero byte in a later
/// line is left to the row's value, where it is dropped like other control characters.
/// Checked before the header is looked for, so that a Parquet or UTF-16 file is not
/// reported as a CSV file without a `record_id` column.
fn not_text(head: &[u8]) -> Option<String> {
    let utf16 = |how: &str| {
        let others: Vec<&str> = Encoding::ALL[1..].iter().map(|e| e.as_str()).collect();
        format!(
            "the file is {how}: records and checks files are read as UTF-8 (or, with the \
             encoding option, as {}), never UTF-16: save it as UTF-8 (Excel: \"CSV UTF-8\"; \
             its \"Unicode Text\" is UTF-16)",
            others.join(", ")
        )
    };
    let bom = [
        (
            &b"\xff\xfe\0\0"[..],
            "UTF-32 (little-endian, byte-order mark FF FE 00 00)",
        ),
        (
            &b"\0\0\xfe\xff"[..],
            "UTF-32 (big-endian, byte-order mark 00 00 FE FF)",
        ),
        (
            &b"\xff\xfe"[..],
            "UTF-16 (little-endian, byte-order mark FF FE)",
        ),
        (
            &b"\xfe\xff"[..],
            "UTF-16 (big-endian, byte-order mark FE FF)",
        ),
    ];
    if let Some((_, how)) = bom.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(utf16(how));
    }
    let not_csv = "not a CSV or JSON Lines text file";
    if let Some((_, what)) = BINARY_FORMATS.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(format!("{not_csv}: it is {what}"));
    }
    let first_nul = head.iter().position(|&b| b == 0)?;
    if head[..first_nul].contains(&b'\n') {
        return None;
    }
    // Zero bytes at one parity only: UTF-16 without a byte-order mark.
    let zeros = |parity: usize| {
        let n = head.iter().skip(parity).step_by(2).filter(|&&b| b == 0);
        (n.count(), head.len().saturating_sub(parity).div_ceil(2))
    };
    let ((even, n_even), (odd, n_odd)) = (zeros(0), zeros(1));
    let mostly = |z: usize, n: usize| n > 0 && z * 4 >= n;
    let hardly = |z: usize, n: usize| z * 20 <= n;
    if mostly(odd, n_odd) && hardly(even, n_even) {
        return Some(utf16("UTF-16 (little-endian, without a byte-order mark)"));
    }
    if mostly(even, n_even) && hardly(odd, n_odd) {
        return Some(utf16("UTF-16 (big-endian, without a byte-order mark)"));
    }
    Some(format!(
        "{not_csv}: its first line holds zero (NUL) bytes, as binary files do (a \
         spreadsheet, a database, a compressed file?): save the data as CSV UTF-8"
    ))
}

/// The field separator of a CSV file, from its first line (`head`, the start of the
/// file): `,`, unless the header split at `;` or at a tab holds every `required` column
/// (names through `canon`) and split at `,` does not — Excel writes "CSV" with `;` where
/// the decimal mark is a comma (most of Europe), and registers are often exported
/// tab-separated. Quoting inside the header line is not followed: column names hold no
/// separators.
pub(crate) fn sniff_delimiter(
    head: &[u8],
    required: &[&str],
    canon: impl Fn(&str) -> String,
) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let holds_required = |d: u8| {
        let names: Vec<String> = line
            .split(|&b| b == d)
            .map(|f| canon(String::from_utf8_lossy(f).trim().trim_matches('"')))
            .collect();
        required.iter().all(|c| names.iter().any(|n| n == c))
    };
    [b',', b';', b'\t', b'|']
        .into_iter()
        .find(|&d| holds_required(d))
        .unwrap_or(b',')
}

pub(crate) fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl" | "ndjson" | "json")
    )
}

/// A header as its column is looked up: trimmed, lowercase, words joined by `_`
/// (`Serial Number`, `serial-number` and `SERIAL_NUMBER` are `serial_number`).
pub(crate) fn header_key(h: &str) -> String {
    let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut out = String::with_capacity(h.len());
    for c in h.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Header names exports use for the columns of both files (after [`header_key`]).
const COMMON_HEADER_ALIASES: &[(&str, &str)] = &[
    ("serial_number", "serial"),
    ("serial_no", "serial"),
    ("serial_nr", "serial"),
    ("serialnumber", "serial"),
    ("serial_num", "serial"),
    ("s_n", "serial"),
    ("sn", "serial"),
    ("manufacturer", "make"),
    ("maker", "make"),
    ("brand", "make"),
    ("caliber", "calibre"),
    ("cal", "calibre"),
    ("gauge", "calibre"),
    ("calibre_gauge", "calibre"),
    ("caliber_gauge", "calibre"),
    ("model_name", "model"),
];

/// Header names of a records file's own columns (after [`header_key`]).
const RECORD_HEADER_ALIASES: &[(&str, &str)] = &[
    ("id", "record_id"),
    ("kind", "type"),
    ("firearm_type", "type"),
    ("weapon_type", "type"),
    ("reporting_country", "country"),
    ("country_code", "country"),
    ("date_reported", "reported_on"),
    ("reported", "reported_on"),
    ("report_date", "reported_on"),
];

/// Header names of a checks file's own columns (after [`header_key`]).
const CHECK_HEADER_ALIASES: &[(&str, &str)] = &[
    ("id", "query_id"),
    ("check_id", "query_id"),
    ("query", "query_id"),
    ("checking_country", "country"),
    ("country_code", "country"),
];

/// The message for two headers `a` and `b` naming the column `c`.
fn clash(a: &str, b: &str, c: &str) -> String {
    if a == b {
        format!("{a:?} appears twice; keep one (or rename the other)")
    } else {
        format!("{a:?} and {b:?} both name the column {c:?}; keep one (or rename the other)")
    }
}

/// The columns of a records table or a checks table, and which column a header names.
///
/// One rule for every reader (files, the command line, the C file readers and the
/// Python DataFrame glue): a header is matched ignoring case, spaces and punctuation
/// (`Record ID`, `Date-Reported`), and the names exports commonly use read as their
/// columns (`Serial Number`, `S/N`, `Manufacturer`, `Caliber`, `Firearm Type`,
/// `Reporting Country`, `Check ID`, …), also after a word naming whose field it is
/// (`Firearm Serial`, `Weapon Make`, `Check Calibre`). A header naming a column exactly wins over
/// another naming it by an alias (a table with `make` and `manufacturer` reads `make`);
/// two headers naming one column otherwise are refused, as which one is right is not
/// ours to guess.
///
/// ```
/// use armsmatch::io::Columns;
///
/// assert_eq!(Columns::Records.column("Serial Number"), Some("serial"));
/// assert_eq!(Columns::Records.column("Date-Reported"), Some("reported_on"));
/// assert_eq!(Columns::Checks.column("Check ID"), Some("query_id"));
/// assert_eq!(Columns::Checks.column("notes"), None);
/// assert_eq!(Columns::Records.column("Weapon Serial No"), Some("serial"));
/// assert_eq!(Columns::Checks.column("check_make"), Some("make"));
/// assert_eq!(Columns::Records.column("RecordID"), Some("record_id"));
/// assert_eq!(Columns::Records.column("SerialNo"), Some("serial"));
/// // `make` wins over `Manufacturer`; the unknown column is read as nothing.
/// assert_eq!(
///     Columns::Records.resolve(&["Manufacturer", "make", "notes"]),
///     Ok(vec![None, Some("make"), None]),
/// );
/// assert!(Columns::Records.resolve(&["Serial Number", "S/N"]).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Columns {
    /// A records table: `record_id, serial, make, model, calibre, type, country,
    /// status, reported_on`.
    Records,
    /// A checks table: `query_id, serial, make, model, calibre, country`.
    Checks,
}

impl Columns {
    /// The column names, as the file formats write them.
    ///
    /// ```
    /// use armsmatch::io::Columns;
    /// assert_eq!(Columns::Checks.names()[..2], ["query_id", "serial"]);
    /// ```
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Columns::Records => &[
                "record_id",
                "serial",
                "make",
                "model",
                "calibre",
                "type",
                "country",
                "status",
                "reported_on",
            ],
            Columns::Checks => &["query_id", "serial", "make", "model", "calibre", "country"],
        }
    }

    fn aliases(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Columns::Records => RECORD_HEADER_ALIASES,
            Columns::Checks => CHECK_HEADER_ALIASES,
        }
    }

    /// The column `header` names (exactly or by an alias), or `None` for a header that
    /// names no column of this table.
    pub fn column(self, header: &str) -> Option<&'static str> {
        self.column_of_key(&header_key(header))
    }

    /// [`Columns::column`] of a header already through [`header_key`]: its name, an
    /// alias, or either after a word that says whose field it is (`Firearm Serial`,
    /// `weapon_make`, `Check Serial`, `record_calibre`), read as an alias.
    fn column_of_key(self, key: &str) -> Option<&'static str> {
        self.named_or_aliased(key).or_else(|| {
            let owners: &[&str] = match self {
                Columns::Records => &["firearm_", "weapon_", "gun_", "record_"],
                Columns::Checks => &["firearm_", "weapon_", "gun_", "query_", "check_"],
            };
            // Not the id or the country: `Firearm ID` beside a `Check ID` is another
            // id, `Firearm Country` the country of manufacture, not of the report.
            owners
                .iter()
                .find_map(|o| key.strip_prefix(o))
                .filter(|rest| !rest.is_empty())
                .and_then(|rest| self.named_or_aliased(rest))
                .filter(|c| !matches!(*c, "record_id" | "query_id" | "country"))
        })
    }

    /// The column `key` names exactly or by an alias; also written without the
    /// spaces between its words (`RecordID`, `SerialNo`, `QueryId`), read as an alias.
    fn named_or_aliased(self, key: &str) -> Option<&'static str> {
        let joined = |k: &str| k.replace('_', "");
        self.names()
            .iter()
            .copied()
            .find(|n| *n == key)
            .or_else(|| {
                self.aliases()
                    .iter()
                    .chain(COMMON_HEADER_ALIASES)
                    .find(|(a, _)| *a == key)
                    .map(|(_, c)| *c)
            })
            .or_else(|| {
                let key = joined(key);
                self.names()
                    .iter()
                    .map(|n| (*n, *n))
                    .chain(self.aliases().iter().chain(COMMON_HEADER_ALIASES).copied())
                    .find(|(a, _)| joined(a) == key)
                    .map(|(_, c)| c)
            })
    }

    /// The column each of `headers` is read as (`None`: read as nothing, a header of
    /// no column or an alias that gives way to the column named exactly). An error
    /// message, naming both headers, when two of them name one column.
    pub fn resolve<S: AsRef<str>>(
        self,
        headers: &[S],
    ) -> std::result::Result<Vec<Option<&'static str>>, String> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h.as_ref())).collect();
        self.resolve_keys(&keys)
            .map_err(|(i, j, c)| clash(headers[i].as_ref(), headers[j].as_ref(), c))
    }

    /// [`Columns::resolve`] of headers already through [`header_key`]; the error is the
    /// positions of two headers naming one column, and the column.
    fn resolve_keys(
        self,
        keys: &[String],
    ) -> std::result::Result<Vec<Option<&'static str>>, (usize, usize, &'static str)> {
        let named: Vec<Option<&'static str>> = keys.iter().map(|k| self.column_of_key(k)).collect();
        let exact = |i: usize| named[i].is_some_and(|c| keys[i] == c);
        // The columns some header names exactly (a handful: linear in the headers).
        let named_exactly: Vec<&'static str> = (0..keys.len())
            .filter(|&i| exact(i))
            .filter_map(|i| named[i])
            .collect();
        let out: Vec<Option<&'static str>> = (0..keys.len())
            .map(|i| {
                let c = named[i]?;
                let yields = !exact(i) && named_exactly.contains(&c);
                (!yields).then_some(c)
            })
            .collect();
        // The first header read as each column.
        let mut first: Vec<(&'static str, usize)> = Vec::new();
        for (j, c) in out.iter().enumerate() {
            if let Some(c) = *c {
                match first.iter().find(|(f, _)| *f == c) {
                    Some(&(_, i)) => return Err((i, j, c)),
                    None => first.push((c, j)),
                }
            }
        }
        Ok(out)
    }
}

/// A row as column → value, with its line number.
type RawRow = (u64, HashMap<String, String>);

/// Streams the rows of a CSV or JSONL file as column maps.
fn for_each_row(
    path: &Path,
    required: &[&str],
    columns: Columns,
    opts: ReadOptions,
    report: &mut ReadReport,
    mut f: impl FnMut(RawRow) -> Result<()>,
) -> Result<()> {
    let name = path.display().to_string();
    let file = Error::open_file(path)?;
    // Headers through `header_key`, as read: each known column under its name, any
    // other header (or an alias that gives way) under its own key, so an unknown column
    // named twice is still seen; `Err` for two headers naming one column.
    let read_as = |raw: &[&str]| -> std::result::Result<Vec<String>, (&'static str, String)> {
        let keys: Vec<String> = raw.iter().map(|h| header_key(h)).collect();
        match columns.resolve_keys(&keys) {
            Ok(cols) => Ok(keys
                .into_iter()
                .zip(cols)
                .map(|(k, c)| c.map_or(k, str::to_string))
                .collect()),
            Err((i, j, c)) => Err((c, clash(raw[i].trim(), raw[j].trim(), c))),
        }
    };
    let canon = |h: &str| -> String {
        let k = header_key(h);
        columns.column_of_key(&k).map_or(k, str::to_string)
    };
    let skip = |report: &mut ReadReport, e: Error| -> Result<()> {
        if opts.skip_bad_rows {
            report.skipped += 1;
            if report.errors.len() < 20 {
                report.errors.push(e.to_string());
            }
            Ok(())
        } else {
            Err(e)
        }
    };
    let mut file = BufReader::with_capacity(64 * 1024, file);
    let head = file.fill_buf().map_err(|e| Error::io(path, e))?;
    if let Some(message) = not_text(head) {
        return Err(Error::Parse {
            path: name,
            line: 1,
            column: "-".into(),
            message,
        });
    }
    if is_jsonl(path) {
        for (n, line) in file.split(b'\n').enumerate() {
            let line_no = n as u64 + 1;
            let line = line.map_err(|e| Error::io(path, e))?;
            let parse_err = |col: &str, m: String| Error::Parse {
                path: name.clone(),
                line: line_no,
                column: col.to_string(),
                message: m,
            };
            let Some(text) = opts.encoding.decode(&line) else {
                report.rows += 1;
                skip(report, parse_err("-", format!("line is {NOT_UTF8}")))?;
                continue;
            };
            let text: &str = &text;
            // A byte-order mark before the first object, as some editors write.
            let text = if n == 0 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            if text.trim().is_empty() {
                continue;
            }
            report.rows += 1;
            let obj: Pairs = match serde_json::from_str(text) {
                Ok(o) => o,
                Err(e) => {
                    // The line is the file's; serde's own "at line 1" is the object's.
                    let what = e.to_string();
                    let what = what
                        .rsplit_once(" at line ")
                        .map_or(what.as_str(), |(head, _)| head)
                        .to_string();
                    skip(
                        report,
                        parse_err(
                            "-",
                            format!("not a JSON object: {what} (at byte {})", e.column()),
                        ),
                    )?;
                    continue;
                }
            };
            let mut row = HashMap::new();
            let mut bad = None;
            // A field named by an alias gives way to one named as the column itself.
            let raw: Vec<&str> = obj.0.iter().map(|(k, _)| k.as_str()).collect();
            let keys = match read_as(&raw) {
                Ok(keys) => keys,
                Err((col, why)) => {
                    skip(report, parse_err(col, why))?;
                    continue;
                }
            };
            for (k, (_, v)) in keys.into_iter().zip(obj.0) {
                let v = match v {
                    serde_json::Value::Null => continue,
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Number(n) => n.to_string(),
                    // Another field (a flag, a nested object of the exporting system)
                    // is ignored, as other CSV columns are.
                    _ if !columns.names().contains(&k.as_str()) => continue,
                    _ => {
                        bad = Some((k, "must be a string or a number".to_string()));
                        break;
                    }
                };
                if row.insert(k.clone(), v).is_some() {
                    // Two values for one field: which one is right is not ours to guess.
                    bad = Some((k, "appears twice".to_string()));
                    break;
                }
            }
            if let Some((col, why)) = bad {
                skip(report, parse_err(&col, format!("field {col:?} {why}")))?;
                continue;
            }
            if let Some(col) = required.iter().find(|c| !row.contains_key(**c)) {
                skip(
                    report,
                    parse_err(col, format!("required field {col:?} is missing")),
                )?;
                continue;
            }
            if let Err(e) = f((line_no, row)) {
                skip(report, e)?;
            }
        }
        return Ok(());
    }
    let delimiter = sniff_delimiter(head, required, canon);
    let lines = LineCounter::new(delimiter);
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Box::new(lines.wrap(file)) as Box<dyn Read>);
    let headers: Vec<String> = rdr
        .byte_headers()
        .map_err(|e| Error::Parse {
            path: name.clone(),
            line: 1,
            column: "-".into(),
            message: e.to_string(),
        })?
        .iter()
        .map(|h| match opts.encoding.decode(h) {
            Some(h) => h.trim_start_matches('\u{feff}').to_string(),
            None => String::from_utf8_lossy(h).into_owned(),
        })
        .collect();
    // The header was the first record the counter saw.
    lines.next_record();
    if let Some(e) = lines.unclosed_quote(&name, &[]) {
        return Err(e);
    }
    // A column named by an alias gives way to one named as the column itself (a file
    // with both `make` and `manufacturer` reads `make`).
    let raw: Vec<&str> = headers.iter().map(String::as_str).collect();
    let headers = read_as(&raw).map_err(|(col, message)| Error::Parse {
        path: name.clone(),
        line: 1,
        column: col.into(),
        message,
    })?;
    let mut seen = std::collections::HashSet::new();
    for h in &headers {
        if !h.is_empty() && !seen.insert(h.as_str()) {
            return Err(Error::Parse {
                path: name,
                line: 1,
                column: h.clone(),
                message: format!("column {h:?} appears twice in the header"),
            });
        }
    }
    // No header at all: the file (or its first line) is empty, which says more than
    // naming a missing column.
    let empty = headers.iter().all(String::is_empty);
    for col in required {
        if !headers.iter().any(|h| h == col) {
            let message = if empty {
                format!(
                    "the file is empty: a header row naming its columns ({} at least) is needed",
                    required.join(", ")
                )
            } else {
                let shown: Vec<String> =
                    headers.iter().take(12).map(|h| format!("{h:?}")).collect();
                format!(
                    "required column {col:?} is missing from the header (read as {}{}, \
                     separated by {:?}; a header is matched ignoring case, spaces and \
                     punctuation, and files may be separated by `,`, `;`, a tab or `|`)",
                    shown.join(", "),
                    if headers.len() > 12 { ", …" } else { "" },
                    char::from(delimiter)
                )
            };
            return Err(Error::Parse {
                path: name,
                line: 1,
                column: col.to_string(),
                message,
            });
        }
    }
    let mut rec = csv::ByteRecord::new();
    loop {
        // Line numbers from our own reading of the bytes (`LineCounter`).
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                report.rows += 1;
                let line = lines.next_record();
                if let Some(e) = lines.unclosed_quote(&name, &headers) {
                    return Err(e);
                }
                skip(
                    report,
                    Error::Parse {
                        path: name.clone(),
                        line,
                        column: "-".into(),
                        message: e.to_string(),
                    },
                )?;
                continue;
            }
        }
        let line_no = lines.next_record();
        // Before the blank-row test: a last line of a lone `"` reads as a blank row.
        if let Some(e) = lines.unclosed_quote(&name, &headers) {
            return Err(e);
        }
        if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
            continue;
        }
        report.rows += 1;
        if rec.len() != headers.len() {
            skip(
                report,
                Error::Parse {
                    path: name.clone(),
                    line: line_no,
                    column: "-".into(),
                    message: format!("{} fields, the header has {}", rec.len(), headers.len()),
                },
            )?;
            continue;
        }
        let mut row = HashMap::new();
        let mut bad = None;
        for (h, v) in headers.iter().zip(rec.iter()) {
            match opts.encoding.decode(v) {
                Some(s) => {
                    row.insert(h.clone(), s.into_owned());
                }
                None => {
                    bad = Some(h.clone());
                    break;
                }
            }
        }
        if let Some(col) = bad {
            skip(
                report,
                Error::Parse {
                    path: name.clone(),
                    line: line_no,
                    column: col,
                    message: format!("value is {NOT_UTF8}"),
                },
            )?;
            continue;
        }
        if let Err(e) = f((line_no, row)) {
            skip(report, e)?;
        }
    }
    Ok(())
}

/// The line each CSV record starts on, found by reading the bytes as the csv reader
/// reads them (the csv crate's own positions are off by one per CRLF and skip blank
/// lines). A small state machine follows the CSV quoting rules that decide where a
/// record ends (a quote opens a quoted field only at the start of the field; `""`
/// inside one is a quote), and queues the starting line of every record that is not
/// a blank line. The csv reader returns the same records in the same order, so each
/// record takes the front of the queue; the reader runs ahead by at most its buffer.
///
/// It also sees what the csv reader does not report: a file that ends inside a quoted
/// field. The reader returns such a field as if closed, holding every line after its
/// quote (later rows, even a whole file's worth, silently read as one value);
/// [`LineCounter::unclosed_quote`] refuses it, naming where the quote was opened.
#[derive(Clone)]
struct LineCounter {
    state: std::rc::Rc<std::cell::RefCell<LineState>>,
}

struct LineState {
    /// The field separator.
    delimiter: u8,
    /// Line feeds read so far.
    newlines: u64,
    /// Where the scanner is.
    at: Scan,
    /// Fields of the current record before the current one.
    field: usize,
    /// The line and field number (0-based) of the last quoted field opened.
    quote_opened: (u64, usize),
    /// The end of the file was read.
    eof: bool,
    /// The last byte read was a line feed.
    after_newline: bool,
    /// Starting lines of the records read but not yet taken.
    starts: std::collections::VecDeque<u64>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scan {
    /// Between records (at the start of the file or after a line ending).
    Between,
    /// At the start of a field, inside a record.
    FieldStart,
    /// In an unquoted field.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field (its end, or the first of `""`).
    QuoteInQuoted,
}

struct Counted<R> {
    inner: R,
    lines: LineCounter,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.lines.state.borrow_mut();
        for &b in &buf[..n] {
            st.step(b);
        }
        if n == 0 && !buf.is_empty() {
            st.eof = true;
        }
        Ok(n)
    }
}

impl LineState {
    fn step(&mut self, b: u8) {
        use Scan::*;
        let ending = b == b'\n' || b == b'\r';
        let delimiter = b == self.delimiter;
        let line = self.newlines + 1;
        self.at = match (self.at, b) {
            (Between, _) if ending => Between,
            (Between, _) => {
                self.starts.push_back(line);
                self.field = 0;
                match b {
                    _ if delimiter => {
                        self.field = 1;
                        FieldStart
                    }
                    b'"' => {
                        self.quote_opened = (line, 0);
                        Quoted
                    }
                    _ => Unquoted,
                }
            }
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (QuoteInQuoted, b'"') => Quoted,
            (FieldStart | Unquoted | QuoteInQuoted, _) if delimiter => {
                self.field += 1;
                FieldStart
            }
            (FieldStart | Unquoted | QuoteInQuoted, _) if ending => Between,
            (FieldStart, b'"') => {
                self.quote_opened = (line, self.field);
                Quoted
            }
            (FieldStart | Unquoted | QuoteInQuoted, _) => Unquoted,
        };
        if b == b'\n' {
            self.newlines += 1;
        }
        self.after_newline = b == b'\n';
    }
}

impl LineCounter {
    fn new(delimiter: u8) -> LineCounter {
        LineCounter {
            state: std::rc::Rc::new(std::cell::RefCell::new(LineState {
                delimiter,
                newlines: 0,
                at: Scan::Between,
                field: 0,
                quote_opened: (1, 0),
                eof: false,
                after_newline: false,
                starts: Default::default(),
            })),
        }
    }

    fn wrap<R: Read>(&self, inner: R) -> Counted<R> {
        Counted {
            inner,
            lines: self.clone(),
        }
    }

    /// The line the next record returned by the csv reader starts on.
    fn next_record(&self) -> u64 {
        let mut st = self.state.borrow_mut();
        let fallback = st.newlines + 1;
        st.starts.pop_front().unwrap_or(fallback)
    }

    /// The error for the record just taken with [`LineCounter::next_record`] if the file
    /// ends inside one of its quoted fields (it is then the last record), naming the
    /// line the quote was opened on and the field (its column in `headers`, or its
    /// number). Never skipped as a bad row: where the value was meant to end, and so
    /// which of the rows after it are rows, cannot be known.
    fn unclosed_quote(&self, path: &str, headers: &[String]) -> Option<Error> {
        let st = self.state.borrow();
        if !(st.eof && st.at == Scan::Quoted && st.starts.is_empty()) {
            return None;
        }
        let (line, field) = st.quote_opened;
        let column = headers
            .get(field)
            .filter(|h| !h.is_empty())
            .cloned()
            .unwrap_or_else(|| format!("field {}", field + 1));
        // Lines from the quote's to the last (a final line feed starts no line).
        let rest = st.newlines + 2 - line - u64::from(st.after_newline);
        Some(Error::Parse {
            path: path.to_string(),
            line,
            column,
            message: format!(
                "the quoted field opened here is never closed: the file ends inside it \
                 ({rest} line{} from the opening quote on would be one value); add the \
                 closing quote, or check whether the file was cut short",
                if rest == 1 { "" } else { "s" }
            ),
        })
    }
}

/// A JSON object as its key/value pairs in order, duplicates kept (serde_json's map
/// would silently keep the last of two equal keys).
struct Pairs(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Pairs, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
        }
        d.deserialize_map(V)
    }
}

fn opt(row: &HashMap<String, String>, col: &str) -> Option<String> {
    row.get(col)
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A field's error as a parse error of the file, at its line and column.
fn in_file(path: &str, line: u64, column: &str, e: Error) -> Error {
    Error::Parse {
        path: path.to_string(),
        line,
        column: column.to_string(),
        message: match e {
            Error::InvalidInput { message, .. } => message,
            other => other.to_string(),
        },
    }
}

/// Builds a record from a column map; errors name the column.
/// A record from its row. With `lenient`, an optional field that cannot be read is
/// left out and its error pushed on `dropped` instead of refusing the row.
fn record_from_row(
    path: &str,
    (line, row): RawRow,
    lenient: bool,
    dropped: &mut Vec<Error>,
) -> Result<Record> {
    let err = |col: &str, e: Error| in_file(path, line, col, e);
    let id = opt(&row, "record_id").ok_or_else(|| {
        err(
            "record_id",
            Error::invalid("record_id", "the record id is empty"),
        )
    })?;
    let mut field = |col: &str, r: Result<String>| -> Result<Option<String>> {
        match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if lenient => {
                dropped.push(err(col, e));
                Ok(None)
            }
            Err(e) => Err(err(col, e)),
        }
    };
    let country = match opt(&row, "country") {
        Some(c) => field("country", country_code(&c))?,
        None => None,
    };
    let reported_on = match opt(&row, "reported_on") {
        Some(d) => field("reported_on", d.parse::<Date>().map(|d| d.to_string()))?
            .and_then(|d| d.parse::<Date>().ok()),
        None => None,
    };
    let mut record = Record {
        id,
        serial: row.get("serial").cloned().unwrap_or_default(),
        make: opt(&row, "make"),
        model: opt(&row, "model"),
        calibre: opt(&row, "calibre"),
        kind: opt(&row, "type").and_then(|k| k.parse::<Kind>().ok()),
        country,
        status: opt(&row, "status").and_then(|s| s.parse::<Status>().ok()),
        reported_on,
    };
    if lenient {
        // A make, model or calibre over the limits: left out, the firearm kept.
        for (col, value) in [
            ("make", &mut record.make),
            ("model", &mut record.model),
            ("calibre", &mut record.calibre),
        ] {
            if let Some(v) = value
                .as_ref()
                .filter(|v| v.len() > crate::limits::MAX_FIELD_BYTES)
            {
                let e = Error::limit(
                    format!("{col} length in bytes"),
                    crate::limits::MAX_FIELD_BYTES,
                    v.len(),
                );
                dropped.push(err(col, e));
                *value = None;
            }
        }
    }
    crate::segment::refuse_new(&record)
        .and_then(|()| crate::segment::check_record(&record))
        .map_err(|e| {
            let col = match &e {
                Error::LimitExceeded { what, .. } if what.starts_with("serial") => "serial",
                Error::LimitExceeded { what, .. } => what.split(' ').next().unwrap_or("-"),
                Error::InvalidInput { field, .. } => field.as_str(),
                _ => "-",
            }
            .to_string();
            err(&col, e)
        })?;
    Ok(record)
}

/// Streams the records of a file into `f`.
///
/// ```
/// # let dir = tempfile::tempdir()?;
/// let path = dir.path().join("records.csv");
/// std::fs::write(&path, "record_id,make,model,serial,calibre,type,country,status,reported_on\nR1,Glock,19,AB123,9mm,pistol,DEU,stolen,2024-03-01\n")?;
/// let mut n = 0;
/// armsmatch::io::for_each_record(&path, Default::default(), |r| { n += 1; assert_eq!(r.id, "R1"); Ok(()) })?;
/// assert_eq!(n, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn for_each_record(
    path: impl AsRef<Path>,
    opts: ReadOptions,
    mut f: impl FnMut(Record) -> Result<()>,
) -> Result<ReadReport> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let mut report = ReadReport::default();
    let read_as_other = std::cell::Cell::new(0u64);
    let fields_dropped = std::cell::Cell::new(0u64);
    let first_dropped = std::cell::RefCell::new(Vec::new());
    for_each_row(
        path,
        &["record_id", "serial"],
        Columns::Records,
        opts,
        &mut report,
        |row| {
            let line = row.0;
            // Text given for a field, other than `other` itself.
            let named = |col: &str| {
                row.1
                    .get(col)
                    .map(|v| v.trim())
                    .is_some_and(|v| !v.is_empty() && !v.eq_ignore_ascii_case("other"))
            };
            let (kind_named, status_named) = (named("type"), named("status"));
            let mut dropped = Vec::new();
            let r = record_from_row(&name, row, opts.skip_bad_rows, &mut dropped)?;
            let other = (kind_named && r.kind == Some(Kind::Other))
                || (status_named && r.status == Some(Status::Other));
            f(r).map_err(|e| match e {
                e @ Error::Parse { .. } => e,
                Error::DuplicateId(id) => Error::Parse {
                    path: name.clone(),
                    line,
                    column: "record_id".into(),
                    message: format!("duplicate record id {id:?}"),
                },
                e => Error::Parse {
                    path: name.clone(),
                    line,
                    column: "-".into(),
                    message: e.to_string(),
                },
            })?;
            if other {
                read_as_other.set(read_as_other.get() + 1);
            }
            // Counted once the record went in.
            if !dropped.is_empty() {
                fields_dropped.set(fields_dropped.get() + 1);
                let mut first = first_dropped.borrow_mut();
                for e in dropped {
                    if first.len() < 20 {
                        first.push(e.to_string());
                    }
                }
            }
            Ok(())
        },
    )?;
    report.read_as_other = read_as_other.get();
    report.fields_dropped = fields_dropped.get();
    report.dropped = first_dropped.into_inner();
    Ok(report)
}

/// The lines of a records file whose record id is `id` (trimmed, as records are read),
/// in order: where a build that found an id twice ([`crate::Error::DuplicateId`],
/// which knows ids, not lines) can point its reader. Reads the file again, with the
/// options it was read with; rows that are not records are passed over.
///
/// ```
/// # let dir = tempfile::tempdir()?;
/// let path = dir.path().join("records.csv");
/// std::fs::write(&path, "record_id,serial\nR1,AB1234\nR2,CD5678\n R1 ,EF9012\n")?;
/// let lines = armsmatch::io::lines_with_record_id(&path, Default::default(), "R1")?;
/// assert_eq!(lines, [2, 4]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lines_with_record_id(
    path: impl AsRef<Path>,
    opts: ReadOptions,
    id: &str,
) -> Result<Vec<u64>> {
    let mut lines = Vec::new();
    let mut report = ReadReport::default();
    let opts = ReadOptions {
        skip_bad_rows: true,
        ..opts
    };
    for_each_row(
        path.as_ref(),
        &["record_id"],
        Columns::Records,
        opts,
        &mut report,
        |(line, row)| {
            if opt(&row, "record_id").as_deref() == Some(id) {
                lines.push(line);
            }
            Ok(())
        },
    )?;
    Ok(lines)
}

/// Reads all records of a file.
pub fn read_records(
    path: impl AsRef<Path>,
    opts: ReadOptions,
) -> Result<(Vec<Record>, ReadReport)> {
    let mut out = Vec::new();
    let report = for_each_record(path, opts, |r| {
        out.push(r);
        Ok(())
    })?;
    Ok((out, report))
}

/// Query ids used by more than one check, said as a warning (up to five named, with their
/// counts), or `None` when every id is used once. The hits of such checks carry the same
/// id and cannot be told apart; the checks still run, each on its own row. One message
/// for every reader of checks: the command line prints it, Python warns with it.
///
/// ```
/// let m = armsmatch::io::repeated_query_ids(["Q1", "Q2", "Q1"]).unwrap();
/// assert!(m.starts_with("1 query id is used by more than one check (\"Q1\" ×2)"));
/// assert_eq!(armsmatch::io::repeated_query_ids(["Q1", "Q2"]), None);
/// ```
pub fn repeated_query_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for id in ids {
        *seen.entry(id).or_default() += 1;
    }
    let mut twice: Vec<(&str, u32)> = seen.into_iter().filter(|&(_, n)| n > 1).collect();
    if twice.is_empty() {
        return None;
    }
    twice.sort_unstable();
    let shown: Vec<String> = twice
        .iter()
        .take(5)
        .map(|(id, n)| format!("{id:?} ×{n}"))
        .collect();
    Some(format!(
        "{} used by more than one check ({}{}); their hits are written under the same id — \
         give each check its own id to tell them apart",
        if twice.len() == 1 {
            "1 query id is".to_string()
        } else {
            format!("{} query ids are", twice.len())
        },
        shown.join(", "),
        if twice.len() > 5 { ", …" } else { "" }
    ))
}

/// Reads all checks of a file.
///
/// ```
/// # let dir = tempfile::tempdir()?;
/// let path = dir.path().join("q.jsonl");
/// std::fs::write(&path, "{\"query_id\": \"Q1\", \"serial\": \"AB?23\", \"make\": \"Glock\"}\n")?;
/// let (rows, _) = armsmatch::io::read_queries(&path, Default::default())?;
/// assert_eq!(rows[0].query.make.as_deref(), Some("Glock"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_queries(
    path: impl AsRef<Path>,
    opts: ReadOptions,
) -> Result<(Vec<QueryRow>, ReadReport)> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let mut out = Vec::new();
    let mut report = ReadReport::default();
    for_each_row(
        path,
        &["query_id", "serial"],
        Columns::Checks,
        opts,
        &mut report,
        |(line, row)| {
            let query_id = opt(&row, "query_id").ok_or_else(|| Error::Parse {
                path: name.clone(),
                line,
                column: "query_id".into(),
                message: "the query id is empty".into(),
            })?;
            let serial = row.get("serial").cloned().unwrap_or_default();
            if serial.len() > crate::limits::MAX_SERIAL_BYTES {
                return Err(Error::Parse {
                    path: name.clone(),
                    line,
                    column: "serial".into(),
                    message: format!(
                        "serial of {} bytes is over the limit of {}",
                        serial.len(),
                        crate::limits::MAX_SERIAL_BYTES
                    ),
                });
            }
            let query = Query {
                serial,
                make: opt(&row, "make"),
                model: opt(&row, "model"),
                calibre: opt(&row, "calibre"),
                country: opt(&row, "country"),
            };
            // What a check refuses of a field as such, the file's reader names with its
            // line, as for records; what it refuses of a check (wildcards, options) is a
            // failed check.
            for (column, value) in [
                ("make", &query.make),
                ("model", &query.model),
                ("calibre", &query.calibre),
                ("country", &query.country),
            ] {
                let len = value.as_ref().map_or(0, String::len);
                if len > crate::limits::MAX_FIELD_BYTES {
                    let what = format!("{column} length in bytes");
                    let e = Error::limit(what, crate::limits::MAX_FIELD_BYTES, len);
                    return Err(in_file(&name, line, column, e));
                }
            }
            if let Some(c) = &query.country {
                country_code(c).map_err(|e| in_file(&name, line, "country", e))?;
            }
            out.push(QueryRow { query_id, query });
            Ok(())
        },
    )?;
    Ok((out, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn headers_written_together_pipes_and_flags_of_other_systems() {
        let dir = tempfile::tempdir().unwrap();
        // Words run together, a `|`-separated export.
        let p = write(&dir, "r.csv", "RecordID|SerialNo|Make\nR1|AB 123|Glock\n");
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(
            (records[0].id.as_str(), records[0].serial.as_str()),
            ("R1", "AB 123")
        );
        // JSON fields the register does not know, of any type, are ignored; a known
        // field that is no text or number is still refused.
        let p = write(
            &dir,
            "r.jsonl",
            "{\"id\":\"B1\",\"serial\":\"Q12345\",\"active\":true,\"meta\":{\"src\":1},\"tags\":[1]}\n",
        );
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(records[0].serial, "Q12345");
        let p = write(&dir, "bad.jsonl", "{\"id\":\"B1\",\"serial\":true}\n");
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("bad.jsonl:1:serial"), "{e}");
        // A missing column names what the header was read as.
        let p = write(&dir, "m.csv", "Ident,Number\nR1,AB1\n");
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"record_id\" is missing"), "{e}");
        assert!(e.contains("\"ident\", \"number\""), "{e}");
    }

    #[test]
    fn headers_that_say_whose_field_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.csv",
            "Record ID,Firearm Make,Firearm Model,Weapon Serial No,Gun Caliber,Record Status\n\
             R1,Glock,19,AB 123,9mm,stolen\n",
        );
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        let r = &records[0];
        assert_eq!(
            (
                r.serial.as_str(),
                r.make.as_deref(),
                r.model.as_deref(),
                r.calibre.as_deref()
            ),
            ("AB 123", Some("Glock"), Some("19"), Some("9mm"))
        );
        assert_eq!(r.status, Some(Status::Stolen));
        let p = write(
            &dir,
            "q.csv",
            "Check ID,Check Serial,Weapon Make,query_calibre\nQ1,AB 123,Glock,9mm\n",
        );
        let (rows, _) = read_queries(&p, ReadOptions::default()).unwrap();
        assert_eq!(
            (
                rows[0].query_id.as_str(),
                rows[0].query.serial.as_str(),
                rows[0].query.make.as_deref()
            ),
            ("Q1", "AB 123", Some("Glock"))
        );
        // A column named exactly still wins over one that says whose it is, and two
        // such names of one column are refused.
        assert_eq!(
            Columns::Records.resolve(&["serial", "firearm_serial"]),
            Ok(vec![Some("serial"), None])
        );
        assert!(Columns::Records
            .resolve(&["Firearm Serial", "Weapon Serial"])
            .is_err());
        // Nor the id or the country: another id, the country of manufacture.
        assert_eq!(Columns::Checks.column("Firearm ID"), None);
        assert_eq!(Columns::Records.column("Firearm Country"), None);
        assert_eq!(
            Columns::Checks.resolve(&["Check ID", "Firearm ID", "Serial"]),
            Ok(vec![Some("query_id"), None, Some("serial")])
        );
        // The word alone names nothing.
        assert_eq!(Columns::Records.column("firearm"), None);
        assert_eq!(Columns::Checks.column("weapon_"), None);
    }

    #[test]
    fn headers_as_exports_write_them() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.csv",
            "Record ID;Manufacturer;Model;Serial Number;Caliber;Firearm Type;Reporting Country;Status;Date Reported\n\
             R1;Glock;19;AB 123;9mm;Pistol;DEU;stolen;2024-03-01\n",
        );
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        let r = &records[0];
        assert_eq!(
            (
                r.id.as_str(),
                r.serial.as_str(),
                r.make.as_deref(),
                r.calibre.as_deref()
            ),
            ("R1", "AB 123", Some("Glock"), Some("9mm"))
        );
        assert_eq!(
            (r.kind, r.country.as_deref()),
            (Some(Kind::Pistol), Some("DEU"))
        );
        assert_eq!(
            r.reported_on.map(|d| d.to_string()).as_deref(),
            Some("2024-03-01")
        );
        // Both a column and an alias of it: the column is read, the alias ignored.
        let p = write(
            &dir,
            "r2.csv",
            "record_id,serial,make,manufacturer\nR1,AB1,Glock,Glock GmbH\n",
        );
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(records[0].make.as_deref(), Some("Glock"));
        let p = write(
            &dir,
            "r3.jsonl",
            "{\"Manufacturer\": \"Glock GmbH\", \"record_id\": \"R1\", \"Serial Number\": \"AB1\", \"make\": \"Glock\"}\n",
        );
        let (records, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(
            (records[0].serial.as_str(), records[0].make.as_deref()),
            ("AB1", Some("Glock"))
        );
        let p = write(
            &dir,
            "q.csv",
            "Check-ID,S/N,MAKE,Checking Country\nQ1,AB123,Glock,FRA\n",
        );
        let (queries, _) = read_queries(&p, ReadOptions::default()).unwrap();
        let q = &queries[0];
        assert_eq!(
            (q.query_id.as_str(), q.query.serial.as_str()),
            ("Q1", "AB123")
        );
        assert_eq!(q.query.country.as_deref(), Some("FRA"));
        // Two headers naming one column, neither exactly: refused, naming both as
        // written (CSV header and JSON keys alike).
        for (file, text) in [
            ("r4.csv", "record_id,Serial Number,S/N\nR1,AB1,AB2\n"),
            (
                "r4.jsonl",
                "{\"record_id\": \"R1\", \"Serial Number\": \"AB1\", \"S/N\": \"AB2\"}\n",
            ),
        ] {
            let p = write(&dir, file, text);
            let err = read_records(&p, ReadOptions::default())
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("\"Serial Number\" and \"S/N\" both name the column \"serial\""),
                "{err}"
            );
        }
        // One JSON key twice (or one header twice) is said so.
        let p = write(
            &dir,
            "r5.jsonl",
            "{\"record_id\": \"R1\", \"serial\": \"AB1\", \"serial\": \"AB2\"}\n",
        );
        let err = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"serial\" appears twice"), "{err}");
        // An empty file is said to be empty, not to lack a column.
        for text in ["", "\n"] {
            let p = write(&dir, "empty.csv", text);
            let err = read_records(&p, ReadOptions::default())
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(":1:record_id") && err.contains("the file is empty"),
                "{err}"
            );
        }
    }

    #[test]
    fn columns_resolve_headers_as_the_file_readers_do() {
        assert_eq!(Columns::Records.column(" Record ID "), Some("record_id"));
        assert_eq!(Columns::Records.column("KIND"), Some("type"));
        assert_eq!(Columns::Checks.column("kind"), None);
        assert_eq!(Columns::Checks.column("ID"), Some("query_id"));
        assert_eq!(Columns::Records.column("ID"), Some("record_id"));
        assert_eq!(Columns::Records.column("\u{feff}serial"), Some("serial"));
        assert_eq!(Columns::Records.column(""), None);
        // Order does not matter: the exact name wins before or after the alias.
        for headers in [["caliber", "calibre"], ["calibre", "caliber"]] {
            let cols = Columns::Records.resolve(&headers).unwrap();
            let at = headers.iter().position(|h| *h == "calibre").unwrap();
            assert_eq!(cols[at], Some("calibre"));
            assert_eq!(cols[1 - at], None);
        }
        assert_eq!(
            Columns::Checks.resolve(&["Serial", "SERIAL"]),
            Err("\"Serial\" and \"SERIAL\" both name the column \"serial\"; keep one (or rename the other)".to_string())
        );
        assert!(Columns::Checks.resolve::<&str>(&[]).unwrap().is_empty());
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.csv",
            "record_id,serial,country\nR1,AB1,DEU\nR2,AB2,Germany\n",
        );
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.csv:3:country"), "{e}");
        let p = write(&dir, "r2.csv", "record_id,make\nR1,Glock\n");
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(":1:serial"), "{e}");
        let p = write(
            &dir,
            "r3.csv",
            "record_id,serial,reported_on\nR1,A1,2024-13-01\n",
        );
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(":2:reported_on"), "{e}");
        let p = write(&dir, "r4.csv", "record_id,serial\nR1,A1,extra\n");
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(":2:"), "{e}");
    }

    #[test]
    fn semicolon_and_tab_separated_files_are_recognised_by_their_header() {
        let dir = tempfile::tempdir().unwrap();
        // Excel's "CSV" where the decimal mark is a comma: `;`, a BOM, CRLF, and commas
        // inside values (a calibre written 7,65 mm).
        let p = write(
            &dir,
            "excel.csv",
            "\u{feff}ID;Make;Serial;Calibre;Country\r\nDEU-1;Walther;AB123456;7,65 mm;DEU\r\n\
             \"DEU-2\";\"Heckler; & Koch\";216-001234;9 mm;DEU\r\n",
        );
        let (recs, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].id, "DEU-1");
        assert_eq!(recs[0].calibre.as_deref(), Some("7,65 mm"));
        assert_eq!(recs[1].make.as_deref(), Some("Heckler; & Koch"));
        assert_eq!(recs[1].serial, "216-001234");
        let p = write(
            &dir,
            "q.tsv",
            "query_id\tserial\tmake\nQ1\tAB1\tGlock, Inc.\n",
        );
        let qs = read_queries(&p, ReadOptions::default()).unwrap().0;
        assert_eq!(qs[0].query_id, "Q1");
        assert_eq!(qs[0].query.make.as_deref(), Some("Glock, Inc."));
        // A comma-separated file whose values hold semicolons stays comma-separated.
        let p = write(&dir, "c.csv", "record_id,serial,make\nR;1,A;1,X\n");
        let (recs, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(
            (recs[0].id.as_str(), recs[0].serial.as_str()),
            ("R;1", "A;1")
        );
        // No separator gives the required columns: the error names the missing one.
        let p = write(&dir, "bad.csv", "record_id:serial\nR1:A1\n");
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(":1:record_id"), "{e}");
    }

    #[test]
    fn a_legacy_encoding_is_named_as_the_likely_cause() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("latin1.csv");
        std::fs::write(
            &p,
            b"record_id,make,serial\nFRA-1,Manufacture d\xe9armes,MA1\n",
        )
        .unwrap();
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("latin1.csv:2:make") && e.contains("Windows-1252"),
            "{e}"
        );
    }

    #[test]
    fn skip_bad_rows_counts_them() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.csv",
            "record_id,serial,country\nR1,AB1,DEU\nR2,AB2,xx1\n,AB3,FRA\nR4,AB4,\n",
        );
        let (recs, rep) = read_records(
            &p,
            ReadOptions {
                skip_bad_rows: true,
                ..ReadOptions::default()
            },
        )
        .unwrap();
        // The row without an id is skipped; the one with a bad country goes in without
        // it (the firearm stays findable), counted and said.
        assert_eq!(recs.len(), 3);
        assert_eq!(rep.skipped, 1);
        assert_eq!(rep.errors.len(), 1);
        assert_eq!(
            (recs[1].id.as_str(), recs[1].country.as_deref()),
            ("R2", None)
        );
        assert_eq!(rep.fields_dropped, 1);
        assert!(rep.dropped[0].contains("r.csv:3:country"), "{rep:?}");
        // Rows read count every data row, the skipped ones too.
        assert_eq!(rep.rows, 4);
        // Without skipping, the bad field refuses the file.
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("r.csv:3:country"), "{e}");
    }

    #[test]
    fn unknown_types_and_statuses_are_read_as_other_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.csv",
            "record_id,serial,type,status\nR1,A1,bazooka,stolen\nR2,A2,pistol,misplaced\n\
             R3,A3,other,OTHER\nR4,A4,P,lost\nR5,A5,,\n",
        );
        let (recs, rep) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(recs[0].kind, Some(Kind::Other));
        assert_eq!(recs[1].status, Some(Status::Other));
        assert_eq!(rep.read_as_other, 2);
    }

    #[test]
    fn error_lines_count_every_line_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let bad_on = |name: &str, text: &str| -> String {
            let p = write(&dir, name, text);
            let (_, rep) = read_records(
                &p,
                ReadOptions {
                    skip_bad_rows: true,
                    ..ReadOptions::default()
                },
            )
            .unwrap();
            // A bad date leaves the date out; a bad id skips the row.
            let errors: Vec<&String> = rep.errors.iter().chain(&rep.dropped).collect();
            assert_eq!(errors.len(), 1, "{name}: {rep:?}");
            let e = errors[0];
            let at = e.find(".csv:").unwrap() + 5;
            e[at..].split(':').next().unwrap().to_string()
        };
        let head = "record_id,serial,reported_on";
        // CRLF line endings (the csv crate's count is one short on them).
        assert_eq!(
            bad_on("a.csv", &format!("{head}\r\nR1,A1,2024-13-01\r\n")),
            "2"
        );
        // Blank lines, and a first line that is blank.
        assert_eq!(
            bad_on(
                "b.csv",
                &format!("\n{head}\nR0,A0,\n\n\r\nR1,A1,2024-13-01\n")
            ),
            "6"
        );
        // A quoted field holding line endings, commas and doubled quotes; a quote
        // inside an unquoted field is a plain character.
        assert_eq!(
            bad_on(
                "c.csv",
                &format!("{head}\nR0,\"A,\n\"\"B\"\"\n\",\nR2,1\"2,\nR1,A1,2024-13-01\n")
            ),
            "6"
        );
    }

    /// The parse error of reading `bytes` as records (or checks) from a file `name`.
    fn refused(dir: &tempfile::TempDir, name: &str, bytes: &[u8], opts: ReadOptions) -> Error {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let e = if name.starts_with('q') {
            read_queries(&p, opts).unwrap_err()
        } else {
            read_records(&p, opts).unwrap_err()
        };
        assert!(matches!(e, Error::Parse { .. }), "{name}: {e:?}");
        e
    }

    /// `line` and `column` of a parse error, and its text.
    fn at(e: &Error) -> (u64, &str, String) {
        match e {
            Error::Parse { line, column, .. } => (*line, column.as_str(), e.to_string()),
            _ => unreachable!(),
        }
    }

    #[test]
    fn a_file_ending_inside_a_quoted_field_is_refused_where_the_quote_opens() {
        let dir = tempfile::tempdir().unwrap();
        let skip = ReadOptions {
            skip_bad_rows: true,
            ..ReadOptions::default()
        };
        for (name, text, opts, line, column, lines) in [
            // The client's file: the serial would be stored as "AB1234\n".
            (
                "r1.csv",
                "record_id,serial\nR1,\"AB1234\n",
                ReadOptions::default(),
                2,
                "serial",
                1,
            ),
            (
                "r2.csv",
                "record_id,serial\nR1,\"AB1234",
                ReadOptions::default(),
                2,
                "serial",
                1,
            ),
            // A stray quote swallows the rows after it; skipping bad rows does not skip it.
            (
                "r3.csv",
                "record_id,serial\nR1,\"AB1234\nR2,CD5678\n",
                skip,
                2,
                "serial",
                2,
            ),
            (
                "r4.csv",
                "record_id;make;serial\r\nR1;\"Glock\r\nR2;Walther;CD5678\r\n",
                skip,
                2,
                "make",
                2,
            ),
            (
                "r5.csv",
                "record_id,serial\nR1,A1\n\"\n",
                ReadOptions::default(),
                3,
                "record_id",
                1,
            ),
            (
                "r6.csv",
                "record_id,\"serial\nR1,A1\n",
                ReadOptions::default(),
                1,
                "field 2",
                2,
            ),
            (
                "q1.csv",
                "query_id,serial\nQ1,\"AB1234\n",
                ReadOptions::default(),
                2,
                "serial",
                1,
            ),
            (
                "q2.tsv",
                "query_id\tserial\nQ0\tX\nQ1\t\"AB1234\n",
                skip,
                3,
                "serial",
                1,
            ),
        ] {
            let e = refused(&dir, name, text.as_bytes(), opts);
            let (l, c, msg) = at(&e);
            assert_eq!((l, c), (line, column), "{msg}");
            assert!(
                msg.starts_with(&format!("{}:", dir.path().join(name).display())),
                "{msg}"
            );
            assert!(msg.contains("never closed"), "{msg}");
            let n = format!("({lines} line{} ", if lines == 1 { "" } else { "s" });
            assert!(msg.contains(&n), "{msg}");
        }
        // JSON Lines: a string cannot span lines, so the line's own JSON error says it.
        let e = refused(
            &dir,
            "r.jsonl",
            b"{\"record_id\":\"R1\",\"serial\":\"AB1234\n",
            ReadOptions::default(),
        );
        assert_eq!(at(&e).0, 1, "{e}");
        // Quoted fields that are closed still hold line endings and separators, and the
        // lines after them are counted right in every separator.
        for (name, text) in [
            ("ok.csv", "record_id,serial\r\nR1,\"AB\r\n1234\"\r\n"),
            ("ok2.csv", "record_id;serial\nR1;\"AB;\n1234\"\n"),
            ("ok3.tsv", "record_id\tserial\n\"R1\"\t\"AB\t\n1234\"\n"),
        ] {
            let p = write(&dir, name, text);
            let (recs, _) = read_records(&p, ReadOptions::default()).unwrap();
            assert_eq!((recs.len(), recs[0].id.as_str()), (1, "R1"), "{name}");
            assert!(
                recs[0].serial.ends_with("\n1234"),
                "{name}: {:?}",
                recs[0].serial
            );
        }
        let e = refused(
            &dir,
            "lines.csv",
            b"record_id;serial;reported_on\nR0;\"A\nB\";\nR1;A1;2024-13-01\n",
            ReadOptions::default(),
        );
        assert_eq!(at(&e).0, 4, "{e}");
    }

    #[test]
    fn binary_files_are_named_for_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let parquet = b"PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00\x08\x1c";
        for (name, bytes, what) in [
            (
                "r.parquet",
                &parquet[..],
                "a Parquet file: convert it to CSV",
            ),
            // The extension does not decide: the bytes do.
            ("r.jsonl", &parquet[..], "a Parquet file"),
            ("q.parquet", &parquet[..], "a Parquet file"),
            (
                "r.csv.gz",
                b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
                "gzip-compressed",
            ),
            (
                "r.xlsx",
                b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
                "Excel .xlsx",
            ),
            (
                "r.db",
                b"SQLite format 3\x00\x10\x00\x01\x01",
                "an SQLite database",
            ),
            (
                "r.bin",
                b"\x7fELF\x02\x01\x01\x00\x00\x00",
                "zero (NUL) bytes",
            ),
        ] {
            let e = refused(&dir, name, bytes, ReadOptions::default());
            let (line, column, msg) = at(&e);
            assert_eq!((line, column), (1, "-"), "{msg}");
            assert!(msg.contains(name), "{msg}");
            assert!(msg.contains("not a CSV or JSON Lines text file"), "{msg}");
            assert!(msg.contains(what), "{msg}");
        }
        // A zero byte in a value is not the sign of a binary file: that value is
        // refused (no stored text may hold one), named by its line and column.
        let p = dir.path().join("nul.csv");
        std::fs::write(&p, b"record_id,serial\nR1,AB\x001234\n").unwrap();
        let e = read_records(&p, ReadOptions::default()).unwrap_err();
        let (line, column, msg) = at(&e);
        assert_eq!((line, column), (2, "serial"), "{msg}");
        assert!(msg.contains("NUL") && !msg.contains("not a CSV"), "{msg}");
    }

    #[test]
    fn utf16_files_are_named_as_utf16() {
        let dir = tempfile::tempdir().unwrap();
        let text = "record_id\tmake\tserial\r\nR1\tИЖ\tAB1234\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let cp1251 = ReadOptions {
            encoding: Encoding::Windows1251,
            ..ReadOptions::default()
        };
        for (name, bytes, opts, what) in [
            // Excel's "Unicode Text": UTF-16 LE with a byte-order mark.
            (
                "le_bom.txt",
                [&b"\xff\xfe"[..], &le].concat(),
                ReadOptions::default(),
                "UTF-16 (little-endian, byte-order mark FF FE)",
            ),
            (
                "le_bom.jsonl",
                [&b"\xff\xfe"[..], &le].concat(),
                ReadOptions::default(),
                "UTF-16 (little-endian",
            ),
            (
                "be_bom.csv",
                [&b"\xfe\xff"[..], &be].concat(),
                ReadOptions::default(),
                "UTF-16 (big-endian, byte-order mark FE FF)",
            ),
            // A single-byte encoding given does not change what the bytes are.
            (
                "le_1251.csv",
                [&b"\xff\xfe"[..], &le].concat(),
                cp1251,
                "UTF-16 (little-endian",
            ),
            (
                "le.csv",
                le.clone(),
                ReadOptions::default(),
                "UTF-16 (little-endian, without a byte-order mark)",
            ),
            (
                "be.csv",
                be.clone(),
                ReadOptions::default(),
                "UTF-16 (big-endian, without a byte-order mark)",
            ),
            (
                "q_le.csv",
                le.clone(),
                ReadOptions::default(),
                "UTF-16 (little-endian, without",
            ),
        ] {
            let e = refused(&dir, name, &bytes, opts);
            let (line, column, msg) = at(&e);
            assert_eq!((line, column), (1, "-"), "{msg}");
            assert!(msg.contains(name), "{msg}");
            assert!(msg.contains(what), "{msg}");
            assert!(
                msg.contains("save it as UTF-8") && msg.contains("windows-1251"),
                "{msg}"
            );
        }
        // UTF-8 with a byte-order mark, and Windows-1251 said as such, are read.
        let p = dir.path().join("bom.csv");
        std::fs::write(&p, format!("\u{feff}{text}")).unwrap();
        assert_eq!(
            read_records(&p, ReadOptions::default()).unwrap().0[0]
                .make
                .as_deref(),
            Some("ИЖ")
        );
        std::fs::write(&p, b"record_id;make;serial\r\nR1;\xc8\xc6;AB1234\r\n").unwrap();
        assert_eq!(
            read_records(&p, cp1251).unwrap().0[0].make.as_deref(),
            Some("ИЖ")
        );
    }

    #[test]
    fn jsonl_and_unknown_columns() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            &dir,
            "r.jsonl",
            "{\"record_id\":\"R1\",\"serial\":\"A1\",\"colour\":\"black\",\"type\":\"P\"}\n\n{\"id\":\"R2\",\"serial\":123}\n",
        );
        let (recs, _) = read_records(&p, ReadOptions::default()).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].kind, Some(Kind::Pistol));
        assert_eq!(recs[1].serial, "123");
        let p = write(
            &dir,
            "bad.jsonl",
            "{\"record_id\":\"R1\",\"serial\":\"A1\"}\nnot json\n",
        );
        let e = read_records(&p, ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("bad.jsonl:2"), "{e}");
        // Two values for one field, or a value that is not text: refused, not guessed.
        for (name, text) in [
            (
                "dup.jsonl",
                "{\"record_id\":\"R1\",\"serial\":\"A1\",\"serial\":\"B2\"}\n",
            ),
            ("obj.jsonl", "{\"record_id\":\"R1\",\"serial\":{\"a\":1}}\n"),
            (
                "arr.jsonl",
                "{\"record_id\":\"R1\",\"serial\":[\"AB\",1]}\n",
            ),
            ("dup.csv", "record_id,serial,serial\nR1,A1,B2\n"),
        ] {
            let p = write(&dir, name, text);
            let e = read_records(&p, ReadOptions::default())
                .unwrap_err()
                .to_string();
            assert!(e.contains(&format!("{name}:1:serial")), "{e}");
        }
    }

    #[test]
    fn a_check_with_a_bad_field_is_named_by_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let long = "x".repeat(crate::limits::MAX_FIELD_BYTES + 1);
        for (text, column) in [
            (
                "query_id,serial,country\nQ1,AB1,DEU\nQ2,AB2,Germany\n",
                "country",
            ),
            (
                &*format!("query_id,serial,make\nQ1,AB1,\nQ2,AB2,{long}\n"),
                "make",
            ),
        ] {
            let p = write(&dir, "q.csv", text);
            match read_queries(&p, ReadOptions::default()) {
                Err(Error::Parse {
                    line,
                    column: c,
                    path,
                    ..
                }) => {
                    assert_eq!((line, c.as_str()), (3, column), "{text}");
                    assert!(path.ends_with("q.csv"));
                }
                other => panic!("{other:?}"),
            }
            // Skipped as a bad row when asked, as records are.
            let skip = ReadOptions {
                skip_bad_rows: true,
                ..ReadOptions::default()
            };
            let (rows, report) = read_queries(&p, skip).unwrap();
            assert_eq!((rows.len(), report.skipped), (1, 1), "{text}");
        }
        // An alpha-2 code is a country; wildcards are the check's business.
        let p = write(&dir, "q.csv", "query_id,serial,country\nQ1,AB*1??,de\n");
        assert_eq!(read_queries(&p, ReadOptions::default()).unwrap().0.len(), 1);
    }
}
