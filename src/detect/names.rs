//! The names legal documents give themselves, in the languages Termwatch reads, and how to
//! find them in a URL, a title or a heading.
//!
//! Matching is done on [`fold`]ed text: lower case, accents removed, punctuation turned into
//! spaces, so `Politique de confidentialité`, `politique-de-confidentialite` and
//! `POLITIQUE DE CONFIDENTIALITÉ` are the same. A name matches on word boundaries. When several
//! names match, the longest wins: `Cookie Policy` in `Privacy Center: Cookie Policy` says more
//! than `Privacy`, and `Developer Terms` more than `Terms`. A name that sits beside another
//! kind's name of the same strength (`Terms, Privacy & Copyright`) names a combined page and
//! gives no kind ([`named_kind`]).
//!
//! Cost: a handful of substring searches over a short string; no allocation beyond the folded
//! copy. Known limits: names not in the lists (an unusual title such as `The fine print`) are
//! not seen here; detection then rests on the text.

use super::PageKind;

/// How surely a name makes a page a legal document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Says "legal" but not which kind (`legal`, `policies`, `agreement`): counts towards a
    /// terms page, never towards a kind.
    Generic,
    /// Hints at a kind without naming a document (`privacy`, `cookies`, `rules`).
    Weak,
    /// Names a legal document on its own (`privacy policy`, `Nutzungsbedingungen`).
    Strong,
}

/// One document name and the kind it names.
pub struct Name {
    pub phrase: &'static str,
    pub kind: PageKind,
    pub strength: Strength,
}

const fn name(phrase: &'static str, kind: PageKind, strong: bool) -> Name {
    let strength = if strong { Strength::Strong } else { Strength::Weak };
    Name { phrase, kind, strength }
}

const fn generic(phrase: &'static str) -> Name {
    Name { phrase, kind: OtherLegal, strength: Strength::Generic }
}

use PageKind::{AcceptableUse, CookiePolicy, Eula, OtherLegal, PrivacyPolicy, TermsOfService};

