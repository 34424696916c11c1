//! Scores page detection (protocol 4 of `data/README.md`).
//!
//! Positives: every `open_terms_archive/snapshots/**.html` (gold kind from `index.jsonl`) and
//! every `opp115/pages/*.html` (privacy policies). Negatives: every `non_terms/pages/*.html`.
//! Each page is read from disk as the CLI reads it; its address is the one `index.jsonl` gives
//! (known for some negatives only), else the canonical address the page declares, else none.
//!
//! The detector's weights were set by hand while looking only at the development half: the pages
//! whose path hashes (FNV-1a, 64 bits) to an even number. Figures are printed for that half, for
//! the held-out half, and for all pages, with every failing page listed.
//!
//! Also printed: how many positives the cheap first look (`may_be_terms`, fed the URL, title and
//! level 1 to 3 headings) lets through and how many negatives it stops, and the time detection
//! takes per page (reading the document excluded, then included).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::{json, Value};
use termwatch::detect::{self, Detection, PageKind};
use termwatch::document::Document;
use termwatch::page::{self, Page};

use super::metrics::ratio;
use super::DatasetReport;

/// One evaluation page.
struct Case {
    /// Path relative to the data folder (`non_terms/pages/x.html`).
    path: String,
    /// `None` for negatives.
    gold: Option<PageKind>,
    url: Option<String>,
    hard_negative: bool,
}

/// What the detector said about one page.
struct Outcome {
    case: Case,
    detection: Detection,
    may_be_terms: bool,
    detect_time: Duration,
    total_time: Duration,
}

pub fn run(data: &Path) -> Result<DatasetReport> {
    let cases = load_cases(data)?;
    let mut outcomes = Vec::with_capacity(cases.len());
    for case in cases {
        outcomes.push(score(data, case)?);
    }

    let halves = [
        ("development half", Half::Development),
        ("held-out half", Half::HeldOut),
        ("all pages", Half::All),
    ];
    let mut text = String::from("== detection (protocol 4) ==\n");
    text += "Weights were set looking at the development half only.\n\n";
    let mut figures = serde_json::Map::new();

    for (label, half) in halves {
        let selected: Vec<&Outcome> = outcomes.iter().filter(|o| half.contains(&o.case)).collect();
        let summary = Summary::of(&selected);
        text += &format!("-- {label} --\n{}\n", summary.text());
        figures.insert(half.id().to_string(), summary.json());
    }

    let all: Vec<&Outcome> = outcomes.iter().collect();
    text += &per_kind_table(&all);
    text += &failures(&all);
    text += &timing(&all, &mut figures);

    Ok(DatasetReport { name: "detection", json: Value::Object(figures), text })
}

#[derive(Clone, Copy)]
enum Half {
    Development,
    HeldOut,
    All,
}

impl Half {
    fn contains(self, case: &Case) -> bool {
        match self {
            Half::Development => is_development(&case.path),
            Half::HeldOut => !is_development(&case.path),
            Half::All => true,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Half::Development => "development",
            Half::HeldOut => "held_out",
            Half::All => "all",
        }
    }
}

/// The development half: paths whose FNV-1a hash is even.
fn is_development(path: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 2 == 0
}

fn load_cases(data: &Path) -> Result<Vec<Case>> {
    let mut cases = Vec::new();

    for line in read_index(&data.join("open_terms_archive/index.jsonl"))? {
        let path = line["path"].as_str().unwrap_or_default();
        if !path.starts_with("snapshots/") || !path.ends_with(".html") {
            continue;
        }
        let kind = line["kind"].as_str().and_then(PageKind::from_id);
        let gold = kind.with_context(|| format!("{path}: unknown kind in index.jsonl"))?;
        cases.push(Case {
            path: format!("open_terms_archive/{path}"),
            gold: Some(gold),
            url: None,
            hard_negative: false,
        });
    }

    for line in read_index(&data.join("opp115/index.jsonl"))? {
        let path = line["path"].as_str().unwrap_or_default();
        cases.push(Case {
            path: format!("opp115/{path}"),
            gold: Some(PageKind::PrivacyPolicy),
            url: None,
            hard_negative: false,
        });
    }

    for line in read_index(&data.join("non_terms/index.jsonl"))? {
        let path = line["path"].as_str().unwrap_or_default();
        cases.push(Case {
            path: format!("non_terms/{path}"),
            gold: None,
            url: line["url"].as_str().map(str::to_string),
            hard_negative: line["hard_negative"].as_bool().unwrap_or(false),
        });
    }

    cases.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(cases)
}

