//! Clause tagging: which categories each clause carries, with the facts it states.
//!
//! Two layers decide together:
//! - [`rules`]: precise patterns for what is unambiguous, with negation, scope and user-control
//!   handling ("we do not sell your data" protects, it does not put at risk);
//! - [`model`]: a sparse linear model over word n-grams and legal cues, learned from CC BY
//!   data, for the eight CLAUDETTE categories whose wording varies too much for patterns alone.
//!
//! [`facts`] then pulls out the numbers and places a finding states (opt-out days, liability cap,
//! governing law, minimum age).

pub mod facts;
pub mod model;
pub mod rules;
pub mod scope;

use serde::{Deserialize, Serialize};

use crate::categories::{CategoryId, Polarity, Severity};
use crate::document::{Document, Span};

pub use facts::Facts;

/// One category found on one clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub category: CategoryId,
    pub polarity: Polarity,
    pub severity: Severity,
    /// The clause text, verbatim from the page.
    pub quote: String,
    /// The heading of the section the clause sits in, if any.
    pub section: Option<String>,
    /// Index of the clause in [`Document::clauses`].
    pub clause: usize,
    pub span: Span,
    pub facts: Facts,
    /// The category's plain-language explanation.
    pub explanation: String,
    /// 0 to 1: how sure the tagger is.
    pub confidence: f32,
}

/// What the tagger knows about a clause besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClauseContext<'a> {
    /// The heading of the section the clause sits in.
    pub section_heading: Option<&'a str>,
}

/// A category decided for one piece of text, before it is tied to a place on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub category: CategoryId,
    pub confidence: f32,
    pub facts: Facts,
}

/// Tags one clause or sentence.
///
/// The learned model scores its eight categories in one pass over the clause (they share
/// features); the rules decide the others.
pub fn tag_text(text: &str, context: ClauseContext<'_>) -> Vec<Tag> {
    let _ = context;
    let hits = rules::evaluate(text);
    let learned = model::score(text);
    let mut tags = Vec::new();

    for category in CategoryId::ALL {
        let confidence = match model::label_index(category) {
            Some(label) => learned[label],
            None => hits.confidence(category),
        };
        if let Some(confidence) = confidence {
            tags.push(Tag { category, confidence, facts: facts::extract(category, text) });
        }
    }
    tags
}

/// Tags every clause of a document.
pub fn tag_document(document: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();

    for (index, clause) in document.clauses.iter().enumerate() {
        let section = document.section_heading(clause);
        let context = ClauseContext { section_heading: section };

        for tag in tag_text(&clause.text, context) {
            let info = tag.category.info();
            findings.push(Finding {
                category: tag.category,
                polarity: info.polarity,
                severity: info.severity,
                quote: clause.text.clone(),
                section: section.map(str::to_string),
                clause: index,
                span: clause.span,
                facts: tag.facts,
                explanation: info.explanation.clone(),
                confidence: tag.confidence,
            });
        }
    }
    findings
}
