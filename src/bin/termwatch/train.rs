//! `termwatch train`.

use anyhow::Result;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> Result<()> {
    let _ = args;
    anyhow::bail!("not built yet")
}
