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

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

macro_rules! content_word {
    () => {
        concat!(
            r"(?:content|submissions?|materials?|posts?|postings?|uploads?|photos?|videos?",
            r"|images?|works?|contributions?|ugc|feedback|comments|reviews|ideas|suggestions",
            r"|music|recordings|creations|listings|likeness|name|voice|messages|communications)",
        )
    };
}

const GRANT: Pattern = pattern!(
    "content.grant",
    trigger: [
        "grant",
        "licen|right|permission",
    ],
    r"\bgrant\w*\b[^.;]*?\b(?:licen[cs]es?|rights?|permission)\b",
);
const READER_GRANT: Pattern = pattern!(
    "content.reader_grant",
    trigger: [
        "=you|user",
        "grant|give|provide|authori",
    ],
    r"\b(?:you|users?)\b(?:\s+[\w!,']+){0,3}?\s+(?P<at>grant|give|provide|authori[sz]e)s?\b",
    r"[^.;]*?\b(?:licen[cs]es?|rights?|permission|perpetual|irrevocable|royalty[- ]free",
    r"|worldwide|non-?exclusive|sub-?licens\w*|to (?:store|copy|use|reproduce|publish))",
);
const LICENSE_OVER: Pattern = pattern!(
    "content.license_over",
    trigger: [
        "licen",
        "content|submission|material|post|upload|photo|video|image|work|contribution|ugc|feedback|comment|review|idea|suggestion|music|recording|creation|listing|likeness|name|voice|message|communication",
    ],
    r"\blicen[cs]es?\b[^.;]{0,80}?\b(?:to|in|on|over|for)\b[^.;]{0,30}?\b(?:your|user|such",
    r"|any|all|the|that) (?:[\w-]+ )?",
    content_word!(),
    r"\b|\b(?:your|user)[- ](?:generated )?",
    content_word!(),
    r"\b[^.;]{0,60}?\b(?P<at2>licen[cs]es?)\b|\b(?:contributions?|submissions?|(?:your|user)",
    r" (?:content|posts?|contributions?))\b[^.;]{0,60}?\b(?:available|licen[cs]ed) (?:only )?",
    r"under\b[^.;]*\blicen[cs]es?\b",
);
const LICENSE_LASTS: Pattern = pattern!(
    "content.license_lasts",
    trigger: [
        "licen|right",
        "surviv|continu|cannot be terminated|remain|irrevocabl|even after|even if",
    ],
    r"\b(?:licen[cs]es?|rights)\b[^.;]*?\b(?:surviv\w*|continu\w*|cannot be terminated",
    r"|remains? in effect|irrevocabl\w*)|\b(?:licen[cs]es?|rights)\b[^.;]*?\beven (?:after|if)",
    r" you (?:delete|close|stop|remove|terminate|cancel)",
);
const STRONG_TERMS: Pattern = pattern!(
    "content.strong_terms",
    trigger: [
        "perpetual|irrevocable|royalty|licens|fully paid|fully-paid",
    ],
    r"\b(?:perpetual|irrevocable|royalty[- ]free|(?:non-)?sub-?licens\w*|fully[- ]paid)\b",
);
const ANY_MEDIA: Pattern = pattern!(
    "content.any_media",
    trigger: [
        "media|medium|=format|=formats|=form|=forms|channel|now known",
    ],
    r"\b(?:any|all) (?:media|medium|formats?|forms?|channels?)\b[^.;]{0,40}?\b(?:now known",
    r"|later developed|hereafter|in the future|now existing|subsequently developed|later devised)",
    r"|\bnow known or (?:hereafter|later|in the future) (?:devised|developed|invented|known)\b",
    r"|\bin (?:any|all) (?:and all )?(?:media|medium)\b",
);
const USE_CONTENT: Pattern = pattern!(
    "content.use_content",
    trigger: [
        "use|reproduc|distribut|modif|adapt|publish|display|exploit|commerciali|perform|translat",
        "content|submission|material|post|upload|photo|video|image|work|contribution|ugc|feedback|comment|review|idea|suggestion|music|recording|creation|listing|likeness|name|voice|message|communication",
    ],
    r"\b(?:use|reproduce|distribute|modify|adapt|publish|display|exploit|commerciali[sz]e",
    r"|publicly perform|translate)\w*\b[^.;]{0,80}?\b(?:your|user|users')[- ](?:generated )?",
    content_word!(),
    r"\b",
);
const LICENSE_VERBS: Pattern = pattern!(
    "content.license_verbs",
    trigger: [
        "reproduc|derivative work|publicly perform|publicly display|translat|adapt",
    ],
    r"\b(?:reproduc\w*|derivative works?|publicly (?:perform|display)\w*|translat\w*|adapt)\b",
);
const NO_COMPENSATION: Pattern = pattern!(
    "content.no_compensation",
    trigger: [
        "without|=no",
        "compensation|payment|royalt|attribution",
    ],
    r"\b(?:without|no) (?:any )?(?:further )?(?:\w+ )?(?:compensation|payment|royalt\w*",
    r"|attribution)\b",
);
/// The content is said to be used by the provider, in the passive: "your submissions may be
/// edited, published and displayed by us".
const USED_PASSIVE: Pattern = pattern!(
    "content.used_passive",
    trigger: [
        "used|reproduced|modified|published|displayed|distributed|edited|copied|adapted|translated|exploited|sublicensed",
        "content|submission|material|post|upload|photo|video|image|work|contribution|ugc|feedback|comment|review|idea|suggestion|music|recording|creation|listing|likeness|name|voice|message|communication",
        "=be",
    ],
    content_word!(),
    r"\b[^.;]{0,150}?\b(?:may|can|will|could|might|shall)\s+(?:also\s+)?be\s+(?:[\w,]+\s+){0,6}?",
    r"(?P<at>used|reproduced|modified|published|republished|displayed|distributed|edited",
    r"|copied|adapted|translated|exploited|sublicensed)\b",
);

