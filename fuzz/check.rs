// What every input must survive, shared by the fuzz target and the regression test that replays
// `fuzz/regressions/`: arbitrary bytes read as HTML, Markdown and plain text, each page analysed
// in full, and the document's invariants checked. A broken invariant or a panic is a crash.

/// Reads `data` in every format and analyses it; panics when an invariant breaks.
pub fn check(data: &[u8]) {
    use termwatch::page::{self, Format};

    for format in [Format::Html, Format::Markdown, Format::Text] {
        if let Ok(page) = page::from_bytes(data, format, None) {
            check_page(&page);
        }

        let lossy = String::from_utf8_lossy(data);
        check_page(&page::parse(&lossy, format, Some("https://example.com/terms")));
    }
}

fn check_page(page: &termwatch::Page) {
    use termwatch::document::MAX_CLAUSE_CHARS;

    for (position, block) in page.blocks.iter().enumerate() {
        assert_eq!(block.index, position, "block indices follow positions");
        assert!(!block.text.is_empty(), "no empty block");
        assert_eq!(block.text.trim(), block.text, "block text is trimmed");
    }

    let analysis = termwatch::analyze(page);
    let document = &analysis.document;

    let mut last: Option<(usize, usize)> = None;
    for clause in &document.clauses {
        let block = &page.blocks[clause.span.block].text;
        let units: Vec<u16> = block.encode_utf16().collect();
        assert!(clause.span.start < clause.span.end && clause.span.end <= units.len());
        let text = String::from_utf16(&units[clause.span.start..clause.span.end])
            .expect("span on character boundaries");
        assert_eq!(text, clause.text, "clause text is the block text at its span");
        assert!(clause.text.chars().count() <= MAX_CLAUSE_CHARS, "clause under the limit");
        assert!(clause.section < document.sections.len(), "clause in a section");

        if let Some((block, end)) = last {
            let after = clause.span.block > block || clause.span.start >= end;
            assert!(after, "clauses in page order, never overlapping");
        }
        last = Some((clause.span.block, clause.span.end));
    }

    for section in &document.sections {
        assert!(section.clauses.start <= section.clauses.end);
        assert!(section.clauses.end <= document.clauses.len());
    }
    assert!((0.0..=1.0).contains(&analysis.detection.confidence));
}
