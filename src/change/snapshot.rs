//! The stored record of one analysed version, and its serialised form.
//!
//! A [`Snapshot`] keeps what the comparison needs and what a later engine needs to read the
//! version again: the page's blocks (text stored once), the clauses as spans into those blocks
//! with their categories and facts, the sections, the "Last updated" lines, and the versions of
//! the engine and of the normaliser that produced it. When either version differs from the
//! running one, [`Snapshot::refreshed`] analyses the stored blocks again, so an upgrade of
//! Termwatch never shows up as a change of the terms.
//!
//! # Serialised form (schema 2)
//!
//! One JSON object; unknown fields are ignored, absent optional fields take their defaults.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `schema` | integer | the layout version, [`SCHEMA_VERSION`]; read first |
//! | `key` | string | the document's canonical key ([`super::canonical_url::canonical_key`]) |
//! | `url`, `title` | string or null | as the page gave them |
//! | `first_seen_ms` | integer | when this version was first read, ms since 1970 (UTC) |
//! | `last_seen_ms` | integer | when it was last read (a page that flips back updates it) |
//! | `last_visit` | integer | optional: the number of the last recorded visit that read it |
//! | `engine_version` | string | the Termwatch version that analysed it |
//! | `normaliser_version` | integer | [`NORMALISER_VERSION`] when it was stored |
//! | `text_sha256` | string | hex SHA-256 of the folded terms text (see below) |
//! | `words` | integer | tokens of the terms text |
//! | `blocks` | array | `{text, tag?, heading_level?, hidden?, collapsed?}` in page order |
//! | `sections` | array | `{heading?, level}` |
//! | `clauses` | array | `{span: [block, start, end], section, findings?, text?}` |
//! | `dates` | array | `{text, date}`: the "Last updated" and "Effective" lines |
//!
//! A clause's `span` counts UTF-16 code units in its block's text, as everywhere in Termwatch;
//! `text` is present only when the clause text is not exactly that slice. `findings` is a list
//! of `{category, facts?}`. The hashed text is every terms clause's tokens in folded form,
//! separated by spaces, one clause per line (see [`Comparable::folded_text`]).
//!
//! Older layouts are upgraded on reading by the named migrations of
//! [`migration`](super::migration); a layout newer than this build reads is refused with
//! [`SnapshotError::FutureSchema`] rather than guessed at.
//!
//! Cost: the stored size is the page text once, plus a span, a section and the findings per
//! clause; `termwatch eval --only changes` prints the measured size of a 20,000-word version.
//!
//! Known limits: each version is stored whole; blocks shared by successive versions are not
//! shared in storage, which keeps every stored record readable on its own.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::comparable::{ClauseFinding, ClauseSource, Comparable};
use super::normalise::{DateLine, NORMALISER_VERSION};
use crate::analysis::{self, Analysis};
use crate::page::{Block, Page};

/// The layout this build writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 2;

/// The engine that analysed a version; a stored version from another engine is analysed again
/// before it is compared.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Serialised snapshots larger than this are refused: the largest pages Termwatch reads are
/// 16 MB of input, and their snapshot is smaller than that.
pub const MAX_SNAPSHOT_BYTES: usize = 64 * 1024 * 1024;

/// Why stored bytes could not be read as a snapshot. The stored bytes themselves are never
/// changed by reading: keep them, and the other versions are unaffected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// The bytes end in the middle of the record: an interrupted write or a storage quota.
    #[error("the stored version is cut short ({0})")]
    Truncated(String),
    /// The bytes are not a snapshot, or one that contradicts itself (a clause pointing past
    /// its block, a hash that is not a hash).
    #[error("the stored version is damaged: {0}")]
    Corrupt(String),
    /// Written by a newer Termwatch; update to read it. Nothing is lost meanwhile.
    #[error(
        "the stored version uses schema {found}, newer than the {supported} this build reads; \
         update Termwatch to read it"
    )]
    FutureSchema { found: u64, supported: u32 },
    /// More bytes than any real snapshot has.
    #[error("the stored version is {size} bytes, more than the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
}

/// One block of the page, stored once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredBlock {
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_level: Option<u8>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub collapsed: bool,
}

/// A section: its heading and level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSection {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default)]
    pub level: u8,
}

/// A clause: where it sits, which section, what the engine found on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredClause {
    /// `(block, start, end)`, UTF-16 code units in the block's text.
    pub span: (usize, usize, usize),
    #[serde(default)]
    pub section: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<ClauseFinding>,
    /// The clause text, only when it is not exactly its span's slice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The stored record of one analysed version of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema: u32,
    pub key: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub first_seen_ms: u64,
    pub last_seen_ms: u64,
    /// The number of the last recorded visit that read this version, counting the visits to
    /// the document; 0 when none was counted. Clocks jump, counts do not, so this rather than
    /// `last_seen_ms` says which version the page showed last (see [`super::history`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub last_visit: u64,
    pub engine_version: String,
    pub normaliser_version: u32,
    pub text_sha256: String,
    pub words: usize,
    pub blocks: Vec<StoredBlock>,
    #[serde(default)]
    pub sections: Vec<StoredSection>,
    #[serde(default)]
    pub clauses: Vec<StoredClause>,
    #[serde(default)]
    pub dates: Vec<DateLine>,
}

