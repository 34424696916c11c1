//! Page detection: is this a terms page, and which kind?
//!
//! Decided from the URL, the title, the headings and the text itself, with no list of known
//! domains, in two steps:
//!
//! 1. [`may_be_terms`], the cheap first look the content script makes on every page: does the
//!    URL path, the title or a heading use any word legal documents call themselves by? It only
//!    filters out pages that are plainly not terms; it must never drop a real one.
//! 2. [`detect`], on the read document: evidence from the document's own name (title segments,
//!    first heading, or the heading after a level-1 heading that only names the site, URL path;
//!    see [`names`]) is added to evidence from its text (legal vocabulary, self references such
//!    as "these Terms", the share of clauses binding "you" or "we", numbered provisions) minus
//!    evidence that it is an article *about* terms (reporting verbs, bylines, reading times,
//!    comment sections; see [`vocabulary`]). A page is a terms page when the total reaches
//!    [`THRESHOLD`]. Its kind is the one whose names and vocabulary weigh most; a page whose
//!    names give no kind (`Legal`, or two kinds at once) and whose text favours no kind clearly
//!    is a legal index or a collection of documents, an other legal document.
//!
//! The weights are set by hand, not learned, so every [`Signal`] can be read as a reason. They
//! were set while looking only at a development half of the evaluation pages (chosen by a hash
//! of each file's path); `termwatch eval --only detection` prints the figures for that half,
//! for the held-out half never looked at while tuning, and for all pages.
//!
//! Cost: linear in the page's text, bounded by the sample sizes of [`vocabulary`]; about a
//! millisecond for a typical terms page in a release build (`eval` prints the exact time).
//!
//! Known limits: a legal page in a language other than English, French, German, Spanish,
//! Italian, Dutch or Portuguese rests on its URL, title and headings; a very short legal page
//! (an imprint, a list of sub-processors) with no legal name in its title, its first headings
//! or its URL is missed; kinds follow names first, so a page titled "Privacy & Cookie Policy" is
//! called a cookie policy (a strong name beats a weak one), and a page holding several
//! documents under one name (`Terms of Use` above a data-processing addendum) takes the kind
//! of that name.

pub mod names;
pub mod vocabulary;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::page::Page;
use names::{best_name, fold, named_kind, url_path, Name, Strength};
use vocabulary::{TextCues, KINDS};

/// What kind of document a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    TermsOfService,
    PrivacyPolicy,
    CookiePolicy,
    Eula,
    AcceptableUse,
    OtherLegal,
    NotTerms,
}

impl PageKind {
    /// The id used in JSON and on the command line (`terms_of_service`, ...).
    pub fn id(self) -> &'static str {
        match self {
            PageKind::TermsOfService => "terms_of_service",
            PageKind::PrivacyPolicy => "privacy_policy",
            PageKind::CookiePolicy => "cookie_policy",
            PageKind::Eula => "eula",
            PageKind::AcceptableUse => "acceptable_use",
            PageKind::OtherLegal => "other_legal",
            PageKind::NotTerms => "not_terms",
        }
    }

    /// How a person would name it.
    pub fn label(self) -> &'static str {
        match self {
            PageKind::TermsOfService => "Terms of service",
            PageKind::PrivacyPolicy => "Privacy policy",
            PageKind::CookiePolicy => "Cookie policy",
            PageKind::Eula => "End-user licence agreement",
            PageKind::AcceptableUse => "Acceptable-use policy",
            PageKind::OtherLegal => "Other legal document",
            PageKind::NotTerms => "Not a terms page",
        }
    }

    /// The kind with this id, if any.
    pub fn from_id(id: &str) -> Option<PageKind> {
        KINDS.into_iter().chain([PageKind::NotTerms]).find(|kind| kind.id() == id)
    }
}

/// One piece of evidence that moved the decision, for people and for debugging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// Where it was seen: `url`, `title`, `heading`, `text`.
    pub source: String,
    /// What was seen, in words (`title says "Privacy Policy"`).
    pub detail: String,
    /// How much it weighed, positive for "terms", negative against.
    pub weight: f32,
}

