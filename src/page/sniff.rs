//! Telling HTML, Markdown and plain text apart by their content, for input whose name does not
//! say (standard input, `.php`, `.aspx`, no extension).
//!
//! HTML: after any leading comments and XML prolog, the text opens with a doctype or an `html`,
//! `head` or `body` tag. Markdown: several lines of its syntax, with at least one ATX heading
//! (`## Fees`) or inline link (`[terms](url)`), since plain text has list markers of its own.
//! HTML again, failing those: `<!doctype html`, `<html` or `<body` in the first
//! [`SNIFF_BYTES`] (saved pages may open with script or other text before them). Anything else
//! is plain text.
//!
//! Cost: a look at the first [`SNIFF_BYTES`] bytes only.

use super::Format;

/// How much of the text is looked at.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The format the content suggests.
pub fn sniff(text: &str) -> Format {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];

    let lower = head.to_ascii_lowercase();
    if opens_as_html(&lower) {
        Format::Html
    } else if looks_like_markdown(head) {
        Format::Markdown
    } else if ["<!doctype html", "<html", "<body"].iter().any(|marker| lower.contains(marker)) {
        Format::Html
    } else {
        Format::Text
    }
}

/// After any comments and prolog, the text opens with a doctype or a document tag.
fn opens_as_html(lower: &str) -> bool {
    let opening = skip_prolog(lower);
    ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| opening.starts_with(tag))
}

/// The text after leading white space, comments and an `<?xml ...?>` prolog.
fn skip_prolog(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        let end = if text.starts_with("<!--") {
            text.find("-->").map(|end| end + 3)
        } else if text.starts_with("<?") {
            text.find("?>").map(|end| end + 2)
        } else {
            return text;
        };
        match end {
            Some(end) => text = &text[end..],
            None => return "",
        }
    }
}

/// Lines of Markdown syntax, seen in the first lines of the text.
#[derive(Default)]
struct Syntax {
    headings: usize,
    links: usize,
    items: usize,
}

fn looks_like_markdown(head: &str) -> bool {
    let mut syntax = Syntax::default();
    for line in head.split(['\r', '\n']) {
        let line = line.trim_start();
        if is_atx_heading(line) {
            syntax.headings += 1;
        } else if is_list_item(line) {
            syntax.items += 1;
        }
        if has_inline_link(line) {
            syntax.links += 1;
        }
    }

    let marked = syntax.headings + syntax.links;
    syntax.headings >= 2 || (marked >= 1 && marked + syntax.items >= 3)
}

/// `# Title` to `###### Title`.
fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&byte| byte == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
}

/// `- item`, `* item`, `+ item`, `1. item`.
fn is_list_item(line: &str) -> bool {
    if ["- ", "* ", "+ "].iter().any(|marker| line.starts_with(marker)) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with(". ")
}

/// `[text](target)` somewhere in the line.
fn has_inline_link(line: &str) -> bool {
    line.match_indices("](")
        .any(|(index, _)| line[..index].contains('[') && line[index + 2..].contains(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_behind_a_comment_and_a_long_head() {
        let head = "<style>.c{color:red}</style>\n".repeat(100);
        let page = format!("<!-- saved from url=x -->\n<!doctype html><html><head>{head}</head>");
        assert_eq!(sniff(&page), Format::Html);
        assert_eq!(sniff("<?xml version='1.0'?>\n<html><body>x"), Format::Html);
        assert_eq!(
            sniff(&format!("<!-- a -->{}<body>Terms", "<meta x>".repeat(200))),
            Format::Html
        );
    }

    #[test]
    fn markdown_by_headings_and_links() {
        let markdown = "# Terms\n\nText.\n\n## 1. Account\n\nSee [privacy](https://x.example).\n";
        assert_eq!(sniff(markdown), Format::Markdown);
        assert_eq!(sniff("## Fees\n\n- monthly\n- yearly\n"), Format::Markdown);
    }

    #[test]
    fn plain_text_with_lists_stays_text() {
        assert_eq!(
            sniff("Terms\n\nWe collect:\n- your name\n- your e-mail\n1. Fees"),
            Format::Text
        );
        assert_eq!(sniff("Use 1 < 2 and a <b> tag."), Format::Text);
        assert_eq!(sniff("# only one heading line\nplain text"), Format::Text);
    }
}
