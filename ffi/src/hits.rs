//! `armsmatch_hits`: the ranked hits of one check, and every field of a hit, its record
//! and its explanation.

use std::ffi::c_char;

use armsmatch::{Hit, Query};

use crate::boundary::{
    borrow_out, boundary, boundary_void, copy_text, free_handle, handle_ref, out_arg,
    text_required, write_out, Failure, FfiResult, Handle, Text,
};
use crate::status::armsmatch_status;
use crate::values::{
    armsmatch_date, armsmatch_edit, armsmatch_edit_shape, armsmatch_field_match, armsmatch_kind,
    armsmatch_record_status, armsmatch_serial_match, date_of, edit_of, edit_shape_code,
    field_match_code, kind_code, record_status_code, serial_match_code,
};

/// The hits of one check (opaque), ranked by score (ties: first the record that names more
/// of make, model and calibre as the check does, then by record id). Hit `i` is
/// `0 <= i < armsmatch_hits_len`; a larger `i` fails with ARMSMATCH_STATUS_OUT_OF_RANGE.
///
/// Strings handed out by the accessors are borrowed from the handle: valid until it is
/// freed, never to be freed by the caller. They are also NUL-terminated (`ptr[len] ==
/// '\0'`), but the length is authoritative.
///
/// The handle keeps a copy of the query that produced the hits, so the caller's query
/// strings need not outlive the check; `armsmatch_hit_trace_request_json` takes the
/// firearm's identification from it.
///
/// Thread safety: a hits handle never changes; any number of threads may read it at
/// once. It does not depend on the index: it stays valid after the index is changed or
/// freed.
pub struct armsmatch_hits {
    _private: [u8; 0],
}

/// One hit with NUL-terminated copies of the strings handed out.
pub(crate) struct Entry {
    hit: Hit,
    id: Text,
    serial: Text,
    make: Option<Text>,
    model: Option<Text>,
    calibre: Option<Text>,
    country: Option<Text>,
    check_key: Text,
    record_key: Text,
}

/// The value behind `armsmatch_hits`: the hits and the check that produced them (a copy,
/// for `armsmatch_hit_trace_request_json`).
pub(crate) struct Hits {
    entries: Vec<Entry>,
    query: Query,
    /// The reference of the index that found the hits (the trace request's country of
    /// manufacture, a register's own makes included).
    reference: std::sync::Arc<armsmatch::Reference>,
}

impl Hits {
    pub(crate) fn new(
        hits: Vec<Hit>,
        query: Query,
        reference: std::sync::Arc<armsmatch::Reference>,
    ) -> Hits {
        let entries = hits
            .into_iter()
            .map(|hit| {
                let r = &hit.record;
                let s = &hit.explanation.serial;
                Entry {
                    id: Text::new(&r.id),
                    serial: Text::new(&r.serial),
                    make: r.make.as_deref().map(Text::new),
                    model: r.model.as_deref().map(Text::new),
                    calibre: r.calibre.as_deref().map(Text::new),
                    country: r.country.as_deref().map(Text::new),
                    check_key: Text::new(&s.check_key),
                    record_key: Text::new(&s.record_key),
                    hit,
                }
            })
            .collect();
        Hits {
            entries,
            query,
            reference,
        }
    }

    fn entry(&self, i: usize) -> FfiResult<&Entry> {
        self.entries
            .get(i)
            .ok_or_else(|| Failure::out_of_range("hit", i, self.entries.len()))
    }

    #[cfg(test)]
    pub(crate) fn ids(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.id.as_str()).collect()
    }
}

impl Handle for armsmatch_hits {
    type Inner = Hits;
}

/// Runs `f` on hit `i` and writes its value to `out`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
unsafe fn hit_value<T>(
    function: &str,
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut T,
    f: impl FnOnce(&Entry) -> T,
) -> armsmatch_status {
    boundary(function, || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let out = out_arg(out, "out")?;
        let value = f(hits.entry(i)?);
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, value) };
        Ok(())
    })
}

/// Hands out a borrowed string of hit `i`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; the out-parameters NULL or valid for writes.
unsafe fn hit_text(
    function: &str,
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
    f: impl FnOnce(&Entry) -> Option<&Text>,
) -> armsmatch_status {
    boundary(function, || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let text = f(hits.entry(i)?);
        // SAFETY: forwarded contract; the text lives as long as the hits handle.
        unsafe { borrow_out(text, ptr_out, len_out) }
    })
}

/// The number of hits (0 when nothing was found).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `len_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hits_len(
    hits: *const armsmatch_hits,
    len_out: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_hits_len", || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let out = out_arg(len_out, "len_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, hits.entries.len()) };
        Ok(())
    })
}

