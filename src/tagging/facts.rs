//! The numbers and places a clause states: opt-out days, caps, laws, venues, ages, durations.
//!
//! [`extract`] reads only the fact its category carries, so a clause tagged with several
//! categories is read once per category. Numbers may be written as figures, as words or as
//! both ("thirty (30) days": the figure in brackets wins when the two disagree). Durations in
//! weeks or months are turned into days where a fact counts days (a week is 7, a month 30).
//!
//! Cost: a few small regex scans of one clause, only for clauses that carry the category.
//! Known limits: English only; a clause that states two values (13 in the US, 16 in the EU)
//! gives the lowest age and the first number of days; places are read from capitalised words,
//! so a clause written all in capitals is title-cased first and a lower-case place name
//! ("the laws of ireland") is missed.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;
use serde::{Deserialize, Serialize};

use crate::categories::CategoryId;

/// Facts a finding states; only the ones that apply to its category are filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Facts {
    /// Days allowed to opt out of arbitration (`arbitration_opt_out`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// The liability cap as written (`$100`, `the fees you paid in the last 12 months`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    /// The governing law (`Delaware`, `Ireland`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// Where disputes are heard (`Santa Clara County, California`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The time allowed to bring a claim, normalised (`1 year`, `6 months`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// Days of notice before changes take effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u32>,
    /// The minimum age to use the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
}

impl Facts {
    pub fn is_empty(&self) -> bool {
        *self == Facts::default()
    }
}

/// Pulls the facts that `category` carries out of a clause.
pub fn extract(category: CategoryId, text: &str) -> Facts {
    let mut facts = Facts::default();
    match category {
        CategoryId::ArbitrationOptOut => facts.days = days(text),
        CategoryId::LimitationOfLiability => facts.cap = cap(text),
        CategoryId::ChoiceOfLaw => facts.law = law(text),
        CategoryId::Jurisdiction => facts.venue = venue(text),
        CategoryId::ClaimTimeLimit => facts.duration = duration(text),
        CategoryId::UnilateralChange | CategoryId::NoticeBeforeChanges => {
            facts.notice_days = days(text)
        }
        CategoryId::AgeRequirement => facts.min_age = min_age(text),
        _ => {}
    }
    facts
}

/// A number as figures or words, with an optional bracketed figure: group `figure`, `word`,
/// `bracketed`.
macro_rules! number {
    () => {
        concat!(
            r"(?:(?P<figure>\d{1,3}(?:,\d{3})+|\d+)|(?P<word>(?:a |one )?hundred|(?:twenty|thirty",
            r"|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six",
            r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven",
            r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)",
            r"(?:\s*\((?P<bracketed>\d{1,3})\))?)",
        )
    };
}

/// A number followed by a unit of time.
static SPAN: LazyLock<AsciiRegex> = LazyLock::new(|| {
    AsciiRegex::new(concat!(
        r"(?i)\b",
        number!(),
        r"(?:\s*-\s*|\s+)(?:calendar |business |working )?(?P<unit>days?|weeks?|months?|years?)",
        r"\b",
    ))
    .expect("valid")
});

/// The value of a number capture: the bracketed figure when present, else the figure, else
/// the word. `None` for a match that starts inside a longer number (`000` of `1,000,000`, `8`
/// of `1,8`), which `\b` alone lets through after a comma or a point.
fn number_value(text: &str, captures: &crate::ascii_regex::Captures<'_>) -> Option<u32> {
    let start = captures.get(0)?.start();
    if text[..start].ends_with(|c: char| c == ',' || c == '.' || c.is_ascii_digit()) {
        return None;
    }
    if let Some(bracketed) = captures.name("bracketed") {
        return bracketed.as_str().parse().ok();
    }
    if let Some(figure) = captures.name("figure") {
        return figure.as_str().replace(',', "").parse().ok();
    }
    captures.name("word").and_then(|word| word_value(word.as_str()))
}

/// `one` .. `ninety-nine`, `a hundred`; `a` and `an` count as one ("a year").
pub fn word_value(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] =
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    let word = word.trim().to_ascii_lowercase();
    if word == "a" || word == "an" {
        return Some(1);
    }
    if word.ends_with("hundred") {
        return Some(100);
    }
    let mut parts = word.split(['-', ' ']);
    let first = parts.next()?;
    let second = parts.next();
    if let Some(unit) = UNITS.iter().position(|candidate| *candidate == first) {
        return second.is_none().then_some(unit as u32);
    }
    let tens = TENS.iter().position(|candidate| *candidate == first)? as u32 * 10 + 20;
    match second {
        None => Some(tens),
        Some(unit) => {
            let unit = UNITS[1..10].iter().position(|candidate| *candidate == unit)? as u32 + 1;
            Some(tens + unit)
        }
    }
}

