//! Scores Termwatch on `tosdr_points`: recall per mapped category, false positives on
//! protective opposites.
//!
//! Protocol (`data/tosdr_points/SOURCE.md`): each point's quote is classified alone; a
//! category counts when the quote carries it. Quotes are fragments of pages, so each quote is
//! cut into sentences (the fixed splitter in [`super::sentences`]) and tagged sentence by
//! sentence with the full tagger, [`termwatch::tagging::tag_text`]; the quote carries every
//! category any of its sentences carries.
//!
//! - Recall(K): the share of the quotes of K's mapped cases tagged with K. Figures with fewer
//!   than 20 quotes are reported as insufficient.
//! - False-positive rate(K): the share of the quotes of the cases mapped as K's protective
//!   opposite ("we do not sell your data" for `data_sharing`) tagged with K.
//! - Both on all points and on approved ones (`needs_moderation` and `irrelevant` false).
//!
//! Honesty: services are split deterministically into a development half and a held-out half
//! by the parity of the 64-bit FNV-1a hash of the service key (`service_slug`, else the
//! Phoenix service id, else the service name). The rules were written and refined looking at
//! development quotes only; the held-out half is printed beside it to show how far they carry.
//! Nothing is trained on ToS;DR (CC BY-SA): it only scores.
//!
//! The eight categories of the learned model are scored the same way; they are marked
//! `model` in the table and score 0 while the model covers none of them.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;
use termwatch::categories::CategoryId;
use termwatch::tagging::{self, rules, ClauseContext};

use super::sentences::{fnv1a64, split};
use super::DatasetReport;

/// Below this many quotes a figure says little and is reported as insufficient.
const MIN_QUOTES: usize = 20;
/// The recall every mapped category should reach.
const RECALL_BAR: f64 = 0.80;
/// The false-positive rate no opposite should reach.
const FALSE_POSITIVE_BAR: f64 = 0.05;

#[derive(Deserialize)]
struct RawPoint {
    id: String,
    service_slug: Option<String>,
    phoenix_service_id: Option<u64>,
    service: Option<String>,
    case_id: Option<String>,
    quote: String,
    #[serde(default)]
    needs_moderation: bool,
    #[serde(default)]
    irrelevant: bool,
}

struct Point {
    half: Half,
    case_id: String,
    quote: String,
    approved: bool,
}

#[derive(Deserialize)]
struct Mapping {
    categories: BTreeMap<String, MappedCases>,
    opposites: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct MappedCases {
    cases: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Half {
    Development,
    HeldOut,
}

/// Which points a figure is computed on.
#[derive(Clone, Copy)]
struct Subset {
    approved_only: bool,
    half: Option<Half>,
}

impl Subset {
    fn admits(self, point: &Point) -> bool {
        (!self.approved_only || point.approved) && self.half.is_none_or(|half| half == point.half)
    }

    fn name(self) -> &'static str {
        match self.half {
            Some(Half::Development) => "development",
            Some(Half::HeldOut) => "held_out",
            None => "all",
        }
    }
}

const HALVES: [Option<Half>; 3] = [Some(Half::Development), Some(Half::HeldOut), None];

pub fn run(data: &Path) -> Result<DatasetReport> {
    let folder = data.join("tosdr_points");
    let points = load_points(&folder.join("points.jsonl"))?;
    let mapping = load_mapping(&folder.join("mapping.json"))?;

    let tagged: Vec<HashSet<CategoryId>> =
        points.iter().map(|point| tags_of(&point.quote)).collect();

    let mut text = String::from("tosdr_points (ToS;DR quotes, sentence by sentence)\n");
    text += &format!(
        "halves by service: development {} points, held-out {} points; \
         rules were written on the development half only\n\n",
        points.iter().filter(|point| point.half == Half::Development).count(),
        points.iter().filter(|point| point.half == Half::HeldOut).count(),
    );

    let mut json = serde_json::Map::new();
    for (approved_only, title) in [(false, "all points"), (true, "approved points")] {
        let recall = score_recall(&points, &tagged, &mapping, approved_only);
        let opposites = score_opposites(&points, &tagged, &mapping, approved_only);
        text += &format!("recall per mapped category, {title} (bar {RECALL_BAR:.2})\n");
        text += &table(&recall, |value| value >= RECALL_BAR);
        text += &format!(
            "\nfalse-positive rate on protective opposites, {title} (bar < {FALSE_POSITIVE_BAR:.2})\n"
        );
        text += &table(&opposites, |value| value < FALSE_POSITIVE_BAR);
        text += "\n";

        let key = if approved_only { "approved" } else { "all_points" };
        json.insert(
            key.to_string(),
            serde_json::json!({ "recall": to_json(&recall), "false_positive_rate": to_json(&opposites) }),
        );
    }

    Ok(DatasetReport { name: "tosdr_points", json: serde_json::Value::Object(json), text })
}

fn load_points(path: &Path) -> Result<Vec<Point>> {
    let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut points = Vec::new();
    for (number, line) in raw.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let point: RawPoint = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a point", path.display(), number + 1))?;
        let key = point
            .service_slug
            .clone()
            .or_else(|| point.phoenix_service_id.map(|id| format!("phoenix-{id}")))
            .or_else(|| point.service.clone())
            .unwrap_or_else(|| format!("point-{}", point.id));
        let half = if fnv1a64(&key) % 2 == 0 { Half::Development } else { Half::HeldOut };
        points.push(Point {
            half,
            case_id: point.case_id.unwrap_or_default(),
            quote: point.quote,
            approved: !point.needs_moderation && !point.irrelevant,
        });
    }
    Ok(points)
}

