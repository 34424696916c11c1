//! Legal cues: what an n-gram model cannot see on its own, written out as named features.
//!
//! Four kinds of detector read a clause's tokens:
//! - **phrases** grouped by meaning: discretion ("sole discretion"), timing ("at any time"),
//!   missing notice ("without prior notice"), exclusions of liability, carve-outs that make a
//!   liability clause fair ("death or personal injury"), the reader's own law or courts, ...;
//! - **who does what**: for every verb of termination, change or removal, the detector looks back
//!   for its modal ("may", "reserve the right"), a negation and its actor — the provider ("we",
//!   "us", a capitalised company name), the reader ("you", "user") or nobody (a passive "may be
//!   suspended") — and forward for its object (the terms, the service, the account, content).
//!   "We may terminate your account" and "you may terminate your account" share every bigram
//!   that matters but differ here. A passive verb finds its object before it ("your posts may
//!   be removed");
//! - **readings**: each category read as a lawyer would, combining the above — the provider may
//!   end the account, and freely (at any time, for any reason, without notice) or only within
//!   bounds (after notice, for cause); the terms are changed, and continued use counts as
//!   acceptance; disputes are sent to arbitration, as against arbitration merely mentioned or
//!   ruled out; a law or court is chosen, as against the reader's own; liability is excluded,
//!   capped, carved out ("nothing limits our liability for death") or plainly accepted;
//! - **shape**: shouted (all-caps) text, a clause that starts in lower case (the tail of a
//!   sentence cut in two), a lead-in that ends with a colon, length.
//!
//! How the cues were developed: from the CLAUDETTE category definitions (Lippi et al. 2019) and
//! by reading sentences and errors of the `claudette_50` corpus, never from the
//! `claudette_multilingual_50` set, which stays a held-out test. The word lists are ours.
//!
//! Cost: one hash lookup per token for its word classes, up to five per token for phrases, and
//! look-backs of at most [`LOOK_BACK`] tokens: linear in the clause. Limits: the actor is found
//! by proximity, not by parsing, so "you agree that we may terminate" reads right but a long
//! parenthesis between subject and verb can hide the actor; English only.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::text::{extend, mix, phrase_hash, word_hash, Token, ALL_CAPS, CAPITALISED};

/// How far back from an action verb the actor, modal and negation are looked for.
pub const LOOK_BACK: usize = 10;
/// How far after an action verb its object is looked for.
const LOOK_AHEAD: usize = 8;
/// The longest phrase in [`PHRASES`], in words.
const MAX_PHRASE: usize = 5;

// Word classes, one bit each.
const WE: u32 = 1 << 0;
const YOU: u32 = 1 << 1;
const MODAL: u32 = 1 << 2;
const NEGATION: u32 = 1 << 3;
const TERMINATE: u32 = 1 << 4;
const CHANGE: u32 = 1 << 5;
const REMOVE: u32 = 1 << 6;
const BE: u32 = 1 << 7;
const TERMS: u32 = 1 << 8;
const SERVICE: u32 = 1 << 9;
const ACCOUNT: u32 = 1 << 10;
const CONTENT: u32 = 1 << 11;
const FUNCTION_WORD: u32 = 1 << 12;
const LIABLE: u32 = 1 << 13;
const DISPUTE: u32 = 1 << 14;
const RESOLVE: u32 = 1 << 15;
const ARBITRATE: u32 = 1 << 16;

