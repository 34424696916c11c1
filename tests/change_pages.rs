//! Change detection on pages we wrote (`tests/pages/changes/`): one test per noise rule that
//! must never alert, and one per kind of change that must, with its category or fact.

use std::path::Path;

use termwatch::categories::CategoryId;
use termwatch::change::{self, ChangeKind, ChangeReport, Verdict};
use termwatch::{page, Analysis};

fn analysed(name: &str) -> Analysis {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/changes").join(name);
    let text = std::fs::read_to_string(&path).expect("test page exists");
    let page = if name.ends_with(".html") {
        page::html::parse(&text, None)
    } else {
        page::markdown::parse(&text, None)
    };
    termwatch::analyze(&page)
}

/// The base page with its date line replaced by `date_line`.
fn base_dated(date_line: &str) -> Analysis {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/changes/base.md");
    let text = std::fs::read_to_string(&path).expect("test page exists");
    let text = text.replacen("Last updated: March 3, 2025", date_line, 1);
    termwatch::analyze(&page::markdown::parse(&text, None))
}

fn compare_dated(old_line: &str, new_line: &str) -> ChangeReport {
    change::compare_analyses(&base_dated(old_line), &base_dated(new_line))
}

fn compare(old: &str, new: &str) -> ChangeReport {
    change::compare_analyses(&analysed(old), &analysed(new))
}

fn assert_not_a_change(new: &str) {
    let report = compare("base.md", new);
    assert!(
        !report.substantive,
        "{new} is noise, but the report says: {}\n{:#?}",
        report.summary, report.changes
    );
    assert_ne!(report.verdict, Verdict::Unreadable, "{new}: {}", report.summary);
}

#[test]
fn the_base_page_has_clauses_to_compare() {
    assert!(analysed("base.md").document.clauses.len() >= 10);
}

#[test]
fn identical_pages_are_identical() {
    let report = compare("base.md", "base.md");
    assert_eq!(report.verdict, Verdict::Identical);
}

#[test]
fn line_wrapping_is_noise() {
    assert_not_a_change("noise-rewrapped.md");
}

#[test]
fn typographic_quotes_and_dashes_are_noise() {
    assert_not_a_change("noise-typography.md");
}

#[test]
fn british_and_american_spellings_of_the_same_words_are_noise() {
    let report = compare("spelling-british.md", "spelling-american.md");
    assert!(!report.substantive, "{}", report.summary);
}

#[test]
fn a_bumped_date_line_is_noise_and_its_date_is_shown() {
    assert_not_a_change("noise-date.md");
    let report = compare("base.md", "noise-date.md");
    assert_eq!(report.old_dates[0].date, "March 3, 2025");
    assert_eq!(report.new_dates[0].date, "September 14, 2025");
}

#[test]
fn a_date_set_beside_a_link_is_still_a_date_line() {
    // The page shows the date and the link side by side; its text reads `2025Previous`.
    let old = "Effective March 3, 2025[Previous version](https://lumenfold.example/terms/2024)";
    let new = "Effective 14 September 2025[Previous version](https://lumenfold.example/terms/2025)";
    let report = compare_dated(old, new);
    assert!(!report.substantive, "{}\n{:#?}", report.summary, report.changes);
    assert_eq!(report.new_dates[0].date, "14 September 2025");
}

#[test]
fn a_german_date_line_with_an_ordinal_day_is_a_date_line() {
    let report = compare_dated("Gültig ab 13. November 2023", "Gültig ab 2. Februar 2025");
    assert!(!report.substantive, "{}\n{:#?}", report.summary, report.changes);
    assert_eq!(report.old_dates[0].date, "13. November 2023");
    assert_eq!(report.new_dates[0].date, "2. Februar 2025");
}

#[test]
fn a_new_date_in_a_change_log_entry_is_a_change() {
    // The entry's date says when something was added: it is content, not a stamp.
    let report = compare_dated(
        "September 23, 2025: Added the photo storage terms.",
        "September 14, 2026: Added the photo storage terms.",
    );
    assert!(report.substantive, "{}", report.summary);
}

#[test]
fn tracking_parameters_in_links_are_noise() {
    assert_not_a_change("noise-tracking.md");
}

#[test]
fn reordered_sections_are_noise() {
    assert_not_a_change("noise-reordered.md");
    let report = compare("base.md", "noise-reordered.md");
    assert!(report.changes.iter().all(|change| change.kind == ChangeKind::Moved));
}

#[test]
fn relative_dates_are_noise() {
    let report = compare("noise-relative-date.md", "noise-relative-date-later.md");
    assert!(!report.substantive, "{}", report.summary);
}

#[test]
fn a_challenge_page_is_unreadable_not_a_change() {
    let report = compare("base.md", "challenge.html");
    assert_eq!(report.verdict, Verdict::Unreadable);
    assert!(!report.substantive);
}

#[test]
fn an_added_ai_training_clause_is_reported_with_its_category() {
    let report = compare("base.md", "change-ai-training.md");
    assert!(report.substantive, "{}", report.summary);
    let added = report.changes.iter().find(|change| change.kind == ChangeKind::Added).unwrap();
    assert!(added.new.as_deref().unwrap().contains("train our artificial intelligence"));
    assert!(added.categories.contains(&CategoryId::AiTrainingOnUserData), "{:?}", added.categories);
}

#[test]
fn removed_arbitration_is_reported() {
    let report = compare("base.md", "change-no-arbitration.md");
    assert!(report.substantive);
    let removed: Vec<CategoryId> = report.risks_removed.iter().map(|risk| risk.category).collect();
    assert!(removed.contains(&CategoryId::Arbitration), "{removed:?}: {}", report.summary);
    assert!(report.changes.iter().all(|change| change.kind == ChangeKind::Removed));
}

#[test]
fn a_shorter_opt_out_window_is_a_changed_number() {
    let report = compare("base.md", "change-opt-out-window.md");
    assert!(report.substantive);
    let change = &report.changes[0];
    assert_eq!(change.kind, ChangeKind::Modified);
    assert_eq!(change.numbers_changed[0].old.as_deref(), Some("30"));
    assert_eq!(change.numbers_changed[0].new.as_deref(), Some("10"));
}

#[test]
fn a_lower_liability_cap_is_a_changed_fact() {
    let report = compare("base.md", "change-liability-cap.md");
    assert!(report.substantive);
    let fact = report.facts_changed.iter().find(|fact| fact.fact == "cap");
    let fact = fact.unwrap_or_else(|| panic!("no cap change in {:#?}", report.facts_changed));
    assert_eq!(fact.category, CategoryId::LimitationOfLiability);
    assert!(fact.old.as_deref().unwrap().contains("100"));
    assert!(fact.new.as_deref().unwrap().contains("50"));
}

#[test]
fn another_governing_law_is_substantive() {
    let report = compare("base.md", "change-governing-law.md");
    assert!(report.substantive);
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].kind, ChangeKind::Modified);
}

#[test]
fn a_lower_minimum_age_is_substantive() {
    let report = compare("base.md", "change-minimum-age.md");
    assert!(report.substantive);
    assert_eq!(report.changes[0].numbers_changed[0].new.as_deref(), Some("16"));
}

#[test]
fn unrelated_documents_say_so() {
    let report = compare("base.md", "unrelated.md");
    assert!(report.substantive);
    assert!(report.summary.contains("different documents"), "{}", report.summary);
}
