//! Markdown into blocks, with `pulldown-cmark`.

use super::Page;

/// Reads a Markdown document into blocks.
pub fn parse(markdown: &str, url: Option<&str>) -> Page {
    super::text::parse(markdown, url)
}
