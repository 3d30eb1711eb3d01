//! Deadlines on real calendars: weekends, hours, a start outside hours, closing time, a leap-day
//! holiday, half days, pauses, targets of 0 and of 60 business days, status and warnings.

use handoff_kit::sla::{DeadlineRequest, Sla, Status};
use serde_json::{json, Value};

mod sla_common;
use sla_common::{business_minutes, deadline, target, weekdays};

fn london() -> Value {
    json!({ "time_zone": "Europe/London", "week": weekdays(json!([["09:00", "17:00"]])) })
}

#[test]
fn four_business_hours_from_friday_afternoon_end_monday_noon() {
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-20T16:00:00Z",
        "target": target("business_hours", 4) }),
    );
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json,
        json!({
            "time_zone": "Europe/London",
            "target": { "unit": "business_hours", "value": 4 },
            "start": "2026-11-20T16:00:00Z",
            "deadline": "2026-11-23T12:00:00Z",
            "deadline_local": "2026-11-23T12:00:00+00:00",
            "warn_at": null,
            "status": null,
            "remaining_business_minutes": null,
            "elapsed_ratio": null,
            "segments": [
                { "start": "2026-11-20T16:00:00+00:00", "end": "2026-11-20T17:00:00+00:00", "minutes": 60 },
                { "start": "2026-11-23T09:00:00+00:00", "end": "2026-11-23T12:00:00+00:00", "minutes": 180 }
            ]
        })
    );
}

#[test]
fn a_start_outside_hours_counts_from_the_next_opening() {
    for start in [
        "2026-11-21T10:00:00Z", // Saturday
        "2026-11-20T18:30:00Z", // Friday evening
        "2026-11-23T07:00:00Z", // Monday before opening
    ] {
        let d = deadline(json!({ "calendar": london(), "start": start,
            "target": target("business_minutes", 60) }));
        assert_eq!(d.deadline, "2026-11-23T10:00:00Z", "from {start}");
        assert_eq!(d.segments.len(), 1);
        assert_eq!(d.segments[0].start, "2026-11-23T09:00:00+00:00");
    }
}

#[test]
fn a_deadline_exactly_at_closing_is_that_closing_time() {
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-23T13:00:00Z",
        "target": target("business_hours", 4) }),
    );
    assert_eq!(d.deadline, "2026-11-23T17:00:00Z");
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-27T16:00:00Z",
        "target": target("business_minutes", 60) }),
    );
    assert_eq!(
        d.deadline, "2026-11-27T17:00:00Z",
        "Friday 17:00, not Monday 09:00"
    );
}

#[test]
fn a_leap_day_holiday_only_closes_29_february() {
    let calendar = json!({ "time_zone": "UTC", "week": weekdays(json!([["09:00", "17:00"]])),
        "holidays": ["*-02-29"] });
    // 2028-02-29 is a Tuesday.
    let d = deadline(
        json!({ "calendar": calendar, "start": "2028-02-28T16:00:00Z",
        "target": target("business_hours", 2) }),
    );
    assert_eq!(d.deadline, "2028-03-01T10:00:00Z");
    // 2027 has no 29 February: Monday 1 March 2027 is open.
    let d = deadline(
        json!({ "calendar": calendar, "start": "2027-02-26T16:00:00Z",
        "target": target("business_hours", 2) }),
    );
    assert_eq!(d.deadline, "2027-03-01T10:00:00Z");
}

fn christmas_london() -> Value {
    json!({ "time_zone": "Europe/London", "week": weekdays(json!([["09:00", "17:00"]])),
        "holidays": ["2026-12-25", "2026-12-28", "*-01-01"],
        "exceptions": [{ "date": "2026-12-24", "hours": [["09:00", "13:00"]] }] })
}

#[test]
fn half_day_exceptions_shorten_the_day() {
    let d = deadline(
        json!({ "calendar": christmas_london(), "start": "2026-12-24T12:00:00Z",
        "target": target("business_hours", 2) }),
    );
    assert_eq!(d.deadline, "2026-12-29T10:00:00Z");
    let ends: Vec<&str> = d.segments.iter().map(|s| s.end.as_str()).collect();
    assert_eq!(
        ends,
        vec!["2026-12-24T13:00:00+00:00", "2026-12-29T10:00:00+00:00"]
    );
}

