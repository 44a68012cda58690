//! The normalised keys of a record and the blocks they fall into (CAD-5).
//!
//! Exact blocks: one per normalised CPF/CNPJ, e-mail and E.164 phone. Name blocks: the
//! name key (search key without particles, tokens sorted) is cut into tokens; for
//! every pair of distinct tokens, each token gives its first three and its last three
//! letters, and each (part, part) combination, put in order, is a block.
//! One typo breaks the prefix *or* the suffix of one token (for tokens of six letters
//! or more), so the pair still shares two of its blocks; the order inside a
//! block key makes it immune to a typo that changes the sorted order of the tokens.
//! A token of fewer than six letters, where one typo in the middle can break both its
//! prefix and its suffix (`joao`/`jaoo`), also gives its first and last letters. A
//! name of one token falls in the blocks of its parts alone.

use super::DuplicateRecord;
use crate::identifiers::{document_key, normalize_email, normalize_phone, search_key};

/// Letters of a token kept at each end for name blocks.
const NAME_PART_CHARS: usize = 3;
/// Tokens shorter than this also block on their first and last letters.
const SHORT_TOKEN_CHARS: usize = 6;
/// Name blocks are made from the first this many distinct tokens of a name key
/// (at most 9·C(6,2) = 135 blocks per record).
const MAX_BLOCKED_TOKENS: usize = 6;

/// The normalised identity of one record; what scoring compares.
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    pub(crate) id: String,
    pub(crate) document: Option<String>,
    /// Sorted, without repeats.
    pub(crate) emails: Vec<String>,
    /// Sorted, without repeats.
    pub(crate) phones: Vec<String>,
    /// Search key without particles, tokens sorted; empty when unknown.
    pub(crate) name: String,
}

impl Keys {
    /// The keys of `record`; an invalid document, e-mail or phone is simply no key.
    /// `particles` are already search keys.
    pub(crate) fn new(record: &DuplicateRecord, particles: &[String]) -> Keys {
        let mut emails: Vec<String> = record.emails.iter().filter_map(|e| normalize_email(e).ok()).collect();
        crate::sort::sort(&mut emails);
        emails.dedup();
        let mut phones: Vec<String> = record.phones.iter().filter_map(|p| normalize_phone(p).ok()).collect();
        crate::sort::sort(&mut phones);
        phones.dedup();
        Keys {
            id: record.id.clone(),
            document: record.document.as_deref().and_then(document_key),
            emails,
            phones,
            name: name_key(&record.name, particles),
        }
    }

    /// The hashes of the exact blocks of this record.
    pub(crate) fn exact_blocks(&self, out: &mut Vec<u64>) {
        if let Some(d) = &self.document {
            out.push(hash_parts(b'd', &[d]));
        }
        out.extend(self.emails.iter().map(|e| hash_parts(b'e', &[e])));
        out.extend(self.phones.iter().map(|p| hash_parts(b'p', &[p])));
    }

    /// The hashes of the name blocks of this record (see the module doc).
    pub(crate) fn name_blocks(&self, out: &mut Vec<u64>) {
        let mut tokens: Vec<&str> = self.name.split(' ').filter(|t| !t.is_empty()).collect();
        tokens.dedup();
        tokens.truncate(MAX_BLOCKED_TOKENS);
        let mut mine = Vec::new();
        if let [only] = tokens.as_slice() {
            mine.extend(parts(only).iter().flatten().map(|x| hash_parts(b'1', &[x])));
        }
        for (i, first) in tokens.iter().enumerate() {
            for second in tokens.iter().skip(i + 1) {
                for x in parts(first).iter().flatten() {
                    for y in parts(second).iter().flatten() {
                        let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
                        mine.push(hash_parts(b'2', &[lo, hi]));
                    }
                }
            }
        }
        // Short tokens give equal parts: each block once.
        crate::sort::sort(&mut mine);
        mine.dedup();
        out.extend(mine);
    }
}

/// The name key: search key without the particles, tokens sorted (CAD-5).
pub(crate) fn name_key(name: &str, particles: &[String]) -> String {
    let folded = search_key(name);
    let mut tokens: Vec<&str> = folded.split_whitespace().filter(|t| !particles.iter().any(|p| p == t)).collect();
    crate::sort::sort(&mut tokens);
    tokens.join(" ")
}

