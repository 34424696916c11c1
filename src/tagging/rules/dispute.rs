//! Dispute-resolution rules: class-action and jury waivers, claim deadlines, arbitration
//! opt-out.
//!
//! - `class_action_waiver`: disputes go one by one, never as a class, collective or
//!   representative action.
//! - `jury_trial_waiver`: the reader gives up a trial by jury.
//! - `claim_time_limit`: a claim must be brought within a set time, shorter than the law would
//!   otherwise allow, or it is barred.
//! - `arbitration_opt_out`: the reader may opt out of (reject) the arbitration agreement, but
//!   only in a set way before a deadline; counted as a low risk, since whoever misses the
//!   window is bound.
//!
//! A clause that only points at the waiver ("please read the class action waiver below", "see
//! section 12, Class Action Waiver") is not the waiver and is not tagged.
//!
//! Known limits: a clause that announces the waiver without pointing ("these terms contain a
//! class action waiver") is tagged as if it stated it; a time limit set by a statute the clause
//! cites rather than by the provider is tagged too, and so is a deadline to notify a claim.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

const CLASS_ACTION: Pattern = pattern!(
    "dispute.class_action",
    trigger: [
        "class|representative|attorney|consolidated|collective",
    ],
    r"\bclass(?:[- ]wide| actions?| arbitrations?| proceedings?| members?| basis| claims?",
    r"| or (?:collective|representative|consolidated))\b|\brepresentative (?:actions?",
    r"|proceedings?|capacity|claims?|basis)\b|\bprivate attorneys? general\b",
    r"|\bconsolidated (?:actions?|proceedings?|basis|arbitrations?)\b|\bcollective actions?\b",
);
const INDIVIDUAL_BASIS: Pattern = pattern!(
    "dispute.individual_basis",
    trigger: [
        "individual",
    ],
    r"\b(?:on an|in your|in its|in their) individual (?:basis|capacity)\b",
    r"|\bindividually,? (?:and|not)\b|\bas an individual\b|\bindividual (?:claims|arbitration)\b",
);
const JURY: Pattern = pattern!(
    "dispute.jury",
    trigger: [
        "jury",
    ],
    r"\b(?:waiv\w*|give up|giving up|gives up|relinquish\w*|forgo\w*|forego\w*|surrender\w*)",
    r"\b[^.;]{0,80}?\bjury\b|\bjury\b[^.;]{0,60}?\b(?:waiv\w*|is not available|not available",
    r"|shall not|will not|no right)\b|\bno (?:right to (?:a )?)?jury\b|\bjudge or (?:a )?jury\b",
    r"|\bjudge,? (?:and )?not a jury\b|\bwithout a jury\b|\binstead of a jury\b",
    r"|\brather than (?:a )?jury\b",
);
const MUST_BE_BROUGHT: Pattern = pattern!(
    "dispute.must_be_brought",
    trigger: [
        "within",
        "claim|cause|action|lawsuit|suit|proceeding|dispute|complaint",
    ],
    r"\b(?:claims?|causes? of action|actions?|lawsuits?|suits?|proceedings?|disputes?",
    r"|complaints?|legal action)\b[^.;]*?\b(?:must|shall|should|has to|have to|needs? to",
    r"|will)\b[^.;]{0,40}?\b(?:be )?(?:filed|commenced|commence|brought|bring|initiated",
    r"|initiate|asserted|assert|file|instituted|submitted)\b[^.;]{0,40}?\bwithin\b",
);
const BARRED: Pattern = pattern!(
    "dispute.barred",
    trigger: [
        "barred|limitation|waive",
    ],
    r"\b(?:forever|permanently|time)[- ]?barred\b|\b(?:is|are|be) (?:\w+ )?barred\b",
    r"|\bstatutes? of limitations?\b|\blimitations? periods?\b",
    r"|\bwaive[sd]? (?:the|any) right to (?:assert|bring|file)\b[^.;]*?\b(?:more than|after)\b",
);
/// A claim may not be started later than a set time: "no action may be brought more than
/// one year after the cause of action arose".
const NOT_LATER_THAN: Pattern = pattern!(
    "dispute.not_later_than",
    trigger: [
        "more than|later than|after the expiration|after expiry|after the lapse|after the end",
        "claim|cause|action|lawsuit|suit|proceeding|dispute|complaint",
    ],
    r"\b(?:claims?|causes? of action|actions?|lawsuits?|suits?|proceedings?|disputes?",
    r"|complaints?)\b[^.;]{0,80}?\b(?:(?:more|later) than\b[^.;]{0,20}?\b(?:years?|months?",
    r"|days?)\s+(?:after|from|following|of)|after (?:the )?(?:expiration|expiry|lapse|end) of)",
    r"\b",
);
const WITHIN_AFTER: Pattern = pattern!(
    "dispute.within_after",
    trigger: [
        "within",
        "year|month|day",
    ],
    r"\bwithin\b[^.;]{0,30}?\b(?:years?|months?|days?)\b[^.;]{0,60}?\b(?:after|of|from",
    r"|following)\b[^.;]{0,60}?\b(?:claim|cause of action|event|arose|arises|arise",
    r"|accru\w*|incident|dispute)\b",
);
const OPT_OUT: Pattern = pattern!(
    "dispute.arbitration_opt_out",
    trigger: [
        "arbitrat",
        "opt|reject",
    ],
    r"\bopt(?:[- ]| to )?out\b[^.;]*?\barbitrat\w*|\barbitrat\w*\b[^.;]*?\bopt(?:[- ]| to )?out",
    r"\b|\breject\w*\b[^.;]{0,40}?\b(?:this |the )?(?:arbitration|agreement to arbitrate)\b",
);

