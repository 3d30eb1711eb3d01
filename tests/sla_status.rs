//! A deadline's status with `now` long after it: breached, with the open time since the
//! deadline counted exactly however far `now` is (past the 100 years a deadline is searched
//! over too). What that costs is held in src/sla/timeline/tests.rs (days looked at, counted
//! by years: `a_status_walk_two_centuries_on_costs_what_one_does`).

use handoff_kit::sla::{CalendarRef, DeadlineRequest, Sla, Status};
use serde_json::{json, Value};

fn london() -> Value {
    json!({"time_zone": "Europe/London",
        "week": {"mon": [["09:00","17:00"]], "tue": [["22:00","06:00"]], "thu": [["09:00","12:30"]]},
        "holidays": ["*-12-25", "*-01-01", "2030-01-07"],
        "exceptions": [{"date": "2031-02-04", "hours": [["10:00","11:00"]]}]})
}

fn request(calendar: &Value, now: &str) -> DeadlineRequest {
    serde_json::from_value(json!({
        "calendar": calendar, "start": "2026-11-16T10:00:00Z", "now": now,
        "target": {"unit": "business_hours", "value": 60},
    }))
    .unwrap()
}

#[test]
fn the_overrun_long_after_the_deadline_is_exact_past_the_search_span() {
    let sla = Sla::default();
    let calendar = london();
    for now in [
        "2027-03-01T12:00:00Z",
        "2090-07-01T00:00:00Z",
        "2176-11-20T08:00:00Z",
    ] {
        let deadline = sla.deadline(&request(&calendar, now)).unwrap();
        assert_eq!(deadline.status, Some(Status::Breached));
        // The reference: the same open time counted in spans of under 100 years, each by
        // businessMinutesBetween (whole-minute calendars, so no minute is lost to rounding).
        let inline = CalendarRef::Inline(calendar.clone());
        let mut since = 0;
        let mut from = deadline.deadline.clone();
        for to in ["2090-01-01T00:00:00Z", "2176-01-01T00:00:00Z", now] {
            if to <= from.as_str() {
                continue;
            }
            let to = if to > now { now } else { to };
            since += sla.business_minutes_between(&inline, &from, to).unwrap();
            from = to.to_string();
        }
        assert_eq!(deadline.remaining_business_minutes, Some(-since), "{now}");
    }
}

#[test]
fn a_status_checked_at_the_year_9999_is_breached_and_answers_at_once() {
    let sla = Sla::default();
    let started = std::time::Instant::now();
    let deadline = sla
        .deadline(&request(&london(), "9999-06-01T00:00:00Z"))
        .unwrap();
    let took = started.elapsed();
    eprintln!("status in 9999: {took:?}");
    assert_eq!(deadline.status, Some(Status::Breached));
    assert!(deadline.remaining_business_minutes.unwrap() < -100_000_000);
    // Generous for a debug build on a loaded machine.
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
}
