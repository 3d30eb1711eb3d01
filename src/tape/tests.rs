use super::*;
use serde_json::json;

/// serde_json and the tape agree on `text`: both refuse it, or both read the same value
/// (compared as printed too, which tells -0.0 from 0 and keeps key order).
fn agree(text: &str) {
    let serde = serde_json::from_str::<Value>(text);
    match (serde, Tape::parse(text)) {
        (Ok(expected), Ok(tape)) => {
            let got = tape.to_value();
            assert_eq!(got, expected, "{text:?}");
            assert_eq!(got.to_string(), expected.to_string(), "{text:?}");
            assert_eq!(tape.after(0), tape.entries.len(), "{text:?}");
        }
        (Err(_), Err(_)) => {}
        (Ok(expected), Err(e)) => {
            panic!("the tape refused {text:?} ({e:?}); serde: {expected}")
        }
        (Err(e), Ok(tape)) => {
            panic!("the tape read {text:?} as {}; serde: {e}", tape.to_value())
        }
    }
}

#[test]
fn reads_the_examples_as_serde_json_does() {
    for text in crate::example_packets() {
        assert!(Tape::parse(&text).is_ok());
        agree(&text);
    }
}

#[test]
fn agrees_with_serde_json_on_edge_cases() {
    let long_nesting_ok = "[".repeat(127) + &"]".repeat(127);
    let long_nesting_bad = "[".repeat(128) + &"]".repeat(128);
    let cases = [
        "",
        " ",
        "null",
        "true",
        "false",
        "nul",
        "tru",
        "falsey",
        "0",
        "-0",
        "-0.0",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "1E-2",
        "-",
        "--1",
        "+1",
        "1.5e308",
        "1e309",
        "-1e309",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "0.1",
        "2.5e-324",
        "4.9e-324",
        "1.7976931348623157e308",
        r#""""#,
        r#""a"#,
        r#""\""#,
        r#""\u00e9""#,
        r#""\ud83e\udd80""#,
        r#""\ud83e""#,
        r#""\udd80""#,
        r#""\ud83ex""#,
        r#""\u12""#,
        r#""\uZZZZ""#,
        r#""\x""#,
        "\"a\tb\"",
        "\"é🦀\"",
        r#""\/\b\f\n\r\t\\""#,
        "[]",
        "{}",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1}x",
        " {\"a\" : [ 1 , {\"b\":null} ] } ",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{\"a\":{\"x\":1},\"a\":[2]}",
        "{\"a\\u0062\":1,\"ab\":2}",
        "[\"a\"\"b\"]",
        "\u{feff}1",
        "1 ",
        "\n\r\t1",
        "[1]]",
        "{\"a\":}",
        &long_nesting_ok,
        &long_nesting_bad,
    ];
    for case in cases {
        agree(case);
    }
}

/// The root object of `text` reads as serde_json's: as many members, each key's value the
/// last one written (which `agree` alone does not see: collecting every member into a map
/// also keeps the last).
fn agree_on_members(text: &str) {
    agree(text);
    let Ok(Value::Object(expected)) = serde_json::from_str::<Value>(text) else {
        panic!("not an object: {text:.80}");
    };
    let tape = Tape::parse(text).unwrap();
    let root = tape.root();
    assert_eq!(root.object_len(), expected.len(), "{text:.80}");
    assert_eq!(root.members().count(), expected.len(), "{text:.80}");
    for (key, value) in &expected {
        assert_eq!(
            root.get(key).map(|v| v.to_value()).as_ref(),
            Some(value),
            "{key}"
        );
    }
}

#[test]
fn repeated_keys_in_objects_of_any_size_read_as_serde_json_does() {
    // Sizes on both sides of the pairwise/hash-set switch; keys alike in their first bytes
    // and their length, which a fingerprint cannot tell apart; a repeat first, in the middle
    // and last; a key written with an escape repeating one written without.
    for size in [2, 15, 16, 17, 18, 100, 1000] {
        let keys: Vec<String> = (0..size).map(|i| format!("reference_{i:06}")).collect();
        let write = |keys: &[String]| {
            let members: Vec<String> = keys
                .iter()
                .enumerate()
                .map(|(i, key)| format!("\"{key}\":{i}"))
                .collect();
            format!("{{{}}}", members.join(","))
        };
        agree_on_members(&write(&keys));
        for repeat in [0, size / 2, size - 1] {
            for at in [0, size / 2, size] {
                let mut with = keys.clone();
                with.insert(at, keys[repeat].clone());
                agree_on_members(&write(&with));
            }
        }
        let mut escaped = keys.clone();
        escaped.push(keys[size / 2].replacen('r', "\\u0072", 1));
        agree_on_members(&write(&escaped));
    }
}

