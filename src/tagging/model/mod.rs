//! The learned layer: a sparse linear model over hashed word n-grams and rule outputs.

use crate::categories::CategoryId;

use super::rules::RuleHits;
use super::ClauseContext;

/// Whether the learned model decides this category (otherwise the rules do).
pub fn covers(category: CategoryId) -> bool {
    let _ = category;
    false
}

/// The model's confidence that `text` carries `category`, or `None` below its threshold.
pub fn score(
    category: CategoryId,
    text: &str,
    context: ClauseContext<'_>,
    hits: &RuleHits,
) -> Option<f32> {
    let _ = (category, text, context, hits);
    None
}
