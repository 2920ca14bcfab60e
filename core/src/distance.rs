//! Edit distances over serial keys: the plain optimal-string-alignment distance (what
//! the edit budget counts) and the weighted alignment that scores and explains a hit.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use crate::limits::MAX_KEY_CHARS;
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
    // Without a bound the walk never stops early, so there is always a distance.
    osa_bounded(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// OSA distance if it is at most `k`, else `None`; stops early once every cell of a row
/// exceeds `k`.
pub(crate) fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    osa_bounded(a, b, k)
}

/// Row length up to which [`osa_bounded`] keeps its three DP rows on the stack: keys
/// are at most [`MAX_KEY_CHARS`] characters, two bytes each for Cyrillic; anything
/// longer takes the heap.
const OSA_STACK_ROW: usize = 2 * MAX_KEY_CHARS + 1;

/// The OSA distance of `a` and `b` if it is at most `k`, else `None`. Keeps three rows
/// of the DP (the transposition looks two rows back), not the whole matrix.
///
/// Stopping early is exact: every cell of row `i` is at least the smallest cell of row
/// `i − 1` (a transposition from row `i − 2` costs at least the diagonal step it skips),
/// so once a whole row exceeds `k`, so does the distance.
fn osa_bounded(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        let d = n.max(m);
        return (d <= k).then_some(d);
    }
    let w = m + 1;
    if w <= OSA_STACK_ROW {
        let mut rows = [[0usize; OSA_STACK_ROW]; 3];
        let [r0, r1, r2] = &mut rows;
        osa_rows(a, b, k, &mut r0[..w], &mut r1[..w], &mut r2[..w])
    } else {
        let mut rows = vec![0usize; 3 * w];
        let (r0, rest) = rows.split_at_mut(w);
        let (r1, r2) = rest.split_at_mut(w);
        osa_rows(a, b, k, r0, r1, r2)
    }
}

/// The OSA DP over rolling rows, each `b.len() + 1` long; `a` and `b` are non-empty.
fn osa_rows<'r>(
    a: &[u8],
    b: &[u8],
    k: usize,
    mut before: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> Option<usize> {
    let m = b.len();
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let sub = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + sub);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        // Row i − 2 is no longer needed: its storage becomes row i + 1.
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
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

impl Edit {
    /// True for a zero of padding added or dropped ([`cost::LEADING_ZERO`]): a `0` at
    /// the start of the record's key, or of the number after its letter prefix, before a
    /// digit 1–9 (`0012345` for `12345`, `AB01234` for `AB1234`). Explanations name it
    /// so ("padding 0 added before 3").
    ///
    /// ```
    /// use armsmatch::Alignment;
    /// let a = Alignment::new("AB01234", "AB1234");
    /// assert!(a.edits[0].is_padding("AB1234"));
    /// let b = Alignment::new("AB12034", "AB1234");
    /// assert!(!b.edits[0].is_padding("AB1234"));
    /// ```
    pub fn is_padding(&self, record_key: &str) -> bool {
        let (at, zeros_end) = match *self {
            Edit::Insertion { at, check: '0' } => (at, at),
            Edit::Deletion { at, record: '0' } => (at, at + 1),
            _ => return false,
        };
        let r: Vec<char> = record_key.chars().collect();
        if at > r.len() || zeros_end > r.len() {
            return false;
        }
        let start = r[..at].iter().rposition(|&c| c != '0').map_or(0, |p| p + 1);
        let padded_from_start = start == 0 || r[start - 1].is_ascii_alphabetic();
        let end = zeros_end + r[zeros_end..].iter().take_while(|&&c| c == '0').count();
        padded_from_start && matches!(r.get(end), Some('1'..='9'))
    }
}

