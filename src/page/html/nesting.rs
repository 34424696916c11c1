//! Bounds how deep HTML nests before the parser sees it.
//!
//! html5ever follows the HTML standard's tree building, which scans the stack of open elements
//! on many start tags (`div`, `ul`, `li`, ...): a page nested `d` deep costs O(n·d), so a few
//! megabytes of `<div>` would take minutes. No real page nests anywhere near [`MAX_DEPTH`]
//! elements, so start tags past that depth (and the end tags that close them) are cut out of
//! the markup. Only formatting goes, never the reading of the text:
//! - a cut block element (`div`, `h2`, `section`, ...) leaves an `<hr>` in its place, at its
//!   start and its end, so the blocks around it stay apart;
//! - an element whose content is left out or hidden (`nav`, `footer`, `aside`, `svg`, `hidden`,
//!   `display: none`, a chrome role, a banner's name, ...) is kept past the depth, one at a
//!   time: everything inside it is left out or hidden with it anyway, so the nesting stays
//!   bounded by `MAX_DEPTH + 1`.
//!
//! Cost: one linear pass over the bytes; the input is copied only when something is cut. What
//! remains of html5ever's cost is O(n·MAX_DEPTH) on hostile markup: 10,000 nested `<ul><li>`
//! parse in under 0.1 s (release), but 2.4 MB of them still take about 4 s.
//!
//! Known limits: the scan is lighter than a real tokenizer. It skips comments and the content
//! of raw-text elements (`script`, `style`, `textarea`, ...) and honours quoted attribute values,
//! but matches end tags past the depth to start tags by count, not name (except the one kept
//! element's), so on sloppy markup a cut may close a different element than a browser would.

use std::borrow::Cow;

/// The deepest nesting of elements with required end tags that is passed to the parser.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "image",
];

/// Elements whose end tag may be left out: the parser closes them itself, so they do not nest
/// without bound and are not counted.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dd", "dt", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc",
];

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The markup with start tags past [`MAX_DEPTH`] removed, with the end tags that close them.
pub fn flatten(html: &str) -> Cow<'_, str> {
    let cuts = cuts(html.as_bytes());
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }

    let mut kept = String::with_capacity(html.len());
    let mut from = 0;
    for cut in cuts {
        kept.push_str(&html[from..cut.range.start]);
        if cut.separates {
            kept.push_str("<hr>");
        }
        from = cut.range.end;
    }
    kept.push_str(&html[from..]);
    Cow::Owned(kept)
}

/// One tag to remove. Every range starts at `<` and ends after `>`, so cutting it keeps the
/// text valid UTF-8.
struct Cut {
    range: std::ops::Range<usize>,
    /// The tag is a block element's: a `<hr>` takes its place to keep the blocks apart.
    separates: bool,
}

/// The elements open past [`MAX_DEPTH`], as the scan tracks them.
#[derive(Default)]
struct PastDepth {
    /// How many are open.
    open: usize,
    /// The one kept for the parser, an element whose content is left out.
    kept: Option<Kept>,
}

struct Kept {
    name: String,
    /// Its place among the open elements.
    at: usize,
    /// Elements of the same name open inside it, whose end tags are not its own.
    same_inside: usize,
}

impl PastDepth {
    /// Opens a start tag past the depth; `true` when the parser is to see it.
    fn open(&mut self, tag: &Tag, bytes: &[u8]) -> bool {
        let keep = match &mut self.kept {
            Some(kept) => {
                kept.same_inside += usize::from(kept.name == tag.name);
                false
            }
            None => leaves_content_out(tag, bytes),
        };
        if keep {
            self.kept = Some(Kept { name: tag.name.clone(), at: self.open, same_inside: 0 });
        }
        self.open += 1;
        keep
    }

    /// Closes an end tag past the depth; `true` when the parser is to see it.
    fn close(&mut self, name: &str) -> bool {
        if let Some(kept) = &mut self.kept {
            let own = kept.name == name && kept.same_inside == 0;
            if kept.name == name && !own {
                kept.same_inside -= 1;
            }
            if own || kept.at + 1 == self.open {
                self.open = kept.at;
                self.kept = None;
                return true;
            }
        }
        self.open -= 1;
        false
    }
}

