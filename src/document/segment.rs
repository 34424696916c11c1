//! Builds a [`Document`] from a page: sections from headings, clauses from the other blocks.
//!
//! Hidden blocks are left out; collapsed ones are read. A heading opens a section that runs to
//! the next heading of the same or a higher level; text before the first heading forms a
//! section of its own (level 0, no heading). A "heading" of more than [`HEADING_MAX_WORDS`]
//! words is a paragraph set in heading type and is read as text. Each other block is cut into
//! clauses (see [`super::clauses`]), and each clause's span is given in UTF-16 code units of its
//! block's text.
//!
//! Cost: linear in the page's text.

use super::clauses::clauses;
use super::{language, Clause, Document, Section, Span};
use crate::page::{Block, Page};

/// Headings longer than this are read as text.
pub const HEADING_MAX_WORDS: usize = 25;

/// Reads a page into a [`Document`].
pub fn segment(page: &Page) -> Document {
    let mut builder = Builder::default();

    for (position, block) in page.blocks.iter().enumerate() {
        if block.hidden || block.text.trim().is_empty() {
            continue;
        }
        match heading_level(block) {
            Some(level) => builder.open_section(block.text.trim(), level),
            None => builder.add_block(position, &block.text),
        }
    }
    let (sections, clauses) = builder.finish();

    let visible = || page.blocks.iter().filter(|block| !block.hidden);
    let words = visible().map(|block| count_words(&block.text)).sum();
    let language = language::guess(visible().flat_map(|block| block.text.split_whitespace()));

    Document {
        url: page.url.clone(),
        title: page.title.clone(),
        sections,
        clauses,
        words,
        language: language.to_string(),
    }
}

