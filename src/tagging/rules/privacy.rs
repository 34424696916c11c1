//! Privacy rules: data sharing and sale, retention, deletion rights, tracking.
//!
//! - `data_sharing`: personal data goes to others (third parties, partners, authorities, a
//!   buyer of the business). A denial ("we do not share ...") removes it unless its exception
//!   lets data out to someone the reader did not choose ("except to our partners").
//! - `no_data_sale`: a denial of selling, renting or trading the reader's data.
//! - `data_retention`: data kept, kept after deletion, kept for an open-ended period, or not
//!   deletable.
//! - `data_deletion_right`: the reader can delete their data or ask for its erasure.
//! - `tracking`: cookies, pixels, analytics, fingerprinting, referrer logging, ignored
//!   "do not track" signals. Reader controls ("you can block cookies") and denials ("we use no
//!   cookies") do not count.
//!
//! Known limits: the data being shared is recognised by a word list (`data`, `information`,
//! `details`, ...), so "we share what you post with advertisers" is missed; a sale opt-out link
//! ("Do Not Sell My Personal Information") is neither a sale nor a promise and is left alone.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, personal_data, Decisions, Found, Pattern};
use crate::categories::CategoryId;
use crate::tagging::scope;

macro_rules! party {
    () => {
        concat!(
            r"(?:third[- ]?part(?:y|ies)|(?:\w+ )?partners?|advertis(?:ers?|ing networks?",
            r"|ing companies|ing partners)|affiliat(?:es?|ed (?:companies|entities))",
            r"|subsidiar(?:y|ies)|(?:other |outside |unaffiliated |external )?compan(?:y|ies)",
            r"|organi[sz]ations?|service providers?|providers|vendors?|suppliers?|contractors?",
            r"|law enforcement|government\w*|authorit(?:y|ies)|public bod(?:y|ies)|regulators?",
            r"|police|courts?|buyers?|purchasers?|successors?|acquirers?|data brokers?",
            r"|marketers?|research(?:ers| organi[sz]ations)?|others|anyone|anybody|any other",
            r"|other (?:users|members|entities|parties|people|organi[sz]ations|businesses)",
            r"|the public|sponsors?|resellers?|merchants?|processors?|recipients?|agencies",
            r"|3rd part(?:y|ies)|associations?|entit(?:y|ies)|group companies|members of",
            r"|facebook|google|amazon|microsoft|social (?:media|networks?)|employees)",
        )
    };
}

const SHARE_TO: Pattern = pattern!(
    "privacy.share_to",
    trigger: [
        "shar|disclos|sell|sold|rent|leas|trad|transfer|provid|releas|pass|send|sent|transmit|available|giv|communicat|hand|report|reveal|sublicens|suppl|furnish|exchang|unveil|forward",
        "third|partner|advertis|affiliat|subsidiar|compan|organi|provider|vendor|supplier|contractor|enforcement|government|authorit|public bod|regulator|police|court|buyer|purchaser|successor|acquir|broker|marketer|research|others|anyone|anybody|any other|other |the public|sponsor|reseller|merchant|processor|recipient|agencies|facebook|google|amazon|microsoft|social|employee|3rd part|association|entit|members of",
    ],
    r"\b(?:shar|disclos|sell|sold|rent|leas|trad|transfer|provid|releas|pass|send|sent|transmit",
    r"|mak\w* available|giv|communicat|hand\w* over|report|reveal|sublicens|supply|furnish",
    r"|exchang|unveil|forward)\w*\b[^.;]*?\b(?:with|to)\b(?:\s+[\w'-]+){0,3}?\s+",
    party!(),
);
const PASSIVE: Pattern = pattern!(
    "privacy.passive_share",
    trigger: [
        "shared|disclosed|sold|rented|leased|traded|transferred|provided|released|passed|made available|given|transmitted|communicated|handed over|revealed|exchanged|sublicensed",
        "data|information|info|detail|content|mail address|identifier|record|history|message|file|profile|contact|location|photo|list|personal|=it|them",
    ],
personal_data!(),
    r"\b[^.;]*?\b(?:is|are|be|been|being|get|gets)\s+(?:[\w,-]+\s+){0,3}?(?P<at>shared|disclosed",
    r"|sold|rented|leased|traded|transferred|provided|released|passed|made available|given",
    r"|transmitted|communicated|handed over|revealed|exchanged|sublicensed)\b",
);
const WE_SHARE: Pattern = pattern!(
    "privacy.we_share",
    trigger: [
        "share|disclose|sell|rent|transfer|release",
        "data|information|info|detail|content|mail address|identifier|record|history|message|file|profile|contact|location|photo|list|personal|=it|them",
    ],
    r"\b(?:we|us)\b[^.;]{0,40}?\b(?P<at>share|disclose|sell|rent|transfer|release)\w*\b[^.;]{0,60}?",
    personal_data!(),
);
const SELL_DATA: Pattern = pattern!(
    "privacy.sell_data",
    trigger: [
        "sell|sold|rent|lease|trad|moneti|sale of",
        "data|information|info|detail|content|mail address|identifier|record|history|message|file|profile|contact|location|photo|list|personal|=it|them|detail",
    ],
    r"\b(?:sell|sells|selling|sold|rent|rents|renting|rented|lease|leases|leasing|trade|trades",
    r"|trading|monetiz\w*|monetis\w*|sale of)\b[^.;]{0,100}?\b(?:",
    personal_data!(),
    r"|it|them|lists?|details)\b",
);
const SOLD_PASSIVE: Pattern = pattern!(
    "privacy.sold_passive",
    trigger: [
        "sold|rented|leased|traded|monetized|monetised",
        "data|information|info|detail|content|mail address|identifier|record|history|message|file|profile|contact|location|photo|list|personal|=it|them",
    ],
personal_data!(),
    r"\b[^.;]*?\b(?:is|are|be|been|being|get|gets)\s+(?:[\w,-]+\s+){0,3}?(?P<at>sold|rented|leased",
    r"|traded|monetized|monetised)\b",
);
const BUSINESS_TRANSFER: Pattern = pattern!(
    "privacy.business_transfer",
    trigger: [
        "merge|acqui|bankrupt|reorgani|insolven|change|sale of|sale or transfer|asset sale|divest|business transition|corporate|dissolution|liquidation|transferred|new owner|successor",
    ],
    r"\b(?:mergers?|merge[sd]?|acquisitions?|acquired|bankrupt\w*|reorgani[sz]\w*",
    r"|insolvenc\w*|change (?:of|in) (?:control|ownership)|sale (?:of|or transfer of)",
    r"|changes? (?:in|to|of) (?:our |the )?(?:business|corporate) (?:structure|ownership)",
    r"|new owners?|successor entit\w*",
    r" (?:all|some|substantially|part|a portion|any portion|our|its|the company|the business",
    r"|assets|company)|asset sale|divest\w*|business transition|corporate (?:transaction",
    r"|sale|change|restructuring)|dissolution|liquidation|transferred (?:business )?assets)\b",
);
const THIRD_PARTY_COLLECT: Pattern = pattern!(
    "privacy.third_party_collect",
    trigger: [
        "collect|receiv|obtain|access|gather",
        "third|advertiser|network|partner|provider|compan",
    ],
    r"\b(?:third[- ]?part(?:y|ies)|advertisers|(?:ad|advertising|analytics) (?:networks|partners",
    r"|providers|companies)|partners)\b\s+(?:[\w-]+\s+){0,3}?",
    r"(?P<at>collect|receive|obtain|access|gather|have access)\w*\b",
);

