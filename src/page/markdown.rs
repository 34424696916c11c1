//! Markdown into blocks, with `pulldown-cmark` (CommonMark plus tables).
//!
//! Headings keep their levels; paragraphs, list items, table cells, quotations and code blocks
//! become blocks; links and emphasis flow inside them. The first level-1 heading is the title.
//! Raw HTML in the Markdown is left out, except that `<br>` reads as a space (tables in the
//! Open Terms Archive use it to break lines inside a cell). Image descriptions are left out.
//!
//! Cost: pulldown-cmark parses in linear time for ordinary documents; this module adds one pass
//! over its events.

use std::borrow::Cow;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Block, Page};

/// Reads a Markdown document into blocks.
pub fn parse(markdown: &str, url: Option<&str>) -> Page {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader::default();
    let markdown = lone_returns_as_newlines(markdown);

    for event in Parser::new_ext(&markdown, options) {
        reader.read(event);
    }
    reader.flush();

    let title = reader
        .blocks
        .iter()
        .find(|block| block.heading_level == Some(1))
        .map(|block| block.text.clone());
    Page { url: url.map(str::to_string), title, blocks: reader.blocks }
}

/// The text with each `\r` not followed by `\n` made a `\n`: a lone carriage return ends a
/// line (as old Mac tools save text), so headings, lists and blank lines after it are seen.
/// Blocks keep no offsets into the source, so the change shows nowhere else.
fn lone_returns_as_newlines(markdown: &str) -> Cow<'_, str> {
    let bytes = markdown.as_bytes();
    let lone = |index: usize| bytes.get(index + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(|index| bytes[index] == b'\r' && lone(index)) {
        return Cow::Borrowed(markdown);
    }

    let mut text = String::with_capacity(markdown.len());
    for (index, character) in markdown.char_indices() {
        text.push(if character == '\r' && lone(index) { '\n' } else { character });
    }
    Cow::Owned(text)
}

/// Collects text between block starts and ends.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    buffer: String,
    pending_space: bool,
    /// Tag and heading level of each open block, innermost last.
    open: Vec<(&'static str, Option<u8>)>,
    /// Inside an image: its text is a description, not page text.
    image_depth: usize,
    in_table_head: bool,
}

impl Reader {
    fn read(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.pending_space = !self.buffer.is_empty(),
            Event::Html(html) | Event::InlineHtml(html) => {
                if html.to_ascii_lowercase().contains("<br") {
                    self.pending_space = !self.buffer.is_empty();
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) | Event::Rule => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let block = match tag {
            Tag::Paragraph => Some((self.paragraph_tag(), None)),
            Tag::Heading { level, .. } => {
                let level = heading_level(level);
                Some((["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level) - 1], Some(level)))
            }
            Tag::BlockQuote(_) => Some(("blockquote", None)),
            Tag::CodeBlock(_) => Some(("pre", None)),
            Tag::Item => Some(("li", None)),
            Tag::TableCell => Some((if self.in_table_head { "th" } else { "td" }, None)),
            Tag::DefinitionListTitle => Some(("dt", None)),
            Tag::DefinitionListDefinition => Some(("dd", None)),
            Tag::FootnoteDefinition(_) => Some(("p", None)),
            Tag::TableHead => {
                self.in_table_head = true;
                None
            }
            Tag::Image { .. } => {
                self.image_depth += 1;
                None
            }
            _ => None,
        };

        if let Some(block) = block {
            self.flush();
            self.open.push(block);
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::FootnoteDefinition => {
                self.flush();
                self.open.pop();
            }
            TagEnd::TableHead => self.in_table_head = false,
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            _ => {}
        }
    }

    /// A paragraph inside a list item is that item's text.
    fn paragraph_tag(&self) -> &'static str {
        match self.open.last() {
            Some(("li", _)) => "li",
            _ => "p",
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.image_depth > 0 {
            return;
        }
        for character in text.chars() {
            if character.is_whitespace() {
                self.pending_space = !self.buffer.is_empty();
                continue;
            }
            if self.pending_space {
                self.buffer.push(' ');
                self.pending_space = false;
            }
            self.buffer.push(character);
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        if self.buffer.is_empty() {
            return;
        }

        let (tag, heading_level) = self.open.last().copied().unwrap_or(("p", None));
        let text = std::mem::take(&mut self.buffer);
        let mut block = Block::paragraph(self.blocks.len(), text);
        block.tag = tag.to_string();
        block.heading_level = heading_level;
        self.blocks.push(block);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(markdown: &str) -> Vec<(String, String, Option<u8>)> {
        parse(markdown, None)
            .blocks
            .into_iter()
            .map(|block| (block.tag, block.text, block.heading_level))
            .collect()
    }

    fn block(tag: &str, text: &str, level: Option<u8>) -> (String, String, Option<u8>) {
        (tag.to_string(), text.to_string(), level)
    }

    #[test]
    fn reads_headings_paragraphs_and_items() {
        let markdown = "Privacy Policy\n==============\n\nWe **collect** data\nabout you.\n\n\
                        ## 1. Sharing\n\n* with [partners](https://x.example)\n\
                        * with no one else\n";

        assert_eq!(
            blocks(markdown),
            [
                block("h1", "Privacy Policy", Some(1)),
                block("p", "We collect data about you.", None),
                block("h2", "1. Sharing", Some(2)),
                block("li", "with partners", None),
                block("li", "with no one else", None),
            ]
        );
        assert_eq!(parse(markdown, None).title.as_deref(), Some("Privacy Policy"));
    }

    #[test]
    fn reads_table_cells_and_breaks_inside_them() {
        let markdown = "| Right | How |\n| --- | --- |\n| **Access** | Ask us<br>by mail |\n";

        assert_eq!(
            blocks(markdown),
            [
                block("th", "Right", None),
                block("th", "How", None),
                block("td", "Access", None),
                block("td", "Ask us by mail", None),
            ]
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let markdown = "# Terms\r\rWe may\rchange them.\r\r- an item\r- another\r";

        assert_eq!(
            blocks(markdown),
            [
                block("h1", "Terms", Some(1)),
                block("p", "We may change them.", None),
                block("li", "an item", None),
                block("li", "another", None),
            ]
        );
        assert_eq!(blocks(markdown), blocks(&markdown.replace('\r', "\r\n")));
    }

    #[test]
    fn paragraphs_of_loose_items_are_item_text() {
        let markdown = "1. First item.\n\n   More of it.\n\n2. Second item.\n";

        let tags: Vec<_> = blocks(markdown).into_iter().map(|(tag, ..)| tag).collect();
        assert_eq!(tags, ["li", "li", "li"]);
    }

    #[test]
    fn leaves_images_and_raw_html_out() {
        let markdown = "![a logo](logo.png) Hello <span>there</span>\n\n<div>raw</div>\n";

        assert_eq!(blocks(markdown), [block("p", "Hello there", None)]);
    }

    #[test]
    fn deep_quotes_and_lists_do_not_overflow_the_stack() {
        let quotes = format!("{} deep", ">".repeat(10_000));
        let lists = format!("{} deep", "* ".repeat(10_000));

        assert!(parse(&quotes, None).blocks.iter().any(|block| block.text == "deep"));
        assert!(parse(&lists, None).blocks.iter().any(|block| block.text == "deep"));
    }
}
