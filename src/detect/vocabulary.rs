//! What the text of a page says about it: how legal its vocabulary is, whether it speaks of
//! itself as a document (`these Terms`, `this Policy`), how much it binds "you" and "we", how it
//! is numbered, and whether it reads like an article (bylines, reporting verbs, reading time).
//!
//! Every count is per 1,000 words of a bounded sample of the page's clauses ([`SAMPLE_BYTES`]
//! of folded text), so the cost is bounded whatever the page's size: one regular-expression
//! pass over the sample, one over each of the first [`CLAUSES_READ`] clauses, and a look at the
//! first blocks for bylines.
//!
//! Known limits: the vocabularies are English-heavy, with the most common French, German,
//! Spanish, Italian, Dutch and Portuguese phrases; a legal page in another language rests on its
//! title, headings and URL.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::names::{contains_words, fold};
use super::PageKind;
use crate::document::Document;
use crate::page::Page;

/// Bytes of folded clause text read for the counts.
pub const SAMPLE_BYTES: usize = 150_000;

/// Clauses read for the obligation and numbering shares.
pub const CLAUSES_READ: usize = 3_000;

/// Blocks at the top of the page read for bylines and publication lines.
const TOP_BLOCKS: usize = 60;

/// What a phrase is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Cue {
    /// Vocabulary of contracts and policies in general.
    Legal,
    /// The page naming itself as a document.
    SelfReference,
    /// Reporting and article vocabulary.
    Article,
    /// Vocabulary typical of one kind of legal document.
    Kind(PageKind),
}

use PageKind::{AcceptableUse, CookiePolicy, Eula, OtherLegal, PrivacyPolicy, TermsOfService};

