//! Scores Termwatch on the AI categories: `ai_use_restriction`, `ai_training_on_user_data`,
//! `no_ai_training`.
//!
//! No public labelled set exists, so two sets are built in the project:
//!
//! 1. **Our sentences** (`tests/data/ai_sentences.jsonl`): sentences written in our own words,
//!    positives, near misses and negations, each with its labels. They are split by the parity
//!    of the FNV-1a hash of the text into a development part (even) and a held-out part (odd);
//!    the split was fixed before any rule was tuned on them, and only development sentences are
//!    looked at when tuning.
//! 2. **Real clauses** (`tests/data/genai_eu_ai_labels.jsonl`): labels for sentences of real
//!    terms of generative-AI services in `open_terms_archive/versions/genai-eu/`, stored by
//!    reference, never by text: each line names one document (its path under the data folder),
//!    the number of sentences the fixed splitter of [`super::sentences`] finds in it, and for
//!    each labelled sentence its position, the FNV-1a hash of its text (to catch a changed file
//!    or splitter) and its categories. Every other sentence of a listed document is a negative
//!    for all three categories. Documents are split into development and held-out parts by the
//!    parity of the FNV-1a hash of the service name.
//!
//! Each sentence is tagged alone with the full tagger; precision, recall and F1 are reported
//! per category, per part. The bar is precision and recall of at least 0.90 on each category.
//!
//! Known limit of the real-clause labels: one person labelled them, reading every sentence of
//! the listed documents that holds an AI, model, training, mining or scraping word; a sentence
//! without any such word was taken as negative without a second reading.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{bail, ensure, Context, Result};
use serde::Deserialize;
use termwatch::categories::CategoryId;
use termwatch::tagging::{self, ClauseContext};

use super::metrics::LabelScores;
use super::sentences::{fnv1a64, split};
use super::DatasetReport;

const AI_CATEGORIES: [CategoryId; 3] =
    [CategoryId::AiUseRestriction, CategoryId::AiTrainingOnUserData, CategoryId::NoAiTraining];

/// The bar for both precision and recall, on every category and part.
const BAR: f64 = 0.90;

const OUR_SENTENCES: &str = include_str!("../../../../tests/data/ai_sentences.jsonl");
const GENAI_LABELS: &str = include_str!("../../../../tests/data/genai_eu_ai_labels.jsonl");

#[derive(Deserialize)]
struct OwnSentence {
    text: String,
    labels: Vec<String>,
}

#[derive(Deserialize)]
struct LabelledDocument {
    path: String,
    sentences: usize,
    labels: Vec<SentenceLabel>,
}

#[derive(Deserialize)]
struct SentenceLabel {
    sentence: usize,
    fnv1a64: String,
    categories: Vec<String>,
}

/// One sentence to score, with its gold categories and the part it belongs to.
struct Scored {
    text: String,
    gold: Vec<CategoryId>,
    development: bool,
}

pub fn run(data: &Path) -> Result<DatasetReport> {
    let own = own_sentences()?;
    let real = real_sentences(data)?;

    let mut text = String::from("ai_clauses (sentence by sentence; bar: P and R >= 0.90)\n");
    let mut json = serde_json::Map::new();
    for (name, set) in [("our_sentences", &own), ("genai_eu", &real)] {
        let mut by_part = serde_json::Map::new();
        for (part, development) in
            [("development", Some(true)), ("held_out", Some(false)), ("all", None)]
        {
            let chosen: Vec<&Scored> = set
                .iter()
                .filter(|sentence| development.is_none_or(|wanted| sentence.development == wanted))
                .collect();
            let scores = score(&chosen);
            text += &format!("\n{name}, {part} ({} sentences)\n", chosen.len());
            text += &scores.table();
            text += &bar_line(&scores);
            by_part.insert(part.to_string(), scores.json());
        }
        json.insert(name.to_string(), serde_json::Value::Object(by_part));
    }

    Ok(DatasetReport { name: "ai_clauses", json: serde_json::Value::Object(json), text })
}

fn own_sentences() -> Result<Vec<Scored>> {
    let mut sentences = Vec::new();
    for (number, line) in OUR_SENTENCES.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let sentence: OwnSentence = serde_json::from_str(line)
            .with_context(|| format!("tests/data/ai_sentences.jsonl:{}", number + 1))?;
        let gold = parse_categories(&sentence.labels)?;
        let development = fnv1a64(&sentence.text) % 2 == 0;
        sentences.push(Scored { text: sentence.text, gold, development });
    }
    Ok(sentences)
}

fn real_sentences(data: &Path) -> Result<Vec<Scored>> {
    let mut sentences = Vec::new();
    for (number, line) in GENAI_LABELS.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let document: LabelledDocument = serde_json::from_str(line)
            .with_context(|| format!("tests/data/genai_eu_ai_labels.jsonl:{}", number + 1))?;
        sentences.extend(read_document(data, &document)?);
    }
    Ok(sentences)
}

/// Splits one labelled document and attaches its labels, checking that the references still
/// point at the sentences they were written for.
fn read_document(data: &Path, document: &LabelledDocument) -> Result<Vec<Scored>> {
    let path = data.join("open_terms_archive").join(&document.path);
    let raw = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let pieces = split(&raw);
    ensure!(
        pieces.len() == document.sentences,
        "{}: {} sentences, the labels were written for {} (file or splitter changed)",
        document.path,
        pieces.len(),
        document.sentences
    );

    let mut gold: BTreeMap<usize, Vec<CategoryId>> = BTreeMap::new();
    for label in &document.labels {
        let Some(sentence) = pieces.get(label.sentence) else {
            bail!("{}: no sentence {}", document.path, label.sentence);
        };
        ensure!(
            format!("{:016x}", fnv1a64(sentence)) == label.fnv1a64,
            "{}: sentence {} is not the one labelled (hash differs)",
            document.path,
            label.sentence
        );
        gold.insert(label.sentence, parse_categories(&label.categories)?);
    }

    let service = document.path.split('/').nth(2).unwrap_or(&document.path);
    let development = fnv1a64(service) % 2 == 0;
    Ok(pieces
        .into_iter()
        .enumerate()
        .map(|(index, text)| Scored {
            text,
            gold: gold.remove(&index).unwrap_or_default(),
            development,
        })
        .collect())
}

fn parse_categories(names: &[String]) -> Result<Vec<CategoryId>> {
    names
        .iter()
        .map(|name| {
            CategoryId::parse(name)
                .filter(|category| AI_CATEGORIES.contains(category))
                .with_context(|| format!("{name}: not an AI category"))
        })
        .collect()
}

fn score(sentences: &[&Scored]) -> LabelScores {
    let mut scores = LabelScores::default();
    for sentence in sentences {
        let predicted: Vec<CategoryId> =
            tagging::tag_text(&sentence.text, ClauseContext::default())
                .into_iter()
                .map(|tag| tag.category)
                .collect();
        for category in AI_CATEGORIES {
            scores.add(
                category.as_str(),
                predicted.contains(&category),
                sentence.gold.contains(&category),
            );
        }
    }
    scores
}

fn bar_line(scores: &LabelScores) -> String {
    let below: Vec<&str> = scores
        .labels
        .iter()
        .filter(|(_, counts)| counts.precision() < BAR || counts.recall() < BAR)
        .map(|(label, _)| label.as_str())
        .collect();
    if below.is_empty() {
        "all categories meet the bar\n".to_string()
    } else {
        format!("below the bar: {}\n", below.join(", "))
    }
}