/// The verdict on one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    pub is_terms: bool,
    pub kind: PageKind,
    /// 0 to 1: how sure the verdict `is_terms` is.
    pub confidence: f32,
    pub signals: Vec<Signal>,
}

/// Total evidence from which a page is a terms page.
pub const THRESHOLD: f32 = 2.0;

/// Evidence from the document's names counts up to this much in all.
const NAME_CAP: f32 = 5.0;

/// Words of text from which text evidence counts in full; shorter texts count in proportion.
const FULL_TEXT_WORDS: f32 = 300.0;

/// A first heading of at most this many words that names no document is taken for the name of
/// a site or a company, and the next headings are read for the document's name.
const BRAND_WORDS: usize = 4;

/// How many headings after such a first heading are read for a name.
const LATER_HEADINGS: usize = 2;

/// What a name in one of those later headings weighs, against one in the first heading.
const LATER_HEADING: f32 = 0.6;

/// Legal words per 1,000 words below which a text does not read as a legal document: fewer
/// count against a terms page, and do not say which kind it is.
const LEGAL_RATE: f32 = 10.0;

/// How many times the vocabulary of the leading kind must outweigh the next one's to name the
/// kind of a page that does not name itself.
const KIND_LEAD: f32 = 2.0;

/// Reporting words from which their rate counts in full: one or two are chance.
const FULL_ARTICLE_HITS: f32 = 5.0;

/// Stems of words legal documents call themselves by, for the cheap first look (folded).
const LEGAL_STEMS: &[&str] = &[
    "term",
    "tos",
    "condition",
    "privacy",
    "privacidad",
    "privacidade",
    "policy",
    "policies",
    "cookie",
    "legal",
    "eula",
    "licen",
    "agreement",
    "guideline",
    "rule",
    "imprint",
    "impressum",
    "datenschutz",
    "agb",
    "nutzungsbedingung",
    "geschaftsbedingung",
    "geschaeftsbedingung",
    "bedingung",
    "richtlinie",
    "confidentialit",
    "privee",
    "mention",
    "cgu",
    "cgv",
    "charte",
    "regle",
    "donnees",
    "aviso",
    "terminos",
    "condicion",
    "termini",
    "condizion",
    "voorwaarden",
    "privacybeleid",
    "privacyverklaring",
    "termos",
    "politica",
    "politique",
    "notice",
    "statement",
    "gdpr",
    "dpa",
    "processing",
    "processor",
    "security",
    "vulnerab",
    "disclosure",
    "copyright",
    "dmca",
    "trademark",
    "brand",
    "enforcement",
    "acceptable",
    "usage",
    "community",
    "standards",
    "conduct",
    "moderation",
    "sla",
    "addendum",
    "consent",
    "tracker",
    "notice",
    "compliance",
    "trust",
    "safety",
    "rights",
    "data",
    "protection",
    "help",
    "faq",
    "support",
    "about",
    "responsib",
];

/// The cheap first look the content script makes from the URL, the title and the headings
/// alone: `false` means the page is plainly not a terms page and is not worth reading further.
///
/// It answers `true` whenever any of them uses a word legal documents call themselves by (in
/// any of the seven languages), and whenever there is nothing to judge by. Cost: folding and
/// scanning a few short strings.
pub fn may_be_terms(url: Option<&str>, title: Option<&str>, headings: &[&str]) -> bool {
    let path = url.map(url_path).unwrap_or("");
    let title = title.unwrap_or("");
    if path.trim_matches('/').is_empty() && title.trim().is_empty() && headings.is_empty() {
        return true;
    }

    let mentions = |text: &str| {
        let folded = fold(text);
        folded.split(' ').any(|word| LEGAL_STEMS.iter().any(|stem| word.starts_with(stem)))
    };
    mentions(path) || mentions(title) || headings.iter().any(|heading| mentions(heading))
}

