//! The wasm facade, in Node and in headless Chromium (`make test-wasm`). The logic is tested
//! natively; these tests prove only that values and errors cross the boundary intact.
#![cfg(target_arch = "wasm32")]

use handoff_kit::wasm::{RawKit, RawValidator};
use wasm_bindgen_test::wasm_bindgen_test;

const GOOD: &str = include_str!("../examples/packets/billing_to_finance-good.json");
const MISSING_OWNER: &str = include_str!("../examples/packets/missing-owner.json");

fn error_json(err: wasm_bindgen::JsValue) -> serde_json::Value {
    let text = err.as_string().expect("errors cross as JSON text");
    serde_json::from_str(&text).expect("error text is JSON")
}

/// Reports cross in the wire form of `json_text::report_wire`:
/// `[news, valid, [[code#, severity, path#, message#, hint#, source, (start, end)], …], score,
/// sla]`, where `#` numbers a text in the kit's table, which `news` extends.
#[wasm_bindgen_test]
fn a_good_packet_gives_a_valid_report() {
    let mut kit = RawKit::new(None).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&kit.check(GOOD.as_bytes(), None).unwrap()).unwrap();
    let news = report[0].as_array().unwrap();
    assert_eq!(report[1], true);
    assert_eq!(report[2].as_array().unwrap().len(), 0);
    let score = &report[3];
    assert!(score[0].as_u64().unwrap() >= 80, "score {score}");
    // Twelve checks of [id#, passed, points, max_points]; the first is completeness.
    assert_eq!(score[2].as_array().unwrap().len(), 12 * 4);
    assert_eq!(news[score[2][0].as_u64().unwrap() as usize], "completeness");
    assert!(report[4][6].as_str().unwrap().starts_with("20"), "deadline");
    // The same packet again: every text is already numbered.
    let again: serde_json::Value =
        serde_json::from_str(&kit.check(GOOD.as_bytes(), None).unwrap()).unwrap();
    assert_eq!(again[0].as_array().unwrap().len(), 0);
    assert_eq!(again[3], report[3]);
}

#[wasm_bindgen_test]
fn a_bad_packet_gives_its_diagnostics_in_the_wire_form() {
    let mut kit = RawKit::new(None).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&kit.check(MISSING_OWNER.as_bytes(), None).unwrap()).unwrap();
    let text = |v: &serde_json::Value| report[0][v.as_u64().unwrap() as usize].clone();
    assert_eq!(report[1], false);
    let first = &report[2][0];
    assert_eq!(text(&first[0]), "schema/required");
    assert_eq!(first[1], 0, "severity 0 is error");
    assert_eq!(text(&first[2]), "/owner");
    assert_eq!(first[5], 0, "source 0 is schema");
}

#[wasm_bindgen_test]
fn diagnostics_cross_with_code_and_path() {
    let kit = RawKit::new(None).unwrap();
    let diagnostics: serde_json::Value =
        serde_json::from_str(&kit.validate(MISSING_OWNER.as_bytes()).unwrap()).unwrap();
    assert_eq!(diagnostics[0]["code"], "schema/required");
    assert_eq!(diagnostics[0]["path"], "/owner");
}

#[wasm_bindgen_test]
fn malformed_json_is_a_described_error_and_the_kit_still_works() {
    let mut kit = RawKit::new(None).unwrap();
    let err = error_json(kit.check(b"{\"ticket\": ", None).unwrap_err());
    assert_eq!(err["kind"], "json");
    assert!(err["message"].as_str().unwrap().contains("line 1"));
    assert!(kit.check(GOOD.as_bytes(), None).is_ok());
}

#[wasm_bindgen_test]
fn deep_nesting_is_refused_not_a_crash() {
    let kit = RawKit::new(None).unwrap();
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let err = error_json(kit.validate(deep.as_bytes()).unwrap_err());
    assert_eq!(err["kind"], "json");
    assert!(kit.validate(GOOD.as_bytes()).is_ok());
}

#[wasm_bindgen_test]
fn validator_reports_and_refuses_remote_refs() {
    let v = RawValidator::new(r#"{"type":"object","required":["a"]}"#, None, true).unwrap();
    assert!(!v.is_valid(b"{}").unwrap());
    assert!(v.is_valid(br#"{"a":1}"#).unwrap());
    let Err(err) = RawValidator::new(r#"{"$ref":"https://example.com/x.json"}"#, None, true) else {
        panic!("a remote $ref must be refused");
    };
    assert_eq!(error_json(err)["kind"], "schema");
}

#[wasm_bindgen_test]
fn a_bad_bundle_is_refused_with_diagnostics() {
    let Err(err) = RawKit::new(Some(r#"{"bundle": "acme"}"#.to_string())) else {
        panic!("a bundle without a version must be refused");
    };
    let err = error_json(err);
    assert_eq!(err["kind"], "bundle");
    assert_eq!(err["diagnostics"][0]["path"], "/version");
}
