//! Reads the CLAUDETTE sentence files and rebuilds the page context of every sentence.
//!
//! Both CLAUDETTE sets ship one JSON object per sentence (`doc`, `idx`, `text`, `labels`,
//! `levels`, and for `claudette_50` also `unfair_labels` and `text_raw`), documents in order.
//! The sentences have no headings attached, so [`contexts`] rebuilds the context the model sees
//! on a real page: the previous and next sentence, and as the section heading the last earlier
//! sentence that reads like a heading (short, no closing punctuation, capitalised or shouted).
//!
//! Cost: reads each file once into memory (a few MB). Limits: the heading guess misses headings
//! that end with a full stop and can take a short capitalised line (an address) for one.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use thiserror::Error;

use crate::categories::CategoryId;
use crate::tagging::model::{LABELS, LABEL_COUNT};
use crate::tagging::ClauseContext;

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
            Doc { name, sentences: sentences.into_iter().map(|(_, s)| s).collect() }
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

/// The context of every sentence of a document, as [`crate::tagging::tag_document`] builds it
/// on a page: neighbours in reading order and the heading of the current section.
pub fn contexts(doc: &Doc) -> Vec<ClauseContext<'_>> {
    let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    let mut heading = None;
    let mut out = Vec::with_capacity(texts.len());

    for (at, text) in texts.iter().enumerate() {
        out.push(ClauseContext {
            section_heading: heading,
            previous: at.checked_sub(1).map(|previous| texts[previous]),
            next: texts.get(at + 1).copied(),
        });
        if looks_like_heading(text) {
            heading = Some(text);
        }
    }
    out
}

/// Words that stay lower case inside a title ("Limitation of Liability").
const TITLE_SMALL_WORDS: &[&str] =
    &["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"];

/// Whether a sentence reads like a section heading.
pub fn looks_like_heading(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    if text.ends_with([',', ';', ':']) || (text.ends_with('.') && words.len() > 6) {
        return false;
    }

    let shouted = text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let titled = words.iter().all(|word| {
        TITLE_SMALL_WORDS.contains(&word.to_lowercase().as_str())
            || word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    shouted || titled
}

/// Whether a label id names one of the model's categories (for reports).
pub fn label_name(label: usize) -> &'static str {
    LABELS.get(label).copied().map(CategoryId::as_str).unwrap_or("unknown")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_short_capitalised_lines() {
        assert!(looks_like_heading("LIMITATION OF LIABILITY"));
        assert!(looks_like_heading("12. Governing Law and Jurisdiction"));
        assert!(looks_like_heading("Termination."));
        assert!(!looks_like_heading("You agree that:"));
        assert!(!looks_like_heading("We may terminate your account at any time."));
        assert!(!looks_like_heading(""));
    }

    #[test]
    fn contexts_carry_the_last_heading_and_the_neighbours() {
        let sentence = |text: &str| Sentence { text: text.to_string(), gold: [false; LABEL_COUNT] };
        let doc = Doc {
            name: "Example".to_string(),
            sentences: vec![
                sentence("Termination"),
                sentence("We may close accounts."),
                sentence("You may leave at any time."),
            ],
        };
        let found = contexts(&doc);
        assert_eq!(found[0].section_heading, None);
        assert_eq!(found[2].section_heading, Some("Termination"));
        assert_eq!(found[1].previous, Some("Termination"));
        assert_eq!(found[1].next, Some("You may leave at any time."));
        assert_eq!(found[2].next, None);
    }
}
