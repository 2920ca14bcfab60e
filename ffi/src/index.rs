//! `armsmatch_index`: open, save, change and check the register.

use std::ffi::c_char;

use armsmatch::Index;

use crate::boundary::{
    boundary, boundary_void, bytes_arg, copy_text, free_handle, handle_ref, id_arg, into_handle,
    on_path, out_arg, path_arg, write_out, Failure, Handle,
};
use crate::hits::{armsmatch_hits, Hits};
use crate::options::{armsmatch_options, Options};
use crate::status::armsmatch_status;
use crate::values::{armsmatch_query, armsmatch_record, query_from_c, record_from_c};

/// A searchable register of firearms (opaque).
///
/// Thread safety: an index is shared by many threads. Every call taking an index may
/// run on any number of threads at once, checks concurrently with inserts, updates,
/// removes and compactions: an insert is visible to every check that starts after it
/// returns. Only `armsmatch_index_free` needs the index to itself. The calls that change
/// the index (insert, update, remove, compact) take it as `armsmatch_index *`, the others
/// as `const armsmatch_index *`; constness says what a call does, not that it needs the
/// index to itself: the index locks inside.
pub struct armsmatch_index {
    _private: [u8; 0],
}

impl Handle for armsmatch_index {
    type Inner = Index;
}

/// Sizes and counts of an index.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct armsmatch_index_info {
    /// Records findable now (base − removed + added).
    pub records: u64,
    /// Records in the compacted base.
    pub base_records: u64,
    /// Distinct serial keys (confusable skeletons) in the base.
    pub keys: u64,
    /// Base records without a usable serial.
    pub no_serial: u64,
    /// Records added since the last compaction.
    pub live_added: u64,
    /// Base records removed since the last compaction.
    pub live_removed: u64,
    /// Bytes of the base as built, compacted or opened (an opened file's size, with
    /// the journal of changes it was saved with).
    pub bytes: u64,
    /// Format version of the file the base was read from (the current version for an
    /// index built or compacted in this process).
    pub format_version: u32,
}

/// Opens a saved index, memory-mapping the file (nothing is re-parsed; the whole file is
/// verified first). Free it with `armsmatch_index_free`.
///
/// The file must not be modified in place while the index is open: a file truncated or
/// rewritten under the mapping (`cp new old`, `truncate`) kills the process with
/// SIGBUS. Replace an index file by writing a new file and renaming it over the old one
/// (what `armsmatch_index_save` and the CLI do); the open index keeps reading the old
/// contents. `armsmatch_index_from_bytes` maps no file.
///
/// Fails with ARMSMATCH_STATUS_IO if the file cannot be opened (or is a directory),
/// ARMSMATCH_STATUS_CORRUPT_INDEX if it is truncated, damaged, of another format version
/// or not an index, and ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with
/// a NUL byte.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `path` must be valid for reads of `path_len` bytes (UTF-8); `index_out` NULL or valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_open(
    path: *const c_char,
    path_len: usize,
    index_out: *mut *mut armsmatch_index,
) -> armsmatch_status {
    boundary("armsmatch_index_open", || {
        let out = out_arg(index_out, "index_out")?;
        // SAFETY: forwarded contract.
        let path = unsafe { path_arg(path, path_len, "path") }?;
        let index = on_path(path, Index::open)?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle::<armsmatch_index>(index)) };
        Ok(())
    })
}

/// Reads an index from bytes (the contents of a saved index file), copying them: the
/// buffer may be freed after the call, and no file is mapped (so nothing can change
/// under the index, unlike `armsmatch_index_open`). Free the index with
/// `armsmatch_index_free`.
///
/// Fails with ARMSMATCH_STATUS_CORRUPT_INDEX if the bytes are not a valid index (as
/// (NULL, 0), the empty buffer, is not), ARMSMATCH_STATUS_NULL_ARGUMENT if `bytes` is
/// NULL with a nonzero `len`, ARMSMATCH_STATUS_LIMIT_EXCEEDED if memory cannot hold
/// the copy.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `bytes` must be NULL with `len` 0, or valid for reads of `len` bytes; `index_out` NULL
/// or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_from_bytes(
    bytes: *const u8,
    len: usize,
    index_out: *mut *mut armsmatch_index,
) -> armsmatch_status {
    boundary("armsmatch_index_from_bytes", || {
        let out = out_arg(index_out, "index_out")?;
        // SAFETY: forwarded contract.
        let bytes = unsafe { bytes_arg(bytes, len, "bytes") }?;
        // The copy is as large as the caller's buffer: reserved fallibly, so a process
        // short of memory (a cgroup limit) gets a status, not an abort.
        let mut copy = Vec::new();
        copy.try_reserve_exact(bytes.len())
            .map_err(|_| Failure::no_memory(bytes.len(), "bytes to copy the index"))?;
        copy.extend_from_slice(bytes);
        let index = Index::from_bytes(copy)?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle::<armsmatch_index>(index)) };
        Ok(())
    })
}

