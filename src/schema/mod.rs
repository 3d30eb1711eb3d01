//! Validation of packets (and any JSON document) against JSON Schemas, with diagnostics
//! written for agents.

pub mod store;

use crate::rules::RuleDoc;

/// Codes this module emits.
pub const RULES: &[RuleDoc] = &[];

/// A compiled JSON Schema.
pub struct Validator {}
