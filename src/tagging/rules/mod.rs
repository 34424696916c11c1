//! Hand-written patterns for each category, with negation, scope and user-control handling.
//!
//! Each family module (dispute resolution, privacy, AI, money, content, liability, account)
//! owns a list of named [`Pattern`]s and a `decide` function that turns the patterns found in
//! a clause into categories. Patterns only find phrases; whether the clause asserts, denies or
//! hands the phrase to the reader is read by [`super::scope`], so "we do not sell your data"
//! gives `no_data_sale` and not `data_sharing`.
//!
//! Every pattern names its trigger words (stems one of which any match must contain), and all
//! triggers are compiled into one [`RegexSet`] of literal alternations: a clause with no
//! trigger word costs one pass of a small DFA and nothing else. Only patterns whose trigger
//! is present are run, only those that match are read for scope, and only families with a
//! matching pattern run their decisions. (One set of the full patterns was tried first; its
//! DFA states multiply on real clauses and it ran several times slower than the patterns
//! one by one.)
//!
//! Patterns are written in lower case against [`scope::normalize`]d text and compiled with
//! ASCII classes (see [`crate::ascii_regex`]), so that the DFA never has to fall back to a
//! slower engine on non-ASCII text.
//!
//! The rules decide 20 categories. The 8 categories of the learned model get patterns too, but
//! only as [`RuleHits::fired`] names the model reads as features; the rules never decide them.
//!
//! Known limits: English only; a rule reads one clause, so a denial in one sentence does not
//! reach the next ("We value your privacy. Selling data is not what we do" is read sentence by
//! sentence); scope is guessed from punctuation and clause-opening words (see `scope`).

mod account;
mod ai;
mod content;
mod dispute;
mod liability;
mod money;
mod privacy;
mod signals;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{meta, util::syntax};

use super::scope::{self, Stance};
use crate::ascii_regex::AsciiRegex;
use crate::categories::CategoryId;

/// The rules that fired on one piece of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleHits {
    /// `(category, confidence)` for each category whose rules decided it.
    pub decided: Vec<(CategoryId, f32)>,
    /// Names of every pattern that matched, including ones that were overruled; the learned
    /// model uses them as features. A pattern whose phrase was denied also adds its
    /// `<name>!negated` variant.
    pub fired: Vec<&'static str>,
}

impl RuleHits {
    /// The confidence with which the rules tag `category`, if they do.
    pub fn confidence(&self, category: CategoryId) -> Option<f32> {
        self.decided.iter().find(|(id, _)| *id == category).map(|(_, confidence)| *confidence)
    }
}

/// Whether the rules (rather than the learned model) decide `category`.
pub fn decides(category: CategoryId) -> bool {
    !matches!(
        category,
        CategoryId::LimitationOfLiability
            | CategoryId::UnilateralTermination
            | CategoryId::UnilateralChange
            | CategoryId::ContentRemoval
            | CategoryId::ContractByUsing
            | CategoryId::ChoiceOfLaw
            | CategoryId::Jurisdiction
            | CategoryId::Arbitration
    )
}

/// Runs every rule on one clause.
pub fn evaluate(text: &str) -> RuleHits {
    let engine = engine();
    let normalized = scope::normalize(text);
    let triggered = engine.triggers.candidates(&normalized);
    if triggered.is_empty() {
        return RuleHits::default();
    }

    if !reads_as_english(&normalized) {
        return RuleHits::default();
    }

    let found = Found::locate(engine, &normalized, triggered.into_iter());
    let mut hits = RuleHits::default();
    for occurrence in &found.by_pattern {
        let pattern = engine.patterns[occurrence.pattern];
        hits.fired.push(pattern.name);
        if occurrence.stances.iter().any(|(_, stance)| stance.negated) {
            hits.fired.push(pattern.negated_name);
        }
    }

    let mut decisions = Decisions::default();
    for (index, family) in FAMILIES.iter().enumerate() {
        if found.by_pattern.iter().any(|occurrence| engine.family_of[occurrence.pattern] == index) {
            (family.decide)(&found, &mut decisions);
        }
    }
    hits.decided = decisions.0;
    hits
}