const MAY_DISCLOSE: Pattern = pattern!(
    "privacy.may_disclose",
    trigger: [
        "may|might|can|will|could|reserve|entitled|have|has|had|we've",
        "share|shar|disclos|unveil|reveal|releas|transfer|sell|sold|pass|hand",
    ],
    r"\b(?:may|might|can|will|could|reserve the right to|are entitled to)\s+(?:also\s+)?",
    r"(?:[\w,]+\s+){0,4}?(?P<at>share|disclose|unveil|reveal|release|transfer|sell|pass on",
    r"|hand over)\b|\b(?:have|has|had|we've)\s+(?:[\w,]+\s+){0,3}?(?P<at2>shared|disclosed",
    r"|sold|transferred)\b",
);
const LOGS: Pattern = pattern!(
    "privacy.logs",
    trigger: [
        "log",
    ],
    r"\b(?:log files?|log data|server logs?|access logs?|activity logs?|logs)\b",
);
const RETAIN: Pattern = pattern!(
    "privacy.retain",
    trigger: [
        "retain|retention|keep|kept|stor|preserv|maintain|hold|held|archiv",
    ],
    r"\b(?:retain|retains|retained|retaining|retention|keep|keeps|kept|keeping|store|stores",
    r"|stored|storing|preserve[sd]?|preserving|maintain|maintains|maintained|hold|holds|held",
    r"|archive[sd]?|archiving)\b",
);
const AFTER_DELETION: Pattern = pattern!(
    "privacy.after_deletion",
    trigger: [
        "after|following|despite|even if|even when|once|when|upon",
        "delet|clos|terminat|cancel|remov|eras|deactivat|request|no longer",
    ],
    r"\b(?:after|even after|following|despite|even if|even when|once|when|upon)\b[^.;]{0,40}?",
    r"\b(?:delet|clos|terminat|cancel|remov|eras|deactivat|request|no longer)\w*",
);
const CANNOT_DELETE: Pattern = pattern!(
    "privacy.cannot_delete",
    trigger: [
        "not|unable|can|won't|possible|deletion|declin",
        "delet|remov|eras|purg|request",
    ],
    r"\b(?:not|unable to|cannot|can't|won't)\b[^.;]{0,25}?\b(?:delete|remove|erase|purge)\b",
    r"|\bnot (?:always )?(?:be )?possible to (?:completely |fully |entirely )?(?:delete|remove",
    r"|erase)|\bdeletion (?:will|does|may) not\b|\bdecline (?:your |such |the |these )?",
    r"(?:deletion )?requests\b|\bmay not be (?:completely |fully )?(?:deleted|removed|erased)\b",
);
const REMAINS: Pattern = pattern!(
    "privacy.remains",
    trigger: [
        "remain|persist|surviv|backup|residual|permanently|indefinite|as long as|undefined|unlimited|indeterminate|retention period",
    ],
    r"\b(?:remain|remains|persist|persists|survive|survives)\b[^.;]{0,60}?\b(?:records|systems",
    r"|servers|backups?|archives|databases?|logs|storage|cached|visible|viewable|available)\b",
    r"|\bbackup (?:copies|storage|systems|media|tapes|servers)\b|\bresidual (?:copies|data",
    r"|information)\b|\bpermanently (?:available|stored|archived|recorded)\b|\bindefinitely\b",
    r"|\bas long as (?:is |it is )?(?:necessary|needed|required|reasonably|permitted|we )",
    r"|\b(?:undefined|unlimited|indeterminate|indefinite) (?:period|time)\b",
    r"|\bretention periods?\b",
);

