//! [`IndexBuilder`] → [`Index`]: the register, searchable by serial.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::distance::{osa_within, Edit};
use crate::error::{Error, Result};
use crate::limits;
use crate::normalize::{
    cyrillic_readings, cyrillic_shape_reading, has_script_letter, has_sound_letter, index_keys,
    padding_forms, placeholder, record_variants, search_keys, skeleton_char, skeleton_of_key,
    unmarked_label_reading, variants, zero_free,
};
use crate::raw::{fuzzy_walk_split, get_many, wildcard_walk, Pattern, Token};
use crate::record::{Query, Record};
use crate::reference::Reference;
use crate::score::{
    auto_search_budget, calibrate, compare_identity, evidence_floor, identity_factor,
    identity_only_score, odds, pair_edit_budget, partial_confusables, partial_evidence,
    partial_score, serial_evidence, serial_score_bound, surely_other_make, CheckOptions,
    Explanation, FieldMatch, Hit, Identity, SerialEvidence, SerialMatch, CONFUSABLE_PARTIAL,
    EMPTY_RUN_PARTIAL, LEADING_ZERO_PARTIAL, PARTIAL_MAX, READING_FUZZY, SHAPE_COPY, SLIP_PARTIAL,
};
use crate::segment::{check_record, refuse_new, Backing, Meta, Segment, SegmentWriter};

/// Collects records and builds an [`Index`].
///
/// Records are stored compactly as they are added (interned make/model/calibre/country,
/// one string arena), so a large register can be streamed in without holding
/// [`Record`] values.
///
/// ```
/// use armsmatch::{Index, Record};
/// let mut b = Index::builder();
/// b.add(Record::new("FRA-1", "AB 123456").make("Beretta"))?;
/// b.add(Record::new("DEU-7", "ВС1234").make("Izhmash"))?;
/// let index = b.build()?;
/// assert_eq!(index.len(), 2);
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub struct IndexBuilder {
    writer: SegmentWriter,
}

impl IndexBuilder {
    /// A builder with the embedded default reference.
    pub fn new() -> IndexBuilder {
        IndexBuilder::with_reference(Reference::embedded_arc())
    }

    /// A builder with a reference of your own (stored in the index file).
    pub fn with_reference(reference: Arc<Reference>) -> IndexBuilder {
        IndexBuilder {
            writer: SegmentWriter::new(reference),
        }
    }

    /// Adds a record. Fails on a record over the limits or with an invalid country
    /// code; duplicate ids are reported by [`IndexBuilder::build`].
    pub fn add(&mut self, record: Record) -> Result<()> {
        self.add_ref(&record)
    }

    /// Adds a record by reference.
    pub fn add_ref(&mut self, record: &Record) -> Result<()> {
        refuse_new(record)?;
        self.writer.add(record)
    }

    /// Records added so far.
    pub fn len(&self) -> usize {
        self.writer.len()
    }

    /// True if no record was added.
    pub fn is_empty(&self) -> bool {
        self.writer.len() == 0
    }

    /// Builds the index. Fails with [`Error::DuplicateId`] if two records share an id.
    pub fn build(self) -> Result<Index> {
        let bytes = self.writer.finish()?;
        let segment = Segment::parse(Backing::Owned(bytes), "<built index>")?;
        Index::from_segment(segment, "<built index>")
    }
}

impl Default for IndexBuilder {
    fn default() -> IndexBuilder {
        IndexBuilder::new()
    }
}

/// A record added since the last compaction.
#[derive(Clone)]
struct LiveRecord {
    record: Record,
    /// (key, skeleton) of each serial key; empty for a placeholder serial.
    keys: Vec<(String, String)>,
    identity: Identity,
}

#[derive(Clone)]
enum Op {
    Insert(Record),
    Remove(String),
}

/// The mutable layer: records added and removed since the last build or compaction.
#[derive(Clone, Default)]
struct Live {
    added: Vec<Option<LiveRecord>>,
    by_id: HashMap<String, usize>,
    removed: HashSet<u32>,
    log: Vec<Op>,
}

struct Inner {
    base: Arc<Segment>,
    live: Live,
}

/// [`IndexInfo::bytes`] as a JSON object in section order (a map, not pairs: what a
/// reader of `info --format json` and of Python's `info()` expects alike).
mod section_bytes {
    use serde::de::{MapAccess, SeqAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(v: &[(String, u64)], s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(v.len()))?;
        for (k, n) in v {
            m.serialize_entry(k, n)?;
        }
        m.end()
    }

    struct Sections;

    impl<'de> Visitor<'de> for Sections {
        type Value = Vec<(String, u64)>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of section sizes, or [name, size] pairs")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(e) = a.next_entry()? {
                v.push(e);
            }
            Ok(v)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
            let mut v = Vec::new();
            while let Some(e) = a.next_element()? {
                v.push(e);
            }
            Ok(v)
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(String, u64)>, D::Error> {
        d.deserialize_any(Sections)
    }
}

/// Statistics of an index, for `info`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexInfo {
    /// Records findable now (base − removed + added).
    pub records: u64,
    /// Records in the compacted base.
    pub base_records: u64,
    /// Distinct serial skeleton keys in the base.
    pub keys: u64,
    /// Base records without a usable serial.
    pub no_serial: u64,
    /// Records added since the last compaction.
    pub live_added: u64,
    /// Base records removed since the last compaction.
    pub live_removed: u64,
    /// Bytes of each section of the base, and the total, in file order. In JSON an
    /// object (`{"serial_fst": 17483808, …, "total": …}`), as the Python binding's
    /// `info()` gives it; pairs (the form before) are read too.
    #[serde(with = "section_bytes")]
    pub bytes: Vec<(String, u64)>,
    /// Reference data version.
    pub reference_version: String,
    /// Format version of the file the base was read from (the current version for an
    /// index built or compacted in this process).
    pub format_version: u32,
}

/// A searchable register of firearms.
///
/// `Index` is `Send + Sync`: share it (`Arc<Index>`) between threads that check while
/// another inserts or removes. An insert, update or remove is visible to the next
/// check at once; [`Index::compact`] folds them into the FST.
///
/// ```
/// use armsmatch::{Index, Record, Query, CheckOptions, SerialMatch, FieldMatch};
/// let mut b = Index::builder();
/// b.add(Record::new("DEU-1", "ВС 1234").make("Izhmash").model("PM").calibre("9x18 Makarov"))?;
/// let index = b.build()?;
///
/// // An officer keyed the Cyrillic marking by sound, and the make by its other name.
/// let hits = index.check(&Query::new("VS-1234").make("Kalashnikov Concern"), &CheckOptions::default())?;
/// assert_eq!(hits[0].record.id, "DEU-1");
/// assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Normalized);
/// assert_eq!(hits[0].explanation.make, FieldMatch::Alias);
/// # Ok::<(), armsmatch::Error>(())
/// ```
pub struct Index {
    inner: RwLock<Inner>,
    compacting: Mutex<()>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let info = self.info();
        f.debug_struct("Index")
            .field("records", &info.records)
            .field("keys", &info.keys)
            .field("live_added", &info.live_added)
            .field("live_removed", &info.live_removed)
            .finish()
    }
}

impl std::fmt::Debug for IndexBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexBuilder")
            .field("records", &self.len())
            .finish()
    }
}

/// Fewest known characters the zero-free form of a partial serial must keep to be
/// searched too: a short pattern without its zeros matches too much.
const ZERO_FREE_MIN_KNOWN: usize = limits::MIN_KNOWN_CHARS + 2;

/// One form of a partial serial.
#[derive(Clone)]
struct PatternVariant {
    /// The pattern's key text, wildcards kept.
    text: String,
    /// Its skeleton pattern.
    pattern: Pattern,
    /// A transliteration of the check's Cyrillic/Greek, not the visual fold.
    transliterated: bool,
    /// A form without the zeros that pad its numbers (`04?3866` → `4?3866`), or
    /// without a `?` read as an obliterated padding zero (`?565650` → `565650`).
    zero_free: bool,
    /// How many wildcards this form reads as obliterated padding zeros (dropped).
    padding: usize,
    /// For a form searched only when the check's own forms find nothing: the slip of
    /// the check it undoes ([`slip_forms`]).
    slip: Option<Slip>,
}

/// One typing slip in a partial serial, which a relaxed form undoes. Positions are
/// character positions in the check's key text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slip {
    /// The known characters at `at` and `at + 1` were typed swapped (`479-91200?` for
    /// `749912003`); the form swaps them back.
    Swapped(usize),
    /// The known character at `at` is one too many, typed twice or struck beside its
    /// key (`K022?666` for `K022766`); the form drops it.
    Extra(usize, char),
    /// A character was left out before `at` (`1?-42789` for `615-42789`); the form has
    /// a `?` there.
    Dropped(usize),
}

/// Fewest known characters a relaxed form ([`slip_forms`]) keeps: with a slip undone
/// anywhere, a shorter pattern meets unrelated serials.
const SLIP_MIN_KNOWN: usize = ZERO_FREE_MIN_KNOWN + 1;

