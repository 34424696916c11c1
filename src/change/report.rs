//! The change report: what changed, whether it matters, and what it means for the reader.
//!
//! A [`ChangeReport`] leads with a plain-language [`summary`](ChangeReport::summary), then the
//! document-level risk delta (categories that appeared or disappeared, facts that changed,
//! each tied to the clauses behind it), then every clause-level [`Change`] with its old and new
//! text and a word diff for rewordings. All of it serialises with serde, so the CLI and the
//! extension show the same report.

use serde::{Deserialize, Serialize};

use super::normalise::DateLine;
use super::readability::Unreadable;
use super::word_diff::WordOp;
use crate::categories::{self, CategoryId, Polarity, Severity};

/// Whether a comparison found a change in meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing differs once noise is folded away.
    Identical,
    /// Only edits that do not change what the terms say.
    Cosmetic,
    /// What the terms say changed.
    Substantive,
    /// One side is not a readable version of the document; nothing was compared.
    Unreadable,
}

/// Which side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Old,
    New,
}

/// A version that could not be compared, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableSide {
    pub side: Side,
    #[serde(flatten)]
    pub why: Unreadable,
}

/// What happened to one clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    Moved,
}

/// One clause-level change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// Whether this change alters what the terms say (moves and noise-only rewordings do not).
    pub substantive: bool,
    /// The old clause text, verbatim (`None` for additions).
    pub old: Option<String>,
    /// The new clause text, verbatim (`None` for removals).
    pub new: Option<String>,
    /// Index of the old clause in the old document.
    pub old_clause: Option<usize>,
    /// Index of the new clause in the new document.
    pub new_clause: Option<usize>,
    /// The heading of the section the clause sits in (new side, else old side).
    pub section: Option<String>,
    /// The categories the clause carries (new side, else old side).
    pub categories: Vec<CategoryId>,
    /// Categories this change brought in.
    pub risks_added: Vec<CategoryId>,
    /// Categories this change took away.
    pub risks_removed: Vec<CategoryId>,
    pub facts_changed: Vec<FactChange>,
    /// Word-level diff, for modified clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
    /// Numbers that changed inside a modified clause (`30` → `14`), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers_changed: Vec<NumberChange>,
}

/// A number that changed inside a reworded clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberChange {
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A category that appeared in or disappeared from the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskChange {
    pub category: CategoryId,
    /// The category's short name ("Binding arbitration").
    pub name: String,
    pub polarity: Polarity,
    pub severity: Severity,
    /// Clauses that carry it: new-document indices for additions, old for removals.
    pub clauses: Vec<usize>,
    /// The facts those clauses state, as `fact: value` pairs (`days: 30`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<(String, String)>,
}

/// A fact whose value changed (`days` 30 → 0, `cap` $100 → $50).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactChange {
    pub category: CategoryId,
    /// The fact's field name in [`crate::tagging::Facts`] (`days`, `cap`, `law`, ...).
    pub fact: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Old-document clauses stating the old value.
    #[serde(default)]
    pub old_clauses: Vec<usize>,
    /// New-document clauses stating the new value.
    #[serde(default)]
    pub new_clauses: Vec<usize>,
}

/// Counts of what was left out of the comparison as noise, for the curious.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoiseCounts {
    /// Clauses that only moved.
    pub moved: usize,
    /// Reworded clauses whose edits do not change their meaning.
    pub cosmetic_rewordings: usize,
    /// Runs of clauses whose words are the same, cut into sentences differently.
    pub resegmented: usize,
    /// Added or removed clauses with no word that carries meaning.
    pub empty_clauses: usize,
    /// Whether the "Last updated" or "Effective" date differs.
    pub date_changed: bool,
}

