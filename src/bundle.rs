//! The org bundle: everything an admin publishes, in one JSON document.
//!
//! Each subsystem reads its own section (`calendars`, `policies`, `rubric`, `vocabulary`,
//! `notes`) from the raw JSON kept here; this module owns only the envelope and the schemas.

use serde::Deserialize;
use serde_json::{Map, Value};

/// A parsed org bundle.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Bundle {
    /// The bundle's name.
    pub bundle: String,
    /// Semantic version of the bundle.
    pub version: String,
    /// The organisation's schemas by `$id`.
    #[serde(default)]
    pub schemas: Map<String, Value>,
    /// The `$id` of the schema every packet is checked against.
    #[serde(default)]
    pub packet_schema: Option<String>,
    /// Scenario definitions (extra or overriding the built-in ones).
    #[serde(default)]
    pub scenarios: Map<String, Value>,
    /// Business calendars by id (read by `sla`).
    #[serde(default)]
    pub calendars: Value,
    /// Internal SLA policies (read by `sla`).
    #[serde(default)]
    pub policies: Value,
    /// Rubric weights and thresholds (read by `rubric`).
    #[serde(default)]
    pub rubric: Value,
    /// Words people use for teams, scenarios and issue types (read by `vocabulary`).
    #[serde(default)]
    pub vocabulary: Value,
    /// Note headings and their synonyms (read by `note`).
    #[serde(default)]
    pub notes: Value,
}