/// The forms of a partial serial's key text that undo one typing slip of a known
/// character: two adjacent known characters swapped back, one dropped, or a `?` put
/// where one may have been left out (not beside a `*`, which covers it already). Each
/// keeps [`SLIP_MIN_KNOWN`] known characters; a text equal to one already in `seen` is
/// left out. A substitution is not undone: a registered serial one character from a
/// partial one is as often a sibling firearm's (serials of a batch differ so), while
/// swapped, doubled and dropped characters are marks of keying.
fn slip_forms(text: &str, seen: &mut Vec<String>) -> Vec<(String, Slip)> {
    let c: Vec<char> = text.chars().collect();
    let wild = |x: char| x == '?' || x == '*';
    let mut forms: Vec<(String, Slip)> = Vec::new();
    for i in 0..c.len() {
        if wild(c[i]) {
            continue;
        }
        if i + 1 < c.len() && !wild(c[i + 1]) && c[i] != c[i + 1] {
            let mut t = c.clone();
            t.swap(i, i + 1);
            forms.push((t.into_iter().collect(), Slip::Swapped(i)));
        }
        // Beside a `*`, a character dropped is one replaced: the `*` takes any.
        if (i > 0 && c[i - 1] == '*') || c.get(i + 1) == Some(&'*') {
            continue;
        }
        let mut t = c.clone();
        t.remove(i);
        forms.push((t.into_iter().collect(), Slip::Extra(i, c[i])));
    }
    for i in 0..=c.len() {
        if (i > 0 && c[i - 1] == '*') || c.get(i) == Some(&'*') {
            continue;
        }
        let mut t = c.clone();
        t.insert(i, '?');
        forms.push((t.into_iter().collect(), Slip::Dropped(i)));
    }
    forms.retain(|(t, _)| {
        let known = t.chars().filter(|&x| !wild(x)).count();
        let wildcards = t.chars().count() - known;
        if known < SLIP_MIN_KNOWN || wildcards > limits::MAX_WILDCARDS || seen.contains(t) {
            return false;
        }
        seen.push(t.clone());
        true
    });
    forms
}

/// The start, in `key`, of each character of `pattern` (a key text with `?` and `*`) in
/// one way the pattern matches the whole key; `None` if it does not. Characters are
/// compared by skeleton, as the walks match.
fn pattern_positions(pattern: &[char], key: &[char]) -> Option<Vec<usize>> {
    use crate::normalize::skeleton_char;
    let (n, m) = (pattern.len(), key.len());
    // ok[t][j]: pattern[t..] matches key[j..].
    let mut ok = vec![vec![false; m + 1]; n + 1];
    ok[n][m] = true;
    for t in (0..n).rev() {
        for j in (0..=m).rev() {
            ok[t][j] = match pattern[t] {
                '*' => ok[t + 1][j] || (j < m && ok[t][j + 1]),
                '?' => j < m && ok[t + 1][j + 1],
                x => j < m && skeleton_char(x) == skeleton_char(key[j]) && ok[t + 1][j + 1],
            };
        }
    }
    if !ok[0][0] {
        return None;
    }
    let (mut at, mut j) = (Vec::with_capacity(n), 0);
    for t in 0..n {
        at.push(j);
        if pattern[t] == '*' {
            while !ok[t + 1][j] {
                j += 1;
            }
        } else {
            j += 1;
        }
    }
    Some(at)
}

/// The edit a slip stands for, against the record key a relaxed form matched.
fn slip_edit(slip: Slip, form: &str, key: &str) -> Option<Edit> {
    let f: Vec<char> = form.chars().collect();
    let k: Vec<char> = key.chars().collect();
    let at = pattern_positions(&f, &k)?;
    let pos = |i: usize| at.get(i).copied().unwrap_or(k.len());
    Some(match slip {
        Slip::Swapped(i) => Edit::Transposition { at: pos(i) },
        Slip::Extra(i, check) => Edit::Insertion { at: pos(i), check },
        Slip::Dropped(i) => Edit::Deletion {
            at: pos(i),
            record: *k.get(pos(i))?,
        },
    })
}

/// How far a check key reaches: the edits a record key may be away.
#[derive(Debug, Clone, Copy)]
struct Reach {
    /// The budget the FST is walked with.
    search: usize,
    /// True for AUTO: a key found is kept only within the budget of the pair
    /// ([`pair_edit_budget`]); false for a budget the caller set, which holds for every
    /// record key.
    auto: bool,
}

impl Reach {
    fn of(opts: &CheckOptions, len: usize) -> Reach {
        match opts.max_edits {
            Some(k) => Reach {
                search: usize::from(k),
                auto: false,
            },
            None => Reach {
                search: usize::from(auto_search_budget(len)),
                auto: true,
            },
        }
    }

    /// True if a record key of `record_len` characters `distance` edits from a check
    /// key of `check_len` is within reach (the walk found it within `search`).
    fn admits(self, check_len: usize, record_len: usize, distance: usize) -> bool {
        !self.auto || distance <= usize::from(pair_edit_budget(check_len, record_len))
    }
}

/// A check, normalized once.
#[derive(Clone)]
struct Prepared {
    raw: String,
    /// The check's serial is written in Cyrillic or Greek: against a record written so
    /// too, only the keys by shape are compared ([`Prepared::serial_evidence`]).
    scripted: bool,
    /// The check's serial has a Cyrillic or Greek letter its key spells by sound
    /// ([`has_sound_letter`]): a match with a record in Latin letters is reported as
    /// transliterated, through whichever key.
    sounded: bool,
    /// For a full serial: (key, skeleton, reach) per search key.
    keys: Vec<(String, String, Reach)>,
    /// For a full serial: the keys a hit is scored with (no leading-zero forms), each
    /// with whether it is a transliteration. The last `readings` of them are the
    /// check's [`cyrillic_readings`], which count only against a record whose make
    /// marks its firearms in Cyrillic.
    score_keys: Vec<(String, bool)>,
    readings: usize,
    /// How many of the last `keys` are searched only as Cyrillic readings.
    reading_keys: usize,
    /// For a partial serial: its variants (transliterations, zero-free forms).
    patterns: Vec<PatternVariant>,
    /// For a partial serial: its forms with one slip undone, searched when `patterns`
    /// give no hit at the threshold ([`Prepared::with_slips`]); none when the threshold
    /// is above what such a match can score.
    relaxed: Vec<PatternVariant>,
    identity: Identity,
    opts: CheckOptions,
    /// The least evidence that can calibrate to `opts.threshold` (0 for a partial
    /// serial, whose every match is scored to share the probability).
    evidence_floor: f32,
    /// The least calibrated evidence a candidate is kept with: the threshold, or 0 for
    /// a partial serial (its score is known once every match is).
    keep: f32,
}

