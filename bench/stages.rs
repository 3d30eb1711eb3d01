//! Native time per stage of `Kit::check` over `examples/packets/`, to see where a check's time
//! goes without the wasm boundary: `cargo run --release --example stages`. Each figure is the
//! mean over 300 passes; compare stages within one run.
//!
//! `stages STAGE [PASSES]` runs one stage only (by the name printed, e.g. `pipeline`), which is
//! what to give a profiler: `valgrind --tool=callgrind target/release/examples/stages rubric 20`
//! counts instructions, which does not drift with the machine's load.

use handoff_kit::json_text::{report_wire, WireStrings};
use handoff_kit::rubric::{Rubric, ScoreContext};
use handoff_kit::schema::SchemaStore;
use handoff_kit::sla::Sla;
use handoff_kit::tape::{Tape, TapeJson};
use handoff_kit::{CheckOptions, Kit};
use serde_json::Value;
use std::cell::RefCell;
use std::time::Instant;

const PASSES: usize = 300;
const NOW: &str = "2026-11-16T10:00:00Z";

type Stage<'a> = Box<dyn Fn(&str, &Value) + 'a>;

fn main() {
    let mut args = std::env::args().skip(1);
    let only = args.next();
    let passes = args
        .next()
        .map_or(PASSES, |n| n.parse().expect("PASSES is a number"));

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packets");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/packets")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let packets: Vec<(String, Value)> = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("read packet");
            let value = serde_json::from_str(&text).expect("packet JSON");
            (text, value)
        })
        .collect();

    let kit = Kit::builtin().expect("built-in kit");
    let sla = Sla::default();
    let rubric = Rubric::builtin();
    let vocabulary = handoff_kit::vocabulary::Vocabulary::builtin();
    let business_minutes = |from: i64, to: i64| sla.business_minutes_on("default", from, to);
    let options = CheckOptions {
        now: Some(NOW.to_string()),
    };

    // Each packet's scenario schema, compiled by jsonschema for both representations, to
    // compare validating a `serde_json::Value` with validating a tape of the same text.
    let compiled: Vec<_> = packets
        .iter()
        .map(|(_, packet)| {
            let scenario = packet
                .pointer("/handoff/scenario")
                .and_then(Value::as_str)
                .filter(|name| handoff_kit::scenario::is_builtin(name))
                .unwrap_or("bot_to_human");
            let id = format!("https://handoff-kit.dev/schemas/scenarios/{scenario}.schema.json");
            let schema = SchemaStore::builtin()
                .get(&id)
                .expect("built-in scenario schema");
            let by_value = jsonschema::options()
                .should_validate_formats(true)
                .with_retriever(FromStore)
                .build(schema)
                .expect("scenario schema");
            let by_tape = jsonschema::options_for::<TapeJson>()
                .should_validate_formats(true)
                .with_retriever(FromStore)
                .build(schema)
                .expect("scenario schema");
            (by_value, by_tape)
        })
        .collect();
    let compiled_for = |text: &str| {
        let at = packets
            .iter()
            .position(|(t, _)| std::ptr::eq(t.as_str(), text))
            .expect("an example");
        &compiled[at]
    };

    // One kit's text table for the wire form, as the npm package keeps one per kit.
    let strings = RefCell::new(WireStrings::default());
    let stages: Vec<(&str, Stage)> = vec![
        // What the wasm `check` does: JSON text in, report JSON text out.
        (
            "pipeline",
            Box::new(|text, _| {
                let report = kit.check_text(text, &options).expect("report");
                drop(report_wire(&report, &mut strings.borrow_mut()));
            }),
        ),
        (
            "parse",
            Box::new(|text, _| drop(serde_json::from_str::<Value>(text).expect("packet"))),
        ),
        (
            "parse-tape",
            Box::new(|text, _| drop(Tape::parse(text).expect("packet"))),
        ),
        (
            "parse-validate-value",
            Box::new(|text, _| {
                let packet: Value = serde_json::from_str(text).expect("packet");
                let errors = compiled_for(text).0.iter_errors(&packet).count();
                std::hint::black_box(errors);
            }),
        ),
        (
            "parse-validate-tape",
            Box::new(|text, _| {
                let tape = Tape::parse(text).expect("packet");
                let errors = compiled_for(text).1.iter_errors(tape.root()).count();
                std::hint::black_box(errors);
            }),
        ),
        (
            "validate",
            Box::new(|text, _| drop(kit.validate_text(text))),
        ),
        (
            "check",
            Box::new(|text, _| drop(kit.check_text(text, &options))),
        ),
        // The stages of a check after parsing, each on a fresh tape (its parse included).
        (
            "vocabulary",
            Box::new(|text, _| {
                let mut tape = Tape::parse(text).expect("packet");
                drop(vocabulary.normalise_tape(&mut tape));
            }),
        ),
        (
            "sla",
            Box::new(|text, _| {
                let tape = Tape::parse(text).expect("packet");
                drop(sla.for_node(tape.root(), Some(NOW)));
            }),
        ),
        (
            "rubric",
            Box::new(|text, _| {
                let tape = Tape::parse(text).expect("packet");
                let context = ScoreContext {
                    schema_diagnostics: &[],
                    business_minutes: Some(&business_minutes),
                };
                drop(rubric.score_node(tape.root(), &context));
            }),
        ),
    ];

    if let Some(name) = &only {
        assert!(
            stages.iter().any(|(n, _)| n == name),
            "unknown stage {name}"
        );
    }
    for (name, stage) in &stages {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let start = Instant::now();
        for _ in 0..passes {
            for (text, packet) in &packets {
                stage(text, packet);
            }
        }
        let per_packet = start.elapsed().as_secs_f64() * 1e6 / (passes * packets.len()) as f64;
        let note = match *name {
            "vocabulary" | "sla" | "rubric" => " (incl. parse-tape)",
            _ => "",
        };
        println!(
            "{:<32} {per_packet:>8.1} µs/packet",
            format!("{name}{note}")
        );
    }
}

/// Serves `$ref`s from the built-in schemas.
struct FromStore;

impl jsonschema::Retrieve for FromStore {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let base = uri.as_str().split('#').next().unwrap_or_default();
        SchemaStore::builtin()
            .get(base)
            .map(|schema| Value::clone(schema))
            .ok_or_else(|| format!("no built-in schema {base}").into())
    }
}
