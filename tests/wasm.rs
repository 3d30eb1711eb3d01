//! The wasm facade, in Node and in headless Chromium (`make test-wasm`). The logic is tested
//! natively; these tests prove only that values and errors cross the boundary intact.
#![cfg(target_arch = "wasm32")]

use handoff_kit::wasm::{live_core_objects, RawKit, RawValidator};
use wasm_bindgen_test::wasm_bindgen_test;

const GOOD: &str = include_str!("../examples/packets/billing_to_finance-good.json");
const MISSING_OWNER: &str = include_str!("../examples/packets/missing-owner.json");

fn error_json(err: wasm_bindgen::JsValue) -> serde_json::Value {
    let text = err.as_string().expect("errors cross as JSON text");
    serde_json::from_str(&text).expect("error text is JSON")
}

/// Reads the wire form of `json_text::report_wire` (UTF-16 code units: numbers in 14-bit
/// digits, texts length-prefixed, `#` a number into the kit's table that the news extend), as
/// `fromWire` in api.js does; enough of it for these tests.
struct Wire {
    units: Vec<u16>,
    at: usize,
    table: Vec<String>,
}

impl Wire {
    fn new(wire: &str) -> Wire {
        let mut wire = Wire {
            units: wire.encode_utf16().collect(),
            at: 0,
            table: Vec::new(),
        };
        for _ in 0..wire.number() {
            let new = wire.string();
            wire.table.push(new);
        }
        wire
    }

    fn number(&mut self) -> u64 {
        let (mut n, mut shift) = (0u64, 0);
        loop {
            let unit = u64::from(self.units[self.at]);
            self.at += 1;
            if unit < 0x4000 {
                return n | unit << shift;
            }
            n |= (unit - 0x4000) << shift;
            shift += 14;
        }
    }

    fn string(&mut self) -> String {
        let len = self.number() as usize;
        let text = String::from_utf16(&self.units[self.at..self.at + len]).unwrap();
        self.at += len;
        text
    }

    /// A text of the table (these tests start each kit afresh, so no text comes inline).
    fn text(&mut self) -> String {
        let v = self.number();
        assert_eq!(v % 2, 0, "a numbered text");
        self.table[(v / 2) as usize].clone()
    }
}

#[wasm_bindgen_test]
fn a_good_packet_gives_a_valid_report() {
    let mut kit = RawKit::new(None).unwrap();
    let mut report = Wire::new(&kit.check(GOOD.as_bytes(), None).unwrap());
    assert!(
        !report.table.is_empty(),
        "the first report brings its texts"
    );
    assert_eq!(report.number(), 1, "valid");
    assert_eq!(report.number(), 0, "no diagnostics");
    assert_eq!(report.number(), 1, "a score");
    let score_at = report.at;
    assert!(report.number() >= 80, "score");
    let _grade = report.number();
    assert_eq!(report.number(), 0, "a ready packet has no cap");
    let _uncapped_value = report.number();
    let (points, max_points) = (report.number(), report.number());
    // Twelve checks of id#, status, points, max_points, reason#?; the first is completeness.
    assert_eq!(report.number(), 12);
    let (mut sum, mut at_stake) = (0, 0);
    for k in 0..12 {
        let id = report.text();
        assert!(k > 0 || id == "completeness", "{id}");
        assert!(report.number() <= 2, "status");
        sum += report.number();
        at_stake += report.number();
        if report.number() == 1 {
            report.text(); // reason
        }
    }
    assert_eq!((sum, at_stake), (points, max_points), "the checks add up");
    let score = report.units[score_at..report.at].to_vec();
    assert_eq!(report.number(), 1, "an SLA");
    report.text(); // policy
    report.text(); // calendar
    assert_eq!(report.number(), 1, "a receiving team");
    assert_eq!(report.text(), "finance");
    report.text(); // time zone
    report.text(); // unit
    let _target_value = report.number();
    let _start = report.string();
    assert!(report.string().starts_with("20"), "deadline");
    // The same packet again: every text is already numbered, and the score reads the same.
    let mut again = Wire::new(&kit.check(GOOD.as_bytes(), None).unwrap());
    assert!(again.table.is_empty(), "nothing new");
    assert_eq!((again.number(), again.number(), again.number()), (1, 0, 1));
    assert_eq!(again.units[again.at..again.at + score.len()], score[..]);
}

#[wasm_bindgen_test]
fn a_bad_packet_gives_its_diagnostics_in_the_wire_form() {
    let mut kit = RawKit::new(None).unwrap();
    let mut report = Wire::new(&kit.check(MISSING_OWNER.as_bytes(), None).unwrap());
    assert_eq!(report.number(), 0, "not valid");
    assert!(report.number() >= 1, "diagnostics");
    assert_eq!(report.text(), "schema/required");
    assert_eq!(report.number(), 0, "severity 0 is error");
    assert_eq!(report.text(), "/owner");
    report.text(); // the message
    if report.number() == 1 {
        report.text(); // the hint
    }
    assert_eq!(report.number(), 0, "source 0 is schema");
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
    // Past the nesting ceiling (limits.rs, json-depth): kind `limit`, naming it and the path.
    assert_eq!(err["kind"], "limit");
    let message = err["message"].as_str().unwrap();
    assert!(message.contains("json-depth"), "{message}");
    assert!(message.contains("/a/0/0"), "{message}");
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

#[wasm_bindgen_test]
fn live_core_objects_counts_kits_and_validators_until_they_are_dropped() {
    // The JS finalization test reads this count; it must go up and come back down.
    let before = live_core_objects();
    let kit = RawKit::new(None).unwrap();
    let validator = RawValidator::new("true", None, true).unwrap();
    assert_eq!(live_core_objects(), before + 2);
    drop(kit);
    assert_eq!(live_core_objects(), before + 1);
    drop(validator);
    assert_eq!(live_core_objects(), before);
    // A refused constructor leaves nothing behind.
    assert!(RawValidator::new("{", None, true).is_err());
    assert_eq!(live_core_objects(), before);
}

#[wasm_bindgen_test]
fn a_regression_case_crosses_as_json_then_the_report_wire() {
    let bundle = include_str!("../examples/bundles/acme.bundle.json");
    let mut kit = RawKit::new(Some(bundle.to_string())).unwrap();
    assert_eq!(kit.case_count(), 3);
    let text = kit.run_case(1);
    let (head, wire) = text.split_once('\n').expect("a newline after the JSON");
    let head: serde_json::Value = serde_json::from_str(head).unwrap();
    assert_eq!(head["passed"], true);
    assert_eq!(head["failures"], serde_json::json!([]));
    assert_eq!(head["name"], "a handoff without an owner is not ready");
    let mut report = Wire::new(wire);
    assert_eq!(report.number(), 0, "not valid");
    assert_eq!(kit.run_case(3), "", "nothing past the last case");
}

#[wasm_bindgen_test]
fn every_built_in_schema_reads_in_the_wasm_build() {
    // build.rs trims the schemas' examples for the .wasm: each must still parse and compile.
    let store = handoff_kit::schema::SchemaStore::builtin();
    for id in store.ids() {
        let schema = store.get(id).unwrap();
        assert!(schema.get("examples").is_none(), "{id}");
        handoff_kit::Validator::new(schema, store)
            .unwrap_or_else(|e| panic!("{id}: {}", e.message));
    }
}
