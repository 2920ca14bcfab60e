//! Worker threads: every parallel call runs on a pool made for that call.
//!
//! Building, opening and checking never use rayon's global pool. A process-wide pool keeps its threads
//! for the life of the process, and a process that forks after using it (a pre-fork
//! server, a Python `multiprocessing` worker) hangs in the child on the next parallel
//! call: the child inherits the pool but not its threads. With a pool per call, no
//! library thread outlives the call that started it, and forking between calls is
//! safe. A call made from inside a rayon pool (the command line's `--threads`, or a
//! caller's own `pool.install`) runs on that pool instead.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Runs `f` on the current rayon pool if called from one, else on a pool of
/// `threads` threads (0 = one per core, or `RAYON_NUM_THREADS`) made for this call
/// and waited for: a dropped rayon pool's threads exit on their own, so this one counts
/// them out before returning (a program may fork, unload the library or check for
/// leaks right after).
pub(crate) fn install<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> Result<R> {
    if threads == 0 && rayon::current_thread_index().is_some() {
        return Ok(f());
    }
    let exited = Arc::new((Mutex::new(0usize), Condvar::new()));
    let on_exit = Arc::clone(&exited);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("armsmatch-{i}"))
        .exit_handler(move |_| {
            let (count, cv) = &*on_exit;
            *count.lock().unwrap_or_else(|p| p.into_inner()) += 1;
            cv.notify_all();
        })
        .build()
        .map_err(|e| Error::io("worker threads", std::io::Error::other(e.to_string())))?;
    let started = pool.current_num_threads();
    let out = pool.install(f);
    drop(pool);
    // Bounded, so a thread that never exits cannot hang the caller; 10 s is far beyond
    // the microseconds an idle worker takes to exit.
    let (count, cv) = &*exited;
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut n = count.lock().unwrap_or_else(|p| p.into_inner());
    while *n < started {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        n = cv
            .wait_timeout(n, left)
            .unwrap_or_else(|p| p.into_inner())
            .0;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_call_gets_its_own_pool_and_reuses_the_callers() {
        let outside = super::install(0, rayon::current_thread_index).unwrap();
        assert!(outside.is_some(), "runs on a worker of a pool");
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let n = pool.install(|| super::install(0, rayon::current_num_threads).unwrap());
        assert_eq!(n, 3, "inside a caller's pool, that pool is used");
        let n = super::install(2, rayon::current_num_threads).unwrap();
        assert_eq!(n, 2);
    }
}