/// Costs of the weighted alignment; see [`Alignment`]. Documented and fixed so a score
/// can be explained: each reflects how often that difference is a transcription error
/// of the *same* firearm rather than a different firearm (DOMAIN: most errors come from
/// copying by hand or keying; serials are sequential within a batch).
pub mod cost {
    /// Substitution within one confusable class (`O`→`0`): a reading error.
    pub const CONFUSABLE: f32 = 0.15;
    /// A rarer reading confusion (`A`→`4`, `H`→`N`).
    pub const RARE_CONFUSION: f32 = 0.5;
    /// A digit misread as another digit (`1`/`7`, `3`/`8`, `4`/`9`, `5`/`6` of
    /// handwriting): the misreading is another valid serial, so as often a sibling
    /// firearm's as a slip. Measured against [`RARE_CONFUSION`] on the independent
    /// registers (`scripts/independent-register.py` seeds 1 and 2): false hits 0.95 →
    /// 0.76 % and 0.98 → 0.74 %, recall@1 within 0.2 points.
    pub const DIGIT_MISREAD: f32 = 0.8;
    /// Two adjacent characters swapped: a typing error.
    pub const TRANSPOSITION: f32 = 0.55;
    /// A character dropped or added.
    pub const INDEL: f32 = 0.8;
    /// A character dropped from, or added to, a run of itself (`15566449` for
    /// `1556649`, `YNA17641` for `YNA176441`): a doubled or undoubled character, the
    /// commonest slip when copying a serial by hand. Measured on the labelled synthetic
    /// registers (seeds 42 and 7, `armsmatch eval`): recall@1 at 0.1 % false hits
    /// +0.9 and +2.0 points against the plain [`INDEL`] cost.
    pub const STUTTER: f32 = 0.6;
    /// A letter added or dropped between digits (NCIC ignores inner letters: `369J257`).
    pub const INNER_LETTER: f32 = 0.45;
    /// Zero padding added or dropped: the zeros that lead the serial (`0012345`) or the
    /// number after a letter prefix (`AB001234`); a run of them costs this once.
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
    /// Factor on the cost of two or more edits shaped like slips of the hand
    /// ([`super::EditShape::Slip`]: a transposition, or a character dropped or added
    /// that changes the length), which the serial of another firearm of the batch
    /// does not show.
    pub const SLIP_SHAPED: f32 = 0.85;
    /// Factor on the cost of two or more edits shaped like a sibling's serial
    /// ([`super::EditShape::Sibling`]: the same length, digits replaced by digits).
    /// Both factors were measured on the labelled registers (`armsmatch eval`, own
    /// seeds 42 and 7, independent seeds 1 and 2): of the fuzzy hits with two or more
    /// edits, slip-shaped ones were the checked firearm two to four times as often as
    /// their score said, sibling-shaped ones a third to a half as often.
    pub const SIBLING_SHAPED: f32 = 1.4;
}

/// The shape of two or more edits: what made them, a slip of the hand or another
/// firearm of the same batch. Sibling serials (the next firearms off the line) have the
/// same length and differ in digits only, in place; slips swap neighbours and drop or
/// add characters. A single edit has no shape ([`EditShape::Plain`]): its kind and place
/// already price it ([`cost`]); nor do edits that amount to one by plain edit distance
/// (a digit dropped and another added beside it), which the scorer checks
/// ([`crate::SerialEvidence::shape`]).
///
/// ```
/// use armsmatch::{Alignment, EditShape};
/// assert_eq!(EditShape::of(&Alignment::new("AB213456", "AB123466").edits), EditShape::Slip);
/// assert_eq!(EditShape::of(&Alignment::new("AB123456", "AB123789").edits), EditShape::Sibling);
/// assert_eq!(EditShape::of(&Alignment::new("AB123456", "AB123457").edits), EditShape::Plain);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EditShape {
    /// One edit or none, or a mix that is neither of the others.
    Plain,
    /// Two or more edits, one a transposition or a change of length.
    Slip,
    /// Two or more edits at the same length, each a digit replaced by a digit (or a
    /// digit dropped where another is added: the same difference read as a shift).
    Sibling,
}

impl EditShape {
    /// The shape of an alignment's edits.
    pub fn of(edits: &[Edit]) -> EditShape {
        let (mut n, mut added, mut dropped, mut swapped, mut digits) = (0, 0, 0, false, true);
        for e in edits {
            n += 1;
            match *e {
                Edit::Substitution { check, record, .. }
                | Edit::RareConfusion { check, record, .. } => {
                    digits &= check.is_ascii_digit() && record.is_ascii_digit();
                }
                Edit::Insertion { check, .. } => {
                    added += 1;
                    digits &= check.is_ascii_digit();
                }
                Edit::Deletion { record, .. } => {
                    dropped += 1;
                    digits &= record.is_ascii_digit();
                }
                Edit::Transposition { .. } => swapped = true,
                Edit::Confusable { .. } => digits = false,
            }
        }
        if n < 2 {
            EditShape::Plain
        } else if swapped || added != dropped {
            EditShape::Slip
        } else if digits {
            EditShape::Sibling
        } else {
            EditShape::Plain
        }
    }

    /// The factor on the edits' cost: [`cost::SLIP_SHAPED`], [`cost::SIBLING_SHAPED`]
    /// or 1.
    ///
    /// ```
    /// use armsmatch::EditShape;
    /// assert!(EditShape::Slip.cost_factor() < 1.0 && EditShape::Sibling.cost_factor() > 1.0);
    /// ```
    pub fn cost_factor(self) -> f32 {
        match self {
            EditShape::Plain => 1.0,
            EditShape::Slip => cost::SLIP_SHAPED,
            EditShape::Sibling => cost::SIBLING_SHAPED,
        }
    }

    /// Its name in explanations: `plain`, `slip` or `sibling`.
    ///
    /// ```
    /// assert_eq!(armsmatch::EditShape::Slip.as_str(), "slip");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EditShape::Plain => "plain",
            EditShape::Slip => "slip",
            EditShape::Sibling => "sibling",
        }
    }
}

