//! Bounds how deep HTML nests before the parser sees it.
//!
//! html5ever follows the HTML standard's tree building, which scans the stack of open elements
//! on many start tags (`div`, `ul`, `li`, ...): a page nested `d` deep costs O(n·d), so a few
//! megabytes of `<div>` would take minutes. No real page nests anywhere near [`MAX_DEPTH`]
//! elements, so start tags past that depth (and as many of the end tags that follow) are cut
//! out of the markup. The text stays; only the excess nesting goes.
//!
//! Cost: one linear pass over the bytes; the input is copied only when something is cut. What
//! remains of html5ever's cost is O(n·MAX_DEPTH) on hostile markup: 10,000 nested `<ul><li>`
//! parse in under 0.1 s (release), but 2.4 MB of them still take about 4 s.
//!
//! Known limits: the scan is lighter than a real tokenizer. It skips comments and the content
//! of raw-text elements (`script`, `style`, `textarea`, ...) and honours quoted attribute values,
//! but counts every other start tag whose end tag is required, so a sloppy page that leaves
//! hundreds of such elements open could lose some formatting nesting (never text).

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
        kept.push_str(&html[from..cut.start]);
        from = cut.end;
    }
    kept.push_str(&html[from..]);
    Cow::Owned(kept)
}

/// Byte ranges of the tags to remove, in order. Every range starts at `<` and ends after `>`,
/// so cutting them keeps the text valid UTF-8.
fn cuts(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    let mut cut_open = 0usize;
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

        if tag.closing {
            if counts(&tag.name) {
                if cut_open > 0 {
                    cut_open -= 1;
                    cuts.push(start..tag.end);
                } else {
                    depth = depth.saturating_sub(1);
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

        if depth >= MAX_DEPTH {
            cut_open += 1;
            cuts.push(start..tag.end);
        } else {
            depth += 1;
        }
    }
    cuts
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
    Some(Tag { name, closing, self_closing, end })
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

        let expected = format!("{}text{}", "<div>".repeat(MAX_DEPTH), "</div>".repeat(MAX_DEPTH));
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
