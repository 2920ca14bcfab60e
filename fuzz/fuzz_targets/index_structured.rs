//! `Index::from_bytes` on mutated index files whose checksums were recomputed: a
//! hostile file (a CRC is not a signature) must be refused by the structural checks or
//! open into an index that is fully usable. Seeds are valid small indexes.
#![no_main]

use armsmatch::{Error, Index};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    armsmatch_fuzz::only_escaping_panics_crash();
    let mut bytes = data.to_vec();
    if !armsmatch_fuzz::fix_checksums(&mut bytes) {
        return;
    }
    match Index::from_bytes(bytes) {
        Ok(index) => armsmatch_fuzz::exercise(&index),
        Err(Error::CorruptIndex { .. }) => {}
        Err(other) => panic!("a bad index file must be CorruptIndex, got: {other}"),
    }
});