/// Decides whether a page is a terms page and of which kind.
pub fn detect(page: &Page, document: &Document) -> Detection {
    let mut signals = Vec::new();

    let names = name_evidence(page);
    let name_total: f32 = names.iter().map(|evidence| evidence.weight).sum();
    let name_score = name_total.min(NAME_CAP);
    for evidence in &names {
        signals.push(Signal {
            source: evidence.source.to_string(),
            detail: format!("{} says \"{}\"", evidence.source, evidence.name.phrase),
            weight: evidence.weight,
        });
    }

    let cues = vocabulary::measure(page, document);
    let text_score = text_evidence(&cues, &mut signals);

    let score = name_score + text_score;
    let is_terms = score >= THRESHOLD;
    let kind = if is_terms { best_kind(&names, &cues) } else { PageKind::NotTerms };

    let p_terms = 1.0 / (1.0 + (-(score - THRESHOLD) / 1.5).exp());
    let confidence = if is_terms { p_terms } else { 1.0 - p_terms };
    Detection { is_terms, kind, confidence, signals }
}

/// A document name found in one place, and how much it weighs.
struct NameEvidence {
    source: &'static str,
    name: &'static Name,
    /// The kind the name gives the page, if it gives one (see [`named_kind`]).
    kind: Option<PageKind>,
    weight: f32,
}

/// Names found in the title, the first heading and the URL path.
fn name_evidence(page: &Page) -> Vec<NameEvidence> {
    let mut evidence = Vec::new();

    if let Some(found) = page.title.as_deref().and_then(title_name) {
        evidence.push(NameEvidence {
            source: "title",
            name: found.name,
            kind: found.kind,
            weight: 3.0 * found.weight,
        });
    }
    if let Some(found) = heading_name(page) {
        let weight = 3.0 * found.weight;
        let (name, kind) = (found.name, found.kind);
        evidence.push(NameEvidence { source: "heading", name, kind, weight });
    }
    let path = page.url.as_deref().map(|url| fold(url_path(url))).unwrap_or_default();
    if let Some(name) = best_name(&path) {
        let weight = 2.0 * strength_weight(name.strength);
        let kind = named_kind(&path, name);
        evidence.push(NameEvidence { source: "url", name, kind, weight });
    }
    evidence
}

fn strength_weight(strength: Strength) -> f32 {
    match strength {
        Strength::Strong => 1.0,
        Strength::Weak | Strength::Generic => 1.0 / 3.0,
    }
}

/// A name found in a title or heading, with its weight from 0 to 1.
struct TitleName {
    name: &'static Name,
    kind: Option<PageKind>,
    weight: f32,
}

/// The best name in a title or heading, looked for in each segment (`Privacy Policy | Acme`
/// has two; the first wins a tie). A name that is the whole segment (`Cookies`) counts as
/// strong; a strong name that opens or closes its segment (`Acme Privacy Statement`) counts in
/// full, one inside a longer segment less. Segments of more than ten words are sentences
/// (news headlines), not names.
fn title_name(title: &str) -> Option<TitleName> {
    let segments = title
        .split(['|', '–', '—', '·', '\\', ':', '•', '»', '›'])
        .flat_map(|part| part.split(" - "));

    let mut best: Option<TitleName> = None;
    for segment in segments {
        let folded = fold(segment);
        let words = folded.split(' ').filter(|word| !word.is_empty()).count();
        if words == 0 || words > 10 {
            continue;
        }
        let Some(name) = best_name(&folded) else { continue };

        let whole = folded == name.phrase;
        let at_edge = folded.starts_with(name.phrase) || folded.ends_with(name.phrase);
        let weight = match name.strength {
            _ if whole => 1.0,
            Strength::Strong if at_edge => 1.0,
            Strength::Strong => 0.6,
            Strength::Weak | Strength::Generic => 1.0 / 3.0,
        };
        if best.as_ref().is_none_or(|found| weight > found.weight) {
            best = Some(TitleName { name, kind: named_kind(&folded, name), weight });
        }
    }
    best
}

