//! The scoring rubric (issue 4). Placeholder so the crate builds while the checks are written.

use crate::rules::RuleDoc;

/// Codes this module emits.
pub const RULES: &[RuleDoc] = &[];
