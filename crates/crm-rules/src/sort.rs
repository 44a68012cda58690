//! Stable sorting with a single instantiation of the standard sort in WebAssembly.
//!
//! Each `sort_by` call site with its own element type and comparator compiles a copy
//! of the standard library's sort (driftsort/quicksort, 1.5–3 KB each): 17 call sites
//! came to about 64 KB of the WebAssembly module. There, every call goes through
//! [`indirect`]: the positions are sorted (one copy of the sort, comparing through a
//! `&dyn Fn`) and the items then moved into place. On native targets, where size is
//! free, the standard sort runs directly. Both are stable, so both give one result
//! (checked by the tests below).

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`.
pub(crate) fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    indirect(items, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(cmp);
}

/// Sorts `items` stably by the key `key` gives.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order. For the types sorted here (numbers, tuples,
/// strings) equal values are indistinguishable, so natively the faster unstable sort
/// gives the same result.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    #[cfg(target_arch = "wasm32")]
    indirect(items, T::cmp);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_unstable();
}

/// The stable sort of `items` by `cmp`, through one instantiation of `sort_by`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn indirect<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    let compare = |a: usize, b: usize| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    };
    positions(&mut order, &compare);
    permute(items, &mut order);
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Moves the item at `order[k]` to position `k`, for every `k`, by following cycles
/// of swaps (`order` is used up: each entry is set to its own index once placed).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut here = start;
        while let Some(slot) = order.get_mut(here) {
            let from = std::mem::replace(slot, here);
            if from == start || from == here {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Stable: equal keys keep their order, as with the standard sort.
        #[test]
        fn indirect_is_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut standard = items.clone();
            standard.sort_by_key(|x| x.0);
            let mut ours = items;
            indirect(&mut ours, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, standard);
        }
    }

    #[test]
    fn helpers() {
        let mut v = vec![3, 1, 2, 1];
        sort(&mut v);
        assert_eq!(v, [1, 1, 2, 3]);
        let mut w = vec!["bb", "a", "ccc"];
        sort_by_key(&mut w, |s| std::cmp::Reverse(s.len()));
        assert_eq!(w, ["ccc", "bb", "a"]);
        let mut one = vec![(2, 'x')];
        indirect(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, [(2, 'x')]);
    }
}