impl Prepared {
    fn new(q: &Query, opts: &CheckOptions, reference: &Reference) -> Result<Prepared> {
        q.check_lengths()?;
        // A check's country is validated as a record's is (it names the requester in
        // trace requests and statistics).
        // A blank one is unknown, as in a record.
        if let Some(c) = q.country.as_deref().filter(|c| !c.trim().is_empty()) {
            crate::record::country_code(c)?;
        }
        if let Some(k) = opts.max_edits {
            if k > limits::MAX_EDITS {
                return Err(Error::limit(
                    "edit budget",
                    limits::MAX_EDITS as usize,
                    k as usize,
                ));
            }
        }
        if opts.top == 0 || opts.top > limits::MAX_TOP {
            return Err(Error::invalid(
                "top",
                format!("{} is not between 1 and {}", opts.top, limits::MAX_TOP),
            ));
        }
        if !(0.0..=1.0).contains(&opts.threshold) {
            return Err(Error::invalid(
                "threshold",
                format!("{} is not between 0 and 1", opts.threshold),
            ));
        }
        let wild = q.serial.chars().filter(|c| *c == '?' || *c == '*').count();
        if wild > limits::MAX_WILDCARDS {
            return Err(Error::limit(
                "wildcards in the serial",
                limits::MAX_WILDCARDS,
                wild,
            ));
        }
        let vs = variants(&q.serial, wild > 0);
        // A label word before a space (`SN EV433350G`) is searched both as part of the
        // serial and dropped; the second reading only if 4 characters or more remain.
        let second = unmarked_label_reading(&q.serial)
            .map(|a| (a, variants(a, wild > 0)))
            .filter(|(_, avs)| avs[0].chars().count() >= 4);
        let longest = vs.iter().map(String::len).max().unwrap_or(0);
        if longest > limits::MAX_KEY_CHARS {
            return Err(Error::limit(
                "serial key length",
                limits::MAX_KEY_CHARS,
                longest,
            ));
        }
        let identity = if opts.serial_only {
            Identity::default()
        } else {
            Identity::resolve(
                reference,
                q.make.as_deref(),
                q.model.as_deref(),
                q.calibre.as_deref(),
            )
        };
        let mut keys = Vec::new();
        let mut score_keys = Vec::new();
        let mut readings = 0;
        let mut reading_keys = 0;
        let mut patterns = Vec::new();
        if wild > 0 {
            // (key, transliterated, of the second reading)
            let readings = vs
                .into_iter()
                .enumerate()
                .map(|(i, v)| (v, i > 0, false))
                .chain(second.into_iter().flat_map(|(_, avs)| {
                    avs.into_iter().enumerate().map(|(i, v)| (v, i > 0, true))
                }));
            for (v, transliterated, second) in readings {
                let p = Pattern::parse(skeleton_of_key(&v).as_bytes())?;
                if p.known() < limits::MIN_KNOWN_CHARS {
                    if second {
                        continue;
                    }
                    return Err(Error::invalid(
                        "serial",
                        format!(
                            "the partial serial {:?} has {} known characters; at least {} are needed",
                            q.serial,
                            p.known(),
                            limits::MIN_KNOWN_CHARS
                        ),
                    ));
                }
                if p.is_partial() {
                    // The zero-free forms meet records padded differently, as the
                    // zero-free keys of full serials do (`search_keys`).
                    let forms = padding_forms(&v);
                    let strict = zero_free(&v);
                    patterns.push(PatternVariant {
                        text: v,
                        pattern: p,
                        transliterated,
                        zero_free: false,
                        padding: 0,
                        slip: None,
                    });
                    for (z, padding) in forms {
                        let zp = Pattern::parse(skeleton_of_key(&z).as_bytes())?;
                        // Only with enough left to stay specific: `RS08*` is no
                        // `RS8*`, which would match any serial starting so; a form
                        // with one `?` alone has its length fixed and ten keys to
                        // match, so one known character fewer suffices (`00089?42`
                        // → `89?42`); so too with two `?` when only digits' zeros or
                        // `?`s read as padding were dropped (`0130??5` → `130??5`),
                        // not zeros after a `?` read as a letter (`?WW?010` is no
                        // `?WW?10`).
                        let sure = padding > 0 || strict.as_deref() == Some(z.as_str());
                        let fixed = !z.contains('*');
                        let least =
                            if fixed && (zp.wildcards() == 1 || (sure && zp.wildcards() == 2)) {
                                ZERO_FREE_MIN_KNOWN - 1
                            } else {
                                ZERO_FREE_MIN_KNOWN
                            };
                        if zp.known() >= least {
                            patterns.push(PatternVariant {
                                text: z,
                                pattern: zp,
                                transliterated,
                                zero_free: true,
                                padding,
                                slip: None,
                            });
                        }
                    }
                } else {
                    // Wildcards that normalization removed entirely cannot happen, but a
                    // pattern without wildcards is a plain key.
                    let s = skeleton_of_key(&v);
                    let r = Reach::of(opts, v.len());
                    score_keys.push((v.clone(), transliterated));
                    keys.push((v, s, r));
                }
            }
        } else if !placeholder(&q.serial, &vs[0]) {
            score_keys = vs
                .into_iter()
                .enumerate()
                .map(|(i, v)| (v, i > 0))
                .collect();
            let mut search = search_keys(&q.serial);
            if let Some((a, avs)) = second.filter(|(a, avs)| !placeholder(a, &avs[0])) {
                for (i, v) in avs.into_iter().enumerate() {
                    if !score_keys.iter().any(|(k, _)| *k == v) {
                        score_keys.push((v, i > 0));
                    }
                }
                for k in search_keys(a) {
                    if !search.contains(&k) {
                        search.push(k);
                    }
                }
            }
            // A Latin serial of a firearm that may be marked in Cyrillic (its make's
            // maker writes Cyrillic, or no make is given) is searched in its other
            // Latin spellings too: by shape for one spelled by sound and back
            // (`VS1234`, `BC1234` for `ВС 1234`).
            let may_be_cyrillic = match &identity.make {
                None => true,
                Some(m) => reference.cyrillic_marked(Some(m), &identity.also_makes),
            };
            if may_be_cyrillic {
                // A check written in Cyrillic: the register may hold the marking copied
                // by shape with letters that have no Latin twin (`4H4194` for `ЧН 4194`).
                // A serial in Latin letters (its raw text may hold `№`, a dash or a
                // space of another script) is read from each of its own keys, the one
                // with a label word dropped too (`SN VS1234`).
                let readings_of: Vec<String> = if has_script_letter(&q.serial) {
                    cyrillic_shape_reading(&q.serial).into_iter().collect()
                } else {
                    score_keys
                        .iter()
                        .filter(|(_, transliterated)| !transliterated)
                        .flat_map(|(k, _)| cyrillic_readings(k))
                        .collect()
                };
                for v in readings_of {
                    if score_keys.iter().any(|(k, _)| *k == v) {
                        continue;
                    }
                    if !search.contains(&v) {
                        search.push(v.clone());
                        reading_keys += 1;
                    }
                    score_keys.push((v, true));
                    readings += 1;
                }
            }
            // A reading is itself one guess: it is searched with one edit fewer than
            // the check's own keys, and no wider than they are when it lengthens the key
            // (`X1234` read `KH1234`). Measured: the full search of readings cost 8 % of
            // the time of independent seed 23's checks (827 of them name a Russian
            // maker) for one more first hit in 3,000 on the third generator.
            let own = search.len() - reading_keys;
            let widest = search[..own].iter().map(String::len).max().unwrap_or(0);
            for (i, v) in search.into_iter().enumerate() {
                let s = skeleton_of_key(&v);
                let r = if i < own {
                    Reach::of(opts, v.len())
                } else {
                    let mut r = Reach::of(opts, v.len().min(widest));
                    r.search = r.search.saturating_sub(1);
                    r
                };
                keys.push((v, s, r));
            }
        }
        let partial = !patterns.is_empty();
        // Each form as read (not those zero padding explains) with one slip undone,
        // when such a weak match can reach the threshold at all.
        let mut seen: Vec<String> = patterns.iter().map(|v| v.text.clone()).collect();
        let mut relaxed = Vec::new();
        let reachable = calibrate(PARTIAL_MAX * SLIP_PARTIAL) >= opts.threshold;
        for v in patterns.iter().filter(|v| reachable && !v.zero_free) {
            for (text, slip) in slip_forms(&v.text, &mut seen) {
                relaxed.push(PatternVariant {
                    pattern: Pattern::parse(skeleton_of_key(&text).as_bytes())?,
                    text,
                    transliterated: v.transliterated,
                    zero_free: false,
                    padding: 0,
                    slip: Some(slip),
                });
            }
        }
        Ok(Prepared {
            raw: q.serial.clone(),
            scripted: has_script_letter(&q.serial),
            sounded: has_sound_letter(&q.serial),
            keys,
            score_keys,
            readings,
            reading_keys,
            patterns,
            relaxed,
            identity,
            opts: opts.clone(),
            evidence_floor: if partial {
                0.0
            } else {
                evidence_floor(opts.threshold)
            },
            keep: if partial { 0.0 } else { opts.threshold },
        })
    }

    /// This check with its relaxed forms searched and scored beside its own ones.
    fn with_slips(&self) -> Prepared {
        let mut p = self.clone();
        p.patterns.append(&mut p.relaxed);
        p
    }

    fn has_serial(&self) -> bool {
        !self.keys.is_empty() || !self.patterns.is_empty()
    }

    /// True if a record with these serial keys is within this check's reach (the
    /// membership rule the FST walks implement, for the live layer).
    fn reaches(&self, record_keys: &[(String, String)]) -> bool {
        record_keys.iter().any(|(_, rs)| {
            self.keys.iter().any(|(_, qs, r)| {
                osa_within(qs.as_bytes(), rs.as_bytes(), r.search)
                    .is_some_and(|d| r.admits(qs.len(), rs.len(), d))
            }) || self
                .patterns
                .iter()
                .any(|v| v.pattern.matches(rs.as_bytes()))
        })
    }

    /// True if a record's serial is within reach of this check's keys other than its
    /// Cyrillic readings: a record that a reading alone found, and that is marked in
    /// Latin letters, is no candidate.
    fn reaches_as_written(&self, record_serial: &str) -> bool {
        let own = &self.keys[..self.keys.len() - self.reading_keys];
        index_keys(record_serial).iter().any(|rk| {
            let rs = skeleton_of_key(rk);
            own.iter().any(|(_, qs, r)| {
                osa_within(qs.as_bytes(), rs.as_bytes(), r.search)
                    .is_some_and(|d| r.admits(qs.len(), rs.len(), d))
            })
        })
    }

