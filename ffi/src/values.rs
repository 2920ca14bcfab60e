//! Plain C values: the enums of a hit's explanation and a record's kind and status, the
//! record and query structs the caller fills in, dates, edits, limits; the library
//! version and the names of enum codes.

use std::ffi::{c_char, CStr, CString};
use std::sync::OnceLock;

use armsmatch::io::Encoding;
use armsmatch::{
    limits, Date, Edit, EditShape, FieldMatch, Kind, Query, Record, SerialMatch, Status,
};

use crate::boundary::{
    boundary, out_arg, text_arg, text_field, text_required, write_out, Failure, FfiResult,
};
use crate::status::armsmatch_status;

/// The kind of firearm (after the NCIC type codes).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_kind {
    /// Not recorded.
    Unknown = 0,
    /// Self-loading or single-shot handgun.
    Pistol = 1,
    /// Revolver.
    Revolver = 2,
    /// Rifle or carbine.
    Rifle = 3,
    /// Shotgun.
    Shotgun = 4,
    /// Submachine gun (machine pistol).
    SubmachineGun = 5,
    /// Machine gun.
    MachineGun = 6,
    /// Combination gun or anything else.
    Other = 7,
}

/// Why a firearm is in the register.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_record_status {
    /// Not recorded.
    Unknown = 0,
    /// Reported lost.
    Lost = 1,
    /// Reported stolen.
    Stolen = 2,
    /// Illicitly trafficked.
    Trafficked = 3,
    /// Smuggled across a border.
    Smuggled = 4,
    /// Any other reason.
    Other = 5,
}

/// How the serial of a hit matched.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_serial_match {
    /// Identical as written.
    Exact = 1,
    /// Identical after normalization (case, separators, Cyrillic/Greek folding).
    Normalized = 2,
    /// Identical up to commonly confused characters (O/0, I/1, S/5, …).
    Confusable = 3,
    /// Within the edit budget.
    Fuzzy = 4,
    /// Matches a partial serial (`?`, `*`).
    Partial = 5,
    /// No serial compared (a check or record without a usable serial).
    None = 6,
    /// A kind this version of the C API does not know (from a newer core).
    Other = 7,
}

/// How one identity field (make, model, calibre) of the check agrees with the record.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_field_match {
    /// The same name.
    Same = 1,
    /// Different names of the same thing (an alias, a misspelling, a synonym calibre).
    Alias = 2,
    /// Close but not the same (a related calibre, a model variant, a similar text).
    Similar = 3,
    /// Different.
    Different = 4,
    /// Missing on one side.
    Unknown = 5,
    /// A kind this version of the C API does not know (from a newer core).
    Other = 6,
}

/// One edit in the alignment of the check's serial key against the record's.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_edit_kind {
    /// Characters of one confusable class (O/0, I/1, …).
    Confusable = 1,
    /// A rarer reading confusion (A/4, T/7, …).
    RareConfusion = 2,
    /// Any other substitution.
    Substitution = 3,
    /// Two adjacent characters swapped (`at` and `at + 1` of the record key; the edit's
    /// `check` and `record` are 0).
    Transposition = 4,
    /// A character in the check that the record does not have.
    Insertion = 5,
    /// A character of the record missing from the check.
    Deletion = 6,
    /// A kind this version of the C API does not know (from a newer core).
    Other = 7,
}

/// The shape of two or more edits of a hit's serial alignment, which prices them: a slip
/// of the hand (a transposition, or a character dropped or added) or the serial of a
/// sibling firearm of the same batch (digits replaced in place). See
/// `armsmatch_hit_serial_shape`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_edit_shape {
    /// One edit or none, or a mix that is neither of the others.
    Plain = 1,
    /// Two or more edits, one a transposition or a change of length: cheaper.
    Slip = 2,
    /// Two or more edits at the same length, digits for digits: dearer.
    Sibling = 3,
    /// A shape this version of the C API does not know (from a newer core).
    Other = 4,
}

/// The character encoding of a records file, for `armsmatch_builder_add_file_encoded`
/// (passed as a `uint32_t` code).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_encoding {
    /// UTF-8 (a byte-order mark is allowed).
    Utf8 = 0,
    /// Windows-1252: western European exports.
    Windows1252 = 1,
    /// Windows-1251: Cyrillic exports.
    Windows1251 = 2,
    /// ISO-8859-1 (Latin-1).
    Latin1 = 3,
}

