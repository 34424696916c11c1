//! A fixed sentence splitter and a stable hash, for evaluations that score sentences.
//!
//! Labels of real documents are stored by reference (file and sentence position), so the
//! splitter that numbers sentences must never change behind the labels' back. It is kept
//! here, apart from the library's segmenter (which may improve freely), and defined as:
//!
//! 1. The text is cut into lines; blank lines are dropped. Each line is cut further.
//! 2. Markdown markers at the start of a line are removed: `#` headings, `>` quotes, list
//!    bullets (`-`, `*`, `+`) and list numbers (`1.`, `1)`); `[text](url)` links keep their
//!    text; `*`, `_` and backticks used for emphasis are dropped; table pipes become spaces.
//! 3. A line is cut after `.`, `!` or `?` (with any closing quotes or brackets) when white
//!    space follows and the next character is not a lower-case letter, unless the word
//!    before the stop is a known abbreviation (`e.g.`, `Inc.`, `U.S.`, ...) or a single
//!    letter.
//! 4. Pieces are trimmed; pieces with no letter are dropped. Positions count the pieces kept,
//!    from 0, over the whole file.
//!
//! [`fnv1a64`] hashes text with 64-bit FNV-1a, which never changes between platforms or Rust
//! versions (unlike `std`'s hasher): it splits data sets into halves and fingerprints the
//! sentences that labels point at.

use std::sync::LazyLock;

use regex::Regex;

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "e.g", "i.e", "etc", "inc", "ltd", "llc", "co", "corp", "u.s", "u.k", "e.u", "no", "nos", "mr",
    "mrs", "ms", "dr", "st", "vs", "v", "art", "sec", "para", "approx", "incl", "cf", "fig", "p.o",
    "s.a", "n.v",
];

/// The sentences of `text`, in order, per the rules in the module doc.
pub fn split(text: &str) -> Vec<String> {
    text.lines().map(clean_markdown).flat_map(|line| split_line(&line)).collect()
}

fn clean_markdown(line: &str) -> String {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+").expect("valid")
    });
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid"));
    static EMPHASIS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\*{1,3}|`+|(?:^|\s)_{1,2}|_{1,2}(?:\s|$)").expect("valid"));

    let line = MARKER.replace(line, "");
    let line = LINK.replace_all(&line, "$1");
    let line = EMPHASIS.replace_all(&line, " ");
    line.replace('|', " ")
}

fn split_line(line: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();

    for (position, &(index, character)) in chars.iter().enumerate() {
        if !matches!(character, '.' | '!' | '?') {
            continue;
        }
        let mut after = position + 1;
        while chars.get(after).is_some_and(|(_, c)| matches!(c, '"' | '\'' | ')' | ']' | '”' | '’'))
        {
            after += 1;
        }
        let space = chars.get(after).is_some_and(|(_, c)| c.is_whitespace());
        let next = chars[after..].iter().map(|(_, c)| *c).find(|c| !c.is_whitespace());
        let opens_sentence = next.is_some_and(|c| !c.is_lowercase());
        if !space || !opens_sentence || (character == '.' && abbreviation_before(line, index)) {
            continue;
        }
        let end = chars.get(after).map_or(line.len(), |(offset, _)| *offset);
        push_piece(&mut sentences, &line[start..end]);
        start = end;
    }
    push_piece(&mut sentences, &line[start..]);
    sentences
}

fn abbreviation_before(line: &str, period: usize) -> bool {
    let word_start = line[..period]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(')
        .map_or(0, |(space, c)| space + c.len_utf8());
    let word = line[word_start..period].to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().count() == 1) || ABBREVIATIONS.contains(&word.as_str())
}

fn push_piece(sentences: &mut Vec<String>, piece: &str) {
    let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
    if piece.chars().any(char::is_alphabetic) {
        sentences.push(piece);
    }
}

/// 64-bit FNV-1a of `text`'s UTF-8 bytes.
pub fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_stops_followed_by_a_new_sentence() {
        let text = "We sell nothing. We share nothing! Do we track? No.";
        assert_eq!(split(text), ["We sell nothing.", "We share nothing!", "Do we track?", "No."]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals_together() {
        let text = "Acme Inc. and J. Smith, e.g. Mr. Doe, pay $1.50 per U.S. state.";
        assert_eq!(split(text).len(), 1);
    }

    #[test]
    fn does_not_split_before_lower_case() {
        assert_eq!(split("See sec. 4. then continue. it goes on").len(), 1);
    }

    #[test]
    fn lines_and_markdown_markers() {
        let text = "# Privacy\n\n- We use [cookies](https://example.com/c).\n1. **Bold** rule.\n";
        assert_eq!(split(text), ["Privacy", "We use cookies.", "Bold rule."]);
    }

    #[test]
    fn multi_byte_spaces_before_a_stop() {
        assert_eq!(split("See\u{a0}e.g. this. Then that.").len(), 2);
    }

    #[test]
    fn drops_pieces_without_letters() {
        assert_eq!(split("---\n| --- | --- |\n42.\n"), Vec::<String>::new());
    }

    #[test]
    fn hash_is_fnv1a() {
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