/// The name in the page's first heading. When that heading is a level-1 heading that names
/// nothing and is short enough to be a site's or a company's name (`Acme`), the name in one of the few headings after it,
/// weighed [`LATER_HEADING`]: legal pages of trust centres and help sites open with the brand
/// and name the document in the next heading (`Acme`, then `Subprocessors`).
fn heading_name(page: &Page) -> Option<TitleName> {
    let mut headings = page.blocks.iter().filter(|b| !b.hidden && b.heading_level.is_some());
    let h1 = headings.clone().position(|block| block.heading_level == Some(1));
    let first = match h1 {
        Some(index) => headings.nth(index)?,
        None => headings.next()?,
    };

    if let Some(found) = title_name(&first.text) {
        return Some(found);
    }
    // Without a level-1 heading the first heading is as likely a menu's (`Help & services`).
    if h1.is_none() || first.text.split_whitespace().count() > BRAND_WORDS {
        return None;
    }
    headings
        .take(LATER_HEADINGS)
        .filter(|block| block.heading_level.is_some_and(|level| level <= 3))
        .find_map(|block| title_name(&block.text))
        .map(|found| TitleName { weight: found.weight * LATER_HEADING, ..found })
}

/// Evidence from the text, with a signal for each part that counts. Rates of legal words and
/// obligations are scaled down for short texts, where a few words make a rate; the rate of
/// reporting words counts in full once [`FULL_ARTICLE_HITS`] of them are seen, whatever the
/// length, and bylines always do.
fn text_evidence(cues: &TextCues, signals: &mut Vec<Signal>) -> f32 {
    let reliability = (cues.sample_words as f32 / FULL_TEXT_WORDS).min(1.0);
    let scaled = |weight: f32| weight * reliability;
    let article_reliability = (cues.article_hits as f32 / FULL_ARTICLE_HITS).min(1.0);

    let parts = [
        (
            "self references per 1,000 words",
            cues.self_per_k,
            scaled(0.8 * cues.self_per_k.min(5.0)),
        ),
        (
            "legal words per 1,000 words",
            cues.legal_per_k,
            scaled(((cues.legal_per_k - LEGAL_RATE) / 10.0).clamp(-1.0, 2.5)),
        ),
        (
            "share of clauses binding you or us",
            cues.obligation_share,
            scaled(((cues.obligation_share - 0.12) * 8.0).clamp(-1.0, 2.5)),
        ),
        (
            "share of numbered provisions",
            cues.numbered_share,
            if cues.numbered_share > 0.15 { 0.5 } else { 0.0 },
        ),
        (
            "reporting words per 1,000 words",
            cues.article_per_k,
            -0.4 * cues.article_per_k.min(8.0) * article_reliability,
        ),
        (
            "headings of legal sections",
            cues.legal_headings as f32,
            0.3 * cues.legal_headings.min(5) as f32,
        ),
        (
            "article marks (bylines, reading time, comments)",
            cues.article_marks as f32,
            -0.7 * cues.article_marks.min(4) as f32,
        ),
    ];

    let mut total = 0.0;
    for (what, value, weight) in parts {
        if weight != 0.0 {
            let detail = format!("{what}: {value:.2}");
            signals.push(Signal { source: "text".to_string(), detail, weight });
        }
        total += weight;
    }
    total
}

