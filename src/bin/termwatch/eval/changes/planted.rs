//! Planted edits: changes of meaning made on purpose, which the comparison must find with the
//! right category or fact.
//!
//! - *Insert*: one of [`RISKY_CLAUSES`] (sentences we wrote, one clear risk each) becomes a
//!   paragraph of its own at a paragraph boundary. Found if the report is substantive and the
//!   added clause, or the document's risk delta, carries the sentence's category.
//! - *Delete*: a clause the engine tagged is cut out of the Markdown. Found if the report is
//!   substantive and the removed clause carries the category (or the delta removes it).
//! - *Number*: the first number inside a clause (not its provision number, and not in a "Last
//!   updated" or "Effective" line) goes up by one.
//!   Found if a reworded clause reports that number changed and, for a tagged clause, carries
//!   one of its categories or reports a changed fact.
//!
//! Untagged clauses are used for deletions and numbers only when a version has no tagged one;
//! they are counted apart, since "the right category" means nothing for them.

use std::collections::BTreeMap;
use std::fmt::Write;

use termwatch::categories::CategoryId;
use termwatch::change::normalise::{self, LineRole, TokenKind};
use termwatch::change::{ChangeKind, ChangeReport};
use termwatch::document::Clause;

use super::{analyse, compare, Rng, Version};

/// Risky clauses in our own words, each with the category it must be tagged with.
pub const RISKY_CLAUSES: [(&str, CategoryId); 12] = [
    (
        "Any dispute between you and us will be resolved by binding arbitration instead of in \
         court.",
        CategoryId::Arbitration,
    ),
    (
        "You waive any right to bring or take part in a class action against us.",
        CategoryId::ClassActionWaiver,
    ),
    (
        "We may use the content you submit to train our artificial intelligence models.",
        CategoryId::AiTrainingOnUserData,
    ),
    ("These terms are governed by the laws of the State of Delaware.", CategoryId::ChoiceOfLaw),
    (
        "Our total liability to you for any claim will not exceed one hundred dollars.",
        CategoryId::LimitationOfLiability,
    ),
    ("We may change these terms at any time without notifying you.", CategoryId::UnilateralChange),
    (
        "We may suspend or terminate your account at any time for any reason without notice.",
        CategoryId::UnilateralTermination,
    ),
    (
        "Your subscription renews automatically every month until you cancel it.",
        CategoryId::AutoRenewal,
    ),
    ("All payments are final and we do not offer refunds.", CategoryId::NoRefunds),
    ("You must be at least 16 years old to use the service.", CategoryId::AgeRequirement),
    (
        "You agree to indemnify us against any claim arising from your use of the service.",
        CategoryId::Indemnification,
    ),
    (
        "The service is provided as is, without warranties of any kind.",
        CategoryId::WarrantyDisclaimer,
    ),
];

#[derive(Default)]
struct Score {
    made: usize,
    substantive: usize,
    right: usize,
}

impl Score {
    fn add(&mut self, report: &ChangeReport, right: bool) {
        self.made += 1;
        self.substantive += usize::from(report.substantive);
        self.right += usize::from(report.substantive && right);
    }

    fn line(&self, label: &str) -> String {
        let share = |n: usize| 100.0 * n as f64 / self.made.max(1) as f64;
        format!(
            "  {label:<34} {:>5} variants: {:>6.2} % substantive, {:>6.2} % with the right \
             category or fact\n",
            self.made,
            share(self.substantive),
            share(self.right)
        )
    }
}

