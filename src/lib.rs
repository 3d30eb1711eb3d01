//! Handoff Kit: validate, score and time customer-issue handoffs between teams.
//!
//! The core is plain Rust (no wasm types): [`kit::Kit`] checks a context packet and returns a
//! [`report::Report`]. `src/wasm.rs` is a thin facade for the npm package; `src/bin/handoff/`
//! is the CLI. See ARCHITECTURE.md for the map.

// Natively only its tests use it; the wasm build installs it as the global allocator.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod alloc;
pub mod audit;
pub mod bundle;
pub mod cases;
pub mod catalogue;
pub mod diagnostic;
pub mod error;
pub mod json_text;
pub mod kit;
pub mod limits;
pub mod note;
pub mod packet;
pub mod report;
pub mod rubric;
pub mod rules;
pub mod scenario;
pub mod schema;
pub mod sla;
pub mod tape;
pub mod teams;
pub mod vocabulary;

/// The wasm-bindgen facade used by the npm package (wasm32 only).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Severity, Source, Span};
pub use error::{Error, Result};
pub use kit::{CheckOptions, Kit};
pub use report::{Grade, Report, Score};
pub use schema::Validator;

/// The texts of the example packets (`examples/packets/*.json`), for tests that go over all.
#[cfg(test)]
pub(crate) fn example_packets() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packets");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 18, "{paths:?}");
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}