/// The comparison of two versions of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeReport {
    pub verdict: Verdict,
    pub substantive: bool,
    /// One plain-language paragraph that says what changed and what it means.
    pub summary: String,
    pub changes: Vec<Change>,
    pub risks_added: Vec<RiskChange>,
    pub risks_removed: Vec<RiskChange>,
    pub facts_changed: Vec<FactChange>,
    /// "Last updated" and "Effective" lines of each side: shown, never compared.
    pub old_dates: Vec<DateLine>,
    pub new_dates: Vec<DateLine>,
    pub noise: NoiseCounts,
    /// Share of old clauses found again, unchanged or moved, in the new version (0 to 1).
    pub kept_share: f64,
    /// A side that could not be read; nothing was compared then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<UnreadableSide>,
    /// The deadline or a size limit cut the comparison short: some rewordings may be shown as
    /// removals and additions, or without a word diff.
    pub approximate: bool,
}

/// The short name of a category, without failing on an incomplete categories file.
pub fn category_name(category: CategoryId) -> String {
    match categories::all().iter().find(|info| info.id == category) {
        Some(info) => info.name.clone(),
        None => {
            let words = category.as_str().replace('_', " ");
            let mut chars = words.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or(words)
        }
    }
}

/// Polarity and severity of a category; risk and medium when the categories file lacks it.
pub fn category_weight(category: CategoryId) -> (Polarity, Severity) {
    categories::all()
        .iter()
        .find(|info| info.id == category)
        .map_or((Polarity::Risk, Severity::Medium), |info| (info.polarity, info.severity))
}

/// How a person names a fact field.
pub fn fact_label(fact: &str) -> &str {
    match fact {
        "days" => "opt-out window",
        "cap" => "liability cap",
        "law" => "governing law",
        "venue" => "venue for disputes",
        "duration" => "time to bring a claim",
        "notice_days" => "notice before changes",
        "min_age" => "minimum age",
        other => other,
    }
}

/// A fact value as a person reads it (`30` days → `30 days`).
pub fn fact_value(fact: &str, value: &str) -> String {
    match fact {
        "days" | "notice_days" => format!("{value} days"),
        _ => value.to_string(),
    }
}

/// Writes the summary paragraph of a report whose other fields are filled in.
pub fn summarise(report: &ChangeReport) -> String {
    if let Some(unreadable) = &report.unreadable {
        let side = match unreadable.side {
            Side::Old => "The old version",
            Side::New => "The new version",
        };
        return format!(
            "{side} could not be read: {}. It was not compared, and it is not a new version \
             of the document.",
            unreadable.why.describe()
        );
    }

    let mut sentences = Vec::new();
    match report.verdict {
        Verdict::Identical => sentences.push("No change: both versions say the same.".to_string()),
        Verdict::Cosmetic => sentences.push(match noise_phrase(report) {
            Some(edits) => {
                format!("Only cosmetic edits ({edits}); what the terms say did not change.")
            }
            None => "Only cosmetic edits; what the terms say did not change.".to_string(),
        }),
        _ => sentences.extend(substance_sentences(report)),
    }

    if let Some(dates) = date_sentence(report) {
        sentences.push(dates);
    }
    if report.verdict == Verdict::Substantive
        && report.kept_share < 0.2
        && !report.changes.is_empty()
    {
        sentences.push(format!(
            "The versions share only {:.0} % of their clauses: they may be different documents.",
            report.kept_share * 100.0
        ));
    }
    if report.approximate {
        sentences.push(
            "The comparison was cut short by its time limit, so some rewordings may show as \
             removals and additions."
                .to_string(),
        );
    }
    sentences.join(" ")
}

