//! Replays the fuzz corpus (`tests/fuzz/`, README there) natively: every input through its
//! own target, and every small input through every other target too, asserting no panic, no
//! error of kind `internal`, each call within a bound for this (unoptimised) build; then that
//! ordinary calls still give the right answers. The same corpus goes through the npm package
//! in `tests/js/fuzz-replay.test.mjs`.

#[allow(dead_code)]
#[path = "../examples/fuzz/corpus.rs"]
mod corpus;
#[path = "../examples/fuzz/recipe.rs"]
mod recipe;
#[allow(dead_code)]
#[path = "../examples/fuzz/targets.rs"]
mod targets;

use handoff_kit::json_text::WireStrings;
use handoff_kit::note::NoteFormat;
use handoff_kit::sla::{CalendarRef, DeadlineRequest};
use handoff_kit::{CheckOptions, Kit};
use std::time::{Duration, Instant};
use targets::{Target, TARGETS};

/// A call's bound in a debug build, per started megabyte of input: the release build's rule is
/// 1 s (`make fuzz`); an unoptimised build is 5–20 times slower, and the machine is shared.
const DEBUG_CALL_PER_MB: Duration = Duration::from_secs(20);

/// Inputs up to this size also go through every other target.
const CROSS_BYTES: usize = 64 * 1024;

fn bound(bytes: usize) -> Duration {
    DEBUG_CALL_PER_MB * (bytes / 1_000_000 + 1) as u32
}

/// Runs `inputs` through `target`; returns the problems found (empty when all is well).
fn replay(target: Target, inputs: &[corpus::Input], strings: &mut WireStrings) -> Vec<String> {
    let mut problems = Vec::new();
    for input in inputs {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            targets::run(target, &input.text, strings)
        }));
        match outcome {
            Err(_) => problems.push(format!(
                "{} through {}: panicked",
                input.name,
                target.name()
            )),
            Ok(outcome) => {
                if outcome.internal() {
                    problems.push(format!(
                        "{} through {}: kind internal",
                        input.name,
                        target.name()
                    ));
                }
                let (took, call) = outcome.slowest;
                if took > bound(input.text.len()) {
                    problems.push(format!(
                        "{} through {}: {call} took {took:?} ({} bytes)",
                        input.name,
                        target.name(),
                        input.text.len()
                    ));
                }
            }
        }
    }
    problems
}

fn own_target(target: Target) {
    let inputs = corpus::inputs(target);
    assert!(!inputs.is_empty(), "tests/fuzz/{} is empty", target.name());
    let started = Instant::now();
    let problems = replay(target, &inputs, &mut WireStrings::default());
    eprintln!(
        "{}: {} inputs in {:?}",
        target.name(),
        inputs.len(),
        started.elapsed()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    ordinary_calls_still_right();
}

#[test]
fn packet_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::Packet);
}

#[test]
fn note_text_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::NoteText);
}

#[test]
fn note_markdown_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::NoteMarkdown);
}

#[test]
fn note_html_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::NoteHtml);
}

#[test]
fn sla_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::Sla);
}

#[test]
fn schema_corpus_replays_without_panic_or_slow_call() {
    own_target(Target::Schema);
}

#[test]
fn small_inputs_replay_through_every_other_target() {
    let mut problems = Vec::new();
    let mut strings = WireStrings::default();
    for &from in TARGETS {
        let small: Vec<corpus::Input> = corpus::inputs(from)
            .into_iter()
            .filter(|input| input.text.len() <= CROSS_BYTES)
            .collect();
        for &to in TARGETS.iter().filter(|t| **t != from) {
            problems.extend(replay(to, &small, &mut strings));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    ordinary_calls_still_right();
}

#[test]
fn every_corpus_file_is_read_by_its_target() {
    // A file with another extension would be replayed through a target it was not made for.
    for &target in TARGETS {
        for input in corpus::inputs(target) {
            let file = input.name.rsplit('/').next().unwrap_or_default();
            assert!(
                file.ends_with(".recipe.json")
                    || file.ends_with(&format!(".{}", target.extension())),
                "{} is not a .{} file or a recipe",
                input.name,
                target.extension()
            );
        }
    }
}

#[test]
fn recipes_expand_as_documented() {
    let text = recipe::expand(
        r#"{"parts": ["[", {"repeat": "{i}", "times": 3, "separator": ","}, {"repeat": "é", "times": 2}, "]"]}"#,
    )
    .unwrap();
    assert_eq!(text, "[0,1,2éé]");
    assert!(recipe::expand(r#"{"parts": [1]}"#).is_err());
    assert!(recipe::expand(r#"{"parts": [{"repeat": "x"}]}"#).is_err());
}

/// After hostile input, ordinary calls give the answers they give on a fresh kit.
fn ordinary_calls_still_right() {
    let kit = Kit::builtin().unwrap();
    let dir = corpus::folder();
    let good =
        std::fs::read_to_string(dir.join("packet/example-billing_to_finance-good.json")).unwrap();
    let options = CheckOptions {
        now: Some("2026-11-21T12:00:00Z".to_string()),
    };
    let report = kit.check_text(&good, &options).unwrap();
    assert!(report.valid, "{:?}", report.diagnostics);
    assert!(
        report.score.as_ref().is_some_and(|s| s.value >= 80),
        "{:?}",
        report.score
    );

    let note = std::fs::read_to_string(dir.join("note-text/billing-plain.txt")).unwrap();
    let parsed = kit.parse_note(&note, NoteFormat::Text).unwrap();
    assert_eq!(parsed.packet["owner"]["name"], "Dana Kim");
    assert_eq!(parsed.packet["billing"]["invoice_id"], "INV-2041");

    // Friday 16:00 in London (UTC in November) + 4 business hours of 09:00–17:00: one hour on
    // Friday, three on Monday.
    let request: DeadlineRequest = serde_json::from_value(serde_json::json!({
        "calendar": { "time_zone": "Europe/London", "week": {
            "mon": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]] } },
        "start": "2026-11-20T16:00:00Z",
        "target": { "unit": "business_hours", "value": 4 }
    }))
    .unwrap();
    let deadline = kit.deadline(&request).unwrap();
    assert_eq!(deadline.deadline, "2026-11-23T12:00:00Z");
    let minutes = kit
        .business_minutes_between(
            &CalendarRef::Id("default".to_string()),
            "2026-11-20T16:00:00Z",
            "2026-11-23T12:00:00Z",
        )
        .unwrap();
    assert!(minutes > 0, "{minutes}");
}
