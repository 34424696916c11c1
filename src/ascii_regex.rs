//! Regular expressions of the analysis, compiled over bytes with ASCII classes and read back as
//! text.
//!
//! The phrases Termwatch looks for are English, so `\b`, `\w`, `\d` and `(?i)` only need their
//! ASCII meaning. Compiled that way, a pattern is a far smaller automaton than with Unicode
//! classes: the first analysis of a session, which compiles every pattern a page needs, costs
//! much less (what a reader waits for when the extension starts cold), and the lazy DFA keeps
//! running on text with accents or curly quotes where a Unicode `\b` would make it hand over
//! to a slower engine. With no Unicode class left in the library, the WebAssembly module is
//! built without `regex`'s Unicode tables.
//!
//! Two things keep the ASCII reading faithful to page text:
//! - `\s` outside a character class also matches a no-break space, which pages put between a
//!   number and its unit ("30&nbsp;days");
//! - a match or group that would begin or end inside a multi-byte character is not reported,
//!   so every match is a slice of the text.
//!
//! Known limit: a non-ASCII character may not appear inside a character class (`[€£]`); write
//! it as an alternation (`(?:€|£)`) instead. [`AsciiRegex::new`] reports such a pattern as an
//! error.

use std::borrow::Cow;
use std::ops::Range;

use regex_automata::meta;
use regex_automata::util::captures;
use regex_automata::util::syntax;

/// Literal prefilters pay for themselves natively, where memchr and Teddy search with SIMD;
/// in WebAssembly they measured no faster and building them slowed the first analysis.
const LITERAL_PREFILTERS: bool = cfg!(not(target_arch = "wasm32"));

/// A pattern that does not compile, with the engine's explanation.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid pattern: {0}")]
pub struct PatternError(String);

/// A compiled pattern; see the module documentation for how it reads text.
#[derive(Debug, Clone)]
pub struct AsciiRegex(meta::Regex);

/// One match, always a whole-character slice of the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// The matches of one search, in order; see [`AsciiRegex::find_iter`].
pub struct Matches<'r, 't> {
    text: &'t str,
    inner: meta::FindMatches<'r, 't>,
}

/// The groups of each match of one search; see [`AsciiRegex::captures_iter`].
pub struct CaptureMatches<'r, 't> {
    text: &'t str,
    inner: meta::CapturesMatches<'r, 't>,
}

/// The groups of one match.
#[derive(Debug)]
pub struct Captures<'t> {
    text: &'t str,
    groups: captures::Captures,
}

impl AsciiRegex {
    /// Compiles `source` with ASCII classes and ASCII case folding.
    pub fn new(source: &str) -> Result<AsciiRegex, PatternError> {
        meta::Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .configure(meta::Regex::config().auto_prefilter(LITERAL_PREFILTERS))
            .build(&spaces_include_no_break(source))
            .map(AsciiRegex)
            .map_err(|error| PatternError(error.to_string()))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text.as_bytes())
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.find_iter(text).next()
    }

    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> Matches<'r, 't> {
        Matches { text, inner: self.0.find_iter(text.as_bytes()) }
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.captures_iter(text).next()
    }

    pub fn captures_iter<'r, 't>(&'r self, text: &'t str) -> CaptureMatches<'r, 't> {
        CaptureMatches { text, inner: self.0.captures_iter(text.as_bytes()) }
    }

    /// Replaces every match with `with`, taken literally.
    pub fn replace_all<'t>(&self, text: &'t str, with: &str) -> Cow<'t, str> {
        let mut matches = self.find_iter(text).peekable();
        if matches.peek().is_none() {
            return Cow::Borrowed(text);
        }

        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for found in matches {
            out.push_str(&text[copied..found.start]);
            out.push_str(with);
            copied = found.end;
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }
}

impl<'t> Iterator for Matches<'_, 't> {
    type Item = Match<'t>;

    fn next(&mut self) -> Option<Match<'t>> {
        self.inner.find_map(|found| Match::of(self.text, found.range()))
    }
}

impl<'t> Iterator for CaptureMatches<'_, 't> {
    type Item = Captures<'t>;

    fn next(&mut self) -> Option<Captures<'t>> {
        let text = self.text;
        self.inner.find_map(|groups| Some(Captures { text, groups }).filter(|c| c.get(0).is_some()))
    }
}

