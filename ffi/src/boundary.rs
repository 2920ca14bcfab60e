//! The panic boundary, the thread-local last error, and the argument helpers every
//! entry point uses: NULL checks, UTF-8 validation, handle casts, out-parameters and
//! copying text into caller buffers.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::NonNull;

use crate::status::{armsmatch_status, status_of};

/// Why a call failed: a status code and a readable message.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: armsmatch_status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: armsmatch_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A required pointer argument was NULL.
    pub(crate) fn null(what: &str) -> Failure {
        Failure::new(armsmatch_status::NullArgument, format!("{what} is NULL"))
    }

    /// A buffer sized by the caller (`n` items of `what`) that memory cannot hold:
    /// ARMSMATCH_STATUS_LIMIT_EXCEEDED rather than the abort of a failed allocation.
    pub(crate) fn no_memory(n: usize, what: &str) -> Failure {
        Failure::new(
            armsmatch_status::LimitExceeded,
            format!("out of memory: cannot allocate {n} {what}"),
        )
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Failure {
        Failure::new(armsmatch_status::InvalidArgument, message)
    }

    pub(crate) fn out_of_range(what: &str, at: usize, len: usize) -> Failure {
        Failure::new(
            armsmatch_status::OutOfRange,
            format!("{what} {at} is out of range (there are {len})"),
        )
    }
}

impl From<armsmatch::Error> for Failure {
    fn from(e: armsmatch::Error) -> Failure {
        Failure::new(status_of(&e), e.to_string())
    }
}

pub(crate) type FfiResult<T = ()> = Result<T, Failure>;

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records the message of a failed call for `armsmatch_last_error_message`.
pub(crate) fn set_last_error(message: String) {
    // `try_with`: during thread teardown the slot may be gone; losing a message then is
    // better than a panic (which could not be caught there).
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            *s = message;
        }
    });
}

/// The last error message of this thread ("" if none).
pub(crate) fn last_error() -> String {
    LAST_ERROR
        .try_with(|slot| slot.try_borrow().map(|s| s.clone()).unwrap_or_default())
        .unwrap_or_default()
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}

/// Runs the body of an entry point: a panic becomes [`armsmatch_status::Panic`], a
/// failure its status; either sets the thread's last error, prefixed with the function.
///
/// `AssertUnwindSafe`: after a caught panic the handles involved may hold a partial
/// update; the index's own locks recover from poisoning, and the documented contract
/// for `ARMSMATCH_STATUS_PANIC` is that handles stay safe to free.
pub(crate) fn boundary(function: &str, body: impl FnOnce() -> FfiResult) -> armsmatch_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => armsmatch_status::Ok,
        Ok(Err(failure)) => {
            set_last_error(format!("{function}: {}", failure.message));
            failure.status
        }
        Err(payload) => {
            set_last_error(format!(
                "{function}: internal error, a panic was caught at the C boundary (please report it): {}",
                panic_text(payload.as_ref())
            ));
            armsmatch_status::Panic
        }
    }
}

/// The boundary of a `_free` function: nothing to return, a panic is only recorded.
pub(crate) fn boundary_void(function: &str, body: impl FnOnce()) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(body)) {
        set_last_error(format!(
            "{function}: internal error, a panic was caught at the C boundary (please report it): {}",
            panic_text(payload.as_ref())
        ));
    }
}