pub(super) const PATTERNS: &[Pattern] = &[
    GRANT,
    READER_GRANT,
    LICENSE_OVER,
    LICENSE_LASTS,
    STRONG_TERMS,
    ANY_MEDIA,
    USE_CONTENT,
    LICENSE_VERBS,
    NO_COMPENSATION,
    USED_PASSIVE,
];

static CONTENT: LazyLock<AsciiRegex> =
    LazyLock::new(|| helper(concat!(r"\b", content_word!(), r"\b")));

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    static GRANT_TO_READER: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:we|company|licensor)\b[^.;]{0,30}?\bgrant\w* (?:to )?(?:you|users?)\b",
            r"|\bgrants? (?:to )?(?:you|users?) (?:a|an|the)\b|\byou are granted\b",
            r"|\b(?:licen[cs]e|rights?) (?:granted )?to you\b",
        ))
    });
    static RIGHTS_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:licen[cs]\w*|rights?|permission|royalty|compensation|any purpose|promot\w*",
            r"|advertis\w*|marketing|commercial\w*)\b",
        ))
    });
    static LICENSE_WORD: LazyLock<AsciiRegex> =
        LazyLock::new(|| helper(r"\b(?:licen[cs]\w*|rights?)\b"));

    if found.has(&GRANT_TO_READER) && !found.has(&READER_GRANTS) {
        return;
    }
    let content = found.has(&CONTENT);
    let license_word = found.has(&LICENSE_WORD);

    let granted = found.affirmed(&GRANT) && content && found.has(&READER_GRANTS_OR_CONTENT_OWNER);
    let reader_grants = found.affirmed(&READER_GRANT);
    let licensed = content && found.affirmed(&LICENSE_OVER);
    let lasting = found.affirmed(&LICENSE_LASTS);
    let strong = license_word
        && found
            .at(&STRONG_TERMS)
            .iter()
            .any(|(range, _)| !found.text[range.clone()].starts_with("non"));
    let media = found.affirmed(&ANY_MEDIA);
    let used = content && found.affirmed(&USE_CONTENT) && found.has(&RIGHTS_WORD);
    let verbs = found.any(&LICENSE_VERBS) && (content || license_word);
    let unpaid = content && found.affirmed(&NO_COMPENSATION);
    let passive = found.affirmed(&USED_PASSIVE) && broad_use(found);
    if granted
        || reader_grants
        || licensed
        || lasting
        || strong
        || media
        || used
        || verbs
        || unpaid
        || passive
    {
        out.add(CategoryId::ContentLicense, 0.85);
    }
}

/// Use of the reader's content that reaches beyond showing it: several licence verbs at
/// once, or use by the provider for its own ends.
fn broad_use(found: &Found<'_>) -> bool {
    static USE_VERB: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:used|reproduced|modified|published|republished|displayed|distributed|edited",
            r"|copied|adapted|translated|exploited|sublicensed|transmitted|performed)\b",
        ))
    });
    static PROVIDER_ENDS: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\bany purpose\b|\bcommercial\w*|\bpromot\w*|\badvertis\w*|\bmarketing\b",
            r"|\bwithout (?:\w+ )?(?:compensation|payment|notice|attribution)\b",
        ))
    });
    let owned = found.has(&READER_GRANTS_OR_CONTENT_OWNER);
    owned && (USE_VERB.find_iter(found.text).nth(1).is_some() || found.has(&PROVIDER_ENDS))
}

static READER_GRANTS: LazyLock<AsciiRegex> =
    LazyLock::new(|| helper(r"\b(?:you|users?)\b[^.;]{0,40}?\bgrant"));

/// The reader grants, or the grant is over content the reader owns or posts.
static READER_GRANTS_OR_CONTENT_OWNER: LazyLock<AsciiRegex> = LazyLock::new(|| {
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

    #[test]
    fn content_used_in_the_passive() {
        let text = "Your posts may be copied, edited and published by us in our magazine.";
        assert!(has(text, CategoryId::ContentLicense));
        let text = "Your posts may be displayed to other members of your group.";
        assert!(!has(text, CategoryId::ContentLicense));
    }
}