/// Folded phrases and what they are evidence of. A phrase may be listed under several cues.
const PHRASES: &[(&str, &[Cue])] = &[
    // Legal vocabulary, English.
    ("you agree", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("agree to", &[Cue::Legal]),
    ("we may", &[Cue::Legal]),
    ("you may not", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("you must", &[Cue::Legal]),
    ("you must not", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("liability", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("liable", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("governing law", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("jurisdiction", &[Cue::Legal]),
    ("applicable law", &[Cue::Legal]),
    ("applicable laws", &[Cue::Legal]),
    ("personal data", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("personal information", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("third parties", &[Cue::Legal]),
    ("third party", &[Cue::Legal]),
    ("shall", &[Cue::Legal]),
    ("hereby", &[Cue::Legal]),
    ("herein", &[Cue::Legal]),
    ("hereunder", &[Cue::Legal]),
    ("pursuant to", &[Cue::Legal]),
    ("notwithstanding", &[Cue::Legal]),
    ("indemnify", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("warranty", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("warranties", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("terminate", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("termination", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("arbitration", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("breach", &[Cue::Legal]),
    ("consent", &[Cue::Legal]),
    ("in accordance with", &[Cue::Legal]),
    ("reserve the right", &[Cue::Legal]),
    ("sole discretion", &[Cue::Legal]),
    ("intellectual property", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("we collect", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("we use", &[Cue::Legal]),
    ("we share", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("we process", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("your information", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("your data", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("your personal data", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("data protection", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("opt out", &[Cue::Legal]),
    ("retain", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("retention", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("processing", &[Cue::Legal]),
    ("prohibited", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("your account", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("effective date", &[Cue::Legal]),
    ("last updated", &[Cue::Legal]),
    ("contact us", &[Cue::Legal]),
    ("at any time", &[Cue::Legal]),
    ("license", &[Cue::Legal, Cue::Kind(Eula)]),
    ("licence", &[Cue::Legal, Cue::Kind(Eula)]),
    ("dispute", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("disputes", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    // Legal vocabulary, other languages.
    ("vous acceptez", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("nous pouvons", &[Cue::Legal]),
    ("donnees personnelles", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("donnees a caractere personnel", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("responsabilite", &[Cue::Legal]),
    ("droit applicable", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("resiliation", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("utilisateur", &[Cue::Legal]),
    ("traitement", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("tiers", &[Cue::Legal]),
    ("consentement", &[Cue::Legal]),
    ("conformement", &[Cue::Legal]),
    ("personenbezogene daten", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("ihre daten", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("haftung", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("gerichtsstand", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("verarbeitung", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("einwilligung", &[Cue::Legal]),
    ("gemass", &[Cue::Legal]),
    ("kundigung", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("datos personales", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("dati personali", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("persoonsgegevens", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("dados pessoais", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("ci apres", &[Cue::Legal]),
    ("en vigueur", &[Cue::Legal]),
    ("s engage", &[Cue::Legal]),
    ("s engagent", &[Cue::Legal]),
    ("vos donnees", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("informations personnelles", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("nous collectons", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("responsable du traitement", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("sous traitant", &[Cue::Legal]),
    ("finalites", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("droit d acces", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("rgpd", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("interdit", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("interdits", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("interdite", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("ne publiez pas", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("nous supprimons", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("nous retirons", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("n autorisons pas", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("dsgvo", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("betroffene", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("verantwortlicher", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("verantwortliche", &[Cue::Legal, Cue::Kind(PrivacyPolicy)]),
    ("vertragspartner", &[Cue::Legal, Cue::Kind(TermsOfService)]),
    ("nutzer", &[Cue::Legal]),
    ("untersagt", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("we remove", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("we don t allow", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("we do not allow", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("do not post", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("don t post", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("violates", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    ("violate", &[Cue::Legal, Cue::Kind(AcceptableUse)]),
    // The page naming itself.
    ("these terms", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("these terms of service", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("these terms of use", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("this agreement", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("this policy", &[Cue::SelfReference]),
    ("this privacy policy", &[Cue::SelfReference, Cue::Kind(PrivacyPolicy)]),
    ("this privacy notice", &[Cue::SelfReference, Cue::Kind(PrivacyPolicy)]),
    ("this privacy statement", &[Cue::SelfReference, Cue::Kind(PrivacyPolicy)]),
    ("this notice", &[Cue::SelfReference]),
    ("this statement", &[Cue::SelfReference]),
    ("this cookie policy", &[Cue::SelfReference, Cue::Kind(CookiePolicy)]),
    ("these guidelines", &[Cue::SelfReference, Cue::Kind(AcceptableUse)]),
    ("these policies", &[Cue::SelfReference]),
    ("this addendum", &[Cue::SelfReference, Cue::Kind(OtherLegal)]),
    ("this dpa", &[Cue::SelfReference, Cue::Kind(OtherLegal)]),
    ("ces conditions", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("les presentes", &[Cue::SelfReference]),
    ("presentes conditions", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("cette politique", &[Cue::SelfReference]),
    ("la presente politique", &[Cue::SelfReference]),
    ("diese datenschutzerklarung", &[Cue::SelfReference, Cue::Kind(PrivacyPolicy)]),
    ("diese bedingungen", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("diese nutzungsbedingungen", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("diese richtlinie", &[Cue::SelfReference]),
    ("estos terminos", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("esta politica", &[Cue::SelfReference]),
    ("questi termini", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("questa informativa", &[Cue::SelfReference, Cue::Kind(PrivacyPolicy)]),
    ("deze voorwaarden", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    ("estes termos", &[Cue::SelfReference, Cue::Kind(TermsOfService)]),
    // Articles and reporting.
    ("said", &[Cue::Article]),
    ("says", &[Cue::Article]),
    ("told", &[Cue::Article]),
    ("according to", &[Cue::Article]),
    ("reported", &[Cue::Article]),
    ("reuters", &[Cue::Article]),
    ("associated press", &[Cue::Article]),
    ("spokesperson", &[Cue::Article]),
    ("spokesman", &[Cue::Article]),
    ("spokeswoman", &[Cue::Article]),
    ("in a statement", &[Cue::Article]),
    ("interview", &[Cue::Article]),
    ("journalist", &[Cue::Article]),
    ("reporter", &[Cue::Article]),
    ("last week", &[Cue::Article]),
    ("last year", &[Cue::Article]),
    ("i think", &[Cue::Article]),
    ("i was", &[Cue::Article]),
    ("my", &[Cue::Article]),
    ("sagte", &[Cue::Article]),
    ("sagt", &[Cue::Article]),
    ("erklarte", &[Cue::Article]),
    ("laut", &[Cue::Article]),
    ("a declare", &[Cue::Article]),
    ("selon", &[Cue::Article]),
    ("dijo", &[Cue::Article]),
    ("ha detto", &[Cue::Article]),
    // Kinds.
    ("data controller", &[Cue::Kind(PrivacyPolicy)]),
    ("data subject", &[Cue::Kind(PrivacyPolicy)]),
    ("gdpr", &[Cue::Kind(PrivacyPolicy)]),
    ("ccpa", &[Cue::Kind(PrivacyPolicy)]),
    ("legitimate interest", &[Cue::Kind(PrivacyPolicy)]),
    ("legitimate interests", &[Cue::Kind(PrivacyPolicy)]),
    ("lawful basis", &[Cue::Kind(PrivacyPolicy)]),
    ("legal basis", &[Cue::Kind(PrivacyPolicy)]),
    ("right to access", &[Cue::Kind(PrivacyPolicy)]),
    ("erasure", &[Cue::Kind(PrivacyPolicy)]),
    ("rectification", &[Cue::Kind(PrivacyPolicy)]),
    ("data protection officer", &[Cue::Kind(PrivacyPolicy)]),
    ("collect", &[Cue::Kind(PrivacyPolicy)]),
    ("privacy", &[Cue::Kind(PrivacyPolicy)]),
    ("email address", &[Cue::Kind(PrivacyPolicy)]),
    ("ip address", &[Cue::Kind(PrivacyPolicy)]),
    ("cookie", &[Cue::Legal, Cue::Kind(CookiePolicy)]),
    ("cookies", &[Cue::Legal, Cue::Kind(CookiePolicy)]),
    ("tracker", &[Cue::Kind(CookiePolicy)]),
    ("trackers", &[Cue::Kind(CookiePolicy)]),
    ("tracking technologies", &[Cue::Kind(CookiePolicy)]),
    ("pixel", &[Cue::Kind(CookiePolicy)]),
    ("pixels", &[Cue::Kind(CookiePolicy)]),
    ("web beacons", &[Cue::Kind(CookiePolicy)]),
    ("local storage", &[Cue::Kind(CookiePolicy)]),
    ("session cookies", &[Cue::Kind(CookiePolicy)]),
    ("persistent cookies", &[Cue::Kind(CookiePolicy)]),
    ("strictly necessary", &[Cue::Kind(CookiePolicy)]),
    ("browser settings", &[Cue::Kind(CookiePolicy)]),
    ("traceurs", &[Cue::Kind(CookiePolicy)]),
    ("subscription", &[Cue::Kind(TermsOfService)]),
    ("fees", &[Cue::Kind(TermsOfService)]),
    ("payment", &[Cue::Kind(TermsOfService)]),
    ("refund", &[Cue::Kind(TermsOfService)]),
    ("class action", &[Cue::Kind(TermsOfService)]),
    ("as is", &[Cue::Kind(TermsOfService)]),
    ("the services", &[Cue::Kind(TermsOfService)]),
    ("not allowed", &[Cue::Kind(AcceptableUse)]),
    ("do not", &[Cue::Kind(AcceptableUse)]),
    ("don t", &[Cue::Kind(AcceptableUse)]),
    ("harassment", &[Cue::Kind(AcceptableUse)]),
    ("hate", &[Cue::Kind(AcceptableUse)]),
    ("violence", &[Cue::Kind(AcceptableUse)]),
    ("violent", &[Cue::Kind(AcceptableUse)]),
    ("spam", &[Cue::Kind(AcceptableUse)]),
    ("abuse", &[Cue::Kind(AcceptableUse)]),
    ("illegal", &[Cue::Kind(AcceptableUse)]),
    ("harmful", &[Cue::Kind(AcceptableUse)]),
    ("misuse", &[Cue::Kind(AcceptableUse)]),
    ("nudity", &[Cue::Kind(AcceptableUse)]),
    ("exploitation", &[Cue::Kind(AcceptableUse)]),
    ("minors", &[Cue::Kind(AcceptableUse)]),
    ("self harm", &[Cue::Kind(AcceptableUse)]),
    ("content that", &[Cue::Kind(AcceptableUse)]),
    ("nudite", &[Cue::Kind(AcceptableUse)]),
    ("contenus", &[Cue::Kind(AcceptableUse)]),
    ("software", &[Cue::Kind(Eula)]),
    ("install", &[Cue::Kind(Eula)]),
    ("reverse engineer", &[Cue::Kind(Eula)]),
    ("decompile", &[Cue::Kind(Eula)]),
    ("end user", &[Cue::Kind(Eula)]),
    ("processor", &[Cue::Kind(OtherLegal)]),
    // Sub-processors are a notion of data-protection law only, so they count as legal words.
    ("sub processor", &[Cue::Legal, Cue::Kind(OtherLegal)]),
    ("sub processors", &[Cue::Legal, Cue::Kind(OtherLegal)]),
    ("subprocessor", &[Cue::Legal, Cue::Kind(OtherLegal)]),
    ("subprocessors", &[Cue::Legal, Cue::Kind(OtherLegal)]),
    ("data exporter", &[Cue::Kind(OtherLegal)]),
    ("data importer", &[Cue::Kind(OtherLegal)]),
    ("technical and organisational measures", &[Cue::Kind(OtherLegal)]),
    ("technical and organizational measures", &[Cue::Kind(OtherLegal)]),
    ("customer personal data", &[Cue::Legal, Cue::Kind(OtherLegal)]),
    ("platform to business", &[Cue::Kind(OtherLegal)]),
    ("business users", &[Cue::Kind(OtherLegal)]),
    ("2019 1150", &[Cue::Kind(OtherLegal)]),
    ("standard contractual clauses", &[Cue::Kind(OtherLegal)]),
    ("registered office", &[Cue::Kind(OtherLegal)]),
    ("share capital", &[Cue::Kind(OtherLegal)]),
    ("vat", &[Cue::Kind(OtherLegal)]),
    ("managing director", &[Cue::Kind(OtherLegal)]),
    ("publication director", &[Cue::Kind(OtherLegal)]),
    ("directeur de la publication", &[Cue::Kind(OtherLegal)]),
    ("siege social", &[Cue::Kind(OtherLegal)]),
    ("hebergeur", &[Cue::Kind(OtherLegal)]),
    ("handelsregister", &[Cue::Kind(OtherLegal)]),
    ("geschaftsfuhrer", &[Cue::Kind(OtherLegal)]),
    ("vulnerability", &[Cue::Kind(OtherLegal)]),
    ("vulnerabilities", &[Cue::Kind(OtherLegal)]),
    ("security researchers", &[Cue::Kind(OtherLegal)]),
    ("bug bounty", &[Cue::Kind(OtherLegal)]),
    ("law enforcement", &[Cue::Kind(OtherLegal)]),
    ("subpoena", &[Cue::Kind(OtherLegal)]),
    ("legal process", &[Cue::Kind(OtherLegal)]),
    ("logo", &[Cue::Kind(OtherLegal)]),
    ("logos", &[Cue::Kind(OtherLegal)]),
    ("trademark", &[Cue::Kind(OtherLegal)]),
    ("trademarks", &[Cue::Kind(OtherLegal)]),
    ("dmca", &[Cue::Kind(OtherLegal)]),
    ("infringement", &[Cue::Kind(OtherLegal)]),
    ("infringing", &[Cue::Kind(OtherLegal)]),
    ("takedown", &[Cue::Kind(OtherLegal)]),
    ("counter notice", &[Cue::Kind(OtherLegal)]),
    ("uptime", &[Cue::Kind(OtherLegal)]),
    ("service credit", &[Cue::Kind(OtherLegal)]),
    ("service credits", &[Cue::Kind(OtherLegal)]),
    ("api", &[Cue::Kind(OtherLegal)]),
    ("developer", &[Cue::Kind(OtherLegal)]),
    ("developers", &[Cue::Kind(OtherLegal)]),
];

/// The kinds in the order of [`TextCues::kind_per_k`].
pub const KINDS: [PageKind; 6] =
    [TermsOfService, PrivacyPolicy, CookiePolicy, Eula, AcceptableUse, OtherLegal];

/// Figures about a page's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextCues {
    /// Words in the sample the counts are per.
    pub sample_words: usize,
    /// Legal vocabulary per 1,000 words.
    pub legal_per_k: f32,
    /// Self references (`these Terms`, `this Policy`) per 1,000 words.
    pub self_per_k: f32,
    /// Reporting and article vocabulary per 1,000 words.
    pub article_per_k: f32,
    /// Reporting and article words seen in all.
    pub article_hits: usize,
    /// Vocabulary of each kind in [`KINDS`], per 1,000 words.
    pub kind_per_k: [f32; 6],
    /// Share of clauses that bind "you" or say what "we" do.
    pub obligation_share: f32,
    /// Share of clauses and headings that open with a provision number.
    pub numbered_share: f32,
    /// Bylines, publication lines, reading times and comment sections seen.
    pub article_marks: usize,
    /// Section headings that name a part of a legal document (`Limitation of liability`,
    /// `Information we collect`, `Droit applicable`).
    pub legal_headings: usize,
}

static PHRASE_INDEX: LazyLock<HashMap<&'static str, &'static [Cue]>> =
    LazyLock::new(|| PHRASES.iter().copied().collect());

static PHRASE_PATTERN: LazyLock<AsciiRegex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = PHRASES.iter().map(|(phrase, _)| *phrase).collect();
    phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
    let alternation: Vec<String> = phrases.iter().map(|phrase| regex::escape(phrase)).collect();
    AsciiRegex::new(&format!(r"\b(?:{})\b", alternation.join("|"))).expect("valid phrase pattern")
});

static OBLIGATION: LazyLock<AsciiRegex> = LazyLock::new(|| {
    AsciiRegex::new(concat!(
        r"\b(?:",
        r"(?:you|users?)(?: (?:will|may|must|shall|can|should))?(?: not)? ",
        r"(?:agree|accept|acknowledge|consent|represent|warrant|must|shall|may|will|are|can|",
        r"should|grant|retain|own|post|use|provide|have)",
        r"|we (?:may|will|might|can|do|shall|collect|use|share|process|retain|store|disclose|",
        r"reserve|receive|keep|remove|rely|also|are|never|don t|only|allow)",
        r"|^(?:please )?(?:do not|don t|never|avoid|respect|report)",
        r"|(?:vous|l utilisateur) (?:devez|acceptez|pouvez|reconnaissez|vous engagez|disposez|",
        r"ne pouvez|ne devez|etes)",
        r"|nous (?:pouvons|collectons|utilisons|partageons|traitons|conservons|sommes|",
        r"nous reservons|supprimons|retirons|autorisons|n autorisons)",
        r"|^ne (?:publiez|partagez|utilisez)",
        r"|l utilisateur s engage",
        r"|(?:sie|der nutzer) (?:mussen|stimmen|konnen|durfen|sind|haben|erklaren)",
        r"|wir (?:verarbeiten|erheben|nutzen|speichern|konnen|behalten|geben|sind|verwenden)",
        r")\b"
    ))
    .expect("valid obligation pattern")
});

/// Words that open a byline (compared folded).
const BYLINE_OPENERS: &[&str] = &["by", "posted by", "written by", "von", "par", "por", "door"];

/// Short blocks that mark an article or a forum: reading time, comments, sharing.
const ARTICLE_MARKS: &[&str] = &[
    "min read",
    "minute read",
    "minutes read",
    "reading time",
    "lesezeit",
    "temps de lecture",
    "comments",
    "leave a comment",
    "leave a reply",
    "add comment",
    "kommentare",
    "commentaires",
    "share this",
    "share this article",
    "related posts",
    "read more",
    "see also",
    "references",
    "external links",
    "weitere artikel",
    "mehr zum thema",
];

/// Words of the headings of legal documents' sections (folded).
const LEGAL_HEADINGS: &[&str] = &[
    "liability",
    "warranty",
    "warranties",
    "disclaimer",
    "disclaimers",
    "indemnification",
    "indemnity",
    "termination",
    "governing law",
    "applicable law",
    "dispute",
    "disputes",
    "arbitration",
    "intellectual property",
    "changes to",
    "modifications",
    "contact us",
    "how to contact us",
    "information we collect",
    "data we collect",
    "how we use",
    "how we share",
    "sharing",
    "your rights",
    "your choices",
    "retention",
    "data retention",
    "security",
    "children",
    "cookies",
    "third party",
    "third parties",
    "definitions",
    "eligibility",
    "your account",
    "payment",
    "fees",
    "severability",
    "entire agreement",
    "miscellaneous",
    "international transfers",
    "prohibited",
    "responsabilite",
    "propriete intellectuelle",
    "donnees personnelles",
    "resiliation",
    "droit applicable",
    "vos droits",
    "haftung",
    "kundigung",
    "gerichtsstand",
    "ihre rechte",
    "gewahrleistung",
    "responsabilidad",
    "legge applicabile",
];

/// Words that say a short line is a publication date.
const PUBLISHED: &[&str] =
    &["published", "posted", "veroffentlicht", "publie", "publicado", "pubblicato", "updated on"];

/// Measures the page's text.
pub fn measure(page: &Page, document: &Document) -> TextCues {
    let folded = folded_clauses(document);
    let sample = folded_sample(&folded);
    let sample_words = sample.split(' ').filter(|word| !word.is_empty()).count();

    let mut counts: HashMap<Cue, usize> = HashMap::new();
    for found in PHRASE_PATTERN.find_iter(&sample) {
        for cue in PHRASE_INDEX.get(found.as_str()).copied().unwrap_or_default() {
            *counts.entry(*cue).or_default() += 1;
        }
    }
    let per_k = |cue: Cue| per_thousand(counts.get(&cue).copied().unwrap_or(0), sample_words);

    let mut kind_per_k = [0.0; 6];
    for (slot, kind) in kind_per_k.iter_mut().zip(KINDS) {
        *slot = per_k(Cue::Kind(kind));
    }

    TextCues {
        sample_words,
        legal_per_k: per_k(Cue::Legal),
        self_per_k: per_k(Cue::SelfReference),
        article_per_k: per_k(Cue::Article),
        article_hits: counts.get(&Cue::Article).copied().unwrap_or(0),
        kind_per_k,
        obligation_share: obligation_share(&folded),
        numbered_share: numbered_share(document),
        article_marks: article_marks(page),
        legal_headings: legal_headings(document),
    }
}

fn per_thousand(count: usize, words: usize) -> f32 {
    if words == 0 {
        0.0
    } else {
        count as f32 * 1000.0 / words as f32
    }
}

/// The clauses the counts read, each folded once: the first [`CLAUSES_READ`], and beyond them
/// as many as the sample needs to reach [`SAMPLE_BYTES`].
fn folded_clauses(document: &Document) -> Vec<String> {
    let mut folded = Vec::new();
    let mut bytes = 0;
    for clause in &document.clauses {
        if folded.len() >= CLAUSES_READ && bytes >= SAMPLE_BYTES {
            break;
        }
        let text = fold(&clause.text);
        bytes += text.len() + 1;
        folded.push(text);
    }
    folded
}

/// The folded clauses joined by spaces, up to [`SAMPLE_BYTES`].
fn folded_sample(folded: &[String]) -> String {
    let mut sample = String::new();
    for text in folded {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(text);
        sample.push(' ');
    }
    sample
}

fn obligation_share(folded: &[String]) -> f32 {
    let clauses = &folded[..folded.len().min(CLAUSES_READ)];
    if clauses.is_empty() {
        return 0.0;
    }
    let binding = clauses.iter().filter(|text| OBLIGATION.is_match(text)).count();
    binding as f32 / clauses.len() as f32
}

fn numbered_share(document: &Document) -> f32 {
    let clauses = &document.clauses[..document.clauses.len().min(CLAUSES_READ)];
    let numbered_clauses = clauses.iter().filter(|clause| clause.number.is_some()).count();
    let headings: Vec<&str> =
        document.sections.iter().filter_map(|section| section.heading.as_deref()).collect();
    let numbered_headings = headings
        .iter()
        .filter(|heading| crate::document::provision_number(heading).is_some())
        .count();

    let total = clauses.len() + headings.len();
    if total == 0 {
        0.0
    } else {
        (numbered_clauses + numbered_headings) as f32 / total as f32
    }
}

/// Bylines, publication lines and article furniture among the first visible blocks.
fn article_marks(page: &Page) -> usize {
    let top = page.blocks.iter().filter(|block| !block.hidden).take(TOP_BLOCKS);
    let mut marks = 0;

    for block in top.chain(page.blocks.iter().filter(|b| b.heading_level.is_some())) {
        let words = block.text.split_whitespace().take(13).count();
        if words == 0 || words > 12 {
            continue;
        }
        let folded = fold(&block.text);
        let is_mark = is_byline(&block.text, &folded)
            || ARTICLE_MARKS.iter().any(|mark| folded == *mark || folded.ends_with(mark))
            || (PUBLISHED.iter().any(|word| folded.contains(word)) && has_year(&folded));
        if is_mark {
            marks += 1;
        }
    }
    marks
}

fn legal_headings(document: &Document) -> usize {
    document
        .sections
        .iter()
        .filter_map(|section| section.heading.as_deref())
        .take(CLAUSES_READ)
        .filter(|heading| {
            let folded = fold(heading);
            LEGAL_HEADINGS.iter().any(|phrase| contains_words(&folded, phrase))
        })
        .count()
}

/// `By Jane Doe`, `Posted by Ann`, `Von Max Muster`: an opener then a capitalised name.
fn is_byline(text: &str, folded: &str) -> bool {
    BYLINE_OPENERS.iter().any(|opener| {
        let Some(rest) = folded.strip_prefix(opener) else { return false };
        if !rest.starts_with(' ') {
            return false;
        }
        let name = text.split_whitespace().nth(opener.split(' ').count());
        name.and_then(|word| word.chars().next()).is_some_and(char::is_uppercase)
    })
}

fn has_year(folded: &str) -> bool {
    folded.split(' ').any(|word| {
        word.len() == 4
            && (word.starts_with("19") || word.starts_with("20"))
            && word.bytes().all(|b| b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Block;

    fn cues(blocks: Vec<Block>) -> TextCues {
        let page = Page { url: None, title: None, blocks };
        let document = Document::from_page(&page);
        measure(&page, &document)
    }

    #[test]
    fn terms_text_is_legal_and_binding() {
        let text = "By using the Services you agree to these Terms. We may terminate your account \
                    at any time. You must not misuse the Services. These Terms are governed by \
                    the laws of France.";
        let cues = cues(vec![Block::paragraph(0, text)]);

        assert!(cues.self_per_k > 50.0, "{cues:?}");
        assert!(cues.legal_per_k > 100.0, "{cues:?}");
        assert!(cues.obligation_share >= 0.75, "{cues:?}");
        assert_eq!(cues.article_marks, 0);
    }

    #[test]
    fn an_article_reads_like_one() {
        let cues = cues(vec![
            Block::heading(0, 1, "Regulator fines app maker"),
            Block::paragraph(1, "By Jane Doe"),
            Block::paragraph(2, "5 min read"),
            Block::paragraph(3, "The company said it would appeal, according to a spokesperson."),
        ]);

        assert_eq!(cues.article_marks, 2);
        assert!(cues.article_per_k > 100.0);
        assert_eq!(cues.self_per_k, 0.0);
    }
}
