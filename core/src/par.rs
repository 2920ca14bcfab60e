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

/// Runs `f` on the current rayon pool if called from one, else on a pool made for this
/// call of `threads` threads (0 = `RAYON_NUM_THREADS`, or one per core), but no more than
/// `work` (the number of items `f` works on in parallel: a batch of three checks gets
/// three threads, not one per core). The pool's threads are joined before this returns
/// (spawned by this call, their handles kept and joined after the pool is dropped: a
/// rayon pool's own threads exit on their own, after the call), so a program may fork,
/// unload the library or count its threads right after.
pub(crate) fn install<R: Send>(
    threads: usize,
    work: usize,
    f: impl FnOnce() -> R + Send,
) -> Result<R> {
    if threads == 0 && rayon::current_thread_index().is_some() {
        return Ok(f());
    }
    let threads = if threads == 0 {
        default_threads()
    } else {
        threads
    };
    let mut handles = Vec::new();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(work).max(1))
        .thread_name(|i| format!("armsmatch-{i}"))
        .spawn_handler(|thread| {
            let mut b = std::thread::Builder::new();
            if let Some(name) = thread.name() {
                b = b.name(name.to_owned());
            }
            if let Some(size) = thread.stack_size() {
                b = b.stack_size(size);
            }
            handles.push(b.spawn(move || thread.run())?);
            Ok(())
        })
        .build();
    let out = pool.map(|pool| pool.install(f));
    // The pool is dropped (its threads told to exit) before they are joined. A worker
    // exits once idle, and `install` has returned, so every one is idle.
    for h in handles {
        let _ = h.join();
    }
    out.map_err(|e| Error::io("worker threads", std::io::Error::other(e.to_string())))
}

/// Threads of a pool made with 0 threads asked for: `RAYON_NUM_THREADS` if set to a
/// positive number (as rayon reads it), else one per core.
fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_call_gets_its_own_pool_and_reuses_the_callers() {
        let outside = super::install(0, usize::MAX, rayon::current_thread_index).unwrap();
        assert!(outside.is_some(), "runs on a worker of a pool");
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        let n = pool.install(|| super::install(0, 1, rayon::current_num_threads).unwrap());
        assert_eq!(n, 3, "inside a caller's pool, that pool is used");
        let n = super::install(2, usize::MAX, rayon::current_num_threads).unwrap();
        assert_eq!(n, 2);
        let n = super::install(8, 3, rayon::current_num_threads).unwrap();
        assert_eq!(n, 3, "no more threads than items of work");
        let n = super::install(8, 0, rayon::current_num_threads).unwrap();
        assert_eq!(n, 1);
    }

    /// Every worker thread of a call has ended when the call returns: its thread-local
    /// destructors, which run as a thread exits, have all run (a pool whose threads were
    /// only told to exit, or a scope that waits for their closures, returns before them).
    #[test]
    fn no_worker_outlives_its_call() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static ENDED: AtomicUsize = AtomicUsize::new(0);
        struct Mark;
        impl Drop for Mark {
            fn drop(&mut self) {
                ENDED.fetch_add(1, Ordering::SeqCst);
            }
        }
        thread_local!(static MARK: Mark = const { Mark });
        for round in 1..=50 {
            let n = super::install(4, usize::MAX, || {
                rayon::broadcast(|_| MARK.with(|_| ())).len()
            })
            .unwrap();
            assert_eq!(n, 4);
            assert_eq!(
                ENDED.load(Ordering::SeqCst),
                4 * round,
                "a worker thread had not ended when its call returned"
            );
        }
    }
}