impl Snapshot {
    /// Records an analysed page as a version of the document `key`, seen at `seen_at_ms`.
    pub fn capture(page: &Page, analysis: &Analysis, key: &str, seen_at_ms: u64) -> Snapshot {
        let blocks: Vec<StoredBlock> = page.blocks.iter().map(store_block).collect();
        let position_of = |block_index: usize| match page.blocks.get(block_index) {
            Some(block) if block.index == block_index => Some(block_index),
            _ => page.blocks.iter().position(|block| block.index == block_index),
        };

        let document = &analysis.document;
        let mut clauses: Vec<StoredClause> = document
            .clauses
            .iter()
            .map(|clause| {
                let block = position_of(clause.span.block).unwrap_or(usize::MAX);
                let span = (block, clause.span.start, clause.span.end);
                let sliced = blocks.get(block).and_then(|b| utf16_slice(&b.text, span.1, span.2));
                let text = (sliced != Some(clause.text.as_str())).then(|| clause.text.clone());
                let span = if sliced.is_some() { span } else { (0, 0, 0) };
                StoredClause { span, section: clause.section, findings: Vec::new(), text }
            })
            .collect();
        for finding in &analysis.findings {
            if let Some(clause) = clauses.get_mut(finding.clause) {
                let stored =
                    ClauseFinding { category: finding.category, facts: finding.facts.clone() };
                clause.findings.push(stored);
            }
        }

        let sections = document
            .sections
            .iter()
            .map(|section| StoredSection { heading: section.heading.clone(), level: section.level })
            .collect();

        let mut snapshot = Snapshot {
            schema: SCHEMA_VERSION,
            key: key.to_string(),
            url: page.url.clone(),
            title: page.title.clone(),
            first_seen_ms: seen_at_ms,
            last_seen_ms: seen_at_ms,
            last_visit: 0,
            engine_version: ENGINE_VERSION.to_string(),
            normaliser_version: NORMALISER_VERSION,
            text_sha256: String::new(),
            words: 0,
            blocks,
            sections,
            clauses,
            dates: Vec::new(),
        };

        let comparable = snapshot.comparable();
        let (sha, words, dates) =
            (sha256_hex(&comparable.folded_text()), comparable.token_count(), comparable.dates);
        snapshot.text_sha256 = sha;
        snapshot.words = words;
        snapshot.dates = dates;
        snapshot
    }

    /// The comparable form of this version, borrowing the stored text.
    pub fn comparable(&self) -> Comparable<'_> {
        let mut cursor = Utf16Cursor::default();
        let sources = self.clauses.iter().enumerate().map(|(index, clause)| {
            let text = match &clause.text {
                Some(text) => text.as_str(),
                None => cursor.slice(&self.blocks, clause.span).unwrap_or(""),
            };
            let section = self.sections.get(clause.section).and_then(|s| s.heading.as_deref());
            ClauseSource { index, text, section, findings: clause.findings.clone() }
        });
        Comparable::from_clauses(sources, self.words)
    }

    /// Whether the running engine and normaliser produced this version.
    pub fn is_current(&self) -> bool {
        self.engine_version == ENGINE_VERSION && self.normaliser_version == NORMALISER_VERSION
    }

    /// This version as the running engine reads it: itself when current, else its stored
    /// blocks analysed again (same key and times).
    pub fn refreshed(&self) -> Cow<'_, Snapshot> {
        if self.is_current() {
            return Cow::Borrowed(self);
        }
        let page = self.page();
        let analysis = analysis::analyze(&page);
        let mut fresh = Snapshot::capture(&page, &analysis, &self.key, self.first_seen_ms);
        fresh.last_seen_ms = self.last_seen_ms;
        fresh.last_visit = self.last_visit;
        Cow::Owned(fresh)
    }

    /// The page as it was read, rebuilt from the stored blocks.
    pub fn page(&self) -> Page {
        let blocks = self
            .blocks
            .iter()
            .enumerate()
            .map(|(index, block)| Block {
                text: block.text.clone(),
                tag: block.tag.clone(),
                heading_level: block.heading_level,
                hidden: block.hidden,
                collapsed: block.collapsed,
                index,
            })
            .collect();
        Page { url: self.url.clone(), title: self.title.clone(), blocks }
    }

    /// The serialised form (see the module documentation).
    pub fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a snapshot has only string keys and finite numbers")
    }

    /// Reads a serialised snapshot, upgrading older layouts; see [`SnapshotError`].
    pub fn decode(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        if bytes.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::TooLarge { size: bytes.len(), limit: MAX_SNAPSHOT_BYTES });
        }
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|error| {
            if error.is_eof() {
                SnapshotError::Truncated(error.to_string())
            } else {
                SnapshotError::Corrupt(error.to_string())
            }
        })?;

        let value = super::migration::upgrade(value)?;
        let snapshot: Snapshot = serde_json::from_value(value)
            .map_err(|error| SnapshotError::Corrupt(error.to_string()))?;
        snapshot.validate()?;
        Ok(snapshot)
    }

    /// Checks what serde cannot: spans inside their blocks, a well-formed hash.
    fn validate(&self) -> Result<(), SnapshotError> {
        let is_hex = |c: char| c.is_ascii_hexdigit();
        if self.text_sha256.len() != 64 || !self.text_sha256.chars().all(is_hex) {
            return Err(SnapshotError::Corrupt("text_sha256 is not a SHA-256 hex digest".into()));
        }
        // One cursor for all clauses: a block holding many clauses is walked once, not once
        // per clause from its start.
        let mut cursor = Utf16Cursor::default();
        for (index, clause) in self.clauses.iter().enumerate() {
            if clause.text.is_some() {
                continue;
            }
            let (block, start, end) = clause.span;
            if cursor.slice(&self.blocks, clause.span).is_none() {
                return Err(SnapshotError::Corrupt(format!(
                    "clause {index} points at {start}..{end} of block {block}, outside the text"
                )));
            }
        }
        Ok(())
    }
}

/// Hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn store_block(block: &Block) -> StoredBlock {
    StoredBlock {
        text: block.text.clone(),
        tag: block.tag.clone(),
        heading_level: block.heading_level,
        hidden: block.hidden,
        collapsed: block.collapsed,
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// The slice of `text` between two UTF-16 offsets, if both fall on character boundaries.
fn utf16_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let start_byte = utf16_to_byte(text, 0, 0, start)?;
    let end_byte = utf16_to_byte(text, start_byte, start, end)?;
    Some(&text[start_byte..end_byte])
}

/// Byte offset of UTF-16 offset `target`, scanning from a known `(byte, utf16)` position.
///
/// Walks bytes rather than decoding characters: every byte that is not a UTF-8 continuation
/// byte starts a character, one UTF-16 unit long unless it leads a four-byte sequence (two).
fn utf16_to_byte(text: &str, from_byte: usize, from_utf16: usize, target: usize) -> Option<usize> {
    let mut utf16 = from_utf16;
    for (offset, &byte) in text.get(from_byte..)?.as_bytes().iter().enumerate() {
        if byte & 0xC0 == 0x80 {
            continue;
        }
        if utf16 == target {
            return Some(from_byte + offset);
        }
        if utf16 > target {
            return None;
        }
        utf16 += if byte >= 0xF0 { 2 } else { 1 };
    }
    (utf16 == target).then_some(text.len())
}

/// Slices clauses out of blocks, resuming where the last slice ended when clauses come in
/// order, so that many clauses of one long block cost one pass over it.
#[derive(Default)]
struct Utf16Cursor {
    block: usize,
    byte: usize,
    utf16: usize,
}

