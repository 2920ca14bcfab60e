//! Hit-quality evaluation against labelled checks: recall@1 and recall@5 over true
//! hits, the false-hit rate over non-hits, both by noise kind and by non-hit kind, and
//! threshold-free recall@1 at fixed false-hit rates.
//!
//! Recall is measured twice: among the hits *reported* (at or above the threshold:
//! what a user sees) and in the *ranking* (the firearm among the first k candidates,
//! whatever their score: how well the scores order the candidates of one check).
//! The gap between the two is the true hits the threshold holds back.
//!
//! One implementation, used by `armsmatch eval` and by `armsmatch demo`:
//! [`evaluate`] runs the checks, [`score`] turns results and labels into an
//! [`EvalReport`].

use std::collections::BTreeMap;
use std::time::Instant;

use armsmatch::synth::{Check, Label};
use armsmatch::{CheckOptions, Hit, Index, Result, DEFAULT_THRESHOLD};
use serde::Serialize;

use crate::progress;

/// The false-hit rates at which threshold-free recall@1 is reported.
pub const FALSE_HIT_RATES: [f64; 4] = [0.001, 0.005, 0.01, 0.05];

/// Hits asked for per check: the library default (10), enough for recall@5, and what
/// `check` writes, so the demo's hits file is the one `check` would write.
const EVAL_TOP: usize = 10;

/// How to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalOptions {
    /// Threshold at which recall and the false-hit rate are computed, in [0, 1]: a hit
    /// scoring below it does not count.
    pub threshold: f32,
    /// Fixed edit budget (`None`: AUTO by serial length, the library default).
    pub max_edits: Option<u8>,
}

impl Default for EvalOptions {
    fn default() -> EvalOptions {
        EvalOptions {
            threshold: DEFAULT_THRESHOLD,
            max_edits: None,
        }
    }
}

/// Recall or false-hit figures of one group of checks.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Group {
    /// Checks in the group.
    pub checks: u64,
    /// Share of true-hit checks whose first hit (at or above the threshold) is a record
    /// of the checked firearm; `None` for non-hit groups and empty groups.
    pub recall_at_1: Option<f64>,
    /// Share of true-hit checks with a record of the firearm among the first five hits
    /// at or above the threshold.
    pub recall_at_5: Option<f64>,
    /// Share of true-hit checks whose first candidate, whatever its score, is a record
    /// of the firearm (the ranking's recall@1; at least `recall_at_1`).
    pub ranked_recall_at_1: Option<f64>,
    /// Share of true-hit checks with a record of the firearm among the first five
    /// candidates, whatever their scores.
    pub ranked_recall_at_5: Option<f64>,
    /// Share of non-hit checks with any hit at or above the threshold; `None` for
    /// true-hit groups and empty groups.
    pub false_hit_rate: Option<f64>,
    /// Of a noise kind: the true-hit checks with that kind of noise and no other (the
    /// kind "on its own"); 0 for the totals and non-hit groups.
    pub alone_checks: u64,
    /// Recall@1 over [`Group::alone_checks`]; `None` if there are none.
    pub alone_recall_at_1: Option<f64>,
    /// Recall@5 over [`Group::alone_checks`]; `None` if there are none.
    pub alone_recall_at_5: Option<f64>,
}

/// Recall@1 when the score cutoff is set to let through a given share of non-hits.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OperatingPoint {
    /// The false-hit rate aimed at (0.01 = 1 %).
    pub false_hit_rate: f64,
    /// The score a hit must beat: at most `false_hit_rate` of the non-hit checks have a
    /// first hit scoring above it.
    pub score_cutoff: f32,
    /// Share of true-hit checks whose first hit is correct and scores above the cutoff.
    pub recall_at_1: f64,
}

/// Upper edges of the reliability bands of the calibration table (the first band starts
/// at 0, the last ends at 1 inclusive).
pub const CALIBRATION_BANDS: [f32; 11] = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// One band of the reliability table: hits whose score falls in `[low, high)`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Band {
    /// Lowest score of the band.
    pub low: f32,
    /// Score the band ends before (1 is included in the last band).
    pub high: f32,
    /// Hits in the band.
    pub hits: u64,
    /// Their mean score: the predicted share of hits that are the checked firearm.
    pub mean_score: f64,
    /// The observed share that are (a record of the checked firearm).
    pub correct: f64,
}

