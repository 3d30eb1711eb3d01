//! The engine against a brute-force reference written from the semantics in docs/sla.md:
//! walk the timeline minute by minute and ask "is this local wall-clock time open, and is it
//! outside every pause?". Randomised calendars (weekly hours with overnight intervals and
//! "24:00" ends, holidays, recurring holidays, exceptions), zones with DST (including the
//! 30-minute DST of Lord Howe and the half-hour offsets of St John's and Kolkata), starts near
//! DST changes, pauses and targets.

mod sla_common;

use handoff_kit::sla::{CalendarRef, DeadlineRequest, Sla, Status};
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
    "Australia/Sydney",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "America/St_Johns",
];

/// Days a little before DST changes of 2026 in those zones (March/April, September/October).
const BASES: &[&str] = &[
    "2026-03-04",
    "2026-03-25",
    "2026-04-01",
    "2026-09-30",
    "2026-10-21",
    "2026-10-29",
];

fn interval() -> impl Strategy<Value = (u32, u32)> {
    // Quarter-hour starts, 15 minutes to 12 hours long (so some run past midnight).
    (0u32..96, 1u32..=48).prop_map(|(q, len)| (q * 15, q * 15 + len * 15))
}

/// Drops intervals that would overlap on the circular week (the engine rejects those).
fn clean_week(raw: Vec<Vec<(u32, u32)>>) -> Vec<Vec<(u32, u32)>> {
    let mut all: Vec<(u32, u32, usize)> = Vec::new();
    for (day, hours) in raw.iter().enumerate() {
        for &(s, e) in hours {
            all.push((day as u32 * 1440 + s, day as u32 * 1440 + e, day));
        }
    }
    all.sort();
    let mut kept: Vec<(u32, u32, usize)> = Vec::new();
    for item in all {
        let clear_of_last = kept.last().is_none_or(|last| item.0 >= last.1);
        let clear_of_wrap = kept
            .first()
            .is_none_or(|first| item.1 <= first.0 + 7 * 1440);
        if clear_of_last && clear_of_wrap {
            kept.push(item);
        }
    }
    if kept.is_empty() {
        kept.push((540, 1020, 0));
    }
    let mut week = vec![Vec::new(); 7];
    for (s, e, day) in kept {
        let base = day as u32 * 1440;
        week[day].push((s - base, e - base));
    }
    week
}

fn clean_day(mut hours: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    hours.sort();
    let mut kept: Vec<(u32, u32)> = Vec::new();
    for h in hours {
        if kept.last().is_none_or(|last| h.0 >= last.1) {
            kept.push(h);
        }
    }
    kept
}

fn spec() -> impl Strategy<Value = (Spec, Date)> {
    (
        0..ZONES.len(),
        0..BASES.len(),
        prop::collection::vec(prop::collection::vec(interval(), 0..=2), 7),
        prop::collection::vec(0i64..16, 0..=2),
        prop::option::of(0i64..16),
        prop::collection::vec((0i64..16, prop::collection::vec(interval(), 0..=2)), 0..=2),
    )
        .prop_map(|(zone, base, week, holidays, recurring, exceptions)| {
            let base: Date = BASES[base].parse().unwrap();
            let day = |k: i64| base.checked_add(jiff::Span::new().days(k)).unwrap();
            let mut seen = Vec::new();
            let exceptions = exceptions
                .into_iter()
                .filter_map(|(k, hours)| {
                    let date = day(k);
                    (!seen.contains(&date)).then(|| {
                        seen.push(date);
                        (date, clean_day(hours))
                    })
                })
                .collect();
            let spec = Spec {
                zone: ZONES[zone],
                week: clean_week(week),
                holidays: holidays.into_iter().map(day).collect(),
                recurring: recurring
                    .map(day)
                    .map(|d| (d.month(), d.day()))
                    .into_iter()
                    .collect(),
                exceptions,
            };
            (spec, base)
        })
}

fn utc_seconds(text: &str) -> i64 {
    text.parse::<Timestamp>().unwrap().as_second()
}

fn text(t: i64) -> String {
    Timestamp::from_second(t).unwrap().to_string()
}

