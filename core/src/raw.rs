//! The automaton plumbing under [`crate::Index`]: walks over an [`fst::raw::Fst`] for
//! fuzzy (optimal string alignment) and wildcard keys. Power users can run these
//! walks over their own FSTs.
//!
//! Both walks are depth-first over the FST's nodes. They keep the automaton state per
//! depth and, whenever the state allows only a few next bytes (the edit budget is
//! spent, or the pattern's next token is a literal), they probe those bytes with
//! [`fst::raw::Node::find_input`] instead of decoding every transition of the node.
//!
//! ```
//! use armsmatch::raw::{fuzzy_walk, wildcard_walk, Pattern};
//! let map = fst::Map::from_iter([("AB1234", 1u64), ("AB1243", 2), ("ZZ9999", 3)])?;
//! let mut found = Vec::new();
//! fuzzy_walk(map.as_fst(), b"AB1234", 1, |key, value, dist| { found.push((key.to_vec(), value, dist)); true });
//! assert_eq!(found.len(), 2);
//! let mut found = Vec::new();
//! let p = Pattern::parse(b"AB12*")?;
//! wildcard_walk(map.as_fst(), &p, |_key, value| { found.push(value); true });
//! assert_eq!(found, vec![1, 2]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use fst::raw::{Fst, Node, Output};

use crate::error::{Error, Result};
use crate::limits;

/// Walks every key of `fst` within OSA distance `k` of `query`, calling
/// `visit(key, value, distance)` once per key, in key order, until `visit` returns
/// `false`.
///
/// Recall is exact: every key within `k` is visited (tested against a brute-force scan).
pub fn fuzzy_walk<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    query: &[u8],
    k: usize,
    mut visit: impl FnMut(&[u8], u64, usize) -> bool,
) {
    let n = query.len();
    let width = n + 1;
    let max_depth = n + k;
    let cap = (k + 1) as u8;
    let mut walk = FuzzyWalk {
        fst,
        query,
        k: k as u8,
        cap,
        width,
        max_depth,
        rows: vec![cap; (max_depth + 2) * width],
        path: Vec::with_capacity(max_depth + 1),
    };
    for j in 0..width {
        walk.rows[j] = (j as u8).min(cap);
    }
    let _ = walk.descend(&fst.root(), 0, Output::zero(), &mut visit);
}

struct FuzzyWalk<'a, D: AsRef<[u8]>> {
    fst: &'a Fst<D>,
    query: &'a [u8],
    k: u8,
    cap: u8,
    width: usize,
    max_depth: usize,
    /// Row `d` (at `d * width`) holds the OSA distances of the first `d` key bytes to
    /// every prefix of the query, saturated at `k + 1`.
    rows: Vec<u8>,
    path: Vec<u8>,
}

