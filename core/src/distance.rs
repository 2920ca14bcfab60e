//! Edit distances over serial keys: the plain optimal-string-alignment distance (what
//! the edit budget counts) and the weighted alignment that scores and explains a hit.

use serde::{Deserialize, Serialize};

use crate::normalize::{skeleton_char, RARE_CONFUSIONS};

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
/// substring): insertions, deletions, substitutions and adjacent transpositions each
/// count one.
///
/// ```
/// use armsmatch::osa_distance;
/// assert_eq!(osa_distance(b"AB1234", b"AB1243"), 1); // transposition
/// assert_eq!(osa_distance(b"AB1234", b"AB124"), 1);
/// assert_eq!(osa_distance(b"CA", b"ABC"), 3);
/// ```
pub fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    let w = m + 1;
    let mut d = vec![0usize; (n + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=n {
        d[i * w] = i;
        for j in 1..=m {
            let sub = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + sub);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[n * w + m]
}

/// OSA distance if it is at most `k`, else `None`; stops early once every cell of a row
/// exceeds `k`.
pub(crate) fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let d = osa_distance(a, b);
    (d <= k).then_some(d)
}

/// One edit in the alignment of a check's serial key against a record's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Edit {
    /// Characters of one confusable class (`O`↔`0`, `I`↔`1`, …).
    Confusable {
        /// Position in the record's key.
        at: usize,
        /// Character in the check.
        check: char,
        /// Character in the record.
        record: char,
    },
    /// A rarer reading confusion (`A`↔`4`, `T`↔`7`, …).
    RareConfusion {
        /// Position in the record's key.
        at: usize,
        /// Character in the check.
        check: char,
        /// Character in the record.
        record: char,
    },
    /// Any other substitution.
    Substitution {
        /// Position in the record's key.
        at: usize,
        /// Character in the check.
        check: char,
        /// Character in the record.
        record: char,
    },
    /// Two adjacent characters swapped.
    Transposition {
        /// Position (of the first of the two) in the record's key.
        at: usize,
    },
    /// A character in the check that the record does not have.
    Insertion {
        /// Position in the record's key before which it stands.
        at: usize,
        /// The character.
        check: char,
    },
    /// A character of the record missing from the check.
    Deletion {
        /// Position in the record's key.
        at: usize,
        /// The character.
        record: char,
    },
}

/// Costs of the weighted alignment; see [`Alignment`]. Documented and fixed so a score
/// can be explained: each reflects how often that difference is a transcription error
/// of the *same* firearm rather than a different firearm (DOMAIN: most errors come from
/// copying by hand or keying; serials are sequential within a batch).
pub mod cost {
    /// Substitution within one confusable class (`O`→`0`): a reading error.
    pub const CONFUSABLE: f32 = 0.15;
    /// A rarer reading confusion (`A`→`4`).
    pub const RARE_CONFUSION: f32 = 0.5;
    /// Two adjacent characters swapped: a typing error.
    pub const TRANSPOSITION: f32 = 0.55;
    /// A character dropped or added.
    pub const INDEL: f32 = 0.8;
    /// A letter added or dropped between digits (NCIC ignores inner letters: `369J257`).
    pub const INNER_LETTER: f32 = 0.45;
    /// A leading zero added or dropped.
    pub const LEADING_ZERO: f32 = 0.3;
    /// A neighbouring key struck instead ([`super::KEYBOARD_ROWS`]): a typing error.
    pub const KEYBOARD: f32 = 0.8;
    /// Any other substitution.
    pub const SUBSTITUTION: f32 = 1.2;
    /// A digit replaced by a non-neighbouring digit in the last three positions: serials
    /// are sequential, so this is usually a *sibling* firearm of the same batch.
    pub const SIBLING_DIGIT: f32 = 2.0;
    /// Two digits swapped, or a digit misread as a digit, in the last three positions:
    /// also a sibling's serial in a dense batch, so dearer than elsewhere.
    pub const SIBLING_SLIP: f32 = 1.1;
}

