//! Writes the categories file the WebAssembly module embeds: `src/categories/categories.json`
//! without the example sentences (only tests and training read them) and without layout
//! whitespace. The extension has a size budget for the module; native builds embed the whole
//! file.

use std::{env, fs, path::PathBuf};

const SOURCE: &str = "src/categories/categories.json";
/// Fields of each category that only tests and the training program read.
const EXAMPLE_FIELDS: [&str; 2] = ["must_match", "must_not_match"];

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = fs::read_to_string(SOURCE).expect("the categories file is readable");
    let mut categories: serde_json::Value =
        serde_json::from_str(&text).expect("the categories file is valid JSON");
    for category in categories.as_array_mut().into_iter().flatten() {
        if let Some(fields) = category.as_object_mut() {
            for field in EXAMPLE_FIELDS {
                fields.remove(field);
            }
        }
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let shipped = serde_json::to_string(&categories).expect("JSON values serialise");
    fs::write(out.join("categories.json"), shipped).expect("OUT_DIR is writable");
}
