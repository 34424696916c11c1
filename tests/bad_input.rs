//! Bad input, through the library and through the `termwatch` binary: every case ends in a
//! clear error (`PageError`; exit code 1 and one line naming the file) or an empty or small
//! result, quickly, and never in a panic.
//!
//! The time limits hold for release builds (`cargo test --release --test bad_input`); debug
//! builds are given a looser limit, since they run many times slower. Library calls are timed
//! in CPU time of the test's thread where Linux reports it (`common::timed`), so a busy machine
//! does not fail them; the CLI runs are only held to a loose wall-clock bound.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod common;

use common::{time_limit, timed};
use termwatch::document::{Document, MAX_CLAUSE_CHARS};
use termwatch::page::{self, Format, PageError};

/// A folder of its own for this run's files.
fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("termwatch-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn run_cli(path: &Path) -> (Output, Duration) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_termwatch"))
        .args(["analyze", "--format", "json"])
        .arg(path)
        .output()
        .expect("run termwatch");
    (output, started.elapsed())
}

/// The CLI refuses the file with exit code 1 and a single line that names it.
fn assert_cli_refuses(path: &Path, reason: &str) {
    let (output, _) = run_cli(path);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(&*path.to_string_lossy()), "{stderr}");
    assert!(stderr.contains(reason), "{stderr}");
}

/// The CLI reads the file, prints its analysis as JSON and exits with 0, in time.
fn assert_cli_reads(path: &Path) -> serde_json::Value {
    let (output, took) = run_cli(path);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(took < time_limit() * 30, "took {took:?}");
    serde_json::from_slice(&output.stdout).expect("JSON analysis")
}

/// Reads bytes with the library the way the CLI does, timed, through to a full analysis.
fn analyze_bytes(bytes: &[u8], format: Format) -> Result<termwatch::Analysis, PageError> {
    let (analysis, took) = timed(|| {
        let page = page::from_bytes(bytes, format, None)?;
        Ok(termwatch::analyze(&page))
    });

    eprintln!("{} bytes as {format:?}: {took:?}", bytes.len());
    assert!(took < time_limit(), "took {took:?}");
    analysis
}

/// Bytes no text file holds: a PNG signature, then noise from a fixed linear generator.
fn binary_bytes() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut state: u32 = 12_345;
    for _ in 0..50_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((state >> 16) as u8);
    }
    bytes
}

#[test]
fn empty_input_is_refused() {
    for format in [Format::Html, Format::Markdown, Format::Text] {
        assert!(matches!(analyze_bytes(b"", format), Err(PageError::Empty)));
        assert!(matches!(analyze_bytes(b"  \n\t\r\n ", format), Err(PageError::Empty)));
    }

    assert_cli_refuses(&write("empty.html", b""), "empty");
    assert_cli_refuses(&write("blank.txt", b"   \n\n"), "empty");
}

#[test]
fn binary_data_is_refused() {
    let bytes = binary_bytes();
    for format in [Format::Html, Format::Markdown, Format::Text] {
        assert!(matches!(analyze_bytes(&bytes, format), Err(PageError::NotText { .. })));
    }

    assert_cli_refuses(&write("image.html", &bytes), "not UTF-8 text");
    assert_cli_refuses(&write("zeros.txt", &[0u8; 4096]), "not UTF-8 text");
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let mut bytes = "Terms of Service. ".repeat(100).into_bytes();
    let offset = bytes.len();
    bytes.extend_from_slice(b"caf\xE9 au lait");

    let error = analyze_bytes(&bytes, Format::Text).expect_err("Latin-1 is not UTF-8");
    assert!(matches!(error, PageError::NotText { offset: found } if found == offset + 3));

    assert_cli_refuses(&write("latin1.txt", &bytes), &format!("byte {}", offset + 3));
}

#[test]
fn ten_megabytes_of_text_are_read_in_time() {
    let sentence = "We may share your personal data with our partners for any purpose. ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    assert!(text.len() > 10_000_000);

    let analysis = analyze_bytes(text.as_bytes(), Format::Text).expect("text is read");
    assert!(analysis.document.words > 1_000_000);
    assert!(analysis.document.clauses.iter().all(|c| c.text.chars().count() <= MAX_CLAUSE_CHARS));

    let path = write("ten-megabytes.txt", text.as_bytes());
    let json = assert_cli_reads(&path);
    assert!(json["document"]["words"].as_u64().unwrap_or(0) > 1_000_000);
}

#[test]
fn input_over_the_limit_is_refused_before_reading() {
    let bytes = vec![b'a'; page::MAX_INPUT_BYTES + 1];

    assert!(matches!(analyze_bytes(&bytes, Format::Text), Err(PageError::TooLarge { .. })));
    assert_cli_refuses(&write("huge.txt", &bytes), "limit");
}

