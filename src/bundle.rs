//! The org bundle: everything an admin publishes, in one JSON document.
//!
//! Each subsystem reads its own section (`calendars`, `policies`, `rubric`, `vocabulary`,
//! `notes`, `teams`, `cases`) from the raw JSON kept here; this module owns only the envelope and the schemas.

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
    /// Teams: names and aliases pages show, and each team's calendar (read by `teams`).
    /// (The sections below are copied from the document rather than derived: a derived field
    /// costs the `.wasm` far more than the copy.)
    #[serde(skip)]
    pub teams: Value,
    /// The browser extension's gate and the admin's adapters (read by the extension; checked
    /// here by the meta-schema only).
    #[serde(skip)]
    pub extension: Value,
    /// Regression cases (read by `cases`).
    #[serde(skip)]
    pub cases: Value,
}

impl Bundle {
    /// Checks a bundle document against `org-bundle.schema.json` and reads its envelope.
    /// Every problem is a diagnostic whose path points inside the bundle.
    pub fn from_value(value: &serde_json::Value) -> crate::error::Result<Bundle> {
        use crate::error::Error;
        use crate::schema::{store::BUILTIN_BASE, SchemaStore, Validator};
        use std::sync::OnceLock;
        static META: OnceLock<Result<Validator, Error>> = OnceLock::new();
        let meta = META.get_or_init(|| {
            let store = SchemaStore::builtin();
            let id = format!("{BUILTIN_BASE}org-bundle.schema.json");
            let schema = store
                .get(&id)
                .ok_or_else(|| Error::new("bundle", "The org-bundle meta-schema is missing."))?;
            Validator::new(schema, store)
        });
        let meta = meta.as_ref().map_err(Clone::clone)?;
        if !value.is_object() {
            return Err(Error::new(
                "bundle",
                "The bundle must be a JSON object with at least \"bundle\" and \"version\".",
            ));
        }
        let diagnostics = meta.validate(value)?;
        if let Some(first) = diagnostics.first() {
            let more = match diagnostics.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            let at = if first.path.is_empty() {
                "/"
            } else {
                &first.path
            };
            return Err(Error::new(
                "bundle",
                format!("The bundle is not valid: {} (at {at}){more}", first.message),
            )
            .with_diagnostics(diagnostics));
        }
        let mut bundle: Bundle = serde_json::from_value(value.clone())
            .map_err(|e| Error::new("bundle", format!("The bundle cannot be read: {e}")))?;
        let section = |name: &str| value.get(name).cloned().unwrap_or_default();
        bundle.teams = section("teams");
        bundle.extension = section("extension");
        bundle.cases = section("cases");
        Ok(bundle)
    }
}