pub fn run(versions: &BTreeMap<String, Version>, text: &mut String) -> serde_json::Value {
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();

    for (position, version) in versions.values().enumerate() {
        if version.analysis.document.clauses.is_empty() {
            continue;
        }
        let mut rng = Rng::new(&version.path);

        if version.english {
            let (edited, category) = inserted(&version.source, position, &mut rng);
            let report = compare(&version.analysis, &analyse(&edited));
            let right = insert_found(&report, category);
            scores.entry("insert a risky clause").or_default().add(&report, right);
            if !right {
                misses.push(format!("insert {}: {}", category.as_str(), version.path));
            }
        }

        if let Some((edited, clause, tagged)) = deleted(version) {
            let report = compare(&version.analysis, &analyse(&edited));
            let right = !tagged.is_empty() && delete_found(&report, &clause, &tagged);
            let bucket = if tagged.is_empty() {
                "delete an untagged clause"
            } else {
                "delete a tagged clause"
            };
            let right = if tagged.is_empty() { report.substantive } else { right };
            scores.entry(bucket).or_default().add(&report, right);
            if !right {
                misses.push(format!("{bucket}: {} ({:.100})", version.path, clause.text));
            }
        }

        if let Some((edited, clause, tagged, old, new)) = renumbered(version) {
            let report = compare(&version.analysis, &analyse(&edited));
            let right = number_found(&report, &tagged, &old, &new);
            let bucket = if tagged.is_empty() {
                "change a number, untagged clause"
            } else {
                "change a number, tagged clause"
            };
            scores.entry(bucket).or_default().add(&report, right);
            if !right {
                misses.push(format!(
                    "{bucket}: {} ({old}->{new} in {:.100})",
                    version.path, clause.text
                ));
            }
        }
    }

    let made: usize = scores.values().map(|score| score.made).sum();
    let right: usize = scores.values().map(|score| score.right).sum();
    let share = 100.0 * right as f64 / made.max(1) as f64;
    let _ = writeln!(
        text,
        "\nPlanted edits: {right} of {made} ({share:.2} %) found with the right category or fact \
         (target 99 %)"
    );
    for (label, score) in &scores {
        text.push_str(&score.line(label));
    }
    for miss in misses.iter().take(10) {
        let _ = writeln!(text, "  MISS {miss}");
    }

    serde_json::json!({
        "variants": made,
        "found": right,
        "share": share / 100.0,
        "by_kind": scores.iter().map(|(label, score)| (label.to_string(), serde_json::json!({
            "variants": score.made, "substantive": score.substantive, "right": score.right,
        }))).collect::<serde_json::Map<_, _>>(),
    })
}

/// The source with one risky clause of ours inserted at a paragraph boundary.
pub fn with_inserted_clause(source: &str, which: usize) -> String {
    inserted(source, which, &mut Rng::new("speed")).0
}

fn inserted(source: &str, which: usize, rng: &mut Rng) -> (String, CategoryId) {
    let (sentence, category) = RISKY_CLAUSES[which % RISKY_CLAUSES.len()];
    let boundaries: Vec<usize> = source.match_indices("\n\n").map(|(at, _)| at).collect();
    let at =
        if boundaries.is_empty() { source.len() } else { boundaries[rng.below(boundaries.len())] };
    (format!("{}\n\n{sentence}{}", &source[..at], &source[at..]), category)
}

fn insert_found(report: &ChangeReport, category: CategoryId) -> bool {
    let in_change = report.changes.iter().any(|change| {
        change.kind == ChangeKind::Added
            && change.substantive
            && change.categories.contains(&category)
    });
    in_change || report.risks_added.iter().any(|risk| risk.category == category)
}

/// The source with one clause cut out: a tagged one when the version has one whose text occurs
/// exactly once in the Markdown, else an untagged one of at least six words.
fn deleted(version: &Version) -> Option<(String, Clause, Vec<CategoryId>)> {
    let clause = pick_clause(version, |_| true)?;
    let tagged = categories_of(version, clause);
    let at = version.source.find(&clause.text)?;
    let edited = format!("{}{}", &version.source[..at], &version.source[at + clause.text.len()..]);
    Some((edited, clause.clone(), tagged))
}

fn delete_found(report: &ChangeReport, clause: &Clause, tagged: &[CategoryId]) -> bool {
    let in_change = report.changes.iter().any(|change| {
        change.substantive
            && change.old.as_deref() == Some(clause.text.as_str())
            && (change.risks_removed.iter().chain(&change.categories).any(|c| tagged.contains(c)))
    });
    in_change || report.risks_removed.iter().any(|risk| tagged.contains(&risk.category))
}

