//! Negation, scope and user control: what a matched phrase really asserts.
//!
//! A rule finds a phrase ("sell", "cookies", "train our models"); this module reads the words
//! around it and says whether the clause asserts it, denies it or hands it to the reader:
//!
//! - **negated**: a negator governs the phrase in the same stretch of the sentence ("we do not
//!   sell", "will never be shared", "is sold to no one");
//! - **controlled**: the phrase is the object of something the reader does to stop it ("you can
//!   turn off personalised ads", "to opt out of analytics cookies");
//! - **consent-gated**: it happens only if the reader agrees or asks ("only with your consent",
//!   "unless you opt in");
//! - **excepted**: an exception follows ("except as required by law", "unless ..."), whose text
//!   the rule may read to decide whether the exception swallows the denial.
//!
//! The text given here is always [`normalize`]d first (lower case, straight quotes, one kind of
//! dash, "do not track" folded to `dnt` so that its "not" is not read as a negation).
//!
//! Cost: nothing until a rule matches; then a few small regex scans over the sentence around
//! the match. Known limits: the scope of a negation is guessed from punctuation and a short list
//! of clause-opening words, not parsed, so "we do not control third parties who share data" and
//! double negatives ("we cannot promise we will not share") can be misread.

use std::sync::LazyLock;

use regex::bytes::RegexSet;

use crate::ascii_regex::AsciiRegex;

/// How many words before a phrase a negator may sit and still govern it.
const NEGATION_WINDOW_WORDS: usize = 15;

/// How many words before a phrase a user-control verb may sit and still take it as object.
const CONTROL_WINDOW_WORDS: usize = 14;

/// What a clause does with one matched phrase.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stance {
    pub negated: bool,
    pub controlled: bool,
    pub consent_gated: bool,
    pub excepted: bool,
}

impl Stance {
    /// The clause states the practice as a fact or a possibility, with no denial, no reader
    /// control over the phrase itself and no consent condition.
    pub fn affirmed(self) -> bool {
        !self.negated && !self.controlled && !self.consent_gated
    }
}

/// Lower-cases a clause and folds typographic variants so that rules can be written once.
///
/// The result may differ in length from the input; offsets into it are only meaningful to the
/// rules that run on it.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of plain ASCII, nearly all of an English clause, are lower-cased in one go.
        let plain = rest.bytes().position(|byte| !byte.is_ascii() || byte == b'`');
        let plain = plain.unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..plain]);
        out[from..].make_ascii_lowercase();
        rest = &rest[plain..];

        let Some(character) = rest.chars().next() else { break };
        match character {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{00b4}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{00a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
        rest = &rest[character.len_utf8()..];
    }

    // Company names that end in "AI" are not AI systems ("Mistral AI accounts").
    if out.contains(" ai") {
        for brand in ["mistral ai", "perplexity ai", "stability ai", "scale ai", "character ai"] {
            if out.contains(brand) {
                out = out.replace(brand, &brand[..brand.len() - 3]);
            }
        }
    }

    // A product name, not a model: "the Meta Model API".
    if out.contains("model api") {
        out = out.replace("model api", "api");
    }

    if out.contains("track") {
        static DO_NOT_TRACK: LazyLock<AsciiRegex> = LazyLock::new(|| {
            AsciiRegex::new(r#"do[- ]not[- ]track|"dnt"|\(dnt\)"#).expect("valid")
        });
        if let std::borrow::Cow::Owned(folded) = DO_NOT_TRACK.replace_all(&out, "dnt") {
            return folded;
        }
    }
    out
}

/// Which kinds of scope words a clause holds at all, found in one pass: most clauses hold
/// none, and their phrases are then read as plainly asserted without further scans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cues {
    negation: bool,
    control: bool,
    consent: bool,
    exception: bool,
}

