//! `armsmatch_builder`: collects records and builds an index.

use std::ffi::c_char;
use std::sync::Arc;

use armsmatch::io::{for_each_record, Encoding, ReadOptions};
use armsmatch::{IndexBuilder, Reference};

use crate::boundary::{
    boundary, boundary_void, free_handle, handle_mut, handle_ref, into_handle, on_path, out_arg,
    path_arg, write_out, Failure, Handle,
};
use crate::index::armsmatch_index;
use crate::reference::armsmatch_reference;
use crate::status::armsmatch_status;
use crate::values::{armsmatch_record, encoding_from_code, record_from_c};

/// Collects records and builds an `armsmatch_index` (opaque).
///
/// Thread safety: a builder is used by one thread at a time (it may move between
/// threads).
pub struct armsmatch_builder {
    _private: [u8; 0],
}

/// The value behind `armsmatch_builder`.
pub(crate) struct Builder {
    inner: IndexBuilder,
    reference: Arc<Reference>,
}

impl Builder {
    fn new(reference: Arc<Reference>) -> Builder {
        Builder {
            inner: IndexBuilder::with_reference(Arc::clone(&reference)),
            reference,
        }
    }
}

impl Handle for armsmatch_builder {
    type Inner = Builder;
}

/// What reading a records file did.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct armsmatch_read_report {
    /// Rows read.
    pub rows: u64,
    /// Rows skipped as malformed (only with `skip_bad_rows`).
    pub skipped: u64,
}

/// Makes a builder that compares names with the embedded reference. Free it with
/// `armsmatch_builder_free`.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `builder_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_new(
    builder_out: *mut *mut armsmatch_builder,
) -> armsmatch_status {
    boundary("armsmatch_builder_new", || {
        let out = out_arg(builder_out, "builder_out")?;
        let b = Builder::new(Reference::embedded_arc());
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle(b)) };
        Ok(())
    })
}

/// Makes a builder that compares names with a reference of your own (copied; it is
/// stored in the index and its file). Free it with `armsmatch_builder_free`.
///
/// Thread safety: any thread; `reference` may be read by other threads meanwhile.
///
/// # Safety
///
/// `reference` must be NULL or a live reference handle; `builder_out` NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_new_with_reference(
    reference: *const armsmatch_reference,
    builder_out: *mut *mut armsmatch_builder,
) -> armsmatch_status {
    boundary("armsmatch_builder_new_with_reference", || {
        // SAFETY: forwarded contract.
        let reference = unsafe { handle_ref(reference, "reference") }?;
        let out = out_arg(builder_out, "builder_out")?;
        let b = Builder::new(Arc::new(reference.clone()));
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle(b)) };
        Ok(())
    })
}

/// Adds one record (copied).
///
/// Fails with ARMSMATCH_STATUS_NULL_ARGUMENT (a NULL string with a nonzero length),
/// INVALID_UTF8, INVALID_ARGUMENT (empty id, NULL included; a country code not of two or three letters, impossible
/// date, unknown kind or status code) or LIMIT_EXCEEDED (a field over `armsmatch_limits`); the record is then not
/// added. A duplicate id is reported by `armsmatch_builder_build`.
///
/// Thread safety: not while another thread uses `builder`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder handle; `record` NULL or a valid record whose
/// string pointers are valid for reads of their lengths.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_add(
    builder: *mut armsmatch_builder,
    record: *const armsmatch_record,
) -> armsmatch_status {
    boundary("armsmatch_builder_add", || {
        // SAFETY: forwarded contract.
        let b = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: a non-NULL `record` points to a valid struct (the caller's contract).
        let r = unsafe { record.as_ref() }.ok_or_else(|| Failure::null("record"))?;
        // SAFETY: the record's string pointers are valid for their lengths (contract).
        let record = unsafe { record_from_c(r) }?;
        b.inner.add(record)?;
        Ok(())
    })
}

/// Adds every record of a records file: CSV with a header row
/// (`record_id,make,model,serial,calibre,type,country,status,reported_on`; unknown
/// columns ignored; separated by `,`, or by `;`, a tab or `|` when the header read so holds
/// the required columns), or JSON Lines when the name ends in `.jsonl`, `.ndjson` or
/// `.json`. The file is UTF-8; `armsmatch_builder_add_file_encoded` reads other
/// encodings.
///
/// With `skip_bad_rows` false, the first malformed row fails the call with
/// ARMSMATCH_STATUS_PARSE, the message naming the file, line and column; the rows before
/// it stay added (build anyway, or free the builder). With `skip_bad_rows` true,
/// malformed rows are skipped and counted in the report, and a record whose id and
/// serial are good but whose country, date, make, model or calibre cannot be read
/// goes in without that field (not counted as skipped). A missing file or a missing
/// required column fails either way (ARMSMATCH_STATUS_IO, ARMSMATCH_STATUS_PARSE), and so
/// does a path that is a directory (ARMSMATCH_STATUS_IO), empty or holding a NUL byte
/// (ARMSMATCH_STATUS_INVALID_ARGUMENT).
/// `report_out` may be NULL.
///
/// Thread safety: not while another thread uses `builder`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder handle; `path` valid for reads of `path_len`
/// bytes; `report_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_add_file(
    builder: *mut armsmatch_builder,
    path: *const c_char,
    path_len: usize,
    skip_bad_rows: bool,
    report_out: *mut armsmatch_read_report,
) -> armsmatch_status {
    boundary("armsmatch_builder_add_file", || {
        // SAFETY: forwarded contract.
        unsafe {
            add_file(
                builder,
                path,
                path_len,
                skip_bad_rows,
                Encoding::Utf8,
                report_out,
            )
        }
    })
}