const READER_DELETES: Pattern = pattern!(
    "privacy.reader_deletes",
    trigger: [
        "=you|user|individual|data subject|consumer|resident",
        "delet|eras|remov|forgotten",
    ],
    r"\b(?:you|users?|individuals?|data subjects?|consumers?|residents?)\b[^.]{0,80}?\b(?:can",
    r"|may|could|are able to|be able to|have the right|has the right|rights? (?:to|of)|are entitled",
    r"|is entitled|option to|free to|able to|at any time|request|ask|ability)\b[^.]{0,100}?",
    r"\b(?P<at>delet\w*|eras\w*|remov\w*|be forgotten)",
    r"|\b(?:allow|allows|let|lets|enable|enables|permit|permits|help|helps) (?:you|users?)",
    r"\b[^.;]{0,50}?\b(?P<at2>delet\w*|eras\w*)",
);
/// The reader is the one who deletes, in the passive: "posts can be deleted by their author
/// at any time".
const DELETED_BY_READER: Pattern = pattern!(
    "privacy.deleted_by_reader",
    trigger: [
        "deleted|erased|removed",
        "by you|by the user|by users|by its|by their|by yourself|your settings|your account settings|your profile",
    ],
    r"\b(?:can|may|could)\s+(?:\w+\s+)?be\s+(?:\w+\s+){0,2}?(?P<at>deleted|erased|removed)\b",
    r"[^.;]{0,40}?\b(?:by (?:you|the user|users|its (?:author|owner|creator)|their (?:authors?",
    r"|owners?|creators?)|yourself)|(?:in|from|through|via) your (?:account )?(?:settings|profile))",
    r"\b",
);

/// The data goes when the reader closes the account or asks: "when your account is closed,
/// your data is deleted".
const DELETED_WHEN_CLOSED: Pattern = pattern!(
    "privacy.deleted_when_closed",
    trigger: [
        "deleted|erased|purged|destroyed",
        "clos|request|ask|cancel|you delete|delete your|terminat",
    ],
    r"\b(?:account|data|information|content|profile)s?\b[^.;]{0,60}?\b(?:is|are|will be",
    r"|shall be|gets?|get|be)\s+(?:\w+\s+){0,2}?(?P<at>deleted|erased|purged|destroyed)\b",
);
const RIGHT_TO_ERASURE: Pattern = pattern!(
    "privacy.right_to_erasure",
    trigger: [
        "erasure|deletion|forgotten|delete|erase",
        "right|erasure",
    ],
    r"\bright (?:to|of) (?:\w+ ){0,4}?(?:erasure|deletion|be forgotten|delet\w*|eras\w*)\b",
    r"|\bright to erasure\b|\berasure\b|\bright to be forgotten\b",
);
const REQUEST_DELETION: Pattern = pattern!(
    "privacy.request_deletion",
    trigger: [
        "request|ask|contact|deletion|erasure|have|get|want|wish|like",
        "delet|eras|remov",
    ],
    r"\b(?:request|ask|contact)\w*\b[^.;]{0,50}?\b(?:delet|eras)\w*|\b(?:deletion|erasure)",
    r" (?:request|of your)\b|\b(?:have|get|want|wish|like) (?:your|their|it|them|my)",
    r" (?:[\w-]+ ){0,3}?(?:to be )?(?:deleted|erased|removed)\b",
);
const DELETE_YOUR: Pattern = pattern!(
    "privacy.delete_your",
    trigger: [
        "delet|eras|remov|clos",
        "your|my|their",
    ],
    r"\b(?P<at>delet|eras|remov|clos)\w*,? (?:[\w,]+ ){0,3}?(?:your|my|their)",
    r" (?:[\w-]+ ){0,2}?(?:account|data|information|profile|content|feedback|posts?",
    r"|messages?|materials?)\b",
);
const DELETED_ON_REQUEST: Pattern = pattern!(
    "privacy.deleted_on_request",
    trigger: [
        "delete|erase|remove",
        "request|ask|no longer want|close|delete your",
    ],
    r"\bwe\b[^.;]{0,30}?\b(?:will|shall)\b[^.;]{0,20}?\b(?:delete|erase|remove)\b[^.;]*?",
    r"\b(?:request|ask|no longer want|close|delete your account)",
    r"|\bwhen you delete your (?:\w+ )?account\b[^.;]*?\b(?:deleted|erased|removed)\b",
);

