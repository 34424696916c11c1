//! Clause tagging: which categories each clause carries, with the facts it states.
//!
//! Two layers decide together:
//! - [`rules`]: precise patterns for what is unambiguous, with negation, scope and user-control
//!   handling ("we do not sell your data" protects, it does not put at risk);
//! - [`model`]: a sparse linear model over word n-grams and legal cues, learned from CC BY
//!   data, for the eight CLAUDETTE categories whose wording varies too much for patterns alone.
//!
//! [`scope`] is the negation, scope and user-control layer the rules share.
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
    #[cfg(not(target_arch = "wasm32"))]
    {
        let workers = threads_for(document.clauses.len());
        if workers > 1 {
            return tag_in_parallel(document, workers);
        }
    }
    tag_clauses(document, 0..document.clauses.len())
}

/// Tags the clauses in `range`, in order.
fn tag_clauses(document: &Document, range: std::ops::Range<usize>) -> Vec<Finding> {
    let mut findings = Vec::new();

    for (index, clause) in document.clauses[range.clone()].iter().enumerate() {
        let index = range.start + index;
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

/// Below this many clauses a page is tagged on the calling thread: starting threads would cost
/// more than they save.
#[cfg(not(target_arch = "wasm32"))]
const CLAUSES_PER_WORKER: usize = 300;

/// How many threads to tag `clauses` clauses on: one per core, at most four, or as many as
/// `TERMWATCH_THREADS` says (`1` tags on the calling thread alone, as in WebAssembly).
#[cfg(not(target_arch = "wasm32"))]
pub fn threads_for(clauses: usize) -> usize {
    let chosen = std::env::var("TERMWATCH_THREADS").ok().and_then(|value| value.parse().ok());
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let wanted: usize = chosen.unwrap_or(cores.min(4));
    wanted.min(clauses / CLAUSES_PER_WORKER).max(1)
}

/// Tags contiguous runs of clauses on `workers` threads and joins their findings in clause
/// order, so the result is the same as tagging on one thread. Clauses are independent of each
/// other, which is what makes this safe. A run whose thread cannot be started is tagged on
/// the calling thread instead.
#[cfg(not(target_arch = "wasm32"))]
fn tag_in_parallel(document: &Document, workers: usize) -> Vec<Finding> {
    let total = document.clauses.len();
    let run = total.div_ceil(workers);
    let range_of = |worker: usize| (worker * run).min(total)..((worker + 1) * run).min(total);

    std::thread::scope(|scope| {
        let started: Vec<_> = (0..workers)
            .map(|worker| {
                let thread = std::thread::Builder::new().name("termwatch-tagging".into());
                let range = range_of(worker);
                (worker, thread.spawn_scoped(scope, move || tag_clauses(document, range)))
            })
            .collect();
        started
            .into_iter()
            .flat_map(|(worker, thread)| match thread {
                Ok(handle) => {
                    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                }
                Err(_) => tag_clauses(document, range_of(worker)),
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{self, Format};

    #[test]
    fn tagging_on_several_threads_finds_what_one_thread_finds_in_the_same_order() {
        let clause = "We may share your data with partners. You waive any right to a jury trial. \
                      Disputes are settled by binding arbitration. We may terminate your account.";
        let text = vec![clause; 400].join("\n\n");
        let document = Document::from_page(&page::parse(&text, Format::Text, None));
        assert!(document.clauses.len() >= 3 * CLAUSES_PER_WORKER);

        let alone = tag_clauses(&document, 0..document.clauses.len());
        assert!(!alone.is_empty());
        for workers in [2, 3, 4] {
            assert_eq!(tag_in_parallel(&document, workers), alone, "{workers} threads");
        }
    }
}