/// Rows and columns of keys that sit next to each other (QWERTY letter rows, the digit
/// row, and the numeric keypad's rows and columns): a substitution between neighbours
/// is a typing error, cheaper than an arbitrary one. Keys of neighbouring rows of the
/// main keyboard touch too ([`KEYBOARD_STAGGER`]). ASCII only: [`keyboard_adjacent`]'s
/// lookup table is built from these rows at compile time.
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

/// The main keyboard's rows from the top with how far each is shifted to the right, in
/// quarters of a key (QWERTY: `Q` sits between `1` and `2`, `A` a quarter further, `Z`
/// half a key beyond `A`). A key touches the keys of the row above or below whose
/// centres are at most three quarters of a key away: `5` touches `R` and `T`, `G`
/// touches `T`, `Y`, `V` and `B`. A finger that slips up or down strikes one of them
/// (`1` keyed as `Q`, `T` as `G`).
///
/// ```
/// use armsmatch::distance::keyboard_adjacent;
/// assert!(keyboard_adjacent('5', 'T') && keyboard_adjacent('1', 'Q'));
/// assert!(keyboard_adjacent('G', 'B') && keyboard_adjacent('A', 'Z'));
/// assert!(!keyboard_adjacent('1', 'A') && !keyboard_adjacent('5', 'Y'));
/// ```
pub const KEYBOARD_STAGGER: &[(&str, u8)] = &[
    ("1234567890", 0),
    ("QWERTYUIOP", 2),
    ("ASDFGHJKL", 3),
    ("ZXCVBNM", 5),
];

/// Farthest apart, in quarters of a key, two keys of neighbouring rows may be and
/// still touch ([`KEYBOARD_STAGGER`]).
const STAGGER_REACH: u32 = 3;

/// True if two keys are neighbours in one of [`KEYBOARD_ROWS`] or touch across rows
/// of the main keyboard ([`KEYBOARD_STAGGER`]). Keys outside ASCII are never
/// neighbours.
pub fn keyboard_adjacent(a: char, b: char) -> bool {
    ascii_pair(&KEYBOARD_TABLE, a, b)
}

/// Bit `y` of entry `x` is set when ASCII keys `x` and `y` are neighbours in one of
/// [`KEYBOARD_ROWS`] or across [`KEYBOARD_STAGGER`]; derived from them at compile time,
/// so the layouts stay the one source.
static KEYBOARD_TABLE: [u128; 128] = keyboard_table(KEYBOARD_ROWS, KEYBOARD_STAGGER);

/// Bit `y` of entry `x` is set when ASCII characters `x` and `y` form one of
/// [`RARE_CONFUSIONS`] (either way round); derived from it at compile time.
static RARE_TABLE: [u128; 128] = rare_table(RARE_CONFUSIONS);

/// Symmetric adjacency bits of consecutive keys in each row and of keys touching across
/// staggered rows. Every key must be ASCII (the build fails otherwise).
const fn keyboard_table(rows: &[&str], stagger: &[(&str, u8)]) -> [u128; 128] {
    let mut t = [0u128; 128];
    let mut r = 0;
    while r < rows.len() {
        let row = rows[r].as_bytes();
        let mut i = 0;
        while i < row.len() {
            assert!(row[i] < 128, "KEYBOARD_ROWS must be ASCII");
            if i > 0 {
                let (x, y) = (row[i - 1] as usize, row[i] as usize);
                t[x] |= 1 << y;
                t[y] |= 1 << x;
            }
            i += 1;
        }
        r += 1;
    }
    // Keys of neighbouring staggered rows whose centres are close enough.
    let mut r = 1;
    while r < stagger.len() {
        let (upper, up_shift) = (stagger[r - 1].0.as_bytes(), stagger[r - 1].1 as u32);
        let (lower, low_shift) = (stagger[r].0.as_bytes(), stagger[r].1 as u32);
        let mut i = 0;
        while i < upper.len() {
            let mut j = 0;
            while j < lower.len() {
                assert!(
                    upper[i] < 128 && lower[j] < 128,
                    "KEYBOARD_STAGGER must be ASCII"
                );
                let (x, y) = (4 * i as u32 + up_shift, 4 * j as u32 + low_shift);
                if x.abs_diff(y) <= STAGGER_REACH {
                    let (a, b) = (upper[i] as usize, lower[j] as usize);
                    t[a] |= 1 << b;
                    t[b] |= 1 << a;
                }
                j += 1;
            }
            i += 1;
        }
        r += 1;
    }
    t
}

