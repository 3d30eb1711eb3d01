//! `schemas/bundle/{teams,extension,cases}.schema.json` and the kit agree: each schema's
//! examples make a bundle the kit accepts, and the example cases pass as they say.

use handoff_kit::Kit;
use serde_json::{json, Value};

fn examples(section: &str) -> Vec<Value> {
    let path = format!(
        "{}/schemas/bundle/{section}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let examples = schema["examples"].as_array().unwrap().clone();
    assert!(!examples.is_empty(), "{section} has examples");
    examples
}

fn bundle(section: &str, value: Value) -> Value {
    let week = json!({ "mon": [["09:00", "17:00"]] });
    let mut bundle = json!({
        "bundle": "examples",
        "version": "1.0.0",
        "calendars": { "finance_hours": { "time_zone": "Europe/Berlin", "week": week } }
    });
    bundle[section] = value;
    bundle
}

#[test]
fn every_teams_extension_and_cases_example_is_a_bundle_the_kit_accepts() {
    for section in ["teams", "extension", "cases"] {
        for example in examples(section) {
            let result = Kit::from_value(&bundle(section, example.clone()));
            assert!(result.is_ok(), "{section}: {example}: {:?}", result.err());
        }
    }
}

#[test]
fn the_example_cases_pass_as_they_say() {
    for example in examples("cases") {
        let kit = Kit::from_value(&bundle("cases", example)).unwrap();
        let results = kit.run_cases();
        assert!(!results.is_empty());
        for result in results {
            assert!(result.passed, "{}: {:?}", result.name, result.failures);
        }
    }
}

#[test]
fn the_example_bundle_is_valid_and_its_cases_pass() {
    let path = format!(
        "{}/examples/bundles/acme.bundle.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let kit = Kit::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(kit.case_count(), 3);
    assert!(kit.run_cases().iter().all(|r| r.passed));
    assert_eq!(
        kit.teams().get("finance").unwrap().calendar.as_deref(),
        Some("finance_hours")
    );
}

#[test]
fn a_case_that_cannot_be_checked_or_has_a_bad_now_fails_saying_why() {
    let cases = json!([
        { "name": "bad now", "packet": {}, "now": "next Monday", "expect": { "valid": false } },
        { "name": "huge note", "note": "x".repeat(handoff_kit::limits::NOTE_BYTES + 1), "expect": { "valid": false } }
    ]);
    let kit = Kit::from_value(&bundle("cases", cases)).unwrap();
    let results = kit.run_cases();
    assert!(!results[0].passed);
    assert_eq!(
        results[0].failures,
        ["now \"next Monday\" is not an RFC 3339 time such as 2026-12-01T10:00:00Z"]
    );
    assert!(!results[1].passed);
    assert!(results[1].report.is_none());
    assert!(
        results[1].failures[0].starts_with("could not be checked: "),
        "{:?}",
        results[1].failures
    );
}
