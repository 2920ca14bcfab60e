//! Worker threads: every parallel call runs on a pool made for that call.
//!
//! Building, opening and checking never use rayon's global pool. A process-wide pool keeps its threads
//! for the life of the process, and a process that forks after using it (a pre-fork
//! server, a Python `multiprocessing` worker) hangs in the child on the next parallel
//! call: the child inherits the pool but not its threads. With a pool per call, no
//! library thread outlives the call that started it, and forking between calls is
//! safe. A call made from inside a rayon pool (the command line's `--threads`, or a
//! caller's own `pool.install`) runs on that pool instead.

use crate::error::{Error, Result};

/// Runs `f` on the current rayon pool if called from one, else on a pool of
/// `threads` threads (0 = one per core, or `RAYON_NUM_THREADS`) made for this call.
pub(crate) fn install<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> Result<R> {
    if threads == 0 && rayon::current_thread_index().is_some() {
        return Ok(f());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("armsmatch-{i}"))
        .build()
        .map_err(|e| Error::io("worker threads", std::io::Error::other(e.to_string())))?;
    Ok(pool.install(f))
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