/// Saves the index with its live changes to one versioned, checksummed file, atomically:
/// written to a temporary file in the same directory, flushed, then renamed over `path`
/// (so an index open on the old file, in this or another process, is not disturbed).
/// Up to 4096 records added and removed since the last compaction are written as the
/// file's journal beside the base copied as it is (no rebuild; reopened, they are the
/// live changes again); more are folded into a rebuilt base, as
/// `armsmatch_index_compact` does. A symbolic link is followed: the file it names is
/// replaced and the link stays. A directory, device, FIFO or socket at `path` is
/// refused with ARMSMATCH_STATUS_IO and nothing is written.
///
/// Fails with ARMSMATCH_STATUS_IO (the message has the path and the OS error) and
/// ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with a NUL byte.
///
/// Thread safety: any thread, concurrently with checks and changes (the file holds the
/// changes made before the call started).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `path` valid for reads of `path_len`
/// bytes.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_save(
    index: *const armsmatch_index,
    path: *const c_char,
    path_len: usize,
) -> armsmatch_status {
    boundary("armsmatch_index_save", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: forwarded contract.
        let path = unsafe { path_arg(path, path_len, "path") }?;
        on_path(path, |p| index.save(p))?;
        Ok(())
    })
}

/// The number of records findable now.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `len_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_len(
    index: *const armsmatch_index,
    len_out: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_index_len", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let out = out_arg(len_out, "len_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, index.len()) };
        Ok(())
    })
}

/// Sizes and counts of the index.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `info_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_get_info(
    index: *const armsmatch_index,
    info_out: *mut armsmatch_index_info,
) -> armsmatch_status {
    boundary("armsmatch_index_get_info", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let out = out_arg(info_out, "info_out")?;
        let i = index.info();
        let bytes = i
            .bytes
            .iter()
            .find(|(section, _)| section == "total")
            .map_or(0, |(_, n)| *n);
        let info = armsmatch_index_info {
            records: i.records,
            base_records: i.base_records,
            keys: i.keys,
            no_serial: i.no_serial,
            live_added: i.live_added,
            live_removed: i.live_removed,
            bytes,
            format_version: i.format_version,
        };
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, info) };
        Ok(())
    })
}

/// Writes the index as bytes (what `armsmatch_index_save` writes to a file, the records
/// added and removed since included) into a new buffer owned by the library:
/// `*bytes_out` and `*len_out`. Free it with `armsmatch_bytes_free(bytes, len)`.
/// `armsmatch_index_from_bytes` reads it back, in this process or another.
///
/// The buffer is as large as the index file: a process that cannot allocate it is
/// aborted, as by any allocation the library makes for itself (only the copies sized by
/// the caller's arguments, in `armsmatch_index_from_bytes` and
/// `armsmatch_index_check_batch`, fail with ARMSMATCH_STATUS_LIMIT_EXCEEDED instead).
///
/// Thread safety: any thread, concurrently with checks and changes (the bytes are
/// those of one moment).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `bytes_out` and `len_out` NULL or valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_to_bytes(
    index: *const armsmatch_index,
    bytes_out: *mut *mut u8,
    len_out: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_index_to_bytes", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let bytes_out = out_arg(bytes_out, "bytes_out")?;
        let len_out = out_arg(len_out, "len_out")?;
        let bytes = index.to_bytes()?.into_boxed_slice();
        let len = bytes.len();
        let ptr = Box::into_raw(bytes).cast::<u8>();
        // SAFETY: both checked non-NULL; valid for a write by the caller's contract.
        unsafe {
            write_out(bytes_out, ptr);
            write_out(len_out, len);
        }
        Ok(())
    })
}

/// Frees a buffer from `armsmatch_index_to_bytes`. NULL is a no-op.
///
/// Thread safety: no other thread may use the buffer during or after the call.
///
/// # Safety
///
/// `bytes` must be NULL or a buffer from `armsmatch_index_to_bytes`, with the `len` it
/// gave, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_bytes_free(bytes: *mut u8, len: usize) {
    boundary_void("armsmatch_bytes_free", || {
        if !bytes.is_null() {
            // SAFETY: `bytes` and `len` are those of a `Box<[u8]>` leaked by
            // `armsmatch_index_to_bytes`, freed once (the caller's contract).
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(bytes, len)) });
        }
    });
}