impl<D: AsRef<[u8]>> FuzzyWalk<'_, D> {
    fn row(&self, d: usize) -> &[u8] {
        &self.rows[d * self.width..(d + 1) * self.width]
    }

    fn descend(
        &mut self,
        node: &Node<'_>,
        depth: usize,
        out: Output,
        visit: &mut impl FnMut(&[u8], u64, usize) -> bool,
    ) -> bool {
        let n = self.query.len();
        let last = self.rows[depth * self.width + n];
        if node.is_final()
            && last <= self.k
            && !visit(
                &self.path,
                out.cat(node.final_output()).value(),
                last as usize,
            )
        {
            return false;
        }
        if depth >= self.max_depth {
            return true;
        }
        let row_min = self.row(depth).iter().copied().min().unwrap_or(self.cap);
        let prev_min = if depth >= 1 {
            self.row(depth - 1)
                .iter()
                .copied()
                .min()
                .unwrap_or(self.cap)
        } else {
            self.cap
        };
        if row_min < self.k || prev_min < self.k {
            // Budget left: any byte may be an insertion or a substitution.
            for t in node.transitions() {
                if !self.step(t.inp, t.addr, out.cat(t.out), depth, visit) {
                    return false;
                }
            }
        } else {
            // Budget spent: only a byte that continues a zero-cost diagonal keeps a cell
            // within k. Probe those bytes only.
            let mut tried = [false; 256];
            for j in 1..=n {
                if self.rows[depth * self.width + j - 1] <= self.k {
                    let c = self.query[j - 1];
                    if !tried[c as usize] {
                        tried[c as usize] = true;
                        if let Some(i) = node.find_input(c) {
                            let t = node.transition(i);
                            if !self.step(t.inp, t.addr, out.cat(t.out), depth, visit) {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        true
    }

    fn step(
        &mut self,
        c: u8,
        addr: fst::raw::CompiledAddr,
        out: Output,
        depth: usize,
        visit: &mut impl FnMut(&[u8], u64, usize) -> bool,
    ) -> bool {
        let n = self.query.len();
        let w = self.width;
        let (cur, next) = (depth * w, (depth + 1) * w);
        let mut live = false;
        let first = ((depth + 1) as u8).min(self.cap);
        self.rows[next] = first;
        live |= first <= self.k;
        for j in 1..=n {
            let sub = u8::from(self.query[j - 1] != c);
            let mut v = (self.rows[cur + j] + 1)
                .min(self.rows[next + j - 1] + 1)
                .min(self.rows[cur + j - 1] + sub);
            if depth >= 1
                && j >= 2
                && c == self.query[j - 2]
                && self.path[depth - 1] == self.query[j - 1]
            {
                v = v.min(self.rows[(depth - 1) * w + j - 2] + 1);
            }
            let v = v.min(self.cap);
            self.rows[next + j] = v;
            live |= v <= self.k;
        }
        if live {
            self.path.push(c);
            let node = self.fst.node(addr);
            let go_on = self.descend(&node, depth + 1, out, visit);
            self.path.pop();
            return go_on;
        }
        true
    }
}

/// One token of a wildcard [`Pattern`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// This byte.
    Literal(u8),
    /// `?`: exactly one byte.
    One,
    /// `*`: any run of bytes, possibly empty.
    Any,
}

/// A wildcard pattern over key bytes: `?` is one unknown character, `*` any run.
///
/// ```
/// use armsmatch::raw::Pattern;
/// let p = Pattern::parse(b"AB?1**4")?;
/// assert_eq!(p.known(), 4);
/// assert!(p.matches(b"ABX14") && p.matches(b"ABX1994") && !p.matches(b"AB14"));
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    tokens: Vec<Token>,
}

impl Pattern {
    /// Parses `?` and `*` (runs of `*` collapse into one). At most
    /// [`limits::MAX_PATTERN_TOKENS`] tokens.
    pub fn parse(pattern: &[u8]) -> Result<Pattern> {
        let mut tokens = Vec::with_capacity(pattern.len());
        for &b in pattern {
            let t = match b {
                b'?' => Token::One,
                b'*' => Token::Any,
                _ => Token::Literal(b),
            };
            if t == Token::Any && tokens.last() == Some(&Token::Any) {
                continue;
            }
            tokens.push(t);
        }
        if tokens.len() > limits::MAX_PATTERN_TOKENS {
            return Err(Error::limit(
                "serial pattern length",
                limits::MAX_PATTERN_TOKENS,
                tokens.len(),
            ));
        }
        Ok(Pattern { tokens })
    }

    /// The tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Number of literal (known) characters.
    pub fn known(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t, Token::Literal(_)))
            .count()
    }

    /// Number of `?` and `*` tokens.
    pub fn wildcards(&self) -> usize {
        self.tokens.len() - self.known()
    }

    /// True if the pattern has a wildcard.
    pub fn is_partial(&self) -> bool {
        self.wildcards() > 0
    }

    fn closure(&self, mut states: u64) -> u64 {
        // `*` at position i lets the automaton skip to i + 1 without input; chains of
        // tokens are short (≤ 64), so iterate to a fixed point.
        loop {
            let mut next = states;
            for (i, t) in self.tokens.iter().enumerate() {
                if *t == Token::Any && states & (1 << i) != 0 {
                    next |= 1 << (i + 1);
                }
            }
            if next == states {
                return states;
            }
            states = next;
        }
    }

    fn start(&self) -> u64 {
        self.closure(1)
    }

    fn step(&self, states: u64, c: u8) -> u64 {
        let mut next = 0u64;
        for (i, t) in self.tokens.iter().enumerate() {
            if states & (1 << i) == 0 {
                continue;
            }
            match *t {
                Token::Literal(x) if x == c => next |= 1 << (i + 1),
                Token::Literal(_) => {}
                Token::One => next |= 1 << (i + 1),
                Token::Any => next |= 1 << i,
            }
        }
        self.closure(next)
    }

    fn accepts(&self, states: u64) -> bool {
        states & (1 << self.tokens.len()) != 0
    }

    /// True if the whole of `key` matches the pattern.
    pub fn matches(&self, key: &[u8]) -> bool {
        let mut s = self.start();
        for &c in key {
            s = self.step(s, c);
            if s == 0 {
                return false;
            }
        }
        self.accepts(s)
    }
}

/// Walks every key of `fst` that matches `pattern`, calling `visit(key, value)` in key
/// order until it returns `false`.
pub fn wildcard_walk<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    pattern: &Pattern,
    mut visit: impl FnMut(&[u8], u64) -> bool,
) {
    let mut path = Vec::new();
    let _ = wild_descend(
        fst,
        pattern,
        &fst.root(),
        pattern.start(),
        Output::zero(),
        &mut path,
        &mut visit,
    );
}

