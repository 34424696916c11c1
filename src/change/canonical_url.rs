//! Canonical keys for documents and links: one address per document, whatever the visit added.
//!
//! Two visits to the same terms page often arrive by different addresses: a campaign link adds
//! `utm_source`, a mail client adds `mc_cid`, a server appends a session id, one link says
//! `www.` and another does not. [`canonical_key`] folds those into one key so that the versions
//! of a document land in one history. [`link_key`] does the same for links written inside the
//! text, and also unwraps redirect links and hides e-mail obfuscation tokens, whose values
//! change on every fetch.
//!
//! What the key keeps: the host (lower-cased, without `www.`, a trailing dot or a default port),
//! the path (case kept, trailing slash dropped, `;jsessionid=` path parameters dropped), and
//! every query parameter that is not known to track the visit, sorted by name then value —
//! `lang`, `hl`, `locale`, `id`, `doc`, `page`, `version` and any parameter we do not know, since
//! an unknown parameter may select a different document. The scheme is left out (`http` and
//! `https` name the same document); fragments are dropped, except client-side routes (`#/terms`,
//! `#!/terms`), which select a page in single-page applications.
//!
//! Cost: one pass over the address plus a sort of its parameters.
//!
//! Known limits: host names are compared as written (no IDNA mapping, so a Unicode host and its
//! punycode form get different keys); percent-encoding is left as it is, so `%7E` and `~` differ.
//! The parser is ours rather than the `url` crate: a probe module calling `Url::parse` weighed
//! 196,637 bytes against 2,488 without it (release, `opt-level = "z"`, before `wasm-opt`), and
//! still 70,254 with the ASCII-only IDNA adapter — too much of the extension's 600 KB budget
//! for the few splits a key needs.

/// Why an address cannot be turned into a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrlError {
    /// The address is empty or only white space.
    #[error("the address is empty")]
    Empty,
    /// The address names no host (`https:///terms`, `mailto:`), so it cannot name a document.
    #[error("the address {0:?} names no host")]
    NoHost(String),
}

/// Query parameters that only say how the visitor arrived; compared lower-cased.
const TRACKING_PARAMS: [&str; 26] = [
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "fbclid",
    "msclkid",
    "yclid",
    "twclid",
    "ttclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "ref_src",
    "sid",
    "sessionid",
    "session_id",
    "phpsessid",
    "jsessionid",
    "cfid",
    "cftoken",
];

/// Parameters of a redirect link that hold the real destination.
const REDIRECT_TARGET_PARAMS: [&str; 7] = ["u", "url", "q", "target", "dest", "redirect", "to"];

/// The path of Cloudflare's e-mail obfuscation links; their fragment changes on every fetch.
const EMAIL_PROTECTION_PATH: &str = "/cdn-cgi/l/email-protection";

/// The key of the document at `address`: see the module documentation for what it keeps.
pub fn canonical_key(address: &str) -> Result<String, UrlError> {
    let address = address.trim();
    if address.is_empty() {
        return Err(UrlError::Empty);
    }

    let parts = Parts::split(address);
    if parts.host.is_empty() {
        return Err(UrlError::NoHost(address.to_string()));
    }
    Ok(parts.key())
}

/// The comparable form of a link written inside the text: tracking parameters out, redirect
/// links unwrapped to their destination, e-mail obfuscation tokens hidden. Never fails: a link
/// that is not an address (`#section`, `/relative/path`) keeps its path and kept parameters.
pub fn link_key(link: &str) -> String {
    let visible: String = link.chars().filter(|c| !is_invisible(*c)).collect();
    let link = visible.trim();
    if link.contains(EMAIL_PROTECTION_PATH) {
        return "email-protection".to_string();
    }
    if let Some(address) = strip_prefix_ignore_case(link, "mailto:") {
        return format!("mailto:{}", address.split('?').next().unwrap_or("").to_lowercase());
    }

    let parts = Parts::split(link);
    if let Some(destination) = parts.redirect_destination() {
        return link_key(&destination);
    }
    parts.key()
}