impl Cues {
    /// Looks for the words each part of [`stance`] needs (a superset of what it matches).
    pub fn of(text: &str) -> Cues {
        static HINTS: LazyLock<RegexSet> = LazyLock::new(|| {
            regex::bytes::RegexSetBuilder::new([
                r"(?-u:\b)(?:not|never|no|none|nor|neither|nobody|nothing|cannot|refrain|prohibited|exclud\w*)(?-u:\b)|n't|non[- ]",
                r"opt|turn|switch|disabl|block|reject|refus|declin|delet|clear|remov|manag|withdraw|object|unsubscrib|limit|adjust|control|stop|prevent|choose|choic|preference|select|elect|decid|whether",
                r"consent|permission|authori|opt|agree|allow|ask|instruct|direct|enable|choose|request|want|prefer|grant|give|only if|way to|option to|ability to|choice to",
                r"except|unless|other than|apart from|save |exclud|but only|only ",
            ])
            .unicode(false)
            .build()
            .expect("valid")
        });

        let found = HINTS.matches(text.as_bytes());
        Cues {
            negation: found.matched(0),
            control: found.matched(1),
            consent: found.matched(2),
            exception: found.matched(3),
        }
    }

    /// Whether the clause holds any scope word at all; without one every phrase is asserted.
    pub fn any(self) -> bool {
        self.negation || self.control || self.consent || self.exception
    }

    /// Cues that make every check run; for callers without a clause-wide pass.
    pub const ALL: Cues = Cues { negation: true, control: true, consent: true, exception: true };
}

/// Reads the stance of the phrase at `start..end` of a normalized clause.
pub fn stance(text: &str, start: usize, end: usize) -> Stance {
    stance_with(Cues::ALL, text, start, end)
}

/// [`stance`], skipping the checks whose words `cues` says the clause lacks.
pub fn stance_with(cues: Cues, text: &str, start: usize, end: usize) -> Stance {
    if !cues.any() {
        return Stance::default();
    }
    let before = segment_before(text, start);
    let after = sentence_after(text, end);

    Stance {
        negated: cues.negation && (negated_before(before) || negated_after(after)),
        controlled: cues.control && controlled_before(before),
        consent_gated: cues.consent && consent_gated(sentence_before(text, start), after),
        excepted: cues.exception && exception_after(after).is_some(),
    }
}

/// Whether a negator governs the phrase starting at `start` (the negation part of
/// [`stance`] alone).
pub fn negated_at(cues: Cues, text: &str, start: usize) -> bool {
    cues.negation && negated_before(segment_before(text, start))
}

/// The words of the same sentence stretch before `start`: back to the nearest sentence end,
/// semicolon, bracket or clause-opening word ("but", "however", "unless", ", we").
pub fn segment_before(text: &str, start: usize) -> &str {
    static BOUNDARY: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"[.;:!?]\s|[;:!?]|\n",
            r"|\b(?:but|however|although|though|whereas|while|except|unless|other than",
            r"|apart from|otherwise|instead|yet)\b",
            r"|,\s*(?:we|you|they|it|i|our|your|users?|the company|who|which|if|when|where)\b",
        ))
        .expect("valid")
    });

    let head = &text[..start];
    let mut boundaries: Vec<(usize, usize)> =
        BOUNDARY.find_iter(head).map(|boundary| (boundary.start(), boundary.end())).collect();

    // A list introduced by a denial ("we will not: sell ..., share ...") stays denied.
    while let Some(&(colon, _)) = boundaries.last() {
        let opens_list = head[colon..].starts_with(':');
        if !(opens_list && negated_before(last_words(&head[..colon], 3))) {
            break;
        }
        boundaries.pop();
    }
    let cut = boundaries.last().map_or(0, |&(_, end)| end);
    &head[cut..]
}