/// The core encoding of an `armsmatch_encoding` code, or None for an unknown code.
pub(crate) fn encoding_from_code(code: u32) -> Option<Encoding> {
    Some(match code {
        c if c == armsmatch_encoding::Utf8 as u32 => Encoding::Utf8,
        c if c == armsmatch_encoding::Windows1252 as u32 => Encoding::Windows1252,
        c if c == armsmatch_encoding::Windows1251 as u32 => Encoding::Windows1251,
        c if c == armsmatch_encoding::Latin1 as u32 => Encoding::Latin1,
        _ => return None,
    })
}

/// A calendar date. All zero means "not recorded".
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct armsmatch_date {
    /// Year (1000–9999).
    pub year: u16,
    /// Month (1–12).
    pub month: u8,
    /// Day (1–31).
    pub day: u8,
}

/// One edit of a hit's serial alignment (see `armsmatch_hit_serial_edit`).
///
/// Positions count characters (not bytes) of the record's serial key
/// (`armsmatch_hit_serial_record_key`) from 0, while the explanation text counts them
/// from 1: an edit with `at == 6` reads "transposition at 7" there.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct armsmatch_edit {
    /// What kind of edit.
    pub kind: armsmatch_edit_kind,
    /// 0-based character position in the record's serial key (the explanation text says
    /// `at + 1`). For a transposition: the first of the two swapped characters (`at` and
    /// `at + 1`); for an insertion: the position before which the extra character
    /// stands.
    pub at: usize,
    /// The character in the check, as a Unicode code point; 0 if the edit has none: a
    /// deletion, and a transposition, which carries no characters (read the two swapped
    /// ones from the record key at `at` and `at + 1`).
    pub check: u32,
    /// The character in the record, as a Unicode code point; 0 if the edit has none: an
    /// insertion, and a transposition (as for `check`).
    pub record: u32,
}

/// A record of the register, filled in by the caller for `armsmatch_builder_add`,
/// `armsmatch_index_insert` and `armsmatch_index_update`.
///
/// Every string is a pointer and a length in bytes (no NUL needed), UTF-8 without a NUL
/// byte (one is ARMSMATCH_STATUS_INVALID_ARGUMENT naming the field). `id` is required
/// (an empty one, (NULL, 0) included, is ARMSMATCH_STATUS_INVALID_ARGUMENT). For the
/// other strings NULL (with length 0) or length 0 means "unknown"; a NULL `serial` is an
/// empty serial (no serial, like a placeholder). `kind`, `status` and `reported_on` are
/// unknown when zero, so a record zeroed with `memset(&r, 0, sizeof r)` starts with every
/// field unknown (`= {0}` does the same in C, but g++ -Wextra warns about it in C++).
/// The strings are copied; they need to live only during the call.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct armsmatch_record {
    /// The reporting country's reference; unique within an index. Required. Stored
    /// without the white space around it (` X9\t` is `X9`, and a hit gives `X9` back),
    /// as ids from files are; two ids equal once trimmed are one id.
    pub id: *const c_char,
    /// Length of `id` in bytes.
    pub id_len: usize,
    /// The serial number as reported.
    pub serial: *const c_char,
    /// Length of `serial` in bytes.
    pub serial_len: usize,
    /// Manufacturer, as reported.
    pub make: *const c_char,
    /// Length of `make` in bytes.
    pub make_len: usize,
    /// Model, as reported.
    pub model: *const c_char,
    /// Length of `model` in bytes.
    pub model_len: usize,
    /// Calibre, as reported.
    pub calibre: *const c_char,
    /// Length of `calibre` in bytes.
    pub calibre_len: usize,
    /// Reporting country: an ISO 3166-1 code of two or three ASCII letters, any case. An
    /// assigned alpha-2 code is stored as its alpha-3 code (`nl` → `NLD`, `UK` → `GBR`,
    /// and Kosovo's `XK` → `XKX` as the EU and INTERPOL use them); other codes of two or
    /// three letters (user-assigned, former or unofficial ones: `ZZ`, `YUG`) are kept as
    /// written, uppercase. Anything else is refused.
    pub country: *const c_char,
    /// Length of `country` in bytes.
    pub country_len: usize,
    /// An `armsmatch_kind` code (0 = unknown).
    pub kind: u32,
    /// An `armsmatch_record_status` code (0 = unknown).
    pub status: u32,
    /// When it was reported (all zero = unknown).
    pub reported_on: armsmatch_date,
}

