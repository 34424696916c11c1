//! Stored snapshots come back from browser storage that may be truncated, corrupted or written
//! by another version. Decoding any bytes must give a snapshot or a typed error, and a decoded
//! snapshot must be safe to compare and to encode again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termwatch::change::{self, Snapshot};

fuzz_target!(|bytes: &[u8]| {
    let Ok(snapshot) = Snapshot::decode(bytes) else { return };

    let comparable = snapshot.comparable();
    let _ = change::compare(&comparable, &comparable, change::CompareOptions::default());

    let again = Snapshot::decode(&snapshot.encode()).expect("an encoded snapshot decodes");
    assert_eq!(again, snapshot);
});
