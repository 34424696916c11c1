//! Fits the clause model: features, one SVM per label, thresholds by inner cross-validation,
//! then pruning and quantisation into the weights the crate ships.
//!
//! [`fit`] is the whole recipe and the only one: `termwatch train` calls it on all of
//! `claudette_50`, and `termwatch eval` calls it once per fold on the other folds, then scores
//! the held-out fold through the same quantised [`Model`] the extension runs. So an evaluation
//! figure is the figure of what ships, pruning and quantisation included.
//!
//! Thresholds and solver settings: the documents of the training set are dealt into
//! [`FitOptions::inner_folds`] groups; for every point of [`FitOptions::grid`], each group is
//! scored by a model fitted (and quantised) on the others, and each label takes the point and
//! the margin that maximise F1 over those held-out scores. Nothing outside
//! the training set is ever looked at. Our own clauses are in every inner fit and never among
//! the scores: they are written to be clear, so scoring them would set thresholds for clearer
//! text than real terms.
//!
//! Cost: `grid × inner_folds + 1` fits of eight SVMs, the labels spread over the available
//! cores; about half a second per fit on `claudette_50` in a release build.

use std::collections::HashMap;

use super::corpus::Doc;
use super::svm::{self, Linear, SvmOptions};
use crate::tagging::model::features::{self, Feature, Scratch, FEATURE_VERSION, HASH_BITS};
use crate::tagging::model::weights::{LabelParams, Weights};
use crate::tagging::model::{Model, LABEL_COUNT};

/// A sentence ready for learning.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Sorted by bucket, each bucket once.
    pub features: Vec<Feature>,
    pub gold: [bool; LABEL_COUNT],
    /// Index of the sentence's document in the list it was read from: folds split by it.
    pub doc: usize,
    /// One of our own clauses: in every fit, never scored for thresholds.
    pub own: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct FitOptions {
    /// Solver settings; `c` and `positive_weight` are replaced, label by label, by the point of
    /// [`FitOptions::grid`] that inner cross-validation prefers.
    pub svm: SvmOptions,
    /// `(c, positive_weight)` pairs tried for every label.
    pub grid: &'static [(f32, f32)],
    /// A feature seen in fewer training sentences than this is left out.
    pub min_count: usize,
    /// Quantised weights this small or smaller are dropped ([`Weights::quantise`]).
    pub prune: i8,
    /// Folds of the inner cross-validation that chooses thresholds.
    pub inner_folds: usize,
    /// How many times more a mistake on one of our own clauses costs: their labels are clean,
    /// where the corpus's are not always consistent.
    pub own_weight: f32,
}

impl Default for FitOptions {
    /// The settings the shipped model is fitted with. The grid is the global setting chosen
    /// earlier by 5-fold cross-validation on `claudette_50` (C 0.5, positive weight 3) and one
    /// step either side of it on each axis; each label picks its point by inner CV.
    fn default() -> FitOptions {
        FitOptions {
            svm: SvmOptions::default(),
            grid: &[(0.25, 3.0), (0.5, 3.0), (1.0, 3.0), (0.5, 1.5), (0.5, 6.0)],
            min_count: 3,
            prune: 1,
            inner_folds: 4,
            own_weight: 10.0,
        }
    }
}

/// A fitted model, as stored and as loaded.
pub struct Fitted {
    pub weights: Weights,
    pub model: Model,
    /// The solver settings each label was fitted with.
    pub settings: [SvmOptions; LABEL_COUNT],
}

/// Reads every sentence of `docs` into an example.
pub fn examples(docs: &[Doc]) -> Vec<Example> {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for (index, doc) in docs.iter().enumerate() {
        for sentence in &doc.sentences {
            features::extract(&sentence.text, &mut scratch);
            let features = merged(&scratch.features);
            out.push(Example { features, gold: sentence.gold, doc: index, own: doc.own });
        }
    }
    out
}

/// The same features sorted by bucket, with the values of a repeated bucket added up.
fn merged(features: &[Feature]) -> Vec<Feature> {
    let mut sorted = features.to_vec();
    sorted.sort_by_key(|(bucket, _)| *bucket);
    let mut out: Vec<Feature> = Vec::with_capacity(sorted.len());
    for (bucket, value) in sorted {
        match out.last_mut() {
            Some(last) if last.0 == bucket => last.1 += value,
            _ => out.push((bucket, value)),
        }
    }
    out
}