/// The score of hit `i`, in [0, 1]: the calibrated probability that the record is the
/// checked firearm (`armsmatch_hit_evidence` calibrated, shared among the serials a
/// partial serial matches: `armsmatch_hit_shared_with`).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `score_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_score(
    hits: *const armsmatch_hits,
    i: usize,
    score_out: *mut f32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe { hit_value("armsmatch_hit_score", hits, i, score_out, |e| e.hit.score) }
}

/// The id of the record of hit `i` (borrowed until `hits` is freed; never NULL).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `ptr_out` and `len_out` NULL or valid for
/// writes.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_id(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text("armsmatch_hit_record_id", hits, i, ptr_out, len_out, |e| {
            Some(&e.id)
        })
    }
}

/// The serial of the record of hit `i`, as registered (borrowed until `hits` is freed;
/// never NULL, possibly empty).
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_serial(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_record_serial",
            hits,
            i,
            ptr_out,
            len_out,
            |e| Some(&e.serial),
        )
    }
}

/// The make of the record of hit `i`, as registered (borrowed until `hits` is freed); NULL
/// with length 0 when unknown.
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_make(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_record_make",
            hits,
            i,
            ptr_out,
            len_out,
            |e| e.make.as_ref(),
        )
    }
}

/// The model of the record of hit `i` (borrowed until `hits` is freed); NULL with length
/// 0 when unknown.
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_model(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_record_model",
            hits,
            i,
            ptr_out,
            len_out,
            |e| e.model.as_ref(),
        )
    }
}

/// The calibre of the record of hit `i` (borrowed until `hits` is freed); NULL with
/// length 0 when unknown.
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_calibre(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_record_calibre",
            hits,
            i,
            ptr_out,
            len_out,
            |e| e.calibre.as_ref(),
        )
    }
}

/// The reporting country of the record of hit `i`, ISO 3166-1 (borrowed until `hits` is
/// freed); NULL with length 0 when unknown.
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_country(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_record_country",
            hits,
            i,
            ptr_out,
            len_out,
            |e| e.country.as_ref(),
        )
    }
}

/// The kind of firearm of the record of hit `i` (ARMSMATCH_KIND_UNKNOWN when not
/// recorded).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `kind_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_kind(
    hits: *const armsmatch_hits,
    i: usize,
    kind_out: *mut armsmatch_kind,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_record_kind", hits, i, kind_out, |e| {
            e.hit.record.kind.map_or(armsmatch_kind::Unknown, kind_code)
        })
    }
}

/// Why the firearm of hit `i` is registered (ARMSMATCH_RECORD_STATUS_UNKNOWN when not
/// recorded).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `status_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_status(
    hits: *const armsmatch_hits,
    i: usize,
    status_out: *mut armsmatch_record_status,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_record_status", hits, i, status_out, |e| {
            e.hit
                .record
                .status
                .map_or(armsmatch_record_status::Unknown, record_status_code)
        })
    }
}

/// When the firearm of hit `i` was reported (all zero when not recorded).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `date_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_record_reported_on(
    hits: *const armsmatch_hits,
    i: usize,
    date_out: *mut armsmatch_date,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_record_reported_on", hits, i, date_out, |e| {
            date_of(e.hit.record.reported_on)
        })
    }
}

/// How the serial of hit `i` matched: exact, normalized, confusable, fuzzy, partial or
/// none.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_match(
    hits: *const armsmatch_hits,
    i: usize,
    match_out: *mut armsmatch_serial_match,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_match", hits, i, match_out, |e| {
            serial_match_code(e.hit.explanation.serial.kind)
        })
    }
}

/// The plain edit distance (optimal string alignment) between the two serial keys of hit
/// `i`; for a partial match, the number of characters of the record key the wildcards
/// stood for.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `distance_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_distance(
    hits: *const armsmatch_hits,
    i: usize,
    distance_out: *mut u32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value(
            "armsmatch_hit_serial_distance",
            hits,
            i,
            distance_out,
            |e| u32::from(e.hit.explanation.serial.distance),
        )
    }
}

/// The check's normalized serial key that matched in hit `i` (borrowed until `hits` is
/// freed; never NULL, empty when no serial was compared).
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_check_key(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_serial_check_key",
            hits,
            i,
            ptr_out,
            len_out,
            |e| Some(&e.check_key),
        )
    }
}

