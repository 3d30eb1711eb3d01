use super::*;
use crate::diagnostic::Severity;
use serde_json::json;

fn validator(schema: Value) -> Validator {
    Validator::new(&schema, SchemaStore::builtin()).expect("schema compiles")
}

fn codes_and_paths(diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.path.clone()))
        .collect()
}

fn owner_schema() -> Value {
    json!({
        "type": "object",
        "required": ["owner"],
        "properties": {
            "owner": {
                "title": "Owner",
                "description": "who owns this case after the handoff — a named person, not a team. The receiving team needs one person to ask.",
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"title": "Owner's name", "type": "string", "minLength": 2},
                    "email": {"title": "Owner's email", "type": "string", "format": "email"}
                }
            },
            "sentiment": {"title": "Customer sentiment", "enum": ["calm", "angry"]},
            "at": {"title": "Handoff time", "type": "string", "format": "date-time"}
        }
    })
}

#[test]
fn missing_property_points_at_itself_and_speaks_plainly() {
    let d = validator(owner_schema()).validate(&json!({})).unwrap();
    assert_eq!(
        codes_and_paths(&d),
        [("schema/required".into(), "/owner".into())]
    );
    assert_eq!(
        d[0].message,
        "Add who owns this case after the handoff — a named person, not a team."
    );
    assert_eq!(
        d[0].hint.as_deref(),
        Some("The receiving team needs one person to ask.")
    );
    assert_eq!(d[0].severity, Severity::Error);
}

#[test]
fn missing_property_without_description_uses_its_title() {
    let d = validator(owner_schema())
        .validate(&json!({"owner": {}}))
        .unwrap();
    assert_eq!(
        codes_and_paths(&d),
        [("schema/required".into(), "/owner/name".into())]
    );
    assert_eq!(d[0].message, "Owner's name is missing.");
}

#[test]
fn each_kind_of_problem_has_its_code_and_path() {
    let packet = json!({
        "owner": {"name": "D", "email": "not-an-email"},
        "sentiment": "furious",
        "at": "yesterday 3pm"
    });
    let d = validator(owner_schema()).validate(&packet).unwrap();
    let mut got = codes_and_paths(&d);
    got.sort();
    assert_eq!(
        got,
        [
            ("schema/enum".into(), "/sentiment".into()),
            ("schema/format".into(), "/at".into()),
            ("schema/format".into(), "/owner/email".into()),
            ("schema/min-length".into(), "/owner/name".into()),
        ]
    );
    let sentiment = d.iter().find(|d| d.path == "/sentiment").unwrap();
    assert_eq!(
        sentiment.message,
        "Customer sentiment must be one of \"calm\", \"angry\" — not \"furious\"."
    );
    let at = d.iter().find(|d| d.path == "/at").unwrap();
    assert!(
        at.message.contains("not a valid date and time"),
        "{}",
        at.message
    );
    assert!(at.hint.as_deref().unwrap().contains("2026-11-21T14:30:00Z"));
}

#[test]
fn valid_documents_have_no_diagnostics() {
    let v = validator(owner_schema());
    let ok = json!({"owner": {"name": "Dana Kim", "email": "dana@example.com"}, "at": "2026-11-21T14:30:00Z"});
    assert!(v.is_valid(&ok).unwrap());
    assert!(v.validate(&ok).unwrap().is_empty());
}

#[test]
fn one_of_collapses_to_the_nearest_branch() {
    let schema = json!({
        "properties": {"contact": {"oneOf": [
            {"type": "object", "required": ["email"], "properties": {"email": {"type": "string", "format": "email"}}},
            {"type": "object", "required": ["phone"], "properties": {"phone": {"type": "string", "minLength": 6}}}
        ]}}
    });
    // Nearly the email form: one problem in that branch, so only that problem is reported.
    let d = validator(schema.clone())
        .validate(&json!({"contact": {"email": "nope"}}))
        .unwrap();
    assert_eq!(
        codes_and_paths(&d),
        [("schema/format".into(), "/contact/email".into())]
    );
    // No branch even has the right kind of value: one diagnostic saying what would fit.
    let d = validator(schema).validate(&json!({"contact": 42})).unwrap();
    assert_eq!(
        codes_and_paths(&d),
        [("schema/any-of".into(), "/contact".into())]
    );
    assert_eq!(
        d[0].message,
        "Contact should be a group of fields — not 42."
    );
}

