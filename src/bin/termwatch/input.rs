//! Reading a page from a file or standard input, by the file's extension (or its first bytes).
//!
//! Every failure is one line naming the file: a file that cannot be opened, a directory, a file
//! over the size limit (refused before it is read), bytes that are not text, an empty file.

use std::fs::File;
use std::io::Read;

use anyhow::{Context, Result};
use termwatch::page::{self, Format, Page, PageError, MAX_INPUT_BYTES};

/// Reads `path` (or standard input for `-`) into a page.
pub fn read_page(path: &str, url: Option<&str>) -> Result<Page> {
    let bytes = read_bytes(path)?;
    let name = if path == "-" { "standard input" } else { path };

    let text = page::decode_input(&bytes).with_context(|| name.to_string())?;
    let format = Format::guess(path, &text);
    Ok(page::parse(&text, format, url))
}

/// The file's bytes, refusing more than [`MAX_INPUT_BYTES`] without reading them all.
fn read_bytes(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        return read_limited(std::io::stdin().lock()).context("standard input");
    }

    let file = File::open(path).with_context(|| format!("{path}: cannot open the file"))?;
    let metadata = file.metadata().with_context(|| format!("{path}: cannot read the file"))?;
    anyhow::ensure!(!metadata.is_dir(), "{path}: is a directory, not a page");
    if metadata.len() > MAX_INPUT_BYTES as u64 {
        let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
        return Err(PageError::TooLarge { size, limit: MAX_INPUT_BYTES }).context(path.to_string());
    }

    read_limited(file).with_context(|| format!("{path}: cannot read the file"))
}

/// Reads at most one byte more than the limit, so an oversized stream is caught without being
/// held in memory whole.
fn read_limited(reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    anyhow::ensure!(
        bytes.len() <= MAX_INPUT_BYTES,
        "the input is more than the {MAX_INPUT_BYTES}-byte limit"
    );
    Ok(bytes)
}