#[test]
fn members_of_an_object_that_repeats_many_keys_are_the_last_of_each_name_in_order() {
    // Keys repeated in every pattern at once (each name 1 to 4 times, spread out), nested
    // objects with repeats of their own as values: members, get and object_len against the
    // brute-force answer (a member is kept when no later member has its key).
    let names: Vec<String> = (0..700)
        .map(|i| format!("k{}", (i * 7919 + i / 3) % 300))
        .collect();
    let members: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, key)| format!("\"{key}\":{{\"v\":{i},\"v\":{}}}", i + 1))
        .collect();
    let text = format!("{{{}}}", members.join(","));
    let expected: Vec<(&str, usize)> = names
        .iter()
        .enumerate()
        .filter(|(i, key)| !names[i + 1..].contains(key))
        .map(|(i, key)| (key.as_str(), i + 1))
        .collect();
    assert!(expected.len() < names.len() && expected.len() > 100);
    let tape = Tape::parse(&text).unwrap();
    let root = tape.root();
    let got: Vec<(&str, usize)> = root
        .members()
        .map(|(key, value)| {
            (
                key,
                value.get("v").unwrap().as_number().unwrap().as_f64() as usize,
            )
        })
        .collect();
    assert_eq!(got, expected);
    assert_eq!(root.object_len(), expected.len());
    for (key, v) in expected {
        let value = root.get(key).unwrap();
        assert_eq!(value.object_len(), 1);
        assert_eq!(
            value.get("v").unwrap().as_number().unwrap().as_f64() as usize,
            v
        );
    }
    agree_on_members(&text);
}

#[test]
fn agrees_with_serde_json_on_mutated_packets() {
    // Deterministic mutations of an example packet: every byte replaced, dropped or doubled
    // in turn, plus swaps with the characters JSON cares about.
    let text = &crate::example_packets()[0];
    let bytes = text.as_bytes();
    let specials = b"\"\\{}[]:,0-.eE \x01";
    let mut tried = 0;
    for i in 0..bytes.len() {
        let mut variants = vec![
            [&bytes[..i], &bytes[i + 1..]].concat(),
            [&bytes[..=i], &bytes[i..]].concat(),
        ];
        let special = specials[i % specials.len()];
        variants.push([&bytes[..i], &[special], &bytes[i + 1..]].concat());
        for variant in variants {
            if let Ok(variant) = std::str::from_utf8(&variant) {
                agree(variant);
                tried += 1;
            }
        }
    }
    assert!(tried > 3 * 1000, "{tried}");
}

#[test]
fn reads_fields_as_a_value_does() {
    let text = r#"{"b":[1,-2,2.5,"x\n"],"a":{"c":true,"d":null},"b":{"z":1}}"#;
    let tape = Tape::parse(text).unwrap();
    let root = tape.root();
    assert_eq!(root.object_len(), 2);
    let keys: Vec<_> = root.members().map(|(k, _)| k).collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(root.get("b").unwrap().to_value(), json!({"z": 1}));
    assert_eq!(
        root.get("a").unwrap().get("c").unwrap().as_bool(),
        Some(true)
    );
    assert!(root.get("a").unwrap().get("d").unwrap().is_null());
    assert!(root.get("missing").is_none());
    let list = Tape::parse(r#"[1,-2,2.5,"x\n",[3]]"#).unwrap();
    let items: Vec<_> = list.root().elements().map(|e| e.to_value()).collect();
    assert_eq!(
        items,
        [json!(1), json!(-2), json!(2.5), json!("x\n"), json!([3])]
    );
    assert_eq!(list.root().array_len(), 5);
    assert_eq!(list.root().elements().nth(3).unwrap().as_str(), Some("x\n"));
}

#[test]
fn replaced_strings_read_back() {
    let text = r#"{"team":"AR","other":"\u0041R"}"#;
    let mut tape = Tape::parse(text).unwrap();
    let (team, other) = {
        let root = tape.root();
        (
            root.get("team").unwrap().index(),
            root.get("other").unwrap().index(),
        )
    };
    tape.replace_string(team, "finance");
    tape.replace_string(other, "support");
    assert_eq!(
        tape.to_value(),
        json!({"team": "finance", "other": "support"})
    );
}

#[test]
fn jsonschema_validates_a_tape_as_it_does_a_value() {
    let schema = json!({
        "type": "object",
        "required": ["name", "tags"],
        "properties": {
            "name": {"type": "string", "minLength": 2, "maxLength": 3},
            "count": {"type": "integer", "minimum": 0},
            "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "uniqueItems": true}
        },
        "additionalProperties": false,
        "propertyNames": {"pattern": "^[a-z]+$"}
    });
    let by_value = jsonschema::options().build(&schema).unwrap();
    let by_tape = jsonschema::options_for::<TapeJson>()
        .build(&schema)
        .unwrap();
    let cases = [
        r#"{"name":"ab","tags":["a"]}"#,
        r#"{"name":"🦀🦀🦀","tags":[]}"#,
        r#"{"name":"🦀🦀🦀🦀","tags":["a","a"],"count":1.0}"#,
        r#"{"name":"a","tags":["c"],"count":-1,"Extra":1}"#,
        r#"{"tags":"x","count":2.5}"#,
        r#"[1]"#,
    ];
    for text in cases {
        let value: Value = serde_json::from_str(text).unwrap();
        let tape = Tape::parse(text).unwrap();
        assert_eq!(
            by_value.is_valid(&value),
            by_tape.is_valid(tape.root()),
            "{text}"
        );
        // By kind, not by message: jsonschema's messages print the instance, which a tape's
        // errors carry only in outline (src/tape/json.rs, `lazy_value`).
        let describe = |e: jsonschema::ValidationError<'_>| {
            (
                e.instance_path().as_str().to_owned(),
                format!("{:?}", e.kind()),
            )
        };
        let mut expected: Vec<_> = by_value.iter_errors(&value).map(describe).collect();
        let mut got: Vec<_> = by_tape.iter_errors(tape.root()).map(describe).collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{text}");
    }
}

