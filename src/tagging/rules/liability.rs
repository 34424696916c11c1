//! Liability rules: indemnification and warranty disclaimers.
//!
//! - `indemnification`: the reader must defend, indemnify or hold the provider harmless
//!   against claims, or answers for third-party claims against it and the losses and legal
//!   fees it incurs because of the reader. A provider that indemnifies the reader ("we will
//!   defend you against claims that the service infringes") is not tagged.
//! - `warranty_disclaimer`: the service comes "as is", at the reader's own risk, with no
//!   warranty or guarantee of quality, accuracy or availability.
//!
//! The warranty patterns hold their own negation ("does not guarantee", "makes no
//! warranty"); only a denial around them ("nothing in these terms excludes warranties") is
//! read by the scope layer.
//!
//! Known limits: "we cannot guarantee the security of data sent over the internet" is read
//! as a warranty disclaimer, which it is in substance but not always in intent.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

const INDEMNIFY: Pattern = pattern!(
    "liability.indemnify",
    trigger: [
        "indemni|harmless|defend",
    ],
    r"\bindemni\w*|\b(?:hold|keep|save|render)\b[^.;]{0,200}?\bharmless\b",
    r"|\bdefend\b[^.;]{0,150}?\b(?:against|from)",
    r"\b[^.;]{0,40}?\b(?:claims?|liabilit\w*|losses|damages|actions|suits|demands)\b",
);
const REIMBURSE: Pattern = pattern!(
    "liability.reimburse",
    trigger: [
        "reimburs|compensate",
        "=you|user|customer|member|licensee|subscriber",
    ],
    r"\b(?:you|users?|customers?|members?|licensees?|subscribers?)\b[^.;]{0,40}?",
    r"\b(?P<at>reimburse|compensate)\b[^.;]*?\b(?:us|losses|costs|claims|fees|expenses",
    r"|damages)\b",
);
/// The reader answers for what others claim from the provider because of the reader: "you
/// will be liable for any losses we incur as a result of your breach".
const READER_ANSWERS: Pattern = pattern!(
    "liability.reader_answers",
    trigger: [
        "=you|user|customer|member|licensee|subscriber",
        "liable|responsib|bear|pay|cover",
        "claim|loss|damage|cost|expense|fee|liabilit",
    ],
    r"\b(?:you|users?|customers?|members?|licensees?|subscribers?)\b[^.;]{0,40}?",
    r"\b(?:(?:be|are|is|remain|remains) (?:\w+ )?(?P<at>liable|responsible)|(?P<at2>bear|pay",
    r"|cover))",
    r"\b[^.;]{0,100}?\b(?:claims?|losses|damages|costs|expenses|fees|liabilit(?:y|ies))\b",
);
const AS_IS: Pattern = pattern!(
    "liability.as_is",
    trigger: [
        "as is|as-is|as available|as-available|all faults",
    ],
r#"\bas[- ]is\b(?:[" ',]+(?:and|or|basis|with|without|,)|["']|\s*$|\s*\.)"#,
    r#"|\bas[- ]available\b|\bwith all faults\b|\bprovided[" ']+(?:on an? )?[" ']*as[- ]is\b"#,
);
const DISCLAIM: Pattern = pattern!(
    "liability.disclaim",
    trigger: [
        "warrant|representation|guarantee|conditions of",
        "disclaim|exclud|=no|without",
    ],
    r"\b(?:disclaim\w*|exclud\w*|makes? no|gives? no|provides? no|offers? no|without (?:any )?",
    r"(?:\w+ )?|no)\b[^.;]{0,60}?\b(?:warrant(?:y|ies)|representations?|guarantees?",
    r"|conditions of (?:merchantability|quality))\b",
);
const NOT_GUARANTEED: Pattern = pattern!(
    "liability.not_guaranteed",
    trigger: [
        "warrant|guarantee|promise|represent|ensure|assur|certif",
        "not|n't|cannot|=no|neither|=nor",
    ],
    r"\b(?:do|does|will|can|could|shall|did|make|makes)\s*(?:not|n't)\b[^.;]{0,30}?",
    r"\b(?:warrant|guarantee|promise|represent|ensure|assure|certify)\w*",
    r"|\bcannot (?:warrant|guarantee|promise|ensure|assure)\w*\b",
    r"|\bnot (?:warranted|guaranteed)\b|\bno (?:warranty|warranties|guarantee|assurance)\b",
    r"|\b(?:neither|nor)\b[^.;]{0,40}?\b(?:warrant|guarantee|represent)\w*",
    r"|\bno obligation to (?:update|correct|maintain|support)\b",
);
const OWN_RISK: Pattern = pattern!(
    "liability.own_risk",
    trigger: [
        "merchantab|fitness|infringement|risk",
    ],
    r"\bmerchantability\b|\bfitness for (?:a|any) particular purpose\b|\bnon-?infringement\b",
    r"|\bat (?:your|the user's|their|user's) (?:own|sole) (?:and \w+ )?risk\b",
    r"|\b(?:sole|own) risk\b",
);

