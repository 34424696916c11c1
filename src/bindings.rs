//! The WebAssembly boundary: converts types and turns errors into JavaScript errors, nothing
//! else. Every function here is a thin wrapper over the library.
//!
//! Structured values cross as JSON text, shaped like the Rust types' serde form (`None` is
//! `null`), so what the extension stores is what the CLI prints. JSON text rather than
//! JavaScript objects built field by field: it measured as fast on a 20,000-word page, and it
//! reuses the `serde_json` code the library already carries instead of adding a second
//! serialiser to the module. The extension's `background/engine.js` parses and stringifies.

use wasm_bindgen::prelude::*;

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
