//! Precision, recall and F1, per label and pooled, as every data set reports them.

use std::collections::BTreeMap;

/// True positives, false positives and false negatives of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Counts one prediction against its gold answer.
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
}

/// `part / whole`, or 0 when `whole` is 0 (a label never predicted nor present scores 0).
pub fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Per-label counts with macro and micro averages.
#[derive(Debug, Clone, Default)]
pub struct LabelScores {
    pub labels: BTreeMap<String, Counts>,
}

impl LabelScores {
    pub fn add(&mut self, label: &str, predicted: bool, gold: bool) {
        self.labels.entry(label.to_string()).or_default().add(predicted, gold);
    }

    /// Mean of the per-label F1 scores.
    pub fn macro_f1(&self) -> f64 {
        if self.labels.is_empty() {
            return 0.0;
        }
        self.labels.values().map(Counts::f1).sum::<f64>() / self.labels.len() as f64
    }

    /// F1 of the counts pooled over all labels.
    pub fn micro_f1(&self) -> f64 {
        let mut pooled = Counts::default();
        for counts in self.labels.values() {
            pooled.tp += counts.tp;
            pooled.fp += counts.fp;
            pooled.fn_ += counts.fn_;
        }
        pooled.f1()
    }

    /// A table with one row per label, then the macro and micro averages.
    pub fn table(&self) -> String {
        let mut out =
            format!("{:<26} {:>7} {:>6} {:>6} {:>6}\n", "label", "support", "P", "R", "F1");
        for (label, counts) in &self.labels {
            out += &format!(
                "{:<26} {:>7} {:>6.3} {:>6.3} {:>6.3}\n",
                label,
                counts.support(),
                counts.precision(),
                counts.recall(),
                counts.f1()
            );
        }
        out += &format!("macro-F1 {:.3}   micro-F1 {:.3}\n", self.macro_f1(), self.micro_f1());
        out
    }

    /// `{"macro_f1", "micro_f1", "labels": {label: {"p", "r", "f1", "support"}}}`.
    pub fn json(&self) -> serde_json::Value {
        let labels: serde_json::Map<_, _> = self
            .labels
            .iter()
            .map(|(label, counts)| {
                let figures = serde_json::json!({
                    "p": counts.precision(),
                    "r": counts.recall(),
                    "f1": counts.f1(),
                    "support": counts.support(),
                });
                (label.clone(), figures)
            })
            .collect();
        serde_json::json!({
            "macro_f1": self.macro_f1(),
            "micro_f1": self.micro_f1(),
            "labels": labels,
        })
    }
}