fn wild_descend<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    pattern: &Pattern,
    node: &Node<'_>,
    states: u64,
    out: Output,
    path: &mut Vec<u8>,
    visit: &mut impl FnMut(&[u8], u64) -> bool,
) -> bool {
    if node.is_final()
        && pattern.accepts(states)
        && !visit(path, out.cat(node.final_output()).value())
    {
        return false;
    }
    let only_literals = pattern
        .tokens
        .iter()
        .enumerate()
        .all(|(i, t)| states & (1 << i) == 0 || matches!(t, Token::Literal(_)));
    let mut go = |c: u8, addr, o: Output, path: &mut Vec<u8>| {
        let next = pattern.step(states, c);
        if next != 0 {
            path.push(c);
            let go_on = wild_descend(fst, pattern, &fst.node(addr), next, out.cat(o), path, visit);
            path.pop();
            return go_on;
        }
        true
    };
    if only_literals {
        let mut tried = [false; 256];
        for (i, t) in pattern.tokens.iter().enumerate() {
            if let Token::Literal(c) = *t {
                if states & (1 << i) != 0 && !tried[c as usize] {
                    tried[c as usize] = true;
                    if let Some(ti) = node.find_input(c) {
                        let tr = node.transition(ti);
                        if !go(tr.inp, tr.addr, tr.out, path) {
                            return false;
                        }
                    }
                }
            }
        }
    } else {
        for tr in node.transitions() {
            if !go(tr.inp, tr.addr, tr.out, path) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance::osa_distance;
    use proptest::prelude::*;

    fn keys_strategy() -> impl Strategy<Value = Vec<Vec<u8>>> {
        prop::collection::btree_set(prop::collection::vec(b'0'..=b'4', 0..8), 0..60)
            .prop_map(|s| s.into_iter().collect())
    }

    proptest! {
        #[test]
        fn fuzzy_walk_equals_brute_force(
            keys in keys_strategy(),
            q in prop::collection::vec(b'0'..=b'4', 0..8),
            k in 0usize..=3,
        ) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            let mut got = Vec::new();
            fuzzy_walk(map.as_fst(), &q, k, |key, v, d| { got.push((key.to_vec(), v, d)); true });
            let want: Vec<_> = keys.iter().enumerate().filter_map(|(i, key)| {
                let d = osa_distance(key, &q);
                (d <= k).then(|| (key.clone(), i as u64, d))
            }).collect();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn wildcard_walk_equals_brute_force(
            keys in keys_strategy(),
            p in prop::collection::vec(prop::sample::select(vec![b'0', b'1', b'2', b'?', b'*']), 0..7),
        ) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            let pat = Pattern::parse(&p).unwrap();
            let mut got = Vec::new();
            wildcard_walk(map.as_fst(), &pat, |_, v| { got.push(v); true });
            let want: Vec<u64> = keys.iter().enumerate()
                .filter(|(_, key)| glob(&p, key)).map(|(i, _)| i as u64).collect();
            prop_assert_eq!(got, want);
        }
    }

    /// Plain recursive glob, the oracle for the automaton.
    fn glob(p: &[u8], s: &[u8]) -> bool {
        match (p.first(), s.first()) {
            (None, None) => true,
            (Some(b'*'), _) => glob(&p[1..], s) || (!s.is_empty() && glob(p, &s[1..])),
            (Some(b'?'), Some(_)) => glob(&p[1..], &s[1..]),
            (Some(a), Some(b)) if a == b => glob(&p[1..], &s[1..]),
            _ => false,
        }
    }

    #[test]
    fn pattern_limits() {
        assert!(Pattern::parse(&[b'?'; 100]).is_err());
        assert_eq!(Pattern::parse(b"***").unwrap().tokens().len(), 1);
    }
}
