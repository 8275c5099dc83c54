//! The one sort the app uses.
//!
//! Every `sort_by` call site with its own element type or closure gets its
//! own copy of the standard library's sort: several kilobytes of wasm each,
//! about 60 KB for the whole app. Here the standard sort is instantiated
//! once, on positions compared through a trait object, and the elements are
//! then moved into place. Stable, like `slice::sort_by`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts positions (indices into some list) with `compare`; stable.
pub fn sort_positions(positions: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

/// Stable sort of `items` by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    arrange(items, &order);
}

/// Stable sort of `items` by a key computed for each comparison.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `items` by a key computed once per item.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    arrange(items, &order);
}

/// `collect()` into a B-tree sorts the items first, with a copy of the
/// sort per item type; inserting them one by one does not.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// Like `set_of`; a later value for the same key wins, as with `collect()`.
pub fn map_of<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in entries {
        map.insert(key, value);
    }
    map
}

/// Moves the item at `order[k]` to position `k`, in place.
fn arrange<T>(items: &mut [T], order: &[usize]) {
    // Where each item goes; following it swaps every item home once.
    let mut target = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        target[from] = to;
    }
    for at in 0..items.len() {
        while target[at] != at {
            let to = target[at];
            items.swap(at, to);
            target.swap(at, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first half only: stability shows in the second.
        let mut seed = 7_u64;
        for len in [0, 1, 2, 3, 10, 33, 200] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (((seed >> 33) % 5) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |p| p.0);
            assert_eq!(by_key, expected, "by key, {len} items");
            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |p| p.0);
            assert_eq!(cached, expected, "by cached key, {len} items");
            let mut reversed = items.clone();
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            let mut expected_reversed = items;
            expected_reversed.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(reversed, expected_reversed, "reversed, {len} items");
        }
    }

    #[test]
    fn trees_collect_like_collect() {
        let words = ["pear", "apple", "fig", "apple"];
        assert_eq!(set_of(words), words.into_iter().collect::<BTreeSet<_>>());
        let entries = [("a", 1), ("b", 2), ("a", 3)];
        assert_eq!(
            map_of(entries),
            entries.into_iter().collect::<BTreeMap<_, _>>()
        );
        assert_eq!(map_of(entries).get("a"), Some(&3));
    }

    #[test]
    fn positions_sort_by_what_they_point_at() {
        let words = ["pear", "apple", "fig", "apple"];
        let mut positions = vec![0, 1, 2, 3];
        sort_positions(&mut positions, &mut |a, b| words[a].cmp(words[b]));
        assert_eq!(positions, vec![1, 3, 2, 0]);
    }
}