const WORD_CLASSES: &[(u32, &[&str])] = &[
    (WE, &["we", "us", "our", "ours", "company", "licensor", "provider"]),
    (YOU, &["you", "your", "yours", "user", "users", "member", "members", "customer", "licensee"]),
    (
        MODAL,
        &[
            "may",
            "can",
            "might",
            "could",
            "will",
            "shall",
            "reserve",
            "reserves",
            "reserved",
            "right",
            "entitled",
            "retain",
            "retains",
            "discretion",
            "decide",
            "choose",
        ],
    ),
    (NEGATION, &["not", "no", "never", "nor", "neither", "t", "cannot", "none", "nothing"]),
    (
        TERMINATE,
        &[
            "terminate",
            "terminates",
            "terminated",
            "terminating",
            "termination",
            "suspend",
            "suspends",
            "suspended",
            "suspending",
            "suspension",
            "discontinue",
            "discontinued",
            "discontinuance",
            "discontinuation",
            "cancel",
            "cancelled",
            "canceled",
            "cancellation",
            "close",
            "closed",
            "closure",
            "deactivate",
            "deactivated",
            "disable",
            "disabled",
            "ban",
            "banned",
            "revoke",
            "revoked",
            "revocation",
            "cease",
            "interrupt",
            "withdraw",
            "withdrawn",
            "deny",
            "denied",
            "restrict",
            "restricted",
            "block",
            "blocked",
            "end",
        ],
    ),
    (
        CHANGE,
        &[
            "change",
            "changes",
            "changed",
            "changing",
            "modify",
            "modifies",
            "modified",
            "modifying",
            "modification",
            "modifications",
            "amend",
            "amends",
            "amended",
            "amendment",
            "amendments",
            "update",
            "updates",
            "updated",
            "revise",
            "revised",
            "revision",
            "revisions",
            "alter",
            "altered",
            "vary",
            "varied",
            "replace",
            "adjust",
        ],
    ),
    (
        REMOVE,
        &[
            "remove", "removes", "removed", "removing", "removal", "delete", "deletes", "deleted",
            "deleting", "deletion", "edit", "edited", "refuse", "reject", "rejected", "screen",
            "monitor", "moderate", "takedown", "erase", "purge",
        ],
    ),
    (BE, &["be", "been", "being", "is", "are", "was", "were", "get"]),
    (
        TERMS,
        &[
            "terms",
            "agreement",
            "agreements",
            "conditions",
            "policy",
            "policies",
            "eula",
            "tos",
            "contract",
            "provisions",
            "guidelines",
            "rules",
        ],
    ),
    (
        SERVICE,
        &[
            "service",
            "services",
            "site",
            "sites",
            "website",
            "websites",
            "app",
            "apps",
            "application",
            "platform",
            "feature",
            "features",
            "functionality",
            "software",
            "product",
            "products",
            "program",
            "game",
            "games",
        ],
    ),
    (
        ACCOUNT,
        &[
            "account",
            "accounts",
            "access",
            "membership",
            "subscription",
            "subscriptions",
            "registration",
            "profile",
            "license",
            "licence",
            "password",
            "username",
        ],
    ),
    (
        CONTENT,
        &[
            "content",
            "material",
            "materials",
            "post",
            "posts",
            "posting",
            "postings",
            "information",
            "data",
            "submission",
            "submissions",
            "upload",
            "uploads",
            "photo",
            "photos",
            "video",
            "videos",
            "comment",
            "comments",
            "listing",
            "listings",
            "review",
            "reviews",
            "messages",
            "files",
        ],
    ),
    (
        FUNCTION_WORD,
        &[
            "the", "a", "an", "of", "to", "in", "and", "or", "for", "any", "all", "this", "these",
            "if", "by", "on", "at", "with", "that", "as", "such", "its", "their", "it", "also",
        ],
    ),
    (LIABLE, &["liable", "liability", "responsible", "responsibility", "accountable"]),
    (DISPUTE, &["dispute", "disputes", "claim", "claims", "controversy", "controversies"]),
    (
        RESOLVE,
        &[
            "resolve",
            "resolved",
            "settle",
            "settled",
            "submit",
            "submitted",
            "refer",
            "referred",
            "decided",
            "determined",
            "heard",
            "agree",
            "arbitrate",
            "arbitrated",
        ],
    ),
    (ARBITRATE, &["arbitration", "arbitrate", "arbitrated", "arbitral", "arbitrator"]),
];

