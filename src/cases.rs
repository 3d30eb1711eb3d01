//! The bundle's regression cases (`cases`): sample packets and notes, each with what the
//! report must show. [`crate::Kit::run_cases`] checks each case with the kit and [`judge`]s
//! the report against the case's `expect`; the studio, `kit.runCases()` and
//! `handoff bundle test` all run them this way.
//!
//! A case (schemas/bundle/cases.schema.json, checked when the bundle is read):
//! `{ name, scenario?, packet | note, format?, now?, expect: { valid?, codes?, absent?,
//! min_grade?, deadline? } }`. Every item of `expect` that is given is checked; a case passes
//! when none fails.

use crate::report::{Grade, Report};
use crate::sla::parse_instant;
use serde::Serialize;
use serde_json::Value;

/// What running one case gave.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// No expectation failed.
    pub passed: bool,
    /// One sentence per expectation that failed, saying what was expected and what came.
    pub failures: Vec<String>,
    /// The report the case's packet or note gave; `None` when it could not be checked.
    pub report: Option<Report>,
}

/// The failures of `report` against a case's `expect` (an object; anything else expects
/// nothing), in the order valid, codes, absent, min_grade, deadline.
pub fn judge(expect: &Value, report: &Report) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(valid) = expect.get("valid").and_then(Value::as_bool) {
        if report.valid != valid {
            let errors: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code.as_str())
                .collect();
            failures.push(match valid {
                true => format!(
                    "expected a valid handoff, but it has {} error(s): {}",
                    errors.len(),
                    errors.join(", ")
                ),
                false => "expected errors (valid: false), but the handoff is valid".to_string(),
            });
        }
    }
    for code in codes(expect, "codes") {
        if !report.diagnostics.iter().any(|d| d.code == code) {
            failures.push(format!("expected {code}, which did not appear"));
        }
    }
    for code in codes(expect, "absent") {
        if let Some(d) = report.diagnostics.iter().find(|d| d.code == code) {
            let at = if d.path.is_empty() { "/" } else { &d.path };
            failures.push(format!(
                "expected no {code}, but it appeared at {at}: {}",
                d.message
            ));
        }
    }
    if let Some(minimum) = expect.get("min_grade").and_then(Value::as_str) {
        let rank = |grade: &str| ["A", "B", "C", "D", "F"].iter().position(|g| *g == grade);
        match &report.score {
            None => failures.push(format!(
                "expected grade {minimum} or better, but no score was given"
            )),
            Some(score) => {
                let grade = grade_name(score.grade);
                if rank(grade) > rank(minimum) {
                    failures.push(format!(
                        "expected grade {minimum} or better, but it is {grade} ({} points)",
                        score.value
                    ));
                }
            }
        }
    }
    if let Some(expected) = expect.get("deadline").and_then(Value::as_str) {
        let actual = report.sla.as_ref().map(|sla| &sla.deadline.deadline);
        match (parse_instant(expected), actual) {
            (None, _) => failures.push(format!(
                "expect.deadline \"{expected}\" is not an RFC 3339 time such as 2026-12-01T15:00:00Z"
            )),
            (Some(_), None) => failures.push(format!(
                "expected the deadline {expected}, but no SLA deadline was computed (is handoff.at set?)"
            )),
            (Some(want), Some(got)) if parse_instant(got) != Some(want) => failures.push(format!(
                "expected the deadline {expected}, but it is {got}"
            )),
            _ => {}
        }
    }
    failures
}

fn codes<'a>(expect: &'a Value, key: &str) -> impl Iterator<Item = &'a str> {
    let list = expect.get(key).and_then(Value::as_array);
    list.into_iter().flatten().filter_map(Value::as_str)
}

fn grade_name(grade: Grade) -> &'static str {
    match grade {
        Grade::A => "A",
        Grade::B => "B",
        Grade::C => "C",
        Grade::D => "D",
        Grade::F => "F",
    }
}

#[cfg(test)]
mod tests;