/// Symmetric bits of the ASCII pairs in `pairs`; other pairs are looked up in the list
/// itself (see [`rare_confusion`]).
const fn rare_table(pairs: &[(char, char)]) -> [u128; 128] {
    let mut t = [0u128; 128];
    let mut p = 0;
    while p < pairs.len() {
        let (x, y) = (pairs[p].0 as u32, pairs[p].1 as u32);
        if x < 128 && y < 128 {
            t[x as usize] |= 1 << y;
            t[y as usize] |= 1 << x;
        }
        p += 1;
    }
    t
}

/// Looks up an ASCII pair in a 128 × 128 bit table; false if either is not ASCII.
#[inline]
fn ascii_pair(table: &[u128; 128], x: char, y: char) -> bool {
    let (x, y) = (x as u32, y as u32);
    x < 128 && y < 128 && (table[x as usize] >> y) & 1 != 0
}

/// True if `x` and `y` form one of [`RARE_CONFUSIONS`], either way round.
#[inline]
fn rare_confusion(x: char, y: char) -> bool {
    if x.is_ascii() && y.is_ascii() {
        ascii_pair(&RARE_TABLE, x, y)
    } else {
        RARE_CONFUSIONS.contains(&(x, y)) || RARE_CONFUSIONS.contains(&(y, x))
    }
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
        // No cost exceeds infinity: the alignment is always there.
        Alignment::within(check, record, f32::INFINITY).unwrap_or(Alignment {
            cost: f32::INFINITY,
            edits: Vec::new(),
        })
    }

    /// [`Alignment::new`] if its cost is at most `max_cost`; `None` once the DP shows
    /// that every alignment costs more (it stops there: a candidate that cannot reach
    /// the threshold is not aligned to the end). Every path through the DP visits row
    /// `i` or row `i − 1` (a transposition skips one row, nothing skips two) and costs
    /// are never negative, so two consecutive rows whose cells all exceed `max_cost`
    /// prove it. Returns exactly what `new` returns whenever it returns `Some`.
    pub(crate) fn within(check: &str, record: &str, max_cost: f32) -> Option<Alignment> {
        if check == record {
            // The diagonal of zero-cost matches: what the DP finds, without running it.
            return Some(Alignment {
                cost: 0.0,
                edits: Vec::new(),
            });
        }
        // One reusable set of buffers per thread: no allocation per alignment but the
        // returned edits. If the buffers are unavailable (thread teardown), use fresh ones.
        SCRATCH
            .try_with(|s| match s.try_borrow_mut() {
                Ok(mut s) => s.align(check, record, max_cost),
                Err(_) => Scratch::new().align(check, record, max_cost),
            })
            .unwrap_or_else(|_| Scratch::new().align(check, record, max_cost))
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch::new()) };
}

/// Most DP cells whose buffer a thread keeps between alignments: two keys of
/// [`MAX_KEY_CHARS`]. A longer pair is aligned on buffers freed afterwards.
const KEEP_CELLS: usize = (MAX_KEY_CHARS + 1) * (MAX_KEY_CHARS + 1);

/// Buffers of the weighted alignment, reused between alignments.
struct Scratch {
    /// The check key's characters, and their skeleton characters.
    a: Vec<char>,
    skel_a: Vec<char>,
    /// The record key's characters, and their skeleton characters.
    b: Vec<char>,
    skel_b: Vec<char>,
    /// Cost of inserting or deleting each character of the check / record key.
    indel_a: Vec<f32>,
    indel_b: Vec<f32>,
    /// Cost of swapping `b[j − 2]` and `b[j − 1]`, at index `j` (`j ≥ 2`).
    transposition: Vec<f32>,
    /// The `(n + 1) × (m + 1)` DP matrix, row-major (the traceback needs all of it).
    d: Vec<f32>,
}

/// Cost of inserting or deleting `s[i]` when it is not a padding zero.
fn indel_cost(s: &[char], i: usize) -> f32 {
    let c = s[i];
    if c.is_ascii_alphabetic()
        && i > 0
        && i + 1 < s.len()
        && s[i - 1].is_ascii_digit()
        && s[i + 1].is_ascii_digit()
    {
        cost::INNER_LETTER
    } else if (i > 0 && s[i - 1] == c) || (i + 1 < s.len() && s[i + 1] == c) {
        cost::STUTTER
    } else if c.is_ascii_digit() && i + 3 >= s.len() {
        // A digit dropped and another added at the end is a substitution in
        // disguise: it must cost as much as a sibling digit.
        cost::SIBLING_DIGIT / 2.0
    } else {
        cost::INDEL
    }
}

/// `x.min(y)` for the DP's costs: sums of non-negative finite constants, so never NaN
/// and never −0.0, where `f32::min` needs its extra NaN handling. On such values the
/// two agree bit for bit (equal values are the same bits), and this compiles to a
/// single `minss`.
#[inline]
fn min_cost(x: f32, y: f32) -> f32 {
    if y < x {
        y
    } else {
        x
    }
}

