//! The fuzz targets: what one input (a text) is run through. Shared by the fuzzer
//! (`examples/fuzz/main.rs`) and the corpus replay (`tests/fuzz_corpus.rs`), and mirrored by
//! `tests/js/fuzz-replay.test.mjs` through the npm package. `tests/fuzz/README.md` maps each
//! target to its corpus folder and to the calls it makes.

use handoff_kit::json_text::{report_wire, WireStrings};
use handoff_kit::note::NoteFormat;
use handoff_kit::schema::{SchemaStore, ValidatorOptions};
use handoff_kit::sla::{CalendarRef, DeadlineRequest};
use handoff_kit::{CheckOptions, Error, Kit, Validator};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Every target, in the order the fuzzer runs them.
pub const TARGETS: &[Target] = &[
    Target::Packet,
    Target::NoteText,
    Target::NoteMarkdown,
    Target::NoteHtml,
    Target::Sla,
    Target::Schema,
];

/// The `now` every check is given (the core never reads a clock).
pub const NOW: &str = "2026-11-21T12:00:00Z";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A packet's JSON text: `Kit::check_text` and `Kit::validate_text` on the built-in kit.
    Packet,
    /// A plain-text note: `Kit::parse_note` and `Kit::check_note`.
    NoteText,
    /// A Markdown note (read as text, as the npm package's `format: "text"` does).
    NoteMarkdown,
    /// A note as an editor's HTML.
    NoteHtml,
    /// An SLA case, JSON `{ bundle?, deadline?, minutes?, check? }`: a kit of the bundle, then
    /// `deadline`, `business_minutes_between` and `check` with `now`.
    Sla,
    /// A schema case, JSON `{ schema, instance | instance_text, assert_formats? }`:
    /// `Validator::with_options`, then `validate_node` and `is_valid_node` on the instance text.
    Schema,
}

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Packet => "packet",
            Target::NoteText => "note-text",
            Target::NoteMarkdown => "note-markdown",
            Target::NoteHtml => "note-html",
            Target::Sla => "sla",
            Target::Schema => "schema",
        }
    }

    pub fn by_name(name: &str) -> Option<Target> {
        TARGETS.iter().copied().find(|t| t.name() == name)
    }

    /// The file extension of its corpus files (recipes are `*.recipe.json` in any folder).
    pub fn extension(self) -> &'static str {
        match self {
            Target::NoteText => "txt",
            Target::NoteMarkdown => "md",
            Target::NoteHtml => "html",
            Target::Packet | Target::Sla | Target::Schema => "json",
        }
    }
}

/// What one input gave: the error kinds met (empty when every call succeeded) and the
/// slowest call.
#[derive(Debug, Default)]
pub struct Outcome {
    pub calls: usize,
    pub errors: Vec<&'static str>,
    /// The slowest call's time and name (`check_note`, `deadline`, …).
    pub slowest: (Duration, &'static str),
}

impl Outcome {
    /// Runs and times one call of the kit's API.
    fn call<T>(
        &mut self,
        name: &'static str,
        call: impl FnOnce() -> Result<T, Error>,
    ) -> Option<T> {
        let started = Instant::now();
        let result = call();
        let took = started.elapsed();
        if took > self.slowest.0 {
            self.slowest = (took, name);
        }
        self.record(result)
    }

    fn record<T>(&mut self, result: Result<T, Error>) -> Option<T> {
        self.calls += 1;
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                assert!(!error.message.is_empty(), "an error without a message");
                self.errors.push(error.kind);
                None
            }
        }
    }

    /// Whether any call failed with a kind no input should cause.
    pub fn internal(&self) -> bool {
        self.errors.contains(&"internal")
    }
}