/// The sentence before `start`: back to the nearest sentence end.
fn sentence_before(text: &str, start: usize) -> &str {
    static SENTENCE_END: LazyLock<AsciiRegex> =
        LazyLock::new(|| AsciiRegex::new(r"[.!?;]\s|\n").expect("valid"));

    let head = &text[..start];
    let cut = SENTENCE_END.find_iter(head).last().map_or(0, |stop| stop.end());
    &head[cut..]
}

/// The rest of the sentence after `end`.
pub fn sentence_after(text: &str, end: usize) -> &str {
    static SENTENCE_END: LazyLock<AsciiRegex> =
        LazyLock::new(|| AsciiRegex::new(r"[.!?;](?:\s|$)|\n").expect("valid"));

    let tail = &text[end..];
    let cut = SENTENCE_END.find(tail).map_or(tail.len(), |stop| stop.start());
    &tail[..cut]
}

/// The exception that follows a phrase ("except as required by law"), from its opening word to
/// the end of the sentence.
pub fn exception_after(after: &str) -> Option<&str> {
    static EXCEPTION: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:except|unless|other than|apart from|save (?:as|where|for)|excluding",
            r"|with the exception|but only|only (?:if|when|where|with|to|in|as|once|after))\b",
        ))
        .expect("valid")
    });

    EXCEPTION.find(after).map(|found| &after[found.start()..])
}

/// Whether an exception only admits what the reader asked for or the law demands, so that a
/// denial with this exception still protects ("we never share it except as required by law").
pub fn benign_exception(exception: &str) -> bool {
    static BENIGN: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"consent|permission|authori[sz]|you (?:ask|request|direct|instruct|choose|agree)",
            r"|your (?:request|instruction|direction|choice)|opt[- ]?in|law|legal|court|subpoena",
            r"|regulat|government|authorit|police|enforcement|fraud|safety|security",
            r"|necessary to (?:provide|operate|deliver|perform)|(?:to|in order to) provide",
            r"|service providers?|processors?|vendors?|contractors?|on our behalf",
            r"|described|set out|explained|stated|outlined|listed|this (?:policy|notice|statement)",
        ))
        .expect("valid")
    });

    BENIGN.is_match(exception)
}

fn last_words(segment: &str, words: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (index, character) in segment.char_indices().rev() {
        let is_word = character.is_alphanumeric() || character == '\'';
        if is_word && !in_word {
            seen += 1;
        }
        if !is_word && in_word && seen >= words {
            return &segment[index + character.len_utf8()..];
        }
        in_word = is_word;
    }
    segment
}

fn negated_before(segment: &str) -> bool {
    static NEGATOR: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:not|never|no|none|nor|neither|nobody|nothing|cannot|refrain from|excluding",
            r"|excludes?",
            r"|(?:are|is) prohibited from|(?:are|is) not permitted)\b|n't\b",
        ))
        .expect("valid")
    });
    // Phrases that hold a negator but deny nothing about what follows them.
    static FALSE_FRIEND: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:not limited|not only|not just|or not|not responsible|not liable",
            r"|no matter|no later|no longer than|not necessarily|no less|no more than",
            r"|whether or not|if you do not|if you don't|if you no longer|not exclusively",
            r"|do not (?:control|endorse|operate|own)|does not (?:control|endorse|operate|own)",
            r"|not under our control|(?:that|which) (?:is|are) not|nothing (?:in [\w ]+ )?",
            r"(?:prevents|prohibits|stops|restricts",
            r"|limits))\b",
        ))
        .expect("valid")
    });

    // "non-personalised ads": the prefix denies the phrase it is glued to.
    if segment.trim_end().ends_with("non-") || segment.ends_with("non ") {
        return true;
    }
    let window = last_words(segment, NEGATION_WINDOW_WORDS);
    if !NEGATOR.is_match(window) {
        return false;
    }
    let cleared = FALSE_FRIEND.replace_all(window, " ");
    NEGATOR.is_match(&cleared)
}