/// A string argument given as pointer + length: the one place every text input (ids,
/// serials, makes, models, calibres, countries, names, paths, TOML) is converted. NULL
/// with length 0 is `None` (absent); NULL with a nonzero length is
/// `ARMSMATCH_STATUS_NULL_ARGUMENT`. A pointer with length 0 is never read. Text must be
/// UTF-8 (else `ARMSMATCH_STATUS_INVALID_UTF8`) without a NUL byte (else
/// `ARMSMATCH_STATUS_INVALID_ARGUMENT`): a C string cannot hold one, so a NUL inside is
/// nearly always a length that counts the terminating NUL, and it would be stored and
/// compared as a character no C caller can see.
///
/// # Safety
///
/// A non-NULL `ptr` must be valid for reads of `len` bytes for the duration of the call.
pub(crate) unsafe fn text_arg<'a>(
    ptr: *const c_char,
    len: usize,
    what: &str,
) -> FfiResult<Option<&'a str>> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(None)
        } else {
            Err(Failure::new(
                armsmatch_status::NullArgument,
                format!("{what} is NULL but its length is {len}"),
            ))
        };
    }
    // SAFETY: the caller's contract: `ptr` is valid for reads of `len` bytes.
    let bytes = unsafe { bytes_arg(ptr.cast::<u8>(), len, what)? };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            armsmatch_status::InvalidUtf8,
            format!(
                "{what} is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    if let Some(at) = text.find('\0') {
        return Err(Failure::invalid(if at + 1 == text.len() {
            format!("{what} ends in a NUL byte: its length must not count the terminating NUL")
        } else {
            format!("{what} contains a NUL byte (at offset {at}), which no text argument may hold")
        }));
    }
    Ok(Some(text))
}

/// A required string argument. (NULL, 0) is the empty string, as everywhere in the API
/// (a C++ `std::string_view{}` has a NULL `data()`): whether empty is acceptable is
/// decided by what reads it. NULL with a nonzero length is
/// `ARMSMATCH_STATUS_NULL_ARGUMENT`.
///
/// # Safety
///
/// As [`text_arg`].
pub(crate) unsafe fn text_required<'a>(
    ptr: *const c_char,
    len: usize,
    what: &str,
) -> FfiResult<&'a str> {
    // SAFETY: forwarded contract.
    Ok(unsafe { text_arg(ptr, len, what) }?.unwrap_or(""))
}

/// A file path argument: a required string that is not empty, else
/// `ARMSMATCH_STATUS_INVALID_ARGUMENT` (and, as all text, holds no NUL byte:
/// [`text_arg`]).
///
/// # Safety
///
/// As [`text_arg`].
pub(crate) unsafe fn path_arg<'a>(
    ptr: *const c_char,
    len: usize,
    what: &str,
) -> FfiResult<&'a str> {
    // SAFETY: forwarded contract.
    let path = unsafe { text_required(ptr, len, what) }?;
    if path.is_empty() {
        return Err(Failure::invalid(format!("{what} is empty")));
    }
    Ok(path)
}

/// A record id argument (to look up, remove or replace a record): a required string
/// checked as core checks a record's id on insert ([`armsmatch::record_id`]): empty or
/// blank is `ARMSMATCH_STATUS_INVALID_ARGUMENT`, over the length limit
/// `ARMSMATCH_STATUS_LIMIT_EXCEEDED`. (Core's `contains` answers such an id with
/// "absent", which would hide the caller's mistake.) Returned as stored (trimmed).
///
/// # Safety
///
/// As [`text_arg`].
pub(crate) unsafe fn id_arg<'a>(ptr: *const c_char, len: usize, what: &str) -> FfiResult<&'a str> {
    // SAFETY: forwarded contract.
    let id = unsafe { text_required(ptr, len, what) }?;
    if id.is_empty() {
        return Err(Failure::invalid(format!(
            "{what} is empty: a record needs a non-empty id"
        )));
    }
    // Blank, overlong: refused as `armsmatch_index_insert` refuses them.
    Ok(armsmatch::record_id(id)?)
}

/// Runs a core call on a file path. A failure on a path that is a directory (which core
/// reports as an unreadable row or an unmappable device) is
/// `ARMSMATCH_STATUS_IO` saying so.
pub(crate) fn on_path<'a, T>(
    path: &'a str,
    call: impl FnOnce(&'a str) -> armsmatch::Result<T>,
) -> FfiResult<T> {
    call(path).map_err(|e| {
        if std::path::Path::new(path).is_dir() {
            Failure::new(
                armsmatch_status::Io,
                format!("{path}: is a directory, not a file"),
            )
        } else {
            Failure::from(e)
        }
    })
}

