//! Word-level diff inside one reworded clause.
//!
//! Tokens are compared by key (so quotes, case and white space do not count) with `similar`'s
//! Myers algorithm, and the result is turned back into pieces of the original texts: every
//! byte of each clause belongs to exactly one piece, so the pieces of one side joined give that
//! side's text back, punctuation and spacing included.
//!
//! Cost: O((n + m) d) for clauses of n and m tokens that differ by d, cut short at the
//! deadline; clauses longer than [`MAX_TOKENS`] are not diffed and count as replaced whole.
//! The deadline works in WebAssembly too: `similar` is built with `wasm32_web_time` there, so
//! its clock is the browser's `performance.now()` instead of a clock that panics.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp};

use super::clock::{self, Instant};

use super::comparable::ComparableClause;
use super::normalise::Token;

/// Clauses longer than this (in tokens) are shown as replaced whole; a "clause" this long is a
/// wall of text the segmenter could not cut, and a word diff of it helps nobody.
pub const MAX_TOKENS: usize = 5_000;

/// What happened to one run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOpKind {
    Equal,
    Removed,
    Added,
    Replaced,
}

/// One run of words: the old and the new text of it (one of them empty for additions and
/// removals; equal runs may still differ in spacing, quotes or case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub kind: WordOpKind,
    pub old: String,
    pub new: String,
}

/// The word diff of one clause pair, with the tokens it touched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordDiff {
    pub ops: Vec<WordOp>,
    /// Indices of old tokens removed or replaced.
    pub old_changed: Vec<usize>,
    /// Indices of new tokens added or replacing.
    pub new_changed: Vec<usize>,
    /// The diff was cut short by the deadline or the size limit.
    pub approximate: bool,
}

/// Diffs two versions of a clause word by word.
pub fn diff(
    old: &ComparableClause<'_>,
    new: &ComparableClause<'_>,
    deadline: Option<Instant>,
) -> WordDiff {
    let too_long = old.tokens.len() > MAX_TOKENS || new.tokens.len() > MAX_TOKENS;
    let late = clock::passed(deadline);
    let ops = if too_long || late {
        whole_replacement(old.tokens.len(), new.tokens.len())
    } else {
        let old_keys: Vec<u64> = old.tokens.iter().map(|token| token.key).collect();
        let new_keys: Vec<u64> = new.tokens.iter().map(|token| token.key).collect();
        similar::capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, deadline)
    };

    let mut diff = WordDiff { approximate: too_long || late, ..WordDiff::default() };
    for op in &ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let kind = match op {
            DiffOp::Equal { .. } => WordOpKind::Equal,
            DiffOp::Delete { .. } => WordOpKind::Removed,
            DiffOp::Insert { .. } => WordOpKind::Added,
            DiffOp::Replace { .. } => WordOpKind::Replaced,
        };
        if kind != WordOpKind::Equal {
            diff.old_changed.extend(old_range.clone());
            diff.new_changed.extend(new_range.clone());
        }
        diff.ops.push(WordOp {
            kind,
            old: piece(old.text, &old.tokens, old_range).to_string(),
            new: piece(new.text, &new.tokens, new_range).to_string(),
        });
    }

    if clock::passed(deadline) {
        diff.approximate = true;
    }
    diff
}

fn whole_replacement(old_len: usize, new_len: usize) -> Vec<DiffOp> {
    match (old_len, new_len) {
        (0, 0) => Vec::new(),
        (0, _) => vec![DiffOp::Insert { old_index: 0, new_index: 0, new_len }],
        (_, 0) => vec![DiffOp::Delete { old_index: 0, old_len, new_index: 0 }],
        _ => vec![DiffOp::Replace { old_index: 0, old_len, new_index: 0, new_len }],
    }
}

/// The text of tokens `range`: each token owns the text up to the next token, and the first
/// token also owns what comes before it, so consecutive pieces tile the clause.
fn piece<'t>(text: &'t str, tokens: &[Token], range: Range<usize>) -> &'t str {
    let boundary = |index: usize| -> usize {
        if index == 0 {
            0
        } else {
            tokens.get(index).map_or(text.len(), |token| token.range.start)
        }
    };
    if range.is_empty() {
        return "";
    }
    &text[boundary(range.start)..boundary(range.end)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::comparable::{ClauseSource, Comparable};

    fn clause(text: &'static str) -> ComparableClause<'static> {
        let source = ClauseSource { index: 0, text, section: None, findings: Vec::new() };
        Comparable::from_clauses([source], 0).clauses.remove(0)
    }

    fn changed_words(diff: &WordDiff, clause: &ComparableClause<'_>, old: bool) -> Vec<String> {
        let indices = if old { &diff.old_changed } else { &diff.new_changed };
        indices.iter().map(|&i| clause.text[clause.tokens[i].range.clone()].to_string()).collect()
    }

    #[test]
    fn a_changed_number_is_the_only_change() {
        let old = clause("You may opt out within 30 days of signing up.");
        let new = clause("You may opt out within 14 days of signing up.");
        let found = diff(&old, &new, None);
        assert_eq!(changed_words(&found, &old, true), ["30"]);
        assert_eq!(changed_words(&found, &new, false), ["14"]);
        assert!(!found.approximate);
    }

    #[test]
    fn pieces_tile_both_texts() {
        let old = clause("“Content” means text, images and   sound.");
        let new = clause("\"Content\" means text, images, video and sound!");
        let found = diff(&old, &new, None);
        let old_text: String = found.ops.iter().map(|op| op.old.as_str()).collect();
        let new_text: String = found.ops.iter().map(|op| op.new.as_str()).collect();
        assert_eq!(old_text, old.text);
        assert_eq!(new_text, new.text);
        assert_eq!(changed_words(&found, &new, false), ["video"]);
    }

    #[test]
    fn quotes_and_case_are_equal_runs() {
        let old = clause("The “Service” is provided AS IS.");
        let new = clause("the \"service\" is provided as is.");
        let found = diff(&old, &new, None);
        assert!(found.ops.iter().all(|op| op.kind == WordOpKind::Equal), "{found:?}");
    }

    #[test]
    fn a_passed_deadline_replaces_the_clause_whole() {
        let old = clause("We keep logs for one year.");
        let new = clause("We keep logs for two years.");
        let past = Instant::now();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let found = diff(&old, &new, Some(past));
        assert!(found.approximate);
        assert_eq!(found.ops.len(), 1);
        assert_eq!(found.ops[0].kind, WordOpKind::Replaced);
    }
}