const TRACKING_TECH: Pattern = pattern!(
    "privacy.tracking_tech",
    trigger: [
        "cookie|beacon|pixel|clear gif|web bug|tracking|local shared|local storage|sdk|software development kit|fingerprint|device id|advertising id|mobile identifier|script|analytics|matomo|piwik|mixpanel|amplitude|hotjar|fullstory|tag manager|remarketing|retargeting|re-targeting|interest-based|interest based|behavioral|behavioural|targeted ad|targeted advert|personalized ad|personalised ad|personalized advert|personalised advert|tailored ad|tailored advert|ad network|advertising network|social|session replay",
    ],
    r"\b(?:cookies?|web ?beacons?|pixel tags?|tracking pixels?|pixels?|clear gifs?|web bugs?",
    r"|tracking (?:technolog\w*|tools?|codes?|scripts?|tags?|devices?|mechanisms?)",
    r"|local (?:shared objects|storage)|sdks?|software development kits?|fingerprint\w*",
    r"|device (?:ids?|identifiers?)|advertising (?:ids?|identifiers?)|mobile identifiers",
    r"|tags? (?:and|or) scripts|(?:google|adobe) analytics|analytics (?:tools?|services?",
    r"|providers?|partners?|cookies?|companies|software|platforms?|technolog\w*|programs?)",
    r"|web analytics|matomo|piwik|mixpanel|amplitude|hotjar|fullstory|google tag manager",
    r"|facebook pixel|meta pixel|remarketing|retargeting|re-targeting|interest[- ]based",
    r" (?:ads|advertising)|behaviou?ral (?:ads|advertising|targeting)|targeted (?:ads",
    r"|advertising)|personali[sz]ed (?:ads|advertising|advertisements)|tailored (?:ads",
    r"|advertising)|ad networks?|advertising networks?|social (?:media )?(?:plugins?|widgets",
    r"|buttons)|session replay)\b",
);
const DNT_RESPONSE: Pattern = pattern!(
    "privacy.dnt_response",
    trigger: [
        "dnt|signal|header|preference|mechanism|request|setting",
        "respond|honou|honor|recogni|support|respect|comply|alter|process|follow|obey|react|act|accommodat",
    ],
    r"\b(?:respond|honou?r|recogni[sz]e|support|respect|comply|alter|process|follow|obey",
    r"|react|act|accommodate)\w*\b[^.;]{0,50}?\b(?:dnt|(?:such|these|those|this|the|that)",
    r" (?:signals?|requests?|headers?|settings?|preferences?|mechanisms?))\b",
    r"|\bdnt\b[^.;]{0,50}?\b(?:are|is) (?:not )?(?P<at2>honou?red|respected|recogni[sz]ed",
    r"|supported)",
);
const DNT_IGNORED: Pattern = pattern!(
    "privacy.dnt_ignored",
    trigger: [
        "dnt",
        "ignor",
    ],
    r"\bignor\w*\b[^.;]{0,30}?\bdnt\b|\bdnt\b[^.;]{0,40}?\bignored\b",
);
const REFERRER: Pattern = pattern!(
    "privacy.referrer",
    trigger: [
        "referr|came from|visit|exit page",
    ],
    r"\breferr(?:ing|er|al)\b[^.;]{0,20}?\b(?:urls?|pages?|sites?|websites?|domains?|links?",
    r"|source)\b|\b(?:site|website|page|url|app)s? (?:that )?you (?:came from|visit\w*",
    r" (?:before|prior|after|immediately)|were referred)",
    r"|\bexit pages\b",
);
const AUTO_COLLECT: Pattern = pattern!(
    "privacy.auto_collect",
    trigger: [
        "automatic|log data|log file|log information|server log|ip address",
    ],
    r"\bautomatic(?:ally)?\b[^.;]{0,40}?\b(?:collect|receive|record|log|gather|capture|obtain",
    r"|transmit|sends?)\w*|\b(?:collect|record|log|gather|capture)\w*[^.;]{0,30}?",
    r"\bautomatic(?:ally)?\b|\blog (?:data|files|information)\b|\bserver logs?\b",
    r"|\bip address(?:es)?\b[^.;]{0,80}?\b(?:browser|device|operating system)\b",
);
const TRACK_VERB: Pattern = pattern!(
    "privacy.track",
    trigger: [
        "track",
    ],
    r"\btrack(?:s|ed|ing)?\b(?:\s+[\w'-]+){0,3}",
);
const CROSS_SITE: Pattern = pattern!(
    "privacy.cross_site",
    trigger: [
        "other |different |third|multiple |affiliated |off |outside ",
        "site|=app|=apps|application|service|domain|device|platform",
    ],
    r"\b(?:across|on|over|to) (?:other|different|third[- ]party|multiple|unaffiliated",
    r"|non-affiliated) (?:websites?|sites|apps|applications|services|domains|devices",
    r"|platforms)\b|\b(?:off|outside) (?:of )?(?:our|the) (?:services?|sites?|platform)\b",
);

