//! `termwatch classify`: one sentence per line on standard input, one JSON object per line out:
//! `{"text", "categories": [...], "findings": [{"category", "polarity", "severity",
//! "confidence", "facts"}]}`. Blank lines give an object with no categories, so output lines
//! stay aligned with input lines.

use std::io::{BufRead, BufWriter, Write};

use anyhow::{Context, Result};
use serde_json::json;
use termwatch::tagging::{self, ClauseContext};

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> Result<()> {
    let stdin = std::io::stdin().lock();
    let mut stdout = BufWriter::new(std::io::stdout().lock());

    for (number, line) in stdin.lines().enumerate() {
        let line = line.with_context(|| format!("standard input, line {}", number + 1))?;
        let tags = tagging::tag_text(line.trim(), ClauseContext::default());

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