impl Utf16Cursor {
    fn slice<'b>(
        &mut self,
        blocks: &'b [StoredBlock],
        span: (usize, usize, usize),
    ) -> Option<&'b str> {
        let (block, start, end) = span;
        let text = &blocks.get(block)?.text;
        if start > end {
            return None;
        }
        if block != self.block || start < self.utf16 {
            *self = Utf16Cursor { block, byte: 0, utf16: 0 };
        }
        let start_byte = utf16_to_byte(text, self.byte, self.utf16, start)?;
        let end_byte = utf16_to_byte(text, start_byte, start, end)?;
        *self = Utf16Cursor { block, byte: end_byte, utf16: end };
        Some(&text[start_byte..end_byte])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::categories::CategoryId;
    use crate::change::fixtures::analysed;
    use crate::tagging::Facts;

    fn sample() -> Snapshot {
        let facts = Facts { days: Some(30), ..Facts::default() };
        let (page, analysis) = analysed(
            &["Last updated: May 1, 2025", "Disputes go to arbitration. Opt out within 30 days."],
            &[(2, CategoryId::ArbitrationOptOut, facts)],
        );
        Snapshot::capture(&page, &analysis, "example.com/terms", 1_700_000_000_000)
    }

    #[test]
    fn capture_stores_spans_findings_dates_and_hash() {
        let snapshot = sample();
        assert_eq!(snapshot.clauses.len(), 3);
        assert!(snapshot.clauses.iter().all(|clause| clause.text.is_none()), "spans slice exactly");
        assert_eq!(snapshot.clauses[2].findings[0].facts.days, Some(30));
        assert_eq!(snapshot.dates[0].date, "May 1, 2025");
        assert_eq!(snapshot.text_sha256.len(), 64);

        let comparable = snapshot.comparable();
        assert_eq!(comparable.clauses.len(), 2, "the date line is set aside");
        assert_eq!(comparable.clauses[1].text, "Opt out within 30 days.");
    }

    #[test]
    fn the_hash_ignores_noise() {
        let (page, analysis) = analysed(
            &["Last updated: June 2, 2025", "Disputes  go to arbitration. Opt-out within 30 days!"],
            &[],
        );
        let noisy = Snapshot::capture(&page, &analysis, "example.com/terms", 1);
        assert_eq!(noisy.text_sha256, sample().text_sha256);
    }

    #[test]
    fn encoding_round_trips() {
        let snapshot = sample();
        assert_eq!(Snapshot::decode(&snapshot.encode()), Ok(snapshot));
    }

    #[test]
    fn damaged_records_are_typed_errors() {
        let bytes = sample().encode();
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(Snapshot::decode(cut), Err(SnapshotError::Truncated(_))));
        assert!(matches!(Snapshot::decode(b"\x00\xffPNG"), Err(SnapshotError::Corrupt(_))));
        assert!(matches!(Snapshot::decode(b""), Err(SnapshotError::Truncated(_))));

        let mut future: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        future["schema"] = serde_json::json!(SCHEMA_VERSION + 7);
        let future = serde_json::to_vec(&future).unwrap();
        assert!(matches!(Snapshot::decode(&future), Err(SnapshotError::FutureSchema { .. })));

        let mut outside: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        outside["clauses"][0]["span"] = serde_json::json!([0, 3, 999]);
        let outside = serde_json::to_vec(&outside).unwrap();
        assert!(matches!(Snapshot::decode(&outside), Err(SnapshotError::Corrupt(_))));

        let mut bad_hash: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        bad_hash["text_sha256"] = serde_json::json!("zz");
        let bad_hash = serde_json::to_vec(&bad_hash).unwrap();
        assert!(matches!(Snapshot::decode(&bad_hash), Err(SnapshotError::Corrupt(_))));
    }

    #[test]
    fn schema_1_records_are_upgraded() {
        let mut old: serde_json::Value = serde_json::from_slice(&sample().encode()).unwrap();
        let fields = old.as_object_mut().unwrap();
        fields.remove("first_seen_ms");
        fields.remove("last_seen_ms");
        fields.insert("seen_at_ms".into(), serde_json::json!(42));
        fields.insert("schema".into(), serde_json::json!(1));

        let upgraded = Snapshot::decode(&serde_json::to_vec(&old).unwrap()).unwrap();
        assert_eq!((upgraded.first_seen_ms, upgraded.last_seen_ms), (42, 42));
        assert_eq!(upgraded.schema, SCHEMA_VERSION);
    }

    #[test]
    fn a_clause_whose_span_does_not_match_keeps_its_text() {
        let (page, mut analysis) = analysed(&["One clause here."], &[]);
        analysis.document.clauses[0].span.end = 99;
        let snapshot = Snapshot::capture(&page, &analysis, "k", 0);
        assert_eq!(snapshot.clauses[0].text.as_deref(), Some("One clause here."));
        assert_eq!(Snapshot::decode(&snapshot.encode()), Ok(snapshot));
    }

    #[test]
    fn utf16_offsets_map_to_bytes() {
        let text = "naïve 😀 terms";
        assert_eq!(utf16_slice(text, 0, 5), Some("naïve"));
        assert_eq!(utf16_slice(text, 6, 8), Some("😀"));
        assert_eq!(utf16_slice(text, 9, 14), Some("terms"));
        assert_eq!(utf16_slice(text, 7, 8), None, "inside a surrogate pair");
        assert_eq!(utf16_slice(text, 3, 99), None);
        assert_eq!(utf16_slice(text, 4, 2), None);
    }

    #[test]
    fn the_cursor_agrees_with_fresh_slicing() {
        let blocks = vec![StoredBlock {
            text: "Première phrase. Deuxième 😀 phrase. Troisième.".to_string(),
            tag: String::new(),
            heading_level: None,
            hidden: false,
            collapsed: false,
        }];
        let spans = [(0, 0, 16), (0, 17, 36), (0, 37, 47), (0, 0, 8)];
        let mut cursor = Utf16Cursor::default();
        for span in spans {
            assert_eq!(cursor.slice(&blocks, span), utf16_slice(&blocks[0].text, span.1, span.2));
        }
    }

    #[test]
    fn sha256_is_the_standard_digest() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