/// Every name, folded. Order does not matter: the longest match wins.
pub const NAMES: &[Name] = &[
    // Terms of service.
    name("terms of service", TermsOfService, true),
    name("terms of use", TermsOfService, true),
    name("terms and conditions", TermsOfService, true),
    name("terms conditions", TermsOfService, true),
    name("conditions of use", TermsOfService, true),
    name("conditions of service", TermsOfService, true),
    name("user agreement", TermsOfService, true),
    name("services agreement", TermsOfService, true),
    name("service agreement", TermsOfService, true),
    name("customer agreement", TermsOfService, true),
    name("subscription agreement", TermsOfService, true),
    name("general terms", TermsOfService, true),
    name("commercial terms", TermsOfService, true),
    name("business terms", TermsOfService, true),
    name("service terms", TermsOfService, true),
    name("legal terms", TermsOfService, true),
    name("terms", TermsOfService, false),
    name("tos", TermsOfService, true),
    name("conditions generales", TermsOfService, true),
    name("conditions d utilisation", TermsOfService, true),
    name("conditions generales d utilisation", TermsOfService, true),
    name("conditions generales de vente", TermsOfService, true),
    name("conditions de service", TermsOfService, true),
    name("cgu", TermsOfService, true),
    name("cgv", TermsOfService, true),
    name("nutzungsbedingungen", TermsOfService, true),
    name("allgemeine geschaftsbedingungen", TermsOfService, true),
    name("geschaftsbedingungen", TermsOfService, true),
    name("geschaeftsbedingungen", TermsOfService, true),
    name("agb", TermsOfService, true),
    name("terminos y condiciones", TermsOfService, true),
    name("terminos de uso", TermsOfService, true),
    name("terminos del servicio", TermsOfService, true),
    name("condiciones de uso", TermsOfService, true),
    name("condiciones generales", TermsOfService, true),
    name("termini di servizio", TermsOfService, true),
    name("termini e condizioni", TermsOfService, true),
    name("condizioni d uso", TermsOfService, true),
    name("condizioni generali", TermsOfService, true),
    name("gebruiksvoorwaarden", TermsOfService, true),
    name("algemene voorwaarden", TermsOfService, true),
    name("voorwaarden", TermsOfService, false),
    name("termos de uso", TermsOfService, true),
    name("termos de servico", TermsOfService, true),
    name("termos e condicoes", TermsOfService, true),
    name("terms of sale", TermsOfService, true),
    name("conditions of sale", TermsOfService, true),
    name("general conditions", TermsOfService, true),
    // Privacy policies.
    name("privacy policy", PrivacyPolicy, true),
    name("privacy policies", PrivacyPolicy, true),
    name("privacy notice", PrivacyPolicy, true),
    name("privacy statement", PrivacyPolicy, true),
    name("privacy hub", PrivacyPolicy, true),
    name("privacy center", PrivacyPolicy, false),
    name("privacy", PrivacyPolicy, false),
    name("data policy", PrivacyPolicy, true),
    name("data protection policy", PrivacyPolicy, true),
    name("data protection notice", PrivacyPolicy, true),
    name("politique de confidentialite", PrivacyPolicy, true),
    name("confidentialite", PrivacyPolicy, false),
    name("protection des donnees", PrivacyPolicy, true),
    name("donnees personnelles", PrivacyPolicy, false),
    name("vie privee", PrivacyPolicy, false),
    name("politique de vie privee", PrivacyPolicy, true),
    name("charte vie privee", PrivacyPolicy, true),
    name("charte de confidentialite", PrivacyPolicy, true),
    name("datenschutzerklarung", PrivacyPolicy, true),
    name("datenschutzerklaerung", PrivacyPolicy, true),
    name("datenschutzhinweise", PrivacyPolicy, true),
    name("datenschutzhinweis", PrivacyPolicy, true),
    name("datenschutzinformationen", PrivacyPolicy, true),
    name("datenschutzrichtlinie", PrivacyPolicy, true),
    name("datenschutz", PrivacyPolicy, false),
    name("politica de privacidad", PrivacyPolicy, true),
    name("aviso de privacidad", PrivacyPolicy, true),
    name("privacidad", PrivacyPolicy, false),
    name("informativa sulla privacy", PrivacyPolicy, true),
    name("informativa privacy", PrivacyPolicy, true),
    name("privacyverklaring", PrivacyPolicy, true),
    name("privacybeleid", PrivacyPolicy, true),
    name("politica de privacidade", PrivacyPolicy, true),
    name("privacidade", PrivacyPolicy, false),
    // Cookie policies.
    name("cookie policy", CookiePolicy, true),
    name("cookies policy", CookiePolicy, true),
    name("cookie notice", CookiePolicy, true),
    name("cookie statement", CookiePolicy, true),
    name("cookies tracking", CookiePolicy, true),
    name("use of cookies", CookiePolicy, true),
    name("trackers policy", CookiePolicy, true),
    name("cookies", CookiePolicy, false),
    name("cookie", CookiePolicy, false),
    name("politique de cookies", CookiePolicy, true),
    name("politique relative aux cookies", CookiePolicy, true),
    name("politique cookies", CookiePolicy, true),
    name("traceurs", CookiePolicy, false),
    name("cookie richtlinie", CookiePolicy, true),
    name("cookie richtlinien", CookiePolicy, true),
    name("politica de cookies", CookiePolicy, true),
    name("cookies and similar technologies", CookiePolicy, true),
    name("tracking technologies", CookiePolicy, true),
    name("cookies and trackers", CookiePolicy, true),
    name("trackers", CookiePolicy, false),
    name("cookie declaration", CookiePolicy, true),
    name("cookies et traceurs", CookiePolicy, true),
    name("gestion des cookies", CookiePolicy, true),
    name("politique relative aux traceurs", CookiePolicy, true),
    name("cookie erklarung", CookiePolicy, true),
    name("cookie hinweise", CookiePolicy, true),
    name("informativa cookie", CookiePolicy, true),
    name("informativa sui cookie", CookiePolicy, true),
    name("cookiebeleid", CookiePolicy, true),
    name("cookieverklaring", CookiePolicy, true),
    // End-user licence agreements.
    name("end user license agreement", Eula, true),
    name("end user licence agreement", Eula, true),
    name("eula", Eula, true),
    name("license agreement", Eula, true),
    name("licence agreement", Eula, true),
    name("software license", Eula, true),
    name("software licence", Eula, true),
    name("lizenzvertrag", Eula, true),
    name("contrat de licence", Eula, true),
    // Acceptable use.
    name("acceptable use", AcceptableUse, true),
    name("acceptable use policy", AcceptableUse, true),
    name("usage policy", AcceptableUse, true),
    name("usage policies", AcceptableUse, true),
    name("use policy", AcceptableUse, true),
    name("prohibited use policy", AcceptableUse, true),
    name("community guidelines", AcceptableUse, true),
    name("community standards", AcceptableUse, true),
    name("community rules", AcceptableUse, true),
    name("content policy", AcceptableUse, true),
    name("content policies", AcceptableUse, true),
    name("code of conduct", AcceptableUse, true),
    name("responsible use", AcceptableUse, true),
    name("standards de la communaute", AcceptableUse, true),
    name("regles de la communaute", AcceptableUse, true),
    name("charte d utilisation", AcceptableUse, true),
    name("gemeinschaftsrichtlinien", AcceptableUse, true),
    name("community richtlinien", AcceptableUse, true),
    name("normas de la comunidad", AcceptableUse, true),
    name("reglement de la communaute", AcceptableUse, true),
    name("directrices de la comunidad", AcceptableUse, true),
    name("linee guida della community", AcceptableUse, true),
    name("communityrichtlijnen", AcceptableUse, true),
    name("diretrizes da comunidade", AcceptableUse, true),
    name("padroes da comunidade", AcceptableUse, true),
    name("content guidelines", AcceptableUse, true),
    name("community policies", AcceptableUse, true),
    name("usage guidelines", AcceptableUse, true),
    name("guidelines", AcceptableUse, false),
    name("espace moderation", AcceptableUse, false),
    // Other legal documents.
    name("data processing addendum", OtherLegal, true),
    name("data processing agreement", OtherLegal, true),
    name("data processing terms", OtherLegal, true),
    name("dpa", OtherLegal, true),
    name("sub processors", OtherLegal, true),
    name("subprocessors", OtherLegal, true),
    name("developer terms", OtherLegal, true),
    name("developer agreement", OtherLegal, true),
    name("api terms", OtherLegal, true),
    name("api terms of service", OtherLegal, true),
    name("api terms of use", OtherLegal, true),
    name("developer terms of service", OtherLegal, true),
    name("platform terms", OtherLegal, false),
    // Terms for developers of a service's API, whatever they call its platform.
    name("open platform terms", OtherLegal, true),
    name("open platform terms of service", OtherLegal, true),
    name("open platform service agreement", OtherLegal, true),
    name("developer platform terms", OtherLegal, true),
    name("api platform terms", OtherLegal, true),
    name("api agreement", OtherLegal, true),
    name("api license agreement", OtherLegal, true),
    name("developer policy", OtherLegal, true),
    name("developer policies", OtherLegal, true),
    name("developer program policies", OtherLegal, true),
    name("developer distribution agreement", OtherLegal, true),
    name("plugin terms", OtherLegal, true),
    name("directory terms", OtherLegal, true),
    name("imprint", OtherLegal, true),
    name("impressum", OtherLegal, true),
    name("legal notice", OtherLegal, true),
    name("legal notices", OtherLegal, true),
    generic("legal information"),
    name("mentions legales", OtherLegal, true),
    name("aviso legal", OtherLegal, true),
    name("note legali", OtherLegal, true),
    name("law enforcement", OtherLegal, true),
    name("vulnerability disclosure", OtherLegal, true),
    name("responsible disclosure", OtherLegal, true),
    name("disclosure policy", OtherLegal, true),
    name("security policy", OtherLegal, false),
    name("brand guidelines", OtherLegal, true),
    name("trademark guidelines", OtherLegal, true),
    name("trademark policy", OtherLegal, true),
    name("copyright policy", OtherLegal, true),
    name("copyright claims", OtherLegal, true),
    name("dmca", OtherLegal, true),
    name("takedown policy", OtherLegal, true),
    name("service level agreement", OtherLegal, true),
    name("sla", OtherLegal, true),
    name("platform to business", OtherLegal, true),
    name("p2b", OtherLegal, true),
    name("modern slavery statement", OtherLegal, true),
    name("government requests", OtherLegal, true),
    name("repeat infringer policy", OtherLegal, true),
    name("legal mentions", OtherLegal, true),
    name("informations legales", OtherLegal, true),
    name("colofon", OtherLegal, true),
    name("service credit terms", OtherLegal, true),
    name("refund policy", OtherLegal, true),
    name("disclaimer", OtherLegal, true),
    generic("legal"),
    generic("policies"),
    generic("policy"),
    generic("policies and procedures"),
    generic("agreement"),
    generic("legal center"),
    generic("legal hub"),
    // Trust centres publish sub-processor lists, security and compliance documents.
    generic("trust center"),
    generic("trust centre"),
    name("rules", AcceptableUse, false),
];

