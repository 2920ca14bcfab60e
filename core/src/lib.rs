//! # armsmatch — firearm hit detection
//!
//! A seized or found firearm (make, model, serial, calibre) is checked against a
//! register of firearms reported lost, stolen, trafficked or smuggled. armsmatch
//! normalizes the identifiers, searches an in-memory FST index exactly, fuzzily and by
//! partial serial, and scores and explains every hit.
//!
//! The types:
//!
//! * [`Record`] — one registered firearm; [`Query`] — one check.
//! * [`IndexBuilder`] → [`Index`] — the register. `Send + Sync`; records can be
//!   inserted, updated and removed while other threads check; [`Index::save`] /
//!   [`Index::open`] write and memory-map one verified file.
//! * [`Index::check`] / [`Index::check_many`] with [`CheckOptions`] → [`Hit`]s, each
//!   with a score in [0, 1] and an [`Explanation`]: how the serial matched
//!   ([`SerialMatch`]) and how make, model and calibre agree ([`FieldMatch`]).
//! * [`Reference`] — canonical makes, models and calibres with aliases; an embedded
//!   default ships with the crate.
//! * Normalization functions: [`serial_key`], [`serial_keys`], [`skeleton`],
//!   [`is_placeholder_serial`], [`name_key`].
//! * [`raw`] — the FST walks underneath, for power users.
//!
//! # Example
//!
//! ```
//! use armsmatch::{Index, Record, Query, CheckOptions, SerialMatch};
//!
//! let mut builder = Index::builder();
//! builder.add(Record::new("FRA-2023-118", "BA12O4471").make("Glock").model("19").calibre("9mm"))?;
//! builder.add(Record::new("DEU-2024-007", "ВС 1234").make("Izhmash").model("PM"))?;
//! let index = builder.build()?;
//!
//! // A transposed serial, the make written as an alias.
//! let hits = index.check(&Query::new("BA12O4417").make("GLOCK GmbH"), &CheckOptions::default())?;
//! assert_eq!(hits[0].record.id, "FRA-2023-118");
//! assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Fuzzy);
//! println!("{:.2} {}", hits[0].score, hits[0].explanation);
//! # Ok::<(), armsmatch::Error>(())
//! ```
//!
//! # Matching rule
//!
//! A record is a candidate for a check when some serial key of the check and some key
//! of the record have confusable skeletons within the edit budget (optimal string
//! alignment distance: a transposition is one edit), or, for a partial serial, when a
//! record key's skeleton matches the pattern — or, when nothing matches it (at the
//! threshold), the pattern with one slip of the hand undone (two adjacent known
//! characters swapped back, one known character dropped, or a `?` inserted, never beside
//! a `*`, keeping 6 known characters; scored as a weak lead). The budget is [`pair_edit_budget`]
//! ([`auto_edit_budget`] of the longer of the two keys: a copy that dropped characters is
//! short because of them) unless [`CheckOptions::max_edits`] sets it. Every such record is
//! scored; those at or above the threshold are returned. Recall within the budget is
//! exact (property-tested against a brute-force scan).
#![deny(missing_docs)]
#![deny(unsafe_code)]

pub mod distance;
mod error;
mod index;
pub mod io;
pub mod limits;
mod normalize;
mod par;
pub mod raw;
mod record;
pub mod reference;
mod score;
mod segment;
pub mod stats;
#[cfg(feature = "synth")]
pub mod synth;
pub mod trace;

pub use distance::{osa_distance, Alignment, Edit, EditShape};
pub use error::{Error, Result};
pub use index::{Index, IndexBuilder, IndexInfo};
pub use normalize::{
    index_keys, is_placeholder_name, is_placeholder_serial, name_key, search_keys, serial_key,
    serial_keys, skeleton, skeleton_char, zero_free, CONFUSABLE_CLASSES, PLACEHOLDER_NAMES,
    PLACEHOLDER_SERIALS, RARE_CONFUSIONS,
};
pub use record::{country_code, record_id, Date, Kind, Query, Record, Status};
pub use reference::{
    model_key, CalibreEntry, MakeEntry, ModelEntry, NameForm, Reference, ReferenceData, Resolved,
    SystemEntry, EMBEDDED_REFERENCE_TOML,
};
pub use score::{
    auto_edit_budget, calibrate, identity_factor, pair_edit_budget, CheckOptions, Explanation,
    FieldMatch, Hit, SerialEvidence, SerialMatch, DEFAULT_THRESHOLD,
};
pub use segment::{Meta, FORMAT_VERSION, MAGIC};

/// The library version.
///
/// ```
/// assert!(!armsmatch::VERSION.is_empty());
/// ```
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