const NO_PROMISE_LIST: Pattern = pattern!(
    "liability.no_promise_list",
    trigger: [
        "uninterrupt|error-free|error free|virus-free|virus free|free of|corrected|meet your|expectations|requirements|unavailable|be available|reliab|accura",
    ],
    r"\b(?:uninterrupted|error[- ]free|virus[- ]free|free (?:of|from) (?:errors|viruses|bugs",
    r"|defects)|(?:errors|defects) (?:\w+ )*?(?:will|can) be (?:found|corrected)|meet your",
    r" (?:requirements|expectations|needs)|may (?:be|become) unavailable|may not (?:always )?be",
    r" available|accurate,? (?:\w+,? )*?(?:or|and) reliable)\b",
);

pub(super) const PATTERNS: &[Pattern] = &[
    INDEMNIFY,
    REIMBURSE,
    READER_ANSWERS,
    AS_IS,
    DISCLAIM,
    NOT_GUARANTEED,
    OWN_RISK,
    NO_PROMISE_LIST,
];

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    let indemnity = found.affirmed(&INDEMNIFY)
        || found.affirmed(&REIMBURSE)
        || (found.affirmed(&READER_ANSWERS)
            && found.has(&CLAIM_AGAINST_PROVIDER)
            && !found.has(&OWN_COSTS));
    if indemnity && !provider_indemnifies(found) {
        out.add(CategoryId::Indemnification, 0.9);
    }

    let disclaimed = [&AS_IS, &DISCLAIM, &NOT_GUARANTEED, &OWN_RISK, &NO_PROMISE_LIST]
        .iter()
        .any(|pattern| found.at(pattern).iter().any(|(_, stance)| !stance.negated))
        && !reader_warrants(found);
    if disclaimed {
        out.add(CategoryId::WarrantyDisclaimer, 0.85);
    }
}

/// What makes the reader's liability an indemnity rather than a bill: a claim by someone
/// else, or a loss of the provider, brought about by the reader.
static CLAIM_AGAINST_PROVIDER: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\bthird[- ]part(?:y|ies)\b[^.;]{0,40}?\bclaims?\b|\bclaims? (?:\w+ ){0,3}?(?:by|from)",
        r" (?:a |any )?(?:third|other)|\battorneys?'? fees\b|\blegal (?:fees|costs)\b",
        r"|\bclaims? (?:\w+ ){0,3}?against\b|\b(?:liable|responsible) to (?:us|the company)\b",
        r"|\b(?:we|us|company|our)\b[^.;]{0,30}?\b(?:incur|suffer|sustain)\w*",
    ))
});

/// "You are responsible for your own legal fees": the reader's costs, not the provider's.
static OWN_COSTS: LazyLock<AsciiRegex> =
    LazyLock::new(|| helper(r"\bown (?:legal |attorneys?'? )?(?:costs|fees|expenses)\b"));

fn provider_indemnifies(found: &Found<'_>) -> bool {
    static PROVIDER: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:indemnify|defend|hold harmless|indemnification of) (?:the )?(?:you|users?",
            r"|customers?|licensees?|subscribers?)\b|\bwe (?:will|shall|agree to) (?:\w+ )?",
            r"(?:defend|indemnify|reimburse|compensate)",
        ))
    });
    static READER: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\byou (?:\w+ ){0,3}(?:agree to|will|shall|must) (?:\w+ ){0,2}(?:defend|indemnif)")
    });
    found.has(&PROVIDER) && !found.has(&READER)
}

/// "You represent and warrant that ...": a promise the reader makes, not a disclaimer.
fn reader_warrants(found: &Found<'_>) -> bool {
    static READER_PROMISE: LazyLock<AsciiRegex> =
        LazyLock::new(|| helper(r"\byou (?:\w+ )?(?:represent|warrant|guarantee|promise)\w*\b"));
    static DISCLAIMER_WORDS: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r#"\bas[- ]is\b|\bdisclaim|\bmakes? no\b|\bwithout (?:any )?warrant|own risk"#)
    });
    found.has(&READER_PROMISE) && !found.has(&DISCLAIMER_WORDS)
}

#[cfg(test)]
mod tests {
    use crate::categories::CategoryId;
    use crate::tagging::rules::evaluate;

    fn has(text: &str, category: CategoryId) -> bool {
        evaluate(text).confidence(category).is_some()
    }

    #[test]
    fn indemnity() {
        let text = "You agree to indemnify and hold us harmless from any claims.";
        assert!(has(text, CategoryId::Indemnification));
        let text = "We will defend you against claims that the service infringes a patent.";
        assert!(!has(text, CategoryId::Indemnification));
        let text =
            "You will be liable for all losses and legal fees we incur because of your breach.";
        assert!(has(text, CategoryId::Indemnification));
        let text = "You are responsible for any fees your bank charges for the transfer.";
        assert!(!has(text, CategoryId::Indemnification));
        assert!(!has("You are responsible for your own legal fees.", CategoryId::Indemnification));
        let text = "Users will keep us harmless from all third-party claims related to their use.";
        assert!(has(text, CategoryId::Indemnification));
    }

    #[test]
    fn warranty() {
        assert!(has("The service is provided \"as is\".", CategoryId::WarrantyDisclaimer));
        let text = "We do not guarantee that the service will be uninterrupted.";
        assert!(has(text, CategoryId::WarrantyDisclaimer));
        let text = "You represent and warrant that you own your content.";
        assert!(!has(text, CategoryId::WarrantyDisclaimer));
    }
}