#[test]
fn additional_properties_name_each_unknown_field() {
    let schema = json!({"properties": {"owner": {}}, "additionalProperties": false});
    let d = validator(schema)
        .validate(&json!({"ownr": 1, "a/b": 2}))
        .unwrap();
    let mut got = codes_and_paths(&d);
    got.sort();
    assert_eq!(
        got,
        [
            ("schema/unknown-field".into(), "/a~1b".into()),
            ("schema/unknown-field".into(), "/ownr".into())
        ]
    );
}

#[test]
fn array_entries_are_labelled_by_position() {
    let schema = json!({"properties": {"steps": {"title": "Next steps", "type": "array", "items": {"type": "string"}}}});
    let d = validator(schema)
        .validate(&json!({"steps": ["ok", 3]}))
        .unwrap();
    assert_eq!(d[0].path, "/steps/1");
    assert_eq!(
        d[0].message,
        "Entry 2 of next steps should be text, not a number."
    );
}

#[test]
fn invalid_regex_is_a_schema_error() {
    let err = Validator::new(&json!({"pattern": "(unclosed"}), SchemaStore::builtin()).unwrap_err();
    assert_eq!(err.kind, "schema");
}

#[test]
fn unknown_and_remote_refs_are_refused_without_network() {
    for reference in [
        "https://example.com/other.json",
        "urn:nowhere",
        "other.json",
    ] {
        let err = Validator::new(&json!({"$ref": reference}), SchemaStore::builtin()).unwrap_err();
        assert_eq!(err.kind, "schema", "{reference}");
        assert!(
            err.message.contains("cannot be resolved"),
            "{}",
            err.message
        );
    }
}

#[test]
fn not_a_schema_is_an_error() {
    let err = Validator::new(&json!({"type": "nonsense"}), SchemaStore::builtin()).unwrap_err();
    assert_eq!(err.kind, "schema");
    assert!(
        err.message.contains("not valid JSON Schema"),
        "{}",
        err.message
    );
}

#[test]
fn reference_cycles_do_not_hang() {
    let schema = json!({
        "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}},
        "$ref": "#/$defs/a"
    });
    // Either refused at compile time or answered at validation time: never a hang.
    if let Ok(v) = Validator::new(&schema, SchemaStore::builtin()) {
        let _ = v.validate(&json!({"x": 1})).unwrap();
    }
    let recursive = json!({"properties": {"child": {"$ref": "#"}}, "required": ["name"]});
    let v = validator(recursive);
    let d = v
        .validate(&json!({"name": 1, "child": {"child": {}}}))
        .unwrap();
    assert_eq!(
        codes_and_paths(&d),
        [
            ("schema/required".into(), "/child/name".into()),
            ("schema/required".into(), "/child/child/name".into())
        ]
    );
}

#[test]
fn catastrophic_patterns_are_bounded() {
    let v = validator(json!({"properties": {"x": {"type": "string", "pattern": "^(a|aa)+$"}}}));
    let hostile = format!("{}b", "a".repeat(5_000));
    let d = v.validate(&json!({ "x": hostile })).unwrap();
    assert_eq!(d.len(), 1);
    assert!(
        d[0].code == "schema/pattern" || d[0].code == "schema/pattern-too-complex",
        "{}",
        d[0].code
    );
}

#[test]
fn org_schemas_can_ref_each_other_from_memory() {
    let base = json!({"$id": "https://acme.example/base.json", "$defs": {"id": {"type": "string", "minLength": 3}}});
    let key = "https://acme.example/base.json".to_string();
    let store = SchemaStore::builtin()
        .with_documents([(&key, &base)])
        .unwrap();
    let v = Validator::new(
        &json!({"properties": {"ticket": {"$ref": "https://acme.example/base.json#/$defs/id"}}}),
        &store,
    )
    .unwrap();
    assert_eq!(
        v.validate(&json!({"ticket": "x"})).unwrap()[0].code,
        "schema/min-length"
    );
}

#[test]
fn every_rule_code_is_documented_once() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let count = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), count, "a schema code is documented twice");
    for code in codes {
        assert!(code.starts_with("schema/"), "{code}");
    }
}

