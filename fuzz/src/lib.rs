//! Helpers shared by the index fuzz targets.

use armsmatch::{CheckOptions, Error, Index, Query, Record};

/// Recomputes every section checksum and the header checksum of an index file in
/// place, where the section table's offsets allow it. A CRC is not a signature: whoever
/// hands us a hostile file can make its checksums right, so the structural checks
/// behind them must hold on their own. Returns false if the header is too short.
pub fn fix_checksums(bytes: &mut [u8]) -> bool {
    if bytes.len() < 16 {
        return false;
    }
    let count = u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
    let Some(table_end) = count.checked_mul(32).and_then(|t| t.checked_add(16)) else {
        return false;
    };
    if bytes.len() < table_end + 4 {
        return false;
    }
    for s in 0..count {
        let at = 16 + s * 32;
        let u64_at = |i: usize| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&bytes[i..i + 8]);
            u64::from_le_bytes(a)
        };
        let (off, len) = (u64_at(at + 8), u64_at(at + 16));
        let end = off.checked_add(len);
        if let Some(end) = end.filter(|&e| e <= bytes.len() as u64) {
            let crc = crc32fast::hash(&bytes[off as usize..end as usize]);
            bytes[at + 24..at + 28].copy_from_slice(&crc.to_le_bytes());
        }
    }
    let crc = crc32fast::hash(&bytes[..table_end]);
    bytes[table_end..table_end + 4].copy_from_slice(&crc.to_le_bytes());
    true
}

/// Uses an index that opened: every public read, the live layer, and a round trip
/// through bytes. Panics (a finding) if anything misbehaves.
pub fn exercise(index: &Index) {
    let info = index.info();
    assert_eq!(info.records as usize, index.len());
    let mut records: Vec<Record> = Vec::new();
    index.for_each_record(|r| records.push(r));
    assert_eq!(
        records.len(),
        index.len(),
        "for_each_record disagrees with len"
    );
    let o = CheckOptions::default().threshold(0.0).top(1000);
    // Ids are looked up trimmed. The builder trims them, but a hand-made file with
    // valid checksums may hold any id; those records are still read, just not by id.
    let by_id = |r: &&Record| !r.id.is_empty() && r.id.trim() == r.id;
    for r in records.iter().take(16) {
        if by_id(&r) {
            assert_eq!(index.get(&r.id).as_ref(), Some(r), "get({:?})", r.id);
            assert!(index.contains(&r.id));
        }
        for serial in [
            r.serial.clone(),
            format!("{}*", r.serial.chars().take(4).collect::<String>()),
        ] {
            match index.check(&Query::new(serial.clone()).make("Glock"), &o) {
                Ok(hits) => {
                    for h in &hits {
                        assert!((0.0..=1.0).contains(&h.score));
                    }
                }
                Err(Error::InvalidInput { .. } | Error::LimitExceeded { .. }) => {}
                Err(e) => panic!("check {serial:?}: unexpected error {e}"),
            }
        }
    }
    // An opened index reads back to exactly its bytes, and opens again.
    let bytes = index.to_bytes().expect("to_bytes of an opened index");
    let again = Index::from_bytes(bytes.clone()).expect("an index's own bytes open");
    assert_eq!(again.len(), index.len());
    // The live layer over an opened base: insert, remove, compact.
    if let Some(r) = records.iter().find(by_id) {
        index.remove(&r.id).expect("remove a present record");
        assert!(!index.contains(&r.id));
    }
    let _ = index.insert(Record::new("FUZZ-NEW", "ZQ-99887766"));
    // An index that opens must stay usable: its live changes can be compacted.
    if let Err(e) = index.compact() {
        panic!("an opened index cannot be compacted: {e}");
    }
    let after =
        Index::from_bytes(index.to_bytes().expect("to_bytes")).expect("compacted bytes open");
    assert_eq!(after.len(), index.len());
}

/// Puts the standard panic hook back in place of libFuzzer's, which aborts on *every*
/// panic, even one the library catches on purpose: armsmatch walks the FSTs of an index
/// file under `catch_unwind` at open, because the `fst` crate trusts its bytes and can
/// panic on a crafted file, and turns that panic into `Error::CorruptIndex`. A panic
/// that escapes the library still reaches libFuzzer's own `catch_unwind` around each
/// input, which aborts: it is still a crash. Call at the top of every target.
pub fn only_escaping_panics_crash() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            // Printed like the standard hook, without aborting.
            eprintln!("panic (caught or not): {info}");
        }));
    });
}
