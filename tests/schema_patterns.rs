//! `pattern`s made of anchored ASCII classes (`^[a-z][a-z0-9_]*$`, `^[A-Z]{3}$`) are matched
//! without a regex engine (vendor/jsonschema/src/class_sequence.rs, to keep the regex compiler
//! off a validator's first use). These tests hold that matcher to what the regex engine answers,
//! and check that every other pattern still goes to the engine with the same verdicts.

use handoff_kit::schema::{SchemaStore, Validator};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Patterns the class matcher takes (the built-in schemas' own first).
const CLASS_PATTERNS: &[&str] = &[
    r"^[a-z][a-z0-9_]*$",
    r"^[A-Z]{3}$",
    r"^[a-z0-9-]+$",
    r"^\d{4}-\d{2}-\d{2}$",
    r"^[A-Z]{2}\d{1,3}$",
    r"^x?$",
    r"^[-a-c_]{2}\w*$",
    r"^INV-\d{4,}$",
    r"^[a-f0-9]{8}$",
];

/// Patterns that look alike but need the engine (a variable repeat before the end, groups,
/// negation, Unicode classes, lazy repeats): verdicts must not change either.
const ENGINE_PATTERNS: &[&str] = &[
    r"^[a-z]*[a-z]$",
    r"^(a|b)+$",
    r"^[^a-z]+$",
    r"^[\p{L}]+$",
    r"^a+?b$",
    r"[a-z]+",
    r"^\S+$",
];

fn validator(pattern: &str) -> Validator {
    let schema =
        json!({ "$schema": "https://json-schema.org/draft/2020-12/schema", "pattern": pattern });
    Validator::new(&schema, SchemaStore::builtin()).expect("the pattern compiles")
}

/// The verdict of the `regex` crate with ECMA-262's ASCII meaning of `\d` and `\w`.
fn engine_verdict(pattern: &str, text: &str) -> bool {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(pattern.contains(r"\p"))
        .build()
        .expect("the pattern is valid")
        .is_match(text.as_bytes())
}

fn texts() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "b", "c", "f", "x", "z", "A", "B", "Z", "0", "1", "9", "_", "-", ".", " ", "\n",
            "é", "٣", "INV-", "ab", "ABC",
        ]),
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn class_patterns_agree_with_the_regex_engine(index in 0..CLASS_PATTERNS.len(), text in texts()) {
        let pattern = CLASS_PATTERNS[index];
        let verdict = validator(pattern).is_valid(&Value::String(text.clone())).unwrap();
        prop_assert_eq!(verdict, engine_verdict(pattern, &text), "{} on {:?}", pattern, text);
    }

    #[test]
    fn engine_patterns_keep_their_verdicts(index in 0..ENGINE_PATTERNS.len(), text in texts()) {
        let pattern = ENGINE_PATTERNS[index];
        let verdict = validator(pattern).is_valid(&Value::String(text.clone())).unwrap();
        prop_assert_eq!(verdict, engine_verdict(pattern, &text), "{} on {:?}", pattern, text);
    }
}

#[test]
fn class_patterns_on_edge_texts() {
    let cases: &[(&str, &str, bool)] = &[
        (r"^[a-z][a-z0-9_]*$", "billing_to_finance", true),
        (r"^[a-z][a-z0-9_]*$", "", false),
        (r"^[a-z][a-z0-9_]*$", "ab\n", false),
        (r"^[a-z][a-z0-9_]*$", "é", false),
        (r"^[A-Z]{3}$", "EUR", true),
        (r"^[A-Z]{3}$", "EURO", false),
        (r"^[A-Z]{3}$", "EU", false),
        (r"^\d{4}-\d{2}-\d{2}$", "2026-12-04", true),
        (r"^\d{4}-\d{2}-\d{2}$", "٢٠٢٦-12-04", false),
        (r"^x?$", "", true),
    ];
    for &(pattern, text, expected) in cases {
        let verdict = validator(pattern).is_valid(&json!(text)).unwrap();
        assert_eq!(verdict, expected, "{pattern} on {text:?}");
    }
}

/// A non-string instance is not the pattern's business; a failing string names the pattern.
#[test]
fn class_pattern_errors_name_the_pattern_and_path() {
    let schema = json!({ "properties": { "scenario": { "pattern": "^[a-z][a-z0-9_]*$" } } });
    let validator = Validator::new(&schema, SchemaStore::builtin()).unwrap();
    assert!(validator.is_valid(&json!({ "scenario": 12 })).unwrap());
    let diagnostics = validator
        .validate(&json!({ "scenario": "Billing" }))
        .unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let text = format!("{:?}", diagnostics[0]);
    assert!(text.contains("/scenario"), "{text}");
}
