//! The whole comparison on hand-built analyses: one test per kind of change and noise rule.

use super::fixtures::analysed;
use super::*;
use crate::categories::CategoryId;
use crate::tagging::Facts;

const INTRO: &str = "These terms govern your use of the Lumenfold service. \
    Please read them with care.";
const ACCOUNT: &str = "You must keep your password secret. \
    You are responsible for all activity on your account.";
const CONTENT: &str = "You keep ownership of the photos you upload. \
    We may remove content that breaks these terms.";
const ARBITRATION: &str = "Any dispute will be resolved by binding arbitration. \
    You may opt out within 30 days of accepting these terms.";

fn report(old: &[&str], new: &[&str]) -> ChangeReport {
    report_with(old, &[], new, &[])
}

fn report_with(
    old: &[&str],
    old_findings: &[(usize, CategoryId, Facts)],
    new: &[&str],
    new_findings: &[(usize, CategoryId, Facts)],
) -> ChangeReport {
    let (_, old) = analysed(old, old_findings);
    let (_, new) = analysed(new, new_findings);
    compare_analyses(&old, &new)
}

fn days(days: u32) -> Facts {
    Facts { days: Some(days), ..Facts::default() }
}

fn cap(cap: &str) -> Facts {
    Facts { cap: Some(cap.to_string()), ..Facts::default() }
}

#[test]
fn identical_versions() {
    let found = report(&[INTRO, ACCOUNT], &[INTRO, ACCOUNT]);
    assert_eq!(found.verdict, Verdict::Identical);
    assert!(!found.substantive);
    assert!(found.changes.is_empty());
    assert!(found.summary.starts_with("No change"), "{}", found.summary);
}

#[test]
fn wrapping_quotes_and_dashes_are_not_changes() {
    let old = "You can’t transfer your account — it’s personal. Don't share it.";
    let new = "You can't  transfer your\naccount - it's personal. Don’t share it.";
    let found = report(&[INTRO, old], &[INTRO, new]);
    assert!(!found.substantive, "{found:#?}");
}

#[test]
fn a_bumped_date_line_is_shown_but_not_a_change() {
    let found = report(
        &["Last updated: March 3, 2025", INTRO, ACCOUNT],
        &["Last updated: June 9, 2025", INTRO, ACCOUNT],
    );
    assert!(!found.substantive);
    assert_eq!(found.verdict, Verdict::Cosmetic);
    assert_eq!(found.old_dates[0].date, "March 3, 2025");
    assert_eq!(found.new_dates[0].date, "June 9, 2025");
    assert!(found.summary.contains("June 9, 2025"), "{}", found.summary);
}

#[test]
fn reordered_sections_only_move() {
    let found = report(&[INTRO, ACCOUNT, CONTENT], &[INTRO, CONTENT, ACCOUNT]);
    assert!(!found.substantive, "{found:#?}");
    assert_eq!(found.verdict, Verdict::Cosmetic);
    assert!(found.changes.iter().all(|change| change.kind == ChangeKind::Moved));
    assert!(found.noise.moved >= 2);
}

#[test]
fn tracking_parameters_in_links_are_not_changes() {
    let old = "Read the [privacy notice](https://example.com/privacy) first.";
    let new =
        "Read the [privacy notice](https://example.com/privacy?utm_source=tos&gclid=4) first.";
    assert!(!report(&[INTRO, old], &[INTRO, new]).substantive);
}

#[test]
fn an_added_risky_clause_is_substantive_with_its_category_and_facts() {
    let found = report_with(
        &[INTRO, ACCOUNT],
        &[],
        &[INTRO, ACCOUNT, ARBITRATION],
        &[
            (4, CategoryId::Arbitration, Facts::default()),
            (5, CategoryId::ArbitrationOptOut, days(30)),
        ],
    );
    assert!(found.substantive);
    assert_eq!(found.verdict, Verdict::Substantive);
    let added: Vec<CategoryId> = found.risks_added.iter().map(|risk| risk.category).collect();
    assert_eq!(added, [CategoryId::Arbitration, CategoryId::ArbitrationOptOut]);
    assert_eq!(found.risks_added[1].clauses, [5]);
    assert_eq!(found.changes.len(), 2);
    assert!(found.changes.iter().all(|change| change.kind == ChangeKind::Added));
    assert!(found.summary.contains("30 days"), "{}", found.summary);
}