fn load_mapping(path: &Path) -> Result<Mapping> {
    let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&raw).with_context(|| format!("{}: not a ToS;DR mapping", path.display()))
}

/// Every category any sentence of the quote carries.
fn tags_of(quote: &str) -> HashSet<CategoryId> {
    split(quote)
        .iter()
        .flat_map(|sentence| tagging::tag_text(sentence, ClauseContext::default()))
        .map(|tag| tag.category)
        .collect()
}

/// Share tagged, with its count, per category and half.
type Figures = BTreeMap<String, [(usize, usize); 3]>;

fn score_recall(
    points: &[Point],
    tagged: &[HashSet<CategoryId>],
    mapping: &Mapping,
    approved_only: bool,
) -> Figures {
    let mut figures = Figures::new();
    for (name, mapped) in &mapping.categories {
        let Some(category) = CategoryId::parse(name) else { continue };
        let cases: HashSet<&str> = mapped.cases.iter().map(String::as_str).collect();
        let label = labelled(category);
        figures.insert(label, tally(points, tagged, &cases, category, approved_only));
    }
    figures
}

fn score_opposites(
    points: &[Point],
    tagged: &[HashSet<CategoryId>],
    mapping: &Mapping,
    approved_only: bool,
) -> Figures {
    let mut figures = Figures::new();
    for (name, cases) in &mapping.opposites {
        let Some(category) = CategoryId::parse(name) else { continue };
        let cases: HashSet<&str> = cases.iter().map(String::as_str).collect();
        figures.insert(labelled(category), tally(points, tagged, &cases, category, approved_only));
    }
    figures
}

fn labelled(category: CategoryId) -> String {
    let decider = if rules::decides(category) { "" } else { " (model)" };
    format!("{}{decider}", category.as_str())
}

/// `(quotes tagged with category, quotes)` for each half and for both.
fn tally(
    points: &[Point],
    tagged: &[HashSet<CategoryId>],
    cases: &HashSet<&str>,
    category: CategoryId,
    approved_only: bool,
) -> [(usize, usize); 3] {
    HALVES.map(|half| {
        let subset = Subset { approved_only, half };
        let chosen = points
            .iter()
            .zip(tagged)
            .filter(|(point, _)| cases.contains(point.case_id.as_str()) && subset.admits(point));
        chosen.fold((0, 0), |(hits, total), (_, tags)| {
            (hits + usize::from(tags.contains(&category)), total + 1)
        })
    })
}

fn table(figures: &Figures, meets_bar: impl Fn(f64) -> bool) -> String {
    let mut out =
        format!("{:<34} {:>16} {:>16} {:>16}\n", "category", "development", "held-out", "all");
    for (label, halves) in figures {
        out += &format!("{label:<34}");
        for (hits, total) in halves {
            out += &format!(" {:>16}", cell(*hits, *total, &meets_bar));
        }
        out += "\n";
    }
    out += "(n in brackets; * misses the bar; - fewer than 20 quotes)\n";
    out
}

fn cell(hits: usize, total: usize, meets_bar: impl Fn(f64) -> bool) -> String {
    if total < MIN_QUOTES {
        return format!("- ({total})");
    }
    let share = hits as f64 / total as f64;
    let mark = if meets_bar(share) { " " } else { "*" };
    format!("{share:.3}{mark} ({total})")
}

fn to_json(figures: &Figures) -> serde_json::Value {
    let categories: serde_json::Map<_, _> = figures
        .iter()
        .map(|(label, halves)| {
            let by_half: serde_json::Map<_, _> = HALVES
                .iter()
                .zip(halves)
                .map(|(half, (hits, total))| {
                    let name = Subset { approved_only: false, half: *half }.name().to_string();
                    let share = (*total >= MIN_QUOTES).then(|| *hits as f64 / *total as f64);
                    (name, serde_json::json!({ "n": total, "tagged": hits, "share": share }))
                })
                .collect();
            (label.clone(), serde_json::Value::Object(by_half))
        })
        .collect();
    serde_json::Value::Object(categories)
}