fn read_index(path: &Path) -> Result<Vec<Value>> {
    let text = fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).with_context(|| format!("{}", path.display())))
        .collect()
}

fn score(data: &Path, case: Case) -> Result<Outcome> {
    let file: PathBuf = data.join(&case.path);
    let bytes = fs::read(&file).with_context(|| format!("{}", file.display()))?;

    let started = Instant::now();
    let page = match page::check_input(&bytes) {
        Ok(html) => page::html::parse(html, case.url.as_deref()),
        Err(_) => Page::default(),
    };
    let document = Document::from_page(&page);
    let detect_started = Instant::now();
    let detection = detect::detect(&page, &document);
    let detect_time = detect_started.elapsed();
    let total_time = started.elapsed();

    let may_be_terms = first_look(&page);
    Ok(Outcome { case, detection, may_be_terms, detect_time, total_time })
}

/// The cheap first look, fed what the content script has: URL, title, headings of level 1-3.
fn first_look(page: &Page) -> bool {
    let headings: Vec<&str> = page
        .blocks
        .iter()
        .filter(|block| !block.hidden && block.heading_level.is_some_and(|level| level <= 3))
        .map(|block| block.text.as_str())
        .collect();
    detect::may_be_terms(page.url.as_deref(), page.title.as_deref(), &headings)
}

/// The headline figures of a set of outcomes.
struct Summary {
    positives: usize,
    detected: usize,
    right_kind: usize,
    negatives: usize,
    false_positives: usize,
    first_look_positives: usize,
    first_look_negatives: usize,
}

impl Summary {
    fn of(outcomes: &[&Outcome]) -> Summary {
        let positives: Vec<&&Outcome> = outcomes.iter().filter(|o| o.case.gold.is_some()).collect();
        let negatives: Vec<&&Outcome> = outcomes.iter().filter(|o| o.case.gold.is_none()).collect();
        Summary {
            positives: positives.len(),
            detected: positives.iter().filter(|o| o.detection.is_terms).count(),
            right_kind: positives.iter().filter(|o| Some(o.detection.kind) == o.case.gold).count(),
            negatives: negatives.len(),
            false_positives: negatives.iter().filter(|o| o.detection.is_terms).count(),
            first_look_positives: positives.iter().filter(|o| o.may_be_terms).count(),
            first_look_negatives: negatives.iter().filter(|o| o.may_be_terms).count(),
        }
    }

    fn text(&self) -> String {
        format!(
            "recall of is_terms  {:.3} ({}/{})   bar >= 0.97\n\
             right kind          {:.3} ({}/{})   bar >= 0.90\n\
             false-positive rate {:.3} ({}/{})   bar <= 0.01\n\
             may_be_terms: passes {}/{} positives ({:.3}), lets through {}/{} negatives\n",
            ratio(self.detected, self.positives),
            self.detected,
            self.positives,
            ratio(self.right_kind, self.positives),
            self.right_kind,
            self.positives,
            ratio(self.false_positives, self.negatives),
            self.false_positives,
            self.negatives,
            self.first_look_positives,
            self.positives,
            ratio(self.first_look_positives, self.positives),
            self.first_look_negatives,
            self.negatives,
        )
    }