/// How well the scores behave as probabilities, over every hit returned (top 10 per
/// check, no threshold): a hit is correct when its record is one of the checked
/// firearm's.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Calibration {
    /// Hits scored.
    pub hits: u64,
    /// Mean squared difference between score and outcome (0 is perfect).
    pub brier: f64,
    /// Expected calibration error: the hit-weighted mean of |mean score − correct share|
    /// over the bands.
    pub ece: f64,
    /// The reliability table (empty bands left out).
    pub bands: Vec<Band>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct EvalReport {
    /// Threshold the rates are computed at.
    pub threshold: f32,
    /// Checks evaluated.
    pub checks: u64,
    /// Checks that failed (over a limit, too few known characters …), counted as
    /// misses (or, for non-hits, as no hit).
    pub errors: u64,
    /// Checks with at least one hit at or above the threshold.
    pub checks_with_hit: u64,
    /// All true-hit checks.
    pub hits: Group,
    /// All non-hit checks.
    pub non_hits: Group,
    /// By noise kind of true hits (a check with two kinds counts under both) and by
    /// kind of non-hit (keys `non_hit:<kind>`).
    pub by_kind: BTreeMap<String, Group>,
    /// Threshold-free recall@1 at the [`FALSE_HIT_RATES`] (empty without true hits).
    pub operating_points: Vec<OperatingPoint>,
    /// Reliability of the scores as probabilities.
    pub calibration: Calibration,
    /// Wall time of the checks, in seconds (0 when only [`score`] was called).
    pub check_seconds: f64,
}

/// The report and the raw results of an evaluation run.
#[derive(Debug)]
pub struct Evaluation {
    /// The figures.
    pub report: EvalReport,
    /// The hits of check `i` (threshold 0, top 10, best first), for examples and hit files.
    pub results: Vec<Result<Vec<Hit>>>,
}

/// Runs `checks` against `index` and scores them against their labels.
///
/// The checks run on the current rayon pool (wrap the call in `pool.install` to choose
/// the threads), with default options (`top` 10) except threshold 0, so that scores
/// under the threshold are visible to the threshold-free figures; the report applies
/// `opts.threshold` afterwards. A progress bar is drawn on standard error when it is a
/// terminal.
pub fn evaluate(index: &Index, checks: &[Check], opts: &EvalOptions) -> EvalReport {
    evaluate_with_hits(index, checks, opts).report
}

/// [`evaluate`], keeping the hits of every check.
pub fn evaluate_with_hits(index: &Index, checks: &[Check], opts: &EvalOptions) -> Evaluation {
    let check_opts = CheckOptions {
        max_edits: opts.max_edits,
        top: EVAL_TOP,
        threshold: 0.0,
        serial_only: false,
    };
    let pb = progress::bar(checks.len() as u64, "checking");
    let started = Instant::now();
    let mut results = Vec::with_capacity(checks.len());
    // Chunks keep the bar moving; each chunk runs in parallel.
    index.check_each(
        checks.iter().map(|c| c.query.clone()),
        &check_opts,
        512,
        |_, r| {
            results.push(r);
            pb.inc(1);
            true
        },
    );
    let took = started.elapsed();
    pb.finish_and_clear();
    let mut report = score(checks, &results, opts.threshold);
    report.check_seconds = took.as_secs_f64();
    Evaluation { report, results }
}

