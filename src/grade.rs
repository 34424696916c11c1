//! The document grade, A (reader-friendly) to E (many serious risks), with the reasons behind
//! it.
//!
//! Each risk category found counts once, however many clauses carry it, weighted by its
//! severity; each protective category found takes a little off. Counting categories rather than
//! clauses keeps a long document that repeats one clause from looking worse than a short one
//! that says it once. The letter bands are fixed so that grades stay comparable across
//! documents and versions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::categories::{CategoryId, Polarity, Severity};
use crate::tagging::Finding;

/// A (few risks, or well balanced by protections) to E (many serious risks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Letter {
    A,
    B,
    C,
    D,
    E,
}

/// A grade and the plain sentences that explain it, most important first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub letter: Letter,
    /// The weighted risk points behind the letter (risks minus protections, never below 0).
    pub points: u32,
    pub reasons: Vec<String>,
}

/// Upper bounds of risk points for A, B, C and D; anything above is E. One high-severity risk
/// (3 points) still earns a B; arbitration with a class-action and jury waiver (9) a C.
const BANDS: [(u32, Letter); 4] =
    [(2, Letter::A), (6, Letter::B), (12, Letter::C), (20, Letter::D)];

fn risk_points(severity: Severity) -> u32 {
    match severity {
        Severity::Low => 1,
        Severity::Medium => 2,
        Severity::High => 3,
    }
}

/// Each protective category found is worth one point off, however strong.
const PROTECTION_POINTS: u32 = 1;

/// Sums the findings of one document up.
pub fn grade(findings: &[Finding]) -> Grade {
    let mut worst: BTreeMap<CategoryId, &Finding> = BTreeMap::new();
    for finding in findings {
        worst.entry(finding.category).or_insert(finding);
    }

    let (risks, protections): (Vec<&Finding>, Vec<&Finding>) =
        worst.values().partition(|finding| finding.polarity == Polarity::Risk);

    let risk_total: u32 = risks.iter().map(|finding| risk_points(finding.severity)).sum();
    let protection_total = protections.len() as u32 * PROTECTION_POINTS;
    let points = risk_total.saturating_sub(protection_total);

    let letter = BANDS
        .iter()
        .find(|(limit, _)| points <= *limit)
        .map(|(_, letter)| *letter)
        .unwrap_or(Letter::E);

    Grade { letter, points, reasons: reasons(&risks, &protections) }
}

/// One sentence per category: the risks from most to least severe, then the protections.
fn reasons(risks: &[&Finding], protections: &[&Finding]) -> Vec<String> {
    let mut risks = risks.to_vec();
    risks.sort_by_key(|finding| std::cmp::Reverse(finding.severity));

    let mut reasons: Vec<String> = risks
        .iter()
        .map(|finding| {
            let name = &finding.category.info().name;
            format!("{name} ({} risk)", finding.severity.as_str())
        })
        .collect();

    reasons.extend(
        protections
            .iter()
            .map(|finding| format!("{} (protects you)", finding.category.info().name)),
    );

    if reasons.is_empty() {
        reasons.push("No risky clauses found".to_string());
    }
    reasons
}
