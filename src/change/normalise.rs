//! Noise out: the comparable form of a clause, and the lines that are never a change.
//!
//! Every clause is cut into [`Token`]s — words, numbers, currency and percent signs, links and
//! relative dates — each with a 64-bit key of its folded form and its byte range in the clause,
//! so that later stages compare keys and still point at the original words. Folding is what
//! makes these edits invisible to the comparison:
//! - white space and line wrapping (tokens ignore it), punctuation other than `$ € £ ¥ ₹ % §`;
//! - British and American spellings of one word (see [`spelling`]);
//! - letter case, typographic apostrophes (`’` → `'`), dashes and hyphens (`opt‑out`, `opt-out`
//!   and `opt out` are the same two words), soft hyphens and zero-width characters, `&` as `and`,
//!   thousands separators in numbers;
//! - links: compared by [`canonical_url::link_key`], so tracking parameters, redirect wrappers
//!   and e-mail obfuscation tokens do not count;
//! - relative dates (`3 days ago`, `an hour ago`, `yesterday`) become one token.
//!
//! [`line_role`] then sets aside the lines that carry no terms: "Last updated" and "Effective"
//! lines (their date is kept as a [`DateLine`] fact, shown but never compared) and clauses with
//! no token at all.
//!
//! Cost: one pass over the text, no allocation per token (keys are hashed from a reused buffer).
//!
//! Known limits: Unicode normalisation forms are not folded (a decomposed `é` differs from the
//! precomposed one; extraction rarely produces them); date lines are recognised in English,
//! French and German only, and only with a four-digit year or a dotted date (`3/3/25` is not).

use std::ops::Range;
use std::sync::OnceLock;

use crate::ascii_regex::AsciiRegex;
use serde::{Deserialize, Serialize};

use super::{canonical_url, spelling};

/// Bumped whenever folding or line roles change, so that stored versions are re-normalised
/// before they are compared with new ones (see [`super::snapshot`]).
pub const NORMALISER_VERSION: u32 = 4;

/// What a token is; decides how much an edit to it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Starts with a digit: `30`, `1,000.50`, `12th`.
    Number,
    /// `$`, `€`, `£`, `¥`, `₹`, `%`, `§`.
    Symbol,
    Link,
    RelativeDate,
}

/// One comparable piece of a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// FNV-1a hash of the folded form; equal keys mean "the same word" to the comparison.
    pub key: u64,
    pub kind: TokenKind,
    /// Byte range of the token in the clause text.
    pub range: Range<usize>,
}

/// What a line of the document is to the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineRole {
    /// Terms text: compared.
    Body,
    /// A "Last updated" or "Effective" line: shown, never compared.
    Date(DateLine),
    /// Nothing to compare (punctuation, an empty list bullet).
    Empty,
}

/// A "Last updated" or "Effective" line, kept as a fact of the version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateLine {
    /// The line as the page shows it.
    pub text: String,
    /// The date part of it as written (`March 3, 2025`, `2025-03-03`).
    pub date: String,
}

/// Cuts a clause into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut scratch = String::new();
    let mut index = 0;

    while let Some(c) = text[index..].chars().next() {
        let link = if may_start_link(text, index, c) { link_end(text, index) } else { None };
        if let Some(end) = link {
            scratch.clear();
            scratch.push_str(&canonical_url::link_key(&text[index..end]));
            tokens.push(token(&scratch, TokenKind::Link, index..end));
            index = end;
        } else if c.is_alphanumeric() {
            let end = word_end(text, index);
            let kind = if c.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            fold_word(&text[index..end], kind, &mut scratch);
            tokens.push(token(&scratch, kind, index..end));
            index = end;
        } else {
            let end = index + c.len_utf8();
            match c {
                '$' | '€' | '£' | '¥' | '₹' | '%' | '§' => {
                    scratch.clear();
                    scratch.push(c);
                    tokens.push(token(&scratch, TokenKind::Symbol, index..end));
                }
                '&' => tokens.push(token("and", TokenKind::Word, index..end)),
                _ => {}
            }
            index = end;
        }
    }

    merge_relative_dates(text, &mut tokens);
    tokens
}

/// Appends the folded form of every token to `out`, separated by single spaces: the text the
/// snapshot hash is computed over.
pub fn folded_text(text: &str, tokens: &[Token], out: &mut String) {
    let mut scratch = String::new();
    for (position, token) in tokens.iter().enumerate() {
        if position > 0 {
            out.push(' ');
        }
        let piece = &text[token.range.clone()];
        match token.kind {
            TokenKind::Link => out.push_str(&canonical_url::link_key(piece)),
            TokenKind::RelativeDate => out.push_str("<relative-date>"),
            TokenKind::Symbol => out.push_str(piece),
            TokenKind::Word if piece == "&" => out.push_str("and"),
            TokenKind::Word | TokenKind::Number => {
                fold_word(piece, token.kind, &mut scratch);
                out.push_str(&scratch);
            }
        }
    }
}

