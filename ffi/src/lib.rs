//! # armsmatch C ABI
//!
//! A thin C layer over the `armsmatch` core crate: every matching rule, limit and
//! normalization lives in core; this crate converts arguments, maps errors to status
//! codes and keeps panics from crossing the boundary. The header `include/armsmatch.h`
//! is generated from this source by `gen-header` (cbindgen) and committed.
//!
//! Conventions (see also `ffi/README.md`):
//!
//! * Names `armsmatch_<object>_<verb>`; opaque handles (`armsmatch_index`,
//!   `armsmatch_builder`, `armsmatch_hits`, `armsmatch_batch`, `armsmatch_reference`,
//!   `armsmatch_options`), each freed by its `_free`, which accepts NULL.
//! * Every call except the `_free`s returns an `armsmatch_status`; outputs go through
//!   out-pointers written only on success. On failure
//!   `armsmatch_last_error_message` gives the message (thread-local).
//! * Strings in are pointer + length, UTF-8 validated, and may not hold a NUL byte
//!   (`ARMSMATCH_STATUS_INVALID_ARGUMENT`, checked in `boundary::text_arg`, the one
//!   place text is converted); (NULL, 0) is empty everywhere (strings, byte buffers,
//!   arrays), NULL with a nonzero length is `ARMSMATCH_STATUS_NULL_ARGUMENT`. Strings out
//!   are borrowed from a handle for its lifetime, static, or copied into a caller buffer
//!   (`written` may be NULL; NUL bytes inside are escaped as `\0`); the caller never
//!   frees a string.
//! * Every entry point runs inside `catch_unwind`: a panic is
//!   `ARMSMATCH_STATUS_PANIC`, never an abort or undefined behaviour.

// The C ABI hands raw pointers across the boundary; reading them needs `unsafe`. The
// workspace denies unsafe code; this crate is the one place allowed, and every unsafe
// block carries a `// SAFETY:` comment with the invariant it relies on.
#![allow(unsafe_code)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
// C type names (`armsmatch_index`) are the ABI; cbindgen copies them into the header.
#![allow(non_camel_case_types)]

// The order of these modules is the order of the generated header (cbindgen
// `sort_by = "None"`): status codes, plain values, then the handles in the order a
// program meets them. Blank lines keep rustfmt from sorting them.
mod boundary;

mod status;

mod values;

mod options;

mod reference;

mod builder;

mod index;

mod hits;

mod batch;

pub use batch::*;
pub use builder::*;
pub use hits::*;
pub use index::*;
pub use options::*;
pub use reference::*;
pub use status::*;
pub use values::*;

#[cfg(test)]
mod tests;
