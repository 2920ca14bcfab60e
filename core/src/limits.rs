//! Documented, enforced limits. Every input over a limit is refused with
//! [`crate::Error::LimitExceeded`], never truncated silently.
//!
//! ```
//! assert_eq!(armsmatch::limits::MAX_EDITS, 3);
//! ```

/// Longest serial accepted, in bytes of input (before normalization).
pub const MAX_SERIAL_BYTES: usize = 256;
/// Longest serial key (after normalization), in characters. Real serials have ≤ 20.
pub const MAX_KEY_CHARS: usize = 48;
/// Longest record id, make, model, calibre or other text field, in bytes.
pub const MAX_FIELD_BYTES: usize = 1024;
/// Largest edit budget a check may ask for.
pub const MAX_EDITS: u8 = 3;
/// Most `?` and `*` wildcards in one check's serial.
pub const MAX_WILDCARDS: usize = 12;
/// Fewest known (non-wildcard) characters in a partial serial; a check with fewer is
/// refused, as it would match a large part of the register.
pub const MIN_KNOWN_CHARS: usize = 3;
/// Longest wildcard pattern, in tokens.
pub const MAX_PATTERN_TOKENS: usize = 63;
/// Most results a check may ask for (`top`).
pub const MAX_TOP: usize = 1000;
/// Most candidate records one check may gather before scoring; a check that would
/// gather more (a very short or mostly-wildcard serial) is refused and should be
/// narrowed.
pub const MAX_CANDIDATES: usize = 200_000;
/// Most threads a batch check may ask for (0 asks for one per core): more is a typo,
/// not a machine. The command line, the C API and Python take the same.
pub const MAX_THREADS: usize = 256;
/// Most records in one index (record numbers are 32-bit).
pub const MAX_RECORDS: usize = (u32::MAX >> 1) as usize;

/// Most records added and removed since the last compaction that [`crate::Index::save`]
/// writes as the file's journal, beside its base copied as it is; more are folded into
/// a rebuilt base. Each added record is compared with every check outside the FST, so
/// the live layer is kept small (BENCHMARKS.md measures a check with a full journal).
pub const JOURNAL_MAX: usize = 4096;
