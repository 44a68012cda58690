//! Duplicate finder — CAD-5 (seed 001, registration: "cadastro duplicado").
//!
//! Given a set of records, find the likely duplicates of one record
//! ([`DuplicateIndex::candidates_for`]) or every likely duplicate pair
//! ([`DuplicateIndex::all_candidates`]), each with a score and the fields that
//! matched, in the order `document`, `email`, `phone`, `name`:
//!
//! - `document`: the same CPF/CNPJ ([`document_key`](crate::identifiers::document_key));
//! - `email`: any same e-mail ([`normalize_email`](crate::identifiers::normalize_email));
//! - `phone`: any same E.164 phone ([`normalize_phone`](crate::identifiers::normalize_phone));
//! - `name`: Jaro-Winkler similarity ≥ `policy.duplicates.name_similarity` between name
//!   keys (search key without `name_particles`, tokens sorted).
//!
//! Score = sum of the `weights` of the matched fields, capped at 1.0; a pair is a
//! candidate when its score is ≥ `threshold` and at least one field matched. Invalid
//! documents, e-mails and phones are no keys.
//!
//! **Never every pair.** Pairs are only compared inside blocks: one exact block per
//! document, e-mail and phone, and name blocks (see `keys.rs`: the prefix and suffix of
//! the tokens, in pairs). Blocks bigger than [`MAX_EXACT_BLOCK`] / [`MAX_NAME_BLOCK`]
//! are skipped: a phone shared by thousands of records is a switchboard, and
//! "silva"+"santos" names say nothing; a pair that shares only such blocks is not
//! found (its shared fields still count when it meets through another block). Name
//! blocks are only used when a name alone can reach the threshold
//! (`min(weights.name, 1) ≥ threshold`); otherwise every candidate shares an exact key
//! and the name blocks could add nothing (the seed policy: 0.3 < 0.5).
//!
//! Building normalises every record (on several threads for big inputs, see
//! `derive_keys`) and sorts one `(block hash, record)` array per kind (16 bytes per
//! key), so the index of 1 000 000 records costs about the records' own keys plus
//! 100 MB. [`DuplicateIndex::candidates_for`] is a binary search per key of the record
//! plus the comparisons inside its blocks; [`DuplicateIndex::all_candidates`] is one
//! sequential pass over the sorted blocks. Results never depend on the order of the
//! input records. Figures for 1 000 000 records are in `BENCHMARKS.md`.
//!
//! ```
//! use crm_rules::duplicates::{DuplicateIndex, DuplicateRecord};
//! use crm_rules::DuplicatesPolicy;
//! let records: Vec<DuplicateRecord> = serde_json::from_value(serde_json::json!([
//!     {"id": "a", "name": "João da Silva", "phones": ["(11) 98765-4321"]},
//!     {"id": "b", "name": "Silva Joao", "phones": ["+55 11 987654321"]},
//!     {"id": "c", "name": "Maria Souza", "phones": ["+55 11 987654321"]},
//! ])).unwrap();
//! let index = DuplicateIndex::build(&records, &DuplicatesPolicy::default());
//! let pairs = index.all_candidates();
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("a", "b"));
//! assert_eq!(pairs[0].matched, ["phone", "name"]);
//! assert!((pairs[0].score - 0.6).abs() < 1e-9);
//! ```

mod keys;
mod similarity;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::DuplicatesPolicy;
use keys::Keys;

/// Exact blocks (one document, e-mail or phone) with more records than this are
/// skipped when looking for pairs: a key shared by so many accounts (an accountant's
/// e-mail, a switchboard) is not an identity, and comparing all its pairs would be
/// quadratic.
pub const MAX_EXACT_BLOCK: usize = 1_000;

/// Name blocks with more records than this are skipped: the pair of common name parts
/// ("sil"+"san") says nothing and would be quadratic. Each record is compared with at
/// most this many records per name block.
pub const MAX_NAME_BLOCK: usize = 200;

