//! Ceilings on a schema's shape, checked before jsonschema compiles it.
//!
//! jsonschema keeps each subschema's location as it compiles, so a deeply nested schema costs
//! the square of its depth (a 3,000-deep `not` chain: seconds and gigabytes) and recursion as
//! deep as the schema (a stack overflow past a few thousand levels). A schema written as JSON
//! text is already at most 127 containers deep (serde_json refuses more), and no schema a
//! helpdesk writes comes near these ceilings; a `Value` built in code can, so the ceilings are
//! checked here, in time linear in the schema and without recursion.

use crate::diagnostic::{push_pointer_token, Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use serde_json::Value;

/// The ceilings, from the one table of them ([`crate::limits`]).
pub use crate::limits::{
    KEYS_PER_OBJECT as MAX_KEYS_PER_OBJECT, SCHEMA_DEPTH as MAX_SCHEMA_DEPTH,
    SCHEMA_VALUES as MAX_SCHEMA_VALUES,
};

/// Checks `schema` against [`MAX_SCHEMA_DEPTH`], [`MAX_SCHEMA_VALUES`] and
/// [`MAX_KEYS_PER_OBJECT`] (a schema text meets that one as it is read; a `Value` built in
/// code meets it here): an error of kind
/// `limit` naming the limit, the size met and where, as soon as one is passed.
pub fn check_schema_shape(schema: &Value) -> Result<()> {
    // Depth-first with a stack of the containers being read, each with its place in its
    // parent (for the path), so the walk stops at the first value past a ceiling.
    let mut stack: Vec<(Children<'_>, Option<String>)> = Vec::new();
    let mut values = 0usize;
    let mut next = Some((schema, None));
    loop {
        if let Some((value, token)) = next.take() {
            values += 1;
            if values > MAX_SCHEMA_VALUES {
                return Err(limit(
                    "schema-values",
                    format!("The schema has more than {MAX_SCHEMA_VALUES} values"),
                    &stack,
                    token,
                ));
            }
            let children = match value {
                Value::Object(map) if map.len() > MAX_KEYS_PER_OBJECT => {
                    return Err(limit(
                        "keys-per-object",
                        format!(
                            "An object of the schema has {} keys, more than {}",
                            crate::limits::group(map.len() as u64),
                            crate::limits::group(MAX_KEYS_PER_OBJECT as u64)
                        ),
                        &stack,
                        token,
                    ));
                }
                Value::Object(map) => Children::Object(map.iter()),
                Value::Array(items) => Children::Array(items.iter().enumerate()),
                _ => continue,
            };
            if stack.len() + 1 > MAX_SCHEMA_DEPTH {
                return Err(limit(
                    "schema-depth",
                    format!("The schema is nested more than {MAX_SCHEMA_DEPTH} levels deep"),
                    &stack,
                    token,
                ));
            }
            stack.push((children, token));
        }
        let Some((children, _)) = stack.last_mut() else {
            return Ok(());
        };
        next = match children {
            Children::Object(members) => members
                .next()
                .map(|(key, value)| (value, Some(key.clone()))),
            Children::Array(items) => items
                .next()
                .map(|(index, value)| (value, Some(index.to_string()))),
        };
        if next.is_none() {
            stack.pop();
        }
    }
}

/// Reads a schema's JSON text given on its own (`what`: "The schema", "The registry"): past
/// [`crate::limits::SCHEMA_BYTES`], or any ceiling of a JSON text (nesting, keys per object),
/// an error of kind `limit` before anything is built.
pub fn parse_schema_text(what: &str, text: &str) -> Result<Value> {
    crate::error::check_bytes("schema-bytes", what, text, crate::limits::SCHEMA_BYTES)?;
    crate::error::parse_json(what, text)
}

enum Children<'v> {
    Object(serde_json::map::Iter<'v>),
    Array(std::iter::Enumerate<std::slice::Iter<'v, Value>>),
}

fn limit(
    name: &str,
    what: String,
    stack: &[(Children<'_>, Option<String>)],
    last: Option<String>,
) -> Error {
    let mut path = String::new();
    for token in stack
        .iter()
        .filter_map(|(_, token)| token.as_ref())
        .chain(&last)
    {
        push_pointer_token(&mut path, token);
    }
    let shown = if path.is_empty() { "/" } else { &path };
    let message = format!(
        "{what} (limit {name}, met at {shown}): split it into schemas that refer to each other with $ref, or flatten it."
    );
    Error::new("limit", message.clone()).with_diagnostics(vec![Diagnostic::new(
        "schema/limit",
        Severity::Error,
        Source::Schema,
        path,
        message,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `{"not": {"not": … {}}}`, `depth` objects deep (each level moved in: `json!` would
    /// copy the inner value at each level).
    fn not_chain(depth: usize) -> Value {
        let mut schema = json!({});
        for _ in 1..depth {
            let mut outer = serde_json::Map::new();
            outer.insert("not".to_string(), schema);
            schema = Value::Object(outer);
        }
        schema
    }

    #[test]
    fn a_deep_not_chain_is_refused_before_compiling_with_its_path() {
        // 1,000 deep, not the 3,000 of the report: dropping a deeper `Value` recurses in
        // serde_json itself, past a debug-build test thread's stack.
        let error = check_schema_shape(&not_chain(1_000)).unwrap_err();
        assert_eq!(error.kind, "limit");
        assert!(error.message.contains("schema-depth"), "{}", error.message);
        let path = &error.diagnostics[0].path;
        assert_eq!(path, &"/not".repeat(MAX_SCHEMA_DEPTH));
        // Through the validator: the same error, not seconds of compiling.
        let store = crate::schema::SchemaStore::builtin();
        let error = crate::Validator::new(&not_chain(1_000), store).unwrap_err();
        assert_eq!(error.kind, "limit");
        // At the ceiling it still compiles and validates.
        let at_ceiling = not_chain(MAX_SCHEMA_DEPTH);
        assert!(check_schema_shape(&at_ceiling).is_ok());
        let validator = crate::Validator::new(&at_ceiling, store).unwrap();
        // An odd number of nots around {} refuses everything; an even number accepts.
        assert_eq!(
            validator.is_valid(&json!(1)).unwrap(),
            MAX_SCHEMA_DEPTH % 2 == 1
        );
    }

    #[test]
    fn a_schema_of_too_many_values_is_refused_and_the_built_in_ones_pass() {
        let options: Vec<Value> = (0..MAX_SCHEMA_VALUES).map(|i| json!(i)).collect();
        let error = check_schema_shape(&json!({ "enum": options })).unwrap_err();
        assert_eq!(error.kind, "limit");
        assert!(error.message.contains("schema-values"), "{}", error.message);
        assert_eq!(
            error.diagnostics[0].path,
            format!("/enum/{}", MAX_SCHEMA_VALUES - 2)
        );
        let store = crate::schema::SchemaStore::builtin();
        for id in store.ids() {
            let schema = store.get(id).unwrap();
            assert!(check_schema_shape(schema).is_ok(), "{id}");
        }
        assert!(check_schema_shape(&json!([[[]], {"a": [1, {"b": null}]}])).is_ok());
    }

    #[test]
    fn schema_bytes_limit_just_below_and_just_past() {
        let padded = |bytes: usize| format!("{{}}{}", " ".repeat(bytes - 2));
        let ceiling = crate::limits::SCHEMA_BYTES;
        assert_eq!(
            parse_schema_text("The schema", &padded(ceiling)).unwrap(),
            json!({})
        );
        let error = parse_schema_text("The schema", &padded(ceiling + 1)).unwrap_err();
        assert_eq!(error.kind, "limit");
        assert_eq!(
            error.message,
            "The schema has 4,194,305 bytes, more than the limit schema-bytes of 4,194,304 bytes (at /)."
        );
    }

    #[test]
    fn a_schema_value_with_too_many_keys_in_one_object_is_refused_with_its_path() {
        let properties = |n: usize| -> serde_json::Map<String, Value> {
            (0..n).map(|i| (format!("k{i}"), json!({}))).collect()
        };
        let at_ceiling = json!({ "properties": properties(MAX_KEYS_PER_OBJECT) });
        assert!(check_schema_shape(&at_ceiling).is_ok());
        let past = json!({ "properties": properties(MAX_KEYS_PER_OBJECT + 1) });
        let error = check_schema_shape(&past).unwrap_err();
        assert_eq!(error.kind, "limit");
        assert!(
            error.message.contains("keys-per-object"),
            "{}",
            error.message
        );
        assert!(
            error.message.contains("has 10,001 keys, more than 10,000"),
            "{}",
            error.message
        );
        assert_eq!(error.diagnostics[0].path, "/properties");
    }
}