/// The block parts of a token: its first three letters, its last three, and, for a
/// token shorter than [`SHORT_TOKEN_CHARS`] (where one typo in the middle can break
/// both), its first and last letters with a separator that no name key contains.
fn parts(token: &str) -> [Option<String>; 3] {
    let ends = if token.chars().count() < SHORT_TOKEN_CHARS {
        let mut chars = token.chars();
        let first = chars.next();
        let last = chars.next_back().or(first);
        first.zip(last).map(|(f, l)| format!("{f}\u{1}{l}"))
    } else {
        None
    };
    [Some(prefix(token).to_owned()), Some(suffix(token).to_owned()), ends]
}

fn prefix(token: &str) -> &str {
    match token.char_indices().nth(NAME_PART_CHARS) {
        Some((end, _)) => token.get(..end).unwrap_or(token),
        None => token,
    }
}

fn suffix(token: &str) -> &str {
    let count = token.chars().count();
    match token.char_indices().nth(count.saturating_sub(NAME_PART_CHARS)) {
        Some((start, _)) => token.get(start..).unwrap_or(token),
        None => token,
    }
}

/// FNV-1a over a kind tag and length-prefixed parts, then a SplitMix64 finaliser:
/// the same key always gives the same hash in every process and platform. A collision
/// only adds a pair to compare (scoring compares the keys themselves).
fn hash_parts(kind: u8, parts: &[&str]) -> u64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = FNV_OFFSET;
    let mut eat = |byte: u8| {
        h ^= u64::from(byte);
        h = h.wrapping_mul(FNV_PRIME);
    };
    eat(kind);
    for part in parts {
        for byte in (part.len() as u64).to_le_bytes() {
            eat(byte);
        }
        for &byte in part.as_bytes() {
            eat(byte);
        }
    }
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn particles() -> Vec<String> {
        ["de", "da", "do", "dos", "das", "e"].iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn name_key_ignores_order_accents_case_and_particles() {
        let p = particles();
        assert_eq!(name_key("João da Silva", &p), "joao silva");
        assert_eq!(name_key("  SILVA   joão ", &p), "joao silva");
        assert_eq!(name_key("Maria dos Santos e Souza", &p), name_key("souza santos MARIA", &p));
        assert_eq!(name_key("", &p), "");
    }

    #[test]
    fn parts_count_characters_not_bytes() {
        assert_eq!(prefix("çãoxyz"), "ção");
        assert_eq!(suffix("xyzção"), "ção");
        assert_eq!(prefix("li"), "li");
        assert_eq!(suffix("li"), "li");
    }

    fn blocks(name: &str) -> Vec<u64> {
        let k = Keys { id: String::new(), document: None, emails: vec![], phones: vec![], name: name.to_owned() };
        let mut out = vec![];
        k.name_blocks(&mut out);
        out
    }

    #[test]
    fn a_typo_keeps_a_shared_name_block() {
        for (a, b) in [
            ("joao silva", "jaoo silva"),
            ("joao silva", "joao silav"),
            ("carvalho fernanda", "carvalho fenanda"),
            ("alves bruno", "bruno clves"),
            ("fernanda", "fernada"),
        ] {
            let (x, y) = (blocks(a), blocks(b));
            assert!(x.iter().any(|h| y.contains(h)), "{a} / {b}");
        }
        assert!(!blocks("joao silva").iter().any(|h| blocks("pedro costa").contains(h)));
        assert!(blocks("").is_empty());
        let mut once = blocks("ana ana ana");
        let len = once.len();
        once.dedup();
        assert_eq!(once.len(), len);
    }

    #[test]
    fn hash_separates_kinds_and_parts() {
        assert_ne!(hash_parts(b'e', &["x"]), hash_parts(b'p', &["x"]));
        assert_ne!(hash_parts(b'2', &["ab", "c"]), hash_parts(b'2', &["a", "bc"]));
        assert_eq!(hash_parts(b'2', &["ab", "c"]), hash_parts(b'2', &["ab", "c"]));
    }
}
