//! Concurrency stress: checks on every core while a writer inserts, updates, removes and
//! compacts, and other threads save; streaming checks with bounded memory.
//!
//! The operation counts are fixed (the writer's work), so the run time is bounded; the
//! readers simply check as often as they can meanwhile. Every check asserts what must
//! be true at the moment it started: a record whose insert returned is found, one whose
//! remove returned is not, an untouched one always is.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use armsmatch::{CheckOptions, Index, Query, Record};

const BASE: usize = 20_000;
const INSERTS: usize = 3_000;
/// Every third insert is followed by a remove of a base record.
const REMOVES: usize = INSERTS / 3;
/// Every tenth insert is followed by an update of a base record's serial.
const UPDATES: usize = INSERTS / 10;
const COMPACT_EVERY: usize = 500;

fn base_serial(i: usize) -> String {
    format!("BS{:08}", (i as u64 * 7_919 + 13) % 100_000_000)
}
fn inserted_serial(j: usize) -> String {
    format!("IN{:08}", (j as u64 * 104_729 + 7) % 100_000_000)
}
fn updated_serial(u: usize) -> String {
    format!("UP{:08}", (u as u64 * 15_485_863 + 3) % 100_000_000)
}
/// The base records removed, in order: spread over the register.
fn removed_base(k: usize) -> usize {
    k * 7 % BASE
}
/// The base records updated, in order (≡ 3 mod 7: disjoint from the removed ones).
fn updated_base(u: usize) -> usize {
    (u * 14 + 3) % BASE
}

fn opts() -> CheckOptions {
    CheckOptions::default().serial_only(true)
}

fn finds(index: &Index, serial: &str, id: &str) -> bool {
    index
        .check(&Query::new(serial), &opts())
        .expect("a valid check")
        .iter()
        .any(|h| h.record.id == id)
}

fn base_index() -> Index {
    let mut b = Index::builder();
    for i in 0..BASE {
        b.add(Record::new(format!("B-{i:06}"), base_serial(i)).make("Glock"))
            .expect("valid record");
    }
    b.build().expect("build")
}

/// A small xorshift generator: the stress is reproducible for a given interleaving.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