#[test]
fn required_errors_do_not_copy_the_object_they_are_about() {
    // jsonschema built a deep copy of the object for each missing property; a large note's
    // packet missing a few fields in every list item held most of its memory in those copies
    // (vendor/jsonschema/PATCHED.md, change 3). Each error now carries null, and the
    // diagnostics still name the missing fields.
    let schema = json!({
        "type": "object",
        "required": ["a", "b", "c"],
        "properties": {"items": {"type": "array", "items": {"required": ["x", "y"]}}}
    });
    let v = validator(schema);
    let items: Vec<Value> = (0..50)
        .map(|i| json!({"note": "z".repeat(100), "i": i}))
        .collect();
    let text = json!({"items": items, "big": "w".repeat(10_000)}).to_string();
    let tape = crate::tape::Tape::parse(&text).unwrap();
    let mut required = 0;
    for error in v.compiled.iter_errors(tape.root()) {
        if matches!(
            error.kind(),
            jsonschema::error::ValidationErrorKind::Required { .. }
        ) {
            assert_eq!(error.instance().as_ref(), &Value::Null);
            required += 1;
        }
    }
    assert_eq!(required, 3 + 50 * 2);
    let d = v.validate_node(tape.root());
    assert_eq!(d.len(), 3 + 50 * 2);
    assert_eq!(d[0].path, "/a");
    assert!(d.iter().any(|d| d.path == "/items/49/y"));
}

#[test]
fn type_errors_do_not_copy_the_wrong_typed_value() {
    // A list of 50,000 objects where a text belongs was copied into the `type` error of each
    // schema checking it: a 1.4 MB packet cost 311 MB and 1.3 s natively, 4.6 s through npm
    // (found by the fuzzer; vendor/jsonschema/PATCHED.md, change 6). A list or an object now
    // travels empty, a scalar as it is, and the messages still say what was found.
    let schema = json!({
        "properties": {
            "summary": {"type": "string"},
            "count": {"type": "integer"},
            "owner": {"type": ["string", "null"]}
        }
    });
    let v = validator(schema);
    let items: Vec<Value> = (0..1_000).map(|i| json!({"i": i, "t": "x"})).collect();
    let text = json!({"summary": items, "count": "seven", "owner": {"name": "Ann"}}).to_string();
    let tape = crate::tape::Tape::parse(&text).unwrap();
    let mut seen = Vec::new();
    for error in v.compiled.iter_errors(tape.root()) {
        seen.push((
            error.instance_path().as_str().to_string(),
            error.instance().as_ref().clone(),
        ));
    }
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        seen,
        vec![
            ("/count".to_string(), json!("seven")),
            ("/owner".to_string(), json!({})),
            ("/summary".to_string(), json!([])),
        ]
    );
    let d = v.validate_node(tape.root());
    let summary = d.iter().find(|d| d.path == "/summary").unwrap();
    assert!(summary.message.contains("a list"), "{}", summary.message);
    let owner = d.iter().find(|d| d.path == "/owner").unwrap();
    assert!(
        owner.message.contains("a group of fields"),
        "{}",
        owner.message
    );
}

#[test]
fn not_errors_keep_the_outline_of_their_subschema_not_a_copy() {
    // Each `not` kept a full copy of its subschema for its error, so n nested `not`s around a
    // large subschema held n copies: a 120-deep chain around an enum of 190,000 values took
    // 1.2 s and 750 MB to compile (vendor/jsonschema/PATCHED.md, change 4). The error now
    // holds the subschema's first level only, and the diagnostic is unchanged.
    let options: Vec<Value> = (0..1_000).map(Value::from).collect();
    let mut schema = json!({"enum": options});
    for _ in 0..3 {
        schema = json!({"not": schema, "title": "Reference"});
    }
    let v = validator(schema);
    let tape = crate::tape::Tape::parse("999").unwrap();
    let errors: Vec<_> = v.compiled.iter_errors(tape.root()).collect();
    assert_eq!(errors.len(), 1);
    match errors[0].kind() {
        jsonschema::error::ValidationErrorKind::Not { schema } => {
            assert_eq!(schema, &json!({"not": {}, "title": "Reference"}));
        }
        other => panic!("{other:?}"),
    }
    let d = v.validate_node(tape.root());
    assert_eq!(
        codes_and_paths(&d),
        [("schema/not".to_string(), String::new())]
    );
}

