//! Scores the clause model on `claudette_50` by 5-fold cross-validation over documents.
//!
//! Protocol (`data/README.md`, set 1): the folds of `folds.json`; for each fold the model is
//! fitted by [`fit::fit`] on the other four folds only — weights, pruning, quantisation and the
//! per-label thresholds and SVM settings chosen by inner cross-validation — then it scores
//! every sentence of the held-out fold. Predictions of the five folds are pooled and compared
//! with `unfair_labels`. Sentences are read from `text_raw`, the cased text a browser shows.
//! The clauses we wrote ourselves belong to no CLAUDETTE document, so every fold learns from
//! them and none scores them.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use termwatch::learn::corpus::{self, Gold, TextField};
use termwatch::learn::fit::{self, Example, FitOptions};
use termwatch::tagging::model::{Model, LABELS};

use super::metrics::LabelScores;
use super::DatasetReport;

pub fn run(data: &Path) -> Result<DatasetReport> {
    let started = Instant::now();
    let folder = data.join("claudette_50");
    let docs = corpus::read(&folder.join("sentences.jsonl"), TextField::Raw, Gold::Unfair)?;
    let folds = read_folds(&folder.join("folds.json"))?;
    let fold_of: Vec<usize> = docs
        .iter()
        .map(|doc| {
            folds
                .iter()
                .position(|fold| fold.contains(&doc.name))
                .with_context(|| format!("{} is in no fold of folds.json", doc.name))
        })
        .collect::<Result<_>>()?;
    let corpus_docs = docs.len();
    let docs = [docs, corpus::own_clauses()?].concat();
    let examples = fit::examples(&docs);
    let fold = |example: &Example| fold_of.get(example.doc).copied();

    let mut scores = LabelScores::default();
    let mut sizes = Vec::new();
    for held_out in 0..folds.len() {
        let training: Vec<&Example> =
            examples.iter().filter(|e| fold(e) != Some(held_out)).collect();
        let fitted = fit::fit(&training, &FitOptions::default());
        sizes.push(fitted.weights.encode().len());
        let tested: Vec<&Example> = examples.iter().filter(|e| fold(e) == Some(held_out)).collect();
        add_predictions(&fitted.model, &tested, &mut scores);
    }

    let seconds = started.elapsed().as_secs_f64();
    let largest = sizes.iter().max().copied().unwrap_or(0);
    let own = examples.iter().filter(|e| e.doc >= corpus_docs).count();
    let text = format!(
        "claudette_50: 5-fold cross-validation by document (folds.json), text_raw, \
         gold = unfair_labels; each fold also learns our own {own} clauses\n\
         {}weights per fold up to {:.1} KB; {seconds:.1} s\n",
        scores.table(),
        largest as f64 / 1024.0,
    );
    let mut json = scores.json();
    json["text"] = "text_raw".into();
    json["folds"] = folds.len().into();
    json["own_clauses"] = own.into();
    json["weights_bytes_max"] = largest.into();
    Ok(DatasetReport { name: "claudette_50", json, text })
}

/// Scores `examples` with `model` and counts each label's decision against its gold answer.
pub fn add_predictions(model: &Model, examples: &[&Example], scores: &mut LabelScores) {
    for example in examples {
        let decided = model.decide(&model.margins_of(&example.features));
        for (label, category) in LABELS.iter().enumerate() {
            scores.add(category.as_str(), decided[label].is_some(), example.gold[label]);
        }
    }
}

fn read_folds(path: &Path) -> Result<Vec<Vec<String>>> {
    #[derive(serde::Deserialize)]
    struct Folds {
        folds: Vec<Vec<String>>,
    }
    let content =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let folds: Folds =
        serde_json::from_str(&content).with_context(|| format!("reading {}", path.display()))?;
    Ok(folds.folds)
}
