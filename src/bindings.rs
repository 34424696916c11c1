//! The WebAssembly boundary: converts types and turns errors into JavaScript errors, nothing
//! else. Every function here is a thin wrapper over the library.
//!
//! Values cross as plain JavaScript objects shaped like the Rust types' JSON (`None` becomes
//! `null`, maps become objects), so what the extension stores is what the CLI prints.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::page::Page;

/// Analyses a page given as `{url, title, blocks: [{text, tag, heading_level, hidden,
/// collapsed, index}]}` and returns the analysis (`{detection, document, findings, grade}`).
#[wasm_bindgen(js_name = analyzePage)]
pub fn analyze_page(page: JsValue) -> Result<JsValue, JsError> {
    let page: Page = serde_wasm_bindgen::from_value(page)?;
    let analysis = crate::analyze(&page);
    to_js(&analysis)
}

/// The cheap first look from the URL, the title and the headings alone: `false` means the page
/// is plainly not a terms page.
#[wasm_bindgen(js_name = mayBeTerms)]
pub fn may_be_terms(url: Option<String>, title: Option<String>, headings: Vec<String>) -> bool {
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    crate::detect::may_be_terms(url.as_deref(), title.as_deref(), &headings)
}

/// Every category with its name, severity, polarity and explanation, in report order.
#[wasm_bindgen(js_name = categories)]
pub fn categories() -> Result<JsValue, JsError> {
    to_js(crate::categories::all())
}

/// The version of the engine that produced an analysis, stored beside it.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(value.serialize(&serializer)?)
}
