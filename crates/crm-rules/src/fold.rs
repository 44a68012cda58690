//! Accents stripped char by char, without the ~100 KB of `unicode-normalization`
//! tables — CAD-2.
//!
//! [`strip_accents`] yields what the canonical decomposition (NFD) of a char yields
//! once its combining marks are dropped: the generated [`fold_table`] gives the chars
//! left of every decomposing char (one, bar three letters) and the combining marks; Hangul syllables
//! decompose by the formula of Unicode §3.12. Dropping the marks char by char gives
//! the same text as dropping them from the NFD of a whole string, since canonical
//! reordering only moves chars that are marks (checked by the table's generator,
//! `tests/fold_table.rs`, which also checks every char against `unicode-normalization`).

#[rustfmt::skip]
mod fold_table;
#[rustfmt::skip]
mod lower_table;

use fold_table::{DECOMPOSED, DECOMPOSING_MARKS, EXPANDED, MARKS, SINGLETONS};

/// The Hangul syllables, `가` to `힣`, and their jamo (Unicode §3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = 21 * T_COUNT;
const S_COUNT: u32 = 19 * N_COUNT;

/// The chars of the canonical decomposition of `c` that are not combining marks: none
/// for a mark, up to three for a Hangul syllable or a few letters (`EXPANDED`), else one.
pub(crate) fn strip_accents(c: char) -> impl Iterator<Item = char> {
    stripped(c).into_iter().flatten()
}

/// [`strip_accents`], as an array.
fn stripped(c: char) -> [Option<char>; 3] {
    if c.is_ascii() {
        return [Some(c), None, None];
    }
    if let Some(s) = hangul_index(c) {
        let t = s % T_COUNT;
        let jamo = |base: u32, index: u32| char::from_u32(base + index);
        return [
            jamo(L_BASE, s / N_COUNT),
            jamo(V_BASE, s % N_COUNT / T_COUNT),
            if t == 0 { None } else { jamo(T_BASE, t) },
        ];
    }
    if is_mark(c) {
        return [None, None, None];
    }
    if let Some(chars) = lookup(EXPANDED, c) {
        let mut chars = chars.chars();
        return [chars.next(), chars.next(), chars.next()];
    }
    [Some(lookup(DECOMPOSED, c).or_else(|| lookup(SINGLETONS, c)).unwrap_or(c)), None, None]
}

/// The lowercase of `c`, as `char::to_lowercase` gives it (Unicode's full lowercase
/// mapping of one char): one char, or two for `İ` (U+0130). From the generated runs of
/// [`lower_table`] (about 2 KB) instead of std's tables (about 15 KB of the WebAssembly
/// module); equal to std's on every char (tested). A string is lower-cased char by
/// char: unlike `str::to_lowercase`, a final capital sigma becomes `σ`, never `ς`.
pub(crate) fn lower(c: char) -> impl Iterator<Item = char> {
    lowered(c).into_iter().flatten()
}

fn lowered(c: char) -> [Option<char>; 2] {
    if c.is_ascii() {
        return [Some(c.to_ascii_lowercase()), None];
    }
    if c == '\u{130}' {
        return [Some('i'), Some('\u{307}')];
    }
    let code = u32::from(c);
    let at = lower_table::LOWER.partition_point(|&(first, ..)| first <= c);
    let mapped =
        at.checked_sub(1).and_then(|i| lower_table::LOWER.get(i)).and_then(|&(first, count, stride, offset)| {
            let steps = code - u32::from(first);
            let stride = u32::from(stride);
            (steps % stride == 0 && steps / stride < u32::from(count))
                .then(|| code.checked_add_signed(offset))
                .flatten()
                .and_then(char::from_u32)
        });
    [Some(mapped.unwrap_or(c)), None]
}

/// Whether `c` is a combining mark (general category M).
pub(crate) fn is_mark(c: char) -> bool {
    !c.is_ascii()
        && MARKS
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// Whether the canonical decomposition of `c` is two chars or more.
pub(crate) fn decomposes(c: char) -> bool {
    !c.is_ascii()
        && (hangul_index(c).is_some()
            || lookup(DECOMPOSED, c).is_some()
            || lookup(EXPANDED, c).is_some()
            || DECOMPOSING_MARKS.binary_search(&c).is_ok())
}

/// The index of `c` among the Hangul syllables.
fn hangul_index(c: char) -> Option<u32> {
    (c as u32).checked_sub(S_BASE).filter(|&s| s < S_COUNT)
}

/// What the sorted `table` maps `c` to.
fn lookup<V: Copy>(table: &[(char, V)], c: char) -> Option<V> {
    table.binary_search_by_key(&c, |&(k, _)| k).ok().and_then(|i| table.get(i)).map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_char_lower_cased_as_std() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_char_as_unicode_normalization() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let want: String = c.to_string().nfd().filter(|d| !is_combining_mark(*d)).collect();
            assert_eq!(strip_accents(c).collect::<String>(), want, "U+{:04X}", c as u32);
            assert_eq!(is_mark(c), is_combining_mark(c), "U+{:04X}", c as u32);
            assert_eq!(decomposes(c), c.nfd().nth(1).is_some(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn tables_are_sorted() {
        for table in [DECOMPOSED, SINGLETONS] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        }
        assert!(MARKS.iter().all(|&(lo, hi)| lo <= hi));
        assert!(MARKS.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(DECOMPOSING_MARKS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn examples() {
        let strip = |s: &str| s.chars().flat_map(strip_accents).collect::<String>();
        assert_eq!(strip("Ação Über ñ"), "Acao Uber n");
        assert_eq!(strip("a\u{301}\u{327}"), "a");
        assert_eq!(strip("\u{2126}\u{212B}"), "\u{3A9}A");
        assert_eq!(strip("한글"), "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}");
        assert_eq!(strip("가"), "\u{1100}\u{1161}");
        assert!(decomposes('é') && !decomposes('e') && !decomposes('\u{2126}') && decomposes('\u{344}'));
        assert!(is_mark('\u{301}') && !is_mark('a'));
    }
}
