//! The brute-force reference the SLA property tests compare the engine with, written from
//! the semantics in docs/sla.md: walk the timeline minute by minute and ask "is this local
//! wall-clock time open, and is it outside every pause?".

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Value};

pub const MINUTE: i64 = 60;

/// A generated calendar, in the reference's own terms: minutes after local midnight, `end`
/// past 1440 for an interval running past midnight.
#[derive(Debug, Clone)]
pub struct Spec {
    pub zone: &'static str,
    pub week: Vec<Vec<(u32, u32)>>,
    pub holidays: Vec<Date>,
    pub recurring: Vec<(i8, i8)>,
    pub exceptions: Vec<(Date, Vec<(u32, u32)>)>,
}

pub fn hhmm(minutes: u32, is_end: bool) -> String {
    let minutes = if is_end && minutes > 1440 {
        minutes - 1440
    } else {
        minutes
    };
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

pub fn hours_json(hours: &[(u32, u32)]) -> Value {
    Value::Array(
        hours
            .iter()
            .map(|&(s, e)| json!([hhmm(s, false), hhmm(e, true)]))
            .collect(),
    )
}

impl Spec {
    pub fn to_json(&self) -> Value {
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

    pub fn weekly_minutes(&self) -> u32 {
        self.week.iter().flatten().map(|(s, e)| e - s).sum()
    }

    /// The reference: open intervals belonging to a date.
    pub fn intervals_on(&self, date: Date) -> &[(u32, u32)] {
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
    pub fn open_at(&self, local: DateTime) -> bool {
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

pub struct Reference<'a> {
    pub spec: &'a Spec,
    pub zone: TimeZone,
    pub pauses: Vec<(i64, i64)>,
    pub every_minute_counts: bool,
}

impl Reference<'_> {
    pub fn counts(&self, t: i64, with_pauses: bool) -> bool {
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
    pub fn first_counted(&self, start: i64) -> i64 {
        let mut t = start;
        while !self.counts(t, true) {
            t += MINUTE;
            assert!(t - start < 200 * 86_400, "reference walked too far");
        }
        t
    }

    /// The end of the minute in which the `minutes`-th counted minute falls.
    pub fn advance(&self, start: i64, minutes: i64, with_pauses: bool) -> i64 {
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

    pub fn count(&self, from: i64, to: i64, with_pauses: bool) -> i64 {
        (0..(to - from).max(0) / MINUTE)
            .filter(|k| self.counts(from + k * MINUTE, with_pauses))
            .count() as i64
    }

    /// `business_days`, from the semantics: the same local time on the n-th next business day
    /// after the one the first open instant belongs to (or that day's close when that time is
    /// closed), pushed by paused open time.
    pub fn business_days(&self, start: i64, days: u32) -> i64 {
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
