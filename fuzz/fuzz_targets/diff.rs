//! Two versions of a page, as arbitrary text, compared end to end: reading, analysis,
//! normalisation, alignment, word diff, risk delta and summary must never panic, a version
//! compared with itself is never a change, and the word diff must tile both clause texts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termwatch::change::{self, word_diff::WordOpKind, ChangeKind, Verdict};
use termwatch::page;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (old, new) = text.split_once('\u{0}').unwrap_or((&text, ""));

    let old = termwatch::analyze(&page::text::parse(old, None));
    let new = termwatch::analyze(&page::text::parse(new, None));

    let same = change::compare_analyses(&old, &old);
    assert!(!same.substantive);
    assert!(matches!(same.verdict, Verdict::Identical | Verdict::Unreadable));

    let report = change::compare_analyses(&old, &new);
    for change in report.changes.iter().filter(|c| c.kind == ChangeKind::Modified) {
        let old_text: String = change.words.iter().map(|op| op.old.as_str()).collect();
        let new_text: String = change.words.iter().map(|op| op.new.as_str()).collect();
        if !change.words.is_empty() {
            assert_eq!(Some(old_text.as_str()), change.old.as_deref());
            assert_eq!(Some(new_text.as_str()), change.new.as_deref());
        }
        let _ = change.words.iter().filter(|op| op.kind != WordOpKind::Equal).count();
    }
});
