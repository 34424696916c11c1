//! Reading the fixture pages in `tests/pages/` (pages we wrote) into blocks and documents.

use termwatch::document::Document;
use termwatch::page::{self, Format, Page};

fn read(name: &str) -> Page {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    let text = page::decode_input(&bytes).expect("fixture is text");
    page::parse(&text, Format::guess(name, &text), None)
}

fn texts(page: &Page) -> Vec<&str> {
    page.blocks.iter().map(|block| block.text.as_str()).collect()
}

#[test]
fn html_terms_keep_content_and_drop_chrome() {
    let page = read("terms_of_service.html");
    let all = texts(&page).join("\n");

    assert_eq!(page.title.as_deref(), Some("Terms of Service | Lanternfish"));
    assert_eq!(page.url.as_deref(), Some("https://lanternfish.example/legal/terms"));
    for chrome in ["Pricing", "Accept all", "We use cookies", "Related: our blog", "© 2025"] {
        assert!(!all.contains(chrome), "{chrome} should be left out");
    }
    assert_eq!(page.blocks[0].text, "Terms of Service");
    assert_eq!(page.blocks[0].heading_level, Some(1));
}

#[test]
fn html_terms_mark_folded_and_hidden_text() {
    let page = read("terms_of_service.html");
    let block = |needle: &str| {
        page.blocks.iter().find(|block| block.text.contains(needle)).expect("block present")
    };

    assert!(!block("4. Acceptable use").collapsed);
    assert!(block("upload malware").collapsed);
    assert!(block("Internal build 4417").hidden);
}

#[test]
fn html_terms_cut_into_numbered_clauses_with_sections() {
    let page = read("terms_of_service.html");
    let document = Document::from_page(&page);

    let clause = |needle: &str| {
        document.clauses.iter().find(|clause| clause.text.contains(needle)).expect("clause")
    };
    assert_eq!(clause("at least 16 years old").number.as_deref(), Some("1.1"));
    assert_eq!(
        document.section_heading(clause("renew automatically")),
        Some("2. Fees and renewal")
    );
    assert!(clause("upload malware").text.starts_with("You agree not to: (a)"));
    assert!(document.clauses.iter().all(|clause| !clause.text.contains("Internal build")));

    let contact = clause("Write to legal@");
    assert!(contact.text.ends_with("i.e. billing)."), "{}", contact.text);
    assert!(clause("Ltd. is registered").text.starts_with("Lanternfish Ltd."));

    assert_eq!(document.language, "en");
    assert!(document.words > 250);
}

#[test]
fn french_and_german_pages_are_recognised_as_such() {
    for (name, language, heading) in [
        ("privacy_policy_fr.html", "fr", "Politique de confidentialité"),
        ("datenschutz_de.html", "de", "Datenschutzerklärung"),
    ] {
        let page = read(name);
        let document = Document::from_page(&page);

        assert_eq!(document.language, language, "{name}");
        assert_eq!(document.sections[0].heading.as_deref(), Some(heading), "{name}");
        assert!(!texts(&page).join(" ").contains("Impressum"), "{name}: footer left out");
    }
}

#[test]
fn markdown_cookie_policy_reads_its_table() {
    let page = read("cookie_policy.md");

    assert_eq!(page.title.as_deref(), Some("Cookie Policy"));
    let cells: Vec<&str> =
        page.blocks.iter().filter(|block| block.tag == "td").map(|b| b.text.as_str()).collect();
    assert_eq!(cells[..3], ["hb_session", "Keeps you signed in (strictly necessary)", "Session"]);
}

#[test]
fn plain_text_policy_finds_headings_and_items() {
    let page = read("terms.txt");
    let headings: Vec<(&str, Option<u8>)> = page
        .blocks
        .iter()
        .filter(|block| block.heading_level.is_some())
        .map(|block| (block.text.as_str(), block.heading_level))
        .collect();

    assert_eq!(page.title.as_deref(), Some("ACCEPTABLE USE POLICY"));
    assert_eq!(
        headings,
        [
            ("ACCEPTABLE USE POLICY", Some(1)),
            ("1. Prohibited content", Some(2)),
            ("2. Prohibited activities", Some(2)),
            ("3. Enforcement", Some(2)),
        ]
    );
    let items = page.blocks.iter().filter(|block| block.tag == "li").count();
    assert_eq!(items, 3);
}

#[test]
fn chrome_and_hidden_text_past_the_nesting_cap_stay_out() {
    for open in ["<div>", "<span>", "<font size=2>"] {
        let html = format!(
            "<body><h1>Terms</h1><p>Use it.</p>{}<p>Plain text.</p>\
             <nav><a href=/a>Home</a> We may change these terms.</nav>\
             <div hidden>You waive a jury trial.</div><h2>Fees</h2>\
             <footer>We may close your account.</footer><p>Last words.</p></body>",
            open.repeat(300)
        );
        let page = page::parse(&html, Format::Html, None);
        let shown: Vec<&str> =
            page.blocks.iter().filter(|block| !block.hidden).map(|b| b.text.as_str()).collect();

        assert_eq!(shown, ["Terms", "Use it.", "Plain text.", "Fees", "Last words."], "{open}");
        assert!(page.blocks.iter().all(|block| !block.text.contains("We may")), "{open}");
    }
}
