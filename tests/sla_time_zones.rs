//! Time zones: DST spring and autumn in Europe and the US (night shifts of 7 and 9 hours, a
//! 24-hour target across a 25-hour day) and holidays in a zone far from UTC (Sydney).

use serde_json::{json, Value};

mod sla_common;
use sla_common::{business_minutes, deadline, target, weekdays};

fn every_night(zone: &str) -> Value {
    let night = json!([["22:00", "06:00"]]);
    json!({ "time_zone": zone, "week": { "mon": night, "tue": night, "wed": night, "thu": night,
        "fri": night, "sat": night, "sun": night } })
}

#[test]
fn a_night_shift_lasts_7_hours_in_spring_and_9_in_autumn_in_europe() {
    // London: 29 Mar 2026 01:00 GMT -> 02:00 BST; 25 Oct 2026 02:00 BST -> 01:00 GMT.
    let spring = business_minutes(
        every_night("Europe/London"),
        "2026-03-28T21:00:00Z",
        "2026-03-29T12:00:00Z",
    );
    assert_eq!(spring, 7 * 60);
    let autumn = business_minutes(
        every_night("Europe/London"),
        "2026-10-24T20:00:00Z",
        "2026-10-25T12:00:00Z",
    );
    assert_eq!(autumn, 9 * 60);
    // 8 business hours from Saturday's spring shift: 7 h that night, 1 h the next.
    let d = deadline(json!({ "calendar": every_night("Europe/London"),
        "start": "2026-03-28T22:00:00Z", "target": target("business_hours", 8) }));
    assert_eq!(d.deadline, "2026-03-29T22:00:00Z");
    assert_eq!(d.deadline_local, "2026-03-29T23:00:00+01:00");
    assert_eq!(d.segments[0].end, "2026-03-29T06:00:00+01:00");
    assert_eq!(d.segments[0].minutes, 420.0);
}

#[test]
fn a_night_shift_lasts_7_hours_in_spring_and_9_in_autumn_in_the_us() {
    // New York: 8 Mar 2026 02:00 EST -> 03:00 EDT; 1 Nov 2026 02:00 EDT -> 01:00 EST.
    let zone = "America/New_York";
    assert_eq!(
        business_minutes(
            every_night(zone),
            "2026-03-08T03:00:00Z",
            "2026-03-08T20:00:00Z"
        ),
        7 * 60
    );
    assert_eq!(
        business_minutes(
            every_night(zone),
            "2026-11-01T02:00:00Z",
            "2026-11-01T20:00:00Z"
        ),
        9 * 60
    );
    let d = deadline(
        json!({ "calendar": every_night(zone), "start": "2026-10-31T22:00:00-04:00",
        "target": target("business_minutes", 9 * 60) }),
    );
    assert_eq!(d.deadline_local, "2026-11-01T06:00:00-05:00");
}

#[test]
fn twenty_four_calendar_hours_across_a_25_hour_day_end_24_real_hours_later() {
    let always = json!({ "time_zone": "Europe/London",
        "week": { "mon": [["00:00", "24:00"]], "tue": [["00:00", "24:00"]], "wed": [["00:00", "24:00"]],
            "thu": [["00:00", "24:00"]], "fri": [["00:00", "24:00"]], "sat": [["00:00", "24:00"]],
            "sun": [["00:00", "24:00"]] } });
    let d = deadline(
        json!({ "calendar": always, "start": "2026-10-24T12:00:00+01:00",
        "target": target("calendar_minutes", 1440) }),
    );
    assert_eq!(d.deadline, "2026-10-25T11:00:00Z");
    assert_eq!(d.deadline_local, "2026-10-25T11:00:00+00:00");
    // 1440 business minutes on a 24/7 calendar: the same, 24 real hours.
    let d = deadline(
        json!({ "calendar": always, "start": "2026-10-24T12:00:00+01:00",
        "target": target("business_minutes", 1440) }),
    );
    assert_eq!(d.deadline, "2026-10-25T11:00:00Z");
    // 1 business day is the same wall-clock time the next day: 25 real hours.
    let d = deadline(
        json!({ "calendar": always, "start": "2026-10-24T12:00:00+01:00",
        "target": target("business_days", 1) }),
    );
    assert_eq!(d.deadline_local, "2026-10-25T12:00:00+00:00");
    // US spring: the 23-hour day.
    let d = deadline(
        json!({ "calendar": { "time_zone": "America/New_York", "week": always["week"] },
        "start": "2026-03-07T12:00:00-05:00", "target": target("calendar_minutes", 1440) }),
    );
    assert_eq!(d.deadline_local, "2026-03-08T13:00:00-04:00");
}

#[test]
fn holidays_are_dates_in_sydney_not_in_utc() {
    let sydney = json!({ "time_zone": "Australia/Sydney", "week": weekdays(json!([["09:00", "17:00"]])),
        "holidays": ["2026-01-26"] });
    // Friday 23 Jan 16:00 AEDT; Monday 26 Jan (Australia Day) is closed all day in Sydney.
    let d = deadline(
        json!({ "calendar": sydney, "start": "2026-01-23T16:00:00+11:00",
        "target": target("business_hours", 2) }),
    );
    assert_eq!(d.deadline_local, "2026-01-27T10:00:00+11:00");
    assert_eq!(d.deadline, "2026-01-26T23:00:00Z");
    // Sydney's autumn change (5 Apr 2026, 03:00 AEDT -> 02:00 AEST) moves the UTC hours.
    let d = deadline(
        json!({ "calendar": sydney, "start": "2026-04-03T16:00:00+11:00",
        "target": target("business_hours", 2) }),
    );
    assert_eq!(d.deadline, "2026-04-06T00:00:00Z");
    assert_eq!(d.deadline_local, "2026-04-06T10:00:00+10:00");
}
