//! Hits, their explanations, and how a score is made.
//!
//! A hit's *evidence* is `serial_score × identity_factor`, in [0, 1]; its score is that
//! evidence calibrated into a probability (below).
//!
//! * **serial score** — how strongly the serials say "same firearm":
//!   exact 1.0; normalized (same key) 0.99, or 0.98 through a transliteration;
//!   confusable or fuzzy `0.99 − 0.3 × cost × √(8 / len)` (at least 0.22), where `cost`
//!   is the weighted alignment cost ([`crate::distance::cost`]: a confusable
//!   substitution 0.15, a dropped leading zero 0.3, a rare misreading 0.5 (0.8
//!   between two digits: `4`/`9` is another valid serial), a transposition 0.55, a doubled or undoubled character 0.6, any other dropped or
//!   added one 0.8, a neighbouring key 0.8, an arbitrary substitution 1.2, and in
//!   the last three places of the serial 1.1 for a swap or misread of digits and 2.0 for
//!   a digit replaced — serials are sequential, so those are usually a *sibling*
//!   firearm of the same batch), times the *shape* of two or more edits
//!   ([`crate::EditShape`]: ×0.85 for a slip's — a transposition or a change of
//!   length —, ×1.4 for a sibling serial's — digits replaced in place), and `len` the
//!   record key's length (an edit weighs more in a short serial); partial `0.55 + 0.4 × known / len`. Keys of fewer than 5
//!   characters are common and get `× (0.55 + 0.1 × len)`; a fuzzy match to an
//!   all-digit key of at most 6 characters gets `× 0.95` (such serials are common, so a
//!   registered one a slip away is more often another firearm).
//! * **identity factor** — make, model and calibre are correlated (the model implies
//!   make and calibre), so they are *one tiered comparison*, not independent evidence
//!   added up ([`identity_factor`]). Two makes of one corporate family (the
//!   reference's `related`: SIG Sauer and the Swiss SIG, a maker and its importer)
//!   naming the same model compare as *similar*; with another model, as *different*.
//!
//! The product `serial score × identity factor` is the hit's **evidence**; the **score**
//! is the evidence calibrated into a probability that the record is the checked
//! firearm ([`calibrate`]). The map was fitted by `scripts/fit-calibration.py`:
//! isotonic regression of "is the same firearm" on the evidence of every hit reported
//! (top 10, no threshold) by the checks of six labelled synthetic registers
//! (`armsmatch generate` seeds 42, 1, 2, 3, 4 and 5; 1.5 M records, 10,000 checks
//! each, 392,807 hits), read off at fixed evidence values (averaged with the share
//! correct within ±0.025) into a rising table; last re-fitted with the edit shapes
//! (with three registers, the knot at the threshold moved by a sixth between two fits a
//! small scorer change apart: six give each knot twice the hits). On a register it was
//! not fitted on (seed 7) the
//! predicted and observed shares agree within 0.025 in the bands under 0.2 and over
//! 0.9, which hold 99 % of the hits, and within 0.08 in the sparse bands between
//! (calibration error 0.0015; `armsmatch eval` prints the reliability table, Brier
//! score and calibration error); on the independent register
//! (`scripts/independent-register.py` seeds 1 / 2, never fitted on) the calibration
//! error is 0.0030 / 0.0030. Re-fit after changing a cost or a factor. Two things to
//! know:
//!
//! * It is a probability under the evaluation's mix: 30 % of checks are of registered
//!   firearms and the non-hits are hard (sibling serials, fresh serials of the same
//!   make). Where fewer checked firearms are registered, the true odds are lower by
//!   the ratio of the base rates' odds; ranking and recall do not change.
//! * It scores each hit on its own evidence: it does not discount a hit for a close
//!   competitor (a firearm registered twice gives two hits, both right).
//!
//! [`DEFAULT_THRESHOLD`] (0.1) is the Bayes decision for a miss weighing about nine
//! false hits: a hit is a lead that is confirmed with the registering country before
//! anyone acts on it, while a miss lets a trafficked firearm walk away. On the
//! labelled registers (own seeds 42 and 7) it reports 99 % of one-typo checks and lets
//! about 3.5 % of the hard non-hits through (nearly all sibling serials of the same
//! make, one digit from another registered sibling, and fresh serials a digit from a
//! registered one); on the independent registers about 0.5 %. At 0.5 ("more likely
//! than not") the false hits fall to about 0.45 %, but a fifth of one-typo checks are
//! missed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::distance::{cost, osa_distance, Alignment, Edit, EditShape};
use crate::normalize::{is_placeholder_name, placeholder_name_key};
use crate::record::Record;
use crate::reference::{Reference, Resolved};

/// Default score threshold: hits whose calibrated probability of being the checked
/// firearm is below it are not returned (see the module docs for how it was chosen).
///
/// ```
/// assert_eq!(armsmatch::DEFAULT_THRESHOLD, 0.1);
/// ```
pub const DEFAULT_THRESHOLD: f32 = 0.1;

/// The calibration table: (evidence, probability that the hit is the same firearm),
/// rising in both; [`calibrate`] interpolates linearly between the knots. Printed by
/// `scripts/fit-calibration.py --seeds 42,1,2,3,4,5`, as described in the module docs.
const CALIBRATION: [(f32, f32); 19] = [
    (0.0, 0.0),
    (0.22, 0.001_908),
    (0.30, 0.004_358),
    (0.35, 0.006_315),
    (0.40, 0.015_03),
    (0.45, 0.038_22),
    (0.50, 0.103_2),
    (0.55, 0.190_2),
    (0.60, 0.255_1),
    (0.625, 0.376_5),
    (0.65, 0.490_2),
    (0.675, 0.616_1),
    (0.70, 0.703_9),
    (0.725, 0.866),
    (0.75, 0.951_4),
    (0.80, 0.993_2),
    (0.85, 0.998_9),
    (0.99, 0.999),
    (1.0, 1.0),
];

/// The probability that a hit of this evidence (`serial score × identity factor`) is the
/// checked firearm: the hit's score. Rising in the evidence, so it never changes a
/// ranking; evidence outside [0, 1] (or NaN) is clamped (NaN counts as 0).
///
/// ```
/// use armsmatch::calibrate;
/// assert_eq!(calibrate(1.0), 1.0); // the same serial as written, the same firearm
/// assert!(calibrate(0.2) < 0.002); // an exact serial under another make
/// assert!(calibrate(0.75) > 0.9); // a typing slip of a described firearm
/// assert!(calibrate(0.6) < calibrate(0.61));
/// ```
pub fn calibrate(evidence: f32) -> f32 {
    interpolate(evidence, CALIBRATION.iter().copied())
}

/// The least evidence whose calibrated score can reach `probability` (the inverse of
/// [`calibrate`]), a hair low so that rounding never drops a hit that qualifies: lets a
/// check skip the identity comparison of a serial that cannot make the threshold.
pub(crate) fn evidence_floor(probability: f32) -> f32 {
    let e = interpolate(probability, CALIBRATION.iter().map(|&(e, p)| (p, e)));
    (e - 1e-4).max(0.0)
}

/// The piecewise-linear function through `knots` (rising in both coordinates, from
/// (0, 0) to (1, 1)) at `x`, clamped to [0, 1]; NaN counts as 0.
fn interpolate(x: f32, knots: impl Iterator<Item = (f32, f32)>) -> f32 {
    let x = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
    let mut lo = (0.0, 0.0);
    for hi in knots {
        if x <= hi.0 && hi.0 > lo.0 {
            return lo.1 + (hi.1 - lo.1) * (x - lo.0) / (hi.0 - lo.0);
        }
        lo = hi;
    }
    1.0
}

/// Options of one check.
///
/// ```
/// use armsmatch::CheckOptions;
/// let o = CheckOptions::default().max_edits(2).top(5).threshold(0.5);
/// assert_eq!(o.top, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckOptions {
    /// Edit budget; `None` is AUTO ([`pair_edit_budget`]: [`auto_edit_budget`] of the
    /// longer of the check's and the record's key). At most
    /// [`crate::limits::MAX_EDITS`].
    pub max_edits: Option<u8>,
    /// Most hits returned (1 ..= [`crate::limits::MAX_TOP`]).
    pub top: usize,
    /// Lowest score returned, in [0, 1].
    pub threshold: f32,
    /// Compare serials only: skip make/model/calibre (identity factor 1).
    pub serial_only: bool,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            max_edits: None,
            top: 10,
            threshold: DEFAULT_THRESHOLD,
            serial_only: false,
        }
    }
}

impl CheckOptions {
    /// Sets a fixed edit budget.
    pub fn max_edits(mut self, k: u8) -> CheckOptions {
        self.max_edits = Some(k);
        self
    }
    /// Sets the number of hits returned.
    pub fn top(mut self, top: usize) -> CheckOptions {
        self.top = top;
        self
    }
    /// Sets the threshold.
    pub fn threshold(mut self, t: f32) -> CheckOptions {
        self.threshold = t;
        self
    }
    /// Compares serials only.
    pub fn serial_only(mut self, yes: bool) -> CheckOptions {
        self.serial_only = yes;
        self
    }
}

/// The AUTO edit budget for a serial key of `len` characters: 0 up to 3 characters
/// (one edit would match too much), 1 for 4 and 5, 2 from 6 (two slips in a 6–7
/// character serial are common in hand-copied registers, and the score, not the budget,
/// keeps weak matches out).
///
/// Four characters get one edit because a dropped character is the commonest slip in
/// copying a serial, and it makes the copy short: `W028` for `W0289`, `1740` for
/// `17140`. Measured with `armsmatch eval` (default options) against 0 for four
/// characters: independent generator seed 7 (300 k records) recall@1 91.83 → 92.00 %,
/// recall@5 93.67 → 93.89 %, false hits 0.50 % both; seed 11 and own seed 7 (1.5 M)
/// the same or better on every figure. Two edits for five characters found more
/// (recall@5 at any score 98.5 → 99.3 % on seed 11) but raised false hits 0.69 → 0.81 %.
///
/// ```
/// use armsmatch::auto_edit_budget;
/// assert_eq!(
///     [3, 4, 5, 6].map(auto_edit_budget),
///     [0, 1, 1, 2],
/// );
/// ```
pub fn auto_edit_budget(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4 | 5 => 1,
        _ => 2,
    }
}

