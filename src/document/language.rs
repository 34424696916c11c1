//! A light guess of a text's language from its most common short words.
//!
//! Seven languages are told apart (`en`, `fr`, `de`, `es`, `it`, `nl`, `pt`); anything else, or
//! too little text, is `und`. Each language has a list of frequent function words; the text's
//! first [`WORDS_READ`] words vote, and the winner must have enough votes and a clear lead.
//!
//! Cost: linear in the words read, no tables beyond the lists below. Known limits: short or
//! mixed-language texts come out `und`; close languages can be confused on a few sentences
//! (Spanish and Portuguese, Dutch and German), which the lead rule turns into `und` rather
//! than a wrong answer.

/// Words read at most.
pub const WORDS_READ: usize = 3_000;

/// Votes the winner needs, and its share of the words read.
const MIN_VOTES: usize = 5;
const MIN_SHARE: f64 = 0.08;

/// How far the winner must lead the runner-up.
const MIN_LEAD: f64 = 1.3;

/// Frequent function words, chosen to tell the languages apart.
const LANGUAGES: [(&str, &[&str]); 7] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "you", "your", "we", "our", "is", "are", "that", "with",
            "for", "this", "be", "by", "or", "will", "any", "may", "have", "it", "not", "on",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "vous", "nous", "votre", "vos", "une", "du",
            "dans", "pour", "qui", "que", "sur", "pas", "par", "ce", "sont", "aux", "avec", "au",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "sie", "wir", "ihre", "nicht", "mit", "von", "zu",
            "den", "dem", "ein", "eine", "auf", "für", "werden", "oder", "auch", "sind", "bei",
            "ihnen",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "que", "usted", "su", "sus", "para", "por", "con", "una",
            "es", "se", "del", "como", "nuestro", "nuestros", "al", "lo", "datos", "sobre", "o",
        ],
    ),
    (
        "it",
        &[
            "il", "gli", "e", "di", "che", "per", "una", "sono", "non", "della", "delle", "del",
            "con", "nel", "è", "questo", "utente", "dei", "alla", "degli", "le", "si", "i",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "en", "van", "is", "dat", "die", "niet", "wij", "u", "uw", "ons", "onze",
            "voor", "met", "zijn", "worden", "op", "te", "aan", "bij", "de", "deze",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "do", "da", "dos", "das", "que", "não", "em", "para", "com",
            "uma", "você", "seu", "sua", "nós", "nossos", "ao", "pelo", "pela", "são",
        ],
    ),
];

/// The language of the given words (`en`, `fr`, ...) or `und`.
pub fn guess<'a>(words: impl Iterator<Item = &'a str>) -> &'static str {
    let mut votes = [0usize; LANGUAGES.len()];
    let mut read = 0usize;

    for word in words.take(WORDS_READ) {
        read += 1;
        let word = word.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        for (index, (_, list)) in LANGUAGES.iter().enumerate() {
            if list.contains(&word.as_str()) {
                votes[index] += 1;
            }
        }
    }

    let mut ranked: Vec<(usize, &str)> =
        votes.iter().zip(LANGUAGES.iter()).map(|(&votes, (code, _))| (votes, *code)).collect();
    ranked.sort_by_key(|&(votes, _)| std::cmp::Reverse(votes));
    let (best, code) = ranked[0];
    let runner_up = ranked[1].0;

    let enough = best >= MIN_VOTES && best as f64 >= MIN_SHARE * read as f64;
    let clear = best as f64 >= MIN_LEAD * runner_up as f64;
    if enough && clear {
        code
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess_text(text: &str) -> &'static str {
        guess(text.split_whitespace())
    }

    #[test]
    fn tells_the_seven_languages_apart() {
        for (code, text) in [
            (
                "en",
                "By using the service you agree that we may keep your data for as long as \
                    it is needed.",
            ),
            (
                "fr",
                "En utilisant le service, vous acceptez que nous conservions vos données \
                    pour la durée nécessaire.",
            ),
            (
                "de",
                "Wenn Sie den Dienst nutzen, stimmen Sie zu, dass wir Ihre Daten für die \
                    nötige Zeit speichern und nicht weitergeben.",
            ),
            (
                "es",
                "Al usar el servicio, usted acepta que conservemos sus datos por el tiempo \
                    que sea necesario para los fines del contrato.",
            ),
            (
                "it",
                "Usando il servizio, l'utente accetta che i suoi dati siano conservati per \
                    il tempo necessario e non ceduti a terzi.",
            ),
            (
                "nl",
                "Door de dienst te gebruiken gaat u ermee akkoord dat wij uw gegevens \
                    bewaren voor de tijd die nodig is en niet delen.",
            ),
            (
                "pt",
                "Ao usar o serviço, você aceita que os seus dados sejam guardados pelo \
                    tempo necessário e não sejam vendidos a terceiros.",
            ),
        ] {
            assert_eq!(guess_text(text), code, "{text}");
        }
    }

    #[test]
    fn too_little_text_or_another_language_is_undetermined() {
        assert_eq!(guess_text("Terms"), "und");
        assert_eq!(guess_text("我们收集你的数据 我们收集你的数据 我们收集你的数据"), "und");
        assert_eq!(guess_text(""), "und");
    }
}