/// The first span of time in days (`30 days`, `thirty (30) days`, `two weeks`, `one month`).
fn days(text: &str) -> Option<u32> {
    SPAN.captures_iter(text).find_map(|captures| {
        let value = number_value(text, &captures)?;
        let unit = captures.name("unit")?.as_str().to_ascii_lowercase();
        match unit.trim_end_matches('s') {
            "day" => Some(value),
            "week" => Some(value * 7),
            "month" => Some(value * 30),
            _ => None,
        }
    })
}

/// The first span of time, normalised to `<n> <unit>` (`1 year`, `6 months`).
fn duration(text: &str) -> Option<String> {
    SPAN.captures_iter(text).find_map(|captures| {
        let value = number_value(text, &captures)?;
        let unit = captures.name("unit")?.as_str().to_ascii_lowercase();
        let unit = unit.trim_end_matches('s');
        let plural = if value == 1 { "" } else { "s" };
        Some(format!("{value} {unit}{plural}"))
    })
}

/// The lowest age the clause names with an age context (`at least 16 years old`, `under 13`,
/// `13 years of age or older`).
fn min_age(text: &str) -> Option<u32> {
    static AGE: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"(?i)\b(?P<prefix>(?:under|below|younger than|over|above|older than|at least",
            r"|minimum age(?: is)?(?: of)?|aged?|age of|less than|ages?)\s+(?:the age of\s+)?)?",
            number!(),
            r"(?P<suffix>\s*(?:\+|years?(?: of age| old|-old)|or (?:older|over|above)))?",
        ))
        .expect("valid")
    });

    AGE.captures_iter(text)
        .filter(|captures| captures.name("prefix").is_some() || captures.name("suffix").is_some())
        .filter_map(|captures| number_value(text, &captures))
        .filter(|age| (6..=25).contains(age))
        .min()
}

/// The liability cap as written: "the greater of ..." in full, a currency amount, or the
/// amount paid over a period.
fn cap(text: &str) -> Option<String> {
    static GREATER_OF: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(r"(?i)\b(?:the )?(?:greater|lesser|larger|smaller) of\b[^.;]*")
            .expect("valid")
    });
    static AMOUNT: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"(?i)(?:(?:\$|€|£)\s?\d[\d,]*(?:\.\d+)?|\b(?:usd|eur|gbp|us\$|chf|cad|aud)\s?\d[\d,]*",
            r"(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|euros?|pounds|usd|eur|gbp)\b)",
        ))
        .expect("valid")
    });
    static AMOUNT_PAID: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"(?i)\b(?:the )?(?:total |aggregate )?(?:amounts?|fees?|sums?|charges?|price)",
            r"(?: actually)?(?: \w+){0,3}? (?:paid|payable)\b[^.;]*",
        ))
        .expect("valid")
    });

    if let Some(found) = GREATER_OF.find(text) {
        return Some(trim_phrase(found.as_str()));
    }
    if let Some(found) = AMOUNT.find(text) {
        return Some(found.as_str().trim().to_string());
    }
    AMOUNT_PAID.find(text).map(|found| trim_phrase(found.as_str()))
}

/// Trims a phrase cut from a clause: closing punctuation, at most 160 characters on a char
/// boundary.
fn trim_phrase(phrase: &str) -> String {
    let phrase = phrase.trim().trim_end_matches([',', ')', ' ', ':']);
    match phrase.char_indices().nth(160) {
        Some((cut, _)) => phrase[..cut].trim_end().to_string(),
        None => phrase.to_string(),
    }
}

/// Adjectives of law ("Irish law") and the place they name.
const LAW_ADJECTIVES: [(&str, &str); 16] = [
    ("english", "England"),
    ("irish", "Ireland"),
    ("german", "Germany"),
    ("french", "France"),
    ("swiss", "Switzerland"),
    ("dutch", "the Netherlands"),
    ("swedish", "Sweden"),
    ("spanish", "Spain"),
    ("italian", "Italy"),
    ("belgian", "Belgium"),
    ("austrian", "Austria"),
    ("luxembourg", "Luxembourg"),
    ("singapore", "Singapore"),
    ("japanese", "Japan"),
    ("canadian", "Canada"),
    ("australian", "Australia"),
];

/// A run of capitalised words, allowing "and", "of" and "the" between them.
macro_rules! place {
    () => {
        r"(?P<place>[A-Z][\w.'-]*(?:(?:\s+(?:and|of|the|de|du))*\s+[A-Z][\w.'-]*)*)"
    };
}