/// The AUTO edit budget between a check key of `check_len` characters and a record key of
/// `record_len`: [`auto_edit_budget`] of the longer. Dropped characters are the
/// commonest copying slip and they shorten the copy, so the budget of a pair is that of
/// the serial as marked, whichever side copied it: `P8341` (5 characters) is two edits
/// from `P883461` (7), within the budget of seven characters, and a check of
/// `P883461` finds a record `P8341` alike. Two keys of at most five characters stay
/// within one edit.
///
/// ```
/// use armsmatch::pair_edit_budget;
/// assert_eq!(pair_edit_budget(5, 7), 2);
/// assert_eq!(pair_edit_budget(7, 5), 2);
/// assert_eq!(pair_edit_budget(5, 5), 1);
/// assert_eq!(pair_edit_budget(3, 3), 0);
/// ```
pub fn pair_edit_budget(check_len: usize, record_len: usize) -> u8 {
    auto_edit_budget(check_len.max(record_len))
}

/// The edit budget a check key of `len` characters is searched with under AUTO: the
/// largest [`pair_edit_budget`] of any record key length it can reach (a key `d` edits
/// away differs in length by at most `d`).
pub(crate) fn auto_search_budget(len: usize) -> u8 {
    (len.saturating_sub(2)..=len + 2)
        .map(|r| (r, pair_edit_budget(len, r)))
        .filter(|&(r, k)| usize::from(k) >= len.abs_diff(r))
        .map(|(_, k)| k)
        .max()
        .unwrap_or(0)
}

/// How the serials matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SerialMatch {
    /// Identical as written.
    Exact,
    /// Identical after normalization (case, separators, Cyrillic/Greek folding).
    Normalized,
    /// Identical up to commonly confused characters (`O`/`0`, `I`/`1`, …).
    Confusable,
    /// Within the edit budget.
    Fuzzy,
    /// Matches a partial serial (`?`, `*`).
    Partial,
    /// No serial compared (a check or record without a usable serial).
    None,
}

impl SerialMatch {
    /// Lowercase name used in files.
    ///
    /// ```
    /// assert_eq!(armsmatch::SerialMatch::Confusable.as_str(), "confusable");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SerialMatch::Exact => "exact",
            SerialMatch::Normalized => "normalized",
            SerialMatch::Confusable => "confusable",
            SerialMatch::Fuzzy => "fuzzy",
            SerialMatch::Partial => "partial",
            SerialMatch::None => "none",
        }
    }
}

/// How one identity field (make, model, calibre) of the check agrees with the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldMatch {
    /// The same name.
    Same,
    /// Different names of the same thing (an alias, a misspelling, a synonym calibre).
    Alias,
    /// Close but not the same (a related calibre, a model variant, a similar text).
    Similar,
    /// Different.
    Different,
    /// Missing on one side.
    Unknown,
}

impl FieldMatch {
    /// Lowercase name used in files.
    ///
    /// ```
    /// assert_eq!(armsmatch::FieldMatch::Alias.as_str(), "alias");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FieldMatch::Same => "same",
            FieldMatch::Alias => "alias",
            FieldMatch::Similar => "similar",
            FieldMatch::Different => "different",
            FieldMatch::Unknown => "unknown",
        }
    }

    fn agrees(self) -> bool {
        matches!(self, FieldMatch::Same | FieldMatch::Alias)
    }
}

/// The shape of an alignment's edits when they are two or more by plain edit distance
/// (a dropped and an added digit that amount to one substitution have none).
fn shape(record_key: &str, distance: usize, edits: &[Edit]) -> EditShape {
    // Zero padding alone (`12345` for `0012345`) is one choice of width, not a slip.
    if distance < 2 || edits.iter().all(|e| e.is_padding(record_key)) {
        EditShape::Plain
    } else {
        EditShape::of(edits)
    }
}

/// How the serial of a hit matched, in detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SerialEvidence {
    /// The kind of match.
    pub kind: SerialMatch,
    /// Plain edit distance (OSA) between the two keys, which the edit budget counts;
    /// for a partial match, the number of unknown characters of the record key.
    pub distance: u8,
    /// The edits, for confusable and fuzzy matches: the cheapest alignment by the
    /// costs of [`crate::distance::cost`], which prices the score. It may hold more
    /// edits than `distance` counts when they are cheaper so (`MR941138` against
    /// `MR94338`: two `1`s added and a `3` dropped, cheaper than one `1` added and a
    /// `3` of the serial's tail replaced, which is how a sibling's serial differs).
    /// For a partial match, the slip of the check undone, if any.
    pub edits: Vec<Edit>,
    /// The check's key that matched.
    pub check_key: String,
    /// The record's key that matched.
    pub record_key: String,
    /// True if the match went through a transliteration of a Cyrillic or Greek serial
    /// (its letters without a Latin twin, which every key spells by sound, included:
    /// `ЛМ 017404` meeting `LM017404`), or through a Cyrillic reading (`reading`).
    pub transliterated: bool,
    /// True if the match went through the check's other Latin spelling of a Cyrillic
    /// marking: a Latin serial spelled by shape read as spelled by sound or back
    /// (`BC1234` as `VS1234`), for a firearm of a make that marks in Cyrillic.
    #[serde(default)]
    pub reading: bool,
}

/// Why a hit scored what it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The serial comparison.
    pub serial: SerialEvidence,
    /// The make comparison.
    pub make: FieldMatch,
    /// The model comparison.
    pub model: FieldMatch,
    /// The calibre comparison.
    pub calibre: FieldMatch,
    /// The serial's part of the score.
    pub serial_score: f32,
    /// The identity part (make, model, calibre as one tiered comparison).
    pub identity_factor: f32,
    /// For a partial serial (`?`, `*`): how many other registered serials it matches as
    /// well (0 for a full serial). Only one of them can be the checked firearm, so they
    /// share the probability (see [`Explanation::probability`]): `UMG2*` matching a
    /// whole production batch is no certain lead on any one of its firearms.
    #[serde(default)]
    pub shared_with: u32,
    /// The odds (`p / (1 − p)`, `p` the calibrated evidence) of the other serials a
    /// partial serial matches, summed, each by its best record (0 for a full serial,
    /// and when the pattern matched one serial only, however many records hold it).
    #[serde(default)]
    pub rival_odds: f32,
}

impl Explanation {
    /// The hit's evidence, `serial_score × identity_factor` in [0, 1], which
    /// [`calibrate`] turns into its score.
    ///
    /// ```
    /// use armsmatch::{calibrate, CheckOptions, Index, Query, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456").make("Glock"))?;
    /// let index = b.build()?;
    /// let hits = index.check(&Query::new("AB123465").make("Glock"), &CheckOptions::default())?;
    /// let e = &hits[0].explanation;
    /// assert_eq!(e.evidence(), e.serial_score * e.identity_factor);
    /// assert_eq!(hits[0].score, calibrate(e.evidence()));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn evidence(&self) -> f32 {
        (self.serial_score * self.identity_factor).clamp(0.0, 1.0)
    }

    /// The hit's score: the probability that the record is the checked firearm. For a
    /// full serial, [`calibrate`] of the [`evidence`](Explanation::evidence). For a
    /// partial serial matching other registered serials too, the calibrated odds `o`
    /// shared with theirs (`rival_odds`): `o / (1 + o + rival_odds)`, the probability
    /// that this one, rather than one of the others or none, is the firearm. Another
    /// report of the same serial is no rival: a weaker report of a serial that a
    /// stronger one makes likely can score above a record of another serial with the
    /// same evidence as its own (its serial is the likelier one).
    ///
    /// ```
    /// use armsmatch::{calibrate, CheckOptions, Index, Query, Record};
    /// let mut b = Index::builder();
    /// for (id, serial) in [("R1", "UMG2129"), ("R2", "UMG2137"), ("R3", "UMG2144")] {
    ///     b.add(Record::new(id, serial).make("Smith & Wesson"))?;
    /// }
    /// let index = b.build()?;
    /// let hits = index.check(&Query::new("UMG2*").make("S&W"), &CheckOptions::default().threshold(0.0))?;
    /// let e = &hits[0].explanation;
    /// assert_eq!((hits.len(), e.shared_with), (3, 2));
    /// assert_eq!(hits[0].score, e.probability());
    /// assert!(hits[0].score < calibrate(e.evidence()) && hits[0].score < 0.5);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn probability(&self) -> f32 {
        let p = calibrate(self.evidence());
        if self.rival_odds <= 0.0 || self.rival_odds.is_nan() {
            return p;
        }
        let o = odds(p);
        o / (1.0 + o + self.rival_odds)
    }
}

/// `p / (1 − p)`, with `p` kept under 1 so that the odds stay finite.
pub(crate) fn odds(p: f32) -> f32 {
    let p = p.clamp(0.0, 0.9999);
    p / (1.0 - p)
}

impl SerialEvidence {
    /// The shape of the edits ([`EditShape`]), which prices two or more of them: plain
    /// for fewer than two by plain edit distance, and for zero padding alone. Beside
    /// other edits, zero padding counts as an edit of the shape: leaving it out was
    /// measured worse on the independent registers (seed 2: R@1 at 0.1 % false hits
    /// 88.3 → 85.8 %).
    ///
    /// ```
    /// use armsmatch::{CheckOptions, EditShape, Index, Query, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456").make("Glock"))?;
    /// let index = b.build()?;
    /// let opts = CheckOptions { threshold: 0.0, ..CheckOptions::default() };
    /// let hits = index.check(&Query::new("BA123465").make("Glock"), &opts)?;
    /// assert_eq!(hits[0].explanation.serial.shape(), EditShape::Slip);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn shape(&self) -> EditShape {
        shape(&self.record_key, usize::from(self.distance), &self.edits)
    }
}

