//! Sentence boundaries inside one block of text, with abbreviations handled.
//!
//! A sentence ends at `.`, `!`, `?`, `…` (or a CJK full stop, question or exclamation mark),
//! followed by any closing quotes and brackets, then white space — except when:
//! - the next word starts with a lower-case letter (`e.g. the`, `... or the like. and`);
//! - the word before the full stop is an abbreviation that never ends a sentence (`e.g.`, `i.e.`,
//!   `cf.`, `vs.`, `Mr.`, `z.B.`), or one that only does before a number (`No. 5`, `art. 6`,
//!   `sec. 3`, `p. 12`);
//! - the word is a day of the month written as an ordinal (`Gültig ab 13. November 2023`);
//! - the word is an abbreviation that may end a sentence (`Inc.`, `Ltd.`, `Corp.`, `U.S.`,
//!   `etc.`, `p.m.`) or a single initial (`J. Smith`), and the next word is not one that
//!   usually opens a sentence (`We`, `You`, `The`, `If`, ...).
//!
//! A full stop with no space after it never ends a sentence, so decimals (`1.5`), addresses
//! (`example.com/terms?x=1`) and e-mail addresses stay whole.
//!
//! Why not `unicode-segmentation`: its UAX #29 sentence rules keep a provision letter glued to
//! the sentence before it (`... as follows. (a) you` is one sentence under rule SB8), we would
//! still need every abbreviation rule above on top, and its sentence tables add about 34 KB to
//! the WASM module (measured: a module calling only `split_sentence_bounds` grows from 1.7 KB to
//! 35.3 KB at `opt-level = "z"`). The rules we need are the few above.
//!
//! Cost: one pass over the characters, with a look of at most [`WORD_LOOK`] bytes at the word
//! before and after each candidate boundary: linear in the text, with or without spaces.
//!
//! Known limits: an abbreviation missing from the lists splits a sentence; a sentence that
//! ends on an abbreviation such as `Inc.` and goes on with a word not in the opener list (a
//! name, say) is not split.

use std::ops::Range;

/// Abbreviations that never end a sentence (compared in lower case, without the final dot).
const NEVER_FINAL: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "esp", "incl", "approx", "resp", "mr", "mrs",
    "ms", "dr", "prof", "st", "mt", "ft", "dept", "est", "z.b", "zb", "bzw", "ggf", "vgl", "d.h",
    "u.a", "s.o", "ca", "i.s.d", "u.u", "c.-à-d", "p.ex", "ex", "mme", "mlle", "sr", "sra", "dott",
];

/// Abbreviations that end a sentence only when no number follows (`No. 5`, `art. 6(1)`).
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "nr", "art", "arts", "sec", "secs", "para", "paras", "p", "pp", "ch", "chap",
    "vol", "fig", "abs", "ziff", "lit", "al", "n", "op", "rev", "ed", "tel", "ref",
];

/// Abbreviated English month names (`Mar. 4, 2026`): a date goes on after them, so they end a
/// sentence only when the next word opens one, and never before a number. `May` is a whole
/// word, so `in May.` ends a sentence as any word does.
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Abbreviations that may end a sentence; they do when the next word opens one.
const MAY_END: &[&str] = &[
    "inc", "ltd", "corp", "co", "llc", "l.l.c", "plc", "llp", "lp", "pty", "gmbh", "ag", "s.a",
    "b.v", "n.v", "s.a.s", "s.r.l", "u.s", "u.s.a", "u.k", "e.u", "etc", "a.m", "p.m", "jr",
    "bros", "intl", "govt", "et al",
];

/// Month names that follow a day written as an ordinal with a full stop (`13. November 2023`,
/// `1. März`): the full stop ends no sentence there.
const MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "january",
    "february",
    "march",
    "june",
    "july",
    "october",
    "december",
];

/// Words that usually open a sentence: after an abbreviation that may end one, they mean it did.
const OPENERS: &[&str] = &[
    "the",
    "this",
    "these",
    "that",
    "those",
    "we",
    "you",
    "your",
    "our",
    "us",
    "it",
    "its",
    "if",
    "in",
    "for",
    "to",
    "any",
    "all",
    "each",
    "such",
    "please",
    "when",
    "where",
    "unless",
    "except",
    "notwithstanding",
    "subject",
    "nothing",
    "no",
    "neither",
    "a",
    "an",
    "as",
    "by",
    "on",
    "at",
    "from",
    "upon",
    "under",
    "without",
    "with",
    "also",
    "however",
    "further",
    "furthermore",
    "moreover",
    "there",
    "they",
    "he",
    "she",
    "i",
    "some",
    "most",
    "many",
    "other",
    "additionally",
    "note",
    "what",
    "how",
    "why",
    "who",
    "which",
    "if",
    "nous",
    "vous",
    "les",
    "le",
    "la",
    "des",
    "si",
    "wir",
    "sie",
    "die",
    "der",
    "das",
    "wenn",
    "bei",
    "el",
    "los",
    "il",
    "lo",
    "de",
    "het",
    "o",
    "os",
];