/// The governing law: "laws of the State of Delaware" gives `Delaware`, "Irish law" gives
/// `Ireland`.
fn law(text: &str) -> Option<String> {
    static LAWS_OF: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"\b(?:[Ll]aws?|LAWS?) (?:of|OF|in force in|applicable in) (?:the |THE )?",
            r"(?:(?:[Ss]tate|[Cc]ommonwealth|[Pp]rovince|[Rr]epublic|[Kk]ingdom|[Cc]anton|STATE)",
            r" (?:of|OF) )?",
            place!(),
        ))
        .expect("valid")
    });
    static ADJECTIVE_LAW: LazyLock<AsciiRegex> =
        LazyLock::new(|| AsciiRegex::new(r"(?i)\b(?P<adjective>[a-z]+) law\b").expect("valid"));

    let text = readable_case(text);
    if let Some(captures) = LAWS_OF.captures(&text) {
        return captures.name("place").map(|place| clean_place(place.as_str()));
    }
    ADJECTIVE_LAW.captures_iter(&text).find_map(|captures| {
        let adjective = captures.name("adjective")?.as_str().to_ascii_lowercase();
        LAW_ADJECTIVES
            .iter()
            .find(|(candidate, _)| *candidate == adjective)
            .map(|(_, place)| place.to_string())
    })
}

/// Where disputes are heard: "courts located in Santa Clara County, California" gives
/// `Santa Clara County, California`.
fn venue(text: &str) -> Option<String> {
    static COURTS_IN: LazyLock<AsciiRegex> = LazyLock::new(|| {
        AsciiRegex::new(concat!(
            r"(?i:courts?|tribunals?|jurisdiction|venue)\b[^.;]{0,60}?\b(?i:located|sitting",
            r"|situated|seated|based)?\s*(?i:in|of|for|within) (?:the )?",
            r"(?:(?i:city|county|state|district|province|canton|commonwealth) (?i:of) )?",
            place!(),
            r"(?:,\s*(?P<region>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*))?",
        ))
        .expect("valid")
    });

    let text = readable_case(text);
    COURTS_IN.captures_iter(&text).find_map(|captures| {
        let place = clean_place(captures.name("place")?.as_str());
        if place.is_empty() || NOT_A_PLACE.contains(&place.as_str()) {
            return None;
        }
        Some(match captures.name("region") {
            Some(region) => format!("{place}, {}", clean_place(region.as_str())),
            None => place,
        })
    })
}

/// Capitalised words that follow "courts of" without naming a place.
const NOT_A_PLACE: [&str; 8] = ["Competent", "Any", "Such", "Your", "You", "Our", "This", "Each"];

/// Drops trailing joining words ("England and" -> "England").
fn clean_place(place: &str) -> String {
    let mut words: Vec<&str> = place.split_whitespace().collect();
    while words.last().is_some_and(|word| matches!(*word, "and" | "of" | "the" | "de" | "du")) {
        words.pop();
    }
    words.join(" ").trim_end_matches(['.', ',']).to_string()
}

