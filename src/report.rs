//! The published shape of an analysis: what the CLI prints as JSON and the extension receives.
//!
//! [`Analysis`](crate::Analysis) keeps the whole document for later stages; a [`Report`] keeps
//! what a reader needs — the verdict on the page, the grade and each finding with the exact
//! place it sits — in a flat, stable form that tools can rely on.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::categories::{CategoryId, Polarity, Severity};
use crate::detect::{PageKind, Signal};
use crate::grade::Grade;
use crate::tagging::Facts;

/// What the page is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub kind: PageKind,
    pub is_terms: bool,
    pub confidence: f32,
    pub title: Option<String>,
    pub url: Option<String>,
    pub language: String,
    pub words: usize,
    /// The evidence behind `kind`, strongest first.
    pub signals: Vec<Signal>,
}

/// One finding, flattened: the category, what it means and where it is on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFinding {
    pub category: CategoryId,
    /// The category's short name ("Binding arbitration").
    pub name: String,
    pub polarity: Polarity,
    pub severity: Severity,
    /// Verbatim page text.
    pub quote: String,
    pub section: Option<String>,
    /// Block index and UTF-16 offsets of the quote within that block's text.
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub facts: Facts,
    pub explanation: String,
    pub confidence: f32,
}

/// Everything a reader is told about one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub document: DocumentInfo,
    pub grade: Grade,
    pub findings: Vec<ReportFinding>,
}

impl Report {
    pub fn from_analysis(analysis: &Analysis) -> Report {
        let detection = &analysis.detection;
        let document = DocumentInfo {
            kind: detection.kind,
            is_terms: detection.is_terms,
            confidence: detection.confidence,
            title: analysis.document.title.clone(),
            url: analysis.document.url.clone(),
            language: analysis.document.language.clone(),
            words: analysis.document.words,
            signals: detection.signals.clone(),
        };

        let findings = analysis
            .findings
            .iter()
            .map(|finding| ReportFinding {
                category: finding.category,
                name: finding.category.info().name.clone(),
                polarity: finding.polarity,
                severity: finding.severity,
                quote: finding.quote.clone(),
                section: finding.section.clone(),
                block: finding.span.block,
                start: finding.span.start,
                end: finding.span.end,
                facts: finding.facts.clone(),
                explanation: finding.explanation.clone(),
                confidence: finding.confidence,
            })
            .collect();

        Report { document, grade: analysis.grade.clone(), findings }
    }

    /// Risk findings only.
    pub fn risks(&self) -> impl Iterator<Item = &ReportFinding> {
        self.findings.iter().filter(|finding| finding.polarity == Polarity::Risk)
    }
}
