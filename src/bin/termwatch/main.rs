//! `termwatch`: the command-line face of the Termwatch core.
//!
//! Exit codes: 0 on success, 1 when an input cannot be read (one line naming the file and the
//! problem), 2 on bad usage (clap prints the usage).

mod analyze;
mod bench;
mod classify;
mod diff;
mod eval;
mod heap;
mod history;
mod input;
mod render;
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: heap::CountingAllocator = heap::CountingAllocator;

#[derive(Parser)]
#[command(name = "termwatch", version, about = "Read online terms: what they say, what changed")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Detect the kind of a page, tag its risky and protective clauses and grade it.
    Analyze(analyze::Args),
    /// Tag sentences read one per line from standard input; one JSON object per line out.
    Classify(classify::Args),
    /// Compare two versions of a document and say what changed in substance.
    Diff(diff::Args),
    /// Record a newly read version of a document, or list the stored ones.
    #[command(subcommand)]
    History(history::Command),
    /// Score Termwatch on the labelled data sets and print the tables.
    Eval(eval::Args),
    /// Time analysis and comparison on large pages and print medians and throughput.
    Bench(bench::Args),
    /// Fit the clause model on its training data and write the weights the crate ships.
    Train(train::Args),
}

fn main() -> ExitCode {
    end_quietly_when_reader_leaves();
    let cli = Cli::parse();

    let result = match cli.command {
        Command::Analyze(args) => analyze::run(args),
        Command::Classify(args) => classify::run(args),
        Command::Diff(args) => diff::run(args),
        Command::History(command) => history::run(command),
        Command::Eval(args) => eval::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Train(args) => train::run(args),
    };

    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("termwatch: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// Rust ignores SIGPIPE, so every `print!` after the reader went away (`termwatch eval | head`)
/// would panic on the failed write. Restoring the default action ends the process quietly
/// instead, as `cat` or `grep` do.
fn end_quietly_when_reader_leaves() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
