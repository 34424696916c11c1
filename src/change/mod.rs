//! Change tracking: stored versions, noise-free comparison and a clause-level change report.
//!
//! One stage per module, in the order data flows through them:
//!
//! ```text
//! canonical_url   the document's key, whatever tracking the address carried
//! snapshot        the stored record of one analysed version (versioned JSON, migrations)
//! comparable      a version ready to compare: clauses tokenised by `normalise`
//! normalise       noise out: folding, links, relative dates, "Last updated" lines
//! readability     bot checks, error pages and stubs are not versions
//! align           old clause ↔ new clause, with `similar` on clause keys
//! word_diff       words inside reworded clauses only, bounded by a deadline
//! significance    cosmetic or substantive
//! risk            categories and facts that appeared, disappeared or changed
//! report          the change report and its plain-language summary
//! history         the last versions of a document, and when to alert
//! ```
//!
//! [`compare`] is the whole comparison of two [`Comparable`] versions; [`compare_analyses`]
//! and [`compare_snapshots`] build those from fresh analyses or stored snapshots.
//!
//! Cost: near-linear in the size of the documents — clauses are hashed once, aligned on their
//! hashes, and only reworded pairs get a word diff. The whole comparison stops at
//! [`CompareOptions::time_limit`] (native and WebAssembly alike) and says so in the report.

pub mod align;
pub mod canonical_url;
pub mod clock;
pub mod comparable;
pub mod history;

pub mod migration;
pub mod normalise;
pub mod readability;
pub mod report;
pub mod risk;
pub mod significance;
pub mod snapshot;
pub mod spelling;
pub mod word_diff;

#[cfg(test)]
mod fixtures;

use std::collections::{BTreeSet, HashSet};
use std::time::Duration;

use clock::Instant;

use crate::analysis::Analysis;
use crate::categories::CategoryId;

pub use comparable::Comparable;
pub use history::{History, Recorded};

pub use report::{Change, ChangeKind, ChangeReport, FactChange, RiskChange, Verdict};
pub use snapshot::{Snapshot, SnapshotError};

use align::Step;
use report::{NoiseCounts, Side, UnreadableSide};

/// How long a comparison may take and what it may assume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareOptions {
    /// After this, alignment and word diffs stop refining and the report is marked
    /// approximate. A quarter of a second keeps the extension responsive on any page.
    pub time_limit: Duration,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { time_limit: Duration::from_millis(250) }
    }
}

/// Compares two versions of one document.
pub fn compare(
    old: &Comparable<'_>,
    new: &Comparable<'_>,
    options: CompareOptions,
) -> ChangeReport {
    let deadline = Instant::now().checked_add(options.time_limit);

    let mut report = empty_report(old, new);
    let dates = |version: &Comparable<'_>| -> Vec<String> {
        version.dates.iter().map(|line| line.date.clone()).collect()
    };
    report.noise.date_changed = dates(old) != dates(new);
    if let Err(why) = readability::check(old, None) {
        report.unreadable = Some(UnreadableSide { side: Side::Old, why });
    } else if let Err(why) = readability::check(new, Some(old.token_count())) {
        report.unreadable = Some(UnreadableSide { side: Side::New, why });
    }
    if report.unreadable.is_some() {
        report.verdict = Verdict::Unreadable;
        report.summary = report::summarise(&report);
        return report;
    }

    let alignment = align::align(&old.clauses, &new.clauses, deadline);
    report.approximate = alignment.approximate;

    let mut changed_old = HashSet::new();
    let mut changed_new = HashSet::new();
    let mut kept = 0;
    for step in &alignment.steps {
        kept += kept_old_clauses(step);
        let Some(change) = describe_step(step, old, new, deadline, &mut report) else {
            continue;
        };
        if change.substantive {
            changed_old.extend(step_old(step));
            changed_new.extend(step_new(step));
        }
        report.changes.push(change);
    }
    report.kept_share =
        if old.clauses.is_empty() { 1.0 } else { kept as f64 / old.clauses.len() as f64 };

    let delta = risk::delta(old, new, &changed_old, &changed_new);
    report.risks_added = delta.added;
    report.risks_removed = delta.removed;
    report.facts_changed = delta.facts;

    report.substantive = report.changes.iter().any(|change| change.substantive)
        || !report.risks_added.is_empty()
        || !report.risks_removed.is_empty()
        || !report.facts_changed.is_empty();
    report.verdict = if report.substantive {
        Verdict::Substantive
    } else if report.changes.is_empty() && report.noise == NoiseCounts::default() {
        Verdict::Identical
    } else {
        Verdict::Cosmetic
    };
    report.summary = report::summarise(&report);
    report
}

/// Compares two fresh analyses; this is what the benchmark times.
pub fn compare_analyses(old: &Analysis, new: &Analysis) -> ChangeReport {
    let old = Comparable::from_analysis(old);
    let new = Comparable::from_analysis(new);
    compare(&old, &new, CompareOptions::default())
}

/// Compares two stored versions. A version stored by an older engine or normaliser is first
/// read again from its stored blocks with the current ones, so that an upgrade of Termwatch is
/// never reported as a change of the terms.
pub fn compare_snapshots(old: &Snapshot, new: &Snapshot) -> ChangeReport {
    let old = old.refreshed();
    let new = new.refreshed();
    compare(&old.comparable(), &new.comparable(), CompareOptions::default())
}

