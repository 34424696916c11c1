//! The last versions of one document, and the decision to alert.
//!
//! [`History::record`] takes each newly read version and decides what it is:
//! - unreadable (a bot check, an error page, a stub): noted, never stored, never compared;
//! - the first version: stored as the baseline, no alert;
//! - the same as the current version (same folded-text hash): only its last-seen time moves;
//! - the same as an *earlier* stored version, exactly or but for cosmetic edits: the page
//!   flipped back (A/B variants, geo-served copies); no alert, since the change to that
//!   variant was reported when it first appeared;
//! - a cosmetic change of the current version: no alert and nothing stored, so noise never
//!   pushes real versions out of the history;
//! - a substantive change: stored, and the only outcome that alerts.
//!
//! Versions stored by an older engine or normaliser are analysed again before any of these
//! tests (see [`Snapshot::refreshed`]), so an upgrade of Termwatch is never an alert.
//!
//! The current version is the one the latest visit read. Visits are counted in the versions
//! themselves ([`Snapshot::last_visit`]) rather than told apart by their times, so a clock
//! that jumps ahead or back never keeps an old version current. Two records of one text are
//! one version: loading and re-analysis fold them together, so the text hash names a version.
//!
//! Storage is the caller's: the history is plain data (serde), and [`History::load`] takes the
//! stored records one by one so a damaged record is reported and left alone while the others
//! load. At most [`History::limit`] versions are kept; [`Recorded::evicted`] names the ones to
//! delete.
//!
//! Cost: one comparison per recorded version, plus one per other stored version when the
//! change is substantive (to recognise a flip back), so at most `limit` comparisons.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::readability::{self, Unreadable};
use super::report::ChangeReport;
use super::snapshot::{Snapshot, SnapshotError};
use super::{compare, CompareOptions};

/// How many versions of a document are kept by default.
pub const DEFAULT_LIMIT: usize = 20;

/// The stored versions of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The document's canonical key.
    pub key: String,
    /// Most versions kept.
    pub limit: usize,
    /// Distinct versions, oldest first.
    pub versions: Vec<Snapshot>,
    /// The last visit whose page could not be read, if it came after the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_unreadable: Option<UnreadableVisit>,
}

/// A visit whose page was not a readable version of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadableVisit {
    pub seen_at_ms: u64,
    #[serde(flatten)]
    pub why: Unreadable,
}

/// What a newly read version turned out to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Unreadable(Unreadable),
    First,
    Unchanged,
    /// Back to the stored version first seen at `first_seen_ms`.
    Returned {
        first_seen_ms: u64,
    },
    Cosmetic,
    Substantive,
}

/// The result of recording one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recorded {
    pub outcome: Outcome,
    /// Whether to tell the reader: only for substantive changes never seen before.
    pub alert: bool,
    /// The comparison with the version that was current before this visit, when one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ChangeReport>,
    /// Versions dropped to stay within the limit: delete them from storage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evicted: Vec<Snapshot>,
}

impl Recorded {
    fn quiet(outcome: Outcome, report: Option<ChangeReport>) -> Recorded {
        Recorded { outcome, alert: false, report, evicted: Vec::new() }
    }
}

impl History {
    /// An empty history for the document `key`.
    pub fn new(key: impl Into<String>) -> History {
        History {
            key: key.into(),
            limit: DEFAULT_LIMIT,
            versions: Vec::new(),
            last_unreadable: None,
        }
    }

