//! `termwatch bench`: times the analysis of large terms pages and prints medians, throughput
//! and how the time grows with the page, plus the heap the analysis needs at its peak.
//!
//! Pages are built from real terms documents (the Open Terms Archive versions under the data
//! folder): whole documents are appended in a fixed order until the page reaches the word
//! count, so the text is real legal prose rather than one paragraph repeated. Without the data
//! folder the sample page in `samples/` is repeated instead, and the output says so.
//!
//! The comparison is timed on two real versions of the same page: the previous version of every
//! document, then its latest, appended the same way. `--write-pages DIR` saves the pages as the
//! extension's JSON so the WebAssembly benchmark (`bench/wasm.mjs`) times the same input.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use termwatch::change;
use termwatch::page::{self, Block, Page};

use crate::heap;

#[derive(clap::Args)]
pub struct Args {
    /// The evaluation data folder, whose real terms documents the pages are built from.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// How many timed runs each figure is the median of.
    #[arg(long, default_value = "31")]
    runs: NonZeroUsize,
    /// Also write the timed pages as JSON into this folder, for the WebAssembly benchmark.
    #[arg(long)]
    write_pages: Option<PathBuf>,
}

/// The page sizes timed, in words: the budget is set for the first; the second checks that
/// time grows linearly.
const SIZES: [usize; 2] = [20_000, 200_000];

pub fn run(args: Args) -> Result<()> {
    let corpus = load_corpus(&args.data)?;
    println!("pages built from {}\n", corpus.source);

    let mut medians = Vec::new();
    for words in SIZES {
        let page = build_page(&corpus.latest, words);
        if let Some(folder) = &args.write_pages {
            write_page(folder, &format!("latest-{words}.json"), &page)?;
        }
        let bytes: usize = page.blocks.iter().map(|block| block.text.len()).sum();
        let median = median_time(args.runs.get(), || {
            std::hint::black_box(termwatch::analyze(&page));
        });
        let peak = heap::peak_during(|| termwatch::analyze(&page));
        let clauses = termwatch::document::Document::from_page(&page).clauses.len();
        let threads = termwatch::tagging::threads_for(clauses);

        println!(
            "analyze {:>7} words ({:>5.2} MB text): median {:>8.2} ms, {:>6.1} MB/s, \
             peak heap {:>5.1} MB, clauses tagged on {} thread{}",
            page.word_count(),
            bytes as f64 / 1e6,
            millis(median),
            bytes as f64 / 1e6 / median.as_secs_f64(),
            peak as f64 / 1e6,
            threads,
            if threads == 1 { "" } else { "s" }
        );
        medians.push(median);
    }

    let growth = medians[1].as_secs_f64() / medians[0].as_secs_f64();
    println!("\n200,000 words took {growth:.1}x the time of 20,000 (10x is linear)\n");

    bench_comparison(&corpus, &args)
}

/// Times the comparison of two analysed 20,000-word versions (analysis itself not included).
fn bench_comparison(corpus: &Corpus, args: &Args) -> Result<()> {
    let old = build_page(&corpus.previous, SIZES[0]);
    let new = build_page(&corpus.latest, SIZES[0]);
    if let Some(folder) = &args.write_pages {
        write_page(folder, &format!("previous-{}.json", SIZES[0]), &old)?;
    }

    let (old_analysis, new_analysis) = (termwatch::analyze(&old), termwatch::analyze(&new));
    let mut report = None;
    let median = median_time(args.runs.get(), || {
        report = Some(change::compare_analyses(&old_analysis, &new_analysis));
    });

    let report = report.expect("median_time runs the work at least once");
    println!(
        "compare {} and {} words: median {:>6.2} ms; {} changes, substantive: {}",
        old.word_count(),
        new.word_count(),
        millis(median),
        report.changes.len(),
        report.substantive
    );
    Ok(())
}

fn write_page(folder: &Path, name: &str, page: &Page) -> Result<()> {
    std::fs::create_dir_all(folder)
        .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
    let path = folder.join(name);
    let json = serde_json::to_vec(page)?;
    std::fs::write(&path, json).with_context(|| format!("{}: cannot write", path.display()))
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

/// Real documents to build pages from: each document's latest version and the one before it
/// (the latest again where there is only one), in the same order.
struct Corpus {
    /// Where the documents came from, in words.
    source: String,
    latest: Vec<Page>,
    previous: Vec<Page>,
}

/// The sample terms page, built in so that the benchmark runs from any folder.
const SAMPLE_PAGE: &str = include_str!("../../../samples/lumenfold-terms.html");
const SAMPLE_NAME: &str = "samples/lumenfold-terms.html";

fn load_corpus(data: &Path) -> Result<Corpus> {
    let versions = data.join("open_terms_archive/versions");
    if versions.is_dir() {
        let (previous, latest) = last_two_versions(&versions)?;
        let source = format!("{} real terms documents in {}", latest.len(), versions.display());
        return Ok(Corpus { source, latest, previous });
    }

    let page = page::html::parse(SAMPLE_PAGE, None);
    let source = format!("the sample page {SAMPLE_NAME} repeated (no data folder)");
    Ok(Corpus { source, latest: vec![page.clone()], previous: vec![page] })
}

/// The two newest versions of every document, in path order, skipping tiny documents.
fn last_two_versions(versions: &Path) -> Result<(Vec<Page>, Vec<Page>)> {
    let mut documents = Vec::new();
    collect_document_folders(versions, &mut documents)?;
    documents.sort();

    let (mut previous, mut latest) = (Vec::new(), Vec::new());
    for folder in documents {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        files.sort();

        let Some(newest) = files.last() else { continue };
        let before = files.len().checked_sub(2).map_or(newest, |index| &files[index]);
        let (newest, before) = (read_markdown(newest)?, read_markdown(before)?);
        if newest.len() > 2_000 {
            latest.push(page::markdown::parse(&newest, None));
            previous.push(page::markdown::parse(&before, None));
        }
    }
    Ok((previous, latest))
}

fn read_markdown(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))
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
