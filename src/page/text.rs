//! Plain text into blocks.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. Paragraphs are the text between blank lines,
//! their lines joined with single spaces. Inside a paragraph, a line that starts with a list
//! marker (`-`, `*`, `•`, `1.`, `(a)`) starts a new block. A short line that looks like a
//! heading — ALL CAPS (`LIMITATION OF LIABILITY`) or numbered without a closing full stop
//! (`4. Fees and Payment`, `Section 12 Termination`) — becomes a heading block, level 2 for a
//! single number and deeper for `4.1`, `4.1.2`. When the text opens with a short line of its
//! own, that line is the title.
//!
//! Cost: one pass over the lines. Known limits: headings are guessed from the shape of a line, so
//! a short numbered sentence without a full stop reads as a heading.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{Block, Page};

/// Headings are at most this many characters.
const HEADING_MAX_CHARS: usize = 90;

/// Reads plain text into blocks; the first line is the title when it stands alone and is short.
pub fn parse(text: &str, url: Option<&str>) -> Page {
    let mut blocks = Vec::new();

    for paragraph in paragraphs(text) {
        for piece in split_items(&paragraph) {
            push_piece(&mut blocks, piece);
        }
    }

    let title = title(&blocks);
    if title.is_some() {
        blocks[0].heading_level = Some(1);
        blocks[0].tag = "h1".to_string();
    }
    Page { url: url.map(str::to_string), title, blocks }
}

