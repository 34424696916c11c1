//! Reads the CLAUDETTE sentence files and rebuilds the page context of every sentence.
//!
//! Both CLAUDETTE sets ship one JSON object per sentence (`doc`, `idx`, `text`, `labels`,
//! `levels`, and for `claudette_50` also `unfair_labels` and `text_raw`), documents in order.
//! [`read`] turns a file into documents of sentences, each with its gold answer for the eight
//! labels of the model under a chosen definition of a positive ([`Gold`]). [`own_clauses`]
//! reads the clauses we wrote ourselves, which every fit adds to its training set.
//!
//! Cost: reads the file once into memory (a few MB).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use thiserror::Error;

use crate::categories::CategoryId;
use crate::tagging::model::{LABELS, LABEL_COUNT};

/// A sentence file that cannot be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// The file is missing or unreadable; check the `--data` folder.
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// A line is not a sentence object of the CLAUDETTE format.
    #[error("{path}, line {line}: {source}")]
    Json { path: String, line: usize, source: serde_json::Error },
    /// A line of our own clauses names no known category or has no `|`.
    #[error("own_clauses.txt, line {line}: expected `category+category|clause` or `-|clause`")]
    OwnClause { line: usize },
}

/// Which text of a `claudette_50` sentence to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// `text_raw`: cased and untokenised, as a browser shows it (`text` where it is missing).
    Raw,
    /// `text`: lower-cased and tokenised as the corpus ships it.
    Tokenised,
}

/// Which tags count as a positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gold {
    /// The `unfair_labels` field of `claudette_50` (the source's positives).
    Unfair,
    /// A `levels` value at least this high.
    LevelAtLeast(u8),
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    /// Whether the sentence is positive for each label of [`LABELS`].
    pub gold: [bool; LABEL_COUNT],
}

/// One terms document: its sentences in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub name: String,
    pub sentences: Vec<Sentence>,
    /// Clauses we wrote ourselves: always learned from, never scored.
    pub own: bool,
}

#[derive(Deserialize)]
struct Line {
    doc: String,
    idx: usize,
    text: String,
    #[serde(default)]
    text_raw: Option<String>,
    #[serde(default)]
    unfair_labels: Option<Vec<String>>,
    #[serde(default)]
    levels: BTreeMap<String, u8>,
}

/// Clauses we wrote ourselves (see the file's header), compiled in.
const OWN_CLAUSES: &str = include_str!("own_clauses.txt");

/// Our own clauses, one document per block of the file (blocks are separated by blank lines).
pub fn own_clauses() -> Result<Vec<Doc>, CorpusError> {
    let mut docs = vec![Doc { name: "own-1".to_string(), sentences: Vec::new(), own: true }];
    for (number, line) in OWN_CLAUSES.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if docs.last().is_some_and(|doc| !doc.sentences.is_empty()) {
                let name = format!("own-{}", docs.len() + 1);
                docs.push(Doc { name, sentences: Vec::new(), own: true });
            }
            continue;
        }
        let sentence = own_clause(line).ok_or(CorpusError::OwnClause { line: number + 1 })?;
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(sentence);
        }
    }
    docs.retain(|doc| !doc.sentences.is_empty());
    Ok(docs)
}

fn own_clause(line: &str) -> Option<Sentence> {
    let (categories, text) = line.split_once('|')?;
    let mut gold = [false; LABEL_COUNT];
    if categories != "-" {
        for id in categories.split('+') {
            let label = LABELS.iter().position(|category| category.as_str() == id)?;
            gold[label] = true;
        }
    }
    Some(Sentence { text: text.trim().to_string(), gold })
}

