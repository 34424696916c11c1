//! A change report as Markdown: summary, risk delta, then one entry per change with the
//! removed words struck through and the added ones in bold.

use std::fmt::Write;

use termwatch::change::word_diff::WordOpKind;
use termwatch::change::{Change, ChangeKind, ChangeReport};

use crate::render::escape_markdown as escape;

pub fn render(report: &ChangeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n{}\n", super::headline(report), escape(&report.summary));

    let risks = super::risk_lines(report);
    if !risks.is_empty() {
        let _ = writeln!(out, "## Risk delta\n");
        for (sign, line) in risks {
            let _ = writeln!(out, "- `{sign}` {}", escape(&line));
        }
        out.push('\n');
    }

    for (title, substantive) in [("Changes", true), ("Cosmetic changes (not alerted on)", false)] {
        let changes: Vec<&Change> =
            report.changes.iter().filter(|change| change.substantive == substantive).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title} ({})\n", changes.len());
        for change in changes {
            write_change(&mut out, change);
        }
    }
    out
}

fn write_change(out: &mut String, change: &Change) {
    let kind = super::kind_label(change.kind);
    let place = change.section.as_deref().map(|s| format!(" · {}", escape(s))).unwrap_or_default();
    let _ = writeln!(out, "### {kind} {}{place}\n", super::clause_reference(change));

    if change.kind == ChangeKind::Modified && !change.words.is_empty() {
        let mut line = String::new();
        for op in &change.words {
            match op.kind {
                WordOpKind::Equal => line += &escape(&op.new),
                WordOpKind::Removed => line += &marked("~~", &op.old),
                WordOpKind::Added => line += &marked("**", &op.new),
                WordOpKind::Replaced => {
                    line += &marked("~~", &op.old);
                    line += &marked("**", &op.new);
                }
            }
        }
        let _ = writeln!(out, "> {}\n", line.trim());
    } else {
        if let Some(old) = &change.old {
            let _ = writeln!(out, "> ~~{}~~\n", escape(old.trim()));
        }
        if let Some(new) = &change.new {
            let _ = writeln!(out, "> {}\n", escape(new.trim()));
        }
    }

    let notes = super::change_notes(change);
    if !notes.is_empty() {
        let _ = writeln!(out, "_{}_\n", escape(&notes.join("; ")));
    }
}

/// Wraps the words of a piece in a marker, leaving its surrounding white space outside.
fn marked(marker: &str, piece: &str) -> String {
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return piece.to_string();
    }
    let start = piece.len() - piece.trim_start().len();
    let end = start + trimmed.len();
    format!("{}{marker}{}{marker}{}", &piece[..start], escape(trimmed), &piece[end..])
}