/// The best name found in `text` (already folded): the longest match on word boundaries.
pub fn best_name(folded: &str) -> Option<&'static Name> {
    NAMES
        .iter()
        .filter(|name| contains_words(folded, name.phrase))
        .max_by_key(|name| (name.strength, name.phrase.len()))
}

/// The kind `name` (found in `folded` by [`best_name`]) gives the page: none for a generic
/// name, and none when the rest of the text names another kind as strongly, as combined pages
/// do (`Terms, Privacy & Copyright`, `User Agreement & Privacy Policy`): which of the two is the
/// page is then for its text to say, not for the length of the names.
pub fn named_kind(folded: &str, name: &Name) -> Option<PageKind> {
    if name.strength == Strength::Generic {
        return None;
    }
    let rest = match find_words(folded, name.phrase) {
        Some(start) => {
            format!("{} {}", &folded[..start], &folded[start + name.phrase.len()..])
        }
        None => folded.to_string(),
    };
    let rival = NAMES.iter().any(|other| {
        other.kind != name.kind
            && other.strength == name.strength
            && contains_words(&rest, other.phrase)
    });
    (!rival).then_some(name.kind)
}

/// Whether `phrase` occurs in `folded` starting and ending on word boundaries.
pub fn contains_words(folded: &str, phrase: &str) -> bool {
    find_words(folded, phrase).is_some()
}

