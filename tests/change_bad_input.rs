//! Bad input for the comparison and the history: empty sides, huge documents, damaged and
//! future snapshots. Each gives a clear result in well under a second, without a panic and
//! without losing a stored version.

mod common;

use common::{time_limit, timed};

use termwatch::change::history::Outcome;
use termwatch::change::{self, History, Snapshot, SnapshotError, Verdict};
use termwatch::page::{self, Page};

const TERMS: &str = "We may share your data with our partners. You may close your account at \
    any time. Disputes go to binding arbitration. You may opt out within 30 days.";

fn page(text: &str) -> Page {
    page::text::parse(text, Some("https://example.com/terms"))
}

fn snapshot(text: &str, seen: u64) -> Snapshot {
    let page = page(text);
    Snapshot::capture(&page, &termwatch::analyze(&page), "example.com/terms", seen)
}

#[test]
fn empty_sides_are_unreadable_not_changes() {
    let full = termwatch::analyze(&page(TERMS));
    let empty = termwatch::analyze(&Page::default());
    for report in [change::compare_analyses(&empty, &full), change::compare_analyses(&full, &empty)]
    {
        assert_eq!(report.verdict, Verdict::Unreadable);
        assert!(!report.substantive);
    }
}

#[test]
fn a_ten_megabyte_document_is_compared_within_a_second() {
    let mut old = String::new();
    let mut n = 0;
    while old.len() < 10 * 1024 * 1024 {
        old.push_str(&format!("Clause {n}: we keep record {n} for {} days. ", n % 97));
        if n % 8 == 7 {
            old.push_str("\n\n");
        }
        n += 1;
    }
    let new = old.replacen("for 5 days", "for 6 days", 1);
    let (old, new) = (termwatch::analyze(&page(&old)), termwatch::analyze(&page(&new)));

    let (report, took) = timed(|| change::compare_analyses(&old, &new));
    assert!(took < time_limit(), "took {took:?}");
    assert!(report.substantive || report.approximate, "{}", report.summary);
}

#[test]
fn two_unrelated_large_documents_finish_within_a_second() {
    let old: String = (0..20_000).map(|n| format!("Old clause number {n} says alpha. ")).collect();
    let new: String = (0..20_000).map(|n| format!("New text {n} reads beta gamma. ")).collect();
    let (old, new) = (termwatch::analyze(&page(&old)), termwatch::analyze(&page(&new)));
    let (_, took) = timed(|| change::compare_analyses(&old, &new));
    assert!(took < time_limit(), "took {took:?}");
}

#[test]
fn damaged_and_future_records_are_typed_errors_and_lose_nothing() {
    let good = snapshot(TERMS, 1).encode();
    let newer = snapshot(&TERMS.replace("30 days", "10 days"), 2).encode();
    let mut future: serde_json::Value = serde_json::from_slice(&newer).unwrap();
    future["schema"] = serde_json::json!(999);
    let future = serde_json::to_vec(&future).unwrap();
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();

    let records: Vec<&[u8]> = vec![&good, &newer[..newer.len() / 3], &future, &binary];
    let (mut history, failures) = History::load("example.com/terms", records);
    assert_eq!(history.versions.len(), 1);
    assert!(matches!(failures[0].1, SnapshotError::Truncated(_)));
    assert!(matches!(failures[1].1, SnapshotError::FutureSchema { found: 999, .. }));
    assert!(matches!(failures[2].1, SnapshotError::Corrupt(_)));

    let recorded = history.record(snapshot(TERMS, 3));
    assert_eq!(recorded.outcome, Outcome::Unchanged);
    assert_eq!(history.versions.len(), 1);
}
