//! British and American spellings of one word compare as one word.
//!
//! Sites move their terms between editions of English ("licence" → "license", "personalised" →
//! "personalized", "behaviour" → "behavior") without changing a word of what they say, and a
//! comparison that saw those edits would alert on every such move. The comparison therefore
//! keys every word by its American spelling.
//!
//! Two kinds of folds:
//! - the `-ise`/`-ize` and `-yse`/`-yze` families by their ending, for stems long enough that no
//!   other English word differs from them by that letter alone (`prise`/`prize` stays apart);
//! - everything else by a list of stems (`colour`, `centre`, `licence`, `cancelled`, ...), since
//!   endings like `-our` or `-re` also close words that have no other spelling (`four`, `hour`,
//!   `genre`).
//!
//! Known limits: only English is folded, and only the spellings in the lists below; a rarer
//! British form (`draught`, `kerb`) still reads as a changed word.

/// Rewrites a lower-cased word in place to its American spelling, when it has one.
pub fn fold_to_american(word: &mut String) {
    if word.len() < 5 || !word.is_ascii() {
        return;
    }
    if let Some(american) = listed_spelling(word) {
        *word = american;
        return;
    }
    fold_ise_ending(word);
}

/// `-ise`, `-ised`, `-ises`, `-ising`, `-isation(s)`, `-iser(s)` and the `-yse` family, after a
/// stem of at least four letters (`organis-e`, `analys-e`).
fn fold_ise_ending(word: &mut String) {
    // Every ending below holds `is` or `ys` within the word's last eight letters; most words
    // are turned away by this one look.
    let tail = &word.as_bytes()[word.len().saturating_sub(8)..];
    if !tail.windows(2).any(|pair| matches!(pair, [b'i' | b'y', b's'])) {
        return;
    }
    const ENDINGS: [&str; 9] =
        ["ise", "ised", "ises", "ising", "isation", "isations", "iser", "isers", "isable"];
    const MIN_STEM: usize = 4;

    for ending in ENDINGS {
        let Some(stem) = word.strip_suffix(ending) else { continue };
        if stem.len() < MIN_STEM {
            return;
        }
        let position = stem.len() + 1;
        word.replace_range(position..position + 1, "z");
        return;
    }

    for ending in ["yse", "ysed", "yses", "ysing"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.len() >= 3 {
                let position = stem.len() + 1;
                word.replace_range(position..position + 1, "z");
            }
            return;
        }
    }
}

/// British stems and their American spelling, by first letter so that a word is checked
/// against a handful of stems at most. A word folds when it starts with a British stem and the
/// rest is one of the inflections in [`INFLECTIONS`].
fn stems_starting_with(letter: u8) -> &'static [(&'static str, &'static str)] {
    match letter {
        b'a' => &[("armour", "armor")],
        b'b' => &[("behaviour", "behavior")],
        b'c' => &[
            ("colour", "color"),
            ("centre", "center"),
            ("catalogue", "catalog"),
            ("cancelled", "canceled"),
            ("cancelling", "canceling"),
            ("counselling", "counseling"),
        ],
        b'd' => &[("defence", "defense"), ("dialogue", "dialog")],
        b'e' => &[("endeavour", "endeavor"), ("enrolment", "enrollment")],
        b'f' => &[("favour", "favor"), ("flavour", "flavor"), ("fulfilment", "fulfillment")],
        b'h' => &[("honour", "honor"), ("humour", "humor"), ("harbour", "harbor")],
        b'i' => &[("instalment", "installment")],
        b'j' => &[("judgement", "judgment")],
        b'l' => &[
            ("labour", "labor"),
            ("licence", "license"),
            ("labelled", "labeled"),
            ("labelling", "labeling"),
        ],
        b'm' => &[("metre", "meter"), ("modelled", "modeled"), ("modelling", "modeling")],
        b'n' => &[("neighbour", "neighbor")],
        b'o' => &[("offence", "offense")],
        b'p' => &[("pretence", "pretense"), ("programme", "program")],
        b'r' => &[("rumour", "rumor")],
        b't' => &[("theatre", "theater"), ("travelled", "traveled"), ("travelling", "traveling")],
        b'v' => &[("vapour", "vapor")],
        _ => &[],
    }
}

/// What may follow a listed stem: nothing, a plural or verb ending, or a derived ending.
const INFLECTIONS: [&str; 10] = ["", "s", "d", "ed", "ing", "al", "able", "ite", "ites", "ful"];

fn listed_spelling(word: &str) -> Option<String> {
    stems_starting_with(word.as_bytes()[0]).iter().find_map(|(british, american)| {
        let rest = word.strip_prefix(british)?;
        INFLECTIONS.contains(&rest).then(|| format!("{american}{rest}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(word: &str) -> String {
        let mut word = word.to_string();
        fold_to_american(&mut word);
        word
    }

    #[test]
    fn british_and_american_forms_meet() {
        for (british, american) in [
            ("personalised", "personalized"),
            ("organisation", "organization"),
            ("authorise", "authorize"),
            ("recognising", "recognizing"),
            ("analysed", "analyzed"),
            ("licence", "license"),
            ("licences", "licenses"),
            ("behaviour", "behavior"),
            ("favourite", "favorite"),
            ("centres", "centers"),
            ("cancelled", "canceled"),
            ("judgement", "judgment"),
            ("programmes", "programs"),
        ] {
            assert_eq!(folded(british), folded(american), "{british} / {american}");
        }
    }

    #[test]
    fn words_that_only_look_british_are_left_alone() {
        for word in ["four", "hour", "detour", "genre", "prise", "prize", "raise", "noise"] {
            assert_eq!(folded(word), word);
        }
        assert_ne!(folded("prise"), folded("prize"));
    }

    #[test]
    fn different_words_stay_different() {
        assert_ne!(folded("license"), folded("licensee"));
        assert_ne!(folded("advise"), folded("advice"));
        assert_ne!(folded("colour"), folded("colourless"));
    }
}