/// A check: the identifiers of a seized or found firearm, for `armsmatch_index_check`
/// and `armsmatch_index_check_batch`.
///
/// Strings as in `armsmatch_record`: pointer + length in bytes, UTF-8 without a NUL
/// byte, NULL or length 0 meaning unknown; zero it as a record (`memset`). `serial` may hold `?` (one unknown character) and `*` (any run) for
/// a partially obliterated serial. A check without a usable serial finds records
/// without a serial by make, model and calibre.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct armsmatch_query {
    /// The serial as read from the firearm, possibly with wildcards.
    pub serial: *const c_char,
    /// Length of `serial` in bytes.
    pub serial_len: usize,
    /// Manufacturer, if known.
    pub make: *const c_char,
    /// Length of `make` in bytes.
    pub make_len: usize,
    /// Model, if known.
    pub model: *const c_char,
    /// Length of `model` in bytes.
    pub model_len: usize,
    /// Calibre, if known.
    pub calibre: *const c_char,
    /// Length of `calibre` in bytes.
    pub calibre_len: usize,
    /// The checking country, if known: a country code as a record's (`country` of
    /// `armsmatch_record`: two or three letters, an assigned alpha-2 code read as its
    /// alpha-3 code).
    pub country: *const c_char,
    /// Length of `country` in bytes.
    pub country_len: usize,
}

/// The documented limits of the library; inputs over them fail with
/// `ARMSMATCH_STATUS_LIMIT_EXCEEDED` (or `INVALID_ARGUMENT` for `top`), never truncated.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct armsmatch_limits {
    /// Longest serial accepted, in bytes of input.
    pub max_serial_bytes: usize,
    /// Longest serial key after normalization, in characters.
    pub max_key_chars: usize,
    /// Longest record id, make, model, calibre or country, in bytes.
    pub max_field_bytes: usize,
    /// Largest edit budget a check may ask for.
    pub max_edits: u32,
    /// Most `?` and `*` wildcards in one check's serial.
    pub max_wildcards: usize,
    /// Fewest known (non-wildcard) characters in a partial serial.
    pub min_known_chars: usize,
    /// Most hits one check may ask for (`top`).
    pub max_top: usize,
    /// Most candidate records one check may gather before scoring.
    pub max_candidates: usize,
    /// Most records in one index.
    pub max_records: usize,
    /// Most threads a batch check may ask for (`ARMSMATCH_MAX_THREADS`).
    pub max_threads: usize,
}

/// Most threads `armsmatch_options_set_threads` accepts.
pub const ARMSMATCH_MAX_THREADS: usize = 256;
// One limit for the three front ends: the header's literal is core's constant.
const _: () = assert!(ARMSMATCH_MAX_THREADS == armsmatch::limits::MAX_THREADS);

/// The major version of the library this header belongs to. At run time
/// `armsmatch_version` gives the version of the library actually loaded, which starts
/// with `ARMSMATCH_VERSION_MAJOR.ARMSMATCH_VERSION_MINOR.ARMSMATCH_VERSION_PATCH` when
/// header and library match.
pub const ARMSMATCH_VERSION_MAJOR: u32 = 0;

/// The minor version of the library this header belongs to.
pub const ARMSMATCH_VERSION_MINOR: u32 = 1;

/// The patch version of the library this header belongs to.
pub const ARMSMATCH_VERSION_PATCH: u32 = 0;

/// A decimal number at compile time (the version parts Cargo sets).
const fn decimal(s: &str) -> u32 {
    let bytes = s.as_bytes();
    let mut n = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        assert!(bytes[i].is_ascii_digit(), "not a decimal number");
        n = n * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    n
}

// The header's version macros are literals (cbindgen copies them); the build fails when
// they fall behind the crate version.
const _: () = {
    assert!(
        ARMSMATCH_VERSION_MAJOR == decimal(env!("CARGO_PKG_VERSION_MAJOR")),
        "ARMSMATCH_VERSION_MAJOR differs from the crate version"
    );
    assert!(
        ARMSMATCH_VERSION_MINOR == decimal(env!("CARGO_PKG_VERSION_MINOR")),
        "ARMSMATCH_VERSION_MINOR differs from the crate version"
    );
    assert!(
        ARMSMATCH_VERSION_PATCH == decimal(env!("CARGO_PKG_VERSION_PATCH")),
        "ARMSMATCH_VERSION_PATCH differs from the crate version"
    );
};