/// The record's normalized serial key that matched in hit `i` (borrowed until `hits` is
/// freed; never NULL, empty when no serial was compared).
///
/// # Safety
///
/// As `armsmatch_hit_record_id`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_record_key(
    hits: *const armsmatch_hits,
    i: usize,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_text(
            "armsmatch_hit_serial_record_key",
            hits,
            i,
            ptr_out,
            len_out,
            |e| Some(&e.record_key),
        )
    }
}

/// True if the serial match of hit `i` went through a transliteration of a Cyrillic or
/// Greek serial.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_transliterated(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut bool,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_transliterated", hits, i, out, |e| {
            e.hit.explanation.serial.transliterated
        })
    }
}

/// True if the serial match of hit `i` went through the check's other Latin spelling
/// of a Cyrillic marking (`BC1234` read as `VS1234`), for a make that marks in
/// Cyrillic; such a match is counted as transliterated too.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_reading(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut bool,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_reading", hits, i, out, |e| {
            e.hit.explanation.serial.reading
        })
    }
}

/// The number of edits in the serial alignment of hit `i` (confusable and fuzzy
/// matches; 0 otherwise).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `len_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_edits_len(
    hits: *const armsmatch_hits,
    i: usize,
    len_out: *mut usize,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_edits_len", hits, i, len_out, |e| {
            e.hit.explanation.serial.edits.len()
        })
    }
}

/// Edit `j` of the serial alignment of hit `i` (positions from 0; see `armsmatch_edit`).
/// Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` or `j` is past the end.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `edit_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_edit(
    hits: *const armsmatch_hits,
    i: usize,
    j: usize,
    edit_out: *mut armsmatch_edit,
) -> armsmatch_status {
    boundary("armsmatch_hit_serial_edit", || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let out = out_arg(edit_out, "edit_out")?;
        let edits = &hits.entry(i)?.hit.explanation.serial.edits;
        let edit = edits
            .get(j)
            .ok_or_else(|| Failure::out_of_range("edit", j, edits.len()))?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, edit_of(edit)) };
        Ok(())
    })
}

/// The shape of the serial edits of hit `i` (ARMSMATCH_EDIT_SHAPE_PLAIN for one edit
/// or none): two or more edits shaped like a slip of the hand cost less, shaped like
/// a sibling firearm's serial more (the explanation text says so: "shaped like a slip,
/// cost ×0.85").
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `shape_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_shape(
    hits: *const armsmatch_hits,
    i: usize,
    shape_out: *mut armsmatch_edit_shape,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_shape", hits, i, shape_out, |e| {
            edit_shape_code(e.hit.explanation.serial.shape())
        })
    }
}

/// How the make of the check agrees with the record of hit `i`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_make_match(
    hits: *const armsmatch_hits,
    i: usize,
    match_out: *mut armsmatch_field_match,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_make_match", hits, i, match_out, |e| {
            field_match_code(e.hit.explanation.make)
        })
    }
}

/// How the model of the check agrees with the record of hit `i`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_model_match(
    hits: *const armsmatch_hits,
    i: usize,
    match_out: *mut armsmatch_field_match,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_model_match", hits, i, match_out, |e| {
            field_match_code(e.hit.explanation.model)
        })
    }
}

/// How the calibre of the check agrees with the record of hit `i`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_calibre_match(
    hits: *const armsmatch_hits,
    i: usize,
    match_out: *mut armsmatch_field_match,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_calibre_match", hits, i, match_out, |e| {
            field_match_code(e.hit.explanation.calibre)
        })
    }
}

/// The serial's part of the score of hit `i`, in [0, 1].
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_serial_score(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut f32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_serial_score", hits, i, out, |e| {
            e.hit.explanation.serial_score
        })
    }
}

/// The identity part of the score of hit `i` (make, model and calibre as one tiered
/// comparison), in [0, 1].
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_identity_factor(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut f32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_identity_factor", hits, i, out, |e| {
            e.hit.explanation.identity_factor
        })
    }
}

/// The evidence of hit `i`: serial score × identity factor, in [0, 1]. The hit's score
/// is this evidence calibrated into a probability (`armsmatch_calibrate`), shared with
/// the other serials a partial serial matches (`armsmatch_hit_shared_with`).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_evidence(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut f32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_evidence", hits, i, out, |e| {
            e.hit.explanation.evidence()
        })
    }
}

/// How many other registered serials the check's partial serial (`?`, `*`) matches as
/// well as hit `i`'s (0 for a full serial). Only one can be the checked firearm, so the
/// score shares the probability with them: with calibrated odds `o = p / (1 − p)`,
/// `score = o / (1 + o + the others' odds)`.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_shared_with(
    hits: *const armsmatch_hits,
    i: usize,
    out: *mut u32,
) -> armsmatch_status {
    // SAFETY: forwarded contract.
    unsafe {
        hit_value("armsmatch_hit_shared_with", hits, i, out, |e| {
            e.hit.explanation.shared_with
        })
    }
}