/// Fits weights and thresholds on `examples`.
pub fn fit(examples: &[&Example], options: &FitOptions) -> Fitted {
    let (thresholds, svms) = inner_thresholds(examples, options);
    let mut weights = fit_weights(examples, options, &svms);
    for (params, threshold) in weights.labels.iter_mut().zip(thresholds) {
        params.threshold = threshold;
    }
    let model = Model::from_weights(&weights).expect("weights written by this build");
    Fitted { weights, model, settings: svms }
}

/// Each label's threshold and SVM settings, from margins of documents held out of inner fits:
/// every point of [`FitOptions::grid`] is fitted on the inner folds, and each label takes the
/// point and threshold with the best F1 over its held-out margins.
fn inner_thresholds(
    examples: &[&Example],
    options: &FitOptions,
) -> ([f32; LABEL_COUNT], [SvmOptions; LABEL_COUNT]) {
    // Per label: (inner F1, threshold, settings) of the best grid point so far.
    let mut best = [(f64::MIN, 0f32, options.svm); LABEL_COUNT];
    for &(c, positive_weight) in options.grid {
        let svm = SvmOptions { c, positive_weight, ..options.svm };
        let margins = inner_margins(examples, options, &[svm; LABEL_COUNT]);
        for (label, best) in best.iter_mut().enumerate() {
            let (threshold, f1) = label_threshold(examples, &margins, label);
            if f1 > best.0 {
                *best = (f1, threshold, svm);
            }
        }
    }
    (std::array::from_fn(|l| best[l].1), std::array::from_fn(|l| best[l].2))
}

/// The best threshold of one label over the inner held-out margins, and its F1.
fn label_threshold(
    examples: &[&Example],
    margins: &[[f32; LABEL_COUNT]],
    label: usize,
) -> (f32, f64) {
    let scored: Vec<(f32, bool)> = examples
        .iter()
        .zip(margins)
        .filter(|(e, _)| !e.own)
        .map(|(e, m)| (m[label], e.gold[label]))
        .collect();
    best_threshold(&scored)
}

/// Every example's margins from the inner fit that did not see its document.
fn inner_margins(
    examples: &[&Example],
    options: &FitOptions,
    svms: &[SvmOptions; LABEL_COUNT],
) -> Vec<[f32; LABEL_COUNT]> {
    let fold_of = inner_folds(examples, options.inner_folds);
    let mut margins = vec![[0f32; LABEL_COUNT]; examples.len()];

    for fold in 0..options.inner_folds {
        let held_out = |at: usize| fold_of[at] == fold && !examples[at].own;
        let inside: Vec<&Example> =
            (0..examples.len()).filter(|&at| !held_out(at)).map(|at| examples[at]).collect();
        let model = Model::from_weights(&fit_weights(&inside, options, svms))
            .expect("weights written by this build");
        for at in (0..examples.len()).filter(|&at| held_out(at)) {
            margins[at] = model.margins_of(&examples[at].features);
        }
    }
    margins
}

/// The inner fold of every example: documents dealt round-robin in order of first appearance.
fn inner_folds(examples: &[&Example], folds: usize) -> Vec<usize> {
    let mut rank: HashMap<usize, usize> = HashMap::new();
    examples
        .iter()
        .map(|example| {
            let next = rank.len();
            *rank.entry(example.doc).or_insert(next) % folds
        })
        .collect()
}

/// The margin that maximises F1, halfway between the last margin kept and the next one.
pub fn best_threshold(scored: &[(f32, bool)]) -> (f32, f64) {
    let mut sorted = scored.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = sorted.iter().filter(|(_, gold)| *gold).count();
    if positives == 0 {
        return (f32::MAX, 0.0);
    }

    let (mut true_positives, mut best_f1, mut best_at) = (0, 0.0, 0);
    for (at, &(_, gold)) in sorted.iter().enumerate() {
        true_positives += usize::from(gold);
        let f1 = 2.0 * true_positives as f64 / (at + 1 + positives) as f64;
        if f1 > best_f1 {
            (best_f1, best_at) = (f1, at);
        }
    }
    let threshold = match sorted.get(best_at + 1) {
        Some(next) => (sorted[best_at].0 + next.0) / 2.0,
        None => sorted[best_at].0 - 1.0,
    };
    (threshold, best_f1)
}

