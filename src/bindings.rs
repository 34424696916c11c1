//! The WebAssembly boundary: converts types and turns errors into JavaScript errors, nothing
//! else. Every function here is a thin wrapper over the library.
//!
//! Structured values cross as JSON text, shaped like the Rust types' serde form (`None` is
//! `null`), so what the extension stores is what the CLI prints. JSON text rather than
//! JavaScript objects built field by field: it measured as fast on a 20,000-word page, and it
//! reuses the `serde_json` code the snapshots need instead of adding a second serialiser to the
//! module. The extension's `background/engine.js` parses and stringifies.

use wasm_bindgen::prelude::*;

use crate::change::Snapshot;
use crate::page::Page;

/// Analyses a page given as JSON `{url, title, blocks: [{text, tag, heading_level, hidden,
/// collapsed, index}]}` and returns the analysis (`{detection, document, findings, grade}`).
#[wasm_bindgen(js_name = analyzePage)]
pub fn analyze_page(page: &str) -> Result<String, JsError> {
    let page: Page = serde_json::from_str(page)?;
    Ok(serde_json::to_string(&crate::analyze(&page))?)
}

/// The cheap first look from the URL, the title and the headings alone: `false` means the page
/// is plainly not a terms page.
#[wasm_bindgen(js_name = mayBeTerms)]
pub fn may_be_terms(url: Option<String>, title: Option<String>, headings: Vec<String>) -> bool {
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    crate::detect::may_be_terms(url.as_deref(), title.as_deref(), &headings)
}

/// Every category with its name, severity, polarity and explanation, in report order (JSON).
#[wasm_bindgen(js_name = categories)]
pub fn categories() -> Result<String, JsError> {
    Ok(serde_json::to_string(crate::categories::all())?)
}

/// The version of the engine that produced an analysis, stored beside it.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The document key of a URL: the same for every address of one document (tracking
/// parameters, fragments and the like removed).
#[wasm_bindgen(js_name = canonicalKey)]
pub fn canonical_key(url: &str) -> Result<String, JsError> {
    Ok(crate::change::canonical_url::canonical_key(url)?)
}

/// Reads a page (JSON, as for `analyzePage`) and records it as a stored version of the
/// document `key`, seen at `seen_at_ms` (milliseconds since 1970); returns the snapshot's
/// serialised form. The page is analysed again here rather than passed back in: decoding an
/// analysis would add code to the module for a call made once per new version.
#[wasm_bindgen(js_name = captureSnapshot)]
pub fn capture_snapshot(page: &str, key: &str, seen_at_ms: f64) -> Result<String, JsError> {
    let page: Page = serde_json::from_str(page)?;
    let analysis = crate::analyze(&page);
    let seen_at_ms = if seen_at_ms.is_finite() && seen_at_ms > 0.0 { seen_at_ms as u64 } else { 0 };
    let snapshot = Snapshot::capture(&page, &analysis, key, seen_at_ms);
    Ok(String::from_utf8(snapshot.encode())?)
}

/// Compares two stored versions given as serialised snapshots; returns the change report
/// (JSON). A damaged or newer-schema snapshot is an error naming the problem.
#[wasm_bindgen(js_name = compareSnapshots)]
pub fn compare_snapshots(older: &str, newer: &str) -> Result<String, JsError> {
    let older = Snapshot::decode(older.as_bytes())?;
    let newer = Snapshot::decode(newer.as_bytes())?;
    Ok(serde_json::to_string(&crate::change::compare_snapshots(&older, &newer))?)
}
