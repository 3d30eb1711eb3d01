//! The corpus in `tests/fuzz/`: one folder per target, each file one input (a recipe is
//! expanded first). Shared by the fuzzer (its seeds) and `tests/fuzz_corpus.rs` (the replay).

use crate::recipe;
use crate::targets::Target;
use std::path::{Path, PathBuf};

/// One corpus input.
pub struct Input {
    /// The file, relative to the corpus folder (`packet/billing-complete.json`).
    pub name: String,
    pub text: String,
}

pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz")
}

/// The inputs of a target's folder, sorted by name; recipes expanded.
pub fn inputs(target: Target) -> Vec<Input> {
    read(&folder().join(target.name()), target)
}

fn read(dir: &Path, target: Target) -> Vec<Input> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let name = format!(
                "{}/{}",
                target.name(),
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let text = if name.ends_with(".recipe.json") {
                recipe::expand(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
            } else {
                text
            };
            Input { name, text }
        })
        .collect()
}
