//! Content rules: the licence the reader grants over what they post.
//!
//! `content_license`: the reader grants the provider (and often its partners) rights over
//! their content: a licence to use, copy, distribute or sublicense it, often worldwide,
//! royalty-free, perpetual or irrevocable, through any media, sometimes lasting after the
//! account is closed. A licence the provider grants the reader ("we grant you a limited
//! licence to use the app") is not tagged.
//!
//! Known limits: the content is recognised by a word list (`content`, `submissions`, `photos`,
//! ...); a licence over "anything you make available" with none of those words is missed.

use std::sync::LazyLock;

use regex::Regex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

macro_rules! content_word {
    () => {
        concat!(
            r"(?:content|submissions?|materials?|posts?|uploads?|photos?|videos?|images?",
            r"|works?|contributions?|ugc|feedback|comments|reviews|ideas|suggestions|music",
            r"|recordings|creations|listings|likeness|name|voice|messages)",
        )
    };
}

const GRANT: Pattern = pattern!(
    "content.grant",
    trigger: [
        "grant",
        "licen|right|permission",
    ],
r"\bgrant\w*\b[^.;]*?\b(?:licen[cs]es?|rights?|permission)\b",);
const LICENSE_OVER: Pattern = pattern!(
    "content.license_over",
    trigger: [
        "licen",
        "content|submission|material|post|upload|photo|video|image|work|contribution|ugc|feedback|comment|review|idea|suggestion|music|recording|creation|listing|likeness|name|voice|message",
    ],
r"\blicen[cs]e\b[^.;]{0,80}?\b(?:to|in|on|over|for)\b[^.;]{0,30}?\b(?:your|user|such|any",
    r"|all|the|that) (?:[\w-]+ )?",
    content_word!(),
    r"\b|\b(?:your|user)[- ](?:generated )?",
    content_word!(),
    r"\b[^.;]{0,60}?\b(?P<at2>licen[cs]e)",
);
const BROAD_TERMS: Pattern = pattern!(
    "content.broad_terms",
    trigger: [
        "perpetual|irrevocable|royalty|licens|fully paid|fully-paid|worldwide|transferable",
    ],
r"\b(?:perpetual|irrevocable|royalty[- ]free|sub-?licens\w*|fully[- ]paid|worldwide",
    r"|transferable)\b",
);
const ANY_MEDIA: Pattern = pattern!(
    "content.any_media",
    trigger: [
        "media|medium|format|form|channel|now known",
        "known|developed|hereafter|future|devised|invented",
    ],
r"\b(?:any|all) (?:media|medium|formats?|forms?|channels?)\b[^.;]{0,40}?\b(?:now known",
    r"|later developed|hereafter|in the future)|\bnow known or (?:hereafter|later|in the future)",
    r" (?:devised|developed|invented|known)\b",
);
const USE_CONTENT: Pattern = pattern!(
    "content.use_content",
    trigger: [
        "use|reproduc|distribut|modif|adapt|publish|display|exploit|commerciali|perform|translat",
        "your|user",
        "content|submission|material|post|upload|photo|video|image|work|contribution|ugc|feedback|comment|review|idea|suggestion|music|recording|creation|listing|likeness|name|voice|message",
    ],
r"\b(?:use|reproduce|distribute|modify|adapt|publish|display|exploit|commerciali[sz]e",
    r"|publicly perform|translate)\w*\b[^.;]{0,80}?\b(?:your|user|users')[- ](?:generated )?",
    content_word!(),
    r"\b",
);

pub(super) const PATTERNS: &[Pattern] = &[GRANT, LICENSE_OVER, BROAD_TERMS, ANY_MEDIA, USE_CONTENT];

static CONTENT: LazyLock<Regex> = LazyLock::new(|| helper(concat!(r"\b", content_word!(), r"\b")));

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    static GRANT_TO_READER: LazyLock<Regex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:we|company|licensor)\b[^.;]{0,30}?\bgrant\w* (?:to )?(?:you|users?)\b",
            r"|\bgrants? (?:to )?(?:you|users?) (?:a|an|the)\b|\byou are granted\b",
        ))
    });
    static RIGHTS_WORD: LazyLock<Regex> = LazyLock::new(|| {
        helper(r"\b(?:licen[cs]\w*|rights?|permission|royalty|compensation|any purpose)\b")
    });

    let to_reader = found.has(&GRANT_TO_READER) && !found.has(&READER_GRANTS);
    if to_reader || !found.has(&CONTENT) {
        return;
    }

    let granted = found.affirmed(&GRANT) && found.has(&READER_GRANTS_OR_CONTENT_OWNER);
    let licensed = found.affirmed(&LICENSE_OVER);
    let broad = found.any(&BROAD_TERMS) && found.any(&GRANT);
    let media = found.affirmed(&ANY_MEDIA);
    let used = found.affirmed(&USE_CONTENT) && found.has(&RIGHTS_WORD);
    if granted || licensed || broad || media || used {
        out.add(CategoryId::ContentLicense, 0.85);
    }
}

static READER_GRANTS: LazyLock<Regex> =
    LazyLock::new(|| helper(r"\b(?:you|users?)\b[^.;]{0,40}?\bgrant"));

/// The reader grants, or the grant is over content the reader owns or posts.
static READER_GRANTS_OR_CONTENT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:you|users?)\b[^.;]{0,40}?\bgrant|\b(?:your|user|users')[- ](?:generated )?",
        content_word!(),
        r"|\b(?:post|submit|upload|provide|share|transmit|make available)\w*\b",
    ))
});

#[cfg(test)]
mod tests {
    use crate::categories::CategoryId;
    use crate::tagging::rules::evaluate;

    fn has(text: &str, category: CategoryId) -> bool {
        evaluate(text).confidence(category).is_some()
    }

    #[test]
    fn reader_grants_a_licence() {
        let text = "You grant us a worldwide, royalty-free licence to use the content you post.";
        assert!(has(text, CategoryId::ContentLicense));
    }

    #[test]
    fn licence_granted_to_the_reader_is_not_tagged() {
        let text = "We grant you a limited, non-exclusive licence to use the app.";
        assert!(!has(text, CategoryId::ContentLicense));
    }
}
