//! The meta-schemas of the bundle's `calendars` and `policies` sections: their examples
//! validate, the engine accepts them, and the schemas reject what the engine rejects.

use handoff_kit::sla::Sla;
use serde_json::{json, Value};

fn schema(text: &str) -> Value {
    serde_json::from_str(text).expect("schema is JSON")
}

fn calendars_schema() -> Value {
    schema(include_str!("../schemas/bundle/calendars.schema.json"))
}

fn policies_schema() -> Value {
    schema(include_str!("../schemas/bundle/policies.schema.json"))
}

fn examples(schema: &Value) -> Vec<Value> {
    schema["examples"].as_array().cloned().unwrap_or_default()
}

#[test]
fn schemas_have_ids_titles_and_examples_that_validate() {
    for (schema, id) in [
        (
            calendars_schema(),
            "https://handoff-kit.dev/schemas/bundle/calendars.schema.json",
        ),
        (
            policies_schema(),
            "https://handoff-kit.dev/schemas/bundle/policies.schema.json",
        ),
    ] {
        assert_eq!(schema["$id"], json!(id));
        assert_eq!(
            schema["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema")
        );
        assert!(schema["title"].is_string() && schema["description"].is_string());
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let examples = examples(&schema);
        assert!(!examples.is_empty());
        for example in examples {
            assert!(validator.is_valid(&example), "{id}: {example}");
        }
    }
}

#[test]
fn the_engine_accepts_the_schema_examples() {
    let calendars = examples(&calendars_schema());
    let policies = examples(&policies_schema());
    let sla = Sla::from_bundle(&calendars[0], &policies[0]).expect("examples compile");
    assert_eq!(sla.policies().len(), 3);
    assert_eq!(
        sla.calendar("night-desk").map(|c| c.time_zone()),
        Some("America/New_York")
    );
}

#[test]
fn the_schemas_reject_what_the_engine_rejects() {
    let calendars = jsonschema::validator_for(&calendars_schema()).unwrap();
    for bad in [
        json!({ "x": { "time_zone": "UTC", "week": { "mon": [["09:00", "25:00"]] } } }),
        json!({ "x": { "time_zone": "UTC", "week": { "mon": [["24:00", "25:00"]] } } }),
        json!({ "x": { "time_zone": "UTC", "week": { "monday": [["09:00", "17:00"]] } } }),
        json!({ "x": { "week": { "mon": [["09:00", "17:00"]] } } }),
        json!({ "x": { "time_zone": "UTC", "week": { "mon": [["09:00", "17:00"]] }, "holidays": ["25/12"] } }),
    ] {
        assert!(!calendars.is_valid(&bad), "{bad}");
        assert!(Sla::from_bundle(&bad, &Value::Null).is_err(), "{bad}");
    }
    let policies = jsonschema::validator_for(&policies_schema()).unwrap();
    for bad in [
        json!([{ "id": "a", "target": { "unit": "days", "value": 1 } }]),
        json!([{ "id": "a", "target": { "unit": "business_days", "value": -1 } }]),
        json!([{ "id": "a", "match": { "colour": "red" }, "target": { "unit": "business_days", "value": 1 } }]),
        json!([{ "target": { "unit": "business_days", "value": 1 } }]),
        json!([{ "id": "a", "target": { "unit": "business_days", "value": 1 }, "warn_before": { "percent": 150 } }]),
    ] {
        assert!(!policies.is_valid(&bad), "{bad}");
        assert!(Sla::from_bundle(&Value::Null, &bad).is_err(), "{bad}");
    }
}