/// The folded form of one word, for callers that compare words by value.
pub fn fold(word: &str) -> String {
    let kind = if word.starts_with(|c: char| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let mut out = String::new();
    fold_word(word, kind, &mut out);
    out
}

/// Decides whether a clause is terms text, a date line or nothing.
pub fn line_role(text: &str, tokens: &[Token]) -> LineRole {
    if tokens.is_empty() {
        return LineRole::Empty;
    }
    if tokens.len() > 24 || !tokens.iter().any(|token| may_be_in_date(text, token)) {
        return LineRole::Body;
    }

    // Emphasis marks (`_Last updated: May 2, 2025_`) would glue words together for `\b`;
    // blanking them keeps every byte offset.
    let plain = text.replace(['_', '*'], " ");
    let Some(date) = find_date(&plain) else {
        return LineRole::Body;
    };
    let is_word = |word: &&str| word.chars().any(char::is_alphanumeric);
    let words_besides_date = plain[..date.start()].split_whitespace().filter(is_word).count()
        + plain[date.end()..].split_whitespace().filter(is_word).count();
    let is_date_line = words_besides_date == 0 || date_line_pattern().is_match(&plain);
    if !is_date_line || words_besides_date > 14 || states_after(&plain[date.end()..]) {
        return LineRole::Body;
    }

    LineRole::Date(DateLine { text: text.trim().to_string(), date: date.as_str().to_string() })
}

/// Whether the words after a date make a statement of their own ("Effective March 3, 2025, we
/// will sell your data"): such a clause is terms text that happens to open on a date, and
/// must be compared, not set aside as the version's date.
fn states_after(rest: &str) -> bool {
    static STATEMENT: OnceLock<AsciiRegex> = OnceLock::new();
    STATEMENT
        .get_or_init(|| {
            AsciiRegex::new(r"(?i)\b(?:we|you|us|our|your|will|may|shall|must|agree|can|cannot)\b")
                .expect("valid")
        })
        .is_match(rest)
}

/// The first calendar date in `text` that ends where a date can end: at the end of the text,
/// before a character that is not a letter or digit, or (a year glued to what follows) before
/// a capital letter. Pages often set the date and a link such as "Previous Version" side by
/// side, and their text then reads `Effective June 17, 2025Previous Version`.
fn find_date(text: &str) -> Option<crate::ascii_regex::Match<'_>> {
    date_pattern().find_iter(text).find(|date| {
        let ends_in_digit = date.as_str().ends_with(|c: char| c.is_ascii_digit());
        match text[date.end()..].chars().next() {
            None => true,
            Some(next) if next.is_alphanumeric() => ends_in_digit && next.is_uppercase(),
            Some(_) => true,
        }
    })
}

/// A cheap test before the date pattern runs: every date it knows holds a year from 1900 to
/// 2099 or a dotted number (`01.02.24`). Most clauses have neither, and skip the regex.
fn may_be_in_date(text: &str, token: &Token) -> bool {
    if token.kind != TokenKind::Number {
        return false;
    }
    let number = &text[token.range.clone()];
    // A year glued to the next word (`2025Previous`) is one token; its digits still count.
    let digits = number.len() - number.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let year = digits == 4 && (number.starts_with("19") || number.starts_with("20"));
    year || number.contains('.')
}

/// Words whose addition, removal or swap for one another does not change what a clause says.
/// Deliberately tiny: `or`/`and`, `may`/`will`, pronouns and prepositions all can.
pub fn is_neutral_word(folded: &str) -> bool {
    matches!(folded, "a" | "an" | "the" | "that" | "which" | "shall" | "will")
}

fn token(folded: &str, kind: TokenKind, range: Range<usize>) -> Token {
    Token { key: fnv1a(folded.as_bytes()), kind, range }
}

/// 64-bit FNV-1a: stable across builds and platforms (unlike `DefaultHasher`), and fast on the
/// short strings tokens are.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Combines a sequence of keys into one, order-sensitive.
pub fn combine(keys: impl IntoIterator<Item = u64>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        hash = (hash ^ key).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(17);
    }
    hash
}