/// Rows and columns of keys that sit next to each other (QWERTY letter rows, the digit
/// row, and the numeric keypad's rows and columns): a substitution between neighbours
/// is a typing error, cheaper than an arbitrary one.
///
/// ```
/// assert!(armsmatch::distance::keyboard_adjacent('5', '6'));
/// assert!(armsmatch::distance::keyboard_adjacent('4', '7')); // keypad column
/// assert!(!armsmatch::distance::keyboard_adjacent('1', '9'));
/// ```
pub const KEYBOARD_ROWS: &[&str] = &[
    "1234567890",
    "QWERTYUIOP",
    "ASDFGHJKL",
    "ZXCVBNM",
    "789",
    "456",
    "123",
    "741",
    "852",
    "963",
];

/// True if two keys are neighbours in one of [`KEYBOARD_ROWS`].
pub fn keyboard_adjacent(a: char, b: char) -> bool {
    KEYBOARD_ROWS.iter().any(|row| {
        row.as_bytes().windows(2).any(|w| {
            (w[0] as char == a && w[1] as char == b) || (w[0] as char == b && w[1] as char == a)
        })
    })
}

/// The cheapest explanation of how a check's serial key became a record's.
///
/// ```
/// use armsmatch::{Alignment, Edit};
/// let a = Alignment::new("AB12O4", "AB1204");
/// assert_eq!(a.edits.len(), 1);
/// assert!(matches!(a.edits[0], Edit::Confusable { check: 'O', record: '0', .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Weighted cost (sum of [`cost`] of the edits).
    pub cost: f32,
    /// The edits, in record-key order.
    pub edits: Vec<Edit>,
}

