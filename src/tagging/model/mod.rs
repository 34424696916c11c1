//! The learned layer: one sparse linear model per CLAUDETTE category, sharing its features.
//!
//! Eight categories are decided here ([`LABELS`]): limitation of liability, unilateral
//! termination and change, content removal, contract by using, choice of law, jurisdiction and
//! arbitration. For each clause, [`features`] reads the words and the legal cues ([`cues`]) into
//! one hashed feature vector; each label's margin is the dot product with its weights plus a
//! bias, and the label is tagged when the margin reaches the label's threshold. Weights and
//! thresholds are learned by `termwatch train` (see `crate::learn`, native builds only) from the
//! CC BY CLAUDETTE corpus and stored in `weights.bin` ([`weights`]), compiled into the crate.
//!
//! Cost: one feature pass per clause and one table probe per feature for all eight labels at
//! once, with no allocation after the first clause on a thread. Loading the weights builds an
//! open-addressing table once, on first use.
//!
//! Limits: English only. The model was fitted on terms from 2006–2017 and reads each clause by
//! itself, so a clause that is unfair only because of what the sentence before it said ("If we
//! do so, ...") is missed. Its labels follow CLAUDETTE's annotators, who were not always
//! consistent from one document to the next; expect about three in four findings of these
//! categories to match a careful reader (see the figures in `crate::learn`).

pub mod cues;
pub mod features;
pub mod text;
pub mod weights;

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::categories::CategoryId;

use features::{Feature, Scratch};
use weights::{LabelParams, Weights, WeightsError};

/// The number of categories the model decides.
pub const LABEL_COUNT: usize = 8;

/// The categories the model decides, in the order of its weights.
pub const LABELS: [CategoryId; LABEL_COUNT] = [
    CategoryId::LimitationOfLiability,
    CategoryId::UnilateralTermination,
    CategoryId::UnilateralChange,
    CategoryId::ContentRemoval,
    CategoryId::ContractByUsing,
    CategoryId::ChoiceOfLaw,
    CategoryId::Jurisdiction,
    CategoryId::Arbitration,
];

/// How steeply confidence grows with the margin past the threshold.
const CONFIDENCE_SLOPE: f32 = 3.0;

/// The shipped weights, written by `termwatch train`.
const SHIPPED: &[u8] = include_bytes!("weights.bin");

/// Whether the learned model decides this category (otherwise the rules do).
pub fn covers(category: CategoryId) -> bool {
    label_index(category).is_some()
}

/// The position of a category in [`LABELS`].
pub fn label_index(category: CategoryId) -> Option<usize> {
    LABELS.iter().position(|&label| label == category)
}

/// The shipped model's confidence for every label in [`LABELS`] at once (they share the
/// features); `None` below a label's threshold.
pub fn score(text: &str) -> [Option<f32>; LABEL_COUNT] {
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let margins = shipped().margins(text, &mut scratch);
        shipped().decide(&margins)
    })
}

/// The model compiled into the crate. Its file is checked by tests, so failing to read it is a
/// build defect, not a runtime condition.
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(SHIPPED).expect("weights.bin is valid (checked by tests)")
    })
}

/// A loaded model: weights in a lookup table, and each label's bias and threshold.
#[derive(Debug, Clone)]
pub struct Model {
    table: Table,
    rows: Vec<[f32; LABEL_COUNT]>,
    labels: [LabelParams; LABEL_COUNT],
}

impl Model {
    /// Reads a weights file, checking it was written for this feature extractor.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, WeightsError> {
        Model::from_weights(&Weights::decode(bytes)?)
    }

    pub fn from_weights(weights: &Weights) -> Result<Model, WeightsError> {
        if weights.feature_version != features::FEATURE_VERSION
            || weights.hash_bits != features::HASH_BITS
        {
            return Err(WeightsError::Version {
                found: format!(
                    "features v{} ({} bits)",
                    weights.feature_version, weights.hash_bits
                ),
                expected: format!(
                    "features v{} ({} bits)",
                    features::FEATURE_VERSION,
                    features::HASH_BITS
                ),
            });
        }
        let mut table = Table::with_capacity(weights.entries.len());
        let mut rows = Vec::with_capacity(weights.entries.len());
        for (bucket, quantised) in &weights.entries {
            table.insert(*bucket, rows.len() as u32);
            rows.push(std::array::from_fn(|label| weights.weight(quantised[label], label)));
        }
        Ok(Model { table, rows, labels: weights.labels })
    }

    /// How many buckets carry a weight.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The margin of every label for one clause.
    pub fn margins(&self, text: &str, scratch: &mut Scratch) -> [f32; LABEL_COUNT] {
        features::extract(text, scratch);
        self.margins_of(&scratch.features)
    }

    /// The margin of every label for an extracted feature vector.
    pub fn margins_of(&self, features: &[Feature]) -> [f32; LABEL_COUNT] {
        let mut margins: [f32; LABEL_COUNT] = std::array::from_fn(|l| self.labels[l].bias);
        for &(bucket, value) in features {
            if let Some(row) = self.table.get(bucket) {
                for (margin, weight) in margins.iter_mut().zip(&self.rows[row as usize]) {
                    *margin += weight * value;
                }
            }
        }
        margins
    }

    /// Turns margins into decisions: a confidence from 0.5 up for labels at or above their
    /// threshold, `None` for the others.
    pub fn decide(&self, margins: &[f32; LABEL_COUNT]) -> [Option<f32>; LABEL_COUNT] {
        std::array::from_fn(|label| {
            let past = margins[label] - self.labels[label].threshold;
            (past >= 0.0).then(|| 1.0 / (1.0 + (-CONFIDENCE_SLOPE * past).exp()))
        })
    }
}

