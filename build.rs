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

/// The root object's `$id` (the built-in store knows each schema by it without parsing the
/// schema; `store::tests` checks it against the parsed document).
fn root_id(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let key = &json[start..i.min(bytes.len())];
                let rest = &json[(i + 1).min(json.len())..];
                if depth == 1 && key == "$id" && rest.starts_with(":\"") {
                    let value = &rest[2..];
                    return value.find('"').map(|end| value[..end].to_string());
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A schema for the `.wasm`: without the whole-document `examples` at its root, and with each
/// field's `examples` cut to the first when that is a string, number or boolean (dropped
/// otherwise). The kit reads only that first scalar example (`schema/fields.rs`, for the "e.g."
/// of a message); the rest is for editors and the docs, and the npm package ships the full
/// files under `schemas/`. Key order is not kept, as the kit's JSON maps do not keep it either.
fn for_wasm(json: &str) -> String {
    fn trim(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Array(examples)) = map.get_mut("examples") {
                    let scalar = examples.first().is_some_and(|first| {
                        first.is_string() || first.is_number() || first.is_boolean()
                    });
                    if scalar {
                        examples.truncate(1);
                    } else {
                        map.remove("examples");
                    }
                }
                map.values_mut().for_each(trim);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(trim),
            _ => {}
        }
    }
    let mut schema: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("a schema is not JSON: {e}"));
    if let Some(root) = schema.as_object_mut() {
        root.remove("examples");
    }
    trim(&mut schema);
    schema.to_string()
}

/// Schemas nothing in the .wasm validates against, so it does not carry them: what only the
/// native CLI reads and writes (`handoff audit`: 1.5 KB brotli), and the report's (3.2 KB
/// brotli: the kit writes reports, it never reads one; the npm package ships the file, which
/// a `Validator` takes as it is). The package's .wasm is held under 800,000 bytes.
const NATIVE_ONLY: &[&str] = &[
    "audit.schema.json",
    "audit-record.schema.json",
    "report.schema.json",
];

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("schemas");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut code = String::from(
        "/// Every file under `schemas/`: (path relative to `schemas/`, root `$id`, minified text).\n",
    );
    code.push_str("pub static BUILTIN_SCHEMA_FILES: &[(&str, &str, &str)] = &[\n");
    for (index, path) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if wasm && NATIVE_ONLY.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let minified = out_dir.join(format!("schema-{index}.json"));
        let mut small = minify(&text);
        if wasm {
            small = for_wasm(&small);
        }
        let id = root_id(&small).unwrap_or_else(|| panic!("{} has no root $id", path.display()));
        std::fs::write(&minified, small).unwrap();
        writeln!(
            code,
            "    ({rel:?}, {id:?}, include_str!({:?})),",
            minified.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = out_dir.join("builtin_schemas.rs");
    std::fs::write(out, code).unwrap();
}