    /// Best serial evidence of this check against a record's serial (its `reading` says
    /// whether it came through one of the check's Cyrillic readings, which are compared
    /// only if `readings`).
    fn serial_evidence(
        &self,
        record_serial: &str,
        record: RecordKeys<'_>,
        readings: bool,
    ) -> (SerialEvidence, f32) {
        let record_keys = record.keys;
        let mut best: Option<(SerialEvidence, f32)> = None;
        let first_reading = self.score_keys.len() - self.readings;
        // Two serials written in Cyrillic or Greek are compared as written (by shape):
        // transliterations bridge a script and its Latin spellings, and between two
        // transliterations letters meet that no reader confuses (`Х` spelled `CH` the
        // German way is `Ч` spelled the English way; `Ц` and `Ч` are both ISO 9's `C`).
        let record_scripted = has_script_letter(record_serial);
        let scripted = self.scripted && record_scripted;
        // A record written in Cyrillic meets a Latin check through its own
        // transliterations: the check's readings are for records in Latin letters.
        let readings = readings && !record_scripted;
        // A letter spelled by sound on one side, met in Latin letters on the other.
        let sounded = (self.sounded && !record_scripted)
            || (!self.scripted && record_scripted && has_sound_letter(record_serial));
        let raw_equal = self.raw.trim() == record_serial.trim();
        let mut rs = String::new();
        for (ri, rk) in record_keys.iter().enumerate() {
            if scripted && ri > 0 {
                break;
            }
            let shape_copy = record.shape_copy && ri + 1 == record_keys.len();
            // No pair with this record key can score above this; the factors below
            // only lower it.
            let bound = serial_score_bound(raw_equal, rk.len());
            for (qi, (qk, transliterated)) in self.score_keys.iter().enumerate() {
                let reading = qi >= first_reading;
                if (scripted && *transliterated) || (reading && !readings) {
                    continue;
                }
                // A pair that cannot win (below the best, or tied with a best that a
                // tie keeps) is not aligned.
                if best
                    .as_ref()
                    .is_some_and(|b| bound < b.1 || (bound == b.1 && (reading || !b.0.reading)))
                {
                    continue;
                }
                // A pair that can neither make the threshold nor beat the best is
                // not aligned to the end (the factors below only lower a score).
                let need = best
                    .as_ref()
                    .map_or(self.evidence_floor, |b| b.1.max(self.evidence_floor));
                let Some((mut e, mut s)) = serial_evidence(
                    &self.raw,
                    record_serial,
                    qk,
                    rk,
                    *transliterated || ri > 0 || sounded,
                    need,
                ) else {
                    continue;
                };
                e.reading = reading;
                if shape_copy {
                    // The record's Cyrillic marking copied by shape, letters without a
                    // Latin twin too (`Ч` as `4`, `И` as `N`): met as written, it is one
                    // guess, less sure than a transliteration (`UN1381` spells `УН1381`
                    // by sound and `ЦИ 1381` by shape); with a slip besides, mostly
                    // chance.
                    if !matches!(e.kind, SerialMatch::Exact | SerialMatch::Normalized) {
                        continue;
                    }
                    s *= SHAPE_COPY;
                }
                if reading && !matches!(e.kind, SerialMatch::Exact | SerialMatch::Normalized) {
                    // A Cyrillic check's shape reading puts digits for letters (`Б` →
                    // `6`): with a misreading or a slip besides, it meets Latin serials
                    // by chance (`ГБ5598` read `G65598` met `665598` through `G`/`6`).
                    if self.scripted {
                        continue;
                    }
                    s *= READING_FUZZY;
                }
                // On a tie, the serial as the check spelled it.
                if best
                    .as_ref()
                    .is_none_or(|b| s > b.1 || (s == b.1 && b.0.reading && !reading))
                {
                    best = Some((e, s));
                }
            }
            // A pattern is matched against the key and, as the walk does (see
            // `search_keys`), against its zero-free form: `74378?` finds `0743787`,
            // `U39352?` finds `U0393524`. The explanation names the record's full key.
            if self.patterns.is_empty() {
                continue;
            }
            // The key's skeleton, which patterns are matched on, into one buffer for
            // all of a candidate's keys.
            rs.clear();
            rs.extend(rk.chars().map(skeleton_char));
            let stripped = zero_free(rk).map(|z| skeleton_of_key(&z));
            for v in &self.patterns {
                if scripted && v.transliterated {
                    continue;
                }
                let p = &v.pattern;
                let matched = if p.matches(rs.as_bytes()) {
                    Some((rk.len(), false))
                } else {
                    stripped
                        .as_ref()
                        .filter(|ss| p.matches(ss.as_bytes()))
                        .map(|ss| (ss.len(), true))
                };
                if let Some((len, zero_free_key)) = matched {
                    // A `?` read as a padding zero is a character of the padded
                    // record's serial that the check does not know.
                    let padded = len + v.padding;
                    let mut s = partial_score(p.known(), padded);
                    if shape_copy {
                        s *= SHAPE_COPY;
                    }
                    // Zeros one side pads and the other does not are one more thing
                    // they disagree on.
                    if len < rk.len() || v.zero_free {
                        s *= LEADING_ZERO_PARTIAL;
                    }
                    let stars = p
                        .tokens()
                        .iter()
                        .filter(|t| matches!(t, crate::raw::Token::Any))
                        .count();
                    if stars > 0 && len + stars == p.tokens().len() {
                        s *= EMPTY_RUN_PARTIAL;
                    }
                    // Literals that match only through their confusable class.
                    let key = match zero_free_key.then(|| zero_free(rk)).flatten() {
                        Some(z) => std::borrow::Cow::Owned(z),
                        None => std::borrow::Cow::Borrowed(rk.as_str()),
                    };
                    let confusables = partial_confusables(&v.text, &key).unwrap_or(0);
                    if confusables > 0 {
                        s *= CONFUSABLE_PARTIAL.powi(confusables.min(8) as i32);
                    }
                    if v.slip.is_some() {
                        s *= SLIP_PARTIAL;
                    }
                    // The explanation is written only for a match that wins.
                    if best.as_ref().is_none_or(|b| s > b.1) {
                        let transliterated = v.transliterated || ri > 0 || sounded;
                        let mut e = partial_evidence(
                            &v.text,
                            rk.clone(),
                            p.known(),
                            padded,
                            transliterated,
                        );
                        if let Some(slip) = v.slip {
                            // The slip is an edit against the key the form matched.
                            e.edits.extend(slip_edit(slip, &v.text, &key));
                            e.record_key = key.into_owned();
                        }
                        best = Some((e, s));
                    }
                }
            }
        }
        best.unwrap_or_else(|| {
            (
                SerialEvidence {
                    kind: SerialMatch::None,
                    distance: 0,
                    edits: Vec::new(),
                    check_key: String::new(),
                    record_key: String::new(),
                    transliterated: false,
                    reading: false,
                },
                0.0,
            )
        })
    }

    /// True if a candidate of this make cannot reach the threshold whatever its serial:
    /// another make's identity factor is at most that of [`FieldMatch::Different`] with
    /// the model and calibre the same (0.2), and a serial scores at most 1. Asked before
    /// the serial comparison, which it spares most candidates of a fuzzy search (they
    /// are of other makes); it changes no result, [`Prepared::score`] would drop them.
    fn cannot_reach(
        &self,
        reference: &Reference,
        make: Option<&crate::reference::Resolved>,
        also_makes: &[u32],
    ) -> bool {
        self.drops_other_makes() && surely_other_make(reference, &self.identity, make, also_makes)
    }

    /// True if [`Prepared::cannot_reach`] can drop a candidate by its make: a check
    /// with a serial, scored with make, model and calibre, whose threshold another
    /// make's best identity factor cannot reach. When false, a candidate's make need
    /// not be read (its row is one more cache miss per candidate).
    fn drops_other_makes(&self) -> bool {
        let most = identity_factor(FieldMatch::Different, FieldMatch::Same, FieldMatch::Same);
        self.has_serial() && !self.opts.serial_only && self.evidence_floor > most
    }

    /// Scores a candidate: its evidence and explanation; `None` if its calibrated score
    /// is under the threshold.
    fn score(
        &self,
        reference: &Reference,
        record_serial: &str,
        record_identity: impl FnOnce() -> Identity,
    ) -> Option<(f32, Explanation)> {
        // The record's identity, once: asked for early only by a Cyrillic reading.
        let mut record_identity = Some(record_identity);
        let mut identity: Option<Identity> = None;
        let serial_evidence = if self.has_serial() {
            let (keys, shape_copy) = record_variants(record_serial);
            let keys = RecordKeys {
                keys: &keys,
                shape_copy,
            };
            let (mut e, mut s) = self.serial_evidence(record_serial, keys, true);
            let reading = e.reading;
            // A Latin spelling read as Cyrillic meets only a firearm marked so: a
            // record that only a reading found, or that scores best through one, must
            // be of such a make.
            let only_by_reading = self.reading_keys > 0 && !self.reaches_as_written(record_serial);
            if reading || only_by_reading {
                let id = record_identity.take().map(|f| f()).unwrap_or_default();
                if !reference.cyrillic_marked(id.make.as_ref(), &id.also_makes) {
                    if only_by_reading {
                        return None;
                    }
                    (e, s) = self.serial_evidence(record_serial, keys, false);
                }
                identity = Some(id);
            }
            // The identity factor is at most 1 and the calibration rises: a serial
            // score under the threshold's evidence cannot make it, so skip the identity
            // comparison.
            if s < self.evidence_floor {
                return None;
            }
            Some((e, s))
        } else {
            None
        };
        let (make, model, calibre) = if self.opts.serial_only {
            (
                FieldMatch::Unknown,
                FieldMatch::Unknown,
                FieldMatch::Unknown,
            )
        } else {
            let id = identity
                .take()
                .or_else(|| record_identity.take().map(|f| f()))
                .unwrap_or_default();
            compare_identity(reference, &self.identity, &id)
        };
        let (serial, serial_score, factor) = if let Some((e, s)) = serial_evidence {
            let f = if self.opts.serial_only {
                1.0
            } else {
                identity_factor(make, model, calibre)
            };
            (e, s, f)
        } else {
            let none = RecordKeys {
                keys: &[],
                shape_copy: false,
            };
            let (e, _) = self.serial_evidence(record_serial, none, false);
            (e, identity_only_score(make, model, calibre), 1.0)
        };
        let explanation = Explanation {
            serial,
            make,
            model,
            calibre,
            serial_score,
            identity_factor: factor,
            shared_with: 0,
            rival_odds: 0.0,
        };
        let evidence = explanation.evidence();
        (evidence > 0.0 && calibrate(evidence) >= self.keep).then_some((evidence, explanation))
    }
}

/// A record serial's keys as scoring compares them (`record_variants`): the last is its
/// Cyrillic marking copied by shape if `shape_copy`.
#[derive(Clone, Copy)]
struct RecordKeys<'a> {
    keys: &'a [String],
    shape_copy: bool,
}