/// Phrases grouped by what they say; each group is one cue feature.
const PHRASES: &[(&str, &[&str])] = &[
    (
        "discretion",
        &[
            "sole discretion",
            "absolute discretion",
            "our discretion",
            "its discretion",
            "own discretion",
            "entire discretion",
            "sole and absolute discretion",
            "sole option",
            "sole judgment",
            "we deem",
            "we consider",
            "in our opinion",
            "we believe",
            "deems appropriate",
            "we determine",
        ],
    ),
    (
        "any_time",
        &["at any time", "at anytime", "from time to time", "at any moment", "at all times"],
    ),
    (
        "no_notice",
        &[
            "without notice",
            "without prior notice",
            "without advance notice",
            "without further notice",
            "without any notice",
            "with or without notice",
            "without notifying",
            "without prior warning",
            "without warning",
            "without giving",
            "with immediate effect",
            "effective immediately",
            "immediately",
        ],
    ),
    (
        "any_reason",
        &[
            "for any reason",
            "for any or no reason",
            "for no reason",
            "with or without cause",
            "without cause",
            "for whatever reason",
            "without reason",
            "without giving reasons",
            "without stating",
            "any reason whatsoever",
        ],
    ),
    (
        "without_liability",
        &["without liability", "without any liability", "without incurring", "no obligation"],
    ),
    (
        "reserve_right",
        &[
            "reserve the right",
            "reserves the right",
            "reserve our right",
            "retain the right",
            "right but not the obligation",
            "have the right",
            "has the right",
            "is entitled to",
            "are entitled to",
            "reserve all rights",
        ],
    ),
    (
        "notice_given",
        &[
            "prior notice",
            "advance notice",
            "reasonable notice",
            "notify you",
            "notice to you",
            "we will notify",
            "let you know",
            "email you",
            "give you notice",
            "days notice",
            "days prior",
            "days in advance",
            "days before",
            "inform you",
            "post a notice",
            "posting the",
            "revised date",
            "last updated",
        ],
    ),
    (
        "max_extent",
        &[
            "maximum extent",
            "fullest extent",
            "extent permitted",
            "extent not prohibited",
            "permitted by law",
            "permitted by applicable law",
            "permitted under applicable law",
            "allowed by law",
            "extent allowed",
        ],
    ),
    ("in_no_event", &["in no event", "under no circumstances", "in no case", "shall in no"]),
    (
        "not_liable",
        &[
            "not be liable",
            "not liable",
            "no liability",
            "not be responsible",
            "not responsible",
            "no responsibility",
            "not assume",
            "not accept any",
            "accept no",
            "assume no",
            "disclaim",
            "disclaims",
            "disclaim all",
            "excludes all",
            "exclude all",
            "not be held",
            "hold harmless",
            "release us",
            "waive any claim",
            "not accountable",
            "not guarantee",
            "no warranty",
            "no warranties",
            "without warranty",
        ],
    ),
    ("as_is", &["as is", "as available", "with all faults", "as is and as available"]),
    (
        "cap",
        &[
            "shall not exceed",
            "will not exceed",
            "not exceed",
            "aggregate liability",
            "total liability",
            "greater of",
            "lesser of",
            "amount you paid",
            "amounts paid",
            "amount paid",
            "limited to",
            "one hundred",
        ],
    ),
    (
        "damage_kind",
        &[
            "indirect",
            "incidental",
            "consequential",
            "punitive",
            "exemplary",
            "special damages",
            "lost profits",
            "loss of profits",
            "loss of data",
            "loss of revenue",
            "loss of goodwill",
            "loss of business",
            "any damages",
            "any loss",
            "business interruption",
        ],
    ),
    (
        "carve_out",
        &[
            "death or personal injury",
            "personal injury",
            "gross negligence",
            "wilful misconduct",
            "willful misconduct",
            "fraudulent misrepresentation",
            "cannot be excluded",
            "can not be excluded",
            "cannot be limited",
            "may not be limited",
            "nothing in these",
            "nothing in this",
            "statutory rights",
            "mandatory law",
            "do not allow",
            "does not allow",
            "not permit the exclusion",
            "not affect your",
            "limits or excludes",
            "exclude or limit our liability",
        ],
    ),
    ("own_risk", &["own risk", "sole risk", "your own risk", "entirely at your"]),
    (
        "take_down",
        &[
            "take down",
            "taken down",
            "takes down",
            "taking down",
            "disable access",
            "remove or disable",
        ],
    ),
    (
        "bounded",
        &[
            "only if",
            "only after",
            "only where",
            "only when",
            "opportunity to respond",
            "opportunity to cure",
            "opportunity to remedy",
            "after notice",
            "prior written notice",
            "good cause",
            "valid reason",
            "we will first",
        ],
    ),
    (
        "by_using",
        &[
            "by using",
            "by accessing",
            "by visiting",
            "by downloading",
            "by installing",
            "by registering",
            "by clicking",
            "by continuing",
            "by creating",
            "by signing",
            "by browsing",
            "by submitting",
            "by subscribing",
            "by participating",
            "by playing",
            "by logging",
            "by opening",
            "by accepting",
            "by joining",
            "by ordering",
            "by purchasing",
            "when you use",
            "if you use",
            "your use of",
            "continue to browse",
            "continue browsing",
            "continuing to browse",
            "if you browse",
            "if you access",
            "your access to",
        ],
    ),
    (
        "continued_use",
        &[
            "continued use",
            "continue to use",
            "continuing to use",
            "continue using",
            "continue accessing",
            "continued access",
            "after the effective date",
            "after such changes",
            "after any changes",
            "after the changes",
        ],
    ),
    (
        "agree_terms",
        &[
            "you agree",
            "you accept",
            "you consent",
            "agree to be bound",
            "are bound by",
            "bound by these",
            "constitutes acceptance",
            "constitutes your acceptance",
            "deemed to have accepted",
            "deemed to accept",
            "deemed acceptance",
            "signify your acceptance",
            "indicate your acceptance",
            "acceptance of",
            "agreement to",
            "you acknowledge",
            "you confirm",
            "you are agreeing",
            "you have read",
            "agree to comply",
            "agree to these",
        ],
    ),
    (
        "not_agree",
        &[
            "do not agree",
            "don t agree",
            "not accept",
            "not use the",
            "must not use",
            "should not use",
            "please do not use",
            "discontinue use",
            "stop using",
            "cease using",
            "refrain from using",
            "disagree",
        ],
    ),
    (
        "governed",
        &[
            "governed by",
            "construed in accordance",
            "interpreted in accordance",
            "construed under",
            "governed in all respects",
            "subject to the laws",
            "laws of",
            "law of",
            "governing law",
            "construed and enforced",
            "shall apply",
            "applicable law",
        ],
    ),
    (
        "conflict_of_laws",
        &[
            "conflict of laws",
            "conflicts of law",
            "conflict of law",
            "choice of law",
            "conflicts of laws",
            "united nations convention",
            "international sale of goods",
        ],
    ),
    (
        "reader_law",
        &[
            "your country",
            "country of residence",
            "country in which you",
            "where you live",
            "you live in",
            "place of residence",
            "consumer protection",
            "mandatory provisions",
            "local law",
            "your local",
            "you reside",
            "your residence",
            "habitual residence",
            "domicile",
        ],
    ),
    (
        "courts",
        &[
            "courts of",
            "courts located",
            "courts in",
            "court of",
            "court in",
            "exclusive jurisdiction",
            "personal jurisdiction",
            "non exclusive jurisdiction",
            "submit to the",
            "venue",
            "competent court",
            "federal or state courts",
            "state or federal courts",
            "courts for",
            "jurisdiction of",
            "forum",
            "small claims",
            "bring proceedings",
            "brought in",
            "brought exclusively",
        ],
    ),
    (
        "arbitration",
        &[
            "arbitration",
            "arbitrator",
            "arbitrators",
            "arbitral",
            "arbitrate",
            "american arbitration association",
            "jams",
            "individual basis",
            "binding arbitration",
            "arbitration rules",
            "federal arbitration act",
        ],
    ),
    (
        "class_waiver",
        &[
            "class action",
            "class actions",
            "class arbitration",
            "jury trial",
            "trial by jury",
            "representative action",
            "collective action",
            "waive your right",
            "waive any right",
            "waiving",
            "opt out",
        ],
    ),
    ("any_dispute", &["any dispute", "all disputes", "any claim", "any controversy", "disputes"]),
];