/// Reads a CLAUDETTE `sentences.jsonl`, documents in file order, sentences by `idx`.
pub fn read(path: &Path, field: TextField, gold: Gold) -> Result<Vec<Doc>, CorpusError> {
    let shown = path.display().to_string();
    let content = std::fs::read_to_string(path)
        .map_err(|source| CorpusError::Io { path: shown.clone(), source })?;

    let mut docs: Vec<(String, Vec<(usize, Sentence)>)> = Vec::new();
    for (number, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line: Line = serde_json::from_str(line).map_err(|source| CorpusError::Json {
            path: shown.clone(),
            line: number + 1,
            source,
        })?;
        if docs.last().is_none_or(|(name, _)| *name != line.doc) {
            docs.push((line.doc.clone(), Vec::new()));
        }
        let idx = line.idx;
        let sentence = Sentence { gold: gold_of(&line, gold), text: text_of(line, field) };
        if let Some((_, sentences)) = docs.last_mut() {
            sentences.push((idx, sentence));
        }
    }

    let docs = docs
        .into_iter()
        .map(|(name, mut sentences)| {
            sentences.sort_by_key(|(idx, _)| *idx);
            Doc { name, sentences: sentences.into_iter().map(|(_, s)| s).collect(), own: false }
        })
        .collect();
    Ok(docs)
}

fn text_of(line: Line, field: TextField) -> String {
    match (field, line.text_raw) {
        (TextField::Raw, Some(raw)) => raw,
        _ => line.text,
    }
}

fn gold_of(line: &Line, gold: Gold) -> [bool; LABEL_COUNT] {
    std::array::from_fn(|label| {
        let id = LABELS[label].as_str();
        match gold {
            Gold::Unfair => {
                line.unfair_labels.as_ref().is_some_and(|labels| labels.iter().any(|l| l == id))
            }
            Gold::LevelAtLeast(level) => line.levels.get(id).is_some_and(|&found| found >= level),
        }
    })
}

/// The id of the model's label at `label` (for reports).
pub fn label_name(label: usize) -> &'static str {
    LABELS.get(label).copied().map_or("unknown", CategoryId::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gold_from_unfair_labels_or_levels() {
        let path =
            std::env::temp_dir().join(format!("termwatch-corpus-{}.jsonl", std::process::id()));
        let lines = [
            r#"{"doc": "A", "idx": 1, "text": "b", "labels": [], "levels": {"arbitration": 1}}"#,
            r#"{"doc": "A", "idx": 0, "text": "a", "text_raw": "A",
                "unfair_labels": ["arbitration"], "levels": {"arbitration": 3}}"#,
            r#"{"doc": "B", "idx": 0, "text": "c", "levels": {}}"#,
        ];
        std::fs::write(&path, lines.map(|l| l.replace('\n', "")).join("\n")).unwrap();
        let arbitration = LABELS.iter().position(|l| l.as_str() == "arbitration").unwrap();

        let docs = read(&path, TextField::Raw, Gold::Unfair).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].text, "A", "sorted by idx, raw text");
        assert!(docs[0].sentences[0].gold[arbitration]);
        assert!(!docs[0].sentences[1].gold[arbitration]);

        let any_level = read(&path, TextField::Tokenised, Gold::LevelAtLeast(1)).unwrap();
        assert_eq!(any_level[0].sentences[0].text, "a");
        assert!(any_level[0].sentences[1].gold[arbitration]);
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn our_own_clauses_parse_into_labelled_blocks() {
        let docs = own_clauses().unwrap();
        assert_eq!(docs.len(), LABEL_COUNT, "one block per category");
        for (label, doc) in docs.iter().enumerate() {
            assert!(doc.sentences.iter().filter(|s| s.gold[label]).count() >= 4, "{}", doc.name);
            assert!(doc.sentences.iter().filter(|s| !s.gold.contains(&true)).count() >= 3);
        }
        assert!(own_clause("unknown_category|text").is_none());
        assert!(own_clause("no separator").is_none());
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let error = read(Path::new("/nonexistent/s.jsonl"), TextField::Raw, Gold::Unfair);
        assert!(error.unwrap_err().to_string().contains("/nonexistent/s.jsonl"));
    }
}