/// The file [`Index::save`] replaces for `path`: the end of its chain of symbolic links
/// (a link's relative target is read from the link's directory), refused unless it is a
/// regular file or nothing yet.
fn save_target(path: &Path) -> Result<std::path::PathBuf> {
    let mut p = path.to_path_buf();
    // As the kernel does, at most 40 links; a loop is refused.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p).map_err(|e| Error::io(&p, e))?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            Ok(m) if m.is_file() => return Ok(p),
            Ok(m) => {
                let (kind, what) = if m.is_dir() {
                    (std::io::ErrorKind::IsADirectory, "a directory")
                } else {
                    (
                        std::io::ErrorKind::InvalidInput,
                        "not a regular file (a device, FIFO or socket)",
                    )
                };
                return Err(Error::io(
                    path,
                    std::io::Error::new(
                        kind,
                        format!(
                            "{} is {what}: an index is saved as a regular file, refusing to replace it",
                            p.display()
                        ),
                    ),
                ));
            }
            // Nothing there yet (or a link to nothing): the file is created.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Err(Error::io(
        path,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "too many levels of symbolic links",
        ),
    ))
}

impl Index {
    /// A builder with the embedded default reference.
    pub fn builder() -> IndexBuilder {
        IndexBuilder::new()
    }

    /// The index of a verified segment, with the changes its journal holds replayed
    /// into the live layer. `name` labels errors.
    fn from_segment(segment: Segment, name: &str) -> Result<Index> {
        let keys_version = segment.meta.serial_keys;
        let journal = Journal::parse(segment.journal(), name)?;
        let index = Index {
            inner: RwLock::new(Inner {
                base: Arc::new(segment),
                live: Live::default(),
            }),
            compacting: Mutex::new(()),
        };
        journal.replay(&index, name)?;
        if keys_version < crate::normalize::SERIAL_KEYS_VERSION {
            index.rekey(keys_version);
        }
        Ok(index)
    }

    /// Re-keys, in the live layer, the records of a file written with keys of an older
    /// `version` whose keys changed since: a serial with a label (`S/N 4321` was keyed
    /// `SN4321` before version 3, and a check `4321` or `S/N 4321` searches `4321`), a
    /// Cyrillic serial with letters that have no Latin twin (no copy by shape before
    /// version 4). Compaction or a save writes them with their new keys.
    fn rekey(&self, version: u32) {
        let base = Arc::clone(&self.read().base);
        for i in 0..base.len() {
            if crate::normalize::rekeyed_since(version, base.serial(i)) {
                // The record came out of a verified file, so its fields are valid and
                // its id present: `update` cannot fail; if it did, the record would
                // keep its old key, as before this version.
                let _ = self.update(base.record(i));
            }
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        // A panic while holding the lock cannot leave `Inner` half-updated (every
        // update builds its new state first, then assigns), so a poisoned lock is safe
        // to keep using.
        self.inner.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Opens a saved index, memory-mapping the file. The whole file is verified
    /// (checksums and structure) before use; a truncated, damaged or foreign file is
    /// refused with [`Error::CorruptIndex`].
    ///
    /// The file must not be modified while open (replace it with [`Index::save`], which
    /// writes a new file and renames it).
    ///
    /// ```
    /// # let dir = tempfile::tempdir()?;
    /// # let path = dir.path().join("register.armsidx");
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// b.build()?.save(&path)?;
    /// let index = Index::open(&path)?;
    /// assert_eq!(index.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        // A device, FIFO or socket cannot be mapped: said before opening it (a FIFO
        // would wait for a writer), not the mapping's "No such device".
        let file = Error::open_index_file(path)?;
        let name = path.display().to_string();
        let meta = file.metadata().map_err(|e| Error::io(path, e))?;
        let backing = if meta.len() == 0 {
            // Nothing to map (an empty file, or one of /proc's): refused as empty.
            Backing::Owned(Vec::new())
        } else {
            Backing::Mapped(map_file(&file).map_err(|e| Error::io(path, e))?)
        };
        let segment = Segment::parse(backing, &name)?;
        Index::from_segment(segment, &name)
    }

    /// The checksum that stands for an index file's contents (the CRC-32 of its header,
    /// which holds the CRC-32 of every section), reading only the header. Tells whether
    /// the file at a path is still the one an index was opened from or saved to: a
    /// rebuilt register saved over it has another checksum. Fails as [`Index::open`] on a
    /// missing file, or one that is not an index or is damaged in its header.
    ///
    /// ```
    /// # let dir = tempfile::tempdir()?;
    /// # let path = dir.path().join("register.armsidx");
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let index = b.build()?;
    /// index.save(&path)?;
    /// let before = Index::file_checksum(&path)?;
    /// assert_eq!(Index::file_checksum(&path)?, before);
    /// index.insert(Record::new("R2", "CD5678"))?;
    /// index.save(&path)?;
    /// assert_ne!(Index::file_checksum(&path)?, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn file_checksum(path: impl AsRef<Path>) -> Result<u32> {
        use std::io::Read;
        let path = path.as_ref();
        let file = Error::open_index_file(path)?;
        let mut header = Vec::with_capacity(crate::segment::HEADER_LEN);
        file.take(crate::segment::HEADER_LEN as u64)
            .read_to_end(&mut header)
            .map_err(|e| Error::io(path, e))?;
        crate::segment::header_checksum(&header, &path.display().to_string())
    }