/// The lines of each paragraph (runs of lines between blank lines).
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();

    for line in lines(text) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r` (as old Mac tools save text).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let Some(end) = current.find(['\r', '\n']) else {
            rest = None;
            return (!current.is_empty()).then_some(current);
        };
        let after = if current[end..].starts_with("\r\n") { end + 2 } else { end + 1 };
        rest = Some(&current[after..]);
        Some(&current[..end])
    })
}

/// Groups a paragraph's lines into pieces: a new piece starts at each list item and each
/// heading line, and a heading line is a piece of its own.
fn split_items<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut pieces: Vec<Vec<&str>> = Vec::new();
    let mut after_heading = false;

    for &line in lines {
        let starts_piece = pieces.is_empty()
            || after_heading
            || is_list_item(line)
            || heading_level(line).is_some();
        if starts_piece {
            pieces.push(vec![line]);
        } else if let Some(piece) = pieces.last_mut() {
            piece.push(line);
        }
        after_heading = heading_level(line).is_some();
    }
    pieces
}

fn push_piece(blocks: &mut Vec<Block>, lines: Vec<&str>) {
    let mut text = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
    for line in &lines {
        if !text.is_empty() {
            text.push(' ');
        }
        push_folded(&mut text, line);
    }
    if text.is_empty() {
        return;
    }

    let index = blocks.len();
    let level = (lines.len() == 1).then(|| heading_level(&text)).flatten();
    let block = match level {
        Some(level) => Block::heading(index, level, text),
        None if is_list_item(&text) => {
            Block { tag: "li".to_string(), ..Block::paragraph(index, text) }
        }
        None => Block::paragraph(index, text),
    };
    blocks.push(block);
}

/// Appends a trimmed line with its runs of white space folded to one space; a line that has
/// no run to fold (the usual case) is copied whole.
fn push_folded(text: &mut String, line: &str) {
    let plain = line.is_ascii() && !line.contains("  ") && !line.contains(['\t', '\x0b', '\x0c']);
    if plain {
        text.push_str(line);
        return;
    }

    for (index, word) in line.split_whitespace().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
}

/// The first block when it is a short line of its own without a final full stop.
fn title(blocks: &[Block]) -> Option<String> {
    let first = blocks.first()?;
    let short = first.text.chars().count() <= HEADING_MAX_CHARS;
    let sentence = first.text.ends_with(['.', ':', ';', ',']);
    (blocks.len() > 1 && short && !sentence && !is_list_item(&first.text))
        .then(|| first.text.clone())
}

static LIST_ITEM: LazyLock<AsciiRegex> = LazyLock::new(|| {
    AsciiRegex::new(r"^(?:(?:[-*]|•|‣|◦|▪|–)\s|\(?[0-9]{1,3}[.)]\s|\([a-z]{1,4}\)\s|[a-z][.)]\s)")
        .expect("valid list pattern")
});

static NUMBERED_HEADING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    AsciiRegex::new(concat!(
        r"^(?i:(?:section|article|part|chapter|§)\s*)?",
        r"([0-9]{1,3}(?:\.[0-9]{1,3})*)\.?\s+\S"
    ))
    .expect("valid heading pattern")
});

fn is_list_item(line: &str) -> bool {
    LIST_ITEM.is_match(line) && NUMBERED_HEADING.find(line).is_none_or(|_| !is_heading_shape(line))
}

/// The level of a heading line, or `None` when the line reads as text.
fn heading_level(line: &str) -> Option<u8> {
    let line = line.trim();
    // A character is at most four bytes: longer lines need no counting.
    if line.len() > 4 * HEADING_MAX_CHARS || line.chars().count() > HEADING_MAX_CHARS {
        return None;
    }
    if line.ends_with(['.', ',', ';', ':']) {
        return None;
    }

    if let Some(captures) = NUMBERED_HEADING.captures(line) {
        if !is_heading_shape(line) {
            return None;
        }
        let depth = captures
            .get(1)
            .map_or("", |number| number.as_str())
            .split('.')
            .filter(|part| !part.is_empty())
            .count();
        return Some((depth + 1).min(6) as u8);
    }
    is_all_caps(line).then_some(2)
}

/// A numbered line is a heading when its words start with capitals, as titles do, and it is
/// short: `4. Fees and Payment`, not `3 days after the notice`.
fn is_heading_shape(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().skip(1).collect();
    let first_letter = words.iter().find_map(|word| word.chars().find(|c| c.is_alphabetic()));
    line.chars().count() <= HEADING_MAX_CHARS
        && !line.ends_with(['.', ',', ';', ':'])
        && words.len() <= 12
        && first_letter.is_some_and(char::is_uppercase)
}

/// A line of at least two letters, none of them lower case.
fn is_all_caps(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !line.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(String, Option<u8>)> {
        parse(text, None)
            .blocks
            .into_iter()
            .map(|block| (block.text, block.heading_level))
            .collect()
    }

    fn owned(pairs: &[(&str, Option<u8>)]) -> Vec<(String, Option<u8>)> {
        pairs.iter().map(|(text, level)| (text.to_string(), *level)).collect()
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "Terms of Use\n\nBy using the site\nyou agree.\n  \t\nSecond paragraph.\n";

        assert_eq!(
            blocks(text),
            owned(&[
                ("Terms of Use", Some(1)),
                ("By using the site you agree.", None),
                ("Second paragraph.", None)
            ])
        );
        assert_eq!(parse(text, None).title.as_deref(), Some("Terms of Use"));
    }

    #[test]
    fn caps_and_numbered_lines_are_headings() {
        let text = "Some intro text.\n\nLIMITATION OF LIABILITY\nWe are not liable.\n\n\
                    4.2 Refunds and Returns\nRefunds take 3 days.\n\n3 days after notice we act.";

        assert_eq!(
            blocks(text),
            owned(&[
                ("Some intro text.", None),
                ("LIMITATION OF LIABILITY", Some(2)),
                ("We are not liable.", None),
                ("4.2 Refunds and Returns", Some(3)),
                ("Refunds take 3 days.", None),
                ("3 days after notice we act.", None),
            ])
        );
    }

    #[test]
    fn list_items_start_new_blocks() {
        let text = "We collect:\n- your name\n- your e-mail\n  address\n(a) and more.";

        assert_eq!(
            blocks(text),
            owned(&[
                ("We collect:", None),
                ("- your name", None),
                ("- your e-mail address", None),
                ("(a) and more.", None),
            ])
        );
        assert_eq!(parse(text, None).blocks[1].tag, "li");
    }

    #[test]
    fn windows_line_ends_are_read() {
        assert_eq!(
            blocks("One\r\nline.\r\n\r\nTwo."),
            owned(&[("One line.", None), ("Two.", None)])
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let expected = owned(&[("One line.", None), ("- an item", None), ("Two.", None)]);

        assert_eq!(blocks("One\rline.\r- an item\r\rTwo.\r"), expected);
        assert_eq!(blocks("One\nline.\n- an item\n\nTwo.\n"), expected);
        assert!(lines("a\r\rb\r\n").eq(["a", "", "b"]));
    }
}