/// Open addressing from bucket to row; buckets are already well spread, so a multiplicative
/// hash of them is enough.
#[derive(Debug, Clone)]
struct Table {
    slots: Vec<(u32, u32)>,
    shift: u32,
}

const EMPTY: u32 = u32::MAX;

impl Table {
    fn with_capacity(count: usize) -> Table {
        let size = (count * 2).next_power_of_two().max(16);
        Table { slots: vec![(EMPTY, 0); size], shift: 64 - size.trailing_zeros() }
    }

    fn slot(&self, bucket: u32) -> usize {
        ((bucket as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn insert(&mut self, bucket: u32, row: u32) {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(bucket);
        while self.slots[at].0 != EMPTY && self.slots[at].0 != bucket {
            at = (at + 1) & mask;
        }
        self.slots[at] = (bucket, row);
    }

    fn get(&self, bucket: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut at = self.slot(bucket);
        loop {
            let (key, row) = self.slots[at];
            if key == bucket {
                return Some(row);
            }
            if key == EMPTY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_finds_what_was_inserted_and_nothing_else() {
        let mut table = Table::with_capacity(100);
        for bucket in (0..100u32).map(|b| b * 7919) {
            table.insert(bucket, bucket / 7919);
        }
        for bucket in (0..100u32).map(|b| b * 7919) {
            assert_eq!(table.get(bucket), Some(bucket / 7919));
        }
        assert_eq!(table.get(5), None);
    }

    #[test]
    fn the_model_covers_exactly_its_eight_categories() {
        assert!(covers(CategoryId::Arbitration));
        assert!(!covers(CategoryId::Indemnification));
        assert_eq!(LABELS.iter().filter(|&&label| covers(label)).count(), LABEL_COUNT);
    }
}

/// The shipped weights, on sentences we wrote: what a reader relies on the model for.
#[cfg(test)]
mod shipped_tests {
    use super::*;
    use CategoryId::*;

    fn tagged(text: &str) -> Vec<CategoryId> {
        LABELS.iter().zip(score(text)).filter(|(_, s)| s.is_some()).map(|(l, _)| *l).collect()
    }

    #[test]
    fn the_shipped_weights_load() {
        let model = shipped();
        assert!(model.len() > 1_000, "{} weighted buckets", model.len());
        assert!(SHIPPED.len() < 150 * 1024, "weights are {} bytes", SHIPPED.len());
    }

    #[test]
    fn clauses_we_wrote_get_their_category() {
        let cases = [
            (UnilateralTermination, "We may terminate your account at any time without notice."),
            (UnilateralTermination, "Acme may suspend or discontinue the service for any reason."),
            (UnilateralChange, "We reserve the right to change these Terms at any time."),
            (ContractByUsing, "By using the Service, you agree to be bound by these Terms."),
            (ChoiceOfLaw, "These Terms are governed by the laws of the State of Delaware."),
            (Jurisdiction, "You submit to the exclusive jurisdiction of the courts of Dublin."),
            (
                Arbitration,
                "Any dispute between you and us will be resolved by binding arbitration.",
            ),
            (LimitationOfLiability, "In no event shall we be liable for consequential damages."),
            (ContentRemoval, "We may remove any content you post at our sole discretion."),
        ];
        for (category, text) in cases {
            assert_eq!(tagged(text), vec![category], "{text}");
        }
    }

    #[test]
    fn fair_and_neutral_clauses_we_wrote_get_nothing() {
        for text in [
            "Welcome to our service.",
            "You can download a copy of your data from the settings page.",
            "You may close your account at any time from the settings page.",
            "Nothing in these terms limits our liability for death or personal injury.",
            "If you live in the EU, you may bring a claim in the courts of your country.",
            "",
        ] {
            assert_eq!(tagged(text), vec![], "{text}");
        }
    }

    #[test]
    fn confidence_grows_from_one_half_past_the_threshold() {
        let confidence = score("We may terminate your account at any time without notice.");
        let termination = label_index(UnilateralTermination).unwrap();
        assert!(confidence[termination].is_some_and(|c| (0.5..=1.0).contains(&c)));
    }
}

/// Timing, run on demand in a release build:
/// `cargo test --release --lib model::timing -- --ignored --nocapture`.
#[cfg(test)]
mod timing {
    use std::time::Instant;

    /// About 1,000 clauses of 20 words: the size of a long terms page.
    fn page() -> Vec<String> {
        let openings =
            ["We may", "You agree that we can", "The company reserves the right to", "Users may"];
        let actions = [
            "terminate your account",
            "change these terms",
            "remove any content",
            "use the service",
        ];
        let endings = [
            "at any time without notice and for any reason whatsoever.",
            "after giving you thirty days of written notice by email.",
            "in accordance with the laws of the State of California.",
            "unless a court of competent jurisdiction decides otherwise.",
        ];
        (0..1_000)
            .map(|i| {
                format!(
                    "{} {} {} (clause {i})",
                    openings[i % 4],
                    actions[i / 4 % 4],
                    endings[i / 16 % 4]
                )
            })
            .collect()
    }

    #[test]
    #[ignore = "timing; run in release"]
    fn scoring_a_long_page() {
        let clauses = page();
        let words: usize = clauses.iter().map(|c| c.split_whitespace().count()).sum();
        let _ = super::score("warm up");
        let mut runs: Vec<f64> = (0..21)
            .map(|_| {
                let started = Instant::now();
                for clause in &clauses {
                    std::hint::black_box(super::score(clause));
                }
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!("{} clauses, {words} words: median {:.2} ms", clauses.len(), runs[10]);
    }
}
