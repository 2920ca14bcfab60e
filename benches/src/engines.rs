//! The engines armsmatch is measured against, and the key sets each search returns (for
//! recall and parity).
//!
//! * [`LevenshteinBaseline`] — what one would build first with off-the-shelf crates: a
//!   plain `fst::Set` of the keys searched with a `levenshtein_automata` DFA
//!   (transpositions cost one, as in armsmatch) through `Set::search_with_state`.
//! * [`Osa`] / [`brute_fuzzy`] — a brute-force banded optimal-string-alignment scan
//!   over every key: the recall oracle.
//! * [`brute_pattern`] — the same for partial serials, with its own [`glob_match`].

use std::collections::BTreeSet;

use armsmatch::Hit;
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};

use crate::keys::{query_skeletons, record_skeletons, KeySet};

/// A set of keys (bytes), ordered: what a search found, compared across engines.
pub type Found = BTreeSet<Vec<u8>>;

/// `fst::Set` + `levenshtein_automata`: the baseline the issue names.
pub struct LevenshteinBaseline {
    /// One builder per budget 0 ..= max (a builder precomputes the parametric
    /// automaton; building it per query would be unfair to the baseline).
    builders: Vec<LevenshteinAutomatonBuilder>,
}

impl LevenshteinBaseline {
    /// Builders for budgets up to `max_k`.
    pub fn new(max_k: u8) -> LevenshteinBaseline {
        LevenshteinBaseline {
            builders: (0..=max_k)
                .map(|k| LevenshteinAutomatonBuilder::new(k, true))
                .collect(),
        }
    }

    /// Searches `set` for every key within `k` of the query serial's skeletons (the
    /// same normalization as armsmatch, included in the time), calling
    /// `visit(key, distance)` per key found.
    pub fn search<D: AsRef<[u8]>>(
        &self,
        set: &fst::Set<D>,
        serial: &str,
        k: u8,
        mut visit: impl FnMut(&[u8], u8),
    ) {
        for q in query_skeletons(serial) {
            let dfa = self.builders[k as usize].build_dfa(&q);
            let mut stream = set.search_with_state(&dfa).into_stream();
            while let Some((key, state)) = stream.next() {
                let d = match dfa.distance(state) {
                    Distance::Exact(d) => d,
                    Distance::AtLeast(d) => d,
                };
                visit(key, d);
            }
        }
    }

    /// The keys found, as a set.
    pub fn found<D: AsRef<[u8]>>(&self, set: &fst::Set<D>, serial: &str, k: u8) -> Found {
        let mut out = Found::new();
        self.search(set, serial, k, |key, _| {
            out.insert(key.to_vec());
        });
        out
    }
}

/// Banded optimal string alignment (restricted Damerau–Levenshtein: a transposition of
/// neighbours is one edit) with early exit, reusing its rows between calls.
///
/// ```
/// use armsmatch_benches::engines::Osa;
/// let mut osa = Osa::default();
/// assert_eq!(osa.within(b"AB1234", b"AB1243", 1), Some(1));
/// assert_eq!(osa.within(b"AB1234", b"BA1243", 1), None);
/// assert_eq!(osa.within(b"AB1234", b"BA1243", 2), Some(2));
/// ```
#[derive(Debug, Default, Clone)]
pub struct Osa {
    rows: [Vec<u8>; 3],
}

impl Osa {
    /// The OSA distance of `a` and `b` if it is at most `k` (k < 255).
    pub fn within(&mut self, a: &[u8], b: &[u8], k: usize) -> Option<usize> {
        let (n, m) = (a.len(), b.len());
        if n.abs_diff(m) > k {
            return None;
        }
        let big = (k + 1) as u8;
        for r in &mut self.rows {
            r.clear();
            r.resize(m + 2, big);
        }
        let [mut prev2, mut prev, mut cur] = std::mem::take(&mut self.rows);
        for (j, cell) in prev.iter_mut().enumerate().take(m.min(k) + 1) {
            *cell = j as u8;
        }
        let mut result = None;
        let mut alive = true;
        for i in 1..=n {
            // Only cells with |i − j| ≤ k can be within k; the cells just outside the
            // band are reset to `big` so the next row never reads a stale value.
            let lo = i.saturating_sub(k).max(1);
            let hi = (i + k).min(m);
            cur[0] = if i <= k { i as u8 } else { big };
            if lo > 1 {
                cur[lo - 1] = big;
            }
            cur[hi + 1] = big;
            let mut row_min = cur[0];
            for j in lo..=hi {
                let sub = u8::from(a[i - 1] != b[j - 1]);
                let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + sub);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(prev2[j - 2] + 1);
                }
                let v = v.min(big);
                cur[j] = v;
                row_min = row_min.min(v);
            }
            // Row minima never fall (a transposition from two rows up is matched by a
            // substitution through the row between), so a dead row ends the scan.
            if row_min > k as u8 {
                alive = false;
                break;
            }
            std::mem::swap(&mut prev2, &mut prev);
            std::mem::swap(&mut prev, &mut cur);
        }
        if alive && prev[m] <= k as u8 {
            result = Some(prev[m] as usize);
        }
        self.rows = [prev2, prev, cur];
        result
    }
}

