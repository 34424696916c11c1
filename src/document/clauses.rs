//! Cuts one block of text into clauses: sentences, with provision numbers and inline headings
//! kept with the sentence they introduce, and overlong runs split so later stages stay linear.
//!
//! - A piece that is only a provision number (`2.`, `(b)`, `iv.`, `Section 3.`) joins the
//!   sentence after it, so `2. Fees are due monthly.` is one clause numbered `2.`.
//! - A short inline heading (`Registration.`, `4.1 Licence.`, `LIMITATION OF LIABILITY.`) joins
//!   the sentence after it, so the clause carries its topic.
//! - A clause longer than [`MAX_CLAUSE_CHARS`] (a paragraph with no full stop, a list flattened
//!   into one line) is cut at the last space, semicolon or comma before the limit.
//!
//! Cost: linear in the block's length. Known limits: provisions lettered inside a sentence
//! (`you will not: (a) copy; (b) sell`) stay in that one sentence, which keeps the lead-in
//! that gives them their meaning.

use std::ops::Range;
use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::sentences::sentences;

/// The longest clause, in characters. Real sentences of terms rarely pass 1,000 characters;
/// past this limit a "sentence" is a list or a run-on block and is cut.
pub const MAX_CLAUSE_CHARS: usize = 2_000;

/// Inline headings have at most this many words.
const INLINE_HEADING_WORDS: usize = 6;

/// One clause of a block: its byte range and the provision number it opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseRange {
    pub range: Range<usize>,
    pub number: Option<String>,
}

/// The clauses of `text`, in order; byte ranges into `text`, trimmed, never empty.
pub fn clauses(text: &str) -> Vec<ClauseRange> {
    let merged = merge_lead_ins(text, sentences(text));

    let mut clauses = Vec::with_capacity(merged.len());
    for range in merged {
        for piece in split_long(text, range) {
            let number = provision_number(&text[piece.clone()]).map(str::to_string);
            clauses.push(ClauseRange { range: piece, number });
        }
    }
    clauses
}

/// Joins provision numbers and inline headings to the sentence that follows them.
fn merge_lead_ins(text: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut pending: Option<Range<usize>> = None;

    for sentence in sentences {
        let start = pending.take().map_or(sentence.start, |lead_in| lead_in.start);
        let joined = start..sentence.end;
        if is_lead_in(&text[joined.clone()]) {
            pending = Some(joined);
        } else {
            merged.push(joined);
        }
    }
    merged.extend(pending);
    merged
}

/// A piece that introduces the next sentence rather than saying anything itself.
fn is_lead_in(piece: &str) -> bool {
    let number = provision_number(piece);
    let rest = number.map_or(piece, |number| piece[number.len()..].trim_start());
    if rest.is_empty() {
        return number.is_some();
    }
    if !rest.ends_with(['.', ':']) || rest.ends_with("...") {
        return false;
    }

    // Counted without collecting: this runs on every sentence of the page.
    let mut words = 0;
    for word in rest.split_whitespace() {
        words += 1;
        if words > INLINE_HEADING_WORDS || !is_title_word(word) {
            return false;
        }
    }
    true
}

/// A word as headings write it: capitalised, a number, or a short linking word.
fn is_title_word(word: &str) -> bool {
    const LINKS: &[&str] =
        &["of", "and", "or", "the", "to", "for", "in", "on", "a", "an", "your", "our", "&", "with"];
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let first = bare.chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) || LINKS.contains(&bare)
}

/// Splits a range longer than [`MAX_CLAUSE_CHARS`] characters into pieces that are not.
fn split_long(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;

    while start < range.end {
        let rest = &text[start..range.end];
        let Some((limit, _)) = rest.char_indices().nth(MAX_CLAUSE_CHARS) else {
            pieces.push(start..range.end);
            break;
        };

        let cut = cut_point(&rest[..limit]);
        let piece = &rest[..cut];
        pieces.push(start..start + piece.trim_end().len());

        let next = &rest[cut..];
        start += cut + (next.len() - next.trim_start().len());
    }
    pieces
}

