//! `armsmatch_options`: the options of a check and of a batch check.

use armsmatch::{limits, CheckOptions, Error};

use crate::boundary::{
    boundary, boundary_void, free_handle, handle_mut, into_handle, out_arg, write_out, Failure,
    Handle,
};
use crate::status::armsmatch_status;
use crate::values::ARMSMATCH_MAX_THREADS;

/// Options of a check (opaque). Made by `armsmatch_options_new` with the defaults: AUTO
/// edit budget, top 10, threshold 0.1, make/model/calibre compared, all cores for a
/// batch. Every check function also accepts NULL for "the defaults".
///
/// Thread safety: one thread may change an options handle while no other thread uses
/// it; once set up, it may be read by any number of concurrent checks.
pub struct armsmatch_options {
    _private: [u8; 0],
}

/// The value behind `armsmatch_options`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub(crate) check: CheckOptions,
    /// Threads of a batch check; 0 = all cores.
    pub(crate) threads: usize,
}

impl Handle for armsmatch_options {
    type Inner = Options;
}

/// The edit budget that grows with the serial's length (0 up to 3 characters, 1 for 4
/// and 5, 2 from 6, of the longer of the check's and the record's serial key: a copy
/// that dropped characters is short because of them): pass it to
/// `armsmatch_options_set_max_edits`.
pub const ARMSMATCH_MAX_EDITS_AUTO: i32 = -1;

/// Makes an options handle with the defaults. Free it with `armsmatch_options_free`.
///
/// Thread safety: any thread.
///
/// # Safety
///
/// `options_out` must be NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_new(
    options_out: *mut *mut armsmatch_options,
) -> armsmatch_status {
    boundary("armsmatch_options_new", || {
        let out = out_arg(options_out, "options_out")?;
        // SAFETY: checked non-NULL; valid for a write by the caller's contract.
        unsafe { write_out(out, into_handle(Options::default())) };
        Ok(())
    })
}

/// Frees an options handle. NULL is a no-op.
///
/// Thread safety: no other thread may use the handle during or after the call.
///
/// # Safety
///
/// `options` must be NULL or a live handle from `armsmatch_options_new`, not used again.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_free(options: *mut armsmatch_options) {
    // SAFETY: forwarded contract.
    boundary_void("armsmatch_options_free", || unsafe { free_handle(options) });
}

/// Sets the edit budget of the serial comparison: `ARMSMATCH_MAX_EDITS_AUTO` (-1, the
/// default) or 0 to `armsmatch_limits.max_edits` (3). Transpositions count as one edit.
///
/// Fails with ARMSMATCH_STATUS_LIMIT_EXCEEDED over the limit and
/// ARMSMATCH_STATUS_INVALID_ARGUMENT below -1; the options are then unchanged.
///
/// Thread safety: not while another thread uses `options`.
///
/// # Safety
///
/// `options` must be NULL or a live options handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_set_max_edits(
    options: *mut armsmatch_options,
    max_edits: i32,
) -> armsmatch_status {
    boundary("armsmatch_options_set_max_edits", || {
        // SAFETY: forwarded contract.
        let o = unsafe { handle_mut(options, "options") }?;
        // Refused here, at the mistake, with the same status core gives at check time.
        o.check.max_edits = match max_edits {
            ARMSMATCH_MAX_EDITS_AUTO => None,
            k if k < 0 => {
                return Err(Failure::invalid(format!(
                    "max_edits {k} is neither ARMSMATCH_MAX_EDITS_AUTO (-1) nor 0 to {}",
                    limits::MAX_EDITS
                )))
            }
            k if k > i32::from(limits::MAX_EDITS) => {
                return Err(Error::LimitExceeded {
                    what: "edit budget".into(),
                    limit: limits::MAX_EDITS as usize,
                    got: k as usize,
                }
                .into())
            }
            k => Some(k as u8),
        };
        Ok(())
    })
}

/// Sets the most hits a check returns: 1 to `armsmatch_limits.max_top` (1000); default 10.
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT out of range; the options are then
/// unchanged.
///
/// Thread safety: not while another thread uses `options`.
///
/// # Safety
///
/// `options` must be NULL or a live options handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_set_top(
    options: *mut armsmatch_options,
    top: usize,
) -> armsmatch_status {
    boundary("armsmatch_options_set_top", || {
        // SAFETY: forwarded contract.
        let o = unsafe { handle_mut(options, "options") }?;
        if top == 0 || top > limits::MAX_TOP {
            return Err(Failure::invalid(format!(
                "top {top} is not between 1 and {}",
                limits::MAX_TOP
            )));
        }
        o.check.top = top;
        Ok(())
    })
}

/// Sets the lowest score returned, in [0, 1]; default 0.1. Scores are calibrated
/// probabilities that the record is the checked firearm (`armsmatch_calibrate`); the
/// default keeps an exact serial under a different make and most sibling serials out,
/// one typing slip of a same-make serial in.
///
/// Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT outside [0, 1] or NaN; the options are
/// then unchanged.
///
/// Thread safety: not while another thread uses `options`.
///
/// # Safety
///
/// `options` must be NULL or a live options handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_set_threshold(
    options: *mut armsmatch_options,
    threshold: f32,
) -> armsmatch_status {
    boundary("armsmatch_options_set_threshold", || {
        // SAFETY: forwarded contract.
        let o = unsafe { handle_mut(options, "options") }?;
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Failure::invalid(format!(
                "threshold {threshold} is not between 0 and 1"
            )));
        }
        o.check.threshold = threshold;
        Ok(())
    })
}

/// Compares serials only when `serial_only` is true: make, model and calibre are
/// ignored (all "unknown", identity factor 1). Default false.
///
/// Thread safety: not while another thread uses `options`.
///
/// # Safety
///
/// `options` must be NULL or a live options handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_set_serial_only(
    options: *mut armsmatch_options,
    serial_only: bool,
) -> armsmatch_status {
    boundary("armsmatch_options_set_serial_only", || {
        // SAFETY: forwarded contract.
        let o = unsafe { handle_mut(options, "options") }?;
        o.check.serial_only = serial_only;
        Ok(())
    })
}

/// Sets the threads of `armsmatch_index_check_batch`: 0 (the default) one per core, 1 to
/// `ARMSMATCH_MAX_THREADS` that many. Either way they are made for the call and have all
/// exited when it returns. Ignored by a single check.
///
/// Fails with ARMSMATCH_STATUS_LIMIT_EXCEEDED over `ARMSMATCH_MAX_THREADS`; the options
/// are then unchanged.
///
/// Thread safety: not while another thread uses `options`.
///
/// # Safety
///
/// `options` must be NULL or a live options handle.
#[no_mangle]
pub unsafe extern "C" fn armsmatch_options_set_threads(
    options: *mut armsmatch_options,
    threads: usize,
) -> armsmatch_status {
    boundary("armsmatch_options_set_threads", || {
        // SAFETY: forwarded contract.
        let o = unsafe { handle_mut(options, "options") }?;
        if threads > ARMSMATCH_MAX_THREADS {
            return Err(Error::LimitExceeded {
                what: "threads of a batch check".into(),
                limit: ARMSMATCH_MAX_THREADS,
                got: threads,
            }
            .into());
        }
        o.threads = threads;
        Ok(())
    })
}