/// Lower-cases, folds apostrophes and ligatures, drops invisible characters and thousands
/// separators.
fn fold_word(word: &str, kind: TokenKind, out: &mut String) {
    out.clear();
    // Most words are plain ASCII with nothing to fold but case: copy and lower them at once
    // rather than character by character.
    let plain = word.bytes().all(|byte| {
        byte.is_ascii() && byte != b'`' && !(byte == b',' && kind == TokenKind::Number)
    });
    if plain {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        fold_each_char(word, kind, out);
    }
    if kind == TokenKind::Word {
        spelling::fold_to_american(out);
    }
}

fn fold_each_char(word: &str, kind: TokenKind, out: &mut String) {
    for (index, c) in word.char_indices() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}' => out.push('\''),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            ',' if kind == TokenKind::Number && groups_thousands(&word[index + 1..]) => {}
            c if is_invisible(c) => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether a comma followed by `rest` separates thousands (`1,000`, `12,500.50`) rather than
/// decimals (`2,5`), which must not read as another number once the comma is gone.
fn groups_thousands(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3
}

/// Soft hyphen, zero-width space, joiners, word joiner and byte-order mark: they render as
/// nothing and come and go between extractions.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// End of the word starting at `start`: letters and digits, invisible characters, combining
/// marks, apostrophes between letters, and `,`/`.` between digits (`1,000.50`).
fn word_end(text: &str, start: usize) -> usize {
    // Most words are a run of ASCII letters and digits ended by a space or a punctuation mark
    // that cannot join a word; only the rest need the character-by-character reading.
    let bytes = text.as_bytes();
    let run = bytes[start..].iter().position(|byte| !byte.is_ascii_alphanumeric());
    let run_end = run.map_or(bytes.len(), |length| start + length);
    match bytes.get(run_end) {
        None => return run_end,
        Some(&byte) if byte.is_ascii() && !matches!(byte, b'\'' | b',' | b'.') => return run_end,
        Some(_) => {}
    }

    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    let mut previous = '\0';

    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|(_, next)| *next).unwrap_or('\0');
        let joins = c.is_alphanumeric()
            || is_invisible(c)
            || ('\u{300}'..='\u{36f}').contains(&c)
            || (is_apostrophe(c) && previous.is_alphanumeric() && next.is_alphanumeric())
            || ((c == ',' || c == '.') && previous.is_ascii_digit() && next.is_ascii_digit());
        if !joins {
            break;
        }
        end = start + offset + c.len_utf8();
        previous = c;
    }
    end
}

/// A cheap test before [`link_end`]: links start with `h`, `w` or `m`, or right after `](`.
fn may_start_link(text: &str, index: usize, c: char) -> bool {
    matches!(c, 'h' | 'H' | 'w' | 'W' | 'm' | 'M') || text[..index].ends_with("](")
}

/// End of a link starting at `start`, if one starts there: an absolute address (`http://`,
/// `https://`, `www.`, `mailto:`) not glued to a preceding word, or any Markdown link target
/// (`](...)`), relative ones included.
fn link_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let before = &text[..start];
    let markdown_target = before.ends_with("](");

    let absolute = ["http://", "https://", "www.", "mailto:"].iter().any(|prefix| {
        rest.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    });
    let glued = before.chars().next_back().is_some_and(char::is_alphanumeric);
    if !(markdown_target || (absolute && !glued)) {
        return None;
    }

    // Typographic quotes are never part of an address as pages write one, but they do close
    // one quoted in text (`href=“https://…”`), like the straight quote.
    let stop =
        |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | '“' | '”' | '«' | '»');
    let length = rest.find(stop).unwrap_or(rest.len());
    let link = if markdown_target {
        &rest[..length]
    } else {
        rest[..length].trim_end_matches(['.', ',', ';', ':', '!', '?', ']', '\'', '’'])
    };
    (!link.is_empty()).then_some(start + link.len())
}

/// Folds `<number or a/an/one> <unit> ago` and `yesterday` into one relative-date token.
fn merge_relative_dates(text: &str, tokens: &mut Vec<Token>) {
    let is = |token: &Token, word: &str| text[token.range.clone()].eq_ignore_ascii_case(word);
    let is_unit = |token: &Token| {
        let word = &text[token.range.clone()];
        let singular = word.strip_suffix(['s', 'S']).unwrap_or(word);
        TIME_UNITS.iter().any(|unit| singular.eq_ignore_ascii_case(unit))
    };
    if !tokens.iter().any(|token| is(token, "ago") || is(token, "yesterday")) {
        return;
    }

    let relative = token("<relative-date>", TokenKind::RelativeDate, 0..0);
    let mut merged = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        let current = &tokens[index];
        if is(current, "yesterday") {
            merged.push(Token { range: current.range.clone(), ..relative.clone() });
            index += 1;
            continue;
        }
        if let [amount, unit, ago, ..] = &tokens[index..] {
            let is_amount = amount.kind == TokenKind::Number
                || ["a", "an", "one"].iter().any(|word| is(amount, word));
            if is_amount && is_unit(unit) && is(ago, "ago") {
                merged.push(Token { range: amount.range.start..ago.range.end, ..relative.clone() });
                index += 3;
                continue;
            }
        }
        merged.push(current.clone());
        index += 1;
    }
    *tokens = merged;
}

