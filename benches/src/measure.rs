//! Throughput loops, peak memory and the machine description.

use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// One throughput measurement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rate {
    /// Threads the work ran on.
    pub threads: usize,
    /// Queries completed while timing.
    pub queries: u64,
    /// Seconds timed.
    pub secs: f64,
    /// Queries per second.
    pub per_sec: f64,
    /// Sum of the per-query results (hits, keys): printed so the work cannot be
    /// optimized away, and a cheap sanity check between engines.
    pub results: u64,
    /// CPUs this process actually got while timing (CPU seconds ÷ wall seconds, all
    /// threads; `None` without `/proc`). On a shared machine a 2-thread run may get
    /// far less than 2, which is the first thing to check when scaling looks poor.
    #[serde(default)]
    pub cpus: Option<f64>,
}

/// Times `work` over whole passes of `items` on `threads` threads, until at least
/// `min_secs` have passed (always at least one pass).
///
/// Whole passes, so that every engine timed on the same `items` answers the same
/// queries the same number of times: per-query cost is heavy-tailed (a short serial at
/// k = 2 has a large neighbourhood), and two engines timed on different prefixes would
/// not be comparable. Callers choose `items` (a prefix of a shuffled set) so the slowest
/// engine still runs about `min_secs`.
///
/// Each pass is cut into chunks that double while a chunk takes under 50 ms (so the
/// clock is read rarely and the last pass overshoots little). The work runs inside a
/// rayon pool of exactly `threads` threads, so rayon inside it (`check_many`) uses that
/// many threads and no more. `work(chunk)` returns a result count for the chunk.
pub fn rate<T: Sync>(
    items: &[T],
    threads: usize,
    min_secs: f64,
    work: impl Fn(&[T]) -> u64 + Sync,
) -> Rate {
    assert!(!items.is_empty(), "nothing to time");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .expect("a thread pool");
    let run = |chunk: &[T]| -> u64 { pool.install(|| work(chunk)) };
    // Warm-up: page in the index and the allocator's arenas.
    let warm = items.len().min(64);
    std::hint::black_box(run(&items[..warm]));
    let min = Duration::from_secs_f64(min_secs);
    let mut chunk = 8 * threads.max(1);
    let mut at = 0usize;
    let mut queries = 0u64;
    let mut results = 0u64;
    let cpu_start = process_cpu_secs();
    let start = Instant::now();
    loop {
        let end = (at + chunk).min(items.len());
        let t = Instant::now();
        results += std::hint::black_box(run(&items[at..end]));
        queries += (end - at) as u64;
        if t.elapsed() < Duration::from_millis(50) {
            chunk = (chunk * 2).min(items.len());
        }
        at = if end == items.len() { 0 } else { end };
        if at == 0 && start.elapsed() >= min {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    // /proc counts in 10 ms ticks: under ~0.3 s the share would be mostly rounding.
    let cpus = cpu_start
        .zip(process_cpu_secs())
        .filter(|_| secs >= 0.3)
        .map(|(a, b)| (b - a) / secs);
    Rate {
        threads,
        queries,
        secs,
        per_sec: queries as f64 / secs,
        results,
        cpus,
    }
}

/// CPU time of this process, all threads, user + system (`/proc/self/stat`), seconds.
pub fn process_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces, so split after its ')').
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    // /proc reports clock ticks of USER_HZ, which Linux fixes at 100 for user space.
    Some((utime + stime) / 100.0)
}

/// How many of `items` one thread gets through with `work_one` in about `secs`
/// (at least `at_least`, at most all): the prefix every engine of a workload is then
/// timed on.
pub fn prefix_for<T>(
    items: &[T],
    secs: f64,
    at_least: usize,
    work_one: impl Fn(&T) -> u64,
) -> usize {
    let limit = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut done = 0;
    for item in items {
        std::hint::black_box(work_one(item));
        done += 1;
        if start.elapsed() >= limit {
            break;
        }
    }
    done.max(at_least).min(items.len())
}

/// [`rate`] for a per-query function: a plain loop on one thread (no rayon splitting),
/// `par_iter` on more.
pub fn rate_each<T: Sync>(
    items: &[T],
    threads: usize,
    min_secs: f64,
    each: impl Fn(&T) -> u64 + Sync + Send,
) -> Rate {
    rate(items, threads, min_secs, |chunk| {
        if threads <= 1 {
            chunk.iter().map(&each).sum()
        } else {
            chunk.par_iter().map(&each).sum()
        }
    })
}

/// Peak resident set size of this process so far (`VmHWM` in `/proc/self/status`), in
/// bytes; `None` where `/proc` is not available.
pub fn peak_rss() -> Option<u64> {
    proc_status_kb("VmHWM:").map(|kb| kb * 1024)
}

/// Resident set size now (`VmRSS`), in bytes.
pub fn current_rss() -> Option<u64> {
    proc_status_kb("VmRSS:").map(|kb| kb * 1024)
}

fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// The 1-minute load average (`/proc/loadavg`): how busy the shared machine was.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The machine a run was measured on.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Machine {
    /// Logical CPUs available to this process (`nproc`).
    pub nproc: usize,
    /// CPU model name from `/proc/cpuinfo`.
    pub cpu: String,
    /// Total memory from `/proc/meminfo`, in bytes.
    pub ram_bytes: u64,
    /// Kernel release.
    pub kernel: String,
    /// `rustc --version`, if rustc is on the path.
    pub rustc: String,
}

impl Machine {
    /// Describes this machine.
    pub fn detect() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|l| l.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map_or_else(|| "unknown".to_string(), |(_, v)| v.trim().to_string());
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let ram_kb: u64 = meminfo
            .lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let rustc = std::process::Command::new("rustc")
            .arg("--version")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        Machine {
            nproc: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu,
            ram_bytes: ram_kb * 1024,
            kernel,
            rustc,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_counts_what_it_ran() {
        let items: Vec<u64> = (0..100).collect();
        for threads in [1, 2] {
            let r = rate_each(&items, threads, 0.0, |&x| x % 2);
            assert!(r.queries >= 8 && r.results <= r.queries);
        }
        if cfg!(target_os = "linux") {
            assert!(peak_rss().unwrap() >= current_rss().unwrap() / 2);
            assert!(process_cpu_secs().unwrap() >= 0.0);
        }
    }
}