#[test]
fn one_business_day_is_the_same_time_next_business_day_or_that_days_close() {
    // Wed 15:00 -> Thu 24 Dec is a half day closing at 13:00: the deadline is 13:00.
    let d = deadline(
        json!({ "calendar": christmas_london(), "start": "2026-12-23T15:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-12-24T13:00:00Z");
    // Thu 24 Dec 10:00 -> skips Fri 25 and Mon 28 (holidays) -> Tue 29 Dec 10:00.
    let d = deadline(
        json!({ "calendar": christmas_london(), "start": "2026-12-24T10:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-12-29T10:00:00Z");
    // Not 24 business hours: those would take three working days.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-23T10:00:00Z",
        "target": target("business_hours", 24) }),
    );
    assert_eq!(d.deadline, "2026-11-26T10:00:00Z");
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-23T10:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-11-24T10:00:00Z");
    // From Saturday, counting starts Monday 09:00: one business day is Tuesday 09:00.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-21T10:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-11-24T09:00:00Z");
}

#[test]
fn pauses_spanning_a_night_and_a_weekend_do_not_count() {
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-19T15:00:00Z",
        "target": target("business_hours", 4),
        "pauses": [{ "from": "2026-11-19T16:00:00Z", "to": "2026-11-23T10:00:00Z" }] }),
    );
    assert_eq!(d.deadline, "2026-11-23T13:00:00Z");
    let starts: Vec<&str> = d.segments.iter().map(|s| s.start.as_str()).collect();
    assert_eq!(
        starts,
        vec!["2026-11-19T15:00:00+00:00", "2026-11-23T10:00:00+00:00"]
    );
    // Without the pause: Thursday 15:00-17:00, Friday 09:00-11:00.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-19T15:00:00Z",
        "target": target("business_hours", 4) }),
    );
    assert_eq!(d.deadline, "2026-11-20T11:00:00Z");
    // A pause also pushes a business-days deadline by the open time it covers.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-23T10:00:00Z",
        "target": target("business_days", 1),
        "pauses": [{ "from": "2026-11-23T16:00:00Z", "to": "2026-11-24T10:00:00Z" }] }),
    );
    assert_eq!(d.deadline, "2026-11-24T12:00:00Z");
}

#[test]
fn a_target_of_zero_is_the_first_open_instant() {
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-21T10:00:00Z",
        "target": target("business_minutes", 0), "now": "2026-11-21T11:00:00Z" }),
    );
    assert_eq!(d.deadline, "2026-11-23T09:00:00Z");
    assert_eq!(d.status, Some(Status::OnTrack));
    assert_eq!(d.elapsed_ratio, Some(0.0));
    assert!(d.segments.is_empty());
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-23T10:00:00Z",
        "target": target("business_days", 0) }),
    );
    assert_eq!(d.deadline, "2026-11-23T10:00:00Z");
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-21T10:00:00Z",
        "target": target("calendar_minutes", 0) }),
    );
    assert_eq!(d.deadline, "2026-11-21T10:00:00Z");
}

#[test]
fn sixty_business_days_skip_holidays_and_keep_local_time_across_dst() {
    let utc = json!({ "time_zone": "UTC", "week": weekdays(json!([["09:00", "17:00"]])) });
    let d = deadline(json!({ "calendar": utc, "start": "2026-11-23T10:00:00Z",
        "target": target("business_days", 60) }));
    assert_eq!(d.deadline, "2027-02-15T10:00:00Z");
    assert!(d.segments.len() <= 5, "{:?}", d.segments);
    let total: f64 = d.segments.iter().map(|s| s.minutes).sum();
    assert_eq!(total, 60.0 * 8.0 * 60.0);
    let with_holidays = json!({ "time_zone": "UTC", "week": utc["week"],
        "holidays": ["2026-12-25", "*-01-01"] });
    let d = deadline(
        json!({ "calendar": with_holidays, "start": "2026-11-23T10:00:00Z",
        "target": target("business_days", 60) }),
    );
    assert_eq!(d.deadline, "2027-02-17T10:00:00Z");
    // London, across the October change: still 10:00 local, now GMT.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-10-19T10:00:00+01:00",
        "target": target("business_days", 60) }),
    );
    assert_eq!(d.deadline_local, "2027-01-11T10:00:00+00:00");
    // 480 business hours = 60 full days of 8 hours.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-10-19T10:00:00+01:00",
        "target": target("business_hours", 480) }),
    );
    assert_eq!(d.deadline_local, "2027-01-11T10:00:00+00:00");
}