impl fmt::Display for Explanation {
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456").make("Glock"))?;
    /// let index = b.build()?;
    /// let hits = index.check(&Query::new("AB123465").make("Glock"), &CheckOptions::default())?;
    /// let text = hits[0].explanation.to_string();
    /// assert!(text.contains("fuzzy") && text.contains("transposition") && text.contains("make same"));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.serial;
        write!(f, "serial {}", s.kind.as_str())?;
        if s.kind != SerialMatch::None {
            write!(f, " ({} vs {}", s.check_key, s.record_key)?;
            if s.reading {
                f.write_str(", the check's other Latin spelling of a Cyrillic marking")?;
            } else if s.transliterated {
                f.write_str(", transliterated")?;
            }
            if !s.edits.is_empty() {
                write!(
                    f,
                    "; {}",
                    describe_edits(&s.edits, &s.record_key).join(", ")
                )?;
                let shape = s.shape();
                if shape != EditShape::Plain {
                    write!(
                        f,
                        "; shaped like a {}, cost ×{}",
                        shape.as_str(),
                        shape.cost_factor()
                    )?;
                }
            }
            if s.kind == SerialMatch::Partial {
                if stars_matched_nothing(&s.check_key, &s.record_key) {
                    write!(f, "; * for no character, ×{EMPTY_RUN_PARTIAL}")?;
                }
                let confusables = partial_confusables(&s.check_key, &s.record_key)
                    .or_else(|| {
                        crate::normalize::zero_free(&s.record_key)
                            .and_then(|z| partial_confusables(&s.check_key, &z))
                    })
                    .unwrap_or(0);
                if confusables > 0 {
                    write!(
                        f,
                        "; {confusables} confusable character{}, ×{CONFUSABLE_PARTIAL} each",
                        if confusables == 1 { "" } else { "s" }
                    )?;
                }
                if !s.edits.is_empty() {
                    write!(f, "; a slip of the check undone, ×{SLIP_PARTIAL}")?;
                }
            }
            f.write_str(")")?;
        }
        write!(
            f,
            "; make {}, model {}, calibre {}; score {:.3} (probability of the same firearm",
            self.make.as_str(),
            self.model.as_str(),
            self.calibre.as_str(),
            self.probability(),
        )?;
        if self.shared_with > 0 {
            write!(
                f,
                ", shared with {} other serial{} matching the pattern",
                self.shared_with,
                if self.shared_with == 1 { "" } else { "s" }
            )?;
        }
        write!(
            f,
            ") from evidence {:.2} = serial {:.2} × identity {:.2}",
            self.evidence(),
            self.serial_score,
            self.identity_factor
        )
    }
}

/// The edits for people: a run of padding zeros added before one place, or dropped
/// from consecutive places, is named once (`padding 000 added before 1`).
fn describe_edits(edits: &[Edit], record_key: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(edits.len());
    let mut i = 0;
    while i < edits.len() {
        let e = &edits[i];
        let mut run = 1;
        if e.is_padding(record_key) {
            while let Some(next) = edits.get(i + run) {
                let follows = match (e, next) {
                    (Edit::Insertion { at: a, .. }, Edit::Insertion { at: b, .. }) => a == b,
                    (Edit::Deletion { at: a, .. }, Edit::Deletion { at: b, .. }) => *b == a + run,
                    _ => false,
                };
                if !follows || !next.is_padding(record_key) {
                    break;
                }
                run += 1;
            }
        }
        out.push(match e {
            Edit::Insertion { at, .. } if run > 1 => {
                format!("padding {} added before {}", "0".repeat(run), at + 1)
            }
            Edit::Deletion { at, .. } if run > 1 => {
                format!(
                    "padding {} dropped at {}–{}",
                    "0".repeat(run),
                    at + 1,
                    at + run
                )
            }
            _ => describe_edit(e, record_key),
        });
        i += run;
    }
    out
}

fn describe_edit(e: &Edit, record_key: &str) -> String {
    let padding = e.is_padding(record_key);
    match e {
        Edit::Insertion { at, .. } if padding => format!("padding 0 added before {}", at + 1),
        Edit::Deletion { at, .. } if padding => format!("padding 0 dropped at {}", at + 1),
        Edit::Confusable { at, check, record } => {
            format!("confusable {check}→{record} at {}", at + 1)
        }
        Edit::RareConfusion { at, check, record } => {
            format!("misread {check}→{record} at {}", at + 1)
        }
        Edit::Substitution { at, check, record } => {
            format!("substitution {check}→{record} at {}", at + 1)
        }
        Edit::Transposition { at } => format!("transposition at {}", at + 1),
        Edit::Insertion { at, check } => format!("extra {check} before {}", at + 1),
        Edit::Deletion { at, record } => format!("missing {record} at {}", at + 1),
    }
}

/// A record found by a check, with its score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The record, as registered.
    pub record: Record,
    /// Score in [0, 1]: the calibrated probability that the record is the checked
    /// firearm ([`Explanation::probability`]: [`calibrate`] of the explanation's
    /// evidence, shared with the other serials a partial serial matches).
    pub score: f32,
    /// Why.
    pub explanation: Explanation,
}

/// The identity factor of a make/model/calibre comparison (a table, not a sum):
///
/// | make \ model | same/alias | similar/unknown | different |
/// |---|---|---|---|
/// | same/alias   | 1.00 | 0.96 | 0.75 |
/// | similar      | 0.98 | 0.92 | 0.70 |
/// | unknown      | 0.98 | 0.86 | 0.60 |
/// | different    | 0.20 | 0.18 | 0.16 |
///
/// A model that agrees where one side names no make (`642-2`, `Five-seveN`, `PSAK-47`
/// with the make left blank) names the make too: it weighs nearly as much as an agreeing
/// make and model (0.98; it was 0.90, as if the model said nothing of the make). Measured
/// on the independent registers: seed 23 recall@1 92.33 → 92.60 %, its `make_missing`
/// checks 86.0 → 88.7 %, false hits unchanged (1.73 %); third generator recall@1
/// 92.93 → 93.00 %, false hits 12.03 → 12.09 %. A similar make (a related maker, an
/// importer) naming the same model is never worth less than none: 0.98 too (measured
/// neutral, ±0.02 points of false hits).
///
/// times a calibre factor: same/alias 1.0, unknown 0.99, similar 0.95, different 0.80
/// (0.70 where the make is unknown: the calibre is then one of the two fields left to
/// tell firearms apart; measured on five registers, false hits −0.07 points on three,
/// recall unchanged on all); and × 0.75 more when model *and* calibre are both
/// different (two independent descriptions of another firearm).
///
/// ```
/// use armsmatch::{identity_factor, FieldMatch::*};
/// assert_eq!(identity_factor(Same, Same, Same), 1.0);
/// assert!(identity_factor(Different, Same, Same) < identity_factor(Unknown, Unknown, Unknown));
/// // A calibre that disagrees says more when the make is not known.
/// assert!(identity_factor(Unknown, Unknown, Different) < 0.8 * identity_factor(Unknown, Unknown, Same));
/// assert_eq!(identity_factor(Same, Unknown, Different), 0.8 * identity_factor(Same, Unknown, Same));
/// ```
pub fn identity_factor(make: FieldMatch, model: FieldMatch, calibre: FieldMatch) -> f32 {
    let row = match make {
        FieldMatch::Same | FieldMatch::Alias => [1.0, 0.96, 0.75],
        FieldMatch::Similar => [0.98, 0.92, 0.70],
        FieldMatch::Unknown => [0.98, 0.86, 0.60],
        FieldMatch::Different => [0.20, 0.18, 0.16],
    };
    let m = match model {
        FieldMatch::Same | FieldMatch::Alias => row[0],
        FieldMatch::Similar | FieldMatch::Unknown => row[1],
        FieldMatch::Different => row[2],
    };
    let c = match calibre {
        FieldMatch::Same | FieldMatch::Alias => 1.0,
        FieldMatch::Unknown => 0.99,
        FieldMatch::Similar => 0.95,
        FieldMatch::Different if make == FieldMatch::Unknown => 0.70,
        FieldMatch::Different => 0.80,
    };
    let both = if model == FieldMatch::Different && calibre == FieldMatch::Different {
        0.75
    } else {
        1.0
    };
    m * c * both
}

/// Longest all-digit key counted as *dense*: short all-digit serials are common (numbering
/// restarts per model and year), so a registered serial a slip away from a check is
/// more often another firearm than in a sparse alphanumeric format.
const DENSE_LEN: usize = 6;

/// Factor on the serial score of a fuzzy match to a dense key (all digits, at most
/// [`DENSE_LEN`]). Measured by re-ranking the hits of the labelled registers (seeds 42,
/// 1, 2, and 7 never tuned on): recall@1 at 0.1 % false hits +0.5, +2.0, +3.8 and +1.0
/// points, at 1 % within ±0.4, recall at the threshold unchanged within 0.1.
const DENSE_FUZZY: f32 = 0.95;

/// Weight of a short key: short serials are common, so an exact match says less.
fn specificity(len: usize) -> f32 {
    (0.55 + 0.1 * len as f32).min(1.0)
}

/// The most [`serial_evidence`] can score against a record key of `len` bytes: an exact
/// serial (the raw texts equal, `raw_equal`) scores its specificity, anything else at
/// most 0.99 of it. Lets a check skip aligning key pairs that cannot beat a match found.
pub(crate) fn serial_score_bound(raw_equal: bool, len: usize) -> f32 {
    (if raw_equal { 1.0 } else { 0.99 }) * specificity(len)
}

