//! `termwatch eval`: runs every scoring protocol of the evaluation data and prints the tables.
//!
//! Each data set has a module of its own that reads the data from disk, scores Termwatch on it
//! under the protocol of `data/README.md` and returns a [`DatasetReport`]. Nothing here is
//! fitted on data it then scores: where a set is both trained on and scored, folds are used.

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
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Result<()> {
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
