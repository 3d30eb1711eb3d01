//! The catalogue of diagnostic codes. Every code the kit can emit has one [`RuleDoc`]; the
//! schema, rubric and SLA modules each publish theirs, and `docs/rules.md` is generated from
//! [`all`] (a test fails when the file is stale).

use crate::diagnostic::{Severity, Source};

/// Documentation of one diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleDoc {
    /// The stable code, e.g. `schema/required`.
    pub code: &'static str,
    pub source: Source,
    /// The usual severity (a bundle may change it for rubric checks).
    pub severity: Severity,
    /// What it checks.
    pub what: &'static str,
    /// Why it matters to the receiving team.
    pub why: &'static str,
    /// A short example of a handoff that triggers it.
    pub example: &'static str,
}

/// Every documented code: schema, then rubric, then SLA.
pub fn all() -> Vec<RuleDoc> {
    let mut rules = Vec::new();
    rules.extend_from_slice(crate::schema::RULES);
    rules.extend_from_slice(crate::rubric::RULES);
    rules.extend_from_slice(crate::sla::RULES);
    rules
}
