//! Tests of the kit: schema diagnostics, shared cores and the bundle cache.

use super::*;
use serde_json::json;

fn schema_paths(kit: &Kit, packet: &str) -> Vec<String> {
    let diagnostics = kit.validate_text(packet).expect("a packet");
    diagnostics
        .into_iter()
        .filter(|d| d.source == Source::Schema && d.code == "schema/type")
        .map(|d| d.path)
        .collect()
}

#[test]
fn schema_diagnostics_follow_the_packet_text() {
    let kit = Kit::builtin().unwrap();
    let urgency_first = r#"{"urgency": 5, "ticket": {"id": 7}}"#;
    let ticket_first = r#"{"ticket": {"id": 7}, "urgency": 5}"#;
    assert_eq!(
        schema_paths(&kit, urgency_first),
        ["/urgency", "/ticket/id"]
    );
    assert_eq!(schema_paths(&kit, ticket_first), ["/ticket/id", "/urgency"]);
}

#[test]
fn text_and_value_give_the_same_report() {
    let kit = Kit::builtin().unwrap();
    let options = CheckOptions {
        now: Some("2026-11-16T10:00:00Z".to_string()),
    };
    for text in crate::example_packets() {
        let value: Value = serde_json::from_str(&text).unwrap();
        let by_text = kit.check_text(&text, &options).unwrap();
        let by_value = kit.check(value, &options).unwrap();
        let sorted = |report: &Report| {
            let mut d: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| format!("{d:?}"))
                .collect();
            d.sort();
            d
        };
        // The same findings; a Value's keys come sorted, so schema findings may be ordered
        // differently.
        assert_eq!(sorted(&by_text), sorted(&by_value));
        assert_eq!(by_text.score, by_value.score);
        assert_eq!(by_text.sla, by_value.sla);
    }
}

#[test]
fn malformed_text_gets_serde_json_line_and_column() {
    let kit = Kit::builtin().unwrap();
    let err = kit
        .check_text(
            "{\n  \"ticket\": {\n    \"id\": 7,\n  }\n}",
            &CheckOptions::default(),
        )
        .unwrap_err();
    assert_eq!(err.kind, "json");
    assert!(
        err.message.contains("(line 4, column 3)"),
        "{}",
        err.message
    );
    let err = kit.validate_text("[1, 2]").unwrap_err();
    assert_eq!(err.kind, "input");
    assert!(err.message.ends_with("not a list."), "{}", err.message);
}

fn reports(kit: &Kit) -> Vec<String> {
    let options = CheckOptions {
        now: Some("2026-11-16T10:00:00Z".to_string()),
    };
    crate::example_packets()
        .iter()
        .map(|text| format!("{:?}", kit.check_text(text, &options).unwrap()))
        .collect()
}

fn acme(scenario_schema: Value) -> Value {
    serde_json::json!({
        "bundle": "acme",
        "version": "1.0.0",
        "schemas": { "https://acme.example/returns.json": scenario_schema },
        "scenarios": { "returns": { "schema": "https://acme.example/returns.json" } }
    })
}

#[test]
fn kits_of_one_bundle_share_a_core_and_give_the_same_reports() {
    let first = Kit::builtin().unwrap();
    let second = Kit::builtin().unwrap();
    assert!(first.shares_core_with(&second));
    // A core of its own, with every validator compiled apart from the shared ones.
    let bundle = Bundle {
        bundle: "built-in".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        ..Bundle::default()
    };
    let alone = Kit {
        core: Arc::new(Core::from_bundle(bundle, None).unwrap()),
    };
    assert!(!alone.shares_core_with(&first));
    assert_eq!(reports(&first), reports(&second));
    assert_eq!(reports(&first), reports(&alone));

    let bundle = acme(serde_json::json!({"type": "object", "required": ["ticket"]}));
    let org = Kit::from_value(&bundle).unwrap();
    let again = Kit::from_json(&bundle.to_string()).unwrap();
    assert!(org.shares_core_with(&again));
    assert!(!org.shares_core_with(&first));
    assert_eq!(reports(&org), reports(&again));
    // The org kit shares the built-in scenario validators, and answers as the built-in
    // kit does for packets of built-in scenarios.
    assert_eq!(reports(&org), reports(&first));
}