/// The tags to remove, in order.
fn cuts(bytes: &[u8]) -> Vec<Cut> {
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    let mut past = PastDepth::default();
    let mut position = 0;

    while let Some(offset) = bytes[position..].iter().position(|&byte| byte == b'<') {
        let start = position + offset;
        let rest = &bytes[start..];

        if rest.starts_with(b"<!--") {
            position = find(bytes, start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }

        let Some(tag) = read_tag(bytes, start) else {
            position = start + 1;
            continue;
        };
        position = tag.end;
        let separates = super::BLOCK_TAGS.contains(&tag.name.as_str());

        if tag.closing {
            if counts(&tag.name) {
                if past.open == 0 {
                    depth = depth.saturating_sub(1);
                } else if !past.close(&tag.name) {
                    cuts.push(Cut { range: start..tag.end, separates });
                }
            }
            continue;
        }

        if RAW_TEXT.contains(&tag.name.as_str()) {
            position = find_end_tag(bytes, tag.end, &tag.name).unwrap_or(bytes.len());
            continue;
        }
        if tag.self_closing || !counts(&tag.name) {
            continue;
        }

        if depth < MAX_DEPTH {
            depth += 1;
        } else if !past.open(&tag, bytes) {
            cuts.push(Cut { range: start..tag.end, separates });
        }
    }
    cuts
}

/// An element whose content the reader leaves out or marks hidden: site chrome, content that
/// is never text, and elements hidden or named a banner by their attributes.
fn leaves_content_out(tag: &Tag, bytes: &[u8]) -> bool {
    let name = tag.name.as_str();
    if super::CHROME.contains(&name)
        || super::NEVER_TEXT.contains(&name)
        || matches!(name, "header" | "footer")
    {
        return true;
    }

    attributes(&bytes[tag.attributes.clone()]).any(|(key, value)| {
        let value = value.unwrap_or("");
        match key.to_ascii_lowercase().as_str() {
            "hidden" => !value.eq_ignore_ascii_case("until-found"),
            "aria-hidden" | "aria-modal" => value.eq_ignore_ascii_case("true"),
            "role" => super::CHROME_ROLES.contains(&value.to_ascii_lowercase().as_str()),
            "style" => super::hides_by_style(value),
            "class" | "id" => {
                super::banner::names_banner(value) || super::banner::names_consent_tool(value)
            }
            _ => false,
        }
    })
}

/// The attributes of a tag, from the bytes between its name and its `>`: names with their
/// values, unquoted.
fn attributes(bytes: &[u8]) -> impl Iterator<Item = (&str, Option<&str>)> {
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/' || c == '>');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || "=/>".contains(c));
        let name_end = name_end.unwrap_or(rest.len()).max(1);
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();

        let Some(after) = rest.strip_prefix('=') else { return Some((name, None)) };
        let after = after.trim_start();
        let (value, remainder) = match after.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body.find(quote).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after.find(|c: char| c.is_whitespace() || c == '>');
                let end = end.unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        rest = remainder;
        Some((name, Some(value)))
    })
}

fn counts(name: &str) -> bool {
    !VOID.contains(&name) && !OPTIONAL_END.contains(&name)
}

/// One start or end tag as the scan sees it.
struct Tag {
    /// Lower-case name.
    name: String,
    closing: bool,
    self_closing: bool,
    /// Bytes of the attributes, between the name and the end of the tag.
    attributes: std::ops::Range<usize>,
    /// Byte just after the tag's `>` (or the end of the input).
    end: usize,
}

/// Reads the tag starting at `bytes[start] == b'<'`; `None` when it is not a tag.
fn read_tag(bytes: &[u8], start: usize) -> Option<Tag> {
    let closing = bytes.get(start + 1) == Some(&b'/');
    let name_start = start + 1 + usize::from(closing);

    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        // `<!doctype>`, `<?...>`, or a `<` in text: nothing that nests.
        return None;
    }

    let name_end = bytes[name_start..]
        .iter()
        .position(|&byte| !(byte.is_ascii_alphanumeric() || byte == b'-' || byte == b':'))
        .map_or(bytes.len(), |length| name_start + length);
    let name = String::from_utf8_lossy(&bytes[name_start..name_end]).to_ascii_lowercase();

    let end = tag_end(bytes, name_end);
    let self_closing = end >= 2 && bytes[end - 1] == b'>' && bytes[end - 2] == b'/';
    Some(Tag { name, closing, self_closing, attributes: name_end..end, end })
}