const TIME_UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];

/// Word boundaries in both patterns are ASCII ones (`(?-u:\b)`): the Unicode `\b` keeps the
/// regex crate off its fast automaton and made this check the slowest part of a comparison.
///
/// A calendar date as pages write it: `March 3, 2025`, `3 March 2025`, `2025-03-03`,
/// `03/03/2025`, `3. März 2025`, `le 3 mars 2025`, `March 2025`. Where a date may end is
/// left to [`find_date`].
fn date_pattern() -> &'static AsciiRegex {
    static PATTERN: OnceLock<AsciiRegex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let month = r"(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|février|fevrier|mar(?:ch|s)?|märz
            |apr(?:il)?|avril|may|mai|jun(?:e)?|juin|juni|jul(?:y)?|juillet|juli|aug(?:ust)?
            |août|aout|sep(?:t(?:ember)?)?|septembre|oct(?:ober)?|octobre|oktober|nov(?:ember)?
            |novembre|dec(?:ember)?|décembre|decembre|dezember)\.?";
        let pattern = format!(
            r"(?ix)(?-u:\b)(?:
                \d{{4}}-\d{{1,2}}-\d{{1,2}}
                |\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}
                |\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+{month}\s+\d{{4}}
                |{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
                |{month}\s+\d{{4}}
            )"
        );
        AsciiRegex::new(&pattern).expect("the date pattern is valid (checked by tests)")
    })
}