/// An address cut into the pieces the key is made of.
struct Parts<'a> {
    host: String,
    path: &'a str,
    query: &'a str,
    fragment: &'a str,
}

impl<'a> Parts<'a> {
    fn split(address: &'a str) -> Parts<'a> {
        let (rest, fragment) = split_once_or(address, '#');
        let (rest, query) = split_once_or(rest, '?');

        let (authority, path) = match authority_start(rest) {
            Some(start) => {
                let after = &rest[start..];
                let end = after.find('/').unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
            None => ("", rest),
        };

        Parts { host: fold_host(authority), path, query, fragment }
    }

    fn key(&self) -> String {
        let mut key = self.host.clone();
        key.push_str(&fold_path(self.path));

        let params = kept_params(self.query);
        if !params.is_empty() {
            key.push('?');
            key.push_str(&params.join("&"));
        }

        if self.fragment.starts_with('/') || self.fragment.starts_with("!/") {
            key.push('#');
            key.push_str(self.fragment.trim_end_matches('/'));
        }
        key
    }

    /// The destination of a redirect link (`/l.php?u=...`, `/url?q=...`), if it is one.
    fn redirect_destination(&self) -> Option<String> {
        self.query.split(['&', ';']).find_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            if !REDIRECT_TARGET_PARAMS.iter().any(|target| name.eq_ignore_ascii_case(target)) {
                return None;
            }
            let value = percent_decode(value);
            let lower = value.to_ascii_lowercase();
            (lower.starts_with("http://") || lower.starts_with("https://")).then_some(value)
        })
    }
}

/// Where the authority starts: after `scheme://`, after a leading `//`, or at the start of a
/// bare `www.` address. `None` for relative links.
fn authority_start(address: &str) -> Option<usize> {
    if let Some(position) = address.find("://") {
        let scheme = &address[..position];
        let is_scheme = !scheme.is_empty()
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if is_scheme {
            return Some(position + 3);
        }
    }
    if address.starts_with("//") {
        return Some(2);
    }
    strip_prefix_ignore_case(address, "www.").map(|_| 0)
}

/// Lower-cases a host and drops user information, `www.`, a trailing dot and default ports.
fn fold_host(authority: &str) -> String {
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host_port = host_port.to_lowercase();

    let host_port = host_port
        .strip_suffix(":80")
        .or_else(|| host_port.strip_suffix(":443"))
        .unwrap_or(&host_port);
    let host_port = host_port.strip_prefix("www.").unwrap_or(host_port);

    host_port.trim_end_matches('.').to_string()
}

