//! Cosmetic or substantive: does an edit change what a clause says?
//!
//! The rule is strict on purpose, because a missed change costs the reader more than a
//! needless one: an edit is cosmetic only if every word it touches is one of the few
//! [neutral words](super::normalise::is_neutral_word) (`the`, `a`, `that`/`which`,
//! `shall`/`will`), or a link target (shown, not alerted on: sites move their help pages
//! often). Any other word, and any number, amount, percentage or section sign, makes it
//! substantive — so a changed number, amount, duration or place always does. Noise such as
//! case, quotes, dashes and spacing never reaches this module: it is folded away before.
//!
//! Cost: linear in the tokens an edit touches.

use super::comparable::ComparableClause;
use super::normalise::{self, Token, TokenKind};
use super::report::NumberChange;
use super::word_diff::WordDiff;

/// Whether adding or removing this clause changes what the document says.
pub fn clause_has_meaning(clause: &ComparableClause<'_>) -> bool {
    clause.tokens.iter().any(|token| token_has_meaning(clause.text, token))
}

/// Whether the word-level edits of a reworded clause change what it says.
pub fn rewording_is_substantive(
    old: &ComparableClause<'_>,
    new: &ComparableClause<'_>,
    diff: &WordDiff,
) -> bool {
    let old_touched = diff.old_changed.iter().map(|&index| (old.text, &old.tokens[index]));
    let new_touched = diff.new_changed.iter().map(|&index| (new.text, &new.tokens[index]));
    old_touched.chain(new_touched).any(|(text, token)| token_has_meaning(text, token))
}

/// The numbers a rewording changed, old and new paired in order of appearance.
pub fn numbers_changed(
    old: &ComparableClause<'_>,
    new: &ComparableClause<'_>,
    diff: &WordDiff,
) -> Vec<NumberChange> {
    let numbers = |clause: &ComparableClause<'_>, indices: &[usize]| -> Vec<String> {
        indices
            .iter()
            .map(|&index| &clause.tokens[index])
            .filter(|token| token.kind == TokenKind::Number)
            .map(|token| clause.text[token.range.clone()].to_string())
            .collect()
    };
    let old_numbers = numbers(old, &diff.old_changed);
    let new_numbers = numbers(new, &diff.new_changed);

    let pairs = old_numbers.len().max(new_numbers.len());
    (0..pairs)
        .map(|i| NumberChange {
            old: old_numbers.get(i).cloned(),
            new: new_numbers.get(i).cloned(),
        })
        .collect()
}

fn token_has_meaning(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Link | TokenKind::RelativeDate => false,
        TokenKind::Word => {
            !normalise::is_neutral_word(&normalise::fold(&text[token.range.clone()]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::comparable::{ClauseSource, Comparable};
    use crate::change::word_diff;

    fn clause(text: &'static str) -> ComparableClause<'static> {
        let source = ClauseSource { index: 0, text, section: None, findings: Vec::new() };
        Comparable::from_clauses([source], 0).clauses.remove(0)
    }

    fn substantive(old: &'static str, new: &'static str) -> bool {
        let (old, new) = (clause(old), clause(new));
        rewording_is_substantive(&old, &new, &word_diff::diff(&old, &new, None))
    }

    #[test]
    fn neutral_word_edits_are_cosmetic() {
        assert!(!substantive("You shall pay the fees.", "You will pay fees."));
        assert!(!substantive("Data that we collect.", "Data which we collect."));
        assert!(!substantive(
            "See [help](https://a.example/help) for details.",
            "See [help](https://help.a.example/) for details."
        ));
    }

    #[test]
    fn numbers_places_and_meaningful_words_are_substantive() {
        assert!(substantive("Opt out within 30 days.", "Opt out within 14 days."));
        assert!(substantive("Liability is capped at $100.", "Liability is capped at €100."));
        assert!(substantive("Laws of Delaware apply.", "Laws of Ireland apply."));
        assert!(substantive("We may share your data.", "We will not share your data."));
        assert!(substantive("You or we may end it.", "You and we may end it."));
    }

    #[test]
    fn numbers_changed_are_paired() {
        let (old, new) = (
            clause("Refunds within 30 days, up to $100."),
            clause("Refunds within 14 days, up to $50."),
        );
        let found = numbers_changed(&old, &new, &word_diff::diff(&old, &new, None));
        let pairs: Vec<_> = found.iter().map(|n| (n.old.as_deref(), n.new.as_deref())).collect();
        assert_eq!(pairs, [(Some("30"), Some("14")), (Some("100"), Some("50"))]);
    }

    #[test]
    fn clauses_need_a_meaningful_word() {
        assert!(clause_has_meaning(&clause("We sell data.")));
        assert!(!clause_has_meaning(&clause("The")));
        assert!(!clause_has_meaning(&clause("[https://example.com/x]")));
    }
}
