//! Checks a schema against its draft's meta-schema, through the tape.
//!
//! jsonschema's own check, which `build` ran on every schema, is patched out
//! (vendor/jsonschema/PATCHED.md): it compiled the meta-schema for `serde_json::Value`, a
//! second copy of every keyword validator in the `.wasm`, and on wasm compiled it again for
//! every schema. Here the meta-schema of each draft is compiled once, for the tape, and the
//! check follows jsonschema 0.60.2's `validate_schema` step for step: an embedded resource that
//! declares another draft in `$schema` is checked against that draft's meta-schema, and seen as
//! `{}` by the enclosing one (JSON Schema 2020-12 Core, Section 9.3.3).

use crate::tape::{with_value, TapeJson};
use jsonschema::Draft;
use serde_json::{Map, Value};
use std::sync::OnceLock;

/// Why a schema is not valid JSON Schema: where in the schema (a JSON Pointer) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub at: String,
    pub message: String,
}

/// Checks `schema`, read as `draft`, against the draft's meta-schema.
pub fn check(draft: Draft, schema: &Value) -> Result<(), Invalid> {
    check_resource(draft, schema, "")
}

fn check_resource(draft: Draft, schema: &Value, at: &str) -> Result<(), Invalid> {
    // Boolean schemas and `{}` are valid in every draft.
    if schema.is_boolean() || schema.as_object().is_some_and(Map::is_empty) {
        return Ok(());
    }
    let mut embedded = Vec::new();
    if declares_nested_schema(schema) {
        collect_embedded(draft, draft, schema, &mut embedded);
    }
    if embedded.is_empty() {
        return validate(draft, schema, at);
    }
    let mut replaced = Vec::new();
    let enclosing = without_embedded(schema, &embedded, at.to_string(), &mut replaced);
    validate(draft, &enclosing, at)?;
    for (location, draft, contents) in replaced {
        check_resource(draft, contents, &location)?;
    }
    Ok(())
}

fn validate(draft: Draft, schema: &Value, at: &str) -> Result<(), Invalid> {
    let outcome = with_value(schema, |node| {
        meta_validator(draft).validate(node).map_err(|e| Invalid {
            at: format!("{at}{}", e.instance_path().as_str()),
            message: e.to_string(),
        })
    });
    outcome.unwrap_or_else(|| {
        Err(Invalid {
            at: at.to_string(),
            message: "the schema is nested more than 127 levels deep".to_string(),
        })
    })
}

/// The meta-schema of `draft`, compiled for the tape once per process (per wasm instance).
fn meta_validator(draft: Draft) -> &'static jsonschema::Validator<TapeJson> {
    static COMPILED: [OnceLock<jsonschema::Validator<TapeJson>>; 5] =
        [const { OnceLock::new() }; 5];
    let (index, schema) = match draft {
        Draft::Draft4 => (0, &*referencing::meta::DRAFT4),
        Draft::Draft6 => (1, &*referencing::meta::DRAFT6),
        Draft::Draft7 => (2, &*referencing::meta::DRAFT7),
        Draft::Draft201909 => (3, &*referencing::meta::DRAFT201909),
        // Draft 2020-12, and what jsonschema treats as it.
        _ => (4, &*referencing::meta::DRAFT202012),
    };
    COMPILED[index].get_or_init(|| {
        let built = jsonschema::options_for::<TapeJson>()
            .with_draft(draft)
            .build(schema);
        // The bundled meta-schemas; `meta_schemas_compile` tests every draft. (Display, not
        // `expect`: Debug of jsonschema's errors would add its own code to the `.wasm`.)
        built.unwrap_or_else(|e| panic!("a bundled meta-schema does not compile: {e}"))
    })
}

/// Whether `$schema` appears anywhere below the root (a cheap scan that spares the
/// schema-aware walk for single-dialect documents, as jsonschema does).
fn declares_nested_schema(schema: &Value) -> bool {
    fn contains(value: &Value) -> bool {
        match value {
            Value::Object(map) => map.iter().any(|(k, v)| k == "$schema" || contains(v)),
            Value::Array(items) => items.iter().any(contains),
            _ => false,
        }
    }
    schema
        .as_object()
        .is_some_and(|map| map.values().any(contains))
}

/// Subresources below `schema` that name themselves and declare a draft other than
/// `meta_draft` (only a resource root may declare `$schema`).
fn collect_embedded<'a>(
    draft: Draft,
    meta_draft: Draft,
    schema: &'a Value,
    embedded: &mut Vec<(&'a Value, Draft)>,
) {
    for sub in draft.subresources_of(schema) {
        let sub_draft = draft.detect(sub);
        let own_dialect = sub_draft != meta_draft && sub_draft != Draft::Unknown;
        let named = draft.create_resource_ref(sub).id().is_some()
            || sub_draft.create_resource_ref(sub).id().is_some();
        if own_dialect && named {
            embedded.push((sub, sub_draft));
        } else {
            collect_embedded(sub_draft, meta_draft, sub, embedded);
        }
    }
}

/// A copy of `value` with every embedded resource replaced by `{}`; the replaced ones are
/// recorded with their location (a JSON Pointer).
fn without_embedded<'a>(
    value: &'a Value,
    embedded: &[(&'a Value, Draft)],
    location: String,
    replaced: &mut Vec<(String, Draft, &'a Value)>,
) -> Value {
    if let Some((_, draft)) = embedded.iter().find(|(r, _)| std::ptr::eq(*r, value)) {
        replaced.push((location, *draft, value));
        return Value::Object(Map::new());
    }
    let join = |key: &str| format!("{location}/{}", key.replace('~', "~0").replace('/', "~1"));
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), without_embedded(v, embedded, join(k), replaced)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| without_embedded(v, embedded, join(&i.to_string()), replaced))
                .collect(),
        ),
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn meta_schemas_compile() {
        for draft in [
            Draft::Draft4,
            Draft::Draft6,
            Draft::Draft7,
            Draft::Draft201909,
            Draft::Draft202012,
        ] {
            meta_validator(draft);
        }
    }

    #[test]
    fn invalid_keyword_values_are_found_where_they_are() {
        let err = check(
            Draft::Draft202012,
            &json!({"properties": {"a": {"type": "nonsense"}}}),
        )
        .unwrap_err();
        assert_eq!(err.at, "/properties/a/type");
        assert!(check(Draft::Draft202012, &json!({"type": "string"})).is_ok());
        assert!(check(Draft::Draft202012, &json!(true)).is_ok());
    }

    #[test]
    fn an_embedded_resource_is_checked_against_its_own_draft() {
        // Array `items` is valid in draft 7 and not in 2020-12.
        let draft7 = json!({
            "$id": "https://example.com/old.json",
            "$schema": "http://json-schema.org/draft-07/schema#",
            "items": [{"type": "string"}]
        });
        let schema = json!({"$defs": {"old": draft7.clone()}});
        assert!(check(Draft::Draft202012, &schema).is_ok());
        let mut broken = draft7;
        broken["minItems"] = json!(-1);
        let err = check(Draft::Draft202012, &json!({"$defs": {"old": broken}})).unwrap_err();
        assert_eq!(err.at, "/$defs/old/minItems");
    }
}
