//! The page model: one input type for every source.
//!
//! A [`Page`] is what a reader sees of a web page, as a list of text [`Block`]s in reading order,
//! plus its URL and title. The content script builds blocks from the DOM; the CLI builds the
//! same blocks from HTML, Markdown or plain text files. Everything after this module is shared.
//!
//! Site chrome (navigation, headers, footers, cookie banners, menus of sibling policies) is left
//! out by whoever builds the blocks; collapsed accordions and `<details>` are kept, marked
//! `collapsed`.
//!
//! Raw input goes through [`decode_input`] first (size limit, UTF-8 or UTF-16 with a byte-order
//! mark, no binary data, not empty), then the parser of its [`Format`]: [`html`] (scraper),
//! [`markdown`] (pulldown-cmark) or [`text`]. The HTML and Markdown readers are native only; in
//! the browser, the content script reads the DOM itself.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
mod sniff;
pub mod text;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// One block of text as the page shows it: a paragraph, a heading, a list item, a table cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The block's text with runs of white space folded to one space. Offsets into it count
    /// UTF-16 code units, as DOM ranges do.
    pub text: String,
    /// The element's lower-case tag name (`p`, `h2`, `li`, `td`, ...).
    #[serde(default)]
    pub tag: String,
    /// 1 to 6 for headings (`h1`..`h6`, or a heading-like ARIA level); `None` otherwise.
    #[serde(default)]
    pub heading_level: Option<u8>,
    /// The block was not rendered when the page was read (`display: none`, `hidden`).
    #[serde(default)]
    pub hidden: bool,
    /// The block sits inside a collapsed accordion or a closed `<details>`: part of the
    /// document even though the reader has to open it.
    #[serde(default)]
    pub collapsed: bool,
    /// Position in the page's block list; findings point back at blocks by this index.
    #[serde(default)]
    pub index: usize,
}

impl Block {
    /// A visible paragraph block; handy for tests and for plain-text input.
    pub fn paragraph(index: usize, text: impl Into<String>) -> Self {
        Block {
            text: text.into(),
            tag: "p".to_string(),
            heading_level: None,
            hidden: false,
            collapsed: false,
            index,
        }
    }

    /// A visible heading block of the given level.
    pub fn heading(index: usize, level: u8, text: impl Into<String>) -> Self {
        Block {
            text: text.into(),
            tag: format!("h{}", level.clamp(1, 6)),
            heading_level: Some(level.clamp(1, 6)),
            hidden: false,
            collapsed: false,
            index,
        }
    }
}

/// A page as read by a browser or loaded from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Page {
    /// Number of words across all blocks, hidden ones excluded.
    pub fn word_count(&self) -> usize {
        self.blocks
            .iter()
            .filter(|block| !block.hidden)
            .map(|block| block.text.split_whitespace().count())
            .sum()
    }
}

/// Why a file or a byte string could not be turned into a page.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PageError {
    /// The input is empty or holds only white space: there is nothing to read.
    #[error("the input is empty")]
    Empty,
    /// The bytes are not text: not UTF-8 (nor UTF-16 with a byte-order mark), or they hold
    /// NUL bytes, which no text file has. A binary file, or text in another encoding.
    #[error("the input is not UTF-8 text (byte {offset} is invalid); is it a binary file?")]
    NotText { offset: usize },
    /// The input is larger than Termwatch reads; terms pages are far smaller than this.
    #[error("the input is {size} bytes, more than the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
}

/// The most bytes any page source will read. The largest real terms pages are a few megabytes
/// of HTML; past this, input is almost certainly not a terms page and reading it would only
/// cost the user time and memory.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks raw UTF-8 input before any parser sees it: size, text (UTF-8, no NUL byte), not
/// empty. A leading UTF-8 byte-order mark is dropped.
pub fn check_input(bytes: &[u8]) -> Result<&str, PageError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(PageError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }

    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|error| PageError::NotText { offset: error.valid_up_to() })?;
    check_text(text)?;
    Ok(text)
}

