//! A report as Markdown, for pasting into notes, tickets or wikis.

use std::fmt::Write;

use termwatch::Report;

use super::{describe_facts, escape_markdown as escape, reading_notes, GROUPS, UNTITLED};

pub fn report_markdown(report: &Report) -> String {
    let mut out = String::new();
    let document = &report.document;

    let title = document.title.as_deref().unwrap_or(UNTITLED);
    let _ = writeln!(out, "# {}\n", escape(title));
    if let Some(url) = &document.url {
        let _ = writeln!(out, "<{url}>\n");
    }
    let grade = if document.is_terms {
        format!(" · **grade {:?}**", report.grade.letter)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "**{}** ({:.0}% sure) · {} words{grade}\n",
        document.kind.label(),
        document.confidence * 100.0,
        document.words,
    );
    for note in reading_notes(report) {
        let _ = writeln!(out, "> {}\n", escape(&note));
    }
    if document.is_terms {
        for reason in &report.grade.reasons {
            let _ = writeln!(out, "- {}", escape(reason));
        }
    }

    for (heading, group) in GROUPS {
        let findings: Vec<_> = report.findings.iter().filter(|f| group.holds(f)).collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {heading} ({})\n", findings.len());

        for finding in findings {
            let place = finding.section.as_deref().map(|s| format!(" — {}", escape(s)));
            let _ = writeln!(out, "### {}{}\n", escape(&finding.name), place.unwrap_or_default());
            let _ = writeln!(out, "> {}\n", escape(&finding.quote));
            let _ = writeln!(out, "{}\n", escape(&finding.explanation));
            let facts = describe_facts(&finding.facts);
            if !facts.is_empty() {
                let _ = writeln!(out, "*{}*\n", escape(&facts.join("; ")));
            }
        }
    }
    out
}