#[test]
fn enum_of_many_options_finds_equal_values_by_hash() {
    // An enum of more than eight options is looked up by a hash that agrees with JSON Schema
    // equality (vendor/jsonschema/PATCHED.md, change 7): an array of n items against an enum of
    // m objects compared every item with every option (1,600 options × 16,000 items: 2–4 s,
    // found by the fuzzer). The verdicts must be those of plain equality.
    let mut options: Vec<Value> = (0..40)
        .map(|i| json!({"id": i, "tags": ["a", i], "nested": {"x": null, "y": true}}))
        .collect();
    options.extend([
        json!(1),
        json!("one"),
        json!(null),
        json!(false),
        json!([1, 2]),
    ]);
    let v = validator(json!({"items": {"enum": options}}));
    let cases = [
        (
            json!([{"nested": {"y": true, "x": null}, "tags": ["a", 7], "id": 7}]),
            true,
        ),
        (
            json!([{"id": 7.0, "tags": ["a", 7.0], "nested": {"x": null, "y": true}}]),
            true,
        ),
        (
            json!([{"id": 7, "tags": [7, "a"], "nested": {"x": null, "y": true}}]),
            false,
        ),
        (
            json!([{"id": 7, "tags": ["a", 7], "nested": {"x": null}}]),
            false,
        ),
        (
            json!([{"id": 7, "tags": ["a", 7], "nested": {"x": null, "y": true}, "z": 1}]),
            false,
        ),
        (json!([1.0, "one", null, false, [1, 2.0]]), true),
        (json!([true]), false),
        (json!([0]), false),
        (json!([[2, 1]]), false),
        (json!(["One"]), false),
    ];
    for (instance, expected) in cases {
        assert_eq!(v.is_valid(&instance).unwrap(), expected, "{instance}");
        let text = instance.to_string();
        let tape = crate::tape::Tape::parse(&text).unwrap();
        assert_eq!(
            v.is_valid_node(tape.root()),
            expected,
            "{instance} on the tape"
        );
    }
    // Many items against many options: each item is one lookup.
    let items: Vec<Value> = (0..4_000).map(|i| options[i % 40].clone()).collect();
    let text = Value::Array(items).to_string();
    let tape = crate::tape::Tape::parse(&text).unwrap();
    assert!(v.is_valid_node(tape.root()));
}

#[test]
fn error_instances_carry_an_outline_not_a_copy_of_the_value() {
    // Every error jsonschema built copied the value it is about: an `additionalProperties`
    // error on a packet copied the packet, so a 4 MiB packet with one unknown field of 150,000
    // small objects cost 200 MB of wasm memory and a second through npm (the corpus's
    // packet/ceiling-type-error-copies-a-wrong-typed-value-4mib). A tape's errors now carry an
    // outline (src/tape/json.rs, `lazy_value`): a scalar as it is, a list as that many nulls,
    // an object empty. The messages read no more than that.
    let schema = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "steps": {"type": "array", "minItems": 5},
            "level": {"enum": ["low", "high"]},
            "sub": {"type": "object", "maxProperties": 1}
        }
    });
    let v = validator(schema);
    let items: Vec<Value> = (0..1_000).map(|i| json!({"a": {"b": [i, "é"]}})).collect();
    let text = json!({
        "steps": [{"x": 1}, {"x": 2}],
        "level": "urgent",
        "sub": {"p": items.clone(), "q": 1},
        "extra": items
    })
    .to_string();
    let tape = crate::tape::Tape::parse(&text).unwrap();
    let mut seen: Vec<(String, Value)> = v
        .compiled
        .iter_errors(tape.root())
        .map(|e| {
            (
                e.instance_path().as_str().to_string(),
                e.instance().as_ref().clone(),
            )
        })
        .collect();
    seen.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        seen,
        vec![
            ("".to_string(), json!({})),
            ("/level".to_string(), json!("urgent")),
            ("/steps".to_string(), json!([null, null])),
            ("/sub".to_string(), json!({})),
        ]
    );
    let messages: Vec<String> = v
        .validate_node(tape.root())
        .into_iter()
        .map(|d| format!("{} {}", d.path, d.message))
        .collect();
    assert!(messages.iter().any(|m| m.starts_with("/extra ") && m.contains("\u{201c}extra\u{201d} is not a field")), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("/level ") && m.contains("not \"urgent\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("/steps ") && m.contains("(it has 2)")),
        "{messages:?}"
    );
}