/// A record to look for duplicates among (CAD-5).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateRecord {
    /// Record id; a record is never its own duplicate.
    pub id: String,
    /// Name (razão social or person's name), any spelling.
    #[serde(default)]
    pub name: String,
    /// CPF or CNPJ, with or without the mask.
    #[serde(default)]
    pub document: Option<String>,
    /// E-mail addresses, any case.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Phone numbers, any Brazilian spelling.
    #[serde(default)]
    pub phones: Vec<String>,
}

/// A likely duplicate of the record asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Id of the indexed record.
    pub id: String,
    /// Sum of the weights of the matched fields, capped at 1.0.
    pub score: f64,
    /// Matched fields, in the order `document`, `email`, `phone`, `name`.
    pub matched: Vec<String>,
}

/// A likely duplicate pair among the indexed records; `a < b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidatePair {
    /// The smaller id.
    pub a: String,
    /// The greater id.
    pub b: String,
    /// Sum of the weights of the matched fields, capped at 1.0.
    pub score: f64,
    /// Matched fields, in the order `document`, `email`, `phone`, `name`.
    pub matched: Vec<String>,
}

/// Matched-field bits, in output order.
const DOCUMENT: u8 = 1;
const EMAIL: u8 = 2;
const PHONE: u8 = 4;
const NAME: u8 = 8;
const FIELDS: [(u8, &str); 4] = [(DOCUMENT, "document"), (EMAIL, "email"), (PHONE, "phone"), (NAME, "name")];

/// A score and its matched-field bits.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Score {
    value: f64,
    fields: u8,
}

impl Score {
    /// The better of two scores of the same pair (met twice under one id): higher
    /// score, then more fields, then the fields' bits. Total, so the result never
    /// depends on input order.
    fn better(self, other: Score) -> Score {
        let order = self
            .value
            .total_cmp(&other.value)
            .then(self.fields.count_ones().cmp(&other.fields.count_ones()))
            .then(self.fields.cmp(&other.fields));
        match order {
            std::cmp::Ordering::Less => other,
            _ => self,
        }
    }

    fn matched(self) -> Vec<String> {
        FIELDS.iter().filter(|(bit, _)| self.fields & bit != 0).map(|(_, name)| (*name).to_owned()).collect()
    }
}

/// Records indexed by their exact keys and name blocks (CAD-5).
#[derive(Debug, Clone)]
pub struct DuplicateIndex {
    policy: DuplicatesPolicy,
    /// Particles as search keys.
    particles: Vec<String>,
    records: Vec<Keys>,
    /// `(block hash, record)` of the document, e-mail and phone blocks, sorted.
    exact: Vec<(u64, u32)>,
    /// `(block hash, record)` of the name blocks, sorted; empty when not used.
    names: Vec<(u64, u32)>,
    use_name_blocks: bool,
}

impl DuplicateIndex {
    /// Indexes `records` under `policy`. Invalid phones, e-mails and documents are
    /// simply not keys. Records beyond `u32::MAX` are not indexed.
    pub fn build(records: &[DuplicateRecord], policy: &DuplicatesPolicy) -> DuplicateIndex {
        let particles: Vec<String> = policy.name_particles.iter().map(|p| crate::identifiers::search_key(p)).collect();
        let keys = derive_keys(records.get(..u32::MAX as usize).unwrap_or(records), &particles);
        let use_name_blocks = policy.weights.name.min(1.0) >= policy.threshold;
        let mut exact = Vec::with_capacity(keys.len() * 3);
        let mut names = Vec::new();
        let mut buf = Vec::new();
        for (i, k) in (0u32..).zip(keys.iter()) {
            buf.clear();
            k.exact_blocks(&mut buf);
            exact.extend(buf.iter().map(|h| (*h, i)));
            if use_name_blocks {
                buf.clear();
                k.name_blocks(&mut buf);
                names.extend(buf.iter().map(|h| (*h, i)));
            }
        }
        crate::sort::sort(&mut exact);
        crate::sort::sort(&mut names);
        DuplicateIndex { policy: policy.clone(), particles, records: keys, exact, names, use_name_blocks }
    }

