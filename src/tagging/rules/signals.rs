//! Signals for the learned model's categories: patterns that fire but never decide.
//!
//! The eight categories of the learned model (arbitration, governing law, venue, liability,
//! unilateral change and termination, content removal, contract by use) are decided by the
//! model alone. These patterns only add names to [`super::RuleHits::fired`], with the scope
//! layer's `!negated` variants, so the model can weigh a legal reading (a denied "we may
//! terminate", "without notice", "sole discretion") that word n-grams miss.

use super::{pattern, Decisions, Found, Pattern};

const BINDING_ARBITRATION: Pattern = pattern!(
    "signal.arbitration",
    trigger: [
        "arbitra",
    ],
    r"\b(?:binding|mandatory|final) (?:individual )?arbitration\b|\barbitrat\w*\b[^.;]{0,60}?",
    r"\b(?:aaa|jams|icc|american arbitration|rules|administered)\b",
);
const GOVERNED_BY: Pattern = pattern!(
    "signal.governed_by",
    trigger: [
        "laws of|law of|governing law",
    ],
    r"\b(?:governed by|construed in accordance with|subject to) (?:and construed )?",
    r"(?:in accordance with )?the (?:substantive )?laws? of\b|\bgoverning law\b",
);
const COURTS: Pattern = pattern!(
    "signal.courts",
    trigger: [
        "jurisdiction|court|venue",
    ],
    r"\b(?:exclusive|non-exclusive|personal) jurisdiction\b|\bcourts? (?:located |sitting )?",
    r"(?:in|of)\b|\bvenue\b|\bsubmit to the jurisdiction\b",
);
const SOLE_DISCRETION: Pattern = pattern!(
    "signal.sole_discretion",
    trigger: [
        "discretion|for any reason|for any or no reason",
    ],
    r"\b(?:sole|absolute|own|full) discretion\b|\bfor any (?:or no )?reason\b",
);
const WITHOUT_NOTICE: Pattern = pattern!(
    "signal.without_notice",
    trigger: [
        "without",
        "notice|notification|warning",
    ],
    r"\bwithout (?:any )?(?:prior |advance |further )?(?:notice|notification|warning)\b",
);
const AT_ANY_TIME: Pattern = pattern!(
    "signal.at_any_time",
    trigger: [
        "any time|time to time",
    ],
    r"\bat any time\b|\bfrom time to time\b",
);
const MAY_TERMINATE: Pattern = pattern!(
    "signal.may_terminate",
    trigger: [
        "terminat|suspend|disabl|deactivat|clos|delet",
        "account|access|membership|subscription|use of",
    ],
    r"\b(?:terminat\w*|suspend\w*|disabl\w*|deactivat\w*|clos\w*|delet\w*) (?:your |the |any )?",
    r"(?:account|access|accounts|membership|subscription|use of)\b",
);
const MAY_REMOVE: Pattern = pattern!(
    "signal.may_remove",
    trigger: [
        "remov|delet|block|refus|disabl|screen|edit",
        "content|post|material|submission|message|comment",
    ],
    r"\b(?:remov\w*|delet\w*|block\w*|refus\w*|disabl\w*|screen\w*|edit\w*) (?:any |your |such )?",
    r"(?:user )?(?:content|posts?|materials?|submissions?|messages?|comments?)\b",
);
const MAY_CHANGE_TERMS: Pattern = pattern!(
    "signal.may_change_terms",
    trigger: [
        "change|modif|amend|updat|revis|replac",
        "terms|agreement|polic|conditions",
    ],
    r"\b(?:change|modify|amend|update|revise|replace)\w*\b[^.;]{0,40}?\b(?:terms|agreement",
    r"|polic(?:y|ies)|conditions)\b",
);
const BY_USING: Pattern = pattern!(
    "signal.by_using",
    trigger: [
        "by using|by accessing|by continuing|by visiting|by browsing|by registering|by clicking|continued use|constitut",
    ],
    r"\bby (?:using|accessing|continuing to use|visiting|browsing|registering|clicking)\b",
    r"|\bcontinued use\b|\b(?:use|access) (?:of )?(?:the|our|this) (?:\w+ )?constitutes\b",
);
const LIABILITY: Pattern = pattern!(
    "signal.liability",
    trigger: [
        "liab|responsib|damages|aggregate|total|in no event",
    ],
    r"\bliab\w*\b|\bresponsib\w*\b|\bdamages\b|\b(?:aggregate|total) (?:liability|amount)\b",
    r"|\bin no event\b",
);
const LIABILITY_CAP: Pattern = pattern!(
    "signal.liability_cap",
    trigger: [
        "exceed|greater of|lesser of|limited to",
        "$|usd|eur|€|£|amount|fees",
    ],
    r"\b(?:exceed|greater of|lesser of|limited to)\b[^.;]{0,60}?(?:\$|usd|eur|€|£|amount",
    r"|fees)",
);

pub(super) const PATTERNS: &[Pattern] = &[
    BINDING_ARBITRATION,
    GOVERNED_BY,
    COURTS,
    SOLE_DISCRETION,
    WITHOUT_NOTICE,
    AT_ANY_TIME,
    MAY_TERMINATE,
    MAY_REMOVE,
    MAY_CHANGE_TERMS,
    BY_USING,
    LIABILITY,
    LIABILITY_CAP,
];

/// Signals decide nothing; their names are all the model needs.
pub(super) fn decide(_found: &Found<'_>, _out: &mut Decisions) {}