/// The most an alignment of a check key against a record key of `len` bytes may cost
/// (before its shape's factor) and still give a serial score of at least `min_score`:
/// infinite when the fuzzy score's floor (0.22) reaches it. Solved from
/// [`serial_evidence`]'s formula with the cheapest shape ([`cost::SLIP_SHAPED`]) and
/// none of the factors that only lower a score, and a hair high, so that rounding never
/// drops a pair that qualifies.
fn max_alignment_cost(min_score: f32, len: usize) -> f32 {
    let spec = specificity(len);
    if min_score <= 0.22 * spec {
        return f32::INFINITY;
    }
    let root = (8.0 / len.max(1) as f32).sqrt();
    (0.99 - min_score / spec) / (0.3 * root * cost::SLIP_SHAPED) * 1.001 + 1e-3
}

/// Serial evidence and serial score of a (non-partial) check key against a record key;
/// `None` if the score is certainly under `min_score` (0: never), which the weighted
/// alignment can tell before its end.
pub(crate) fn serial_evidence(
    check_raw: &str,
    record_raw: &str,
    check_key: &str,
    record_key: &str,
    transliterated: bool,
    min_score: f32,
) -> Option<(SerialEvidence, f32)> {
    let len = record_key.len();
    let (kind, edits, distance, score) = if check_raw.trim() == record_raw.trim() {
        (SerialMatch::Exact, Vec::new(), 0, 1.0)
    } else if check_key == record_key {
        let s = if transliterated { 0.98 } else { 0.99 };
        (SerialMatch::Normalized, Vec::new(), 0, s)
    } else {
        let a = Alignment::within(check_key, record_key, max_alignment_cost(min_score, len))?;
        let all_confusable = a.edits.iter().all(|e| matches!(e, Edit::Confusable { .. }));
        let kind = if all_confusable {
            SerialMatch::Confusable
        } else {
            SerialMatch::Fuzzy
        };
        // A floor keeps every match within the budget above an exact serial under
        // another make (0.2): a fuzzy match of the same make is the better lead.
        // Two or more edits are priced by their shape too: a slip's, or a sibling
        // serial's of the same batch (`SerialEvidence::shape`).
        let distance = osa_distance(check_key.as_bytes(), record_key.as_bytes());
        let cost = a.cost * shape(record_key, distance, &a.edits).cost_factor();
        let s = (0.99 - 0.3 * cost * (8.0 / len.max(1) as f32).sqrt()).clamp(0.22, 0.99);
        let dense = kind == SerialMatch::Fuzzy
            && len <= DENSE_LEN
            && record_key.bytes().all(|c| c.is_ascii_digit());
        let distance = distance.min(usize::from(u8::MAX)) as u8;
        (
            kind,
            a.edits,
            distance,
            if dense { s * DENSE_FUZZY } else { s },
        )
    };
    let score = score * specificity(len);
    Some((
        SerialEvidence {
            kind,
            distance,
            edits,
            check_key: check_key.to_string(),
            record_key: record_key.to_string(),
            transliterated,
            reading: false,
        },
        score,
    ))
}

/// Factor on the serial score of an exact match through a record's Cyrillic marking
/// copied by shape with letters that have no Latin twin (`ЮР 7395` as `IOP7395`,
/// [`crate::index_keys`]); fuzzy matches through it are not taken.
pub(crate) const SHAPE_COPY: f32 = 0.9;

/// Factor on the serial score of a fuzzy or confusable match through a check's Cyrillic
/// reading (a Latin serial read as the other Latin spelling of a Cyrillic marking,
/// `BC1234` as `VS1234`): the reading is one guess and the edits another. On the third
/// independent generator (seed 41) such matches at rank 1 were right about one time in
/// four (with readings of mirrored shapes, since dropped, among them); re-scoring its
/// hits, 0.9 kept 0.5 of the 0.6 points of recall@1 they added and half the false hits
/// they brought (0.13 of 0.25 points), and on independent seed 23 none.
pub(crate) const READING_FUZZY: f32 = 0.9;

/// Factor on a partial score when the pattern matched the record's serial only without
/// its leading zeros (`74378?` against `0743787`): the zeros are one more thing the two
/// sides disagree on.
pub(crate) const LEADING_ZERO_PARTIAL: f32 = 0.97;

/// Factor on a partial score when every `*` of the pattern matched no character
/// (`*2650` against `2650`). A `*` marks characters that could not be read, so a record
/// without them is less likely the firearm; it is still found (`*` is any run, the empty
/// one too) but ranked below records that have characters there. On the labelled
/// registers (own seeds 42 and 7, independent seeds 1 and 2) none of 51 such hits was
/// the checked firearm; but their generators never write a `*` where the register has
/// nothing, which an officer does who marks a ground-off end of a serial the register
/// holds without it. 0.7 keeps such a check (`*AB123456` of a described Glock against
/// a Glock `AB123456`, make, model and calibre agreeing) above the default threshold, as
/// a lead ranked below any record with characters there (0.5 dropped it: a silent
/// miss); re-scoring the ~1,070 hits of this kind of four independent registers (seeds
/// 23 and 31, the second and third generators) moved none of them over the threshold.
pub(crate) const EMPTY_RUN_PARTIAL: f32 = 0.7;

/// Factor on a partial score per literal character of the pattern that matched the
/// record only through its confusable class (`*L22627` against `HB122627`: `L` for `1`).
/// A pattern is matched on skeletons, so a confusable reading costs nothing there; but
/// with wildcards free to move, a misread literal is more often a coincidence than in a
/// full serial (none of 521 such hits on four labelled registers was the firearm, one a
/// false hit at 0.996). Mild, as `O` for `0` is the commonest misreading of all: 0.5 did
/// no better on those registers (own seed 7: R@1 at 0.1 % false hits 74.7 → 75.9 % with
/// either) and dropped `*O4471` for `BA1204471` under the threshold.
pub(crate) const CONFUSABLE_PARTIAL: f32 = 0.8;

/// Factor on a partial score when the pattern matched only with one typing slip of the
/// check undone (two known characters swapped back, one dropped, or a `?` put where one
/// was left out; searched only when the pattern's own forms find nothing at the
/// threshold). Such a match is weak: serials of a batch are sequential, so a registered
/// serial one slip from a partial one is often a sibling firearm's, and with a slip
/// allowed anywhere a pattern meets many more serials. Fitted on two independent
/// labelled registers (`scripts/independent-register.py` seed 23 at 1.5 M records,
/// `scripts/independent-register-2.py` seed 5): 11 of 1,818 such candidates (0.6 %)
/// were the checked firearm (none of 1,654 on the first), and this factor makes their
/// mean score 0.1–0.2 % with the best at about 0.05: under the default threshold, found
/// by a check that asks for lower scores.
pub(crate) const SLIP_PARTIAL: f32 = 0.5;

/// The fewest literal characters of `pattern` (a key text with `?` and `*`) that differ
/// from the character of `key` they match, over every way the pattern matches `key`
/// where differing characters share a confusable class; `None` if it does not match so.
///
/// Asked of every record a partial check finds (hundreds for a short pattern), so it
/// works on the stack for keys of up to [`CONFUSABLES_ON_STACK`] characters (every
/// indexed key: [`crate::limits::MAX_KEY_CHARS`]): allocating its rows was a fifth of a
/// `?` check's time at 10 M records.
pub(crate) fn partial_confusables(pattern: &str, key: &str) -> Option<usize> {
    let n = key.chars().count();
    if n <= CONFUSABLES_ON_STACK {
        let mut k = ['\0'; CONFUSABLES_ON_STACK];
        for (slot, c) in k.iter_mut().zip(key.chars()) {
            *slot = c;
        }
        let mut rows = [[NO_MATCH; CONFUSABLES_ON_STACK + 1]; 2];
        let [a, b] = &mut rows;
        confusables_dp(pattern, &k[..n], &mut a[..=n], &mut b[..=n])
    } else {
        let k: Vec<char> = key.chars().collect();
        confusables_dp(
            pattern,
            &k,
            &mut vec![NO_MATCH; n + 1],
            &mut vec![NO_MATCH; n + 1],
        )
    }
}

/// Keys up to this many characters are matched by [`partial_confusables`] on the stack.
const CONFUSABLES_ON_STACK: usize = 64;

/// "No way to match" in [`confusables_dp`]'s rows: above every count, so `min` keeps
/// a match over it.
const NO_MATCH: u16 = u16::MAX;

/// [`partial_confusables`]' dynamic programme: `best[j]` is the fewest differences of
/// the pattern so far against `k[..j]`; `best` and `next` are rows of `k.len() + 1`.
fn confusables_dp<'a>(
    pattern: &str,
    k: &[char],
    mut best: &'a mut [u16],
    mut next: &'a mut [u16],
) -> Option<usize> {
    use crate::normalize::skeleton_char;
    best.fill(NO_MATCH);
    best[0] = 0;
    for t in pattern.chars() {
        next.fill(NO_MATCH);
        if t == '*' {
            let mut run = NO_MATCH;
            for (b, n) in best.iter().zip(next.iter_mut()) {
                run = run.min(*b);
                *n = run;
            }
        } else {
            for (j, &c) in k.iter().enumerate() {
                let b = best[j];
                if b == NO_MATCH {
                    continue;
                }
                let cost = if t == '?' || t == c {
                    0
                } else if skeleton_char(t) == skeleton_char(c) {
                    1
                } else {
                    continue;
                };
                let v = (b + cost).min(NO_MATCH - 1);
                next[j + 1] = next[j + 1].min(v);
            }
        }
        std::mem::swap(&mut best, &mut next);
    }
    let last = best[k.len()];
    (last != NO_MATCH).then_some(usize::from(last))
}

/// True if every `*` of a partial check (its key text) matched no character of the
/// record's key: the record key is as long as the check's characters and `?`s.
pub(crate) fn stars_matched_nothing(check_key: &str, record_key: &str) -> bool {
    let stars = check_key.chars().filter(|&c| c == '*').count();
    stars > 0 && check_key.chars().count() - stars == record_key.chars().count()
}

