//! `armsmatch_batch`: many checks at once, on several threads.

use armsmatch::{Hit, Index, Query};

use crate::boundary::{
    boundary, boundary_void, free_handle, handle_ref, into_handle, out_arg, write_out, Failure,
    FfiResult, Handle,
};
use crate::hits::{armsmatch_hits, Hits};
use crate::index::armsmatch_index;
use crate::options::{armsmatch_options, Options};
use crate::status::armsmatch_status;
use crate::values::{armsmatch_query, query_from_c};

/// The results of a batch check (opaque): for each query, in order, its hits or its
/// error.
///
/// Thread safety: a batch never changes; any number of threads may read it at once.
pub struct armsmatch_batch {
    _private: [u8; 0],
}

/// The value behind `armsmatch_batch`.
pub(crate) struct Batch {
    results: Vec<FfiResult<Hits>>,
}

impl Handle for armsmatch_batch {
    type Inner = Batch;
}

impl Batch {
    fn result(&self, i: usize) -> FfiResult<&FfiResult<Hits>> {
        self.results
            .get(i)
            .ok_or_else(|| Failure::out_of_range("query", i, self.results.len()))
    }
}

/// Checks `len` firearms (`queries[0]` … `queries[len - 1]`) on several threads: as many
/// as `armsmatch_options_set_threads` says (default: all cores), started for this call
/// and exited before it returns (safe to fork between calls). Result `i` is exactly what
/// `armsmatch_index_check` gives for `queries[i]`, and its hits remember `queries[i]`.
/// Free the batch with `armsmatch_batch_free`. `options` may be NULL for the defaults;
/// `queries` may be NULL when `len` is 0 (an empty batch).
///
/// A query that cannot be checked (invalid UTF-8, over a limit, …) does not fail the
/// call: its own status is in the batch (`armsmatch_batch_status`). The call itself
/// fails only for NULL arguments, or ARMSMATCH_STATUS_INVALID_ARGUMENT if the thread
/// pool cannot be made.
///
/// Thread safety: any thread, concurrently with other checks and with changes.
///
/// # Safety
///
/// `index` must be NULL or a live index handle; a non-NULL `queries` valid for reads of
/// `len` queries whose string pointers are valid for reads of their lengths; `options`
/// NULL or a live options handle; `batch_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_index_check_batch(
    index: *const armsmatch_index,
    queries: *const armsmatch_query,
    len: usize,
    options: *const armsmatch_options,
    batch_out: *mut *mut armsmatch_batch,
) -> armsmatch_status {
    boundary("armsmatch_index_check_batch", || {
        // SAFETY: forwarded contract.
        let index = unsafe { handle_ref(index, "index") }?;
        let out = out_arg(batch_out, "batch_out")?;
        let defaults;
        let options = if options.is_null() {
            defaults = Options::default();
            &defaults
        } else {
            // SAFETY: non-NULL, a live options handle (the caller's contract).
            unsafe { handle_ref(options, "options") }?
        };
        let queries: &[armsmatch_query] = if len == 0 {
            &[]
        } else if queries.is_null() {
            return Err(Failure::new(
                armsmatch_status::NullArgument,
                format!("queries is NULL but len is {len}"),
            ));
        } else if len > isize::MAX as usize / std::mem::size_of::<armsmatch_query>() {
            return Err(Failure::invalid(format!(
                "len {len} is more queries than memory can hold"
            )));
        } else {
            // SAFETY: `queries` is non-NULL and valid for reads of `len` queries (the
            // caller's contract; alignment included), and `len * size_of` fits isize
            // (checked).
            unsafe { std::slice::from_raw_parts(queries, len) }
        };
        // Convert first (on this thread: the pointers are the caller's), then check the
        // valid ones together.
        // Sized by the caller's `len`: reserved fallibly (a status, not an abort).
        let mut converted: Vec<FfiResult<Query>> = Vec::new();
        converted
            .try_reserve_exact(queries.len())
            .map_err(|_| Failure::no_memory(queries.len(), "queries"))?;
        // SAFETY: each query's string pointers are valid for their lengths (contract).
        converted.extend(queries.iter().map(|q| unsafe { query_from_c(q) }));
        let valid: Vec<Query> = converted
            .iter()
            .filter_map(|q| q.as_ref().ok().cloned())
            .collect();
        let mut checked = check_many(index, &valid, options)?.into_iter();
        let reference = index.reference();
        let results = converted
            .into_iter()
            .map(|q| match q {
                Err(failure) => Err(failure),
                Ok(query) => match checked.next() {
                    Some(Ok(hits)) => Ok(Hits::new(hits, query, std::sync::Arc::clone(&reference))),
                    Some(Err(e)) => Err(Failure::from(e)),
                    None => Err(Failure::new(
                        armsmatch_status::Other,
                        "the batch returned fewer results than queries",
                    )),
                },
            })
            .collect();
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle::<armsmatch_batch>(Batch { results })) };
        Ok(())
    })
}

