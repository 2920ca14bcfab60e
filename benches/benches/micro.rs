//! Criterion micro-benchmarks of armsmatch's hot paths: normalization, exact lookup,
//! fixed-budget fuzzy search (k = 1, 2), partial serials and scoring.
//!
//! `cargo bench -p armsmatch-benches --bench micro` runs them on a 200,000-record
//! synthetic register; `cargo bench -p armsmatch-benches --bench micro -- --test` (what
//! CI runs) runs each once on 5,000 records. `ARMSMATCH_MICRO_RECORDS` overrides the
//! size. The side-by-side numbers at 1.5 M and 10 M records come from the bulk
//! benchmark (`cargo run --release -p armsmatch-benches`), not from here.

use std::hint::black_box;

use armsmatch::synth::{Register, SynthConfig};
use armsmatch::{Alignment, CheckOptions, Index, IndexBuilder, Query};
use armsmatch_benches::workload::Workload;
use criterion::{criterion_main, Criterion, Throughput};

/// Queries per measured batch: enough to average over serial shapes.
const BATCH: usize = 256;

struct Fixture {
    index: Index,
    workload: Workload,
}

fn fixture() -> Fixture {
    let smoke = std::env::args().any(|a| a == "--test");
    let records = std::env::var("ARMSMATCH_MICRO_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if smoke { 5_000 } else { 200_000 });
    let register = Register::new(SynthConfig {
        records,
        queries: BATCH,
        seed: 42,
    });
    let mut builder = IndexBuilder::new();
    for r in register.records() {
        builder.add(r).expect("generated records are valid");
    }
    Fixture {
        index: builder.build().expect("a valid register"),
        workload: Workload::generate(&register, BATCH, 7),
    }
}

fn queries(serials: &[String]) -> Vec<Query> {
    serials.iter().map(Query::new).collect()
}

fn check_all(index: &Index, qs: &[Query], o: &CheckOptions) -> usize {
    qs.iter()
        .map(|q| index.check(q, o).map_or(0, |h| h.len()))
        .sum()
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    let w = &f.workload;

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Elements(w.fuzzy.len() as u64));
    g.bench_function("serial_key", |b| {
        b.iter(|| {
            w.fuzzy
                .iter()
                .map(|s| armsmatch::serial_key(black_box(s)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("skeleton", |b| {
        b.iter(|| {
            w.fuzzy
                .iter()
                .map(|s| armsmatch::skeleton(black_box(s)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("search_keys", |b| {
        b.iter(|| {
            w.fuzzy
                .iter()
                .map(|s| armsmatch::search_keys(black_box(s)).len())
                .sum::<usize>()
        })
    });
    let cyrillic = ["ВС 1234", "ХА-55", "АК 7301 М", "Ж0012345"];
    g.throughput(Throughput::Elements(cyrillic.len() as u64));
    g.bench_function("search_keys_cyrillic", |b| {
        b.iter(|| {
            cyrillic
                .iter()
                .map(|s| armsmatch::search_keys(black_box(s)).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("search");
    let cases = [
        (
            "exact",
            queries(&w.exact),
            CheckOptions::default().max_edits(0).serial_only(true),
        ),
        (
            "fuzzy_k1",
            queries(&w.fuzzy),
            CheckOptions::default().max_edits(1).serial_only(true),
        ),
        (
            "fuzzy_k2",
            queries(&w.fuzzy),
            CheckOptions::default().max_edits(2).serial_only(true),
        ),
        (
            "partial_question",
            queries(&w.wild_one),
            CheckOptions::default().serial_only(true),
        ),
        (
            "partial_star",
            queries(&w.wild_star),
            CheckOptions::default().serial_only(true),
        ),
    ];
    for (name, qs, o) in &cases {
        g.throughput(Throughput::Elements(qs.len() as u64));
        g.bench_function(*name, |b| b.iter(|| check_all(&f.index, black_box(qs), o)));
    }
    g.finish();

    let mut g = c.benchmark_group("scoring");
    let checks = &w.checks;
    g.throughput(Throughput::Elements(checks.len() as u64));
    g.bench_function("full_default_check", |b| {
        b.iter(|| check_all(&f.index, black_box(checks), &CheckOptions::default()))
    });
    // The alignment behind every fuzzy hit's score and explanation, on the serial pairs
    // a check actually scores.
    let pairs: Vec<(String, String)> = w
        .fuzzy
        .iter()
        .filter_map(|s| {
            let hits = f
                .index
                .check(
                    &Query::new(s),
                    &CheckOptions::default().max_edits(2).serial_only(true),
                )
                .ok()?;
            let h = hits.first()?;
            Some((
                armsmatch::serial_key(s),
                armsmatch::serial_key(&h.record.serial),
            ))
        })
        .collect();
    if !pairs.is_empty() {
        g.throughput(Throughput::Elements(pairs.len() as u64));
        g.bench_function("alignment", |b| {
            b.iter(|| {
                black_box(&pairs)
                    .iter()
                    .map(|(a, r)| Alignment::new(a, r).edits.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

// The macro generates an undocumented `pub fn micro`; nothing outside this bench uses it.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(micro, super::benches);
}
use group::micro;
criterion_main!(micro);