pub(crate) fn kind_code(k: Kind) -> armsmatch_kind {
    match k {
        Kind::Pistol => armsmatch_kind::Pistol,
        Kind::Revolver => armsmatch_kind::Revolver,
        Kind::Rifle => armsmatch_kind::Rifle,
        Kind::Shotgun => armsmatch_kind::Shotgun,
        Kind::SubmachineGun => armsmatch_kind::SubmachineGun,
        Kind::MachineGun => armsmatch_kind::MachineGun,
        _ => armsmatch_kind::Other,
    }
}

fn kind_from_code(code: u32) -> Option<Option<Kind>> {
    Some(match code {
        0 => None,
        1 => Some(Kind::Pistol),
        2 => Some(Kind::Revolver),
        3 => Some(Kind::Rifle),
        4 => Some(Kind::Shotgun),
        5 => Some(Kind::SubmachineGun),
        6 => Some(Kind::MachineGun),
        7 => Some(Kind::Other),
        _ => return None,
    })
}

pub(crate) fn record_status_code(s: Status) -> armsmatch_record_status {
    match s {
        Status::Lost => armsmatch_record_status::Lost,
        Status::Stolen => armsmatch_record_status::Stolen,
        Status::Trafficked => armsmatch_record_status::Trafficked,
        Status::Smuggled => armsmatch_record_status::Smuggled,
        _ => armsmatch_record_status::Other,
    }
}

fn record_status_from_code(code: u32) -> Option<Option<Status>> {
    Some(match code {
        0 => None,
        1 => Some(Status::Lost),
        2 => Some(Status::Stolen),
        3 => Some(Status::Trafficked),
        4 => Some(Status::Smuggled),
        5 => Some(Status::Other),
        _ => return None,
    })
}

pub(crate) fn serial_match_code(m: SerialMatch) -> armsmatch_serial_match {
    match m {
        SerialMatch::Exact => armsmatch_serial_match::Exact,
        SerialMatch::Normalized => armsmatch_serial_match::Normalized,
        SerialMatch::Confusable => armsmatch_serial_match::Confusable,
        SerialMatch::Fuzzy => armsmatch_serial_match::Fuzzy,
        SerialMatch::Partial => armsmatch_serial_match::Partial,
        SerialMatch::None => armsmatch_serial_match::None,
        _ => armsmatch_serial_match::Other,
    }
}

pub(crate) fn edit_shape_code(s: EditShape) -> armsmatch_edit_shape {
    match s {
        EditShape::Plain => armsmatch_edit_shape::Plain,
        EditShape::Slip => armsmatch_edit_shape::Slip,
        EditShape::Sibling => armsmatch_edit_shape::Sibling,
        _ => armsmatch_edit_shape::Other,
    }
}

fn serial_match_from_code(code: u32) -> Option<SerialMatch> {
    Some(match code {
        1 => SerialMatch::Exact,
        2 => SerialMatch::Normalized,
        3 => SerialMatch::Confusable,
        4 => SerialMatch::Fuzzy,
        5 => SerialMatch::Partial,
        6 => SerialMatch::None,
        _ => return None,
    })
}

pub(crate) fn field_match_code(m: FieldMatch) -> armsmatch_field_match {
    match m {
        FieldMatch::Same => armsmatch_field_match::Same,
        FieldMatch::Alias => armsmatch_field_match::Alias,
        FieldMatch::Similar => armsmatch_field_match::Similar,
        FieldMatch::Different => armsmatch_field_match::Different,
        FieldMatch::Unknown => armsmatch_field_match::Unknown,
        _ => armsmatch_field_match::Other,
    }
}

fn field_match_from_code(code: u32) -> Option<FieldMatch> {
    Some(match code {
        1 => FieldMatch::Same,
        2 => FieldMatch::Alias,
        3 => FieldMatch::Similar,
        4 => FieldMatch::Different,
        5 => FieldMatch::Unknown,
        _ => return None,
    })
}