#[test]
fn a_number_read_of_an_escaped_string_after_multibyte_text_does_not_panic() {
    // An escaped string's entry holds a range of the parser's own buffer, not of the text;
    // reading it as a number once sliced the text there, mid-character when a key before it
    // had an `é`. Each padding moves that range by one byte.
    for padding in 0..8 {
        let escapes = "\\n".repeat(padding);
        let text = format!(r#"{{"ééé": "{escapes}", "affected_users": "x\ny", "n": 1}}"#);
        let tape = Tape::parse(&text).unwrap();
        assert!(tape
            .root()
            .get("affected_users")
            .unwrap()
            .as_number()
            .is_none());
        let n = tape.root().get("n").unwrap().as_number().unwrap();
        assert_eq!(n.as_f64(), 1.0);
    }
}

#[test]
fn a_check_of_a_string_where_a_number_belongs_after_multibyte_text_does_not_panic() {
    let kit = crate::Kit::builtin().unwrap();
    for padding in 0..8 {
        let escapes = "\\n".repeat(padding);
        let packet = format!(
            r#"{{"summary": "Café é {escapes}", "handoff": {{"scenario": "support_to_engineering"}},
                "engineering": {{"affected_users": "x\ny"}}}}"#
        );
        let report = kit
            .check_text(&packet, &crate::CheckOptions::default())
            .unwrap();
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.path == "/engineering/affected_users" && d.code == "schema/type"));
    }
}

#[test]
fn enum_and_const_compare_a_tape_as_they_compare_its_value() {
    // Every pair from a list of values alike in ways JSON Schema equality tells apart or not
    // (numbers by value, objects by members whatever their order, repeated keys by the last).
    let texts = [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "0.0",
        "1",
        "1.0",
        "1e0",
        "-1",
        "-1.0",
        "2.5",
        "18446744073709551615",
        "1.8446744073709552e19",
        "-9223372036854775808",
        "\"1\"",
        "\"a\"",
        "\"\\u0061\"",
        "\"é\"",
        "[]",
        "[1]",
        "[1.0]",
        "[1,2]",
        "[2,1]",
        "[[1]]",
        "{}",
        r#"{"a":1}"#,
        r#"{"a":1.0}"#,
        r#"{"a":1,"b":2}"#,
        r#"{"b":2,"a":1}"#,
        r#"{"a":0,"b":2,"a":1}"#,
        r#"{"a":1,"a":1}"#,
        r#"{"a":[1,{"b":null}]}"#,
        r#"{"a":[1,{"b":false}]}"#,
        r#"{"a\u0062":1}"#,
        r#"{"ab":1}"#,
    ];
    for left in texts {
        let tape = Tape::parse(left).unwrap();
        for right in texts {
            let expected: Value = serde_json::from_str(right).unwrap();
            assert_eq!(
                tape.root().equals_value(&expected),
                jsonschema::json::cmp::equal(&tape.to_value(), &expected),
                "{left} vs {right}"
            );
        }
    }
    // And through a schema: an enum of objects, one of them the packet.
    let packet = &crate::example_packets()[0];
    let value: Value = serde_json::from_str(packet).unwrap();
    let schema = json!({"enum": [{"a": 1}, value, [value]]});
    let validator = jsonschema::options_for::<TapeJson>()
        .build(&schema)
        .unwrap();
    assert!(validator.is_valid(Tape::parse(packet).unwrap().root()));
    let changed = packet.replacen(':', ": 1, \"x\":", 1);
    assert!(!validator.is_valid(Tape::parse(&changed).unwrap().root()));
}

#[test]
fn bytes_equal_agrees_with_slice_equality() {
    let texts: Vec<Vec<u8>> = (0..80)
        .flat_map(|n| {
            let base: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            let mut variants = vec![base.clone()];
            for at in 0..n {
                let mut changed = base.clone();
                changed[at] ^= 1;
                variants.push(changed);
            }
            variants
        })
        .collect();
    for a in &texts {
        for b in texts.iter().filter(|b| b.len().abs_diff(a.len()) <= 1) {
            assert_eq!(super::bytes_equal(a, b), a == b, "{a:?} {b:?}");
        }
    }
}