/// The patterns are English: a clause of five words or more with no English function word
/// ("Diese Daten werden nicht an Dritte weitergegeben"), or of ten or more with only one, is
/// left alone rather than read through the English words it borrows ("cookies").
fn reads_as_english(text: &str) -> bool {
    const FUNCTION_WORDS: [&str; 36] = [
        "the", "and", "to", "of", "we", "you", "is", "are", "or", "for", "with", "our", "your",
        "that", "this", "will", "may", "not", "be", "by", "on", "it", "any", "can", "if", "as",
        "from", "at", "us", "they", "their", "have", "has", "do", "does", "such",
    ];

    let needed = match text.split_whitespace().take(10).count() {
        0..=4 => return true,
        5..=9 => 1,
        _ => 2,
    };
    // Words are the runs of ASCII letters, digits and `_`, as `\b` would delimit them; the
    // scan stops at the function word it needs, which in English is within the first few.
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| FUNCTION_WORDS.contains(word))
        .nth(needed - 1)
        .is_some()
}

/// One named phrase a rule looks for.
pub(crate) struct Pattern {
    /// `family.phrase`, unique across all families; reported in [`RuleHits::fired`].
    pub name: &'static str,
    /// `name!negated`, reported when the phrase was found but denied.
    pub negated_name: &'static str,
    /// Groups of stems (`a|b|c`); every match contains a stem of each group. A stem written
    /// `=word` must stand as a whole word. The first pass runs the pattern only on clauses
    /// where every group has a stem.
    pub trigger: &'static [&'static str],
    /// Lower-case regex over normalized text.
    pub regex: &'static str,
}

/// Declares a [`Pattern`] with its negated name derived at compile time.
macro_rules! pattern {
    ($name:literal, trigger: [$($group:literal),+ $(,)?], $($regex:expr),+ $(,)?) => {
        $crate::tagging::rules::Pattern {
            name: $name,
            negated_name: concat!($name, "!negated"),
            trigger: &[$($group),+],
            regex: concat!($($regex),+),
        }
    };
}
pub(crate) use pattern;

/// The categories decided for one clause, with the highest confidence each got.
#[derive(Debug, Default)]
pub(crate) struct Decisions(Vec<(CategoryId, f32)>);

impl Decisions {
    pub fn contains(&self, category: CategoryId) -> bool {
        self.0.iter().any(|(id, _)| *id == category)
    }

    pub fn add(&mut self, category: CategoryId, confidence: f32) {
        debug_assert!(decides(category), "rules never decide model categories");
        match self.0.iter_mut().find(|(id, _)| *id == category) {
            Some((_, best)) => *best = best.max(confidence),
            None => self.0.push((category, confidence)),
        }
    }
}

/// Where one matched pattern sits in the clause and what the clause does with it.
struct Occurrence {
    pattern: usize,
    stances: Vec<(std::ops::Range<usize>, Stance)>,
}

/// The patterns found in one clause, located and read for scope.
pub(crate) struct Found<'t> {
    engine: &'static Engine,
    /// The normalized clause.
    pub text: &'t str,
    by_pattern: Vec<Occurrence>,
}