/// The highest serial score a partial match can have: a pattern leaves something
/// unknown, however much it knows.
pub(crate) const PARTIAL_MAX: f32 = 0.95;

/// Serial score of a partial check (pattern with `?`/`*`) that knows `known` characters
/// of a record key of `matched_len`, before the factors of how it matched.
pub(crate) fn partial_score(known: usize, matched_len: usize) -> f32 {
    let len = matched_len.max(1);
    (0.55 + 0.4 * known as f32 / len as f32).min(PARTIAL_MAX) * specificity(known)
}

/// Serial evidence of a partial check (its key text `pattern_text`) against the record
/// key `record_key` of `matched_len` characters as matched (without its leading zeros,
/// if so matched), the pattern knowing `known` of them.
pub(crate) fn partial_evidence(
    pattern_text: &str,
    record_key: String,
    known: usize,
    matched_len: usize,
    transliterated: bool,
) -> SerialEvidence {
    let unknown = matched_len.max(1).saturating_sub(known);
    SerialEvidence {
        kind: SerialMatch::Partial,
        distance: unknown.min(255) as u8,
        edits: Vec::new(),
        check_key: pattern_text.to_string(),
        record_key,
        transliterated,
        reading: false,
    }
}

/// The resolved identity of one side (check or record).
#[derive(Debug, Clone, Default)]
pub(crate) struct Identity {
    pub make: Option<Resolved>,
    pub model: Option<String>,
    pub calibre: Option<Resolved>,
    /// The other makes the make text names beside the one it resolves to (the maker
    /// beside an importer), on either side.
    pub also_makes: Vec<u32>,
}

impl Identity {
    pub(crate) fn resolve(
        reference: &Reference,
        make: Option<&str>,
        model: Option<&str>,
        calibre: Option<&str>,
    ) -> Identity {
        // `Unknown`, `N/A`, `-`: no name at all (`PLACEHOLDER_NAMES`).
        fn present(s: Option<&str>) -> Option<&str> {
            s.filter(|s| !crate::normalize::is_placeholder_name(s))
        }
        let make = present(make).map(|m| (m, reference.resolve_make(m)));
        Identity {
            also_makes: make
                .as_ref()
                .map(|(text, m)| also_makes(reference, text, m))
                .unwrap_or_default(),
            make: make.map(|(_, m)| m),
            model: present(model).map(str::to_string),
            calibre: present(calibre).map(|c| reference.resolve_calibre(c)),
        }
    }
}

/// The makes a make text names other than `resolved`, the one it resolves to:
/// `Romarm (imported by Century Arms)` resolves to the longer name, Century Arms, and
/// names Romarm too.
pub(crate) fn also_makes(reference: &Reference, text: &str, resolved: &Resolved) -> Vec<u32> {
    let mut named = reference.makes_named(text);
    named.retain(|&i| Some(i) != resolved.entry);
    named
}

/// Compares two resolved names of the same field.
pub(crate) fn compare_names(q: Option<&Resolved>, r: Option<&Resolved>) -> FieldMatch {
    let (Some(q), Some(r)) = (q, r) else {
        return FieldMatch::Unknown;
    };
    // A placeholder (`Unknown`, `N/A`) says nothing, whichever side wrote it (records
    // of an index built before it was read so keep it). No placeholder is a name the
    // reference lists, so a name it resolved (nearly all) skips the word lists: this
    // runs for every candidate.
    let placeholder = |n: &Resolved| n.entry.is_none() && placeholder_name_key(&n.key);
    if placeholder(q) || placeholder(r) {
        return FieldMatch::Unknown;
    }
    match (q.entry, r.entry) {
        (Some(a), Some(b)) if a == b => {
            if q.key == r.key {
                FieldMatch::Same
            } else {
                FieldMatch::Alias
            }
        }
        (Some(_), Some(_)) => FieldMatch::Different,
        _ => {
            if q.key == r.key {
                FieldMatch::Same
            } else if texts_similar(&q.key, &r.key) || texts_similar(&q.canonical, &r.canonical) {
                FieldMatch::Similar
            } else {
                FieldMatch::Different
            }
        }
    }
}

fn texts_similar(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    (short.len() >= 3 && long.contains(short))
        || (short.len() >= 4 && crate::distance::osa_distance(a.as_bytes(), b.as_bytes()) <= 1)
        || strsim::jaro_winkler(a, b) >= 0.93
}

pub(crate) fn compare_models(
    reference: &Reference,
    make_entry: Option<u32>,
    q: Option<&str>,
    r: Option<&str>,
) -> FieldMatch {
    let (Some(q), Some(r)) = (q, r) else {
        return FieldMatch::Unknown;
    };
    if is_placeholder_name(q) || is_placeholder_name(r) {
        return FieldMatch::Unknown;
    }
    let qr = reference.resolve_model(make_entry, q);
    let rr = reference.resolve_model(make_entry, r);
    let family = |a: &Resolved, b: &Resolved| match (make_entry, a.entry, b.entry) {
        (Some(m), Some(a), Some(b)) => reference.models_related(m, a, b),
        _ => false,
    };
    match compare_names(Some(&qr), Some(&rr)) {
        FieldMatch::Different if model_variant(&qr.key, &rr.key) || family(&qr, &rr) => {
            FieldMatch::Similar
        }
        FieldMatch::Different => {
            // A model the reference does not know, written in Cyrillic or Greek on one
            // side (`СКС` for `SKS`): compared as it sounds in Latin letters.
            let (lq, lr) = (
                crate::normalize::latin_name(q),
                crate::normalize::latin_name(r),
            );
            if lq.is_none() && lr.is_none() {
                return FieldMatch::Different;
            }
            let qr = reference.resolve_model(make_entry, lq.as_deref().unwrap_or(q));
            let rr = reference.resolve_model(make_entry, lr.as_deref().unwrap_or(r));
            match compare_names(Some(&qr), Some(&rr)) {
                FieldMatch::Same => FieldMatch::Alias,
                FieldMatch::Different if model_variant(&qr.key, &rr.key) || family(&qr, &rr) => {
                    FieldMatch::Similar
                }
                m => m,
            }
        }
        m => m,
    }
}

/// `G19` / `19` / `GLOCK19GEN4`: the same model number in different dress.
fn model_variant(a: &str, b: &str) -> bool {
    let digits = |s: &str| -> String {
        s.chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit())
            .collect()
    };
    let (da, db) = (digits(a), digits(b));
    !da.is_empty() && da == db
}

pub(crate) fn compare_calibres(
    reference: &Reference,
    q: Option<&Resolved>,
    r: Option<&Resolved>,
) -> FieldMatch {
    let m = compare_names(q, r);
    if m != FieldMatch::Different {
        return m;
    }
    let (Some(q), Some(r)) = (q, r) else {
        return m;
    };
    if let (Some(a), Some(b)) = (q.entry, r.entry) {
        if reference.calibres_related(a, b) {
            return FieldMatch::Similar;
        }
    }
    // Lossy calibres (NCIC drops decimals: .38 Special → 38): a bare number is similar
    // to every calibre that starts with it; so is a bore in millimetres that the
    // reference does not know as a cartridge (`7.62mm`: 7.62×39mm, 7.62×54mmR and
    // 7.62×51mm alike; `9mm` is the 9×19mm by convention).
    let lossy = |x: &Resolved, y: &Resolved| {
        let bore = match x.entry {
            None => x.key.strip_suffix("MM").unwrap_or(&x.key),
            Some(_) => &x.key,
        };
        !bore.is_empty()
            && bore.chars().all(|c| c.is_ascii_digit())
            && (y.key.starts_with(bore)
                || crate::normalize::name_key(&y.canonical).starts_with(bore))
    };
    if lossy(q, r) || lossy(r, q) {
        FieldMatch::Similar
    } else {
        FieldMatch::Different
    }
}

/// True when [`compare_identity`] is sure to call the makes different, from the make
/// alone: both are reference entries, not the same, related neither way (importers and
/// corporate families are), and neither side's make text also names the other's make.
/// None of `compare_identity`'s exceptions (a model written as the make, an importer, a
/// licensed family, an unresolved name) can apply then. Cheap: a check asks it of
/// every candidate before comparing serials (see `Prepared::cannot_reach`).
pub(crate) fn surely_other_make(
    reference: &Reference,
    q: &Identity,
    r_make: Option<&Resolved>,
    r_also: &[u32],
) -> bool {
    let (Some(a), Some(b)) = (
        q.make.as_ref().and_then(|m| m.entry),
        r_make.and_then(|m| m.entry),
    ) else {
        return false;
    };
    a != b
        && !q.also_makes.contains(&b)
        && !r_also.contains(&a)
        && !reference.makes_related(a, b)
        && !reference.makes_related(b, a)
        && !q
            .make
            .as_ref()
            .is_some_and(|m| reference.design_made_by(&m.key, b))
        && !r_make.is_some_and(|m| reference.design_made_by(&m.key, a))
}