pub(crate) fn edit_of(e: &Edit) -> armsmatch_edit {
    let (kind, at, check, record) = match *e {
        Edit::Confusable { at, check, record } => (
            armsmatch_edit_kind::Confusable,
            at,
            check as u32,
            record as u32,
        ),
        Edit::RareConfusion { at, check, record } => (
            armsmatch_edit_kind::RareConfusion,
            at,
            check as u32,
            record as u32,
        ),
        Edit::Substitution { at, check, record } => (
            armsmatch_edit_kind::Substitution,
            at,
            check as u32,
            record as u32,
        ),
        Edit::Transposition { at } => (armsmatch_edit_kind::Transposition, at, 0, 0),
        Edit::Insertion { at, check } => (armsmatch_edit_kind::Insertion, at, check as u32, 0),
        Edit::Deletion { at, record } => (armsmatch_edit_kind::Deletion, at, 0, record as u32),
        _ => (armsmatch_edit_kind::Other, 0, 0, 0),
    };
    armsmatch_edit {
        kind,
        at,
        check,
        record,
    }
}

pub(crate) fn date_of(d: Option<Date>) -> armsmatch_date {
    d.map_or_else(armsmatch_date::default, |d| armsmatch_date {
        year: d.year,
        month: d.month,
        day: d.day,
    })
}

/// Refuses a field longer than core would take before a byte of it is read: a length
/// that is wrong (a `sizeof` of the wrong buffer, a garbage value) then fails as
/// `ARMSMATCH_STATUS_LIMIT_EXCEEDED` instead of reading past the caller's buffer to
/// validate it (core checks the same limits on the text).
/// A NULL pointer, or a length no object can have, is left to [`text_arg`] to refuse
/// (`NULL_ARGUMENT`, `INVALID_ARGUMENT`), which reads nothing either.
fn length_within(ptr: *const c_char, len: usize, limit: usize, what: &str) -> FfiResult<()> {
    if !ptr.is_null() && len <= isize::MAX as usize && len > limit {
        return Err(Failure::from(armsmatch::Error::LimitExceeded {
            what: format!("{what} length in bytes"),
            limit,
            got: len,
        }));
    }
    Ok(())
}

/// [`length_within`] of a record's or a query's text fields.
fn fields_within(fields: &[(*const c_char, usize, usize, &str)]) -> FfiResult<()> {
    fields
        .iter()
        .try_for_each(|&(ptr, len, limit, what)| length_within(ptr, len, limit, what))
}

/// A core [`Record`] from the caller's struct.
///
/// # Safety
///
/// Every non-NULL string pointer of `r` must be valid for reads of its length.
pub(crate) unsafe fn record_from_c(r: &armsmatch_record) -> FfiResult<Record> {
    use armsmatch::limits::{MAX_FIELD_BYTES as FIELD, MAX_SERIAL_BYTES as SERIAL};
    fields_within(&[
        (r.id, r.id_len, FIELD, "record.id"),
        (r.serial, r.serial_len, SERIAL, "record.serial"),
        (r.make, r.make_len, FIELD, "record.make"),
        (r.model, r.model_len, FIELD, "record.model"),
        (r.calibre, r.calibre_len, FIELD, "record.calibre"),
        (r.country, r.country_len, FIELD, "record.country"),
    ])?;
    // SAFETY (all string reads below): the caller's contract for `armsmatch_record`.
    let id = unsafe { text_required(r.id, r.id_len, "record.id") }?.to_string();
    let serial = unsafe { text_arg(r.serial, r.serial_len, "record.serial") }?
        .unwrap_or("")
        .to_string();
    let make = unsafe { text_field(r.make, r.make_len, "record.make") }?;
    let model = unsafe { text_field(r.model, r.model_len, "record.model") }?;
    let calibre = unsafe { text_field(r.calibre, r.calibre_len, "record.calibre") }?;
    let country = unsafe { text_field(r.country, r.country_len, "record.country") }?;
    // The same normalization as a records file: the code is checked and upper-cased.
    let country = country.map(|c| armsmatch::country_code(&c)).transpose()?;
    let kind = kind_from_code(r.kind).ok_or_else(|| {
        Failure::invalid(format!(
            "record.kind {} is not an armsmatch_kind code",
            r.kind
        ))
    })?;
    let status = record_status_from_code(r.status).ok_or_else(|| {
        Failure::invalid(format!(
            "record.status {} is not an armsmatch_record_status code",
            r.status
        ))
    })?;
    let d = r.reported_on;
    let reported_on = if d == armsmatch_date::default() {
        None
    } else {
        Some(Date::new(d.year, d.month, d.day)?)
    };
    Ok(Record {
        id,
        serial,
        make,
        model,
        calibre,
        kind,
        country,
        status,
        reported_on,
    })
}

