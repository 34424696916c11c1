//! Clause alignment: which old clause became which new one.
//!
//! 1. Clauses are compared by key (the hash of their folded tokens), and the two key sequences
//!    are diffed with `similar`'s patience algorithm, which anchors on clauses that occur once
//!    — most clauses of a legal text do.
//! 2. Each run of unequal clauses is checked for re-segmentation: if its old and new clauses
//!    hold the same tokens in the same order, only the sentence cuts moved (`A. B.` → `A; B.`).
//! 3. Clauses left over anywhere that have an exact twin on the other side are moves.
//! 4. Inside each run, the remaining clauses are paired by word overlap (Dice coefficient of
//!    their token sets, at least [`MIN_SIMILARITY`]); those pairs are rewordings. What is left
//!    is added or removed.
//!
//! Cost: O((n + m) log(n + m)) for the anchors plus `similar`'s bounded Myers on the gaps; the
//! pairing of step 4 tries every pair in small runs and a band of [`BAND`] candidates per
//! clause in large ones, so unrelated documents stay linear. Everything stops at the deadline,
//! after which the remaining clauses are reported as added and removed and the alignment is
//! marked approximate.
//!
//! Known limits: a clause that both moved to another run and was reworded is reported as
//! removed and added; a clause split into two differently worded sentences is one rewording
//! plus one addition.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use similar::{Algorithm, DiffOp};

use super::clock::{self, Instant};

use super::comparable::ComparableClause;
use super::normalise;

/// The least word overlap for two clauses to count as one clause reworded.
pub const MIN_SIMILARITY: f64 = 0.5;

/// In runs larger than [`FULL_PAIRING_LIMIT`] pairs, each old clause is tried against this
/// many new clauses on either side of its expected position.
pub const BAND: usize = 12;

/// Runs with at most this many candidate pairs are paired exhaustively.
const FULL_PAIRING_LIMIT: usize = 1024;

/// One step of the alignment; indices are positions in the comparable clause lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Same {
        old: usize,
        new: usize,
    },
    Moved {
        old: usize,
        new: usize,
    },
    Modified {
        old: usize,
        new: usize,
    },
    Removed {
        old: usize,
    },
    Added {
        new: usize,
    },
    /// The same words cut into sentences differently.
    Resegmented {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// The alignment of two versions, in new-document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    pub steps: Vec<Step>,
    /// The deadline passed: some pairs may be reported as added and removed.
    pub approximate: bool,
}

/// Aligns two clause lists.
pub fn align(
    old: &[ComparableClause<'_>],
    new: &[ComparableClause<'_>],
    deadline: Option<Instant>,
) -> Alignment {
    let old_keys: Vec<u64> = old.iter().map(|clause| clause.key).collect();
    let new_keys: Vec<u64> = new.iter().map(|clause| clause.key).collect();
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, deadline);

    let mut regions = Vec::new();
    let mut anchors = Vec::new();
    for op in &ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match op {
            DiffOp::Equal { .. } => anchors.push((old_range, new_range)),
            _ => {
                let _ = tag;
                regions.push(Region::new(old_range, new_range, old, new));
            }
        }
    }

    pair_moves(&mut regions, old, new);
    let mut approximate = false;
    for region in &mut regions {
        approximate |= !region.pair_rewordings(old, new, deadline);
    }

    Alignment { steps: emit(&ops, &regions), approximate }
}

/// A run of unequal clauses between two anchors.
#[derive(Debug)]
struct Region {
    old: Range<usize>,
    new: Range<usize>,
    resegmented: bool,
    /// For each new clause of the run: the old clause it came from, and how.
    new_origin: Vec<Option<(usize, Origin)>>,
    /// For each old clause of the run: whether it went somewhere.
    old_used: Vec<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Moved,
    Reworded,
}