/// Scores check results against their labels at `threshold`: the pure part of
/// [`evaluate`], for results computed elsewhere. `results[i]` belongs to `checks[i]`
/// and should have been run at threshold 0 with `top` ≥ 5 (otherwise recall@5 and the
/// operating points only see what was returned).
pub fn score(checks: &[Check], results: &[Result<Vec<Hit>>], threshold: f32) -> EvalReport {
    #[derive(Default)]
    struct Acc {
        n: u64,
        r1: u64,
        r5: u64,
        ranked1: u64,
        ranked5: u64,
        fh: u64,
        alone: u64,
        alone_r1: u64,
        alone_r5: u64,
    }
    impl Acc {
        fn group(&self, hit: bool) -> Group {
            let rate = |x: u64| (self.n > 0).then(|| x as f64 / self.n as f64);
            Group {
                checks: self.n,
                recall_at_1: if hit { rate(self.r1) } else { None },
                recall_at_5: if hit { rate(self.r5) } else { None },
                ranked_recall_at_1: if hit { rate(self.ranked1) } else { None },
                ranked_recall_at_5: if hit { rate(self.ranked5) } else { None },
                false_hit_rate: if hit { None } else { rate(self.fh) },
                alone_checks: self.alone,
                alone_recall_at_1: (self.alone > 0)
                    .then(|| self.alone_r1 as f64 / self.alone as f64),
                alone_recall_at_5: (self.alone > 0)
                    .then(|| self.alone_r5 as f64 / self.alone as f64),
            }
        }
    }
    let mut all_hits = Acc::default();
    let mut all_non = Acc::default();
    let mut hit_kinds: BTreeMap<String, Acc> = BTreeMap::new();
    let mut non_kinds: BTreeMap<String, Acc> = BTreeMap::new();
    let mut errors = 0;
    let mut with_hit = 0;
    // Rank-1 scores: of non-hits (any hit), and of true hits (only a correct one; -1
    // stands for "no correct first hit", below every cutoff).
    let mut non_top: Vec<f32> = Vec::new();
    let mut hit_top: Vec<f32> = Vec::new();
    // Reliability: (score, correct) of every hit returned.
    let mut scored: Vec<(f32, bool)> = Vec::new();
    for (check, res) in checks.iter().zip(results) {
        let truth = &check.truth;
        let hits: &[Hit] = match res {
            Ok(h) => h,
            Err(_) => {
                errors += 1;
                &[]
            }
        };
        let kept: Vec<&Hit> = hits.iter().filter(|h| h.score >= threshold).collect();
        scored.extend(
            hits.iter()
                .map(|h| (h.score, truth.record_ids.contains(&h.record.id))),
        );
        with_hit += u64::from(!kept.is_empty());
        let correct = |h: &&Hit| truth.record_ids.contains(&h.record.id);
        match truth.label {
            Label::Hit => {
                let r1 = kept.first().is_some_and(correct);
                let r5 = kept.iter().take(5).any(correct);
                let ranked1 = hits.first().is_some_and(|h| correct(&h));
                let ranked5 = hits.iter().take(5).any(|h| correct(&h));
                hit_top.push(hits.first().filter(correct).map_or(-1.0, |h| h.score));
                let count = |acc: &mut Acc| {
                    acc.n += 1;
                    acc.r1 += u64::from(r1);
                    acc.r5 += u64::from(r5);
                    acc.ranked1 += u64::from(ranked1);
                    acc.ranked5 += u64::from(ranked5);
                };
                count(&mut all_hits);
                let alone = truth.noise.iter().all(|k| *k == truth.noise[0]);
                for (i, k) in truth.noise.iter().enumerate() {
                    // A kind listed twice still counts the check once.
                    if !truth.noise[..i].contains(k) {
                        let acc = hit_kinds.entry(k.clone()).or_default();
                        count(acc);
                        if alone {
                            acc.alone += 1;
                            acc.alone_r1 += u64::from(r1);
                            acc.alone_r5 += u64::from(r5);
                        }
                    }
                }
            }
            Label::NonHit => {
                let fh = !kept.is_empty();
                non_top.push(hits.first().map_or(-1.0, |h| h.score));
                // Kinds may be written bare (`sibling`) or prefixed (`non_hit:sibling`).
                let kinds: Vec<&str> = truth
                    .noise
                    .iter()
                    .map(|k| k.strip_prefix("non_hit:").unwrap_or(k))
                    .collect();
                let key = if kinds.is_empty() {
                    "non_hit:(no kind given)".to_string()
                } else {
                    format!("non_hit:{}", kinds.join("+"))
                };
                for acc in [&mut all_non, non_kinds.entry(key).or_default()] {
                    acc.n += 1;
                    acc.fh += u64::from(fh);
                }
            }
        }
    }
    non_top.sort_by(|a, b| b.total_cmp(a));
    let mut operating_points = Vec::new();
    if !hit_top.is_empty() {
        for rate in FALSE_HIT_RATES {
            // Non-hits sorted best first: a cutoff at the (allowed + 1)-th score lets at
            // most `allowed` of them through (fewer on ties, never more).
            let allowed = (rate * non_top.len() as f64).floor() as usize;
            let cutoff = non_top.get(allowed).copied().unwrap_or(-1.0).max(0.0);
            let found = hit_top.iter().filter(|&&s| s > cutoff).count();
            operating_points.push(OperatingPoint {
                false_hit_rate: rate,
                score_cutoff: cutoff,
                recall_at_1: found as f64 / hit_top.len() as f64,
            });
        }
    }
    let by_kind = hit_kinds
        .iter()
        .map(|(k, a)| (k.clone(), a.group(true)))
        .chain(non_kinds.iter().map(|(k, a)| (k.clone(), a.group(false))))
        .collect();
    EvalReport {
        threshold,
        checks: checks.len().min(results.len()) as u64,
        errors,
        checks_with_hit: with_hit,
        hits: all_hits.group(true),
        non_hits: all_non.group(false),
        by_kind,
        operating_points,
        calibration: calibration(&scored),
        check_seconds: 0.0,
    }
}