/// The words that make a line with a date a "Last updated" or "Effective" line.
fn date_line_pattern() -> &'static AsciiRegex {
    static PATTERN: OnceLock<AsciiRegex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        AsciiRegex::new(
            r"(?ix)(?-u:\b)(?:
                last\s+(?:updated|modified|revised|changed|reviewed|amended)|updated|revised
                |effective|in\s+effect|valid\s+from|version\s+(?:date|of)
                |date\s+of\s+(?:last\s+)?(?:update|revision)
                |dernière\s+mise\s+à\s+jour|mis\s+à\s+jour|en\s+vigueur
                |zuletzt\s+(?:aktualisiert|geändert)|stand|gültig\s+ab
            )(?-u:\b)",
        )
        .expect("the date-line pattern is valid (checked by tests)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<u64> {
        tokenize(text).into_iter().map(|token| token.key).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|token| &text[token.range]).collect()
    }

    #[test]
    fn words_end_where_the_character_by_character_reading_ends_them() {
        let text = "Don't pay 1,000.50 now; naïve co\u{ad}op, end. US-based rock’n’roll 3.x";
        let words = words(text);
        assert_eq!(
            words,
            [
                "Don't",
                "pay",
                "1,000.50",
                "now",
                "naïve",
                "co\u{ad}op",
                "end",
                "US",
                "based",
                "rock’n’roll",
                "3",
                "x"
            ]
        );
        assert_eq!(keys("NAÏVE Café"), keys("naïve café"));
        assert_eq!(keys("ORGANISATION"), keys("organization"));
    }

    #[test]
    fn white_space_case_and_punctuation_do_not_count() {
        assert_eq!(keys("We may  share\nyour data."), keys("we may share your data"));
        assert_eq!(keys("Terms, conditions; notices!"), keys("terms conditions notices"));
    }

    #[test]
    fn typographic_quotes_dashes_and_invisible_characters_fold() {
        assert_eq!(keys("You can’t opt‑out — ever"), keys("You can't opt-out - ever"));
        assert_eq!(keys("opt-out"), keys("opt out"));
        assert_eq!(keys("“Service”"), keys("\"Service\""));
        assert_eq!(keys("pri\u{ad}vacy polic\u{200b}y"), keys("privacy policy"));
        assert_eq!(keys("Terms & Conditions"), keys("terms and conditions"));
    }

    #[test]
    fn numbers_stay_whole_and_different_numbers_differ() {
        assert_eq!(
            words("a fee of $1,000.50 within 30 days."),
            ["a", "fee", "of", "$", "1,000.50", "within", "30", "days"]
        );
        assert_eq!(keys("1,000 dollars"), keys("1000 dollars"));
        assert_eq!(keys("1,000,000 users"), keys("1000000 users"));
        assert_ne!(keys("a fee of 2,5 %"), keys("a fee of 25 %"), "a decimal comma stays");
        assert_ne!(keys("within 1,5 days"), keys("within 15 days"));
        assert_ne!(keys("30 days"), keys("60 days"));
        assert_eq!(tokenize("30 days")[0].kind, TokenKind::Number);
    }

    #[test]
    fn links_compare_without_tracking_parameters() {
        let plain = "See [our help](https://example.com/help) page.";
        let tracked = "See [our help](https://example.com/help?utm_source=terms&fbclid=9) page.";
        assert_eq!(keys(plain), keys(tracked));

        let bare = "Visit https://www.example.com/help/?gclid=1, then write to us.";
        assert_eq!(keys(bare), keys("Visit https://example.com/help, then write to us."));
        assert_eq!(words(bare)[1], "https://www.example.com/help/?gclid=1");

        let mail_a = "Write to [email](/cdn-cgi/l/email-protection#3a5b).";
        let mail_b = "Write to [email](/cdn-cgi/l/email-protection#9f01).";
        assert_eq!(keys(mail_a), keys(mail_b));
        assert_ne!(keys(plain), keys("See [our help](https://example.com/other) page."));
    }

    #[test]
    fn typographic_quotes_close_a_quoted_address() {
        let straight = "[a href=\"https://example.com/privacy/\"]Example[/a]";
        let curly = "[a href=“https://example.com/privacy/”]Example[/a]";
        assert_eq!(keys(straight), keys(curly));
        assert_eq!(words(curly)[2], "https://example.com/privacy/");
        assert_eq!(keys("‘https://example.com/a’"), keys("'https://example.com/a'"));
    }

    #[test]
    fn relative_dates_fold_to_one_token() {
        assert_eq!(keys("Updated 3 days ago by the team"), keys("Updated an hour ago by the team"));
        assert_eq!(keys("posted yesterday"), keys("posted 2 weeks ago"));
        assert_ne!(keys("within 3 days"), keys("within 5 days"));
    }

    #[test]
    fn folded_text_matches_keys() {
        let text =
            "You can’t opt‑out of Arbitration within 1,000 days, see https://x.com/a?utm_id=1";
        let mut folded = String::new();
        folded_text(text, &tokenize(text), &mut folded);
        assert_eq!(folded, "you can't opt out of arbitration within 1000 days see x.com/a");
    }

    #[test]
    fn date_lines_are_recognised_with_their_date() {
        for (line, date) in [
            ("Last updated: March 3, 2025", "March 3, 2025"),
            ("Effective date: 2025-03-03", "2025-03-03"),
            ("These Terms were last modified on 3 March 2025.", "3 March 2025"),
            ("Dernière mise à jour : 3 mars 2025", "3 mars 2025"),
            ("Stand: 01.02.2024", "01.02.2024"),
            ("Gültig ab 2. Februar 2025", "2. Februar 2025"),
            ("January 2024", "January 2024"),
            ("_Last updated: September 30, 2024_", "September 30, 2024"),
            ("September 14, 2026.", "September 14, 2026"),
            ("Effective June 17, 2025Previous Version", "June 17, 2025"),
            ("Effective 15 September 2025 Previous Version", "15 September 2025"),
        ] {
            let role = line_role(line, &tokenize(line));
            let LineRole::Date(found) = role else { panic!("{line:?} is a date line") };
            assert_eq!(found.date, date, "{line:?}");
        }
    }

    #[test]
    fn clauses_with_dates_are_not_date_lines() {
        for line in [
            "You may cancel before March 3, 2025 and get a refund of the fees you paid.",
            "We may update these terms at any time.",
            "Effective immediately, all disputes go to binding arbitration.",
            // A change-log entry: its date says when something was added, which is content.
            "September 23, 2025: Added a data processing agreement.",
            "Effective from March 20255 onwards.",
            // Opens on a date but goes on to say something.
            "Effective March 3, 2025, we will sell your personal data to advertisers.",
        ] {
            assert_eq!(line_role(line, &tokenize(line)), LineRole::Body, "{line:?}");
        }
        assert_eq!(line_role(" - ", &tokenize(" - ")), LineRole::Empty);
    }

    #[test]
    fn odd_text_never_panics() {
        for text in ["", "](", "](https://", "'a'", "1,", ",1", "1.,2", "é\u{301}", "€", "www."]
        {
            let tokens = tokenize(text);
            let mut out = String::new();
            folded_text(text, &tokens, &mut out);
            let _ = line_role(text, &tokens);
        }
    }
}