#[test]
fn checks_on_all_cores_while_a_writer_inserts_removes_and_compacts() {
    let index = Arc::new(base_index());
    let inserted = Arc::new(AtomicUsize::new(0));
    let removed = Arc::new(AtomicUsize::new(0));
    let updated = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let readers = thread::available_parallelism().map_or(2, |n| n.get()) + 1;
    let dir = tempfile::tempdir().expect("temp dir");

    let writer = {
        let (index, inserted, removed, updated) = (
            index.clone(),
            inserted.clone(),
            removed.clone(),
            updated.clone(),
        );
        thread::spawn(move || {
            for j in 0..INSERTS {
                index
                    .insert(Record::new(format!("I-{j:06}"), inserted_serial(j)).make("Beretta"))
                    .expect("insert");
                inserted.store(j + 1, Ordering::Release);
                if j % 3 == 2 {
                    let k = removed.load(Ordering::Relaxed);
                    index
                        .remove(&format!("B-{:06}", removed_base(k)))
                        .expect("remove");
                    removed.store(k + 1, Ordering::Release);
                }
                if j % 10 == 9 {
                    let u = updated.load(Ordering::Relaxed);
                    let i = updated_base(u);
                    index
                        .update(Record::new(format!("B-{i:06}"), updated_serial(u)).make("Glock"))
                        .expect("update");
                    updated.store(u + 1, Ordering::Release);
                }
                if j % COMPACT_EVERY == COMPACT_EVERY - 1 {
                    index.compact().expect("compact");
                }
            }
        })
    };
    // A second thread compacts and saves at its own pace: compactions overlap writes,
    // and every saved file is a whole, consistent index.
    let saver = {
        let (index, done) = (index.clone(), done.clone());
        let path = dir.path().join("live.armsidx");
        thread::spawn(move || {
            let mut saves = 0;
            while !done.load(Ordering::Acquire) || saves == 0 {
                index.compact().expect("compact");
                index.save(&path).expect("save");
                let reopened = Index::open(&path).expect("a saved file opens");
                let n = reopened.len();
                // Removes trail inserts, so the count only grows, within these bounds.
                assert!(
                    (BASE..=BASE - REMOVES + INSERTS).contains(&n),
                    "a saved index has {n} records"
                );
                saves += 1;
            }
            saves
        })
    };
    let reader_threads: Vec<_> = (0..readers)
        .map(|t| {
            let (index, inserted, removed, updated, done, failures) = (
                index.clone(),
                inserted.clone(),
                removed.clone(),
                updated.clone(),
                done.clone(),
                failures.clone(),
            );
            thread::spawn(move || {
                let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ ((t as u64 + 1) * 0x9E37_79B9));
                let mut checks = 0u64;
                let fail = |m: String| failures.lock().expect("lock").push(m);
                while !done.load(Ordering::Acquire) || checks < 200 {
                    // An inserted record whose insert has returned.
                    let n = inserted.load(Ordering::Acquire);
                    if n > 0 {
                        let j = rng.below(n);
                        if !finds(&index, &inserted_serial(j), &format!("I-{j:06}")) {
                            fail(format!("I-{j:06} inserted ({n} done) but not found"));
                        }
                    }
                    // A removed record whose remove has returned.
                    let r = removed.load(Ordering::Acquire);
                    if r > 0 {
                        let i = removed_base(rng.below(r));
                        if finds(&index, &base_serial(i), &format!("B-{i:06}")) {
                            fail(format!("B-{i:06} removed but still found"));
                        }
                        if index.contains(&format!("B-{i:06}")) {
                            fail(format!("B-{i:06} removed but contains() says present"));
                        }
                    }
                    // An updated record: found by its new serial.
                    let u = updated.load(Ordering::Acquire);
                    if u > 0 {
                        let k = rng.below(u);
                        let i = updated_base(k);
                        if !finds(&index, &updated_serial(k), &format!("B-{i:06}")) {
                            fail(format!("B-{i:06} updated but not found by its new serial"));
                        }
                    }
                    // A base record that is neither removed nor updated: always found.
                    let i = rng.below(BASE);
                    let touched = (0..REMOVES).any(|k| removed_base(k) == i)
                        || (0..UPDATES).any(|u| updated_base(u) == i);
                    if !touched && !finds(&index, &base_serial(i), &format!("B-{i:06}")) {
                        fail(format!("B-{i:06} never touched but not found"));
                    }
                    // A batch now and then: the same answers in parallel.
                    if checks % 50 == 0 {
                        let qs: Vec<Query> = (0..32)
                            .map(|k| Query::new(base_serial((i + k) % BASE)))
                            .collect();
                        for r in index.check_many(&qs, &opts()) {
                            r.expect("a valid check");
                        }
                    }
                    checks += 4;
                }
                checks
            })
        })
        .collect();

    writer.join().expect("the writer does not panic");
    done.store(true, Ordering::Release);
    let checks: u64 = reader_threads
        .into_iter()
        .map(|t| t.join().expect("a reader does not panic"))
        .sum();
    let saves = saver.join().expect("the saver does not panic");
    let failures = failures.lock().expect("lock").clone();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Afterwards, and again after a final compaction and a save/open round trip:
    // every record inserted is found, every removed one is not.
    let final_check = |index: &Index, how: &str| {
        assert_eq!(index.len(), BASE - REMOVES + INSERTS, "{how}: record count");
        let qs: Vec<Query> = (0..INSERTS)
            .map(|j| Query::new(inserted_serial(j)))
            .collect();
        for (j, r) in index.check_many(&qs, &opts()).into_iter().enumerate() {
            let hits = r.expect("a valid check");
            assert!(
                hits.iter().any(|h| h.record.id == format!("I-{j:06}")),
                "{how}: I-{j:06} not found"
            );
        }
        for k in 0..REMOVES {
            let i = removed_base(k);
            assert!(
                !finds(index, &base_serial(i), &format!("B-{i:06}")),
                "{how}: B-{i:06} found"
            );
            assert!(
                index.get(&format!("B-{i:06}")).is_none(),
                "{how}: B-{i:06} still there"
            );
        }
        for u in 0..UPDATES {
            let i = updated_base(u);
            assert!(
                finds(index, &updated_serial(u), &format!("B-{i:06}")),
                "{how}: update {u}"
            );
            assert!(
                !finds(index, &base_serial(i), &format!("B-{i:06}")),
                "{how}: old serial of {i}"
            );
        }
    };
    final_check(&index, "live");
    index.compact().expect("compact");
    assert_eq!(index.info().live_added, 0);
    final_check(&index, "compacted");
    let path = dir.path().join("final.armsidx");
    index.save(&path).expect("save");
    final_check(&Index::open(&path).expect("open"), "reopened");
    eprintln!(
        "stress: {readers} reader threads ran {checks} checks while the writer made {} changes \
         ({INSERTS} inserts, {REMOVES} removes, {UPDATES} updates, {} compactions) and {saves} \
         compact+save+open rounds ran beside them",
        INSERTS + REMOVES + UPDATES,
        INSERTS / COMPACT_EVERY
    );
}

