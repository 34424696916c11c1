//! `termwatch classify`: one sentence per line on standard input, one JSON object per line out:
//! `{"text", "categories": [...], "findings": [{"category", "polarity", "severity",
//! "confidence", "facts"}]}`. Blank lines give an object with no categories, so output lines
//! stay aligned with input lines.

use std::io::{BufRead, BufWriter, Write};

use anyhow::{Context, Result};
use serde_json::json;
use termwatch::document::{Document, MAX_CLAUSE_CHARS};
use termwatch::page;
use termwatch::tagging::{self, ClauseContext, Tag};

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    let stdin = std::io::stdin().lock();
    let mut stdout = BufWriter::new(std::io::stdout().lock());

    for (number, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("standard input, line {}", number + 1))?;
        let tags = tags_of(line.trim());

        let categories: Vec<_> = tags.iter().map(|tag| tag.category).collect();
        let findings: Vec<_> = tags
            .iter()
            .map(|tag| {
                let info = tag.category.info();
                json!({
                    "category": tag.category,
                    "polarity": info.polarity,
                    "severity": info.severity,
                    "confidence": two_decimals(tag.confidence),
                    "facts": tag.facts,
                })
            })
            .collect();

        let object = json!({ "text": line, "categories": categories, "findings": findings });
        writeln!(stdout, "{object}")?;
    }
    stdout.flush()?;
    Ok(())
}

/// A confidence as people read it (0.85, not the 0.8500000238418579 an f32 widens to).
fn two_decimals(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// The tags of one input line. A line longer than any clause (a pasted paragraph or a whole
/// page) is cut into clauses the way a document is, and each category is reported once with
/// the surest reading; reading it whole would cost time growing with the square of its length.
fn tags_of(line: &str) -> Vec<Tag> {
    if line.len() <= MAX_CLAUSE_CHARS {
        return tagging::tag_text(line, ClauseContext::default());
    }

    let document = Document::from_page(&page::text::parse(line, None));
    let mut tags: Vec<Tag> = Vec::new();
    for clause in &document.clauses {
        for tag in tagging::tag_text(&clause.text, ClauseContext::default()) {
            match tags.iter_mut().find(|kept| kept.category == tag.category) {
                Some(kept) if kept.confidence < tag.confidence => *kept = tag,
                Some(_) => {}
                None => tags.push(tag),
            }
        }
    }
    tags.sort_by_key(|tag| tag.category);
    tags
}
