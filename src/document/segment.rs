//! Cuts blocks into clauses: numbered provisions, list items, sentences.

use super::Document;
use crate::page::Page;

/// Reads a page into a [`Document`].
pub fn segment(page: &Page) -> Document {
    Document {
        url: page.url.clone(),
        title: page.title.clone(),
        language: "und".to_string(),
        ..Document::default()
    }
}