impl<'t> Found<'t> {
    fn locate(
        engine: &'static Engine,
        text: &'t str,
        matched: impl Iterator<Item = usize>,
    ) -> Found<'t> {
        let cues = scope::Cues::of(text);
        let by_pattern = matched
            .map(|pattern| Occurrence { pattern, stances: engine.read(pattern, text, cues) })
            .filter(|occurrence| !occurrence.stances.is_empty())
            .collect();
        Found { engine, text, by_pattern }
    }

    /// Every place the pattern matched, with its stance; empty when it did not match.
    pub fn at(&self, pattern: &Pattern) -> &[(std::ops::Range<usize>, Stance)] {
        let index = self.engine.index_of(pattern);
        self.by_pattern
            .iter()
            .find(|occurrence| occurrence.pattern == index)
            .map_or(&[], |occurrence| occurrence.stances.as_slice())
    }

    /// The pattern matched somewhere, whatever the clause does with it.
    pub fn any(&self, pattern: &Pattern) -> bool {
        !self.at(pattern).is_empty()
    }

    /// Any of the patterns matched: lets a decision skip its helper scans early.
    pub fn any_of(&self, patterns: &[&Pattern]) -> bool {
        patterns.iter().any(|pattern| self.any(pattern))
    }

    /// The pattern matched somewhere the clause asserts it.
    pub fn affirmed(&self, pattern: &Pattern) -> bool {
        self.at(pattern).iter().any(|(_, stance)| stance.affirmed())
    }

    /// The pattern matched somewhere the clause denies it.
    pub fn negated(&self, pattern: &Pattern) -> bool {
        self.at(pattern).iter().any(|(_, stance)| stance.negated)
    }

    /// The patterns found here, located again in one part of the clause and read for scope
    /// within it alone: a compound sentence can hold two statements a family decides apart.
    pub fn part(&self, range: std::ops::Range<usize>) -> Found<'t> {
        let found = self.by_pattern.iter().map(|occurrence| occurrence.pattern);
        Found::locate(self.engine, &self.text[range], found)
    }

    /// Whether `regex` (a pattern-local helper, compiled once by the caller) matches the
    /// whole clause.
    pub fn has(&self, regex: &AsciiRegex) -> bool {
        regex.is_match(self.text)
    }
}