impl<'t> Match<'t> {
    fn of(text: &'t str, range: Range<usize>) -> Option<Match<'t>> {
        let whole = text.is_char_boundary(range.start) && text.is_char_boundary(range.end);
        whole.then_some(Match { text, start: range.start, end: range.end })
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl<'t> Captures<'t> {
    /// Group `index` (0 is the whole match), when it took part and is whole characters.
    pub fn get(&self, index: usize) -> Option<Match<'t>> {
        self.groups.get_group(index).and_then(|group| Match::of(self.text, group.range()))
    }

    /// The named group, when it took part and is whole characters.
    pub fn name(&self, name: &str) -> Option<Match<'t>> {
        self.groups.get_group_by_name(name).and_then(|group| Match::of(self.text, group.range()))
    }
}

/// Rewrites `\s` outside character classes so that it also matches U+00A0 (a no-break space,
/// two bytes in UTF-8, which no byte class can hold).
fn spaces_include_no_break(source: &str) -> Cow<'_, str> {
    if !source.contains(r"\s") {
        return Cow::Borrowed(source);
    }

    let mut out = String::with_capacity(source.len() + 16);
    let mut class_depth = 0usize;
    let mut characters = source.chars();
    while let Some(character) = characters.next() {
        match character {
            '\\' => {
                let escaped = characters.next().unwrap_or('\\');
                if escaped == 's' && class_depth == 0 {
                    out.push_str(r"(?:\s|\xC2\xA0)");
                } else {
                    out.push('\\');
                    out.push(escaped);
                }
            }
            '[' => {
                class_depth += 1;
                out.push('[');
                // A `]` first in a class is a literal, not its end.
                if let Some(first) = characters.clone().next().filter(|&c| c == ']' || c == '^') {
                    out.push(first);
                    characters.next();
                    if first == '^' && characters.clone().next() == Some(']') {
                        out.push(']');
                        characters.next();
                    }
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(']');
            }
            other => out.push(other),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regex(source: &str) -> AsciiRegex {
        AsciiRegex::new(source).expect("valid pattern")
    }

    #[test]
    fn classes_and_case_folding_are_ascii() {
        let word = regex(r"(?i)\b[a-z]+ law\b");
        assert_eq!(word.find("under French LAW only").map(|m| m.as_str()), Some("French LAW"));
        assert!(regex(r"\d+").find("٣٠ days").is_none());
        assert!(regex(r"(?i)kelvin").is_match("KELVIN"));
    }

    #[test]
    fn word_boundaries_hold_next_to_accented_letters() {
        let found: Vec<_> = regex(r"\bdata\b").find_iter("données data é data").collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].as_str(), "data");
    }

    #[test]
    fn a_space_matches_a_no_break_space_outside_classes_only() {
        assert!(regex(r"30\s+days").is_match("30\u{a0}days"));
        assert!(regex(r"30[\s,]days").is_match("30 days"));
        assert!(!regex(r"30[\s,]days").is_match("30\u{a0}days"));
        assert_eq!(spaces_include_no_break(r"[]\s]\s"), r"[]\s](?:\s|\xC2\xA0)");
        assert_eq!(spaces_include_no_break(r"[^]\s]"), r"[^]\s]");
    }

    #[test]
    fn matches_never_split_a_character() {
        // `x.` would end inside "é"; that match is dropped, not sliced.
        let one = regex(r"x.");
        assert!(one.find("xé").is_none());
        assert_eq!(one.find("xé xa").map(|m| m.as_str()), Some("xa"));
    }

    #[test]
    fn captures_give_named_groups_as_text() {
        let days = regex(r"(?P<count>\d+) (?P<unit>days?)");
        let found = days.captures("within 30 days of notice").expect("a match");
        assert_eq!(found.name("count").map(|m| m.as_str()), Some("30"));
        assert_eq!(found.name("unit").map(|m| (m.start(), m.end())), Some((10, 14)));
        assert!(found.name("missing").is_none());
    }

    #[test]
    fn replace_all_copies_the_text_between_matches() {
        let dnt = regex(r"do[- ]not[- ]track");
        assert_eq!(dnt.replace_all("a do not track b do-not-track", "dnt"), "a dnt b dnt");
        assert!(matches!(dnt.replace_all("nothing here", "dnt"), Cow::Borrowed(_)));
    }

    #[test]
    fn non_ascii_inside_a_class_is_an_error_not_a_panic() {
        assert!(AsciiRegex::new("[€£]").is_err());
        assert!(AsciiRegex::new("(?:€|£)5").expect("valid").is_match("£5"));
    }
}