    /// Builds a history from stored records read one by one. Records that cannot be read are
    /// returned with their position and error, untouched; the others load. Records of another
    /// document are left out as damaged; two records of one text load as one version.
    pub fn load<'b>(
        key: &str,
        records: impl IntoIterator<Item = &'b [u8]>,
    ) -> (History, Vec<(usize, SnapshotError)>) {
        let mut history = History::new(key);
        let mut failures = Vec::new();
        for (position, bytes) in records.into_iter().enumerate() {
            match Snapshot::decode(bytes) {
                Ok(snapshot) if snapshot.key == key => history.versions.push(snapshot),
                Ok(snapshot) => failures.push((
                    position,
                    SnapshotError::Corrupt(format!("the record belongs to {:?}", snapshot.key)),
                )),
                Err(error) => failures.push((position, error)),
            }
        }
        history.versions.sort_by(|a, b| {
            (a.first_seen_ms, &a.text_sha256).cmp(&(b.first_seen_ms, &b.text_sha256))
        });
        history.merge_duplicates();
        (history, failures)
    }

    /// The version the page showed last: the one read by the latest counted visit. Versions
    /// stored before visits were counted come after counted ones, by their last-seen time.
    pub fn current(&self) -> Option<&Snapshot> {
        self.versions.iter().max_by_key(|snapshot| {
            (snapshot.last_visit, snapshot.last_seen_ms, snapshot.first_seen_ms)
        })
    }

    /// Records a newly read version; see the module documentation for the outcomes.
    pub fn record(&mut self, snapshot: Snapshot) -> Recorded {
        self.refresh_stored();
        let seen = snapshot.last_seen_ms;
        self.count_visits(seen);
        let visit = self.versions.iter().map(|stored| stored.last_visit).max().unwrap_or(0) + 1;
        let mut snapshot = snapshot;
        snapshot.last_visit = visit;

        let current_index = self.current_index();
        let stored_words = current_index.map(|index| self.versions[index].words);
        if let Err(why) = readability::check(&snapshot.comparable(), stored_words) {
            self.last_unreadable = Some(UnreadableVisit { seen_at_ms: seen, why: why.clone() });
            return Recorded::quiet(Outcome::Unreadable(why), None);
        }
        self.last_unreadable = None;

        let Some(current_index) = current_index else {
            self.versions.push(snapshot);
            return Recorded::quiet(Outcome::First, None);
        };
        if self.versions[current_index].text_sha256 == snapshot.text_sha256 {
            seen_again(&mut self.versions[current_index], seen, visit);
            return Recorded::quiet(Outcome::Unchanged, None);
        }

        let report = compare_pair(&self.versions[current_index], &snapshot);
        if let Some(returned) = self.earlier_variant(current_index, &snapshot, report.substantive) {
            seen_again(&mut self.versions[returned], seen, visit);
            let first_seen_ms = self.versions[returned].first_seen_ms;
            return Recorded::quiet(Outcome::Returned { first_seen_ms }, Some(report));
        }
        if !report.substantive {
            seen_again(&mut self.versions[current_index], seen, visit);
            return Recorded::quiet(Outcome::Cosmetic, Some(report));
        }

        self.versions.push(snapshot);
        let evicted = self.evict();
        Recorded { outcome: Outcome::Substantive, alert: true, report: Some(report), evicted }
    }

    /// Analyses again the stored versions made by an older engine or normaliser. Versions that
    /// the running normaliser no longer tells apart become one.
    fn refresh_stored(&mut self) {
        let mut refreshed = false;
        for snapshot in &mut self.versions {
            if !snapshot.is_current() {
                *snapshot = snapshot.refreshed().into_owned();
                refreshed = true;
            }
        }
        if refreshed {
            self.merge_duplicates();
        }
    }

    /// Folds versions with the same text hash into the earliest of them, which then spans all
    /// their sightings: they are one version stored twice (a record copied, or written by an
    /// older build under another name), and two entries would make storage ambiguous.
    fn merge_duplicates(&mut self) {
        let mut kept: Vec<Snapshot> = Vec::with_capacity(self.versions.len());
        let mut by_hash: HashMap<String, usize> = HashMap::new();
        for snapshot in std::mem::take(&mut self.versions) {
            match by_hash.get(&snapshot.text_sha256) {
                Some(&index) => absorb(&mut kept[index], &snapshot),
                None => {
                    by_hash.insert(snapshot.text_sha256.clone(), kept.len());
                    kept.push(snapshot);
                }
            }
        }
        self.versions = kept;
    }

    /// Numbers the visits of a history stored before visits were counted, so that the version
    /// the page showed last stays current whatever the clock says from now on. Last-seen
    /// times after `now_ms` come from a clock that ran ahead: they rank below every plausible
    /// one rather than keep their version current for years. [`History::record`] calls this;
    /// call it after [`History::load`] to show such a history as the next visit will see it.
    pub fn count_visits(&mut self, now_ms: u64) {
        if self.versions.iter().any(|snapshot| snapshot.last_visit > 0) {
            return;
        }
        let mut order: Vec<usize> = (0..self.versions.len()).collect();
        order.sort_by_key(|&index| {
            let snapshot = &self.versions[index];
            (snapshot.last_seen_ms <= now_ms, snapshot.last_seen_ms, snapshot.first_seen_ms)
        });
        for (visit, index) in (1..).zip(order) {
            self.versions[index].last_visit = visit;
        }
    }

    fn current_index(&self) -> Option<usize> {
        let current = self.current()?;
        self.versions.iter().position(|snapshot| std::ptr::eq(snapshot, current))
    }

    /// A stored version other than the current one that `snapshot` is, exactly or but for
    /// cosmetic edits. Comparisons are made only when the change from the current version is
    /// substantive, since only then would a missed flip raise an alert.
    fn earlier_variant(
        &self,
        current: usize,
        snapshot: &Snapshot,
        substantive: bool,
    ) -> Option<usize> {
        let others = || (0..self.versions.len()).rev().filter(move |&index| index != current);
        if let Some(index) =
            others().find(|&index| self.versions[index].text_sha256 == snapshot.text_sha256)
        {
            return Some(index);
        }
        if !substantive {
            return None;
        }
        others().find(|&index| !compare_pair(&self.versions[index], snapshot).substantive)
    }

    /// Drops the oldest versions beyond the limit (never the current one).
    fn evict(&mut self) -> Vec<Snapshot> {
        let limit = self.limit.max(1);
        let mut evicted = Vec::new();
        while self.versions.len() > limit {
            let current = self.current_index();
            let oldest = (0..self.versions.len()).find(|&index| Some(index) != current);
            let Some(oldest) = oldest else { break };
            evicted.push(self.versions.remove(oldest));
        }
        evicted
    }
}