type Decide = fn(&Found<'_>, &mut Decisions);

/// One family of rules: its patterns and how it decides from them.
struct Family {
    patterns: &'static [Pattern],
    decide: Decide,
}

const FAMILIES: [Family; 8] = [
    Family { patterns: dispute::PATTERNS, decide: dispute::decide },
    Family { patterns: privacy::PATTERNS, decide: privacy::decide },
    Family { patterns: ai::PATTERNS, decide: ai::decide },
    Family { patterns: money::PATTERNS, decide: money::decide },
    Family { patterns: content::PATTERNS, decide: content::decide },
    Family { patterns: liability::PATTERNS, decide: liability::decide },
    Family { patterns: account::PATTERNS, decide: account::decide },
    Family { patterns: signals::PATTERNS, decide: signals::decide },
];

/// The triggers for the first pass, and one regex for each pattern, compiled the first time
/// its trigger is present: compiling every pattern up front was most of the first analysis's
/// cost, and a page seldom triggers them all.
struct Engine {
    triggers: Triggers,
    sources: Vec<String>,
    regexes: Vec<OnceLock<meta::Regex>>,
    patterns: Vec<&'static Pattern>,
    family_of: Vec<usize>,
    /// Whether each pattern names an anchor group for its stance.
    anchored: Vec<bool>,
    index: HashMap<&'static str, usize, BuildFnv>,
}

impl Engine {
    /// Every match of one pattern with its stance. The stance is read at the pattern's
    /// anchor, the group named `at` (or `at2` in a second branch), when it has one: "we will
    /// never share" is matched from "we" but denied at "share".
    fn read(
        &self,
        pattern: usize,
        text: &str,
        cues: scope::Cues,
    ) -> Vec<(std::ops::Range<usize>, Stance)> {
        let regex = self.regex(pattern);
        let bytes = text.as_bytes();
        // Byte classes could in principle end a match inside a multi-byte character; such a
        // match is dropped rather than sliced.
        let whole_chars = |found: &regex_automata::Match| {
            text.is_char_boundary(found.start()) && text.is_char_boundary(found.end())
        };
        if !self.anchored[pattern] || !cues.any() {
            return regex
                .find_iter(bytes)
                .filter(whole_chars)
                .map(|found| {
                    (found.range(), scope::stance_with(cues, text, found.start(), found.end()))
                })
                .collect();
        }
        // Locating with the DFA first and capturing only inside each match keeps the slower
        // capturing engines off the rest of the clause.
        regex
            .find_iter(bytes)
            .filter(whole_chars)
            .map(|whole| {
                let mut captures = regex.create_captures();
                regex.captures(&bytes[whole.range()], &mut captures);
                let anchor = captures
                    .get_group_by_name("at")
                    .or_else(|| captures.get_group_by_name("at2"))
                    .map_or(whole.start(), |anchor| whole.start() + anchor.start);
                let mut stance = scope::stance_with(cues, text, anchor, whole.end());
                // A denial before the whole phrase governs it too ("we do not use the content
                // you provide ... to train").
                if anchor > whole.start() && !stance.negated {
                    stance.negated = scope::negated_at(cues, text, whole.start());
                }
                (whole.range(), stance)
            })
            .collect()
    }

    fn regex(&self, pattern: usize) -> &meta::Regex {
        self.regexes[pattern].get_or_init(|| compile_pattern(&self.sources[pattern]))
    }

    fn index_of(&self, pattern: &Pattern) -> usize {
        *self.index.get(pattern.name).unwrap_or_else(|| {
            panic!("pattern {} is used by a rule but not listed in its family", pattern.name)
        })
    }
}

/// Compiles one pattern for byte search.
///
/// Byte regexes without Unicode classes: "[^.;]" is one byte class rather than a UTF-8
/// automaton, which keeps the lazy DFAs small. Offsets are the same as in the text, and every
/// match starts and ends on an ASCII byte or a literal. Two settings make the first analysis
/// of a session cheaper, which is what a reader waits for in the browser: no literal
/// prefilter (the trigger pass has already found the pattern's words in the clause, so a
/// prefilter saves little and building one cost more than the rest of the compilation), and
/// capture groups kept only for patterns that name an anchor.
fn compile_pattern(source: &str) -> meta::Regex {
    let captures =
        if source.contains("(?P<at") { WhichCaptures::All } else { WhichCaptures::Implicit };
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .configure(meta::Regex::config().auto_prefilter(false).which_captures(captures))
        .build(source)
        .expect("rule patterns compile (checked by tests)")
}

fn engine() -> &'static Engine {
    static ENGINE: LazyLock<Engine> = LazyLock::new(build_engine);
    &ENGINE
}

fn build_engine() -> Engine {
    let mut patterns = Vec::new();
    let mut family_of = Vec::new();
    for (index, family) in FAMILIES.iter().enumerate() {
        for pattern in family.patterns {
            patterns.push(pattern);
            family_of.push(index);
        }
    }

    let sources: Vec<String> =
        patterns.iter().map(|pattern| unbounded_gaps(pattern.regex).into_owned()).collect();
    let triggers = Triggers::new(&patterns);
    let regexes = sources.iter().map(|_| OnceLock::new()).collect();
    let index = patterns.iter().enumerate().map(|(index, pattern)| (pattern.name, index)).collect();
    // (Pattern names are hashed on every lookup; FNV is far cheaper than SipHash here.)
    let anchored = patterns.iter().map(|pattern| pattern.regex.contains("(?P<at")).collect();

    Engine { triggers, sources, regexes, patterns, family_of, anchored, index }
}

/// The first pass: one Aho-Corasick automaton over every trigger stem of every pattern.
struct Triggers {
    automaton: AhoCorasick,
    stems: Vec<Stem>,
    /// For each pattern, one bit per trigger group.
    complete: Vec<u8>,
}

/// One distinct stem and the pattern groups it satisfies.
struct Stem {
    whole_word: bool,
    satisfies: Vec<(usize, u8)>,
}

