//! Reading a page from a file or standard input, by the file's extension.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use termwatch::page::{self, Page};

/// What a file holds, decided from its extension (or its first bytes for standard input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    fn guess(path: &str, text: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            return Format::Html;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        if lower.ends_with(".txt") {
            return Format::Text;
        }

        let start = text.trim_start().get(..256).unwrap_or(text.trim_start());
        let start = start.to_ascii_lowercase();
        if start.starts_with("<!doctype") || start.starts_with("<html") || start.contains("<body") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Reads `path` (or standard input for `-`) into a page.
pub fn read_page(path: &str, url: Option<&str>) -> Result<Page> {
    let bytes = read_bytes(path)?;
    let text = page::check_input(&bytes).with_context(|| format!("{path}"))?;

    let page = match Format::guess(path, text) {
        Format::Html => page::html::parse(text, url),
        Format::Markdown => page::markdown::parse(text, url),
        Format::Text => page::text::parse(text, url),
    };
    Ok(page)
}

fn read_bytes(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("standard input")?;
        return Ok(bytes);
    }

    let path_ref = Path::new(path);
    std::fs::read(path_ref).with_context(|| format!("{path}: cannot read the file"))
}
