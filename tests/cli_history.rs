//! `termwatch history` on stores a user might really have: times no calendar prints, entries
//! that are not version files, versions sharing a time, records from an older layout, a clock
//! that ran ahead, and short terms that speak of maintenance. Nothing panics, one bad entry
//! never blocks the others, and no version is lost but the one evicted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use termwatch::change::snapshot::sha256_hex;
use termwatch::change::Snapshot;

const URL: &str = "https://shop.example/terms";
const KEY: &str = "shop.example/terms";

fn termwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termwatch")).args(args).output().expect("runs termwatch")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn succeeded(output: Output) -> Output {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}: {stderr}", output.status.code());
    output
}

/// An empty store folder of its own for one test.
fn store(name: &str) -> PathBuf {
    let store = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_history").join(name);
    let _ = std::fs::remove_dir_all(&store);
    std::fs::create_dir_all(&store).unwrap();
    store
}

fn document_folder(store: &Path) -> PathBuf {
    store.join(&sha256_hex(KEY)[..16])
}

/// Terms of a shop that keep orders for `years` years: each value is another version.
fn terms(years: usize) -> String {
    format!(
        "# Shop terms\n\nWe keep your order history for {years} years after your last order.\n\n\
         We may close your account at any time without notice.\n\n\
         Any dispute will be settled by binding arbitration in Ohio.\n"
    )
}

fn snapshot(text: &str, first_seen_ms: u64, last_seen_ms: u64) -> Snapshot {
    let page = termwatch::page::markdown::parse(text, Some(URL));
    let mut snapshot = Snapshot::capture(&page, &termwatch::analyze(&page), KEY, first_seen_ms);
    snapshot.last_seen_ms = last_seen_ms;
    snapshot
}

/// Writes `snapshot` into the store as a file of the given name.
fn put(store: &Path, name: &str, bytes: &[u8]) {
    let folder = document_folder(store);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(name), bytes).unwrap();
}

fn record(store: &Path, text: &str) -> String {
    let page = store.join("page.md");
    std::fs::write(&page, text).unwrap();
    let (store, page) = (store.to_str().unwrap(), page.to_str().unwrap());
    stdout(&succeeded(termwatch(&["history", "record", "--store", store, "--url", URL, page])))
}

fn list(store: &Path) -> Output {
    succeeded(termwatch(&["history", "list", "--store", store.to_str().unwrap(), URL]))
}

/// The text hashes the list shows, in its order, and the one marked current.
fn listed(store: &Path) -> (Vec<String>, Vec<String>) {
    let output = stdout(&list(store));
    let rows: Vec<&str> = output.lines().skip(1).collect();
    let hash = |row: &str| row.rsplit(' ').next().unwrap().to_string();
    let current = rows.iter().filter(|row| row.starts_with('*')).map(|row| hash(row)).collect();
    (rows.into_iter().map(hash).collect(), current)
}

/// The text hashes of the version files on disk (the files must each hold one version).
fn hashes_on_disk(store: &Path) -> BTreeSet<String> {
    let folder = document_folder(store);
    let mut hashes = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") && path.is_file() {
            let snapshot = Snapshot::decode(&std::fs::read(&path).unwrap()).unwrap();
            assert!(hashes.insert(snapshot.text_sha256[..12].to_string()), "{path:?} twice");
        }
    }
    hashes
}

#[test]
fn times_past_the_year_9999_are_listed() {
    let store = store("far_future");
    for (n, ms) in [253_402_300_800_005, u64::MAX].into_iter().enumerate() {
        put(&store, &format!("{n}.json"), &snapshot(&terms(n + 1), ms, ms).encode());
    }
    let output = stdout(&list(&store));
    assert!(output.contains("after the year 9999 (253402300800005 ms"), "{output}");
    assert!(output.contains(&u64::MAX.to_string()), "{output}");
}

#[test]
fn a_folder_and_a_dangling_link_named_like_versions_are_skipped() {
    let store = store("bad_entries");
    record(&store, &terms(1));
    let folder = document_folder(&store);
    std::fs::create_dir(folder.join("5-aaaaaaaaaaaa.json")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/termwatch", folder.join("6-bbbb.json")).unwrap();

    let output = list(&store);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("5-aaaaaaaaaaaa.json") && stderr.contains("6-bbbb.json"), "{stderr}");
    assert_eq!(listed(&store).0.len(), 1);

    assert!(record(&store, &terms(2)).starts_with("New version stored"));
    assert_eq!(listed(&store).0.len(), 2);
    assert!(folder.join("5-aaaaaaaaaaaa.json").is_dir(), "the folder is left as it is");
    assert!(folder.join("6-bbbb.json").is_symlink(), "the link is left as it is");
}