/// Copies the record with this id as JSON into `buf` (`snprintf`-style, as
/// `armsmatch_last_error_message`), as stored and as `armsmatch check --format jsonl
/// --explain` gives a hit's `record`: `{"id": …, "serial": …, "make": …, "model": …,
/// "calibre": …, "kind": …, "country": …, "status": …, "reported_on": "YYYY-MM-DD"}`,
/// a field the record does not have left out.
///
/// Fails with ARMSMATCH_STATUS_NOT_FOUND if it is absent, and as `armsmatch_index_remove`
/// for a blank or overlong id.
///
/// Thread safety: any thread, concurrently with changes (the record of one moment).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes;
/// a non-NULL `buf` valid for writes of `buf_len` bytes; `written` NULL or valid for a
/// write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_record_json(
    index: *const armsmatch_index,
    id: *const c_char,
    id_len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_index_record_json", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: forwarded contract.
        let id = unsafe { id_arg(id, id_len, "id") }?;
        let record = index
            .get(id)
            .ok_or_else(|| Failure::from(armsmatch::Error::NotFound(id.to_string())))?;
        let text = serde_json::to_string(&record).map_err(|e| Failure::invalid(e.to_string()))?;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&text, buf, buf_len, written) }
    })
}

/// Copies the version label of the index's reference data into `buf`
/// (`snprintf`-style, as `armsmatch_last_error_message`).
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; a non-NULL `buf` valid for writes of
/// `buf_len` bytes; `written` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_reference_version(
    index: *const armsmatch_index,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_index_reference_version", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let version = index.info().reference_version;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&version, buf, buf_len, written) }
    })
}

/// Whether a record with this id is present.
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty or blank id (also (NULL,
/// 0)) and ARMSMATCH_STATUS_LIMIT_EXCEEDED for one over the length limit, which no
/// record can have: as `armsmatch_index_insert`, `_update` and `_remove`. Spaces around
/// the id are ignored, as when a record goes in.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes;
/// `contains_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_contains(
    index: *const armsmatch_index,
    id: *const c_char,
    id_len: usize,
    contains_out: *mut bool,
) -> armsmatch_status {
    boundary("armsmatch_index_contains", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let out = out_arg(contains_out, "contains_out")?;
        // SAFETY: forwarded contract.
        let id = unsafe { id_arg(id, id_len, "id") }?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, index.contains(id)) };
        Ok(())
    })
}

/// Adds a record, visible to every check that starts after the call returns.
///
/// Fails with ARMSMATCH_STATUS_DUPLICATE_ID if the id is present, and as
/// `armsmatch_builder_add` for a bad record; the index is then unchanged.
///
/// Thread safety: any thread, concurrently with checks and other changes (`index` is
/// not `const` because the call changes it; the index locks inside).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `record` NULL or a valid record whose
/// string pointers are valid for reads of their lengths.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_insert(
    index: *mut armsmatch_index,
    record: *const armsmatch_record,
) -> armsmatch_status {
    boundary("armsmatch_index_insert", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: a non-NULL `record` points to a valid struct (the caller's contract).
        let r = unsafe { record.as_ref() }.ok_or_else(|| Failure::null("record"))?;
        // SAFETY: the record's string pointers are valid for their lengths (contract).
        index.insert(unsafe { record_from_c(r) }?)?;
        Ok(())
    })
}

/// Replaces the record with the same id.
///
/// Fails with ARMSMATCH_STATUS_NOT_FOUND if the id is absent, and as
/// `armsmatch_builder_add` for a bad record (INVALID_ARGUMENT for an empty id); the
/// index is then unchanged.
///
/// Thread safety: any thread, concurrently with checks and other changes (`index` is
/// not `const` because the call changes it; the index locks inside).
///
/// # Safety
///
/// As `armsmatch_index_insert`.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_update(
    index: *mut armsmatch_index,
    record: *const armsmatch_record,
) -> armsmatch_status {
    boundary("armsmatch_index_update", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: a non-NULL `record` points to a valid struct (the caller's contract).
        let r = unsafe { record.as_ref() }.ok_or_else(|| Failure::null("record"))?;
        // SAFETY: the record's string pointers are valid for their lengths (contract).
        index.update(unsafe { record_from_c(r) }?)?;
        Ok(())
    })
}