/// The reliability table, Brier score and expected calibration error of `(score,
/// correct)` pairs.
fn calibration(scored: &[(f32, bool)]) -> Calibration {
    if scored.is_empty() {
        return Calibration::default();
    }
    let band_of = |s: f32| CALIBRATION_BANDS.iter().take_while(|&&e| s >= e).count();
    let mut acc = vec![(0u64, 0.0f64, 0u64); CALIBRATION_BANDS.len() + 1];
    let mut brier = 0.0;
    for &(s, ok) in scored {
        let y = if ok { 1.0 } else { 0.0 };
        brier += (f64::from(s) - y).powi(2);
        let a = &mut acc[band_of(s)];
        a.0 += 1;
        a.1 += f64::from(s);
        a.2 += u64::from(ok);
    }
    let n = scored.len() as f64;
    let mut ece = 0.0;
    let mut bands = Vec::new();
    for (i, &(hits, sum, correct)) in acc.iter().enumerate() {
        if hits == 0 {
            continue;
        }
        let mean_score = sum / hits as f64;
        let correct = correct as f64 / hits as f64;
        ece += hits as f64 / n * (mean_score - correct).abs();
        bands.push(Band {
            low: if i == 0 {
                0.0
            } else {
                CALIBRATION_BANDS[i - 1]
            },
            high: CALIBRATION_BANDS.get(i).copied().unwrap_or(1.0),
            hits,
            mean_score,
            correct,
        });
    }
    Calibration {
        hits: scored.len() as u64,
        brier: brier / n,
        ece,
        bands,
    }
}

/// A share as a percentage, `-` when there is nothing to measure.
pub fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{:.2}%", 100.0 * v))
}