/// Where `phrase` first occurs in `folded` starting and ending on word boundaries.
fn find_words(folded: &str, phrase: &str) -> Option<usize> {
    let bytes = folded.as_bytes();
    let mut from = 0;
    while let Some(offset) = folded[from..].find(phrase) {
        let start = from + offset;
        let end = start + phrase.len();
        let starts = start == 0 || bytes[start - 1] == b' ';
        let ends = end == bytes.len() || bytes[end] == b' ';
        if starts && ends {
            return Some(start);
        }
        from = start + 1;
        while !folded.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Lower case, Latin accents removed, and every run of characters other than letters and
/// digits turned into one space; `ß` becomes `ss`, and `ä`, `ö`, `ü` lose their dots (URLs and
/// titles spell `Geschäftsbedingungen` both ways, so the names above are written without them).
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space = true;

    for character in text.chars() {
        // Most text is ASCII, which needs no case-mapping tables: whole pages are folded for
        // detection, and this path is several times faster than `char::to_lowercase`.
        if character.is_ascii() {
            if character.is_ascii_alphanumeric() {
                folded.push(character.to_ascii_lowercase());
                space = false;
            } else if !space {
                folded.push(' ');
                space = true;
            }
            continue;
        }
        for lower in character.to_lowercase() {
            if lower.is_alphanumeric() {
                match lower {
                    'ß' => folded.push_str("ss"),
                    _ => folded.push(strip_accent(lower)),
                }
                space = false;
            } else if !space {
                folded.push(' ');
                space = true;
            }
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

fn strip_accent(character: char) -> char {
    match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// The path of a URL, without scheme, host, query or fragment (`/legal/privacy-policy`).
pub fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |slash| &after_scheme[slash..]);
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(
            fold("Politique de Confidentialité — 2024"),
            "politique de confidentialite 2024"
        );
        assert_eq!(fold("/legal/terms-of-use?x=1"), "legal terms of use x 1");
        assert_eq!(
            fold("Allgemeine Geschäftsbedingungen (AGB)"),
            "allgemeine geschaftsbedingungen agb"
        );
    }

    #[test]
    fn the_longest_name_wins() {
        let kind = |text: &str| best_name(&fold(text)).map(|name| name.kind);

        assert_eq!(kind("Privacy Center: Cookie Policy"), Some(PageKind::CookiePolicy));
        assert_eq!(kind("App Developer Terms | OpenAI"), Some(PageKind::OtherLegal));
        assert_eq!(kind("Politique de confidentialité"), Some(PageKind::PrivacyPolicy));
        assert_eq!(kind("Nutzungsbedingungen"), Some(PageKind::TermsOfService));
        assert_eq!(kind("Charte vie privée"), Some(PageKind::PrivacyPolicy));
        assert_eq!(kind("Règlement de la communauté"), Some(PageKind::AcceptableUse));
        assert_eq!(kind("Weather in Paris"), None);
    }

    #[test]
    fn a_name_gives_no_kind_beside_another_kind_named_as_strongly() {
        let kind = |text: &str| {
            let folded = fold(text);
            best_name(&folded).and_then(|name| named_kind(&folded, name))
        };

        assert_eq!(kind("Terms, Privacy, & Copyright"), None);
        assert_eq!(kind("User Agreement & Privacy Policy"), None);
        assert_eq!(kind("Terms of Use and Privacy"), Some(PageKind::TermsOfService));
        assert_eq!(kind("API Terms of Service"), Some(PageKind::OtherLegal));
        assert_eq!(kind("Open Platform Terms of Service"), Some(PageKind::OtherLegal));
        assert_eq!(kind("Cookies and similar technologies"), Some(PageKind::CookiePolicy));
        assert_eq!(kind("Legal"), None);
    }

    #[test]
    fn names_match_whole_words_only() {
        assert!(contains_words("our terms apply", "terms"));
        assert!(!contains_words("determination", "terms"));
        assert!(!contains_words("slang", "sla"));
    }

    #[test]
    fn finds_the_path_of_an_address() {
        assert_eq!(url_path("https://example.com/legal/privacy?lang=fr#top"), "/legal/privacy");
        assert_eq!(url_path("https://example.com"), "");
    }
}