fn substance_sentences(report: &ChangeReport) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut risk_phrases = Vec::new();
    for risk in &report.risks_added {
        risk_phrases.push(format!("{} added{}", risk.name, facts_phrase(&risk.facts)));
    }
    for risk in &report.risks_removed {
        risk_phrases.push(format!("{} removed", risk.name));
    }
    for fact in &report.facts_changed {
        risk_phrases.push(fact_phrase(fact));
    }

    if risk_phrases.is_empty() {
        sentences.push(
            "The terms changed in substance, though no tagged risk appeared or disappeared."
                .to_string(),
        );
    } else {
        let mut phrases = risk_phrases.join("; ");
        if let Some(first) = phrases.get(..1) {
            phrases = first.to_uppercase() + &phrases[1..];
        }
        sentences.push(format!("{phrases}."));
    }
    sentences.push(format!("In all: {}.", counts_phrase(report)));
    sentences
}

fn fact_phrase(fact: &FactChange) -> String {
    let label = fact_label(&fact.fact);
    let values = |value: &Option<String>| -> Vec<String> {
        let values = value.as_deref().map(|v| v.split(", ").map(str::to_string).collect());
        values.unwrap_or_default()
    };
    let (old, new) = (values(&fact.old), values(&fact.new));
    let shown = |values: &[String]| {
        values.iter().map(|v| fact_value(&fact.fact, v)).collect::<Vec<_>>().join(", ")
    };
    let gained: Vec<String> = new.iter().filter(|v| !old.contains(v)).cloned().collect();
    let lost: Vec<String> = old.iter().filter(|v| !new.contains(v)).cloned().collect();

    match (old.is_empty(), new.is_empty(), gained.is_empty(), lost.is_empty()) {
        (true, _, _, _) => format!("{label} now stated: {}", shown(&new)),
        (_, true, _, _) => format!("{label} no longer stated (was {})", shown(&old)),
        (_, _, false, true) => {
            format!("{label} {} added (besides {})", shown(&gained), shown(&old))
        }
        (_, _, true, false) => format!("{label} {} dropped (still {})", shown(&lost), shown(&new)),
        _ => format!("{label} changed from {} to {}", shown(&old), shown(&new)),
    }
}

fn facts_phrase(facts: &[(String, String)]) -> String {
    if facts.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = facts
        .iter()
        .map(|(fact, value)| format!("{} {}", fact_label(fact), fact_value(fact, value)))
        .collect();
    format!(", {}", parts.join(", "))
}

fn counts_phrase(report: &ChangeReport) -> String {
    let count = |kind: ChangeKind| {
        report.changes.iter().filter(|change| change.kind == kind && change.substantive).count()
    };
    let mut parts = Vec::new();
    for (kind, singular, plural) in [
        (ChangeKind::Added, "clause added", "clauses added"),
        (ChangeKind::Removed, "clause removed", "clauses removed"),
        (ChangeKind::Modified, "clause reworded", "clauses reworded"),
    ] {
        match count(kind) {
            0 => {}
            1 => parts.push(format!("1 {singular}")),
            n => parts.push(format!("{n} {plural}")),
        }
    }
    if parts.is_empty() {
        parts.push("no clause added, removed or reworded".to_string());
    }
    if let Some(noise) = noise_phrase(report) {
        parts.push(format!("and cosmetic edits ({noise})"));
    }
    parts.join(", ")
}

fn noise_phrase(report: &ChangeReport) -> Option<String> {
    let noise = report.noise;
    let mut parts = Vec::new();
    for (count, what) in [
        (noise.moved, "moved"),
        (noise.cosmetic_rewordings, "reworded without a change in meaning"),
        (noise.resegmented, "cut into sentences differently"),
        (noise.empty_clauses, "added or removed without words"),
    ] {
        if count > 0 {
            parts.push(format!("{count} {what}"));
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn date_sentence(report: &ChangeReport) -> Option<String> {
    let first = |dates: &[DateLine]| dates.first().map(|line| line.date.clone());
    match (first(&report.old_dates), first(&report.new_dates)) {
        (Some(old), Some(new)) if old != new => {
            Some(format!("The stated date moved from {old} to {new}; that alone is not a change."))
        }
        (None, Some(new)) => Some(format!("The new version is dated {new}.")),
        _ => None,
    }
}
