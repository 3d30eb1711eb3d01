//! `schemas/bundle/notes.schema.json` and `NoteConfig::from_bundle` agree: every example of
//! the meta-schema validates and is accepted, and settings the meta-schema rejects are
//! rejected by the reader too, with a path inside the bundle.

use handoff_kit::note::{parse, template, NoteConfig, NoteFormat};
use serde_json::{json, Value};

fn meta_schema() -> Value {
    let path = format!(
        "{}/schemas/bundle/notes.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_meta_schema_describes_itself_for_admins() {
    let schema = meta_schema();
    assert_eq!(
        schema["$id"],
        "https://handoff-kit.dev/schemas/bundle/notes.schema.json"
    );
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["title"].is_string() && schema["description"].is_string());
    for property in ["headings", "language"] {
        assert!(
            schema["properties"][property]["description"].is_string(),
            "{property}"
        );
    }
}

#[test]
fn every_example_validates_and_is_accepted() {
    let schema = meta_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let examples = schema["examples"].as_array().unwrap();
    assert!(examples.len() >= 2);
    for example in examples {
        assert!(validator.is_valid(example), "{example}");
        let config = NoteConfig::from_bundle(example).unwrap_or_else(|e| panic!("{example}: {e}"));
        // Every heading of the example is recognised in a note.
        for (key, headings) in example
            .get("headings")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            for heading in headings.as_array().unwrap() {
                let note = parse(
                    &format!("{}: x 1 yes", heading.as_str().unwrap()),
                    NoteFormat::Text,
                    &config,
                );
                let pointer = format!("/{}", key.replace('.', "/"));
                assert!(
                    note.span_for(&pointer).is_some_and(|s| s.end > s.start),
                    "{heading} → {key}: {:?}",
                    note.spans
                );
            }
        }
    }
}

#[test]
fn what_the_meta_schema_rejects_the_reader_rejects() {
    let validator = jsonschema::validator_for(&meta_schema()).unwrap();
    let bad = [
        (
            json!({ "headings": { "Summary": ["TL;DR"] } }),
            "/notes/headings/Summary",
        ),
        (
            json!({ "headings": { "summary": "TL;DR" } }),
            "/notes/headings/summary",
        ),
        (
            json!({ "headings": { "summary": ["Sum: mary"] } }),
            "/notes/headings/summary/0",
        ),
        (
            json!({ "headings": { "summary": [""] } }),
            "/notes/headings/summary/0",
        ),
        (
            json!({ "headings": { "summary": [7] } }),
            "/notes/headings/summary/0",
        ),
        (
            json!({ "language": "Deutsch (Schweiz)" }),
            "/notes/language",
        ),
        (json!({ "headline": {} }), "/notes/headline"),
        (json!(["Summary"]), "/notes"),
    ];
    for (notes, path) in bad {
        assert!(!validator.is_valid(&notes), "meta-schema accepts {notes}");
        let err = NoteConfig::from_bundle(&notes).expect_err(&notes.to_string());
        assert_eq!(err.kind, "bundle");
        assert!(
            err.diagnostics
                .iter()
                .any(|d| d.path == path && d.code == "rubric/note-invalid-setting"),
            "{notes}: {:?}",
            err.diagnostics
        );
    }
}

#[test]
fn the_german_example_writes_a_german_template() {
    let schema = meta_schema();
    let config = NoteConfig::from_bundle(&schema["examples"][0]).unwrap();
    let note = template("billing_to_finance", &config);
    assert!(
        note.starts_with("Zusammenfassung:\nVersucht:\nKundenstimmung:\n"),
        "{note}"
    );
    assert!(note.contains("\nRechnung:\nBetrag:\n"), "{note}");
    assert!(note.ends_with("Bestellreferenz:\n"), "{note}");
    assert!(!template("support_to_engineering", &config).contains("Bestellreferenz"));
}
