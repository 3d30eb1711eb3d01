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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0–100.
    pub value: u32,
    /// A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
    pub grade: Grade,
    pub checks: Vec<CheckScore>,
}

/// What one rubric check contributed to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckScore {
    /// The check's id, e.g. `owner-not-a-person` (its diagnostics use `rubric/<id>`).
    /// Borrowed from the registry when the kit scores (no allocation per check and packet).
    pub id: std::borrow::Cow<'static, str>,
    pub passed: bool,
    pub points: u32,
    pub max_points: u32,
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
