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
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let valid = errors == 0;
        let score = score.map(|score| score.with_readiness(errors));
        Report {
            valid,
            diagnostics,
            score,
            sla,
        }
    }
}

/// The handoff's quality: 0–100, a letter grade, and what each check contributed.
/// `uncapped_value = round(100 × points / max_points)`, where both sums run over the checks
/// that apply; the per-check entries add up to them. `value` is `uncapped_value`, lowered to
/// the readiness cap when the report has an error (`docs/scoring.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0–100: `uncapped_value`, at most `cap.value` when a cap applies.
    pub value: u32,
    /// The grade of `value`: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
    pub grade: Grade,
    /// Present when the handoff is not ready (the report has an error): the highest value and
    /// grade it can get until the errors are fixed, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<ScoreCap>,
    /// What the checks earned before the readiness cap: `round(100 × points / max_points)`
    /// (0 when nothing is at stake). Equal to `value` unless the cap lowered it.
    pub uncapped_value: u32,
    /// The points earned: the sum of the checks' `points`.
    pub points: u32,
    /// The points at stake: the sum of the checks' `max_points` (checks that do not apply
    /// put none at stake).
    pub max_points: u32,
    pub checks: Vec<CheckScore>,
}

impl Score {
    /// The highest value a handoff that is not ready can get: the top of D, so that the value
    /// and the grade agree.
    pub const NOT_READY_VALUE: u32 = 69;

    /// A score of what the checks earned, with no cap yet (the report applies it).
    pub fn uncapped(points: u32, max_points: u32, checks: Vec<CheckScore>) -> Score {
        // Nothing at stake (every check that runs is not applicable): nothing was judged.
        let value = if max_points == 0 {
            0
        } else {
            (200 * u64::from(points) + u64::from(max_points)) / (2 * u64::from(max_points))
        };
        let value = u32::try_from(value).unwrap_or(100).min(100);
        Score {
            value,
            grade: Grade::for_value(value),
            cap: None,
            uncapped_value: value,
            points,
            max_points,
            checks,
        }
    }

    /// Readiness before polish: with `errors` errors in the report, the value is at most
    /// [`Score::NOT_READY_VALUE`] (grade D) and `cap` says why; with none, the cap is lifted.
    /// Applying it twice gives the same score.
    pub fn with_readiness(mut self, errors: usize) -> Score {
        if errors == 0 {
            if self.cap.take().is_some() {
                self.value = self.uncapped_value;
                self.grade = Grade::for_value(self.value);
            }
            return self;
        }
        let cap = ScoreCap::not_ready(errors);
        self.value = self.uncapped_value.min(cap.value);
        self.grade = Grade::for_value(self.value);
        self.cap = Some(cap);
        self
    }
}

/// Why a score is capped: the handoff is not ready, so it is graded `grade` (`value`) at most
/// until its `errors` errors are fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreCap {
    /// The highest grade: D.
    pub grade: Grade,
    /// The highest value: 69, the top of D.
    pub value: u32,
    /// How many diagnostics of severity `error` the report has.
    pub errors: u32,
    /// "not ready: graded D at most until 2 errors are fixed".
    pub reason: String,
}

impl ScoreCap {
    /// The cap for a report with `errors` (at least one) errors.
    pub fn not_ready(errors: usize) -> ScoreCap {
        let value = Score::NOT_READY_VALUE;
        let grade = Grade::for_value(value);
        let what = if errors == 1 {
            "1 error is".to_string()
        } else {
            format!("{errors} errors are")
        };
        ScoreCap {
            grade,
            value,
            errors: u32::try_from(errors).unwrap_or(u32::MAX),
            reason: format!("not ready: graded {grade} at most until {what} fixed"),
        }
    }
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

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
            Grade::F => "F",
        })
    }
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

    fn error() -> Diagnostic {
        Diagnostic::new("schema/format", Severity::Error, Source::Schema, "/a", "e")
    }

    #[test]
    fn an_error_caps_the_score_at_the_top_of_d_and_says_why() {
        let score = Score::uncapped(93, 100, Vec::new());
        let report = Report::new(vec![error(), error()], Some(score.clone()), None);
        let capped = report.score.unwrap();
        assert_eq!((capped.value, capped.grade), (69, Grade::D));
        assert_eq!((capped.uncapped_value, capped.points), (93, 93));
        let cap = capped.cap.clone().unwrap();
        assert_eq!((cap.grade, cap.value, cap.errors), (Grade::D, 69, 2));
        assert_eq!(
            cap.reason,
            "not ready: graded D at most until 2 errors are fixed"
        );
        assert_eq!(
            ScoreCap::not_ready(1).reason,
            "not ready: graded D at most until 1 error is fixed"
        );
        // Applying it again (a note's report is assembled twice) changes nothing; without
        // errors the cap is lifted.
        assert_eq!(capped.clone().with_readiness(2), capped);
        assert_eq!(capped.with_readiness(0), score);
    }

    #[test]
    fn the_cap_never_raises_a_score_and_warnings_do_not_cap() {
        let low = Score::uncapped(40, 100, Vec::new());
        let report = Report::new(vec![error()], Some(low), None);
        let score = report.score.unwrap();
        assert_eq!((score.value, score.grade), (40, Grade::F));
        assert!(score.cap.is_some(), "still not ready, and said so");
        let warn = Diagnostic::new("sla/breached", Severity::Warning, Source::Sla, "", "w");
        let report = Report::new(vec![warn], Some(Score::uncapped(1, 1, Vec::new())), None);
        assert_eq!(report.score.unwrap().cap, None);
    }
}
