//! The whole reading of one page: detection, clauses, findings and grade.

use serde::{Deserialize, Serialize};

use crate::detect::{self, Detection};
use crate::document::Document;
use crate::grade::{self, Grade};
use crate::page::Page;
use crate::tagging::{self, Finding};

/// Everything Termwatch says about one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub detection: Detection,
    pub document: Document,
    pub findings: Vec<Finding>,
    pub grade: Grade,
}

/// Reads, detects, tags and grades one page.
pub fn analyze(page: &Page) -> Analysis {
    let document = Document::from_page(page);
    let detection = detect::detect(page, &document);
    let findings = tagging::tag_document(&document);
    let grade = grade::grade(&findings);

    Analysis { detection, document, findings, grade }
}
