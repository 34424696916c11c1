//! `termwatch history`: keep the versions of a document on disk and say when one changes.
//!
//! Each document has a folder in the store, named after a hash of its canonical key, with one
//! JSON file per stored version (`<first seen ms>-<hash>.json`, the snapshot's serialised
//! form). One file per version means a damaged file costs only that version: it is reported
//! and left untouched, and the others load. Files are written to a temporary name and renamed,
//! so an interrupted write never leaves half a version behind.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use termwatch::change::canonical_url::canonical_key;
use termwatch::change::history::Outcome;
use termwatch::change::snapshot::sha256_hex;
use termwatch::change::{History, Snapshot};

use crate::diff;
use crate::input;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Read a page, store it as a version of its document if it is new, and report the change.
    Record(RecordArgs),
    /// List the stored versions of a document.
    List(ListArgs),
}

#[derive(clap::Args)]
pub struct RecordArgs {
    /// Where versions are kept.
    #[arg(long, default_value_os_t = default_store())]
    store: PathBuf,
    /// The page's address, which names the document (tracking parameters are ignored).
    #[arg(long)]
    url: String,
    /// Output format of the change report.
    #[arg(long, value_enum, default_value = "text")]
    format: diff::Format,
    /// An .html, .md or .txt file, or - for standard input.
    file: String,
}

#[derive(clap::Args)]
pub struct ListArgs {
    /// Where versions are kept.
    #[arg(long, default_value_os_t = default_store())]
    store: PathBuf,
    /// The document's address.
    url: String,
}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Record(args) => record(args),
        Command::List(args) => list(args),
    }
}

fn record(args: RecordArgs) -> Result<()> {
    let key = canonical_key(&args.url).with_context(|| format!("--url {}", args.url))?;
    let page = input::read_page(&args.file, Some(&args.url))?;
    let analysis = termwatch::analyze(&page);
    let snapshot = Snapshot::capture(&page, &analysis, &key, now_ms());

    let folder = document_folder(&args.store, &key);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
    let (mut history, files) = load(&folder, &key)?;

    let recorded = history.record(snapshot);
    save(&folder, &history, &files, &recorded.evicted)?;

    println!("{}", describe(&recorded.outcome, &history));
    if let Some(report) = recorded.report.as_ref().filter(|_| recorded.alert) {
        print!("\n{}", diff::render(report, args.format)?);
    }
    Ok(())
}

fn list(args: ListArgs) -> Result<()> {
    let key = canonical_key(&args.url).with_context(|| args.url.clone())?;
    let folder = document_folder(&args.store, &key);
    let (history, files) = load(&folder, &key)?;

    println!("{key}: {} stored versions", history.versions.len());
    let current = history.current().map(|snapshot| snapshot.first_seen_ms);
    for snapshot in &history.versions {
        let bytes = files.get(&snapshot.first_seen_ms).map_or(0, |(_, bytes)| *bytes);
        let marker = if Some(snapshot.first_seen_ms) == current { '*' } else { ' ' };
        println!(
            "{marker} first seen {}  last seen {}  {:>6} words  {:>4} clauses  {:>8} bytes  {}",
            date(snapshot.first_seen_ms),
            date(snapshot.last_seen_ms),
            snapshot.words,
            snapshot.clauses.len(),
            bytes,
            &snapshot.text_sha256[..12]
        );
    }
    Ok(())
}

/// Stored files by the first-seen time of their version: (path, size in bytes).
type Files = BTreeMap<u64, (PathBuf, usize)>;

/// Loads every version file of a folder; damaged ones are reported on standard error and left.
fn load(folder: &Path, key: &str) -> Result<(History, Files)> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();

    let contents: Vec<Vec<u8>> = paths
        .iter()
        .map(|path| std::fs::read(path).with_context(|| format!("{}: cannot read", path.display())))
        .collect::<Result<_>>()?;
    let (history, failures) = History::load(key, contents.iter().map(Vec::as_slice));
    for (position, error) in &failures {
        eprintln!("termwatch: {}: {error}; the file is left as it is", paths[*position].display());
    }

    let mut files = Files::new();
    for (position, path) in paths.iter().enumerate() {
        if failures.iter().any(|(failed, _)| *failed == position) {
            continue;
        }
        if let Ok(snapshot) = Snapshot::decode(&contents[position]) {
            files.insert(snapshot.first_seen_ms, (path.clone(), contents[position].len()));
        }
    }
    Ok((history, files))
}

/// Writes every kept version (atomically) and removes the files of evicted or renamed ones.
fn save(folder: &Path, history: &History, files: &Files, evicted: &[Snapshot]) -> Result<()> {
    for snapshot in &history.versions {
        let path = folder.join(file_name(snapshot));
        let temporary = path.with_extension("json.tmp");
        std::fs::write(&temporary, snapshot.encode())
            .and_then(|()| std::fs::rename(&temporary, &path))
            .with_context(|| format!("{}: cannot write", path.display()))?;
        if let Some((old, _)) = files.get(&snapshot.first_seen_ms).filter(|(old, _)| *old != path) {
            let _ = std::fs::remove_file(old);
        }
    }
    for snapshot in evicted {
        if let Some((path, _)) = files.get(&snapshot.first_seen_ms) {
            std::fs::remove_file(path)
                .with_context(|| format!("{}: cannot remove", path.display()))?;
        }
    }
    Ok(())
}

fn describe(outcome: &Outcome, history: &History) -> String {
    match outcome {
        Outcome::Unreadable(why) => {
            format!("Not a readable version: {}. Nothing was stored.", why.describe())
        }
        Outcome::First => "First version of this document: stored.".to_string(),
        Outcome::Unchanged => "No change since the last visit.".to_string(),
        Outcome::Returned { first_seen_ms } => format!(
            "The page is back to the version first seen {}; that change was reported then.",
            date(*first_seen_ms)
        ),
        Outcome::Cosmetic => "Only cosmetic edits since the last visit: not stored.".to_string(),
        Outcome::Substantive => {
            format!("New version stored ({} kept). What changed:", history.versions.len())
        }
    }
}

fn document_folder(store: &Path, key: &str) -> PathBuf {
    store.join(&sha256_hex(key)[..16])
}

fn file_name(snapshot: &Snapshot) -> String {
    format!("{}-{}.json", snapshot.first_seen_ms, &snapshot.text_sha256[..12])
}

fn default_store() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")));
    data.unwrap_or_else(|| PathBuf::from(".")).join("termwatch")
}

fn now_ms() -> u64 {
    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX)
}

fn date(ms: u64) -> String {
    let time = UNIX_EPOCH + Duration::from_millis(ms);
    humantime::format_rfc3339_seconds(time).to_string()
}
