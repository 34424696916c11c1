//! Page detection on the fixture pages in `tests/pages/` (pages we wrote): legal pages of each
//! kind in three languages, and pages that only talk about terms or link to them.

use termwatch::detect::{self, PageKind};
use termwatch::page::{self, Format, Page};

fn read(name: &str) -> Page {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture exists");
    let text = page::decode_input(&bytes).expect("fixture is text");
    page::parse(&text, Format::guess(name, &text), None)
}

fn first_look(page: &Page) -> bool {
    let headings: Vec<&str> = page
        .blocks
        .iter()
        .filter(|block| block.heading_level.is_some_and(|level| level <= 3))
        .map(|block| block.text.as_str())
        .collect();
    detect::may_be_terms(page.url.as_deref(), page.title.as_deref(), &headings)
}

#[test]
fn legal_pages_are_detected_with_their_kind() {
    for (name, kind) in [
        ("terms_of_service.html", PageKind::TermsOfService),
        ("privacy_policy_fr.html", PageKind::PrivacyPolicy),
        ("datenschutz_de.html", PageKind::PrivacyPolicy),
        ("cookie_policy.md", PageKind::CookiePolicy),
        ("terms.txt", PageKind::AcceptableUse),
    ] {
        let page = read(name);
        let analysis = termwatch::analyze(&page);

        assert!(first_look(&page), "{name}: the first look must let it through");
        assert!(analysis.detection.is_terms, "{name}: {:#?}", analysis.detection);
        assert_eq!(analysis.detection.kind, kind, "{name}");
        assert!(analysis.detection.confidence > 0.5, "{name}");
        assert!(!analysis.detection.signals.is_empty(), "{name}: signals explain the verdict");
    }
}

#[test]
fn a_short_list_named_in_the_heading_after_the_brand_is_detected() {
    let page = read("trust_center_subprocessors.html");
    let detection = termwatch::analyze(&page).detection;

    assert!(first_look(&page));
    assert!(detection.is_terms, "{detection:#?}");
    assert_eq!(detection.kind, PageKind::OtherLegal);
    assert!(detection.signals.iter().any(|s| s.detail.contains("subprocessors")), "{detection:#?}");
}

#[test]
fn legal_indexes_and_collections_named_only_legal_are_other_legal_documents() {
    for name in ["legal_hub.html", "legal_index.html"] {
        let detection = termwatch::analyze(&read(name)).detection;

        assert!(detection.is_terms, "{name}: {detection:#?}");
        assert_eq!(detection.kind, PageKind::OtherLegal, "{name}");
    }
}

#[test]
fn a_page_named_after_several_documents_takes_the_kind_its_text_says() {
    // `Terms, Privacy, & Copyright`: `privacy` is the longest name, but the page is mostly terms.
    let detection = termwatch::analyze(&read("combined_terms_privacy.html")).detection;

    assert!(detection.is_terms, "{detection:#?}");
    assert_eq!(detection.kind, PageKind::TermsOfService);
}

#[test]
fn terms_for_developers_of_a_platform_are_other_legal_documents() {
    let detection = termwatch::analyze(&read("developer_platform_terms.html")).detection;

    assert!(detection.is_terms, "{detection:#?}");
    assert_eq!(detection.kind, PageKind::OtherLegal);
}

#[test]
fn pages_about_or_linking_to_terms_are_not_terms() {
    for name in [
        "news_about_terms.html",
        "home_page.html",
        "home_page_brand_heading.html",
        "blog_about_subprocessors.html",
        "encyclopedia_privacy_law.html",
        "recipe_blog.html",
    ] {
        let analysis = termwatch::analyze(&read(name));

        assert!(!analysis.detection.is_terms, "{name}: {:#?}", analysis.detection);
        assert_eq!(analysis.detection.kind, PageKind::NotTerms, "{name}");
    }
}

#[test]
fn the_first_look_drops_plainly_unrelated_pages() {
    assert!(!first_look(&read("home_page.html")));
    assert!(!first_look(&read("recipe_blog.html")));
}

#[test]
fn an_address_alone_is_enough_for_the_first_look() {
    let legal = [
        "/terms",
        "/legal/privacy-policy",
        "/datenschutz",
        "/cgu",
        "/fr/mentions-legales",
        "/vie-privee",
    ];
    for path in legal {
        let url = format!("https://example.com{path}");
        assert!(detect::may_be_terms(Some(&url), Some("Example"), &["Welcome"]), "{path}");
    }
}