/// Like [`check_input`], and also reads UTF-16 text that starts with a byte-order mark (as
/// some Windows tools save it).
pub fn decode_input(bytes: &[u8]) -> Result<Cow<'_, str>, PageError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(PageError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }

    let units = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16_units(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16_units(rest, u16::from_be_bytes),
        _ => return check_input(bytes).map(Cow::Borrowed),
    };
    let Some(units) = units else {
        return Err(PageError::NotText { offset: bytes.len() - 1 });
    };

    let text = String::from_utf16(&units).map_err(|_| {
        let offset =
            2 + 2 * char::decode_utf16(units.iter().copied()).take_while(Result::is_ok).count();
        PageError::NotText { offset }
    })?;
    check_text(&text)?;
    Ok(Cow::Owned(text))
}

fn utf16_units(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Option<Vec<u16>> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    Some(bytes.chunks_exact(2).map(|pair| read([pair[0], pair[1]])).collect())
}

/// Text that holds a NUL byte is binary data; text with nothing but white space is empty.
fn check_text(text: &str) -> Result<(), PageError> {
    if let Some(offset) = text.bytes().position(|byte| byte == 0) {
        return Err(PageError::NotText { offset });
    }
    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    Ok(())
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    /// The format a file name's extension says (`.html`, `.htm`, `.xhtml`, `.md`, `.markdown`,
    /// `.txt`), else the one the content suggests (see [`sniff`]): standard input (`-`), pages
    /// saved as `.php` or `.aspx` and files without an extension are read by what they hold.
    pub fn guess(name: &str, text: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Format::Html;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        if lower.ends_with(".txt") {
            return Format::Text;
        }
        sniff::sniff(text)
    }
}

/// Reads raw bytes of the given format into a page: [`decode_input`], then [`parse`].
#[cfg(not(target_arch = "wasm32"))]
pub fn from_bytes(bytes: &[u8], format: Format, url: Option<&str>) -> Result<Page, PageError> {
    let decoded = decode_input(bytes)?;
    Ok(parse(&decoded, format, url))
}

/// Reads text of the given format into a page with that format's parser.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(input: &str, format: Format, url: Option<&str>) -> Page {
    match format {
        Format::Html => html::parse(input, url),
        Format::Markdown => markdown::parse(input, url),
        Format::Text => text::parse(input, url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_binary_and_oversized_input() {
        assert!(matches!(check_input(b""), Err(PageError::Empty)));
        assert!(matches!(check_input(b" \n\t "), Err(PageError::Empty)));
        assert!(matches!(check_input(b"ok\xFF"), Err(PageError::NotText { offset: 2 })));
        assert!(matches!(check_input(b"a\0b"), Err(PageError::NotText { offset: 1 })));
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(matches!(check_input(&big), Err(PageError::TooLarge { .. })));
    }

    #[test]
    fn reads_utf8_with_a_byte_order_mark_and_utf16() {
        assert_eq!(check_input(b"\xEF\xBB\xBFTerms").unwrap(), "Terms");

        let mut little = vec![0xFF, 0xFE];
        little.extend("Té".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_input(&little).unwrap(), "Té");

        let mut big = vec![0xFE, 0xFF];
        big.extend("Té".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_input(&big).unwrap(), "Té");

        assert!(matches!(decode_input(&[0xFF, 0xFE, 0x41]), Err(PageError::NotText { .. })));
    }

    #[test]
    fn guesses_formats() {
        assert_eq!(Format::guess("a.HTM", ""), Format::Html);
        assert_eq!(Format::guess("a.md", "<html>"), Format::Markdown);
        assert_eq!(Format::guess("-", "  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::guess("-", "Terms of use"), Format::Text);
        assert_eq!(Format::guess("-", &"é".repeat(600)), Format::Text);
        assert_eq!(Format::guess("-", "# Terms\n\n## Fees\n\nYou pay."), Format::Markdown);
        assert_eq!(Format::guess("a.php", "<!-- x -->\n<!doctype html><p>x"), Format::Html);
        assert_eq!(Format::guess("a.txt", "# Terms\n\n## Fees\n"), Format::Text);
    }
}
