//! The key set every serial search in the benchmark runs over.
//!
//! For a fair side-by-side, armsmatch and the baselines must search the *same* keys:
//! the confusable skeleton of every index key of every record serial
//! ([`armsmatch::index_keys`] then [`armsmatch::skeleton_char`] per character), which
//! is exactly what the index's serial FST holds (`core/src/segment.rs`). Placeholder
//! serials (`UNK`, `000000`) are not indexed, so they are left out here too.

use armsmatch::synth::Register;
use rayon::prelude::*;

/// The skeletons a record serial is indexed under (empty for a placeholder serial),
/// deduplicated.
///
/// ```
/// use armsmatch_benches::keys::record_skeletons;
/// assert_eq!(record_skeletons("BO-1234"), vec!["801234"]);
/// assert!(record_skeletons("UNK").is_empty());
/// ```
pub fn record_skeletons(serial: &str) -> Vec<String> {
    if armsmatch::is_placeholder_serial(serial) {
        return Vec::new();
    }
    skeletons_of(armsmatch::index_keys(serial))
}

/// The skeletons a full (wildcard-free) query serial is searched with
/// ([`armsmatch::search_keys`]: a record's index keys without the copy by shape of a
/// Cyrillic serial), which is what `Index::check` does.
///
/// ```
/// use armsmatch_benches::keys::query_skeletons;
/// assert_eq!(query_skeletons("00-12345"), vec!["0012345", "12345"]);
/// ```
pub fn query_skeletons(serial: &str) -> Vec<String> {
    if armsmatch::is_placeholder_serial(serial) {
        return Vec::new();
    }
    skeletons_of(armsmatch::search_keys(serial))
}

fn skeletons_of(keys: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(keys.len());
    for k in keys {
        let s: String = k.chars().map(armsmatch::skeleton_char).collect();
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The skeleton pattern of a partial serial (`?`, `*` kept): each run between
/// wildcards normalized as a serial key, then mapped to its skeleton.
///
/// ```
/// use armsmatch_benches::keys::pattern_skeleton;
/// assert_eq!(pattern_skeleton("bo-12?4*"), "8012?4*");
/// ```
pub fn pattern_skeleton(serial: &str) -> String {
    let mut out = String::with_capacity(serial.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        out.extend(
            armsmatch::serial_key(run)
                .chars()
                .map(armsmatch::skeleton_char),
        );
        run.clear();
    };
    for c in serial.chars() {
        if c == '?' || c == '*' {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Distinct skeleton keys in byte order, packed in one arena (10 M records would
/// otherwise be 10 M `String`s: ~40 bytes of overhead each).
#[derive(Debug, Default)]
pub struct KeySet {
    arena: Vec<u8>,
    /// End of key `i` in `arena` (start is the previous end).
    ends: Vec<u32>,
    /// A record number (in register order) of each key, the value of the floor map.
    first_record: Vec<u32>,
}

impl KeySet {
    /// The skeletons of every record of `register`, streamed (records are generated on
    /// demand and dropped at once).
    pub fn from_register(register: &Register) -> KeySet {
        // (offset, length, record) into one unsorted arena.
        let mut arena: Vec<u8> = Vec::new();
        let mut entries: Vec<(u32, u8, u32)> = Vec::new();
        for (i, r) in register.records().enumerate() {
            for s in record_skeletons(&r.serial) {
                let len = s.len().min(u8::MAX as usize);
                entries.push((arena.len() as u32, len as u8, i as u32));
                arena.extend_from_slice(&s.as_bytes()[..len]);
            }
        }
        let key = |e: &(u32, u8, u32)| &arena[e.0 as usize..e.0 as usize + e.1 as usize];
        entries.par_sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        let mut set = KeySet::default();
        for e in &entries {
            let k = key(e);
            if !set.is_empty() && set.key(set.len() - 1) == k {
                continue;
            }
            set.push(k, e.2);
        }
        set
    }

    /// The keys of an FST set (for the brute-force scan in the query phase).
    pub fn from_set<D: AsRef<[u8]>>(set: &fst::Set<D>) -> KeySet {
        use fst::Streamer;
        let mut out = KeySet::default();
        let mut stream = set.stream();
        while let Some(k) = stream.next() {
            out.push(k, 0);
        }
        out
    }

    fn push(&mut self, key: &[u8], record: u32) {
        self.arena.extend_from_slice(key);
        self.ends.push(self.arena.len() as u32);
        self.first_record.push(record);
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True if there is no key.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Key `i`.
    pub fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    /// Every key, in byte order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.len()).map(move |i| self.key(i))
    }

    /// Bytes of key text.
    pub fn key_bytes(&self) -> usize {
        self.arena.len()
    }

    /// An `fst::Set` of the keys: the baseline's index.
    pub fn set_bytes(&self) -> Vec<u8> {
        let mut b = fst::SetBuilder::memory();
        for k in self.iter() {
            b.insert(k).expect("keys are sorted and distinct");
        }
        b.into_inner().expect("in-memory FST")
    }

    /// An `fst::Map` of the keys reversed, to the same values as
    /// [`KeySet::floor_map_bytes`]: with it, the `raw` diagnostic rows run armsmatch's
    /// two split walks over FSTs shaped like the index's (same keys, values of the same
    /// magnitude), without postings or scoring.
    pub fn reversed_map_bytes(&self) -> Vec<u8> {
        let mut rev: Vec<(Vec<u8>, u32)> = (0..self.len())
            .map(|i| {
                (
                    self.key(i).iter().rev().copied().collect(),
                    self.first_record[i],
                )
            })
            .collect();
        rev.par_sort_unstable();
        let mut b = fst::MapBuilder::memory();
        for (k, v) in &rev {
            b.insert(k, u64::from(*v)).expect("sorted, distinct");
        }
        b.into_inner().expect("in-memory FST")
    }

    /// An `fst::Map` from each key to a record number: the floor for exact lookups
    /// (same keys, values of the same magnitude as the index's single-record postings).
    pub fn floor_map_bytes(&self) -> Vec<u8> {
        let mut b = fst::MapBuilder::memory();
        for (i, k) in self.iter().enumerate() {
            b.insert(k, u64::from(self.first_record[i]))
                .expect("keys are sorted and distinct");
        }
        b.into_inner().expect("in-memory FST")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use armsmatch::synth::SynthConfig;

    #[test]
    fn key_set_is_sorted_distinct_and_matches_the_index_key_count() {
        let reg = Register::new(SynthConfig {
            records: 3_000,
            queries: 0,
            seed: 3,
        });
        let keys = KeySet::from_register(&reg);
        assert!(keys.iter().zip(keys.iter().skip(1)).all(|(a, b)| a < b));
        let mut b = armsmatch::IndexBuilder::new();
        for r in reg.records() {
            b.add(r).unwrap();
        }
        let index = b.build().unwrap();
        assert_eq!(index.info().keys as usize, keys.len());
        let set = fst::Set::new(keys.set_bytes()).unwrap();
        assert_eq!(KeySet::from_set(&set).len(), keys.len());
    }
}
