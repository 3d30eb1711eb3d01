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
/// `[valid, [[code, severity, path, message, hint, source, (start, end)], …], score, sla]`.
#[wasm_bindgen_test]
fn a_good_packet_gives_a_valid_report() {
    let kit = RawKit::new(None).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&kit.check(GOOD.as_bytes(), None).unwrap()).unwrap();
    assert_eq!(report[0], true);
    assert_eq!(report[1].as_array().unwrap().len(), 0);
    assert!(report[2][0].as_u64().unwrap() >= 80, "score {}", report[2]);
    assert_eq!(report[2][2].as_array().unwrap().len(), 12);
    assert!(report[3]["deadline"].is_string());
}

#[wasm_bindgen_test]
fn a_bad_packet_gives_its_diagnostics_in_the_wire_form() {
    let kit = RawKit::new(None).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&kit.check(MISSING_OWNER.as_bytes(), None).unwrap()).unwrap();
    assert_eq!(report[0], false);
    let first = &report[1][0];
    assert_eq!(first[0], "schema/required");
    assert_eq!(first[1], 0, "severity 0 is error");
    assert_eq!(first[2], "/owner");
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
    let kit = RawKit::new(None).unwrap();
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
