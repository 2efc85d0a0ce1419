//! Work split over the machine's cores, its results kept in the input's order: each
//! location's scenarios (`regl test`) and each bot config's reading (`regl lint`) depend on
//! nothing but that location, so reports, the `JUnit` file and the exit code come out byte
//! for byte as one thread would make them.
//!
//! `REGL_THREADS` caps the workers (`1`: one thread), for tests that compare the two.
//! [`Kept`] is what a worker keeps of its own work from one item to the next.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many workers for `jobs` jobs: the cores this process may use, `REGL_THREADS` if set,
/// never more than there are jobs.
pub fn count(jobs: usize) -> usize {
    // Asked once a process: finding the cores reads the cgroup's CPU quota from /proc and
    // /sys, which showed as 1.3 % of a 3-location lint in `perf`.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let threads = *THREADS.get_or_init(|| {
        std::env::var("REGL_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| *n > 0)
            .unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
            })
    });
    threads.min(jobs).max(1)
}

/// `f` of each item, in the items' order, computed on [`count`] threads.
pub fn map_in_order<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    let workers = count(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (next, f) = (&next, &f);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(mine) => mine,
                // A worker's panic is the caller's, as it would be on one thread.
                Err(p) => std::panic::resume_unwind(p),
            })
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// What one thread has already worked out, kept for the next time it is asked (a thread
/// local holds it): lint builds every location's export, so the same texts are typeset and
/// scanned again for each. Emptied whole when it holds `cap` entries, so memory stays
/// bounded whatever the business.
pub struct Kept<K, V>(HashMap<K, V, foldhash::fast::RandomState>);

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Self(HashMap::default())
    }
}

impl<K: Hash + Eq, V: Clone> Kept<K, V> {
    /// The value kept for `key`, or `make`'s, kept from now on.
    pub fn get_or_make<Q>(&mut self, key: &Q, cap: usize, make: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.0.get(key) {
            return v.clone();
        }
        let v = make();
        if self.0.len() >= cap {
            self.0.clear();
        }
        self.0.insert(key.to_owned(), v.clone());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..500).collect();
        let out = map_in_order(&items, |n| n * n);
        assert_eq!(out, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn what_is_kept_is_made_once_and_the_store_stays_bounded() {
        let mut kept: Kept<String, usize> = Kept::default();
        let mut made = 0;
        for text in ["a", "b", "a", "a"] {
            assert_eq!(
                kept.get_or_make(text, 8, || {
                    made += 1;
                    text.len()
                }),
                1
            );
        }
        assert_eq!(made, 2);
        for n in 0..20 {
            kept.get_or_make(&n.to_string(), 8, || n);
            assert!(kept.0.len() <= 8);
        }
    }
}