#[test]
fn a_removed_clause_takes_its_category_away() {
    let found = report_with(
        &[INTRO, ARBITRATION],
        &[(2, CategoryId::Arbitration, Facts::default())],
        &[INTRO, "You may opt out within 30 days of accepting these terms."],
        &[],
    );
    assert!(found.substantive);
    let removed: Vec<CategoryId> = found.risks_removed.iter().map(|risk| risk.category).collect();
    assert_eq!(removed, [CategoryId::Arbitration]);
    assert_eq!(found.changes[0].kind, ChangeKind::Removed);
}

#[test]
fn a_changed_number_is_substantive_and_its_fact_is_reported() {
    let old = "Our liability is limited to $100 in total. We are not liable for lost profits.";
    let new = "Our liability is limited to $50 in total. We are not liable for lost profits.";
    let found = report_with(
        &[INTRO, old],
        &[(2, CategoryId::LimitationOfLiability, cap("$100"))],
        &[INTRO, new],
        &[(2, CategoryId::LimitationOfLiability, cap("$50"))],
    );
    assert!(found.substantive);
    let change = &found.changes[0];
    assert_eq!(change.kind, ChangeKind::Modified);
    assert_eq!(change.categories, [CategoryId::LimitationOfLiability]);
    assert_eq!(change.numbers_changed[0].old.as_deref(), Some("100"));
    assert_eq!(change.facts_changed[0].old.as_deref(), Some("$100"));
    assert_eq!(found.facts_changed.len(), 1);
    assert_eq!(found.facts_changed[0].fact, "cap");
    assert_eq!(found.facts_changed[0].new.as_deref(), Some("$50"));
    let summary = found.summary.to_lowercase();
    assert!(summary.contains("liability cap changed from $100 to $50"), "{summary}");
}

#[test]
fn a_changed_number_without_a_fact_is_still_substantive() {
    let old = "We keep server logs for 30 days.";
    let new = "We keep server logs for 90 days.";
    let found = report(&[INTRO, old], &[INTRO, new]);
    assert!(found.substantive);
    assert_eq!(found.changes[0].kind, ChangeKind::Modified);
}

#[test]
fn a_changed_place_is_substantive() {
    let old = "These terms are governed by the laws of Delaware.";
    let new = "These terms are governed by the laws of Ireland.";
    assert!(report(&[INTRO, old], &[INTRO, new]).substantive);
}

#[test]
fn neutral_rewording_is_cosmetic() {
    let old = "You shall pay the fees that apply to your plan.";
    let new = "You will pay fees which apply to your plan.";
    let found = report(&[INTRO, old], &[INTRO, new]);
    assert!(!found.substantive, "{found:#?}");
    assert_eq!(found.noise.cosmetic_rewordings, 1);
    assert_eq!(found.changes[0].kind, ChangeKind::Modified);
}

#[test]
fn an_unchanged_clause_tagged_differently_is_not_a_risk_change() {
    let found = report_with(
        &[INTRO, ARBITRATION],
        &[(2, CategoryId::Arbitration, Facts::default())],
        &[INTRO, ARBITRATION],
        &[],
    );
    assert!(!found.substantive, "{found:#?}");
}

#[test]
fn unrelated_documents_are_flagged() {
    let found = report(&[INTRO, ACCOUNT], &[CONTENT, ARBITRATION]);
    assert!(found.substantive);
    assert!(found.kept_share < 0.01);
    assert!(found.summary.contains("different documents"), "{}", found.summary);
}

#[test]
fn unreadable_sides_are_not_compared() {
    let challenge = "Just a moment... Checking your browser before accessing example.com.";
    let found = report(&[INTRO, ACCOUNT, CONTENT], &[challenge]);
    assert_eq!(found.verdict, Verdict::Unreadable);
    assert!(!found.substantive);
    assert!(found.changes.is_empty());
    assert!(found.summary.contains("bot check"), "{}", found.summary);

    let empty = report(&[], &[INTRO]);
    assert_eq!(empty.verdict, Verdict::Unreadable);
}

#[test]
fn the_report_serialises_with_the_documented_fields() {
    let found = report(&[INTRO], &[INTRO, ACCOUNT]);
    let json = serde_json::to_value(&found).unwrap();
    for field in
        ["substantive", "summary", "changes", "risks_added", "risks_removed", "facts_changed"]
    {
        assert!(json.get(field).is_some(), "{field} missing");
    }
    for field in ["kind", "old", "new", "risks_added", "risks_removed", "facts_changed"] {
        assert!(json["changes"][0].get(field).is_some(), "changes[].{field} missing");
    }
    let back: ChangeReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, found);
}