#[test]
fn a_paragraph_of_a_hundred_thousand_characters_is_cut_into_clauses() {
    let paragraph = "and the user shall comply with every rule that applies ".repeat(2_000);
    let paragraph = &paragraph[..100_000];

    for format in [Format::Html, Format::Markdown, Format::Text] {
        let input = match format {
            Format::Html => format!("<html><body><p>{paragraph}</p></body></html>"),
            _ => paragraph.to_string(),
        };
        let analysis = analyze_bytes(input.as_bytes(), format).expect("read");
        let clauses = &analysis.document.clauses;

        assert!(clauses.len() >= 50, "{format:?}: {} clauses", clauses.len());
        assert!(clauses.iter().all(|c| c.text.chars().count() <= MAX_CLAUSE_CHARS));
    }

    let unbroken = "x".repeat(100_000);
    let analysis = analyze_bytes(unbroken.as_bytes(), Format::Text).expect("read");
    let total: usize = analysis.document.clauses.iter().map(|c| c.text.len()).sum();
    assert_eq!(total, 100_000, "no character lost");

    assert_cli_reads(&write("long-paragraph.txt", paragraph.as_bytes()));
}

#[test]
fn a_paragraph_of_cjk_sentences_without_spaces_is_read_in_time() {
    let chinese = "我们会收集你的个人数据并与合作伙伴共享。".repeat(5_000);
    let japanese = "当社はお客様の個人情報を第三者に提供することがあります！".repeat(4_000);

    for paragraph in [chinese, japanese] {
        for format in [Format::Html, Format::Markdown, Format::Text] {
            let input = match format {
                Format::Html => format!("<p>{paragraph}</p>"),
                _ => paragraph.clone(),
            };
            let analysis = analyze_bytes(input.as_bytes(), format).expect("read");
            assert!(analysis.document.clauses.len() >= 1_000, "{format:?}");
        }
    }
}

#[test]
fn html_nested_ten_thousand_deep_is_read_in_time() {
    for (open, close) in [("<div>", "</div>"), ("<ul><li>", "</li></ul>"), ("<b><i>", "</i></b>")] {
        let html = format!("{}deep text{}", open.repeat(10_000), close.repeat(10_000));
        let analysis = analyze_bytes(html.as_bytes(), Format::Html).expect("read");

        let texts: Vec<&str> = analysis.document.clauses.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["deep text"], "{open}");
    }

    let unclosed = "<div><table><tr><td><blockquote>".repeat(10_000);
    assert!(analyze_bytes(unclosed.as_bytes(), Format::Html).is_ok());

    let path = write("deep.html", format!("{}deep text", "<div>".repeat(10_000)).as_bytes());
    let json = assert_cli_reads(&path);
    assert_eq!(json["document"]["words"], 2, "the two words at the bottom are read");
}

#[test]
fn markup_without_text_gives_an_empty_result() {
    let html = b"<html><head><script>var a = 1;</script></head><body><div></div><img></body>";
    let analysis = analyze_bytes(html, Format::Html).expect("read");

    assert!(analysis.document.clauses.is_empty());
    assert!(!analysis.detection.is_terms);
    assert!(analysis.findings.is_empty());
}

#[test]
fn a_missing_file_and_a_folder_are_refused() {
    let missing = scratch_dir().join("no-such-page.html");
    assert_cli_refuses(&missing, "cannot open");

    let folder = scratch_dir();
    assert_cli_refuses(&folder, "directory");
}

#[test]
fn documents_of_bad_pages_keep_their_invariants() {
    let pages = [
        "<p>\u{feff}\u{200b}\u{0301}</p>".to_string(),
        "<p>a.b.c.d. e. f.</p>".repeat(1_000),
        format!("<h1>{}</h1>", "Heading ".repeat(10_000)),
        "<p>😀. 😀! 😀?</p>".repeat(3_000),
    ];
    let lone_returns = "TERMS\r\rWe may end your account.\rYou waive a jury trial.\r\r- item\r";
    let pages = pages
        .into_iter()
        .map(|html| (html, Format::Html))
        .chain([lone_returns, "# Terms\r\rWe may\rsell data.\r"].map(|t| (t.into(), Format::Text)))
        .chain([("# Terms\r\rWe may\rsell data.\r".to_string(), Format::Markdown)]);
    for (input, format) in pages {
        let page = page::parse(&input, format, None);
        let document = Document::from_page(&page);
        assert!(page.blocks.iter().all(|block| !block.text.contains('\r')));
        for clause in &document.clauses {
            let block = &page.blocks[clause.span.block].text;
            let units: Vec<u16> = block.encode_utf16().collect();
            let text = String::from_utf16(&units[clause.span.start..clause.span.end]);
            assert_eq!(text.expect("span on character boundaries"), clause.text);
        }
    }
}

#[path = "../fuzz/check.rs"]
mod fuzz_check;

#[test]
fn fuzz_regressions_still_pass() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;

    for entry in std::fs::read_dir(&folder).expect("regression folder") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|name| name == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("regression input");
        let ((), took) = timed(|| fuzz_check::check(&bytes));
        assert!(took < time_limit() * 3, "{}: took {took:?}", path.display());
        replayed += 1;
    }
    assert!(replayed >= 2);
}
