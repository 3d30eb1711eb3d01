//! Every built-in schema compiles, and every `examples` entry in it (at the root and in any
//! subschema) is valid against the schema it stands in; the example packets get the verdicts
//! their names promise.

use handoff_kit::schema::{SchemaStore, Validator};
use handoff_kit::{CheckOptions, Kit};
use serde_json::{json, Value};

/// (pointer, examples) for every subschema of `schema` that has `examples`.
fn examples_in(schema: &Value, pointer: String, out: &mut Vec<(String, Vec<Value>)>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(examples)) = map.get("examples") {
                out.push((pointer.clone(), examples.clone()));
            }
            for (key, value) in map {
                // `examples`, `const`, `enum` and `default` hold data, not subschemas.
                if matches!(key.as_str(), "examples" | "const" | "enum" | "default") {
                    continue;
                }
                let token = key.replace('~', "~0").replace('/', "~1");
                examples_in(value, format!("{pointer}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (index, value) in items.iter().enumerate() {
                examples_in(value, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
}

/// (No built-in schema has a property literally named `examples`, so every object with an
/// `examples` array found above is a subschema.)
#[test]
fn every_schema_compiles_and_every_example_validates() {
    let store = SchemaStore::builtin();
    let mut checked = 0;
    let ids = store.ids();
    assert!(ids.len() >= 15, "schemas found: {ids:?}");
    for id in ids {
        let schema = store.get(id).unwrap();
        Validator::new(schema, store).unwrap_or_else(|e| panic!("{id}: {}", e.message));
        let mut found = Vec::new();
        examples_in(schema, String::new(), &mut found);
        assert!(
            found.iter().any(|(p, _)| p.is_empty()),
            "{id} has no examples at its root"
        );
        for (pointer, examples) in found {
            // A $ref to the subschema resolves its own relative $refs in context.
            let validator = Validator::new(&json!({ "$ref": format!("{id}#{pointer}") }), store)
                .unwrap_or_else(|e| panic!("{id}#{pointer}: {}", e.message));
            for (index, example) in examples.iter().enumerate() {
                let diagnostics = validator.validate(example).unwrap();
                assert!(
                    diagnostics.is_empty(),
                    "{id}#{pointer}/examples/{index}: {diagnostics:?}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} examples checked");
}

#[test]
fn every_schema_speaks_to_admins() {
    let store = SchemaStore::builtin();
    for id in store.ids() {
        let schema = store.get(id).unwrap();
        for key in ["title", "description", "$schema"] {
            assert!(schema.get(key).is_some(), "{id} has no {key}");
        }
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{id}"
        );
    }
}

#[test]
fn example_packets_get_the_verdicts_their_names_promise() {
    let kit = Kit::builtin().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packets");
    let expected_schema_errors = [
        ("missing-owner.json", "/owner"),
        ("billing-missing-invoice.json", "/billing/invoice_id"),
        ("bad-timestamp.json", "/handoff/at"),
        ("unknown-sentiment.json", "/customer/sentiment"),
        (
            "engineering-no-repro-steps.json",
            "/engineering/reproduction_steps",
        ),
        ("bad-owner-email.json", "/owner/email"),
        ("supervisor-missing-reason.json", "/escalation/reason"),
    ];
    let mut goods = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") {
            continue;
        }
        let packet: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let report = kit.check(packet, &CheckOptions::default()).unwrap();
        let schema_errors: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.path.as_str())
            .collect();
        match expected_schema_errors
            .iter()
            .find(|(file, _)| *file == name)
        {
            Some((_, path)) => assert_eq!(schema_errors, [*path], "{name}"),
            None => assert!(schema_errors.is_empty(), "{name}: {:?}", report.diagnostics),
        }
        if name.ends_with("-good.json") {
            goods += 1;
            // B or better: a good example may still lack context its scenario values little
            // (actions for sales_to_success, a promise for bot_to_human), which now costs
            // (docs/scoring.md).
            let score = report.score.unwrap();
            assert!(score.value >= 80, "{name} scores {}", score.value);
        }
    }
    assert_eq!(goods, 8);
}