/// The kind whose names and vocabulary weigh most. When the names give no kind (`Legal`,
/// `Policies`, none), the text alone must say it: it must read as a legal document (legal words
/// at [`LEGAL_RATE`] or more) and one kind's vocabulary must lead by [`KIND_LEAD`]. Otherwise
/// the page is a legal index (links to each document) or a collection (`Terms of Use`, then
/// `Privacy Policy`, then `Developer Terms` on one page): an other legal document, not
/// whichever part happens to be longest.
fn best_kind(names: &[NameEvidence], cues: &TextCues) -> PageKind {
    let mut scores = [0.0f32; KINDS.len()];
    for (slot, (kind, per_k)) in scores.iter_mut().zip(KINDS.into_iter().zip(cues.kind_per_k)) {
        let named: f32 =
            names.iter().filter(|e| e.kind == Some(kind)).map(|evidence| evidence.weight).sum();
        *slot = named + (per_k / 10.0).min(2.5);
    }

    if names.iter().all(|evidence| evidence.kind.is_none()) {
        let mut rates = cues.kind_per_k;
        rates.sort_by(|a, b| b.total_cmp(a));
        if cues.legal_per_k < LEGAL_RATE || rates[0] < KIND_LEAD * rates[1] {
            return PageKind::OtherLegal;
        }
    }
    let best =
        scores.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(index, _)| index);
    KINDS[best]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Block;

    fn page(url: &str, title: &str, blocks: Vec<Block>) -> Page {
        Page { url: Some(url.to_string()), title: Some(title.to_string()), blocks }
    }

    fn run(page: &Page) -> Detection {
        detect(page, &Document::from_page(page))
    }

    const TERMS: &str = "By using the Services you agree to these Terms. We may suspend your \
        account at any time. You must not misuse the Services. These Terms are governed by the \
        laws of France. We are not liable for indirect damages. You may terminate this \
        agreement at any time.";

    #[test]
    fn a_terms_page_is_detected() {
        let page = page(
            "https://example.com/legal/terms",
            "Terms of Service | Example",
            vec![Block::heading(0, 1, "Terms of Service"), Block::paragraph(1, TERMS)],
        );
        let detection = run(&page);

        assert!(detection.is_terms, "{detection:?}");
        assert_eq!(detection.kind, PageKind::TermsOfService);
        assert!(detection.confidence > 0.5);
        assert!(detection.signals.iter().any(|signal| signal.source == "title"));
    }

    #[test]
    fn a_news_story_quoting_terms_is_not_a_terms_page() {
        let story = "The company said on Monday that it would change its privacy policy, \
            according to a spokesperson. Critics told reporters the change was vague. \
            \"We may share data,\" the new text says, a reporter noted last week.";
        let page = page(
            "https://news.example.com/2024/05/app-changes-privacy-policy",
            "App maker quietly rewrites its privacy policy after regulator's warning",
            vec![
                Block::heading(0, 1, "App maker quietly rewrites its privacy policy after warning"),
                Block::paragraph(1, "By Jane Doe"),
                Block::paragraph(2, story),
            ],
        );

        let detection = run(&page);
        assert!(!detection.is_terms, "{detection:#?}");
    }

    #[test]
    fn a_french_privacy_policy_is_detected() {
        let text = "Nous collectons vos données personnelles pour fournir le service. Vous \
            pouvez demander la suppression de vos données. Cette politique décrit le traitement \
            de vos données à caractère personnel conformément au droit applicable.";
        let page = page(
            "https://exemple.fr/politique-de-confidentialite",
            "Politique de confidentialité",
            vec![Block::heading(0, 1, "Politique de confidentialité"), Block::paragraph(1, text)],
        );
        let detection = run(&page);

        assert!(detection.is_terms);
        assert_eq!(detection.kind, PageKind::PrivacyPolicy);
    }

    #[test]
    fn a_brand_heading_passes_the_name_on_to_the_next_heading() {
        let blocks = |first: Block| {
            vec![first, Block::heading(1, 2, "Imprint"), Block::paragraph(2, "Acme GmbH")]
        };
        let named = |page: &Page| heading_name(page).map(|found| (found.name.phrase, found.weight));

        let brand = page("https://acme.example/", "Acme", blocks(Block::heading(0, 1, "Acme")));
        assert_eq!(named(&brand), Some(("imprint", LATER_HEADING)));

        // A long first heading is a headline, and without a level-1 heading the first one may
        // be a menu's: neither passes the name on.
        let headline = Block::heading(0, 1, "Five things to know before you sign up");
        assert!(named(&page("https://acme.example/", "Acme", blocks(headline))).is_none());
        let menu = Block::heading(0, 2, "Help");
        assert!(named(&page("https://acme.example/", "Acme", blocks(menu))).is_none());
    }

    #[test]
    fn the_cheap_look_passes_legal_pages_and_drops_plain_ones() {
        assert!(may_be_terms(Some("https://x.com/tos"), Some("Acme"), &[]));
        assert!(may_be_terms(Some("https://x.com/p/1"), Some("Datenschutzerklärung"), &[]));
        assert!(may_be_terms(None, None, &[]));
        assert!(!may_be_terms(
            Some("https://x.com/recipes/pancakes"),
            Some("Fluffy pancakes"),
            &["Ingredients", "Method"]
        ));
    }

    #[test]
    fn kinds_round_trip_through_their_ids() {
        for kind in KINDS.into_iter().chain([PageKind::NotTerms]) {
            assert_eq!(PageKind::from_id(kind.id()), Some(kind));
        }
    }
}