/// One SVM per label on the features seen often enough, quantised. Thresholds are left at 0.
fn fit_weights(
    examples: &[&Example],
    options: &FitOptions,
    svms: &[SvmOptions; LABEL_COUNT],
) -> Weights {
    let vocabulary = vocabulary(examples, options.min_count);
    let rows: Vec<Vec<(u32, f32)>> = examples
        .iter()
        .map(|e| e.features.iter().filter_map(|(b, v)| Some((*vocabulary.get(b)?, *v))).collect())
        .collect();
    let rows: Vec<&svm::Row> = rows.iter().map(Vec::as_slice).collect();

    let weights: Vec<f32> =
        examples.iter().map(|e| if e.own { options.own_weight } else { 1.0 }).collect();
    let linears = per_label(|label| {
        let gold: Vec<bool> = examples.iter().map(|e| e.gold[label]).collect();
        svm::train(&rows, &gold, &weights, vocabulary.len(), svms[label])
    });

    let mut dense: Vec<(u32, [f32; LABEL_COUNT])> = vocabulary
        .iter()
        .map(|(&bucket, &id)| (bucket, std::array::from_fn(|l| linears[l].weights[id as usize])))
        .collect();
    dense.sort_by_key(|(bucket, _)| *bucket);
    let labels = std::array::from_fn(|l| LabelParams { bias: linears[l].bias, threshold: 0.0 });
    Weights::quantise(FEATURE_VERSION, HASH_BITS, labels, &dense, options.prune)
}

/// Buckets seen in at least `min_count` examples, numbered densely.
fn vocabulary(examples: &[&Example], min_count: usize) -> HashMap<u32, u32> {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for example in examples {
        for (bucket, _) in &example.features {
            *counts.entry(*bucket).or_default() += 1;
        }
    }
    let mut kept: Vec<u32> =
        counts.into_iter().filter(|&(_, count)| count >= min_count).map(|(b, _)| b).collect();
    kept.sort_unstable();
    kept.into_iter().enumerate().map(|(id, bucket)| (bucket, id as u32)).collect()
}

/// Runs `train` for every label, spread over the available cores.
fn per_label(train: impl Fn(usize) -> Linear + Sync) -> Vec<Linear> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(LABEL_COUNT);
    let mut results: Vec<Option<Linear>> = vec![None; LABEL_COUNT];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let train = &train;
                scope.spawn(move || {
                    let labels = (thread..LABEL_COUNT).step_by(threads);
                    labels.map(|label| (label, train(label))).collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for (label, linear) in handle.join().expect("a training thread panicked") {
                results[label] = Some(linear);
            }
        }
    });
    results.into_iter().map(|r| r.expect("every label trained")).collect()
}

#[cfg(test)]
mod tests {
    use super::super::corpus::Sentence;
    use super::*;
    use crate::categories::CategoryId;
    use crate::tagging::model::label_index;

    #[test]
    fn the_best_threshold_splits_positives_from_negatives() {
        let scored = [(2.0, true), (1.0, true), (0.0, false), (-1.0, false)];
        assert_eq!(best_threshold(&scored).0, 0.5);
        assert_eq!(best_threshold(&[(1.0, false)]).0, f32::MAX);
    }

    #[test]
    fn features_are_merged_by_bucket() {
        assert_eq!(merged(&[(3, 1.0), (1, 0.5), (3, 1.0)]), vec![(1, 0.5), (3, 2.0)]);
    }

    /// A tiny synthetic corpus of our own sentences: the learner must pick up what marks
    /// termination by the provider and tell it from the reader's own right to leave.
    #[test]
    fn learns_a_tiny_synthetic_set() {
        let termination = label_index(CategoryId::UnilateralTermination).unwrap();
        let mut docs = Vec::new();
        for d in 0..12 {
            let mut sentences = Vec::new();
            for s in 0..6 {
                let positive = s % 3 == 0;
                let text = if positive {
                    format!("We may terminate your account {d} at any time without notice.")
                } else {
                    format!("You may close your account {d} whenever you like, item {s}.")
                };
                let mut gold = [false; LABEL_COUNT];
                gold[termination] = positive;
                sentences.push(Sentence { text, gold });
            }
            docs.push(Doc { name: format!("doc{d}"), sentences, own: false });
        }
        let all = examples(&docs);
        let training: Vec<&Example> = all.iter().filter(|e| e.doc < 9).collect();
        let options = FitOptions { min_count: 2, ..FitOptions::default() };
        let fitted = fit(&training, &options);

        for example in all.iter().filter(|e| e.doc >= 9) {
            let decided = fitted.model.decide(&fitted.model.margins_of(&example.features));
            assert_eq!(decided[termination].is_some(), example.gold[termination]);
        }
    }
}