fn empty_report(old: &Comparable<'_>, new: &Comparable<'_>) -> ChangeReport {
    ChangeReport {
        verdict: Verdict::Identical,
        substantive: false,
        summary: String::new(),
        changes: Vec::new(),
        risks_added: Vec::new(),
        risks_removed: Vec::new(),
        facts_changed: Vec::new(),
        old_dates: old.dates.clone(),
        new_dates: new.dates.clone(),
        noise: NoiseCounts::default(),
        kept_share: 1.0,
        unreadable: None,
        approximate: false,
    }
}

/// Turns one alignment step into a change, or counts it as noise.
fn describe_step(
    step: &Step,
    old: &Comparable<'_>,
    new: &Comparable<'_>,
    deadline: Option<Instant>,
    report: &mut ChangeReport,
) -> Option<Change> {
    match *step {
        Step::Same { .. } => None,
        Step::Resegmented { .. } => {
            report.noise.resegmented += 1;
            None
        }
        Step::Moved { old: i, new: j } => {
            report.noise.moved += 1;
            let mut change =
                clause_change(ChangeKind::Moved, Some(&old.clauses[i]), Some(&new.clauses[j]));
            change.substantive = false;
            Some(change)
        }
        Step::Added { new: j } => {
            let clause = &new.clauses[j];
            let mut change = clause_change(ChangeKind::Added, None, Some(clause));
            change.substantive = significance::clause_has_meaning(clause);
            change.risks_added = distinct(clause.categories());
            count_empty(&change, report);
            Some(change)
        }
        Step::Removed { old: i } => {
            let clause = &old.clauses[i];
            let mut change = clause_change(ChangeKind::Removed, Some(clause), None);
            change.substantive = significance::clause_has_meaning(clause);
            change.risks_removed = distinct(clause.categories());
            count_empty(&change, report);
            Some(change)
        }
        Step::Modified { old: i, new: j } => {
            let (before, after) = (&old.clauses[i], &new.clauses[j]);
            let diff = word_diff::diff(before, after, deadline);
            report.approximate |= diff.approximate;

            let mut change = clause_change(ChangeKind::Modified, Some(before), Some(after));
            change.substantive = significance::rewording_is_substantive(before, after, &diff);
            change.numbers_changed = significance::numbers_changed(before, after, &diff);
            change.words = diff.ops;
            if change.substantive {
                describe_risk_shift(&mut change, before, after);
            } else {
                report.noise.cosmetic_rewordings += 1;
            }
            Some(change)
        }
    }
}

/// Categories a rewording brought in or took away, and facts it changed.
fn describe_risk_shift(
    change: &mut Change,
    before: &comparable::ComparableClause<'_>,
    after: &comparable::ComparableClause<'_>,
) {
    let old_categories: BTreeSet<CategoryId> = before.categories().collect();
    let new_categories: BTreeSet<CategoryId> = after.categories().collect();
    change.risks_added = new_categories.difference(&old_categories).copied().collect();
    change.risks_removed = old_categories.difference(&new_categories).copied().collect();

    for category in old_categories.intersection(&new_categories) {
        let facts_of = |clause: &comparable::ComparableClause<'_>| {
            clause.findings.iter().find(|f| f.category == *category).map(|f| f.facts.clone())
        };
        let (Some(old_facts), Some(new_facts)) = (facts_of(before), facts_of(after)) else {
            continue;
        };
        for mut fact in risk::facts_diff(*category, &old_facts, &new_facts) {
            fact.old_clauses = vec![before.index];
            fact.new_clauses = vec![after.index];
            change.facts_changed.push(fact);
        }
    }
}

fn clause_change(
    kind: ChangeKind,
    old: Option<&comparable::ComparableClause<'_>>,
    new: Option<&comparable::ComparableClause<'_>>,
) -> Change {
    let shown = new.or(old);
    Change {
        kind,
        substantive: false,
        old: old.map(|clause| clause.text.to_string()),
        new: new.map(|clause| clause.text.to_string()),
        old_clause: old.map(|clause| clause.index),
        new_clause: new.map(|clause| clause.index),
        section: shown.and_then(|clause| clause.section.map(str::to_string)),
        categories: shown.map(|clause| distinct(clause.categories())).unwrap_or_default(),
        risks_added: Vec::new(),
        risks_removed: Vec::new(),
        facts_changed: Vec::new(),
        words: Vec::new(),
        numbers_changed: Vec::new(),
    }
}

fn count_empty(change: &Change, report: &mut ChangeReport) {
    if !change.substantive {
        report.noise.empty_clauses += 1;
    }
}

fn distinct(categories: impl Iterator<Item = CategoryId>) -> Vec<CategoryId> {
    categories.collect::<BTreeSet<_>>().into_iter().collect()
}

fn kept_old_clauses(step: &Step) -> usize {
    match step {
        Step::Same { .. } | Step::Moved { .. } => 1,
        Step::Resegmented { old, .. } => old.len(),
        _ => 0,
    }
}

fn step_old(step: &Step) -> Option<usize> {
    match *step {
        Step::Removed { old } | Step::Modified { old, .. } => Some(old),
        _ => None,
    }
}

fn step_new(step: &Step) -> Option<usize> {
    match *step {
        Step::Added { new } | Step::Modified { new, .. } => Some(new),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