/// Notes that a visit at `seen`, numbered `visit`, read the stored `snapshot` again.
fn seen_again(snapshot: &mut Snapshot, seen: u64, visit: u64) {
    snapshot.last_seen_ms = seen;
    snapshot.last_visit = visit;
}

/// Makes `kept` span the sightings of `duplicate`, a second record of the same version.
fn absorb(kept: &mut Snapshot, duplicate: &Snapshot) {
    kept.first_seen_ms = kept.first_seen_ms.min(duplicate.first_seen_ms);
    if (duplicate.last_visit, duplicate.last_seen_ms) > (kept.last_visit, kept.last_seen_ms) {
        kept.last_visit = duplicate.last_visit;
        kept.last_seen_ms = duplicate.last_seen_ms;
    }
}

fn compare_pair(old: &Snapshot, new: &Snapshot) -> ChangeReport {
    compare(&old.comparable(), &new.comparable(), CompareOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::fixtures::analysed;

    const A: &[&str] = &[
        "You keep ownership of your photos. We may show them to your friends.",
        "You may close your account at any time.",
    ];
    const B: &[&str] = &[
        "You keep ownership of your photos. We may use them to train our models.",
        "You may close your account at any time.",
    ];
    const A_NOISY: &[&str] = &[
        "You keep ownership of your photos.  We may show them to your friends!",
        "You may close your account — at any time.",
    ];

    fn version(paragraphs: &[&str], seen: u64) -> Snapshot {
        let (page, analysis) = analysed(paragraphs, &[]);
        Snapshot::capture(&page, &analysis, "example.com/terms", seen)
    }

    fn outcomes(history: &mut History, visits: &[&[&str]]) -> Vec<(Outcome, bool)> {
        let mut seen = history.versions.len() as u64 * 1000;
        visits
            .iter()
            .map(|paragraphs| {
                seen += 1000;
                let recorded = history.record(version(paragraphs, seen));
                (recorded.outcome, recorded.alert)
            })
            .collect()
    }

    #[test]
    fn first_unchanged_cosmetic_and_substantive() {
        let mut history = History::new("example.com/terms");
        let found = outcomes(&mut history, &[A, A, A_NOISY, B]);
        assert_eq!(
            found,
            [
                (Outcome::First, false),
                (Outcome::Unchanged, false),
                (Outcome::Unchanged, false),
                (Outcome::Substantive, true),
            ]
        );
        assert_eq!(history.versions.len(), 2);
    }

    #[test]
    fn a_page_flipping_between_two_variants_alerts_once() {
        let mut history = History::new("example.com/terms");
        let found = outcomes(&mut history, &[A, B, A, B, A_NOISY, B]);
        let alerts = found.iter().filter(|(_, alert)| *alert).count();
        assert_eq!(alerts, 1, "{found:?}");
        assert!(matches!(found[2].0, Outcome::Returned { .. }), "{found:?}");
        assert_eq!(history.versions.len(), 2);
        assert_eq!(history.current().unwrap().text_sha256, version(B, 0).text_sha256);
    }

    #[test]
    fn a_cosmetic_variant_of_an_earlier_version_does_not_alert() {
        let moved = &[A[1], A[0]];
        let mut history = History::new("example.com/terms");
        let found = outcomes(&mut history, &[A, B, moved]);
        assert_eq!(found[2], (Outcome::Returned { first_seen_ms: 1000 }, false));
    }

    #[test]
    fn unreadable_visits_are_never_versions() {
        let mut history = History::new("example.com/terms");
        let challenge: &[&str] = &["Just a moment... Checking your browser."];
        let found = outcomes(&mut history, &[A, challenge, A]);
        assert!(matches!(found[1], (Outcome::Unreadable(Unreadable::BotChallenge { .. }), false)));
        assert_eq!(found[2], (Outcome::Unchanged, false));
        assert_eq!(history.versions.len(), 1);
    }

    #[test]
    fn the_oldest_versions_are_evicted_beyond_the_limit() {
        let mut history = History::new("example.com/terms");
        history.limit = 3;
        let clauses: Vec<String> =
            (0..6).map(|n| format!("We keep your data for {n} years after you leave.")).collect();
        let mut evicted = Vec::new();
        for (n, clause) in clauses.iter().enumerate() {
            let recorded = history.record(version(&[clause.as_str()], n as u64));
            evicted.extend(recorded.evicted.into_iter().map(|snapshot| snapshot.first_seen_ms));
        }
        assert_eq!(history.versions.len(), 3);
        assert_eq!(evicted, [0, 1, 2]);
        assert_eq!(history.current().unwrap().first_seen_ms, 5);
    }

    #[test]
    fn the_version_read_last_is_current_whatever_the_clock_says() {
        let mut history = History::new("example.com/terms");
        history.record(version(A, 5_000));
        history.record(version(B, 9_000));
        // The clock went back: A is read again at an earlier time than B was.
        let back = history.record(version(A, 1_000));
        assert_eq!(back.outcome, Outcome::Returned { first_seen_ms: 5_000 });
        assert_eq!(history.current().unwrap().text_sha256, version(A, 0).text_sha256);
        assert_eq!(history.record(version(A, 2_000)).outcome, Outcome::Unchanged);
    }

    #[test]
    fn a_time_from_a_clock_that_ran_ahead_does_not_keep_its_version_current() {
        let mut ahead = version(A, 1_000);
        ahead.last_seen_ms = 4_102_444_800_000; // in 2100
        let read_last = version(B, 2_000);
        let records = [ahead.encode(), read_last.encode()];
        let (mut history, _) =
            History::load("example.com/terms", records.iter().map(Vec::as_slice));
        assert_eq!(history.record(version(B, 3_000)).outcome, Outcome::Unchanged);
        assert_eq!(history.current().unwrap().text_sha256, read_last.text_sha256);
        assert_eq!(history.record(version(B, 4_000)).outcome, Outcome::Unchanged);
    }

    #[test]
    fn two_records_of_one_version_load_as_one() {
        let records = [version(A, 3_000).encode(), version(B, 2_000).encode(), {
            version(A, 1_000).encode()
        }];
        let (history, failures) =
            History::load("example.com/terms", records.iter().map(Vec::as_slice));
        assert!(failures.is_empty());
        assert_eq!(history.versions.len(), 2);
        let merged = &history.versions[0];
        assert_eq!((merged.first_seen_ms, merged.last_seen_ms), (1_000, 3_000));
        assert_eq!(merged.text_sha256, version(A, 0).text_sha256);
    }

    #[test]
    fn versions_sharing_a_first_seen_time_are_each_kept_until_evicted() {
        let clause = |n: usize| format!("We keep your data for {n} years after you leave.");
        let clauses: Vec<String> = (0..6).map(clause).collect();
        let stored = [version(&[clauses[0].as_str()], 0), version(&[clauses[1].as_str()], 0)];
        let records: Vec<Vec<u8>> = stored.iter().map(Snapshot::encode).collect();
        let (mut history, _) =
            History::load("example.com/terms", records.iter().map(Vec::as_slice));
        history.limit = 3;

        let mut evicted = Vec::new();
        for (n, clause) in clauses.iter().enumerate().skip(2) {
            let recorded = history.record(version(&[clause.as_str()], 1_000 * n as u64));
            evicted.extend(recorded.evicted);
        }
        let mut seen: Vec<String> =
            history.versions.iter().chain(&evicted).map(|s| s.text_sha256.clone()).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 6, "every version is kept or evicted, once");
        assert_eq!(evicted.len(), 3);
        assert_eq!(history.current().unwrap().first_seen_ms, 5_000);
    }

    #[test]
    fn damaged_records_are_reported_and_the_others_load() {
        let good = version(A, 1).encode();
        let newer = version(B, 2).encode();
        let cut = &newer[..newer.len() - 10];
        let foreign = {
            let (page, analysis) = analysed(A, &[]);
            Snapshot::capture(&page, &analysis, "other.example/terms", 3).encode()
        };
        let records: Vec<&[u8]> = vec![&good, cut, b"{\"schema\": 99}", &foreign, &newer];
        let (history, failures) = History::load("example.com/terms", records);
        assert_eq!(history.versions.len(), 2);
        let positions: Vec<usize> = failures.iter().map(|(position, _)| *position).collect();
        assert_eq!(positions, [1, 2, 3]);
        assert!(matches!(failures[1].1, SnapshotError::FutureSchema { found: 99, .. }));
    }

    #[test]
    fn a_version_stored_by_an_older_engine_is_read_again() {
        let mut stale = version(A, 1);
        stale.engine_version = "0.0.1".into();
        assert!(!stale.is_current());
        assert!(stale.refreshed().is_current());
    }
}
