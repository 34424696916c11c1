//! Scores change detection on `open_terms_archive` (protocol 6 of the data README).
//!
//! 1. Real pairs: every consecutive pair of `pairs.jsonl`, compared as the extension would;
//!    counts of substantive, cosmetic, identical and unreadable results, stratified by the
//!    source's own flags, the risk deltas found, and a few examples to spot-check.
//! 2. Noise: variants of every version that only re-wrap, swap quotes and dashes, give the
//!    "Last updated" or "Effective" line a new date (never a change-log entry's date, which is
//!    content), add tracking parameters to links or reorder sections (see [`noise`]). The
//!    figure is how many are called substantive; the target is 0.
//! 3. Planted edits: a risky clause of our own inserted, a tagged clause deleted, a number
//!    changed inside a clause (see [`planted`]). The figure is the share reported substantive
//!    with the right category or fact; the target is 99 %.
//! 4. The stored size of a 20,000-word version, and the comparison time of two of them.
//!
//! Versions are read as Markdown, as the archive stores them. Nothing here is tuned on the
//! data: the folding rules and thresholds are fixed in the library.

mod noise;
mod planted;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;
use termwatch::change::{self, ChangeReport, Snapshot, Verdict};
use termwatch::{page, Analysis};

use super::DatasetReport;

/// One line of `pairs.jsonl`.
#[derive(Deserialize)]
struct Pair {
    old: String,
    new: String,
    service: String,
    #[serde(rename = "type")]
    doc_type: String,
    adjacent_in_source: bool,
    new_change_kind: String,
    new_reverts_to_earlier_content: bool,
    involves_degenerate: bool,
}

/// One line of `index.jsonl` (versions only carry `degenerate`).
#[derive(Deserialize)]
struct IndexEntry {
    path: String,
    lang: String,
    #[serde(default)]
    degenerate: Option<bool>,
}

/// A version file, read and analysed once.
pub struct Version {
    pub path: String,
    pub english: bool,
    pub source: String,
    pub analysis: Analysis,
}

pub fn run(data: &Path) -> Result<DatasetReport> {
    let folder = data.join("open_terms_archive");
    eprintln!("changes: reading and analysing the archive's versions");
    let versions = load_versions(&folder)?;
    let mut text = String::from("CHANGE DETECTION (open_terms_archive, protocol 6)\n");
    let mut json = serde_json::Map::new();

    let clauses: usize = versions.values().map(|v| v.analysis.document.clauses.len()).sum();
    let findings: usize = versions.values().map(|v| v.analysis.findings.len()).sum();
    let _ = writeln!(
        text,
        "{} versions read as Markdown: {clauses} clauses, {findings} findings in all",
        versions.len()
    );
    if clauses == 0 {
        let _ = writeln!(
            text,
            "WARNING: the segmenter returned no clause, so every figure below is vacuous"
        );
    }
    json.insert("versions".into(), versions.len().into());
    json.insert("clauses".into(), clauses.into());

    eprintln!("changes: comparing the real pairs");
    let real = real_pairs(&folder, &versions, &mut text)?;
    json.insert("real_pairs".into(), real);

    eprintln!("changes: noise variants");
    json.insert("noise".into(), noise::run(&versions, &mut text));

    eprintln!("changes: planted edits");
    json.insert("planted".into(), planted::run(&versions, &mut text));

    json.insert("storage_and_speed".into(), storage_and_speed(&versions, &mut text));

    Ok(DatasetReport { name: "changes", json: serde_json::Value::Object(json), text })
}

fn load_versions(folder: &Path) -> Result<BTreeMap<String, Version>> {
    let index_path = folder.join("index.jsonl");
    let index = std::fs::read_to_string(&index_path)
        .with_context(|| format!("{}: cannot read", index_path.display()))?;

    let mut versions = BTreeMap::new();
    for line in index.lines().filter(|line| !line.trim().is_empty()) {
        let entry: IndexEntry = serde_json::from_str(line).context("index.jsonl")?;
        if entry.degenerate.is_none() {
            continue;
        }
        let path = folder.join(&entry.path);
        let source = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let analysis = analyse(&source);
        let english = entry.lang == "en";
        versions
            .insert(entry.path.clone(), Version { path: entry.path, english, source, analysis });
    }
    Ok(versions)
}

