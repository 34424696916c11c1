//! Hand-built analyses for the unit tests of this module, independent of the segmenter and the
//! tagger: each paragraph is one block, each `. `-ended sentence one clause, and findings are
//! attached by the test.

use crate::analysis::Analysis;
use crate::categories::{CategoryId, Polarity, Severity};
use crate::detect::{Detection, PageKind};
use crate::document::{Clause, Document, Section, Span};
use crate::page::{Block, Page};
use crate::tagging::{Facts, Finding};

/// A page of paragraphs, and its analysis with `findings` as `(clause, category, facts)`.
pub fn analysed(paragraphs: &[&str], findings: &[(usize, CategoryId, Facts)]) -> (Page, Analysis) {
    let blocks: Vec<Block> =
        paragraphs.iter().enumerate().map(|(index, text)| Block::paragraph(index, *text)).collect();
    let page = Page { url: Some("https://example.com/terms".into()), title: None, blocks };

    let mut clauses = Vec::new();
    for block in &page.blocks {
        let mut start = 0;
        for sentence in block.text.split_inclusive(". ") {
            let text = sentence.trim_end();
            let length = text.encode_utf16().count();
            let span = Span { block: block.index, start, end: start + length };
            clauses.push(Clause { text: text.to_string(), span, section: 0, number: None });
            start += sentence.encode_utf16().count();
        }
    }
    let words = page.word_count();
    let section = Section { heading: None, level: 0, clauses: 0..clauses.len() };
    let document = Document {
        url: page.url.clone(),
        title: None,
        sections: vec![section],
        clauses,
        words,
        language: "en".into(),
    };

    let findings: Vec<Finding> = findings
        .iter()
        .map(|(clause, category, facts)| Finding {
            category: *category,
            polarity: Polarity::Risk,
            severity: Severity::High,
            quote: document.clauses[*clause].text.clone(),
            section: None,
            clause: *clause,
            span: document.clauses[*clause].span,
            facts: facts.clone(),
            explanation: String::new(),
            confidence: 1.0,
        })
        .collect();
    let detection = Detection {
        is_terms: true,
        kind: PageKind::TermsOfService,
        confidence: 1.0,
        signals: vec![],
    };
    let grade = crate::grade::grade(&findings);
    (page.clone(), Analysis { detection, document, findings, grade })
}