impl Region {
    fn new(
        old_range: Range<usize>,
        new_range: Range<usize>,
        old: &[ComparableClause<'_>],
        new: &[ComparableClause<'_>],
    ) -> Region {
        let resegmented = !old_range.is_empty()
            && !new_range.is_empty()
            && joined_key(&old[old_range.clone()]) == joined_key(&new[new_range.clone()]);
        Region {
            new_origin: vec![None; new_range.len()],
            old_used: vec![resegmented; old_range.len()],
            old: old_range,
            new: new_range,
            resegmented,
        }
    }

    /// Pairs the leftover clauses of this run by word overlap; `false` if the deadline cut it.
    fn pair_rewordings(
        &mut self,
        old: &[ComparableClause<'_>],
        new: &[ComparableClause<'_>],
        deadline: Option<Instant>,
    ) -> bool {
        if self.resegmented {
            return true;
        }
        let old_free: Vec<usize> =
            self.old.clone().filter(|&i| !self.old_used[i - self.old.start]).collect();
        let new_free: Vec<usize> =
            self.new.clone().filter(|&j| self.new_origin[j - self.new.start].is_none()).collect();
        if old_free.is_empty() || new_free.is_empty() {
            return true;
        }

        let old_sets: Vec<Vec<u64>> = old_free.iter().map(|&i| token_set(&old[i])).collect();
        let new_sets: Vec<Vec<u64>> = new_free.iter().map(|&j| token_set(&new[j])).collect();

        let full = old_free.len() * new_free.len() <= FULL_PAIRING_LIMIT;
        let mut candidates = Vec::new();
        for (a, old_set) in old_sets.iter().enumerate() {
            if a % 64 == 0 && clock::passed(deadline) {
                return false;
            }
            let band = if full {
                0..new_free.len()
            } else {
                let expected = a * new_free.len() / old_free.len();
                expected.saturating_sub(BAND)..(expected + BAND + 1).min(new_free.len())
            };
            for b in band {
                let score = dice(old_set, &new_sets[b]);
                if score >= MIN_SIMILARITY {
                    candidates.push((score, a, b));
                }
            }
        }

        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, a, b) in candidates {
            let (i, j) = (old_free[a], new_free[b]);
            let (old_slot, new_slot) = (i - self.old.start, j - self.new.start);
            if !self.old_used[old_slot] && self.new_origin[new_slot].is_none() {
                self.old_used[old_slot] = true;
                self.new_origin[new_slot] = Some((i, Origin::Reworded));
            }
        }
        true
    }
}

/// Pairs clauses that appear, unchanged, in different runs or different places of one run.
fn pair_moves(regions: &mut [Region], old: &[ComparableClause<'_>], new: &[ComparableClause<'_>]) {
    let mut removed_by_key: HashMap<u64, VecDeque<(usize, usize)>> = HashMap::new();
    for (region_index, region) in regions.iter().enumerate() {
        if region.resegmented {
            continue;
        }
        for i in region.old.clone() {
            removed_by_key.entry(old[i].key).or_default().push_back((region_index, i));
        }
    }
    if removed_by_key.is_empty() {
        return;
    }

    for region_index in 0..regions.len() {
        if regions[region_index].resegmented {
            continue;
        }
        for j in regions[region_index].new.clone() {
            let Some((from_region, i)) =
                removed_by_key.get_mut(&new[j].key).and_then(VecDeque::pop_front)
            else {
                continue;
            };
            let from = &mut regions[from_region];
            from.old_used[i - from.old.start] = true;
            let to = &mut regions[region_index];
            to.new_origin[j - to.new.start] = Some((i, Origin::Moved));
        }
    }
}

/// Turns anchors and runs into steps, in new-document order; within a run, removed clauses are
/// listed where they stood relative to the reworded ones.
fn emit(ops: &[DiffOp], regions: &[Region]) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut regions = regions.iter();

    for op in ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        if let DiffOp::Equal { .. } = op {
            let pairs = old_range.zip(new_range);
            steps.extend(pairs.map(|(old, new)| Step::Same { old, new }));
            continue;
        }
        let Some(region) = regions.next() else { continue };
        if region.resegmented {
            steps.push(Step::Resegmented { old: region.old.clone(), new: region.new.clone() });
            continue;
        }

        let mut next_old = region.old.start;
        let mut flush_removed = |until: usize, steps: &mut Vec<Step>| {
            while next_old < until.min(region.old.end) {
                if !region.old_used[next_old - region.old.start] {
                    steps.push(Step::Removed { old: next_old });
                }
                next_old += 1;
            }
        };
        for (offset, origin) in region.new_origin.iter().enumerate() {
            let new = region.new.start + offset;
            match origin {
                Some((old, Origin::Reworded)) => {
                    flush_removed(*old, &mut steps);
                    steps.push(Step::Modified { old: *old, new });
                }
                Some((old, Origin::Moved)) => steps.push(Step::Moved { old: *old, new }),
                None => steps.push(Step::Added { new }),
            }
        }
        flush_removed(region.old.end, &mut steps);
    }
    steps
}

fn joined_key(clauses: &[ComparableClause<'_>]) -> u64 {
    normalise::combine(clauses.iter().flat_map(|clause| clause.tokens.iter().map(|t| t.key)))
}

fn token_set(clause: &ComparableClause<'_>) -> Vec<u64> {
    let mut set: Vec<u64> = clause.tokens.iter().map(|token| token.key).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// `2 |A ∩ B| / (|A| + |B|)` over sorted, deduplicated sets.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::comparable::{ClauseSource, Comparable};

    fn version(texts: &[&'static str]) -> Comparable<'static> {
        let sources = texts.iter().enumerate().map(|(index, text)| ClauseSource {
            index,
            text,
            section: None,
            findings: Vec::new(),
        });
        Comparable::from_clauses(sources, 0)
    }

    fn steps(old: &[&'static str], new: &[&'static str]) -> Vec<Step> {
        let (old, new) = (version(old), version(new));
        align(&old.clauses, &new.clauses, None).steps
    }

    const A: &str = "We collect the e-mail address you give us.";
    const B: &str = "We keep your messages for ninety days.";
    const C: &str = "You may close your account at any time.";
    const D: &str = "Disputes are settled by binding arbitration.";

    #[test]
    fn equal_versions_align_clause_by_clause() {
        let expected: Vec<Step> = (0..3).map(|i| Step::Same { old: i, new: i }).collect();
        assert_eq!(steps(&[A, B, C], &[A, B, C]), expected);
    }

    #[test]
    fn additions_and_removals() {
        assert_eq!(
            steps(&[A, B, C], &[A, C, D]),
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Removed { old: 1 },
                Step::Same { old: 2, new: 1 },
                Step::Added { new: 2 },
            ]
        );
    }

    #[test]
    fn moved_clauses_are_moves() {
        let found = steps(&[A, B, C, D], &[C, D, A, B]);
        let moved = found.iter().filter(|step| matches!(step, Step::Moved { .. })).count();
        let same = found.iter().filter(|step| matches!(step, Step::Same { .. })).count();
        assert_eq!(moved + same, 4, "{found:?}");
        assert!(moved >= 2);
    }

    #[test]
    fn reworded_clauses_are_paired() {
        let reworded = "We keep your messages for thirty days.";
        assert_eq!(
            steps(&[A, B, C], &[A, reworded, C]),
            vec![
                Step::Same { old: 0, new: 0 },
                Step::Modified { old: 1, new: 1 },
                Step::Same { old: 2, new: 2 },
            ]
        );
    }

    #[test]
    fn resegmented_text_is_recognised() {
        let found = steps(
            &["We collect data.", "We share it with partners.", C],
            &["We collect data; we share it with partners.", C],
        );
        assert!(matches!(found[0], Step::Resegmented { .. }), "{found:?}");
        let split =
            steps(&["We collect data and we share it."], &["We collect data.", "And we share it."]);
        assert_eq!(split, vec![Step::Resegmented { old: 0..1, new: 0..2 }]);
    }

    #[test]
    fn unrelated_documents_are_all_added_and_removed() {
        let found = steps(&[A, B], &[C, D]);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|step| matches!(step, Step::Added { .. } | Step::Removed { .. })));
    }

    #[test]
    fn empty_sides() {
        assert_eq!(steps(&[], &[A]), vec![Step::Added { new: 0 }]);
        assert_eq!(steps(&[A], &[]), vec![Step::Removed { old: 0 }]);
        assert_eq!(steps(&[], &[]), vec![]);
    }
}