/// Reads Markdown the way the CLI does and analyses it.
pub fn analyse(markdown: &str) -> Analysis {
    termwatch::analyze(&page::markdown::parse(markdown, None))
}

/// Compares two analyses as the extension does.
pub fn compare(old: &Analysis, new: &Analysis) -> ChangeReport {
    change::compare_analyses(old, new)
}

#[derive(Default)]
struct Tally {
    substantive: usize,
    cosmetic: usize,
    identical: usize,
    unreadable: usize,
}

impl Tally {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Substantive => self.substantive += 1,
            Verdict::Cosmetic => self.cosmetic += 1,
            Verdict::Identical => self.identical += 1,
            Verdict::Unreadable => self.unreadable += 1,
        }
    }

    fn line(&self, label: &str) -> String {
        format!(
            "  {label:<38} {:>5} substantive {:>5} cosmetic {:>5} identical {:>5} unreadable\n",
            self.substantive, self.cosmetic, self.identical, self.unreadable
        )
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "substantive": self.substantive,
            "cosmetic": self.cosmetic,
            "identical": self.identical,
            "unreadable": self.unreadable,
        })
    }
}

fn real_pairs(
    folder: &Path,
    versions: &BTreeMap<String, Version>,
    text: &mut String,
) -> Result<serde_json::Value> {
    let pairs_path = folder.join("pairs.jsonl");
    let lines = std::fs::read_to_string(&pairs_path)
        .with_context(|| format!("{}: cannot read", pairs_path.display()))?;

    let mut strata: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut risks_added: BTreeMap<String, usize> = BTreeMap::new();
    let mut risks_removed: BTreeMap<String, usize> = BTreeMap::new();
    let mut facts_changed: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples: Vec<(String, ChangeReport)> = Vec::new();
    let mut total = 0;

    for line in lines.lines().filter(|line| !line.trim().is_empty()) {
        let pair: Pair = serde_json::from_str(line).context("pairs.jsonl")?;
        let (Some(old), Some(new)) = (versions.get(&pair.old), versions.get(&pair.new)) else {
            continue;
        };
        let report = compare(&old.analysis, &new.analysis);
        total += 1;

        for stratum in strata_of(&pair) {
            strata.entry(stratum).or_default().add(report.verdict);
        }
        for risk in &report.risks_added {
            *risks_added.entry(risk.category.as_str().to_string()).or_default() += 1;
        }
        for risk in &report.risks_removed {
            *risks_removed.entry(risk.category.as_str().to_string()).or_default() += 1;
        }
        for fact in &report.facts_changed {
            let key = format!("{}.{}", fact.category.as_str(), fact.fact);
            *facts_changed.entry(key).or_default() += 1;
        }
        let label = format!(
            "{} / {}: {} -> {}",
            pair.service,
            pair.doc_type,
            date_of(&pair.old),
            date_of(&pair.new)
        );
        examples.push((label, report));
    }

    let _ = writeln!(text, "\nReal consecutive pairs ({total})");
    for (stratum, tally) in &strata {
        text.push_str(&tally.line(stratum));
    }
    let _ = writeln!(text, "  risk deltas over all pairs:");
    write_counts(text, "categories added", &risks_added);
    write_counts(text, "categories removed", &risks_removed);
    write_counts(text, "facts changed", &facts_changed);
    write_examples(text, &examples);

    let strata_json: serde_json::Map<String, serde_json::Value> =
        strata.iter().map(|(name, tally)| (name.to_string(), tally.json())).collect();
    Ok(serde_json::json!({
        "pairs": total,
        "strata": strata_json,
        "risks_added": risks_added,
        "risks_removed": risks_removed,
        "facts_changed": facts_changed,
    }))
}