/// Brute force: every key within `k` of any skeleton of `serial`.
pub fn brute_fuzzy(keys: &KeySet, serial: &str, k: usize, osa: &mut Osa) -> Found {
    let mut out = Found::new();
    for q in query_skeletons(serial) {
        let q = q.as_bytes();
        for key in keys.iter() {
            if key.len().abs_diff(q.len()) <= k && osa.within(q, key, k).is_some() {
                out.insert(key.to_vec());
            }
        }
    }
    out
}

/// Brute force: every key matching the skeleton pattern of a partial serial (`?` one
/// byte, `*` any run), by [`glob_match`].
pub fn brute_pattern(keys: &KeySet, pattern: &[u8]) -> Found {
    keys.iter()
        .filter(|k| glob_match(pattern, k))
        .map(<[u8]>::to_vec)
        .collect()
}

/// `?`/`*` matching of a whole key, the classic greedy scan that backtracks to the last
/// `*` (linear for one `*`, as partial serials have). Written independently of
/// [`armsmatch::raw::Pattern`], so the oracle does not share the code it checks.
///
/// ```
/// use armsmatch_benches::engines::glob_match;
/// assert!(glob_match(b"AB?1*4", b"ABX1994"));
/// assert!(!glob_match(b"AB?1*4", b"AB14"));
/// assert!(glob_match(b"*4471", b"BA1204471"));
/// ```
pub fn glob_match(pattern: &[u8], key: &[u8]) -> bool {
    let (mut p, mut k) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while k < key.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, k));
                p += 1;
            }
            Some(&c) if c == b'?' || c == key[k] => {
                p += 1;
                k += 1;
            }
            _ => match star {
                // Let the last `*` swallow one more byte and retry from there.
                Some((sp, sk)) => {
                    p = sp + 1;
                    k = sk + 1;
                    star = Some((sp, sk + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

/// The keys through which armsmatch's hits match a fuzzy query: every skeleton of every
/// hit record that is within `k` of a skeleton of the query.
pub fn hit_keys_fuzzy(hits: &[Hit], serial: &str, k: usize, osa: &mut Osa) -> Found {
    let qs = query_skeletons(serial);
    let mut out = Found::new();
    for h in hits {
        for rk in record_skeletons(&h.record.serial) {
            if qs
                .iter()
                .any(|q| osa.within(q.as_bytes(), rk.as_bytes(), k).is_some())
            {
                out.insert(rk.into_bytes());
            }
        }
    }
    out
}

/// The keys through which armsmatch's hits match a partial query.
pub fn hit_keys_pattern(hits: &[Hit], pattern: &[u8]) -> Found {
    let mut out = Found::new();
    for h in hits {
        for rk in record_skeletons(&h.record.serial) {
            if glob_match(pattern, rk.as_bytes()) {
                out.insert(rk.into_bytes());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use armsmatch::raw::Pattern;

    /// Full-matrix OSA, the oracle for the banded one.
    fn osa_full(a: &[u8], b: &[u8]) -> usize {
        armsmatch::osa_distance(a, b)
    }

    #[test]
    fn banded_osa_equals_full_osa() {
        let mut rng = crate::rng::Rng::new(11);
        let mut osa = Osa::default();
        for _ in 0..20_000 {
            let gen = |rng: &mut crate::rng::Rng| -> Vec<u8> {
                (0..rng.below(9)).map(|_| b"ABC12"[rng.below(5)]).collect()
            };
            let (a, b) = (gen(&mut rng), gen(&mut rng));
            let k = rng.below(4);
            let d = osa_full(&a, &b);
            assert_eq!(
                osa.within(&a, &b, k),
                (d <= k).then_some(d),
                "{a:?} {b:?} {k}"
            );
        }
    }

    #[test]
    fn glob_match_equals_pattern_matches() {
        let mut rng = crate::rng::Rng::new(5);
        for _ in 0..20_000 {
            let p: Vec<u8> = (0..rng.below(7)).map(|_| b"AB1?*"[rng.below(5)]).collect();
            let k: Vec<u8> = (0..rng.below(8)).map(|_| b"AB1"[rng.below(3)]).collect();
            let want = Pattern::parse(&p).unwrap().matches(&k);
            assert_eq!(glob_match(&p, &k), want, "{p:?} {k:?}");
        }
    }

    #[test]
    fn baseline_finds_what_brute_force_finds() {
        let words = ["AB1234", "AB1243", "AB123", "XB1234", "ZZ9999", "BA1234"];
        let mut sorted: Vec<String> = words
            .iter()
            .map(|w| query_skeletons(w)[0].clone())
            .collect();
        sorted.sort();
        sorted.dedup();
        let set = fst::Set::from_iter(sorted).unwrap();
        let keys = KeySet::from_set(&set);
        let base = LevenshteinBaseline::new(2);
        let mut osa = Osa::default();
        for k in 0..=2u8 {
            for q in ["AB1234", "A81234", "BA12344"] {
                assert_eq!(
                    base.found(&set, q, k),
                    brute_fuzzy(&keys, q, k as usize, &mut osa),
                    "{q} {k}"
                );
            }
        }
    }
}