/// The source with the first number inside a clause (not its provision number) raised by one.
/// "Last updated" and "Effective" lines are left alone: their date is not terms text, and a
/// new date there is not a change.
fn renumbered(version: &Version) -> Option<(String, Clause, Vec<CategoryId>, String, String)> {
    let editable = |clause: &Clause| {
        let tokens = normalise::tokenize(&clause.text);
        inner_number(&clause.text).is_some()
            && !matches!(normalise::line_role(&clause.text, &tokens), LineRole::Date(_))
    };
    let clause = pick_clause(version, editable)?;
    let (range, old) = inner_number(&clause.text)?;
    let value: u64 = old.replace(',', "").parse().ok()?;
    let new = (value + 1).to_string();

    let at = version.source.find(&clause.text)?;
    let edited_clause =
        format!("{}{new}{}", &clause.text[..range.start], &clause.text[range.end..]);
    let edited = format!(
        "{}{edited_clause}{}",
        &version.source[..at],
        &version.source[at + clause.text.len()..]
    );
    Some((edited, clause.clone(), categories_of(version, clause), old, new))
}

fn number_found(report: &ChangeReport, tagged: &[CategoryId], old: &str, new: &str) -> bool {
    report.changes.iter().any(|change| {
        let number = change.numbers_changed.iter().any(|n| {
            n.old.as_deref().map(|v| v.replace(',', "")) == Some(old.replace(',', ""))
                && n.new.as_deref() == Some(new)
        });
        let category = tagged.is_empty()
            || change.categories.iter().any(|c| tagged.contains(c))
            || !change.facts_changed.is_empty();
        change.substantive && change.kind == ChangeKind::Modified && number && category
    })
}

/// The first number token of a clause after its first token (which may be a provision
/// number), as the comparison's tokenizer cuts it: numbers inside links do not count.
fn inner_number(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let tokens = normalise::tokenize(text);
    let token = tokens.iter().skip(1).find(|token| {
        let digits = &text[token.range.clone()];
        token.kind == TokenKind::Number
            && digits.len() <= 9
            && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
    })?;
    Some((token.range.clone(), text[token.range.clone()].to_string()))
}

/// A clause to edit: the first, in a fixed shuffled order, that passes `wanted`, occurs exactly
/// once in the Markdown and has six words or more; tagged clauses are preferred.
fn pick_clause(version: &Version, wanted: impl Fn(&Clause) -> bool) -> Option<&Clause> {
    let clauses = &version.analysis.document.clauses;
    let usable = |clause: &&Clause| {
        wanted(clause)
            && clause.text.split_whitespace().count() >= 6
            && version.source.matches(clause.text.as_str()).take(2).count() == 1
    };
    let mut order: Vec<usize> = (0..clauses.len()).collect();
    let mut rng = Rng::new(&format!("{}#pick", version.path));
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }

    let tagged = order
        .iter()
        .map(|&i| &clauses[i])
        .filter(|clause| !categories_of(version, clause).is_empty())
        .find(|clause| usable(clause));
    tagged.or_else(|| order.iter().map(|&i| &clauses[i]).find(|clause| usable(clause)))
}

fn categories_of(version: &Version, clause: &Clause) -> Vec<CategoryId> {
    let index = version.analysis.document.clauses.iter().position(|c| std::ptr::eq(c, clause));
    let mut categories: Vec<CategoryId> = version
        .analysis
        .findings
        .iter()
        .filter(|finding| Some(finding.clause) == index)
        .map(|finding| finding.category)
        .collect();
    categories.sort();
    categories.dedup();
    categories
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_numbers_skip_provision_numbers_and_glued_digits() {
        assert_eq!(inner_number("4.2 You may opt out within 30 days.").unwrap().1, "30");
        assert_eq!(inner_number("Fees of 1,000 dollars apply.").unwrap().1, "1,000");
        assert_eq!(inner_number("See section 3.1 for details."), None);
        assert_eq!(inner_number("Use the v2 API, or 5 others."), Some((19..20, "5".to_string())));
        assert_eq!(
            inner_number("See [page](https://x.example/960) or 7 more."),
            Some((37..38, "7".to_string()))
        );
    }
}
