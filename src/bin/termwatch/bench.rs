//! `termwatch bench`: times the analysis of large terms pages and prints medians, throughput
//! and how the time grows with the page, plus the heap the analysis needs at its peak.
//!
//! Pages are built from real terms documents (the Open Terms Archive versions under the data
//! folder): whole documents are appended in a fixed order until the page reaches the word
//! count, so the text is real legal prose rather than one paragraph repeated. Without the data
//! folder the sample page in `samples/` is repeated instead, and the output says so.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use termwatch::page::{self, Block, Page};

use crate::heap;

#[derive(clap::Args)]
pub struct Args {
    /// The evaluation data folder, whose real terms documents the pages are built from.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// How many timed runs each figure is the median of.
    #[arg(long, default_value_t = 31)]
    runs: usize,
}

/// The page sizes timed, in words: the budget is set for the first; the second checks that
/// time grows linearly.
const SIZES: [usize; 2] = [20_000, 200_000];

pub fn run(args: Args) -> Result<()> {
    let (source, pieces) = load_pieces(&args.data)?;
    println!("pages built from {source}\n");

    let mut medians = Vec::new();
    for words in SIZES {
        let page = build_page(&pieces, words);
        let bytes: usize = page.blocks.iter().map(|block| block.text.len()).sum();
        let median = median_time(args.runs, || {
            std::hint::black_box(termwatch::analyze(&page));
        });
        let peak = heap::peak_during(|| termwatch::analyze(&page));

        println!(
            "analyze {:>7} words ({:>5.2} MB text): median {:>8.2} ms, {:>6.1} MB/s, \
             peak heap {:>5.1} MB",
            page.word_count(),
            bytes as f64 / 1e6,
            millis(median),
            bytes as f64 / 1e6 / median.as_secs_f64(),
            peak as f64 / 1e6
        );
        medians.push(median);
    }

    let growth = medians[1].as_secs_f64() / medians[0].as_secs_f64();
    println!("\n200,000 words took {growth:.1}x the time of 20,000 (10x is linear)");
    Ok(())
}

/// Runs `work` once to warm up, then `runs` times, and returns the median duration.
pub fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Real documents to build pages from, and a phrase saying where they came from.
fn load_pieces(data: &Path) -> Result<(String, Vec<Page>)> {
    let versions = data.join("open_terms_archive/versions");
    if versions.is_dir() {
        let pieces = latest_english_versions(&versions)?;
        let phrase = format!("{} real terms documents in {}", pieces.len(), versions.display());
        return Ok((phrase, pieces));
    }

    let sample = Path::new("samples/lumenfold-terms.html");
    let html = std::fs::read_to_string(sample)
        .with_context(|| format!("{}: cannot read the sample page", sample.display()))?;
    let phrase = format!("the sample page {} repeated (no data folder)", sample.display());
    Ok((phrase, vec![page::html::parse(&html, None)]))
}

/// The newest version of every document, in path order, skipping tiny files.
fn latest_english_versions(versions: &Path) -> Result<Vec<Page>> {
    let mut documents = Vec::new();
    collect_document_folders(versions, &mut documents)?;
    documents.sort();

    let mut pages = Vec::new();
    for folder in documents {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        files.sort();
        let Some(latest) = files.last() else { continue };

        let markdown = std::fs::read_to_string(latest)
            .with_context(|| format!("{}: cannot read", latest.display()))?;
        if markdown.len() > 2_000 {
            pages.push(page::markdown::parse(&markdown, None));
        }
    }
    Ok(pages)
}

/// Folders that directly hold `.md` versions.
fn collect_document_folders(folder: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let mut holds_versions = false;
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_document_folders(&path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "md") {
            holds_versions = true;
        }
    }
    if holds_versions {
        found.push(folder.to_path_buf());
    }
    Ok(())
}

/// Appends whole pieces, cycling through them, until the page holds `words` words; the last
/// piece is cut block by block so the page lands close to the target.
pub fn build_page(pieces: &[Page], words: usize) -> Page {
    let mut blocks: Vec<Block> = Vec::new();
    let mut count = 0;

    'fill: for piece in pieces.iter().cycle().take(pieces.len() * 1_000) {
        for block in &piece.blocks {
            if count >= words {
                break 'fill;
            }
            count += block.text.split_whitespace().count();
            blocks.push(Block { index: blocks.len(), ..block.clone() });
        }
    }

    Page { url: None, title: Some("Benchmark terms page".to_string()), blocks }
}