impl Triggers {
    fn new(patterns: &[&'static Pattern]) -> Triggers {
        let mut texts: Vec<&'static str> = Vec::new();
        let mut stems: Vec<Stem> = Vec::new();
        let mut index: HashMap<(&str, bool), usize> = HashMap::new();
        let mut complete = Vec::with_capacity(patterns.len());

        for (pattern, definition) in patterns.iter().enumerate() {
            assert!(definition.trigger.len() <= 8, "{}: at most 8 trigger groups", definition.name);
            for (group, stems_of_group) in definition.trigger.iter().enumerate() {
                for stem in stems_of_group.split('|') {
                    let (text, whole_word) = match stem.strip_prefix('=') {
                        Some(word) => (word, true),
                        None => (stem, false),
                    };
                    let slot = *index.entry((text, whole_word)).or_insert_with(|| {
                        texts.push(text);
                        stems.push(Stem { whole_word, satisfies: Vec::new() });
                        stems.len() - 1
                    });
                    stems[slot].satisfies.push((pattern, 1 << group));
                }
            }
            complete.push(((1u16 << definition.trigger.len()) - 1) as u8);
        }

        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&texts)
            .expect("trigger stems build an automaton");
        Triggers { automaton, stems, complete }
    }

    /// The patterns whose every trigger group has a stem in `text`.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mut seen = vec![0u8; self.complete.len()];
        // A stem seen once has done its work: later hits of it are skipped cheaply.
        let mut stem_done = vec![false; self.stems.len()];
        let mut any = false;
        for found in self.automaton.find_overlapping_iter(text) {
            let index = found.pattern().as_usize();
            if stem_done[index] {
                continue;
            }
            let stem = &self.stems[index];
            if stem.whole_word && !whole_word(text.as_bytes(), found.start(), found.end()) {
                continue;
            }
            stem_done[index] = true;
            for &(pattern, bit) in &stem.satisfies {
                seen[pattern] |= bit;
            }
            any = true;
        }
        if !any {
            return Vec::new();
        }
        (0..seen.len()).filter(|&pattern| seen[pattern] == self.complete[pattern]).collect()
    }
}

fn whole_word(text: &[u8], start: usize, end: usize) -> bool {
    let word = |byte: Option<&u8>| byte.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    !word(start.checked_sub(1).and_then(|before| text.get(before))) && !word(text.get(end))
}

/// Rewrites the bounded gaps `[^.;]{0,n}` as `[^.;]*` (and `[^.]{0,n}` as `[^.]*`): a bounded
/// gap is n copies of its class in the automaton, and the next full stop or semicolon already
/// ends the gap.
fn unbounded_gaps(regex: &str) -> Cow<'_, str> {
    static TO_STOP_OR_SEMICOLON: LazyLock<AsciiRegex> =
        LazyLock::new(|| AsciiRegex::new(r"\[\^\.;\]\{0,\d+\}").expect("valid"));
    static TO_STOP: LazyLock<AsciiRegex> =
        LazyLock::new(|| AsciiRegex::new(r"\[\^\.\]\{0,\d+\}").expect("valid"));
    match TO_STOP_OR_SEMICOLON.replace_all(regex, "[^.;]*") {
        Cow::Borrowed(regex) => TO_STOP.replace_all(regex, "[^.]*"),
        Cow::Owned(rewritten) => Cow::Owned(TO_STOP.replace_all(&rewritten, "[^.]*").into_owned()),
    }
}

/// Compiles a helper regex of a family (used through `LazyLock`).
pub(crate) fn helper(regex: &str) -> AsciiRegex {
    AsciiRegex::new(&unbounded_gaps(regex)).expect("rule helper regexes compile (checked by tests)")
}

/// FNV-1a for the pattern-name map: short keys, no hostile input.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        self.0 = bytes.iter().fold(start, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    }
}

type BuildFnv = std::hash::BuildHasherDefault<Fnv>;

