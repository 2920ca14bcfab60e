//! # armsmatch-benches — the benchmark harness of armsmatch
//!
//! Two tools share this library:
//!
//! * the **bulk benchmark** (`cargo run --release -p armsmatch-benches -- …`, see
//!   `src/main.rs`): on one generated register per size it measures armsmatch next to a
//!   plain `fst::Set` + `levenshtein_automata` baseline, a brute-force banded OSA scan
//!   and a bare `fst::Map::get` floor, checks recall against the brute force, and writes
//!   `BENCHMARKS.md` and a JSON file;
//! * the **criterion micro-benchmarks** (`benches/micro.rs`).
//!
//! The modules:
//!
//! * [`rng`] — a tiny deterministic generator (no `rand` dependency for the harness);
//! * [`workload`] — the query sets, drawn from the synthetic register's checks and
//!   from registered serials with random edits;
//! * [`keys`] — the distinct confusable skeletons the index's serial FST holds, and the
//!   baseline FSTs built from exactly those keys;
//! * [`engines`] — the baselines (Levenshtein automaton, brute force) and the key sets a
//!   search returns, for recall;
//! * [`measure`] — throughput loops, peak RSS, machine description;
//! * [`report`] — targets, the Markdown table and the JSON file.
#![deny(missing_docs)]

pub mod engines;
pub mod keys;
pub mod measure;
pub mod report;
pub mod rng;
pub mod workload;
