//! What a rubric check is: a small struct with one function, [`Check::run`], which reads the
//! packet through an [`Input`] and returns a [`Verdict`] whose [`Finding`]s explain every
//! share of points lost. `registry.rs` lists the checks.

use crate::diagnostic::{Diagnostic, Source};
use crate::report::CheckStatus;
use crate::rubric::fields::Fields;
use crate::rubric::plan::Plan;
use crate::rubric::routing::Routing;
use crate::rubric::settings::Settings;
use crate::vocabulary::Vocabulary;
use std::collections::HashSet;

/// The SLA engine's business-time measure: `(from, to)` as Unix seconds → minutes, `None` when
/// it cannot measure (no calendar).
pub type BusinessMinutes<'a> = &'a dyn Fn(i64, i64) -> Option<i64>;

/// One quality check of the rubric.
pub trait Check: Sync {
    /// Judges one packet.
    fn run(&self, input: &Input) -> Verdict;
}

/// What a check sees: the packet's fields (already normalised by the vocabulary), read once
/// for all checks, and the rubric's configuration.
pub struct Input<'a> {
    pub fields: Fields<'a>,
    pub settings: &'a Settings,
    /// The completeness items per scenario, resolved when the rubric was built.
    pub completeness: &'a Plan,
    pub routing: &'a Routing,
    pub vocabulary: &'a Vocabulary,
    /// What the JSON Schema already reported about this packet.
    pub schema_diagnostics: &'a [Diagnostic],
    /// The SLA engine's business-minute measure, when a calendar applies.
    pub business_minutes: Option<BusinessMinutes<'a>>,
}

impl Input<'_> {
    /// The packet's scenario id, if it names one.
    pub fn scenario(&self) -> Option<&str> {
        self.fields.scenario
    }

    /// Whether the schema already reported a problem at `path` or at one of its parents
    /// (a missing `/customer` covers `/customer/sentiment`), so the rubric must not repeat it.
    /// One question; the rubric asks it of every finding through an index instead
    /// ([`Input::schema_paths`]).
    pub fn reported_by_schema(&self, path: &str) -> bool {
        covered(path, &self.schema_paths())
    }

    /// The paths the schema reported problems at, for [`covered`], borrowed from its
    /// diagnostics (as the set of the rubric's own reports borrows from the findings: one set
    /// type in the .wasm, and no copy of a path per report).
    pub fn schema_paths(&self) -> HashSet<&str> {
        self.schema_diagnostics
            .iter()
            .filter(|d| d.source == Source::Schema)
            .map(|d| d.path.as_str())
            .collect()
    }
}

/// Whether `reported` holds `path` or a field it is inside: `path` itself, then each parent
/// that is not the root (a report about the whole packet covers no field). As many lookups as
/// `path` has parts, however many reports there are.
pub fn covered(path: &str, reported: &HashSet<&str>) -> bool {
    reported.contains(path)
        || path
            .bytes()
            .enumerate()
            .any(|(at, byte)| byte == b'/' && at > 0 && reported.contains(&path[..at]))
}

/// One reason a check took points: where, what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// JSON Pointer of the field to fix.
    pub path: String,
    pub message: String,
    pub hint: String,
    /// Whether the finding is about information that is absent. Its diagnostic is left out
    /// when the schema or an earlier check already reported that field (or a parent): a
    /// missing summary costs the summary checks their points, but the agent reads "add a
    /// summary" once.
    pub missing: bool,
}

impl Finding {
    pub fn new(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Finding {
            path: path.into(),
            message: message.into(),
            hint: hint.into(),
            missing: false,
        }
    }

    /// A finding about absent information (see [`Finding::missing`]).
    pub fn absent(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Finding {
            missing: true,
            ..Finding::new(path, message, hint)
        }
    }
}

/// A check's judgement: whether it applies, the share of its points earned (`earned` of
/// `out_of`) and the findings that explain every share lost.
///
/// Removing information from a packet must never raise its score (`docs/scoring.md`), so a
/// check that cannot judge because information is missing *fails* ([`Verdict::missing`]);
/// only a check that truly cannot apply is [`Verdict::not_applicable`], and then only in a
/// state that removing information cannot reach from a failure.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub earned: u32,
    pub out_of: u32,
    pub findings: Vec<Finding>,
    /// `false`: the check does not apply; it earns nothing and leaves the denominator.
    pub applies: bool,
    /// Why the check does not apply, or why it failed for lack of information.
    pub reason: Option<String>,
}

impl Verdict {
    /// Full points: the check looked at what it needs and found nothing wrong.
    pub fn pass() -> Verdict {
        Verdict::share(1, 1, Vec::new())
    }