/// [`indel_cost`] of every character of `s`, into `out`, except for padding zeros:
/// the zeros that start a digit run (at the start of the key or after a letter) and are
/// followed by a digit 1–9 pad that number (`0012345`, `AB001234`; the rule of
/// [`crate::zero_free`]). Padding is one decision (pad to a width), not one slip per
/// zero, so the zeros of one run share one [`cost::LEADING_ZERO`].
fn indel_costs(s: &[char], out: &mut Vec<f32>) {
    out.clear();
    out.extend((0..s.len()).map(|i| indel_cost(s, i)));
    let mut i = 0;
    while i < s.len() {
        if s[i] == '0' && (i == 0 || s[i - 1].is_ascii_alphabetic()) {
            let zeros = s[i..].iter().take_while(|&&c| c == '0').count();
            if matches!(s.get(i + zeros), Some('1'..='9')) {
                out[i..i + zeros].fill(cost::LEADING_ZERO / zeros as f32);
            }
            i += zeros;
        } else {
            i += 1;
        }
    }
}

/// Cost of substituting record character `y` (skeleton `sy`) by check character `x`
/// (skeleton `sx`); `tail` is true in the record key's last three positions.
#[inline]
fn sub_cost(x: char, y: char, sx: char, sy: char, tail: bool) -> f32 {
    if x == y {
        0.0
    } else if sx == sy {
        cost::CONFUSABLE
    } else if rare_confusion(x, y) {
        if !(x.is_ascii_digit() && y.is_ascii_digit()) {
            cost::RARE_CONFUSION
        } else if tail {
            cost::SIBLING_SLIP
        } else {
            cost::DIGIT_MISREAD
        }
    } else if x.is_ascii_digit() && y.is_ascii_digit() && tail {
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
}

impl Scratch {
    const fn new() -> Scratch {
        Scratch {
            a: Vec::new(),
            skel_a: Vec::new(),
            b: Vec::new(),
            skel_b: Vec::new(),
            indel_a: Vec::new(),
            indel_b: Vec::new(),
            transposition: Vec::new(),
            d: Vec::new(),
        }
    }

    fn align(&mut self, check: &str, record: &str, max_cost: f32) -> Option<Alignment> {
        let alignment = self.align_in(check, record, max_cost);
        if self.d.capacity() > KEEP_CELLS {
            // A pair longer than any key: do not keep its buffers for the thread's life.
            *self = Scratch::new();
        }
        alignment
    }

    fn align_in(&mut self, check: &str, record: &str, max_cost: f32) -> Option<Alignment> {
        let Scratch {
            a,
            skel_a,
            b,
            skel_b,
            indel_a,
            indel_b,
            transposition,
            d,
        } = self;
        a.clear();
        a.extend(check.chars());
        b.clear();
        b.extend(record.chars());
        let (a, b) = (&a[..], &b[..]);
        let (n, m) = (a.len(), b.len());
        skel_a.clear();
        skel_a.extend(a.iter().map(|&c| skeleton_char(c)));
        skel_b.clear();
        skel_b.extend(b.iter().map(|&c| skeleton_char(c)));
        let (skel_a, skel_b) = (&skel_a[..], &skel_b[..]);
        indel_costs(a, indel_a);
        indel_costs(b, indel_b);
        let (indel_a, indel_b) = (&indel_a[..], &indel_b[..]);
        // Swapping b[j-2] and b[j-1]: digits at the end of the serial are a sibling's.
        transposition.clear();
        transposition.extend((0..=m).map(|j| {
            if j >= 2 && j + 2 >= m && b[j - 1].is_ascii_digit() && b[j - 2].is_ascii_digit() {
                cost::SIBLING_SLIP
            } else {
                cost::TRANSPOSITION
            }
        }));
        let transposition = &transposition[..];
        let sub = |i: usize, j: usize| -> f32 {
            // Substituting b[j] by a[i].
            sub_cost(a[i], b[j], skel_a[i], skel_b[j], j + 3 >= m)
        };
        let w = m + 1;
        let cells = (n + 1) * w;
        if d.len() < cells {
            // Exact, so a thread that only meets keys keeps at most KEEP_CELLS.
            d.reserve_exact(cells - d.len());
            d.resize(cells, 0.0);
        }
        // Every cell is written before it is read; stale values of an earlier pair in
        // the reused buffer are never seen.
        let d = &mut d[..cells];
        d[0] = 0.0;
        for j in 1..=m {
            d[j] = d[j - 1] + indel_b[j - 1];
        }
        // Row 0 holds d[0] = 0: never over the bound.
        let mut over_before = false;
        for i in 1..=n {
            // Row i from rows i − 1 and i − 2 as slices: the same sums and minima, in the
            // same order, as indexing the whole matrix, with fewer bounds checks.
            let (x, sx, del) = (a[i - 1], skel_a[i - 1], indel_a[i - 1]);
            // The transposition needs a[i-2..i] = b[j-2..j] swapped; for i = 1 no j
            // qualifies (j > 1 is checked below too).
            let xp = if i > 1 { Some(a[i - 2]) } else { None };
            let (done, rest) = d.split_at_mut(i * w);
            let prev = &done[(i - 1) * w..];
            let before = &done[(i.max(2) - 2) * w..];
            let cur = &mut rest[..w];
            cur[0] = prev[0] + del;
            for j in 1..=m {
                let mut v = min_cost(
                    min_cost(prev[j] + del, cur[j - 1] + indel_b[j - 1]),
                    prev[j - 1] + sub_cost(x, b[j - 1], sx, skel_b[j - 1], j + 2 >= m),
                );
                if j > 1 && xp == Some(b[j - 1]) && x == b[j - 2] {
                    v = min_cost(v, before[j - 2] + transposition[j]);
                }
                cur[j] = v;
            }
            if max_cost.is_finite() {
                let over = cur.iter().all(|&v| v > max_cost);
                if over && over_before {
                    return None;
                }
                over_before = over;
            }
        }
        if d[n * w + m] > max_cost {
            return None;
        }
        // Walk back the cheapest path.
        let mut edits = Vec::new();
        let (mut i, mut j) = (n, m);
        let eq = |x: f32, y: f32| (x - y).abs() < 1e-4;
        while i > 0 || j > 0 {
            let here = d[i * w + j];
            if i > 0 && j > 0 && eq(here, d[(i - 1) * w + j - 1] + sub(i - 1, j - 1)) {
                let (x, y) = (a[i - 1], b[j - 1]);
                if x != y {
                    let at = j - 1;
                    edits.push(if skel_a[i - 1] == skel_b[j - 1] {
                        Edit::Confusable {
                            at,
                            check: x,
                            record: y,
                        }
                    } else if rare_confusion(x, y) {
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
                && eq(here, d[(i - 2) * w + j - 2] + transposition[j])
            {
                edits.push(Edit::Transposition { at: j - 2 });
                i -= 2;
                j -= 2;
            } else if i > 0 && eq(here, d[(i - 1) * w + j] + indel_a[i - 1]) {
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
        Some(Alignment {
            cost: d[n * w + m],
            edits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // ---- The code before the allocation-free rewrite, verbatim: the oracle. ----

    /// The keyboard scan the table replaced.
    fn reference_keyboard_adjacent(a: char, b: char) -> bool {
        let in_row = KEYBOARD_ROWS.iter().any(|row| {
            row.as_bytes().windows(2).any(|w| {
                (w[0] as char == a && w[1] as char == b) || (w[0] as char == b && w[1] as char == a)
            })
        });
        // Staggered rows by key centres, in keys (not quarters): the same rule, stated
        // independently of the table's integer arithmetic.
        let centre = |c: char| {
            KEYBOARD_STAGGER
                .iter()
                .enumerate()
                .find_map(|(r, (row, shift))| {
                    row.find(c)
                        .map(|i| (r as i32, i as f32 + f32::from(*shift) / 4.0))
                })
        };
        let across = match (centre(a), centre(b)) {
            (Some((ra, xa)), Some((rb, xb))) => (ra - rb).abs() == 1 && (xa - xb).abs() <= 0.75,
            _ => false,
        };
        in_row || across
    }

    /// The full-matrix OSA distance the rolling rows replaced.
    fn reference_osa_distance(a: &[u8], b: &[u8]) -> usize {
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

    /// The allocating `Alignment::new` (with the keyboard scan), verbatim.
    fn reference_alignment(check: &str, record: &str) -> Alignment {
        let a: Vec<char> = check.chars().collect();
        let b: Vec<char> = record.chars().collect();
        let (n, m) = (a.len(), b.len());
        let w = m + 1;
        let mut d = vec![0f32; (n + 1) * w];
        let indel = |s: &[char], i: usize| -> f32 {
            // Cost of inserting/deleting s[i].
            let c = s[i];
            // The zero block around i, if it pads a number.
            let start = (0..=i).rev().take_while(|&j| s[j] == '0').last();
            let end = (i..s.len()).take_while(|&j| s[j] == '0').last();
            let padding = match (start, end) {
                (Some(a), Some(z))
                    if (a == 0 || s[a - 1].is_ascii_alphabetic())
                        && s.get(z + 1).is_some_and(|d| ('1'..='9').contains(d)) =>
                {
                    z + 1 - a
                }
                _ => 0,
            };
            if padding > 0 {
                cost::LEADING_ZERO / padding as f32
            } else if c.is_ascii_alphabetic()
                && i > 0
                && i + 1 < s.len()
                && s[i - 1].is_ascii_digit()
                && s[i + 1].is_ascii_digit()
            {
                cost::INNER_LETTER
            } else if (i > 0 && s[i - 1] == c) || (i + 1 < s.len() && s[i + 1] == c) {
                cost::STUTTER
            } else if c.is_ascii_digit() && i + 3 >= s.len() {
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
                if !(x.is_ascii_digit() && y.is_ascii_digit()) {
                    cost::RARE_CONFUSION
                } else if j + 3 >= m {
                    cost::SIBLING_SLIP
                } else {
                    cost::DIGIT_MISREAD
                }
            } else if x.is_ascii_digit() && y.is_ascii_digit() && j + 3 >= m {
                if reference_keyboard_adjacent(x, y) {
                    cost::SUBSTITUTION
                } else {
                    cost::SIBLING_DIGIT
                }
            } else if reference_keyboard_adjacent(x, y) {
                cost::KEYBOARD
            } else {
                cost::SUBSTITUTION
            }
        };
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

    // ---- Equality of the new code with the oracle. ----

    /// Characters that exercise every branch of the cost model: every confusable class,
    /// every rare confusion, keyboard and keypad neighbours, leading zeros, inner
    /// letters, Cyrillic look-alikes and other non-ASCII characters.
    fn alphabet() -> Vec<char> {
        let mut v: Vec<char> = ('0'..='9').chain('A'..='Z').collect();
        v.extend(
            crate::normalize::CONFUSABLE_CLASSES
                .iter()
                .flat_map(|c| c.chars()),
        );
        v.extend(RARE_CONFUSIONS.iter().flat_map(|&(x, y)| [x, y]));
        v.extend("ВСАОЕКМНРТХЁЖЯßé€\u{10FFFF}".chars());
        v.extend(['0'; 8]); // leading and inner zeros more often
        v
    }

    /// Asserts the new alignment equals the oracle exactly: bit-identical cost and
    /// the same edits.
    fn assert_same(check: &str, record: &str) {
        let got = Alignment::new(check, record);
        let want = reference_alignment(check, record);
        assert_eq!(
            got.cost.to_bits(),
            want.cost.to_bits(),
            "cost of {check:?} → {record:?}: {} vs {}",
            got.cost,
            want.cost
        );
        assert_eq!(got.edits, want.edits, "edits of {check:?} → {record:?}");
        let (a, b) = (check.as_bytes(), record.as_bytes());
        let d = reference_osa_distance(a, b);
        assert_eq!(osa_distance(a, b), d, "osa {check:?} {record:?}");
        for k in 0..=4 {
            let want = (a.len().abs_diff(b.len()) <= k && d <= k).then_some(d);
            assert_eq!(
                osa_within(a, b, k),
                want,
                "osa_within {check:?} {record:?} {k}"
            );
        }
    }

    /// A small seeded generator (xorshift64*), so the loop needs no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn random_key(rng: &mut Rng, alphabet: &[char], max_len: usize) -> String {
        let len = rng.below(max_len + 1);
        (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect()
    }

    /// `key` with up to `max` random edits (substitution, insertion, deletion,
    /// transposition): the near pairs a check actually scores.
    fn mutate(rng: &mut Rng, alphabet: &[char], key: &str, max: usize) -> String {
        let mut v: Vec<char> = key.chars().collect();
        for _ in 0..rng.below(max + 1) {
            let at = rng.below(v.len() + 1);
            let c = alphabet[rng.below(alphabet.len())];
            match rng.below(4) {
                0 if at < v.len() => v[at] = c,
                1 => v.insert(at, c),
                2 if at < v.len() => {
                    v.remove(at);
                }
                _ if at + 1 < v.len() => v.swap(at, at + 1),
                _ => {}
            }
        }
        v.into_iter().collect()
    }

    #[test]
    fn tables_match_the_lists() {
        let mut chars: Vec<char> = (0u32..=0x500).filter_map(char::from_u32).collect();
        chars.extend(['€', '\u{10FFFF}', '\u{FFFD}']);
        for &x in &chars {
            for &y in &chars {
                assert_eq!(
                    keyboard_adjacent(x, y),
                    reference_keyboard_adjacent(x, y),
                    "keyboard {x:?} {y:?}"
                );
                assert_eq!(
                    rare_confusion(x, y),
                    RARE_CONFUSIONS.contains(&(x, y)) || RARE_CONFUSIONS.contains(&(y, x)),
                    "rare {x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn alignment_equals_reference_on_adversarial_pairs() {
        let long_digits: String = "1234567890".repeat(5)[..48].to_string();
        let long_mixed: String = "AB12O4471ВС0Q8BZ2".chars().cycle().take(48).collect();
        let keys: Vec<String> = [
            "",
            "0",
            "O",
            "A",
            "В",
            "00",
            "000",
            "0012345",
            "12345",
            "O012345",
            "369J257",
            "369257",
            "1234567",
            "1234576",
            "1234563",
            "1234568",
            "W234567",
            "Q234567",
            "A234567",
            "4234567",
            "AB12O4471",
            "BA1204417",
            "ВС1234",
            "BC1234",
            "ВСI234",
            "0ODQ1IL2Z5S6G8BUV",
            "O0QD1LI2Z5S6G8BVU",
            "A4T7EFCG381 7MNPRC0U0YV",
            "4A7TFEGC837 1NMRP0C0UVY",
            "ABCDEF",
            "FEDCBA",
            "AB12",
            "BA21",
            "ÉéßЖЯ€",
            long_digits.as_str(),
            long_mixed.as_str(),
        ]
        .iter()
        .map(|s| s.to_string())
        .chain((0..=48).map(|n| "0".repeat(n)))
        .chain((0..=48).map(|n| "O".repeat(n)))
        .collect();
        for x in &keys {
            for y in &keys {
                assert_same(x, y);
            }
        }
        // Longer than any key: the fallback buffers, then the reused ones again.
        let huge: String = long_mixed.repeat(3);
        for x in [&huge, &long_digits, &"1".repeat(300), &String::new()] {
            for y in [&huge, &long_mixed, &"1".repeat(299), &String::new()] {
                assert_same(x, y);
                assert_same(y, x);
            }
        }
    }

    #[test]
    fn alignment_equals_reference_on_random_pairs() {
        let alphabet = alphabet();
        let mut rng = Rng(0x5EED_A11C_0FFE_E000);
        for round in 0..60_000 {
            let x = random_key(&mut rng, &alphabet, if round % 50 == 0 { 80 } else { 48 });
            let y = if round % 4 == 0 {
                random_key(&mut rng, &alphabet, 48)
            } else {
                mutate(&mut rng, &alphabet, &x, 4)
            };
            assert_same(&x, &y);
        }
    }

    #[test]
    fn scratch_keeps_at_most_two_keys_worth() {
        let long = "1234567890".repeat(50);
        assert_same(&long, &long[1..]);
        let kept = SCRATCH.with(|s| s.borrow().d.capacity());
        assert_eq!(kept, 0, "buffers of an over-long pair are dropped");
        let key = "AB12O4471".repeat(6)[..MAX_KEY_CHARS].to_string();
        assert_same(&key, &key[2..]);
        assert_same(&key[1..], &key);
        let kept = SCRATCH.with(|s| s.borrow().d.capacity());
        assert!(kept > 0 && kept <= KEEP_CELLS, "{kept}");
    }

    fn key_strategy() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(alphabet()), 0..=48)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn alignment_equals_reference(x in key_strategy(), y in key_strategy()) {
            assert_same(&x, &y);
        }

        #[test]
        fn alignment_equals_reference_near(x in key_strategy(), seed in any::<u64>()) {
            let mut rng = Rng(seed | 1);
            let y = mutate(&mut rng, &alphabet(), &x, 3);
            assert_same(&x, &y);
            assert_same(&y, &x);
        }

        /// The bounded alignment is the full one when its cost is within the bound, and
        /// nothing otherwise: the bound only ever stops a DP that could not meet it.
        #[test]
        fn a_bounded_alignment_is_the_alignment_or_none(
            x in key_strategy(),
            seed in any::<u64>(),
            bound in 0.0f32..4.0,
        ) {
            let mut rng = Rng(seed | 1);
            let y = mutate(&mut rng, &alphabet(), &x, 3);
            let full = Alignment::new(&x, &y);
            let expected = (full.cost <= bound).then_some(full.clone());
            prop_assert_eq!(Alignment::within(&x, &y, bound), expected);
            // At its own cost, exactly: the bound is inclusive.
            prop_assert_eq!(Alignment::within(&x, &y, full.cost), Some(full));
        }
    }

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
        // Zero padding, of the serial or of the number after a prefix, costs one
        // leading zero however many zeros it has.
        let a = Alignment::new("0012345", "12345");
        assert_eq!(a.edits.len(), 2);
        assert!((a.cost - cost::LEADING_ZERO).abs() < 1e-6);
        let a = Alignment::new("AB12345", "AB00012345");
        assert_eq!(a.edits.len(), 3);
        assert!((a.cost - cost::LEADING_ZERO).abs() < 1e-6);
        // Dropping one of two padding zeros costs half.
        let a = Alignment::new("U012345", "U0012345");
        assert!((a.cost - cost::LEADING_ZERO / 2.0).abs() < 1e-6);
        // A zero inside a number is no padding, nor one before a letter or a wildcard.
        for (check, record) in [
            ("123045", "12345"),
            ("0AB123", "AB123"),
            ("1?0456", "1?456"),
        ] {
            let a = Alignment::new(check, record);
            assert!(a.cost > cost::LEADING_ZERO, "{check} {record}: {}", a.cost);
        }
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