/// Byte ranges of the sentences of `text`, in order, each trimmed of white space. Empty
/// sentences are left out; the ranges never overlap and never split a character.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;

    for boundary in boundaries(text) {
        push_trimmed(&mut sentences, text, start..boundary);
        start = boundary;
    }
    push_trimmed(&mut sentences, text, start..text.len());
    sentences
}

fn push_trimmed(sentences: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let trimmed_start = range.start + (piece.len() - piece.trim_start().len());
    let trimmed_end = range.start + piece.trim_end().len();
    if trimmed_start < trimmed_end {
        sentences.push(trimmed_start..trimmed_end);
    }
}

/// Byte offsets where a new sentence starts (at the first character after the white space
/// that follows a sentence's end).
fn boundaries(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut boundaries = Vec::new();
    let mut index = 0;

    while let Some(offset) = bytes[index..].iter().position(|&byte| may_start_terminator(byte)) {
        index += offset;
        let character = text[index..].chars().next().expect("a terminator's first byte");
        if !is_terminator(character) {
            index += character.len_utf8();
            continue;
        }

        let mut end = index + character.len_utf8();
        for next in text[end..].chars() {
            if !(is_terminator(next) || is_closing(next)) {
                break;
            }
            end += next.len_utf8();
        }

        let next_start = skip_space(text, end);
        let spaced = next_start > end;
        let cjk = is_cjk_terminator(character);
        if next_start < text.len()
            && (spaced || cjk)
            && ends_sentence(text, index, character, next_start)
        {
            boundaries.push(next_start);
        }
        index = end;
    }
    boundaries
}

/// Bytes that can open a terminator: the ASCII ones, and the lead bytes of the UTF-8 forms of
/// the others. Scanning bytes keeps the common case (no terminator) from decoding characters.
fn may_start_terminator(byte: u8) -> bool {
    matches!(byte, b'.' | b'!' | b'?' | 0xD8 | 0xE0 | 0xE2 | 0xE3 | 0xEF)
}

/// Whether the terminator `character` at `index` ends the sentence, given that the next one
/// would start at `next_start`.
fn ends_sentence(text: &str, index: usize, character: char, next_start: usize) -> bool {
    let next_word = word_after(text, next_start);
    let first = next_word.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    if character != '.' {
        return true;
    }

    let word = word_before(text, index).to_lowercase();
    let bare = word.trim_start_matches(['(', '[', '"', '“', '\'']);
    if NEVER_FINAL.contains(&bare) || is_day_before_month(bare, next_word) {
        return false;
    }
    if BEFORE_NUMBER.contains(&bare) {
        return !(first.is_ascii_digit() || first == '§');
    }
    if MONTH_ABBREVIATIONS.contains(&bare) && first.is_ascii_digit() {
        return false;
    }

    let initial = is_initial(word_before(text, index));
    let month = MONTH_ABBREVIATIONS.contains(&bare);
    if MAY_END.contains(&bare) || month || initial || ends_with_letter_dot_pair(bare) {
        let opener = next_word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        return OPENERS.contains(&opener.as_str());
    }
    true
}

/// A day of the month written `13.` followed by a month name.
fn is_day_before_month(word: &str, next_word: &str) -> bool {
    let day = (1..=2).contains(&word.len()) && word.bytes().all(|byte| byte.is_ascii_digit());
    let month = next_word.trim_end_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    day && MONTHS.contains(&month.as_str())
}

/// Bytes of a word the rules look at, before or after a boundary: every abbreviation, opener
/// and month is far shorter. Bounding the look keeps text without spaces (CJK, long runs of
/// letters) linear: an unbounded look would scan to the next space at every boundary.
const WORD_LOOK: usize = 40;

/// The word that ends just before byte `index` (the full stop), without that full stop; at
/// most its last [`WORD_LOOK`] bytes.
fn word_before(text: &str, index: usize) -> &str {
    let mut from = index.saturating_sub(WORD_LOOK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..index];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(space, c)| space + c.len_utf8());
    &before[start..]
}

