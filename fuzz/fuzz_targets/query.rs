//! Checks (full and partial serials, any options) against a small fixed register: no
//! panic; every answer is a ranked, bounded list or a typed error; the wildcard
//! automaton agrees with a plain recursive glob.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use armsmatch::raw::{wildcard_walk, Pattern};
use armsmatch::{CheckOptions, Error, Index, Query, Record};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    serial: String,
    make: Option<String>,
    model: Option<String>,
    calibre: Option<String>,
    max_edits: Option<u8>,
    top: u16,
    threshold: u8,
    serial_only: bool,
    /// A pattern over raw key bytes for the automaton/glob comparison.
    pattern: Vec<u8>,
    keys: Vec<Vec<u8>>,
}

/// Serials chosen to reach every path of a check: exact, confusable, Cyrillic and
/// Greek, leading zeros, placeholders, long keys, shared postings.
const SERIALS: &[&str] = &[
    "AB123456",
    "AB-123456",
    "BA12O4471",
    "ВС 1234",
    "ХА-55",
    "ΑΒ 9876",
    "0012345",
    "12345",
    "UNK",
    "000000",
    "",
    "KKK000001",
    "KKK000002",
    "KKK000003",
    "XY987654",
    "XY987645",
    "1111111",
    "Z2Z2Z2Z2",
    "S5S5S5",
    "ЖЖЖ",
    "A1",
    "AB12",
    "AB123",
    "ЁЖ-12 34",
    "Ⅻ-4471",
    "１２３４５６",
    "١٢٣٤٥٦٧",
    "QWERTYUIOPASDFGHJKLZXCVBNM0123456789ABCDEFGHIJ",
];

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut b = Index::builder();
        let makes = ["Glock", "Beretta", "Izhmash", "Smith & Wesson", "Colt"];
        for (i, s) in SERIALS.iter().enumerate() {
            let r = Record::new(format!("R{i}"), *s)
                .make(makes[i % makes.len()])
                .calibre(if i % 2 == 0 { "9mm" } else { "9x18 Makarov" });
            b.add(r).expect("the fixed register is valid");
        }
        let index = b.build().expect("the fixed register builds");
        // A live layer too, so both search paths run.
        index
            .insert(Record::new("LIVE-1", "AB123465").make("Glock"))
            .expect("insert");
        index
            .insert(Record::new("LIVE-2", "ВС 1243"))
            .expect("insert");
        index.remove("R3").expect("remove");
        index
    })
}

fn glob(p: &[u8], s: &[u8]) -> bool {
    // Iterative glob with single-star backtracking: linear in practice, no recursion
    // depth to blow on long fuzz inputs.
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(b'*') => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(b'?') => {
                pi += 1;
                si += 1;
            }
            Some(&c) if c == s[si] => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

fuzz_target!(|input: Input| {
    let index = index();
    let mut q = Query::new(input.serial.clone());
    q.make = input.make.clone();
    q.model = input.model.clone();
    q.calibre = input.calibre.clone();
    let opts = CheckOptions {
        max_edits: input.max_edits.map(|k| k % 6),
        top: input.top as usize % 1100,
        threshold: input.threshold as f32 / 200.0,
        serial_only: input.serial_only,
    };
    match index.check(&q, &opts) {
        Ok(hits) => {
            assert!(hits.len() <= opts.top);
            for w in hits.windows(2) {
                assert!(w[0].score >= w[1].score, "hits not ranked for {q:?}");
            }
            for h in &hits {
                assert!(
                    (0.0..=1.0).contains(&h.score),
                    "score {} for {q:?}",
                    h.score
                );
                assert!(h.score >= opts.threshold);
                assert!(
                    index.contains(&h.record.id),
                    "hit on an absent record {}",
                    h.record.id
                );
            }
            // check_many gives the same answer.
            let many = index.check_many(std::slice::from_ref(&q), &opts);
            assert_eq!(many[0].as_ref().ok(), Some(&hits));
        }
        Err(Error::InvalidInput { .. } | Error::LimitExceeded { .. }) => {}
        Err(other) => panic!("unexpected error kind for {q:?}: {other}"),
    }

    // The wildcard automaton over raw bytes against a plain glob.
    if let Ok(p) = Pattern::parse(&input.pattern) {
        let mut keys: Vec<Vec<u8>> = input
            .keys
            .iter()
            .filter(|k| k.len() <= 64)
            .cloned()
            .collect();
        for k in &keys {
            assert_eq!(
                p.matches(k),
                glob(&input.pattern, k),
                "pattern {:?} key {k:?}",
                input.pattern
            );
        }
        keys.sort();
        keys.dedup();
        if let Ok(map) =
            fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64)))
        {
            let mut walked = Vec::new();
            wildcard_walk(map.as_fst(), &p, |k, _| {
                walked.push(k.to_vec());
                true
            });
            let want: Vec<Vec<u8>> = keys
                .iter()
                .filter(|k| glob(&input.pattern, k))
                .cloned()
                .collect();
            assert_eq!(walked, want, "wildcard_walk with {:?}", input.pattern);
        }
    }
});