#[derive(Debug, Clone)]
struct Case {
    spec: Spec,
    start: i64,
    pauses: Vec<(i64, i64)>,
    unit: usize,
    fraction: f64,
    days: u32,
}

fn case() -> impl Strategy<Value = Case> {
    (
        spec(),
        0i64..(14 * 1440),
        prop::collection::vec((-1440i64..(10 * 1440), 0i64..(3 * 1440)), 0..=3),
        0usize..4,
        0.0f64..1.0,
        0u32..=5,
    )
        .prop_map(|((spec, base), offset, pauses, unit, fraction, days)| {
            let base = utc_seconds(&format!("{base}T00:00:00Z"));
            let start = base + offset * MINUTE;
            let pauses = pauses
                .into_iter()
                .map(|(from, length)| {
                    let from = start + from * MINUTE;
                    (from, from + length * MINUTE)
                })
                .collect();
            Case {
                spec,
                start,
                pauses,
                unit,
                fraction,
                days,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn deadlines_match_a_minute_by_minute_walk(case in case()) {
        let spec = &case.spec;
        let weekly = i64::from(spec.weekly_minutes());
        let (unit, value) = match case.unit {
            0 => ("business_minutes", (case.fraction * 2.0 * weekly as f64) as i64),
            1 => ("business_hours", (case.fraction * 2.0 * weekly as f64 / 60.0) as i64),
            2 => ("calendar_minutes", (case.fraction * 5000.0) as i64),
            _ => ("business_days", i64::from(case.days)),
        };
        let reference = Reference {
            spec,
            zone: TimeZone::get(spec.zone).unwrap(),
            pauses: case.pauses.clone(),
            every_minute_counts: unit == "calendar_minutes",
        };
        let expected = match unit {
            "business_hours" => reference.advance(case.start, value * 60, true),
            "business_days" => reference.business_days(case.start, value as u32),
            _ => reference.advance(case.start, value, true),
        };
        let pauses: Vec<Value> = case.pauses.iter()
            .map(|&(a, b)| json!({ "from": text(a), "to": text(b) }))
            .collect();
        let request: DeadlineRequest = serde_json::from_value(json!({
            "calendar": spec.to_json(), "start": text(case.start),
            "target": { "unit": unit, "value": value }, "pauses": pauses,
            "now": text(case.start + 3 * 86_400),
        })).unwrap();
        let deadline = Sla::default().deadline(&request).unwrap();
        prop_assert_eq!(&deadline.deadline, &text(expected), "{} {} on {}", value, unit, spec.to_json());
        let counted: f64 = deadline.segments.iter().map(|s| s.minutes).sum();
        let total = match unit {
            "business_hours" => value * 60,
            "business_days" => reference.count(reference.first_counted(case.start), expected, true),
            _ => value,
        };
        prop_assert_eq!(counted as i64, total);
        // With now three days after the start: what has elapsed, and what is left.
        let now = case.start + 3 * 86_400;
        let elapsed = reference.count(case.start, now, true);
        prop_assert_eq!(deadline.remaining_business_minutes, Some(total - elapsed));
        let breached = now > expected;
        prop_assert_eq!(deadline.status == Some(Status::Breached), breached);
    }

    #[test]
    fn business_minutes_between_match_a_minute_by_minute_count(
        (spec, base) in spec(), from in 0i64..(10 * 1440), span in -(3 * 1440i64)..(8 * 1440),
    ) {
        let base = utc_seconds(&format!("{base}T00:00:00Z"));
        let from = base + from * MINUTE;
        let to = from + span * MINUTE;
        let reference = Reference {
            spec: &spec,
            zone: TimeZone::get(spec.zone).unwrap(),
            pauses: Vec::new(),
            every_minute_counts: false,
        };
        let expected = if to >= from {
            reference.count(from, to, false)
        } else {
            -reference.count(to, from, false)
        };
        let calendar = CalendarRef::Inline(spec.to_json());
        let got = Sla::default().business_minutes_between(&calendar, &text(from), &text(to)).unwrap();
        prop_assert_eq!(got, expected, "{}", spec.to_json());
    }
}