/// Words separated by white space, counted with a byte loop when the text is ASCII (the common
/// case, and the one that matters on very large inputs).
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }

    let mut words = 0;
    let mut in_word = false;
    for &byte in text.as_bytes() {
        let space = matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

fn heading_level(block: &Block) -> Option<u8> {
    let level = block.heading_level?;
    let words = block.text.split_whitespace().count();
    (words <= HEADING_MAX_WORDS).then_some(level.clamp(1, 6))
}

#[derive(Default)]
struct Builder {
    sections: Vec<Section>,
    clauses: Vec<Clause>,
    /// Sections whose range is still growing, outermost first.
    open: Vec<usize>,
}

impl Builder {
    fn open_section(&mut self, heading: &str, level: u8) {
        while let Some(&last) = self.open.last() {
            let open_level = self.sections[last].level;
            if open_level != 0 && open_level < level {
                break;
            }
            self.close(last);
        }

        let at = self.clauses.len();
        self.sections.push(Section { heading: Some(heading.to_string()), level, clauses: at..at });
        self.open.push(self.sections.len() - 1);
    }

    fn add_block(&mut self, position: usize, text: &str) {
        if self.open.is_empty() {
            let at = self.clauses.len();
            self.sections.push(Section { heading: None, level: 0, clauses: at..at });
            self.open.push(self.sections.len() - 1);
        }
        let section = *self.open.last().expect("a section is open");

        let mut cursor = Utf16Cursor::default();
        for clause in clauses(text) {
            let start = cursor.advance(text, clause.range.start);
            let end = cursor.advance(text, clause.range.end);
            self.clauses.push(Clause {
                text: text[clause.range].to_string(),
                span: Span { block: position, start, end },
                section,
                number: clause.number,
            });
        }
    }

    fn close(&mut self, section: usize) {
        self.sections[section].clauses.end = self.clauses.len();
        self.open.pop();
    }

    fn finish(mut self) -> (Vec<Section>, Vec<Clause>) {
        while let Some(&last) = self.open.last() {
            self.close(last);
        }
        (self.sections, self.clauses)
    }
}

/// Turns increasing byte offsets of one text into UTF-16 offsets in a single pass.
#[derive(Default)]
struct Utf16Cursor {
    byte: usize,
    unit: usize,
}

impl Utf16Cursor {
    /// The UTF-16 offset of byte `to`, which must be a character boundary at or after the
    /// last one asked for.
    fn advance(&mut self, text: &str, to: usize) -> usize {
        let piece = &text[self.byte..to];
        self.unit += if piece.is_ascii() {
            piece.len()
        } else {
            piece.chars().map(char::len_utf16).sum::<usize>()
        };
        self.byte = to;
        self.unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: Vec<Block>) -> Page {
        Page { url: None, title: Some("T".into()), blocks }
    }

    #[test]
    fn sections_follow_heading_levels() {
        let page = page(vec![
            Block::paragraph(0, "Intro text."),
            Block::heading(1, 1, "Terms"),
            Block::paragraph(2, "The first one. The second one."),
            Block::heading(3, 2, "1. Fees"),
            Block::paragraph(4, "Pay us."),
            Block::heading(5, 2, "2. Law"),
            Block::paragraph(6, "French law."),
        ]);
        let document = segment(&page);

        let sections: Vec<_> = document
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.level, s.clauses.clone()))
            .collect();
        assert_eq!(
            sections,
            [
                (None, 0, 0..1),
                (Some("Terms"), 1, 1..5),
                (Some("1. Fees"), 2, 3..4),
                (Some("2. Law"), 2, 4..5)
            ]
        );
        let owners: Vec<usize> = document.clauses.iter().map(|c| c.section).collect();
        assert_eq!(owners, [0, 1, 1, 2, 3]);
        assert_eq!(document.section_heading(&document.clauses[3]), Some("1. Fees"));
    }

    #[test]
    fn hidden_blocks_are_left_out_and_collapsed_ones_kept() {
        let mut hidden = Block::paragraph(0, "Hidden words.");
        hidden.hidden = true;
        let mut folded = Block::paragraph(1, "Folded words.");
        folded.collapsed = true;
        let document = segment(&page(vec![hidden, folded]));

        let texts: Vec<&str> = document.clauses.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Folded words."]);
        assert_eq!(document.clauses[0].span.block, 1);
        assert_eq!(document.words, 2);
    }

    #[test]
    fn spans_count_utf16_units() {
        let text = "Café 😀 ok. Second one.";
        let document = segment(&page(vec![Block::paragraph(0, text)]));

        let spans: Vec<(usize, usize)> =
            document.clauses.iter().map(|c| (c.span.start, c.span.end)).collect();
        assert_eq!(spans, [(0, 11), (12, 23)]);
    }

    #[test]
    fn counts_words_in_ascii_and_other_text() {
        for text in ["", " ", "one", " two  words\t", "a\x0bb\x0cc\r\nd", "é à", "x\u{a0}y z"] {
            assert_eq!(count_words(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn long_headings_read_as_text() {
        let long = "word ".repeat(30);
        let document = segment(&page(vec![Block::heading(0, 2, long.trim())]));

        assert_eq!(document.sections[0].heading, None);
        assert_eq!(document.clauses.len(), 1);
    }

    #[test]
    fn guesses_the_language() {
        let text = "Nous utilisons vos données pour le service et nous ne les vendons pas. \
                    Vous pouvez demander la suppression de vos données à tout moment.";
        let document = segment(&page(vec![Block::paragraph(0, text)]));

        assert_eq!(document.language, "fr");
    }
}

/// Property tests: every clause is verbatim block text at its span, and no text is lost.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Pieces that exercise the sentence rules: abbreviations, numbers, addresses, quotes,
    /// accents, emoji (two UTF-16 units), CJK and odd white space.
    const PIECES: &[&str] = &[
        "We",
        "may",
        "share",
        "data",
        "e.g.",
        "i.e.",
        "U.S.",
        "Inc.",
        "No.",
        "5",
        "1.5",
        "1.2",
        "(a)",
        "iv.",
        "Section",
        "3.",
        "https://example.com/a?b=1.",
        "ann@example.org",
        "J.",
        "vs.",
        "etc.",
        "p.m.",
        ".",
        "!",
        "?",
        "…",
        "\"",
        "”",
        ")",
        "Café",
        "naïve",
        "Ünïcödé",
        "😀",
        "👩‍👩‍👧",
        "🇫🇷",
        "数据。",
        "你同意。",
        "\u{00a0}",
        "\t",
        "LIABILITY.",
        "The",
        "you",
        ";",
        ",",
        ":",
        "é",
        "\u{0301}",
    ];

    fn block_text() -> impl Strategy<Value = String> {
        prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..60).prop_map(
            |pieces| {
                let mut text = String::new();
                for (piece, glued) in pieces {
                    if !glued && !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(piece);
                }
                text
            },
        )
    }

    fn utf16_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).expect("span on character boundaries")
    }

    fn without_space(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn clauses_are_verbatim_and_cover_their_blocks(
            texts in prop::collection::vec(block_text(), 1..6)
        ) {
            let blocks: Vec<Block> = texts
                .iter()
                .enumerate()
                .map(|(i, text)| Block::paragraph(i, text.clone()))
                .collect();
            let page = Page { url: None, title: None, blocks };
            let document = segment(&page);

            for clause in &document.clauses {
                let block = &page.blocks[clause.span.block].text;
                prop_assert!(clause.span.start < clause.span.end);
                let at_span = utf16_slice(block, clause.span.start, clause.span.end);
                prop_assert_eq!(&at_span, &clause.text);
                prop_assert_eq!(clause.text.trim(), clause.text.as_str());
                prop_assert!(clause.text.chars().count() <= crate::document::MAX_CLAUSE_CHARS);
            }

            for (position, block) in page.blocks.iter().enumerate() {
                let mut mine = document.clauses.iter().filter(|c| c.span.block == position);
                let mut last_end = 0;
                let mut joined = String::new();
                for clause in mine.by_ref() {
                    prop_assert!(clause.span.start >= last_end, "clauses overlap");
                    last_end = clause.span.end;
                    joined.push_str(&clause.text);
                }
                prop_assert_eq!(without_space(&joined), without_space(&block.text));
            }
        }
    }
}