#[test]
fn a_broken_org_schema_is_refused_when_the_kit_is_built() {
    let err = Kit::from_value(&acme(serde_json::json!({"type": "nonsense"}))).err();
    let err = err.expect("a scenario schema that is not JSON Schema");
    assert_eq!(err.kind, "bundle");
    assert!(err.message.contains("returns.json"), "{}", err.message);
    assert!(
        err.message.contains("not valid JSON Schema"),
        "{}",
        err.message
    );
    let unresolved = acme(serde_json::json!({"$ref": "https://acme.example/missing.json"}));
    let err = Kit::from_value(&unresolved)
        .err()
        .expect("a $ref to nothing");
    assert!(
        err.message.contains("cannot be resolved"),
        "{}",
        err.message
    );
    // Replacing a built-in schema checks the built-in scenario schemas that `$ref` it.
    let broken_packet = serde_json::json!({
        "bundle": "acme",
        "version": "1.0.0",
        "schemas": { "https://handoff-kit.dev/schemas/packet.schema.json": {"$id": "https://handoff-kit.dev/schemas/packet.schema.json", "minLength": -1} },
    });
    assert!(Kit::from_value(&broken_packet).is_err());
}

#[test]
fn the_bundle_cache_keeps_the_last_few_bundles() {
    let kits: Vec<Kit> = (0..=BUNDLE_CACHE)
        .map(|n| {
            let schema = serde_json::json!({"type": "object", "maxProperties": 100 + n});
            Kit::from_value(&acme(schema)).unwrap()
        })
        .collect();
    let again = |n: usize| {
        let schema = serde_json::json!({"type": "object", "maxProperties": 100 + n});
        Kit::from_value(&acme(schema)).unwrap()
    };
    // Other tests add bundles too, so only the newest is sure to be kept.
    assert!(again(BUNDLE_CACHE).shares_core_with(&kits[BUNDLE_CACHE]));
    assert!(!again(0).shares_core_with(&kits[0]));
}

/// Every value of `value` (by JSON Pointer tokens), parents before children.
fn paths_of(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        at.push(key);
        paths_of(child, at, out);
        at.pop();
    }
}

/// The example packets, and each with one value removed or replaced by a wrong one.
fn packets_and_mutations() -> Vec<String> {
    let mut out = Vec::new();
    for text in crate::example_packets() {
        let packet: Value = serde_json::from_str(&text).unwrap();
        out.push(text);
        let mut paths = Vec::new();
        paths_of(&packet, &mut Vec::new(), &mut paths);
        for path in paths.iter().filter(|p| !p.is_empty()) {
            let pointer: String = path.iter().map(|t| format!("/{t}")).collect();
            let (parent, last) = pointer.rsplit_once('/').unwrap();
            let mut removed = packet.clone();
            match removed.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(last);
                }
                Some(Value::Array(items)) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => unreachable!(),
            }
            out.push(removed.to_string());
            for wrong in [
                json!(5),
                json!(""),
                json!("next Tuesday"),
                json!(null),
                json!([]),
            ] {
                let mut changed = packet.clone();
                *changed.pointer_mut(&pointer).unwrap() = wrong;
                out.push(changed.to_string());
            }
        }
    }
    out
}

#[test]
fn the_schema_fast_path_answers_as_the_full_walk() {
    use crate::tape::Tape;
    let acme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bundles/acme.bundle.json"),
    )
    .unwrap();
    let packets = packets_and_mutations();
    let (mut valid, mut invalid) = (0, 0);
    for kit in [Kit::builtin().unwrap(), Kit::from_json(&acme).unwrap()] {
        let mut validators = vec![kit.core.packet.get().unwrap()];
        validators.extend(
            kit.core
                .scenarios
                .values()
                .map(|s| s.validator.get().unwrap()),
        );
        for text in &packets {
            let tape = Tape::parse(text).unwrap();
            for validator in &validators {
                let walked = validator.validate_node_walk(tape.root());
                assert_eq!(
                    validator.is_valid_node(tape.root()),
                    walked.is_empty(),
                    "{text}"
                );
                assert_eq!(validator.validate_node(tape.root()), walked, "{text}");
                if walked.is_empty() {
                    valid += 1;
                } else {
                    invalid += 1;
                }
            }
        }
    }
    assert!(
        valid > 100 && invalid > 1000,
        "{valid} valid, {invalid} invalid"
    );
}