fn negated_after(after: &str) -> bool {
    static DENIED_TARGET: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"^[^,]{0,30}?\b(?:to|with) (?:no one|nobody|no other|no third|none|neither)\b",
            r"|^\s*(?:at all )?(?:to|with)?\s*(?:anyone|anybody) ever\b",
        ))
        .expect("valid")
    });

    DENIED_TARGET.is_match(after)
}

fn controlled_before(segment: &str) -> bool {
    static CONTROL: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:opt(?:ing)?[- ]?out|turn(?:ing)? off|switch(?:ing)? off|disabl(?:e|ing)",
            r"|block(?:ing)?|reject(?:ing)?|refus(?:e|ing)|declin(?:e|ing)|delet(?:e|ing)",
            r"|clear(?:ing)?|remov(?:e|ing)|manag(?:e|ing)|withdraw(?:ing)?|object(?:ing)? to",
            r"|unsubscrib(?:e|ing)|limit(?:ing)?|adjust(?:ing)?|control(?:ling)?",
            r"|stop(?:ping)?|prevent(?:ing)?|choose not|choices? about|preferences? for",
            r"|(?:choos(?:e|ing)|select(?:ing)?|elect(?:ing)?|decid(?:e|ing)) whether",
            r"|whether or not you want)\b",
        ))
        .expect("valid")
    });
    // The reader, a browser or a setting must be the one acting: "we may limit cookies" is
    // not a control the reader holds.
    static READER: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:you|your|users?|visitors?|browsers?|settings?|to opt|how to|ways? to",
            r"|tools?|option|options|links?|page|here)\b|^\s*(?:opt|turn|disable|block|manage)",
        ))
        .expect("valid")
    });

    // "After removing identifiers, we use ..." is a step of the provider's processing; "after
    // opting out" or "after deleting your chats" is still the reader's.
    static STEP: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(r"\b(?:after|before|while|following|upon)\s+$").expect("valid")
    });
    static PROCESSING: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(r"^(?:remov|delet|clear|limit|adjust|manag)\w*\s+(?:\w+\s+)?(?:identif|names?\b|personal|direct|any|such|certain|data|information)")
            .expect("valid")
    });

    let window = last_words(segment, CONTROL_WINDOW_WORDS);
    let control = CONTROL.find_iter(window).any(|verb| {
        !(STEP.is_match(&window[..verb.start()]) && PROCESSING.is_match(&window[verb.start()..]))
    });
    control && READER.is_match(segment)
}

