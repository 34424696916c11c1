//! Noise variants: edits of a version's Markdown that change nothing it says.
//!
//! Each generator returns `(base, variant)` sources; the base is the version itself except for
//! the date line, where a version without one gets a dated line on both sides. A generator that
//! has nothing to work on in a version (no links, fewer than three sections) makes no variant.

use std::collections::BTreeMap;
use std::fmt::Write;

use termwatch::change::normalise::{self, LineRole};
use termwatch::change::Verdict;

use super::{analyse, compare, Version};

type Generator = fn(&str) -> Option<(String, String)>;

const GENERATORS: [(&str, Generator); 6] = [
    ("re-wrap", rewrap),
    ("quotes and dashes", quotes_and_dashes),
    ("date line bump", bump_date_line),
    ("tracking parameters in links", add_tracking),
    ("reordered sections", reorder_sections),
    ("all of the above", all_at_once),
];

pub fn run(versions: &BTreeMap<String, super::Version>, text: &mut String) -> serde_json::Value {
    let mut made: BTreeMap<&str, usize> = BTreeMap::new();
    let mut substantive: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut skipped_unreadable = 0;

    for version in versions.values() {
        if !is_readable(version) {
            skipped_unreadable += 1;
            continue;
        }
        for (name, generate) in GENERATORS {
            let Some((base, variant)) = generate(&version.source) else { continue };
            let base_analysis = if base == version.source { None } else { Some(analyse(&base)) };
            let base_analysis = base_analysis.as_ref().unwrap_or(&version.analysis);
            let report = compare(base_analysis, &analyse(&variant));

            *made.entry(name).or_default() += 1;
            if report.substantive {
                *substantive.entry(name).or_default() += 1;
                let first = report.changes.iter().find(|change| change.substantive);
                let shown = first.map(|change| {
                    let old = change.old.as_deref().unwrap_or("");
                    let new = change.new.as_deref().unwrap_or("");
                    format!("{:?}: {:.120} => {:.120}", change.kind, old, new)
                });
                failures.push(format!("{name}: {} ({})", version.path, shown.unwrap_or_default()));
            }
        }
    }

    let total: usize = made.values().sum();
    let wrong: usize = substantive.values().sum();
    let _ = writeln!(text, "\nNoise variants: {wrong} of {total} called substantive (target 0)");
    for (name, count) in &made {
        let _ = writeln!(
            text,
            "  {name:<30} {:>5} variants, {:>4} substantive",
            count,
            substantive.get(name).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(text, "  ({skipped_unreadable} unreadable versions had no variants)");
    for failure in failures.iter().take(10) {
        let _ = writeln!(text, "  FAIL {failure}");
    }

    serde_json::json!({
        "variants": total,
        "substantive": wrong,
        "by_kind": made.iter().map(|(name, count)| {
            (name.to_string(), serde_json::json!({
                "variants": count,
                "substantive": substantive.get(name).copied().unwrap_or(0),
            }))
        }).collect::<serde_json::Map<_, _>>(),
    })
}

/// Versions that are error pages in the source make no variants: there is nothing to keep.
fn is_readable(version: &Version) -> bool {
    compare(&version.analysis, &version.analysis).verdict != Verdict::Unreadable
}

/// Breaks every long plain paragraph line into lines of about 60 characters. Markdown reads a
/// single line break inside a paragraph as a space. Heading text underlined with `===` or
/// `---` is left whole: it is no paragraph, and other generators find sections by it.
fn rewrap(source: &str) -> Option<(String, String)> {
    let mut changed = false;
    let mut out = String::with_capacity(source.len() + source.len() / 50);
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let heading = lines.peek().is_some_and(|next| is_setext_underline(next));
        if is_plain_paragraph(line) && line.len() > 80 && !heading {
            out.push_str(&wrap_line(line, 60));
            changed = true;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    changed.then(|| (source.to_string(), out))
}

fn is_plain_paragraph(line: &str) -> bool {
    line.starts_with(|c: char| c.is_alphabetic()) && !line.contains('|')
}

/// Wraps one line, never starting a new line with something Markdown would read as markup.
fn wrap_line(line: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in line.split(' ').filter(|word| !word.is_empty()) {
        let markup = word.starts_with(['#', '-', '*', '+', '>', '=', '|', '`'])
            || word.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit());
        if column > 0 && column + word.len() > width && !markup {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}

/// Swaps straight and typographic apostrophes and quotes, and spaced hyphens and dashes,
/// outside link targets and at no line start.
fn quotes_and_dashes(source: &str) -> Option<(String, String)> {
    let mut out = String::with_capacity(source.len() + 64);
    let mut open_quote = true;
    let mut in_target = false;
    let mut previous = '\n';

    for c in source.chars() {
        if previous == ']' && c == '(' {
            in_target = true;
        } else if in_target && c == ')' {
            in_target = false;
        }
        let replacement = if in_target || previous == '\n' {
            None
        } else {
            match c {
                '\'' => Some("\u{2019}"),
                '\u{2019}' | '\u{2018}' => Some("'"),
                '"' => {
                    open_quote = !open_quote;
                    Some(if open_quote { "\u{201d}" } else { "\u{201c}" })
                }
                '\u{201c}' | '\u{201d}' => Some("\""),
                '\u{2014}' | '\u{2013}' => Some(" - "),
                _ => None,
            }
        };
        match replacement {
            Some(text) => out.push_str(text),
            None => out.push(c),
        }
        previous = c;
    }

    (out != source).then(|| (source.to_string(), out))
}

/// Changes the date of the first last-updated or effective line, or adds such a line with two
/// different dates when the version has none.
///
/// Such a line is one the engine reads as a date line *and* whose date follows the words that
/// make it one (`Last updated: March 3, 2025`, `Effective June 17, 2025`). Lines that merely
/// start with a date are left alone: in a change log (`September 23, 2025: Added a data
/// processing agreement. Updated the terms.`) the date says when something happened, which is
/// content, and changing it is a change.
fn bump_date_line(source: &str) -> Option<(String, String)> {
    let mut found = false;
    let variant: Vec<String> = source
        .lines()
        .map(|line| match date_of_stamp_line(line) {
            Some(date) if !found => {
                found = true;
                line.replacen(&date, "September 14, 2026", 1)
            }
            _ => line.to_string(),
        })
        .collect();
    if found {
        return Some((source.to_string(), variant.join("\n")));
    }
    Some((
        format!("Last updated: January 5, 2024\n\n{source}"),
        format!("Last updated: September 14, 2026\n\n{source}"),
    ))
}

/// The date of a Markdown line that says when the document was last updated or took effect.
fn date_of_stamp_line(line: &str) -> Option<String> {
    let plain = line.trim_start_matches(['#', '*', '_', ' ']).trim_end_matches(['*', '_']);
    let LineRole::Date(date) = line_role(plain) else { return None };
    let before = &plain[..plain.find(&date.date)?];
    let says_so = before.chars().any(char::is_alphanumeric)
        && matches!(line_role(&format!("{before}{}", date.date)), LineRole::Date(_));
    says_so.then_some(date.date)
}

fn line_role(text: &str) -> LineRole {
    normalise::line_role(text, &normalise::tokenize(text))
}

/// Adds campaign and click ids to every absolute link target.
fn add_tracking(source: &str) -> Option<(String, String)> {
    let mut out = String::with_capacity(source.len() + 256);
    let mut rest = source;
    let mut changed = false;

    while let Some(start) = rest.find("](http") {
        let target_start = start + 2;
        out.push_str(&rest[..target_start]);
        let target_end = target_start + destination_length(&rest[target_start..]);
        let target = &rest[target_start..target_end];
        let (address, fragment) = target.split_once('#').unwrap_or((target, ""));
        let joiner = if address.contains('?') { '&' } else { '?' };
        out.push_str(address);
        out.push(joiner);
        out.push_str("utm_source=newsletter&utm_medium=email&fbclid=IwAR0tw1x");
        if !fragment.is_empty() {
            out.push('#');
            out.push_str(fragment);
        }
        rest = &rest[target_end..];
        changed = true;
    }
    out.push_str(rest);
    changed.then(|| (source.to_string(), out))
}

/// Length of a Markdown link destination at the start of `text`, as CommonMark reads one: up
/// to white space or the `)` that closes the link. A backslash escapes the next character and
/// parentheses may nest, so `…/Area_\(EEA\)` and `…/Area_(EEA)` both stay whole.
fn destination_length(text: &str) -> usize {
    let mut depth = 0_usize;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return at,
            ')' => depth -= 1,
            c if c.is_whitespace() => return at,
            _ => {}
        }
    }
    text.len()
}

/// Moves the first section (heading and body) after the last one.
fn reorder_sections(source: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| is_heading_start(&lines, i)).collect();
    if starts.len() < 3 {
        return None;
    }

    let (first, second) = (starts[0], starts[1]);
    let mut reordered: Vec<&str> = Vec::with_capacity(lines.len() + 1);
    reordered.extend(&lines[..first]);
    reordered.extend(&lines[second..]);
    reordered.push("");
    reordered.extend(&lines[first..second]);
    Some((source.to_string(), reordered.join("\n")))
}

/// Whether line `i` starts a heading: `#` headings, and setext ones (a line underlined with
/// `===` or `---`).
fn is_heading_start(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    if line.starts_with('#') {
        return true;
    }
    let underline = lines.get(i + 1).is_some_and(|next| is_setext_underline(next));
    underline && !line.trim().is_empty() && !line.starts_with(['-', '*', '|'])
}

fn is_setext_underline(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3 && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
}

/// Every generator in turn, each on the previous one's result.
fn all_at_once(source: &str) -> Option<(String, String)> {
    let (base, mut variant) = bump_date_line(source)?;
    for generate in [rewrap, quotes_and_dashes, add_tracking, reorder_sections] {
        if let Some((_, next)) = generate(&variant) {
            variant = next;
        }
    }
    Some((base, variant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_starts_a_line_with_markup() {
        let line = "We may share data - see section 4. 2. with partners # and others * here";
        for wrapped in wrap_line(line, 10).lines() {
            assert!(!wrapped.starts_with(['-', '#', '*']), "{wrapped:?}");
        }
    }

    #[test]
    fn wrapping_leaves_underlined_headings_whole() {
        let heading = "A heading long enough to be wrapped if it were a paragraph of the terms";
        let source = format!("{heading} here\n=====\n\n{heading} there, and it is one.\n");
        let (_, variant) = rewrap(&source).unwrap();
        assert!(variant.starts_with(&format!("{heading} here\n=====\n")), "{variant}");
        assert_eq!(variant.lines().count(), source.lines().count() + 1, "{variant}");
    }

    #[test]
    fn tracking_keeps_fragments_last() {
        let (_, variant) = add_tracking("See [x](https://a.example/p?lang=en#top).").unwrap();
        assert_eq!(
            variant,
            "See [x](https://a.example/p?lang=en&utm_source=newsletter&utm_medium=email\
             &fbclid=IwAR0tw1x#top)."
        );
    }

    #[test]
    fn tracking_keeps_escaped_and_nested_parentheses_in_the_address() {
        let source = "See [the PDF](https://a.example/terms\\(fr\\).pdf) and \
                      [area](https://b.example/Area_(EEA)#top) now.";
        let (_, variant) = add_tracking(source).unwrap();
        assert_eq!(
            variant,
            "See [the PDF](https://a.example/terms\\(fr\\).pdf?utm_source=newsletter\
             &utm_medium=email&fbclid=IwAR0tw1x) and [area](https://b.example/Area_(EEA)\
             ?utm_source=newsletter&utm_medium=email&fbclid=IwAR0tw1x#top) now."
        );
    }

    #[test]
    fn only_stamp_lines_get_a_new_date() {
        let log = "Changes\n\n*   _September 23, 2025:_ Added a form. Updated the terms.\n\n\
                   _Last updated: May 2, 2025_\n\nEffective June 17, 2025[Older](https://x.example)";
        let (base, variant) = bump_date_line(log).unwrap();
        assert_eq!(base, log);
        assert_eq!(variant, log.replacen("May 2, 2025", "September 14, 2026", 1));
        assert_eq!(
            date_of_stamp_line("Effective June 17, 2025[Older](https://x.example)").as_deref(),
            Some("June 17, 2025")
        );
        assert_eq!(date_of_stamp_line("*   _September 23, 2025:_ Added a form. Updated."), None);
    }

    #[test]
    fn reordering_moves_the_first_section_last() {
        let source = "Intro\n# One\na\n# Two\nb\n# Three\nc";
        let (_, variant) = reorder_sections(source).unwrap();
        assert_eq!(variant, "Intro\n# Two\nb\n# Three\nc\n\n# One\na");
    }
}
