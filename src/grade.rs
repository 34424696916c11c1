//! The document grade, A (reader-friendly) to E (many serious risks), with its reasons.

use serde::{Deserialize, Serialize};

use crate::tagging::Finding;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Letter {
    A,
    B,
    C,
    D,
    E,
}

/// A grade and the plain sentences that explain it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    pub letter: Letter,
    pub reasons: Vec<String>,
}

/// Sums the findings of one document up.
pub fn grade(findings: &[Finding]) -> Grade {
    let _ = findings;
    Grade { letter: Letter::A, reasons: Vec::new() }
}
