//! What a rubric check is: a small struct with one function, [`Check::run`], which reads the
//! packet through an [`Input`] and returns a [`Verdict`] whose [`Finding`]s explain every
//! share of points lost. `registry.rs` lists the checks.

use crate::diagnostic::{Diagnostic, Source};
use crate::rubric::checks::completeness;
use crate::rubric::fields::Fields;
use crate::rubric::routing::Routing;
use crate::rubric::settings::Settings;
use crate::rubric::BusinessMinutes;
use crate::vocabulary::Vocabulary;

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
    pub completeness: &'a completeness::Plan,
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
    pub fn reported_by_schema(&self, path: &str) -> bool {
        self.schema_diagnostics.iter().any(|d| {
            d.source == Source::Schema
                && (d.path == path
                    || (!d.path.is_empty()
                        && path
                            .strip_prefix(d.path.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))))
        })
    }
}

/// One reason a check took points: where, what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// JSON Pointer of the field to fix.
    pub path: String,
    pub message: String,
    pub hint: String,
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
        }
    }
}

/// A check's judgement: the share of its points earned (`earned` of `out_of`) and the
/// findings that explain every share lost.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub earned: u32,
    pub out_of: u32,
    pub findings: Vec<Finding>,
}

impl Verdict {
    /// Full points, nothing to say (also when the check has nothing to judge).
    pub fn pass() -> Verdict {
        Verdict {
            earned: 1,
            out_of: 1,
            findings: Vec::new(),
        }
    }

    /// No points, for these reasons.
    pub fn fail(findings: Vec<Finding>) -> Verdict {
        Verdict {
            earned: 0,
            out_of: 1,
            findings,
        }
    }

    /// `earned` of `out_of` shares; a check with findings that lost nothing still passes.
    pub fn share(earned: u32, out_of: u32, findings: Vec<Finding>) -> Verdict {
        Verdict {
            earned: earned.min(out_of),
            out_of,
            findings,
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

    /// Points out of `weight`, rounded down. A verdict that lost a share without a finding to
    /// explain it keeps full points: every lost point must come with a reason.
    pub fn points(&self, weight: u32) -> u32 {
        if self.out_of == 0 || self.earned >= self.out_of || self.findings.is_empty() {
            return weight;
        }
        let points = u64::from(weight) * u64::from(self.earned) / u64::from(self.out_of);
        u32::try_from(points).unwrap_or(weight)
    }

    pub fn passed(&self) -> bool {
        self.out_of == 0 || self.earned >= self.out_of || self.findings.is_empty()
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
}
