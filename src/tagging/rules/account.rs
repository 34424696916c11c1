//! Account rules: minimum age, and notice before the terms change.
//!
//! - `age_requirement`: the service sets a minimum age, is closed to minors or children, or
//!   needs a parent's consent below an age.
//! - `notice_before_changes`: the provider promises notice before changes take effect
//!   ("at least 30 days before", "no sooner than fourteen days after we post them"). A change
//!   "without notice" or notified only after the fact is not tagged.
//!
//! Known limits: an age written only as a word with no age context ("thirteen") is missed;
//! a promise of notice in one sentence and its timing in the next is missed by the first.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, number, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;

const AGE_NUMBER: Pattern = pattern!(
    "account.age_number",
    trigger: [
        "=under|below|younger|=over|above|older|least|minimum|=age|=aged|less than|year|+",
    ],
    r"\b(?:under|below|younger than|over|above|older than|at least|minimum age of|aged?",
    r"|age of|less than)\s+(?:the age of\s+)?",
    number!(),
    r"\b|\b",
    number!(),
    r"\s*(?:\+|years?(?: of age| old|-old)|or (?:older|over|above))",
);
const MINORS: Pattern = pattern!(
    "account.minors",
    trigger: [
        "child|minor|=kids|teen|adult|parent|=age",
    ],
    r"\b(?:children|child|minors?|kids|teenagers?|age of (?:majority|consent)|legal age",
    r"|full (?:legal )?age|of legal age|adults? only|age requirements?|age limits?",
    r"|age restrictions?|parental (?:consent|permission)|parent or (?:legal )?guardian",
    r"|minimum age|age verification)\b",
);
const ADVANCE_NOTICE: Pattern = pattern!(
    "account.advance_notice",
    trigger: [
        "advance|prior|before|ahead|at least",
        "notif|notice|=inform|informing|tell|alert|mail|announc|let you know|advise|post|publish|provide",
    ],
    r"\b(?:notify|notice|notification|inform|tell|alert|e-?mail|announce\w*|let you know",
    r"|advise|notif\w*|post\w*|publish\w*|provide)\b[^.;]*?\b(?:in advance|advance notice",
    r"|prior notice|before (?:the|they|it|any|such|these|those|changes?|new|revised|updated",
    r"|taking|that)|prior to (?:the|their|its|any|such|these|changes?|new|revised|updated)",
    r"|ahead of|beforehand|at least ",
    number!(),
    r" (?:calendar |business )?(?:days?|weeks?|months?))",
);
const EFFECTIVE_AFTER: Pattern = pattern!(
    "account.effective_after",
    trigger: [
        "effect|apply|applies|binding|bound|force",
        "day|week|month",
    ],
    r"\b(?:effective|take effect|takes effect|apply|applies|become binding|bound|enter into",
    r" force)\b[^.;]{0,50}?\b(?:no (?:sooner|earlier) than|not (?:until|before)|until|after",
    r"|following|within)\b[^.;]{0,30}?\b",
    number!(),
    r"\b[^.;]{0,12}?\b(?:days?|weeks?|months?)\b",
    r"|\b(?:effective|take effect|takes effect|apply|applies|become binding)\s+(?:[\w-]+\s+){0,3}?",
    number!(),
    r"\s+(?:calendar |business )?(?:days?|weeks?|months?)\s+(?:after|following|from)\b",
);
const DAYS_NOTICE: Pattern = pattern!(
    "account.days_notice",
    trigger: [
        "notice|notification|comment period|review period",
        "day|week|month|period",
    ],
    r"\b",
    number!(),
    r"(?:\s*-\s*|\s+)(?:calendar |business )?(?:days?|weeks?|months?)(?:'s?|s')?",
    r" (?:prior |advance |written |prior written |advance written |of )*(?:notice",
    r"|notification)|\b(?:comment|review) period of (?:at least )?",
    number!(),
);

pub(super) const PATTERNS: &[Pattern] =
    &[AGE_NUMBER, MINORS, ADVANCE_NOTICE, EFFECTIVE_AFTER, DAYS_NOTICE];

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    static AGE_CONTEXT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:age|aged|ages|years? old|years? of age|old|older|younger|child\w*|minors?",
            r"|kids?|teens?|adults?|majority|parents?|guardians?|birthday|born)\b",
        ))
    });
    static CHANGE_CONTEXT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:chang\w*|modif\w*|amend\w*|updat\w*|revis\w*|new (?:terms|version)",
            r"|substantial|material)\b",
        ))
    });
    static WITHOUT_NOTICE: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\bwithout (?:any )?(?:prior |advance |further )?(?:notice|notification)\b")
    });

    let aged = found.any(&AGE_NUMBER) && found.has(&AGE_CONTEXT);
    if aged || found.any(&MINORS) {
        out.add(CategoryId::AgeRequirement, if aged { 0.9 } else { 0.7 });
    }

    // "Changes will not apply until 30 days after ..." promises notice through a denial, so
    // only the open-ended notice phrase is read for negation.
    let promised =
        found.affirmed(&ADVANCE_NOTICE) || found.any(&EFFECTIVE_AFTER) || found.any(&DAYS_NOTICE);
    if promised && found.has(&CHANGE_CONTEXT) && !found.has(&WITHOUT_NOTICE) {
        out.add(CategoryId::NoticeBeforeChanges, 0.85);
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
    fn age() {
        assert!(has(
            "You must be at least 16 years old to use the app.",
            CategoryId::AgeRequirement
        ));
        assert!(has("The service is not for children under 13.", CategoryId::AgeRequirement));
        assert!(!has("Keep at least 30 days of backups.", CategoryId::AgeRequirement));
    }

    #[test]
    fn notice() {
        let text = "We will give you at least 30 days' notice before changes take effect.";
        assert!(has(text, CategoryId::NoticeBeforeChanges));
        let text = "We may change these terms at any time without notice.";
        assert!(!has(text, CategoryId::NoticeBeforeChanges));
    }
}