/// A core [`Query`] from the caller's struct.
///
/// # Safety
///
/// Every non-NULL string pointer of `q` must be valid for reads of its length.
pub(crate) unsafe fn query_from_c(q: &armsmatch_query) -> FfiResult<Query> {
    use armsmatch::limits::{MAX_FIELD_BYTES as FIELD, MAX_SERIAL_BYTES as SERIAL};
    fields_within(&[
        (q.serial, q.serial_len, SERIAL, "query.serial"),
        (q.make, q.make_len, FIELD, "query.make"),
        (q.model, q.model_len, FIELD, "query.model"),
        (q.calibre, q.calibre_len, FIELD, "query.calibre"),
        (q.country, q.country_len, FIELD, "query.country"),
    ])?;
    // SAFETY (all string reads below): the caller's contract for `armsmatch_query`.
    let serial = unsafe { text_arg(q.serial, q.serial_len, "query.serial") }?
        .unwrap_or("")
        .to_string();
    Ok(Query {
        serial,
        make: unsafe { text_field(q.make, q.make_len, "query.make") }?,
        model: unsafe { text_field(q.model, q.model_len, "query.model") }?,
        calibre: unsafe { text_field(q.calibre, q.calibre_len, "query.calibre") }?,
        country: unsafe { text_field(q.country, q.country_len, "query.country") }?,
    })
}

/// NUL-terminated copies of core's names, made once: the names live in core only.
fn names(
    cell: &'static OnceLock<Vec<CString>>,
    make: fn() -> Vec<&'static str>,
) -> &'static [CString] {
    cell.get_or_init(|| {
        make()
            .into_iter()
            .map(|n| CString::new(n).unwrap_or_default())
            .collect()
    })
}

/// Writes the name for `code` (index into `table`) or fails naming the enum.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
unsafe fn write_name(
    name: Option<&'static CStr>,
    code: u32,
    enum_name: &str,
    name_out: *mut *const c_char,
) -> FfiResult {
    let out = out_arg(name_out, "name_out")?;
    let name =
        name.ok_or_else(|| Failure::invalid(format!("{code} is not an {enum_name} code")))?;
    // SAFETY: checked non-NULL; valid for a write by the caller's contract.
    unsafe { write_out(out, name.as_ptr()) };
    Ok(())
}

/// The lowercase name of an `armsmatch_kind` code: "unknown", "pistol", "revolver",
/// "rifle", "shotgun", "submachine_gun", "machine_gun", "other" (static,
/// NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_kind_name(
    kind: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    boundary("armsmatch_kind_name", || {
        let table = names(&NAMES, || {
            std::iter::once("unknown")
                .chain((1..=7).filter_map(|c| kind_from_code(c).flatten().map(Kind::as_str)))
                .collect()
        });
        let name = table.get(kind as usize).map(CString::as_c_str);
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, kind, "armsmatch_kind", name_out) }
    })
}

/// The lowercase name of an `armsmatch_record_status` code: "unknown", "lost",
/// "stolen", "trafficked", "smuggled", "other" (static, NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_record_status_name(
    status: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    boundary("armsmatch_record_status_name", || {
        let table = names(&NAMES, || {
            std::iter::once("unknown")
                .chain(
                    (1..=5)
                        .filter_map(|c| record_status_from_code(c).flatten().map(Status::as_str)),
                )
                .collect()
        });
        let name = table.get(status as usize).map(CString::as_c_str);
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, status, "armsmatch_record_status", name_out) }
    })
}

/// The lowercase name of an `armsmatch_serial_match` code, as in hits files: "exact",
/// "normalized", "confusable", "fuzzy", "partial", "none" (static, NUL-terminated;
/// never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
/// ARMSMATCH_SERIAL_MATCH_OTHER, which has no name).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_serial_match_name(
    serial_match: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    boundary("armsmatch_serial_match_name", || {
        let table = names(&NAMES, || {
            (1..=6)
                .filter_map(|c| serial_match_from_code(c).map(SerialMatch::as_str))
                .collect()
        });
        let name = (serial_match as usize)
            .checked_sub(1)
            .and_then(|i| table.get(i))
            .map(CString::as_c_str);
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, serial_match, "armsmatch_serial_match", name_out) }
    })
}

