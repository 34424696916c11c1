//! Is this version the document at all? Failed and partial extractions are never versions.
//!
//! A terms page sometimes comes back as something else: a bot challenge, "service
//! unavailable", "access denied", "please enable JavaScript", or a stub that loaded only the
//! page frame. Comparing such a page with the stored version would report every clause removed.
//! [`check`] recognises these so that the history records the visit as unreadable and keeps
//! the last good version as it is.
//!
//! The phrases are looked for only on short pages (under [`SHORT_PAGE_WORDS`] words), since
//! real terms mention "access denied" or "JavaScript" in passing. Short terms do too ("the
//! service may be temporarily unavailable for maintenance"), so a phrase counts only when the
//! page does not read as terms: an error or challenge page has no clause the engine tags,
//! while terms have several besides the one that names the outage
//! ([`TERMS_TAGGED_CLAUSES`]).
//!
//! Cost: one scan over the text of short pages; constant for long ones.
//!
//! Known limits: the phrases are English, plus a few French and German ones; a challenge page
//! longer than [`SHORT_PAGE_WORDS`] words, or one where the engine tags two clauses, is taken
//! for a document.

use serde::{Deserialize, Serialize};

use super::comparable::Comparable;

/// Pages shorter than this are checked for error and challenge phrases.
pub const SHORT_PAGE_WORDS: usize = 400;

/// A short page with this many tagged clauses besides those holding an error phrase is terms
/// text that speaks of errors, not an error page. Two, so that one clause tagged by chance on
/// an error page does not make it a version.
pub const TERMS_TAGGED_CLAUSES: usize = 2;

/// A version shorter than this share of the stored one is taken for a partial extraction.
pub const STUB_SHARE: f64 = 0.2;

/// Stored versions shorter than this are too short for the stub rule to judge.
const STUB_MIN_STORED_WORDS: usize = 200;

/// Why a version could not be read as the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unreadable {
    /// No terms text at all.
    Empty,
    /// A bot check or captcha stood in front of the page.
    BotChallenge { phrase: String },
    /// The server said it could not serve the page (5xx, rate limiting, maintenance).
    ServiceUnavailable { phrase: String },
    /// The server refused the request (403, blocked, region-locked).
    AccessDenied { phrase: String },
    /// The page needs JavaScript to show its text.
    JavaScriptRequired { phrase: String },
    /// The page was not found.
    NotFound { phrase: String },
    /// Far shorter than the stored version: the extraction came back partial.
    Stub { words: usize, stored_words: usize },
}

impl Unreadable {
    /// A sentence for people.
    pub fn describe(&self) -> String {
        match self {
            Unreadable::Empty => "it holds no text".to_string(),
            Unreadable::BotChallenge { phrase } => format!("it is a bot check (\"{phrase}\")"),
            Unreadable::ServiceUnavailable { phrase } => {
                format!("the site could not serve it (\"{phrase}\")")
            }
            Unreadable::AccessDenied { phrase } => format!("access was refused (\"{phrase}\")"),
            Unreadable::JavaScriptRequired { phrase } => {
                format!("the page needs JavaScript to show its text (\"{phrase}\")")
            }
            Unreadable::NotFound { phrase } => format!("the page was not found (\"{phrase}\")"),
            Unreadable::Stub { words, stored_words } => format!(
                "it has {words} words against {stored_words} in the stored version, \
                 so the page was only partly read"
            ),
        }
    }
}

type Rule = (fn(String) -> Unreadable, &'static [&'static str]);

/// Phrases of error and challenge pages, lower-case, grouped by what they mean.
const RULES: [Rule; 5] = [
    (
        |phrase| Unreadable::BotChallenge { phrase },
        &[
            "just a moment",
            "checking your browser",
            "verify you are human",
            "verifying you are human",
            "are you a robot",
            "not a robot",
            "captcha",
            "attention required",
            "ddos protection",
            "unusual traffic",
        ],
    ),
    (
        |phrase| Unreadable::ServiceUnavailable { phrase },
        &[
            "service unavailable",
            "temporarily unavailable",
            "too many requests",
            "bad gateway",
            "gateway timeout",
            "internal server error",
            "under maintenance",
            "something went wrong",
        ],
    ),
    (
        |phrase| Unreadable::AccessDenied { phrase },
        &[
            "access denied",
            "403 forbidden",
            "request blocked",
            "you have been blocked",
            "not available in your country",
            "isn't available in your country",
            "not available in your region",
            "accès refusé",
            "zugriff verweigert",
        ],
    ),
    (
        |phrase| Unreadable::JavaScriptRequired { phrase },
        &[
            "enable javascript",
            "javascript is disabled",
            "javascript is required",
            "requires javascript",
            "activer javascript",
            "javascript aktivieren",
        ],
    ),
    (
        |phrase| Unreadable::NotFound { phrase },
        &["page not found", "404 not found", "page introuvable", "seite nicht gefunden"],
    ),
];

/// Decides whether `version` can stand as a version of the document whose last good version
/// had `stored_words` words (`None` when there is none).
pub fn check(version: &Comparable<'_>, stored_words: Option<usize>) -> Result<(), Unreadable> {
    let words = version.token_count();
    if words == 0 {
        return Err(Unreadable::Empty);
    }

    if words < SHORT_PAGE_WORDS {
        if let Some(why) = error_page(version) {
            return Err(why);
        }
    }

    if let Some(stored_words) = stored_words {
        let far_shorter = (words as f64) < STUB_SHARE * stored_words as f64;
        if stored_words >= STUB_MIN_STORED_WORDS && far_shorter {
            return Err(Unreadable::Stub { words, stored_words });
        }
    }
    Ok(())
}

