//! `termwatch diff`: two versions of a document in, what changed in substance out.
//!
//! Both files are read like `termwatch analyze` reads one (HTML, Markdown or text, by
//! extension), analysed, and compared with [`termwatch::change::compare_analyses`]. The report
//! comes out as text for a terminal, JSON for programs, Markdown, or one self-contained HTML
//! page with the two versions side by side.

mod html;
mod markdown;
mod text;

use anyhow::Result;
use termwatch::categories::CategoryId;
use termwatch::change::{self, Change, ChangeKind, ChangeReport, RiskChange};

use crate::input;

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The older version: an .html, .md or .txt file, or - for standard input (one side only).
    old: String,
    /// The newer version: an .html, .md or .txt file, or - for standard input (one side only).
    new: String,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
}

pub fn run(args: Args) -> Result<()> {
    anyhow::ensure!(
        !(args.old == "-" && args.new == "-"),
        "standard input can hold only one of the two versions; give the other as a file"
    );
    let old = termwatch::analyze(&input::read_page(&args.old, None)?);
    let new = termwatch::analyze(&input::read_page(&args.new, None)?);
    let report = change::compare_analyses(&old, &new);
    print!("{}", render(&report, args.format)?);
    Ok(())
}

/// A report in the chosen format.
pub fn render(report: &ChangeReport, format: Format) -> Result<String> {
    Ok(match format {
        Format::Text => crate::render::printable(text::render(report)),
        Format::Json => serde_json::to_string_pretty(report)? + "\n",
        Format::Markdown => crate::render::printable(markdown::render(report)),
        Format::Html => html::render(report),
    })
}

/// What happened to a clause, as the reports name it.
fn kind_label(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "Added",
        ChangeKind::Removed => "Removed",
        ChangeKind::Modified => "Reworded",
        ChangeKind::Moved => "Moved",
    }
}

/// Which clause a change is about, by the numbers the risk delta cites: new-document numbers
/// for what is there now, old-document numbers for what went away.
fn clause_reference(change: &Change) -> String {
    match (change.old_clause, change.new_clause) {
        (Some(old), Some(new)) => format!("clause #{} (was #{})", new + 1, old + 1),
        (None, Some(new)) => format!("clause #{}", new + 1),
        (Some(old), None) => format!("old clause #{}", old + 1),
        (None, None) => String::new(),
    }
}

/// What a change did to the risks and numbers of its clause, in words ("adds Binding
/// arbitration", "number 30 → 14", "number 2026 added").
fn change_notes(change: &Change) -> Vec<String> {
    let name = |category: &CategoryId| change::report::category_name(*category);
    let mut notes: Vec<String> =
        change.risks_added.iter().map(|c| format!("adds {}", name(c))).collect();
    notes.extend(change.risks_removed.iter().map(|c| format!("removes {}", name(c))));
    for number in &change.numbers_changed {
        notes.push(match (&number.old, &number.new) {
            (Some(old), Some(new)) => format!("number {old} → {new}"),
            (None, Some(new)) => format!("number {new} added"),
            (Some(old), None) => format!("number {old} dropped"),
            (None, None) => continue,
        });
    }
    // A number said twice in a clause and dropped from both places is one note.
    notes.dedup();
    notes
}

/// The verdict as a headline.
fn headline(report: &ChangeReport) -> &'static str {
    match report.verdict {
        change::Verdict::Identical => "No change",
        change::Verdict::Cosmetic => "Cosmetic changes only",
        change::Verdict::Substantive => "The terms changed",
        change::Verdict::Unreadable => "Not compared: a version could not be read",
    }
}

/// One line per risk that appeared or disappeared and per fact that changed, with a sign.
fn risk_lines(report: &ChangeReport) -> Vec<(char, String)> {
    let describe = |risk: &RiskChange, risk_is_gone: bool| {
        let facts: Vec<String> = risk
            .facts
            .iter()
            .map(|(fact, value)| {
                format!(
                    "{} {}",
                    change::report::fact_label(fact),
                    change::report::fact_value(fact, value)
                )
            })
            .collect();
        let facts =
            if facts.is_empty() { String::new() } else { format!(": {}", facts.join(", ")) };
        let clauses = clause_list(&risk.clauses, risk_is_gone);
        format!("{} ({}){facts} — {clauses}", risk.name, risk.severity.as_str())
    };

    let mut lines = Vec::new();
    lines.extend(
        report.risks_added.iter().map(|risk| ('+', format!("{} added", describe(risk, false)))),
    );
    lines.extend(
        report.risks_removed.iter().map(|risk| ('-', format!("{} removed", describe(risk, true)))),
    );
    for fact in &report.facts_changed {
        let value = |value: &Option<String>| {
            value
                .as_deref()
                .map_or("not stated".to_string(), |v| change::report::fact_value(&fact.fact, v))
        };
        lines.push((
            '~',
            format!(
                "{}: {} → {} ({})",
                change::report::fact_label(&fact.fact),
                value(&fact.old),
                value(&fact.new),
                change::report::category_name(fact.category)
            ),
        ));
    }
    lines
}

/// The clauses behind a risk, numbered as the change list numbers them (`old` ones for a risk
/// that went away).
fn clause_list(clauses: &[usize], old: bool) -> String {
    let shown: Vec<String> =
        clauses.iter().take(5).map(|index| format!("#{}", index + 1)).collect();
    let more = clauses.len().saturating_sub(5);
    let noun = if clauses.len() == 1 { "clause" } else { "clauses" };
    let noun = if old { format!("old {noun}") } else { noun.to_string() };
    if more > 0 {
        format!("{noun} {} and {more} more", shown.join(", "))
    } else {
        format!("{noun} {}", shown.join(", "))
    }
}
