//! Validation of packets (and any JSON document) against JSON Schemas, with diagnostics
//! written for agents.
//!
//! Schemas are compiled once ([`Validator::new`]) and reused; `$ref`s resolve from a
//! [`SchemaStore`] in memory. Formats (`date-time`, `email`, `uri`, …) are asserted.

mod fields;
pub mod limits;
mod messages;
mod meta;
mod rules;
pub mod store;

pub use rules::RULES;
pub use store::SchemaStore;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::tape::{with_value, Node, TapeJson};
use fields::FieldDocs;
use serde_json::Value;

/// How many steps a regular expression may backtrack before its check gives up, so a hostile
/// `pattern` cannot freeze the tab.
const REGEX_BACKTRACK_LIMIT: usize = 100_000;

/// A compiled JSON Schema.
pub struct Validator {
    /// Compiled for tapes only: one instantiation of jsonschema's validators in the `.wasm`.
    compiled: jsonschema::Validator<TapeJson>,
    fields: FieldDocs,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator").finish_non_exhaustive()
    }
}

/// How a [`Validator`] treats the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidatorOptions {
    /// Check `format` (`date-time`, `email`, `uri`, …) as an assertion. On by default: a
    /// malformed timestamp must be reported. Off gives draft 2020-12's default, where `format`
    /// is only an annotation.
    pub assert_formats: bool,
}

impl Default for ValidatorOptions {
    fn default() -> Self {
        ValidatorOptions {
            assert_formats: true,
        }
    }
}

impl Validator {
    /// Compiles `schema` (draft 2020-12 unless its `$schema` says otherwise), resolving `$ref`s
    /// from `store`. A schema that is not valid JSON Schema, refers to an unknown URI or has an
    /// invalid regular expression is an [`Error`] of kind `schema`.
    pub fn new(schema: &Value, store: &SchemaStore) -> Result<Validator> {
        Validator::with_options(schema, store, ValidatorOptions::default())
    }

    /// [`Validator::new`] with options.
    pub fn with_options(
        schema: &Value,
        store: &SchemaStore,
        options: ValidatorOptions,
    ) -> Result<Validator> {
        limits::check_schema_shape(schema)?;
        meta::check(draft_of(schema), schema).map_err(|invalid| {
            let place = if invalid.at.is_empty() {
                String::new()
            } else {
                format!(" at {}", invalid.at)
            };
            Error::new(
                "schema",
                format!(
                    "The schema is not valid JSON Schema{place}: {}.",
                    invalid.message
                ),
            )
        })?;
        Validator::compile(schema, store, options)
    }

    /// [`Validator::new`] for a built-in schema: not checked against its meta-schema here, as
    /// `tests/schemas.rs` checks every built-in schema.
    pub(crate) fn builtin(schema: &Value, store: &SchemaStore) -> Result<Validator> {
        Validator::compile(schema, store, ValidatorOptions::default())
    }

    fn compile(
        schema: &Value,
        store: &SchemaStore,
        options: ValidatorOptions,
    ) -> Result<Validator> {
        let mut builder = jsonschema::options_for::<TapeJson>().with_draft(draft_of(schema));
        if options.assert_formats {
            builder = builder.should_validate_formats(true);
        }
        // Otherwise the draft's default applies: annotation only, unless the schema's
        // metaschema enables the format-assertion vocabulary.
        let compiled = builder
            .with_retriever(store.retriever())
            .with_pattern_options(
                jsonschema::PatternOptions::fancy_regex().backtrack_limit(REGEX_BACKTRACK_LIMIT),
            )
            .build(schema)
            .map_err(|e| compile_error(&e))?;
        Ok(Validator {
            compiled,
            fields: FieldDocs::collect(schema, store),
        })
    }

    /// Whether the document read in place is valid: the fast path, no diagnostics built.
    pub fn is_valid_node(&self, instance: Node<'_>) -> bool {
        self.compiled.is_valid(instance)
    }

    /// Every problem with the document read in place, as diagnostics in document order.
    ///
    /// A valid document (most packets) is answered by the fast path ([`Validator::is_valid_node`]:
    /// no error paths, values or messages built), which finds no problem exactly when the full
    /// walk below finds none; only a document with a problem is walked again for its diagnostics.
    pub fn validate_node(&self, instance: Node<'_>) -> Vec<Diagnostic> {
        if self.compiled.is_valid(instance) {
            return Vec::new();
        }
        messages::diagnostics(self.compiled.iter_errors(instance), &self.fields)
    }

    /// [`Validator::validate_node`] without its fast path: the full walk, for the test that
    /// holds the two to the same answer.
    #[cfg(test)]
    pub(crate) fn validate_node_walk(&self, instance: Node<'_>) -> Vec<Diagnostic> {
        messages::diagnostics(self.compiled.iter_errors(instance), &self.fields)
    }

    /// Whether `instance` is valid. An error only for a value nested deeper than a parsed
    /// document can be (127 containers).
    pub fn is_valid(&self, instance: &Value) -> Result<bool> {
        with_value(instance, |node| self.is_valid_node(node)).ok_or_else(too_deep)
    }

    /// Every problem with `instance`, as diagnostics in document order. An error only for a
    /// value nested deeper than a parsed document can be (127 containers).
    pub fn validate(&self, instance: &Value) -> Result<Vec<Diagnostic>> {
        with_value(instance, |node| self.validate_node(node)).ok_or_else(too_deep)
    }
}

fn too_deep() -> Error {
    Error::new(
        "input",
        "The document is nested more than 127 levels deep, which no packet or schema needs.",
    )
}

/// Draft 2020-12 unless the schema names another draft in `$schema`.
fn draft_of(schema: &Value) -> jsonschema::Draft {
    use jsonschema::Draft;
    let named = schema.get("$schema").and_then(Value::as_str).unwrap_or("");
    let named = named.trim_end_matches('#');
    match named {
        "http://json-schema.org/draft-04/schema" => Draft::Draft4,
        "http://json-schema.org/draft-06/schema" => Draft::Draft6,
        "http://json-schema.org/draft-07/schema" => Draft::Draft7,
        "https://json-schema.org/draft/2019-09/schema" => Draft::Draft201909,
        _ => Draft::Draft202012,
    }
}

fn compile_error(err: &jsonschema::ValidationError<'_>) -> Error {
    use jsonschema::error::ValidationErrorKind;
    let at = err.instance_path().as_str();
    let place = if at.is_empty() {
        String::new()
    } else {
        format!(" at {at}")
    };
    let message = match err.kind() {
        ValidationErrorKind::Referencing(reason) => {
            format!("The schema cannot be used: a $ref{place} cannot be resolved: {reason}.")
        }
        _ => format!("The schema is not valid JSON Schema{place}: {err}."),
    };
    Error::new("schema", message)
}

#[cfg(test)]
mod tests;
