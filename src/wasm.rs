//! The wasm-bindgen facade: converts types and errors, nothing else.
//!
//! Documents cross the boundary as JSON text in both directions. Measured on the example
//! packets (`Validator.isValid`, one Node process): JSON text parsed by serde_json inside wasm
//! 24.0 µs; a JS object through `JSON.stringify` and then the same path 34.9 µs; the same object
//! converted by serde-wasm-bindgen 57.0 µs. So objects are stringified in JS, and the facade
//! needs no JS types. Packets and documents are read in place as a [`crate::tape::Tape`]. Errors are thrown as the
//! JSON of [`crate::Error`]; the JS wrapper turns them into `HandoffKitError`s.

use crate::error::{parse_json, parse_tape, Error};
use crate::json_text::{report_wire, WireStrings};
use crate::kit::{CheckOptions, Kit};
use crate::schema::limits::parse_schema_text;
use crate::schema::{SchemaStore, Validator, ValidatorOptions};
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::prelude::*;

fn throw(err: Error) -> JsValue {
    let json = serde_json::to_string(&err).unwrap_or_else(|_| {
        String::from(r#"{"kind":"internal","message":"An error could not be described."}"#)
    });
    JsValue::from_str(&json)
}

/// JSON text that the JS layer encoded to UTF-8 itself: `TextEncoder.encodeInto` into a reused
/// buffer costs a fraction of the glue's character-by-character copy of a `&str` (bench/README.md).
fn utf8<'a>(what: &str, bytes: &'a [u8]) -> Result<&'a str, JsValue> {
    std::str::from_utf8(bytes).map_err(|e| {
        throw(Error::new(
            "input",
            format!("{what} is not valid UTF-8 (byte {}).", e.valid_up_to()),
        ))
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        throw(Error::new(
            "internal",
            format!("Could not encode the result: {e}"),
        ))
    })
}

/// Appends `value` as JSON text to `out`.
fn write_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), JsValue> {
    serde_json::to_writer(out, value).map_err(|e| {
        throw(Error::new(
            "internal",
            format!("Could not encode the result: {e}"),
        ))
    })
}

/// A compiled bundle (JS: wrapped by `HandoffKit`).
#[wasm_bindgen]
pub struct RawKit {
    kit: Kit,
    /// The texts this kit's JS wrapper holds by number (`json_text::WireStrings`).
    strings: WireStrings,
    _live: Live,
}