pub(super) const PATTERNS: &[Pattern] = &[
    SHARE_TO,
    PASSIVE,
    WE_SHARE,
    SELL_DATA,
    SOLD_PASSIVE,
    BUSINESS_TRANSFER,
    THIRD_PARTY_COLLECT,
    MAY_DISCLOSE,
    LOGS,
    RETAIN,
    AFTER_DELETION,
    CANNOT_DELETE,
    REMAINS,
    READER_DELETES,
    RIGHT_TO_ERASURE,
    REQUEST_DELETION,
    DELETED_ON_REQUEST,
    DELETED_WHEN_CLOSED,
    DELETED_BY_READER,
    DELETE_YOUR,
    TRACKING_TECH,
    DNT_RESPONSE,
    DNT_IGNORED,
    REFERRER,
    AUTO_COLLECT,
    TRACK_VERB,
    CROSS_SITE,
];

static DATA_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:personal|personally|customer|user|users'|member|visitor)\b|\b",
        personal_data!(),
        r"\b"
    ))
});
static QUESTION: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(
        r"^\s*(?:do|does|did|will|would|can|could|may|how|what|who|whom|which|why|when)\b.*\?\s*$",
    )
});

pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    if QUESTION.is_match(found.text) {
        return;
    }
    decide_sharing(found, out);
    decide_sale(found, out);
    decide_retention(found, out);
    decide_deletion(found, out);
    decide_tracking(found, out);
}

/// The reader is the one bound ("you may not sell or share the service"): a duty, not a
/// practice of the provider.
fn reader_is_subject(before: &str) -> bool {
    static READER_DUTY: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:you|users?)\s+(?:\w+\s+)?(?:may|must|shall|will|agree|can|are|should",
            r"|won't|cannot)\b|\bprohibited\b|\bnot (?:to|permitted|allowed)\b",
        ))
    });
    READER_DUTY.is_match(before)
}

fn decide_sharing(found: &Found<'_>, out: &mut Decisions) {
    let sharing = [&SHARE_TO, &PASSIVE, &WE_SHARE, &SELL_DATA, &THIRD_PARTY_COLLECT, &MAY_DISCLOSE];
    if !found.any_of(&sharing) && !found.any(&BUSINESS_TRANSFER) {
        return;
    }
    static TRANSFER_EVENT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:transfer\w*|shar\w*|disclos\w*|pass\w*|sold|sell\w*|acquir\w*)\b",
            r"|\b(?:in the event|in connection with|as part of|if we (?:are|go|undergo)|should we)\b",
        ))
    });
    static ASSIGNMENT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\bassign\w*\b[^.;]*\b(?:terms|agreement|rights|obligations|contract)\b")
    });

    let text = found.text;
    let data = found.has(&DATA_WORD);
    let business_event = found.at(&BUSINESS_TRANSFER).iter().any(|(_, stance)| !stance.negated);
    if business_event && !found.has(&ASSIGNMENT) && (data || found.has(&TRANSFER_EVENT)) {
        out.add(CategoryId::DataSharing, 0.8);
        return;
    }
    if !data {
        return;
    }

    let direct = [&SHARE_TO, &PASSIVE, &WE_SHARE, &SELL_DATA, &THIRD_PARTY_COLLECT, &MAY_DISCLOSE];
    for pattern in direct {
        for (range, stance) in found.at(pattern) {
            let before = scope::segment_before(text, range.start);
            if reader_is_subject(before)
                || (!stance.negated && encloses_denial(found, &direct, range))
            {
                continue;
            }
            if stance.affirmed() || leaky_denial(text, range.end, stance) {
                out.add(CategoryId::DataSharing, 0.85);
                return;
            }
        }
    }
}

/// A match that runs over a denied one is the denied phrase read from too early: in "when
/// Acme shares your information, Acme does not sell it to third parties" the match from
/// "shares" to "third parties" holds the denied "sell it".
fn encloses_denial(
    found: &Found<'_>,
    patterns: &[&Pattern],
    outer: &std::ops::Range<usize>,
) -> bool {
    patterns.iter().flat_map(|pattern| found.at(pattern)).any(|(inner, stance)| {
        stance.negated && inner.start > outer.start && inner.start < outer.end
    })
}

/// A denial whose exception lets data out anyway ("we never share it, except with our
/// advertising partners").
fn leaky_denial(text: &str, end: usize, stance: &scope::Stance) -> bool {
    if !stance.negated || !stance.excepted {
        return false;
    }
    static RECIPIENT: LazyLock<AsciiRegex> = LazyLock::new(|| helper(concat!(r"\b", party!())));

    scope::exception_after(scope::sentence_after(text, end)).is_some_and(|exception| {
        !scope::benign_exception(exception) && RECIPIENT.is_match(exception)
    })
}