/// Builds a feature key from its parts (each part's hash extended into the key).
const fn key(parts: &[&str]) -> u64 {
    let mut hash = 0x7f4a_7c15_9e37_79b9;
    let mut i = 0;
    while i < parts.len() {
        hash = extend(hash, word_hash(parts[i]));
        i += 1;
    }
    hash
}

/// Hashes that are already spread out pass straight through the map.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | byte as u64;
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

type HashTable<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// The word classes and phrase groups, indexed by hash.
struct Lexicon {
    classes: HashTable<u32>,
    /// Phrase hash to the group's feature key and its bit in a [`Found::groups`] mask.
    phrases: HashTable<(u64, u64)>,
}

/// The bit of a phrase group in a [`Found::groups`] mask; fails to compile for an unknown name
/// when used through [`bit!`].
const fn group(name: &str) -> u64 {
    let mut index = 0;
    while index < PHRASES.len() {
        if same(PHRASES[index].0, name) {
            return 1 << index;
        }
        index += 1;
    }
    panic!("not a phrase group")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The bit of a phrase group, computed at compile time.
macro_rules! bit {
    ($($name:literal)|+) => {{
        const BITS: u64 = $(group($name))|+;
        BITS
    }};
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut classes = HashTable::default();
        for &(class, words) in WORD_CLASSES {
            for word in words {
                *classes.entry(word_hash(word)).or_insert(0) |= class;
            }
        }
        let mut phrases = HashTable::default();
        for (index, &(group, members)) in PHRASES.iter().enumerate() {
            for phrase in members {
                let spaced = phrase.replace('-', " ");
                phrases.insert(phrase_hash(&spaced), (key(&["phrase", group]), 1 << index));
            }
        }
        Lexicon { classes, phrases }
    })
}

/// The word classes of a token (0 for a word outside every class).
pub fn word_class(token: &Token) -> u32 {
    lexicon().classes.get(&token.hash).copied().unwrap_or(0)
}

/// Scratch space reused from clause to clause.
#[derive(Default)]
pub struct CueScratch {
    classes: Vec<u32>,
}