/// The lowercase name of an `armsmatch_field_match` code, as in hits files: "same",
/// "alias", "similar", "different", "unknown" (static, NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
/// ARMSMATCH_FIELD_MATCH_OTHER, which has no name).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_field_match_name(
    field_match: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    boundary("armsmatch_field_match_name", || {
        let table = names(&NAMES, || {
            (1..=5)
                .filter_map(|c| field_match_from_code(c).map(FieldMatch::as_str))
                .collect()
        });
        let name = (field_match as usize)
            .checked_sub(1)
            .and_then(|i| table.get(i))
            .map(CString::as_c_str);
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, field_match, "armsmatch_field_match", name_out) }
    })
}

/// The lowercase name of an `armsmatch_edit_kind` code: "confusable",
/// "rare_confusion", "substitution", "transposition", "insertion", "deletion" (static,
/// NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
/// ARMSMATCH_EDIT_KIND_OTHER, which has no name).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_edit_kind_name(
    edit_kind: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    boundary("armsmatch_edit_kind_name", || {
        // The names of core's `Edit` tags (serde `op`), which core keeps private to its
        // serialization; listed here once.
        let name = match edit_kind {
            1 => Some(c"confusable"),
            2 => Some(c"rare_confusion"),
            3 => Some(c"substitution"),
            4 => Some(c"transposition"),
            5 => Some(c"insertion"),
            6 => Some(c"deletion"),
            _ => None,
        };
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, edit_kind, "armsmatch_edit_kind", name_out) }
    })
}

/// The lowercase name of an `armsmatch_edit_shape` code: "plain", "slip", "sibling"
/// (static, NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
/// ARMSMATCH_EDIT_SHAPE_OTHER, which has no name).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_edit_shape_name(
    edit_shape: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    boundary("armsmatch_edit_shape_name", || {
        let table = names(&NAMES, || {
            [EditShape::Plain, EditShape::Slip, EditShape::Sibling]
                .into_iter()
                .map(EditShape::as_str)
                .collect()
        });
        let name = (edit_shape as usize)
            .checked_sub(1)
            .and_then(|i| table.get(i))
            .map(CString::as_c_str);
        // SAFETY: forwarded contract for `name_out`.
        unsafe { write_name(name, edit_shape, "armsmatch_edit_shape", name_out) }
    })
}

/// The calibrated score of a hit of this `evidence` (serial score × identity factor):
/// the probability that the record is the checked firearm, in [0, 1], rising with the
/// evidence. Evidence outside [0, 1] is clamped; NaN counts as 0. A hit's score is
/// `armsmatch_calibrate` of its `armsmatch_hit_evidence` (for a partial serial matching
/// several registered serials, shared among them: `armsmatch_hit_shared_with`).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `probability_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_calibrate(
    evidence: f32,
    probability_out: *mut f32,
) -> armsmatch_status {
    boundary("armsmatch_calibrate", || {
        let out = out_arg(probability_out, "probability_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, armsmatch::calibrate(evidence)) };
        Ok(())
    })
}

/// The library version, e.g. "0.1.0" (static, NUL-terminated; never freed).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `version_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_version(version_out: *mut *const c_char) -> armsmatch_status {
    static VERSION: OnceLock<CString> = OnceLock::new();
    boundary("armsmatch_version", || {
        let out = out_arg(version_out, "version_out")?;
        let v = VERSION.get_or_init(|| CString::new(armsmatch::VERSION).unwrap_or_default());
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, v.as_ptr()) };
        Ok(())
    })
}

/// The documented limits (see `armsmatch_limits`).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `limits_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_get_limits(
    limits_out: *mut armsmatch_limits,
) -> armsmatch_status {
    boundary("armsmatch_get_limits", || {
        let out = out_arg(limits_out, "limits_out")?;
        let l = armsmatch_limits {
            max_serial_bytes: limits::MAX_SERIAL_BYTES,
            max_key_chars: limits::MAX_KEY_CHARS,
            max_field_bytes: limits::MAX_FIELD_BYTES,
            max_edits: u32::from(limits::MAX_EDITS),
            max_wildcards: limits::MAX_WILDCARDS,
            min_known_chars: limits::MIN_KNOWN_CHARS,
            max_top: limits::MAX_TOP,
            max_candidates: limits::MAX_CANDIDATES,
            max_records: limits::MAX_RECORDS,
            max_threads: ARMSMATCH_MAX_THREADS,
        };
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, l) };
        Ok(())
    })
}