fn decide_sale(found: &Found<'_>, out: &mut Decisions) {
    if !found.any_of(&[&SELL_DATA, &SOLD_PASSIVE, &SHARE_TO, &WE_SHARE, &PASSIVE]) {
        return;
    }
    static SALE_OPT_OUT_LINK: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\bdo not sell (?:or share )?my\b|\bopt[- ]?out of (?:the )?sale")
    });

    let text = found.text;
    if found.has(&SALE_OPT_OUT_LINK) {
        return;
    }
    for pattern in [&SELL_DATA, &SOLD_PASSIVE] {
        for (range, stance) in found.at(pattern) {
            let before = scope::segment_before(text, range.start);
            if stance.negated
                && !reader_is_subject(before)
                && !leaky_denial(text, range.end, stance)
            {
                out.add(CategoryId::NoDataSale, 0.9);
                return;
            }
        }
    }

    // Not sharing at all, with no exception, rules out selling too.
    for pattern in [&SHARE_TO, &WE_SHARE, &PASSIVE] {
        for (range, stance) in found.at(pattern) {
            let before = scope::segment_before(text, range.start);
            if stance.negated && !stance.excepted && !reader_is_subject(before) {
                out.add(CategoryId::NoDataSale, 0.7);
                return;
            }
        }
    }
}

fn decide_retention(found: &Found<'_>, out: &mut Decisions) {
    if !found.any_of(&[&RETAIN, &AFTER_DELETION, &CANNOT_DELETE, &REMAINS, &LOGS]) {
        return;
    }
    static KEPT_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:retain\w*|keep\w*|kept|stor\w*|remain\w*|continu\w*|preserv\w*|maintain\w*",
            r"|cop(?:y|ies)|backups?|archiv\w*|still|logs?)\b",
        ))
    });
    static DEVICE_STORAGE: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:stored?|stores|placed|saved?|kept) (?:locally )?(?:on|in) (?:your|the user's",
            r"|a user's|the) (?:device|computer|browser|hard drive|terminal)",
            r"|\bkeep (?:you|your account|it) (?:safe|secure|signed|logged)|\bkeep in mind\b",
            r"|\bkeep (?:your|the) (?:password|credentials)",
        ))
    });

    static KEPT_OBJECT: LazyLock<AsciiRegex> =
        LazyLock::new(|| helper(r"\b(?:copies|videos|backups?|logs?|archives?|posts|accounts?)\b"));

    if found.has(&DEVICE_STORAGE) && !found.any(&CANNOT_DELETE) {
        return;
    }
    let data = found.has(&DATA_WORD);
    let kept = (data || found.has(&KEPT_OBJECT)) && keeps_something(found);
    let logged = found.affirmed(&LOGS);
    let after_deletion = found.any(&AFTER_DELETION) && found.has(&KEPT_WORD);
    let undeletable = found.at(&CANNOT_DELETE).iter().any(|(_, stance)| !stance.negated);
    let lingering = data && found.at(&REMAINS).iter().any(|(_, stance)| !stance.negated);

    if undeletable || (after_deletion && (data || found.affirmed(&RETAIN))) {
        out.add(CategoryId::DataRetention, 0.85);
    } else if kept || lingering || logged {
        out.add(CategoryId::DataRetention, 0.7);
    }
}

/// A retention word asserted of something other than ownership: "you keep ownership of
/// your content" and "we retain all rights" say who owns, not what is stored; "hold us
/// harmless" is an indemnity.
fn keeps_something(found: &Found<'_>) -> bool {
    static OWNERSHIP: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"^\s+(?:all |full |any |sole |the |exclusive )*(?:of )?(?:your |their |its |our )?",
            r"(?:\w+ )?(?:ownership|owner|rights?|title|copyrights?|intellectual property",
            r"|control|responsibility)\b|^\s+(?:[\w,]+\s+){0,12}?harmless\b",
        ))
    });
    found
        .at(&RETAIN)
        .iter()
        .any(|(range, stance)| stance.affirmed() && !OWNERSHIP.is_match(&found.text[range.end..]))
}