impl Alignment {
    /// Aligns `check` (a check's serial key) against `record` (a record's serial key).
    pub fn new(check: &str, record: &str) -> Alignment {
        let a: Vec<char> = check.chars().collect();
        let b: Vec<char> = record.chars().collect();
        let (n, m) = (a.len(), b.len());
        let w = m + 1;
        let mut d = vec![0f32; (n + 1) * w];
        let indel = |s: &[char], i: usize| -> f32 {
            // Cost of inserting/deleting s[i].
            let c = s[i];
            if c == '0' && s[..i].iter().all(|&x| x == '0') {
                cost::LEADING_ZERO
            } else if c.is_ascii_alphabetic()
                && i > 0
                && i + 1 < s.len()
                && s[i - 1].is_ascii_digit()
                && s[i + 1].is_ascii_digit()
            {
                cost::INNER_LETTER
            } else if c.is_ascii_digit() && i + 3 >= s.len() {
                // A digit dropped and another added at the end is a substitution in
                // disguise: it must cost as much as a sibling digit.
                cost::SIBLING_DIGIT / 2.0
            } else {
                cost::INDEL
            }
        };
        let sub = |x: char, y: char, j: usize| -> f32 {
            if x == y {
                0.0
            } else if skeleton_char(x) == skeleton_char(y) {
                cost::CONFUSABLE
            } else if RARE_CONFUSIONS.contains(&(x, y)) || RARE_CONFUSIONS.contains(&(y, x)) {
                if x.is_ascii_digit() && y.is_ascii_digit() && j + 3 >= m {
                    cost::SIBLING_SLIP
                } else {
                    cost::RARE_CONFUSION
                }
            } else if x.is_ascii_digit() && y.is_ascii_digit() && j + 3 >= m {
                if keyboard_adjacent(x, y) {
                    cost::SUBSTITUTION
                } else {
                    cost::SIBLING_DIGIT
                }
            } else if keyboard_adjacent(x, y) {
                cost::KEYBOARD
            } else {
                cost::SUBSTITUTION
            }
        };
        // Swapping b[j-2] and b[j-1]: digits at the end of the serial are a sibling's.
        let transposition = |j: usize| -> f32 {
            if j + 2 >= m && b[j - 1].is_ascii_digit() && b[j - 2].is_ascii_digit() {
                cost::SIBLING_SLIP
            } else {
                cost::TRANSPOSITION
            }
        };
        for j in 1..=m {
            d[j] = d[j - 1] + indel(&b, j - 1);
        }
        for i in 1..=n {
            d[i * w] = d[(i - 1) * w] + indel(&a, i - 1);
            for j in 1..=m {
                let mut v = (d[(i - 1) * w + j] + indel(&a, i - 1))
                    .min(d[i * w + j - 1] + indel(&b, j - 1))
                    .min(d[(i - 1) * w + j - 1] + sub(a[i - 1], b[j - 1], j - 1));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * w + j - 2] + transposition(j));
                }
                d[i * w + j] = v;
            }
        }
        // Walk back the cheapest path.
        let mut edits = Vec::new();
        let (mut i, mut j) = (n, m);
        let eq = |x: f32, y: f32| (x - y).abs() < 1e-4;
        while i > 0 || j > 0 {
            let here = d[i * w + j];
            if i > 0
                && j > 0
                && eq(
                    here,
                    d[(i - 1) * w + j - 1] + sub(a[i - 1], b[j - 1], j - 1),
                )
            {
                let (x, y) = (a[i - 1], b[j - 1]);
                if x != y {
                    let at = j - 1;
                    edits.push(if skeleton_char(x) == skeleton_char(y) {
                        Edit::Confusable {
                            at,
                            check: x,
                            record: y,
                        }
                    } else if RARE_CONFUSIONS.contains(&(x, y)) || RARE_CONFUSIONS.contains(&(y, x))
                    {
                        Edit::RareConfusion {
                            at,
                            check: x,
                            record: y,
                        }
                    } else {
                        Edit::Substitution {
                            at,
                            check: x,
                            record: y,
                        }
                    });
                }
                i -= 1;
                j -= 1;
            } else if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && eq(here, d[(i - 2) * w + j - 2] + transposition(j))
            {
                edits.push(Edit::Transposition { at: j - 2 });
                i -= 2;
                j -= 2;
            } else if i > 0 && eq(here, d[(i - 1) * w + j] + indel(&a, i - 1)) {
                edits.push(Edit::Insertion {
                    at: j,
                    check: a[i - 1],
                });
                i -= 1;
            } else {
                // Only a deletion is left (j > 0 here, or the table would be inconsistent).
                if j == 0 {
                    break;
                }
                edits.push(Edit::Deletion {
                    at: j - 1,
                    record: b[j - 1],
                });
                j -= 1;
            }
        }
        edits.reverse();
        Alignment {
            cost: d[n * w + m],
            edits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_basics() {
        assert_eq!(osa_distance(b"", b"ABC"), 3);
        assert_eq!(osa_distance(b"ABC", b"ABC"), 0);
        assert_eq!(osa_distance(b"ABC", b"ACB"), 1);
        assert_eq!(osa_distance(b"ABCD", b"BADC"), 2);
        assert_eq!(osa_within(b"ABCD", b"BADC", 1), None);
        assert_eq!(osa_within(b"ABCD", b"ABDC", 1), Some(1));
    }

    #[test]
    fn alignment_kinds() {
        let a = Alignment::new("1234576", "1234567");
        assert_eq!(a.edits, vec![Edit::Transposition { at: 5 }]);
        let a = Alignment::new("369J257", "369257");
        assert_eq!(a.edits, vec![Edit::Insertion { at: 3, check: 'J' }]);
        assert!((a.cost - cost::INNER_LETTER).abs() < 1e-6);
        let a = Alignment::new("0012345", "12345");
        assert_eq!(a.edits.len(), 2);
        assert!((a.cost - 2.0 * cost::LEADING_ZERO).abs() < 1e-6);
        let a = Alignment::new("1234563", "1234567");
        assert!((a.cost - cost::SIBLING_DIGIT).abs() < 1e-6);
        let a = Alignment::new("1234568", "1234567");
        assert!(
            (a.cost - cost::SUBSTITUTION).abs() < 1e-6,
            "neighbouring keys"
        );
        let a = Alignment::new("W234567", "Q234567");
        assert!((a.cost - cost::KEYBOARD).abs() < 1e-6);
        let a = Alignment::new("A234567", "4234567");
        assert!(matches!(a.edits[0], Edit::RareConfusion { .. }));
        let a = Alignment::new("", "AB");
        assert_eq!(a.edits.len(), 2);
    }

    #[test]
    fn alignment_cost_never_exceeds_plain_distance() {
        // Every weighted cost is ≤ the SIBLING_DIGIT cost, so cost ≤ 2 × distance.
        for (x, y) in [("ABCDEF", "FEDCBA"), ("123", "99999"), ("AB12", "BA21")] {
            let a = Alignment::new(x, y);
            let d = osa_distance(x.as_bytes(), y.as_bytes()) as f32;
            assert!(a.cost <= d * cost::SIBLING_DIGIT + 1e-4);
        }
    }
}