/// The first error or challenge phrase of a short page that does not read as terms.
fn error_page(version: &Comparable<'_>) -> Option<Unreadable> {
    let texts: Vec<String> = version.clauses.iter().map(|c| c.text.to_lowercase()).collect();
    for (make, phrases) in RULES {
        for phrase in phrases {
            let holds: Vec<bool> = texts.iter().map(|text| text.contains(phrase)).collect();
            if !holds.contains(&true) {
                continue;
            }
            let tagged_elsewhere = version
                .clauses
                .iter()
                .zip(&holds)
                .filter(|(clause, holds)| !**holds && !clause.findings.is_empty())
                .count();
            if tagged_elsewhere < TERMS_TAGGED_CLAUSES {
                return Some(make(phrase.to_string()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::categories::CategoryId;
    use crate::change::comparable::{ClauseFinding, ClauseSource};
    use crate::tagging::Facts;

    fn version(texts: &[&'static str]) -> Comparable<'static> {
        let untagged: Vec<_> = texts.iter().map(|text| (*text, None)).collect();
        tagged_version(&untagged)
    }

    /// Clauses with the category the engine found on each, if any.
    fn tagged_version(clauses: &[(&'static str, Option<CategoryId>)]) -> Comparable<'static> {
        let sources = clauses.iter().enumerate().map(|(index, (text, category))| {
            let findings = category
                .map(|category| ClauseFinding { category, facts: Facts::default() })
                .into_iter()
                .collect();
            ClauseSource { index, text, section: None, findings }
        });
        Comparable::from_clauses(sources, 0)
    }

    #[test]
    fn error_and_challenge_pages_are_unreadable() {
        let cases = [
            (vec!["Just a moment...", "Checking your browser before accessing the site."], "bot"),
            (vec!["503 Service Unavailable"], "unavailable"),
            (vec!["Access Denied", "You don't have permission to access this server."], "denied"),
            (vec!["You need to enable JavaScript to run this app."], "javascript"),
            (vec!["Model API isn't available in your country."], "denied"),
        ];
        for (texts, expected) in cases {
            let verdict = check(&version(&texts), Some(3000)).unwrap_err();
            let matches = match expected {
                "bot" => matches!(verdict, Unreadable::BotChallenge { .. }),
                "unavailable" => matches!(verdict, Unreadable::ServiceUnavailable { .. }),
                "denied" => matches!(verdict, Unreadable::AccessDenied { .. }),
                _ => matches!(verdict, Unreadable::JavaScriptRequired { .. }),
            };
            assert!(matches, "{texts:?} gave {verdict:?}");
        }
    }

    #[test]
    fn empty_pages_and_stubs_are_unreadable() {
        assert_eq!(check(&version(&[]), None), Err(Unreadable::Empty));
        assert_eq!(check(&version(&["--"]), None), Err(Unreadable::Empty));

        let stub = version(&["Terms of Service", "Sign in to continue reading."]);
        assert!(matches!(check(&stub, Some(5000)), Err(Unreadable::Stub { .. })));
        assert_eq!(check(&stub, Some(50)), Ok(()));
        assert_eq!(check(&stub, None), Ok(()));
    }

    #[test]
    fn long_terms_that_mention_error_phrases_are_readable() {
        let clause = "If access is denied to an account we will say why. ";
        let long: &'static str = Box::leak(clause.repeat(60).into_boxed_str());
        let texts = [long, "Please enable JavaScript to use the editor."];
        assert_eq!(check(&version(&texts), Some(600)), Ok(()));
    }

    #[test]
    fn short_terms_that_mention_maintenance_are_readable() {
        let terms = tagged_version(&[
            ("You must be at least 16 years old to use the app.", Some(CategoryId::AgeRequirement)),
            ("The app may be temporarily unavailable for maintenance.", None),
            ("We may close your account at any time.", Some(CategoryId::UnilateralTermination)),
            ("Disputes go to binding arbitration.", Some(CategoryId::Arbitration)),
        ]);
        assert_eq!(check(&terms, None), Ok(()));
        assert_eq!(check(&terms, Some(80)), Ok(()));
    }

    #[test]
    fn an_error_page_with_one_clause_tagged_by_chance_is_unreadable() {
        let error = tagged_version(&[
            ("Service Temporarily Unavailable", None),
            ("The server is down for maintenance. We may stop the service at any time.", None),
            ("Please try again later.", Some(CategoryId::UnilateralTermination)),
        ]);
        let verdict = check(&error, None);
        assert!(matches!(verdict, Err(Unreadable::ServiceUnavailable { .. })), "{verdict:?}");

        let tagged_phrase = tagged_version(&[
            ("Access denied: we may close accounts.", Some(CategoryId::UnilateralTermination)),
            ("Disputes go to binding arbitration.", Some(CategoryId::Arbitration)),
        ]);
        let verdict = check(&tagged_phrase, None);
        assert!(matches!(verdict, Err(Unreadable::AccessDenied { .. })), "{verdict:?}");
    }
}
