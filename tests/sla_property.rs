//! The engine against a brute-force reference written from the semantics in docs/sla.md:
//! walk the timeline minute by minute and ask "is this local wall-clock time open, and is it
//! outside every pause?". Randomised calendars (weekly hours with overnight intervals and
//! "24:00" ends, holidays, recurring holidays, exceptions), zones with DST (including the
//! 30-minute DST of Lord Howe and the half-hour offsets of St John's and Kolkata), starts near
//! DST changes, pauses and targets.

use handoff_kit::sla::{CalendarRef, DeadlineRequest, Sla, Status};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use proptest::prelude::*;
use serde_json::{json, Value};

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

const MINUTE: i64 = 60;

/// A generated calendar, in the reference's own terms: minutes after local midnight, `end`
/// past 1440 for an interval running past midnight.
#[derive(Debug, Clone)]
struct Spec {
    zone: &'static str,
    week: Vec<Vec<(u32, u32)>>,
    holidays: Vec<Date>,
    recurring: Vec<(i8, i8)>,
    exceptions: Vec<(Date, Vec<(u32, u32)>)>,
}

fn hhmm(minutes: u32, is_end: bool) -> String {
    let minutes = if is_end && minutes > 1440 {
        minutes - 1440
    } else {
        minutes
    };
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn hours_json(hours: &[(u32, u32)]) -> Value {
    Value::Array(
        hours
            .iter()
            .map(|&(s, e)| json!([hhmm(s, false), hhmm(e, true)]))
            .collect(),
    )
}

impl Spec {
    fn to_json(&self) -> Value {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut week = serde_json::Map::new();
        for (name, hours) in names.iter().zip(&self.week) {
            week.insert(name.to_string(), hours_json(hours));
        }
        let mut holidays: Vec<String> = self.holidays.iter().map(|d| d.to_string()).collect();
        holidays.extend(
            self.recurring
                .iter()
                .map(|(m, d)| format!("*-{m:02}-{d:02}")),
        );
        let exceptions: Vec<Value> = self
            .exceptions
            .iter()
            .map(|(date, hours)| json!({ "date": date.to_string(), "hours": hours_json(hours) }))
            .collect();
        json!({ "time_zone": self.zone, "week": week, "holidays": holidays, "exceptions": exceptions })
    }

    fn weekly_minutes(&self) -> u32 {
        self.week.iter().flatten().map(|(s, e)| e - s).sum()
    }

    /// The reference: open intervals belonging to a date.
    fn intervals_on(&self, date: Date) -> &[(u32, u32)] {
        if let Some((_, hours)) = self.exceptions.iter().find(|(d, _)| *d == date) {
            return hours;
        }
        if self.holidays.contains(&date) || self.recurring.contains(&(date.month(), date.day())) {
            return &[];
        }
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        &self.week[weekday]
    }

    /// The reference: is this local wall-clock time open?
    fn open_at(&self, local: DateTime) -> bool {
        let minute = local.hour() as u32 * 60 + local.minute() as u32;
        let date = local.date();
        self.intervals_on(date)
            .iter()
            .any(|&(s, e)| s <= minute && minute < e)
            || self
                .intervals_on(date.yesterday().unwrap())
                .iter()
                .any(|&(s, e)| s <= minute + 1440 && minute + 1440 < e)
    }
}

struct Reference<'a> {
    spec: &'a Spec,
    zone: TimeZone,
    pauses: Vec<(i64, i64)>,
    every_minute_counts: bool,
}

impl Reference<'_> {
    fn counts(&self, t: i64, with_pauses: bool) -> bool {
        if with_pauses && self.pauses.iter().any(|&(a, b)| a <= t && t < b) {
            return false;
        }
        if self.every_minute_counts {
            return true;
        }
        let local = self.zone.to_datetime(Timestamp::from_second(t).unwrap());
        self.spec.open_at(local)
    }

    /// First minute at or after `start` that counts.
    fn first_counted(&self, start: i64) -> i64 {
        let mut t = start;
        while !self.counts(t, true) {
            t += MINUTE;
            assert!(t - start < 200 * 86_400, "reference walked too far");
        }
        t
    }

    /// The end of the minute in which the `minutes`-th counted minute falls.
    fn advance(&self, start: i64, minutes: i64, with_pauses: bool) -> i64 {
        if minutes == 0 {
            return self.first_counted(start);
        }
        let mut t = start;
        let mut counted = 0;
        loop {
            if self.counts(t, with_pauses) {
                counted += 1;
                if counted == minutes {
                    return t + MINUTE;
                }
            }
            t += MINUTE;
            assert!(t - start < 200 * 86_400, "reference walked too far");
        }
    }

    fn count(&self, from: i64, to: i64, with_pauses: bool) -> i64 {
        (0..(to - from).max(0) / MINUTE)
            .filter(|k| self.counts(from + k * MINUTE, with_pauses))
            .count() as i64
    }

    /// `business_days`, from the semantics: the same local time on the n-th next business day
    /// after the one the first open instant belongs to (or that day's close when that time is
    /// closed), pushed by paused open time.
    fn business_days(&self, start: i64, days: u32) -> i64 {
        let first = self.first_counted(start);
        if days == 0 {
            return first;
        }
        let local = self
            .zone
            .to_datetime(Timestamp::from_second(first).unwrap());
        // The business day an instant belongs to: an overnight interval's morning belongs to
        // the evening it started. Its time is kept in that day's frame (27:00 = 03:00 next day).
        let minute = local.hour() as u32 * 60 + local.minute() as u32;
        let own = self
            .spec
            .intervals_on(local.date())
            .iter()
            .any(|&(s, e)| s <= minute && minute < e);
        let (mut date, frame_minutes) = if own {
            (local.date(), minute)
        } else {
            (local.date().yesterday().unwrap(), minute + 1440)
        };
        for _ in 0..days {
            date = date.tomorrow().unwrap();
            while self.spec.intervals_on(date).is_empty() {
                date = date.tomorrow().unwrap();
            }
        }
        let midnight = date.to_datetime(jiff::civil::time(0, 0, 0, 0));
        let wanted = midnight
            .checked_add(jiff::Span::new().minutes(i64::from(frame_minutes)))
            .unwrap();
        let local_end = if self.spec.open_at(wanted) {
            wanted
        } else {
            let close = self
                .spec
                .intervals_on(date)
                .iter()
                .map(|&(_, e)| e)
                .max()
                .unwrap();
            date.to_datetime(jiff::civil::time(0, 0, 0, 0))
                .checked_add(jiff::Span::new().minutes(i64::from(close)))
                .unwrap()
        };
        let end = self
            .zone
            .to_ambiguous_timestamp(local_end)
            .compatible()
            .unwrap()
            .as_second();
        let paused = self.count(first, end, false) - self.count(first, end, true);
        if paused == 0 {
            end
        } else {
            self.advance(end, paused, true)
        }
    }
}

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
