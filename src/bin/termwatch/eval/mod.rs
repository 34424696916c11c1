//! `termwatch eval`: runs every scoring protocol of the evaluation data and prints the tables.
//!
//! Each data set has a module of its own that reads the data from disk, scores Termwatch on it
//! under the protocol of `data/README.md` and returns a [`DatasetReport`]. Nothing here is
//! fitted on data it then scores: where a set is both trained on and scored, folds are used.
//!
//! `--sentences FILE` scores nothing: it prints FILE's sentences as the fixed splitter of
//! [`sentences`] numbers them, with each one's FNV-1a hash, which is what a label stored by
//! reference (as in `tests/data/*_ai_labels*.jsonl`) points at.

mod ai_clauses;
mod changes;
mod claudette;
mod cross_corpus;
mod detection;
pub mod metrics;
mod sentences;
mod tosdr;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use sentences::{fnv1a64, split};

/// The figures of one data set, for people (`text`) and for programs (`json`).
pub struct DatasetReport {
    /// Short id of the data set (`claudette_50`, `tosdr_points`, ...).
    pub name: &'static str,
    /// One JSON object with the set's figures (`macro_f1`, per-label `p`, `r`, `f1`, rates).
    pub json: serde_json::Value,
    /// The tables as a person reads them in a terminal.
    pub text: String,
}

type Runner = fn(&Path) -> Result<DatasetReport>;

/// Every data set, in the order the report prints them.
const DATASETS: [(&str, Runner); 6] = [
    ("claudette_50", claudette::run),
    ("claudette_multilingual_50", cross_corpus::run),
    ("tosdr_points", tosdr::run),
    ("detection", detection::run),
    ("ai_clauses", ai_clauses::run),
    ("changes", changes::run),
];

#[derive(clap::Args)]
pub struct Args {
    /// The evaluation data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Score only these data sets (by id); all of them when absent.
    #[arg(long, value_delimiter = ',', value_parser = dataset_id)]
    only: Vec<String>,
    /// Score nothing; print FILE's sentences as the fixed splitter numbers them (position,
    /// FNV-1a hash, text), to write labels that point at sentences by reference.
    #[arg(long, value_name = "FILE", conflicts_with = "only")]
    sentences: Option<PathBuf>,
}

/// Accepts the id of a data set `eval` knows, and names them all otherwise.
fn dataset_id(id: &str) -> Result<String, String> {
    let known: Vec<&str> = DATASETS.iter().map(|(name, _)| *name).collect();
    if known.contains(&id) {
        Ok(id.to_string())
    } else {
        Err(format!("no data set is called {id:?}; the data sets are {}", known.join(", ")))
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Result<()> {
    if let Some(file) = &args.sentences {
        return list_sentences(file, args.format);
    }
    anyhow::ensure!(
        args.data.is_dir(),
        "{}: the evaluation data folder does not exist (pass --data DIR)",
        args.data.display()
    );

    let mut reports = Vec::new();
    for (name, runner) in DATASETS {
        if !args.only.is_empty() && !args.only.iter().any(|only| only == name) {
            continue;
        }
        let report = runner(&args.data).with_context(|| format!("scoring {name}"))?;
        if let Format::Text = args.format {
            println!("{}", report.text);
        }
        reports.push(report);
    }

    if let Format::Json = args.format {
        let all: Vec<_> = reports
            .into_iter()
            .map(|report| serde_json::json!({ "dataset": report.name, "figures": report.json }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&all)?);
    }
    Ok(())
}

/// Prints FILE's numbered sentences (see [`sentence_listing`]).
fn list_sentences(file: &Path, format: Format) -> Result<()> {
    let raw = std::fs::read_to_string(file).with_context(|| format!("{}", file.display()))?;
    print!("{}", sentence_listing(&raw, format)?);
    Ok(())
}

/// `position<TAB>hash<TAB>text` lines, or one JSON array of `{"sentence", "fnv1a64", "text"}`
/// objects; the hash is the 16-digit hexadecimal form the label files store.
fn sentence_listing(raw: &str, format: Format) -> Result<String> {
    let pieces = split(raw);
    let hash = |text: &str| format!("{:016x}", fnv1a64(text));
    Ok(match format {
        Format::Text => pieces
            .iter()
            .enumerate()
            .map(|(position, text)| format!("{position}\t{}\t{text}\n", hash(text)))
            .collect(),
        Format::Json => {
            let all: Vec<_> = pieces
                .iter()
                .enumerate()
                .map(|(sentence, text)| {
                    let fnv1a64 = hash(text);
                    serde_json::json!({ "sentence": sentence, "fnv1a64": fnv1a64, "text": text })
                })
                .collect();
            serde_json::to_string_pretty(&all)? + "\n"
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_listing_numbers_sentences_with_their_hashes() {
        let listing =
            sentence_listing("# Terms\n\nWe sell nothing. We keep nothing.\n", Format::Text)
                .expect("text listing");
        let lines: Vec<&str> = listing.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], format!("0\t{:016x}\tTerms", fnv1a64("Terms")));
        assert!(lines[2].starts_with("2\t") && lines[2].ends_with("\tWe keep nothing."));
    }

    #[test]
    fn sentence_listing_in_json_carries_the_same_references() {
        let listing = sentence_listing("One. Two.", Format::Json).expect("json listing");
        let all: serde_json::Value = serde_json::from_str(&listing).expect("valid JSON");
        assert_eq!(all[1]["sentence"], 1);
        assert_eq!(all[1]["text"], "Two.");
        assert_eq!(all[1]["fnv1a64"], format!("{:016x}", fnv1a64("Two.")));
    }
}