/// Compares the identities of a check and a record: (make, model, calibre).
pub(crate) fn compare_identity(
    reference: &Reference,
    q: &Identity,
    r: &Identity,
) -> (FieldMatch, FieldMatch, FieldMatch) {
    let calibre = compare_calibres(reference, q.calibre.as_ref(), r.calibre.as_ref());
    let mut make = compare_names(q.make.as_ref(), r.make.as_ref());
    let names = |a: &Identity, b: &Identity| {
        b.make
            .as_ref()
            .and_then(|m| m.entry)
            .is_some_and(|e| a.also_makes.contains(&e))
    };
    if make == FieldMatch::Different && (names(q, r) || names(r, q)) {
        // One side's make text names the other's make beside another (an importer's).
        make = FieldMatch::Alias;
    }
    if make == FieldMatch::Different {
        // `AK-47` or `Makarov PM` written as the make, the model left empty: on either
        // side, a text that names no make but a model of the other side's make is no
        // evidence of another make; it is compared as the model it is. So too a text
        // that is the other side's model as written (`SKS` for a Norinco `SKS`: many
        // plants made the rifle, the reference lists it under Tula's).
        let model_as_make = |a: &Identity, b: &Identity| -> Option<(u32, String)> {
            let written = a
                .make
                .as_ref()
                .filter(|m| m.entry.is_none() && a.model.is_none())?;
            let mi = b.make.as_ref()?.entry?;
            let of_their_make = reference
                .resolve_model(Some(mi), &written.canonical)
                .entry
                .is_some();
            let their_model = || {
                matches!(
                    compare_models(
                        reference,
                        Some(mi),
                        Some(&written.canonical),
                        b.model.as_deref()
                    ),
                    FieldMatch::Same | FieldMatch::Alias
                )
            };
            (of_their_make || their_model()).then(|| (mi, written.canonical.clone()))
        };
        let moved = model_as_make(q, r)
            .map(|(mi, m)| compare_models(reference, Some(mi), Some(&m), r.model.as_deref()))
            .or_else(|| {
                model_as_make(r, q).map(|(mi, m)| {
                    compare_models(reference, Some(mi), q.model.as_deref(), Some(&m))
                })
            });
        if let Some(model) = moved {
            return (FieldMatch::Unknown, model, calibre);
        }
    }
    let make_entry = r
        .make
        .as_ref()
        .and_then(|m| m.entry)
        .or_else(|| q.make.as_ref().and_then(|m| m.entry));
    // `Colt Python`, `Glock 19` written as the make with no model: the make's words
    // and then a model of that make, which is the model. A text listed as a make
    // (`Makarov`, also the pistol's name) names the make only.
    let model_in_make = |id: &Identity| -> Option<String> {
        if id.model.is_some() {
            return None;
        }
        let m = id.make.as_ref()?;
        let mi = m.entry?;
        if reference.is_make_key(&m.key) {
            return None;
        }
        reference
            .resolve_model(Some(mi), &m.key)
            .entry
            .map(|_| m.key.clone())
    };
    let (qm, rm) = (model_in_make(q), model_in_make(r));
    let model = compare_models(
        reference,
        make_entry,
        q.model.as_deref().or(qm.as_deref()),
        r.model.as_deref().or(rm.as_deref()),
    );
    let unresolved = |m: &Option<Resolved>| m.as_ref().is_some_and(|m| m.entry.is_none());
    let entry = |m: &Option<Resolved>| m.as_ref().and_then(|m| m.entry);
    if make == FieldMatch::Different && model != FieldMatch::Different {
        if let (Some(a), Some(b)) = (entry(&q.make), entry(&r.make)) {
            // An importer's name on one side (Century Arms for a Cugir rifle, EAA for a
            // Baikal): who brought the firearm in, not who made it. A maker it imports
            // from is similar, unless the models differ or the importer's side names a
            // model of its own (Century's VSKA: then it is the maker) or names the maker
            // beside it (`Romarm / Century Arms`). Another maker
            // stays different: read as unknown, importers' names gave the independent
            // registers' other-make non-hits more false hits (seed 23 recall@1 at 0.1 %
            // false hits 83.4 -> 78.2 %).
            let imports = |imp: u32, other: u32, side: &Identity| {
                reference.is_importer(imp)
                    && reference.makes_related(imp, other)
                    // `Romarm / Century Arms` names its maker: that one is compared.
                    && side.also_makes.is_empty()
                    && side
                        .model
                        .as_deref()
                        .is_none_or(|m| reference.resolve_model(Some(imp), m).entry.is_none())
            };
            if imports(a, b, q) || imports(b, a, r) {
                make = FieldMatch::Similar;
            }
        }
    }
    if make == FieldMatch::Different && matches!(model, FieldMatch::Same | FieldMatch::Alias) {
        if let (Some(a), Some(b)) = (entry(&q.make), entry(&r.make)) {
            if reference.makes_related(a, b) {
                // One corporate family (SIG Sauer and the Swiss SIG, Sako and Tikka, a
                // maker and the importer marked on its firearms) naming the same model:
                // licensed or imported production, not evidence of another firearm. With
                // another model or none, a related make is still another make (measured:
                // on the independent register most such pairs were other firearms).
                make = FieldMatch::Similar;
            }
        }
    }
    if make == FieldMatch::Different && model != FieldMatch::Different {
        // A design's name written as the make (`Kalashnikov`, `AK`, `Tokarev`, `Luger`)
        // against a maker that produced it: which design, not which factory. Another
        // maker stays different, and so does a maker whose model disagrees (`Molot`
        // `VPO-136` against `Kalashnikov` `Saiga 12`): measured on the independent
        // registers, whose other-make non-hits write the company's short name, such
        // pairs were other firearms.
        // The maker's firearm must be one of the design's calibres: by its model, as
        // the reference knows it, else by its calibre as written (a Remington `870` is
        // no `Mosin`, a Norinco `Type 54` no `Kalashnikov`).
        let design = |a: &Identity, b: &Identity| {
            let Some((calibres, maker)) = a
                .make
                .as_ref()
                .zip(entry(&b.make))
                .and_then(|(m, e)| reference.design_calibres(&m.key, e).map(|c| (c, e)))
            else {
                return false;
            };
            if calibres.is_empty() {
                return true;
            }
            let of_model = b.model.as_deref().and_then(|m| {
                let model = reference.resolve_model(Some(maker), m).entry?;
                reference.model_calibre(maker, model)
            });
            match of_model.or_else(|| b.calibre.as_ref().and_then(|c| c.entry)) {
                Some(c) => calibres.contains(&c),
                None => true,
            }
        };
        if design(q, r) || design(r, q) {
            make = FieldMatch::Similar;
        }
    }
    if make == FieldMatch::Different
        && matches!(model, FieldMatch::Same | FieldMatch::Alias)
        && (unresolved(&q.make) || unresolved(&r.make))
    {
        // A make the reference does not know (a brand, a designer, a plant's name in
        // another language: `Makarow`, `IMZ`, `Unceta y Cia`) is no evidence of another
        // firearm when the model is the record make's: the reference cannot tell.
        make = FieldMatch::Unknown;
    }
    (make, model, calibre)
}

