//! Hit-quality evaluation against labelled checks: recall@1 and recall@5 over true
//! hits, the false-hit rate over non-hits, both by noise kind, and threshold-free recall
//! at fixed false-hit rates. One implementation, used by `eval` and by `demo`.

use std::collections::BTreeMap;

use armsmatch::synth::{Label, Truth};
use armsmatch::{Hit, Result};
use serde::Serialize;

/// Recall or false-hit figures of one group of checks.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Group {
    /// Checks in the group.
    pub checks: u64,
    /// Share of true-hit checks whose correct record is at rank 1 (at the threshold).
    pub recall_at_1: Option<f64>,
    /// Share of true-hit checks whose correct record is in the first five.
    pub recall_at_5: Option<f64>,
    /// Share of non-hit checks with any hit at or above the threshold.
    pub false_hit_rate: Option<f64>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct EvalReport {
    /// Threshold the rates are computed at.
    pub threshold: f32,
    /// Checks evaluated.
    pub checks: u64,
    /// Checks that failed (over a limit, …), counted as misses.
    pub errors: u64,
    /// All true-hit checks.
    pub hits: Group,
    /// All non-hit checks.
    pub non_hits: Group,
    /// By noise kind (a check with two kinds counts under both) and by non-hit kind.
    pub by_kind: BTreeMap<String, Group>,
    /// Recall@1 when the threshold is set to give this false-hit rate (from the
    /// scores, whatever the default threshold): (rate, score cutoff, recall@1).
    pub recall_at_false_hit_rate: Vec<(f64, f32, f64)>,
}