/// The byte after the `>` that ends a tag whose attributes start at `from`, skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut index = from;
    let mut quote = None;

    while index < bytes.len() {
        let byte = bytes[index];
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None if byte == b'>' => return index + 1,
            None if (byte == b'"' || byte == b'\'') && bytes[index - 1] == b'=' => {
                quote = Some(byte);
            }
            None => {}
        }
        index += 1;
    }
    bytes.len()
}

/// Where the end tag `</name` (any case) starts, from `from` on.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut position = from;
    while let Some(start) = find(bytes, position, b"</") {
        let name_start = start + 2;
        let name_end = name_start + name.len();
        let matches = bytes
            .get(name_start..name_end)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let ends = bytes.get(name_end).is_none_or(|byte| !byte.is_ascii_alphanumeric());
        if matches && ends {
            return Some(start);
        }
        position = name_start;
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|window| window == needle).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_ordinary_markup_untouched() {
        let html = "<div><p>One<p>Two</div><script>if (a < b) {}</script><!-- <div> -->";

        assert!(matches!(flatten(html), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_start_tags_past_the_limit_and_their_end_tags() {
        let depth = MAX_DEPTH + 10;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let flat = flatten(&html);

        let expected = format!(
            "{}{}text{}{}",
            "<div>".repeat(MAX_DEPTH),
            "<hr>".repeat(10),
            "<hr>".repeat(10),
            "</div>".repeat(MAX_DEPTH)
        );
        assert_eq!(flat, expected);
    }

    #[test]
    fn keeps_text_between_cut_tags() {
        let depth = MAX_DEPTH + 2;
        let html =
            format!("{}é{}", "<section class='a>b'>x".repeat(depth), "</section>".repeat(depth));
        let flat = flatten(&html);

        assert_eq!(flat.matches('x').count(), depth);
        assert_eq!(flat.matches("<section").count(), MAX_DEPTH);
        assert!(flat.contains('é'));
    }

    #[test]
    fn keeps_chrome_and_hidden_elements_past_the_limit() {
        let html = format!(
            "{}<nav><span>Home</span></nav><b>x</b><div hidden>Gone</div>\
             <section class='cookie-banner'>Accept</section><footer>Bye</footer>",
            "<div>".repeat(MAX_DEPTH + 5)
        );
        let flat = flatten(&html);
        let tail = &flat[flat.rfind("<div>").expect("a div") + 5..];

        assert_eq!(
            tail,
            "<hr><hr><hr><hr><hr><nav>Home</nav>x<div hidden>Gone</div>\
             <section class='cookie-banner'>Accept</section><footer>Bye</footer>"
        );
    }

    #[test]
    fn the_kept_element_ends_at_its_own_end_tag() {
        let html = format!("{}<div hidden><div>a</div>b</div>c", "<div>".repeat(MAX_DEPTH));
        let flat = flatten(&html);

        assert!(flat.ends_with("<div hidden><hr>a<hr>b</div>c"), "{flat}");
    }

    #[test]
    fn reads_attributes() {
        let found: Vec<_> = attributes(b" class='a b' hidden id=x style=\"c:d\"/").collect();

        assert_eq!(
            found,
            [("class", Some("a b")), ("hidden", None), ("id", Some("x")), ("style", Some("c:d"))]
        );
    }

    #[test]
    fn self_closing_and_void_tags_do_not_count() {
        let html = "<svg><path/></svg><br><img src=x>".repeat(MAX_DEPTH * 2);

        assert!(matches!(flatten(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_is_not_scanned() {
        let script = format!("<script>{}</script>", "<div>".repeat(MAX_DEPTH * 2));

        assert!(matches!(flatten(&script), Cow::Borrowed(_)));
    }
}