#[wasm_bindgen]
impl RawKit {
    /// `bundle_json`: the org bundle as JSON text, or nothing for the built-in schemas.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle_json: Option<String>) -> Result<RawKit, JsValue> {
        let kit = match bundle_json {
            Some(text) => Kit::from_json(&text),
            None => Kit::builtin(),
        };
        kit.map(|kit| RawKit {
            kit,
            strings: WireStrings::default(),
            _live: Live::new(),
        })
        .map_err(throw)
    }

    /// The report for a packet (JSON text as UTF-8), in the wire form of
    /// `json_text::report_wire`.
    pub fn check(&mut self, packet_utf8: &[u8], now: Option<String>) -> Result<String, JsValue> {
        let packet_json = utf8("The packet", packet_utf8)?;
        let report = self
            .kit
            .check_text(packet_json, &CheckOptions { now })
            .map_err(throw)?;
        Ok(report_wire(&report, &mut self.strings))
    }

    /// The schema diagnostics for a packet (JSON text as UTF-8), as JSON text.
    pub fn validate(&self, packet_utf8: &[u8]) -> Result<String, JsValue> {
        let packet_json = utf8("The packet", packet_utf8)?;
        let diagnostics = self.kit.validate_text(packet_json).map_err(throw)?;
        Ok(crate::json_text::diagnostics(&diagnostics))
    }

    /// A deadline for `{ calendar, start, target, pauses?, now?, warn_before? }` (JSON text).
    pub fn deadline(&self, request_json: &str) -> Result<String, JsValue> {
        let request = parse_json("The deadline request", request_json).map_err(throw)?;
        let request: crate::sla::DeadlineRequest =
            serde_json::from_value(request).map_err(|e| {
                throw(Error::new(
                    "input",
                    format!("The deadline request is not usable: {e}."),
                ))
            })?;
        to_json(&self.kit.deadline(&request).map_err(throw)?)
    }

    /// Open minutes of a calendar (an id, or a calendar as JSON text) between two instants.
    #[wasm_bindgen(js_name = businessMinutesBetween)]
    pub fn business_minutes_between(
        &self,
        calendar_json: &str,
        from: &str,
        to: &str,
    ) -> Result<f64, JsValue> {
        let calendar = parse_json("The calendar", calendar_json).map_err(throw)?;
        let calendar: crate::sla::CalendarRef = serde_json::from_value(calendar).map_err(|e| {
            throw(Error::new(
                "input",
                format!("The calendar is not usable: {e}."),
            ))
        })?;
        let minutes = self
            .kit
            .business_minutes_between(&calendar, from, to)
            .map_err(throw)?;
        // Minutes within ±2^53 are exact as a JS number.
        Ok(minutes as f64)
    }

    /// The blank note for a scenario.
    #[wasm_bindgen(js_name = noteTemplate)]
    pub fn note_template(&self, scenario: &str) -> String {
        self.kit.note_template(scenario)
    }

    /// `{ packet, diagnostics, text, spans, insert_at }` for a note, as JSON text; without
    /// `text` unless `with_text` (a text note's text is the note itself, which the caller
    /// has: copying megabytes back and parsing them as JSON was a tenth of a large note's time).
    #[wasm_bindgen(js_name = parseNote)]
    pub fn parse_note(&self, text: &str, html: bool, with_text: bool) -> Result<String, JsValue> {
        // Written part by part, each part freed once written. The packet is written as the
        // note reader filled it, without a `serde_json::Value` between (a map node per object
        // and a string per word: most of a large note's wasm memory), and is gone before the
        // text grows to hold the spans.
        let mut out = Vec::new();
        out.extend_from_slice(b"{\"packet\":");
        let note = self
            .kit
            .read_note(text, note_format(html), with_text, |packet| {
                packet.write_json(&mut out)
            })
            .map_err(throw)?;
        let crate::note::Read {
            packet,
            diagnostics,
            text,
            spans,
            insert_at,
        } = note;
        packet.map_err(|e| {
            throw(Error::new(
                "internal",
                format!("Could not encode the result: {e}"),
            ))
        })?;
        out.extend_from_slice(b",\"diagnostics\":");
        write_json(&mut out, &diagnostics)?;
        if with_text {
            out.extend_from_slice(b",\"text\":");
            write_json(&mut out, &text)?;
        }
        drop(text);
        // Grown once to its size instead of doubling (a doubling holds both the old and the
        // new block at once: the wasm memory high-water mark of a large note).
        out.reserve(spans.json_len() + 64);
        out.extend_from_slice(b",\"spans\":");
        write_json(&mut out, &spans)?;
        drop(spans);
        out.extend_from_slice(b",\"insert_at\":");
        write_json(&mut out, &insert_at)?;
        out.push(b'}');
        // serde_json writes UTF-8 only.
        String::from_utf8(out).map_err(|e| {
            throw(Error::new(
                "internal",
                format!("Could not encode the result: {e}"),
            ))
        })
    }

    /// The report for a note, with spans into the text the agent sees, in the wire form of
    /// `json_text::report_wire`.
    #[wasm_bindgen(js_name = checkNote)]
    pub fn check_note(
        &mut self,
        text: &str,
        html: bool,
        context_json: Option<String>,
        now: Option<String>,
    ) -> Result<String, JsValue> {
        let context = match context_json {
            Some(json) => parse_json("The note context", &json).map_err(throw)?,
            None => serde_json::Value::Null,
        };
        let report = self
            .kit
            .check_note(text, note_format(html), &context, &CheckOptions { now })
            .map_err(throw)?;
        Ok(report_wire(&report, &mut self.strings))
    }

    /// How many regression cases the bundle has (`cases`).
    #[wasm_bindgen(js_name = caseCount)]
    pub fn case_count(&self) -> u32 {
        self.kit.case_count() as u32
    }

    /// Runs regression case `index`: `{ "name", "passed", "failures" }` as JSON text, a
    /// newline, then the report in the wire form of `json_text::report_wire` (nothing after
    /// the newline when the case could not be checked; an empty string past the last case).
    #[wasm_bindgen(js_name = runCase)]
    pub fn run_case(&mut self, index: u32) -> String {
        let Some(result) = self.kit.run_case(index as usize) else {
            return String::new();
        };
        use serde_json::Value;
        // Built by hand: `json!` would link serde's value serializer.
        let failures = result.failures.into_iter().map(Value::String).collect();
        let mut head = serde_json::Map::new();
        head.insert("name".to_string(), Value::String(result.name));
        head.insert("passed".to_string(), Value::Bool(result.passed));
        head.insert("failures".to_string(), Value::Array(failures));
        let mut out = Value::Object(head).to_string();
        out.push('\n');
        if let Some(report) = &result.report {
            out.push_str(&report_wire(report, &mut self.strings));
        }
        out
    }

    /// `{ "bundle", "version", "scenarios" }` as JSON text.
    pub fn describe(&self) -> String {
        let (bundle, version) = self.kit.bundle();
        let scenarios: Vec<&str> = self.kit.scenarios().collect();
        serde_json::json!({ "bundle": bundle, "version": version, "scenarios": scenarios })
            .to_string()
    }
}

