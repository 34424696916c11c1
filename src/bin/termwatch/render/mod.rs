//! Turning reports into text a person reads: in a terminal or as Markdown.

mod report_markdown;
mod report_text;

pub use report_markdown::report_markdown;
pub use report_text::report_text;

use termwatch::categories::{Polarity, Severity};
use termwatch::report::ReportFinding;
use termwatch::tagging::Facts;
use termwatch::Report;

/// Escapes every character that would turn page text into Markdown or inline HTML markup:
/// emphasis, code, links and images, headings, tables, strike-through.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '!' | '~') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The groups findings are listed in: the worst risks first, protections last.
pub const GROUPS: [(&str, Group); 4] = [
    ("High risk", Group::Risk(Severity::High)),
    ("Medium risk", Group::Risk(Severity::Medium)),
    ("Low risk", Group::Risk(Severity::Low)),
    ("In your favour", Group::Protective),
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Risk(Severity),
    Protective,
}

impl Group {
    pub fn holds(self, finding: &ReportFinding) -> bool {
        match self {
            Group::Risk(severity) => {
                finding.polarity == Polarity::Risk && finding.severity == severity
            }
            Group::Protective => finding.polarity == Polarity::Protective,
        }
    }
}

/// A report made safe to print: control characters from page text (an escape sequence could
/// clear the screen or retitle the terminal window) become U+FFFD; line breaks and tabs stay.
pub fn printable(report: String) -> String {
    let is_unsafe = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !report.contains(is_unsafe) {
        return report;
    }
    report.chars().map(|c| if is_unsafe(c) { '\u{fffd}' } else { c }).collect()
}

/// What a title-less page is called in every report.
pub const UNTITLED: &str = "Untitled page";

/// Cautions that come before the findings: a page that is not terms is not graded, and a page
/// in a language the rules do not read has most of its clauses unchecked.
pub fn reading_notes(report: &Report) -> Vec<String> {
    let document = &report.document;
    let mut notes = Vec::new();
    if !document.is_terms {
        let hints = if report.findings.is_empty() { "" } else { "; the findings below are hints" };
        notes.push(format!("This does not look like a terms page, so it is not graded{hints}."));
    }
    if let Some(language) = unread_language(&document.language) {
        notes.push(format!(
            "This page is in {language}. Termwatch reads clauses in English only, so most of \
             this page was not checked and the grade says little."
        ));
    }
    notes
}

/// The name of a detected language whose clauses the rules and the model cannot read.
fn unread_language(code: &str) -> Option<&'static str> {
    Some(match code {
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        _ => return None,
    })
}

/// The facts of a finding as short phrases ("opt-out window: 30 days").
pub fn describe_facts(facts: &Facts) -> Vec<String> {
    let mut phrases = Vec::new();
    if let Some(days) = facts.days {
        phrases.push(format!("opt-out window: {days} days"));
    }
    if let Some(cap) = &facts.cap {
        phrases.push(format!("liability cap: {cap}"));
    }
    if let Some(law) = &facts.law {
        phrases.push(format!("governing law: {law}"));
    }
    if let Some(venue) = &facts.venue {
        phrases.push(format!("venue: {venue}"));
    }
    if let Some(duration) = &facts.duration {
        phrases.push(format!("time to bring a claim: {duration}"));
    }
    if let Some(days) = facts.notice_days {
        phrases.push(format!("notice before changes: {days} days"));
    }
    if let Some(age) = facts.min_age {
        phrases.push(format!("minimum age: {age}"));
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escape_sequences_from_page_text_are_not_printed() {
        let report = printable("Terms\u{1b}[2J\u{1b}]0;title\u{7}\n\tend".to_string());
        assert!(!report.contains('\u{1b}') && !report.contains('\u{7}'), "{report:?}");
        assert!(report.contains("\n\tend"));
    }
}
