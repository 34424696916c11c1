//! Scores Termwatch on `detection`.

use std::path::Path;

use anyhow::Result;

use super::DatasetReport;

pub fn run(data: &Path) -> Result<DatasetReport> {
    let _ = data;
    anyhow::bail!("not scored yet")
}
