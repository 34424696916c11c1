//! A linear support vector machine with squared hinge loss, by dual coordinate descent.
//!
//! Minimises `½‖w‖² + Σᵢ Cᵢ · max(0, 1 − yᵢ (w·xᵢ + b))²`, with `Cᵢ` larger for the rare positive
//! class. The bias `b` is the weight of a constant feature, so it is regularised like the rest.
//! The method is the one of Hsieh et al., "A dual coordinate descent method for large-scale
//! linear SVM" (ICML 2008): visit the examples in a random order, move each dual variable to its
//! optimum with the others fixed, and keep `w` equal to `Σ αᵢ yᵢ xᵢ` as it goes.
//!
//! Cost: each epoch touches every stored feature value once; a few dozen epochs suffice on
//! sentence data. Deterministic for a given seed. Limits: no shrinking, so it wastes time on
//! examples that are long settled; fine at the size of CLAUDETTE (thousands of sentences).

/// The value of the constant feature that carries the bias.
const BIAS_FEATURE: f32 = 1.0;

/// One training example: sorted, merged `(feature id, value)` pairs.
pub type Row = [(u32, f32)];

#[derive(Debug, Clone, Copy)]
pub struct SvmOptions {
    /// Cost of a margin violation by a negative example.
    pub c: f32,
    /// How many times more a violation by a positive example costs.
    pub positive_weight: f32,
    /// Upper bound on passes over the data.
    pub max_epochs: usize,
    /// Stop when the projected gradients all lie within this width.
    pub tolerance: f32,
    pub seed: u64,
}

impl Default for SvmOptions {
    fn default() -> SvmOptions {
        SvmOptions { c: 0.5, positive_weight: 3.0, max_epochs: 60, tolerance: 0.05, seed: 7 }
    }
}

/// Weights over feature ids `0..dimension`, and the bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Linear {
    pub weights: Vec<f32>,
    pub bias: f32,
}

impl Linear {
    pub fn margin(&self, row: &Row) -> f32 {
        self.bias * BIAS_FEATURE + dot(&self.weights, row)
    }
}

/// Fits one binary classifier; `labels[i]` says whether `rows[i]` is positive, and a violation
/// by `rows[i]` costs `weights[i]` times more than one by an ordinary example of its class.
pub fn train(
    rows: &[&Row],
    labels: &[bool],
    weights: &[f32],
    dimension: usize,
    options: SvmOptions,
) -> Linear {
    assert!(rows.len() == labels.len() && rows.len() == weights.len(), "one label per row");
    let mut model = Linear { weights: vec![0.0; dimension], bias: 0.0 };
    let class_cost =
        |positive: bool| if positive { options.c * options.positive_weight } else { options.c };
    let cost: Vec<f32> = labels.iter().zip(weights).map(|(&l, &w)| class_cost(l) * w).collect();

    // The diagonal term 1/(2C) of the squared hinge loss, plus ‖xᵢ‖².
    let diagonal: Vec<f32> = rows
        .iter()
        .zip(&cost)
        .map(|(row, &cost)| {
            let norm: f32 = row.iter().map(|(_, v)| v * v).sum();
            norm + BIAS_FEATURE * BIAS_FEATURE + 0.5 / cost
        })
        .collect();
    let mut alpha = vec![0f32; rows.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut random = options.seed | 1;

    for _ in 0..options.max_epochs {
        shuffle(&mut order, &mut random);
        let (mut highest, mut lowest) = (f32::NEG_INFINITY, f32::INFINITY);

        for &i in &order {
            let sign = if labels[i] { 1.0 } else { -1.0 };
            let gradient = sign * model.margin(rows[i]) - 1.0 + alpha[i] * 0.5 / cost[i];
            let projected = if alpha[i] == 0.0 { gradient.min(0.0) } else { gradient };
            highest = highest.max(projected);
            lowest = lowest.min(projected);
            if projected == 0.0 {
                continue;
            }

            let old = alpha[i];
            alpha[i] = (old - gradient / diagonal[i]).max(0.0);
            let step = (alpha[i] - old) * sign;
            for &(feature, value) in rows[i] {
                model.weights[feature as usize] += step * value;
            }
            model.bias += step * BIAS_FEATURE;
        }

        if highest - lowest < options.tolerance {
            break;
        }
    }
    model
}

fn dot(weights: &[f32], row: &Row) -> f32 {
    row.iter().map(|&(feature, value)| weights[feature as usize] * value).sum()
}

/// Fisher–Yates with xorshift64: reproducible without a random-number crate.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feature 0 marks positives, feature 1 negatives, feature 2 is noise on every row.
    fn toy() -> (Vec<Vec<(u32, f32)>>, Vec<bool>) {
        let mut rows = Vec::new();
        let mut labels = Vec::new();
        for i in 0..40 {
            let positive = i % 4 == 0;
            let marker = if positive { 0 } else { 1 };
            rows.push(vec![(marker, 1.0), (2, 0.5)]);
            labels.push(positive);
        }
        (rows, labels)
    }

    #[test]
    fn separates_a_separable_set() {
        let (rows, labels) = toy();
        let refs: Vec<&Row> = rows.iter().map(Vec::as_slice).collect();
        let ones = vec![1.0; refs.len()];
        let model =
            train(&refs, &labels, &ones, 3, SvmOptions { c: 10.0, ..SvmOptions::default() });
        for (row, &positive) in refs.iter().zip(&labels) {
            assert_eq!(model.margin(row) > 0.0, positive);
        }
        assert!(model.weights[0] > 0.0 && model.weights[1] < 0.0);
    }

    #[test]
    fn stronger_regularisation_gives_smaller_weights() {
        let (rows, labels) = toy();
        let refs: Vec<&Row> = rows.iter().map(Vec::as_slice).collect();
        let ones = vec![1.0; refs.len()];
        let loose =
            train(&refs, &labels, &ones, 3, SvmOptions { c: 10.0, ..SvmOptions::default() });
        let tight =
            train(&refs, &labels, &ones, 3, SvmOptions { c: 0.01, ..SvmOptions::default() });
        assert!(tight.weights[0].abs() < loose.weights[0].abs());
    }

    #[test]
    fn the_same_seed_gives_the_same_model() {
        let (rows, labels) = toy();
        let refs: Vec<&Row> = rows.iter().map(Vec::as_slice).collect();
        let options = SvmOptions::default();
        let ones = vec![1.0; refs.len()];
        let first = train(&refs, &labels, &ones, 3, options);
        assert_eq!(first, train(&refs, &labels, &ones, 3, options));
    }

    #[test]
    fn a_heavier_example_pulls_the_boundary_its_way() {
        // Rows 0 and 1 are identical with opposite labels; the heavier one wins.
        let rows = [vec![(0, 1.0)], vec![(0, 1.0)]];
        let refs: Vec<&Row> = rows.iter().map(Vec::as_slice).collect();
        let options = SvmOptions { positive_weight: 1.0, ..SvmOptions::default() };
        let model = train(&refs, &[true, false], &[5.0, 1.0], 1, options);
        assert!(model.margin(refs[0]) > 0.0);
    }
}