/// Calls `emit` with the key of every cue found in a clause.
pub fn detect(text: &str, tokens: &[Token], scratch: &mut CueScratch, emit: &mut impl FnMut(u64)) {
    let lexicon = lexicon();
    scratch.classes.clear();
    scratch
        .classes
        .extend(tokens.iter().map(|t| lexicon.classes.get(&t.hash).copied().unwrap_or(0)));
    let classes = &scratch.classes;

    let mut found = Found { groups: phrases(tokens, lexicon, emit), ..Found::default() };
    for (action, name) in [(TERMINATE, "terminate"), (CHANGE, "change"), (REMOVE, "remove")] {
        actions(tokens, classes, action, name, &mut found, emit);
    }
    liability(tokens, classes, &mut found, emit);
    arbitration(classes, &mut found);
    found.place = names_a_place(tokens, classes);
    readings(&found, emit);
    shape(text, tokens, emit);
}

/// What the detectors found in one clause, for the category readings to combine.
#[derive(Debug, Default)]
struct Found {
    /// One bit per phrase group of [`PHRASES`].
    groups: u64,
    /// The provider (or nobody, in the passive) may end, suspend or restrict something.
    provider_ends: bool,
    /// ... the account or access, rather than a feature.
    provider_ends_account: bool,
    /// The provider may change the terms.
    provider_changes_terms: bool,
    /// The provider may change the service, its features or prices.
    provider_changes_service: bool,
    /// The provider may remove or refuse content.
    provider_removes_content: bool,
    /// The reader may end or change something (their own right, not the provider's).
    reader_acts: bool,
    /// The provider's liability is excluded ("we are not liable").
    liability_excluded: bool,
    /// The provider states that it is liable ("we are liable for our negligence").
    liability_stated: bool,
    /// Disputes must go to arbitration ("shall be settled by binding arbitration").
    arbitration_imposed: bool,
    /// Arbitration is mentioned under a negation ("does not require arbitration").
    arbitration_negated: bool,
    /// A capitalised place follows "of" or "in" ("the laws of England").
    place: bool,
}

impl Found {
    /// Whether any of the phrase groups of `bits` ([`bit!`]) was found.
    fn has(&self, bits: u64) -> bool {
        self.groups & bits != 0
    }
}

/// Each category read as a lawyer would: who may do what, how freely, and what makes it fair.
fn readings(found: &Found, emit: &mut impl FnMut(u64)) {
    let unbounded = found.has(bit!("discretion" | "any_time" | "no_notice" | "any_reason"));
    let mut reading = |name: &str, holds: bool| {
        if holds {
            emit(key(&["reading", name]));
        }
    };

    reading("termination", found.provider_ends);
    reading("termination_account", found.provider_ends_account);
    reading("termination_unbounded", found.provider_ends && unbounded);
    let bounded = found.has(bit!("bounded")) && !unbounded;
    reading("termination_bounded", found.provider_ends && bounded);
    reading("change_terms", found.provider_changes_terms);
    reading("change_unbounded", found.provider_changes_service && unbounded);
    reading("change_with_notice", found.provider_changes_terms && found.has(bit!("notice_given")));
    reading(
        "change_accepted_by_use",
        found.has(bit!("continued_use")) && found.has(bit!("agree_terms")),
    );
    reading("removal", found.provider_removes_content);
    reading("removal_unbounded", found.provider_removes_content && unbounded);
    reading("removal_taken_down", found.has(bit!("take_down")));
    reading("removal_bounded", found.provider_removes_content && bounded);
    reading("reader_right", found.reader_acts && !found.provider_ends);

    reading("use_binds", found.has(bit!("by_using")) && found.has(bit!("agree_terms")));
    reading("use_or_leave", found.has(bit!("not_agree")) && found.has(bit!("by_using")));

    let reader_forum = found.has(bit!("reader_law"));
    reading(
        "law_chosen",
        found.has(bit!("governed")) && (found.place || found.has(bit!("conflict_of_laws"))),
    );
    reading("law_readers_own", found.has(bit!("governed")) && reader_forum);
    reading("court_chosen", found.has(bit!("courts")) && found.place && !reader_forum);
    reading("court_readers_own", found.has(bit!("courts")) && reader_forum);
    reading("arbitration_imposed", found.arbitration_imposed);
    reading("arbitration_negated", found.arbitration_negated && !found.arbitration_imposed);
    let procedure = found.has(bit!("arbitration")) && !found.arbitration_imposed;
    reading("arbitration_procedure", procedure && !found.has(bit!("any_dispute")));

    let excluded = found.liability_excluded || found.has(bit!("in_no_event"));
    reading("liability_excluded", excluded);
    reading(
        "liability_capped",
        found.has(bit!("cap")) && found.has(bit!("not_liable" | "damage_kind")),
    );
    reading("liability_broad", excluded && found.has(bit!("damage_kind" | "max_extent" | "as_is")));
    reading("liability_carved_out", found.has(bit!("carve_out")) && !excluded);
    reading("liability_with_carve_out", found.has(bit!("carve_out")) && excluded);
    let limited = excluded || found.has(bit!("cap" | "not_liable" | "in_no_event"));
    reading("liability_accepted", found.liability_stated && !limited);
}

