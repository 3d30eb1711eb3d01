//! Helpers shared by the SLA integration tests: calendars and requests as the JS API takes
//! them (JSON), and the built-in engine.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

pub mod reference;

use handoff_kit::sla::{Deadline, DeadlineRequest, Sla};
use serde_json::{json, Value};

/// The same open hours Monday to Friday.
pub fn weekdays(hours: Value) -> Value {
    json!({ "mon": hours, "tue": hours, "wed": hours, "thu": hours, "fri": hours })
}

/// A deadline from a request as `kit.deadline()` receives it.
pub fn deadline(request: Value) -> Deadline {
    let request: DeadlineRequest = serde_json::from_value(request).expect("request shape");
    Sla::default().deadline(&request).expect("deadline")
}

/// Open minutes of a calendar (an id or an inline calendar) between two instants.
pub fn business_minutes(calendar: Value, from: &str, to: &str) -> i64 {
    let calendar = serde_json::from_value(calendar).expect("calendar ref");
    Sla::default()
        .business_minutes_between(&calendar, from, to)
        .expect("minutes")
}

pub fn target(unit: &str, value: u64) -> Value {
    json!({ "unit": unit, "value": value })
}