/// Removes the record with this id.
///
/// Fails with ARMSMATCH_STATUS_NOT_FOUND if it is absent, INVALID_ARGUMENT for an empty
/// or blank id (also (NULL, 0)), LIMIT_EXCEEDED for one over the length limit (as
/// `armsmatch_index_insert`).
///
/// Thread safety: any thread, concurrently with checks and other changes (`index` is
/// not `const` because the call changes it; the index locks inside).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_remove(
    index: *mut armsmatch_index,
    id: *const c_char,
    id_len: usize,
) -> armsmatch_status {
    boundary("armsmatch_index_remove", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: forwarded contract.
        let id = unsafe { id_arg(id, id_len, "id") }?;
        index.remove(id)?;
        Ok(())
    })
}

/// Folds the records added and removed since the last compaction into the searchable
/// base. Checks keep running meanwhile; changes made during the compaction are kept.
///
/// Thread safety: any thread, concurrently with checks and changes (compactions run
/// one at a time; `index` is not `const` because the call changes it; the index locks
/// inside).
///
/// # Safety
///
/// `index` must be NULL or a live index handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_compact(index: *mut armsmatch_index) -> armsmatch_status {
    boundary("armsmatch_index_compact", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        index.compact()?;
        Ok(())
    })
}

/// Checks one firearm against the register. On success `*hits_out` is a new hits handle
/// (possibly with no hits), ranked by score, at most `top`, none under the threshold;
/// free it with `armsmatch_hits_free`. `options` may be NULL for the defaults.
///
/// Fails with ARMSMATCH_STATUS_INVALID_UTF8 for a bad string, LIMIT_EXCEEDED for a
/// serial or field over the limits or a check that would gather too many candidates,
/// INVALID_ARGUMENT for a partial serial with too few known characters.
///
/// Thread safety: any thread, concurrently with other checks and with changes.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; `query` NULL or a valid query whose
/// string pointers are valid for reads of their lengths; `options` NULL or a live options
/// handle; `hits_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_check(
    index: *const armsmatch_index,
    query: *const armsmatch_query,
    options: *const armsmatch_options,
    hits_out: *mut *mut armsmatch_hits,
) -> armsmatch_status {
    boundary("armsmatch_index_check", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        // SAFETY: a non-NULL `query` points to a valid struct (the caller's contract).
        let q = unsafe { query.as_ref() }.ok_or_else(|| Failure::null("query"))?;
        let out = out_arg(hits_out, "hits_out")?;
        let defaults;
        let options = if options.is_null() {
            defaults = Options::default();
            &defaults
        } else {
            // SAFETY: non-NULL, a live options handle (the caller's contract).
            unsafe { handle_ref(options, "options") }?
        };
        // SAFETY: the query's string pointers are valid for their lengths (contract).
        let query = unsafe { query_from_c(q) }?;
        let hits = Hits::new(
            index.check(&query, &options.check)?,
            query,
            index.reference(),
        );
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle::<armsmatch_hits>(hits)) };
        Ok(())
    })
}

/// Frees an index (and unmaps its file). NULL is a no-op. Hits handles made from it stay
/// valid.
///
/// Thread safety: no other thread may use the index during or after the call.
///
/// # Safety
///
/// `index` must be NULL or a live index handle, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_free(index: *mut armsmatch_index) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_index_free", || unsafe { free_handle(index) });
}

/// Writes the register's statistics as JSON into `buf`: records by status, reporting
/// country, make (canonical names), kind, calibre and month (the `register` part of
/// `armsmatch stats --format json`). Copies `snprintf`-style, as
/// `armsmatch_last_error_message`: `*written` is the full length, so a cut copy can be
/// detected and retried with a larger buffer; `buf` may be NULL with `buf_len` 0 to ask
/// for the length; `written` may be NULL.
///
/// Thread safety: any thread, concurrently with checks and changes of the same index
/// (the statistics are of the records findable when the call starts).
///
/// # Safety
///
/// `index` must be NULL or a live index handle; a non-NULL `buf` valid for writes of
/// `buf_len` bytes; `written` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_stats_json(
    index: *const armsmatch_index,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_index_stats_json", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let stats = armsmatch::stats::RegisterStats::from_index(index);
        let text = serde_json::to_string(&stats).map_err(|e| Failure::invalid(e.to_string()))?;
        // SAFETY: forwarded contract.
        unsafe { copy_text(&text, buf, buf_len, written) }
    })
}