/// Where to cut a window that is too long: after the last `;` or `,` in its second half, else
/// at its last space, else at its end (a run with no space at all).
fn cut_point(window: &str) -> usize {
    let half = window.len() / 2;
    let after = |index: usize| index + 1;

    if let Some(index) = window.rfind(';').filter(|&index| index >= half) {
        return after(index);
    }
    if let Some(index) = window.rfind(',').filter(|&index| index >= half) {
        return after(index);
    }
    if let Some(index) = window.rfind(char::is_whitespace).filter(|&index| index > 0) {
        return index;
    }
    window.len()
}

static PROVISION_NUMBER: LazyLock<AsciiRegex> = LazyLock::new(|| {
    AsciiRegex::new(concat!(
        r"^(?:",
        r"(?i:section|article|clause|art\.|sec\.|§)\s*[0-9]{1,3}(?:\.[0-9]{1,3})*[a-z]?[.:]?",
        r"|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?",
        r"|[0-9]{1,3}[.)]",
        r"|\([0-9]{1,3}\)",
        r"|\([a-z]{1,2}\)",
        r"|\((?:[ivxlc]{1,6}|[IVXLC]{1,6})\)",
        r"|(?:[ivxlc]{1,6}|[IVXLC]{1,6})[.)]",
        r"|[a-zA-Z][.)]",
        r")(?:\s|$)"
    ))
    .expect("valid provision pattern")
});

/// The provision number a clause opens with (`4.2`, `(a)`, `iv.`, `Section 3`), as written.
pub fn provision_number(clause: &str) -> Option<&str> {
    let found = PROVISION_NUMBER.find(clause)?;
    let number = found.as_str().trim_end();

    // `1.5 million` is an amount, not provision 1.5.
    let next = clause[found.end()..].chars().next();
    let dotted_decimal = number.contains('.')
        && !number.ends_with('.')
        && number.starts_with(|c: char| c.is_ascii_digit());
    if dotted_decimal && next.is_some_and(char::is_lowercase) {
        return None;
    }
    Some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(&str, Option<String>)> {
        clauses(text).into_iter().map(|clause| (&text[clause.range], clause.number)).collect()
    }

    fn numbered<'a>(text: &'a str, number: &str) -> (&'a str, Option<String>) {
        (text, Some(number.to_string()))
    }

    #[test]
    fn numbers_join_the_sentence_they_open() {
        assert_eq!(
            cut("1. Fees. We bill you monthly. 2. You may cancel."),
            [numbered("1. Fees. We bill you monthly.", "1."), numbered("2. You may cancel.", "2.")]
        );
    }

    #[test]
    fn inline_headings_join_the_next_sentence() {
        assert_eq!(
            cut("Registration. You must be 13. LIMITATION OF LIABILITY. We are not liable."),
            [
                ("Registration. You must be 13.", None),
                ("LIMITATION OF LIABILITY. We are not liable.", None)
            ]
        );
    }

    #[test]
    fn recognises_provision_numbers() {
        for (text, number) in [
            ("4.2 The licence ends.", Some("4.2")),
            ("(a) you will pay.", Some("(a)")),
            ("iv. no resale.", Some("iv.")),
            ("Section 3. Fees apply.", Some("Section 3.")),
            ("§ 5 Haftung.", Some("§ 5")),
            ("1.5 million users joined.", None),
            ("2024 was a year.", None),
            ("In 2024 we grew.", None),
        ] {
            assert_eq!(provision_number(text), number, "{text}");
        }
    }

    #[test]
    fn a_lone_number_at_the_end_is_kept() {
        assert_eq!(cut("We agree. 3."), [("We agree.", None), numbered("3.", "3.")]);
    }

    #[test]
    fn long_runs_are_cut_under_the_limit() {
        let text = "word ".repeat(1_000) + "end";
        let pieces = clauses(&text);

        assert!(pieces.len() >= 3);
        assert!(pieces.iter().all(|piece| text[piece.range.clone()].chars().count() <= 2_000));
        let rejoined: Vec<&str> = pieces.iter().map(|piece| &text[piece.range.clone()]).collect();
        assert_eq!(rejoined.join(" "), text);
    }

    #[test]
    fn runs_without_spaces_are_cut_too() {
        let text = "é".repeat(5_000);
        let pieces = clauses(&text);

        assert_eq!(pieces.len(), 3);
        assert_eq!(pieces.iter().map(|piece| piece.range.len()).sum::<usize>(), text.len());
    }
}