/// `armsmatch_builder_add_file` for a file in another character encoding: `encoding` is
/// an `armsmatch_encoding` code (ARMSMATCH_ENCODING_WINDOWS1252 for western European
/// exports, ARMSMATCH_ENCODING_WINDOWS1251 for Cyrillic ones, …). The encoding is never
/// guessed: a file that is not UTF-8 read as UTF-8 fails with ARMSMATCH_STATUS_PARSE
/// naming the line and column. An unknown code is ARMSMATCH_STATUS_INVALID_ARGUMENT.
///
/// Thread safety: not while another thread uses `builder`.
///
/// # Safety
///
/// As `armsmatch_builder_add_file`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_add_file_encoded(
    builder: *mut armsmatch_builder,
    path: *const c_char,
    path_len: usize,
    skip_bad_rows: bool,
    encoding: u32,
    report_out: *mut armsmatch_read_report,
) -> armsmatch_status {
    boundary("armsmatch_builder_add_file_encoded", || {
        let encoding = encoding_from_code(encoding).ok_or_else(|| {
            Failure::invalid(format!(
                "encoding {encoding} is not an armsmatch_encoding code"
            ))
        })?;
        // SAFETY: forwarded contract.
        unsafe { add_file(builder, path, path_len, skip_bad_rows, encoding, report_out) }
    })
}

/// The body of both `add_file` functions.
///
/// # Safety
///
/// As `armsmatch_builder_add_file`.
unsafe fn add_file(
    builder: *mut armsmatch_builder,
    path: *const c_char,
    path_len: usize,
    skip_bad_rows: bool,
    encoding: Encoding,
    report_out: *mut armsmatch_read_report,
) -> Result<(), Failure> {
    // SAFETY: forwarded contract.
    let b = unsafe { handle_mut(builder, "builder") }?;
    // SAFETY: forwarded contract.
    let path = unsafe { path_arg(path, path_len, "path") }?;
    let read = ReadOptions {
        skip_bad_rows,
        encoding,
    };
    let report = on_path(path, |p| for_each_record(p, read, |r| b.inner.add(r)))?;
    if let Some(out) = std::ptr::NonNull::new(report_out) {
        let r = armsmatch_read_report {
            rows: report.rows,
            skipped: report.skipped,
        };
        // SAFETY: non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, r) };
    }
    Ok(())
}

/// The number of records added so far.
///
/// Thread safety: not while another thread changes `builder`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder handle; `len_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_len(
    builder: *const armsmatch_builder,
    len_out: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_builder_len", || {
        // SAFETY: forwarded contract.
        let b = unsafe { handle_ref(builder, "builder") }?;
        let out = out_arg(len_out, "len_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, b.inner.len()) };
        Ok(())
    })
}

/// Builds the index from the records added. Free it with `armsmatch_index_free`.
///
/// Once its arguments are valid, whether it succeeds or fails, the builder is empty
/// afterwards (same reference) and may be reused or freed; a NULL `index_out`
/// (ARMSMATCH_STATUS_NULL_ARGUMENT) leaves its records in it. Fails with
/// ARMSMATCH_STATUS_DUPLICATE_ID if two records share an id (the message names one).
///
/// Thread safety: not while another thread uses `builder`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder handle; `index_out` NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_build(
    builder: *mut armsmatch_builder,
    index_out: *mut *mut armsmatch_index,
) -> armsmatch_status {
    boundary("armsmatch_builder_build", || {
        // SAFETY: forwarded contract.
        let b = unsafe { handle_mut(builder, "builder") }?;
        let out = out_arg(index_out, "index_out")?;
        let fresh = IndexBuilder::with_reference(Arc::clone(&b.reference));
        let index = std::mem::replace(&mut b.inner, fresh).build()?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle::<armsmatch_index>(index)) };
        Ok(())
    })
}

/// Frees a builder and the records it holds. NULL is a no-op.
///
/// Thread safety: no other thread may use the handle during or after the call.
///
/// # Safety
///
/// `builder` must be NULL or a live builder handle, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_builder_free(builder: *mut armsmatch_builder) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_builder_free", || unsafe { free_handle(builder) });
}