pub(super) const PATTERNS: &[Pattern] = &[
    CLASS_ACTION,
    INDIVIDUAL_BASIS,
    JURY,
    MUST_BE_BROUGHT,
    BARRED,
    NOT_LATER_THAN,
    WITHIN_AFTER,
    OPT_OUT,
];

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    static WAIVER_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:waiv\w*|not|no|only|solely|individual\w*|barred|bar|prohibit\w*|preclud\w*",
            r"|may not|give up|giving up|exclud\w*|neither|nor|never|cannot)\b",
        ))
    });
    static DISPUTE_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\b(?:claims?|disputes?|arbitrat\w*|proceedings?|actions?|lawsuits?|litigat\w*)\b")
    });
    static ONLY: LazyLock<AsciiRegex> =
        LazyLock::new(|| helper(r"\b(?:only|solely|exclusively|not|no|must|shall|will)\b"));
    static LEGAL_CLAIM: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\b(?:claims?|causes? of action|lawsuits?|suits?|legal action|sue|litigation)\b")
    });

    let class_waiver = (found.any(&CLASS_ACTION) && found.has(&WAIVER_WORD))
        || (found.any(&INDIVIDUAL_BASIS) && found.has(&DISPUTE_WORD) && found.has(&ONLY));
    if class_waiver && !only_mentions_waiver(found) {
        out.add(CategoryId::ClassActionWaiver, 0.9);
    }

    if found.at(&JURY).iter().any(|(_, stance)| !stance.negated) {
        out.add(CategoryId::JuryTrialWaiver, 0.9);
    }

    let deadline = found.affirmed(&MUST_BE_BROUGHT)
        || (found.any(&BARRED) && found.has(&LEGAL_CLAIM))
        || (found.any(&NOT_LATER_THAN) && found.has(&LEGAL_CLAIM) && found.has(&WAIVER_WORD))
        || (found.affirmed(&WITHIN_AFTER) && found.has(&LEGAL_CLAIM));
    if deadline {
        out.add(CategoryId::ClaimTimeLimit, 0.85);
    }

    // "If you do not want to arbitrate, you can opt out" is a condition, not a denial.
    if found.at(&OPT_OUT).iter().any(|(_, stance)| !stance.negated) {
        out.add(CategoryId::ArbitrationOptOut, 0.9);
    }
}

/// "Please read the class action waiver below": the clause points the reader at the waiver
/// without stating it; the waiver itself is tagged where it is written.
fn only_mentions_waiver(found: &Found<'_>) -> bool {
    static POINTER: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:please (?:\w+ )?read|read (?:\w+ ){0,4}?carefully|please review|please see",
            r"|(?:see|refer to|described in|set (?:out|forth) in) (?:the )?(?:section|paragraph",
            r"|clause|article|below|above))\b",
        ))
    });
    static OPERATIVE: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:you|users?|both parties|each party|we)\b[^.;]{0,30}?\b(?:waive|agree|give up",
            r"|may not|will not|cannot|can't|shall not|may only|must)\b|\bindividual (?:basis",
            r"|capacity)\b|\bnot (?:as|in) a (?:plaintiff|class)",
        ))
    });
    found.has(&POINTER) && !found.has(&OPERATIVE)
}

#[cfg(test)]
mod tests {
    use crate::categories::CategoryId;
    use crate::tagging::rules::evaluate;

    fn has(text: &str, category: CategoryId) -> bool {
        evaluate(text).confidence(category).is_some()
    }

    #[test]
    fn waivers() {
        let text = "You may bring claims only on an individual basis, not in a class action.";
        assert!(has(text, CategoryId::ClassActionWaiver));
        assert!(has("You waive any right to a trial by jury.", CategoryId::JuryTrialWaiver));
        let text = "Please read these terms carefully, including the class action waiver.";
        assert!(!has(text, CategoryId::ClassActionWaiver));
    }

    #[test]
    fn claim_deadline() {
        let text = "Any claim must be filed within one (1) year after it arose.";
        assert!(has(text, CategoryId::ClaimTimeLimit));
        assert!(!has("Reply within one week of our email.", CategoryId::ClaimTimeLimit));
        let text = "No action may be brought by you more than one year after the claim arose.";
        assert!(has(text, CategoryId::ClaimTimeLimit));
    }

    #[test]
    fn arbitration_opt_out() {
        let text = "You may opt out of this arbitration agreement within 30 days.";
        assert!(has(text, CategoryId::ArbitrationOptOut));
        let text = "You may not opt out of arbitration.";
        assert!(!has(text, CategoryId::ArbitrationOptOut));
    }
}
