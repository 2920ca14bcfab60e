//! The query sets of one benchmark run.
//!
//! Every set mixes two sources, so the numbers hold for real-looking traffic and for a
//! controlled edit budget alike:
//!
//! * the synthetic register's own checks ([`Register::checks`]): serials as an officer
//!   keys them, with realistic noise (typos, misreadings, transliterations, obliterated
//!   characters), a third true hits and two thirds non-hits;
//! * serials of random registered records with a controlled change: re-cased or
//!   re-separated (exact/normalized), 1–2 random edits (fuzzy), 1–3 characters replaced
//!   by `?`, or a ground-off prefix or suffix (`*`, at least 4 characters known).
//!
//! Each set is shuffled, so any prefix of it is a fair sample of the whole (slow engines
//! are timed on a prefix).

use armsmatch::synth::Register;
use armsmatch::Query;
use serde::{Deserialize, Serialize};

use crate::rng::Rng;

/// Characters of random edits: what serial keys are made of.
const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The query sets of one register size.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Workload {
    /// Records in the register the queries were drawn from.
    pub records: usize,
    /// Generator seed.
    pub seed: u64,
    /// Serials of registered firearms: as written, lower-cased, or with separators
    /// changed (exact and normalized lookups).
    pub exact: Vec<String>,
    /// Full serials for fixed-budget fuzzy search (k = 1 and k = 2): noisy check
    /// serials and registered serials with 1–2 random edits.
    pub fuzzy: Vec<String>,
    /// Partial serials with 1–3 `?`.
    pub wild_one: Vec<String>,
    /// Partial serials with a `*` prefix or suffix and at least 4 known characters.
    pub wild_star: Vec<String>,
    /// The generator's checks as they are (make, model, calibre, serial): the full
    /// default check.
    pub checks: Vec<Query>,
}

impl Workload {
    /// Draws the sets from `register`, about `per_set` queries each. Calls
    /// [`Register::checks`] (which generates the whole register once; the register's
    /// `queries` setting decides how many checks there are).
    pub fn generate(register: &Register, per_set: usize, seed: u64) -> Workload {
        let checks = register.checks();
        let mut rng = Rng::new(seed);
        let mut w = Workload {
            records: register.len(),
            seed,
            ..Workload::default()
        };
        // Half of each serial set comes from the checks (when there are that many).
        for c in &checks {
            let s = &c.query.serial;
            let wild_one = s.contains('?') && !s.contains('*');
            if s.contains('*') && w.wild_star.len() < per_set / 2 {
                w.wild_star.push(s.clone());
            } else if wild_one && w.wild_one.len() < per_set / 2 {
                w.wild_one.push(s.clone());
            } else if !s.contains(['?', '*'])
                && !armsmatch::is_placeholder_serial(s)
                && w.fuzzy.len() < per_set / 2
            {
                w.fuzzy.push(s.clone());
            }
        }
        w.checks = checks.into_iter().map(|c| c.query).collect();
        if register.is_empty() {
            return w;
        }
        let mut tries = 0usize;
        while (w.exact.len() < per_set
            || w.fuzzy.len() < per_set
            || w.wild_one.len() < per_set
            || w.wild_star.len() < per_set)
            && tries < 100 * per_set.max(1)
        {
            tries += 1;
            let serial = register.record(rng.below(register.len())).serial;
            if armsmatch::is_placeholder_serial(&serial) {
                continue;
            }
            let key = armsmatch::serial_key(&serial);
            if w.exact.len() < per_set {
                w.exact.push(respell(&serial, &mut rng));
            }
            if w.fuzzy.len() < per_set {
                let edits = 1 + rng.below(2);
                let mut k = key.clone().into_bytes();
                for _ in 0..edits {
                    random_edit(&mut k, &mut rng);
                }
                let k = String::from_utf8(k).unwrap_or_default();
                if !k.is_empty() && !armsmatch::is_placeholder_serial(&k) {
                    w.fuzzy.push(k);
                }
            }
            // Partial serials need enough characters to keep ≥ 3 (`?`) or ≥ 4 (`*`)
            // known ones, as an examiner would report them.
            if key.is_ascii() && key.len() >= 6 {
                if w.wild_one.len() < per_set {
                    w.wild_one
                        .push(obliterate(&key, 1 + rng.below(3), &mut rng));
                }
                if w.wild_star.len() < per_set {
                    w.wild_star.push(grind(&key, &mut rng));
                }
            }
        }
        for set in [
            &mut w.exact,
            &mut w.fuzzy,
            &mut w.wild_one,
            &mut w.wild_star,
        ] {
            rng.shuffle(set);
        }
        rng.shuffle(&mut w.checks);
        w
    }
}