/// Whether disputes are sent to arbitration: a verb of settling or agreeing shortly before an
/// arbitration word, with no negation between.
fn arbitration(classes: &[u32], found: &mut Found) {
    let disputes = classes.iter().any(|c| c & DISPUTE != 0);
    for (at, &class) in classes.iter().enumerate() {
        if class & ARBITRATE == 0 {
            continue;
        }
        let window = &classes[at.saturating_sub(8)..at];
        let negated = window.iter().any(|c| c & NEGATION != 0);
        let sent = window.iter().any(|c| c & RESOLVE != 0);
        found.arbitration_negated |= negated;
        found.arbitration_imposed |= sent && disputes && !negated;
    }
}

/// Whether a verb that limits stands just before `at`: "nothing limits our liability" keeps
/// liability whole, a double negation the plain look-back would read as an exclusion.
fn limited_before(tokens: &[Token], at: usize) -> bool {
    const LIMITING: [u64; 8] = [
        word_hash("limit"),
        word_hash("limits"),
        word_hash("exclude"),
        word_hash("excludes"),
        word_hash("restrict"),
        word_hash("restricts"),
        word_hash("affect"),
        word_hash("affects"),
    ];
    tokens[at.saturating_sub(4)..at].iter().any(|t| LIMITING.contains(&t.hash))
}

/// Whether "only" or "solely" stands just before `at`: "we are only liable for" limits
/// liability, where "we are liable for" accepts it.
fn restricted_before(tokens: &[Token], at: usize) -> bool {
    const RESTRICTING: [u64; 3] =
        [word_hash("only"), word_hash("solely"), word_hash("exclusively")];
    tokens[at.saturating_sub(4)..at].iter().any(|t| RESTRICTING.contains(&t.hash))
}

/// "laws of England", "courts in Dublin", "State of California".
fn names_a_place(tokens: &[Token], classes: &[u32]) -> bool {
    let of = word_hash("of");
    let in_ = word_hash("in");
    tokens.iter().enumerate().any(|(at, token)| {
        (token.hash == of || token.hash == in_)
            && tokens[at + 1..].iter().zip(&classes[at + 1..]).take(3).any(|(next, &class)| {
                next.is(CAPITALISED) && class & (TERMS | SERVICE | WE | YOU) == 0
            })
    })
}

/// Emits every phrase group found and returns their bits.
fn phrases(tokens: &[Token], lexicon: &Lexicon, emit: &mut impl FnMut(u64)) -> u64 {
    let mut groups = 0;
    for start in 0..tokens.len() {
        let mut hash = mix(tokens[start].hash);
        for length in 1..=MAX_PHRASE.min(tokens.len() - start) {
            if length > 1 {
                hash = extend(hash, tokens[start + length - 1].hash);
            }
            if let Some(&(group, bit)) = lexicon.phrases.get(&hash) {
                emit(group);
                groups |= bit;
            }
        }
    }
    groups
}

/// Who may do `action` to what: one cue per verb of that class.
fn actions(
    tokens: &[Token],
    classes: &[u32],
    action: u32,
    name: &'static str,
    found: &mut Found,
    emit: &mut impl FnMut(u64),
) {
    for (at, &class) in classes.iter().enumerate() {
        if class & action == 0 {
            continue;
        }
        let reading = read_back(tokens, classes, at);
        emit(key(&[name, reading.actor]));
        if reading.modal {
            emit(key(&[name, reading.actor, "modal"]));
        }
        if reading.negated {
            emit(key(&[name, "negated"]));
        }
        let passive = matches!(reading.actor, "passive" | "reader_passive");
        let object = object_of(classes, at, passive);
        emit(key(&[name, "object", object]));
        emit(key(&[name, reading.actor, object]));
        note(found, action, &reading, object);
    }
}

