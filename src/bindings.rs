//! The WebAssembly boundary: converts types and turns errors into JavaScript errors, nothing
//! else. Every function here is a thin wrapper over the library.

use wasm_bindgen::prelude::*;

use crate::page::Page;

/// Analyses a page given as `{url, title, blocks: [{text, tag, heading_level, hidden,
/// collapsed, index}]}` and returns the analysis as a plain object.
#[wasm_bindgen(js_name = analyzePage)]
pub fn analyze_page(page: JsValue) -> Result<JsValue, JsError> {
    let page: Page = serde_wasm_bindgen::from_value(page)?;
    let analysis = crate::analyze(&page);
    Ok(serde_wasm_bindgen::to_value(&analysis)?)
}
