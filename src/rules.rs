//! What documents a diagnostic code. Every code the kit can emit has one [`RuleDoc`]; the
//! schema, rubric, SLA and note modules each publish theirs, and `catalogue.rs` gathers them
//! into `docs/rules.md`.

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