/// The serial as another register or officer writes the same characters.
fn respell(serial: &str, rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => serial.to_string(),
        1 => serial.to_lowercase(),
        _ => {
            let key = armsmatch::serial_key(serial);
            let mid = key.char_indices().nth(key.chars().count() / 2).map(|p| p.0);
            match mid {
                Some(m) if m > 0 => format!("{}-{}", &key[..m], &key[m..]),
                _ => key,
            }
        }
    }
}

/// One random edit of a key: substitution, insertion, deletion or transposition of
/// neighbours (each one edit in optimal string alignment).
///
/// ```
/// use armsmatch_benches::{rng::Rng, workload::random_edit};
/// let mut k = b"AB1234".to_vec();
/// random_edit(&mut k, &mut Rng::new(1));
/// assert!(armsmatch::osa_distance(&k, b"AB1234") <= 1);
/// ```
pub fn random_edit(key: &mut Vec<u8>, rng: &mut Rng) {
    let n = key.len();
    match rng.below(4) {
        0 if n > 0 => {
            let i = rng.below(n);
            let c = ALNUM[rng.below(ALNUM.len())];
            key[i] = c;
        }
        1 => {
            let i = rng.below(n + 1);
            key.insert(i, ALNUM[rng.below(ALNUM.len())]);
        }
        2 if n > 1 => {
            key.remove(rng.below(n));
        }
        _ if n > 1 => {
            let i = rng.below(n - 1);
            key.swap(i, i + 1);
        }
        _ => key.push(ALNUM[rng.below(ALNUM.len())]),
    }
}

/// `count` distinct characters of an ASCII key replaced by `?`.
fn obliterate(key: &str, count: usize, rng: &mut Rng) -> String {
    let mut b = key.as_bytes().to_vec();
    let mut done = 0;
    while done < count.min(b.len().saturating_sub(3)) {
        let i = rng.below(b.len());
        if b[i] != b'?' {
            b[i] = b'?';
            done += 1;
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

/// A ground-off prefix or suffix: `*` and 4 … len − 1 known characters.
fn grind(key: &str, rng: &mut Rng) -> String {
    let n = key.len();
    let known = 4 + rng.below(n - 4);
    if rng.chance(0.5) {
        format!("*{}", &key[n - known..])
    } else {
        format!("{}*", &key[..known])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use armsmatch::synth::SynthConfig;

    #[test]
    fn sets_are_filled_and_partial_serials_are_well_formed() {
        let reg = Register::new(SynthConfig {
            records: 2_000,
            queries: 60,
            seed: 5,
        });
        let w = Workload::generate(&reg, 50, 1);
        assert_eq!(w.exact.len(), 50);
        assert_eq!(w.fuzzy.len(), 50);
        assert_eq!(w.wild_one.len(), 50);
        assert_eq!(w.wild_star.len(), 50);
        assert_eq!(w.checks.len(), 60);
        for s in &w.wild_one {
            let q = s.chars().filter(|&c| c == '?').count();
            assert!((1..=3).contains(&q) && !s.contains('*'), "{s}");
        }
        for s in &w.wild_star {
            let known = s.chars().filter(|&c| c != '*' && c != '?').count();
            assert!(s.contains('*') && known >= 3, "{s}");
        }
    }
}
