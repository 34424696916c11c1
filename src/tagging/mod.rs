//! Clause tagging: which categories each clause carries, with the facts it states.
//!
//! Two layers decide together:
//! - [`rules`]: precise patterns for what is unambiguous, with negation, scope and user-control
//!   handling ("we do not sell your data" protects, it does not put at risk);
//! - [`model`]: a sparse linear model over word n-grams and the rules' own outputs, learned from
//!   CC BY data, for the categories whose wording varies too much for patterns alone.
//!
//! [`facts`] then pulls out the numbers and places a finding states (opt-out days, liability cap,
//! governing law, minimum age).

pub mod facts;
pub mod model;
pub mod rules;

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
    /// The text just before the clause in reading order: the previous clause, or the section's
    /// heading for the first clause of a section.
    pub previous: Option<&'a str>,
    /// The text just after the clause in reading order: the next clause, or the next section's
    /// heading after the last clause of a section.
    pub next: Option<&'a str>,
}

/// A category decided for one piece of text, before it is tied to a place on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub category: CategoryId,
    pub confidence: f32,
    pub facts: Facts,
}

/// Tags one clause or sentence.
pub fn tag_text(text: &str, context: ClauseContext<'_>) -> Vec<Tag> {
    let hits = rules::evaluate(text);
    let learned = model::score(text, &context);
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

    let reading = reading_order(document);
    let mut place = vec![None; document.clauses.len()];
    for (at, item) in reading.iter().enumerate() {
        if let Reading::Clause(clause) = *item {
            place[clause] = Some(at);
        }
    }

    for (index, clause) in document.clauses.iter().enumerate() {
        let section = document.section_heading(clause);
        let neighbour =
            |at: Option<usize>| at.and_then(|at| reading.get(at)).map(|r| r.text(document));
        let context = ClauseContext {
            section_heading: section,
            previous: neighbour(place[index].and_then(|at| at.checked_sub(1))),
            next: neighbour(place[index].map(|at| at + 1)),
        };

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

/// One item of a document in the order a reader meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Heading(usize),
    Clause(usize),
}

impl Reading {
    fn text(self, document: &Document) -> &str {
        match self {
            Reading::Heading(section) => {
                document.sections[section].heading.as_deref().unwrap_or("")
            }
            Reading::Clause(clause) => &document.clauses[clause].text,
        }
    }
}

/// Headings and clauses in page order: the neighbours the model reads around each clause.
fn reading_order(document: &Document) -> Vec<Reading> {
    let mut order = Vec::with_capacity(document.clauses.len() + document.sections.len());
    for (index, section) in document.sections.iter().enumerate() {
        if section.heading.is_some() {
            order.push(Reading::Heading(index));
        }
        order.extend(
            section.clauses.clone().filter(|&c| c < document.clauses.len()).map(Reading::Clause),
        );
    }
    order
}