#[test]
fn concurrent_saves_to_one_path_leave_a_whole_file() {
    // Two threads save two different indexes to the same path at the same time (two
    // case-management services sharing a directory, or one saving while another
    // thread does). Each save is atomic on its own; the file must always be one of
    // the two, whole.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = Arc::new(dir.path().join("shared.armsidx"));
    let make = |n: usize, tag: &str| {
        let mut b = Index::builder();
        for i in 0..n {
            b.add(Record::new(format!("{tag}-{i:06}"), format!("{tag}{i:07}")))
                .expect("valid");
        }
        b.add(Record::new(format!("MARK-{tag}"), "MARK0001"))
            .expect("valid");
        Arc::new(b.build().expect("build"))
    };
    let (a, b) = (make(30_000, "AA"), make(20_000, "BB"));
    let rounds = 40;
    let savers: Vec<_> = [a, b]
        .into_iter()
        .map(|index| {
            let path = path.clone();
            thread::spawn(move || {
                let mut errors = Vec::new();
                for _ in 0..rounds {
                    if let Err(e) = index.save(&*path) {
                        errors.push(e.to_string());
                    }
                }
                errors
            })
        })
        .collect();
    let mut opened = 0;
    let mut bad = Vec::new();
    while savers.iter().any(|t| !t.is_finished()) {
        match Index::open(&*path) {
            Ok(index) => {
                let whole = (index.contains("MARK-AA") && index.len() == 30_001)
                    || (index.contains("MARK-BB") && index.len() == 20_001);
                if !whole {
                    bad.push(format!("opened a mix of {} records", index.len()));
                }
                opened += 1;
            }
            // The file does not exist before the first rename.
            Err(armsmatch::Error::Io { .. }) if opened == 0 && bad.is_empty() => {}
            Err(e) => bad.push(e.to_string()),
        }
    }
    let save_errors: Vec<String> = savers
        .into_iter()
        .flat_map(|t| t.join().expect("a saver does not panic"))
        .collect();
    let last = Index::open(&*path).map(|i| i.len());
    assert!(
        bad.is_empty() && save_errors.is_empty() && matches!(last, Ok(30_001 | 20_001)),
        "concurrent saves to one path: {} bad reads ({:?}), {} failed saves ({:?}), final file: {:?}",
        bad.len(),
        bad.iter().take(3).collect::<Vec<_>>(),
        save_errors.len(),
        save_errors.iter().take(3).collect::<Vec<_>>(),
        last.map_err(|e| e.to_string())
    );
}

#[test]
fn check_each_streams_with_bounded_memory() {
    // A stream far larger than one chunk: at no moment are more than `chunk` queries
    // taken from the iterator and not yet delivered to the sink, so memory is bounded
    // by the chunk whatever the stream's length (the 10 M × 1 M case of the issue is
    // this loop, longer). Results arrive in input order, each equal to `check`.
    let mut b = Index::builder();
    for i in 0..5_000 {
        b.add(Record::new(format!("R{i}"), format!("ST{:07}", i * 31)))
            .expect("valid");
    }
    let index = b.build().expect("build");
    // Eighty chunks: the bound is structural, so a short stream shows it as well as a
    // long one (each check costs ~0.4 ms in a debug build).
    let total = 5_120usize;
    let chunk = 64usize;
    let produced = std::cell::Cell::new(0usize);
    let queries = (0..total).map(|i| {
        produced.set(produced.get() + 1);
        Query::new(format!("ST{:07}", (i % 5_000) * 31))
    });
    let mut delivered = 0usize;
    let mut max_in_flight = 0usize;
    let o = CheckOptions::default();
    let finished = index.check_each(queries, &o, chunk, |i, result| {
        assert_eq!(i, delivered, "results in input order");
        let hits = result.expect("a valid check");
        assert_eq!(hits[0].record.id, format!("R{}", i % 5_000));
        delivered += 1;
        max_in_flight = max_in_flight.max(produced.get() - delivered);
        true
    });
    assert!(finished);
    assert_eq!(delivered, total);
    assert!(
        max_in_flight < chunk,
        "{max_in_flight} queries held at once, chunk {chunk}"
    );

    // Stopping early stops taking queries.
    let produced = std::cell::Cell::new(0usize);
    let queries = (0..total).map(|i| {
        produced.set(produced.get() + 1);
        Query::new(format!("ST{:07}", (i % 5_000) * 31))
    });
    let mut seen = 0;
    let finished = index.check_each(queries, &o, chunk, |_, _| {
        seen += 1;
        seen < 200
    });
    assert!(!finished);
    assert_eq!(seen, 200);
    assert!(
        produced.get() <= 200 + chunk,
        "{} queries taken after the sink stopped",
        produced.get()
    );

    // Bad queries in the stream are reported in place, not dropped.
    let queries = vec![
        Query::new("ST0000031"),
        Query::new("*"),
        Query::new("A".repeat(300)),
    ];
    let mut results = Vec::new();
    index.check_each(queries, &o, 2, |i, r| {
        results.push((i, r.is_ok()));
        true
    });
    assert_eq!(results, vec![(0, true), (1, false), (2, false)]);
}

#[test]
fn check_each_while_writing() {
    // The streaming check runs beside a writer: each query sees a consistent state.
    let index = Arc::new(base_index());
    let writer = {
        let index = index.clone();
        thread::spawn(move || {
            for j in 0..1_000 {
                index
                    .insert(Record::new(format!("W-{j:05}"), inserted_serial(j)))
                    .expect("insert");
                if j % 250 == 249 {
                    index.compact().expect("compact");
                }
            }
        })
    };
    let queries = (0..20_000).map(|i| Query::new(base_serial(i % BASE)));
    let mut n = 0;
    index.check_each(queries, &opts(), 256, |i, r| {
        let hits = r.expect("a valid check");
        assert!(hits
            .iter()
            .any(|h| h.record.id == format!("B-{:06}", i % BASE)));
        n += 1;
        true
    });
    writer.join().expect("writer");
    assert_eq!(n, 20_000);
    assert_eq!(index.len(), BASE + 1_000);
}