/// Evaluates check results (run with threshold 0 and top ≥ 5, so scores below the
/// threshold are visible) against their labels at `threshold`.
pub fn evaluate(results: &[(Truth, Result<Vec<Hit>>)], threshold: f32) -> EvalReport {
    #[derive(Default)]
    struct Acc {
        n: u64,
        r1: u64,
        r5: u64,
        fh: u64,
        hit: bool,
    }
    let mut all_hits = Acc {
        hit: true,
        ..Acc::default()
    };
    let mut all_non = Acc::default();
    let mut kinds: BTreeMap<String, Acc> = BTreeMap::new();
    let mut errors = 0;
    let mut non_top: Vec<f32> = Vec::new();
    let mut hit_top: Vec<f32> = Vec::new();
    for (truth, res) in results {
        let hits: &[Hit] = match res {
            Ok(h) => h,
            Err(_) => {
                errors += 1;
                &[]
            }
        };
        let kept: Vec<&Hit> = hits.iter().filter(|h| h.score >= threshold).collect();
        let correct = |h: &&Hit| truth.record_ids.contains(&h.record.id);
        match truth.label {
            Label::Hit => {
                let r1 = kept.first().is_some_and(correct);
                let r5 = kept.iter().take(5).any(correct);
                hit_top.push(hits.first().filter(correct).map_or(-1.0, |h| h.score));
                let count = |acc: &mut Acc| {
                    acc.n += 1;
                    acc.r1 += u64::from(r1);
                    acc.r5 += u64::from(r5);
                };
                count(&mut all_hits);
                for k in &truth.noise {
                    count(kinds.entry(k.clone()).or_insert_with(|| Acc {
                        hit: true,
                        ..Acc::default()
                    }));
                }
            }
            Label::NonHit => {
                let fh = !kept.is_empty();
                non_top.push(hits.first().map_or(-1.0, |h| h.score));
                let key = format!("non_hit:{}", truth.noise.join("+"));
                for acc in [&mut all_non, kinds.entry(key).or_default()] {
                    acc.n += 1;
                    acc.fh += u64::from(fh);
                }
            }
        }
    }
    let group = |a: &Acc| {
        let rate = |x: u64| (a.n > 0).then(|| x as f64 / a.n as f64);
        if a.hit {
            Group {
                checks: a.n,
                recall_at_1: rate(a.r1),
                recall_at_5: rate(a.r5),
                false_hit_rate: None,
            }
        } else {
            Group {
                checks: a.n,
                recall_at_1: None,
                recall_at_5: None,
                false_hit_rate: rate(a.fh),
            }
        }
    };
    non_top.sort_by(|a, b| b.total_cmp(a));
    let mut at_rates = Vec::new();
    if !hit_top.is_empty() {
        for rate in [0.001, 0.01, 0.05] {
            // The cutoff lets at most `rate` of the non-hits through.
            let allowed = (rate * non_top.len() as f64).floor() as usize;
            let cutoff = non_top.get(allowed).copied().unwrap_or(-1.0).max(0.0);
            let recall =
                hit_top.iter().filter(|&&s| s > cutoff).count() as f64 / hit_top.len() as f64;
            at_rates.push((rate, cutoff, recall));
        }
    }
    EvalReport {
        threshold,
        checks: results.len() as u64,
        errors,
        hits: group(&all_hits),
        non_hits: group(&all_non),
        by_kind: kinds.iter().map(|(k, a)| (k.clone(), group(a))).collect(),
        recall_at_false_hit_rate: at_rates,
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{:.2}%", 100.0 * v))
}

impl EvalReport {
    /// A text table.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "checks {} (errors {}), threshold {:.2}\n",
            self.checks, self.errors, self.threshold
        ));
        s.push_str(&format!(
            "true hits {:>6}   recall@1 {:>8}   recall@5 {:>8}\n",
            self.hits.checks,
            pct(self.hits.recall_at_1),
            pct(self.hits.recall_at_5)
        ));
        s.push_str(&format!(
            "non-hits  {:>6}   false-hit rate {:>8}\n",
            self.non_hits.checks,
            pct(self.non_hits.false_hit_rate)
        ));
        for (rate, cutoff, recall) in &self.recall_at_false_hit_rate {
            s.push_str(&format!(
                "recall@1 at {:>5.1}% false hits: {:>8} (score cutoff {:.3})\n",
                rate * 100.0,
                pct(Some(*recall)),
                cutoff
            ));
        }
        s.push_str(&format!(
            "\n{:<28} {:>6} {:>9} {:>9} {:>10}\n",
            "kind", "checks", "recall@1", "recall@5", "false-hit"
        ));
        for (k, g) in &self.by_kind {
            s.push_str(&format!(
                "{:<28} {:>6} {:>9} {:>9} {:>10}\n",
                k,
                g.checks,
                pct(g.recall_at_1),
                pct(g.recall_at_5),
                pct(g.false_hit_rate)
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use armsmatch::{CheckOptions, Index, Query, Record};

    #[test]
    fn figures_on_a_known_set() {
        let mut b = Index::builder();
        b.add(Record::new("R1", "AB123456").make("Glock")).unwrap();
        b.add(Record::new("R2", "ZX987654").make("Beretta"))
            .unwrap();
        let index = b.build().unwrap();
        let opts = CheckOptions::default().threshold(0.0).top(5);
        let truth = |label, noise: &str, ids: &[&str]| Truth {
            label,
            noise: vec![noise.to_string()],
            record_ids: ids.iter().map(|s| s.to_string()).collect(),
        };
        let run = |q: &str| index.check(&Query::new(q).make("Glock"), &opts);
        let results = vec![
            (truth(Label::Hit, "exact", &["R1"]), run("AB123456")),
            (truth(Label::Hit, "typo1", &["R1"]), run("AB123465")),
            (truth(Label::Hit, "typo2", &["R2"]), run("QQQQQQQQ")),
            (truth(Label::NonHit, "fresh", &[]), run("MM555555")),
            (truth(Label::NonHit, "other_make", &[]), run("ZX987654")),
        ];
        let r = evaluate(&results, 0.5);
        assert_eq!(r.hits.checks, 3);
        assert_eq!(r.hits.recall_at_1, Some(2.0 / 3.0));
        assert_eq!(r.non_hits.false_hit_rate, Some(0.0));
        assert_eq!(r.by_kind["typo2"].recall_at_5, Some(0.0));
        assert_eq!(r.by_kind["exact"].recall_at_1, Some(1.0));
        assert!(r.to_text().contains("recall@1"));
        // With the threshold at 0 every returned hit counts: the other-make check hits.
        let r = evaluate(&results, 0.0);
        assert_eq!(r.by_kind["non_hit:other_make"].false_hit_rate, Some(1.0));
    }
}
