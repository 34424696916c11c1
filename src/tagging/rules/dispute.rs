//! Dispute-resolution rules: class-action and jury waivers, claim deadlines, arbitration
//! opt-out.
//!
//! - `class_action_waiver`: disputes go one by one, never as a class, collective or
//!   representative action.
//! - `jury_trial_waiver`: the reader gives up a trial by jury.
//! - `claim_time_limit`: a claim must be brought within a set time, shorter than the law would
//!   otherwise allow, or it is barred.
//! - `arbitration_opt_out`: the reader may opt out of (reject) the arbitration agreement.
//!
//! Known limits: a clause that only names a waiver section ("see section 12, Class Action
//! Waiver") is tagged as if it stated it; a time limit set by a statute the clause cites
//! rather than by the provider is tagged too.

use std::sync::LazyLock;

use regex::Regex;

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

pub(super) const PATTERNS: &[Pattern] =
    &[CLASS_ACTION, INDIVIDUAL_BASIS, JURY, MUST_BE_BROUGHT, BARRED, WITHIN_AFTER, OPT_OUT];

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    static WAIVER_WORD: LazyLock<Regex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:waiv\w*|not|no|only|solely|individual\w*|barred|bar|prohibit\w*|preclud\w*",
            r"|may not|give up|giving up|exclud\w*|neither|nor|never|cannot)\b",
        ))
    });
    static DISPUTE_WORD: LazyLock<Regex> = LazyLock::new(|| {
        helper(r"\b(?:claims?|disputes?|arbitrat\w*|proceedings?|actions?|lawsuits?|litigat\w*)\b")
    });
    static ONLY: LazyLock<Regex> =
        LazyLock::new(|| helper(r"\b(?:only|solely|exclusively|not|no|must|shall|will)\b"));
    static LEGAL_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
        helper(r"\b(?:claims?|causes? of action|lawsuits?|suits?|legal action|sue|litigation)\b")
    });

    let class_waiver = (found.any(&CLASS_ACTION) && found.has(&WAIVER_WORD))
        || (found.any(&INDIVIDUAL_BASIS) && found.has(&DISPUTE_WORD) && found.has(&ONLY));
    if class_waiver {
        out.add(CategoryId::ClassActionWaiver, 0.9);
    }

    if found.at(&JURY).iter().any(|(_, stance)| !stance.negated) {
        out.add(CategoryId::JuryTrialWaiver, 0.9);
    }

    let deadline = found.affirmed(&MUST_BE_BROUGHT)
        || (found.any(&BARRED) && found.has(&LEGAL_CLAIM))
        || (found.affirmed(&WITHIN_AFTER) && found.has(&LEGAL_CLAIM));
    if deadline {
        out.add(CategoryId::ClaimTimeLimit, 0.85);
    }

    // "If you do not want to arbitrate, you can opt out" is a condition, not a denial.
    if found.at(&OPT_OUT).iter().any(|(_, stance)| !stance.negated) {
        out.add(CategoryId::ArbitrationOptOut, 0.9);
    }
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
    }

    #[test]
    fn claim_deadline() {
        let text = "Any claim must be filed within one (1) year after it arose.";
        assert!(has(text, CategoryId::ClaimTimeLimit));
        assert!(!has("Reply within one week of our email.", CategoryId::ClaimTimeLimit));
    }

    #[test]
    fn arbitration_opt_out() {
        let text = "You may opt out of this arbitration agreement within 30 days.";
        assert!(has(text, CategoryId::ArbitrationOptOut));
        let text = "You may not opt out of arbitration.";
        assert!(!has(text, CategoryId::ArbitrationOptOut));
    }
}
