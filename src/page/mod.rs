//! The page model: one input type for every source.
//!
//! A [`Page`] is what a reader sees of a web page, as a list of text [`Block`]s in reading order,
//! plus its URL and title. The content script builds blocks from the DOM; the CLI builds the
//! same blocks from HTML, Markdown or plain text files. Everything after this module is shared.
//!
//! Site chrome (navigation, headers, footers, cookie banners, menus of sibling policies) is left
//! out by whoever builds the blocks; collapsed accordions and `<details>` are kept, marked
//! `collapsed`.

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
pub mod text;

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
    /// The bytes are not UTF-8 text (a binary file, or text in another encoding).
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

/// Checks raw input before any parser sees it: size, emptiness, UTF-8.
pub fn check_input(bytes: &[u8]) -> Result<&str, PageError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(PageError::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }

    let text = std::str::from_utf8(bytes)
        .map_err(|error| PageError::NotText { offset: error.valid_up_to() })?;

    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    Ok(text)
}
