//! `termwatch history`: keep the versions of a document on disk and say when one changes.
//!
//! Each document has a folder in the store, named after a hash of its canonical key, with one
//! JSON file per stored version (`<first seen ms>-<text hash>.json`, the snapshot's serialised
//! form). The text hash is what ties a file to its version: no two stored versions share it.
//! One file per version means a damaged file costs only that version: it is reported and left
//! untouched, and the others load. Files are written to a temporary name and renamed,
//! so an interrupted write never leaves half a version behind.

use std::collections::HashSet;
use std::fmt::Write as _;
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
    save(&folder, &history, &files)?;

    println!("{}", describe(&recorded.outcome, &history));
    if let Some(report) = recorded.report.as_ref().filter(|_| recorded.alert) {
        print!("\n{}", diff::render(report, args.format)?);
    }
    Ok(())
}

fn list(args: ListArgs) -> Result<()> {
    let key = canonical_key(&args.url).with_context(|| args.url.clone())?;
    let folder = document_folder(&args.store, &key);
    let (mut history, files) = load(&folder, &key)?;
    history.count_visits(now_ms());

    let count = history.versions.len();
    println!("{key}: {count} stored version{}", if count == 1 { "" } else { "s" });
    let current = history.current();
    for snapshot in &history.versions {
        let bytes = files.iter().find(|file| file.holds(snapshot)).map_or(0, |file| file.bytes);
        let marker =
            if current.is_some_and(|current| std::ptr::eq(current, snapshot)) { '*' } else { ' ' };
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

/// A version file that was read and decoded.
struct VersionFile {
    path: PathBuf,
    bytes: usize,
    first_seen_ms: u64,
    text_sha256: String,
}

impl VersionFile {
    /// Whether this file holds `snapshot` as it was loaded (two records of one version are
    /// folded into the earliest, which this finds).
    fn holds(&self, snapshot: &Snapshot) -> bool {
        self.first_seen_ms == snapshot.first_seen_ms && self.text_sha256 == snapshot.text_sha256
    }
}

/// Loads every version file of a folder. Entries that cannot be read (a folder or a dangling
/// link with a version file's name) or decoded are reported on standard error and left as they
/// are; the others load.
fn load(folder: &Path, key: &str) -> Result<(History, Vec<VersionFile>)> {
    let mut paths = Vec::new();
    let mut contents = Vec::new();
    for path in version_paths(folder)? {
        match std::fs::read(&path) {
            Ok(bytes) => {
                paths.push(path);
                contents.push(bytes);
            }
            Err(error) => skip(&path, &format!("cannot be read ({error})")),
        }
    }

    let (history, failures) = History::load(key, contents.iter().map(Vec::as_slice));
    for (position, error) in &failures {
        skip(&paths[*position], &error.to_string());
    }

    let files = paths
        .into_iter()
        .zip(&contents)
        .enumerate()
        .filter(|(position, _)| !failures.iter().any(|(failed, _)| failed == position))
        .filter_map(|(_, (path, bytes))| {
            let snapshot = Snapshot::decode(bytes).ok()?;
            let (first_seen_ms, text_sha256) = (snapshot.first_seen_ms, snapshot.text_sha256);
            Some(VersionFile { path, bytes: bytes.len(), first_seen_ms, text_sha256 })
        })
        .collect();
    Ok((history, files))
}

/// The `.json` entries of a document folder, sorted; none when the folder does not exist.
fn version_paths(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(error).with_context(|| format!("{}: cannot list", folder.display()))
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(error) => skip(folder, &format!("holds an entry that cannot be read ({error})")),
        }
    }
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "json"));
    paths.sort();
    Ok(paths)
}

fn skip(path: &Path, why: &str) {
    eprintln!("termwatch: {}: {why}; the entry is left as it is", path.display());
}

/// Writes every kept version (atomically), then removes the other files that were loaded:
/// evicted versions, second records of one version, and names an older build gave. The folder
/// then holds one file per kept version, named after its text hash, and the entries that could
/// not be read, untouched.
fn save(folder: &Path, history: &History, loaded: &[VersionFile]) -> Result<()> {
    let mut written = HashSet::new();
    for snapshot in &history.versions {
        let path = folder.join(file_name(snapshot));
        let temporary = path.with_extension("json.tmp");
        std::fs::write(&temporary, snapshot.encode())
            .and_then(|()| std::fs::rename(&temporary, &path))
            .with_context(|| format!("{}: cannot write", path.display()))?;
        written.insert(path);
    }
    for file in loaded.iter().filter(|file| !written.contains(&file.path)) {
        std::fs::remove_file(&file.path)
            .with_context(|| format!("{}: cannot remove", file.path.display()))?;
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
    format!("{}-{}.json", snapshot.first_seen_ms, snapshot.text_sha256)
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

/// An RFC 3339 date, or words saying when the time lies past what RFC 3339 can write.
fn date(ms: u64) -> String {
    let time = UNIX_EPOCH.checked_add(Duration::from_millis(ms));
    let written = time.and_then(|time| {
        let mut text = String::new();
        write!(text, "{}", humantime::format_rfc3339_seconds(time)).ok().map(|()| text)
    });
    written.unwrap_or_else(|| format!("after the year 9999 ({ms} ms since 1970)"))
}