/// Records what an action verb says for the category readings.
fn note(found: &mut Found, action: u32, reading: &Reading, object: &str) {
    if reading.negated {
        return;
    }
    let provider = match reading.actor {
        "provider" | "passive" | "reader_passive" => true,
        "nobody" => reading.modal,
        _ => false,
    };
    if !provider {
        found.reader_acts |= reading.actor == "reader" && reading.modal;
        return;
    }
    match action {
        TERMINATE if object == "content" => found.provider_removes_content = true,
        TERMINATE => {
            found.provider_ends = true;
            found.provider_ends_account |= object == "account" || object == "terms";
        }
        CHANGE => {
            found.provider_changes_terms |= object == "terms";
            found.provider_changes_service |= object != "terms";
        }
        _ => found.provider_removes_content |= object == "content" || object == "none",
    }
}

/// What stands before an action verb.
struct Reading {
    actor: &'static str,
    modal: bool,
    negated: bool,
}

fn read_back(tokens: &[Token], classes: &[u32], at: usize) -> Reading {
    let passive = at > 0 && classes[at - 1] & BE != 0;
    let mut reading = Reading { actor: "nobody", modal: false, negated: false };

    for back in (at.saturating_sub(LOOK_BACK)..at).rev() {
        let class = classes[back];
        reading.modal |= class & MODAL != 0;
        reading.negated |= class & NEGATION != 0;
        if class & WE != 0 {
            reading.actor = "provider";
            break;
        }
        if class & YOU != 0 {
            reading.actor = if passive { "reader_passive" } else { "reader" };
            break;
        }
        if is_name(tokens, classes, back) {
            reading.actor = "provider";
            break;
        }
    }
    if passive && reading.actor == "nobody" {
        reading.actor = "passive";
    }
    reading
}

/// A capitalised word outside the word classes, not opening the clause unless a modal follows
/// it ("Acme may ..."): most likely the provider's name.
fn is_name(tokens: &[Token], classes: &[u32], at: usize) -> bool {
    let token = &tokens[at];
    let capitalised = token.is(CAPITALISED) && !token.is(ALL_CAPS) && classes[at] == 0;
    let before_modal = classes.get(at + 1).is_some_and(|class| class & MODAL != 0);
    capitalised && (at > 0 || before_modal)
}

/// What an action verb acts on: the first noun of a known kind after it, or for a passive verb
/// ("your posts may be removed") before it.
fn object_of(classes: &[u32], at: usize, passive: bool) -> &'static str {
    let kind_of = |class: u32| {
        [(TERMS, "terms"), (ACCOUNT, "account"), (CONTENT, "content"), (SERVICE, "service")]
            .into_iter()
            .find(|(kind, _)| class & kind != 0)
            .map(|(_, name)| name)
    };
    if passive {
        let before = classes[at.saturating_sub(LOOK_BACK)..at].iter().rev();
        if let Some(name) = before.copied().find_map(kind_of) {
            return name;
        }
    }
    let end = (at + 1 + LOOK_AHEAD).min(classes.len());
    classes[at + 1..end].iter().copied().find_map(kind_of).unwrap_or("none")
}

/// Whether liability is excluded, and by whom; a clause that says nothing limits it is fair.
fn liability(tokens: &[Token], classes: &[u32], found: &mut Found, emit: &mut impl FnMut(u64)) {
    for (at, &class) in classes.iter().enumerate() {
        if class & LIABLE == 0 {
            continue;
        }
        let reading = read_back(tokens, classes, at);
        let stance = match (reading.negated, limited_before(tokens, at)) {
            (true, true) => "preserved",
            (true, false) => "excluded",
            (false, _) if restricted_before(tokens, at) => "restricted",
            (false, _) => "stated",
        };
        emit(key(&["liable", reading.actor, stance]));
        found.liability_excluded |= stance == "excluded" && reading.actor != "reader";
        found.liability_stated |= stance == "stated" && reading.actor == "provider";
    }
}

