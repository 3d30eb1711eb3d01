use super::*;
use crate::diagnostic::{Diagnostic, Severity, Source};
use serde_json::json;

fn report(codes: &[(&str, Severity)]) -> Report {
    let diagnostics = codes
        .iter()
        .map(|(code, severity)| {
            Diagnostic::new(*code, *severity, Source::Schema, "/owner", "Add the owner.")
        })
        .collect();
    Report::new(diagnostics, None, None)
}

#[test]
fn every_expectation_given_is_checked() {
    let bad = report(&[("schema/required", Severity::Error)]);
    assert!(judge(
        &json!({ "valid": false, "codes": ["schema/required"] }),
        &bad
    )
    .is_empty());
    let failures = judge(
        &json!({ "valid": true, "codes": ["rubric/x"], "absent": ["schema/required"] }),
        &bad,
    );
    assert_eq!(
        failures,
        [
            "expected a valid handoff, but it has 1 error(s): schema/required",
            "expected rubric/x, which did not appear",
            "expected no schema/required, but it appeared at /owner: Add the owner.",
        ]
    );
    let fine = report(&[("rubric/vague-summary", Severity::Warning)]);
    assert_eq!(
        judge(&json!({ "valid": false }), &fine),
        ["expected errors (valid: false), but the handoff is valid"]
    );
    assert!(judge(&json!({ "valid": true }), &fine).is_empty());
}

#[test]
fn a_grade_or_deadline_that_was_not_computed_fails() {
    let plain = report(&[]);
    assert_eq!(
        judge(&json!({ "min_grade": "C" }), &plain),
        ["expected grade C or better, but no score was given"]
    );
    let failures = judge(&json!({ "deadline": "2026-12-01T15:00:00Z" }), &plain);
    assert!(failures[0].contains("no SLA deadline"), "{failures:?}");
    let failures = judge(&json!({ "deadline": "tomorrow" }), &plain);
    assert!(failures[0].contains("not an RFC 3339 time"), "{failures:?}");
}