fn consent_gated(before: &str, after: &str) -> bool {
    static CONSENT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:with|upon|after obtaining|having obtained|once we have obtained|subject to",
            r"|based on|on the basis of) (?:your|the user's|users') (?:\w+ ){0,2}",
            r"(?:consent|permission|authori[sz]ation|opt[- ]in)",
            r"|\b(?:if|when|once|where) you (?:have )?(?:expressly |explicitly |specifically )?",
            r"(?:consent|agree|opt[- ]?in|allow|authori[sz]e|ask|instruct|direct|enable|choose",
            r"|grant (?:us |\w+ )?permission|give (?:us )?(?:your )?permission)",
            r"|\bunless you (?:expressly |explicitly )?(?:opt[- ]?in|consent|agree|allow|ask)",
            r"|\bat your (?:request|direction|instruction)",
            r"|\bonly if you\b|\bif you (?:do not|don't) want\b|\bif you (?:would )?prefer not\b",
            r"|\b(?:a way|the option|the ability|the choice) to opt[- ]?in\b",
            r"|\byour (?:prior |explicit |express )?(?:consent|permission) (?:is|has)",
            r" (?:been )?(?:given|obtained|granted)",
            r"|\b(?:if|when|once|where) we (?:have|obtain|get|receive) (?:your|the user's) (?:\w+ ){0,2}",
            r"(?:consent|permission|authori[sz]ation)",
            r"|\b(?:ask for|seek|request|obtain|get) (?:your|the user's) (?:\w+ ){0,2}(?:consent",
            r"|permission) (?:before|prior to|to|for)\b",
        ))
        .expect("valid")
    });

    CONSENT.is_match(before) || CONSENT.is_match(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance_of(text: &str, phrase: &str) -> Stance {
        let text = normalize(text);
        let start = text.find(phrase).expect("phrase in text");
        stance(&text, start, start + phrase.len())
    }

    #[test]
    fn cues_never_hide_a_stance() {
        for text in [
            "we do not sell your personal data.",
            "you can turn off personalised ads.",
            "we share it only with your consent.",
            "we'll get your permission before sharing your name with the restaurant.",
            "we never share it except as required by law.",
            "your data is shared with no third parties.",
            "strictly non-personalised ads.",
        ] {
            let cues = Cues::of(text);
            for start in 0..text.len() {
                for end in start..=text.len() {
                    if text.is_char_boundary(start) && text.is_char_boundary(end) {
                        assert_eq!(stance_with(cues, text, start, end), stance(text, start, end));
                    }
                }
            }
        }
    }

    #[test]
    fn normalize_folds_case_quotes_dashes_and_do_not_track() {
        assert_eq!(normalize("We DON\u{2019}T sell \u{2014} ever"), "we don't sell - ever");
        assert_eq!(normalize("We ignore Do Not Track signals."), "we ignore dnt signals.");
    }

    #[test]
    fn plain_statement_is_affirmed() {
        assert!(stance_of("We may sell your personal data to partners.", "sell").affirmed());
    }

    #[test]
    fn negator_before_the_verb_negates() {
        assert!(stance_of("We do not sell your personal data.", "sell").negated);
        assert!(stance_of("We will never, ever rent or sell it.", "sell").negated);
        assert!(stance_of("Your data won't be shared.", "shared").negated);
        assert!(stance_of("No personal data is sold.", "sold").negated);
    }

    #[test]
    fn denied_target_after_the_verb_negates() {
        assert!(stance_of("Your data is shared with no third parties.", "shared").negated);
    }

    #[test]
    fn negation_does_not_cross_a_clause_boundary() {
        let text = "We do not sell your data, but we share it with advertisers.";
        assert!(!stance_of(text, "share").negated);
        let text = "If you do not opt out, we share your data with partners.";
        assert!(!stance_of(text, "share").negated);
    }

    #[test]
    fn false_friends_are_not_negations() {
        let text = "We use data for purposes including, but not limited to, selling ads.";
        assert!(!stance_of(text, "selling").negated);
        let text = "We are not responsible for how advertisers share your data.";
        assert!(!stance_of(text, "share").negated);
    }

    #[test]
    fn reader_control_is_recognised() {
        assert!(stance_of("You can turn off personalised ads.", "personalised ads").controlled);
        assert!(
            stance_of("To opt out of analytics cookies, visit settings.", "cookies").controlled
        );
        assert!(!stance_of("We use cookies to manage your session.", "cookies").controlled);
        let text = "After removing your name, we use the text you send to improve our models.";
        assert!(!stance_of(text, "improve").controlled);
    }

    #[test]
    fn consent_conditions_are_recognised() {
        assert!(stance_of("We share it only with your consent.", "share").consent_gated);
        assert!(stance_of("We sell nothing unless you opt in.", "sell").consent_gated);
        assert!(!stance_of("We share it with partners.", "share").consent_gated);
        let text = "We will get your permission before sharing your name with the restaurant.";
        assert!(stance_of(text, "sharing").consent_gated);
    }

    #[test]
    fn exceptions_are_found_and_judged() {
        let text = normalize("We never share it except as required by law.");
        let start = text.find("share").expect("phrase");
        let exception = exception_after(sentence_after(&text, start + 5)).expect("exception");
        assert!(benign_exception(exception));
        assert!(!benign_exception("except to our advertising partners"));
    }
}