/// An optional text field: absent when NULL or empty (as an empty cell in a file).
///
/// # Safety
///
/// As [`text_arg`].
pub(crate) unsafe fn text_field(
    ptr: *const c_char,
    len: usize,
    what: &str,
) -> FfiResult<Option<String>> {
    // SAFETY: forwarded contract.
    Ok(unsafe { text_arg(ptr, len, what) }?
        .filter(|s| !s.is_empty())
        .map(str::to_string))
}

/// A byte buffer argument. (NULL, 0) is the empty buffer; NULL with a nonzero length is
/// `ARMSMATCH_STATUS_NULL_ARGUMENT`.
///
/// # Safety
///
/// A non-NULL `ptr` must be valid for reads of `len` bytes for the duration of the call.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize, what: &str) -> FfiResult<&'a [u8]> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(Failure::new(
                armsmatch_status::NullArgument,
                format!("{what} is NULL but its length is {len}"),
            ))
        };
    }
    if len > isize::MAX as usize {
        return Err(Failure::invalid(format!(
            "{what} has a length of {len} bytes, larger than any object can be"
        )));
    }
    // SAFETY: `ptr` is not NULL (checked), valid for reads of `len` bytes (the caller's
    // contract), `len` ≤ isize::MAX (checked), and u8 has no alignment requirement. The
    // caller does not modify the bytes during the call (documented for every function).
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// An opaque C handle and the Rust value behind it.
pub(crate) trait Handle {
    type Inner;
}

/// Moves a value into a new handle; freed by [`free_handle`].
pub(crate) fn into_handle<H: Handle>(value: H::Inner) -> *mut H {
    Box::into_raw(Box::new(value)).cast::<H>()
}

/// Borrows the value behind a handle.
///
/// # Safety
///
/// `ptr` must be NULL or a live handle of type `H` made by [`into_handle`].
pub(crate) unsafe fn handle_ref<'a, H: Handle>(
    ptr: *const H,
    what: &str,
) -> FfiResult<&'a H::Inner> {
    // SAFETY: a non-NULL `ptr` points to a live, properly aligned `H::Inner` boxed by
    // `into_handle` (the caller's contract); only shared references are made from
    // `*const` handles, and a `*mut` handle borrowed here is only borrowed shared (an
    // index changes behind its own locks).
    unsafe { ptr.cast::<H::Inner>().as_ref() }.ok_or_else(|| Failure::null(what))
}

/// Borrows the value behind a handle mutably.
///
/// # Safety
///
/// `ptr` must be NULL or a live handle of type `H` made by [`into_handle`], not used by
/// any other thread during the call.
pub(crate) unsafe fn handle_mut<'a, H: Handle>(
    ptr: *mut H,
    what: &str,
) -> FfiResult<&'a mut H::Inner> {
    // SAFETY: as `handle_ref`, and the caller's contract gives this call exclusive use
    // of the handle (documented "not while another thread uses" it on every function
    // calling this; a `*mut` handle alone does not mean that: the index's changes take
    // `*mut` but a shared borrow, the index locking inside).
    unsafe { ptr.cast::<H::Inner>().as_mut() }.ok_or_else(|| Failure::null(what))
}

/// Frees a handle; NULL is a no-op.
///
/// # Safety
///
/// `ptr` must be NULL or a live handle of type `H` made by [`into_handle`], not used
/// again afterwards.
pub(crate) unsafe fn free_handle<H: Handle>(ptr: *mut H) {
    if !ptr.is_null() {
        // SAFETY: `ptr` came from `Box::into_raw` of a `Box<H::Inner>` in `into_handle`
        // and is freed once (the caller's contract).
        drop(unsafe { Box::from_raw(ptr.cast::<H::Inner>()) });
    }
}

