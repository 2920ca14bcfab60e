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

use fst::raw::{Fst, Node, Output, Transition};

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
    visit: impl FnMut(&[u8], u64, usize) -> bool,
) {
    fuzzy_walk_split(fst, query, k, 0, k, visit);
}

/// Like [`fuzzy_walk`], but only along alignments that spend at most `head_budget`
/// edits in the first `head` columns of the alignment matrix (column `j`: the first `j`
/// query bytes consumed; an edit counts in the column where it is paid). A key is
/// visited if such an alignment within `k` exists; the distance passed to `visit` is
/// the cost of the best such alignment (at least the true distance).
///
/// Why: with `head_budget` 0 the first `head` levels of the walk are a single probed
/// path instead of a fan-out over every byte. Run once over an FST of keys with head
/// `h` and budget `a`, and once, with the query of `n` bytes reversed, over an FST of
/// reversed keys with head `n + 1 − h` and budget `b`, two such walks cover every key
/// within `k` as soon as `a + b ≥ k − 1`: the two heads split the `n + 1` columns
/// between them (an edit paid in forward column `c` is paid in reversed column `n − c`
/// or after, so those the reversed head pays are paid at `c ≥ h` forward), and an
/// alignment that broke both would cost at least `a + b + 2`. [`crate::Index`] does
/// exactly that; the property tests check the union against a brute-force scan.
///
/// ```
/// use armsmatch::raw::fuzzy_walk_split;
/// let map = fst::Map::from_iter([("AB1234", 1u64), ("XB1234", 2)])?;
/// let mut found = Vec::new();
/// // The first two characters must match exactly.
/// fuzzy_walk_split(map.as_fst(), b"AB1233", 1, 2, 0, |_, v, _| { found.push(v); true });
/// assert_eq!(found, vec![1]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fuzzy_walk_split<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    query: &[u8],
    k: usize,
    head: usize,
    head_budget: usize,
    mut visit: impl FnMut(&[u8], u64, usize) -> bool,
) {
    let n = query.len();
    let width = n + 1;
    let max_depth = n + k;
    let cap = (k + 1) as u8;
    let limits: Vec<u8> = (0..width)
        .map(|j| {
            if j < head {
                head_budget.min(k) as u8
            } else {
                k as u8
            }
        })
        .collect();
    let mut walk = FuzzyWalk {
        fst,
        query,
        k: k as u8,
        cap,
        width,
        max_depth,
        limits,
        rows: vec![cap; (max_depth + 2) * width],
        path: Vec::with_capacity(max_depth + 1),
    };
    for j in 0..width.min(k + 1) {
        if j as u8 <= walk.limits[j] {
            walk.rows[j] = j as u8;
        }
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
    /// Highest cost a cell of column `j` may have and stay alive.
    limits: Vec<u8>,
    /// Row `d` (at `d * width`) holds the OSA distances of the first `d` key bytes to
    /// every prefix of the query, saturated at `k + 1` (dead). Only the band
    /// `|d − j| ≤ k` is ever written: a cell outside it is more than `k` by
    /// construction, and keeps the cap it was initialized with.
    rows: Vec<u8>,
    path: Vec<u8>,
}

impl<D: AsRef<[u8]>> FuzzyWalk<'_, D> {
    /// The band of query positions `j` whose cell in row `d` can be within `k`.
    fn band(&self, d: usize) -> (usize, usize) {
        let k = self.k as usize;
        (d.saturating_sub(k), (d + k).min(self.query.len()))
    }

    fn descend(
        &mut self,
        node: &Node<'_>,
        depth: usize,
        out: Output,
        visit: &mut impl FnMut(&[u8], u64, usize) -> bool,
    ) -> bool {
        let n = self.query.len();
        let w = self.width;
        let last = self.rows[depth * w + n];
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
        // Which next bytes can keep some cell of the next row alive? Any byte, if an
        // insertion or a substitution still fits a column's limit; otherwise only the
        // bytes that continue a zero-cost diagonal or complete a transposition.
        let (lo, hi) = self.band(depth + 1);
        let cur = depth * w;
        let mut any = false;
        // At most two bytes per cell of the band (diagonal, transposition).
        let mut probe = [0u8; 2 * (crate::limits::MAX_EDITS as usize * 2 + 2)];
        let mut probes = 0;
        let add = |c: u8, probe: &mut [u8], probes: &mut usize| {
            if !probe[..*probes].contains(&c) && *probes < probe.len() {
                probe[*probes] = c;
                *probes += 1;
            }
        };
        for j in lo..=hi {
            let lim = self.limits[j];
            let here = self.rows[cur + j];
            if here < lim || (j >= 1 && self.rows[cur + j - 1] < lim) {
                any = true;
                break;
            }
            if j >= 1 && self.rows[cur + j - 1] <= lim {
                add(self.query[j - 1], &mut probe, &mut probes);
            }
            if depth >= 1
                && j >= 2
                && self.rows[(depth - 1) * w + j - 2] < lim
                && self.path[depth - 1] == self.query[j - 1]
            {
                add(self.query[j - 2], &mut probe, &mut probes);
            }
        }
        // The children this node will step into are asked for from memory first
        // ([`prefetch`]): at a fan-out every child lives.
        if any || probes == probe.len() {
            // Each transition decoded once: a chunk of them read and their nodes asked
            // for, then stepped into.
            let data = self.fst.as_bytes();
            let mut chunk = [Transition::default(); FAN_CHUNK];
            let mut start = 0;
            while start < node.len() {
                let end = (start + FAN_CHUNK).min(node.len());
                for (slot, i) in chunk.iter_mut().zip(start..end) {
                    *slot = node.transition(i);
                    prefetch(data, slot.addr);
                }
                for t in &chunk[..end - start] {
                    if !self.step(t.inp, t.addr, out.cat(t.out), depth, visit) {
                        return false;
                    }
                }
                start = end;
            }
        } else {
            // Byte order keeps the walk in key order.
            probe[..probes].sort_unstable();
            let mut found = [0usize; 2 * (crate::limits::MAX_EDITS as usize * 2 + 2)];
            let mut n_found = 0;
            let data = self.fst.as_bytes();
            for &c in &probe[..probes] {
                if let Some(i) = node.find_input(c) {
                    prefetch(data, node.transition_addr(i));
                    found[n_found] = i;
                    n_found += 1;
                }
            }
            for &i in &found[..n_found] {
                let t = node.transition(i);
                if !self.step(t.inp, t.addr, out.cat(t.out), depth, visit) {
                    return false;
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
        let w = self.width;
        let (cur, next) = (depth * w, (depth + 1) * w);
        let (lo, hi) = self.band(depth + 1);
        let mut live = false;
        if lo == 0 {
            let first = (depth + 1) as u8;
            let first = if first <= self.limits[0] {
                first
            } else {
                self.cap
            };
            self.rows[next] = first;
            live |= first <= self.k;
        }
        for j in lo.max(1)..=hi {
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
            let v = if v <= self.limits[j] { v } else { self.cap };
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

/// Asks the processor to start loading the node at `addr` into the cache, so that the
/// children a walk is about to visit come from memory together instead of one miss
/// after the other: 3/4 of [`Node::new`]'s time was the load of a node's first byte on
/// a 1.5 M-record index. Measured (default checks, binaries alternated, same hits):
/// 7–9 % less time on one thread on independent seed 23, 3–8 % on two threads on three
/// generators' registers; a plain read of the byte instead (safe code) gained 0–5 %. In
/// the wildcard walk, at a `?` or `*`: partial serials (`?` ×1–3 in registered
/// serials, own seed 7) 6–7 % less time. The index's scoring loop asks for its
/// candidates' serials and rows so too (`Segment::prefetch_serial`). Elsewhere than
/// x86-64, nothing.
#[inline(always)]
pub(crate) fn prefetch(data: &[u8], addr: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(b) = data.get(addr) {
        #[allow(unsafe_code)]
        // SAFETY: `_mm_prefetch` needs SSE, which every x86-64 processor has (it is in
        // the target's baseline features); a prefetch only hints the cache, it never
        // faults nor changes memory, and the pointer is to a byte of `data` anyway.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                (b as *const u8).cast::<i8>(),
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (data, addr);
}

/// Transitions of a fan-out that the fuzzy walk decodes (and whose nodes it asks for)
/// before stepping into them, so that each is decoded once (it was twice: 10 % of a
/// default check's time went to decoding transition addresses), with a small stack
/// frame per level of the walk. Measured on default checks at 1.5 M records (own
/// seed 42, one thread, same run): 16 and 40 both +2–4 %, 16 a hair ahead.
const FAN_CHUNK: usize = 16;

/// Most keys [`get_many`] walks side by side; more are taken in turns of this many.
const LOCKSTEP: usize = 8;

/// The value of each of `keys` in `fst` (what [`Fst::get`] gives), passed to `found`
/// with the key's position in `keys`, in the order of `keys`; absent keys are skipped.
/// The keys are walked side by side, one byte of each per round, and each round asks
/// for all of their next nodes from memory before reading any ([`prefetch`]): on a
/// large index every node is a cache miss, and one check looks up several keys (its
/// key, its skeleton's other spellings), whose misses then overlap instead of
/// following one another.
pub(crate) fn get_many<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    keys: &[&[u8]],
    mut found: impl FnMut(usize, u64),
) {
    let data = fst.as_bytes();
    for (chunk, group) in keys.chunks(LOCKSTEP).enumerate() {
        let root = fst.root().addr();
        // Per key: the node to read next, the output so far, and whether it is still
        // on a path of the FST.
        let mut at = [root; LOCKSTEP];
        let mut out = [Output::zero(); LOCKSTEP];
        let mut live = [false; LOCKSTEP];
        live[..group.len()].fill(true);
        let mut values: [Option<u64>; LOCKSTEP] = [None; LOCKSTEP];
        let mut depth = 0;
        while live.iter().any(|&l| l) {
            for (i, key) in group.iter().enumerate() {
                if !live[i] {
                    continue;
                }
                let node = fst.node(at[i]);
                match key.get(depth) {
                    None => {
                        if node.is_final() {
                            values[i] = Some(out[i].cat(node.final_output()).value());
                        }
                        live[i] = false;
                    }
                    Some(&b) => match node.find_input(b) {
                        Some(t) => {
                            let t = node.transition(t);
                            out[i] = out[i].cat(t.out);
                            at[i] = t.addr;
                            prefetch(data, t.addr);
                        }
                        None => live[i] = false,
                    },
                }
            }
            depth += 1;
        }
        for (i, v) in values[..group.len()].iter().enumerate() {
            if let Some(v) = v {
                found(chunk * LOCKSTEP + i, *v);
            }
        }
    }
}

/// The key of `value` in `fst`, appended to `key` (what [`Fst::get_key_into`] does),
/// false if no key has it. For a map whose values rise with its keys (record numbers
/// given in key order), the outputs of a node's transitions rise with their bytes, so
/// the transition to follow, the last whose output is at most what is left of
/// `value`, is found by bisection instead of decoding the transitions before it in
/// turn (2.2 transitions decoded per node on average instead of about half a node's).
pub(crate) fn key_of_value<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    mut value: u64,
    key: &mut Vec<u8>,
) -> bool {
    let mut node = fst.root();
    while value != 0 || !node.is_final() {
        let (mut lo, mut hi) = (0, node.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if node.transition(mid).out.value() <= value {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let Some(i) = lo.checked_sub(1) else {
            return false;
        };
        let t = node.transition(i);
        value -= t.out.value();
        key.push(t.inp);
        node = fst.node(t.addr);
    }
    true
}

/// [`prefetch`] of every child of `node`, before a walk steps into the first.
fn prefetch_children(data: &[u8], node: &Node<'_>) {
    for i in 0..node.len() {
        prefetch(data, node.transition_addr(i));
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

    /// The same pattern read backwards (for an FST of reversed keys).
    ///
    /// ```
    /// use armsmatch::raw::Pattern;
    /// assert!(Pattern::parse(b"*4471")?.reversed().matches(b"1744AB"));
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn reversed(&self) -> Pattern {
        Pattern {
            tokens: self.tokens.iter().rev().copied().collect(),
        }
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
        // The bytes already followed, as a bit set (not a 256-byte array cleared at
        // every node).
        let mut tried = [0u64; 4];
        for (i, t) in pattern.tokens.iter().enumerate() {
            if let Token::Literal(c) = *t {
                let (word, bit) = (usize::from(c >> 6), 1u64 << (c & 63));
                if states & (1 << i) != 0 && tried[word] & bit == 0 {
                    tried[word] |= bit;
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
        // At a wildcard every child may match: asked for from memory first.
        prefetch_children(fst.as_bytes(), node);
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
        /// Keys looked up side by side get what one `get` each gets, in order.
        #[test]
        fn get_many_equals_get(
            keys in keys_strategy(),
            probes in prop::collection::vec(prop::collection::vec(b'0'..=b'4', 0..8), 0..20),
        ) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            // Registered keys among the probes too, so that most are found.
            let probes: Vec<&[u8]> = probes
                .iter()
                .map(Vec::as_slice)
                .chain(keys.iter().step_by(3).map(Vec::as_slice))
                .collect();
            let mut ours = Vec::new();
            get_many(map.as_fst(), &probes, |i, v| ours.push((i, v)));
            let theirs: Vec<(usize, u64)> = probes
                .iter()
                .enumerate()
                .filter_map(|(i, p)| map.get(p).map(|v| (i, v)))
                .collect();
            prop_assert_eq!(ours, theirs);
        }

        /// The bisecting reverse lookup finds what the fst crate's linear one finds, for
        /// every value of a map numbered in key order (as the id FST is) and past it.
        #[test]
        fn key_of_value_equals_get_key(
            keys in prop_oneof![
                keys_strategy(),
                // Wide nodes (up to 75 transitions), where bisection differs most.
                prop::collection::btree_set(prop::collection::vec(b'0'..=b'z', 0..5), 0..400)
                    .prop_map(|s| s.into_iter().collect()),
            ],
            extra in 0u64..5,
        ) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            for v in 0..keys.len() as u64 + extra {
                let (mut ours, mut theirs) = (Vec::new(), Vec::new());
                let found = key_of_value(map.as_fst(), v, &mut ours);
                prop_assert_eq!(found, map.as_fst().get_key_into(v, &mut theirs));
                if found {
                    prop_assert_eq!(&ours, &theirs);
                    prop_assert_eq!(&ours, &keys[v as usize]);
                }
            }
        }

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
        fn split_walks_cover_every_key(
            keys in keys_strategy(),
            q in prop::collection::vec(b'0'..=b'4', 0..9),
            k in 0usize..=3,
            head in 0usize..9,
        ) {
            // Forward walk with head budget a, reversed walk with b, a + b = k − 1.
            let fwd = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            let mut rev_keys: Vec<(Vec<u8>, u64)> = keys.iter().enumerate()
                .map(|(i, k)| (k.iter().rev().copied().collect(), i as u64)).collect();
            rev_keys.sort();
            let rev = fst::Map::from_iter(rev_keys).unwrap();
            let head = head.min(q.len());
            let a = k.saturating_sub(1) / 2;
            let b = k.saturating_sub(1) - a;
            let mut got = std::collections::BTreeSet::new();
            fuzzy_walk_split(fwd.as_fst(), &q, k, head, a, |_, v, _| { got.insert(v); true });
            let rq: Vec<u8> = q.iter().rev().copied().collect();
            fuzzy_walk_split(rev.as_fst(), &rq, k, q.len() + 1 - head, b, |_, v, _| { got.insert(v); true });
            let want: std::collections::BTreeSet<u64> = keys.iter().enumerate()
                .filter(|(_, key)| osa_distance(key, &q) <= k).map(|(i, _)| i as u64).collect();
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
