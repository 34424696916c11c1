//! Termwatch reads online terms, tags the clauses that matter to the reader and tracks how
//! they change.
//!
//! Data flows one way, and each stage is a module named after what it produces:
//!
//! ```text
//! page (blocks) -> document (sections, clauses) -> detect (page kind)
//!                                               -> tagging (findings) -> grade
//! snapshot -> change (normalise, align, word diff) -> change report
//! ```
//!
//! [`analyze`] runs the whole first line; [`change`] compares two analysed versions.
//! Everything here is the same code in the CLI, the tests and the browser extension.

pub mod analysis;
pub(crate) mod ascii_regex;
pub mod categories;
pub mod change;
pub mod detect;
pub mod document;
pub mod grade;
#[cfg(not(target_arch = "wasm32"))]
pub mod learn;
pub mod page;
pub mod report;
pub mod tagging;

#[cfg(target_arch = "wasm32")]
mod bindings;

pub use analysis::{analyze, Analysis};
pub use page::{Block, Page};
pub use report::Report;
