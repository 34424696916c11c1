//! Timing shared by the bad-input tests: library calls are held to their limit in CPU time of
//! the test's thread where Linux reports it, so a machine busy with other work does not fail
//! them.

use std::time::{Duration, Instant};

/// A second in a release build.
pub fn time_limit() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(30)
    } else {
        Duration::from_secs(1)
    }
}

/// CPU time this thread has run, from Linux's scheduler statistics; `None` elsewhere.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Runs `work` and returns its result with the time it took: CPU time when known, else wall.
pub fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let wall = Instant::now();
    let cpu = thread_cpu_time();
    let result = work();
    let took = match (cpu, thread_cpu_time()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => wall.elapsed(),
    };
    (result, took)
}
