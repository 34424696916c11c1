//! A version ready to compare: its clauses tokenised, date lines set aside, findings attached.
//!
//! Both stored snapshots and fresh analyses become a [`Comparable`], so the comparison has one
//! input type. It borrows the clause texts from its source and owns only tokens and keys.
//!
//! Cost: one tokenisation pass over the clause texts (see [`super::normalise`]).

use serde::{Deserialize, Serialize};

use super::normalise::{self, DateLine, LineRole, Token};
use crate::analysis::Analysis;
use crate::categories::CategoryId;
use crate::tagging::Facts;

/// One category the engine found on a clause, with the facts it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseFinding {
    pub category: CategoryId,
    #[serde(default, skip_serializing_if = "Facts::is_empty")]
    pub facts: Facts,
}

/// A clause as its source gives it, before tokenisation.
#[derive(Debug, Clone)]
pub struct ClauseSource<'a> {
    /// Index of the clause in its document.
    pub index: usize,
    pub text: &'a str,
    pub section: Option<&'a str>,
    pub findings: Vec<ClauseFinding>,
}

/// A clause ready to compare.
#[derive(Debug, Clone)]
pub struct ComparableClause<'a> {
    /// Index of the clause in its document.
    pub index: usize,
    pub text: &'a str,
    pub section: Option<&'a str>,
    pub tokens: Vec<Token>,
    /// The clause's identity: equal keys mean equal text once noise is folded away.
    pub key: u64,
    pub findings: Vec<ClauseFinding>,
}

impl ComparableClause<'_> {
    pub fn categories(&self) -> impl Iterator<Item = CategoryId> + '_ {
        self.findings.iter().map(|finding| finding.category)
    }
}

/// One version of a document, ready to compare.
#[derive(Debug, Clone, Default)]
pub struct Comparable<'a> {
    /// The terms clauses, in document order; date lines and empty clauses are left out.
    pub clauses: Vec<ComparableClause<'a>>,
    /// The "Last updated" and "Effective" lines.
    pub dates: Vec<DateLine>,
    /// Visible words of the document, as its source counted them.
    pub words: usize,
}

impl<'a> Comparable<'a> {
    /// Tokenises clauses and sets the date lines aside.
    pub fn from_clauses(clauses: impl IntoIterator<Item = ClauseSource<'a>>, words: usize) -> Self {
        let mut comparable = Comparable { words, ..Comparable::default() };

        for source in clauses {
            let tokens = normalise::tokenize(source.text);
            match normalise::line_role(source.text, &tokens) {
                LineRole::Body => {}
                LineRole::Date(date) => {
                    comparable.dates.push(date);
                    continue;
                }
                LineRole::Empty => continue,
            }

            let key = normalise::combine(tokens.iter().map(|token| token.key));
            comparable.clauses.push(ComparableClause {
                index: source.index,
                text: source.text,
                section: source.section,
                tokens,
                key,
                findings: source.findings,
            });
        }
        comparable
    }

    /// The comparable form of a fresh analysis.
    pub fn from_analysis(analysis: &'a Analysis) -> Self {
        let document = &analysis.document;
        let mut findings: Vec<Vec<ClauseFinding>> = vec![Vec::new(); document.clauses.len()];
        for finding in &analysis.findings {
            if let Some(slot) = findings.get_mut(finding.clause) {
                slot.push(ClauseFinding {
                    category: finding.category,
                    facts: finding.facts.clone(),
                });
            }
        }

        let sources =
            document.clauses.iter().zip(findings).enumerate().map(|(index, (clause, findings))| {
                ClauseSource {
                    index,
                    text: &clause.text,
                    section: document.section_heading(clause),
                    findings,
                }
            });
        Comparable::from_clauses(sources, document.words)
    }

    /// The folded text of the terms clauses, one clause per line: what the snapshot hash covers.
    pub fn folded_text(&self) -> String {
        let mut out = String::new();
        for clause in &self.clauses {
            normalise::folded_text(clause.text, &clause.tokens, &mut out);
            out.push('\n');
        }
        out
    }

    /// Number of tokens over all terms clauses.
    pub fn token_count(&self) -> usize {
        self.clauses.iter().map(|clause| clause.tokens.len()).sum()
    }
}