/// The word starting at byte `start`, up to [`WORD_LOOK`] bytes of it.
fn word_after(text: &str, start: usize) -> &str {
    let mut end = (start + WORD_LOOK).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    let length = window.find(char::is_whitespace).unwrap_or(window.len());
    &window[..length]
}

/// A single capital letter, as in `J. Smith`.
fn is_initial(word: &str) -> bool {
    let mut letters = word.chars();
    matches!((letters.next(), letters.next()), (Some(letter), None) if letter.is_uppercase())
}

/// Dotted abbreviations not in the lists, such as `U.N` or `a.k.a`: letters and dots only,
/// each letter alone between dots.
fn ends_with_letter_dot_pair(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| part.chars().count() == 1)
        && word.chars().all(|c| c == '.' || c.is_alphabetic())
}

fn skip_space(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    from + (rest.len() - rest.trim_start().len())
}

fn is_terminator(character: char) -> bool {
    matches!(character, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '｡' | '؟' | '।')
}

fn is_cjk_terminator(character: char) -> bool {
    matches!(character, '。' | '！' | '？' | '｡')
}

fn is_closing(character: char) -> bool {
    matches!(character, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '」' | '』' | '）')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|range| &text[range]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("We may change these Terms. You agree! Do you? Yes."),
            ["We may change these Terms.", "You agree!", "Do you?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_that_never_end_a_sentence() {
        assert_eq!(
            split("Some data (e.g. Your name, i.e. Ann) is kept. Mr. Smith vs. Jones agreed."),
            ["Some data (e.g. Your name, i.e. Ann) is kept.", "Mr. Smith vs. Jones agreed."]
        );
    }

    #[test]
    fn number_abbreviations_hold_before_numbers_only() {
        assert_eq!(
            split("See art. 6 GDPR and No. 5 below. The answer is no. We refuse."),
            ["See art. 6 GDPR and No. 5 below.", "The answer is no.", "We refuse."]
        );
    }

    #[test]
    fn company_and_country_abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            split(
                "Acme, Inc. Privacy Office handles it. We are Acme Inc. You are not. \
                   U.S. Law applies in the U.S. The rest follows."
            ),
            [
                "Acme, Inc. Privacy Office handles it.",
                "We are Acme Inc.",
                "You are not.",
                "U.S. Law applies in the U.S.",
                "The rest follows."
            ]
        );
    }

    #[test]
    fn keeps_decimals_addresses_and_initials() {
        assert_eq!(
            split(
                "Fees rise 1.5 times. Visit https://example.com/terms?a=1. Write to a.b@c.org. \
                   J. R. Smith signs at 5 p.m. and leaves."
            ),
            [
                "Fees rise 1.5 times.",
                "Visit https://example.com/terms?a=1.",
                "Write to a.b@c.org.",
                "J. R. Smith signs at 5 p.m. and leaves."
            ]
        );
    }

    #[test]
    fn keeps_ordinal_days_before_month_names() {
        assert_eq!(
            split("Gültig ab 13. November 2023. Stand: 1. März 2024."),
            ["Gültig ab 13. November 2023.", "Stand: 1. März 2024."]
        );
        assert_eq!(
            split("Fees rise by 13. Prices follow."),
            ["Fees rise by 13.", "Prices follow."]
        );
    }

    #[test]
    fn abbreviated_months_keep_their_date() {
        assert_eq!(
            split("Last modified: Mar. 4, 2026. Since Sept. 2025 it applies. Paid in Dec. We"),
            ["Last modified: Mar. 4, 2026.", "Since Sept. 2025 it applies.", "Paid in Dec.", "We"]
        );
        assert_eq!(
            split("It changed in May. Fees rose in Jan. Smith Ltd. agreed."),
            ["It changed in May.", "Fees rose in Jan. Smith Ltd. agreed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("The service is provided \"AS IS.\" We disclaim (all) warranties.) Next."),
            ["The service is provided \"AS IS.\"", "We disclaim (all) warranties.)", "Next."]
        );
    }

    #[test]
    fn splits_before_provision_letters() {
        assert_eq!(
            split("You agree as follows. (a) you will pay."),
            ["You agree as follows.", "(a) you will pay."]
        );
    }

    #[test]
    fn cjk_full_stops_need_no_space() {
        assert_eq!(split("我们收集数据。你同意。"), ["我们收集数据。", "你同意。"]);
    }

    #[test]
    fn trims_and_drops_empty_pieces() {
        assert_eq!(split("  "), Vec::<&str>::new());
        assert_eq!(split(" One. "), ["One."]);
        assert_eq!(split("..."), ["..."]);
    }
}