fn decide_deletion(found: &Found<'_>, out: &mut Decisions) {
    let deletion = [&READER_DELETES, &RIGHT_TO_ERASURE, &REQUEST_DELETION, &DELETED_ON_REQUEST];
    let more = [&DELETE_YOUR, &DELETED_WHEN_CLOSED, &DELETED_BY_READER];
    if !found.any_of(&deletion) && !found.any_of(&more) {
        return;
    }
    static ABOUT_COOKIES: LazyLock<AsciiRegex> =
        LazyLock::new(|| helper(r"\bcookies?\b|\bbrowsing history\b|\bcache\b"));
    static READER_LOSES: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(
            r"\bwe\b[^.;]{0,30}\b(?:may|can|reserve|might)\b[^.;]{0,30}\b(?:delete|remove|close)",
        )
    });

    if found.has(&ABOUT_COOKIES) {
        return;
    }
    // Deleting is itself a control the reader holds, so only a denial counts against it; the
    // reader's own deletion named as the moment something else happens ("we keep it even
    // after you close your account") grants nothing.
    let stated = |pattern: &Pattern| found.at(pattern).iter().any(|(_, stance)| !stance.negated);
    let rights = [&RIGHT_TO_ERASURE, &REQUEST_DELETION, &DELETED_ON_REQUEST];
    let deleted = found.at(&DELETED_WHEN_CLOSED).iter().any(|(_, stance)| !stance.negated);
    // "We retain it for a year after your account is closed, before it is deleted" is
    // retention, not a deletion the reader gets.
    let on_closing =
        deleted && found.has(&CLOSING) && !found.has(&READER_LOSES) && !found.affirmed(&RETAIN);
    let by_right = rights.iter().any(|pattern| stated(pattern)) || on_closing;
    let reader_deletes = stated(&DELETED_BY_READER)
        || found
            .at(&READER_DELETES)
            .iter()
            .any(|(range, stance)| !stance.negated && !names_a_moment(&found.text[..range.start]));
    let own_deletion = found.at(&DELETE_YOUR).iter().any(|(range, stance)| {
        let before = &found.text[..range.start];
        !stance.negated && !names_a_moment(before) && !provider_acts(before)
    });
    let by_reader = (reader_deletes || own_deletion) && !found.has(&READER_LOSES);
    if by_right || by_reader {
        out.add(CategoryId::DataDeletionRight, 0.85);
    }
}

/// The reader closing or deleting the account, or asking: the occasion on which data that
/// "is deleted" goes because the reader wants it gone.
static CLOSING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:clos\w*|cancel\w*|terminat\w*|deactivat\w*) (?:of )?(?:your|the|their|an?|my)",
        r" (?:\w+ )?account\b|\baccount (?:is |has been |gets )?(?:closed|cancell?ed|deactivated",
        r"|deleted)|\byou (?:\w+ )?delete|\bdelete (?:your|the|their|my) (?:\w+ )?account",
        r"|\b(?:your|upon|on|at your|following (?:a|your)|receipt of (?:a|your)) request\b",
    ))
});

/// The last one who may or will act before a phrase is someone other than the reader: "Acme
/// may suspend your access or delete your account" is the provider's power, not the
/// reader's right.
fn provider_acts(before: &str) -> bool {
    static ACTOR: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b([\w']+)\s+(?:also\s+|then\s+|still\s+)?(?:may|can|might|will|shall|could",
            r"|reserves? the right to|is entitled to|has the right to)\b",
        ))
    });
    // "We keep it until you delete your account": the reader is the subject again.
    static READER_AGAIN: LazyLock<AsciiRegex> = LazyLock::new(|| helper(r"\b(?:you|users?)\b"));
    const READER: [&str; 9] =
        ["you", "users", "user", "member", "members", "customer", "customers", "i", "you'll"];

    let sentence = before.rfind(['.', ';']).map_or(before, |stop| &before[stop + 1..]);
    ACTOR.captures_iter(sentence).last().is_some_and(|found| {
        let actor = found.get(1).map_or("", |word| word.as_str());
        let rest = &sentence[found.get(0).map_or(0, |whole| whole.end())..];
        // "It can be viewed or deleted from your account": a passive leaves the actor open.
        let passive = rest.trim_start().starts_with("be ");
        !READER.contains(&actor) && !READER_AGAIN.is_match(rest) && !passive
    })
}

/// The text before a phrase ends with a word that makes the phrase a moment ("after", "even
/// when", "once"), not an ability.
fn names_a_moment(before: &str) -> bool {
    static MOMENT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\b(?:after|once|when|whenever|upon|following|before|until|since|despite|even if)",
            r"\s+(?:\w+\s+){0,2}$",
        ))
    });
    MOMENT.is_match(before)
}

fn decide_tracking(found: &Found<'_>, out: &mut Decisions) {
    let tracking = [&TRACKING_TECH, &DNT_RESPONSE, &DNT_IGNORED, &REFERRER, &AUTO_COLLECT];
    if !found.any_of(&tracking) && !found.any_of(&[&TRACK_VERB, &CROSS_SITE]) {
        return;
    }
    static NOT_TRACKING_YOU: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r"\btrack(?:s|ed|ing)? (?:your |the |an? )?(?:orders?|shipments?|packages?|deliver",
            r"|progress|time|record|changes|issues|bugs|status|usage of (?:the )?api|versions)",
            r"|\btrack record\b",
        ))
    });

    let dnt_ignored = found.any(&DNT_IGNORED)
        || found.at(&DNT_RESPONSE).iter().any(|(_, stance)| stance.negated)
        || found.has(&DNT_UNANSWERED);
    if dnt_ignored {
        out.add(CategoryId::Tracking, 0.9);
        return;
    }
    if found.any(&DNT_RESPONSE) {
        return;
    }

    let track_verb = found.affirmed(&TRACK_VERB) && !found.has(&NOT_TRACKING_YOU);
    let essential_only = found.has(&ESSENTIAL_ONLY) && !profiling(found.text);
    let technology = found.affirmed(&TRACKING_TECH) && !essential_only;
    let evidence = [&REFERRER, &AUTO_COLLECT, &CROSS_SITE];
    if track_verb || technology || evidence.iter().any(|pattern| found.affirmed(pattern)) {
        out.add(CategoryId::Tracking, 0.85);
    }
}