fn shape(text: &str, tokens: &[Token], emit: &mut impl FnMut(u64)) {
    let shouted = tokens.iter().filter(|t| t.is(ALL_CAPS)).count();
    if tokens.len() >= 4 && shouted * 10 >= tokens.len() * 6 {
        emit(key(&["shape", "shouted"]));
    }

    let first = text.trim_start().chars().next();
    if first.is_some_and(char::is_lowercase) {
        emit(key(&["shape", "starts_lower"]));
    }
    if first.is_some_and(|c| c == '(' || c == '•' || c == '-' || c == '*') {
        emit(key(&["shape", "list_item"]));
    }
    if text.trim_end().ends_with(':') {
        emit(key(&["shape", "lead_in"]));
    }

    let length = match tokens.len() {
        0..=4 => "tiny",
        5..=12 => "short",
        13..=30 => "medium",
        31..=60 => "long",
        _ => "very_long",
    };
    emit(key(&["shape", length]));
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn cues(text: &str) -> Vec<u64> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut found = Vec::new();
        detect(text, &tokens, &mut CueScratch::default(), &mut |cue| found.push(cue));
        found
    }

    fn has(text: &str, parts: &[&str]) -> bool {
        cues(text).contains(&key(parts))
    }

    #[test]
    fn the_provider_terminating_differs_from_the_reader_terminating() {
        let ours = "We may terminate your account at any time.";
        let yours = "You may terminate your account at any time.";
        assert!(has(ours, &["terminate", "provider", "modal"]));
        assert!(has(ours, &["terminate", "provider", "account"]));
        assert!(has(yours, &["terminate", "reader", "modal"]));
        assert!(!has(yours, &["terminate", "provider", "modal"]));
    }

    #[test]
    fn a_company_name_acts_as_the_provider() {
        assert!(has(
            "Acmeco reserves the right to suspend the Service.",
            &["terminate", "provider"]
        ));
    }

    #[test]
    fn a_passive_verb_has_no_stated_actor() {
        let text = "Accounts may be suspended without notice.";
        assert!(has(text, &["terminate", "passive", "modal"]));
        assert!(has(text, &["phrase", "no_notice"]));
    }

    #[test]
    fn changes_to_the_terms_are_read_with_their_object() {
        assert!(has(
            "We may modify these Terms from time to time.",
            &["change", "provider", "terms"]
        ));
        assert!(has("We may modify these Terms from time to time.", &["phrase", "any_time"]));
    }

    #[test]
    fn excluded_liability_differs_from_stated_liability() {
        assert!(has("We will not be liable for any loss.", &["liable", "provider", "excluded"]));
        assert!(has("We are liable for our own negligence.", &["liable", "provider", "stated"]));
    }

    #[test]
    fn shape_cues_fire() {
        assert!(has("IN NO EVENT SHALL WE BE LIABLE FOR ANYTHING", &["shape", "shouted"]));
        assert!(has("arising out of the use of the site.", &["shape", "starts_lower"]));
        assert!(has("You agree that:", &["shape", "lead_in"]));
    }

    #[test]
    fn readings_combine_actor_object_and_freedom() {
        let text = "We may suspend your account at any time without notice.";
        assert!(has(text, &["reading", "termination_unbounded"]));
        assert!(!has("You may close your account at any time.", &["reading", "termination"]));
        assert!(has("You may close your account at any time.", &["reading", "reader_right"]));
        assert!(has("We may modify these Terms.", &["reading", "change_terms"]));
        assert!(has("We may remove any Content you post.", &["reading", "removal"]));
        assert!(has("Your posts may be blocked.", &["reading", "removal"]), "passive object");
        let bounded = "We will only suspend accounts after notice.";
        assert!(has(bounded, &["reading", "termination_bounded"]));
    }

    #[test]
    fn forum_readings_tell_a_chosen_forum_from_the_readers_own() {
        let chosen = "These Terms are governed by the laws of England and Wales.";
        assert!(has(chosen, &["reading", "law_chosen"]));
        let own = "You may bring a claim in the courts of your country of residence.";
        assert!(has(own, &["reading", "court_readers_own"]));
        assert!(!has(own, &["reading", "court_chosen"]));
        let arbitration = "Any dispute will be resolved by binding arbitration.";
        assert!(has(arbitration, &["reading", "arbitration_imposed"]));
        let none = "This service does not require arbitration of disputes.";
        assert!(has(none, &["reading", "arbitration_negated"]));
        assert!(!has(none, &["reading", "arbitration_imposed"]));
    }

    #[test]
    fn liability_readings() {
        assert!(has(
            "In no event shall we be liable for indirect damages.",
            &["reading", "liability_broad"]
        ));
        let fair = "Nothing in these terms limits liability for death or personal injury.";
        assert!(has(fair, &["reading", "liability_carved_out"]));
        let accepted = "We are liable for damage caused by our negligence.";
        assert!(has(accepted, &["reading", "liability_accepted"]));
        let restricted = "We are only liable for damage caused by our gross negligence.";
        assert!(!has(restricted, &["reading", "liability_accepted"]));
    }

    #[test]
    fn every_phrase_belongs_to_one_group() {
        let mut seen = HashMap::new();
        for &(group, members) in PHRASES {
            for phrase in members {
                let previous = seen.insert(phrase_hash(&phrase.replace('-', " ")), group);
                assert!(previous.is_none(), "{phrase:?} is listed twice");
            }
        }
    }
}
