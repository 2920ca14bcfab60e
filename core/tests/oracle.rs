//! Property tests of the index against a brute-force oracle.
//!
//! The oracle states the matching rule in the plainest way — every key pair, the plain
//! OSA distance of the confusable skeletons, a recursive glob — and the index must
//! return exactly that set: every record within the budget (recall 100%) and nothing
//! outside it.

use std::collections::BTreeSet;

use armsmatch::{
    index_keys, is_placeholder_serial, osa_distance, pair_edit_budget, search_keys, skeleton,
    zero_free, CheckOptions, Index, Query, Record,
};
use proptest::prelude::*;

/// Serial characters: digits, confusable letters, Cyrillic look-alikes and letters
/// without a Latin twin (copied by shape as `4`, `IO`, `6`: `index_keys`), separators,
/// lowercase.
const ALPHABET: &[&str] = &[
    "0", "1", "2", "5", "8", "O", "I", "L", "S", "B", "Z", "A", "K", "X", "В", "С", "Х", "Ж", "Ч",
    "Ю", "Б", "-", " ", "o", "s",
];

fn serial() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(prop::sample::select(ALPHABET), 1..10).prop_map(|v| v.concat()),
        1 => prop::sample::select(vec!["UNK", "000000", "N/A", "", "0", "ЖЖЖ"]).prop_map(String::from),
        1 => prop::collection::vec(prop::sample::select(&["0", "1", "2"][..]), 4..9)
            .prop_map(|v| format!("00{}", v.concat())),
    ]
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    prop::collection::vec(serial(), 1..40).prop_map(|serials| {
        serials
            .into_iter()
            .enumerate()
            .map(|(i, s)| Record::new(format!("R{i:03}"), s))
            .collect()
    })
}

/// A check derived from a record (mutated) or random.
fn query_serial(recs: &[Record]) -> impl Strategy<Value = String> + use<> {
    let bases: Vec<String> = recs.iter().map(|r| r.serial.clone()).collect();
    (
        prop::sample::select(bases),
        serial(),
        0usize..4,
        any::<prop::sample::Index>(),
        prop::sample::select(ALPHABET),
    )
        .prop_map(|(base, random, how, at, ch)| {
            let mut chars: Vec<String> = base.chars().map(String::from).collect();
            match how {
                0 => base,
                1 => random,
                2 if !chars.is_empty() => {
                    let i = at.index(chars.len());
                    chars[i] = ch.to_string();
                    chars.concat()
                }
                _ if chars.len() > 1 => {
                    let i = at.index(chars.len() - 1);
                    chars.swap(i, i + 1);
                    chars.concat()
                }
                _ => base,
            }
        })
}

/// ASCII partial serials: literal runs with `?` and `*`.
fn partial() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "0", "1", "2", "5", "8", "O", "S", "B", "?", "*", "S0", "B00",
        ]),
        3..9,
    )
    .prop_map(|v| v.concat())
    .prop_filter("needs 3 known characters", |p| {
        p.chars().filter(|c| *c != '?' && *c != '*').count() >= 3
    })
}

/// A partial serial from a record's: one or two zeros added anywhere and one or two
/// characters obliterated, perhaps those zeros (zero padding the index must see through,
/// or not). ASCII only, as the oracle's patterns.
fn padded_partial(recs: &[Record]) -> impl Strategy<Value = String> + use<> {
    let bases: Vec<String> = recs
        .iter()
        .map(|r| {
            let mut s: String = r
                .serial
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect();
            if s.len() < 3 {
                s.push_str("125");
            }
            s
        })
        .collect();
    (
        prop::sample::select(bases),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        1..=2usize,
        1..=2usize,
    )
        .prop_map(|(base, hole, hole2, zero, zeros, holes)| {
            let mut chars: Vec<char> = base.chars().collect();
            let at = zero.index(chars.len() + 1);
            for _ in 0..zeros {
                chars.insert(at, '0');
            }
            // A hole may fall on an added zero: a `?` where a padding zero was.
            for h in [hole, hole2].iter().take(holes) {
                let i = h.index(chars.len());
                chars[i] = '?';
            }
            chars.into_iter().collect::<String>()
        })
        .prop_filter("needs 3 known characters", |p| {
            p.chars().filter(|c| *c != '?').count() >= 3
        })
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => glob(&p[1..], s) || (!s.is_empty() && glob(p, &s[1..])),
        (Some(b'?'), Some(_)) => glob(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a == b => glob(&p[1..], &s[1..]),
        _ => false,
    }
}