/// Cookies "only where strictly necessary": storage the service needs, not tracking.
static ESSENTIAL_ONLY: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:only|solely|strictly|exclusively)\b[^.;]*\b(?:necessary|essential|required",
        r"|technical\w*|functional)\b",
    ))
});

/// Words that make cookies tracking even when essential ones are mentioned too.
static PROFILING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:advertis\w*|ads|marketing|analytics|statistic\w*|measur\w*|profil\w*|target\w*",
        r"|third[- ]part\w*|social|track\w*|performance)\b",
    ))
});

/// A profiling word the clause asserts: "we never use them to track you" denies it.
fn profiling(text: &str) -> bool {
    let cues = scope::Cues::of(text);
    PROFILING.find_iter(text).any(|word| !scope::negated_at(cues, text, word.start()))
}

/// "There is no standard for DNT, so we do not change our practices": a refusal phrased
/// without a negated verb next to the signal.
static DNT_UNANSWERED: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\bdnt\b[^.]*\b(?:no (?:\w+ )?(?:standard|consensus)|not (?:currently )?(?:recogni",
        r"|respond|honou?r|support|alter|change))|\b(?:no (?:\w+ )?(?:standard|consensus))",
        r"[^.]*\bdnt\b",
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
    fn sharing_with_partners_is_data_sharing() {
        let text = "We may share your personal information with advertising partners.";
        assert!(has(text, CategoryId::DataSharing));
        let text = "Your data may be transferred to a buyer if we are acquired.";
        assert!(has(text, CategoryId::DataSharing));
    }

    #[test]
    fn denied_sale_is_protective() {
        for text in [
            "We do not sell your personal data.",
            "Your information will never be sold.",
            "We will not rent, sell, or trade your details to anyone.",
        ] {
            assert!(has(text, CategoryId::NoDataSale), "{text}");
            assert!(!has(text, CategoryId::DataSharing), "{text}");
        }
    }

    #[test]
    fn denial_with_a_leaky_exception_still_shares() {
        let text = "We do not share your data except with our marketing partners.";
        assert!(has(text, CategoryId::DataSharing));
        let text = "We do not share your data except as required by law.";
        assert!(!has(text, CategoryId::DataSharing));
    }

    #[test]
    fn reader_duties_are_not_sales() {
        assert!(!has("You may not sell or rent your account details.", CategoryId::DataSharing));
        assert!(!has("You may not sell or rent your account details.", CategoryId::NoDataSale));
    }

    #[test]
    fn retention_after_deletion() {
        let text = "We may keep copies of your data even after you delete your account.";
        assert!(has(text, CategoryId::DataRetention));
        assert!(!has("We delete your data within 30 days.", CategoryId::DataRetention));
        let text = "You keep ownership of your photos, and we claim no rights over them.";
        assert!(!has(text, CategoryId::DataRetention));
    }

    #[test]
    fn deletion_rights() {
        assert!(has("You can ask us to delete your personal data.", CategoryId::DataDeletionRight));
        assert!(!has("You can delete cookies in your browser.", CategoryId::DataDeletionRight));
        let text = "We keep your details for a while, even after you close your account.";
        assert!(!has(text, CategoryId::DataDeletionRight));
        assert!(has(text, CategoryId::DataRetention));
        let text = "Acme may remove your posts at any time.";
        assert!(!has(text, CategoryId::DataDeletionRight));
        let text = "Acme may suspend your access or delete your account if you break these rules.";
        assert!(!has(text, CategoryId::DataDeletionRight));
        let text = "You may close your account, and you can delete your posts at any time.";
        assert!(has(text, CategoryId::DataDeletionRight));
        let text = "Once your account is closed, your data is erased within a week.";
        assert!(has(text, CategoryId::DataDeletionRight));
        let text = "Your messages can be deleted by you at any time.";
        assert!(has(text, CategoryId::DataDeletionRight));
        let text = "Your location history can be viewed or deleted from your account dashboard.";
        assert!(has(text, CategoryId::DataDeletionRight));
    }

    #[test]
    fn tracking_and_its_denials() {
        assert!(has("We use cookies and web beacons to measure visits.", CategoryId::Tracking));
        assert!(has("We do not respond to Do Not Track signals.", CategoryId::Tracking));
        assert!(!has("We honor Do Not Track signals.", CategoryId::Tracking));
        assert!(!has("We do not use cookies or any other tracking.", CategoryId::Tracking));
        assert!(!has("You can block cookies in your browser settings.", CategoryId::Tracking));
        assert!(!has("Track your order in the app.", CategoryId::Tracking));
    }
}
