//! Page detection: is this a terms page, and which kind?
//!
//! Decided from the URL, the title, the headings and the text itself, with no list of known
//! domains. Cheap enough to run on every page the browser opens.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::page::Page;

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
    /// 0 to 1.
    pub confidence: f32,
    pub signals: Vec<Signal>,
}

/// The cheap first look the content script makes from the URL, the title and the headings
/// alone: `false` means the page is plainly not a terms page and is not worth reading further.
pub fn may_be_terms(url: Option<&str>, title: Option<&str>, headings: &[&str]) -> bool {
    let _ = (url, title, headings);
    true
}

/// Decides whether a page is a terms page and of which kind.
pub fn detect(page: &Page, document: &Document) -> Detection {
    let _ = (page, document);
    Detection { is_terms: false, kind: PageKind::NotTerms, confidence: 0.0, signals: Vec::new() }
}
