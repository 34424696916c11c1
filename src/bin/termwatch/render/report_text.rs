//! A report as plain text for a terminal, wrapped to 96 columns.

use std::fmt::Write;

use termwatch::Report;

use super::{describe_facts, reading_notes, GROUPS, UNTITLED};

const WIDTH: usize = 96;

pub fn report_text(report: &Report) -> String {
    let mut out = String::new();
    let document = &report.document;

    let title = document.title.as_deref().unwrap_or(UNTITLED);
    let _ = writeln!(out, "{title}");
    if let Some(url) = &document.url {
        let _ = writeln!(out, "{url}");
    }
    let _ = writeln!(
        out,
        "{} ({:.0}% sure), {} words",
        document.kind.label(),
        document.confidence * 100.0,
        document.words
    );

    for note in reading_notes(report) {
        out.push('\n');
        write_wrapped(&mut out, &note, "");
    }

    let risks = report.risks().count();
    let protections = report.findings.len() - risks;
    if document.is_terms || !report.findings.is_empty() {
        let _ = writeln!(out, "\n{risks} risky and {protections} protective clauses");
    }
    if document.is_terms {
        let _ = writeln!(out, "Grade {:?}, from what they say:", report.grade.letter);
        for reason in &report.grade.reasons {
            let _ = writeln!(out, "  - {reason}");
        }
    }

    for (heading, group) in GROUPS {
        let findings: Vec<_> = report.findings.iter().filter(|f| group.holds(f)).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({})", heading.to_uppercase(), findings.len());

        for finding in findings {
            let place = finding.section.as_deref().map(|s| format!(" · {s}")).unwrap_or_default();
            let _ = writeln!(out, "\n  {}{place}", finding.name);
            write_wrapped(&mut out, &format!("\u{201c}{}\u{201d}", finding.quote), "    ");
            write_wrapped(&mut out, &finding.explanation, "    ");
            let facts = describe_facts(&finding.facts);
            if !facts.is_empty() {
                write_wrapped(&mut out, &facts.join("; "), "    ");
            }
        }
    }
    out
}

fn write_wrapped(out: &mut String, text: &str, indent: &str) {
    let options = textwrap::Options::new(WIDTH).initial_indent(indent).subsequent_indent(indent);
    for line in textwrap::wrap(text, options) {
        let _ = writeln!(out, "{line}");
    }
}