    /// Number of indexed records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no record is indexed.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The likely duplicates of `record` among the indexed records (an indexed record
    /// with the same id excluded), sorted by score (highest first), then id.
    pub fn candidates_for(&self, record: &DuplicateRecord) -> Vec<Candidate> {
        let keys = Keys::new(record, &self.particles);
        let mut near = Vec::new();
        self.neighbours(&keys, &mut near);
        let mut best: BTreeMap<&str, Score> = BTreeMap::new();
        for j in near {
            let Some(other) = self.records.get(j as usize) else { continue };
            if other.id == keys.id {
                continue;
            }
            if let Some(s) = self.score(&keys, other) {
                best.entry(other.id.as_str()).and_modify(|b| *b = b.better(s)).or_insert(s);
            }
        }
        let mut out: Vec<Candidate> = best
            .into_iter()
            .map(|(id, s)| Candidate { id: id.to_owned(), score: s.value, matched: s.matched() })
            .collect();
        crate::sort::sort_by(&mut out, |x, y| y.score.total_cmp(&x.score).then_with(|| x.id.cmp(&y.id)));
        out
    }

    /// Every likely duplicate pair among the indexed records, `a < b`, sorted by score
    /// (highest first), then `a`, then `b`.
    ///
    /// One sequential pass over the sorted blocks: every pair inside a block (within
    /// the caps) is scored, so the cost is the sum of the squared block sizes, never
    /// the square of the number of records.
    pub fn all_candidates(&self) -> Vec<CandidatePair> {
        let mut found: Vec<(u32, u32, Score)> = Vec::new();
        self.score_blocks(&self.exact, MAX_EXACT_BLOCK, &mut found);
        if self.use_name_blocks {
            self.score_blocks(&self.names, MAX_NAME_BLOCK, &mut found);
        }
        // A pair met in several blocks: once (its score depends only on the pair).
        crate::sort::sort_by_key(&mut found, |&(i, j, _)| (i, j));
        found.dedup_by_key(|&mut (i, j, _)| (i, j));
        let mut named: Vec<(&str, &str, Score)> = found
            .into_iter()
            .filter_map(|(i, j, s)| {
                let a = self.records.get(i as usize)?.id.as_str();
                let b = self.records.get(j as usize)?.id.as_str();
                Some(if a < b { (a, b, s) } else { (b, a, s) })
            })
            .collect();
        // The same pair of ids met through several records: keep the better score.
        crate::sort::sort_by(&mut named, |x, y| (x.0, x.1).cmp(&(y.0, y.1)));
        let mut pairs: Vec<(&str, &str, Score)> = Vec::with_capacity(named.len());
        for (a, b, s) in named {
            match pairs.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 = last.2.better(s),
                _ => pairs.push((a, b, s)),
            }
        }
        crate::sort::sort_by(&mut pairs, |x, y| {
            y.2.value.total_cmp(&x.2.value).then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
        });
        pairs
            .into_iter()
            .map(|(a, b, s)| CandidatePair { a: a.to_owned(), b: b.to_owned(), score: s.value, matched: s.matched() })
            .collect()
    }

    /// Scores every pair of records inside each block of the sorted `blocks` that has
    /// 2..=`cap` records, and appends the candidates as `(i, j, score)` with `i < j`.
    fn score_blocks(&self, blocks: &[(u64, u32)], cap: usize, out: &mut Vec<(u32, u32, Score)>) {
        for block in blocks.chunk_by(|x, y| x.0 == y.0) {
            if block.len() < 2 || block.len() > cap {
                continue;
            }
            for (k, &(_, i)) in block.iter().enumerate() {
                let Some(a) = self.records.get(i as usize) else { continue };
                for &(_, j) in block.iter().skip(k + 1) {
                    let Some(b) = self.records.get(j as usize) else { continue };
                    if a.id == b.id {
                        continue;
                    }
                    // The score is symmetric: the order of the input does not matter.
                    if let Some(s) = self.score(a, b) {
                        out.push((i.min(j), i.max(j), s));
                    }
                }
            }
        }
    }

    /// The indexed records sharing a block of `keys` (blocks within the caps), sorted,
    /// each once.
    fn neighbours(&self, keys: &Keys, out: &mut Vec<u32>) {
        out.clear();
        let mut hashes = Vec::new();
        keys.exact_blocks(&mut hashes);
        for h in &hashes {
            extend_block(&self.exact, *h, MAX_EXACT_BLOCK, out);
        }
        if self.use_name_blocks {
            hashes.clear();
            keys.name_blocks(&mut hashes);
            for h in &hashes {
                extend_block(&self.names, *h, MAX_NAME_BLOCK, out);
            }
        }
        crate::sort::sort(out);
        out.dedup();
    }

    /// The score of a pair, when it is a candidate.
    fn score(&self, a: &Keys, b: &Keys) -> Option<Score> {
        let w = &self.policy.weights;
        let mut fields = 0u8;
        let mut sum = 0.0;
        if a.document.is_some() && a.document == b.document {
            fields |= DOCUMENT;
            sum += w.document;
        }
        if shares_any(&a.emails, &b.emails) {
            fields |= EMAIL;
            sum += w.email;
        }
        if shares_any(&a.phones, &b.phones) {
            fields |= PHONE;
            sum += w.phone;
        }
        // The name costs the most to compare: skip it when it cannot make a candidate.
        if (sum + w.name).min(1.0) >= self.policy.threshold
            && !a.name.is_empty()
            && !b.name.is_empty()
            && similarity::name_similarity(&a.name, &b.name) >= self.policy.name_similarity
        {
            fields |= NAME;
            sum += w.name;
        }
        let value = sum.min(1.0);
        (fields != 0 && value >= self.policy.threshold).then_some(Score { value, fields })
    }
}