#[test]
fn overnight_and_midnight_ends() {
    let calendar = json!({ "time_zone": "UTC", "week": { "mon": [["18:00", "24:00"]],
        "tue": [["22:00", "02:00"]] } });
    assert_eq!(
        business_minutes(
            calendar.clone(),
            "2026-11-23T00:00:00Z",
            "2026-11-26T00:00:00Z"
        ),
        (6 + 4) * 60
    );
    let d = deadline(
        json!({ "calendar": calendar, "start": "2026-11-23T23:00:00Z",
        "target": target("business_minutes", 120) }),
    );
    assert_eq!(d.deadline, "2026-11-24T23:00:00Z");
}

#[test]
fn status_follows_now_and_the_warning() {
    let request = |now: &str, pauses: Value| {
        deadline(
            json!({ "calendar": london(), "start": "2026-11-20T16:00:00Z",
            "target": target("business_hours", 4), "warn_before": { "percent": 25 },
            "now": now, "pauses": pauses }),
        )
    };
    let d = request("2026-11-23T10:00:00Z", json!([]));
    assert_eq!(d.warn_at.as_deref(), Some("2026-11-23T11:00:00Z"));
    assert_eq!(d.status, Some(Status::OnTrack));
    assert_eq!(d.remaining_business_minutes, Some(120));
    assert_eq!(d.elapsed_ratio, Some(0.5));
    let d = request("2026-11-23T11:30:00Z", json!([]));
    assert_eq!(d.status, Some(Status::AtRisk));
    assert_eq!(d.remaining_business_minutes, Some(30));
    let d = request("2026-11-23T13:00:00Z", json!([]));
    assert_eq!(d.status, Some(Status::Breached));
    assert_eq!(d.remaining_business_minutes, Some(-60));
    assert_eq!(d.elapsed_ratio, Some(1.25));
    // Before the start of a weekend: nothing has elapsed.
    let d = request("2026-11-20T12:00:00Z", json!([]));
    assert_eq!(d.elapsed_ratio, Some(0.0));
    assert_eq!(d.remaining_business_minutes, Some(240));
    let d = request(
        "2026-11-23T10:00:00Z",
        json!([{ "from": "2026-11-23T09:30:00Z", "to": "2026-11-23T10:30:00Z" }]),
    );
    assert_eq!(d.status, Some(Status::Paused));
    assert_eq!(d.deadline, "2026-11-23T13:00:00Z");
}

#[test]
fn warnings_count_business_time_not_wall_time() {
    // 60 business minutes left from a 09:00 deadline is the previous evening's 16:00-17:00.
    let d = deadline(
        json!({ "calendar": london(), "start": "2026-11-20T16:00:00Z",
        "target": target("business_minutes", 120), "warn_before": { "minutes": 60 } }),
    );
    assert_eq!(d.deadline, "2026-11-23T10:00:00Z");
    assert_eq!(d.warn_at.as_deref(), Some("2026-11-20T17:00:00Z"));
}

#[test]
fn calendars_by_id_come_from_the_bundle() {
    let sla = Sla::from_bundle(&json!({ "london": london() }), &Value::Null).unwrap();
    let request: DeadlineRequest = serde_json::from_value(json!({ "calendar": "london",
        "start": "2026-07-03T16:00:00+01:00", "target": target("business_hours", 4) }))
    .unwrap();
    let d = sla.deadline(&request).unwrap();
    assert_eq!(d.deadline_local, "2026-07-06T12:00:00+01:00");
    assert_eq!(d.time_zone, "Europe/London");
    let request: DeadlineRequest = serde_json::from_value(json!({ "calendar": "default",
        "start": "2026-07-03T16:00:00Z", "target": target("business_hours", 4) }))
    .unwrap();
    assert_eq!(
        sla.deadline(&request).unwrap().deadline,
        "2026-07-06T12:00:00Z"
    );
}