/// The strata a pair counts in: all pairs, then by the source's flags.
fn strata_of(pair: &Pair) -> Vec<&'static str> {
    let mut strata = vec!["all pairs"];
    if pair.involves_degenerate {
        strata.push("involves a degenerate (error) version");
    } else if pair.new_reverts_to_earlier_content {
        strata.push("new reverts to earlier content");
    } else if pair.new_change_kind == "technical_upgrade" {
        strata.push("new is an OTA technical upgrade");
    } else if pair.adjacent_in_source {
        strata.push("other adjacent pairs");
    } else {
        strata.push("other pairs bridging skipped versions");
    }
    strata
}

fn date_of(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path).trim_end_matches(".md")
}

fn write_counts(text: &mut String, label: &str, counts: &BTreeMap<String, usize>) {
    let total: usize = counts.values().sum();
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let listed: Vec<String> =
        sorted.iter().take(8).map(|(name, n)| format!("{name} {n}")).collect();
    let _ = writeln!(text, "    {label}: {total} ({})", listed.join(", "));
}

/// A few substantive and cosmetic results, spread over the data, for a person to check.
fn write_examples(text: &mut String, examples: &[(String, ChangeReport)]) {
    for (verdict, wanted) in
        [(Verdict::Substantive, 6), (Verdict::Cosmetic, 3), (Verdict::Unreadable, 2)]
    {
        let matching: Vec<&(String, ChangeReport)> =
            examples.iter().filter(|(_, report)| report.verdict == verdict).collect();
        if matching.is_empty() {
            continue;
        }
        let _ = writeln!(text, "  examples, {verdict:?} ({} in all):", matching.len());
        let step = (matching.len() / wanted).max(1);
        for (label, report) in matching.iter().step_by(step).take(wanted) {
            let summary: String = report.summary.chars().take(360).collect();
            let _ = writeln!(text, "    - {label}\n      {summary}");
        }
    }
}

/// The stored size of a 20,000-word version and the comparison time of two of them.
fn storage_and_speed(versions: &BTreeMap<String, Version>, text: &mut String) -> serde_json::Value {
    const WORDS: usize = 20_000;
    let mut source = String::new();
    for version in versions.values().filter(|version| version.english) {
        if source.split_whitespace().count() >= WORDS {
            break;
        }
        source.push_str(&version.source);
        source.push_str("\n\n");
    }
    let words: Vec<&str> = source.split_whitespace().collect();
    if words.len() < WORDS {
        let _ = writeln!(text, "\nStorage: fewer than {WORDS} words of English versions; skipped");
        return serde_json::Value::Null;
    }

    let page = page::markdown::parse(&source, Some("https://example.com/terms"));
    let analysis = termwatch::analyze(&page);
    let snapshot = Snapshot::capture(&page, &analysis, "example.com/terms", 0);
    let bytes = snapshot.encode().len();
    let text_bytes: usize = page.blocks.iter().map(|block| block.text.len()).sum();
    let page_words = page.word_count();

    let edited = planted::with_inserted_clause(&source, 0);
    let other = analyse(&edited);
    let median = median_time(21, || {
        std::hint::black_box(change::compare_analyses(&analysis, &other));
    });

    let _ = writeln!(
        text,
        "\nStorage and speed\n  one stored version of a {page_words}-word page: {bytes} bytes \
         ({:.2} bytes per word; its block text alone is {text_bytes} bytes), {} clauses\n  \
         comparing two such versions (one planted clause apart): median {:.2} ms over 21 runs \
         ({} build)",
        bytes as f64 / page_words.max(1) as f64,
        snapshot.clauses.len(),
        median.as_secs_f64() * 1e3,
        if cfg!(debug_assertions) { "debug" } else { "release" },
    );
    serde_json::json!({
        "words": page_words,
        "snapshot_bytes": bytes,
        "text_bytes": text_bytes,
        "compare_median_ms": median.as_secs_f64() * 1e3,
    })
}

fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// A small deterministic generator (xorshift64*), so that every run builds the same variants.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: &str) -> Rng {
        Rng(change::normalise::fnv1a(seed.as_bytes()) | 1)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % bound.max(1)
    }
}
