//! `termwatch train`: fits the clause model on all of `claudette_50` and writes the weights the
//! crate ships (`src/tagging/model/weights.bin`, compiled in on the next build).
//!
//! The recipe is [`fit::fit`], the same one `termwatch eval` scores fold by fold, on `text_raw`
//! with `unfair_labels` as gold, plus the clauses we wrote ourselves (`learn/own_clauses.txt`).
//! Nothing else is read: the shipped weights are learned from CC BY data and our own words.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use termwatch::learn::corpus::{self, Gold, TextField};
use termwatch::learn::fit::{self, FitOptions};
use termwatch::tagging::model::LABELS;

const SHIPPED_WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/tagging/model/weights.bin");

#[derive(clap::Args)]
pub struct Args {
    /// The evaluation data folder (its `claudette_50/sentences.jsonl` is the training set).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where to write the weights (by default into the crate's source, to be compiled in).
    #[arg(long, default_value = SHIPPED_WEIGHTS)]
    out: PathBuf,
}

pub fn run(args: Args) -> Result<()> {
    let started = Instant::now();
    let path = args.data.join("claudette_50").join("sentences.jsonl");
    let corpus_docs = corpus::read(&path, TextField::Raw, Gold::Unfair)?;
    let documents = corpus_docs.len();
    let docs = [corpus_docs, corpus::own_clauses()?].concat();
    let examples = fit::examples(&docs);
    anyhow::ensure!(!examples.is_empty(), "{}: no sentences to learn from", path.display());

    let fitted = fit::fit(&examples.iter().collect::<Vec<_>>(), &FitOptions::default());
    let bytes = fitted.weights.encode();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;

    let own = examples.iter().filter(|e| e.doc >= documents).count();
    println!(
        "fitted on {} sentences of {documents} documents (claudette_50, text_raw) and {own} \
         clauses of our own in {:.1} s",
        examples.len() - own,
        started.elapsed().as_secs_f64()
    );
    println!(
        "wrote {}: {} weighted buckets, {:.1} KB",
        args.out.display(),
        fitted.weights.entries.len(),
        bytes.len() as f64 / 1024.0
    );
    let labels = LABELS.iter().zip(&fitted.weights.labels).zip(&fitted.settings);
    for ((category, params), svm) in labels {
        println!(
            "  {:<26} threshold {:+.3}  C {:<4} positive weight {}",
            category.as_str(),
            params.threshold,
            svm.c,
            svm.positive_weight
        );
    }
    println!("rebuild to ship them (the crate includes the file at compile time)");
    Ok(())
}