    /// No points, for these reasons.
    pub fn fail(findings: Vec<Finding>) -> Verdict {
        Verdict::share(0, 1, findings)
    }

    /// No points, because the information the check judges is missing: `finding` says what
    /// to add (and is also the check's reason).
    pub fn missing(finding: Finding) -> Verdict {
        let reason = Some(finding.message.clone());
        Verdict {
            reason,
            ..Verdict::fail(vec![Finding {
                missing: true,
                ..finding
            }])
        }
    }

    /// The check cannot apply to this packet, for this reason.
    pub fn not_applicable(reason: impl Into<String>) -> Verdict {
        Verdict {
            earned: 0,
            out_of: 0,
            findings: Vec::new(),
            applies: false,
            reason: Some(reason.into()),
        }
    }

    /// `earned` of `out_of` shares; a check with findings that lost nothing still passes.
    pub fn share(earned: u32, out_of: u32, findings: Vec<Finding>) -> Verdict {
        Verdict {
            earned: earned.min(out_of),
            out_of,
            findings,
            applies: true,
            reason: None,
        }
    }

    /// All-or-nothing: pass without findings, fail with them.
    pub fn from_findings(findings: Vec<Finding>) -> Verdict {
        if findings.is_empty() {
            Verdict::pass()
        } else {
            Verdict::fail(findings)
        }
    }

    /// Points out of `weight`, rounded down; none when the check does not apply. A verdict
    /// that lost a share without a finding to explain it keeps full points: every lost point
    /// must come with a reason.
    pub fn points(&self, weight: u32) -> u32 {
        if !self.applies {
            return 0;
        }
        if self.passed() {
            return weight;
        }
        let points = u64::from(weight) * u64::from(self.earned) / u64::from(self.out_of);
        u32::try_from(points).unwrap_or(weight)
    }

    /// Whether the check applies and lost nothing (it may still have advice to give).
    pub fn passed(&self) -> bool {
        self.applies && (self.out_of == 0 || self.earned >= self.out_of || self.findings.is_empty())
    }

    /// The status the score reports.
    pub fn status(&self) -> CheckStatus {
        if !self.applies {
            CheckStatus::NotApplicable
        } else if self.passed() {
            CheckStatus::Passed
        } else {
            CheckStatus::Failed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_down_and_need_a_reason() {
        let finding = Finding::new("/a", "m", "h");
        assert_eq!(Verdict::share(1, 3, vec![finding.clone()]).points(8), 2);
        assert_eq!(Verdict::share(1, 3, Vec::new()).points(8), 8);
        assert_eq!(Verdict::fail(vec![finding]).points(8), 0);
        assert_eq!(Verdict::pass().points(8), 8);
        assert!(!Verdict::share(0, 2, vec![Finding::new("/a", "m", "h")]).passed());
    }

    #[test]
    fn missing_information_fails_and_not_applicable_earns_nothing() {
        let missing = Verdict::missing(Finding::new("/summary", "Add a summary.", "h"));
        assert_eq!(missing.status(), CheckStatus::Failed);
        assert_eq!(missing.points(10), 0);
        assert!(missing.findings[0].missing);
        assert_eq!(missing.reason.as_deref(), Some("Add a summary."));
        let na = Verdict::not_applicable("No teams are known for this scenario.");
        assert_eq!(na.status(), CheckStatus::NotApplicable);
        assert_eq!(na.points(12), 0);
        assert!(!na.passed());
        assert_eq!(Verdict::pass().status(), CheckStatus::Passed);
        // Advice that costs nothing leaves the check passed.
        let advice = Verdict::share(2, 2, vec![Finding::new("/a", "m", "h")]);
        assert_eq!(
            (advice.status(), advice.points(8)),
            (CheckStatus::Passed, 8)
        );
    }

    #[test]
    fn covered_finds_a_report_at_the_path_or_a_parent_through_an_index() {
        // The rubric compared every finding with every report: a note of 48,000 list items
        // made 48,000 findings and reports, and that comparison grew with their square. A
        // finding now looks its path and each parent up in a set of the reported paths.
        let reported: HashSet<&str> = ["/customer", "/tried/7", ""].into_iter().collect();
        assert!(covered("/customer/sentiment", &reported));
        assert!(covered("/customer", &reported));
        assert!(covered("/tried/7/outcome", &reported));
        assert!(!covered("/tried/70/outcome", &reported));
        assert!(!covered("/customers", &reported));
        // A report about the whole packet covers itself only.
        assert!(covered("", &reported));
        assert!(!covered("/summary", &reported));
    }
}