/// The forms of an ASCII pattern key that zero padding explains, by brute force over
/// its characters (see `oracle`), each with whether it drops only zeros that pad digits
/// or `?`s read as padding zeros (not zeros after a `?` read as a letter).
fn padded_forms(key: &str) -> Vec<(String, bool)> {
    let c: Vec<char> = key.chars().collect();
    let letter = |i: usize| c[i].is_ascii_alphabetic();
    // A `?` that starts the key or follows a letter or such a `?` may be a letter.
    let mut prefix_wild = vec![false; c.len()];
    for i in 0..c.len() {
        prefix_wild[i] = c[i] == '?' && (i == 0 || letter(i - 1) || prefix_wild[i - 1]);
    }
    let mut forms: Vec<(String, bool)> = Vec::new();
    forms.extend(zero_free(key).map(|z| (z, true)));
    // Loose: drop each zero whose run starts the key or follows a letter or a prefix
    // `?`, when the run is followed by 1–9 or `?`.
    let mut keep = vec![true; c.len()];
    let mut i = 0;
    while i < c.len() {
        let mut j = i;
        while j < c.len() && c[j] == '0' {
            j += 1;
        }
        if j > i {
            let starts = i == 0 || letter(i - 1) || prefix_wild[i - 1];
            let padded = j < c.len() && (c[j] == '?' || ('1'..='9').contains(&c[j]));
            if starts && padded {
                keep[i..j].fill(false);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let loose: String = c
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(ch, _)| *ch)
        .collect();
    let sure = zero_free(key).as_ref() == Some(&loose);
    forms.push((loose, sure));
    // `?`s read as padding zeros: at each number start (the start, or after a letter),
    // the first 1–4 characters of its run of zeros and `?`s, with a `?` among them,
    // dropped when a `?` or 1–9 follows.
    for s in 0..c.len() {
        if s > 0 && !letter(s - 1) {
            continue;
        }
        for j in 1..=4 {
            let dropped = &c[s..(s + j).min(c.len())];
            let pads = dropped.len() == j && dropped.iter().all(|&ch| ch == '0' || ch == '?');
            let after = c.get(s + j).copied();
            if pads
                && dropped.contains(&'?')
                && after.is_some_and(|a| a == '?' || ('1'..='9').contains(&a))
            {
                let form: String = c[..s].iter().chain(&c[s + j..]).collect();
                forms.push((form, true));
            }
        }
    }
    forms.retain(|(f, _)| f != key);
    forms
}

/// Every text a typing slip of `key` (an ASCII pattern key) may have come from: two
/// adjacent known characters swapped, a known character added, or one left out (a `?`
/// for it); never beside a `*`, which absorbs a character added or left out.
fn slip_forms(key: &str) -> Vec<String> {
    let c: Vec<char> = key.chars().collect();
    let known = |x: char| x != '?' && x != '*';
    let by_star = |i: usize| (i > 0 && c[i - 1] == '*') || c.get(i) == Some(&'*');
    let mut out = Vec::new();
    for i in 0..c.len() {
        if i + 1 < c.len() && known(c[i]) && known(c[i + 1]) && c[i] != c[i + 1] {
            let mut t = c.clone();
            t.swap(i, i + 1);
            out.push(t.into_iter().collect());
        }
        if known(c[i]) && !by_star(i) && c.get(i + 1) != Some(&'*') {
            let mut t = c.clone();
            t.remove(i);
            out.push(t.into_iter().collect());
        }
    }
    for i in 0..=c.len() {
        if !by_star(i) {
            let mut t = c.clone();
            t.insert(i, '?');
            out.push(t.into_iter().collect());
        }
    }
    out
}

/// A partial serial from a record's with one slip of the hand as well: one or two
/// characters obliterated (`?`, or a `*` for the start), then two neighbours swapped, a
/// character doubled, or one dropped.
fn slipped_partial(recs: &[Record]) -> impl Strategy<Value = String> + use<> {
    let bases: Vec<String> = recs
        .iter()
        .map(|r| {
            r.serial
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect::<String>()
        })
        .filter(|s| s.len() >= 7)
        .collect();
    let bases = if bases.is_empty() {
        vec!["AB125808".to_string()]
    } else {
        bases
    };
    (
        prop::sample::select(bases),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        0..3usize,
        any::<bool>(),
    )
        .prop_map(|(base, hole, hole2, at, slip, star)| {
            let mut c: Vec<char> = base.chars().collect();
            let h = hole.index(c.len());
            c[h] = '?';
            if star {
                let n = hole2.index(3);
                c.splice(0..n, ['*']);
            } else {
                let h2 = hole2.index(c.len());
                c[h2] = '?';
            }
            let i = at.index(c.len() - 1);
            match slip {
                0 => c.swap(i, i + 1),
                1 => c.insert(i, c[i]),
                _ => {
                    c.remove(i);
                }
            }
            c.into_iter().collect::<String>()
        })
        .prop_filter("needs 3 known characters", |p| {
            p.chars().filter(|c| *c != '?' && *c != '*').count() >= 3
        })
}

/// The matching rule, by brute force.
fn oracle(recs: &[Record], q: &str, max_edits: Option<u8>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if q.contains(['?', '*']) {
        // ASCII pattern: uppercase, separators dropped; then its confusable skeleton.
        let key: String = q
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '?' || *c == '*')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let skel = |k: &str| -> String {
            k.chars()
                .map(|c| {
                    if c == '?' || c == '*' {
                        c
                    } else {
                        skeleton(&c.to_string()).chars().next().unwrap()
                    }
                })
                .collect()
        };
        // The pattern as typed, and its forms that zero padding explains when they keep
        // 5 known characters (4 with no `*` and one `?`, or two in a form that drops only
        // zeros padding digits or `?`s read as padding zeros): without the zeros that
        // pad its numbers (`S01258?` also looks for `S1258?`), also those after a `?`
        // of a letter prefix or before a `?` (`C?0991832`, `M0?84678?`), and without
        // `?`s standing where padding zeros were (`?565650` looks for `565650`,
        // `0?984?515` for `984?515`).
        let mut pats = vec![skel(&key)];
        for (z, sure) in padded_forms(&key) {
            let known = z.chars().filter(|c| *c != '?' && *c != '*').count();
            let holes = z.matches('?').count();
            let few = !z.contains('*') && (holes == 1 || (sure && holes == 2));
            let least = armsmatch::limits::MIN_KNOWN_CHARS + if few { 1 } else { 2 };
            if z.chars().count() >= 4 && known >= least {
                pats.push(skel(&z));
            }
        }
        let matching = |pats: &[String]| -> BTreeSet<String> {
            let mut out = BTreeSet::new();
            for r in recs {
                if is_placeholder_serial(&r.serial) {
                    continue;
                }
                // Patterns match every search key, as a typed serial does: `74378?`
                // finds `0743787` through the key without its leading zero.
                if index_keys(&r.serial).iter().any(|k| {
                    pats.iter()
                        .any(|p| glob(p.as_bytes(), skeleton(k).as_bytes()))
                }) {
                    out.insert(r.id.clone());
                }
            }
            out
        };
        out = matching(&pats);
        if out.is_empty() {
            // Nothing matched: the pattern as typed with one slip undone, when 6 known
            // characters remain.
            let slips: Vec<String> = slip_forms(&key)
                .iter()
                .filter(|f| {
                    let known = f.chars().filter(|c| *c != '?' && *c != '*').count();
                    known >= 6 && f.chars().count() - known <= armsmatch::limits::MAX_WILDCARDS
                })
                .map(|f| skel(f))
                .collect();
            out = matching(&slips);
        }
        return out;
    }
    if is_placeholder_serial(q) {
        return out;
    }
    for r in recs {
        if is_placeholder_serial(&r.serial) {
            continue;
        }
        let hit = search_keys(q).iter().any(|qk| {
            index_keys(&r.serial).iter().any(|rk| {
                // AUTO is the budget of the longer key of the pair.
                let k = max_edits.unwrap_or_else(|| pair_edit_budget(qk.len(), rk.len())) as usize;
                osa_distance(skeleton(qk).as_bytes(), skeleton(rk).as_bytes()) <= k
            })
        });
        if hit {
            out.insert(r.id.clone());
        }
    }
    out
}

fn all_opts(max_edits: Option<u8>) -> CheckOptions {
    CheckOptions {
        max_edits,
        top: armsmatch::limits::MAX_TOP,
        threshold: 0.0,
        serial_only: true,
    }
}

fn found(index: &Index, q: &str, max_edits: Option<u8>) -> BTreeSet<String> {
    index
        .check(&Query::new(q), &all_opts(max_edits))
        .unwrap()
        .into_iter()
        .map(|h| h.record.id)
        .collect()
}

fn build(recs: &[Record]) -> Index {
    let mut b = Index::builder();
    for r in recs {
        b.add(r.clone()).unwrap();
    }
    b.build().unwrap()
}

fn case() -> impl Strategy<Value = (Vec<Record>, Vec<String>, Option<u8>)> {
    records().prop_flat_map(|recs| {
        let qs = prop::collection::vec(
            prop_oneof![
                4 => query_serial(&recs),
                1 => partial(),
                1 => padded_partial(&recs),
                1 => slipped_partial(&recs),
            ],
            1..8,
        );
        (Just(recs), qs, prop::option::of(0u8..=3))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn index_equals_oracle((recs, queries, k) in case()) {
        let index = build(&recs);
        for q in &queries {
            prop_assert_eq!(found(&index, q, k), oracle(&recs, q, k), "check {:?} k={:?}", q, k);
        }
    }

    #[test]
    fn live_layer_equals_oracle((recs, queries, k) in case(), split in 0usize..40) {
        // Part built, part inserted live: the same answers.
        let split = split.min(recs.len());
        let index = build(&recs[..split]);
        for r in &recs[split..] {
            index.insert(r.clone()).unwrap();
        }
        for q in &queries {
            prop_assert_eq!(found(&index, q, k), oracle(&recs, q, k), "check {:?}", q);
        }
    }

    #[test]
    fn insert_remove_compact_equals_fresh_build((recs, queries, k) in case(), removed in prop::collection::vec(any::<prop::sample::Index>(), 0..5)) {
        let index = build(&recs);
        let mut gone = BTreeSet::new();
        for i in removed {
            let r = &recs[i.index(recs.len())];
            if gone.insert(r.id.clone()) {
                index.remove(&r.id).unwrap();
            }
        }
        let extra = Record::new("NEW", recs[0].serial.clone());
        index.insert(extra.clone()).unwrap();
        let mut kept: Vec<Record> = recs.iter().filter(|r| !gone.contains(&r.id)).cloned().collect();
        kept.push(extra);
        let before: Vec<_> = queries.iter().map(|q| found(&index, q, k)).collect();
        // Saved with the changes as its journal and reopened: the same hits, scores and
        // explanations, and the same bytes when saved again.
        let bytes = index.to_bytes().unwrap();
        let reopened = Index::from_bytes(bytes.clone()).unwrap();
        prop_assert_eq!(reopened.len(), kept.len());
        prop_assert_eq!(reopened.to_bytes().unwrap(), bytes);
        for q in &queries {
            let o = all_opts(k);
            let (a, b) = (index.check(&Query::new(q), &o), reopened.check(&Query::new(q), &o));
            prop_assert_eq!(format!("{a:?}"), format!("{b:?}"), "check {:?}", q);
        }
        index.compact().unwrap();
        let after: Vec<_> = queries.iter().map(|q| found(&index, q, k)).collect();
        let fresh = build(&kept);
        for (i, q) in queries.iter().enumerate() {
            let want = oracle(&kept, q, k);
            prop_assert_eq!(&before[i], &want);
            prop_assert_eq!(&after[i], &want);
            prop_assert_eq!(&found(&fresh, q, k), &want);
        }
        prop_assert_eq!(index.len(), kept.len());
    }

    #[test]
    fn check_many_and_save_open_agree_with_check((recs, queries, _k) in case()) {
        let index = build(&recs);
        let qs: Vec<Query> = queries.iter().map(Query::new).collect();
        let opts = CheckOptions::default();
        let many = index.check_many(&qs, &opts);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("i.armsidx");
        index.save(&path).unwrap();
        let reopened = Index::open(&path).unwrap();
        for (q, m) in qs.iter().zip(many) {
            let one = index.check(q, &opts);
            let again = reopened.check(q, &opts);
            match (one, m, again) {
                (Ok(a), Ok(b), Ok(c)) => {
                    prop_assert_eq!(&a, &b);
                    prop_assert_eq!(&a, &c);
                }
                (Err(a), Err(b), Err(c)) => {
                    prop_assert_eq!(a.to_string(), b.to_string());
                    prop_assert_eq!(a.to_string(), c.to_string());
                }
                _ => prop_assert!(false, "check, check_many and reopened disagree on {:?}", q),
            }
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), index.to_bytes().unwrap());
    }
}

#[test]
fn cyrillic_marking_found_by_visual_and_transliterated_entry() {
    let index = build(&[Record::new("RUS-1", "ВС 1234").make("Izhmash")]);
    for q in ["BC1234", "bc-1234", "VS1234", "ВС1234", "вс 1234"] {
        assert_eq!(
            found(&index, q, None),
            BTreeSet::from(["RUS-1".to_string()]),
            "{q}"
        );
    }
    // And the reverse: a Latin record found by a Cyrillic entry.
    let index = build(&[Record::new("X", "XA-5555")]);
    assert_eq!(found(&index, "ХА5555", None).len(), 1);
}

#[test]
fn placeholders_never_give_serial_hits() {
    let index = build(&[
        Record::new("P1", "UNK").make("Colt"),
        Record::new("P2", "000000").make("Colt"),
        Record::new("R1", "0000001").make("Colt"),
    ]);
    assert!(found(&index, "UNK", Some(3)).is_empty());
    assert!(found(&index, "000000", Some(3)).is_empty());
    // A real serial near a placeholder never returns it.
    let hits = found(&index, "0000002", Some(3));
    assert!(!hits.contains("P2") && hits.contains("R1"));
    // By make: found, with serial match "none", when the threshold allows (a make
    // alone is weak evidence: evidence 0.35, a calibrated score under 0.02).
    let weak = armsmatch::calibrate(0.35);
    assert!(weak < 0.02);
    let hits = index
        .check(
            &Query::new("unknown").make("Colt"),
            &CheckOptions::default().threshold(weak * 0.99),
        )
        .unwrap();
    let ids: BTreeSet<_> = hits.iter().map(|h| h.record.id.clone()).collect();
    assert_eq!(ids, BTreeSet::from(["P1".to_string(), "P2".to_string()]));
    assert!(hits
        .iter()
        .all(|h| h.explanation.serial.kind == armsmatch::SerialMatch::None));
}

#[test]
fn limits_are_enforced() {
    let index = build(&[Record::new("R", "AB1234")]);
    let o = CheckOptions::default();
    let err = |q: Query, o: &CheckOptions| index.check(&q, o).unwrap_err().to_string();
    assert!(err(Query::new("A".repeat(300)), &o).contains("serial"));
    assert!(err(Query::new("A".repeat(60)), &o).contains("serial key"));
    assert!(err(Query::new("AB?*"), &o).contains("known characters"));
    assert!(err(Query::new("??????????????AB1"), &o).contains("wildcards"));
    assert!(
        err(Query::new("AB1234"), &CheckOptions::default().max_edits(4)).contains("edit budget")
    );
    assert!(err(Query::new("AB1234"), &CheckOptions::default().top(0)).contains("top"));
    assert!(err(
        Query::new("AB1234"),
        &CheckOptions::default().threshold(f32::NAN)
    )
    .contains("threshold"));
    assert!(err(Query::new("AB1234").make("x".repeat(2000)), &o).contains("make"));
    // Bad records are refused with the field named.
    let mut b = Index::builder();
    assert!(b
        .add(Record::new("", "A1"))
        .unwrap_err()
        .to_string()
        .contains("id"));
    assert!(b
        .add(Record::new("R", "A1").country("Germany"))
        .unwrap_err()
        .to_string()
        .contains("country"));
    assert!(b
        .add(Record::new("R", "1".repeat(100)))
        .unwrap_err()
        .to_string()
        .contains("serial"));
    b.add(Record::new("D", "A1")).unwrap();
    b.add(Record::new("D", "A2")).unwrap();
    assert!(matches!(b.build(), Err(armsmatch::Error::DuplicateId(id)) if id == "D"));
}

#[test]
fn pathological_checks_are_bounded() {
    // A very short serial with the largest budget over many records is refused, not
    // allowed to gather the whole register.
    let recs: Vec<Record> = (0..(armsmatch::limits::MAX_CANDIDATES + 10))
        .map(|i| Record::new(format!("R{i}"), format!("KKK{i:06}")))
        .collect();
    let index = build(&recs);
    // Every record matches: refused with a limit error, not a giant answer.
    let e = index
        .check(&Query::new("KKK*"), &CheckOptions::default())
        .unwrap_err();
    assert!(matches!(e, armsmatch::Error::LimitExceeded { .. }), "{e}");
    // A selective partial over the same register is fine.
    let hits = index
        .check(&Query::new("*012345"), &CheckOptions::default())
        .unwrap();
    assert_eq!(hits[0].record.id, "R12345");
}

#[test]
fn corrupted_and_truncated_files_are_refused() {
    let recs: Vec<Record> = (0..200)
        .map(|i| Record::new(format!("R{i}"), format!("AB{i:05}")).make("Glock"))
        .collect();
    let index = build(&recs);
    let bytes = index.to_bytes().unwrap();
    assert!(Index::from_bytes(bytes.clone()).is_ok());
    for cut in 0..bytes.len() {
        assert!(
            Index::from_bytes(bytes[..cut].to_vec()).is_err(),
            "truncated at {cut}"
        );
    }
    // Every single flipped byte is refused: each byte is under a checksum or padding
    // that must be zero.
    for at in 0..bytes.len() {
        let mut b = bytes.clone();
        b[at] ^= 0x5A;
        match Index::from_bytes(b) {
            Err(armsmatch::Error::CorruptIndex { .. }) => {}
            Err(other) => panic!("byte {at}: unexpected error kind {other}"),
            Ok(_) => panic!("byte {at} flipped and the file was accepted"),
        }
    }
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 8]);
    assert!(Index::from_bytes(longer).is_err());
    let e = Index::from_bytes(b"PK\x03\x04 zip file".to_vec()).unwrap_err();
    assert!(e.to_string().contains("not an armsmatch index"), "{e}");
}