/// Checks on `options.threads` threads (0: one per core) started for the call and
/// exited before it returns (core's `check_many_with_threads`): a program may fork,
/// unload the library or check for leaks right after.
fn check_many(
    index: &Index,
    queries: &[Query],
    options: &Options,
) -> FfiResult<Vec<armsmatch::Result<Vec<Hit>>>> {
    index
        .check_many_with_threads(queries, &options.check, options.threads)
        .map_err(|e| Failure::invalid(format!("cannot start the worker threads: {e}")))
}

/// The number of queries in the batch.
///
/// # Safety
///
/// `batch` must be NULL or a live batch handle; `len_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_batch_len(
    batch: *const armsmatch_batch,
    len_out: *mut usize,
) -> armsmatch_status {
    boundary("armsmatch_batch_len", || {
        // SAFETY: forwarded contract.
        let batch = unsafe { handle_ref(batch, "batch") }?;
        let out = out_arg(len_out, "len_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, batch.results.len()) };
        Ok(())
    })
}

/// The status of query `i` of the batch: ARMSMATCH_STATUS_OK if it was checked, else
/// what `armsmatch_index_check` would have returned for it.
///
/// Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end.
///
/// # Safety
///
/// `batch` must be NULL or a live batch handle; `status_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_batch_status(
    batch: *const armsmatch_batch,
    i: usize,
    status_out: *mut armsmatch_status,
) -> armsmatch_status {
    boundary("armsmatch_batch_status", || {
        // SAFETY: forwarded contract.
        let batch = unsafe { handle_ref(batch, "batch") }?;
        let out = out_arg(status_out, "status_out")?;
        let status = match batch.result(i)? {
            Ok(_) => armsmatch_status::Ok,
            Err(failure) => failure.status,
        };
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, status) };
        Ok(())
    })
}

/// The hits of query `i` of the batch, borrowed: valid until the batch is freed; read it
/// with the `armsmatch_hit_*` functions and never pass it to `armsmatch_hits_free`.
///
/// If query `i` failed, this call returns that query's status and
/// `armsmatch_last_error_message` gives its message. Fails with
/// ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end.
///
/// # Safety
///
/// `batch` must be NULL or a live batch handle; `hits_out` NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_batch_hits(
    batch: *const armsmatch_batch,
    i: usize,
    hits_out: *mut *const armsmatch_hits,
) -> armsmatch_status {
    boundary("armsmatch_batch_hits", || {
        // SAFETY: forwarded contract.
        let batch = unsafe { handle_ref(batch, "batch") }?;
        let out = out_arg(hits_out, "hits_out")?;
        match batch.result(i)? {
            Ok(hits) => {
                let ptr = (hits as *const Hits).cast::<armsmatch_hits>();
                // SAFETY: checked non-NULL; valid for a write by the caller's contract.
                // The pointer is a `Hits` inside the batch, which `handle_ref` on an
                // `armsmatch_hits` reads as such; it lives until the batch is freed.
                unsafe { write_out(out, ptr) };
                Ok(())
            }
            Err(failure) => Err(Failure::new(
                failure.status,
                format!("query {i}: {}", failure.message),
            )),
        }
    })
}

/// Frees a batch and every hits handle borrowed from it. NULL is a no-op.
///
/// Thread safety: no other thread may use the batch during or after the call.
///
/// # Safety
///
/// `batch` must be NULL or a live batch handle, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_batch_free(batch: *mut armsmatch_batch) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_batch_free", || unsafe { free_handle(batch) });
}
