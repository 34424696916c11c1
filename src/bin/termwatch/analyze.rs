//! `termwatch analyze`: one page in; its kind, grade and findings out.

use anyhow::Result;
use termwatch::Report;

use crate::input;
use crate::render;

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The page's address, used for detection and shown in the report.
    #[arg(long)]
    url: Option<String>,
    /// An .html, .md or .txt file, or - for standard input.
    file: String,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: Args) -> Result<()> {
    let page = input::read_page(&args.file, args.url.as_deref())?;
    let report = Report::from_analysis(&termwatch::analyze(&page));

    let output = match args.format {
        Format::Text => render::printable(render::report_text(&report)),
        Format::Markdown => render::printable(render::report_markdown(&report)),
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    print!("{output}");
    Ok(())
}