#[test]
fn eviction_removes_only_the_evicted_version_when_versions_share_a_time() {
    let store = store("shared_time");
    // Two versions first seen at the same moment, as two records without times both are.
    put(&store, "0-first.json", &snapshot(&terms(1), 0, 0).encode());
    put(&store, "0-second.json", &snapshot(&terms(2), 0, 0).encode());
    for years in 3..=20 {
        record(&store, &terms(years));
    }
    let mut expected: Vec<String> = listed(&store).0;
    assert_eq!(expected.len(), 20);

    for years in 21..=23 {
        assert!(record(&store, &terms(years)).starts_with("New version stored"));
        let (hashes, current) = listed(&store);
        expected.remove(0);
        expected.push(hashes.last().unwrap().clone());
        assert_eq!(hashes, expected, "only the oldest version leaves");
        assert_eq!(current, [hashes.last().unwrap().clone()]);
        assert_eq!(hashes_on_disk(&store), hashes.iter().cloned().collect());
    }
}

#[test]
fn old_records_without_times_are_one_current_version_each() {
    let store = store("schema_1");
    let schema_1 = |text: &str| {
        let mut value: serde_json::Value =
            serde_json::from_slice(&snapshot(text, 0, 0).encode()).unwrap();
        let fields = value.as_object_mut().unwrap();
        fields.remove("first_seen_ms");
        fields.remove("last_seen_ms");
        fields.insert("schema".into(), 1.into());
        serde_json::to_vec(&value).unwrap()
    };
    put(&store, "0-one.json", &schema_1(&terms(1)));
    put(&store, "0-two.json", &schema_1(&terms(2)));
    put(&store, "legacy-one.json", &schema_1(&terms(1)));

    let (hashes, current) = listed(&store);
    assert_eq!((hashes.len(), current.len()), (2, 1), "{hashes:?} {current:?}");

    assert!(record(&store, &terms(3)).starts_with("New version stored"));
    let (hashes, current) = listed(&store);
    assert_eq!((hashes.len(), current.len()), (3, 1), "{hashes:?} {current:?}");
    assert_eq!(current[0], *hashes.last().unwrap());
    assert_eq!(hashes_on_disk(&store), hashes.iter().cloned().collect());
}

#[test]
fn a_version_last_seen_in_the_future_does_not_stay_current() {
    let store = store("clock_ahead");
    let year_2100 = 4_102_444_800_000;
    put(&store, "1-old.json", &snapshot(&terms(1), 1_000, year_2100).encode());
    put(&store, "2-new.json", &snapshot(&terms(2), 2_000, 2_000).encode());

    let (hashes, current) = listed(&store);
    assert_eq!(current, [hashes[1].clone()]);
    assert_eq!(record(&store, &terms(2)).trim(), "No change since the last visit.");
    assert_eq!(record(&store, &terms(2)).trim(), "No change since the last visit.");
    let said = record(&store, &terms(1));
    assert!(said.starts_with("The page is back to the version first seen 1970"), "{said}");
    assert_eq!(listed(&store).1, [hashes[0].clone()]);
}

#[test]
fn short_terms_that_mention_maintenance_are_versions() {
    let store = store("short_terms");
    let short = |age: usize, place: &str| {
        format!(
            "# Kite Club terms\n\n## Members\n\nYou must be at least {age} years old to join. \
             We may suspend or terminate your membership at any time without notice.\n\n\
             ## Service\n\nThe booking site may be temporarily unavailable for maintenance.\n\n\
             ## Disputes\n\nAny dispute will be resolved by binding arbitration in {place}. \
             You waive any right to a jury trial and to join a class action.\n"
        )
    };
    assert!(record(&store, &short(13, "Oregon")).starts_with("First version"));
    let said = record(&store, &short(18, "Nevada"));
    assert!(said.starts_with("New version stored"), "{said}");
    assert!(said.contains("18") && said.contains("Nevada"), "{said}");
}