    /// Reads an index from bytes (as written by [`Index::to_bytes`] or a saved file).
    ///
    /// ```
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let bytes = b.build()?.to_bytes()?;
    /// assert_eq!(Index::from_bytes(bytes)?.len(), 1);
    /// assert!(Index::from_bytes(b"not an index".to_vec()).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index> {
        Index::from_segment(Segment::parse(Backing::Owned(bytes), "<bytes>")?, "<bytes>")
    }

    /// The index as file bytes, including the records added and removed since the
    /// last compaction: up to [`limits::JOURNAL_MAX`] of them are written as the file's
    /// journal beside the base as it is (a copy, no rebuild; reopened, they are the live
    /// layer again), more are folded into a rebuilt base, as [`Index::compact`] does.
    ///
    /// ```
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let index = b.build()?;
    /// index.insert(Record::new("R2", "CD5678"))?;
    /// let reopened = Index::from_bytes(index.to_bytes()?)?;
    /// assert_eq!((reopened.len(), reopened.info().live_added), (2, 1));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let (base, live) = {
            let g = self.read();
            (Arc::clone(&g.base), g.live.clone())
        };
        let changes = live.by_id.len() + live.removed.len();
        if changes == 0 && base.journal().is_empty() {
            return Ok(base.bytes().to_vec());
        }
        // A base keyed by an older normalization is rebuilt with today's keys.
        let current = base.meta.serial_keys >= crate::normalize::SERIAL_KEYS_VERSION;
        if changes <= limits::JOURNAL_MAX && current {
            return Ok(base.with_journal(Journal::of(&base, &live).to_bytes()));
        }
        merged_bytes(&base, &live)
    }

    /// Saves the index (with its live changes, see [`Index::to_bytes`]) to one file:
    /// written to a temporary file in the same directory, flushed, then renamed over
    /// `path`, so a crash leaves either the old file or the new one. A file replaced
    /// keeps its permissions (a register readable by its owner alone stays so); a new
    /// file gets the process's default (its umask applied).
    ///
    /// A symbolic link is followed: the file it points to is replaced (a register
    /// deployed as `current.armsidx -> register-v7.armsidx` updates
    /// `register-v7.armsidx`, and the link stays). A path that holds something other
    /// than a regular file (a directory, a device, a FIFO, a socket) is refused with
    /// [`Error::Io`], and nothing is written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let target = save_target(path.as_ref())?;
        let path = target.as_path();
        let bytes = self.to_bytes()?;
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().ok_or_else(|| {
            Error::invalid("path", format!("{} is not a file path", path.display()))
        })?;
        // Unique per process and per call: two threads saving to one path must not
        // write the same temporary file.
        static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let tmp = dir.join(format!(
            ".{}.tmp-{}-{}",
            name.to_string_lossy(),
            std::process::id(),
            SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let result = (|| {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .map_err(|e| {
                    // The file is written beside the target first: say so, or a
                    // "No such file" about an existing target reads as nonsense.
                    std::io::Error::new(
                        e.kind(),
                        format!(
                            "cannot create the temporary file {} to write it: {e}",
                            tmp.display()
                        ),
                    )
                })?;
            if let Ok(old) = std::fs::metadata(path) {
                f.set_permissions(old.permissions())?;
            }
            f.write_all(&bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        result.map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(path, e)
        })
    }

    /// Number of records findable now.
    pub fn len(&self) -> usize {
        let g = self.read();
        g.base.len() as usize - g.live.removed.len() + g.live.by_id.len()
    }

    /// True if the index holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The reference the index compares names with.
    pub fn reference(&self) -> Arc<Reference> {
        Arc::clone(&self.read().base.reference)
    }

    /// Sizes and counts.
    ///
    /// ```
    /// let mut b = armsmatch::Index::builder();
    /// b.add(armsmatch::Record::new("R1", "AB123456")).unwrap();
    /// let info = b.build().unwrap().info();
    /// assert_eq!(info.records, 1);
    /// // In JSON the section sizes are an object, in file order; pairs are read too.
    /// let text = serde_json::to_string(&info).unwrap();
    /// assert!(text.contains(r#""bytes":{"serial_fst":"#));
    /// let back: armsmatch::IndexInfo = serde_json::from_str(&text).unwrap();
    /// assert_eq!(back, info);
    /// let mut pairs = serde_json::to_value(&info).unwrap();
    /// pairs["bytes"] = serde_json::to_value(&info.bytes).unwrap();
    /// assert_eq!(serde_json::from_value::<armsmatch::IndexInfo>(pairs).unwrap(), info);
    /// ```
    pub fn info(&self) -> IndexInfo {
        let g = self.read();
        let m: &Meta = &g.base.meta;
        IndexInfo {
            records: (g.base.len() as usize - g.live.removed.len() + g.live.by_id.len()) as u64,
            base_records: m.records,
            keys: m.keys,
            no_serial: m.no_serial,
            live_added: g.live.by_id.len() as u64,
            live_removed: g.live.removed.len() as u64,
            bytes: g
                .base
                .section_sizes()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v as u64))
                .collect(),
            reference_version: m.reference_version.clone(),
            format_version: g.base.version,
        }
    }

    /// The record with this id, if present.
    ///
    /// ```
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let index = b.build()?;
    /// assert_eq!(index.get("R1").unwrap().serial, "AB1234");
    /// assert!(index.get("R2").is_none());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Option<Record> {
        let g = self.read();
        if let Some(&i) = g.live.by_id.get(id.trim()) {
            return g.live.added[i].as_ref().map(|l| l.record.clone());
        }
        g.base
            .find_id(id)
            .filter(|i| !g.live.removed.contains(i))
            .map(|i| g.base.record(i))
    }

    /// True if a record with this id is present.
    pub fn contains(&self, id: &str) -> bool {
        let g = self.read();
        g.live.by_id.contains_key(id.trim())
            || g.base
                .find_id(id)
                .is_some_and(|i| !g.live.removed.contains(&i))
    }

    /// Adds a record, visible to the next check. Fails if the id is present.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions};
    /// let index = Index::builder().build()?;
    /// index.insert(Record::new("R1", "XY-98765"))?;
    /// assert_eq!(index.check(&Query::new("XY98765"), &CheckOptions::default())?.len(), 1);
    /// assert!(index.insert(Record::new("R1", "other")).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn insert(&self, record: Record) -> Result<()> {
        let live = live_record(record, &self.reference())?;
        self.write().insert(live)
    }

    /// Removes the record with this id. Fails with [`Error::NotFound`] if absent, and
    /// as [`record_id`](crate::record_id) for a blank or overlong id.
    ///
    /// ```
    /// use armsmatch::{Error, Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let index = b.build()?;
    /// index.remove(" R1 ")?;
    /// assert!(index.is_empty());
    /// assert!(matches!(index.remove("R1"), Err(Error::NotFound(_))));
    /// assert!(matches!(index.remove(" "), Err(Error::InvalidInput { .. })));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn remove(&self, id: &str) -> Result<()> {
        // A blank or overlong id is refused as `insert` refuses it, not "not found".
        self.write().remove(crate::record::record_id(id)?)
    }

    /// Replaces the record with the same id. Fails with [`Error::NotFound`] if absent.
    ///
    /// ```
    /// use armsmatch::{Index, Record};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB1234"))?;
    /// let index = b.build()?;
    /// index.update(Record::new("R1", "CD5678"))?;
    /// assert_eq!(index.get("R1").unwrap().serial, "CD5678");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn update(&self, record: Record) -> Result<()> {
        let live = live_record(record, &self.reference())?;
        let mut g = self.write();
        g.remove(&live.record.id)?;
        g.insert(live)
    }

    /// Folds the records added and removed since the last compaction into the FST.
    /// Checks keep running meanwhile; changes made during the compaction are kept.
    ///
    /// ```
    /// use armsmatch::{Index, Record};
    /// let index = Index::builder().build()?;
    /// index.insert(Record::new("R1", "AB1234"))?;
    /// index.compact()?;
    /// assert_eq!(index.info().live_added, 0);
    /// assert_eq!(index.info().base_records, 1);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn compact(&self) -> Result<()> {
        let _one_at_a_time = self.compacting.lock().unwrap_or_else(|p| p.into_inner());
        let (base, live) = {
            let g = self.read();
            (Arc::clone(&g.base), g.live.clone())
        };
        if live.log.is_empty() {
            return Ok(());
        }
        let bytes = merged_bytes(&base, &live)?;
        let segment = Arc::new(Segment::parse(Backing::Owned(bytes), "<compacted index>")?);
        let reference = Arc::clone(&segment.reference);
        let mut g = self.write();
        let mut next = Inner {
            base: segment,
            live: Live::default(),
        };
        // Replay what happened while we built, under the lock, so no check ever sees
        // the new base without those changes.
        for op in &g.live.log[live.log.len()..] {
            // These ops succeeded against the old state, which the new base now holds.
            let _ = match op {
                Op::Insert(r) => live_record(r.clone(), &reference).and_then(|l| next.insert(l)),
                Op::Remove(id) => next.remove(id),
            };
        }
        *g = next;
        Ok(())
    }

    /// Checks one firearm against the register: hits ranked by score (ties: first the
    /// record that names more of make, model and calibre as the check does — an alias
    /// scores as the same name —, then by record id), at most `opts.top`, none under
    /// `opts.threshold`.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions, SerialMatch};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "BA12O4471").make("Glock"))?;
    /// b.add(Record::new("R2", "CC99887766").make("Beretta"))?;
    /// let index = b.build()?;
    /// let o = CheckOptions::default();
    /// // A misread O/0 is a confusable match.
    /// let hits = index.check(&Query::new("BA1204471").make("Glock"), &o)?;
    /// assert_eq!(hits[0].explanation.serial.kind, SerialMatch::Confusable);
    /// // A partially obliterated serial.
    /// let hits = index.check(&Query::new("*4471"), &o)?;
    /// assert_eq!(hits[0].record.id, "R1");
    /// assert_eq!(index.check(&Query::new("BA12?4?71"), &o)?[0].explanation.serial.kind, SerialMatch::Partial);
    /// // One with a character typed twice as well: a weak lead, under the default
    /// // threshold; a check that asks for less sees it, the slip named.
    /// assert!(index.check(&Query::new("BA12?44?71"), &o)?.is_empty());
    /// let low = CheckOptions { threshold: 0.0, ..o };
    /// let hits = index.check(&Query::new("BA12?44?71"), &low)?;
    /// assert_eq!(hits[0].record.id, "R1");
    /// assert!(hits[0].explanation.to_string().contains("a slip of the check undone"));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn check(&self, query: &Query, opts: &CheckOptions) -> Result<Vec<Hit>> {
        let g = self.read();
        let prepared = Prepared::new(query, opts, &g.base.reference)?;
        check_inner(&g, &prepared)
    }

    /// Checks many firearms on all cores; result `i` is the check of `queries[i]`,
    /// identical to [`Index::check`] of it. The worker threads are made for this call
    /// (or are those of the rayon pool it is called from) and end with it: forking
    /// between calls is safe.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456"))?;
    /// let index = b.build()?;
    /// let out = index.check_many(&[Query::new("AB123456"), Query::new("ZZ")], &CheckOptions::default());
    /// assert_eq!(out[0].as_ref().unwrap().len(), 1);
    /// assert!(out[1].as_ref().unwrap().is_empty());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn check_many(&self, queries: &[Query], opts: &CheckOptions) -> Vec<Result<Vec<Hit>>> {
        if queries.len() <= 1 {
            return queries.iter().map(|q| self.check(q, opts)).collect();
        }
        let all = || queries.par_iter().map(|q| self.check(q, opts)).collect();
        match crate::par::install(0, queries.len(), all) {
            Ok(results) => results,
            // No worker thread could be started: check on this one.
            Err(_) => queries.iter().map(|q| self.check(q, opts)).collect(),
        }
    }

    /// Checks a stream of firearms on all cores without holding all results: queries
    /// are taken in chunks of `chunk` (at least 1), each chunk is checked in parallel,
    /// and `sink(i, result)` is called on the calling thread for every query in input
    /// order. Memory is bounded by one chunk of queries and results, whatever the
    /// stream's length. Stops early, returning `false`, if `sink` returns `false`.
    ///
    /// ```
    /// use armsmatch::{Index, Record, Query, CheckOptions};
    /// let mut b = Index::builder();
    /// b.add(Record::new("R1", "AB123456"))?;
    /// let index = b.build()?;
    /// let queries = (0..10_000).map(|i| Query::new(format!("AB{:06}", 123_456 + i % 3)));
    /// let mut found = 0;
    /// index.check_each(queries, &CheckOptions::default(), 1024, |_, hits| {
    ///     found += hits.map(|h| h.len()).unwrap_or(0);
    ///     true
    /// });
    /// assert!(found >= 3334);
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn check_each(
        &self,
        queries: impl IntoIterator<Item = Query>,
        opts: &CheckOptions,
        chunk: usize,
        mut sink: impl FnMut(usize, Result<Vec<Hit>>) -> bool,
    ) -> bool {
        let chunk = chunk.max(1);
        let mut queries = queries.into_iter();
        let mut at = 0usize;
        loop {
            let batch: Vec<Query> = queries.by_ref().take(chunk).collect();
            if batch.is_empty() {
                return true;
            }
            let results = self.check_many(&batch, opts);
            for r in results {
                if !sink(at, r) {
                    return false;
                }
                at += 1;
            }
        }
    }

    /// [`Index::check_many`] on `threads` threads (0 = all cores).
    pub fn check_many_with_threads(
        &self,
        queries: &[Query],
        opts: &CheckOptions,
        threads: usize,
    ) -> Result<Vec<Result<Vec<Hit>>>> {
        if threads == 0 {
            return Ok(self.check_many(queries, opts));
        }
        crate::par::install(threads, queries.len(), || self.check_many(queries, opts))
    }

    /// Calls `f` with every record present (base, then live additions).
    pub fn for_each_record(&self, mut f: impl FnMut(Record)) {
        let g = self.read();
        for i in 0..g.base.len() {
            if !g.live.removed.contains(&i) {
                f(g.base.record(i));
            }
        }
        for l in g.live.added.iter().flatten() {
            f(l.record.clone());
        }
    }
}

