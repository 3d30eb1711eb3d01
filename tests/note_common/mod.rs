//! Helpers shared by the note integration tests: fixtures, and spans read as JavaScript
//! reads them.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use handoff_kit::note::ParsedNote;
use handoff_kit::Span;
use std::fs;

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/notes/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `text.slice(span.start, span.end)` in JavaScript.
pub fn slice16(text: &str, span: Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let part = units
        .get(span.start..span.end)
        .unwrap_or_else(|| panic!("span {span:?} outside the text"));
    String::from_utf16(part).expect("span splits a surrogate pair")
}

/// The words behind `path`, with no-break spaces shown as spaces.
pub fn words(note: &ParsedNote, path: &str) -> String {
    let span = note
        .span_for(path)
        .unwrap_or_else(|| panic!("no span for {path}"));
    slice16(&note.text, span).replace('\u{a0}', " ")
}