#[test]
fn bad_requests_name_the_field() {
    let cases = [
        (
            json!({ "calendar": "paris", "start": "2026-07-03T16:00:00Z", "target": target("business_hours", 4) }),
            "/calendar",
        ),
        (
            json!({ "calendar": "default", "start": "next monday", "target": target("business_hours", 4) }),
            "/start",
        ),
        (
            json!({ "calendar": "default", "start": "2026-07-03T16:00:00", "target": target("business_hours", 4) }),
            "/start",
        ),
        (
            json!({ "calendar": "default", "start": "2026-07-03T16:00:00Z", "target": target("business_hours", 4),
            "pauses": [{ "from": "2026-07-03T17:00:00Z", "to": "2026-07-03T16:30:00Z" }] }),
            "/pauses/0/to",
        ),
        (
            json!({ "calendar": "default", "start": "2026-07-03T16:00:00Z", "target": target("business_days", 1_000_000) }),
            "/target/value",
        ),
        (
            json!({ "calendar": "default", "start": "2026-07-03T16:00:00Z", "target": target("business_hours", 4), "now": "soon" }),
            "/now",
        ),
        (
            json!({ "calendar": { "time_zone": "Mars/Olympus", "week": weekdays(json!([["09:00", "17:00"]])) },
            "start": "2026-07-03T16:00:00Z", "target": target("business_hours", 4) }),
            "/calendar/time_zone",
        ),
    ];
    for (request, path) in cases {
        let request: DeadlineRequest = serde_json::from_value(request).unwrap();
        let err = Sla::default().deadline(&request).unwrap_err();
        assert_eq!(
            err.diagnostics.first().map(|d| d.path.as_str()),
            Some(path),
            "{}",
            err.message
        );
    }
}

#[test]
fn business_minutes_between_is_negative_when_reversed() {
    let forward = business_minutes(london(), "2026-11-20T16:00:00Z", "2026-11-23T12:00:00Z");
    let backward = business_minutes(london(), "2026-11-23T12:00:00Z", "2026-11-20T16:00:00Z");
    assert_eq!(forward, 240);
    assert_eq!(backward, -240);
    assert_eq!(
        business_minutes(london(), "2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"),
        0
    );
}

#[test]
fn a_breach_at_friday_closing_reads_zero_over_the_weekend_then_counts_down() {
    let request = |now: &str| {
        deadline(
            json!({ "calendar": london(), "start": "2026-11-20T13:00:00Z",
            "target": target("business_hours", 4), "now": now }),
        )
    };
    let d = request("2026-11-20T17:00:00Z");
    assert_eq!(d.deadline, "2026-11-20T17:00:00Z");
    assert_eq!(d.status, Some(Status::OnTrack), "at the deadline itself");
    let d = request("2026-11-21T12:00:00Z");
    assert_eq!(d.status, Some(Status::Breached));
    assert_eq!(d.remaining_business_minutes, Some(0));
    let d = request("2026-11-23T09:30:00Z");
    assert_eq!(d.remaining_business_minutes, Some(-30));
    assert_eq!(d.elapsed_ratio, Some(1.125));
}

#[test]
fn midnight_to_midnight_is_a_full_day() {
    let calendar = json!({ "time_zone": "UTC", "week": { "sat": [["00:00", "00:00"]] } });
    assert_eq!(
        business_minutes(calendar, "2026-11-20T00:00:00Z", "2026-11-23T00:00:00Z"),
        1440
    );
}

#[test]
fn a_night_shift_business_day_runs_from_shift_to_shift() {
    let night = json!([["22:00", "06:00"]]);
    let calendar = json!({ "time_zone": "UTC", "week": weekdays(night) });
    // Saturday 03:00 is the end of Friday's shift: one business day later is Monday's shift,
    // at the same point of it (Tuesday 03:00).
    let d = deadline(
        json!({ "calendar": calendar, "start": "2026-11-21T03:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-11-24T03:00:00Z");
    // Monday 23:00 -> Tuesday 23:00.
    let d = deadline(
        json!({ "calendar": calendar, "start": "2026-11-23T23:00:00Z",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline, "2026-11-24T23:00:00Z");
}