/// Copies the readable explanation of hit `i` into `buf` (`snprintf`-style, as
/// `armsmatch_last_error_message`; `written` may be NULL), e.g. "serial fuzzy (BA123456
/// vs AB123456; transposition at 1); make same, model unknown, calibre unknown; score
/// 0.97 (probability of the same firearm) from evidence 0.78 = serial 0.82 × identity
/// 0.95". Positions in the text count characters of the record key from 1, for people;
/// `armsmatch_edit.at` counts from 0 (the edit above has `at == 0`).
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; a non-NULL `buf` valid for writes of
/// `buf_len` bytes; `written` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hit_explanation_text(
    hits: *const armsmatch_hits,
    i: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_hit_explanation_text", || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let text = hits.entry(i)?.hit.explanation.to_string();
        // SAFETY: forwarded contract.
        unsafe { copy_text(&text, buf, buf_len, written) }
    })
}

/// Frees a hits handle from `armsmatch_index_check`; the strings borrowed from it become
/// invalid. NULL is a no-op. Never pass a hits handle borrowed from a batch.
///
/// Thread safety: no other thread may use the handle during or after the call.
///
/// # Safety
///
/// `hits` must be NULL or a live, owned hits handle, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_hits_free(hits: *mut armsmatch_hits) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_hits_free", || unsafe { free_handle(hits) });
}

/// Writes a draft trace request built from hit `i` as JSON into `buf` (the schema of
/// `armsmatch trace export`: `{"request": …, "missing": […]}`): the firearm's
/// identification prefilled from the check that produced `hits` (remembered by the
/// handle: for a batch, each query's own) and from the record, the suggested addressees
/// (country of manufacture from the embedded reference, the record's reporting country),
/// the hit as evidence, and the essential fields still missing. `country` (ISO 3166-1
/// alpha-3), `agency` and `case_ref` describe the requester. Copies `snprintf`-style, as
/// `armsmatch_last_error_message` (`buf` may be NULL with `buf_len` 0 to ask for the
/// length; `written` may be NULL).
///
/// Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end and
/// ARMSMATCH_STATUS_INVALID_ARGUMENT for a `country` that is not a country code of two or
/// three letters (read as a record's `country`) or
/// an empty `agency`, ARMSMATCH_STATUS_LIMIT_EXCEEDED for an `agency` or `case_ref` over
/// the field length limit (`max_field_bytes` of `armsmatch_get_limits`); `case_ref` may be
/// empty (it is then listed as missing).
///
/// Thread safety: any number of threads may read one hits handle at once.
///
/// # Safety
///
/// `hits` must be NULL or a live hits handle; `country`, `agency` and `case_ref` valid
/// for reads of their lengths; a non-NULL `buf` valid for writes of `buf_len` bytes;
/// `written` NULL or valid for a write.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn armsmatch_hit_trace_request_json(
    hits: *const armsmatch_hits,
    i: usize,
    country: *const c_char,
    country_len: usize,
    agency: *const c_char,
    agency_len: usize,
    case_ref: *const c_char,
    case_ref_len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_hit_trace_request_json", || {
        // SAFETY: forwarded contract.
        let hits = unsafe { handle_ref(hits, "hits") }?;
        let hit = &hits.entry(i)?.hit;
        // SAFETY: each string is valid for reads of its length (contract).
        let (country, agency, case_ref) = unsafe {
            (
                text_required(country, country_len, "country")?,
                text_required(agency, agency_len, "agency")?,
                text_required(case_ref, case_ref_len, "case_ref")?,
            )
        };
        let actor = armsmatch::trace::Actor {
            country: country.to_string(),
            agency: agency.to_string(),
            officer: None,
        };
        let request = armsmatch::trace::TraceRequest::from_hit(
            hit,
            &hits.query,
            &actor,
            case_ref,
            &hits.reference,
        )?;
        // Serialized straight to text, not through `serde_json::json!`: a
        // `serde_json::Value` holds every number as an f64, so the f32 scores came out
        // widened (0.99 as 0.9900000095367432) instead of in their shortest f32 form.
        let invalid = |e: serde_json::Error| Failure::invalid(e.to_string());
        let text = format!(
            "{{\"request\":{},\"missing\":{}}}",
            serde_json::to_string(&request).map_err(invalid)?,
            serde_json::to_string(&request.completeness()).map_err(invalid)?
        );
        // SAFETY: forwarded contract.
        unsafe { copy_text(&text, buf, buf_len, written) }
    })
}