/// The audit (`RawAuditor`), only in the .wasm of `handoff-kit/audit`: src/wasm_audit.rs.
#[cfg(feature = "wasm-audit")]
#[path = "wasm_audit.rs"]
mod audit;

fn note_format(html: bool) -> crate::note::NoteFormat {
    if html {
        crate::note::NoteFormat::Html
    } else {
        crate::note::NoteFormat::Text
    }
}

/// Any JSON Schema, compiled (JS: wrapped by `Validator`).
#[wasm_bindgen]
pub struct RawValidator {
    validator: Validator,
    _live: Live,
}

#[wasm_bindgen]
impl RawValidator {
    /// `registry_json`: an object of `{ "<uri>": schema }` that `$ref`s may resolve to.
    #[wasm_bindgen(constructor)]
    pub fn new(
        schema_json: &str,
        registry_json: Option<String>,
        assert_formats: bool,
    ) -> Result<RawValidator, JsValue> {
        let schema = parse_schema_text("The schema", schema_json).map_err(throw)?;
        let store = match registry_json {
            Some(text) => {
                let registry = parse_schema_text("The registry", &text).map_err(throw)?;
                let Some(documents) = registry.as_object() else {
                    return Err(throw(Error::new(
                        "input",
                        "The registry must be an object of { \"<$id>\": schema }.",
                    )));
                };
                SchemaStore::builtin()
                    .with_retrievable(documents)
                    .map_err(throw)?
            }
            None => SchemaStore::builtin().clone(),
        };
        let options = ValidatorOptions { assert_formats };
        let validator = Validator::with_options(&schema, &store, options).map_err(throw)?;
        Ok(RawValidator {
            validator,
            _live: Live::new(),
        })
    }

    /// Diagnostics for a document (JSON text as UTF-8), as JSON text.
    pub fn validate(&self, instance_utf8: &[u8]) -> Result<String, JsValue> {
        let instance_json = utf8("The document", instance_utf8)?;
        let instance = parse_tape("The document", instance_json).map_err(throw)?;
        Ok(crate::json_text::diagnostics(
            &self.validator.validate_node(instance.root()),
        ))
    }

    /// Whether a document (JSON text as UTF-8) is valid.
    #[wasm_bindgen(js_name = isValid)]
    pub fn is_valid(&self, instance_utf8: &[u8]) -> Result<bool, JsValue> {
        let instance_json = utf8("The document", instance_utf8)?;
        let instance = parse_tape("The document", instance_json).map_err(throw)?;
        Ok(self.validator.is_valid_node(instance.root()))
    }
}

/// Core objects (`RawKit`, `RawValidator`) not yet freed, whether by `free()` or by the glue's
/// FinalizationRegistry once their JS wrapper was collected. Not part of the package's API: the
/// JS tests read it through the glue to prove that dropped objects are released.
static LIVE_OBJECTS: AtomicUsize = AtomicUsize::new(0);

/// Counts its owner in [`LIVE_OBJECTS`] from construction to drop.
struct Live;

impl Live {
    fn new() -> Live {
        LIVE_OBJECTS.fetch_add(1, Ordering::Relaxed);
        Live
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        LIVE_OBJECTS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The number of live core objects (see [`LIVE_OBJECTS`]); for the package's tests.
#[wasm_bindgen(js_name = liveCoreObjects)]
pub fn live_core_objects() -> u32 {
    LIVE_OBJECTS.load(Ordering::Relaxed) as u32
}
