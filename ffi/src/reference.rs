//! `armsmatch_reference`: canonical makes, models and calibres with their aliases.

use std::ffi::c_char;

use armsmatch::Reference;

use crate::boundary::{
    boundary, boundary_void, copy_text, free_handle, handle_mut, handle_ref, into_handle, on_path,
    out_arg, path_arg, text_required, write_out, Handle,
};
use crate::status::armsmatch_status;

/// Reference data (opaque): canonical makes, models and calibres with aliases,
/// misspellings and related calibres, against which names are compared. An index
/// built with a reference keeps its own copy (stored in the index file), so a
/// reference handle can be freed once the builder is made.
///
/// Thread safety: read-only calls may run on many threads at once;
/// `armsmatch_reference_extend_from_file` needs the handle to itself.
pub struct armsmatch_reference {
    _private: [u8; 0],
}

impl Handle for armsmatch_reference {
    type Inner = Reference;
}

/// Makes a copy of the reference embedded in the library (the default of every
/// builder). Free it with `armsmatch_reference_free`.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `reference_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_embedded(
    reference_out: *mut *mut armsmatch_reference,
) -> armsmatch_status {
    boundary("armsmatch_reference_embedded", || {
        let out = out_arg(reference_out, "reference_out")?;
        let handle = into_handle::<armsmatch_reference>(Reference::embedded().clone());
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, handle) };
        Ok(())
    })
}

/// Parses reference data from TOML text (`text`, `text_len` bytes, UTF-8; the format of
/// the core crate's `reference` module: `[[calibre]]` and `[[make]]` tables). Empty text
/// (also (NULL, 0)) is a reference without entries.
///
/// Fails with ARMSMATCH_STATUS_REFERENCE if the text is not valid reference data.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `text` must be valid for reads of `text_len` bytes; `reference_out` NULL or valid for
/// a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_from_toml(
    text: *const c_char,
    text_len: usize,
    reference_out: *mut *mut armsmatch_reference,
) -> armsmatch_status {
    boundary("armsmatch_reference_from_toml", || {
        let out = out_arg(reference_out, "reference_out")?;
        // SAFETY: forwarded contract.
        let text = unsafe { text_required(text, text_len, "text") }?;
        let reference = Reference::from_toml_str(text)?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle(reference)) };
        Ok(())
    })
}

/// Reads reference data from a TOML file (`path`, `path_len` bytes, UTF-8).
///
/// Fails with ARMSMATCH_STATUS_IO if the file cannot be read (or is a directory),
/// ARMSMATCH_STATUS_REFERENCE if it is not valid reference data, and
/// ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with a NUL byte.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `path` must be valid for reads of `path_len` bytes; `reference_out` NULL or valid for
/// a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_load(
    path: *const c_char,
    path_len: usize,
    reference_out: *mut *mut armsmatch_reference,
) -> armsmatch_status {
    boundary("armsmatch_reference_load", || {
        let out = out_arg(reference_out, "reference_out")?;
        // SAFETY: forwarded contract.
        let path = unsafe { path_arg(path, path_len, "path") }?;
        let reference = on_path(path, Reference::load)?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle(reference)) };
        Ok(())
    })
}

/// Adds the entries of a TOML file to a reference: new makes and calibres are added; an
/// entry whose canonical name is known merges its aliases and models into it.
///
/// Fails as `armsmatch_reference_load` (ARMSMATCH_STATUS_IO, REFERENCE or
/// INVALID_ARGUMENT); the reference is then unchanged.
///
/// Thread safety: not while another thread uses `reference`.
///
/// # Safety
///
/// `reference` must be NULL or a live reference handle; `path` valid for reads of
/// `path_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_extend_from_file(
    reference: *mut armsmatch_reference,
    path: *const c_char,
    path_len: usize,
) -> armsmatch_status {
    boundary("armsmatch_reference_extend_from_file", || {
        // SAFETY: forwarded contract.
        let reference = unsafe { handle_mut(reference, "reference") }?;
        // SAFETY: forwarded contract.
        let path = unsafe { path_arg(path, path_len, "path") }?;
        // `extend` rebuilds and swaps only on success, so a failure leaves it unchanged.
        on_path(path, |p| reference.extend_from_file(p))?;
        Ok(())
    })
}

/// Copies the version label of the reference data into `buf` (`snprintf`-style, as
/// `armsmatch_last_error_message`).
///
/// Thread safety: any thread, concurrently with other read-only calls.
///
/// # Safety
///
/// `reference` must be NULL or a live reference handle; a non-NULL `buf` valid for
/// writes of `buf_len` bytes; `written` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_version(
    reference: *const armsmatch_reference,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_reference_version", || {
        // SAFETY: forwarded contract.
        let reference = unsafe { handle_ref(reference, "reference") }?;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&reference.data().version, buf, buf_len, written) }
    })
}

/// Copies the canonical name of a make into `buf` (`snprintf`-style): "S&W", "Smith and
/// Wesson" and "SMITH & WESSON INC" all give "Smith & Wesson". A make the reference does
/// not know gives its normalized text.
///
/// Thread safety: any thread, concurrently with other read-only calls.
///
/// # Safety
///
/// `reference` must be NULL or a live reference handle; `name` valid for reads of
/// `name_len` bytes; a non-NULL `buf` valid for writes of `buf_len` bytes; `written`
/// NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_canonical_make(
    reference: *const armsmatch_reference,
    name: *const c_char,
    name_len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_reference_canonical_make", || {
        // SAFETY: forwarded contract.
        let reference = unsafe { handle_ref(reference, "reference") }?;
        // SAFETY: forwarded contract.
        let name = unsafe { text_required(name, name_len, "name") }?;
        let canonical = reference.resolve_make(name).canonical;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&canonical, buf, buf_len, written) }
    })
}

/// Copies the canonical name of a calibre into `buf` (`snprintf`-style): "9mm",
/// "9x19", "9mm Luger" all give the same name. A calibre the reference does not know
/// gives its normalized text.
///
/// Thread safety: any thread, concurrently with other read-only calls.
///
/// # Safety
///
/// As `armsmatch_reference_canonical_make`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_canonical_calibre(
    reference: *const armsmatch_reference,
    name: *const c_char,
    name_len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_reference_canonical_calibre", || {
        // SAFETY: forwarded contract.
        let reference = unsafe { handle_ref(reference, "reference") }?;
        // SAFETY: forwarded contract.
        let name = unsafe { text_required(name, name_len, "name") }?;
        let canonical = reference.resolve_calibre(name).canonical;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&canonical, buf, buf_len, written) }
    })
}

/// Frees a reference handle. NULL is a no-op. Builders and indexes made with it keep
/// their own copy.
///
/// Thread safety: no other thread may use the handle during or after the call.
///
/// # Safety
///
/// `reference` must be NULL or a live reference handle, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_reference_free(reference: *mut armsmatch_reference) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_reference_free", || unsafe {
        free_handle(reference)
    });
}
