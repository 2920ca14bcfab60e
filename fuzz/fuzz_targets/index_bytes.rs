//! `Index::from_bytes` on arbitrary bytes, as a damaged or foreign file would arrive:
//! refused with `CorruptIndex`, or opened and fully usable.
#![no_main]

use armsmatch::{Error, Index};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    armsmatch_fuzz::only_escaping_panics_crash();
    match Index::from_bytes(data.to_vec()) {
        Ok(index) => armsmatch_fuzz::exercise(&index),
        Err(Error::CorruptIndex { .. }) => {}
        Err(other) => panic!("a bad index file must be CorruptIndex, got: {other}"),
    }
});
