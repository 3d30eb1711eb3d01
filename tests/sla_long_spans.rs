//! Long walks against the minute-by-minute reference: calendars with many short intervals a
//! day, a weekly holiday for months (so no week repeats the one before), exceptions that may
//! overlap the night shift before them, DST changes, pauses, and `now` weeks after the start.
//! These are the walks that count whole days at once (a day's open time from one lookup), so
//! this is where such a count must agree with walking every interval.

mod sla_common;

use handoff_kit::sla::{CalendarRef, DeadlineRequest, Sla};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use proptest::prelude::*;
use serde_json::{json, Value};
use sla_common::reference::{Reference, Spec, MINUTE};

const ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
];

/// A little before DST changes of 2026.
const BASES: &[&str] = &["2026-03-01", "2026-03-20", "2026-09-25", "2026-10-20"];

/// One day's hours: `count` intervals of `length` minutes spread over the day from 01:00,
/// and maybe a night shift from 23:15 to 01:00 the next day.
fn day((count, length, night): (u32, u32, bool)) -> Vec<(u32, u32)> {
    let step = (1380 / (count + 1)) / 15 * 15;
    let length = length.clamp(15, step.saturating_sub(15).max(15));
    let mut hours: Vec<(u32, u32)> = (0..count)
        .map(|i| (60 + i * step, 60 + i * step + length))
        .filter(|&(_, end)| end <= 1395)
        .collect();
    if night {
        hours.push((1395, 1500));
    }
    hours
}

fn text(t: i64) -> String {
    Timestamp::from_second(t).unwrap().to_string()
}

fn spec() -> impl Strategy<Value = (Spec, i64)> {
    (
        0..ZONES.len(),
        0..BASES.len(),
        prop::collection::vec((0u32..=12, 15u32..=90, prop::bool::weighted(0.3)), 7),
        0i64..7,
        prop::collection::vec((0i64..40, 0u32..=4, 15u32..=240), 0..=3),
    )
        .prop_map(|(zone, base, week, holiday, exceptions)| {
            let base: Date = BASES[base].parse().unwrap();
            let date = |k: i64| base.checked_add(jiff::Span::new().days(k)).unwrap();
            let mut week: Vec<Vec<(u32, u32)>> = week.into_iter().map(day).collect();
            if week.iter().all(Vec::is_empty) {
                week[0] = vec![(540, 1020)];
            }
            let mut seen = Vec::new();
            let exceptions = exceptions
                .into_iter()
                .filter_map(|(k, count, length)| {
                    let at = date(k);
                    (!seen.contains(&at)).then(|| {
                        seen.push(at);
                        // From midnight: may overlap the night shift of the day before.
                        let hours = (0..count).map(|i| (i * 250, i * 250 + length.min(240)));
                        (at, hours.collect())
                    })
                })
                .collect();
            let spec = Spec {
                zone: ZONES[zone],
                week,
                holidays: (0..10).map(|w| date(holiday + 7 * w)).collect(),
                recurring: Vec::new(),
                exceptions,
            };
            let base = format!("{base}T00:00:00Z").parse::<Timestamp>().unwrap();
            (spec, base.as_second())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn long_walks_over_irregular_weeks_match_a_minute_by_minute_walk(
        (spec, base) in spec(),
        offset in 0i64..(7 * 1440),
        weeks in 0.0f64..3.0,
        later in 0i64..(40 * 1440),
        pauses in prop::collection::vec((0i64..(30 * 1440), 0i64..(3 * 1440)), 0..=2),
    ) {
        let start = base + offset * MINUTE;
        let now = start + later * MINUTE;
        let pauses: Vec<(i64, i64)> = pauses
            .into_iter()
            .map(|(from, length)| (start + from * MINUTE, start + (from + length) * MINUTE))
            .collect();
        let weekly: u32 = spec.week.iter().flatten().map(|(s, e)| e - s).sum();
        let value = (weeks * f64::from(weekly)) as i64;
        let reference = Reference {
            spec: &spec,
            zone: TimeZone::get(spec.zone).unwrap(),
            pauses: pauses.clone(),
            every_minute_counts: false,
        };
        let calendar = spec.to_json();
        let request: DeadlineRequest = serde_json::from_value(json!({
            "calendar": calendar, "start": text(start),
            "target": { "unit": "business_minutes", "value": value },
            "pauses": pauses.iter().map(|&(a, b)| json!({ "from": text(a), "to": text(b) })).collect::<Vec<Value>>(),
            "now": text(now),
        })).unwrap();
        let deadline = Sla::default().deadline(&request).unwrap();
        let expected = reference.advance(start, value, true);
        prop_assert_eq!(&deadline.deadline, &text(expected), "{} minutes on {}", value, calendar);
        let counted: f64 = deadline.segments.iter().map(|s| s.minutes).sum();
        prop_assert_eq!(counted as i64, value);
        let elapsed = reference.count(start, now, true);
        prop_assert_eq!(deadline.remaining_business_minutes, Some(value - elapsed));
        let between = Sla::default()
            .business_minutes_between(&CalendarRef::Inline(calendar.clone()), &text(start), &text(now))
            .unwrap();
        prop_assert_eq!(between, reference.count(start, now, false), "{}", calendar);
    }
}
