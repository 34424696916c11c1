//! Money rules: automatic renewal, no refunds, price changes.
//!
//! - `auto_renewal`: a subscription renews or the reader is charged on a recurring basis until
//!   they cancel.
//! - `no_refunds`: payments are final or non-refundable, or refunds are refused. A clause that
//!   grants a refund ("you can request a refund within 30 days") is not tagged.
//! - `price_change`: the provider may change prices, fees or charges.
//!
//! Known limits: a refund window written only as a number of days ("returns accepted for 14
//! days") carries no refund word and is not recognised as a protection; "fees may vary by
//! country" is not a price change.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

const RENEWAL: Pattern = pattern!(
    "money.renewal",
    trigger: [
        "renew|automatic|recurring|occurring|periodic|repeating|continuous|charg|cancel|revoked|indefinitely",
    ],
    r"\b(?:auto(?:matic(?:ally)?)?[- ]?renew\w*|renew\w* automatically|automatic(?:ally)? be",
    r" renewed|automatic(?:ally)?",
    r" (?:be )?(?:billed|charged|bill|charge|debited|extended|continue)|(?:recurring",
    r"|re-?occurring|periodic|repeating) (?:basis|billing|charges?|payments?|fees?",
    r"|subscriptions?)|continuous(?:ly)? (?:subscription|billing)|charged?\b[^.;]{0,40}?",
    r"\b(?:each|every) (?:month|year|billing (?:period|cycle)|subscription (?:period|term)",
    r"|renewal)|until (?:you )?cancel\w*|until (?:such )?(?:authori[sz]ation )?(?:is )?",
    r"(?:timely )?(?:cancel\w*|revoked)|continue[sd]? (?:indefinitely|until (?:you )?",
    r"cancel\w*)|(?:will|shall|would) (?:then )?(?:be )?renew(?:ed|s)?|renew\w* (?:for|at)",
    r" (?:\w+ ){0,3}?(?:successive|additional|subsequent|consecutive|further|equal|another",
    r"|then[- ]current))\b",
);
/// The plan goes on unless the reader acts in time: "unless you cancel before the end of the
/// term", "rolls over into a new month".
const UNLESS_CANCELLED: Pattern = pattern!(
    "money.unless_cancelled",
    trigger: [
        "unless|roll",
        "cancel|terminat|turn off|over",
    ],
    r"\bunless (?:you )?(?:\w+ )?(?:cancel\w*|terminat\w*|turn off)\b[^.;]{0,40}?",
    r"\b(?:before|prior to|at least)\b|\brolls? over (?:into|to|for) (?:a |an |another )?",
    r"(?:new )?(?:\w+ )?(?:term|period|month|year|subscription)\b",
);
const NON_REFUNDABLE: Pattern = pattern!(
    "money.non_refundable",
    trigger: [
        "refund|returnable|final",
    ],
    r"\bnon-?refundable\b|\bnon-?returnable\b|\bno (?:\w+ )?refunds?\b|\brefunds? (?:will|shall",
    r"|are|is) not\b|\bnot (?:be )?refundable\b|\ball (?:sales|purchases|payments) (?:are )?",
    r"final\b|\bnot (?:be )?(?:eligible|entitled) (?:for|to) (?:a |any )?(?:\w+ )?refund",
    r"|\bwithout (?:a |any )?refund",
);
const REFUND: Pattern = pattern!(
    "money.refund",
    trigger: [
        "refund",
    ],
    r"\brefund\w*",
);
const PRICE_CHANGE: Pattern = pattern!(
    "money.price_change",
    trigger: [
        "price|pricing|fee|charge|=rate|=rates|tariff",
        "chang|modif|adjust|increas|revis|rais|amend|alter|establish|introduc",
    ],
    r"\b(?:change|changes|changing|modify|modif\w+|adjust\w*|increas\w*|revis\w*|rais\w*",
    r"|amend\w*|alter\w*|establish\w*|introduc\w*)\b[^.;]{0,60}?\b(?:prices?|pricing|fees?",
    r"|charges?|rates?|subscription (?:price|fee)s?|tariffs?)\b",
    r"|\b(?:prices?|pricing|fees?|charges?|rates?)\b[^.;]{0,60}?\b(?:(?:may|might|can|could",
    r"|will|are subject to|is subject to|subject to)\s+(?:\w+\s+){0,2}?(?P<at2>change",
    r"|be changed|be modified|be adjusted|be increased|be revised))\b",
);

pub(super) const PATTERNS: &[Pattern] =
    &[RENEWAL, UNLESS_CANCELLED, NON_REFUNDABLE, REFUND, PRICE_CHANGE];

static BILLING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:subscri\w*|renew\w*|charg\w*|bill\w*|payments?|fees?|plans?|membership",
        r"|credit card|debit\w*|price|paid)\b",
    ))
});

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    let renews = found.affirmed(&RENEWAL) || found.affirmed(&UNLESS_CANCELLED);
    if renews && found.has(&BILLING) {
        out.add(CategoryId::AutoRenewal, 0.85);
    }

    let refused = found.at(&NON_REFUNDABLE).iter().any(|(_, stance)| !stance.negated)
        || found.negated(&REFUND);
    if refused {
        out.add(CategoryId::NoRefunds, 0.9);
    }

    if found.affirmed(&PRICE_CHANGE) && !reader_sets_price(found.text) {
        out.add(CategoryId::PriceChange, 0.8);
    }
}

/// The reader sets or changes their own prices (a seller on a marketplace), or changes
/// their plan: not the provider changing what the reader pays.
fn reader_sets_price(text: &str) -> bool {
    static READER_PRICES: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\byou (?:may |can )?(?:change|set|adjust|modify|upgrade|downgrade) (?:your|the)")
    });
    READER_PRICES.is_match(text)
}

#[cfg(test)]
mod tests {
    use crate::categories::CategoryId;
    use crate::tagging::rules::evaluate;

    fn has(text: &str, category: CategoryId) -> bool {
        evaluate(text).confidence(category).is_some()
    }

    #[test]
    fn renewal() {
        assert!(has("Your subscription renews automatically each month.", CategoryId::AutoRenewal));
        assert!(!has("Subscriptions do not renew automatically.", CategoryId::AutoRenewal));
        let text =
            "Your plan will renew for successive one-year terms unless you cancel before then.";
        assert!(has(text, CategoryId::AutoRenewal));
        assert!(!has("You may renew your membership at the desk.", CategoryId::AutoRenewal));
    }

    #[test]
    fn refunds() {
        assert!(has("All fees are non-refundable.", CategoryId::NoRefunds));
        assert!(has("We will not refund any fees already paid.", CategoryId::NoRefunds));
        assert!(!has("You can request a refund within 30 days.", CategoryId::NoRefunds));
    }

    #[test]
    fn prices() {
        assert!(has("We may change our prices at any time.", CategoryId::PriceChange));
        assert!(!has("We will not change the price during your term.", CategoryId::PriceChange));
    }
}
