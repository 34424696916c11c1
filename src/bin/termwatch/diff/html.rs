//! A change report as one self-contained HTML page: the verdict and summary, the risk delta on
//! top, then each change with the old and new text side by side and the changed words marked.
//!
//! Every piece of page text goes through [`escape`]; the page loads nothing (inline style, no
//! script), so it can be saved, mailed or opened offline.

use std::fmt::Write;

use termwatch::change::word_diff::WordOpKind;
use termwatch::change::{Change, ChangeKind, ChangeReport, Verdict};

const STYLE: &str = "\
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;
color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.3rem}
.verdict-substantive h1{color:#9b1c1c}
.verdict-cosmetic h1,.verdict-identical h1{color:#1d5e2c}
.summary{font-size:1.1rem;max-width:60rem}
.risks{border:2px solid #9b1c1c;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.risks li{list-style:none;margin:.2rem 0}
.sign{font-family:monospace;font-weight:bold;margin-right:.5rem}
article{border-top:1px solid #ccc;padding:.6rem 0}
article h3{font-size:1rem;margin:.2rem 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.cols div{background:#fafafa;padding:.4rem .6rem;border-radius:4px}
.cols .label{display:block;font-size:.8rem;color:#555}
del{background:#fdd;text-decoration:line-through}
ins{background:#cfc;text-decoration:none}
.notes{font-size:.9rem;color:#444}
details{margin-top:1.5rem}";

pub fn render(report: &ChangeReport) -> String {
    let verdict = match report.verdict {
        Verdict::Identical => "identical",
        Verdict::Cosmetic => "cosmetic",
        Verdict::Substantive => "substantive",
        Verdict::Unreadable => "unreadable",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Termwatch: {title}</title><style>{STYLE}</style></head>\n\
         <body class=\"verdict-{verdict}\"><main>\n<h1>{title}</h1>\n\
         <p class=\"summary\">{summary}</p>\n",
        title = escape(super::headline(report)),
        summary = escape(&report.summary),
    );

    let risks = super::risk_lines(report);
    if !risks.is_empty() {
        let _ = writeln!(out, "<section class=\"risks\"><h2>Risk delta</h2><ul>");
        for (sign, line) in risks {
            let _ = writeln!(out, "<li><span class=\"sign\">{sign}</span>{}</li>", escape(&line));
        }
        let _ = writeln!(out, "</ul></section>");
    }

    let (substantive, cosmetic): (Vec<&Change>, Vec<&Change>) =
        report.changes.iter().partition(|change| change.substantive);
    if !substantive.is_empty() {
        let _ = writeln!(out, "<section><h2>Changes ({})</h2>", substantive.len());
        substantive.iter().for_each(|change| write_change(&mut out, change));
        let _ = writeln!(out, "</section>");
    }
    if !cosmetic.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>Cosmetic changes, not alerted on ({})</summary>",
            cosmetic.len()
        );
        cosmetic.iter().for_each(|change| write_change(&mut out, change));
        let _ = writeln!(out, "</details>");
    }
    let _ = writeln!(out, "</main></body></html>");
    out
}

fn write_change(out: &mut String, change: &Change) {
    let kind = super::kind_label(change.kind);
    let place = change.section.as_deref().map(|s| format!(" · {}", escape(s))).unwrap_or_default();
    let clause = super::clause_reference(change);
    let _ = writeln!(out, "<article><h3>{kind} {clause}{place}</h3><div class=\"cols\">");

    let (old, new) = if change.kind == ChangeKind::Modified && !change.words.is_empty() {
        highlighted(change)
    } else {
        let whole = |text: &Option<String>, tag: &str| {
            text.as_deref().map(|t| format!("<{tag}>{}</{tag}>", escape(t))).unwrap_or_default()
        };
        let (old_tag, new_tag) = match change.kind {
            ChangeKind::Moved => ("span", "span"),
            _ => ("del", "ins"),
        };
        (whole(&change.old, old_tag), whole(&change.new, new_tag))
    };
    let _ = writeln!(out, "<div><span class=\"label\">Before</span>{old}</div>");
    let _ = writeln!(out, "<div><span class=\"label\">After</span>{new}</div></div>");

    let notes = super::change_notes(change);
    if !notes.is_empty() {
        let _ = writeln!(out, "<p class=\"notes\">{}</p>", escape(&notes.join("; ")));
    }
    let _ = writeln!(out, "</article>");
}

/// The old and new texts of a rewording with the changed words marked.
fn highlighted(change: &Change) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for op in &change.words {
        match op.kind {
            WordOpKind::Equal => {
                old += &escape(&op.old);
                new += &escape(&op.new);
            }
            WordOpKind::Removed => old += &format!("<del>{}</del>", escape(&op.old)),
            WordOpKind::Added => new += &format!("<ins>{}</ins>", escape(&op.new)),
            WordOpKind::Replaced => {
                old += &format!("<del>{}</del>", escape(&op.old));
                new += &format!("<ins>{}</ins>", escape(&op.new));
            }
        }
    }
    (old, new)
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
