//! A change report as plain text for a terminal, wrapped to 96 columns.

use std::fmt::Write;

use termwatch::change::word_diff::WordOpKind;
use termwatch::change::{Change, ChangeKind, ChangeReport};

const WIDTH: usize = 96;

pub fn render(report: &ChangeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", super::headline(report));
    wrapped(&mut out, &report.summary, "");

    let risks = super::risk_lines(report);
    if !risks.is_empty() {
        let _ = writeln!(out, "\nRISK DELTA");
        for (sign, line) in risks {
            wrapped(&mut out, &format!("{sign} {line}"), "  ");
        }
    }

    let (substantive, cosmetic): (Vec<&Change>, Vec<&Change>) =
        report.changes.iter().partition(|change| change.substantive);
    if !substantive.is_empty() {
        let _ = writeln!(out, "\nCHANGES ({})", substantive.len());
        for change in substantive {
            write_change(&mut out, change);
        }
    }
    if !cosmetic.is_empty() {
        let _ = writeln!(out, "\nCOSMETIC ({}, not alerted on)", cosmetic.len());
        for change in cosmetic {
            write_change(&mut out, change);
        }
    }
    out
}

fn write_change(out: &mut String, change: &Change) {
    let place = change.section.as_deref().map(|s| format!(" · {s}")).unwrap_or_default();
    let kind = super::kind_label(change.kind).to_lowercase();
    let _ = writeln!(out, "\n  [{kind}] {}{place}", super::clause_reference(change));

    if change.kind == ChangeKind::Modified && !change.words.is_empty() {
        let inline: String = change
            .words
            .iter()
            .map(|op| match op.kind {
                WordOpKind::Equal => op.new.clone(),
                WordOpKind::Removed => format!("[-{}-]", op.old.trim_end()) + trailing(&op.old),
                WordOpKind::Added => format!("{{+{}+}}", op.new.trim_end()) + trailing(&op.new),
                WordOpKind::Replaced => format!(
                    "[-{}-]{{+{}+}}{}",
                    op.old.trim_end(),
                    op.new.trim_end(),
                    trailing(&op.new)
                ),
            })
            .collect();
        wrapped(out, &inline, "    ");
    } else {
        if let Some(old) = &change.old {
            wrapped(out, &format!("- {old}"), "    ");
        }
        if let Some(new) = &change.new {
            wrapped(out, &format!("+ {new}"), "    ");
        }
    }

    let notes = super::change_notes(change);
    if !notes.is_empty() {
        wrapped(out, &format!("({})", notes.join("; ")), "    ");
    }
}

/// The white space a piece ends with, kept outside the markers.
fn trailing(piece: &str) -> &str {
    &piece[piece.trim_end().len()..]
}

fn wrapped(out: &mut String, text: &str, indent: &str) {
    let options = textwrap::Options::new(WIDTH).initial_indent(indent).subsequent_indent(indent);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{line}");
    }
}
