//! Work split over the machine's cores, its results kept in the input's order: each
//! location's scenarios (`regl test`) and each bot config's reading (`regl lint`) depend on
//! nothing but that location, so reports, the `JUnit` file and the exit code come out byte
//! for byte as one thread would make them.
//!
//! `REGL_THREADS` caps the workers (`1`: one thread), for tests that compare the two.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order() {
        let items: Vec<u64> = (0..500).collect();
        let out = map_in_order(&items, |n| n * n);
        assert_eq!(out, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }
}