impl EvalReport {
    /// The report as a text table.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "checks {} (failed {}), threshold {:.2}, {} with a hit\n",
            self.checks, self.errors, self.threshold, self.checks_with_hit
        ));
        s.push_str(&format!(
            "true hits {:>7}   recall@1 {:>8}   recall@5 {:>8}   (ranking, any score: {} / {})\n",
            self.hits.checks,
            pct(self.hits.recall_at_1),
            pct(self.hits.recall_at_5),
            pct(self.hits.ranked_recall_at_1),
            pct(self.hits.ranked_recall_at_5)
        ));
        s.push_str(&format!(
            "non-hits  {:>7}   false-hit rate {:>8}\n",
            self.non_hits.checks,
            pct(self.non_hits.false_hit_rate)
        ));
        for p in &self.operating_points {
            s.push_str(&format!(
                "recall@1 at {:>4}% false hits: {:>8} (score cutoff {:.3})\n",
                p.false_hit_rate * 100.0,
                pct(Some(p.recall_at_1)),
                p.score_cutoff
            ));
        }
        let c = &self.calibration;
        if !c.bands.is_empty() {
            s.push_str(&format!(
                "\nscores as probabilities over {} hits (top 10, no threshold): Brier {:.4}, \
                 calibration error {:.4}\n{:<14} {:>8} {:>11} {:>9}\n",
                c.hits, c.brier, c.ece, "score", "hits", "mean score", "correct"
            ));
            for b in &c.bands {
                s.push_str(&format!(
                    "{:<14} {:>8} {:>11.3} {:>9.3}\n",
                    format!("{:.2}–{:.2}", b.low, b.high),
                    b.hits,
                    b.mean_score,
                    b.correct
                ));
            }
        }
        s.push_str(&format!(
            "\n{:<28} {:>7} {:>9} {:>9} {:>10} {:>10} {:>10} {:>7} {:>9} {:>9}\n",
            "kind",
            "checks",
            "recall@1",
            "recall@5",
            "ranked@1",
            "ranked@5",
            "false-hit",
            "alone",
            "recall@1",
            "recall@5"
        ));
        for (k, g) in &self.by_kind {
            let alone = if g.false_hit_rate.is_some() {
                "-".to_string()
            } else {
                g.alone_checks.to_string()
            };
            s.push_str(&format!(
                "{:<28} {:>7} {:>9} {:>9} {:>10} {:>10} {:>10} {:>7} {:>9} {:>9}\n",
                k,
                g.checks,
                pct(g.recall_at_1),
                pct(g.recall_at_5),
                pct(g.ranked_recall_at_1),
                pct(g.ranked_recall_at_5),
                pct(g.false_hit_rate),
                alone,
                pct(g.alone_recall_at_1),
                pct(g.alone_recall_at_5)
            ));
        }
        s.push_str("(alone: the checks with that kind of noise and no other, and their recall)\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use armsmatch::synth::Truth;
    use armsmatch::{Query, Record};

    fn check(id: &str, serial: &str, label: Label, noise: &[&str], ids: &[&str]) -> Check {
        Check {
            query_id: id.to_string(),
            query: Query::new(serial).make("Glock"),
            truth: Truth {
                label,
                noise: noise.iter().map(|s| s.to_string()).collect(),
                record_ids: ids.iter().map(|s| s.to_string()).collect(),
            },
        }
    }

    fn index() -> Index {
        let mut b = Index::builder();
        b.add(Record::new("R1", "AB123456").make("Glock")).unwrap();
        b.add(Record::new("R2", "ZX987654").make("Beretta"))
            .unwrap();
        b.build().unwrap()
    }

    #[test]
    fn figures_on_a_known_set() {
        let checks = vec![
            check("Q1", "AB123456", Label::Hit, &["exact"], &["R1"]),
            check(
                "Q2",
                "AB123465",
                Label::Hit,
                &["typo1", "make_alias"],
                &["R1"],
            ),
            check(
                "Q3",
                "QQQQQQQQ",
                Label::Hit,
                &["typo2", "make_alias"],
                &["R2"],
            ),
            check("Q4", "MM555555", Label::NonHit, &["fresh"], &[]),
            check(
                "Q5",
                "ZX987654",
                Label::NonHit,
                &["non_hit:other_make"],
                &[],
            ),
        ];
        let index = index();
        let run = evaluate_with_hits(&index, &checks, &EvalOptions::default());
        let r = &run.report;
        assert_eq!(run.results.len(), 5);
        assert_eq!((r.checks, r.errors), (5, 0));
        assert_eq!(r.hits.checks, 3);
        assert_eq!(r.hits.recall_at_1, Some(2.0 / 3.0));
        assert_eq!(r.hits.false_hit_rate, None);
        assert_eq!(r.non_hits.false_hit_rate, Some(0.0));
        assert_eq!(r.checks_with_hit, 2);
        // A check with two noise kinds counts under both.
        assert_eq!(r.by_kind["make_alias"].checks, 2);
        assert_eq!(r.by_kind["make_alias"].recall_at_1, Some(0.5));
        assert_eq!(r.by_kind["typo2"].recall_at_5, Some(0.0));
        assert_eq!(r.by_kind["exact"].recall_at_1, Some(1.0));
        assert_eq!(r.by_kind["non_hit:fresh"].false_hit_rate, Some(0.0));
        // On its own: only Q1 has a single kind of noise.
        assert_eq!(r.by_kind["exact"].alone_checks, 1);
        assert_eq!(r.by_kind["exact"].alone_recall_at_5, Some(1.0));
        assert_eq!(r.by_kind["make_alias"].alone_checks, 0);
        assert_eq!(r.by_kind["make_alias"].alone_recall_at_1, None);
        assert_eq!(r.by_kind["non_hit:fresh"].alone_checks, 0);
        assert!(r.check_seconds > 0.0);
        // Reliability: every returned hit is in one band; Q1's and Q2's hits are
        // correct, the other-make hit is not.
        let c = &r.calibration;
        let returned: usize = run.results.iter().map(|h| h.as_ref().unwrap().len()).sum();
        assert_eq!(c.hits as usize, returned);
        assert_eq!(c.bands.iter().map(|b| b.hits).sum::<u64>(), c.hits);
        assert!(c.brier > 0.0 && c.brier < 0.25 && c.ece < 0.5);
        let top = c.bands.last().unwrap();
        assert_eq!((top.high, top.correct), (1.0, 1.0));
        assert_eq!(c.bands[0].correct, 0.0);
        assert!(r.to_text().contains("Brier"));
        assert!(r.to_text().contains("recall@1"));
        // The other-make check finds R2 at a low score: at threshold 0 it is a false hit.
        let r0 = score(&checks, &run.results, 0.0);
        assert_eq!(r0.by_kind["non_hit:other_make"].false_hit_rate, Some(1.0));
        assert_eq!(r0.non_hits.false_hit_rate, Some(0.5));
        // The ranking's recall ignores the threshold: above every score nothing is
        // reported, yet Q1's and Q2's firearms still rank first.
        let above = score(&checks, &run.results, 1.01);
        assert_eq!(above.hits.recall_at_5, Some(0.0));
        assert_eq!(above.hits.ranked_recall_at_1, Some(2.0 / 3.0));
        assert_eq!(above.hits.ranked_recall_at_5, Some(2.0 / 3.0));
        assert_eq!(above.by_kind["typo1"].ranked_recall_at_1, Some(1.0));
        assert_eq!(r.hits.ranked_recall_at_1, r0.hits.ranked_recall_at_1);
        // Operating points: with 2 non-hits, every rate allows none through, so the
        // cutoff is the best non-hit score and both correct first hits beat it.
        assert_eq!(r.operating_points.len(), FALSE_HIT_RATES.len());
        let other_make = run.results[4].as_ref().unwrap()[0].score;
        for p in &r.operating_points {
            assert_eq!(p.score_cutoff, other_make);
            assert_eq!(p.recall_at_1, 2.0 / 3.0);
        }
    }

    #[test]
    fn a_failed_check_is_a_miss() {
        let checks = vec![
            check("Q1", "A?*?", Label::Hit, &["obliterated_one"], &["R1"]),
            check("Q2", "A?*?", Label::NonHit, &["wildcard_nothing"], &[]),
        ];
        let r = evaluate(&index(), &checks, &EvalOptions::default());
        assert_eq!(r.errors, 2);
        assert_eq!(r.hits.recall_at_1, Some(0.0));
        assert_eq!(r.non_hits.false_hit_rate, Some(0.0));
        assert!(r.operating_points.iter().all(|p| p.recall_at_1 == 0.0));
    }

    #[test]
    fn empty_input_has_no_rates() {
        let r = score(&[], &[], 0.5);
        assert_eq!(r.hits.recall_at_1, None);
        assert_eq!(r.non_hits.false_hit_rate, None);
        assert!(r.operating_points.is_empty());
        assert_eq!(r.calibration, Calibration::default());
        assert!(r.to_text().contains("recall@1"));
    }
}