fn live_record(mut record: Record, reference: &Reference) -> Result<LiveRecord> {
    refuse_new(&record)?;
    let keys = check_record(&record)?;
    record.id = record.id.trim().to_string();
    // As the builder stores it, so `get` answers the same before and after compaction.
    record.country = record
        .country
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| crate::country_code(c).unwrap_or_else(|_| c.trim().to_ascii_uppercase()));
    let keys = if placeholder(&record.serial, &keys[0]) {
        Vec::new()
    } else {
        index_keys(&record.serial)
            .into_iter()
            .map(|k| {
                let s = skeleton_of_key(&k);
                (k, s)
            })
            .collect()
    };
    let identity = Identity::resolve(
        reference,
        record.make.as_deref(),
        record.model.as_deref(),
        record.calibre.as_deref(),
    );
    Ok(LiveRecord {
        record,
        keys,
        identity,
    })
}

impl Inner {
    fn insert(&mut self, live: LiveRecord) -> Result<()> {
        let id = live.record.id.clone();
        if self.live.by_id.contains_key(&id)
            || self
                .base
                .find_id(&id)
                .is_some_and(|i| !self.live.removed.contains(&i))
        {
            return Err(Error::DuplicateId(id));
        }
        self.live.log.push(Op::Insert(live.record.clone()));
        let at = self.live.added.len();
        self.live.added.push(Some(live));
        self.live.by_id.insert(id, at);
        Ok(())
    }

    fn remove(&mut self, id: &str) -> Result<()> {
        let id = id.trim();
        if let Some(i) = self.live.by_id.remove(id) {
            self.live.added[i] = None;
        } else {
            match self.base.find_id(id) {
                Some(i) if !self.live.removed.contains(&i) => {
                    self.live.removed.insert(i);
                }
                _ => return Err(Error::NotFound(id.to_string())),
            }
        }
        self.live.log.push(Op::Remove(id.to_string()));
        Ok(())
    }
}

/// Memory-maps a file.
#[allow(unsafe_code)]
fn map_file(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: the map is read-only and private to this process. memmap2 requires that the
    // file is not modified while mapped; armsmatch never writes a file it has open
    // (`save` writes a new file and renames it), and `Index::open` documents that
    // callers must not modify an open index file. Every read through the map is bounds-
    // checked and the contents were verified (checksums, structure) at open.
    // Measured reason for mapping instead of reading: open() of a 1.5 M-record index is
    // dominated by verification, not I/O, but mapping keeps cold pages out of RSS.
    unsafe { memmap2::Mmap::map(file) }
}

/// A change of the journal section: JSON, one per line.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum JournalOp {
    /// A base record removed, by id.
    Remove(String),
    /// A record added.
    Insert(Record),
}

/// The changes a file holds beside its base: the live layer's net state (base records
/// removed, then records added, in the order they were added).
struct Journal(Vec<JournalOp>);

impl Journal {
    fn of(base: &Segment, live: &Live) -> Journal {
        let mut removed: Vec<u32> = live.removed.iter().copied().collect();
        removed.sort_unstable();
        Journal(
            removed
                .into_iter()
                .map(|i| JournalOp::Remove(base.id(i)))
                .chain(
                    live.added
                        .iter()
                        .flatten()
                        .map(|l| JournalOp::Insert(l.record.clone())),
                )
                .collect(),
        )
    }

    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for op in &self.0 {
            // Records and ids are plain data: serializing them cannot fail.
            if serde_json::to_writer(&mut out, op).is_ok() {
                out.push(b'\n');
            }
        }
        out
    }

    fn parse(bytes: &[u8], name: &str) -> Result<Journal> {
        let mut ops = Vec::new();
        for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let op = serde_json::from_slice(line)
                .map_err(|e| Error::corrupt(name, format!("journal line {}: {e}", n + 1)))?;
            ops.push(op);
        }
        Ok(Journal(ops))
    }

    /// Applies the changes to an index opened on their base. A change that fails (a
    /// removed id not in the base, an added id twice, a record over the limits) was
    /// not written by `save`: the file is refused.
    fn replay(self, index: &Index, name: &str) -> Result<()> {
        for (n, op) in self.0.into_iter().enumerate() {
            let done = match op {
                JournalOp::Remove(id) => index.remove(&id),
                JournalOp::Insert(r) => index.insert(r),
            };
            done.map_err(|e| Error::corrupt(name, format!("journal change {}: {e}", n + 1)))?;
        }
        Ok(())
    }
}

/// New segment bytes: the base without removed records, plus live additions.
fn merged_bytes(base: &Segment, live: &Live) -> Result<Vec<u8>> {
    let mut w = SegmentWriter::new(Arc::clone(&base.reference));
    for i in 0..base.len() {
        if !live.removed.contains(&i) {
            w.add(&base.record(i))?;
        }
    }
    for l in live.added.iter().flatten() {
        w.add(&l.record)?;
    }
    w.finish()
}

/// Identity of base record `i`.
fn base_identity(base: &Segment, i: u32) -> Identity {
    let row = base.row(i);
    Identity {
        make: base.make_resolved(&row).cloned(),
        model: base.model_str(&row).map(str::to_string),
        calibre: base.calibre_resolved(&row).cloned(),
        also_makes: base.make_also(&row).to_vec(),
    }
}

fn check_inner(g: &Inner, p: &Prepared) -> Result<Vec<Hit>> {
    let mut hits = scored_hits(g, p)?;
    // A partial serial none of whose forms gives a hit at the threshold is searched
    // again with one slip undone; a relaxed search over the candidate limit leaves
    // the check's own hits as they were.
    let threshold = p.opts.threshold;
    if !p.relaxed.is_empty()
        && !hits
            .iter()
            .any(|(_, src)| src.explanation().probability() >= threshold)
    {
        if let Ok(relaxed) = scored_hits(g, &p.with_slips()) {
            hits = relaxed;
        }
    }
    ranked(g, p, hits)
}

/// How many candidates ahead [`scored_hits`] asks for a candidate's serial (and twice
/// as far for its string offset). 4 and 16 ran within noise of 8 (`?` partial checks
/// at 10 M records, alternated: 10.8–11.3 k checks/s each); a plain read of the bytes in
/// place of the prefetch (safe code) 9.5 k, no prefetch 8.1 k.
const PREFETCH_AHEAD: usize = 8;