/// Checks an out-parameter; written with [`write_out`] only once the call succeeds.
pub(crate) fn out_arg<T>(ptr: *mut T, what: &str) -> FfiResult<NonNull<T>> {
    NonNull::new(ptr).ok_or_else(|| Failure::null(what))
}

/// Writes an out-parameter.
///
/// # Safety
///
/// `out` must be valid for a write of `T` and properly aligned (the caller's contract for
/// every out-parameter).
pub(crate) unsafe fn write_out<T>(out: NonNull<T>, value: T) {
    // SAFETY: forwarded contract; `T` here is always a plain C value (no destructor to
    // run on the old contents).
    unsafe { out.as_ptr().write(value) }
}

/// A NUL-terminated copy of a string, handed out borrowed as (pointer, length).
#[derive(Debug, Clone)]
pub(crate) struct Text(Box<[u8]>);

impl Text {
    pub(crate) fn new(s: &str) -> Text {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s.as_bytes());
        v.push(0);
        Text(v.into_boxed_slice())
    }

    /// Length without the NUL.
    pub(crate) fn len(&self) -> usize {
        self.0.len() - 1
    }

    pub(crate) fn as_ptr(&self) -> *const c_char {
        self.0.as_ptr().cast::<c_char>()
    }

    #[cfg(test)]
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..self.len()]).unwrap_or("")
    }
}

/// Hands out a borrowed string: (pointer, length), or (NULL, 0) when absent.
///
/// # Safety
///
/// Both out-parameters must be valid for writes (checked for NULL here).
pub(crate) unsafe fn borrow_out(
    text: Option<&Text>,
    ptr_out: *mut *const c_char,
    len_out: *mut usize,
) -> FfiResult {
    let p = out_arg(ptr_out, "ptr_out")?;
    let l = out_arg(len_out, "len_out")?;
    let (ptr, len) = text.map_or((std::ptr::null(), 0), |t| (t.as_ptr(), t.len()));
    // SAFETY: both checked non-NULL; valid for writes by the caller's contract.
    unsafe {
        write_out(p, ptr);
        write_out(l, len);
    }
    Ok(())
}

/// Text as handed to C in a caller buffer: a NUL byte inside it (from a file name, a
/// field or reference data) is written as the two characters `\0`, so the copy is one
/// C string whose `strlen` is the reported length.
pub(crate) fn escape_nul(text: &str) -> Cow<'_, str> {
    if text.contains('\0') {
        Cow::Owned(text.replace('\0', "\\0"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Copies text into a caller buffer, `snprintf`-style: at most `buf_len - 1` bytes (cut
/// at a character boundary) and a NUL; `*written` is the full length of the text, so
/// `*written >= buf_len` means it was cut. `buf` may be NULL when `buf_len` is 0 (to ask
/// for the length); `written` may be NULL (the length is then not reported, the copy is
/// still made). A NUL inside the text is escaped ([`escape_nul`]).
///
/// # Safety
///
/// A non-NULL `buf` must be valid for writes of `buf_len` bytes; a non-NULL `written`
/// valid for a write.
pub(crate) unsafe fn copy_text(
    text: &str,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> FfiResult {
    if buf.is_null() && buf_len > 0 {
        return Err(Failure::new(
            armsmatch_status::NullArgument,
            format!("buf is NULL but buf_len is {buf_len}"),
        ));
    }
    let text = escape_nul(text);
    if buf_len > 0 {
        let mut n = text.len().min(buf_len - 1);
        while !text.is_char_boundary(n) {
            n -= 1;
        }
        // SAFETY: `buf` is non-NULL (checked) and valid for writes of `buf_len` bytes (the
        // caller's contract); `n + 1 ≤ buf_len`; `text` is Rust-owned memory, so the two
        // ranges do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), buf.cast::<u8>(), n);
            buf.add(n).write(0);
        }
    }
    if let Some(written) = NonNull::new(written) {
        // SAFETY: non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(written, text.len()) };
    }
    Ok(())
}
