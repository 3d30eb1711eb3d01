//! The SLA engine: business calendars, targets, policies and deadlines (issue 3).
//!
//! Placeholder so the crate builds while the engine is written; see `SlaReport` for the
//! shape `Report.sla` will take.

use crate::rules::RuleDoc;
use serde::{Deserialize, Serialize};

/// Codes this module emits.
pub const RULES: &[RuleDoc] = &[];

/// The receiving team's internal deadline for one handoff, as `Report.sla` carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaReport {
    /// UTC, `…Z`.
    pub deadline: String,
}
