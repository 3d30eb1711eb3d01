//! Running the bundle's regression cases with the kit (see `crate::cases`).

use super::{CheckOptions, Kit};
use crate::cases::{judge, CaseResult};
use crate::note::NoteFormat;
use serde_json::{Map, Value};

impl Kit {
    /// How many regression cases the bundle has (`cases`).
    pub fn case_count(&self) -> usize {
        self.core.cases.len()
    }

    /// Runs every regression case of the bundle, in order.
    pub fn run_cases(&self) -> Vec<CaseResult> {
        (0..self.case_count())
            .filter_map(|index| self.run_case(index))
            .collect()
    }

    /// Runs case `index` (`None` past the last): checks its packet or note, with its
    /// `scenario` when the handoff names none and its `now`, and judges the report against
    /// its `expect`. A case that cannot be checked (past a limit) fails, saying why.
    pub fn run_case(&self, index: usize) -> Option<CaseResult> {
        let case = self.core.cases.get(index)?;
        let text = |key: &str| case.get(key).and_then(Value::as_str);
        let name = text("name").map_or_else(|| format!("case {}", index + 1), str::to_string);
        let scenario = text("scenario");
        let options = CheckOptions {
            now: text("now").map(str::to_string),
        };
        let mut failures = Vec::new();
        if let Some(now) = &options.now {
            if crate::sla::parse_instant(now).is_none() {
                failures.push(format!(
                    "now \"{now}\" is not an RFC 3339 time such as 2026-12-01T10:00:00Z"
                ));
            }
        }
        let checked = match (text("note"), case.get("packet")) {
            (Some(note), _) => {
                let format = match text("format") {
                    Some("html") => NoteFormat::Html,
                    _ => NoteFormat::Text,
                };
                let mut context = Value::Null;
                if let Some(scenario) = scenario {
                    context = Value::Object(Map::new());
                    with_scenario(&mut context, scenario);
                }
                self.check_note(note, format, &context, &options)
            }
            (None, Some(packet)) => {
                let mut packet = packet.clone();
                if let Some(scenario) = scenario {
                    with_scenario(&mut packet, scenario);
                }
                self.check(packet, &options)
            }
            (None, None) => Err(crate::error::Error::new(
                "input",
                "the case has neither a packet nor a note",
            )),
        };
        let report = match checked {
            Ok(report) => {
                failures.extend(judge(case.get("expect").unwrap_or(&Value::Null), &report));
                Some(report)
            }
            Err(err) => {
                failures.push(format!("could not be checked: {}", err.message));
                None
            }
        };
        Some(CaseResult {
            name,
            passed: failures.is_empty(),
            failures,
            report,
        })
    }
}

/// Sets `handoff.scenario` when the packet's handoff names none (a handoff that is not an
/// object is left for the schema to report).
fn with_scenario(packet: &mut Value, scenario: &str) {
    let Some(packet) = packet.as_object_mut() else {
        return;
    };
    // (Maps built by hand: `json!` would link serde's value serializer into the `.wasm`.)
    let handoff = packet
        .entry("handoff")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(handoff) = handoff.as_object_mut() {
        handoff
            .entry("scenario")
            .or_insert_with(|| Value::String(scenario.to_string()));
    }
}
