//! Running one check on one packet in the checks' inline tests.

use crate::diagnostic::Diagnostic;
use crate::rubric::check::{BusinessMinutes, Check, Input, Verdict};
use crate::rubric::fields::Fields;
use crate::rubric::plan::Plan;
use crate::rubric::registry::ENTRIES;
use crate::rubric::routing::Routing;
use crate::rubric::settings::Settings;
use crate::tape::with_value;
use crate::vocabulary::Vocabulary;
use serde_json::Value;

/// The verdict of `check` on `packet` with built-in settings.
pub fn run(check: &dyn Check, packet: &Value) -> Verdict {
    run_with(check, packet, &[], None)
}

/// The verdict with schema diagnostics and a business-minute measure.
pub fn run_with(
    check: &dyn Check,
    packet: &Value,
    schema_diagnostics: &[Diagnostic],
    business_minutes: Option<BusinessMinutes>,
) -> Verdict {
    let settings = Settings::builtin(ENTRIES);
    let routing = Routing::default();
    let vocabulary = Vocabulary::builtin();
    let plan = Plan::new(&settings);
    with_value(packet, |packet| {
        check.run(&Input {
            fields: Fields::read(packet),
            settings: &settings,
            completeness: &plan,
            routing: &routing,
            vocabulary: &vocabulary,
            schema_diagnostics,
            business_minutes,
        })
    })
    .expect("a test packet is not nested deeply")
}
