//! The checked document model: sections, then clauses, each pointing back at the page.
//!
//! [`Document::from_page`] is the only way in: it drops hidden blocks, groups blocks under
//! their headings and cuts each block into clauses (see [`segment`]). Every clause keeps its
//! exact span in its block, in UTF-16 code units, so the extension can highlight it and every
//! quote is verbatim page text.
//!
//! Sentences are found by our own rules with abbreviations handled ([`mod@sentences`]); provision
//! numbers and inline headings stay with the sentence they open, and overlong runs are cut at
//! [`MAX_CLAUSE_CHARS`] ([`clauses`]); the language is a stop-word guess ([`language`]).
//!
//! Cost: linear in the page's text, with no tables beyond short word lists, so it is cheap in
//! WASM. Known limits: lettered provisions inside a sentence stay in that sentence; the
//! language guess knows seven languages.

pub mod clauses;
pub mod language;
pub mod segment;
pub mod sentences;

pub use clauses::{provision_number, MAX_CLAUSE_CHARS};
pub use sentences::sentences;

use serde::{Deserialize, Serialize};

use crate::page::Page;

/// Where a piece of text sits on the page: a block and a UTF-16 range within that block's text.
/// `block` is the block's position in [`Page::blocks`] (which is also its `index`).
/// Invariant: `start <= end`, and both fall on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// One heading and what follows it up to the next heading of the same or a higher level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading text, or `None` for text before the first heading.
    pub heading: Option<String>,
    /// 1 to 6; 0 for text before the first heading.
    pub level: u8,
    /// Indices into [`Document::clauses`] of the clauses in this section (a contiguous range).
    pub clauses: std::ops::Range<usize>,
}

/// The smallest unit Termwatch tags: a sentence, a list item or a numbered provision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Verbatim text of the clause, exactly the page text at `span`.
    pub text: String,
    /// Where the clause sits in the page.
    pub span: Span,
    /// Index into [`Document::sections`].
    pub section: usize,
    /// A provision number found at the start of the clause (`4.2`, `(a)`, `iv.`), if any.
    pub number: Option<String>,
}

/// A page read into sections and clauses.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub url: Option<String>,
    pub title: Option<String>,
    pub sections: Vec<Section>,
    pub clauses: Vec<Clause>,
    /// Visible words in the document.
    pub words: usize,
    /// A two-letter language guess (`en`, `fr`, ...) or `und` when unsure.
    pub language: String,
}

impl Document {
    /// Reads a page into sections and clauses.
    pub fn from_page(page: &Page) -> Document {
        segment::segment(page)
    }

    /// The heading of the section a clause sits in, if it has one.
    pub fn section_heading(&self, clause: &Clause) -> Option<&str> {
        self.sections.get(clause.section)?.heading.as_deref()
    }
}
