//! The clock every deadline of the comparison reads.
//!
//! Natively it is `std::time::Instant`. In WebAssembly that clock panics, so the browser's
//! `performance.now()` is read through `web-time` — the same type `similar` uses for its own
//! deadlines when built with `wasm32_web_time` (see `Cargo.toml`), so one deadline value
//! serves both.
//!
//! Checked in WebAssembly by a probe module built with `scripts/build-wasm.sh`'s flags and run
//! under Node: a comparison of 4,000 reworded clauses with a 0 ms limit comes back marked
//! approximate instead of trapping, and one with a 250 ms limit comes back exact.

#[cfg(not(target_arch = "wasm32"))]
pub use std::time::Instant;

#[cfg(target_arch = "wasm32")]
pub use web_time::Instant;

/// Whether `deadline` has passed; `None` never passes.
pub fn passed(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|deadline| Instant::now() > deadline)
}
