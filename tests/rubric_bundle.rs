//! The bundle's `rubric` and `vocabulary` sections: their meta-schemas
//! (`schemas/bundle/{rubric,vocabulary}.schema.json`) are valid 2020-12 schemas whose
//! examples validate, and the kit's own readers accept and refuse the same sections.

use handoff_kit::rubric::Rubric;
use handoff_kit::vocabulary::Vocabulary;
use serde_json::{json, Map, Value};

fn meta_schema(section: &str) -> Value {
    let path = format!(
        "{}/schemas/bundle/{section}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(section: &str, value: &Value) -> Result<(), String> {
    let scenarios = Map::new();
    match section {
        "rubric" => Rubric::from_bundle(value, &scenarios)
            .map(|_| ())
            .map_err(|e| e.message),
        _ => Vocabulary::from_bundle(value, &scenarios)
            .map(|_| ())
            .map_err(|e| e.message),
    }
}

#[test]
fn meta_schemas_are_valid_and_documented() {
    for section in ["rubric", "vocabulary"] {
        let schema = meta_schema(section);
        assert!(
            jsonschema::meta::is_valid(&schema),
            "{section}: not a valid JSON Schema"
        );
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(
            schema["$id"],
            format!("https://handoff-kit.dev/schemas/bundle/{section}.schema.json")
        );
        assert!(schema["title"].is_string() && schema["description"].is_string());
        for (name, property) in schema["properties"].as_object().into_iter().flatten() {
            assert!(
                property["title"].is_string() && property["description"].is_string(),
                "{section}.{name}"
            );
        }
    }
}

#[test]
fn examples_validate_and_are_accepted() {
    for section in ["rubric", "vocabulary"] {
        let schema = meta_schema(section);
        let validator = jsonschema::validator_for(&schema).expect("compiles");
        let examples = schema["examples"].as_array().cloned().unwrap_or_default();
        assert!(!examples.is_empty(), "{section}: no examples");
        for example in &examples {
            assert!(
                validator.is_valid(example),
                "{section}: example does not validate: {example}"
            );
            assert_eq!(read(section, example), Ok(()), "{section}: {example}");
        }
        assert_eq!(
            read(section, &Value::Null),
            Ok(()),
            "{section}: absent section"
        );
    }
}

#[test]
fn bad_sections_are_refused_by_schema_and_reader_alike() {
    let bad = [
        ("rubric", json!("strict")),
        ("rubric", json!({"colour": 1})),
        ("rubric", json!({"weights": {"owner-is-a-team": 10}})),
        ("rubric", json!({"weights": {"completeness": -1}})),
        ("rubric", json!({"weights": {"completeness": 2.5}})),
        ("rubric", json!({"weights": {"completeness": 101}})),
        ("rubric", json!({"thresholds": {"handoff_minutes": 0}})),
        (
            "rubric",
            json!({"thresholds": {"urgent_sentiment": "calm"}}),
        ),
        ("rubric", json!({"thresholds": {"handoff_minute": 30}})),
        ("rubric", json!({"disabled": "late-handoff"})),
        ("rubric", json!({"disabled": ["late-handof"]})),
        ("rubric", json!({"severity": {"wrong-team": "fatal"}})),
        (
            "rubric",
            json!({"completeness": {"billing_to_finance": {"billing": 2}}}),
        ),
        (
            "rubric",
            json!({"completeness": {"Billing": {"/billing/po_number": 2}}}),
        ),
        (
            "rubric",
            json!({"completeness": {"*": {"/policy_refs": 11}}}),
        ),
        ("vocabulary", json!(["AR"])),
        ("vocabulary", json!({"team": {}})),
        ("vocabulary", json!({"teams": {"Finance Team": ["AR"]}})),
        ("vocabulary", json!({"teams": {"finance": "AR"}})),
        ("vocabulary", json!({"teams": {"finance": [3]}})),
        ("vocabulary", json!({"teams": {"finance": ["--"]}})),
    ];
    for (section, value) in bad {
        let validator = jsonschema::validator_for(&meta_schema(section)).expect("compiles");
        assert!(
            !validator.is_valid(&value),
            "{section}: the meta-schema accepts {value}"
        );
        let err = read(section, &value);
        assert!(err.is_err(), "{section}: the reader accepts {value}");
    }
}

#[test]
fn reader_errors_point_inside_the_bundle() {
    let err = Rubric::from_bundle(&json!({"disabled": ["late-handof"]}), &Map::new()).unwrap_err();
    assert_eq!(err.kind, "bundle");
    assert_eq!(err.diagnostics[0].code, "rubric/invalid-setting");
    assert_eq!(err.diagnostics[0].path, "/rubric/disabled/0");
    assert_eq!(
        err.diagnostics[0].message,
        "'late-handof' is not a rubric check. Did you mean 'late-handoff'?"
    );
    let scenarios = json!({"legal_review": {"teams": "legal"}});
    let err = Rubric::from_bundle(&Value::Null, scenarios.as_object().unwrap()).unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/scenarios/legal_review/teams");
}

#[test]
fn bundle_scenario_teams_drive_wrong_team() {
    let scenarios = json!({"legal_review": {"title": "Legal review", "teams": ["legal"]}});
    let scenarios = scenarios.as_object().unwrap();
    let vocabulary =
        Vocabulary::from_bundle(&json!({"teams": {"legal": ["counsel"]}}), scenarios).unwrap();
    let rubric = Rubric::from_bundle(&Value::Null, scenarios)
        .unwrap()
        .with_vocabulary(&vocabulary);
    let ctx = handoff_kit::rubric::ScoreContext::default();
    let to = |team: &str| json!({"handoff": {"scenario": "legal_review", "to": {"team": team}}});
    let wrong = |packet: &Value| {
        rubric
            .score(packet, &ctx)
            .1
            .into_iter()
            .filter(|d| d.code == "rubric/wrong-team")
            .collect::<Vec<_>>()
    };
    assert!(wrong(&to("Counsel")).is_empty());
    let found = wrong(&to("finance"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].message, "A Legal review handoff goes to legal, not 'finance': send it to legal, or pick the scenario that fits the case.");
}

#[test]
fn documented_weights_are_the_builtin_ones() {
    let schema = meta_schema("rubric");
    let described = schema["properties"]["weights"]["description"]
        .as_str()
        .unwrap_or_default();
    let settings = Rubric::builtin();
    for check in &settings.settings().checks {
        let phrase = format!("{} {}", check.id, check.weight);
        assert!(
            described.contains(&phrase),
            "rubric.schema.json does not say '{phrase}'"
        );
    }
    let ids = schema["$defs"]["check_id"]["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let listed: Vec<&str> = ids.iter().filter_map(Value::as_str).collect();
    let registered: Vec<&str> = settings.settings().checks.iter().map(|c| c.id).collect();
    assert_eq!(listed, registered);
}