    fn json(&self) -> Value {
        json!({
            "positives": self.positives,
            "recall": ratio(self.detected, self.positives),
            "kind_accuracy": ratio(self.right_kind, self.positives),
            "negatives": self.negatives,
            "false_positive_rate": ratio(self.false_positives, self.negatives),
            "false_positives": self.false_positives,
            "may_be_terms_recall": ratio(self.first_look_positives, self.positives),
            "may_be_terms_negatives_through": self.first_look_negatives,
        })
    }
}

/// Recall and kind accuracy per gold kind.
fn per_kind_table(outcomes: &[&Outcome]) -> String {
    let mut rows: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for outcome in outcomes {
        let Some(gold) = outcome.case.gold else { continue };
        let row = rows.entry(gold.id()).or_default();
        row.0 += 1;
        row.1 += usize::from(outcome.detection.is_terms);
        row.2 += usize::from(outcome.detection.kind == gold);
    }

    let mut text =
        format!("{:<18} {:>6} {:>8} {:>11}\n", "gold kind", "pages", "recall", "right kind");
    for (kind, (pages, detected, right)) in rows {
        text += &format!(
            "{kind:<18} {pages:>6} {:>8.3} {:>11.3}\n",
            ratio(detected, pages),
            ratio(right, pages)
        );
    }
    text + "\n"
}

/// Every page the detector got wrong, by kind of failure.
fn failures(outcomes: &[&Outcome]) -> String {
    let half = |case: &Case| if is_development(&case.path) { "dev" } else { "held-out" };
    let mut missed = String::new();
    let mut wrong_kind = String::new();
    let mut false_positives = String::new();

    for outcome in outcomes {
        let detection = &outcome.detection;
        let case = &outcome.case;
        match case.gold {
            Some(_) if !detection.is_terms => {
                missed += &format!(
                    "  [{}] {} (confidence {:.2})\n",
                    half(case),
                    case.path,
                    detection.confidence
                );
            }
            Some(gold) if detection.kind != gold => {
                wrong_kind += &format!(
                    "  [{}] {}: {} -> {}\n",
                    half(case),
                    case.path,
                    gold.id(),
                    detection.kind.id()
                );
            }
            None if detection.is_terms => {
                false_positives += &format!(
                    "  [{}] {}{}: {} (confidence {:.2})\n",
                    half(case),
                    case.path,
                    if case.hard_negative { " (hard negative)" } else { "" },
                    detection.kind.id(),
                    detection.confidence
                );
            }
            _ => {}
        }
    }

    let none = |list: String| if list.is_empty() { "  none\n".to_string() } else { list };
    format!(
        "Missed positives:\n{}Wrong kind:\n{}False positives:\n{}\n",
        none(missed),
        none(wrong_kind),
        none(false_positives)
    )
}

/// Median and slowest detection times, alone and with reading the page.
fn timing(outcomes: &[&Outcome], figures: &mut serde_json::Map<String, Value>) -> String {
    let mut detect: Vec<Duration> = outcomes.iter().map(|o| o.detect_time).collect();
    let mut total: Vec<Duration> = outcomes.iter().map(|o| o.total_time).collect();
    detect.sort();
    total.sort();

    let median = |times: &[Duration]| times.get(times.len() / 2).copied().unwrap_or_default();
    let slowest = |times: &[Duration]| times.last().copied().unwrap_or_default();
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;

    figures.insert("detect_ms_median".into(), json!(ms(median(&detect))));
    figures.insert("detect_ms_max".into(), json!(ms(slowest(&detect))));
    figures.insert("read_and_detect_ms_median".into(), json!(ms(median(&total))));

    let build =
        if cfg!(debug_assertions) { "; a debug build: use --release for real figures" } else { "" };
    format!(
        "Time per page ({} pages{build}):\n\
         detect alone:            median {:.2} ms, slowest {:.2} ms\n\
         parse + document + detect: median {:.2} ms, slowest {:.2} ms\n",
        outcomes.len(),
        ms(median(&detect)),
        ms(slowest(&detect)),
        ms(median(&total)),
        ms(slowest(&total)),
    )
}