/// Every candidate of a check, scored (with a partial serial's probability shared).
fn scored_hits(g: &Inner, p: &Prepared) -> Result<Vec<(f32, HitSource)>> {
    let base = &g.base;
    let reference = &base.reference;
    let mut candidates: Vec<u32> = Vec::new();
    let mut over = false;
    // The walks' FST values first, their postings after: a key's posting (version 4:
    // one read of SERIAL_VALUES, scattered over a table of 4 bytes a key) is asked for
    // from memory a few keys ahead. A value stands for one record or more, so more
    // values than candidates allowed is over the limit too.
    let mut values: Vec<u64> = Vec::new();
    {
        let mut push = |value: u64| {
            values.push(value);
            if values.len() > limits::MAX_CANDIDATES {
                over = true;
                return false;
            }
            true
        };
        let (fwd, rev) = (base.serial_fst.as_fst(), base.serial_rfst.as_fst());
        // The keys looked up exactly, together (their cache misses overlap).
        let exact: Vec<&[u8]> = p
            .keys
            .iter()
            .filter(|(_, _, reach)| reach.search == 0)
            .map(|(_, skel, _)| skel.as_bytes())
            .collect();
        get_many(fwd, &exact, |_, v| {
            push(v);
        });
        for (_, skel, reach) in &p.keys {
            let (q, k) = (skel.as_bytes(), reach.search);
            if k == 0 {
                continue;
            }
            // Two walks, one from each end (see `raw::fuzzy_walk_split`): the forward
            // walk allows `a` edits in its first `head` columns, the reversed walk `b`
            // in the remaining `n + 1 − head`; a + b = k − 1 covers every key within k.
            // Keys found by both are deduplicated below.
            let a = (k - 1) / 2;
            let b = k - 1 - a;
            // Where to split, measured on 1 M registered serials (same run, q/s): for
            // k = 1 the middle is best; for k = 2 (a = 0, b = 1) a shorter exact head
            // and a longer one-edit tail is 1.3× faster than the middle. With the
            // reversed head at n + 1 − h, 45 % of the serial beat 40 % (and 35 %, 50 %)
            // on three generators' default checks: 1–5 % less time.
            let head = if k == 2 {
                (9 * q.len() + 10) / 20
            } else {
                q.len().div_ceil(2)
            };
            let rq: Vec<u8> = q.iter().rev().copied().collect();
            let mut go_on = true;
            fuzzy_walk_split(fwd, q, k, head, a, |key, v, d| {
                if reach.admits(q.len(), key.len(), d) {
                    go_on = push(v);
                }
                go_on
            });
            if go_on {
                fuzzy_walk_split(rev, &rq, k, q.len() + 1 - head, b, |key, v, d| {
                    !reach.admits(q.len(), key.len(), d) || push(v)
                });
            }
        }
        for pat in p.patterns.iter().map(|v| &v.pattern) {
            // Walk from the end with more known characters: `*4471` reversed is a
            // prefix probe, not a scan of the whole FST.
            let lead = pat
                .tokens()
                .iter()
                .take_while(|t| matches!(t, Token::Literal(_)))
                .count();
            let trail = pat
                .tokens()
                .iter()
                .rev()
                .take_while(|t| matches!(t, Token::Literal(_)))
                .count();
            // With a `*`, from the end with more known characters before one: a walk
            // that meets a `*` first visits every key (`*4471?` is walked from its end).
            let anchored = |ts: &mut dyn Iterator<Item = &Token>| {
                ts.take_while(|t| !matches!(t, Token::Any))
                    .filter(|t| matches!(t, Token::Literal(_)))
                    .count()
            };
            let from_end = if pat.tokens().contains(&Token::Any) {
                anchored(&mut pat.tokens().iter().rev()) > anchored(&mut pat.tokens().iter())
            } else {
                trail > lead
            };
            if from_end {
                wildcard_walk(rev, &pat.reversed(), |_, v| push(v));
            } else {
                wildcard_walk(fwd, pat, |_, v| push(v));
            }
        }
    }
    if !over {
        for (n, &value) in values.iter().enumerate() {
            if let Some(&ahead) = values.get(n + PREFETCH_AHEAD) {
                base.prefetch_posting(ahead);
            }
            let go_on = base.postings(value, |r| {
                candidates.push(r);
                if candidates.len() > limits::MAX_CANDIDATES {
                    over = true;
                    return false;
                }
                true
            });
            if !go_on {
                break;
            }
        }
    }
    if over {
        return Err(Error::limit(
            "records matched by this check (give more characters or a smaller edit budget)",
            limits::MAX_CANDIDATES,
            candidates.len().max(values.len()),
        ));
    }
    let mut hits: Vec<(f32, HitSource)> = Vec::new();
    if p.has_serial() {
        candidates.sort_unstable();
        candidates.dedup();
        let by_make = p.drops_other_makes();
        for (n, &i) in candidates.iter().enumerate() {
            // Candidates are scattered over the register: their offsets, serials and
            // rows are asked for from memory a few candidates ahead.
            if let Some(&ahead) = candidates.get(n + 2 * PREFETCH_AHEAD) {
                base.prefetch_serial_offset(ahead);
            }
            if let Some(&ahead) = candidates.get(n + PREFETCH_AHEAD) {
                base.prefetch_serial(ahead, by_make);
            }
            if g.live.removed.contains(&i) {
                continue;
            }
            if by_make && {
                let row = base.row(i);
                p.cannot_reach(reference, base.make_resolved(&row), base.make_also(&row))
            } {
                debug_assert!(p
                    .score(reference, base.serial(i), || base_identity(base, i))
                    .is_none());
                continue;
            }
            if let Some((s, e)) = p.score(reference, base.serial(i), || base_identity(base, i)) {
                hits.push((s, HitSource::Base(i, e)));
            }
        }
    } else if p.identity.make.is_some() {
        // No usable serial: records without a serial, by make/model/calibre.
        for i in base.no_serial() {
            if g.live.removed.contains(&i) {
                continue;
            }
            if let Some((s, e)) = p.score(reference, base.serial(i), || base_identity(base, i)) {
                hits.push((s, HitSource::Base(i, e)));
            }
        }
    }
    for (at, l) in g.live.added.iter().enumerate() {
        let Some(l) = l else { continue };
        let reach = if p.has_serial() {
            p.reaches(&l.keys)
        } else {
            p.identity.make.is_some() && l.keys.is_empty()
        };
        let id = &l.identity;
        let skip = reach && p.cannot_reach(reference, id.make.as_ref(), &id.also_makes);
        debug_assert!(
            !skip
                || p.score(reference, &l.record.serial, || id.clone())
                    .is_none()
        );
        if reach && !skip {
            if let Some((s, e)) = p.score(reference, &l.record.serial, || l.identity.clone()) {
                hits.push((s, HitSource::Live(at, e)));
            }
        }
    }
    if !p.patterns.is_empty() {
        share_among_serials(&mut hits);
    }
    Ok(hits)
}

/// The hits at the threshold, ranked, at most `top`.
fn ranked(g: &Inner, p: &Prepared, hits: Vec<(f32, HitSource)>) -> Result<Vec<Hit>> {
    let base = &g.base;
    // The score once per hit; a partial serial's shared ones are only known now.
    let mut hits: Vec<(f32, f32, HitSource)> = hits
        .into_iter()
        .map(|(evidence, src)| (src.explanation().probability(), evidence, src))
        .filter(|(score, _, _)| *score >= p.opts.threshold)
        .collect();
    // Ranked by score, then evidence (the calibrated score rises with the evidence
    // but may round two evidences to one score; a shared score rises with it too, up
    // to rounding, which the score-first order keeps from showing); ties by how many
    // of make, model and calibre the check names as the record does (`Same`, where an
    // alias scores alike: a firearm's check and record are often written alike, two
    // firearms' less so), then by record id. Base records are numbered in id order, so
    // two base hits compare by number without looking their ids up.
    let id_of = |src: &HitSource| match src {
        HitSource::Base(i, _) => base.id(*i),
        HitSource::Live(at, _) => g.live.added[*at]
            .as_ref()
            .map(|l| l.record.id.clone())
            .unwrap_or_default(),
    };
    let same = |src: &HitSource| {
        let e = src.explanation();
        [e.make, e.model, e.calibre]
            .into_iter()
            .filter(|m| *m == FieldMatch::Same)
            .count()
    };
    hits.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| b.1.total_cmp(&a.1))
            .then_with(|| same(&b.2).cmp(&same(&a.2)))
            .then_with(|| match (&a.2, &b.2) {
                (HitSource::Base(x, _), HitSource::Base(y, _)) => x.cmp(y),
                (x, y) => id_of(x).cmp(&id_of(y)),
            })
    });
    hits.truncate(p.opts.top);
    Ok(hits
        .into_iter()
        .map(|(score, _, src)| match src {
            HitSource::Base(i, explanation) => Hit {
                record: base.record(i),
                score,
                explanation,
            },
            HitSource::Live(at, explanation) => Hit {
                record: g.live.added[at]
                    .as_ref()
                    .map(|l| l.record.clone())
                    .unwrap_or_default(),
                score,
                explanation,
            },
        })
        .collect())
}

/// Shares the probability of a partial serial's matches among the serials it matched:
/// each hit learns how many other serials matched (`shared_with`) and the odds of the
/// other serials (`rival_odds`): every matched serial counted once, by its best record
/// (two reports of one firearm are no rivals), its own serial left out. The serials'
/// best records then share one denominator, `1 + the summed odds`, so their scores
/// keep the order of their evidence, as do the records of one serial.
fn share_among_serials(hits: &mut [(f32, HitSource)]) {
    // Summed in key order, so that the sum is the same float on every call (a hash
    // map's order, and with it the sum's last bit, would change from one check to the
    // next). Keys borrowed and sorted, not copied into a map: a short pattern matches
    // hundreds of serials.
    // A hit's rivals are the other serials, each by its best record: not the other
    // reports of its own serial, which may be the same firearm (a record of the same
    // serial with a weaker description is no rival of the stronger one, nor the
    // reverse).
    let (total, others, own): (f32, u32, Vec<f32>) = {
        let mut best: Vec<(&str, f32)> = hits
            .iter()
            .map(|(evidence, src)| {
                let key = src.explanation().serial.record_key.as_str();
                (key, odds(calibrate(*evidence)))
            })
            .collect();
        best.sort_unstable_by(|a, b| a.0.cmp(b.0).then(b.1.total_cmp(&a.1)));
        best.dedup_by(|later, first| later.0 == first.0);
        let total: f32 = best.iter().map(|(_, o)| o).sum();
        let own = hits
            .iter()
            .map(|(_, src)| {
                let key = src.explanation().serial.record_key.as_str();
                best.binary_search_by(|(k, _)| (*k).cmp(key))
                    .map_or(0.0, |i| best[i].1)
            })
            .collect();
        (total, best.len().saturating_sub(1) as u32, own)
    };
    for ((_, src), own) in hits.iter_mut().zip(own) {
        let e = src.explanation_mut();
        e.shared_with = others;
        e.rival_odds = if others == 0 {
            0.0
        } else {
            (total - own).max(0.0)
        };
    }
}

impl HitSource {
    fn explanation(&self) -> &Explanation {
        match self {
            HitSource::Base(_, e) | HitSource::Live(_, e) => e,
        }
    }

    fn explanation_mut(&mut self) -> &mut Explanation {
        match self {
            HitSource::Base(_, e) | HitSource::Live(_, e) => e,
        }
    }
}

enum HitSource {
    Base(u32, Explanation),
    Live(usize, Explanation),
}