/// Score of an identity-only hit (neither side has a usable serial): make must agree.
pub(crate) fn identity_only_score(make: FieldMatch, model: FieldMatch, calibre: FieldMatch) -> f32 {
    if !make.agrees() {
        return 0.0;
    }
    let base: f32 = match model {
        FieldMatch::Same | FieldMatch::Alias => 0.5,
        FieldMatch::Similar => 0.42,
        FieldMatch::Unknown => 0.35,
        FieldMatch::Different => 0.1,
    };
    let cal: f32 = match calibre {
        FieldMatch::Same | FieldMatch::Alias => 0.05,
        FieldMatch::Unknown | FieldMatch::Similar => 0.0,
        FieldMatch::Different => -0.1,
    };
    (base + cal).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An identity from make, model and calibre as written (`""`: none).
    fn id3(make: &str, model: &str, calibre: &str) -> Identity {
        Identity::resolve(
            Reference::embedded(),
            Some(make),
            Some(model),
            Some(calibre),
        )
    }

    /// An identity from make and model as written, with no calibre.
    fn id2(make: &str, model: &str) -> Identity {
        Identity::resolve(Reference::embedded(), Some(make), Some(model), None)
    }

    #[test]
    fn surely_other_make_is_never_wrong_about_compare_identity() {
        // Every pair of the reference's makes, written alone, with one of their
        // models, and in a text naming a second make (`Century Arms / Romarm`): where
        // the shortcut is sure, the whole comparison must call the makes different.
        let r = Reference::embedded();
        let makes = &r.data().make;
        let mut ids = Vec::new();
        for (i, m) in makes.iter().enumerate() {
            let other = &makes[(i * 7 + 3) % makes.len()].name;
            let mut models = vec![""];
            models.extend(m.model.first().map(|x| x.name.as_str()));
            for model in models {
                ids.push(id2(&m.name, model));
                ids.push(id2(&format!("{} / {other}", m.name), model));
            }
            // Another make's model under this make's name.
            ids.extend(
                makes[(i + 1) % makes.len()]
                    .model
                    .first()
                    .map(|x| id2(&m.name, &x.name)),
            );
        }
        // Designs written as makes (`Kalashnikov`, `AK`, `Tokarev`), alone and with a
        // model.
        for sys in &r.data().system {
            for n in std::iter::once(&sys.name).chain(&sys.aliases) {
                ids.push(id2(n, ""));
                ids.push(id2(n, "Type 56"));
            }
        }
        let (mut sure, mut different) = (0, 0);
        for q in &ids {
            for rec in &ids {
                let make = compare_identity(r, q, rec).0;
                different += usize::from(make == FieldMatch::Different);
                if surely_other_make(r, q, rec.make.as_ref(), &rec.also_makes) {
                    sure += 1;
                    assert_eq!(make, FieldMatch::Different, "{q:?} vs {rec:?}");
                }
            }
        }
        // The shortcut decides most of the pairs the whole comparison calls different
        // (70 %: a make text naming two makes is left to the whole comparison).
        assert!(sure * 2 > different, "{sure} of {different}");
    }

    fn serial_score(q: &str, r: &str) -> f32 {
        let (qk, rk) = (crate::serial_key(q), crate::serial_key(r));
        serial_evidence(q, r, &qk, &rk, false, 0.0).unwrap().1
    }

    #[test]
    fn ordering_guarantees() {
        let same = identity_factor(FieldMatch::Same, FieldMatch::Unknown, FieldMatch::Unknown);
        let diff = identity_factor(
            FieldMatch::Different,
            FieldMatch::Unknown,
            FieldMatch::Unknown,
        );
        for (rec, fuzzy) in [
            ("AB123456", "AB123465"), // transposition
            ("AB123456", "AB12345"),  // deletion
            ("AB123456", "AB1X3456"), // substitution
            ("AB123456", "AB123457"), // sibling digit
            ("12345", "12346"),       // sibling digit, short serial
            ("12345", "12354"),       // transposition, short serial
            ("1234567890", "1234567899"),
        ] {
            let exact_same = serial_score(rec, rec) * same;
            let fuzzy_same = serial_score(fuzzy, rec) * same;
            let exact_diff = serial_score(rec, rec) * diff;
            assert!(exact_same > fuzzy_same, "{rec} {fuzzy}");
            assert!(
                fuzzy_same > exact_diff,
                "{rec} {fuzzy}: {fuzzy_same} vs {exact_diff}"
            );
        }
    }

    #[test]
    fn partial_confusables_counts_the_fewest_misread_literals() {
        assert_eq!(partial_confusables("AB12?4", "AB1234"), Some(0));
        assert_eq!(partial_confusables("*L22627", "HB122627"), Some(1));
        assert_eq!(partial_confusables("BS15*", "85155157"), Some(2));
        // The star lets the literals align where they match as written.
        assert_eq!(partial_confusables("*1O", "1O1O"), Some(0));
        assert_eq!(partial_confusables("O*", "0O"), Some(1));
        // No match even by confusable class.
        assert_eq!(partial_confusables("AB*", "XY12"), None);
        assert_eq!(partial_confusables("AB?", "AB"), None);
        assert_eq!(partial_confusables("*", ""), Some(0));
    }

    /// The matching as first written, with a row allocated per pattern character:
    /// the oracle for the stack version.
    fn partial_confusables_oracle(pattern: &str, key: &str) -> Option<usize> {
        use crate::normalize::skeleton_char;
        let k: Vec<char> = key.chars().collect();
        let mut best: Vec<Option<usize>> = vec![None; k.len() + 1];
        best[0] = Some(0);
        for t in pattern.chars() {
            let mut next: Vec<Option<usize>> = vec![None; k.len() + 1];
            if t == '*' {
                let mut run: Option<usize> = None;
                for j in 0..=k.len() {
                    run = match (run, best[j]) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    next[j] = run;
                }
            } else {
                for j in 0..k.len() {
                    let Some(b) = best[j] else { continue };
                    let cost = if t == '?' || t == k[j] {
                        0
                    } else if skeleton_char(t) == skeleton_char(k[j]) {
                        1
                    } else {
                        continue;
                    };
                    let v = b + cost;
                    next[j + 1] = Some(next[j + 1].map_or(v, |x| x.min(v)));
                }
            }
            best = next;
        }
        best[k.len()]
    }

    proptest::proptest! {
        #[test]
        fn partial_confusables_agrees_with_its_oracle(
            pattern in "[O0QD1IL58BSЮ?*]{0,12}",
            key in "[O0QD1IL58BSЮ]{0,80}",
        ) {
            proptest::prop_assert_eq!(
                partial_confusables(&pattern, &key),
                partial_confusables_oracle(&pattern, &key)
            );
        }
    }

    #[test]
    fn explanations_name_zero_padding() {
        let why = |q: &str, r: &str| {
            let (qk, rk) = (crate::serial_key(q), crate::serial_key(r));
            let serial = serial_evidence(q, r, &qk, &rk, false, 0.0).unwrap().0;
            describe_edits(&serial.edits, &rk)
        };
        assert_eq!(why("0270221", "2870221")[0], "padding 0 added before 1");
        assert_eq!(why("AB1234", "AB01234"), ["padding 0 dropped at 3"]);
        // A run of padding zeros is named once.
        assert_eq!(why("0001234", "1234"), ["padding 000 added before 1"]);
        assert_eq!(why("AB1234", "AB001234"), ["padding 00 dropped at 3–4"]);
        assert_eq!(
            why("0001243", "1234"),
            ["padding 000 added before 1", "transposition at 3"]
        );
        // A zero inside the number is no padding.
        assert_eq!(why("AB12034", "AB1234"), ["extra 0 before 5"]);
        assert_eq!(why("AB1234", "AB10234"), ["missing 0 at 4"]);
    }

    #[test]
    fn confusion_and_transposition_beat_arbitrary_substitution() {
        let rec = "1234567";
        // A non-neighbouring digit at the end: a sibling firearm.
        let sub = serial_score("1234563", rec);
        assert!(serial_score("I234567", rec) > sub);
        assert!(serial_score("1234576", rec) > sub);
        assert!(
            serial_score("1X34567", rec) > sub,
            "an arbitrary early substitution beats a sibling digit"
        );
        assert!(serial_score("12345678", "12345678") > serial_score("1234567B", "12345678"));
    }

    #[test]
    fn a_key_of_the_row_below_is_a_typing_slip() {
        // `5` keyed as `T` (the key below it) or `G` as `B`: neighbours on the
        // staggered keyboard, as dear as a neighbour in the row, cheaper than an
        // arbitrary substitution at the same place.
        let rec = "AG5123467";
        let arbitrary = serial_score("AGK123467", rec);
        let row = serial_score("AG6123467", rec);
        assert!(serial_score("AGT123467", rec) > arbitrary);
        assert_eq!(serial_score("AGT123467", rec), row);
        assert!(serial_score("AB5123467", rec) > serial_score("AP5123467", rec));
    }

    #[test]
    fn a_slip_in_a_short_all_digit_serial_weighs_less() {
        // The same transposition in a dense (short, all-digit) and a sparse key.
        let dense = serial_score("214567", "124567");
        let sparse = serial_score("B1C567", "1BC567");
        assert!(
            (dense - sparse * DENSE_FUZZY).abs() < 1e-6,
            "{dense} {sparse}"
        );
        // Longer all-digit keys and exact matches are not touched.
        let long = serial_score("21345678", "12345678");
        let long_alpha = serial_score("B1C45678", "1BC45678");
        assert_eq!(long, long_alpha);
        assert_eq!(serial_score("124567", "124567"), 1.0);
    }

    #[test]
    fn exact_beats_normalized_beats_confusable() {
        let r = "AB-1234";
        assert!(serial_score("AB-1234", r) > serial_score("ab 1234", r));
        assert!(serial_score("ab 1234", r) > serial_score("A8 1234", r));
    }

    #[test]
    fn sibling_serials_fall_below_the_threshold() {
        let f = identity_factor(FieldMatch::Same, FieldMatch::Same, FieldMatch::Same);
        let score = |q: &str, r: &str, f: f32| calibrate(serial_score(q, r) * f);
        assert!(score("12345688", "12345677", f) < DEFAULT_THRESHOLD);
        assert!(score("AB123465", "AB123456", f) > DEFAULT_THRESHOLD);
        let diff = identity_factor(FieldMatch::Different, FieldMatch::Same, FieldMatch::Same);
        assert!(score("AB123456", "AB123456", diff) < DEFAULT_THRESHOLD);
    }

    #[test]
    fn the_calibration_rises_through_its_knots() {
        for w in CALIBRATION.windows(2) {
            assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "{w:?}");
        }
        for &(e, p) in &CALIBRATION {
            assert!((calibrate(e) - p).abs() < 1e-6, "{e} -> {}", calibrate(e));
        }
        assert_eq!(calibrate(-1.0), 0.0);
        assert_eq!(calibrate(f32::NAN), 0.0);
        assert_eq!(calibrate(2.0), 1.0);
        let mut last = 0.0;
        for i in 0..=10_000 {
            let p = calibrate(i as f32 / 10_000.0);
            assert!(p >= last && (0.0..=1.0).contains(&p));
            last = p;
        }
    }

    #[test]
    fn the_evidence_floor_never_drops_a_hit_that_qualifies() {
        // For every threshold, any evidence at or above the floor may qualify, and any
        // evidence that qualifies is at or above the floor.
        for t in 0..=1000 {
            let t = t as f32 / 1000.0;
            let floor = evidence_floor(t);
            for i in 0..=2000 {
                let e = i as f32 / 2000.0;
                if calibrate(e) >= t {
                    assert!(
                        e >= floor,
                        "threshold {t}: evidence {e} under floor {floor}"
                    );
                }
            }
            assert!(
                calibrate(floor + 2e-4) >= t || floor + 2e-4 > 1.0,
                "threshold {t}"
            );
        }
        assert_eq!(evidence_floor(0.0), 0.0);
        assert_eq!(evidence_floor(f32::NAN), 0.0);
    }

    #[test]
    fn an_agreeing_make_is_never_worth_less_than_a_vaguer_one() {
        use FieldMatch::*;
        let all = [Same, Alias, Similar, Unknown, Different];
        for model in all {
            for calibre in all {
                let f = |make| identity_factor(make, model, calibre);
                assert!(f(Same) == f(Alias), "{model:?} {calibre:?}");
                assert!(f(Alias) >= f(Similar), "{model:?} {calibre:?}");
                assert!(f(Similar) >= f(Unknown), "{model:?} {calibre:?}");
                assert!(f(Unknown) > f(Different), "{model:?} {calibre:?}");
            }
        }
    }

    #[test]
    fn field_comparisons() {
        let r = Reference::embedded();
        let (mk, mo, ca) = compare_identity(
            r,
            &id3("S&W", "M&P9", "9mm"),
            &id3("Smith & Wesson", "M&P 9", "9mm Luger"),
        );
        assert_eq!(mk, FieldMatch::Alias);
        assert!(mo.agrees(), "{mo:?}");
        assert_eq!(ca, FieldMatch::Alias);
        let (_, _, ca) = compare_identity(
            r,
            &id3("Colt", "Python", ".38 Special"),
            &id3("Colt", "Python", ".357 Magnum"),
        );
        assert_eq!(ca, FieldMatch::Similar);
        let (_, _, ca) = compare_identity(
            r,
            &id3("Izhmash", "PM", "9x18"),
            &id3("Izhmash", "PM", "9x19"),
        );
        assert_eq!(ca, FieldMatch::Different);
        let (mk, _, _) =
            compare_identity(r, &id3("Glock", "19", "9mm"), &id3("Beretta", "92", "9mm"));
        assert_eq!(mk, FieldMatch::Different);
        let (mk, _, _) =
            compare_identity(r, &id3("Acme Guns", "", ""), &id3("ACME GUNS LTD", "", ""));
        assert_eq!(mk, FieldMatch::Same);
        let (_, mo, _) =
            compare_identity(r, &id3("Glock", "G19 Gen4", ""), &id3("Glock", "19", ""));
        assert_eq!(mo, FieldMatch::Similar);
    }

    #[test]
    fn a_bare_bore_or_a_labelled_calibre_is_similar_not_different() {
        let r = Reference::embedded();
        let calibre = |q: &str, rec: &str| {
            compare_identity(r, &id3("Izhmash", "AKM", q), &id3("Izhmash", "AKM", rec)).2
        };
        // A bore that names no cartridge, as written in Latin or Cyrillic.
        for q in [
            "7.62mm",
            "7,62 мм",
            "7.62",
            "cal. 7.62",
            "Kaliber 7,62",
            "7.62 cal",
        ] {
            assert_eq!(calibre(q, "7.62x39mm"), FieldMatch::Similar, "{q:?}");
            assert_eq!(calibre(q, "7.62x54R"), FieldMatch::Similar, "{q:?}");
            assert_eq!(calibre(q, "5.45x39"), FieldMatch::Different, "{q:?}");
        }
        // A labelled cartridge is that cartridge; a gauge in Russian is the gauge's.
        assert_eq!(
            calibre("cal. 7.62x39", "7.62x39mm"),
            calibre("7.62x39", "7.62x39mm")
        );
        assert_eq!(
            calibre("cal.45 ACP", ".45 ACP"),
            calibre(".45 ACP", ".45 ACP")
        );
        assert!(calibre("cal.45 ACP", ".45 ACP").agrees());
        assert_eq!(calibre("12 калибр", "12 gauge"), FieldMatch::Similar);
        assert_eq!(calibre("12 калибр", "20 gauge"), FieldMatch::Different);
        // A cartridge the reference knows keeps its meaning: 9mm is the 9×19mm.
        assert_eq!(calibre("9mm", "9mm Makarov"), FieldMatch::Different);
        assert_eq!(calibre("Kal. 12", "12 gauge"), FieldMatch::Alias);
    }

    #[test]
    fn makes_and_models_written_in_cyrillic_or_greek() {
        let r = Reference::embedded();
        for (q, rec) in [
            (id2("Глок", "19"), id2("Glock", "19")),
            (id2("Беретта", "92"), id2("Beretta", "92")),
            (id2("Вальтер", "ППК"), id2("Walther", "PPK")),
            (id2("Кольт", ""), id2("Colt", "")),
            (id2("Смит и Вессон", ""), id2("Smith & Wesson", "")),
            (id2("Калашников", "АКМ"), id2("Kalashnikov", "AKM")),
            (id2("Ижмаш", "СКС"), id2("Izhmash", "SKS")),
            (id2("Γκλοκ", ""), id2("Glock", "")),
        ] {
            let (mk, mo, _) = compare_identity(r, &q, &rec);
            assert!(mk.agrees(), "{:?}: {mk:?}", q.make);
            assert!(
                mo.agrees() || mo == FieldMatch::Unknown,
                "{:?}: {mo:?}",
                q.model
            );
        }
        // Both sides in Cyrillic, written alike: the same.
        let (mk, _, _) = compare_identity(r, &id2("Глок", ""), &id2("ГЛОК", ""));
        assert_eq!(mk, FieldMatch::Same);
        // Another make in Cyrillic is another make.
        let (mk, _, _) = compare_identity(r, &id2("Беретта", ""), &id2("Glock", ""));
        assert_eq!(mk, FieldMatch::Different);
    }

    #[test]
    fn a_make_naming_the_importer_and_the_maker_agrees_with_either() {
        let r = Reference::embedded();
        let check = |m: &str| Identity::resolve(r, Some(m), None, None);
        let record = |m: &str| Identity::resolve(r, Some(m), None, None);
        for text in [
            "Romarm (imported by Century Arms)",
            "Century Arms / Cugir",
            "Cugir - Century International Arms",
        ] {
            for maker in ["Cugir", "Century Arms"] {
                let (mk, _, _) = compare_identity(r, &check(text), &record(maker));
                assert_eq!(mk, FieldMatch::Alias, "{text:?} vs {maker:?}");
            }
            let (mk, _, _) = compare_identity(r, &check(text), &record("Glock"));
            assert_eq!(mk, FieldMatch::Different, "{text:?}");
        }
        // And a record's make field naming both agrees with a check of either.
        for maker in ["Cugir", "Century Arms", "Romarm"] {
            let (mk, _, _) = compare_identity(r, &check(maker), &record("Romarm / Century Arms"));
            assert_eq!(mk, FieldMatch::Alias, "{maker:?}");
        }
        let (mk, _, _) = compare_identity(r, &check("Norinco"), &record("Romarm / Century Arms"));
        assert_eq!(mk, FieldMatch::Different);
        // The importer's name alone: a maker it imports from is similar (not with
        // another model, nor with one of the importer's own models); others differ.
        let id = |m: &str, model: Option<&str>| Identity::resolve(r, Some(m), model, None);
        for (a, b, want) in [
            (
                id("Century Arms", None),
                id("Cugir", Some("WASR-10")),
                FieldMatch::Similar,
            ),
            (
                id("EAA", Some("IZH-43")),
                id("Baikal", Some("IZH-43")),
                FieldMatch::Similar,
            ),
            (
                id("Interarms", None),
                id("Rossi", None),
                FieldMatch::Similar,
            ),
            (
                id("Cugir", None),
                id("Century International Arms", None),
                FieldMatch::Similar,
            ),
            (
                id("Century Arms", Some("VSKA")),
                id("Izhmash", Some("AK-47")),
                FieldMatch::Different,
            ),
            (
                id("Century Arms", Some("RAS-47")),
                id("Cugir", None),
                FieldMatch::Different,
            ),
            (
                id("Century Arms", None),
                id("Glock", None),
                FieldMatch::Different,
            ),
            (id("EAA", None), id("Beretta", None), FieldMatch::Different),
        ] {
            let (mk, _, _) = compare_identity(r, &a, &b);
            assert_eq!(mk, want, "{a:?} vs {b:?}");
        }
        // A make whose name holds another make's name names that make only: SIG Sauer
        // is not J.P. Sauer & Sohn, either way round.
        for (a, b) in [
            ("Sig Sauer", "Sauer und Sohn"),
            ("Sauer und Sohn", "SIG Sauer"),
        ] {
            let (mk, _, _) = compare_identity(r, &check(a), &record(b));
            assert_eq!(mk, FieldMatch::Different, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn a_make_written_with_its_model_gives_the_model() {
        let r = Reference::embedded();
        let (mk, mo, _) = compare_identity(r, &id2("Colt Python", ""), &id2("Colt", "Python"));
        assert!(mk.agrees() && mo.agrees(), "{mk:?} {mo:?}");
        let (mk, mo, _) = compare_identity(r, &id2("Glock", "19"), &id2("GLOCK 19", ""));
        assert!(mk.agrees() && mo.agrees(), "{mk:?} {mo:?}");
        let (_, mo, _) = compare_identity(r, &id2("Colt Python", ""), &id2("Colt", "1911"));
        assert_eq!(mo, FieldMatch::Different);
        // A make alone says nothing of the model, even named after one.
        let (_, mo, _) = compare_identity(r, &id2("Colt", ""), &id2("Colt", "1911"));
        assert_eq!(mo, FieldMatch::Unknown);
        let (_, mo, _) = compare_identity(r, &id2("Makarov", ""), &id2("Baikal", "IZH-27"));
        assert_eq!(mo, FieldMatch::Unknown);
    }

    #[test]
    fn a_model_written_as_the_make_is_compared_as_the_model() {
        let r = Reference::embedded();
        let (mk, mo, _) = compare_identity(r, &id2("AK-47", ""), &id2("Kalashnikov", "AK-47"));
        assert_eq!((mk, mo), (FieldMatch::Unknown, FieldMatch::Same));
        let (mk, mo, _) = compare_identity(r, &id2("AK-47", ""), &id2("Izhmash", "AKM"));
        assert_eq!((mk, mo), (FieldMatch::Unknown, FieldMatch::Different));
        let (mk, mo, _) = compare_identity(r, &id2("Kalashnikov", ""), &id2("AK-47", ""));
        assert_eq!((mk, mo), (FieldMatch::Unknown, FieldMatch::Unknown));
        // The other side's model as written, though the reference lists it under
        // another make (`SKS` is Tula's there; Norinco made it too), in either order.
        let (mk, mo, _) = compare_identity(r, &id2("SKS", ""), &id2("Norinco", "SKS"));
        assert_eq!((mk, mo), (FieldMatch::Unknown, FieldMatch::Same));
        let (mk, mo, _) = compare_identity(r, &id2("Norinco", "sks"), &id2("S.K.S.", ""));
        assert_eq!((mk, mo), (FieldMatch::Unknown, FieldMatch::Same));
        // A design's name against a maker of it is a similar make (`SKS`, Simonov's
        // carbine, against a Norinco `Type 56`, the name Norinco gave its SKS and its
        // AK alike); against another maker, different.
        let (mk, _, _) = compare_identity(r, &id2("SKS", ""), &id2("Norinco", "Type 56"));
        assert_eq!(mk, FieldMatch::Similar);
        let (mk, _, _) = compare_identity(r, &id2("SKS", ""), &id2("Glock", "19"));
        assert_eq!(mk, FieldMatch::Different);
        // A model of another make stays another make.
        let (mk, _, _) = compare_identity(r, &id2("AK-47", ""), &id2("Glock", "19"));
        assert_eq!(mk, FieldMatch::Different);
        let (mk, _, _) = compare_identity(r, &id2("Glock", ""), &id2("AK-47", ""));
        assert_eq!(mk, FieldMatch::Different);
    }
}
