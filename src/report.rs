//! The Report: the one output every surface renders — `{ valid, diagnostics, score, sla }`.

use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};

/// The result of checking one handoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// No diagnostic of severity `error`.
    pub valid: bool,
    /// Schema, rubric and SLA findings, errors first, each group in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// The handoff's quality score; `None` when scoring did not run.
    pub score: Option<Score>,
    /// The receiving team's internal deadline; `None` when no policy applies.
    pub sla: Option<crate::sla::SlaReport>,
}

impl Report {
    /// Builds a report; `valid` is derived from the diagnostics.
    pub fn new(
        mut diagnostics: Vec<Diagnostic>,
        score: Option<Score>,
        sla: Option<crate::sla::SlaReport>,
    ) -> Self {
        // Stable: keeps each source's document order within a severity.
        diagnostics.sort_by_key(|d| d.severity);
        let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        Report {
            valid,
            diagnostics,
            score,
            sla,
        }
    }
}

/// The handoff's quality: 0–100, a letter grade, and what each check contributed.
/// `value = round(100 × points / max_points)`, where both sums run over the checks that apply;
/// the per-check entries add up to them (`docs/scoring.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0–100.
    pub value: u32,
    /// A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
    pub grade: Grade,
    /// The points earned: the sum of the checks' `points`.
    pub points: u32,
    /// The points at stake: the sum of the checks' `max_points` (checks that do not apply
    /// put none at stake).
    pub max_points: u32,
    pub checks: Vec<CheckScore>,
}

/// What one rubric check contributed to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckScore {
    /// The check's id, e.g. `owner-not-a-person` (its diagnostics use `rubric/<id>`).
    /// Borrowed from the registry when the kit scores (no allocation per check and packet).
    pub id: std::borrow::Cow<'static, str>,
    pub status: CheckStatus,
    pub points: u32,
    /// The check's weight, or 0 when it does not apply.
    pub max_points: u32,
    /// Why the check does not apply, or why it failed for lack of information (then the
    /// field to add is usually reported once, by `completeness` or the schema).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// It applies and earned all its points (it may still give advice).
    Passed,
    /// It applies and lost points, including when the information it judges is missing.
    Failed,
    /// It cannot apply to this handoff (`reason` says why): no points, none at stake.
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
    F,
}

impl Grade {
    /// The grade for a 0–100 value.
    pub fn for_value(value: u32) -> Grade {
        match value {
            90.. => Grade::A,
            80..=89 => Grade::B,
            70..=79 => Grade::C,
            60..=69 => Grade::D,
            _ => Grade::F,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Source;

    #[test]
    fn grades_follow_thresholds() {
        assert_eq!(Grade::for_value(100), Grade::A);
        assert_eq!(Grade::for_value(90), Grade::A);
        assert_eq!(Grade::for_value(89), Grade::B);
        assert_eq!(Grade::for_value(70), Grade::C);
        assert_eq!(Grade::for_value(60), Grade::D);
        assert_eq!(Grade::for_value(59), Grade::F);
    }

    #[test]
    fn valid_means_no_errors_and_errors_come_first() {
        let warn = Diagnostic::new("rubric/x", Severity::Warning, Source::Rubric, "/a", "w");
        let err = Diagnostic::new(
            "schema/required",
            Severity::Error,
            Source::Schema,
            "/b",
            "e",
        );
        let report = Report::new(vec![warn.clone(), err.clone()], None, None);
        assert!(!report.valid);
        assert_eq!(report.diagnostics, vec![err, warn.clone()]);
        assert!(Report::new(vec![warn], None, None).valid);
    }
}
