//! The HTML renderer against Chromium: for each editor fixture, `ParsedNote.text` must be
//! exactly what `innerText` returns in the browser (tests/notes/*.innertext.txt, written by
//! tests/notes/render-with-chromium.py), so spans land on the characters the agent sees.

use handoff_kit::note::{html, parse, NoteConfig, NoteFormat};
use std::fs;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/notes/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn assert_renders_like_chromium(name: &str) {
    let html = fixture(&format!("{name}.html"));
    let expected = fixture(&format!("{name}.innertext.txt"));
    let rendered = html::render(&html);
    assert_eq!(
        rendered, expected,
        "{name}: rendered text differs from Chromium's innerText"
    );
    assert_eq!(
        parse(&html, NoteFormat::Html, &NoteConfig::default()).text,
        expected
    );
}

#[test]
fn ckeditor5_paragraphs_lists_and_nbsp() {
    assert_renders_like_chromium("billing-ckeditor5");
}

#[test]
fn redactor_paragraphs_with_br_and_named_references() {
    assert_renders_like_chromium("billing-redactor");
}

#[test]
fn summernote_br_paragraphs_and_divs() {
    assert_renders_like_chromium("billing-summernote");
}

#[test]
fn whitespace_comments_scripts_tables_and_pre() {
    assert_renders_like_chromium("renderer-edge-cases");
}

#[test]
fn ckeditor5_heading_elements() {
    assert_renders_like_chromium("engineering-ckeditor5-headings");
}