/// Inputs from this many records on are normalised on several threads.
const PARALLEL_FROM: usize = 50_000;
/// At most this many threads normalise the records.
const MAX_THREADS: usize = 8;

/// The keys of `records`, in order. Normalising is most of the cost of building an
/// index, and each record is independent: big inputs are cut into one chunk per
/// available core (up to [`MAX_THREADS`]). Where threads are unavailable (WebAssembly)
/// or cannot be spawned, the work is done on the calling thread; the result is the
/// same either way.
fn derive_keys(records: &[DuplicateRecord], particles: &[String]) -> Vec<Keys> {
    let sequential = |chunk: &[DuplicateRecord]| chunk.iter().map(|r| Keys::new(r, particles)).collect::<Vec<Keys>>();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
    if threads < 2 || records.len() < PARALLEL_FROM {
        return sequential(records);
    }
    let chunk_len = records.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let running: Vec<_> = records
            .chunks(chunk_len)
            .map(|chunk| (chunk, std::thread::Builder::new().spawn_scoped(scope, move || sequential(chunk))))
            .collect();
        let mut keys = Vec::with_capacity(records.len());
        for (chunk, handle) in running {
            match handle.ok().and_then(|h| h.join().ok()) {
                Some(part) => keys.extend(part),
                None => keys.extend(sequential(chunk)),
            }
        }
        keys
    })
}

/// Whether two sorted lists share an element.
fn shares_any(a: &[String], b: &[String]) -> bool {
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    while let (Some(p), Some(q)) = (x.peek(), y.peek()) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => {
                x.next();
            }
            std::cmp::Ordering::Greater => {
                y.next();
            }
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Appends the records of block `hash` of the sorted `blocks`, unless it has more than
/// `cap` records.
fn extend_block(blocks: &[(u64, u32)], hash: u64, cap: usize, out: &mut Vec<u32>) {
    let start = blocks.partition_point(|e| e.0 < hash);
    let Some(rest) = blocks.get(start..) else { return };
    let len = rest.partition_point(|e| e.0 == hash);
    if len <= cap {
        out.extend(rest.iter().take(len).map(|e| e.1));
    }
}
