//! The risk delta: which categories appeared or disappeared, and which facts changed.
//!
//! Only clauses whose text changed in substance can move the delta. A category that vanishes
//! because an unchanged clause was tagged differently (the tagger reads section headings, and
//! a moved clause may sit under a new one) is the engine's noise, not a change of the terms.
//!
//! - A category is *added* when the new document carries it, the old one does not, and a
//!   changed new clause carries it; *removed* is the mirror image.
//! - A fact (`days`, `cap`, `law`, ...) *changed* when the set of values the documents state
//!   for a category differs and a changed clause states one of them.
//!
//! Facts are read through serde, so a field added to [`crate::tagging::Facts`] is compared
//! without a change here.
//!
//! Cost: linear in the findings of both documents.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::comparable::{ClauseFinding, Comparable, ComparableClause};
use super::report::{self, FactChange, RiskChange};
use crate::categories::CategoryId;
use crate::tagging::Facts;

/// The document-level delta.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RiskDelta {
    pub added: Vec<RiskChange>,
    pub removed: Vec<RiskChange>,
    pub facts: Vec<FactChange>,
}

/// Computes the delta; `changed_old` and `changed_new` are positions (in the comparable
/// clause lists) of the clauses whose text changed in substance.
pub fn delta(
    old: &Comparable<'_>,
    new: &Comparable<'_>,
    changed_old: &HashSet<usize>,
    changed_new: &HashSet<usize>,
) -> RiskDelta {
    let old_carriers = carriers(&old.clauses);
    let new_carriers = carriers(&new.clauses);
    let mut delta = RiskDelta::default();

    for (category, clauses) in &new_carriers {
        let changed = clauses.iter().any(|position| changed_new.contains(position));
        if changed && !old_carriers.contains_key(category) {
            delta.added.push(risk_change(*category, clauses, &new.clauses));
        }
    }
    for (category, clauses) in &old_carriers {
        let changed = clauses.iter().any(|position| changed_old.contains(position));
        if changed && !new_carriers.contains_key(category) {
            delta.removed.push(risk_change(*category, clauses, &old.clauses));
        }
    }

    for category in old_carriers.keys().filter(|category| new_carriers.contains_key(category)) {
        let old_values = fact_values(*category, &old.clauses);
        let new_values = fact_values(*category, &new.clauses);
        let facts: BTreeSet<&String> = old_values.keys().chain(new_values.keys()).collect();

        for fact in facts {
            let empty = BTreeMap::new();
            let old_fact = old_values.get(fact).unwrap_or(&empty);
            let new_fact = new_values.get(fact).unwrap_or(&empty);
            let old_set: BTreeSet<&String> = old_fact.keys().collect();
            let new_set: BTreeSet<&String> = new_fact.keys().collect();
            if old_set == new_set {
                continue;
            }

            let stating = |values: &BTreeMap<String, Vec<usize>>, changed: &HashSet<usize>| {
                values.values().flatten().any(|position| changed.contains(position))
            };
            if !stating(old_fact, changed_old) && !stating(new_fact, changed_new) {
                continue;
            }
            delta.facts.push(fact_change(*category, fact, (old_fact, old), (new_fact, new)));
        }
    }
    delta
}

/// The facts that differ between two findings of one category, field by field.
pub fn facts_diff(category: CategoryId, old: &Facts, new: &Facts) -> Vec<FactChange> {
    let old_fields: BTreeMap<String, String> = fact_fields(old).into_iter().collect();
    let new_fields: BTreeMap<String, String> = fact_fields(new).into_iter().collect();
    let names: BTreeSet<&String> = old_fields.keys().chain(new_fields.keys()).collect();

    names
        .into_iter()
        .filter(|name| old_fields.get(*name) != new_fields.get(*name))
        .map(|name| FactChange {
            category,
            fact: name.clone(),
            old: old_fields.get(name).cloned(),
            new: new_fields.get(name).cloned(),
            old_clauses: Vec::new(),
            new_clauses: Vec::new(),
        })
        .collect()
}

/// The non-empty fields of a [`Facts`], as `(name, value)` pairs.
pub fn fact_fields(facts: &Facts) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(facts) else {
        return Vec::new();
    };
    fields
        .into_iter()
        .filter(|(_, value)| !value.is_null())
        .map(|(name, value)| match value {
            serde_json::Value::String(text) => (name, text),
            other => (name, other.to_string()),
        })
        .collect()
}

/// For each category, the positions of the clauses that carry it.
fn carriers(clauses: &[ComparableClause<'_>]) -> BTreeMap<CategoryId, Vec<usize>> {
    let mut carriers: BTreeMap<CategoryId, Vec<usize>> = BTreeMap::new();
    for (position, clause) in clauses.iter().enumerate() {
        for category in clause.categories() {
            let positions = carriers.entry(category).or_default();
            if positions.last() != Some(&position) {
                positions.push(position);
            }
        }
    }
    carriers
}

fn risk_change(
    category: CategoryId,
    positions: &[usize],
    clauses: &[ComparableClause<'_>],
) -> RiskChange {
    let (polarity, severity) = report::category_weight(category);
    let mut facts = Vec::new();
    for &position in positions {
        for finding in findings_of(&clauses[position], category) {
            for pair in fact_fields(&finding.facts) {
                if !facts.contains(&pair) {
                    facts.push(pair);
                }
            }
        }
    }
    RiskChange {
        category,
        name: report::category_name(category),
        polarity,
        severity,
        clauses: positions.iter().map(|&position| clauses[position].index).collect(),
        facts,
    }
}

/// For one category: fact name → value → positions of the clauses stating it.
fn fact_values(
    category: CategoryId,
    clauses: &[ComparableClause<'_>],
) -> BTreeMap<String, BTreeMap<String, Vec<usize>>> {
    let mut values: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (position, clause) in clauses.iter().enumerate() {
        for finding in findings_of(clause, category) {
            for (name, value) in fact_fields(&finding.facts) {
                values.entry(name).or_default().entry(value).or_default().push(position);
            }
        }
    }
    values
}

fn fact_change(
    category: CategoryId,
    fact: &str,
    (old_fact, old): (&BTreeMap<String, Vec<usize>>, &Comparable<'_>),
    (new_fact, new): (&BTreeMap<String, Vec<usize>>, &Comparable<'_>),
) -> FactChange {
    let only_in = |values: &BTreeMap<String, Vec<usize>>,
                   other: &BTreeMap<String, Vec<usize>>,
                   side: &Comparable<'_>| {
        let mut clauses: Vec<usize> = values
            .iter()
            .filter(|(value, _)| !other.contains_key(*value))
            .flat_map(|(_, positions)| positions.iter().map(|&p| side.clauses[p].index))
            .collect();
        clauses.sort_unstable();
        clauses.dedup();
        clauses
    };
    let joined = |values: &BTreeMap<String, Vec<usize>>| {
        (!values.is_empty()).then(|| values.keys().cloned().collect::<Vec<_>>().join(", "))
    };

    FactChange {
        category,
        fact: fact.to_string(),
        old: joined(old_fact),
        new: joined(new_fact),
        old_clauses: only_in(old_fact, new_fact, old),
        new_clauses: only_in(new_fact, old_fact, new),
    }
}

fn findings_of<'c>(
    clause: &'c ComparableClause<'_>,
    category: CategoryId,
) -> impl Iterator<Item = &'c ClauseFinding> {
    clause.findings.iter().filter(move |finding| finding.category == category)
}
