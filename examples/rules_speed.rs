//! Times the hand-written rules alone on a 20,000-word page of real terms.
//!
//! The page is the opening 20,000 words of five genai-eu documents from the evaluation data
//! (ChatGPT terms and privacy policy, Claude.ai privacy policy, Grok and Perplexity terms),
//! cut into clauses at line breaks and at ". ". The first pass over the page warms the lazy
//! DFAs; the figure is the median of the following passes.
//!
//! `cargo run --release --example rules_speed -- [DATA_DIR] [PASSES]`

use std::time::{Duration, Instant};

const DOCUMENTS: [&str; 5] = [
    "ChatGPT/Terms of Service/2026-07-26T10-30-01Z.md",
    "ChatGPT/Privacy Policy/2026-07-25T10-30-09Z.md",
    "Claude.ai/Privacy Policy/2026-08-17T22-31-33Z.md",
    "Grok/Terms of Service/2026-07-08T16-13-27Z.md",
    "Perplexity/Terms of Service/2026-08-20T22-34-19Z.md",
];
const PAGE_WORDS: usize = 20_000;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "../shared/data".to_string());
    let passes: usize = args
        .next()
        .map_or(Ok(21), |passes| passes.parse())
        .map_err(|e| format!("PASSES must be a number: {e}"))?;

    let clauses = page(&data)?;
    let bytes: usize = clauses.iter().map(String::len).sum();
    for clause in &clauses {
        let _ = termwatch::tagging::rules::evaluate(clause);
    }

    let mut times: Vec<Duration> = (0..passes.max(1))
        .map(|_| {
            let start = Instant::now();
            for clause in &clauses {
                let _ = termwatch::tagging::rules::evaluate(clause);
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];

    println!(
        "{} clauses, {PAGE_WORDS} words, {} KB: median {:.2} ms per page over {} passes \
         ({:.1} MB/s)",
        clauses.len(),
        bytes / 1024,
        median.as_secs_f64() * 1e3,
        times.len(),
        bytes as f64 / median.as_secs_f64() / 1e6
    );
    Ok(())
}

fn page(data: &str) -> Result<Vec<String>, String> {
    let mut clauses = Vec::new();
    let mut words = 0;
    for document in DOCUMENTS {
        let path = format!("{data}/open_terms_archive/versions/genai-eu/{document}");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        for clause in text.lines().flat_map(|line| line.split(". ")) {
            if words >= PAGE_WORDS || clause.trim().len() < 4 {
                continue;
            }
            words += clause.split_whitespace().count();
            clauses.push(clause.to_string());
        }
    }
    Ok(clauses)
}