/// Fragments shared by several families, as macros so that `concat!` can splice them.
macro_rules! personal_data {
    () => {
        concat!(
            r"(?:data|information|info|details|content|e-?mail address(?:es)?|identifiers?",
            r"|records|history|messages|files|profiles?|contacts?|location|photos|lists?)",
        )
    };
}
pub(crate) use personal_data;

/// A number of up to two digits, or its word (`thirteen`, `thirty`), with an optional
/// bracketed figure after the word (`thirty (30)`).
macro_rules! number {
    () => {
        concat!(
            r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve",
            r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
            r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three",
            r"|four|five|six|seven|eight|nine))?|a hundred|one hundred)(?:\s*\(\d{1,3}\))?",
        )
    };
}
pub(crate) use number;

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(text: &str) -> Vec<CategoryId> {
        evaluate(text).decided.into_iter().map(|(category, _)| category).collect()
    }

    #[test]
    fn every_pattern_compiles_and_names_are_unique() {
        let engine = engine();
        let mut names = std::collections::HashSet::new();
        for (index, pattern) in engine.patterns.iter().enumerate() {
            // Patterns compile lazily in use; compiling each here catches a broken one.
            let _ = engine.regex(index);
            assert!(names.insert(pattern.name), "duplicate pattern name {}", pattern.name);
            assert!(pattern.name.contains('.'), "{} is not family.phrase", pattern.name);
        }
    }

    /// A trigger that misses a stem would silently switch its pattern off: on every example
    /// sentence we have, a pattern that matches must also have been let through.
    #[test]
    fn triggers_admit_every_clause_their_pattern_matches() {
        let engine = engine();
        let examples = crate::categories::all()
            .iter()
            .flat_map(|category| category.must_match.iter().chain(&category.must_not_match));
        for example in examples {
            let text = scope::normalize(example);
            let admitted = engine.triggers.candidates(&text);
            for index in 0..engine.patterns.len() {
                if engine.regex(index).is_match(text.as_bytes()) {
                    let name = engine.patterns[index].name;
                    assert!(
                        admitted.contains(&index),
                        "{name} matches but is not triggered: {example}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_without_triggers_decides_nothing() {
        let hits = evaluate("The weather in Lisbon was mild this spring.");
        assert!(hits.decided.is_empty());
        assert!(hits.fired.is_empty());
        assert!(evaluate("").decided.is_empty());
    }

    #[test]
    fn rules_never_decide_model_categories() {
        for category in CategoryId::ALL {
            if decides(category) {
                continue;
            }
            for example in &category.info().must_match {
                assert!(!decided(example).contains(&category), "{example}");
            }
        }
    }

    #[test]
    fn denial_is_protective_not_risky() {
        let tags = decided("We do not sell your personal information.");
        assert!(tags.contains(&CategoryId::NoDataSale));
        assert!(!tags.contains(&CategoryId::DataSharing));

        let tags = decided("We never use your messages to train our models.");
        assert!(tags.contains(&CategoryId::NoAiTraining));
        assert!(!tags.contains(&CategoryId::AiTrainingOnUserData));
    }

    #[test]
    fn scope_and_reader_control_do_not_carry_the_risk() {
        assert!(!decided("This policy does not cover third-party sites that use cookies.")
            .contains(&CategoryId::Tracking));
        assert!(!decided("You can turn off personalised ads in your settings.")
            .contains(&CategoryId::Tracking));
    }

    #[test]
    fn negated_patterns_are_reported_for_the_model() {
        let hits = evaluate("We will never sell your data.");
        assert!(hits.fired.iter().any(|name| name.ends_with("!negated")), "{:?}", hits.fired);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["\u{0}", "....", "é".repeat(5000).as_str(), "İstanbul ǅ ß ﬁ", "((((", ";;;;"]
        {
            let _ = evaluate(text);
        }
    }
}