/// Runs one input through a target. Panics only where the kit does (the fuzzer's finding).
/// `strings` is the npm kit's text table, kept across inputs as a page keeps its kit.
pub fn run(target: Target, text: &str, strings: &mut WireStrings) -> Outcome {
    let mut outcome = Outcome::default();
    let options = CheckOptions {
        now: Some(NOW.to_string()),
    };
    let kit = Kit::builtin().expect("the built-in kit");
    match target {
        Target::Packet => {
            if let Some(report) = outcome.call("check", || kit.check_text(text, &options)) {
                std::hint::black_box(report_wire(&report, strings));
            }
            outcome.call("validate", || kit.validate_text(text));
        }
        Target::NoteText | Target::NoteMarkdown | Target::NoteHtml => {
            let format = if target == Target::NoteHtml {
                NoteFormat::Html
            } else {
                NoteFormat::Text
            };
            if let Some(parsed) = outcome.call("parse_note", || kit.parse_note(text, format)) {
                std::hint::black_box(serde_json::to_string(&parsed).expect("serialise"));
            }
            let context = serde_json::json!({ "ticket": { "id": "T-1" },
                "handoff": { "from": { "team": "support" }, "at": "2026-11-20T16:00:00Z" } });
            if let Some(report) = outcome.call("check_note", || {
                kit.check_note(text, format, &context, &options)
            }) {
                std::hint::black_box(report_wire(&report, strings));
            }
        }
        Target::Sla => run_sla(text, &mut outcome, strings),
        Target::Schema => run_schema(text, &mut outcome),
    }
    outcome
}

/// A field of a case as JSON text (how the npm package hands it to the core).
fn field_text(case: &Value, name: &str) -> Option<String> {
    case.get(name).map(Value::to_string)
}

fn run_sla(text: &str, outcome: &mut Outcome, strings: &mut WireStrings) {
    let Some(case) = outcome.record(handoff_kit::error::parse_json("The case", text)) else {
        return;
    };
    let kit = match field_text(&case, "bundle") {
        Some(bundle) => match outcome.call("new kit", || Kit::from_json(&bundle)) {
            Some(kit) => kit,
            None => return,
        },
        None => Kit::builtin().expect("the built-in kit"),
    };
    if let Some(request) = field_text(&case, "deadline") {
        // As the wasm facade reads it: JSON text, then the request's fields.
        let request =
            handoff_kit::error::parse_json("The deadline request", &request).and_then(|value| {
                serde_json::from_value::<DeadlineRequest>(value)
                    .map_err(|e| Error::new("input", format!("not usable: {e}")))
            });
        if let Some(request) = outcome.record(request) {
            if let Some(deadline) = outcome.call("deadline", || kit.deadline(&request)) {
                std::hint::black_box(serde_json::to_string(&deadline).expect("serialise"));
            }
        }
    }
    if let Some(minutes) = case.get("minutes") {
        let calendar = minutes.get("calendar").cloned().unwrap_or(Value::Null);
        let calendar = serde_json::from_value::<CalendarRef>(calendar)
            .map_err(|e| Error::new("input", format!("not usable: {e}")));
        let instant = |name: &str| {
            minutes
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        if let Some(calendar) = outcome.record(calendar) {
            outcome.call("business_minutes_between", || {
                kit.business_minutes_between(&calendar, &instant("from"), &instant("to"))
            });
        }
    }
    if let Some(check) = case.get("check") {
        let packet = check
            .get("packet")
            .map(Value::to_string)
            .unwrap_or_default();
        let now = check.get("now").and_then(Value::as_str).map(str::to_string);
        if let Some(report) =
            outcome.call("check", || kit.check_text(&packet, &CheckOptions { now }))
        {
            std::hint::black_box(report_wire(&report, strings));
        }
    }
}

fn run_schema(text: &str, outcome: &mut Outcome) {
    let Some(case) = outcome.record(handoff_kit::error::parse_json("The case", text)) else {
        return;
    };
    let schema_text = field_text(&case, "schema").unwrap_or_else(|| "{}".to_string());
    let Some(schema) = outcome.record(handoff_kit::error::parse_json("The schema", &schema_text))
    else {
        return;
    };
    let options = ValidatorOptions {
        assert_formats: case.get("assert_formats").and_then(Value::as_bool) != Some(false),
    };
    let Some(validator) = outcome.call("new Validator", || {
        Validator::with_options(&schema, SchemaStore::builtin(), options)
    }) else {
        return;
    };
    let instance = match case.get("instance_text").and_then(Value::as_str) {
        Some(text) => text.to_string(),
        None => field_text(&case, "instance").unwrap_or_else(|| "null".to_string()),
    };
    // As the npm package's `validateText` and `isValidText`: read the text, then validate.
    outcome.call("validate", || {
        let tape = handoff_kit::error::parse_tape("The document", &instance)?;
        let diagnostics = validator.validate_node(tape.root());
        Ok(handoff_kit::json_text::diagnostics(&diagnostics))
    });
    outcome.call("is_valid", || {
        let tape = handoff_kit::error::parse_tape("The document", &instance)?;
        Ok(validator.is_valid_node(tape.root()))
    });
}