/// A clause written all in capitals, title-cased so that capitalised place names stand out
/// again; other clauses unchanged.
fn readable_case(text: &str) -> std::borrow::Cow<'_, str> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    if letters == 0 || lower * 10 > letters {
        return std::borrow::Cow::Borrowed(text);
    }

    let words = text.split(' ').map(|word| {
        let lowered = word.to_lowercase();
        if matches!(lowered.as_str(), "and" | "of" | "the" | "in" | "to" | "or" | "for") {
            return lowered;
        }
        let mut chars = lowered.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    });
    std::borrow::Cow::Owned(words.collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(word_value("thirty"), Some(30));
        assert_eq!(word_value("twenty-one"), Some(21));
        assert_eq!(word_value("ninety nine"), Some(99));
        assert_eq!(word_value("thirteen"), Some(13));
        assert_eq!(word_value("a"), Some(1));
        assert_eq!(word_value("one hundred"), Some(100));
        assert_eq!(word_value("umpteen"), None);
        assert_eq!(word_value("thirteen-two"), None);
    }

    #[test]
    fn opt_out_days() {
        let facts = |text| extract(CategoryId::ArbitrationOptOut, text).days;
        assert_eq!(facts("You may opt out within 30 days of accepting."), Some(30));
        assert_eq!(facts("Send notice within thirty (30) days."), Some(30));
        assert_eq!(facts("Send notice within thirty days."), Some(30));
        assert_eq!(facts("Opt out within a 60-day window."), Some(60));
        assert_eq!(facts("You can opt out by email."), None);
    }

    #[test]
    fn bracketed_figure_wins_over_the_word() {
        assert_eq!(days("within thirty (45) days"), Some(45));
        assert_eq!(days("within 1,000,000 days of accepting"), Some(1_000_000));
        assert_eq!(days("within 1000 days of accepting"), Some(1000));
    }

    #[test]
    fn liability_caps() {
        let facts = |text| extract(CategoryId::LimitationOfLiability, text).cap;
        assert_eq!(facts("Our liability will not exceed $100."), Some("$100".to_string()));
        assert_eq!(facts("Liability is capped at USD 50."), Some("USD 50".to_string()));
        assert_eq!(facts("We are liable for no more than €200."), Some("€200".to_string()));
        assert_eq!(
            facts("Our liability is limited to the amount you paid us in the 12 months before the claim."),
            Some("the amount you paid us in the 12 months before the claim".to_string())
        );
        assert_eq!(
            facts("Liability is limited to the greater of $100 or the fees you paid."),
            Some("the greater of $100 or the fees you paid".to_string())
        );
        assert_eq!(facts("We are not liable for indirect damages."), None);
    }

    #[test]
    fn governing_law() {
        let facts = |text| extract(CategoryId::ChoiceOfLaw, text).law;
        assert_eq!(
            facts("These terms are governed by the laws of the State of Delaware."),
            Some("Delaware".to_string())
        );
        assert_eq!(facts("The laws of Ireland apply."), Some("Ireland".to_string()));
        assert_eq!(
            facts("governed by the law of England and Wales"),
            Some("England and Wales".to_string())
        );
        assert_eq!(
            facts("THESE TERMS ARE GOVERNED BY THE LAWS OF THE STATE OF NEW YORK."),
            Some("New York".to_string())
        );
        assert_eq!(
            facts("This agreement is subject to Swiss law."),
            Some("Switzerland".to_string())
        );
        assert_eq!(facts("Applicable law may give you more rights."), None);
    }

    #[test]
    fn venue() {
        let facts = |text| extract(CategoryId::Jurisdiction, text).venue;
        assert_eq!(
            facts("Disputes will be heard in the state or federal courts located in Santa Clara County, California."),
            Some("Santa Clara County, California".to_string())
        );
        assert_eq!(facts("You submit to the courts of Ireland."), Some("Ireland".to_string()));
        assert_eq!(facts("Disputes go to the competent courts."), None);
    }

    #[test]
    fn claim_duration() {
        let facts = |text| extract(CategoryId::ClaimTimeLimit, text).duration;
        assert_eq!(
            facts("Any claim must be filed within one (1) year."),
            Some("1 year".to_string())
        );
        assert_eq!(
            facts("Claims must be brought within six months."),
            Some("6 months".to_string())
        );
        assert_eq!(
            facts("WITHIN TWO (2) YEARS AFTER THE CLAIM AROSE"),
            Some("2 years".to_string())
        );
        assert_eq!(facts("Claims are barred."), None);
    }

    #[test]
    fn notice_days() {
        let facts = |text| extract(CategoryId::NoticeBeforeChanges, text).notice_days;
        assert_eq!(facts("We will give you at least 30 days' notice."), Some(30));
        assert_eq!(facts("Changes take effect fourteen (14) days after posting."), Some(14));
        assert_eq!(facts("We will notify you one month in advance."), Some(30));
        assert_eq!(facts("We will notify you two weeks before."), Some(14));
        let facts = |text| extract(CategoryId::UnilateralChange, text).notice_days;
        assert_eq!(facts("We may change these terms at any time."), None);
    }

    #[test]
    fn minimum_age() {
        let facts = |text| extract(CategoryId::AgeRequirement, text).min_age;
        assert_eq!(facts("You must be at least 16 years old."), Some(16));
        assert_eq!(facts("The service is not for children under 13."), Some(13));
        assert_eq!(facts("You must be 13 years of age or older (16 in the EU)."), Some(13));
        assert_eq!(facts("Users must be at least thirteen (13) years of age."), Some(13));
        assert_eq!(facts("You must be 18+ to buy."), Some(18));
        assert_eq!(facts("Children need a parent's consent."), None);
        assert_eq!(facts("You must be at least 1,8 years old."), None);
    }

    #[test]
    fn other_categories_carry_no_facts() {
        assert!(extract(CategoryId::Tracking, "We keep cookies for 30 days.").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for category in CategoryId::ALL {
            for text in ["", "(", "$", "laws of", "courts of ,", "É".repeat(300).as_str()] {
                let _ = extract(category, text);
            }
        }
    }
}
