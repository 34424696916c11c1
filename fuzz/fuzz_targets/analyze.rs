//! Arbitrary bytes through HTML, Markdown and text reading and `termwatch::analyze`, with the
//! document's invariants checked (see `check.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

include!("../check.rs");

fuzz_target!(|data: &[u8]| {
    check(data);
});
