//! Embeds every JSON file under `schemas/` into the binary, so the core resolves built-in
//! schemas from memory (no file or network access at run time).

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
}

/// JSON without the whitespace between tokens (strings are kept as they are), so the
/// embedded schemas take less room in the wasm.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("schemas");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut code = String::from(
        "/// Every file under `schemas/`: (path relative to `schemas/`, minified text).\n",
    );
    code.push_str("pub static BUILTIN_SCHEMA_FILES: &[(&str, &str)] = &[\n");
    for (index, path) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let minified = out_dir.join(format!("schema-{index}.json"));
        std::fs::write(&minified, minify(&text)).unwrap();
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            minified.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = out_dir.join("builtin_schemas.rs");
    std::fs::write(out, code).unwrap();
}