/// Drops session path parameters (`;jsessionid=...`) and a trailing slash; `""` becomes `/`.
fn fold_path(path: &str) -> String {
    let path: String = path
        .split('/')
        .map(|segment| segment.split(';').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("/");

    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The query parameters that may select a document, sorted.
fn kept_params(query: &str) -> Vec<&str> {
    let mut params: Vec<&str> = query
        .split(['&', ';'])
        .filter(|pair| !pair.is_empty())
        .filter(|pair| !is_tracking_param(pair.split('=').next().unwrap_or("")))
        .collect();
    params.sort_unstable();
    params.dedup();
    params
}

/// Whether a parameter name only tracks the visit: a known name, any `utm_*`, any
/// `aspsessionid*`, or a device id (`*-did`, `*_did`).
fn is_tracking_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    TRACKING_PARAMS.contains(&name.as_str())
        || name.starts_with("utm_")
        || name.starts_with("aspsessionid")
        || name.ends_with("-did")
        || name.ends_with("_did")
}

/// Characters that render as nothing; pages add them to link texts between two fetches.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

fn split_once_or(text: &str, separator: char) -> (&str, &str) {
    text.split_once(separator).unwrap_or((text, ""))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// Decodes `%XX` escapes (and `+` as a space); malformed escapes are kept as written.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;

    while index < bytes.len() {
        let byte = bytes[index];
        let escape = bytes.get(index + 1..index + 3).and_then(|hex| {
            let hex = std::str::from_utf8(hex).ok()?;
            u8::from_str_radix(hex, 16).ok()
        });
        match (byte, escape) {
            (b'%', Some(value)) => {
                decoded.push(value);
                index += 3;
            }
            (b'+', _) => {
                decoded.push(b' ');
                index += 1;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(address: &str) -> String {
        canonical_key(address).unwrap()
    }

    #[test]
    fn drops_fragments_and_tracking_parameters() {
        assert_eq!(
            key("https://example.com/terms?utm_source=mail&utm_medium=x&gclid=1#section-4"),
            "example.com/terms"
        );
        assert_eq!(
            key("https://example.com/terms?fbclid=a&mc_cid=b&msclkid=c"),
            key("https://example.com/terms")
        );
    }

    #[test]
    fn drops_session_ids_in_query_and_path() {
        assert_eq!(key("https://example.com/terms?sid=42&PHPSESSID=abc"), "example.com/terms");
        assert_eq!(
            key("https://example.com/terms;jsessionid=ABC123?sessionid=9"),
            "example.com/terms"
        );
        assert_eq!(key("https://example.com/legal?openaicom-did=1f2e"), "example.com/legal");
    }

    #[test]
    fn folds_www_case_scheme_port_and_trailing_slash() {
        let expected = "example.com/Terms";
        assert_eq!(key("HTTPS://WWW.Example.COM/Terms/"), expected);
        assert_eq!(key("http://example.com:80/Terms"), expected);
        assert_eq!(key("https://example.com.:443/Terms"), expected);
        assert_eq!(key("https://user:pw@example.com/Terms"), expected);
        assert_eq!(key("https://example.com"), "example.com/");
        assert_eq!(key("https://example.com:8443/"), "example.com:8443/");
    }

    #[test]
    fn keeps_and_sorts_parameters_that_select_a_document() {
        assert_eq!(
            key("https://example.com/policy?version=3&lang=fr&utm_campaign=x&id=7"),
            "example.com/policy?id=7&lang=fr&version=3"
        );
        assert_ne!(key("https://example.com/p?hl=de"), key("https://example.com/p?hl=en"));
        assert_ne!(
            key("https://example.com/p?doc=terms"),
            key("https://example.com/p?doc=privacy")
        );
    }

    #[test]
    fn keeps_client_side_routes() {
        assert_eq!(key("https://example.com/#/terms"), "example.com/#/terms");
        assert_eq!(key("https://example.com/#top"), "example.com/");
    }

    #[test]
    fn rejects_addresses_without_a_host() {
        assert_eq!(canonical_key("   "), Err(UrlError::Empty));
        assert!(matches!(canonical_key("/terms"), Err(UrlError::NoHost(_))));
        assert!(matches!(canonical_key("https:///terms"), Err(UrlError::NoHost(_))));
    }

    #[test]
    fn link_keys_ignore_tracking_redirects_and_email_tokens() {
        assert_eq!(
            link_key("https://example.com/help?utm_source=terms"),
            link_key("https://www.example.com/help/")
        );
        assert_eq!(
            link_key("https://l.social.example/l.php?u=https%3A%2F%2Fexample.com%2Fhelp&h=AT0xyz"),
            link_key("https://example.com/help")
        );
        assert_eq!(
            link_key("/cdn-cgi/l/email-protection#3a5b4e"),
            link_key("/cdn-cgi/l/email-protection#99aabb")
        );
        assert_eq!(link_key("mailto:Legal@Example.com"), "mailto:legal@example.com");
        assert_eq!(link_key("#section-2"), "/");
        assert_eq!(
            link_key("https://a.example/pricing\u{2060}"),
            link_key("https://a.example/pricing")
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for input in ["://", "%", "?%zz", "https://[::1]:8080/x", "www.", "é://ü", "%%41"] {
            let _ = canonical_key(input);
            let _ = link_key(input);
        }
        assert_eq!(percent_decode("a%2"), "a%2");
    }
}
