//! Scores the clause model across corpora: fitted as `termwatch train` fits it (all of
//! `claudette_50` and our own clauses), scored on `claudette_multilingual_50`, which is never
//! fitted or tuned on.
//!
//! Protocol (`data/README.md`, set 2): positives are sentences whose `levels` value for a label
//! is 2 or 3; the same scores are also printed with positives at level 1 or more, and on the 26
//! documents whose company `claudette_50` does not contain (names compared without case).

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use termwatch::learn::corpus::{self, Doc, Gold, TextField};
use termwatch::learn::fit::{self, Example, FitOptions};

use super::claudette::add_predictions;
use super::metrics::LabelScores;
use super::DatasetReport;

pub fn run(data: &Path) -> Result<DatasetReport> {
    let started = Instant::now();
    let training_path = data.join("claudette_50").join("sentences.jsonl");
    let training_docs = corpus::read(&training_path, TextField::Raw, Gold::Unfair)?;
    let seen: HashSet<String> = training_docs.iter().map(|d| d.name.to_lowercase()).collect();
    let training = fit::examples(&[training_docs, corpus::own_clauses()?].concat());
    let fitted = fit::fit(&training.iter().collect::<Vec<_>>(), &FitOptions::default());

    let test_path = data.join("claudette_multilingual_50").join("sentences.jsonl");
    let mut sections = Vec::new();
    let mut json = serde_json::Map::new();
    for (key, title, gold, unseen_only) in [
        ("level_2_3", "positives = level 2-3", Gold::LevelAtLeast(2), false),
        ("level_1_3", "positives = level >= 1", Gold::LevelAtLeast(1), false),
        ("unseen_level_2_3", "26 unseen companies, level 2-3", Gold::LevelAtLeast(2), true),
    ] {
        let docs: Vec<Doc> = corpus::read(&test_path, TextField::Raw, gold)?
            .into_iter()
            .filter(|doc| !unseen_only || !seen.contains(&doc.name.to_lowercase()))
            .collect();
        let examples: Vec<Example> = fit::examples(&docs);
        let mut scores = LabelScores::default();
        add_predictions(&fitted.model, &examples.iter().collect::<Vec<_>>(), &mut scores);
        sections.push(format!(
            "{title} ({} docs, {} sentences)\n{}",
            docs.len(),
            examples.len(),
            scores.table()
        ));
        json.insert(key.to_string(), scores.json());
    }

    let text = format!(
        "claudette_multilingual_50: fitted on all of claudette_50 (text_raw) and our own \
         clauses, never on this set\n\
         {}{:.1} s\n",
        sections.join("\n"),
        started.elapsed().as_secs_f64()
    );
    json.insert("headline".to_string(), json["level_2_3"]["macro_f1"].clone());
    Ok(DatasetReport { name: "claudette_multilingual_50", json: json.into(), text })
}
