//! Status codes, the one mapping from `armsmatch::Error`, and the last error message.

use std::ffi::{c_char, CStr};

use crate::boundary::{boundary, copy_text, last_error, out_arg, write_out, Failure};

/// The result of every call. `ARMSMATCH_STATUS_OK` is 0; the other codes are stable:
/// a code is never reused for another meaning, new codes are only added.
///
/// On any status other than OK, `armsmatch_last_error_message` gives a readable message
/// that names the function and the argument, field, file or limit at fault.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum armsmatch_status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL (or a string was NULL with a nonzero length).
    NullArgument = 1,
    /// A string argument was not valid UTF-8.
    InvalidUtf8 = 2,
    /// An argument cannot be used: an empty record id, an impossible date, a bad country
    /// code, an option out of range, an unknown enum code, a partial serial with too few
    /// known characters, an empty file path or one holding a NUL byte.
    InvalidArgument = 3,
    /// An input was over a documented limit (see `armsmatch_limits`).
    LimitExceeded = 4,
    /// A record id was added twice to one index.
    DuplicateId = 5,
    /// No record with that id is in the index.
    NotFound = 6,
    /// A row of a records file could not be read (the message names file, line and column).
    Parse = 7,
    /// Reference data (TOML) could not be read or is inconsistent.
    Reference = 8,
    /// An index file (or byte buffer) is truncated, corrupted, of another format version,
    /// or not an index at all.
    CorruptIndex = 9,
    /// Reading or writing a file failed, or the path is a directory (the message has the
    /// path and the OS error).
    Io = 10,
    /// A position (hit, edit, batch entry) past the end.
    OutOfRange = 11,
    /// A bug in armsmatch: a Rust panic was caught at the boundary. Handles passed to the
    /// call remain safe to free.
    Panic = 12,
    /// An error of a kind this version of the C API does not know (from a newer core);
    /// the message says what it was.
    Other = 13,
}

/// Maps a core error to its status: the one place where this is decided.
pub(crate) fn status_of(e: &armsmatch::Error) -> armsmatch_status {
    use armsmatch::Error as E;
    match e {
        E::InvalidInput { .. } => armsmatch_status::InvalidArgument,
        E::LimitExceeded { .. } => armsmatch_status::LimitExceeded,
        E::DuplicateId(_) => armsmatch_status::DuplicateId,
        E::NotFound(_) => armsmatch_status::NotFound,
        E::Parse { .. } => armsmatch_status::Parse,
        E::Reference(_) => armsmatch_status::Reference,
        E::CorruptIndex { .. } => armsmatch_status::CorruptIndex,
        E::Io { .. } => armsmatch_status::Io,
        // `Error` is #[non_exhaustive]: a variant added to core later.
        _ => armsmatch_status::Other,
    }
}

/// The name of a status code without its prefix ("OK", "NULL_ARGUMENT", …), or `None`.
pub(crate) fn status_name(code: u32) -> Option<&'static CStr> {
    Some(match code {
        0 => c"OK",
        1 => c"NULL_ARGUMENT",
        2 => c"INVALID_UTF8",
        3 => c"INVALID_ARGUMENT",
        4 => c"LIMIT_EXCEEDED",
        5 => c"DUPLICATE_ID",
        6 => c"NOT_FOUND",
        7 => c"PARSE",
        8 => c"REFERENCE",
        9 => c"CORRUPT_INDEX",
        10 => c"IO",
        11 => c"OUT_OF_RANGE",
        12 => c"PANIC",
        13 => c"OTHER",
        _ => return None,
    })
}

/// The name of a status code without its prefix: "OK", "NULL_ARGUMENT",
/// "LIMIT_EXCEEDED", … (static, NUL-terminated; never freed).
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for a code that is not a status.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `name_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_status_name(
    status: u32,
    name_out: *mut *const c_char,
) -> armsmatch_status {
    boundary("armsmatch_status_name", || {
        let out = out_arg(name_out, "name_out")?;
        let name = status_name(status)
            .ok_or_else(|| Failure::invalid(format!("{status} is not an armsmatch_status code")))?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, name.as_ptr()) };
        Ok(())
    })
}

/// Copies the message of the most recent failed call on this thread into `buf`.
///
/// The message stays until another call on this thread fails (successful calls leave it
/// alone), so it can be read after cleanup calls; it is "" if no call has failed. Copying
/// is `snprintf`-style: at most `buf_len - 1` bytes (cut at a UTF-8 character boundary)
/// then a NUL; `*written` receives the full length of the message (without the NUL), so
/// `*written >= buf_len` means it was cut. `buf` may be NULL when `buf_len` is 0, to ask
/// for the length; `written` may be NULL when the length is not wanted (the copy is made
/// all the same). A NUL byte inside the message (say, from a file name) is written as the
/// two characters `\0`, so the message is always one C string. This call does not change
/// the message, even when it fails.
///
/// Thread safety: any thread; each thread has its own message.
///
/// # Safety
///
/// A non-NULL `buf` must be valid for writes of `buf_len` bytes; `written` must be NULL
/// or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_last_error_message(
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    let message = last_error();
    // Not through `boundary`: a failure here must not replace the message it reports.
    let result = std::panic::catch_unwind(|| {
        // SAFETY: forwarded contract (buf valid for buf_len bytes, written for a write).
        unsafe { copy_text(&message, buf, buf_len, written) }
    });
    match result {
        Ok(Ok(())) => armsmatch_status::Ok,
        Ok(Err(failure)) => failure.status,
        Err(_) => armsmatch_status::Panic,
    }
}
