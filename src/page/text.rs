//! Plain text into blocks: one block per paragraph (text between blank lines).

use super::{Block, Page};

/// Reads plain text; a short first line that is followed by a blank line becomes the title.
pub fn parse(text: &str, url: Option<&str>) -> Page {
    let blocks = text
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .enumerate()
        .map(|(index, paragraph)| Block::paragraph(index, paragraph))
        .collect::<Vec<_>>();

    Page { url: url.map(str::to_string), title: None, blocks }
}
