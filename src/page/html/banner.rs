//! Recognising cookie and consent banners by the words of their class and id.
//!
//! A class or id is split into words at `-`, `_`, white space and lower-to-upper case changes
//! (`cookieConsentBar` gives `cookie`, `consent`, `bar`). A banner names both its topic
//! (`cookie`, `consent`, `gdpr`, `cmp`, ...) and its shape (`banner`, `notice`, `bar`, `popup`,
//! `manager`, ...), as two words or one compound word (`cookiebanner`). A topic word alone names
//! content just as often: a policy's `#cookies` section, a `gdpr-rights` heading, the
//! `cmp-text` class some site builders put on every text block.
//!
//! Known limits: a banner named by its topic alone (`<div id=gdpr>`) is read as content unless
//! a role, `aria-modal` or a consent tool's name gives it away.

/// Words naming what a banner is about.
const TOPICS: &[&str] = &["cookie", "cookies", "consent", "gdpr", "ccpa", "cmp", "privacy"];

/// Words naming a banner's shape. `consent` counts as one next to another topic word
/// (`cookie-consent`, `privacy-consent`).
const SHAPES: &[&str] = &[
    "banner",
    "notice",
    "bar",
    "popup",
    "pop",
    "modal",
    "overlay",
    "dialog",
    "prompt",
    "manager",
    "message",
    "wall",
    "alert",
    "notification",
    "layer",
    "toast",
    "consent",
];

/// Consent tools whose containers are banners whatever their length.
const TOOLS: &[&str] = &[
    "onetrust",
    "cookiebot",
    "didomi",
    "usercentrics",
    "trustarc",
    "truste-",
    "cookieyes",
    "iubenda",
    "osano",
    "qc-cmp",
    "sp_message",
    "cybot",
];

/// A class or id made by a known consent tool.
pub fn names_consent_tool(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    TOOLS.iter().any(|tool| lower.contains(tool))
}

/// Whether the words of a class or id name a cookie or consent banner.
pub fn names_banner(name: &str) -> bool {
    let words = words(name);
    let mut topics = words.iter().filter(|word| TOPICS.contains(&word.as_str()));
    words.iter().any(|word| is_compound_banner(word))
        || topics.any(|topic| words.iter().any(|shape| pairs(topic, shape)))
}

/// Whether a topic word and a shape word name a banner together. A privacy notice or message
/// is a policy, not a banner.
fn pairs(topic: &str, shape: &str) -> bool {
    let policy = topic == "privacy" && matches!(shape, "notice" | "message" | "alert");
    shape != topic && SHAPES.contains(&shape) && !policy
}

/// Whether the words of a class or id name a topic of banners, shape or not.
pub fn names_topic(name: &str) -> bool {
    words(name).iter().any(|word| {
        TOPICS.contains(&word.as_str())
            || TOPICS.iter().any(|topic| word.starts_with(topic) && word.len() > topic.len())
    })
}

/// `cookiebanner`, `cookiesnotice`, `consentbar`: a topic and a shape in one word.
fn is_compound_banner(word: &str) -> bool {
    TOPICS.iter().any(|topic| word.strip_prefix(topic).is_some_and(|rest| pairs(topic, rest)))
}

/// Words of a class or id looked at: a banner's names are short, and a bound keeps pairing
/// them cheap on hostile markup.
const MAX_WORDS: usize = 32;

/// The first [`MAX_WORDS`] lower-case words of a class or id.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;

    for character in name.chars() {
        let separator = character == '-' || character == '_' || character.is_whitespace();
        let case_change = previous_lower && character.is_uppercase();
        if (separator || case_change) && !current.is_empty() {
            words.push(std::mem::take(&mut current));
            if words.len() == MAX_WORDS {
                return words;
            }
        }
        previous_lower = character.is_lowercase() || character.is_ascii_digit();
        if !separator {
            current.extend(character.to_lowercase());
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banners_name_a_topic_and_a_shape() {
        for name in [
            "cookie-banner",
            "cookie-consent",
            "cookieConsentBar",
            "CookieNotice",
            "cookie_notice-container",
            "transcend-consent-manager",
            "cookiebanner",
            "privacy-banner",
            "gdpr popup",
            "privacy-cookie-notice",
        ] {
            assert!(names_banner(name), "{name}");
        }
    }

    #[test]
    fn a_topic_alone_is_content() {
        for name in
            ["cookies", "gdpr-rights", "cmp-text text-break", "consent-terms", "privacy-notice"]
        {
            assert!(!names_banner(name), "{name}");
        }
        assert!(names_topic("cmp-text"));
        assert!(!names_topic("recipe-card"));
    }

    #[test]
    fn consent_tools_are_named_anywhere() {
        assert!(names_consent_tool("onetrust-banner-sdk"));
        assert!(!names_consent_tool("cookie-banner"));
    }
}
